//! digicat's results as typed Arrow columns, built once for every surface that speaks Arrow: the
//! Python entry point `digicat.arrow.classify` (pyarrow tables, polars, Spark) and the CLI's
//! Parquet output build their result columns with this crate's [`TableBuilder`], so both give
//! the same types and values.
//!
//! One set of columns per catalogue selected ([`schema_for`]), in the order selected. The
//! `dongguan-2019` columns ([`schema`], built by [`ResultBuilder`]): `status` and `reason`
//! (dictionary-encoded strings), `industries` (list of int8), `rows` (list of strings),
//! `evidence` (list of structs `text, row, start, end, kind, relation`, `start`/`end`
//! *character* offsets in the scanned text) and `error` (nullable string). The `szjj-2021`
//! columns ([`szjj::fields`], built by [`SzjjBuilder`]) are prefixed `szjj_` as in the CLI's
//! CSV: `szjj_status`, `szjj_reason`, `szjj_classes` (list of 小类 code strings),
//! `szjj_class_names`, `szjj_rows` (list of `030304:6429*` pairs), `szjj_evidence` (list of
//! structs `text, class, start, end, kind`) and `szjj_error`. Only the array crates of arrow-rs
//! are used (no compute kernels, no IO).
#![forbid(unsafe_code)]

pub mod szjj;
mod table;

pub use szjj::SzjjBuilder;
pub use table::{schema_for, Answer, TableBuilder};

use arrow_array::builder::{
    Int32Builder, Int8Builder, ListBuilder, StringBuilder, StringDictionaryBuilder,
};
use arrow_array::types::Int8Type;
use arrow_array::{ArrayRef, ListArray, RecordBatch, StructArray};
use arrow_buffer::{OffsetBuffer, ScalarBuffer};
pub use arrow_schema::ArrowError;
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use digicat::report::Lang;
use digicat::{Classification, CodeError, Reason, Status};
use std::sync::Arc;

/// The evidence struct's fields: the catalogue term, its row, its character span in the text
/// that was scanned, its kind and (for a scope phrase) its relation.
fn evidence_fields() -> Fields {
    Fields::from(vec![
        Field::new("text", DataType::Utf8, false),
        Field::new("row", DataType::Utf8, false),
        Field::new("start", DataType::Int32, false),
        Field::new("end", DataType::Int32, false),
        Field::new("kind", DataType::Utf8, false),
        Field::new("relation", DataType::Utf8, true),
    ])
}

/// The schema of the result: `status` and `reason` (dictionary-encoded strings), `industries`
/// (list of int8 ids), `rows` (list of row ids such as `3.2`), `evidence` (list of structs
/// `text, row, start, end, kind, relation`) and `error` (the message of an `invalid` row, else
/// null).
pub fn schema() -> SchemaRef {
    let dict = DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8));
    let evidence = Field::new("item", DataType::Struct(evidence_fields()), false);
    Arc::new(Schema::new(vec![
        Field::new("status", dict.clone(), false),
        Field::new("reason", dict, false),
        Field::new(
            "industries",
            DataType::List(Arc::new(Field::new("item", DataType::Int8, false))),
            false,
        ),
        Field::new(
            "rows",
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, false))),
            false,
        ),
        Field::new("evidence", DataType::List(Arc::new(evidence)), false),
        Field::new("error", DataType::Utf8, true),
    ]))
}

/// Builds the evidence list column by hand (its struct children side by side), so no builder
/// has to be looked up by type at run time.
struct EvidenceBuilder {
    offsets: Vec<i32>,
    text: StringBuilder,
    row: StringBuilder,
    start: Int32Builder,
    end: Int32Builder,
    kind: StringBuilder,
    relation: StringBuilder,
}

