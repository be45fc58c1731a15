//! Each shipped criterion on hand-computed rosters, boundaries included.

mod common;
use common::*;
use digicat_assess::Verdict;

const H: &str = "企业名称,行业代码,经营范围,园区,营业收入2021（万元）,营业收入2022（万元）,营业收入2023（万元）,技术人员\n";

#[test]
fn thirty_enterprises_is_met_twenty_nine_is_not() {
    // 以上 includes the number: exactly 30 in_scope enterprises meets `30家以上`.
    let text = format!("{H}{}", firms("甲", 30, "A园", "6520", "", "1,1,1,1"));
    let g = run(&roster(&text), &["pilot-park-2019"], &attrs(&[]));
    let o = outcome(&g, "A园", "enterprises");
    assert_eq!(o.verdict, Verdict::Met);
    assert_eq!(o.value.as_ref().unwrap().confirmed, Some(30.0));
    assert_eq!(o.confirmed_lines.len(), 30);
    let text = format!(
        "{H}{}{}",
        firms("甲", 29, "A园", "6520", "", "1,1,1,1"),
        firms("外", 3, "A园", "7320", "", "1,1,1,1")
    );
    let g = run(&roster(&text), &["pilot-park-2019"], &attrs(&[]));
    let o = outcome(&g, "A园", "enterprises");
    assert_eq!(o.verdict, Verdict::NotMet);
    assert_eq!(o.gap.as_deref(), Some("还差 1 家企业"));
}

#[test]
fn review_rows_make_a_range_and_an_undetermined_verdict() {
    // 29 confirmed + 2 needs_review (6513 with only 软件开发): 29 … 31 around 30.
    let text = format!(
        "{H}{}{}",
        firms("甲", 29, "A园", "6520", "", "1,1,1,1"),
        firms("审", 2, "A园", "6513", "软件开发", "1,1,1,1")
    );
    let g = run(&roster(&text), &["pilot-park-2019"], &attrs(&[]));
    let o = outcome(&g, "A园", "enterprises");
    assert_eq!(o.verdict, Verdict::Undetermined);
    let v = o.value.as_ref().unwrap();
    assert_eq!((v.confirmed, v.with_review), (Some(29.0), Some(31.0)));
    assert_eq!(o.review_lines, [31, 32]);
}

#[test]
fn exactly_100_yi_over_three_years_is_not_above_100_yi() {
    // 超过 excludes the number: one firm with 30 亿 + 30 亿 + 40 亿 = 100 亿 exactly.
    let text = format!(
        "{H}{}",
        firms("甲", 1, "A园", "6520", "", "300000,300000,400000,1")
    );
    let g = run(&roster(&text), &["pilot-park-2019"], &attrs(&[]));
    let o = outcome(&g, "A园", "revenue_3y");
    assert_eq!(o.value.as_ref().unwrap().confirmed, Some(100.0));
    assert_eq!(o.verdict, Verdict::NotMet);
    assert_eq!(o.gap.as_deref(), Some("恰为 100 亿元，须超过"));
    // One more 万元 is enough.
    let text = format!(
        "{H}{}",
        firms("甲", 1, "A园", "6520", "", "300000,300000,400001,1")
    );
    let g = run(&roster(&text), &["pilot-park-2019"], &attrs(&[]));
    assert_eq!(outcome(&g, "A园", "revenue_3y").verdict, Verdict::Met);
    // 87.7 亿: 差 12.3 亿元.
    let text = format!(
        "{H}{}",
        firms("甲", 1, "A园", "6520", "", "300000,300000,277000,1")
    );
    let g = run(&roster(&text), &["pilot-park-2019"], &attrs(&[]));
    let o = outcome(&g, "A园", "revenue_3y");
    assert_eq!(o.gap.as_deref(), Some("差 12.3 亿元（须超过 100 亿元）"));
}

