//! Reading one sheet of a workbook one row at a time, refusing what no spreadsheet program
//! writes before memory grows.
//!
//! An XLSX sheet is streamed: a worker thread reads the sheet's XML with calamine's cell reader
//! and hands rows over a bounded channel, so memory holds the workbook's shared strings (which
//! calamine loads whole) and about a thousand rows (at most about 260,000 cells), however long
//! the sheet is. The worker reads the sheet XML three times, each time as a stream:
//!
//! 1. a scan: every cell reference is checked against Excel's limits (1,048,576 rows, 16,384
//!    columns) and against the order every spreadsheet program writes (rows ascending, each row
//!    once, cells ascending within a row), and the used range (the bounding box of the non-empty
//!    cells, as calamine's `worksheet_range` gives it) is found;
//! 2. the merged regions (`<mergeCells>`, after the cell data);
//! 3. the rows themselves, each row of the used range yielded once, in order, a row with no
//!    cells as a blank row.
//!
//! A refusal in the scan happens before a single row is yielded. Before any of this, the zip
//! archive's declared sizes are checked (see [`MAX_RATIO`]); the `zip` crate stops reading a part
//! at its declared size, so a part cannot inflate beyond what was checked.
//!
//! XLS, XLSB and ODS (which calamine cannot stream) are loaded whole, as before, after the same
//! archive check (XLSB, ODS) and a file-size guard ([`MAX_WHOLE`]); their rows are then checked
//! against Excel's limits. Merged cells are filled in XLSX only.

use crate::error::{Failure, Text};
use calamine::{Data, DataRef, Dimensions, Reader, Xlsx};
use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek};
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::{self, JoinHandle};

/// Excel's row limit (rows 1 to 1,048,576).
pub const MAX_ROWS: u32 = 1_048_576;
/// Excel's column limit (columns A to XFD).
pub const MAX_COLUMNS: u32 = 16_384;
/// A part of a workbook archive that inflates to more than this many times its compressed size,
/// and to more than [`RATIO_FLOOR`] bytes, is refused as a zip bomb. Real sheets compress 5 to 30
/// times; deflate cannot exceed about 1,032.
pub const MAX_RATIO: u64 = 100;
/// Parts smaller than this (100 MiB) may have any compression ratio.
pub const RATIO_FLOOR: u64 = 100 * 1024 * 1024;
/// No part of a workbook archive may inflate beyond this (4 GiB), whatever its ratio.
pub const MAX_PART: u64 = 4 * 1024 * 1024 * 1024;
/// XLS, XLSB and ODS workbooks are loaded whole: files larger than this (256 MiB) are refused.
pub const MAX_WHOLE: u64 = 256 * 1024 * 1024;
/// Rows handed over from the worker at a time, at most.
const BATCH: usize = 256;
/// Cells handed over at a time, at most (fewer rows a batch when the sheet is wide).
const BATCH_CELLS: usize = 65_536;
/// Batches in flight between the worker and the reader.
const IN_FLIGHT: usize = 2;

/// Where a workbook's bytes are.
pub enum BookSource {
    /// A regular file, read where it is (an XLSX file is never loaded whole).
    File(PathBuf),
    /// Bytes already in memory (standard input, a pipe).
    Bytes(Vec<u8>),
}

/// One row of a sheet: its 1-based sheet row number, one text per column of the used range and
/// what each cell holds (same length).
pub type Row = (u64, Vec<String>, Vec<CellKind>);

/// What a sheet cell holds, so that a workbook output can write it back with its type: the cell's
/// text (the field the engine reads and CSV/TSV/JSONL write) is kept beside it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum CellKind {
    /// Text, an error value (`#N/A`) or an empty cell.
    #[default]
    Text,
    /// A number (integer or float; also a duration, as its number of days).
    Number(f64),
    /// A boolean (`true`/`false`).
    Bool(bool),
    /// A date or date-time, as calendar fields (year, month, day, hour, minute, second,
    /// millisecond); its text is the ISO date `YYYY-MM-DD`, with ` HH:MM:SS` when it has a time.
    Date(Stamp),
}

/// A calendar date and time of day, as a workbook stores it (no time zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Year, 1900–9999.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month.
    pub day: u8,
    /// Hour, minute, second, millisecond.
    pub time: (u8, u8, u8, u16),
}

