"""One set of generated records, identical answers on every surface (issue 16's "done when"):
``classify_many``, the Arrow entry point, the Polars expression, Spark local mode (skipped
without Java), the CLI on CSV (JSON Lines out and Parquet out) and the CLI on Parquet (Parquet
out). Compared per row: status, reason, industries, rows, every evidence item (text, row,
character span, kind, relation) and error. The szjj-2021 leg (issue 12) runs the same records
(with the szjj vectors mixed in) through ``classify_many``, Arrow, Spark, the CLI's CSV and
Parquet with ``--catalogue szjj-2021`` and with both catalogues.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import digicat
import digicat.arrow
import digicat.polars
import digicat.spark
from conftest import REPO, Vector
from test_pandas import cli_command

N = 2000

Row = Tuple[Any, ...]


def records(vectors: List[Vector]) -> Tuple[List[Optional[str]], List[Optional[str]]]:
    """N records from the shared vectors' codes and texts (joined in 1–4 phrases), some absent."""
    rng = random.Random(1616)
    codes = sorted({v.code or "" for v in vectors} | {"6513", "I6510", "3981", "6591", "65"})
    texts = sorted({v.text or "" for v in vectors})
    cs: List[Optional[str]] = []
    ts: List[Optional[str]] = []
    for _ in range(N):
        cs.append(rng.choice(codes) or None)
        scope = "；".join(rng.choice(texts) for _ in range(rng.randint(1, 4))).strip("；")
        ts.append(scope or None)
    return cs, ts


def canonical(r: Dict[str, Any]) -> Row:
    """A typed result row (Arrow, Polars, Spark, Parquet) in one comparable form."""
    evidence = tuple(
        (e["text"], e["row"], e["start"], e["end"], e["kind"], e["relation"]) for e in r["evidence"]
    )
    return (r["status"], r["reason"], tuple(r["industries"]), tuple(r["rows"]), evidence,
            r["error"])


def of_object(c: digicat.Classification) -> Row:
    evidence = tuple((e.text, e.row.id, e.start, e.end, e.kind, e.relation) for e in c.evidence)
    return (c.status, c.reason, tuple(c.industry_ids), tuple(r.id for r in c.rows), evidence,
            c.error)


def of_jsonl(r: Dict[str, Any], text: str) -> Row:
    """A CLI JSON Lines row, its byte offsets turned into character offsets of `text`."""
    raw = text.encode("utf-8")

    def chars(b: int) -> int:
        return len(raw[:b].decode("utf-8"))

    evidence = [dict(e, start=chars(e["start"]), end=chars(e["end"])) for e in r["evidence"]]
    return canonical(dict(r, evidence=evidence))


def typed(table: pa.Table, names: List[str]) -> List[Row]:
    return [canonical(r) for r in table.select(names).rename_columns(
        ["status", "reason", "industries", "rows", "evidence", "error"]).to_pylist()]


COLUMNS = ["status", "reason", "industries", "rows", "evidence", "error"]


def test_every_surface_gives_the_same_answers(vectors: List[Vector], tmp_path: Path) -> None:
    codes, texts = records(vectors)
    want = [of_object(c) for c in digicat.classify_many(codes, texts)]
    assert len({w[0] for w in want}) >= 4, "a mix of statuses"
    assert any(w[4] for w in want) and any(w[5] for w in want), "evidence and errors"

    arrow = digicat.arrow.classify(pa.array(codes, pa.string()), pa.array(texts, pa.string()))
    assert typed(arrow, COLUMNS) == want, "Arrow entry point"

    # The Polars expression plugin, called by Polars' streaming engine (several morsels).
    df = pl.DataFrame({"code": codes, "text": texts}, schema={"code": pl.Utf8, "text": pl.Utf8})
    expr = digicat.polars.classify(code=pl.col("code"), text=pl.col("text"))
    assert "_digicat" in str(expr) and "classify" in str(expr), "a plugin call, not map_batches"
    got = df.lazy().select(expr.struct.unnest()).collect(engine="streaming")
    assert typed(got.to_arrow(), COLUMNS) == want, "Polars expression plugin"

    # The tables have a name column, so no row is blank (a blank row would be skipped).
    names = [f"企业{i}" for i in range(N)]
    table = pa.table({"企业名称": names, "行业代码": pa.array(codes, pa.string()),
                      "经营范围": pa.array(texts, pa.string())})
    command = cli_command()
    if command is None:
        pytest.skip("no CLI: the digicat-cli crate is not in this workspace and $DIGICAT_CLI is unset")
    path = tmp_path / "regs.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["企业名称", "行业代码", "经营范围"])
        w.writerows([n, c or "", t or ""] for n, c, t in zip(names, codes, texts))
    pq.write_table(table, tmp_path / "regs.parquet", row_group_size=700)

    def cli(src: str, *args: str) -> bytes:
        return subprocess.run([*command, "classify", str(tmp_path / src), "--quiet", *args],
                              cwd=REPO, capture_output=True, check=True).stdout

    lines = [json.loads(x) for x in cli("regs.csv", "--format", "jsonl").splitlines()]
    assert [of_jsonl(r, t or "") for r, t in zip(lines, texts)] == want, "CLI, CSV → JSON Lines"
    for src, out in (("regs.csv", "from-csv.parquet"), ("regs.parquet", "from-parquet.parquet")):
        cli(src, "-o", str(tmp_path / out))
        result = pq.read_table(tmp_path / out)
        assert result.column("企业名称").to_pylist() == names, out
        assert typed(result, COLUMNS) == want, f"CLI, {src} → Parquet"

    if shutil.which("java") is None:
        pytest.skip("Spark needs Java, and no `java` is on PATH (every other surface agreed)")
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").appName("digicat-surfaces")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        sdf = spark.read.parquet(str(tmp_path / "regs.parquet"))
        out = digicat.spark.classify(sdf, "行业代码", "经营范围").toArrow()
        assert out.column("企业名称").to_pylist() == names
        assert typed(out, COLUMNS) == want, "Spark local mode"
    finally:
        spark.stop()


