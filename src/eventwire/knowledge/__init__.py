"""The knowledge files: one reader for every stage's tables, and the user's files that extend them.

The data files in this folder are TSV tables (lines starting with ``#`` are comments, the first other line is
the header; no quoting) and a few JSON files (:func:`read_json`).  :func:`rows` gives a shipped table's rows followed by the rows
of every user file (the ``knowledge`` setting, made active with :func:`use`) that repeats its header, so that
loaders building dicts let user entries override shipped ones.  Loaders built on :func:`rows` are decorated
with :func:`cached`: their caches are cleared whenever the set of user files changes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, TypeVar

from ..errors import ModelError, make

#: The folder of the shipped knowledge files.
FOLDER = Path(__file__).resolve().parent

F = TypeVar("F", bound=Callable)

_active: tuple[str, ...] = ()
_loaders: list = []  # lru_cache-wrapped loaders to clear when the user files change


@dataclass(frozen=True)
class Table:
    """A TSV knowledge file: its header and its rows as dicts keyed by the header."""

    path: Path
    header: tuple[str, ...]
    rows: tuple[dict[str, str], ...]


def path(name: str) -> Path:
    """The path of the shipped knowledge file ``name`` (e.g. ``boilerplate_patterns.json``)."""
    return FOLDER / name


@lru_cache(maxsize=None)
def read_json(name: str) -> Any:
    """The parsed shipped JSON file ``knowledge/<name>``, read once (E402 when it cannot be read)."""
    p = path(name)
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise make(ModelError, "E402", path=p, why=exc) from exc


@lru_cache(maxsize=None)
def read_table(file: str | Path) -> Table:
    """The header and rows of a TSV knowledge file, read once per path.

    Comment lines (``#``) and blank lines are skipped; values are stripped; a row shorter than the header
    gets ``""`` for its missing columns.  Raises E402 when the file cannot be read or has no header."""
    p = Path(file)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise make(ModelError, "E402", path=p, why=exc) from exc
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise make(ModelError, "E402", path=p, why="no header line")
    header = tuple(h.strip() for h in lines[0].split("\t"))
    rows = []
    for line in lines[1:]:
        cells = [c.strip() for c in line.split("\t")]
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return Table(p, header, tuple(rows))


def _shipped(name: str) -> Table:
    return read_table(str(FOLDER / name))


@lru_cache(maxsize=1)
def _shipped_headers() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each shipped table's header -> the names of the shipped tables with that header."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for p in sorted(FOLDER.glob("*.tsv")):
        header = _shipped(p.name).header
        out[header] = out.get(header, ()) + (p.name,)
    return out


def use(files: tuple[str, ...] | list[str]) -> None:
    """Make ``files`` the active user knowledge files (in order), after checking each one: it must be
    readable and repeat the header of a shipped table (else E402 naming the file and the known headers).
    When the set changes, the caches of :func:`rows` and of every :func:`cached` loader are cleared."""
    global _active
    files = tuple(str(f) for f in files)
    if files == _active:
        return
    known = _shipped_headers()
    for f in files:
        table = read_table(f)
        if table.header not in known:
            raise make(ModelError, "E402", path=f, why="its header matches none of the shipped tables; "
                       "known headers: " + "; ".join(f"{' '.join(names)}: {'<TAB>'.join(h)}"
                                                     for h, names in known.items()))
    _active = files
    rows.cache_clear()
    for loader in _loaders:
        loader.cache_clear()


def active() -> tuple[str, ...]:
    """The user knowledge files in use."""
    return _active


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of the shipped table ``knowledge/<name>`` followed by those of every active user file
    with the same header."""
    table = _shipped(name)
    out = list(table.rows)
    for f in _active:
        extra = read_table(f)
        if extra.header == table.header:
            out.extend(extra.rows)
    return tuple(out)


def cached(fn: F) -> F:
    """``functools.lru_cache`` for a loader built on :func:`rows`, cleared when the user files change."""
    wrapped = lru_cache(maxsize=None)(fn)
    _loaders.append(wrapped)
    return wrapped  # type: ignore[return-value]
