"""The embedded store: SQLite in WAL mode.  Only this package touches SQL.

One process writes (``eventwire ingest``), any number of processes read while it runs (WAL readers see
the last committed batch).  Each batch of articles is one transaction, so a crash or ``kill -9`` loses at
most the batch in flight; articles are keyed by ``id`` (the given id, else a content hash) and inserted
with ``INSERT OR IGNORE``, so rerunning an ingest stores nothing twice.  The schema is built by numbered
migrations (``migrations/NNNN_*.sql``; PRAGMA user_version is the last one applied).
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import StoreError, make
from ..model import Article
from . import _schema
from ._export import FORMATS, TABLES, export

__all__ = ["Store", "TABLES", "FORMATS", "export"]

#: Tables with one row per annotation; their columns (after article_id, idx) are read from the schema, so
#: a migration that adds a column is all it takes to store a new record field in its own column.
_CHILDREN = ("actors", "quotes", "events", "figures", "errors")
_ARTICLE_COLS = ("id", "url", "outlet", "title", "published", "language", "byline", "origin", "text", "failed",
                 "errors", "record")
_SQL_ARTICLE = "INSERT OR IGNORE INTO articles ({}) VALUES ({})".format(
    ", ".join(_ARTICLE_COLS), ", ".join("?" * len(_ARTICLE_COLS)))


def _cell(value: Any) -> Any:
    """A record value as an SQLite value: lists as JSON, booleans as 0/1."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


class Store:
    """An open eventwire store.  ``Store(path)`` creates and migrates it; ``readonly=True`` opens an
    existing store for reading only (safe while another process ingests)."""

    def __init__(self, path: str | os.PathLike, *, readonly: bool = False, timeout: float = 30.0):
        self.path = os.fspath(path)
        self.readonly = readonly
        try:
            if readonly:
                if not Path(self.path).is_file():
                    raise FileNotFoundError(f"no such file: {self.path}")
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
                self.conn.execute("PRAGMA query_only = ON")
            else:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
                self.conn.execute("PRAGMA journal_mode = WAL")
                # NORMAL is durable against process crashes (kill -9) in WAL mode; FULL adds power-loss
                # durability for the last transaction at the cost of an fsync per batch.
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except (sqlite3.Error, OSError) as exc:
            raise make(StoreError, "E601", path=self.path, why=f"{type(exc).__name__}: {exc}") from exc
        if readonly:
            if version > _schema.latest():
                raise make(StoreError, "E602", path=self.path, found=version, known=_schema.latest())
            if version == 0:
                raise make(StoreError, "E601", path=self.path, why="it is not an eventwire store (schema 0)")
        else:
            _schema.migrate(self.conn, self.path)
            self._inserts = {t: self._insert_sql(t) for t in _CHILDREN}

    def _insert_sql(self, table: str) -> tuple[tuple[str, ...], str]:
        cols = tuple(r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")
                     if r[1] not in ("article_id", "idx"))
        sql = "INSERT INTO {t} (article_id, idx, {c}) VALUES (?, ?, {q})".format(
            t=table, c=", ".join(f'"{c}"' for c in cols), q=", ".join("?" * len(cols)))
        return cols, sql

    # -- lifecycle --------------------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- writing ----------------------------------------------------------------------------------------
    def add(self, articles: Iterable[Article]) -> tuple[int, int]:
        """Store a batch of analysed articles in one transaction; returns (added, already stored).

        Articles whose id is already stored are skipped (the first copy wins); so are repeats inside the
        batch.  Either the whole batch is committed or none of it."""
        added = skipped = 0
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            for art in articles:
                if self._insert(art):
                    added += 1
                else:
                    skipped += 1
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise make(StoreError, "E601", path=self.path, why=f"{type(exc).__name__}: {exc}") from exc
            raise
        return added, skipped

    def _insert(self, art: Article) -> bool:
        if art.id is None:
            art.id = art.content_hash()
        rec = art.to_record()
        row = (rec["id"], rec["url"], rec["outlet"], rec["title"], rec["published"], rec["language"],
               rec.get("byline"), rec.get("origin"), rec["text"], int(bool(rec["errors"])),
               _cell(rec["errors"]), json.dumps(rec, ensure_ascii=False))
        if self.conn.execute(_SQL_ARTICLE, row).rowcount == 0:
            return False
        for table, (cols, sql) in self._inserts.items():
            items = rec[table]
            if items:
                self.conn.executemany(sql, [
                    (rec["id"], i, *(_cell(item.get(c)) for c in cols)) for i, item in enumerate(items)])
        return True

    # -- reading ----------------------------------------------------------------------------------------
    def has(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def count(self, table: str = "articles") -> int:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def records(self) -> Iterator[dict[str, Any]]:
        """Every stored contract record, in ingest order (streamed)."""
        for (rec,) in self.conn.execute("SELECT record FROM articles ORDER BY seq"):
            yield json.loads(rec)

    def query(self, sql: str, params: Iterable[Any] = ()) -> tuple[list[str], Iterator[tuple]]:
        """Run one SQL statement; returns (column names, rows).  Use a read-only store for user SQL."""
        try:
            cur = self.conn.execute(sql, tuple(params))
        except sqlite3.Error as exc:
            raise make(StoreError, "E604", sql=sql[:200], why=f"{type(exc).__name__}: {exc}") from exc
        cols = [d[0] for d in cur.description or ()]
        return cols, iter(cur)

    def export(self, fmt: str, out: str | os.PathLike | None, table: str = "events") -> int:
        """Write the store out (see :func:`eventwire.store.export`); returns the number of rows."""
        return export(self, fmt, out, table)