impl Stamp {
    /// `true` when the time of day is not midnight.
    pub fn has_time(&self) -> bool {
        self.time != (0, 0, 0, 0)
    }

    /// The ISO 8601 text: `2019-03-08`, or `2019-03-08 14:30:00` (`.250` with milliseconds).
    pub fn iso(&self) -> String {
        let mut s = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if self.has_time() {
            let (h, m, sec, ms) = self.time;
            s.push_str(&format!(" {h:02}:{m:02}:{sec:02}"));
            if ms > 0 {
                s.push_str(&format!(".{ms:03}"));
            }
        }
        s
    }
}

/// What the worker sends.
enum Msg {
    Opened { sheet: String, rows: u64 },
    Rows(Vec<Row>),
    Failed(Failure),
    End,
}

/// The rows of one sheet's used range, in order, read by a worker thread.
pub struct SheetRows {
    /// The sheet's name.
    pub sheet: String,
    /// How many rows the used range has (header included): every one is yielded.
    pub rows: u64,
    rx: Receiver<Msg>,
    batch: std::vec::IntoIter<Row>,
    ended: bool,
    worker: Option<JoinHandle<()>>,
}

/// Opens `sheet` (the first sheet when `None`) of the workbook in `source`, called `name` in
/// messages. Returns once the sheet has been checked; a sheet that no spreadsheet program would
/// write is refused here, before any row is read.
pub fn open(source: BookSource, name: &Text, sheet: Option<&str>) -> Result<SheetRows, Failure> {
    let (tx, rx) = sync_channel(IN_FLIGHT);
    let (name_w, sheet_w) = (name.clone(), sheet.map(str::to_owned));
    let worker = thread::Builder::new()
        .name("digicat-workbook".to_owned())
        .spawn(move || {
            let msg = match read(source, &name_w, sheet_w.as_deref(), &tx) {
                Ok(()) => Msg::End,
                Err(f) => Msg::Failed(f),
            };
            let _ = tx.send(msg);
        })
        .map_err(|e| Failure::input(name, e))?;
    let mut rows = SheetRows {
        sheet: String::new(),
        rows: 0,
        rx,
        batch: Vec::new().into_iter(),
        ended: false,
        worker: Some(worker),
    };
    match rows.receive(name)? {
        Some(Msg::Opened { sheet, rows: n }) => {
            rows.sheet = sheet;
            rows.rows = n;
            Ok(rows)
        }
        _ => Err(stopped(name)),
    }
}

impl SheetRows {
    /// The next row, `None` after the last row of the used range.
    pub fn next_row(&mut self) -> Result<Option<Row>, Failure> {
        loop {
            if let Some(row) = self.batch.next() {
                return Ok(Some(row));
            }
            if self.ended {
                return Ok(None);
            }
            let name = Text::from(&self.sheet);
            match self.receive(&name)? {
                Some(Msg::Rows(rows)) => self.batch = rows.into_iter(),
                Some(Msg::End) => {
                    self.ended = true;
                    self.join();
                }
                _ => return Err(stopped(&name)),
            }
        }
    }

    /// The next message; a failure reported by the worker, or its disappearance, is an error.
    fn receive(&mut self, name: &Text) -> Result<Option<Msg>, Failure> {
        match self.rx.recv() {
            Ok(Msg::Failed(f)) => {
                self.ended = true;
                self.join();
                Err(f)
            }
            Ok(msg) => Ok(Some(msg)),
            Err(_) => {
                // The worker ended without saying so: it panicked.
                self.ended = true;
                self.join();
                Err(Failure::said(
                    format!("cannot read {}: the workbook reader failed", name.en),
                    format!("无法读取 {}：工作簿读取出错", name.zh),
                ))
            }
        }
    }

