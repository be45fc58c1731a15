//! The one classification engine: a code and a text in, a status with its reason out.

use crate::catalogue::{rows, rows_for_code, Industry, Row};
use crate::code::{
    entries_named, fold, parse_parts, successors_2011, Code, Edition, GbtEntry, Level,
};
use crate::error::{CodeError, UnknownHint};
use crate::matcher::{find_terms, Evidence, EvidenceKind, Policy};
use crate::normalize::name_key;
use crate::rules::{self, CodeFacts, RowSet};
use crate::tables;
use std::fmt;

/// The answer: in the catalogue, needs a person's review, or not in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
pub enum Status {
    /// In the catalogue (see [`Reason`] for the basis).
    InScope,
    /// Possibly in the catalogue; `industries` are the candidates.
    NeedsReview,
    /// Not in the catalogue.
    OutOfScope,
    /// The input could not be classified (a [`CodeError`]). [`classify`] never returns it;
    /// batch surfaces use it for rows whose code is an error, so no row is lost.
    Invalid,
    /// Not an enterprise: a blank row or a `合计`-style footer of a table ([`Reason::BlankRow`],
    /// [`Reason::FooterRow`]). Batch-only, like `Invalid`: [`classify`] never returns it; batch
    /// surfaces keep such rows in place with this status (see [`crate::report::skip_reason`]).
    Skipped,
}

impl Status {
    /// Stable snake_case name: `in_scope`, `needs_review`, `out_of_scope`, `invalid` or
    /// `skipped`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::InScope => "in_scope",
            Status::NeedsReview => "needs_review",
            Status::OutOfScope => "out_of_scope",
            Status::Invalid => "invalid",
            Status::Skipped => "skipped",
        }
    }
    /// Chinese label: 属于目录, 需人工复核, 不属于目录, 无效输入, 非企业行.
    pub fn name_zh(self) -> &'static str {
        match self {
            Status::InScope => "属于目录",
            Status::NeedsReview => "需人工复核",
            Status::OutOfScope => "不属于目录",
            Status::Invalid => "无效输入",
            Status::Skipped => "非企业行",
        }
    }
    /// All statuses, in the order above.
    pub const ALL: [Status; 5] = [
        Status::InScope,
        Status::NeedsReview,
        Status::OutOfScope,
        Status::Invalid,
        Status::Skipped,
    ];
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a status was given (for `in_scope`: its basis).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
pub enum Reason {
    /// in_scope: the code's whole 小类 is in the catalogue.
    WholeClass,
    /// in_scope: starred code, and the text names a listed product (or alias) of a row with that code.
    ListedProduct,
    /// in_scope: starred code, and the text has an equivalent registration phrase for a row with it.
    ScopePhrase,
    /// in_scope: the text names the GB/T class of a catalogue row with the code.
    ClassName,
    /// needs_review: starred code, no listed product named.
    NoProductEvidence,
    /// needs_review: no code, and decisive catalogue terms named (products, aliases, equivalent
    /// phrases, class names, as the policy admits); candidates from those terms only.
    NoCode,
    /// needs_review: a 中类/大类 that contains catalogue codes.
    CoarseCode,
    /// needs_review: the code is outside the catalogue, or starred, while the text names
    /// catalogue products of other codes only.
    ProductsOutsideCode,
    /// needs_review: a GB/T 4754-2011 小类; candidates from its 2017 successors.
    OldEditionCode,
    /// out_of_scope: a valid code outside the catalogue, and no catalogue product named.
    CodeOutsideCatalogue,
    /// out_of_scope: no code, and the text names nothing.
    NothingNamed,
    /// needs_review: the code is that of an inferred row (4.7 呼叫中心 6591\*: not printed in the
    /// table, its products not published), and no row of the code is decided by the text;
    /// candidates: the code's rows and the rows of any decisive terms named.
    ProductsNotPublished,
    /// needs_review: no code, and the only terms named are broader phrases (e.g. `软件开发`);
    /// candidates from those phrases.
    BroaderPhrasesOnly,
    /// skipped (batch only, never from [`classify`]): every field of the row is blank.
    BlankRow,
    /// skipped (batch only, never from [`classify`]): the row holds only a `合计：26家`-style
    /// footer.
    FooterRow,
}

