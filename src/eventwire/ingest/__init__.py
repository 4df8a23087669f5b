"""Readers: turn inputs (files, directories, stdin) into a stream of raw :class:`~eventwire.model.Article`.

Entry point: :func:`read`.  Input kinds (see CONTRACT.md): ``.txt``, ``.html``/``.htm``, ``.jsonl``
(and ``.jsonl.gz``), ``.warc``/``.warc.gz``, directories (recursively, sorted, files of those kinds) and
``-`` for stdin (sniffed: JSON Lines, WARC, HTML or text; gzip is unpacked).  Everything is streamed:
memory does not grow with the number of articles.  Unreadable input never raises: it yields an article
with a coded error (``errors``) and ``origin`` saying where it was.
"""
from __future__ import annotations

import gzip
import io
import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..model import Article
from ..settings import Settings
from . import jsonl, single, warc
from ._common import fail, reason

__all__ = ["read", "kind_of", "KINDS"]

#: File name endings and the reader kind for each (longest ending first).
KINDS: tuple[tuple[str, str], ...] = (
    (".jsonl.gz", "jsonl"), (".warc.gz", "warc"), (".jsonl", "jsonl"), (".warc", "warc"),
    (".html", "html"), (".htm", "html"), (".txt", "text"),
)
_SNIFF = 65536


def kind_of(path: str | os.PathLike) -> str | None:
    """The reader kind for a file name, or None when eventwire does not read that kind of file."""
    name = os.fspath(path).lower()
    return next((kind for end, kind in KINDS if name.endswith(end)), None)


def read(inputs: Iterable[str], settings: Settings) -> Iterator[Article]:
    """Yield one raw article per article found in ``inputs`` (paths, directories or "-"), in order."""
    for name in inputs:
        name = os.fspath(name)
        try:
            if name == "-":
                yield from _read_stdin(settings)
            else:
                yield from _read_path(Path(name), name, settings, explicit=True)
        except OSError as exc:  # permissions, a file vanishing mid-read, a device error
            yield fail(name, "E210", path=name, why=reason(exc))


def _read_path(path: Path, origin: str, settings: Settings, *, explicit: bool) -> Iterator[Article]:
    if path.is_dir():
        for child in _walk(path):
            try:
                yield from _read_path(child, str(child), settings, explicit=False)
            except OSError as exc:
                yield fail(str(child), "E210", path=child, why=reason(exc))
        return
    if not path.exists():
        yield fail(origin, "E201", path=origin)
        return
    if not path.is_file():
        yield fail(origin, "E210", path=origin, why="not a regular file")
        return
    kind = kind_of(path)
    if kind == "jsonl":
        yield from jsonl.read_file(path, origin, settings)
    elif kind == "warc":
        yield from warc.read_file(path, origin, settings)
    elif kind in ("html", "text"):
        # --url names one article: it applies to a file given by name, not to each file of a directory
        url = (settings.url or None) if explicit else None
        yield from single.read_file(path, origin, settings, html=kind == "html", url=url)
    elif explicit and not path.suffix:
        with open(path, "rb") as f:  # no extension at all: look at the content, as for stdin
            yield from _read_sniffed(f, origin, settings)
    else:
        yield fail(origin, "E202", path=origin)


def _walk(root: Path) -> Iterator[Path]:
    """Files of known kinds under ``root``, recursively, sorted by path; hidden entries are skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in sorted(filenames):
            if not f.startswith(".") and kind_of(f):
                yield Path(dirpath) / f


class _Prefixed(io.RawIOBase):
    """A read-only stream that serves ``head`` (bytes already read while sniffing) and then ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._rest.read(len(buf))
        buf[: len(data)] = data
        return len(data)


def sniff(head: bytes) -> str:
    """The kind of a stream from its first bytes: "gzip", "warc", "jsonl", "html" or "text"."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body.startswith(b"WARC/"):
        return "warc"
    if body.startswith(b"{"):
        return "jsonl"
    low = body[:2048].lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<!--")) or b"<html" in low:
        return "html"
    return "text"


def _read_sniffed(stream: BinaryIO, origin: str, settings: Settings, depth: int = 0) -> Iterator[Article]:
    head = stream.read(_SNIFF)
    kind = sniff(head)
    whole = io.BufferedReader(_Prefixed(head, stream))
    if kind == "gzip" and depth == 0:
        try:
            yield from _read_sniffed(gzip.GzipFile(fileobj=whole), origin, settings, depth + 1)
        except (EOFError, OSError) as exc:
            yield fail(origin, "E207", path=origin, why=reason(exc))
    elif kind == "warc":
        yield from warc.read_stream(whole, origin, settings)
    elif kind == "jsonl":
        yield from jsonl.read_stream(whole, origin, settings)
    else:
        yield from single.read_stream(whole, origin, settings, html=kind == "html", url=settings.url or None)


def _read_stdin(settings: Settings) -> Iterator[Article]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stdin (e.g. replaced in an embedding application)
        stream = io.BytesIO(sys.stdin.read().encode("utf-8", "surrogateescape"))
    yield from _read_sniffed(stream, "<stdin>", settings)
