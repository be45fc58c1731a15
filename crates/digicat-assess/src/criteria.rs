//! Criteria as data: the rows of `data/criteria/*.tsv`, read and validated.
//!
//! The five shipped sets are compiled in ([`SHIPPED`]); a user's file is read at run time with
//! [`CriteriaSet::parse`] and refused, with the row and the reason, when malformed.

pub use crate::population::Population;
use crate::quantity::{Micro, Unit};
use serde::Serialize;
use std::fmt;

/// The header every criteria file starts with, in this order.
pub const COLUMNS: [&str; 21] = [
    "id",
    "document",
    "clause",
    "indicator",
    "quote",
    "scope",
    "population",
    "filter",
    "metric",
    "field",
    "years",
    "field_cmp",
    "field_threshold",
    "field_unit",
    "comparator",
    "threshold",
    "unit",
    "weight",
    "computable",
    "alternative",
    "why",
];

/// The shipped criteria sets: (id, file text), compiled in from `data/criteria/`.
pub const SHIPPED: [(&str, &str); 5] = [
    (
        "pilot-park-2019",
        include_str!("../../../data/criteria/pilot-park-2019.tsv"),
    ),
    (
        "pilot-park-targets-2022",
        include_str!("../../../data/criteria/pilot-park-targets-2022.tsv"),
    ),
    (
        "cluster-2021",
        include_str!("../../../data/criteria/cluster-2021.tsv"),
    ),
    (
        "software-cluster-2025",
        include_str!("../../../data/criteria/software-cluster-2025.tsv"),
    ),
    (
        "digital-economy-2025",
        include_str!("../../../data/criteria/digital-economy-2025.tsv"),
    ),
];

/// A comparator, read as 民法典 第一千二百五十九条 reads 以上/以下/不满/超过.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Comparator {
    /// `>=`: 以上, 不少于, 不低于, 达到 (the number included).
    #[serde(rename = ">=")]
    AtLeast,
    /// `>`: 超过 (the number excluded).
    #[serde(rename = ">")]
    Above,
    /// `<=`: 以下, 以内 (included).
    #[serde(rename = "<=")]
    AtMost,
    /// `<`: 不满 (excluded).
    #[serde(rename = "<")]
    Below,
}

impl Comparator {
    /// Reads `>=`, `>`, `<=`, `<`.
    pub fn parse(s: &str) -> Option<Comparator> {
        match s {
            ">=" => Some(Comparator::AtLeast),
            ">" => Some(Comparator::Above),
            "<=" => Some(Comparator::AtMost),
            "<" => Some(Comparator::Below),
            _ => None,
        }
    }
    /// The symbol (`>=` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::AtLeast => ">=",
            Comparator::Above => ">",
            Comparator::AtMost => "<=",
            Comparator::Below => "<",
        }
    }
    /// The Chinese word for it (`以上`, `超过`, `以下`, `不满`).
    pub fn word_zh(self) -> &'static str {
        match self {
            Comparator::AtLeast => "以上",
            Comparator::Above => "超过",
            Comparator::AtMost => "以下",
            Comparator::Below => "不满",
        }
    }
    /// `true` when the comparison holds for `ordering` = value compared with threshold.
    pub fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Comparator::AtLeast => ordering != Less,
            Comparator::Above => ordering == Greater,
            Comparator::AtMost => ordering != Greater,
            Comparator::Below => ordering == Less,
        }
    }
    /// `true` for `>=` and `>` (a larger value helps).
    pub fn upward(self) -> bool {
        matches!(self, Comparator::AtLeast | Comparator::Above)
    }
}

/// An extra condition on the population.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Filter {
    /// `-`: none.
    None,
    /// `regulated`: 规上 enterprises only (the roster's 规上 column).
    Regulated,
    /// `new_in_period`: enterprises settled on or after the park attribute `period_start`.
    NewInPeriod,
}

