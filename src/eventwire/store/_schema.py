"""Numbered schema migrations: ``migrations/NNNN_name.sql``, applied in order; PRAGMA user_version
holds the number of the last one applied."""
from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from importlib import resources

from ..errors import StoreError, make

_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


@lru_cache(maxsize=1)
def migrations() -> tuple[tuple[int, str, str], ...]:
    """Every shipped migration as (number, file name, SQL), in order."""
    found = []
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(found) + 1)):
        raise RuntimeError(f"store migrations are not numbered 1..n: {numbers}")
    return tuple(found)


def latest() -> int:
    return len(migrations())


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Bring the database up to the latest schema; returns the version it is at."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > latest():
        raise make(StoreError, "E602", path=path, found=version, known=latest())
    for number, _name, sql in migrations():
        if number <= version:
            continue
        # executescript commits first; BEGIN IMMEDIATE makes each migration all-or-nothing.
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.rollback()
            raise make(StoreError, "E601", path=path, why=f"migration {_name} failed: {exc}") from exc
        version = number
    return version
