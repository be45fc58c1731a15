//! The roster: one enterprise a row, read from a table (header + records) already decoded.
//!
//! Code and text columns and the classification of each row come from `digicat::report`;
//! this module finds the assessment columns (name, 统一社会信用代码, park, yearly figures …),
//! reads their units from the header (`（万元）`, `亿元`, `元`) or an explicit option, and reads
//! every cell, keeping unreadable ones as listed cell errors. No row is dropped.

use crate::criteria::Field;
use crate::quantity::{read_cell, Micro, Unit};
use digicat::report::{find_layout, row_fields, szjj_fields, Choice, RowOutcome};
use digicat::{CodeReading, Options, Status};
use serde::Serialize;
use std::collections::BTreeMap;

/// How to read a roster.
#[derive(Debug, Clone, Default)]
pub struct RosterOptions {
    /// The code/text columns (as `digicat classify` takes them).
    pub code_col: Option<String>,
    /// The text column (经营范围).
    pub text_col: Option<String>,
    /// Classify by text only.
    pub text_only: bool,
    /// The park column's header (default: a header containing `园区`).
    pub park_col: Option<String>,
    /// Columns named explicitly: (role, header). Roles: `name`, `credit_code`, `settle_date`,
    /// or a field name (`revenue`, `employees` …); a yearly field as `revenue:2023`.
    pub columns: Vec<(String, String)>,
    /// Units given explicitly: (header or field name, unit). They win over the header.
    pub units: Vec<(String, Unit)>,
    /// Classification options.
    pub classify: Options,
    /// Also classify every record by `szjj-2021` (set it when a criterion counts a `szjj:`
    /// population: [`crate::CriteriaSet::needs_szjj`]); otherwise records are classified by the
    /// Dongguan catalogue only.
    pub szjj: bool,
}

/// Why a roster cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RosterError {
    /// The code/text columns.
    #[error("{0}")]
    Columns(#[from] digicat::report::ColumnError),
    /// A money column has no unit.
    #[error("column {0:?}: no unit in the header (（万元）, 亿元, 元); give one with --unit \"{0}=万元\" (金额列未注明单位，不做猜测)")]
    NoUnit(String),
    /// Two columns for the same field and year.
    #[error("columns {0:?} and {1:?} both give {2} (同一指标出现两列)")]
    Ambiguous(String, String, String),
    /// A named column is missing.
    #[error("column {0:?} not found (找不到指定的列)")]
    NotFound(String),
    /// An unknown role in a column option.
    #[error("unknown column role {0:?} (未知的列用途)")]
    UnknownRole(String),
    /// No enterprise rows.
    #[error("the roster has no enterprise rows (名册没有企业行)")]
    Empty,
}

impl RosterError {
    /// The message in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            RosterError::Columns(e) => e.message(digicat::report::Lang::Zh),
            RosterError::NoUnit(h) => format!(
                "“{h}”列的表头未注明单位（（万元）、亿元、元），不做猜测；请用 --unit \"{h}=万元\" 指明"
            ),
            RosterError::Ambiguous(a, b, what) => format!("“{a}”和“{b}”两列都是{what}"),
            RosterError::NotFound(h) => format!("找不到指定的列“{h}”"),
            RosterError::UnknownRole(r) => format!("未知的列用途“{r}”"),
            RosterError::Empty => "名册没有企业行".to_owned(),
        }
    }
}

/// A record that could not be read (e.g. its field count differs from the header's): it is
/// kept as an `invalid` row, none of its cells is read, and since it could belong to any park
/// and any population, every verdict it could change is `undetermined`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unread {
    /// The physical line.
    pub line: u64,
    /// The reason code (`malformed_record`, `invalid_encoding`).
    pub reason: String,
    /// Why, for the user.
    pub message: String,
}

