//! Workbooks as they come: streamed sheets, merged cells, gaps, and hostile files (rows beyond
//! Excel's limits, repeated rows, zip bombs) refused with a message before memory grows.

mod common;

use common::{arg, assert_chinese, code, jsonl, run, stderr, stdout, table};
use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

/// Minimal parts of an XLSX archive around one sheet named `名录`.
const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名录" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
const SHEET_OPEN: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;
const SHEET_END: &str = "</sheetData></worksheet>";

/// A cell holding an inline string.
fn text_cell(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// `<row r="N">` with a header-like text cell in A and a number in B.
fn row_xml(n: u64, label: &str) -> String {
    format!(
        r#"<row r="{n}">{}<c r="B{n}"><v>6513</v></c></row>"#,
        text_cell(&format!("A{n}"), label)
    )
}

/// Writes an XLSX archive whose sheet XML is produced by `sheet` (streamed into the zip, never
/// held whole), stored uncompressed: the tests run unoptimised builds, where inflating costs
/// more than reading.
fn write_xlsx(path: &Path, sheet: impl FnOnce(&mut dyn Write)) {
    let file = fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(true);
    for (name, body) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, &mut zip);
        write!(out, "{SHEET_OPEN}<sheetData>").unwrap();
        sheet(&mut out);
        out.write_all(SHEET_END.as_bytes()).unwrap();
        out.flush().unwrap();
    }
    zip.finish().unwrap().flush().unwrap();
}

/// Asserts a refusal: exit 2, the message containing every one of `parts`, nothing written.
fn assert_refused(out: &std::process::Output, parts: &[&str]) {
    let err = stderr(out);
    assert_eq!(code(out), 2, "{err}");
    for part in parts {
        assert!(err.contains(part), "message has {part:?}: {err}");
    }
    assert!(out.stdout.is_empty(), "no row written before the refusal");
}

/// The refusal of `input` with `--lang zh`: exit 2, a Chinese message holding every one of
/// `parts`, no English word.
fn assert_refused_zh(input: &Path, parts: &[&str]) {
    let out = run(["classify", arg(input), "-q", "--lang", "zh"], None);
    assert_refused(&out, parts);
    assert_chinese(&stderr(&out), &[arg(input)]);
}

/// `-o` given an existing file: a refusal leaves it as it was and no temporary file beside it.
fn assert_output_untouched(input: &Path) {
    let dir = input.parent().unwrap();
    let target = dir.join("out.csv");
    fs::write(&target, "previous\n").unwrap();
    let out = run(["classify", arg(input), "-q", "-o", arg(&target)], None);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&target).unwrap(), "previous\n");
    let leftovers: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".digicat-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn more_rows_than_excel_holds_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("太长.xlsx");
    let started = Instant::now();
    write_xlsx(&path, |out| {
        out.write_all(row_xml(1, "经营范围").as_bytes()).unwrap();
        for n in 2..=1_048_577u64 {
            write!(out, r#"<row r="{n}"><c r="A{n}"><v>1</v></c></row>"#).unwrap();
        }
    });
    let written = started.elapsed();
    let out = run(["classify", arg(&path), "-q"], None);
    assert_refused(
        &out,
        &[
            "名录",
            "row 1,048,577 (A1048577)",
            "beyond Excel's last row 1,048,576",
            "超出 Excel 行数上限",
            "export it as CSV",
        ],
    );
    assert!(
        started.elapsed().as_secs() < 30,
        "written in {written:?}, refused in {:?}",
        started.elapsed() - written
    );
    // (-o left untouched: checked on the smaller refusals below.)
}

#[test]
fn a_cell_beyond_column_xfd_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("太宽.xlsx");
    write_xlsx(&path, |out| {
        out.write_all(row_xml(1, "经营范围").as_bytes()).unwrap();
        write!(out, r#"<row r="2"><c r="XFE2"><v>1</v></c></row>"#).unwrap();
    });
    let out = run(["classify", arg(&path), "-q"], None);
    assert_refused(
        &out,
        &["名录", "column 16,385 (XFE2)", "XFD", "超出 Excel 列数上限"],
    );
    assert_refused_zh(
        &path,
        &[
            "工作表“名录”",
            "第 16,385 列（XFE2）",
            "超出 Excel 列数上限",
        ],
    );
    assert_output_untouched(&path);
}

