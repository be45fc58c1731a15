//! Writing the result: CSV/TSV, JSON Lines, an XLSX workbook or Parquet, to standard output or
//! atomically to a file.

use crate::error::{Failure, Text};
use crate::input::Record;
use crate::outcome::Outcome;
use crate::parquet::write::ParquetSink;
use arrow_schema::SchemaRef;
use digicat::report::{self, Lang, Layout, Tally};
use digicat::{szjj, CatalogueId, Classification, Code, Evidence, Status};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::TempPath;

/// Where the result goes: standard output, or a temporary file renamed onto OUTPUT at the end.
pub struct Target {
    sink: Sink,
    temp: Option<Temp>,
    name: Text,
}

enum Sink {
    Stdout(io::StdoutLock<'static>),
    File(File),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(s) => s.write(buf),
            Sink::File(f) => f.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(s) => s.flush(),
            Sink::File(f) => f.flush(),
        }
    }
}

impl Target {
    /// Standard output when `output` is `None` or `-`; an existing OUTPUT that is not a regular
    /// file (`/dev/null`, a FIFO) written in place, since renaming over it would replace the
    /// device or pipe; else a new temporary file in OUTPUT's directory, removed if the process is
    /// interrupted (SIGINT, SIGTERM, SIGHUP). Refuses an OUTPUT that is the same file as `input`.
    pub fn new(output: Option<&Path>, input: &Path) -> Result<Target, Failure> {
        let Some(path) = output.filter(|p| *p != Path::new("-")) else {
            return Ok(Target {
                sink: Sink::Stdout(io::stdout().lock()),
                temp: None,
                name: Text::new("standard output", "标准输出"),
            });
        };
        let name = Text::from(path.display());
        if input != Path::new("-") && same_file(input, path) {
            return Err(Failure::said(
                format!(
                    "refusing to write over the input: {} is the same file as {}",
                    name.en,
                    input.display()
                ),
                format!(
                    "拒绝覆盖输入文件：{} 与 {} 是同一个文件",
                    name.zh,
                    input.display()
                ),
            ));
        }
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| Failure::output(&name, e))?;
            return Ok(Target {
                sink: Sink::File(file),
                temp: None,
                name,
            });
        }
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".digicat-").suffix(".tmp");
        #[cfg(unix)]
        {
            // Like any new file: 0666 less the umask (tempfile's default is 0600).
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        interrupt::watch();
        // Created and registered under the lock, so an interrupt sees it as soon as it exists.
        let mut pending = interrupt::pending();
        let temp = builder.tempfile_in(dir).map_err(|e| {
            let what = Text::new(
                format!("{} (temporary file in {})", name.en, dir.display()),
                format!("{}（在 {} 中的临时文件）", name.zh, dir.display()),
            );
            Failure::output(what, e)
        })?;
        let (file, temp_path) = temp.into_parts();
        *pending = Some(temp_path.to_path_buf());
        drop(pending);
        Ok(Target {
            sink: Sink::File(file),
            temp: Some(Temp {
                path: temp_path,
                target: path.to_owned(),
                _registered: interrupt::Registered,
            }),
            name,
        })
    }

    /// What the output is called in messages.
    pub fn name(&self) -> &Text {
        &self.name
    }

    /// Writes a finished document that needs a `Send` writer (a workbook): straight into the
    /// file, or, for standard output, into an anonymous temporary file copied out afterwards.
    pub fn write_with<E: std::fmt::Display>(
        &mut self,
        save: impl FnOnce(&mut File) -> Result<(), E>,
    ) -> Result<(), Failure> {
        let name = self.name.clone();
        let failed = |e: E| Failure::output(&name, io::Error::other(e.to_string()));
        match &mut self.sink {
            Sink::File(file) => save(file).map_err(failed),
            Sink::Stdout(out) => {
                let mut file = tempfile::tempfile().map_err(|e| Failure::output(&name, e))?;
                save(&mut file).map_err(failed)?;
                use std::io::Seek;
                file.rewind()
                    .and_then(|()| io::copy(&mut file, out).map(drop))
                    .map_err(|e| Failure::output(&name, e))
            }
        }
    }

    /// A file for a writer that needs a `Send` one (Parquet): the output file itself, or, for
    /// standard output, an anonymous temporary file that [`Target::copy_from`] copies out.
    pub fn send_file(&self) -> Result<File, Failure> {
        match &self.sink {
            Sink::File(file) => file.try_clone(),
            Sink::Stdout(_) => tempfile::tempfile(),
        }
        .map_err(|e| Failure::output(&self.name, e))
    }

    /// Copies what was written to a [`Target::send_file`] file to standard output (for a file
    /// output nothing is left to do).
    pub fn copy_from(&mut self, mut file: File) -> Result<(), Failure> {
        if let Sink::Stdout(out) = &mut self.sink {
            use std::io::Seek;
            file.rewind()
                .and_then(|()| io::copy(&mut file, out).map(drop))
                .map_err(|e| Failure::output(&self.name, e))?;
        }
        Ok(())
    }

    /// Makes the written result visible: flushes, and for a file syncs it and renames it onto
    /// OUTPUT.
    pub fn commit(self) -> Result<(), Failure> {
        let Target {
            mut sink,
            temp,
            name,
        } = self;
        sink.flush().map_err(|e| Failure::output(&name, e))?;
        if let (Sink::File(file), Some(temp)) = (sink, temp) {
            file.sync_all().map_err(|e| Failure::output(&name, e))?;
            drop(file);
            // Renamed under the lock: an interrupt meanwhile waits, then finds nothing to remove.
            let mut pending = interrupt::pending();
            let renamed = temp.path.persist(&temp.target);
            *pending = None;
            renamed.map_err(|e| Failure::output(&name, e.error))?;
        }
        Ok(())
    }
}

