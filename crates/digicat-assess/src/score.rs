//! Scores out of a weighted criteria set (cluster-2021's 25 indicators): the computed
//! indicators scored from their verdicts, the expert-scored ones from a score sheet the user
//! gives, and the total as a range until every indicator has a score.
//!
//! The scheme prints weights but no scoring rule for its quantitative indicators. digicat's
//! reading (recorded in `data/criteria/README.md`): an indicator whose criteria are all met
//! scores its full weight, one with a criterion not met scores 0, an undetermined or uncomputed
//! one scores somewhere in 0…weight. A score in the sheet always takes precedence: the experts'
//! score is the one that counts.

use crate::criteria::{CriteriaSet, Metric};
use crate::evaluate::{GroupResult, Verdict};
use crate::quantity::{read_cell, Micro, Unit, ONE};
use serde::Serialize;
use std::collections::BTreeMap;

/// One score of the sheet: (criteria set, group or `None` for every group, indicator) → score.
type Key = (String, Option<String>, u32);

/// A score sheet as read: the experts' scores per group and indicator.
#[derive(Debug, Clone, Default)]
pub struct ScoreSheet {
    /// The sheet's name for messages.
    pub name: String,
    scores: BTreeMap<Key, (Micro, u64)>,
}

/// Where an indicator's score comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreSource {
    /// The score sheet.
    Sheet,
    /// The verdicts of its computed criteria (met: full weight; not met: 0).
    Verdict,
    /// Not known: expert-scored without a sheet score, or undetermined (0 … weight).
    Missing,
}

impl ScoreSource {
    /// Chinese label.
    pub fn name_zh(self) -> &'static str {
        match self {
            ScoreSource::Sheet => "评分表",
            ScoreSource::Verdict => "按计算结论",
            ScoreSource::Missing => "未评分",
        }
    }
}

/// One indicator's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorScore {
    /// The indicator number.
    pub indicator: u32,
    /// Its weight.
    pub weight: u32,
    /// The criterion ids behind it.
    pub criteria: Vec<String>,
    /// The lowest possible score.
    pub low: f64,
    /// The highest possible score (equal to `low` when known).
    pub high: f64,
    /// Where the score comes from.
    pub source: ScoreSource,
    /// The source in Chinese.
    pub source_zh: &'static str,
}

/// The score of one group on one weighted criteria set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// The group (park or `全部名册`).
    pub group: String,
    /// The criteria set.
    pub set: String,
    /// The sum of the indicators' weights as printed.
    pub out_of: u32,
    /// The lowest possible total.
    pub low: f64,
    /// The highest possible total (equal to `low` when complete).
    pub high: f64,
    /// `true` when every indicator has a known score.
    pub complete: bool,
    /// The indicators without a known score.
    pub missing: Vec<u32>,
    /// Every indicator, in order.
    pub indicators: Vec<IndicatorScore>,
}

/// A score or a range of scores: `71`, `45.5–83`.
pub fn range_text(low: f64, high: f64) -> String {
    if low == high {
        format!("{low}")
    } else {
        format!("{low}–{high}")
    }
}

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
}

