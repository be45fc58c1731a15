//! The workbook output (`-o 结果.xlsx`, `--format xlsx`): sheet 1 the rows, every input cell with
//! its type (numbers as numbers, dates as dates, text as text), then the added columns, with a
//! frozen header, an autofilter and column widths; sheet 2 the summary table of the core's
//! [`Tally`]; sheet 3 the catalogue version and the options used.
//!
//! Memory: the rows sheet is written in rust_xlsxwriter's constant-memory mode (each row goes
//! to a temporary file as soon as the next one starts, strings inline, no shared-string table),
//! so memory does not grow with the number of rows; the widths are taken from the header and
//! the first [`WIDTH_ROWS`] rows. Assembling the archive at the end streams the temporary file
//! into the zip. An Excel sheet holds at most 1,048,576 rows and a cell at most 32,767
//! characters: a result beyond either is refused (exit 2, nothing written), never cut.

use crate::error::{Failure, Text};
use crate::input::Record;
use crate::output::Target;
use crate::workbook::CellKind;
use digicat::report::{self, Lang, Tally};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// Rows (header included) looked at to choose column widths.
pub const WIDTH_ROWS: u32 = 1000;
/// Column widths, in character units: at least, at most.
const WIDTH: (f64, f64) = (6.0, 60.0);
/// Rows of an Excel sheet.
const MAX_ROWS: u32 = 1_048_576;
/// Characters of an Excel cell.
const MAX_CELL: usize = 32_767;

/// A workbook being written.
pub struct Book {
    target: Target,
    book: Workbook,
    sheet: Worksheet,
    lang: Lang,
    /// The next sheet row (0-based).
    row: u32,
    /// Widths of the columns so far, in character units (a CJK character counts two).
    widths: Vec<f64>,
    date: Format,
    datetime: Format,
}

impl Book {
    /// Starts the workbook: the rows sheet with the header (the input's, then the `added`
    /// columns) on its first row.
    pub fn new(
        target: Target,
        header: &[String],
        added: &[&str],
        lang: Lang,
    ) -> Result<Book, Failure> {
        let mut book = Workbook::new();
        let name = target.name().to_owned();
        let failed = |e: XlsxError| xlsx_failure(&name, e);
        let mut sheet = book.new_worksheet_with_constant_memory().map_err(failed)?;
        sheet
            .set_name(match lang {
                Lang::En => "result",
                Lang::Zh => "结果",
            })
            .map_err(failed)?;
        let bold = Format::new().set_bold();
        let names: Vec<&str> = header
            .iter()
            .map(String::as_str)
            .chain(added.iter().copied())
            .collect();
        let mut widths = Vec::with_capacity(names.len());
        for (col, name) in names.iter().enumerate() {
            sheet
                .write_string_with_format(0, col as u16, *name, &bold)
                .map_err(failed)?;
            widths.push(width(name) + 2.0);
        }
        sheet.set_freeze_panes(1, 0).map_err(failed)?;
        Ok(Book {
            target,
            book,
            sheet,
            lang,
            row: 1,
            widths,
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
        })
    }

    /// Where the workbook goes.
    pub fn target(&self) -> &Target {
        &self.target
    }

    /// Writes one row: the input cells with their kinds, then the added columns as text.
    pub fn write(&mut self, rec: &Record, added: &[String]) -> Result<(), Failure> {
        if self.row >= MAX_ROWS {
            return Err(Failure::said(
                format!(
                    "the result has more rows than an Excel sheet holds ({MAX_ROWS} with the \
                     header): write CSV instead (-o 结果.csv)"
                ),
                format!("结果行数超出 Excel 工作表上限（含表头 {MAX_ROWS} 行）：请改写 CSV（-o 结果.csv）"),
            ));
        }
        let row = self.row;
        let name = self.target.name().to_owned();
        let failed = |e: XlsxError| xlsx_failure(&name, e);
        let input = rec.fields.iter().enumerate().map(|(i, f)| {
            let kind = rec.kinds.get(i).copied().unwrap_or_default();
            (f.as_str(), kind)
        });
        let cells = input.chain(added.iter().map(|f| (f.as_str(), CellKind::Text)));
        for (col, (text, kind)) in cells.enumerate() {
            if text.is_empty() {
                continue;
            }
            let c = col as u16;
            match kind {
                CellKind::Number(n) => self.sheet.write_number(row, c, n).map(drop),
                CellKind::Bool(b) => self.sheet.write_boolean(row, c, b).map(drop),
                CellKind::Date(d) => {
                    let (h, m, s, ms) = d.time;
                    let format = if d.has_time() {
                        &self.datetime
                    } else {
                        &self.date
                    };
                    match ExcelDateTime::from_ymd(d.year, d.month, d.day)
                        .and_then(|t| t.and_hms_milli(u16::from(h), m, s, ms))
                    {
                        Ok(t) => self
                            .sheet
                            .write_datetime_with_format(row, c, t, format)
                            .map(drop),
                        // 1900-02-29 (Excel's leap-year bug) and the like: kept as text.
                        Err(_) => self.sheet.write_string(row, c, text).map(drop),
                    }
                }
                CellKind::Text => {
                    if text.chars().count() > MAX_CELL {
                        let n = text.chars().count();
                        return Err(Failure::said(
                            format!(
                                "line {}: a value of {n} characters is longer than an Excel cell \
                                 holds ({MAX_CELL}): write CSV instead (-o 结果.csv)",
                                rec.line
                            ),
                            format!(
                                "第 {} 行：有一个 {n} 字符的值，超出 Excel 单元格上限（{MAX_CELL}）：\
                                 请改写 CSV（-o 结果.csv）",
                                rec.line
                            ),
                        ));
                    }
                    self.sheet.write_string(row, c, text).map(drop)
                }
            }
            .map_err(failed)?;
            if row < WIDTH_ROWS {
                let w = match kind {
                    CellKind::Date(d) if d.has_time() => 19.0,
                    CellKind::Date(_) => 10.0,
                    _ => width(text),
                };
                if let Some(max) = self.widths.get_mut(col) {
                    *max = max.max(w + 1.0);
                }
            }
        }
        self.row += 1;
        Ok(())
    }

