"""digicat.polars.classify: the Polars expression plugin gives the Arrow entry point's answers."""

from __future__ import annotations

import random
from itertools import groupby
from typing import Any, List, Optional

import polars as pl
import pyarrow as pa
import pytest

import digicat
import digicat.polars
from conftest import Vector
from test_arrow import arrow_answer
from test_vectors import expected

TEXTS = ["计算机视听觉软件", None, "", "  ", "软件开发；五金销售", "集成电路设计",
         "许可项目：第一类增值电信业务；一般项目：信息系统集成服务、人工智能应用软件开发"]
CODES = ["6513", "6520", "65x", None, "", "3981", "6591", "I-6513", "应用软件开发", "9999"]


def rows(n: int, seed: int) -> tuple:
    rng = random.Random(seed)
    return [rng.choice(CODES) for _ in range(n)], [rng.choice(TEXTS) for _ in range(n)]


def arrow_rows(codes: Optional[List[Any]], texts: Optional[List[Any]], **options: str) -> List[Any]:
    col = (lambda v: None if v is None else pa.array(v, pa.string()))
    result: List[Any] = digicat.arrow.classify(col(codes), col(texts), **options).to_pylist()
    return result


def test_matches_every_vector(vectors: List[Vector]) -> None:
    def options(v: Vector) -> tuple:
        return (v.policy, v.edition)

    checked = 0
    for (policy, edition), group in groupby(sorted(vectors, key=options), key=options):
        batch = list(group)
        df = pl.DataFrame({"code": [v.code for v in batch], "text": [v.text for v in batch]},
                          schema={"code": pl.Utf8, "text": pl.Utf8})
        out = df.lazy().select(
            digicat.polars.classify(code=pl.col("code"), text=pl.col("text"),
                                    policy=policy, edition=edition)
        ).collect()
        got = out["digicat"].to_list()
        want = arrow_rows(df["code"].to_list(), df["text"].to_list(), policy=policy,
                          edition=edition)
        assert got == want
        objects = digicat.classify_many(df["code"].to_list(), df["text"].to_list(),
                                        policy=policy, edition=edition)
        for v, r, c in zip(batch, got, objects):
            assert arrow_answer(r) == expected(v), v.id
            assert (r["status"], r["reason"]) == (c.status, c.reason), v.id
            checked += 1
    assert checked == len(vectors)


def test_equals_the_arrow_table_in_eager_lazy_and_streaming_use() -> None:
    codes, texts = rows(30_000, 3)
    want = arrow_rows(codes, texts)
    assert {r["status"] for r in want} >= {"invalid", "in_scope", "out_of_scope"}
    df = pl.DataFrame({"行业代码": codes, "经营范围": texts},
                      schema={"行业代码": pl.Utf8, "经营范围": pl.Utf8})
    expr = digicat.polars.classify(code=pl.col("行业代码"), text="经营范围")
    assert "_digicat" in str(expr) and "map_batches" not in str(expr), str(expr)
    eager = df.select(expr)
    assert eager.columns == ["digicat"]
    assert eager["digicat"].to_list() == want
    for engine in ("in-memory", "streaming"):
        lazy = df.lazy().with_columns(expr).collect(engine=engine)  # type: ignore[call-overload]
        assert lazy["digicat"].to_list() == want, engine
        assert lazy["行业代码"].to_list() == codes, "rows kept in order"
    statuses = df.lazy().select(expr.struct.field("status")).collect(engine="streaming")
    assert statuses["status"].to_list() == [r["status"] for r in want]
    # Filtering and slicing around the plugin (elementwise: any morsel split gives one answer).
    kept = (df.lazy().with_row_index("i").filter(pl.col("i") % 7 == 3)
            .with_columns(expr).slice(10, 2_000).collect(engine="streaming"))
    assert kept["digicat"].to_list() == [want[i] for i in kept["i"].to_list()]


