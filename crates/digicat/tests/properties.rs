//! Property tests: parsing, normalisation, matching and classification on arbitrary input.

use digicat::{
    classify, find_terms, normalize, Code, CodeReading, Edition, Options, Policy, Reason,
};
use proptest::prelude::*;

fn any_code() -> impl Strategy<Value = Code> {
    (2u32..=4)
        .prop_flat_map(|d| (Just(d), 0..10u32.pow(d)))
        .prop_map(|(d, v)| {
            format!("{v:0width$}", width = d as usize)
                .parse()
                .expect("digits parse")
        })
}

/// Text mixing catalogue terms with arbitrary characters, full-width forms and spaces.
fn catalogue_text() -> impl Strategy<Value = String> {
    let terms: Vec<&'static str> = digicat::products()
        .iter()
        .map(|p| p.name())
        .chain(digicat::aliases().iter().map(|a| a.alias()))
        .chain(digicat::scope_phrases().iter().map(|p| p.phrase()))
        .chain(digicat::variants().iter().map(|v| v.variant()))
        .collect();
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(terms),
            Just("；"),
            Just("　"),
            Just(" "),
            Just("（"),
            Just("Ａ"),
            Just("㎏"),
            Just("e\u{301}"),
        ]
        .prop_map(str::to_owned)
        .boxed()
        .prop_union(any::<String>().boxed()),
        0..8,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn code_display_round_trips(code in any_code()) {
        let shown = code.to_string();
        prop_assert_eq!(shown.parse::<Code>().unwrap(), code);
        // With its own section letter and a star it reads the same (codes in either edition).
        if let Some(entry) = code.gbt2017().or_else(|| code.gbt2011()) {
            let decorated = format!("{}-{shown}*", entry.section());
            prop_assert_eq!(decorated.parse::<Code>().unwrap(), code);
        }
    }

    #[test]
    fn code_parse_never_panics(s in any::<String>()) {
        let _ = s.parse::<Code>();
        let _ = digicat::read_code_field(&s, Edition::Auto);
        let _ = digicat::read_code_field(&s, Edition::Gbt2011);
    }

    #[test]
    fn normalization_is_idempotent(s in catalogue_text()) {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once.clone());
        prop_assert!(!once.chars().any(char::is_whitespace));
        prop_assert!(!once.chars().any(|c| c.is_ascii_uppercase()));
    }

    #[test]
    fn classify_never_panics(code in any::<Option<String>>(), text in prop::option::of(catalogue_text())) {
        for policy in [Policy::Standard, Policy::Strict] {
            for edition in [Edition::Auto, Edition::Gbt2017, Edition::Gbt2011] {
                let _ = classify(code.as_deref(), text.as_deref(), &Options { policy, edition });
            }
        }
    }

    #[test]
    fn evidence_spans_are_exact(text in catalogue_text()) {
        let found = find_terms(&text, Policy::Standard);
        for e in &found {
            prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
            prop_assert!(e.start < e.end);
            let slice = e.matched(&text).unwrap();
            // The term as written in the data, or the variant wording that stands for it.
            let written = e.term().variant().map_or(e.text(), |v| v.variant());
            prop_assert_eq!(normalize(slice), normalize(written));
        }
        // Non-overlapping and in text order (several rows may share one span).
        for w in found.windows(2) {
            prop_assert!(w[0].start == w[1].start && w[0].end == w[1].end || w[0].end <= w[1].start);
        }
    }

    #[test]
    fn strict_evidence_is_products_and_aliases(text in catalogue_text()) {
        for e in find_terms(&text, Policy::Strict) {
            prop_assert!(matches!(e.kind(), digicat::EvidenceKind::Product | digicat::EvidenceKind::Alias));
        }
    }

    /// Without a code, decisive terms alone give the candidates; broader phrases only when
    /// nothing decisive is named.
    #[test]
    fn decisive_terms_alone_give_candidates(text in catalogue_text()) {
        for policy in [Policy::Standard, Policy::Strict] {
            let c = classify(None, Some(&text), &Options { policy, ..Options::default() }).unwrap();
            let decisive: Vec<usize> = c
                .evidence
                .iter()
                .filter(|e| e.term().is_decisive(policy))
                .map(|e| e.row().index())
                .collect();
            let want = if !decisive.is_empty() {
                Reason::NoCode
            } else if !c.evidence.is_empty() {
                Reason::BroaderPhrasesOnly
            } else {
                Reason::NothingNamed
            };
            prop_assert_eq!(c.reason, want);
            if want == Reason::NoCode {
                prop_assert!(c.rows.iter().all(|r| decisive.contains(&r.index())));
            }
            prop_assert!(policy == Policy::Standard || c.reason != Reason::BroaderPhrasesOnly);
        }
    }

    /// Any levels of a catalogue class's chain, as codes or names, in either order and with any
    /// separator, read as that class.
    #[test]
    fn class_hierarchies_read_as_the_class(
        row in 0..digicat::rows().len(),
        sep in prop::sample::select(vec!["/", "-", ">", " > ", "|", "、", "－", "／", "→", " "]),
        levels in 0u8..8,
        as_names in 0u8..16,
        reversed in any::<bool>(),
    ) {
        let code = digicat::rows()[row].code();
        let mut chain = vec![code.gbt2017().unwrap()];
        while let Some(parent) = chain.last().unwrap().parent_entry() {
            chain.push(parent);
        }
        chain.reverse(); // section, division, group, class
        let mut parts: Vec<String> = chain
            .iter()
            .enumerate()
            .filter(|(i, _)| *i == 3 || levels & (1 << i) != 0)
            .map(|(i, e)| if as_names & (1 << i) != 0 { e.name().to_owned() } else { e.code().to_owned() })
            .collect();
        if reversed {
            parts.reverse();
        }
        let field = parts.join(sep);
        let read = digicat::read_code_field(&field, Edition::Auto);
        prop_assert_eq!(read, Ok(Some(CodeReading::Class(code))), "{}", field);
    }
}
