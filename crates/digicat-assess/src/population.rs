//! Who a criterion counts, and by which catalogue: the `population` column of a criteria file.
//!
//! | written | counts | catalogue |
//! | --- | --- | --- |
//! | `-` | nobody (a park attribute, or not computed) | — |
//! | `all` | every enterprise of the group | — |
//! | `in_scope` | enterprises in the Dongguan catalogue (东工信〔2019〕160号 附件) | `dongguan-2019` |
//! | `gbt:39`, `gbt:64,65` | enterprises whose industry code, as read, starts with one of these GB/T 4754 大类 | `gbt-4754` |
//! | `szjj:core` | 数字经济核心产业: in 01–04 of 《数字经济及其核心产业统计分类（2021）》 | `szjj-2021` |
//! | `szjj:01`, `szjj:0301,0304`, `szjj:010508` | in these 大类, 中类 or 小类 of the same classification | `szjj-2021` |
//!
//! A `needs_review` record is a possible member (the value becomes a range) when its candidates
//! reach into the population; it is out when none of them does.

use serde::Serialize;

/// Which enterprises a criterion counts (before the filter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "divisions", rename_all = "snake_case")]
pub enum Population {
    /// `-`: no enterprises (a park attribute or a criterion that is not computed).
    None,
    /// `all`: every enterprise of the group.
    All,
    /// `in_scope`: enterprises the catalogue places in scope (needs_review ones make a range).
    InScope,
    /// `gbt:64,65`: enterprises whose GB/T 4754 code (as read from the roster) lies in these 大类.
    Divisions(Vec<String>),
    /// `szjj:…`: enterprises whose `szjj-2021` classes lie under these codes (2-digit 大类, 4-digit
    /// 中类, 6-digit 小类; `core` is 01–04).
    Szjj(Vec<String>),
}

/// The catalogue id of `in_scope` (the Dongguan catalogue).
pub const DONGGUAN: &str = "dongguan-2019";
/// The catalogue id of `szjj:` populations.
pub const SZJJ: &str = "szjj-2021";
/// The id given for `gbt:` populations: the industry code itself, GB/T 4754.
pub const GBT: &str = "gbt-4754";

const CORE: [&str; 4] = ["01", "02", "03", "04"];

impl Population {
    /// Reads the `population` cell, validating every code; the error names what is wrong.
    pub fn parse(s: &str) -> Result<Population, String> {
        match s {
            "-" => return Ok(Population::None),
            "all" => return Ok(Population::All),
            "in_scope" => return Ok(Population::InScope),
            _ => {}
        }
        if let Some(list) = s.strip_prefix("gbt:") {
            let divisions: Vec<String> = list.split(',').map(|d| d.trim().to_owned()).collect();
            if divisions
                .iter()
                .any(|d| d.len() != 2 || !d.bytes().all(|b| b.is_ascii_digit()))
            {
                return Err(format!(
                    "population {s:?}: gbt: takes two-digit 大类 like gbt:64,65"
                ));
            }
            return Ok(Population::Divisions(divisions));
        }
        if let Some(list) = s.strip_prefix("szjj:") {
            if list == "core" {
                return Ok(Population::Szjj(CORE.map(str::to_owned).to_vec()));
            }
            let codes: Vec<String> = list.split(',').map(|d| d.trim().to_owned()).collect();
            for code in &codes {
                szjj_name(code).map_err(|why| format!("population {s:?}: {code}: {why}"))?;
            }
            return Ok(Population::Szjj(codes));
        }
        Err(format!(
            "population {s:?}: expected -, all, in_scope, gbt:NN[,NN] or szjj:core / szjj:CODE[,CODE] (大类 01–04, 中类, 小类)"
        ))
    }

    /// The catalogue it counts by: `dongguan-2019`, `szjj-2021`, `gbt-4754`, or `None` (`all`, `-`).
    pub fn catalogue(&self) -> Option<&'static str> {
        match self {
            Population::None | Population::All => None,
            Population::InScope => Some(DONGGUAN),
            Population::Divisions(_) => Some(GBT),
            Population::Szjj(_) => Some(SZJJ),
        }
    }

    /// `true` when records must be classified by `szjj-2021` to count it.
    pub fn needs_szjj(&self) -> bool {
        matches!(self, Population::Szjj(_))
    }

    /// `true` when a `szjj-2021` class code (`030304`) lies in the population.
    pub fn has_szjj_class(&self, class: &str) -> bool {
        match self {
            Population::Szjj(codes) => codes.iter().any(|c| class.starts_with(c.as_str())),
            _ => false,
        }
    }

    /// What it counts, in Chinese (`数字经济核心产业（……01–04）`).
    pub fn name_zh(&self) -> String {
        match self {
            Population::None => "不计企业（园区属性或不计算的准则）".to_owned(),
            Population::All => "全部企业".to_owned(),
            Population::InScope => {
                "属于《东莞市数字产业集聚试点园区重点发展产业、产品和服务目录表（试行）》的企业"
                    .to_owned()
            }
            Population::Divisions(ds) => format!(
                "GB/T 4754 大类 {}",
                ds.iter()
                    .map(|d| {
                        let name = digicat::Code::parse(d)
                            .ok()
                            .and_then(|c| c.name())
                            .unwrap_or("");
                        format!("{d} {name}").trim_end().to_owned()
                    })
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            Population::Szjj(codes) if codes.iter().map(String::as_str).eq(CORE) => {
                "数字经济核心产业（《数字经济及其核心产业统计分类（2021）》01–04 大类）".to_owned()
            }
            Population::Szjj(codes) => format!(
                "《数字经济及其核心产业统计分类（2021）》{}",
                codes
                    .iter()
                    .map(|c| format!("{c} {}", szjj_name(c).unwrap_or("")))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
        }
    }
}

/// The name of a `szjj-2021` 大类, 中类 or 小类 that records can be classified into, or why not.
fn szjj_name(code: &str) -> Result<&'static str, &'static str> {
    use digicat::szjj;
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err("not a code (2, 4 or 6 digits, or core)");
    }
    match code.len() {
        2 => match szjj::divisions().iter().find(|d| d.code() == code) {
            Some(d) if d.is_classifiable() => Ok(d.name()),
            Some(_) => Err("05 数字化效率提升业 is never a classification result (05 不作分类结果)"),
            None => Err("no such 大类"),
        },
        4 => match szjj::groups().iter().find(|g| g.code() == code) {
            Some(g) if g.division().is_classifiable() => Ok(g.name()),
            Some(_) => Err("05 数字化效率提升业 is never a classification result (05 不作分类结果)"),
            None => Err("no such 中类"),
        },
        6 => match szjj::class(code) {
            Some(c) if !c.is_classifiable() => {
                Err("05 数字化效率提升业 is never a classification result (05 不作分类结果)")
            }
            Some(c)
                if c.gbt().is_empty()
                    && c.terms()
                        .iter()
                        .all(|t| t.decision() == szjj::Decision::Rejected) =>
            {
                Err(
                "no GB/T code or term leads to this 小类: it would always count 0 (无行业代码对应，计数恒为 0)",
                )
            }
            Some(c) => Ok(c.name()),
            None => Err("no such 小类"),
        },
        _ => Err("not a code (2, 4 or 6 digits, or core)"),
    }
}
