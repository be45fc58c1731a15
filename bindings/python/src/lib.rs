//! Python bindings for [digicat](../digicat/index.html): the private `digicat._digicat`
//! extension module, re-exported by the `digicat` Python package in `python/digicat`.
//!
//! Conversion only: every answer, status name and report column comes from the `digicat` crate.
//! Batch functions first convert their inputs to Rust strings, then classify with the GIL
//! released, on every core for a large batch (contiguous chunks of rows, one thread each,
//! joined in input order), then build the Python results. Evidence spans are converted from the
//! core's byte offsets to character offsets, so that Python's `text[start:end]` is the match.
//!
//! Arrow at the boundary (`classify_arrow`, `report_table_arrow`, module `arrow`): columns come
//! in through the Arrow PyCapsule stream interface and a pyarrow Table of typed columns goes out,
//! with no Python object per row. The bridge is `pyo3-arrow` 0.20: it is built on the same pyo3
//! (0.30) and on arrow-rs 59, reads any `__arrow_c_stream__` producer (pyarrow, polars, pandas,
//! nanoarrow, arro3) without copying string buffers, and keeps the C-interface `unsafe` out of
//! this crate. arrow-rs' own `arrow-pyarrow` (60.1) needs pyo3 0.29, which cannot be linked
//! beside 0.30, and pyo3-polars 0.28 (the Polars plugin crate) likewise.
//!
//! Polars expression plugin (module `polars_plugin`, `digicat.polars.classify`): the module
//! exports the C functions of Polars' plugin ABI itself (no pyo3-polars), so Polars calls the
//! classifier from its own thread pool and streaming engine without Python; it holds this
//! crate's only `unsafe` (the crate denies it elsewhere).
#![deny(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod arrow;
mod convert;
// The Polars plugin ABI is C functions over raw pointers: the only `unsafe` of this crate.
#[allow(unsafe_code)]
mod polars_plugin;
mod szjj;
mod types;

use convert::{
    cell, code_error, column, option, option_in, options, options_in, row_count, Column, Name,
};
use digicat::report::{self, Lang};
use digicat::{CatalogueId, CodeError, Edition, Options, Policy};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};
use std::num::NonZeroUsize;
use std::ops::Range;
use types::{CatalogueInfo, Classification, CodeInfo, Evidence, Industry, Row};

create_exception!(
    digicat,
    DigicatError,
    PyValueError,
    "Base class of digicat's errors (a ValueError). `kind` is the stable error kind \
     (e.g. `malformed_code`); `row` is the batch row index, or None; `message_zh` is the \
     message in Chinese (the message itself is English, or Chinese from a function called \
     with lang=\"zh\")."
);
create_exception!(
    digicat,
    InvalidCodeError,
    DigicatError,
    "A code field that cannot be read: malformed, not a GB/T 4754 code, an unknown industry name, \
     a code and name that disagree, or parts of a hierarchy that contradict each other; or a text \
     longer than 16 MiB. `kind` says which (`malformed_code`, `section_mismatch`, `unknown_code`, \
     `unknown_class_name`, `code_name_mismatch`, `hierarchy_mismatch`, `empty_code`, \
     `text_too_long`)."
);
create_exception!(
    digicat,
    InvalidOptionError,
    DigicatError,
    "An option value that is not one of the allowed names (policy, edition or lang); \
     `kind` is `invalid_option`."
);

/// A present `str` argument, with lone surrogates replaced by U+FFFD.
fn text_arg(value: Option<&Bound<'_, PyString>>) -> PyResult<Option<String>> {
    value.map(convert::string).transpose()
}

