//! A character-level Aho–Corasick automaton that scans raw UTF-8 with the normalisation folded in.
//!
//! [`Scanner`] is built from a list of normalised patterns (any catalogue can have its own). Each
//! character of a pattern has a class, and the transition table is dense over (class, state),
//! laid out class by class with the states numbered breadth first, so the entries a scan mostly
//! reads (shallow states) share a few cache lines. A character's class does not depend on the
//! state: the class of every ASCII and every three-byte character (CJK ideographs, full-width
//! forms, `、。`) is the class of its normal form, read from its bytes alone, so each such
//! character costs one table load that depends on the one before. Other characters go through
//! [`normalize_char`]. A character that normalises to several characters makes
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
    /// Class of each ASCII character (upper case folded); [`SKIP`] for whitespace.
    pub(crate) ascii: [u16; 128],
    /// Class of the normal form of each three-byte character (U+0800–U+FFFF, at its code
    /// point), with [`IRREGULAR`] set when that form is another character; [`SKIP`] when it is
    /// empty, [`EXPANDS`] when it is several characters.
    pub(crate) bmp: Cow<'static, [u16]>,
    /// The characters of the patterns, sorted: the class of `chars[k]` is `k + 1`.
    pub(crate) chars: Cow<'static, [char]>,
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

/// A character class with this bit set is of a character whose normal form is another one.
const IRREGULAR: u16 = 1 << 14;

/// The class of a character that normalises to nothing (whitespace): skipped.
pub(crate) const SKIP: u16 = u16::MAX;

/// The class of a character that normalises to several characters.
const EXPANDS: u16 = u16::MAX - 1;

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
        if stride >= usize::from(IRREGULAR) {
            return None;
        }
        let class_of = |c: char| -> u16 {
            chars
                .binary_search(&c)
                .map_or(0, |k| u16::try_from(k + 1).unwrap_or(0))
        };
        // The class of `c`'s normal form, flagged as `bmp` has it.
        let raw_class = |c: char| -> u16 {
            let (mut norm, mut count) = ('\0', 0);
            normalize_char(c, |d| {
                norm = d;
                count += 1;
            });
            match count {
                0 => SKIP,
                1 if norm == c => class_of(norm),
                1 => class_of(norm) | IRREGULAR,
                _ => EXPANDS,
            }
        };
        let mut ascii = [0u16; 128];
        for (b, class) in ascii.iter_mut().enumerate() {
            // ASCII case folding is not a change of length: no IRREGULAR.
            *class = match raw_class(char::from(u8::try_from(b).ok()?)) {
                SKIP => SKIP,
                k => k & !IRREGULAR,
            };
        }
        let mut bmp = vec![0u16; 0x1_0000];
        for c in (0x800..0x1_0000).filter_map(char::from_u32) {
            bmp[c as usize] = raw_class(c);
        }

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
            bmp: Cow::Owned(bmp),
            chars: Cow::Owned(chars),
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
        match self.ascii.get(c as usize) {
            Some(&class) => class,
            None => self
                .chars
                .binary_search(&c)
                .map_or(0, |k| u16::try_from(k + 1).unwrap_or(0)),
        }
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
        let (table, bmp, ascii, states) = (&*self.table, &*self.bmp, &self.ascii, self.states);
        let mut state = 0usize;
        // The bytes left after the last character whose normalised form is not itself
        // (whitespace, full-width forms): a match reaching back over it needs its start
        // recomputed. (Counted from the end, like `rest`, so a step computes no offset.)
        let mut after_irregular = bytes.len();
        let mut rest = bytes;
        loop {
            let class = match *rest {
                [] => break,
                [b, ref tail @ ..] if b < 0x80 => {
                    rest = tail;
                    ascii[usize::from(b)]
                }
                // Three bytes (U+0800–U+FFFF: CJK ideographs, full-width forms, `、。`): the
                // class of the normal form of the code point they spell.
                [b0 @ 0xE0..=0xEF, b1, b2, ref tail @ ..] => {
                    rest = tail;
                    let c = usize::from(b0 & 0x0F) << 12
                        | usize::from(b1 & 0x3F) << 6
                        | usize::from(b2 & 0x3F);
                    bmp.get(c).copied().unwrap_or(0)
                }
                _ => {
                    let (class, tail) = self.decode(text, bytes.len() - rest.len());
                    rest = tail;
                    class
                }
            };
            if class >= EXPANDS {
                if class == EXPANDS {
                    return Err(Expanding);
                }
                after_irregular = rest.len();
                continue;
            }
            if class & IRREGULAR != 0 {
                after_irregular = rest.len();
            }
            let next = table
                .get(usize::from(class & !IRREGULAR) * states + state)
                .copied()
                .unwrap_or(0);
            state = usize::from(next & !FLAG);
            if next & FLAG != 0 {
                let (end, irregular) = (bytes.len() - rest.len(), bytes.len() - after_irregular);
                self.report(text, state, end, irregular, &mut found);
            }
        }
        Ok(())
    }

    /// The class (as [`Scanner::bmp`] has it) of the character of `text` at byte `at`, one of
    /// two or four bytes, and the bytes after it.
    #[cold]
    #[inline(never)]
    fn decode<'t>(&self, text: &'t str, at: usize) -> (u16, &'t [u8]) {
        let Some(c) = text.get(at..).and_then(|r| r.chars().next()) else {
            return (SKIP, &[]);
        };
        let rest = text.as_bytes().get(at + c.len_utf8()..).unwrap_or_default();
        let (mut norm, mut count) = ('\0', 0);
        normalize_char(c, |d| {
            norm = d;
            count += 1;
        });
        let class = match count {
            0 => SKIP,
            1 if norm == c => self.class_of(norm),
            1 => self.class_of(norm) | IRREGULAR,
            _ => EXPANDS,
        };
        (class, rest)
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
            let next = self
                .table
                .get(usize::from(self.class_of(c)) * self.states + state)
                .copied()
                .unwrap_or(0);
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

    /// Characters are classed by their normal forms: a CJK compatibility ideograph (three
    /// bytes, U+F900 → U+8C48), a full-width letter, a two-byte sign (U+00B5 → U+03BC).
    #[test]
    fn classes_come_from_normal_forms() {
        let scanner = Scanner::new(&["\u{8C48}a", "\u{3BC}m"]).expect("small");
        assert_eq!(raw(&scanner, "x\u{F900}Ａ"), [(1, 7, 0)]);
        assert_eq!(raw(&scanner, "x\u{8C48}a"), [(1, 5, 0)]);
        assert_eq!(raw(&scanner, "\u{B5}M"), [(0, 3, 1)]);
    }
}
