//! Temporary harness: the szjj-2021 matcher on the byte-level scanner (`szjj::find_terms`)
//! against the daachorse matcher it replaces (`szjj::find_terms_daachorse`). Evidence (terms,
//! kinds, 小类, spans) and whole classifications must be identical, under both policies, on the
//! shared vectors, every term in several forms, random texts built from term fragments and noise,
//! and the texts of `tests/vectors` and `data/examples`. Removed with the old matcher.

use digicat::szjj::{self, Evidence};
use digicat::{Options, Policy};
use proptest::prelude::*;

const CLASSIFICATION: &str = include_str!("../../../data/catalogues/szjj-2021/classification.tsv");
const TEXTS: [&str; 6] = [
    include_str!("../../../tests/vectors/szjj.tsv"),
    include_str!("../../../tests/vectors/classify.tsv"),
    include_str!("../../../tests/vectors/spans.tsv"),
    include_str!("../../../tests/vectors/rows.tsv"),
    include_str!("../../../data/examples/enterprises.csv"),
    include_str!("../../../data/examples/park_roster.csv"),
];
const CODES: [&str; 12] = [
    "6429", "6513", "4851", "4910", "3831", "65", "I", "6510", "7320", "6490", "651", "6432",
];

fn key(found: &[Evidence]) -> Vec<(&'static str, &'static str, String, usize, usize)> {
    found
        .iter()
        .map(|e| {
            (
                e.term.text(),
                e.term.class().code(),
                format!("{:?}", e.term.kind()),
                e.start,
                e.end,
            )
        })
        .collect()
}

/// Both matchers and both classifications agree on `text` (with and without `code`).
fn same(text: &str, code: Option<&str>) -> Result<(), TestCaseError> {
    for policy in [Policy::Standard, Policy::Strict] {
        let new = szjj::find_terms(text, policy);
        let old = szjj::find_terms_daachorse(text, policy);
        prop_assert_eq!(&new, &old, "{:?} {:?}", text, policy);
        prop_assert_eq!(key(&new), key(&old));
        let options = Options {
            policy,
            ..Options::default()
        };
        for code in [None, code] {
            let a = szjj::classify(code, Some(text), &options);
            let b = szjj::classify_daachorse(code, Some(text), &options);
            prop_assert_eq!(a, b, "{:?} {:?} {:?}", code, text, policy);
        }
    }
    Ok(())
}

/// Every decisive term and every GB/T name of the classification (whole or starred).
fn terms() -> Vec<String> {
    let mut out: Vec<String> = szjj::term_entries()
        .iter()
        .map(|t| t.term().to_owned())
        .collect();
    for line in CLASSIFICATION.lines().skip(1) {
        if let Some(names) = line.split('\t').nth(4) {
            out.extend(
                names
                    .split(';')
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    out.sort();
    out.dedup();
    out
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            ' ' => '\u{3000}',
            _ => c,
        })
        .collect()
}

fn spaced(s: &str) -> String {
    let chars: Vec<String> = s.chars().map(String::from).collect();
    chars.join(" ")
}

#[test]
fn every_term_in_several_forms() {
    let terms = terms();
    assert!(terms.len() > 200, "{} terms", terms.len());
    for (i, t) in terms.iter().enumerate() {
        let next = &terms[(i + 1) % terms.len()];
        let forms = [
            t.clone(),
            full_width(t),
            spaced(t),
            t.to_uppercase(),
            t.to_lowercase(),
            full_width(&t.to_uppercase()),
            format!("公司主营{t}及相关服务；{next}"),
            format!("{t}{next}"),
            format!(" \t{}\u{3000}", spaced(&full_width(t))),
            format!("㈱{t}㎱{next}ﬁ"),
            t.chars().skip(1).collect(),
            t.chars()
                .take(t.chars().count().saturating_sub(1))
                .collect(),
        ];
        for f in &forms {
            same(f, Some(CODES[i % CODES.len()])).unwrap();
        }
    }
}

#[test]
fn shared_vectors_and_example_texts() {
    let mut texts = 0;
    for file in TEXTS {
        for line in file.lines() {
            same(line, None).unwrap();
            for field in line.split(['\t', ',']) {
                same(field, Some("6429")).unwrap();
                texts += 1;
            }
        }
    }
    assert!(texts > 1000, "{texts} texts");
    // The vectors themselves, as the vector test reads them.
    for line in TEXTS[0].lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let (code, text) = (f.get(1).copied(), f.get(2).copied());
        let code = code.filter(|c| !c.is_empty());
        let text = text.filter(|t| !t.is_empty()).unwrap_or_default();
        same(text, code).unwrap();
    }
}

fn fragment() -> impl Strategy<Value = String> {
    let terms = terms();
    let n = terms.len();
    prop_oneof![
        // A whole term, or a piece of one.
        (0..n, 0usize..12, 0usize..12).prop_map(move |(i, a, b)| {
            let chars: Vec<char> = terms[i].chars().collect();
            let a = a.min(chars.len());
            let b = (chars.len() - b.min(chars.len())).max(a);
            if a == 0 && b == chars.len() || (a + b) % 3 == 0 {
                terms[i].clone()
            } else {
                chars[a..b].iter().collect()
            }
        }),
        // Noise: whitespace, widths, case, expanding characters, punctuation, common CJK.
        prop::sample::select(vec![
            " ",
            "\t",
            "\u{3000}",
            "、",
            "。",
            "；",
            "（",
            "）",
            "(",
            ")",
            "Ａ",
            "ａ",
            "A",
            "IT",
            "ＩＴ",
            "㈱",
            "㎱",
            "ﬁ",
            "Ⅻ",
            "½",
            "服务",
            "软件",
            "信息",
            "互联网",
            "技术",
            "的",
            "和",
            "网上",
            "数据",
            "平台",
            "开发",
            "制造",
            "设备",
            "系统",
            "5G",
            "ＡＩ",
            "é",
            "\u{301}",
        ])
        .prop_map(str::to_owned),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]
    #[test]
    fn random_texts_of_fragments_and_noise(
        parts in prop::collection::vec(fragment(), 0..12),
        code in prop::sample::select(CODES.to_vec()),
    ) {
        same(&parts.concat(), Some(code))?;
    }
}
