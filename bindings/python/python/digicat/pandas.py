"""Frame helpers: classify a whole DataFrame the way the ``digicat`` CLI classifies a file.

``classify_frame`` takes a pandas DataFrame, a polars DataFrame or a pyarrow Table and returns
the same kind. pandas, polars and pyarrow are optional (``pip install digicat[pandas]``,
``digicat[polars]``, ``digicat[arrow]``) and imported only when needed, so ``import digicat``
works without them.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, List, Optional, Sequence, Union

from digicat import _digicat, arrow
from digicat._input import values

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["classify_frame", "summarize"]


def classify_frame(
    df: Any,
    code_col: Optional[str] = None,
    text_col: Optional[str] = None,
    lang: str = "en",
    *,
    policy: str = "standard",
    edition: str = "auto",
    text_only: bool = False,
    lists: bool = False,
    explode: Union[bool, str] = False,
    catalogue: Union[str, Sequence[str]] = "dongguan-2019",
) -> Any:
    """Return a copy of ``df`` with the 7 columns the ``digicat`` CLI adds to a file.

    ``catalogue`` chooses the catalogue(s), as the CLI's ``--catalogue`` does: ``"dongguan-2019"``
    (the default), ``"szjj-2021"`` (《数字经济及其核心产业统计分类（2021）》: columns ``szjj_status``,
    ``szjj_reason``, ``szjj_classes``, ``szjj_class_names``, ``szjj_rows``, ``szjj_evidence``,
    ``szjj_error``; in Chinese 数字经济状态 …), or a list such as ``["dongguan-2019",
    "szjj-2021"]`` for both column sets side by side, in that order.

    ``df`` is a pandas DataFrame, a polars DataFrame or a pyarrow Table; the result is of the
    same kind (anything else raises TypeError saying what to pass).

    With ``lists=True`` the added columns are typed instead of the CLI's strings, as
    ``digicat.arrow.classify`` returns them: ``status``, ``reason``, ``industries`` (a list of
    int industry ids), ``rows`` (a list of row ids), ``evidence`` (a list of structs ``text``,
    ``row``, ``start``, ``end``, ``kind``, ``relation``; offsets are in the text that was
    scanned) and ``error`` (null unless ``invalid``); there is no ``industry_names`` column
    (``digicat.industries()`` names the ids). The ``szjj-2021`` columns are those of
    ``digicat.arrow.classify(..., catalogue="szjj-2021")``: ``szjj_status``, ``szjj_reason``,
    ``szjj_classes`` (a list of 小类 code strings), ``szjj_class_names``, ``szjj_rows``,
    ``szjj_evidence`` (structs ``text``, ``class``, ``start``, ``end``, ``kind``) and
    ``szjj_error`` (Chinese names with ``lang="zh"``). In pandas they are Arrow-backed columns
    (``pd.ArrowDtype``).

    ``explode`` (implies ``lists``) gives the long view of one catalogue's answer list: one row
    per (input row, answer), or one row with a null for an input row without answers. ``True``
    splits the list of the first catalogue selected; a catalogue id (``explode="szjj-2021"``)
    splits that catalogue's list, which must be selected. For ``dongguan-2019`` the list is
    ``industries`` (each row then holds a single id); for ``szjj-2021`` it is ``szjj_classes``
    together with ``szjj_class_names`` (each row a single 小类 code and its name). With two
    catalogues selected only that one list is split: every other column, the other
    catalogue's lists included, is repeated unchanged on each row of its input row. pandas
    keeps each input row's index label, so the rows of one input row share it.

    The added columns are, for ``lang="en"``: ``status``, ``reason``, ``industries`` (ids,
    ``1,3``), ``industry_names`` (``；``-joined), ``rows`` (``1.3,3.2``), ``evidence`` (the distinct
    catalogue terms found, ``；``-joined) and ``error`` (the message of an ``invalid`` row);
    ``lang="zh"`` gives Chinese headers (状态, 原因, 产业编号, 产业名称, 目录行, 依据, 错误信息),
    the status and reason as Chinese labels (属于目录, 写有目录所列重点产品 …; ``digicat.label``)
    and the error message in Chinese, as the CLI's ``--lang zh`` writes them; the other values
    are the same. With ``lists=True`` the typed status and reason stay the stable codes and the
    error is in ``lang``. ``lang="zh"`` also words the errors and warnings raised here in
    Chinese (a bad ``policy`` or ``edition`` too). Every value is a str (empty when there is
    nothing), exactly as the CLI writes it. No row is dropped or reordered; the index is kept. A row whose values are all
    missing or blank, or hold only a ``合计：26家``-style footer, is not an enterprise: status
    ``skipped``, reason ``blank_row`` or ``footer_row``.

    Columns are chosen as the CLI chooses them (the core's ``report::find_layout``; the README
    lists the detection order): ``code_col`` and ``text_col`` name them (exactly, else ignoring
    ASCII case and surrounding spaces); otherwise the code comes from a section letter and code
    pair (``industryphy`` + ``industryco``), one code column (``digicat.CODE_COLUMNS``), a group
    of level columns (``国标行业门类`` … ``国标行业小类``: per row the finest non-empty level), or
    one column of industry names (``国标行业``, ``所属行业``); a vendor's own taxonomy
    (``企查查行业…``) is never taken. The text is one of ``digicat.TEXT_COLUMNS``, or a scope split
    over ``许可经营项目``/``一般经营项目`` (``abuitem``/``cbuitem``), joined with ``；``.

    Classifying without a code is never silent. When no code column is found but a column looks
    like an industry column (its name contains 行业 or industry: ``所属行业分类``,
    ``企查查行业门类``), ValueError is raised naming those columns: pass ``code_col=NAME``, or
    ``text_only=True`` to classify by the text alone. When the frame has no such column and no
    code column, it is classified by its text and a ``UserWarning`` says so (not with
    ``text_only=True``). A named column that is missing, or no column found, raises ValueError
    listing the columns. A frame that already has a column of the added names raises ValueError
    too.

    Values are read as in ``digicat.classify_many`` (missing values are absent; read codes as
    text, ``pd.read_csv(..., dtype=str)``, to keep leading zeros). ``policy`` and ``edition`` are
    as for ``digicat.classify``. The classification runs with the GIL released, on every core
    for a large frame.
    """
    kind = _kind(df, lang)
    header = [str(c) for c in df.columns] if kind != "arrow" else list(df.column_names)
    catalogues = [catalogue] if isinstance(catalogue, str) else list(catalogue)
    added = [n for c in catalogues for n in _digicat.report_column_names(lang, c)]
    clash = [name for name in added if name in header]
    if clash and lang == "zh":
        raise ValueError(
            f"表中已有 classify_frame 要添加的列 {'、'.join(clash)}：请改名，或用 lang='en'"
        )
    if clash:
        raise ValueError(
            f"the frame already has column(s) {clash}, which classify_frame would add; "
            f"rename them or use lang={'en' if lang == 'zh' else 'zh'!r}"
        )
    split = _exploded(explode, catalogues, lang)
    lists = lists or split is not None
    if lists:
        table, by_text_only = _digicat.report_table_arrow(
            header,
            [arrow.column(c, f"column {h!r}") for h, c in zip(header, _columns(df, kind))],
            code_col,
            text_col,
            policy=policy,
            edition=edition,
            text_only=text_only,
            lang=lang,
            catalogues=catalogues,
        )
        # The typed columns under the names of `lang` (no industry_names: Dongguan's index 3).
        names: Sequence[str] = _typed_names(catalogues, lang)
        table = table.rename_columns(names)
    else:
        names, columns, by_text_only = _digicat.report_table(
            header,
            [values(c) for c in _columns(df, kind)],
            code_col,
            text_col,
            lang,
            policy=policy,
            edition=edition,
            text_only=text_only,
            catalogues=catalogues,
        )
    if by_text_only and not text_only:
        warnings.warn(
            "classify_frame：表中无行业代码列，只按经营范围分类；如确是此意，请传入 text_only=True"
            if lang == "zh"
            else "classify_frame: the frame has no industry-code column, so it was classified by "
            "text only (无行业代码列，只按经营范围分类); pass text_only=True to say this is intended",
            UserWarning,
            stacklevel=2,
        )
    if lists:
        out = _add_arrow(df, kind, table)
        if split is None:
            return out
        split_names = _digicat.report_column_names(lang, split)
        if split == "szjj-2021":
            return _explode(out, kind, [split_names[2], split_names[3]], "string")
        return _explode(out, kind, [split_names[2]], "int8")
    return _add_strings(df, kind, list(names), columns)


def _typed_names(catalogues: Sequence[str], lang: str) -> List[str]:
    """The names in ``lang`` of the typed columns of ``catalogues`` (Dongguan's without
    ``industry_names``), in the order of ``digicat.arrow.classify``'s result."""
    names: List[str] = []
    for c in catalogues:
        all_names = _digicat.report_column_names(lang, c)
        if c == "szjj-2021":
            names.extend(all_names)
        else:
            names.extend(all_names[i] for i in (0, 1, 2, 4, 5, 6))
    return names


