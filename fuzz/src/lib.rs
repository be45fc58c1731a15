//! Input types and invariant checks shared by the digicat fuzz targets and the seed generator.
//!
//! Every check panics (which libFuzzer reports as a crash) when the engine breaks one of the
//! properties the surfaces rely on.
#![forbid(unsafe_code)]

use arbitrary::{Arbitrary, Unstructured};
use digicat::report::{fields, Lang};
use digicat::{
    classify, find_terms, find_terms_into, lookup_terms, normalize, read_code_field,
    Classification, Code, CodeError, CodeReading, Edition, EvidenceKind, Level, Options, Policy,
    Reason, Status,
};
use std::borrow::Cow;

/// Every edition, in a fixed order.
pub const EDITIONS: [Edition; 3] = [Edition::Auto, Edition::Gbt2017, Edition::Gbt2011];

/// Arbitrary bytes as text: borrowed when valid UTF-8, else with U+FFFD replacements.
pub fn text_of(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// One `classify` call, decoded from the fuzzer's bytes by `arbitrary`.
#[derive(Arbitrary, Debug, Clone, PartialEq, Eq)]
pub struct ClassifyInput<'a> {
    /// `true`: [`Policy::Strict`].
    pub strict: bool,
    /// The edition, as an index into [`EDITIONS`] (modulo 3).
    pub edition: u8,
    /// The code field.
    pub code: Option<&'a str>,
    /// The text.
    pub text: Option<&'a str>,
}

impl ClassifyInput<'_> {
    /// The options this input asks for.
    pub fn options(&self) -> Options {
        Options {
            policy: if self.strict {
                Policy::Strict
            } else {
                Policy::Standard
            },
            edition: EDITIONS[usize::from(self.edition % 3)],
        }
    }

    /// Bytes that `arbitrary` decodes back into this input (used to write seeds); `None` when
    /// no layout below round-trips (a newer `arbitrary` with another layout).
    ///
    /// Layout: the two option bytes, the code's presence byte and bytes, the text's presence byte
    /// and bytes, then the lengths of the text and of the code when present, which `arbitrary`
    /// reads from the end of the data (1 byte while what is left fits in 256 bytes, else 2,
    /// big-endian). Each width is checked by decoding.
    pub fn encode(&self) -> Option<Vec<u8>> {
        let (code, text) = (self.code.unwrap_or(""), self.text.unwrap_or(""));
        let mut body = vec![u8::from(self.strict), self.edition];
        body.push(u8::from(self.code.is_some()));
        body.extend_from_slice(code.as_bytes());
        body.push(u8::from(self.text.is_some()));
        body.extend_from_slice(text.as_bytes());
        let len_bytes = |len: usize, width: usize| -> Option<Vec<u8>> {
            let len = u16::try_from(len).ok()?.to_be_bytes();
            Some(len[2 - width..].to_vec())
        };
        let widths = [
            (0, 0),
            (0, 1),
            (1, 0),
            (1, 1),
            (0, 2),
            (2, 0),
            (1, 2),
            (2, 1),
            (2, 2),
        ];
        for (text_width, code_width) in widths {
            let mut out = body.clone();
            out.extend(len_bytes(text.len(), text_width)?);
            out.extend(len_bytes(code.len(), code_width)?);
            let decoded = ClassifyInput::arbitrary_take_rest(Unstructured::new(&out));
            if decoded.as_ref() == Ok(self) {
                return Some(out);
            }
        }
        None
    }
}

