"""The shared evidence-span vectors (tests/vectors/spans.tsv), also run by the Rust and C suites:
every evidence item of ``find_products``, in order, with its CHARACTER offsets."""

from __future__ import annotations

from typing import List, NamedTuple, Tuple

import pytest

import digicat
from conftest import REPO

SPANS = REPO / "tests" / "vectors" / "spans.tsv"


class Span(NamedTuple):
    kind: str
    text: str
    row: str
    start: int
    end: int
    bytes: Tuple[int, int]


class Case(NamedTuple):
    id: str
    policy: str
    text: str
    evidence: List[Span]


def parse_item(item: str) -> Span:
    """``kind:term@row:BYTE_START-BYTE_END:CHAR_START-CHAR_END`` (a term may hold ``:`` or ``@``,
    so the fixed parts are taken from either end)."""
    kind, rest = item.split(":", 1)
    rest, byte_span, chars = rest.rsplit(":", 2)
    term, row = rest.rsplit("@", 1)
    start, end = (int(x) for x in chars.split("-"))
    byte_start, byte_end = (int(x) for x in byte_span.split("-"))
    return Span(kind, term, row, start, end, (byte_start, byte_end))


def load_cases() -> List[Case]:
    lines = [
        line
        for line in SPANS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    header, *body = (line.split("\t") for line in lines)
    assert header == ["id", "policy", "text", "evidence"], header
    cases = []
    for f in body:
        assert len(f) == 4, f
        items = [parse_item(i) for i in f[3].split(" | ")] if f[3] else []
        cases.append(Case(f[0], f[1] or "standard", f[2], items))
    return cases


CASES = load_cases()


def test_the_vectors_are_there() -> None:
    assert len(CASES) >= 10
    assert any(len(c.evidence) >= 7 for c in CASES), "a term naming several rows"
    assert any(not c.evidence for c in CASES), "a text with no evidence"
    assert any((s.start, s.end) != s.bytes for c in CASES for s in c.evidence), "non-ASCII text"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_find_products_spans(case: Case) -> None:
    found = digicat.find_products(case.text, policy=case.policy)
    got: List[Tuple[str, str, str, int, int]] = [
        (e.kind, e.text, e.row.id, e.start, e.end) for e in found
    ]
    assert got == [(s.kind, s.text, s.row, s.start, s.end) for s in case.evidence]
    for e, s in zip(found, case.evidence):
        assert case.text[e.start : e.end] == e.matched
        assert case.text.encode("utf-8")[s.bytes[0] : s.bytes[1]] == e.matched.encode("utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_classify_has_the_same_spans(case: Case) -> None:
    """``classify`` without a code reports the same evidence as ``find_products``, alone and in
    a batch."""
    want = digicat.find_products(case.text, policy=case.policy)
    single = digicat.classify(None, case.text, policy=case.policy)
    (batched,) = digicat.classify_many([None], [case.text], policy=case.policy)
    assert list(single.evidence) == want
    assert list(batched.evidence) == want
