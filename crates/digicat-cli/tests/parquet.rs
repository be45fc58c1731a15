//! Parquet in and out: the typed result columns equal the JSON Lines output of the same rows
//! (example data, shared vectors, a file of several batches and row groups); Parquet input
//! columns pass through with their types; the text rule for other types; nothing written on a
//! refusal. Parquet fixtures are written here, at test time.

mod common;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, Int8Type};
use arrow_array::{
    Array, ArrayRef, BinaryArray, Date32Array, Float64Array, Int64Array, LargeStringArray,
    RecordBatch, StringArray,
};
use arrow_schema::DataType;
use common::{arg, code, example, jsonl, run, stderr, stdout};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use serde_json::{json, Value};
use std::fs::File;
use std::path::Path;
use std::sync::Arc;

const VECTORS: &str = include_str!("../../../tests/vectors/classify.tsv");

/// Reads a whole Parquet file as one batch, with the number of row groups.
fn read(path: &Path) -> (RecordBatch, usize) {
    let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap()).unwrap();
    let groups = builder.metadata().num_row_groups();
    let schema = Arc::clone(builder.schema());
    let batches: Vec<RecordBatch> = builder.build().unwrap().collect::<Result<_, _>>().unwrap();
    (
        arrow_select::concat::concat_batches(&schema, &batches).unwrap(),
        groups,
    )
}

/// Writes `batch` as a Parquet file (in row groups of `group` rows).
fn write(path: &Path, batch: &RecordBatch, group: usize) {
    let props = parquet::file::properties::WriterProperties::builder()
        .set_max_row_group_row_count(Some(group))
        .build();
    let mut w =
        ArrowWriter::try_new(File::create(path).unwrap(), batch.schema(), Some(props)).unwrap();
    w.write(batch).unwrap();
    w.close().unwrap();
}

