//! Arrow at the boundary: columns in, typed result columns out, no Python object per row.
//!
//! The bridge is [`pyo3_arrow`] 0.20 (built on pyo3 0.30, like this crate, and arrow-rs 59). It
//! speaks the Arrow PyCapsule interface (`__arrow_c_stream__`), so pyarrow arrays and chunked
//! arrays, polars Series, nanoarrow and arro3 columns all come in without a copy of their string
//! buffers and without pyarrow being needed by the bridge itself; it holds the `unsafe` of the C
//! data interface, so this crate keeps `#![forbid(unsafe_code)]`. Alternatives weighed:
//! arrow-rs' own `arrow-pyarrow` crate (60.1) is built on pyo3 0.29, which cannot be linked
//! beside our pyo3 0.30, and it converts through pyarrow only; hand-written capsule handling
//! would need `unsafe` here. pyo3-arrow is maintained with arrow-rs and pyo3 releases (it is the
//! bridge of the arro3 and geoarrow-rs projects).
//!
//! Inputs are read in place: `Utf8`, `LargeUtf8` and `Utf8View` arrays are borrowed as `&str`
//! per row; a dictionary of strings and `Binary` columns are cast to strings first (binary that
//! is not UTF-8 is a ValueError naming the column); a null is an absent value; number columns
//! are refused (a code read as a number has lost its leading zeros). Rows are classified with
//! the GIL released, in contiguous chunks on every core (the chunks of `crate::in_chunks`),
//! each chunk built into one `RecordBatch` with arrow-rs builders; the batches are returned in
//! input order as one pyarrow `Table`.

use crate::convert::{char_spans, option, options, options_in, Name};
use crate::in_chunks;
use arrow_array::builder::{
    Int32Builder, Int8Builder, ListBuilder, StringBuilder, StringDictionaryBuilder,
};
use arrow_array::cast::AsArray;
use arrow_array::types::Int8Type;
use arrow_array::{Array, ArrayRef, ListArray, RecordBatch, StructArray};
use arrow_buffer::{OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, Fields, Schema, SchemaRef};
use digicat::report::{Lang, RowOutcome};
use digicat::{Options, Status};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3_arrow::{PyChunkedArray, PyTable};
use std::sync::Arc;

/// The evidence struct's fields: the catalogue term, its row, its character span in the text
/// that was scanned, its kind and (for a scope phrase) its relation.
fn evidence_fields() -> Fields {
    Fields::from(vec![
        Field::new("text", DataType::Utf8, false),
        Field::new("row", DataType::Utf8, false),
        Field::new("start", DataType::Int32, false),
        Field::new("end", DataType::Int32, false),
        Field::new("kind", DataType::Utf8, false),
        Field::new("relation", DataType::Utf8, true),
    ])
}

/// The schema of the result: `status` and `reason` (dictionary-encoded strings), `industries`
/// (list of int8 ids), `rows` (list of row ids such as `3.2`), `evidence` (list of structs, see
/// [`evidence_fields`]) and `error` (the message of an `invalid` row, else null).
pub fn schema() -> SchemaRef {
    let dict = DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8));
    let evidence = Field::new("item", DataType::Struct(evidence_fields()), false);
    Arc::new(Schema::new(vec![
        Field::new("status", dict.clone(), false),
        Field::new("reason", dict, false),
        Field::new(
            "industries",
            DataType::List(Arc::new(Field::new("item", DataType::Int8, false))),
            false,
        ),
        Field::new(
            "rows",
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, false))),
            false,
        ),
        Field::new("evidence", DataType::List(Arc::new(evidence)), false),
        Field::new("error", DataType::Utf8, true),
    ]))
}

/// Builds the evidence list column by hand (its struct children side by side), so no builder
/// has to be looked up by type at run time.
struct EvidenceBuilder {
    offsets: Vec<i32>,
    text: StringBuilder,
    row: StringBuilder,
    start: Int32Builder,
    end: Int32Builder,
    kind: StringBuilder,
    relation: StringBuilder,
}

