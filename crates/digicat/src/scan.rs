//! A character-level Aho–Corasick automaton that scans raw UTF-8 with the normalisation folded in.
//!
//! [`Scanner`] is built from a list of normalised patterns (any catalogue can have its own). Each
//! character of a pattern has a class, and the transition table is dense over (class, state),
//! laid out class by class with the states numbered breadth first, so the entries a scan mostly
//! reads (shallow states) share a few cache lines. A character's class does not depend on the
//! state: ASCII and the characters U+4000–U+9FFF (three bytes led by 0xE4–0xE9, always normal)
//! are looked up directly, so each of them costs one table load that depends on the one before.
//! Whitespace is skipped, full-width ASCII and `、。` are classed without decoding, and other
//! characters go through [`normalize_char`]. A character that normalises to several characters
//! makes [`Scanner::scan_raw`] give up ([`Expanding`]); the caller then scans the normalised copy
//! with [`Scanner::scan_normal`].

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
    /// Class of each ASCII character (upper case folded); [`SKIP`] for whitespace.
    pub(crate) ascii: [u16; 128],
    /// Class of each character U+4000–U+9FFF, at `c & 0x7FFF` (what the low bits of its three
    /// UTF-8 bytes give without a subtraction; 0x2000–0x3FFF are unused).
    pub(crate) cjk: Cow<'static, [u16]>,
    /// Class of the other characters of the patterns, sorted by character.
    pub(crate) other: Cow<'static, [(char, u16)]>,
    /// Number of states.
    pub(crate) states: usize,
    /// `table[class * states + state]`: the next state, with [`FLAG`] set on match states. Class
    /// 0 is every character of no pattern.
    pub(crate) table: Cow<'static, [u16]>,
    /// The patterns of state `s` are `outputs[out_ranges[s]..out_ranges[s + 1]]`.
    pub(crate) out_ranges: Cow<'static, [u32]>,
    pub(crate) outputs: Cow<'static, [u32]>,
    /// Length in bytes of each pattern.
    pub(crate) lens: Cow<'static, [u32]>,
}

/// Set on the entries of match states.
const FLAG: u16 = 1 << 15;

/// The class of ASCII whitespace, which is skipped.
pub(crate) const SKIP: u16 = u16::MAX;

/// The characters of [`Scanner::cjk`] (led by the bytes 0xE4–0xE9) and its length.
const CJK: std::ops::Range<u32> = 0x4000..0xA000;
const CJK_LEN: usize = 0x8000;

impl Scanner {
    /// Builds the automaton of `patterns` (normalised, as [`crate::normalize`] gives them; a
    /// match reports the pattern's index). `None` when the states or classes do not fit `u16`
    /// (32,767 states).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn new(patterns: &[&str]) -> Option<Scanner> {
        let mut chars: Vec<char> = patterns.iter().flat_map(|p| p.chars()).collect();
        chars.sort_unstable();
        chars.dedup();
        let stride = chars.len() + 1;
        if stride >= usize::from(SKIP) {
            return None;
        }
        let class_of = |c: char| -> u16 {
            chars
                .binary_search(&c)
                .map_or(0, |k| u16::try_from(k + 1).unwrap_or(0))
        };
        let mut ascii = [0u16; 128];
        for (b, class) in ascii.iter_mut().enumerate() {
            let c = char::from(u8::try_from(b).ok()?);
            let mut norm = None;
            normalize_char(c, |d| norm = Some(d));
            *class = norm.map_or(SKIP, class_of);
        }
        let mut cjk = vec![0u16; CJK_LEN];
        for c in CJK.filter_map(char::from_u32) {
            cjk[cjk_index(c)] = class_of(c);
        }
        let other: Vec<(char, u16)> = chars
            .iter()
            .filter(|&&c| !c.is_ascii() && !CJK.contains(&u32::from(c)))
            .map(|&c| (c, class_of(c)))
            .collect();

