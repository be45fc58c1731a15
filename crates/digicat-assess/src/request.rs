//! What a caller asks for, as text (the CLI's options, Python's keyword arguments), read once
//! here so that every surface gets the same criteria, attributes and units.

use crate::criteria::{CriteriaSet, ATTRIBUTES};
use crate::evaluate::{read_attribute, Attributes};
use crate::quantity::Unit;

/// The request as text.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Criteria sets: shipped ids or `.tsv` paths.
    pub criteria: Vec<String>,
    /// Alternative readings: `SET.ID`.
    pub readings: Vec<String>,
    /// Park attributes: `NAME=VALUE` or `PARK:NAME=VALUE`.
    pub attrs: Vec<String>,
    /// The text of an attribute file (TSV 园区/属性/值; park `*` = all) and its name for messages.
    pub attr_file: Option<(String, String)>,
    /// Units: `HEADER=UNIT` or `FIELD=UNIT` (元, 万元, 亿元).
    pub units: Vec<String>,
    /// Named columns: `ROLE=HEADER`.
    pub columns: Vec<String>,
}

/// A message for the user in English and in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// English.
    pub en: String,
    /// Chinese.
    pub zh: String,
}

impl Message {
    fn new(en: impl Into<String>, zh: impl Into<String>) -> Message {
        Message {
            en: en.into(),
            zh: zh.into(),
        }
    }
}

/// The request read: criteria sets (readings applied), attributes, units, named columns.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The criteria sets.
    pub sets: Vec<CriteriaSet>,
    /// The park attributes.
    pub attrs: Attributes,
    /// Units given explicitly.
    pub units: Vec<(String, Unit)>,
    /// Columns named explicitly.
    pub columns: Vec<(String, String)>,
}

fn pair(s: &str, what: &str) -> Result<(String, String), Message> {
    s.split_once('=')
        .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
        .ok_or_else(|| {
            Message::new(
                format!("{what} {s:?}: expected NAME=VALUE"),
                format!("“{s}”应写成 名称=值"),
            )
        })
}

fn add_attr(
    attrs: &mut Attributes,
    park: Option<String>,
    name: &str,
    value: &str,
) -> Result<(), Message> {
    if !ATTRIBUTES.contains(&name) {
        return Err(Message::new(
            format!(
                "unknown park attribute {name:?}; known: {}",
                ATTRIBUTES.join(", ")
            ),
            format!(
                "未知的园区属性“{name}”；可用的有：{}",
                ATTRIBUTES.join("、")
            ),
        ));
    }
    let v = read_attribute(name, value).ok_or_else(|| {
        Message::new(
            format!("attribute {name}: cannot read {value:?}"),
            format!("园区属性 {name} 的值“{value}”无法读取"),
        )
    })?;
    attrs.values.insert((park, name.to_owned()), v);
    Ok(())
}

impl Request {
    /// Reads the request; `Err` is a message for the user.
    pub fn prepare(&self) -> Result<Prepared, Message> {
        let criteria_error = |e: crate::CriteriaError| Message::new(e.to_string(), e.message_zh());
        if self.criteria.is_empty() {
            return Err(Message::new("no criteria given", "未指定准则"));
        }
        let mut sets = Vec::new();
        for spec in &self.criteria {
            sets.push(CriteriaSet::load(spec.trim()).map_err(criteria_error)?);
        }
        for r in &self.readings {
            let (set, id) = r.split_once('.').ok_or_else(|| {
                Message::new(
                    format!("reading {r:?}: expected SET.ID"),
                    format!("--reading “{r}”应写成 准则集.编号"),
                )
            })?;
            let target = sets.iter_mut().find(|s| s.id == set).ok_or_else(|| {
                Message::new(
                    format!("reading {r:?}: criteria {set:?} not selected"),
                    format!("--reading “{r}”：未选用准则集 {set}"),
                )
            })?;
            target.choose_alternative(id).map_err(criteria_error)?;
        }
        let mut attrs = Attributes::default();
        if let Some((name, text)) = &self.attr_file {
            for (i, line) in text.lines().enumerate().skip(1) {
                if line.trim().is_empty() {
                    continue;
                }
                let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
                let [park, attr, value] = cells[..] else {
                    return Err(Message::new(
                        format!("{name} line {}: expected 园区<TAB>属性<TAB>值", i + 1),
                        format!(
                            "属性文件 {name} 第 {} 行格式有误：应为 园区<TAB>属性<TAB>值",
                            i + 1
                        ),
                    ));
                };
                add_attr(
                    &mut attrs,
                    (park != "*").then(|| park.to_owned()),
                    attr,
                    value,
                )?;
            }
        }
        for a in &self.attrs {
            let (key, value) = pair(a, "attribute")?;
            let (park, name) = match key.split_once(':') {
                Some((p, n)) => (Some(p.to_owned()), n.to_owned()),
                None => (None, key),
            };
            add_attr(&mut attrs, park, &name, &value)?;
        }
        let mut units = Vec::new();
        for u in &self.units {
            let (name, unit) = pair(u, "unit")?;
            let parsed = Unit::parse(&unit).filter(|u| u.is_money()).ok_or_else(|| {
                Message::new(
                    format!("unit {u:?}: the unit must be 元, 万元 or 亿元"),
                    format!("--unit “{u}”：单位应为 元、万元 或 亿元"),
                )
            })?;
            units.push((name, parsed));
        }
        let columns = self
            .columns
            .iter()
            .map(|c| pair(c, "column"))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Prepared {
            sets,
            attrs,
            units,
            columns,
        })
    }
}
