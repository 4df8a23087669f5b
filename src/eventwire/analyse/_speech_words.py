"""The words of speech, from the knowledge files: speech verbs and particle verbs, verbs of thought, source
nouns, speech and document nouns, authorship participles and lead-in nouns (``knowledge/quote_cues.tsv``,
``quote_mental_verbs.tsv``, ``quote_sources.tsv``, ``quote_words.tsv``), and the personal pronouns.  User files in the
``knowledge`` setting with the same header extend them (:func:`eventwire.knowledge.rows`).
"""
from __future__ import annotations

from spacy.tokens import Token

from .. import knowledge

_PRONOUNS = {"he", "she", "it", "they", "we", "i", "him", "her", "them"}


@knowledge.cached
def cue_verbs() -> dict[str, bool]:
    """Speech-verb lemma -> whether it introduces indirect speech."""
    return {r["cue"]: r["indirect"] == "yes" for r in knowledge.rows("quote_cues.tsv") if r["kind"] == "verb"}


@knowledge.cached
def quote_words(group: str) -> frozenset[str]:
    """A closed word list of the quotes stage (``knowledge/quote_words.tsv``): ``indefinite`` pronouns,
    headline ``topic_preposition`` s, ``naming_verb`` s."""
    return frozenset(r["quote_word"] for r in knowledge.rows("quote_words.tsv") if r["group"] == group)


@knowledge.cached
def mental_verbs() -> frozenset[str]:
    """Verbs of thought ("believe", "fear"): cues of indirect speech, but a quotation they govern was
    uttered by the speech verb above them, if there is one (``knowledge/quote_mental_verbs.tsv``)."""
    return frozenset(r["verb"] for r in knowledge.rows("quote_mental_verbs.tsv"))


@knowledge.cached
def source_nouns() -> dict[str, tuple[bool, bool]]:
    """Source noun -> (names people, "the X" refers back to an actor named earlier)."""
    return {r["word"]: (r["person"] == "yes", r.get("refers") == "yes") for r in knowledge.rows("quote_sources.tsv")}


def cue_nouns() -> frozenset[str]:
    """Speech nouns ("warning", "statement") whose possessor is the speaker."""
    return cues_of_kind("noun")


def document_nouns() -> frozenset[str]:
    """Document nouns whose modifier is the author ("a coalition statement said")."""
    return cues_of_kind("document")


def author_verbs() -> frozenset[str]:
    """Verbs whose participle after a document noun names its author ("an email sent out by X")."""
    return cues_of_kind("author")


def content_nouns() -> frozenset[str]:
    """Nouns whose that-clause a speech verb's subject states when the noun is its object ("reiterated its
    position that ...")."""
    return cues_of_kind("content")


def denial_verbs() -> frozenset[str]:
    """Verbs whose subject rejects the that-clause of its object ("denied the claim that ...")."""
    return cues_of_kind("denial")


def occasion_nouns() -> frozenset[str]:
    """Nouns naming where words were spoken, besides speech and document nouns ("in an interview")."""
    return cues_of_kind("occasion")


def lead_nouns() -> frozenset[str]:
    """Subjects of a lead-in sentence whose possessor is the speaker ("Chavez's response was defiant:")."""
    return cues_of_kind("lead")


@knowledge.cached
def cues_of_kind(kind: str) -> frozenset[str]:
    """The cues of one ``kind`` of ``knowledge/quote_cues.tsv`` ("verb", "noun", "document", "bare", ...)."""
    return frozenset(r["cue"] for r in knowledge.rows("quote_cues.tsv") if r["kind"] == kind)


@knowledge.cached
def particle_cues() -> dict[tuple[str, str], bool]:
    """(verb lemma, particle) -> indirect, for verbs that are speech only with their particle ("go on",
    "shoot back")."""
    out: dict[tuple[str, str], bool] = {}
    for r in knowledge.rows("quote_cues.tsv"):
        words = r["cue"].split()
        if r["kind"] == "particle" and len(words) == 2:
            out[(words[0], words[1])] = r["indirect"] == "yes"
    return out


def particle_cue(tok: Token) -> tuple[str, str] | None:
    """The (lemma, particle) of a particle speech verb at ``tok`` ("went on", "shot back"), if it is one."""
    table = particle_cues()
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("prt", "advmod", "prep", "dobj") and (lemma, c.lower_) in table:
            return lemma, c.lower_
    return None


def is_speech_verb(tok: Token) -> bool:
    """A verb token that reports speech: a speech-verb lemma, a particle verb such as "went on", or a verb
    that reports speech when bare ("he continued", "the sign read:")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in cues_of_kind("bare"):  # a complement may only be the quotation itself, before or after it
        if after_a_quote(tok):
            return True  # '"...," read the statement': the object is the inverted speaker
        return not any(c.dep_ in ("dobj", "xcomp", "ccomp", "attr", "acomp") and c.i > tok.i
                       and not (c.left_edge.is_quote or c.left_edge.i > 0 and tok.doc[c.left_edge.i - 1].is_quote)
                       for c in tok.children)
    return lemma in cue_verbs() or particle_cue(tok) is not None


def after_a_quote(tok: Token) -> bool:
    """``tok`` follows a closing quotation mark, with or without a comma between ('"...," read the note')."""
    doc = tok.doc
    return tok.i >= 1 and (doc[tok.i - 1].is_quote or doc[tok.i - 1].text == "," and tok.i >= 2
                           and doc[tok.i - 2].is_quote)


def is_pronoun(tok: Token) -> bool:
    """A pronoun that refers back to someone ("he", "they"); not one that stands for people it does not
    name ("some on Twitter", "someone in the crowd": :func:`is_indefinite`)."""
    return tok.lower_ in _PRONOUNS or tok.pos_ == "PRON" and not is_indefinite(tok)


def is_indefinite(tok: Token) -> bool:
    """An indefinite pronoun that can speak: its words are the speaker ("some in the party said")."""
    return tok.lower_ in quote_words("indefinite") and tok.pos_ in ("PRON", "NOUN", "ADJ", "DET")
