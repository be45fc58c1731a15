"""Spark local mode: ``digicat.spark.classify`` (mapInArrow) against a row-at-a-time Python UDF
calling ``digicat.classify``, on generated records, with the profile behind the ratio. Answers
(status) are checked equal first (on the first 20,000 rows).

Usage: .venv/bin/python benches/python/bench_spark.py [ROWS]   (needs Java; default 200,000)

Timed, each writing to Spark's ``noop`` sink from a cached DataFrame:
- ``mapInArrow`` identity: the same rows through mapInArrow, returned unchanged (Spark's own
  cost: JVM → Arrow → Python worker → Arrow → JVM);
- ``digicat.spark.classify``: all 6 result columns (``status`` selected, as for the UDF);
- ``digicat.spark.classify``, all columns kept (``select("*")``: the nested evidence reaches
  the JVM rows);
- the row-at-a-time UDF (status only, as a string);
- the UDF returning the same 6 fields as a struct (what the columns cost row by row).
The batch function itself (``digicat.spark.add_results``: native call and casts) is also timed
alone, outside Spark, on the same rows in batches of ``maxRecordsPerBatch``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pyspark.sql import SparkSession, functions as F, types as T

import digicat
import digicat.spark

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import generate  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    codes, texts, _ = generate(n)
    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.driver.memory", "4g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.createDataFrame(list(zip(codes, texts)), "code string, text string").repartition(2)
    df = df.cache()
    df.count()
    batch_rows = spark.conf.get("spark.sql.execution.arrow.maxRecordsPerBatch")

    @F.udf(T.StringType())
    def one(code: str, text: str) -> str:
        try:
            return digicat.classify(code or None, text or None).status
        except digicat.InvalidCodeError:
            return "invalid"

    result = T.StructType(digicat.spark.result_fields())

    @F.udf(result)
    def whole(code: str, text: str) -> tuple:
        try:
            c = digicat.classify(code or None, text or None)
        except digicat.InvalidCodeError as e:
            return ("invalid", e.kind, [], [], [], str(e))
        evidence = [(e.text, e.row.id, e.start, e.end, e.kind, e.relation) for e in c.evidence]
        return (c.status, c.reason, list(c.industry_ids), [r.id for r in c.rows], evidence, c.error)

    def identity(batches):  # type: ignore[no-untyped-def]
        yield from batches

    ours = digicat.spark.classify(df, "code", "text")
    check = 20_000
    got = [r[0] for r in ours.select("status").limit(check).collect()]
    want = [r[0] for r in df.limit(check).select(one("code", "text")).collect()]
    assert got == want, "statuses differ"

    import pyarrow as pa

    size = int(batch_rows or 10_000)
    table = pa.table({"code": pa.array(codes, pa.string()), "text": pa.array(texts, pa.string())})
    t = time.perf_counter()
    for _ in digicat.spark.add_results(iter(table.to_batches(max_chunksize=size)),
                                       ["code", "text"], "code", "text"):
        pass
    inside = time.perf_counter() - t
    runs = {
        "mapInArrow identity (Spark's own cost)": df.mapInArrow(identity, df.schema),
        "digicat.spark.classify, status selected": digicat.spark.classify(df, "code", "text")
        .select("status"),
        "digicat.spark.classify, all columns": digicat.spark.classify(df, "code", "text"),
        "row-at-a-time UDF, status only": df.select(one("code", "text").alias("status")),
        "row-at-a-time UDF, the 6 fields": df.select(whole("code", "text").alias("r")),
    }
    timings = {}
    for name, frame in runs.items():
        t = time.perf_counter()
        frame.write.format("noop").mode("overwrite").save()
        timings[name] = time.perf_counter() - t
    print(f"{n:,} rows, local[2], maxRecordsPerBatch {batch_rows}; digicat.spark.add_results "
          f"alone, in this process, batches of {size:,}: {inside:.2f} s")
    for name, seconds in timings.items():
        print(f"| {name} | {seconds:.2f} s | {n / seconds:,.0f} rows/s |")
    udf = timings["row-at-a-time UDF, status only"]
    ours_t = timings["digicat.spark.classify, status selected"]
    print(f"ratio UDF (status) / classify (status): {udf / ours_t:.1f}x; "
          f"UDF (6 fields) / classify (all columns): "
          f"{timings['row-at-a-time UDF, the 6 fields'] / timings['digicat.spark.classify, all columns']:.1f}x")
    spark.stop()


if __name__ == "__main__":
    main()
