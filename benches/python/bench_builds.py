"""Times one build of the digicat package, to compare two builds (issue 15: the engine's gain as
the Python batch APIs see it) on a loaded machine.

Run it with each build's interpreter, alternately, on the same generated file; it prints one
JSON line: the best of REPEAT runs of ``classify_frame`` (pandas) and ``classify_many``, as
wall time and as this process's CPU time (``time.process_time``, which the other processes on a
shared machine disturb much less), and a digest of the answers so that two builds can be
checked equal first.

Usage: PYTHON benches/python/bench_builds.py RECORDS.csv [REPEAT]
       (RECORDS.csv from ``target/release/gen_records N 2019 typical``)
"""

from __future__ import annotations

import hashlib
import json
import sys
import time

import pandas as pd

import digicat
import digicat.pandas


def best(f, repeat: int) -> dict[str, float]:
    """The fastest of ``repeat`` calls of ``f``, wall and CPU seconds."""
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        f()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return {"wall": min(walls), "cpu": min(cpus)}


def main() -> None:
    path = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    codes, texts = df["行业代码"].tolist(), df["经营范围"].tolist()
    out = digicat.pandas.classify_frame(df, code_col="行业代码", text_col="经营范围")
    digest = hashlib.sha256(
        out[["status", "reason", "industries", "rows", "evidence"]].to_csv(index=False).encode()
    ).hexdigest()[:16]
    frame = best(lambda: digicat.pandas.classify_frame(df, code_col="行业代码", text_col="经营范围"), repeat)
    many = best(lambda: digicat.classify_many(codes, texts), repeat)
    print(json.dumps({"rows": len(df), "answers": digest, "classify_frame": frame, "classify_many": many}))


if __name__ == "__main__":
    main()