/// `Code::parse`, `read_code_field` and `Code::from_class_name` on one field, under every edition.
pub fn check_code_field(field: &str) {
    match Code::parse(field) {
        Ok(code) => {
            let shown = code.to_string();
            // A section letter alone (`I`), or 2–4 digits.
            let letter = shown.len() == 1 && shown.bytes().all(|b| b.is_ascii_uppercase());
            assert!(letter || (2..=4).contains(&shown.len()), "{shown:?}");
            assert!(letter || shown.bytes().all(|b| b.is_ascii_digit()), "{shown:?}");
            assert_eq!(shown.parse::<Code>(), Ok(code));
            let level = match shown.len() {
                1 => Level::Section,
                2 => Level::Division,
                3 => Level::Group,
                _ => Level::Class,
            };
            assert_eq!(code.level(), level);
            assert_eq!(code.name(), code.gbt2017().map(|e| e.name()));
        }
        Err(e) => check_error(&e),
    }
    if let Some(code) = Code::from_class_name(field) {
        // Names compare with `、`, `,` and `和` ignored.
        let key = |s: &str| normalize(s).replace(['、', ',', '和'], "");
        let name = code.name().unwrap_or_default();
        assert_eq!(key(name), key(field));
    }
    for edition in EDITIONS {
        let got = read_code_field(field, edition);
        match &got {
            Ok(None) => assert!(field.trim().is_empty(), "{field:?} read as no code"),
            Ok(Some(reading)) => check_reading(*reading, edition),
            Err(e) => {
                check_error(e);
                assert_ne!(
                    e.kind(),
                    "empty_code",
                    "{field:?}: a blank field is no code"
                );
            }
        }
        // Surrounding whitespace of any kind changes nothing.
        let padded = format!(" \u{3000}{field}\t\n");
        assert_eq!(read_code_field(&padded, edition), got, "{field:?}");
    }
    // `auto` accepts everything `2017` does, the same way.
    if let Ok(reading) = read_code_field(field, Edition::Gbt2017) {
        assert_eq!(read_code_field(field, Edition::Auto), Ok(reading));
    }
    for s in [field, field.trim()] {
        if let Ok(e) = s.parse::<Edition>() {
            assert_eq!(e.as_str().parse::<Edition>(), Ok(e));
        }
        if let Ok(p) = s.parse::<Policy>() {
            assert_eq!(p.as_str().parse::<Policy>(), Ok(p));
        }
        let _ = s.parse::<Lang>();
    }
}

fn check_reading(reading: CodeReading, edition: Edition) {
    match reading {
        CodeReading::Class(c) => {
            assert_eq!(c.level(), Level::Class);
            assert!(c.gbt2017().is_some(), "{c} is no 2017 class");
        }
        CodeReading::Coarse(c) => {
            assert_ne!(c.level(), Level::Class);
            assert!(c.gbt2017().is_some(), "{c} is no 2017 code");
        }
        CodeReading::OldClass(c, successors) => {
            assert_ne!(edition, Edition::Gbt2017);
            assert!(c.gbt2011().is_some(), "{c} is no 2011 class");
            assert!(successors.iter().all(|s| s.gbt2017().is_some()));
        }
        CodeReading::OldCoarse(c) => {
            assert_ne!(edition, Edition::Gbt2017);
            assert_ne!(c.level(), Level::Class);
            assert!(c.gbt2011().is_some(), "{c} is no 2011 code");
        }
    }
    assert_eq!(reading.level(), reading.code().level());
}

fn check_error(e: &CodeError) {
    assert!(!e.kind().is_empty());
    assert!(!e.to_string().is_empty());
    assert_ne!(e.kind(), "invalid_option", "{e}");
}

