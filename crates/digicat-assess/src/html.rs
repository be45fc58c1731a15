//! The self-contained HTML report: Chinese, printable, inline SVG charts, no JavaScript and
//! nothing fetched from the network.

use crate::evaluate::{Outcome, Verdict};
use crate::report::{label_zh, EnterpriseRow, Report};
use crate::score::range_text;
use std::fmt::Write as _;

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn num(v: Option<f64>) -> String {
    match v {
        None => "—".to_owned(),
        Some(v) => {
            let s = format!("{v:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        }
    }
}

fn colour(v: Verdict) -> &'static str {
    match v {
        Verdict::Met => "#2e7d32",
        Verdict::NotMet => "#c62828",
        Verdict::Undetermined => "#ef6c00",
        Verdict::NotComputable => "#757575",
    }
}

/// One progress bar: confirmed value and range against the threshold.
fn progress(o: &Outcome) -> String {
    let (w, h) = (240.0, 18.0);
    // A target that is listed, not computed, has no progress to show.
    let Some(t) = o
        .threshold
        .filter(|t| *t > 0.0 && o.verdict != Verdict::NotComputable)
    else {
        return String::new();
    };
    let v = o.value.as_ref();
    let low = v.and_then(|v| v.confirmed).unwrap_or(0.0);
    let high = v.and_then(|v| v.with_review);
    // Scale: the threshold sits at 2/3 of the width; values beyond are clipped.
    let scale = |x: f64| (x / t * (w * 2.0 / 3.0)).clamp(0.0, w);
    let mut s = format!(
        r##"<svg class="bar" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="进度"><rect x="0" y="3" width="{w}" height="12" fill="#eeeeee"/>"##
    );
    let high_x = high.map_or(w, scale);
    let _ = write!(
        s,
        r##"<rect x="0" y="3" width="{high_x:.1}" height="12" fill="{}" opacity="0.3"/>"##,
        colour(o.verdict)
    );
    let _ = write!(
        s,
        r##"<rect x="0" y="3" width="{:.1}" height="12" fill="{}"/>"##,
        scale(low),
        colour(o.verdict)
    );
    let tx = w * 2.0 / 3.0;
    let _ = write!(
        s,
        r##"<line x1="{tx:.1}" y1="0" x2="{tx:.1}" y2="{h}" stroke="#000" stroke-width="2"/></svg>"##
    );
    s
}

/// The 统计范围 cell: who is counted and by which catalogue (`szjj-2021 · szjj:core`).
fn population(o: &Outcome) -> String {
    match o.catalogue {
        None if o.population == "-" => "—".to_owned(),
        None => esc(&o.population_zh),
        Some(c) => format!(
            "{}<div class=\"small\">口径：{} · {}</div>",
            esc(&o.population_zh),
            esc(c),
            esc(&o.population)
        ),
    }
}

const PALETTE: [&str; 10] = [
    "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#c62828", "#558b2f", "#4e342e",
    "#ad1457", "#9e9e9e",
];

/// Industry composition of a park: counts of in_scope enterprises by industry (first industry).
fn composition(rows: &[&EnterpriseRow]) -> String {
    let names: Vec<&str> = digicat::industries().iter().map(|i| i.name()).collect();
    let mut counts = vec![0usize; names.len() + 1];
    for e in rows {
        if e.status != "in_scope" {
            continue;
        }
        let first = e
            .industries
            .split(',')
            .next()
            .and_then(|i| i.parse::<usize>().ok());
        match first {
            Some(i) if (1..=names.len()).contains(&i) => counts[i - 1] += 1,
            _ => counts[names.len()] += 1,
        }
    }
    let total: usize = counts.iter().sum();
    if total == 0 {
        return "<p>（无目录内企业）</p>".to_owned();
    }
    let (w, bar_h) = (560.0, 16.0);
    let shown: Vec<(usize, usize)> = counts
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, c)| *c > 0)
        .collect();
    let h = 8.0 + shown.len() as f64 * (bar_h + 6.0);
    let max = shown.iter().map(|(_, c)| *c).max().unwrap_or(1) as f64;
    let mut s = format!(
        r##"<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="产业构成">"##
    );
    for (row, (i, c)) in shown.iter().enumerate() {
        let y = 4.0 + row as f64 * (bar_h + 6.0);
        let label = names.get(*i).copied().unwrap_or("其他");
        let bw = (*c as f64 / max) * 240.0;
        let _ = write!(
            s,
            r##"<text x="0" y="{:.1}" font-size="12">{}. {}</text><rect x="300" y="{y:.1}" width="{bw:.1}" height="{bar_h}" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="12">{c} 家</text>"##,
            y + 12.0,
            i + 1,
            esc(label),
            PALETTE[*i % PALETTE.len()],
            305.0 + bw,
            y + 12.0
        );
    }
    s.push_str("</svg>");
    s
}