    fn join(&mut self) {
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

/// The workbook reader stopped before saying why.
fn stopped(name: &Text) -> Failure {
    Failure::said(
        format!("cannot read {}: the workbook reader stopped", name.en),
        format!("无法读取 {}：工作簿读取中断", name.zh),
    )
}

/// What a sheet of the workbook `name` is called in messages.
fn sheet_of(sheet: &str, name: &Text) -> Text {
    Text::new(
        format!("sheet {sheet:?} of {}", name.en),
        format!("{} 的工作表“{sheet}”", name.zh),
    )
}

/// The worker's work: check the archive, choose the sheet, send its rows.
fn read(
    source: BookSource,
    name: &Text,
    sheet: Option<&str>,
    tx: &SyncSender<Msg>,
) -> Result<(), Failure> {
    match source {
        BookSource::File(path) => {
            let open = || {
                File::open(&path)
                    .map(BufReader::new)
                    .map_err(|e| Failure::input(name, e))
            };
            match inspect(open()?, name)? {
                Kind::Xlsx => stream_xlsx(open()?, name, sheet, tx),
                Kind::Other => {
                    let size = std::fs::metadata(&path)
                        .map_err(|e| Failure::input(name, e))?
                        .len();
                    guard_whole(size, name)?;
                    let bytes = std::fs::read(&path).map_err(|e| Failure::input(name, e))?;
                    send_whole(&bytes, name, sheet, tx)
                }
            }
        }
        BookSource::Bytes(bytes) => match inspect(Cursor::new(&bytes[..]), name)? {
            Kind::Xlsx => stream_xlsx(Cursor::new(&bytes[..]), name, sheet, tx),
            Kind::Other => {
                guard_whole(bytes.len() as u64, name)?;
                send_whole(&bytes, name, sheet, tx)
            }
        },
    }
}

/// What kind of workbook a file is, as far as reading it goes.
enum Kind {
    /// An XLSX (or XLSM) archive: streamed.
    Xlsx,
    /// XLS, XLSB, ODS or not a workbook at all: left to calamine, loaded whole.
    Other,
}

/// Tells an XLSX archive from the rest and refuses an archive whose parts inflate too far.
fn inspect<R: Read + Seek>(mut reader: R, name: &Text) -> Result<Kind, Failure> {
    let mut magic = [0u8; 4];
    let zip = reader.read_exact(&mut magic).is_ok() && &magic == b"PK\x03\x04";
    if !zip {
        return Ok(Kind::Other);
    }
    reader.rewind().map_err(|e| Failure::input(name, e))?;
    let mut archive = zip::ZipArchive::new(reader).map_err(|e| Failure::input(name, e))?;
    for i in 0..archive.len() {
        let part = archive
            .by_index_raw(i)
            .map_err(|e| Failure::input(name, e))?;
        let (packed, size) = (part.compressed_size(), part.size());
        let bomb = size > RATIO_FLOOR && size > packed.saturating_mul(MAX_RATIO);
        if bomb || size > MAX_PART {
            let part_name = String::from_utf8_lossy(part.name_raw());
            return Err(Failure::said(
                format!(
                    "{}: part {part_name:?} of the workbook would inflate from {} to {} bytes \
                     ({}); refused as a zip bomb (疑似压缩炸弹): digicat takes parts of at most {} \
                     bytes, and parts over {} bytes only up to {}× their compressed size; \
                     open and re-save the file in a spreadsheet program, or export the sheet as CSV",
                    name.en,
                    group(packed),
                    group(size),
                    ratio(size, packed),
                    group(MAX_PART),
                    group(RATIO_FLOOR),
                    MAX_RATIO
                ),
                format!(
                    "{}：工作簿中的部件“{part_name}”会从 {} 字节解压成 {} 字节（{}），疑似压缩炸弹，\
                     拒绝读取：每个部件解压后最多 {} 字节，超过 {} 字节的部件最多为压缩大小的 {} 倍；\
                     请用电子表格软件打开后重新保存，或把工作表导出为 CSV",
                    name.zh,
                    group(packed),
                    group(size),
                    ratio(size, packed),
                    group(MAX_PART),
                    group(RATIO_FLOOR),
                    MAX_RATIO
                ),
            ));
        }
    }
    let xlsx = archive.index_for_name("xl/workbook.xml").is_some();
    Ok(if xlsx { Kind::Xlsx } else { Kind::Other })
}

/// `123×` (or `∞×` for an empty compressed part).
fn ratio(size: u64, packed: u64) -> String {
    match size.checked_div(packed) {
        Some(r) => format!("{}×", group(r)),
        None => "∞×".to_owned(),
    }
}

/// `1048576` → `1,048,576`.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// The sheet asked for, or the first; a missing one is a usage error listing the sheets.
fn choose(names: &[String], sheet: Option<&str>, name: &Text) -> Result<String, Failure> {
    match sheet {
        Some(s) if names.iter().any(|n| n == s) => Ok(s.to_owned()),
        Some(s) => Err(Failure::said(
            format!(
                "{} has no sheet {s:?}; its sheets: {}",
                name.en,
                names.join(", ")
            ),
            format!(
                "{} 中没有工作表“{s}”；其工作表为：{}",
                name.zh,
                names.join("、")
            ),
        )),
        None => names.first().cloned().ok_or_else(|| {
            Failure::said(
                format!("{} has no sheet", name.en),
                format!("{} 中没有任何工作表", name.zh),
            )
        }),
    }
}

/// A sheet with no non-empty cell.
fn empty_sheet(what: &Text) -> Failure {
    Failure::said(
        format!("{} is empty: no header row", what.en),
        format!("{}为空：没有表头", what.zh),
    )
}

/// The used range of a sheet: the bounding box of its non-empty cells, 0-based and inclusive.
#[derive(Debug, Clone, Copy)]
struct Used {
    first_row: u32,
    last_row: u32,
    first_col: u32,
    last_col: u32,
}

impl Used {
    fn width(&self) -> usize {
        (self.last_col - self.first_col + 1) as usize
    }
}

/// `A1`-style reference of a 0-based position.
fn cell_ref(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = ((c - 1) % 26) as u8;
        letters.push(char::from(b'A' + rem));
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        letters.into_iter().collect::<String>(),
        u64::from(row) + 1
    )
}

/// What the scan of a sheet counts of rows out of order.
#[derive(Default)]
struct Order {
    /// Rows begun (a cell in another row than the previous cell, or in the same row at or
    /// before the previous cell's column).
    starts: u64,
    /// Rows begun with a number already seen, or at or before the previous row.
    back: u64,
    /// The first such row (0-based) and the row before it.
    first: Option<(u32, u32)>,
    /// Distinct row numbers seen, one bit a row.
    seen: Vec<u64>,
}

impl Order {
    fn distinct(&self) -> u64 {
        self.seen.iter().map(|w| u64::from(w.count_ones())).sum()
    }
}

/// Pass 1 over an XLSX sheet: limits, order and the used range (`None`: no non-empty cell).
fn scan<RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    sheet: &str,
    what: &Text,
) -> Result<Option<Used>, Failure> {
    let mut reader = book
        .worksheet_cells_reader(sheet)
        .map_err(|e| Failure::input(what, e))?;
    let mut order = Order {
        seen: vec![0; (MAX_ROWS / 64) as usize],
        ..Order::default()
    };
    let mut prev: Option<(u32, u32)> = None;
    let mut used: Option<Used> = None;
    while let Some(cell) = reader.next_cell().map_err(|e| Failure::input(what, e))? {
        let (row, col) = cell.get_position();
        if row >= MAX_ROWS {
            let (n, at, max) = (
                group(u64::from(row) + 1),
                cell_ref(row, col.min(MAX_COLUMNS)),
                group(u64::from(MAX_ROWS)),
            );
            return Err(Failure::said(
                format!(
                    "{} has more rows than a spreadsheet can hold (超出 Excel 行数上限): a cell at \
                     row {n} ({at}), beyond Excel's last row {max}; no spreadsheet program writes \
                     this: split the list into sheets of at most {max} rows, or export it as CSV",
                    what.en
                ),
                format!(
                    "{}超出 Excel 行数上限：第 {n} 行（{at}）有单元格，而 Excel 最多 {max} 行，\
                     电子表格软件不会写出这样的文件；请把名录拆成每张不超过 {max} 行的工作表，\
                     或导出为 CSV",
                    what.zh
                ),
            ));
        }
        if col >= MAX_COLUMNS {
            let (n, at, max) = (
                group(u64::from(col) + 1),
                cell_ref(row, col),
                group(u64::from(MAX_COLUMNS)),
            );
            return Err(Failure::said(
                format!(
                    "{} has more columns than a spreadsheet can hold (超出 Excel 列数上限): a cell \
                     at column {n} ({at}), beyond Excel's last column XFD ({max}); no spreadsheet \
                     program writes this: remove the extra columns, or export the sheet as CSV",
                    what.en
                ),
                format!(
                    "{}超出 Excel 列数上限：第 {n} 列（{at}）有单元格，而 Excel 最多到 XFD 列\
                     （{max} 列），电子表格软件不会写出这样的文件；请删去多余的列，或把工作表导出为 CSV",
                    what.zh
                ),
            ));
        }
        let begins = prev.is_none_or(|(r, c)| row != r || col <= c);
        if begins {
            order.starts += 1;
            let (word, bit) = ((row / 64) as usize, 1 << (row % 64));
            if let Some((r, _)) = prev {
                if row <= r || order.seen[word] & bit != 0 {
                    order.back += 1;
                    order.first.get_or_insert((row, r));
                }
            }
            order.seen[word] |= bit;
        }
        prev = Some((row, col));
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        used = Some(match used {
            None => Used {
                first_row: row,
                last_row: row,
                first_col: col,
                last_col: col,
            },
            Some(u) => Used {
                first_row: u.first_row.min(row),
                last_row: u.last_row.max(row),
                first_col: u.first_col.min(col),
                last_col: u.last_col.max(col),
            },
        });
    }
    if let Some((row, after)) = order.first {
        let (starts, back, row, after, distinct) = (
            group(order.starts),
            group(order.back),
            group(u64::from(row) + 1),
            group(u64::from(after) + 1),
            group(order.distinct()),
        );
        return Err(Failure::said(
            format!(
                "{} repeats or reorders its rows (行号重复或倒序): {starts} rows with cells, {back} \
                 of them repeat an earlier row number or come after a later row (the first: row \
                 {row} after row {after}), {distinct} distinct row numbers; a spreadsheet program \
                 writes each row once and in order, so this file was not saved by one and its rows \
                 cannot be told apart: open and re-save it in a spreadsheet program, or export the \
                 list again from its source",
                what.en
            ),
            format!(
                "{}的行号重复或倒序：有单元格的行共 {starts} 行，其中 {back} 行重复了前面的行号或排在\
                 更大的行号之后（第一处：第 {row} 行在第 {after} 行之后），不同的行号共 {distinct} 个；\
                 电子表格软件每行只写一次且按顺序写，可见此文件不是由电子表格软件保存的，各行无法区分；\
                 请用电子表格软件打开后重新保存，或从来源系统重新导出名录",
                what.zh
            ),
        ));
    }
    Ok(used)
}

