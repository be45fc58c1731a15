//! Finding catalogue terms (products, aliases, scope phrases, class names) in free text.

use crate::catalogue::{Product, Relation, Row};
use crate::normalize::KeyBuf;
use crate::scan::Scanner;
use crate::spans;
use crate::tables;
pub use crate::term::{EvidenceKind, Policy, Term};

/// A catalogue term found in a text, with its byte span in the original text.
#[derive(Debug, Clone, Copy)]
pub struct Evidence {
    pub(crate) term: &'static Term,
    /// Byte offset of the first character of the match in the original text.
    pub start: usize,
    /// Byte offset just past the match in the original text.
    pub end: usize,
}

impl Evidence {
    /// The catalogue term that matched.
    pub fn term(&self) -> &'static Term {
        self.term
    }
    /// The term as written in the data.
    pub fn text(&self) -> &'static str {
        self.term.text
    }
    /// Evidence kind.
    pub fn kind(&self) -> EvidenceKind {
        self.term.kind
    }
    /// For scope phrases: equivalent or broader.
    pub fn relation(&self) -> Option<Relation> {
        self.term.relation
    }
    /// The row this is evidence for.
    pub fn row(&self) -> &'static Row {
        self.term.row()
    }
    /// The matched slice of `text` (the text that was scanned).
    pub fn matched<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
}

impl PartialEq for Evidence {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.term, other.term) && self.start == other.start && self.end == other.end
    }
}

impl Eq for Evidence {}

/// The automaton of every catalogue pattern (a match reports the pattern's index in `PATTERN_TERMS`),
/// built by the build script.
fn scanner() -> &'static Scanner {
    &tables::SCANNER
}

/// Nothing to build any more: the automaton is compiled into the binary (kept so that callers
/// that warm up at start-up still compile; it touches nothing).
pub fn warm_up() {}

/// Finds every catalogue term named in `text`, after normalisation (NFKC, ASCII case folded,
/// whitespace ignored). Spans are byte offsets in `text`. The terms that can decide under the
/// policy are chosen leftmost-longest and non-overlapping; then (standard policy) broader phrases,
/// leftmost-longest, in the text those leave — so `软件开发` never hides the product `开发管理软件`
/// in `软件开发管理软件`. A match naming several rows yields one evidence per row, strongest kind
/// first; evidence is in text order.
///
/// ```
/// use digicat::{find_terms, Policy};
/// let text = "软件开发；计算机视听觉软件";
/// let found = find_terms(text, Policy::Strict);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].text(), "计算机视听觉软件");
/// assert_eq!(found[0].row().id(), "3.2");
/// assert_eq!(&text[found[0].start..found[0].end], "计算机视听觉软件");
/// ```
pub fn find_terms(text: &str, policy: Policy) -> Vec<Evidence> {
    let mut out = Vec::new();
    find_terms_into(text, policy, &mut out);
    out
}

/// Like [`find_terms`], appending to `out` (lets a batch reuse one buffer).
pub fn find_terms_into(text: &str, policy: Policy, out: &mut Vec<Evidence>) {
    // Under the strict policy only patterns naming a product or alias count, all of them
    // decisive; under the standard policy every pattern counts.
    let patterns = spans::Patterns {
        counts: |pattern: usize| {
            policy == Policy::Standard || strongest(pattern).is_some_and(|t| policy.admits(t.kind))
        },
        decisive: |pattern: usize| strongest(pattern).is_some_and(|t| t.is_decisive(policy)),
    };
    spans::find(scanner(), text, &patterns, |start, end, pattern| {
        let terms = tables::PATTERN_TERMS.get(pattern).copied().unwrap_or(&[]);
        out.extend(
            terms
                .iter()
                .filter(|t| policy.admits(t.kind))
                .map(|term| Evidence { term, start, end }),
        );
    });
}

/// The strongest term of a pattern.
fn strongest(pattern: usize) -> Option<&'static Term> {
    tables::PATTERN_TERMS.get(pattern).and_then(|t| t.first())
}

/// The terms whose normalised form is exactly `name` (no allocation).
///
/// ```
/// let terms = digicat::lookup_terms("ＳａａＳ");
/// let rows: Vec<_> = terms.iter().map(|t| t.row().id()).collect();
/// assert_eq!(rows, ["4.5", "7.1"]);
/// ```
pub fn lookup_terms(name: &str) -> &'static [Term] {
    let mut buf = KeyBuf::new();
    buf.normalized(name)
        .and_then(|k| tables::PATTERN_INDEX.get(k))
        .map_or(&[], |i| tables::PATTERN_TERMS[usize::from(*i)])
}

/// The listed product whose name is exactly `name` after normalisation (aliases not included).
///
/// ```
/// let p = digicat::find_product("软件即服务(SaaS)").unwrap();
/// assert_eq!(p.row().id(), "7.1");
/// ```
pub fn find_product(name: &str) -> Option<&'static Product> {
    lookup_terms(name)
        .iter()
        .find(|t| t.kind == EvidenceKind::Product)
        .and_then(Term::product)
}
