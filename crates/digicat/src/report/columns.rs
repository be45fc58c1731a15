//! Which columns of a table hold the industry and the business scope: [`Layout`], found from
//! the header by [`find_layout`], the same way on every batch surface.
//!
//! Detection order for the code, when no column is named (header names compared ignoring ASCII
//! case and surrounding spaces; a header containing a company database's name, e.g.
//! `企查查行业门类`, is never taken, since that taxonomy is not GB/T 4754):
//! 1. a section letter column with a code column, [`SECTION_CODE_COLUMNS`] (`industryphy` +
//!    `industryco`): per row `I` + `6510` is read as `I6510`, so the section is checked;
//! 2. one code column, [`CODE_COLUMNS`] (`行业代码`, `国民经济行业代码`, `行业`, …);
//! 3. a group of levels holding codes, [`CODE_LEVEL_COLUMNS`] (`IndustryCode` …
//!    `SmallCategoryCode`): per row the finest non-empty level;
//! 4. a group of levels holding names, [`NAME_LEVEL_COLUMNS`] (`国标行业门类` … `国标行业小类`,
//!    `行业门类` … `行业小类`, 天眼查's `category` … `categorySmall`, `industryphyname` +
//!    `industryconame`): per row the finest non-empty level;
//! 5. one column of names, [`NAME_COLUMNS`] (`国标行业`, `所属行业`, `industry`, …);
//! 6. the first header containing one of [`CODE_COLUMN_PARTS`] (`行业代码`).
//!
//! For the text: one column of [`TEXT_COLUMNS`] (`经营范围`, `opscope`, `经营(业务)范围`, …);
//! else a scope split in two, [`SPLIT_TEXT_COLUMNS`] (`许可经营项目` + `一般经营项目`, `abuitem` +
//! `cbuitem`), read as one text: the licensed items, `；`, the general items; else the first header
//! containing one of [`TEXT_COLUMN_PARTS`].

use super::rows::skip_reason;
use crate::classify::{classify, Classification, Options, Reason};
use crate::error::CodeError;
use std::borrow::Cow;

/// Pairs of a GB/T 4754 section-letter column and a code column (registry feeds), in order of
/// preference: both must be headers.
pub const SECTION_CODE_COLUMNS: [(&str, &str); 4] = [
    ("industryphy", "industryco"),
    ("industryPhyCode", "industryCode"),
    ("行业门类代码", "国民经济行业代码"),
    ("行业门类代码", "行业代码"),
];

/// Header names recognised as one code column, in order of preference (a code, a 小类 name, or a
/// code with its name per row).
pub const CODE_COLUMNS: [&str; 9] = [
    "行业代码",
    "国民经济行业代码",
    "行业",
    "industry_code",
    "code",
    "industryco",
    "industryCode",
    "国标行业代码",
    "所属行业代码",
];

/// Groups of columns holding the codes of the GB/T 4754 levels, coarse to fine (门类, 大类, 中类,
/// 小类): any of a group's headers makes it the code source; per row the finest non-empty
/// level is read.
pub const CODE_LEVEL_COLUMNS: [&[&str]; 2] = [
    &[
        "IndustryCode",
        "SubIndustryCode",
        "MiddleCategoryCode",
        "SmallCategoryCode",
    ],
    &[
        "行业门类代码",
        "行业大类代码",
        "行业中类代码",
        "行业小类代码",
    ],
];

/// Groups of columns holding the names of the GB/T 4754 levels, coarse to fine; any header of a
/// group from its second level on makes it the code source (a lone `category` or `Industry` is too
/// vague), and per row the finest non-empty level is read.
pub const NAME_LEVEL_COLUMNS: [&[&str]; 5] = [
    &[
        "国标行业门类",
        "国标行业大类",
        "国标行业中类",
        "国标行业小类",
    ],
    &["行业门类", "行业大类", "行业中类", "行业小类"],
    &["Industry", "SubIndustry", "MiddleCategory", "SmallCategory"],
    &["category", "categoryBig", "categoryMiddle", "categorySmall"],
    &["industryphyname", "industryconame"],
];

