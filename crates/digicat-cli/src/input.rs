//! Reading the input: opening a file or standard input, telling CSV/TSV from a workbook,
//! detecting the text encoding, and yielding one decoded record at a time.

use crate::cli::EncodingArg;
use crate::columns;
use crate::error::{Failure, Text};
use crate::parquet::read::{ParquetRows, ParquetSource};
use crate::workbook::{self, BookSource, CellKind, SheetRows};
use digicat::report::{find_header_row, Choice, Lang, HEADER_SEARCH_ROWS};
use encoding_rs::{Encoding, GB18030, GBK, UTF_8};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Cursor, Read};
use std::path::Path;
use std::rc::Rc;

/// How much of a delimited input is looked at to choose its encoding and delimiter.
const PREFIX: u64 = 64 * 1024;

/// Starts of workbook files: ZIP (XLSX, XLSB, ODS) and OLE2 (XLS).
const WORKBOOK_MAGIC: [&[u8]; 2] = [b"PK\x03\x04", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"];

/// Where the header row is: a physical line / sheet row given by the user (`--header-row`), or
/// searched for in the first rows with the column choice (see `digicat::report::find_header_row`).
#[derive(Debug, Clone, Copy, Default)]
pub struct HeaderSpec<'a> {
    /// `--header-row N`: the 1-based physical line (CSV/TSV) or sheet row (XLSX).
    pub row: Option<u64>,
    /// The columns named or text only, which decide which row is recognised.
    pub choice: Choice<'a>,
}

/// An open input with its header read.
pub struct Input {
    /// What the input is called in messages (`data.csv`, `standard input` or `标准输入`).
    pub name: Text,
    /// The header row, decoded.
    pub header: Vec<String>,
    /// The physical line (CSV/TSV) or sheet row (XLSX) of the header, 1-based.
    pub header_line: u64,
    /// The delimiter of a CSV/TSV input; `None` for a workbook.
    pub delimiter: Option<u8>,
    /// The text decoder of a CSV/TSV input; `None` for a workbook.
    pub decoder: Option<Decoder>,
    /// GB18030 was chosen by detection: a record in UTF-8 is then flagged, not misread.
    detected_gb18030: bool,
    source: Source,
}

enum Source {
    Delimited {
        reader: csv::Reader<Box<dyn Read>>,
        raw: csv::ByteRecord,
        size: Option<u64>,
        /// Line breaks seen, to give each record its physical line.
        breaks: Rc<RefCell<Breaks>>,
        /// Records read while looking for the header, after it: (line, record).
        pending: VecDeque<(u64, csv::ByteRecord)>,
    },
    Parquet(Box<ParquetRows>),
    Sheet {
        rows: SheetRows,
        /// Rows read while looking for the header, after it: (sheet row, cells, kinds).
        pending: VecDeque<(u64, Vec<String>, Vec<CellKind>)>,
        /// Data rows read so far (the header not counted).
        read: u64,
        /// How many rows of the used range lie below the header.
        total: u64,
    },
}

/// One input record, decoded, with the problems that keep it from being classified.
#[derive(Debug, Default)]
pub struct Record {
    /// Physical line (CSV/TSV: LF, CRLF and CR endings, blank lines and the lines of quoted
    /// multi-line fields counted) or sheet row (XLSX) where the record starts, 1-based.
    pub line: u64,
    /// Exactly one value per header column (a short record is padded with empty values).
    pub fields: Vec<String>,
    /// What each cell of a workbook row holds (one per field); empty for CSV/TSV (all text).
    pub kinds: Vec<CellKind>,
    /// Set when the record cannot be classified.
    pub problem: Option<Problem>,
    /// The record batch of a Parquet input the record is a row of (the Parquet output passes
    /// its columns through with their types); `None` for other inputs.
    pub batch: Option<std::sync::Arc<arrow_array::RecordBatch>>,
}

/// Why a record is not classified (reported with status `invalid`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Field count and the fields beyond the header's width, when the count differs from it.
    pub malformed: Option<(usize, Vec<String>)>,
    /// Positions of fields whose bytes are not valid in the input's encoding.
    pub undecodable: Vec<usize>,
    /// The record is UTF-8 (with non-ASCII text) in an input detected as GB18030: its fields are
    /// shown decoded as UTF-8, but it is not classified, since it cannot be told for sure which
    /// of the two it is.
    pub utf8_in_gb18030: bool,
}

