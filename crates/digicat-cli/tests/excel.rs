//! Back into Excel: workbook output (cell types kept, summary and options sheets), the format
//! checked against the output's extension, the BOM default of `-o` files, ISO dates, and the
//! `--summary` file with `--group-by`.

mod common;

use calamine::{Data, Reader, Xlsx};
use common::{arg, code, example, run, stderr, table};
use std::fs;
use std::path::Path;

fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn names(path: &Path) -> Vec<String> {
    let book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    book.sheet_names()
}

#[test]
fn the_example_as_a_workbook_has_every_row_the_summary_and_the_options() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("结果.xlsx");
    let run_out = run(
        [
            "classify",
            arg(&example()),
            "-q",
            "-o",
            arg(&out),
            "--group-by",
            "镇街",
        ],
        None,
    );
    assert_eq!(code(&run_out), 0, "{}", stderr(&run_out));
    assert_eq!(names(&out), ["result", "summary", "options"]);
    let rows = sheet(&out, "result");
    let csv = run(["classify", arg(&example()), "-q"], None);
    let want = table(&csv.stdout, b',');
    assert_eq!(rows.len(), want.len(), "header and every row");
    for (got, want) in rows.iter().zip(&want) {
        let got: Vec<String> = got.iter().map(ToString::to_string).collect();
        assert_eq!(&got[..], &want[..], "the same values as the CSV output");
    }
    assert!(
        rows.iter()
            .flatten()
            .all(|c| matches!(c, Data::String(_) | Data::Empty)),
        "CSV input cells are text, and so are the added columns"
    );
    let summary = sheet(&out, "summary");
    assert_eq!(summary[0][0].to_string(), "by");
    let songshanhu: Vec<&Vec<Data>> = summary
        .iter()
        .filter(|r| r[0] == "group_status" && r[2] == "松山湖")
        .collect();
    assert!(!songshanhu.is_empty(), "per-town counts");
    assert_eq!(songshanhu[0][1].to_string(), "镇街");
    assert!(
        matches!(songshanhu[0][7], Data::Float(n) if n >= 1.0),
        "counts are numbers"
    );
    let options = sheet(&out, "options");
    let catalogue = options[0][1].to_string();
    assert!(
        catalogue.contains(digicat::CATALOGUE_VERSION),
        "{catalogue}"
    );
}

#[test]
fn a_workbook_in_is_a_workbook_out_with_cell_types_kept_and_the_header_on_row_1() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("名录.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2019, 3, 8).unwrap();
    let when = rust_xlsxwriter::ExcelDateTime::from_ymd(2020, 1, 2)
        .unwrap()
        .and_hms(9, 30, 0)
        .unwrap();
    let f = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    s.write_string(0, 0, "企查查导出数据（导出时间 2024-05-01）")
        .unwrap();
    for (c, h) in [
        "企业名称",
        "区号",
        "行业代码",
        "注册资本",
        "成立日期",
        "在营",
        "经营范围",
    ]
    .iter()
    .enumerate()
    {
        s.write_string(2, c as u16, *h).unwrap();
    }
    s.write_string(3, 0, "甲公司").unwrap();
    s.write_string(3, 1, "0769").unwrap();
    s.write_number(3, 2, 6520).unwrap();
    s.write_number(3, 3, 1234.5).unwrap();
    s.write_datetime_with_format(3, 4, &date, &f).unwrap();
    s.write_boolean(3, 5, true).unwrap();
    s.write_string(3, 6, "集成电路设计").unwrap();
    s.write_string(4, 0, "乙公司").unwrap();
    s.write_datetime_with_format(4, 4, &when, &f).unwrap();
    book.save(&input).unwrap();

    let out = dir.path().join("out.xlsx");
    let r = run(
        [
            "classify",
            arg(&input),
            "-q",
            "-o",
            arg(&out),
            "--lang",
            "zh",
        ],
        None,
    );
    assert_eq!(code(&r), 0, "{}", stderr(&r));
    assert_eq!(names(&out), ["结果", "汇总", "选项"]);
    let rows = sheet(&out, "结果");
    assert_eq!(
        rows[0][0].to_string(),
        "企业名称",
        "the header on row 1, the title dropped"
    );
    assert_eq!(rows.len(), 3);
    let first = &rows[1];
    assert_eq!(first[1], Data::String("0769".into()), "leading zero kept");
    assert_eq!(first[2], Data::Float(6520.0), "a number stays a number");
    assert_eq!(first[3], Data::Float(1234.5));
    assert!(
        matches!(&first[4], Data::DateTime(d) if d.as_f64() == 43532.0),
        "a date stays a date: {:?}",
        first[4]
    );
    assert_eq!(first[5], Data::Bool(true));
    assert!(matches!(&rows[2][4], Data::DateTime(d) if (d.as_f64() - 43832.395833).abs() < 1e-5));

    // In CSV, JSONL: ISO dates, not serial numbers.
    let csv = run(["classify", arg(&input), "-q"], None);
    let t = table(&csv.stdout, b',');
    assert_eq!(t[1][4], "2019-03-08");
    assert_eq!(t[2][4], "2020-01-02 09:30:00");
    let json = run(["classify", arg(&input), "-q", "--format", "jsonl"], None);
    assert!(common::stdout(&json).contains("\"成立日期\":\"2019-03-08\""));
}

