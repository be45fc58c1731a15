//! Parquet output with any `--catalogue` list: one typed column set per catalogue, whose values
//! equal the CSV output of the same input row by row (the szjj-2021 shared vectors, the example
//! file, blank, footer, invalid and malformed rows); the JSON Lines keys of a skipped row in
//! each catalogue.

mod common;

use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, Int8Type};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::DataType;
use common::{arg, code, example, jsonl, run, stderr, stdout, table};
use digicat::report::{COLUMNS_EN, SZJJ_COLUMNS_EN, SZJJ_COLUMNS_ZH};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use std::fs::File;
use std::path::Path;

const SZJJ_VECTORS: &str = include_str!("../../../tests/vectors/szjj.tsv");

/// Reads a whole Parquet file as one batch.
fn read(path: &Path) -> RecordBatch {
    let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap()).unwrap();
    let schema = std::sync::Arc::clone(builder.schema());
    let batches: Vec<RecordBatch> = builder.build().unwrap().collect::<Result<_, _>>().unwrap();
    arrow_select::concat::concat_batches(&schema, &batches).unwrap()
}

/// Runs `classify ARGS` and asserts success.
fn classify(args: &[&str]) -> std::process::Output {
    let mut all = vec!["classify"];
    all.extend(args);
    let out = run(&all, None);
    assert_eq!(code(&out), 0, "{all:?}: {}", stderr(&out));
    out
}

/// A CSV field, quoted.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// An input of realistic rows: every szjj-2021 vector of the default policy and edition, then
/// a blank row, a footer, an unknown code and a malformed record (an extra field).
fn input() -> String {
    let mut csv = String::from("企业名称,行业代码,经营范围\n");
    let vectors = SZJJ_VECTORS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("id\t") && !l.is_empty())
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[3].is_empty() && f[4].is_empty());
    for f in vectors {
        csv.push_str(&format!(
            "{},{},{}\n",
            quote(f[0]),
            quote(f[1]),
            quote(f[2])
        ));
    }
    csv.push_str(",,\n合计：26家,,\n乙公司,9999,软件开发\n丁公司,6513,软件,多余\n");
    csv
}

/// Row `i` of a dictionary column.
fn dict(col: &ArrayRef, i: usize) -> String {
    let d = col.as_dictionary::<Int8Type>();
    d.values()
        .as_string::<i32>()
        .value(d.keys().value(i) as usize)
        .to_owned()
}

/// Row `i` of a list of strings.
fn strings(col: &ArrayRef, i: usize) -> Vec<String> {
    col.as_list::<i32>()
        .value(i)
        .as_string::<i32>()
        .iter()
        .map(|s| s.unwrap().to_owned())
        .collect()
}

/// Row `i` of an evidence column: the distinct texts, in order, as the CSV joins them.
fn terms(col: &ArrayRef, i: usize) -> String {
    let ev = col.as_list::<i32>().value(i);
    let texts = ev
        .as_struct()
        .column_by_name("text")
        .unwrap()
        .as_string::<i32>();
    let mut seen: Vec<&str> = Vec::new();
    for t in texts.iter().flatten() {
        if !seen.contains(&t) {
            seen.push(t);
        }
    }
    seen.join("；")
}

/// Row `i` of an error column: empty for a null, as the CSV writes it.
fn error(col: &ArrayRef, i: usize) -> String {
    let e = col.as_string::<i32>();
    if e.is_null(i) {
        String::new()
    } else {
        e.value(i).to_owned()
    }
}

