//! Reading a Parquet file one record batch at a time (bounded memory: one row group's pages and
//! about [`BATCH_BYTES`] of rows a batch), each row as the text fields the engine and the text
//! outputs read, the batch itself kept for the Parquet output (which passes the columns through
//! with their types).
//!
//! The text of a value: strings as they are; binary as UTF-8 (a value that is not UTF-8 makes
//! the row `invalid`, `invalid_encoding`, shown with U+FFFD); integers in decimal; a float that
//! is a whole number without its `.0` (`6513.0` → `6513`, as a workbook's number cell); other
//! types as Arrow prints them (dates `2019-03-08`, lists `[a, b]`); a null is empty. A code
//! stored as a number cannot keep a leading zero: `0111` stored as 111 reads as the 中类 `111`.
//! The run says so on standard error when a code column is numeric (see [`numeric`]).

use crate::error::Failure;
use crate::input::{Problem, Record};
use crate::workbook::CellKind;
use arrow_array::cast::AsArray;
use arrow_array::types::Float64Type;
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use arrow_cast::display::{ArrayFormatter, FormatOptions};
use arrow_schema::{DataType, SchemaRef};
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use parquet::errors::ParquetError;
use parquet::file::reader::ChunkReader;
use std::fs::File;
use std::sync::Arc;

/// Rows per record batch read, at most.
const BATCH_ROWS: usize = 8192;

/// Rows per record batch read, at least.
const BATCH_ROWS_MIN: usize = 64;

/// Bytes of (uncompressed) column data aimed at per record batch read: the rows of a batch are
/// this many bytes over the file's mean row size (from its footer), within [`BATCH_ROWS_MIN`]
/// and [`BATCH_ROWS`]. A batch is kept alive until its last row is written, and a few are alive
/// at once with `--threads`, so the bytes, not the rows, bound the memory.
const BATCH_BYTES: usize = 1024 * 1024;

/// Where a Parquet file is read from: a file where it is, or standard input gathered in memory
/// (a Parquet file's footer comes last, so it cannot be read as a stream).
pub enum ParquetSource {
    /// A regular file.
    File(File),
    /// The whole file, read from standard input.
    Bytes(bytes::Bytes),
}

/// The rows of a Parquet file, in order.
pub struct ParquetRows {
    /// The file's Arrow schema (the input columns, their names and types).
    pub schema: SchemaRef,
    /// Rows in the file (from its footer).
    pub total: u64,
    /// Row groups in the file.
    pub row_groups: usize,
    reader: ParquetRecordBatchReader,
    batch: Option<Arc<RecordBatch>>,
    cells: Vec<Cells>,
    /// The next row of `batch`.
    at: usize,
    /// Rows yielded so far.
    read: u64,
    name: String,
}

/// One column of a batch, ready to give each row's text and kind.
enum Cells {
    /// Strings (`Utf8`, `LargeUtf8`, `Utf8View`), read in place.
    Text(ArrayRef),
    /// Binary: UTF-8 expected.
    Binary(ArrayRef),
    /// Integers and decimals, printed (kind: number).
    Number(StringArray, ArrayRef),
    /// Floats, as `f64`.
    Float(ArrayRef),
    /// Booleans.
    Bool(ArrayRef),
    /// Anything else, printed.
    Printed(StringArray),
}

/// `true` for the types read as numbers (integers, decimals, floats).
pub fn numeric(ty: &DataType) -> bool {
    ty.is_integer()
        || ty.is_floating()
        || matches!(ty, DataType::Decimal128(..) | DataType::Decimal256(..))
}

impl ParquetRows {
    /// Opens the file (its footer is read here; a file that is not Parquet fails).
    pub fn open(source: ParquetSource, name: &str) -> Result<ParquetRows, Failure> {
        let failed = |e: ParquetError| parquet_failure(name, &e);
        let (reader, total, row_groups, schema) = match source {
            ParquetSource::File(file) => open_reader(file),
            ParquetSource::Bytes(bytes) => open_reader(bytes),
        }
        .map_err(failed)?;
        Ok(ParquetRows {
            schema,
            total: u64::try_from(total).unwrap_or(0),
            row_groups,
            reader,
            batch: None,
            cells: Vec::new(),
            at: 0,
            read: 0,
            name: name.to_owned(),
        })
    }