/// What is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Number of enterprises.
    Count,
    /// Number of enterprises whose field passes `field_cmp field_threshold`.
    CountWhere,
    /// Share (%) of enterprises whose field passes the condition.
    ShareWhere,
    /// Sum of a field.
    Sum,
    /// Sum of one field over the sum of another (`rd_expense/revenue`).
    Ratio,
    /// Sum of a field over a park attribute (`employees/city_employees`).
    PerAttribute,
    /// Last year's sum over the first year's (times, 倍).
    Growth,
    /// Compound annual growth rate (%) between the first and last year.
    Cagr,
    /// A park attribute itself.
    Attribute,
    /// Scored by experts: listed with its weight, never computed.
    Expert,
    /// Not computable (`一定数额`): reported, never judged.
    None,
}

impl Metric {
    fn parse(s: &str) -> Option<Metric> {
        Some(match s {
            "count" => Metric::Count,
            "count_where" => Metric::CountWhere,
            "share_where" => Metric::ShareWhere,
            "sum" => Metric::Sum,
            "ratio" => Metric::Ratio,
            "per_attribute" => Metric::PerAttribute,
            "growth" => Metric::Growth,
            "cagr" => Metric::Cagr,
            "attribute" => Metric::Attribute,
            "expert" => Metric::Expert,
            "none" => Metric::None,
            _ => return None,
        })
    }
}

/// Which years of a yearly field are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "n", rename_all = "snake_case")]
pub enum Years {
    /// `-`: the field is not yearly (or not used).
    None,
    /// `latest`: the latest year in the roster.
    Latest,
    /// `sum:N`: the sum of the last N years.
    Sum(u8),
    /// `max:N`: the largest of the last N years (reached in any one of them).
    Max(u8),
    /// `growth:N`: first and last of the last N years.
    Growth(u8),
}

impl Years {
    fn parse(s: &str) -> Option<Years> {
        let n = |rest: &str| rest.parse::<u8>().ok().filter(|n| (1..=10).contains(n));
        Some(match s {
            "-" => Years::None,
            "latest" => Years::Latest,
            _ => {
                let (kind, rest) = s.split_once(':')?;
                match kind {
                    "sum" => Years::Sum(n(rest)?),
                    "max" => Years::Max(n(rest)?),
                    "growth" => Years::Growth(n(rest).filter(|n| *n >= 2)?),
                    _ => return None,
                }
            }
        })
    }
    /// How many years are read (1 for latest and none).
    pub fn span(self) -> usize {
        match self {
            Years::None | Years::Latest => 1,
            Years::Sum(n) | Years::Max(n) | Years::Growth(n) => usize::from(n),
        }
    }
}

/// The roster fields a criterion can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// 营业收入 (money, yearly).
    Revenue,
    /// 从业人员.
    Employees,
    /// 技术人员.
    TechStaff,
    /// 本科及以上人数.
    Bachelor,
    /// 研发费用 (money).
    RdExpense,
    /// 纳税 (money).
    Tax,
    /// 主板上市 (flag).
    Listed,
    /// 平台类型 (flag: non-empty and not 否/无).
    Platform,
    /// 规上 (flag).
    Regulated,
}

impl Field {
    /// Every field.
    pub const ALL: [Field; 9] = [
        Field::Revenue,
        Field::Employees,
        Field::TechStaff,
        Field::Bachelor,
        Field::RdExpense,
        Field::Tax,
        Field::Listed,
        Field::Platform,
        Field::Regulated,
    ];
    /// The name used in criteria files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Revenue => "revenue",
            Field::Employees => "employees",
            Field::TechStaff => "tech_staff",
            Field::Bachelor => "bachelor",
            Field::RdExpense => "rd_expense",
            Field::Tax => "tax",
            Field::Listed => "listed",
            Field::Platform => "platform",
            Field::Regulated => "regulated",
        }
    }
    /// Chinese label.
    pub fn name_zh(self) -> &'static str {
        match self {
            Field::Revenue => "营业收入",
            Field::Employees => "从业人员",
            Field::TechStaff => "技术人员",
            Field::Bachelor => "本科及以上人数",
            Field::RdExpense => "研发费用",
            Field::Tax => "纳税",
            Field::Listed => "主板上市",
            Field::Platform => "平台类型",
            Field::Regulated => "规上",
        }
    }
    /// Reads a field name.
    pub fn parse(s: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == s)
    }
    /// `true` for money fields (their column needs a unit).
    pub fn is_money(self) -> bool {
        matches!(self, Field::Revenue | Field::RdExpense | Field::Tax)
    }
    /// `true` for yes/no fields.
    pub fn is_flag(self) -> bool {
        matches!(self, Field::Listed | Field::Platform | Field::Regulated)
    }
}

