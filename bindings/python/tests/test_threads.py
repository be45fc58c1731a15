"""Threads: identical results from 8 threads at once, large batches split across threads in
order, and the GIL released during a batch."""

from __future__ import annotations

import random
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterator, List

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


# classify_many and report_columns split a batch of more than MIN_CHUNK rows into contiguous
# chunks classified on separate threads (src/lib.rs).
MIN_CHUNK = 4096


def test_a_batch_split_into_chunks_keeps_every_row_in_order(vectors: List[Vector]) -> None:
    """A batch large enough to be split across threads gives, row for row, what single calls
    give: same count, same order (rows shuffled so that neighbours differ)."""
    rows = [(v.code, v.text) for v in vectors if (v.policy, v.edition) == ("standard", "auto")]
    batch = (rows * (3 * MIN_CHUNK // len(rows) + 2))[: 3 * MIN_CHUNK + 123]
    random.Random(7).shuffle(batch)
    codes = [code for code, _ in batch]
    texts = [text for _, text in batch]
    assert len(batch) > 2 * MIN_CHUNK and len(set(batch)) > 20

    results = digicat.classify_many(codes, texts)
    names, columns = digicat._digicat.report_columns(codes, texts)
    assert len(results) == len(batch) and all(len(c) == len(batch) for c in columns)
    invalid = 0
    for i, (code, text) in enumerate(batch):
        try:
            want = digicat.classify(code, text)
        except digicat.InvalidCodeError as e:
            assert (results[i].status, results[i].reason) == ("invalid", e.kind), i
            assert results[i].error == str(e), i
            invalid += 1
        else:
            assert results[i] == want, i
        one = digicat._digicat.report_columns([code], [text])[1]
        assert [c[i] for c in columns] == [c[0] for c in one], i
    assert invalid > 0 and names == digicat._digicat.report_column_names()


def test_strict_reports_the_first_bad_row_of_a_split_batch() -> None:
    n = 4 * MIN_CHUNK
    codes = ["6513"] * n
    for bad in (n - 5, 2 * MIN_CHUNK + 17, n - 1):
        codes[bad] = "65x"
    texts = ["计算机视听觉软件"] * n
    with pytest.raises(digicat.InvalidCodeError) as e:
        digicat.classify_many(codes, texts, strict=True)
    assert e.value.row == 2 * MIN_CHUNK + 17 and e.value.kind == "malformed_code"
    results = digicat.classify_many(codes, texts)
    assert [i for i, c in enumerate(results) if c.status == "invalid"] == sorted(
        (n - 5, 2 * MIN_CHUNK + 17, n - 1)
    )


@contextmanager
def counting_thread() -> Iterator[Callable[[], int]]:
    """Runs a thread that counts, holding the GIL for each step and sleeping (GIL released)
    between steps; yields a function reading the count.

    The switch interval is made huge meanwhile, so the interpreter never forces the GIL away from
    the main thread: the count can only move while the main thread has released the GIL.
    """
    count = 0
    stop = False

    def work() -> None:
        nonlocal count
        while not stop:
            count += 1
            time.sleep(0.0002)  # releases the GIL, so the main thread gets it back at once

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    thread = threading.Thread(target=work)
    thread.start()
    try:
        yield lambda: count
    finally:
        stop = True
        thread.join()
        sys.setswitchinterval(interval)


def test_no_progress_while_the_gil_is_held() -> None:
    """The control: while the main thread runs Python code (holding the GIL) the counting thread
    makes no step at all, however long that code runs."""
    with counting_thread() as counter:
        for _ in range(3):
            before = counter()
            total = sum(i * i for i in range(1_000_000))
            assert counter() == before
    assert total > 0


@pytest.mark.parametrize("batch", ["classify_many", "report_columns"])
def test_gil_is_released_during_a_batch(batch: str) -> None:
    """Another thread makes progress while classify_many (or classify_frame's report_columns)
    works (which, by the control above, it cannot do while the GIL is held).

    On a loaded machine the OS may not run the counting thread during one batch, so the batch is
    repeated until it has made a step, up to ATTEMPTS times: a batch that kept the GIL would fail
    every attempt.
    """
    attempts = 25
    n = 6 * MIN_CHUNK  # split into chunks: the threaded path runs without the GIL too
    codes = ["6513"] * n
    texts = ["软件开发；计算机视听觉软件；信息系统集成服务；ＳａａＳ"] * n
    progress = 0
    with counting_thread() as counter:
        for attempt in range(1, attempts + 1):
            before = counter()
            if batch == "classify_many":
                statuses = [c.status for c in digicat.classify_many(codes, texts)]
            else:
                statuses = digicat._digicat.report_columns(codes, texts)[1][0]
            progress = counter() - before
            assert len(statuses) == n and set(statuses) == {"in_scope"}
            if progress > 0:
                break
    print(f"counting thread made {progress} steps during {batch}({n} rows), attempt {attempt}")
    assert progress > 0, f"no step of the other thread during {attempts} batches"
