//! `digicat classify`: every row of a list in, every row out with its classification.

use crate::cli::{ClassifyArgs, TableFormat};
use crate::columns;
use crate::error::Failure;
use crate::input::{HeaderSpec, Input, Record, Unit};
use crate::outcome::Outcome;
use crate::output::{Output, RowFormat, Target};
use crate::summary::Summary;
use digicat::report::Choice;
use digicat::Options;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{self, IsTerminal};
use std::process::ExitCode;

/// How many rows pass between progress-bar updates.
const PROGRESS_EVERY: u64 = 1024;

/// Runs the command; `Ok` when every row was written.
pub fn run(args: &ClassifyArgs) -> Result<ExitCode, Failure> {
    let options = Options {
        policy: args.policy,
        edition: args.edition.unwrap_or_default(),
    };
    let target = Target::new(args.output.as_deref(), &args.input)?;
    let choice = Choice {
        code_col: args.code_col.as_deref(),
        text_col: args.text_col.as_deref(),
        text_only: args.text_only,
    };
    let spec = HeaderSpec {
        row: args.header_row,
        choice,
    };
    let mut input = Input::open(&args.input, args.encoding, args.sheet.as_deref(), spec)?;
    let layout = columns::select(&input.header, input.header_line, &choice)?;
    let format = match args.format {
        Some(TableFormat::Csv) => RowFormat::Delimited(b','),
        Some(TableFormat::Tsv) => RowFormat::Delimited(b'\t'),
        Some(TableFormat::Jsonl) => RowFormat::Jsonl,
        None => RowFormat::Delimited(input.delimiter.unwrap_or(b',')),
    };
    let mut output = Output::new(target, format, &input.header, args.lang, args.bom)?;
    let bar = (!args.quiet && io::stderr().is_terminal()).then(|| progress_bar(&input));
    let mut summary = Summary::start();
    let mut rec = Record::default();
    while input.next(&mut rec)? {
        let outcome = match &rec.problem {
            Some(p) => match p.skip_reason(&rec.fields) {
                // A blank or footer line of another width (`合计：26家` alone): nothing is lost.
                Some(reason) => Outcome::Skipped(reason),
                None => Outcome::Unread {
                    reason: p.reason(),
                    error: p.message(rec.line, &input.header, input.decoder),
                },
            },
            None => layout.classify(&rec.fields, &options).into(),
        };
        summary.add(rec.line, &outcome);
        output.write(&rec, &outcome)?;
        if let Some(bar) = &bar {
            if summary.rows().is_multiple_of(PROGRESS_EVERY) {
                bar.set_position(input.progress().0);
            }
        }
    }
    let written = output.finish()?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    // Classifying without a code is never silent: the summary's first line says so, and with
    // --quiet a one-line note remains unless --text-only asked for it.
    let text_only = layout.text_only().then_some(if args.text_only {
        "classified by text only (--text-only) (只按经营范围分类)"
    } else {
        "classified by text only: the header has no code column (无行业代码列，只按经营范围分类)"
    });
    if args.quiet {
        if let (Some(note), false) = (text_only, args.text_only) {
            eprintln!("digicat: {note}");
        }
    } else {
        let context = [
            format!("input: {} ({})", input.name, input.describe()),
            format!(
                "header: line {} ({} columns)",
                input.header_line,
                input.header.len()
            ),
            format!(
                "code column: {}; text column: {}",
                columns::describe(&layout, &input.header),
                columns::describe_text(&layout, &input.header)
            ),
            format!(
                "catalogue {}, policy {}, edition {}",
                digicat::CATALOGUE_VERSION,
                options.policy.as_str(),
                options.edition.as_str()
            ),
        ];
        eprint!("{}", summary.render(written, text_only, &context));
    }
    Ok(if args.strict && summary.invalid() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress bar on standard error: bytes of a file, rows of a sheet, or a row counter.
fn progress_bar(input: &Input) -> ProgressBar {
    let (_, total, unit) = input.progress();
    let template = match (total, unit) {
        (Some(_), Unit::Bytes) => {
            "{spinner} classifying {wide_bar} {bytes}/{total_bytes} ({eta} left)"
        }
        (Some(_), Unit::Rows) => "{spinner} classifying {wide_bar} {pos}/{len} rows ({eta} left)",
        (None, _) => "{spinner} classifying… {bytes} read in {elapsed}",
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
