"""The shared vectors (tests/vectors/classify.tsv), also run by the Rust and C suites."""

from __future__ import annotations

from itertools import groupby
from typing import List

import digicat
from conftest import Vector, answer


def expected(v: Vector) -> List[str]:
    return [v.status, v.reason, v.industries, v.rows, v.evidence]


def test_classify_matches_every_vector(vectors: List[Vector]) -> None:
    failures = []
    for v in vectors:
        try:
            got = answer(digicat.classify(v.code, v.text, policy=v.policy, edition=v.edition))
        except digicat.InvalidCodeError as e:
            got = ["invalid", e.kind, "", "", ""]
        if got != expected(v):
            failures.append(f"{v.id}: want {expected(v)} got {got}")
    assert not failures, "\n".join(failures)


def test_classify_many_matches_every_vector(vectors: List[Vector]) -> None:
    def options(v: Vector) -> tuple:
        return (v.policy, v.edition)

    checked = 0
    for (policy, edition), group in groupby(sorted(vectors, key=options), key=options):
        batch = list(group)
        results = digicat.classify_many(
            [v.code for v in batch], [v.text for v in batch], policy=policy, edition=edition
        )
        assert len(results) == len(batch)
        for v, c in zip(batch, results):
            assert answer(c) == expected(v), v.id
            assert (c.error is not None) == (v.status == "invalid"), v.id
            checked += 1
    assert checked == len(vectors)


def test_report_columns_agree_with_vectors(vectors: List[Vector]) -> None:
    """The CLI's columns (status, reason, industries, rows, evidence terms) for every vector."""
    for v in vectors:
        names, columns = digicat._digicat.report_columns(
            [v.code], [v.text], policy=v.policy, edition=v.edition
        )
        row = {name: column[0] for name, column in zip(names, columns)}
        terms: List[str] = []
        for pair in filter(None, v.evidence.split(" | ")):
            term = pair.split(":", 1)[1]
            if term not in terms:
                terms.append(term)
        assert row["status"] == v.status, v.id
        assert row["reason"] == v.reason, v.id
        assert row["industries"] == v.industries, v.id
        assert row["rows"] == v.rows, v.id
        assert row["evidence"] == "；".join(terms), v.id
        assert (row["error"] != "") == (v.status == "invalid"), v.id


def test_classify_frame_matches_the_row_vectors() -> None:
    """tests/vectors/rows.tsv: rows that are not enterprises come out skipped, with their reason."""
    import pandas as pd

    from conftest import REPO
    from digicat.pandas import classify_frame

    lines = [
        line
        for line in (REPO / "tests" / "vectors" / "rows.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    assert lines[0] == "id\trow\treason"
    vectors = [line.split("\t") for line in lines[1:]]
    rows = [v[1].split("|") for v in vectors]
    assert all(len(r) == 3 for r in rows)
    out = classify_frame(pd.DataFrame(rows, columns=["企业名称", "行业代码", "经营范围"]))
    for (vid, _, reason), status, got in zip(vectors, out["status"], out["reason"]):
        if reason:
            assert (status, got) == ("skipped", reason), vid
        else:
            assert status != "skipped", vid
