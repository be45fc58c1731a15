//! 《数字经济及其核心产业统计分类（2021）》 (`data/catalogues/szjj-2021/`): loading, the build-time
//! checks against its published counts and GB/T 4754-2017, and its tables (`$OUT_DIR/szjj_tables.rs`).

use crate::data::{GbtEntry, Level};
use crate::normalize::{name_key, normalize};
use crate::tsv::{self, DataError, Record};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write;
use std::path::Path;

/// `meta.tsv`.
pub struct Meta {
    id: String,
    title: String,
    document: String,
    issuer: String,
    date: String,
    edition: String,
}

/// A GB/T 4754-2017 reference of a 小类: the code as printed without `*` and whether it is starred.
struct GbtRef {
    code: String,
    /// The official GB/T 4754-2017 name.
    name: String,
    partial: bool,
}

struct Division {
    code: String,
    name: String,
}

struct Group {
    code: String,
    name: String,
    division: usize,
}

struct Class {
    code: String,
    name: String,
    group: usize,
    gbt: Vec<GbtRef>,
    note: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Decision {
    Listed,
    Derived,
    Rejected,
}

struct Term {
    term: String,
    class: usize,
    source: String,
    decision: Decision,
    judgment: String,
}

/// The catalogue, validated.
pub struct Szjj {
    meta: Meta,
    version: String,
    divisions: Vec<Division>,
    groups: Vec<Group>,
    classes: Vec<Class>,
    terms: Vec<Term>,
}

/// `true` for a 大类 of 数字经济核心产业 (01–04); 05 数字化效率提升业 is never classified into.
fn is_core(code: &str) -> bool {
    !code.starts_with("05")
}

fn error(path: &Path, message: String) -> DataError {
    DataError {
        file: path.to_owned(),
        line: 0,
        message,
    }
}

impl Szjj {
    pub fn load(dir: &Path, gbt2017: &[GbtEntry]) -> Result<Szjj, DataError> {
        let (meta, counts) = load_meta(&dir.join("meta.tsv"))?;
        let path = dir.join("classification.tsv");
        let records = tsv::read(
            &path,
            &["level", "code", "name", "gbt_codes", "gbt_names", "note"],
        )?;
        let mut divisions: Vec<Division> = Vec::new();
        let mut groups: Vec<Group> = Vec::new();
        let mut classes: Vec<Class> = Vec::new();
        let entries: HashMap<&str, &GbtEntry> =
            gbt2017.iter().map(|e| (e.code.as_str(), e)).collect();
        for r in &records {
            let f = &r.fields;
            let digits_ok = |n: usize| f[1].len() == n && f[1].bytes().all(|c| c.is_ascii_digit());
            match f[0].as_str() {
                "大类" => {
                    if !digits_ok(2) || !f[3..].iter().all(String::is_empty) {
                        return Err(r.error("a 大类 has a 2-digit code and no GB/T codes or note"));
                    }
                    divisions.push(Division {
                        code: f[1].clone(),
                        name: f[2].clone(),
                    });
                }
                "中类" => {
                    let parent = divisions.len().checked_sub(1);
                    if !digits_ok(4)
                        || !f[3..].iter().all(String::is_empty)
                        || parent.map_or(true, |d| !f[1].starts_with(&divisions[d].code))
                    {
                        return Err(r.error(
                            "a 中类 has a 4-digit code starting with the 大类 above it, no GB/T codes or note",
                        ));
                    }
                    groups.push(Group {
                        code: f[1].clone(),
                        name: f[2].clone(),
                        division: parent.unwrap_or(0),
                    });
                }
                "小类" => {
                    let parent = groups.len().checked_sub(1);
                    if !digits_ok(6)
                        || parent.map_or(true, |g| !f[1].starts_with(&groups[g].code))
                        || f[2].is_empty()
                        || f[5].is_empty()
                    {
                        return Err(r.error(
                            "a 小类 has a 6-digit code starting with the 中类 above it, a name and a note",
                        ));
                    }
                    let gbt = gbt_refs(r, &entries, is_core(&f[1]))?;
                    classes.push(Class {
                        code: f[1].clone(),
                        name: f[2].clone(),
                        group: parent.unwrap_or(0),
                        gbt,
                        note: f[5].clone(),
                    });
                }
                other => return Err(r.error(format!("unknown level {other:?}"))),
            }
        }
        let mut seen = HashSet::new();
        let all_codes = divisions
            .iter()
            .map(|d| &d.code)
            .chain(groups.iter().map(|g| &g.code))
            .chain(classes.iter().map(|c| &c.code));
        for code in all_codes {
            if !seen.insert(code.clone()) {
                return Err(error(&path, format!("duplicate code {code}")));
            }
        }
        check_counts(&path, &counts, &divisions, &groups, &classes)?;
        let terms = load_terms(&dir.join("terms.tsv"), &classes)?;
        let version = format!("{}+{:08x}", meta.date, fingerprint(dir)?);
        Ok(Szjj {
            meta,
            version,
            divisions,
            groups,
            classes,
            terms,
        })
    }
}

/// The `gbt_codes` of a 小类 with their `gbt_names`: each code must exist in GB/T 4754-2017 with that
/// name; under 01–04 each is a 4-digit 小类; under 05 each is starred (05 takes only the digital
/// part of every class it names).
fn gbt_refs(
    r: &Record,
    entries: &HashMap<&str, &GbtEntry>,
    core: bool,
) -> Result<Vec<GbtRef>, DataError> {
    let f = &r.fields;
    if f[3].is_empty() {
        return if f[4].is_empty() {
            Ok(Vec::new())
        } else {
            Err(r.error("gbt_names without gbt_codes"))
        };
    }
    let codes: Vec<&str> = f[3].split(';').collect();
    let names: Vec<&str> = f[4].split(';').collect();
    if codes.len() != names.len() {
        return Err(r.error(format!(
            "{} GB/T codes but {} names",
            codes.len(),
            names.len()
        )));
    }
    let mut out: Vec<GbtRef> = Vec::new();
    for (printed, name) in codes.iter().zip(&names) {
        let (code, partial) = match printed.strip_suffix('*') {
            Some(c) => (c, true),
            None => (*printed, false),
        };
        let entry = entries
            .get(code)
            .ok_or_else(|| r.error(format!("GB/T code {printed:?} is not in GB/T 4754-2017")))?;
        if name_key(&entry.name) != name_key(name) {
            return Err(r.error(format!(
                "GB/T {code} is {:?} in GB/T 4754-2017, not {name:?}",
                entry.name
            )));
        }
        if core && !matches!(entry.level, Level::Class) {
            return Err(r.error(format!("{printed}: under 01–04 every GB/T code is a 小类")));
        }
        if !core && !partial {
            return Err(r.error(format!(
                "{printed}: under 05 every GB/T reference is starred (only its digital part)"
            )));
        }
        if out.iter().any(|g| g.code == code) {
            return Err(r.error(format!("duplicate GB/T code {code}")));
        }
        out.push(GbtRef {
            code: code.to_owned(),
            name: entry.name.clone(),
            partial,
        });
    }
    Ok(out)
}

fn load_meta(path: &Path) -> Result<(Meta, HashMap<String, usize>), DataError> {
    let mut map = HashMap::new();
    for r in tsv::read(path, &["key", "value"])? {
        if map
            .insert(r.fields[0].clone(), r.fields[1].clone())
            .is_some()
        {
            return Err(r.error(format!("duplicate key {}", r.fields[0])));
        }
    }
    let text_keys = ["id", "title", "document", "issuer", "date", "edition"];
    let count_keys = [
        "divisions",
        "groups",
        "classes",
        "core_gbt_divisions",
        "core_gbt_groups",
        "core_gbt_classes",
    ];
    if let Some(k) = map
        .keys()
        .find(|k| !text_keys.contains(&k.as_str()) && !count_keys.contains(&k.as_str()))
    {
        return Err(error(path, format!("unknown key {k:?}")));
    }
    let mut get = |k: &str| {
        map.remove(k)
            .ok_or_else(|| error(path, format!("missing key {k}")))
    };
    let mut counts = HashMap::new();
    for k in count_keys {
        let v = get(k)?;
        let n = v
            .parse::<usize>()
            .map_err(|_| error(path, format!("{k} {v:?} is not a count")))?;
        counts.insert(k.to_owned(), n);
    }
    let meta = Meta {
        id: get("id")?,
        title: get("title")?,
        document: get("document")?,
        issuer: get("issuer")?,
        date: get("date")?,
        edition: get("edition")?,
    };
    Ok((meta, counts))
}

/// The classification's own counts (5/32/156) and the distinct GB/T 4754-2017 大类/中类/小类 its
/// core (01–04) references (26/68/126), against `meta.tsv`.
fn check_counts(
    path: &Path,
    counts: &HashMap<String, usize>,
    divisions: &[Division],
    groups: &[Group],
    classes: &[Class],
) -> Result<(), DataError> {
    let core_classes: BTreeSet<&str> = classes
        .iter()
        .filter(|c| is_core(&c.code))
        .flat_map(|c| c.gbt.iter().map(|g| g.code.as_str()))
        .collect();
    let core_groups: BTreeSet<&str> = core_classes.iter().map(|c| &c[..3]).collect();
    let core_divisions: BTreeSet<&str> = core_classes.iter().map(|c| &c[..2]).collect();
    let found = [
        ("divisions", divisions.len()),
        ("groups", groups.len()),
        ("classes", classes.len()),
        ("core_gbt_divisions", core_divisions.len()),
        ("core_gbt_groups", core_groups.len()),
        ("core_gbt_classes", core_classes.len()),
    ];
    for (k, n) in found {
        if counts.get(k) != Some(&n) {
            return Err(error(
                path,
                format!(
                    "{k}: the data give {n}, meta.tsv publishes {:?}",
                    counts.get(k)
                ),
            ));
        }
    }
    // One GB/T class is either whole in every core 小类 that names it or starred in every one, so
    // `whole_class` has one meaning.
    let mut starred: BTreeMap<&str, BTreeSet<bool>> = BTreeMap::new();
    for c in classes.iter().filter(|c| is_core(&c.code)) {
        for g in &c.gbt {
            starred.entry(&g.code).or_default().insert(g.partial);
        }
    }
    if let Some((code, _)) = starred.iter().find(|(_, s)| s.len() > 1) {
        return Err(error(
            path,
            format!("GB/T {code} is whole in one core 小类 and starred in another"),
        ));
    }
    Ok(())
}

/// `terms.tsv`: each term's 小类 is a core 小类 with a starred code or none; its source is a verbatim
/// piece of that 小类's 说明; a `listed` term is printed in its source; every line is justified.
fn load_terms(path: &Path, classes: &[Class]) -> Result<Vec<Term>, DataError> {
    let mut out: Vec<Term> = Vec::new();
    for r in tsv::read(path, &["term", "class", "source", "decision", "judgment"])? {
        let f = &r.fields;
        let class = classes
            .iter()
            .position(|c| c.code == f[1])
            .ok_or_else(|| r.error(format!("unknown 小类 {:?}", f[1])))?;
        let c = &classes[class];
        if !is_core(&c.code) {
            return Err(r.error("05 is never classified into: it has no terms"));
        }
        if !c.gbt.is_empty() && c.gbt.iter().all(|g| !g.partial) {
            return Err(r.error(format!(
                "{} has only whole GB/T classes: a term would decide nothing",
                c.code
            )));
        }
        if !c.note.contains(f[2].as_str()) {
            return Err(r.error(format!(
                "source {:?} is not in the 说明 of {}",
                f[2], c.code
            )));
        }
        let decision = match f[3].as_str() {
            "listed" => Decision::Listed,
            "derived" => Decision::Derived,
            "rejected" => Decision::Rejected,
            other => {
                return Err(r.error(format!(
                    "decision must be listed, derived or rejected, not {other:?}"
                )))
            }
        };
        if decision == Decision::Listed && !normalize(&f[2]).contains(&normalize(&f[0])) {
            return Err(r.error(format!(
                "listed term {:?} is not printed in its source; mark it derived",
                f[0]
            )));
        }
        if f[0].is_empty() || f[4].is_empty() {
            return Err(r.error("every line needs the term and a judgment"));
        }
        let key = normalize(&f[0]);
        if out
            .iter()
            .any(|t| t.class == class && normalize(&t.term) == key)
        {
            return Err(r.error(format!("duplicate term {:?} for {}", f[0], f[1])));
        }
        out.push(Term {
            term: f[0].clone(),
            class,
            source: f[2].clone(),
            decision,
            judgment: f[4].clone(),
        });
    }
    Ok(out)
}

/// FNV-1a over the catalogue's files, so its version changes whenever they do.
fn fingerprint(dir: &Path) -> Result<u32, DataError> {
    let mut h: u32 = 0x811c_9dc5;
    for name in ["meta.tsv", "classification.tsv", "terms.tsv"] {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).map_err(|e| error(&path, e.to_string()))?;
        for b in bytes {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    Ok(h)
}

fn s(v: &str) -> String {
    format!("{v:?}")
}

/// The `Code` of a GB/T reference: a section letter or a 2-, 3- or 4-digit number.
fn code_expr(code: &str) -> String {
    match code.parse::<u16>() {
        Ok(v) => format!("Code::from_parts({}, {v})", code.len()),
        Err(_) => format!("Code::from_parts(0, {})", code.as_bytes()[0]),
    }
}

/// A pattern's binding: kind (0 a 说明 term, 1 a class name), 小类 index, index into the emitted
/// term entries (for a 说明 term), the text as written.
type Bound = (u8, usize, Option<usize>, String);

/// The tables: the classification, its reviewed terms, the matchable patterns and GB/T class → core
/// 小类.
pub fn tables(d: &Szjj) -> String {
    let mut o = String::new();
    let w = &mut o;
    writeln!(
        w,
        "// @generated by crates/digicat/build/szjj.rs from data/catalogues/szjj-2021/ — do not edit."
    )
    .ok();
    let m = &d.meta;
    writeln!(
        w,
        "pub(crate) static META: Meta = Meta {{ id: {}, title: {}, document: {}, issuer: {}, date: {}, edition: {}, version: {} }};",
        s(&m.id), s(&m.title), s(&m.document), s(&m.issuer), s(&m.date), s(&m.edition), s(&d.version)
    )
    .ok();
    let range = |len: usize, pred: &dyn Fn(usize) -> bool| {
        let idx: Vec<usize> = (0..len).filter(|i| pred(*i)).collect();
        (
            idx.first().copied().unwrap_or(0),
            idx.last().map_or(0, |l| l + 1),
        )
    };
    writeln!(
        w,
        "pub(crate) static DIVISIONS: [Division; {}] = [",
        d.divisions.len()
    )
    .ok();
    for (i, div) in d.divisions.iter().enumerate() {
        let (a, b) = range(d.groups.len(), &|g| d.groups[g].division == i);
        writeln!(
            w,
            "    Division {{ index: {i}, code: {}, name: {}, core: {}, groups: {a}..{b} }},",
            s(&div.code),
            s(&div.name),
            is_core(&div.code)
        )
        .ok();
    }
    writeln!(w, "];").ok();
    writeln!(
        w,
        "pub(crate) static GROUPS: [Group; {}] = [",
        d.groups.len()
    )
    .ok();
    for (i, g) in d.groups.iter().enumerate() {
        let (a, b) = range(d.classes.len(), &|c| d.classes[c].group == i);
        writeln!(
            w,
            "    Group {{ index: {i}, code: {}, name: {}, division: {}, classes: {a}..{b} }},",
            s(&g.code),
            s(&g.name),
            g.division
        )
        .ok();
    }
    writeln!(w, "];").ok();
    // Terms are emitted grouped by 小类 (file order within), so each class's are one range.
    let mut order: Vec<usize> = (0..d.terms.len()).collect();
    order.sort_by_key(|t| d.terms[*t].class);
    writeln!(
        w,
        "pub(crate) static CLASSES: [Class; {}] = [",
        d.classes.len()
    )
    .ok();
    for (i, c) in d.classes.iter().enumerate() {
        let refs: Vec<String> = c
            .gbt
            .iter()
            .map(|g| {
                format!(
                    "GbtRef {{ code: {}, printed: {}, partial: {} }}",
                    code_expr(&g.code),
                    s(&format!("{}{}", g.code, if g.partial { "*" } else { "" })),
                    g.partial
                )
            })
            .collect();
        let (a, b) = range(order.len(), &|p| d.terms[order[p]].class == i);
        writeln!(
            w,
            "    Class {{ index: {i}, code: {}, name: {}, group: {}, gbt: &[{}], note: {}, terms: {a}..{b} }},",
            s(&c.code),
            s(&c.name),
            c.group,
            refs.join(", "),
            s(&c.note)
        )
        .ok();
    }
    writeln!(w, "];").ok();
    let position: HashMap<usize, usize> = order.iter().enumerate().map(|(p, t)| (*t, p)).collect();
    writeln!(
        w,
        "pub(crate) static TERM_ENTRIES: [TermEntry; {}] = [",
        d.terms.len()
    )
    .ok();
    for t in order.iter().map(|t| &d.terms[*t]) {
        let decision = match t.decision {
            Decision::Listed => "Listed",
            Decision::Derived => "Derived",
            Decision::Rejected => "Rejected",
        };
        writeln!(
            w,
            "    TermEntry {{ term: {}, class: {}, source: {}, decision: Decision::{decision}, judgment: {} }},",
            s(&t.term), t.class, s(&t.source), s(&t.judgment)
        )
        .ok();
    }
    writeln!(w, "];").ok();

    // Matchable patterns: decisive terms (kind product) and the GB/T names of whole core classes
    // (kind class_name), each bound to its 小类.
    let mut by_pattern: BTreeMap<String, Vec<Bound>> = BTreeMap::new();
    for (i, t) in d.terms.iter().enumerate() {
        if t.decision != Decision::Rejected {
            by_pattern.entry(normalize(&t.term)).or_default().push((
                0,
                t.class,
                Some(position[&i]),
                t.term.clone(),
            ));
        }
    }
    let mut code_classes: BTreeMap<u16, Vec<usize>> = BTreeMap::new();
    for (i, c) in d
        .classes
        .iter()
        .enumerate()
        .filter(|(_, c)| is_core(&c.code))
    {
        for g in &c.gbt {
            code_classes
                .entry(g.code.parse().unwrap_or(0))
                .or_default()
                .push(i);
        }
    }
    let mut map = phf_codegen::Map::new();
    for (code, list) in &code_classes {
        let l: Vec<String> = list.iter().map(usize::to_string).collect();
        map.entry(*code, &format!("&[{}]", l.join(", ")));
    }
    writeln!(
        w,
        "pub(crate) static CODE_CLASSES: phf::Map<u16, &[u8]> = {};",
        map.build()
    )
    .ok();
    o.push_str(&patterns(d, by_pattern));
    o
}

/// Adds the class-name patterns and writes their automaton `SCANNER` (a pattern's index is its
/// position in `PATTERN_TERMS`) and `PATTERN_TERMS`.
fn patterns(d: &Szjj, mut by_pattern: BTreeMap<String, Vec<Bound>>) -> String {
    let names = class_names(d);
    for (name, classes) in names {
        for c in classes {
            by_pattern
                .entry(normalize(&name))
                .or_default()
                .push((1, c, None, name.clone()));
        }
    }
    let mut o = String::new();
    let w = &mut o;
    let keys: Vec<&str> = by_pattern.keys().map(String::as_str).collect();
    crate::emit::scanner(w, "SCANNER", &keys);
    writeln!(
        w,
        "pub(crate) static PATTERN_TERMS: [&[Term]; {}] = [",
        by_pattern.len()
    )
    .ok();
    for mut list in by_pattern.into_values() {
        list.sort_by_key(|(kind, class, ..)| (*class, *kind));
        list.dedup_by_key(|(_, class, ..)| *class);
        list.sort_by_key(|(kind, class, ..)| (*kind, *class));
        let items: Vec<String> = list
            .iter()
            .map(|(kind, class, entry, text)| {
                let kind = if *kind == 0 { "Product" } else { "ClassName" };
                let entry = entry.map_or_else(|| "None".into(), |e| format!("Some({e})"));
                format!(
                    "Term {{ text: {}, kind: EvidenceKind::{kind}, class: {class}, entry: {entry} }}",
                    s(text)
                )
            })
            .collect();
        writeln!(w, "    &[{}],", items.join(", ")).ok();
    }
    writeln!(w, "];").ok();
    o
}

/// GB/T name of each whole core class → the core 小类 that take it whole.
fn class_names(d: &Szjj) -> BTreeMap<String, Vec<usize>> {
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in d
        .classes
        .iter()
        .enumerate()
        .filter(|(_, c)| is_core(&c.code))
    {
        for g in c.gbt.iter().filter(|g| !g.partial) {
            out.entry(g.name.clone()).or_default().push(i);
        }
    }
    out
}