/// The temporary file of an OUTPUT, deleted when dropped unless renamed onto `target`.
struct Temp {
    path: TempPath,
    target: PathBuf,
    _registered: interrupt::Registered,
}

/// Removing the temporary file when the process is interrupted (a signal skips destructors).
mod interrupt {
    use std::path::PathBuf;
    use std::sync::{Mutex, MutexGuard, PoisonError};

    /// The temporary file being written, if any.
    static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

    /// The pending temporary file (the lock is held while it is created or renamed).
    pub fn pending() -> MutexGuard<'static, Option<PathBuf>> {
        PENDING.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Clears the pending file when dropped (the file itself is removed by its `TempPath`).
    pub struct Registered;

    impl Drop for Registered {
        fn drop(&mut self) {
            *pending() = None;
        }
    }

    /// Starts, once, a thread that on SIGINT, SIGTERM or SIGHUP removes the pending temporary
    /// file and then lets the signal end the process as it would have. Without the thread (it
    /// could not be started, or not a Unix system) an interrupt may leave a `.digicat-*.tmp` file.
    pub fn watch() {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            static WATCH: std::sync::Once = std::sync::Once::new();
            WATCH.call_once(|| {
                let Ok(mut signals) =
                    signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
                else {
                    return;
                };
                std::thread::spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        if let Some(path) = pending().take() {
                            let _ = std::fs::remove_file(path);
                        }
                        let _ = signal_hook::low_level::emulate_default_handler(signal);
                        std::process::exit(128 + signal);
                    }
                });
            });
        }
    }
}

impl Write for Target {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.sink.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.sink.flush()
    }
}

/// `true` when both paths exist and are the same file (also through links).
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        x.dev() == y.dev() && x.ino() == y.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (x, y);
        matches!((a.canonicalize(), b.canonicalize()), (Ok(p), Ok(q)) if p == q)
    }
}

/// How rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowFormat {
    /// CSV or TSV with this delimiter.
    Delimited(u8),
    /// One JSON object a line.
    Jsonl,
    /// An XLSX workbook: the rows (cell types kept), a summary sheet, the options used.
    Xlsx,
    /// Parquet: the input columns (a Parquet input's with their types), the typed results.
    Parquet,
}

/// The CSV/TSV writer of the rows.
fn table_writer<W: Write>(delimiter: u8, out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .delimiter(delimiter)
        .buffer_capacity(64 * 1024)
        .from_writer(out)
}