/// Classifies one record: an industry code field and a business-scope or product text, both
/// optional (an empty or blank field counts as absent).
///
/// The code field may be a GB/T 4754-2017 code in any usual form (``6513``, ``6513*``,
/// ``I6513``, ``I-6513``, full-width digits), a 中类/大类 (``651``, ``65``), an exact 小类 name
/// (``应用软件开发``) or a code with its name (``I6513 应用软件开发``). ``policy`` is
/// ``"standard"`` or ``"strict"``; ``edition`` is ``"auto"``, ``"2017"`` or ``"2011"``.
///
/// Returns a Classification. Raises InvalidCodeError when the code field cannot be read and
/// InvalidOptionError for an unknown policy or edition.
#[pyfunction]
#[pyo3(
    signature = (code=None, text=None, *, policy=Name::of("standard"), edition=Name::of("auto")),
    text_signature = "(code=None, text=None, *, policy='standard', edition='auto')"
)]
fn classify(
    py: Python<'_>,
    code: Option<&Bound<'_, PyString>>,
    text: Option<&Bound<'_, PyString>>,
    policy: Name,
    edition: Name,
) -> PyResult<Classification> {
    let options = options(py, &policy.0, &edition.0)?;
    let (code, text) = (text_arg(code)?, text_arg(text)?);
    let result = py.detach(|| {
        let r = digicat::classify(code.as_deref(), text.as_deref(), &options)?;
        Ok::<_, CodeError>(Classification::new(Ok(r), text.as_deref()))
    });
    result.map_err(|e| code_error(py, &e, None))
}

/// Classifies the rows of a batch (the native half of ``digicat.classify_many``).
///
/// ``codes`` and ``texts`` are iterables with one value per row (either may be None): None and
/// NaN are absent, str is taken as is, an integral float loses its ``.0`` and any other value is
/// ``str(value)``. Returns one Classification per row, in input order; a row whose code cannot be
/// read is a Classification with status ``invalid`` unless ``strict`` is true, in which case the
/// first such row raises InvalidCodeError (``row`` = its index). Classification runs with the
/// GIL released, on every core for a batch of more than 4096 rows.
#[pyfunction]
#[pyo3(
    signature = (codes=None, texts=None, *, policy=Name::of("standard"), edition=Name::of("auto"), strict=false),
    text_signature = "(codes=None, texts=None, *, policy='standard', edition='auto', strict=False)"
)]
fn classify_many<'py>(
    py: Python<'py>,
    codes: Option<&Bound<'py, PyAny>>,
    texts: Option<&Bound<'py, PyAny>>,
    policy: Name,
    edition: Name,
    strict: bool,
) -> PyResult<Bound<'py, PyList>> {
    let options = options(py, &policy.0, &edition.0)?;
    let codes = column(codes, "codes")?;
    let texts = column(texts, "texts")?;
    let n = row_count(&codes, &texts)?;
    let results = py.detach(|| {
        let mut out = Vec::with_capacity(n);
        for chunk in in_chunks(n, |rows| {
            classify_rows(&codes, &texts, rows, &options, strict)
        }) {
            out.extend(chunk?);
        }
        Ok(out)
    });
    let results = results.map_err(|(row, e)| code_error(py, &e, Some(row)))?;
    drop((codes, texts));
    let objects = results
        .into_iter()
        .map(|c| Bound::new(py, c))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objects)
}

/// Classifies `rows`; under `strict`, stops at the first code error with its row index.
fn classify_rows(
    codes: &Column,
    texts: &Column,
    rows: Range<usize>,
    options: &Options,
    strict: bool,
) -> Result<Vec<Classification>, (usize, CodeError)> {
    let mut out = Vec::with_capacity(rows.len());
    for i in rows {
        let text = cell(texts, i);
        let result = digicat::classify(cell(codes, i), text, options);
        match result {
            Err(e) if strict => return Err((i, e)),
            result => out.push(Classification::new(result, text)),
        }
    }
    Ok(out)
}

/// Batches smaller than this run on the calling thread alone; larger ones are split into chunks
/// of at least this many rows, so a thread always has enough work to be worth starting.
const MIN_CHUNK: usize = 4096;

/// Splits rows `0..n` into contiguous chunks, in order, at most one per thread of `threads`
/// and none shorter than [`MIN_CHUNK`] (except the only one of a small batch).
fn chunks(n: usize, threads: usize) -> Vec<Range<usize>> {
    // Each of `count` near-equal chunks has at least n / count >= MIN_CHUNK rows.
    let count = (n / MIN_CHUNK).clamp(1, threads.max(1));
    (0..count)
        .map(|i| i * n / count..(i + 1) * n / count)
        .filter(|rows| !rows.is_empty())
        .collect()
}

/// Runs `work` on the [`chunks`] of `0..n`, one thread per chunk (as many as the machine has
/// cores; the first chunk on the calling thread), and returns the chunks' results in input order.
fn in_chunks<R: Send>(n: usize, work: impl Fn(Range<usize>) -> R + Sync) -> Vec<R> {
    in_chunks_on(cores(), n, work)
}