/// A cell read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cell {
    /// A number, in micro base units.
    Number {
        /// The value.
        micro: Micro,
    },
    /// A yes/no flag.
    Flag {
        /// The value.
        set: bool,
    },
    /// Blank.
    Blank,
    /// Unreadable: the raw text and why.
    Bad {
        /// What was in the cell.
        raw: String,
        /// Why it cannot be read.
        why: String,
    },
}

/// A record's answer by `szjj-2021` (《数字经济及其核心产业统计分类（2021）》).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SzjjAnswer {
    /// in_scope, needs_review, out_of_scope (outside 01–04) or invalid.
    pub status: String,
    /// The reason (snake_case; for invalid, the error kind).
    pub reason: String,
    /// The 小类 (in_scope) or candidate 小类 (needs_review), e.g. `030304`, `030307`.
    pub classes: Vec<String>,
}

/// A date (year, month, day), month/day 0 when not given.
pub type Date = (u16, u8, u8);

/// One enterprise row.
#[derive(Debug, Clone, Serialize)]
pub struct Enterprise {
    /// The physical line (CSV) or sheet row.
    pub line: u64,
    /// 企业名称 (or `第N行` when there is none).
    pub name: String,
    /// 统一社会信用代码.
    pub credit_code: Option<String>,
    /// The park.
    pub park: Option<String>,
    /// in_scope, needs_review, out_of_scope, invalid or skipped.
    pub status: String,
    /// The reason (snake_case).
    pub reason: String,
    /// Industry ids (`1,3`).
    pub industries: String,
    /// The GB/T code read (`6513`, `65`, `I`), if any.
    pub code: Option<String>,
    /// `true` when the code was read as GB/T 4754-2011.
    pub code_2011: bool,
    /// Field values: (field, year) → cell; year `None` for a column without a year.
    #[serde(skip)]
    pub cells: BTreeMap<(Field, Option<u16>), Cell>,
    /// 入驻日期, if readable.
    pub settle: Option<Date>,
    /// The raw settle cell when it is unreadable.
    pub settle_bad: Option<String>,
    /// When this 统一社会信用代码 appeared on an earlier line: that line (the row is counted once).
    pub duplicate_of: Option<u64>,
    /// Why the record could not be read, when it could not ([`Unread`]).
    pub error: Option<String>,
    /// The answer by `szjj-2021`, when the roster was read with [`RosterOptions::szjj`] (none for
    /// skipped and unreadable rows).
    pub szjj: Option<SzjjAnswer>,
}

impl Enterprise {
    /// The cell of a field for a year (or the yearless column).
    pub fn cell(&self, field: Field, year: Option<u16>) -> &Cell {
        self.cells.get(&(field, year)).unwrap_or(&Cell::Blank)
    }
}

/// A column read for a field.
#[derive(Debug, Clone, Serialize)]
pub struct FieldColumn {
    /// The header.
    pub header: String,
    /// The field.
    pub field: Field,
    /// The year, if the header gives one.
    pub year: Option<u16>,
    /// The unit.
    pub unit: Unit,
    /// Where the unit came from: `header` or `option`.
    pub unit_from: &'static str,
}

/// A roster read.
#[derive(Debug, Clone, Serialize)]
pub struct Roster {
    /// The field columns found.
    pub columns: Vec<FieldColumn>,
    /// The park column's header, if any.
    pub park_column: Option<String>,
    /// Every row, in input order.
    pub enterprises: Vec<Enterprise>,
    /// The years of the yearly columns, ascending.
    pub years: Vec<u16>,
}

fn first_year(header: &str) -> Option<u16> {
    let chars: Vec<char> = header.chars().collect();
    chars.windows(4).find_map(|w| {
        let s: String = w.iter().collect();
        let y: u16 = s.parse().ok()?;
        (1990..=2100).contains(&y).then_some(y)
    })
}

