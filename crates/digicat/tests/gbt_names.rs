//! Every GB/T 4754 name of both editions, read in the code field: alone, with its code, and in
//! a full hierarchy string with each separator. Generated from the code lists themselves.

use digicat::{read_code_field, Code, CodeReading, Edition, Level};

const GBT2017: &str = include_str!("../../../data/gbt4754/gbt4754_2017.csv");
const GBT2011: &str = include_str!("../../../data/gbt4754/gbt4754_2011.csv");

/// One line of a code list: level, code, name, parent.
struct Entry {
    level: String,
    code: String,
    name: String,
    parent: String,
}

/// The code lists' lines (the names hold no comma; the notes column is not needed).
fn entries(csv: &str) -> Vec<Entry> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.splitn(5, ',').collect();
            Entry {
                level: f[0].into(),
                code: f[1].into(),
                name: f[2].into(),
                parent: f[3].into(),
            }
        })
        .collect()
}

/// The chain from the section down to `e`.
fn chain<'a>(all: &'a [Entry], e: &'a Entry) -> Vec<&'a Entry> {
    let mut out = vec![e];
    let mut parent = e.parent.as_str();
    while let Some(p) = all.iter().find(|x| x.code == parent) {
        out.push(p);
        parent = p.parent.as_str();
    }
    out.reverse();
    out
}

/// `true` when `read` is the entry's code or, for a name shared down a single-child chain, a
/// code within it (the finest level is read).
fn reads_as(read: CodeReading, e: &Entry, edition: Edition) -> bool {
    let code = read.code().to_string();
    let section_of = |c: Code| match edition {
        Edition::Gbt2011 => c.gbt2011().map(|x| x.section()),
        _ => c.gbt2017().map(|x| x.section()),
    };
    match e.level.as_str() {
        "section" => {
            code == e.code || section_of(read.code()).map(String::from) == Some(e.code.clone())
        }
        _ => code.starts_with(&e.code),
    }
}

