//! The evaluation: each criterion on each park (or on the whole roster) — value as a range,
//! threshold, verdict, gap in the document's terms, and the enterprises behind the value.

use crate::criteria::{
    Comparator, Computable, Criterion, Field, FieldCondition, Filter, Metric, Population,
    Threshold, Years,
};
use crate::quantity::{Micro, Unit, ONE};
use crate::roster::{read_date, Cell, Date, Enterprise, Roster};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The name of the group that is the whole roster.
pub const WHOLE_ROSTER: &str = "全部名册";

/// The verdict of one criterion on one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Met, whatever the review rows and missing cells turn out to be.
    Met,
    /// Not met, whatever they turn out to be.
    NotMet,
    /// Review rows or missing cells/attributes could change the verdict.
    Undetermined,
    /// Not computed (scored by experts, or no number in the document).
    NotComputable,
}

impl Verdict {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::NotMet => "not_met",
            Verdict::Undetermined => "undetermined",
            Verdict::NotComputable => "not_computable",
        }
    }
    /// Chinese label.
    pub fn name_zh(self) -> &'static str {
        match self {
            Verdict::Met => "达到",
            Verdict::NotMet => "未达到",
            Verdict::Undetermined => "无法判定",
            Verdict::NotComputable => "不可计算",
        }
    }
}

/// A park attribute value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrValue {
    /// A number in micro base units (`%` already divided by 100).
    Number(Micro),
    /// A date.
    Date(Date),
}

/// Reads an attribute value: `350000`, `2.5%`, `0.5`, `2021-01-01`.
pub fn read_attribute(name: &str, raw: &str) -> Option<AttrValue> {
    let raw = raw.trim();
    if name == "period_start" {
        return read_date(raw).map(AttrValue::Date);
    }
    match raw.strip_suffix('%') {
        Some(p) => Unit::Percent.to_micro(p.trim()).map(AttrValue::Number),
        None => crate::quantity::read_cell(raw, Unit::None)
            .ok()
            .flatten()
            .map(AttrValue::Number),
    }
}

/// Attributes: for every park (key `None`) and per park.
#[derive(Debug, Clone, Default)]
pub struct Attributes {
    /// (park or None for all, name) → value.
    pub values: BTreeMap<(Option<String>, String), AttrValue>,
}

impl Attributes {
    /// The attribute for a group: the park's own, else the one for all.
    pub fn get(&self, park: Option<&str>, name: &str) -> Option<AttrValue> {
        park.and_then(|p| self.values.get(&(Some(p.to_owned()), name.to_owned())))
            .or_else(|| self.values.get(&(None, name.to_owned())))
            .copied()
    }
}

/// A cell that was missing or unreadable, listed with a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellIssue {
    /// The line.
    pub line: u64,
    /// The enterprise.
    pub name: String,
    /// What was missing (`营业收入 2023`).
    pub column: String,
    /// The raw text (empty when blank).
    pub raw: String,
    /// Why.
    pub why: String,
}

/// The value of a criterion: confirmed only, and including the review rows and missing cells.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Value {
    /// Confirmed enterprises and readable cells only (in the criterion's unit).
    pub confirmed: Option<f64>,
    /// The other end of the range: including needs_review enterprises (and, for a ratio, the
    /// least favourable reading); `null` when unbounded (missing cells).
    pub with_review: Option<f64>,
}

