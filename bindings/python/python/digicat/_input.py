"""Input conversion shared by ``classify_many`` and ``classify_frame``."""

from __future__ import annotations

from typing import Any, Iterable, Optional


def values(column: Optional[Iterable[object]]) -> Optional[Iterable[object]]:
    """A pandas Series or Index as a list with None for each missing value; anything else as is.

    Duck-typed, so pandas is never imported here. The native module reads the result (None is
    absent, str as is, other values as ``str(value)``).
    """
    isna = getattr(column, "isna", None)
    if callable(isna) and hasattr(column, "astype") and hasattr(column, "where"):
        series: Any = column
        result: list[object] = series.astype(object).where(~isna(), None).tolist()
        return result
    return column
