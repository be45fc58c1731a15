"""polars: ``digicat.polars.classify(code=..., text=...)``, an expression giving a struct column.

A native Polars expression plugin: the expression is registered with
``polars.plugins.register_plugin_function`` and Polars calls the classifier in digicat's
extension module directly, through the plugin ABI (Arrow C data in, an Arrow struct column
out), from its own thread pool, in lazy queries and in the streaming engine
(``collect(engine="streaming")``), with no Python and no GIL in the way. The plugin is written
over the ABI in the extension module itself (``src/polars_plugin.rs``), since pyo3-polars is
built on another pyo3 than this package. The answers are those of the Arrow entry point
(``digicat.arrow.classify``); the same types are accepted and refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, List, Optional, Sequence, Union

from digicat import _digicat, arrow

__all__ = ["classify"]


def classify(
    code: Optional[Any] = None,
    text: Optional[Any] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
    lang: str = "en",
    catalogue: Union[str, Sequence[str]] = "dongguan-2019",
) -> Any:
    """A polars expression classifying each row: a struct column named ``digicat``.

    ``code`` and ``text`` are polars expressions (``pl.col("行业代码")``) or column names of
    string columns; either may be None. A null is a missing value and an empty or blank string
    counts as absent. A number column is refused (a code read as a number has lost its leading
    zeros: read codes as text, ``pl.Utf8``): polars raises a ``ComputeError`` saying so when the
    query runs. A code that cannot be read never raises: its row is ``invalid``.

    The struct's fields are the columns of ``digicat.arrow.classify`` for the same
    ``catalogue``: for ``"dongguan-2019"`` (the default) ``status`` and ``reason``
    (Categorical), ``industries`` (list of Int8), ``rows`` (list of String), ``evidence`` (list
    of struct ``text``, ``row``, ``start``, ``end``, ``kind``, ``relation``) and ``error`` (the
    message of an ``invalid`` row, in ``lang``: ``"en"`` or ``"zh"``; else null); for
    ``"szjj-2021"`` (《数字经济及其核心产业统计分类（2021）》) ``szjj_status`` … ``szjj_error``
    (小类 codes as strings); a list of both gives both sets, in its order. ``policy`` and
    ``edition`` are as for ``digicat.classify``. Use ``.struct.unnest()`` or
    ``.struct.field("status")`` for the fields::

        df.with_columns(digicat.polars.classify(code=pl.col("行业代码"), text=pl.col("经营范围")))

    Raises ValueError when neither column is given, TypeError when a DataFrame or LazyFrame is
    given in place of a column, and ``digicat.InvalidOptionError`` for an unknown policy,
    edition, lang or catalogue.
    """
    pl = _require_polars()
    from polars.plugins import register_plugin_function

    if code is None and text is None:
        raise ValueError("give code, text or both (polars expressions or column names)")
    if any(isinstance(g, (pl.DataFrame, pl.LazyFrame)) for g in (code, text)):
        # A frame passed as ``classify(lf)`` would otherwise fail deep in polars ("cannot
        # create expression literal for value of type LazyFrame").
        raise TypeError(
            "digicat.polars.classify makes an expression, not a frame: "
            'lf.with_columns(digicat.polars.classify(code="行业代码", text="经营范围"))'
            " (须传入列名或表达式，而不是整张表)"
        )
    ids = arrow.catalogues(catalogue)
    # Checked here, so a bad name raises at once rather than when the query runs.
    _digicat.report_column_names(lang=lang)
    _digicat.classify(None, None, policy=policy, edition=edition)
    for c in ids:
        _digicat.report_column_names(lang=lang, catalogue=c)
    args: List[Any] = []
    columns: List[str] = []
    for name, given in (("code", code), ("text", text)):
        if given is not None:
            args.append(pl.col(given) if isinstance(given, str) else given)
            columns.append(name)
    kwargs = {
        "columns": columns,
        "policy": policy,
        "edition": edition,
        "lang": lang,
        "catalogues": ids,
    }
    plugin: Any = register_plugin_function(
        plugin_path=_library(),
        function_name="classify",
        args=args,
        kwargs=kwargs,
        is_elementwise=True,
    )
    return plugin.alias("digicat")


def _library() -> Path:
    """The extension module's shared library, which holds the plugin's functions."""
    return Path(_digicat.__file__).resolve()


def _require_polars() -> Any:
    try:
        import polars
    except ImportError as e:
        raise ImportError("digicat.polars needs polars: pip install digicat[polars]") from e
    return polars
