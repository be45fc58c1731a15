//! `digicat assess`: a roster against policy criteria (the logic lives in `digicat-assess`).

use crate::cli::{EncodingArg, TableArgs};
use crate::error::Failure;
use crate::input::{HeaderSpec, Input, Record};
use crate::output::Target;
use clap::Args;
use digicat::report::{Choice, Lang};
use digicat_assess::report::Report;
use digicat_assess::request::{Message, Prepared, Request};
use digicat_assess::{Roster, RosterOptions, ScoreSheet, Unread, Verdict};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The long help of `digicat assess`.
pub const ABOUT: &str = "\
Assess the parks of an enterprise roster (CSV, TSV or XLSX: one enterprise a row) against policy \
criteria shipped as data (data/criteria: pilot-park-2019, pilot-park-targets-2022, cluster-2021, \
software-cluster-2025, digital-economy-2025) or a criteria .tsv of your own. Each row is classified as \
`digicat classify` does (also by szjj-2021 when a criterion counts a szjj: population such as \
szjj:core, the 数字经济核心产业); each criterion names who it counts and by which catalogue, and gets its value (a range when enterprises are still needs_review), threshold, \
verdict (met, not_met, undetermined, not_computable) and gap in the document's terms. Money columns \
need a unit in the header (（万元）, 亿元, 元) or --unit: it is never guessed. Missing or unreadable \
cells are listed and excluded; when they could change a verdict it is undetermined. Writes JSON \
(schema digicat-assess/1, see data/criteria/README.md), for -o *.html a self-contained HTML \
report, for -o *.xlsx a workbook (总览, one sheet per park, 企业 with each row's criteria); a summary with per-park verdicts goes to standard error.";

/// Options of `digicat assess`.
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// Roster file (.csv, .tsv, .xlsx) or - for standard input
    pub input: PathBuf,
    /// Criteria sets, comma-separated: shipped ids or paths to .tsv files
    #[arg(long, required = true, value_delimiter = ',')]
    pub criteria: Vec<String>,
    /// Output file: .json, .html or .xlsx [default: JSON on standard output]
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The park column [default: a header containing 园区]
    #[arg(long)]
    pub park_col: Option<String>,
    /// A park attribute NAME=VALUE, or PARK:NAME=VALUE for one park (space_m2, matching_ratio,
    /// city_employees, industry_rd_intensity, period_start); repeatable
    #[arg(long = "attr")]
    pub attrs: Vec<String>,
    /// A TSV of park attributes: columns 园区, 属性 (attribute name), 值 (value); park * = all
    #[arg(long)]
    pub attr_file: Option<PathBuf>,
    /// The unit of a money column, HEADER=UNIT or FIELD=UNIT (元, 万元, 亿元); repeatable
    #[arg(long = "unit")]
    pub units: Vec<String>,
    /// Name a column: ROLE=HEADER (name, credit_code, settle_date, revenue:2023, employees, …); repeatable
    #[arg(long = "col")]
    pub columns: Vec<String>,
    /// Use the other reading of an ambiguous criterion: SET.ID (e.g. pilot-park-2019.revenue_3y); repeatable
    #[arg(long = "reading")]
    pub readings: Vec<String>,
    /// Experts' scores (CSV, TSV or XLSX): columns 指标 (number or criterion id), 得分, and
    /// optionally 园区 (blank or * = every park) and 准则集; completes the weighted sets' totals
    #[arg(long, value_name = "FILE")]
    pub scores: Option<PathBuf>,
    /// How the roster is read and classified.
    #[command(flatten)]
    pub table: TableArgs,
    /// No summary on standard error
    #[arg(short, long)]
    pub quiet: bool,
}

/// A message of the assessment crate in both languages.
fn usage(m: Message) -> Failure {
    Failure::said(m.en, m.zh)
}