/// The result columns of row `i` as the JSON Lines output has them (evidence offsets turned
/// from characters into bytes of `text`).
fn result_row(batch: &RecordBatch, i: usize, text: &str) -> Value {
    let col = |name: &str| {
        batch
            .column_by_name(name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let dict = |name: &str| {
        let d = col(name).as_dictionary::<Int8Type>();
        let values = d.values().as_string::<i32>();
        values.value(d.keys().value(i) as usize).to_owned()
    };
    let industries: Vec<i64> = col("industries")
        .as_list::<i32>()
        .value(i)
        .as_primitive::<Int8Type>()
        .values()
        .iter()
        .map(|v| i64::from(*v))
        .collect();
    let rows: Vec<String> = col("rows")
        .as_list::<i32>()
        .value(i)
        .as_string::<i32>()
        .iter()
        .map(|s| s.unwrap().to_owned())
        .collect();
    let ev = col("evidence").as_list::<i32>().value(i);
    let ev = ev.as_struct();
    let byte = |chars: i32| {
        text.char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .nth(chars as usize)
            .unwrap()
    };
    let evidence: Vec<Value> = (0..ev.len())
        .map(|k| {
            let s = |n: &str| ev.column_by_name(n).unwrap().as_string::<i32>();
            let n = |n: &str| {
                ev.column_by_name(n)
                    .unwrap()
                    .as_primitive::<Int32Type>()
                    .value(k)
            };
            let relation = s("relation");
            json!({
                "text": s("text").value(k), "row": s("row").value(k),
                "start": byte(n("start")), "end": byte(n("end")),
                "kind": s("kind").value(k),
                "relation": relation.is_valid(k).then(|| relation.value(k)),
            })
        })
        .collect();
    let error = col("error").as_string::<i32>();
    json!({
        "status": dict("status"), "reason": dict("reason"), "industries": industries,
        "rows": rows, "evidence": evidence,
        "error": error.is_valid(i).then(|| error.value(i)),
    })
}

/// The same fields of a JSON Lines row.
fn json_row(row: &Value) -> Value {
    let keys = [
        "status",
        "reason",
        "industries",
        "rows",
        "evidence",
        "error",
    ];
    Value::Object(
        keys.iter()
            .map(|k| ((*k).to_owned(), row[*k].clone()))
            .collect(),
    )
}

/// Runs `classify ARGS` and asserts success.
fn classify(args: &[&str]) -> std::process::Output {
    let mut all = vec!["classify"];
    all.extend(args);
    let out = run(&all, None);
    assert_eq!(code(&out), 0, "{all:?}: {}", stderr(&out));
    out
}

/// A text column of the JSON rows' input values.
fn input_text(rows: &[Value], column: &str) -> Vec<String> {
    rows.iter()
        .map(|r| r["input"][column].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn csv_to_parquet_equals_jsonl_and_back_to_csv_equals_csv() {
    let dir = tempfile::tempdir().unwrap();
    let pq = dir.path().join("out.parquet");
    let ex = example();
    classify(&[arg(&ex), "-o", arg(&pq), "--quiet"]);
    let want = jsonl(&stdout(&classify(&[
        arg(&ex),
        "--format",
        "jsonl",
        "--quiet",
    ])));
    let (batch, _) = read(&pq);
    assert_eq!(batch.num_rows(), want.len(), "one row per input row");
    let schema = batch.schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(
        names,
        [
            "统一社会信用代码",
            "企业名称",
            "镇街",
            "行业代码",
            "经营范围",
            "status",
            "reason",
            "industries",
            "rows",
            "evidence",
            "error"
        ]
    );
    assert!(matches!(
        batch.column(5).data_type(),
        DataType::Dictionary(..)
    ));
    let texts = input_text(&want, "经营范围");
    for (i, row) in want.iter().enumerate() {
        for (c, name) in names[..5].iter().enumerate() {
            assert_eq!(
                batch.column(c).as_string::<i32>().value(i),
                row["input"][name].as_str().unwrap(),
                "row {i} {name}"
            );
        }
        assert_eq!(result_row(&batch, i, &texts[i]), json_row(row), "row {i}");
    }
    // Parquet in, CSV out: the CSV of the CSV input, plus the (string) result columns again.
    let csv = stdout(&classify(&[arg(&ex), "--quiet"]));
    let again = stdout(&classify(&[arg(&pq), "--quiet", "--format", "csv"]));
    for (a, b) in csv.lines().zip(again.lines()).skip(1) {
        let (a, b) = (
            common::table(a.as_bytes(), b','),
            common::table(b.as_bytes(), b','),
        );
        assert_eq!(a[0][..5], b[0][..5]);
        assert_eq!(
            a[0][5..],
            b[0][11..],
            "the same classification of the same columns"
        );
    }
    assert_eq!(csv.lines().count(), again.lines().count());
    // Chinese names with --lang zh; the values stay the stable codes.
    let zh = dir.path().join("zh.parquet");
    classify(&[arg(&ex), "-o", arg(&zh), "--quiet", "--lang", "zh"]);
    let (batch, _) = read(&zh);
    let schema = batch.schema();
    let added: Vec<&str> = schema.fields()[5..]
        .iter()
        .map(|f| f.name().as_str())
        .collect();
    assert_eq!(
        added,
        ["状态", "原因", "产业编号", "目录行", "依据", "错误信息"]
    );
    let status = batch.column(5).as_dictionary::<Int8Type>();
    assert_eq!(
        status
            .values()
            .as_string::<i32>()
            .value(status.keys().value(0) as usize),
        "in_scope"
    );
}

#[test]
fn shared_vectors_through_parquet_equal_jsonl() {
    let lines: Vec<Vec<&str>> = VECTORS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
        .filter(|f: &Vec<&str>| f[3].is_empty() && matches!(f[4], "" | "auto"))
        .collect();
    assert!(lines.len() > 50, "the default-option vectors");
    let dir = tempfile::tempdir().unwrap();
    fn opt(s: &str) -> Option<&str> {
        (!s.is_empty()).then_some(s)
    }
    let batch = RecordBatch::try_from_iter([
        (
            "id",
            Arc::new(StringArray::from_iter_values(lines.iter().map(|f| f[0]))) as ArrayRef,
        ),
        (
            "code",
            Arc::new(StringArray::from_iter(lines.iter().map(|f| opt(f[1])))) as ArrayRef,
        ),
        (
            "text",
            Arc::new(LargeStringArray::from_iter(lines.iter().map(|f| opt(f[2])))) as ArrayRef,
        ),
    ])
    .unwrap();
    let input = dir.path().join("vectors.parquet");
    write(&input, &batch, 1024);
    let out = dir.path().join("out.parquet");
    classify(&[arg(&input), "-o", arg(&out), "--quiet"]);
    let want = jsonl(&stdout(&classify(&[
        arg(&input),
        "--format",
        "jsonl",
        "--quiet",
    ])));
    let (result, _) = read(&out);
    assert_eq!(
        result.column(2).data_type(),
        &DataType::LargeUtf8,
        "input types kept"
    );
    for (i, (f, row)) in lines.iter().zip(&want).enumerate() {
        assert_eq!(row["status"], f[5], "{}", f[0]);
        assert_eq!(row["reason"], f[6], "{}", f[0]);
        assert_eq!(result_row(&result, i, f[2]), json_row(row), "{}", f[0]);
    }
}

#[test]
fn many_batches_and_row_groups_keep_order() {
    let n = 70_000;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("big.csv");
    let mut text = String::from("id,行业代码,经营范围\n");
    for i in 0..n {
        let (code, scope) = match i % 4 {
            0 => ("6513", "人工智能应用软件开发"),
            1 => ("", "集成电路设计"),
            2 => ("65x", "软件"),
            _ => ("", ""),
        };
        text.push_str(&format!("{i},{code},{scope}\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let pq = dir.path().join("big.parquet");
    classify(&[arg(&csv), "-o", arg(&pq), "--quiet"]);
    let (batch, groups) = read(&pq);
    assert_eq!(batch.num_rows(), n);
    assert!(groups >= 2, "row groups of at most 65,536 rows: {groups}");
    let ids = batch.column(0).as_string::<i32>();
    assert!((0..n).all(|i| ids.value(i) == i.to_string()), "order kept");
    // Parquet in (several batches, row groups of 10,000) → Parquet out: the same results.
    let small = dir.path().join("small-groups.parquet");
    write(&small, &batch.project(&[0, 1, 2]).unwrap(), 10_000);
    let again = dir.path().join("again.parquet");
    classify(&[arg(&small), "-o", arg(&again), "--quiet"]);
    let (second, _) = read(&again);
    assert_eq!(
        second.columns()[3..],
        batch.columns()[3..],
        "identical result columns"
    );
    let status = second.column(3).as_dictionary::<Int8Type>();
    let name = |i: usize| {
        status
            .values()
            .as_string::<i32>()
            .value(status.keys().value(i) as usize)
            .to_owned()
    };
    assert_eq!(
        [name(0), name(1), name(2), name(3)],
        ["in_scope", "needs_review", "invalid", "out_of_scope"]
    );
}

#[test]
fn typed_parquet_columns_pass_through_and_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut tags = ListBuilder::new(StringBuilder::new());
    for row in [vec!["a", "b"], vec![], vec!["c"]] {
        for t in row {
            tags.values().append_value(t);
        }
        tags.append(true);
    }
    let batch = RecordBatch::try_from_iter([
        (
            "行业代码",
            Arc::new(Int64Array::from(vec![Some(6513), None, Some(6520)])) as ArrayRef,
        ),
        (
            "经营范围",
            Arc::new(StringArray::from(vec![
                Some("计算机视听觉软件"),
                Some("集成电路设计"),
                None,
            ])) as ArrayRef,
        ),
        (
            "注册资本",
            Arc::new(Float64Array::from(vec![1_500_000.0, 2.5, f64::NAN])) as ArrayRef,
        ),
        (
            "成立日期",
            Arc::new(Date32Array::from(vec![17_963, 0, 1])) as ArrayRef,
        ),
        ("标签", Arc::new(tags.finish()) as ArrayRef),
        (
            "备注",
            Arc::new(BinaryArray::from(vec![
                Some(&b"ok"[..]),
                Some(&b"\xff\xfe"[..]),
                None,
            ])) as ArrayRef,
        ),
    ])
    .unwrap();
    let input = dir.path().join("typed.parquet");
    write(&input, &batch, 1024);
    let out = dir.path().join("typed-out.parquet");
    let run = classify(&[arg(&input), "-o", arg(&out), "--quiet"]);
    assert!(
        stderr(&run).contains("code column(s) 行业代码 hold numbers"),
        "{}",
        stderr(&run)
    );
    let (result, _) = read(&out);
    for c in 0..6 {
        assert_eq!(
            result.column(c).as_ref(),
            batch.column(c).as_ref(),
            "column {c} unchanged"
        );
        assert_eq!(
            result.schema().field(c).data_type(),
            batch.schema().field(c).data_type()
        );
    }
    let rows = jsonl(&stdout(&classify(&[
        arg(&input),
        "--format",
        "jsonl",
        "--quiet",
    ])));
    assert_eq!(
        rows[0]["input"],
        json!({"行业代码": "6513", "经营范围": "计算机视听觉软件", "注册资本": "1500000", "成立日期": "2019-03-08", "标签": "[a, b]", "备注": "ok"})
    );
    assert_eq!(rows[0]["status"], "in_scope");
    assert_eq!(rows[1]["input"]["注册资本"], "2.5");
    assert_eq!(
        (&rows[1]["status"], &rows[1]["reason"]),
        (&json!("invalid"), &json!("invalid_encoding"))
    );
    assert!(
        rows[1]["error"]
            .as_str()
            .unwrap()
            .contains("not valid UTF-8 in column(s) 备注"),
        "{}",
        rows[1]["error"]
    );
    assert_eq!(rows[2]["input"]["备注"], "", "a null is empty");
    assert_eq!(
        (&rows[2]["status"], &rows[2]["reason"]),
        (&json!("in_scope"), &json!("whole_class"))
    );
    for (i, row) in rows.iter().enumerate() {
        let text = row["input"]["经营范围"].as_str().unwrap();
        assert_eq!(result_row(&result, i, text), json_row(row), "row {i}");
    }
    // From standard input too (gathered in memory).
    let bytes = std::fs::read(&input).unwrap();
    let piped = common::run(
        ["classify", "-", "--format", "jsonl", "--quiet"],
        Some(&bytes),
    );
    assert_eq!(code(&piped), 0, "{}", stderr(&piped));
    assert_eq!(jsonl(&stdout(&piped)), rows);
}

#[test]
fn refusals_leave_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let ex = example();
    let first = dir.path().join("first.parquet");
    classify(&[arg(&ex), "-o", arg(&first), "--quiet"]);
    // Classifying the result again would add columns it already has.
    let second = dir.path().join("second.parquet");
    let out = run(["classify", arg(&first), "-o", arg(&second)], None);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("already has column(s) status, reason"),
        "{}",
        stderr(&out)
    );
    // --header-row does not apply; a truncated file is not Parquet.
    let out = run(
        [
            "classify",
            arg(&first),
            "--header-row",
            "2",
            "-o",
            arg(&second),
        ],
        None,
    );
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("--header-row does not apply"),
        "{}",
        stderr(&out)
    );
    let cut = dir.path().join("cut.parquet");
    let bytes = std::fs::read(&first).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let out = run(["classify", arg(&cut), "-o", arg(&second)], None);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("as Parquet"), "{}", stderr(&out));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "no output and no temporary file: {left:?}");
}
