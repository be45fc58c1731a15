//! `digicat`: classify enterprise lists (CSV, TSV, XLSX) against 东莞市数字产业集聚试点园区重点发展
//! 产业、产品和服务目录（试行）, look codes up, find catalogue terms in a text, print the catalogue.
//! A thin layer over the `digicat` engine: no matching or status logic of its own.
#![forbid(unsafe_code)]

mod cli;
mod columns;
mod commands;
mod error;
mod input;
mod outcome;
mod output;
mod summary;

use clap::Parser;
use cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Classify(args) => commands::classify::run(args),
        Command::Lookup(args) => commands::lookup::run(args),
        Command::Match(args) => commands::match_text::run(args),
        Command::Catalogue(args) => commands::catalogue::run(args),
    };
    match result {
        Ok(code) => code,
        // The reader of standard output went away (`digicat … | head`): nothing to report.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("digicat: {e}");
            ExitCode::from(2)
        }
    }
}
