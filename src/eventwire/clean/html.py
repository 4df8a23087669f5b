"""HTML main-text extraction."""
from __future__ import annotations

from dataclasses import dataclass

from ..settings import Settings


@dataclass
class Page:
    text: str = ""
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    site_name: str | None = None
    language: str | None = None
    why: str | None = None


def extract(html: str, url: str | None, settings: Settings) -> Page:
    import trafilatura
    return Page(text=trafilatura.extract(html, url=url) or "")
