//! The shared vectors (`tests/vectors/classify.tsv`) run through `digicat classify` as a TSV
//! input: the command line gives the same answers as the engine.

mod common;

use common::{code, jsonl, run, stderr, stdout};
use std::collections::BTreeMap;

const VECTORS: &str = include_str!("../../../tests/vectors/classify.tsv");

#[test]
fn shared_vectors_through_the_command_line() {
    let mut lines = VECTORS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty());
    let header = lines.next().expect("header");
    assert!(
        header.starts_with("id\tcode\ttext\tpolicy\tedition\tstatus"),
        "{header}"
    );
    // One run per (policy, edition): those are options of the command, not columns.
    let mut groups: BTreeMap<(&str, &str), Vec<Vec<&str>>> = BTreeMap::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 10, "bad vector line: {line}");
        groups.entry((f[3], f[4])).or_default().push(f);
    }
    let mut failures = Vec::new();
    let mut count = 0;
    for ((policy, edition), vectors) in &groups {
        let mut input = String::from("id\tcode\ttext\n");
        for v in vectors {
            input.push_str(&format!("{}\t{}\t{}\n", v[0], v[1], v[2]));
        }
        let mut args = vec!["classify", "-", "--quiet", "--format", "jsonl"];
        if !policy.is_empty() {
            args.extend(["--policy", policy]);
        }
        if !edition.is_empty() && *edition != "auto" {
            args.extend(["--edition", edition]);
        }
        let out = run(&args, Some(input.as_bytes()));
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        let rows = jsonl(&stdout(&out));
        assert_eq!(
            rows.len(),
            vectors.len(),
            "one row out per vector, {args:?}"
        );
        for (v, row) in vectors.iter().zip(&rows) {
            assert_eq!(row["input"]["id"], v[0], "order kept");
            let join = |key: &str| {
                row[key]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_owned))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            let mut evidence: Vec<String> = Vec::new();
            for e in row["evidence"].as_array().unwrap() {
                let item = format!(
                    "{}:{}",
                    e["kind"].as_str().unwrap(),
                    e["text"].as_str().unwrap()
                );
                if !evidence.contains(&item) {
                    evidence.push(item);
                }
            }
            let got = [
                row["status"].as_str().unwrap().to_owned(),
                row["reason"].as_str().unwrap().to_owned(),
                join("industries"),
                join("rows"),
                evidence.join(" | "),
            ];
            let want = [v[5], v[6], v[7], v[8], v[9]];
            if got != want {
                failures.push(format!("{}:\n  want {want:?}\n  got  {got:?}", v[0]));
            }
            count += 1;
        }
    }
    assert!(count >= 60, "only {count} vectors");
    assert!(
        failures.is_empty(),
        "{} of {count} vectors differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `tests/vectors/rows.tsv` as the rows of a CSV file (企业名称, 行业代码, 经营范围): rows to skip
/// come out `skipped` with their reason, in place; the others are classified.
#[test]
fn shared_row_vectors_through_the_command_line() {
    let text = include_str!("../../../tests/vectors/rows.tsv");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    assert_eq!(lines.next(), Some("id\trow\treason"));
    let vectors: Vec<(&str, Vec<&str>, &str)> = lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0], f[1].split('|').collect(), f[2])
        })
        .collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["企业名称", "行业代码", "经营范围"])
        .unwrap();
    for (_, fields, _) in &vectors {
        w.write_record(fields).unwrap();
    }
    let input = w.into_inner().unwrap();
    let out = run(
        ["classify", "-", "--quiet", "--format", "jsonl"],
        Some(&input),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = jsonl(&stdout(&out));
    assert_eq!(rows.len(), vectors.len(), "one row out per vector");
    for ((id, _, reason), row) in vectors.iter().zip(&rows) {
        if reason.is_empty() {
            assert_ne!(row["status"], "skipped", "{id}: {row}");
        } else {
            assert_eq!(
                (row["status"].as_str(), row["reason"].as_str()),
                (Some("skipped"), Some(*reason)),
                "{id}"
            );
        }
    }
}