impl Reason {
    /// Stable snake_case name, e.g. `listed_product`.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::WholeClass => "whole_class",
            Reason::ListedProduct => "listed_product",
            Reason::ScopePhrase => "scope_phrase",
            Reason::ClassName => "class_name",
            Reason::NoProductEvidence => "no_product_evidence",
            Reason::NoCode => "no_code",
            Reason::CoarseCode => "coarse_code",
            Reason::ProductsOutsideCode => "products_outside_code",
            Reason::OldEditionCode => "old_edition_code",
            Reason::CodeOutsideCatalogue => "code_outside_catalogue",
            Reason::NothingNamed => "nothing_named",
            Reason::ProductsNotPublished => "products_not_published",
            Reason::BroaderPhrasesOnly => "broader_phrases_only",
            Reason::BlankRow => "blank_row",
            Reason::FooterRow => "footer_row",
        }
    }
    /// The status this reason goes with.
    pub fn status(self) -> Status {
        match self {
            Reason::WholeClass
            | Reason::ListedProduct
            | Reason::ScopePhrase
            | Reason::ClassName => Status::InScope,
            Reason::CodeOutsideCatalogue | Reason::NothingNamed => Status::OutOfScope,
            Reason::NoProductEvidence
            | Reason::NoCode
            | Reason::CoarseCode
            | Reason::ProductsOutsideCode
            | Reason::OldEditionCode
            | Reason::ProductsNotPublished
            | Reason::BroaderPhrasesOnly => Status::NeedsReview,
            Reason::BlankRow | Reason::FooterRow => Status::Skipped,
        }
    }
    /// Every reason (new reasons are appended at the end; C values follow this order).
    pub const ALL: [Reason; 15] = [
        Reason::WholeClass,
        Reason::ListedProduct,
        Reason::ScopePhrase,
        Reason::ClassName,
        Reason::NoProductEvidence,
        Reason::NoCode,
        Reason::CoarseCode,
        Reason::ProductsOutsideCode,
        Reason::OldEditionCode,
        Reason::CodeOutsideCatalogue,
        Reason::NothingNamed,
        Reason::ProductsNotPublished,
        Reason::BroaderPhrasesOnly,
        Reason::BlankRow,
        Reason::FooterRow,
    ];
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Options shared by every surface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Which evidence counts (default `standard`).
    pub policy: Policy,
    /// How to read 4-digit codes (default `auto`).
    pub edition: Edition,
}

/// What the code field was understood as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeReading {
    /// A GB/T 4754-2017 小类.
    Class(Code),
    /// A GB/T 4754-2017 门类, 大类 or 中类 (a number above 小类 is always read in 2017).
    Coarse(Code),
    /// A GB/T 4754-2011 小类 with its known 2017 successors (possibly none).
    OldClass(Code, &'static [Code]),
    /// A GB/T 4754-2011 门类, 大类 or 中类 given by a name found only in that edition (e.g. the
    /// 2011 中类 `数据处理和存储服务`); candidates come from the 2017 successors of its 小类.
    OldCoarse(Code),
}