    /// The column names, in order.
    pub fn header(&self) -> Vec<String> {
        self.schema
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    /// Rows yielded so far.
    pub fn read(&self) -> u64 {
        self.read
    }

    /// Reads the next row into `rec` (`line` is the 1-based row number; `batch` the batch it
    /// belongs to); `false` at the end.
    pub fn next_row(&mut self, rec: &mut Record) -> Result<bool, Failure> {
        while self.batch.as_ref().is_none_or(|b| self.at >= b.num_rows()) {
            let Some(batch) = self.reader.next() else {
                self.batch = None;
                return Ok(false);
            };
            let batch = batch.map_err(|e| Failure::input(&self.name, e))?;
            self.cells = batch
                .columns()
                .iter()
                .map(Cells::of)
                .collect::<Result<_, _>>()
                .map_err(|e| Failure::input(&self.name, e))?;
            self.batch = Some(Arc::new(batch));
            self.at = 0;
        }
        let i = self.at;
        self.at += 1;
        self.read += 1;
        rec.line = self.read;
        rec.batch = self.batch.clone();
        rec.kinds.clear();
        let mut undecodable = Vec::new();
        for (c, (cells, out)) in self.cells.iter().zip(rec.fields.iter_mut()).enumerate() {
            let (valid, kind) = cells.write(i, out);
            if !valid {
                undecodable.push(c);
            }
            rec.kinds.push(kind);
        }
        if !undecodable.is_empty() {
            rec.problem = Some(Problem {
                undecodable,
                ..Problem::default()
            });
        }
        Ok(true)
    }
}

impl Cells {
    fn of(array: &ArrayRef) -> Result<Cells, arrow_schema::ArrowError> {
        let ty = array.data_type();
        Ok(match ty {
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
                Cells::Text(Arc::clone(array))
            }
            DataType::Binary
            | DataType::LargeBinary
            | DataType::BinaryView
            | DataType::FixedSizeBinary(_) => Cells::Binary(Arc::clone(array)),
            DataType::Boolean => Cells::Bool(Arc::clone(array)),
            t if t.is_floating() => Cells::Float(arrow_cast::cast(array, &DataType::Float64)?),
            t if numeric(t) => Cells::Number(
                printed(array)?,
                arrow_cast::cast(array, &DataType::Float64)?,
            ),
            _ => Cells::Printed(printed(array)?),
        })
    }

    /// Writes row `i`'s text into `out` (cleared first); returns whether its bytes were valid
    /// UTF-8 and the cell's kind.
    fn write(&self, i: usize, out: &mut String) -> (bool, CellKind) {
        out.clear();
        match self {
            Cells::Text(a) => {
                if let Some(s) = a.as_string_opt::<i32>() {
                    out.push_str(value(s.is_valid(i), || s.value(i)));
                } else if let Some(s) = a.as_string_opt::<i64>() {
                    out.push_str(value(s.is_valid(i), || s.value(i)));
                } else if let Some(s) = a.as_string_view_opt() {
                    out.push_str(value(s.is_valid(i), || s.value(i)));
                }
            }
            Cells::Binary(a) => {
                let bytes: &[u8] = if a.is_null(i) {
                    &[]
                } else if let Some(b) = a.as_binary_opt::<i32>() {
                    b.value(i)
                } else if let Some(b) = a.as_binary_opt::<i64>() {
                    b.value(i)
                } else if let Some(b) = a.as_binary_view_opt() {
                    b.value(i)
                } else if let Some(b) = a.as_fixed_size_binary_opt() {
                    b.value(i)
                } else {
                    &[]
                };
                match simdutf8::basic::from_utf8(bytes) {
                    Ok(s) => out.push_str(s),
                    Err(_) => {
                        out.push_str(&String::from_utf8_lossy(bytes));
                        return (false, CellKind::Text);
                    }
                }
            }
            Cells::Number(text, values) => {
                if text.is_valid(i) {
                    out.push_str(text.value(i));
                    return (
                        true,
                        CellKind::Number(values.as_primitive::<Float64Type>().value(i)),
                    );
                }
            }
            Cells::Float(values) => {
                if values.is_valid(i) {
                    let x = values.as_primitive::<Float64Type>().value(i);
                    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
                        out.push_str(&format!("{x:.0}"));
                    } else {
                        out.push_str(&x.to_string());
                    }
                    return (true, CellKind::Number(x));
                }
            }
            Cells::Bool(values) => {
                if values.is_valid(i) {
                    let b = values.as_boolean().value(i);
                    out.push_str(if b { "true" } else { "false" });
                    return (true, CellKind::Bool(b));
                }
            }
            Cells::Printed(text) => out.push_str(value(text.is_valid(i), || text.value(i))),
        }
        (true, CellKind::Text)
    }
}

