//! The batch layer shared by every batch surface (CLI, Python `classify_frame`, the C example):
//! which columns of a table to read ([`find_layout`], [`Layout`]), where its header row is
//! ([`find_header_row`]), which rows are not enterprises ([`skip_reason`]: status `skipped`), and
//! the columns appended to each record, with their stable names, so that all of them decide and
//! write exactly the same thing.

mod columns;
mod labels;
mod rows;
mod tally;

pub use columns::{
    find_layout, industry_like, Choice, CodeSource, ColumnError, Layout, RowOutcome, CODE_COLUMNS,
    CODE_COLUMN_PARTS, CODE_LEVEL_COLUMNS, INDUSTRY_WORDS, NAME_COLUMNS, NAME_LEVEL_COLUMNS,
    SECTION_CODE_COLUMNS, SPLIT_TEXT_COLUMNS, TEXT_COLUMNS, TEXT_COLUMN_PARTS, VENDOR_NAMES,
};
pub use labels::{code_of, kind_label, label, localize, reason_label, KIND_LABELS, REASON_LABELS};
pub use rows::{find_header_row, skip_reason, FOOTER_WORDS, HEADER_SEARCH_ROWS};
pub use tally::{
    summary_columns, Counts, Grouping, Tally, SUMMARY_COLUMNS_EN, SUMMARY_COLUMNS_ZH,
    SUMMARY_NUMERIC,
};

use crate::classify::{Classification, Reason, Status};
use crate::error::CodeError;
use crate::szjj;
use crate::CatalogueId;
use std::fmt::Write;

/// Language of the added column headers, of the status, reason and error values, and of the
/// messages.
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
        Err(e) => error_fields(e),
        Ok(c) => classification_fields(c),
    }
}

/// [`fields`] in `lang`: with `Lang::Zh` the status and reason as their Chinese labels
/// ([`localize`]) and an invalid record's message in Chinese ([`CodeError::message`]); with
/// `Lang::En` the same as [`fields`].
///
/// ```
/// use digicat::report::{fields_in, Lang};
/// let f = fields_in(&digicat::classify(Some("9999"), None, &Default::default()), Lang::Zh);
/// assert_eq!(f[0], "无效输入");
/// assert_eq!(f[6], "9999 不是 GB/T 4754-2017 的小类，也不是 GB/T 4754-2011 的小类");
/// ```
pub fn fields_in(result: &Result<Classification, CodeError>, lang: Lang) -> [String; 7] {
    let mut f = match result {
        Err(e) => invalid_fields(e.kind(), e.message(lang)),
        Ok(c) => classification_fields(c),
    };
    localize(&mut f, lang);
    f
}

/// The added columns of a classified record (see [`fields`]).
pub fn classification_fields(c: &Classification) -> [String; 7] {
    std::array::from_fn(|column| classification_field(c, column).unwrap_or_default())
}

/// Column `column` (0 to 6) of [`classification_fields`] alone, so that a caller asking for one
/// value does not build the other six; `None` past the last column.
///
/// ```
/// let c = digicat::classify(Some("6513"), Some("计算机视听觉软件"), &Default::default()).unwrap();
/// assert_eq!(digicat::report::classification_field(&c, 4).as_deref(), Some("3.2"));
/// assert_eq!(digicat::report::classification_field(&c, 7), None);
/// ```
pub fn classification_field(c: &Classification, column: usize) -> Option<String> {
    Some(match column {
        0 => c.status.as_str().into(),
        1 => c.reason.as_str().into(),
        2 => join(c.industry_ids(), ","),
        3 => join(c.industries.iter().map(|i| i.name()), "；"),
        4 => join(c.rows.iter().map(|r| r.id()), ","),
        5 => c.terms().join("；"),
        6 => String::new(),
        _ => return None,
    })
}

/// The items' text, `separator` between them.
fn join<T: std::fmt::Display>(items: impl Iterator<Item = T>, separator: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{item}");
    }
    out
}

/// Names of the columns added for `szjj-2021` (《数字经济及其核心产业统计分类（2021）》), in the order
/// of [`COLUMNS_EN`]: prefixed `szjj_`, so that they fit beside the Dongguan columns in one file;
/// `classes` and `class_names` hold its 小类 (`030304`), `rows` its (小类, GB/T code) pairs
/// (`030304:6429*`).
pub const SZJJ_COLUMNS_EN: [&str; 7] = [
    "szjj_status",
    "szjj_reason",
    "szjj_classes",
    "szjj_class_names",
    "szjj_rows",
    "szjj_evidence",
    "szjj_error",
];

