"""Every public function and class of the digicat package."""

from __future__ import annotations

import importlib.metadata
import inspect
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import digicat
from conftest import CATALOGUE, REPO, read_tsv


# --- classify -----------------------------------------------------------------------------


def test_classify_in_scope_listed_product() -> None:
    c = digicat.classify("I6513", "软件开发；计算机视听觉软件；技术服务")
    assert (c.status, c.reason) == ("in_scope", "listed_product")
    assert c.code == "6513" and c.code_name == "应用软件开发"
    assert c.industry_ids == (3,)
    assert [(i.id, i.name) for i in c.industries] == [(3, "人工智能软件开发")]
    assert [r.id for r in c.rows] == ["3.2"]
    assert c.error is None
    kinds = {(e.kind, e.text) for e in c.evidence}
    assert ("product", "计算机视听觉软件") in kinds
    assert ("scope_phrase", "软件开发") in kinds


def test_classify_defaults_and_blank_fields_are_absent() -> None:
    for c in (digicat.classify(), digicat.classify(None, None), digicat.classify("  ", " ")):
        assert (c.status, c.reason) == ("out_of_scope", "nothing_named")
        assert c.code is None and c.industries == () and c.evidence == ()


def test_classify_policy_and_edition() -> None:
    text = "人工智能应用软件开发"
    assert digicat.classify("6513", text).status == "in_scope"
    strict = digicat.classify("6513", text, policy="strict")
    assert (strict.status, strict.reason) == ("needs_review", "no_product_evidence")
    old = digicat.classify("6520", edition="2011")
    assert (old.reason, old.industry_ids, old.code_name) == (
        "old_edition_code",
        (4, 5),
        "信息系统集成服务",
    )
    assert digicat.classify("6520", edition="2017").reason == "whole_class"
    with pytest.raises(digicat.InvalidCodeError) as e:
        digicat.classify("6510", edition="2017")
    assert e.value.kind == "unknown_code"


def test_classify_rejects_non_str_arguments() -> None:
    with pytest.raises(TypeError):
        digicat.classify(6513)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        digicat.classify("6513", ["软件"])  # type: ignore[arg-type]


def test_evidence_offsets_are_characters() -> None:
    text = "😀 ＩＤＥ、计算机 视听觉软件和“互联网物流平台”"
    for c in (digicat.classify("6513", text), digicat.classify_many([None], [text])[0]):
        assert c.evidence, c
        for e in c.evidence:
            assert text[e.start : e.end] == e.matched, e
        matched = [e.matched for e in c.evidence]
        assert "ＩＤＥ" in matched and "计算机 视听觉软件" in matched and "互联网物流平台" in matched
        first = next(e for e in c.evidence if e.matched == "ＩＤＥ")
        assert (first.start, first.end, first.kind, first.text) == (2, 5, "alias", "IDE")


def test_lone_surrogates_are_replaced_not_raised() -> None:
    text = "\ud800计算机视听觉软件"
    c = digicat.classify("6513", text)
    assert c.status == "in_scope"
    assert [(e.start, e.end) for e in c.evidence] == [(1, 9)]
    with pytest.raises(digicat.InvalidCodeError):
        digicat.classify("65\udc00")
    assert digicat.classify_many(["65\udc00"])[0].status == "invalid"


def test_classification_is_immutable_and_comparable() -> None:
    c = digicat.classify("6513", "计算机视听觉软件")
    with pytest.raises(AttributeError):
        c.status = "out_of_scope"  # type: ignore[misc]
    assert c == digicat.classify("6513", "计算机视听觉软件")
    assert c != digicat.classify("6513", "智能移动终端软件系统")
    assert c.evidence[0] == digicat.classify(None, "计算机视听觉软件").evidence[0]
    assert len({c.industries[0], digicat.industries()[2]}) == 1
    row_32 = next(r for r in digicat.rows() if r.id == "3.2")
    assert row_32 is not c.rows[0] and len({c.rows[0], row_32}) == 1


