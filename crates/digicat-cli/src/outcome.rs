//! What became of one input row: classified by the engine, or kept unread with a reason.

use digicat::report::{self, Lang, RowOutcome};
use digicat::{szjj, Classification, CodeError, Reason, Status};

/// The result for one row.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The engine's answer (an `Err` is a code that cannot be used: status `invalid`).
    Classified(Result<Classification, CodeError>),
    /// The answer of `szjj-2021` (《数字经济及其核心产业统计分类（2021）》).
    Szjj(Result<szjj::Classification, CodeError>),
    /// Not an enterprise (a blank row, a `合计` footer): status `skipped`.
    Skipped(Reason),
    /// The row never reached the engine (malformed record, undecodable bytes): status `invalid`
    /// with a reason of the command line's own.
    Unread {
        /// `malformed_record` or `invalid_encoding`.
        reason: &'static str,
        /// The message for the `error` column, in the run's language.
        error: String,
    },
}

impl From<RowOutcome> for Outcome {
    fn from(row: RowOutcome) -> Outcome {
        match row {
            RowOutcome::Classified(result) => Outcome::Classified(result),
            RowOutcome::Skipped(reason) => Outcome::Skipped(reason),
        }
    }
}

impl Outcome {
    /// The row's status.
    pub fn status(&self) -> Status {
        match self {
            Outcome::Classified(Ok(c)) => c.status,
            Outcome::Szjj(Ok(c)) => c.status,
            Outcome::Skipped(_) => Status::Skipped,
            _ => Status::Invalid,
        }
    }

    /// The row's reason name (for an invalid row, the error kind).
    pub fn reason(&self) -> &'static str {
        match self {
            Outcome::Classified(Ok(c)) => c.reason.as_str(),
            Outcome::Szjj(Ok(c)) => c.reason.as_str(),
            Outcome::Classified(Err(e)) | Outcome::Szjj(Err(e)) => e.kind(),
            Outcome::Skipped(reason) => reason.as_str(),
            Outcome::Unread { reason, .. } => reason,
        }
    }

    /// The classification, when the engine gave one.
    pub fn classification(&self) -> Option<&Classification> {
        match self {
            Outcome::Classified(Ok(c)) => Some(c),
            _ => None,
        }
    }

    /// The values of the added columns in `lang`, as [`digicat::report::fields_in`] and
    /// [`digicat::report::szjj_fields_in`] give them; an unread row has the same shape as an
    /// invalid code (status, reason and error only; its error already in `lang`), a skipped row
    /// status and reason only.
    pub fn fields(&self, lang: Lang) -> [String; 7] {
        let mut fields = match self {
            Outcome::Classified(result) => return report::fields_in(result, lang),
            Outcome::Szjj(result) => return report::szjj_fields_in(result, lang),
            Outcome::Skipped(reason) => report::skipped_fields(*reason),
            Outcome::Unread { reason, error } => report::invalid_fields(reason, error.clone()),
        };
        report::localize(&mut fields, lang);
        fields
    }
}
