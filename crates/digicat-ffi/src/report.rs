//! The seven batch columns shared by the CLI and Python (`digicat::report`): their names and
//! their values for a result or a code error. Every string comes from the core's
//! `report::columns` and `report::fields`; nothing is formatted here.

use crate::classify::{classification, code_error, digicat_code_error, digicat_result};
use crate::enums::{digicat_lang, digicat_reason};
use crate::{digicat_rc, digicat_str, guard, input, put, write_message};
use engine::report;
use std::ffi::c_char;

/// Number of batch columns (status, reason, industries, industry_names, rows, evidence, error):
/// the valid `column` arguments are 0 to `DIGICAT_REPORT_COLUMNS - 1`, in that order.
pub const DIGICAT_REPORT_COLUMNS: usize = 7;

// The count above is the core's.
const _: () = assert!(DIGICAT_REPORT_COLUMNS == report::COLUMNS_EN.len());

/// Value of batch column `column` of one record's columns (from the core's `report`).
fn field(fields: [String; 7], column: usize) -> Result<String, digicat_rc> {
    fields.into_iter().nth(column).ok_or(digicat_rc::OutOfRange)
}

/// Writes the name of batch column `column` (0 to `DIGICAT_REPORT_COLUMNS - 1`) in `lang` (a
/// `digicat_lang` value) into `*name_out`: the header the CLI and Python write for it, e.g.
/// column 3 is `industry_names` in `DIGICAT_LANG_EN` and `产业名称` in `DIGICAT_LANG_ZH`.
/// Static memory, nothing to free.
///
/// Returns `DIGICAT_RC_OK`; `DIGICAT_RC_INVALID_OPTION` when `lang` is no `digicat_lang`;
/// `DIGICAT_RC_OUT_OF_RANGE` when `column >= DIGICAT_REPORT_COLUMNS`;
/// `DIGICAT_RC_NULL_PARAMETER` when `name_out` is NULL. `*name_out` is written only on success.
///
/// # Safety
/// `name_out` must be NULL or point to a writable `digicat_str`. Thread-safe; allocates nothing.
#[no_mangle]
pub unsafe extern "C" fn digicat_report_column_name(
    lang: u32,
    column: usize,
    name_out: *mut digicat_str,
) -> digicat_rc {
    guard(|| {
        if name_out.is_null() {
            return Err(digicat_rc::NullParameter);
        }
        let lang = digicat_lang::from_raw(lang).ok_or(digicat_rc::InvalidOption)?;
        let name = report::columns(lang.into())
            .get(column)
            .ok_or(digicat_rc::OutOfRange)?;
        // SAFETY: checked not NULL above; the caller guarantees it is writable.
        unsafe { put(name_out, digicat_str::from_static(name)) }
    })
}

/// Writes the label of a stable code in `lang` (a `digicat_lang` value) into `*label_out`: a
/// status (`in_scope` …), a reason or error kind (`listed_product`, `malformed_code`,
/// `malformed_record` …), an evidence kind or a relation (`product`, `broader` …), given as `len`
/// bytes of UTF-8 at `code`. `DIGICAT_LANG_EN` gives the code itself, `DIGICAT_LANG_ZH` its
/// Chinese label (`需人工复核`, `写有目录所列重点产品`, `较宽泛`): what the CLI writes with
/// `--lang zh`, from the core's one table. Static memory, nothing to free.
///
/// Returns `DIGICAT_RC_OK`; `DIGICAT_RC_NULL_PARAMETER` when `label_out` is NULL or `code` is
/// NULL with `len > 0`; `DIGICAT_RC_INVALID_UTF8`; `DIGICAT_RC_INVALID_OPTION` when `lang` is no
/// `digicat_lang`; `DIGICAT_RC_OUT_OF_RANGE` when `code` is no such code. `*label_out` is written
/// only on success.
///
/// # Safety
/// `code` must be NULL or point to `len` readable bytes; `label_out` NULL or a writable
/// `digicat_str`. Thread-safe; allocates nothing.
#[no_mangle]
pub unsafe extern "C" fn digicat_label(
    code: *const c_char,
    len: usize,
    lang: u32,
    label_out: *mut digicat_str,
) -> digicat_rc {
    guard(|| {
        if label_out.is_null() {
            return Err(digicat_rc::NullParameter);
        }
        // SAFETY: forwarded from this function's contract.
        let code = unsafe { input(code, len) }?;
        let lang = digicat_lang::from_raw(lang).ok_or(digicat_rc::InvalidOption)?;
        let label = report::label(code, lang.into()).ok_or(digicat_rc::OutOfRange)?;
        // SAFETY: checked not NULL above; the caller guarantees it is writable.
        unsafe { put(label_out, digicat_str::from_static(label)) }
    })
}

