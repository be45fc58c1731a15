//! The immutable result and catalogue classes: each holds the core's values and builds Python
//! objects only when a getter asks.

use crate::convert::CharOffsets;
use digicat::{CodeError, CodeReading, EvidenceKind, Relation, Status};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};

/// Python's `repr` of a string (quotes and escapes exactly as Python writes them).
fn quoted(py: Python<'_>, s: &str) -> String {
    PyString::new(py, s)
        .repr()
        .map_or_else(|_| format!("{s:?}"), |r| r.to_string_lossy().into_owned())
}

/// `s` escaped for HTML text and attribute values.
fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A row's code as printed in the catalogue: `6513*` for a row that covers only its products.
fn printed_code(row: &digicat::Row) -> String {
    format!("{}{}", row.code(), if row.is_partial() { "*" } else { "" })
}

/// One of the catalogue's 9 industries (产业).
#[pyclass(frozen, eq, hash, module = "digicat")]
#[derive(Clone, Copy)]
pub struct Industry(pub &'static digicat::Industry);

impl PartialEq for Industry {
    fn eq(&self, other: &Self) -> bool {
        self.0.id() == other.0.id()
    }
}

impl Eq for Industry {}

impl Hash for Industry {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.id().hash(state);
    }
}

#[pymethods]
impl Industry {
    /// Industry number, 1 to 9.
    #[getter]
    fn id(&self) -> u8 {
        self.0.id()
    }
    /// Official name, e.g. ``人工智能软件开发``.
    #[getter]
    fn name(&self) -> &'static str {
        self.0.name()
    }
    /// Official name of its category (产业分类), e.g. ``一、新兴软件和新型信息技术服务``.
    #[getter]
    fn category(&self) -> &'static str {
        self.0.category().name()
    }
    /// Number of its category, 1 or 2.
    #[getter]
    fn category_id(&self) -> u8 {
        self.0.category().id()
    }
    /// The catalogue rows (行业) of this industry, in table order.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.0.rows().iter().map(Row))
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("Industry({}, {})", self.0.id(), quoted(py, self.0.name()))
    }
}

/// One of the catalogue's 29 rows (行业): a GB/T 4754-2017 小类 under one industry.
#[pyclass(frozen, eq, hash, module = "digicat")]
#[derive(Clone, Copy)]
pub struct Row(pub &'static digicat::Row);

impl PartialEq for Row {
    fn eq(&self, other: &Self) -> bool {
        self.0.index() == other.0.index()
    }
}

impl Eq for Row {}

impl Hash for Row {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.index().hash(state);
    }
}

#[pymethods]
impl Row {
    /// Row number as printed, e.g. ``3.2``.
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id()
    }
    /// Official 行业名称 (the GB/T 4754-2017 小类 name), e.g. ``应用软件开发``.
    #[getter]
    fn name(&self) -> &'static str {
        self.0.name()
    }
    /// The 4-digit GB/T 4754-2017 code, e.g. ``6513`` (without the catalogue's ``*``).
    #[getter]
    fn code(&self) -> String {
        self.0.code().to_string()
    }
    /// ``True`` when the catalogue prints the code with ``*``: only the listed products count.
    #[getter]
    fn partial(&self) -> bool {
        self.0.is_partial()
    }
    /// The industry this row belongs to.
    #[getter]
    fn industry(&self) -> Industry {
        Industry(self.0.industry())
    }
    /// The listed key products and services (重点产品和服务) of a partial row; empty otherwise.
    #[getter]
    fn products<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.0.products().iter().map(|p| p.name()))
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Row({}, {}, {}, industry={})",
            quoted(py, self.0.id()),
            quoted(py, self.0.name()),
            quoted(py, &printed_code(self.0)),
            self.0.industry().id()
        )
    }
}

