//! C mirrors of the core's enums, with their stable snake_case names taken from the core.
//!
//! Values are fixed: they are part of the ABI. Functions take enum values in as `uint32_t` and
//! check them, so an out-of-range value from C is an error code, never undefined behaviour.

use crate::{digicat_rc, digicat_str, guard, guard_value, input, put};
use engine::report::Lang;
use engine::{Edition, EvidenceKind, Policy, Reason, Relation, Status};
use std::ffi::c_char;

/// The answer for a record (mirrors `digicat::Status`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum digicat_status {
    /// `in_scope`: in the catalogue.
    InScope = 0,
    /// `needs_review`: possibly in the catalogue; the industries are candidates.
    NeedsReview = 1,
    /// `out_of_scope`: not in the catalogue.
    OutOfScope = 2,
    /// `invalid`: the code could not be read. Never returned by `digicat_result_status`
    /// (`digicat_classify` returns `DIGICAT_RC_INVALID_CODE` instead); there for batch tools that
    /// record such rows the way the other digicat surfaces do.
    Invalid = 3,
    /// `skipped`: not an enterprise (a blank row, a `合计` footer); batch-only like `invalid`,
    /// never returned by `digicat_result_status` (see `digicat_report_skip_reason`).
    Skipped = 4,
}

/// Why a status was given (mirrors `digicat::Reason`; see the README's rules table).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum digicat_reason {
    /// `whole_class`: the code's whole 小类 is in the catalogue.
    WholeClass = 0,
    /// `listed_product`: starred code, the text names a listed product (or alias) of it.
    ListedProduct = 1,
    /// `scope_phrase`: starred code, the text has an equivalent registration phrase for it.
    ScopePhrase = 2,
    /// `class_name`: the text names the GB/T class of a catalogue row with the code.
    ClassName = 3,
    /// `no_product_evidence`: starred code, nothing decisive named.
    NoProductEvidence = 4,
    /// `no_code`: no code, and decisive catalogue terms named; candidates from those only.
    NoCode = 5,
    /// `coarse_code`: a 中类/大类 containing catalogue codes.
    CoarseCode = 6,
    /// `products_outside_code`: the text names decisive terms of other codes only.
    ProductsOutsideCode = 7,
    /// `old_edition_code`: a GB/T 4754-2011 小类; candidates from its 2017 successors.
    OldEditionCode = 8,
    /// `code_outside_catalogue`: a valid code outside the catalogue, nothing decisive named.
    CodeOutsideCatalogue = 9,
    /// `nothing_named`: no code, and the text names nothing.
    NothingNamed = 10,
    /// `products_not_published`: the code of an inferred row (4.7 呼叫中心 6591*: not printed in
    /// the table, its products not published); the industries are candidates.
    ProductsNotPublished = 11,
    /// `broader_phrases_only`: no code, and only broader scope phrases named (e.g. `软件开发`).
    BroaderPhrasesOnly = 12,
    /// `blank_row` (status `skipped`, batch only): every field of the row is blank.
    BlankRow = 13,
    /// `footer_row` (status `skipped`, batch only): the row holds only a `合计：26家`-style footer.
    FooterRow = 14,
}

/// What kind of catalogue term a piece of evidence is (mirrors `digicat::EvidenceKind`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum digicat_evidence_kind {
    /// `product`: a listed product or service.
    Product = 0,
    /// `alias`: a curated alias of a listed product.
    Alias = 1,
    /// `scope_phrase`: a standard business-scope phrase (see the relation).
    ScopePhrase = 2,
    /// `class_name`: the GB/T 4754-2017 name of a whole-class catalogue code.
    ClassName = 3,
}

/// How a scope phrase relates to its row (mirrors `Option<digicat::Relation>`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum digicat_relation {
    /// Not a scope phrase (name: the empty string).
    None = 0,
    /// `equivalent`: the phrase names what the row covers.
    Equivalent = 1,
    /// `broader`: the phrase covers the row and more; it only adds review candidates.
    Broader = 2,
}

/// Which evidence counts (mirrors `digicat::Policy`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum digicat_policy {
    /// `standard` (default): products, aliases, registration phrases and class names.
    Standard = 0,
    /// `strict`: only listed products and their aliases.
    Strict = 1,
}