/// Clamps an offset into the `i32` of the Arrow layout (a text is far shorter than 2 GiB).
fn offset(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

impl EvidenceBuilder {
    fn new() -> Self {
        Self {
            offsets: vec![0],
            text: StringBuilder::new(),
            row: StringBuilder::new(),
            start: Int32Builder::new(),
            end: Int32Builder::new(),
            kind: StringBuilder::new(),
            relation: StringBuilder::new(),
        }
    }

    /// Appends one row's evidence, its spans converted to character offsets in `text`.
    fn append(&mut self, evidence: &[digicat::Evidence], text: &str) {
        let bytes: Vec<(usize, usize)> = evidence.iter().map(|e| (e.start, e.end)).collect();
        for (e, (start, end)) in evidence.iter().zip(char_spans(text, &bytes)) {
            self.text.append_value(e.text());
            self.row.append_value(e.row().id());
            self.start.append_value(offset(start));
            self.end.append_value(offset(end));
            self.kind.append_value(e.kind().as_str());
            self.relation
                .append_option(e.relation().map(|r| r.as_str()));
        }
        let last = self.offsets.last().copied().unwrap_or(0);
        self.offsets.push(last + offset(evidence.len()));
    }

    fn finish(mut self) -> Result<ListArray, ArrowError> {
        let children: Vec<ArrayRef> = vec![
            Arc::new(self.text.finish()),
            Arc::new(self.row.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.relation.finish()),
        ];
        let fields = evidence_fields();
        let structs = StructArray::try_new(fields.clone(), children, None)?;
        let item = Arc::new(Field::new("item", DataType::Struct(fields), false));
        // Monotonic by construction: each row adds its (non-negative) count to the last offset.
        let offsets = OffsetBuffer::new(ScalarBuffer::from(self.offsets));
        ListArray::try_new(item, offsets, Arc::new(structs), None)
    }
}

/// The builders of one batch of results (see [`schema`]).
struct ResultBuilder {
    status: StringDictionaryBuilder<Int8Type>,
    reason: StringDictionaryBuilder<Int8Type>,
    industries: ListBuilder<Int8Builder>,
    rows: ListBuilder<StringBuilder>,
    evidence: EvidenceBuilder,
    error: StringBuilder,
}

impl ResultBuilder {
    fn new() -> Self {
        Self {
            status: StringDictionaryBuilder::new(),
            reason: StringDictionaryBuilder::new(),
            industries: ListBuilder::new(Int8Builder::new()).with_field(Field::new(
                "item",
                DataType::Int8,
                false,
            )),
            rows: ListBuilder::new(StringBuilder::new()).with_field(Field::new(
                "item",
                DataType::Utf8,
                false,
            )),
            evidence: EvidenceBuilder::new(),
            error: StringBuilder::new(),
        }
    }

    /// Appends one row: its outcome and the text that was scanned (for character offsets).
    fn append(
        &mut self,
        outcome: &RowOutcome,
        text: Option<&str>,
        lang: Lang,
    ) -> Result<(), ArrowError> {
        match outcome {
            RowOutcome::Classified(Ok(c)) => {
                self.status.append(c.status.as_str())?;
                self.reason.append(c.reason.as_str())?;
                for id in c.industry_ids() {
                    self.industries
                        .values()
                        .append_value(i8::try_from(id).unwrap_or(i8::MAX));
                }
                for row in &c.rows {
                    self.rows.values().append_value(row.id());
                }
                self.evidence.append(&c.evidence, text.unwrap_or_default());
                self.error.append_null();
            }
            RowOutcome::Classified(Err(e)) => {
                self.status.append(Status::Invalid.as_str())?;
                self.reason.append(e.kind())?;
                self.evidence.append(&[], "");
                self.error.append_value(e.message(lang));
            }
            RowOutcome::Skipped(reason) => {
                self.status.append(Status::Skipped.as_str())?;
                self.reason.append(reason.as_str())?;
                self.evidence.append(&[], "");
                self.error.append_null();
            }
        }
        self.industries.append(true);
        self.rows.append(true);
        Ok(())
    }

    fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.status.finish()),
            Arc::new(self.reason.finish()),
            Arc::new(self.industries.finish()),
            Arc::new(self.rows.finish()),
            Arc::new(self.evidence.finish()?),
            Arc::new(self.error.finish()),
        ];
        RecordBatch::try_new(schema(), columns)
    }
}

/// One input column: string arrays (`Utf8`, `LargeUtf8`, `Utf8View`) or all-null arrays, in
/// row order, kept alive while the rows borrow their values.
struct StrColumn(Vec<ArrayRef>);

impl StrColumn {
    /// Reads a column (see the module docs for the accepted types); `what` names it in errors.
    fn read(column: PyChunkedArray, what: &str) -> PyResult<Self> {
        Self::read_as(column, what, false)
    }