#[test]
fn the_other_reading_uses_the_latest_year() {
    let text = format!(
        "{H}{}",
        firms("甲", 1, "A园", "6520", "", "300000,300000,400001,1")
    );
    let r = roster(&text);
    let mut set = digicat_assess::CriteriaSet::shipped("pilot-park-2019").unwrap();
    set.choose_alternative("revenue_3y").unwrap();
    let report =
        digicat_assess::report::Report::build(&r, &[set], &attrs(&[]), &Default::default());
    let o = outcome(&report.groups, "A园", "revenue_3y");
    assert_eq!(o.value.as_ref().unwrap().confirmed, Some(40.0001));
    assert_eq!(o.verdict, Verdict::NotMet);
    assert!(o.alternative_chosen);
}

#[test]
fn a_missing_cell_is_listed_and_can_make_the_verdict_undetermined() {
    let text = format!(
        "{H}{}甲X,6520,,A园,300000,,400000,1\n",
        firms("甲", 1, "A园", "6520", "", "100000,100000,100000,1")
    );
    let g = run(&roster(&text), &["pilot-park-2019"], &attrs(&[]));
    let o = outcome(&g, "A园", "revenue_3y");
    assert_eq!(o.verdict, Verdict::Undetermined);
    let v = o.value.as_ref().unwrap();
    assert_eq!((v.confirmed, v.with_review), (Some(30.0), None));
    assert_eq!(o.missing.len(), 1);
    assert_eq!(o.missing[0].line, 3);
    assert_eq!(o.missing[0].column, "营业收入 2022");
    // When the sum already exceeds the threshold, a missing cell cannot lower it: met.
    let text = format!(
        "{H}{}甲X,6520,,A园,约100,,,1\n",
        firms("甲", 1, "A园", "6520", "", "400000,400000,400000,1")
    );
    let g = run(&roster(&text), &["pilot-park-2019"], &attrs(&[]));
    let o = outcome(&g, "A园", "revenue_3y");
    assert_eq!(o.verdict, Verdict::Met);
    assert_eq!(o.missing.len(), 3);
    assert!(o
        .missing
        .iter()
        .any(|m| m.raw == "约100" && m.why.contains("无法读取的数值")));
}

#[test]
fn space_tech_staff_and_tax() {
    let text = format!("{H}{}", firms("甲", 2, "A园", "6520", "", "1,1,1,5000"));
    let g = run(
        &roster(&text),
        &["pilot-park-2019"],
        &attrs(&[("space_m2", "300000")]),
    );
    assert_eq!(outcome(&g, "A园", "space").verdict, Verdict::NotMet);
    // 2 × 5000 = 10000, not 超过 1 万.
    assert_eq!(outcome(&g, "A园", "tech_staff").verdict, Verdict::NotMet);
    assert_eq!(outcome(&g, "A园", "tax").verdict, Verdict::NotComputable);
    let g = run(
        &roster(&text),
        &["pilot-park-2019"],
        &attrs(&[("space_m2", "300,001")]),
    );
    assert_eq!(outcome(&g, "A园", "space").verdict, Verdict::Met);
    let g = run(&roster(&text), &["pilot-park-2019"], &attrs(&[]));
    let o = outcome(&g, "A园", "space");
    assert_eq!(o.verdict, Verdict::Undetermined);
    assert!(o.notes[0].contains("space_m2"));
}

#[test]
fn targets_2022_tiers_at_their_boundaries() {
    // revenue (万元): 1000 (not 超千万), 1001, 10000 (= 1 亿: 以上 counts), 100000 (= 10 亿).
    let text = format!(
        "{H}a,6520,,A园,1,1,1000,1\nb,6520,,A园,1,1,1001,1\nc,6520,,B园,1,1,10000,1\nd,6520,,B园,1,1,100000,1\n"
    );
    let g = run(&roster(&text), &["pilot-park-targets-2022"], &attrs(&[]));
    let count = |id: &str| {
        outcome(&g, "全部名册", id)
            .value
            .as_ref()
            .unwrap()
            .confirmed
    };
    assert_eq!(count("firms_10m"), Some(3.0));
    assert_eq!(count("firms_100m"), Some(2.0));
    assert_eq!(count("firms_1b"), Some(1.0));
    let o = outcome(&g, "全部名册", "firms_100m");
    assert_eq!(o.gap.as_deref(), Some("还差 28 家营收 1 亿元以上企业"));
    assert_eq!(
        outcome(&g, "全部名册", "talent")
            .value
            .as_ref()
            .unwrap()
            .confirmed,
        Some(4.0)
    );
}

