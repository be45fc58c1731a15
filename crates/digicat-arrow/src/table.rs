//! One set of result columns per catalogue selected, side by side in one batch: the Dongguan
//! columns of [`crate::schema`] unchanged, the `szjj_` columns of [`crate::szjj::fields`].

use crate::szjj::{self as szjj_columns, SzjjBuilder};
use crate::ResultBuilder;
use arrow_array::{ArrayRef, RecordBatch, RecordBatchOptions};
use arrow_schema::{ArrowError, Field, Schema, SchemaRef};
use digicat::report::Lang;
use digicat::{szjj, CatalogueId, Classification, CodeError, Reason};
use std::sync::Arc;

/// The fields of one catalogue's columns.
fn catalogue_fields(catalogue: CatalogueId) -> Vec<Field> {
    match catalogue {
        CatalogueId::Dongguan2019 => crate::schema()
            .fields()
            .iter()
            .map(|f| f.as_ref().clone())
            .collect(),
        CatalogueId::Szjj2021 => szjj_columns::fields(),
    }
}

/// The schema of a [`TableBuilder`] over `catalogues`: each catalogue's columns, in the order
/// given (`dongguan-2019`: `status` … `error`; `szjj-2021`: `szjj_status` … `szjj_error`).
pub fn schema_for(catalogues: &[CatalogueId]) -> SchemaRef {
    let fields: Vec<Field> = catalogues
        .iter()
        .flat_map(|c| catalogue_fields(*c))
        .collect();
    Arc::new(Schema::new(fields))
}

