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