/// Fills merged regions down while the rows pass by: the value of a region's top cell is given to
/// the cells below it in the region's first column, where they are empty. A region's other
/// columns stay as they are (empty): a horizontal merge is layout (a title over the table, a
/// heading over several columns), and copying it would invent values and repeat header names.
struct MergeFill {
    /// Regions spanning more than one row, by first row, not yet begun.
    pending: std::iter::Peekable<std::vec::IntoIter<Dimensions>>,
    /// Regions begun: last row, column in the row, value and its kind.
    active: Vec<(u32, usize, String, CellKind)>,
    first_col: u32,
}

impl MergeFill {
    fn new(mut regions: Vec<Dimensions>, used: Used) -> MergeFill {
        regions.retain(|m| {
            m.end.0 > m.start.0
                && (used.first_col..=used.last_col).contains(&m.start.1)
                && m.start.0 <= used.last_row
                && m.end.0 >= used.first_row
        });
        regions.sort_by_key(|m| m.start.0);
        MergeFill {
            pending: regions.into_iter().peekable(),
            active: Vec::new(),
            first_col: used.first_col,
        }
    }

    /// Fills `fields` of sheet row `row` (0-based); rows come in ascending order.
    fn fill(&mut self, row: u32, fields: &mut [String], kinds: &mut [CellKind]) {
        self.active.retain(|(last, _, _, _)| *last >= row);
        for (_, col, value, kind) in &self.active {
            if fields[*col].is_empty() {
                fields[*col].clone_from(value);
                kinds[*col] = *kind;
            }
        }
        while let Some(m) = self.pending.next_if(|m| m.start.0 <= row) {
            // A region begun above the used range has an empty top cell: nothing to fill.
            if m.start.0 == row {
                let col = (m.start.1 - self.first_col) as usize;
                if !fields[col].is_empty() {
                    self.active
                        .push((m.end.0, col, fields[col].clone(), kinds[col]));
                }
            }
        }
    }
}

