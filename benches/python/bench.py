"""digicat's Python surface against a fair pure-Python peer, on 100k and 1M generated records.

First checks that the peer's answers (status, reason, industry ids) equal digicat's on every
record, then times ``digicat.classify_many`` against a loop over the peer, and
``digicat.pandas.classify_frame`` against ``df.apply(peer)``. Each timing is the best of a few runs.

Usage: .venv/bin/python benches/python/bench.py OUT.json   (run by `make bench`)
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

import digicat
import digicat.pandas

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peer import Peer  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GEN = ROOT / "target" / "release" / "gen_records"


def generate(n: int) -> tuple[list[str], list[str], str]:
    text = subprocess.run([GEN, str(n)], capture_output=True, check=True).stdout.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    return [r[1] for r in rows], [r[2] for r in rows], text


def best(f, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    peer = Peer()
    runs = []
    checked = 0
    for n, repeat in ((100_000, 3), (1_000_000, 1)):
        codes, texts, csv_text = generate(n)
        ours = digicat.classify_many(codes, texts)
        for i, (code, text, c) in enumerate(zip(codes, texts, ours)):
            want = (c.status, c.reason, tuple(c.industry_ids))
            got = peer.classify(code or None, text or None)
            if want != got:
                raise SystemExit(f"record {i} ({code!r}, {text[:40]!r}…): digicat {want} != peer {got}")
        checked += n
        frame = pd.read_csv(io.StringIO(csv_text), dtype=str, keep_default_na=False)
        many_s = best(lambda: digicat.classify_many(codes, texts), repeat)
        peer_s = best(lambda: [peer.classify(c or None, t or None) for c, t in zip(codes, texts)], 1)
        frame_s = best(lambda: digicat.pandas.classify_frame(frame), repeat)
        apply_s = best(
            lambda: frame.apply(lambda r: peer.classify(r["行业代码"] or None, r["经营范围"] or None), axis=1), 1
        )
        runs.append({"rows": n, "many_s": many_s, "peer_s": peer_s, "frame_s": frame_s, "apply_s": apply_s})
        print(
            f"{n:>9}: classify_many {many_s:.2f}s vs peer {peer_s:.2f}s ({peer_s / many_s:.0f}x); "
            f"classify_frame {frame_s:.2f}s vs df.apply {apply_s:.2f}s ({apply_s / frame_s:.0f}x)"
        )
    Path(sys.argv[1]).write_text(json.dumps({"checked": checked, "runs": runs}, indent=1))


if __name__ == "__main__":
    main()
