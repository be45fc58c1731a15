//! Loading and validating everything in `data/`.

use crate::normalize::{name_key, normalize};
use crate::tsv::{self, DataError, Record};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// `catalogues/dongguan-2019/meta.tsv`.
pub struct Meta {
    pub title: String,
    pub document: String,
    pub issuer: String,
    pub date: String,
    pub status: String,
    pub edition: String,
    /// The notice's own counts of the codes the table involves: 大类, 中类, 小类.
    pub notice_counts: [usize; 3],
}

/// A line of `catalogue/categories.tsv`.
pub struct Category {
    pub id: u8,
    pub name: String,
}

/// A line of `catalogue/industries.tsv`.
pub struct Industry {
    pub id: u8,
    pub category: u8,
    pub name: String,
}

/// A line of `catalogue/rows.tsv`; `partial` is the printed `*`; `inferred` is `source =
/// inferred` (the row is not printed in the table; its products are not published), `note` why.
pub struct Row {
    pub id: String,
    pub industry: u8,
    pub name: String,
    pub code: u16,
    pub partial: bool,
    pub inferred: bool,
    pub note: Option<String>,
}

/// A line of `catalogue/products.tsv`; `row` indexes `Data::rows`.
pub struct Product {
    pub row: usize,
    pub name: String,
    pub note: Option<String>,
}

/// A line of `catalogue/aliases.tsv`; `product` indexes `Data::products`.
pub struct Alias {
    pub alias: String,
    pub product: usize,
    pub why: String,
}

/// The `kind` column of `vocabulary/scope_phrases.tsv`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PhraseKind {
    Equivalent,
    Broader,
    None,
}

/// A line of `vocabulary/scope_phrases.tsv`; `rows` index `Data::rows`.
pub struct Phrase {
    pub entry_code: Option<String>,
    pub phrase: String,
    pub source_codes: String,
    pub rows: Vec<usize>,
    pub kind: PhraseKind,
    pub justification: String,
    pub note: String,
}

/// A line of `vocabulary/variants.tsv`: an older wording matched as the existing term `target`.
pub struct Variant {
    pub variant: String,
    pub target: String,
    pub justification: String,
}

/// The `level` column of the GB/T 4754 lists.
#[derive(Clone, Copy)]
pub enum Level {
    Section,
    Division,
    Group,
    Class,
}

/// A line of a GB/T 4754 list.
pub struct GbtEntry {
    pub level: Level,
    pub code: String,
    pub name: String,
    pub parent: String,
}

/// Everything in `data/`, validated.
pub struct Data {
    pub version: String,
    pub meta: Meta,
    pub categories: Vec<Category>,
    pub industries: Vec<Industry>,
    pub rows: Vec<Row>,
    pub products: Vec<Product>,
    pub aliases: Vec<Alias>,
    pub phrases: Vec<Phrase>,
    pub variants: Vec<Variant>,
    pub gbt2017: Vec<GbtEntry>,
    pub gbt2011: Vec<GbtEntry>,
    /// 2011 class → 2017 successor classes.
    pub successors: BTreeMap<String, Vec<String>>,
}

fn field_u8(r: &Record, i: usize, what: &str) -> Result<u8, DataError> {
    r.fields[i]
        .parse()
        .map_err(|_| r.error(format!("{what} {:?} is not a small number", r.fields[i])))
}