/// Streams the chosen sheet of an XLSX workbook to `tx`.
fn stream_xlsx<RS: Read + Seek>(
    reader: RS,
    name: &Text,
    sheet: Option<&str>,
    tx: &SyncSender<Msg>,
) -> Result<(), Failure> {
    let mut book: Xlsx<RS> = calamine::open_workbook_from_rs(reader)
        .map_err(|e: calamine::XlsxError| Failure::input(name, e))?;
    let chosen = choose(&book.sheet_names(), sheet, name)?;
    let what = sheet_of(&chosen, name);
    let Some(used) = scan(&mut book, &chosen, &what)? else {
        return Err(empty_sheet(&what));
    };
    let regions = book
        .merge_cells_by_sheet_name(&chosen)
        .map_err(|e| Failure::input(&what, e))?;
    let mut merges = MergeFill::new(regions, used);
    let total = u64::from(used.last_row - used.first_row) + 1;
    if tx
        .send(Msg::Opened {
            sheet: chosen.clone(),
            rows: total,
        })
        .is_err()
    {
        return Ok(());
    }
    let width = used.width();
    let mut cells = book
        .worksheet_cells_reader(&chosen)
        .map_err(|e| Failure::input(&what, e))?;
    let mut out = Batch::new(tx);
    // The next row to send (0-based) and the row being filled.
    let mut next = used.first_row;
    let mut current: Option<(u32, Vec<String>, Vec<CellKind>)> = None;
    while let Some(cell) = cells.next_cell().map_err(|e| Failure::input(&what, e))? {
        let (row, col) = cell.get_position();
        if row > used.last_row {
            break;
        }
        if row < next || col < used.first_col || col > used.last_col {
            // Outside the used range: empty cells only (the scan checked the order).
            continue;
        }
        if current.as_ref().is_none_or(|(r, _, _)| *r != row) {
            if let Some((r, fields, kinds)) = current.take() {
                if !out.row(r, fields, kinds, &mut merges) {
                    return Ok(());
                }
                next = r + 1;
            }
            while next < row {
                if !out.row(next, blank(width), blank(width), &mut merges) {
                    return Ok(());
                }
                next += 1;
            }
            current = Some((row, blank(width), blank(width)));
        }
        if let Some((_, fields, kinds)) = current.as_mut() {
            // Strings as they are, numbers as Rust prints them (6513.0 → `6513`), booleans
            // `true`/`false`, dates as ISO dates; the kind keeps the cell's type.
            let at = (col - used.first_col) as usize;
            (fields[at], kinds[at]) = typed(cell.get_value());
        }
    }
    if let Some((r, fields, kinds)) = current.take() {
        if !out.row(r, fields, kinds, &mut merges) {
            return Ok(());
        }
        next = r + 1;
    }
    while next <= used.last_row {
        if !out.row(next, blank(width), blank(width), &mut merges) {
            return Ok(());
        }
        next += 1;
    }
    out.flush();
    Ok(())
}

