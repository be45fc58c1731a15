//! Choosing the code and text columns from the header: the core's `report::find_columns`, with
//! messages for the command line (the header seen, the options to use).

use crate::error::Failure;
use digicat::report::{find_columns, ColumnError, Columns, CODE_COLUMNS, TEXT_COLUMNS};

/// Picks the columns: the names given (which must exist), else detected from common headers.
pub fn select(
    header: &[String],
    code: Option<&str>,
    text: Option<&str>,
) -> Result<Columns, Failure> {
    find_columns(header, code, text).map_err(|e| {
        Failure::Usage(match e {
            ColumnError::NotFound { role, name } => format!(
                "column {name:?} (--{role}-col) not found; the header is: {}",
                show(header)
            ),
            ColumnError::NotDetected => format!(
                "no industry-code column ({}) and no text column ({}) found; the header is: {}\n\
                 name the columns with --code-col and/or --text-col",
                CODE_COLUMNS.join(", "),
                TEXT_COLUMNS.join(", "),
                show(header)
            ),
        })
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
    fn messages_name_the_header_seen() {
        let h = header(&["名称", "经营范围"]);
        let err = select(&h, Some("代码"), None).unwrap_err().to_string();
        assert!(
            err.contains("\"代码\"")
                && err.contains("--code-col")
                && err.contains("1 \"名称\", 2 \"经营范围\""),
            "{err}"
        );
        let none = select(&header(&["名称", "地址"]), None, None)
            .unwrap_err()
            .to_string();
        assert!(
            none.contains("2 \"地址\"") && none.contains("--text-col"),
            "{none}"
        );
    }
}
