//! The subcommands.

pub mod assess;
pub mod catalogue;
pub mod classify;
pub mod lookup;
pub mod match_text;

use crate::cli::TableArgs;
use crate::error::Failure;
use crate::input::{HeaderSpec, Input};
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Opens the table `input` as `table` says (encoding, sheet, header row, columns).
pub fn open_table(input: &Path, table: &TableArgs) -> Result<Input, Failure> {
    let spec = HeaderSpec {
        row: table.header_row,
        choice: table.choice(),
    };
    Input::open(input, table.encoding, table.sheet.as_deref(), spec)
}

/// Writes `text` to standard output.
pub fn print(text: &str) -> Result<(), Failure> {
    let mut out = BufWriter::new(io::stdout().lock());
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::output("standard output", e))
}

/// `value` as pretty JSON followed by a newline.
pub fn json<T: serde::Serialize>(value: &T) -> String {
    // Serialising these plain structs (strings, numbers, vectors) cannot fail.
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// A `--policy` name in Chinese: 标准 or 严格.
pub fn policy_zh(policy: digicat::Policy) -> &'static str {
    match policy {
        digicat::Policy::Strict => "严格",
        digicat::Policy::Standard => "标准",
    }
}