/// Header names recognised as one column of industry names (any level), in order of preference.
pub const NAME_COLUMNS: [&str; 6] = [
    "国标行业",
    "所属行业",
    "国民经济行业",
    "行业名称",
    "industry",
    "industryName",
];

/// Header names recognised as the text column (经营范围 or products) when none is named, in order
/// of preference.
pub const TEXT_COLUMNS: [&str; 11] = [
    "经营范围",
    "主营产品",
    "主要产品",
    "产品",
    "business_scope",
    "text",
    "opscope",
    "经营(业务)范围",
    "经营（业务）范围",
    "经营业务范围",
    "businessScope",
];

/// A business scope split into licensed and general items: (许可 column, 一般 column). Read as
/// one text, the licensed items first, joined with `；`; one of the two alone is read as it is.
pub const SPLIT_TEXT_COLUMNS: [(&str, &str); 2] =
    [("许可经营项目", "一般经营项目"), ("abuitem", "cbuitem")];

/// When no header is a code column by name: a header containing one of these is the code column.
pub const CODE_COLUMN_PARTS: [&str; 1] = ["行业代码"];

/// When no header is a text column by name: a header containing one of these is the text column.
pub const TEXT_COLUMN_PARTS: [&str; 3] = ["经营范围", "主营产品", "主要产品"];

/// Names of company databases: a header containing one (`企查查行业门类`) is their own taxonomy,
/// not GB/T 4754, and is never detected as the code column.
pub const VENDOR_NAMES: [&str; 4] = ["企查查", "天眼查", "启信宝", "爱企查"];

/// Words that make a header look like an industry column ([`industry_like`]): `行业`, and
/// `industry` in any ASCII case.
pub const INDUSTRY_WORDS: [&str; 2] = ["行业", "industry"];

/// Where a row's code field comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeSource {
    /// One column: a code, a class name, or both (`6513`, `应用软件开发(6513)`).
    Column(usize),
    /// Columns of the GB/T 4754 levels, coarse to fine: per row the finest non-empty one.
    Levels(Vec<usize>),
    /// A section-letter column and a code column: `I` + `6510` is read as `I6510`. When the
    /// letter field is not one ASCII letter, or the code already has one, the code field alone;
    /// when the code field is empty, the letter alone.
    SectionAndCode {
        /// The section-letter column (`industryphy`).
        section: usize,
        /// The code column (`industryco`).
        code: usize,
    },
}

impl CodeSource {
    /// The columns read, in order.
    pub fn columns(&self) -> Vec<usize> {
        match self {
            CodeSource::Column(i) => vec![*i],
            CodeSource::Levels(levels) => levels.clone(),
            CodeSource::SectionAndCode { section, code } => vec![*section, *code],
        }
    }
}

/// The columns a table is classified by: where the code comes from (none: by text only) and the
/// text columns (joined with `；` in this order when there are several).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    /// The code source; `None` when the table is classified by its text only.
    pub code: Option<CodeSource>,
    /// The text columns, in reading order; empty when there is no text.
    pub text: Vec<usize>,
}

/// How the caller chose the columns: names given (`--code-col`, `--text-col`), and whether to
/// classify by text only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Choice<'a> {
    /// The code column's header, if named.
    pub code_col: Option<&'a str>,
    /// The text column's header, if named.
    pub text_col: Option<&'a str>,
    /// Classify by text only: no code column, even when one could be detected.
    pub text_only: bool,
}

