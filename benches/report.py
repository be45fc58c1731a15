"""Writes BENCHMARKS.md from the results `make bench` collected.

Reads criterion's estimates under target/criterion and the JSON files under target/bench
(startup.json, cli.json, python.json). Standard library only.
Usage: python3 benches/report.py > BENCHMARKS.md
"""

from __future__ import annotations

import json
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CRITERION = ROOT / "target" / "criterion"
RESULTS = ROOT / "target" / "bench"


def per_element_ns(group: str, bench: str, param: str | None = None) -> float | None:
    """Median time per element (ns) of one criterion benchmark, or None if it did not run."""
    base = CRITERION / group / bench
    if param is not None:
        base = base / param
    try:
        est = json.loads((base / "new" / "estimates.json").read_text())
        meta = json.loads((base / "new" / "benchmark.json").read_text())
    except FileNotFoundError:
        return None
    elements = (meta.get("throughput") or {}).get("Elements", 1)
    return est["median"]["point_estimate"] / elements


def load(name: str) -> dict:
    try:
        return json.loads((RESULTS / name).read_text())
    except FileNotFoundError:
        return {}


def fmt_ns(ns: float | None) -> str:
    if ns is None:
        return "not run"
    if ns < 1_000:
        return f"{ns:.1f} ns"
    if ns < 1_000_000:
        return f"{ns / 1_000:.2f} µs"
    return f"{ns / 1_000_000:.2f} ms"


def ratio(base: float | None, ours: float | None) -> str:
    if base is None or ours is None or ours == 0:
        return "–"
    return f"{base / ours:.1f}×"


def verdict(ok: bool | None) -> str:
    return "–" if ok is None else ("met" if ok else "**missed**")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len([l for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("processor")])
    mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{cpu}, {cores} cores, {int(mem) / 1024 / 1024:.0f} GiB RAM, {platform.system()} "
        f"{platform.release()}; {rustc}; Python {platform.python_version()}"
    )


