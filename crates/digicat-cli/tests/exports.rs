//! Files shaped like real exports (企查查, 天眼查, registry feeds; see `tests/fixtures/README.md`):
//! industry columns, the header below a title, blank and footer rows, physical line numbers, and
//! never classifying by text alone without saying so.

mod common;

use common::{arg, code, jsonl, run, stderr, stdout, table, test_file};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

/// The JSONL output of `digicat classify PATH ARGS` (exit 0 asserted) and its standard error.
fn classify(path: &Path, args: &[&str]) -> (Vec<Value>, String) {
    let mut all = vec!["classify", arg(path), "--format", "jsonl"];
    all.extend_from_slice(args);
    let out = run(all, None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    (jsonl(&stdout(&out)), stderr(&out))
}

/// What the totals are made of, per row: status, reason and industries.
fn answers(rows: &[Value]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|o| {
            (
                o["status"].as_str().unwrap().to_owned(),
                o["reason"].as_str().unwrap().to_owned(),
                o["industries"].to_string(),
            )
        })
        .collect()
}

/// The rows that are not skipped.
fn enterprises(rows: &[Value]) -> Vec<Value> {
    rows.iter()
        .filter(|o| o["status"] != "skipped")
        .cloned()
        .collect()
}

fn fixture(name: &str) -> PathBuf {
    test_file(&format!("fixtures/{name}"))
}

