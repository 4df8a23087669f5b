"""WARC archives (``.warc``, ``.warc.gz``): every HTTP response record with an HTML payload.

Records are streamed with warcio; one unreadable record gives E208 and the next is read; a truncated or
corrupt archive ends with E207 after the records before the damage.
"""
from __future__ import annotations

import gzip
import io
import re
import zlib
from pathlib import Path
from typing import BinaryIO, Iterator

from ..model import Article
from ..settings import Settings
from ._bytes import decode_input
from ._common import article, fail, failed, reason

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


class _Read1:
    """``read(n)`` as one ``read1`` of a gzip stream, so that a truncated member raises EOFError only
    after every byte before the damage was handed out (a buffered ``read(n)`` would drop them)."""

    def __init__(self, stream: gzip.GzipFile):
        self._stream = stream

    def read(self, n: int = -1) -> bytes:
        try:
            return self._stream.read1(n) if n and n > 0 else self._stream.read()
        except EOFError as exc:  # warcio takes EOFError for a clean end of the archive
            raise _Truncated(str(exc)) from exc


class _Truncated(Exception):
    """The compressed archive ends in the middle of a gzip member."""


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    status = record.http_headers.get_statuscode() or ""
    return status.startswith("2") and any(t in ctype for t in _HTML_TYPES)


def _read_record(record, origin: str, settings: Settings) -> Article:
    limit = settings.max_input_bytes
    stream = record.content_stream()
    data = stream.read(limit + 1) if limit > 0 else stream.read()
    cut = limit > 0 and len(data) > limit
    if cut:
        data = data[:limit]
    elif getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended inside this record
        why = f"record {origin} ends {record.raw_stream.limit} bytes early"
        return fail(origin, "E207", path=origin.rsplit("#", 1)[0], why=why)
    ctype = record.http_headers.get_header("Content-Type") or ""
    m = _CHARSET.search(ctype)
    dec = decode_input(data, cut, origin=origin, size=record.length, limit=limit, html=True,
                       declared=m.group(1) if m else None)
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    meta = {"url": url}
    if not dec.text:
        return failed(origin, dec.errors, **meta)
    return article(origin, html=dec.text, errors=dec.errors, **meta)


def read_stream(stream: BinaryIO, path: str, settings: Settings) -> Iterator[Article]:
    """Articles from a WARC byte stream (gzip-compressed or not); ``path`` names it in origins."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)
        if buffered.peek(2)[:2] == b"\x1f\x8b":
            # Python's gzip raises EOFError on a truncated member, where warcio would stop silently.
            buffered = _Read1(gzip.GzipFile(fileobj=buffered))
        records = ArchiveIterator(buffered, no_record_parse=False)
        for n, record in enumerate(records, 1):
            if not _is_html_response(record):
                continue
            origin = f"{path}#{n}"
            try:
                yield _read_record(record, origin, settings)
            except (ArchiveLoadFailed, _Truncated, EOFError, OSError, ValueError, zlib.error) as exc:
                yield fail(origin, "E208", record=n, path=path, why=reason(exc))
    except (ArchiveLoadFailed, _Truncated, EOFError, OSError, ValueError, zlib.error) as exc:
        yield fail(f"{path}#{n + 1}", "E207", path=path, why=reason(exc))


def read_file(path: Path, origin: str, settings: Settings) -> Iterator[Article]:
    """Articles from a ``.warc`` or ``.warc.gz`` file."""
    with open(path, "rb") as f:
        yield from read_stream(f, origin, settings)
