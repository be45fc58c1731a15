"""pandas helpers: classify a whole DataFrame the way the ``digicat`` CLI classifies a file.

pandas is optional (``pip install digicat[pandas]``) and imported only when a helper is called,
so ``import digicat`` works without it.
"""

from __future__ import annotations

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
) -> pd.DataFrame:
    """Return a copy of ``df`` with the 7 columns the ``digicat`` CLI adds to a file.

    The added columns are, for ``lang="en"``: ``status``, ``reason``, ``industries`` (ids,
    ``1,3``), ``industry_names`` (``；``-joined), ``rows`` (``1.3,3.2``), ``evidence`` (the distinct
    catalogue terms found, ``；``-joined) and ``error`` (the message of an ``invalid`` row);
    ``lang="zh"`` gives the same values under Chinese headers (状态, 原因, 产业编号, 产业名称,
    目录行, 依据, 错误信息). Every value is a str (empty when there is nothing), exactly as the CLI
    writes it. No row is dropped or reordered; the index is kept.

    ``code_col`` and ``text_col`` name the code and text columns (exactly, else ignoring ASCII
    case and surrounding spaces). A column not named is found as the CLI finds it: the first of
    ``digicat.CODE_COLUMNS`` (行业代码, 国民经济行业代码, 行业, industry_code, code) or
    ``digicat.TEXT_COLUMNS`` (经营范围, 主营产品, 主要产品, 产品, business_scope, text) that is a
    column, else the first column whose name contains 行业代码 (code) or 经营范围, 主营产品,
    主要产品 (text). A frame may have only one of the two (the other is then absent in every
    row). A named column that is missing, or neither column found, raises ValueError listing the
    columns. A frame that already has a column of the added names raises ValueError too.

    Values are read as in ``digicat.classify_many`` (missing values are absent; read codes as
    text, ``pd.read_csv(..., dtype=str)``, to keep leading zeros). ``policy`` and ``edition`` are
    as for ``digicat.classify``. The classification runs with the GIL released.
    """
    pandas = _require_pandas()
    if not isinstance(df, pandas.DataFrame):
        raise TypeError(f"classify_frame expects a pandas DataFrame, not {type(df).__name__}")
    names = _digicat.report_column_names(lang)
    code, text = _digicat.find_columns([str(c) for c in df.columns], code_col, text_col)
    clash = [name for name in names if name in df.columns]
    if clash:
        raise ValueError(
            f"the frame already has column(s) {clash}, which classify_frame would add; "
            f"rename them or use lang={'en' if lang == 'zh' else 'zh'!r}"
        )
    names, columns = _digicat.report_columns(
        None if code is None else values(df.iloc[:, code]),
        None if text is None else values(df.iloc[:, text]),
        lang,
        policy=policy,
        edition=edition,
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
