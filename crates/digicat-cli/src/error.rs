//! Why a command could not complete (exit status 2).

use std::fmt;
use std::io;

/// A failure that stops a command: bad usage, unreadable input or unwritable output.
#[derive(Debug)]
pub enum Failure {
    /// The command line or the input's layout does not allow the run (e.g. column not found).
    Usage(String),
    /// The input cannot be read.
    Input(String),
    /// The output cannot be written.
    Output(String, io::Error),
}

impl Failure {
    /// A read error on the input, with what was being read.
    pub fn input(what: impl fmt::Display, e: impl fmt::Display) -> Failure {
        Failure::Input(format!("cannot read {what}: {e}"))
    }

    /// A write error on the output, with what was being written.
    pub fn output(what: impl fmt::Display, e: io::Error) -> Failure {
        Failure::Output(what.to_string(), e)
    }

    /// `true` when standard output was closed by its reader (e.g. `digicat … | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Failure::Output(_, e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Usage(m) | Failure::Input(m) => f.write_str(m),
            Failure::Output(what, e) => write!(f, "cannot write {what}: {e}"),
        }
    }
}
