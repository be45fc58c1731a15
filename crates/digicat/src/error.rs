//! Errors: a code that cannot be used is a typed error, never a silent status.

use crate::code::{Code, Level};
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
        why: &'static str,
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
        hint: String,
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
