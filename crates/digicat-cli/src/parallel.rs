//! `classify --threads N` (N > 1): this thread reads the records in batches and writes them,
//! N others classify them (and render CSV/TSV rows). Batches are written in the order they were
//! read, so the output, line numbers, summary and progress are those of one thread.
//!
//! Memory: at most `N + 2` batches exist (one being read, N being classified, one being
//! written, the rest waiting in order), each of at most [`BATCH_ROWS`] rows or about
//! [`BATCH_BYTES`] of field text (a larger row makes a batch of its own) plus its rendered
//! output; a batch's buffers are reused, and its rows let go of their Parquet input batch once
//! written.

use crate::commands::classify::{Classifier, PROGRESS_EVERY};
use crate::error::Failure;
use crate::input::{Input, Record};
use crate::outcome::Outcome;
use crate::output::{render_rows, Output};
use crate::summary::Summary;
use indicatif::ProgressBar;
use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

/// Rows of a batch (the progress bar moves once a batch).
const BATCH_ROWS: usize = PROGRESS_EVERY as usize;
/// Field bytes after which a batch is closed.
const BATCH_BYTES: usize = 512 * 1024;

/// Rows read together and handed to one classifying thread.
#[derive(Default)]
struct Batch {
    /// Its place in the input.
    index: u64,
    /// `records[..len]` are this batch's (the rest are kept for reuse).
    records: Vec<Record>,
    len: usize,
    /// The outcomes of `records[..len]`, one per catalogue for each record in turn.
    outcomes: Vec<Outcome>,
    /// The rows rendered for CSV/TSV output.
    rendered: Vec<u8>,
    /// The input's progress after its last record.
    position: u64,
}

impl Batch {
    /// Reads up to a batch of records; `false` when the input had none left.
    fn fill(&mut self, input: &mut Input) -> Result<bool, Failure> {
        self.len = 0;
        let mut bytes = 0;
        while self.len < BATCH_ROWS && bytes < BATCH_BYTES {
            if self.records.len() == self.len {
                self.records.push(Record::default());
            }
            let rec = &mut self.records[self.len];
            if !input.next(rec)? {
                break;
            }
            bytes += rec.fields.iter().map(String::len).sum::<usize>();
            self.len += 1;
        }
        self.position = input.progress().0;
        Ok(self.len > 0)
    }

    /// Gives back memory a huge row left behind, and lets go of the Parquet input batches the
    /// written rows belonged to, so that memory stays flat. (A reused record beyond a later,
    /// shorter batch's `len` would otherwise keep its old input batch alive: one per such
    /// record, more and more of them as the run goes on.)
    fn trim(&mut self) {
        for rec in &mut self.records {
            if rec.fields.iter().map(String::capacity).sum::<usize>() > BATCH_BYTES {
                *rec = Record::default();
            }
            rec.batch = None;
        }
        if self.rendered.capacity() > 4 * BATCH_BYTES {
            self.rendered = Vec::new();
        }
    }
}

/// Classifies (in every catalogue of `classifier`) and writes every remaining record of `input`
/// with `threads` classifying threads; gives back the output to finish.
pub fn classify_rows(
    input: &mut Input,
    classifier: &Classifier<'_>,
    threads: usize,
    mut output: Output,
    summary: &mut Summary,
    bar: Option<&ProgressBar>,
) -> Result<Output, Failure> {
    let per_record = classifier.catalogues.len().max(1);
    let rendering = output.rendering();
    let pool = threads + 2;
    let (work_tx, work_rx) = mpsc::sync_channel::<Batch>(pool);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = mpsc::channel::<Batch>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let (work_rx, done_tx) = (Arc::clone(&work_rx), done_tx.clone());
            scope.spawn(move || loop {
                let next = work_rx.lock().ok().and_then(|rx| rx.recv().ok());
                let Some(mut batch) = next else {
                    return;
                };
                let records = &batch.records[..batch.len];
                batch.outcomes.clear();
                for rec in records {
                    classifier.outcomes(rec, &mut batch.outcomes);
                }
                if let Some((delimiter, lang)) = rendering {
                    let mut out = std::mem::take(&mut batch.rendered);
                    out.clear();
                    let rows = records.iter().zip(batch.outcomes.chunks(per_record));
                    batch.rendered = render_rows(delimiter, lang, rows, out);
                }
                if done_tx.send(batch).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        // Runs on this thread; returning drops `work_tx`, which ends the classifying threads.
        let work_tx = work_tx;
        let mut free: Vec<Batch> = Vec::new();
        let mut waiting: BTreeMap<u64, Batch> = BTreeMap::new();
        let (mut read, mut written, mut more) = (0u64, 0u64, true);
        loop {
            while more && read - written < pool as u64 {
                let mut batch = free.pop().unwrap_or_default();
                more = batch.fill(input)?;
                if !more {
                    break;
                }
                batch.index = read;
                read += 1;
                if work_tx.send(batch).is_err() {
                    return Err(stopped());
                }
            }
            if written == read {
                return Ok(output);
            }
            let batch = done_rx.recv().map_err(|_| stopped())?;
            waiting.insert(batch.index, batch);
            while let Some(mut batch) = waiting.remove(&written) {
                let rows = batch.records[..batch.len]
                    .iter()
                    .zip(batch.outcomes.chunks(per_record));
                for (rec, outcomes) in rows.clone() {
                    // The summary counts the first catalogue's answers.
                    if let Some(first) = outcomes.first() {
                        summary.add(rec.line, &rec.fields, first);
                    }
                }
                if rendering.is_some() {
                    output = output.write_rendered(batch.len as u64, &batch.rendered)?;
                } else {
                    for (rec, outcomes) in rows {
                        output.write(rec, outcomes)?;
                    }
                }
                if let Some(bar) = bar {
                    bar.set_position(batch.position);
                }
                written += 1;
                batch.trim();
                free.push(batch);
            }
        }
    })
}

/// A classifying thread ended early (it panicked).
fn stopped() -> Failure {
    Failure::said(
        "internal error: a classifying thread stopped; run again with --threads 1",
        "内部错误：分类线程意外停止；请用 --threads 1 重新运行",
    )
}