/// Clamps an offset into the `i32` of the Arrow layout (a text is far shorter than 2 GiB).
fn offset(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

impl EvidenceBuilder {
    fn new() -> Self {
        Self {
            offsets: vec![0],
            text: StringBuilder::new(),
            row: StringBuilder::new(),
            start: Int32Builder::new(),
            end: Int32Builder::new(),
            kind: StringBuilder::new(),
            relation: StringBuilder::new(),
        }
    }

    /// Appends one row's evidence, its spans converted to character offsets in `text`.
    fn append(&mut self, evidence: &[digicat::Evidence], text: &str) {
        let bytes: Vec<(usize, usize)> = evidence.iter().map(|e| (e.start, e.end)).collect();
        for (e, (start, end)) in evidence.iter().zip(char_spans(text, &bytes)) {
            self.text.append_value(e.text());
            self.row.append_value(e.row().id());
            self.start.append_value(offset(start));
            self.end.append_value(offset(end));
            self.kind.append_value(e.kind().as_str());
            self.relation
                .append_option(e.relation().map(|r| r.as_str()));
        }
        end_row(&mut self.offsets, evidence.len());
    }

    fn finish(mut self) -> Result<ListArray, ArrowError> {
        let children: Vec<ArrayRef> = vec![
            Arc::new(self.text.finish()),
            Arc::new(self.row.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.relation.finish()),
        ];
        struct_list(evidence_fields(), children, self.offsets)
    }
}

/// Closes one row of a list column whose items are built side by side: `items` more.
fn end_row(offsets: &mut Vec<i32>, items: usize) {
    let last = offsets.last().copied().unwrap_or(0);
    offsets.push(last + offset(items));
}

/// A list column of structs (`fields`, their `children` columns side by side) cut into rows by
/// `offsets` (from [`end_row`]): the evidence column of every catalogue.
fn struct_list(
    fields: Fields,
    children: Vec<ArrayRef>,
    offsets: Vec<i32>,
) -> Result<ListArray, ArrowError> {
    let structs = StructArray::try_new(fields.clone(), children, None)?;
    let item = Arc::new(Field::new("item", DataType::Struct(fields), false));
    // Monotonic by construction: each row adds its (non-negative) count to the last offset.
    let offsets = OffsetBuffer::new(ScalarBuffer::from(offsets));
    ListArray::try_new(item, offsets, Arc::new(structs), None)
}

/// The builders of one batch of results (see [`schema`]): append one row at a time, then
/// [`finish`](ResultBuilder::finish).
pub struct ResultBuilder {
    status: StringDictionaryBuilder<Int8Type>,
    reason: StringDictionaryBuilder<Int8Type>,
    industries: ListBuilder<Int8Builder>,
    rows: ListBuilder<StringBuilder>,
    evidence: EvidenceBuilder,
    error: StringBuilder,
}

impl Default for ResultBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl ResultBuilder {
    /// An empty batch.
    pub fn new() -> Self {
        Self {
            status: StringDictionaryBuilder::new(),
            reason: StringDictionaryBuilder::new(),
            industries: ListBuilder::new(Int8Builder::new()).with_field(Field::new(
                "item",
                DataType::Int8,
                false,
            )),
            rows: ListBuilder::new(StringBuilder::new()).with_field(Field::new(
                "item",
                DataType::Utf8,
                false,
            )),
            evidence: EvidenceBuilder::new(),
            error: StringBuilder::new(),
        }
    }

    /// Appends the engine's answer for one row: a classification, or the error of a code that
    /// cannot be used (status `invalid`, its kind as reason, its message in `lang` as `error`).
    pub fn append_result(
        &mut self,
        result: &Result<Classification, CodeError>,
        text: Option<&str>,
        lang: Lang,
    ) -> Result<(), ArrowError> {
        match result {
            Ok(c) => {
                self.status.append(c.status.as_str())?;
                self.reason.append(c.reason.as_str())?;
                for id in c.industry_ids() {
                    self.industries
                        .values()
                        .append_value(i8::try_from(id).unwrap_or(i8::MAX));
                }
                for row in &c.rows {
                    self.rows.values().append_value(row.id());
                }
                self.evidence.append(&c.evidence, text.unwrap_or_default());
                self.error.append_null();
                self.end_lists();
                Ok(())
            }
            Err(e) => self.append_invalid(e.kind(), &e.message(lang)),
        }
    }

    /// Appends a row that is not an enterprise (a blank row, a `合计` footer): status `skipped`.
    pub fn append_skipped(&mut self, reason: Reason) -> Result<(), ArrowError> {
        self.status.append(Status::Skipped.as_str())?;
        self.reason.append(reason.as_str())?;
        self.evidence.append(&[], "");
        self.error.append_null();
        self.end_lists();
        Ok(())
    }

    /// Appends an `invalid` row with its reason (an error kind, or a reader's own such as
    /// `malformed_record`) and message.
    pub fn append_invalid(&mut self, reason: &str, error: &str) -> Result<(), ArrowError> {
        self.status.append(Status::Invalid.as_str())?;
        self.reason.append(reason)?;
        self.evidence.append(&[], "");
        self.error.append_value(error);
        self.end_lists();
        Ok(())
    }

    /// Closes the row's `industries` and `rows` lists.
    fn end_lists(&mut self) {
        self.industries.append(true);
        self.rows.append(true);
    }

    /// The batch of the rows appended, with the columns of [`schema`].
    pub fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.status.finish()),
            Arc::new(self.reason.finish()),
            Arc::new(self.industries.finish()),
            Arc::new(self.rows.finish()),
            Arc::new(self.evidence.finish()?),
            Arc::new(self.error.finish()),
        ];
        RecordBatch::try_new(schema(), columns)
    }
}

