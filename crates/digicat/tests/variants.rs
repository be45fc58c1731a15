//! The reviewed variant wordings (`data/vocabulary/variants.tsv`): each counts as its target term.

use digicat::{find_terms, lookup_terms, normalize, variants, EvidenceKind, Policy};

/// Every variant, found in a text, gives exactly its target's evidence (text, kind, relation,
/// rows), marked with the variant, and spans the wording as written.
#[test]
fn every_variant_gives_its_target() {
    assert!(variants().len() >= 8);
    for v in variants() {
        assert!(!v.justification().is_empty());
        let text = format!("经营范围：{}。", v.variant());
        let found = find_terms(&text, Policy::Standard);
        let target = lookup_terms(v.target());
        assert!(!target.is_empty(), "{}", v.target());
        assert_eq!(found.len(), target.len(), "{}: {found:?}", v.variant());
        for (e, t) in found.iter().zip(target) {
            assert_eq!(e.text(), t.text());
            assert_eq!(normalize(e.text()), normalize(v.target()));
            assert_eq!((e.kind(), e.relation()), (t.kind(), t.relation()));
            assert_eq!(e.row().id(), t.row().id());
            assert_eq!(e.term().variant().map(|x| x.variant()), Some(v.variant()));
            assert_eq!(e.matched(&text), Some(v.variant()));
        }
        // Looking the variant up exactly gives the same terms.
        let looked: Vec<&str> = lookup_terms(v.variant()).iter().map(|t| t.text()).collect();
        let want: Vec<&str> = target.iter().map(|t| t.text()).collect();
        assert_eq!(looked, want);
        // The target itself is no variant.
        assert!(target.iter().all(|t| t.variant().is_none()));
    }
}

/// Under the strict policy a variant counts exactly when its target would: only products and
/// aliases count, so the variants of scope phrases and class names give nothing.
#[test]
fn strict_policy_treats_variants_as_their_targets() {
    for v in variants() {
        let strict = find_terms(v.variant(), Policy::Strict);
        let target_strict = find_terms(v.target(), Policy::Strict);
        assert_eq!(strict.len(), target_strict.len(), "{}", v.variant());
        assert!(strict
            .iter()
            .all(|e| matches!(e.kind(), EvidenceKind::Product | EvidenceKind::Alias)));
    }
    assert!(find_terms("集成电路的设计与开发", Policy::Strict).is_empty());
}

/// The longer wording wins over a variant inside it, and the standard term over a variant that
/// is its prefix.
#[test]
fn longest_wording_is_taken() {
    let text = "集成电路的设计与开发";
    let found = find_terms(text, Policy::Standard);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].start, found[0].end), (0, text.len()));
    let found = find_terms("信息系统集成服务", Policy::Standard);
    assert!(
        found.iter().all(|e| e.term().variant().is_none()),
        "{found:?}"
    );
}
