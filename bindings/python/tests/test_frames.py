"""classify_frame on pandas, polars and pyarrow frames, with string or list columns (issue 13.5)."""

from __future__ import annotations

from typing import Any, List

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import digicat
import digicat.pandas

DATA = {
    "企业名称": ["甲", "乙", "丙", "合计：3家", "丁"],
    "行业代码": ["6513", None, "65x", None, "6520"],
    "经营范围": ["计算机视听觉软件", "集成电路设计；软件开发", "软件", None, "五金销售"],
}
CLI_COLUMNS = ["status", "reason", "industries", "industry_names", "rows", "evidence", "error"]


def strings_of(frame: pd.DataFrame) -> List[List[str]]:
    return [[str(v) for v in frame[c]] for c in CLI_COLUMNS]


@pytest.fixture
def reference() -> pd.DataFrame:
    return digicat.pandas.classify_frame(pd.DataFrame(DATA))


def test_polars_frame_gives_a_polars_frame_with_the_same_strings(reference: pd.DataFrame) -> None:
    out = digicat.pandas.classify_frame(pl.DataFrame(DATA))
    assert isinstance(out, pl.DataFrame)
    assert out.columns == list(DATA) + CLI_COLUMNS
    assert [out[c].to_list() for c in CLI_COLUMNS] == strings_of(reference)
    # 6520 集成电路设计 is a whole class of the catalogue, so in scope whatever the text.
    assert reference["status"].tolist() == ["in_scope", "needs_review", "invalid", "skipped",
                                            "in_scope"]


def test_pyarrow_table_gives_a_table_and_nulls_are_missing(reference: pd.DataFrame) -> None:
    out = digicat.pandas.classify_frame(pa.table(DATA))
    assert isinstance(out, pa.Table)
    assert [out.column(c).to_pylist() for c in CLI_COLUMNS] == strings_of(reference)
    # A null code is no code, not the text "None" (issue 13 item 5).
    assert out.column("reason").to_pylist()[1] != "malformed_code"


def test_pyarrow_and_polars_nulls_in_classify_many() -> None:
    for column in (pa.array([None, "6520"]), pa.chunked_array([[None], ["6520"]], pa.string()),
                   pl.Series([None, "6520"])):
        got = digicat.classify_many(column, ["软件开发", "集成电路设计"])
        want = digicat.classify_many([None, "6520"], ["软件开发", "集成电路设计"])
        assert got == want
        assert got[0].reason != "malformed_code"


@pytest.mark.parametrize("make", [pd.DataFrame, pl.DataFrame, pa.table])
def test_list_columns_match_the_strings(make: Any, reference: pd.DataFrame) -> None:
    out = digicat.pandas.classify_frame(make(DATA), lists=True)
    rows = pa.table(out).to_pylist() if not isinstance(out, pa.Table) else out.to_pylist()
    assert len(rows) == len(reference)
    for r, (_, want) in zip(rows, reference.iterrows()):
        assert r["status"] == want["status"] and r["reason"] == want["reason"]
        assert ",".join(str(i) for i in r["industries"]) == want["industries"]
        assert ",".join(r["rows"]) == want["rows"]
        assert (r["error"] or "") == want["error"]
        assert "industry_names" not in r


def test_list_columns_in_pandas_are_arrow_backed_and_keep_the_index() -> None:
    df = pd.DataFrame(DATA, index=[10, 10, 11, 12, 13])
    out = digicat.pandas.classify_frame(df, lists=True)
    assert list(out.index) == [10, 10, 11, 12, 13]
    assert isinstance(out["industries"].dtype, pd.ArrowDtype)
    assert list(out["industries"].tolist()[0]) == [3]


@pytest.mark.parametrize("make", [pd.DataFrame, pl.DataFrame, pa.table])
def test_explode_gives_one_row_per_industry(make: Any) -> None:
    data = {"行业代码": ["6513", "65x", None], "经营范围": ["计算机视听觉软件", "软件",
                                                   "集成电路设计；计算机视听觉软件"]}
    wide = digicat.pandas.classify_frame(make(data), lists=True)
    long = digicat.pandas.classify_frame(make(data), explode=True)
    wide_rows = pa.table(wide).to_pylist() if not isinstance(wide, pa.Table) else wide.to_pylist()
    long_rows = pa.table(long).to_pylist() if not isinstance(long, pa.Table) else long.to_pylist()
    want = [(r["经营范围"], i) for r in wide_rows for i in (r["industries"] or [None])]
    assert [(r["经营范围"], r["industries"]) for r in long_rows] == want
    assert len(long_rows) > len(wide_rows)


def test_zh_names_and_refusals() -> None:
    out = digicat.pandas.classify_frame(pl.DataFrame(DATA), lang="zh", lists=True)
    assert out.columns[-6:] == ["状态", "原因", "产业编号", "目录行", "依据", "错误信息"]
    with pytest.raises(TypeError, match="collect"):
        digicat.pandas.classify_frame(pl.DataFrame(DATA).lazy())
    with pytest.raises(TypeError, match="pandas DataFrame, a polars DataFrame or a pyarrow"):
        digicat.pandas.classify_frame({"a": [1]})
    with pytest.raises(ValueError, match="already has"):
        digicat.pandas.classify_frame(pl.DataFrame({**DATA, "status": ["x"] * 5}))


def test_number_columns_of_a_table_are_read_as_text() -> None:
    data = {"行业代码": ["6513", "6520"], "经营范围": ["软件", "集成电路设计"], "注册资本": [100, 200]}
    out = digicat.pandas.classify_frame(pa.table(data), lists=True)
    assert out.column("status").to_pylist() == ["needs_review", "in_scope"]
