//! The catalogue re-checked against independent witnesses (`data/catalogues/dongguan-2019/evidence/`, provenance in
//! `data/catalogues/dongguan-2019/evidence/README.md`): its product placements against the product lists of NBS's GB/T
//! 4754-2017 notes, its industries against 《战略性新兴产业分类（2018）》. The judgments are in
//! `data/README.md` ("Checked against the GB/T notes", "The inferred row 4.7").

use std::collections::{BTreeMap, BTreeSet};

const NOTES: &str =
    include_str!("../../../data/catalogues/dongguan-2019/evidence/gbt4754_2017_notes_products.tsv");
const DISAGREEMENTS: &str =
    include_str!("../../../data/catalogues/dongguan-2019/evidence/notes_disagreements.tsv");
const SEI: &str =
    include_str!("../../../data/catalogues/dongguan-2019/evidence/sei2018_1.3-1.5.tsv");

/// One line of the notes file: `code`, `product`, `section`.
struct NoteEntry {
    code: &'static str,
    product: &'static str,
    section: &'static str,
}

fn notes() -> Vec<NoteEntry> {
    let mut lines = NOTES.lines();
    assert_eq!(
        lines.next(),
        Some("code\tcode_name\tproduct\traw_line\tsection")
    );
    lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "{l}");
            NoteEntry {
                code: f[0],
                product: f[2],
                section: f[4],
            }
        })
        .collect()
}

/// The comparison key: digicat's normalisation, with a bracketed explanation removed.
fn key(name: &str) -> String {
    let n = digicat::normalize(name);
    match (n.find('('), n.rfind(')')) {
        (Some(open), Some(close)) if open < close && close + 1 == n.len() => n[..open].to_owned(),
        _ => n,
    }
}

/// Notes key → the codes listing it.
fn index() -> BTreeMap<String, BTreeSet<&'static str>> {
    let mut map: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
    for e in notes() {
        map.entry(key(e.product)).or_default().insert(e.code);
    }
    map
}

/// The codes under which the notes list a product: its name, or the activity `name开发` /
/// `name软件开发` of the notes' `包括` lists.
fn codes_of(
    index: &BTreeMap<String, BTreeSet<&'static str>>,
    name: &str,
) -> BTreeSet<&'static str> {
    let k = key(name);
    [k.clone(), format!("{k}开发"), format!("{k}软件开发")]
        .iter()
        .filter_map(|f| index.get(f))
        .flatten()
        .copied()
        .collect()
}

#[test]
fn every_disagreement_with_the_notes_is_recorded_and_justified() {
    let index = index();
    let mut recorded: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    for l in DISAGREEMENTS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
    {
        let f: Vec<&str> = l.split('\t').collect();
        assert_eq!(f.len(), 4, "{l}");
        assert!(!f[3].is_empty(), "no reason: {l}");
        assert!(recorded.insert(f[0], (f[1], f[2])).is_none(), "twice: {l}");
    }
    let (mut confirmed, mut absent, mut disagree) = (0, 0, 0);
    for p in digicat::products() {
        let codes = codes_of(&index, p.name());
        let row = p.row();
        let code = row.code().to_string();
        if codes.is_empty() {
            absent += 1;
        } else if codes.contains(code.as_str()) {
            confirmed += 1;
            assert!(
                !recorded.contains_key(p.name()),
                "{} is recorded as a disagreement but the notes list it under {code}",
                p.name()
            );
        } else {
            disagree += 1;
            let Some((rec_row, rec_code)) = recorded.get(p.name()) else {
                panic!(
                    "{} (row {}, {code}) is listed under {codes:?} in the notes: \
                     move it or record why it stands in data/catalogues/dongguan-2019/evidence/notes_disagreements.tsv",
                    p.name(),
                    row.id()
                );
            };
            assert_eq!(*rec_row, row.id(), "{}", p.name());
            assert!(
                codes.contains(rec_code),
                "{}: notes say {codes:?}",
                p.name()
            );
        }
    }
    assert_eq!(
        disagree,
        recorded.len(),
        "a recorded disagreement names no product"
    );
    // The figures data/README.md gives.
    assert_eq!((confirmed, absent, disagree), (129, 57, 25));
}

#[test]
fn row_1_2_is_the_notes_6512_list_in_print_order() {
    // The notes' `列入本分类` list of 6512 is row 1.2 (less 开发支撑软件, which the notes do not
    // have) followed by row 7.2, in the table's print order; the 6513 list starts at 嵌入式操作系统.
    let listed = |code: &str| -> Vec<String> {
        notes()
            .iter()
            .filter(|e| e.code == code && e.section == "列入本分类")
            .map(|e| key(e.product))
            .collect()
    };
    let printed: Vec<String> = ["1.2", "7.2"]
        .iter()
        .flat_map(|id| digicat::row(id).expect("row").products())
        .map(|p| key(p.name()))
        .filter(|k| k != "开发支撑软件")
        .collect();
    assert_eq!(listed("6512"), printed);
    assert_eq!(digicat::row("1.2").expect("row").products().len(), 22);
    assert_eq!(digicat::row("1.3").expect("row").products().len(), 29);
    assert_eq!(
        digicat::row("1.3").expect("row").products()[0].name(),
        "嵌入式操作系统"
    );
    assert_eq!(listed("6513")[0], "嵌入式操作系统");
    // 开发支撑软件 is printed inside the run, between two names the notes list under 6512.
    let names: Vec<&str> = digicat::row("1.2")
        .expect("row")
        .products()
        .iter()
        .map(|p| p.name())
        .collect();
    let i = names
        .iter()
        .position(|n| *n == "开发支撑软件")
        .expect("in 1.2");
    assert_eq!(
        (names[i - 1], names[i + 1]),
        ("系统管理工具软件", "信息检索和翻译软件")
    );
}

#[test]
fn the_industries_are_sei_2018_classes_with_the_same_codes_and_marks() {
    // Each of the 9 industries is the SEI 2018 小类 of the same name, with the same GB/T codes and
    // `*` marks in the same order: industry 4 = 1.3.4 including 6591* (the inferred row 4.7), which
    // is what brings the codes to the notice's 21 小类 in 12 中类.
    let mut lines = SEI.lines();
    assert_eq!(
        lines.next(),
        Some("level\tcode\tname\tgbt_codes\tgbt_names\tnote\tproducts")
    );
    let sei: Vec<(String, &str, &str)> = lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[0] == "小类")
        .map(|f| (digicat::normalize(f[2]), f[1], f[3]))
        .collect();
    let mut matched = Vec::new();
    for ind in digicat::industries() {
        let (_, sei_code, codes) = sei
            .iter()
            .find(|(name, _, _)| *name == digicat::normalize(ind.name()))
            .unwrap_or_else(|| panic!("industry {} is no SEI 2018 小类", ind.name()));
        let printed: Vec<&str> = ind.rows().iter().map(|r| r.printed_code()).collect();
        assert_eq!(printed.join(";"), *codes, "industry {}", ind.id());
        matched.push(*sei_code);
    }
    assert_eq!(
        matched,
        ["1.3.1", "1.3.2", "1.5.1", "1.3.4", "1.4.1", "1.4.2", "1.4.3", "1.4.4", "1.3.3"]
    );
    let r = digicat::row("4.7").expect("row 4.7");
    assert!(r.is_inferred() && r.code().to_string() == "6591");
}