/// The 企查查 fixture as an XLSX workbook in `dir`: every non-empty cell a string; the blank
/// rows hold a cell of spaces, as rows cleared by hand often do, so that they are inside the
/// sheet's used range as in a real export.
fn qichacha_xlsx(dir: &Path, rows: &[Vec<String>]) -> PathBuf {
    let path = dir.join("企查查导出.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("企业列表").unwrap();
    for (r, row) in rows.iter().enumerate() {
        if row.iter().all(String::is_empty) {
            sheet.write_string(r as u32, 5, "  ").unwrap();
        }
        for (c, value) in row.iter().enumerate() {
            if !value.is_empty() {
                sheet.write_string(r as u32, c as u16, value).unwrap();
            }
        }
    }
    book.save(&path).unwrap();
    path
}

#[test]
fn qichacha_export_needs_no_option_and_gives_the_clean_lists_totals() {
    let input = table(&fs::read(fixture("qichacha.csv")).unwrap(), b',');
    let (clean, _) = classify(&fixture("qichacha.clean.csv"), &[]);
    let dir = tempfile::tempdir().unwrap();
    let xlsx = qichacha_xlsx(dir.path(), &input);
    for path in [fixture("qichacha.csv"), xlsx] {
        let (rows, err) = classify(&path, &[]);
        // Every physical row below the header is a row of the output, in order.
        assert_eq!(rows.len(), input.len() - 2, "{}", path.display());
        let lines: Vec<u64> = rows.iter().map(|o| o["line"].as_u64().unwrap()).collect();
        assert_eq!(lines, (3..=input.len() as u64).collect::<Vec<_>>());
        assert_eq!(rows[0]["input"]["企业名称"], "东莞市松湖智视科技有限公司");
        // The blank row between records, the footer and the trailing blank rows are skipped.
        let skipped: Vec<(u64, &str)> = rows
            .iter()
            .filter(|o| o["status"] == "skipped")
            .map(|o| (o["line"].as_u64().unwrap(), o["reason"].as_str().unwrap()))
            .collect();
        assert_eq!(
            skipped,
            [
                (16, "blank_row"),
                (30, "footer_row"),
                (31, "blank_row"),
                (32, "blank_row"),
                (33, "blank_row")
            ]
        );
        for o in rows.iter().filter(|o| o["status"] == "skipped") {
            assert!(o["code"].is_null() && o["error"].is_null(), "{o}");
        }
        assert_eq!(
            answers(&enterprises(&rows)),
            answers(&clean),
            "{}: the same answers as the list with clean 2017 codes",
            path.display()
        );
        for part in [
            "header: line 2 (36 columns)",
            "\"国标行业门类\" (column 21) > \"国标行业大类\" (column 22) > \"国标行业中类\" (column 23) > \"国标行业小类\" (column 24)",
            "text column: \"经营范围\" (column 36)",
            "skipped              5  blank_row 4, footer_row 1",
        ] {
            assert!(err.contains(part), "summary has {part:?}:\n{err}");
        }
        assert!(
            !err.contains("企查查行业"),
            "the vendor's taxonomy is not used: {err}"
        );
        assert!(!err.lines().next().unwrap().contains("text only"), "{err}");
    }
}

/// The 企查查 fixture with the 小类 of every other row left empty: those rows' finest level is a
/// 中类 name, which must count as the 中类 code does. A 中类 with a single 小类 of the same name
/// (645 互联网数据服务 = 6450) still names that 小类, so its clean twin keeps the 4-digit code.
#[test]
fn qichacha_export_with_coarse_names_gives_the_coarse_codes_totals() {
    let mut input = table(&fs::read(fixture("qichacha.csv")).unwrap(), b',');
    let mut clean = table(&fs::read(fixture("qichacha.clean.csv")).unwrap(), b',');
    let small = input[1].iter().position(|h| h == "国标行业小类").unwrap();
    let group = input[1].iter().position(|h| h == "国标行业中类").unwrap();
    let (mut enterprise, mut coarse) = (0, 0);
    for row in input.iter_mut().skip(2) {
        if row[0].starts_with("东莞市") {
            enterprise += 1;
            if enterprise % 2 == 0 {
                if row[group] != row[small] {
                    clean[enterprise][1].truncate(3);
                    coarse += 1;
                }
                row[small].clear();
            }
        }
    }
    assert!(
        coarse >= 4,
        "the fixture has 中类 names that are not 小类 names"
    );
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, rows: &[Vec<String>]| {
        let path = dir.path().join(name);
        let mut w = csv::Writer::from_path(&path).unwrap();
        rows.iter().for_each(|r| w.write_record(r).unwrap());
        w.flush().unwrap();
        path
    };
    let (rows, _) = classify(&write("qcc.csv", &input), &[]);
    let (want, _) = classify(&write("clean.csv", &clean), &[]);
    assert_eq!(answers(&enterprises(&rows)), answers(&want));
}

#[test]
fn tianyancha_gbk_crlf_export_keeps_every_row_with_its_physical_line() {
    let path = fixture("tianyancha.gbk.csv");
    let raw = fs::read(&path).unwrap();
    assert!(std::str::from_utf8(&raw).is_err(), "the fixture is GBK");
    assert!(
        raw.windows(2).any(|w| w == b"\r\n"),
        "the fixture has CRLF endings"
    );
    let (rows, err) = classify(&path, &[]);
    // 12 enterprises and one `,,,` row; the physically empty line (8) is no record; record 3
    // has a quoted scope over two lines (4 and 5).
    let lines: Vec<u64> = rows.iter().map(|o| o["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [2, 3, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16]);
    assert_eq!(
        (rows[8]["status"].as_str(), rows[8]["reason"].as_str()),
        (Some("skipped"), Some("blank_row"))
    );
    assert_eq!(rows[2]["input"]["企业名称"], "东莞市东城芯锐微电子有限公司");
    assert!(
        err.contains("(CSV, GB18030)") && err.contains("code column: \"所属行业\" (column 9)"),
        "{err}"
    );
    // Forcing the wrong encoding suggests the other one, not the one that failed.
    let out = run(["classify", arg(&path), "--encoding", "utf-8"], None);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("not valid UTF-8; use --encoding gb18030")
            && !err.contains("--encoding utf-8"),
        "{err}"
    );
}

#[test]
fn tianyancha_export_gives_the_clean_lists_totals() {
    let (rows, _) = classify(&fixture("tianyancha.gbk.csv"), &[]);
    let (clean, _) = classify(&fixture("tianyancha.clean.csv"), &[]);
    assert_eq!(answers(&enterprises(&rows)), answers(&clean));
}

#[test]
fn registry_feed_reads_section_and_code_and_the_split_scope() {
    let (rows, err) = classify(&fixture("registry.csv"), &[]);
    let (clean, _) = classify(&fixture("registry.clean.csv"), &[]);
    assert_eq!(rows.len(), clean.len());
    // Where a 2011 code has one 2017 successor (6530 → 6560), the answer is the same but its
    // reason says the code is old; elsewhere the answers are identical.
    let status_and_industries = |rows: &[Value]| -> Vec<(String, String)> {
        answers(rows).into_iter().map(|(s, _, i)| (s, i)).collect()
    };
    assert_eq!(status_and_industries(&rows), status_and_industries(&clean));
    assert_eq!(rows[1]["reason"], "old_edition_code");
    assert!(
        rows.iter().all(|o| o["status"] != "invalid"),
        "no row invalid"
    );
    // The licensed items come first, joined with `；`: evidence offsets are in that text.
    let joined = "第二类增值电信业务；网络与信息安全软件开发；信息安全设备销售；互联网安全服务";
    let spans: Vec<&str> = rows[5]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            &joined[e["start"].as_u64().unwrap() as usize..e["end"].as_u64().unwrap() as usize]
        })
        .collect();
    assert!(spans.contains(&"网络与信息安全软件开发"), "{spans:?}");
    assert!(
        err.contains(
            "\"industryphy\" (column 5) + \"industryco\" (column 6) (section letter and code)"
        ) && err.contains("\"abuitem\" (column 8) + \"cbuitem\" (column 9) (joined with ；)"),
        "{err}"
    );
    // The section letter is checked against the code.
    let data = "industryphy,industryco,opscope\nL,6513,软件开发\nI,6513,计算机视听觉软件\n";
    let out = run(
        ["classify", "-", "-q", "--format", "jsonl"],
        Some(data.as_bytes()),
    );
    let rows = jsonl(&stdout(&out));
    assert_eq!(
        (rows[0]["reason"].as_str(), rows[1]["reason"].as_str()),
        (Some("section_mismatch"), Some("listed_product"))
    );
}

