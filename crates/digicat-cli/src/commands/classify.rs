//! `digicat classify`: every row of a list in, every row out with its classification.

use crate::cli::{ClassifyArgs, TableFormat};
use crate::columns;
use crate::error::Failure;
use crate::input::{Decoder, Input, Record, Unit};
use crate::outcome::Outcome;
use crate::output::{Output, RowFormat, Target};
use crate::summary::Summary;
use digicat::report::{self, Lang, Layout, Tally};
use digicat::{CatalogueId, Options};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{self, IsTerminal, Write as _};
use std::path::Path;
use std::process::ExitCode;

/// How many rows pass between progress-bar updates.
pub const PROGRESS_EVERY: u64 = 1024;

/// Runs the command; `Ok` when every row was written.
pub fn run(args: &ClassifyArgs, lang: Lang) -> Result<ExitCode, Failure> {
    let options = args.table.options();
    let format_asked = output_format(args)?;
    let summary_file = summary_format(args)?;
    let target = Target::new(args.output.as_deref(), &args.input)?;
    let mut input = super::open_table(&args.input, &args.table)?;
    let layout = columns::select(&input.header, input.header_line, &args.table.choice())?;
    if let Some(note) = numeric_codes(&input, &layout, lang) {
        eprintln!("digicat: {note}");
    }
    let format = match format_asked {
        Some(TableFormat::Csv) => RowFormat::Delimited(b','),
        Some(TableFormat::Tsv) => RowFormat::Delimited(b'\t'),
        Some(TableFormat::Jsonl) => RowFormat::Jsonl,
        Some(TableFormat::Xlsx) => RowFormat::Xlsx,
        Some(TableFormat::Parquet) => RowFormat::Parquet,
        None => RowFormat::Delimited(input.delimiter.unwrap_or(b',')),
    };
    let groups = group_columns(&args.group_by, &input.header)?;
    let catalogues = args.catalogues();
    let output = Output::new(
        target,
        format,
        &input.header,
        &catalogues,
        (input.parquet_schema(), &layout),
        lang,
        bom(args),
    )?;
    let bar = (!args.quiet && io::stderr().is_terminal()).then(|| progress_bar(&input, lang));
    let mut summary = Summary::start(
        groups,
        catalogues.first() == Some(&CatalogueId::Dongguan2019),
    );
    let header = input.header.clone();
    let classifier = Classifier {
        layout: &layout,
        options: &options,
        catalogues: &catalogues,
        header: &header,
        decoder: input.decoder,
        lang,
    };
    let threads = args.threads();
    let output = if threads > 1 {
        crate::parallel::classify_rows(
            &mut input,
            &classifier,
            threads,
            output,
            &mut summary,
            bar.as_ref(),
        )?
    } else {
        let mut output = output;
        let mut rec = Record::default();
        let mut outcomes: Vec<Outcome> = Vec::with_capacity(catalogues.len());
        while input.next(&mut rec)? {
            outcomes.clear();
            classifier.outcomes(&rec, &mut outcomes);
            // The summary counts the first catalogue's answers.
            if let Some(first) = outcomes.first() {
                summary.add(rec.line, &rec.fields, first);
            }
            output.write(&rec, &outcomes)?;
            if let Some(bar) = &bar {
                if summary.rows().is_multiple_of(PROGRESS_EVERY) {
                    bar.set_position(input.progress().0);
                }
            }
        }
        output
    };
    let about = about(args, &input, &layout, &options, lang);
    let written = output.finish(summary.tally(), &about)?;
    if let (Some(path), Some(kind)) = (args.summary.as_deref(), summary_file) {
        write_summary(path, kind, &args.input, summary.tally(), &about, args, lang)?;
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    // Classifying without a code is never silent: the summary's first line says so, and with
    // --quiet a one-line note remains unless --text-only asked for it.
    let text_only = layout.text_only().then_some(match (args.table.text_only, lang) {
        (true, Lang::En) => "classified by text only (--text-only) (只按经营范围分类)",
        (true, Lang::Zh) => "只按经营范围分类（--text-only）",
        (false, Lang::En) => {
            "classified by text only: the header has no code column (无行业代码列，只按经营范围分类)"
        }
        (false, Lang::Zh) => "表头无行业代码列，只按经营范围分类",
    });
    if args.quiet {
        if let (Some(note), false) = (text_only, args.table.text_only) {
            eprintln!("digicat: {note}");
        }
    } else {
        let zh = lang == Lang::Zh;
        let code_col = columns::describe(&layout, &input.header, zh);
        let text_col = columns::describe_text(&layout, &input.header, zh);
        let (policy, edition) = (options.policy.as_str(), options.edition.as_str());
        let context = if zh {
            [
                format!("输入：{}（{}）", input.name.zh, input.describe_zh()),
                match input.header_line {
                    0 => format!("表头：Parquet 文件的列（{} 列）", input.header.len()),
                    line => format!("表头：第 {line} 行（{} 列）", input.header.len()),
                },
                format!("行业代码列：{code_col}；经营范围列：{text_col}"),
                format!(
                    "目录版本 {}，判定规则 {}，行业分类版本 {}",
                    versions(&catalogues),
                    super::policy_zh(options.policy),
                    edition_zh(edition)
                ),
            ]
        } else {
            [
                format!("input: {} ({})", input.name.en, input.describe()),
                match input.header_line {
                    0 => format!(
                        "header: the Parquet schema ({} columns)",
                        input.header.len()
                    ),
                    line => format!("header: line {line} ({} columns)", input.header.len()),
                },
                format!("code column: {code_col}; text column: {text_col}"),
                format!(
                    "catalogue {}, policy {policy}, edition {edition}",
                    versions(&catalogues)
                ),
            ]
        };
        eprint!("{}", summary.render(written, text_only, &context, lang));
    }
    Ok(if args.strict && summary.invalid() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What the classifying threads need to turn a record into the outcomes of every catalogue.
pub struct Classifier<'a> {
    /// The input's columns.
    pub layout: &'a Layout,
    /// Policy and edition.
    pub options: &'a Options,
    /// The catalogues, in output order (never empty).
    pub catalogues: &'a [CatalogueId],
    /// The input's header (for messages about malformed records).
    pub header: &'a [String],
    /// The input's decoder (for messages about undecodable bytes).
    pub decoder: Option<Decoder>,
    /// The language of those messages.
    pub lang: Lang,
}

impl Classifier<'_> {
    /// Appends to `out` what becomes of one record in each catalogue, in order: skipped or
    /// unread (malformed, undecodable) in all of them alike, else classified by each.
    pub fn outcomes(&self, rec: &Record, out: &mut Vec<Outcome>) {
        let unclassified = match &rec.problem {
            Some(p) => Some(match p.skip_reason(&rec.fields) {
                // A blank or footer line of another width (`合计：26家` alone): nothing is lost.
                Some(reason) => Outcome::Skipped(reason),
                None => Outcome::Unread {
                    reason: p.reason(),
                    error: p.message(rec.line, self.header, self.decoder, self.lang),
                },
            }),
            None => report::skip_reason(&rec.fields).map(Outcome::Skipped),
        };
        out.extend(self.catalogues.iter().map(|id| match (&unclassified, id) {
            (Some(o), _) => o.clone(),
            (None, CatalogueId::Dongguan2019) => {
                self.layout.classify(&rec.fields, self.options).into()
            }
            (None, CatalogueId::Szjj2021) => {
                Outcome::Szjj(self.layout.classify_szjj(&rec.fields, self.options))
            }
        }));
    }
}

/// The catalogues' data versions: the Dongguan one alone as before (`2019-07-30+…`), else each
/// with its id (`dongguan-2019 2019-07-30+…, szjj-2021 2021-05-27+…`); the summary counts the first.
fn versions(catalogues: &[CatalogueId]) -> String {
    let version = |c: CatalogueId| match c {
        CatalogueId::Dongguan2019 => digicat::CATALOGUE_VERSION,
        CatalogueId::Szjj2021 => digicat::szjj::meta().version(),
    };
    match catalogues {
        [CatalogueId::Dongguan2019] => digicat::CATALOGUE_VERSION.to_owned(),
        _ => catalogues
            .iter()
            .map(|c| format!("{c} {}", version(*c)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The note, said even with `--quiet`, when a code column of a Parquet input holds numbers: they
/// are read in decimal, and a code stored as a number has lost any leading zero (`0111` stored
/// as 111 reads as the 中类 `111`), which cannot be recovered.
fn numeric_codes(input: &Input, layout: &Layout, lang: Lang) -> Option<String> {
    let schema = input.parquet_schema()?;
    let numeric: Vec<&str> = layout
        .code_columns()
        .into_iter()
        .filter_map(|i| schema.fields().get(i))
        .filter(|f| crate::parquet::read::numeric(f.data_type()))
        .map(|f| f.name().as_str())
        .collect();
    if numeric.is_empty() {
        return None;
    }
    Some(match lang {
        Lang::En => format!(
            "code column(s) {} hold numbers, read in decimal: a code stored as a number has lost \
             any leading zero (0111 reads as 111); store codes as strings (行业代码列为数值)",
            numeric.join(", ")
        ),
        Lang::Zh => format!(
            "行业代码列（{}）为数值，按十进制读取：以数值保存的代码已丢失前导零（0111 读作 111）；请以文本保存代码",
            numeric.join("、")
        ),
    })
}

/// A progress bar on standard error: bytes of a file, rows of a sheet, or a row counter.
fn progress_bar(input: &Input, lang: Lang) -> ProgressBar {
    let (_, total, unit) = input.progress();
    let template = match (total, unit, lang) {
        (Some(_), Unit::Bytes, Lang::En) => {
            "{spinner} classifying {wide_bar} {bytes}/{total_bytes} ({eta} left)"
        }
        (Some(_), Unit::Rows, Lang::En) => {
            "{spinner} classifying {wide_bar} {pos}/{len} rows ({eta} left)"
        }
        (None, _, Lang::En) => "{spinner} classifying… {bytes} read in {elapsed}",
        (Some(_), Unit::Bytes, Lang::Zh) => {
            "{spinner} 正在分类 {wide_bar} {bytes}/{total_bytes}（还需 {eta}）"
        }
        (Some(_), Unit::Rows, Lang::Zh) => {
            "{spinner} 正在分类 {wide_bar} {pos}/{len} 行（还需 {eta}）"
        }
        (None, _, Lang::Zh) => "{spinner} 正在分类… 已读 {bytes}，用时 {elapsed}",
    };
    let bar = match total {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// The output format: `--format`, else the extension of OUTPUT (`.xlsx`, `.csv`, `.tsv`/`.tab`,
/// `.jsonl`/`.ndjson`), else `None` (CSV, or TSV for TSV input). An extension that disagrees
/// with `--format`, or a workbook extension digicat does not write (`.xls`, `.xlsm`, `.xlsb`,
/// `.ods`), is a usage error: never a silent mismatch.
fn output_format(args: &ClassifyArgs) -> Result<Option<TableFormat>, Failure> {
    let Some(path) = args.output.as_deref().filter(|p| *p != Path::new("-")) else {
        return Ok(args.format);
    };
    let ext = extension(path);
    let implied = match ext.as_str() {
        "xlsx" => Some(TableFormat::Xlsx),
        "csv" => Some(TableFormat::Csv),
        "tsv" | "tab" => Some(TableFormat::Tsv),
        "jsonl" | "ndjson" => Some(TableFormat::Jsonl),
        "parquet" | "pq" => Some(TableFormat::Parquet),
        "xls" | "xlsm" | "xlsb" | "ods" | "et" => {
            return Err(Failure::said(
                format!(
                    "cannot write {}: digicat writes workbooks as .xlsx only; name the output {}",
                    path.display(),
                    path.with_extension("xlsx").display()
                ),
                format!(
                    "无法写出 {}：digicat 只写 .xlsx 工作簿；请把输出文件命名为 {}",
                    path.display(),
                    path.with_extension("xlsx").display()
                ),
            ))
        }
        _ => None,
    };
    match (args.format, implied) {
        (Some(asked), Some(implied)) if asked != implied => Err(Failure::said(
            format!(
                "--format {} disagrees with the output's extension .{ext}: drop --format, or name \
                 the output with .{}",
                format_name(asked),
                format_name(asked)
            ),
            format!(
                "--format {} 与输出文件的扩展名 .{ext} 不符：请去掉 --format，或把输出文件的扩展名改为 .{}",
                format_name(asked),
                format_name(asked)
            ),
        )),
        (Some(asked), _) => Ok(Some(asked)),
        (None, implied) => Ok(implied),
    }
}

/// A path's extension, lower case (empty when none).
fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// The `--format` name of a format.
fn format_name(format: TableFormat) -> &'static str {
    match format {
        TableFormat::Csv => "csv",
        TableFormat::Tsv => "tsv",
        TableFormat::Jsonl => "jsonl",
        TableFormat::Xlsx => "xlsx",
        TableFormat::Parquet => "parquet",
    }
}

/// The `--summary` file's format, by its extension: `.csv` or `.xlsx` (else a usage error).
fn summary_format(args: &ClassifyArgs) -> Result<Option<TableFormat>, Failure> {
    let Some(path) = args.summary.as_deref() else {
        return Ok(None);
    };
    if args.output.as_deref().is_some_and(|o| o == path) {
        return Err(Failure::said(
            format!(
                "--summary {} is the output file too: name another file",
                path.display()
            ),
            format!("汇总文件 {} 与输出文件相同：请另取文件名", path.display()),
        ));
    }
    match extension(path).as_str() {
        "csv" => Ok(Some(TableFormat::Csv)),
        "xlsx" => Ok(Some(TableFormat::Xlsx)),
        _ => Err(Failure::said(
            format!(
                "--summary {}: the summary file is written as .csv or .xlsx, by its extension",
                path.display()
            ),
            format!(
                "--summary {}：汇总文件须以 .csv 或 .xlsx 为扩展名",
                path.display()
            ),
        )),
    }
}

/// Whether CSV/TSV output starts with a BOM: `--bom`, `--no-bom`, else on for a file given with
/// `-o` (so that Excel, which reads a CSV without BOM in the system's code page — GBK on a
/// Chinese Windows — reads it as UTF-8) and off for standard output.
fn bom(args: &ClassifyArgs) -> bool {
    if args.bom || args.no_bom {
        return args.bom;
    }
    args.output.as_deref().is_some_and(|p| p != Path::new("-"))
}

/// The `--group-by` columns: (header as written in the input, position). A name is matched
/// exactly, else ignoring ASCII case and surrounding spaces; a missing one is a usage error.
fn group_columns(names: &[String], header: &[String]) -> Result<Vec<(String, usize)>, Failure> {
    names
        .iter()
        .map(|name| {
            let at = header.iter().position(|h| h == name).or_else(|| {
                header
                    .iter()
                    .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
            });
            match at {
                Some(i) => Ok((header[i].clone(), i)),
                None => Err(Failure::said(
                    format!(
                        "--group-by {name}: no such column; the header is: {}",
                        header.join(", ")
                    ),
                    format!(
                        "--group-by {name}：找不到此列；表头为：{}",
                        header.join("，")
                    ),
                )),
            }
        })
        .collect()
}

/// An `--edition` name in Chinese.
fn edition_zh(edition: &str) -> &'static str {
    match edition {
        "2017" => "2017版",
        "2011" => "2011版",
        _ => "自动",
    }
}

/// What the options sheet and the summary file record: versions, input, columns and options.
fn about(
    args: &ClassifyArgs,
    input: &Input,
    layout: &Layout,
    options: &Options,
    lang: Lang,
) -> Vec<(String, String)> {
    let zh = lang == Lang::Zh;
    let label = |en: &str, cn: &str| if zh { cn.to_owned() } else { en.to_owned() };
    vec![
        (
            label("catalogue", "目录"),
            format!("{} ({})", digicat::CATALOGUE_VERSION, meta_title()),
        ),
        (
            label("catalogues", "分类目录"),
            args.catalogues()
                .iter()
                .map(|c| format!("{c} ({})", c.title()))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (
            label("digicat", "digicat 版本"),
            env!("CARGO_PKG_VERSION").to_owned(),
        ),
        (
            label("input", "输入"),
            if zh {
                format!("{}（{}）", input.name.zh, input.describe_zh())
            } else {
                format!("{} ({})", input.name.en, input.describe())
            },
        ),
        (
            label("header row", "表头行"),
            match input.header_line {
                0 => label("the Parquet schema", "Parquet 文件的列"),
                line => line.to_string(),
            },
        ),
        (
            label("code column", "行业代码列"),
            columns::describe(layout, &input.header, zh),
        ),
        (
            label("text column", "经营范围列"),
            columns::describe_text(layout, &input.header, zh),
        ),
        (
            label("policy", "判定规则"),
            if zh {
                super::policy_zh(options.policy)
            } else {
                options.policy.as_str()
            }
            .to_owned(),
        ),
        (
            label("edition", "行业分类版本"),
            if zh {
                edition_zh(options.edition.as_str())
            } else {
                options.edition.as_str()
            }
            .to_owned(),
        ),
        (
            label("language", "语言"),
            if zh { "zh" } else { "en" }.to_owned(),
        ),
        (label("group by", "分组列"), args.group_by.join(", ")),
    ]
}

/// The catalogue's title.
fn meta_title() -> &'static str {
    digicat::meta().title()
}

/// Writes the `--summary` file: the summary table as CSV (with a BOM, as for `-o` files unless
/// `--no-bom`) or as a workbook of two sheets (summary, options).
fn write_summary(
    path: &Path,
    kind: TableFormat,
    input: &Path,
    tally: &Tally,
    about: &[(String, String)],
    args: &ClassifyArgs,
    lang: Lang,
) -> Result<(), Failure> {
    let mut target = Target::new(Some(path), input)?;
    let name = target.name().to_owned();
    if kind == TableFormat::Xlsx {
        crate::xlsx::summary_book(&mut target, tally, about, lang)?;
        return target.commit();
    }
    if !args.no_bom {
        target
            .write_all("\u{FEFF}".as_bytes())
            .map_err(|e| Failure::output(&name, e))?;
    }
    let mut w = csv::Writer::from_writer(target);
    let failed = |e: csv::Error| Failure::output(&name, io::Error::other(e.to_string()));
    w.write_record(report::summary_columns(lang))
        .map_err(failed)?;
    for row in tally.table(lang) {
        w.write_record(&row).map_err(failed)?;
    }
    let target = w
        .into_inner()
        .map_err(|e| Failure::output(&name, e.into_error()))?;
    target.commit()
}
