//! Writes the seed corpora and the dictionary for the fuzz targets, from the shared vectors
//! (`tests/vectors/classify.tsv`) and the catalogue's own terms and codes:
//!
//! ```text
//! cargo +nightly run --manifest-path fuzz/Cargo.toml --example seeds
//! ```
//!
//! writes `fuzz/corpus/<target>/seed-*` and `fuzz/corpus/terms.dict` (both git-ignored).

use digicat_fuzz::{ClassifyInput, EDITIONS};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

const VECTORS: &str = include_str!("../../tests/vectors/classify.tsv");
/// libFuzzer ignores longer dictionary entries.
const MAX_DICT_ENTRY: usize = 64;

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut codes = BTreeSet::new();
    let mut texts = BTreeSet::new();
    let mut inputs: Vec<(String, String, bool, u8)> = Vec::new();

    for line in VECTORS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .skip(1)
    {
        let f: Vec<&str> = line.split('\t').collect();
        let edition = match f[4] {
            "2017" => 1,
            "2011" => 2,
            _ => 0,
        };
        codes.insert(f[1].to_owned());
        texts.insert(f[2].to_owned());
        inputs.push((f[1].to_owned(), f[2].to_owned(), f[3] == "strict", edition));
    }
    let terms: BTreeSet<&str> = digicat::products()
        .iter()
        .map(|p| p.name())
        .chain(digicat::aliases().iter().map(|a| a.alias()))
        .chain(digicat::scope_phrases().iter().map(|p| p.phrase()))
        .chain(digicat::rows().iter().map(|r| r.name()))
        .collect();
    for row in digicat::rows() {
        let code = row.code();
        let name = code.name().unwrap_or_default();
        let section = code.gbt2017().map_or('I', |e| e.section());
        let wide: String = code
            .to_string()
            .chars()
            .filter_map(|c| char::from_u32(u32::from(c) + 0xFEE0))
            .collect();
        for form in [
            format!("{code}"),
            format!("{code}*"),
            format!("{section}{code}"),
            format!("{section} {code}"),
            format!("{section}-{code}"),
            format!(" {wide}＊ "),
            format!("{section}{code} {name}"),
            format!("{code}-{name}"),
            name.to_owned(),
        ] {
            codes.insert(form);
        }
        let parent = code.to_string();
        codes.insert(parent[..3].to_owned());
        codes.insert(parent[..2].to_owned());
    }
    texts.extend(terms.iter().map(|t| (*t).to_owned()));
    // Terms whose first or last character is replaced by one whose NFKC form is several
    // characters ending or starting with it (㎱ is "ns"): the match then begins or ends inside
    // one character's expansion and must not count.
    let expanding: Vec<(char, String)> = (0x80..0x1_0000u32)
        .filter_map(char::from_u32)
        .map(|c| (c, digicat::normalize(&c.to_string())))
        .filter(|(_, n)| n.chars().count() > 1)
        .collect();
    let mut compat = BTreeSet::new();
    for term in &terms {
        let chars: Vec<char> = term.chars().collect();
        let (first, last) = (chars[0].to_string(), chars[chars.len() - 1].to_string());
        let (first, last) = (digicat::normalize(&first), digicat::normalize(&last));
        if first.is_empty() || last.is_empty() {
            continue;
        }
        if let Some((c, _)) = expanding.iter().find(|(_, n)| n.ends_with(first.as_str())) {
            texts.insert(format!("{c}{}", chars[1..].iter().collect::<String>()));
            compat.insert(c.to_string());
        }
        if let Some((c, _)) = expanding.iter().find(|(_, n)| n.starts_with(last.as_str())) {
            texts.insert(format!(
                "{}{c}",
                chars[..chars.len() - 1].iter().collect::<String>()
            ));
            compat.insert(c.to_string());
        }
    }
    texts.insert(terms.iter().copied().collect::<Vec<_>>().join("；"));

    write_all(
        &root.join("code_parse"),
        codes.iter().map(|c| c.as_bytes().to_vec()),
    )?;
    write_all(
        &root.join("find_terms"),
        texts.iter().map(|t| t.as_bytes().to_vec()),
    )?;
    let mut encoded = Vec::new();
    for (code, text, strict, edition) in &inputs {
        let input = ClassifyInput {
            strict: *strict,
            edition: *edition,
            code: (!code.is_empty()).then_some(code.as_str()),
            text: (!text.is_empty()).then_some(text.as_str()),
        };
        match input.encode() {
            Some(bytes) => encoded.push(bytes),
            None => {
                eprintln!("seeds: cannot encode {input:?} for this version of `arbitrary`");
                std::process::exit(1);
            }
        }
    }
    assert_eq!(EDITIONS.len(), 3);
    write_all(&root.join("classify"), encoded.into_iter())?;

    // cli_records: a flags byte (see `check_cli_records`), then the file.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for rel in [
        "data/examples/enterprises.csv",
        "crates/digicat-cli/tests/fixtures/enterprises.gb18030.csv",
    ] {
        let mut seed = vec![0u8];
        seed.extend(fs::read(repo.join(rel))?);
        files.push(seed);
    }
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut csv_rows = String::new();
    let mut tsv = String::from("id\t行业代码\t经营范围\n");
    for (i, (code, text, _, _)) in inputs.iter().enumerate() {
        csv_rows.push_str(&format!("{},{}\n", quote(code), quote(text)));
        tsv.push_str(&format!("{i}\t{code}\t{text}\n"));
    }
    // Flags 36: `.csv` with the 行业代码,经营范围 header put first; 1: `.tsv`.
    files.push([&[36u8][..], csv_rows.as_bytes()].concat());
    files.push([&[1u8][..], tsv.as_bytes()].concat());
    write_all(&root.join("cli_records"), files.into_iter())?;

    let mut dict = String::new();
    for word in terms
        .iter()
        .copied()
        .chain(compat.iter().map(String::as_str))
        .chain(["；", "、", "（", "）", "＊", "　", "I", "*"])
        .chain([
            "行业代码",
            "经营范围",
            "主营产品",
            "\r\n",
            "\"\"",
            "\u{FEFF}",
        ])
    {
        if word.len() <= MAX_DICT_ENTRY {
            dict.push('"');
            for b in word.bytes() {
                if b.is_ascii_graphic() && b != b'"' && b != b'\\' || b == b' ' {
                    dict.push(char::from(b));
                } else {
                    dict.push_str(&format!("\\x{b:02X}"));
                }
            }
            dict.push_str("\"\n");
        }
    }
    fs::write(root.join("terms.dict"), dict)?;
    eprintln!(
        "seeds: {} code_parse, {} find_terms, {} classify, 4 cli_records; dictionary {}",
        codes.len(),
        texts.len(),
        inputs.len(),
        root.join("terms.dict").display()
    );
    Ok(())
}

/// Replaces the `seed-*` files in `dir` with `seeds`.
fn write_all(dir: &Path, seeds: impl Iterator<Item = Vec<u8>>) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("seed-"))
        {
            fs::remove_file(path)?;
        }
    }
    for (i, seed) in seeds.enumerate() {
        fs::write(dir.join(format!("seed-{i:04}")), seed)?;
    }
    Ok(())
}