    /// Reads a column; with `any_type`, a column of another type that Arrow can cast to
    /// strings (numbers, dates, booleans: a table's other columns) is cast (numbers in decimal).
    fn read_as(column: PyChunkedArray, what: &str, any_type: bool) -> PyResult<Self> {
        let (chunks, field) = column.into_inner();
        let ty = field.data_type();
        let target = match ty {
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null => None,
            DataType::Binary | DataType::FixedSizeBinary(_) => Some(DataType::Utf8),
            DataType::LargeBinary | DataType::BinaryView => Some(DataType::LargeUtf8),
            DataType::Dictionary(_, values)
                if matches!(
                    values.as_ref(),
                    DataType::Utf8
                        | DataType::LargeUtf8
                        | DataType::Utf8View
                        | DataType::Binary
                        | DataType::LargeBinary
                ) =>
            {
                Some(DataType::LargeUtf8)
            }
            other if any_type && arrow_cast::can_cast_types(other, &DataType::Utf8) => {
                Some(DataType::Utf8)
            }
            other => {
                return Err(PyTypeError::new_err(format!(
                    "{what} must be a column of strings, not {other}; a code read as a number \
                     has lost its leading zeros: read it as text (e.g. dtype=str, \
                     pl.Utf8, pa.string()) [{what} 须为文本列]"
                )))
            }
        };
        let Some(target) = target else {
            return Ok(Self(chunks));
        };
        let cast_options = arrow_cast::CastOptions {
            safe: false,
            ..Default::default()
        };
        let chunks = chunks
            .iter()
            .map(|c| arrow_cast::cast_with_options(c, &target, &cast_options))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| {
                PyValueError::new_err(format!(
                    "{what} cannot be read as text ({e}) [{what} 无法读为文本，如非 UTF-8 编码]"
                ))
            })?;
        Ok(Self(chunks))
    }

    fn len(&self) -> usize {
        self.0.iter().map(|a| a.len()).sum()
    }

    /// Every row's value, borrowed (`None` for a null).
    fn cells(&self) -> Vec<Option<&str>> {
        let mut out = Vec::with_capacity(self.len());
        for a in &self.0 {
            if let Some(s) = a.as_string_opt::<i32>() {
                out.extend(s.iter());
            } else if let Some(s) = a.as_string_opt::<i64>() {
                out.extend(s.iter());
            } else if let Some(s) = a.as_string_view_opt() {
                out.extend(s.iter());
            } else {
                // A `Null` array (the only other type `read` keeps).
                out.extend(std::iter::repeat_n(None, a.len()));
            }
        }
        out
    }
}

/// Reads an optional column argument.
fn read_optional(column: Option<PyChunkedArray>, what: &str) -> PyResult<Option<StrColumn>> {
    column.map(|c| StrColumn::read(c, what)).transpose()
}

/// Classifies rows `0..n` in chunks on every core, one `RecordBatch` per chunk in input order;
/// `row` gives a row's outcome and scanned text; error messages are in `lang`.
fn batches<'a>(
    n: usize,
    lang: Lang,
    row: impl Fn(usize) -> (RowOutcome, Option<std::borrow::Cow<'a, str>>) + Sync,
) -> Result<Vec<RecordBatch>, ArrowError> {
    in_chunks(n, |rows| {
        let mut builder = ResultBuilder::new();
        for i in rows {
            let (outcome, text) = row(i);
            builder.append(&outcome, text.as_deref(), lang)?;
        }
        builder.finish()
    })
    .into_iter()
    .collect()
}

