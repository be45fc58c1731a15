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
//! Two categories, 9 industries, 30 rows: 21 小类 in 12 中类 of 2 大类, as the notice counts.
//! Each row is a GB/T 4754-2017 小类. A code printed with `*` (e.g. `6513*`) covers only the row's
//! listed products; a code without it (6520, 6432, 6433, 6434, 6439, 6421, 6440) covers its whole
//! 小类 and lists none. The extracted table prints 29 rows (20 codes in 11 中类); the 30th, 4.7
//! 呼叫中心 6591\* of industry 4, is inferred from the notice's own counts and 《战略性新兴产业分类
//! （2018）》 1.3.4, and its products are not published ([`Row::is_inferred`]). See `data/README.md`
//! for how the extracted table was reconstructed.
//!
//! ## A second catalogue
//! [`szjj`] embeds 《数字经济及其核心产业统计分类（2021）》 (国家统计局令第33号, catalogue id
//! `szjj-2021`) and classifies into the 小类 of its 数字经济核心产业 (01–04) with the same rules,
//! statuses and reasons ([`szjj::classify`]); [`CatalogueId`] names both catalogues for the batch
//! surfaces. The rules themselves live once, over either catalogue's answer units.
//!
//! ## Rules
//! [`classify`] takes an optional code field and an optional text. The code field may be a code
//! (`6513`, `6513*`, `I6513`, `I 6513`, `I-6513`, `６５１３`), a 门类/大类/中类 (`I`, `65`, `651`),
//! a GB/T 4754 name of any level (`信息传输、软件和信息技术服务业`, `软件和信息技术服务业`,
//! `软件开发`, `基础软件开发`), or codes and names together in any order and separator
//! (`应用软件开发(6513)`, `I-65-651-6513`, `软件和信息技术服务业/软件开发/应用软件开发`): the finest
//! level is read, and parts that contradict each other are an error (see [`read_code_field`]).
//! Evidence is every catalogue term found in the text: listed products (`product`), curated
//! aliases (`alias`), standard business-scope phrases (`scope_phrase`, equivalent or broader)
//! and class names of whole-class rows (`class_name`); an older wording listed in
//! `data/vocabulary/variants.tsv` (`集成电路的设计`) counts as the term it stands for
//! (`集成电路设计`, with that term's kind; [`Term::variant`] tells). Under [`Policy::Strict`] only
//! products and aliases count; under the default [`Policy::Standard`] equivalent phrases and class
//! names also count, and broader phrases only ever add review candidates.
//!
//! **Triage.** Decisive evidence (every kind the policy admits except broader phrases) alone
//! gives the candidates whenever there is any; broader phrases add candidates only where nothing
//! decisive was named. Without a code: decisive terms → `no_code` with their industries; broader
//! phrases only → `broader_phrases_only`; nothing → `nothing_named`. A coarse or old-edition code
//! is narrowed by the decisive terms (or, when there are none, by the broader phrases) within it.
//! Under [`Policy::Strict`] phrases do not count, so `broader_phrases_only` never occurs there.
//!
//! | status | reason | when | example (code + text → industries) |
//! |---|---|---|---|
//! | `in_scope` | `whole_class` | the code's whole 小类 is in the catalogue | `6520` → 4 |
//! | `in_scope` | `listed_product` | starred code, text names a listed product (or alias) of a row with that code; industries are those rows' only | `6513` + `计算机视听觉软件` → 3 |
//! | `in_scope` | `scope_phrase` | starred code, an equivalent phrase for a row with that code (standard policy) | `6513` + `人工智能应用软件开发` → 3 |
//! | `in_scope` | `class_name` | the text names the class of a catalogue row with that code (standard policy) | — (class names belong to whole-class rows, which are `whole_class` already) |
//! | `needs_review` | `no_product_evidence` | starred code, nothing decisive named; candidates: every industry with the code | `6513` + `软件开发` → 1, 3 |
//! | `needs_review` | `no_code` | no code, decisive terms named; candidates from the decisive terms only | — + `计算机视听觉软件` → 3; — + `软件开发；网络与信息安全软件开发；人工智能应用软件开发` → 2, 3 |
//! | `needs_review` | `broader_phrases_only` | no code, only broader phrases named (standard policy); candidates from them | — + `软件开发` → 1, 2, 3, 7 |
//! | `needs_review` | `coarse_code` | a 门类/大类/中类 (number or name) containing catalogue codes; candidates within it, narrowed by the decisive terms (else the broader phrases) named | `651` + `人工智能中间件` → 3; `软件开发` (中类 name) + `人工智能中间件` → 3 |
//! | `needs_review` | `products_outside_code` | a code outside the catalogue, or a starred code, while the text names decisive terms of other codes only | `7320` + `云计算服务` → 7 |
//! | `needs_review` | `old_edition_code` | a GB/T 4754-2011 小类 (not a 2017 one, or read with [`Edition::Gbt2011`]), or a name found only in 2011; candidates from the 2017 successors, narrowed like `coarse_code` | `6510` → 1, 2, 3, 7; `6592` 呼叫中心 → 4 |
//! | `needs_review` | `products_not_published` | the code of the inferred row 4.7 (6591\* 呼叫中心: not printed in the table, its products not published); candidates: its rows plus the rows of any decisive terms named | `6591` → 4; `6591` + `云计算服务` → 4, 7 |
//! | `out_of_scope` | `code_outside_catalogue` | a valid code outside the catalogue, nothing decisive named | `7320`, `制造业` |
//! | `out_of_scope` | `nothing_named` | no code, and the text names nothing | — + `餐饮服务` |
//!
//! A malformed code, one that is not in GB/T 4754-2017 (nor 2011 under [`Edition::Auto`]), an
//! unknown name, or a field whose parts contradict each other (`65/6431`, `应用软件开发(6520)`) is
//! an `Err(`[`CodeError`]`)`, never a status; batch surfaces report it as status `invalid`.
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
mod catalogue_id;
mod classify;
mod code;
mod error;
mod matcher;
mod normalize;
pub mod report;
mod rules;
mod scan;
#[cfg(feature = "serde")]
mod serialize;
mod spans;
pub mod szjj;
mod tables;
mod term;

pub use catalogue::{
    aliases, categories, industries, industry, meta, products, row, rows, rows_for_code,
    scope_phrases, variants, Alias, Category, Industry, Meta, Product, Relation, Row, ScopePhrase,
    Variant, CATALOGUE_VERSION,
};
pub use catalogue_id::CatalogueId;
pub use classify::{
    classify, read_code_field, Classification, CodeReading, Options, Reason, Status, MAX_TEXT_BYTES,
};
pub use code::{successors_2011, Code, Edition, GbtEntry, Level};
pub use error::{CodeError, Malformation, UnknownHint};
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
