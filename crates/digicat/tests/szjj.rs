//! The embedded 《数字经济及其核心产业统计分类（2021）》: counts, the classes without a code, and 05
//! never being a result.

use digicat::szjj::{self, Decision};
use digicat::{Options, Status};

#[test]
fn counts_are_the_published_ones() {
    assert_eq!(szjj::divisions().len(), 5);
    assert_eq!(szjj::groups().len(), 32);
    assert_eq!(szjj::classes().len(), 156);
    let core: Vec<_> = szjj::classes()
        .iter()
        .filter(|c| c.is_classifiable())
        .collect();
    let mut codes: Vec<u16> = core
        .iter()
        .flat_map(|c| c.gbt())
        .filter_map(|g| g.code().class_number())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 126);
    let codeless: Vec<&str> = core
        .iter()
        .filter(|c| c.gbt().is_empty())
        .map(|c| c.code())
        .collect();
    assert_eq!(codeless, ["020500", "030502", "040504"]);
    assert_eq!(
        szjj::divisions()
            .iter()
            .map(|d| d.is_classifiable())
            .collect::<Vec<_>>(),
        [true, true, true, true, false]
    );
}

#[test]
fn every_decisive_term_places_a_starred_code_in_its_class_and_05_is_never_a_result() {
    let options = Options::default();
    for t in szjj::term_entries() {
        if t.decision() == Decision::Rejected {
            continue;
        }
        for g in t.class().gbt() {
            let c = szjj::classify(Some(&g.code().to_string()), Some(t.term()), &options).unwrap();
            assert_eq!(c.status, Status::InScope, "{} + {}", g.printed(), t.term());
            assert!(
                c.classes.contains(&t.class()),
                "{} + {}",
                g.printed(),
                t.term()
            );
        }
    }
    for class in szjj::classes().iter().filter(|c| !c.is_classifiable()) {
        for g in class.gbt() {
            let c = szjj::classify(Some(&g.code().to_string()), Some(class.note()), &options);
            if let Ok(c) = c {
                assert!(
                    c.classes.iter().all(|c| c.is_classifiable()),
                    "{}",
                    g.printed()
                );
            }
        }
    }
}
