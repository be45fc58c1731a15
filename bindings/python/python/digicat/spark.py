"""Spark: ``digicat.spark.classify(df)`` adds the result columns to a Spark DataFrame.

It runs through ``DataFrame.mapInArrow`` with the output schema declared: each executor hands
whole Arrow record batches to the native Arrow entry point (no Python object per row) and
appends the typed result columns. The digicat wheel (and pyarrow) must be installed on every
executor; see the README's "Spark on a cluster".
"""

from __future__ import annotations

from typing import Any, Iterator, List, Optional, Sequence, Union

from digicat import _digicat, arrow

__all__ = ["add_results", "classify", "columns", "result_fields"]

#: The added columns of ``dongguan-2019`` (the default), in order (the result of
#: ``digicat.arrow.classify``).
COLUMNS = ("status", "reason", "industries", "rows", "evidence", "error")

#: The added columns of ``szjj-2021``, in order (the core's names, as every surface writes them).
SZJJ_COLUMNS = tuple(_digicat.report_column_names(catalogue="szjj-2021"))


def columns(catalogue: Union[str, Sequence[str]] = "dongguan-2019") -> List[str]:
    """The names of the columns ``classify`` adds for ``catalogue`` (one id or a list), in
    order; ValueError for an unknown id."""
    names: List[str] = []
    for c in arrow.catalogues(catalogue):
        if c == "dongguan-2019":
            names.extend(COLUMNS)
        elif c == "szjj-2021":
            names.extend(SZJJ_COLUMNS)
        else:
            raise ValueError(
                f"unknown catalogue {c!r}; catalogues are dongguan-2019, szjj-2021 [未知的目录]"
            )
    return names


def result_fields(catalogue: Union[str, Sequence[str]] = "dongguan-2019") -> List[Any]:
    """The Spark fields of the added columns of ``catalogue`` (one id or a list, in order).

    ``dongguan-2019``: ``status``, ``reason`` and ``error`` strings, ``industries``
    array<byte>, ``rows`` array<string>, ``evidence`` array<struct<text, row, start, end, kind,
    relation>>. ``szjj-2021``: ``szjj_status``, ``szjj_reason`` and ``szjj_error`` strings,
    ``szjj_classes`` (小类 codes), ``szjj_class_names`` and ``szjj_rows`` array<string>,
    ``szjj_evidence`` array<struct<text, class, start, end, kind>>."""
    from pyspark.sql import types as T

    def evidence(names: Sequence[str]) -> Any:
        kinds = {"start": T.IntegerType(), "end": T.IntegerType()}
        return T.ArrayType(
            T.StructType([T.StructField(n, kinds.get(n, T.StringType())) for n in names])
        )

    fields: List[Any] = []
    for c in arrow.catalogues(catalogue):
        if c == "szjj-2021":
            strings = T.ArrayType(T.StringType())
            fields += [
                T.StructField("szjj_status", T.StringType()),
                T.StructField("szjj_reason", T.StringType()),
                T.StructField("szjj_classes", strings),
                T.StructField("szjj_class_names", strings),
                T.StructField("szjj_rows", strings),
                T.StructField(
                    "szjj_evidence", evidence(["text", "class", "start", "end", "kind"])
                ),
                T.StructField("szjj_error", T.StringType()),
            ]
        else:
            columns([c])  # an unknown id raises here
            fields += [
                T.StructField("status", T.StringType()),
                T.StructField("reason", T.StringType()),
                T.StructField("industries", T.ArrayType(T.ByteType())),
                T.StructField("rows", T.ArrayType(T.StringType())),
                T.StructField(
                    "evidence",
                    evidence(["text", "row", "start", "end", "kind", "relation"]),
                ),
                T.StructField("error", T.StringType()),
            ]
    return fields


def classify(
    df: Any,
    code_col: Optional[str] = None,
    text_col: Optional[str] = None,
    *,
    policy: str = "standard",
    edition: str = "auto",
    text_only: bool = False,
    catalogue: Union[str, Sequence[str]] = "dongguan-2019",
) -> Any:
    """Return ``df`` (a pyspark DataFrame) with the typed result columns appended.

    Columns are chosen as the CLI and ``classify_frame`` choose them (``code_col`` and
    ``text_col`` name them; otherwise the CLI's detection order), and each row is classified as
    the CLI classifies a file's row (blank and ``合计`` footer rows are ``skipped``). The choice is
    checked on the driver first, so a missing column raises ValueError at once. Columns of
    other types than strings are read as text (numbers in decimal: read codes as strings).
    Nothing is dropped or reordered within a partition.

    ``catalogue`` chooses the catalogue(s) as ``classify_frame`` does: ``"dongguan-2019"`` (the
    default: 6 columns, ``status`` … ``error``), ``"szjj-2021"`` (7 columns, ``szjj_status`` …
    ``szjj_error``) or a list of both, one column set per catalogue in the order given. The
    output schema is declared per selection (``result_fields(catalogue)``).
    """
    from pyspark.sql import types as T

    header = list(df.columns)
    selected = arrow.catalogues(catalogue)
    added = columns(selected)
    clash = [c for c in added if c in header]
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
        catalogues=selected,
    )
    schema = T.StructType(list(df.schema.fields) + result_fields(selected))

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        return add_results(batches, header, code_col, text_col, policy=policy, edition=edition,
                           text_only=text_only, catalogue=selected)

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
    catalogue: Union[str, Sequence[str]] = "dongguan-2019",
) -> Iterator[Any]:
    """The batch function of ``classify`` (it runs on the executors): each pyarrow
    ``RecordBatch`` of ``header``'s columns, with the result columns of ``catalogue`` appended
    in the types Spark reads (no dictionary encoding, nullable items)."""
    import pyarrow  # type: ignore[import-untyped,unused-ignore]

    def spark_type(t: Any) -> Any:
        if pyarrow.types.is_dictionary(t):
            return t.value_type
        if pyarrow.types.is_list(t):
            return pyarrow.list_(spark_type(t.value_type))
        if pyarrow.types.is_struct(t):
            return pyarrow.struct([pyarrow.field(f.name, spark_type(f.type)) for f in t])
        return t

    selected = arrow.catalogues(catalogue)
    for batch in batches:
        table, _ = _digicat.report_table_arrow(
            header,
            [pyarrow.chunked_array([c]) for c in batch.columns],
            code_col,
            text_col,
            policy=policy,
            edition=edition,
            text_only=text_only,
            catalogues=selected,
        )
        added = []
        for i in range(table.num_columns):
            column = table.column(i).combine_chunks()
            added.append(column.cast(spark_type(column.type)))
        yield pyarrow.RecordBatch.from_arrays(
            list(batch.columns) + added, names=header + list(table.column_names)
        )