impl CodeReading {
    /// The code as read (2011 number for an old class; a section as its letter).
    pub fn code(self) -> Code {
        match self {
            CodeReading::Class(c)
            | CodeReading::Coarse(c)
            | CodeReading::OldClass(c, _)
            | CodeReading::OldCoarse(c) => c,
        }
    }
    /// The level read: 门类, 大类, 中类 or 小类.
    pub fn level(self) -> Level {
        self.code().level()
    }
    /// The code's entry in the edition it was read in.
    pub fn entry(self) -> Option<&'static GbtEntry> {
        match self {
            CodeReading::OldClass(c, _) | CodeReading::OldCoarse(c) => c.gbt2011(),
            CodeReading::Class(c) | CodeReading::Coarse(c) => c.gbt2017(),
        }
    }
    /// The edition the code was read in: [`Edition::Gbt2011`] for an old class or old coarse
    /// name, else [`Edition::Gbt2017`].
    pub fn edition(self) -> Edition {
        match self {
            CodeReading::OldClass(..) | CodeReading::OldCoarse(_) => Edition::Gbt2011,
            _ => Edition::Gbt2017,
        }
    }
    /// The official name in the edition it was read in.
    pub fn name(self) -> Option<&'static str> {
        self.entry().map(GbtEntry::name)
    }
    /// The catalogue rows the code itself points at: the rows with the class; the rows within a
    /// 门类/大类/中类; the rows of an old class's 2017 successors (for an old coarse code: of the
    /// successors of its 2011 小类). Table order.
    pub fn rows(self) -> Vec<&'static Row> {
        set_rows(self.row_set())
    }
    /// The industries of [`rows`](Self::rows), by id.
    pub fn industries(self) -> Vec<&'static Industry> {
        set_industries(self.row_set())
    }
    fn row_set(self) -> RowSet {
        match self {
            CodeReading::Class(code) => row_set(rows_for_code(code)),
            CodeReading::Coarse(code) => row_set(rows().iter().filter(|r| code.contains(r.code()))),
            CodeReading::OldClass(_, successors) => {
                row_set(successors.iter().flat_map(|c| rows_for_code(*c)))
            }
            CodeReading::OldCoarse(code) => {
                row_set(old_coarse_successors(code).flat_map(rows_for_code))
            }
        }
    }
}

/// The 2017 successors of the 2011 小类 within the 2011 code `outer` (an old coarse reading).
pub(crate) fn old_coarse_successors(outer: Code) -> impl Iterator<Item = Code> {
    tables::SUCCESSORS_2011
        .entries()
        .filter(move |(class, _)| within_2011(outer, Code::class(**class)))
        .flat_map(|(_, successors)| successors.iter().copied())
}

/// `true` when the 2011 class `class` lies within the 2011 code `outer`.
fn within_2011(outer: Code, class: Code) -> bool {
    match outer.section_letter() {
        Some(letter) => class.gbt2011().is_some_and(|e| e.section() == letter),
        None => outer.contains(class),
    }
}

/// Reads a code field. Accepted: a code in any accepted form (`6513`, `I6513`, `651`, `65`, the
/// section letter `I`); a GB/T 4754 name of any level (门类 `信息传输、软件和信息技术服务业`, 大类
/// `软件和信息技术服务业`, 中类 `软件开发`, 小类 `应用软件开发`; brackets of either width, `、`, `,`
/// and `和` ignored); and several of these together in any order, joined by spaces, brackets or
/// `-`, `/`, `>`, `|`, `、`, `,`, `:`, `;`, `→` (`应用软件开发(6513)`, `6513 应用软件开发`,
/// `I-65-651-6513`, `信息传输、软件和信息技术服务业/软件和信息技术服务业/软件开发/应用软件开发`). A
/// name is always taken whole (the longest name at each place), so names holding `、` are never
/// split. The finest level given is read; the parts must lie on one chain of the standard, else
/// the field is an error (`code_name_mismatch` when a code and a name of one level disagree,
/// `section_mismatch` for a section letter, `hierarchy_mismatch` otherwise). A name shared by a
/// single-child chain (中类 `集成电路设计` and its only 小类 6520) is read at the finest level.
///
/// Editions: a number above 小类 is always read in GB/T 4754-2017. Under [`Edition::Auto`] the
/// field is read in 2017 first and, when that fails, in 2011 (so a 2011-only name or a 4-digit
/// 2011 class with its 2011 name gives an old-edition reading); under [`Edition::Gbt2011`] in
/// 2011 first and, for a field with no 4-digit code, in 2017 next; under [`Edition::Gbt2017`] in
/// 2017 only. An empty field is `Ok(None)`.
///
/// ```
/// use digicat::{read_code_field, CodeReading, Edition, Level};
/// let r = read_code_field("基础软件开发", Edition::Auto).unwrap().unwrap();
/// assert_eq!(r.code().to_string(), "6511");
/// let r = read_code_field("软件和信息技术服务业-应用软件开发（6513）", Edition::Auto).unwrap().unwrap();
/// assert_eq!((r.code().to_string(), r.level()), ("6513".to_string(), Level::Class));
/// let r = read_code_field("信息传输、软件和信息技术服务业", Edition::Auto).unwrap().unwrap();
/// assert_eq!((r.code().to_string(), r.level()), ("I".to_string(), Level::Section));
/// assert!(read_code_field("6513 基础软件开发", Edition::Auto).is_err());
/// assert!(read_code_field("65/6431", Edition::Auto).is_err());
/// assert!(matches!(read_code_field("6510", Edition::Auto), Ok(Some(CodeReading::OldClass(..)))));
/// ```
pub fn read_code_field(field: &str, edition: Edition) -> Result<Option<CodeReading>, CodeError> {
    let field = field.trim_matches(|c: char| c.is_whitespace());
    if field.is_empty() {
        return Ok(None);
    }
    match parse_parts(field) {
        Ok((code, letter)) => read_code(code, edition)
            .and_then(|r| check_section(field, r, letter))
            .map(Some),
        Err(e @ CodeError::Malformed { .. }) => read_parts(field, edition, e).map(Some),
        Err(e) => Err(e),
    }
}

