//! Fault tests: output that cannot be written, a run killed or interrupted half-way, a binary
//! file as input, a file mixing UTF-8 and GB18030 rows. See docs/reliability.md.

mod common;

use common::{arg, code, jsonl, run, stderr, stdout, table};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Header and `n` rows of a CSV list, ~130 bytes a row once classified.
fn rows(n: usize) -> Vec<u8> {
    let mut data = "企业编号,行业代码,经营范围\n".as_bytes().to_vec();
    for i in 0..n {
        data.extend(
            format!("E{i:06},6513,软件开发；计算机视听觉软件；信息系统集成服务\n").as_bytes(),
        );
    }
    data
}

/// The `.digicat-*.tmp` files in `dir`.
fn temporary_files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(".digicat-") && name.ends_with(".tmp")
        })
        .collect()
}

/// Starts `digicat classify - -o OUT` and feeds it 5 000 rows (more than its 64 KiB input and
/// output buffers) without closing its input, then waits until its temporary file has data: the
/// run is then certainly half-way, blocked reading.
fn start_half_way(dir: &Path, out: &Path) -> (Child, std::process::ChildStdin) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_digicat"))
        .args(["classify", "-", "-q", "-o", arg(out)])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("digicat starts");
    let mut input = child.stdin.take().unwrap();
    input.write_all(&rows(5000)).unwrap();
    input.flush().unwrap();
    // A guard against a hang, not a timing assertion: the data arrives well before.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let temp = temporary_files(dir);
        if temp
            .iter()
            .any(|t| fs::metadata(t).is_ok_and(|m| m.len() > 0))
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no output written yet; temporary files: {temp:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    (child, input)
}

#[cfg(target_os = "linux")]
#[test]
fn output_to_dev_full_exits_2_and_leaves_the_device_alone() {
    use std::os::unix::fs::FileTypeExt;
    let out = run(
        ["classify", arg(&common::example()), "-q", "-o", "/dev/full"],
        None,
    );
    assert_eq!(code(&out), 2);
    let message = stderr(&out);
    assert!(
        message.contains("cannot write /dev/full") && message.contains("No space left on device"),
        "{message}"
    );
    // Written in place, not through a temporary file renamed over the device.
    let full = fs::metadata("/dev/full").unwrap();
    assert!(full.file_type().is_char_device());
    assert!(temporary_files(Path::new("/dev")).is_empty());
}

#[cfg(unix)]
#[test]
fn a_write_failure_to_a_file_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("list.csv");
    fs::write(&input, rows(3000)).unwrap();
    let out = dir.path().join("out.csv");
    // A file-size limit of 128 blocks (64 or 128 KiB, by the shell's block size; the output is
    // ~500 KB) makes writes past it fail with EFBIG, like a full disk.
    let result = Command::new("sh")
        .args([
            "-c",
            r#"trap '' XFSZ; ulimit -f 128; exec "$0" "$@""#,
            env!("CARGO_BIN_EXE_digicat"),
            "classify",
            arg(&input),
            "-q",
            "-o",
            arg(&out),
        ])
        .output()
        .unwrap();
    assert_eq!(code(&result), 2, "{}", stderr(&result));
    assert!(
        stderr(&result).contains(&format!("cannot write {}", out.display())),
        "{}",
        stderr(&result)
    );
    assert!(!out.exists(), "no file at -o");
    assert!(temporary_files(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn sigkill_half_way_leaves_the_previous_output_intact() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    fs::write(&out, "previous result\n").unwrap();
    let (mut child, input) = start_half_way(dir.path(), &out);
    child.kill().unwrap();
    drop(input);
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(9));
    assert_eq!(fs::read_to_string(&out).unwrap(), "previous result\n");
    // SIGKILL cannot be caught: the temporary file stays, named so that it is recognisable.
    for leftover in temporary_files(dir.path()) {
        fs::remove_file(leftover).unwrap();
    }
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["out.csv"]);
}

#[cfg(unix)]
#[test]
fn sigint_sigterm_and_sighup_remove_the_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    for (name, number) in [("INT", 2), ("TERM", 15), ("HUP", 1)] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.csv");
        fs::write(&out, "previous result\n").unwrap();
        let (mut child, input) = start_half_way(dir.path(), &out);
        let sent = Command::new("kill")
            .args(["-s", name, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let status = child.wait().unwrap();
        drop(input);
        assert_eq!(status.signal(), Some(number), "SIG{name}: {status:?}");
        assert!(
            temporary_files(dir.path()).is_empty(),
            "SIG{name} left a temporary file"
        );
        assert_eq!(fs::read_to_string(&out).unwrap(), "previous result\n");
    }
}

/// 8 KiB of a PNG: the signature, an IHDR chunk, then pseudo-random bytes.
fn png() -> Vec<u8> {
    let mut data = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    let mut x: u32 = 2019;
    while data.len() < 8192 {
        x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        data.push((x >> 24) as u8);
    }
    data
}

#[test]
fn a_binary_file_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["photo.png", "list.csv", "list.tsv"] {
        let input = dir.path().join(name);
        fs::write(&input, png()).unwrap();
        let out = dir.path().join("out.csv");
        let result = run(["classify", arg(&input), "-o", arg(&out)], None);
        assert_eq!(code(&result), 2, "{name}");
        assert!(
            stderr(&result).contains("is not a CSV or TSV text file"),
            "{name}: {}",
            stderr(&result)
        );
        assert!(!out.exists());
        assert!(temporary_files(dir.path()).is_empty());
    }
    let piped = run(["classify", "-"], Some(&png()));
    assert_eq!(code(&piped), 2);
    assert!(stderr(&piped).contains("standard input is not a CSV or TSV text file"));
    assert!(piped.stdout.is_empty());
}

