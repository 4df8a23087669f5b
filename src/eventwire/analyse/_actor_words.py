"""The actors stage's word lists (``knowledge/actor_words.tsv``): honorifics, determiners, place
prepositions, diplomatic-mission titles, number words and title words, by group; the short forms of
given names (``knowledge/actor_nicknames.tsv``); given names and gendered titles (``knowledge/given_names.tsv``,
``knowledge/gender_words.tsv``), which the quotes stage reads too."""
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
    ``knowledge/given_names.tsv`` (and rows of kind ``name`` in a user's ``gender_words.tsv``-style file): a
    capitalised one right before a known surname starts a person's name whatever the NER made of it ("Ivanka
    Trump" tagged a product).  Where two rows give the same name, a later one with a gender wins."""
    names: dict[str, str | None] = {r["word"].lower(): r.get("gender") or None for r in rows("gender_words.tsv")
                                    if r.get("kind") == "name" and r.get("word")}
    for r in rows("given_names.tsv"):
        name = (r.get("given_name") or "").lower()
        if name and (r.get("gender") in ("m", "f") or name not in names):
            names[name] = r["gender"] if r.get("gender") in ("m", "f") else None
    return names


@cached
def honorifics() -> dict[str, str]:
    """Gendered titles and role nouns written next to a name ("mr." -> "m", "spokeswoman" -> "f"), from
    ``knowledge/gender_words.tsv``."""
    return {r["word"].lower(): r["gender"] for r in rows("gender_words.tsv")
            if r.get("kind") in ("title", "courtesy") and r.get("word") and r.get("gender") in ("m", "f")}


@cached
def courtesy_titles() -> frozenset[str]:
    """Courtesy titles ("mr", "miss"), which mark a gender only right before a name, without their dot."""
    return frozenset(r["word"].lower().rstrip(".") for r in rows("gender_words.tsv")
                     if r.get("kind") == "courtesy" and r.get("word"))