/// Writes the value of batch column `column` (0 to `DIGICAT_REPORT_COLUMNS - 1`) for a result
/// into `buf`, a caller-owned buffer of `len` bytes: exactly what the CLI and Python write in
/// that column for the same record. 0 `status` and 1 `reason` (snake_case names), 2
/// `industries` (ids, `1,3`), 3 `industry_names` (`；`-joined), 4 `rows` (`1.3,3.2`), 5
/// `evidence` (the distinct catalogue terms found, `；`-joined, in text order), 6 `error`
/// (always empty for a result). Empty values are the empty string.
///
/// The buffer is filled as by `digicat_rc_message`: NUL-terminated, cut only at a UTF-8
/// character boundary. Returns `DIGICAT_RC_OK` when the whole value fit;
/// `DIGICAT_RC_BUFFER_TOO_SMALL` when it was truncated (`buf` NULL with `len` 0 asks for the
/// length only); `DIGICAT_RC_NULL_PARAMETER` when `result` is NULL, or `buf` is NULL with
/// `len > 0`; `DIGICAT_RC_OUT_OF_RANGE` when `column >= DIGICAT_REPORT_COLUMNS`. Checked in
/// that order: `result`, `column`, then the buffer. When `result` and `column` are valid and
/// `out_n` is not NULL, `*out_n` receives the value's full length in bytes without the NUL, so
/// a buffer of `*out_n + 1` bytes always fits; otherwise nothing is written.
///
/// # Safety
/// `result` must be NULL or a live result; `buf` NULL or pointing to `len` writable bytes;
/// `out_n` NULL or writable. Thread-safe. The value is copied: it stays valid after the result
/// is freed.
#[no_mangle]
pub unsafe extern "C" fn digicat_result_report_field(
    result: *const digicat_result,
    column: usize,
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let c = unsafe { classification(result) }?;
        let value = report::classification_field(c, column).ok_or(digicat_rc::OutOfRange)?;
        // SAFETY: forwarded from this function's contract.
        unsafe { write_message(&value, buf, len, out_n) }
    })
}

/// Writes the value of batch column `column` for a record whose code field could not be read
/// into `buf`, as `digicat_result_report_field` does for a result: exactly what the CLI and
/// Python write for such a record. 0 `status` is `invalid`, 1 `reason` the error's kind (as
/// `digicat_code_error_kind`), 6 `error` its message (as `digicat_code_error_message`), and
/// columns 2 to 5 are empty.
///
/// Returns, and checks `error` (NULL: `DIGICAT_RC_NULL_PARAMETER`), `column` and the buffer,
/// as `digicat_result_report_field` does.
///
/// # Safety
/// `error` must be NULL or a live code error; `buf` NULL or pointing to `len` writable bytes;
/// `out_n` NULL or writable. Thread-safe. The value is copied: it stays valid after the error is
/// freed.
#[no_mangle]
pub unsafe extern "C" fn digicat_code_error_report_field(
    error: *const digicat_code_error,
    column: usize,
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let e = unsafe { code_error(error) }?;
        let value = field(report::error_fields(e), column)?;
        // SAFETY: forwarded from this function's contract.
        unsafe { write_message(&value, buf, len, out_n) }
    })
}

