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


@cached
def given_names() -> dict[str, str | None]:
    """Lower-cased given names -> the gender they usually mark ("f", "m" or None), from
    ``knowledge/quote_gender.tsv`` and ``quote_speaker_names.tsv``: a capitalised one right before a known
    surname starts a person's name whatever the NER made of it ("Ivanka Trump" tagged a product)."""
    names: dict[str, str | None] = {r["word"].lower(): r.get("gender") or None for r in rows("quote_gender.tsv")
                                    if r.get("kind") == "name" and r.get("word")}
    for r in rows("quote_speaker_names.tsv"):  # more given names; a gender given here wins
        name = (r.get("given_name") or "").lower()
        if name and (r.get("gender") in ("m", "f") or name not in names):
            names[name] = r["gender"] if r.get("gender") in ("m", "f") else None
    return names


@cached
def honorifics() -> dict[str, str]:
    """Gendered titles and role nouns written next to a name ("mr." -> "m", "spokeswoman" -> "f"), from
    ``knowledge/quote_gender.tsv``."""
    return {r["word"].lower(): r["gender"] for r in rows("quote_gender.tsv")
            if r.get("kind") == "title" and r.get("word") and r.get("gender") in ("m", "f")}
