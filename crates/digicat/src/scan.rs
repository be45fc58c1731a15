//! A byte-level Aho–Corasick automaton that scans raw UTF-8 with the normalisation folded in.
//!
//! [`Scanner`] is built from a list of normalised patterns (any catalogue can have its own). Its
//! transition table is dense over byte classes, so one step is a class lookup and a table load:
//! upper-case ASCII shares its lower-case letter's class, and only bytes that need decoding (ASCII
//! whitespace and the lead bytes of characters outside ASCII and U+4000–U+9FFF) leave the loop
//! for [`normalize_char`]. A character that normalises to several characters makes
//! [`Scanner::scan_raw`] give up ([`Expanding`]); the caller then scans the normalised copy with
//! [`Scanner::scan_normal`].

use crate::normalize::normalize_char;
use std::borrow::Cow;

/// A character normalises to several characters: scan the normalised copy instead.
#[derive(Debug)]
pub(crate) struct Expanding;

/// An automaton over a set of normalised patterns, reporting every (overlapping) occurrence.
///
/// Its parts are plain data, so the build script can build the catalogue's automaton at compile
/// time and write it out as a `static` (`tables::SCANNER`): nothing is built at run time, and
/// the table's pages are read from the binary as the scan first touches them.
pub(crate) struct Scanner {
    /// Class of each byte of raw text: upper-case ASCII folded, the last class (`stride - 1`)
    /// for bytes that need decoding.
    pub(crate) raw_class: [u8; 256],
    /// Class of each byte of normalised text.
    pub(crate) norm_class: [u8; 256],
    /// Number of classes: bytes of no pattern (0), each byte of a pattern, the special class.
    pub(crate) stride: usize,
    /// `table[state + class]`: the next state, premultiplied by `stride`, with [`FLAG`] set on
    /// match states; `special` (past the states) marks a byte to decode. The length is a power of
    /// two, so `& (len - 1)` both drops the flag and bounds the index.
    pub(crate) table: Cow<'static, [u32]>,
    pub(crate) special: u32,
    /// The patterns of state `s` are `outputs[out_ranges[s]..out_ranges[s + 1]]`.
    pub(crate) out_ranges: Cow<'static, [u32]>,
    pub(crate) outputs: Cow<'static, [u32]>,
    /// Length in bytes of each pattern.
    pub(crate) lens: Cow<'static, [u32]>,
}

/// Set on the entries of match states and of `special`.
const FLAG: u32 = 1 << 31;

/// No node or pattern (in the build's linked lists).
#[cfg_attr(not(test), allow(dead_code))] // The build script builds; the library only scans.
const NONE: u32 = u32::MAX;

/// The `special` entry: past the states, flagged.
#[cfg_attr(not(test), allow(dead_code))]
fn special_of(nodes: usize, stride: usize) -> Option<u32> {
    Some(u32::try_from(nodes.checked_mul(stride)?).ok()? | FLAG)
}

impl Scanner {
    /// Builds the automaton of `patterns` (normalised, as [`crate::normalize`] gives them; a
    /// match reports the pattern's index). `None` only when the table would exceed `u32` offsets.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn new(patterns: &[&str]) -> Option<Scanner> {
        let mut used = [false; 256];
        for p in patterns {
            for &b in p.as_bytes() {
                used[usize::from(b)] = true;
            }
        }
        let mut norm_class = [0u8; 256];
        let mut classes = 0usize;
        for (b, _) in used.iter().enumerate().filter(|(_, u)| **u) {
            classes += 1;
            norm_class[b] = u8::try_from(classes).ok()?;
        }
        let special_class = u8::try_from(classes + 1).ok()?;
        let stride = classes + 2;
        let mut raw_class = [0u8; 256];
        for (b, class) in raw_class.iter_mut().enumerate() {
            let byte = u8::try_from(b).ok()?;
            *class = match byte {
                b'\t'..=b'\r' | b' ' => special_class,
                b'A'..=b'Z' => norm_class[usize::from(byte.to_ascii_lowercase())],
                0..=0x7F | 0x80..=0xBF | 0xE4..=0xE9 => norm_class[b],
                _ => special_class,
            };
        }