/// How 4-digit codes are read (mirrors `digicat::Edition`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum digicat_edition {
    /// `auto` (default): GB/T 4754-2017, and a 小类 found only in 2011 as an old-edition code.
    Auto = 0,
    /// `2017`: codes are GB/T 4754-2017; anything else is an error.
    Gbt2017 = 1,
    /// `2011`: 4-digit codes are GB/T 4754-2011 小类.
    Gbt2011 = 2,
}

/// Language of the batch column names (mirrors `digicat::report::Lang`); see
/// `digicat_report_column_name`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum digicat_lang {
    /// `en` (default): English snake_case names (`status`, `reason`, …).
    En = 0,
    /// `zh`: Chinese names (`状态`, `原因`, …).
    Zh = 1,
}

/// Both-way conversions between a C enum and the core's, an exhaustive list of the values, and
/// checked conversion from a raw `uint32_t`. A variant added to the core breaks the build here.
macro_rules! mirror {
    ($ffi:ident <=> $core:ident { $($v:ident),+ $(,)? }) => {
        impl From<$core> for $ffi {
            fn from(v: $core) -> $ffi {
                match v { $($core::$v => $ffi::$v),+ }
            }
        }
        impl From<$ffi> for $core {
            fn from(v: $ffi) -> $core {
                match v { $($ffi::$v => $core::$v),+ }
            }
        }
        impl $ffi {
            /// Every value, in value order.
            pub const ALL: &'static [$ffi] = &[$($ffi::$v),+];
            /// The value `raw`, if it is one.
            pub fn from_raw(raw: u32) -> Option<$ffi> {
                $ffi::ALL.iter().copied().find(|v| *v as u32 == raw)
            }
        }
    };
}

mirror!(digicat_status <=> Status {
    InScope,
    NeedsReview,
    OutOfScope,
    Invalid,
    Skipped,
});
mirror!(digicat_reason <=> Reason {
    WholeClass,
    ListedProduct,
    ScopePhrase,
    ClassName,
    NoProductEvidence,
    NoCode,
    CoarseCode,
    ProductsOutsideCode,
    OldEditionCode,
    CodeOutsideCatalogue,
    NothingNamed,
    ProductsNotPublished,
    BroaderPhrasesOnly,
    BlankRow,
    FooterRow,
});
mirror!(digicat_evidence_kind <=> EvidenceKind { Product, Alias, ScopePhrase, ClassName });
mirror!(digicat_policy <=> Policy { Standard, Strict });
mirror!(digicat_edition <=> Edition { Auto, Gbt2017, Gbt2011 });
mirror!(digicat_lang <=> Lang { En, Zh });

impl digicat_relation {
    /// Every value, in value order.
    pub const ALL: &'static [digicat_relation] = &[
        digicat_relation::None,
        digicat_relation::Equivalent,
        digicat_relation::Broader,
    ];
    /// The value `raw`, if it is one.
    pub fn from_raw(raw: u32) -> Option<digicat_relation> {
        digicat_relation::ALL
            .iter()
            .copied()
            .find(|v| *v as u32 == raw)
    }
    /// The core's relation, `None` for `None`.
    pub fn to_core(self) -> Option<Relation> {
        match self {
            digicat_relation::None => None,
            digicat_relation::Equivalent => Some(Relation::Equivalent),
            digicat_relation::Broader => Some(Relation::Broader),
        }
    }
}

impl From<Option<Relation>> for digicat_relation {
    fn from(r: Option<Relation>) -> digicat_relation {
        match r {
            None => digicat_relation::None,
            Some(Relation::Equivalent) => digicat_relation::Equivalent,
            Some(Relation::Broader) => digicat_relation::Broader,
        }
    }
}

/// The name of a raw enum value through the core's `as_str`, or the empty string.
fn name<T, C>(
    raw: u32,
    from_raw: fn(u32) -> Option<T>,
    as_str: fn(C) -> &'static str,
) -> digicat_str
where
    C: From<T>,
{
    guard_value(digicat_str::empty(), || {
        from_raw(raw).map_or_else(digicat_str::empty, |v| {
            digicat_str::from_static(as_str(C::from(v)))
        })
    })
}

/// Stable snake_case name of a `digicat_status` value (`in_scope`, `needs_review`,
/// `out_of_scope`, `invalid`, `skipped`); the empty string for any other value.
///
/// Static memory, nothing to free. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_status_name(status: u32) -> digicat_str {
    name(status, digicat_status::from_raw, Status::as_str)
}

