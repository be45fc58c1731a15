//! Errors: a code that cannot be used is a typed error, never a silent status.

use crate::code::{Code, Level};
use crate::report::Lang;
use std::fmt;
use thiserror::Error;

/// Why a code (or code field) cannot be used.
///
/// Every variant has a stable snake_case [`kind`](CodeError::kind), which the CLI, C and Python
/// surfaces report for rows whose status is `invalid`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CodeError {
    /// The field is empty (only when parsing a code on its own; `classify` treats an empty code
    /// as no code).
    #[error("empty code (代码为空)")]
    Empty,
    /// Not shaped like a code.
    #[error("malformed code {input:?}: {why} (代码格式错误)")]
    Malformed {
        /// The input as given.
        input: String,
        /// What was wrong.
        why: Malformation,
    },
    /// A section letter that is not the code's section, e.g. `C6513`.
    #[error("code {input:?}: section {given} given, but the code belongs to section {actual} (门类字母不符)")]
    SectionMismatch {
        /// The input as given.
        input: String,
        /// The letter given.
        given: char,
        /// The code's section.
        actual: char,
    },
    /// Well-formed, but not a code of the edition read.
    #[error("{code} is not a GB/T 4754-{edition} {level_zh} ({level}){hint} (不是有效的行业代码)", level_zh = level.name_zh(), level = level.as_str())]
    Unknown {
        /// The code.
        code: Code,
        /// Its level by digit count.
        level: Level,
        /// `2017` or `2011`.
        edition: &'static str,
        /// Extra help, e.g. that the code is a 2011 小类.
        hint: UnknownHint,
    },
    /// A name in the code field that is no GB/T 4754 name (门类, 大类, 中类 or 小类, either edition).
    #[error(
        "{input:?} is neither a code nor a GB/T 4754 industry name (既不是行业代码也不是国标行业名称)"
    )]
    UnknownName {
        /// The input as given.
        input: String,
    },
    /// Code and name given together disagree, e.g. `6513 基础软件开发`.
    #[error("code {code} is {official:?} in GB/T 4754-2017, but the name given is {given:?} (代码与名称不符)")]
    NameMismatch {
        /// The code given.
        code: Code,
        /// The official name of that code.
        official: &'static str,
        /// The name given.
        given: String,
    },
    /// Parts of a code field at different levels (or two codes or names of one level) that
    /// contradict each other, e.g. `65/6431` or `制造业/软件开发`: `outer` does not contain `inner`.
    #[error("code field {input:?}: {outer} ({outer_name}) does not contain {inner} ({inner_name}); the levels contradict each other (代码或名称的层级互相矛盾)")]
    HierarchyMismatch {
        /// The input as given.
        input: String,
        /// The coarser (or first) part, as read.
        outer: Code,
        /// Its official name.
        outer_name: &'static str,
        /// The finer (or second) part, as read.
        inner: Code,
        /// Its official name.
        inner_name: &'static str,
    },
    /// A 经营范围 text longer than [`crate::MAX_TEXT_BYTES`] (16 MiB): no real one comes near,
    /// and refusing it keeps what one record can cost bounded (evidence grows with the matches).
    #[error("text of {len} bytes is longer than the limit of {limit} bytes (经营范围文字过长)")]
    TextTooLong {
        /// The text's length in bytes.
        len: usize,
        /// [`crate::MAX_TEXT_BYTES`].
        limit: usize,
    },
    /// An option value that is not one of the allowed names.
    #[error("invalid {option} {value:?}; expected {expected}")]
    Option {
        /// Which option.
        option: &'static str,
        /// The value given.
        value: String,
        /// The allowed values.
        expected: &'static str,
    },
}

impl CodeError {
    /// Stable snake_case name of the error kind: `empty_code`, `malformed_code`,
    /// `section_mismatch`, `unknown_code`, `unknown_class_name`, `code_name_mismatch`,
    /// `hierarchy_mismatch`, `text_too_long` or `invalid_option`.
    pub fn kind(&self) -> &'static str {
        match self {
            CodeError::Empty => "empty_code",
            CodeError::Malformed { .. } => "malformed_code",
            CodeError::SectionMismatch { .. } => "section_mismatch",
            CodeError::Unknown { .. } => "unknown_code",
            CodeError::UnknownName { .. } => "unknown_class_name",
            CodeError::NameMismatch { .. } => "code_name_mismatch",
            CodeError::HierarchyMismatch { .. } => "hierarchy_mismatch",
            CodeError::TextTooLong { .. } => "text_too_long",
            CodeError::Option { .. } => "invalid_option",
        }
    }
}

