//! digicat against the baselines, group by group, in the same run (see BENCHMARKS.md).
#![forbid(unsafe_code)]
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use digicat::{classify, find_product, find_terms, rows_for_code, Code, Options, Policy};
use digicat_benches::{
    data_dir, records, records_of_length, Length, RuntimeCatalogue, OUTSIDE_CODES,
};
use std::hint::black_box;

fn runtime() -> RuntimeCatalogue {
    RuntimeCatalogue::load(&data_dir().join("catalogues/dongguan-2019"))
        .expect("data/catalogues/dongguan-2019 is readable")
}

/// Every catalogue code (hits) and common outside codes (misses).
fn code_keys() -> Vec<String> {
    let mut keys: Vec<String> = digicat::rows()
        .iter()
        .map(|r| r.code().to_string())
        .collect();
    keys.dedup();
    keys.extend(OUTSIDE_CODES.iter().map(|c| c.to_string()));
    keys
}

/// 1. code → rows, per lookup (averaged over every key).
fn code_to_rows(c: &mut Criterion) {
    let rt = runtime();
    let keys = code_keys();
    let parsed: Vec<Code> = keys
        .iter()
        .map(|k| k.parse().expect("valid code"))
        .collect();
    let mut g = c.benchmark_group("code_to_rows");
    g.throughput(Throughput::Elements(keys.len() as u64));
    g.bench_function("digicat_phf", |b| {
        b.iter(|| {
            parsed
                .iter()
                .map(|c| rows_for_code(black_box(*c)).count())
                .sum::<usize>()
        })
    });
    g.bench_function("digicat_parse_and_phf", |b| {
        b.iter(|| {
            keys.iter()
                .map(|k| Code::parse(black_box(k)).map_or(0, |c| rows_for_code(c).count()))
                .sum::<usize>()
        })
    });
    g.bench_function("hashmap_string", |b| {
        b.iter(|| {
            keys.iter()
                .map(|k| rt.by_code.get(black_box(k.as_str())).map_or(0, Vec::len))
                .sum::<usize>()
        })
    });
    g.bench_function("linear_scan", |b| {
        b.iter(|| {
            keys.iter()
                .map(|k| rt.scan_rows_for_code(black_box(k)).count())
                .sum::<usize>()
        })
    });
    g.finish();
}

/// 2. exact product lookup, per lookup (every product name and as many misses).
fn product_lookup(c: &mut Criterion) {
    let rt = runtime();
    let mut names: Vec<String> = digicat::products()
        .iter()
        .map(|p| p.name().to_owned())
        .collect();
    names.extend(
        digicat::products()
            .iter()
            .map(|p| format!("{}有限公司", p.name())),
    );
    let mut g = c.benchmark_group("product_lookup");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("digicat_normalised_phf", |b| {
        b.iter(|| {
            names
                .iter()
                .filter(|n| find_product(black_box(n)).is_some())
                .count()
        })
    });
    g.bench_function("hashmap_string_exact", |b| {
        b.iter(|| {
            names
                .iter()
                .filter(|n| rt.product_index.contains_key(black_box(n.as_str())))
                .count()
        })
    });
    g.bench_function("hashmap_string_normalised", |b| {
        b.iter(|| {
            names
                .iter()
                .filter(|n| {
                    rt.product_index
                        .contains_key(&digicat::normalize(black_box(n)))
                })
                .count()
        })
    });
    g.finish();
}

/// 3. catalogue products found in a text of 30, 200 and 2000 characters, per text.
fn find_in_text(c: &mut Criterion) {
    let rt = runtime();
    digicat::warm_up();
    let mut g = c.benchmark_group("find_in_text");
    for length in [Length::Short, Length::Typical, Length::Long] {
        let texts: Vec<String> = records_of_length(200, 11, length)
            .into_iter()
            .map(|r| r.text)
            .collect();
        g.throughput(Throughput::Elements(texts.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("digicat_aho_corasick", length.chars()),
            &texts,
            |b, texts| {
                b.iter(|| {
                    texts
                        .iter()
                        .map(|t| find_terms(black_box(t), Policy::Strict).len())
                        .sum::<usize>()
                })
            },
        );
        g.bench_with_input(
            BenchmarkId::new("naive_contains", length.chars()),
            &texts,
            |b, texts| {
                b.iter(|| {
                    texts
                        .iter()
                        .map(|t| rt.naive_find(black_box(t)).count())
                        .sum::<usize>()
                })
            },
        );
    }
    g.finish();
}

/// 4. classify end to end, per record, on the generated mix and on typical (~200 char) records.
fn classify_records(c: &mut Criterion) {
    digicat::warm_up();
    let options = Options::default();
    let mut g = c.benchmark_group("classify");
    for (name, recs) in [
        ("typical_200", records_of_length(1000, 5, Length::Typical)),
        ("mixed", records(1000, 5)),
    ] {
        g.throughput(Throughput::Elements(recs.len() as u64));
        g.bench_with_input(BenchmarkId::new("digicat", name), &recs, |b, recs| {
            b.iter(|| {
                recs.iter()
                    .filter(|r| {
                        classify(Some(black_box(&r.code)), Some(black_box(&r.text)), &options)
                            .is_ok()
                    })
                    .count()
            })
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    code_to_rows,
    product_lookup,
    find_in_text,
    classify_records
);
criterion_main!(benches);
