//! `digicat catalogue`: the whole catalogue as Markdown, CSV or JSON.

use crate::cli::{CatalogueArgs, CatalogueFormat};
use crate::commands::{json, print};
use crate::error::Failure;
use crate::output::Target;
use digicat::report::Lang;
use digicat::{categories, industries, meta, Product};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// Runs the command: to standard output, or atomically to the file given with `-o`. CSV starts
/// with a BOM when written to a file (as `classify -o` does), unless `--no-bom`; `--bom` asks for
/// it on standard output too.
/// The Markdown is in `lang` (its notes; the catalogue's own text is Chinese); CSV and JSON are
/// the machine formats, the same in both languages.
pub fn run(args: &CatalogueArgs, lang: Lang) -> Result<ExitCode, Failure> {
    let text = match args.format {
        CatalogueFormat::Md => markdown(lang),
        CatalogueFormat::Csv => csv()?,
        CatalogueFormat::Json => json(&digicat::Catalogue),
    };
    let file = args.output.as_deref().filter(|p| *p != Path::new("-"));
    let bom = args.format == CatalogueFormat::Csv && (args.bom || (file.is_some() && !args.no_bom));
    let text = if bom { format!("\u{FEFF}{text}") } else { text };
    match file {
        None => print(&text)?,
        Some(path) => {
            let mut target = Target::new(Some(path), Path::new("-"))?;
            let name = target.name().to_owned();
            target
                .write_all(text.as_bytes())
                .map_err(|e| Failure::output(&name, e))?;
            target.commit()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A product as printed in the table: `name（note）`.
fn printed(p: &Product) -> String {
    match p.note() {
        Some(note) => format!("{}（{note}）", p.name()),
        None => p.name().to_owned(),
    }
}

fn markdown(lang: Lang) -> String {
    let m = meta();
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", m.title());
    let (edition, version) = (m.edition(), m.version());
    let note = match lang {
        Lang::En => {
            format!(
                "Codes: {edition}; `*`: only the listed products count. Data version {version}."
            )
        }
        Lang::Zh => {
            format!("代码：{edition}；带 `*` 的只有所列重点产品属于目录。数据版本 {version}。")
        }
    };
    let _ = writeln!(
        s,
        "{}，{}，{}，{}。{note}\n",
        m.issuer(),
        m.document(),
        m.date(),
        m.status(),
    );
    for category in categories() {
        let _ = writeln!(s, "## {}\n", category.name());
        for industry in category.industries() {
            let _ = writeln!(s, "### {}. {}\n", industry.id(), industry.name());
            let _ = writeln!(
                s,
                "| 行 | 行业名称 | 代码 | 重点产品和服务 |\n|---|---|---|---|"
            );
            for r in industry.rows() {
                let products: Vec<String> = r.products().iter().map(printed).collect();
                let cell = match (r.note(), lang) {
                    (Some(_), Lang::Zh) if r.is_inferred() => {
                        "*推断行：目录表未列出此行，重点产品和服务未公布*".to_owned()
                    }
                    (Some(note), _) => format!("*{note}*"),
                    (None, _) => products.join("；"),
                };
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} |",
                    r.id(),
                    r.name(),
                    r.printed_code(),
                    cell.replace('|', "\\|")
                );
            }
            s.push('\n');
        }
    }
    s
}

fn csv() -> Result<String, Failure> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| {
        Failure::Output("the catalogue".into(), std::io::Error::other(e.to_string()))
    };
    w.write_record([
        "category",
        "industry_id",
        "industry",
        "row",
        "row_name",
        "code",
        "partial",
        "product",
        "note",
        "inferred",
        "row_note",
    ])
    .map_err(fail)?;
    for industry in industries() {
        for r in industry.rows() {
            let id = industry.id().to_string();
            let code = r.code().to_string();
            let partial = if r.is_partial() { "yes" } else { "no" };
            let inferred = if r.is_inferred() { "yes" } else { "no" };
            let row_note = r.note().unwrap_or("");
            let base = [
                industry.category().name(),
                id.as_str(),
                industry.name(),
                r.id(),
                r.name(),
                code.as_str(),
                partial,
            ];
            if r.products().is_empty() {
                w.write_record(base.iter().copied().chain(["", "", inferred, row_note]))
                    .map_err(fail)?;
            }
            for p in r.products() {
                w.write_record(base.iter().copied().chain([
                    p.name(),
                    p.note().unwrap_or(""),
                    inferred,
                    row_note,
                ]))
                .map_err(fail)?;
            }
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Failure::Output("the catalogue".into(), e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
