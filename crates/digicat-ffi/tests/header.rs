//! The committed C header `bindings/c/include/digicat.h` must equal a fresh generation.
//!
//! Regenerate it with `DIGICAT_BLESS=1 cargo test -p digicat-ffi --test header`.

use std::path::{Path, PathBuf};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn header_path() -> PathBuf {
    manifest_dir().join("../../bindings/c/include/digicat.h")
}

/// The version macros, from this crate's version (which is the engine's, `digicat_version()`).
fn version_macros() -> String {
    let part = |s: &str| -> u32 { s.parse().expect("numeric version part") };
    let (major, minor, patch) = (
        part(env!("CARGO_PKG_VERSION_MAJOR")),
        part(env!("CARGO_PKG_VERSION_MINOR")),
        part(env!("CARGO_PKG_VERSION_PATCH")),
    );
    // DIGICAT_VERSION_NUMBER gives minor and patch two decimal digits each.
    assert!(
        minor < 100 && patch < 100,
        "DIGICAT_VERSION_NUMBER cannot encode {minor}.{patch}"
    );
    format!(
        "
/* Version of the header: compare with digicat_version() to check that the library matches. */
#define DIGICAT_VERSION \"{version}\"
#define DIGICAT_VERSION_MAJOR {major}
#define DIGICAT_VERSION_MINOR {minor}
#define DIGICAT_VERSION_PATCH {patch}
/* MAJOR * 10000 + MINOR * 100 + PATCH, for #if DIGICAT_VERSION_NUMBER >= ... */
#define DIGICAT_VERSION_NUMBER {number}
",
        version = env!("CARGO_PKG_VERSION"),
        number = major * 10_000 + minor * 100 + patch,
    )
}

/// Generates the header in memory, as committed.
fn generate() -> String {
    let dir = manifest_dir();
    let mut config =
        cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cbindgen.toml is valid");
    config.after_includes = Some(version_macros() + config.after_includes.as_deref().unwrap_or(""));
    let mut out = Vec::new();
    cbindgen::Builder::new()
        .with_config(config)
        .with_src(dir.join("src/lib.rs"))
        .generate()
        .expect("cbindgen generates the header")
        .write(&mut out);
    String::from_utf8(out).expect("the header is UTF-8")
}

/// Replaces `path` with `contents` atomically (write a sibling, then rename).
fn write_atomically(path: &Path, contents: &str) {
    let tmp = path.with_extension("h.tmp");
    std::fs::write(&tmp, contents).expect("write the new header");
    std::fs::rename(&tmp, path).expect("replace the header");
}

#[test]
fn committed_header_is_current() {
    let fresh = generate();
    let path = header_path();
    if std::env::var_os("DIGICAT_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create include/");
        write_atomically(&path, &fresh);
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != fresh {
        let line = committed
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(fresh.lines().count()));
        panic!(
            "{} is stale (first difference at line {}).\nRegenerate it with:\n    \
             DIGICAT_BLESS=1 cargo test -p digicat-ffi --test header\nand commit it.",
            path.display(),
            line + 1
        );
    }
}

#[test]
fn header_declares_every_exported_function() {
    let header = generate();
    let mut exported = 0;
    for file in std::fs::read_dir(manifest_dir().join("src")).unwrap() {
        let src = std::fs::read_to_string(file.unwrap().path()).unwrap();
        for name in src
            .split("extern \"C\" fn ")
            .skip(1)
            .map(|rest| rest.split('(').next().unwrap())
        {
            exported += 1;
            let declared = [" ", "*"]
                .iter()
                .any(|before| header.contains(&format!("{before}{name}(")));
            assert!(declared, "{name} is not declared in the header");
        }
    }
    assert!(exported >= 40, "only {exported} exported functions found");
    for macro_name in [
        "DIGICAT_VERSION ",
        "DIGICAT_VERSION_MAJOR ",
        "DIGICAT_VERSION_MINOR ",
        "DIGICAT_VERSION_PATCH ",
        "DIGICAT_VERSION_NUMBER ",
    ] {
        assert!(
            header.contains(&format!("#define {macro_name}")),
            "{macro_name}"
        );
    }
    assert!(header.contains("extern \"C\" {"), "C++ guards");
}
