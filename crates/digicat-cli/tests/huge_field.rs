//! One record's memory is bounded: a 100 MB 经营范围 of one term repeated (which used to take
//! about 18× its size, every match an evidence item) is kept as an `invalid` row with reason
//! `text_too_long`, under an address-space limit of a few times the field.

mod common;

use common::arg;
use std::fs;
use std::io::Write;
use std::process::Command;

#[test]
fn a_100_mb_field_is_invalid_within_a_memory_limit() {
    let dir = std::env::temp_dir().join(format!("digicat-huge-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let (input, out) = (dir.join("huge.csv"), dir.join("out.csv"));
    let mut f = std::io::BufWriter::new(fs::File::create(&input).unwrap());
    writeln!(f, "企业编号,行业代码,经营范围").unwrap();
    write!(f, "E1,6513,").unwrap();
    let term = "软件开发；".as_bytes();
    for _ in 0..100_000_000 / term.len() {
        f.write_all(term).unwrap();
    }
    writeln!(f).unwrap();
    writeln!(f, "E2,6513,计算机视听觉软件").unwrap();
    f.into_inner().unwrap().sync_all().unwrap();
    // 1 GiB of address space (thread stacks and malloc arenas included).
    let limit_kib = 1024 * 1024;
    for threads in ["1", "2"] {
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v {limit_kib} && exec \"$0\" classify \"$1\" -o \"$2\" -q --encoding utf-8 --threads {threads}"
            ))
            .arg(env!("CARGO_BIN_EXE_digicat"))
            .arg(arg(&input))
            .arg(arg(&out))
            .status()
            .unwrap();
        assert!(status.success(), "--threads {threads}: {status}");
        let written = fs::read(&out).unwrap();
        let text = String::from_utf8_lossy(&written);
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len(), 3, "--threads {threads}");
        assert!(
            rows[1].contains(",invalid,text_too_long,"),
            "--threads {threads}"
        );
        assert!(rows[1].len() > 100_000_000);
        assert!(rows[2].contains(",in_scope,listed_product,"), "{}", rows[2]);
    }
    fs::remove_dir_all(&dir).unwrap();
}
