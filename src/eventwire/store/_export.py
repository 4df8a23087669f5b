"""Export the store: ``jsonl`` (contract records, ingest order), ``csv`` and ``parquet`` (one table, or
every table into a directory).  Rows are streamed in ingest order; memory does not grow with the store."""
from __future__ import annotations

import csv
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, TextIO

from ..errors import StoreError, make

if TYPE_CHECKING:
    from . import Store

#: Tables that csv/parquet export and ``eventwire query`` can read.
TABLES = ("articles", "actors", "quotes", "events", "figures", "errors")
FORMATS = ("jsonl", "csv", "parquet")
_BATCH = 5000


@contextmanager
def _text_out(out: str | os.PathLike | None) -> Iterator[TextIO]:
    if out is None or os.fspath(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(out, "w", encoding="utf-8", newline="") as f:
            yield f


def _select(store: "Store", table: str) -> tuple[list[str], list[str], Iterator[tuple]]:
    """(column names, declared SQL types, rows) of ``table`` in ingest order; articles without the
    full JSON record (it is the jsonl export)."""
    info = store.conn.execute(f"PRAGMA table_info({table})").fetchall()
    cols = [r[1] for r in info if not (table == "articles" and r[1] == "record")]
    types = [r[2].upper() for r in info if r[1] in cols]
    sel = ", ".join(f't."{c}"' for c in cols)
    if table == "articles":
        sql = f"SELECT {sel} FROM articles t ORDER BY t.seq"
    else:
        sql = f"SELECT {sel} FROM {table} t JOIN articles a ON a.id = t.article_id ORDER BY a.seq, t.idx"
    return cols, types, iter(store.conn.execute(sql))


def _csv(store: "Store", table: str, out) -> int:
    cols, _types, rows = _select(store, table)
    n = 0
    with _text_out(out) as f:
        w = csv.writer(f)
        w.writerow(cols)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def _parquet(store: "Store", table: str, out) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols, types, rows = _select(store, table)
    arrow = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    schema = pa.schema([(c, arrow.get(t, pa.string())) for c, t in zip(cols, types)])
    n = 0
    with pq.ParquetWriter(os.fspath(out), schema) as writer:
        while batch := list(_take(rows, _BATCH)):
            writer.write_table(pa.Table.from_pylist([dict(zip(cols, r)) for r in batch], schema=schema))
            n += len(batch)
    return n


def _take(it: Iterator[tuple], n: int) -> Iterator[tuple]:
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return


def export(store: "Store", fmt: str, out: str | os.PathLike | None, table: str = "events") -> int:
    """Write ``store`` as ``fmt`` to ``out`` (a file; None or "-" for stdout, except parquet).

    ``jsonl`` writes every article's contract record, in ingest order (``table`` is ignored).  ``csv``
    and ``parquet`` write one table (default ``events``); ``table="all"`` writes every table as
    ``<table>.csv``/``<table>.parquet`` into the directory ``out``.  Returns the number of rows written."""
    if fmt not in FORMATS:
        raise make(StoreError, "E603", fmt=fmt)
    if fmt == "jsonl":
        n = 0
        with _text_out(out) as f:
            for rec in store.records():
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        return n
    if table != "all" and table not in TABLES:
        raise ValueError(f"unknown table {table!r}: use one of {', '.join(TABLES)} or all")
    if fmt == "parquet" and (out is None or os.fspath(out) == "-"):
        raise ValueError("parquet is binary: give an output path with -o")
    write = _csv if fmt == "csv" else _parquet
    if table == "all":
        if out is None or os.fspath(out) == "-":
            raise ValueError("--table all writes one file per table: give an output directory with -o")
        Path(out).mkdir(parents=True, exist_ok=True)
        return sum(write(store, t, Path(out) / f"{t}.{fmt}") for t in TABLES)
    return write(store, table, out)
