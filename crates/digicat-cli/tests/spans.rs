//! The shared span vectors (`tests/vectors/spans.tsv`) run through `digicat match TEXT --format
//! json`: every evidence item, in order, with its kind, term, row and byte offsets.

mod common;

use common::{code, run, stderr};

const VECTORS: &str = include_str!("../../../tests/vectors/spans.tsv");

#[test]
fn shared_span_vectors_through_match() {
    let mut lines = VECTORS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty());
    assert_eq!(lines.next(), Some("id\tpolicy\ttext\tevidence"));
    let mut failures = Vec::new();
    let mut count = 0;
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 4, "bad vector line: {line}");
        let (id, policy, text, want) = (f[0], f[1], f[2], f[3]);
        let mut args = vec!["match", text, "--format", "json"];
        if !policy.is_empty() {
            args.extend(["--policy", policy]);
        }
        let out = run(&args, None);
        assert_eq!(code(&out), 0, "{id}: {}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
        assert_eq!(v["text"], text, "{id}: TEXT echoed unchanged");
        let mut got = Vec::new();
        for m in v["matches"].as_array().expect("matches") {
            let str_of = |k: &str| m[k].as_str().unwrap_or_else(|| panic!("{id}: {k} in {m}"));
            let at = |k: &str| m[k].as_u64().unwrap_or_else(|| panic!("{id}: {k} in {m}")) as usize;
            let (start, end) = (at("start"), at("end"));
            assert_eq!(
                text.get(start..end),
                Some(str_of("matched")),
                "{id}: `matched` is TEXT[start..end] (byte offsets)"
            );
            // The vectors give byte and character offsets; the command line reports bytes.
            got.push(format!(
                "{}:{}@{}:{start}-{end}",
                str_of("kind"),
                str_of("text"),
                str_of("row")
            ));
        }
        let want: Vec<String> = want
            .split(" | ")
            .filter(|w| !w.is_empty())
            .map(|w| {
                w.rsplit_once(':')
                    .expect("kind:term@row:bytes:chars")
                    .0
                    .to_owned()
            })
            .collect();
        if got != want {
            failures.push(format!("{id}:\n  want {want:?}\n  got  {got:?}"));
        }
        count += 1;
    }
    assert!(count >= 10, "only {count} vectors");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