def test_to_dict() -> None:
    c = digicat.classify("6513", "SaaS")
    d = c.to_dict()
    assert d["status"] == "needs_review" and d["reason"] == "products_outside_code"
    assert d["code"] == "6513" and d["code_name"] == "应用软件开发"
    assert d["industries"] == [1, 3, 4, 7]
    assert d["industry_names"] == [i.name for i in c.industries]
    assert d["rows"] == ["1.3", "3.2", "4.5", "7.1"]
    assert d["error"] is None
    assert d["evidence"][0] == {
        "kind": "alias",
        "text": "SaaS",
        "relation": None,
        "row": "4.5",
        "industry": 4,
        "matched": "SaaS",
        "start": 0,
        "end": 4,
    }
    frame = pd.DataFrame([r.to_dict() for r in digicat.classify_many(["6513", "x"], ["SaaS", ""])])
    assert list(frame["status"]) == ["needs_review", "invalid"]


def test_repr_and_html() -> None:
    c = digicat.classify("6513", "计算机视听觉软件")
    r = repr(c)
    assert r.startswith("Classification(status='in_scope', reason='listed_product'")
    assert "'3 人工智能软件开发'" in r and "'3.2'" in r and "'计算机视听觉软件'" in r
    html = c._repr_html_()
    assert html.startswith("<table") and "in_scope" in html and "计算机视听觉软件" in html
    assert "[0:8]" in html
    bad = digicat.classify_many(["<i>x</i>"])[0]
    assert bad.status == "invalid" and "<i>x</i>" in (bad.error or "")
    assert "&lt;i&gt;x&lt;/i&gt;" in bad._repr_html_()
    assert "<i>" not in bad._repr_html_()
    assert "error=" in repr(bad)
    e = c.evidence[0]
    assert repr(e) == (
        "Evidence('product', '计算机视听觉软件', matched='计算机视听觉软件', start=0, end=8, row='3.2')"
    )
    assert repr(digicat.industries()[0]) == "Industry(1, '新兴软件开发')"
    assert repr(digicat.rows()[2]) == "Row('1.3', '应用软件开发', '6513*', industry=1)"


# --- classify_many ------------------------------------------------------------------------


def test_classify_many_keeps_every_row_in_order() -> None:
    codes = ["6513", "65x", None, "6520", "", "C6513"]
    texts = ["计算机视听觉软件", "SaaS", "SaaS", None, "餐饮", ""]
    results = digicat.classify_many(codes, texts)
    assert [(c.status, c.reason) for c in results] == [
        ("in_scope", "listed_product"),
        ("invalid", "malformed_code"),
        ("needs_review", "no_code"),
        ("in_scope", "whole_class"),
        ("out_of_scope", "nothing_named"),
        ("invalid", "section_mismatch"),
    ]
    invalid = results[1]
    assert invalid.error is not None and "65x" in invalid.error
    assert invalid.industries == () and invalid.rows == () and invalid.evidence == ()
    with pytest.raises(digicat.InvalidCodeError) as e:
        digicat.classify("65x")
    assert str(e.value) == invalid.error


def test_classify_many_strict_raises_naming_the_row() -> None:
    with pytest.raises(digicat.InvalidCodeError) as e:
        digicat.classify_many(["6513", "6520", "C6513", "65x"], strict=True)
    assert (e.value.row, e.value.kind) == (2, "section_mismatch")
    assert str(e.value).startswith("row 2: ")
    assert len(digicat.classify_many(["6513", "6520"], strict=True)) == 2


def test_classify_many_accepts_iterables_and_series() -> None:
    want = [c.to_dict() for c in digicat.classify_many(["6513", None], ["SaaS", "计算机视听觉软件"])]
    inputs = [
        (("6513", None), ("SaaS", "计算机视听觉软件")),
        ((c for c in ["6513", None]), iter(["SaaS", "计算机视听觉软件"])),
        (pd.Series(["6513", None]), pd.Series(["SaaS", "计算机视听觉软件"])),
        (pd.Series(["6513", pd.NA], dtype="string"), pd.Series(["SaaS", "计算机视听觉软件"])),
        (pd.Series([6513.0, np.nan]), pd.Series(["SaaS", "计算机视听觉软件"], index=[7, 3])),
        (np.array(["6513", None], dtype=object), np.array(["SaaS", "计算机视听觉软件"])),
        (pd.Index(["6513", None]), ["SaaS", "计算机视听觉软件"]),
    ]
    for codes, texts in inputs:
        got = [c.to_dict() for c in digicat.classify_many(codes, texts)]
        assert got == want, (codes, texts)


