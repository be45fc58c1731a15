//! GB/T 4754 industry codes: parsing, display and validation against the embedded code lists.

use crate::error::{CodeError, Malformation};
use crate::tables;
use std::fmt;
use std::str::FromStr;

/// A GB/T 4754 code: a 门类 (section) letter, a 2-digit 大类 (division), 3-digit 中类 (group)
/// or 4-digit 小类 (class). Displays as its digits (a section as its letter); parsing accepts the
/// usual register forms.
///
/// ```
/// use digicat::Code;
/// for s in ["6513", "6513*", "I6513", "I 6513", "I-6513", "６５１３", " 6513 "] {
///     assert_eq!(s.parse::<Code>().unwrap().to_string(), "6513");
/// }
/// assert_eq!("651".parse::<Code>().unwrap().level(), digicat::Level::Group);
/// assert_eq!("i".parse::<Code>().unwrap().to_string(), "I");
/// assert!("65a3".parse::<Code>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code {
    digits: u8,
    value: u16,
}

/// The level of a code in GB/T 4754.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
pub enum Level {
    /// 门类, a letter A–T.
    Section,
    /// 大类, 2 digits.
    Division,
    /// 中类, 3 digits.
    Group,
    /// 小类, 4 digits.
    Class,
}

impl Level {
    /// Stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Section => "section",
            Level::Division => "division",
            Level::Group => "group",
            Level::Class => "class",
        }
    }
    /// 0 for a section up to 3 for a class.
    pub(crate) fn depth(self) -> u8 {
        match self {
            Level::Section => 0,
            Level::Division => 1,
            Level::Group => 2,
            Level::Class => 3,
        }
    }
    /// Chinese name: 门类, 大类, 中类 or 小类.
    pub fn name_zh(self) -> &'static str {
        match self {
            Level::Section => "门类",
            Level::Division => "大类",
            Level::Group => "中类",
            Level::Class => "小类",
        }
    }
}

/// Which edition of GB/T 4754 a code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
pub enum Edition {
    /// Read codes as GB/T 4754-2017; a 小类 that exists only in GB/T 4754-2011 is taken as an
    /// old-edition code. Where a number or name exists in both editions the 2017 meaning wins; a
    /// field that cannot be read in 2017 is read in 2011 (a 2011-only name, a code with its 2011
    /// name).
    #[default]
    Auto,
    /// Codes and names are GB/T 4754-2017; anything else is an error.
    Gbt2017,
    /// 4-digit codes are GB/T 4754-2011 小类 (coarser codes are read as 2017); names are read
    /// in 2011 first, then (for a field without a 4-digit code) in 2017.
    Gbt2011,
}

impl Edition {
    /// Stable name: `auto`, `2017` or `2011`.
    pub fn as_str(self) -> &'static str {
        match self {
            Edition::Auto => "auto",
            Edition::Gbt2017 => "2017",
            Edition::Gbt2011 => "2011",
        }
    }
}

impl FromStr for Edition {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, CodeError> {
        match s.trim() {
            "auto" => Ok(Edition::Auto),
            "2017" => Ok(Edition::Gbt2017),
            "2011" => Ok(Edition::Gbt2011),
            other => Err(CodeError::Option {
                option: "edition",
                value: other.to_owned(),
                expected: "auto, 2017 or 2011",
            }),
        }
    }
}

impl Code {
    /// The 4-digit class `value` (e.g. `Code::class(6513)`); values above 9999 are clamped.
    pub const fn class(value: u16) -> Code {
        Code {
            digits: 4,
            value: if value > 9999 { 9999 } else { value },
        }
    }

    /// A code from its number of digits (0 for a section, whose `value` is its letter's byte) and
    /// its value; for generated tables.
    pub(crate) const fn from_parts(digits: u8, value: u16) -> Code {
        Code { digits, value }
    }

    /// The 门类 (section) with this letter (`I` or `i`); `None` for a character that is not an
    /// ASCII letter. Whether the section exists is checked when the code is read.
    pub fn section(letter: char) -> Option<Code> {
        letter.is_ascii_alphabetic().then(|| Code {
            digits: 0,
            value: u16::from(letter.to_ascii_uppercase() as u8),
        })
    }

