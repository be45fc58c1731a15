//! Compares the byte-level engine with the engine before it (issue 15) on N generated records
//! (the mixed lengths of `gen_records`, default 1,000,000, seed 2019, in chunks as
//! `gen_records` writes them): every evidence and the classification, both policies, with and
//! without the record's code. Usage: `equivalence [N] [SEED]`; exits 1 at the first difference.
#![forbid(unsafe_code)]

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(2019);
    let (mut done, mut chunk, mut bytes) = (0usize, 0u64, 0usize);
    while done < n {
        let take = (n - done).min(10_000);
        let records = digicat_benches::records(take, seed ^ chunk.wrapping_mul(0x9E37_79B9));
        for r in &records {
            let code = Some(r.code.as_str()).filter(|c| !c.is_empty());
            for code in [code, None] {
                if let Some(d) = digicat::matcher_old::differences(code, &r.text) {
                    eprintln!("record {}: {d}", done);
                    std::process::exit(1);
                }
            }
            bytes += r.text.len();
            done += 1;
        }
        chunk += 1;
    }
    println!("{done} records ({bytes} bytes of text, seed {seed}): old and new engines agree");
}
