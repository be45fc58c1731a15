//! Choosing the columns from the header: the core's `report::find_layout`, with messages for the
//! command line (the header as read and its line, the options to use).

use crate::error::{Failure, Text};
use digicat::report::{
    find_layout, Choice, CodeSource, ColumnError, Layout, CODE_COLUMNS, HEADER_SEARCH_ROWS,
    TEXT_COLUMNS,
};

/// Picks the columns of `header` (read at `line`): the names given (which must exist), else
/// detected; refuses to classify by text alone when an industry-like column was not recognised.
pub fn select(header: &[String], line: u64, choice: &Choice) -> Result<Layout, Failure> {
    find_layout(header, choice).map_err(|e| {
        let seen = format!("the header (line {line}) is: {}", show(header, false));
        let seen_zh = format!("表头（第 {line} 行）为：{}", show(header, true));
        match e {
            ColumnError::NotFound { role, name } => Failure::said(
                format!("column {name:?} (--{role}-col) not found; {seen}"),
                format!("找不到列“{name}”（--{role}-col）；{seen_zh}"),
            ),
            ColumnError::NotDetected => Failure::said(
                format!(
                    "no industry-code column ({}) and no text column ({}) found; {seen}\n\
                     name the columns with --code-col and/or --text-col, or give the header's line \
                     with --header-row N",
                    CODE_COLUMNS.join(", "),
                    TEXT_COLUMNS.join(", "),
                ),
                format!(
                    "找不到行业代码列（{}），也找不到经营范围列（{}）；{seen_zh}\n\
                     请用 --code-col、--text-col 指定列，或用 --header-row N 指定表头所在行",
                    CODE_COLUMNS.join("、"),
                    TEXT_COLUMNS.join("、"),
                ),
            ),
            ColumnError::IndustryColumnsNotRecognised { ref columns } => Failure::said(
                format!(
                    "{e}; {seen}\n\
                     name the GB/T 4754 code or industry column with --code-col NAME, or classify by \
                     the text alone with --text-only (只按经营范围分类)"
                ),
                format!(
                    "有看似行业的列（{}），但不是可识别的国标行业代码或名称列；{seen_zh}\n\
                     请用 --code-col 列名 指定国标行业代码或行业列，或用 --text-only 只按经营范围分类",
                    columns.join("、")
                ),
            ),
        }
    })
}

/// The error when no header was found in the first rows: the rows seen, and what to give.
pub fn no_header(name: &Text, rows: &[(u64, Vec<String>)]) -> Failure {
    let mut m = format!(
        "no header row found in the first {HEADER_SEARCH_ROWS} rows of {} (未找到表头): no row \
         has an industry-code column ({}) or a text column ({}); the rows seen:",
        name.en,
        CODE_COLUMNS.join(", "),
        TEXT_COLUMNS.join(", ")
    );
    for (line, fields) in rows {
        m.push_str(&format!("\n  line {line}: {}", show(fields, false)));
    }
    m.push_str(
        "\ngive the header's line with --header-row N, or name the columns with --code-col \
         and/or --text-col",
    );
    let mut zh = format!(
        "{} 的前 {HEADER_SEARCH_ROWS} 行中找不到表头：没有一行含行业代码列（{}）或经营范围列（{}）；看到的行：",
        name.zh,
        CODE_COLUMNS.join("、"),
        TEXT_COLUMNS.join("、")
    );
    for (line, fields) in rows {
        zh.push_str(&format!("\n  第 {line} 行：{}", show(fields, true)));
    }
    zh.push_str("\n请用 --header-row N 指定表头所在行，或用 --code-col、--text-col 指定列");
    Failure::said(m, zh)
}

/// A column for the summary: `"行业代码" (column 3)`, `“行业代码”（第 3 列）` in Chinese.
fn column(header: &[String], i: usize, zh: bool) -> String {
    if zh {
        format!("“{}”（第 {} 列）", header[i], i + 1)
    } else {
        format!("{:?} (column {})", header[i], i + 1)
    }
}

/// The code columns of a layout for the summary: `"行业代码" (column 3)`, several with the rule;
/// in Chinese when `zh`.
pub fn describe(layout: &Layout, header: &[String], zh: bool) -> String {
    let col = |i: &usize| column(header, *i, zh);
    match (&layout.code, zh) {
        (None, false) => "none: classified by text only".into(),
        (None, true) => "无：只按经营范围分类".into(),
        (Some(CodeSource::Column(i)), _) => col(i),
        (Some(CodeSource::Levels(levels)), _) => {
            let cols = levels.iter().map(col).collect::<Vec<_>>().join(" > ");
            if zh {
                format!("{cols}（每行取最细的非空一级）")
            } else {
                format!("{cols} (finest non-empty level per row)")
            }
        }
        (Some(CodeSource::SectionAndCode { section, code }), false) => {
            format!("{} + {} (section letter and code)", col(section), col(code))
        }
        (Some(CodeSource::SectionAndCode { section, code }), true) => {
            format!("{} + {}（门类字母与代码）", col(section), col(code))
        }
    }
}

/// The text columns of a layout for the summary; in Chinese when `zh`.
pub fn describe_text(layout: &Layout, header: &[String], zh: bool) -> String {
    if layout.text.is_empty() {
        return if zh { "无" } else { "none" }.into();
    }
    let cols: Vec<String> = layout.text.iter().map(|i| column(header, *i, zh)).collect();
    match (cols.len(), zh) {
        (1, _) => cols.join(""),
        (_, false) => format!("{} (joined with ；)", cols.join(" + ")),
        (_, true) => format!("{}（以“；”连接）", cols.join(" + ")),
    }
}

/// A row for messages: `1 "名称", 2 "地址"`, at most 40 fields and 200 characters a field;
/// the words in Chinese when `zh`.
fn show(fields: &[String], zh: bool) -> String {
    if fields.is_empty() {
        return if zh { "（空）" } else { "(empty)" }.into();
    }
    let mut shown: Vec<String> = fields
        .iter()
        .take(40)
        .enumerate()
        .map(|(i, h)| {
            let h: String = h.chars().take(200).collect();
            format!("{} {h:?}", i + 1)
        })
        .collect();
    if fields.len() > 40 {
        shown.push(if zh {
            format!("…（共 {} 个字段）", fields.len())
        } else {
            format!("… ({} fields)", fields.len())
        });
    }
    shown.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn messages_name_the_header_seen() {
        let h = header(&["名称", "经营范围"]);
        let choice = Choice {
            code_col: Some("代码"),
            ..Choice::default()
        };
        let err = select(&h, 1, &choice).unwrap_err().to_string();
        assert!(
            err.contains("\"代码\"")
                && err.contains("--code-col")
                && err.contains("(line 1) is: 1 \"名称\", 2 \"经营范围\""),
            "{err}"
        );
        let none = select(&header(&["名称", "地址"]), 3, &Choice::default())
            .unwrap_err()
            .to_string();
        assert!(
            none.contains("(line 3) is: 1 \"名称\", 2 \"地址\"") && none.contains("--text-col"),
            "{none}"
        );
        let vague = select(
            &header(&["名称", "所属行业分类", "经营范围"]),
            2,
            &Choice::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            vague.contains("\"所属行业分类\"")
                && vague.contains("--code-col NAME")
                && vague.contains("--text-only"),
            "{vague}"
        );
    }
}