        // The trie, built in the table itself (an entry is the child's number times `stride`;
        // 0, the root, is never a child), with each node's children linked for the walk below.
        let max_nodes = 1 + patterns.iter().map(|p| p.len()).sum::<usize>();
        let len = max_nodes.checked_mul(stride)?.checked_next_power_of_two()?;
        if len > FLAG as usize {
            return None;
        }
        let mut table = vec![0u32; len];
        let (mut first_child, mut next_sibling) = (vec![NONE; max_nodes], vec![NONE; max_nodes]);
        let mut class_of = vec![0u8; max_nodes];
        let (mut first_own, mut next_own) = (vec![NONE; max_nodes], vec![NONE; patterns.len()]);
        let mut nodes = 1usize;
        for (i, p) in patterns.iter().enumerate() {
            let mut at = 0usize;
            for &b in p.as_bytes() {
                let class = norm_class[usize::from(b)];
                let cell = at * stride + usize::from(class);
                if table[cell] == 0 {
                    table[cell] = u32::try_from(nodes * stride).ok()?;
                    class_of[nodes] = class;
                    next_sibling[nodes] = first_child[at];
                    first_child[at] = u32::try_from(nodes).ok()?;
                    nodes += 1;
                }
                at = table[cell] as usize / stride;
            }
            if at != 0 {
                next_own[i] = first_own[at];
                first_own[at] = u32::try_from(i).ok()?;
            }
        }

        // Breadth first: a node's row becomes its failure node's (complete, being shallower),
        // with its own children over it; FLAG marks nodes where a pattern ends, theirs or a
        // suffix's.
        let mut fail = vec![0usize; nodes];
        let mut matches = vec![false; nodes];
        let mut order = Vec::with_capacity(nodes);
        order.push(0usize);
        let mut head = 0;
        let mut children = Vec::new();
        while let Some(&at) = order.get(head) {
            head += 1;
            let row = at * stride;
            children.clear();
            let mut c = first_child[at];
            while c != NONE {
                children.push(c as usize);
                c = next_sibling[c as usize];
            }
            if at == 0 {
                table[row + usize::from(special_class)] = special_of(nodes, stride)?;
            } else {
                let from = fail[at] * stride;
                table.copy_within(from..from + stride, row);
            }
            for &child in &children {
                let class = usize::from(class_of[child]);
                fail[child] = if at == 0 {
                    0
                } else {
                    (table[fail[at] * stride + class] & !FLAG) as usize / stride
                };
                matches[child] = first_own[child] != NONE || matches[fail[child]];
                let entry = u32::try_from(child * stride).ok()?;
                table[row + class] = if matches[child] { entry | FLAG } else { entry };
                order.push(child);
            }
        }
        let special = special_of(nodes, stride)?;

        // Renumbered breadth first, so that the rows a scan mostly visits (the shallow states)
        // lie together.
        let mut rank = vec![0u32; nodes];
        for (i, &at) in order.iter().enumerate() {
            rank[at] = u32::try_from(i).ok()?;
        }
        let stride32 = u32::try_from(stride).ok()?;
        let mut ranked = vec![0u32; nodes.checked_mul(stride)?.checked_next_power_of_two()?];
        for (i, &at) in order.iter().enumerate() {
            for class in 0..stride {
                let e = table[at * stride + class];
                ranked[i * stride + class] = if e == special {
                    special
                } else {
                    (rank[(e & !FLAG) as usize / stride] * stride32) | (e & FLAG)
                };
            }
        }
        let table = ranked;