    /// The letter, when this is a section.
    pub fn section_letter(self) -> Option<char> {
        (self.digits == 0).then(|| char::from(self.value as u8))
    }

    /// The level implied by the number of digits (a letter: a section).
    pub fn level(self) -> Level {
        match self.digits {
            0 => Level::Section,
            2 => Level::Division,
            3 => Level::Group,
            _ => Level::Class,
        }
    }

    /// The code as a number (e.g. 6513, 651 or 65; for a section, its letter's ASCII value).
    pub fn value(self) -> u16 {
        self.value
    }

    /// The number when this is a 4-digit class.
    pub fn class_number(self) -> Option<u16> {
        (self.digits == 4).then_some(self.value)
    }

    /// `true` when `self` is `other` or encloses it (e.g. `65` contains `6513`; a section contains
    /// the codes listed under it in GB/T 4754-2017).
    pub fn contains(self, other: Code) -> bool {
        if let Some(letter) = self.section_letter() {
            return other == self || other.gbt2017().is_some_and(|e| e.section() == letter);
        }
        other.digits >= self.digits
            && other.value / 10u16.pow(u32::from(other.digits - self.digits)) == self.value
    }

    /// Key of this code in the generated GB/T tables (a section: its letter's byte).
    pub(crate) fn key(self) -> u32 {
        u32::from(self.digits) * 10_000 + u32::from(self.value)
    }

    /// Looks the code up in GB/T 4754-2017.
    pub fn gbt2017(self) -> Option<&'static GbtEntry> {
        tables::GBT2017.get(&self.key())
    }

    /// Looks the code up in GB/T 4754-2011.
    pub fn gbt2011(self) -> Option<&'static GbtEntry> {
        tables::GBT2011.get(&self.key())
    }

    /// The GB/T 4754-2017 name of the code, e.g. `应用软件开发` for 6513.
    pub fn name(self) -> Option<&'static str> {
        self.gbt2017().map(|e| e.name)
    }

    /// Parses a code, accepting a leading section letter (`I6513`, `I 6513`, `I-6513`), a trailing
    /// `*`, full-width characters and surrounding spaces. The letter, when given, must be the
    /// code's section in GB/T 4754-2017 or 2011 ([`read_code_field`](crate::read_code_field)
    /// checks it against the edition the code is read in).
    pub fn parse(input: &str) -> Result<Code, CodeError> {
        let (code, letter) = parse_parts(input)?;
        if let Some(letter) = letter {
            let sections = [code.gbt2017(), code.gbt2011()].map(|e| e.map(GbtEntry::section));
            if let Some(actual) = sections[0].or(sections[1]) {
                if !sections.contains(&Some(letter)) {
                    return Err(CodeError::SectionMismatch {
                        input: input.to_owned(),
                        given: letter,
                        actual,
                    });
                }
            }
        }
        Ok(code)
    }

    /// Looks up the GB/T 4754-2017 小类 with this exact name (brackets of either width; `、`,
    /// `,` and `和` ignored).
    pub fn from_class_name(name: &str) -> Option<Code> {
        entries_named(name, Edition::Gbt2017)
            .find(|e| e.level == Level::Class)
            .and_then(GbtEntry::as_code)
    }
}

