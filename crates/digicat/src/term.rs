//! Catalogue terms: what the matcher finds, as the compile-time tables hold them.

use crate::catalogue::{Product, Relation, Row, ScopePhrase, Variant};
use crate::tables;
use std::fmt;

/// What kind of catalogue term a piece of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
pub enum EvidenceKind {
    /// A listed product or service of the catalogue.
    Product,
    /// A curated alias of a listed product.
    Alias,
    /// A standard business-scope phrase from the crosswalk (see [`Evidence::relation`](crate::Evidence::relation)).
    ScopePhrase,
    /// The GB/T 4754-2017 name of a whole-class catalogue code, e.g. `集成电路设计`.
    ClassName,
}

impl EvidenceKind {
    /// Stable snake_case name: `product`, `alias`, `scope_phrase` or `class_name`.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Product => "product",
            EvidenceKind::Alias => "alias",
            EvidenceKind::ScopePhrase => "scope_phrase",
            EvidenceKind::ClassName => "class_name",
        }
    }
}

impl fmt::Display for EvidenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which terms count as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
pub enum Policy {
    /// Catalogue products and aliases, plus registration phrases and class names (default).
    #[default]
    Standard,
    /// Only catalogue products and their aliases.
    Strict,
}

impl Policy {
    /// Stable name: `standard` or `strict`.
    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Standard => "standard",
            Policy::Strict => "strict",
        }
    }

    pub(crate) fn admits(self, kind: EvidenceKind) -> bool {
        self == Policy::Standard || matches!(kind, EvidenceKind::Product | EvidenceKind::Alias)
    }
}

impl std::str::FromStr for Policy {
    type Err = crate::CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "standard" => Ok(Policy::Standard),
            "strict" => Ok(Policy::Strict),
            other => Err(crate::CodeError::Option {
                option: "policy",
                value: other.to_owned(),
                expected: "standard or strict",
            }),
        }
    }
}

/// A matchable catalogue term bound to one row.
#[derive(Debug)]
pub struct Term {
    pub(crate) text: &'static str,
    pub(crate) kind: EvidenceKind,
    pub(crate) relation: Option<Relation>,
    pub(crate) row: usize,
    pub(crate) product: Option<usize>,
    pub(crate) phrase: Option<usize>,
    pub(crate) variant: Option<usize>,
}

impl Term {
    /// The term as written in the data (product name, alias, phrase or class name).
    pub fn text(&self) -> &'static str {
        self.text
    }
    /// What kind of term it is.
    pub fn kind(&self) -> EvidenceKind {
        self.kind
    }
    /// For scope phrases: equivalent or broader.
    pub fn relation(&self) -> Option<Relation> {
        self.relation
    }
    /// The row this term is evidence for.
    pub fn row(&self) -> &'static Row {
        &tables::ROWS[self.row]
    }
    /// The product, for products and aliases.
    pub fn product(&self) -> Option<&'static Product> {
        self.product.map(|p| &tables::PRODUCTS[p])
    }
    /// The crosswalk entry, for scope phrases.
    pub fn scope_phrase(&self) -> Option<&'static ScopePhrase> {
        self.phrase.map(|p| &tables::SCOPE_PHRASES[p])
    }
    /// When the match was an older wording of this term (`data/vocabulary/variants.tsv`), that
    /// variant; the term's text, kind and relation are the target's own.
    pub fn variant(&self) -> Option<&'static Variant> {
        self.variant.map(|v| &tables::VARIANTS[v])
    }
    /// `true` when this term can by itself place a record with the row's code in scope
    /// under `policy` (everything but broader phrases).
    pub fn is_decisive(&self, policy: Policy) -> bool {
        policy.admits(self.kind) && self.relation != Some(Relation::Broader)
    }
}
