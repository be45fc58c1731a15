//! `--lang zh` leaves no English word: every failure the command line can meet (files, columns,
//! header rows, formats, clap's own errors), the values and messages of the rows (every code
//! error kind, malformed records, undecodable bytes), the summary, `lookup` and `match`. The
//! checker and its allow-list are in `common` ([`common::english_words`]). English output is
//! covered by the other tests and the goldens.

mod common;

use common::{arg, assert_chinese, code, english_words, example, run, stderr, stdout, table};
use std::fs;
use std::process::{Command, Stdio};

/// Runs `digicat ARGS --lang zh`; asserts exit `want` and returns (stdout, stderr).
fn zh(args: &[&str], stdin: Option<&[u8]>, want: i32) -> (String, String) {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--lang", "zh"]);
    let out = run(&all, stdin);
    assert_eq!(code(&out), want, "{args:?}: {}", stderr(&out));
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr(&out),
    )
}

#[test]
fn the_checker_finds_english_and_allows_what_was_typed() {
    assert_eq!(
        english_words("无法读取 a.csv：file not found", &[]),
        ["file", "not", "found"]
    );
    assert!(english_words(
        "请用 --code-col 指定；I6513、GB/T 4754-2017、GB18030、N",
        &[]
    )
    .is_empty());
    assert!(english_words("找不到列“Industry Code”", &["Industry Code"]).is_empty());
    assert!(english_words("（industry_code、business_scope）", &[]).is_empty());
}

#[test]
fn every_failure_is_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name).display().to_string();
    let example = arg(&example()).to_owned();
    fs::write(p("empty.csv"), "").unwrap();
    fs::write(p("noheader.csv"), "a,b\nc,d\n").unwrap();
    fs::write(p("utf16.csv"), b"\xFF\xFEa\0").unwrap();
    fs::write(p("binary.csv"), b"\x89PNG\r\n\x1a\n\0\0\xFF").unwrap();
    fs::write(
        p("industry.csv"),
        "名称,所属行业分类,经营范围\n甲,软件,软件开发\n",
    )
    .unwrap();
    fs::write(
        p("gbk-header.csv"),
        b"\xD0\xD0\xD2\xB5\xB4\xFA\xC2\xEB\n6513\n",
    )
    .unwrap();
    fs::write(p("broken.xlsx"), b"PK\x03\x04 not a zip at all").unwrap();
    fs::create_dir(p("dir")).unwrap();
    let missing = p("nope.csv");
    let cases: Vec<Vec<String>> = [
        vec!["classify", &missing],
        vec!["classify", &p("empty.csv")],
        vec!["classify", &p("noheader.csv")],
        vec!["classify", &p("utf16.csv")],
        vec!["classify", &p("binary.csv")],
        vec!["classify", &p("industry.csv")],
        vec!["classify", &p("gbk-header.csv"), "--encoding", "utf-8"],
        vec!["classify", &p("broken.xlsx")],
        vec!["classify", &p("dir")],
        vec!["classify", "-"],
        vec!["classify", &example, "--code-col", "无此列"],
        vec!["classify", &example, "--text-col", "Scope"],
        vec!["classify", &example, "--header-row", "999"],
        vec!["classify", &example, "--sheet", "名录"],
        vec!["classify", &example, "-o", &p("out.xls")],
        vec![
            "classify",
            &example,
            "-o",
            &p("out.csv"),
            "--format",
            "jsonl",
        ],
        vec!["classify", &example, "-o", &example],
        vec!["classify", &example, "-o", &p("nodir/out.csv")],
        vec!["classify", &example, "--summary", &p("s.txt")],
        vec!["classify", &example, "--group-by", "区县"],
        // clap's own errors.
        vec!["classify", &example, "--bogus"],
        vec!["classify", &example, "--code_col", "x"],
        vec!["classify", &example, "--format"],
        vec!["classify", &example, "--format", "pdf"],
        vec!["classify", &example, "--policy", "loose"],
        vec!["classify", &example, "--header-row", "0"],
        vec!["classify", &example, "--text-only", "--code-col", "x"],
        vec!["classify"],
        vec!["frobnicate"],
        vec![],
        vec!["lookup"],
        vec!["assess", &example],
    ]
    .into_iter()
    .map(|c| c.into_iter().map(str::to_owned).collect())
    .collect();
    for case in &cases {
        let args: Vec<&str> = case.iter().map(String::as_str).collect();
        let (_, err) = zh(&args, Some(b""), 2);
        let mut typed: Vec<&str> = args.clone();
        typed.push(dir.path().to_str().unwrap());
        assert_chinese(&err, &typed);
    }
}

