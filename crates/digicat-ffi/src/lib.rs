//! # digicat-ffi — the C ABI of digicat
//!
//! Builds `libdigicat.so` and `libdigicat.a`; `bindings/c/include/digicat.h` is generated from
//! this crate by cbindgen (`DIGICAT_BLESS=1 cargo test -p digicat-ffi --test header`). Every
//! answer comes from the core crate (`engine` here, `digicat` on crates' side); this layer only
//! checks what C passes in, converts, and keeps panics from crossing the boundary.
//!
//! Conventions of the C API (repeated in the header):
//! - Strings in are pointer + length, UTF-8, not NUL-terminated; NULL with length 0 is the
//!   empty (absent) string; NULL with a length is `DIGICAT_RC_NULL_PARAMETER`.
//! - Fallible functions return a [`digicat_rc`] and write through `*_out` parameters.
//! - Every [`digicat_str`] returned points into static memory: never freed, valid for the life
//!   of the process, including after the handle it came from is freed.
//! - The two heap handles, [`digicat_result`] and [`digicat_code_error`], are freed by their
//!   `_free` function exactly once.
//! - Everything may be called from many threads at once.
//!
//! The catalogue is 东莞市数字产业集聚试点园区重点发展产业、产品和服务目录表（试行）(东工信〔2019〕160号,
//! 附件).
#![deny(
    missing_docs,
    unsafe_op_in_unsafe_fn,
    clippy::undocumented_unsafe_blocks,
    clippy::missing_safety_doc
)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
// The C names are the API.
#![allow(non_camel_case_types)]

mod catalogue;
mod classify;
mod enums;
mod report;
mod szjj;

pub use catalogue::*;
pub use classify::*;
pub use enums::*;
pub use report::*;
pub use szjj::*;

use std::ffi::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Result code of every fallible function. `DIGICAT_RC_OK` is 0; any other value is an error,
/// described by `digicat_rc_message`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum digicat_rc {
    /// Success.
    Ok = 0,
    /// A required pointer was NULL, or a string pointer was NULL with a nonzero length.
    NullParameter = 1,
    /// A string was not valid UTF-8.
    InvalidUtf8 = 2,
    /// A length was larger than `PTRDIFF_MAX`.
    InvalidLength = 3,
    /// The code field could not be read (malformed, unknown, …); the `digicat_code_error`
    /// handle, when asked for, tells which and why.
    InvalidCode = 4,
    /// An option value or name that is not one of the allowed ones.
    InvalidOption = 5,
    /// An index at or past the count.
    OutOfRange = 6,
    /// A lookup found nothing (e.g. a row id or a code not in GB/T 4754-2017).
    NotFound = 7,
    /// The message did not fit the buffer; a truncated, NUL-terminated prefix was written.
    BufferTooSmall = 8,
    /// An internal error (a Rust panic) was caught; please report it. Outputs are unset.
    Panic = 9,
}

impl digicat_rc {
    /// Every result code, in value order.
    pub(crate) const ALL: [digicat_rc; 10] = [
        digicat_rc::Ok,
        digicat_rc::NullParameter,
        digicat_rc::InvalidUtf8,
        digicat_rc::InvalidLength,
        digicat_rc::InvalidCode,
        digicat_rc::InvalidOption,
        digicat_rc::OutOfRange,
        digicat_rc::NotFound,
        digicat_rc::BufferTooSmall,
        digicat_rc::Panic,
    ];

    /// The code with this value, if any.
    pub fn from_raw(raw: u32) -> Option<digicat_rc> {
        digicat_rc::ALL.into_iter().find(|rc| *rc as u32 == raw)
    }

    /// What the code means (English and Chinese).
    pub fn message(self) -> &'static str {
        match self {
            digicat_rc::Ok => "success (成功)",
            digicat_rc::NullParameter => {
                "a required pointer is NULL, or a string pointer is NULL with a nonzero length (参数为空指针)"
            }
            digicat_rc::InvalidUtf8 => "a string is not valid UTF-8 (字符串不是有效的 UTF-8)",
            digicat_rc::InvalidLength => "a length is larger than PTRDIFF_MAX (长度超出范围)",
            digicat_rc::InvalidCode => {
                "the industry code field cannot be read; see digicat_code_error (行业代码无效)"
            }
            digicat_rc::InvalidOption => "an option value or name is not allowed (选项无效)",
            digicat_rc::OutOfRange => "index out of range (索引超出范围)",
            digicat_rc::NotFound => "not found (未找到)",
            digicat_rc::BufferTooSmall => {
                "the buffer is too small; the message was truncated (缓冲区太小，消息被截断)"
            }
            digicat_rc::Panic => {
                "internal error: a Rust panic was caught; please report it (内部错误)"
            }
        }
    }
}

