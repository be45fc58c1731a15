//! `digicat match TEXT`: the catalogue terms named in a text, with spans and rows.

use crate::cli::{MatchArgs, TextFormat};
use crate::commands::{json, print};
use crate::error::Failure;
use digicat::report::{kind_label, Lang};
use digicat::{find_terms, Code, Evidence, Policy};
use serde::Serialize;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Runs the command (exit 0, whether or not anything was found).
pub fn run(args: &MatchArgs, lang: Lang) -> Result<ExitCode, Failure> {
    let policy = args.policy;
    let found = find_terms(&args.text, policy);
    print(&match args.format {
        TextFormat::Json => json(&Answer {
            text: &args.text,
            policy: policy.as_str(),
            matches: found.iter().map(|e| MatchJson::of(e, &args.text)).collect(),
        }),
        TextFormat::Text => text(&found, &args.text, policy, lang),
    })?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct Answer<'a> {
    text: &'a str,
    policy: &'static str,
    matches: Vec<MatchJson<'a>>,
}

/// One piece of evidence in the core's shape (`text`, `row`, `start`, `end`, `kind`,
/// `relation`), with what it matched in TEXT and the row it is evidence for.
#[derive(Serialize)]
struct MatchJson<'a> {
    #[serde(flatten)]
    evidence: &'a Evidence,
    matched: &'a str,
    row_name: &'static str,
    code: Code,
    partial: bool,
    industry: u8,
    industry_name: &'static str,
}

impl<'a> MatchJson<'a> {
    fn of(e: &'a Evidence, text: &'a str) -> MatchJson<'a> {
        let row = e.row();
        MatchJson {
            evidence: e,
            matched: e.matched(text).unwrap_or(""),
            row_name: row.name(),
            code: row.code(),
            partial: row.is_partial(),
            industry: row.industry().id(),
            industry_name: row.industry().name(),
        }
    }
}

/// One line per match (a term naming several rows lists them together).
fn text(found: &[Evidence], scanned: &str, policy: Policy, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut s = String::new();
    if found.is_empty() {
        let _ = if zh {
            writeln!(
                s,
                "未发现目录产品或表述（判定规则：{}）",
                super::policy_zh(policy)
            )
        } else {
            writeln!(
                s,
                "no catalogue term found (policy {}; 未发现目录产品或表述)",
                policy.as_str()
            )
        };
        return s;
    }
    let mut groups: Vec<Vec<&Evidence>> = Vec::new();
    for e in found {
        match groups.last_mut() {
            Some(g)
                if g[0].start == e.start
                    && g[0].end == e.end
                    && g[0].text() == e.text()
                    && g[0].kind() == e.kind() =>
            {
                g.push(e)
            }
            _ => groups.push(vec![e]),
        }
    }
    let _ = if zh {
        writeln!(
            s,
            "发现 {} 处目录内容（判定规则：{}）；位置为字节偏移：",
            groups.len(),
            super::policy_zh(policy)
        )
    } else {
        writeln!(
            s,
            "{} term(s) found (policy {}); spans are byte offsets:",
            groups.len(),
            policy.as_str()
        )
    };
    for g in groups {
        let e = g[0];
        let kind = e.kind().to_string();
        let kind = match (e.relation(), zh) {
            (Some(r), false) => format!("{kind} ({r})"),
            (Some(r), true) => format!(
                "{}（{}）",
                kind_label(&kind, lang),
                kind_label(&r.to_string(), lang)
            ),
            (None, _) => kind_label(&kind, lang).to_owned(),
        };
        let matched = e.matched(scanned).unwrap_or("");
        let _ = if zh {
            write!(s, "  {}..{} “{matched}” {kind}", e.start, e.end)
        } else {
            write!(s, "  {}..{} {matched:?} {kind}", e.start, e.end)
        };
        if e.text() != matched {
            let _ = write!(s, " = {}", e.text());
        }
        s.push('\n');
        for r in g.iter().map(|e| e.row()) {
            let industry = r.industry();
            let (row_word, industry_word) = if zh {
                ("目录行", "产业")
            } else {
                ("row", "industry")
            };
            let _ = writeln!(
                s,
                "      {row_word} {} {} {} — {industry_word} {} {}",
                r.id(),
                r.name(),
                r.printed_code(),
                industry.id(),
                industry.name()
            );
        }
    }
    s
}
