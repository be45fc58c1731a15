//! The catalogue itself: metadata, categories, industries, rows, products, aliases and the
//! registration-vocabulary crosswalk, all in static memory.

use crate::code::Code;
use crate::tables;
use std::fmt;
use std::ops::Range;

/// Metadata of the catalogue document.
#[derive(Debug)]
pub struct Meta {
    pub(crate) title: &'static str,
    pub(crate) document: &'static str,
    pub(crate) issuer: &'static str,
    pub(crate) date: &'static str,
    pub(crate) status: &'static str,
    pub(crate) edition: &'static str,
    pub(crate) version: &'static str,
}

impl Meta {
    /// Title of the catalogue (附件 title), e.g. `东莞市数字产业集聚试点园区重点发展产业、产品和服务目录表（试行）`.
    pub fn title(&self) -> &'static str {
        self.title
    }
    /// Document number, `东工信〔2019〕160号`.
    pub fn document(&self) -> &'static str {
        self.document
    }
    /// Issuing authority, `东莞市工业和信息化局`.
    pub fn issuer(&self) -> &'static str {
        self.issuer
    }
    /// Date of issue, `2019-07-30`.
    pub fn date(&self) -> &'static str {
        self.date
    }
    /// Status of the catalogue, `试行` (trial).
    pub fn status(&self) -> &'static str {
        self.status
    }
    /// Edition of the industry classification the codes belong to, `GB/T 4754-2017`.
    pub fn edition(&self) -> &'static str {
        self.edition
    }
    /// Version of the embedded data: the notice date and a fingerprint of `data/`
    /// (same as [`CATALOGUE_VERSION`]).
    pub fn version(&self) -> &'static str {
        self.version
    }
}

/// Version of the embedded data, `YYYY-MM-DD+xxxxxxxx`: the notice's date and an FNV-1a
/// fingerprint of every data file, so it changes whenever `data/` does.
pub const CATALOGUE_VERSION: &str = tables::META.version;

/// The catalogue's metadata.
pub fn meta() -> &'static Meta {
    &tables::META
}

/// One of the two 产业分类 (categories).
#[derive(Debug)]
pub struct Category {
    pub(crate) id: u8,
    pub(crate) name: &'static str,
    pub(crate) industries: &'static [u8],
}

impl Category {
    /// Category number, 1 or 2.
    pub fn id(&self) -> u8 {
        self.id
    }
    /// Official name, e.g. `一、新兴软件和新型信息技术服务`.
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// The industries of this category.
    pub fn industries(&self) -> impl Iterator<Item = &'static Industry> {
        self.industries.iter().filter_map(|id| industry(*id))
    }
}

/// One of the 9 industries (产业).
#[derive(Debug)]
pub struct Industry {
    pub(crate) id: u8,
    pub(crate) category: u8,
    pub(crate) name: &'static str,
    pub(crate) rows: Range<usize>,
}

impl Industry {
    /// Industry number, 1–9.
    pub fn id(&self) -> u8 {
        self.id
    }
    /// Official name, e.g. `人工智能软件开发`.
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// The category this industry belongs to.
    pub fn category(&self) -> &'static Category {
        &tables::CATEGORIES[usize::from(self.category) - 1]
    }
    /// The rows of this industry, in table order.
    pub fn rows(&self) -> &'static [Row] {
        &tables::ROWS[self.rows.clone()]
    }
}

impl fmt::Display for Industry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.id, self.name)
    }
}

/// One row of the table: a 行业名称 with its GB/T 4754-2017 小类 code.
#[derive(Debug)]
pub struct Row {
    pub(crate) index: usize,
    pub(crate) id: &'static str,
    pub(crate) industry: u8,
    pub(crate) name: &'static str,
    pub(crate) code: Code,
    pub(crate) printed_code: &'static str,
    pub(crate) partial: bool,
    pub(crate) inferred: bool,
    pub(crate) note: Option<&'static str>,
    pub(crate) products: Range<usize>,
}

