"""The shared szjj-2021 vectors (tests/vectors/szjj.tsv), also run by the Rust and C suites, and
the catalogue choice on classify, classify_many and classify_frame."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

import digicat

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