/// Stable snake_case name of a `digicat_reason` value (e.g. `listed_product`); the empty
/// string for any other value.
///
/// Static memory, nothing to free. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_reason_name(reason: u32) -> digicat_str {
    name(reason, digicat_reason::from_raw, Reason::as_str)
}

/// Stable snake_case name of a `digicat_evidence_kind` value (`product`, `alias`,
/// `scope_phrase`, `class_name`); the empty string for any other value.
///
/// Static memory, nothing to free. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_evidence_kind_name(kind: u32) -> digicat_str {
    name(kind, digicat_evidence_kind::from_raw, EvidenceKind::as_str)
}

/// Stable name of a `digicat_relation` value (`equivalent`, `broader`); the empty string for
/// `DIGICAT_RELATION_NONE` and any other value.
///
/// Static memory, nothing to free. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_relation_name(relation: u32) -> digicat_str {
    guard_value(digicat_str::empty(), || {
        digicat_relation::from_raw(relation)
            .and_then(digicat_relation::to_core)
            .map_or_else(digicat_str::empty, |r| digicat_str::from_static(r.as_str()))
    })
}

/// Stable name of a `digicat_policy` value (`standard`, `strict`); the empty string for any
/// other value.
///
/// Static memory, nothing to free. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_policy_name(policy: u32) -> digicat_str {
    name(policy, digicat_policy::from_raw, Policy::as_str)
}

/// Stable name of a `digicat_edition` value (`auto`, `2017`, `2011`); the empty string for any
/// other value.
///
/// Static memory, nothing to free. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_edition_name(edition: u32) -> digicat_str {
    name(edition, digicat_edition::from_raw, Edition::as_str)
}

/// Reads a policy name (`standard` or `strict`, surrounding spaces ignored), as the other
/// digicat surfaces do, into `*policy_out`.
///
/// Returns `DIGICAT_RC_OK`; `DIGICAT_RC_INVALID_OPTION` for any other name (including the empty
/// string, which is what NULL with `len` 0 is); `DIGICAT_RC_NULL_PARAMETER` when `policy_out` is
/// NULL or `name` is NULL with `len > 0`; `DIGICAT_RC_INVALID_UTF8`; `DIGICAT_RC_INVALID_LENGTH`.
/// `*policy_out` is written only on success.
///
/// # Safety
/// `name` must be NULL or point to `len` readable bytes; `policy_out` must be NULL or point to
/// a writable `digicat_policy`. Thread-safe; allocates nothing on success.
#[no_mangle]
pub unsafe extern "C" fn digicat_policy_parse(
    name: *const c_char,
    len: usize,
    policy_out: *mut digicat_policy,
) -> digicat_rc {
    guard(|| {
        if policy_out.is_null() {
            return Err(digicat_rc::NullParameter);
        }
        // SAFETY: forwarded from this function's contract.
        let name = unsafe { input(name, len) }?;
        let policy: Policy = name.parse().map_err(|_| digicat_rc::InvalidOption)?;
        // SAFETY: checked not NULL above; the caller guarantees it is writable.
        unsafe { put(policy_out, policy.into()) }
    })
}

/// Reads an edition name (`auto`, `2017` or `2011`, surrounding spaces ignored), as the other
/// digicat surfaces do, into `*edition_out`.
///
/// Returns as `digicat_policy_parse` does. `*edition_out` is written only on success.
///
/// # Safety
/// `name` must be NULL or point to `len` readable bytes; `edition_out` must be NULL or point to
/// a writable `digicat_edition`. Thread-safe; allocates nothing on success.
#[no_mangle]
pub unsafe extern "C" fn digicat_edition_parse(
    name: *const c_char,
    len: usize,
    edition_out: *mut digicat_edition,
) -> digicat_rc {
    guard(|| {
        if edition_out.is_null() {
            return Err(digicat_rc::NullParameter);
        }
        // SAFETY: forwarded from this function's contract.
        let name = unsafe { input(name, len) }?;
        let edition: Edition = name.parse().map_err(|_| digicat_rc::InvalidOption)?;
        // SAFETY: checked not NULL above; the caller guarantees it is writable.
        unsafe { put(edition_out, edition.into()) }
    })
}