/// Park attributes a criterion can read (`--attr NAME=VALUE` or a park file).
pub const ATTRIBUTES: [&str; 5] = [
    "space_m2",
    "matching_ratio",
    "city_employees",
    "industry_rd_intensity",
    "period_start",
];

/// The threshold: a number in the criterion's unit, or a park attribute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Threshold {
    /// No threshold (expert, not computable).
    None,
    /// A number, in micro-units of the base unit.
    Value(Micro),
    /// `attr:NAME`: the park attribute's value.
    Attribute(String),
}

/// Whether a criterion can be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Computable {
    /// Computed from the roster and attributes.
    Yes,
    /// Partly scored by experts; the quantitative part is computed.
    Partly,
    /// Scored by experts only.
    Expert,
    /// Not computable (reported, never judged).
    No,
}

/// The condition on a field (`count_where`, `share_where`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldCondition {
    /// The field compared with a value (micro base units).
    Compare {
        /// The comparator.
        comparator: Comparator,
        /// The value, in micro base units.
        value: Micro,
        /// The unit it was written in.
        unit: Unit,
    },
    /// The flag is set (`is`).
    IsSet,
}

/// One criterion: a row of a criteria file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Criterion {
    /// The criteria set's id (the file name without `.tsv`).
    pub set: String,
    /// The row's id, unique in its set.
    pub id: String,
    /// The document number (`东工信〔2019〕160号`).
    pub document: String,
    /// The clause (`三(一)`, `附件`).
    pub clause: String,
    /// The indicator number of a scored document (`1`…`25`), if any.
    pub indicator: Option<u32>,
    /// The quoted sentence.
    pub quote: String,
    /// `true`: one verdict per park; `false`: one for the whole roster.
    pub per_park: bool,
    /// Who is counted.
    pub population: Population,
    /// The population as written (`szjj:core`, `gbt:39`, `in_scope`).
    pub population_spec: String,
    /// Extra condition.
    pub filter: Filter,
    /// What is measured.
    pub metric: Metric,
    /// The field (or first field of a ratio).
    pub field: Option<Field>,
    /// The second field of a ratio (`rd_expense/revenue` → revenue).
    pub denominator: Option<Field>,
    /// The park attribute read (attribute, per_attribute).
    pub attribute: Option<String>,
    /// Years read.
    pub years: Years,
    /// The field condition (count_where, share_where).
    pub condition: Option<FieldCondition>,
    /// The comparator of the verdict.
    pub comparator: Option<Comparator>,
    /// The threshold.
    pub threshold: Threshold,
    /// The unit of the threshold and value.
    pub unit: Unit,
    /// The weight (score points), if the document scores it.
    pub weight: Option<u32>,
    /// Whether it is computed.
    pub computable: Computable,
    /// The other reading (`column=value`), if the sentence is ambiguous.
    pub alternative: Option<(String, String)>,
    /// `true` when the alternative reading was chosen by the user.
    pub alternative_chosen: bool,
    /// The reading chosen and why.
    pub why: String,
    /// The 1-based line in its file.
    pub line: usize,
    /// The row's cells as written (to apply the alternative reading).
    #[serde(skip)]
    pub cells: Vec<String>,
}

impl Criterion {
    /// Who it counts, in Chinese, with its filter (`数字经济核心产业（……），仅规上企业`).
    pub fn population_zh(&self) -> String {
        let mut s = self.population.name_zh();
        match self.filter {
            Filter::None => {}
            Filter::Regulated => s.push_str("，仅规上企业"),
            Filter::NewInPeriod => s.push_str("，仅创建期内新入驻企业"),
        }
        s
    }
}