/// A catalogue term found in a text. ``start``/``end`` are character offsets into the text
/// given, so ``text[e.start:e.end] == e.matched``.
#[pyclass(frozen, eq, hash, module = "digicat")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Evidence {
    kind: EvidenceKind,
    term: &'static str,
    relation: Option<Relation>,
    row: Row,
    matched: String,
    start: usize,
    end: usize,
}

impl Evidence {
    /// Converts core evidence found in `text`; `offsets` must walk that same text.
    pub fn new(e: &digicat::Evidence, text: &str, offsets: &mut CharOffsets<'_>) -> Self {
        Evidence {
            kind: e.kind(),
            term: e.text(),
            relation: e.relation(),
            row: Row(e.row()),
            matched: e.matched(text).unwrap_or_default().to_owned(),
            start: offsets.of(e.start),
            end: offsets.of(e.end),
        }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", self.kind.as_str())?;
        d.set_item("term", self.term)?;
        d.set_item("relation", self.relation.map(Relation::as_str))?;
        d.set_item("row", self.row.0.id())?;
        d.set_item("industry", self.row.0.industry().id())?;
        d.set_item("matched", &self.matched)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        Ok(d)
    }
}

#[pymethods]
impl Evidence {
    /// ``product``, ``alias``, ``scope_phrase`` or ``class_name``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind.as_str()
    }
    /// The catalogue term as written in the catalogue data (product, alias, phrase or class name).
    #[getter]
    fn term(&self) -> &'static str {
        self.term
    }
    /// For a scope phrase: ``equivalent`` or ``broader``; otherwise ``None``.
    #[getter]
    fn relation(&self) -> Option<&'static str> {
        self.relation.map(Relation::as_str)
    }
    /// The catalogue row this is evidence for.
    #[getter]
    fn row(&self) -> Row {
        self.row
    }
    /// The industry of that row.
    #[getter]
    fn industry(&self) -> Industry {
        Industry(self.row.0.industry())
    }
    /// The text as it appears in the input (``text[start:end]``).
    #[getter]
    fn matched(&self) -> &str {
        &self.matched
    }
    /// Character offset of the match in the input text.
    #[getter]
    fn start(&self) -> usize {
        self.start
    }
    /// Character offset just past the match.
    #[getter]
    fn end(&self) -> usize {
        self.end
    }
    /// A plain dict: kind, term, relation, row (id), industry (id), matched, start, end.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Evidence({}, {}, matched={}, start={}, end={}, row={})",
            quoted(py, self.kind.as_str()),
            quoted(py, self.term),
            quoted(py, &self.matched),
            self.start,
            self.end,
            quoted(py, self.row.0.id())
        )
    }
}

/// The classification of one record: ``status``, ``reason``, the ``industries`` (for
/// ``needs_review``: the candidates), the catalogue ``rows`` behind them and the ``evidence``.
/// A batch row whose code is an error has status ``invalid``, the error kind as ``reason`` and
/// the message in ``error``. Immutable; compares equal to an identical result.
#[pyclass(frozen, eq, module = "digicat")]
#[derive(Clone, PartialEq)]
pub struct Classification {
    status: Status,
    reason: &'static str,
    code: Option<String>,
    code_name: Option<&'static str>,
    industries: Vec<Industry>,
    rows: Vec<Row>,
    evidence: Vec<Evidence>,
    error: Option<String>,
}

impl Classification {
    /// Converts a core result for a record whose text was `text`.
    pub fn new(result: Result<digicat::Classification, CodeError>, text: Option<&str>) -> Self {
        match result {
            Err(e) => Classification {
                status: Status::Invalid,
                reason: e.kind(),
                code: None,
                code_name: None,
                industries: Vec::new(),
                rows: Vec::new(),
                evidence: Vec::new(),
                error: Some(e.to_string()),
            },
            Ok(c) => {
                let text = text.unwrap_or_default();
                let mut offsets = CharOffsets::new(text);
                Classification {
                    status: c.status,
                    reason: c.reason.as_str(),
                    code: c.code.map(|r| r.code().to_string()),
                    code_name: c.code.and_then(CodeReading::name),
                    industries: c.industries.into_iter().map(Industry).collect(),
                    rows: c.rows.into_iter().map(Row).collect(),
                    evidence: c
                        .evidence
                        .iter()
                        .map(|e| Evidence::new(e, text, &mut offsets))
                        .collect(),
                    error: None,
                }
            }
        }
    }

