//! Which catalogue a record is classified against: a value the caller picks on every surface.

use crate::error::CodeError;
use std::fmt;
use std::str::FromStr;

/// A catalogue digicat embeds, by its stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum CatalogueId {
    /// `dongguan-2019`: 东莞市数字产业集聚试点园区重点发展产业、产品和服务目录表（试行）, 东工信〔2019〕160号
    /// (the default; [`crate::classify`]).
    #[default]
    #[cfg_attr(feature = "serde", serde(rename = "dongguan-2019"))]
    Dongguan2019,
    /// `szjj-2021`: 数字经济及其核心产业统计分类（2021）, 国家统计局令第33号 ([`crate::szjj::classify`]).
    #[cfg_attr(feature = "serde", serde(rename = "szjj-2021"))]
    Szjj2021,
}

impl CatalogueId {
    /// Every catalogue, in this order (C values follow it).
    pub const ALL: [CatalogueId; 2] = [CatalogueId::Dongguan2019, CatalogueId::Szjj2021];

    /// Stable id: `dongguan-2019` or `szjj-2021`.
    pub fn as_str(self) -> &'static str {
        match self {
            CatalogueId::Dongguan2019 => "dongguan-2019",
            CatalogueId::Szjj2021 => "szjj-2021",
        }
    }

    /// The catalogue's title.
    pub fn title(self) -> &'static str {
        match self {
            CatalogueId::Dongguan2019 => crate::meta().title(),
            CatalogueId::Szjj2021 => crate::szjj::meta().title(),
        }
    }

    /// A comma-separated list of ids (`dongguan-2019,szjj-2021`), in the order given, each once.
    ///
    /// ```
    /// use digicat::CatalogueId;
    /// let ids = CatalogueId::parse_list("dongguan-2019, szjj-2021").unwrap();
    /// assert_eq!(ids, [CatalogueId::Dongguan2019, CatalogueId::Szjj2021]);
    /// assert!(CatalogueId::parse_list("").is_err());
    /// ```
    pub fn parse_list(list: &str) -> Result<Vec<CatalogueId>, CodeError> {
        let mut out = Vec::new();
        for part in list.split(',') {
            let id: CatalogueId = part.parse()?;
            if !out.contains(&id) {
                out.push(id);
            }
        }
        Ok(out)
    }
}

impl FromStr for CatalogueId {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, CodeError> {
        match s.trim() {
            "dongguan-2019" => Ok(CatalogueId::Dongguan2019),
            "szjj-2021" => Ok(CatalogueId::Szjj2021),
            other => Err(CodeError::Option {
                option: "catalogue",
                value: other.to_owned(),
                expected: "dongguan-2019 or szjj-2021",
            }),
        }
    }
}

impl fmt::Display for CatalogueId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
