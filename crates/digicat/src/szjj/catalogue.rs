//! The classification's entries: 大类, 中类, 小类 with their GB/T 4754-2017 codes and 说明, and the
//! reviewed evidence terms, all in static memory.

use super::tables;
use crate::code::Code;
use crate::report::Lang;
use std::fmt;
use std::ops::Range;

/// Metadata of the classification.
#[derive(Debug)]
pub struct Meta {
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) document: &'static str,
    pub(crate) issuer: &'static str,
    pub(crate) date: &'static str,
    pub(crate) edition: &'static str,
    pub(crate) version: &'static str,
}

impl Meta {
    /// Stable catalogue id, `szjj-2021`.
    pub fn id(&self) -> &'static str {
        self.id
    }
    /// Title, `数字经济及其核心产业统计分类（2021）`.
    pub fn title(&self) -> &'static str {
        self.title
    }
    /// Document number, `国家统计局令第33号`.
    pub fn document(&self) -> &'static str {
        self.document
    }
    /// Issuing authority, `国家统计局`.
    pub fn issuer(&self) -> &'static str {
        self.issuer
    }
    /// Date of issue, `2021-05-27`.
    pub fn date(&self) -> &'static str {
        self.date
    }
    /// Edition of the industry classification the codes belong to, `GB/T 4754-2017`.
    pub fn edition(&self) -> &'static str {
        self.edition
    }
    /// Version of the embedded data: the date and a fingerprint of its files.
    pub fn version(&self) -> &'static str {
        self.version
    }
}

/// The classification's metadata.
pub fn meta() -> &'static Meta {
    &tables::META
}

/// A 大类 (01–05).
#[derive(Debug)]
pub struct Division {
    pub(crate) index: usize,
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) core: bool,
    pub(crate) groups: Range<usize>,
}

impl Division {
    /// Code, e.g. `01`.
    pub fn code(&self) -> &'static str {
        self.code
    }
    /// Name, e.g. `数字产品制造业`.
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// `true` for 01–04, the 数字经济核心产业, which records are classified into. `false` for 05
    /// 数字化效率提升业: it is defined by the use of digital technology in every other industry,
    /// which a code and a business scope cannot establish, so nothing is ever classified into it
    /// (see [`NOT_CLASSIFIABLE`]).
    pub fn is_classifiable(&self) -> bool {
        self.core
    }
    /// Its 中类, in order.
    pub fn groups(&self) -> &'static [Group] {
        &tables::GROUPS[self.groups.clone()]
    }
    /// Position in [`divisions()`].
    pub fn index(&self) -> usize {
        self.index
    }
}

/// Why 05 数字化效率提升业 is listed but never a classification result (bilingual).
pub const NOT_CLASSIFIABLE: &str = "05 数字化效率提升业按数字技术在其他各行业中的应用界定，行业代码和经营范围无法认定，不作分类结果 \
     (05 is defined by the use of digital technology in every other industry; a code and a business \
     scope cannot establish it, so nothing is classified into it)";

/// [`NOT_CLASSIFIABLE`] in `lang`: its Chinese sentence alone for [`Lang::Zh`], the whole
/// bilingual text for [`Lang::En`].
///
/// ```
/// use digicat::report::Lang;
/// assert!(digicat::szjj::not_classifiable(Lang::Zh).ends_with("不作分类结果"));
/// ```
pub fn not_classifiable(lang: Lang) -> &'static str {
    match lang {
        Lang::En => NOT_CLASSIFIABLE,
        Lang::Zh => NOT_CLASSIFIABLE
            .split_once(" (")
            .map_or(NOT_CLASSIFIABLE, |(zh, _)| zh),
    }
}

/// A 中类, e.g. `0101 计算机制造`.
#[derive(Debug)]
pub struct Group {
    pub(crate) index: usize,
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) division: usize,
    pub(crate) classes: Range<usize>,
}

impl Group {
    /// Code, e.g. `0101`.
    pub fn code(&self) -> &'static str {
        self.code
    }
    /// Name, e.g. `计算机制造`.
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// Its 大类.
    pub fn division(&self) -> &'static Division {
        &tables::DIVISIONS[self.division]
    }
    /// Its 小类, in order.
    pub fn classes(&self) -> &'static [Class] {
        &tables::CLASSES[self.classes.clone()]
    }
    /// Position in [`groups()`].
    pub fn index(&self) -> usize {
        self.index
    }
}

/// A GB/T 4754-2017 code as a 小类 prints it: `6429*` covers only the part the 说明 describes.
#[derive(Debug, PartialEq, Eq)]
pub struct GbtRef {
    pub(crate) code: Code,
    pub(crate) printed: &'static str,
    pub(crate) partial: bool,
}

