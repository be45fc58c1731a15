//! The static catalogue: industries, rows, products, GB/T 4754-2017 names and versions.
//!
//! Catalogue handles point straight at the core's static tables. A handle passed back in is
//! checked against those tables before use (plain address arithmetic, no dereference), so a
//! pointer that did not come from this library is treated like NULL instead of being read.

use crate::classify::{clear_error, digicat_code_error, give_error};
use crate::{digicat_rc, digicat_str, guard, guard_value, input, put};
use engine::{Code, Industry, Product, Row};
use std::ffi::c_char;
use std::mem::size_of;
use std::ptr;

/// One of the 9 industries (opaque). Stands for a `&'static digicat::Industry`: static memory,
/// never freed, valid for the life of the process, readable from any thread.
pub struct digicat_industry {
    _private: [u8; 0],
}

/// One of the catalogue's rows (opaque). Stands for a `&'static digicat::Row`: static memory,
/// never freed, valid for the life of the process, readable from any thread.
pub struct digicat_row {
    _private: [u8; 0],
}

/// A listed product or service (opaque). Stands for a `&'static digicat::Product`: static
/// memory, never freed, valid for the life of the process, readable from any thread.
pub struct digicat_product {
    _private: [u8; 0],
}

/// The catalogue document's metadata; every field is static memory.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct digicat_meta {
    /// Title of the catalogue (附件 title),
    /// `东莞市数字产业集聚试点园区重点发展产业、产品和服务目录表（试行）`.
    pub title: digicat_str,
    /// Document number, `东工信〔2019〕160号`.
    pub document: digicat_str,
    /// Issuing authority.
    pub issuer: digicat_str,
    /// Date of issue, `2019-07-30`.
    pub date: digicat_str,
    /// Status of the catalogue, `试行`.
    pub status: digicat_str,
    /// Edition of the industry classification, `GB/T 4754-2017`.
    pub edition: digicat_str,
    /// Version of the embedded data (as `digicat_catalogue_version`).
    pub version: digicat_str,
}

/// The element of `all` that `p` points at, if it points exactly at one (no dereference).
fn element<T, H>(all: &'static [T], p: *const H) -> Option<&'static T> {
    let offset = (p as usize).checked_sub(all.as_ptr() as usize)?;
    if size_of::<T>() == 0 || offset % size_of::<T>() != 0 {
        return None;
    }
    all.get(offset / size_of::<T>())
}

impl digicat_industry {
    /// The handle of a static industry.
    pub(crate) fn of(industry: &'static Industry) -> *const digicat_industry {
        (industry as *const Industry).cast()
    }
    fn get(p: *const digicat_industry) -> Option<&'static Industry> {
        element(engine::industries(), p)
    }
}

impl digicat_row {
    /// The handle of a static row.
    pub(crate) fn of(row: &'static Row) -> *const digicat_row {
        (row as *const Row).cast()
    }
    fn get(p: *const digicat_row) -> Option<&'static Row> {
        element(engine::rows(), p)
    }
}

impl digicat_product {
    /// The handle of a static product.
    pub(crate) fn of(product: &'static Product) -> *const digicat_product {
        (product as *const Product).cast()
    }
    fn get(p: *const digicat_product) -> Option<&'static Product> {
        element(engine::products(), p)
    }
}

/// Writes `all[index]`'s handle through `out`.
///
/// # Safety
/// `out` must be NULL or writable.
unsafe fn get_at<T, H>(
    all: &'static [T],
    index: usize,
    out: *mut *const H,
    handle: fn(&'static T) -> *const H,
) -> Result<(), digicat_rc> {
    if out.is_null() {
        return Err(digicat_rc::NullParameter);
    }
    let item = all.get(index).ok_or(digicat_rc::OutOfRange)?;
    // SAFETY: forwarded from the caller.
    unsafe { put(out, handle(item)) }
}

/// Number of industries in the catalogue (9). Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_industry_count() -> usize {
    guard_value(0, || engine::industries().len())
}

/// Writes the industry at `index` (0-based, below `digicat_industry_count`; industry ids are
/// `index + 1`) into `*industry_out`: static memory, never freed.
///
/// Returns `DIGICAT_RC_OK`, `DIGICAT_RC_OUT_OF_RANGE`, or `DIGICAT_RC_NULL_PARAMETER` when
/// `industry_out` is NULL. `*industry_out` is written only on success.
///
/// # Safety
/// `industry_out` must be NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_industry_get(
    index: usize,
    industry_out: *mut *const digicat_industry,
) -> digicat_rc {
    // SAFETY: forwarded from this function's contract.
    guard(|| unsafe {
        get_at(
            engine::industries(),
            index,
            industry_out,
            digicat_industry::of,
        )
    })
}

