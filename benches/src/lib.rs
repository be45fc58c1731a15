//! Benchmark support for digicat: a deterministic generator of realistic records and the
//! baselines people write instead (a run-time `HashMap` loaded from the data files, a linear scan,
//! a `contains` loop over every product, a catalogue loaded from JSON).
#![forbid(unsafe_code)]

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashMap;
use std::path::Path;

/// One generated enterprise record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The code field (may be empty, coarse, old or invalid).
    pub code: String,
    /// The 经营范围 text.
    pub text: String,
}

/// Target text length in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// About 30 characters.
    Short,
    /// About 200 characters (a typical 经营范围).
    Typical,
    /// About 2000 characters.
    Long,
}

impl Length {
    /// Target number of characters.
    pub fn chars(self) -> usize {
        match self {
            Length::Short => 30,
            Length::Typical => 200,
            Length::Long => 2000,
        }
    }
}

/// Common business-scope phrases that are not catalogue terms (the bulk of real texts).
pub const FILLER: &[&str] = &[
    "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广",
    "货物进出口",
    "技术进出口",
    "日用百货销售",
    "办公设备销售",
    "电子产品销售",
    "计算机软硬件及辅助设备零售",
    "广告设计、代理",
    "会议及展览服务",
    "企业管理咨询",
    "市场营销策划",
    "餐饮服务",
    "食品销售",
    "家用电器销售",
    "五金产品批发",
    "机械设备租赁",
    "物业管理",
    "非居住房地产租赁",
    "专业设计服务",
    "工业设计服务",
    "劳务服务（不含劳务派遣）",
    "人力资源服务（不含职业中介活动、劳务派遣服务）",
    "普通货物仓储服务（不含危险化学品等需许可审批的项目）",
    "国内货物运输代理",
    "信息咨询服务（不含许可类信息咨询服务）",
    "社会经济咨询服务",
    "组织文化艺术交流活动",
    "票务代理服务",
    "平面设计",
    "电子元器件制造",
    "塑料制品制造",
    "模具制造",
    "五金产品制造",
    "服装制造",
    "家具销售",
    "建筑材料销售",
    "金属材料销售",
    "通讯设备销售",
    "安全技术防范系统设计施工服务",
    "互联网销售（除销售需要许可的商品）",
];

/// Codes outside the catalogue that such enterprises often carry.
pub const OUTSIDE_CODES: &[&str] = &[
    "5176", "7320", "5292", "7212", "3914", "6599", "7517", "5193", "7491", "3921", "6311", "8299",
];

/// Codes that cannot be read.
pub const INVALID_CODES: &[&str] = &["65a3", "9999", "C6513", "65130", "软件"];

/// Generates `n` records with a realistic mix of statuses and lengths (60 % ~200 characters,
/// 30 % ~30, 10 % ~2000). The same seed gives the same records.
pub fn records(n: usize, seed: u64) -> Vec<Record> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..n)
        .map(|_| {
            let length = match rng.random_range(0..10) {
                0..=5 => Length::Typical,
                6..=8 => Length::Short,
                _ => Length::Long,
            };
            record(&mut rng, length)
        })
        .collect()
}

/// Generates `n` records of one length.
pub fn records_of_length(n: usize, seed: u64, length: Length) -> Vec<Record> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..n).map(|_| record(&mut rng, length)).collect()
}