def test_classify_many_converts_other_values_with_str() -> None:
    results = digicat.classify_many([6513, np.int64(6520), 6513.5, float("nan"), True])
    assert [c.code for c in results[:2]] == ["6513", "6520"]
    assert results[2].status == "invalid" and "6513.5" in (results[2].error or "")
    assert results[3].reason == "nothing_named"
    assert results[4].status == "invalid" and "True" in (results[4].error or "")


def test_classify_many_one_column_only() -> None:
    assert [c.reason for c in digicat.classify_many(texts=["SaaS", "餐饮"])] == [
        "no_code",
        "nothing_named",
    ]
    assert [c.reason for c in digicat.classify_many(["6520"])] == ["whole_class"]
    assert digicat.classify_many([], []) == []


def test_classify_many_bad_arguments() -> None:
    with pytest.raises(ValueError, match="codes has 2 values but texts has 1"):
        digicat.classify_many(["6513", "6520"], ["x"])
    with pytest.raises(ValueError, match="give codes, texts or both"):
        digicat.classify_many()
    with pytest.raises(TypeError, match="not a single str"):
        digicat.classify_many("6513")
    with pytest.raises(TypeError, match="must be an iterable"):
        digicat.classify_many(6513)  # type: ignore[arg-type]
    with pytest.raises(digicat.InvalidOptionError):
        digicat.classify_many(["6513"], policy="lenient")
    with pytest.raises(digicat.InvalidOptionError):
        digicat.classify_many(["6513"], edition="2002")

    def broken():  # an iterable that fails half-way: its error comes through unchanged
        yield "6513"
        raise RuntimeError("source failed")

    with pytest.raises(RuntimeError, match="source failed"):
        digicat.classify_many(broken())


# --- lookup, find_products, catalogue -----------------------------------------------------


def test_lookup() -> None:
    info = digicat.lookup("I6513")
    assert (info.code, info.name, info.level, info.edition, info.section) == (
        "6513",
        "应用软件开发",
        "class",
        "2017",
        "I",
    )
    assert [r.id for r in info.rows] == ["1.3", "3.2"]
    assert [i.id for i in info.industries] == [1, 3]
    assert info.successors == ()
    coarse = digicat.lookup("651")
    assert coarse.level == "group" and [r.code for r in coarse.rows] == [
        "6511", "6512", "6513", "6519", "6511", "6513", "6512",
    ]
    old = digicat.lookup("6520", edition="2011")
    assert (old.edition, old.name, old.successors) == ("2011", "信息系统集成服务", ("6531",))
    assert [r.id for r in old.rows] == ["4.3", "5.4"]
    outside = digicat.lookup("7320")
    assert outside.rows == () and outside.industries == () and outside.name
    assert digicat.lookup("应用软件开发").code == "6513"
    assert "code='6513'" in repr(info)


def test_lookup_errors() -> None:
    cases = {"": "empty_code", "65x": "malformed_code", "9999": "unknown_code",
             "C6513": "section_mismatch", "不存在的行业": "unknown_class_name"}
    for code, kind in cases.items():
        with pytest.raises(digicat.InvalidCodeError) as e:
            digicat.lookup(code)
        assert e.value.kind == kind, code
        assert e.value.row is None
    with pytest.raises(digicat.InvalidOptionError):
        digicat.lookup("6513", edition="latest")


