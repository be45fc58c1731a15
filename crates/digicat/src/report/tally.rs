//! Counting a batch: rows per status, per reason, per industry, and per value of grouping
//! columns (镇街, 园区 …). The one tally behind the CLI's summary (standard error, `--summary`
//! file, the workbook's summary sheet) and Python's `digicat.pandas.summarize`.

use super::Lang;
use crate::catalogue::industries;
use crate::classify::Status;
use std::collections::HashMap;

/// Columns of the summary table ([`Tally::table`]) with `--lang en`: what is counted (`status`,
/// `reason`, `industry`, `group_status`, `group_industry`), the grouping column and value, the
/// status, reason, industry id and name, then the counts: rows, and for industries the rows in
/// scope and the rows needing review whose industries include it.
pub const SUMMARY_COLUMNS_EN: [&str; 10] = [
    "by",
    "group_column",
    "group",
    "status",
    "reason",
    "industry",
    "industry_name",
    "rows",
    "in_scope",
    "needs_review",
];

/// Chinese names of the summary table's columns, in the order of [`SUMMARY_COLUMNS_EN`].
pub const SUMMARY_COLUMNS_ZH: [&str; 10] = [
    "统计项",
    "分组列",
    "分组",
    "状态",
    "原因",
    "产业编号",
    "产业名称",
    "行数",
    "属于目录",
    "需人工复核",
];

/// Which columns of the summary table hold whole numbers (industry id and the counts).
pub const SUMMARY_NUMERIC: [bool; 10] = [
    false, false, false, false, false, true, false, true, true, true,
];

/// The summary table's column names in `lang`.
pub fn summary_columns(lang: Lang) -> &'static [&'static str; 10] {
    match lang {
        Lang::En => &SUMMARY_COLUMNS_EN,
        Lang::Zh => &SUMMARY_COLUMNS_ZH,
    }
}

/// The `by` values of the summary table in `lang`: status, reason, industry, group_status,
/// group_industry.
fn by_names(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::En => [
            "status",
            "reason",
            "industry",
            "group_status",
            "group_industry",
        ],
        Lang::Zh => ["状态", "原因", "产业", "分组状态", "分组产业"],
    }
}

/// Counts of one set of rows: per status (in the order of [`Status::ALL`]) and per industry (in
/// the order of [`industries()`]: rows in scope, rows needing review whose industries include it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    /// Rows counted.
    pub rows: u64,
    /// Rows per status, in the order of [`Status::ALL`].
    pub by_status: [u64; Status::ALL.len()],
    /// Per industry, in the order of [`industries()`]: `[in_scope, needs_review]`.
    pub by_industry: Vec<[u64; 2]>,
}

impl Default for Counts {
    fn default() -> Counts {
        Counts {
            rows: 0,
            by_status: [0; Status::ALL.len()],
            by_industry: vec![[0; 2]; industries().len()],
        }
    }
}

impl Counts {
    /// Rows with `status`.
    pub fn status(&self, status: Status) -> u64 {
        Status::ALL
            .iter()
            .position(|s| *s == status)
            .map_or(0, |i| self.by_status[i])
    }

    fn add(&mut self, status: Status, industry_ids: &[u8]) {
        self.rows += 1;
        if let Some(i) = Status::ALL.iter().position(|s| *s == status) {
            self.by_status[i] += 1;
        }
        let column = match status {
            Status::InScope => 0,
            Status::NeedsReview => 1,
            _ => return,
        };
        for id in industry_ids {
            if let Some(i) = industries().iter().position(|ind| ind.id() == *id) {
                self.by_industry[i][column] += 1;
            }
        }
    }
}

/// The counts of one grouping column: one [`Counts`] per distinct value, in order of first
/// appearance (an empty cell is a value of its own, the empty string).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grouping {
    /// The column's header.
    pub column: String,
    /// `(value, counts)` in order of first appearance.
    pub groups: Vec<(String, Counts)>,
    index: HashMap<String, usize>,
}

