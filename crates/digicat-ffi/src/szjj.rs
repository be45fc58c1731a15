//! `szjj-2021` (《数字经济及其核心产业统计分类（2021）》, 国家统计局令第33号): the second catalogue,
//! chosen by calling `digicat_szjj_classify` instead of `digicat_classify`. Same options, status,
//! reason and error handles; its answer units are 小类 codes (`030304`), read through the batch
//! columns (`digicat_szjj_result_report_field`) and the evidence.

use crate::classify::{
    borrow, clear_error, digicat_code_error, digicat_options, free_handle, give_error, into_handle,
    read_options,
};
use crate::enums::{digicat_evidence_kind, digicat_lang, digicat_reason, digicat_status};
use crate::{digicat_rc, digicat_str, guard, guard_value, input, put, write_message};
use engine::{report, szjj};
use std::ffi::c_char;
use std::ptr;

/// A `szjj-2021` classification (opaque). Stands for a `Box<digicat::szjj::Classification>`.
///
/// Made by `digicat_szjj_classify`, read with the `digicat_szjj_result_*` functions, freed with
/// `digicat_szjj_result_free`. Immutable: several threads may read one at once.
pub struct digicat_szjj_result {
    _private: [u8; 0],
}

/// One piece of `szjj-2021` evidence: a reviewed 说明 term (`DIGICAT_EVIDENCE_KIND_PRODUCT`) or
/// the GB/T name of a whole class (`DIGICAT_EVIDENCE_KIND_CLASS_NAME`) found in the text. Plain
/// data; it owns nothing.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct digicat_szjj_evidence {
    /// Product (a 说明 term) or class name.
    pub kind: digicat_evidence_kind,
    /// Byte offset of the match in the text given to `digicat_szjj_classify`.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// The term as written in the data (static memory).
    pub text: digicat_str,
    /// The 小类 code it is evidence for, e.g. `030307` (static memory).
    pub class_code: digicat_str,
}

/// Classifies one record against `szjj-2021`: the same arguments, return codes and contract as
/// `digicat_classify` (the code field is read the same way; `options` NULL for the defaults),
/// but the result is a `digicat_szjj_result` (free it with `digicat_szjj_result_free`).
///
/// # Safety
/// As `digicat_classify`.
#[no_mangle]
pub unsafe extern "C" fn digicat_szjj_classify(
    code: *const c_char,
    code_len: usize,
    text: *const c_char,
    text_len: usize,
    options: *const digicat_options,
    result_out: *mut *mut digicat_szjj_result,
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
        match szjj::classify(Some(code), Some(text), &options) {
            Ok(c) => {
                // SAFETY: checked writable by `put` above.
                unsafe { result_out.write(into_handle::<szjj::Classification, _>(c)) };
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

/// Frees a result made by `digicat_szjj_classify`. NULL is a no-op; never twice.
///
/// # Safety
/// `result` must be NULL or a live result from `digicat_szjj_classify`.
#[no_mangle]
pub unsafe extern "C" fn digicat_szjj_result_free(result: *mut digicat_szjj_result) {
    // SAFETY: forwarded from this function's contract.
    guard_value((), || unsafe {
        free_handle::<szjj::Classification, _>(result)
    });
}

/// Borrows the classification behind a `szjj-2021` result handle.
///
/// # Safety
/// `result` must be NULL or a live result.
unsafe fn szjj_classification<'a>(
    result: *const digicat_szjj_result,
) -> Result<&'a szjj::Classification, digicat_rc> {
    // SAFETY: forwarded from the caller.
    unsafe { borrow::<szjj::Classification, _>(result) }
}

/// Writes the result's status into `*status_out`, as `digicat_result_status` does.
///
/// # Safety
/// `result` must be NULL or a live result; `status_out` NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_szjj_result_status(
    result: *const digicat_szjj_result,
    status_out: *mut digicat_status,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let c = unsafe { szjj_classification(result) }?;
        // SAFETY: forwarded from this function's contract.
        unsafe { put(status_out, c.status.into()) }
    })
}

