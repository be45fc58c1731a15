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
//! each chunk built into one `RecordBatch` by `digicat_arrow::TableBuilder` (the builder the
//! CLI's Parquet output uses too: one column set per catalogue selected); the batches are
//! returned in input order as one pyarrow `Table`.

use crate::convert::{option, options, options_in, Name};
use crate::{catalogue_ids, in_chunks_on};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType};
use digicat::report::{self, Lang};
use digicat::{CatalogueId, Options};
use digicat_arrow::{schema_for, Answer, TableBuilder};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3_arrow::{PyChunkedArray, PyTable};

/// One input column: string arrays (`Utf8`, `LargeUtf8`, `Utf8View`) or all-null arrays, in
/// row order, kept alive while the rows borrow their values.
pub(crate) struct StrColumn(Vec<ArrayRef>);

/// Why a column cannot be read: its type (a TypeError in Python) or its values (a ValueError).
pub(crate) enum ColumnError {
    /// Not a column of strings (numbers, dates, …), or of a type Arrow cannot cast to strings.
    Type(String),
    /// Binary values that are not UTF-8.
    Value(String),
}

impl ColumnError {
    /// The message (English, with the Chinese in brackets).
    pub(crate) fn message(&self) -> &str {
        match self {
            Self::Type(m) | Self::Value(m) => m,
        }
    }
}

impl From<ColumnError> for PyErr {
    fn from(e: ColumnError) -> Self {
        match e {
            ColumnError::Type(m) => PyTypeError::new_err(m),
            ColumnError::Value(m) => PyValueError::new_err(m),
        }
    }
}

impl StrColumn {
    /// Reads a column (see the module docs for the accepted types); `what` names it in errors.
    fn read(column: PyChunkedArray, what: &str) -> PyResult<Self> {
        Self::read_as(column, what, false)
    }

    /// Reads a column; with `any_type`, a column of another type that Arrow can cast to
    /// strings (numbers, dates, booleans: a table's other columns) is cast (numbers in decimal).
    fn read_as(column: PyChunkedArray, what: &str, any_type: bool) -> PyResult<Self> {
        let (chunks, field) = column.into_inner();
        Ok(Self::from_arrays(
            chunks,
            field.data_type(),
            what,
            any_type,
        )?)
    }

    /// The cast that makes a column of type `ty` readable (`None`: read as it is), or the error
    /// of a type that is refused (see [`StrColumn::read_as`] for `any_type`).
    pub(crate) fn cast_for(
        ty: &DataType,
        what: &str,
        any_type: bool,
    ) -> Result<Option<DataType>, ColumnError> {
        Ok(match ty {
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
                return Err(ColumnError::Type(format!(
                    "{what} must be a column of strings, not {other}; a code read as a number \
                     has lost its leading zeros: read it as text (e.g. dtype=str, \
                     pl.Utf8, pa.string()) [{what} 须为文本列]"
                )))
            }
        })
    }

    /// Reads the arrays of a column of type `ty` (as [`StrColumn::read_as`]).
    pub(crate) fn from_arrays(
        chunks: Vec<ArrayRef>,
        ty: &DataType,
        what: &str,
        any_type: bool,
    ) -> Result<Self, ColumnError> {
        let Some(target) = Self::cast_for(ty, what, any_type)? else {
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
                ColumnError::Value(format!(
                    "{what} cannot be read as text ({e}) [{what} 无法读为文本，如非 UTF-8 编码]"
                ))
            })?;
        Ok(Self(chunks))
    }

    /// The number of rows.
    pub(crate) fn len(&self) -> usize {
        self.0.iter().map(|a| a.len()).sum()
    }

    /// Every row's value, borrowed (`None` for a null).
    pub(crate) fn cells(&self) -> Vec<Option<&str>> {
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

/// Classifies rows `0..n` in chunks on every core, one `RecordBatch` per chunk (the columns of
/// `catalogues`) in input order; `row` appends row `i` to the chunk's builder.
fn batches(
    n: usize,
    catalogues: &[CatalogueId],
    row: impl Fn(&mut TableBuilder, usize) -> Result<(), ArrowError> + Sync,
) -> Result<Vec<RecordBatch>, ArrowError> {
    batches_on(crate::cores(), n, catalogues, row)
}

/// [`batches`] on at most `threads` threads.
pub(crate) fn batches_on(
    threads: usize,
    n: usize,
    catalogues: &[CatalogueId],
    row: impl Fn(&mut TableBuilder, usize) -> Result<(), ArrowError> + Sync,
) -> Result<Vec<RecordBatch>, ArrowError> {
    in_chunks_on(threads, n, |rows| {
        let mut builder = TableBuilder::new(catalogues);
        for i in rows {
            row(&mut builder, i)?;
        }
        builder.finish()
    })
    .into_iter()
    .collect()
}

/// Classifies one record (code field, text) in each catalogue of the builder, in its order, and
/// appends the answers; error messages in `lang`.
pub(crate) fn append_classified(
    builder: &mut TableBuilder,
    catalogues: &[CatalogueId],
    (code, text): (Option<&str>, Option<&str>),
    options: &Options,
    lang: Lang,
) -> Result<(), ArrowError> {
    let wants = |id| catalogues.contains(&id);
    let dongguan = wants(CatalogueId::Dongguan2019).then(|| digicat::classify(code, text, options));
    let szjj = wants(CatalogueId::Szjj2021).then(|| digicat::szjj::classify(code, text, options));
    let answers: Vec<Answer<'_>> = catalogues
        .iter()
        .filter_map(|id| match id {
            CatalogueId::Dongguan2019 => dongguan.as_ref().map(Answer::Dongguan),
            CatalogueId::Szjj2021 => szjj.as_ref().map(Answer::Szjj),
        })
        .collect();
    builder.append(&answers, text, lang)
}

/// The result batches as a pyarrow Table (one batch of no rows for an empty input).
fn to_table<'py>(
    py: Python<'py>,
    batches: Vec<RecordBatch>,
    catalogues: &[CatalogueId],
) -> PyResult<Bound<'py, PyAny>> {
    PyTable::try_new(batches, schema_for(catalogues))?.into_pyarrow(py)
}