/// The number of cores of the machine (1 if unknown).
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// [`in_chunks`] on at most `threads` threads.
fn in_chunks_on<R: Send>(
    threads: usize,
    n: usize,
    work: impl Fn(Range<usize>) -> R + Sync,
) -> Vec<R> {
    let mut chunks = chunks(n, threads).into_iter();
    let first = chunks.next().unwrap_or(0..0);
    let work = &work;
    std::thread::scope(|scope| {
        let others: Vec<_> = chunks.map(|c| scope.spawn(move || work(c))).collect();
        let mut results = Vec::with_capacity(others.len() + 1);
        results.push(work(first));
        for handle in others {
            // A panic in a worker is passed on as it is, as it would be on this thread.
            results.push(
                handle
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            );
        }
        results
    })
}

/// The names of the 7 columns that ``report_columns`` (and the CLI) add, for ``lang`` ``"en"``
/// (``status``, ``reason``, ``industries``, ``industry_names``, ``rows``, ``evidence``, ``error``)
/// or ``"zh"``;
/// ``catalogue`` ``"szjj-2021"`` gives that catalogue's 7 (``szjj_status`` …, ``数字经济状态`` …).
#[pyfunction]
#[pyo3(signature = (lang=Name::of("en"), catalogue=Name::of("dongguan-2019")), text_signature = "(lang='en', catalogue='dongguan-2019')")]
fn report_column_names<'py>(
    py: Python<'py>,
    lang: Name,
    catalogue: Name,
) -> PyResult<Bound<'py, PyTuple>> {
    let lang: Lang = option(py, &lang.0)?;
    let catalogue: CatalogueId = option(py, &catalogue.0)?;
    PyTuple::new(py, report::catalogue_columns(catalogue, lang))
}

/// The 7 columns the CLI adds, computed for a batch of codes and texts: returns ``(names,
/// columns)``, ``columns`` being 7 lists of str with one value per row; with ``lang="zh"`` the
/// names, statuses, reasons and error messages in Chinese, as the CLI's ``--lang zh`` writes them. Every row is classified
/// (a table's blank and footer rows are told apart by ``report_table``, which
/// ``digicat.pandas.classify_frame`` uses). Inputs are read and classified as in ``classify_many`` (GIL
/// released, every core for a large batch).
#[pyfunction]
#[pyo3(
    signature = (codes=None, texts=None, lang=Name::of("en"), *, policy=Name::of("standard"), edition=Name::of("auto")),
    text_signature = "(codes=None, texts=None, lang='en', *, policy='standard', edition='auto')"
)]
fn report_columns<'py>(
    py: Python<'py>,
    codes: Option<&Bound<'py, PyAny>>,
    texts: Option<&Bound<'py, PyAny>>,
    lang: Name,
    policy: Name,
    edition: Name,
) -> PyResult<(Bound<'py, PyTuple>, Vec<Vec<String>>)> {
    let lang: Lang = option(py, &lang.0)?;
    let options = options_in(py, &policy.0, &edition.0, lang)?;
    let codes = column(codes, "codes")?;
    let texts = column(texts, "texts")?;
    let n = row_count(&codes, &texts)?;
    let columns = py.detach(|| {
        let chunks = in_chunks(n, |rows| {
            let mut columns: [Vec<String>; 7] = Default::default();
            for i in rows {
                let result = digicat::classify(cell(&codes, i), cell(&texts, i), &options);
                for (column, field) in columns.iter_mut().zip(report::fields_in(&result, lang)) {
                    column.push(field);
                }
            }
            columns
        });
        let mut columns: Vec<Vec<String>> = (0..7).map(|_| Vec::with_capacity(n)).collect();
        for chunk in chunks {
            for (column, part) in columns.iter_mut().zip(chunk) {
                column.extend(part);
            }
        }
        columns
    });
    Ok((PyTuple::new(py, report::columns(lang))?, columns))
}

