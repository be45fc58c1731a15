"""Threads: identical results from 8 threads at once, and the GIL released during a batch."""

from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import List

import pytest

import digicat
from conftest import Vector


def test_identical_results_from_8_threads(vectors: List[Vector]) -> None:
    codes = [v.code for v in vectors] * 40
    texts = [v.text for v in vectors] * 40
    want = digicat.classify_many(codes, texts)
    want_columns = digicat._digicat.report_columns(codes, texts)
    start = threading.Barrier(8)

    def work(i: int) -> tuple:
        start.wait()
        if i % 2:
            return ("many", digicat.classify_many(codes, texts))
        singles = []
        for code, text in zip(codes, texts):
            try:
                singles.append(digicat.classify(code, text))
            except digicat.InvalidCodeError:
                singles.append(None)
        return ("single", singles, digicat._digicat.report_columns(codes, texts))

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))
    for result in results:
        if result[0] == "many":
            assert result[1] == want
        else:
            assert [s for s in result[1]] == [None if w.status == "invalid" else w for w in want]
            assert result[2] == want_columns


@pytest.mark.parametrize("batch", ["classify_many", "report_columns"])
def test_gil_is_released_during_a_batch(batch: str) -> None:
    """Another thread makes progress while classify_many (or classify_frame's report_columns)
    works.

    The switch interval is made huge, so the interpreter never forces the GIL from the calling
    thread: the counting thread can only run while classify_many has released it.
    """
    n = 200_000
    codes = ["6513"] * n
    texts = ["软件开发；计算机视听觉软件；信息系统集成服务；ＳａａＳ"] * n
    counter = 0
    stop = False

    def count() -> None:
        nonlocal counter
        while not stop:
            counter += 1
            time.sleep(0.0002)  # releases the GIL, so the caller gets it back at once

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    thread = threading.Thread(target=count)
    thread.start()
    try:
        before = counter
        if batch == "classify_many":
            statuses = [c.status for c in digicat.classify_many(codes, texts)]
        else:
            statuses = digicat._digicat.report_columns(codes, texts)[1][0]
        progress = counter - before
    finally:
        stop = True
        thread.join()
        sys.setswitchinterval(interval)
    assert len(statuses) == n and statuses[0] == "in_scope"
    print(f"counting thread made {progress} steps during {batch}({n} rows)")
    assert progress > 0