/// Why [`find_layout`] found no columns to classify by.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ColumnError {
    /// A column named by the caller is not in the header.
    #[error("{role} column {name:?} not found")]
    NotFound {
        /// `code` or `text`.
        role: &'static str,
        /// The name given.
        name: String,
    },
    /// No column was named and none was recognised.
    #[error("no industry-code column ({}) and no text column ({}) found", CODE_COLUMNS.join(", "), TEXT_COLUMNS.join(", "))]
    NotDetected,
    /// No code column was recognised, but some headers look like industry columns: classifying
    /// by text alone would be a silent guess.
    #[error(
        "no industry-code column recognised, but column(s) {} look like industry columns \
         (未识别行业代码列，但存在疑似行业列)",
        .columns.iter().map(|c| format!("{c:?}")).collect::<Vec<_>>().join(", ")
    )]
    IndustryColumnsNotRecognised {
        /// The headers that look like industry columns, in header order.
        columns: Vec<String>,
    },
}

impl ColumnError {
    /// The message in `lang`: `Display`'s English for `Lang::En`, Chinese for `Lang::Zh`
    /// (column names as they are).
    ///
    /// ```
    /// use digicat::report::{ColumnError, Lang};
    /// let e = ColumnError::NotFound { role: "code", name: "行业".into() };
    /// assert_eq!(e.message(Lang::Zh), "找不到行业代码列“行业”");
    /// ```
    pub fn message(&self, lang: super::Lang) -> String {
        if lang == super::Lang::En {
            return self.to_string();
        }
        match self {
            ColumnError::NotFound { role, name } => {
                let role = if *role == "code" {
                    "行业代码"
                } else {
                    "经营范围"
                };
                format!("找不到{role}列“{name}”")
            }
            ColumnError::NotDetected => format!(
                "找不到行业代码列（{}），也找不到经营范围列（{}）",
                CODE_COLUMNS.join("、"),
                TEXT_COLUMNS.join("、")
            ),
            ColumnError::IndustryColumnsNotRecognised { columns } => {
                let columns: Vec<String> = columns.iter().map(|c| format!("“{c}”")).collect();
                format!(
                    "未识别出行业代码列，但有看似行业的列（{}）",
                    columns.join("、")
                )
            }
        }
    }
}

/// What became of one row of a table.
#[derive(Debug, Clone)]
pub enum RowOutcome {
    /// The engine's answer (an `Err` is a code that cannot be used: status `invalid`).
    Classified(Result<Classification, CodeError>),
    /// Not an enterprise (status `skipped`): [`Reason::BlankRow`] or [`Reason::FooterRow`].
    Skipped(Reason),
}

impl Layout {
    /// `true` when the table is classified by its text only.
    pub fn text_only(&self) -> bool {
        self.code.is_none()
    }

    /// The columns the code is read from, in order (empty when text only).
    pub fn code_columns(&self) -> Vec<usize> {
        self.code
            .as_ref()
            .map_or_else(Vec::new, CodeSource::columns)
    }