/// A criteria file refused: where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CriteriaError {
    /// The header is not [`COLUMNS`].
    #[error("criteria {set}: the header must be the {} columns {} (标题行应为规定的列)", COLUMNS.len(), COLUMNS.join(","))]
    Header {
        /// The set.
        set: String,
    },
    /// A row is malformed.
    #[error("criteria {set} line {line} ({id}): {reason} (准则行有误)")]
    Row {
        /// The set.
        set: String,
        /// 1-based line.
        line: usize,
        /// The row id (or `?`).
        id: String,
        /// What is wrong.
        reason: String,
    },
    /// No rows.
    #[error("criteria {set}: no criteria rows (准则文件没有数据行)")]
    Empty {
        /// The set.
        set: String,
    },
    /// An unknown set id.
    #[error("unknown criteria {id:?}; shipped: {} — or give a .tsv path (未知的准则)", SHIPPED.iter().map(|s| s.0).collect::<Vec<_>>().join(", "))]
    Unknown {
        /// The id given.
        id: String,
    },
    /// A `--reading` names no ambiguous criterion.
    #[error("--reading {0}: no criterion with an alternative reading has this id (无此可选读法)")]
    Reading(String),
    /// A user file could not be read.
    #[error("criteria file {path}: {message} (无法读取准则文件)")]
    Io {
        /// The path.
        path: String,
        /// The system's message.
        message: String,
    },
}

impl CriteriaError {
    /// The message in Chinese (a row's reason names the file's own column values).
    pub fn message_zh(&self) -> String {
        match self {
            CriteriaError::Header { set } => {
                format!(
                    "准则文件 {set}：标题行应为规定的 {} 列：{}",
                    COLUMNS.len(),
                    COLUMNS.join(",")
                )
            }
            CriteriaError::Row {
                set,
                line,
                id,
                reason,
            } => format!("准则文件 {set} 第 {line} 行（{id}）有误：{reason}"),
            CriteriaError::Empty { set } => format!("准则文件 {set} 没有数据行"),
            CriteriaError::Unknown { id } => format!(
                "未知的准则集“{id}”；内置的有：{}，也可给出 .tsv 文件路径",
                SHIPPED.iter().map(|s| s.0).collect::<Vec<_>>().join("、")
            ),
            CriteriaError::Reading(r) => format!("--reading {r}：没有这个有另一读法的准则"),
            CriteriaError::Io { path, message } => format!("无法读取准则文件 {path}：{message}"),
        }
    }
}

/// A criteria set: one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriteriaSet {
    /// Its id (file name without `.tsv`).
    pub id: String,
    /// Its rows in file order.
    pub criteria: Vec<Criterion>,
}

impl fmt::Display for CriteriaSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} criteria)", self.id, self.criteria.len())
    }
}

impl CriteriaSet {
    /// A shipped set by id (`pilot-park-2019`).
    pub fn shipped(id: &str) -> Result<CriteriaSet, CriteriaError> {
        let (_, text) = SHIPPED
            .iter()
            .find(|(name, _)| *name == id)
            .ok_or_else(|| CriteriaError::Unknown { id: id.to_owned() })?;
        CriteriaSet::parse(id, text)
    }

    /// A shipped id, or a path to a user's `.tsv` file (read at run time).
    pub fn load(spec: &str) -> Result<CriteriaSet, CriteriaError> {
        if spec.ends_with(".tsv") {
            let text = std::fs::read_to_string(spec).map_err(|e| CriteriaError::Io {
                path: spec.to_owned(),
                message: e.to_string(),
            })?;
            let id = std::path::Path::new(spec)
                .file_stem()
                .map_or_else(|| spec.to_owned(), |s| s.to_string_lossy().into_owned());
            return CriteriaSet::parse(&id, &text);
        }
        CriteriaSet::shipped(spec)
    }