/// A status, reason (or error kind), evidence kind or relation code in ``lang``: the code itself
/// for ``"en"``, its Chinese label for ``"zh"`` (the core's ``report::reason_label``,
/// ``report::kind_label``, ``Status::label``); a code without a label is returned as given.
#[pyfunction]
#[pyo3(signature = (code, lang=Name::of("zh")), text_signature = "(code, lang='zh')")]
fn label(py: Python<'_>, code: &str, lang: Name) -> PyResult<String> {
    let lang: Lang = option(py, &lang.0)?;
    Ok(report::label(code, lang).unwrap_or(code).to_owned())
}

/// Counts a classified table as the CLI's summary does (the native half of
/// ``digicat.pandas.summarize``), through the core's ``report::Tally``: ``statuses``,
/// ``reasons`` and ``industries`` are the added columns' values, one per row (a status or reason
/// as a code or its Chinese label; industries as ``1,3``); ``groups`` one list of values per
/// grouping column named in ``group_columns`` (None or missing counts as the empty value).
/// Returns ``(names, rows)``: the summary table's column names in ``lang`` and its rows (10 str
/// each, the counts as decimal text, empty cells ``""``). Raises ValueError for a status that is
/// not one, an industry id that is not a number, or columns of different lengths.
#[pyfunction]
#[pyo3(
    signature = (statuses, reasons, industries, group_columns=Vec::new(), groups=Vec::new(), lang=Name::of("en")),
    text_signature = "(statuses, reasons, industries, group_columns=[], groups=[], lang='en')"
)]
fn summary_table<'py>(
    py: Python<'py>,
    statuses: Vec<Option<String>>,
    reasons: Vec<Option<String>>,
    industries: Vec<Option<String>>,
    group_columns: Vec<String>,
    groups: Vec<Vec<Option<String>>>,
    lang: Name,
) -> PyResult<(Bound<'py, PyTuple>, Vec<Vec<String>>)> {
    let lang: Lang = option(py, &lang.0)?;
    let n = statuses.len();
    if reasons.len() != n || industries.len() != n || groups.iter().any(|g| g.len() != n) {
        return Err(PyValueError::new_err(
            "summary_table: every column must have one value per row (各列行数须相同)",
        ));
    }
    if groups.len() != group_columns.len() {
        return Err(PyValueError::new_err(
            "summary_table: one list of values per grouping column",
        ));
    }
    let mut tally = report::Tally::new(group_columns);
    for i in 0..n {
        let raw = statuses[i].as_deref().unwrap_or("");
        let code = report::code_of(raw);
        let Some(status) = digicat::Status::ALL
            .into_iter()
            .find(|s| Some(s.as_str()) == code)
        else {
            return Err(PyValueError::new_err(format!(
                "row {i}: {raw:?} is not a status (不是状态值): expected one of {}",
                digicat::Status::ALL.map(|s| s.as_str()).join(", ")
            )));
        };
        let reason = reasons[i].as_deref().unwrap_or("");
        let reason = report::code_of(reason).unwrap_or(reason);
        let mut ids = Vec::new();
        for part in industries[i].as_deref().unwrap_or("").split(',') {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            ids.push(part.parse::<u8>().map_err(|_| {
                PyValueError::new_err(format!(
                    "row {i}: industry id {part:?} is not a number (产业编号须为数字)"
                ))
            })?);
        }
        let values: Vec<&str> = groups
            .iter()
            .map(|g| g[i].as_deref().unwrap_or(""))
            .collect();
        tally.add(status, reason, &ids, &values);
    }
    let rows = tally.table(lang).into_iter().map(Vec::from).collect();
    Ok((PyTuple::new(py, report::summary_columns(lang))?, rows))
}

