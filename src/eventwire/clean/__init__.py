"""Cleaning: from raw text or HTML to clean article text and metadata.  Entry point: :func:`run`."""
from __future__ import annotations

from ..model import Article
from ..settings import Settings


def run(article: Article, settings: Settings) -> Article:
    text = article.raw or ""
    paras = [p.strip() for p in text.splitlines() if p.strip()]
    if paras and article.title is None:
        article.title = paras[0]
    article.text = "\n\n".join(paras)
    return article