    /// Adds the autofilter, the widths, the summary and options sheets, and saves the workbook;
    /// returns the target, to be committed.
    pub fn finish(self, tally: &Tally, about: &[(String, String)]) -> Result<Target, Failure> {
        let Book {
            mut target,
            mut book,
            mut sheet,
            lang,
            row,
            widths,
            ..
        } = self;
        let name = target.name().to_owned();
        let failed = |e: XlsxError| xlsx_failure(&name, e);
        let last_col = widths.len().saturating_sub(1) as u16;
        sheet.autofilter(0, 0, row - 1, last_col).map_err(failed)?;
        for (col, w) in widths.iter().enumerate() {
            sheet
                .set_column_width(col as u16, w.clamp(WIDTH.0, WIDTH.1))
                .map_err(failed)?;
        }
        book.push_worksheet(sheet);
        add_summary_sheet(&mut book, tally, lang).map_err(failed)?;
        add_options_sheet(&mut book, about, lang).map_err(failed)?;
        target.write_with(|file| book.save_to_writer(file))?;
        Ok(target)
    }
}

/// Writes a workbook of the summary and options sheets alone (`--summary FILE.xlsx`).
pub fn summary_book(
    target: &mut Target,
    tally: &Tally,
    about: &[(String, String)],
    lang: Lang,
) -> Result<(), Failure> {
    let name = target.name().to_owned();
    let failed = |e: XlsxError| xlsx_failure(&name, e);
    let mut book = Workbook::new();
    add_summary_sheet(&mut book, tally, lang).map_err(failed)?;
    add_options_sheet(&mut book, about, lang).map_err(failed)?;
    target.write_with(|file| book.save_to_writer(file))
}

/// Adds the summary sheet (`汇总`/`summary`): the core's summary table ([`Tally::table`]), counts
/// as numbers, with a frozen header and an autofilter.
fn add_summary_sheet(book: &mut Workbook, tally: &Tally, lang: Lang) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let summary = book.add_worksheet();
    summary.set_name(match lang {
        Lang::En => "summary",
        Lang::Zh => "汇总",
    })?;
    let columns = report::summary_columns(lang);
    for (col, name) in columns.iter().enumerate() {
        summary.write_string_with_format(0, col as u16, *name, &bold)?;
    }
    let table = tally.table(lang);
    let mut widths: Vec<f64> = columns.iter().map(|c| width(c) + 2.0).collect();
    for (r, cells) in table.iter().enumerate() {
        let r = r as u32 + 1;
        for (col, cell) in cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let c = col as u16;
            match cell.parse::<u64>() {
                Ok(n) if report::SUMMARY_NUMERIC[col] => {
                    summary.write_number(r, c, n as f64)?;
                }
                _ => {
                    summary.write_string(r, c, cell)?;
                }
            }
            widths[col] = widths[col].max(width(cell) + 1.0);
        }
    }
    summary.set_freeze_panes(1, 0)?;
    summary.autofilter(0, 0, table.len() as u32, columns.len() as u16 - 1)?;
    for (col, w) in widths.iter().enumerate() {
        summary.set_column_width(col as u16, w.clamp(WIDTH.0, WIDTH.1))?;
    }
    Ok(())
}

/// Adds the options sheet (`选项`/`options`): one (label, value) pair a row.
fn add_options_sheet(
    book: &mut Workbook,
    about: &[(String, String)],
    lang: Lang,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let options = book.add_worksheet();
    options.set_name(match lang {
        Lang::En => "options",
        Lang::Zh => "选项",
    })?;
    let mut first = 0.0f64;
    let mut second = 0.0f64;
    for (r, (label, value)) in about.iter().enumerate() {
        options.write_string_with_format(r as u32, 0, label, &bold)?;
        options.write_string(r as u32, 1, value)?;
        first = first.max(width(label) + 2.0);
        second = second.max(width(value) + 2.0);
    }
    options.set_column_width(0, first.clamp(WIDTH.0, WIDTH.1))?;
    options.set_column_width(1, second.clamp(WIDTH.0, WIDTH.1 * 2.0))?;
    Ok(())
}

/// Display width of `text` in character units: a character beyond U+1100 (CJK, full width)
/// counts two, up to the first line break.
fn width(text: &str) -> f64 {
    let line = text.lines().next().unwrap_or("");
    line.chars()
        .map(|c| if c >= '\u{1100}' { 2.0 } else { 1.0 })
        .sum()
}

fn xlsx_failure(name: &Text, e: XlsxError) -> Failure {
    match e {
        XlsxError::IoError(e) => Failure::output(name, e),
        other => Failure::output(name, std::io::Error::other(other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_double() {
        assert_eq!(width("abc"), 3.0);
        assert_eq!(width("镇街"), 4.0);
        assert_eq!(width("a\nlonger line"), 1.0);
    }
}
