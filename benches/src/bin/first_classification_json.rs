//! Start-up baseline: load the catalogue from a JSON file (the first argument), build the
//! run-time maps, and answer the same record with a code lookup and a `contains` loop.
#![forbid(unsafe_code)]

use digicat_benches::RuntimeCatalogue;

fn main() {
    let start = std::time::Instant::now();
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: first_classification_json CATALOGUE.json [--report]");
        std::process::exit(2);
    };
    let rt = match RuntimeCatalogue::from_json(std::path::Path::new(&path)) {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let rows = rt.by_code.get("6513").cloned().unwrap_or_default();
    let hit = rt
        .naive_find("软件开发；计算机视听觉软件")
        .any(|(_, id)| rows.iter().any(|r| r == id));
    let elapsed = start.elapsed();
    if std::env::args().any(|a| a == "--report") {
        println!("{}", elapsed.as_nanos());
    }
    std::process::exit(if hit { 0 } else { 1 });
}
