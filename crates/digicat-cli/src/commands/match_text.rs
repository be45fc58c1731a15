//! `digicat match TEXT`: the catalogue terms named in a text, with spans and rows.

use crate::cli::{MatchArgs, TextFormat};
use crate::commands::{json, print};
use crate::error::Failure;
use digicat::{find_terms, Evidence, Policy};
use serde::Serialize;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Runs the command (exit 0, whether or not anything was found).
pub fn run(args: &MatchArgs) -> Result<ExitCode, Failure> {
    let policy: Policy = args.policy.into();
    let found = find_terms(&args.text, policy);
    let matches: Vec<MatchJson> = found.iter().map(|e| MatchJson::of(e, &args.text)).collect();
    print(&match args.format {
        TextFormat::Json => json(&Answer {
            text: &args.text,
            policy: policy.as_str(),
            matches,
        }),
        TextFormat::Text => text(&matches, policy),
    })?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct Answer<'a> {
    text: &'a str,
    policy: &'static str,
    matches: Vec<MatchJson<'a>>,
}

/// One piece of evidence: the term, what it matched, where, and the row it is evidence for.
#[derive(Serialize)]
struct MatchJson<'a> {
    text: &'static str,
    matched: &'a str,
    start: usize,
    end: usize,
    kind: &'static str,
    relation: Option<&'static str>,
    row: &'static str,
    row_name: &'static str,
    code: String,
    partial: bool,
    industry: u8,
    industry_name: &'static str,
}

impl<'a> MatchJson<'a> {
    fn of(e: &Evidence, text: &'a str) -> MatchJson<'a> {
        let row = e.row();
        MatchJson {
            text: e.text(),
            matched: e.matched(text).unwrap_or(""),
            start: e.start,
            end: e.end,
            kind: e.kind().as_str(),
            relation: e.relation().map(|r| r.as_str()),
            row: row.id(),
            row_name: row.name(),
            code: row.code().to_string(),
            partial: row.is_partial(),
            industry: row.industry().id(),
            industry_name: row.industry().name(),
        }
    }
}

/// One line per match (a term naming several rows lists them together).
fn text(matches: &[MatchJson], policy: Policy) -> String {
    let mut s = String::new();
    if matches.is_empty() {
        let _ = writeln!(
            s,
            "no catalogue term found (policy {}; 未发现目录产品或表述)",
            policy.as_str()
        );
        return s;
    }
    let mut groups: Vec<Vec<&MatchJson>> = Vec::new();
    for m in matches {
        match groups.last_mut() {
            Some(g)
                if g[0].start == m.start
                    && g[0].end == m.end
                    && g[0].text == m.text
                    && g[0].kind == m.kind =>
            {
                g.push(m)
            }
            _ => groups.push(vec![m]),
        }
    }
    let _ = writeln!(
        s,
        "{} term(s) found (policy {}); spans are byte offsets:",
        groups.len(),
        policy.as_str()
    );
    for g in groups {
        let m = g[0];
        let kind = match m.relation {
            Some(r) => format!("{} ({r})", m.kind),
            None => m.kind.to_owned(),
        };
        let _ = write!(s, "  {}..{} {:?} {kind}", m.start, m.end, m.matched);
        if m.text != m.matched {
            let _ = write!(s, " = {}", m.text);
        }
        s.push('\n');
        for r in g {
            let star = if r.partial { "*" } else { "" };
            let _ = writeln!(
                s,
                "      row {} {} {}{star} — industry {} {}",
                r.row, r.row_name, r.code, r.industry, r.industry_name
            );
        }
    }
    s
}
