//! Helpers: rosters from comma-separated text.
#![allow(dead_code)]

use digicat_assess::evaluate::{read_attribute, AttrValue};
use digicat_assess::report::Report;
use digicat_assess::{Attributes, CriteriaSet, GroupResult, Outcome, Roster, RosterOptions};

/// Splits `text` (first line the header) into header and numbered records.
pub fn table(text: &str) -> (Vec<String>, Vec<(u64, Vec<String>)>) {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header = lines
        .next()
        .unwrap()
        .split(',')
        .map(|s| s.trim().to_owned())
        .collect();
    let rows = lines
        .enumerate()
        .map(|(i, l)| {
            (
                i as u64 + 2,
                l.split(',').map(|s| s.trim().to_owned()).collect(),
            )
        })
        .collect();
    (header, rows)
}

/// Reads a roster from text.
pub fn roster(text: &str) -> Roster {
    let (h, r) = table(text);
    Roster::read(&h, &r, &RosterOptions::default()).unwrap()
}

/// Attributes for every park from `name=value` pairs.
pub fn attrs(pairs: &[(&str, &str)]) -> Attributes {
    let mut a = Attributes::default();
    for (k, v) in pairs {
        let value: AttrValue = read_attribute(k, v).unwrap();
        a.values.insert((None, (*k).to_owned()), value);
    }
    a
}

/// Evaluates shipped sets.
pub fn run(roster: &Roster, sets: &[&str], attributes: &Attributes) -> Vec<GroupResult> {
    let sets: Vec<CriteriaSet> = sets
        .iter()
        .map(|s| CriteriaSet::shipped(s).unwrap())
        .collect();
    Report::build(roster, &sets, attributes, &Default::default()).groups
}

/// The outcome of criterion `id` in group `group`.
pub fn outcome<'a>(groups: &'a [GroupResult], group: &str, id: &str) -> &'a Outcome {
    groups
        .iter()
        .find(|g| g.group == group)
        .unwrap_or_else(|| panic!("no group {group}"))
        .results
        .iter()
        .find(|o| o.id == id || format!("{}.{}", o.set, o.id) == id)
        .unwrap_or_else(|| panic!("no criterion {id}"))
}

/// `n` rows `name,code,scope,park,rev…` of in_scope enterprises (code 6520, whole class).
pub fn firms(prefix: &str, n: usize, park: &str, code: &str, scope: &str, tail: &str) -> String {
    (0..n)
        .map(|i| format!("{prefix}{i},{code},{scope},{park},{tail}\n"))
        .collect()
}