/// The added columns of a row: each catalogue's, in order, in `lang`.
fn added_fields(outcomes: &[Outcome], lang: Lang) -> Vec<String> {
    outcomes.iter().flat_map(|o| o.fields(lang)).collect()
}

/// Renders rows (each with the outcome of every catalogue) as [`Output::write`] writes them to
/// CSV/TSV, appending to `out`.
pub fn render_rows<'a>(
    delimiter: u8,
    lang: Lang,
    rows: impl Iterator<Item = (&'a Record, &'a [Outcome])>,
    out: Vec<u8>,
) -> Vec<u8> {
    let mut w = table_writer(delimiter, out);
    for (rec, outcomes) in rows {
        let fields = added_fields(outcomes, lang);
        // Writing into memory cannot fail.
        let _ = w.write_record(rec.fields.iter().chain(&fields).map(String::as_str));
    }
    w.into_inner().unwrap_or_default()
}

/// Position of `error` among the added columns ([`report::COLUMNS_EN`]).
const ERROR: usize = 6;

/// The writer of the classified rows.
pub struct Output {
    writer: Writer,
    /// Language of the status and reason values of CSV/TSV and workbook rows (JSON Lines keeps
    /// the stable codes).
    lang: Lang,
    /// Rows written so far.
    written: u64,
    /// The delimiter of CSV/TSV output.
    delimiter: Option<u8>,
}

enum Writer {
    Table(Box<csv::Writer<Target>>),
    Jsonl {
        out: BufWriter<Target>,
        keys: Vec<String>,
        /// The catalogues, in output order.
        catalogues: Vec<CatalogueId>,
    },
    Xlsx(Box<crate::xlsx::Book>),
    Parquet(Box<ParquetSink>),
}

impl Writer {
    /// Where the rows go.
    fn target(&self) -> &Target {
        match self {
            Writer::Table(w) => w.get_ref(),
            Writer::Jsonl { out, .. } => out.get_ref(),
            Writer::Xlsx(book) => book.target(),
            Writer::Parquet(sink) => sink.target(),
        }
    }
}

impl Output {
    /// Starts the output: for CSV/TSV writes the header (the input's, then the added columns in
    /// `lang`), after a UTF-8 BOM when `bom` is set. Parquet needs the input's `schema` (a
    /// Parquet input's) and the `layout` (which text evidence offsets count in).
    pub fn new(
        mut target: Target,
        format: RowFormat,
        header: &[String],
        catalogues: &[CatalogueId],
        (schema, layout): (Option<SchemaRef>, &Layout),
        lang: Lang,
        bom: bool,
    ) -> Result<Output, Failure> {
        let added: Vec<&str> = catalogues
            .iter()
            .flat_map(|c| report::catalogue_columns(*c, lang).iter().copied())
            .collect();
        let writer = match format {
            RowFormat::Delimited(delimiter) => {
                if bom {
                    target
                        .write_all("\u{FEFF}".as_bytes())
                        .map_err(|e| Failure::output(&target.name, e))?;
                }
                let mut w = table_writer(delimiter, target);
                w.write_record(
                    header
                        .iter()
                        .map(String::as_str)
                        .chain(added.iter().copied()),
                )
                .map_err(|e| csv_failure(&w.get_ref().name, e))?;
                Writer::Table(Box::new(w))
            }
            RowFormat::Jsonl => Writer::Jsonl {
                out: BufWriter::with_capacity(64 * 1024, target),
                keys: json_keys(header),
                catalogues: catalogues.to_vec(),
            },
            RowFormat::Xlsx => Writer::Xlsx(Box::new(crate::xlsx::Book::new(
                target, header, &added, lang,
            )?)),
            RowFormat::Parquet => Writer::Parquet(Box::new(ParquetSink::new(
                target,
                header,
                (schema, layout),
                catalogues,
                lang,
            )?)),
        };
        let delimiter = match format {
            RowFormat::Delimited(d) => Some(d),
            _ => None,
        };
        Ok(Output {
            writer,
            lang,
            written: 0,
            delimiter,
        })
    }

