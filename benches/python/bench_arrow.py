"""The Arrow entry point (``digicat.arrow.classify``) against the pure-Python peer, in one run.

Generates 100k records (``target/release/gen_records``), checks that the peer's answers
(status, reason, industry ids) equal the Arrow result's on every record, then times
``digicat.arrow.classify`` (pyarrow string columns in, a pyarrow Table out), ``classify_many``,
the peer loop, and Polars' own ``str.extract_many`` / ``str.contains_any`` over the catalogue's
product names (the yardstick of issue 16). Each digicat timing is the best of 5 runs.

Usage: .venv/bin/python benches/python/bench_arrow.py [ROWS]
Run it under ``taskset -c 0`` for the 1-core figure (digicat uses the cores it may run on).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import polars as pl
import pyarrow as pa

import digicat
import digicat.arrow
import digicat.polars

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import generate  # noqa: E402
from peer import Peer  # noqa: E402


def best(f, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    codes, texts, _ = generate(n)
    peer = Peer()
    pa_codes, pa_texts = pa.array(codes, pa.string()), pa.array(texts, pa.string())
    table = digicat.arrow.classify(pa_codes, pa_texts)
    status = table.column("status").to_pylist()
    reason = table.column("reason").to_pylist()
    inds = table.column("industries").to_pylist()
    for i, (code, text) in enumerate(zip(codes, texts)):
        want = (status[i], reason[i], tuple(inds[i]))
        got = peer.classify(code or None, text or None)
        if want != got:
            raise SystemExit(f"record {i}: digicat {want} != peer {got}")
    arrow_s = best(lambda: digicat.arrow.classify(pa_codes, pa_texts), 5)
    frame = pl.DataFrame({"c": codes, "t": texts})
    expr = digicat.polars.classify(code="c", text="t").alias("r")
    polars_s = best(lambda: frame.lazy().select(expr).collect(), 5)
    many_s = best(lambda: digicat.classify_many(codes, texts), 3)
    peer_s = best(lambda: [peer.classify(c or None, t or None) for c, t in zip(codes, texts)], 1)
    names = [p for r in digicat.rows() for p in r.products]
    col = pl.Series("t", texts)
    extract_s = best(lambda: col.str.extract_many(names), 3)
    contains_s = best(lambda: col.str.contains_any(names), 3)
    cores = len(os.sched_getaffinity(0))
    print(f"{n} records, {cores} core(s), answers checked equal to the peer's on every record")
    print(f"digicat.arrow.classify      {arrow_s:8.3f} s  peer/arrow = {peer_s / arrow_s:6.1f}x")
    print(f"digicat.polars.classify     {polars_s:8.3f} s  polars/arrow = {polars_s / arrow_s:.2f}x")
    print(f"digicat.classify_many       {many_s:8.3f} s  peer/many  = {peer_s / many_s:6.1f}x")
    print(f"pure-Python peer loop       {peer_s:8.3f} s")
    print(f"polars str.extract_many     {extract_s:8.3f} s  extract_many/arrow = {extract_s / arrow_s:.1f}x")
    print(f"polars str.contains_any     {contains_s:8.3f} s  contains_any/arrow = {contains_s / arrow_s:.1f}x")


if __name__ == "__main__":
    main()
