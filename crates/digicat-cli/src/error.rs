//! Why a command could not complete (exit status 2), in English or in Chinese.

use digicat::report::Lang;
use std::fmt;
use std::io;

/// A failure that stops a command: bad usage, unreadable input or unwritable output.
#[derive(Debug)]
pub enum Failure {
    /// The command line or the input's layout does not allow the run (e.g. column not found);
    /// an English message with a Chinese gloss.
    Usage(String),
    /// The input cannot be read; an English message with a Chinese gloss.
    Input(String),
    /// The output cannot be written.
    Output(String, io::Error),
    /// A usage or input failure with its message in both languages.
    Said {
        /// The English message.
        en: String,
        /// The Chinese message.
        zh: String,
    },
    /// A read error of the system (or of a parser) on `what`.
    Read {
        /// What was being read.
        what: String,
        /// The error.
        error: String,
        /// The kind of a system error, for its Chinese wording.
        kind: Option<io::ErrorKind>,
    },
}

impl Failure {
    /// A read error on the input, with what was being read.
    pub fn input(what: impl fmt::Display, e: impl fmt::Display) -> Failure {
        Failure::Read {
            what: what.to_string(),
            error: e.to_string(),
            kind: None,
        }
    }

    /// A system read error on the input, with what was being read.
    pub fn input_io(what: impl fmt::Display, e: &io::Error) -> Failure {
        Failure::Read {
            what: what.to_string(),
            error: e.to_string(),
            kind: Some(e.kind()),
        }
    }

    /// A failure with its message in English and in Chinese.
    pub fn said(en: impl Into<String>, zh: impl Into<String>) -> Failure {
        Failure::Said {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// A write error on the output, with what was being written.
    pub fn output(what: impl fmt::Display, e: io::Error) -> Failure {
        Failure::Output(what.to_string(), e)
    }

    /// `true` when standard output was closed by its reader (e.g. `digicat … | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Failure::Output(_, e) if e.kind() == io::ErrorKind::BrokenPipe)
    }

    /// The message in `lang`. Messages made with an English text and a Chinese gloss (the
    /// workbook refusals, the encoding and header-row messages) are the same in both.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Failure::Usage(m) | Failure::Input(m), _) => m.clone(),
            (Failure::Said { en, .. }, Lang::En) => en.clone(),
            (Failure::Said { zh, .. }, Lang::Zh) => zh.clone(),
            (Failure::Output(what, e), Lang::En) => format!("cannot write {what}: {e}"),
            (Failure::Output(what, e), Lang::Zh) => {
                format!("无法写入 {what}：{}", io_zh(e.kind(), &e.to_string()))
            }
            (Failure::Read { what, error, .. }, Lang::En) => format!("cannot read {what}: {error}"),
            (Failure::Read { what, error, kind }, Lang::Zh) => {
                let error = kind.map_or_else(|| error.clone(), |k| io_zh(k, error));
                format!("无法读取 {what}：{error}")
            }
        }
    }
}

/// A system error in Chinese; the system's own text in brackets for a kind not listed here.
fn io_zh(kind: io::ErrorKind, text: &str) -> String {
    let zh = match kind {
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
        _ => return format!("系统错误（{text}）"),
    };
    zh.to_owned()
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