def _exploded(explode: Union[bool, str], catalogues: Sequence[str], lang: str) -> Optional[str]:
    """The catalogue whose answer list ``explode`` splits, or None for no explode."""
    if explode is False:
        return None
    if explode is True:
        return catalogues[0] if catalogues else None
    if explode not in catalogues:
        raise ValueError(
            f"explode={explode!r}：须为所选目录之一（{'、'.join(catalogues)}）"
            if lang == "zh"
            else f"explode={explode!r} must be True or one of the catalogues selected "
            f"{list(catalogues)} [须为所选目录之一]"
        )
    return explode


def _kind(df: Any, lang: str = "en") -> str:
    """``"pandas"``, ``"polars"`` or ``"arrow"`` (pyarrow Table); TypeError for anything else
    (in Chinese for ``lang="zh"``)."""
    module = type(df).__module__.split(".")[0]
    name = type(df).__name__
    if module == "pandas" and name == "DataFrame":
        return "pandas"
    if module == "polars" and name == "DataFrame":
        return "polars"
    if module == "pyarrow" and name == "Table":
        return "arrow"
    _require_pandas()  # without pandas, say how to install it first (the usual frame)
    lazy = module == "polars" and name == "LazyFrame"
    if lang == "zh":
        hint = "；请先 collect()，或在表达式中用 digicat.polars.classify" if lazy else ""
        raise TypeError(
            f"classify_frame 须传入 pandas DataFrame、polars DataFrame 或 pyarrow Table，"
            f"而不是 {type(df).__name__}{hint}"
        )
    if lazy:
        hint = "; collect() it first, or use digicat.polars.classify in an expression"
    else:
        hint = ""
    raise TypeError(
        f"classify_frame expects a pandas DataFrame, a polars DataFrame or a pyarrow Table, "
        f"not {type(df).__name__}{hint} [须传入 pandas/polars DataFrame 或 pyarrow Table]"
    )


