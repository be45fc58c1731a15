"""digicat.assess: the same numbers as `digicat assess` on the example roster."""

import os

import pandas as pd
import pytest

import digicat

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "..")
ROSTER = os.path.join(ROOT, "data", "examples", "park_roster.csv")
ATTRS = os.path.join(ROOT, "data", "examples", "park_attributes.tsv")


def frame() -> pd.DataFrame:
    return pd.read_csv(ROSTER, dtype=str, keep_default_na=False)


def test_example_roster_verdicts() -> None:
    a = digicat.assess(frame(), criteria="pilot-park-2019", attr_file=ATTRS)
    assert a.report["schema"] == "digicat-assess/1"
    r = a.results.set_index(["group", "id"])
    assert r.loc[("南城数港园", "revenue_3y"), "verdict"] == "not_met"
    assert r.loc[("南城数港园", "revenue_3y"), "confirmed"] == 97.6
    assert r.loc[("南城数港园", "revenue_3y"), "gap"] == "差 2.4 亿元（须超过 100 亿元）"
    assert r.loc[("滨海云谷园", "enterprises"), "verdict"] == "undetermined"
    assert (r.loc[("滨海云谷园", "enterprises"), "confirmed"], r.loc[("滨海云谷园", "enterprises"), "with_review"]) == (28.0, 32.0)
    assert set(r.xs("松湖智谷园")["verdict"]) == {"met", "not_computable"}
    assert len(a.enterprises) == len(frame())
    assert "<svg" in a._repr_html_()


def test_attrs_units_and_readings() -> None:
    df = pd.DataFrame({"企业名称": ["a"], "行业代码": ["6520"], "园区": ["A"], "营业收入2023": ["1000000"]})
    with pytest.raises(ValueError, match="no unit"):
        digicat.assess(df, criteria="pilot-park-2019")
    a = digicat.assess(df, criteria=["pilot-park-2019"], units={"营业收入2023": "万元"}, attrs={"A:space_m2": 300001},
                       readings=["pilot-park-2019.revenue_3y"])
    r = a.results.set_index("id")
    assert r.loc["space", "verdict"] == "met"
    assert r.loc["revenue_3y", "confirmed"] == 100.0
    assert r.loc["revenue_3y", "verdict"] == "not_met"
    with pytest.raises(ValueError, match="unknown criteria"):
        digicat.assess(df, criteria="nope", units={"营业收入2023": "万元"})


def test_score_sheet_completes_the_cluster_total() -> None:
    experts = [2, 3, 4, 5, 7, 8, 9, 11, 17, 18, 20, 21, 22, 23, 24, 25]
    sheet = pd.DataFrame({"园区": ["*"] * len(experts), "指标": experts, "得分": [1] * len(experts)})
    a = digicat.assess(frame(), criteria="cluster-2021", attr_file=ATTRS, scores=sheet)
    s = a.scores
    assert set(s["group"]) == {"松湖智谷园", "南城数港园", "滨海云谷园", "东城软件园"}
    by_source = s[s["indicator"].isin(experts)]
    assert set(by_source["source"]) == {"sheet"} and set(by_source["low"]) == {1.0}
    total = a.report["scores"][0]
    assert total["out_of"] == 98
    assert total["low"] == sum(x for x in s[s["group"] == total["group"]]["low"])
    bad = pd.DataFrame({"指标": [2], "得分": [9]})
    with pytest.raises(ValueError, match="超过其权重 3"):
        digicat.assess(frame(), criteria="cluster-2021", scores=bad)


DE_ROSTER = os.path.join(ROOT, "tests", "assess", "digital-economy-roster.csv")


def test_digital_economy_targets_by_szjj_and_gbt() -> None:
    df = pd.read_csv(DE_ROSTER, dtype=str, keep_default_na=False)
    a = digicat.assess(df, criteria="digital-economy-2025")
    r = a.results.set_index("id")
    # Hand-computed in crates/digicat-assess/tests/digital_economy.rs.
    assert (r.loc["core_scale", "confirmed"], r.loc["core_scale", "with_review"]) == (12800.0, 13100.0)
    assert r.loc["core_scale", "verdict"] == "undetermined"
    assert (r.loc["core_scale", "population"], r.loc["core_scale", "catalogue"]) == ("szjj:core", "szjj-2021")
    assert r.loc["electronics_revenue", "catalogue"] == "gbt-4754"
    assert r.loc["electronics_revenue", "verdict"] == "met"
    assert r.loc["software_revenue", "gap"] == "差 30 亿元"
    assert r.loc["ic_revenue", "verdict"] == "undetermined"
    assert r.loc["racks", "verdict"] == "not_computable" and r.loc["racks", "threshold"] == 90000.0
    assert (r["verdict"] == "not_computable").sum() == 21
    e = a.enterprises
    assert list(e.loc[e["code"] == "397", "szjj_status"]) == ["needs_review"]
    # The Dongguan sets neither classify by szjj nor change: population in_scope, catalogue dongguan-2019.
    d = digicat.assess(frame(), criteria="pilot-park-2019", attr_file=ATTRS)
    assert "szjj_status" not in d.enterprises.columns
    assert set(d.results.set_index("id").loc["enterprises", "catalogue"]) == {"dongguan-2019"}
