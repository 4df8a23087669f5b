"""Quoted names, for the quotes stage: a quoted stretch that names a show, a book, a group or a thing
('said on CNN's "State of the Union"', 'members of the "Green Brigade"') rather than quoting anyone's words.
Title case, the word the quotation follows (``knowledge/quote_title_places.tsv``) and the parse decide;
in a title-cased line (a headline) capitals say nothing.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .. import knowledge

__all__ = ["NAME_WORDS", "is_name"]

#: Longest quoted phrase (in words) that may be a quoted name rather than a quote.
NAME_WORDS = 4
#: The longest quoted title taken for a name where a name goes ('starred in "Flip the Script with Ann Lee"').
_TITLE_WORDS = 6
#: Opening quotation marks, stripped before the word a quotation follows.
_OPENING_MARKS = "\"“‘'«„"


def is_name(doc: Doc, text: str, start: int, end: int, spoken: bool) -> bool:
    """Whether the quoted stretch ``text[start:end]`` is a name rather than a quote: a title where a name
    goes, or a short quoted Proper Name ("Red Shirts") that no speech verb governs (``spoken``: one does)."""
    words = text[start:end].split()
    if (0 < len(words) <= _TITLE_WORDS and text[end - 1] not in "!?" and _title_cased(words)
            and _name_place(text, start) and not _headline(text, start, end)):  # not a chant ('"Go Lee!"')
        return True
    if not words or len(words) > NAME_WORDS:
        return False
    alpha = [w for w in words if w[0].isalpha()]
    if not alpha or not all(w[0].isupper() for w in alpha):
        return False
    if text[end - 1] in ".!?":  # 'told NBC's "Meet the Press."': the sentence's period inside the marks
        return text[end - 1] == "." and len(words) > 1 and _named_thing(doc, start, end)
    if spoken and not _named_thing(doc, start, end):
        return False
    return not _headline(text, start, end)  # in a title-cased line (a headline) capitals say nothing about names


def _headline(text: str, start: int, end: int) -> bool:
    """Whether the quotation stands in a title-cased line (a headline)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start: len(text) if line_end < 0 else line_end].split()
    caps = [w for w in line if w[0].isalpha()]
    return bool(caps) and sum(w[0].isupper() for w in caps) / len(caps) >= 0.7


@knowledge.cached
def _title_words() -> frozenset[str]:
    """The minor words a title leaves in lower case (``knowledge/quote_title_words.tsv``)."""
    return frozenset(r["minor_word"] for r in knowledge.rows("quote_title_words.tsv"))


def _title_cased(words: list[str]) -> bool:
    """Whether words are written as a title: first, last and every other word capitalised but the minor
    words ("Parks and Recreation", "Meet the Press.")."""
    alpha = [w for w in words if w[:1].isalpha()]
    return bool(alpha) and alpha[0][0].isupper() and alpha[-1][0].isupper() and all(
        w[0].isupper() or w.lower() in _title_words() for w in alpha)


@knowledge.cached
def _title_places() -> frozenset[str]:
    """Words after which a quoted title is a name (``knowledge/quote_title_places.tsv``)."""
    return frozenset(r["before_title"] for r in knowledge.rows("quote_title_places.tsv"))


def _name_place(text: str, start: int) -> bool:
    """Whether a quotation stands where a name goes: right after a word of ``quote_title_places.tsv`` or a
    possessive ('said on CNN's "State of the Union"', 'her memoir, "Tough Choices"')."""
    before = text[max(0, start - 40):start].rstrip().rstrip(_OPENING_MARKS).rstrip().split()
    if not before:
        return False
    word = before[-1].lower()
    return word.rstrip(",") in _title_places() or word.endswith(("'s", "’s", "s'", "s’"))


def _named_thing(doc: Doc, start: int, end: int) -> bool:
    """A quoted title-cased phrase used as a name inside the sentence (a show or a book: 'said on
    "Morning Show"', 'the "Red Book" report'), however a speech verb governs the sentence."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ == "pobj":  # 'on "Morning Hour"', 'in "Avatar"'; but 'hailed him as "The Comeback Kid"'
        return root.head.lower_ in ("on", "in", "at", "from", "of", "by")
    if root.dep_ in ("dative", "dobj") and root.head.lemma_.lower() == "tell":
        return True  # 'told "Morning Hour"': whom one tells is no quote
    return root.dep_ in ("compound", "poss") or (root.dep_ == "appos" and root.head.pos_ == "NOUN")
