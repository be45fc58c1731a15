//! Helpers shared by the integration tests: running the binary and reading its tables.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `data/examples/enterprises.csv`.
pub fn example() -> PathBuf {
    root().join("data/examples/enterprises.csv")
}

/// A file under this crate's `tests/` directory.
pub fn test_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(rel)
}

/// A path as a command-line argument (test paths are UTF-8).
pub fn arg(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Runs `digicat ARGS`, feeding `stdin` (empty when `None`).
pub fn run<I, S>(args: I, stdin: Option<&[u8]>) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut child = Command::new(env!("CARGO_BIN_EXE_digicat"))
        .args(args)
        // English unless a test asks otherwise: the default language follows the locale.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("digicat starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    let data = stdin.unwrap_or_default().to_vec();
    let feeder = std::thread::spawn(move || {
        // The binary may exit before reading everything (e.g. on a usage error).
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("digicat runs");
    feeder.join().expect("stdin feeder");
    out
}

/// The exit code (panics on a signal).
pub fn code(out: &Output) -> i32 {
    out.status.code().expect("digicat exited normally")
}

/// Standard output as UTF-8.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("output is UTF-8")
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Parses JSONL output: one JSON object a line.
pub fn jsonl(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

/// Parses a CSV/TSV output into rows of fields (header included).
pub fn table(data: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(data)
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_owned).collect())
        .collect()
}

/// `true` when the golden files are being regenerated (`DIGICAT_BLESS=1`).
pub fn blessing() -> bool {
    std::env::var("DIGICAT_BLESS").as_deref() == Ok("1")
}

/// Compares `actual` with the golden file `tests/golden/NAME`, or, when [`blessing`], rewrites
/// the file (atomically, so that tests reading it meanwhile see a whole file).
pub fn golden(name: &str, actual: &[u8]) {
    let path = test_file(&format!("golden/{name}"));
    if blessing() {
        let dir = path.parent().expect("golden directory");
        let mut temp = tempfile::NamedTempFile::new_in(dir).expect("temporary golden file");
        temp.write_all(actual).expect("golden file written");
        temp.persist(&path).expect("golden file renamed");
        return;
    }
    same_as_golden(name, actual);
}

/// Asserts that `actual` equals the golden file `tests/golden/NAME` (skipped while blessing:
/// the next run checks).
pub fn same_as_golden(name: &str, actual: &[u8]) {
    if blessing() {
        return;
    }
    let path = test_file(&format!("golden/{name}"));
    let expected = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `DIGICAT_BLESS=1 cargo test -p digicat-cli` to create it",
            path.display()
        )
    });
    if expected != actual {
        let (e, a) = (
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(actual),
        );
        let first = e
            .lines()
            .zip(a.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(e.lines().count().min(a.lines().count()));
        panic!(
            "output differs from {} at line {}:\n  want {:?}\n  got  {:?}\n\
             (if the change is intended: DIGICAT_BLESS=1 cargo test -p digicat-cli)",
            path.display(),
            first + 1,
            e.lines().nth(first),
            a.lines().nth(first)
        );
    }
}

/// Words of ASCII letters a Chinese message may hold: names of formats, encodings and programs,
/// the commands and option values the user types, Python identifiers. Anything else made of
/// ASCII letters is an English word.
pub const ALLOWED_WORDS: &[&str] = &[
    "digicat",
    "Excel",
    "CSV",
    "TSV",
    "XLSX",
    "XLS",
    "XLSB",
    "ODS",
    "PDF",
    "JSON",
    "HTML",
    "UTF",
    "GBK",
    "BOM",
    "NUL",
    "XFD",
    "classify",
    "lookup",
    "match",
    "catalogue",
    "assess",
    "standard",
    "strict",
    "auto",
    "en",
    "zh",
    "csv",
    "tsv",
    "jsonl",
    "xlsx",
    "parquet",
    "json",
    "html",
    "code_col",
    "text_col",
    "text_only",
    "True",
    "lang",
    "group_by",
    "collect",
    "polars",
    "pandas",
    "DataFrame",
    "pyarrow",
    "Table",
    "classify_frame",
    "summarize",
];

/// The English words of `text`: runs of ASCII letters (with `_`) that are not in
/// [`ALLOWED_WORDS`], not a single letter (a section letter, `N`), not part of a token holding a
/// digit (a code such as `I6513`, `GB18030`), a `/` or `.` (a path, `GB/T`) or starting with `-`
/// (an option) and not a recognised column name (`industry_code`), once every string of `typed`
/// (what the user typed: paths, column names, inputs) and the catalogues' own terms (`SaaS`,
/// `IT` in product and industry names, szjj-2021's class names and 说明 terms) have been taken out.
pub fn english_words(text: &str, typed: &[&str]) -> Vec<String> {
    let mut text = text.to_owned();
    let terms = digicat::products()
        .iter()
        .map(|p| p.name())
        .chain(digicat::rows().iter().map(|r| r.name()))
        .chain(digicat::industries().iter().map(|i| i.name()))
        .chain(digicat::szjj::classes().iter().map(|c| c.name()))
        .chain(
            digicat::szjj::classes()
                .iter()
                .flat_map(|c| c.terms().iter().map(|t| t.term())),
        )
        .chain(CATALOGUE_WORDS.iter().copied())
        .filter(|t| t.chars().any(|c| c.is_ascii_alphabetic()));
    let mut typed: Vec<&str> = typed.iter().copied().chain(terms).collect();
    typed.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for s in typed.iter().filter(|s| !s.is_empty()) {
        text = text.replace(s, " ");
    }
    let token_char = |c: char| c.is_ascii_alphanumeric() || "_-./+*\\".contains(c);
    text.split(|c: char| !token_char(c))
        .filter(|t| t.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|t| {
            !(t.chars()
                .any(|c| c.is_ascii_digit() || c == '/' || c == '.')
                || t.starts_with('-'))
        })
        .flat_map(|t| t.split(|c: char| !(c.is_ascii_alphabetic() || c == '_')))
        .filter(|w| {
            let column = |c: &&str| c == w;
            w.len() > 1
                && !ALLOWED_WORDS.contains(w)
                && !digicat::report::CODE_COLUMNS.iter().any(column)
                && !digicat::report::TEXT_COLUMNS.iter().any(column)
        })
        .map(str::to_owned)
        .collect()
}

/// Catalogue aliases written in ASCII letters (data, as the product names are).
const CATALOGUE_WORDS: &[&str] = &["SaaS", "PaaS", "IaaS", "EIP", "IT"];

/// Asserts that `text` holds Chinese and no English word ([`english_words`]).
pub fn assert_chinese(text: &str, typed: &[&str]) {
    let words = english_words(text, typed);
    assert!(words.is_empty(), "English words {words:?} in: {text}");
    assert!(
        text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
        "no Chinese in: {text}"
    );
}
