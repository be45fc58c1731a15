"""polars: ``digicat.polars.classify(code=..., text=...)``, an expression giving a struct column.

Not a native Polars plugin: the Polars plugin mechanism (``pyo3-polars``) is built on pyo3 0.29
(pyo3-polars 0.28) while this package is built on pyo3 0.30, and two pyo3 versions cannot be
linked into one extension module. The expression is therefore ``Expr.map_batches`` over the
Arrow entry point (``digicat.arrow.classify``): each batch of the two columns goes to Rust
through the Arrow C stream interface without a per-row Python object, and is classified with
the GIL released on every core. It runs in lazy queries and with the streaming engine
(``is_elementwise=True``: batches may be split anywhere), but the batches are handed over by
Python, not called from Polars' thread pool as a plugin's would be.
"""

from __future__ import annotations

from typing import Any, Optional

from digicat import _digicat, arrow

__all__ = ["classify"]


def classify(
    code: Optional[Any] = None,
    text: Optional[Any] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
) -> Any:
    """A polars expression classifying each row: a struct column of the result fields.

    ``code`` and ``text`` are polars expressions (``pl.col("行业代码")``) or column names of
    string columns; either may be None. The struct's fields are those of
    ``digicat.arrow.classify``: ``status`` and ``reason`` (Categorical), ``industries`` (list of
    Int8), ``rows`` (list of String), ``evidence`` (list of struct ``text``, ``row``, ``start``,
    ``end``, ``kind``, ``relation``) and ``error`` (null unless ``invalid``). A null is a missing
    value; a bad code is an ``invalid`` row. Use ``.struct.unnest()`` or
    ``.struct.field("status")`` to get at the fields::

        df.with_columns(digicat.polars.classify(code=pl.col("行业代码"), text=pl.col("经营范围")).alias("digicat"))
    """
    pl = _require_polars()
    if code is None and text is None:
        raise ValueError("give code, text or both (polars expressions or column names)")
    parts = []
    for name, expr in (("code", code), ("text", text)):
        if expr is not None:
            parts.append((pl.col(expr) if isinstance(expr, str) else expr).alias(name))
    has_code, has_text = code is not None, text is not None

    def run(batch: Any) -> Any:
        fields = batch.struct
        table = _digicat.classify_arrow(
            fields.field("code") if has_code else None,
            fields.field("text") if has_text else None,
            policy=policy,
            edition=edition,
        )
        return pl.from_arrow(table).to_struct("digicat")

    return pl.struct(parts).map_batches(run, return_dtype=_dtype(pl), is_elementwise=True)


def _dtype(pl: Any) -> Any:
    """The polars type of the struct column (from the Arrow result schema)."""
    empty = arrow.require_pyarrow().table(
        [[] for _ in arrow.result_schema()], schema=arrow.result_schema()
    )
    return pl.Struct(pl.from_arrow(empty).schema)


def _require_polars() -> Any:
    try:
        import polars
    except ImportError as e:
        raise ImportError(
            "digicat.polars needs polars and pyarrow: pip install digicat[polars]"
        ) from e
    return polars
