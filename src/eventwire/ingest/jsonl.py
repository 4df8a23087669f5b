"""JSON Lines (optionally gzip-compressed): one article per line, ``{"id", "url", "published", "text"|"html"}``.

Lines are read one at a time, so memory does not grow with the file.  A bad line becomes an article with
an error (E205 invalid JSON, E206 no text); a truncated or corrupt gzip stream ends the file with E207.
"""
from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from ..model import Article
from ..settings import Settings
from ._bytes import decode
from ._common import article, coded, fail, failed, reason

#: Metadata fields copied from a line to the article (all optional).
_META = ("id", "url", "published", "title", "outlet", "byline", "language")
_CHUNK = 1 << 20


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[bytes, bool]]:
    """Each line (without its newline) and whether it was longer than ``limit`` (then it is cut)."""
    while True:
        line = stream.readline(limit + 1 if limit > 0 else -1)
        if not line:
            return
        cut = False
        if not line.endswith(b"\n") and limit > 0 and len(line) > limit:
            cut = True
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass  # skip the rest of an over-long line without holding it
        yield line.rstrip(b"\r\n"), cut


def _field(obj: dict[str, Any], name: str) -> str | None:
    v = obj.get(name)
    if v is None or v == "":
        return None
    return v if isinstance(v, str) else str(v)


def _article(obj: Any, origin: str, settings: Settings, path: str, n: int) -> Article:
    if not isinstance(obj, dict):
        why = f"a JSON {type(obj).__name__}, not an object"
        return fail(origin, "E205", line=n, path=path, why=why)
    meta = {k: _field(obj, k) for k in _META}
    text, html = obj.get("text"), obj.get("html")
    text = text if isinstance(text, str) and text.strip() else None
    html = html if isinstance(html, str) and html.strip() else None
    if text is None and html is None:
        return failed(origin, [coded("E206", line=n, path=path)], **meta)
    errors: list[tuple[str, str]] = []
    limit = settings.max_input_bytes
    body = text if text is not None else html
    if limit > 0 and len(body) > limit // 4 and len(encoded := body.encode("utf-8", "replace")) > limit:
        errors.append(coded("E209", path=origin, size=len(encoded), limit=limit))
        body = encoded[:limit].decode("utf-8", "ignore")
    if text is not None:
        return article(origin, text=body, errors=errors, **meta)
    return article(origin, html=body, errors=errors, **meta)


def read_stream(stream: BinaryIO, path: str, settings: Settings) -> Iterator[Article]:
    """Articles from a binary stream of JSON Lines; ``path`` names it in origins and messages."""
    limit = settings.max_input_bytes
    # A line may carry some JSON escaping and metadata around an article of up to ``limit`` bytes.
    line_limit = 2 * limit + 65536 if limit > 0 else 0
    n = 0
    try:
        for n, (line, cut) in enumerate(_lines(stream, line_limit), 1):
            origin = f"{path}:{n}"
            if cut:
                yield fail(origin, "E209", path=origin, size=f"over {line_limit}", limit=line_limit)
                continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except (ValueError, RecursionError) as exc:
                try:
                    obj = json.loads(decode(line)[0])  # not UTF-8: decode it as best we can
                except (ValueError, RecursionError):
                    why = str(exc)[:200]
                    yield fail(origin, "E205", line=n, path=path, why=why)
                    continue
            yield _article(obj, origin, settings, path, n)
    except (EOFError, OSError, zlib.error, gzip.BadGzipFile) as exc:
        yield fail(f"{path}:{n + 1}", "E207", path=path, why=reason(exc))


def read_file(path: Path, origin: str, settings: Settings) -> Iterator[Article]:
    """Articles from a ``.jsonl`` or ``.jsonl.gz`` file."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as f:
        yield from read_stream(f, origin, settings)