impl FromStr for Code {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Code, CodeError> {
        Code::parse(s)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(letter) = self.section_letter() {
            return write!(f, "{letter}");
        }
        write!(
            f,
            "{:0width$}",
            self.value,
            width = usize::from(self.digits)
        )
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Folds the full-width forms of ASCII (U+FF01–U+FF5E) to ASCII and any whitespace to a space;
/// every other character stays as it is (so `①` is not a digit).
pub(crate) fn fold(c: char) -> char {
    if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
    } else if c.is_whitespace() {
        ' '
    } else {
        c
    }
}

/// Splits a code field into the code and the section letter given with it, if any.
pub(crate) fn parse_parts(input: &str) -> Result<(Code, Option<char>), CodeError> {
    let malformed = |why: Malformation| CodeError::Malformed {
        input: input.to_owned(),
        why,
    };
    let trimmed = input.trim_matches(|c: char| c.is_whitespace());
    if trimmed.is_empty() {
        return Err(CodeError::Empty);
    }
    let mut chars = trimmed.chars().map(fold).peekable();
    let mut section = None;
    if let Some(c) = chars.peek().copied().filter(char::is_ascii_alphabetic) {
        section = Some(c.to_ascii_uppercase());
        chars.next();
        if matches!(chars.peek(), Some(' ' | '-')) {
            chars.next();
        }
    }
    let letter_only = chars.peek().is_none();
    let (mut digits, mut value) = (0u8, 0u16);
    while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
        if digits == 4 {
            return Err(malformed(Malformation::TooManyDigits));
        }
        digits += 1;
        // d < 10 and at most 4 digits: no overflow.
        value = value * 10 + d as u16;
        chars.next();
    }
    if chars.peek() == Some(&'*') {
        chars.next();
    }
    if chars.any(|c| c != ' ') {
        return Err(malformed(Malformation::NotACode));
    }
    match (digits, section) {
        (0, Some(letter)) if letter_only => {
            Ok((Code::section(letter).ok_or(CodeError::Empty)?, None))
        }
        (0, Some(_)) => Err(malformed(Malformation::LetterNotAlone)),
        (0 | 1, _) => Err(malformed(Malformation::TooFewDigits)),
        _ => Ok((Code { digits, value }, section)),
    }
}

/// An entry of the GB/T 4754 code list.
#[derive(Debug)]
pub struct GbtEntry {
    pub(crate) level: Level,
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) parent: &'static str,
    pub(crate) parent_key: u32,
    pub(crate) section: u8,
    pub(crate) edition_2011: bool,
}

impl GbtEntry {
    /// Section, division, group or class.
    pub fn level(&self) -> Level {
        self.level
    }
    /// The code as printed in the standard (`I`, `65`, `651`, `6513`).
    pub fn code(&self) -> &'static str {
        self.code
    }
    /// The official name.
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// The enclosing code (empty for a section).
    pub fn parent(&self) -> &'static str {
        self.parent
    }
    /// The enclosing entry (group of a class, division of a group, section of a division) in the
    /// same edition; `None` for a section.
    pub fn parent_entry(&self) -> Option<&'static GbtEntry> {
        let table = if self.edition_2011 {
            &tables::GBT2011
        } else {
            &tables::GBT2017
        };
        table.get(&self.parent_key)
    }
    /// The edition this entry belongs to: [`Edition::Gbt2017`] or [`Edition::Gbt2011`].
    pub fn edition(&self) -> Edition {
        if self.edition_2011 {
            Edition::Gbt2011
        } else {
            Edition::Gbt2017
        }
    }
    /// The section letter (门类) the code belongs to.
    pub fn section(&self) -> char {
        char::from(self.section)
    }
    /// The entry's code as a [`Code`].
    pub fn as_code(&self) -> Option<Code> {
        match self.level {
            Level::Section => self.code.chars().next().and_then(Code::section),
            _ => Code::parse(self.code).ok(),
        }
    }
}

/// The entries of one edition (2011 for [`Edition::Gbt2011`], else 2017) whose name is `name`
/// (compared by [`name_key`](crate::normalize::name_key)), finest level first.
pub(crate) fn entries_named(
    name: &str,
    edition: Edition,
) -> impl Iterator<Item = &'static GbtEntry> {
    let (names, table) = match edition {
        Edition::Gbt2011 => (&tables::GBT2011_BY_NAME, &tables::GBT2011),
        _ => (&tables::GBT2017_BY_NAME, &tables::GBT2017),
    };
    let keys: &'static [u32] = names
        .get(crate::normalize::name_key(name).as_str())
        .copied()
        .unwrap_or(&[]);
    keys.iter().filter_map(move |k| table.get(k))
}

/// The GB/T 4754-2017 successors of a GB/T 4754-2011 小类 (facts only: the `high`-confidence
/// rows of the section-I correspondence, and classes whose code and name are unchanged).
/// Empty when no successor is known.
///
/// ```
/// let old: digicat::Code = "6510".parse().unwrap();
/// let new: Vec<String> = digicat::successors_2011(old).iter().map(|c| c.to_string()).collect();
/// assert_eq!(new, ["6511", "6512", "6513", "6519"]);
/// ```
pub fn successors_2011(code: Code) -> &'static [Code] {
    code.class_number()
        .and_then(|n| tables::SUCCESSORS_2011.get(&n).copied())
        .unwrap_or(&[])
}
