"""Typed use of the digicat API, checked with `mypy --strict` against the package's stubs."""

from __future__ import annotations

from typing import List, Optional, Tuple

import pandas as pd

import digicat
from digicat.pandas import classify_frame

c: digicat.Classification = digicat.classify("6513", "计算机视听觉软件", policy="strict")
status: str = c.status
reason: str = c.reason
code: Optional[str] = c.code
ids: Tuple[int, ...] = c.industry_ids
names: List[str] = [i.name for i in c.industries]
categories: List[str] = [i.category for i in c.industries]
row_ids: List[str] = [r.id for r in c.rows]
spans: List[Tuple[str, int, int, str]] = [(e.kind, e.start, e.end, e.row.id) for e in c.evidence]
relations: List[Optional[str]] = [e.relation for e in c.evidence]
error: Optional[str] = c.error
as_dict: dict[str, object] = c.to_dict()
html: str = c._repr_html_()

batch: List[digicat.Classification] = digicat.classify_many(
    ["6513", None], ["SaaS", "餐饮"], policy="standard", edition="auto", strict=False
)
only_texts = digicat.classify_many(texts=pd.Series(["SaaS"]))
info: digicat.CodeInfo = digicat.lookup("651", edition="2017")
successors: Tuple[str, ...] = info.successors
found: List[digicat.Evidence] = digicat.find_products("SaaS", policy="strict")
industries: List[digicat.Industry] = digicat.industries()
products: Tuple[str, ...] = digicat.rows()[0].products
partial: bool = digicat.rows()[0].partial
meta: digicat.CatalogueInfo = digicat.catalogue_info()
title: str = meta.title
constants: Tuple[str, str, Tuple[str, ...], Tuple[str, ...]] = (
    digicat.__version__,
    digicat.CATALOGUE_VERSION,
    digicat.STATUSES,
    digicat.REASONS,
)

try:
    digicat.classify("65x")
except digicat.InvalidCodeError as e:
    kind: str = e.kind
    index: Optional[int] = e.row
    base: ValueError = e

frame: pd.DataFrame = classify_frame(
    pd.DataFrame({"code": ["6513"], "text": ["SaaS"]}), lang="zh", policy="strict"
)
