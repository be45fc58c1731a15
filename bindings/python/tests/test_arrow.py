"""The Arrow entry point (digicat.arrow.classify): same answers as classify_many, typed columns."""

from __future__ import annotations

import random
from itertools import groupby
from typing import Any, Dict, List, Optional

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import digicat
from conftest import Vector, answer
from test_vectors import expected


def rows_of(table: pa.Table) -> List[Dict[str, Any]]:
    return table.to_pylist()  # type: ignore[no-any-return]


def arrow_answer(r: Dict[str, Any]) -> List[str]:
    """A result row in the vectors' own format (as conftest.answer)."""
    pairs: List[str] = []
    for e in r["evidence"]:
        pair = f"{e['kind']}:{e['text']}"
        if pair not in pairs:
            pairs.append(pair)
    return [
        r["status"],
        r["reason"],
        ",".join(str(i) for i in r["industries"]),
        ",".join(r["rows"]),
        " | ".join(pairs),
    ]


def same_as_objects(table: pa.Table, objects: List[digicat.Classification],
                    texts: List[Optional[str]]) -> None:
    """Every row of `table` equals the Classification of classify_many, evidence spans too."""
    got = rows_of(table)
    assert len(got) == len(objects)
    for i, (r, c) in enumerate(zip(got, objects)):
        assert arrow_answer(r) == answer(c), i
        assert r["error"] == c.error, i
        spans = [(e["start"], e["end"], e["row"], e["relation"]) for e in r["evidence"]]
        assert spans == [(e.start, e.end, e.row.id, e.relation) for e in c.evidence], i
        for e in r["evidence"]:
            assert (texts[i] or "")[e["start"]:e["end"]], i


def test_matches_every_vector(vectors: List[Vector]) -> None:
    def options(v: Vector) -> tuple:
        return (v.policy, v.edition)

    checked = 0
    for (policy, edition), group in groupby(sorted(vectors, key=options), key=options):
        batch = list(group)
        table = digicat.arrow.classify(
            pa.array([v.code for v in batch], pa.string()),
            pa.array([v.text for v in batch], pa.string()),
            policy=policy,
            edition=edition,
        )
        for v, r in zip(batch, rows_of(table)):
            assert arrow_answer(r) == expected(v), v.id
            checked += 1
    assert checked == len(vectors)


def test_schema_is_typed() -> None:
    t = digicat.arrow.classify(["6513"], ["计算机视听觉软件"])
    assert t.schema == digicat.arrow.result_schema()
    assert t.column_names == ["status", "reason", "industries", "rows", "evidence", "error"]
    assert pa.types.is_dictionary(t.schema.field("status").type)
    assert pa.types.is_dictionary(t.schema.field("reason").type)
    assert t.schema.field("industries").type == pa.list_(pa.field("item", pa.int8(), False))
    ev = t.schema.field("evidence").type.value_type
    assert [f.name for f in ev] == ["text", "row", "start", "end", "kind", "relation"]
    assert t.schema.field("error").nullable
    assert rows_of(t) == [{
        "status": "in_scope", "reason": "listed_product", "industries": [3], "rows": ["3.2"],
        "evidence": [{"text": "计算机视听觉软件", "row": "3.2", "start": 0, "end": 8,
                      "kind": "product", "relation": None}],
        "error": None,
    }]


def test_pyarrow_nulls_are_missing_values() -> None:
    t = rows_of(digicat.arrow.classify(pa.array([None, "6520"]), pa.array(["软件开发", None])))
    want = digicat.classify_many([None, "6520"], ["软件开发", None])
    assert [r["status"] for r in t] == [c.status for c in want]
    assert [r["reason"] for r in t] == [c.reason for c in want]
    assert t[0]["reason"] != "malformed_code" and t[0]["error"] is None


