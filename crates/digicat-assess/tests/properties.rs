//! Properties: adding a confirmed enterprise never lowers a count or a sum; converting units
//! never changes a verdict; shuffling rows changes nothing.

mod common;
use common::*;
use digicat_assess::evaluate::Verdict;
use proptest::prelude::*;

const SETS: [&str; 4] = [
    "pilot-park-2019",
    "pilot-park-targets-2022",
    "cluster-2021",
    "software-cluster-2025",
];

/// A firm: (code index, review?, revenue in 元 for three years, staff, park index, blank cell?).
type Firm = (usize, bool, [u64; 3], u32, usize, bool);

fn firm() -> impl Strategy<Value = Firm> {
    (
        0usize..4,
        any::<bool>(),
        [
            0u64..3_000_000_000,
            0u64..3_000_000_000,
            0u64..3_000_000_000,
        ],
        0u32..5000,
        0usize..2,
        prop::bool::weighted(0.1),
    )
}

const CODES: [&str; 4] = ["6520", "6432", "6513", "7320"];

/// Revenue `yuan` written in `unit` (元, 万元 or 亿元), exactly.
fn write(yuan: u64, unit: usize) -> String {
    match unit {
        0 => yuan.to_string(),
        1 => format!("{}.{:04}", yuan / 10_000, yuan % 10_000),
        _ => format!("{}.{:08}", yuan / 100_000_000, yuan % 100_000_000),
    }
}

fn text(firms: &[Firm], unit: usize) -> String {
    let u = ["元", "万元", "亿元"][unit];
    let mut s = format!("企业名称,行业代码,经营范围,园区,营业收入2021（{u}）,营业收入2022（{u}）,营业收入2023（{u}）,技术人员,从业人员,本科及以上人数\n");
    for (i, (code, review, rev, staff, park, blank)) in firms.iter().enumerate() {
        let scope = if *review {
            "软件开发"
        } else {
            "计算机视听觉软件"
        };
        let code = if *review { "6513" } else { CODES[*code] };
        let r2 = if *blank {
            String::new()
        } else {
            write(rev[1], unit)
        };
        s.push_str(&format!(
            "f{i},{code},{scope},P{park},{},{r2},{},{staff},{},{}\n",
            write(rev[0], unit),
            write(rev[2], unit),
            staff + 10,
            staff / 2
        ));
    }
    s
}

fn verdicts(text: &str) -> Vec<(String, String, Verdict, Option<String>)> {
    let a = attrs(&[
        ("space_m2", "400000"),
        ("city_employees", "20000"),
        ("industry_rd_intensity", "3%"),
    ]);
    let mut out = Vec::new();
    for g in run(&roster(text), &SETS, &a) {
        for o in g.results {
            let v = o
                .value
                .map(|v| format!("{:?}", (v.confirmed, v.with_review)));
            out.push((g.group.clone(), format!("{}.{}", o.set, o.id), o.verdict, v));
        }
    }
    out.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn unit_conversion_never_changes_a_verdict(firms in prop::collection::vec(firm(), 1..25)) {
        let yuan = verdicts(&text(&firms, 0));
        let verdict_only = |v: &[(String, String, Verdict, Option<String>)]| v.iter().map(|x| (x.0.clone(), x.1.clone(), x.2)).collect::<Vec<_>>();
        prop_assert_eq!(verdict_only(&yuan), verdict_only(&verdicts(&text(&firms, 1))));
        prop_assert_eq!(verdict_only(&yuan), verdict_only(&verdicts(&text(&firms, 2))));
    }

    #[test]
    fn shuffling_rows_changes_nothing(firms in prop::collection::vec(firm(), 1..25), seed in any::<u64>()) {
        let mut shuffled = firms.clone();
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        // Names follow the firm, not the position: compare verdicts and values only.
        prop_assert_eq!(verdicts(&text(&firms, 1)), verdicts(&text(&shuffled, 1)));
    }

    #[test]
    fn adding_a_confirmed_enterprise_never_lowers_a_count_or_sum(firms in prop::collection::vec(firm(), 1..20), extra in firm()) {
        let mut more = firms.clone();
        let (code, _, rev, staff, park, _) = extra;
        more.push((code % 3, false, rev, staff, park, false));
        let a = attrs(&[]);
        let before = run(&roster(&text(&firms, 1)), &SETS, &a);
        let after = run(&roster(&text(&more, 1)), &SETS, &a);
        for g in &before {
            for o in &g.results {
                use digicat_assess::criteria::Metric;
                if !matches!(o.metric, Metric::Count | Metric::CountWhere | Metric::Sum) {
                    continue;
                }
                let Some(after_group) = after.iter().find(|x| x.group == g.group) else { continue };
                let n = after_group.results.iter().find(|x| x.set == o.set && x.id == o.id).unwrap();
                let (b, a) = (o.value.as_ref().and_then(|v| v.confirmed), n.value.as_ref().and_then(|v| v.confirmed));
                if let (Some(b), Some(a)) = (b, a) {
                    prop_assert!(a >= b, "{} {}: {} -> {}", g.group, o.id, b, a);
                }
                if o.verdict == Verdict::Met && o.comparator.is_some_and(|c| c.starts_with('>')) {
                    prop_assert_eq!(n.verdict, Verdict::Met, "{} {}", g.group, o.id);
                }
            }
        }
    }
}