#[test]
fn repeated_row_numbers_are_refused_with_their_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("重复.xlsx");
    // Rows 1 to 100, three times over: 300 rows with cells, 100 distinct.
    write_xlsx(&path, |out| {
        for _ in 0..3 {
            for n in 1..=100 {
                out.write_all(row_xml(n, "经营范围").as_bytes()).unwrap();
            }
        }
    });
    let out = run(["classify", arg(&path), "-q"], None);
    assert_refused(
        &out,
        &[
            "sheet \"名录\"",
            "行号重复或倒序",
            "300 rows with cells, 200 of them repeat",
            "the first: row 1 after row 100",
            "100 distinct row numbers",
            "re-save",
        ],
    );
    assert_refused_zh(
        &path,
        &[
            "行号重复或倒序",
            "共 300 行",
            "第 1 行在第 100 行之后",
            "重新保存",
        ],
    );
    assert_output_untouched(&path);

    // One row going back, and a cell repeated within a row, are refused as well.
    write_xlsx(&path, |out| {
        for n in [1, 2, 5, 3] {
            out.write_all(row_xml(n, "经营范围").as_bytes()).unwrap();
        }
    });
    let out = run(["classify", arg(&path), "-q"], None);
    assert_refused(&out, &["4 rows with cells, 1 of them", "row 3 after row 5"]);
    write_xlsx(&path, |out| {
        out.write_all(row_xml(1, "经营范围").as_bytes()).unwrap();
        let twice = format!("{}{}", text_cell("A2", "软件"), text_cell("A2", "硬件"));
        write!(out, r#"<row r="2">{twice}</row>"#).unwrap();
    });
    let out = run(["classify", arg(&path), "-q"], None);
    assert_refused(&out, &["row 2 after row 2"]);
}

/// Deflate data (one fixed-Huffman block) that inflates to `prefix`, then `spaces` spaces, then
/// `suffix`: 13 bits per 258 spaces, a ratio of about 158.
fn deflate_spaces(prefix: &[u8], spaces: u64, suffix: &[u8]) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, count: u32) {
            self.acc |= value << self.n;
            self.n += count;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code, most significant bit first.
        fn code(&mut self, code: u32, len: u32) {
            let mut reversed = 0u64;
            for i in 0..len {
                reversed |= u64::from((code >> i) & 1) << (len - 1 - i);
            }
            self.put(reversed, len);
        }
        fn literal(&mut self, byte: u8) {
            match byte {
                0..=143 => self.code(0x30 + u32::from(byte), 8),
                _ => self.code(0x190 + u32::from(byte) - 144, 9),
            }
        }
    }
    let mut bits = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // final block
    bits.put(1, 2); // fixed Huffman codes
    prefix.iter().for_each(|b| bits.literal(*b));
    bits.literal(b' ');
    let mut left = spaces - 1;
    while left >= 258 {
        bits.code(0xC5, 8); // length 258 (code 285)
        bits.put(0, 5); // distance 1
        left -= 258;
    }
    (0..left).for_each(|_| bits.literal(b' '));
    suffix.iter().for_each(|b| bits.literal(*b));
    bits.code(0, 7); // end of block
    bits.put(0, 7);
    bits.out
}

