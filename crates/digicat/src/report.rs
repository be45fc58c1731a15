//! The columns every batch surface (CLI, Python `classify_frame`) appends to a record, with
//! their stable names, so that all of them write exactly the same thing.

use crate::classify::{Classification, Status};
use crate::error::CodeError;

/// Language of the added column headers (the values are the same in both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English snake_case headers (default).
    #[default]
    En,
    /// Chinese headers.
    Zh,
}

impl std::str::FromStr for Lang {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, CodeError> {
        match s.trim() {
            "en" => Ok(Lang::En),
            "zh" => Ok(Lang::Zh),
            other => Err(CodeError::Option {
                option: "lang",
                value: other.to_owned(),
                expected: "en or zh",
            }),
        }
    }
}

/// Names of the added columns, in order: status, reason, industries, industry_names, rows,
/// evidence, error.
pub const COLUMNS_EN: [&str; 7] = [
    "status",
    "reason",
    "industries",
    "industry_names",
    "rows",
    "evidence",
    "error",
];

/// Chinese names of the added columns, in the same order as [`COLUMNS_EN`].
pub const COLUMNS_ZH: [&str; 7] = [
    "状态",
    "原因",
    "产业编号",
    "产业名称",
    "目录行",
    "依据",
    "错误信息",
];

/// The added column names in `lang`.
pub fn columns(lang: Lang) -> &'static [&'static str; 7] {
    match lang {
        Lang::En => &COLUMNS_EN,
        Lang::Zh => &COLUMNS_ZH,
    }
}

/// The added columns' values for one record: status and reason as their snake_case names,
/// industry ids (`1,3`), industry names (`；`-joined), row ids (`1.3,3.2`), the distinct evidence
/// terms (`；`-joined, text order) and, for an invalid record, the error message. An invalid
/// record's reason is the error kind.
///
/// ```
/// let r = digicat::classify(Some("6513"), Some("计算机视听觉软件"), &Default::default());
/// let f = digicat::report::fields(&r);
/// assert_eq!(f, ["in_scope", "listed_product", "3", "人工智能软件开发", "3.2", "计算机视听觉软件", ""]);
/// ```
pub fn fields(result: &Result<Classification, CodeError>) -> [String; 7] {
    match result {
        Err(e) => [
            Status::Invalid.as_str().into(),
            e.kind().into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            e.to_string(),
        ],
        Ok(c) => {
            let join = |items: &mut dyn Iterator<Item = &str>, sep: &str| {
                let mut out = String::new();
                for (i, s) in items.enumerate() {
                    if i > 0 {
                        out.push_str(sep);
                    }
                    out.push_str(s);
                }
                out
            };
            let ids: Vec<String> = c.industry_ids().map(|i| i.to_string()).collect();
            let mut terms: Vec<&str> = Vec::with_capacity(c.evidence.len());
            for e in &c.evidence {
                if !terms.contains(&e.text()) {
                    terms.push(e.text());
                }
            }
            [
                c.status.as_str().into(),
                c.reason.as_str().into(),
                join(&mut ids.iter().map(String::as_str), ","),
                join(&mut c.industries.iter().map(|i| i.name()), "；"),
                join(&mut c.rows.iter().map(|r| r.id()), ","),
                join(&mut terms.into_iter(), "；"),
                String::new(),
            ]
        }
    }
}

/// Header names recognised as the code column when none is given, in order of preference: a
/// batch surface uses the first of these that is a header of the input (compared after trimming
/// whitespace).
///
/// ```
/// let headers = ["企业名称", "code", "行业代码", "经营范围"];
/// let code = digicat::report::CODE_COLUMNS.iter().find(|c| headers.contains(c));
/// assert_eq!(code, Some(&"行业代码"));
/// ```
pub const CODE_COLUMNS: [&str; 5] = [
    "行业代码",
    "国民经济行业代码",
    "行业",
    "industry_code",
    "code",
];

/// Header names recognised as the text column (经营范围 or products) when none is given, in order
/// of preference, as for [`CODE_COLUMNS`].
pub const TEXT_COLUMNS: [&str; 6] = [
    "经营范围",
    "主营产品",
    "主要产品",
    "产品",
    "business_scope",
    "text",
];