        // The trie, built in a state-major table (an entry is the child's number; 0, the root,
        // is never a child), with each node's children linked for the walk below.
        let max_nodes = 1 + patterns.iter().map(|p| p.chars().count()).sum::<usize>();
        let mut table = vec![0u32; max_nodes.checked_mul(stride)?];
        let (mut first_child, mut next_sibling) = (vec![NONE; max_nodes], vec![NONE; max_nodes]);
        let mut class_at = vec![0u16; max_nodes];
        let (mut first_own, mut next_own) = (vec![NONE; max_nodes], vec![NONE; patterns.len()]);
        let mut nodes = 1usize;
        for (i, p) in patterns.iter().enumerate() {
            let mut at = 0usize;
            for c in p.chars() {
                let class = class_of(c);
                let cell = at * stride + usize::from(class);
                if table[cell] == 0 {
                    table[cell] = u32::try_from(nodes).ok()?;
                    class_at[nodes] = class;
                    next_sibling[nodes] = first_child[at];
                    first_child[at] = u32::try_from(nodes).ok()?;
                    nodes += 1;
                }
                at = table[cell] as usize;
            }
            if at != 0 {
                next_own[i] = first_own[at];
                first_own[at] = u32::try_from(i).ok()?;
            }
        }
        if nodes >= usize::from(FLAG) {
            return None;
        }

