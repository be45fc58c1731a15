//! `szjj-2021` (《数字经济及其核心产业统计分类（2021）》) for Python: its result class and the native
//! halves of `classify(..., catalogue="szjj-2021")` and `classify_many(..., catalogue=...)`.

use crate::convert::{cell, code_error, column, options, row_count, Name};
use digicat::{szjj, CodeError, Status};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

/// The classification of one record against 《数字经济及其核心产业统计分类（2021）》
/// (``catalogue="szjj-2021"``): the same statuses and reasons as ``Classification``; its answer
/// units are 小类 codes (``030304``). Immutable.
#[pyclass(frozen, eq, module = "digicat")]
#[derive(Clone, PartialEq)]
pub struct SzjjClassification {
    result: Result<szjj::Classification, CodeError>,
    /// Character offsets of each piece of evidence in the text.
    spans: Vec<(usize, usize)>,
}

impl SzjjClassification {
    /// Converts a core result for a record whose text was `text`.
    pub fn new(result: Result<szjj::Classification, CodeError>, text: Option<&str>) -> Self {
        let text = text.unwrap_or_default();
        let chars = |byte: usize| text.get(..byte).map_or(0, |t| t.chars().count());
        let spans = result.as_ref().map_or_else(
            |_| Vec::new(),
            |c| {
                c.evidence
                    .iter()
                    .map(|e| (chars(e.start), chars(e.end)))
                    .collect()
            },
        );
        SzjjClassification { result, spans }
    }

    fn classes_(&self) -> &[&'static szjj::Class] {
        self.result.as_ref().map_or(&[], |c| &c.classes)
    }
}

#[pymethods]
impl SzjjClassification {
    /// ``in_scope``, ``needs_review``, ``out_of_scope`` or (batch rows only) ``invalid``.
    #[getter]
    fn status(&self) -> &'static str {
        self.result
            .as_ref()
            .map_or(Status::Invalid, |c| c.status)
            .as_str()
    }
    /// Why, e.g. ``listed_product``; for an ``invalid`` row the error kind.
    #[getter]
    fn reason(&self) -> &'static str {
        match &self.result {
            Ok(c) => c.reason.as_str(),
            Err(e) => e.kind(),
        }
    }
    /// The code as read (digits only), or ``None`` without one.
    #[getter]
    fn code(&self) -> Option<String> {
        let reading = self.result.as_ref().ok().and_then(|c| c.code);
        reading.map(|r| r.code().to_string())
    }
    /// For ``in_scope`` the 小类 codes, for ``needs_review`` the candidates, e.g. ``("030304",
    /// "030307")``.
    #[getter]
    fn classes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.classes_().iter().map(|c| c.code()))
    }
    /// The names of ``classes``.
    #[getter]
    fn class_names<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.classes_().iter().map(|c| c.name()))
    }
    /// The (小类, GB/T code) pairs behind ``classes``, e.g. ``("030307:6429*",)``.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let rows: Vec<String> = self.result.as_ref().map_or_else(
            |_| Vec::new(),
            |c| {
                c.rows
                    .iter()
                    .map(|(class, g)| format!("{}:{}", class.code(), g.printed()))
                    .collect()
            },
        );
        PyTuple::new(py, rows)
    }
    /// Every term found, in text order: dicts ``text``, ``class``, ``kind`` (``product`` for a
    /// reviewed 说明 term, ``class_name``), ``start`` and ``end`` (character offsets in the text).
    #[getter]
    fn evidence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let evidence = self.result.as_ref().map_or(&[][..], |c| &c.evidence);
        let items = evidence
            .iter()
            .zip(&self.spans)
            .map(|(e, (start, end))| {
                let d = PyDict::new(py);
                d.set_item("text", e.term.text())?;
                d.set_item("class", e.term.class().code())?;
                d.set_item("kind", e.term.kind().as_str())?;
                d.set_item("start", start)?;
                d.set_item("end", end)?;
                Ok(d)
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }
    /// For an ``invalid`` row, the error message; otherwise ``None``.
    #[getter]
    fn error(&self) -> Option<String> {
        self.result.as_ref().err().map(ToString::to_string)
    }
    fn __repr__(&self) -> String {
        let classes: Vec<&str> = self.classes_().iter().map(|c| c.code()).collect();
        format!(
            "SzjjClassification(status={:?}, reason={:?}, classes={classes:?})",
            self.status(),
            self.reason()
        )
    }
}

/// ``szjj-2021``: one record (the native half of ``digicat.classify(..., catalogue="szjj-2021")``).
#[pyfunction]
#[pyo3(
    signature = (code=None, text=None, *, policy=Name::of("standard"), edition=Name::of("auto")),
    text_signature = "(code=None, text=None, *, policy='standard', edition='auto')"
)]
pub fn classify_szjj(
    py: Python<'_>,
    code: Option<&Bound<'_, PyString>>,
    text: Option<&Bound<'_, PyString>>,
    policy: Name,
    edition: Name,
) -> PyResult<SzjjClassification> {
    let options = options(py, &policy.0, &edition.0)?;
    let code = code.map(crate::convert::string).transpose()?;
    let text = text.map(crate::convert::string).transpose()?;
    let result = py.detach(|| {
        let r = szjj::classify(code.as_deref(), text.as_deref(), &options)?;
        Ok::<_, CodeError>(SzjjClassification::new(Ok(r), text.as_deref()))
    });
    result.map_err(|e| code_error(py, &e, None))
}

/// ``szjj-2021``: a batch (the native half of ``digicat.classify_many(..., catalogue=...)``);
/// values are read as ``classify_many`` reads them; a row whose code is an error is ``invalid``
/// unless ``strict``.
#[pyfunction]
#[pyo3(
    signature = (codes=None, texts=None, *, policy=Name::of("standard"), edition=Name::of("auto"), strict=false),
    text_signature = "(codes=None, texts=None, *, policy='standard', edition='auto', strict=False)"
)]
pub fn classify_many_szjj<'py>(
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
        for i in 0..n {
            let text = cell(&texts, i);
            match szjj::classify(cell(&codes, i), text, &options) {
                Err(e) if strict => return Err((i, e)),
                result => out.push(SzjjClassification::new(result, text)),
            }
        }
        Ok(out)
    });
    let results = results.map_err(|(row, e)| code_error(py, &e, Some(row)))?;
    let objects = results
        .into_iter()
        .map(|c| Bound::new(py, c))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objects)
}