#[test]
fn szjj_columns_equal_the_csv_row_by_row() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in.csv");
    std::fs::write(&src, input()).unwrap();
    let both = "dongguan-2019,szjj-2021";
    for file in [src.clone(), example()] {
        let pq = dir.path().join("both.parquet");
        classify(&[arg(&file), "--catalogue", both, "-o", arg(&pq), "--quiet"]);
        let csv = stdout(&classify(&[arg(&file), "--catalogue", both, "--quiet"]));
        let rows = table(csv.as_bytes(), b',');
        let (header, rows) = rows.split_first().unwrap();
        let at = |name: &str| header.iter().position(|h| h == name).unwrap();
        let batch = read(&pq);
        assert_eq!(batch.num_rows(), rows.len(), "one row per input row");
        let col = |name: &str| batch.column_by_name(name).unwrap().clone();
        let inputs = header.len() - 14;
        let schema = batch.schema();
        let names: Vec<&str> = schema.fields()[inputs..]
            .iter()
            .map(|f| f.name().as_str())
            .collect();
        let want: Vec<&str> = COLUMNS_EN
            .iter()
            .filter(|n| **n != "industry_names")
            .chain(&SZJJ_COLUMNS_EN)
            .copied()
            .collect();
        assert_eq!(names, want);
        assert_eq!(
            schema.field_with_name("szjj_classes").unwrap().data_type(),
            &DataType::List(std::sync::Arc::new(arrow_schema::Field::new(
                "item",
                DataType::Utf8,
                false
            ))),
            "小类 codes are strings (leading zeros)"
        );
        for (i, row) in rows.iter().enumerate() {
            let csv = |name: &str| row[at(name)].clone();
            assert_eq!(dict(&col("szjj_status"), i), csv("szjj_status"), "row {i}");
            assert_eq!(dict(&col("szjj_reason"), i), csv("szjj_reason"), "row {i}");
            assert_eq!(
                strings(&col("szjj_classes"), i).join(","),
                csv("szjj_classes"),
                "row {i}"
            );
            assert_eq!(
                strings(&col("szjj_class_names"), i).join("；"),
                csv("szjj_class_names"),
                "row {i}"
            );
            assert_eq!(
                strings(&col("szjj_rows"), i).join(","),
                csv("szjj_rows"),
                "row {i}"
            );
            assert_eq!(
                terms(&col("szjj_evidence"), i),
                csv("szjj_evidence"),
                "row {i}"
            );
            assert_eq!(error(&col("szjj_error"), i), csv("szjj_error"), "row {i}");
            // The Dongguan columns beside them are those of a Dongguan-only run.
            assert_eq!(dict(&col("status"), i), csv("status"), "row {i}");
            assert_eq!(dict(&col("reason"), i), csv("reason"), "row {i}");
            assert_eq!(strings(&col("rows"), i).join(","), csv("rows"), "row {i}");
            assert_eq!(terms(&col("evidence"), i), csv("evidence"), "row {i}");
            assert_eq!(error(&col("error"), i), csv("error"), "row {i}");
        }
    }
    // What the rows of the built input must show, so the comparison above covers them.
    let pq = dir.path().join("szjj.parquet");
    classify(&[
        arg(&src),
        "--catalogue",
        "szjj-2021",
        "-o",
        arg(&pq),
        "--quiet",
    ]);
    let batch = read(&pq);
    let statuses: Vec<String> = (0..batch.num_rows())
        .map(|i| dict(batch.column(3), i))
        .collect();
    for s in [
        "in_scope",
        "needs_review",
        "out_of_scope",
        "skipped",
        "invalid",
    ] {
        assert!(statuses.iter().any(|x| x == s), "{s} in {statuses:?}");
    }
    let n = batch.num_rows();
    assert_eq!(
        dict(&batch.column_by_name("szjj_reason").unwrap().clone(), n - 1),
        "malformed_record"
    );
    let leading_zero = (0..n).any(|i| {
        strings(batch.column_by_name("szjj_classes").unwrap(), i)
            .iter()
            .any(|c| c.starts_with('0'))
    });
    assert!(leading_zero);
}

