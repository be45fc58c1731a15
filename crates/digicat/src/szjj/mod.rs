//! 《数字经济及其核心产业统计分类（2021）》 (国家统计局令第33号), the national classification of the
//! digital economy, as a second catalogue beside the Dongguan one (catalogue id `szjj-2021`).
//!
//! 5 大类, 32 中类, 156 小类; 01–04 are the 数字经济核心产业 and are classified into, with the
//! Dongguan catalogue's statuses and reasons: the answer units are the 小类 (`030304`), the rows
//! are (小类, GB/T 4754-2017 code) pairs. A whole GB/T class is `in_scope` (`whole_class`) for its
//! 小类; a starred (`*`) class is `in_scope` (`listed_product`) only when the text names a
//! reviewed term of that 小类's 说明 (`data/catalogues/szjj-2021/terms.tsv`), else `needs_review`
//! (`no_product_evidence`) with every 小类 that names the code as candidates (6429: 030304 and
//! 030307; 4851 and 4910: 040501, 040502, 040503). Under the standard policy the GB/T names of
//! whole classes also count as evidence (`class_name`), as for Dongguan. The three 小类 without a
//! GB/T code (020500, 030502, 040504) are catch-alls whose 说明 enumerate nothing: they are listed
//! but no code or term leads to them. 05 数字化效率提升业 is listed and never a result
//! ([`NOT_CLASSIFIABLE`]): `out_of_scope` here means outside 01–04.

mod catalogue;
mod classify;
#[cfg(feature = "serde")]
mod serialize;
mod tables;

pub use catalogue::{
    class, classes, classes_for_code, divisions, groups, meta, not_classifiable, term_entries,
    Class, Decision, Division, GbtRef, Group, Meta, TermEntry, NOT_CLASSIFIABLE,
};
pub use classify::{classify, find_terms, Classification, Evidence, Term};
#[cfg(feature = "serde")]
pub use serialize::Catalogue;