    /// Parses and validates a criteria file's text.
    pub fn parse(set: &str, text: &str) -> Result<CriteriaSet, CriteriaError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text.lines().enumerate();
        let header: Vec<&str> = lines
            .next()
            .map(|(_, l)| l.trim_end_matches('\r').split('\t').collect())
            .unwrap_or_default();
        if header != COLUMNS {
            return Err(CriteriaError::Header {
                set: set.to_owned(),
            });
        }
        let mut criteria: Vec<Criterion> = Vec::new();
        for (i, line) in lines {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            let row_error = |reason: String| CriteriaError::Row {
                set: set.to_owned(),
                line: i + 1,
                id: cells.first().copied().unwrap_or("?").to_owned(),
                reason,
            };
            if cells.len() != COLUMNS.len() {
                return Err(row_error(format!(
                    "{} cells, expected {}",
                    cells.len(),
                    COLUMNS.len()
                )));
            }
            let c = parse_row(set, i + 1, &cells).map_err(row_error)?;
            if let Some((column, value)) = &c.alternative {
                let mut other: Vec<&str> = cells.clone();
                if let Some(pos) = COLUMNS.iter().position(|n| n == column) {
                    other[pos] = value;
                }
                parse_row(set, i + 1, &other)
                    .map_err(|reason| row_error(format!("alternative reading: {reason}")))?;
            }
            if criteria.iter().any(|o| o.id == c.id) {
                return Err(row_error(format!("id {:?} repeated", c.id)));
            }
            if let (Some(ind), Some(w)) = (c.indicator, c.weight) {
                if let Some(o) = criteria
                    .iter()
                    .find(|o| o.indicator == Some(ind) && o.weight != Some(w))
                {
                    return Err(row_error(format!(
                        "indicator {ind} has weight {w} here but {:?} on row {}",
                        o.weight, o.id
                    )));
                }
            }
            criteria.push(c);
        }
        if criteria.is_empty() {
            return Err(CriteriaError::Empty {
                set: set.to_owned(),
            });
        }
        Ok(CriteriaSet {
            id: set.to_owned(),
            criteria,
        })
    }

    /// `true` when some criterion counts a `szjj-2021` population, so the roster's records must
    /// also be classified by it ([`crate::RosterOptions::szjj`]).
    pub fn needs_szjj(&self) -> bool {
        self.criteria.iter().any(|c| c.population.needs_szjj())
    }

    /// The sum of the weights of distinct indicators (a row without indicator counts alone).
    pub fn total_weight(&self) -> u32 {
        let mut seen: Vec<u32> = Vec::new();
        let mut total = 0;
        for c in &self.criteria {
            match (c.indicator, c.weight) {
                (Some(i), Some(w)) if !seen.contains(&i) => {
                    seen.push(i);
                    total += w;
                }
                (None, Some(w)) => total += w,
                _ => {}
            }
        }
        total
    }

    /// Switches criterion `id` to its alternative reading. Errors when it has none.
    pub fn choose_alternative(&mut self, id: &str) -> Result<(), CriteriaError> {
        let bad = || CriteriaError::Reading(format!("{}.{id}", self.id));
        let index = self
            .criteria
            .iter()
            .position(|c| c.id == id && c.alternative.is_some())
            .ok_or_else(bad)?;
        let c = &self.criteria[index];
        let (column, value) = c.alternative.clone().ok_or_else(bad)?;
        let mut cells = row_cells(c);
        let pos = COLUMNS
            .iter()
            .position(|name| *name == column)
            .ok_or_else(bad)?;
        cells[pos] = value;
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let mut changed = parse_row(&self.id, c.line, &refs).map_err(|_| bad())?;
        changed.alternative_chosen = true;
        self.criteria[index] = changed;
        Ok(())
    }
}

/// Rebuilds the cells of a criterion (to apply an alternative reading).
fn row_cells(c: &Criterion) -> Vec<String> {
    c.cells.clone()
}

