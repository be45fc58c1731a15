//! Classifying a record against the classification: its own terms found in the text, then the
//! shared status rules ([`crate::rules::decide`]) over its 小类.

use super::catalogue::{classes, classes_for_code, Class, GbtRef, TermEntry};
use super::tables;
use crate::classify::{
    old_coarse_successors, read_code_field, CodeReading, Options, Reason, Status,
};
use crate::code::Code;
use crate::error::CodeError;
use crate::matcher::{EvidenceKind, Policy};
use crate::rules::{self, CodeFacts, RowSet};
use crate::spans;

/// A matchable term bound to one 小类: a reviewed term of its 说明 (kind `product`) or the GB/T
/// name of a class it takes whole (kind `class_name`).
#[derive(Debug, PartialEq, Eq)]
pub struct Term {
    pub(crate) text: &'static str,
    pub(crate) kind: EvidenceKind,
    pub(crate) class: usize,
    pub(crate) entry: Option<usize>,
}

impl Term {
    /// The term as written in the data.
    pub fn text(&self) -> &'static str {
        self.text
    }
    /// `product` for a reviewed 说明 term, `class_name` for a whole class's GB/T name.
    pub fn kind(&self) -> EvidenceKind {
        self.kind
    }
    /// The 小类 it is evidence for.
    pub fn class(&self) -> &'static Class {
        &tables::CLASSES[self.class]
    }
    /// The reviewed line, for a `product` term.
    pub fn entry(&self) -> Option<&'static TermEntry> {
        self.entry.map(|e| &tables::TERM_ENTRIES[e])
    }
    /// `true` when the term counts under `policy` (class names only under the standard policy);
    /// every term that counts is decisive (this catalogue has no broader phrases).
    pub fn is_decisive(&self, policy: Policy) -> bool {
        policy == Policy::Standard || self.kind == EvidenceKind::Product
    }
}

/// A term found in a text, with its byte span in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evidence {
    /// The term that matched.
    pub term: &'static Term,
    /// Byte offset of the first character of the match in the original text.
    pub start: usize,
    /// Byte offset just past the match in the original text.
    pub end: usize,
}

/// The classification of one record against 《数字经济及其核心产业统计分类（2021）》.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// in_scope, needs_review or out_of_scope (out of 01–04; 05 is never assessed).
    pub status: Status,
    /// Why, with the same reasons as the Dongguan catalogue.
    pub reason: Reason,
    /// How the code field was read (`None` when there was no code).
    pub code: Option<CodeReading>,
    /// For in_scope: the 小类; for needs_review: the candidate 小类 (every 小类 the code and the
    /// terms point at, e.g. both 030304 and 030307 for 6429); in table order.
    pub classes: Vec<&'static Class>,
    /// The (小类, GB/T code) pairs behind `classes`: for each 小类, its codes the code field points
    /// at, or all its codes when it was reached by terms alone.
    pub rows: Vec<(&'static Class, &'static GbtRef)>,
    /// Every term found in the text (admitted by the policy), in text order.
    pub evidence: Vec<Evidence>,
}

impl Classification {
    /// The distinct terms of the evidence, in text order.
    pub fn terms(&self) -> Vec<&'static str> {
        let mut terms: Vec<&'static str> = Vec::with_capacity(self.evidence.len());
        for e in &self.evidence {
            if !terms.contains(&e.term.text) {
                terms.push(e.term.text);
            }
        }
        terms
    }
}

