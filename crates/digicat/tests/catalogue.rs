//! The embedded data: its facts and its own rules, checked over every entry.

use digicat::{Code, EvidenceKind, Level};
use std::collections::BTreeSet;

#[test]
fn shape_of_the_catalogue() {
    assert_eq!(digicat::categories().len(), 2);
    assert_eq!(digicat::industries().len(), 9);
    assert_eq!(
        digicat::rows().len(),
        30,
        "29 printed rows and the inferred 4.7"
    );
    let codes: BTreeSet<u16> = digicat::rows().iter().map(|r| r.code().value()).collect();
    assert_eq!(codes.len(), 21, "the notice's 21 小类");
    let groups: BTreeSet<u16> = codes.iter().map(|c| c / 10).collect();
    assert_eq!(groups.len(), 12, "the notice's 12 中类");
    let divisions: BTreeSet<u16> = codes.iter().map(|c| c / 100).collect();
    assert_eq!(divisions.len(), 2, "the notice's 2 大类");
    // Without the inferred row: what the extracted table names (see data/README.md).
    let printed: BTreeSet<u16> = digicat::rows()
        .iter()
        .filter(|r| !r.is_inferred())
        .map(|r| r.code().value())
        .collect();
    assert_eq!(printed.len(), 20);
    assert_eq!(
        printed
            .iter()
            .map(|c| c / 10)
            .collect::<BTreeSet<_>>()
            .len(),
        11
    );
    let inferred: Vec<&str> = digicat::rows()
        .iter()
        .filter(|r| r.is_inferred())
        .map(|r| r.id())
        .collect();
    assert_eq!(inferred, ["4.7"]);
    let whole: Vec<String> = digicat::rows()
        .iter()
        .filter(|r| !r.is_partial())
        .map(|r| r.code().to_string())
        .collect();
    assert_eq!(
        whole,
        ["6520", "6432", "6433", "6434", "6439", "6421", "6440"]
    );
    let ids: Vec<&str> = digicat::rows().iter().map(|r| r.id()).collect();
    assert_eq!(
        ids.join(" "),
        "1.1 1.2 1.3 2.1 3.1 3.2 4.1 4.2 4.3 4.4 4.5 4.6 4.7 5.1 5.2 5.3 5.4 5.5 5.6 5.7 \
         6.1 6.2 6.3 6.4 6.5 7.1 7.2 8.1 8.2 9.1"
    );
    assert_eq!(digicat::products().len(), 211);
}

#[test]
fn metadata() {
    let m = digicat::meta();
    assert_eq!(m.document(), "东工信〔2019〕160号");
    assert_eq!(m.date(), "2019-07-30");
    assert_eq!(m.status(), "试行");
    assert_eq!(m.edition(), "GB/T 4754-2017");
    assert!(m.title().contains("重点发展产业、产品和服务目录"));
    assert_eq!(
        digicat::categories()[0].name(),
        "一、新兴软件和新型信息技术服务"
    );
    assert_eq!(
        digicat::categories()[1].name(),
        "二、互联网与云计算、大数据服务"
    );
    let cat: Vec<Vec<u8>> = digicat::categories()
        .iter()
        .map(|c| c.industries().map(|i| i.id()).collect())
        .collect();
    assert_eq!(cat, [vec![1, 2, 3, 4], vec![5, 6, 7, 8, 9]]);
}