impl Data {
    pub fn load(dir: &Path) -> Result<Data, DataError> {
        let cat = dir.join("catalogues/dongguan-2019");
        let gbt2017 = load_gbt(&dir.join("gbt4754/gbt4754_2017.csv"))?;
        let gbt2011 = load_gbt(&dir.join("gbt4754/gbt4754_2011.csv"))?;
        check_names(&dir.join("gbt4754/gbt4754_2017.csv"), &gbt2017)?;
        check_names(&dir.join("gbt4754/gbt4754_2011.csv"), &gbt2011)?;
        let meta = load_meta(&cat.join("meta.tsv"))?;

        let mut categories = Vec::new();
        for r in tsv::read(&cat.join("categories.tsv"), &["id", "name"])? {
            let id = field_u8(&r, 0, "category id")?;
            if usize::from(id) != categories.len() + 1 {
                return Err(r.error("category ids must be 1, 2, … in order"));
            }
            categories.push(Category {
                id,
                name: r.fields[1].clone(),
            });
        }

        let mut industries = Vec::new();
        for r in tsv::read(&cat.join("industries.tsv"), &["id", "category", "name"])? {
            let id = field_u8(&r, 0, "industry id")?;
            if usize::from(id) != industries.len() + 1 {
                return Err(r.error("industry ids must be 1, 2, … in order"));
            }
            let category = field_u8(&r, 1, "category")?;
            if !categories.iter().any(|c| c.id == category) {
                return Err(r.error(format!("unknown category {category}")));
            }
            industries.push(Industry {
                id,
                category,
                name: r.fields[2].clone(),
            });
        }

        let class_names: HashMap<&str, &str> = gbt2017
            .iter()
            .filter(|e| matches!(e.level, Level::Class))
            .map(|e| (e.code.as_str(), e.name.as_str()))
            .collect();
        let mut rows: Vec<Row> = Vec::new();
        for r in tsv::read(
            &cat.join("rows.tsv"),
            &["id", "name", "code", "partial", "source", "note"],
        )? {
            let f = &r.fields;
            let (ind, _) = f[0]
                .split_once('.')
                .filter(|(a, b)| {
                    !a.is_empty() && !b.is_empty() && b.bytes().all(|c| c.is_ascii_digit())
                })
                .ok_or_else(|| r.error(format!("row id {:?} is not INDUSTRY.N", f[0])))?;
            let industry: u8 = ind
                .parse()
                .ok()
                .filter(|i| industries.iter().any(|x| x.id == *i))
                .ok_or_else(|| r.error(format!("row {:?}: no industry {ind}", f[0])))?;
            if rows.iter().any(|x| x.id == f[0]) {
                return Err(r.error(format!("duplicate row id {}", f[0])));
            }
            if rows.last().is_some_and(|x| x.industry > industry) {
                return Err(r.error("rows must be in industry order"));
            }
            let official = class_names
                .get(f[2].as_str())
                .ok_or_else(|| r.error(format!("code {:?} is not a GB/T 4754-2017 小类", f[2])))?;
            if *official != f[1] {
                return Err(r.error(format!(
                    "row name {:?} differs from the GB/T 4754-2017 name of {}: {official:?}",
                    f[1], f[2]
                )));
            }
            let partial = match f[3].as_str() {
                "yes" => true,
                "no" => false,
                other => return Err(r.error(format!("partial must be yes or no, not {other:?}"))),
            };
            let inferred = match f[4].as_str() {
                "table" => false,
                "inferred" => true,
                other => {
                    return Err(r.error(format!("source must be table or inferred, not {other:?}")))
                }
            };
            if inferred && !partial {
                return Err(r.error(
                    "an inferred row must be starred (partial = yes): its products are what is not published",
                ));
            }
            if inferred == f[5].is_empty() {
                return Err(
                    r.error("an inferred row needs a note saying why; a table row has none")
                );
            }
            let code: u16 = f[2].parse().map_err(|_| r.error("bad code"))?;
            if let Some(other) = rows.iter().find(|x| x.code == code && x.partial != partial) {
                return Err(r.error(format!(
                    "code {code} is starred in one row and not in row {}",
                    other.id
                )));
            }
            rows.push(Row {
                id: f[0].clone(),
                industry,
                name: f[1].clone(),
                code,
                partial,
                inferred,
                note: Some(f[5].clone()).filter(|n| !n.is_empty()),
            });
        }
        check_notice_counts(&cat.join("meta.tsv"), &meta, &rows)?;
        if rows.len() > 64 {
            return Err(DataError {
                file: cat.join("rows.tsv"),
                line: 0,
                message: "more than 64 rows: widen the row sets in src/classify.rs".into(),
            });
        }
        let row_index = |r: &Record, id: &str| {
            rows.iter()
                .position(|x| x.id == id)
                .ok_or_else(|| r.error(format!("unknown row {id:?}")))
        };

        let mut products = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for r in tsv::read(&cat.join("products.tsv"), &["row", "name", "note"])? {
            let row = row_index(&r, &r.fields[0])?;
            if !rows[row].partial {
                return Err(r.error(format!(
                    "row {} covers its whole 小类 (no *) and takes no products",
                    rows[row].id
                )));
            }
            if rows[row].inferred {
                return Err(r.error(format!(
                    "row {} is inferred: its products are not published, so it lists none",
                    rows[row].id
                )));
            }
            let name = r.fields[1].clone();
            if name.is_empty() {
                return Err(r.error("empty product name"));
            }
            if let Some(prev) = seen.insert(normalize(&name), products.len()) {
                let p: &Product = &products[prev];
                return Err(r.error(format!(
                    "product {name:?} repeats {:?} of row {}",
                    p.name, rows[p.row].id
                )));
            }
            let note = Some(r.fields[2].clone()).filter(|n| !n.is_empty());
            products.push(Product { row, name, note });
        }
        // Products grouped by row, in file order within a row.
        products.sort_by_key(|p| p.row);
        for (i, row) in rows.iter().enumerate() {
            if row.partial && !row.inferred && !products.iter().any(|p| p.row == i) {
                return Err(DataError {
                    file: cat.join("products.tsv"),
                    line: 0,
                    message: format!(
                        "starred row {} ({}*) has no products (a row whose products are not \
                         published is marked source = inferred in rows.tsv)",
                        row.id, row.code
                    ),
                });
            }
        }

        let mut aliases: Vec<Alias> = Vec::new();
        for r in tsv::read(
            &cat.join("aliases.tsv"),
            &["alias", "product", "row", "why"],
        )? {
            let f = &r.fields;
            let row = row_index(&r, &f[2])?;
            let product = products
                .iter()
                .position(|p| p.name == f[1] && p.row == row)
                .ok_or_else(|| r.error(format!("row {} has no product {:?}", f[2], f[1])))?;
            let key = normalize(&f[0]);
            if let Some(p) = products.iter().find(|p| normalize(&p.name) == key) {
                return Err(r.error(format!(
                    "alias {:?} is the name of product {:?} (row {}); an alias cannot name another product",
                    f[0], p.name, rows[p.row].id
                )));
            }
            if aliases
                .iter()
                .any(|a| a.product == product && normalize(&a.alias) == key)
            {
                return Err(r.error(format!("duplicate alias {:?}", f[0])));
            }
            if f[3].is_empty() {
                return Err(r.error("every alias needs a reason"));
            }
            aliases.push(Alias {
                alias: f[0].clone(),
                product,
                why: f[3].clone(),
            });
        }

        let phrases = load_phrases(&dir.join("vocabulary/scope_phrases.tsv"), &rows)?;
        let variants = load_variants(
            &dir.join("vocabulary/variants.tsv"),
            &term_texts(&rows, &products, &aliases, &phrases, &gbt2017),
        )?;
        let successors = load_successors(
            &dir.join("gbt4754/correspondence_2011_2017.csv"),
            &gbt2011,
            &gbt2017,
        )?;
        let version = format!("{}+{:08x}", meta.date, fingerprint(dir)?);
        Ok(Data {
            version,
            meta,
            categories,
            industries,
            rows,
            products,
            aliases,
            phrases,
            variants,
            gbt2017,
            gbt2011,
            successors,
        })
    }
}