/// The result batches as a pyarrow Table (one batch of no rows for an empty input).
fn to_table(py: Python<'_>, batches: Vec<RecordBatch>) -> PyResult<Bound<'_, PyAny>> {
    PyTable::try_new(batches, schema())?.into_pyarrow(py)
}

/// Arrow errors of the builders (which cannot occur for valid offsets) as ValueError.
fn arrow_error(e: &ArrowError) -> PyErr {
    PyValueError::new_err(format!("digicat: building the Arrow result failed: {e}"))
}

/// Classifies a batch given as Arrow columns (the native half of ``digicat.arrow.classify``).
///
/// ``codes`` and ``texts`` are objects with ``__arrow_c_stream__`` (pyarrow ChunkedArray,
/// polars Series, …) of strings, of one length; either may be None. Returns a pyarrow Table with
/// one row per input row, in order: ``status``, ``reason``, ``industries``, ``rows``,
/// ``evidence`` and ``error``. A code that cannot be read is an ``invalid`` row (its error kind as
/// reason, the message in ``error``), never an exception.
#[pyfunction]
#[pyo3(
    signature = (codes=None, texts=None, *, policy=Name::of("standard"), edition=Name::of("auto")),
    text_signature = "(codes=None, texts=None, *, policy='standard', edition='auto')"
)]
fn classify_arrow<'py>(
    py: Python<'py>,
    codes: Option<PyChunkedArray>,
    texts: Option<PyChunkedArray>,
    policy: Name,
    edition: Name,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(py, &policy.0, &edition.0)?;
    let codes = read_optional(codes, "codes")?;
    let texts = read_optional(texts, "texts")?;
    let n = match (&codes, &texts) {
        (Some(c), Some(t)) if c.len() != t.len() => {
            return Err(PyValueError::new_err(format!(
                "codes has {} values but texts has {}; give one value per row in both",
                c.len(),
                t.len()
            )))
        }
        (Some(c), _) => c.len(),
        (None, Some(t)) => t.len(),
        (None, None) => {
            return Err(PyValueError::new_err(
                "give codes, texts or both (one value per row)",
            ))
        }
    };
    let result = py.detach(|| {
        let codes = codes.as_ref().map(StrColumn::cells);
        let texts = texts.as_ref().map(StrColumn::cells);
        batches(n, Lang::En, |i| {
            let code = codes.as_ref().and_then(|c| c.get(i).copied().flatten());
            let text = texts.as_ref().and_then(|c| c.get(i).copied().flatten());
            let outcome = RowOutcome::Classified(digicat::classify(code, text, &options));
            (outcome, text.map(std::borrow::Cow::Borrowed))
        })
    });
    to_table(py, result.map_err(|e| arrow_error(&e))?)
}

/// Classifies a whole table of Arrow columns as the CLI does (the native half of
/// ``digicat.pandas.classify_frame`` with ``lists=True`` and of polars/pyarrow frames): as
/// ``report_table``, but ``columns`` are Arrow columns and the result is the pyarrow Table of
/// ``classify_arrow`` (evidence offsets are in the scanned text: the text column, or the
/// ``；``-joined scope columns). A column of another type than strings that Arrow can cast to
/// text (numbers in decimal, dates in ISO form) is cast. Returns ``(table, by_text_only)``.
/// ``lang="zh"`` gives the error messages (and a column error) in Chinese; statuses and reasons
/// stay the stable codes of the typed columns.
#[pyfunction]
#[pyo3(
    signature = (header, columns, code_col=None, text_col=None, *, policy=Name::of("standard"), edition=Name::of("auto"), text_only=false, lang=Name::of("en")),
    text_signature = "(header, columns, code_col=None, text_col=None, *, policy='standard', edition='auto', text_only=False, lang='en')"
)]
#[allow(clippy::too_many_arguments)]
fn report_table_arrow<'py>(
    py: Python<'py>,
    header: Vec<Name>,
    columns: Vec<PyChunkedArray>,
    code_col: Option<Name>,
    text_col: Option<Name>,
    policy: Name,
    edition: Name,
    text_only: bool,
    lang: Name,
) -> PyResult<(Bound<'py, PyAny>, bool)> {
    let lang: Lang = option(py, &lang.0)?;
    let options: Options = options_in(py, &policy.0, &edition.0, lang)?;
    let header: Vec<String> = header.into_iter().map(|n| n.0).collect();
    let layout = crate::layout(&header, code_col, text_col, text_only, lang)?;
    if columns.len() != header.len() {
        return Err(PyValueError::new_err(format!(
            "{} columns of values for a header of {}",
            columns.len(),
            header.len()
        )));
    }
    let columns = columns
        .into_iter()
        .zip(&header)
        .map(|(c, name)| StrColumn::read_as(c, &format!("column {name:?}"), true))
        .collect::<PyResult<Vec<_>>>()?;
    let n = columns.first().map_or(0, StrColumn::len);
    if let Some((i, c)) = columns.iter().enumerate().find(|(_, c)| c.len() != n) {
        return Err(PyValueError::new_err(format!(
            "column {i} has {} values but column 0 has {n}",
            c.len()
        )));
    }
    let by_text_only = layout.text_only();
    let result = py.detach(|| {
        let cells: Vec<Vec<Option<&str>>> = columns.iter().map(StrColumn::cells).collect();
        batches(n, lang, |i| {
            let fields: Vec<&str> = cells.iter().map(|c| c[i].unwrap_or("")).collect();
            let outcome = layout.classify(&fields, &options);
            let text = layout
                .text(&fields)
                .map(|t| std::borrow::Cow::Owned(t.into_owned()));
            (outcome, text)
        })
    });
    Ok((
        to_table(py, result.map_err(|e| arrow_error(&e))?)?,
        by_text_only,
    ))
}

/// Adds the Arrow functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(classify_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(report_table_arrow, m)?)?;
    Ok(())
}
