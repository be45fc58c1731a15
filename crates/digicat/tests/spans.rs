//! Runs the shared span vectors in `tests/vectors/spans.tsv` (also run by the C and Python suites).

use digicat::{find_terms, Policy};

const VECTORS: &str = include_str!("../../../tests/vectors/spans.tsv");

#[test]
fn shared_span_vectors() {
    let mut lines = VECTORS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty());
    assert_eq!(lines.next(), Some("id\tpolicy\ttext\tevidence"));
    let mut count = 0;
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 4, "bad vector line: {line}");
        let policy = if f[1].is_empty() {
            Policy::Standard
        } else {
            f[1].parse().unwrap()
        };
        let text = f[2];
        let got: Vec<String> = find_terms(text, policy)
            .iter()
            .map(|e| {
                let chars = |b: usize| text[..b].chars().count();
                format!(
                    "{}:{}@{}:{}-{}:{}-{}",
                    e.kind(),
                    e.text(),
                    e.row().id(),
                    e.start,
                    e.end,
                    chars(e.start),
                    chars(e.end)
                )
            })
            .collect();
        assert_eq!(got.join(" | "), f[3], "{}", f[0]);
        count += 1;
    }
    assert!(count >= 10);
}
