//! `digicat`: classify enterprise lists (CSV, TSV, XLSX) against 东莞市数字产业集聚试点园区重点发展
//! 产业、产品和服务目录表（试行）, look codes up, find catalogue terms in a text, print the catalogue.
//! The commands live in the `digicat_cli` library (`src/lib.rs`).
#![forbid(unsafe_code)]

use clap::Parser;
use digicat_cli::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match digicat_cli::execute(&cli) {
        Ok(code) => code,
        // The reader of standard output went away (`digicat … | head`): nothing to report.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("digicat: {e}");
            ExitCode::from(2)
        }
    }
}