/// The section letter given with a code must be the section of the code in the edition read.
fn check_section(
    input: &str,
    reading: CodeReading,
    letter: Option<char>,
) -> Result<CodeReading, CodeError> {
    match (letter, reading.entry()) {
        (Some(given), Some(entry)) if entry.section() != given => Err(CodeError::SectionMismatch {
            input: input.to_owned(),
            given,
            actual: entry.section(),
        }),
        _ => Ok(reading),
    }
}

/// One part of a code field.
#[derive(Clone, Copy)]
enum Part<'a> {
    /// A code, with the section letter written right before it (`I6513`).
    Code(Code, Option<char>),
    /// A GB/T 4754 name of either edition, as written.
    Name(&'a str),
    /// Neither.
    Unknown(&'a str),
}

/// Characters between the parts of a code field (after [`fold`]).
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '-'
            | '/'
            | '\\'
            | '>'
            | '|'
            | ':'
            | ';'
            | ','
            | '_'
            | '('
            | ')'
            | '['
            | ']'
            | '、'
            | '—'
            | '–'
            | '→'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '《'
            | '》'
    )
}

/// The longest a GB/T 4754 name is, in characters, with room for spaces written inside it.
const MAX_NAME_CHARS: usize = 64;

/// Code fields longer than this are not split into parts: four levels of names and codes take
/// well under 1 KB.
const MAX_FIELD_BYTES: usize = 2048;

/// Splits a code field into codes, names and unknown pieces. A name is taken longest-first at
/// each place and must end at a separator, a code or the end of the field; what is neither runs
/// to the next separator.
fn split_parts(field: &str) -> Vec<Part<'_>> {
    let chars: Vec<(usize, char)> = field.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map_or(field.len(), |(b, _)| *b);
    let boundary = |j: usize| {
        chars
            .get(j)
            .map_or(true, |(_, c)| is_separator(*c) || c.is_ascii_alphanumeric())
    };
    let mut parts = Vec::new();
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if is_separator(c) {
            i += 1;
            continue;
        }
        // The longest known name starting here.
        let name_end = (i + 1..=n.min(i + MAX_NAME_CHARS))
            .rev()
            .filter(|j| boundary(*j) && !chars[*j - 1].1.is_whitespace())
            .find(|j| {
                let text = &field[at(i)..at(*j)];
                !text.is_ascii()
                    && [Edition::Gbt2017, Edition::Gbt2011]
                        .iter()
                        .any(|e| entries_named(text, *e).next().is_some())
            });
        if let Some(j) = name_end {
            parts.push(Part::Name(&field[at(i)..at(j)]));
            i = j;
            continue;
        }
        if let Some((code, letter, j)) = code_at(&chars, i).filter(|(_, _, j)| {
            chars
                .get(*j)
                .map_or(true, |(_, c)| !c.is_ascii_alphanumeric())
        }) {
            parts.push(Part::Code(code, letter));
            i = j;
            continue;
        }
        let j = (i + 1..n).find(|j| is_separator(chars[*j].1)).unwrap_or(n);
        parts.push(Part::Unknown(&field[at(i)..at(j)]));
        i = j;
    }
    parts
}