/// CRC-32 (IEEE), bit by bit: for the small stored parts.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Writes a zip archive by hand: `(name, data, declared uncompressed size, deflated)` parts.
/// Declared sizes may lie; a stored part gets its CRC, a deflated one 0 (it is refused before
/// anything checks it).
fn write_raw_zip(path: &Path, parts: &[(&str, Vec<u8>, u64, bool)]) {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, size, deflated) in parts {
        let crc = if *deflated { 0 } else { crc32(data) };
        let offset = out.len() as u32;
        let method: u16 = if *deflated { 8 } else { 0 };
        let header = |sig: u32, central_entry: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central_entry {
                h.extend_from_slice(&20u16.to_le_bytes()); // made by
            }
            h.extend_from_slice(&20u16.to_le_bytes()); // needed
            h.extend_from_slice(&0x0800u16.to_le_bytes()); // UTF-8 names
            h.extend_from_slice(&method.to_le_bytes());
            h.extend_from_slice(&[0; 4]); // time, date
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&(*size as u32).to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central_entry {
                h.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
                h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend_from_slice(data);
        central.extend(header(0x0201_4b50, true));
    }
    let (start, len) = (out.len() as u32, central.len() as u32);
    out.extend(central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    fs::write(path, out).unwrap();
}

/// An XLSX archive whose shared-strings part is one string of `spaces` spaces (which calamine
/// would load whole), declaring `declared` as that part's size (`None`: its true size).
fn spaces_bomb(path: &Path, spaces: u64, declared: Option<u64>) {
    let (prefix, suffix) = (
        &br#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>"#[..],
        &b"</t></si></sst>"[..],
    );
    let bomb = deflate_spaces(prefix, spaces, suffix);
    let size = declared.unwrap_or(prefix.len() as u64 + spaces + suffix.len() as u64);
    let sheet = format!(
        r#"{SHEET_OPEN}<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>{SHEET_END}"#
    );
    let plain = |name, text: &str| (name, text.as_bytes().to_vec(), text.len() as u64, false);
    write_raw_zip(
        path,
        &[
            plain("[Content_Types].xml", CONTENT_TYPES),
            plain("_rels/.rels", RELS),
            plain("xl/workbook.xml", WORKBOOK),
            plain("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
            ("xl/sharedStrings.xml", bomb, size, true),
            plain("xl/worksheets/sheet1.xml", &sheet),
        ],
    );
}

/// Runs `digicat classify INPUT -q --lang LANG` with its address space limited to `limit_kb`,
/// so that a reader that inflated the bomb into memory would fail with an allocation error, not
/// exit 2.
fn run_limited(input: &Path, limit_kb: u64, lang: &str) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {limit_kb} && exec \"$0\" classify \"$1\" -q --lang {lang}"
        ))
        .arg(env!("CARGO_BIN_EXE_digicat"))
        .arg(input)
        .output()
        .expect("sh runs")
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("炸弹.xlsx");
    // 600 MiB of spaces in 3.8 MB of deflate data, under a 400 MiB address-space limit.
    let spaces = 600 << 20;
    spaces_bomb(&path, spaces, None);
    assert!(fs::metadata(&path).unwrap().len() < 5 << 20);
    let started = Instant::now();
    let out = run_limited(&path, 400 << 10, "en");
    assert_refused(
        &out,
        &[
            "part \"xl/sharedStrings.xml\" of the workbook would inflate",
            "疑似压缩炸弹",
            "629,145,", // the declared size, 629,145,6xx bytes
            "158×",
            "export the sheet as CSV",
        ],
    );
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    let out = run_limited(&path, 400 << 10, "zh");
    assert_refused(&out, &["部件“xl/sharedStrings.xml”", "疑似压缩炸弹", "158"]);
    assert_chinese(&stderr(&out), &[arg(&path)]);
    assert_output_untouched(&path);

    // The same part declaring a small size: the zip reader stops at the declared size, and the
    // workbook is refused as unreadable, without inflating the rest.
    spaces_bomb(&path, spaces, Some(1000));
    let out = run_limited(&path, 400 << 10, "en");
    assert_refused(
        &out,
        &["cannot read", "larger than its declared uncompressed size"],
    );
    let out = run_limited(&path, 400 << 10, "zh");
    assert_refused(&out, &["无法读取", "内容无法解析"]);
    assert_chinese(&stderr(&out), &[arg(&path)]);
}

