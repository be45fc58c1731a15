//! `digicat assess` on the example roster: verdicts per park, JSON schema, HTML, bad input;
//! and the HTML report rendered in headless Chromium (screenshot non-blank, Chinese glyphs).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn assess(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_digicat"))
        .current_dir(root())
        .arg("assess")
        .args(args)
        .output()
        .unwrap()
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = assess(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

const ROSTER: &str = "data/examples/park_roster.csv";
const ATTRS: &str = "data/examples/park_attributes.tsv";

fn verdict<'a>(report: &'a serde_json::Value, group: &str, id: &str) -> &'a serde_json::Value {
    report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == group)
        .unwrap()["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap()
}

#[test]
fn the_example_roster_has_one_park_met_one_narrow_miss_one_undetermined() {
    let r = json(&[
        ROSTER,
        "--criteria",
        "pilot-park-2019",
        "--attr-file",
        ATTRS,
    ]);
    assert_eq!(r["schema"], "digicat-assess/1");
    assert_eq!(r["roster"]["duplicates"].as_array().unwrap().len(), 1);
    assert_eq!(r["roster"]["without_park"].as_array().unwrap().len(), 1);
    let verdicts = |park: &str| -> Vec<String> {
        ["enterprises", "space", "revenue_3y", "tech_staff", "tax"]
            .iter()
            .map(|id| {
                verdict(&r, park, id)["verdict"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    assert_eq!(
        verdicts("松湖智谷园"),
        ["met", "met", "met", "met", "not_computable"]
    );
    assert_eq!(
        verdicts("南城数港园"),
        ["met", "met", "not_met", "met", "not_computable"]
    );
    assert_eq!(
        verdict(&r, "南城数港园", "revenue_3y")["gap"],
        "差 2.4 亿元（须超过 100 亿元）"
    );
    assert_eq!(verdicts("滨海云谷园")[0], "undetermined");
    let e = verdict(&r, "滨海云谷园", "enterprises");
    assert_eq!(
        (
            e["value"]["confirmed"].as_f64(),
            e["value"]["with_review"].as_f64()
        ),
        (Some(28.0), Some(32.0))
    );
    assert_eq!(e["review_lines"].as_array().unwrap().len(), 4);
    let bad = verdict(&r, "东城软件园", "revenue_3y");
    assert!(bad["missing"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["raw"] == "约100"));
    // Every row is listed, none lost.
    assert_eq!(
        r["enterprises"].as_array().unwrap().len(),
        r["roster"]["rows"].as_u64().unwrap() as usize
    );
}

#[test]
fn the_summary_names_each_park_and_its_verdict() {
    let out = assess(&[
        ROSTER,
        "--criteria",
        "pilot-park-2019",
        "--attr-file",
        ATTRS,
    ]);
    let err = String::from_utf8(out.stderr).unwrap();
    for line in [
        "松湖智谷园 · pilot-park-2019: met",
        "南城数港园 · pilot-park-2019: not_met",
        "滨海云谷园 · pilot-park-2019: undetermined",
        "revenue_3y 未达到: 差 2.4 亿元",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
}

#[test]
fn the_other_reading_and_user_criteria() {
    let r = json(&[
        ROSTER,
        "--criteria",
        "pilot-park-2019",
        "--attr-file",
        ATTRS,
        "--reading",
        "pilot-park-2019.revenue_3y",
    ]);
    let v = verdict(&r, "松湖智谷园", "revenue_3y");
    assert_eq!(v["alternative_chosen"], true);
    assert_eq!(
        v["verdict"], "not_met",
        "the latest year alone is below 100 亿"
    );
    let out = assess(&[ROSTER, "--criteria", "no-such-policy"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown criteria"));
}

#[test]
fn bad_input_is_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("r.csv");
    std::fs::write(&csv, "企业名称,行业代码,园区,营业收入2023\na,6520,A,100\n").unwrap();
    let out = assess(&[csv.to_str().unwrap(), "--criteria", "pilot-park-2019"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no unit"));
    let ok = assess(&[
        csv.to_str().unwrap(),
        "--criteria",
        "pilot-park-2019",
        "--unit",
        "营业收入2023=万元",
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "id\tquote\nx\ty\n").unwrap();
    let out = assess(&[
        csv.to_str().unwrap(),
        "--criteria",
        bad.to_str().unwrap(),
        "--unit",
        "revenue=万元",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("header"));
    let out = assess(&[
        ROSTER,
        "--criteria",
        "pilot-park-2019",
        "--attr",
        "acreage=5",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown park attribute"));
}

#[test]
fn a_malformed_roster_record_is_kept_as_an_invalid_row() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(ROSTER)).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[4].push_str(",多余字段");
    let csv = dir.path().join("r.csv");
    std::fs::write(&csv, lines.join("\r\n")).unwrap();
    let out = assess(&[csv.to_str().unwrap(), "--criteria", "pilot-park-2019"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["roster"]["rows"], lines.len() - 1, "no row lost");
    assert_eq!(report["roster"]["unread"][0]["line"], 5);
    assert_eq!(report["roster"]["unread"][0]["reason"], "malformed_record");
    let row = &report["enterprises"][3];
    assert_eq!(
        (row["line"].as_u64(), row["status"].as_str()),
        (Some(5), Some("invalid"))
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("lines 5"));
}

#[test]
fn an_experts_score_sheet_completes_the_cluster_total() {
    let dir = tempfile::tempdir().unwrap();
    // A GBK CSV with CRLF, as Excel saves it on a Chinese Windows.
    let mut text = "园区,指标,得分\r\n".to_owned();
    for i in [2, 3, 4, 5, 7, 8, 9, 11, 17, 18, 20, 21, 22, 23, 24, 25] {
        text.push_str(&format!("*,{i},1\r\n"));
    }
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let sheet = dir.path().join("评分.csv");
    std::fs::write(&sheet, gbk).unwrap();
    let report = json(&[
        ROSTER,
        "--criteria",
        "cluster-2021",
        "--attr-file",
        ATTRS,
        "--scores",
        sheet.to_str().unwrap(),
    ]);
    let scores = report["scores"].as_array().unwrap();
    assert_eq!(scores.len(), 4, "one per park");
    for s in scores {
        assert_eq!(s["out_of"], 98);
        for i in s["indicators"].as_array().unwrap() {
            if i["source"] == "sheet" {
                assert_eq!(i["low"], 1.0);
            }
        }
        // Every expert indicator is scored; what remains open is undetermined computed ones.
        for m in s["missing"].as_array().unwrap() {
            assert!(![2, 3, 25].contains(&m.as_u64().unwrap()));
        }
    }
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "指标,得分\n2,9\n").unwrap();
    let out = assess(&[
        ROSTER,
        "--criteria",
        "cluster-2021",
        "--scores",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("第 2 行：指标 2 得分 9 超过其权重 3"));
}

/// The headless browser: `$CHROMIUM`, else `chromium` on the PATH.
fn chromium() -> Option<String> {
    let candidates = [
        std::env::var("CHROMIUM").ok(),
        Some("chromium".into()),
        Some("chromium-browser".into()),
    ];
    candidates.into_iter().flatten().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn the_html_report_renders_in_headless_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let out = assess(&[
        ROSTER,
        "--criteria",
        "pilot-park-2019,cluster-2021",
        "--attr-file",
        ATTRS,
        "-o",
        html.to_str().unwrap(),
        "-q",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<svg") && page.contains("园区与集聚区评估报告"));
    assert!(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"));
    let Some(browser) = chromium() else {
        if std::env::var_os("DIGICAT_REQUIRE_CHROMIUM").is_some() {
            panic!("chromium not found and DIGICAT_REQUIRE_CHROMIUM is set");
        }
        eprintln!("skipped: chromium not installed (make test-assess-html installs it)");
        return;
    };
    let png = dir.path().join("shot.png");
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--window-size=1200,1600",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(
        png.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let keep = root().join("target/assess-report.png");
    let _ = std::fs::copy(&png, &keep);
    let (pixels, _) = decode_png(&std::fs::read(&png).unwrap());
    // Non-blank: many pixels differ from white; colours of the verdicts are present.
    let dark = pixels
        .chunks(3)
        .filter(|p| p.iter().all(|c| *c < 100))
        .count();
    assert!(dark > 5_000, "page looks blank ({dark} dark pixels)");
    let green = pixels
        .chunks(3)
        .filter(|p| p[1] > 100 && p[0] < 80 && p[2] < 80)
        .count();
    assert!(green > 500, "no green bars ({green})");
    // Chinese renders: four different characters at 64 px, each a full-width 64 px cell; real
    // glyphs differ from one another, missing-glyph boxes (tofu) are all alike.
    let probe = dir.path().join("probe.html");
    std::fs::write(&probe, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0;font-size:64px;line-height:1\">园区评估</body></html>").unwrap();
    let out_png = dir.path().join("probe.png");
    let p = tempfile::tempdir().unwrap();
    Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=800,300",
        ])
        .arg(format!("--user-data-dir={}", p.path().display()))
        .arg(format!("--screenshot={}", out_png.display()))
        .arg(format!("file://{}", probe.display()))
        .output()
        .unwrap();
    let (probe_pixels, probe_width) = decode_png(&std::fs::read(out_png).unwrap());
    let cell = |i: usize| -> Vec<bool> {
        let mut bits = Vec::new();
        for y in 0..64 {
            for x in i * 64..(i + 1) * 64 {
                let p = &probe_pixels[(y * probe_width + x) * 3..(y * probe_width + x) * 3 + 3];
                bits.push(p.iter().all(|v| *v < 128));
            }
        }
        bits
    };
    let cells: Vec<Vec<bool>> = (0..4).map(cell).collect();
    for (i, c) in cells.iter().enumerate() {
        let ink = c.iter().filter(|b| **b).count();
        assert!(
            ink > 150,
            "character {i} drew nothing ({ink} px): install fonts-noto-cjk"
        );
    }
    for i in 0..4 {
        for j in i + 1..4 {
            assert_ne!(
                cells[i], cells[j],
                "characters {i} and {j} look alike: missing-glyph boxes? install fonts-noto-cjk"
            );
        }
    }
}

/// Decodes an 8-bit RGB/RGBA PNG into RGB bytes (enough for Chromium's screenshots).
fn decode_png(bytes: &[u8]) -> (Vec<u8>, usize) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let (mut pos, mut width, mut height, mut colour, mut idat) =
        (8, 0usize, 0usize, 0u8, Vec::new());
    while pos + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[pos..pos + 4].try_into().unwrap()) as usize;
        let kind = &bytes[pos + 4..pos + 8];
        let data = &bytes[pos + 8..pos + 8 + len];
        match kind {
            b"IHDR" => {
                width = u32::from_be_bytes(data[0..4].try_into().unwrap()) as usize;
                height = u32::from_be_bytes(data[4..8].try_into().unwrap()) as usize;
                assert_eq!(data[8], 8, "bit depth");
                colour = data[9];
            }
            b"IDAT" => idat.extend_from_slice(data),
            _ => {}
        }
        pos += 12 + len;
    }
    let raw = inflate(&idat);
    let bpp = match colour {
        2 => 3,
        6 => 4,
        other => panic!("PNG colour type {other}"),
    };
    let stride = width * bpp;
    let mut prev = vec![0u8; stride];
    let mut out = Vec::with_capacity(width * height * 3);
    for y in 0..height {
        let line = &raw[y * (stride + 1)..(y + 1) * (stride + 1)];
        let filter = line[0];
        let mut cur = line[1..].to_vec();
        for i in 0..stride {
            let a = if i >= bpp { cur[i - bpp] as i32 } else { 0 };
            let b = prev[i] as i32;
            let c = if i >= bpp { prev[i - bpp] as i32 } else { 0 };
            let add = match filter {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                4 => {
                    let p = a + b - c;
                    let (pa, pb, pc) = ((p - a).abs(), (p - b).abs(), (p - c).abs());
                    if pa <= pb && pa <= pc {
                        a
                    } else if pb <= pc {
                        b
                    } else {
                        c
                    }
                }
                f => panic!("filter {f}"),
            };
            cur[i] = (cur[i] as i32 + add) as u8;
        }
        for px in cur.chunks(bpp) {
            out.extend_from_slice(&px[..3]);
        }
        prev = cur;
    }
    (out, width)
}

/// zlib inflate.
fn inflate(data: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(data)
        .read_to_end(&mut out)
        .unwrap();
    out
}

#[test]
fn the_xlsx_report_has_a_sheet_per_park_and_the_enterprises() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.xlsx");
    let out = assess(&[
        ROSTER,
        "--criteria",
        "pilot-park-2019",
        "--attr-file",
        ATTRS,
        "-o",
        path.to_str().unwrap(),
        "-q",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "总览",
            "松湖智谷园",
            "南城数港园",
            "滨海云谷园",
            "东城软件园",
            "企业"
        ]
    );
    let park = book.worksheet_range("南城数港园").unwrap();
    let row = park
        .rows()
        .find(|r| r[1] == Data::String("revenue_3y".into()))
        .unwrap();
    assert_eq!(row[6], Data::Float(97.6));
    assert_eq!(row[11], Data::String("未达到".into()));
    assert_eq!(
        row[12],
        Data::String("差 2.4 亿元（须超过 100 亿元）".into())
    );
    let firms = book.worksheet_range("企业").unwrap();
    assert_eq!(firms.height(), 273, "header + every row");
    let first = firms.rows().nth(1).unwrap();
    assert!(first[10].to_string().contains("pilot-park-2019.revenue_3y"));
}

const DE_ROSTER: &str = "tests/assess/digital-economy-roster.csv";

#[test]
fn the_digital_economy_targets_count_by_szjj_and_gbt_and_say_so() {
    let r = json(&[DE_ROSTER, "--criteria", "digital-economy-2025", "-q"]);
    assert_eq!(r["schema"], "digicat-assess/1");
    // The hand-computed values of crates/digicat-assess/tests/digital_economy.rs.
    let core = verdict(&r, "全部名册", "core_scale");
    assert_eq!(core["population"], "szjj:core");
    assert_eq!(core["catalogue"], "szjj-2021");
    assert_eq!(core["value"]["confirmed"], 12800.0);
    assert_eq!(core["value"]["with_review"], 13100.0);
    assert_eq!(core["verdict"], "undetermined");
    let ic = verdict(&r, "全部名册", "ic_revenue");
    assert_eq!(ic["population"], "szjj:010508,030401");
    assert_eq!(ic["review_lines"], serde_json::json!([10]));
    assert_eq!(ic["verdict"], "undetermined");
    let el = verdict(&r, "全部名册", "electronics_revenue");
    assert_eq!(
        (el["catalogue"].as_str(), el["verdict"].as_str()),
        (Some("gbt-4754"), Some("met"))
    );
    let sw = verdict(&r, "全部名册", "software_revenue");
    assert_eq!(sw["gap"], "差 30 亿元");
    let racks = verdict(&r, "全部名册", "racks");
    assert_eq!(racks["verdict"], "not_computable");
    assert_eq!(racks["threshold"], 90000.0);
    assert_eq!(racks["catalogue"], serde_json::Value::Null);
    // Every record carries its szjj-2021 answer: the 397 record is needs_review with candidates.
    let e = &r["enterprises"][8];
    assert_eq!(e["szjj_status"], "needs_review");
    assert!(e["szjj_classes"].as_str().unwrap().contains("010508"));
    // The other reading: + 010507 makes the IC target met.
    let r = json(&[
        DE_ROSTER,
        "--criteria",
        "digital-economy-2025",
        "--reading",
        "digital-economy-2025.ic_revenue",
        "-q",
    ]);
    assert_eq!(verdict(&r, "全部名册", "ic_revenue")["verdict"], "met");
}

#[test]
fn dongguan_criteria_name_their_population_and_do_not_classify_by_szjj() {
    let r = json(&[
        ROSTER,
        "--criteria",
        "pilot-park-2019",
        "--attr-file",
        ATTRS,
    ]);
    let o = verdict(&r, "松湖智谷园", "enterprises");
    assert_eq!(o["population"], "in_scope");
    assert_eq!(o["catalogue"], "dongguan-2019");
    assert!(o["population_zh"]
        .as_str()
        .unwrap()
        .contains("东莞市数字产业集聚试点园区"));
    let space = verdict(&r, "松湖智谷园", "space");
    assert_eq!(
        (space["population"].as_str(), &space["catalogue"]),
        (Some("-"), &serde_json::Value::Null)
    );
    assert!(r["enterprises"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e.get("szjj_status").is_none()));
}

#[test]
fn the_digital_economy_html_and_summary_show_the_population() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("de.html");
    let out = assess(&[
        DE_ROSTER,
        "--criteria",
        "digital-economy-2025",
        "-o",
        html.to_str().unwrap(),
        "--lang",
        "zh",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("digital-economy-2025 统计范围：数字经济核心产业（《数字经济及其核心产业统计分类（2021）》01–04 大类）；GB/T 4754 大类 39"),
        "{stderr}"
    );
    assert!(stderr.contains("ic_revenue 无法判定"), "{stderr}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<th>统计范围（口径）</th>"));
    assert!(page.contains("口径：szjj-2021 · szjj:core"));
    assert!(page.contains("口径：gbt-4754 · gbt:39"));
    assert!(page.contains("<th>数字经济分类（szjj-2021）</th>"));
    assert!(page.contains("需人工复核 行业代码不到小类 010506,010507,010508"));
    // Targets that count no enterprise (21 not computable here) say nothing of counted firms,
    // and values and thresholds are not broken over lines.
    assert!(!page.contains("计入 0 家，待复核 0 家"), "{page}");
    assert!(
        page.contains("<td class=\"num\">&gt; 13000 亿元</td>"),
        "{page}"
    );
}

#[test]
fn the_digital_economy_xlsx_has_the_population_and_the_szjj_answers() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("de.xlsx");
    let out = assess(&[
        DE_ROSTER,
        "--criteria",
        "digital-economy-2025",
        "-o",
        path.to_str().unwrap(),
        "-q",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let sheet = book.worksheet_range("全部名册").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        &header[18..],
        ["统计范围", "统计口径（分类目录）", "统计范围代码"]
    );
    let row = sheet
        .rows()
        .find(|r| r[1] == Data::String("ic_revenue".into()))
        .unwrap();
    assert_eq!(
        (row[6].clone(), row[7].clone()),
        (Data::Float(750.0), Data::Float(850.0))
    );
    assert_eq!(row[19], Data::String("szjj-2021".into()));
    assert_eq!(row[20], Data::String("szjj:010508,030401".into()));
    let firms = book.worksheet_range("企业").unwrap();
    let header: Vec<String> = firms
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        &header[12..],
        ["数字经济状态", "数字经济原因", "数字经济小类"]
    );
    let coarse = firms.rows().nth(9).unwrap();
    assert_eq!(coarse[12], Data::String("需人工复核".into()));
    assert_eq!(coarse[13], Data::String("行业代码不到小类".into()));
}