def test_szjj_on_every_surface(vectors: List[Vector], tmp_path: Path) -> None:
    """The szjj-2021 leg: the same records through ``classify_many``, the Arrow entry point,
    the Polars plugin, the CLI (CSV and Parquet out, ``--catalogue szjj-2021`` and both) and Spark."""
    from test_szjj import SZJJ_COLUMNS, load, szjj_row, szjj_typed

    codes, texts = records(vectors)
    rng = random.Random(2021)
    extra = [v for v in load() if not v[3] and not v[4]]
    for i in rng.sample(range(N), len(extra)):
        v = extra[i % len(extra)]
        codes[i], texts[i] = v[1] or None, v[2] or None
    want = [szjj_row(c) for c in digicat.classify_many(codes, texts, catalogue="szjj-2021")]
    assert len({w[0] for w in want}) >= 4, "a mix of statuses"
    assert any(w[5] for w in want) and any(w[6] for w in want), "evidence and errors"

    arrow = digicat.arrow.classify(pa.array(codes, pa.string()), pa.array(texts, pa.string()),
                                   catalogue="szjj-2021")
    assert szjj_typed(arrow.to_pylist()) == want, "Arrow entry point"
    both = ["dongguan-2019", "szjj-2021"]
    arrow_both = digicat.arrow.classify(codes, texts, catalogue=both)
    assert szjj_typed(arrow_both.to_pylist()) == want, "Arrow entry point, both catalogues"
    dongguan = [of_object(c) for c in digicat.classify_many(codes, texts)]
    assert typed(arrow_both, COLUMNS) == dongguan
    frame = pl.DataFrame({"c": codes, "t": texts}, schema={"c": pl.Utf8, "t": pl.Utf8})
    for catalogue in ("szjj-2021", both):
        plugin = frame.lazy().select(
            digicat.polars.classify(code="c", text="t", catalogue=catalogue)
        ).collect(engine="streaming")["digicat"].to_list()
        assert szjj_typed(plugin) == want, f"Polars plugin, {catalogue}"

    def flat(row: Tuple[Any, ...]) -> List[str]:
        """A typed szjj row as the CLI's CSV writes it (distinct terms, no spans)."""
        terms: List[str] = []
        for e in row[5]:
            if e[0] not in terms:
                terms.append(e[0])
        return [row[0], row[1], ",".join(row[2]), "；".join(row[3]), ",".join(row[4]),
                "；".join(terms), row[6] or ""]

    command = cli_command()
    if command is None:
        pytest.skip("no CLI: the digicat-cli crate is not in this workspace and $DIGICAT_CLI is unset")
    names = [f"企业{i}" for i in range(N)]
    path = tmp_path / "regs.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["企业名称", "行业代码", "经营范围"])
        w.writerows([n, c or "", t or ""] for n, c, t in zip(names, codes, texts))
    table = pa.table({"企业名称": names, "行业代码": pa.array(codes, pa.string()),
                      "经营范围": pa.array(texts, pa.string())})
    pq.write_table(table, tmp_path / "regs.parquet", row_group_size=700)

    def cli(src: str, *args: str) -> bytes:
        return subprocess.run([*command, "classify", str(tmp_path / src), "--quiet", *args],
                              cwd=REPO, capture_output=True, check=True).stdout

    for catalogue in ("szjj-2021", "dongguan-2019,szjj-2021"):
        out = cli("regs.csv", "--catalogue", catalogue).decode("utf-8")
        header, *body = list(csv.reader(out.splitlines()))
        at = [header.index(c) for c in SZJJ_COLUMNS]
        assert [[r[i] for i in at] for r in body] == [flat(w) for w in want], \
            f"CLI, CSV → CSV, {catalogue}"
        for src in ("regs.csv", "regs.parquet"):
            target = tmp_path / f"{src}.{catalogue}.parquet"
            cli(src, "--catalogue", catalogue, "-o", str(target))
            result = pq.read_table(target)
            assert result.column("企业名称").to_pylist() == names
            assert szjj_typed(result.to_pylist()) == want, f"CLI, {src} → Parquet, {catalogue}"
            if "," in catalogue:
                assert typed(result, COLUMNS) == dongguan, f"CLI, {src} → Parquet, both"

    if shutil.which("java") is None:
        pytest.skip("Spark needs Java, and no `java` is on PATH (every other surface agreed)")
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").appName("digicat-surfaces-szjj")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        sdf = spark.read.parquet(str(tmp_path / "regs.parquet"))
        for catalogue in ("szjj-2021", both):
            out = digicat.spark.classify(sdf, "行业代码", "经营范围",
                                         catalogue=catalogue).toArrow()
            assert out.column("企业名称").to_pylist() == names
            assert szjj_typed(out.to_pylist()) == want, f"Spark local mode, {catalogue}"
    finally:
        spark.stop()