def test_invalid_code_is_a_row_not_an_exception() -> None:
    t = rows_of(digicat.arrow.classify(["65x13", "6513"], ["软件", "软件"]))
    assert t[0]["status"] == "invalid" and t[0]["reason"] == "malformed_code"
    assert t[0]["error"] and t[0]["industries"] == [] and t[0]["evidence"] == []
    assert t[1]["status"] != "invalid" and t[1]["error"] is None


@pytest.mark.parametrize("kind", ["list", "pyarrow", "large", "view", "dict", "binary",
                                  "chunked", "polars", "pandas", "numpy"])
def test_every_input_kind_gives_the_same_answer(kind: str) -> None:
    codes: List[Optional[str]] = ["6513", None, "I6510", "", "65x", "6520"]
    texts: List[Optional[str]] = ["计算机视听觉软件", "集成电路设计", None, "软件开发", "软件", "  "]

    def convert(v: List[Optional[str]]) -> Any:
        if kind == "list":
            return v
        if kind == "pyarrow":
            return pa.array(v)
        if kind == "large":
            return pa.array(v, pa.large_string())
        if kind == "view":
            return pa.array(v, pa.string_view())
        if kind == "dict":
            return pa.array(v).dictionary_encode()
        if kind == "binary":
            return pa.array([None if s is None else s.encode() for s in v], pa.binary())
        if kind == "chunked":
            return pa.chunked_array([v[:1], v[1:4], v[4:]], pa.string())
        if kind == "polars":
            return pl.Series(v, dtype=pl.Utf8)
        if kind == "pandas":
            return pd.Series(v, dtype=object)
        return np.array(v, dtype=object)

    table = digicat.arrow.classify(convert(codes), convert(texts))
    same_as_objects(table, digicat.classify_many(codes, texts), texts)


def test_chunkings_may_differ() -> None:
    codes = pa.chunked_array([["6513", "6520"], ["6510"]])
    texts = pa.chunked_array([["软件"], ["集成电路设计", "计算机视听觉软件"]])
    t = digicat.arrow.classify(codes, texts)
    same_as_objects(t, digicat.classify_many(["6513", "6520", "6510"],
                                             ["软件", "集成电路设计", "计算机视听觉软件"]),
                    ["软件", "集成电路设计", "计算机视听觉软件"])


def test_bad_inputs_are_typed_errors() -> None:
    with pytest.raises(TypeError, match="leading zeros"):
        digicat.arrow.classify(pa.array([6513, 111]))
    with pytest.raises(TypeError, match="leading zeros"):
        digicat.arrow.classify(pl.Series([6513]))
    with pytest.raises(ValueError, match="cannot be read as text"):
        digicat.arrow.classify(texts=pa.array([b"\xff\xfe"], pa.binary()))
    with pytest.raises(ValueError, match="codes has 2 values but texts has 1"):
        digicat.arrow.classify(["6513", "6520"], ["软件"])
    with pytest.raises(ValueError, match="give codes, texts or both"):
        digicat.arrow.classify()
    with pytest.raises(TypeError, match="not a single str"):
        digicat.arrow.classify("6513")
    with pytest.raises(digicat.InvalidOptionError):
        digicat.arrow.classify(["6513"], policy="lenient")


def test_empty_input_gives_an_empty_table() -> None:
    t = digicat.arrow.classify(pa.array([], pa.string()))
    assert t.num_rows == 0 and t.schema == digicat.arrow.result_schema()


def test_large_batch_keeps_input_order_over_every_core() -> None:
    rng = random.Random(16)
    codes = [rng.choice(["6513", "6513*", "6520", "3981", "65x", None, "I6510", "7517"])
             for _ in range(20_000)]
    texts = [rng.choice(["计算机视听觉软件", "集成电路设计；技术服务", None, "五金销售", "软件开发"])
             for _ in range(20_000)]
    t = digicat.arrow.classify(pa.array(codes), pa.array(texts))
    assert t.num_rows == 20_000 and len(t.to_batches()) >= 1
    same_as_objects(t, digicat.classify_many(codes, texts), texts)