/// `find_terms` under both policies: exact, non-overlapping spans of catalogue terms.
pub fn check_terms(text: &str) {
    let norm = normalize(text);
    assert_eq!(normalize(&norm), norm, "normalisation is idempotent");
    assert!(!norm.chars().any(char::is_whitespace));
    assert!(!norm.chars().any(|c| c.is_ascii_uppercase()));

    let standard = find_terms(text, Policy::Standard);
    for e in &standard {
        assert!(e.start < e.end && e.end <= text.len(), "{e:?}");
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        let slice = e.matched(text).unwrap_or_default();
        // The term as written in the data, or the reviewed variant wording that stands for it.
        let written = e.term().variant().map_or(e.text(), |v| v.variant());
        assert_eq!(
            normalize(slice),
            normalize(written),
            "{slice:?} is not {written:?}"
        );
        assert!(
            lookup_terms(slice)
                .iter()
                .any(|t| std::ptr::eq(t, e.term())),
            "{slice:?} does not look up {:?}",
            e.text()
        );
    }
    // In text order and non-overlapping (several rows may share one span).
    for w in standard.windows(2) {
        let same = (w[0].start, w[0].end) == (w[1].start, w[1].end);
        assert!(same || w[0].end <= w[1].start, "{w:?}");
    }
    // Strict finds products and aliases only, in order and non-overlapping; where the standard
    // policy chose no equivalent phrase or class name, both chose the same products and aliases
    // (two scans: the strict automaton, and the standard one's choice among overlapping matches).
    let strict = find_terms(text, Policy::Strict);
    assert!(strict
        .iter()
        .all(|e| matches!(e.kind(), EvidenceKind::Product | EvidenceKind::Alias)));
    for w in strict.windows(2) {
        let same = (w[0].start, w[0].end) == (w[1].start, w[1].end);
        assert!(same || w[0].end <= w[1].start, "{w:?}");
    }
    let decisive_phrases = standard.iter().any(|e| {
        e.term().is_decisive(Policy::Standard)
            && matches!(
                e.kind(),
                EvidenceKind::ScopePhrase | EvidenceKind::ClassName
            )
    });
    if !decisive_phrases {
        let want: Vec<_> = standard
            .iter()
            .filter(|e| matches!(e.kind(), EvidenceKind::Product | EvidenceKind::Alias))
            .copied()
            .collect();
        assert_eq!(strict, want);
    }
    // Appending to a buffer in use keeps what was there.
    let mut buf = strict.clone();
    find_terms_into(text, Policy::Standard, &mut buf);
    assert_eq!(buf[..strict.len()], strict[..]);
    assert_eq!(buf[strict.len()..], standard[..]);
}

/// `classify` on one input: status/reason/rows consistent, nothing lost, columns formatted.
pub fn check_classify(input: &ClassifyInput<'_>) {
    let options = input.options();
    let result = classify(input.code, input.text, &options);
    let reading = input.code.map(|f| read_code_field(f, options.edition));
    match &result {
        Err(e) => {
            check_error(e);
            assert_eq!(
                reading,
                Some(Err(e.clone())),
                "the error is the code field's"
            );
        }
        Ok(c) => {
            assert_eq!(c.code, reading.and_then(Result::ok).flatten());
            let evidence = input
                .text
                .map_or_else(Vec::new, |t| find_terms(t, options.policy));
            assert_eq!(c.evidence, evidence);
            check_classification(c, options.policy);
        }
    }
    let cols = fields(&result);
    match &result {
        Err(e) => {
            assert_eq!(cols[0], Status::Invalid.as_str());
            assert_eq!(cols[1], e.kind());
            assert_eq!(cols[6], e.to_string());
        }
        Ok(c) => {
            assert_eq!(cols[0], c.status.as_str());
            assert_eq!(cols[1], c.reason.as_str());
            assert!(cols[6].is_empty());
        }
    }
    // Deterministic.
    assert_eq!(classify(input.code, input.text, &options), result);
}