#[test]
fn the_locale_alone_makes_clap_errors_chinese() {
    let out = Command::new(env!("CARGO_BIN_EXE_digicat"))
        .args(["classify", "x.csv", "--bogus"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("未知选项 --bogus"), "{err}");
    assert_chinese(&err, &["x.csv"]);
    // --lang en wins over the locale, as before: clap's own English.
    let out = run(["classify", "x.csv", "--bogus", "--lang", "en"], None);
    assert!(stderr(&out).contains("unexpected argument '--bogus'"));
}

/// A list with a row for every code error kind, a malformed record and undecodable bytes.
const BAD_ROWS: &[u8] = "企业名称,行业代码,经营范围\n\
甲,6513,计算机视听觉软件\n\
乙,65a3,软件开发\n\
丙,C6513,软件开发\n\
丁,9999,软件开发\n\
戊,6513 基础软件开发,软件开发\n\
己,65/6431,软件开发\n\
庚,不存在的行业,软件开发\n\
辛,6513,软件开发,多余的字段\n\
壬,123456,x\n\
癸,5,x\n\
子,I-,x\n\
丑,1711,软件开发\n\
合计：12家,,\n"
    .as_bytes();

#[test]
fn values_and_summary_are_in_chinese() {
    let mut input = BAD_ROWS.to_vec();
    input.extend_from_slice(b"\xC7\xE0,6513,\xFF\xFE\n");
    let typed = [
        "65a3",
        "C6513",
        "6513 基础软件开发",
        "65/6431",
        "I-",
        "多余的字段",
    ];
    for format in ["csv", "jsonl"] {
        let args = ["classify", "-", "--format", format, "--encoding", "utf-8"];
        let (out, err) = zh(&args, Some(&input), 0);
        assert_chinese(&err, &[]);
        assert!(err.contains("无效输入"), "{err}");
        let values = if format == "csv" {
            let rows = table(out.as_bytes(), b',');
            assert_eq!(rows[0][3..], digicat::report::COLUMNS_ZH);
            rows[1..]
                .iter()
                .map(|r| r[3..].join(" "))
                .collect::<Vec<_>>()
        } else {
            common::jsonl(&out)
                .iter()
                .map(|o| o["error"].as_str().unwrap_or_default().to_owned())
                .collect()
        };
        for v in values.iter().filter(|v| !v.trim().is_empty()) {
            assert!(english_words(v, &typed).is_empty(), "{format}: {v}");
        }
        let messages = values.join("\n");
        for part in [
            "行业代码格式错误",
            "门类字母与代码不符",
            "不是 GB/T 4754-2017 的小类",
        ] {
            assert!(messages.contains(part), "{format}: {messages}");
        }
        assert!(messages.contains("记录有 4 个字段"), "{messages}");
        assert!(messages.contains("编码"), "{messages}");
    }
}

#[test]
fn both_catalogues_values_are_in_chinese() {
    let mut input = BAD_ROWS.to_vec();
    input.extend_from_slice(b"\xC7\xE0,6513,\xFF\xFE\n");
    input.extend_from_slice("寅,6429,网上音乐\n".as_bytes());
    let typed = [
        "65a3",
        "C6513",
        "6513 基础软件开发",
        "65/6431",
        "I-",
        "多余的字段",
    ];
    for threads in ["1", "2"] {
        for format in ["csv", "jsonl"] {
            let args = [
                "classify",
                "-",
                "--format",
                format,
                "--encoding",
                "utf-8",
                "--catalogue",
                "dongguan-2019,szjj-2021",
                "--threads",
                threads,
            ];
            let (out, err) = zh(&args, Some(&input), 0);
            assert_chinese(&err, &[]);
            let values = if format == "csv" {
                let rows = table(out.as_bytes(), b',');
                assert_eq!(rows[0][3..10], digicat::report::COLUMNS_ZH);
                assert_eq!(rows[0][10..], digicat::report::SZJJ_COLUMNS_ZH);
                let last = rows.last().unwrap();
                assert_eq!(
                    last[10..12],
                    ["属于目录", "写有目录所列重点产品"],
                    "{last:?}"
                );
                rows[1..]
                    .iter()
                    .map(|r| r[3..].join(" "))
                    .collect::<Vec<_>>()
            } else {
                common::jsonl(&out)
                    .iter()
                    .flat_map(|o| [&o["error"], &o["szjj-2021"]["error"]])
                    .map(|e| e.as_str().unwrap_or_default().to_owned())
                    .collect()
            };
            for v in values.iter().filter(|v| !v.trim().is_empty()) {
                assert!(english_words(v, &typed).is_empty(), "{format}: {v}");
            }
            let messages = values.join("\n");
            assert!(
                messages.matches("不是 GB/T 4754-2017 的小类").count() >= 2,
                "{format}: {messages}"
            );
        }
    }
}

#[test]
fn lookup_match_and_catalogue_speak_chinese() {
    for (code, want) in [
        ("65a3", 1),
        ("9999", 1),
        ("C6513", 1),
        ("6513", 0),
        ("6591", 0),
        ("1711", 0),
        ("65", 0),
        ("6712", 0),
        ("应用软件开发", 0),
        ("不存在的行业", 1),
    ] {
        let (out, err) = zh(&["lookup", code], None, want);
        assert!(err.is_empty(), "{err}");
        assert_chinese(&out, &[code]);
        let (json, _) = zh(&["lookup", code, "--format", "json"], None, want);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        if let Some(m) = v["error"]["message"].as_str() {
            assert_chinese(m, &[code]);
        }
    }
    for text in ["软件开发；计算机视听觉软件；提供SaaS服务", "卖菜"] {
        let (out, _) = zh(&["match", text], None, 0);
        assert_chinese(&out, &["SaaS"]);
    }
    let (md, _) = zh(&["catalogue"], None, 0);
    assert_chinese(&md, &[]);
    let (md, _) = zh(&["catalogue", "--catalogue", "szjj-2021"], None, 0);
    assert_chinese(&md, &[]);
    let out = run(["lookup", "65a3"], None);
    assert!(
        stdout(&out).contains("invalid (malformed_code)"),
        "English stays"
    );
}

#[test]
fn assess_speaks_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let roster = fs::read_to_string(example().with_file_name("park_roster.csv")).unwrap();
    let mut lines: Vec<&str> = roster.lines().collect();
    let bad = format!("{},多余", lines[3]);
    lines[3] = &bad;
    let csv = dir.path().join("名册.csv");
    fs::write(&csv, lines.join("\n")).unwrap();
    let scores = dir.path().join("评分.csv");
    fs::write(&scores, "园区,指标,得分\n*,2,2\n").unwrap();
    let attrs = example().with_file_name("park_attributes.tsv");
    let (json, err) = zh(
        &[
            "assess",
            arg(&csv),
            "--criteria",
            "pilot-park-2019,cluster-2021",
            "--attr-file",
            arg(&attrs),
            "--scores",
            arg(&scores),
        ],
        None,
        0,
    );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    // Criterion and set ids are the report's stable codes.
    let mut ids: Vec<String> = vec![
        "digicat assess".into(),
        "pilot-park-2019".into(),
        "cluster-2021".into(),
    ];
    for g in report["groups"].as_array().unwrap() {
        for r in g["results"].as_array().unwrap() {
            ids.push(r["id"].as_str().unwrap().to_owned());
        }
    }
    let typed: Vec<&str> = ids.iter().map(String::as_str).collect();
    assert!(err.contains("无法读取"), "{err}");
    assert_chinese(&err, &typed);
    for (args, typed) in [
        (
            vec!["assess", arg(&csv), "--criteria", "nope"],
            vec!["nope"],
        ),
        (
            vec![
                "assess",
                arg(&csv),
                "--criteria",
                "pilot-park-2019",
                "--attr",
                "x=1",
            ],
            vec![
                "x",
                "matching_ratio",
                "city_employees",
                "industry_rd_intensity",
                "period_start",
            ],
        ),
        (
            vec![
                "assess",
                arg(&csv),
                "--criteria",
                "pilot-park-2019",
                "-o",
                "r.pdf",
            ],
            vec!["pdf"],
        ),
        (
            vec![
                "assess",
                arg(&csv),
                "--criteria",
                "cluster-2021",
                "--scores",
                arg(&csv),
            ],
            vec![],
        ),
    ] {
        let (_, err) = zh(&args, None, 2);
        assert_chinese(&err, &typed);
    }
}
