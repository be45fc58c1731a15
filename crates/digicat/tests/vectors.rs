//! Runs the shared vectors in `tests/vectors/classify.tsv` (also run by the C and Python suites).

use digicat::{classify, Classification, CodeError, Edition, Options, Policy};

const VECTORS: &str = include_str!("../../../tests/vectors/classify.tsv");

/// One vector's expected answer, in the file's own format.
fn answer(result: &Result<Classification, CodeError>) -> [String; 5] {
    match result {
        Err(e) => [
            "invalid".into(),
            e.kind().into(),
            String::new(),
            String::new(),
            String::new(),
        ],
        Ok(c) => {
            let ids: Vec<String> = c.industry_ids().map(|i| i.to_string()).collect();
            let rows: Vec<&str> = c.rows.iter().map(|r| r.id()).collect();
            let mut ev: Vec<String> = Vec::new();
            for e in &c.evidence {
                let item = format!("{}:{}", e.kind(), e.text());
                if !ev.contains(&item) {
                    ev.push(item);
                }
            }
            [
                c.status.to_string(),
                c.reason.to_string(),
                ids.join(","),
                rows.join(","),
                ev.join(" | "),
            ]
        }
    }
}

#[test]
fn shared_vectors() {
    let mut header_seen = false;
    let mut failures = Vec::new();
    let mut count = 0;
    for line in VECTORS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 10, "bad vector line: {line}");
        if !header_seen {
            header_seen = true;
            continue;
        }
        let opt = |s: &'static str| (!s.is_empty()).then_some(s);
        let f: Vec<&'static str> = f
            .into_iter()
            .map(|s| -> &'static str { Box::leak(s.into()) })
            .collect();
        let options = Options {
            policy: opt(f[3]).map_or(Policy::Standard, |p| p.parse().unwrap()),
            edition: opt(f[4]).map_or(Edition::Auto, |e| e.parse().unwrap()),
        };
        let got = answer(&classify(opt(f[1]), opt(f[2]), &options));
        let want = [f[5], f[6], f[7], f[8], f[9]];
        if got != want {
            failures.push(format!("{}:\n  want {:?}\n  got  {:?}", f[0], want, got));
        }
        count += 1;
    }
    assert!(count >= 60, "only {count} vectors");
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The rows of `tests/vectors/rows.tsv` (also run by the CLI, C and Python suites): id, the three
/// fields, the expected skip reason (empty for a record).
fn row_vectors() -> Vec<(String, Vec<String>, String)> {
    let text = include_str!("../../../tests/vectors/rows.tsv");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    assert_eq!(lines.next(), Some("id\trow\treason"));
    lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "{l:?}");
            let fields: Vec<String> = f[1].split('|').map(str::to_owned).collect();
            assert_eq!(fields.len(), 3, "{l:?}");
            (f[0].to_owned(), fields, f[2].to_owned())
        })
        .collect()
}

#[test]
fn shared_row_vectors() {
    let vectors = row_vectors();
    assert!(vectors.len() >= 15);
    for (id, fields, reason) in vectors {
        let got = digicat::report::skip_reason(&fields).map_or("", |r| r.as_str());
        assert_eq!(got, reason, "{id}");
    }
}

const SZJJ_VECTORS: &str = include_str!("../../../tests/vectors/szjj.tsv");

/// One `szjj.tsv` vector's answer, in the file's own format.
fn szjj_answer(result: &Result<digicat::szjj::Classification, CodeError>) -> [String; 5] {
    match result {
        Err(e) => [
            "invalid".into(),
            e.kind().into(),
            String::new(),
            String::new(),
            String::new(),
        ],
        Ok(c) => {
            let classes: Vec<&str> = c.classes.iter().map(|c| c.code()).collect();
            let rows: Vec<String> = c
                .rows
                .iter()
                .map(|(c, g)| format!("{}:{}", c.code(), g.printed()))
                .collect();
            let mut ev: Vec<String> = Vec::new();
            for e in &c.evidence {
                let item = format!("{}:{}", e.term.kind(), e.term.text());
                if !ev.contains(&item) {
                    ev.push(item);
                }
            }
            [
                c.status.to_string(),
                c.reason.to_string(),
                classes.join(","),
                rows.join(","),
                ev.join(" | "),
            ]
        }
    }
}

#[test]
fn shared_szjj_vectors() {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in SZJJ_VECTORS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .skip(1)
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 10, "bad vector line: {line}");
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        let options = Options {
            policy: opt(f[3]).map_or(Policy::Standard, |p| p.parse().unwrap()),
            edition: opt(f[4]).map_or(Edition::Auto, |e| e.parse().unwrap()),
        };
        let got = szjj_answer(&digicat::szjj::classify(
            opt(f[1]).as_deref(),
            opt(f[2]).as_deref(),
            &options,
        ));
        let want = [f[5], f[6], f[7], f[8], f[9]];
        if got != want {
            failures.push(format!("{}:\n  want {:?}\n  got  {:?}", f[0], want, got));
        }
        count += 1;
    }
    assert!(count >= 30, "only {count} vectors");
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