    /// The code field of a row (`fields`, one per header column): see [`CodeSource`]; `None`
    /// when there is no code source or its fields are blank. A field holding only dashes
    /// (`-`, `－`, `—`, the mark 企查查 and 天眼查 exports write for a missing
    /// value) counts as blank, so a level group reads its finest real level.
    ///
    /// ```
    /// use digicat::report::{CodeSource, Layout};
    /// let registry = Layout { code: Some(CodeSource::SectionAndCode { section: 0, code: 1 }), text: vec![] };
    /// assert_eq!(registry.code_field(&["I", "6510"]).as_deref(), Some("I6510"));
    /// let levels = Layout { code: Some(CodeSource::Levels(vec![0, 1, 2])), text: vec![] };
    /// assert_eq!(levels.code_field(&["信息传输、软件和信息技术服务业", "软件开发", ""]).as_deref(), Some("软件开发"));
    /// assert_eq!(levels.code_field(&["信息传输、软件和信息技术服务业", "软件开发", "-"]).as_deref(), Some("软件开发"));
    /// assert_eq!(levels.code_field(&["-", "-", "-"]), None);
    /// ```
    pub fn code_field<'a, S: AsRef<str>>(&self, fields: &'a [S]) -> Option<Cow<'a, str>> {
        let get = |i: usize| {
            fields
                .get(i)
                .map(|f| f.as_ref().trim())
                .filter(|f| !f.is_empty() && !is_placeholder(f))
        };
        match self.code.as_ref()? {
            CodeSource::Column(i) => get(*i).map(Cow::Borrowed),
            CodeSource::Levels(levels) => {
                levels.iter().rev().find_map(|i| get(*i)).map(Cow::Borrowed)
            }
            CodeSource::SectionAndCode { section, code } => match (get(*section), get(*code)) {
                (Some(s), Some(c))
                    if s.len() == 1
                        && s.bytes().all(|b| b.is_ascii_alphabetic())
                        && c.starts_with(|ch: char| ch.is_ascii_digit()) =>
                {
                    Some(Cow::Owned(format!("{}{c}", s.to_ascii_uppercase())))
                }
                (_, Some(c)) => Some(Cow::Borrowed(c)),
                (s, None) => s.map(Cow::Borrowed),
            },
        }
    }

    /// The text of a row: the text column's value, or the non-blank values of several text
    /// columns joined with `；` in [`Layout::text`] order; `None` when there is none.
    ///
    /// ```
    /// use digicat::report::Layout;
    /// let split = Layout { code: None, text: vec![1, 0] };
    /// assert_eq!(split.text(&["软件开发", "第二类增值电信业务"]).as_deref(), Some("第二类增值电信业务；软件开发"));
    /// assert_eq!(split.text(&["软件开发", " "]).as_deref(), Some("软件开发"));
    /// ```
    pub fn text<'a, S: AsRef<str>>(&self, fields: &'a [S]) -> Option<Cow<'a, str>> {
        let mut parts = self
            .text
            .iter()
            .filter_map(|i| fields.get(*i).map(AsRef::as_ref))
            .filter(|f| !f.trim().is_empty());
        let first = parts.next()?;
        let rest: Vec<&str> = parts.collect();
        if rest.is_empty() {
            return Some(Cow::Borrowed(first));
        }
        let mut joined = first.to_owned();
        for part in rest {
            joined.push('；');
            joined.push_str(part);
        }
        Some(Cow::Owned(joined))
    }

    /// Classifies one row (`fields`, one per header column): a blank row or a footer
    /// ([`skip_reason`]) is [`RowOutcome::Skipped`]; any other row goes to [`classify`] with its
    /// code field and text.
    ///
    /// ```
    /// use digicat::report::{find_layout, Choice, RowOutcome};
    /// use digicat::{Options, Reason};
    /// let layout = find_layout(&["企业名称", "行业代码", "经营范围"], &Choice::default())?;
    /// let row = layout.classify(&["甲", "6513", "计算机视听觉软件"], &Options::default());
    /// assert!(matches!(row, RowOutcome::Classified(Ok(_))));
    /// let footer = layout.classify(&["合计：26家", "", ""], &Options::default());
    /// assert!(matches!(footer, RowOutcome::Skipped(Reason::FooterRow)));
    /// # Ok::<(), digicat::report::ColumnError>(())
    /// ```
    pub fn classify<S: AsRef<str>>(&self, fields: &[S], options: &Options) -> RowOutcome {
        if let Some(reason) = skip_reason(fields) {
            return RowOutcome::Skipped(reason);
        }
        let code = self.code_field(fields);
        let text = self.text(fields);
        RowOutcome::Classified(classify(code.as_deref(), text.as_deref(), options))
    }
}

impl Layout {
    /// Classifies one row against `szjj-2021` ([`crate::szjj::classify`]) with the same code field
    /// and text as [`Layout::classify`]; the caller skips blank and footer rows first
    /// ([`skip_reason`]), as for every catalogue.
    pub fn classify_szjj<S: AsRef<str>>(
        &self,
        fields: &[S],
        options: &Options,
    ) -> Result<crate::szjj::Classification, CodeError> {
        let code = self.code_field(fields);
        let text = self.text(fields);
        crate::szjj::classify(code.as_deref(), text.as_deref(), options)
    }
}

