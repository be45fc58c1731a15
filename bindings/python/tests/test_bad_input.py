"""Bad input on the Python surface: NUL characters, undecodable bytes, 10 MB fields, bad frames.

See docs/reliability.md for the table of bad inputs and what every surface does with them.
"""

from __future__ import annotations

import pandas as pd
import pytest

import digicat
from digicat.pandas import classify_frame

PRODUCT = "计算机视听觉软件"


def test_nul_characters_are_ordinary_characters() -> None:
    with pytest.raises(digicat.InvalidCodeError) as e:
        digicat.classify("6513\0")
    assert e.value.kind == "malformed_code"
    text = f"{PRODUCT}\0{PRODUCT}"
    c = digicat.classify("6513", text)
    assert (c.status, c.reason) == ("in_scope", "listed_product")
    assert [(e.start, e.end) for e in c.evidence] == [(0, 8), (9, 17)]


def test_gbk_bytes_read_as_utf8() -> None:
    gbk = PRODUCT.encode("gbk")
    with pytest.raises(TypeError):
        digicat.classify("6513", gbk)  # type: ignore[arg-type]
    # What reading a GBK file as UTF-8 gives: replacement characters, or lone surrogates with
    # errors="surrogateescape". Neither names anything, neither raises.
    for text in (gbk.decode("utf-8", "replace"), gbk.decode("utf-8", "surrogateescape")):
        c = digicat.classify("6513", text + PRODUCT)
        assert c.status == "in_scope"
        assert [(e.start, e.end) for e in c.evidence] == [(len(text), len(text) + len(PRODUCT))]
        assert digicat.classify("6513", text).reason == "no_product_evidence"


def test_ten_megabyte_fields() -> None:
    filler = "餐饮服务；" * (10 * 1024 * 1024 // len("餐饮服务；".encode()))
    c = digicat.classify("6513", filler + PRODUCT)
    assert (c.status, [(e.start, e.end) for e in c.evidence]) == (
        "in_scope",
        [(len(filler), len(filler) + len(PRODUCT))],
    )
    with pytest.raises(digicat.InvalidCodeError) as e:
        digicat.classify("6" * (10 * 1024 * 1024))
    assert e.value.kind == "malformed_code"


def test_classify_frame_keeps_rows_of_any_value() -> None:
    frame = pd.DataFrame(
        {
            "行业代码": ["6513", 6520, None, float("nan"), b"6513", "C6513", "  "],
            "经营范围": [PRODUCT, None, PRODUCT, 3.5, "", "", "\0"],
        }
    )
    out = classify_frame(frame)
    assert len(out) == len(frame) and list(out.index) == list(frame.index)
    assert list(out["status"]) == [
        "in_scope",
        "in_scope",
        "needs_review",
        "out_of_scope",
        "invalid",
        "invalid",
        "out_of_scope",
    ]
    assert out["reason"][4] == "malformed_code" and "b'6513'" in out["error"][4]