    /// The distinct evidence terms, in text order.
    fn terms(&self) -> Vec<&'static str> {
        let mut terms: Vec<&'static str> = Vec::with_capacity(self.evidence.len());
        for e in &self.evidence {
            if !terms.contains(&e.term) {
                terms.push(e.term);
            }
        }
        terms
    }
}

#[pymethods]
impl Classification {
    /// ``in_scope``, ``needs_review``, ``out_of_scope`` or (batch rows only) ``invalid``.
    #[getter]
    fn status(&self) -> &'static str {
        self.status.as_str()
    }
    /// Why, e.g. ``listed_product``; for an ``invalid`` row the error kind, e.g. ``malformed_code``.
    #[getter]
    fn reason(&self) -> &'static str {
        self.reason
    }
    /// The code as read (digits only, e.g. ``6513``), or ``None`` without one.
    #[getter]
    fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }
    /// The official name of that code (in GB/T 4754-2011 for an old-edition code), or ``None``.
    #[getter]
    fn code_name(&self) -> Option<&'static str> {
        self.code_name
    }
    /// For ``in_scope`` the industries, for ``needs_review`` the candidates; sorted by id.
    #[getter]
    fn industries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.industries.iter().copied())
    }
    /// The ids of ``industries``, e.g. ``(1, 3)``.
    #[getter]
    fn industry_ids<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.industries.iter().map(|i| i.0.id()))
    }
    /// The catalogue rows behind ``industries``, in table order.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.rows.iter().copied())
    }
    /// Every catalogue term found in the text (admitted by the policy), in text order.
    #[getter]
    fn evidence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.evidence.iter().cloned())
    }
    /// For an ``invalid`` row, the error message; otherwise ``None``.
    #[getter]
    fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }
    /// A plain dict (for ``pandas.DataFrame``, JSON …): status, reason, code, code_name,
    /// industries (ids), industry_names, rows (ids), evidence (dicts, see ``Evidence.to_dict``)
    /// and error.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("status", self.status.as_str())?;
        d.set_item("reason", self.reason)?;
        d.set_item("code", self.code.as_deref())?;
        d.set_item("code_name", self.code_name)?;
        let ids: Vec<u32> = self
            .industries
            .iter()
            .map(|i| u32::from(i.0.id()))
            .collect();
        d.set_item("industries", ids)?;
        let names: Vec<&str> = self.industries.iter().map(|i| i.0.name()).collect();
        d.set_item("industry_names", names)?;
        let rows: Vec<&str> = self.rows.iter().map(|r| r.0.id()).collect();
        d.set_item("rows", rows)?;
        let evidence = self
            .evidence
            .iter()
            .map(|e| e.dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        d.set_item("evidence", evidence)?;
        d.set_item("error", self.error.as_deref())?;
        Ok(d)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let mut s = format!(
            "Classification(status={}, reason={}",
            quoted(py, self.status.as_str()),
            quoted(py, self.reason)
        );
        if let Some(code) = &self.code {
            let _ = write!(s, ", code={}", quoted(py, code));
        }
        let industries: Vec<String> = self
            .industries
            .iter()
            .map(|i| format!("{} {}", i.0.id(), i.0.name()))
            .collect();
        let _ = write!(s, ", industries={}", quoted_list(py, &industries));
        let rows: Vec<&str> = self.rows.iter().map(|r| r.0.id()).collect();
        let _ = write!(s, ", rows={}", quoted_list(py, &rows));
        let _ = write!(s, ", evidence={}", quoted_list(py, &self.terms()));
        if let Some(error) = &self.error {
            let _ = write!(s, ", error={}", quoted(py, error));
        }
        s.push(')');
        s
    }
    /// An HTML table, shown by Jupyter for a result at the end of a cell.
    fn _repr_html_(&self) -> String {
        let mut s = String::from("<table class=\"digicat-classification\">");
        let mut line = |k: &str, v: String| {
            let _ = write!(
                s,
                "<tr><th style=\"text-align:left\">{k}</th><td style=\"text-align:left\">{v}</td></tr>"
            );
        };
        let (status_zh, colour) = match self.status {
            Status::InScope => ("属于目录", "#1a7f37"),
            Status::NeedsReview => ("需人工复核", "#9a6700"),
            Status::OutOfScope => ("不属于目录", "#57606a"),
            Status::Invalid => ("无效输入", "#cf222e"),
        };
        line(
            "status",
            format!(
                "<b style=\"color:{colour}\">{}</b> {status_zh}",
                self.status.as_str()
            ),
        );
        line("reason", html(self.reason));
        if let Some(code) = &self.code {
            line(
                "code",
                format!(
                    "{} {}",
                    html(code),
                    html(self.code_name.unwrap_or_default())
                ),
            );
        }
        let industries: Vec<String> = self
            .industries
            .iter()
            .map(|i| format!("{} {}", i.0.id(), html(i.0.name())))
            .collect();
        line("industries", industries.join("<br>"));
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|r| {
                format!(
                    "{} {} ({})",
                    html(r.0.id()),
                    html(r.0.name()),
                    printed_code(r.0)
                )
            })
            .collect();
        line("rows", rows.join("<br>"));
        let evidence: Vec<String> = self
            .evidence
            .iter()
            .map(|e| {
                format!(
                    "{}{} <q>{}</q> [{}:{}] → {}",
                    e.kind.as_str(),
                    e.relation
                        .map_or_else(String::new, |r| format!(" ({})", r.as_str())),
                    html(&e.matched),
                    e.start,
                    e.end,
                    html(e.row.0.id())
                )
            })
            .collect();
        line("evidence", evidence.join("<br>"));
        if let Some(error) = &self.error {
            line("error", html(error));
        }
        s.push_str("</table>");
        s
    }
}

