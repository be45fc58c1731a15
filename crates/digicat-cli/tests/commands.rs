//! `digicat lookup`, `match`, `catalogue`, `--version` and `--help` run as a program.

mod common;

use common::{code, run, stderr, stdout};
use serde_json::Value;

fn json(args: &[&str]) -> (i32, Value) {
    let out = run(args, None);
    let value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}\n{}", stderr(&out)));
    (code(&out), value)
}

#[test]
fn lookup_shows_the_code_and_its_catalogue_rows() {
    let out = run(["lookup", "I6513"], None);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    for part in [
        "6513 应用软件开发",
        "row 1.3",
        "row 3.2",
        "6513*",
        "计算机视听觉软件",
        "industry 3 人工智能软件开发",
    ] {
        assert!(text.contains(part), "{part:?} in:\n{text}");
    }
    let (status, v) = json(&["lookup", "6520", "--format", "json"]);
    assert_eq!(status, 0);
    assert_eq!(v["code"]["name"], "集成电路设计");
    assert_eq!(v["in_catalogue"], true);
    assert_eq!(v["rows"][0]["id"], "4.2");
    assert_eq!(v["rows"][0]["partial"], false);

    let (_, v) = json(&["lookup", "651", "--format", "json"]);
    assert_eq!(v["code"]["level"], "group");
    assert_eq!(v["rows"].as_array().unwrap().len(), 7);
    assert_eq!(v["industries"], serde_json::json!([1, 2, 3, 7]));
    assert_eq!(v["rows"][6]["industry_name"], "云计算与大数据服务");

    // A 大类 is shown in its section, with the section's name.
    let text = stdout(&run(["lookup", "65"], None));
    assert!(
        text.contains("section I, in I 信息传输、软件和信息技术服务业\n"),
        "{text}"
    );
    let (_, v) = json(&["lookup", "65", "--format", "json"]);
    assert_eq!(v["code"]["parent"], "I");
    assert_eq!(v["code"]["parent_name"], "信息传输、软件和信息技术服务业");

    let (_, v) = json(&["lookup", "6510", "--format", "json"]);
    assert_eq!(
        (v["code"]["edition"].as_str(), v["code"]["name"].as_str()),
        (Some("2011"), Some("软件开发"))
    );
    assert_eq!(v["successors"].as_array().unwrap().len(), 4);

    let (_, v) = json(&["lookup", "应用软件开发", "--format", "json"]);
    assert_eq!(v["code"]["code"], "6513");

    let (status, v) = json(&["lookup", "7320", "--format", "json"]);
    assert_eq!((status, v["in_catalogue"].as_bool()), (0, Some(false)));
}

#[test]
fn lookup_shows_the_inferred_row_and_that_its_products_are_not_published() {
    let out = run(["lookup", "6591"], None);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    for part in [
        "6591 呼叫中心",
        "row 4.7 呼叫中心 6591* — industry 4 新型信息技术服务",
        "products not published (重点产品和服务未公布)",
        "1.3.4",
        "a record with code 6591 needs review: products_not_published",
    ] {
        assert!(text.contains(part), "{part:?} in:\n{text}");
    }
    let (status, v) = json(&["lookup", "6591", "--format", "json"]);
    assert_eq!(status, 0);
    assert_eq!(v["industries"], serde_json::json!([4]));
    assert_eq!(v["rows"][0]["id"], "4.7");
    assert_eq!(v["rows"][0]["inferred"], true);
    assert_eq!(v["rows"][0]["products"], serde_json::json!([]));
    assert!(v["rows"][0]["note"]
        .as_str()
        .is_some_and(|n| n.contains("not published")));
    // The 2011 code of the same class leads to the same row; 中类 659 contains it.
    let (_, v) = json(&["lookup", "6592", "--format", "json"]);
    assert_eq!(v["code"]["edition"], "2011");
    assert_eq!(v["rows"][0]["id"], "4.7");
    let (_, v) = json(&["lookup", "659", "--format", "json"]);
    assert_eq!(v["industries"], serde_json::json!([4]));
}

#[test]
fn lookup_of_a_bad_code_says_why_and_exits_1() {
    let out = run(["lookup", "65a3"], None);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("malformed_code"), "{}", stdout(&out));
    let (status, v) = json(&["lookup", "C6513", "--format", "json"]);
    assert_eq!(status, 1);
    assert_eq!(v["valid"], false);
    assert_eq!(v["error"]["kind"], "section_mismatch");
    let (status, _) = json(&["lookup", "6510", "--edition", "2017", "--format", "json"]);
    assert_eq!(status, 1);
}

