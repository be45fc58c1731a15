"""The Polars expression plugin (``digicat.polars.classify``) against the Arrow entry point and
Polars' own string search, at 1 and 2 threads, in one run (issue 16's targets).

Records: ``gen_records`` (the benchmarks' generator, ``bench.generate``'s binary), half ``short``
and half ``typical`` texts interleaved, about 370 bytes of 经营范围 on average (printed). The
plugin's result is checked equal to the Arrow entry point's on every record first. Then, in a
child process per thread count (``POLARS_MAX_THREADS`` = 1 or 2, and the process pinned to as
many cores, so the Arrow entry point uses as many threads), best of 5:

- ``plugin``: ``df.lazy().select(digicat.polars.classify(code="c", text="t")).collect()``, and
  the same with ``engine="streaming"``;
- ``arrow``: ``digicat.arrow.classify(df["c"], df["t"])`` (polars Series in, a pyarrow Table out);
- ``extract_many`` / ``contains_any``: ``pl.col("t").str.extract_many(<the catalogue's product
  names>)`` / ``str.contains_any`` (a bare substring search: no codes, no rules, no evidence).

Usage: .venv/bin/python benches/python/bench_polars.py [ROWS] [GEN]
(GEN: the gen_records binary; default target/release/gen_records, else target/debug/).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def best(f, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def records(n: int, gen: str) -> tuple[list[str], list[str]]:
    """``n`` generated records, short and typical texts interleaved."""
    halves = []
    for length, count in (("short", n - n // 2), ("typical", n // 2)):
        out = subprocess.run([gen, str(count), "2019", length], capture_output=True, check=True)
        halves.append(list(csv.reader(io.StringIO(out.stdout.decode("utf-8"))))[1:])
    rows = [r for pair in zip(*halves) for r in pair] + halves[0][len(halves[1]):]
    return [r[1] for r in rows], [r[2] for r in rows]


def child(threads: int, n: int, gen: str) -> dict:
    """Times every contender with ``threads`` threads (run in a fresh process)."""
    os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[:threads]))
    os.environ["POLARS_MAX_THREADS"] = str(threads)
    import polars as pl

    import digicat
    import digicat.arrow
    import digicat.polars

    assert pl.thread_pool_size() == threads
    codes, texts = records(n, gen)
    df = pl.DataFrame({"c": codes, "t": texts}, schema={"c": pl.Utf8, "t": pl.Utf8})
    expr = digicat.polars.classify(code="c", text="t")
    got = df.lazy().select(expr).collect()["digicat"].to_list()
    want = digicat.arrow.classify(df["c"], df["t"]).to_pylist()
    if got != want:
        raise SystemExit("the plugin's answers differ from the Arrow entry point's")
    streaming = df.lazy().select(expr).collect(engine="streaming")["digicat"].to_list()
    if streaming != want:
        raise SystemExit("the plugin's streaming answers differ from the Arrow entry point's")
    names = [p for r in digicat.rows() for p in r.products]
    lazy = df.lazy()
    return {
        "threads": threads,
        "rows": n,
        "mean_text_bytes": sum(len(t.encode()) for t in texts) / n,
        "product_names": len(names),
        "plugin": best(lambda: lazy.select(expr).collect(), 5),
        "plugin_streaming": best(lambda: lazy.select(expr).collect(engine="streaming"), 5),
        "arrow": best(lambda: digicat.arrow.classify(df["c"], df["t"]), 5),
        "extract_many": best(
            lambda: lazy.select(pl.col("t").str.extract_many(names)).collect(), 5),
        "contains_any": best(
            lambda: lazy.select(pl.col("t").str.contains_any(names)).collect(), 5),
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(child(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    gen = sys.argv[2] if len(sys.argv) > 2 else next(
        (str(p) for p in (ROOT / "target/release/gen_records", ROOT / "target/debug/gen_records")
         if p.exists()), "gen_records")
    print(f"{n} records (gen_records short + typical); each time the best of 5")
    print("threads  plugin  plugin(streaming)  arrow  extract_many  contains_any"
          "  plugin/arrow  extract_many/plugin")
    for threads in (1, 2):
        out = subprocess.run([sys.executable, __file__, "--child", str(threads), str(n), gen],
                             capture_output=True, check=True, text=True).stdout
        r = json.loads(out.splitlines()[-1])
        print(f"{threads:7d}  {r['plugin']:6.3f}  {r['plugin_streaming']:17.3f}  {r['arrow']:5.3f}"
              f"  {r['extract_many']:12.3f}  {r['contains_any']:12.3f}"
              f"  {r['plugin'] / r['arrow']:12.2f}x  {r['extract_many'] / r['plugin']:18.2f}x")
        print(f"         (mean text {r['mean_text_bytes']:.0f} bytes, "
              f"{r['product_names']} product names)")


if __name__ == "__main__":
    main()