    /// For CSV/TSV output, how other threads render rows ahead ([`render_rows`]): the delimiter
    /// and the language.
    pub fn rendering(&self) -> Option<(u8, Lang)> {
        self.delimiter.map(|d| (d, self.lang))
    }

    /// Writes `rows` rows that [`render_rows`] rendered as `bytes` (CSV/TSV output only).
    pub fn write_rendered(self, rows: u64, bytes: &[u8]) -> Result<Output, Failure> {
        let Output {
            writer,
            lang,
            written,
            delimiter,
        } = self;
        let writer = match (writer, delimiter) {
            (Writer::Table(w), Some(d)) => {
                let name = w.get_ref().name.clone();
                let mut target = w
                    .into_inner()
                    .map_err(|e| Failure::output(&name, e.into_error()))?;
                target
                    .write_all(bytes)
                    .map_err(|e| Failure::output(&target.name, e))?;
                Writer::Table(Box::new(table_writer(d, target)))
            }
            (other, _) => other,
        };
        Ok(Output {
            writer,
            lang,
            written: written + rows,
            delimiter,
        })
    }

    /// Writes one row: the input values, then the outcome of each catalogue, in the order of
    /// `--catalogue` (JSONL: the first catalogue's keys at the top level, each further one as an
    /// object under its id, e.g. `"szjj-2021"`; a skipped row has the keys of an invalid one,
    /// `error` null).
    pub fn write(&mut self, rec: &Record, outcomes: &[Outcome]) -> Result<(), Failure> {
        match &mut self.writer {
            Writer::Table(w) => {
                let fields = added_fields(outcomes, self.lang);
                w.write_record(rec.fields.iter().chain(&fields).map(String::as_str))
                    .map_err(|e| csv_failure(&w.get_ref().name, e))?;
            }
            Writer::Xlsx(book) => {
                let fields = added_fields(outcomes, self.lang);
                book.write(rec, &fields)?;
            }
            Writer::Parquet(sink) => sink.write(rec, outcomes)?,
            Writer::Jsonl {
                out,
                keys,
                catalogues,
            } => {
                let lang = self.lang;
                let answers: Vec<JsonAnswer<'_>> = outcomes
                    .iter()
                    .zip(catalogues.iter())
                    .map(|(o, c)| JsonAnswer::of(o, *c, lang))
                    .collect();
                let Some((first, rest)) = answers.split_first() else {
                    return Ok(());
                };
                let row = JsonRow {
                    line: rec.line,
                    input: InputObject {
                        keys,
                        values: &rec.fields,
                    },
                    answer: first,
                    more: More {
                        ids: catalogues.get(1..).unwrap_or(&[]),
                        answers: rest,
                    },
                };
                serde_json::to_writer(&mut *out, &row)
                    .map_err(io::Error::from)
                    .and_then(|()| out.write_all(b"\n"))
                    .map_err(|e| Failure::output(&out.get_ref().name, e))?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Flushes everything and, for a file, renames it into place; returns the rows written. A
    /// workbook gets its summary sheet from `tally` and its options sheet from `about`
    /// (label, value pairs).
    pub fn finish(self, tally: &Tally, about: &[(String, String)]) -> Result<u64, Failure> {
        let name = self.writer.target().name.clone();
        let target = match self.writer {
            Writer::Table(w) => w.into_inner().map_err(|e| e.into_error()),
            Writer::Jsonl { out, .. } => out.into_inner().map_err(|e| e.into_error()),
            Writer::Xlsx(book) => {
                book.finish(tally, about)?.commit()?;
                return Ok(self.written);
            }
            Writer::Parquet(sink) => {
                sink.finish(about)?;
                return Ok(self.written);
            }
        }
        .map_err(|e| Failure::output(&name, e))?;
        target.commit()?;
        Ok(self.written)
    }
}

fn csv_failure(name: &Text, e: csv::Error) -> Failure {
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(e) => Failure::output(name, e),
        _ => Failure::output(name, io::Error::other(message)),
    }
}

/// JSON keys for the input columns: the header names, an empty one as `column_N`, and a repeated
/// one with `_2`, `_3`, … appended, so that no value is lost to a duplicate key.
fn json_keys(header: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::with_capacity(header.len());
    for (i, h) in header.iter().enumerate() {
        let base = if h.is_empty() {
            format!("column_{}", i + 1)
        } else {
            h.clone()
        };
        let mut key = base.clone();
        let mut n = 1;
        while keys.contains(&key) {
            n += 1;
            key = format!("{base}_{n}");
        }
        keys.push(key);
    }
    keys
}

/// One JSON Lines row: `line`, `input`, the result, `error`.
#[derive(Serialize)]
struct JsonRow<'a> {
    line: u64,
    input: InputObject<'a>,
    #[serde(flatten)]
    answer: &'a JsonAnswer<'a>,
    #[serde(flatten)]
    more: More<'a>,
}

/// The answers of the catalogues after the first, each under its id.
struct More<'a> {
    ids: &'a [CatalogueId],
    answers: &'a [JsonAnswer<'a>],
}

