//! The digital-economy plan's 2025 targets on a hand-computed roster
//! (`tests/assess/digital-economy-roster.csv`), counted by szjj-2021 and GB/T populations.

mod common;
use common::*;
use digicat_assess::criteria::{Computable, Metric};
use digicat_assess::quantity::Unit;
use digicat_assess::report::Report;
use digicat_assess::{CriteriaSet, Population, Roster, RosterOptions, Verdict};

const ROSTER: &str = include_str!("../../../tests/assess/digital-economy-roster.csv");
const SET: &str = "digital-economy-2025";
const ALL: &str = "全部名册";

fn read(szjj: bool) -> Roster {
    let (h, r) = table(ROSTER);
    let options = RosterOptions {
        szjj,
        ..RosterOptions::default()
    };
    Roster::read(&h, &r, &options).unwrap()
}

fn range(o: &digicat_assess::Outcome) -> (Option<f64>, Option<f64>) {
    let v = o.value.as_ref().unwrap();
    (v.confirmed, v.with_review)
}

#[test]
fn every_2025_target_is_a_row_and_only_roster_sums_are_computable() {
    let set = CriteriaSet::shipped(SET).unwrap();
    assert_eq!(set.criteria.len(), 25);
    assert!(set.needs_szjj());
    assert!(!CriteriaSet::shipped("pilot-park-2019")
        .unwrap()
        .needs_szjj());
    let computable: Vec<&str> = set
        .criteria
        .iter()
        .filter(|c| c.computable == Computable::Yes)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        computable,
        [
            "core_scale",
            "electronics_revenue",
            "software_revenue",
            "ic_revenue"
        ]
    );
    for c in &set.criteria {
        // Every target keeps its number and an explicit unit, computable or not.
        assert!(c.comparator.is_some(), "{}", c.id);
        assert_ne!(c.unit, Unit::None, "{}", c.id);
        assert!(c.document.contains("东莞市数字经济发展规划"), "{}", c.id);
        if c.computable == Computable::No {
            assert_eq!(c.metric, Metric::None, "{}", c.id);
            assert!(!c.why.is_empty());
        }
    }
    let core = &set.criteria[0];
    assert_eq!(core.population_spec, "szjj:core");
    assert_eq!(
        core.population,
        Population::Szjj(vec!["01".into(), "02".into(), "03".into(), "04".into()])
    );
}

#[test]
fn szjj_populations_are_validated() {
    for ok in [
        "szjj:core",
        "szjj:01",
        "szjj:0301,0304",
        "szjj:010508",
        "gbt:39",
    ] {
        assert!(Population::parse(ok).is_ok(), "{ok}");
    }
    for (bad, why) in [
        ("szjj:05", "05"),
        ("szjj:0501", "05"),
        ("szjj:050101", "05"),
        ("szjj:020500", "计数恒为 0"),
        ("szjj:06", "no such 大类"),
        ("szjj:0399", "no such 中类"),
        ("szjj:3973", "no such 中类"),
        ("szjj:01a", "not a code"),
        ("szjj:", "not a code"),
        ("gbt:397", "two-digit"),
        ("dongguan", "expected"),
    ] {
        let e = Population::parse(bad).unwrap_err();
        assert!(e.contains(why), "{bad}: {e}");
    }
}

