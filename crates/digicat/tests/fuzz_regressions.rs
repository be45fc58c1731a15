//! Inputs on which the fuzz targets in `fuzz/` once found a broken invariant.

use digicat::{classify, read_code_field, Code, CodeError, Edition, Options};

/// `code_parse`: a lone `*` is a malformed code, not an empty one (only a blank field is empty).
#[test]
fn lone_star_is_malformed_not_empty() {
    for field in ["*", " ＊ ", "\u{3000}*"] {
        assert!(
            matches!(Code::parse(field), Err(CodeError::Malformed { .. })),
            "{field:?}"
        );
        // A non-ASCII field that is no code is looked up as a class name instead.
        let err = classify(Some(field), None, &Options::default()).unwrap_err();
        assert_ne!(err.kind(), "empty_code", "{field:?}");
    }
    let err = classify(Some("*"), None, &Options::default()).unwrap_err();
    assert_eq!(err.kind(), "malformed_code");
    assert_eq!(Code::parse(" \u{3000}"), Err(CodeError::Empty));
    assert_eq!(read_code_field(" \u{3000}", Edition::Auto), Ok(None));
}