/// Counts gathered row by row. Memory: a fixed size plus, per grouping column, one [`Counts`] per
/// distinct value (bounded by the number of distinct values, not by the number of rows).
///
/// ```
/// use digicat::report::Tally;
/// use digicat::Status;
/// let mut t = Tally::new(vec!["镇街".into()]);
/// t.add(Status::InScope, "whole_class", &[4], &["松山湖"]);
/// t.add(Status::NeedsReview, "no_product_evidence", &[1, 3], &["南城"]);
/// t.add(Status::InScope, "listed_product", &[3], &["松山湖"]);
/// assert_eq!(t.total().status(Status::InScope), 2);
/// assert_eq!(t.total().by_industry[2], [1, 1]); // industry 3: one in scope, one to review
/// let town = &t.groupings()[0];
/// assert_eq!(town.groups[0].0, "松山湖");
/// assert_eq!(town.groups[0].1.rows, 2);
/// assert_eq!(t.reasons()[0], (Status::InScope, "whole_class".to_string(), 1));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    total: Counts,
    /// (status, reason, rows) in order of first appearance.
    by_reason: Vec<(Status, String, u64)>,
    groupings: Vec<Grouping>,
}

impl Tally {
    /// An empty tally grouping by the columns named `group_columns` (none: totals only).
    pub fn new(group_columns: Vec<String>) -> Tally {
        Tally {
            total: Counts::default(),
            by_reason: Vec::new(),
            groupings: group_columns
                .into_iter()
                .map(|column| Grouping {
                    column,
                    ..Grouping::default()
                })
                .collect(),
        }
    }

    /// Counts one row: its status, reason name (an engine reason, an error kind, or a batch
    /// surface's own reason such as `malformed_record`), its industry ids (candidates for
    /// `needs_review`; only counted for `in_scope` and `needs_review`) and its value in each
    /// grouping column, in the order given to [`Tally::new`] (missing values count as empty).
    pub fn add(
        &mut self,
        status: Status,
        reason: &str,
        industry_ids: &[u8],
        group_values: &[&str],
    ) {
        self.total.add(status, industry_ids);
        match self
            .by_reason
            .iter_mut()
            .find(|(s, r, _)| *s == status && r == reason)
        {
            Some(entry) => entry.2 += 1,
            None => self.by_reason.push((status, reason.to_owned(), 1)),
        }
        for (i, grouping) in self.groupings.iter_mut().enumerate() {
            let value = group_values.get(i).copied().unwrap_or("");
            let at = match grouping.index.get(value) {
                Some(at) => *at,
                None => {
                    grouping.groups.push((value.to_owned(), Counts::default()));
                    grouping
                        .index
                        .insert(value.to_owned(), grouping.groups.len() - 1);
                    grouping.groups.len() - 1
                }
            };
            grouping.groups[at].1.add(status, industry_ids);
        }
    }

    /// The counts of every row.
    pub fn total(&self) -> &Counts {
        &self.total
    }

    /// `(status, reason, rows)` in order of first appearance.
    pub fn reasons(&self) -> &[(Status, String, u64)] {
        &self.by_reason
    }

    /// One [`Grouping`] per grouping column, in the order given to [`Tally::new`].
    pub fn groupings(&self) -> &[Grouping] {
        &self.groupings
    }
}