impl Problem {
    /// The command line's own reason name: `malformed_record` or `invalid_encoding`.
    pub fn reason(&self) -> &'static str {
        if self.malformed.is_some() {
            "malformed_record"
        } else {
            "invalid_encoding"
        }
    }

    /// Why a record whose only problem is its field count is not an enterprise (every field,
    /// those beyond the header included, blank, or only a `合计` footer: the core's
    /// `report::skip_reason`); `None` otherwise, or when its bytes are a problem too.
    pub fn skip_reason(&self, fields: &[String]) -> Option<digicat::Reason> {
        let (_, extra) = self.malformed.as_ref()?;
        if !self.undecodable.is_empty() || self.utf8_in_gb18030 {
            return None;
        }
        let all: Vec<&str> = fields.iter().chain(extra).map(String::as_str).collect();
        digicat::report::skip_reason(&all)
    }

    /// The message for the `error` column, in `lang`.
    pub fn message(
        &self,
        line: u64,
        header: &[String],
        decoder: Option<Decoder>,
        lang: Lang,
    ) -> String {
        let zh = lang == Lang::Zh;
        let mut parts = Vec::new();
        if let Some((found, extra)) = &self.malformed {
            let n = header.len();
            let mut m = if zh {
                format!(
                    "第 {line} 行：记录有 {found} 个字段，而表头有 {n} 个（记录字段数与表头不符）"
                )
            } else {
                format!(
                    "line {line}: malformed record: {found} fields, but the header has {n} (记录字段数与表头不符)"
                )
            };
            if !extra.is_empty() {
                if zh {
                    let quoted: Vec<String> = extra.iter().map(|f| format!("“{f}”")).collect();
                    let _ = write!(m, "；多出的字段：{}", quoted.join("、"));
                } else {
                    let quoted: Vec<String> = extra.iter().map(|f| format!("{f:?}")).collect();
                    let _ = write!(m, "; extra fields: {}", quoted.join(", "));
                }
            }
            parts.push(m);
        }
        if !self.undecodable.is_empty() && decoder.is_none() {
            let names: Vec<&str> = self
                .undecodable
                .iter()
                .filter_map(|i| header.get(*i).map(String::as_str))
                .collect();
            parts.push(format!(
                "row {line}: binary value(s) not valid UTF-8 in column(s) {} (编码错误); \
                 undecodable bytes shown as U+FFFD",
                names.join(", ")
            ));
        } else if !self.undecodable.is_empty() {
            let names: Vec<&str> = self
                .undecodable
                .iter()
                .filter_map(|i| header.get(*i).map(String::as_str))
                .collect();
            parts.push(if zh {
                let label = decoder.map_or("输入文件所用", |d| d.label);
                let mut m = format!("第 {line} 行：含有不是有效 {label} 编码的字节（编码错误），已显示为 �");
                if !names.is_empty() {
                    let _ = write!(m, "，在列 {}", names.join("、"));
                }
                let _ = write!(
                    m,
                    "；如果编码识别有误，请用 --encoding {}",
                    decoder.map_or("utf-8、gb18030 或 gbk", Decoder::alternative)
                );
                m
            } else {
                let label = decoder.map_or("the input's encoding", |d| d.label);
                let mut m = format!(
                    "line {line}: bytes not valid in {label} (编码错误); undecodable bytes shown as U+FFFD"
                );
                if !names.is_empty() {
                    let _ = write!(m, " in column(s) {}", names.join(", "));
                }
                let _ = write!(
                    m,
                    "; if the encoding was misdetected, use --encoding {}",
                    decoder.map_or("utf-8, gb18030 or gbk", Decoder::alternative)
                );
                m
            });
        }
        if self.utf8_in_gb18030 {
            parts.push(if zh {
                format!(
                    "第 {line} 行：文件按 GB18030 读取，而此行是 UTF-8（编码混用）；已按 UTF-8 显示，\
                     但未分类；请把文件存为同一种编码，或用 --encoding 指定编码"
                )
            } else {
                format!(
                    "line {line}: this row is UTF-8 in a file read as GB18030 (mixed encodings, 编码混用); \
                     shown decoded as UTF-8 but not classified; save the file in one encoding, or force \
                     one with --encoding"
                )
            });
        }
        parts.join(if zh { "；" } else { "; " })
    }
}