/// The columns of a table chosen as the CLI chooses them (the core's `report::find_layout`);
/// a ValueError saying what to pass when they cannot be, in `lang`.
fn layout(
    header: &[String],
    code_col: Option<Name>,
    text_col: Option<Name>,
    text_only: bool,
    lang: Lang,
) -> PyResult<report::Layout> {
    let (code_col, text_col) = (code_col.map(|n| n.0), text_col.map(|n| n.0));
    let choice = report::Choice {
        code_col: code_col.as_deref(),
        text_col: text_col.as_deref(),
        text_only,
    };
    report::find_layout(header, &choice).map_err(|e| {
        let message = e.message(lang);
        // pandas names the empty cells of a header `Unnamed: N`: read from a title row.
        let titled = matches!(e, report::ColumnError::NotDetected)
            && header.iter().any(|h| h.starts_with("Unnamed:"));
        if lang == Lang::Zh {
            let hint = match e {
                report::ColumnError::NotFound { .. } => "",
                report::ColumnError::NotDetected => "；请用 code_col=、text_col= 指定列",
                report::ColumnError::IndustryColumnsNotRecognised { .. } => {
                    "；请用 code_col=列名 指定国标行业代码或行业列，或用 text_only=True 只按经营范围分类"
                }
            };
            let title = if titled {
                "；表头似乎不在第一行（上方有标题行）：读入时用 header=N 指定表头所在行（pandas，从 0 数起）"
            } else {
                ""
            };
            let columns: Vec<String> = header.iter().map(|h| format!("“{h}”")).collect();
            return PyValueError::new_err(format!(
                "{message}{hint}{title}；各列为：{}",
                columns.join("、")
            ));
        }
        let hint = match e {
            report::ColumnError::NotFound { .. } => "",
            report::ColumnError::NotDetected => "; name them with code_col= and/or text_col=",
            report::ColumnError::IndustryColumnsNotRecognised { .. } => {
                "; name the GB/T 4754 code or industry column with code_col=NAME, or classify by \
                 the text alone with text_only=True"
            }
        };
        let title = if titled {
            "; the header seems not to be on the first row (a title row above it): read the \
             file with header=N (pandas, counted from 0)"
        } else {
            ""
        };
        PyValueError::new_err(format!("{message}{hint}{title}; the columns are {header:?}"))
    })
}

/// The catalogue ids of ``catalogues`` (names such as ``szjj-2021``), each once, in order; a
/// ValueError (in `lang`) for an unknown one or none.
fn catalogue_ids(py: Python<'_>, catalogues: &[Name], lang: Lang) -> PyResult<Vec<CatalogueId>> {
    let ids = catalogues
        .iter()
        .map(|c| option_in(py, &c.0, lang))
        .collect::<PyResult<Vec<CatalogueId>>>()?;
    distinct_catalogues(ids).ok_or_else(|| PyValueError::new_err(no_catalogue(lang)))
}

/// `ids` each once, in their first order; `None` when there is none (every surface asks for at
/// least one catalogue).
fn distinct_catalogues(ids: impl IntoIterator<Item = CatalogueId>) -> Option<Vec<CatalogueId>> {
    let mut distinct: Vec<CatalogueId> = Vec::new();
    for id in ids {
        if !distinct.contains(&id) {
            distinct.push(id);
        }
    }
    (!distinct.is_empty()).then_some(distinct)
}

/// The message for a call that names no catalogue, in `lang`.
fn no_catalogue(lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        "请至少选择一个目录（dongguan-2019、szjj-2021）"
    } else {
        "choose at least one catalogue (dongguan-2019, szjj-2021) [请至少选择一个目录]"
    }
}

