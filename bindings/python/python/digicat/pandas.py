"""pandas helpers: classify a whole DataFrame the way the ``digicat`` CLI classifies a file.

pandas is optional (``pip install digicat[pandas]``) and imported only when a helper is called,
so ``import digicat`` works without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Sequence

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

    ``code_col`` and ``text_col`` name the code and text columns. When not given they are found
    like the CLI does: the first of ``digicat.CODE_COLUMNS`` (行业代码, 国民经济行业代码, 行业,
    industry_code, code) and of ``digicat.TEXT_COLUMNS`` (经营范围, 主营产品, 主要产品, 产品,
    business_scope, text) that is a column of ``df``. A column that is not found raises ValueError
    listing the columns seen; to classify texts alone, use ``digicat.classify_many(None, texts)``.

    Values are read as in ``digicat.classify_many`` (missing values are absent; read codes as
    text, ``pd.read_csv(..., dtype=str)``, to keep leading zeros). ``policy`` and ``edition`` are
    as for ``digicat.classify``. The classification runs with the GIL released.
    """
    pandas = _require_pandas()
    if not isinstance(df, pandas.DataFrame):
        raise TypeError(f"classify_frame expects a pandas DataFrame, not {type(df).__name__}")
    names = _digicat.report_column_names(lang)
    code = _find_column(df, code_col, _digicat.CODE_COLUMNS, "code")
    text = _find_column(df, text_col, _digicat.TEXT_COLUMNS, "text")
    clash = [name for name in names if name in df.columns]
    if clash:
        raise ValueError(
            f"the frame already has column(s) {clash}, which classify_frame would add; "
            f"rename them or use lang={'en' if lang == 'zh' else 'zh'!r}"
        )
    names, columns = _digicat.report_columns(
        values(df[code]), values(df[text]), lang, policy=policy, edition=edition
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


def _find_column(
    df: pd.DataFrame, given: Optional[str], candidates: Sequence[str], what: str
) -> Any:
    """The label of the code or text column: ``given``, else the first candidate present."""
    seen = [str(c) for c in df.columns]
    if given is not None:
        if given in df.columns:
            return given
        raise ValueError(f"{what} column {given!r} not found; the columns are {seen}")
    labels = {str(c).strip(): c for c in reversed(list(df.columns))}
    for candidate in candidates:
        if candidate in labels:
            return labels[candidate]
    raise ValueError(
        f"no {what} column found: expected one of {list(candidates)} (or pass {what}_col=...); "
        f"the columns are {seen}"
    )