/// One catalogue's answer for one row, as [`TableBuilder::append`] takes it.
#[derive(Debug, Clone, Copy)]
pub enum Answer<'a> {
    /// The `dongguan-2019` engine's answer.
    Dongguan(&'a Result<Classification, CodeError>),
    /// The `szjj-2021` engine's answer.
    Szjj(&'a Result<szjj::Classification, CodeError>),
    /// Not an enterprise (a blank row, a `合计` footer): status `skipped`.
    Skipped(Reason),
    /// A row that never reached the engine: status `invalid`, a reader's reason and message.
    Invalid {
        /// The reason code, e.g. `malformed_record`.
        reason: &'a str,
        /// The message for the error column.
        error: &'a str,
    },
}

/// One catalogue's builders.
enum ColumnSet {
    Dongguan(ResultBuilder),
    Szjj(SzjjBuilder),
}

/// The result columns of every catalogue selected ([`schema_for`]): append one row at a time
/// (one [`Answer`] per catalogue, in order), then [`finish`](TableBuilder::finish).
///
/// ```
/// use digicat::{report::Lang, szjj, CatalogueId, Options, Reason};
/// use digicat_arrow::{Answer, TableBuilder};
/// let mut b = TableBuilder::new(&[CatalogueId::Dongguan2019, CatalogueId::Szjj2021]);
/// let o = Options::default();
/// let (d, s) = (digicat::classify(Some("6513"), None, &o), szjj::classify(Some("6513"), None, &o));
/// b.append(&[Answer::Dongguan(&d), Answer::Szjj(&s)], None, Lang::En)?;
/// b.append_skipped(Reason::BlankRow)?;
/// let batch = b.finish()?;
/// assert_eq!((batch.num_rows(), batch.num_columns()), (2, 6 + 7));
/// assert_eq!(batch.schema().field(6).name(), "szjj_status");
/// # Ok::<(), digicat_arrow::ArrowError>(())
/// ```
pub struct TableBuilder {
    sets: Vec<ColumnSet>,
    schema: SchemaRef,
    rows: usize,
}

impl TableBuilder {
    /// An empty batch with the columns of `catalogues`, in that order.
    pub fn new(catalogues: &[CatalogueId]) -> Self {
        let sets = catalogues
            .iter()
            .map(|c| match c {
                CatalogueId::Dongguan2019 => ColumnSet::Dongguan(ResultBuilder::new()),
                CatalogueId::Szjj2021 => ColumnSet::Szjj(SzjjBuilder::new()),
            })
            .collect();
        Self {
            sets,
            schema: schema_for(catalogues),
            rows: 0,
        }
    }

    /// The schema of the batch ([`schema_for`] the catalogues).
    pub fn schema(&self) -> SchemaRef {
        Arc::clone(&self.schema)
    }

    /// Appends one row: `answers` holds one answer per catalogue, in the builder's order (a
    /// skipped or invalid answer fits any catalogue); `text` is the text that was scanned (for
    /// the evidence offsets); error messages are written in `lang`. Nothing is appended when
    /// the answers do not fit the catalogues (an `InvalidArgumentError`).
    pub fn append(
        &mut self,
        answers: &[Answer<'_>],
        text: Option<&str>,
        lang: Lang,
    ) -> Result<(), ArrowError> {
        let fits = answers.len() == self.sets.len()
            && self.sets.iter().zip(answers).all(|pair| {
                !matches!(
                    pair,
                    (ColumnSet::Dongguan(_), Answer::Szjj(_))
                        | (ColumnSet::Szjj(_), Answer::Dongguan(_))
                )
            });
        if !fits {
            return Err(ArrowError::InvalidArgumentError(format!(
                "{} answers do not fit the {} catalogue column sets",
                answers.len(),
                self.sets.len()
            )));
        }
        for (set, answer) in self.sets.iter_mut().zip(answers) {
            match (set, *answer) {
                (ColumnSet::Dongguan(b), Answer::Dongguan(r)) => b.append_result(r, text, lang)?,
                (ColumnSet::Szjj(b), Answer::Szjj(r)) => b.append_result(r, text, lang)?,
                (set, Answer::Skipped(reason)) => set.skipped(reason)?,
                (set, Answer::Invalid { reason, error }) => set.invalid(reason, error)?,
                // Refused above.
                (ColumnSet::Dongguan(_), Answer::Szjj(_))
                | (ColumnSet::Szjj(_), Answer::Dongguan(_)) => {}
            }
        }
        self.rows += 1;
        Ok(())
    }

    /// Appends a row that is not an enterprise to every catalogue's columns.
    pub fn append_skipped(&mut self, reason: Reason) -> Result<(), ArrowError> {
        let answers = vec![Answer::Skipped(reason); self.sets.len()];
        self.append(&answers, None, Lang::En)
    }

    /// Appends an `invalid` row (a reader's `reason` and `error`) to every catalogue's columns.
    pub fn append_invalid(&mut self, reason: &str, error: &str) -> Result<(), ArrowError> {
        let answers = vec![Answer::Invalid { reason, error }; self.sets.len()];
        self.append(&answers, None, Lang::En)
    }

    /// Rows appended so far.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// `true` when no row was appended.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The batch of the rows appended, with the columns of [`TableBuilder::schema`].
    pub fn finish(self) -> Result<RecordBatch, ArrowError> {
        let mut columns: Vec<ArrayRef> = Vec::new();
        for set in self.sets {
            match set {
                ColumnSet::Dongguan(b) => columns.extend(b.finish()?.columns().iter().cloned()),
                ColumnSet::Szjj(b) => columns.extend(b.finish()?),
            }
        }
        let options = RecordBatchOptions::new().with_row_count(Some(self.rows));
        RecordBatch::try_new_with_options(self.schema, columns, &options)
    }
}

impl ColumnSet {
    fn skipped(&mut self, reason: Reason) -> Result<(), ArrowError> {
        match self {
            ColumnSet::Dongguan(b) => b.append_skipped(reason),
            ColumnSet::Szjj(b) => b.append_skipped(reason),
        }
    }

    fn invalid(&mut self, reason: &str, error: &str) -> Result<(), ArrowError> {
        match self {
            ColumnSet::Dongguan(b) => b.append_invalid(reason, error),
            ColumnSet::Szjj(b) => b.append_invalid(reason, error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::Array;
    use digicat::Options;

    #[test]
    fn both_catalogues_side_by_side() {
        let ids = [CatalogueId::Dongguan2019, CatalogueId::Szjj2021];
        let mut b = TableBuilder::new(&ids);
        let o = Options::default();
        let text = "网上音乐";
        let d = digicat::classify(Some("6429"), Some(text), &o);
        let s = szjj::classify(Some("6429"), Some(text), &o);
        b.append(
            &[Answer::Dongguan(&d), Answer::Szjj(&s)],
            Some(text),
            Lang::En,
        )
        .unwrap();
        b.append_skipped(Reason::FooterRow).unwrap();
        let bad = szjj::classify(Some("9999"), None, &o);
        let bad_d = digicat::classify(Some("9999"), None, &o);
        b.append(
            &[Answer::Dongguan(&bad_d), Answer::Szjj(&bad)],
            None,
            Lang::Zh,
        )
        .unwrap();
        // A Szjj answer where the Dongguan columns are: refused, nothing appended.
        assert!(b
            .append(&[Answer::Szjj(&s), Answer::Szjj(&s)], None, Lang::En)
            .is_err());
        assert!(b.append(&[Answer::Dongguan(&d)], None, Lang::En).is_err());
        let batch = b.finish().unwrap();
        assert_eq!(batch.num_rows(), 3);
        assert_eq!(batch.schema(), schema_for(&ids));
        let schema = batch.schema();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(
            names,
            digicat::report::COLUMNS_EN
                .iter()
                .filter(|n| **n != "industry_names")
                .chain(&digicat::report::SZJJ_COLUMNS_EN)
                .copied()
                .collect::<Vec<_>>()
        );
        let classes = batch
            .column_by_name("szjj_classes")
            .unwrap()
            .as_list::<i32>();
        let first = classes.value(0);
        let first: Vec<&str> = first.as_string::<i32>().iter().flatten().collect();
        assert_eq!(first, ["030307"]);
        assert_eq!(classes.value(1).len(), 0);
        let evidence = batch
            .column_by_name("szjj_evidence")
            .unwrap()
            .as_list::<i32>();
        let e = evidence.value(0);
        let e = e.as_struct();
        assert_eq!(
            e.column_by_name("class")
                .unwrap()
                .as_string::<i32>()
                .value(0),
            "030307"
        );
        assert_eq!(
            e.column_by_name("end")
                .unwrap()
                .as_primitive::<arrow_array::types::Int32Type>()
                .value(0),
            4
        );
        let error = batch
            .column_by_name("szjj_error")
            .unwrap()
            .as_string::<i32>();
        assert!(error.is_null(0) && error.is_null(1));
        assert_eq!(error.value(2), bad.unwrap_err().message(Lang::Zh));
    }

    #[test]
    fn no_catalogue_still_counts_rows() {
        let mut b = TableBuilder::new(&[]);
        b.append_skipped(Reason::BlankRow).unwrap();
        assert_eq!(b.finish().unwrap().num_rows(), 1);
    }
}
