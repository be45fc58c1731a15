//! # digicat-assess — park and cluster assessment on top of the digicat catalogue
//!
//! Does this park qualify as a 数字产业集聚试点园区, by how much does it miss, and which
//! enterprises count? The policies' quantitative conditions are data ([`criteria`], the rows of
//! `data/criteria/*.tsv`); a roster of enterprises is read with the catalogue's own column and
//! row handling ([`roster`], via `digicat::report`), and each criterion is evaluated per park or
//! on the whole roster ([`evaluate()`]): the value as a range (confirmed enterprises only …
//! including those still `needs_review`), the threshold, the verdict (met / not met /
//! undetermined / not computable) and the gap in the document's terms. Comparators are read as
//! 民法典 第一千二百五十九条 reads them: 以上/以下/以内 include the number, 不满/超过 exclude it.
//! A criterion counts a [`Population`] by either catalogue: the Dongguan one (`in_scope`), GB/T
//! 4754 大类 (`gbt:39`) or 《数字经济及其核心产业统计分类（2021）》 (`szjj:core`, `szjj:010508`, …);
//! every result names the population and the catalogue it counted by.
//!
//! Missing or unreadable cells are listed and excluded from sums; when they (or review rows)
//! could change a verdict, the verdict is `undetermined`, never a guess. Every value is exact
//! (integer micro-units), so converting 元 ↔ 万元 ↔ 亿元 never changes a verdict.
//!
//! The JSON report ([`report::Report`]) has the stable schema `digicat-assess/1`, documented in
//! `data/criteria/README.md`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod criteria;
pub mod evaluate;
pub mod html;
pub mod population;
pub mod quantity;
pub mod report;
pub mod request;
pub mod roster;
pub mod score;
pub mod xlsx;

pub use criteria::{CriteriaError, CriteriaSet, Criterion};
pub use evaluate::{evaluate, Attributes, GroupResult, Outcome, Verdict};
pub use population::Population;
pub use roster::{Roster, RosterError, RosterOptions, Unread};
pub use score::{Score, ScoreSheet};