fn check_classification(c: &Classification, policy: Policy) {
    assert_eq!(c.reason.status(), c.status);
    assert_ne!(c.status, Status::Invalid);
    assert_ne!(c.status, Status::Skipped, "skipped is batch-only");
    // Rows in table order, industries exactly theirs, sorted and distinct.
    assert!(
        c.rows.windows(2).all(|w| w[0].index() < w[1].index()),
        "{c:?}"
    );
    let mut ids: Vec<u8> = c.rows.iter().map(|r| r.industry().id()).collect();
    ids.dedup();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{c:?}");
    assert_eq!(c.industry_ids().collect::<Vec<_>>(), ids);
    match c.status {
        Status::InScope | Status::NeedsReview => {
            // An old class without known successors may name no candidate.
            if c.reason != Reason::OldEditionCode {
                assert!(!c.rows.is_empty() && !c.industries.is_empty(), "{c:?}");
            }
        }
        Status::OutOfScope | Status::Invalid | Status::Skipped => {
            assert!(c.rows.is_empty() && c.industries.is_empty())
        }
    }
    let decisive_for = |row: &digicat::Row| {
        c.evidence
            .iter()
            .any(|e| std::ptr::eq(e.row(), row) && e.term().is_decisive(policy))
    };
    match c.reason {
        Reason::WholeClass => {
            let Some(CodeReading::Class(code)) = c.code else {
                panic!("whole_class without a class: {c:?}");
            };
            let own: Vec<_> = digicat::rows_for_code(code).collect();
            assert_eq!(c.rows, own);
            assert!(own.iter().any(|r| !r.is_partial()));
        }
        Reason::ListedProduct | Reason::ScopePhrase | Reason::ClassName => {
            assert!(c.rows.iter().all(|r| decisive_for(r)), "{c:?}");
            let code = c.code.map(CodeReading::code);
            assert!(c.rows.iter().all(|r| Some(r.code()) == code), "{c:?}");
        }
        // Without a code, decisive terms alone give the candidates when there are any.
        Reason::NoCode => {
            assert!(c.code.is_none());
            assert!(c.rows.iter().all(|r| decisive_for(r)), "{c:?}");
        }
        Reason::BroaderPhrasesOnly => {
            assert!(c.code.is_none());
            assert!(policy == Policy::Standard, "{c:?}");
            assert!(
                !c.evidence.iter().any(|e| e.term().is_decisive(policy)),
                "{c:?}"
            );
        }
        Reason::NothingNamed => assert!(c.code.is_none() && c.evidence.is_empty()),
        Reason::ProductsNotPublished => {
            let Some(CodeReading::Class(code)) = c.code else {
                panic!("products_not_published without a class: {c:?}");
            };
            let inferred: Vec<&digicat::Row> = digicat::rows_for_code(code)
                .filter(|r| r.is_inferred())
                .collect();
            assert!(!inferred.is_empty(), "{c:?}");
            assert!(inferred.iter().all(|r| c.rows.contains(r)), "{c:?}");
        }
        _ => assert!(c.code.is_some(), "{c:?}"),
    }
}

