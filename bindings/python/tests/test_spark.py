"""digicat.spark.classify in pyspark local mode: the CLI's answers, through mapInArrow.

pyspark is installed into .venv by `make python-env`; the tests skip (with the reason) only
where Java is absent, since Spark needs a JVM.
"""

from __future__ import annotations

import csv
import random
import shutil
import subprocess
from itertools import groupby
from pathlib import Path
from typing import Any, Iterator, List

import pyarrow as pa
import pytest

import digicat
import digicat.spark
from conftest import REPO, Vector
from test_arrow import arrow_answer
from test_pandas import cli_command, read_as_text
from test_vectors import expected

pytestmark = pytest.mark.skipif(
    shutil.which("java") is None, reason="Spark needs Java, and no `java` is on PATH"
)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("digicat-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "10000")
        .getOrCreate()
    )
    yield session
    session.stop()


def to_rows(df: Any) -> List[dict]:
    return df.toArrow().to_pylist()  # type: ignore[no-any-return]


def test_vectors_through_spark(spark: Any, vectors: List[Vector]) -> None:
    def options(v: Vector) -> tuple:
        return (v.policy, v.edition)

    checked = 0
    # A record with neither code nor text is a blank row in a table (skipped), as in the CLI.
    rows = [v for v in vectors if (v.code or "").strip() or (v.text or "").strip()]
    for (policy, edition), group in groupby(sorted(rows, key=options), key=options):
        batch = list(group)
        df = spark.createDataFrame(
            [(v.id, v.code, v.text) for v in batch], "id string, `行业代码` string, `经营范围` string"
        )
        out = to_rows(digicat.spark.classify(df, "行业代码", "经营范围", policy=policy,
                                             edition=edition))
        by_id = {r["id"]: r for r in out}
        assert len(by_id) == len(batch)
        for v in batch:
            assert arrow_answer(by_id[v.id]) == expected(v), v.id
            checked += 1
    assert checked == len(rows) > 50


def test_100k_generated_rows_equal_the_cli(spark: Any, vectors: List[Vector],
                                           tmp_path: Path) -> None:
    command = cli_command()
    if command is None:
        pytest.skip("no CLI: the digicat-cli crate is not in this workspace and $DIGICAT_CLI is unset")
    rng = random.Random(16)
    codes = sorted({v.code or "" for v in vectors} | {"6513", "I6510", "3981", "6591", "65"})
    texts = sorted({v.text or "" for v in vectors})
    path = tmp_path / "regs.csv"
    n = 100_000
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["企业名称", "行业代码", "经营范围"])
        for i in range(n):
            scope = "；".join(rng.choice(texts) for _ in range(rng.randint(1, 4))).strip("；")
            w.writerow([f"企业{i}", rng.choice(codes), scope])
    cli = subprocess.run([*command, "classify", str(path), "--quiet"], cwd=REPO,
                         capture_output=True, check=True)
    want = read_as_text(cli.stdout)
    df = spark.read.csv(str(path), header=True)
    out = digicat.spark.classify(df).toArrow()
    assert out.num_rows == n == len(want)
    names = out.column("企业名称").to_pylist()
    assert names == list(want["企业名称"])  # nothing dropped or reordered
    assert out.column("status").to_pylist() == list(want["status"])
    assert out.column("reason").to_pylist() == list(want["reason"])
    assert [",".join(map(str, x)) for x in out.column("industries").to_pylist()] == list(
        want["industries"])
    assert [",".join(x) for x in out.column("rows").to_pylist()] == list(want["rows"])
    assert [e or "" for e in out.column("error").to_pylist()] == list(want["error"])


def test_schema_is_declared_and_bad_columns_fail_on_the_driver(spark: Any) -> None:
    df = spark.createDataFrame([("6513", "计算机视听觉软件")], "`行业代码` string, `经营范围` string")
    out = digicat.spark.classify(df)
    assert out.columns == ["行业代码", "经营范围", *digicat.spark.COLUMNS]
    assert out.schema["industries"].dataType.simpleString() == "array<tinyint>"
    assert to_rows(out)[0]["evidence"][0]["text"] == "计算机视听觉软件"
    with pytest.raises(ValueError, match="nope"):
        digicat.spark.classify(df, code_col="nope")
    assert isinstance(pa.__version__, str)