fn load_meta(path: &Path) -> Result<Meta, DataError> {
    let mut map = HashMap::new();
    let records = tsv::read(path, &["key", "value"])?;
    for r in &records {
        map.insert(r.fields[0].clone(), r.fields[1].clone());
    }
    let keys = [
        "title",
        "document",
        "issuer",
        "date",
        "status",
        "edition",
        "notice_divisions",
        "notice_groups",
        "notice_classes",
    ];
    if let Some(r) = records
        .iter()
        .find(|r| !keys.contains(&r.fields[0].as_str()))
    {
        return Err(r.error(format!("unknown key {:?}; keys are {keys:?}", r.fields[0])));
    }
    let mut get = |k: &str| {
        map.remove(k).ok_or_else(|| DataError {
            file: path.to_owned(),
            line: 0,
            message: format!("missing key {k}"),
        })
    };
    let mut count = |k: &str| {
        let v = get(k)?;
        v.parse::<usize>().map_err(|_| DataError {
            file: path.to_owned(),
            line: 0,
            message: format!("{k} {v:?} is not a count"),
        })
    };
    let notice_counts = [
        count("notice_divisions")?,
        count("notice_groups")?,
        count("notice_classes")?,
    ];
    let meta = Meta {
        title: get("title")?,
        document: get("document")?,
        issuer: get("issuer")?,
        date: get("date")?,
        status: get("status")?,
        edition: get("edition")?,
        notice_counts,
    };
    let d = meta.date.as_bytes();
    let date_ok = d.len() == 10
        && d.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !date_ok {
        return Err(DataError {
            file: path.to_owned(),
            line: 0,
            message: "date must be YYYY-MM-DD".into(),
        });
    }
    Ok(meta)
}

