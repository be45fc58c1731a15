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

/// A character normalises to several characters: scan the normalised copy instead.
#[derive(Debug)]
pub(crate) struct Expanding;

/// An automaton over a set of normalised patterns, reporting every (overlapping) occurrence.
pub(crate) struct Scanner {
    /// Class of each byte of raw text: upper-case ASCII folded, [`Scanner::special_class`] for
    /// bytes that need decoding.
    raw_class: [u8; 256],
    /// Class of each byte of normalised text.
    norm_class: [u8; 256],
    /// Number of classes: bytes of no pattern (0), each byte of a pattern, the special class.
    stride: usize,
    /// `table[state + class]`: the next state, premultiplied by `stride`. States at or above
    /// `attention` are match states; `special` (past the table) marks a byte to decode.
    table: Vec<u32>,
    attention: u32,
    special: u32,
    /// For the `m`-th match state, its patterns are `outputs[out_ranges[m]..out_ranges[m + 1]]`.
    out_ranges: Vec<u32>,
    outputs: Vec<u32>,
    /// Length in bytes of each pattern.
    lens: Vec<u32>,
}

/// A trie node while building.
struct Node {
    children: Vec<(u8, u32)>,
    own: Vec<u32>,
}

impl Scanner {
    /// Builds the automaton of `patterns` (normalised, as [`crate::normalize`] gives them; a
    /// match reports the pattern's index). `None` only when the table would exceed `u32` offsets.
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

        // The trie, then failure links and inherited outputs in breadth-first order.
        let mut nodes = vec![Node {
            children: Vec::new(),
            own: Vec::new(),
        }];
        for (i, p) in patterns.iter().enumerate() {
            let mut at = 0usize;
            for &b in p.as_bytes() {
                let class = norm_class[usize::from(b)];
                at = match nodes[at].children.iter().find(|(c, _)| *c == class) {
                    Some(&(_, child)) => child as usize,
                    None => {
                        let child = nodes.len();
                        nodes.push(Node {
                            children: Vec::new(),
                            own: Vec::new(),
                        });
                        nodes[at].children.push((class, u32::try_from(child).ok()?));
                        child
                    }
                };
            }
            if at != 0 {
                nodes[at].own.push(u32::try_from(i).ok()?);
            }
        }
        let goto = |nodes: &[Node], at: usize, class: u8| {
            nodes[at]
                .children
                .iter()
                .find(|(c, _)| *c == class)
                .map(|&(_, child)| child as usize)
        };
        let mut fail = vec![0usize; nodes.len()];
        let mut matches = vec![false; nodes.len()];
        let mut order = Vec::with_capacity(nodes.len());
        order.push(0usize);
        let mut head = 0;
        while let Some(&at) = order.get(head) {
            head += 1;
            for &(class, child) in &nodes[at].children {
                let child = child as usize;
                let mut f = fail[at];
                fail[child] = loop {
                    if at == 0 {
                        break 0;
                    }
                    if let Some(next) = goto(&nodes, f, class) {
                        break next;
                    }
                    if f == 0 {
                        break 0;
                    }
                    f = fail[f];
                };
                matches[child] = !nodes[child].own.is_empty() || matches[fail[child]];
                order.push(child);
            }
        }

        // Final numbering: states without matches first, so one comparison finds the others.
        let mut id = vec![0u32; nodes.len()];
        let mut next_id = 0u32;
        for pass in [false, true] {
            for &at in order.iter().filter(|&&at| matches[at] == pass) {
                id[at] = next_id;
                next_id += 1;
            }
        }
        let premul = |state: usize| u32::try_from(stride).ok()?.checked_mul(id[state]);
        let attention = u32::try_from(order.iter().filter(|&&at| !matches[at]).count())
            .ok()?
            .checked_mul(u32::try_from(stride).ok()?)?;
        let special = u32::try_from(nodes.len().checked_mul(stride)?).ok()?;

        let mut table = vec![0u32; nodes.len() * stride];
        for &at in &order {
            let row = id[at] as usize * stride;
            if at == 0 {
                table[row + usize::from(special_class)] = special;
            } else {
                let from = id[fail[at]] as usize * stride;
                table.copy_within(from..from + stride, row);
            }
            for &(class, child) in &nodes[at].children {
                table[row + usize::from(class)] = premul(child as usize)?;
            }
        }

        // Outputs of each match state: its own patterns, then those of its failure chain.
        let mut match_states: Vec<usize> =
            order.iter().copied().filter(|&at| matches[at]).collect();
        match_states.sort_by_key(|&at| id[at]);
        let mut out_ranges = vec![0u32];
        let mut outputs = Vec::new();
        for at in match_states {
            let mut s = at;
            while s != 0 {
                outputs.extend_from_slice(&nodes[s].own);
                s = fail[s];
            }
            out_ranges.push(u32::try_from(outputs.len()).ok()?);
        }
        let lens = patterns
            .iter()
            .map(|p| u32::try_from(p.len()).ok())
            .collect::<Option<Vec<u32>>>()?;
        Some(Scanner {
            raw_class,
            norm_class,
            stride,
            table,
            attention,
            special,
            out_ranges,
            outputs,
            lens,
        })
    }

    /// The patterns of match state `state`, each with its length.
    #[inline]
    fn outputs(&self, state: u32) -> impl Iterator<Item = (usize, usize)> + '_ {
        let m = ((state - self.attention) as usize) / self.stride;
        let range = self.out_ranges[m] as usize..self.out_ranges[m + 1] as usize;
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
        let (table, raw_class) = (self.table.as_slice(), &self.raw_class);
        let (attention, special) = (self.attention, self.special);
        let mut state = 0u32;
        // Just past the last character whose normalised form is not itself (whitespace,
        // full-width forms): a match reaching back over it needs its start recomputed.
        let mut irregular = 0usize;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let next = table[state as usize + usize::from(raw_class[usize::from(b)])];
            i += 1;
            if next < attention {
                state = next;
                continue;
            }
            if next != special {
                state = next;
                self.report(text, state, i, irregular, &mut found);
                continue;
            }
            // A byte to decode: the character starting at `i - 1`.
            let at = i - 1;
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
                0 => irregular = i,
                1 => {
                    if norm[0] != c {
                        irregular = i;
                    }
                    let mut buf = [0u8; 4];
                    for &b in norm[0].encode_utf8(&mut buf).as_bytes() {
                        state =
                            table[state as usize + usize::from(self.norm_class[usize::from(b)])];
                    }
                    if state >= self.attention {
                        self.report(text, state, i, irregular, &mut found);
                    }
                }
                _ => return Err(Expanding),
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
        let table = self.table.as_slice();
        let mut state = 0u32;
        for (i, &b) in norm.as_bytes().iter().enumerate() {
            state = table[state as usize + usize::from(self.norm_class[usize::from(b)])];
            if state >= self.attention {
                for (pattern, len) in self.outputs(state) {
                    found(i + 1 - len, i + 1, pattern);
                }
            }
        }
    }
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