#[test]
fn nul_bytes_in_utf8_text_are_characters_of_the_row() {
    let data = "行业代码,经营范围\n6513,计算机视听觉软件\0\n6520,\n".as_bytes();
    let out = run(["classify", "-", "-q"], Some(data));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let t = table(&out.stdout, b',');
    assert_eq!(t.len(), 3);
    assert_eq!(t[1][1], "计算机视听觉软件\0");
    assert_eq!(
        (t[1][2].as_str(), t[2][2].as_str()),
        ("in_scope", "in_scope")
    );
}

/// The GB18030 bytes of `s`.
fn gb(s: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(s).0.into_owned()
}

#[test]
fn mixed_utf8_and_gb18030_rows_are_handled_per_row() {
    let text = "计算机视听觉软件";
    let lines: [(&str, bool); 6] = [
        ("id,行业代码,经营范围\n", false),
        ("g1,6513,计算机视听觉软件\n", false),
        ("u1,6513,计算机视听觉软件\n", true),
        ("a1,6520,\n", true),
        ("u2,6513,软件\n", true),
        ("g2,6513,计算机视听觉软件\n", false),
    ];
    // Within the first 64 KiB: detected as GB18030, the UTF-8 rows are flagged, not misread.
    let data: Vec<u8> = lines
        .iter()
        .flat_map(|(l, utf8)| if *utf8 { l.as_bytes().to_vec() } else { gb(l) })
        .collect();
    let out = run(["classify", "-", "-q"], Some(&data));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let t = table(&out.stdout, b',');
    assert_eq!(t.len(), lines.len(), "every row kept");
    let ids: Vec<&str> = t.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["id", "g1", "u1", "a1", "u2", "g2"], "in order");
    for row in [&t[1], &t[5]] {
        assert_eq!((row[2].as_str(), row[3].as_str()), (text, "in_scope"));
    }
    assert_eq!(
        (t[3][3].as_str(), t[3][4].as_str()),
        ("in_scope", "whole_class")
    );
    for (row, shown) in [(&t[2], text), (&t[4], "软件")] {
        assert_eq!(row[2], shown, "shown decoded as UTF-8, not as mojibake");
        assert_eq!(
            (row[3].as_str(), row[4].as_str()),
            ("invalid", "invalid_encoding")
        );
        assert!(row[9].contains("mixed encodings"), "{}", row[9]);
    }

    // Forced GB18030: the user's choice holds; UTF-8 rows are decoded as GB18030, and flagged
    // where their bytes are not valid GB18030.
    let forced = run(
        ["classify", "-", "-q", "--encoding", "gb18030"],
        Some(&data),
    );
    assert_eq!(table(&forced.stdout, b',').len(), lines.len());

    // A UTF-8 file (detected from its first 64 KiB) with a GB18030 row: that row is flagged.
    let mut utf8 = "id,行业代码,经营范围\n".as_bytes().to_vec();
    let mut n = 0;
    while utf8.len() < 70 * 1024 {
        n += 1;
        utf8.extend(format!("{n},6513,{text}\n").as_bytes());
    }
    utf8.extend(gb(&format!("g,6513,{text}\n")));
    let out = run(["classify", "-", "-q"], Some(&utf8));
    let t = table(&out.stdout, b',');
    assert_eq!(t.len(), n + 2);
    let last = &t[n + 1];
    assert_eq!(
        (last[3].as_str(), last[4].as_str()),
        ("invalid", "invalid_encoding")
    );
    assert!(
        last[2].contains('\u{FFFD}'),
        "undecodable bytes shown as U+FFFD"
    );
    // No silent mojibake anywhere: a row is either read right or invalid.
    for row in &t[1..] {
        assert!(row[2] == text || row[3] == "invalid", "{row:?}");
    }
    assert!(stdout(&out).len() > 70 * 1024);
}

#[test]
fn a_10_mb_field_and_blank_fields() {
    let filler = "餐饮服务；".repeat(10 * 1024 * 1024 / "餐饮服务；".len());
    let mut data = format!("id,行业代码,经营范围\n1,6513,{filler}计算机视听觉软件\n").into_bytes();
    data.extend("2, \u{3000} ,\t \n".as_bytes());
    let out = run(["classify", "-", "-q", "--format", "jsonl"], Some(&data));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = jsonl(&stdout(&out));
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["status"], "in_scope");
    assert_eq!(rows[0]["evidence"][0]["start"], filler.len());
    let kept = rows[0]["input"]["经营范围"].as_str().unwrap();
    assert_eq!(
        kept.len(),
        filler.len() + "计算机视听觉软件".len(),
        "kept whole"
    );
    // Blank fields are absent: no code, nothing named.
    assert_eq!(
        (rows[1]["status"].as_str(), rows[1]["reason"].as_str()),
        (Some("out_of_scope"), Some("nothing_named"))
    );
    assert_eq!(rows[1]["input"]["行业代码"], " \u{3000} ");
}

#[test]
fn two_runs_onto_one_output_leave_one_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let runs: Vec<Child> = (0..2)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_digicat"))
                .args([
                    "classify",
                    arg(&common::example()),
                    "-q",
                    "--no-bom",
                    "-o",
                    arg(&out),
                ])
                .spawn()
                .unwrap()
        })
        .collect();
    for mut r in runs {
        assert!(r.wait().unwrap().success());
    }
    common::same_as_golden("enterprises.csv", &fs::read(&out).unwrap());
    assert!(temporary_files(dir.path()).is_empty());
}