def main() -> None:
    out: list[str] = []
    w = out.append
    w("# Benchmarks\n")
    w("Produced by `make bench` (it takes several minutes; not part of CI), which runs the criterion")
    w("benchmarks in `benches/benches/engine.rs`, the start-up probe (`benches/src/bin/startup.rs`),")
    w("the CLI on generated files (`benches/python/bench_cli.py`) and the Python comparison")
    w("(`benches/python/bench.py`), then writes this file with `benches/report.py`. Records come from")
    w("the deterministic generator in `benches/src/lib.rs` (same seed, same records). Figures are")
    w("medians. Each baseline runs in the same benchmark run as digicat.\n")
    w(f"Machine: {machine()}.\n")

    w("## Rust engine (criterion)\n")
    w("| benchmark | digicat | baseline | baseline time | digicat faster by |")
    w("|---|---|---|---|---|")
    phf = per_element_ns("code_to_rows", "digicat_phf")
    parse = per_element_ns("code_to_rows", "digicat_parse_and_phf")
    hm = per_element_ns("code_to_rows", "hashmap_string")
    scan = per_element_ns("code_to_rows", "linear_scan")
    w(f"| code → rows (parsed `Code`) | {fmt_ns(phf)} | `HashMap<String, Vec<_>>` | {fmt_ns(hm)} | {ratio(hm, phf)} |")
    w(f"| code → rows (from the string, parse included) | {fmt_ns(parse)} | linear scan | {fmt_ns(scan)} | {ratio(scan, parse)} |")
    pl = per_element_ns("product_lookup", "digicat_normalised_phf")
    pe = per_element_ns("product_lookup", "hashmap_string_exact")
    pn = per_element_ns("product_lookup", "hashmap_string_normalised")
    w(f"| exact product lookup, normalised | {fmt_ns(pl)} | `HashMap` + `normalize()` | {fmt_ns(pn)} | {ratio(pn, pl)} |")
    w(f"| (for reference) | | `HashMap`, exact bytes, no normalisation | {fmt_ns(pe)} | {ratio(pe, pl)} |")
    finds = {}
    for n in ("30", "200", "2000"):
        ours = per_element_ns("find_in_text", "digicat_aho_corasick", n)
        naive = per_element_ns("find_in_text", "naive_contains", n)
        finds[n] = (ours, naive)
        w(f"| products in a {n}-char text | {fmt_ns(ours)} | `contains` loop over all products | {fmt_ns(naive)} | {ratio(naive, ours)} |")
    typical = per_element_ns("classify", "digicat", "typical_200")
    mixed = per_element_ns("classify", "digicat", "mixed")
    w(f"| classify a typical ~200-char record | {fmt_ns(typical)} | | | |")
    w(f"| classify the generated mix (30/200/2000 chars) | {fmt_ns(mixed)} | | | |")
    w("")
    w("Growth with text length (products found): " + ", ".join(
        f"{n} chars {fmt_ns(v[0])}" for n, v in finds.items()) + ".\n")

    st = load("startup.json")
    w("## Start-up\n")
    if st:
        d, j = st["digicat"], st["json_baseline"]
        w(f"Median of {st['runs']} runs of a probe that classifies one record and exits.\n")
        w("| | process start → exit | `main` → first answer |")
        w("|---|---|---|")
        w(f"| digicat (tables and automaton in the binary) | {fmt_ns(d['process_ns'])} | {fmt_ns(d['in_process_ns'])} |")
        w(f"| catalogue loaded from JSON at start-up + `contains` loop | {fmt_ns(j['process_ns'])} | {fmt_ns(j['in_process_ns'])} |")
        w("")
    else:
        w("not run\n")

    cli = load("cli.json").get("cli", [])
    w("## Command line\n")
    if cli:
        w("`digicat classify FILE -o OUT --quiet` on generated CSV files, timed with `/usr/bin/time -v`.\n")
        w("| rows | texts | input | wall time | rows/s | MB/s | peak RSS |")
        w("|---|---|---|---|---|---|---|")
        for r in cli:
            w(
                f"| {r['rows']:,} | {r.get('length', 'mixed')} | {r['input_mb']:.0f} MB | {r['seconds']:.2f} s "
                f"| {r['rows_per_s']:,.0f} | {r['input_mb'] / r['seconds']:.0f} | {r['peak_rss_mb']:.1f} MB |"
            )
        w("")
    else:
        w("not run\n")

    py = load("python.json")
    w("## Python\n")
    if py:
        w("Answers (status, reason, industries) of the pure-Python peer (`benches/python/peer.py`: dicts,")
        w("one compiled `re` alternation longest first, the same rules) were checked equal to digicat's on")
        w(f"every benchmark record before timing ({py.get('checked', 0):,} records).\n")
        w("| records | `classify_many` | peer loop | ratio | `classify_frame` | `df.apply(peer)` | ratio |")
        w("|---|---|---|---|---|---|---|")
        for r in py.get("runs", []):
            w(
                f"| {r['rows']:,} | {r['many_s']:.2f} s | {r['peer_s']:.2f} s | {r['peer_s'] / r['many_s']:.1f}× "
                f"| {r['frame_s']:.2f} s | {r['apply_s']:.2f} s | {r['apply_s'] / r['frame_s']:.1f}× |"
            )
        w("")
    else:
        w("not run\n")

    w("## Targets\n")
    w("| target | measured | verdict |")
    w("|---|---|---|")
    w(f"| code → rows ≤ 10 ns and faster than `HashMap<String>` | {fmt_ns(phf)} vs {fmt_ns(hm)} | {verdict(None if phf is None or hm is None else phf <= 10 and phf < hm)} |")
    w(f"| classify a ~200-char record ≤ 1 µs | {fmt_ns(typical)} | {verdict(None if typical is None else typical <= 1000)} |")
    o, n = finds.get("200", (None, None))
    w(f"| products in a 200-char text ≥ 10× the naive loop | {ratio(n, o)} | {verdict(None if o is None or n is None else n / o >= 10)} |")
    if st:
        w(f"| first classification ≤ 1 ms after process start | {fmt_ns(st['digicat']['in_process_ns'])} in process, {fmt_ns(st['digicat']['process_ns'])} whole process | {verdict(st['digicat']['process_ns'] <= 1e6)} |")
    if len(cli) >= 2:
        small, big = cli[0], cli[1]
        flat = abs(big["peak_rss_mb"] - small["peak_rss_mb"]) / small["peak_rss_mb"] <= 0.10
        w(f"| CLI ≥ 400k rows/s on 1M rows (mixed lengths) | {big['rows_per_s']:,.0f} rows/s | {verdict(big['rows_per_s'] >= 400_000)} |")
        for r in cli[2:]:
            w(f"| CLI ≥ 400k rows/s on 1M rows ({r['length']} texts) | {r['rows_per_s']:,.0f} rows/s | {verdict(r['rows_per_s'] >= 400_000)} |")
        w(f"| CLI peak RSS ≤ 50 MB, within 10 % from 100k to 1M | {small['peak_rss_mb']:.1f} → {big['peak_rss_mb']:.1f} MB | {verdict(big['peak_rss_mb'] <= 50 and flat)} |")
    for r in py.get("runs", []):
        w(f"| Python `classify_many` ≥ 50× the peer ({r['rows']:,}) | {r['peer_s'] / r['many_s']:.1f}× | {verdict(r['peer_s'] / r['many_s'] >= 50)} |")
        w(f"| `classify_frame` ≥ 20× `df.apply(peer)` ({r['rows']:,}) | {r['apply_s'] / r['frame_s']:.1f}× | {verdict(r['apply_s'] / r['frame_s'] >= 20)} |")
    notes = ROOT / "benches" / "NOTES.md"
    if notes.exists():
        w("")
        w(notes.read_text().strip())
    print("\n".join(out))


if __name__ == "__main__":
    main()
