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

from typing import Iterable, List, Literal, Optional, Union, overload

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
    SzjjClassification,
    catalogue_info,
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
    "SzjjClassification",
    "__version__",
    "CATALOGUES",
    "catalogue_info",
    "classify",
    "classify_many",
    "find_products",
    "industries",
    "label",
    "lookup",
    "rows",
]


#: The catalogues: ``dongguan-2019`` (东莞市数字产业目录, the default) and ``szjj-2021``
#: (《数字经济及其核心产业统计分类（2021）》, 国家统计局令第33号).
CATALOGUES = ("dongguan-2019", "szjj-2021")


@overload
def classify(
    code: Optional[str] = ...,
    text: Optional[str] = ...,
    *,
    policy: str = ...,
    edition: str = ...,
    catalogue: Literal["dongguan-2019"] = ...,
) -> Classification: ...
@overload
def classify(
    code: Optional[str] = ...,
    text: Optional[str] = ...,
    *,
    policy: str = ...,
    edition: str = ...,
    catalogue: Literal["szjj-2021"],
) -> SzjjClassification: ...
def classify(
    code: Optional[str] = None,
    text: Optional[str] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
    catalogue: str = "dongguan-2019",
) -> Union[Classification, SzjjClassification]:
    """Classify one record: an industry code field and a business-scope or product text, both
    optional (an empty or blank field counts as absent).

    The code field may be a GB/T 4754-2017 code in any usual form (``6513``, ``6513*``,
    ``I6513``, ``I-6513``, full-width digits), a 中类/大类 (``651``, ``65``), an exact 小类 name
    (``应用软件开发``) or a code with its name (``I6513 应用软件开发``). ``policy`` is
    ``"standard"`` or ``"strict"``; ``edition`` is ``"auto"``, ``"2017"`` or ``"2011"``.

    ``catalogue="dongguan-2019"`` (the default) returns a Classification against the Dongguan
    catalogue; ``catalogue="szjj-2021"`` a SzjjClassification against 《数字经济及其核心产业统计分类
    （2021）》 (same statuses and reasons; ``classes`` are its 小类 codes, e.g. ``("030307",)``).

    Raises InvalidCodeError when the code field cannot be read and InvalidOptionError for an
    unknown policy, edition or catalogue.
    """
    if catalogue == "szjj-2021":
        return _digicat.classify_szjj(code, text, policy=policy, edition=edition)
    if catalogue != "dongguan-2019":
        label_ = ", ".join(CATALOGUES)
        raise InvalidOptionError(f"unknown catalogue {catalogue!r}; catalogues are {label_}")
    return _digicat.classify(code, text, policy=policy, edition=edition)


@overload
def classify_many(
    codes: Optional[Iterable[object]] = ...,
    texts: Optional[Iterable[object]] = ...,
    *,
    policy: str = ...,
    edition: str = ...,
    strict: bool = ...,
    catalogue: Literal["dongguan-2019"] = ...,
) -> List[Classification]: ...
@overload
def classify_many(
    codes: Optional[Iterable[object]] = ...,
    texts: Optional[Iterable[object]] = ...,
    *,
    policy: str = ...,
    edition: str = ...,
    strict: bool = ...,
    catalogue: Literal["szjj-2021"],
) -> List[SzjjClassification]: ...
def classify_many(
    codes: Optional[Iterable[object]] = None,
    texts: Optional[Iterable[object]] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
    strict: bool = False,
    catalogue: str = "dongguan-2019",
) -> Union[List[Classification], List[SzjjClassification]]:
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
    an unknown name raises InvalidOptionError. ``catalogue`` is as for ``classify``
    (``"szjj-2021"``: SzjjClassification rows).
    """
    if catalogue == "szjj-2021":
        return _digicat.classify_many_szjj(
            values(codes), values(texts), policy=policy, edition=edition, strict=strict
        )
    if catalogue != "dongguan-2019":
        label_ = ", ".join(CATALOGUES)
        raise InvalidOptionError(f"unknown catalogue {catalogue!r}; catalogues are {label_}")
    return _digicat.classify_many(
        values(codes), values(texts), policy=policy, edition=edition, strict=strict
    )


