"""digicat.polars.classify: a polars expression with the Arrow entry point's answers."""

from __future__ import annotations

import random
from itertools import groupby
from typing import List

import polars as pl
import pyarrow as pa
import pytest

import digicat
import digicat.polars
from conftest import Vector
from test_arrow import arrow_answer
from test_vectors import expected


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
                                    policy=policy, edition=edition).alias("r")
        ).collect()
        for v, r in zip(batch, out["r"].to_list()):
            assert arrow_answer(r) == expected(v), v.id
            checked += 1
    assert checked == len(vectors)


def test_equals_the_arrow_table_in_eager_lazy_and_streaming_use() -> None:
    rng = random.Random(3)
    codes = [rng.choice(["6513", "6520", "65x", None, "3981", "6591"]) for _ in range(12_000)]
    texts = [rng.choice(["计算机视听觉软件", None, "软件开发；五金销售", "集成电路设计"])
             for _ in range(12_000)]
    want = digicat.arrow.classify(pa.array(codes), pa.array(texts)).to_pylist()
    df = pl.DataFrame({"行业代码": codes, "经营范围": texts}, schema={"行业代码": pl.Utf8, "经营范围": pl.Utf8})
    expr = digicat.polars.classify(code=pl.col("行业代码"), text="经营范围").alias("r")
    eager = df.select(expr)["r"].to_list()
    lazy = df.lazy().select(expr).collect(engine="streaming")["r"].to_list()
    assert eager == want and lazy == want
    statuses = df.lazy().select(expr.struct.field("status")).collect()["status"].to_list()
    assert statuses == [r["status"] for r in want]


def test_text_only_and_refusals() -> None:
    df = pl.DataFrame({"t": ["集成电路设计", None]})
    out = df.select(digicat.polars.classify(text="t").struct.unnest())
    assert out["reason"].to_list()[0] == "no_code"
    with pytest.raises(ValueError, match="give code, text or both"):
        digicat.polars.classify()
    with pytest.raises((TypeError, pl.exceptions.PolarsError), match="leading zeros"):
        pl.DataFrame({"c": [6513]}).select(digicat.polars.classify(code="c"))