impl ScoreSheet {
    /// Reads a score sheet: columns 指标 (indicator number or criterion id), 得分 (score), and
    /// optionally 园区 (the group; blank or `*` = every group) and 准则集 (needed only when
    /// several weighted sets are chosen). Every row is checked against `sets` and `groups`; the
    /// first problem refuses the sheet with its line and reason.
    pub fn read(
        name: &str,
        header: &[String],
        rows: &[(u64, Vec<String>)],
        sets: &[CriteriaSet],
        groups: &[String],
    ) -> Result<ScoreSheet, String> {
        let need = |names: &[&str], what: &str| {
            column(header, names).ok_or_else(|| {
                format!(
                    "评分表 {name}：找不到“{what}”列（表头：{}）",
                    header.join("、")
                )
            })
        };
        let indicator_col = need(&["指标", "序号", "indicator"], "指标")?;
        let score_col = need(&["得分", "分数", "score"], "得分")?;
        let group_col = column(header, &["园区", "集聚区", "park", "group"]);
        let set_col = column(header, &["准则集", "criteria", "set"]);
        let weighted: Vec<&CriteriaSet> = sets.iter().filter(|s| s.total_weight() > 0).collect();
        if weighted.is_empty() {
            return Err(format!(
                "评分表 {name}：所选准则集都没有权重，无需评分表（有权重的如 cluster-2021）"
            ));
        }
        let mut sheet = ScoreSheet {
            name: name.to_owned(),
            scores: BTreeMap::new(),
        };
        for (line, fields) in rows {
            let cell = |i: Option<usize>| {
                i.and_then(|i| fields.get(i))
                    .map_or("", |s| s.trim())
                    .to_owned()
            };
            let indicator = cell(Some(indicator_col));
            let raw_score = cell(Some(score_col));
            if fields.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let at = |why: String| format!("评分表 {name} 第 {line} 行：{why}");
            let set = match (cell(set_col).as_str(), weighted.as_slice()) {
                ("", [only]) => *only,
                ("", _) => {
                    return Err(at("选用了多个有权重的准则集，请在“准则集”列写明".to_owned()))
                }
                (id, _) => weighted
                    .iter()
                    .copied()
                    .find(|s| s.id == id)
                    .ok_or_else(|| at(format!("准则集“{id}”未选用或没有权重")))?,
            };
            let criteria: Vec<_> = set
                .criteria
                .iter()
                .filter(|c| {
                    c.indicator.is_some()
                        && (c.id == indicator
                            || c.indicator.map(|i| i.to_string()) == Some(indicator.clone()))
                })
                .collect();
            let (number, weight) = match criteria
                .first()
                .and_then(|c| Some((c.indicator?, c.weight?)))
            {
                Some(found) => found,
                None => return Err(at(format!("{} 没有指标“{indicator}”", set.id))),
            };
            let score = match read_cell(&raw_score, Unit::None) {
                Ok(Some(v)) => v,
                Ok(None) => return Err(at(format!("指标 {number} 没有得分"))),
                Err(e) => return Err(at(format!("得分“{raw_score}”无法读取：{}", e.message()))),
            };
            if score > Micro::from(weight) * ONE {
                return Err(at(format!(
                    "指标 {number} 得分 {raw_score} 超过其权重 {weight}"
                )));
            }
            let group = match cell(group_col).as_str() {
                "" | "*" => None,
                g if groups.iter().any(|x| x == g) => Some(g.to_owned()),
                g => {
                    return Err(at(format!(
                        "园区“{g}”不在名册中（名册的园区：{}）",
                        groups.join("、")
                    )))
                }
            };
            let key = (set.id.clone(), group, number);
            if let Some((_, first)) = sheet.scores.get(&key) {
                return Err(at(format!("指标 {number} 已在第 {first} 行评分")));
            }
            sheet.scores.insert(key, (score, *line));
        }
        Ok(sheet)
    }

    /// The sheet's score of an indicator for a group (the group's own, else the one for all).
    fn get(&self, set: &str, group: &str, indicator: u32) -> Option<Micro> {
        let key = |g: Option<String>| (set.to_owned(), g, indicator);
        self.scores
            .get(&key(Some(group.to_owned())))
            .or_else(|| self.scores.get(&key(None)))
            .map(|(s, _)| *s)
    }
}

/// The scores of every group on every weighted set, from the groups' outcomes and the sheet.
pub fn scores(sets: &[CriteriaSet], groups: &[GroupResult], sheet: &ScoreSheet) -> Vec<Score> {
    let mut out = Vec::new();
    for set in sets.iter().filter(|s| s.total_weight() > 0) {
        let mut numbers: Vec<(u32, u32)> = set
            .criteria
            .iter()
            .filter_map(|c| Some((c.indicator?, c.weight?)))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        for g in groups {
            let outcomes: Vec<_> = g.results.iter().filter(|o| o.set == set.id).collect();
            if outcomes.is_empty() {
                continue;
            }
            let indicators: Vec<IndicatorScore> = numbers
                .iter()
                .map(|&(indicator, weight)| {
                    let behind: Vec<_> = outcomes
                        .iter()
                        .filter(|o| o.indicator == Some(indicator))
                        .collect();
                    let w = f64::from(weight);
                    let (low, high, source) = match sheet.get(&set.id, &g.group, indicator) {
                        Some(s) => {
                            let s = s as f64 / ONE as f64;
                            (s, s, ScoreSource::Sheet)
                        }
                        None => {
                            let expert = set.criteria.iter().any(|c| {
                                c.indicator == Some(indicator) && c.metric == Metric::Expert
                            });
                            let all_met = behind.iter().all(|o| o.verdict == Verdict::Met);
                            let any_missed = behind.iter().any(|o| o.verdict == Verdict::NotMet);
                            if expert || behind.is_empty() {
                                (0.0, w, ScoreSource::Missing)
                            } else if any_missed {
                                (0.0, 0.0, ScoreSource::Verdict)
                            } else if all_met {
                                (w, w, ScoreSource::Verdict)
                            } else {
                                (0.0, w, ScoreSource::Missing)
                            }
                        }
                    };
                    IndicatorScore {
                        indicator,
                        weight,
                        criteria: behind.iter().map(|o| o.id.clone()).collect(),
                        low,
                        high,
                        source,
                        source_zh: source.name_zh(),
                    }
                })
                .collect();
            let missing: Vec<u32> = indicators
                .iter()
                .filter(|i| i.source == ScoreSource::Missing)
                .map(|i| i.indicator)
                .collect();
            out.push(Score {
                group: g.group.clone(),
                set: set.id.clone(),
                out_of: set.total_weight(),
                low: indicators.iter().map(|i| i.low).sum(),
                high: indicators.iter().map(|i| i.high).sum(),
                complete: missing.is_empty(),
                missing,
                indicators,
            });
        }
    }
    out
}
