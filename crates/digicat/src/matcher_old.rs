//! The engine before the byte-level scan (issue 15), kept only to show that the new one gives
//! identical results: daachorse's charwise automata over a normalised copy of the text.
//! Enabled by the `old-engine` feature; [`use_old_engine`] switches [`crate::find_terms`] (and so
//! [`crate::classify`]) to it on the calling thread.
#![allow(missing_docs)]

use crate::matcher::{Evidence, Policy};
use crate::normalize::{normalize_mapped, Shift};
use crate::tables;
use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};
use std::cell::{Cell, RefCell};
use std::sync::OnceLock;

thread_local! {
    static OLD: Cell<bool> = const { Cell::new(false) };
}

/// Makes `find_terms` on this thread use the old engine (`true`) or the new one.
pub fn use_old_engine(old: bool) {
    OLD.with(|c| c.set(old));
}

pub(crate) fn in_use() -> bool {
    OLD.with(Cell::get)
}

/// An automaton over a set of normalised patterns; a pattern's value is its index in `PATTERNS`.
type Automaton = CharwiseDoubleArrayAhoCorasick<u32>;

fn build(patterns: impl Iterator<Item = usize>, kind: MatchKind) -> Automaton {
    // The patterns are a few hundred short, distinct, non-empty strings (checked at build time);
    // construction fails only on empty/duplicate patterns or sizes far above these.
    #[allow(clippy::expect_used)]
    CharwiseDoubleArrayAhoCorasickBuilder::new()
        .match_kind(kind)
        .build_with_values(patterns.map(|i| (tables::PATTERNS[i], i as u32)))
        .expect("the catalogue's patterns are distinct and non-empty")
}

/// Leftmost-longest automaton of the products and aliases (the strict policy).
fn strict() -> &'static Automaton {
    static STRICT: OnceLock<Automaton> = OnceLock::new();
    STRICT.get_or_init(|| {
        build(
            tables::STRICT_PATTERNS.iter().map(|i| usize::from(*i)),
            MatchKind::LeftmostLongest,
        )
    })
}

/// Automaton of every pattern, reporting overlapping matches (the standard policy chooses
/// among them, see `choose`).
fn standard() -> &'static Automaton {
    static STANDARD: OnceLock<Automaton> = OnceLock::new();
    STANDARD.get_or_init(|| build(0..tables::PATTERNS.len(), MatchKind::Standard))
}

/// The old engine's `find_terms_into`.
pub fn find_terms_into(text: &str, policy: Policy, out: &mut Vec<Evidence>) {
    thread_local! {
        /// Per-thread scratch reused across calls: the normalised text, its shifts, the matches.
        static SCRATCH: RefCell<Scratch> = const { RefCell::new(Scratch::new()) };
    }
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => scan(text, policy, &mut scratch, out),
        // Only reachable by re-entrance, which nothing here does; fresh buffers keep it correct.
        Err(_) => scan(text, policy, &mut Scratch::new(), out),
    });
}

/// Buffers of one scan.
struct Scratch {
    norm: String,
    shifts: Vec<Shift>,
    /// Matches in the normalised text.
    found: Vec<Found>,
}

impl Scratch {
    const fn new() -> Self {
        Scratch {
            norm: String::new(),
            shifts: Vec::new(),
            found: Vec::new(),
        }
    }
}

fn scan(text: &str, policy: Policy, scratch: &mut Scratch, out: &mut Vec<Evidence>) {
    let Scratch {
        norm,
        shifts,
        found,
    } = scratch;
    norm.clear();
    shifts.clear();
    found.clear();
    normalize_mapped(text, norm, |s| shifts.push(s));
    match policy {
        Policy::Strict => {
            found.extend(strict().leftmost_find_iter(norm.as_str()).map(Found::from));
        }
        Policy::Standard => {
            found.extend(
                standard()
                    .find_overlapping_iter(norm.as_str())
                    .map(Found::from),
            );
            choose(found);
        }
    }
    for &Found {
        start,
        end,
        pattern,
        ..
    } in found.iter()
    {
        // A match that begins or ends inside one character's expansion is not a whole term.
        let (Some(start), Some(end)) = (original_start(shifts, start), original_end(shifts, end))
        else {
            continue;
        };
        let terms = tables::PATTERN_TERMS.get(pattern).copied().unwrap_or(&[]);
        out.extend(
            terms
                .iter()
                .filter(|t| policy.admits(t.kind))
                .map(|term| Evidence { term, start, end }),
        );
    }
}