/// The character spans of byte spans into `text` (the core's evidence spans, which lie on
/// character boundaries), in the order given. One forward walk over the text: the distinct
/// offsets are sorted and each is converted once, so a span repeated for several rows (软件开发
/// names 7) or spans out of order cost nothing extra.
pub fn char_spans(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut bytes: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    bytes.sort_unstable();
    bytes.dedup();
    let (mut at, mut count) = (0, 0);
    let chars: Vec<usize> = bytes
        .iter()
        .map(|&to| {
            let slice = text.as_bytes().get(at..to).unwrap_or_default();
            // Every character has exactly one byte that is not a continuation byte (10xxxxxx).
            count += slice.iter().filter(|b| (**b as i8) >= -0x40).count();
            at = to;
            count
        })
        .collect();
    // Every offset looked up is in `bytes`, so the search always finds it.
    let of = |byte: usize| {
        bytes
            .binary_search(&byte)
            .ok()
            .and_then(|i| chars.get(i))
            .copied()
            .unwrap_or_default()
    };
    spans.iter().map(|&(s, e)| (of(s), of(e))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character offset of each byte offset, counted the slow way.
    fn slow(text: &str, byte: usize) -> usize {
        text[..byte].chars().count()
    }

    #[test]
    fn char_spans_of_every_pair_of_boundaries() {
        let text = "a软件b😀c（ＳａａＳ）";
        let mut bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bounds.push(text.len());
        let spans: Vec<(usize, usize)> = bounds
            .iter()
            .flat_map(|&s| {
                bounds
                    .iter()
                    .filter(move |&&e| e >= s)
                    .map(move |&e| (s, e))
            })
            .collect();
        let want: Vec<(usize, usize)> = spans
            .iter()
            .map(|&(s, e)| (slow(text, s), slow(text, e)))
            .collect();
        assert_eq!(char_spans(text, &spans), want);
        // Out of order and repeated, as several rows of one match and overlapping matches come.
        let mixed = [(16, 22), (1, 7), (1, 7), (1, 7), (0, 1), (16, 22), (4, 12)];
        let want: Vec<(usize, usize)> = mixed
            .iter()
            .map(|&(s, e)| (slow(text, s), slow(text, e)))
            .collect();
        assert_eq!(char_spans(text, &mixed), want);
        assert_eq!(want[0], (7, 9));
        assert!(char_spans(text, &[]).is_empty());
        assert_eq!(char_spans("", &[(0, 0)]), [(0, 0)]);
    }
}
