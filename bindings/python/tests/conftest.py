"""Shared paths and helpers for the digicat Python tests."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

import pytest
from hypothesis import settings

import digicat

REPO = Path(__file__).resolve().parents[3]
VECTORS = REPO / "tests" / "vectors" / "classify.tsv"
EXAMPLE_CSV = REPO / "data" / "examples" / "enterprises.csv"
CATALOGUE = REPO / "data" / "catalogues" / "dongguan-2019"


@dataclass(frozen=True)
class Vector:
    """One line of tests/vectors/classify.tsv (format in its header comment)."""

    id: str
    code: Optional[str]
    text: Optional[str]
    policy: str
    edition: str
    status: str
    reason: str
    industries: str
    rows: str
    evidence: str


def load_vectors() -> List[Vector]:
    lines = [
        line
        for line in VECTORS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    header, *body = (line.split("\t") for line in lines)
    assert header == [
        "id", "code", "text", "policy", "edition",
        "status", "reason", "industries", "rows", "evidence",
    ], header
    vectors = []
    for f in body:
        assert len(f) == 10, f
        vectors.append(
            Vector(
                id=f[0],
                code=f[1] or None,
                text=f[2] or None,
                policy=f[3] or "standard",
                edition=f[4] or "auto",
                status=f[5],
                reason=f[6],
                industries=f[7],
                rows=f[8],
                evidence=f[9],
            )
        )
    return vectors


def answer(c: digicat.Classification) -> List[str]:
    """A result in the vectors' own format: status, reason, industries, rows, evidence."""
    pairs: List[str] = []
    for e in c.evidence:
        pair = f"{e.kind}:{e.text}"
        if pair not in pairs:
            pairs.append(pair)
    return [
        c.status,
        c.reason,
        ",".join(str(i) for i in c.industry_ids),
        ",".join(r.id for r in c.rows),
        " | ".join(pairs),
    ]


def read_tsv(path: Path) -> List[Dict[str, str]]:
    """A data TSV (comment lines start with #) as dicts."""
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="session")
def vectors() -> List[Vector]:
    v = load_vectors()
    assert len(v) >= 60
    return v


@pytest.fixture
def example_csv() -> Path:
    if not EXAMPLE_CSV.exists():
        pytest.skip(
            f"{EXAMPLE_CSV.relative_to(REPO)} is absent (it is created with the CLI's examples)"
        )
    return EXAMPLE_CSV


# Hypothesis keeps no example database in the work tree.
settings.register_profile("digicat", database=None)
settings.load_profile("digicat")
