//! The end-of-run summary printed on standard error.

use crate::outcome::Outcome;
use digicat::{industries, Industry, Status};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// How many invalid rows are listed by line in the summary.
const LISTED_INVALID: usize = 10;

/// Counts gathered row by row (constant memory).
pub struct Summary {
    started: Instant,
    /// Rows read.
    rows: u64,
    /// Rows per status, in the order of [`Status::ALL`].
    by_status: [(Status, u64); Status::ALL.len()],
    /// (status, reason, rows) in order of first appearance.
    by_reason: Vec<(Status, &'static str, u64)>,
    /// Per industry, in the order of [`industries()`]: rows in scope, rows needing review.
    by_industry: Vec<(&'static Industry, [u64; 2])>,
    invalid_lines: Vec<u64>,
}

impl Summary {
    /// Starts the clock.
    pub fn start() -> Summary {
        Summary {
            started: Instant::now(),
            rows: 0,
            by_status: Status::ALL.map(|s| (s, 0)),
            by_reason: Vec::new(),
            by_industry: industries().iter().map(|i| (i, [0; 2])).collect(),
            invalid_lines: Vec::new(),
        }
    }

    /// Counts one row read.
    pub fn add(&mut self, line: u64, outcome: &Outcome) {
        self.rows += 1;
        let status = outcome.status();
        if let Some((_, n)) = self.by_status.iter_mut().find(|(s, _)| *s == status) {
            *n += 1;
        }
        let reason = outcome.reason();
        match self
            .by_reason
            .iter_mut()
            .find(|(s, r, _)| *s == status && *r == reason)
        {
            Some(entry) => entry.2 += 1,
            None => self.by_reason.push((status, reason, 1)),
        }
        let column = match status {
            Status::InScope => 0,
            Status::NeedsReview => 1,
            _ => return self.note_invalid(status, line),
        };
        if let Some(c) = outcome.classification() {
            for industry in &c.industries {
                if let Some((_, counts)) = self.by_industry.iter_mut().find(|(i, _)| i == industry)
                {
                    counts[column] += 1;
                }
            }
        }
    }

    fn note_invalid(&mut self, status: Status, line: u64) {
        if status == Status::Invalid && self.invalid_lines.len() < LISTED_INVALID {
            self.invalid_lines.push(line);
        }
    }

    /// Rows read so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Rows with status `invalid`.
    pub fn invalid(&self) -> u64 {
        self.by_status
            .iter()
            .find(|(s, _)| *s == Status::Invalid)
            .map_or(0, |(_, n)| *n)
    }

    /// The summary text, for `written` rows written; its first line also carries `note` (e.g.
    /// that the run classified by text only); `context` lines (input, header, columns, options)
    /// come next.
    pub fn render(&self, written: u64, note: Option<&str>, context: &[String]) -> String {
        let elapsed = self.started.elapsed();
        let mut s = String::new();
        let _ = write!(
            s,
            "digicat: {} rows read, {written} rows written",
            self.rows
        );
        match note {
            Some(note) => {
                let _ = writeln!(s, "; {note}");
            }
            None => s.push('\n'),
        }
        for line in context {
            let _ = writeln!(s, "  {line}");
        }
        let _ = writeln!(s, "  {:<14}{:>8}  reasons", "status", "rows");
        for (status, count) in &self.by_status {
            let reasons: Vec<String> = self
                .by_reason
                .iter()
                .filter(|(st, _, _)| st == status)
                .map(|(_, r, n)| format!("{r} {n}"))
                .collect();
            let _ = writeln!(
                s,
                "  {:<14}{:>8}  {}",
                status.as_str(),
                count,
                reasons.join(", ")
            );
        }
        let _ = writeln!(s, "  {:>8}{:>14}  industry", "in_scope", "needs_review");
        for (industry, [in_scope, review]) in &self.by_industry {
            let _ = writeln!(
                s,
                "  {in_scope:>8}{review:>14}  {} {}",
                industry.id(),
                industry.name()
            );
        }
        if self.invalid() > 0 {
            let lines: Vec<String> = self.invalid_lines.iter().map(u64::to_string).collect();
            let more = if self.invalid() > self.invalid_lines.len() as u64 {
                ", …"
            } else {
                ""
            };
            let _ = writeln!(
                s,
                "  invalid rows: {} (line {}{more})",
                self.invalid(),
                lines.join(", ")
            );
        } else {
            let _ = writeln!(s, "  invalid rows: 0");
        }
        let _ = writeln!(
            s,
            "  elapsed {:.2} s, {} rows/s",
            elapsed.as_secs_f64(),
            rate(self.rows, elapsed)
        );
        s
    }
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