fn detect_field(header: &str) -> Option<Field> {
    let has = |words: &[&str]| words.iter().any(|w| header.contains(w));
    if has(&["营业收入", "营收", "主营业务收入"]) {
        Some(Field::Revenue)
    } else if has(&["研发费用", "研发投入"]) {
        Some(Field::RdExpense)
    } else if has(&["纳税", "税收"]) {
        Some(Field::Tax)
    } else if has(&["技术人员"]) {
        Some(Field::TechStaff)
    } else if has(&["本科"]) {
        Some(Field::Bachelor)
    } else if has(&["从业人员", "从业人数", "员工人数", "职工人数"]) {
        Some(Field::Employees)
    } else if has(&["上市"]) {
        Some(Field::Listed)
    } else if has(&["平台"]) {
        Some(Field::Platform)
    } else if has(&["规上", "规模以上"]) {
        Some(Field::Regulated)
    } else {
        None
    }
}

fn header_unit(header: &str) -> Option<Unit> {
    if header.contains("亿元") {
        Some(Unit::Yi)
    } else if header.contains("万元") {
        Some(Unit::Wan)
    } else if header.contains('元') {
        Some(Unit::Yuan)
    } else {
        None
    }
}

fn read_flag(raw: &str, field: Field) -> Cell {
    let t = raw.trim();
    let yes = [
        "是", "Y", "y", "yes", "Yes", "YES", "1", "√", "✓", "true", "TRUE", "规上",
    ];
    let no = [
        "否", "N", "n", "no", "No", "NO", "0", "无", "×", "false", "FALSE", "规下", "-",
    ];
    if t.is_empty() {
        // A blank platform type is "not a platform"; a blank yes/no column is unknown.
        return if field == Field::Platform {
            Cell::Flag { set: false }
        } else {
            Cell::Blank
        };
    }
    if no.contains(&t) {
        Cell::Flag { set: false }
    } else if yes.contains(&t) || field == Field::Platform {
        Cell::Flag { set: true }
    } else {
        Cell::Bad {
            raw: t.to_owned(),
            why: "无法判断是/否".to_owned(),
        }
    }
}

/// Reads `2021-03-01`, `2021/3/1`, `2021.3`, `2021年3月1日`, `2021`.
pub fn read_date(raw: &str) -> Option<Date> {
    let t = raw.trim();
    let parts: Vec<&str> = t
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty()
        || parts.len() > 3
        || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let y: u16 = parts[0]
        .parse()
        .ok()
        .filter(|y| (1900..=2100).contains(y))?;
    let m: u8 = parts
        .get(1)
        .map_or(Some(0), |p| p.parse().ok().filter(|m| (1..=12).contains(m)))?;
    let d: u8 = parts
        .get(2)
        .map_or(Some(0), |p| p.parse().ok().filter(|d| (1..=31).contains(d)))?;
    Some((y, m, d))
}

impl Roster {
    /// Reads a roster from its header and records (physical line, fields).
    pub fn read(
        header: &[String],
        records: &[(u64, Vec<String>)],
        options: &RosterOptions,
    ) -> Result<Roster, RosterError> {
        Roster::read_marked(header, records, &[], options)
    }