fn record(rng: &mut ChaCha8Rng, length: Length) -> Record {
    let rows = digicat::rows();
    let starred: Vec<&digicat::Row> = rows.iter().filter(|r| r.is_partial()).collect();
    let whole: Vec<&digicat::Row> = rows.iter().filter(|r| !r.is_partial()).collect();
    let pick_row = |rng: &mut ChaCha8Rng, list: &[&'static digicat::Row]| {
        *list.choose(rng).unwrap_or(&&rows[0])
    };
    let product_of = |rng: &mut ChaCha8Rng, row: &digicat::Row| {
        row.products()
            .choose(rng)
            .map_or("", |p| p.name())
            .to_owned()
    };
    let with_letter = rng.random_bool(0.3);
    let form = |code: String| {
        if with_letter {
            format!("I{code}")
        } else {
            code
        }
    };
    let mut named = Vec::new();
    let code = match rng.random_range(0..100) {
        0..=34 => {
            let row = pick_row(rng, &starred);
            named.push(product_of(rng, row));
            form(row.code().to_string())
        }
        35..=39 => form(pick_row(rng, &whole).code().to_string()),
        40..=54 => form(pick_row(rng, &starred).code().to_string()),
        55..=59 => {
            named.push("软件开发".to_owned());
            form(pick_row(rng, &starred).code().to_string())
        }
        60..=64 => {
            let row = pick_row(rng, &starred);
            named.push(product_of(rng, row));
            String::new()
        }
        65..=67 => ["651", "65", "643", "64"]
            .choose(rng)
            .map_or("65", |c| c)
            .to_owned(),
        68..=69 => ["6510", "6520", "6420", "6530"]
            .choose(rng)
            .map_or("6510", |c| c)
            .to_owned(),
        70..=94 => OUTSIDE_CODES.choose(rng).map_or("7320", |c| c).to_string(),
        95..=97 => {
            let row = pick_row(rng, &starred);
            named.push(product_of(rng, row));
            OUTSIDE_CODES.choose(rng).map_or("7320", |c| c).to_string()
        }
        _ => INVALID_CODES.choose(rng).map_or("9999", |c| c).to_string(),
    };
    Record {
        code,
        text: text(rng, &named, length.chars()),
    }
}

/// Filler phrases up to about `chars` characters, with the named terms at random places.
fn text(rng: &mut ChaCha8Rng, named: &[String], chars: usize) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let mut len = named.iter().map(|n| n.chars().count() + 1).sum::<usize>();
    while len < chars {
        let p = FILLER.choose(rng).copied().unwrap_or("货物进出口");
        len += p.chars().count() + 1;
        parts.push(p);
    }
    for n in named {
        let at = rng.random_range(0..=parts.len());
        parts.insert(at, n);
    }
    let mut s = parts.join("；");
    s.push('。');
    s
}

/// What people write instead of compile-time tables: the data files read at start-up into
/// `HashMap`s and vectors, and `str::contains` over every product.
pub struct RuntimeCatalogue {
    /// Code string → row ids.
    pub by_code: HashMap<String, Vec<String>>,
    /// (code, row id) in table order, for a linear scan.
    pub rows: Vec<(String, String)>,
    /// (product or alias, row id).
    pub products: Vec<(String, String)>,
    /// Product or alias → row ids.
    pub product_index: HashMap<String, Vec<String>>,
}

impl RuntimeCatalogue {
    /// Indexes (code, row id) and (product, row id) pairs into the maps.
    fn new(rows: Vec<(String, String)>, products: Vec<(String, String)>) -> RuntimeCatalogue {
        let mut by_code: HashMap<String, Vec<String>> = HashMap::new();
        for (code, id) in &rows {
            by_code.entry(code.clone()).or_default().push(id.clone());
        }
        let mut product_index: HashMap<String, Vec<String>> = HashMap::new();
        for (name, id) in &products {
            product_index
                .entry(name.clone())
                .or_default()
                .push(id.clone());
        }
        RuntimeCatalogue {
            by_code,
            rows,
            products,
            product_index,
        }
    }

    /// Loads `rows.tsv`, `products.tsv` and `aliases.tsv` from `dir` (`data/catalogues/dongguan-2019`).
    pub fn load(dir: &Path) -> std::io::Result<RuntimeCatalogue> {
        let read = |name: &str| -> std::io::Result<Vec<Vec<String>>> {
            let text = std::fs::read_to_string(dir.join(name))?;
            Ok(text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .skip(1)
                .map(|l| l.split('\t').map(str::to_owned).collect())
                .collect())
        };
        let rows: Vec<(String, String)> = read("rows.tsv")?
            .into_iter()
            .map(|f| (f[2].clone(), f[0].clone()))
            .collect();
        let mut products: Vec<(String, String)> = read("products.tsv")?
            .into_iter()
            .map(|f| (f[1].clone(), f[0].clone()))
            .collect();
        products.extend(
            read("aliases.tsv")?
                .into_iter()
                .map(|f| (f[0].clone(), f[2].clone())),
        );
        Ok(RuntimeCatalogue::new(rows, products))
    }