impl Row {
    /// Row number as printed, e.g. `3.2`.
    pub fn id(&self) -> &'static str {
        self.id
    }
    /// Official 行业名称, e.g. `应用软件开发`.
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// The row's GB/T 4754-2017 小类.
    pub fn code(&self) -> Code {
        self.code
    }
    /// The code as the table prints it, with `*` when only the listed products count: `6513*`, `6520`.
    pub fn printed_code(&self) -> &'static str {
        self.printed_code
    }
    /// `true` when the code is printed with `*`: only the listed products count.
    /// `false`: the whole 小类 counts and the row has no products.
    pub fn is_partial(&self) -> bool {
        self.partial
    }
    /// `true` for a row the notice's table does not print but its own counts require (4.7 呼叫中心
    /// 6591\*): starred, with no products because they are not published, so a record with its
    /// code is `needs_review` / `products_not_published`. [`note`](Self::note) says why.
    pub fn is_inferred(&self) -> bool {
        self.inferred
    }
    /// Why an inferred row is there and what is missing (bilingual); `None` for a printed row.
    pub fn note(&self) -> Option<&'static str> {
        self.note
    }
    /// The industry this row belongs to.
    pub fn industry(&self) -> &'static Industry {
        &tables::INDUSTRIES[usize::from(self.industry) - 1]
    }
    /// The row's key products and services, in the table's order (empty for whole-class rows and
    /// for inferred rows, whose products are not published).
    pub fn products(&self) -> &'static [Product] {
        &tables::PRODUCTS[self.products.clone()]
    }
    /// Position of this row in [`rows()`].
    pub fn index(&self) -> usize {
        self.index
    }
}

impl fmt::Display for Row {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.id, self.name, self.printed_code)
    }
}

/// A key product or service (重点产品和服务) of a starred row.
#[derive(Debug)]
pub struct Product {
    pub(crate) index: usize,
    pub(crate) name: &'static str,
    pub(crate) note: Option<&'static str>,
    pub(crate) row: usize,
}

impl Product {
    /// The product's printed name, e.g. `计算机视听觉软件`.
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// The explanation printed in brackets after the name, if any.
    pub fn note(&self) -> Option<&'static str> {
        self.note
    }
    /// The row that lists this product.
    pub fn row(&self) -> &'static Row {
        &tables::ROWS[self.row]
    }
    /// Position of this product in [`products()`].
    pub fn index(&self) -> usize {
        self.index
    }
}

/// A curated other name of a product (`data/catalogues/dongguan-2019/aliases.tsv`).
#[derive(Debug)]
pub struct Alias {
    pub(crate) alias: &'static str,
    pub(crate) product: usize,
    pub(crate) why: &'static str,
}

impl Alias {
    /// The alias, e.g. `SaaS`.
    pub fn alias(&self) -> &'static str {
        self.alias
    }
    /// The product it names.
    pub fn product(&self) -> &'static Product {
        &tables::PRODUCTS[self.product]
    }
    /// Why the alias names that product.
    pub fn why(&self) -> &'static str {
        self.why
    }
}

/// How a registration phrase relates to the catalogue rows it is mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
pub enum Relation {
    /// The phrase names what the row covers; with the row's code it is `in_scope`.
    Equivalent,
    /// The phrase covers the row and more; it only adds review candidates.
    Broader,
}

impl Relation {
    /// Stable snake_case name: `equivalent` or `broader`.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Equivalent => "equivalent",
            Relation::Broader => "broader",
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A standard business-scope phrase (经营范围规范表述) and the decision recorded for it in
/// `data/vocabulary/scope_phrases.tsv`.
#[derive(Debug)]
pub struct ScopePhrase {
    pub(crate) entry_code: Option<&'static str>,
    pub(crate) phrase: &'static str,
    pub(crate) source_codes: &'static str,
    pub(crate) rows: &'static [usize],
    pub(crate) relation: Option<Relation>,
    pub(crate) justification: &'static str,
    pub(crate) note: &'static str,
}

impl ScopePhrase {
    /// SAMR entry code (e.g. `I3008`); `None` for phrases the project added.
    pub fn entry_code(&self) -> Option<&'static str> {
        self.entry_code
    }
    /// The phrase, e.g. `人工智能应用软件开发`.
    pub fn phrase(&self) -> &'static str {
        self.phrase
    }
    /// GB/T 4754-2017 codes the source assigns, `;`-joined.
    pub fn source_codes(&self) -> &'static str {
        self.source_codes
    }
    /// Catalogue rows the phrase maps to (empty when it fits none).
    pub fn rows(&self) -> impl Iterator<Item = &'static Row> {
        self.rows.iter().map(|r| &tables::ROWS[*r])
    }
    /// Equivalent, broader, or `None` when the phrase fits no row.
    pub fn relation(&self) -> Option<Relation> {
        self.relation
    }
    /// One-line justification of the decision.
    pub fn justification(&self) -> &'static str {
        self.justification
    }
    /// Remarks: a repaired cut-off phrase, or a phrase added to the source list.
    pub fn note(&self) -> &'static str {
        self.note
    }
}

