"""digicat.pandas.classify_frame, and its agreement with the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import List, Optional

import pandas as pd
import pytest

import digicat
from conftest import REPO, Vector
from digicat.pandas import classify_frame

EN = ["status", "reason", "industries", "industry_names", "rows", "evidence", "error"]
ZH = ["状态", "原因", "产业编号", "产业名称", "目录行", "依据", "错误信息"]


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "企业名称": ["甲", "乙", "丙", "丁"],
            "行业代码": ["6513", None, "65x", "6520"],
            "经营范围": ["计算机视听觉软件", "SaaS", "软件开发", None],
        },
        index=[10, 10, 30, 40],
    )


def test_adds_the_cli_columns_to_a_copy() -> None:
    df = frame()
    before = df.copy()
    out = classify_frame(df)
    pd.testing.assert_frame_equal(df, before)
    assert list(out.columns) == list(df.columns) + EN
    assert list(out.index) == list(df.index)
    pd.testing.assert_frame_equal(out[list(df.columns)], df)
    assert list(out["status"]) == ["in_scope", "needs_review", "invalid", "in_scope"]
    assert list(out["reason"]) == ["listed_product", "no_code", "malformed_code", "whole_class"]
    assert list(out["industries"]) == ["3", "4,7", "", "4"]
    assert list(out["industry_names"]) == ["人工智能软件开发", "新型信息技术服务；云计算与大数据服务", "", "新型信息技术服务"]
    assert list(out["rows"]) == ["3.2", "4.5,7.1", "", "4.2"]
    assert list(out["evidence"]) == ["计算机视听觉软件", "SaaS", "", ""]
    assert out["error"].iloc[2] == digicat.classify_many(["65x"])[0].error
    assert list(out["error"])[:2] == ["", ""]


def test_zh_headers_and_chinese_statuses_and_reasons() -> None:
    en = classify_frame(frame())
    zh = classify_frame(frame(), lang="zh")
    assert list(zh.columns)[3:] == ZH
    for e, z in zip(EN[:2], ZH[:2]):
        assert list(zh[z]) == [digicat.label(v, "zh") for v in en[e]]
        assert all(not v.isascii() for v in zh[z])
    for e, z in zip(EN[2:6], ZH[2:6]):
        assert list(en[e]) == list(zh[z])
    with pytest.raises(digicat.InvalidCodeError) as error:
        digicat.classify("65x")
    assert list(zh[ZH[6]]) == ["", "", error.value.message_zh, ""], "the message in Chinese"
    assert digicat._digicat.report_column_names("zh") == tuple(ZH)
    with pytest.raises(digicat.InvalidOptionError):
        classify_frame(frame(), lang="fr")


def test_options_pass_through() -> None:
    df = pd.DataFrame({"code": ["6513", "6520"], "text": ["人工智能应用软件开发", ""]})
    assert list(classify_frame(df)["status"]) == ["in_scope", "in_scope"]
    assert list(classify_frame(df, policy="strict")["status"]) == ["needs_review", "in_scope"]
    assert list(classify_frame(df, edition="2011")["reason"]) == [
        "unknown_code",
        "old_edition_code",
    ]


def test_column_detection_follows_the_candidate_order() -> None:
    df = pd.DataFrame(
        {"code": ["7320"], " 行业代码 ": ["6520"], "text": ["餐饮"], "主营产品": ["SaaS"]}
    )
    out = classify_frame(df)
    assert (out["reason"].iloc[0], out["evidence"].iloc[0]) == ("whole_class", "SaaS")
    explicit = classify_frame(df, code_col="code", text_col="text")
    assert (explicit["reason"].iloc[0], explicit["evidence"].iloc[0]) == (
        "code_outside_catalogue",
        "",
    )


def test_column_detection_like_the_cli() -> None:
    with pytest.warns(UserWarning, match="classified by text only"):
        texts_only = classify_frame(pd.DataFrame({"企业名称": ["甲"], "经营范围": ["SaaS"]}))
    assert (texts_only["reason"].iloc[0], texts_only["industries"].iloc[0]) == ("no_code", "4,7")
    codes_only = classify_frame(pd.DataFrame({"Industry_Code": ["6520"]}))
    assert codes_only["reason"].iloc[0] == "whole_class"
    parts = pd.DataFrame({"国民经济行业代码(2017)": ["6513"], "经营范围（摘要）": ["计算机视听觉软件"]})
    assert classify_frame(parts)["status"].iloc[0] == "in_scope"
    named = pd.DataFrame({"代码": ["6513"], " Scope ": ["计算机视听觉软件"], "code": ["7320"]})
    out = classify_frame(named, code_col="代码", text_col="scope")
    assert out["reason"].iloc[0] == "listed_product"
    header = ["a", "CODE", "text"]
    _, _, by_text_only = digicat._digicat.report_table(header, [["x"], ["6520"], [""]])
    assert not by_text_only


def test_missing_or_clashing_columns() -> None:
    with pytest.raises(ValueError, match=r"no industry-code column .* found.*企业名称.*地址"):
        classify_frame(pd.DataFrame({"企业名称": ["甲"], "地址": ["东莞"]}))
    df = pd.DataFrame({"企业名称": ["甲"], "经营范围": ["SaaS"]})
    with pytest.raises(ValueError, match=r'text column "范围" not found.*企业名称'):
        classify_frame(df, text_col="范围")
    with pytest.raises(ValueError, match=r'code column "行业代码" not found'):
        classify_frame(df, code_col="行业代码")
    with pytest.raises(ValueError, match=r"already has column\(s\) \['status'\]"):
        classify_frame(df.assign(status="x"))
    ok = classify_frame(df.assign(status="x"), lang="zh", text_only=True)
    assert ok["状态"].iloc[0] == "需人工复核"
    with pytest.raises(TypeError, match="DataFrame"):
        classify_frame([["6513", "SaaS"]])  # type: ignore[arg-type]


def test_matches_vectors(vectors: List[Vector]) -> None:
    standard = [v for v in vectors if v.policy == "standard" and v.edition == "auto"]
    # With an id column, as the CLI reads the vectors: a row without code and text is then still a
    # record (nothing_named), not a blank row.
    df = pd.DataFrame(
        {
            "id": [v.id for v in standard],
            "code": [v.code for v in standard],
            "text": [v.text for v in standard],
        }
    )
    out = classify_frame(df)
    for v, (_, row) in zip(standard, out.iterrows()):
        assert [row["status"], row["reason"], row["industries"], row["rows"]] == [
            v.status,
            v.reason,
            v.industries,
            v.rows,
        ], v.id


def test_without_pandas_the_message_says_how_to_install() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import digicat\n"
        "assert digicat.classify('6520').status == 'in_scope'\n"
        "try:\n"
        "    digicat.pandas.classify_frame(None)\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install digicat[pandas]" in out.stdout


def cli_command() -> Optional[List[str]]:
    """How to run the CLI: $DIGICAT_CLI (a digicat binary) if set, else `cargo run` when a
    workspace crate is named digicat-cli; None when there is no CLI."""
    binary = os.environ.get("DIGICAT_CLI")
    if binary:
        return [binary]
    manifests = [*REPO.glob("crates/*/Cargo.toml"), *REPO.glob("bindings/*/Cargo.toml")]
    if any('name = "digicat-cli"' in m.read_text(encoding="utf-8") for m in manifests):
        return ["cargo", "run", "-q", "-p", "digicat-cli", "--"]
    return None


def run_cli(command: List[str], csv: Path, *args: str) -> pd.DataFrame:
    out = subprocess.run(
        [*command, "classify", str(csv), "--quiet", *args],
        cwd=REPO,
        capture_output=True,
        check=True,
    )
    return read_as_text(out.stdout)


def read_as_text(data: "bytes | Path") -> pd.DataFrame:
    import io

    source = io.BytesIO(data) if isinstance(data, bytes) else data
    return pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8-sig")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_same_columns_as_the_cli(example_csv: Path, lang: str) -> None:
    command = cli_command()
    if command is None:
        pytest.skip("no CLI: the digicat-cli crate is not in this workspace and $DIGICAT_CLI is unset")
    cli = run_cli(command, example_csv, "--lang", lang)
    ours = classify_frame(read_as_text(example_csv), lang=lang)
    assert list(ours.columns) == list(cli.columns)
    assert len(ours) == len(cli)
    for column in cli.columns:
        assert list(ours[column]) == list(cli[column]), column


FIXTURES = REPO / "crates" / "digicat-cli" / "tests" / "fixtures"


def test_unrecognised_industry_column_raises_until_told_what_to_do() -> None:
    for column in ["所属行业分类", "企查查行业门类"]:
        df = pd.DataFrame({"企业名称": ["甲"], column: ["软件服务"], "经营范围": ["计算机视听觉软件"]})
        with pytest.raises(ValueError, match=rf'"{column}" look like industry columns.*code_col=NAME.*text_only=True'):
            classify_frame(df)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # text_only=True: no warning
            out = classify_frame(df, text_only=True)
        assert out["reason"].iloc[0] == "no_code"
        assert classify_frame(df, code_col=column)["reason"].iloc[0] == "unknown_class_name"


def test_blank_and_footer_rows_are_skipped_in_place() -> None:
    df = pd.DataFrame(
        {
            "企业名称": ["甲", None, " ", "合计：2家", "乙"],
            "行业代码": ["6520", None, "", None, "7320"],
            "经营范围": ["", None, None, None, "餐饮"],
        }
    )
    out = classify_frame(df)
    assert list(out["status"]) == ["in_scope", "skipped", "skipped", "skipped", "out_of_scope"]
    assert list(out["reason"]) == [
        "whole_class",
        "blank_row",
        "blank_row",
        "footer_row",
        "code_outside_catalogue",
    ]
    assert list(out["error"]) == [""] * 5
    assert "skipped" in digicat.STATUSES and {"blank_row", "footer_row"} <= set(digicat.REASONS)


def test_export_shaped_frames_read_their_industry_columns() -> None:
    """The CLI fixtures, read with pandas: the same answers as the clean lists."""
    qcc = pd.read_csv(FIXTURES / "qichacha.csv", dtype=str, header=1, skip_blank_lines=False)
    clean = pd.read_csv(FIXTURES / "qichacha.clean.csv", dtype=str)
    out = classify_frame(qcc)
    assert len(out) == len(qcc)
    enterprises = out[out["status"] != "skipped"]
    want = classify_frame(clean)
    for column in ["status", "reason", "industries"]:
        assert list(enterprises[column]) == list(want[column]), column
    assert list(out[out["status"] == "skipped"]["reason"]) == ["blank_row", "footer_row"] + [
        "blank_row"
    ] * 3
    registry = classify_frame(pd.read_csv(FIXTURES / "registry.csv", dtype=str))
    registry_clean = classify_frame(pd.read_csv(FIXTURES / "registry.clean.csv", dtype=str))
    assert list(registry["status"]) == list(registry_clean["status"])
    assert list(registry["industries"]) == list(registry_clean["industries"])


def test_qichacha_export_same_columns_as_the_cli() -> None:
    command = cli_command()
    if command is None:
        pytest.skip("no CLI: the digicat-cli crate is not in this workspace and $DIGICAT_CLI is unset")
    path = FIXTURES / "qichacha.csv"
    cli = run_cli(command, path)
    ours = classify_frame(pd.read_csv(path, dtype=str, header=1, keep_default_na=False))
    assert len(ours) == len(cli)
    for column in EN:
        assert list(ours[column]) == list(cli[column]), column


def test_tianyancha_frame_keeps_every_row() -> None:
    """The 天眼查-shaped fixture (GBK, CRLF, 所属行业 with 大类 names): every row out, the `,,,`
    row skipped; the names are read from 所属行业."""
    df = pd.read_csv(FIXTURES / "tianyancha.gbk.csv", dtype=str, encoding="gbk")
    out = classify_frame(df)
    assert len(out) == len(df) == 13
    assert list(out["status"]).count("skipped") == 1
    assert out["reason"].iloc[8] == "blank_row"


def test_tianyancha_frame_gives_the_clean_lists_totals() -> None:
    df = pd.read_csv(FIXTURES / "tianyancha.gbk.csv", dtype=str, encoding="gbk")
    out = classify_frame(df)
    want = classify_frame(pd.read_csv(FIXTURES / "tianyancha.clean.csv", dtype=str))
    enterprises = out[out["status"] != "skipped"]
    for column in ["status", "reason", "industries"]:
        assert list(enterprises[column]) == list(want[column]), column
