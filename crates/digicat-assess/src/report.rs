//! The JSON report: schema `digicat-assess/1`.

use crate::criteria::CriteriaSet;
use crate::evaluate::{evaluate, Attributes, GroupResult};
use crate::roster::{FieldColumn, Roster, Unread};
use crate::score::{scores, Score, ScoreSheet};
use serde::Serialize;

/// The schema name written in every report.
pub const SCHEMA: &str = "digicat-assess/1";

/// A duplicate 统一社会信用代码.
#[derive(Debug, Clone, Serialize)]
pub struct Duplicate {
    /// The repeated line (not counted).
    pub line: u64,
    /// The line counted.
    pub duplicate_of: u64,
    /// The code.
    pub credit_code: String,
}

/// One enterprise as read.
#[derive(Debug, Clone, Serialize)]
pub struct EnterpriseRow {
    /// Line.
    pub line: u64,
    /// Name.
    pub name: String,
    /// 统一社会信用代码.
    pub credit_code: Option<String>,
    /// Park.
    pub park: Option<String>,
    /// Classification status.
    pub status: String,
    /// Reason.
    pub reason: String,
    /// Industry ids.
    pub industries: String,
    /// GB/T code read.
    pub code: Option<String>,
    /// Counted (not skipped, not a duplicate).
    pub counted: bool,
    /// Revenue of the latest year in 元, when readable.
    pub revenue_latest_yuan: Option<f64>,
    /// Why the record could not be read, when it could not.
    pub error: Option<String>,
    /// Status by `szjj-2021` (only when a criterion counts a `szjj:` population).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub szjj_status: Option<String>,
    /// Its reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub szjj_reason: Option<String>,
    /// Its 小类 (candidates for needs_review), comma-separated (`030304,030307`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub szjj_classes: Option<String>,
}

/// What was read from the roster.
#[derive(Debug, Clone, Serialize)]
pub struct RosterSummary {
    /// Rows read (every one, in order).
    pub rows: usize,
    /// Enterprises counted.
    pub counted: usize,
    /// Rows skipped (blank, footer).
    pub skipped: Vec<u64>,
    /// Duplicates, counted once.
    pub duplicates: Vec<Duplicate>,
    /// Rows without a park (left out of per-park results).
    pub without_park: Vec<u64>,
    /// Records that could not be read: kept as `invalid` rows, possible members of every park.
    pub unread: Vec<Unread>,
    /// The park column.
    pub park_column: Option<String>,
    /// Field columns and their units.
    pub columns: Vec<FieldColumn>,
    /// Years of the yearly columns.
    pub years: Vec<u16>,
}

/// A criteria set used.
#[derive(Debug, Clone, Serialize)]
pub struct SetSummary {
    /// Its id.
    pub id: String,
    /// Rows.
    pub criteria: usize,
    /// Sum of weights of distinct indicators (0 when unscored).
    pub total_weight: u32,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// `digicat-assess/1`.
    pub schema: &'static str,
    /// The roster.
    pub roster: RosterSummary,
    /// The criteria sets.
    pub criteria_sets: Vec<SetSummary>,
    /// Results per group.
    pub groups: Vec<GroupResult>,
    /// Scores out of each weighted set's weights, per group (expert scores from the sheet).
    pub scores: Vec<Score>,
    /// Every row.
    pub enterprises: Vec<EnterpriseRow>,
}

impl Report {
    /// Evaluates `sets` on `roster`, scores the weighted sets (with the experts' `sheet`) and
    /// gathers the report.
    pub fn build(
        roster: &Roster,
        sets: &[CriteriaSet],
        attrs: &Attributes,
        sheet: &ScoreSheet,
    ) -> Report {
        let criteria: Vec<_> = sets
            .iter()
            .flat_map(|s| s.criteria.iter().cloned())
            .collect();
        let groups = evaluate(roster, &criteria, attrs);
        let has_parks = roster.park_column.is_some();
        let counted = |e: &crate::roster::Enterprise| {
            e.status != "skipped" && e.duplicate_of.is_none() && e.error.is_none()
        };
        Report {
            schema: SCHEMA,
            roster: RosterSummary {
                rows: roster.enterprises.len(),
                counted: roster.enterprises.iter().filter(|e| counted(e)).count(),
                skipped: roster
                    .enterprises
                    .iter()
                    .filter(|e| e.status == "skipped")
                    .map(|e| e.line)
                    .collect(),
                duplicates: roster
                    .enterprises
                    .iter()
                    .filter_map(|e| {
                        Some(Duplicate {
                            line: e.line,
                            duplicate_of: e.duplicate_of?,
                            credit_code: e.credit_code.clone()?,
                        })
                    })
                    .collect(),
                without_park: if has_parks {
                    roster
                        .enterprises
                        .iter()
                        .filter(|e| counted(e) && e.park.is_none())
                        .map(|e| e.line)
                        .collect()
                } else {
                    Vec::new()
                },
                unread: roster
                    .enterprises
                    .iter()
                    .filter_map(|e| {
                        Some(Unread {
                            line: e.line,
                            reason: e.reason.clone(),
                            message: e.error.clone()?,
                        })
                    })
                    .collect(),
                park_column: roster.park_column.clone(),
                columns: roster.columns.clone(),
                years: roster.years.clone(),
            },
            criteria_sets: sets
                .iter()
                .map(|s| SetSummary {
                    id: s.id.clone(),
                    criteria: s.criteria.len(),
                    total_weight: s.total_weight(),
                })
                .collect(),
            scores: scores(sets, &groups, sheet),
            groups,
            enterprises: roster
                .enterprises
                .iter()
                .map(|e| EnterpriseRow {
                    line: e.line,
                    name: e.name.clone(),
                    credit_code: e.credit_code.clone(),
                    park: e.park.clone(),
                    status: e.status.clone(),
                    reason: e.reason.clone(),
                    industries: e.industries.clone(),
                    code: e.code.clone(),
                    counted: counted(e),
                    revenue_latest_yuan: roster.years.last().and_then(|y| {
                        match e.cell(crate::criteria::Field::Revenue, Some(*y)) {
                            crate::roster::Cell::Number { micro } => {
                                Some(*micro as f64 / crate::quantity::ONE as f64)
                            }
                            _ => None,
                        }
                    }),
                    error: e.error.clone(),
                    szjj_status: e.szjj.as_ref().map(|a| a.status.clone()),
                    szjj_reason: e.szjj.as_ref().map(|a| a.reason.clone()),
                    szjj_classes: e.szjj.as_ref().map(|a| a.classes.join(",")),
                })
                .collect(),
        }
    }

    /// The report as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// A status or reason code of the report (`needs_review`, `coarse_code`) as the HTML and XLSX
/// reports, written in Chinese, show it: its Chinese label (`需人工复核`, `行业代码不到小类`), from
/// the core's table; a code without one as it is. The JSON report keeps the codes.
pub(crate) fn label_zh(code: &str) -> &str {
    use digicat::report::{label, Lang};
    label(code, Lang::Zh).unwrap_or(code)
}

#[cfg(test)]
mod tests {
    #[test]
    fn statuses_and_reasons_have_chinese_labels() {
        use super::label_zh;
        assert_eq!(label_zh("needs_review"), "需人工复核");
        assert_eq!(label_zh("coarse_code"), "行业代码不到小类");
        assert_eq!(label_zh("malformed_code"), "行业代码格式错误");
        assert_eq!(label_zh("malformed_record"), "记录字段数与表头不符");
        assert_eq!(label_zh(""), "");
    }
}