/// A match in the normalised text.
#[derive(Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    pattern: usize,
    keep: bool,
}

impl From<daachorse::Match<u32>> for Found {
    fn from(m: daachorse::Match<u32>) -> Self {
        Found {
            start: m.start(),
            end: m.end(),
            pattern: m.value() as usize,
            keep: false,
        }
    }
}

/// Keeps, of all (overlapping) matches, the decisive ones leftmost-longest and non-overlapping,
/// then the broader-only ones leftmost-longest in the text those leave; in text order.
fn choose(found: &mut Vec<Found>) {
    found.sort_unstable_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let decisive = |f: &Found| {
        let strongest = tables::PATTERN_TERMS.get(f.pattern).and_then(|t| t.first());
        strongest.is_some_and(|t| t.is_decisive(Policy::Standard))
    };
    let mut end_of_last = 0;
    for f in found.iter_mut().filter(|f| decisive(f)) {
        if f.start >= end_of_last {
            f.keep = true;
            end_of_last = f.end;
        }
    }
    // Kept decisive matches are sorted and disjoint, and candidates come in order of start, so
    // one forward pointer finds the first kept decisive match that could overlap each candidate.
    let mut end_of_last = 0;
    let mut next = 0;
    for i in 0..found.len() {
        let f = found[i];
        if decisive(&f) {
            continue;
        }
        while next < found.len()
            && !(found[next].keep && decisive(&found[next]) && found[next].end > f.start)
        {
            next += 1;
        }
        let free = !found.get(next).is_some_and(|d| d.start < f.end);
        if f.start >= end_of_last && free {
            found[i].keep = true;
            end_of_last = f.end;
        }
    }
    found.retain(|f| f.keep);
}

/// Original offset of the character that produces normalised byte `x`.
fn original_start(shifts: &[Shift], x: usize) -> Option<usize> {
    let Some(s) = shifts[..shifts.partition_point(|s| s.norm <= x)].last() else {
        return Some(x);
    };
    if x == s.norm && s.norm_len > 0 {
        Some(s.orig)
    } else if x >= s.norm + s.norm_len {
        Some(s.orig + s.orig_len + (x - s.norm - s.norm_len))
    } else {
        None
    }
}

/// Original offset just past the character that produces the normalised byte before `x`.
fn original_end(shifts: &[Shift], x: usize) -> Option<usize> {
    let Some(s) = shifts[..shifts.partition_point(|s| s.norm < x)].last() else {
        return Some(x);
    };
    (x >= s.norm + s.norm_len).then(|| s.orig + s.orig_len + (x - s.norm - s.norm_len))
}

/// Compares the old and the new engine on one record: every evidence (term, kind, relation, row,
/// span) under both policies, and the whole [`crate::Classification`] (or error) under both
/// policies; `Some(description)` of the first difference.
pub fn differences(code: Option<&str>, text: &str) -> Option<String> {
    let run = |old: bool| {
        use_old_engine(old);
        let mut results = Vec::new();
        for policy in [Policy::Standard, Policy::Strict] {
            let terms = crate::find_terms(text, policy);
            let options = crate::Options {
                policy,
                ..crate::Options::default()
            };
            results.push((terms, crate::classify(code, Some(text), &options)));
        }
        use_old_engine(false);
        results
    };
    let (old, new) = (run(true), run(false));
    let show = |e: &[Evidence]| {
        e.iter()
            .map(|e| {
                format!(
                    "{}:{}:{:?}@{}:{}-{}",
                    e.kind(),
                    e.text(),
                    e.relation(),
                    e.row().id(),
                    e.start,
                    e.end
                )
            })
            .collect::<Vec<_>>()
            .join(" | ")
    };
    for ((old_terms, old_class), (new_terms, new_class)) in old.iter().zip(&new) {
        if old_terms != new_terms {
            return Some(format!(
                "find_terms({text:?}):\n old {}\n new {}",
                show(old_terms),
                show(new_terms)
            ));
        }
        if old_class != new_class {
            return Some(format!(
                "classify({code:?}, {text:?}):\n old {old_class:?}\n new {new_class:?}"
            ));
        }
    }
    None
}