fn quoted_list<S: AsRef<str>>(py: Python<'_>, items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|s| quoted(py, s.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

/// What a code field reads as, and the catalogue rows it concerns.
#[pyclass(frozen, module = "digicat")]
pub struct CodeInfo {
    reading: CodeReading,
    rows: Vec<Row>,
}

impl CodeInfo {
    /// The information for a code reading.
    pub fn new(reading: CodeReading) -> Self {
        let rows = match reading {
            CodeReading::Class(code) => digicat::rows_for_code(code).map(Row).collect(),
            CodeReading::Coarse(code) => digicat::rows()
                .iter()
                .filter(|r| code.contains(r.code()))
                .map(Row)
                .collect(),
            CodeReading::OldClass(_, successors) => digicat::rows()
                .iter()
                .filter(|r| successors.contains(&r.code()))
                .map(Row)
                .collect(),
        };
        CodeInfo { reading, rows }
    }

    fn entry(&self) -> Option<&'static digicat::GbtEntry> {
        match self.reading {
            CodeReading::OldClass(code, _) => code.gbt2011(),
            other => other.code().gbt2017(),
        }
    }
}

#[pymethods]
impl CodeInfo {
    /// The code's digits, e.g. ``6513``.
    #[getter]
    fn code(&self) -> String {
        self.reading.code().to_string()
    }
    /// The official name in the edition it was read in.
    #[getter]
    fn name(&self) -> Option<&'static str> {
        self.reading.name()
    }
    /// ``class`` (小类), ``group`` (中类) or ``division`` (大类).
    #[getter]
    fn level(&self) -> &'static str {
        self.reading.code().level().as_str()
    }
    /// ``2017``, or ``2011`` for a GB/T 4754-2011 小类 that is not the same 2017 class.
    #[getter]
    fn edition(&self) -> &'static str {
        match self.reading {
            CodeReading::OldClass(..) => "2011",
            _ => "2017",
        }
    }
    /// The section letter (门类), e.g. ``I``.
    #[getter]
    fn section(&self) -> Option<String> {
        self.entry().map(|e| e.section().to_string())
    }
    /// For a 2011 code: the GB/T 4754-2017 classes it became; otherwise empty.
    #[getter]
    fn successors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let codes: &[digicat::Code] = match self.reading {
            CodeReading::OldClass(_, successors) => successors,
            _ => &[],
        };
        PyTuple::new(py, codes.iter().map(ToString::to_string))
    }
    /// The catalogue rows with this code (for a 中类/大类: within it; for a 2011 code: with one
    /// of its successors), in table order. Empty when the code is outside the catalogue.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.rows.iter().copied())
    }
    /// The industries of ``rows``, sorted by id.
    #[getter]
    fn industries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let mut industries: Vec<Industry> =
            self.rows.iter().map(|r| Industry(r.0.industry())).collect();
        industries.sort_by_key(|i| i.0.id());
        industries.dedup();
        PyTuple::new(py, industries)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let rows: Vec<&str> = self.rows.iter().map(|r| r.0.id()).collect();
        format!(
            "CodeInfo(code={}, name={}, level={}, edition={}, rows={})",
            quoted(py, &self.reading.code().to_string()),
            self.reading
                .name()
                .map_or_else(|| "None".to_owned(), |n| quoted(py, n)),
            quoted(py, self.level()),
            quoted(py, self.edition()),
            quoted_list(py, &rows)
        )
    }
}