fn parse_row(set: &str, line: usize, cells: &[&str]) -> Result<Criterion, String> {
    let get = |name: &str| -> &str {
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|i| cells.get(i).copied())
            .unwrap_or("")
    };
    let opt = |name: &str| Some(get(name)).filter(|v| !v.is_empty() && *v != "-");
    let id = get("id");
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!("id {id:?}: use ASCII letters, digits and _"));
    }
    for required in ["document", "clause", "quote", "why"] {
        if opt(required).is_none() {
            return Err(format!("{required} is empty"));
        }
    }
    let per_park = match get("scope") {
        "park" => true,
        "roster" => false,
        other => return Err(format!("scope {other:?}: expected park or roster")),
    };
    let population = Population::parse(get("population"))?;
    let filter = match get("filter") {
        "-" => Filter::None,
        "regulated" => Filter::Regulated,
        "new_in_period" => Filter::NewInPeriod,
        other => {
            return Err(format!(
                "filter {other:?}: expected -, regulated or new_in_period"
            ))
        }
    };
    let metric = Metric::parse(get("metric")).ok_or_else(|| {
        format!(
            "metric {:?}: expected count, count_where, share_where, sum, ratio, per_attribute, growth, cagr, attribute, expert or none",
            get("metric")
        )
    })?;
    let years = Years::parse(get("years")).ok_or_else(|| {
        format!(
            "years {:?}: expected -, latest, sum:N, max:N or growth:N",
            get("years")
        )
    })?;
    let computable = match get("computable") {
        "yes" => Computable::Yes,
        "partly" => Computable::Partly,
        "expert" => Computable::Expert,
        "no" => Computable::No,
        other => {
            return Err(format!(
                "computable {other:?}: expected yes, partly, expert or no"
            ))
        }
    };
    let unit_of = |name: &str| -> Result<Unit, String> {
        Unit::parse(get(name)).ok_or_else(|| {
            format!(
                "{name} {:?}: unknown unit ({})",
                get(name),
                Unit::NAMES.join(", ")
            )
        })
    };
    let unit = unit_of("unit")?;
    let field_unit = unit_of("field_unit")?;
    let comparator = match opt("comparator") {
        None => None,
        Some(s) => Some(
            Comparator::parse(s)
                .ok_or_else(|| format!("comparator {s:?}: expected >=, >, <= or <"))?,
        ),
    };
    let threshold = match opt("threshold") {
        None => Threshold::None,
        Some(s) => match s.strip_prefix("attr:") {
            Some(name) if ATTRIBUTES.contains(&name) => Threshold::Attribute(name.to_owned()),
            Some(name) => {
                return Err(format!(
                    "threshold attr:{name}: unknown attribute ({})",
                    ATTRIBUTES.join(", ")
                ))
            }
            None => Threshold::Value(
                unit.to_micro(s)
                    .ok_or_else(|| format!("threshold {s:?}: not a number"))?,
            ),
        },
    };
    let weight = match opt("weight") {
        None => None,
        Some(s) => Some(
            s.parse::<u32>()
                .map_err(|_| format!("weight {s:?}: not a whole number"))?,
        ),
    };
    let indicator = match opt("indicator") {
        None => None,
        Some(s) => Some(
            s.parse::<u32>()
                .map_err(|_| format!("indicator {s:?}: not a whole number"))?,
        ),
    };
    let (mut field, mut denominator, mut attribute) = (None, None, None);
    let field_text = get("field");
    let field_named = |s: &str| {
        Field::parse(s).ok_or_else(|| {
            format!(
                "field {s:?}: unknown ({})",
                Field::ALL.map(Field::as_str).join(", ")
            )
        })
    };
    match metric {
        Metric::Count | Metric::Expert | Metric::None => {}
        Metric::CountWhere | Metric::ShareWhere | Metric::Sum | Metric::Growth | Metric::Cagr => {
            field = Some(field_named(field_text)?)
        }
        Metric::Ratio => {
            let (a, b) = field_text
                .split_once('/')
                .ok_or_else(|| format!("field {field_text:?}: a ratio is written a/b"))?;
            field = Some(field_named(a)?);
            denominator = Some(field_named(b)?);
        }
        Metric::PerAttribute => {
            let (a, b) = field_text
                .split_once('/')
                .ok_or_else(|| format!("field {field_text:?}: written field/attribute"))?;
            field = Some(field_named(a)?);
            if !ATTRIBUTES.contains(&b) {
                return Err(format!(
                    "attribute {b:?}: unknown ({})",
                    ATTRIBUTES.join(", ")
                ));
            }
            attribute = Some(b.to_owned());
        }
        Metric::Attribute => {
            if !ATTRIBUTES.contains(&field_text) {
                return Err(format!(
                    "attribute {field_text:?}: unknown ({})",
                    ATTRIBUTES.join(", ")
                ));
            }
            attribute = Some(field_text.to_owned());
        }
    }
    let condition = match (metric, opt("field_cmp")) {
        (Metric::CountWhere | Metric::ShareWhere, Some("is")) => {
            if !field.is_some_and(Field::is_flag) {
                return Err(
                    "field_cmp is: only for flag fields (listed, platform, regulated)".into(),
                );
            }
            Some(FieldCondition::IsSet)
        }
        (Metric::CountWhere | Metric::ShareWhere, Some(s)) => {
            let comparator = Comparator::parse(s)
                .ok_or_else(|| format!("field_cmp {s:?}: expected >=, >, <=, < or is"))?;
            let raw = get("field_threshold");
            let value = field_unit
                .to_micro(raw)
                .ok_or_else(|| format!("field_threshold {raw:?}: not a number"))?;
            if field.is_some_and(Field::is_money) && !field_unit.is_money() {
                return Err(format!(
                    "field_unit {:?}: a money field needs 元, 万元 or 亿元",
                    get("field_unit")
                ));
            }
            Some(FieldCondition::Compare {
                comparator,
                value,
                unit: field_unit,
            })
        }
        (Metric::CountWhere | Metric::ShareWhere, None) => {
            return Err("count_where/share_where need field_cmp".into())
        }
        (_, Some(_)) => return Err("field_cmp only for count_where and share_where".into()),
        (_, None) => None,
    };
    let judged = !matches!(metric, Metric::Expert | Metric::None);
    if judged {
        if comparator.is_none() || threshold == Threshold::None {
            return Err("a computed criterion needs comparator and threshold".into());
        }
        if matches!(computable, Computable::Expert | Computable::No) {
            return Err(format!(
                "metric {} is computed but computable says otherwise",
                get("metric")
            ));
        }
    } else if matches!(computable, Computable::Yes | Computable::Partly) {
        return Err("expert/none metric must have computable expert or no".into());
    }
    if metric == Metric::Expert && weight.is_none() {
        return Err("an expert-scored criterion needs its weight".into());
    }
    let needs_population = matches!(
        metric,
        Metric::Count
            | Metric::CountWhere
            | Metric::ShareWhere
            | Metric::Sum
            | Metric::Ratio
            | Metric::PerAttribute
            | Metric::Growth
            | Metric::Cagr
    );
    if needs_population && population == Population::None {
        return Err("this metric counts enterprises: population cannot be -".into());
    }
    if matches!(metric, Metric::Growth | Metric::Cagr) && !matches!(years, Years::Growth(_)) {
        return Err("growth and cagr need years growth:N".into());
    }
    match (metric, unit) {
        (Metric::Count | Metric::CountWhere, Unit::Enterprises) => {}
        (Metric::Count | Metric::CountWhere, _) => return Err("a count's unit is 家".into()),
        (Metric::ShareWhere | Metric::Cagr, Unit::Percent) => {}
        (Metric::ShareWhere | Metric::Cagr, _) => {
            return Err("a share or growth rate's unit is %".into())
        }
        (Metric::Sum, u) if field.is_some_and(Field::is_money) != u.is_money() => {
            return Err("a sum of money needs 元, 万元 or 亿元 (and only money does)".into())
        }
        _ => {}
    }
    let alternative = match opt("alternative") {
        None => None,
        Some(s) => {
            let (column, value) = s
                .split_once('=')
                .ok_or_else(|| format!("alternative {s:?}: written column=value"))?;
            if !COLUMNS.contains(&column) || column == "id" || column == "alternative" {
                return Err(format!("alternative {s:?}: unknown column {column:?}"));
            }
            Some((column.to_owned(), value.to_owned()))
        }
    };
    Ok(Criterion {
        set: set.to_owned(),
        id: id.to_owned(),
        document: get("document").to_owned(),
        clause: get("clause").to_owned(),
        indicator,
        quote: get("quote").to_owned(),
        per_park,
        population,
        population_spec: get("population").to_owned(),
        filter,
        metric,
        field,
        denominator,
        attribute,
        years,
        condition,
        comparator,
        threshold,
        unit,
        weight,
        computable,
        alternative,
        alternative_chosen: false,
        why: get("why").to_owned(),
        line,
        cells: cells.iter().map(|c| (*c).to_owned()).collect(),
    })
}