/// Classifies a whole table as the CLI does (the native half of
/// ``digicat.pandas.classify_frame``): ``header`` (a list of str) and ``columns`` (one iterable of
/// values per header column, all of one length). The columns are chosen by the core's
/// ``report::find_layout`` (``code_col``/``text_col`` name them; ``text_only`` classifies by the
/// text alone); each row is then classified by ``report::Layout::classify``: a row whose fields
/// are all blank, or hold only a ``合计``-style footer, is ``skipped`` (``blank_row``,
/// ``footer_row``). Returns ``(names, columns, by_text_only)``: the 7 added column names, their
/// values (7 lists of str, one value per row) and whether no code column was used. Raises
/// ValueError when a named column is missing, none is found, or a column looks like an industry
/// column but is not recognised (then name it with ``code_col`` or pass ``text_only=True``).
#[pyfunction]
#[pyo3(
    signature = (header, columns, code_col=None, text_col=None, lang=Name::of("en"), *, policy=Name::of("standard"), edition=Name::of("auto"), text_only=false, catalogues=vec![Name::of("dongguan-2019")]),
    text_signature = "(header, columns, code_col=None, text_col=None, lang='en', *, policy='standard', edition='auto', text_only=False, catalogues=['dongguan-2019'])"
)]
#[allow(clippy::too_many_arguments)]
fn report_table<'py>(
    py: Python<'py>,
    header: Vec<Name>,
    columns: Vec<Bound<'py, PyAny>>,
    code_col: Option<Name>,
    text_col: Option<Name>,
    lang: Name,
    policy: Name,
    edition: Name,
    text_only: bool,
    catalogues: Vec<Name>,
) -> PyResult<(Bound<'py, PyTuple>, Vec<Vec<String>>, bool)> {
    let lang: Lang = option(py, &lang.0)?;
    let ids = catalogue_ids(py, &catalogues, lang)?;
    let width = 7 * ids.len();
    let options = options_in(py, &policy.0, &edition.0, lang)?;
    let header: Vec<String> = header.into_iter().map(|n| n.0).collect();
    let layout = layout(&header, code_col, text_col, text_only, lang)?;
    if columns.len() != header.len() {
        return Err(PyValueError::new_err(format!(
            "{} columns of values for a header of {}",
            columns.len(),
            header.len()
        )));
    }
    let values: Vec<Vec<Option<String>>> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| Ok(column(Some(c), &format!("column {i}"))?.unwrap_or_default()))
        .collect::<PyResult<_>>()?;
    let n = values.first().map_or(0, Vec::len);
    if let Some((i, c)) = values.iter().enumerate().find(|(_, c)| c.len() != n) {
        return Err(PyValueError::new_err(format!(
            "column {i} has {} values but column 0 has {n}",
            c.len()
        )));
    }
    let by_text_only = layout.text_only();
    let out = py.detach(|| {
        let chunks = in_chunks(n, |rows| {
            let mut out: Vec<Vec<String>> = vec![Vec::new(); width];
            let mut fields: Vec<&str> = Vec::with_capacity(values.len());
            for i in rows {
                fields.clear();
                fields.extend(values.iter().map(|c| c[i].as_deref().unwrap_or("")));
                let skipped = report::skip_reason(&fields);
                let mut row: Vec<String> = Vec::with_capacity(width);
                for id in &ids {
                    let set = match (skipped, id) {
                        (Some(reason), _) => {
                            let mut set = report::skipped_fields(reason);
                            report::localize(&mut set, lang);
                            set
                        }
                        (None, CatalogueId::Dongguan2019) => {
                            report::row_fields_in(&layout.classify(&fields, &options), lang)
                        }
                        (None, CatalogueId::Szjj2021) => {
                            report::szjj_fields_in(&layout.classify_szjj(&fields, &options), lang)
                        }
                    };
                    row.extend(set);
                }
                for (column, field) in out.iter_mut().zip(row) {
                    column.push(field);
                }
            }
            out
        });
        let mut out: Vec<Vec<String>> = (0..width).map(|_| Vec::with_capacity(n)).collect();
        for chunk in chunks {
            for (column, part) in out.iter_mut().zip(chunk) {
                column.extend(part);
            }
        }
        out
    });
    let names: Vec<&str> = ids
        .iter()
        .flat_map(|id| report::catalogue_columns(*id, lang).iter().copied())
        .collect();
    Ok((PyTuple::new(py, names)?, out, by_text_only))
}