/// Writes the result's reason into `*reason_out`, as `digicat_result_reason` does.
///
/// # Safety
/// `result` must be NULL or a live result; `reason_out` NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_szjj_result_reason(
    result: *const digicat_szjj_result,
    reason_out: *mut digicat_reason,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let c = unsafe { szjj_classification(result) }?;
        // SAFETY: forwarded from this function's contract.
        unsafe { put(reason_out, c.reason.into()) }
    })
}

/// Number of evidence items (0 when `result` is NULL).
///
/// # Safety
/// `result` must be NULL or a live result. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_szjj_result_evidence_count(
    result: *const digicat_szjj_result,
) -> usize {
    guard_value(0, || {
        // SAFETY: forwarded from this function's contract.
        unsafe { szjj_classification(result) }.map_or(0, |c| c.evidence.len())
    })
}

/// Copies the evidence item at `index` into `*evidence_out`. Returns `DIGICAT_RC_OK`,
/// `DIGICAT_RC_NULL_PARAMETER` or `DIGICAT_RC_OUT_OF_RANGE`.
///
/// # Safety
/// `result` must be NULL or a live result; `evidence_out` NULL or writable. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_szjj_result_evidence(
    result: *const digicat_szjj_result,
    index: usize,
    evidence_out: *mut digicat_szjj_evidence,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let c = unsafe { szjj_classification(result) }?;
        if evidence_out.is_null() {
            return Err(digicat_rc::NullParameter);
        }
        let e = c.evidence.get(index).ok_or(digicat_rc::OutOfRange)?;
        let evidence = digicat_szjj_evidence {
            kind: e.term.kind().into(),
            start: e.start,
            end: e.end,
            text: digicat_str::from_static(e.term.text()),
            class_code: digicat_str::from_static(e.term.class().code()),
        };
        // SAFETY: forwarded from this function's contract.
        unsafe { put(evidence_out, evidence) }
    })
}

/// Writes the value of batch column `column` (0 to `DIGICAT_REPORT_COLUMNS - 1`) of a
/// `szjj-2021` result into `buf`, as `digicat_result_report_field` does: what the CLI writes in
/// its `szjj_*` columns (2: the 小类 codes `030304,030307`; 3: their names; 4: the (小类, GB/T
/// code) pairs `030304:6429*`). An unreadable code field's columns are
/// `digicat_code_error_report_field`'s.
///
/// # Safety
/// As `digicat_result_report_field`.
#[no_mangle]
pub unsafe extern "C" fn digicat_szjj_result_report_field(
    result: *const digicat_szjj_result,
    column: usize,
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let c = unsafe { szjj_classification(result) }?;
        let value = report::szjj_classification_fields(c)
            .into_iter()
            .nth(column)
            .ok_or(digicat_rc::OutOfRange)?;
        // SAFETY: forwarded from this function's contract.
        unsafe { write_message(&value, buf, len, out_n) }
    })
}

/// Writes the name of `szjj-2021` batch column `column` in `lang` into `*name_out`, as
/// `digicat_report_column_name` does: `szjj_status` … `szjj_error`, `数字经济状态` … in Chinese.
///
/// # Safety
/// `name_out` must be NULL or point to a writable `digicat_str`. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn digicat_szjj_report_column_name(
    lang: u32,
    column: usize,
    name_out: *mut digicat_str,
) -> digicat_rc {
    guard(|| {
        if name_out.is_null() {
            return Err(digicat_rc::NullParameter);
        }
        let lang = digicat_lang::from_raw(lang).ok_or(digicat_rc::InvalidOption)?;
        let name = report::catalogue_columns(engine::CatalogueId::Szjj2021, lang.into())
            .get(column)
            .ok_or(digicat_rc::OutOfRange)?;
        // SAFETY: checked not NULL above; the caller guarantees it is writable.
        unsafe { put(name_out, digicat_str::from_static(name)) }
    })
}
