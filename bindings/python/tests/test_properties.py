"""Property tests: arbitrary input never raises anything but the documented exceptions."""

from __future__ import annotations

from typing import List, Optional

from hypothesis import given, settings
from hypothesis import strategies as st

import digicat

# Text that often touches the catalogue: catalogue words, code-like pieces and arbitrary unicode
# (including lone surrogates, which Python strs may hold).
PIECES = st.sampled_from(
    ["6513", "I6513", "651", "65", "6510", "６５１３", "*", "I", " ", "-", "；", "软件开发",
     "计算机视听觉软件", "ＳａａＳ", "SaaS", "应用软件开发", "人工智能应用软件开发", "\u0301", "😀"]
)
ANY_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec=None, categories=None)),
    st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=8).map("".join),
)
MAYBE_TEXT = st.one_of(st.none(), ANY_TEXT)
POLICY = st.sampled_from(["standard", "strict"])
EDITION = st.sampled_from(["auto", "2017", "2011"])


def check(c: digicat.Classification, text: Optional[str]) -> None:
    assert c.status in digicat.STATUSES
    if c.status == "invalid":
        assert c.error and not c.industries and not c.rows and not c.evidence
        return
    assert c.reason in digicat.REASONS and c.error is None
    ids = c.industry_ids
    assert list(ids) == sorted(set(ids))
    assert {r.industry.id for r in c.rows} == set(ids)
    for e in c.evidence:
        assert text is not None and 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.matched


@settings(max_examples=400, deadline=None)
@given(code=MAYBE_TEXT, text=MAYBE_TEXT, policy=POLICY, edition=EDITION)
def test_classify_raises_only_invalid_code_error(
    code: Optional[str], text: Optional[str], policy: str, edition: str
) -> None:
    try:
        c = digicat.classify(code, text, policy=policy, edition=edition)
    except digicat.InvalidCodeError as e:
        assert e.kind and e.kind != "invalid_option" and e.row is None
        batch = digicat.classify_many([code], [text], policy=policy, edition=edition)[0]
        assert (batch.status, batch.reason, batch.error) == ("invalid", e.kind, str(e))
        return
    assert c.status != "invalid"
    check(c, text)
    assert digicat.classify_many([code], [text], policy=policy, edition=edition) == [c]


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(st.tuples(MAYBE_TEXT, MAYBE_TEXT), max_size=30), policy=POLICY)
def test_classify_many_never_raises_and_keeps_rows(
    rows: List[tuple], policy: str
) -> None:
    codes = [r[0] for r in rows]
    texts = [r[1] for r in rows]
    results = digicat.classify_many(codes, texts, policy=policy)
    assert len(results) == len(rows)
    for c, text in zip(results, texts):
        check(c, text)
    names, columns = digicat._digicat.report_columns(codes, texts, policy=policy)
    assert len(names) == 7 and all(len(col) == len(rows) for col in columns)
    assert columns[0] == [c.status for c in results]
    assert columns[1] == [c.reason for c in results]


@settings(max_examples=100, deadline=None)
@given(text=ANY_TEXT, policy=POLICY)
def test_find_products_spans(text: str, policy: str) -> None:
    for e in digicat.find_products(text, policy=policy):
        assert text[e.start : e.end] == e.matched
        assert policy == "standard" or e.kind in ("product", "alias")


@settings(max_examples=200, deadline=None)
@given(name=ANY_TEXT)
def test_option_names_raise_only_invalid_option_error(name: str) -> None:
    for call in (
        lambda: digicat.classify("6513", policy=name),
        lambda: digicat.classify("6513", edition=name),
        lambda: digicat.find_products("SaaS", policy=name),
        lambda: digicat._digicat.report_column_names(name),
    ):
        try:
            call()
        except digicat.InvalidOptionError as e:
            assert e.kind == "invalid_option"
    try:
        digicat._digicat.report_table(["行业代码", name], [[], []], name, name)
    except ValueError as e:
        assert type(e) is ValueError and "not found" in str(e)


@settings(max_examples=200, deadline=None)
@given(code=ANY_TEXT, edition=EDITION)
def test_lookup_raises_only_invalid_code_error(code: str, edition: str) -> None:
    try:
        info = digicat.lookup(code, edition=edition)
    except digicat.InvalidCodeError as e:
        assert e.kind
        return
    assert info.level in ("section", "division", "group", "class")
    assert info.edition in ("2017", "2011")
    # A section's rows are those of its codes; a 2011 code's rows are its successors'.
    within = info.level == "section" or info.edition == "2011"
    assert all(r.code.startswith(info.code) or info.successors or within for r in info.rows)
