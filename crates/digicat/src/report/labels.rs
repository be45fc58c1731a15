//! Chinese labels of the stable codes: statuses, reasons (engine reasons, code error kinds and
//! the batch surfaces' own reasons), evidence kinds and relations. The one place where both
//! languages live; the CLI, C and Python take them from here. The English "label" of a code is
//! the code itself, which stays the machine format.

use super::Lang;
use crate::classify::Status;

/// Every reason code with its Chinese label: the engine's [`crate::Reason`]s, the error kinds of
/// [`crate::CodeError`], and the batch surfaces' own `malformed_record` and `invalid_encoding`.
pub const REASON_LABELS: [(&str, &str); 26] = [
    ("whole_class", "整个小类属于目录"),
    ("listed_product", "写有目录所列重点产品"),
    ("scope_phrase", "写有等同的经营范围规范表述"),
    ("class_name", "写有目录行业类别名称"),
    ("no_product_evidence", "未写明目录所列重点产品"),
    ("no_code", "无行业代码，文字写有目录内容"),
    ("broader_phrases_only", "只有较宽泛的经营范围表述"),
    ("coarse_code", "行业代码不到小类"),
    ("products_outside_code", "文字写有其他行业代码的目录产品"),
    ("old_edition_code", "2011版行业代码"),
    ("products_not_published", "该目录行的重点产品未公布"),
    ("code_outside_catalogue", "行业代码不在目录内"),
    ("nothing_named", "未写明任何目录内容"),
    ("blank_row", "空行"),
    ("footer_row", "合计行"),
    ("empty_code", "行业代码为空"),
    ("malformed_code", "行业代码格式错误"),
    ("section_mismatch", "门类字母与代码不符"),
    ("unknown_code", "无此行业代码"),
    ("unknown_class_name", "无此行业名称"),
    ("code_name_mismatch", "代码与名称不符"),
    ("hierarchy_mismatch", "行业各级互相矛盾"),
    ("invalid_option", "选项值无效"),
    ("malformed_record", "记录字段数与表头不符"),
    ("invalid_encoding", "编码错误"),
    ("text_too_long", "经营范围文字过长"),
];

/// Evidence kinds and scope-phrase relations with their Chinese labels.
pub const KIND_LABELS: [(&str, &str); 6] = [
    ("product", "目录产品"),
    ("alias", "产品别称"),
    ("scope_phrase", "经营范围规范表述"),
    ("class_name", "行业类别名称"),
    ("equivalent", "等同"),
    ("broader", "较宽泛"),
];

fn lookup(table: &[(&'static str, &'static str)], code: &str) -> Option<&'static str> {
    table.iter().find(|(c, _)| *c == code).map(|(_, zh)| *zh)
}

/// A reason code (or error kind) in `lang`: the code itself in English, its Chinese label in
/// Chinese; a code without a label is returned as given.
///
/// ```
/// use digicat::report::{reason_label, Lang};
/// assert_eq!(reason_label("listed_product", Lang::Zh), "写有目录所列重点产品");
/// assert_eq!(reason_label("listed_product", Lang::En), "listed_product");
/// ```
pub fn reason_label(code: &str, lang: Lang) -> &str {
    match lang {
        Lang::En => code,
        Lang::Zh => lookup(&REASON_LABELS, code).unwrap_or(code),
    }
}

/// An evidence kind or relation code (`product`, `alias`, `scope_phrase`, `class_name`,
/// `equivalent`, `broader`) in `lang`, as [`reason_label`] does for reasons.
pub fn kind_label(code: &str, lang: Lang) -> &str {
    match lang {
        Lang::En => code,
        Lang::Zh => lookup(&KIND_LABELS, code).unwrap_or(code),
    }
}

/// A status, reason (or error kind), evidence kind or relation `code` in `lang`, as static text:
/// the code itself for `Lang::En`, its Chinese label for `Lang::Zh`; `None` for a code that is
/// none of these.
///
/// ```
/// use digicat::report::{label, Lang};
/// assert_eq!(label("needs_review", Lang::Zh), Some("需人工复核"));
/// assert_eq!(label("broader", Lang::Zh), Some("较宽泛"));
/// assert_eq!(label("whole_class", Lang::En), Some("whole_class"));
/// assert_eq!(label("whatever", Lang::Zh), None);
/// ```
pub fn label(code: &str, lang: Lang) -> Option<&'static str> {
    if let Some(s) = Status::ALL.iter().find(|s| s.as_str() == code) {
        return Some(s.label(lang));
    }
    REASON_LABELS
        .iter()
        .chain(&KIND_LABELS)
        .find(|(c, _)| *c == code)
        .map(|(c, zh)| match lang {
            Lang::En => *c,
            Lang::Zh => *zh,
        })
}

/// The code a label stands for: a stable code is returned as it is, a Chinese label of a status,
/// reason, kind or relation as its code; `None` for anything else. Lets a table written with
/// `--lang zh` be read back.
pub fn code_of(label: &str) -> Option<&'static str> {
    let label = label.trim();
    Status::ALL
        .iter()
        .find(|s| s.as_str() == label || s.name_zh() == label)
        .map(|s| s.as_str())
        .or_else(|| {
            REASON_LABELS
                .iter()
                .chain(&KIND_LABELS)
                .find(|(c, zh)| *c == label || *zh == label)
                .map(|(c, _)| *c)
        })
}

/// Puts the added columns' values ([`super::fields`]) in `lang`: with `Lang::Zh` the status and
/// the reason become their Chinese labels; the other columns (ids, names, terms, message) are
/// unchanged (for the message in `lang`, see [`super::fields_in`]); with `Lang::En` nothing
/// changes (the stable codes).
///
/// ```
/// use digicat::report::{fields, localize, Lang};
/// let mut f = fields(&digicat::classify(Some("6520"), None, &Default::default()));
/// localize(&mut f, Lang::Zh);
/// assert_eq!((f[0].as_str(), f[1].as_str()), ("属于目录", "整个小类属于目录"));
/// ```
pub fn localize(fields: &mut [String; 7], lang: Lang) {
    if lang == Lang::En {
        return;
    }
    if let Some(s) = Status::ALL.iter().find(|s| s.as_str() == fields[0]) {
        fields[0] = s.label(lang).to_owned();
    }
    let reason = reason_label(&fields[1], lang).to_owned();
    fields[1] = reason;
}

impl Status {
    /// The status in `lang`: [`Status::as_str`] in English, [`Status::name_zh`] in Chinese.
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.as_str(),
            Lang::Zh => self.name_zh(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CodeError, Reason};

    #[test]
    fn every_reason_and_error_kind_has_a_distinct_chinese_label() {
        for r in Reason::ALL {
            assert_ne!(reason_label(r.as_str(), Lang::Zh), r.as_str(), "{r:?}");
        }
        let errors = [CodeError::Empty, "65a3".parse::<crate::Code>().unwrap_err()];
        for e in errors {
            assert_ne!(reason_label(e.kind(), Lang::Zh), e.kind());
        }
        let mut labels: Vec<&str> = REASON_LABELS.iter().map(|(_, zh)| *zh).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), REASON_LABELS.len());
        for (code, zh) in REASON_LABELS.iter().chain(&KIND_LABELS) {
            assert!(!zh.chars().any(|c| c.is_ascii_alphabetic()), "{code}: {zh}");
            assert_eq!(code_of(zh), Some(*code));
        }
        assert_eq!(code_of("属于目录"), Some("in_scope"));
        assert_eq!(code_of("否"), None);
    }
}