    /// Loads the same tables from a JSON catalogue written by [`write_catalogue_json`].
    pub fn from_json(path: &Path) -> std::io::Result<RuntimeCatalogue> {
        let text = std::fs::read_to_string(path)?;
        let v: serde_json::Value = serde_json::from_str(&text).map_err(std::io::Error::other)?;
        let mut rows = Vec::new();
        let mut products = Vec::new();
        for r in v["rows"].as_array().into_iter().flatten() {
            let id = r["id"].as_str().unwrap_or_default().to_owned();
            rows.push((
                r["code"].as_str().unwrap_or_default().to_owned(),
                id.clone(),
            ));
            for p in r["products"].as_array().into_iter().flatten() {
                products.push((p.as_str().unwrap_or_default().to_owned(), id.clone()));
            }
        }
        Ok(RuntimeCatalogue::new(rows, products))
    }

    /// Row ids for a code, by linear scan.
    pub fn scan_rows_for_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.rows
            .iter()
            .filter(move |(c, _)| c == code)
            .map(|(_, id)| id.as_str())
    }

    /// The naive search: every product and alias tested with `str::contains`.
    pub fn naive_find<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.products
            .iter()
            .filter(move |(p, _)| text.contains(p.as_str()))
            .map(|(p, id)| (p.as_str(), id.as_str()))
    }
}

/// Writes the catalogue's rows and products (aliases folded into products) as JSON, the input of
/// the "catalogue loaded from JSON at start-up" baseline.
pub fn write_catalogue_json(path: &Path) -> std::io::Result<()> {
    let rows: Vec<serde_json::Value> = digicat::rows()
        .iter()
        .map(|r| {
            let mut products: Vec<&str> = r.products().iter().map(|p| p.name()).collect();
            products.extend(digicat::aliases().iter().filter(|a| a.product().row() == r).map(|a| a.alias()));
            serde_json::json!({"id": r.id(), "code": r.code().to_string(), "name": r.name(), "products": products})
        })
        .collect();
    std::fs::write(path, serde_json::json!({ "rows": rows }).to_string())
}

/// The repository's `data/` directory (benchmarks run from the workspace).
pub fn data_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_records() {
        assert_eq!(records(200, 7), records(200, 7));
        assert_ne!(records(200, 7), records(200, 8));
    }

    #[test]
    fn lengths_are_near_their_targets() {
        for length in [Length::Short, Length::Typical, Length::Long] {
            for r in records_of_length(50, 1, length) {
                let n = r.text.chars().count();
                assert!(
                    n >= length.chars() && n < length.chars() + 80,
                    "{n} for {length:?}"
                );
            }
        }
    }

    #[test]
    fn the_mix_has_every_status() {
        let mut seen = std::collections::BTreeSet::new();
        for r in records(2000, 3) {
            let status = match digicat::classify(Some(&r.code), Some(&r.text), &Default::default())
            {
                Ok(c) => c.status.as_str(),
                Err(_) => "invalid",
            };
            seen.insert(status);
        }
        assert_eq!(seen.len(), 4, "{seen:?}");
    }

    #[test]
    fn baseline_agrees_with_digicat_on_codes_and_products() {
        let rt = RuntimeCatalogue::load(&data_dir().join("catalogues/dongguan-2019")).unwrap();
        for row in digicat::rows() {
            let code = row.code().to_string();
            let want: Vec<&str> = digicat::rows_for_code(row.code()).map(|r| r.id()).collect();
            let got: Vec<&str> = rt.by_code[&code].iter().map(String::as_str).collect();
            assert_eq!(got, want);
            assert_eq!(rt.scan_rows_for_code(&code).collect::<Vec<_>>(), want);
        }
        for p in digicat::products() {
            assert!(rt.naive_find(p.name()).any(|(_, id)| id == p.row().id()));
        }
    }
}
