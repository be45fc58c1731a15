#!/usr/bin/env python3
"""Writes data/examples/park_roster.csv and park_attributes.tsv: a FICTIONAL roster of four
parks with three years of figures (no real enterprise, park or figure). Deterministic: the same
output on every run (`python3 data/examples/gen_park_roster.py`; `make demo-assess` checks it is
up to date).

Built so that, against pilot-park-2019 with park_attributes.tsv:
- 松湖智谷园 meets every computable criterion;
- 南城数港园 misses narrowly: three-year digital revenue 97.6 亿元 (超过 100 亿 needed);
- 滨海云谷园 is undetermined: 28 confirmed catalogue enterprises and 4 still needs_review
  (30家以上 depends on them), and two revenue cells missing;
- 东城软件园 is small and misses; it also holds unreadable cells (约100, N/A), a duplicate
  统一社会信用代码, and one more row has no park at all.
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["企业名称", "统一社会信用代码", "园区", "行业代码", "经营范围",
          "营业收入2021（万元）", "营业收入2022（万元）", "营业收入2023（万元）",
          "从业人员", "技术人员", "本科及以上人数", "研发费用（万元）", "规上", "主板上市", "平台类型", "入驻日期"]
# (code, 经营范围) of catalogue enterprises (in_scope), review ones, and others.
IN_SCOPE = [("6520", "信息系统集成服务"), ("6432", "互联网平台服务"), ("6434", "互联网安全服务"),
            ("6513", "计算机视听觉软件；软件开发"), ("6421", "互联网接入服务"), ("6440", "互联网数据服务")]
REVIEW = ("6513", "软件开发")
OTHERS = [("3911", "计算机整机制造"), ("7320", "工程和技术研究和试验发展"), ("3971", "电子元件制造"),
          ("5191", "贸易代理")]
# park: (catalogue firms, review firms, other firms, 3-year catalogue revenue in 万元, staff per firm)
PARKS = [
    ("松湖智谷园", 36, 0, 50, 1_320_000, 330),
    ("南城数港园", 32, 0, 45, 976_000, 340),
    ("滨海云谷园", 28, 4, 40, 1_150_000, 400),
    ("东城软件园", 15, 0, 20, 180_000, 120),
]
WORDS = "云智数联网信创达科汇星启航瑞博通远华致新源"


def name(rng, i):
    return "".join(rng.choice(WORDS) for _ in range(3)) + ["科技", "信息", "软件", "数据", "电子"][i % 5] + "有限公司（虚构）"


def main():
    rng = random.Random(20190730)
    rows = []
    serial = 0
    for park, n_in, n_review, n_other, target, staff in PARKS:
        kinds = ["in"] * n_in + ["review"] * n_review + ["other"] * n_other
        weights = [rng.randint(5, 100) for _ in kinds]
        in_weights = sum(w for w, k in zip(weights, kinds) if k == "in")
        for idx, (kind, w) in enumerate(zip(kinds, weights)):
            serial += 1
            code, scope = (IN_SCOPE[idx % len(IN_SCOPE)] if kind == "in" else REVIEW if kind == "review"
                           else OTHERS[idx % len(OTHERS)])
            if kind == "in":
                three = target * w // in_weights
            else:
                three = w * 300
            y21, y22 = three * 28 // 100, three * 33 // 100
            y23 = three - y21 - y22
            emp = staff + rng.randint(0, 80) if kind != "other" else rng.randint(50, 400)
            tech = staff if kind != "other" else emp // 5
            rows.append([name(rng, serial), "91441900MA5%07d" % serial, park, code, scope, y21, y22, y23,
                         emp, tech, emp * 6 // 10 + 1, max(1, y23 * 4 // 100),
                         "是" if y23 >= 2000 else "否", "是" if kind == "in" and w > 97 else "否",
                         ["投资基金", "融资服务", "人才培训", "技术咨询"][idx % 4] if kind == "other" and idx % 9 == 0 else "",
                         "20%02d-%02d-01" % (rng.randint(15, 23), rng.randint(1, 12))])
        if park == "南城数港园":
            # Rounding leaves the catalogue total a few 万元 short of the target: add it to the first firm.
            got = sum(r[5] + r[6] + r[7] for r in rows if r[2] == park and r[3] != "3911" and (r[3], r[4]) in IN_SCOPE)
            first = next(r for r in rows if r[2] == park)
            first[7] += target - got
    # Defects, on purpose.
    binhai = [r for r in rows if r[2] == "滨海云谷园" and (r[3], r[4]) in IN_SCOPE]
    binhai[3][6] = ""
    binhai[7][7] = ""
    dongcheng = [r for r in rows if r[2] == "东城软件园"]
    dongcheng[2][7] = "约100"
    dongcheng[5][9] = "N/A"
    dongcheng[6][5] = "-"
    dup = list(dongcheng[0])
    dup[0] = dup[0].replace("（虚构）", "（重复录入，虚构）")
    rows.append(dup)
    orphan = [name(rng, 0), "91441900MA5%07d" % (serial + 1), "", "6520", "信息系统集成服务", 100, 120, 150,
              20, 10, 12, 5, "否", "否", "", "2022-01-01"]
    rows.append(orphan)
    # Thousands separators and full-width digits on a few cells (read as numbers).
    rows[0][7] = "{:,}".format(rows[0][7])
    rows[1][8] = str(rows[1][8]).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    with open(os.path.join(HERE, "park_roster.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)
    with open(os.path.join(HERE, "park_attributes.tsv"), "w", encoding="utf-8") as f:
        f.write("园区\t属性\t值\n")
        for park, space in [("松湖智谷园", "420000"), ("南城数港园", "350000"), ("滨海云谷园", "310000"), ("东城软件园", "80000")]:
            f.write(f"{park}\tspace_m2\t{space}\n")
        f.write("*\tcity_employees\t60000\n*\tindustry_rd_intensity\t3%\n*\tperiod_start\t2021-07-02\n*\tmatching_ratio\t0.5\n")


if __name__ == "__main__":
    main()
