//! The byte-level engine gives the same results as the engine before it (issue 15) on the shared
//! vectors, the catalogue's own terms, property-test texts and the fuzz seed corpora
//! (`make fuzz-seeds`; `DIGICAT_FUZZ_CORPUS` names another directory). Run with
//! `cargo test -p digicat --features old-engine --test equivalence`; the 1M generated records:
//! `cargo run --release -p digicat-benches --features old-engine --bin equivalence`.
#![cfg(feature = "old-engine")]

use digicat::matcher_old::differences;
use proptest::prelude::*;
use std::path::PathBuf;

fn check(code: Option<&str>, text: &str) {
    if let Some(d) = differences(code, text) {
        panic!("old and new engines differ: {d}");
    }
}

#[test]
fn shared_vectors() {
    let mut n = 0;
    for (file, code_col, text_col) in [
        (
            include_str!("../../../tests/vectors/classify.tsv"),
            Some(1),
            2,
        ),
        (include_str!("../../../tests/vectors/spans.tsv"), None, 2),
    ] {
        for line in file.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            let code = code_col.map(|c| f[c]).filter(|c| !c.is_empty());
            check(code, f[text_col]);
            check(None, f[text_col]);
            n += 1;
        }
    }
    assert!(n > 50, "{n} vectors");
}

#[test]
fn catalogue_terms_in_every_form() {
    let terms = digicat::products()
        .iter()
        .map(|p| p.name())
        .chain(digicat::aliases().iter().map(|a| a.alias()))
        .chain(digicat::scope_phrases().iter().map(|p| p.phrase()))
        .chain(digicat::variants().iter().map(|v| v.variant()))
        .chain(digicat::rows().iter().map(|r| r.name()));
    let mut all = String::new();
    for t in terms {
        let wide: String = t
            .chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c),
                _ => c,
            })
            .collect();
        let upper = t.to_ascii_uppercase();
        let spaced: String = t.chars().flat_map(|c| [c, ' ']).collect();
        let expanded = format!("㎱{t}㎏");
        for form in [t, &wide, &upper, &spaced, &expanded] {
            check(Some("6513"), form);
            all.push_str(form);
            all.push('；');
        }
    }
    check(None, &all);
}

#[test]
fn fuzz_corpora() {
    let dir = std::env::var_os("DIGICAT_FUZZ_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus"));
    let Ok(targets) = std::fs::read_dir(&dir) else {
        eprintln!("no fuzz corpus at {} (make fuzz-seeds)", dir.display());
        return;
    };
    let mut n = 0;
    for target in targets.flatten().filter(|t| t.path().is_dir()) {
        for file in std::fs::read_dir(target.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let bytes = std::fs::read(file.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            check(None, &text);
            check(Some("6513"), &text);
            n += 1;
        }
    }
    eprintln!("{n} fuzz corpus files compared");
}

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
            Just("Saas"),
            Just("㎏"),
            Just("ℌ"),
            Just("e\u{301}"),
            Just("\u{2000}"),
        ]
        .prop_map(str::to_owned)
        .boxed()
        .prop_union(any::<String>().boxed()),
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]
    #[test]
    fn same_on_catalogue_text(text in catalogue_text(), code in prop::option::of("[0-9]{4}")) {
        if let Some(d) = differences(code.as_deref(), &text) {
            prop_assert!(false, "old and new engines differ: {}", d);
        }
    }
}