/// `width` default values (empty texts, text kinds).
fn blank<T: Default + Clone>(width: usize) -> Vec<T> {
    vec![T::default(); width]
}

/// A cell's text and kind, without copying a string twice: strings as they are, other values as
/// calamine prints them (`Data`'s `Display`: `6513.0` → `6513`), except dates, written as ISO
/// dates (`2019-03-08`) instead of serial numbers.
fn typed(value: &DataRef<'_>) -> (String, CellKind) {
    match value {
        DataRef::SharedString(s) => ((*s).to_owned(), CellKind::Text),
        DataRef::String(s) => (s.clone(), CellKind::Text),
        DataRef::Empty => (String::new(), CellKind::Text),
        other => typed_data(&Data::from(other.clone())),
    }
}

/// [`typed`] for a loaded cell.
fn typed_data(value: &Data) -> (String, CellKind) {
    let kind = match value {
        Data::Int(i) => CellKind::Number(*i as f64),
        Data::Float(f) => CellKind::Number(*f),
        Data::Bool(b) => CellKind::Bool(*b),
        Data::DateTime(d) if d.is_datetime() => {
            let (year, month, day, h, m, s, ms) = d.to_ymd_hms_milli();
            let stamp = Stamp {
                year,
                month,
                day,
                time: (h, m, s, ms),
            };
            return (stamp.iso(), CellKind::Date(stamp));
        }
        Data::DateTime(d) => CellKind::Number(d.as_f64()),
        _ => CellKind::Text,
    };
    (value.to_string(), kind)
}

