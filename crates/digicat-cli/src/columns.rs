//! Choosing the code and text columns from the header.

use crate::error::Failure;

/// Exact header names of a code column, in order of preference.
pub const CODE_NAMES: [&str; 5] = [
    "行业代码",
    "国民经济行业代码",
    "行业",
    "industry_code",
    "code",
];
/// Exact header names of a text column, in order of preference.
pub const TEXT_NAMES: [&str; 6] = [
    "经营范围",
    "主营产品",
    "主要产品",
    "产品",
    "business_scope",
    "text",
];
/// When no header has an exact name: parts that make a header a code column.
const CODE_PARTS: [&str; 1] = ["行业代码"];
/// When no header has an exact name: parts that make a header a text column.
const TEXT_PARTS: [&str; 3] = ["经营范围", "主营产品", "主要产品"];

/// Positions of the code and text columns (at least one is set).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// The industry-code column.
    pub code: Option<usize>,
    /// The business-scope/products column.
    pub text: Option<usize>,
}

/// Picks the columns: the names given (which must exist), else detected from common headers.
pub fn select(
    header: &[String],
    code: Option<&str>,
    text: Option<&str>,
) -> Result<Columns, Failure> {
    let named = |name: &str, option: &str| {
        find(header, name).ok_or_else(|| {
            Failure::Usage(format!(
                "column {name:?} ({option}) not found; the header is: {}",
                show(header)
            ))
        })
    };
    let code = match code {
        Some(name) => Some(named(name, "--code-col")?),
        None => detect(header, &CODE_NAMES, &CODE_PARTS, None),
    };
    let text = match text {
        Some(name) => Some(named(name, "--text-col")?),
        None => detect(header, &TEXT_NAMES, &TEXT_PARTS, code),
    };
    if code.is_none() && text.is_none() {
        return Err(Failure::Usage(format!(
            "no industry-code column ({}) and no text column ({}) found; the header is: {}\n\
             name the columns with --code-col and/or --text-col",
            CODE_NAMES.join(", "),
            TEXT_NAMES.join(", "),
            show(header)
        )));
    }
    Ok(Columns { code, text })
}

/// The header `name` as given, else ignoring ASCII case and surrounding spaces.
fn find(header: &[String], name: &str) -> Option<usize> {
    header.iter().position(|h| h == name).or_else(|| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
    })
}

/// The first header with one of `names` (in their order), else the first containing one of
/// `parts`; never the column `skip`.
fn detect(header: &[String], names: &[&str], parts: &[&str], skip: Option<usize>) -> Option<usize> {
    let usable = |i: &usize| Some(*i) != skip;
    names
        .iter()
        .find_map(|n| {
            (0..header.len())
                .filter(usable)
                .find(|i| header[*i].trim().eq_ignore_ascii_case(n))
        })
        .or_else(|| {
            (0..header.len())
                .filter(usable)
                .find(|i| parts.iter().any(|p| header[*i].contains(p)))
        })
}

/// The header for messages: `1 "名称", 2 "地址"`.
fn show(header: &[String]) -> String {
    if header.is_empty() {
        return "(empty)".into();
    }
    header
        .iter()
        .enumerate()
        .map(|(i, h)| format!("{} {h:?}", i + 1))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn detects_common_headers_in_order_of_preference() {
        let h = header(&["企业名称", "行业", " 行业代码 ", "主营产品", "经营范围"]);
        let c = select(&h, None, None).unwrap();
        assert_eq!((c.code, c.text), (Some(2), Some(4)));
        let h = header(&["Name", "Industry_Code", "Business_Scope"]);
        assert_eq!(
            select(&h, None, None).unwrap(),
            Columns {
                code: Some(1),
                text: Some(2)
            }
        );
    }

    #[test]
    fn falls_back_to_headers_containing_the_usual_words() {
        let h = header(&["国民经济行业代码(2017)", "经营范围（摘要）"]);
        let c = select(&h, None, None).unwrap();
        assert_eq!((c.code, c.text), (Some(0), Some(1)));
    }

    #[test]
    fn one_column_is_enough_and_names_given_must_exist() {
        let h = header(&["名称", "经营范围"]);
        assert_eq!(select(&h, None, None).unwrap().code, None);
        let err = select(&h, Some("代码"), None).unwrap_err().to_string();
        assert!(
            err.contains("\"代码\"") && err.contains("1 \"名称\", 2 \"经营范围\""),
            "{err}"
        );
        let none = select(&header(&["名称", "地址"]), None, None).unwrap_err();
        assert!(none.to_string().contains("2 \"地址\""));
    }
}
