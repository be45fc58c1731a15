//! `digicat`: classify enterprise lists (CSV, TSV, XLSX) against 东莞市数字产业集聚试点园区重点发展
//! 产业、产品和服务目录表（试行）, look codes up, find catalogue terms in a text, print the catalogue.
//! The commands live in the `digicat_cli` library (`src/lib.rs`).
#![forbid(unsafe_code)]

use clap::Parser;
use digicat::report::Lang;
use digicat_cli::cli::Cli;
use digicat_cli::usage;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        // clap's errors are English: with --lang zh or a Chinese locale, say them in Chinese.
        Err(e) if usage::is_display(&e) || usage::arg_lang(&args) == Lang::En => e.exit(),
        Err(e) => {
            eprintln!("digicat：{}", usage::message_zh(&e));
            return ExitCode::from(2);
        }
    };
    match digicat_cli::execute(&cli) {
        Ok(code) => code,
        // The reader of standard output went away (`digicat … | head`): nothing to report.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let lang = cli.language();
            match lang {
                Lang::En => eprintln!("digicat: {}", e.message(lang)),
                Lang::Zh => eprintln!("digicat：{}", e.message(lang)),
            }
            ExitCode::from(2)
        }
    }
}
