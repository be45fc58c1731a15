"""Park and cluster assessment on a pandas DataFrame: ``digicat.assess(df, criteria=...)``.

The numbers come from the same Rust code as ``digicat assess`` (crate ``digicat-assess``): the
criteria in ``data/criteria``, the roster reading, the verdicts and the JSON schema
``digicat-assess/1``. Nothing is computed here; this module only converts.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from digicat import _digicat

__all__ = ["Assessment", "assess"]


class Assessment:
    """The result of :func:`assess`: ``report`` (the JSON report as a dict), ``html`` (the
    self-contained report page, also the notebook view), and two DataFrames: :attr:`results`
    (one row per park or roster × criterion), :attr:`scores` (weighted sets' scores per indicator)
    and :attr:`enterprises` (one row per input row)."""

    def __init__(self, report: Dict[str, Any], html: str) -> None:
        self.report: Dict[str, Any] = report
        self.html: str = html

    @property
    def results(self) -> Any:
        """One row per group (park, or 全部名册) and criterion: who is counted (``population`` as
        written, e.g. ``szjj:core``; the ``catalogue`` it counts by, ``szjj-2021``, ``gbt-4754``,
        ``dongguan-2019`` or None; ``population_zh``, 统计范围), value range, threshold, verdict, gap."""
        pd = _require_pandas()
        rows: List[Dict[str, Any]] = []
        for g in self.report["groups"]:
            for r in g["results"]:
                value = r["value"] or {}
                rows.append(
                    {
                        "group": g["group"],
                        "set": r["set"],
                        "id": r["id"],
                        "clause": r["clause"],
                        "quote": r["quote"],
                        "population": r["population"],
                        "catalogue": r["catalogue"],
                        "population_zh": r["population_zh"],
                        "confirmed": value.get("confirmed"),
                        "with_review": value.get("with_review"),
                        "unit": r["unit"],
                        "comparator": r["comparator"],
                        "threshold": r["threshold"],
                        "verdict": r["verdict"],
                        "gap": r["gap"],
                        "weight": r["weight"],
                        "confirmed_enterprises": len(r["confirmed_lines"]),
                        "review_enterprises": len(r["review_lines"]),
                        "missing_cells": len(r["missing"]),
                    }
                )
        return pd.DataFrame(rows)

    @property
    def scores(self) -> Any:
        """One row per group, weighted set and indicator: weight, score range (low … high) and
        where the score comes from (sheet, verdict, missing)."""
        pd = _require_pandas()
        rows: List[Dict[str, Any]] = []
        for sc in self.report["scores"]:
            for i in sc["indicators"]:
                rows.append(
                    {
                        "group": sc["group"],
                        "set": sc["set"],
                        "indicator": i["indicator"],
                        "weight": i["weight"],
                        "low": i["low"],
                        "high": i["high"],
                        "source": i["source"],
                        "criteria": ",".join(i["criteria"]),
                    }
                )
        return pd.DataFrame(rows)

    @property
    def enterprises(self) -> Any:
        """One row per input row: line, name, park, classification, whether it is counted."""
        pd = _require_pandas()
        return pd.DataFrame(self.report["enterprises"])

    def _repr_html_(self) -> str:
        """The notebook view: the self-contained HTML report."""
        return self.html


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v != v:  # NaN
        return ""
    return str(v)


def _pairs(m: Optional[Mapping[str, object]]) -> List[str]:
    return [f"{k}={v}" for k, v in (m or {}).items()]


def assess(
    df: Any,
    criteria: Union[str, Sequence[str]],
    *,
    attrs: Optional[Mapping[str, object]] = None,
    attr_file: Optional[str] = None,
    units: Optional[Mapping[str, str]] = None,
    columns: Optional[Mapping[str, str]] = None,
    readings: Sequence[str] = (),
    park_col: Optional[str] = None,
    code_col: Optional[str] = None,
    text_col: Optional[str] = None,
    text_only: bool = False,
    policy: str = "standard",
    edition: str = "auto",
    scores: Any = None,
) -> Assessment:
    """Assesses the roster ``df`` (one enterprise a row) against ``criteria`` (shipped ids such as
    ``"pilot-park-2019,cluster-2021"`` or ``"digital-economy-2025"``, or ``.tsv`` paths), as
    ``digicat assess`` does. Rows are also classified by ``szjj-2021`` when a criterion counts a
    ``szjj:`` population (``szjj:core``, the 数字经济核心产业).

    ``attrs`` maps ``NAME`` or ``PARK:NAME`` to a park attribute (``space_m2``, ``city_employees``,
    ``industry_rd_intensity``, ``period_start``, ``matching_ratio``); ``attr_file`` is a TSV of
    them; ``units`` maps a money column (or field) to 元/万元/亿元 when its header has none;
    ``columns`` maps a role (``name``, ``credit_code``, ``revenue:2023`` …) to a header;
    ``readings`` takes the other reading of ambiguous criteria (``"pilot-park-2019.revenue_3y"``).
    ``scores`` is the experts' score sheet, a DataFrame with columns 指标 (number or criterion
    id), 得分 and optionally 园区 and 准则集, as ``--scores`` takes it: it completes the totals of
    weighted sets (cluster-2021) in ``report["scores"]``.
    Row ``i`` (0-based) is reported as line ``i + 2``, as in a CSV with its header on line 1.
    Raises ValueError for a bad request or roster (e.g. a revenue column without a unit).
    """
    names = [c.strip() for c in criteria.split(",")] if isinstance(criteria, str) else list(criteria)
    header, rows = _table(df)
    lines = [i + 2 for i in range(len(rows))]
    file: Optional[Tuple[str, str]] = None
    if attr_file is not None:
        with open(attr_file, encoding="utf-8") as f:
            file = (attr_file, f.read())
    text, html = _digicat.assess_table(
        header,
        rows,
        lines,
        names,
        attrs=_pairs(attrs),
        attr_file=file,
        units=_pairs(units),
        columns=_pairs(columns),
        readings=list(readings),
        park_col=park_col,
        code_col=code_col,
        text_col=text_col,
        text_only=text_only,
        policy=policy,
        edition=edition,
        scores=None if scores is None else _table(scores),
    )
    return Assessment(json.loads(text), html)


def _table(df: Any) -> Tuple[List[str], List[List[str]]]:
    header = [str(c) for c in df.columns]
    return header, [[_cell(v) for v in row] for row in df.itertuples(index=False, name=None)]


def _require_pandas() -> Any:
    try:
        import pandas
    except ImportError as e:
        raise ImportError("digicat.assess needs pandas for DataFrames: pip install pandas") from e
    return pandas
