//! The one classification engine: a code and a text in, a status with its reason out.

use crate::catalogue::{rows, rows_for_code, Industry, Row};
use crate::code::{fold, parse_parts, successors_2011, Code, Edition, GbtEntry, Level};
use crate::error::CodeError;
use crate::matcher::{find_terms, Evidence, EvidenceKind, Policy};
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
    /// needs_review: no code, but catalogue terms named.
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
            | Reason::OldEditionCode => Status::NeedsReview,
            Reason::BlankRow | Reason::FooterRow => Status::Skipped,
        }
    }
    /// Every reason (the batch-only `blank_row` and `footer_row` last).
    pub const ALL: [Reason; 13] = [
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
    /// A GB/T 4754-2017 中类 or 大类.
    Coarse(Code),
    /// A GB/T 4754-2011 小类 with its known 2017 successors (possibly none).
    OldClass(Code, &'static [Code]),
}

impl CodeReading {
    /// The code as given (2011 number for an old class).
    pub fn code(self) -> Code {
        match self {
            CodeReading::Class(c) | CodeReading::Coarse(c) | CodeReading::OldClass(c, _) => c,
        }
    }
    /// The code's entry in the edition it was read in.
    pub fn entry(self) -> Option<&'static GbtEntry> {
        match self {
            CodeReading::OldClass(c, _) => c.gbt2011(),
            CodeReading::Class(c) | CodeReading::Coarse(c) => c.gbt2017(),
        }
    }
    /// The edition the code was read in: [`Edition::Gbt2011`] for an old class, else
    /// [`Edition::Gbt2017`].
    pub fn edition(self) -> Edition {
        match self {
            CodeReading::OldClass(..) => Edition::Gbt2011,
            _ => Edition::Gbt2017,
        }
    }
    /// The official name in the edition it was read in.
    pub fn name(self) -> Option<&'static str> {
        self.entry().map(GbtEntry::name)
    }
    /// The catalogue rows the code itself points at: the rows with the class; the rows within a
    /// 中类/大类; the rows of an old class's 2017 successors. Table order.
    pub fn rows(self) -> Vec<&'static Row> {
        self.row_set().rows()
    }
    /// The industries of [`rows`](Self::rows), by id.
    pub fn industries(self) -> Vec<&'static Industry> {
        self.row_set().industries()
    }
    fn row_set(self) -> RowSet {
        match self {
            CodeReading::Class(code) => RowSet::of(rows_for_code(code)),
            CodeReading::Coarse(code) => {
                RowSet::of(rows().iter().filter(|r| code.contains(r.code())))
            }
            CodeReading::OldClass(_, successors) => {
                RowSet::of(successors.iter().flat_map(|c| rows_for_code(*c)))
            }
        }
    }
}

/// Reads a code field: a code in any accepted form, an exact GB/T 4754-2017 小类 name, or a code
/// followed by its name (`I6513 应用软件开发`, `6513-应用软件开发`). An empty field is `Ok(None)`.
///
/// ```
/// use digicat::{read_code_field, CodeReading, Edition};
/// let r = read_code_field("基础软件开发", Edition::Auto).unwrap().unwrap();
/// assert_eq!(r.code().to_string(), "6511");
/// assert!(read_code_field("6513 基础软件开发", Edition::Auto).is_err());
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
        // Class names are Chinese: an all-ASCII field that is not a code is just malformed.
        Err(e @ CodeError::Malformed { .. }) if field.is_ascii() => Err(e),
        Err(e @ CodeError::Malformed { .. }) => read_named_code(field, edition, e).map(Some),
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