/// Assesses a roster against policy criteria (the native half of ``digicat.assess``): ``header``,
/// ``rows`` (lists of str, one per header column) and their ``lines`` (row numbers shown in the
/// report); ``criteria`` are shipped ids or ``.tsv`` paths; ``attrs`` (``[PARK:]NAME=VALUE``),
/// ``attr_file`` (name, TSV text), ``units`` (``HEADER=万元``), ``columns`` (``ROLE=HEADER``) and
/// ``readings`` (``SET.ID``) are read exactly as the CLI reads them. Returns ``(json, html)``: the
/// report in schema ``digicat-assess/1`` and the self-contained HTML page. Raises ValueError for
/// a bad request or roster.
#[pyfunction]
#[pyo3(
    signature = (header, rows, lines, criteria, *, attrs=Vec::new(), attr_file=None, units=Vec::new(), columns=Vec::new(), readings=Vec::new(), park_col=None, code_col=None, text_col=None, text_only=false, policy=Name::of("standard"), edition=Name::of("auto"), scores=None),
    text_signature = "(header, rows, lines, criteria, *, attrs=[], attr_file=None, units=[], columns=[], readings=[], park_col=None, code_col=None, text_col=None, text_only=False, policy='standard', edition='auto', scores=None)"
)]
#[allow(clippy::too_many_arguments)]
fn assess_table(
    py: Python<'_>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    lines: Vec<u64>,
    criteria: Vec<String>,
    attrs: Vec<String>,
    attr_file: Option<(String, String)>,
    units: Vec<String>,
    columns: Vec<String>,
    readings: Vec<String>,
    park_col: Option<String>,
    code_col: Option<String>,
    text_col: Option<String>,
    text_only: bool,
    policy: Name,
    edition: Name,
    scores: Option<(Vec<String>, Vec<Vec<String>>)>,
) -> PyResult<(String, String)> {
    use digicat_assess::request::{Prepared, Request};
    let classify = options(py, &policy.0, &edition.0)?;
    if lines.len() != rows.len() {
        return Err(PyValueError::new_err(format!(
            "{} line numbers for {} rows",
            lines.len(),
            rows.len()
        )));
    }
    let request = Request {
        criteria,
        readings,
        attrs,
        attr_file,
        units,
        columns,
    };
    let Prepared {
        sets,
        attrs,
        units,
        columns,
    } = request.prepare().map_err(|m| PyValueError::new_err(m.en))?;
    let roster_options = digicat_assess::RosterOptions {
        code_col,
        text_col,
        text_only,
        park_col,
        columns,
        units,
        classify,
        szjj: sets.iter().any(digicat_assess::CriteriaSet::needs_szjj),
    };
    let records: Vec<(u64, Vec<String>)> = lines.into_iter().zip(rows).collect();
    let roster = digicat_assess::Roster::read(&header, &records, &roster_options)
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let sheet = match scores {
        Some((header, rows)) => {
            let rows: Vec<(u64, Vec<String>)> = (2..).zip(rows).collect();
            digicat_assess::ScoreSheet::read("scores", &header, &rows, &sets, &roster.group_names())
                .map_err(PyValueError::new_err)?
        }
        None => digicat_assess::ScoreSheet::default(),
    };
    let report = digicat_assess::report::Report::build(&roster, &sets, &attrs, &sheet);
    Ok((report.to_json(), digicat_assess::html::render(&report)))
}

/// Finds every catalogue term named in ``text`` (products, aliases, and under the standard policy
/// business-scope phrases and class names), in text order, as Evidence with character offsets.
#[pyfunction]
#[pyo3(signature = (text, *, policy=Name::of("standard")), text_signature = "(text, *, policy='standard')")]
fn find_products(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    policy: Name,
) -> PyResult<Vec<Evidence>> {
    let policy: Policy = option(py, &policy.0)?;
    let text = convert::string(text)?;
    let text: &str = &text;
    Ok(py.detach(|| Evidence::all(&digicat::find_terms(text, policy), text)))
}

/// Reads a code field (as ``classify`` does) and returns a CodeInfo: the code, its official
/// name, level, edition, section, 2017 successors of a 2011 code, and the catalogue rows and
/// industries it concerns. Raises InvalidCodeError when the field cannot be read (also when it is
/// empty).
#[pyfunction]
#[pyo3(signature = (code, *, edition=Name::of("auto")), text_signature = "(code, *, edition='auto')")]
fn lookup(py: Python<'_>, code: &Bound<'_, PyString>, edition: Name) -> PyResult<CodeInfo> {
    let edition: Edition = option(py, &edition.0)?;
    match digicat::read_code_field(&convert::string(code)?, edition) {
        Ok(Some(reading)) => Ok(CodeInfo(reading)),
        Ok(None) => Err(code_error(py, &CodeError::Empty, None)),
        Err(e) => Err(code_error(py, &e, None)),
    }
}

/// The catalogue's 9 industries, by id.
#[pyfunction]
fn industries() -> Vec<Industry> {
    digicat::industries().iter().map(Industry).collect()
}

/// The catalogue's 30 rows (行业), in table order (29 printed, the inferred 4.7).
#[pyfunction]
fn rows() -> Vec<Row> {
    digicat::rows().iter().map(Row).collect()
}

/// The catalogue's metadata (title, document, issuer, date, status, edition, version).
#[pyfunction]
fn catalogue_info() -> CatalogueInfo {
    CatalogueInfo
}