fn check_edition(csv: &str, edition: Edition) {
    let all = entries(csv);
    let mut failures = Vec::new();
    let mut check = |field: String, e: &Entry| match read_code_field(&field, edition) {
        Ok(Some(r)) if reads_as(r, e, edition) => {}
        other => failures.push(format!("{field:?} ({} {}): {other:?}", e.level, e.code)),
    };
    for e in &all {
        check(e.name.clone(), e);
        let names: Vec<&str> = chain(&all, e).iter().map(|x| x.name.as_str()).collect();
        for sep in ["/", "-", ">", " > ", " / ", "|", "－", "／"] {
            check(names.join(sep), e);
        }
        let is_class = e.level == "class";
        // Codes above 小类 are read in GB/T 4754-2017 whatever the edition.
        if is_class || edition == Edition::Gbt2017 {
            let codes: Vec<&str> = chain(&all, e).iter().map(|x| x.code.as_str()).collect();
            check(codes.join("-"), e);
            check(codes.join("/"), e);
            check(format!("{}({})", e.name, e.code), e);
            check(format!("{} （{}）", e.name, e.code), e);
            check(format!("{} {}", e.code, e.name), e);
            let mixed: Vec<String> = chain(&all, e)
                .iter()
                .map(|x| format!("{} {}", x.code, x.name))
                .collect();
            check(mixed.join(" > "), e);
        }
    }
    assert!(
        failures.is_empty(),
        "{} names not read as their own code, e.g.:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

#[test]
fn every_2017_name_reads_as_its_code() {
    check_edition(GBT2017, Edition::Gbt2017);
}

#[test]
fn every_2011_name_reads_as_its_code() {
    check_edition(GBT2011, Edition::Gbt2011);
}

/// Under auto, a 2017 name is read in 2017; a name found only in 2011 is read in 2011.
#[test]
fn auto_prefers_2017_names() {
    let all17 = entries(GBT2017);
    for e in &all17 {
        let r = read_code_field(&e.name, Edition::Auto).unwrap().unwrap();
        assert_eq!(r.edition(), Edition::Gbt2017, "{}", e.name);
        assert!(reads_as(r, e, Edition::Gbt2017), "{} read as {r:?}", e.name);
    }
    let old_only = entries(GBT2011)
        .into_iter()
        .filter(|e| read_code_field(&e.name, Edition::Gbt2017).is_err())
        .collect::<Vec<_>>();
    assert!(!old_only.is_empty());
    for e in &old_only {
        let r = read_code_field(&e.name, Edition::Auto).unwrap().unwrap();
        assert_eq!(r.edition(), Edition::Gbt2011, "{}", e.name);
        assert!(reads_as(r, e, Edition::Gbt2011), "{} read as {r:?}", e.name);
    }
}

#[test]
fn levels_are_exposed() {
    let level = |f: &str| read_code_field(f, Edition::Auto).unwrap().unwrap().level();
    assert_eq!(level("I"), Level::Section);
    assert_eq!(level("信息传输、软件和信息技术服务业"), Level::Section);
    assert_eq!(level("软件和信息技术服务业"), Level::Division);
    assert_eq!(level("互联网和相关服务"), Level::Division);
    assert_eq!(level("软件开发"), Level::Group);
    assert_eq!(level("应用软件开发"), Level::Class);
    assert_eq!(level("I-65-651"), Level::Group);
    // A name shared by a group and its only class is read as the class.
    let r = read_code_field("集成电路设计", Edition::Auto)
        .unwrap()
        .unwrap();
    assert_eq!(
        (r.code().to_string(), r.level()),
        ("6520".into(), Level::Class)
    );
    // A name shared by a 大类 and one of its 中类: alone the finest (中类 451); in a hierarchy the
    // entry the other parts agree with (大类 45 above 452).
    let r = read_code_field("燃气生产和供应业", Edition::Auto)
        .unwrap()
        .unwrap();
    assert_eq!(r.code().to_string(), "451");
    let r = read_code_field("燃气生产和供应业-生物质燃气生产和供应业", Edition::Auto)
        .unwrap()
        .unwrap();
    assert_eq!(r.code().to_string(), "4520");
    // The section letter is the code as read.
    let r = read_code_field("信息传输、软件和信息技术服务业", Edition::Auto)
        .unwrap()
        .unwrap();
    assert_eq!(r.code().to_string(), "I");
}

#[test]
fn contradictions_are_errors() {
    for (field, kind) in [
        ("I/制造业", "code_name_mismatch"),
        ("65/6431", "hierarchy_mismatch"),
        ("6431/65", "hierarchy_mismatch"),
        ("6513/6511", "hierarchy_mismatch"),
        ("应用软件开发(6520)", "code_name_mismatch"),
        ("6520 应用软件开发", "code_name_mismatch"),
        ("制造业-软件开发", "hierarchy_mismatch"),
        ("互联网和相关服务/应用软件开发", "hierarchy_mismatch"),
        ("C/6513", "section_mismatch"),
        ("C-65-651-6513", "section_mismatch"),
        ("65-651-6513 xy", "malformed_code"),
        ("65 X", "unknown_code"),
        ("6513 应用软件开发 其他", "code_name_mismatch"),
        ("软件开发工具", "unknown_class_name"),
        ("-/>", "malformed_code"),
    ] {
        let e = read_code_field(field, Edition::Auto).unwrap_err();
        assert_eq!(e.kind(), kind, "{field}: {e}");
    }
}

/// Names holding `、` or brackets are taken whole, never split at them.
#[test]
fn names_with_separators_are_not_split() {
    let all = entries(GBT2017);
    let tricky: Vec<&Entry> = all
        .iter()
        .filter(|e| e.name.contains(['、', '（', '(']))
        .collect();
    assert!(tricky.len() > 100);
    for e in tricky {
        let r = read_code_field(&e.name, Edition::Gbt2017).unwrap().unwrap();
        assert!(reads_as(r, e, Edition::Gbt2017), "{}: {r:?}", e.name);
    }
}

/// A huge field is an error of the usual kind, without being split.
#[test]
fn huge_fields_are_errors() {
    let digits = "6".repeat(100_000);
    assert_eq!(
        read_code_field(&digits, Edition::Auto).unwrap_err().kind(),
        "malformed_code"
    );
    let names = "应用软件开发/".repeat(1_000);
    assert_eq!(
        read_code_field(&names, Edition::Auto).unwrap_err().kind(),
        "unknown_class_name"
    );
}