    /// Reads a roster whose records include some that could not be read (`unread`, by line):
    /// those are kept in place as `invalid` rows ([`Unread`]).
    pub fn read_marked(
        header: &[String],
        records: &[(u64, Vec<String>)],
        unread: &[Unread],
        options: &RosterOptions,
    ) -> Result<Roster, RosterError> {
        let choice = Choice {
            code_col: options.code_col.as_deref(),
            text_col: options.text_col.as_deref(),
            text_only: options.text_only,
        };
        let layout = find_layout(header, &choice)?;
        let position = |name: &str| {
            header
                .iter()
                .position(|h| h.trim() == name.trim())
                .ok_or_else(|| RosterError::NotFound(name.to_owned()))
        };
        let named = |role: &str| -> Result<Option<usize>, RosterError> {
            match options.columns.iter().find(|(r, _)| r == role) {
                Some((_, h)) => position(h).map(Some),
                None => Ok(None),
            }
        };
        for (role, _) in &options.columns {
            let base = role.split(':').next().unwrap_or(role);
            if !["name", "credit_code", "settle_date"].contains(&base)
                && Field::parse(base).is_none()
            {
                return Err(RosterError::UnknownRole(role.clone()));
            }
        }
        let find = |words: &[&str]| {
            header
                .iter()
                .position(|h| words.iter().any(|w| h.contains(w)))
        };
        let name_col = match named("name")? {
            Some(i) => Some(i),
            None => find(&["企业名称", "单位名称", "公司名称"])
                .or_else(|| header.iter().position(|h| h.trim() == "名称")),
        };
        let credit_col = match named("credit_code")? {
            Some(i) => Some(i),
            None => find(&["信用代码"]),
        };
        let settle_col = match named("settle_date")? {
            Some(i) => Some(i),
            None => find(&["入驻"]),
        };
        let park_col = match &options.park_col {
            Some(h) => Some(position(h)?),
            None => header
                .iter()
                .position(|h| h.contains("园区") && !h.contains("面积")),
        };
        // Field columns: named ones first, then detected ones on other columns.
        let mut taken: Vec<usize> = [name_col, credit_col, settle_col, park_col]
            .into_iter()
            .flatten()
            .collect();
        taken.extend(layout.code_columns());
        taken.extend(layout.text.iter().copied());
        let mut found: Vec<(usize, Field, Option<u16>)> = Vec::new();
        for (role, h) in &options.columns {
            let (base, year) = match role.split_once(':') {
                Some((b, y)) => (b, y.parse::<u16>().ok()),
                None => (role.as_str(), None),
            };
            if let Some(field) = Field::parse(base) {
                let i = position(h)?;
                found.push((i, field, year.or_else(|| first_year(h))));
                taken.push(i);
            }
        }
        for (i, h) in header.iter().enumerate() {
            if taken.contains(&i) {
                continue;
            }
            if let Some(field) = detect_field(h) {
                found.push((i, field, first_year(h)));
            }
        }
        let mut columns: Vec<(usize, FieldColumn)> = Vec::new();
        for (i, field, year) in found {
            let h = &header[i];
            let explicit = options
                .units
                .iter()
                .find(|(name, _)| name == h || name == field.as_str() || name == field.name_zh())
                .map(|(_, u)| *u);
            let (unit, unit_from) = match (explicit, header_unit(h)) {
                (Some(u), _) => (u, "option"),
                (None, Some(u)) if field.is_money() => (u, "header"),
                (None, None) if field.is_money() => return Err(RosterError::NoUnit(h.clone())),
                _ => (
                    if field.is_flag() {
                        Unit::None
                    } else {
                        Unit::People
                    },
                    "header",
                ),
            };
            if let Some((_, other)) = columns
                .iter()
                .find(|(_, c)| c.field == field && c.year == year)
            {
                return Err(RosterError::Ambiguous(
                    other.header.clone(),
                    h.clone(),
                    format!(
                        "{}{}",
                        field.name_zh(),
                        year.map(|y| format!(" {y}")).unwrap_or_default()
                    ),
                ));
            }
            columns.push((
                i,
                FieldColumn {
                    header: h.clone(),
                    field,
                    year,
                    unit,
                    unit_from,
                },
            ));
        }
        let mut years: Vec<u16> = columns.iter().filter_map(|(_, c)| c.year).collect();
        years.sort_unstable();
        years.dedup();

        let get = |fields: &[String], i: Option<usize>| -> Option<String> {
            i.and_then(|i| fields.get(i))
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        let mut enterprises = Vec::with_capacity(records.len());
        let mut seen: BTreeMap<String, u64> = BTreeMap::new();
        for (line, fields) in records {
            if let Some(u) = unread.iter().find(|u| u.line == *line) {
                enterprises.push(Enterprise {
                    line: *line,
                    name: format!("第{line}行"),
                    credit_code: None,
                    park: None,
                    status: Status::Invalid.as_str().to_owned(),
                    reason: u.reason.clone(),
                    industries: String::new(),
                    code: None,
                    code_2011: false,
                    cells: BTreeMap::new(),
                    settle: None,
                    settle_bad: None,
                    duplicate_of: None,
                    error: Some(u.message.clone()),
                    szjj: None,
                });
                continue;
            }
            let outcome = layout.classify(fields, &options.classify);
            let added = row_fields(&outcome);
            let szjj = match &outcome {
                RowOutcome::Classified(_) if options.szjj => {
                    let f = szjj_fields(&layout.classify_szjj(fields, &options.classify));
                    Some(SzjjAnswer {
                        status: f[0].clone(),
                        reason: f[1].clone(),
                        classes: f[2]
                            .split(',')
                            .filter(|c| !c.is_empty())
                            .map(str::to_owned)
                            .collect(),
                    })
                }
                _ => None,
            };
            let (code, code_2011) = match &outcome {
                RowOutcome::Classified(Ok(c)) => (
                    c.code.map(|r: CodeReading| r.code().to_string()),
                    c.code
                        .is_some_and(|r| r.edition() == digicat::Edition::Gbt2011),
                ),
                _ => (None, false),
            };
            let mut cells = BTreeMap::new();
            for (i, col) in &columns {
                let raw = fields.get(*i).map_or("", String::as_str);
                let cell = if col.field.is_flag() {
                    read_flag(raw, col.field)
                } else {
                    match read_cell(raw, col.unit) {
                        Ok(Some(micro)) => Cell::Number { micro },
                        Ok(None) => Cell::Blank,
                        Err(e) => Cell::Bad {
                            raw: raw.trim().to_owned(),
                            why: e.message().to_owned(),
                        },
                    }
                };
                cells.insert((col.field, col.year), cell);
            }
            let settle_raw = get(fields, settle_col);
            let settle = settle_raw.as_deref().and_then(read_date);
            let settle_bad = settle_raw.filter(|_| settle.is_none());
            let credit_code = get(fields, credit_col).map(|c| c.to_uppercase());
            let duplicate_of = credit_code.as_ref().and_then(|c| seen.get(c).copied());
            if let (Some(c), None) = (&credit_code, duplicate_of) {
                seen.insert(c.clone(), *line);
            }
            enterprises.push(Enterprise {
                line: *line,
                name: get(fields, name_col).unwrap_or_else(|| format!("第{line}行")),
                credit_code,
                park: get(fields, park_col),
                status: added[0].clone(),
                reason: added[1].clone(),
                industries: added[2].clone(),
                code,
                code_2011,
                cells,
                settle,
                settle_bad,
                duplicate_of,
                error: None,
                szjj,
            });
        }
        if !enterprises
            .iter()
            .any(|e| e.status != Status::Skipped.as_str())
        {
            return Err(RosterError::Empty);
        }
        Ok(Roster {
            columns: columns.into_iter().map(|(_, c)| c).collect(),
            park_column: park_col.map(|i| header[i].clone()),
            enterprises,
            years,
        })
    }

    /// The names results can be grouped under: the parks, then `全部名册` (the whole roster).
    pub fn group_names(&self) -> Vec<String> {
        let mut names = self.parks();
        names.push(crate::evaluate::WHOLE_ROSTER.to_owned());
        names
    }

    /// The parks, in order of first appearance.
    pub fn parks(&self) -> Vec<String> {
        let mut parks: Vec<String> = Vec::new();
        for e in &self.enterprises {
            if let Some(p) = &e.park {
                if !parks.contains(p) {
                    parks.push(p.clone());
                }
            }
        }
        parks
    }
}