/// The result of one criterion on one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// The criteria set.
    pub set: String,
    /// The criterion id.
    pub id: String,
    /// The document number.
    pub document: String,
    /// The clause.
    pub clause: String,
    /// The indicator number, if scored.
    pub indicator: Option<u32>,
    /// The quoted sentence.
    pub quote: String,
    /// The population as written in the criteria file (`szjj:core`, `gbt:39`, `in_scope`, `all`, `-`).
    pub population: String,
    /// The catalogue the population is counted by: `dongguan-2019`, `szjj-2021`, `gbt-4754`, or
    /// null (`all`, `-`).
    pub catalogue: Option<&'static str>,
    /// Who is counted, in Chinese, with the filter (统计范围).
    pub population_zh: String,
    /// The metric.
    pub metric: Metric,
    /// The unit of value and threshold.
    pub unit: &'static str,
    /// The comparator.
    pub comparator: Option<&'static str>,
    /// The threshold, in the unit (null when none or missing).
    pub threshold: Option<f64>,
    /// The value (null when not computed).
    pub value: Option<Value>,
    /// The verdict.
    pub verdict: Verdict,
    /// The verdict in Chinese.
    pub verdict_zh: &'static str,
    /// The gap in the document's terms, when not met or undetermined.
    pub gap: Option<String>,
    /// The weight (score points), if scored.
    pub weight: Option<u32>,
    /// Computable: yes, partly, expert, no.
    pub computable: Computable,
    /// The reading chosen and why.
    pub reading: String,
    /// `true` when the user chose the alternative reading.
    pub alternative_chosen: bool,
    /// Lines of the confirmed enterprises behind the value.
    pub confirmed_lines: Vec<u64>,
    /// Lines of the enterprises under review (or with missing cells) that could count.
    pub review_lines: Vec<u64>,
    /// Missing or unreadable cells of the population, excluded from the value.
    pub missing: Vec<CellIssue>,
    /// Why the verdict is what it is, when not plain.
    pub notes: Vec<String>,
}

/// A rational number or +∞ (den 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Q {
    num: i128,
    den: i128,
}