#[test]
fn catalogue_version_format() {
    let v = digicat::CATALOGUE_VERSION;
    let (date, hash) = v.split_once('+').expect("YYYY-MM-DD+hash");
    assert_eq!(date, digicat::meta().date());
    assert_eq!(hash.len(), 8);
    assert!(hash
        .bytes()
        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    assert_eq!(digicat::meta().version(), v);
}

#[test]
fn every_row_is_well_formed() {
    for (i, row) in digicat::rows().iter().enumerate() {
        assert_eq!(row.index(), i);
        assert_eq!(row.code().level(), Level::Class);
        assert_eq!(
            row.code().name(),
            Some(row.name()),
            "row {} name = GB/T name",
            row.id()
        );
        assert!(row.id().starts_with(&format!("{}.", row.industry().id())));
        assert_eq!(
            row.is_partial() && !row.is_inferred(),
            !row.products().is_empty(),
            "starred and printed ⇔ has products: {}",
            row.id()
        );
        assert!(!row.is_inferred() || row.is_partial(), "{}", row.id());
        assert_eq!(row.is_inferred(), row.note().is_some(), "{}", row.id());
        assert!(digicat::rows_for_code(row.code()).any(|r| r == row));
        assert_eq!(digicat::row(row.id()), Some(row));
        for p in row.products() {
            assert_eq!(p.row(), row);
        }
    }
    for ind in digicat::industries() {
        assert!(!ind.rows().is_empty());
        assert!(ind.rows().iter().all(|r| r.industry() == ind));
        assert_eq!(digicat::industry(ind.id()), Some(ind));
    }
    assert_eq!(digicat::industry(0), None);
    assert_eq!(digicat::industry(10), None);
    assert_eq!(digicat::row("10.1"), None);
}

#[test]
fn every_product_and_alias_is_reachable() {
    for (i, p) in digicat::products().iter().enumerate() {
        assert_eq!(p.index(), i);
        assert_eq!(digicat::find_product(p.name()), Some(p), "{}", p.name());
        assert!(!p.name().trim().is_empty() && p.name().trim() == p.name());
    }
    for a in digicat::aliases() {
        let terms = digicat::lookup_terms(a.alias());
        assert!(
            terms
                .iter()
                .any(|t| t.kind() == EvidenceKind::Alias && t.product() == Some(a.product())),
            "alias {} → {}",
            a.alias(),
            a.product().name()
        );
        assert!(!a.why().is_empty());
        // An alias never names a product of another row.
        assert!(terms
            .iter()
            .filter(|t| t.kind() == EvidenceKind::Product)
            .all(|t| t.row() == a.product().row()));
    }
}

#[test]
fn the_reconstruction_judgments() {
    let row_of = |name: &str| digicat::find_product(name).map(|p| p.row().id());
    // Page-break overflow belongs to the row above.
    assert_eq!(row_of("关键信息基础设施配套的支撑软件"), Some("1.2"));
    assert_eq!(row_of("智能移动终端软件系统"), Some("1.2"));
    assert_eq!(row_of("系统运维支撑工具软件"), Some("1.2"));
    assert_eq!(row_of("开发支撑软件"), Some("1.2"));
    assert_eq!(row_of("遥感应用支撑数据库、软件"), Some("1.2"));
    assert_eq!(row_of("嵌入式操作系统"), Some("1.3"));
    assert_eq!(row_of("经营管理和协作软件"), Some("1.3"));
    assert_eq!(row_of("节能减排控制和支撑软件"), Some("1.3"));
    assert_eq!(row_of("知识产权软件开发"), Some("1.3"));
    assert_eq!(row_of("基础类网络与信息安全软件"), Some("2.1"));
    assert_eq!(row_of("网站恢复软件"), Some("2.1"));
    assert_eq!(row_of("安全数据库系统软件"), Some("2.1"));
    assert_eq!(row_of("人工智能优化操作系统"), Some("3.1"));
    assert_eq!(row_of("监控物联网应用服务"), Some("4.1"));
    assert_eq!(row_of("其他物联网应用服务"), Some("4.1"));
    assert_eq!(row_of("网上新闻服务"), Some("8.2"));
    assert_eq!(row_of("网络基础应用服务"), Some("8.2"));
    // Interleaved pages split by 小类.
    assert_eq!(row_of("信息系统运行维护服务"), Some("4.3"));
    assert_eq!(row_of("货物识别系统"), Some("4.4"));
    assert_eq!(row_of("企业对个人（B2C）电子商务服务"), Some("4.5"));
    assert_eq!(row_of("信息化规划"), Some("4.6"));
    assert_eq!(row_of("工业生产大数据资源服务"), Some("5.2"));
    assert_eq!(row_of("工业物联网服务"), Some("5.3"));
    assert_eq!(row_of("工业局域网维护服务"), Some("5.6"));
    assert_eq!(row_of("工业信息和数据处理服务"), Some("5.7"));
    assert_eq!(row_of("互联网大宗商品交易平台"), Some("6.1"));
    // The inferred row: 6591* 呼叫中心 in industry 4, products not published.
    let r = digicat::row("4.7").expect("row 4.7");
    assert_eq!(
        (r.name(), r.printed_code(), r.industry().id()),
        ("呼叫中心", "6591*", 4)
    );
    assert!(r.is_inferred() && r.products().is_empty());
    assert!(r
        .note()
        .is_some_and(|n| n.contains("未公布") && n.contains("1.3.4")));
    // Explanations are notes, not part of the matched name.
    let p = digicat::find_product("大数据资源服务").expect("product");
    assert!(p.note().is_some_and(|n| n.contains("数据探矿")));
}

#[test]
fn gbt_code_lists() {
    let count = |level: Level| {
        (0..=9999u16)
            .flat_map(|v| [2u8, 3, 4].map(|d| (v, d)))
            .filter(|(v, d)| u32::from(*v) < 10u32.pow(u32::from(*d)))
            .filter_map(|(v, d)| {
                format!("{v:0width$}", width = usize::from(d))
                    .parse::<Code>()
                    .ok()
            })
            .collect::<BTreeSet<_>>()
            .into_iter()
            .filter(|c| c.gbt2017().is_some_and(|e| e.level() == level))
            .count()
    };
    assert_eq!(count(Level::Division), 97);
    assert_eq!(count(Level::Group), 473);
    assert_eq!(count(Level::Class), 1381);
    let c: Code = "6513".parse().unwrap();
    let e = c.gbt2017().unwrap();
    assert_eq!(
        (e.name(), e.parent(), e.section()),
        ("应用软件开发", "651", 'I')
    );
    assert!("6510".parse::<Code>().unwrap().gbt2017().is_none());
    assert_eq!(
        "6510".parse::<Code>().unwrap().gbt2011().map(|e| e.name()),
        Some("软件开发")
    );
    assert_eq!(
        Code::from_class_name("三维(3D)打印技术推广服务").map(|c| c.to_string()),
        Some("7517".into())
    );
    assert_eq!(
        Code::from_class_name("三维（3D）打印技术推广服务").map(|c| c.to_string()),
        Some("7517".into())
    );
}

#[test]
fn scope_phrases_cover_the_source_list() {
    let phrases = digicat::scope_phrases();
    let from_source = phrases.iter().filter(|p| p.entry_code().is_some()).count();
    assert_eq!(
        from_source, 146,
        "every source phrase is a recorded decision"
    );
    for p in phrases {
        assert!(!p.justification().is_empty(), "{}", p.phrase());
        assert_eq!(
            p.relation().is_none(),
            p.rows().next().is_none(),
            "{}",
            p.phrase()
        );
    }
    let find = |s: &str| phrases.iter().find(|p| p.phrase() == s).expect(s);
    assert_eq!(
        find("人工智能应用软件开发")
            .rows()
            .map(|r| r.id())
            .collect::<Vec<_>>(),
        ["3.2"]
    );
    assert_eq!(
        find("人工智能基础软件开发")
            .rows()
            .map(|r| r.id())
            .collect::<Vec<_>>(),
        ["3.1"]
    );
    assert_eq!(
        find("网络与信息安全软件开发")
            .rows()
            .map(|r| r.id())
            .collect::<Vec<_>>(),
        ["2.1"]
    );
    assert_eq!(
        find("软件开发").relation(),
        Some(digicat::Relation::Broader)
    );
    assert!(find("人工智能行业应用系统集成服务")
        .note()
        .starts_with("fixed"));
    for added in ["工业互联网数据服务", "5G通信技术服务", "云计算装备技术服务"]
    {
        assert!(find(added).entry_code().is_none() && find(added).note().starts_with("added"));
    }
}

#[test]
fn successors() {
    let s = |c: &str| -> Vec<String> {
        digicat::successors_2011(c.parse().unwrap())
            .iter()
            .map(|c| c.to_string())
            .collect()
    };
    assert_eq!(s("6510"), ["6511", "6512", "6513", "6519"]);
    assert_eq!(s("6520"), ["6531"]);
    assert_eq!(s("6550"), ["6520"]);
    assert_eq!(s("0111"), ["0111"], "unchanged code and name");
    assert!(s("6490").is_empty(), "medium/low rows are not embedded");
}

#[test]
fn automaton_builds() {
    digicat::warm_up();
    assert!(!digicat::find_terms("计算机视听觉软件", digicat::Policy::Strict).is_empty());
}

#[test]
fn parent_entries_chain_to_the_section() {
    let class = "6513".parse::<Code>().unwrap().gbt2017().unwrap();
    let group = class.parent_entry().unwrap();
    let division = group.parent_entry().unwrap();
    let section = division.parent_entry().unwrap();
    assert_eq!(
        [group.code(), division.code(), section.code()],
        ["651", "65", "I"]
    );
    assert_eq!(section.name(), "信息传输、软件和信息技术服务业");
    assert!(section.parent_entry().is_none());
    let old = "7910".parse::<Code>().unwrap().gbt2011().unwrap();
    assert_eq!(old.edition(), digicat::Edition::Gbt2011);
    assert_eq!(
        old.parent_entry()
            .and_then(|g| g.parent_entry())
            .map(|d| d.section()),
        Some('O')
    );
}

#[test]
fn every_key_is_found_by_exact_lookup() {
    // Class names: every GB/T 4754-2017 小类 name resolves to its code.
    for value in 0..=9999u16 {
        let code: Code = format!("{value:04}").parse().unwrap();
        if let Some(entry) = code.gbt2017().filter(|e| e.level() == Level::Class) {
            assert_eq!(
                Code::from_class_name(entry.name()),
                Some(code),
                "{}",
                entry.name()
            );
        }
    }
    // Scope phrases that map to rows are matchable terms.
    for p in digicat::scope_phrases()
        .iter()
        .filter(|p| p.relation().is_some())
    {
        assert!(
            digicat::lookup_terms(p.phrase())
                .iter()
                .any(|t| t.scope_phrase().map(|s| s.phrase()) == Some(p.phrase())
                    || t.kind() != EvidenceKind::ScopePhrase),
            "{}",
            p.phrase()
        );
    }
}
