"""The actors stage's word lists (``knowledge/actor_words.tsv``): honorifics, determiners, place
prepositions, diplomatic-mission titles, number words and title words, by group."""
from __future__ import annotations

from ..knowledge import cached, rows


@cached
def _groups() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for r in rows("actor_words.tsv"):
        out.setdefault(r["group"], set()).add(r["word"].lower())
    return {g: frozenset(ws) for g, ws in out.items()}


def actor_words(group: str) -> frozenset[str]:
    """The lower-cased words of ``group`` in ``knowledge/actor_words.tsv`` (shipped and user rows)."""
    return _groups().get(group, frozenset())