#[test]
fn targets_2022_growth_rates() {
    // 大类 65 revenue 100 → 144 over two years: 20 % a year, 不低于 20 % → met;
    // the digital total grows the same, 超过 15 % → met; 121 → 10 %: not met.
    let text = format!("{H}a,6520,,A园,100,120,144,1\n");
    let g = run(&roster(&text), &["pilot-park-targets-2022"], &attrs(&[]));
    let o = outcome(&g, "全部名册", "growth_software");
    assert_eq!(o.verdict, Verdict::Met);
    assert_eq!(o.value.as_ref().unwrap().confirmed, Some(20.0));
    let text = format!("{H}a,6520,,A园,100,110,121,1\n");
    let g = run(&roster(&text), &["pilot-park-targets-2022"], &attrs(&[]));
    assert_eq!(
        outcome(&g, "全部名册", "growth_digital").verdict,
        Verdict::NotMet
    );
}

const C: &str = "企业名称,行业代码,园区,营业收入2021（亿元）,营业收入2022（亿元）,营业收入2023（亿元）,从业人员,本科及以上人数,研发费用（万元）,平台类型,入驻日期\n";

#[test]
fn cluster_2021_quantitative_indicators() {
    // Tiers (2023, 亿元): 10, 5, 5, 1, 1, 1 + 大类 64 and 65; one 7320 firm (not counted).
    let rows = "a,6520,S,5,8,10,100,60,5000,,2018-01-01\n\
                b,6513,S,2,3,5,100,60,2000,,2018-01-01\n\
                c,6432,S,2,3,5,100,70,2000,,2022-03-01\n\
                d,6520,S,1,1,1,100,60,500,,2022-05-01\n\
                e,6520,S,0.5,0.5,1,100,50,500,投资基金,2022-05-01\n\
                f,6520,S,0.2,0.5,1,100,60,500,技术咨询,2022-06-01\n\
                g,7320,S,50,50,50,1000,10,0,人才培训,2022-06-01\n";
    let text = format!("{C}{rows}");
    let a = attrs(&[
        ("city_employees", "12000"),
        ("industry_rd_intensity", "2%"),
        ("period_start", "2021-07-02"),
        ("matching_ratio", "0.5"),
    ]);
    let g = run(&roster(&text), &["cluster-2021"], &a);
    let o = |id: &str| outcome(&g, "S", id);
    // 1: 64+65 revenue 2023 = 23 亿 ≥ 10 亿.
    assert_eq!(o("i01_scale").value.as_ref().unwrap().confirmed, Some(23.0));
    assert_eq!(o("i01_scale").verdict, Verdict::Met);
    // 15: tiers ≥10亿: 1 (a) met; ≥5亿: 3 met; ≥1亿: 6 met; ≥2000万: 6 < 20.
    assert_eq!(o("i15_tier_1b").verdict, Verdict::Met);
    assert_eq!(
        o("i15_tier_500m").value.as_ref().unwrap().confirmed,
        Some(3.0)
    );
    assert_eq!(
        o("i15_tier_20m").gap.as_deref(),
        Some("还差 14 家营收 2000 万元以上企业")
    );
    // 12 (大类 65 only, c is 64): 2021 = 5+2+1+0.5+0.2 = 8.7 → 2023 = 18: 2.069 倍 ≥ 2.
    assert_eq!(o("i12_growth").verdict, Verdict::Met);
    // 13: 600 employees of 64+65 / 12000 = 5 % exactly → met; 本科 360/600 = 60 % → met.
    assert_eq!(
        o("i13_employees").value.as_ref().unwrap().confirmed,
        Some(5.0)
    );
    assert_eq!(o("i13_employees").verdict, Verdict::Met);
    assert_eq!(
        o("i13_bachelor").value.as_ref().unwrap().confirmed,
        Some(60.0)
    );
    assert_eq!(o("i13_bachelor").verdict, Verdict::Met);
    // 10: R&D 10,500 万 / 23 亿 = 4.565 % ≥ 2 %.
    assert_eq!(o("i10_rd_intensity").verdict, Verdict::Met);
    // 14: new since 2021-07-02 in 64+65 reaching 2000 万 in any year: c, d, e, f = 4 < 8.
    assert_eq!(
        o("i14_new_firms").value.as_ref().unwrap().confirmed,
        Some(4.0)
    );
    assert_eq!(
        o("i14_new_firms").gap.as_deref(),
        Some("还差 4 家营收 2000 万元以上企业")
    );
    // 6 / cond_platforms: 3 platforms (e, f, g) → met; 16 new ones: 3 → met.
    assert_eq!(o("cond_platforms").verdict, Verdict::Met);
    assert_eq!(o("i16_new_platforms").verdict, Verdict::Met);
    assert_eq!(o("i19_matching").verdict, Verdict::Met);
    assert_eq!(
        o("i06_platforms").value.as_ref().unwrap().confirmed,
        Some(3.0)
    );
    assert_eq!(o("i06_platforms").verdict, Verdict::Met);
    assert_eq!(
        o("i15_tier_100m").value.as_ref().unwrap().confirmed,
        Some(6.0)
    );
    assert_eq!(o("i15_tier_100m").verdict, Verdict::Met);
    // §四 申请条件 repeat indicators 1, 12, 19 and 6 with the same values.
    assert_eq!(o("cond_scale").value, o("i01_scale").value);
    assert_eq!(o("cond_scale").verdict, Verdict::Met);
    assert_eq!(o("cond_growth").value, o("i12_growth").value);
    assert_eq!(o("cond_growth").verdict, Verdict::Met);
    assert_eq!(
        o("cond_matching").value.as_ref().unwrap().confirmed,
        Some(0.5)
    );
    assert_eq!(
        o("cond_matching").verdict,
        Verdict::Met,
        "1:0.5 以上 includes 0.5"
    );
    // The 16 expert-scored indicators: listed with their printed weights, never computed.
    let experts = [
        ("i02_quality", 3),
        ("i03_talent", 3),
        ("i04_ecosystem", 2),
        ("i05_carrier", 3),
        ("i07_ip", 2),
        ("i08_certification", 2),
        ("i09_rd_institutions", 2),
        ("i11_plan_quality", 6),
        ("i17_tax_incentives", 3),
        ("i18_finance", 3),
        ("i20_talent_policy", 3),
        ("i21_tech_innovation", 3),
        ("i22_platform_cultivation", 3),
        ("i23_major_events", 3),
        ("i24_key_projects", 5),
        ("i25_investment_mechanism", 6),
    ];
    for (id, weight) in experts {
        assert_eq!(o(id).verdict, Verdict::NotComputable, "{id}");
        assert_eq!(
            (o(id).weight, o(id).value.as_ref()),
            (Some(weight), None),
            "{id}"
        );
    }
}

