//! `digicat_classify` and its two handles: the classification and the code error.

use crate::catalogue::{digicat_industry, digicat_row};
use crate::enums::{
    digicat_edition, digicat_evidence_kind, digicat_lang, digicat_policy, digicat_reason,
    digicat_relation, digicat_status,
};
use crate::{digicat_rc, digicat_str, guard, guard_value, input, put, write_message};
use engine::{Classification, CodeError, Options};
use std::ffi::c_char;
use std::ptr;

/// Options of `digicat_classify`. A zero-initialised struct (`digicat_options o = {0};`) holds
/// the defaults, as does passing NULL.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct digicat_options {
    /// A `digicat_policy` value; default `DIGICAT_POLICY_STANDARD` (0).
    pub policy: u32,
    /// A `digicat_edition` value; default `DIGICAT_EDITION_AUTO` (0).
    pub edition: u32,
}

/// A classification (opaque). Stands for a `Box<digicat::Classification>`.
///
/// Made by `digicat_classify`, read with the `digicat_result_*` functions, freed with
/// `digicat_result_free`. Immutable: several threads may read one result at once. Everything
/// read from it is static or copied out, so nothing obtained from a result dangles after it is
/// freed; only the handle itself must not be used again.
pub struct digicat_result {
    _private: [u8; 0],
}

/// Why a code field could not be read (opaque). Stands for a `Box<digicat::CodeError>`.
///
/// Made by `digicat_classify` and `digicat_gbt_name` when the caller asks for it, read with
/// `digicat_code_error_kind` and `digicat_code_error_message`, freed with
/// `digicat_code_error_free`. Immutable: several threads may read one at once.
pub struct digicat_code_error {
    _private: [u8; 0],
}

/// One piece of evidence: a catalogue term found in the text. Plain data, copied out by
/// `digicat_result_evidence`; it owns nothing.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct digicat_evidence {
    /// Product, alias, scope phrase or class name.
    pub kind: digicat_evidence_kind,
    /// For scope phrases: equivalent or broader; otherwise `DIGICAT_RELATION_NONE`.
    pub relation: digicat_relation,
    /// Byte offset of the match in the text given to `digicat_classify`.
    pub start: usize,
    /// Byte offset just past the match (`end - start` is the matched length in bytes).
    pub end: usize,
    /// The catalogue term as written in the catalogue (static memory).
    pub text: digicat_str,
    /// The catalogue row it is evidence for (static memory, never NULL).
    pub row: *const digicat_row,
}

/// Hands a value to C as an opaque handle.
pub(crate) fn into_handle<T, H>(value: T) -> *mut H {
    Box::into_raw(Box::new(value)).cast()
}

/// Borrows the value behind a handle made by [`into_handle`].
///
/// # Safety
/// `handle` must be NULL or a live handle made by [`into_handle`] with the same `T`.
pub(crate) unsafe fn borrow<'a, T, H>(handle: *const H) -> Result<&'a T, digicat_rc> {
    // SAFETY: NULL gives `None`; otherwise the caller guarantees a live `Box<T>` allocation.
    unsafe { handle.cast::<T>().as_ref() }.ok_or(digicat_rc::NullParameter)
}

/// Frees a handle made by [`into_handle`].
///
/// # Safety
/// `handle` must be NULL or a live handle made by [`into_handle`] with the same `T`, not used
/// afterwards.
pub(crate) unsafe fn free_handle<T, H>(handle: *mut H) {
    if !handle.is_null() {
        // SAFETY: the caller guarantees `handle` came from `Box::into_raw` of a `Box<T>` and is
        // given up here.
        drop(unsafe { Box::from_raw(handle.cast::<T>()) });
    }
}