impl Tally {
    /// The counts as one long table, columns [`summary_columns`]: one row per status (every
    /// status, zeros included), per (status, reason) seen, per industry (every industry), then
    /// per grouping column and value: the value's rows (status empty), one row per status
    /// present, and one row per industry with rows in scope or to review. Statuses and reasons
    /// are written as [`Status::label`] and [`super::reason_label`] give them in `lang` (the
    /// stable codes with `Lang::En`). Empty cells are empty strings; the numeric columns
    /// ([`SUMMARY_NUMERIC`]) hold decimal integers.
    pub fn table(&self, lang: Lang) -> Vec<[String; 10]> {
        let by = by_names(lang);
        let mut out = Vec::new();
        let row = |by: &str,
                   group: Option<(&str, &str)>,
                   status: Option<Status>,
                   reason: Option<&str>,
                   industry: Option<(u8, &str)>,
                   counts: [Option<u64>; 3]| {
            let n = |c: Option<u64>| c.map_or_else(String::new, |c| c.to_string());
            [
                by.to_owned(),
                group.map_or_else(String::new, |g| g.0.to_owned()),
                group.map_or_else(String::new, |g| g.1.to_owned()),
                status.map_or_else(String::new, |s| s.label(lang).to_owned()),
                reason.map_or_else(String::new, |r| super::reason_label(r, lang).to_owned()),
                industry.map_or_else(String::new, |i| i.0.to_string()),
                industry.map_or_else(String::new, |i| i.1.to_owned()),
                n(counts[0]),
                n(counts[1]),
                n(counts[2]),
            ]
        };
        for (i, status) in Status::ALL.iter().enumerate() {
            let n = self.total.by_status[i];
            out.push(row(
                by[0],
                None,
                Some(*status),
                None,
                None,
                [Some(n), None, None],
            ));
        }
        for status in Status::ALL {
            for (s, reason, n) in &self.by_reason {
                if *s == status {
                    out.push(row(
                        by[1],
                        None,
                        Some(status),
                        Some(reason),
                        None,
                        [Some(*n), None, None],
                    ));
                }
            }
        }
        let industry_rows = |counts: &Counts, by: &str, group: Option<(&str, &str)>, all: bool| {
            let mut rows = Vec::new();
            for (industry, [scope, review]) in industries().iter().zip(&counts.by_industry) {
                if all || scope + review > 0 {
                    rows.push(row(
                        by,
                        group,
                        None,
                        None,
                        Some((industry.id(), industry.name())),
                        [Some(scope + review), Some(*scope), Some(*review)],
                    ));
                }
            }
            rows
        };
        out.extend(industry_rows(&self.total, by[2], None, true));
        for grouping in &self.groupings {
            for (value, counts) in &grouping.groups {
                let group = Some((grouping.column.as_str(), value.as_str()));
                out.push(row(
                    by[3],
                    group,
                    None,
                    None,
                    None,
                    [Some(counts.rows), None, None],
                ));
                for (i, status) in Status::ALL.iter().enumerate() {
                    let n = counts.by_status[i];
                    if n > 0 {
                        out.push(row(
                            by[3],
                            group,
                            Some(*status),
                            None,
                            None,
                            [Some(n), None, None],
                        ));
                    }
                }
            }
            for (value, counts) in &grouping.groups {
                let group = Some((grouping.column.as_str(), value.as_str()));
                out.extend(industry_rows(counts, by[4], group, false));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_count_apart_and_sum_to_the_total() {
        let mut t = Tally::new(vec!["镇街".into(), "园区".into()]);
        t.add(Status::InScope, "whole_class", &[4], &["东城", "A"]);
        t.add(Status::Invalid, "malformed_code", &[], &["东城"]);
        t.add(Status::OutOfScope, "nothing_named", &[], &["", "B"]);
        t.add(Status::NeedsReview, "no_code", &[2, 3], &["长安", "A"]);
        let towns = &t.groupings()[0];
        let names: Vec<&str> = towns.groups.iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(names, ["东城", "", "长安"]);
        assert_eq!(towns.groups[0].1.status(Status::Invalid), 1);
        let parks = &t.groupings()[1];
        assert_eq!(parks.groups[1].0, "", "a missing value counts as empty");
        let sum: u64 = parks.groups.iter().map(|(_, c)| c.rows).sum();
        assert_eq!(sum, t.total().rows);
        assert_eq!(t.total().by_industry[1], [0, 1]);
        assert_eq!(t.total().by_industry[3], [1, 0]);
        assert_eq!(t.reasons().len(), 4);
    }

    #[test]
    fn the_table_has_every_status_and_industry_and_the_groups() {
        let mut t = Tally::new(vec!["镇街".into()]);
        t.add(Status::InScope, "whole_class", &[4], &["东城"]);
        t.add(Status::NeedsReview, "no_code", &[2, 3], &["长安"]);
        t.add(Status::NeedsReview, "no_code", &[3], &["长安"]);
        let table = t.table(Lang::En);
        let by = |b: &str| table.iter().filter(|r| r[0] == b).count();
        assert_eq!(by("status"), Status::ALL.len());
        assert_eq!(by("reason"), 2);
        assert_eq!(by("industry"), industries().len());
        // 东城: total + in_scope; 长安: total + needs_review.
        assert_eq!(by("group_status"), 4);
        // 东城: industry 4; 长安: industries 2 and 3.
        assert_eq!(by("group_industry"), 3);
        let three = table
            .iter()
            .find(|r| r[0] == "group_industry" && r[2] == "长安" && r[5] == "3")
            .unwrap();
        assert_eq!(&three[7..], ["2", "0", "2"]);
        let zh = t.table(Lang::Zh);
        assert_eq!(zh[0][0], "状态");
        assert_eq!(zh.len(), table.len());
    }
}
