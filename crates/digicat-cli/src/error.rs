//! Why a command could not complete (exit status 2), in English or in Chinese.

use digicat::report::Lang;
use std::fmt;
use std::io;

/// A text in both languages: a message, or what a message is about (`standard input`, a sheet
/// of a workbook). A path is the same in both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: String,
    /// Chinese.
    pub zh: String,
}

impl Text {
    /// A text with its English and Chinese forms.
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text {
            zh: s.clone(),
            en: s,
        }
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text::from(s.clone())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::from(s.to_owned())
    }
}

impl From<std::path::Display<'_>> for Text {
    fn from(d: std::path::Display<'_>) -> Text {
        Text::from(d.to_string())
    }
}

impl From<&Text> for Text {
    fn from(t: &Text) -> Text {
        t.clone()
    }
}

/// A failure that stops a command: bad usage, unreadable input or unwritable output.
#[derive(Debug)]
pub enum Failure {
    /// A usage or input failure (the command line or the input's layout does not allow the run,
    /// e.g. column not found; the input cannot be read), with its message in both languages.
    Said(Text),
    /// The output cannot be written.
    Output(Text, io::Error),
    /// A read error of the system (or of a parser) on `what`.
    Read {
        /// What was being read.
        what: Text,
        /// The error.
        error: String,
        /// The kind of a system error, for its Chinese wording.
        kind: Option<io::ErrorKind>,
    },
}

impl Failure {
    /// A read error of a parser (a workbook or CSV reader) on the input, with what was being
    /// read.
    pub fn input(what: impl Into<Text>, e: impl fmt::Display) -> Failure {
        Failure::Read {
            what: what.into(),
            error: e.to_string(),
            kind: None,
        }
    }

    /// A system read error on the input, with what was being read.
    pub fn input_io(what: impl Into<Text>, e: &io::Error) -> Failure {
        Failure::Read {
            what: what.into(),
            error: e.to_string(),
            kind: Some(e.kind()),
        }
    }

    /// A failure with its message in English and in Chinese.
    pub fn said(en: impl Into<String>, zh: impl Into<String>) -> Failure {
        Failure::Said(Text::new(en, zh))
    }

    /// A write error on the output, with what was being written.
    pub fn output(what: impl Into<Text>, e: io::Error) -> Failure {
        Failure::Output(what.into(), e)
    }

    /// `true` when standard output was closed by its reader (e.g. `digicat … | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Failure::Output(_, e) if e.kind() == io::ErrorKind::BrokenPipe)
    }

    /// The message in `lang`. In Chinese, a parser's own (English) text is replaced by a
    /// description; `--lang en` shows it.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Failure::Said(text), _) => text.get(lang).to_owned(),
            (Failure::Output(what, e), Lang::En) => format!("cannot write {}: {e}", what.en),
            (Failure::Output(what, e), Lang::Zh) => {
                let why = io_zh(e.kind()).unwrap_or("写入出错（用 --lang en 可查看详细原因）");
                format!("无法写入 {}：{why}", what.zh)
            }
            (Failure::Read { what, error, .. }, Lang::En) => {
                format!("cannot read {}: {error}", what.en)
            }
            (Failure::Read { what, kind, .. }, Lang::Zh) => {
                let why = kind.and_then(io_zh).unwrap_or(
                    "内容无法解析：文件可能已损坏，或不是其扩展名所示的格式（用 --lang en 可查看详细原因）",
                );
                format!("无法读取 {}：{why}", what.zh)
            }
        }
    }
}

/// A system error in Chinese by its kind; `None` for a kind not listed here (a parser's or
/// writer's own error is `Other`).
fn io_zh(kind: io::ErrorKind) -> Option<&'static str> {
    Some(match kind {
        io::ErrorKind::NotFound => "文件或目录不存在",
        io::ErrorKind::PermissionDenied => "没有权限",
        io::ErrorKind::AlreadyExists => "文件已存在",
        io::ErrorKind::StorageFull => "磁盘空间不足",
        io::ErrorKind::IsADirectory => "这是一个目录",
        io::ErrorKind::NotADirectory => "路径中有一部分不是目录",
        io::ErrorKind::ReadOnlyFilesystem => "文件系统只读",
        io::ErrorKind::InvalidData => "数据无效",
        io::ErrorKind::UnexpectedEof => "文件意外结束",
        io::ErrorKind::BrokenPipe => "输出管道已关闭",
        _ => return None,
    })
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