/// A text encoding used to decode the fields of a CSV/TSV input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoder {
    encoding: &'static Encoding,
    /// Name shown to the user: `UTF-8`, `GB18030` or `GBK`.
    pub label: &'static str,
}

impl Decoder {
    const UTF8: Decoder = Decoder {
        encoding: UTF_8,
        label: "UTF-8",
    };
    const GB18030: Decoder = Decoder {
        encoding: GB18030,
        label: "GB18030",
    };
    const GBK: Decoder = Decoder {
        encoding: GBK,
        label: "GBK",
    };

    /// The `--encoding` value to suggest when this one fails: the other encoding.
    pub fn alternative(self) -> &'static str {
        if self.encoding == UTF_8 {
            "gb18030"
        } else {
            "utf-8"
        }
    }

    /// Appends the decoded `bytes` to `out`; `false` when they are not valid in this encoding
    /// (then the undecodable bytes are appended as U+FFFD).
    pub fn decode_into(self, bytes: &[u8], out: &mut String) -> bool {
        if self.encoding == UTF_8 {
            // SIMD validation: for Chinese text several times faster than std's byte loop.
            match simdutf8::basic::from_utf8(bytes) {
                Ok(s) => {
                    out.push_str(s);
                    true
                }
                Err(_) => {
                    out.push_str(&String::from_utf8_lossy(bytes));
                    false
                }
            }
        } else {
            let (text, malformed) = self.encoding.decode_without_bom_handling(bytes);
            out.push_str(&text);
            !malformed
        }
    }
}