def test_find_products() -> None:
    text = "主营：ＳａａＳ平台、人工智能应用软件开发"
    found = digicat.find_products(text)
    assert [(e.kind, e.text, e.row.id) for e in found] == [
        ("alias", "SaaS", "4.5"),
        ("alias", "SaaS", "7.1"),
        ("scope_phrase", "人工智能应用软件开发", "3.2"),
    ]
    for e in found:
        assert text[e.start : e.end] == e.matched
    assert found[2].relation == "equivalent" and found[0].relation is None
    broader = digicat.find_products("互联网信息服务")
    assert [(e.kind, e.text, e.relation, e.row.id) for e in broader] == [
        ("scope_phrase", "互联网信息服务", "broader", "8.1"),
        ("scope_phrase", "互联网信息服务", "broader", "8.2"),
    ]
    assert [e.to_dict()["relation"] for e in broader] == ["broader", "broader"]
    assert found[0].industry.id == 4
    assert [e.kind for e in digicat.find_products(text, policy="strict")] == ["alias", "alias"]
    assert digicat.find_products("") == []
    with pytest.raises(digicat.InvalidOptionError):
        digicat.find_products(text, policy="loose")


def test_industries_match_the_data() -> None:
    data = read_tsv(CATALOGUE / "industries.tsv")
    categories = {c["id"]: c["name"] for c in read_tsv(CATALOGUE / "categories.tsv")}
    got = digicat.industries()
    assert [(i.id, i.name, i.category_id, i.category) for i in got] == [
        (int(d["id"]), d["name"], int(d["category"]), categories[d["category"]]) for d in data
    ]
    for industry in got:
        assert industry.rows and all(r.industry == industry for r in industry.rows)


def test_rows_match_the_data() -> None:
    data = read_tsv(CATALOGUE / "rows.tsv")
    got = digicat.rows()
    assert [(r.id, r.name, r.code, r.partial, r.inferred, r.note) for r in got] == [
        (
            d["id"],
            d["name"],
            d["code"],
            d["partial"] == "yes",
            d["source"] == "inferred",
            d["note"] or None,
        )
        for d in data
    ]
    products = read_tsv(CATALOGUE / "products.tsv")
    assert sum(len(r.products) for r in got) == len(products)
    for r in got:
        assert bool(r.products) == (r.partial and not r.inferred)
        assert r.industry.id == int(r.id.split(".")[0])
    assert [r.id for r in got if r.inferred] == ["4.7"]


def test_the_inferred_row_is_never_decided() -> None:
    c = digicat.classify("6591", "呼叫中心")
    assert (c.status, c.reason) == ("needs_review", "products_not_published")
    assert c.industry_ids == (4,)
    assert [r.id for r in c.rows] == ["4.7"] and c.rows[0].inferred
    assert c.rows[0].note is not None and "not published" in c.rows[0].note
    c = digicat.classify("6591", "云计算服务")
    assert (c.reason, c.industry_ids) == ("products_not_published", (4, 7))
    assert digicat.classify("6592").reason == "old_edition_code"


def test_catalogue_info_and_constants() -> None:
    # The notice's own counts (notice_*) are checked by the build, not exposed.
    meta = {
        m["key"]: m["value"]
        for m in read_tsv(CATALOGUE / "meta.tsv")
        if not m["key"].startswith("notice_")
    }
    info = digicat.catalogue_info()
    assert info.to_dict() == {**meta, "version": digicat.CATALOGUE_VERSION}
    assert (info.title, info.document, info.issuer, info.date, info.status, info.edition) == (
        "东莞市数字产业集聚试点园区重点发展产业、产品和服务目录表（试行）",
        "东工信〔2019〕160号",
        "东莞市工业和信息化局",
        "2019-07-30",
        "试行",
        "GB/T 4754-2017",
    )
    assert info.version == digicat.CATALOGUE_VERSION
    assert re.fullmatch(r"2019-07-30\+[0-9a-f]{8}", digicat.CATALOGUE_VERSION)
    assert "CatalogueInfo(" in repr(info)
    assert digicat.STATUSES == ("in_scope", "needs_review", "out_of_scope", "invalid", "skipped")
    assert len(digicat.REASONS) == 15 and "listed_product" in digicat.REASONS
    assert digicat.REASONS[-4:] == (
        "products_not_published",
        "broader_phrases_only",
        "blank_row",
        "footer_row",
    )
    assert digicat.CODE_COLUMNS[0] == "行业代码" and digicat.TEXT_COLUMNS[0] == "经营范围"
    cargo = (REPO / "Cargo.toml").read_text(encoding="utf-8")
    version = re.search(r'\[workspace\.package\][^\[]*?version = "([^"]+)"', cargo)
    assert version and digicat.__version__ == version.group(1)