/// A field that is not a bare code: a class name, or a code and a name. `malformed` is the error
/// for the field read as a bare code, returned when the field has digits but no code-and-name
/// reading.
fn read_named_code(
    field: &str,
    edition: Edition,
    malformed: CodeError,
) -> Result<CodeReading, CodeError> {
    if let Some(code) = Code::from_class_name(field) {
        return Ok(CodeReading::Class(code));
    }
    let parts = split_code_and_name(field).filter(|(_, name)| !name.is_ascii());
    let Some(((code, letter), name)) =
        parts.and_then(|(c, name)| Some((parse_parts(c).ok()?, name)))
    else {
        let has_digits = field.chars().any(|c| fold(c).is_ascii_digit());
        return Err(if has_digits {
            malformed
        } else {
            CodeError::UnknownName {
                input: field.to_owned(),
            }
        });
    };
    let reading = check_section(field, read_code(code, edition)?, letter)?;
    let official = reading.name().unwrap_or("");
    if same_name(official, name) {
        return Ok(reading);
    }
    // Under auto, a code written with its 2011 name is read in the 2011 numbering.
    let old_name = code.gbt2011().map(|e| e.name());
    if edition == Edition::Auto
        && matches!(reading, CodeReading::Class(_))
        && old_name.is_some_and(|n| same_name(n, name))
    {
        return check_section(field, read_code(code, Edition::Gbt2011)?, letter);
    }
    Err(CodeError::NameMismatch {
        code,
        official,
        given: name.to_owned(),
    })
}

/// Names equal after normalisation (bracket width, case and spaces ignored).
fn same_name(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (crate::matcher::KeyBuf::new(), crate::matcher::KeyBuf::new());
    matches!((x.normalized(a), y.normalized(b)), (Some(a), Some(b)) if a == b)
}

/// Splits `I6513 应用软件开发`, `6513-应用软件开发`, `6513（应用软件开发）`, `Ｉ６５１３、应用软件开发` into
/// the code part and the name; `None` when the field does not start with a code.
fn split_code_and_name(field: &str) -> Option<(&str, &str)> {
    let mut chars = field.char_indices().map(|(i, c)| (i, fold(c))).peekable();
    if chars.next_if(|(_, c)| c.is_ascii_alphabetic()).is_some() {
        chars.next_if(|(_, c)| matches!(c, ' ' | '-'));
    }
    let mut digits = 0;
    while chars.next_if(|(_, c)| c.is_ascii_digit()).is_some() {
        digits += 1;
    }
    chars.next_if(|(_, c)| *c == '*');
    let split = chars.peek().map_or(field.len(), |(i, _)| *i);
    let (code, rest) = field.split_at(split);
    let name = rest.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(fold(c), '-' | ':' | '_' | ',')
            || matches!(c, '—' | '、' | '，')
    });
    let name = [('(', ')'), ('（', '）'), ('【', '】'), ('[', ']')]
        .iter()
        .find_map(|(open, close)| name.strip_prefix(*open)?.strip_suffix(*close))
        .unwrap_or(name);
    (digits > 0 && !name.is_empty()).then_some((code, name))
}

/// Checks a parsed code against the code lists of the edition.
fn read_code(code: Code, edition: Edition) -> Result<CodeReading, CodeError> {
    let in_2017 = code.gbt2017().is_some();
    let unknown = |edition: &'static str, hint: String| CodeError::Unknown {
        code,
        level: code.level(),
        edition,
        hint,
    };
    if code.level() != Level::Class {
        return if in_2017 {
            Ok(CodeReading::Coarse(code))
        } else {
            Err(unknown("2017", String::new()))
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
        Edition::Auto => Err(unknown(
            "2017",
            " and not a GB/T 4754-2011 小类 either".into(),
        )),
        Edition::Gbt2017 if in_2017 => Ok(CodeReading::Class(code)),
        Edition::Gbt2017 => {
            let hint = if code.gbt2011().is_some() {
                "; it is a GB/T 4754-2011 小类: read with edition 2011 or auto".into()
            } else {
                String::new()
            };
            Err(unknown("2017", hint))
        }
        Edition::Gbt2011 if code.gbt2011().is_some() => Ok(old()),
        Edition::Gbt2011 => Err(unknown("2011", String::new())),
    }
}

/// A set of catalogue rows (by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct RowSet(u64);

