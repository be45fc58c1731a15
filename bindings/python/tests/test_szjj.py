"""The shared szjj-2021 vectors (tests/vectors/szjj.tsv), also run by the Rust and C suites, and
the catalogue choice on classify, classify_many and classify_frame."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import List

import pytest

import digicat
import digicat.arrow
import digicat.pandas
import digicat.spark

SZJJ = Path(__file__).resolve().parents[3] / "tests" / "vectors" / "szjj.tsv"


def load() -> List[List[str]]:
    lines = [
        line
        for line in SZJJ.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    header, *body = (line.split("\t") for line in lines)
    assert header[0] == "id" and len(header) == 10
    return body


def answer(c: digicat.SzjjClassification) -> List[str]:
    pairs: List[str] = []
    for e in c.evidence:
        pair = f"{e['kind']}:{e['text']}"
        if pair not in pairs:
            pairs.append(pair)
    return [c.status, c.reason, ",".join(c.classes), ",".join(c.rows), " | ".join(pairs)]


def test_classify_matches_every_szjj_vector() -> None:
    vectors = load()
    assert len(vectors) >= 30
    failures = []
    for v in vectors:
        code, text = v[1] or None, v[2] or None
        policy, edition = v[3] or "standard", v[4] or "auto"
        try:
            got = answer(
                digicat.classify(code, text, policy=policy, edition=edition, catalogue="szjj-2021")
            )
        except digicat.InvalidCodeError as e:
            got = ["invalid", e.kind, "", "", ""]
        if got != v[5:]:
            failures.append(f"{v[0]}: want {v[5:]} got {got}")
    assert not failures, "\n".join(failures)


def test_classify_many_szjj_keeps_invalid_rows() -> None:
    rows = [v for v in load() if not v[3] and not v[4]]
    results = digicat.classify_many(
        [v[1] or None for v in rows], [v[2] or None for v in rows], catalogue="szjj-2021"
    )
    assert [c.status for c in results] == [v[5] for v in rows]
    assert [c.reason for c in results] == [v[6] for v in rows]


def test_default_catalogue_is_dongguan_and_unknown_is_an_error() -> None:
    assert isinstance(digicat.classify("6513"), digicat.Classification)
    with pytest.raises(digicat.InvalidOptionError):
        digicat.classify("6513", catalogue="nope")


def test_classify_frame_adds_both_column_sets() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"行业代码": ["6429", "6513"], "经营范围": ["网上音乐", "软件开发"]})
    out = digicat.pandas.classify_frame(df, catalogue=["dongguan-2019", "szjj-2021"])
    assert list(out.columns[2:9]) == list(digicat._digicat.report_column_names("en"))
    assert list(out["szjj_classes"]) == ["030307", "030103"]
    assert list(out["szjj_status"]) == ["in_scope", "in_scope"]
    zh = digicat.pandas.classify_frame(df, lang="zh", catalogue="szjj-2021")
    assert list(zh["数字经济状态"]) == ["属于目录", "属于目录"]


# --- szjj-2021 through the typed surfaces: Arrow, classify_frame(lists/explode), Spark ---------

SZJJ_COLUMNS = [
    "szjj_status",
    "szjj_reason",
    "szjj_classes",
    "szjj_class_names",
    "szjj_rows",
    "szjj_evidence",
    "szjj_error",
]


def szjj_row(c: digicat.SzjjClassification) -> tuple:
    """A szjj result object as the typed columns hold it."""
    evidence = tuple((e["text"], e["class"], e["start"], e["end"], e["kind"]) for e in c.evidence)
    return (c.status, c.reason, tuple(c.classes), tuple(c.class_names), tuple(c.rows), evidence,
            c.error)


def szjj_typed(rows: List[dict]) -> List[tuple]:
    """Typed szjj result rows (Arrow, Spark, Parquet) in the form of ``szjj_row``."""
    return [
        (r["szjj_status"], r["szjj_reason"], tuple(r["szjj_classes"]),
         tuple(r["szjj_class_names"]), tuple(r["szjj_rows"]),
         tuple((e["text"], e["class"], e["start"], e["end"], e["kind"])
               for e in r["szjj_evidence"]),
         r["szjj_error"])
        for r in rows
    ]


def default_records() -> tuple:
    """The codes and texts of the vectors of the default policy and edition."""
    rows = [v for v in load() if not v[3] and not v[4]]
    return [v[1] or None for v in rows], [v[2] or None for v in rows]


def test_arrow_szjj_columns_equal_the_objects() -> None:
    pa = pytest.importorskip("pyarrow")
    codes, texts = default_records()
    want = [szjj_row(c) for c in digicat.classify_many(codes, texts, catalogue="szjj-2021")]
    assert any(w[5] for w in want) and any(w[6] for w in want), "evidence and errors"
    table = digicat.arrow.classify(pa.array(codes, pa.string()), pa.array(texts, pa.string()),
                                   catalogue="szjj-2021")
    assert table.column_names == SZJJ_COLUMNS
    assert table.schema == digicat.arrow.result_schema("szjj-2021")
    assert table.schema.field("szjj_classes").type == pa.list_(
        pa.field("item", pa.string(), nullable=False))
    assert szjj_typed(table.to_pylist()) == want
    # Both catalogues: the Dongguan columns first, as the default call gives them.
    both = digicat.arrow.classify(codes, texts, catalogue=["dongguan-2019", "szjj-2021"])
    dongguan = digicat.arrow.classify(codes, texts)
    assert both.column_names == dongguan.column_names + SZJJ_COLUMNS
    assert both.select(dongguan.column_names).equals(dongguan)
    assert both.select(SZJJ_COLUMNS).equals(table)
    reverse = digicat.arrow.classify(codes, texts, catalogue=["szjj-2021", "dongguan-2019"])
    assert reverse.column_names == SZJJ_COLUMNS + dongguan.column_names
    with pytest.raises(digicat.InvalidOptionError):
        digicat.arrow.classify(codes, texts, catalogue="nope")
    with pytest.raises(ValueError, match="at least one catalogue"):
        digicat.arrow.classify(codes, texts, catalogue=[])


FRAME = {
    "企业名称": ["甲", "乙", "", "合计：3家", "丙", "丁"],
    "行业代码": ["6429", "6513", "", "", "9999", "6429"],
    "经营范围": ["网上音乐；软件开发", "计算机视听觉软件", "", "", "", ""],
}


@pytest.mark.parametrize("kind", ["pandas", "polars", "arrow"])
def test_classify_frame_lists_and_explode_for_szjj(kind: str) -> None:
    pa = pytest.importorskip("pyarrow")
    if kind == "pandas":
        pd = pytest.importorskip("pandas")
        df: object = pd.DataFrame(FRAME, index=[10, 11, 12, 13, 14, 15])
    elif kind == "polars":
        pl = pytest.importorskip("polars")
        df = pl.DataFrame(FRAME)
    else:
        df = pa.table(FRAME)

    def rows(out: object) -> List[dict]:
        if kind == "pandas":
            return pa.Table.from_pandas(out, preserve_index=False).to_pylist()  # type: ignore
        if kind == "polars":
            return out.to_arrow().to_pylist()  # type: ignore
        return out.to_pylist()  # type: ignore

    objects = digicat.classify_many(FRAME["行业代码"], FRAME["经营范围"], catalogue="szjj-2021")
    both = ["dongguan-2019", "szjj-2021"]
    typed = rows(digicat.pandas.classify_frame(df, lists=True, catalogue=both))
    assert len(typed) == 6
    assert [r["status"] for r in typed[2:4]] == ["skipped", "skipped"]
    assert [(r["szjj_status"], r["szjj_reason"]) for r in typed[2:4]] == [
        ("skipped", "blank_row"), ("skipped", "footer_row")]
    for i in (0, 1, 4, 5):
        assert szjj_typed([typed[i]]) == [szjj_row(objects[i])], i
    # explode=True splits the first catalogue's list (industries); the szjj lists ride along.
    long = rows(digicat.pandas.classify_frame(df, explode=True, catalogue=both))
    lengths = [max(len(r["industries"]), 1) for r in typed]
    assert len(long) == sum(lengths)
    assert all(isinstance(r["szjj_classes"], list) for r in long)
    # explode="szjj-2021" splits szjj_classes with szjj_class_names, one 小类 a row.
    long = rows(digicat.pandas.classify_frame(df, explode="szjj-2021", catalogue=both))
    assert len(long) == sum(max(len(r["szjj_classes"]), 1) for r in typed)
    pairs = [(r["szjj_classes"], r["szjj_class_names"]) for r in long]
    want = [(c, n) for r in typed
            for c, n in (zip(r["szjj_classes"], r["szjj_class_names"])
                         if r["szjj_classes"] else [(None, None)])]
    assert pairs == want
    assert all(isinstance(r["industries"], list) for r in long)
    alone = rows(digicat.pandas.classify_frame(df, explode=True, catalogue="szjj-2021"))
    assert [r["szjj_classes"] for r in alone] == [c for c, _ in want]
    zh = digicat.pandas.classify_frame(df, lists=True, lang="zh", catalogue="szjj-2021")
    names = zh.column_names if kind == "arrow" else list(zh.columns)  # type: ignore
    assert names[3:] == list(digicat._digicat.report_column_names("zh", "szjj-2021"))
    with pytest.raises(ValueError, match="explode"):
        digicat.pandas.classify_frame(df, explode="szjj-2021")


@pytest.mark.skipif(shutil.which("java") is None,
                    reason="Spark needs Java, and no `java` is on PATH")
def test_spark_szjj_columns() -> None:
    pa = pytest.importorskip("pyarrow")
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").appName("digicat-szjj")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        table = pa.table(FRAME)
        sdf = spark.createDataFrame(list(zip(*FRAME.values())),
                                    schema=", ".join(f"`{c}` string" for c in FRAME))
        both = ["dongguan-2019", "szjj-2021"]
        out = digicat.spark.classify(sdf, "行业代码", "经营范围", catalogue=both)
        assert out.columns == list(FRAME) + digicat.spark.columns(both)
        got = out.toArrow()
        want = digicat.pandas.classify_frame(table, "行业代码", "经营范围", lists=True,
                                             catalogue=both)
        assert szjj_typed(got.to_pylist()) == szjj_typed(want.to_pylist())
        assert [r["industries"] for r in got.to_pylist()] == want.column("industries").to_pylist()
        alone = digicat.spark.classify(sdf, "行业代码", "经营范围", catalogue="szjj-2021")
        assert alone.columns == list(FRAME) + SZJJ_COLUMNS
        assert szjj_typed(alone.toArrow().to_pylist()) == szjj_typed(want.to_pylist())
        with pytest.raises(ValueError, match="szjj_status"):
            digicat.spark.classify(out, "行业代码", "经营范围", catalogue="szjj-2021")
    finally:
        spark.stop()


def test_polars_plugin_szjj_columns_equal_the_objects() -> None:
    """The native Polars plugin gives the szjj column set, alone and beside the Dongguan one, in
    a lazy query on the streaming engine."""
    pl = pytest.importorskip("polars")
    import digicat.polars

    codes, texts = default_records()
    want = [szjj_row(c) for c in digicat.classify_many(codes, texts, catalogue="szjj-2021")]
    df = pl.DataFrame({"c": codes, "t": texts}, schema={"c": pl.Utf8, "t": pl.Utf8})
    out = df.lazy().select(
        digicat.polars.classify(code="c", text="t", catalogue="szjj-2021")
    ).collect(engine="streaming")
    rows = out["digicat"].to_list()
    assert list(rows[0]) == SZJJ_COLUMNS
    assert szjj_typed(rows) == want
    both = df.select(
        digicat.polars.classify(code="c", text="t", catalogue=["dongguan-2019", "szjj-2021"])
    )["digicat"].to_list()
    dongguan = df.select(digicat.polars.classify(code="c", text="t"))["digicat"].to_list()
    assert [{k: r[k] for k in d} for r, d in zip(both, dongguan)] == dongguan
    assert szjj_typed(both) == want