/// A UTF-8 string returned by the library: `len` bytes at `data`, **not** NUL-terminated
/// (print with `printf("%.*s", (int)s.len, s.data)`).
///
/// Every `digicat_str` the library returns points into static memory: it is never freed,
/// stays valid for the life of the process (also after the handle it was read from is
/// freed), and `data` is never NULL, even when `len` is 0.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct digicat_str {
    /// The first byte.
    pub data: *const c_char,
    /// Length in bytes.
    pub len: usize,
}

/// One readable byte for empty strings, so `data` is never NULL or dangling.
static EMPTY: [u8; 1] = [0];

impl digicat_str {
    /// A view of a static string.
    pub(crate) fn from_static(s: &'static str) -> digicat_str {
        if s.is_empty() {
            digicat_str {
                data: EMPTY.as_ptr().cast(),
                len: 0,
            }
        } else {
            digicat_str {
                data: s.as_ptr().cast(),
                len: s.len(),
            }
        }
    }

    /// The empty string.
    pub(crate) fn empty() -> digicat_str {
        digicat_str::from_static("")
    }
}

/// Runs an exported function's body, turning `Err(rc)` and any panic into a result code.
pub(crate) fn guard(body: impl FnOnce() -> Result<(), digicat_rc>) -> digicat_rc {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => digicat_rc::Ok,
        Ok(Err(rc)) => rc,
        Err(_) => digicat_rc::Panic,
    }
}

/// Runs the body of an exported function that returns a plain value; a panic yields `fallback`.
pub(crate) fn guard_value<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

/// Reads a string passed in as pointer + length. NULL with length 0 is the empty string.
///
/// # Safety
/// When `ptr` is not NULL it must point to `len` readable bytes that stay unchanged for `'a`.
pub(crate) unsafe fn input<'a>(ptr: *const c_char, len: usize) -> Result<&'a str, digicat_rc> {
    if ptr.is_null() {
        return if len == 0 {
            Ok("")
        } else {
            Err(digicat_rc::NullParameter)
        };
    }
    if len > isize::MAX as usize {
        return Err(digicat_rc::InvalidLength);
    }
    // SAFETY: `ptr` is not NULL, `u8` needs no alignment, `len` fits `isize`, and the caller
    // guarantees `len` readable bytes at `ptr` that outlive `'a` unchanged.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    // SIMD validation: the scalar `std::str::from_utf8` was a fifth of a C batch's instructions.
    simdutf8::basic::from_utf8(bytes).map_err(|_| digicat_rc::InvalidUtf8)
}

/// Writes `value` through an out-parameter, or fails with `NullParameter` when it is NULL.
///
/// # Safety
/// `out` must be NULL or valid for a write of `T` (suitably aligned).
pub(crate) unsafe fn put<T>(out: *mut T, value: T) -> Result<(), digicat_rc> {
    if out.is_null() {
        return Err(digicat_rc::NullParameter);
    }
    // SAFETY: not NULL, and the caller guarantees it is valid and aligned for a `T`. `write`
    // does not drop the old contents, which may be uninitialised C memory.
    unsafe { out.write(value) };
    Ok(())
}