/// A code starting at char `i`: a section letter alone, or 2–4 digits after an optional letter
/// (joined by nothing, a space or `-`) and before an optional `*`; the char index after it.
fn code_at(chars: &[(usize, char)], i: usize) -> Option<(Code, Option<char>, usize)> {
    let c = |k: usize| chars.get(k).map(|(_, c)| *c);
    let digit = |k: usize| c(k).is_some_and(|d| d.is_ascii_digit());
    let mut k = i;
    let mut letter = None;
    if c(k).is_some_and(|l| l.is_ascii_alphabetic()) {
        letter = c(k).map(|l| l.to_ascii_uppercase());
        k += 1;
        if matches!(c(k), Some(' ' | '-')) && digit(k + 1) {
            k += 1;
        }
        if !digit(k) {
            return Some((Code::section(letter?)?, None, k));
        }
    }
    let begin = k;
    while digit(k) {
        k += 1;
    }
    if c(k) == Some('*') {
        k += 1;
    }
    let digits: String = chars[begin..k]
        .iter()
        .map(|(_, d)| *d)
        .filter(char::is_ascii_digit)
        .collect();
    if !(2..=4).contains(&digits.len()) {
        return None;
    }
    let (code, _) = parse_parts(&digits).ok()?;
    Some((code, letter, k))
}

/// A field that is not a bare code: names, or codes and names together.
/// `malformed` is the error for the field read as a bare code.
fn read_parts(
    field: &str,
    edition: Edition,
    malformed: CodeError,
) -> Result<CodeReading, CodeError> {
    // A full four-level hierarchy with codes is a few hundred bytes; anything far longer is not
    // split (so a huge field costs no more than reading it once).
    if field.len() > MAX_FIELD_BYTES {
        let has_digits = field.chars().any(|c| fold(c).is_ascii_digit());
        return Err(if field.is_ascii() || has_digits {
            malformed
        } else {
            CodeError::UnknownName {
                input: field.to_owned(),
            }
        });
    }
    let parts = split_parts(field);
    let code_part = parts.iter().rev().find_map(|p| match p {
        Part::Code(code, _) => Some(*code),
        _ => None,
    });
    if let Some(unknown) = parts.iter().find_map(|p| match p {
        Part::Unknown(u) => Some(*u),
        _ => None,
    }) {
        return Err(match code_part {
            _ if unknown.is_ascii() || field.is_ascii() => malformed,
            // A code with a name that is no GB/T name: the name does not match the code.
            Some(code) if code.gbt2017().is_some() => CodeError::NameMismatch {
                code,
                official: code.name().unwrap_or(""),
                given: unknown.to_owned(),
            },
            _ if field.chars().any(|c| fold(c).is_ascii_digit()) => malformed,
            _ => CodeError::UnknownName {
                input: field.to_owned(),
            },
        });
    }
    if parts.is_empty() {
        return Err(malformed);
    }
    let has_class_number = parts
        .iter()
        .any(|p| matches!(p, Part::Code(c, _) if c.level() == Level::Class));
    let order: &[Edition] = match edition {
        Edition::Auto => &[Edition::Gbt2017, Edition::Gbt2011],
        Edition::Gbt2017 => &[Edition::Gbt2017],
        Edition::Gbt2011 if has_class_number => &[Edition::Gbt2011],
        Edition::Gbt2011 => &[Edition::Gbt2011, Edition::Gbt2017],
    };
    let mut first_error = None;
    for &ed in order {
        match resolve(field, &parts, ed) {
            Ok(reading) => return Ok(reading),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or(malformed))
}

/// A part read in one edition: its entry, and the name as written for a name.
#[derive(Clone, Copy)]
struct Resolved<'a> {
    entry: &'static GbtEntry,
    code: Code,
    name: Option<&'a str>,
    letter: Option<char>,
}

