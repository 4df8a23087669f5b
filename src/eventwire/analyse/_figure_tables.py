"""The figures stage's knowledge tables (``knowledge/figure_*.tsv``), read through :mod:`eventwire.knowledge`
(so user files with the same header extend them), each built once per set of user files.
"""
from __future__ import annotations

from .. import knowledge

rows = knowledge.rows


@knowledge.cached
def column_map(name: str, key: str, value: str) -> dict[str, str]:
    """``{row[key].lower(): row[value]}`` for ``knowledge/<name>``."""
    return {r[key].lower(): r[value] for r in rows(name) if r.get(key)}


@knowledge.cached
def word_set(name: str, key: str = "word") -> frozenset[str]:
    """The lower-cased values of column ``key`` in ``knowledge/<name>``."""
    return frozenset(r[key].lower() for r in rows(name) if r.get(key))