/// Classifies one record: an industry-code field and a text (经营范围 or product list), with the
/// same engine and rules as every other digicat surface.
///
/// - `code`, `code_len`: the code field in any accepted form (`6513`, `6513*`, `I6513`,
///   `６５１３`, `651`, a GB/T 4754-2017 小类 name, `I6513 应用软件开发`). UTF-8, exactly
///   `code_len` bytes are read (no NUL terminator needed; a NUL byte is an ordinary, invalid
///   code character). NULL with `code_len` 0, an empty or a blank field: no code.
/// - `text`, `text_len`: the text, UTF-8, `text_len` bytes (NUL bytes are ordinary characters).
///   NULL with `text_len` 0 or empty: no text. Evidence spans are byte offsets into it.
/// - `options`: NULL for the defaults (standard policy, auto edition).
/// - `result_out`: receives the new result, owned by the caller, to be freed with
///   `digicat_result_free`. Set to NULL first, so it is NULL whenever the call fails.
/// - `error_out`: NULL if not wanted; else set to NULL first, and on `DIGICAT_RC_INVALID_CODE`
///   receives a new `digicat_code_error` owned by the caller (free it with
///   `digicat_code_error_free`). No state is kept between calls: there is no "last error".
///
/// Returns `DIGICAT_RC_OK`; `DIGICAT_RC_INVALID_CODE` when the code field cannot be read (a
/// batch records the row as status `invalid` with the error's kind); `DIGICAT_RC_NULL_PARAMETER`
/// (`result_out` NULL, or a string NULL with a nonzero length); `DIGICAT_RC_INVALID_UTF8`;
/// `DIGICAT_RC_INVALID_LENGTH`; `DIGICAT_RC_INVALID_OPTION` (an option value out of range);
/// `DIGICAT_RC_PANIC`.
///
/// # Safety
/// `code` and `text` must be NULL or point to `code_len` / `text_len` readable bytes, unchanged
/// during the call; `options` NULL or pointing to a `digicat_options`; `result_out` and
/// `error_out` NULL or pointing to writable pointers. Thread-safe: any number of calls may run
/// at once; the inputs are only read during the call and not kept.
#[no_mangle]
pub unsafe extern "C" fn digicat_classify(
    code: *const c_char,
    code_len: usize,
    text: *const c_char,
    text_len: usize,
    options: *const digicat_options,
    result_out: *mut *mut digicat_result,
    error_out: *mut *mut digicat_code_error,
) -> digicat_rc {
    guard(|| {
        // SAFETY: NULL is rejected by `put`; otherwise the caller guarantees it is writable.
        unsafe { put(result_out, ptr::null_mut()) }?;
        // SAFETY: forwarded from this function's contract.
        unsafe { clear_error(error_out) };
        // SAFETY: forwarded from this function's contract.
        let options = unsafe { read_options(options) }?;
        // SAFETY: forwarded from this function's contract.
        let code = unsafe { input(code, code_len) }?;
        // SAFETY: forwarded from this function's contract.
        let text = unsafe { input(text, text_len) }?;
        // Empty fields are absent for the engine too.
        match engine::classify(Some(code), Some(text), &options) {
            Ok(c) => {
                // SAFETY: checked writable by `put` above.
                unsafe { result_out.write(into_handle::<Classification, _>(c)) };
                Ok(())
            }
            Err(e) => {
                // SAFETY: forwarded from this function's contract.
                unsafe { give_error(error_out, e) };
                Err(digicat_rc::InvalidCode)
            }
        }
    })
}

/// The engine's options from a `digicat_options` (NULL: the defaults).
///
/// # Safety
/// `options` must be NULL or point to a readable `digicat_options`.
pub(crate) unsafe fn read_options(options: *const digicat_options) -> Result<Options, digicat_rc> {
    // SAFETY: NULL gives `None`; otherwise the caller guarantees a readable struct.
    let raw = unsafe { options.as_ref() }.copied().unwrap_or_default();
    Ok(Options {
        policy: digicat_policy::from_raw(raw.policy)
            .ok_or(digicat_rc::InvalidOption)?
            .into(),
        edition: digicat_edition::from_raw(raw.edition)
            .ok_or(digicat_rc::InvalidOption)?
            .into(),
    })
}

/// Frees a result made by `digicat_classify`. NULL is a no-op. Must not be called twice for the
/// same result, nor while another thread still reads it; afterwards the handle must not be
/// used. Strings, industries, rows and evidence read from it stay valid (they are static or
/// copied).
///
/// # Safety
/// `result` must be NULL or a live result from `digicat_classify`.
#[no_mangle]
pub unsafe extern "C" fn digicat_result_free(result: *mut digicat_result) {
    // SAFETY: forwarded from this function's contract.
    guard_value((), || unsafe { free_handle::<Classification, _>(result) });
}

/// Borrows the classification behind a result handle.
///
/// # Safety
/// `result` must be NULL or a live result.
pub(crate) unsafe fn classification<'a>(
    result: *const digicat_result,
) -> Result<&'a Classification, digicat_rc> {
    // SAFETY: forwarded from the caller.
    unsafe { borrow::<Classification, _>(result) }
}

/// Writes the result's status (`DIGICAT_STATUS_IN_SCOPE`, `_NEEDS_REVIEW` or `_OUT_OF_SCOPE`)
/// into `*status_out`; `digicat_status_name` gives its stable name.
///
/// Returns `DIGICAT_RC_OK`, or `DIGICAT_RC_NULL_PARAMETER` when `result` or `status_out` is
/// NULL (then nothing is written).
///
/// # Safety
/// `result` must be NULL or a live result; `status_out` NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_result_status(
    result: *const digicat_result,
    status_out: *mut digicat_status,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let c = unsafe { classification(result) }?;
        // SAFETY: forwarded from this function's contract.
        unsafe { put(status_out, c.status.into()) }
    })
}