/// The rows' distinct codes must give the notice's own counts of 大类, 中类 and 小类.
fn check_notice_counts(path: &Path, meta: &Meta, rows: &[Row]) -> Result<(), DataError> {
    let classes: std::collections::BTreeSet<u16> = rows.iter().map(|r| r.code).collect();
    let groups: std::collections::BTreeSet<u16> = classes.iter().map(|c| c / 10).collect();
    let divisions: std::collections::BTreeSet<u16> = classes.iter().map(|c| c / 100).collect();
    let counted = [divisions.len(), groups.len(), classes.len()];
    if counted != meta.notice_counts {
        return Err(DataError {
            file: path.to_owned(),
            line: 0,
            message: format!(
                "the rows give {counted:?} distinct 大类/中类/小类; the notice counts {:?} \
                 (notice_divisions/groups/classes)",
                meta.notice_counts
            ),
        });
    }
    Ok(())
}

fn load_gbt(path: &Path) -> Result<Vec<GbtEntry>, DataError> {
    let mut out: Vec<GbtEntry> = Vec::new();
    let mut codes = HashSet::new();
    for r in tsv::read_csv(path, &["level", "code", "name", "parent"])? {
        let f = &r.fields;
        let (level, digits) = match f[0].as_str() {
            "section" => (Level::Section, 0),
            "division" => (Level::Division, 2),
            "group" => (Level::Group, 3),
            "class" => (Level::Class, 4),
            other => return Err(r.error(format!("unknown level {other:?}"))),
        };
        let code_ok = if digits == 0 {
            f[1].len() == 1 && f[1].bytes().all(|c| c.is_ascii_uppercase())
        } else {
            f[1].len() == digits && f[1].bytes().all(|c| c.is_ascii_digit())
        };
        if !code_ok || f[2].is_empty() {
            return Err(r.error(format!("malformed {} code {:?} or empty name", f[0], f[1])));
        }
        let parent_ok = match level {
            Level::Section => f[3].is_empty(),
            Level::Division => codes.contains(&f[3]) && f[3].len() == 1,
            _ => {
                codes.contains(&f[3]) && f[1].starts_with(f[3].as_str()) && f[3].len() + 1 == digits
            }
        };
        if !parent_ok {
            return Err(r.error(format!(
                "parent {:?} of {} is not its enclosing code listed above",
                f[3], f[1]
            )));
        }
        if !codes.insert(f[1].clone()) {
            return Err(r.error(format!("duplicate code {}", f[1])));
        }
        out.push(GbtEntry {
            level,
            code: f[1].clone(),
            name: f[2].clone(),
            parent: f[3].clone(),
        });
    }
    Ok(out)
}

