//! Writing the result as Parquet: the input columns, then the result columns typed as the Arrow
//! entry point types them (built by the same `digicat_arrow::TableBuilder`, one column set per
//! `--catalogue`, in that order), one record batch at a time into row groups of at most
//! [`ROW_GROUP`] rows and about [`ROW_GROUP_BYTES`] encoded, zstd-compressed.
//!
//! The input columns of a Parquet input are its record batches, passed through unchanged with
//! their types; those of a CSV, TSV or workbook input are strings (an empty cell is the empty
//! string). The added columns are named as `--lang` names them in CSV (`status`/`状态`, …, no
//! `industry_names`; `szjj_status`/`数字经济状态`, …, `szjj_class_names` kept: its codes have
//! no id to look up); their values are the stable codes in both languages.

use crate::error::Failure;
use crate::input::Record;
use crate::outcome::Outcome;
use crate::output::Target;
use arrow_array::builder::StringBuilder;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use digicat::report::{self, Lang, Layout};
use digicat::CatalogueId;
use digicat_arrow::{Answer, TableBuilder};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use std::fs::File;
use std::io;
use std::sync::Arc;

/// Rows per row group written, at most.
pub const ROW_GROUP: usize = 64 * 1024;

/// Encoded bytes (the writer's estimate) after which a row group is written even if it has fewer
/// than [`ROW_GROUP`] rows: the writer holds a row group's pages until it is written, so this
/// bounds its memory whatever the length of the texts.
pub const ROW_GROUP_BYTES: usize = 8 * 1024 * 1024;

/// Rows of a text input gathered into one record batch.
const TEXT_BATCH: usize = 8192;

/// Positions in `report::COLUMNS_EN` of the typed Dongguan columns (all but `industry_names`).
const ADDED: [usize; 6] = [0, 1, 2, 4, 5, 6];

/// The names in `lang` of the typed columns of `catalogues`, in the order of
/// `digicat_arrow::schema_for` (the Dongguan ones without `industry_names`, all 7 of szjj's).
fn added(catalogues: &[CatalogueId], lang: Lang) -> Vec<&'static str> {
    catalogues
        .iter()
        .flat_map(|c| {
            let names = report::catalogue_columns(*c, lang);
            match c {
                CatalogueId::Dongguan2019 => ADDED.iter().map(|&i| names[i]).collect(),
                CatalogueId::Szjj2021 => names.to_vec(),
            }
        })
        .collect()
}

/// The writer of the result rows as Parquet.
pub struct ParquetSink {
    writer: ArrowWriter<File>,
    target: Target,
    schema: SchemaRef,
    layout: Layout,
    results: TableBuilder,
    /// The catalogues, in column order.
    catalogues: Vec<CatalogueId>,
    /// The input columns of a text input; empty for a Parquet input.
    strings: Vec<StringBuilder>,
    /// The Parquet input batch the rows being gathered belong to.
    batch: Option<Arc<RecordBatch>>,
    /// The language of the error messages.
    lang: Lang,
}

/// The added columns' names in `lang` that are already input columns.
pub fn clashes(header: &[String], catalogues: &[CatalogueId], lang: Lang) -> Vec<&'static str> {
    added(catalogues, lang)
        .into_iter()
        .filter(|n| header.iter().any(|h| h == n))
        .collect()
}

impl ParquetSink {
    /// Starts the file: `input` is the schema of a Parquet input (else the columns of `header`
    /// are strings); `layout` says which text each row's evidence offsets count in;
    /// `catalogues` the column sets added, in order.
    pub fn new(
        target: Target,
        header: &[String],
        (input, layout): (Option<SchemaRef>, &Layout),
        catalogues: &[CatalogueId],
        lang: Lang,
    ) -> Result<ParquetSink, Failure> {
        let name = target.name().to_owned();
        let clash = clashes(header, catalogues, lang);
        if !clash.is_empty() {
            return Err(Failure::said(
                format!(
                    "the input already has column(s) {} that the Parquet output would add: rename \
                     them, or choose the other --lang",
                    clash.join(", ")
                ),
                format!(
                    "输入已有将要新增的列（{}）：请改名，或换用另一种 --lang",
                    clash.join("、")
                ),
            ));
        }
        let strings = if input.is_some() {
            Vec::new()
        } else {
            header.iter().map(|_| StringBuilder::new()).collect()
        };
        let mut fields: Vec<Arc<Field>> = match input {
            Some(schema) => schema.fields().iter().cloned().collect(),
            None => header
                .iter()
                .map(|h| Arc::new(Field::new(h, DataType::Utf8, false)))
                .collect(),
        };
        fields.extend(
            digicat_arrow::schema_for(catalogues)
                .fields()
                .iter()
                .zip(added(catalogues, lang))
                .map(|(f, name)| Arc::new(f.as_ref().clone().with_name(name))),
        );
        let schema = Arc::new(Schema::new(fields));
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .set_max_row_group_row_count(Some(ROW_GROUP))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .build();
        let file = target.send_file()?;
        let writer = ArrowWriter::try_new(file, Arc::clone(&schema), Some(props))
            .map_err(|e| Failure::output(&name, io::Error::other(e)))?;
        Ok(ParquetSink {
            writer,
            target,
            schema,
            layout: layout.clone(),
            results: TableBuilder::new(catalogues),
            catalogues: catalogues.to_vec(),
            strings,
            batch: None,
            lang,
        })
    }

