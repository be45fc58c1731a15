//! A strict reader for the project's TSV data files.
//!
//! `#` lines and blank lines are comments; the first other line is the header, which must equal
//! the expected column names; every record must have exactly that many fields. Errors name the
//! file and line.

use std::fmt;
use std::path::{Path, PathBuf};

/// A data error at a file and line; printed by the build script and fails the build.
#[derive(Debug)]
pub struct DataError {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

/// One record: its 1-based line number and fields.
pub struct Record {
    pub file: PathBuf,
    pub line: usize,
    pub fields: Vec<String>,
}

impl Record {
    /// An error located at this record.
    pub fn error(&self, message: impl Into<String>) -> DataError {
        DataError {
            file: self.file.clone(),
            line: self.line,
            message: message.into(),
        }
    }
}

/// Reads `path`, checking its header against `columns`.
pub fn read(path: &Path, columns: &[&str]) -> Result<Vec<Record>, DataError> {
    let text = std::fs::read_to_string(path).map_err(|e| DataError {
        file: path.to_owned(),
        line: 0,
        message: format!("cannot read: {e}"),
    })?;
    let mut header_seen = false;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let at = |message: String| DataError {
            file: path.to_owned(),
            line: i + 1,
            message,
        };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if line.ends_with('\r') {
            return Err(at("CRLF line ending; use LF".into()));
        }
        let fields: Vec<String> = line.split('\t').map(str::to_owned).collect();
        if !header_seen {
            if fields != columns {
                return Err(at(format!(
                    "header is {:?}; expected {:?}",
                    fields, columns
                )));
            }
            header_seen = true;
            continue;
        }
        if fields.len() != columns.len() {
            return Err(at(format!(
                "{} fields; expected {} ({})",
                fields.len(),
                columns.len(),
                columns.join(", ")
            )));
        }
        if let Some(f) = fields.iter().find(|f| f.trim() != f.as_str()) {
            return Err(at(format!("field {f:?} has leading or trailing spaces")));
        }
        out.push(Record {
            file: path.to_owned(),
            line: i + 1,
            fields,
        });
    }
    Ok(out)
}

/// Reads a simple comma-separated file without quoted commas in the used columns.
/// Quoted fields are supported (the GB/T notes use them); embedded newlines are not.
pub fn read_csv(path: &Path, columns: &[&str]) -> Result<Vec<Record>, DataError> {
    let text = std::fs::read_to_string(path).map_err(|e| DataError {
        file: path.to_owned(),
        line: 0,
        message: format!("cannot read: {e}"),
    })?;
    let mut lines = text.lines().enumerate();
    let header = lines.next().map(|(_, l)| split_csv(l)).unwrap_or_default();
    if header.len() < columns.len() || header[..columns.len()] != *columns {
        return Err(DataError {
            file: path.to_owned(),
            line: 1,
            message: format!("header is {header:?}; expected it to start with {columns:?}"),
        });
    }
    let mut out = Vec::new();
    for (i, line) in lines {
        if line.is_empty() {
            continue;
        }
        let mut fields = split_csv(line);
        if fields.len() != header.len() {
            return Err(DataError {
                file: path.to_owned(),
                line: i + 1,
                message: format!("{} fields; expected {}", fields.len(), header.len()),
            });
        }
        fields.truncate(columns.len());
        out.push(Record {
            file: path.to_owned(),
            line: i + 1,
            fields,
        });
    }
    Ok(out)
}

fn split_csv(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let field = fields.last_mut().expect("fields is never empty");
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            _ => field.push(c),
        }
    }
    fields
}