/// Reads a language name (`en` or `zh`, surrounding spaces ignored), as the other digicat
/// surfaces do, into `*lang_out`.
///
/// Returns as `digicat_policy_parse` does. `*lang_out` is written only on success.
///
/// # Safety
/// `name` must be NULL or point to `len` readable bytes; `lang_out` must be NULL or point to a
/// writable `digicat_lang`. Thread-safe; allocates nothing on success.
#[no_mangle]
pub unsafe extern "C" fn digicat_lang_parse(
    name: *const c_char,
    len: usize,
    lang_out: *mut digicat_lang,
) -> digicat_rc {
    guard(|| {
        if lang_out.is_null() {
            return Err(digicat_rc::NullParameter);
        }
        // SAFETY: forwarded from this function's contract.
        let name = unsafe { input(name, len) }?;
        let lang: Lang = name.parse().map_err(|_| digicat_rc::InvalidOption)?;
        // SAFETY: checked not NULL above; the caller guarantees it is writable.
        unsafe { put(lang_out, lang.into()) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: digicat_str) -> &'static str {
        // SAFETY: every digicat_str this crate returns views static UTF-8 memory.
        let bytes = unsafe { std::slice::from_raw_parts(v.data.cast::<u8>(), v.len) };
        std::str::from_utf8(bytes).unwrap()
    }

    #[test]
    fn names_come_from_the_core_and_values_round_trip() {
        for st in Status::ALL {
            let c = digicat_status::from(st);
            assert_eq!(Status::from(c), st);
            assert_eq!(s(digicat_status_name(c as u32)), st.as_str());
        }
        assert_eq!(digicat_status::ALL.len(), Status::ALL.len());
        for r in Reason::ALL {
            let c = digicat_reason::from(r);
            assert_eq!(Reason::from(c), r);
            assert_eq!(s(digicat_reason_name(c as u32)), r.as_str());
        }
        assert_eq!(digicat_reason::ALL.len(), Reason::ALL.len());
        for k in digicat_evidence_kind::ALL {
            assert_eq!(
                s(digicat_evidence_kind_name(*k as u32)),
                EvidenceKind::from(*k).as_str()
            );
        }
        for r in [None, Some(Relation::Equivalent), Some(Relation::Broader)] {
            let c = digicat_relation::from(r);
            assert_eq!(c.to_core(), r);
            assert_eq!(
                s(digicat_relation_name(c as u32)),
                r.map_or("", Relation::as_str)
            );
        }
        for p in digicat_policy::ALL {
            assert_eq!(s(digicat_policy_name(*p as u32)), Policy::from(*p).as_str());
        }
        for e in digicat_edition::ALL {
            assert_eq!(
                s(digicat_edition_name(*e as u32)),
                Edition::from(*e).as_str()
            );
        }
        for (l, name) in [(Lang::En, "en"), (Lang::Zh, " zh ")] {
            assert_eq!(Lang::from(digicat_lang::from(l)), l);
            let mut out = digicat_lang::Zh;
            // SAFETY: `name` is `len` readable bytes; `out` is writable.
            let rc = unsafe { digicat_lang_parse(name.as_ptr().cast(), name.len(), &mut out) };
            assert_eq!((rc, Lang::from(out)), (digicat_rc::Ok, l));
        }
    }

    #[test]
    fn values_are_dense_and_unknown_values_have_no_name() {
        fn dense<T: Copy>(all: &[T], raw: impl Fn(T) -> u32) {
            for (i, v) in all.iter().enumerate() {
                assert_eq!(raw(*v) as usize, i);
            }
        }
        dense(digicat_status::ALL, |v| v as u32);
        dense(digicat_reason::ALL, |v| v as u32);
        dense(digicat_evidence_kind::ALL, |v| v as u32);
        dense(digicat_relation::ALL, |v| v as u32);
        dense(digicat_policy::ALL, |v| v as u32);
        dense(digicat_edition::ALL, |v| v as u32);
        dense(digicat_lang::ALL, |v| v as u32);
        for f in [
            digicat_status_name,
            digicat_reason_name,
            digicat_evidence_kind_name,
            digicat_relation_name,
            digicat_policy_name,
            digicat_edition_name,
        ] {
            assert_eq!(f(99).len, 0);
            assert_eq!(f(u32::MAX).len, 0);
        }
    }
}
