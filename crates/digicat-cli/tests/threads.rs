//! `classify --threads N`: the output file, standard output and the summary on standard error
//! are byte for byte those of `--threads 1`, on the example list and on a generated list that
//! spans many batches (with malformed, blank, footer and undecodable rows among them), with one
//! catalogue and with two (`--catalogue dongguan-2019,szjj-2021`).

mod common;

use common::{arg, code, example, run};
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A list of `n` rows mixing catalogue terms, codes of every kind and rows that are not read.
fn generated(n: usize) -> Vec<u8> {
    let terms: Vec<&str> = digicat::products()
        .iter()
        .map(|p| p.name())
        .chain(digicat::scope_phrases().iter().map(|p| p.phrase()))
        .collect();
    let codes = [
        "6513", "6513*", "I6513", "651", "65", "6520", "7320", "", "65a3", "6510",
    ];
    let mut data = "企业编号,行业代码,经营范围\n".as_bytes().to_vec();
    let mut x = 2019u64;
    let mut next = |m: usize| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) as usize % m
    };
    for i in 0..n {
        let row = match next(50) {
            0 => ",,\n".to_owned(),
            1 => "合计：26家,,\n".to_owned(),
            2 => format!("E{i:06},6513,软件开发,多余\n"),
            _ => {
                let text: Vec<&str> = (0..next(12)).map(|_| terms[next(terms.len())]).collect();
                format!(
                    "E{i:06},{},\"{}；餐饮服务\"\n",
                    codes[next(codes.len())],
                    text.join("；")
                )
            }
        };
        data.extend(row.as_bytes());
        if next(200) == 0 {
            data.extend(b"E999999,6513,\xff\xfe\n");
        }
    }
    data
}

/// Runs `classify INPUT ARGS --threads N -o OUT` and gives back the output file, stdout, stderr
/// and exit code.
fn classify(
    input: &Path,
    out: &Path,
    threads: &str,
    extra: &[&str],
) -> (Vec<u8>, Vec<u8>, Vec<u8>, i32) {
    let mut args = vec!["classify", arg(input), "--threads", threads, "-o", arg(out)];
    args.extend_from_slice(extra);
    let o = run(args, None);
    let file = fs::read(out).unwrap_or_default();
    (file, o.stdout.clone(), o.stderr.clone(), code(&o))
}

fn same_for_every_thread_count(input: &Path, name: &str, extra: &[&str]) {
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let run_no = RUN.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "digicat-threads-{}-{run_no}-{name}",
        std::process::id()
    ));
    fs::create_dir_all(&dir).unwrap();
    let one = classify(input, &dir.join(format!("1.{name}")), "1", extra);
    assert_eq!(one.3, 0, "{}", String::from_utf8_lossy(&one.2));
    assert!(!one.0.is_empty());
    for threads in ["2", "3"] {
        let many = classify(
            input,
            &dir.join(format!("{threads}.{name}")),
            threads,
            extra,
        );
        assert!(
            many.0 == one.0,
            "--threads {threads}: output differs ({name})"
        );
        assert_eq!(
            many.1, one.1,
            "--threads {threads}: stdout differs ({name})"
        );
        // The summary's last line (elapsed time, rows/s; 用时 in Chinese) differs from run to run.
        let summary = |s: &[u8]| {
            let s = String::from_utf8_lossy(s).into_owned();
            s.lines()
                .filter(|l| {
                    let l = l.trim_start();
                    !(l.starts_with("elapsed") || l.starts_with("用时"))
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(
            summary(&many.2),
            summary(&one.2),
            "--threads {threads}: summary differs ({name})"
        );
        assert_eq!(many.3, one.3);
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn example_list_is_written_the_same_with_any_thread_count() {
    for name in ["csv", "tsv", "jsonl"] {
        same_for_every_thread_count(&example(), name, &[]);
    }
}

#[test]
fn generated_list_is_written_the_same_with_any_thread_count() {
    let dir = std::env::temp_dir().join(format!("digicat-threads-gen-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let input = dir.join("list.csv");
    fs::write(&input, generated(6000)).unwrap();
    for name in ["csv", "jsonl"] {
        let utf8 = ["--encoding", "utf-8"];
        same_for_every_thread_count(&input, name, &utf8);
        same_for_every_thread_count(&input, name, &[utf8[0], utf8[1], "--policy", "strict"]);
    }
    fs::remove_dir_all(&dir).unwrap();
}

/// Both catalogues: the workers classify every record in each.
const BOTH: [&str; 2] = ["--catalogue", "dongguan-2019,szjj-2021"];

#[test]
fn two_catalogues_are_written_the_same_with_any_thread_count() {
    for name in ["csv", "tsv", "jsonl"] {
        same_for_every_thread_count(&example(), name, &BOTH);
        same_for_every_thread_count(&example(), name, &[BOTH[0], "szjj-2021", "--lang", "zh"]);
    }
    let dir = std::env::temp_dir().join(format!("digicat-threads-two-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let input = dir.join("list.csv");
    fs::write(&input, generated(3000)).unwrap();
    for name in ["csv", "jsonl"] {
        same_for_every_thread_count(&input, name, &["--encoding", "utf-8", BOTH[0], BOTH[1]]);
        same_for_every_thread_count(
            &input,
            name,
            &["--encoding", "utf-8", BOTH[0], BOTH[1], "--lang", "zh"],
        );
    }
    fs::remove_dir_all(&dir).unwrap();
}