/// Reads every part in edition `ed` (2017 or 2011), checks that they lie on one chain and returns
/// the reading of the finest.
fn resolve(field: &str, parts: &[Part<'_>], ed: Edition) -> Result<CodeReading, CodeError> {
    let table = |code: Code| match ed {
        Edition::Gbt2011 => code.gbt2011(),
        _ => code.gbt2017(),
    };
    // Each part's possible entries, finest first: one for a code; for a name, every entry of a
    // chain that shares it (燃气生产和供应业 is both 大类 45 and 中类 451).
    let mut options: Vec<(Vec<&'static GbtEntry>, Option<&str>, Option<char>)> =
        Vec::with_capacity(parts.len());
    for part in parts {
        match *part {
            Part::Code(code, letter) => {
                let entry = table(code).ok_or_else(|| CodeError::Unknown {
                    code,
                    level: code.level(),
                    edition: if ed == Edition::Gbt2011 {
                        "2011"
                    } else {
                        "2017"
                    },
                    hint: UnknownHint::None,
                })?;
                if let Some(given) = letter.filter(|l| *l != entry.section()) {
                    return Err(CodeError::SectionMismatch {
                        input: field.to_owned(),
                        given,
                        actual: entry.section(),
                    });
                }
                options.push((vec![entry], None, letter));
            }
            Part::Name(name) => {
                let entries: Vec<&'static GbtEntry> = entries_named(name, ed).collect();
                if entries.is_empty() {
                    return Err(CodeError::UnknownName {
                        input: field.to_owned(),
                    });
                }
                options.push((entries, Some(name), None));
            }
            Part::Unknown(_) => {
                return Err(CodeError::UnknownName {
                    input: field.to_owned(),
                })
            }
        }
    }
    // Each part takes its finest entry that every other part can lie on one chain with.
    let comparable = |a: &'static GbtEntry, b: &'static GbtEntry| encloses(a, b) || encloses(b, a);
    let mut read: Vec<Resolved<'_>> = Vec::with_capacity(options.len());
    for (i, (entries, name, letter)) in options.iter().enumerate() {
        let fits = |e: &'static GbtEntry| {
            options
                .iter()
                .enumerate()
                .all(|(j, (others, ..))| j == i || others.iter().any(|o| comparable(o, e)))
        };
        let entry = entries
            .iter()
            .copied()
            .find(|e| fits(e))
            .or(entries.first().copied())
            .ok_or_else(|| CodeError::UnknownName {
                input: field.to_owned(),
            })?;
        let code = entry.as_code().ok_or_else(|| CodeError::UnknownName {
            input: field.to_owned(),
        })?;
        read.push(Resolved {
            entry,
            code,
            name: *name,
            letter: *letter,
        });
    }
    // Coarsest first; every part must enclose the next.
    read.sort_by_key(|r| r.entry.level().depth());
    for pair in read.windows(2) {
        let (outer, inner) = (pair[0], pair[1]);
        if encloses(outer.entry, inner.entry) {
            continue;
        }
        return Err(contradiction(field, outer, inner));
    }
    let Some(finest) = read.last() else {
        return Err(CodeError::UnknownName {
            input: field.to_owned(),
        });
    };
    let code = finest.code;
    match (ed, finest.entry.level()) {
        (Edition::Gbt2011, Level::Class) => read_code(code, Edition::Gbt2011),
        // A number above 小类 is read in 2017, as a bare one is.
        (Edition::Gbt2011, _) if finest.name.is_none() => read_code(code, Edition::Gbt2017),
        (Edition::Gbt2011, _) => Ok(match code.gbt2017() {
            Some(e) if name_key(e.name()) == name_key(finest.entry.name()) => {
                CodeReading::Coarse(code)
            }
            _ => CodeReading::OldCoarse(code),
        }),
        (_, Level::Class) => Ok(CodeReading::Class(code)),
        _ => Ok(CodeReading::Coarse(code)),
    }
}

/// `true` when `outer` is `inner` or one of its ancestors (same edition).
fn encloses(outer: &GbtEntry, inner: &'static GbtEntry) -> bool {
    let mut e = Some(inner);
    while let Some(x) = e {
        if std::ptr::eq(x, outer) || (x.code() == outer.code() && x.level() == outer.level()) {
            return true;
        }
        e = x.parent_entry();
    }
    false
}

/// The error for two parts that do not lie on one chain.
fn contradiction(field: &str, outer: Resolved<'_>, inner: Resolved<'_>) -> CodeError {
    let same_level = outer.entry.level() == inner.entry.level();
    match (outer.name, inner.name) {
        (None, Some(given)) | (Some(given), None) if same_level => {
            let code_part = if outer.name.is_none() { outer } else { inner };
            CodeError::NameMismatch {
                code: code_part.code,
                official: code_part.entry.name(),
                given: given.to_owned(),
            }
        }
        (None, _) if outer.entry.level() == Level::Section && outer.letter.is_none() => {
            CodeError::SectionMismatch {
                input: field.to_owned(),
                given: outer.entry.section(),
                actual: inner.entry.section(),
            }
        }
        _ => CodeError::HierarchyMismatch {
            input: field.to_owned(),
            outer: outer.code,
            outer_name: outer.entry.name(),
            inner: inner.code,
            inner_name: inner.entry.name(),
        },
    }
}

/// Checks a parsed code against the code lists of the edition.
fn read_code(code: Code, edition: Edition) -> Result<CodeReading, CodeError> {
    let in_2017 = code.gbt2017().is_some();
    let unknown = |edition: &'static str, hint: UnknownHint| CodeError::Unknown {
        code,
        level: code.level(),
        edition,
        hint,
    };
    if code.level() != Level::Class {
        return if in_2017 {
            Ok(CodeReading::Coarse(code))
        } else {
            Err(unknown("2017", UnknownHint::None))
        };
    }
    let old = || {
        let successors = successors_2011(code);
        // A class unchanged in code and name is simply the 2017 class.
        if successors == [code] {
            CodeReading::Class(code)
        } else {
            CodeReading::OldClass(code, successors)
        }
    };
    match edition {
        Edition::Auto if in_2017 => Ok(CodeReading::Class(code)),
        Edition::Auto if code.gbt2011().is_some() => Ok(old()),
        Edition::Auto => Err(unknown("2017", UnknownHint::Not2011Either)),
        Edition::Gbt2017 if in_2017 => Ok(CodeReading::Class(code)),
        Edition::Gbt2017 => {
            let hint = if code.gbt2011().is_some() {
                UnknownHint::Is2011
            } else {
                UnknownHint::None
            };
            Err(unknown("2017", hint))
        }
        Edition::Gbt2011 if code.gbt2011().is_some() => Ok(old()),
        Edition::Gbt2011 => Err(unknown("2011", UnknownHint::None)),
    }
}