def _columns(df: Any, kind: str) -> List[Any]:
    """The frame's columns, in order (by position: header names may repeat)."""
    if kind == "pandas":
        return [df.iloc[:, i] for i in range(df.shape[1])]
    if kind == "polars":
        return list(df.get_columns())
    return list(df.columns)


def _add_strings(df: Any, kind: str, names: List[str], columns: List[List[str]]) -> Any:
    """``df`` with the CLI's string columns appended."""
    if kind == "pandas":
        out = df.copy()
        for name, column in zip(names, columns):
            out[name] = column  # positional: a list, so even a duplicated index is safe
        return out
    if kind == "polars":
        import polars as pl

        return df.with_columns(
            [pl.Series(name, column, dtype=pl.Utf8) for name, column in zip(names, columns)]
        )
    pa = arrow.require_pyarrow()
    out = df
    for name, column in zip(names, columns):
        out = out.append_column(name, pa.array(column, pa.string()))
    return out


def summarize(
    result: pd.DataFrame,
    group_by: Optional[List[str]] = None,
    lang: str = "en",
) -> pd.DataFrame:
    """Return the counts of a classified frame as a DataFrame: the CLI's summary table.

    ``result`` is a frame returned by ``classify_frame`` (with either language's column names and
    values). The counts are made by the core's ``report::Tally``, as the CLI makes them for its
    summary, ``--summary`` file and workbook summary sheet. One row per count; columns ``by``,
    ``group_column``, ``group``, ``status``, ``reason``, ``industry``, ``industry_name``,
    ``rows``, ``in_scope``, ``needs_review`` (Chinese names with ``lang="zh"``, and statuses and
    reasons as Chinese labels). ``by`` is ``status`` (every status), ``reason`` (every status and
    reason present), ``industry`` (every industry: rows in scope, rows needing review whose
    candidates include it), then for each ``group_by`` column, per value in order of first
    appearance: ``group_status`` (the value's rows, then per status) and ``group_industry``.
    Counts and industry ids are nullable integers (``Int64``); empty cells are ``""``. Select a
    view with e.g. ``s[s.by == "group_status"]``.
    """
    pandas = _require_pandas()
    zh = lang == "zh"
    if not isinstance(result, pandas.DataFrame):
        raise TypeError(
            f"summarize 须传入 pandas DataFrame，而不是 {type(result).__name__}"
            if zh
            else f"summarize expects a pandas DataFrame, not {type(result).__name__}"
        )
    group_by = list(group_by or [])
    names = None
    for candidate in ("en", "zh"):
        cols = _digicat.report_column_names(candidate)
        if all(c in result.columns for c in cols[:3]):
            names = cols
            break
    columns = "、".join(str(c) for c in result.columns)
    if names is None and zh:
        raise ValueError(
            "summarize 须传入 classify_frame 返回的表：表中没有 状态/原因/产业编号 "
            f"（或 status/reason/industries）列；各列为：{columns}"
        )
    if names is None:
        raise ValueError(
            "summarize expects a frame returned by classify_frame: it has none of the columns "
            f"status/reason/industries (状态/原因/产业编号); columns: {list(result.columns)}"
        )
    missing = [g for g in group_by if g not in result.columns]
    if missing and zh:
        raise ValueError(f"group_by：找不到分组列 {'、'.join(missing)}；各列为：{columns}")
    if missing:
        raise ValueError(
            f"group_by: no column {missing} (找不到分组列); columns: {list(result.columns)}"
        )
    header, rows = _digicat.summary_table(
        _texts(result[names[0]]),
        _texts(result[names[1]]),
        _texts(result[names[2]]),
        group_by,
        [_texts(result[g]) for g in group_by],
        lang,
    )
    out: pd.DataFrame = pandas.DataFrame(rows, columns=list(header))
    for i in (5, 7, 8, 9):
        col = header[i]
        out[col] = pandas.to_numeric(out[col].replace("", None)).astype("Int64")
    return out


