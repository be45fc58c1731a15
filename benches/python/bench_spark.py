"""Spark local mode: ``digicat.spark.classify`` (mapInArrow) against a row-at-a-time Python UDF
calling ``digicat.classify``, on generated records. Answers (status) are checked equal first.

Usage: .venv/bin/python benches/python/bench_spark.py [ROWS]   (needs Java)
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
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    codes, texts, _ = generate(n)
    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.createDataFrame(list(zip(codes, texts)), "code string, text string").cache()
    df.count()

    @F.udf(T.StringType())
    def one(code: str, text: str) -> str:
        try:
            return digicat.classify(code or None, text or None).status
        except digicat.InvalidCodeError:
            return "invalid"

    ours = digicat.spark.classify(df, "code", "text").select("status")
    theirs = df.select(one("code", "text").alias("status"))
    assert [r[0] for r in ours.collect()] == [r[0] for r in theirs.collect()]
    timings = {}
    for name, frame in (("mapInArrow", ours), ("udf", theirs)):
        t = time.perf_counter()
        frame.write.format("noop").mode("overwrite").save()
        timings[name] = time.perf_counter() - t
    a, u = timings["mapInArrow"], timings["udf"]
    print(f"{n} rows, local[2]: digicat.spark.classify {a:.2f}s ({n / a:,.0f} rows/s); "
          f"row-at-a-time UDF {u:.2f}s ({n / u:,.0f} rows/s); {u / a:.1f}x")
    spark.stop()


if __name__ == "__main__":
    main()
