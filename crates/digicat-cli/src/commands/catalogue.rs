//! `digicat catalogue`: a whole catalogue (`--catalogue dongguan-2019`, the default, or
//! `szjj-2021`) as Markdown, CSV or JSON.

use crate::cli::{CatalogueArgs, CatalogueFormat};
use crate::commands::{json, print};
use crate::error::Failure;
use crate::output::Target;
use digicat::report::Lang;
use digicat::{categories, industries, meta, szjj, CatalogueId, Product};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// Runs the command: to standard output, or atomically to the file given with `-o`. CSV starts
/// with a BOM when written to a file (as `classify -o` does), unless `--no-bom`; `--bom` asks for
/// it on standard output too.
/// The Markdown is in `lang` (its notes; the catalogues' own text is Chinese); CSV and JSON are
/// the machine formats, the same in both languages.
pub fn run(args: &CatalogueArgs, lang: Lang) -> Result<ExitCode, Failure> {
    let text = match (args.catalogue, args.format) {
        (CatalogueId::Dongguan2019, CatalogueFormat::Md) => markdown(lang),
        (CatalogueId::Dongguan2019, CatalogueFormat::Csv) => csv()?,
        (CatalogueId::Dongguan2019, CatalogueFormat::Json) => json(&digicat::Catalogue),
        (CatalogueId::Szjj2021, CatalogueFormat::Md) => szjj_markdown(lang),
        (CatalogueId::Szjj2021, CatalogueFormat::Csv) => szjj_csv()?,
        (CatalogueId::Szjj2021, CatalogueFormat::Json) => json(&digicat::szjj::Catalogue),
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

/// `szjj-2021` as Markdown, its notes in `lang`: one table per 大类 (05 with its note that
/// nothing is classified into it).
fn szjj_markdown(lang: Lang) -> String {
    let m = szjj::meta();
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", m.title());
    let (edition, version) = (m.edition(), m.version());
    let note = match lang {
        Lang::En => format!(
            "Codes: {edition}; `*`: only the part the 说明 describes (in scope with a reviewed \
             term of the 说明). Data version {version}."
        ),
        Lang::Zh => format!(
            "代码：{edition}；带 `*` 的只有说明所述部分属于分类（经营范围含经审核的说明用词时属于）。\
             数据版本 {version}。"
        ),
    };
    let _ = writeln!(
        s,
        "{}，{}，{}。{note}\n",
        m.issuer(),
        m.document(),
        m.date(),
    );
    for d in szjj::divisions() {
        let _ = writeln!(s, "## {} {}\n", d.code(), d.name());
        if !d.is_classifiable() {
            let _ = writeln!(s, "*{}*\n", szjj::not_classifiable(lang));
        }
        let _ = writeln!(
            s,
            "| 中类 | 小类 | 名称 | 国民经济行业代码 | 证据词 |\n|---|---|---|---|---|"
        );
        for g in d.groups() {
            for c in g.classes() {
                let codes: Vec<&str> = c.gbt().iter().map(|r| r.printed()).collect();
                let terms: Vec<&str> = c
                    .terms()
                    .iter()
                    .filter(|t| t.decision() != szjj::Decision::Rejected)
                    .map(|t| t.term())
                    .collect();
                let _ = writeln!(
                    s,
                    "| {} {} | {} | {} | {} | {} |",
                    g.code(),
                    g.name(),
                    c.code(),
                    c.name(),
                    codes.join("；"),
                    terms.join("；")
                );
            }
        }
        s.push('\n');
    }
    s
}

/// `szjj-2021` as CSV: one line per (小类, GB/T code), one line for a 小类 without a code.
fn szjj_csv() -> Result<String, Failure> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| {
        Failure::Output("the catalogue".into(), std::io::Error::other(e.to_string()))
    };
    w.write_record([
        "division",
        "division_name",
        "classifiable",
        "group",
        "group_name",
        "class",
        "class_name",
        "code",
        "partial",
        "terms",
        "note",
    ])
    .map_err(fail)?;
    for d in szjj::divisions() {
        for g in d.groups() {
            for c in g.classes() {
                let terms: Vec<&str> = c
                    .terms()
                    .iter()
                    .filter(|t| t.decision() != szjj::Decision::Rejected)
                    .map(|t| t.term())
                    .collect();
                let terms = terms.join("；");
                let base = [
                    d.code(),
                    d.name(),
                    if d.is_classifiable() { "yes" } else { "no" },
                    g.code(),
                    g.name(),
                    c.code(),
                    c.name(),
                ];
                let codes: Vec<(String, &str)> = if c.gbt().is_empty() {
                    vec![(String::new(), "")]
                } else {
                    c.gbt()
                        .iter()
                        .map(|r| {
                            (
                                r.code().to_string(),
                                if r.is_partial() { "yes" } else { "no" },
                            )
                        })
                        .collect()
                };
                for (code, partial) in &codes {
                    w.write_record(base.iter().copied().chain([
                        code.as_str(),
                        partial,
                        terms.as_str(),
                        c.note(),
                    ]))
                    .map_err(fail)?;
                }
            }
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Failure::Output("the catalogue".into(), e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