/// Revenue tiers of a park's enterprises (latest year).
fn tiers(rows: &[&EnterpriseRow]) -> String {
    let labels = [
        "不足 2000 万",
        "2000 万–1 亿",
        "1 亿–5 亿",
        "5 亿–10 亿",
        "10 亿以上",
        "缺失",
    ];
    let mut counts = [0usize; 6];
    for e in rows {
        let i = match e.revenue_latest_yuan {
            None => 5,
            Some(v) if v < 2e7 => 0,
            Some(v) if v < 1e8 => 1,
            Some(v) if v < 5e8 => 2,
            Some(v) if v < 1e9 => 3,
            Some(_) => 4,
        };
        counts[i] += 1;
    }
    let max = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let (w, h) = (560.0, 150.0);
    let mut s = format!(
        r##"<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="营收分档">"##
    );
    for (i, (label, c)) in labels.iter().zip(counts).enumerate() {
        let x = 10.0 + i as f64 * 90.0;
        let bh = c as f64 / max * 100.0;
        let _ = write!(
            s,
            r##"<rect x="{x:.1}" y="{:.1}" width="60" height="{bh:.1}" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="12" text-anchor="middle">{c}</text><text x="{:.1}" y="140" font-size="11" text-anchor="middle">{label}</text>"##,
            115.0 - bh,
            if i == 5 { "#9e9e9e" } else { "#1565c0" },
            x + 30.0,
            112.0 - bh,
            x + 30.0
        );
    }
    s.push_str("</svg>");
    s
}