def test_the_package_shows_the_official_title() -> None:
    """The module docstring and the package summary (pyproject description) give the catalogue's
    title exactly as the embedded data has it."""
    title = digicat.catalogue_info().title
    assert (digicat.__doc__ or "").splitlines()[0] == f"digicat — {title}."
    summary = importlib.metadata.metadata("digicat")["Summary"]
    assert summary.startswith(f"{title}: "), summary


# --- exceptions and documentation ---------------------------------------------------------


def test_exception_hierarchy_and_attributes() -> None:
    assert issubclass(digicat.DigicatError, ValueError)
    assert issubclass(digicat.InvalidCodeError, digicat.DigicatError)
    assert issubclass(digicat.InvalidOptionError, digicat.DigicatError)
    assert not issubclass(digicat.InvalidOptionError, digicat.InvalidCodeError)
    assert digicat.InvalidCodeError.__module__ == "digicat"
    mine = digicat.InvalidCodeError("raised by hand")
    assert (mine.kind, mine.row) == ("", None)
    with pytest.raises(digicat.InvalidOptionError) as e:
        digicat.classify(policy="lenient")
    assert e.value.kind == "invalid_option" and "lenient" in str(e.value)
    with pytest.raises(ValueError):
        digicat.classify("65x")


def test_everything_public_is_documented() -> None:
    for name in digicat.__all__:
        obj = getattr(digicat, name)
        if isinstance(obj, (str, tuple)):
            continue
        assert inspect.getdoc(obj), name
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            for attr, member in vars(obj).items():
                if not attr.startswith("__"):
                    assert inspect.getdoc(member), f"{name}.{attr}"
    assert inspect.getdoc(digicat) and inspect.getdoc(digicat.pandas)
    assert inspect.getdoc(digicat.pandas.classify_frame)


def test_signatures_show_the_defaults() -> None:
    params = inspect.signature(digicat.classify).parameters.values()
    assert [(p.name, p.default) for p in params] == [
        ("code", None),
        ("text", None),
        ("policy", "standard"),
        ("edition", "auto"),
        ("catalogue", "dongguan-2019"),
    ]
    assert str(inspect.signature(digicat.lookup)) == "(code, *, edition='auto')"
    assert inspect.signature(digicat.classify_many).parameters["strict"].default is False
    assert "strict=False" in str(inspect.signature(digicat._digicat.classify_many))
    with pytest.raises(TypeError, match="expected a str, not int"):
        digicat.classify("6513", policy=1)  # type: ignore[arg-type]


def test_package_layout() -> None:
    package = Path(digicat.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_digicat.pyi").exists()
    assert digicat.classify.__module__ in ("digicat", "digicat._digicat")


def test_review_triage_names_and_levels() -> None:
    # No code and only broader phrases: its own reason; decisive terms alone give candidates.
    broad = digicat.classify(None, "软件开发；信息技术咨询服务")
    assert (broad.status, broad.reason) == ("needs_review", "broader_phrases_only")
    mixed = digicat.classify(None, "软件开发；网络与信息安全软件开发；人工智能应用软件开发")
    assert (mixed.reason, mixed.industry_ids) == ("no_code", (2, 3))
    # Older wording counts as the term it stands for.
    old = digicat.classify(None, "集成电路的设计与开发")
    assert old.reason == "no_code" and old.evidence[0].text == "集成电路设计"
    # Every level of GB/T 4754 by name, and hierarchies, in the code field.
    for field, code, level in [
        ("I", "I", "section"),
        ("信息传输、软件和信息技术服务业", "I", "section"),
        ("软件和信息技术服务业", "65", "division"),
        ("软件开发", "651", "group"),
        ("应用软件开发（6513）", "6513", "class"),
        ("I-65-651-6513", "6513", "class"),
    ]:
        info = digicat.lookup(field)
        assert (info.code, info.level) == (code, level), field
    with pytest.raises(digicat.InvalidCodeError) as e:
        digicat.lookup("65/6431")
    assert e.value.kind == "hierarchy_mismatch"