#[test]
fn an_extension_that_disagrees_with_the_format_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ex = example();
    for (name, extra) in [
        ("a.csv", Some("xlsx")),
        ("a.xlsx", Some("csv")),
        ("a.jsonl", Some("tsv")),
        ("a.xls", None),
        ("a.xlsm", Some("xlsx")),
    ] {
        let path = dir.path().join(name);
        let mut args = vec!["classify", arg(&ex), "-q", "-o", arg(&path)];
        if let Some(f) = extra {
            args.extend(["--format", f]);
        }
        let out = run(args, None);
        assert_eq!(code(&out), 2, "{name} {extra:?}");
        assert!(!path.exists(), "nothing written");
        assert!(stderr(&out).contains(".xlsx") || stderr(&out).contains("disagrees"));
    }
    // An extension says the format when --format is absent; a neutral one keeps CSV.
    let path = dir.path().join("a.out");
    let out = run(["classify", arg(&example()), "-q", "-o", arg(&path)], None);
    assert_eq!(code(&out), 0);
    assert!(fs::read(&path)
        .unwrap()
        .starts_with("\u{FEFF}统一社会信用代码,".as_bytes()));
    let path = dir.path().join("b.tsv");
    run(
        [
            "classify",
            arg(&example()),
            "-q",
            "-o",
            arg(&path),
            "--no-bom",
        ],
        None,
    );
    assert!(fs::read(&path)
        .unwrap()
        .starts_with("统一社会信用代码\t".as_bytes()));
}

#[test]
fn bom_on_for_files_off_for_standard_output() {
    let out = run(["classify", arg(&example()), "-q"], None);
    assert!(out.stdout.starts_with("统一社会信用代码".as_bytes()));
    let out = run(["classify", arg(&example()), "-q", "--bom"], None);
    assert!(out.stdout.starts_with("\u{FEFF}".as_bytes()));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.csv");
    run(["classify", arg(&example()), "-q", "-o", arg(&path)], None);
    let bytes = fs::read(&path).unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()));
    // What Excel does with the file on a Chinese Windows: a BOM means UTF-8, so the header is
    // read as written; without one it would be decoded as GBK (mojibake).
    let (decoded, encoding, _) = encoding_rs::GBK.decode(&bytes);
    assert_eq!(
        encoding,
        encoding_rs::UTF_8,
        "the BOM wins over the GBK default"
    );
    assert!(decoded.starts_with("统一社会信用代码,企业名称,镇街"));
    run(
        [
            "classify",
            arg(&example()),
            "-q",
            "-o",
            arg(&path),
            "--no-bom",
        ],
        None,
    );
    let plain = fs::read(&path).unwrap();
    let (garbled, _, _) = encoding_rs::GBK.decode(&plain);
    assert!(
        !garbled.starts_with("统一社会信用代码"),
        "without BOM, GBK Excel garbles it"
    );
}

#[test]
fn summary_file_counts_per_group() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("汇总.csv");
    let out = run(
        [
            "classify",
            arg(&example()),
            "-o",
            arg(&dir.path().join("r.csv")),
            "--summary",
            arg(&path),
            "--group-by",
            "镇街",
        ],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("镇街") && err.contains("松山湖"), "{err}");
    let bytes = fs::read(&path).unwrap();
    let t = table(bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap(), b',');
    assert_eq!(t[0], digicat::report::SUMMARY_COLUMNS_EN);
    let total: u64 = t
        .iter()
        .filter(|r| r[0] == "group_status" && r[3].is_empty())
        .map(|r| r[7].parse::<u64>().unwrap())
        .sum();
    assert_eq!(total, 60, "the towns' rows add up to every row");
    let status: u64 = t
        .iter()
        .filter(|r| r[0] == "status")
        .map(|r| r[7].parse::<u64>().unwrap())
        .sum();
    assert_eq!(status, 60);

    let xlsx = dir.path().join("汇总.xlsx");
    let out = run(
        [
            "classify",
            arg(&example()),
            "-q",
            "--summary",
            arg(&xlsx),
            "--group-by",
            "镇街",
        ],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(names(&xlsx), ["summary", "options"]);
    assert_eq!(sheet(&xlsx, "summary").len(), t.len());

    let ex = example();
    for bad in [vec!["--group-by", "园区"], vec!["--summary", "s.txt"]] {
        let mut args = vec!["classify", arg(&ex), "-q"];
        args.extend(bad);
        let out = run(args, None);
        assert_eq!(code(&out), 2, "{}", stderr(&out));
    }
}