/// Industry number, 1–9; 0 when `industry` is NULL (or not an industry of this library).
/// Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_industry_id(industry: *const digicat_industry) -> u8 {
    guard_value(0, || {
        digicat_industry::get(industry).map_or(0, Industry::id)
    })
}

/// Official name of the industry, e.g. `人工智能软件开发`; empty when `industry` is NULL (or not
/// an industry of this library). Static memory, nothing to free. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_industry_name(industry: *const digicat_industry) -> digicat_str {
    guard_value(digicat_str::empty(), || {
        digicat_industry::get(industry)
            .map_or_else(digicat_str::empty, |i| digicat_str::from_static(i.name()))
    })
}

/// Number (1 or 2) of the category (产业分类) the industry belongs to; 0 when `industry` is
/// NULL (or not an industry of this library). Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_industry_category_id(industry: *const digicat_industry) -> u8 {
    guard_value(0, || {
        digicat_industry::get(industry).map_or(0, |i| i.category().id())
    })
}

/// Official name of the industry's category, e.g. `一、新兴软件和新型信息技术服务`; empty when
/// `industry` is NULL (or not an industry of this library). Static memory, nothing to free.
/// Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_industry_category_name(industry: *const digicat_industry) -> digicat_str {
    guard_value(digicat_str::empty(), || {
        digicat_industry::get(industry).map_or_else(digicat_str::empty, |i| {
            digicat_str::from_static(i.category().name())
        })
    })
}

/// Number of rows in the catalogue table. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_row_count() -> usize {
    guard_value(0, || engine::rows().len())
}

/// Writes the row at `index` (0-based, table order, below `digicat_row_count`) into
/// `*row_out`: static memory, never freed.
///
/// Returns `DIGICAT_RC_OK`, `DIGICAT_RC_OUT_OF_RANGE`, or `DIGICAT_RC_NULL_PARAMETER` when
/// `row_out` is NULL. `*row_out` is written only on success.
///
/// # Safety
/// `row_out` must be NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_row_get(
    index: usize,
    row_out: *mut *const digicat_row,
) -> digicat_rc {
    // SAFETY: forwarded from this function's contract.
    guard(|| unsafe { get_at(engine::rows(), index, row_out, digicat_row::of) })
}

/// Finds the row with the printed id `id` (e.g. `3.2`; `len` bytes of UTF-8) and writes it into
/// `*row_out`: static memory, never freed.
///
/// Returns `DIGICAT_RC_OK`; `DIGICAT_RC_NOT_FOUND` (also for the empty id, which NULL with
/// `len` 0 is); `DIGICAT_RC_NULL_PARAMETER` when `row_out` is NULL or `id` is NULL with
/// `len > 0`; `DIGICAT_RC_INVALID_UTF8`; `DIGICAT_RC_INVALID_LENGTH`. `*row_out` is written
/// only on success.
///
/// # Safety
/// `id` must be NULL or point to `len` readable bytes; `row_out` NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_row_find(
    id: *const c_char,
    len: usize,
    row_out: *mut *const digicat_row,
) -> digicat_rc {
    guard(|| {
        if row_out.is_null() {
            return Err(digicat_rc::NullParameter);
        }
        // SAFETY: forwarded from this function's contract.
        let id = unsafe { input(id, len) }?;
        let row = engine::row(id).ok_or(digicat_rc::NotFound)?;
        // SAFETY: forwarded from this function's contract.
        unsafe { put(row_out, digicat_row::of(row)) }
    })
}

/// Row number as printed, e.g. `3.2`; empty when `row` is NULL (or not a row of this library).
/// Static memory, nothing to free. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_row_id(row: *const digicat_row) -> digicat_str {
    guard_value(digicat_str::empty(), || {
        digicat_row::get(row).map_or_else(digicat_str::empty, |r| digicat_str::from_static(r.id()))
    })
}

/// Official 行业名称 of the row, e.g. `应用软件开发`; empty when `row` is NULL (or not a row of
/// this library). Static memory, nothing to free. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_row_name(row: *const digicat_row) -> digicat_str {
    guard_value(digicat_str::empty(), || {
        digicat_row::get(row)
            .map_or_else(digicat_str::empty, |r| digicat_str::from_static(r.name()))
    })
}