#[test]
fn a_normal_sheet_is_read_as_before_with_gaps_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("名录.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("名录").unwrap();
    // The table starts at B3; rows 5 and 6 are missing; a formatted empty cell lies outside.
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2021, 3, 15).unwrap();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_string(2, 1, "企业名称").unwrap();
    sheet.write_string(2, 2, "行业代码").unwrap();
    sheet.write_string(2, 3, "经营范围").unwrap();
    sheet.write_string(2, 4, "成立日期").unwrap();
    sheet.write_string(2, 5, "在营").unwrap();
    sheet.write_string(3, 1, "甲公司").unwrap();
    sheet.write_number(3, 2, 6513).unwrap();
    sheet.write_string(3, 3, "应用软件开发").unwrap();
    sheet
        .write_datetime_with_format(3, 4, &date, &date_format)
        .unwrap();
    sheet.write_boolean(3, 5, true).unwrap();
    sheet.write_string(6, 1, "乙公司").unwrap();
    sheet.write_number(6, 2, 6513.5).unwrap();
    sheet.write_number(6, 3, -0.25).unwrap();
    sheet.write_boolean(6, 5, false).unwrap();
    sheet
        .write_blank(9, 8, &rust_xlsxwriter::Format::new().set_bold())
        .unwrap();
    book.save(&path).unwrap();

    // What the sheet held as calamine loaded it whole (the reading before streaming).
    let mut whole: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let range = calamine::Reader::worksheet_range(&mut whole, "名录").unwrap();
    let mut expected: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(expected.len(), 5, "rows 3 to 7 of the sheet");
    assert_eq!(
        expected[1][3], "44270",
        "calamine prints dates as their serial number"
    );
    // digicat writes dates as ISO dates instead; every other cell as calamine prints it.
    expected[1][3] = "2021-03-15".into();

    let out = run(["classify", arg(&path), "-q"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = table(&out.stdout, b',');
    assert_eq!(
        rows.len(),
        expected.len(),
        "every row of the used range, blank or not"
    );
    for (got, want) in rows.iter().zip(&expected) {
        assert_eq!(&got[..want.len()], &want[..]);
    }
    let out = run(["classify", arg(&path), "-q", "--format", "jsonl"], None);
    let lines: Vec<u64> = jsonl(&stdout(&out))
        .iter()
        .map(|o| o["line"].as_u64().unwrap())
        .collect();
    assert_eq!(
        lines,
        [4, 5, 6, 7],
        "sheet row numbers, the gap kept in place"
    );
}

#[test]
fn merged_cells_fill_down_not_across() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("合并.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("名录").unwrap();
    let merged = rust_xlsxwriter::Format::new();
    // Header: 行业 spans two columns (a heading over 代码 and a blank column).
    sheet.write_string(0, 0, "企业名称").unwrap();
    sheet.merge_range(0, 1, 0, 2, "行业代码", &merged).unwrap();
    sheet.write_string(0, 3, "镇街").unwrap();
    sheet.write_string(0, 4, "经营范围").unwrap();
    sheet.write_string(0, 5, "备注").unwrap();
    for (r, name) in ["甲公司", "乙公司", "丙公司", "丁公司"].iter().enumerate() {
        sheet.write_string(r as u32 + 1, 0, *name).unwrap();
        sheet.write_number(r as u32 + 1, 1, 6513).unwrap();
    }
    // 东城街道 over rows 2 to 4; a scope merged across two columns in row 5.
    sheet.merge_range(1, 3, 3, 3, "东城街道", &merged).unwrap();
    sheet.write_string(4, 3, "南城街道").unwrap();
    sheet
        .merge_range(1, 4, 1, 5, "应用软件开发", &merged)
        .unwrap();
    book.save(&path).unwrap();

    let out = run(["classify", arg(&path), "-q", "--format", "jsonl"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let objects = jsonl(&stdout(&out));
    let towns: Vec<&str> = objects
        .iter()
        .map(|o| o["input"]["镇街"].as_str().unwrap())
        .collect();
    assert_eq!(towns, ["东城街道", "东城街道", "东城街道", "南城街道"]);
    // Across: the heading stays in its first column; the next column has no name and no value.
    let first = &objects[0]["input"];
    assert_eq!(first["行业代码"], "6513");
    assert_eq!(first["column_3"], "");
    assert_eq!(first["经营范围"], "应用软件开发");
    assert_eq!(first["备注"], "");
}

#[test]
fn an_ods_workbook_is_still_loaded_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("名录.ods");
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="名录"><table:table-row><table:table-cell office:value-type="string"><text:p>行业代码</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>经营范围</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="6513"><text:p>6513</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>应用软件开发</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>"#).unwrap();
    zip.finish().unwrap();

    let out = run(["classify", arg(&path), "-q", "--format", "jsonl"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let objects = jsonl(&stdout(&out));
    assert_eq!(objects.len(), 1);
    assert_eq!(objects[0]["line"], 2);
    assert_eq!(objects[0]["input"]["行业代码"], "6513");
    assert_eq!(objects[0]["input"]["经营范围"], "应用软件开发");
    // From standard input too (gathered in memory).
    let out = run(["classify", "-", "-q"], Some(&fs::read(&path).unwrap()));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(table(&out.stdout, b',').len(), 2);
}