        // Outputs of each state: its own patterns, then those of its failure chain.
        let mut out_ranges = vec![0u32];
        let mut outputs = Vec::new();
        for &at in &order {
            let mut s = at;
            while s != 0 {
                let mut p = first_own[s];
                while p != NONE {
                    outputs.push(p);
                    p = next_own[p as usize];
                }
                s = fail[s];
            }
            out_ranges.push(u32::try_from(outputs.len()).ok()?);
        }
        let lens = patterns
            .iter()
            .map(|p| u32::try_from(p.len()).ok())
            .collect::<Option<Vec<u32>>>()?;
        // Only the rows of the nodes made are kept (still a power of two).
        Some(Scanner {
            raw_class,
            norm_class,
            stride,
            table: Cow::Owned(table),
            special,
            out_ranges: Cow::Owned(out_ranges),
            outputs: Cow::Owned(outputs),
            lens: Cow::Owned(lens),
        })
    }

    /// The patterns of match state `state` (an entry), each with its length.
    #[inline]
    fn outputs(&self, state: u32) -> impl Iterator<Item = (usize, usize)> + '_ {
        let s = ((state & !FLAG) as usize) / self.stride;
        let range = self.out_ranges[s] as usize..self.out_ranges[s + 1] as usize;
        self.outputs[range]
            .iter()
            .map(|&p| (p as usize, self.lens[p as usize] as usize))
    }

    /// Reports every occurrence of a pattern in the normalised form of `text`, as
    /// `found(start, end, pattern)` with `start..end` the span of whole characters of `text`
    /// that normalise to the pattern, in order of `end`; `Err` (after reporting some) when
    /// `text` holds a character that normalises to several.
    pub(crate) fn scan_raw(
        &self,
        text: &str,
        mut found: impl FnMut(usize, usize, usize),
    ) -> Result<(), Expanding> {
        let bytes = text.as_bytes();
        let (table, raw_class, norm_class) =
            (self.table.as_ref(), &self.raw_class, &self.norm_class);
        let mask = table.len() - 1;
        let mut state = 0u32;
        // Just past the last character whose normalised form is not itself (whitespace,
        // full-width forms): a match reaching back over it needs its start recomputed.
        let mut irregular = 0usize;
        let mut i = 0;
        while i < bytes.len() {
            let (steps, at, next) = run(table, raw_class, state, &bytes[i..]);
            i += steps;
            state = at;
            let Some(next) = next else {
                break;
            };
            if next != self.special {
                state = next;
                self.report(text, state, i, irregular, &mut found);
                continue;
            }
            // A byte to decode: the character starting at `at`.
            let at = i - 1;
            let feed = |state: u32, b: u8| {
                table[(state as usize + usize::from(norm_class[usize::from(b)])) & mask]
            };
            match bytes[at..] {
                // ASCII whitespace.
                [b, ..] if b < 0x80 => {
                    irregular = i;
                    continue;
                }
                // Full-width ASCII (U+FF01–U+FF5E): one ASCII byte, lower-cased.
                [0xEF, b1 @ (0xBC | 0xBD), b2, ..]
                    if (b1 == 0xBC && b2 >= 0x81) || (b1 == 0xBD && b2 <= 0x9E) =>
                {
                    let ascii = if b1 == 0xBC { 0x20 } else { 0x60 } + (b2 & 0x3F);
                    i = at + 3;
                    irregular = i;
                    state = feed(state, ascii.to_ascii_lowercase());
                }
                // 、 and 。 (U+3001, U+3002): themselves.
                [0xE3, 0x80, b2 @ (0x81 | 0x82), ..] => {
                    i = at + 3;
                    state = feed(feed(feed(state, 0xE3), 0x80), b2);
                }
                _ => {
                    let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                        break;
                    };
                    i = at + c.len_utf8();
                    let mut norm = ['\0'; 2];
                    let mut count = 0;
                    normalize_char(c, |d| {
                        if let Some(slot) = norm.get_mut(count) {
                            *slot = d;
                        }
                        count += 1;
                    });
                    match count {
                        0 => {
                            irregular = i;
                            continue;
                        }
                        1 => {
                            if norm[0] != c {
                                irregular = i;
                            }
                            let mut buf = [0u8; 4];
                            for &b in norm[0].encode_utf8(&mut buf).as_bytes() {
                                state = feed(state, b);
                            }
                        }
                        _ => return Err(Expanding),
                    }
                }
            }
            if state & FLAG != 0 {
                self.report(text, state, i, irregular, &mut found);
            }
        }
        Ok(())
    }

    /// Reports the patterns of match state `state`, the match ending at byte `end` of `text`.
    #[inline]
    fn report(
        &self,
        text: &str,
        state: u32,
        end: usize,
        irregular: usize,
        found: &mut impl FnMut(usize, usize, usize),
    ) {
        for (pattern, len) in self.outputs(state) {
            let start = match end.checked_sub(len) {
                Some(start) if start >= irregular => start,
                _ => start_of(text, end, len),
            };
            found(start, end, pattern);
        }
    }

    /// Reports every occurrence of a pattern in `norm`, already normalised, as
    /// `found(start, end, pattern)` in order of `end`.
    pub(crate) fn scan_normal(&self, norm: &str, mut found: impl FnMut(usize, usize, usize)) {
        let bytes = norm.as_bytes();
        let mut state = 0u32;
        let mut i = 0;
        while i < bytes.len() {
            let (steps, _, next) = run(&self.table, &self.norm_class, state, &bytes[i..]);
            i += steps;
            let Some(next) = next else {
                break;
            };
            state = next;
            for (pattern, len) in self.outputs(state) {
                found(i - len, i, pattern);
            }
        }
    }
}

