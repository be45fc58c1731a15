"""digicat — 东莞市数字产业集聚试点园区重点发展产业、产品和服务目录表（试行）.

Is an enterprise (or product) in Dongguan's catalogue of key digital industries, products and
services (东工信〔2019〕160号), and under which of its 9 industries? Give an industry code
(行业代码, GB/T 4754-2017) and/or a business-scope or product text (经营范围 / 主营产品)::

    >>> import digicat
    >>> c = digicat.classify("6513", "计算机视听觉软件")
    >>> c.status, c.reason, c.industry_ids
    ('in_scope', 'listed_product', (3,))

Batches: ``classify_many(codes, texts)`` (lists, iterables or pandas Series; the work runs with
the GIL released) and ``digicat.pandas.classify_frame(df)`` (the CLI's columns, needs pandas). For large batches and
columnar data, ``digicat.arrow.classify(codes, texts)`` returns a pyarrow Table of typed
result columns without a Python object per row (needs pyarrow).
The catalogue: ``industries()``, ``rows()``, ``lookup(code)``, ``find_products(text)``,
``catalogue_info()``. Errors: ``InvalidCodeError`` and ``InvalidOptionError``, both
``DigicatError``, itself a ``ValueError``; ``e.message_zh`` is the message in Chinese.

Language: messages are English, except from a function called with ``lang="zh"``
(``classify_frame``, ``summarize``, ``report_columns``): its values, errors and warnings are in
Chinese, worded as the CLI's ``--lang zh`` words them (the wording lives in the Rust core). The
locale is not consulted: a library's messages do not change with the machine it runs on.

Every answer comes from the Rust crate ``digicat``, the engine shared with the CLI and the C
library, so all of them give the same answers.
"""

from __future__ import annotations

from typing import Iterable, List, Optional

from digicat import _digicat
from digicat._input import values
from digicat._digicat import (
    CATALOGUE_VERSION,
    CODE_COLUMNS,
    REASONS,
    STATUSES,
    TEXT_COLUMNS,
    CatalogueInfo,
    Classification,
    CodeInfo,
    DigicatError,
    Evidence,
    Industry,
    InvalidCodeError,
    InvalidOptionError,
    Row,
    __version__,
    catalogue_info,
    classify,
    find_products,
    industries,
    label,
    lookup,
    rows,
)

# The pandas helpers (digicat.pandas) and the Arrow entry point (digicat.arrow); pandas and
# pyarrow themselves are imported only when they are called.
from digicat import arrow, pandas, polars

# Park and cluster assessment (crate digicat-assess).
from digicat.assess import Assessment, assess

__all__ = [
    "Assessment",
    "assess",
    "CATALOGUE_VERSION",
    "CODE_COLUMNS",
    "REASONS",
    "STATUSES",
    "TEXT_COLUMNS",
    "CatalogueInfo",
    "Classification",
    "CodeInfo",
    "DigicatError",
    "Evidence",
    "Industry",
    "InvalidCodeError",
    "InvalidOptionError",
    "Row",
    "__version__",
    "catalogue_info",
    "classify",
    "classify_many",
    "find_products",
    "industries",
    "label",
    "lookup",
    "rows",
]


def classify_many(
    codes: Optional[Iterable[object]] = None,
    texts: Optional[Iterable[object]] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
    strict: bool = False,
) -> List[Classification]:
    """Classify a batch of records: one Classification per row, in input order.

    ``codes`` and ``texts`` hold one value per row: lists, tuples, generators, numpy arrays or
    pandas Series (either may be None when a batch has no such column; when both are given they
    must have the same length). Values are read as follows: None, NaN and pandas' missing values
    are absent; a str is taken as it is (an empty or blank str is absent too); a float with an
    integral value is written without its ``.0`` (``6513.0`` → ``"6513"``, as pandas reads a code
    column with gaps); any other value is ``str(value)``. Read code columns as text
    (``pd.read_csv(..., dtype=str)``): a code read as a number has lost its leading zeros.

    All inputs are converted first; the classification then runs with the GIL released, so other
    Python threads keep working, and a batch of more than 4096 rows is split into contiguous
    chunks classified on every core at once (results still in input order).

    A row whose code field cannot be read is not lost: its Classification has status
    ``"invalid"``, the error kind as ``reason`` (e.g. ``"malformed_code"``) and the message in
    ``error``. With ``strict=True`` the first such row raises InvalidCodeError instead (its
    ``row`` attribute is the row's index). ``policy`` and ``edition`` are as for ``classify``;
    an unknown name raises InvalidOptionError.
    """
    return _digicat.classify_many(
        values(codes), values(texts), policy=policy, edition=edition, strict=strict
    )


