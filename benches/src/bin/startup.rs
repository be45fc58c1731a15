//! Measures start-up: process start to first classification, digicat against the
//! catalogue-from-JSON baseline. Prints one JSON object (medians over N runs, nanoseconds).
//!
//! Usage: `startup [RUNS] [CATALOGUE]` (run through `make bench`, after a release build of the
//! probes); a CATALOGUE (`szjj-2021`) is passed to digicat's probe, the baseline stays Dongguan's.
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn median(mut v: Vec<u128>) -> u128 {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

/// Median wall time of spawning `cmd` to its exit, and median in-process time it reports.
fn measure(bin: &Path, args: &[&str], runs: usize) -> (u128, u128) {
    let (mut wall, mut inside) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let t = Instant::now();
        let out = Command::new(bin).args(args).arg("--report").output();
        wall.push(t.elapsed().as_nanos());
        match out {
            Ok(o) if o.status.success() => {
                inside.push(
                    String::from_utf8_lossy(&o.stdout)
                        .trim()
                        .parse()
                        .unwrap_or(0),
                );
            }
            other => {
                eprintln!("{} failed: {other:?}", bin.display());
                std::process::exit(1);
            }
        }
    }
    (median(wall), median(inside))
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let exe = std::env::current_exe().unwrap_or_default();
    let dir: PathBuf = exe.parent().map(Path::to_path_buf).unwrap_or_default();
    let json = std::env::temp_dir().join("digicat-bench-catalogue.json");
    if let Err(e) = digicat_benches::write_catalogue_json(&json) {
        eprintln!("cannot write {}: {e}", json.display());
        std::process::exit(1);
    }
    let json_arg = json.to_string_lossy().into_owned();
    let catalogue = std::env::args().nth(2);
    let probe_args: Vec<&str> = catalogue.iter().map(String::as_str).collect();
    let (d_wall, d_in) = measure(&dir.join("first_classification"), &probe_args, runs);
    let (j_wall, j_in) = measure(&dir.join("first_classification_json"), &[&json_arg], runs);
    println!(
        "{}",
        serde_json::json!({
            "runs": runs,
            "digicat": {"process_ns": d_wall, "in_process_ns": d_in},
            "json_baseline": {"process_ns": j_wall, "in_process_ns": j_in},
        })
    );
}
