"""CLI throughput and peak memory on generated files: 100k and 1M rows of the mixed lengths,
and 1M rows of typical (~200-character) texts.

Usage: python3 benches/python/bench_cli.py OUT.json   (run by `make bench` after a release build)
Needs GNU time at /usr/bin/time (`make bench` installs it when missing). Each figure is the best
of three runs writing the output to a file (`-o`), after `sync`.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "target" / "release"


def run(rows: int, workdir: Path, length: str = "mixed") -> dict[str, float | str]:
    data = workdir / f"records-{rows}-{length}.csv"
    with open(data, "wb") as f:
        subprocess.run([BIN / "gen_records", str(rows), "2019", length], stdout=f, check=True)
    out = workdir / f"out-{rows}.csv"
    # Let the kernel write the generated file back first, so its write-back is not timed.
    subprocess.run(["sync"], check=True)
    best = None
    for _ in range(3):
        out.unlink(missing_ok=True)
        proc = subprocess.run(
            ["/usr/bin/time", "-v", BIN / "digicat", "classify", data, "-o", out, "--quiet"],
            capture_output=True,
            text=True,
            check=True,
        )
        rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
        wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", proc.stderr)
        seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
        if best is None or seconds < best[0]:
            best = (seconds, rss_kb)
    seconds, rss_kb = best
    with open(out, encoding="utf-8") as f:
        written = sum(1 for _ in f) - 1
    assert written == rows, f"{written} rows written for {rows}"
    return {
        "rows": rows,
        "length": length,
        "seconds": seconds,
        "rows_per_s": rows / seconds,
        "peak_rss_mb": rss_kb / 1024,
        "input_mb": data.stat().st_size / 1e6,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        results = [run(n, Path(d)) for n in (100_000, 1_000_000)]
        results.append(run(1_000_000, Path(d), "typical"))
    Path(sys.argv[1]).write_text(json.dumps({"cli": results}, indent=1))
    for r in results:
        print(f"{r['rows']:>9} {r['length']} rows: {r['rows_per_s']:,.0f} rows/s, peak RSS {r['peak_rss_mb']:.1f} MB")


if __name__ == "__main__":
    main()