impl RowSet {
    fn of<'a>(rows: impl IntoIterator<Item = &'a Row>) -> RowSet {
        RowSet(rows.into_iter().fold(0, |m, r| m | 1 << r.index))
    }
    fn is_empty(self) -> bool {
        self.0 == 0
    }
    fn union(self, o: RowSet) -> RowSet {
        RowSet(self.0 | o.0)
    }
    fn intersect(self, o: RowSet) -> RowSet {
        RowSet(self.0 & o.0)
    }
    /// `self ∩ narrow` when that is not empty, else `self`.
    fn narrowed_by(self, narrow: RowSet) -> RowSet {
        let both = self.intersect(narrow);
        if both.is_empty() {
            self
        } else {
            both
        }
    }
    fn contains(self, row: &Row) -> bool {
        self.0 & 1 << row.index != 0
    }
    fn rows(self) -> Vec<&'static Row> {
        rows().iter().filter(|r| self.contains(r)).collect()
    }
    /// The industries of the rows, by id (rows are in industry order).
    fn industries(self) -> Vec<&'static Industry> {
        let mut industries: Vec<&'static Industry> = rows()
            .iter()
            .filter(|r| self.contains(r))
            .map(|r| r.industry())
            .collect();
        industries.dedup_by_key(|i| i.id());
        industries
    }
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

/// Classifies one record: an optional code field and an optional text (经营范围 or product list).
///
/// Empty or blank fields count as absent. A code field that cannot be read is an `Err`, never a
/// status. See the crate documentation for the rules, with examples.
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
    let reading = match code {
        Some(field) => read_code_field(field, options.edition)?,
        None => None,
    };
    let evidence = text.map_or_else(Vec::new, |t| find_terms(t, options.policy));
    Ok(decide(reading, evidence, options.policy))
}

/// The status rules, given the code reading and the evidence.
fn decide(reading: Option<CodeReading>, evidence: Vec<Evidence>, policy: Policy) -> Classification {
    let decisive = RowSet::of(
        evidence
            .iter()
            .filter(|e| e.term.is_decisive(policy))
            .map(|e| e.row()),
    );
    let named = RowSet::of(evidence.iter().map(|e| e.row()));
    let (reason, set) = match reading {
        None if named.is_empty() => (Reason::NothingNamed, RowSet::default()),
        None => (Reason::NoCode, named),
        Some(reading) => {
            let own = reading.row_set();
            match reading {
                _ if own.is_empty() && !matches!(reading, CodeReading::OldClass(_, [])) => {
                    outside(decisive)
                }
                CodeReading::Class(code) if rows_for_code(code).any(|r| !r.is_partial()) => {
                    (Reason::WholeClass, own)
                }
                CodeReading::Class(_) if !own.intersect(decisive).is_empty() => {
                    let hits = own.intersect(decisive);
                    (basis(&evidence, hits, policy), hits)
                }
                CodeReading::Class(_) if !decisive.is_empty() => {
                    (Reason::ProductsOutsideCode, own.union(decisive))
                }
                CodeReading::Class(_) => (Reason::NoProductEvidence, own),
                CodeReading::Coarse(_) => (Reason::CoarseCode, own.narrowed_by(named)),
                // With no known successor, the terms named are the only candidates.
                CodeReading::OldClass(_, []) => (Reason::OldEditionCode, named),
                CodeReading::OldClass(..) => (Reason::OldEditionCode, own.narrowed_by(named)),
            }
        }
    };
    Classification {
        status: reason.status(),
        reason,
        code: reading,
        industries: set.industries(),
        rows: set.rows(),
        evidence,
    }
}

/// A valid code outside the catalogue: review only when decisive catalogue terms are named.
fn outside(decisive: RowSet) -> (Reason, RowSet) {
    if decisive.is_empty() {
        (Reason::CodeOutsideCatalogue, RowSet::default())
    } else {
        (Reason::ProductsOutsideCode, decisive)
    }
}

/// The strongest basis among the decisive evidence for `hits`.
fn basis(evidence: &[Evidence], hits: RowSet, policy: Policy) -> Reason {
    let kinds = evidence
        .iter()
        .filter(|e| e.term.is_decisive(policy) && hits.contains(e.row()))
        .map(|e| e.kind());
    match kinds.min() {
        Some(EvidenceKind::Product | EvidenceKind::Alias) => Reason::ListedProduct,
        Some(EvidenceKind::ScopePhrase) => Reason::ScopePhrase,
        _ => Reason::ClassName,
    }
}