/// The catalogue's metadata: title, document number, issuer, date, status (试行), edition of the
/// industry codes and the version of the embedded data.
#[pyclass(frozen, module = "digicat")]
pub struct CatalogueInfo;

#[pymethods]
impl CatalogueInfo {
    /// 东莞市数字产业集聚试点园区重点发展产业、产品和服务目录表（试行）.
    #[getter]
    fn title(&self) -> &'static str {
        digicat::meta().title()
    }
    /// The notice's number, 东工信〔2019〕160号.
    #[getter]
    fn document(&self) -> &'static str {
        digicat::meta().document()
    }
    /// 东莞市工业和信息化局.
    #[getter]
    fn issuer(&self) -> &'static str {
        digicat::meta().issuer()
    }
    /// Date of the notice, ``2019-07-30``.
    #[getter]
    fn date(&self) -> &'static str {
        digicat::meta().date()
    }
    /// 试行 (trial).
    #[getter]
    fn status(&self) -> &'static str {
        digicat::meta().status()
    }
    /// Edition of the industry codes, ``GB/T 4754-2017``.
    #[getter]
    fn edition(&self) -> &'static str {
        digicat::meta().edition()
    }
    /// Version of the embedded data (same as ``digicat.CATALOGUE_VERSION``).
    #[getter]
    fn version(&self) -> &'static str {
        digicat::meta().version()
    }
    /// The fields as a plain dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let m = digicat::meta();
        let d = PyDict::new(py);
        d.set_item("title", m.title())?;
        d.set_item("document", m.document())?;
        d.set_item("issuer", m.issuer())?;
        d.set_item("date", m.date())?;
        d.set_item("status", m.status())?;
        d.set_item("edition", m.edition())?;
        d.set_item("version", m.version())?;
        Ok(d)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let m = digicat::meta();
        format!(
            "CatalogueInfo(title={}, document={}, date={}, version={})",
            quoted(py, m.title()),
            quoted(py, m.document()),
            quoted(py, m.date()),
            quoted(py, m.version())
        )
    }
}