/// The Dongguan rows of a set, in table order.
fn set_rows(set: RowSet) -> Vec<&'static Row> {
    set.indices().filter_map(|i| rows().get(i)).collect()
}

/// The industries of a set's rows, by id (rows are in industry order).
fn set_industries(set: RowSet) -> Vec<&'static Industry> {
    let mut industries: Vec<&'static Industry> =
        set_rows(set).into_iter().map(|r| r.industry()).collect();
    industries.dedup_by_key(|i| i.id());
    industries
}

fn row_set<'a>(rows: impl IntoIterator<Item = &'a Row>) -> RowSet {
    RowSet::of_indices(rows.into_iter().map(|r| r.index))
}

/// The classification of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// in_scope, needs_review or out_of_scope.
    pub status: Status,
    /// Why (for in_scope: the basis).
    pub reason: Reason,
    /// How the code field was read (`None` when there was no code).
    pub code: Option<CodeReading>,
    /// For in_scope: the industries; for needs_review: the candidate industries; sorted by id.
    pub industries: Vec<&'static Industry>,
    /// The rows behind `industries`, in table order.
    pub rows: Vec<&'static Row>,
    /// Every catalogue term found in the text (admitted by the policy), in text order.
    pub evidence: Vec<Evidence>,
}

impl Classification {
    /// Industry ids, e.g. `[1, 3]`.
    pub fn industry_ids(&self) -> impl Iterator<Item = u8> + '_ {
        self.industries.iter().map(|i| i.id())
    }
    /// The distinct catalogue terms of the evidence, in text order (a term naming several rows
    /// appears once).
    pub fn terms(&self) -> Vec<&'static str> {
        let mut terms: Vec<&'static str> = Vec::with_capacity(self.evidence.len());
        for e in &self.evidence {
            if !terms.contains(&e.text()) {
                terms.push(e.text());
            }
        }
        terms
    }
}