/// Extensions the CLI input file is given: `.csv` (comma), `.tsv` (tab), `.txt` (delimiter
/// detected from the header line).
const INPUT_EXTENSIONS: [&str; 3] = ["csv", "tsv", "txt"];
/// `--format` values (`None`: the input's own).
const OUTPUT_FORMATS: [Option<&str>; 4] = [None, Some("csv"), Some("tsv"), Some("jsonl")];
/// `--encoding` values.
const ENCODINGS: [&str; 3] = ["auto", "utf-8", "gb18030"];
/// Starts of the workbook formats the CLI recognises by content.
const WORKBOOK_MAGIC: [&[u8]; 2] = [b"PK\x03\x04", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"];

/// A directory for the CLI's files, `digicat-fuzz-PID` in `/dev/shm` when it exists (no disk
/// syncs), else in the temporary directory. libFuzzer exits without running destructors, so the
/// directories of fuzz processes that have ended are removed here instead.
fn scratch() -> &'static std::path::Path {
    use std::path::{Path, PathBuf};
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        if Path::new("/proc/self").exists() {
            for entry in std::fs::read_dir(&base).into_iter().flatten().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let ended = name
                    .strip_prefix("digicat-fuzz-")
                    .is_some_and(|pid| !Path::new("/proc").join(pid).exists());
                if ended {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
        }
        let dir = base.join(format!("digicat-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        dir
    })
}

/// `digicat classify FILE -o OUT -q` on `data`: the first byte picks the input's extension,
/// `--format` and `--encoding`, and whether a `行业代码,经营范围` header line is put first (so that
/// most inputs reach the classifier); the rest is the file.
///
/// Checks: on failure, a message and no file at OUT; on success, OUT holds a header and one row
/// per record of the input below the header (counted with the `csv` crate as the CLI reads it;
/// exactly one per record after the first line when the UTF-8 header line was put first), every
/// row as wide as the header, and no temporary file is left behind.
pub fn check_cli_records(data: &[u8]) {
    let Some((&flags, body)) = data.split_first() else {
        return;
    };
    let ext = INPUT_EXTENSIONS[usize::from(flags % 3)];
    let format = OUTPUT_FORMATS[usize::from(flags / 3 % 4)];
    let encoding = ENCODINGS[usize::from(flags / 12 % 3)];
    let with_header = flags / 36 % 2 == 1;
    let delimiter_of_header = if ext == "tsv" { b'\t' } else { b',' };
    let mut file = Vec::with_capacity(body.len() + 32);
    if with_header {
        file.extend_from_slice("行业代码".as_bytes());
        file.push(delimiter_of_header);
        file.extend_from_slice("经营范围\n".as_bytes());
    }
    file.extend_from_slice(body);

    let dir = scratch();
    let input = dir.join(format!("input.{ext}"));
    let out = dir.join("out");
    std::fs::write(&input, &file).unwrap_or_else(|e| panic!("writing the input: {e}"));
    let _ = std::fs::remove_file(&out);
    let mut args = vec![
        "digicat".to_owned(),
        "classify".into(),
        input.display().to_string(),
        "-o".into(),
        out.display().to_string(),
        "-q".into(),
        "--encoding".into(),
        encoding.into(),
    ];
    if let Some(f) = format {
        args.extend(["--format".into(), f.into()]);
    }
    let cli = <digicat_cli::cli::Cli as clap::Parser>::try_parse_from(&args)
        .unwrap_or_else(|e| panic!("arguments {args:?}: {e}"));
    let result = digicat_cli::execute(&cli);
    let left: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".digicat-"))
                .collect()
        })
        .unwrap_or_default();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    let written = match result {
        Err(e) => {
            assert!(!e.to_string().is_empty());
            assert!(!out.exists(), "a failed run left {}: {e}", out.display());
            return;
        }
        Ok(_) => std::fs::read(&out).unwrap_or_else(|e| panic!("no output after success: {e}")),
    };
    let workbook = WORKBOOK_MAGIC.iter().any(|m| file.starts_with(m));
    let delimiter = match ext {
        "tsv" => b'\t',
        "csv" => b',',
        _ if file
            .split(|b| *b == b'\n')
            .next()
            .unwrap_or(&[])
            .contains(&b'\t') =>
        {
            b'\t'
        }
        _ => b',',
    };
    let out_delimiter = match format {
        Some("csv") => b',',
        Some("tsv") => b'\t',
        _ => delimiter,
    };
    let rows_out = if format == Some("jsonl") {
        let text = std::str::from_utf8(&written).unwrap_or_else(|e| panic!("JSONL not UTF-8: {e}"));
        for line in text.lines() {
            let row: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{line:?}: {e}"));
            assert!(row["status"].is_string(), "{line}");
        }
        text.lines().count()
    } else {
        // The header counts as a row here: every row has its width.
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(out_delimiter)
            .from_reader(&written[..]);
        let mut rows = 0usize;
        for record in reader.records() {
            let record = record.unwrap_or_else(|e| panic!("output row {rows}: {e}"));
            if rows > 0 {
                let status = record.get(record.len() - 7).unwrap_or_default();
                assert!(
                    digicat::Status::ALL.iter().any(|s| s.as_str() == status),
                    "row {rows}: status {status:?}"
                );
            }
            rows += 1;
        }
        assert!(rows >= 1, "no header written");
        rows - 1
    };
    if !workbook {
        let records_in = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(&file[..])
            .byte_records()
            .count();
        // Records above the header (found among the first rows) are not rows of the output.
        assert!(
            rows_out < records_in,
            "rows out ({rows_out}) vs records in with the header ({records_in})"
        );
        if with_header && encoding == "utf-8" {
            assert_eq!(
                rows_out + 1,
                records_in,
                "rows out vs records in (with the header, on the first line)"
            );
        }
    }
}
