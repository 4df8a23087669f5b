"""Span helpers shared by the analysis stages: which actor a piece of text refers to.
Stages talk to each other only through the Article (its actors' mentions, its quotes and events), never
through private tables of another stage.
"""
from __future__ import annotations

from ..model import Article


def actors_at(article: Article, start: int, end: int) -> list[int]:
    """Indices of the actors with a mention overlapping ``[start, end)``, the tightest mention first.

    A mention may belong to several actors ("the two leaders" is a mention of both)."""
    hits: list[tuple[int, int, int]] = []
    for i, actor in enumerate(article.actors):
        for s, e in actor.mentions:
            if s < end and start < e:
                hits.append((abs((e - s) - (end - start)), s, i))
                break
    return [i for _, _, i in sorted(hits)]