impl Input {
    /// Opens `path` (`-` for standard input) and reads its header (see [`HeaderSpec`]); the
    /// rows above the header are not records.
    pub fn open(
        path: &Path,
        encoding: EncodingArg,
        sheet: Option<&str>,
        spec: HeaderSpec,
    ) -> Result<Input, Failure> {
        let stdin = path == Path::new("-");
        let name = if stdin {
            Text::new("standard input", "标准输入")
        } else {
            Text::from(path.display().to_string())
        };
        let (name_en, name_zh) = (name.en.clone(), name.zh.clone());
        let (mut reader, size): (Box<dyn Read>, Option<u64>) = if stdin {
            (Box::new(io::stdin().lock()), None)
        } else {
            let file = File::open(path).map_err(|e| Failure::input_io(&name, &e))?;
            let meta = file.metadata().map_err(|e| Failure::input_io(&name, &e))?;
            if meta.is_dir() {
                return Err(Failure::said(
                    format!("{name_en} is a directory"),
                    format!("{name_zh} 是一个目录，不是文件"),
                ));
            }
            (Box::new(file), meta.is_file().then_some(meta.len()))
        };
        let mut prefix = Vec::new();
        reader
            .by_ref()
            .take(PREFIX)
            .read_to_end(&mut prefix)
            .map_err(|e| Failure::input_io(&name, &e))?;
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let ext = extension.as_deref();
        if prefix.starts_with(crate::parquet::MAGIC) || matches!(ext, Some("parquet" | "pq")) {
            let source = if size.is_some() {
                ParquetSource::File(File::open(path).map_err(|e| Failure::input_io(&name, &e))?)
            } else {
                reader
                    .read_to_end(&mut prefix)
                    .map_err(|e| Failure::input_io(&name, &e))?;
                ParquetSource::Bytes(prefix.into())
            };
            return Input::parquet(name, source, encoding, sheet, spec);
        }
        if WORKBOOK_MAGIC.iter().any(|m| prefix.starts_with(m))
            || matches!(ext, Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods"))
        {
            // A regular file is read where it is (an XLSX sheet as a stream); anything else
            // (standard input, a pipe) is gathered in memory first, as a zip needs seeking.
            let source = if size.is_some() {
                BookSource::File(path.to_owned())
            } else {
                reader
                    .read_to_end(&mut prefix)
                    .map_err(|e| Failure::input_io(&name, &e))?;
                BookSource::Bytes(prefix)
            };
            return Input::workbook(name, source, sheet, spec);
        }
        if sheet.is_some() {
            return Err(Failure::said(
                format!("--sheet applies to workbooks only, and {name_en} is not one"),
                format!("--sheet 只用于工作簿，而 {name_zh} 不是工作簿"),
            ));
        }
        let (decoder, skip) = choose_decoder(&prefix, encoding, &name)?;
        let delimiter = match ext {
            Some("tsv" | "tab") => b'\t',
            Some("csv") => b',',
            _ => {
                let first_line = prefix.split(|b| *b == b'\n').next().unwrap_or(&[]);
                if first_line.contains(&b'\t') {
                    b'\t'
                } else {
                    b','
                }
            }
        };
        let mut head = Cursor::new(prefix);
        head.set_position(skip);
        let breaks = Rc::new(RefCell::new(Breaks::default()));
        let chained: Box<dyn Read> = Box::new(Counting {
            inner: head.chain(reader),
            breaks: Rc::clone(&breaks),
            offset: 0,
        });
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(PREFIX as usize)
            .from_reader(chained);
        // The rows searched for the header: (line, record, fields decoded).
        let mut seen: Vec<(u64, csv::ByteRecord, Vec<String>)> = Vec::new();
        // The first of them that is not valid in the encoding.
        let mut undecodable = None;
        loop {
            let limit = match spec.row {
                Some(n) => seen.last().is_some_and(|(line, ..)| *line >= n),
                None => seen.len() >= HEADER_SEARCH_ROWS,
            };
            if limit {
                break;
            }
            let mut raw = csv::ByteRecord::new();
            if !reader
                .read_byte_record(&mut raw)
                .map_err(|e| Failure::input(&name, e))?
            {
                break;
            }
            let line = breaks
                .borrow_mut()
                .line_at(raw.position().map_or(0, csv::Position::byte));
            let mut valid = true;
            let fields = raw
                .iter()
                .map(|f| {
                    let mut s = String::new();
                    valid &= decoder.decode_into(f, &mut s);
                    s
                })
                .collect();
            if !valid && undecodable.is_none() {
                undecodable = Some(line);
            }
            if spec.row.is_some_and(|n| line < n) {
                continue; // above the header given: not kept
            }
            seen.push((line, raw, fields));
        }
        if seen.is_empty() && spec.row.is_none() {
            return Err(Failure::said(
                format!("{name_en} is empty: no header row"),
                format!("{name_zh} 是空文件：没有表头"),
            ));
        }
        let rows: Vec<(u64, Vec<String>)> = seen.iter().map(|(l, _, f)| (*l, f.clone())).collect();
        let bad_encoding = |line: u64| {
            Failure::said(
                format!(
                    "line {line} of {name_en}, above or at the header, is not valid {}; use --encoding {}",
                    decoder.label,
                    decoder.alternative()
                ),
                format!(
                    "{name_zh} 第 {line} 行（表头或其上方）不是有效的 {} 编码；请用 --encoding {}",
                    decoder.label,
                    decoder.alternative()
                ),
            )
        };
        let at = match (header_index(&name, &rows, spec), undecodable) {
            (Ok(at), _) => at,
            (Err(_), Some(line)) => return Err(bad_encoding(line)),
            (Err(e), None) => return Err(e),
        };
        let mut pending: VecDeque<(u64, csv::ByteRecord)> =
            seen.into_iter().map(|(l, r, _)| (l, r)).collect();
        let (header_line, raw_header) = pending.drain(..=at).next_back().unwrap_or_default();
        let mut header = Vec::with_capacity(raw_header.len());
        for field in raw_header.iter() {
            let mut s = String::new();
            if !decoder.decode_into(field, &mut s) {
                return Err(Failure::said(
                    format!(
                        "the header of {name_en} (line {header_line}) is not valid {}; use --encoding {}",
                        decoder.label,
                        decoder.alternative()
                    ),
                    format!(
                        "{name_zh} 的表头（第 {header_line} 行）不是有效的 {} 编码；请用 --encoding {}",
                        decoder.label,
                        decoder.alternative()
                    ),
                ));
            }
            header.push(s);
        }
        Ok(Input {
            name,
            header,
            header_line,
            delimiter: Some(delimiter),
            decoder: Some(decoder),
            detected_gb18030: encoding == EncodingArg::Auto && decoder == Decoder::GB18030,
            source: Source::Delimited {
                reader,
                raw: csv::ByteRecord::new(),
                size,
                breaks,
                pending,
            },
        })
    }

    /// A Parquet file: its columns are the header (the schema's field names, no header row).
    fn parquet(
        name: Text,
        source: ParquetSource,
        encoding: EncodingArg,
        sheet: Option<&str>,
        spec: HeaderSpec,
    ) -> Result<Input, Failure> {
        let refuse = |option: &str| {
            Failure::said(
                format!(
                    "{option} does not apply to Parquet input {}: its columns are named in the file",
                    name.en
                ),
                format!("{option} 不适用于 Parquet 输入 {}：其列名由文件给出", name.zh),
            )
        };
        if spec.row.is_some() {
            return Err(refuse("--header-row"));
        }
        if sheet.is_some() {
            return Err(refuse("--sheet"));
        }
        if encoding != EncodingArg::Auto {
            return Err(refuse("--encoding"));
        }
        let rows = ParquetRows::open(source, &name.en)?;
        Ok(Input {
            name,
            header: rows.header(),
            header_line: 0,
            delimiter: None,
            decoder: None,
            detected_gb18030: false,
            source: Source::Parquet(Box::new(rows)),
        })
    }

    /// The schema of a Parquet input (`None` for other inputs).
    pub fn parquet_schema(&self) -> Option<arrow_schema::SchemaRef> {
        match &self.source {
            Source::Parquet(rows) => Some(std::sync::Arc::clone(&rows.schema)),
            _ => None,
        }
    }

    /// A workbook: opens the sheet (see [`workbook`]) and finds the header among its first rows.
    fn workbook(
        name: Text,
        source: BookSource,
        sheet: Option<&str>,
        spec: HeaderSpec,
    ) -> Result<Input, Failure> {
        let mut rows = workbook::open(source, &name, sheet)?;
        let name = Text::new(
            format!("{} (sheet {})", name.en, rows.sheet),
            format!("{} 的工作表“{}”", name.zh, rows.sheet),
        );
        // The rows searched for the header, with their sheet row numbers: up to the row given
        // with --header-row, else the first HEADER_SEARCH_ROWS.
        let mut searched: Vec<(u64, Vec<String>)> = Vec::new();
        let mut searched_kinds: Vec<Vec<CellKind>> = Vec::new();
        while let Some((line, fields, kinds)) = rows.next_row()? {
            searched.push((line, fields));
            searched_kinds.push(kinds);
            let done = match spec.row {
                Some(n) => line >= n,
                None => searched.len() >= HEADER_SEARCH_ROWS,
            };
            if done {
                break;
            }
        }
        if searched.is_empty() {
            return Err(Failure::said(
                format!("{} is empty: no header row", name.en),
                format!("{}为空：没有表头", name.zh),
            ));
        }
        let at = header_index(&name, &searched, spec)?;
        // Rows of the used range below the header.
        let total = rows.rows.saturating_sub(at as u64 + 1);
        let mut pending: VecDeque<(u64, Vec<String>, Vec<CellKind>)> = searched
            .drain(at..)
            .zip(searched_kinds.drain(at..))
            .map(|((line, fields), kinds)| (line, fields, kinds))
            .collect();
        let (header_line, header, _) = pending.pop_front().unwrap_or_default();
        Ok(Input {
            name,
            header,
            header_line,
            delimiter: None,
            decoder: None,
            detected_gb18030: false,
            source: Source::Sheet {
                rows,
                pending,
                read: 0,
                total,
            },
        })
    }

    /// Reads the next record into `rec`; `false` at the end of the input.
    pub fn next(&mut self, rec: &mut Record) -> Result<bool, Failure> {
        let width = self.header.len();
        rec.problem = None;
        rec.fields.resize_with(width, String::new);
        rec.fields.iter_mut().for_each(String::clear);
        rec.kinds.clear();
        rec.batch = None;
        match &mut self.source {
            Source::Parquet(rows) => return rows.next_row(rec),
            Source::Delimited {
                reader,
                raw,
                breaks,
                pending,
                ..
            } => {
                if let Some((line, record)) = pending.pop_front() {
                    *raw = record;
                    rec.line = line;
                } else if reader
                    .read_byte_record(raw)
                    .map_err(|e| Failure::input(&self.name, e))?
                {
                    let start = raw.position().map_or(0, csv::Position::byte);
                    rec.line = breaks.borrow_mut().line_at(start);
                } else {
                    return Ok(false);
                }
                let mut decoder = self.decoder.unwrap_or(Decoder::UTF8);
                let mut problem = Problem::default();
                if self.detected_gb18030
                    && !raw.as_slice().is_ascii()
                    && simdutf8::basic::from_utf8(raw.as_slice()).is_ok()
                {
                    decoder = Decoder::UTF8;
                    problem.utf8_in_gb18030 = true;
                }
                let mut extra = Vec::new();
                for (i, bytes) in raw.iter().enumerate() {
                    let valid = match rec.fields.get_mut(i) {
                        Some(out) => decoder.decode_into(bytes, out),
                        None => {
                            let mut s = String::new();
                            let valid = decoder.decode_into(bytes, &mut s);
                            extra.push(s);
                            valid
                        }
                    };
                    if !valid {
                        problem.undecodable.push(i);
                    }
                }
                if raw.len() != width {
                    problem.malformed = Some((raw.len(), extra));
                }
                if problem != Problem::default() {
                    rec.problem = Some(problem);
                }
            }
            Source::Sheet {
                rows,
                pending,
                read,
                ..
            } => {
                let next = match pending.pop_front() {
                    Some(row) => Some(row),
                    None => rows.next_row()?,
                };
                let Some((line, fields, kinds)) = next else {
                    return Ok(false);
                };
                rec.line = line;
                for (out, value) in rec.fields.iter_mut().zip(fields) {
                    *out = value;
                }
                rec.kinds = kinds;
                rec.kinds.resize(width, CellKind::Text);
                *read += 1;
            }
        }
        Ok(true)
    }

    /// How far the input has been read, and out of how much: bytes of a CSV/TSV file, rows of a
    /// sheet; `None` as the total when unknown (standard input).
    pub fn progress(&self) -> (u64, Option<u64>, Unit) {
        match &self.source {
            Source::Delimited { reader, size, .. } => {
                (reader.position().byte(), *size, Unit::Bytes)
            }
            Source::Sheet { read, total, .. } => (*read, Some(*total), Unit::Rows),
            Source::Parquet(rows) => (rows.read(), Some(rows.total), Unit::Rows),
        }
    }

    /// [`Input::describe`] in Chinese, e.g. `CSV，UTF-8`.
    pub fn describe_zh(&self) -> String {
        if let Source::Parquet(rows) = &self.source {
            return format!("Parquet，{} 行，{} 个行组", rows.total, rows.row_groups);
        }
        match (self.delimiter, self.decoder) {
            (Some(b'\t'), Some(d)) => format!("TSV，{}", d.label),
            (Some(_), Some(d)) => format!("CSV，{}", d.label),
            _ => "工作簿".to_owned(),
        }
    }

    /// A short description for the summary, e.g. `CSV, UTF-8`.
    pub fn describe(&self) -> String {
        if let Source::Parquet(rows) = &self.source {
            return format!(
                "Parquet, {} rows in {} row groups",
                rows.total, rows.row_groups
            );
        }
        match (self.delimiter, self.decoder) {
            (Some(b'\t'), Some(d)) => format!("TSV, {}", d.label),
            (Some(_), Some(d)) => format!("CSV, {}", d.label),
            _ => "workbook".to_owned(),
        }
    }
}

/// The index in `rows` ((line, fields) from the top of the input) of the header: the row given
/// with `--header-row`, else the one the core's `find_header_row` finds; an error naming the
/// rows seen when there is none.
fn header_index(
    name: &Text,
    rows: &[(u64, Vec<String>)],
    spec: HeaderSpec,
) -> Result<usize, Failure> {
    if let Some(n) = spec.row {
        return rows.iter().position(|(line, _)| *line == n).ok_or_else(|| {
            let last = rows.last().map_or(0, |(l, _)| *l);
            let (en, zh) = (&name.en, &name.zh);
            if last < n {
                Failure::said(
                    format!("--header-row {n}: {en} ends before row {n} (表头行超出文件)"),
                    format!("--header-row {n}：{zh} 不到 {n} 行，表头行超出文件"),
                )
            } else {
                Failure::said(
                    format!(
                        "--header-row {n}: line {n} of {en} is blank or inside a quoted field, not the start of a row (表头行无效)"
                    ),
                    format!(
                        "--header-row {n}：{zh} 的第 {n} 行是空行或在带引号的字段之内，不是一行的开头，不能作表头"
                    ),
                )
            }
        });
    }
    let fields: Vec<&[String]> = rows.iter().map(|(_, f)| f.as_slice()).collect();
    find_header_row(&fields, &spec.choice).ok_or_else(|| columns::no_header(name, rows))
}

/// Physical line numbers of a delimited input: the positions of the line breaks (LF, CRLF, CR)
/// read so far and not yet passed, and how many lines lie before them.
#[derive(Debug, Default)]
pub struct Breaks {
    /// Offsets of `\r` and `\n` bytes not yet passed, with the byte.
    pending: VecDeque<(u64, u8)>,
    /// Line breaks passed.
    lines: u64,
    /// The last byte passed was a `\r` at this offset (a `\n` right after it ends the same line).
    last_cr: Option<u64>,
}

impl Breaks {
    /// Notes a `\r` or `\n` at `offset`.
    fn push(&mut self, offset: u64, byte: u8) {
        self.pending.push_back((offset, byte));
    }

