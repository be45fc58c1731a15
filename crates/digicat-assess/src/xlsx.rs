//! The XLSX report: a 总览 sheet, one sheet per park (or the whole roster) with every criterion,
//! and an 企业 sheet with every row and the criteria it contributes to.

use crate::report::{label_zh, Report};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::collections::BTreeMap;
use std::path::Path;

/// A sheet name Excel accepts (≤ 31 characters, none of `[]:*?/\`), unique among `taken`.
fn sheet_name(name: &str, taken: &mut Vec<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(28)
        .collect();
    let clean = if clean.trim().is_empty() {
        "园区".to_owned()
    } else {
        clean
    };
    let mut candidate = clean.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        candidate = format!("{clean}_{n}");
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

/// Writes the report as an XLSX workbook at `path`.
pub fn write(report: &Report, path: &Path) -> Result<(), XlsxError> {
    workbook(report)?.save(path)
}

/// Writes the workbook of `report` to `out` (a file opened by the caller, e.g. a temporary file
/// renamed into place once complete).
pub fn write_to<W: std::io::Write + std::io::Seek + Send>(
    report: &Report,
    out: W,
) -> Result<(), XlsxError> {
    workbook(report)?.save_to_writer(out)
}

fn workbook(report: &Report) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let mut taken = vec!["总览".to_owned(), "企业".to_owned()];

    let overview = book.add_worksheet();
    overview.set_name("总览")?;
    let head = ["范围", "准则集", "达到", "未达到", "无法判定", "不可计算"];
    for (c, h) in head.iter().enumerate() {
        overview.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let mut row = 1u32;
    for g in &report.groups {
        for set in &report.criteria_sets {
            let res: Vec<_> = g.results.iter().filter(|o| o.set == set.id).collect();
            if res.is_empty() {
                continue;
            }
            overview.write_string(row, 0, &g.group)?;
            overview.write_string(row, 1, &set.id)?;
            for (c, v) in ["met", "not_met", "undetermined", "not_computable"]
                .iter()
                .enumerate()
            {
                let n = res.iter().filter(|o| o.verdict.as_str() == *v).count();
                overview.write_number(row, 2 + c as u16, n as f64)?;
            }
            row += 1;
        }
    }
    if !report.scores.is_empty() {
        taken.push("评分".to_owned());
        let sheet = book.add_worksheet();
        sheet.set_name("评分")?;
        let head = [
            "范围",
            "准则集",
            "指标",
            "权重",
            "最低得分",
            "最高得分",
            "来源",
            "准则",
        ];
        for (c, h) in head.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        let mut row = 1u32;
        for sc in &report.scores {
            for i in &sc.indicators {
                sheet.write_string(row, 0, &sc.group)?;
                sheet.write_string(row, 1, &sc.set)?;
                sheet.write_number(row, 2, f64::from(i.indicator))?;
                sheet.write_number(row, 3, f64::from(i.weight))?;
                sheet.write_number(row, 4, i.low)?;
                sheet.write_number(row, 5, i.high)?;
                sheet.write_string(row, 6, i.source_zh)?;
                sheet.write_string(row, 7, i.criteria.join(","))?;
                row += 1;
            }
            sheet.write_string_with_format(row, 0, &sc.group, &bold)?;
            sheet.write_string_with_format(row, 1, &sc.set, &bold)?;
            sheet.write_string_with_format(row, 2, "合计", &bold)?;
            sheet.write_number_with_format(row, 3, f64::from(sc.out_of), &bold)?;
            sheet.write_number_with_format(row, 4, sc.low, &bold)?;
            sheet.write_number_with_format(row, 5, sc.high, &bold)?;
            row += 1;
        }
    }

    let columns = [
        "准则集",
        "编号",
        "文件",
        "条款",
        "指标",
        "原文",
        "已确认值",
        "含待复核值",
        "单位",
        "比较",
        "门槛",
        "结论",
        "差距",
        "权重",
        "计入企业数",
        "待复核企业数",
        "缺失格数",
        "说明",
        "统计范围",
        "统计口径（分类目录）",
        "统计范围代码",
    ];
    for g in &report.groups {
        let name = sheet_name(&g.group, &mut taken);
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        for (c, h) in columns.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        for (i, o) in g.results.iter().enumerate() {
            let r = i as u32 + 1;
            sheet.write_string(r, 0, &o.set)?;
            sheet.write_string(r, 1, &o.id)?;
            sheet.write_string(r, 2, &o.document)?;
            sheet.write_string(r, 3, &o.clause)?;
            if let Some(ind) = o.indicator {
                sheet.write_number(r, 4, f64::from(ind))?;
            }
            sheet.write_string(r, 5, &o.quote)?;
            if let Some(v) = &o.value {
                if let Some(x) = v.confirmed {
                    sheet.write_number(r, 6, x)?;
                }
                match v.with_review {
                    Some(x) => sheet.write_number(r, 7, x)?,
                    None => sheet.write_string(r, 7, "无上限")?,
                };
            }
            sheet.write_string(r, 8, o.unit)?;
            sheet.write_string(r, 9, o.comparator.unwrap_or(""))?;
            if let Some(t) = o.threshold {
                sheet.write_number(r, 10, t)?;
            }
            sheet.write_string(r, 11, o.verdict_zh)?;
            sheet.write_string(r, 12, o.gap.as_deref().unwrap_or(""))?;
            if let Some(w) = o.weight {
                sheet.write_number(r, 13, f64::from(w))?;
            }
            sheet.write_number(r, 14, o.confirmed_lines.len() as f64)?;
            sheet.write_number(r, 15, o.review_lines.len() as f64)?;
            sheet.write_number(r, 16, o.missing.len() as f64)?;
            sheet.write_string(r, 17, o.notes.join("；"))?;
            sheet.write_string(r, 18, &o.population_zh)?;
            sheet.write_string(r, 19, o.catalogue.unwrap_or(""))?;
            sheet.write_string(r, 20, &o.population)?;
        }
    }

    // Contributions: line → criteria it counts for (confirmed) or may count for (review).
    let mut confirmed: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    let mut review: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    for g in &report.groups {
        for o in &g.results {
            let key = format!("{}.{}", o.set, o.id);
            for l in &o.confirmed_lines {
                confirmed.entry(*l).or_default().push(key.clone());
            }
            for l in &o.review_lines {
                review.entry(*l).or_default().push(key.clone());
            }
        }
    }
    let sheet = book.add_worksheet();
    sheet.set_name("企业")?;
    let head = [
        "行",
        "企业名称",
        "统一社会信用代码",
        "园区",
        "状态",
        "原因",
        "产业",
        "行业代码",
        "最近一年营收（万元）",
        "计入",
        "计入的准则",
        "可能计入的准则（待复核或缺失）",
    ];
    for (c, h) in head.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    // The szjj-2021 answer, only when a criterion counted by it.
    let szjj = report.enterprises.iter().any(|e| e.szjj_status.is_some());
    if szjj {
        for (c, h) in ["数字经济状态", "数字经济原因", "数字经济小类"]
            .iter()
            .enumerate()
        {
            sheet.write_string_with_format(0, (head.len() + c) as u16, *h, &bold)?;
        }
    }
    for (i, e) in report.enterprises.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_number(r, 0, e.line as f64)?;
        sheet.write_string(r, 1, &e.name)?;
        sheet.write_string(r, 2, e.credit_code.as_deref().unwrap_or(""))?;
        sheet.write_string(r, 3, e.park.as_deref().unwrap_or(""))?;
        sheet.write_string(r, 4, label_zh(&e.status))?;
        sheet.write_string(r, 5, label_zh(&e.reason))?;
        sheet.write_string(r, 6, &e.industries)?;
        sheet.write_string(r, 7, e.code.as_deref().unwrap_or(""))?;
        if let Some(v) = e.revenue_latest_yuan {
            sheet.write_number(r, 8, v / 1e4)?;
        }
        sheet.write_string(
            r,
            9,
            if e.counted {
                "是"
            } else {
                "否（重复或跳过）"
            },
        )?;
        sheet.write_string(
            r,
            10,
            confirmed
                .get(&e.line)
                .map(|v| v.join("，"))
                .unwrap_or_default(),
        )?;
        sheet.write_string(
            r,
            11,
            review
                .get(&e.line)
                .map(|v| v.join("，"))
                .unwrap_or_default(),
        )?;
        if szjj {
            let first = head.len() as u16;
            let status = e.szjj_status.as_deref().map(label_zh);
            let reason = e.szjj_reason.as_deref().map(label_zh);
            for (c, v) in [status, reason, e.szjj_classes.as_deref()]
                .into_iter()
                .enumerate()
            {
                sheet.write_string(r, first + c as u16, v.unwrap_or(""))?;
            }
        }
    }
    Ok(book)
}