/// Writes the result's reason into `*reason_out`; `digicat_reason_name` gives its stable name.
///
/// Returns `DIGICAT_RC_OK`, or `DIGICAT_RC_NULL_PARAMETER` when `result` or `reason_out` is
/// NULL (then nothing is written).
///
/// # Safety
/// `result` must be NULL or a live result; `reason_out` NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_result_reason(
    result: *const digicat_result,
    reason_out: *mut digicat_reason,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let c = unsafe { classification(result) }?;
        // SAFETY: forwarded from this function's contract.
        unsafe { put(reason_out, c.reason.into()) }
    })
}

/// Number of industries of the result (for in_scope: the industries; for needs_review: the
/// candidates; sorted by id). 0 when `result` is NULL.
///
/// # Safety
/// `result` must be NULL or a live result. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_result_industry_count(result: *const digicat_result) -> usize {
    guard_value(0, || {
        // SAFETY: forwarded from this function's contract.
        let c = unsafe { classification(result) };
        c.map_or(0, |c| c.industries.len())
    })
}

/// Writes the industry at `index` (0-based, below `digicat_result_industry_count`) into
/// `*industry_out`: a pointer into static memory, never freed, valid after the result is freed.
///
/// Returns `DIGICAT_RC_OK`; `DIGICAT_RC_OUT_OF_RANGE`; `DIGICAT_RC_NULL_PARAMETER` when
/// `result` or `industry_out` is NULL. `*industry_out` is written only on success.
///
/// # Safety
/// `result` must be NULL or a live result; `industry_out` NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_result_industry(
    result: *const digicat_result,
    index: usize,
    industry_out: *mut *const digicat_industry,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let c = unsafe { classification(result) }?;
        if industry_out.is_null() {
            return Err(digicat_rc::NullParameter);
        }
        let industry = c.industries.get(index).ok_or(digicat_rc::OutOfRange)?;
        // SAFETY: forwarded from this function's contract.
        unsafe { put(industry_out, digicat_industry::of(industry)) }
    })
}

/// Number of catalogue rows behind the result's industries (table order). 0 when `result` is
/// NULL.
///
/// # Safety
/// `result` must be NULL or a live result. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_result_row_count(result: *const digicat_result) -> usize {
    guard_value(0, || {
        // SAFETY: forwarded from this function's contract.
        let c = unsafe { classification(result) };
        c.map_or(0, |c| c.rows.len())
    })
}

/// Writes the row at `index` (below `digicat_result_row_count`) into `*row_out`: a pointer into
/// static memory, never freed, valid after the result is freed.
///
/// Returns as `digicat_result_industry` does.
///
/// # Safety
/// `result` must be NULL or a live result; `row_out` NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_result_row(
    result: *const digicat_result,
    index: usize,
    row_out: *mut *const digicat_row,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let c = unsafe { classification(result) }?;
        if row_out.is_null() {
            return Err(digicat_rc::NullParameter);
        }
        let row = c.rows.get(index).ok_or(digicat_rc::OutOfRange)?;
        // SAFETY: forwarded from this function's contract.
        unsafe { put(row_out, digicat_row::of(row)) }
    })
}

/// Number of evidence items: every catalogue term found in the text (admitted by the policy),
/// in text order; a match naming several rows gives one item per row. 0 when `result` is NULL.
/// This is the engine's whole text match (`digicat::find_terms(text, policy)`), whatever the
/// code: to match a text alone, classify it with no code (the API has no separate function).
///
/// # Safety
/// `result` must be NULL or a live result. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_result_evidence_count(result: *const digicat_result) -> usize {
    guard_value(0, || {
        // SAFETY: forwarded from this function's contract.
        let c = unsafe { classification(result) };
        c.map_or(0, |c| c.evidence.len())
    })
}

/// Copies the evidence item at `index` (below `digicat_result_evidence_count`) into
/// `*evidence_out`. The copy owns nothing; its text and row are static.
///
/// Returns as `digicat_result_industry` does.
///
/// # Safety
/// `result` must be NULL or a live result; `evidence_out` NULL or pointing to a writable
/// `digicat_evidence`. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_result_evidence(
    result: *const digicat_result,
    index: usize,
    evidence_out: *mut digicat_evidence,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let c = unsafe { classification(result) }?;
        if evidence_out.is_null() {
            return Err(digicat_rc::NullParameter);
        }
        let e = c.evidence.get(index).ok_or(digicat_rc::OutOfRange)?;
        let evidence = digicat_evidence {
            kind: e.kind().into(),
            relation: e.relation().into(),
            start: e.start,
            end: e.end,
            text: digicat_str::from_static(e.text()),
            row: digicat_row::of(e.row()),
        };
        // SAFETY: forwarded from this function's contract.
        unsafe { put(evidence_out, evidence) }
    })
}

