//! The immutable result and catalogue classes: each holds the core's values and builds Python
//! objects only when a getter asks.

use digicat::{CodeError, CodeReading, Relation, Status};
use digicat_arrow::char_spans;
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

/// One of the catalogue's 30 rows (行业): a GB/T 4754-2017 小类 under one industry.
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
    /// ``True`` for a row the notice's table does not print but its own counts require (4.7
    /// 呼叫中心 6591*): its products are not published, so a record with its code is
    /// ``needs_review`` / ``products_not_published``. ``note`` says why.
    #[getter]
    fn inferred(&self) -> bool {
        self.0.is_inferred()
    }
    /// Why an inferred row is there and what is missing; ``None`` for a printed row.
    #[getter]
    fn note(&self) -> Option<&'static str> {
        self.0.note()
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
            quoted(py, self.0.printed_code()),
            self.0.industry().id()
        )
    }
}

/// A catalogue term found in a text. ``start``/``end`` are character offsets into the text
/// given, so ``text[e.start:e.end] == e.matched``.
#[pyclass(frozen, eq, hash, module = "digicat")]
#[derive(Clone, PartialEq, Eq)]
pub struct Evidence {
    evidence: digicat::Evidence,
    span: Span,
}

/// Where one piece of the core's evidence is in the Python text: character offsets, and the
/// text matched.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Span {
    start: usize,
    end: usize,
    matched: String,
}

/// The [`Span`]s of the core's evidence found in `text`, in the same order (offsets converted
/// by [`char_spans`], one walk over the text).
pub fn spans(evidence: &[digicat::Evidence], text: &str) -> Vec<Span> {
    let bytes: Vec<(usize, usize)> = evidence.iter().map(|e| (e.start, e.end)).collect();
    evidence
        .iter()
        .zip(char_spans(text, &bytes))
        .map(|(e, (start, end))| Span {
            start,
            end,
            matched: e.matched(text).unwrap_or_default().to_owned(),
        })
        .collect()
}

impl Hash for Evidence {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Equal evidence has the same term (and so the same text and row) and the same span.
        self.evidence.text().hash(state);
        self.evidence.row().index().hash(state);
        self.span.hash(state);
    }
}

impl Evidence {
    /// The core's evidence found in `text`, with character offsets.
    pub fn all(evidence: &[digicat::Evidence], text: &str) -> Vec<Self> {
        Self::zip(evidence, &spans(evidence, text)).collect()
    }

    /// Pairs the core's evidence with its spans.
    fn zip<'a>(
        evidence: &'a [digicat::Evidence],
        spans: &'a [Span],
    ) -> impl ExactSizeIterator<Item = Evidence> + 'a {
        evidence.iter().zip(spans).map(|(e, span)| Evidence {
            evidence: *e,
            span: span.clone(),
        })
    }

    fn row_(&self) -> &'static digicat::Row {
        self.evidence.row()
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", self.evidence.kind().as_str())?;
        d.set_item("text", self.evidence.text())?;
        d.set_item("relation", self.relation())?;
        d.set_item("row", self.row_().id())?;
        d.set_item("industry", self.row_().industry().id())?;
        d.set_item("matched", &self.span.matched)?;
        d.set_item("start", self.span.start)?;
        d.set_item("end", self.span.end)?;
        Ok(d)
    }
}

#[pymethods]
impl Evidence {
    /// The catalogue term as written in the catalogue data (product, alias, phrase or class
    /// name), e.g. ``SaaS`` for a text that says ``ＳａａＳ``; the CLI's evidence column and the
    /// core's JSON call it ``text`` too. The input's own wording is ``matched``.
    #[getter]
    fn text(&self) -> &'static str {
        self.evidence.text()
    }
    /// ``product``, ``alias``, ``scope_phrase`` or ``class_name``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.evidence.kind().as_str()
    }
    /// For a scope phrase: ``equivalent`` (decides a starred row) or ``broader`` (only a
    /// candidate); otherwise ``None``.
    #[getter]
    fn relation(&self) -> Option<&'static str> {
        self.evidence.relation().map(Relation::as_str)
    }
    /// The catalogue row this is evidence for.
    #[getter]
    fn row(&self) -> Row {
        Row(self.row_())
    }
    /// The industry of that row.
    #[getter]
    fn industry(&self) -> Industry {
        Industry(self.row_().industry())
    }
    /// The text as it appears in the input (``text[start:end]``).
    #[getter]
    fn matched(&self) -> &str {
        &self.span.matched
    }
    /// Character offset of the match in the input text.
    #[getter]
    fn start(&self) -> usize {
        self.span.start
    }
    /// Character offset just past the match.
    #[getter]
    fn end(&self) -> usize {
        self.span.end
    }
    /// A plain dict: kind, text, relation, row (id), industry (id), matched, start, end.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Evidence({}, {}, matched={}, start={}, end={}, row={})",
            quoted(py, self.kind()),
            quoted(py, self.text()),
            quoted(py, &self.span.matched),
            self.span.start,
            self.span.end,
            quoted(py, self.row_().id())
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
    /// The core's answer, as it came.
    result: Result<digicat::Classification, CodeError>,
    /// Where each piece of its evidence is in the text.
    spans: Vec<Span>,
}

