"""``lang="zh"`` leaves no English word: values, errors and warnings of classify_frame and
summarize, report_columns, and the Chinese message of every exception (``message_zh``), worded
as the CLI's ``--lang zh`` words them (the same core). The checker mirrors the CLI test's
(crates/digicat-cli/tests/common/mod.rs, ``english_words``)."""

from __future__ import annotations

import re
import warnings
from typing import Iterable, List

import pandas as pd
import pytest

import digicat
from digicat.pandas import classify_frame, summarize

ALLOWED = {
    "digicat", "Excel", "CSV", "TSV", "XLSX", "PDF", "UTF", "GBK", "classify", "standard",
    "strict", "auto", "en", "zh", "code_col", "text_col", "text_only", "True", "lang",
    "group_by", "collect", "polars", "pandas", "DataFrame", "pyarrow", "Table", "classify_frame",
    "summarize", "list",
}  # fmt: skip


def english_words(text: str, typed: Iterable[str] = ()) -> List[str]:
    """Runs of ASCII letters (with ``_``) that are not allowed: not in ALLOWED or the recognised
    column names, not a single letter, not in a token holding a digit, ``/`` or ``.`` or
    starting with ``-``, once ``typed`` (inputs, column names the user gave) is taken out."""
    for s in sorted(typed, key=len, reverse=True):
        if s:
            text = text.replace(s, " ")
    known = ALLOWED | set(digicat.CODE_COLUMNS) | set(digicat.TEXT_COLUMNS)
    words = []
    for token in re.findall(r"[A-Za-z0-9_\-./+*\\]+", text):
        if not re.search(r"[A-Za-z]", token) or re.search(r"[0-9/.]", token):
            continue
        if token.startswith("-"):
            continue
        words += [w for w in re.findall(r"[A-Za-z_]+", token) if len(w) > 1 and w not in known]
    return words


def assert_chinese(text: str, typed: Iterable[str] = ()) -> None:
    words = english_words(text, typed)
    assert not words, f"English words {words} in: {text}"
    assert re.search(r"[\u4e00-\u9fff]", text), f"no Chinese in: {text}"


BAD = ["6513", "65a3", "C6513", "9999", "6513 基础软件开发", "65/6431", "不存在的行业", "123456", "5"]
TEXT = ["计算机视听觉软件"] + ["软件开发"] * (len(BAD) - 1)


def test_checker() -> None:
    assert english_words("无法读取：file not found") == ["file", "not", "found"]
    assert not english_words("请用 --code-col；I6513、GB/T 4754-2017、GB18030")


def test_classify_frame_values_in_chinese() -> None:
    frame = pd.DataFrame({"企业名称": list("甲乙丙丁戊己庚辛壬"), "行业代码": BAD, "经营范围": TEXT})
    out = classify_frame(frame, lang="zh")
    added = list(digicat._digicat.report_column_names("zh"))
    for row in out[added].itertuples(index=False):
        for value in row:
            if value:
                assert not english_words(value, BAD), value
    errors = out["错误信息"].tolist()
    assert errors[0] == ""
    assert errors[1].startswith("行业代码格式错误：“65a3”")
    assert "不是 GB/T 4754-2017 的小类" in errors[3]
    assert out["状态"].tolist()[1] == digicat.label("invalid", "zh")
    # The English frame is as before: the core's English messages.
    en = classify_frame(frame)
    assert en["error"].tolist()[1].startswith("malformed code")
    # Typed columns: the codes stay, the message is in Chinese.
    typed = classify_frame(frame, lang="zh", lists=True)
    assert typed["状态"].astype(str).tolist()[1] == "invalid"
    assert str(typed["错误信息"].tolist()[1]) == errors[1]


def test_report_columns_in_chinese() -> None:
    names, columns = digicat._digicat.report_columns(BAD, TEXT, "zh")
    assert names[0] == "状态"
    for column in columns:
        for value in column:
            if value:
                assert not english_words(value, BAD), value


def test_errors_and_warnings_in_chinese() -> None:
    frame = pd.DataFrame({"行业代码": ["6513"], "经营范围": ["软件开发"]})
    cases = [
        (lambda: classify_frame(frame, code_col="无此列", lang="zh"), ValueError, "找不到行业代码列“无此列”"),
        (lambda: classify_frame(frame[["经营范围"]].assign(所属行业分类="软件"), lang="zh"), ValueError, "看似行业的列"),
        (lambda: classify_frame(pd.DataFrame({"名称": ["甲"]}), lang="zh"), ValueError, "找不到行业代码列"),
        (lambda: classify_frame(frame.assign(状态="x"), lang="zh"), ValueError, "已有"),
        (lambda: classify_frame([["6513"]], lang="zh"), TypeError, "须传入"),
        (lambda: classify_frame(frame, lang="zh", policy="loose"), digicat.InvalidOptionError, "判定规则"),
        (lambda: classify_frame(frame, lang="zh", lists=True, edition="2020"), digicat.InvalidOptionError, "行业分类版本"),
        (lambda: summarize(frame, lang="zh"), ValueError, "classify_frame"),
        (lambda: summarize(classify_frame(frame, lang="zh"), ["镇街"], lang="zh"), ValueError, "找不到分组列"),
        (lambda: summarize([1], lang="zh"), TypeError, "须传入"),
    ]
    for call, kind, part in cases:
        with pytest.raises(kind) as e:
            call()
        assert part in str(e.value), str(e.value)
        assert_chinese(str(e.value), ["无此列", "所属行业分类", "名称", "经营范围", "行业代码", "loose", "2020", "镇街"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        classify_frame(frame[["经营范围"]], lang="zh")
    assert len(caught) == 1
    assert_chinese(str(caught[0].message))


@pytest.mark.parametrize("code", BAD[1:])
def test_every_exception_has_a_chinese_message(code: str) -> None:
    with pytest.raises(digicat.InvalidCodeError) as e:
        digicat.classify(code)
    assert_chinese(e.value.message_zh, [code])
    assert english_words(str(e.value), [code]), "the message itself stays English"
    with pytest.raises(digicat.InvalidCodeError) as batch:
        digicat.classify_many(["6513", code], strict=True)
    assert batch.value.message_zh.startswith("第 1 行：")
    with pytest.raises(digicat.InvalidOptionError) as option:
        digicat.classify("6513", policy="loose")
    assert_chinese(option.value.message_zh, ["loose"])
