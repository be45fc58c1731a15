//! Generated over the whole table: every product, every whole-class code, every starred code.

use digicat::{classify, Options, Policy, Reason, Status};

#[test]
fn every_product_is_in_scope_under_its_rows_code() {
    for policy in [Policy::Standard, Policy::Strict] {
        let options = Options {
            policy,
            ..Options::default()
        };
        for p in digicat::products() {
            let row = p.row();
            let c = classify(Some(&row.code().to_string()), Some(p.name()), &options).unwrap();
            assert_eq!(
                c.status,
                Status::InScope,
                "{} under {}",
                p.name(),
                row.code()
            );
            assert_eq!(c.reason, Reason::ListedProduct);
            assert_eq!(c.rows, [row], "{}", p.name());
            assert_eq!(c.industries, [row.industry()], "{}", p.name());
        }
    }
}

#[test]
fn every_alias_is_in_scope_under_its_products_code() {
    for a in digicat::aliases() {
        let row = a.product().row();
        let c = classify(
            Some(&row.code().to_string()),
            Some(a.alias()),
            &Options::default(),
        )
        .unwrap();
        assert_eq!(
            (c.status, c.reason),
            (Status::InScope, Reason::ListedProduct),
            "{}",
            a.alias()
        );
        assert!(c.rows.contains(&row));
    }
}

#[test]
fn every_whole_class_code_is_in_scope_with_no_text() {
    for row in digicat::rows().iter().filter(|r| !r.is_partial()) {
        let c = classify(Some(&row.code().to_string()), None, &Options::default()).unwrap();
        assert_eq!(
            (c.status, c.reason),
            (Status::InScope, Reason::WholeClass),
            "{}",
            row.code()
        );
        assert_eq!(c.rows, [row]);
    }
}

#[test]
fn every_starred_code_needs_review_with_no_text() {
    for row in digicat::rows().iter().filter(|r| r.is_partial()) {
        for text in [None, Some(""), Some("   ")] {
            let c = classify(Some(&row.code().to_string()), text, &Options::default()).unwrap();
            let reason = if row.is_inferred() {
                Reason::ProductsNotPublished
            } else {
                Reason::NoProductEvidence
            };
            assert_eq!((c.status, c.reason), (Status::NeedsReview, reason));
            let want: Vec<_> = digicat::rows_for_code(row.code()).collect();
            assert_eq!(c.rows, want, "candidates = every row with the code");
        }
    }
}

#[test]
fn equivalent_phrases_need_the_rows_code() {
    for phrase in digicat::scope_phrases() {
        if phrase.relation() != Some(digicat::Relation::Equivalent) {
            continue;
        }
        for row in phrase.rows() {
            let code = row.code().to_string();
            let standard =
                classify(Some(&code), Some(phrase.phrase()), &Options::default()).unwrap();
            assert_eq!(
                standard.status,
                Status::InScope,
                "{} under {code}",
                phrase.phrase()
            );
            assert!(standard.rows.contains(&row));
            let strict = Options {
                policy: Policy::Strict,
                ..Options::default()
            };
            let strict = classify(Some(&code), Some(phrase.phrase()), &strict).unwrap();
            // Under strict only listed products count: in scope only through a product or the whole class.
            if strict.status == Status::InScope {
                assert!(matches!(
                    strict.reason,
                    Reason::WholeClass | Reason::ListedProduct
                ));
            }
        }
    }
}

#[test]
fn broader_phrases_never_decide() {
    for phrase in digicat::scope_phrases() {
        if phrase.relation() != Some(digicat::Relation::Broader) {
            continue;
        }
        for row in phrase.rows().filter(|r| r.is_partial()) {
            let c = classify(
                Some(&row.code().to_string()),
                Some(phrase.phrase()),
                &Options::default(),
            )
            .unwrap();
            // The phrase may contain a product name (then the product decides), never itself.
            if c.status == Status::InScope {
                assert!(c
                    .evidence
                    .iter()
                    .any(|e| e.kind() != digicat::EvidenceKind::ScopePhrase));
            }
        }
    }
}

#[test]
fn statuses_and_reasons_have_stable_names() {
    let names: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        names,
        [
            "in_scope",
            "needs_review",
            "out_of_scope",
            "invalid",
            "skipped"
        ]
    );
    let reasons: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "whole_class",
            "listed_product",
            "scope_phrase",
            "class_name",
            "no_product_evidence",
            "no_code",
            "coarse_code",
            "products_outside_code",
            "old_edition_code",
            "code_outside_catalogue",
            "nothing_named",
            "products_not_published",
            "broader_phrases_only",
            "blank_row",
            "footer_row",
        ]
    );
    for r in [Reason::BlankRow, Reason::FooterRow] {
        assert_eq!(
            r.status(),
            Status::Skipped,
            "batch-only reasons of skipped rows"
        );
    }
    for r in Reason::ALL {
        assert_eq!(r.to_string(), r.as_str());
    }
}

#[test]
fn an_inferred_rows_code_is_never_decided_by_text() {
    // Whatever the text names, the code of a row whose products are not published gives
    // needs_review / products_not_published, with the row among the candidates and the rows of
    // the decisive terms named added, as products_outside_code does.
    let mut texts: Vec<&str> = digicat::products().iter().map(|p| p.name()).collect();
    texts.extend(digicat::aliases().iter().map(|a| a.alias()));
    texts.extend(digicat::scope_phrases().iter().map(|p| p.phrase()));
    texts.extend(["", "呼叫中心", "餐饮服务"]);
    for row in digicat::rows().iter().filter(|r| r.is_inferred()) {
        for policy in [Policy::Standard, Policy::Strict] {
            let options = Options {
                policy,
                ..Options::default()
            };
            for text in &texts {
                let c = classify(Some(&row.code().to_string()), Some(text), &options).unwrap();
                assert_eq!(
                    (c.status, c.reason),
                    (Status::NeedsReview, Reason::ProductsNotPublished),
                    "{text}"
                );
                assert!(c.rows.contains(&row), "{text}");
                let decisive = c.evidence.iter().filter(|e| e.term().is_decisive(policy));
                for e in decisive {
                    assert!(c.rows.contains(&e.row()), "{text}: {}", e.text());
                }
            }
        }
    }
}
