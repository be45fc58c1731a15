"""Spark: ``digicat.spark.classify(df)`` adds the result columns to a Spark DataFrame.

It runs through ``DataFrame.mapInArrow`` with the output schema declared: each executor hands
whole Arrow record batches to the native Arrow entry point (no Python object per row) and
appends the typed result columns. The digicat wheel (and pyarrow) must be installed on every
executor; see the README's "Spark on a cluster".
"""

from __future__ import annotations

from typing import Any, Iterator, List, Optional

from digicat import _digicat, arrow

__all__ = ["add_results", "classify", "result_fields"]

#: The added columns, in order (the result of ``digicat.arrow.classify``).
COLUMNS = ("status", "reason", "industries", "rows", "evidence", "error")


def result_fields() -> List[Any]:
    """The Spark fields of the added columns: ``status``, ``reason`` and ``error`` strings,
    ``industries`` array<byte>, ``rows`` array<string>, ``evidence`` array<struct<text, row,
    start, end, kind, relation>>."""
    from pyspark.sql import types as T

    evidence = T.StructType([
        T.StructField("text", T.StringType()),
        T.StructField("row", T.StringType()),
        T.StructField("start", T.IntegerType()),
        T.StructField("end", T.IntegerType()),
        T.StructField("kind", T.StringType()),
        T.StructField("relation", T.StringType()),
    ])
    return [
        T.StructField("status", T.StringType()),
        T.StructField("reason", T.StringType()),
        T.StructField("industries", T.ArrayType(T.ByteType())),
        T.StructField("rows", T.ArrayType(T.StringType())),
        T.StructField("evidence", T.ArrayType(evidence)),
        T.StructField("error", T.StringType()),
    ]


def classify(
    df: Any,
    code_col: Optional[str] = None,
    text_col: Optional[str] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
    text_only: bool = False,
) -> Any:
    """Return ``df`` (a pyspark DataFrame) with the 6 typed result columns appended.

    Columns are chosen as the CLI and ``classify_frame`` choose them (``code_col`` and
    ``text_col`` name them; otherwise the CLI's detection order), and each row is classified as
    the CLI classifies a file's row (blank and ``合计`` footer rows are ``skipped``). The choice is
    checked on the driver first, so a missing column raises ValueError at once. Columns of
    other types than strings are read as text (numbers in decimal: read codes as strings).
    Nothing is dropped or reordered within a partition.
    """
    from pyspark.sql import types as T

    header = list(df.columns)
    clash = [c for c in COLUMNS if c in header]
    if clash:
        raise ValueError(f"the frame already has column(s) {clash}, which classify would add")
    pa = arrow.require_pyarrow()
    # Checks the column choice now (no rows), not on an executor.
    _digicat.report_table_arrow(
        header,
        [pa.chunked_array([], pa.string()) for _ in header],
        code_col,
        text_col,
        policy=policy,
        edition=edition,
        text_only=text_only,
    )
    schema = T.StructType(list(df.schema.fields) + result_fields())

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        return add_results(batches, header, code_col, text_col, policy=policy, edition=edition,
                           text_only=text_only)

    return df.mapInArrow(run, schema)


def add_results(
    batches: Iterator[Any],
    header: List[str],
    code_col: Optional[str] = None,
    text_col: Optional[str] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
    text_only: bool = False,
) -> Iterator[Any]:
    """The batch function of ``classify`` (it runs on the executors): each pyarrow
    ``RecordBatch`` of ``header``'s columns, with the 6 result columns appended in the types
    Spark reads (no dictionary encoding)."""
    import pyarrow  # type: ignore[import-untyped,unused-ignore]

    targets = [
        pyarrow.string(),
        pyarrow.string(),
        pyarrow.list_(pyarrow.int8()),
        pyarrow.list_(pyarrow.string()),
        None,  # evidence: cast to the nullable struct below
        pyarrow.string(),
    ]
    for batch in batches:
        table, _ = _digicat.report_table_arrow(
            header,
            [pyarrow.chunked_array([c]) for c in batch.columns],
            code_col,
            text_col,
            policy=policy,
            edition=edition,
            text_only=text_only,
        )
        added = []
        for i, target in enumerate(targets):
            column = table.column(i).combine_chunks()
            if target is None:
                target = pyarrow.list_(pyarrow.struct(
                    [pyarrow.field(f.name, f.type) for f in column.type.value_type]
                ))
            added.append(column.cast(target))
        yield pyarrow.RecordBatch.from_arrays(
            list(batch.columns) + added, names=header + list(COLUMNS)
        )
