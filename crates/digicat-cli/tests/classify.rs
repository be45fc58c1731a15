//! `digicat classify` run as a program: every input form, bad input, and the promise that every
//! row comes out once, in order.

mod common;

use common::{
    arg, blessing, code, example, golden, jsonl, run, same_as_golden, stderr, stdout, table,
    test_file,
};
use digicat::report::{COLUMNS_EN, COLUMNS_ZH};
use std::fs;
use std::path::Path;

/// The example's rows (header included), as the golden CSV has them.
fn golden_table() -> Vec<Vec<String>> {
    table(
        &fs::read(test_file("golden/enterprises.csv")).expect("golden CSV"),
        b',',
    )
}

/// Input rows (header included) of a CSV file.
fn input_table(path: &Path) -> Vec<Vec<String>> {
    table(&fs::read(path).expect("input"), b',')
}

/// Asserts that `out` has the input's rows, each once and in order, with the added columns.
fn assert_rows_kept(input: &[Vec<String>], out: &[Vec<String>]) {
    assert_eq!(out.len(), input.len(), "row count in = row count out");
    for (i, (a, b)) in input.iter().zip(out).enumerate() {
        assert_eq!(b.len(), a.len() + 7, "row {i}: input columns + 7");
        assert_eq!(
            &b[..a.len()],
            &a[..],
            "row {i}: input values unchanged, same order"
        );
    }
}

#[test]
fn example_csv_matches_the_golden_output() {
    let out = run(["classify", arg(&example()), "--quiet"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "--quiet: nothing on stderr");
    golden("enterprises.csv", &out.stdout);
    assert_rows_kept(&input_table(&example()), &table(&out.stdout, b','));
}

#[test]
fn example_jsonl_matches_the_golden_output() {
    let out = run(
        ["classify", arg(&example()), "-q", "--format", "jsonl"],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    golden("enterprises.jsonl", &out.stdout);
    let input = input_table(&example());
    let text = stdout(&out);
    let lines = jsonl(&text);
    assert_eq!(lines.len(), input.len() - 1, "one object per data row");
    for (i, ((row, obj), raw)) in input[1..].iter().zip(&lines).zip(text.lines()).enumerate() {
        assert_eq!(
            obj["line"],
            i + 2,
            "line numbers count the header as line 1"
        );
        let mut keys: Vec<&str> = obj
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "code",
                "error",
                "evidence",
                "industries",
                "input",
                "line",
                "reason",
                "rows",
                "status"
            ],
            "the documented keys, on every line"
        );
        let mut at = 0;
        for (name, value) in input[0].iter().zip(row) {
            assert_eq!(
                obj["input"][name].as_str(),
                Some(value.as_str()),
                "input value kept"
            );
            let key = serde_json::to_string(name).unwrap() + ":";
            let found = raw[at..].find(&key).expect("input key present");
            at += found + key.len();
        }
        let text = row[4].as_str();
        for e in obj["evidence"].as_array().expect("evidence array") {
            let (s, t) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert!(
                text.get(s..t).is_some(),
                "byte span {s}..{t} in the text column"
            );
            assert!(["product", "alias", "scope_phrase", "class_name"]
                .contains(&e["kind"].as_str().unwrap()));
            assert_eq!(
                e["relation"].is_null(),
                e["kind"] != "scope_phrase",
                "a relation for scope phrases only"
            );
        }
    }
}

#[test]
fn example_covers_every_status_all_industries_and_bad_codes() {
    let t = golden_table();
    let col = |name: &str| t[0].iter().position(|h| h == name).expect(name);
    let (status, reason, industries) = (col("status"), col("reason"), col("industries"));
    for s in ["in_scope", "needs_review", "out_of_scope", "invalid"] {
        assert!(
            t.iter().any(|r| r[status] == s),
            "status {s} in the example"
        );
    }
    // class_name never decides in practice (class names belong to whole-class rows); the
    // skipped rows' reasons (blank_row, footer_row) have their own tests (tests/exports.rs).
    for r in digicat::Reason::ALL
        .iter()
        .filter(|r| r.as_str() != "class_name" && r.status() != digicat::Status::Skipped)
    {
        assert!(
            t.iter().any(|row| row[reason] == r.as_str()),
            "reason {r} in the example"
        );
    }
    for kind in [
        "malformed_code",
        "unknown_code",
        "section_mismatch",
        "unknown_class_name",
        "code_name_mismatch",
        "hierarchy_mismatch",
    ] {
        assert!(
            t.iter().any(|row| row[reason] == kind),
            "bad code kind {kind} in the example"
        );
    }
    for id in 1..=9 {
        let id = id.to_string();
        assert!(
            t.iter()
                .any(|row| row[status] == "in_scope" && row[industries] == id),
            "industry {id} in scope somewhere in the example"
        );
    }
    assert!((45..=60).contains(&(t.len() - 1)), "about 50 rows");
}