/// `true` for a cell of dashes only (`-`, `--`, `－`, `—`, `——`, `–`; spaces around ignored): the
/// placeholder company-database exports (企查查, 天眼查) write where a value is missing. A code
/// field so written is read as blank ([`Layout::code_field`]), never as a malformed code.
pub(crate) fn is_placeholder(field: &str) -> bool {
    let field = field.trim();
    !field.is_empty()
        && field
            .chars()
            .all(|c| matches!(c, '-' | '－' | '—' | '–' | '‐' | '―' | '﹣'))
}

/// Header names equal ignoring ASCII case and surrounding spaces.
pub(crate) fn same_name(header: &str, name: &str) -> bool {
    header.trim().eq_ignore_ascii_case(name.trim())
}

fn position<S: AsRef<str>>(header: &[S], name: &str) -> Option<usize> {
    header.iter().position(|h| same_name(h.as_ref(), name))
}

fn is_vendor(header: &str) -> bool {
    VENDOR_NAMES.iter().any(|v| header.contains(v))
}

/// `true` when `header` looks like an industry column: it contains one of [`INDUSTRY_WORDS`]
/// (`industry` in any ASCII case).
pub fn industry_like(header: &str) -> bool {
    let lower = header.to_ascii_lowercase();
    INDUSTRY_WORDS.iter().any(|w| lower.contains(w))
}

/// The code source detected by name (steps 1 to 5 of the module's order); with `parts`, step 6
/// too.
fn detect_code<S: AsRef<str>>(header: &[S], parts: bool) -> Option<CodeSource> {
    for (section, code) in SECTION_CODE_COLUMNS {
        if let (Some(section), Some(code)) = (position(header, section), position(header, code)) {
            return Some(CodeSource::SectionAndCode { section, code });
        }
    }
    if let Some(i) = CODE_COLUMNS.iter().find_map(|n| position(header, n)) {
        return Some(CodeSource::Column(i));
    }
    let group = |names: &[&str], from: usize| {
        let anchored = names[from..].iter().any(|n| position(header, n).is_some());
        let levels: Vec<usize> = names.iter().filter_map(|n| position(header, n)).collect();
        anchored.then_some(CodeSource::Levels(levels))
    };
    if let Some(g) = CODE_LEVEL_COLUMNS.iter().find_map(|g| group(g, 0)) {
        return Some(g);
    }
    if let Some(g) = NAME_LEVEL_COLUMNS.iter().find_map(|g| group(g, 1)) {
        return Some(g);
    }
    if let Some(i) = NAME_COLUMNS.iter().find_map(|n| position(header, n)) {
        return Some(CodeSource::Column(i));
    }
    if !parts {
        return None;
    }
    header
        .iter()
        .position(|h| {
            let h = h.as_ref();
            !is_vendor(h) && CODE_COLUMN_PARTS.iter().any(|p| h.contains(p))
        })
        .map(CodeSource::Column)
}

/// The text columns detected by name; with `parts`, by a part of the name too. Never a column
/// of `skip`.
fn detect_text<S: AsRef<str>>(header: &[S], parts: bool, skip: &[usize]) -> Vec<usize> {
    let usable = |i: &usize| !skip.contains(i);
    let found = |name: &str| {
        (0..header.len())
            .filter(usable)
            .find(|i| same_name(header[*i].as_ref(), name))
    };
    if let Some(i) = TEXT_COLUMNS.iter().find_map(|n| found(n)) {
        return vec![i];
    }
    for (licensed, general) in SPLIT_TEXT_COLUMNS {
        let both: Vec<usize> = [found(licensed), found(general)]
            .into_iter()
            .flatten()
            .collect();
        if !both.is_empty() {
            return both;
        }
    }
    if !parts {
        return Vec::new();
    }
    (0..header.len())
        .filter(usable)
        .find(|i| {
            TEXT_COLUMN_PARTS
                .iter()
                .any(|p| header[*i].as_ref().contains(p))
        })
        .into_iter()
        .collect()
}