/// Writes the value of batch column `column` for a record whose code field could not be read,
/// in `lang` (a `digicat_lang` value), as `digicat_code_error_report_field` does: with
/// `DIGICAT_LANG_ZH` the status and reason are their Chinese labels (`无效输入`,
/// `行业代码格式错误`) and the error its Chinese message, exactly what the CLI writes with
/// `--lang zh` and Python with `lang="zh"` (the core's `report::fields_in`); with
/// `DIGICAT_LANG_EN` the same as `digicat_code_error_report_field`. Returns as that function
/// does, and `DIGICAT_RC_INVALID_OPTION` when `lang` is no `digicat_lang` (checked after
/// `error`).
///
/// # Safety
/// `error` must be NULL or a live code error; `buf` NULL or pointing to `len` writable bytes;
/// `out_n` NULL or writable. Thread-safe. The value is copied.
#[no_mangle]
pub unsafe extern "C" fn digicat_code_error_report_field_lang(
    error: *const digicat_code_error,
    lang: u32,
    column: usize,
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> digicat_rc {
    guard(|| {
        // SAFETY: forwarded from this function's contract.
        let e = unsafe { code_error(error) }?;
        let lang = digicat_lang::from_raw(lang).ok_or(digicat_rc::InvalidOption)?;
        let value = field(report::fields_in(&Err(e.clone()), lang.into()), column)?;
        // SAFETY: forwarded from this function's contract.
        unsafe { write_message(&value, buf, len, out_n) }
    })
}

/// Tells whether a batch row is not an enterprise, as the CLI and Python decide it (the core's
/// `report::skip_reason`): `fields` points to `count` pointers to the row's fields, and `lens` to
/// their lengths in bytes (UTF-8, not NUL-terminated; a NULL field with length 0 is empty).
/// `*skip_out` is set to true when the row is to be kept with status `DIGICAT_STATUS_SKIPPED`,
/// and `*reason_out` to its reason: `DIGICAT_REASON_BLANK_ROW` (every field blank) or
/// `DIGICAT_REASON_FOOTER_ROW` (only a `合计：26家`-style footer); otherwise `*skip_out` is false
/// and `*reason_out` is left as it was. `count` 0 is a blank row.
///
/// Returns `DIGICAT_RC_OK`; `DIGICAT_RC_NULL_PARAMETER` when `skip_out` or `reason_out` is NULL,
/// `fields` or `lens` is NULL with `count > 0`, or a field is NULL with a nonzero length;
/// `DIGICAT_RC_INVALID_UTF8`; `DIGICAT_RC_INVALID_LENGTH`. Nothing is written on error.
///
/// # Safety
/// `fields` and `lens` must be NULL or point to `count` readable elements; each field NULL or
/// pointing to its length's readable bytes; `skip_out` and `reason_out` NULL or writable.
/// Thread-safe; allocates only the list of fields.
#[no_mangle]
pub unsafe extern "C" fn digicat_report_skip_reason(
    fields: *const *const c_char,
    lens: *const usize,
    count: usize,
    skip_out: *mut bool,
    reason_out: *mut digicat_reason,
) -> digicat_rc {
    guard(|| {
        if skip_out.is_null() || reason_out.is_null() {
            return Err(digicat_rc::NullParameter);
        }
        let mut row: Vec<&str> = Vec::with_capacity(count);
        if count > 0 {
            if fields.is_null() || lens.is_null() {
                return Err(digicat_rc::NullParameter);
            }
            for i in 0..count {
                // SAFETY: the caller guarantees `count` readable elements in both arrays, and
                // each field readable for its length.
                let field = unsafe { input(*fields.add(i), *lens.add(i)) }?;
                row.push(field);
            }
        }
        let reason = report::skip_reason(&row);
        // SAFETY: both checked not NULL above; the caller guarantees they are writable.
        unsafe {
            put(skip_out, reason.is_some())?;
            if let Some(reason) = reason {
                put(reason_out, digicat_reason::from(reason))?;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::{classify, Classification, CodeError, Options};
    use std::ptr;

    /// A column value read through the C function `f`, with its full length.
    fn read<H>(
        f: unsafe extern "C" fn(*const H, usize, *mut c_char, usize, *mut usize) -> digicat_rc,
        handle: *const H,
        column: usize,
    ) -> (digicat_rc, String) {
        let mut buf = [0 as c_char; 512];
        let mut n = usize::MAX;
        // SAFETY: `handle` is live or NULL; `buf` has `buf.len()` writable bytes.
        let rc = unsafe { f(handle, column, buf.as_mut_ptr(), buf.len(), &mut n) };
        if rc != digicat_rc::Ok {
            return (rc, String::new());
        }
        let bytes: Vec<u8> = buf[..n].iter().map(|b| *b as u8).collect();
        (rc, String::from_utf8(bytes).unwrap())
    }

    #[test]
    fn labels_are_the_cores() {
        let get = |code: &str, lang: u32| {
            let mut out = digicat_str::from_static("");
            // SAFETY: `code` is live for `code.len()` bytes; `out` is writable.
            let rc = unsafe { digicat_label(code.as_ptr().cast(), code.len(), lang, &mut out) };
            // SAFETY: a returned digicat_str views static UTF-8 memory.
            let text = unsafe { std::slice::from_raw_parts(out.data.cast::<u8>(), out.len) };
            (rc, String::from_utf8(text.to_vec()).unwrap())
        };
        let (en, zh) = (digicat_lang::En as u32, digicat_lang::Zh as u32);
        assert_eq!(get("in_scope", zh), (digicat_rc::Ok, "属于目录".into()));
        assert_eq!(
            get("listed_product", en),
            (digicat_rc::Ok, "listed_product".into())
        );
        assert_eq!(
            get("malformed_record", zh),
            (
                digicat_rc::Ok,
                report::reason_label("malformed_record", report::Lang::Zh).into()
            )
        );
        assert_eq!(get("nonsense", zh).0, digicat_rc::OutOfRange);
        assert_eq!(get("in_scope", 7).0, digicat_rc::InvalidOption);
        // SAFETY: NULL output is refused before anything is read.
        let rc = unsafe { digicat_label(ptr::null(), 0, zh, ptr::null_mut()) };
        assert_eq!(rc, digicat_rc::NullParameter);
    }

    #[test]
    fn fields_are_the_cores() {
        let options = Options::default();
        for (code, text) in [
            ("6513", "计算机视听觉软件和智能移动终端软件系统"),
            ("", "软件开发；信息系统集成服务"),
            ("7320", ""),
        ] {
            let c = classify(Some(code), Some(text), &options).unwrap();
            let want = report::fields(&Ok(c.clone()));
            let handle: *const digicat_result = (&c as *const Classification).cast();
            for (i, w) in want.iter().enumerate() {
                assert_eq!(
                    read(digicat_result_report_field, handle, i),
                    (digicat_rc::Ok, w.clone())
                );
            }
            assert_eq!(
                read(digicat_result_report_field, handle, 7).0,
                digicat_rc::OutOfRange
            );
        }
        let e = classify(Some("6599x"), None, &options).unwrap_err();
        let want = report::fields(&Err(e.clone()));
        let handle: *const digicat_code_error = (&e as *const CodeError).cast();
        for (i, w) in want.iter().enumerate() {
            assert_eq!(
                read(digicat_code_error_report_field, handle, i),
                (digicat_rc::Ok, w.clone())
            );
        }
        assert_eq!(
            read(digicat_code_error_report_field, ptr::null(), 0).0,
            digicat_rc::NullParameter
        );
        for lang in digicat_lang::ALL {
            let want = report::fields_in(&Err(e.clone()), (*lang).into());
            for (i, w) in want.iter().enumerate() {
                let mut buf = [0 as c_char; 512];
                let mut n = 0;
                // SAFETY: `handle` is a live error; `buf` holds 512 bytes; `n` is writable.
                let rc = unsafe {
                    digicat_code_error_report_field_lang(
                        handle,
                        *lang as u32,
                        i,
                        buf.as_mut_ptr(),
                        buf.len(),
                        &mut n,
                    )
                };
                let got: Vec<u8> = buf[..n].iter().map(|b| *b as u8).collect();
                assert_eq!(
                    (rc, String::from_utf8(got).unwrap()),
                    (digicat_rc::Ok, w.clone())
                );
            }
            let mut buf = [0 as c_char; 512];
            let mut n = 0;
            // SAFETY: as above.
            let rc = unsafe {
                crate::classify::digicat_code_error_message_lang(
                    handle,
                    *lang as u32,
                    buf.as_mut_ptr(),
                    buf.len(),
                    &mut n,
                )
            };
            let got: Vec<u8> = buf[..n].iter().map(|b| *b as u8).collect();
            assert_eq!(rc, digicat_rc::Ok);
            assert_eq!(String::from_utf8(got).unwrap(), e.message((*lang).into()));
        }
        let zh = report::fields_in(&Err(e.clone()), report::Lang::Zh);
        assert_eq!(zh[0], "无效输入");
        assert!(zh[6].starts_with("行业代码格式错误"), "{}", zh[6]);
    }

    #[test]
    fn column_names_are_the_cores() {
        for lang in digicat_lang::ALL {
            for (i, want) in report::columns((*lang).into()).iter().enumerate() {
                let mut name = digicat_str::empty();
                // SAFETY: `name` is writable.
                let rc = unsafe { digicat_report_column_name(*lang as u32, i, &mut name) };
                assert_eq!(rc, digicat_rc::Ok);
                // SAFETY: digicat_str values point to `len` bytes of static memory.
                let got = unsafe { std::slice::from_raw_parts(name.data.cast::<u8>(), name.len) };
                assert_eq!(got, want.as_bytes());
            }
        }
        let mut name = digicat_str::empty();
        // SAFETY: `name` is writable.
        let rc = unsafe { digicat_report_column_name(2, 0, &mut name) };
        assert_eq!(rc, digicat_rc::InvalidOption);
        // SAFETY: `name` is writable.
        let rc = unsafe { digicat_report_column_name(0, DIGICAT_REPORT_COLUMNS, &mut name) };
        assert_eq!(rc, digicat_rc::OutOfRange);
    }

    /// `digicat_report_skip_reason` over `row`: (rc, skip, reason).
    fn skip(row: &[&str]) -> (digicat_rc, bool, digicat_reason) {
        let ptrs: Vec<*const c_char> = row.iter().map(|f| f.as_ptr().cast()).collect();
        let lens: Vec<usize> = row.iter().map(|f| f.len()).collect();
        let (mut skipped, mut reason) = (false, digicat_reason::NothingNamed);
        // SAFETY: both arrays have `row.len()` elements pointing into live strings.
        let rc = unsafe {
            digicat_report_skip_reason(
                ptrs.as_ptr(),
                lens.as_ptr(),
                row.len(),
                &mut skipped,
                &mut reason,
            )
        };
        (rc, skipped, reason)
    }

    #[test]
    fn skip_reason_is_the_cores() {
        assert_eq!(
            skip(&["", " "]),
            (digicat_rc::Ok, true, digicat_reason::BlankRow)
        );
        assert_eq!(
            skip(&["合计：26家", ""]),
            (digicat_rc::Ok, true, digicat_reason::FooterRow)
        );
        assert_eq!(
            skip(&["6513", ""]),
            (digicat_rc::Ok, false, digicat_reason::NothingNamed)
        );
        assert_eq!(skip(&[]), (digicat_rc::Ok, true, digicat_reason::BlankRow));
        let (mut skipped, mut reason) = (false, digicat_reason::NothingNamed);
        let bad = [0xFFu8];
        let ptrs = [bad.as_ptr().cast::<c_char>()];
        // SAFETY: one field of one readable byte; NULL arrays with a count are refused.
        unsafe {
            let rc = digicat_report_skip_reason(
                ptrs.as_ptr(),
                [1].as_ptr(),
                1,
                &mut skipped,
                &mut reason,
            );
            assert_eq!(rc, digicat_rc::InvalidUtf8);
            let rc =
                digicat_report_skip_reason(ptr::null(), ptr::null(), 2, &mut skipped, &mut reason);
            assert_eq!(rc, digicat_rc::NullParameter);
            let rc = digicat_report_skip_reason(
                ptr::null(),
                ptr::null(),
                0,
                ptr::null_mut(),
                &mut reason,
            );
            assert_eq!(rc, digicat_rc::NullParameter);
        }
    }
}