#[test]
fn utf8_with_bom_gives_the_same_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.csv");
    let mut data = b"\xEF\xBB\xBF".to_vec();
    data.extend(fs::read(example()).unwrap());
    fs::write(&path, data).unwrap();
    let out = run(["classify", arg(&path), "-q"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    same_as_golden("enterprises.csv", &out.stdout);
}

#[test]
fn gb18030_copy_gives_the_same_output() {
    let fixture = test_file("fixtures/enterprises.gb18030.csv");
    let utf8 = fs::read_to_string(example()).unwrap();
    if blessing() {
        let (bytes, _, bad) = encoding_rs::GB18030.encode(&utf8);
        assert!(!bad, "the example is encodable in GB18030");
        fs::write(&fixture, &bytes).unwrap();
    }
    let raw = fs::read(&fixture).unwrap();
    assert!(
        std::str::from_utf8(&raw).is_err(),
        "the fixture is not UTF-8"
    );
    let (decoded, bad) = encoding_rs::GB18030.decode_without_bom_handling(&raw);
    assert!(
        !bad && decoded == utf8,
        "the fixture is the example in GB18030 (DIGICAT_BLESS=1 regenerates it)"
    );

    for extra in [&[][..], &["--encoding", "gb18030"], &["--encoding", "gbk"]] {
        let mut args = vec!["classify", arg(&fixture), "-q"];
        args.extend(extra.iter().copied());
        let out = run(args, None);
        assert_eq!(code(&out), 0, "{extra:?}: {}", stderr(&out));
        same_as_golden("enterprises.csv", &out.stdout);
    }
    let out = run(["classify", arg(&fixture), "--encoding", "utf-8"], None);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert!(
        err.contains("use --encoding gb18030") && !err.contains("--encoding utf-8"),
        "suggests the other encoding, not the one that failed: {err}"
    );
    let out = run(["classify", arg(&fixture)], None);
    assert!(
        stderr(&out).contains("GB18030"),
        "the summary names the encoding"
    );
}

#[test]
fn tsv_input_gives_tsv_output_and_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.tsv");
    let tsv: String = fs::read_to_string(example()).unwrap().replace(',', "\t");
    fs::write(&path, tsv).unwrap();
    let out = run(["classify", arg(&path), "-q"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(table(&out.stdout, b'\t'), golden_table(), "TSV in, TSV out");
    let out = run(["classify", arg(&path), "-q", "--format", "csv"], None);
    same_as_golden("enterprises.csv", &out.stdout);
    // A tab in the header line makes a file of another name (or stdin) TSV.
    let txt = dir.path().join("list.txt");
    fs::copy(&path, &txt).unwrap();
    let out = run(["classify", arg(&txt), "-q", "--format", "csv"], None);
    same_as_golden("enterprises.csv", &out.stdout);
}

#[test]
fn xlsx_input_gives_the_same_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("名录.xlsx");
    let rows = input_table(&example());
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("名录").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            // Excel exports store bare codes as numbers: 6513 must come back as "6513".
            match value.parse::<f64>() {
                Ok(n) if c == 2 && r > 0 => sheet.write_number(r, c, n).map(|_| ()),
                _ => sheet.write_string(r, c, value).map(|_| ()),
            }
            .unwrap();
        }
    }
    let other = book.add_worksheet().set_name("说明").unwrap();
    other.write_string(0, 0, "经营范围").unwrap();
    other.write_string(1, 0, "计算机视听觉软件").unwrap();
    book.save(&path).unwrap();

    let out = run(["classify", arg(&path), "-q"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    same_as_golden("enterprises.csv", &out.stdout);

    let out = run(
        [
            "classify",
            arg(&path),
            "-q",
            "--sheet",
            "说明",
            "--format",
            "jsonl",
        ],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let obj: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(
        (obj["line"].as_u64(), obj["status"].as_str()),
        (Some(2), Some("needs_review"))
    );

    let out = run(["classify", arg(&path), "--sheet", "无此表"], None);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("名录, 说明"),
        "lists the sheets: {}",
        stderr(&out)
    );

    // A workbook on standard input is recognised by its content.
    let out = run(["classify", "-", "-q"], Some(&fs::read(&path).unwrap()));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    same_as_golden("enterprises.csv", &out.stdout);
}

#[test]
fn stdin_input_gives_the_same_output() {
    let out = run(
        ["classify", "-", "--quiet"],
        Some(&fs::read(example()).unwrap()),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    same_as_golden("enterprises.csv", &out.stdout);
}

#[test]
fn missing_column_exits_2_and_shows_the_header() {
    let out = run(
        ["classify", "-"],
        Some("名称,地址\n东莞市某公司,南城\n".as_bytes()),
    );
    assert_eq!(code(&out), 2);
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(err.contains("1 \"名称\", 2 \"地址\""), "{err}");
    let out = run(
        ["classify", "-", "--code-col", "代码"],
        Some("行业代码,经营范围\n6513,\n".as_bytes()),
    );
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("\"代码\" (--code-col) not found"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn named_columns_and_files_with_one_column() {
    let data = "名称,国标行业,主营业务\n甲,6513,计算机视听觉软件\n乙,7320,\n";
    let out = run(
        [
            "classify",
            "-",
            "-q",
            "--code-col",
            "国标行业",
            "--text-col",
            "主营业务",
        ],
        Some(data.as_bytes()),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let t = table(&out.stdout, b',');
    assert_eq!(
        (t[1][3].as_str(), t[1][4].as_str()),
        ("in_scope", "listed_product")
    );
    assert_eq!(
        (t[2][3].as_str(), t[2][4].as_str()),
        ("out_of_scope", "code_outside_catalogue")
    );

    let out = run(
        ["classify", "-", "-q"],
        Some("行业代码\n6520\n6513\n".as_bytes()),
    );
    let t = table(&out.stdout, b',');
    assert_eq!(t.len(), 3);
    assert_eq!(
        (t[1][1].as_str(), t[2][1].as_str()),
        ("in_scope", "needs_review")
    );

    let out = run(
        ["classify", "-", "-q"],
        Some("经营范围\n计算机视听觉软件\n餐饮服务\n".as_bytes()),
    );
    let t = table(&out.stdout, b',');
    assert_eq!(
        (t[1][2].as_str(), t[2][2].as_str()),
        ("no_code", "nothing_named")
    );
}

#[test]
fn header_only_file_gives_the_header_only() {
    let out = run(["classify", "-"], Some("行业代码,经营范围\n".as_bytes()));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let expected: Vec<&str> = ["行业代码", "经营范围"]
        .into_iter()
        .chain(COLUMNS_EN)
        .collect();
    assert_eq!(stdout(&out), format!("{}\n", expected.join(",")));
    assert!(
        stderr(&out).contains("0 rows read, 0 rows written"),
        "{}",
        stderr(&out)
    );
    let out = run(
        ["classify", "-", "--format", "jsonl"],
        Some("行业代码,经营范围\n".as_bytes()),
    );
    assert_eq!((code(&out), out.stdout.len()), (0, 0));
}

#[test]
fn empty_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.csv");
    fs::write(&path, "").unwrap();
    let out = run(["classify", arg(&path)], None);
    assert_eq!(code(&out), 2);
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains("is empty: no header row"),
        "{}",
        stderr(&out)
    );
    let out = run(["classify", "-"], Some(b"\xEF\xBB\xBF"));
    assert_eq!(code(&out), 2, "a BOM alone is empty too");
}

#[test]
fn malformed_records_are_kept_in_place_with_their_line() {
    let data = "\
id,行业代码,经营范围
1,6520,集成电路设计
2,6513,\"计算机视听觉软件
（多行）\"
3,6513,计算机视听觉软件,多余,字段
4,6513
5,6421,互联网搜索服务
";
    let out = run(["classify", "-", "-q"], Some(data.as_bytes()));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let t = table(&out.stdout, b',');
    let ids: Vec<&str> = t[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5"], "every row once, in order");
    assert!(
        t.iter().all(|r| r.len() == 10),
        "every row as wide as the header"
    );
    assert_eq!(
        t[2][3], "in_scope",
        "a quoted multi-line field is one record"
    );
    assert_eq!(
        (t[3][3].as_str(), t[3][4].as_str()),
        ("invalid", "malformed_record")
    );
    assert_eq!(
        &t[3][..3],
        ["3", "6513", "计算机视听觉软件"],
        "fields kept as they are"
    );
    assert!(
        t[3][9].starts_with("line 5: malformed record: 5 fields, but the header has 3"),
        "{}",
        t[3][9]
    );
    assert!(
        t[3][9].contains("extra fields: \"多余\", \"字段\""),
        "{}",
        t[3][9]
    );
    assert_eq!(
        (t[4][2].as_str(), t[4][3].as_str()),
        ("", "invalid"),
        "short record padded"
    );
    assert!(t[4][9].starts_with("line 6:"), "{}", t[4][9]);
    assert_eq!(t[5][3], "in_scope");

    let out = run(["classify", "-", "-q", "--strict"], Some(data.as_bytes()));
    assert_eq!(code(&out), 1, "--strict: exit 1 when a row is invalid");
}

#[test]
fn a_100_kb_field_is_classified_and_kept() {
    let filler =
        "研发、生产、销售电子产品；".repeat(100 * 1024 / "研发、生产、销售电子产品；".len() + 1);
    let text = format!("{filler}计算机视听觉软件");
    assert!(text.len() > 100 * 1024);
    let data = format!("id,行业代码,经营范围\n1,6513,{text}\n2,6520,\n");
    let out = run(
        ["classify", "-", "-q", "--format", "jsonl"],
        Some(data.as_bytes()),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = jsonl(&stdout(&out));
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0]["input"]["经营范围"],
        text.as_str(),
        "the field comes back whole"
    );
    assert_eq!(rows[0]["status"], "in_scope");
    let e = &rows[0]["evidence"][0];
    assert_eq!(
        e["start"].as_u64(),
        Some(filler.len() as u64),
        "offsets are bytes in the field"
    );
    assert_eq!(rows[1]["input"]["id"], "2");
}

#[test]
fn bad_codes_are_invalid_rows_in_place() {
    let data = "\
id,行业代码,经营范围
1,65a3,软件开发
2,9999,
3,C6513,
4,软件开发工具,
5,6513 基础软件开发,
6,6513,计算机视听觉软件
7,I6513-应用软件开发,办公软件
";
    let out = run(
        ["classify", "-", "--edition", "2017"],
        Some(data.as_bytes()),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let t = table(&out.stdout, b',');
    let got: Vec<(&str, &str, &str)> = t[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[3].as_str(), r[4].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("1", "invalid", "malformed_code"),
            ("2", "invalid", "unknown_code"),
            ("3", "invalid", "section_mismatch"),
            ("4", "invalid", "unknown_class_name"),
            ("5", "invalid", "code_name_mismatch"),
            ("6", "in_scope", "listed_product"),
            ("7", "in_scope", "listed_product"),
        ]
    );
    assert!(
        t[1..6].iter().all(|r| !r[9].is_empty()),
        "each invalid row says why"
    );
    assert!(
        stderr(&out).contains("invalid rows: 5 (line 2, 3, 4, 5, 6)"),
        "{}",
        stderr(&out)
    );
    let out = run(["classify", "-", "-q", "--strict"], Some(data.as_bytes()));
    assert_eq!(code(&out), 1);
    let out = run(
        ["classify", "-", "-q", "--strict"],
        Some("行业代码\n6520\n".as_bytes()),
    );
    assert_eq!(code(&out), 0, "--strict without invalid rows");
}

#[test]
fn edition_2011_reads_old_codes() {
    let data = "行业代码\n6520\n6510\n";
    let auto = table(
        &run(["classify", "-", "-q"], Some(data.as_bytes())).stdout,
        b',',
    );
    assert_eq!(
        (auto[1][2].as_str(), auto[2][2].as_str()),
        ("whole_class", "old_edition_code")
    );
    let old = table(
        &run(
            ["classify", "-", "-q", "--edition", "2011"],
            Some(data.as_bytes()),
        )
        .stdout,
        b',',
    );
    assert_eq!(
        old[1][2], "old_edition_code",
        "6520 read as the 2011 信息系统集成服务"
    );
    let new = table(
        &run(
            ["classify", "-", "-q", "--edition", "2017"],
            Some(data.as_bytes()),
        )
        .stdout,
        b',',
    );
    assert_eq!(new[2][2], "unknown_code");
}

#[test]
fn undecodable_bytes_after_the_prefix_mark_the_row() {
    // 70 KB of UTF-8 rows, so the encoding is chosen before the GB18030 row is seen.
    let mut data = "id,行业代码,经营范围\n".as_bytes().to_vec();
    let mut n = 0;
    while data.len() < 70 * 1024 {
        n += 1;
        data.extend(format!("{n},6513,计算机视听觉软件\n").as_bytes());
    }
    data.extend(b"bad,6513,");
    data.extend(encoding_rs::GB18030.encode("计算机视听觉软件").0.iter());
    data.extend(b"\nlast,6520,\n");
    let out = run(["classify", "-", "-q", "--format", "jsonl"], Some(&data));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = jsonl(&stdout(&out));
    assert_eq!(rows.len(), n + 2, "row count in = row count out");
    let bad = &rows[n];
    assert_eq!(bad["input"]["id"], "bad");
    assert_eq!(
        (bad["status"].as_str(), bad["reason"].as_str()),
        (Some("invalid"), Some("invalid_encoding"))
    );
    let error = bad["error"].as_str().unwrap();
    assert!(
        error.contains("not valid in UTF-8") && error.contains("经营范围"),
        "{error}"
    );
    assert!(bad["input"]["经营范围"]
        .as_str()
        .unwrap()
        .contains('\u{FFFD}'));
    assert_eq!(rows[n + 1]["status"], "in_scope");
}

#[test]
fn output_file_is_written_whole_and_never_over_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("list.csv");
    fs::copy(example(), &input).unwrap();
    let original = fs::read(&input).unwrap();
    let result = dir.path().join("result.csv");
    let out = run(["classify", arg(&input), "-q", "-o", arg(&result)], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = fs::read(&result).unwrap();
    let body = written
        .strip_prefix("\u{FEFF}".as_bytes())
        .expect("a file written with -o starts with a BOM");
    same_as_golden("enterprises.csv", body);

    let link = dir.path().join("link.csv");
    fs::hard_link(&input, &link).unwrap();
    let dotted = dir.path().join(".").join("list.csv");
    for target in [&input, &dotted, &link] {
        let out = run(["classify", arg(&input), "-o", arg(target)], None);
        assert_eq!(code(&out), 2, "-o {} refused", target.display());
        assert!(
            stderr(&out).contains("refusing to write over the input"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(
        fs::read(&input).unwrap(),
        original,
        "the input is untouched"
    );

    // A run that fails leaves neither OUTPUT nor a temporary file.
    let failed = dir.path().join("failed.csv");
    let out = run(
        [
            "classify",
            arg(&input),
            "--code-col",
            "无",
            "-o",
            arg(&failed),
        ],
        None,
    );
    assert_eq!(code(&out), 2);
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["link.csv", "list.csv", "result.csv"]);
}

#[cfg(target_os = "linux")]
#[test]
fn a_write_error_exits_2_with_a_message() {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_digicat"))
        .args(["classify", arg(&example()), "-q"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("cannot write standard output"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn lang_zh_gives_chinese_headers_for_the_added_columns() {
    let out = run(["classify", arg(&example()), "-q", "--lang", "zh"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let t = table(&out.stdout, b',');
    let g = golden_table();
    assert_eq!(&t[0][..5], &g[0][..5], "input headers unchanged");
    assert_eq!(&t[0][5..], COLUMNS_ZH, "added headers in Chinese");
    for (zh, en) in t[1..].iter().zip(&g[1..]) {
        assert_eq!(&zh[..5], &en[..5], "input values unchanged");
        let status = digicat::report::code_of(&zh[5]);
        assert_eq!(status, Some(en[5].as_str()), "status in Chinese: {}", zh[5]);
        assert_eq!(
            digicat::report::code_of(&zh[6]),
            Some(en[6].as_str()),
            "reason in Chinese"
        );
        assert!(!zh[5].is_ascii() && !zh[6].is_ascii());
        assert_eq!(
            &zh[7..11],
            &en[7..11],
            "ids, names, rows, terms as in English"
        );
        assert_eq!(
            zh[11].is_empty(),
            en[11].is_empty(),
            "a message where English has one"
        );
        assert!(!zh[11].contains(" is "), "message in Chinese: {}", zh[11]);
    }
    assert_eq!(&g[0][5..], COLUMNS_EN);
}

#[test]
fn bom_option_starts_the_output_with_a_bom() {
    let out = run(
        ["classify", "-", "-q", "--bom"],
        Some("行业代码\n6520\n".as_bytes()),
    );
    assert!(out.stdout.starts_with("\u{FEFF}行业代码,".as_bytes()));
}

#[test]
fn summary_on_stderr_without_progress_bar_in_pipes() {
    let out = run(["classify", arg(&example())], None);
    let err = stderr(&out);
    for part in [
        "60 rows read, 60 rows written",
        "in_scope",
        "needs_review",
        "out_of_scope",
        "invalid",
        "1 新兴软件开发",
        "9 互联网安全服务",
        "invalid rows: 6",
        "rows/s",
        digicat::CATALOGUE_VERSION,
    ] {
        assert!(err.contains(part), "summary has {part:?}:\n{err}");
    }
    assert!(
        !err.contains('\r') && !err.contains('\u{1b}'),
        "no progress bar in a pipe"
    );
}