impl Q {
    const INF: Q = Q { num: 1, den: 0 };
    fn int(v: i128) -> Q {
        Q { num: v, den: 1 }
    }
    fn ratio(num: i128, den: i128) -> Q {
        if den == 0 {
            if num == 0 {
                Q::int(0)
            } else {
                Q::INF
            }
        } else {
            Q { num, den }
        }
    }
    fn is_inf(self) -> bool {
        self.den == 0
    }
    fn cmp(self, other: Q) -> Ordering {
        match (self.is_inf(), other.is_inf()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            (false, false) => match (
                self.num.checked_mul(other.den),
                other.num.checked_mul(self.den),
            ) {
                (Some(a), Some(b)) => a.cmp(&b),
                _ => (self.num as f64 / self.den as f64)
                    .total_cmp(&(other.num as f64 / other.den as f64)),
            },
        }
    }
    fn min(self, o: Q) -> Q {
        if self.cmp(o) == Ordering::Greater {
            o
        } else {
            self
        }
    }
    fn max(self, o: Q) -> Q {
        if self.cmp(o) == Ordering::Less {
            o
        } else {
            self
        }
    }
    fn f64(self) -> Option<f64> {
        (!self.is_inf()).then(|| self.num as f64 / self.den as f64)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tri {
    Yes,
    Maybe,
    No,
}

/// What one group is: a park, or the whole roster.
struct Group<'a> {
    park: Option<&'a str>,
    members: Vec<&'a Enterprise>,
}

fn membership(
    c: &Criterion,
    e: &Enterprise,
    attrs: &Attributes,
    park: Option<&str>,
) -> (Tri, Option<String>) {
    if e.error.is_some() {
        return (
            Tri::Maybe,
            Some(format!(
                "无法读取的行（{}）",
                digicat::report::reason_label(&e.reason, digicat::report::Lang::Zh)
            )),
        );
    }
    let base = match &c.population {
        Population::None | Population::All => (Tri::Yes, None),
        Population::InScope => match e.status.as_str() {
            "in_scope" => (Tri::Yes, None),
            "out_of_scope" => (Tri::No, None),
            "needs_review" => (
                Tri::Maybe,
                Some(format!(
                    "待复核（{}）",
                    digicat::report::reason_label(&e.reason, digicat::report::Lang::Zh)
                )),
            ),
            _ => (Tri::Maybe, Some(format!("{} ({})", e.status, e.reason))),
        },
        Population::Divisions(ds) => match &e.code {
            Some(code) if code.len() >= 2 && code.bytes().all(|b| b.is_ascii_digit()) => {
                if ds.iter().any(|d| code.starts_with(d.as_str())) {
                    (Tri::Yes, None)
                } else {
                    (Tri::No, None)
                }
            }
            // A 门类 letter: a possible member when the section holds one of the 大类.
            Some(letter) if section_holds(letter, ds) => {
                (Tri::Maybe, Some(format!("只有门类 {letter}")))
            }
            Some(_) => (Tri::No, None),
            None => match e.status.as_str() {
                // Every catalogue row is in 大类 64 or 65.
                "in_scope" if ds.iter().any(|d| d == "64") && ds.iter().any(|d| d == "65") => {
                    (Tri::Yes, None)
                }
                "out_of_scope" => (Tri::Maybe, Some("无行业代码".to_owned())),
                _ => (
                    Tri::Maybe,
                    Some(format!(
                        "无行业代码，{}",
                        digicat::report::label(&e.status, digicat::report::Lang::Zh)
                            .unwrap_or(&e.status)
                    )),
                ),
            },
        },
        Population::Szjj(_) => szjj_membership(&c.population, e),
    };
    let filtered = match c.filter {
        Filter::None => (Tri::Yes, None),
        Filter::Regulated => match e.cell(Field::Regulated, None) {
            Cell::Flag { set: true } => (Tri::Yes, None),
            Cell::Flag { set: false } => (Tri::No, None),
            _ => (Tri::Maybe, Some("是否规上未知".to_owned())),
        },
        Filter::NewInPeriod => match (attrs.get(park, "period_start"), e.settle) {
            (Some(AttrValue::Date(start)), Some(d)) => {
                if d >= start {
                    (Tri::Yes, None)
                } else {
                    (Tri::No, None)
                }
            }
            _ => (Tri::Maybe, Some("入驻日期或创建期起点未知".to_owned())),
        },
    };
    match (base, filtered) {
        ((Tri::No, _), _) | (_, (Tri::No, _)) => (Tri::No, None),
        ((Tri::Yes, _), (Tri::Yes, _)) => (Tri::Yes, None),
        ((_, a), (_, b)) => (Tri::Maybe, a.or(b)),
    }
}

/// `true` when `letter` is a GB/T 4754 门类 holding one of the 大类 `divisions`.
fn section_holds(letter: &str, divisions: &[String]) -> bool {
    let mut chars = letter.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    digicat::Code::section(c).is_some_and(|section| {
        divisions
            .iter()
            .filter_map(|d| digicat::Code::parse(d).ok())
            .any(|d| section.contains(d))
    })
}

/// Membership of a `szjj:` population: in_scope records by their 小类; a needs_review record is a
/// possible member when one of its candidate 小类 is in the population, else out.
fn szjj_membership(p: &Population, e: &Enterprise) -> (Tri, Option<String>) {
    let Some(a) = &e.szjj else {
        return (
            Tri::Maybe,
            Some("未按《数字经济及其核心产业统计分类（2021）》分类".to_owned()),
        );
    };
    let inside = a.classes.iter().any(|c| p.has_szjj_class(c));
    match a.status.as_str() {
        "in_scope" if inside => (Tri::Yes, None),
        "in_scope" | "out_of_scope" => (Tri::No, None),
        "needs_review" if inside => (
            Tri::Maybe,
            Some(format!(
                "数字经济分类待复核（{}），候选小类 {}",
                digicat::report::reason_label(&a.reason, digicat::report::Lang::Zh),
                a.classes.join("、")
            )),
        ),
        "needs_review" => (Tri::No, None),
        _ => (Tri::Maybe, Some(format!("{} ({})", a.status, a.reason))),
    }
}

/// Reads an enterprise's value of a field under a years spec: `Ok(value)` or `Err(issues)`.
fn field_value(
    e: &Enterprise,
    field: Field,
    years: &[u16],
    spec: Years,
) -> Result<Micro, Vec<CellIssue>> {
    let issue = |year: Option<u16>, cell: &Cell| {
        let column = format!(
            "{}{}",
            field.name_zh(),
            year.map(|y| format!(" {y}")).unwrap_or_default()
        );
        let (raw, why) = match cell {
            Cell::Bad { raw, why } => (raw.clone(), why.clone()),
            _ => (String::new(), "missing (缺失)".to_owned()),
        };
        CellIssue {
            line: e.line,
            name: e.name.clone(),
            column,
            raw,
            why,
        }
    };
    let read = |year: Option<u16>| -> Result<Micro, CellIssue> {
        match e.cell(field, year) {
            Cell::Number { micro } => Ok(*micro),
            Cell::Flag { set } => Ok(if *set { ONE } else { 0 }),
            other => Err(issue(year, other)),
        }
    };
    let span: Vec<Option<u16>> =
        if years.is_empty() || e.cells.contains_key(&(field, None)) && spec.span() == 1 {
            vec![None]
        } else {
            years
                .iter()
                .rev()
                .take(spec.span())
                .rev()
                .map(|y| Some(*y))
                .collect()
        };
    let mut values = Vec::new();
    let mut issues = Vec::new();
    for y in &span {
        match read(*y) {
            Ok(v) => values.push(v),
            Err(i) => issues.push(i),
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    Ok(match spec {
        Years::Sum(_) => values.iter().sum(),
        Years::Max(_) => values.iter().copied().max().unwrap_or(0),
        _ => values.last().copied().unwrap_or(0),
    })
}

/// First and last year values (growth).
fn growth_values(
    e: &Enterprise,
    field: Field,
    years: &[u16],
    n: usize,
) -> Result<(Micro, Micro), Vec<CellIssue>> {
    let span: Vec<u16> = years.iter().rev().take(n).rev().copied().collect();
    let first = field_value_year(e, field, span.first().copied());
    let last = field_value_year(e, field, span.last().copied());
    match (first, last) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => Err(a.err().into_iter().chain(b.err()).collect()),
    }
}

fn field_value_year(e: &Enterprise, field: Field, year: Option<u16>) -> Result<Micro, CellIssue> {
    field_value(
        e,
        field,
        &year.into_iter().collect::<Vec<_>>(),
        Years::Latest,
    )
    .map_err(|mut v| v.remove(0))
}

/// Evaluates every criterion on every group. Per-park criteria run on each park (rows without
/// a park are left out and noted); roster criteria run once on every row.
pub fn evaluate(roster: &Roster, criteria: &[Criterion], attrs: &Attributes) -> Vec<GroupResult> {
    let counted: Vec<&Enterprise> = roster
        .enterprises
        .iter()
        .filter(|e| e.status != "skipped" && e.duplicate_of.is_none())
        .collect();
    let mut groups: Vec<GroupResult> = Vec::new();
    let per_park: Vec<&Criterion> = criteria.iter().filter(|c| c.per_park).collect();
    let whole: Vec<&Criterion> = criteria.iter().filter(|c| !c.per_park).collect();
    if !per_park.is_empty() {
        let parks = roster.parks();
        if parks.is_empty() {
            // No park column: the whole roster is one park.
            let g = Group {
                park: None,
                members: counted.clone(),
            };
            groups.push(run(&g, WHOLE_ROSTER, "park", &per_park, roster, attrs));
        }
        for p in &parks {
            // An unread record could belong to any park: it is a possible member of each.
            let members = counted
                .iter()
                .copied()
                .filter(|e| e.park.as_deref() == Some(p) || e.error.is_some())
                .collect();
            let g = Group {
                park: Some(p),
                members,
            };
            groups.push(run(&g, p, "park", &per_park, roster, attrs));
        }
    }
    if !whole.is_empty() {
        let g = Group {
            park: None,
            members: counted,
        };
        groups.push(run(&g, WHOLE_ROSTER, "roster", &whole, roster, attrs));
    }
    groups
}

/// The results of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupResult {
    /// The park name, or `全部名册`.
    pub group: String,
    /// `park` or `roster`.
    pub kind: &'static str,
    /// Enterprises counted in the group (duplicates and skipped rows excluded).
    pub enterprises: usize,
    /// One outcome per criterion, in criteria order.
    pub results: Vec<Outcome>,
}

fn run(
    g: &Group,
    name: &str,
    kind: &'static str,
    criteria: &[&Criterion],
    roster: &Roster,
    attrs: &Attributes,
) -> GroupResult {
    GroupResult {
        group: name.to_owned(),
        kind,
        enterprises: g.members.len(),
        results: criteria
            .iter()
            .map(|c| evaluate_one(c, g, roster, attrs))
            .collect(),
    }
}

fn attr_number(attrs: &Attributes, park: Option<&str>, name: &str) -> Option<Micro> {
    match attrs.get(park, name) {
        Some(AttrValue::Number(v)) => Some(v),
        _ => None,
    }
}

fn evaluate_one(c: &Criterion, g: &Group, roster: &Roster, attrs: &Attributes) -> Outcome {
    let mut out = Outcome {
        set: c.set.clone(),
        id: c.id.clone(),
        document: c.document.clone(),
        clause: c.clause.clone(),
        indicator: c.indicator,
        quote: c.quote.clone(),
        population: c.population_spec.clone(),
        catalogue: c.population.catalogue(),
        population_zh: c.population_zh(),
        metric: c.metric,
        unit: c.unit.as_str(),
        comparator: c.comparator.map(Comparator::as_str),
        threshold: None,
        value: None,
        verdict: Verdict::NotComputable,
        verdict_zh: Verdict::NotComputable.name_zh(),
        gap: None,
        weight: c.weight,
        computable: c.computable,
        reading: c.why.clone(),
        alternative_chosen: c.alternative_chosen,
        confirmed_lines: Vec::new(),
        review_lines: Vec::new(),
        missing: Vec::new(),
        notes: Vec::new(),
    };
    if matches!(c.metric, Metric::Expert | Metric::None) {
        // The document's number is still shown (a target that cannot be computed from a roster).
        if let Threshold::Value(v) = c.threshold {
            out.threshold = Some(c.unit.display(v));
        }
        out.notes.push(match c.metric {
            Metric::Expert => "专家评分".to_owned(),
            _ if out.threshold.is_some() => {
                format!("不能由企业名册计算，只列出、不判定：{}", c.why)
            }
            _ => "文件未给出数值，只列出、不判定".to_owned(),
        });
        return out;
    }
    // Threshold as a rational in base units.
    let threshold_micro = match &c.threshold {
        Threshold::Value(v) => Some(*v),
        Threshold::Attribute(name) => {
            let v = attr_number(attrs, g.park, name);
            if v.is_none() {
                out.notes
                    .push(format!("缺少园区属性 {name}，请用 --attr {name}=… 给出"));
            }
            v
        }
        Threshold::None => None,
    };
    out.threshold = threshold_micro.map(|t| c.unit.display(t));
    let field_years = |f: Field| -> Vec<u16> {
        let mut ys: Vec<u16> = roster
            .columns
            .iter()
            .filter(|col| col.field == f)
            .filter_map(|col| col.year)
            .collect();
        ys.sort_unstable();
        ys.dedup();
        ys
    };
    // Enough years?
    for f in [c.field, c.denominator].into_iter().flatten() {
        let has_column = roster.columns.iter().any(|col| col.field == f);
        if !has_column && c.metric != Metric::Attribute {
            out.verdict = Verdict::Undetermined;
            out.notes.push(format!("名册没有“{}”列", f.name_zh()));
        }
        let ys = field_years(f);
        if c.years.span() > 1 && ys.len() < c.years.span() {
            out.verdict = Verdict::Undetermined;
            out.notes.push(format!(
                "{} 需要 {} 年的{}，名册只有 {} 年",
                c.id,
                c.years.span(),
                f.name_zh(),
                ys.len()
            ));
        }
    }
    if out.verdict == Verdict::Undetermined {
        out.verdict_zh = out.verdict.name_zh();
        return out;
    }
    let mut members: Vec<(&Enterprise, Tri)> = Vec::new();
    for e in &g.members {
        let (t, why) = membership(c, e, attrs, g.park);
        let _ = why;
        if t != Tri::No {
            members.push((e, t));
        }
    }
    let mut shown_low: Option<Q> = None;
    let bounds: Option<(Q, Q)> = match c.metric {
        Metric::Count => {
            let low = members.iter().filter(|(_, t)| *t == Tri::Yes).count();
            for (e, t) in &members {
                if *t == Tri::Yes {
                    out.confirmed_lines.push(e.line)
                } else {
                    out.review_lines.push(e.line)
                }
            }
            Some((
                Q::int(low as i128 * ONE),
                Q::int(members.len() as i128 * ONE),
            ))
        }
        Metric::CountWhere | Metric::ShareWhere => {
            let field = c.field.unwrap_or(Field::Revenue);
            let (mut yc, mut nc, mut uc, mut ym, mut nm, mut um) =
                (0i128, 0i128, 0i128, 0i128, 0i128, 0i128);
            for (e, t) in &members {
                let pass = match field_value(e, field, &field_years(field), c.years) {
                    Ok(v) => Some(match &c.condition {
                        Some(FieldCondition::Compare {
                            comparator, value, ..
                        }) => comparator.holds(v.cmp(value)),
                        _ => v > 0,
                    }),
                    Err(issues) => {
                        out.missing.extend(issues);
                        None
                    }
                };
                match (t, pass) {
                    (Tri::Yes, Some(true)) => {
                        yc += 1;
                        out.confirmed_lines.push(e.line)
                    }
                    (Tri::Yes, Some(false)) => nc += 1,
                    (Tri::Yes, None) => {
                        uc += 1;
                        out.review_lines.push(e.line)
                    }
                    (_, Some(true)) => {
                        ym += 1;
                        out.review_lines.push(e.line)
                    }
                    (_, Some(false)) => nm += 1,
                    (_, None) => {
                        um += 1;
                        out.review_lines.push(e.line)
                    }
                }
            }
            if c.metric == Metric::CountWhere {
                Some((Q::int(yc * ONE), Q::int((yc + uc + ym + um) * ONE)))
            } else {
                let low = Q::ratio(yc * ONE, yc + nc + uc + nm + um);
                let high = Q::ratio((yc + uc + ym + um) * ONE, yc + uc + nc + ym + um);
                Some((low, high))
            }
        }
        Metric::Sum | Metric::PerAttribute => {
            let field = c.field.unwrap_or(Field::Revenue);
            let (mut low, mut extra, mut unbounded) = (0i128, 0i128, false);
            for (e, t) in &members {
                match field_value(e, field, &field_years(field), c.years) {
                    Ok(v) => {
                        if *t == Tri::Yes {
                            low += v;
                            if v > 0 {
                                out.confirmed_lines.push(e.line)
                            }
                        } else {
                            extra += v;
                            if v > 0 {
                                out.review_lines.push(e.line)
                            }
                        }
                    }
                    Err(issues) => {
                        out.missing.extend(issues);
                        out.review_lines.push(e.line);
                        unbounded = true;
                    }
                }
            }
            let (lo, hi) = (
                Q::int(low),
                if unbounded {
                    Q::INF
                } else {
                    Q::int(low + extra)
                },
            );
            if c.metric == Metric::PerAttribute {
                let name = c.attribute.clone().unwrap_or_default();
                match attr_number(attrs, g.park, &name) {
                    Some(total) if total > 0 => {
                        let hi = if hi.is_inf() {
                            Q::INF
                        } else {
                            Q::ratio((low + extra) * ONE, total)
                        };
                        Some((Q::ratio(low * ONE, total), hi))
                    }
                    _ => {
                        out.notes
                            .push(format!("缺少园区属性 {name}，请用 --attr {name}=… 给出"));
                        None
                    }
                }
            } else {
                Some((lo, hi))
            }
        }
        Metric::Ratio | Metric::Growth | Metric::Cagr => {
            let (a_field, b_field) = match c.metric {
                Metric::Ratio => (
                    c.field.unwrap_or(Field::Revenue),
                    c.denominator.unwrap_or(Field::Revenue),
                ),
                _ => (
                    c.field.unwrap_or(Field::Revenue),
                    c.field.unwrap_or(Field::Revenue),
                ),
            };
            let (mut sa, mut sb) = (0i128, 0i128);
            let mut lo: Option<Q> = None;
            let mut hi: Option<Q> = None;
            let mut unbounded = false;
            for (e, t) in &members {
                let pair = match c.metric {
                    Metric::Ratio => {
                        let a = field_value(e, a_field, &field_years(a_field), c.years);
                        let b = field_value(e, b_field, &field_years(b_field), c.years);
                        match (a, b) {
                            (Ok(a), Ok(b)) => Ok((a, b)),
                            (a, b) => Err(a
                                .err()
                                .unwrap_or_default()
                                .into_iter()
                                .chain(b.err().unwrap_or_default())
                                .collect::<Vec<_>>()),
                        }
                    }
                    _ => growth_values(e, a_field, &field_years(a_field), c.years.span())
                        .map(|(first, last)| (last, first)),
                };
                match pair {
                    Ok((a, b)) => {
                        if *t == Tri::Yes {
                            sa += a;
                            sb += b;
                            out.confirmed_lines.push(e.line);
                        } else if a != 0 || b != 0 {
                            let r = Q::ratio(a * ONE, b);
                            lo = Some(lo.map_or(r, |l| l.min(r)));
                            hi = Some(hi.map_or(r, |h| h.max(r)));
                            out.review_lines.push(e.line);
                        }
                    }
                    Err(issues) => {
                        out.missing.extend(issues);
                        out.review_lines.push(e.line);
                        unbounded = true;
                    }
                }
            }
            let confirmed = (sa != 0 || sb != 0).then(|| Q::ratio(sa * ONE, sb));
            let low = match (confirmed, lo) {
                (Some(c), Some(l)) => Some(c.min(l)),
                (c, l) => c.or(l),
            };
            let high = match (confirmed, hi) {
                (Some(c), Some(h)) => Some(c.max(h)),
                (c, h) => c.or(h),
            };
            match (low, high) {
                _ if unbounded => {
                    // Any ratio is possible; the confirmed figures' own ratio is shown (and the
                    // gap measured from it), the verdict cannot be met or not met.
                    shown_low = confirmed;
                    Some((Q::int(0), Q::INF))
                }
                (Some(l), Some(h)) => {
                    if confirmed.is_none() {
                        out.notes.push("无已确认企业的数据".to_owned());
                    }
                    Some((l, h))
                }
                _ => {
                    out.notes.push("统计范围内没有数据".to_owned());
                    None
                }
            }
        }
        Metric::Attribute => {
            let name = c.attribute.clone().unwrap_or_default();
            match attr_number(attrs, g.park, &name) {
                Some(v) => Some((Q::int(v), Q::int(v))),
                None => {
                    out.notes
                        .push(format!("缺少园区属性 {name}，请用 --attr {name}=… 给出"));
                    None
                }
            }
        }
        Metric::Expert | Metric::None => None,
    };
    out.confirmed_lines.sort_unstable();
    out.review_lines.sort_unstable();
    out.review_lines.dedup();
    out.missing
        .sort_by(|a, b| (a.line, &a.column).cmp(&(b.line, &b.column)));
    let (Some((low, high)), Some(t), Some(cmp)) = (bounds, threshold_micro, c.comparator) else {
        out.verdict = Verdict::Undetermined;
        out.verdict_zh = out.verdict.name_zh();
        if let Some((low, high)) = bounds {
            out.value = Some(display_value(c, low, high));
        }
        return out;
    };
    // Bounds and threshold are in micro base units (a ratio: micro per 1). A growth rate r over
    // k years is met when last/first compares with (1+r)^k: G·ONE^(k-1) vs (ONE+t)^k.
    let (low_cmp, high_cmp, tq) = if c.metric == Metric::Cagr {
        let k = u32::try_from(c.years.span() - 1).unwrap_or(1);
        let lift = |q: Q| {
            if q.is_inf() {
                q
            } else {
                Q {
                    num: q.num.saturating_mul(ONE.pow(k - 1)),
                    den: q.den,
                }
            }
        };
        (lift(low), lift(high), Q::int((ONE + t).pow(k)))
    } else {
        (low, high, Q::int(t))
    };
    let (worst, best) = if cmp.upward() {
        (low_cmp, high_cmp)
    } else {
        (high_cmp, low_cmp)
    };
    out.verdict = if cmp.holds(worst.cmp(tq)) {
        Verdict::Met
    } else if !cmp.holds(best.cmp(tq)) {
        Verdict::NotMet
    } else {
        Verdict::Undetermined
    };
    out.verdict_zh = out.verdict.name_zh();
    let shown = shown_low.unwrap_or(low);
    out.value = Some(display_value(c, shown, high));
    if out.verdict != Verdict::Met {
        out.gap = gap(c, shown, t, cmp);
    }
    if out.verdict == Verdict::Undetermined {
        out.notes.push(format!(
            "{} 家待复核或数据缺失的企业可能改变结论",
            out.review_lines.len()
        ));
    }
    out
}

fn display_value(c: &Criterion, low: Q, high: Q) -> Value {
    let show = |q: Q| -> Option<f64> {
        let v = q.f64()?;
        Some(match c.metric {
            Metric::Cagr => {
                let k = (c.years.span() - 1) as f64;
                ((v / ONE as f64).powf(1.0 / k) - 1.0) * 100.0
            }
            _ => round(c.unit.display(v as Micro)),
        })
    };
    Value {
        confirmed: show(low).map(round),
        with_review: show(high).map(round),
    }
}

fn round(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

fn fmt_num(v: f64) -> String {
    let s = format!("{:.4}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_owned()
}

/// The gap from the confirmed value to the threshold, in the document's terms.
fn gap(c: &Criterion, low: Q, t: Micro, cmp: Comparator) -> Option<String> {
    if !cmp.upward() {
        return None;
    }
    let low_v = low.f64()?;
    match c.metric {
        Metric::Count | Metric::CountWhere => {
            let have = (low_v / ONE as f64).round() as i128;
            let need_total = t / ONE + i128::from(cmp == Comparator::Above);
            let need = (need_total - have).max(0);
            let what = match (&c.condition, c.field) {
                (
                    Some(FieldCondition::Compare {
                        comparator,
                        value,
                        unit,
                    }),
                    Some(f),
                ) => format!(
                    "{} {} {}{}企业",
                    if f == Field::Revenue {
                        "营收".to_owned()
                    } else {
                        f.name_zh().to_owned()
                    },
                    fmt_num(unit.display(*value)),
                    unit.as_str(),
                    comparator.word_zh()
                ),
                (Some(FieldCondition::IsSet), Some(Field::Platform)) => "平台".to_owned(),
                (Some(FieldCondition::IsSet), Some(f)) => format!("{}企业", f.name_zh()),
                _ => "企业".to_owned(),
            };
            Some(format!("还差 {need} 家{what}"))
        }
        Metric::Cagr => None,
        _ => {
            let diff = c.unit.display(t) - c.unit.display(low_v as Micro);
            let diff = round(diff);
            let unit = if c.unit == Unit::Percent {
                " 个百分点".to_owned()
            } else {
                format!(" {}", c.unit.as_str())
            };
            let suffix = if cmp == Comparator::Above {
                format!(
                    "（须超过 {} {}）",
                    fmt_num(c.unit.display(t)),
                    c.unit.as_str()
                )
            } else {
                String::new()
            };
            if diff <= 0.0 && cmp == Comparator::Above && diff > -1e-9 {
                Some(format!(
                    "恰为 {} {}，须超过",
                    fmt_num(c.unit.display(t)),
                    c.unit.as_str()
                ))
            } else if diff <= 0.0 {
                Some("已确认部分已达到门槛（其余数据可能改变结论）".to_owned())
            } else {
                Some(format!("差 {}{unit}{suffix}", fmt_num(diff)))
            }
        }
    }
}
