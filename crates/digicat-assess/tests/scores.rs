//! Scores out of cluster-2021's weights, the experts' score sheet, and records that could not
//! be read.

mod common;
use common::*;
use digicat_assess::report::Report;
use digicat_assess::score::ScoreSource;
use digicat_assess::{CriteriaSet, Roster, RosterOptions, ScoreSheet, Unread, Verdict};

const H: &str = "企业名称,行业代码,经营范围,园区,营业收入2021（万元）,营业收入2022（万元）,营业收入2023（万元）,技术人员\n";

fn cluster() -> Vec<CriteriaSet> {
    vec![CriteriaSet::shipped("cluster-2021").unwrap()]
}

fn sheet(text: &str, groups: &[&str]) -> Result<ScoreSheet, String> {
    let (h, rows) = table(text);
    let groups: Vec<String> = groups.iter().map(|g| (*g).to_owned()).collect();
    ScoreSheet::read("评分.csv", &h, &rows, &cluster(), &groups)
}

/// One firm in park A: 6520 with 12亿 of revenue in 2023.
fn one_big_firm() -> Roster {
    roster(&format!(
        "{H}{}",
        firms("甲", 1, "A", "6520", "", "1,1,120000,1")
    ))
}

#[test]
fn computed_indicators_score_by_verdict_and_the_sheet_completes_the_total() {
    let r = one_big_firm();
    // Every indicator but 1 and 15 scored 1 by the experts (23 indicators).
    let mut text = "园区,指标,得分\n".to_owned();
    for i in (2..=25).filter(|i| *i != 15) {
        text.push_str(&format!("A,{i},1\n"));
    }
    let s = sheet(&text, &["A", "全部名册"]).unwrap();
    let report = Report::build(&r, &cluster(), &attrs(&[]), &s);
    let score = &report.scores[0];
    assert_eq!(
        (score.group.as_str(), score.set.as_str()),
        ("A", "cluster-2021")
    );
    // Indicator 1 (现有规模 ≥ 10亿): met → its weight 5. Indicator 15: the 5亿 tier needs 2 firms,
    // there is 1 → not met → 0. The sheet gives 23 × 1.
    let one = &score.indicators[0];
    assert_eq!(
        (one.indicator, one.low, one.high, one.source),
        (1, 5.0, 5.0, ScoreSource::Verdict)
    );
    let fifteen = score.indicators.iter().find(|i| i.indicator == 15).unwrap();
    assert_eq!((fifteen.low, fifteen.high), (0.0, 0.0));
    assert_eq!(
        fifteen.criteria.len(),
        4,
        "the four tiers are one indicator"
    );
    assert!(score.complete);
    assert_eq!((score.low, score.high, score.out_of), (28.0, 28.0, 98));
}

#[test]
fn without_a_sheet_the_total_is_a_range_and_says_what_is_missing() {
    let report = Report::build(
        &one_big_firm(),
        &cluster(),
        &attrs(&[]),
        &ScoreSheet::default(),
    );
    let score = &report.scores[0];
    assert!(!score.complete);
    // 16 expert-scored indicators plus the computed ones that are undetermined.
    assert!(score.missing.contains(&2) && score.missing.contains(&25));
    assert!(!score.missing.contains(&1) && !score.missing.contains(&15));
    // Met: 1 (现有规模, 5) and 12 (3 年翻一番: 1 → 120000, 6); not met: 14 (no firm settled in the
    // period reaches 2000万, 8) and 15 (tiers, 7).
    assert_eq!(score.low, 11.0);
    assert_eq!(score.high, 98.0 - 8.0 - 7.0);
}

#[test]
fn a_sheet_score_for_every_group_applies_unless_a_park_has_its_own() {
    let s = sheet("园区,指标,得分\n*,2,1.5\nA,2,3\n", &["A", "B", "全部名册"]).unwrap();
    let r = roster(&format!(
        "{H}{}{}",
        firms("甲", 1, "A", "6520", "", "1,1,1,1"),
        firms("乙", 1, "B", "6520", "", "1,1,1,1")
    ));
    let report = Report::build(&r, &cluster(), &attrs(&[]), &s);
    let two = |group: &str| {
        let sc = report.scores.iter().find(|s| s.group == group).unwrap();
        sc.indicators[1].low
    };
    assert_eq!((two("A"), two("B")), (3.0, 1.5));
}

#[test]
fn a_bad_sheet_is_refused_with_its_line_and_reason() {
    let groups = ["A", "全部名册"];
    let cases = [
        ("园区,得分\nA,1\n", "找不到“指标”列"),
        ("指标,得分\n26,1\n", "第 2 行：cluster-2021 没有指标“26”"),
        ("指标,得分\n2,4\n", "第 2 行：指标 2 得分 4 超过其权重 3"),
        ("指标,得分\n2,-1\n", "第 2 行：得分“-1”无法读取"),
        ("指标,得分\n2,约2\n", "第 2 行：得分“约2”无法读取"),
        ("指标,得分\n2,\n", "第 2 行：指标 2 没有得分"),
        (
            "指标,得分\n2,1\ni02_quality,2\n",
            "第 3 行：指标 2 已在第 2 行评分",
        ),
        ("园区,指标,得分\nB,2,1\n", "第 2 行：园区“B”不在名册中"),
    ];
    for (text, expected) in cases {
        let err = sheet(text, &groups).unwrap_err();
        assert!(err.contains(expected), "{text:?}: {err}");
    }
    let (h, rows) = table("指标,得分\n2,1\n");
    let unweighted = [CriteriaSet::shipped("pilot-park-2019").unwrap()];
    let err = ScoreSheet::read("s", &h, &rows, &unweighted, &[]).unwrap_err();
    assert!(err.contains("没有权重"), "{err}");
}

#[test]
fn an_unread_record_is_kept_and_makes_the_verdicts_it_could_change_undetermined() {
    // 29 catalogue firms in park A: 30家以上 is not met. A record that could not be read might
    // be the 30th: the verdict is undetermined, the row is kept in place, nothing is guessed.
    let text = format!("{H}{}x,y\n", firms("甲", 29, "A", "6520", "", "1,1,1,1"));
    let (h, rows) = table(&text);
    let unread = [Unread {
        line: 31,
        reason: "malformed_record".to_owned(),
        message: "line 31: 2 fields".to_owned(),
    }];
    let r = Roster::read_marked(&h, &rows, &unread, &RosterOptions::default()).unwrap();
    assert_eq!(r.enterprises.len(), 30);
    let last = &r.enterprises[29];
    assert_eq!((last.line, last.status.as_str()), (31, "invalid"));
    let g = run(&r, &["pilot-park-2019"], &attrs(&[]));
    let o = outcome(&g, "A", "enterprises");
    assert_eq!(o.verdict, Verdict::Undetermined);
    assert_eq!(o.review_lines, [31]);
    let report = Report::build(&r, &cluster(), &attrs(&[]), &ScoreSheet::default());
    assert_eq!(report.roster.unread, unread);
    assert_eq!(report.roster.counted, 29);

    // With 30 readable firms the unread record cannot change the verdict.
    let text = format!("{H}{}x,y\n", firms("甲", 30, "A", "6520", "", "1,1,1,1"));
    let (h, rows) = table(&text);
    let unread = [Unread {
        line: 32,
        ..unread[0].clone()
    }];
    let r = Roster::read_marked(&h, &rows, &unread, &RosterOptions::default()).unwrap();
    let g = run(&r, &["pilot-park-2019"], &attrs(&[]));
    assert_eq!(outcome(&g, "A", "enterprises").verdict, Verdict::Met);
}
