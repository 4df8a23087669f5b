"""Span helpers shared by the analysis stages: which actor a piece of text refers to, which sentence holds
an offset.  Stages talk to each other only through the Article (its actors' mentions, its quotes and
events), never through private tables of another stage.
"""
from __future__ import annotations

from ..model import Actor, Article


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


def actor_at(article: Article, start: int, end: int) -> Actor | None:
    """The actor best matching ``[start, end)``, or None."""
    idx = actors_at(article, start, end)
    return article.actors[idx[0]] if idx else None


def sentence_bounds(article: Article, offset: int) -> tuple[int, int]:
    """Character bounds of the sentence holding ``offset`` (from the parsed Doc when there is one,
    else the paragraph)."""
    doc = article.cache.get("doc")
    if doc is not None and doc.has_annotation("SENT_START"):
        tok = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if tok is not None and len(tok):
            sent = tok[0].sent
            return sent.start_char, sent.end_char
    text = article.text
    s = text.rfind("\n\n", 0, offset)
    e = text.find("\n\n", offset)
    return (0 if s < 0 else s + 2), (len(text) if e < 0 else e)