    /// Adds one row with its outcome in each catalogue, in column order (rows come in input
    /// order; those of a Parquet input batch all come before the next batch's).
    pub fn write(&mut self, rec: &Record, outcomes: &[Outcome]) -> Result<(), Failure> {
        if let Some(batch) = &rec.batch {
            if self.batch.as_ref().is_some_and(|b| !Arc::ptr_eq(b, batch)) {
                self.flush()?;
            }
            if self.batch.is_none() {
                self.batch = Some(Arc::clone(batch));
            }
        } else {
            for (b, value) in self.strings.iter_mut().zip(&rec.fields) {
                b.append_value(value);
            }
        }
        let answers: Vec<Answer<'_>> = outcomes
            .iter()
            .map(|o| match o {
                Outcome::Classified(result) => Answer::Dongguan(result),
                Outcome::Szjj(result) => Answer::Szjj(result),
                Outcome::Skipped(reason) => Answer::Skipped(*reason),
                Outcome::Unread { reason, error } => Answer::Invalid { reason, error },
            })
            .collect();
        let classified = outcomes
            .iter()
            .any(|o| matches!(o, Outcome::Classified(_) | Outcome::Szjj(_)));
        let text = if classified {
            self.layout.text(&rec.fields)
        } else {
            None
        };
        let appended = self.results.append(&answers, text.as_deref(), self.lang);
        appended.map_err(|e| self.failed(e))?;
        if rec.batch.is_none() && self.results.len() >= TEXT_BATCH {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the rows gathered as one record batch.
    fn flush(&mut self) -> Result<(), Failure> {
        if self.results.is_empty() {
            return Ok(());
        }
        let fresh = TableBuilder::new(&self.catalogues);
        let results = std::mem::replace(&mut self.results, fresh)
            .finish()
            .map_err(|e| self.failed(e))?;
        let mut columns: Vec<ArrayRef> = match self.batch.take() {
            Some(batch) if batch.num_rows() == results.num_rows() => batch.columns().to_vec(),
            Some(batch) => {
                return Err(self.failed(ArrowError::InvalidArgumentError(format!(
                    "{} results for a batch of {} rows",
                    results.num_rows(),
                    batch.num_rows()
                ))))
            }
            None => self
                .strings
                .iter_mut()
                .map(|b| Arc::new(b.finish()) as ArrayRef)
                .collect(),
        };
        columns.extend(results.columns().iter().cloned());
        let batch =
            RecordBatch::try_new(Arc::clone(&self.schema), columns).map_err(|e| self.failed(e))?;
        self.writer.write(&batch).map_err(|e| self.failed(e))
    }

    /// Writes the last rows and the footer (with `about`, the run's options, as key-value
    /// metadata `digicat.<label>`), then renames the file into place.
    pub fn finish(mut self, about: &[(String, String)]) -> Result<(), Failure> {
        self.flush()?;
        for (label, value) in about {
            self.writer
                .append_key_value_metadata(parquet::file::metadata::KeyValue::new(
                    format!("digicat.{label}"),
                    value.clone(),
                ));
        }
        let ParquetSink {
            writer, mut target, ..
        } = self;
        let name = target.name().to_owned();
        let file = writer
            .into_inner()
            .map_err(|e| Failure::output(&name, io::Error::other(e)))?;
        target.copy_from(file)?;
        target.commit()
    }

    /// Where the file goes.
    pub fn target(&self) -> &Target {
        &self.target
    }

    fn failed(&self, e: impl std::error::Error + Send + Sync + 'static) -> Failure {
        Failure::output(self.target.name(), io::Error::other(e))
    }
}
