"""What a candidate actor mention is (:class:`Mention`), the knowledge-base phrases of a Doc
(:func:`kb_matches`) and the token helpers that the mention finders (:mod:`._mentions`,
:mod:`._mention_persons`) share.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ._actor_words import actor_words
from ._kb import KB, Entry

#: Longest knowledge-base phrase, in tokens.
_MAX_PHRASE = 7


@dataclass
class Mention:
    """A stretch of text that may refer to an actor."""

    start: int  # character offsets into the text
    end: int
    i: int  # token offsets
    j: int
    type: str  # person | org | state | seat | group | people | title | pronoun | pair
    key: str | None
    text: str
    country: str | None = None
    role: str | None = None
    kind: str | None = None
    term: str | None = None  # the title or role noun ("president", "police")
    head: int = 0  # token index of the syntactic head
    desc: list[tuple[int, int]] = field(default_factory=list)  # descriptor spans (titles, appositions)
    located: bool = False  # only a place here ("in Moscow")
    word: str | None = None  # the role noun as written ("demonstrators" for the key "protesters")
    antecedent: int | None = None  # pronouns: head token of the governing clause's subject
    past_country: str | None = None  # persons: the country of a former office ("former Nigerian President")
    subject: bool = False  # the subject of its clause
    about: frozenset[str] = frozenset()  # persons: lower-cased words of the name and its descriptions
    places: frozenset[str] = frozenset()  # titles: places below the country level ("the Vermont senator")
    quoted: bool = False  # inside quotation marks: a quoted nickname ("Crooked Hillary") never names the actor
    honorific: str | None = None  # persons: "m" / "f" from a gendered title before the name ("Mr. Trump")
    indefinite: bool = False  # titles: "a senator", "one pastor" introduce someone new


NO_ENTRY = Entry("none", "")


def kb_matches(doc, kb: KB) -> list[tuple[int, int, Entry]]:
    """Longest-first, left-to-right knowledge-base phrases (token start, end, entry), not overlapping."""
    out: list[tuple[int, int, Entry]] = []
    n = len(doc)
    i = 0
    while i < n:
        if doc[i].is_space or doc[i].is_punct:
            i += 1
            continue
        found = None
        for j in range(min(n, i + _MAX_PHRASE), i, -1):
            if doc[j - 1].is_space:
                continue
            span = doc[i:j]
            text = span.text
            entry = kb.lookup(text)
            if entry is None and j - i <= 4:
                entry = kb.title(text)
            if entry is not None:
                found = (i, j, entry)
                break
        if found:
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


def strip_span(doc, i: int, j: int) -> tuple[int, int]:
    """Drop leading determiners, honorifics and punctuation and trailing possessives/punctuation."""
    while i < j and (doc[i].lower_ in actor_words("determiner") or doc[i].is_punct or doc[i].is_space
                     or doc[i].lower_ in actor_words("honorific")):
        i += 1
    while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space or doc[j - 1].tag_ == "POS"):
        j -= 1
    return i, j


def head_of(doc, i: int, j: int) -> int:
    """The token of ``doc[i:j]`` whose head lies outside it (the last one if several)."""
    best = j - 1
    for k in range(i, j):
        h = doc[k].head.i
        if not (i <= h < j) or h == k:
            best = k
    return best


def located(tok) -> bool:
    """The phrase headed by ``tok`` names a place here ("in Moscow", "flew to Kabul")."""
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in actor_words("place_preposition")