/// `true` when `row` holds a recognised column name: a column named in `choice`, or (when none
/// is named) a code or text column by its full name; with `parts`, by a part of the name too.
pub(crate) fn recognised<S: AsRef<str>>(row: &[S], choice: &Choice, parts: bool) -> bool {
    let named = |name: Option<&str>| name.is_some_and(|n| position(row, n).is_some());
    if choice.code_col.is_some() || choice.text_col.is_some() {
        return named(choice.code_col) || named(choice.text_col);
    }
    (!choice.text_only && detect_code(row, parts).is_some())
        || !detect_text(row, parts, &[]).is_empty()
}

/// Chooses the columns of a table from its header, the same way on every batch surface.
///
/// A column named in `choice` must exist: the header with exactly that name, else one equal
/// ignoring ASCII case and surrounding spaces; it is then the only code (or text) column. A
/// column not named is detected in the order of this module's documentation; the text column is
/// never a code column. With [`Choice::text_only`] there is no code source.
///
/// Errors: a named column missing ([`ColumnError::NotFound`]); no code source while some header
/// looks like an industry column ([`industry_like`]: `所属行业分类`, `企查查行业门类`) and text only
/// was not chosen ([`ColumnError::IndustryColumnsNotRecognised`]): the caller must name the code
/// column or choose text only; else neither a code nor a text column
/// ([`ColumnError::NotDetected`]). A table with a text column and no industry-like header is classified by
/// text only (callers must say so).
///
/// ```
/// use digicat::report::{find_layout, Choice, CodeSource, ColumnError, Layout};
/// let header = ["企业名称", "国标行业门类", "国标行业大类", "企查查行业门类", "经营范围"];
/// let layout = find_layout(&header, &Choice::default())?;
/// assert_eq!(layout, Layout { code: Some(CodeSource::Levels(vec![1, 2])), text: vec![4] });
/// let registry = find_layout(&["industryphy", "industryco", "opscope"], &Choice::default())?;
/// assert_eq!(registry.code, Some(CodeSource::SectionAndCode { section: 0, code: 1 }));
/// let vague = find_layout(&["企业名称", "所属行业分类", "经营范围"], &Choice::default());
/// assert!(matches!(vague, Err(ColumnError::IndustryColumnsNotRecognised { .. })));
/// let text_only = Choice { text_only: true, ..Choice::default() };
/// assert_eq!(find_layout(&["企业名称", "所属行业分类", "经营范围"], &text_only)?.text, [2]);
/// # Ok::<(), ColumnError>(())
/// ```
pub fn find_layout<S: AsRef<str>>(header: &[S], choice: &Choice) -> Result<Layout, ColumnError> {
    let named = |name: &str, role: &'static str| {
        let exact = header.iter().position(|h| h.as_ref() == name);
        exact
            .or_else(|| position(header, name))
            .ok_or_else(|| ColumnError::NotFound {
                role,
                name: name.to_owned(),
            })
    };
    let code = match (choice.code_col, choice.text_only) {
        (Some(name), _) => Some(CodeSource::Column(named(name, "code")?)),
        (None, true) => None,
        (None, false) => detect_code(header, true),
    };
    let code_columns = code.as_ref().map_or_else(Vec::new, CodeSource::columns);
    let text = match choice.text_col {
        Some(name) => vec![named(name, "text")?],
        None => detect_text(header, true, &code_columns),
    };
    if code.is_none() && !choice.text_only {
        let columns: Vec<String> = header
            .iter()
            .enumerate()
            .filter(|(i, h)| !text.contains(i) && industry_like(h.as_ref()))
            .map(|(_, h)| h.as_ref().to_owned())
            .collect();
        if !columns.is_empty() {
            return Err(ColumnError::IndustryColumnsNotRecognised { columns });
        }
    }
    if code.is_none() && text.is_empty() {
        return Err(ColumnError::NotDetected);
    }
    Ok(Layout { code, text })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(header: &[&str]) -> Result<Layout, ColumnError> {
        find_layout(header, &Choice::default())
    }

    #[test]
    fn detects_common_headers_in_order_of_preference() {
        let l = layout(&["企业名称", "行业", " 行业代码 ", "主营产品", "经营范围"]).unwrap();
        assert_eq!((l.code, l.text), (Some(CodeSource::Column(2)), vec![4]));
        let l = layout(&["Name", "Industry_Code", "Business_Scope"]).unwrap();
        assert_eq!((l.code, l.text), (Some(CodeSource::Column(1)), vec![2]));
    }

    #[test]
    fn falls_back_to_headers_containing_the_usual_words() {
        let l = layout(&["国民经济行业代码(2017)", "经营范围（摘要）"]).unwrap();
        assert_eq!((l.code, l.text), (Some(CodeSource::Column(0)), vec![1]));
        // The text column is never the code column.
        let l = layout(&["行业代码及经营范围"]).unwrap();
        assert_eq!((l.code, l.text), (Some(CodeSource::Column(0)), vec![]));
    }

    #[test]
    fn one_column_is_enough_and_names_given_must_exist() {
        let h = ["名称", "经营范围"];
        assert_eq!(layout(&h).unwrap().code, None);
        let code_col = Choice {
            code_col: Some("代码"),
            ..Choice::default()
        };
        assert_eq!(
            find_layout(&h, &code_col),
            Err(ColumnError::NotFound {
                role: "code",
                name: "代码".into()
            })
        );
        let text_col = Choice {
            text_col: Some(" 名称 "),
            ..Choice::default()
        };
        assert_eq!(find_layout(&h, &text_col).unwrap().text, [0]);
        assert_eq!(layout(&["名称", "地址"]), Err(ColumnError::NotDetected));
    }

    #[test]
    fn export_headers_of_qichacha_tianyancha_and_registry_feeds() {
        let qcc = [
            "企业名称",
            "国标行业门类",
            "国标行业大类",
            "国标行业中类",
            "国标行业小类",
            "企查查行业门类",
            "企查查行业大类",
            "企查查行业中类",
            "企查查行业小类",
            "经营范围",
        ];
        let l = layout(&qcc).unwrap();
        assert_eq!(l.code, Some(CodeSource::Levels(vec![1, 2, 3, 4])));
        assert_eq!(l.text, [9]);
        // An older export with two levels only.
        let l = layout(&[
            "企业名称",
            "国标行业门类",
            "国标行业大类",
            "企查查行业门类",
            "经营范围",
        ]);
        assert_eq!(l.unwrap().code, Some(CodeSource::Levels(vec![1, 2])));
        let l = layout(&[
            "name",
            "industry",
            "categoryBig",
            "categorySmall",
            "businessScope",
        ]);
        // 天眼查's names: the level group wins over the single `industry`.
        let l = l.unwrap();
        assert_eq!(
            (l.code, l.text),
            (Some(CodeSource::Levels(vec![2, 3])), vec![4])
        );
        let l = layout(&["企业名称", "所属行业", "经营范围"]).unwrap();
        assert_eq!(l.code, Some(CodeSource::Column(1)));
        let l = layout(&["entname", "industryphy", "industryco", "abuitem", "cbuitem"]).unwrap();
        assert_eq!(
            (l.code, l.text),
            (
                Some(CodeSource::SectionAndCode {
                    section: 1,
                    code: 2
                }),
                vec![3, 4]
            )
        );
        let l = layout(&[
            "一般经营项目",
            "industryPhyCode",
            "industryCode",
            "许可经营项目",
        ])
        .unwrap();
        assert_eq!(l.text, [3, 0], "licensed items first");
        let l = layout(&["行业门类代码", "国民经济行业代码", "经营(业务)范围"]).unwrap();
        assert_eq!(
            l.code,
            Some(CodeSource::SectionAndCode {
                section: 0,
                code: 1
            })
        );
        assert_eq!(l.text, [2]);
        let l = layout(&["industryphyname", "industryconame", "opscope"]).unwrap();
        assert_eq!(l.code, Some(CodeSource::Levels(vec![0, 1])));
    }

    #[test]
    fn vendor_taxonomies_and_vague_industry_columns_are_never_taken() {
        let err =
            layout(&["企业名称", "企查查行业门类", "企查查行业大类", "经营范围"]).unwrap_err();
        assert_eq!(
            err,
            ColumnError::IndustryColumnsNotRecognised {
                columns: vec!["企查查行业门类".into(), "企查查行业大类".into()]
            }
        );
        let msg = err.to_string();
        assert!(msg.contains("\"企查查行业门类\""), "{msg}");
        let err = layout(&["企业名称", "所属行业分类", "Industry Type", "经营范围"]).unwrap_err();
        assert!(
            matches!(err, ColumnError::IndustryColumnsNotRecognised { columns } if columns.len() == 2)
        );
        // Named, a vendor column is used as asked.
        let named = Choice {
            code_col: Some("企查查行业门类"),
            ..Choice::default()
        };
        let l = find_layout(&["企查查行业门类", "经营范围"], &named).unwrap();
        assert_eq!(l.code, Some(CodeSource::Column(0)));
        // No industry-like header at all: text only, no error.
        assert!(layout(&["企业名称", "经营范围"]).unwrap().text_only());
        // Without a text column too, the industry-like column is what the message names.
        let err = layout(&["企业名称", "所属行业分类"]).unwrap_err();
        assert!(
            matches!(err, ColumnError::IndustryColumnsNotRecognised { .. }),
            "{err}"
        );
    }

    #[test]
    fn code_fields_of_each_source() {
        let pair = Layout {
            code: Some(CodeSource::SectionAndCode {
                section: 0,
                code: 1,
            }),
            text: vec![],
        };
        assert_eq!(pair.code_field(&["i", "6510"]).as_deref(), Some("I6510"));
        assert_eq!(pair.code_field(&["", "6510"]).as_deref(), Some("6510"));
        assert_eq!(pair.code_field(&["I", "I6510"]).as_deref(), Some("I6510"));
        assert_eq!(
            pair.code_field(&["信息传输", "6510"]).as_deref(),
            Some("6510")
        );
        assert_eq!(pair.code_field(&["I", " "]).as_deref(), Some("I"));
        assert_eq!(pair.code_field(&[" ", ""]), None);
        let levels = Layout {
            code: Some(CodeSource::Levels(vec![2, 0, 1])),
            text: vec![],
        };
        assert_eq!(
            levels.code_field(&["大", "中", "门"]).as_deref(),
            Some("中")
        );
        assert_eq!(levels.code_field(&["大", " ", "门"]).as_deref(), Some("大"));
        assert_eq!(levels.code_field(&["", "", ""]), None);
        assert_eq!(Layout::default().code_field(&["6513"]), None);
    }

    #[test]
    fn dash_placeholders_are_blank_code_fields() {
        for dash in ["-", " - ", "--", "－", "—", "——", "–"] {
            assert!(is_placeholder(dash), "{dash:?}");
        }
        for value in ["", " ", "6513", "I-6513", "-6513", "软件开发"] {
            assert!(!is_placeholder(value), "{value:?}");
        }
        let levels = Layout {
            code: Some(CodeSource::Levels(vec![0, 1, 2, 3])),
            text: vec![],
        };
        let row = [
            "信息传输、软件和信息技术服务业",
            "软件和信息技术服务业",
            "软件开发",
            "-",
        ];
        assert_eq!(levels.code_field(&row).as_deref(), Some("软件开发"));
        assert_eq!(levels.code_field(&["-", "－", "—", "--"]), None);
        let pair = Layout {
            code: Some(CodeSource::SectionAndCode {
                section: 0,
                code: 1,
            }),
            text: vec![],
        };
        assert_eq!(pair.code_field(&["I", "-"]).as_deref(), Some("I"));
        assert_eq!(pair.code_field(&["-", "6513"]).as_deref(), Some("6513"));
        let one = Layout {
            code: Some(CodeSource::Column(0)),
            text: vec![1],
        };
        assert_eq!(one.code_field(&["-", "软件开发"]), None);
    }
}
