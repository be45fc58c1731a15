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
