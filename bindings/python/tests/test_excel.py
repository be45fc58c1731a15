"""Back into Excel: the CLI's workbook output read back with openpyxl, as a user would, and the
summary as a DataFrame (``digicat.pandas.summarize``) against the CLI's summary sheet."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path
from typing import Any, List

import pandas as pd
import pytest

import digicat
from digicat.pandas import classify_frame, summarize

from test_pandas import cli_command, read_as_text

openpyxl = pytest.importorskip("openpyxl")


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    command = cli_command()
    if command is None:
        pytest.skip("no CLI: the digicat-cli crate is not in this workspace and $DIGICAT_CLI is unset")
    return subprocess.run([*command, *args], capture_output=True, check=True)


def sheet_rows(path: Path, name: str) -> List[List[Any]]:
    book = openpyxl.load_workbook(path)
    return [list(r) for r in book[name].iter_rows(values_only=True)]


def test_the_example_as_a_workbook_read_back_with_openpyxl(example_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    cli("classify", str(example_csv), "-q", "-o", str(out), "--group-by", "镇街")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["result", "summary", "options"]
    sheet = book["result"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")

    source = pd.read_csv(example_csv, dtype=str, keep_default_na=False)
    expected = read_as_text(cli("classify", str(example_csv), "-q").stdout)
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == list(expected.columns), "the header on row 1: input columns, then added"
    assert len(rows) - 1 == len(source) == len(expected), "every row"
    width = len(source.columns)
    for i, row in enumerate(rows[1:]):
        for j, column in enumerate(source.columns):
            value = source.iloc[i, j]
            cell = row[j]
            # CSV input cells are text: written as text, a blank cell left empty.
            assert cell == (value if value != "" else None), (i, column)
            assert cell is None or isinstance(cell, str)
        added = [v if v is not None else "" for v in row[width:]]
        assert added == list(expected.iloc[i, width:]), i
    # Leading zeros and long ids survive as text.
    assert all(isinstance(r[0], str) for r in rows[1:] if r[0] is not None)

    summary = pd.DataFrame(sheet_rows(out, "summary")[1:], columns=sheet_rows(out, "summary")[0])
    towns = summary[(summary["by"] == "group_status") & summary["status"].isna()]
    assert towns["rows"].sum() == len(source)
    counts = source["镇街"].value_counts()
    for town, n in zip(towns["group"], towns["rows"]):
        assert counts[town] == n, town
    # The same table as summarize() computes from classify_frame through the core's tally.
    ours = summarize(classify_frame(source), group_by=["镇街"])
    assert list(ours.columns) == list(summary.columns)
    def text(v: Any) -> str:
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    sheet_values = [[text(v) for v in row] for row in summary.itertuples(index=False)]
    ours_values = [[text(v) for v in row] for row in ours.itertuples(index=False)]
    assert sheet_values == ours_values
    options = dict(sheet_rows(out, "options"))
    assert digicat.CATALOGUE_VERSION in options["catalogue"]
    assert options["group by"] == "镇街"


def test_a_workbook_with_a_title_row_keeps_its_cell_types(tmp_path: Path) -> None:
    source = tmp_path / "名录.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["企查查导出数据"])
    ws.append(["企业名称", "区号", "行业代码", "注册资本", "成立日期", "经营范围"])
    ws.append(["甲公司", "0769", 6520, 1234.5, datetime.datetime(2019, 3, 8), "集成电路设计"])
    ws["E3"].number_format = "yyyy-mm-dd"
    book.save(source)
    out = tmp_path / "结果.xlsx"
    cli("classify", str(source), "-q", "-o", str(out), "--lang", "zh")
    result = openpyxl.load_workbook(out)
    assert result.sheetnames == ["结果", "汇总", "选项"]
    rows = [list(r) for r in result["结果"].iter_rows(values_only=True)]
    assert rows[0][:6] == ["企业名称", "区号", "行业代码", "注册资本", "成立日期", "经营范围"]
    assert rows[1][:6] == ["甲公司", "0769", 6520, 1234.5, datetime.datetime(2019, 3, 8), "集成电路设计"]
    assert rows[1][6:8] == ["属于目录", "整个小类属于目录"]
    csv = read_as_text(cli("classify", str(source), "-q").stdout)
    assert csv["成立日期"][0] == "2019-03-08", "ISO dates in CSV, not serial numbers"


def test_a_workbook_read_from_its_title_row_says_to_give_header(tmp_path: Path) -> None:
    # pandas reads the first row as the header: the title, and `Unnamed: N` for the rest.
    source = tmp_path / "企查查导出.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["企查查导出数据（导出时间：2026-03-02 10:15:37）"])
    ws.append(["企业名称", "国标行业小类", "经营范围"])
    ws.append(["甲公司", "应用软件开发", "计算机视听觉软件"])
    book.save(source)
    titled = pd.read_excel(source, dtype=str)
    with pytest.raises(ValueError, match=r"header=N"):
        classify_frame(titled)
    with pytest.raises(ValueError, match=r"表头似乎不在第一行.*header=N"):
        classify_frame(titled, lang="zh")
    answer = classify_frame(pd.read_excel(source, dtype=str, header=1))
    assert answer["status"].tolist() == ["in_scope"]


def test_summarize_counts_by_status_reason_industry_and_group() -> None:
    df = pd.DataFrame(
        {
            "镇街": ["松山湖", "南城", "松山湖", None],
            "行业代码": ["6520", "6513", "7320", "65x"],
            "经营范围": ["", "", "", ""],
        }
    )
    result = classify_frame(df)
    s = summarize(result, group_by=["镇街"])
    status = s[s.by == "status"].set_index("status")["rows"]
    assert status.to_dict() == {"in_scope": 1, "needs_review": 1, "out_of_scope": 1, "invalid": 1, "skipped": 0}
    industry = s[(s.by == "industry") & (s.industry == 4)]
    assert (industry["in_scope"].iloc[0], industry["needs_review"].iloc[0]) == (1, 0)
    groups = s[(s.by == "group_status") & (s.status == "")]
    assert list(groups["group"]) == ["松山湖", "南城", ""]
    assert list(groups["rows"]) == [2, 1, 1]
    zh = summarize(classify_frame(df, lang="zh"), group_by=["镇街"], lang="zh")
    assert list(zh.columns) == list(digicat._digicat.summary_table([], [], [], lang="zh")[0])
    assert zh["行数"].tolist() == s["rows"].tolist(), "Chinese values are read back as their codes"
    assert set(zh[zh["统计项"] == "状态"]["状态"]) == {"属于目录", "需人工复核", "不属于目录", "无效输入", "非企业行"}
    with pytest.raises(ValueError, match="园区"):
        summarize(result, group_by=["园区"])
    with pytest.raises(ValueError):
        summarize(df)
