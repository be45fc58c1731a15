//! Text normalisation shared by the matcher, the exact lookups and the build script.
//!
//! Every character is taken to its NFKC form on its own (so full-width letters, digits and
//! brackets match their ASCII forms), ASCII letters are lower-cased and whitespace of any
//! kind is dropped. Working one character at a time keeps every normalised byte traceable
//! to exactly one character of the original text, which is what evidence spans need.

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Calls `emit` with each character that `c` normalises to (none for whitespace).
#[inline]
pub fn normalize_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        if !c.is_whitespace() {
            emit(c.to_ascii_lowercase());
        }
    } else if ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3001}'..='\u{3002}').contains(&c) {
        // CJK Unified Ideographs and 、。 have no decomposition: already normal.
        emit(c);
    } else if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        // Full-width ASCII (；（）Ａ１…): NFKC maps each to the ASCII character 0xFEE0 below.
        if let Some(d) = char::from_u32(u32::from(c) - 0xFEE0) {
            emit(d.to_ascii_lowercase());
        }
    } else if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes && !c.is_whitespace() {
        emit(c);
    } else {
        for d in std::iter::once(c).nfkc() {
            if !d.is_whitespace() {
                emit(d.to_ascii_lowercase());
            }
        }
    }
}

/// Returns the normalised form of `text`.
///
/// ```
/// assert_eq!(digicat::normalize("软件即服务（ＳａａＳ） "), "软件即服务(saas)");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// Appends the normalised form of `text` to `out`.
pub fn normalize_into(text: &str, out: &mut String) {
    normalize_mapped(text, out, |_| {});
}

/// The key under which a GB/T 4754 name is looked up: the normalised form without `、`, `,` and
/// `和`, so `信息传输、软件和信息技术服务业`, `信息传输，软件和信息技术服务业` and
/// `信息传输软件和信息技术服务业` are one name (the build checks that no two names of an edition
/// that are not one chain share a key).
pub(crate) fn name_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        normalize_char(c, |d| {
            if !matches!(d, '、' | ',' | '和') {
                out.push(d);
            }
        });
    }
    out
}

/// Where normalisation changed a character's length or split it: the character at byte `orig`
/// (`orig_len` bytes) of the original became `norm_len` bytes at `norm` in the normalised text.
/// Between shifts, offsets move one for one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shift {
    pub(crate) norm: usize,
    pub(crate) orig: usize,
    pub(crate) norm_len: usize,
    pub(crate) orig_len: usize,
}

/// Length of the character starting at byte `b` when it is one that normalises to itself,
/// judged from its first byte alone: ASCII other than upper case and whitespace, and the
/// three-byte sequences led by 0xE4–0xE9 (U+4000–U+9FFF: CJK ideographs and the Yijing
/// hexagram symbols, none of which decompose).
#[inline]
fn identity_len(b: u8) -> Option<usize> {
    match b {
        b'A'..=b'Z' | b'\t'..=b'\r' | b' ' => None,
        0..=0x7F => Some(1),
        0xE4..=0xE9 => Some(3),
        _ => None,
    }
}

/// `true` when `text` is already normal: only characters that normalise to themselves (judged
/// as in [`normalize_mapped`], so `false` may also be said of some normal text).
pub(crate) fn is_normal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match identity_len(b) {
            Some(len) => i += len,
            None => return false,
        }
    }
    true
}

/// Appends the normalised form of `text` to `out`, reporting every [`Shift`] in text order.
/// Runs of characters that are already normal are copied as whole slices.
pub(crate) fn normalize_mapped(text: &str, out: &mut String, mut shift: impl FnMut(Shift)) {
    let bytes = text.as_bytes();
    let (mut run, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        if let Some(len) = identity_len(b) {
            i += len;
            continue;
        }
        // `i` is a char boundary: identity_len only skips whole characters.
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        out.push_str(text.get(run..i).unwrap_or_default());
        let norm = out.len();
        let mut count = 0;
        normalize_char(c, |d| {
            out.push(d);
            count += 1;
        });
        let norm_len = out.len() - norm;
        if count != 1 || norm_len != c.len_utf8() {
            shift(Shift {
                norm,
                orig: i,
                norm_len,
                orig_len: c.len_utf8(),
            });
        }
        i += c.len_utf8();
        run = i;
    }
    out.push_str(text.get(run..).unwrap_or_default());
}

/// A fixed stack buffer for normalising lookup keys without allocating.
pub(crate) struct KeyBuf {
    bytes: [u8; KeyBuf::CAPACITY],
}

impl KeyBuf {
    /// Longer than any key: the longest product, phrase or GB/T name is under 100 bytes (the
    /// catalogue tests check that every key fits).
    pub(crate) const CAPACITY: usize = 256;

    pub(crate) fn new() -> Self {
        KeyBuf {
            bytes: [0; KeyBuf::CAPACITY],
        }
    }

    /// The normalised form of `s`: `s` itself when it is already normal, else written into the
    /// buffer; `None` when it does not fit (then it is no key).
    pub(crate) fn normalized<'a>(&'a mut self, s: &'a str) -> Option<&'a str> {
        if is_normal(s) {
            return Some(s);
        }
        let mut len = 0;
        let mut fits = true;
        for c in s.chars() {
            normalize_char(c, |d| {
                let n = d.len_utf8();
                if fits && len + n <= self.bytes.len() {
                    d.encode_utf8(&mut self.bytes[len..len + n]);
                    len += n;
                } else {
                    fits = false;
                }
            });
            if !fits {
                return None;
            }
        }
        std::str::from_utf8(&self.bytes[..len]).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast paths agree with per-character NFKC (ASCII lower-cased, whitespace dropped) for
    /// every Unicode scalar value.
    #[test]
    fn fast_paths_agree_with_nfkc() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let want: String = std::iter::once(c)
                .nfkc()
                .filter(|d| !d.is_whitespace())
                .map(|d| d.to_ascii_lowercase())
                .collect();
            let mut got = String::new();
            normalize_char(c, |d| got.push(d));
            assert_eq!(got, want, "U+{:04X}", u32::from(c));
            let mut bulk = String::new();
            normalize_mapped(c.encode_utf8(&mut [0; 4]), &mut bulk, |_| {});
            assert_eq!(bulk, want, "bulk path, U+{:04X}", u32::from(c));
        }
    }
}