/// Rows gathered for the channel.
struct Batch<'a> {
    tx: &'a SyncSender<Msg>,
    rows: Vec<Row>,
    /// Fields in `rows`.
    cells: usize,
}

impl<'a> Batch<'a> {
    fn new(tx: &'a SyncSender<Msg>) -> Batch<'a> {
        Batch {
            tx,
            rows: Vec::with_capacity(BATCH),
            cells: 0,
        }
    }

    /// Adds sheet row `row` (0-based) after filling its merged cells; `false` when the reader
    /// has gone away.
    fn row(
        &mut self,
        row: u32,
        mut fields: Vec<String>,
        mut kinds: Vec<CellKind>,
        merges: &mut MergeFill,
    ) -> bool {
        merges.fill(row, &mut fields, &mut kinds);
        self.cells += fields.len();
        self.rows.push((u64::from(row) + 1, fields, kinds));
        (self.rows.len() < BATCH && self.cells < BATCH_CELLS) || self.flush()
    }

    /// Sends the gathered rows; `false` when the reader has gone away.
    fn flush(&mut self) -> bool {
        if self.rows.is_empty() {
            return true;
        }
        let rows = std::mem::replace(&mut self.rows, Vec::with_capacity(BATCH));
        self.cells = 0;
        self.tx.send(Msg::Rows(rows)).is_ok()
    }
}

/// Refuses an XLS, XLSB or ODS workbook too large to be loaded whole.
fn guard_whole(size: u64, name: &Text) -> Result<(), Failure> {
    if size > MAX_WHOLE {
        let (size, max) = (group(size), group(MAX_WHOLE));
        return Err(Failure::said(
            format!(
                "{} is a workbook of {size} bytes in a format read whole into memory (XLS, XLSB \
                 or ODS; 非 XLSX 工作簿过大): digicat takes such workbooks up to {max} bytes; save \
                 the sheet as XLSX (which is read as a stream) or as CSV",
                name.en
            ),
            format!(
                "{} 是 {size} 字节的工作簿，其格式（XLS、XLSB 或 ODS）须整个读入内存，\
                 这类工作簿最多 {max} 字节；请把工作表另存为 XLSX（可流式读取）或 CSV",
                name.zh
            ),
        ));
    }
    Ok(())
}

/// Loads the chosen sheet of an XLS, XLSB or ODS workbook whole and sends its rows.
fn send_whole(
    bytes: &[u8],
    name: &Text,
    sheet: Option<&str>,
    tx: &SyncSender<Msg>,
) -> Result<(), Failure> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| Failure::input(name, e))?;
    let chosen = choose(&book.sheet_names(), sheet, name)?;
    let what = sheet_of(&chosen, name);
    let range = book
        .worksheet_range(&chosen)
        .map_err(|e| Failure::input(&what, e))?;
    let (Some(start), Some(end)) = (range.start(), range.end()) else {
        return Err(empty_sheet(&what));
    };
    if end.0 >= MAX_ROWS || end.1 >= MAX_COLUMNS {
        let (last, max) = (cell_ref(end.0, end.1), group(u64::from(MAX_ROWS)));
        return Err(Failure::said(
            format!(
                "{} goes beyond a spreadsheet's limits (超出 Excel 行列上限): its last cell is \
                 {last}, and Excel stops at row {max} and column XFD; split the list, or export \
                 it as CSV",
                what.en
            ),
            format!(
                "{}超出 Excel 行列上限：最后一个单元格是 {last}，而 Excel 最多到第 {max} 行、XFD 列；\
                 请拆分名录，或导出为 CSV",
                what.zh
            ),
        ));
    }
    if tx
        .send(Msg::Opened {
            sheet: chosen,
            rows: range.height() as u64,
        })
        .is_err()
    {
        return Ok(());
    }
    let mut out = Batch::new(tx);
    let mut merges = MergeFill::new(
        Vec::new(),
        Used {
            first_row: start.0,
            last_row: end.0,
            first_col: start.1,
            last_col: end.1,
        },
    );
    for (i, cells) in range.rows().enumerate() {
        let (fields, kinds) = cells.iter().map(typed_data).unzip();
        if !out.row(start.0 + i as u32, fields, kinds, &mut merges) {
            return Ok(());
        }
    }
    out.flush();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_numbers_are_written_as_people_read_them() {
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(1_048_576, 0), "A1048577");
        assert_eq!(cell_ref(0, 25), "Z1");
        assert_eq!(cell_ref(0, 26), "AA1");
        assert_eq!(cell_ref(4, MAX_COLUMNS - 1), "XFD5");
        assert_eq!(group(1_048_576), "1,048,576");
        assert_eq!(group(999), "999");
        assert_eq!(ratio(1000, 0), "∞×");
        assert_eq!(ratio(100_000, 10), "10,000×");
    }

    #[test]
    fn dates_are_iso_and_numbers_keep_their_type() {
        use calamine::{ExcelDateTime, ExcelDateTimeType};
        let date = Data::DateTime(ExcelDateTime::new(
            43532.0,
            ExcelDateTimeType::DateTime,
            false,
        ));
        let (text, kind) = typed_data(&date);
        assert_eq!(text, "2019-03-08");
        assert!(matches!(kind, CellKind::Date(s) if !s.has_time()));
        let at = Data::DateTime(ExcelDateTime::new(
            43532.75,
            ExcelDateTimeType::DateTime,
            false,
        ));
        assert_eq!(typed_data(&at).0, "2019-03-08 18:00:00");
        let old = Data::DateTime(ExcelDateTime::new(
            41705.0,
            ExcelDateTimeType::DateTime,
            true,
        ));
        assert_eq!(typed_data(&old).0, "2018-03-08", "1904 date system");
        assert_eq!(
            typed_data(&Data::Float(6513.0)),
            ("6513".into(), CellKind::Number(6513.0))
        );
        assert_eq!(
            typed_data(&Data::String("0769".into())),
            ("0769".into(), CellKind::Text)
        );
        assert_eq!(
            typed_data(&Data::Bool(true)),
            ("true".into(), CellKind::Bool(true))
        );
    }

    #[test]
    fn merges_fill_down_their_first_column_only() {
        let used = Used {
            first_row: 0,
            last_row: 5,
            first_col: 1,
            last_col: 3,
        };
        let regions = vec![
            // B2:B4 down, C1:D1 across, B6:B9 running past the used range.
            Dimensions {
                start: (1, 1),
                end: (3, 1),
            },
            Dimensions {
                start: (0, 2),
                end: (0, 3),
            },
            Dimensions {
                start: (5, 1),
                end: (8, 1),
            },
        ];
        let mut fill = MergeFill::new(regions, used);
        let mut rows: Vec<Vec<String>> = vec![
            vec!["a".into(), "标题".into(), String::new()],
            vec!["东城".into(), "x".into(), String::new()],
            vec![String::new(), "y".into(), String::new()],
            vec!["own".into(), String::new(), String::new()],
            vec![String::new(); 3],
            vec!["南城".into(), String::new(), String::new()],
        ];
        for (r, fields) in rows.iter_mut().enumerate() {
            let mut kinds = vec![CellKind::Text; 3];
            if r == 1 {
                kinds[0] = CellKind::Number(1.0);
            }
            fill.fill(r as u32, fields, &mut kinds);
            if r == 2 {
                assert_eq!(
                    kinds[0],
                    CellKind::Number(1.0),
                    "the kind is filled down too"
                );
            }
        }
        let col0: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(col0, ["a", "东城", "东城", "own", "", "南城"]);
        assert_eq!(rows[0], ["a", "标题", ""], "across: not filled");
    }
}
