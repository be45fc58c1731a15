//! Writes N generated records as CSV (`企业编号,行业代码,经营范围`) to stdout, for the CLI and Python
//! benchmarks. Usage: `gen_records N [SEED] [mixed|short|typical|long]` (default: seed 2019, the
//! mixed lengths). The same arguments give the same file.
#![forbid(unsafe_code)]

use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(n) = args.next().and_then(|n| n.parse().ok()) else {
        eprintln!("usage: gen_records N [SEED]");
        std::process::exit(2);
    };
    let seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(2019);
    let length = match args.next().as_deref() {
        None | Some("mixed") => None,
        Some("short") => Some(digicat_benches::Length::Short),
        Some("typical") => Some(digicat_benches::Length::Typical),
        Some("long") => Some(digicat_benches::Length::Long),
        Some(other) => {
            eprintln!("unknown length {other:?}: mixed, short, typical or long");
            std::process::exit(2);
        }
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    writeln!(out, "企业编号,行业代码,经营范围")?;
    // Generate in chunks so memory stays small for large N.
    let mut written = 0usize;
    let mut chunk = 0u64;
    while written < n {
        let take = (n - written).min(10_000);
        let chunk_seed = seed ^ chunk.wrapping_mul(0x9E37_79B9);
        let records = match length {
            None => digicat_benches::records(take, chunk_seed),
            Some(length) => digicat_benches::records_of_length(take, chunk_seed, length),
        };
        for (i, r) in records.into_iter().enumerate() {
            writeln!(
                out,
                "E{:08},{},\"{}\"",
                written + i + 1,
                r.code,
                r.text.replace('"', "\"\"")
            )?;
        }
        written += take;
        chunk += 1;
    }
    out.flush()
}