const W: &str = "企业名称,行业代码,营业收入2023（亿元）,规上,主板上市\n";

#[test]
fn software_cluster_2025_city_targets() {
    // Four firms at 10 亿: 10亿级超过4家 is not met (4 is not more than 4); 100 亿 firm: one.
    let rows =
        "a,6513,100,是,是\nb,6513,10,是,否\nc,6513,10,是,是\nd,6513,10,是,否\ne,6520,0.5,否,否\n";
    let g = run(
        &roster(&format!("{W}{rows}")),
        &["software-cluster-2025"],
        &attrs(&[]),
    );
    let o = |id: &str| outcome(&g, "全部名册", id);
    assert_eq!(o("firm_10b").verdict, Verdict::Met);
    assert_eq!(o("firms_1b").value.as_ref().unwrap().confirmed, Some(4.0));
    assert_eq!(o("firms_1b").verdict, Verdict::NotMet);
    assert_eq!(
        o("firms_1b").gap.as_deref(),
        Some("还差 1 家营收 10 亿元以上企业")
    );
    // 规上 revenue 130 亿 < 450 亿: 差 320 亿元.
    assert_eq!(o("revenue_450").gap.as_deref(), Some("差 320 亿元"));
    // 过亿 (> 1 亿): 4 of 5 = 80 % ≥ 30 %.
    assert_eq!(
        o("share_100m").value.as_ref().unwrap().confirmed,
        Some(80.0)
    );
    assert_eq!(o("listed").verdict, Verdict::Met);
    assert_eq!(o("pilot_parks").verdict, Verdict::NotComputable);
}

