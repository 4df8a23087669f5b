"""Single-article files: ``.txt`` (plain text) and ``.html``/``.htm`` (one web page)."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Iterator

from ..model import Article
from ..settings import Settings
from ._bytes import decode_input, read_limited
from ._common import article, failed


def read_stream(stream: BinaryIO, origin: str, settings: Settings, *, html: bool,
                size: int | None = None, url: str | None = None) -> Iterator[Article]:
    """One article from a byte stream; ``size`` is its length in bytes when known (for messages)."""
    limit = settings.max_input_bytes
    data, cut = read_limited(stream, limit)
    dec = decode_input(data, cut, origin=origin, size=size, limit=limit, html=html)
    meta = {"url": url}  # settings.published is clean's fallback, after the page's own date
    if not dec.text:
        yield failed(origin, dec.errors, **meta)
        return
    if html:
        yield article(origin, html=dec.text, errors=dec.errors, **meta)
    else:
        yield article(origin, text=dec.text, errors=dec.errors, **meta)


def read_file(path: Path, origin: str, settings: Settings, *, html: bool,
              url: str | None = None) -> Iterator[Article]:
    """One article from a ``.txt`` or ``.html`` file."""
    with open(path, "rb") as f:
        yield from read_stream(f, origin, settings, html=html, size=path.stat().st_size, url=url)