#[test]
fn an_unrecognised_industry_column_stops_the_run_until_told_what_to_do() {
    for header in [
        "企业名称,所属行业分类,经营范围",
        "企业名称,企查查行业门类,经营范围",
    ] {
        let column = header.split(',').nth(1).unwrap();
        let data = format!("{header}\n东莞市某科技有限公司,软件服务,计算机视听觉软件\n");
        let out = run(["classify", "-"], Some(data.as_bytes()));
        assert_eq!(code(&out), 2, "{header}");
        assert!(out.stdout.is_empty());
        let err = stderr(&out);
        for part in [
            format!("column(s) \"{column}\" look like industry columns"),
            format!("the header (line 1) is: 1 \"企业名称\", 2 \"{column}\", 3 \"经营范围\""),
            "--code-col NAME".into(),
            "--text-only".into(),
        ] {
            assert!(err.contains(&part), "{part:?} in {err}");
        }
        // Text only, asked for: classified, and the summary's first line says so.
        let out = run(["classify", "-", "--text-only"], Some(data.as_bytes()));
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let first = stderr(&out).lines().next().unwrap().to_owned();
        assert!(
            first.contains("classified by text only (--text-only)"),
            "{first}"
        );
        let t = table(&out.stdout, b',');
        assert_eq!((t.len(), t[1][4].as_str()), (2, "no_code"));
        // Or the column named as the code column.
        let out = run(
            ["classify", "-", "-q", "--code-col", column],
            Some(data.as_bytes()),
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert_eq!(table(&out.stdout, b',')[1][4], "unknown_class_name");
    }
    let out = run(
        ["classify", "-", "--text-only", "--code-col", "行业代码"],
        Some(b"x\n"),
    );
    assert_eq!(
        code(&out),
        2,
        "--text-only and --code-col exclude each other"
    );
}

#[test]
fn a_list_without_any_code_column_says_it_classified_by_text_only() {
    let data = "企业名称,经营范围\n东莞市某科技有限公司,计算机视听觉软件\n";
    let out = run(["classify", "-"], Some(data.as_bytes()));
    assert_eq!(code(&out), 0);
    let err = stderr(&out);
    let first = err.lines().next().unwrap();
    assert!(
        first.contains(
            "1 rows read, 1 rows written; classified by text only: the header has no code column"
        ),
        "{err}"
    );
    assert!(
        err.contains("code column: none: classified by text only"),
        "{err}"
    );
    // Even with --quiet, one line remains.
    let out = run(["classify", "-", "-q"], Some(data.as_bytes()));
    assert_eq!(
        stderr(&out).trim(),
        "digicat: classified by text only: the header has no code column (无行业代码列，只按经营范围分类)"
    );
    // Not when text only was asked for.
    let out = run(
        ["classify", "-", "-q", "--text-only"],
        Some(data.as_bytes()),
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn the_header_is_found_below_title_lines_or_given() {
    let data = "东莞市重点企业名单（2026年3月）\n\n说明：数据来自企业登记系统,,\n企业名称,行业代码,经营范围\n甲,6520,\n乙,6513,计算机视听觉软件\n";
    let out = run(
        ["classify", "-", "--format", "jsonl"],
        Some(data.as_bytes()),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = jsonl(&stdout(&out));
    let lines: Vec<u64> = rows.iter().map(|o| o["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [5, 6], "rows above the header are not records");
    assert!(
        stderr(&out).contains("header: line 4 (3 columns)"),
        "{}",
        stderr(&out)
    );
    let out = run(["classify", "-", "-q"], Some(data.as_bytes()));
    let t = table(&out.stdout, b',');
    assert_eq!(t[0][..3], ["企业名称", "行业代码", "经营范围"]);
    assert_eq!(t.len(), 3);

    // --header-row takes the physical line, even when another row would be recognised first.
    let data = "行业代码,经营范围\n企业名称,主营业务\n甲,计算机视听觉软件\n";
    let out = run(
        [
            "classify",
            "-",
            "-q",
            "--header-row",
            "2",
            "--text-col",
            "主营业务",
        ],
        Some(data.as_bytes()),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let t = table(&out.stdout, b',');
    assert_eq!((t.len(), t[1][3].as_str()), (2, "no_code"));
    let out = run(["classify", "-", "--header-row", "2"], Some(b"a\n\nb,c\n"));
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("line 2 of standard input is blank"),
        "{}",
        stderr(&out)
    );
    let out = run(["classify", "-", "--header-row", "9"], Some(b"a\nb\n"));
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("ends before row 9"),
        "{}",
        stderr(&out)
    );
    let out = run(["classify", "-", "--header-row", "0"], Some(b"a\n"));
    assert_eq!(code(&out), 2, "rows count from 1");

    // Nothing recognisable in the first rows: the rows seen, and what to give.
    let out = run(
        ["classify", "-"],
        Some("名单\n名称,地址\n东莞市某公司,南城\n".as_bytes()),
    );
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    for part in [
        "no header row found in the first 20 rows of standard input",
        "line 1: 1 \"名单\"",
        "line 2: 1 \"名称\", 2 \"地址\"",
        "line 3: 1 \"东莞市某公司\", 2 \"南城\"",
        "--header-row N",
        "--code-col",
        "--text-col",
    ] {
        assert!(err.contains(part), "{part:?} in {err}");
    }
}

#[test]
fn a_workbook_header_below_a_title_row_and_header_row_option() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("名录.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write_string(0, 0, "企查查导出数据（导出时间：2026-03-02）")
        .unwrap();
    for (c, h) in ["企业名称", "国标行业小类", "经营范围"].iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    for (c, v) in ["甲", "应用软件开发", "计算机视听觉软件"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, c as u16, *v).unwrap();
    }
    sheet.write_string(4, 0, "合计：1家").unwrap();
    book.save(&path).unwrap();
    let (rows, err) = classify(&path, &[]);
    let got: Vec<(u64, &str)> = rows
        .iter()
        .map(|o| (o["line"].as_u64().unwrap(), o["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [(3, "listed_product"), (4, "blank_row"), (5, "footer_row")]
    );
    assert!(err.contains("header: line 2"), "{err}");
    let (rows, _) = classify(&path, &["--header-row", "2"]);
    assert_eq!(rows.len(), 3);
}

#[test]
fn line_numbers_are_physical_lines_for_every_line_ending() {
    let body = [
        "id,行业代码,经营范围",
        "1,6520,",
        "",
        "2,6513,\"计算机视听觉软件\n（多行）\"",
        "3,6599x,",
        ",,",
        "4,6513,a,b",
        "合计：4家,,",
    ];
    for ending in ["\n", "\r\n", "\r"] {
        let data = body.join("\n").replace('\n', ending) + ending;
        let out = run(
            ["classify", "-", "--format", "jsonl"],
            Some(data.as_bytes()),
        );
        assert_eq!(code(&out), 0, "{ending:?}: {}", stderr(&out));
        let rows = jsonl(&stdout(&out));
        let got: Vec<(u64, &str)> = rows
            .iter()
            .map(|o| (o["line"].as_u64().unwrap(), o["reason"].as_str().unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                (2, "whole_class"),
                (4, "listed_product"),
                (6, "malformed_code"),
                (7, "blank_row"),
                (8, "malformed_record"),
                (9, "footer_row"),
            ],
            "{ending:?}"
        );
        assert!(
            rows[4]["error"]
                .as_str()
                .unwrap()
                .starts_with("line 8: malformed record"),
            "{ending:?}: {}",
            rows[4]["error"]
        );
        let err = stderr(&out);
        assert!(
            err.contains("invalid rows: 2 (line 6, 8)"),
            "{ending:?}: {err}"
        );
        assert!(
            err.contains("skipped              2  blank_row 1, footer_row 1"),
            "{err}"
        );
    }
}

#[test]
fn blank_and_footer_lines_of_another_width_are_skipped_not_malformed() {
    let data = "企业名称,行业代码,经营范围\n甲,6520,\n,,,,\n\"\"\n乙,6513\n合计：2家\n";
    let out = run(
        ["classify", "-", "--format", "jsonl"],
        Some(data.as_bytes()),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = jsonl(&stdout(&out));
    let got: Vec<(u64, &str, &str)> = rows
        .iter()
        .map(|o| {
            (
                o["line"].as_u64().unwrap(),
                o["status"].as_str().unwrap(),
                o["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (2, "in_scope", "whole_class"),
            (3, "skipped", "blank_row"),
            (4, "skipped", "blank_row"),
            (5, "invalid", "malformed_record"),
            (6, "skipped", "footer_row"),
        ]
    );
    // The fields are kept as read, padded to the header's width.
    assert_eq!(rows[4]["input"]["企业名称"], "合计：2家");
}

#[test]
fn dash_placeholders_of_an_export_are_missing_values_not_malformed_codes() {
    // 企查查 and 天眼查 write `-` where a value is missing: a `-` 国标行业小类 leaves the 中类 to
    // read, a row of dashes has no code, and neither is `invalid`.
    let path = fixture("qichacha.dashes.csv");
    let (rows, _) = classify(&path, &[]);
    let got: Vec<(u64, &str, &str)> = rows
        .iter()
        .map(|o| {
            (
                o["line"].as_u64().unwrap(),
                o["status"].as_str().unwrap(),
                o["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (3, "in_scope", "listed_product"),
            (4, "needs_review", "coarse_code"),
            (5, "needs_review", "coarse_code"),
            (6, "out_of_scope", "code_outside_catalogue"),
            (7, "needs_review", "no_code"),
            (8, "out_of_scope", "nothing_named"),
            (9, "skipped", "footer_row"),
        ]
    );
    assert_eq!(
        (
            rows[1]["code"].as_str(),
            rows[1]["industries"].to_string().as_str()
        ),
        (Some("651"), "[3]")
    );
    assert_eq!(rows[4]["code"], Value::Null);
    // The same answers as the file with those cells left empty.
    let input = table(&fs::read(&path).unwrap(), b',');
    let mut blank = csv::Writer::from_writer(Vec::new());
    for row in &input {
        let cells = row.iter().map(|c| if c == "-" { "" } else { c.as_str() });
        blank.write_record(cells).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let blanked = dir.path().join("blanked.csv");
    fs::write(&blanked, blank.into_inner().unwrap()).unwrap();
    let (clean, _) = classify(&blanked, &[]);
    assert_eq!(answers(&rows), answers(&clean));
}

#[test]
fn a_workbook_header_over_two_merged_rows_is_read_from_its_second_row() {
    // Title row 1; 国标行业 merged across D2:G2 over 门类 … 小类 on row 3; the other headings
    // merged down over rows 2 and 3.
    let (rows, err) = classify(&fixture("qichacha.two-row-header.xlsx"), &[]);
    assert!(err.contains("header: line 3 (8 columns)"), "{err}");
    assert!(
        err.contains("\"国标行业门类\" (column 4) > \"国标行业大类\" (column 5) > \"国标行业中类\" (column 6) > \"国标行业小类\" (column 7)"),
        "{err}"
    );
    let lines: Vec<u64> = rows.iter().map(|o| o["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, (4..=11).collect::<Vec<_>>());
    assert_eq!(
        answers(&rows),
        [
            ("in_scope", "listed_product", "[3]"),
            ("needs_review", "no_product_evidence", "[5,7]"),
            ("in_scope", "whole_class", "[4]"),
            ("out_of_scope", "code_outside_catalogue", "[]"),
            ("in_scope", "listed_product", "[1]"),
            ("needs_review", "products_not_published", "[4]"),
            ("skipped", "blank_row", "[]"),
            ("skipped", "footer_row", "[]"),
        ]
        .map(|(s, r, i)| (s.to_owned(), r.to_owned(), i.to_owned()))
    );
}
