"""Arrow in and out: classify whole columns and get typed Arrow result columns.

``digicat.arrow.classify(codes, texts)`` takes Arrow-compatible columns and returns a
``pyarrow.Table`` with one row per input row, in input order. No Python object is built per row:
the string buffers are read in place through the Arrow PyCapsule interface, the classification
runs with the GIL released on every core, and the results are built as Arrow arrays. Needs
pyarrow (``pip install digicat[arrow]``), imported only when a function here is called.

When to use which: ``digicat.classify_many`` returns one ``Classification`` object per row —
handy for a few hundred records in a notebook, where you look at the objects. For thousands of
records and more, or for data that already lives in Arrow, polars, pandas or Spark, use this
module (or ``digicat.pandas.classify_frame(df, lists=True)``): the same answers, many times
faster, because building Python objects is most of ``classify_many``'s time.
"""

from __future__ import annotations

from typing import Any, List, Optional, Sequence, Union

from digicat import _digicat
from digicat._input import values

# pyarrow ships no type information, so its objects are typed Any here.
__all__ = ["catalogues", "classify", "column", "require_pyarrow", "result_schema"]


def classify(
    codes: Optional[Any] = None,
    texts: Optional[Any] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
    catalogue: Union[str, Sequence[str]] = "dongguan-2019",
) -> Any:
    """Classify a batch of records given as columns; return a ``pyarrow.Table`` of results.

    ``codes`` and ``texts`` hold one value per row (either may be None): pyarrow arrays or
    chunked arrays, polars or pandas Series, numpy arrays, or any object with
    ``__arrow_c_stream__``; lists too. They must be string columns (``string``,
    ``large_string``, ``string_view``, a dictionary of strings, or binary holding UTF-8; binary
    that is not UTF-8 raises ValueError). A null (None, NaN, pandas' NA) is a missing value, an
    empty or blank string counts as absent. A number column raises TypeError: a code read as a
    number has lost its leading zeros, so read codes as text. When both are given they must
    have the same length (their chunking may differ).

    The result has one row per input row, in input order, with the columns ``status`` and
    ``reason`` (dictionary-encoded strings, the names of ``digicat.STATUSES`` and
    ``digicat.REASONS``; an ``invalid`` row has its error kind, such as ``malformed_code``, as
    reason), ``industries`` (list of int8 industry ids), ``rows`` (list of catalogue row ids such
    as ``"3.2"``), ``evidence`` (list of structs ``text``, ``row``, ``start``, ``end``, ``kind``,
    ``relation``; ``start``/``end`` are character offsets into the text, so
    ``text[start:end]`` is the match) and ``error`` (the message of an ``invalid`` row, else
    null). A code that cannot be read never raises: its row is ``invalid``. ``policy`` and
    ``edition`` are as for ``digicat.classify``.

    ``catalogue`` chooses the catalogue(s), as ``classify_frame`` and the CLI's ``--catalogue``
    do: ``"dongguan-2019"`` (the default, the columns above), ``"szjj-2021"``
    (《数字经济及其核心产业统计分类（2021）》) or a list of both, one column set per catalogue in
    the order given. The ``szjj-2021`` columns are prefixed ``szjj_`` as in the CLI's CSV:
    ``szjj_status`` and ``szjj_reason`` (dictionary-encoded), ``szjj_classes`` (list of 小类
    codes as strings, ``"030304"``: leading zeros kept), ``szjj_class_names`` (list of their
    names), ``szjj_rows`` (list of (小类, GB/T code) pairs, ``"030304:6429*"``),
    ``szjj_evidence`` (list of structs ``text``, ``class``, ``start``, ``end``, ``kind``;
    character offsets) and ``szjj_error``.
    """
    result: Any = _digicat.classify_arrow(
        column(codes, "codes"),
        column(texts, "texts"),
        policy=policy,
        edition=edition,
        catalogues=catalogues(catalogue),
    )
    return result


def result_schema(catalogue: Union[str, Sequence[str]] = "dongguan-2019") -> Any:
    """The schema of the tables ``classify`` returns for ``catalogue``."""
    pa = require_pyarrow()
    empty: Any = _digicat.classify_arrow(
        pa.chunked_array([], pa.string()), catalogues=catalogues(catalogue)
    )
    return empty.schema


def catalogues(catalogue: Union[str, Sequence[str]]) -> List[str]:
    """The catalogue ids of a ``catalogue=`` argument: one id (a str) or a list of ids."""
    return [catalogue] if isinstance(catalogue, str) else list(catalogue)


def column(data: Optional[Any], what: str) -> Optional[Any]:
    """``data`` as an object with ``__arrow_c_stream__``, which the native module reads.

    Objects that already export an Arrow stream (pyarrow ChunkedArray, polars and pandas
    Series) pass as they are; a pyarrow Array (or any ``__arrow_c_array__``) becomes a one-chunk
    ChunkedArray; anything else (numpy arrays, lists) is converted with ``pyarrow.array``,
    missing values (None, NaN) becoming nulls.
    """
    if data is None or hasattr(data, "__arrow_c_stream__"):
        return data
    if isinstance(data, (str, bytes)):
        raise TypeError(
            f"{what} must be a column (one value per row), not a single {type(data).__name__}"
        )
    pa = require_pyarrow()
    if hasattr(data, "__arrow_c_array__"):
        return pa.chunked_array([pa.array(data)])
    items = values(data)
    if not isinstance(items, list):
        items = list(items) if items is not None else []
    return pa.chunked_array([pa.array(items, from_pandas=True)])


def require_pyarrow() -> Any:
    """The pyarrow module, or an ImportError that says how to install it."""
    try:
        import pyarrow  # type: ignore[import-untyped,unused-ignore]
    except ImportError as e:
        raise ImportError(
            "digicat.arrow needs pyarrow, which is not installed: pip install digicat[arrow] "
            "(or pip install pyarrow)"
        ) from e
    return pyarrow
