//! The end-of-run summary printed on standard error, over the core's [`Tally`].

use crate::outcome::Outcome;
use digicat::report::{reason_label, Lang, Tally};
use digicat::{industries, Status};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// How many invalid rows are listed by line in the summary.
const LISTED_INVALID: usize = 10;

/// Counts gathered row by row (constant memory, but for one entry per distinct value of each
/// grouping column).
pub struct Summary {
    started: Instant,
    tally: Tally,
    /// Positions of the grouping columns in the header.
    group_at: Vec<usize>,
    invalid_lines: Vec<u64>,
    /// Whether the counted answers are the Dongguan catalogue's (with its per-industry table).
    dongguan: bool,
}

impl Summary {
    /// Starts the clock; `groups` are the grouping columns: (header, position); `dongguan`: the
    /// answers counted are the Dongguan catalogue's (else `szjj-2021`'s: no per-industry table).
    pub fn start(groups: Vec<(String, usize)>, dongguan: bool) -> Summary {
        let (names, group_at) = groups.into_iter().unzip();
        Summary {
            started: Instant::now(),
            tally: Tally::new(names),
            group_at,
            invalid_lines: Vec::new(),
            dongguan,
        }
    }

    /// Counts one row read, with its input `fields`.
    pub fn add(&mut self, line: u64, fields: &[String], outcome: &Outcome) {
        let status = outcome.status();
        let ids: Vec<u8> = outcome
            .classification()
            .map(|c| c.industry_ids().collect())
            .unwrap_or_default();
        let groups: Vec<&str> = self
            .group_at
            .iter()
            .map(|i| fields.get(*i).map_or("", String::as_str))
            .collect();
        self.tally.add(status, outcome.reason(), &ids, &groups);
        if status == Status::Invalid && self.invalid_lines.len() < LISTED_INVALID {
            self.invalid_lines.push(line);
        }
    }

    /// The counts.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// Rows read so far.
    pub fn rows(&self) -> u64 {
        self.tally.total().rows
    }

    /// Rows with status `invalid`.
    pub fn invalid(&self) -> u64 {
        self.tally.total().status(Status::Invalid)
    }

    /// The summary text in `lang`, for `written` rows written; its first line also carries
    /// `note` (e.g. that the run classified by text only); `context` lines (input, header,
    /// columns, options) come next.
    pub fn render(
        &self,
        written: u64,
        note: Option<&str>,
        context: &[String],
        lang: Lang,
    ) -> String {
        let zh = lang == Lang::Zh;
        let elapsed = self.started.elapsed();
        let total = self.tally.total();
        let mut s = String::new();
        if zh {
            let _ = write!(s, "digicat：读入 {} 行，写出 {written} 行", total.rows);
        } else {
            let _ = write!(
                s,
                "digicat: {} rows read, {written} rows written",
                total.rows
            );
        }
        match note {
            Some(note) => {
                let _ = writeln!(s, "{}{note}", if zh { "；" } else { "; " });
            }
            None => s.push('\n'),
        }
        for line in context {
            let _ = writeln!(s, "  {line}");
        }
        let (h_status, h_rows, h_reasons) = if zh {
            ("状态", "行数", "原因")
        } else {
            ("status", "rows", "reasons")
        };
        let _ = writeln!(s, "  {}{:>8}  {h_reasons}", pad(h_status, 14), h_rows);
        for (i, status) in Status::ALL.iter().enumerate() {
            let reasons: Vec<String> = self
                .tally
                .reasons()
                .iter()
                .filter(|(st, _, _)| st == status)
                .map(|(_, r, n)| format!("{} {n}", reason_label(r, lang)))
                .collect();
            let _ = writeln!(
                s,
                "  {}{:>8}  {}",
                pad(status.label(lang), 14),
                total.by_status[i],
                reasons.join(if zh { "，" } else { ", " })
            );
        }
        let (h_in, h_review, h_industry) = if zh {
            ("属于目录", "需人工复核", "产业")
        } else {
            ("in_scope", "needs_review", "industry")
        };
        if self.dongguan {
            let _ = writeln!(s, "  {}{}  {h_industry}", lpad(h_in, 8), lpad(h_review, 14));
        }
        for (industry, [in_scope, review]) in industries()
            .iter()
            .zip(&total.by_industry)
            .filter(|_| self.dongguan)
        {
            let _ = writeln!(
                s,
                "  {in_scope:>8}{review:>14}  {} {}",
                industry.id(),
                industry.name()
            );
        }
        for grouping in self.tally.groupings() {
            let header: Vec<String> = Status::ALL
                .iter()
                .map(|st| lpad(st.label(lang), 14))
                .collect();
            let _ = writeln!(
                s,
                "  {}{}  {}",
                lpad(h_rows, 8),
                header.concat(),
                grouping.column
            );
            for (value, counts) in &grouping.groups {
                let cells: Vec<String> = counts
                    .by_status
                    .iter()
                    .map(|n| format!("{n:>14}"))
                    .collect();
                let value = if value.is_empty() {
                    if zh {
                        "（空）"
                    } else {
                        "(empty)"
                    }
                } else {
                    value.as_str()
                };
                let _ = writeln!(s, "  {:>8}{}  {value}", counts.rows, cells.concat());
            }
        }
        let invalid = self.invalid();
        let lines: Vec<String> = self.invalid_lines.iter().map(u64::to_string).collect();
        let more = if invalid > self.invalid_lines.len() as u64 {
            if zh {
                "，…"
            } else {
                ", …"
            }
        } else {
            ""
        };
        match (invalid, zh) {
            (0, false) => {
                let _ = writeln!(s, "  invalid rows: 0");
            }
            (0, true) => {
                let _ = writeln!(s, "  无效行：0");
            }
            (n, false) => {
                let _ = writeln!(s, "  invalid rows: {n} (line {}{more})", lines.join(", "));
            }
            (n, true) => {
                let _ = writeln!(s, "  无效行：{n}（第 {}{more} 行）", lines.join("，"));
            }
        }
        let secs = elapsed.as_secs_f64();
        if zh {
            let _ = writeln!(
                s,
                "  用时 {secs:.2} 秒，每秒 {} 行",
                rate(total.rows, elapsed)
            );
        } else {
            let _ = writeln!(
                s,
                "  elapsed {secs:.2} s, {} rows/s",
                rate(total.rows, elapsed)
            );
        }
        s
    }
}

/// Display width: a CJK character counts two columns.
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| if c >= '\u{1100}' { 2 } else { 1 })
        .sum()
}

/// `text` padded on the right to `width` display columns.
fn pad(text: &str, width: usize) -> String {
    let n = width.saturating_sub(display_width(text));
    format!("{text}{}", " ".repeat(n))
}

/// `text` padded on the left to `width` display columns.
fn lpad(text: &str, width: usize) -> String {
    let n = width.saturating_sub(display_width(text));
    format!("{}{text}", " ".repeat(n))
}

/// Rows per second, rounded; `-` when too fast to measure.
fn rate(rows: u64, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    if secs < 1e-6 {
        "-".into()
    } else {
        format!("{:.0}", rows as f64 / secs)
    }
}
