"""The figures stage (being built: see the issue tracker)."""
from __future__ import annotations

from ..model import Article
from ..settings import Settings

NEEDS: set[str] = {"ner", "parser"}


def run(article: Article, settings: Settings) -> Article:
    return article
