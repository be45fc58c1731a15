//! The `szjj-2021` (《数字经济及其核心产业统计分类（2021）》) result columns: prefixed `szjj_` as the
//! CLI's CSV names them (`report::SZJJ_COLUMNS_EN`), so they fit beside the Dongguan columns.

use crate::{char_spans, end_row, offset, struct_list};
use arrow_array::builder::{Int32Builder, ListBuilder, StringBuilder, StringDictionaryBuilder};
use arrow_array::types::Int8Type;
use arrow_array::{ArrayRef, ListArray};
use arrow_schema::{ArrowError, DataType, Field, Fields};
use digicat::report::Lang;
use digicat::{szjj, CodeError, Reason, Status};
use std::sync::Arc;

/// The evidence struct's fields: the term, its 小类, its character span in the text that was
/// scanned, its kind (`product` for a reviewed 说明 term, `class_name`).
fn evidence_fields() -> Fields {
    Fields::from(vec![
        Field::new("text", DataType::Utf8, false),
        Field::new("class", DataType::Utf8, false),
        Field::new("start", DataType::Int32, false),
        Field::new("end", DataType::Int32, false),
        Field::new("kind", DataType::Utf8, false),
    ])
}

/// A list of non-null strings.
fn string_list() -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Utf8, false)))
}

/// The `szjj-2021` fields, in order: `szjj_status` and `szjj_reason` (dictionary-encoded
/// strings), `szjj_classes` (list of 小类 codes as strings, `030304`: leading zeros kept),
/// `szjj_class_names` (list), `szjj_rows` (list of (小类, GB/T code) pairs as the CSV writes
/// them, `030304:6429*`), `szjj_evidence` (list of structs `text, class, start, end, kind`) and
/// `szjj_error` (nullable).
pub fn fields() -> Vec<Field> {
    let dict = DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8));
    let evidence = Field::new("item", DataType::Struct(evidence_fields()), false);
    vec![
        Field::new("szjj_status", dict.clone(), false),
        Field::new("szjj_reason", dict, false),
        Field::new("szjj_classes", string_list(), false),
        Field::new("szjj_class_names", string_list(), false),
        Field::new("szjj_rows", string_list(), false),
        Field::new("szjj_evidence", DataType::List(Arc::new(evidence)), false),
        Field::new("szjj_error", DataType::Utf8, true),
    ]
}

/// A list builder of non-null strings.
fn strings() -> ListBuilder<StringBuilder> {
    ListBuilder::new(StringBuilder::new()).with_field(Field::new("item", DataType::Utf8, false))
}

/// The builders of the `szjj-2021` columns ([`fields`]), one row at a time.
pub struct SzjjBuilder {
    status: StringDictionaryBuilder<Int8Type>,
    reason: StringDictionaryBuilder<Int8Type>,
    classes: ListBuilder<StringBuilder>,
    names: ListBuilder<StringBuilder>,
    rows: ListBuilder<StringBuilder>,
    evidence: Evidence,
    error: StringBuilder,
}

impl Default for SzjjBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl SzjjBuilder {
    /// No rows yet.
    pub fn new() -> Self {
        Self {
            status: StringDictionaryBuilder::new(),
            reason: StringDictionaryBuilder::new(),
            classes: strings(),
            names: strings(),
            rows: strings(),
            evidence: Evidence::default(),
            error: StringBuilder::new(),
        }
    }

    /// Appends the answer for one row: a classification (evidence offsets counted in `text`, the
    /// text that was scanned), or the error of a code that cannot be used (status `invalid`, its
    /// kind as reason, its message in `lang`).
    pub fn append_result(
        &mut self,
        result: &Result<szjj::Classification, CodeError>,
        text: Option<&str>,
        lang: Lang,
    ) -> Result<(), ArrowError> {
        let c = match result {
            Ok(c) => c,
            Err(e) => return self.append_invalid(e.kind(), &e.message(lang)),
        };
        self.status.append(c.status.as_str())?;
        self.reason.append(c.reason.as_str())?;
        for class in &c.classes {
            self.classes.values().append_value(class.code());
            self.names.values().append_value(class.name());
        }
        for (class, gbt) in &c.rows {
            self.rows
                .values()
                .append_value(format!("{}:{}", class.code(), gbt.printed()));
        }
        self.evidence.append(&c.evidence, text.unwrap_or_default());
        self.error.append_null();
        self.end_lists();
        Ok(())
    }

    /// Appends a row that is not an enterprise: status `skipped`, `reason`, empty lists.
    pub fn append_skipped(&mut self, reason: Reason) -> Result<(), ArrowError> {
        self.status.append(Status::Skipped.as_str())?;
        self.reason.append(reason.as_str())?;
        self.evidence.append(&[], "");
        self.error.append_null();
        self.end_lists();
        Ok(())
    }

    /// Appends an `invalid` row with its reason and message.
    pub fn append_invalid(&mut self, reason: &str, error: &str) -> Result<(), ArrowError> {
        self.status.append(Status::Invalid.as_str())?;
        self.reason.append(reason)?;
        self.evidence.append(&[], "");
        self.error.append_value(error);
        self.end_lists();
        Ok(())
    }

    fn end_lists(&mut self) {
        self.classes.append(true);
        self.names.append(true);
        self.rows.append(true);
    }

    /// The columns of the rows appended, in the order of [`fields`].
    pub fn finish(mut self) -> Result<Vec<ArrayRef>, ArrowError> {
        Ok(vec![
            Arc::new(self.status.finish()),
            Arc::new(self.reason.finish()),
            Arc::new(self.classes.finish()),
            Arc::new(self.names.finish()),
            Arc::new(self.rows.finish()),
            Arc::new(self.evidence.finish()?),
            Arc::new(self.error.finish()),
        ])
    }
}

/// The evidence list column, its struct children side by side.
struct Evidence {
    offsets: Vec<i32>,
    text: StringBuilder,
    class: StringBuilder,
    start: Int32Builder,
    end: Int32Builder,
    kind: StringBuilder,
}

impl Default for Evidence {
    fn default() -> Self {
        Self {
            offsets: vec![0],
            text: StringBuilder::new(),
            class: StringBuilder::new(),
            start: Int32Builder::new(),
            end: Int32Builder::new(),
            kind: StringBuilder::new(),
        }
    }
}

impl Evidence {
    /// Appends one row's evidence, its byte spans converted to character offsets in `text`.
    fn append(&mut self, evidence: &[szjj::Evidence], text: &str) {
        let bytes: Vec<(usize, usize)> = evidence.iter().map(|e| (e.start, e.end)).collect();
        for (e, (start, end)) in evidence.iter().zip(char_spans(text, &bytes)) {
            self.text.append_value(e.term.text());
            self.class.append_value(e.term.class().code());
            self.start.append_value(offset(start));
            self.end.append_value(offset(end));
            self.kind.append_value(e.term.kind().as_str());
        }
        end_row(&mut self.offsets, evidence.len());
    }

    fn finish(mut self) -> Result<ListArray, ArrowError> {
        let children: Vec<ArrayRef> = vec![
            Arc::new(self.text.finish()),
            Arc::new(self.class.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.kind.finish()),
        ];
        struct_list(evidence_fields(), children, self.offsets)
    }
}