/// Runs `digicat assess`.
pub fn run(args: &AssessArgs, lang: Lang) -> Result<ExitCode, Failure> {
    let kind = output_kind(args.output.as_deref())?;
    let attr_file = match &args.attr_file {
        Some(path) => Some((
            path.display().to_string(),
            std::fs::read_to_string(path).map_err(|e| Failure::input(path.display(), e))?,
        )),
        None => None,
    };
    let request = Request {
        criteria: args.criteria.clone(),
        readings: args.readings.clone(),
        attrs: args.attrs.clone(),
        attr_file,
        units: args.units.clone(),
        columns: args.columns.clone(),
    };
    let Prepared {
        sets,
        attrs,
        units,
        columns,
    } = request.prepare().map_err(usage)?;
    let table = &args.table;
    let options = RosterOptions {
        code_col: table.code_col.clone(),
        text_col: table.text_col.clone(),
        text_only: table.text_only,
        park_col: args.park_col.clone(),
        columns,
        units,
        classify: table.options(),
        // Records are classified by szjj-2021 only when a criterion counts by it.
        szjj: sets.iter().any(digicat_assess::CriteriaSet::needs_szjj),
    };
    let mut input = super::open_table(&args.input, table)?;
    let mut records = Vec::new();
    let mut unread = Vec::new();
    let mut rec = Record::default();
    while input.next(&mut rec)? {
        if let Some(p) = &rec.problem {
            // A record that cannot be read is kept as an invalid row, never dropped.
            if p.skip_reason(&rec.fields).is_none() {
                unread.push(Unread {
                    line: rec.line,
                    reason: p.reason().to_owned(),
                    message: p.message(rec.line, &input.header, input.decoder, lang),
                });
            }
        }
        records.push((rec.line, rec.fields.clone()));
    }
    let roster = Roster::read_marked(&input.header, &records, &unread, &options).map_err(|e| {
        Failure::said(
            format!("{}: {e}", input.name.en),
            format!("{}：{}", input.name.zh, e.message_zh()),
        )
    })?;
    let sheet = match &args.scores {
        Some(path) => read_scores(path, &sets, &roster.group_names(), lang)?,
        None => ScoreSheet::default(),
    };
    let report = Report::build(&roster, &sets, &attrs, &sheet);
    let mut target = Target::new(args.output.as_deref(), &args.input)?;
    match kind {
        Kind::Xlsx => {
            target.write_with(|file| digicat_assess::xlsx::write_to(&report, file))?;
        }
        Kind::Html => write_text(&mut target, &digicat_assess::html::render(&report))?,
        Kind::Json => write_text(&mut target, &(report.to_json() + "\n"))?,
    }
    target.commit()?;
    if !args.quiet {
        eprint!("{}", summary(&report, lang));
    }
    Ok(ExitCode::SUCCESS)
}

/// What `-o` asks for, by its extension.
enum Kind {
    Json,
    Html,
    Xlsx,
}

fn output_kind(output: Option<&Path>) -> Result<Kind, Failure> {
    let extension = output
        .filter(|p| *p != Path::new("-"))
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_lowercase());
    match extension.as_deref() {
        None | Some("json") => Ok(Kind::Json),
        Some("html" | "htm") => Ok(Kind::Html),
        Some("xlsx") => Ok(Kind::Xlsx),
        Some(other) => Err(Failure::said(
            format!("-o: unknown output type .{other}; use .json, .html or .xlsx"),
            format!("-o：不支持 .{other} 输出，请用 .json、.html 或 .xlsx"),
        )),
    }
}

/// Writes a whole text document to the output.
fn write_text(target: &mut Target, text: &str) -> Result<(), Failure> {
    use std::io::Write as _;
    let name = target.name().clone();
    target
        .write_all(text.as_bytes())
        .map_err(|e| Failure::output(&name, e))
}

/// Reads the experts' score sheet (its header on the first row).
fn read_scores(
    path: &Path,
    sets: &[digicat_assess::CriteriaSet],
    groups: &[String],
    lang: Lang,
) -> Result<ScoreSheet, Failure> {
    let spec = HeaderSpec {
        row: Some(1),
        choice: Choice::default(),
    };
    let mut input = Input::open(path, EncodingArg::Auto, None, spec)?;
    let mut rows = Vec::new();
    let mut rec = Record::default();
    while input.next(&mut rec)? {
        if let Some(p) = &rec.problem {
            if p.skip_reason(&rec.fields).is_none() {
                return Err(Failure::said(
                    p.message(rec.line, &input.header, input.decoder, Lang::En),
                    p.message(rec.line, &input.header, input.decoder, lang),
                ));
            }
        }
        rows.push((rec.line, rec.fields.clone()));
    }
    ScoreSheet::read(input.name.get(lang), &input.header, &rows, sets, groups)
        .map_err(|zh| Failure::said(zh.clone(), zh))
}