#[test]
fn duplicates_are_counted_once_and_reported() {
    let text = "企业名称,统一社会信用代码,行业代码,园区,营业收入2023（万元）\n\
                a,91441900MA00000001,6520,A,1\n\
                a again,91441900ma00000001,6520,A,1\n\
                b,91441900MA00000002,6520,A,1\n";
    let r = roster(text);
    let report = digicat_assess::report::Report::build(
        &r,
        &[digicat_assess::CriteriaSet::shipped("pilot-park-2019").unwrap()],
        &attrs(&[]),
        &Default::default(),
    );
    assert_eq!(report.roster.duplicates.len(), 1);
    assert_eq!(
        (
            report.roster.duplicates[0].line,
            report.roster.duplicates[0].duplicate_of
        ),
        (3, 2)
    );
    assert_eq!(
        outcome(&report.groups, "A", "enterprises")
            .value
            .as_ref()
            .unwrap()
            .confirmed,
        Some(2.0)
    );
    assert_eq!(report.enterprises.len(), 3, "no row lost");
}

#[test]
fn bad_input_messages() {
    use digicat_assess::{Roster, RosterError, RosterOptions};
    let (h, r) = table("企业名称,行业代码,营业收入2023\na,6520,1\n");
    let err = Roster::read(&h, &r, &RosterOptions::default()).unwrap_err();
    assert!(
        matches!(err, RosterError::NoUnit(ref c) if c == "营业收入2023"),
        "{err}"
    );
    assert!(err.to_string().contains("--unit"));
    let options = RosterOptions {
        units: vec![("营业收入2023".into(), digicat_assess::quantity::Unit::Wan)],
        ..RosterOptions::default()
    };
    assert!(Roster::read(&h, &r, &options).is_ok());
    let (h, r) = table("企业名称,行业代码,营业收入2023（万元）\n,,\n");
    assert!(matches!(
        Roster::read(&h, &r, &RosterOptions::default()),
        Err(RosterError::Empty)
    ));
    let (h, r) = table("企业名称,行业代码,营业收入2023（万元）,营收2023（万元）\na,6520,1,1\n");
    assert!(matches!(
        Roster::read(&h, &r, &RosterOptions::default()),
        Err(RosterError::Ambiguous(..))
    ));
}

#[test]
fn rows_without_a_park_are_reported() {
    let text = "企业名称,行业代码,园区,营业收入2023（万元）\na,6520,A,1\nb,6520,,1\n";
    let r = roster(text);
    let report = digicat_assess::report::Report::build(
        &r,
        &[digicat_assess::CriteriaSet::shipped("pilot-park-2019").unwrap()],
        &attrs(&[]),
        &Default::default(),
    );
    assert_eq!(report.roster.without_park, [3]);
    assert_eq!(report.groups.len(), 1);
}