#[test]
fn szjj_alone_and_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in.csv");
    std::fs::write(&src, input()).unwrap();
    let alone = dir.path().join("alone.parquet");
    classify(&[
        arg(&src),
        "--catalogue",
        "szjj-2021",
        "-o",
        arg(&alone),
        "--quiet",
    ]);
    let both = dir.path().join("both.parquet");
    classify(&[
        arg(&src),
        "--catalogue",
        "szjj-2021,dongguan-2019",
        "-o",
        arg(&both),
        "--quiet",
    ]);
    let (alone, both) = (read(&alone), read(&both));
    let names = |b: &RecordBatch| -> Vec<String> {
        b.schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    };
    assert_eq!(names(&alone)[3..], SZJJ_COLUMNS_EN.map(String::from));
    assert_eq!(
        names(&both)[3..10],
        SZJJ_COLUMNS_EN.map(String::from),
        "in --catalogue order"
    );
    assert_eq!(names(&both)[10], "status");
    for name in SZJJ_COLUMNS_EN {
        assert_eq!(
            alone.column_by_name(name).unwrap().to_data(),
            both.column_by_name(name).unwrap().to_data(),
            "{name}"
        );
    }
    // Evidence offsets are characters of the text: the JSON Lines' byte spans, converted.
    let json = jsonl(&stdout(&classify(&[
        arg(&src),
        "--catalogue",
        "szjj-2021",
        "--format",
        "jsonl",
        "--quiet",
    ])));
    let ev = alone
        .column_by_name("szjj_evidence")
        .unwrap()
        .as_list::<i32>();
    let mut checked = 0;
    for (i, row) in json.iter().enumerate() {
        let text = row["input"]["经营范围"].as_str().unwrap_or_default();
        let items = ev.value(i);
        let items = items.as_struct();
        let want = row["evidence"].as_array().unwrap();
        assert_eq!(items.len(), want.len(), "row {i}");
        let start = items
            .column_by_name("start")
            .unwrap()
            .as_primitive::<Int32Type>();
        let end = items
            .column_by_name("end")
            .unwrap()
            .as_primitive::<Int32Type>();
        let class = items.column_by_name("class").unwrap().as_string::<i32>();
        for (k, w) in want.iter().enumerate() {
            let byte = |chars: i32| {
                text.char_indices()
                    .map(|(b, _)| b)
                    .chain([text.len()])
                    .nth(chars as usize)
                    .unwrap()
            };
            assert_eq!(byte(start.value(k)) as u64, w["start"].as_u64().unwrap());
            assert_eq!(byte(end.value(k)) as u64, w["end"].as_u64().unwrap());
            assert_eq!(class.value(k), w["class"].as_str().unwrap());
            checked += 1;
        }
    }
    assert!(checked > 0, "some evidence compared");
    // Chinese names with --lang zh; the values stay the stable codes.
    let zh = dir.path().join("zh.parquet");
    classify(&[
        arg(&src),
        "--catalogue",
        "szjj-2021",
        "--lang",
        "zh",
        "-o",
        arg(&zh),
        "--quiet",
    ]);
    let zh = read(&zh);
    assert_eq!(names(&zh)[3..], SZJJ_COLUMNS_ZH.map(String::from));
    assert_eq!(dict(zh.column(3), 0), dict(alone.column(3), 0));
}

#[test]
fn jsonl_skipped_rows_take_each_catalogues_keys() {
    let out = run(
        [
            "classify",
            "-",
            "--catalogue",
            "dongguan-2019,szjj-2021",
            "--format",
            "jsonl",
            "--quiet",
        ],
        Some("企业名称,行业代码,经营范围\n,,\n合计：2家,,\n".as_bytes()),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = jsonl(&stdout(&out));
    assert_eq!(rows.len(), 2);
    for row in &rows {
        assert_eq!(row["status"], "skipped");
        assert!(row.get("industries").is_some() && row.get("classes").is_none());
        let szjj = &row["szjj-2021"];
        assert_eq!(szjj["status"], "skipped");
        assert!(szjj.get("classes").is_some(), "{szjj}");
        assert!(szjj.get("industries").is_none(), "{szjj}");
    }
    let out = run(
        [
            "classify",
            "-",
            "--catalogue",
            "szjj-2021",
            "--format",
            "jsonl",
            "--quiet",
        ],
        Some("企业名称,行业代码,经营范围\n,,\n".as_bytes()),
    );
    let row = &jsonl(&stdout(&out))[0];
    assert!(
        row.get("classes").is_some() && row.get("industries").is_none(),
        "{row}"
    );
}