/// Words of ASCII letters in `text`, other than codes and ids the user's data or the catalogue
/// hold (`I6513`, `MA5XXXXX01`, `digicat`, file names and format names listed in `allowed`).
fn english_words<'a>(text: &'a str, allowed: &[&str]) -> Vec<&'a str> {
    text.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        // A code or an id mixes digits with letters (I6513, 91441900MA5XXXXX01).
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| !allowed.contains(w))
        .collect()
}

#[test]
fn lang_zh_and_a_chinese_locale_leave_no_english_word_in_values_or_summary() {
    let dir = tempfile::tempdir().unwrap();
    let sum = dir.path().join("s.csv");
    let mut zh = std::process::Command::new(env!("CARGO_BIN_EXE_digicat"));
    zh.args([
        "classify",
        arg(&example()),
        "--group-by",
        "镇街",
        "--summary",
        arg(&sum),
    ])
    .env_remove("LC_ALL")
    .env_remove("LC_MESSAGES")
    .env("LANG", "zh_CN.UTF-8");
    let out = zh.output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = table(&out.stdout, b',');
    assert_eq!(
        rows[0][5], "状态",
        "a Chinese locale gives Chinese by default"
    );
    // Catalogue terms are quoted as the catalogue writes them (`工业软件即服务（SaaS）`).
    let catalogue = common::stdout(&common::run(["catalogue", "--format", "csv"], None));
    let terms = english_words(&catalogue, &[]);
    for row in &rows {
        // The added columns but the error message (the engine's bilingual message, which quotes
        // the input); `rows` holds ids such as 3.2.
        for cell in [&row[5], &row[6], &row[7], &row[8], &row[10]] {
            assert_eq!(english_words(cell, &terms), Vec::<&str>::new(), "{cell}");
        }
    }
    let summary = String::from_utf8(fs::read(&sum).unwrap()).unwrap();
    assert_eq!(english_words(&summary, &[]), Vec::<&str>::new());
    let err = stderr(&out);
    // The context lines name the input file, its columns and the options' codes.
    let path = example().display().to_string();
    let mut allowed = english_words(&path, &[]);
    allowed.extend(["digicat", "CSV", "UTF"]);
    let words = english_words(&err, &allowed);
    assert_eq!(words, Vec::<&str>::new(), "{err}");
}

#[test]
fn the_catalogue_as_csv_has_a_bom_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("目录.csv");
    let out = run(["catalogue", "--format", "csv", "-o", arg(&path)], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let file = fs::read(&path).unwrap();
    assert!(file.starts_with("\u{FEFF}".as_bytes()));
    let plain = run(["catalogue", "--format", "csv"], None);
    assert_eq!(&file[3..], &plain.stdout[..], "the same table");
    let bom = run(["catalogue", "--format", "csv", "--bom"], None);
    assert_eq!(bom.stdout, file);
    run(
        ["catalogue", "--format", "csv", "-o", arg(&path), "--no-bom"],
        None,
    );
    assert_eq!(fs::read(&path).unwrap(), plain.stdout);
}

#[test]
fn lang_zh_errors_are_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let ex = example();
    let missing = dir.path().join("没有.csv");
    let title = dir.path().join("标题.csv");
    fs::write(&title, "企业名录\n备注\n").unwrap();
    let xlsx = dir.path().join("结果.xlsx");
    let cases: Vec<Vec<&str>> = vec![
        vec![arg(&missing)],
        vec![arg(&ex), "--group-by", "园区"],
        vec![arg(&ex), "-o", arg(&xlsx), "--format", "csv"],
        vec![arg(&ex), "--code-col", "代码"],
        vec![arg(&ex), "--summary", "汇总.txt"],
        vec![arg(&title)],
    ];
    // Option names, codes, file and column names the message quotes are not words to translate.
    let path = dir.path().display().to_string();
    let mut allowed = english_words(&path, &[]);
    let expath = example().display().to_string();
    allowed.extend(english_words(&expath, &[]));
    allowed.extend([
        "digicat",
        "csv",
        "xlsx",
        "txt",
        "group",
        "by",
        "format",
        "code",
        "col",
        "text",
        "header",
        "row",
        "N",
        "summary",
        "o",
        "industry_code",
        "industryco",
        "industryCode",
        "business_scope",
        "opscope",
        "businessScope",
    ]);
    for case in cases {
        let mut args = vec!["classify", "-q", "--lang", "zh"];
        args.extend(&case);
        let out = run(args, None);
        assert_eq!(code(&out), 2, "{case:?}");
        let err = stderr(&out);
        assert!(err.starts_with("digicat："), "{err}");
        assert_eq!(english_words(&err, &allowed), Vec::<&str>::new(), "{err}");
        let en = run(
            ["classify", "-q", "--lang", "en"]
                .into_iter()
                .chain(case.iter().copied()),
            None,
        );
        assert!(
            stderr(&en).starts_with("digicat: "),
            "English with --lang en"
        );
    }
}
