//! The `digicat` command as a library: the binary (`src/main.rs`) parses its arguments and calls
//! [`execute`]; fuzz targets and tests drive the same code without a process.
//! A thin layer over the `digicat` engine: no matching or status logic of its own.
#![forbid(unsafe_code)]

pub mod cli;
mod columns;
mod commands;
pub mod error;
mod input;
mod outcome;
mod output;
mod parallel;
mod parquet;
mod summary;
pub mod usage;
mod workbook;
mod xlsx;

use cli::{Cli, Command};
use error::Failure;
use std::process::ExitCode;

/// Runs the command line's command; `Err` is a failure that stops it (exit status 2).
pub fn execute(cli: &Cli) -> Result<ExitCode, Failure> {
    let lang = cli.language();
    match &cli.command {
        Command::Classify(args) => commands::classify::run(args, lang),
        Command::Lookup(args) => commands::lookup::run(args, lang),
        Command::Match(args) => commands::match_text::run(args, lang),
        Command::Catalogue(args) => commands::catalogue::run(args, lang),
        Command::Assess(args) => commands::assess::run(args, lang),
    }
}