/// The standard-error summary: the roster, then one line per group and criteria set, in `lang`
/// (English keeps a Chinese gloss; the gaps and notes are the report's own Chinese values).
fn summary(report: &Report, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let list = |lines: &mut dyn Iterator<Item = String>| {
        lines.collect::<Vec<_>>().join(if zh { "、" } else { ", " })
    };
    let r = &report.roster;
    let mut s = if zh {
        format!(
            "digicat assess：名册 {} 行，计入 {} 家企业\n",
            r.rows, r.counted
        )
    } else {
        format!(
            "digicat assess: {} rows, {} enterprises counted (名册 {} 行，计入 {} 家)\n",
            r.rows, r.counted, r.rows, r.counted
        )
    };
    if !r.duplicates.is_empty() {
        let lines = list(
            &mut r
                .duplicates
                .iter()
                .map(|d| format!("{} (= {})", d.line, d.duplicate_of)),
        );
        s.push_str(&if zh {
            format!("  重复企业只计一次：第 {lines} 行\n")
        } else {
            format!("  duplicates counted once (重复企业只计一次): lines {lines}\n")
        });
    }
    if !r.without_park.is_empty() {
        let n = r.without_park.len();
        let lines = list(&mut r.without_park.iter().map(u64::to_string));
        s.push_str(&if zh {
            format!("  {n} 行没有园区，不计入各园区结果：第 {lines} 行\n")
        } else {
            format!("  {n} row(s) without a park, left out of per-park results (无园区的行): lines {lines}\n")
        });
    }
    if !r.unread.is_empty() {
        let n = r.unread.len();
        let lines = list(&mut r.unread.iter().map(|u| u.line.to_string()));
        s.push_str(&if zh {
            format!("  {n} 行无法读取，保留为无效行，它们可能改变的结论记为无法判定：第 {lines} 行\n")
        } else {
            format!("  {n} record(s) could not be read, kept as invalid rows; verdicts they could change are undetermined (无法读取的行): lines {lines}\n")
        });
    }
    for set in &report.criteria_sets {
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for o in report.groups.iter().flat_map(|g| &g.results) {
            if o.set == set.id
                && o.catalogue.is_some()
                && !seen.contains(&(&o.population, &o.population_zh))
            {
                seen.push((&o.population, &o.population_zh));
            }
        }
        if seen.is_empty() {
            continue;
        }
        let items = seen
            .iter()
            .map(|(p, name)| {
                if zh {
                    (*name).to_owned()
                } else {
                    format!("{p} = {name}")
                }
            })
            .collect::<Vec<_>>()
            .join(if zh { "；" } else { "; " });
        s.push_str(&if zh {
            format!("  {} 统计范围：{items}\n", set.id)
        } else {
            format!("  {} counts (统计范围): {items}\n", set.id)
        });
    }
    for score in &report.scores {
        let total = digicat_assess::score::range_text(score.low, score.high);
        let missing = list(&mut score.missing.iter().map(u32::to_string));
        s.push_str(&match (zh, score.complete) {
            (true, true) => format!(
                "  {} · {}：得分 {total} / {}\n",
                score.group, score.set, score.out_of
            ),
            (true, false) => format!(
                "  {} · {}：得分 {total} / {}，未评分指标：{missing}\n",
                score.group, score.set, score.out_of
            ),
            (false, true) => format!(
                "  {} · {}: score {total} / {} (得分)\n",
                score.group, score.set, score.out_of
            ),
            (false, false) => format!(
                "  {} · {}: score {total} / {} (得分) — not scored yet (未评分指标): {missing}\n",
                score.group, score.set, score.out_of
            ),
        });
    }
    for g in &report.groups {
        for set in &report.criteria_sets {
            let results: Vec<_> = g.results.iter().filter(|o| o.set == set.id).collect();
            if results.is_empty() {
                continue;
            }
            let n = |v: Verdict| results.iter().filter(|o| o.verdict == v).count();
            let computed = results.len() - n(Verdict::NotComputable);
            let overall = if n(Verdict::NotMet) > 0 {
                Verdict::NotMet
            } else if n(Verdict::Undetermined) > 0 {
                Verdict::Undetermined
            } else {
                Verdict::Met
            };
            s.push_str(&if zh {
                format!(
                    "  {} · {}：{} —— 达到 {}/{}，未达到 {}，无法判定 {}，不可计算 {}\n",
                    g.group,
                    set.id,
                    overall.name_zh(),
                    n(Verdict::Met),
                    computed,
                    n(Verdict::NotMet),
                    n(Verdict::Undetermined),
                    n(Verdict::NotComputable)
                )
            } else {
                format!(
                    "  {} · {}: {} ({}) — met {}/{}, not met {}, undetermined {}, not computable {}\n",
                    g.group,
                    set.id,
                    overall.as_str(),
                    overall.name_zh(),
                    n(Verdict::Met),
                    computed,
                    n(Verdict::NotMet),
                    n(Verdict::Undetermined),
                    n(Verdict::NotComputable)
                )
            });
            for o in results
                .iter()
                .filter(|o| matches!(o.verdict, Verdict::NotMet | Verdict::Undetermined))
            {
                let notes = if o.verdict == Verdict::Undetermined {
                    if zh {
                        format!("［{}］", o.notes.join("；"))
                    } else {
                        format!(" [{}]", o.notes.join("; "))
                    }
                } else {
                    String::new()
                };
                s.push_str(&format!(
                    "      {} {}{}{}{}\n",
                    o.id,
                    o.verdict.name_zh(),
                    if zh { "：" } else { ": " },
                    o.gap.clone().unwrap_or_default(),
                    notes
                ));
            }
        }
    }
    s
}