impl GbtRef {
    /// The code (under 01–04 a 小类; under 05 also 大类 like `01` or 门类 like `C`).
    pub fn code(&self) -> Code {
        self.code
    }
    /// As printed, with `*` when only part of the class belongs: `6429*`, `6490`.
    pub fn printed(&self) -> &'static str {
        self.printed
    }
    /// `true` for a starred code.
    pub fn is_partial(&self) -> bool {
        self.partial
    }
}

/// A 小类 (answer unit), e.g. `010101 计算机整机制造`.
#[derive(Debug)]
pub struct Class {
    pub(crate) index: usize,
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) group: usize,
    pub(crate) gbt: &'static [GbtRef],
    pub(crate) note: &'static str,
    pub(crate) terms: Range<usize>,
}

impl Class {
    /// Code, e.g. `010101`.
    pub fn code(&self) -> &'static str {
        self.code
    }
    /// Name, e.g. `计算机整机制造`.
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// Its 中类.
    pub fn group(&self) -> &'static Group {
        &tables::GROUPS[self.group]
    }
    /// Its 大类.
    pub fn division(&self) -> &'static Division {
        self.group().division()
    }
    /// Its GB/T 4754-2017 codes (empty for 020500, 030502 and 040504).
    pub fn gbt(&self) -> &'static [GbtRef] {
        self.gbt
    }
    /// The classification's 说明.
    pub fn note(&self) -> &'static str {
        self.note
    }
    /// The reviewed term lines of this 小类 (decisive and rejected).
    pub fn terms(&self) -> &'static [TermEntry] {
        &tables::TERM_ENTRIES[self.terms.clone()]
    }
    /// `false` for the 小类 of 05 (see [`Division::is_classifiable`]).
    pub fn is_classifiable(&self) -> bool {
        self.division().core
    }
    /// Position in [`classes()`].
    pub fn index(&self) -> usize {
        self.index
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.name)
    }
}

/// The review decision on a term (`data/catalogues/szjj-2021/terms.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Printed in the 说明's enumeration: decisive.
    Listed,
    /// A wording of what the 说明 names, not printed verbatim: decisive.
    Derived,
    /// Not evidence (too general, an exclusion, a catch-all): never matched.
    Rejected,
}

impl Decision {
    /// Stable name: `listed`, `derived` or `rejected`.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Listed => "listed",
            Decision::Derived => "derived",
            Decision::Rejected => "rejected",
        }
    }
}

/// One reviewed line of the term list.
#[derive(Debug)]
pub struct TermEntry {
    pub(crate) term: &'static str,
    pub(crate) class: usize,
    pub(crate) source: &'static str,
    pub(crate) decision: Decision,
    pub(crate) judgment: &'static str,
}

impl TermEntry {
    /// The term, e.g. `网上新闻`.
    pub fn term(&self) -> &'static str {
        self.term
    }
    /// The 小类 it is evidence for.
    pub fn class(&self) -> &'static Class {
        &tables::CLASSES[self.class]
    }
    /// The piece of the 说明 it comes from.
    pub fn source(&self) -> &'static str {
        self.source
    }
    /// The review decision.
    pub fn decision(&self) -> Decision {
        self.decision
    }
    /// Why.
    pub fn judgment(&self) -> &'static str {
        self.judgment
    }
}

/// The 5 大类.
pub fn divisions() -> &'static [Division] {
    &tables::DIVISIONS
}

/// The 32 中类.
pub fn groups() -> &'static [Group] {
    &tables::GROUPS
}

/// The 156 小类.
pub fn classes() -> &'static [Class] {
    &tables::CLASSES
}

/// The 小类 with this code, e.g. `"030304"`.
pub fn class(code: &str) -> Option<&'static Class> {
    tables::CLASSES.iter().find(|c| c.code == code)
}

/// Every reviewed term line, grouped by 小类.
pub fn term_entries() -> &'static [TermEntry] {
    &tables::TERM_ENTRIES
}

/// The classifiable 小类 (01–04) that name `code`, a GB/T 4754-2017 小类 (empty when none does).
///
/// ```
/// let code: digicat::Code = "6429".parse().unwrap();
/// let classes: Vec<_> = digicat::szjj::classes_for_code(code).map(|c| c.code()).collect();
/// assert_eq!(classes, ["030304", "030307"]);
/// ```
pub fn classes_for_code(code: Code) -> impl Iterator<Item = &'static Class> {
    let list: &'static [u8] = code
        .class_number()
        .and_then(|n| tables::CODE_CLASSES.get(&n))
        .copied()
        .unwrap_or(&[]);
    list.iter().map(|i| &tables::CLASSES[usize::from(*i)])
}

macro_rules! eq_by_index {
    ($($t:ty),*) => {$(
        impl PartialEq for $t {
            fn eq(&self, other: &Self) -> bool {
                self.index == other.index
            }
        }
        impl Eq for $t {}
    )*};
}
eq_by_index!(Division, Group, Class);
