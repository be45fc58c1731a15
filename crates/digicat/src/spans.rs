//! From a catalogue's automaton to the matches that become evidence, shared by every catalogue:
//! the scan (raw text, or its normalised copy when a character expands), the choice of
//! leftmost-longest, non-overlapping matches (decisive terms first, then the others in the text
//! they leave) and the spans in the original text.

use crate::normalize::{normalize_mapped, Shift};
use crate::scan::Scanner;
use std::cell::RefCell;

/// Which of a catalogue's patterns count under the caller's policy, and which of those decide.
pub(crate) struct Patterns<C, D> {
    /// The pattern is reported at all (e.g. under the strict policy, only products and aliases).
    pub(crate) counts: C,
    /// The pattern is decisive: chosen first, and hides the others where it lies.
    pub(crate) decisive: D,
}

/// Reports, as `emit(start, end, pattern)` in text order, the chosen matches of `scanner`'s
/// patterns in `text`, after normalisation (NFKC, ASCII case folded, whitespace ignored; spans
/// are byte offsets in `text`). Of the patterns that count, the decisive ones are chosen
/// leftmost-longest and non-overlapping; then the others, leftmost-longest, in the text those
/// leave. A match that begins or ends inside one character's normal form is dropped.
pub(crate) fn find<C, D>(
    scanner: &Scanner,
    text: &str,
    patterns: &Patterns<C, D>,
    emit: impl FnMut(usize, usize, usize),
) where
    C: Fn(usize) -> bool,
    D: Fn(usize) -> bool,
{
    thread_local! {
        /// Per-thread scratch reused across calls: the normalised text, its shifts, the matches.
        static SCRATCH: RefCell<Scratch> = const { RefCell::new(Scratch::new()) };
    }
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => scan(scanner, text, patterns, &mut scratch, emit),
        // Only reachable by re-entrance, which nothing here does; fresh buffers keep it correct.
        Err(_) => scan(scanner, text, patterns, &mut Scratch::new(), emit),
    });
}

/// Buffers of one scan.
struct Scratch {
    /// The normalised text and its shifts, for texts with characters that expand.
    norm: String,
    shifts: Vec<Shift>,
    /// Matches, in the original text or (after expansion) in `norm`.
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

fn scan<C, D>(
    scanner: &Scanner,
    text: &str,
    patterns: &Patterns<C, D>,
    scratch: &mut Scratch,
    mut emit: impl FnMut(usize, usize, usize),
) where
    C: Fn(usize) -> bool,
    D: Fn(usize) -> bool,
{
    let Scratch {
        norm,
        shifts,
        found,
    } = scratch;
    found.clear();
    let push = |found: &mut Vec<Found>, start, end, pattern| {
        if (patterns.counts)(pattern) {
            found.push(Found {
                start,
                end,
                pattern,
                keep: false,
            });
        }
    };
    let expanded = scanner
        .scan_raw(text, |s, e, p| push(found, s, e, p))
        .is_err();
    if expanded {
        found.clear();
        norm.clear();
        shifts.clear();
        normalize_mapped(text, norm, |s| shifts.push(s));
        scanner.scan_normal(norm, |s, e, p| push(found, s, e, p));
    }
    choose(found, &patterns.decisive);
    for &Found {
        start,
        end,
        pattern,
        ..
    } in found.iter()
    {
        if !expanded {
            emit(start, end, pattern);
        } else if let (Some(start), Some(end)) =
            (original_start(shifts, start), original_end(shifts, end))
        {
            emit(start, end, pattern);
        }
    }
}

/// A match.
#[derive(Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    pattern: usize,
    keep: bool,
}

/// Keeps, of all (overlapping) matches, the decisive ones leftmost-longest and non-overlapping,
/// then the other ones leftmost-longest in the text those leave; in text order.
fn choose(found: &mut Vec<Found>, decisive: impl Fn(usize) -> bool) {
    found.sort_unstable_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let decisive = |f: &Found| decisive(f.pattern);
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