#[test]
fn the_roster_gives_the_hand_computed_values() {
    let sets = [CriteriaSet::shipped(SET).unwrap()];
    let report = Report::build(&read(true), &sets, &attrs(&[]), &Default::default());
    let g = &report.groups;
    assert_eq!(g.len(), 1);
    // 01–04 confirmed: 600 + 150 + 9000 + 2500 + 120 + 50 + 300 + 80 = 12800 亿元; needs_review
    // 6429 without product (200, candidates 030304/030307) and 397 (100, coarse) → 13100.
    let o = outcome(g, ALL, "core_scale");
    assert_eq!(range(o), (Some(12800.0), Some(13100.0)));
    assert_eq!(o.verdict, Verdict::Undetermined);
    assert_eq!(o.review_lines, [8, 10]);
    assert_eq!(o.gap.as_deref(), Some("差 200 亿元（须超过 13000 亿元）"));
    assert_eq!(
        (o.population.as_str(), o.catalogue),
        ("szjj:core", Some("szjj-2021"))
    );
    assert!(o.population_zh.starts_with("数字经济核心产业"));
    // 大类 39, 规上 only: 600 + 9000 + 2500 + 300 + 100 (code 397 lies in 39); 3976 is 规下.
    let o = outcome(g, ALL, "electronics_revenue");
    assert_eq!(range(o), (Some(12500.0), Some(12500.0)));
    assert_eq!(o.verdict, Verdict::Met);
    assert_eq!(o.catalogue, Some("gbt-4754"));
    assert_eq!(
        o.population_zh,
        "GB/T 4754 大类 39 计算机、通信和其他电子设备制造业，仅规上企业"
    );
    // 大类 65: 6520 (150) + 6513 (120); 6429 is 64.
    let o = outcome(g, ALL, "software_revenue");
    assert_eq!(range(o), (Some(270.0), Some(270.0)));
    assert_eq!(o.verdict, Verdict::NotMet);
    assert_eq!(o.gap.as_deref(), Some("差 30 亿元"));
    // 010508 (600) + 030401 (150); the 397 record's candidates include 010508: 750 … 850
    // around 800, undetermined. The 6429 record's candidates are outside: not counted.
    let o = outcome(g, ALL, "ic_revenue");
    assert_eq!(range(o), (Some(750.0), Some(850.0)));
    assert_eq!(o.verdict, Verdict::Undetermined);
    assert_eq!(
        (o.confirmed_lines.as_slice(), o.review_lines.as_slice()),
        (&[2, 3][..], &[10][..])
    );
    assert!(o
        .population_zh
        .contains("010508 集成电路制造、030401 集成电路设计"));
    // Not computable from a roster: listed with the document's number, never judged.
    let o = outcome(g, ALL, "base_stations");
    assert_eq!(o.verdict, Verdict::NotComputable);
    assert_eq!((o.threshold, o.unit), (Some(23000.0), "座"));
    assert_eq!((o.population.as_str(), o.catalogue), ("-", None));
    // The enterprises carry their szjj-2021 answer.
    let e = &report.enterprises[8];
    assert_eq!(
        (e.szjj_status.as_deref(), e.szjj_reason.as_deref()),
        (Some("needs_review"), Some("coarse_code"))
    );
}

#[test]
fn the_other_readings_change_the_population() {
    let mut set = CriteriaSet::shipped(SET).unwrap();
    set.choose_alternative("ic_revenue").unwrap();
    set.choose_alternative("electronics_revenue").unwrap();
    let report = Report::build(&read(true), &[set], &attrs(&[]), &Default::default());
    // + 010507 半导体分立器件 (300): 1050 confirmed, met whatever the 397 record is.
    let o = outcome(&report.groups, ALL, "ic_revenue");
    assert_eq!(range(o), (Some(1050.0), Some(1150.0)));
    assert_eq!(o.verdict, Verdict::Met);
    assert_eq!(o.population, "szjj:010507,010508,030401");
    // szjj:01, 规上: 600 + 9000 + 2500 + 300, the 397 record under review: 12400 … 12500.
    let o = outcome(&report.groups, ALL, "electronics_revenue");
    assert_eq!(range(o), (Some(12400.0), Some(12500.0)));
    assert_eq!(o.verdict, Verdict::Met);
    assert_eq!(o.catalogue, Some("szjj-2021"));
}

#[test]
fn a_roster_read_without_szjj_is_never_counted_as_if_it_were() {
    let sets = [CriteriaSet::shipped(SET).unwrap()];
    let report = Report::build(&read(false), &sets, &attrs(&[]), &Default::default());
    let o = outcome(&report.groups, ALL, "core_scale");
    assert_eq!(o.verdict, Verdict::Undetermined);
    assert_eq!(range(o).0, Some(0.0));
    assert!(report.enterprises.iter().all(|e| e.szjj_status.is_none()));
}

#[test]
fn a_section_letter_is_a_possible_member_of_the_divisions_it_holds() {
    // 门类 C (制造业) holds 大类 39: possibly electronics; 门类 I does not.
    let text = "企业名称,行业代码,营业收入2024（亿元）,规上\n甲,C,100,是\n乙,I,70,是\n";
    let report = Report::build(
        &roster(text),
        &[CriteriaSet::shipped(SET).unwrap()],
        &attrs(&[]),
        &Default::default(),
    );
    let o = outcome(&report.groups, ALL, "electronics_revenue");
    assert_eq!(range(o), (Some(0.0), Some(100.0)));
    assert_eq!(o.review_lines, [2]);
    let o = outcome(&report.groups, ALL, "software_revenue");
    assert_eq!(range(o), (Some(0.0), Some(70.0)));
    assert_eq!(o.review_lines, [3]);
}
