//! # digicat — 东莞市数字产业集聚试点园区重点发展产业、产品和服务目录表（试行）
//!
//! Is this enterprise (or product) in Dongguan's catalogue of key digital industries,
//! products and services (东工信〔2019〕160号, 附件, 2019-07-30, 试行), and under which of its
//! 9 industries? This crate embeds the catalogue as compile-time tables (generated from the
//! reviewable files in `data/`; nothing is parsed at run time) and holds the one engine that the
//! CLI, C and Python surfaces wrap.
//!
//! 本库内置《东莞市数字产业集聚试点园区重点发展产业、产品和服务目录表（试行）》，
//! 根据行业代码（GB/T 4754-2017）和经营范围/主营产品文本判断企业是否属于目录及所属产业。
//!
//! ## The catalogue
//! Two categories, 9 industries, 29 rows. Each row is a GB/T 4754-2017 小类. A code printed
//! with `*` (e.g. `6513*`) covers only the row's listed products; a code without it (6520,
//! 6432, 6433, 6434, 6439, 6421, 6440) covers its whole 小类 and lists none. The notice says
//! the catalogue spans 21 小类 in 12 中类; its table names 20 distinct codes in 11 中类. The
//! data follows the table. See `data/README.md` for how the extracted table was reconstructed.
//!
//! ## Rules
//! [`classify`] takes an optional code field and an optional text. The code field may be a code
//! (`6513`, `6513*`, `I6513`, `I 6513`, `I-6513`, `６５１３`), a 中类/大类 (`651`, `65`), an exact
//! GB/T 4754-2017 小类 name (`基础软件开发`) or a code with its name (`I6513 应用软件开发`).
//! Evidence is every catalogue term found in the text: listed products (`product`), curated
//! aliases (`alias`), standard business-scope phrases (`scope_phrase`, equivalent or broader)
//! and class names of whole-class rows (`class_name`). Under [`Policy::Strict`] only products
//! and aliases count; under the default [`Policy::Standard`] equivalent phrases and class names
//! also count, and broader phrases only ever add review candidates.
//!
//! | status | reason | when | example (code + text → industries) |
//! |---|---|---|---|
//! | `in_scope` | `whole_class` | the code's whole 小类 is in the catalogue | `6520` → 4 |
//! | `in_scope` | `listed_product` | starred code, text names a listed product (or alias) of a row with that code; industries are those rows' only | `6513` + `计算机视听觉软件` → 3 |
//! | `in_scope` | `scope_phrase` | starred code, an equivalent phrase for a row with that code (standard policy) | `6513` + `人工智能应用软件开发` → 3 |
//! | `in_scope` | `class_name` | the text names the class of a catalogue row with that code (standard policy) | — (class names belong to whole-class rows, which are `whole_class` already) |
//! | `needs_review` | `no_product_evidence` | starred code, nothing decisive named; candidates: every industry with the code | `6513` + `软件开发` → 1, 3 |
//! | `needs_review` | `no_code` | no code, catalogue terms named; candidates from the terms | — + `计算机视听觉软件` → 3 |
//! | `needs_review` | `coarse_code` | a 中类/大类 containing catalogue codes; candidates within it, narrowed by the terms named | `651` + `人工智能中间件` → 3 |
//! | `needs_review` | `products_outside_code` | a code outside the catalogue, or a starred code, while the text names decisive terms of other codes only | `7320` + `云计算服务` → 7 |
//! | `needs_review` | `old_edition_code` | a GB/T 4754-2011 小类 (not a 2017 one, or read with [`Edition::Gbt2011`]); candidates from its 2017 successors | `6510` → 1, 2, 3, 7 |
//! | `out_of_scope` | `code_outside_catalogue` | a valid code outside the catalogue, nothing decisive named | `7320` |
//! | `out_of_scope` | `nothing_named` | no code, and the text names nothing | — + `餐饮服务` |
//!
//! A malformed code, or one that is not in GB/T 4754-2017 (nor 2011 under [`Edition::Auto`]),
//! is an `Err(`[`CodeError`]`)`, never a status; batch surfaces report it as status `invalid`.
//!
//! Two statuses are batch-only, never returned by [`classify`]: `invalid` (above) and `skipped`,
//! for table rows that are not enterprises:
//!
//! | status | reason | when |
//! |---|---|---|
//! | `skipped` | `blank_row` | every field of the row is blank (`,,,`, an empty sheet row) |
//! | `skipped` | `footer_row` | the row holds only a `合计：26家`-style footer |
//!
//! The batch layer [`report`] decides them ([`report::skip_reason`]), finds a table's header row
//! and its industry and scope columns ([`report::find_header_row`], [`report::find_layout`]: code
//! columns, GB/T level groups such as `国标行业门类` … `国标行业小类`, a section letter with a code,
//! a scope split in two), and gives the added columns, once for the CLI, Python and C.
//!
//! ```
//! use digicat::{classify, Options, Policy, Status};
//! let strict = Options { policy: Policy::Strict, ..Options::default() };
//! let standard = Options::default();
//! let text = "软件开发；人工智能应用软件开发；信息系统集成服务";
//! assert_eq!(classify(Some("6513"), Some(text), &standard)?.status, Status::InScope);
//! assert_eq!(classify(Some("6513"), Some(text), &strict)?.status, Status::NeedsReview);
//! assert!(classify(Some("6599x"), None, &standard).is_err());
//! # Ok::<(), digicat::CodeError>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod catalogue;
mod classify;
mod code;
mod error;
mod matcher;
mod normalize;
pub mod report;
#[cfg(feature = "serde")]
mod serialize;
mod tables;

pub use catalogue::{
    aliases, categories, industries, industry, meta, products, row, rows, rows_for_code,
    scope_phrases, Alias, Category, Industry, Meta, Product, Relation, Row, ScopePhrase,
    CATALOGUE_VERSION,
};
pub use classify::{
    classify, read_code_field, Classification, CodeReading, Options, Reason, Status,
};
pub use code::{successors_2011, Code, Edition, GbtEntry, Level};
pub use error::CodeError;
pub use matcher::{
    find_product, find_terms, find_terms_into, lookup_terms, warm_up, Evidence, EvidenceKind,
    Policy, Term,
};
pub use normalize::{normalize, normalize_into};
#[cfg(feature = "serde")]
pub use serialize::Catalogue;

/// Version of this crate.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The README's Rust examples, compiled and run as doc tests.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
