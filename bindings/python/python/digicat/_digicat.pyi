"""Type stubs for the native module digicat._digicat (re-exported by the digicat package)."""

from typing import Any, ClassVar, Iterable, Optional, Tuple, final

__all__ = [
    "__version__",
    "CATALOGUE_VERSION",
    "STATUSES",
    "REASONS",
    "CODE_COLUMNS",
    "TEXT_COLUMNS",
    "DigicatError",
    "InvalidCodeError",
    "InvalidOptionError",
    "Classification",
    "Evidence",
    "Industry",
    "Row",
    "CodeInfo",
    "CatalogueInfo",
    "classify",
    "classify_many",
    "SzjjClassification",
    "classify_szjj",
    "classify_many_szjj",
    "report_column_names",
    "report_columns",
    "report_table",
    "summary_table",
    "label",
    "assess_table",
    "classify_arrow",
    "report_table_arrow",
    "find_products",
    "lookup",
    "industries",
    "rows",
    "catalogue_info",
]

__version__: str
CATALOGUE_VERSION: str
STATUSES: Tuple[str, ...]
REASONS: Tuple[str, ...]
CODE_COLUMNS: Tuple[str, ...]
TEXT_COLUMNS: Tuple[str, ...]

class DigicatError(ValueError):
    """Base class of digicat's errors (a ValueError)."""

    kind: str
    row: Optional[int]
    message_zh: str

class InvalidCodeError(DigicatError):
    """A code field that cannot be read."""

class InvalidOptionError(DigicatError):
    """An option value that is not one of the allowed names."""

@final
class Industry:
    """One of the catalogue's 9 industries (产业)."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def category_id(self) -> int: ...
    @property
    def rows(self) -> Tuple[Row, ...]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Row:
    """One of the catalogue's 30 rows (行业)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def partial(self) -> bool: ...
    @property
    def inferred(self) -> bool: ...
    @property
    def note(self) -> Optional[str]: ...
    @property
    def industry(self) -> Industry: ...
    @property
    def products(self) -> Tuple[str, ...]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Evidence:
    """A catalogue term found in a text; start/end are character offsets."""

    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def relation(self) -> Optional[str]: ...
    @property
    def row(self) -> Row: ...
    @property
    def industry(self) -> Industry: ...
    @property
    def matched(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Classification:
    """The classification of one record."""

    @property
    def status(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def code(self) -> Optional[str]: ...
    @property
    def code_name(self) -> Optional[str]: ...
    @property
    def industries(self) -> Tuple[Industry, ...]: ...
    @property
    def industry_ids(self) -> Tuple[int, ...]: ...
    @property
    def rows(self) -> Tuple[Row, ...]: ...
    @property
    def evidence(self) -> Tuple[Evidence, ...]: ...
    @property
    def error(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def _repr_html_(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class CodeInfo:
    """What a code field reads as, and the catalogue rows it concerns."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def level(self) -> str: ...
    @property
    def edition(self) -> str: ...
    @property
    def section(self) -> Optional[str]: ...
    @property
    def successors(self) -> Tuple[str, ...]: ...
    @property
    def rows(self) -> Tuple[Row, ...]: ...
    @property
    def industries(self) -> Tuple[Industry, ...]: ...

@final
class CatalogueInfo:
    """The catalogue's metadata."""

    @property
    def title(self) -> str: ...
    @property
    def document(self) -> str: ...
    @property
    def issuer(self) -> str: ...
    @property
    def date(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def edition(self) -> str: ...
    @property
    def version(self) -> str: ...
    def to_dict(self) -> dict[str, str]: ...

def classify(
    code: Optional[str] = None,
    text: Optional[str] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
) -> Classification: ...
def classify_many(
    codes: Optional[Iterable[object]] = None,
    texts: Optional[Iterable[object]] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
    strict: bool = False,
) -> list[Classification]: ...
def report_column_names(
    lang: str = "en", catalogue: str = "dongguan-2019"
) -> Tuple[str, ...]: ...
@final
class SzjjClassification:
    """The classification of one record against 《数字经济及其核心产业统计分类（2021）》."""

    @property
    def status(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def code(self) -> Optional[str]: ...
    @property
    def classes(self) -> Tuple[str, ...]: ...
    @property
    def class_names(self) -> Tuple[str, ...]: ...
    @property
    def rows(self) -> Tuple[str, ...]: ...
    @property
    def evidence(self) -> list[dict[str, Any]]: ...
    @property
    def error(self) -> Optional[str]: ...

def classify_szjj(
    code: Optional[str] = None,
    text: Optional[str] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
) -> SzjjClassification: ...
def classify_many_szjj(
    codes: Optional[Iterable[object]] = None,
    texts: Optional[Iterable[object]] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
    strict: bool = False,
) -> list[SzjjClassification]: ...
def report_columns(
    codes: Optional[Iterable[object]] = None,
    texts: Optional[Iterable[object]] = None,
    lang: str = "en",
    *,
    policy: str = "standard",
    edition: str = "auto",
) -> Tuple[Tuple[str, ...], list[list[str]]]: ...
def report_table(
    header: list[str],
    columns: list[Optional[Iterable[object]]],
    code_col: Optional[str] = None,
    text_col: Optional[str] = None,
    lang: str = "en",
    *,
    policy: str = "standard",
    edition: str = "auto",
    text_only: bool = False,
    catalogues: list[str] = ...,
) -> Tuple[Tuple[str, ...], list[list[str]], bool]: ...
def summary_table(
    statuses: list[Optional[str]],
    reasons: list[Optional[str]],
    industries: list[Optional[str]],
    group_columns: list[str] = ...,
    groups: list[list[Optional[str]]] = ...,
    lang: str = "en",
) -> Tuple[Tuple[str, ...], list[list[str]]]: ...
def label(code: str, lang: str = "zh") -> str: ...
def assess_table(
    header: list[str],
    rows: list[list[str]],
    lines: list[int],
    criteria: list[str],
    *,
    attrs: list[str] = ...,
    attr_file: Optional[Tuple[str, str]] = None,
    units: list[str] = ...,
    columns: list[str] = ...,
    readings: list[str] = ...,
    park_col: Optional[str] = None,
    code_col: Optional[str] = None,
    text_col: Optional[str] = None,
    text_only: bool = False,
    policy: str = "standard",
    edition: str = "auto",
    scores: Optional[Tuple[list[str], list[list[str]]]] = None,
) -> Tuple[str, str]: ...
def classify_arrow(
    codes: Optional[Any] = None,
    texts: Optional[Any] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
    catalogues: list[str] = ...,
) -> Any: ...
def report_table_arrow(
    header: list[str],
    columns: list[Any],
    code_col: Optional[str] = None,
    text_col: Optional[str] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
    text_only: bool = False,
    lang: str = "en",
    catalogues: list[str] = ...,
) -> Tuple[Any, bool]: ...
def find_products(text: str, *, policy: str = "standard") -> list[Evidence]: ...
def lookup(code: str, *, edition: str = "auto") -> CodeInfo: ...
def industries() -> list[Industry]: ...
def rows() -> list[Row]: ...
def catalogue_info() -> CatalogueInfo: ...
