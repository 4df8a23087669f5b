"""The actors stage's word lists (``knowledge/actor_words.tsv``): honorifics, determiners, place
prepositions, diplomatic-mission titles, number words and title words, by group; and the short forms of
given names (``knowledge/actor_nicknames.tsv``)."""
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


@cached
def nicknames() -> dict[str, str]:
    """Lower-cased short given names and the full names they stand for ("chuck" -> "charles")."""
    return {r["nickname"].lower(): r["name"].lower() for r in rows("actor_nicknames.tsv")}
