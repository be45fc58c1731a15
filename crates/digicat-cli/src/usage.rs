//! Command-line errors in Chinese. clap words its own errors (an unknown option, a missing or
//! invalid value) in English only; with `--lang zh` or a Chinese locale they are rendered here
//! from the error's kind and context. `--lang` may not have been parsed when clap fails, so the
//! language is taken from a scan of the arguments ([`arg_lang`]).

use crate::cli::locale_lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use digicat::report::Lang;
use std::ffi::OsString;

/// The language asked for by `--lang zh`/`--lang=zh` (or `en`) among `args`, else the locale's.
pub fn arg_lang(args: &[OsString]) -> Lang {
    let mut asked = None;
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| v.parse::<Lang>().ok()) {
            asked = Some(lang);
        }
    }
    asked.unwrap_or_else(|| locale_lang(|name| std::env::var(name).ok()))
}

/// `true` when the error is no error but help or the version, which clap prints itself.
pub fn is_display(e: &clap::Error) -> bool {
    matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
}

/// A command-line error in Chinese: what is wrong, then the usage line and where help is.
pub fn message_zh(e: &clap::Error) -> String {
    let get = |kind| e.get(kind).map(text).unwrap_or_default();
    let arg = option_name(&get(ContextKind::InvalidArg));
    let value = get(ContextKind::InvalidValue);
    let valid = get(ContextKind::ValidValue);
    let mut m = match e.kind() {
        ErrorKind::UnknownArgument => {
            let mut m = format!("未知选项 {arg}");
            let suggested = get(ContextKind::SuggestedArg);
            if !suggested.is_empty() {
                m.push_str(&format!("；是否要用 {}？", option_name(&suggested)));
            }
            m
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("选项 {arg} 缺少值"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation | ErrorKind::NoEquals => {
            let mut m = format!("选项 {arg} 的值“{value}”无效");
            if !valid.is_empty() {
                m.push_str(&format!("；可用的值：{valid}"));
            } else if arg.starts_with("--header-row") {
                m.push_str("；应为从 1 起的行号");
            }
            m
        }
        ErrorKind::InvalidSubcommand => {
            format!("未知命令“{}”；可用的命令：classify、lookup、match、catalogue、assess", get(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "缺少命令：classify（分类企业名录）、lookup（查行业代码）、match（查找文本中的目录内容）、\
             catalogue（输出目录）或 assess（评估园区）"
                .to_owned()
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = e
                .get(ContextKind::InvalidArg)
                .map(|v| match v {
                    ContextValue::Strings(list) => {
                        list.iter().map(|a| placeholder(a)).collect::<Vec<_>>().join("、")
                    }
                    other => placeholder(&text(other)),
                })
                .unwrap_or_default();
            format!("缺少必需的参数：{missing}")
        }
        ErrorKind::ArgumentConflict => {
            let prior = option_name(&get(ContextKind::PriorArg));
            format!("选项 {arg} 不能与 {prior} 同时使用")
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("选项 {arg} 的值个数不对")
        }
        ErrorKind::InvalidUtf8 => "参数不是有效的 UTF-8 文本".to_owned(),
        _ => "命令行有误".to_owned(),
    };
    let usage = get(ContextKind::Usage);
    if let Some(line) = usage.lines().find(|l| l.contains("digicat")) {
        m.push_str(&format!("\n\n用法：{}", usage_zh(line)));
    }
    m.push_str("\n\n各选项的说明见 --help（英文）");
    m
}

/// A context value as plain text (several values joined with `、`).
fn text(value: &ContextValue) -> String {
    match value {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(v) => v.join("、"),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(v) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("、"),
        ContextValue::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// `--format <FORMAT>` → `--format`; a positional `<INPUT>` as its Chinese name.
fn option_name(arg: &str) -> String {
    match arg.split_whitespace().next() {
        Some(name) if name.starts_with('-') => name.to_owned(),
        _ => placeholder(arg),
    }
}

/// Value names in Chinese: `<INPUT>` → `<输入文件>`, `--criteria <CRITERIA>` → `--criteria <准则>`.
fn placeholder(arg: &str) -> String {
    arg.split_whitespace()
        .map(|w| {
            match w.trim_start_matches('[').trim_end_matches("...") {
                "<INPUT>" => "<输入文件>",
                "<OUTPUT>" => "<输出文件>",
                "<CODE>" => "<行业代码>",
                "<TEXT>" => "<文本>",
                "<COMMAND>" => "<命令>",
                "<NAME>" => "<列名>",
                "<COLUMN>" => "<列名>",
                "<FILE>" => "<文件>",
                "<N>" => "<行号>",
                "[OPTIONS]" | "OPTIONS]" => "[选项]",
                w if w.starts_with('<') => "<值>",
                _ => w,
            }
            .to_owned()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// clap's usage line in Chinese: `Usage: digicat classify [OPTIONS] <INPUT>` →
/// `digicat classify [选项] <输入文件>`.
fn usage_zh(line: &str) -> String {
    let line = line.trim().trim_start_matches("Usage:").trim();
    placeholder(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_is_found_before_parsing() {
        assert_eq!(arg_lang(&os(&["digicat", "x", "--lang", "zh"])), Lang::Zh);
        assert_eq!(arg_lang(&os(&["digicat", "--lang=zh", "x"])), Lang::Zh);
        assert_eq!(
            arg_lang(&os(&["digicat", "--lang=en", "--lang", "zh"])),
            Lang::Zh
        );
        assert_eq!(
            usage_zh("Usage: digicat classify [OPTIONS] <INPUT>"),
            "digicat classify [选项] <输入文件>"
        );
        assert_eq!(option_name("--format <FORMAT>"), "--format");
    }
}