/// Chinese names of the `szjj-2021` columns, in the same order.
pub const SZJJ_COLUMNS_ZH: [&str; 7] = [
    "数字经济状态",
    "数字经济原因",
    "数字经济小类",
    "数字经济小类名称",
    "数字经济对应行业",
    "数字经济依据",
    "数字经济错误信息",
];

/// The added column names of `catalogue` in `lang` (the Dongguan ones are [`columns`]).
pub fn catalogue_columns(catalogue: CatalogueId, lang: Lang) -> &'static [&'static str; 7] {
    match (catalogue, lang) {
        (CatalogueId::Dongguan2019, _) => columns(lang),
        (CatalogueId::Szjj2021, Lang::En) => &SZJJ_COLUMNS_EN,
        (CatalogueId::Szjj2021, Lang::Zh) => &SZJJ_COLUMNS_ZH,
    }
}

/// The `szjj-2021` columns' values for one record, shaped as [`fields`]: status, reason, 小类
/// codes (`030304,030307`), their names (`；`-joined), the (小类, GB/T code) pairs
/// (`030304:6429*,030307:6429*`), the distinct terms, the error.
///
/// ```
/// let r = digicat::szjj::classify(Some("6429"), Some("网上音乐"), &Default::default());
/// let f = digicat::report::szjj_fields(&r);
/// assert_eq!(f, ["in_scope", "listed_product", "030307", "其他互联网相关服务", "030307:6429*", "网上音乐", ""]);
/// ```
pub fn szjj_fields(result: &Result<szjj::Classification, CodeError>) -> [String; 7] {
    match result {
        Err(e) => error_fields(e),
        Ok(c) => szjj_classification_fields(c),
    }
}

/// [`szjj_fields`] in `lang` (as [`fields_in`] localises the Dongguan columns).
///
/// ```
/// use digicat::report::{szjj_fields_in, Lang};
/// let f = szjj_fields_in(&digicat::szjj::classify(Some("6513"), None, &Default::default()), Lang::Zh);
/// assert_eq!(f[0], "属于目录");
/// ```
pub fn szjj_fields_in(result: &Result<szjj::Classification, CodeError>, lang: Lang) -> [String; 7] {
    let mut f = match result {
        Err(e) => invalid_fields(e.kind(), e.message(lang)),
        Ok(c) => szjj_classification_fields(c),
    };
    localize(&mut f, lang);
    f
}

/// The `szjj-2021` columns of a classified record (see [`szjj_fields`]).
pub fn szjj_classification_fields(c: &szjj::Classification) -> [String; 7] {
    let codes: Vec<&str> = c.classes.iter().map(|c| c.code()).collect();
    let names: Vec<&str> = c.classes.iter().map(|c| c.name()).collect();
    let rows: Vec<String> = c
        .rows
        .iter()
        .map(|(class, g)| format!("{}:{}", class.code(), g.printed()))
        .collect();
    [
        c.status.as_str().into(),
        c.reason.as_str().into(),
        codes.join(","),
        names.join("；"),
        rows.join(","),
        c.terms().join("；"),
        String::new(),
    ]
}

/// The added columns of a record whose code field is an error (see [`fields`]).
pub fn error_fields(e: &CodeError) -> [String; 7] {
    invalid_fields(e.kind(), e.to_string())
}

/// The added columns of a record that could not be classified: status `invalid`, `reason` (an
/// error kind) and the message; the other columns empty.
pub fn invalid_fields(reason: &str, message: String) -> [String; 7] {
    [
        Status::Invalid.as_str().into(),
        reason.into(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        message,
    ]
}

/// The added columns of a row that is not an enterprise: status `skipped`, `reason`
/// (`blank_row` or `footer_row`), the other columns empty.
pub fn skipped_fields(reason: Reason) -> [String; 7] {
    let mut f: [String; 7] = Default::default();
    f[0] = Status::Skipped.as_str().into();
    f[1] = reason.as_str().into();
    f
}

/// [`row_fields`] in `lang` (see [`fields_in`]).
pub fn row_fields_in(outcome: &RowOutcome, lang: Lang) -> [String; 7] {
    match outcome {
        RowOutcome::Classified(result) => fields_in(result, lang),
        RowOutcome::Skipped(reason) => {
            let mut f = skipped_fields(*reason);
            localize(&mut f, lang);
            f
        }
    }
}

/// The added columns of a row's outcome: [`fields`] or [`skipped_fields`].
pub fn row_fields(outcome: &RowOutcome) -> [String; 7] {
    match outcome {
        RowOutcome::Classified(result) => fields(result),
        RowOutcome::Skipped(reason) => skipped_fields(*reason),
    }
}
