"""A fair pure-Python peer of digicat, for the benchmarks only.

What a careful analyst would write without digicat: the data files read at start-up into dicts,
one compiled ``re`` alternation of every normalised term (longest first, so the leftmost match is
the longest), and the same status rules as the engine (``crates/digicat/src/classify.rs``).
``bench.py`` checks that its answers equal digicat's on the benchmark data before timing anything.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"

STRENGTH = {"product": 0, "alias": 1, "equivalent": 2, "class_name": 3, "broader": 4}


def _tsv(path: Path) -> list[list[str]]:
    lines = [l for l in path.read_text(encoding="utf-8").split("\n") if l and not l.startswith("#")]
    return [l.split("\t") for l in lines[1:]]


def normalize(text: str) -> str:
    """Per-character NFKC, ASCII lower-cased, whitespace dropped (as the engine does)."""
    out = []
    for c in text:
        if c.isascii():
            if not c.isspace():
                out.append(c.lower())
        else:
            for d in unicodedata.normalize("NFKC", c):
                if not d.isspace():
                    out.append(d.lower() if d.isascii() else d)
    return "".join(out)


class Peer:
    """The catalogue as run-time dicts and a regex; ``classify`` mirrors the engine's rules."""

    def __init__(self, data: Path = DATA) -> None:
        rows = _tsv(data / "catalogues" / "dongguan-2019" / "rows.tsv")
        self.rows = [r[0] for r in rows]
        self.row_index = {r[0]: i for i, r in enumerate(rows)}
        self.row_code = [r[2] for r in rows]
        self.row_partial = [r[3] == "yes" for r in rows]
        self.row_inferred = [r[4] == "inferred" for r in rows]
        self.row_industry = [int(r[0].split(".")[0]) for r in rows]
        self.code_rows: dict[str, list[int]] = {}
        for i, code in enumerate(self.row_code):
            self.code_rows.setdefault(code, []).append(i)

        terms: dict[str, dict[int, int]] = {}

        def add(text: str, row: int, strength: int) -> None:
            per_row = terms.setdefault(normalize(text), {})
            per_row[row] = min(per_row.get(row, 99), strength)

        for row, name, _note in _tsv(data / "catalogues" / "dongguan-2019" / "products.tsv"):
            add(name, self.row_index[row], STRENGTH["product"])
        for alias, _product, row, _why in _tsv(data / "catalogues" / "dongguan-2019" / "aliases.tsv"):
            add(alias, self.row_index[row], STRENGTH["alias"])
        for f in _tsv(data / "vocabulary" / "scope_phrases.tsv"):
            if f[4] in ("equivalent", "broader"):
                for row in f[3].split(","):
                    add(f[1], self.row_index[row], STRENGTH[f[4]])

        self.gbt: dict[str, tuple[str, str, str]] = {}  # code -> (level, name, parent)
        with open(data / "gbt4754" / "gbt4754_2017.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.gbt[r["code"]] = (r["level"], r["name"], r["parent"])
        self.gbt2011: dict[str, tuple[str, str, str]] = {}
        with open(data / "gbt4754" / "gbt4754_2011.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.gbt2011[r["code"]] = (r["level"], r["name"], r["parent"])
        self.class_by_name = {normalize(v[1]): k for k, v in self.gbt.items() if v[0] == "class"}
        for i, code in enumerate(self.row_code):
            if not self.row_partial[i]:
                add(self.gbt[code][1], i, STRENGTH["class_name"])

        self.successors: dict[str, list[str]] = {}
        with open(data / "gbt4754" / "correspondence_2011_2017.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.successors.setdefault(r["code_2011"], []).append(r["code_2017"])
        for code, (level, name, _) in self.gbt2011.items():
            same = self.gbt.get(code)
            if (
                level == "class"
                and code not in self.successors
                and not code.startswith(("63", "64", "65"))
                and same is not None
                and same[1].replace("（", "(").replace("）", ")") == name.replace("（", "(").replace("）", ")")
            ):
                self.successors[code] = [code]

        self.terms = terms

        def alternation(patterns: list[str]) -> re.Pattern[str]:
            return re.compile("|".join(re.escape(p) for p in sorted(patterns, key=len, reverse=True)))

        # As the engine: decisive terms leftmost-longest, then broader phrases in the gaps.
        self.decisive = alternation([p for p, rows in terms.items() if min(rows.values()) < STRENGTH["broader"]])
        self.broader = alternation([p for p, rows in terms.items() if min(rows.values()) == STRENGTH["broader"]])

    def _section(self, code: str) -> str:
        table = self.gbt if code in self.gbt else self.gbt2011
        while code in table and table[code][0] != "section":
            code = table[code][2]
        return code

    def _parse(self, field: str) -> tuple[str, str]:
        """Returns (kind, code) with kind class/coarse/old, or raises ValueError(kind)."""
        folded = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in field.strip())
        m = re.fullmatch(r"([A-Za-z])?[ \-]?(\d{2,4})\*?", folded)
        if m is None:
            if field.isascii():
                raise ValueError("malformed_code")
            code = self.class_by_name.get(normalize(field))
            if code is not None:
                return "class", code
            named = re.fullmatch(r"([A-Za-z]?[ \-]?\d{2,4}\*?)[\s\-－—:：_]*(.+)", folded)
            if named is None or named.group(2).isascii():
                raise ValueError("malformed_code" if re.search(r"\d", folded) else "unknown_class_name")
            kind, code = self._parse(named.group(1))
            table = self.gbt2011 if kind == "old" else self.gbt
            if normalize(table[code][1]) != normalize(named.group(2)):
                raise ValueError("code_name_mismatch")
            return kind, code
        letter, code = m.group(1), m.group(2)
        if len(code) < 2:
            raise ValueError("malformed_code")
        if letter and code in {**self.gbt2011, **self.gbt} and self._section(code) != letter.upper():
            raise ValueError("section_mismatch")
        if len(code) < 4:
            if code in self.gbt:
                return "coarse", code
            raise ValueError("unknown_code")
        if code in self.gbt:
            return "class", code
        if code in self.gbt2011:
            if self.successors.get(code) == [code]:
                return "class", code
            return "old", code
        raise ValueError("unknown_code")

    def classify(self, code: str | None, text: str | None) -> tuple[str, str, tuple[int, ...]]:
        """(status, reason, industry ids) for one record; status ``invalid`` with the error kind."""
        reading = None
        if code is not None and code.strip():
            try:
                reading = self._parse(code)
            except ValueError as e:
                return "invalid", str(e), ()
        named: set[int] = set()
        decisive: set[int] = set()
        for term in self._terms_named(text or ""):
            for row, strength in self.terms[term].items():
                named.add(row)
                if strength < STRENGTH["broader"]:
                    decisive.add(row)

        def outside() -> tuple[str, set[int]]:
            return ("products_outside_code", decisive) if decisive else ("code_outside_catalogue", set())

        if reading is None:
            if decisive:
                reason, rows = "no_code", decisive
            elif named:
                reason, rows = "broader_phrases_only", named
            else:
                reason, rows = "nothing_named", set()
        elif reading[0] == "class":
            own = set(self.code_rows.get(reading[1], []))
            hits = own & decisive
            if not own:
                reason, rows = outside()
            elif not self.row_partial[min(own)]:
                reason, rows = "whole_class", own
            elif hits:
                best = min(
                    min(s for r, s in self.terms[t].items() if r in hits and s < STRENGTH["broader"])
                    for t in self._terms_named(text or "")
                    if any(r in hits and s < STRENGTH["broader"] for r, s in self.terms[t].items())
                )
                reason = {0: "listed_product", 1: "listed_product", 2: "scope_phrase"}.get(best, "class_name")
                rows = hits
            elif any(self.row_inferred[r] for r in own):
                reason, rows = "products_not_published", own | decisive
            elif decisive:
                reason, rows = "products_outside_code", own | decisive
            else:
                reason, rows = "no_product_evidence", own
        elif reading[0] == "coarse":
            within = {i for i, c in enumerate(self.row_code) if c.startswith(reading[1])}
            if not within:
                reason, rows = outside()
            else:
                reason, rows = "coarse_code", (within & named) or within
        else:
            succ = self.successors.get(reading[1], [])
            within = {i for c in succ for i in self.code_rows.get(c, [])}
            if not within and succ:
                reason, rows = outside()
            elif not succ:
                reason, rows = "old_edition_code", named
            else:
                reason, rows = "old_edition_code", (within & named) or within
        status = {
            "whole_class": "in_scope",
            "listed_product": "in_scope",
            "scope_phrase": "in_scope",
            "class_name": "in_scope",
            "code_outside_catalogue": "out_of_scope",
            "nothing_named": "out_of_scope",
        }.get(reason, "needs_review")
        return status, reason, tuple(sorted({self.row_industry[r] for r in rows}))

    def _terms_named(self, text: str) -> list[str]:
        norm = normalize(text)
        found = []
        gap = 0
        for m in self.decisive.finditer(norm):
            found += [b.group() for b in self.broader.finditer(norm, gap, m.start())]
            found.append(m.group())
            gap = m.end()
        found += [b.group() for b in self.broader.finditer(norm, gap)]
        return found