/// Names are looked up by `name_key`: entries sharing a key must be one chain (a single-class
/// group named like its class, a section named like its only division), so that a name read in the
/// code field has one finest meaning.
fn check_names(path: &Path, list: &[GbtEntry]) -> Result<(), DataError> {
    let parent: HashMap<&str, &str> = list
        .iter()
        .map(|e| (e.code.as_str(), e.parent.as_str()))
        .collect();
    let encloses = |outer: &str, inner: &str| {
        let mut c = inner;
        loop {
            if c == outer {
                return true;
            }
            match parent.get(c) {
                Some(p) if !p.is_empty() => c = p,
                _ => return false,
            }
        }
    };
    let mut first: HashMap<String, Vec<&GbtEntry>> = HashMap::new();
    for e in list {
        first.entry(name_key(&e.name)).or_default().push(e);
    }
    for (key, entries) in first {
        for a in &entries {
            for b in &entries {
                if !encloses(&a.code, &b.code) && !encloses(&b.code, &a.code) {
                    return Err(DataError {
                        file: path.to_owned(),
                        line: 0,
                        message: format!(
                            "{} and {} share the name key {key:?} but are not one chain",
                            a.code, b.code
                        ),
                    });
                }
            }
        }
    }
    Ok(())
}

fn load_phrases(path: &Path, rows: &[Row]) -> Result<Vec<Phrase>, DataError> {
    let columns = [
        "entry_code",
        "phrase",
        "source_codes",
        "rows",
        "kind",
        "justification",
        "note",
    ];
    let mut out: Vec<Phrase> = Vec::new();
    for r in tsv::read(path, &columns)? {
        let f = &r.fields;
        let kind = match f[4].as_str() {
            "equivalent" => PhraseKind::Equivalent,
            "broader" => PhraseKind::Broader,
            "none" => PhraseKind::None,
            other => {
                return Err(r.error(format!(
                    "kind must be equivalent, broader or none, not {other:?}"
                )))
            }
        };
        let row_ids: Vec<usize> = if f[3] == "none" {
            Vec::new()
        } else {
            f[3].split(',')
                .map(|id| {
                    rows.iter()
                        .position(|x| x.id == id)
                        .ok_or_else(|| r.error(format!("unknown row {id:?}")))
                })
                .collect::<Result<_, _>>()?
        };
        if row_ids.is_empty() != (kind == PhraseKind::None) {
            return Err(r.error("rows must be `none` exactly when kind is `none`"));
        }
        if f[1].is_empty() || f[5].is_empty() {
            return Err(r.error("every phrase needs the phrase and a justification"));
        }
        let key = normalize(&f[1]);
        if out.iter().any(|p| normalize(&p.phrase) == key) {
            return Err(r.error(format!("duplicate phrase {:?}", f[1])));
        }
        out.push(Phrase {
            entry_code: Some(f[0].clone()).filter(|c| c != "-"),
            phrase: f[1].clone(),
            source_codes: f[2].clone(),
            rows: row_ids,
            kind,
            justification: f[5].clone(),
            note: f[6].clone(),
        });
    }
    Ok(out)
}

/// The normalised text of every matchable term (products, aliases, phrases with rows, class names
/// of whole-class rows; the same set `emit::emit_terms` builds patterns from).
fn term_texts(
    rows: &[Row],
    products: &[Product],
    aliases: &[Alias],
    phrases: &[Phrase],
    gbt2017: &[GbtEntry],
) -> HashSet<String> {
    let mut out: HashSet<String> = products.iter().map(|p| normalize(&p.name)).collect();
    out.extend(aliases.iter().map(|a| normalize(&a.alias)));
    out.extend(
        phrases
            .iter()
            .filter(|p| p.kind != PhraseKind::None)
            .map(|p| normalize(&p.phrase)),
    );
    for r in rows.iter().filter(|r| !r.partial) {
        let code = r.code.to_string();
        out.extend(
            gbt2017
                .iter()
                .filter(|e| e.code == code)
                .map(|e| normalize(&e.name)),
        );
    }
    out
}