/// Classifies one record: an optional code field (read exactly as [`crate::classify`] reads it)
/// and an optional text. Same statuses and reasons as the Dongguan catalogue, over the 小类 of
/// 01–04; `products` are the reviewed 说明 terms of `data/catalogues/szjj-2021/terms.tsv`.
///
/// ```
/// use digicat::{szjj, Options, Reason, Status};
/// let o = Options::default();
/// let c = szjj::classify(Some("6513"), None, &o)?;
/// assert_eq!((c.status, c.reason), (Status::InScope, Reason::WholeClass));
/// assert_eq!(c.classes[0].code(), "030103");
/// let c = szjj::classify(Some("6429"), Some("网上音乐"), &o)?;
/// assert_eq!((c.status, c.classes[0].code()), (Status::InScope, "030307"));
/// let c = szjj::classify(Some("6429"), None, &o)?;
/// assert_eq!(c.classes.iter().map(|c| c.code()).collect::<Vec<_>>(), ["030304", "030307"]);
/// # Ok::<(), digicat::CodeError>(())
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
    let named = RowSet::of_indices(evidence.iter().map(|e| e.term.class));
    let facts = reading.map_or_else(CodeFacts::default, facts);
    let (reason, set) = rules::decide(reading, facts, named, named, |hits| {
        let product = evidence
            .iter()
            .any(|e| e.term.kind == EvidenceKind::Product && hits.contains_index(e.term.class));
        if product {
            Reason::ListedProduct
        } else {
            Reason::ClassName
        }
    });
    let answer: Vec<&'static Class> = set.indices().filter_map(|i| classes().get(i)).collect();
    let pointed = reading.map(pointed_codes);
    let rows = answer
        .iter()
        .flat_map(|c| {
            let hit: Vec<&'static GbtRef> = c
                .gbt
                .iter()
                .filter(|g| pointed.as_ref().is_some_and(|p| p.contains(&g.code)))
                .collect();
            let refs = if hit.is_empty() {
                c.gbt.iter().collect()
            } else {
                hit
            };
            refs.into_iter().map(move |g| (*c, g))
        })
        .collect();
    Ok(Classification {
        status: reason.status(),
        reason,
        code: reading,
        classes: answer,
        rows,
        evidence,
    })
}

/// The 2017 小类 a reading points at.
fn pointed_codes(reading: CodeReading) -> Vec<Code> {
    match reading {
        CodeReading::Class(code) => vec![code],
        CodeReading::Coarse(code) => core_refs()
            .filter(|g| code.contains(g.code))
            .map(|g| g.code)
            .collect(),
        CodeReading::OldClass(_, successors) => successors.to_vec(),
        CodeReading::OldCoarse(code) => old_coarse_successors(code).collect(),
    }
}

/// The GB/T references of the classifiable 小类.
fn core_refs() -> impl Iterator<Item = &'static GbtRef> {
    classes()
        .iter()
        .filter(|c| c.is_classifiable())
        .flat_map(|c| c.gbt.iter())
}

/// What the reading points at among the classifiable 小类.
fn facts(reading: CodeReading) -> CodeFacts {
    let of_codes = |codes: &[Code]| {
        RowSet::of_indices(
            codes
                .iter()
                .flat_map(|c| classes_for_code(*c))
                .map(|c| c.index),
        )
    };
    let own = of_codes(&pointed_codes(reading));
    let whole = match reading {
        CodeReading::Class(code) => classes_for_code(code)
            .flat_map(|c| c.gbt.iter())
            .any(|g| g.code == code && !g.partial),
        _ => false,
    };
    CodeFacts {
        own,
        whole,
        inferred: false,
    }
}

/// Every term named in `text` under `policy`, leftmost-longest and non-overlapping after
/// normalisation (as the Dongguan matcher normalises, with the same scanner), in text
/// order; a match naming several 小类 yields one evidence per 小类.
///
/// ```
/// let found = digicat::szjj::find_terms("提供网上音乐服务", digicat::Policy::Strict);
/// assert_eq!(found[0].term.class().code(), "030307");
/// assert_eq!((found[0].start, found[0].end), (6, 18));
/// ```
pub fn find_terms(text: &str, policy: Policy) -> Vec<Evidence> {
    let mut out = Vec::new();
    // Every term that counts is decisive (this catalogue has no broader phrases); a pattern's
    // terms are sorted strongest kind first.
    let decisive = |pattern: usize| {
        tables::PATTERN_TERMS
            .get(pattern)
            .and_then(|t| t.first())
            .is_some_and(|t| t.is_decisive(policy))
    };
    let patterns = spans::Patterns {
        counts: decisive,
        decisive,
    };
    spans::find(&tables::SCANNER, text, &patterns, |start, end, pattern| {
        let terms = tables::PATTERN_TERMS.get(pattern).copied().unwrap_or(&[]);
        out.extend(
            terms
                .iter()
                .filter(|t| t.is_decisive(policy))
                .map(|term| Evidence { term, start, end }),
        );
    });
    out
}
