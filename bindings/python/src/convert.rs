//! Conversions between Python values and the core's inputs and outputs: input columns, option
//! names and errors.

use crate::{DigicatError, InvalidCodeError, InvalidOptionError};
use digicat::report::Lang;
use digicat::{CodeError, Options};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFloat, PyString};
use std::str::FromStr;

/// One input column: `None` when the column was not given, else a value per row (`None` = absent).
pub type Column = Option<Vec<Option<String>>>;

/// Reads an input column from any iterable (list, tuple, generator, numpy array, pandas Series
/// already turned into a list by the Python wrapper). `what` names the argument in errors.
pub fn column(values: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Column> {
    let Some(values) = values.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if values.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an iterable of values (one per row), not a single str; \
             use classify() for one record or wrap it in a list"
        )));
    }
    let iter = values.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be an iterable of values (list, tuple, pandas Series …), not {}",
            type_name(values)
        ))
    })?;
    let mut out = Vec::with_capacity(values.len().unwrap_or(0));
    for item in iter {
        out.push(value(&item?)?);
    }
    Ok(Some(out))
}

/// One input value: `None` and NaN are absent; a `str` is taken as it is (lone surrogates become
/// U+FFFD); a float with an integral value is written without its `.0` (pandas reads a code
/// column with gaps as floats); anything else is `str(value)`.
pub fn value(item: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if item.is_none() {
        return Ok(None);
    }
    if let Ok(s) = item.cast::<PyString>() {
        return string(s).map(Some);
    }
    if let Ok(f) = item.cast::<PyFloat>() {
        let v = f.value();
        if v.is_nan() {
            return Ok(None);
        }
        if v.fract() == 0.0 && v.abs() < 1e15 {
            // Exact: |v| < 2^53, so the integer conversion loses nothing.
            #[allow(clippy::cast_possible_truncation)]
            return Ok(Some((v as i64).to_string()));
        }
    }
    string(&item.str()?).map(Some)
}

/// A Python str as a Rust string, one char per code point: a lone surrogate (not valid in UTF-8)
/// becomes U+FFFD, so character offsets still match the Python string.
pub fn string(s: &Bound<'_, PyString>) -> PyResult<String> {
    if let Ok(utf8) = s.to_cow() {
        return Ok(utf8.into_owned());
    }
    let utf32 = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    Ok(utf32
        .cast::<PyBytes>()?
        .as_bytes()
        .chunks_exact(4)
        .map(|b| {
            <[u8; 4]>::try_from(b)
                .ok()
                .and_then(|b| char::from_u32(u32::from_le_bytes(b)))
                .unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect())
}

/// `Some(&str)` for a present value of row `i`.
pub fn cell(column: &Column, i: usize) -> Option<&str> {
    column
        .as_ref()
        .and_then(|c| c.get(i))
        .and_then(|v| v.as_deref())
}

/// The number of rows: the length of the given column(s), which must agree.
pub fn row_count(codes: &Column, texts: &Column) -> PyResult<usize> {
    match (codes, texts) {
        (Some(c), Some(t)) if c.len() != t.len() => Err(PyValueError::new_err(format!(
            "codes has {} values but texts has {}; give one value per row in both",
            c.len(),
            t.len()
        ))),
        (Some(c), _) => Ok(c.len()),
        (None, Some(t)) => Ok(t.len()),
        (None, None) => Err(PyValueError::new_err(
            "give codes, texts or both (one value per row)",
        )),
    }
}

/// A str argument such as an option or column name, read like every other str (a lone surrogate
/// becomes U+FFFD), so that a bad name is reported by digicat's own errors.
pub struct Name(pub String);

impl Name {
    /// A default value.
    pub fn of(s: &str) -> Name {
        Name(s.to_owned())
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Name {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let s = obj.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!("expected a str, not {}", type_name(&obj)))
        })?;
        string(&s).map(Name)
    }
}

/// Parses the `policy` and `edition` option names.
pub fn options(py: Python<'_>, policy: &str, edition: &str) -> PyResult<Options> {
    options_in(py, policy, edition, Lang::En)
}

/// The Python exception for a core error: `InvalidOptionError` for an option name, else
/// `InvalidCodeError`, with the error kind in `.kind`, the batch row (if any) in `.row` and the
/// Chinese message in `.message_zh`; the message itself in English.
pub fn code_error(py: Python<'_>, error: &CodeError, row: Option<usize>) -> PyErr {
    code_error_in(py, error, row, Lang::En)
}

/// [`code_error`] with the message in `lang` (for a function called with `lang="zh"`).
pub fn code_error_in(py: Python<'_>, error: &CodeError, row: Option<usize>, lang: Lang) -> PyErr {
    let in_lang = |lang: Lang| {
        let m = error.message(lang);
        match (row, lang) {
            (Some(i), Lang::En) => format!("row {i}: {m}"),
            (Some(i), Lang::Zh) => format!("第 {i} 行：{m}"),
            (None, _) => m,
        }
    };
    let message = in_lang(lang);
    let err = match error {
        CodeError::Option { .. } => InvalidOptionError::new_err(message),
        _ => InvalidCodeError::new_err(message),
    };
    let instance = err.value(py);
    if let Err(e) = instance
        .setattr("kind", error.kind())
        .and_then(|()| instance.setattr("row", row))
        .and_then(|()| instance.setattr("message_zh", in_lang(Lang::Zh)))
    {
        return e;
    }
    err
}

/// Sets the class-level defaults of the exceptions' attributes (`kind`, `row`), so that the
/// attributes exist on every instance, also one raised by user code.
pub fn exception_defaults(py: Python<'_>) -> PyResult<()> {
    let base = py.get_type::<DigicatError>();
    base.setattr("kind", "")?;
    base.setattr("message_zh", "")?;
    base.setattr("row", py.None())
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "this value".to_owned(), |n| n.to_string())
}

/// Parses an option name (`policy`, `edition` or `lang`) as the core reads it; a bad name is
/// an `InvalidOptionError`.
pub fn option<T: FromStr<Err = CodeError>>(py: Python<'_>, name: &str) -> PyResult<T> {
    option_in(py, name, Lang::En)
}

/// [`option`] with the message in `lang`.
pub fn option_in<T: FromStr<Err = CodeError>>(
    py: Python<'_>,
    name: &str,
    lang: Lang,
) -> PyResult<T> {
    name.parse().map_err(|e| code_error_in(py, &e, None, lang))
}

/// The `policy` and `edition` option names, a bad one reported in `lang`.
pub fn options_in(py: Python<'_>, policy: &str, edition: &str, lang: Lang) -> PyResult<Options> {
    Ok(Options {
        policy: option_in(py, policy, lang)?,
        edition: option_in(py, edition, lang)?,
    })
}
