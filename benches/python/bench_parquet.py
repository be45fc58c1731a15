"""CLI Parquet in → Parquet out: rows/s and peak RSS on generated records (1M and 10M rows by
default), with CSV in → CSV out on the same records in the same run for comparison.

Usage: .venv/bin/python benches/python/bench_parquet.py [ROWS ...]   (after
`cargo build --release -p digicat-cli -p digicat-benches --bins`; needs pyarrow and GNU time).
The input Parquet file is written by pyarrow from `gen_records N 2019 typical` (~200-character
texts; pyarrow's default row groups, zstd), streamed so the CSV need not fit in memory. Each run
once, timed with `/usr/bin/time -v`; the rows written are counted from the output's footer.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow.csv as pv
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "target" / "release"


def timed(args: list[str | Path]) -> tuple[float, float]:
    """Runs `args` under /usr/bin/time -v: (wall seconds, peak RSS in MB)."""
    proc = subprocess.run(["/usr/bin/time", "-v", *args], capture_output=True, text=True, check=True)
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", proc.stderr)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    return seconds, rss_kb / 1024


def generate(rows: int, workdir: Path) -> tuple[Path, Path]:
    """The records as CSV and as Parquet (text columns as strings)."""
    csv = workdir / f"records-{rows}.csv"
    with open(csv, "wb") as f:
        subprocess.run([BIN / "gen_records", str(rows), "2019", "typical"], stdout=f, check=True)
    parquet = workdir / f"records-{rows}.parquet"
    strings = {"企业编号": "string", "行业代码": "string", "经营范围": "string"}
    import pyarrow as pa

    types = {k: pa.string() for k in strings}
    reader = pv.open_csv(csv, convert_options=pv.ConvertOptions(column_types=types))
    with pq.ParquetWriter(parquet, reader.schema, compression="zstd") as w:
        for batch in reader:
            w.write_batch(batch)
    return csv, parquet


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000_000, 10_000_000]
    print("| rows | path | input | wall time | rows/s | peak RSS | output |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(dir=ROOT / "target") as d:
        for rows in sizes:
            csv, parquet = generate(rows, Path(d))
            for name, src, out in (
                ("Parquet → Parquet", parquet, Path(d) / "out.parquet"),
                ("CSV → CSV", csv, Path(d) / "out.csv"),
            ):
                subprocess.run(["sync"], check=True)
                seconds, rss = timed([BIN / "digicat", "classify", src, "-o", out, "--quiet"])
                if out.suffix == ".parquet":
                    written = pq.ParquetFile(out).metadata.num_rows
                else:
                    with open(out, "rb") as f:
                        written = sum(1 for _ in f) - 1
                assert written == rows, f"{written} rows written for {rows}"
                size = lambda p: f"{p.stat().st_size / 1e6:,.0f} MB"  # noqa: E731
                print(f"| {rows:,} | {name} | {size(src)} | {seconds:.2f} s | {rows / seconds:,.0f} | "
                      f"{rss:.1f} MB | {size(out)} |", flush=True)
                out.unlink()
            csv.unlink()
            parquet.unlink()


if __name__ == "__main__":
    main()