/// The native module. Its Python face is the `digicat` package.
#[pymodule]
fn _digicat(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("CATALOGUE_VERSION", digicat::CATALOGUE_VERSION)?;
    let statuses = digicat::Status::ALL.map(digicat::Status::as_str);
    m.add("STATUSES", PyTuple::new(py, statuses)?)?;
    let reasons = digicat::Reason::ALL.map(digicat::Reason::as_str);
    m.add("REASONS", PyTuple::new(py, reasons)?)?;
    m.add("CODE_COLUMNS", PyTuple::new(py, report::CODE_COLUMNS)?)?;
    m.add("TEXT_COLUMNS", PyTuple::new(py, report::TEXT_COLUMNS)?)?;
    convert::exception_defaults(py)?;
    m.add("DigicatError", py.get_type::<DigicatError>())?;
    m.add("InvalidCodeError", py.get_type::<InvalidCodeError>())?;
    m.add("InvalidOptionError", py.get_type::<InvalidOptionError>())?;
    m.add_class::<Classification>()?;
    m.add_class::<Evidence>()?;
    m.add_class::<Industry>()?;
    m.add_class::<Row>()?;
    m.add_class::<CodeInfo>()?;
    m.add_class::<CatalogueInfo>()?;
    m.add_function(wrap_pyfunction!(classify, m)?)?;
    m.add_function(wrap_pyfunction!(classify_many, m)?)?;
    m.add_class::<szjj::SzjjClassification>()?;
    m.add_function(wrap_pyfunction!(szjj::classify_szjj, m)?)?;
    m.add_function(wrap_pyfunction!(szjj::classify_many_szjj, m)?)?;
    m.add_function(wrap_pyfunction!(report_column_names, m)?)?;
    m.add_function(wrap_pyfunction!(report_columns, m)?)?;
    m.add_function(wrap_pyfunction!(report_table, m)?)?;
    m.add_function(wrap_pyfunction!(summary_table, m)?)?;
    m.add_function(wrap_pyfunction!(label, m)?)?;
    m.add_function(wrap_pyfunction!(assess_table, m)?)?;
    m.add_function(wrap_pyfunction!(find_products, m)?)?;
    m.add_function(wrap_pyfunction!(lookup, m)?)?;
    m.add_function(wrap_pyfunction!(industries, m)?)?;
    m.add_function(wrap_pyfunction!(rows, m)?)?;
    m.add_function(wrap_pyfunction!(catalogue_info, m)?)?;
    arrow::register(m)?;
    digicat::warm_up();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{chunks, in_chunks, MIN_CHUNK};

    #[test]
    fn chunks_cover_every_row_once_in_order() {
        for threads in [0, 1, 2, 3, 8, 64] {
            for n in [
                0,
                1,
                MIN_CHUNK - 1,
                MIN_CHUNK,
                MIN_CHUNK + 1,
                3 * MIN_CHUNK + 7,
                200_000,
            ] {
                let c = chunks(n, threads);
                let rows: Vec<usize> = c.iter().flat_map(Clone::clone).collect();
                assert_eq!(rows, (0..n).collect::<Vec<_>>(), "n={n} threads={threads}");
                assert!(c.len() <= threads.max(1), "n={n} threads={threads}: {c:?}");
                if c.len() > 1 {
                    assert!(c.iter().all(|r| r.len() >= MIN_CHUNK), "{c:?}");
                }
            }
        }
        assert_eq!(chunks(MIN_CHUNK, 2).len(), 1);
        assert_eq!(
            chunks(2 * MIN_CHUNK, 2),
            [0..MIN_CHUNK, MIN_CHUNK..2 * MIN_CHUNK]
        );
        assert_eq!(chunks(200_000, 2).len(), 2);
        assert_eq!(chunks(200_000, 8).len(), 8);
    }

    #[test]
    fn in_chunks_keeps_input_order() {
        let n = 5 * MIN_CHUNK + 3;
        let parts = in_chunks(n, |rows| rows.map(|i| i * 2).collect::<Vec<_>>());
        let all: Vec<usize> = parts.into_iter().flatten().collect();
        assert_eq!(all, (0..n).map(|i| i * 2).collect::<Vec<_>>());
    }
}