/// The row's GB/T 4754-2017 小类 as a number, e.g. 6513 (always 4 digits: print with `%04u`);
/// 0 when `row` is NULL (or not a row of this library). Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_row_code(row: *const digicat_row) -> u16 {
    guard_value(0, || digicat_row::get(row).map_or(0, |r| r.code().value()))
}

/// `true` when the row's code is printed with `*` (only the listed products count); `false`
/// when the whole 小类 counts, or when `row` is NULL (or not a row of this library).
/// Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_row_is_partial(row: *const digicat_row) -> bool {
    guard_value(false, || digicat_row::get(row).is_some_and(Row::is_partial))
}

/// `true` for a row the notice's table does not print but its own counts require (4.7 呼叫中心
/// 6591*): starred, with no products because they are not published, so a record with its code
/// is `DIGICAT_REASON_PRODUCTS_NOT_PUBLISHED`; `digicat_row_note` says why. `false` for a
/// printed row, or when `row` is NULL (or not a row of this library). Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_row_is_inferred(row: *const digicat_row) -> bool {
    guard_value(false, || {
        digicat_row::get(row).is_some_and(Row::is_inferred)
    })
}

/// Why an inferred row is there and what is missing (UTF-8, bilingual); empty for a printed row
/// and when `row` is NULL (or not a row of this library). Static memory, nothing to free.
/// Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_row_note(row: *const digicat_row) -> digicat_str {
    guard_value(digicat_str::empty(), || {
        digicat_row::get(row)
            .and_then(Row::note)
            .map_or_else(digicat_str::empty, digicat_str::from_static)
    })
}

/// The industry the row belongs to (static memory); NULL when `row` is NULL (or not a row of
/// this library). Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_row_industry(row: *const digicat_row) -> *const digicat_industry {
    guard_value(ptr::null(), || {
        digicat_row::get(row).map_or(ptr::null(), |r| digicat_industry::of(r.industry()))
    })
}

/// Number of key products listed for the row (0 for whole-class rows, for an inferred row whose
/// products are not published, and when `row` is NULL or not a row of this library). Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_row_product_count(row: *const digicat_row) -> usize {
    guard_value(0, || {
        digicat_row::get(row).map_or(0, |r| r.products().len())
    })
}

/// Writes the row's product at `index` (table order, below `digicat_row_product_count`) into
/// `*product_out`: static memory, never freed.
///
/// Returns `DIGICAT_RC_OK`, `DIGICAT_RC_OUT_OF_RANGE`, or `DIGICAT_RC_NULL_PARAMETER` when
/// `row` (or a pointer that is not a row of this library) or `product_out` is NULL.
/// `*product_out` is written only on success.
///
/// # Safety
/// `product_out` must be NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_row_product(
    row: *const digicat_row,
    index: usize,
    product_out: *mut *const digicat_product,
) -> digicat_rc {
    guard(|| {
        let row = digicat_row::get(row).ok_or(digicat_rc::NullParameter)?;
        // SAFETY: forwarded from this function's contract.
        unsafe { get_at(row.products(), index, product_out, digicat_product::of) }
    })
}

/// Number of listed products in the whole catalogue. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_product_count() -> usize {
    guard_value(0, || engine::products().len())
}

/// Writes the product at `index` (grouped by row in table order, below `digicat_product_count`)
/// into `*product_out`: static memory, never freed.
///
/// Returns `DIGICAT_RC_OK`, `DIGICAT_RC_OUT_OF_RANGE`, or `DIGICAT_RC_NULL_PARAMETER` when
/// `product_out` is NULL. `*product_out` is written only on success.
///
/// # Safety
/// `product_out` must be NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_product_get(
    index: usize,
    product_out: *mut *const digicat_product,
) -> digicat_rc {
    // SAFETY: forwarded from this function's contract.
    guard(|| unsafe { get_at(engine::products(), index, product_out, digicat_product::of) })
}

/// The product's printed name, e.g. `计算机视听觉软件`; empty when `product` is NULL (or not a
/// product of this library). Static memory, nothing to free. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_product_name(product: *const digicat_product) -> digicat_str {
    guard_value(digicat_str::empty(), || {
        digicat_product::get(product)
            .map_or_else(digicat_str::empty, |p| digicat_str::from_static(p.name()))
    })
}

/// The explanation printed in brackets after the product's name; empty when it has none, or
/// when `product` is NULL (or not a product of this library). Static memory, nothing to free.
/// Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_product_note(product: *const digicat_product) -> digicat_str {
    guard_value(digicat_str::empty(), || {
        digicat_product::get(product)
            .and_then(Product::note)
            .map_or_else(digicat_str::empty, digicat_str::from_static)
    })
}