    /// Passes one line-break byte.
    fn pass(&mut self, offset: u64, byte: u8) {
        if !(byte == b'\n' && self.last_cr == Some(offset.wrapping_sub(1))) {
            self.lines += 1;
        }
        self.last_cr = (byte == b'\r').then_some(offset);
    }

    /// The 1-based line of a record the CSV reader says starts at byte `start` (where it began
    /// looking: possibly the end of the previous line or blank lines before the record). Every
    /// record is read in order, so breaks before `start` are passed for good.
    pub fn line_at(&mut self, mut start: u64) -> u64 {
        while let Some(&(offset, byte)) = self.pending.front() {
            if offset > start {
                break;
            }
            if offset == start {
                start += 1; // a break where the record would start: it starts after it
            }
            self.pending.pop_front();
            self.pass(offset, byte);
        }
        self.lines + 1
    }
}

/// A reader that notes the line breaks of what it reads in [`Breaks`].
struct Counting<R> {
    inner: R,
    breaks: Rc<RefCell<Breaks>>,
    offset: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut breaks = self.breaks.borrow_mut();
        for i in memchr::memchr2_iter(b'\r', b'\n', &buf[..n]) {
            breaks.push(self.offset + i as u64, buf[i]);
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// What [`Input::progress`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Bytes of the input file.
    Bytes,
    /// Rows of a sheet.
    Rows,
}

/// The decoder for a delimited input and how many BOM bytes to skip.
fn choose_decoder(
    prefix: &[u8],
    encoding: EncodingArg,
    name: &Text,
) -> Result<(Decoder, u64), Failure> {
    let (name_en, name_zh) = (&name.en, &name.zh);
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    if prefix.starts_with(b"\xFF\xFE") || prefix.starts_with(b"\xFE\xFF") {
        return Err(Failure::said(
            format!(
                "{name_en} is UTF-16, which is not supported: save it as CSV in UTF-8 or GB18030"
            ),
            format!("{name_zh} 是 UTF-16 编码，不支持：请另存为 UTF-8 或 GB18030 编码的 CSV"),
        ));
    }
    let bom = if prefix.starts_with(BOM) { 3 } else { 0 };
    // Cut in the middle of a character at the end of the prefix: still UTF-8.
    let utf8 = match std::str::from_utf8(prefix) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && prefix.len() as u64 == PREFIX,
    };
    // Text has NUL bytes only where a field holds one, and then it is UTF-8 or chosen by
    // --encoding: NUL bytes in a prefix that is not UTF-8 make a binary file (an image, a PDF).
    if encoding == EncodingArg::Auto && !utf8 && prefix.contains(&0) {
        return Err(Failure::said(
            format!(
                "{name_en} is not a CSV or TSV text file (it has NUL bytes and is not UTF-8; an image, \
                 a PDF or an archive?): give a CSV, TSV or XLSX file, or force --encoding"
            ),
            format!(
                "{name_zh} 不是 CSV 或 TSV 文本文件（含有 NUL 字节且不是 UTF-8，可能是图片、PDF 或压缩包）：\
                 请给出 CSV、TSV 或 XLSX 文件，或用 --encoding 指定编码"
            ),
        ));
    }
    Ok(match encoding {
        EncodingArg::Utf8 => (Decoder::UTF8, bom),
        EncodingArg::Gb18030 => (Decoder::GB18030, 0),
        EncodingArg::Gbk => (Decoder::GBK, 0),
        EncodingArg::Auto if bom > 0 => (Decoder::UTF8, bom),
        EncodingArg::Auto if utf8 => (Decoder::UTF8, 0),
        EncodingArg::Auto => (Decoder::GB18030, 0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn physical_lines_for_lf_crlf_cr_and_blank_lines() {
        // Records as the CSV reader reports them: the byte where it began looking.
        let lines = |data: &[u8]| {
            let breaks = Rc::new(RefCell::new(Breaks::default()));
            let counting = Counting {
                inner: data,
                breaks: Rc::clone(&breaks),
                offset: 0,
            };
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(counting);
            let mut raw = csv::ByteRecord::new();
            let mut out = Vec::new();
            while reader.read_byte_record(&mut raw).unwrap() {
                let start = raw.position().unwrap().byte();
                out.push(breaks.borrow_mut().line_at(start));
            }
            out
        };
        assert_eq!(lines(b"h\na\nb\n"), [1, 2, 3]);
        assert_eq!(lines(b"h\r\na\r\nb\r\n"), [1, 2, 3]);
        assert_eq!(lines(b"h\ra\rb"), [1, 2, 3]);
        assert_eq!(lines(b"h\r\n\r\na\r\n\r\n\r\nb\r\n"), [1, 3, 6]);
        assert_eq!(lines(b"\n\nh\na\n\nb"), [3, 4, 6]);
        assert_eq!(lines(b"h\r\n\"x\r\ny\"\r\nb\r\n"), [1, 2, 4]);
        assert_eq!(lines(b"h\r\r\na"), [1, 3]);
    }

    #[test]
    fn decoders_flag_invalid_bytes() {
        let mut s = String::new();
        assert!(Decoder::UTF8.decode_into("软件".as_bytes(), &mut s));
        assert!(!Decoder::UTF8.decode_into(b"\xC8\xED\xBC\xFE", &mut s));
        assert!(s.starts_with("软件") && s.ends_with('\u{FFFD}'));
        let mut g = String::new();
        assert!(Decoder::GB18030.decode_into(b"\xC8\xED\xBC\xFE", &mut g));
        assert_eq!(g, "软件");
        assert!(!Decoder::GB18030.decode_into(b"\x81", &mut g));
    }

    #[test]
    fn encoding_is_chosen_from_the_prefix() {
        let auto = |b: &[u8]| choose_decoder(b, EncodingArg::Auto, &"x".into()).unwrap();
        assert_eq!(auto(b"\xEF\xBB\xBFa,b"), (Decoder::UTF8, 3));
        assert_eq!(auto("行业代码".as_bytes()), (Decoder::UTF8, 0));
        assert_eq!(auto(b"\xD0\xD0\xD2\xB5"), (Decoder::GB18030, 0));
        assert!(choose_decoder(b"\xFF\xFEa\0", EncodingArg::Auto, &"x".into()).is_err());
        assert!(choose_decoder(b"\x89PNG\r\n\x1a\n\0\0", EncodingArg::Auto, &"x".into()).is_err());
        assert_eq!(
            auto(b"a,b\0\n"),
            (Decoder::UTF8, 0),
            "NUL in UTF-8 text is a character"
        );
        let forced = choose_decoder("行业".as_bytes(), EncodingArg::Gbk, &"x".into()).unwrap();
        assert_eq!(forced, (Decoder::GBK, 0));
    }
}
