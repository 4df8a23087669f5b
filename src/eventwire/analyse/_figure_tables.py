"""Loading of the figures stage's knowledge files (``knowledge/figure_*.tsv``).

Each file is a TSV: lines starting with ``#`` are comments (the first says what the file is and where it
comes from), the first other line is the header.  Every table is read once per process.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from ..errors import ModelError, make

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``knowledge/<name>`` as dicts keyed by the header (values stripped, lower-cased keys)."""
    path = KNOWLEDGE / name
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                 if ln.strip() and not ln.startswith("#")]
    except OSError as exc:
        raise make(ModelError, "E402", path=path, why=exc) from exc
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    out = []
    for row in reader:
        out.append({(k or "").strip().lower(): (v or "").strip() for k, v in row.items()})
    return tuple(out)


@lru_cache(maxsize=None)
def column_map(name: str, key: str, value: str) -> dict[str, str]:
    """``{row[key].lower(): row[value]}`` for ``knowledge/<name>``."""
    return {r[key].lower(): r[value] for r in rows(name) if r.get(key)}


@lru_cache(maxsize=None)
def word_set(name: str, key: str = "word") -> frozenset[str]:
    """The lower-cased values of column ``key`` in ``knowledge/<name>``."""
    return frozenset(r[key].lower() for r in rows(name) if r.get(key))