/// An older wording of a catalogue term (`data/vocabulary/variants.tsv`), e.g. `集成电路的设计` for
/// `集成电路设计`. It is matched exactly (after normalisation) and gives its target's evidence.
#[derive(Debug)]
pub struct Variant {
    pub(crate) variant: &'static str,
    pub(crate) target: &'static str,
    pub(crate) justification: &'static str,
}

impl Variant {
    /// The wording as registrations write it, e.g. `集成电路的设计`.
    pub fn variant(&self) -> &'static str {
        self.variant
    }
    /// The catalogue term it stands for, e.g. `集成电路设计`.
    pub fn target(&self) -> &'static str {
        self.target
    }
    /// Why the wording means the term.
    pub fn justification(&self) -> &'static str {
        self.justification
    }
}

/// Every reviewed variant wording, in file order.
pub fn variants() -> &'static [Variant] {
    &tables::VARIANTS
}

/// The two categories.
pub fn categories() -> &'static [Category] {
    &tables::CATEGORIES
}

/// The 9 industries, by id.
pub fn industries() -> &'static [Industry] {
    &tables::INDUSTRIES
}

/// The industry with this id (1–9).
pub fn industry(id: u8) -> Option<&'static Industry> {
    usize::from(id)
        .checked_sub(1)
        .and_then(|i| tables::INDUSTRIES.get(i))
}

/// All 30 rows, in table order (29 printed and the inferred 4.7).
pub fn rows() -> &'static [Row] {
    &tables::ROWS
}

/// The row with this printed id, e.g. `"3.2"`.
pub fn row(id: &str) -> Option<&'static Row> {
    tables::ROWS.iter().find(|r| r.id == id)
}

/// Rows whose code is `code` (empty when the code is not in the catalogue).
///
/// ```
/// let code: digicat::Code = "6513".parse().unwrap();
/// let ids: Vec<_> = digicat::rows_for_code(code).map(|r| r.id()).collect();
/// assert_eq!(ids, ["1.3", "3.2"]);
/// ```
pub fn rows_for_code(code: Code) -> impl Iterator<Item = &'static Row> {
    let slot = code
        .class_number()
        .and_then(|n| tables::CODE_SLOT.get(usize::from(n)))
        .map_or(0, |s| usize::from(*s));
    let list: &'static [u8] = match slot.checked_sub(1) {
        Some(i) => tables::CODE_ROW_LISTS.get(i).copied().unwrap_or(&[]),
        None => &[],
    };
    list.iter().map(|i| &tables::ROWS[usize::from(*i)])
}

/// All listed products, grouped by row in table order.
pub fn products() -> &'static [Product] {
    &tables::PRODUCTS
}

/// All curated aliases.
pub fn aliases() -> &'static [Alias] {
    &tables::ALIASES
}

/// Every recorded registration-phrase decision, in the source's order.
pub fn scope_phrases() -> &'static [ScopePhrase] {
    &tables::SCOPE_PHRASES
}

/// Catalogue entries are unique statics: two are equal when they are the same entry.
macro_rules! eq_by_key {
    ($($t:ty => $key:ident),*) => {$(
        impl PartialEq for $t {
            fn eq(&self, other: &Self) -> bool {
                self.$key == other.$key
            }
        }
        impl Eq for $t {}
    )*};
}
eq_by_key!(Category => id, Industry => id, Row => index, Product => index);