/// Frees a code error. NULL is a no-op. Must not be called twice for the same error, nor while
/// another thread still reads it.
///
/// # Safety
/// `error` must be NULL or a live error from this library.
#[no_mangle]
pub unsafe extern "C" fn digicat_code_error_free(error: *mut digicat_code_error) {
    // SAFETY: forwarded from this function's contract.
    guard_value((), || unsafe { free_handle::<CodeError, _>(error) });
}

/// Stable snake_case kind of a code error: `empty_code`, `malformed_code`, `section_mismatch`,
/// `unknown_code`, `unknown_class_name`, `code_name_mismatch`, `hierarchy_mismatch`,
/// `text_too_long` or `invalid_option` (batch surfaces report it as the reason of an `invalid` row). The empty string when `error` is NULL.
///
/// Static memory, nothing to free; valid after the error is freed.
///
/// # Safety
/// `error` must be NULL or a live error. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_code_error_kind(error: *const digicat_code_error) -> digicat_str {
    guard_value(digicat_str::empty(), || {
        // SAFETY: forwarded from this function's contract.
        unsafe { code_error(error) }.map_or_else(
            |_| digicat_str::empty(),
            |e| digicat_str::from_static(e.kind()),
        )
    })
}

/// Writes the error's message (English and Chinese; it quotes the input) into `buf`, a
/// caller-owned buffer of `len` bytes, NUL-terminated, exactly as `digicat_rc_message` does:
/// `DIGICAT_RC_OK` when it fit, `DIGICAT_RC_BUFFER_TOO_SMALL` when truncated, and `*out_n` (when
/// `out_n` is not NULL) the full length without the NUL. `DIGICAT_RC_NULL_PARAMETER` when
/// `error` is NULL, or `buf` is NULL with `len > 0`.
///
/// # Safety
/// `error` must be NULL or a live error; `buf` NULL or pointing to `len` writable bytes;
/// `out_n` NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_code_error_message(
    error: *const digicat_code_error,
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let e = unsafe { code_error(error) }?;
        // SAFETY: forwarded from this function's contract.
        unsafe { write_message(&e.to_string(), buf, len, out_n) }
    })
}

/// Writes the error's message in `lang` (a `digicat_lang` value) into `buf`, as
/// `digicat_code_error_message` does: `DIGICAT_LANG_EN` gives the same message as that
/// function, `DIGICAT_LANG_ZH` the Chinese one (`行业代码格式错误：“65a3”应为 2 至 4 位数字…`),
/// both from the core's `CodeError::message`, exactly as the CLI's `--lang` and Python's `lang=`
/// write them. Returns as `digicat_code_error_message` does, and `DIGICAT_RC_INVALID_OPTION`
/// when `lang` is no `digicat_lang` (checked after `error`).
///
/// # Safety
/// `error` must be NULL or a live error; `buf` NULL or pointing to `len` writable bytes;
/// `out_n` NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_code_error_message_lang(
    error: *const digicat_code_error,
    lang: u32,
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let e = unsafe { code_error(error) }?;
        let lang = digicat_lang::from_raw(lang).ok_or(digicat_rc::InvalidOption)?;
        // SAFETY: forwarded from this function's contract.
        unsafe { write_message(&e.message(lang.into()), buf, len, out_n) }
    })
}

/// Borrows the error behind a code error handle.
///
/// # Safety
/// `error` must be NULL or a live code error.
pub(crate) unsafe fn code_error<'a>(
    error: *const digicat_code_error,
) -> Result<&'a CodeError, digicat_rc> {
    // SAFETY: forwarded from the caller.
    unsafe { borrow::<CodeError, _>(error) }
}

/// Hands a code error to C when asked for (`error_out` not NULL).
///
/// # Safety
/// `error_out` must be NULL or writable.
pub(crate) unsafe fn give_error(error_out: *mut *mut digicat_code_error, error: CodeError) {
    if !error_out.is_null() {
        // SAFETY: not NULL; the caller guarantees it is writable.
        unsafe { error_out.write(into_handle::<CodeError, _>(error)) };
    }
}

/// Sets an optional error out-parameter to NULL.
///
/// # Safety
/// `error_out` must be NULL or writable.
pub(crate) unsafe fn clear_error(error_out: *mut *mut digicat_code_error) {
    if !error_out.is_null() {
        // SAFETY: not NULL; the caller guarantees it is writable.
        unsafe { error_out.write(ptr::null_mut()) };
    }
}