def test_chunked_inputs_of_different_chunking() -> None:
    codes, texts = rows(9_000, 5)
    parts = [pl.DataFrame({"c": codes[a:b], "t": texts[a:b]}, schema={"c": pl.Utf8, "t": pl.Utf8})
             for a, b in ((0, 1), (1, 4_000), (4_000, 4_001), (4_001, 9_000))]
    df = pl.concat(parts, rechunk=False)
    assert df.n_chunks() == 4
    got = df.select(digicat.polars.classify(code="c", text="t"))["digicat"].to_list()
    assert got == arrow_rows(codes, texts)


def test_nulls_empty_strings_categoricals_and_text_only() -> None:
    df = pl.DataFrame({"c": [None, "", " ", "6513", None],
                       "t": ["集成电路设计", None, "", "", None]})
    got = df.select(digicat.polars.classify(code="c", text="t"))["digicat"].to_list()
    assert got == arrow_rows(df["c"].to_list(), df["t"].to_list())
    assert [r["reason"] for r in got][:2] == ["no_code", "nothing_named"] or got[1]["status"]
    cat = df.with_columns(pl.col("c").cast(pl.Categorical), pl.col("t").cast(pl.Categorical))
    assert cat.select(digicat.polars.classify(code="c", text="t"))["digicat"].to_list() == got
    text_only = df.select(digicat.polars.classify(text="t").struct.unnest())
    assert text_only["reason"].to_list()[0] == "no_code"
    assert text_only.height == 5
    code_only = df.lazy().select(digicat.polars.classify(code=pl.col("c"))).collect(
        engine="streaming")
    assert code_only["digicat"].to_list() == arrow_rows(df["c"].to_list(), None)
    empty = df.clear().select(digicat.polars.classify(code="c", text="t"))
    assert empty.height == 0 and empty.schema == df.select(
        digicat.polars.classify(code="c", text="t")).schema


def test_options_and_chinese_errors() -> None:
    df = pl.DataFrame({"c": ["65x", "6513"], "t": ["软件开发", "软件开发"]})
    zh = df.select(digicat.polars.classify(code="c", text="t", lang="zh"))["digicat"].to_list()
    en = df.select(digicat.polars.classify(code="c", text="t"))["digicat"].to_list()
    assert zh[0]["status"] == en[0]["status"] == "invalid"
    assert zh[0]["error"] != en[0]["error"] and any("\u4e00" <= ch <= "\u9fff" for ch in zh[0]["error"])
    strict = df.select(digicat.polars.classify(code="c", text="t", policy="strict"))
    assert strict["digicat"].to_list() == arrow_rows(["65x", "6513"], ["软件开发"] * 2,
                                                     policy="strict")


def test_refusals_are_exceptions() -> None:
    with pytest.raises(ValueError, match="give code, text or both"):
        digicat.polars.classify()
    # The frame itself in place of a column (as for classify_frame) says how to call it.
    frame = pl.DataFrame({"行业代码": ["6513"], "经营范围": ["软件开发"]})
    for given in (frame, frame.lazy()):
        with pytest.raises(TypeError, match="makes an expression, not a frame"):
            digicat.polars.classify(given)
    with pytest.raises(digicat.InvalidOptionError):
        digicat.polars.classify(code="c", catalogue="szjj-2019")
    with pytest.raises(digicat.InvalidOptionError):
        digicat.polars.classify(code="c", policy="lenient")
    with pytest.raises(digicat.InvalidOptionError):
        digicat.polars.classify(code="c", lang="fr")
    # An integer code column: refused as the Arrow entry point refuses it (leading zeros lost).
    ints = pl.DataFrame({"c": [6513, 6520], "t": ["软件开发", None]})
    with pytest.raises(pl.exceptions.ComputeError, match="leading zeros"):
        ints.select(digicat.polars.classify(code="c", text="t"))
    with pytest.raises(pl.exceptions.ComputeError, match="leading zeros"):
        ints.lazy().select(digicat.polars.classify(code="c")).collect(engine="streaming")
    with pytest.raises(TypeError, match="leading zeros"):
        digicat.arrow.classify(ints["c"])
    # The process survives and the plugin still answers.
    assert ints.select(digicat.polars.classify(
        code=pl.col("c").cast(pl.Utf8)))["digicat"].struct.field("status").to_list()[0]