/// `vocabulary/variants.tsv`: each target must be a matchable term; a variant must not be a term
/// itself, nor repeat another variant, nor be empty or unjustified.
fn load_variants(path: &Path, terms: &HashSet<String>) -> Result<Vec<Variant>, DataError> {
    let mut out: Vec<Variant> = Vec::new();
    let mut seen = HashSet::new();
    for r in tsv::read(path, &["variant", "target", "justification"])? {
        let f = &r.fields;
        if f.iter().any(String::is_empty) {
            return Err(r.error("every variant needs the variant, its target and a justification"));
        }
        let (variant, target) = (normalize(&f[0]), normalize(&f[1]));
        if !terms.contains(&target) {
            return Err(r.error(format!(
                "target {:?} is not a product, alias, scope phrase with rows or whole-class name",
                f[1]
            )));
        }
        if terms.contains(&variant) {
            return Err(r.error(format!(
                "variant {:?} is itself a catalogue term; a variant must be another wording",
                f[0]
            )));
        }
        if !seen.insert(variant) {
            return Err(r.error(format!("duplicate variant {:?}", f[0])));
        }
        out.push(Variant {
            variant: f[0].clone(),
            target: f[1].clone(),
            justification: f[2].clone(),
        });
    }
    Ok(out)
}

/// 2011 class → 2017 successors: the facts of the correspondence file, plus every 2011 class outside
/// section I whose code and name are unchanged in 2017 (the test the correspondence applies for `same`).
fn load_successors(
    path: &Path,
    gbt2011: &[GbtEntry],
    gbt2017: &[GbtEntry],
) -> Result<BTreeMap<String, Vec<String>>, DataError> {
    let classes = |list: &[GbtEntry]| -> HashMap<String, String> {
        list.iter()
            .filter(|e| matches!(e.level, Level::Class))
            .map(|e| (e.code.clone(), e.name.replace('（', "(").replace('）', ")")))
            .collect()
    };
    let (old, new) = (classes(gbt2011), classes(gbt2017));
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in tsv::read_csv(
        path,
        &[
            "code_2011",
            "name_2011",
            "code_2017",
            "name_2017",
            "relation",
        ],
    )? {
        let f = &r.fields;
        if !old.contains_key(&f[0]) || !new.contains_key(&f[2]) {
            return Err(r.error(format!(
                "{} must be a 2011 class and {} a 2017 class",
                f[0], f[2]
            )));
        }
        map.entry(f[0].clone()).or_default().push(f[2].clone());
    }
    // Section I (divisions 63–65) is covered by the correspondence alone: its medium/low rows are
    // left out on purpose, so no successor is derived there.
    let section_i = |code: &str| ["63", "64", "65"].iter().any(|d| code.starts_with(d));
    for (code, name) in &old {
        if !map.contains_key(code) && !section_i(code) && new.get(code) == Some(name) {
            map.insert(code.clone(), vec![code.clone()]);
        }
    }
    Ok(map)
}

/// FNV-1a over the data files, so the catalogue version changes whenever the data does.
fn fingerprint(dir: &Path) -> Result<u32, DataError> {
    let mut files = Vec::new();
    for sub in ["catalogues/dongguan-2019", "vocabulary", "gbt4754"] {
        let d = dir.join(sub);
        let entries = std::fs::read_dir(&d).map_err(|e| DataError {
            file: d.clone(),
            line: 0,
            message: e.to_string(),
        })?;
        for e in entries.flatten() {
            let p = e.path();
            if matches!(p.extension().and_then(|x| x.to_str()), Some("tsv" | "csv")) {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut h: u32 = 0x811c_9dc5;
    for f in files {
        let bytes = std::fs::read(&f).map_err(|e| DataError {
            file: f.clone(),
            line: 0,
            message: e.to_string(),
        })?;
        for b in bytes {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    Ok(h)
}