/// Copies `message` into the caller's buffer `buf` of `len` bytes, NUL-terminated, truncated at
/// a character boundary when it does not fit; `*out_n` (when not NULL) gets the full length.
///
/// # Safety
/// `buf` must be NULL or valid for writes of `len` bytes; `out_n` NULL or valid for a write.
pub(crate) unsafe fn write_message(
    message: &str,
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> Result<(), digicat_rc> {
    if !out_n.is_null() {
        // SAFETY: not NULL; the caller guarantees it is valid for a write.
        unsafe { out_n.write(message.len()) };
    }
    if buf.is_null() {
        return Err(if len == 0 {
            digicat_rc::BufferTooSmall
        } else {
            digicat_rc::NullParameter
        });
    }
    let Some(room) = len.checked_sub(1) else {
        return Err(digicat_rc::BufferTooSmall);
    };
    let mut n = message.len().min(room);
    while !message.is_char_boundary(n) {
        n -= 1;
    }
    // SAFETY: `n + 1 <= len` bytes are written to `buf`, which the caller guarantees writable
    // for `len` bytes; `message` is a different allocation, so the ranges do not overlap.
    unsafe {
        std::ptr::copy_nonoverlapping(message.as_ptr(), buf.cast::<u8>(), n);
        buf.add(n).write(0);
    }
    if n == message.len() {
        Ok(())
    } else {
        Err(digicat_rc::BufferTooSmall)
    }
}

/// Writes the message describing `rc` (English and Chinese) into `buf`, a caller-owned buffer
/// of `len` bytes, NUL-terminated. A value that is no `digicat_rc` gets an "unknown result code"
/// message, and the function then returns `DIGICAT_RC_OUT_OF_RANGE` (if the message fit).
///
/// Returns `DIGICAT_RC_OK` when the whole message fit; `DIGICAT_RC_BUFFER_TOO_SMALL` when it
/// was truncated (at a UTF-8 character boundary, still NUL-terminated when `len > 0`);
/// `DIGICAT_RC_NULL_PARAMETER` when `buf` is NULL and `len > 0`. When `out_n` is not NULL,
/// `*out_n` receives the message's full length in bytes without the NUL, so a buffer of
/// `*out_n + 1` bytes always fits (`buf` NULL with `len` 0 asks for just that).
///
/// # Safety
/// `buf` must be NULL or point to `len` writable bytes; `out_n` must be NULL or point to a
/// writable `size_t`. Thread-safe; allocates nothing.
#[no_mangle]
pub unsafe extern "C" fn digicat_rc_message(
    rc: u32,
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> digicat_rc {
    guard(|| {
        let (message, known) = match digicat_rc::from_raw(rc) {
            Some(rc) => (rc.message(), true),
            None => ("unknown result code (未知的结果代码)", false),
        };
        // SAFETY: forwarded from this function's contract.
        unsafe { write_message(message, buf, len, out_n) }?;
        if known {
            Ok(())
        } else {
            Err(digicat_rc::OutOfRange)
        }
    })
}

/// Version of the digicat engine, e.g. `0.1.0`; equals the header's `DIGICAT_VERSION`
/// when header and library match.
///
/// Static memory, nothing to free. Thread-safe.
#[no_mangle]
pub extern "C" fn digicat_version() -> digicat_str {
    guard_value(digicat_str::empty(), || {
        digicat_str::from_static(engine::VERSION)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_turns_a_panic_into_the_panic_code() {
        #[allow(clippy::panic)]
        let rc = guard(|| panic!("boom"));
        assert_eq!(rc, digicat_rc::Panic);
        assert_eq!(guard(|| Err(digicat_rc::NotFound)), digicat_rc::NotFound);
        assert_eq!(guard(|| Ok(())), digicat_rc::Ok);
        #[allow(clippy::panic)]
        let v = guard_value(7, || panic!("boom"));
        assert_eq!(v, 7);
    }

    #[test]
    fn result_codes_round_trip_and_have_distinct_messages() {
        for (i, rc) in digicat_rc::ALL.into_iter().enumerate() {
            assert_eq!(rc as u32 as usize, i);
            assert_eq!(digicat_rc::from_raw(rc as u32), Some(rc));
        }
        assert_eq!(digicat_rc::from_raw(digicat_rc::ALL.len() as u32), None);
        let mut messages: Vec<_> = digicat_rc::ALL.iter().map(|rc| rc.message()).collect();
        messages.sort_unstable();
        messages.dedup();
        assert_eq!(messages.len(), digicat_rc::ALL.len());
    }

    #[test]
    fn messages_truncate_on_character_boundaries() {
        let msg = "ab中文";
        let mut buf = [0x55 as c_char; 9];
        let mut n = 0;
        let cases = [(1, 0), (2, 1), (3, 2), (5, 2), (6, 5), (8, 5), (9, 8)];
        for (len, written) in cases {
            // SAFETY: `buf` has 9 writable bytes, `len <= 9`.
            let r = unsafe { write_message(msg, buf.as_mut_ptr(), len, &mut n) };
            assert_eq!(n, msg.len());
            assert_eq!(r.is_ok(), written == msg.len(), "len {len}");
            assert_eq!(buf[written], 0, "len {len}");
            let got: Vec<u8> = buf[..written].iter().map(|b| *b as u8).collect();
            assert_eq!(got, &msg.as_bytes()[..written]);
        }
        // SAFETY: NULL buffer with length 0 is a size query.
        let r = unsafe { write_message(msg, std::ptr::null_mut(), 0, &mut n) };
        assert_eq!((r, n), (Err(digicat_rc::BufferTooSmall), msg.len()));
    }

    #[test]
    fn version_is_the_engine_version_and_the_crate_version() {
        assert_eq!(engine::VERSION, env!("CARGO_PKG_VERSION"));
        let v = digicat_version();
        // SAFETY: digicat_str values point to `len` bytes of static memory.
        let s = unsafe { std::slice::from_raw_parts(v.data.cast::<u8>(), v.len) };
        assert_eq!(s, engine::VERSION.as_bytes());
    }
}
