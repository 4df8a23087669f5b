"""Arguments of event triggers: which tokens of the parse are the source and target of a trigger, and
which actor (or at least which country) each one names."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Article
from ._event_lexicon import agent_nouns, country_in
from .spans import actors_at

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
#: Prepositions whose object is the target of an action ("fired on crowds", "talks with Iran").
TARGET_PREPS = {"on", "against", "with", "at", "to", "into", "toward", "towards", "upon", "over"}
PRONOUN_PERSON = {"he", "she", "him", "her", "his"}
#: Clause relations through which a trigger inherits the subject of the verb that governs it.
INHERIT = {"xcomp", "conj", "advcl", "pcomp"}


@dataclass(slots=True)
class Arg:
    """A resolved argument: an actor's name, country and role, and where the text names it."""

    name: str
    country: str | None
    role: str | None
    start: int
    end: int
    actor: int | None = None  # index into article.actors
    generic: bool = False  # a common noun with no country of its own ("police", "protesters")


def _np_bounds(tok) -> tuple[int, int]:
    """Characters of the noun phrase headed by ``tok`` up to the head (left modifiers only)."""
    left = tok.left_edge
    return left.idx, tok.idx + len(tok.text)


def _subtree_bounds(tok) -> tuple[int, int]:
    toks = [t for t in tok.subtree if t.i - tok.i < 12]
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _from_actor(article: Article, idx: int, start: int, end: int) -> Arg:
    a = article.actors[idx]
    return Arg(a.name, a.country, a.role, start, end, idx)


def _pronoun(article: Article, tok) -> Arg | None:
    """He/she: the nearest person actor mentioned before the pronoun."""
    if tok.lower_ not in PRONOUN_PERSON:
        return None
    best: tuple[int, int, int, int] | None = None
    for i, a in enumerate(article.actors):
        if a.kind != "person":
            continue
        for s, e in a.mentions:
            if e <= tok.idx and (best is None or s > best[0]):
                best = (s, e, i, 0)
    if best is None:
        return None
    return _from_actor(article, best[2], tok.idx, tok.idx + len(tok.text))


def resolve(article: Article, tok) -> Arg | None:
    """The actor (or country) that the noun phrase headed by ``tok`` names; None when it names none.

    An actor of the actors stage wins; else a proper noun or an agent noun ("police", "protesters",
    ``knowledge/event_agents.tsv``) with the country its phrase names ("Turkish troops", "police in
    Comoros"); an agent noun with no country is returned ``generic`` for the caller to ground."""
    if tok is None:
        return None
    if tok.pos_ == "PRON":
        return _pronoun(article, tok)
    s, e = _np_bounds(tok)
    hits = actors_at(article, tok.idx, tok.idx + len(tok.text)) or actors_at(article, s, e)
    if hits:
        return _from_actor(article, hits[0], s, e)
    # "fighters from the Hamas group", "the leader of X": follow of/from.
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    inner = resolve(article, pobj)
                    if inner is not None and inner.country:
                        return Arg(inner.name, inner.country, inner.role, s, e, inner.actor)
    agents = agent_nouns()
    lemma = tok.lemma_.lower()
    is_agent = lemma in agents or tok.lower_ in agents
    if not is_agent and tok.pos_ != "PROPN":
        return None
    role = agents.get(lemma, agents.get(tok.lower_))
    text = article.text[s:e]
    found = country_in(text)
    if found:
        return Arg(text, found[1], role, s, e)
    if is_agent:
        ss, se = _subtree_bounds(tok)
        found = country_in(article.text[ss:se])
        if found:
            return Arg(text, found[1], role, s, e)
        return Arg(text, None, role, s, e, generic=True)
    return Arg(text, None, None, s, e)


def with_conjuncts(tok) -> list:
    """``tok`` and the tokens coordinated with it ("Putin and Erdogan")."""
    if tok is None:
        return []
    return [tok] + [c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON")]


def subject(tok):
    """The subject of the clause of verb ``tok`` (climbing through xcomp/conj/advcl when it has none)."""
    t = tok
    for _ in range(4):
        for c in t.children:
            if c.dep_ in SUBJ:
                return c
        if t.dep_ in INHERIT and t.head is not t:
            t = t.head
            continue
        if t.dep_ == "relcl":  # "the police, who arrested ..."
            return t.head
        break
    return None


def passive_subject(tok):
    return next((c for c in tok.children if c.dep_ in PASS_SUBJ), None)


def agent(tok):
    """The object of a "by" agent phrase of a passive verb or a nominal ("attacks by militants")."""
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def direct_object(tok):
    for dep in ("dobj", "dative", "attr"):
        for c in tok.children:
            if c.dep_ == dep and c.pos_ in ("NOUN", "PROPN", "PRON"):
                return c
    return None


def prep_object(tok, preps: set[str] = TARGET_PREPS):
    """The object of the first target preposition attached to ``tok`` (or to its particle)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def possessor(tok):
    return next((c for c in tok.children if c.dep_ == "poss"), None)


def demonym_modifier(article: Article, tok) -> Arg | None:
    """An adjective or compound naming a country on a nominal trigger ("Israeli strikes")."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
            hits = actors_at(article, c.idx, c.idx + len(c.text))
            if hits:
                return _from_actor(article, hits[0], c.idx, c.idx + len(c.text))
            found = country_in(c.text)
            if found:
                return Arg(c.text, found[1], None, c.idx, c.idx + len(c.text))
    return None


def main_country(article: Article) -> str | None:
    """The country the article is mostly about: the most mentioned actor country, else the most
    frequent country name in the text (cached on the article)."""
    if "events_main_country" in article.cache:
        return article.cache["events_main_country"]
    counts: Counter[str] = Counter()
    for a in article.actors:
        if a.country and a.country != "IGO":
            counts[a.country] += max(1, len(a.mentions))
    if not counts:
        text = article.text[:4000]
        for sent in text.split("."):
            found = country_in(sent)
            if found:
                counts[found[1]] += 1
    best = counts.most_common(1)[0][0] if counts else None
    article.cache["events_main_country"] = best
    return best