impl CodeError {
    /// The message in `lang`: the English text (with a Chinese gloss) of `Display` for
    /// `Lang::En`; Chinese only for `Lang::Zh`, with the input, codes and official names as they
    /// are. The CLI's `error` column, C's `digicat_error_message_lang` and Python's `lang="zh"`
    /// take it from here.
    ///
    /// ```
    /// use digicat::{report::Lang, Code};
    /// let e = "65a3".parse::<Code>().unwrap_err();
    /// assert_eq!(
    ///     e.message(Lang::Zh),
    ///     "行业代码格式错误：“65a3”应为 2 至 4 位数字，前面可带门类字母，后面可带 *（如 I6513）"
    /// );
    /// assert_eq!(e.message(Lang::En), e.to_string());
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => self.message_zh(),
        }
    }

    fn message_zh(&self) -> String {
        match self {
            CodeError::Empty => "行业代码为空".to_owned(),
            CodeError::Malformed { input, why } => {
                format!("行业代码格式错误：“{input}”{}", why.zh())
            }
            CodeError::SectionMismatch {
                input,
                given,
                actual,
            } => format!("门类字母与代码不符：“{input}”写的门类是 {given}，但该代码属于门类 {actual}"),
            CodeError::Unknown {
                code,
                level,
                edition,
                hint,
            } => format!(
                "{code} 不是 GB/T 4754-{edition} 的{}{}",
                level.name_zh(),
                hint.zh()
            ),
            CodeError::UnknownName { input } => {
                format!("“{input}”既不是行业代码，也不是国标行业名称")
            }
            CodeError::NameMismatch {
                code,
                official,
                given,
            } => format!(
                "代码与名称不符：{code} 在 GB/T 4754-2017 中是“{official}”，而写的名称是“{given}”"
            ),
            CodeError::HierarchyMismatch {
                input,
                outer,
                outer_name,
                inner,
                inner_name,
            } => format!(
                "行业各级互相矛盾：“{input}”中 {outer}（{outer_name}）不包含 {inner}（{inner_name}）"
            ),
            CodeError::TextTooLong { len, limit } => {
                format!("经营范围文字过长：{len} 字节，超过上限 {limit} 字节")
            }
            CodeError::Option {
                option,
                value,
                expected,
            } => {
                let option = match *option {
                    "lang" => "语言",
                    "policy" => "判定规则",
                    "edition" => "行业分类版本",
                    "catalogue" => "分类目录",
                    other => other,
                };
                let expected = expected.replace(", ", "、").replace(" or ", " 或 ");
                format!("{option}选项的值“{value}”无效，应为 {expected}")
            }
        }
    }
}

/// Why a code field is not shaped like a code ([`CodeError::Malformed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Malformation {
    /// More than 4 digits.
    TooManyDigits,
    /// Something else than a section letter, digits and `*`.
    NotACode,
    /// A section letter followed by something that is not a code.
    LetterNotAlone,
    /// Fewer than 2 digits.
    TooFewDigits,
}

impl Malformation {
    /// The reason in Chinese, after the input (e.g. `超过 4 位数字`).
    pub fn zh(self) -> &'static str {
        match self {
            Malformation::TooManyDigits => "超过 4 位数字",
            Malformation::NotACode => {
                "应为 2 至 4 位数字，前面可带门类字母，后面可带 *（如 I6513）"
            }
            Malformation::LetterNotAlone => {
                "应为单独的门类字母，或门类字母后接 2 至 4 位数字（如 I 或 I6513）"
            }
            Malformation::TooFewDigits => "不足 2 位数字：行业代码为 2 至 4 位数字",
        }
    }
}

impl fmt::Display for Malformation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Malformation::TooManyDigits => "more than 4 digits",
            Malformation::NotACode => {
                "expected 2–4 digits, optionally after a section letter and before `*` (e.g. I6513)"
            }
            Malformation::LetterNotAlone => {
                "expected a section letter alone or before a 2–4 digit code (e.g. I or I6513)"
            }
            Malformation::TooFewDigits => "a code has 2–4 digits",
        })
    }
}

/// What else is known of a code that is not in the edition read ([`CodeError::Unknown`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum UnknownHint {
    /// Nothing.
    #[default]
    None,
    /// Read in both editions (auto): not a GB/T 4754-2011 小类 either.
    Not2011Either,
    /// Read as 2017 only, but it is a GB/T 4754-2011 小类.
    Is2011,
}

impl UnknownHint {
    /// The hint in Chinese, appended to the message (empty for none).
    pub fn zh(self) -> &'static str {
        match self {
            UnknownHint::None => "",
            UnknownHint::Not2011Either => "，也不是 GB/T 4754-2011 的小类",
            UnknownHint::Is2011 => "；它是 GB/T 4754-2011 的小类：请按 2011 版或自动识别版本读取",
        }
    }
}

impl fmt::Display for UnknownHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UnknownHint::None => "",
            UnknownHint::Not2011Either => " and not a GB/T 4754-2011 小类 either",
            UnknownHint::Is2011 => "; it is a GB/T 4754-2011 小类: read with edition 2011 or auto",
        })
    }
}