/// The row that lists the product (static memory); NULL when `product` is NULL (or not a
/// product of this library). Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_product_row(product: *const digicat_product) -> *const digicat_row {
    guard_value(ptr::null(), || {
        digicat_product::get(product).map_or(ptr::null(), |p| digicat_row::of(p.row()))
    })
}

/// Writes the official GB/T 4754-2017 name of a code (`6513` → `应用软件开发`, `651` → `软件开发`,
/// `65`, `I`-prefixed and full-width forms accepted; `len` bytes of UTF-8) into `*name_out`:
/// static memory, nothing to free.
///
/// Returns `DIGICAT_RC_OK`; `DIGICAT_RC_NOT_FOUND` for a well-formed code that is not in GB/T
/// 4754-2017; `DIGICAT_RC_INVALID_CODE` when `code` is not a code (the empty code included;
/// then `*error_out`, if `error_out` is not NULL, receives a `digicat_code_error` owned by the
/// caller, to be freed with `digicat_code_error_free`); `DIGICAT_RC_NULL_PARAMETER` when
/// `name_out` is NULL or `code` is NULL with `len > 0`; `DIGICAT_RC_INVALID_UTF8`;
/// `DIGICAT_RC_INVALID_LENGTH`. `*name_out` is written only on success; `*error_out` is set to
/// NULL first.
///
/// # Safety
/// `code` must be NULL or point to `len` readable bytes; `name_out` and `error_out` NULL or
/// writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_gbt_name(
    code: *const c_char,
    len: usize,
    name_out: *mut digicat_str,
    error_out: *mut *mut digicat_code_error,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        unsafe { clear_error(error_out) };
        if name_out.is_null() {
            return Err(digicat_rc::NullParameter);
        }
        // SAFETY: forwarded from this function's contract.
        let code = unsafe { input(code, len) }?;
        let code = match Code::parse(code) {
            Ok(code) => code,
            Err(e) => {
                // SAFETY: forwarded from this function's contract.
                unsafe { give_error(error_out, e) };
                return Err(digicat_rc::InvalidCode);
            }
        };
        let name = code.name().ok_or(digicat_rc::NotFound)?;
        // SAFETY: forwarded from this function's contract.
        unsafe { put(name_out, digicat_str::from_static(name)) }
    })
}

/// Version of the embedded catalogue data, `YYYY-MM-DD+xxxxxxxx` (the notice's date and a
/// fingerprint of the data). Static memory, nothing to free. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_catalogue_version() -> digicat_str {
    guard_value(digicat_str::empty(), || {
        digicat_str::from_static(engine::CATALOGUE_VERSION)
    })
}

/// The catalogue document's metadata, returned by value; all its strings are static memory.
/// Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_catalogue_meta() -> digicat_meta {
    let empty = digicat_str::empty();
    let fallback = digicat_meta {
        title: empty,
        document: empty,
        issuer: empty,
        date: empty,
        status: empty,
        edition: empty,
        version: empty,
    };
    guard_value(fallback, || {
        let m = engine::meta();
        digicat_meta {
            title: digicat_str::from_static(m.title()),
            document: digicat_str::from_static(m.document()),
            issuer: digicat_str::from_static(m.issuer()),
            date: digicat_str::from_static(m.date()),
            status: digicat_str::from_static(m.status()),
            edition: digicat_str::from_static(m.edition()),
            version: digicat_str::from_static(m.version()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_checked_against_the_tables() {
        let rows = engine::rows();
        for r in rows {
            assert!(std::ptr::eq(
                digicat_row::get(digicat_row::of(r)).unwrap(),
                r
            ));
        }
        let first = digicat_row::of(&rows[0]).cast::<u8>();
        // One byte in, one past the end, before the start, and a pointer into another table.
        assert!(digicat_row::get(first.wrapping_add(1).cast()).is_none());
        assert!(digicat_row::get(
            digicat_row::of(&rows[rows.len() - 1])
                .cast::<Row>()
                .wrapping_add(1)
                .cast()
        )
        .is_none());
        assert!(digicat_row::get(first.wrapping_sub(size_of::<Row>()).cast()).is_none());
        assert!(digicat_row::get(digicat_industry::of(&engine::industries()[0]).cast()).is_none());
        assert!(digicat_industry::get(ptr::null()).is_none());
        assert_eq!(digicat_industry_id(ptr::null()), 0);
        assert_eq!(digicat_row_name(first.wrapping_add(3).cast()).len, 0);
    }
}