/// Renders the report as one HTML page.
pub fn render(report: &Report) -> String {
    let mut s = String::new();
    s.push_str(
        r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>园区与集聚区评估报告</title>
<style>
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#212121;max-width:1500px}
h1{font-size:22px}h2{font-size:18px;border-bottom:2px solid #1565c0;padding-bottom:4px;margin-top:32px}h3{font-size:15px}
table{border-collapse:collapse;width:100%;font-size:12px;margin:8px 0}th,td{border:1px solid #bdbdbd;padding:3px 5px;vertical-align:top;text-align:left}
th{background:#e3f2fd}td.met,td.not_met,td.undetermined,td.not_computable,td.num{white-space:nowrap}.met{color:#2e7d32;font-weight:bold}.not_met{color:#c62828;font-weight:bold}.undetermined{color:#ef6c00;font-weight:bold}.not_computable{color:#757575}
.small{font-size:11px;color:#616161}.legend span{display:inline-block;margin-right:14px}
section{page-break-inside:avoid}@media print{body{margin:0}h2{page-break-before:auto}}
</style></head><body>
<h1>园区与集聚区评估报告</h1>
"#,
    );
    let r = &report.roster;
    let _ = write!(
        s,
        "<p>名册 {} 行，计入 {} 家企业；年份：{}；重复（按统一社会信用代码只计一次）：{} 行；无园区：{} 行；无法读取（保留为无效行，可能改变的结论记为无法判定）：{} 行。准则：{}。</p>",
        r.rows,
        r.counted,
        r.years.iter().map(u16::to_string).collect::<Vec<_>>().join("、"),
        r.duplicates.len(),
        r.without_park.len(),
        r.unread.len(),
        report.criteria_sets.iter().map(|c| esc(&c.id)).collect::<Vec<_>>().join("、")
    );
    s.push_str(r##"<p class="legend small"><span style="color:#2e7d32">■ 达到</span><span style="color:#c62828">■ 未达到</span><span style="color:#ef6c00">■ 无法判定（待复核企业或缺失数据可能改变结论）</span><span style="color:#757575">■ 不可计算</span>进度条：深色为已确认值，浅色为含待复核企业的上限，竖线为门槛。</p>"##);
    s.push_str("<h2>总览</h2><table><tr><th>范围</th><th>准则集</th><th>达到</th><th>未达到</th><th>无法判定</th><th>不可计算</th></tr>");
    for g in &report.groups {
        for set in &report.criteria_sets {
            let res: Vec<&Outcome> = g.results.iter().filter(|o| o.set == set.id).collect();
            if res.is_empty() {
                continue;
            }
            let n = |v: Verdict| res.iter().filter(|o| o.verdict == v).count();
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}</td><td class=\"met\">{}</td><td class=\"not_met\">{}</td><td class=\"undetermined\">{}</td><td class=\"not_computable\">{}</td></tr>",
                esc(&g.group),
                esc(&set.id),
                n(Verdict::Met),
                n(Verdict::NotMet),
                n(Verdict::Undetermined),
                n(Verdict::NotComputable)
            );
        }
    }
    s.push_str("</table>");
    if !report.scores.is_empty() {
        s.push_str("<h2>评分</h2><p class=\"small\">专家评分项取自评分表；可计算的指标按结论计分（达到得满分，未达到得 0 分，无法判定记为 0 至满分）；评分表中的分数优先。未评分时总分为区间。</p><table><tr><th>范围</th><th>准则集</th><th>得分</th><th>满分（各指标权重之和）</th><th>未评分指标</th></tr>");
        for sc in &report.scores {
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&sc.group),
                esc(&sc.set),
                range_text(sc.low, sc.high),
                sc.out_of,
                if sc.complete {
                    "无".to_owned()
                } else {
                    sc.missing
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join("、")
                }
            );
        }
        s.push_str("</table>");
    }
    for g in &report.groups {
        let _ = write!(
            s,
            "<section><h2>{}（{} 家企业）</h2>",
            esc(&g.group),
            g.enterprises
        );
        s.push_str("<table><tr><th>准则</th><th>条款与原文</th><th>统计范围（口径）</th><th>值（已确认 … 含待复核）</th><th>门槛</th><th>进度</th><th>结论</th><th>差距与说明</th></tr>");
        for o in &g.results {
            let v = o.value.as_ref();
            let value = match v {
                None => "—".to_owned(),
                Some(v) if v.with_review == v.confirmed => num(v.confirmed),
                Some(v) => format!(
                    "{} … {}",
                    num(v.confirmed),
                    v.with_review.map_or("无上限".to_owned(), |h| num(Some(h)))
                ),
            };
            let mut notes = o.gap.clone().map(|g| esc(&g)).unwrap_or_default();
            for n in &o.notes {
                let _ = write!(notes, "<div class=\"small\">{}</div>", esc(n));
            }
            if !o.missing.is_empty() {
                let _ = write!(
                    notes,
                    "<div class=\"small\">缺失或无法读取 {} 格：",
                    o.missing.len()
                );
                for m in o.missing.iter().take(8) {
                    let _ = write!(
                        notes,
                        "第{}行 {} {}；",
                        m.line,
                        esc(&m.name),
                        esc(&m.column)
                    );
                }
                notes.push_str("</div>");
            }
            let _ = write!(
                s,
                "<tr><td>{}<div class=\"small\">{}{}</div></td><td>{} {}<div class=\"small\">“{}”</div></td><td>{}</td><td class=\"num\">{} {}</td><td class=\"num\">{} {} {}</td><td>{}</td><td class=\"{}\">{}</td><td>{}{}</td></tr>",
                esc(&o.id),
                esc(&o.set),
                o.weight.map(|w| format!(" · 权重 {w}")).unwrap_or_default(),
                esc(&o.document),
                esc(&o.clause),
                esc(&o.quote),
                population(o),
                value,
                o.unit,
                esc(o.comparator.unwrap_or("")),
                num(o.threshold),
                o.unit,
                progress(o),
                o.verdict.as_str(),
                o.verdict.name_zh(),
                notes,
                // A park attribute or a target not computed counts no enterprise.
                if o.population == "-" {
                    String::new()
                } else {
                    format!(
                        "<div class=\"small\">计入 {} 家，待复核 {} 家</div>",
                        o.confirmed_lines.len(),
                        o.review_lines.len()
                    )
                }
            );
        }
        s.push_str("</table>");
        for sc in report.scores.iter().filter(|sc| sc.group == g.group) {
            let _ = write!(
                s,
                "<h3>评分明细（{}）：{} / {}</h3><table><tr><th>指标</th><th>权重</th><th>得分</th><th>来源</th><th>准则</th></tr>",
                esc(&sc.set),
                range_text(sc.low, sc.high),
                sc.out_of
            );
            for i in &sc.indicators {
                let _ = write!(
                    s,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    i.indicator,
                    i.weight,
                    range_text(i.low, i.high),
                    i.source_zh,
                    esc(&i.criteria.join("、"))
                );
            }
            s.push_str("</table>");
        }
        let rows: Vec<&EnterpriseRow> = report
            .enterprises
            .iter()
            .filter(|e| {
                e.counted
                    && (g.kind == "roster"
                        || e.park.as_deref() == Some(g.group.as_str())
                        || (r.park_column.is_none()))
            })
            .collect();
        s.push_str("<h3>产业构成（目录内企业，按所属产业）</h3>");
        s.push_str(&composition(&rows));
        s.push_str("<h3>营收分档（最近一年，全部企业）</h3>");
        s.push_str(&tiers(&rows));
        s.push_str("</section>");
    }
    let szjj = report.enterprises.iter().any(|e| e.szjj_status.is_some());
    s.push_str("<h2>企业明细</h2><table><tr><th>行</th><th>企业</th><th>园区</th><th>状态</th><th>产业</th><th>代码</th><th>最近一年营收（万元）</th><th>计入</th>");
    if szjj {
        s.push_str("<th>数字经济分类（szjj-2021）</th>");
    }
    s.push_str("</tr>");
    for e in &report.enterprises {
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
            e.line,
            esc(&e.name),
            esc(e.park.as_deref().unwrap_or("")),
            esc(label_zh(&e.status)),
            esc(label_zh(&e.reason)),
            esc(&e.industries),
            esc(e.code.as_deref().unwrap_or("")),
            num(e.revenue_latest_yuan.map(|v| v / 1e4)),
            match (e.counted, &e.error) {
                (true, _) => "是".to_owned(),
                (false, Some(why)) => format!("否（无法读取：{}）", esc(why)),
                (false, None) => "否（重复或跳过）".to_owned(),
            }
        );
        if szjj {
            let _ = write!(
                s,
                "<td>{} {} {}</td>",
                esc(label_zh(e.szjj_status.as_deref().unwrap_or(""))),
                esc(label_zh(e.szjj_reason.as_deref().unwrap_or(""))),
                esc(e.szjj_classes.as_deref().unwrap_or(""))
            );
        }
        s.push_str("</tr>");
    }
    s.push_str("</table><p class=\"small\">由 digicat assess 生成；比较词按《民法典》第一千二百五十九条读取：以上、以下、以内含本数，不满、超过不含本数。</p></body></html>\n");
    s
}
