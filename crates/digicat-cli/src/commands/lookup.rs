//! `digicat lookup CODE`: what a code is in GB/T 4754 and where the catalogue carries it.

use crate::cli::{LookupArgs, TextFormat};
use crate::commands::{json, print};
use crate::error::Failure;
use digicat::report::{reason_label, Lang};
use digicat::{
    read_code_field, szjj, Code, CodeError, CodeReading, Edition, GbtEntry, Options, Row,
};
use serde::Serialize;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Runs the command: exit 0 for a usable code, 1 for one that is not.
pub fn run(args: &LookupArgs, lang: Lang) -> Result<ExitCode, Failure> {
    let reading = match read_code_field(&args.code, args.edition.unwrap_or_default()) {
        Ok(Some(r)) => Ok(r),
        Ok(None) => Err(CodeError::Empty),
        Err(e) => Err(e),
    };
    let mut answer = Answer::new(&args.code, reading.as_ref().map(|r| *r), lang);
    let options = Options {
        edition: args.edition.unwrap_or_default(),
        ..Options::default()
    };
    // The field's place in szjj-2021, read exactly as the Dongguan answer was.
    if let Ok(c) = szjj::classify(Some(&args.code), None, &options) {
        answer.szjj = c
            .rows
            .iter()
            .map(|(class, g)| SzjjJson {
                class: class.code(),
                name: class.name(),
                printed: g.printed(),
                partial: g.is_partial(),
            })
            .collect();
    }
    print(&match (args.format, lang) {
        (TextFormat::Text, Lang::En) => answer.text(),
        (TextFormat::Text, Lang::Zh) => answer.text_zh(),
        (TextFormat::Json, _) => json(&answer),
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
    /// Ids of the industries of `rows`.
    industries: Vec<u8>,
    rows: Vec<RowJson>,
    /// The code's place in `szjj-2021`: the (小类, GB/T code) pairs it points at.
    szjj: Vec<SzjjJson>,
}

/// A `szjj-2021` (小类, GB/T code) pair.
#[derive(Serialize)]
struct SzjjJson {
    class: &'static str,
    name: &'static str,
    printed: &'static str,
    partial: bool,
}

#[derive(Serialize)]
struct ErrorJson {
    kind: &'static str,
    message: String,
}

/// A code and its entry in the edition it was read in.
#[derive(Serialize)]
struct CodeJson {
    code: Code,
    /// `2017` or `2011`.
    edition: &'static str,
    level: &'static str,
    level_zh: &'static str,
    name: Option<&'static str>,
    section: Option<char>,
    /// The enclosing code (`None` for a section).
    parent: Option<&'static str>,
    parent_name: Option<&'static str>,
}

impl CodeJson {
    fn of(code: Code, edition: Edition, entry: Option<&'static GbtEntry>) -> CodeJson {
        let parent = entry.and_then(GbtEntry::parent_entry);
        CodeJson {
            code,
            edition: edition.as_str(),
            level: code.level().as_str(),
            level_zh: code.level().name_zh(),
            name: entry.map(GbtEntry::name),
            section: entry.map(GbtEntry::section),
            parent: parent.map(GbtEntry::code),
            parent_name: parent.map(GbtEntry::name),
        }
    }
}

/// A catalogue row (the core's shape) with the industry it belongs to.
#[derive(Serialize)]
struct RowJson {
    #[serde(flatten)]
    row: &'static Row,
    industry: u8,
    industry_name: &'static str,
}

impl<'a> Answer<'a> {
    fn new(input: &'a str, reading: Result<CodeReading, &CodeError>, lang: Lang) -> Answer<'a> {
        let mut answer = Answer {
            input,
            valid: reading.is_ok(),
            error: None,
            code: None,
            successors: None,
            in_catalogue: false,
            industries: Vec::new(),
            rows: Vec::new(),
            szjj: Vec::new(),
        };
        let reading = match reading {
            Ok(reading) => reading,
            Err(e) => {
                answer.error = Some(ErrorJson {
                    kind: e.kind(),
                    message: e.message(lang),
                });
                return answer;
            }
        };
        answer.code = Some(CodeJson::of(
            reading.code(),
            reading.edition(),
            reading.entry(),
        ));
        if let CodeReading::OldClass(_, successors) = reading {
            answer.successors = Some(
                successors
                    .iter()
                    .map(|c| CodeJson::of(*c, Edition::Gbt2017, c.gbt2017()))
                    .collect(),
            );
        }
        answer.industries = reading.industries().iter().map(|i| i.id()).collect();
        answer.rows = reading
            .rows()
            .into_iter()
            .map(|row| RowJson {
                row,
                industry: row.industry().id(),
                industry_name: row.industry().name(),
            })
            .collect();
        answer.in_catalogue = !answer.rows.is_empty();
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
                let _ = write!(s, ", in {parent} {}", c.parent_name.unwrap_or("?"));
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
        for RowJson {
            row,
            industry,
            industry_name,
        } in &self.rows
        {
            let _ = writeln!(
                s,
                "  row {} {} {} — industry {industry} {industry_name}",
                row.id(),
                row.name(),
                row.printed_code()
            );
            let products: Vec<&str> = row.products().iter().map(|p| p.name()).collect();
            if let (true, Some(note)) = (row.is_inferred(), row.note()) {
                let _ = writeln!(
                    s,
                    "    products not published (重点产品和服务未公布): {note}"
                );
                let _ = writeln!(
                    s,
                    "    a record with code {} needs review: products_not_published (需人工复核)",
                    row.code()
                );
            } else if row.is_partial() {
                let _ = writeln!(
                    s,
                    "    only the listed products count ({}): {}",
                    products.len(),
                    products.join("；")
                );
            } else {
                let _ = writeln!(s, "    the whole 小类 counts (整个小类均属目录)");
            }
        }
        for p in &self.szjj {
            let scope = if p.partial {
                "only what its 说明 describes (仅说明所列部分)"
            } else {
                "the whole 小类 (整个小类)"
            };
            let _ = writeln!(
                s,
                "  szjj-2021: {} {} {} — {scope}",
                p.class, p.name, p.printed
            );
        }
        s
    }

    /// [`Answer::text`] in Chinese.
    fn text_zh(&self) -> String {
        let mut s = String::new();
        if let Some(e) = &self.error {
            let kind = reason_label(e.kind, Lang::Zh);
            let _ = writeln!(s, "{}：无效（{kind}）\n  {}", self.input, e.message);
            return s;
        }
        if let Some(c) = &self.code {
            let _ = write!(
                s,
                "{} {}\n  GB/T 4754-{} {}",
                c.code,
                c.name.unwrap_or("？"),
                c.edition,
                c.level_zh
            );
            if let Some(section) = c.section {
                let _ = write!(s, "，门类 {section}");
            }
            if let Some(parent) = c.parent {
                let _ = write!(s, "，属于 {parent} {}", c.parent_name.unwrap_or("？"));
            }
            s.push('\n');
        }
        if let Some(successors) = &self.successors {
            let list: Vec<String> = successors
                .iter()
                .map(|c| format!("{} {}", c.code, c.name.unwrap_or("？")))
                .collect();
            let list = if list.is_empty() {
                "无已知对应".to_owned()
            } else {
                list.join("；")
            };
            let _ = writeln!(s, "  对应的 GB/T 4754-2017 小类：{list}");
        }
        if self.rows.is_empty() {
            let _ = writeln!(s, "  不在目录内");
        }
        for RowJson {
            row,
            industry,
            industry_name,
        } in &self.rows
        {
            let _ = writeln!(
                s,
                "  目录行 {} {} {} — 产业 {industry} {industry_name}",
                row.id(),
                row.name(),
                row.printed_code()
            );
            let products: Vec<&str> = row.products().iter().map(|p| p.name()).collect();
            if row.is_inferred() {
                let _ = writeln!(s, "    推断行：目录表未列出此行，重点产品和服务未公布");
                let _ = writeln!(
                    s,
                    "    行业代码为 {} 的记录需人工复核（该目录行的重点产品未公布）",
                    row.code()
                );
            } else if row.is_partial() {
                let _ = writeln!(
                    s,
                    "    只有所列重点产品属于目录（{} 项）：{}",
                    products.len(),
                    products.join("；")
                );
            } else {
                let _ = writeln!(s, "    整个小类均属目录");
            }
        }
        for p in &self.szjj {
            let scope = if p.partial {
                "仅说明所列部分"
            } else {
                "整个小类"
            };
            let _ = writeln!(
                s,
                "  数字经济分类（szjj-2021）：{} {} {} — {scope}",
                p.class, p.name, p.printed
            );
        }
        s
    }
}