impl Serialize for More<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.ids.len()))?;
        for (id, answer) in self.ids.iter().zip(self.answers) {
            map.serialize_entry(id.as_str(), answer)?;
        }
        map.end()
    }
}

/// One catalogue's answer: its result keys and `error`.
#[derive(Serialize)]
struct JsonAnswer<'a> {
    #[serde(flatten)]
    result: JsonResult<'a>,
    error: Option<String>,
}

impl<'a> JsonAnswer<'a> {
    /// The answer of `outcome` in `catalogue` (whose keys a skipped or unread row takes), an
    /// error message in `lang`.
    fn of(outcome: &'a Outcome, catalogue: CatalogueId, lang: Lang) -> JsonAnswer<'a> {
        match outcome {
            Outcome::Classified(Ok(c)) => JsonAnswer {
                result: JsonResult::Classified(c),
                error: None,
            },
            Outcome::Szjj(Ok(c)) => JsonAnswer {
                result: JsonResult::Szjj(c),
                error: None,
            },
            _ => {
                let fields = outcome.fields(lang);
                let status = outcome.status();
                let reason = outcome.reason();
                let result = if catalogue == CatalogueId::Szjj2021 {
                    JsonResult::InvalidSzjj {
                        status,
                        reason,
                        code: None,
                        classes: [],
                        rows: [],
                        evidence: [],
                    }
                } else {
                    JsonResult::Invalid {
                        status,
                        reason,
                        code: None,
                        industries: [],
                        rows: [],
                        evidence: [],
                    }
                };
                let error = fields[ERROR].clone();
                JsonAnswer {
                    result,
                    error: Some(error).filter(|e| !e.is_empty()),
                }
            }
        }
    }
}

/// The result keys of a row: the core's shape of a [`Classification`] (`status`, `reason`,
/// `code`, `industries`, `rows`, `evidence`) or of a `szjj-2021` one (`classes` for
/// `industries`), or the same keys, empty, for an invalid row.
#[derive(Serialize)]
#[serde(untagged)]
enum JsonResult<'a> {
    Classified(&'a Classification),
    Szjj(&'a szjj::Classification),
    Invalid {
        status: Status,
        reason: &'static str,
        code: Option<Code>,
        industries: [u8; 0],
        rows: [&'static str; 0],
        evidence: [Evidence; 0],
    },
    InvalidSzjj {
        status: Status,
        reason: &'static str,
        code: Option<Code>,
        classes: [&'static str; 0],
        rows: [&'static str; 0],
        evidence: [Evidence; 0],
    },
}

/// The input columns as a JSON object, in column order.
struct InputObject<'a> {
    keys: &'a [String],
    values: &'a [String],
}

impl Serialize for InputObject<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.keys.len()))?;
        for (k, v) in self.keys.iter().zip(self.values) {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keys_are_unique_and_never_empty() {
        let h: Vec<String> = ["a", "", "a", "a_2", "a"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(json_keys(&h), ["a", "column_2", "a_2", "a_2_2", "a_3"]);
    }

    #[test]
    fn error_is_the_error_column() {
        assert_eq!(report::COLUMNS_EN[ERROR], "error");
    }
}
