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

/// Number of UTF-8 bytes that `c` normalises to.
#[inline]
pub fn normalized_len(c: char) -> usize {
    let mut len = 0;
    normalize_char(c, |d| len += d.len_utf8());
    len
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
    for c in text.chars() {
        normalize_char(c, |d| out.push(d));
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
            assert_eq!(normalized_len(c), want.len());
        }
    }
}
