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
        Err(e) => error_fields(e),
        Ok(c) => classification_fields(c),
    }
}

/// The added columns of a classified record (see [`fields`]).
pub fn classification_fields(c: &Classification) -> [String; 7] {
    let ids: Vec<String> = c.industry_ids().map(|i| i.to_string()).collect();
    let names: Vec<&str> = c.industries.iter().map(|i| i.name()).collect();
    let rows: Vec<&str> = c.rows.iter().map(|r| r.id()).collect();
    [
        c.status.as_str().into(),
        c.reason.as_str().into(),
        ids.join(","),
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

/// Header names recognised as the code column when none is named, in order of preference
/// (compared ignoring ASCII case and surrounding spaces); see [`find_columns`].
pub const CODE_COLUMNS: [&str; 5] = [
    "行业代码",
    "国民经济行业代码",
    "行业",
    "industry_code",
    "code",
];

/// Header names recognised as the text column (经营范围 or products) when none is named, in order
/// of preference, as for [`CODE_COLUMNS`].
pub const TEXT_COLUMNS: [&str; 6] = [
    "经营范围",
    "主营产品",
    "主要产品",
    "产品",
    "business_scope",
    "text",
];

/// When no header is one of [`CODE_COLUMNS`]: a header containing one of these is the code column.
pub const CODE_COLUMN_PARTS: [&str; 1] = ["行业代码"];

/// When no header is one of [`TEXT_COLUMNS`]: a header containing one of these is the text column.
pub const TEXT_COLUMN_PARTS: [&str; 3] = ["经营范围", "主营产品", "主要产品"];

/// Positions of the code and text columns in a header; at least one is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// The industry-code column.
    pub code: Option<usize>,
    /// The business-scope / products column.
    pub text: Option<usize>,
}

/// Why [`find_columns`] found no columns to classify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ColumnError {
    /// A column named by the caller is not in the header.
    #[error("{role} column {name:?} not found")]
    NotFound {
        /// `code` or `text`.
        role: &'static str,
        /// The name given.
        name: String,
    },
    /// No column was named and none was recognised.
    #[error("no industry-code column ({}) and no text column ({}) found", CODE_COLUMNS.join(", "), TEXT_COLUMNS.join(", "))]
    NotDetected,
}

/// Chooses the code and text columns of a table, the same way on every batch surface.
///
/// A column named by the caller (`code`, `text`) must exist: the header with exactly that name,
/// else one equal ignoring ASCII case and surrounding spaces. A column not named is detected:
/// the first of [`CODE_COLUMNS`] / [`TEXT_COLUMNS`] (in that order of preference) that is a header,
/// ignoring ASCII case and surrounding spaces, else the first header containing one of
/// [`CODE_COLUMN_PARTS`] / [`TEXT_COLUMN_PARTS`]; the text column is never the code column. A
/// table may have only one of the two; it is an error when neither is found.
///
/// ```
/// use digicat::report::{find_columns, Columns};
/// let header = ["企业名称", "Code", " 行业代码 ", "经营范围（摘要）"];
/// assert_eq!(find_columns(&header, None, None), Ok(Columns { code: Some(2), text: Some(3) }));
/// assert_eq!(find_columns(&header, Some("code"), None)?.code, Some(1));
/// assert!(find_columns(&["名称", "地址"], None, None).is_err());
/// # Ok::<(), digicat::report::ColumnError>(())
/// ```
pub fn find_columns<S: AsRef<str>>(
    header: &[S],
    code: Option<&str>,
    text: Option<&str>,
) -> Result<Columns, ColumnError> {
    let named = |name: &str, role: &'static str| {
        let exact = header.iter().position(|h| h.as_ref() == name);
        exact
            .or_else(|| header.iter().position(|h| same_name(h.as_ref(), name)))
            .ok_or_else(|| ColumnError::NotFound {
                role,
                name: name.to_owned(),
            })
    };
    let code = match code {
        Some(name) => Some(named(name, "code")?),
        None => detect(header, &CODE_COLUMNS, &CODE_COLUMN_PARTS, None),
    };
    let text = match text {
        Some(name) => Some(named(name, "text")?),
        None => detect(header, &TEXT_COLUMNS, &TEXT_COLUMN_PARTS, code),
    };
    if code.is_none() && text.is_none() {
        return Err(ColumnError::NotDetected);
    }
    Ok(Columns { code, text })
}

fn same_name(header: &str, name: &str) -> bool {
    header.trim().eq_ignore_ascii_case(name.trim())
}

/// The first header named one of `names` (in their order), else the first containing one of
/// `parts`; never the column `skip`.
fn detect<S: AsRef<str>>(
    header: &[S],
    names: &[&str],
    parts: &[&str],
    skip: Option<usize>,
) -> Option<usize> {
    let usable = |i: &usize| Some(*i) != skip;
    names
        .iter()
        .find_map(|n| {
            (0..header.len())
                .filter(usable)
                .find(|i| same_name(header[*i].as_ref(), n))
        })
        .or_else(|| {
            (0..header.len())
                .filter(usable)
                .find(|i| parts.iter().any(|p| header[*i].as_ref().contains(p)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_headers_in_order_of_preference() {
        let h = ["企业名称", "行业", " 行业代码 ", "主营产品", "经营范围"];
        let c = find_columns(&h, None, None).unwrap();
        assert_eq!((c.code, c.text), (Some(2), Some(4)));
        let h = ["Name", "Industry_Code", "Business_Scope"];
        let c = find_columns(&h, None, None).unwrap();
        assert_eq!((c.code, c.text), (Some(1), Some(2)));
    }

    #[test]
    fn falls_back_to_headers_containing_the_usual_words() {
        let h = ["国民经济行业代码(2017)", "经营范围（摘要）"];
        let c = find_columns(&h, None, None).unwrap();
        assert_eq!((c.code, c.text), (Some(0), Some(1)));
        // The text column is never the code column.
        let c = find_columns(&["行业代码及经营范围"], None, None).unwrap();
        assert_eq!((c.code, c.text), (Some(0), None));
    }

    #[test]
    fn one_column_is_enough_and_names_given_must_exist() {
        let h = ["名称", "经营范围"];
        assert_eq!(find_columns(&h, None, None).unwrap().code, None);
        assert_eq!(
            find_columns(&h, Some("代码"), None),
            Err(ColumnError::NotFound {
                role: "code",
                name: "代码".into()
            })
        );
        assert_eq!(
            find_columns(&h, None, Some(" 名称 ")).unwrap().text,
            Some(0)
        );
        assert_eq!(
            find_columns(&["名称", "地址"], None, None),
            Err(ColumnError::NotDetected)
        );
    }
}
