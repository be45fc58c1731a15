//! `digicat`: classify enterprise lists (CSV, TSV, XLSX) against 东莞市数字产业集聚试点园区重点发展
//! 产业、产品和服务目录表（试行）, look codes up, find catalogue terms in a text, print the catalogue.
//! The commands live in the `digicat_cli` library (`src/lib.rs`).
#![forbid(unsafe_code)]

use clap::Parser;
use digicat::report::Lang;
use digicat_cli::cli::{locale_lang, Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match digicat_cli::execute(&cli) {
        Ok(code) => code,
        // The reader of standard output went away (`digicat … | head`): nothing to report.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            // In the language of the run: `classify --lang`, else the locale's.
            let lang = match &cli.command {
                Command::Classify(args) => args.language(),
                _ => locale_lang(|name| std::env::var(name).ok()),
            };
            match lang {
                Lang::En => eprintln!("digicat: {}", e.message(lang)),
                Lang::Zh => eprintln!("digicat：{}", e.message(lang)),
            }
            ExitCode::from(2)
        }
    }
}