/// Arrow errors of the builders (which cannot occur for valid offsets) as ValueError.
fn arrow_error(e: &ArrowError) -> PyErr {
    PyValueError::new_err(format!("digicat: building the Arrow result failed: {e}"))
}

/// Classifies a batch given as Arrow columns (the native half of ``digicat.arrow.classify``).
///
/// ``codes`` and ``texts`` are objects with ``__arrow_c_stream__`` (pyarrow ChunkedArray,
/// polars Series, …) of strings, of one length; either may be None. Returns a pyarrow Table with
/// one row per input row, in order, and one column set per catalogue of ``catalogues`` (ids, in
/// order): ``dongguan-2019``'s ``status``, ``reason``, ``industries``, ``rows``, ``evidence``
/// and ``error``; ``szjj-2021``'s ``szjj_status`` … ``szjj_error``. A code that cannot be read
/// is an ``invalid`` row (its error kind as reason, the message in ``error``), never an
/// exception.
#[pyfunction]
#[pyo3(
    signature = (codes=None, texts=None, *, policy=Name::of("standard"), edition=Name::of("auto"), catalogues=vec![Name::of("dongguan-2019")]),
    text_signature = "(codes=None, texts=None, *, policy='standard', edition='auto', catalogues=['dongguan-2019'])"
)]
fn classify_arrow<'py>(
    py: Python<'py>,
    codes: Option<PyChunkedArray>,
    texts: Option<PyChunkedArray>,
    policy: Name,
    edition: Name,
    catalogues: Vec<Name>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(py, &policy.0, &edition.0)?;
    let ids = catalogue_ids(py, &catalogues, Lang::En)?;
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
        batches(n, &ids, |builder, i| {
            let code = codes.as_ref().and_then(|c| c.get(i).copied().flatten());
            let text = texts.as_ref().and_then(|c| c.get(i).copied().flatten());
            append_classified(builder, &ids, (code, text), &options, Lang::En)
        })
    });
    to_table(py, result.map_err(|e| arrow_error(&e))?, &ids)
}

/// Classifies a whole table of Arrow columns as the CLI does (the native half of
/// ``digicat.pandas.classify_frame`` with ``lists=True`` and of polars/pyarrow frames): as
/// ``report_table``, but ``columns`` are Arrow columns and the result is the pyarrow Table of
/// ``classify_arrow`` (evidence offsets are in the scanned text: the text column, or the
/// ``；``-joined scope columns). A column of another type than strings that Arrow can cast to
/// text (numbers in decimal, dates in ISO form) is cast. Returns ``(table, by_text_only)``, the
/// table with one column set per catalogue of ``catalogues`` (a blank or footer row is
/// ``skipped`` in each). ``lang="zh"`` gives the error messages (and a column error) in
/// Chinese; statuses and reasons stay the stable codes of the typed columns.
#[pyfunction]
#[pyo3(
    signature = (header, columns, code_col=None, text_col=None, *, policy=Name::of("standard"), edition=Name::of("auto"), text_only=false, lang=Name::of("en"), catalogues=vec![Name::of("dongguan-2019")]),
    text_signature = "(header, columns, code_col=None, text_col=None, *, policy='standard', edition='auto', text_only=False, lang='en', catalogues=['dongguan-2019'])"
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
    catalogues: Vec<Name>,
) -> PyResult<(Bound<'py, PyAny>, bool)> {
    let lang: Lang = option(py, &lang.0)?;
    let ids = catalogue_ids(py, &catalogues, lang)?;
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
        batches(n, &ids, |builder, i| {
            let fields: Vec<&str> = cells.iter().map(|c| c[i].unwrap_or("")).collect();
            if let Some(reason) = report::skip_reason(&fields) {
                return builder.append_skipped(reason);
            }
            let code = layout.code_field(&fields);
            let text = layout.text(&fields);
            let record = (code.as_deref(), text.as_deref());
            append_classified(builder, &ids, record, &options, lang)
        })
    });
    Ok((
        to_table(py, result.map_err(|e| arrow_error(&e))?, &ids)?,
        by_text_only,
    ))
}

/// Adds the Arrow functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(classify_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(report_table_arrow, m)?)?;
    Ok(())
}