/// Steps through `bytes` until a flagged entry: the bytes consumed, the state before the last
/// step, and the flagged entry (`None` at the end of `bytes`). Four bytes at a time, since a
/// flagged entry is rare; the block with one is stepped through again a byte at a time.
#[inline(always)]
fn run(
    table: &[u32],
    classes: &[u8; 256],
    mut state: u32,
    bytes: &[u8],
) -> (usize, u32, Option<u32>) {
    let mask = table.len().wrapping_sub(1);
    let step =
        |state: u32, b: u8| table[(state as usize + usize::from(classes[usize::from(b)])) & mask];
    let mut done = 0;
    for block in bytes.chunks_exact(4) {
        let s1 = step(state, block[0]);
        let s2 = step(s1, block[1]);
        let s3 = step(s2, block[2]);
        let s4 = step(s3, block[3]);
        if (s1 | s2 | s3 | s4) & FLAG != 0 {
            break;
        }
        state = s4;
        done += 4;
    }
    for (k, &b) in bytes[done..].iter().enumerate() {
        let next = step(state, b);
        if next & FLAG != 0 {
            return (done + k + 1, state, Some(next));
        }
        state = next;
    }
    (bytes.len(), state, None)
}

/// Start of the whole characters of `text` ending at `end` whose normalised forms are `len`
/// bytes (each character normalising to at most one, as in [`Scanner::scan_raw`]).
fn start_of(text: &str, end: usize, len: usize) -> usize {
    let mut left = len;
    let mut chars = text.get(..end).unwrap_or_default().char_indices();
    let mut start = end;
    while left > 0 {
        let Some((at, c)) = chars.next_back() else {
            break;
        };
        normalize_char(c, |d| left = left.saturating_sub(d.len_utf8()));
        start = at;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(scanner: &Scanner, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        scanner
            .scan_raw(text, |s, e, p| found.push((s, e, p)))
            .expect("no expansions");
        found
    }

    #[test]
    fn folds_case_width_and_whitespace() {
        let scanner = Scanner::new(&["saas", "软件", "件即服务(saas)"]).expect("small");
        assert_eq!(raw(&scanner, "ＳａａＳ"), [(0, 12, 0)]);
        assert_eq!(raw(&scanner, "软 件"), [(0, 7, 1)]);
        assert_eq!(
            raw(&scanner, "软件即服务（S a a S）"),
            [(0, 6, 1), (18, 25, 0), (3, 28, 2)]
        );
        let mut found = Vec::new();
        scanner.scan_normal("软件即服务(saas)", |s, e, p| found.push((s, e, p)));
        assert_eq!(found, [(0, 6, 1), (16, 20, 0), (3, 21, 2)]);
        assert!(scanner.scan_raw("㎱软件", |_, _, _| {}).is_err());
    }
}