#[test]
fn match_lists_terms_with_spans_and_rows() {
    let text = "软件开发；提供ＳａａＳ服务";
    let (status, v) = json(&["match", text, "--format", "json"]);
    assert_eq!(status, 0);
    let matches = v["matches"].as_array().unwrap();
    let saas: Vec<&Value> = matches.iter().filter(|m| m["text"] == "SaaS").collect();
    assert_eq!(saas.len(), 2, "SaaS names rows 4.5 and 7.1");
    let (s, e) = (
        saas[0]["start"].as_u64().unwrap() as usize,
        saas[0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "ＳａａＳ", "byte offsets into TEXT");
    assert_eq!(saas[0]["matched"], "ＳａａＳ");
    assert_eq!(saas[0]["kind"], "alias");
    assert!(matches
        .iter()
        .any(|m| m["text"] == "软件开发" && m["relation"] == "broader"));

    let (_, v) = json(&["match", text, "--format", "json", "--policy", "strict"]);
    assert!(v["matches"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["kind"] == "alias"));

    let out = run(["match", "计算机视听觉软件"], None);
    let t = stdout(&out);
    assert!(
        t.contains("0..24 \"计算机视听觉软件\" product") && t.contains("row 3.2"),
        "{t}"
    );
    let out = run(["match", "餐饮服务"], None);
    assert!(stdout(&out).contains("no catalogue term found"));
}

#[test]
fn catalogue_json_has_the_documented_shape() {
    let (status, v) = json(&["catalogue", "--format", "json"]);
    assert_eq!(status, 0);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 5);
    for k in ["title", "document", "date", "status", "industries"] {
        assert!(keys.contains(&k), "{k}");
    }
    assert_eq!(v["document"], "东工信〔2019〕160号");
    let industries = v["industries"].as_array().unwrap();
    assert_eq!(industries.len(), 9);
    let rows: usize = industries
        .iter()
        .map(|i| i["rows"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows, 30);
    for i in industries {
        assert_eq!(i.as_object().unwrap().len(), 4, "id, name, category, rows");
        for r in i["rows"].as_array().unwrap() {
            assert_eq!(
                r.as_object().unwrap().len(),
                7,
                "id, name, code, partial, inferred, note, products"
            );
            let inferred = r["inferred"].as_bool().unwrap();
            assert_eq!(
                r["partial"].as_bool().unwrap() && !inferred,
                !r["products"].as_array().unwrap().is_empty()
            );
            assert_eq!(inferred, r["note"].is_string());
        }
    }
    let call_centre = &industries[3]["rows"][6];
    assert_eq!(
        (
            &call_centre["id"],
            &call_centre["code"],
            &call_centre["partial"]
        ),
        (
            &serde_json::json!("4.7"),
            &serde_json::json!("6591"),
            &serde_json::json!(true)
        )
    );
    assert_eq!(call_centre["inferred"], true);
    assert_eq!(industries[2]["rows"][1]["products"][0], "计算机视听觉软件");
}

#[test]
fn catalogue_markdown_and_csv() {
    let md = stdout(&run(["catalogue"], None));
    assert!(md.contains("| 3.2 | 应用软件开发 | 6513* |"), "{md}");
    assert!(md.contains("| 4.2 | 集成电路设计 | 6520 |"));
    assert!(
        md.contains("| 4.7 | 呼叫中心 | 6591* | *inferred, not printed in the table"),
        "{md}"
    );
    assert!(md.contains("重点产品和服务未公布"));
    let csv = run(["catalogue", "--format", "csv"], None);
    let t = common::table(&csv.stdout, b',');
    assert_eq!(t[0][0], "category");
    assert_eq!(&t[0][9..], ["inferred", "row_note"]);
    assert_eq!(
        t.len() - 1,
        digicat::products().len() + 7 + 1,
        "a line per product, one per whole-class row, one for the inferred row"
    );
    let call_centre: Vec<&Vec<String>> = t.iter().filter(|r| r[3] == "4.7").collect();
    assert_eq!(call_centre.len(), 1);
    assert_eq!(
        (
            call_centre[0][5].as_str(),
            call_centre[0][6].as_str(),
            call_centre[0][7].as_str()
        ),
        ("6591", "yes", "")
    );
    assert_eq!(call_centre[0][9], "yes");
    assert!(call_centre[0][10].contains("not published"));
}

#[test]
fn version_shows_crate_and_catalogue_versions() {
    let out = run(["--version"], None);
    let v = stdout(&out);
    assert!(
        v.contains(env!("CARGO_PKG_VERSION")) && v.contains(digicat::CATALOGUE_VERSION),
        "{v}"
    );
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    for sub in ["classify", "lookup", "match", "catalogue"] {
        for flag in ["-h", "--help"] {
            let out = run([sub, flag], None);
            assert_eq!(code(&out), 0);
            let help = stdout(&out);
            assert!(
                help.contains("Example") && help.contains(&format!("digicat {sub}")),
                "{sub} {flag}:\n{help}"
            );
        }
    }
    for flag in ["-h", "--help"] {
        let top = stdout(&run([flag], None));
        assert!(
            top.contains(&format!("against {}", digicat::meta().title())),
            "the official title in {flag}:\n{top}"
        );
    }
    // Help is wrapped to the terminal's width: compare with whitespace collapsed.
    let short = stdout(&run(["classify", "-h"], None))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for values in [
        "[possible values: en, zh]",
        "[possible values: standard, strict]",
        "[possible values: 2017, 2011]",
    ] {
        assert!(short.contains(values), "classify -h lists {values}");
    }
    let long = stdout(&run(["classify", "--help"], None));
    for part in [
        "Only listed products and their aliases decide",
        "状态",
        "malformed_record",
        "invalid_encoding",
        "GB18030",
        "into memory",
        "Exit status",
        "auto",
    ] {
        assert!(long.contains(part), "classify --help mentions {part:?}");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(code(&run(["classify"], None)), 2);
    for bad in [
        ["--format", "xml"],
        ["--policy", "loose"],
        ["--edition", "2002"],
        ["--lang", "fr"],
    ] {
        let out = run(["classify", "x.csv", bad[0], bad[1]], None);
        assert_eq!(code(&out), 2, "{bad:?}");
        assert!(stderr(&out).contains("possible values"), "{}", stderr(&out));
    }
    let out = run(["classify", "/nonexistent/list.csv"], None);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("cannot read /nonexistent/list.csv"),
        "{}",
        stderr(&out)
    );
}