impl Classification {
    /// Converts a core result for a record whose text was `text`.
    pub fn new(result: Result<digicat::Classification, CodeError>, text: Option<&str>) -> Self {
        let spans = match &result {
            Ok(c) => spans(&c.evidence, text.unwrap_or_default()),
            Err(_) => Vec::new(),
        };
        Classification { result, spans }
    }

    /// The evidence with character offsets.
    fn evidence_(&self) -> impl ExactSizeIterator<Item = Evidence> + '_ {
        let evidence = self.result.as_ref().map_or(&[][..], |c| &c.evidence);
        Evidence::zip(evidence, &self.spans)
    }

    fn industries_(&self) -> &[&'static digicat::Industry] {
        self.result.as_ref().map_or(&[], |c| &c.industries)
    }

    fn rows_(&self) -> &[&'static digicat::Row] {
        self.result.as_ref().map_or(&[], |c| &c.rows)
    }

    fn status_(&self) -> Status {
        self.result.as_ref().map_or(Status::Invalid, |c| c.status)
    }

    fn reading(&self) -> Option<CodeReading> {
        self.result.as_ref().ok().and_then(|c| c.code)
    }
}

#[pymethods]
impl Classification {
    /// ``in_scope``, ``needs_review``, ``out_of_scope`` or (batch rows only) ``invalid``.
    #[getter]
    fn status(&self) -> &'static str {
        self.status_().as_str()
    }
    /// Why, e.g. ``listed_product``; for an ``invalid`` row the error kind, e.g. ``malformed_code``.
    #[getter]
    fn reason(&self) -> &'static str {
        match &self.result {
            Ok(c) => c.reason.as_str(),
            Err(e) => e.kind(),
        }
    }
    /// The code as read (digits only, e.g. ``6513``), or ``None`` without one.
    #[getter]
    fn code(&self) -> Option<String> {
        self.reading().map(|r| r.code().to_string())
    }
    /// The official name of that code (in GB/T 4754-2011 for an old-edition code), or ``None``.
    #[getter]
    fn code_name(&self) -> Option<&'static str> {
        self.reading().and_then(CodeReading::name)
    }
    /// For ``in_scope`` the industries, for ``needs_review`` the candidates; sorted by id.
    #[getter]
    fn industries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.industries_().iter().copied().map(Industry))
    }
    /// The ids of ``industries``, e.g. ``(1, 3)``.
    #[getter]
    fn industry_ids<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.industries_().iter().map(|i| i.id()))
    }
    /// The catalogue rows behind ``industries``, in table order.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.rows_().iter().copied().map(Row))
    }
    /// Every catalogue term found in the text (admitted by the policy), in text order.
    #[getter]
    fn evidence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.evidence_())
    }
    /// For an ``invalid`` row, the error message; otherwise ``None``.
    #[getter]
    fn error(&self) -> Option<String> {
        self.result.as_ref().err().map(ToString::to_string)
    }
    /// A plain dict (for ``pandas.DataFrame``, JSON …): status, reason, code, code_name,
    /// industries (ids), industry_names, rows (ids), evidence (dicts, see ``Evidence.to_dict``)
    /// and error.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("status", self.status())?;
        d.set_item("reason", self.reason())?;
        d.set_item("code", self.code())?;
        d.set_item("code_name", self.code_name())?;
        // u32, not u8: pyo3 turns a Vec<u8> into bytes.
        let ids: Vec<u32> = self
            .industries_()
            .iter()
            .map(|i| u32::from(i.id()))
            .collect();
        d.set_item("industries", ids)?;
        let names: Vec<&str> = self.industries_().iter().map(|i| i.name()).collect();
        d.set_item("industry_names", names)?;
        let rows: Vec<&str> = self.rows_().iter().map(|r| r.id()).collect();
        d.set_item("rows", rows)?;
        let evidence = self
            .evidence_()
            .map(|e| e.dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        d.set_item("evidence", evidence)?;
        d.set_item("error", self.error())?;
        Ok(d)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let mut s = format!(
            "Classification(status={}, reason={}",
            quoted(py, self.status()),
            quoted(py, self.reason())
        );
        if let Some(code) = self.code() {
            let _ = write!(s, ", code={}", quoted(py, &code));
        }
        let industries: Vec<String> = self
            .industries_()
            .iter()
            .map(|i| format!("{} {}", i.id(), i.name()))
            .collect();
        let _ = write!(s, ", industries={}", quoted_list(py, &industries));
        let rows: Vec<&str> = self.rows_().iter().map(|r| r.id()).collect();
        let _ = write!(s, ", rows={}", quoted_list(py, &rows));
        let terms = self
            .result
            .as_ref()
            .map_or_else(|_| Vec::new(), digicat::Classification::terms);
        let _ = write!(s, ", evidence={}", quoted_list(py, &terms));
        if let Some(error) = self.error() {
            let _ = write!(s, ", error={}", quoted(py, &error));
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
        let status = self.status_();
        let colour = match status {
            Status::InScope => "#1a7f37",
            Status::NeedsReview => "#9a6700",
            Status::OutOfScope | Status::Skipped => "#57606a",
            Status::Invalid => "#cf222e",
        };
        line(
            "status",
            format!(
                "<b style=\"color:{colour}\">{}</b> {}",
                status.as_str(),
                status.name_zh()
            ),
        );
        line("reason", html(self.reason()));
        if let Some(code) = self.code() {
            line(
                "code",
                format!(
                    "{} {}",
                    html(&code),
                    html(self.code_name().unwrap_or_default())
                ),
            );
        }
        let industries: Vec<String> = self
            .industries_()
            .iter()
            .map(|i| format!("{} {}", i.id(), html(i.name())))
            .collect();
        line("industries", industries.join("<br>"));
        let rows: Vec<String> = self
            .rows_()
            .iter()
            .map(|r| format!("{} {} ({})", html(r.id()), html(r.name()), r.printed_code()))
            .collect();
        line("rows", rows.join("<br>"));
        let evidence: Vec<String> = self
            .evidence_()
            .map(|e| {
                format!(
                    "{}{} <q>{}</q> [{}:{}] → {}",
                    e.kind(),
                    e.relation().map_or_else(String::new, |r| format!(" ({r})")),
                    html(&e.span.matched),
                    e.span.start,
                    e.span.end,
                    html(e.row_().id())
                )
            })
            .collect();
        line("evidence", evidence.join("<br>"));
        if let Some(error) = self.error() {
            line("error", html(&error));
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
pub struct CodeInfo(pub CodeReading);

#[pymethods]
impl CodeInfo {
    /// The code's digits, e.g. ``6513``; for a 门类 its letter, e.g. ``I``.
    #[getter]
    fn code(&self) -> String {
        self.0.code().to_string()
    }
    /// The official name in the edition it was read in.
    #[getter]
    fn name(&self) -> Option<&'static str> {
        self.0.name()
    }
    /// The level read: ``class`` (小类), ``group`` (中类), ``division`` (大类) or ``section`` (门类).
    #[getter]
    fn level(&self) -> &'static str {
        self.0.code().level().as_str()
    }
    /// ``2017``, or ``2011`` for a GB/T 4754-2011 小类 that is not the same 2017 class.
    #[getter]
    fn edition(&self) -> &'static str {
        self.0.edition().as_str()
    }
    /// The section letter (门类), e.g. ``I``.
    #[getter]
    fn section(&self) -> Option<String> {
        self.0.entry().map(|e| e.section().to_string())
    }
    /// For a 2011 code: the GB/T 4754-2017 classes it became; otherwise empty.
    #[getter]
    fn successors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let codes: &[digicat::Code] = match self.0 {
            CodeReading::OldClass(_, successors) => successors,
            _ => &[],
        };
        PyTuple::new(py, codes.iter().map(ToString::to_string))
    }
    /// The catalogue rows with this code (for a 中类/大类: within it; for a 2011 code: with one
    /// of its successors), in table order. Empty when the code is outside the catalogue.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.0.rows().into_iter().map(Row))
    }
    /// The industries of ``rows``, sorted by id.
    #[getter]
    fn industries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.0.industries().into_iter().map(Industry))
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let rows: Vec<&str> = self.0.rows().iter().map(|r| r.id()).collect();
        format!(
            "CodeInfo(code={}, name={}, level={}, edition={}, rows={})",
            quoted(py, &self.code()),
            self.name()
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
