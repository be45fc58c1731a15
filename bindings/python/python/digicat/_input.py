"""Input conversion shared by ``classify_many`` and ``classify_frame``."""

from __future__ import annotations

from typing import Any, Iterable, Optional


def values(column: Optional[Iterable[object]]) -> Optional[Iterable[object]]:
    """A column as a list with None for each missing value, when it is a pandas Series or
    Index, a pyarrow Array or ChunkedArray, or a polars Series; anything else as is.

    Duck-typed, so neither pandas, pyarrow nor polars is imported here. The native module reads
    the result (None is absent, str as is, other values as ``str(value)``). An Arrow or polars
    null is None (not the text ``"None"``).
    """
    isna = getattr(column, "isna", None)
    if callable(isna) and hasattr(column, "astype") and hasattr(column, "where"):
        series: Any = column
        result: list[object] = series.astype(object).where(~isna(), None).tolist()
        return result
    to_pylist = getattr(column, "to_pylist", None)  # pyarrow Array / ChunkedArray
    if callable(to_pylist) and hasattr(column, "null_count"):
        arrow: list[object] = to_pylist()
        return arrow
    to_list = getattr(column, "to_list", None)  # polars Series
    if callable(to_list) and hasattr(column, "is_null"):
        polars: list[object] = to_list()
        return polars
    return column
