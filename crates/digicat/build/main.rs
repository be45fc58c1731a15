//! Build script: turns the plain data in `data/` into compile-time tables (`$OUT_DIR/tables.rs`).
//!
//! Nothing here is used at run time. A malformed data file fails the build with `file:line: why`.

// A build script reports failure by exiting or panicking; the library itself never does.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
#![forbid(unsafe_code)]

mod data;
mod emit;
mod szjj;
mod tsv;

#[allow(dead_code)]
#[path = "../src/normalize.rs"]
mod normalize;

// The catalogue's automaton is built here and written out as a static.
#[allow(dead_code)]
#[path = "../src/scan.rs"]
mod scan;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let data_dir = manifest.join("../../data");
    let data_dir = data_dir.canonicalize().unwrap_or(data_dir);
    println!("cargo:rerun-if-changed={}", data_dir.display());
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/normalize.rs");
    println!("cargo:rerun-if-changed=src/scan.rs");
    let data = match data::Data::load(&data_dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: invalid catalogue data: {e}");
            println!("cargo:warning=invalid catalogue data: {e}");
            std::process::exit(1);
        }
    };
    let szjj = match szjj::Szjj::load(&data_dir.join("catalogues/szjj-2021"), &data.gbt2017) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: invalid szjj-2021 catalogue data: {e}");
            println!("cargo:warning=invalid szjj-2021 catalogue data: {e}");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out.join("tables.rs"), emit::tables(&data)).expect("OUT_DIR is writable");
    std::fs::write(out.join("szjj_tables.rs"), szjj::tables(&szjj)).expect("OUT_DIR is writable");
}
