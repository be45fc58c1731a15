"""pandas helpers: classify a whole DataFrame the way the ``digicat`` CLI classifies a file.

pandas is optional (``pip install digicat[pandas]``) and imported only when a helper is called,
so ``import digicat`` works without it.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, Optional

from digicat import _digicat
from digicat._input import values

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["classify_frame"]


def classify_frame(
    df: pd.DataFrame,
    code_col: Optional[str] = None,
    text_col: Optional[str] = None,
    lang: str = "en",
    *,
    policy: str = "standard",
    edition: str = "auto",
    text_only: bool = False,
) -> pd.DataFrame:
    """Return a copy of ``df`` with the 7 columns the ``digicat`` CLI adds to a file.

    The added columns are, for ``lang="en"``: ``status``, ``reason``, ``industries`` (ids,
    ``1,3``), ``industry_names`` (``；``-joined), ``rows`` (``1.3,3.2``), ``evidence`` (the distinct
    catalogue terms found, ``；``-joined) and ``error`` (the message of an ``invalid`` row);
    ``lang="zh"`` gives the same values under Chinese headers (状态, 原因, 产业编号, 产业名称,
    目录行, 依据, 错误信息). Every value is a str (empty when there is nothing), exactly as the CLI
    writes it. No row is dropped or reordered; the index is kept. A row whose values are all
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
    pandas = _require_pandas()
    if not isinstance(df, pandas.DataFrame):
        raise TypeError(f"classify_frame expects a pandas DataFrame, not {type(df).__name__}")
    added = _digicat.report_column_names(lang)
    clash = [name for name in added if name in df.columns]
    if clash:
        raise ValueError(
            f"the frame already has column(s) {clash}, which classify_frame would add; "
            f"rename them or use lang={'en' if lang == 'zh' else 'zh'!r}"
        )
    names, columns, by_text_only = _digicat.report_table(
        [str(c) for c in df.columns],
        [values(df.iloc[:, i]) for i in range(df.shape[1])],
        code_col,
        text_col,
        lang,
        policy=policy,
        edition=edition,
        text_only=text_only,
    )
    if by_text_only and not text_only:
        warnings.warn(
            "classify_frame: the frame has no industry-code column, so it was classified by "
            "text only (无行业代码列，只按经营范围分类); pass text_only=True to say this is intended",
            UserWarning,
            stacklevel=2,
        )
    out: pd.DataFrame = df.copy()
    for name, column in zip(names, columns):
        out[name] = column  # positional: a list, so even a duplicated index is safe
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
