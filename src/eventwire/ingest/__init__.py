"""Readers: turn inputs (files, directories, stdin) into a stream of raw :class:`Article` objects.

Entry point: :func:`read`.  Unreadable input yields an article with an error record, never an exception.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import message
from ..model import Article
from ..settings import Settings


def read(inputs: Iterable[str], settings: Settings) -> Iterator[Article]:
    for name in inputs:
        path = Path(name)
        if path.suffix == ".jsonl":
            with open(path, encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    obj = json.loads(line)
                    yield Article(id=obj.get("id"), url=obj.get("url"), published=obj.get("published"),
                                  raw=obj.get("text"), html=obj.get("html"), origin=f"{name}:{n}")
        else:
            art = Article(origin=name, url=settings.url or None, published=settings.published or None)
            if not path.exists():
                art.add_error("E201", "ingest", message("E201", path=name))
            elif path.suffix in (".html", ".htm"):
                art.html = path.read_text(encoding="utf-8", errors="replace")
            else:
                art.raw = path.read_text(encoding="utf-8", errors="replace")
            yield art