def _texts(column: Any) -> List[Optional[str]]:
    """A column's values as str, None for a missing value."""
    listed: Any = values(column)
    return [None if v is None else str(v) for v in listed]
def _add_arrow(df: Any, kind: str, table: Any) -> Any:
    """``df`` with the typed columns of ``table`` appended."""
    if kind == "arrow":
        out = df
        for name in table.column_names:
            out = out.append_column(name, table.column(name))
        return out
    if kind == "polars":
        import polars as pl

        return pl.concat([df, pl.from_arrow(table)], how="horizontal")
    pandas = _require_pandas()
    added = table.to_pandas(types_mapper=pandas.ArrowDtype)
    added.index = df.index
    out = df.copy()
    for name in table.column_names:
        out[name] = added[name].array  # positional, whatever the index
    return out


def _explode(df: Any, kind: str, columns: List[str], item: str) -> Any:
    """One row per element of the list columns ``columns`` (of equal lengths per row; a null
    for an empty list); their items are of the pyarrow type named ``item`` (``int8``,
    ``string``)."""
    if kind == "polars":
        try:
            return df.explode(columns, empty_as_null=True)
        except TypeError:  # an older polars, where an empty list already explodes to a null
            return df.explode(columns)
    pa = arrow.require_pyarrow()
    if kind == "pandas":
        out = df.copy()
        for column in columns:
            out[column] = [list(x) if len(x) else [None] for x in out[column].tolist()]
        out = out.explode(columns)
        for column in columns:
            out[column] = out[column].astype(
                "Int8" if item == "int8" else _require_pandas().ArrowDtype(pa.string())
            )
        return out
    import pyarrow.compute as pc  # type: ignore[import-untyped,unused-ignore]

    lengths = pc.list_value_length(df.column(columns[0])).to_pylist()
    take = [i for i, n in enumerate(lengths) for _ in range(max(n, 1))]
    out = df.take(pa.array(take, pa.int64()))
    for column in columns:
        flat = [x for xs in df.column(column).to_pylist() for x in (xs or [None])]
        i = df.column_names.index(column)
        out = out.set_column(i, column, pa.array(flat, getattr(pa, item)()))
    return out


def _require_pandas() -> Any:
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "digicat.pandas needs pandas, which is not installed: pip install digicat[pandas] "
            "(or pip install pandas)"
        ) from e
    return pandas
