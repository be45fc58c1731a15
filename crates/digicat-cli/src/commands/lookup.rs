//! `digicat lookup CODE`: what a code is in GB/T 4754 and where the catalogue carries it.

use crate::cli::{self, LookupArgs, TextFormat};
use crate::commands::{json, print};
use crate::error::Failure;
use digicat::{read_code_field, rows, rows_for_code, Code, CodeError, CodeReading, Row};
use serde::Serialize;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Runs the command: exit 0 for a usable code, 1 for one that is not.
pub fn run(args: &LookupArgs) -> Result<ExitCode, Failure> {
    let edition = cli::edition(args.edition);
    let reading = match read_code_field(&args.code, edition) {
        Ok(Some(r)) => Ok(r),
        Ok(None) => Err(CodeError::Empty),
        Err(e) => Err(e),
    };
    let answer = Answer::new(&args.code, reading.as_ref().map(|r| *r));
    print(&match args.format {
        TextFormat::Text => answer.text(),
        TextFormat::Json => json(&answer),
    })?;
    Ok(if reading.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The answer, also its JSON form.
#[derive(Serialize)]
struct Answer<'a> {
    input: &'a str,
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<CodeJson>,
    /// GB/T 4754-2017 successors of a 2011 小类.
    #[serde(skip_serializing_if = "Option::is_none")]
    successors: Option<Vec<CodeJson>>,
    in_catalogue: bool,
    rows: Vec<RowJson>,
}

#[derive(Serialize)]
struct ErrorJson {
    kind: &'static str,
    message: String,
}

#[derive(Serialize)]
struct CodeJson {
    code: String,
    /// `2017` or `2011`.
    edition: &'static str,
    level: &'static str,
    level_zh: &'static str,
    name: Option<&'static str>,
    section: Option<char>,
    parent: Option<&'static str>,
    parent_name: Option<&'static str>,
}

impl CodeJson {
    fn of(code: Code, edition: &'static str) -> CodeJson {
        let entry_of = |c: Code| {
            if edition == "2011" {
                c.gbt2011()
            } else {
                c.gbt2017()
            }
        };
        let entry = entry_of(code);
        let parent = entry.map(|e| e.parent()).filter(|p| !p.is_empty());
        CodeJson {
            code: code.to_string(),
            edition,
            level: code.level().as_str(),
            level_zh: code.level().name_zh(),
            name: entry.map(|e| e.name()),
            section: entry.map(|e| e.section()),
            parent,
            parent_name: parent
                .and_then(|p| Code::parse(p).ok())
                .and_then(entry_of)
                .map(|e| e.name()),
        }
    }
}

/// A catalogue row as `lookup` and `catalogue` show it.
#[derive(Serialize)]
struct RowJson {
    id: &'static str,
    name: &'static str,
    code: String,
    partial: bool,
    industry: u8,
    industry_name: &'static str,
    products: Vec<&'static str>,
}

impl RowJson {
    fn of(row: &'static Row) -> RowJson {
        RowJson {
            id: row.id(),
            name: row.name(),
            code: row.code().to_string(),
            partial: row.is_partial(),
            industry: row.industry().id(),
            industry_name: row.industry().name(),
            products: row.products().iter().map(|p| p.name()).collect(),
        }
    }
}

impl<'a> Answer<'a> {
    fn new(input: &'a str, reading: Result<CodeReading, &CodeError>) -> Answer<'a> {
        let mut answer = Answer {
            input,
            valid: reading.is_ok(),
            error: None,
            code: None,
            successors: None,
            in_catalogue: false,
            rows: Vec::new(),
        };
        let mut rows: Vec<&'static Row> = match reading {
            Err(e) => {
                answer.error = Some(ErrorJson {
                    kind: e.kind(),
                    message: e.to_string(),
                });
                Vec::new()
            }
            Ok(CodeReading::Class(code)) => {
                answer.code = Some(CodeJson::of(code, "2017"));
                rows_for_code(code).collect()
            }
            Ok(CodeReading::Coarse(code)) => {
                answer.code = Some(CodeJson::of(code, "2017"));
                rows().iter().filter(|r| code.contains(r.code())).collect()
            }
            Ok(CodeReading::OldClass(code, successors)) => {
                answer.code = Some(CodeJson::of(code, "2011"));
                answer.successors = Some(
                    successors
                        .iter()
                        .map(|c| CodeJson::of(*c, "2017"))
                        .collect(),
                );
                successors.iter().flat_map(|c| rows_for_code(*c)).collect()
            }
        };
        rows.sort_by_key(|r| r.index());
        rows.dedup_by_key(|r| r.index());
        answer.in_catalogue = !rows.is_empty();
        answer.rows = rows.into_iter().map(RowJson::of).collect();
        answer
    }

    fn text(&self) -> String {
        let mut s = String::new();
        if let Some(e) = &self.error {
            let _ = writeln!(s, "{}: invalid ({})\n  {}", self.input, e.kind, e.message);
            return s;
        }
        if let Some(c) = &self.code {
            let _ = write!(
                s,
                "{} {}\n  GB/T 4754-{} {} ({})",
                c.code,
                c.name.unwrap_or("?"),
                c.edition,
                c.level_zh,
                c.level
            );
            if let Some(section) = c.section {
                let _ = write!(s, ", section {section}");
            }
            if let Some(parent) = c.parent {
                let _ = write!(s, ", in {parent} {}", c.parent_name.unwrap_or(""));
            }
            s.push('\n');
        }
        if let Some(successors) = &self.successors {
            if successors.is_empty() {
                let _ = writeln!(s, "  GB/T 4754-2017 successors: none known");
            } else {
                let list: Vec<String> = successors
                    .iter()
                    .map(|c| format!("{} {}", c.code, c.name.unwrap_or("?")))
                    .collect();
                let _ = writeln!(s, "  GB/T 4754-2017 successors: {}", list.join("；"));
            }
        }
        if self.rows.is_empty() {
            let _ = writeln!(s, "  not in the catalogue (不在目录内)");
        }
        for r in &self.rows {
            let star = if r.partial { "*" } else { "" };
            let _ = writeln!(
                s,
                "  row {} {} {}{star} — industry {} {}",
                r.id, r.name, r.code, r.industry, r.industry_name
            );
            if r.partial {
                let _ = writeln!(
                    s,
                    "    only the listed products count ({}): {}",
                    r.products.len(),
                    r.products.join("；")
                );
            } else {
                let _ = writeln!(s, "    the whole 小类 counts (整个小类均属目录)");
            }
        }
        s
    }
}