        // Breadth first: a node's row becomes its failure node's (complete, being shallower),
        // with its own children over it; `matches` marks nodes where a pattern ends, theirs or
        // a suffix's.
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
            if at != 0 {
                let from = fail[at] * stride;
                table.copy_within(from..from + stride, row);
            }
            for &child in &children {
                let class = usize::from(class_at[child]);
                fail[child] = if at == 0 {
                    0
                } else {
                    table[fail[at] * stride + class] as usize
                };
                matches[child] = first_own[child] != NONE || matches[fail[child]];
                table[row + class] = u32::try_from(child).ok()?;
                order.push(child);
            }
        }

        // Renumbered breadth first and laid out class by class, so that the entries a scan
        // mostly reads (the shallow states') lie together.
        let mut rank = vec![0u16; nodes];
        for (i, &at) in order.iter().enumerate() {
            rank[at] = u16::try_from(i).ok()?;
        }
        let mut ranked = vec![0u16; nodes.checked_mul(stride)?];
        for (i, &at) in order.iter().enumerate() {
            for class in 0..stride {
                let next = table[at * stride + class] as usize;
                let flag = if matches[next] { FLAG } else { 0 };
                ranked[class * nodes + i] = rank[next] | flag;
            }
        }

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
        Some(Scanner {
            ascii,
            cjk: Cow::Owned(cjk),
            other: Cow::Owned(other),
            states: nodes,
            table: Cow::Owned(ranked),
            out_ranges: Cow::Owned(out_ranges),
            outputs: Cow::Owned(outputs),
            lens: Cow::Owned(lens),
        })
    }

    /// The class of `c`, a normalised character (0 when no pattern has it).
    #[inline]
    fn class_of(&self, c: char) -> u16 {
        let code = u32::from(c);
        if let Some(&class) = self.ascii.get(code as usize) {
            class
        } else if CJK.contains(&code) {
            self.cjk.get(cjk_index(c)).copied().unwrap_or(0)
        } else {
            self.other
                .binary_search_by_key(&c, |&(d, _)| d)
                .map_or(0, |k| self.other[k].1)
        }
    }

    /// The entry for `class` from `state` (a state number).
    #[inline(always)]
    fn step(&self, state: usize, class: u16) -> u16 {
        self.table
            .get(usize::from(class) * self.states + state)
            .copied()
            .unwrap_or(0)
    }

    /// The patterns of state `state`, each with its length.
    #[inline]
    fn outputs(&self, state: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let range = self.out_ranges[state] as usize..self.out_ranges[state + 1] as usize;
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
        let (table, cjk, ascii, states) = (&*self.table, &*self.cjk, &self.ascii, self.states);
        let step = |state: usize, class: u16| {
            table
                .get(usize::from(class) * states + state)
                .copied()
                .unwrap_or(0)
        };
        let mut state = 0usize;
        // Just past the last character whose normalised form is not itself (whitespace,
        // full-width forms): a match reaching back over it needs its start recomputed.
        let mut irregular = 0usize;
        let mut rest = bytes;
        loop {
            // Runs of characters U+4000–U+9FFF (most of a Chinese text): normal, so their class
            // comes from their bytes alone.
            while let [b0 @ 0xE4..=0xE9, b1, b2, ref tail @ ..] = *rest {
                rest = tail;
                let k = usize::from(b0 & 0x07) << 12
                    | usize::from(b1 & 0x3F) << 6
                    | usize::from(b2 & 0x3F);
                let next = step(state, cjk.get(k).copied().unwrap_or(0));
                state = usize::from(next & !FLAG);
                if next & FLAG != 0 {
                    let end = bytes.len() - rest.len();
                    self.report(text, state, end, irregular, &mut found);
                }
            }
            let at = bytes.len() - rest.len();
            let class = match *rest {
                [] => break,
                [b, ref tail @ ..] if b < 0x80 => {
                    rest = tail;
                    let class = ascii[usize::from(b)];
                    if class == SKIP {
                        irregular = at + 1;
                        continue;
                    }
                    class
                }
                // Full-width ASCII (U+FF01–U+FF5E): its ASCII character, lower-cased.
                [0xEF, b1 @ (0xBC | 0xBD), b2, ref tail @ ..]
                    if (b1 == 0xBC && b2 >= 0x81) || (b1 == 0xBD && b2 <= 0x9E) =>
                {
                    rest = tail;
                    irregular = at + 3;
                    let ascii_byte = if b1 == 0xBC { 0x20 } else { 0x60 } + (b2 & 0x3F);
                    ascii[usize::from(ascii_byte & 0x7F)]
                }
                // 、 and 。 (U+3001, U+3002): themselves.
                [0xE3, 0x80, b2 @ (0x81 | 0x82), ref tail @ ..] => {
                    rest = tail;
                    self.class_of(if b2 == 0x81 { '、' } else { '。' })
                }
                _ => {
                    let Some(c) = text.get(at..).and_then(|r| r.chars().next()) else {
                        break;
                    };
                    let end = at + c.len_utf8();
                    rest = bytes.get(end..).unwrap_or_default();
                    let mut norm = '\0';
                    let mut count = 0;
                    normalize_char(c, |d| {
                        norm = d;
                        count += 1;
                    });
                    match count {
                        0 => {
                            irregular = end;
                            continue;
                        }
                        1 => {
                            if norm != c {
                                irregular = end;
                            }
                            self.class_of(norm)
                        }
                        _ => return Err(Expanding),
                    }
                }
            };
            let next = step(state, class);
            state = usize::from(next & !FLAG);
            if next & FLAG != 0 {
                let end = bytes.len() - rest.len();
                self.report(text, state, end, irregular, &mut found);
            }
        }
        Ok(())
    }

    /// Reports the patterns of match state `state`, the match ending at byte `end` of `text`.
    #[inline]
    fn report(
        &self,
        text: &str,
        state: usize,
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
        let mut state = 0usize;
        for (at, c) in norm.char_indices() {
            let next = self.step(state, self.class_of(c));
            state = usize::from(next & !FLAG);
            if next & FLAG != 0 {
                let end = at + c.len_utf8();
                for (pattern, len) in self.outputs(state) {
                    found(end - len, end, pattern);
                }
            }
        }
    }
}

/// Index in [`Scanner::cjk`] of a character in [`CJK`].
#[inline]
fn cjk_index(c: char) -> usize {
    (u32::from(c) & 0x7FFF) as usize
}

/// No node or pattern (in the build's linked lists).
#[cfg_attr(not(test), allow(dead_code))] // The build script builds; the library only scans.
const NONE: u32 = u32::MAX;

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