/// A value, or the empty text for a null.
fn value<'a>(valid: bool, get: impl FnOnce() -> &'a str) -> &'a str {
    if valid {
        get()
    } else {
        ""
    }
}

/// Every value of `array` as Arrow prints it (nulls stay null).
fn printed(array: &ArrayRef) -> Result<StringArray, arrow_schema::ArrowError> {
    let options = FormatOptions::default();
    let formatter = ArrayFormatter::try_new(array.as_ref(), &options)?;
    Ok((0..array.len())
        .map(|i| array.is_valid(i).then(|| formatter.value(i).to_string()))
        .collect())
}

/// A batch reader over `source`, with the file's row count, row groups and schema.
fn open_reader<T: ChunkReader + 'static>(
    source: T,
) -> Result<(ParquetRecordBatchReader, i64, usize, SchemaRef), ParquetError> {
    let b = ParquetRecordBatchReaderBuilder::try_new(source)?;
    let total = b.metadata().file_metadata().num_rows();
    let groups = b.metadata().num_row_groups();
    let bytes: i64 = b
        .metadata()
        .row_groups()
        .iter()
        .map(|g| g.total_byte_size())
        .sum();
    let schema = Arc::clone(b.schema());
    Ok((
        b.with_batch_size(batch_rows(bytes, total)).build()?,
        total,
        groups,
        schema,
    ))
}

/// Rows per batch for a file of `rows` rows and `bytes` of uncompressed column data: about
/// [`BATCH_BYTES`] a batch.
fn batch_rows(bytes: i64, rows: i64) -> usize {
    let mean = usize::try_from(bytes / rows.max(1)).unwrap_or(0).max(1);
    (BATCH_BYTES / mean).clamp(BATCH_ROWS_MIN, BATCH_ROWS)
}

/// A Parquet error as a failure to read `name`.
pub fn parquet_failure(name: &str, e: &ParquetError) -> Failure {
    Failure::said(
        format!("cannot read {name} as Parquet: {e}"),
        format!("无法按 Parquet 读取 {name}：{e}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_hold_about_a_mebibyte() {
        // 10M rows of ~600 bytes: 1,747 rows a batch.
        assert_eq!(batch_rows(6_000_000_000, 10_000_000), 1747);
        // Short rows: the row cap; 10 KB rows: 102 rows; 1 MB rows: the floor.
        assert_eq!(batch_rows(20_000_000, 1_000_000), BATCH_ROWS);
        assert_eq!(batch_rows(10_240_000, 1_000), 102);
        assert_eq!(batch_rows(1 << 40, 1_000_000), BATCH_ROWS_MIN);
        // An empty file or a footer without sizes.
        assert_eq!(batch_rows(0, 0), BATCH_ROWS);
        assert_eq!(batch_rows(-1, 10), BATCH_ROWS);
    }
}