/// The longest text [`classify`] reads, in bytes (16 MiB; a real 经营范围 is a few KB). A longer
/// one is [`CodeError::TextTooLong`] (batch surfaces: status `invalid`, reason `text_too_long`),
/// so that what one record costs stays bounded: the evidence grows with the matches, to about
/// 20× the text for one catalogue term repeated (see BENCHMARKS.md).
pub const MAX_TEXT_BYTES: usize = 16 << 20;

/// Classifies one record: an optional code field and an optional text (经营范围 or product list).
///
/// Empty or blank fields count as absent. A code field that cannot be read, or a text longer than
/// [`MAX_TEXT_BYTES`] (16 MiB), is an `Err`, never a status. See the crate documentation for the rules,
/// with examples.
///
/// ```
/// use digicat::{classify, Options, Reason, Status};
/// let c = classify(Some("I6513"), Some("计算机视听觉软件"), &Options::default()).unwrap();
/// assert_eq!((c.status, c.reason), (Status::InScope, Reason::ListedProduct));
/// assert_eq!(c.industry_ids().collect::<Vec<_>>(), [3]);
/// ```
pub fn classify(
    code: Option<&str>,
    text: Option<&str>,
    options: &Options,
) -> Result<Classification, CodeError> {
    if let Some(len) = text.map(str::len).filter(|len| *len > MAX_TEXT_BYTES) {
        return Err(CodeError::TextTooLong {
            len,
            limit: MAX_TEXT_BYTES,
        });
    }
    let reading = match code {
        Some(field) => read_code_field(field, options.edition)?,
        None => None,
    };
    let evidence = text.map_or_else(Vec::new, |t| find_terms(t, options.policy));
    Ok(decide(reading, evidence, options.policy))
}

/// The status rules ([`rules::decide`]) over the Dongguan rows.
fn decide(reading: Option<CodeReading>, evidence: Vec<Evidence>, policy: Policy) -> Classification {
    let decisive = row_set(
        evidence
            .iter()
            .filter(|e| e.term.is_decisive(policy))
            .map(|e| e.row()),
    );
    let named = row_set(evidence.iter().map(|e| e.row()));
    let facts = reading.map_or_else(CodeFacts::default, |r| CodeFacts {
        own: r.row_set(),
        whole: matches!(r, CodeReading::Class(code) if rows_for_code(code).any(|r| !r.is_partial())),
        inferred: matches!(r, CodeReading::Class(code) if rows_for_code(code).any(Row::is_inferred)),
    });
    let (reason, set) = rules::decide(reading, facts, decisive, named, |hits| {
        basis(&evidence, hits, policy)
    });
    Classification {
        status: reason.status(),
        reason,
        code: reading,
        industries: set_industries(set),
        rows: set_rows(set),
        evidence,
    }
}

/// The strongest basis among the decisive evidence for `hits`.
fn basis(evidence: &[Evidence], hits: RowSet, policy: Policy) -> Reason {
    let kinds = evidence
        .iter()
        .filter(|e| e.term.is_decisive(policy) && hits.contains_index(e.row().index))
        .map(|e| e.kind());
    match kinds.min() {
        Some(EvidenceKind::Product | EvidenceKind::Alias) => Reason::ListedProduct,
        Some(EvidenceKind::ScopePhrase) => Reason::ScopePhrase,
        _ => Reason::ClassName,
    }
}
