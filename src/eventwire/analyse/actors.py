"""The actors stage: every person, organization, state and armed group in an article, with all mentions.

Mentions come from spaCy's named entities, the knowledge base (countries, demonyms, capitals and seats of
power, titles and role nouns, organizations; see :mod:`._kb`) and the dependency parse (titles before a
name, appositions, role noun phrases).  They are clustered into actors within the article
(:mod:`._resolve`); country and role come from the words around each mention, never from a list of famous
people.  :func:`prune` runs after the quotes and events stages and keeps the actors that take part.
"""
from __future__ import annotations

import bisect

from .. import knowledge
from ..model import Actor, Article
from ..settings import Settings
from . import nlp
from ._actor_words import actor_words
from ._kb import load as load_kb
from ._mention_base import kb_matches
from ._mentions import Extractor
from ._quote_marks import scan
from ._resolve import main_country, resolve

NEEDS: set[str] = {"ner", "parser"}
#: Grammatical functions that make a mention a participant rather than a place or a modifier.
#: A state is only taken to act when it is a core argument ("Russia's capital" and "aid to Syria" are
#: about places).
_STATE_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "agent", "ROOT", "of-role", "pobj:including", "pobj:by",
               "pobj:with", "pobj:against", "pobj:between"}
_AGENT_DEPS = _STATE_DEPS | {"poss", "pobj:to", "pobj:from", "pobj:on", "pobj:for"}


def run(article: Article, settings: Settings) -> Article:
    """Fill ``article.actors`` (ordered by first mention)."""
    doc = nlp.doc(article, settings, NEEDS)
    if doc is None or not len(doc):
        article.actors = []
        return article
    knowledge.use(settings.knowledge)  # a no-op when the pipeline already made them active
    kb = load_kb()
    ex = Extractor(doc, kb)
    mentions = ex.run()
    _mark_quoted(mentions, article.text)
    starts = [s.start_char for s in doc.sents]
    main = _main_country(article, settings, kb, ex, starts)
    narrative = _narrative_starts(doc, article.text)

    def sent_of(char: int) -> int:
        return bisect.bisect_right(narrative, char) - 1

    article.actors = resolve(mentions, main, sent_of, kb.canonical, kb.fullname, kb.acronym)
    article.cache["actors_main_country"] = main
    article.cache["actors_datelines"] = ex.datelines
    article.cache["actors_peoples"] = {a.name for a in article.actors
                                       if a.kind == "group" and (e := kb.lookup(a.name)) and e.type == "people"}
    article.cache["actors_agentive"] = {a.name for a in article.actors
                                        if _agentive(doc, a, kb.titles) and not _bare_name(article.text, a)}
    return article


def _narrative_starts(doc, text: str) -> list[int]:
    """Where the sentences of the narrative start: a sentence wholly inside quotation marks belongs to the
    sentence that introduced its quote, so that salience windows ("this or the previous sentence") count
    the reporter's sentences, not the speaker's ('Lee rejected it. "We met. She lied," Smith said': one
    sentence apart)."""
    spans = [(m.start, m.end) for m in scan(text)]
    firsts = [a for a, _ in spans]
    out: list[int] = []
    for sent in doc.sents:
        words = [t for t in sent if t.is_alpha]
        k = bisect.bisect_right(firsts, words[0].idx) - 1 if words else -1
        if out and k >= 0 and spans[k][0] <= words[0].idx and words[-1].idx < spans[k][1]:
            continue
        out.append(sent.start_char)
    return out or [0]


def _mark_quoted(mentions, text: str) -> None:
    """Flag the mentions inside quotation marks (the speaker's words: nicknames, epithets)."""
    spans = [(m.start, m.end) for m in scan(text)]
    starts = [a for a, _ in spans]
    for m in mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        m.quoted = k >= 0 and spans[k][0] <= m.start and m.end <= spans[k][1]


def _main_country(article: Article, settings: Settings, kb, ex: Extractor, starts: list[int]) -> str | None:
    """The country the article is mostly about, from its country words; those of the headline and the
    lead (first two sentences) count three times."""
    doc = ex.doc
    lead_end = starts[2] if len(starts) > 2 else len(article.text)
    codes: list[str] = []
    named = {k for m in ex.mentions if m.type == "person" for k in range(m.i, m.j)}  # "Samoa Abdoulmadjid"
    for i, j, e in ex.matches:
        if _posted_abroad(ex, j):
            continue  # "the U.S. ambassador", "the Russian embassy": a foreign mission in the story's country
        if e.type in ("country", "demonym", "capital", "people") and e.country and i not in named:
            codes += [e.country] * (3 if doc[i].idx < lead_end else 1)
    if article.title:
        codes += [e.country for _, _, e in _kb_matches_text(article.title, settings, kb)] * 3
    return main_country(ex.mentions, codes)


def _posted_abroad(ex: Extractor, j: int) -> bool:
    """The country word ending at token ``j`` names a diplomatic mission ("U.S. Ambassador ...")."""
    for k in (j, j + 1):
        m = ex.entry_at.get(k)
        if m is not None and m[2].type == "title" and m[2].key in actor_words("mission"):
            return True
    return False


def _kb_matches_text(text: str, settings: Settings, kb) -> list:
    """Knowledge-base country words in a short text such as the headline (tokenised only)."""
    tokens = nlp.load(settings.model).make_doc(text)
    found = kb_matches(tokens, kb)
    missions = {i for i, _, e in found if e.type == "title" and e.key in actor_words("mission")}
    return [m for m in found if m[2].type in ("country", "demonym", "capital", "people") and m[2].country
            and not {m[1], m[1] + 1} & missions]  # "Chavez Threatens U.S. Ambassador"


def _bare_name(text: str, actor: Actor) -> bool:
    """A one-word person name with no title anywhere ("Gotabaya"): often a product, a place or a name
    the NER cut short, so it needs a quote or an event to count as an actor."""
    if actor.kind != "person" or len(actor.name.split()) > 1:
        return False
    return all(text[s:e] == actor.name or text[s:e].lower() in ("he", "she") for s, e in actor.mentions)


def _argument_dep(tok, titles: dict | None = None) -> str:
    """The grammatical function of the phrase headed by ``tok`` (through conjunctions and appositions);
    "of-role" for the owner of a role noun ("the foreign ministers of Russia and France")."""
    while tok.dep_ in ("conj", "appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj":
        if tok.head.lower_ == "of" and titles and tok.head.head.lower_ in titles:
            return "of-role"
        return "pobj:" + tok.head.lower_
    return tok.dep_


def _agentive(doc, actor: Actor, titles: dict | None = None) -> bool:
    """Some mention of ``actor`` is an argument of a clause: a subject, an object, a possessor, the agent
    of a passive or the object of "with/against/to/from/between"."""
    for s, e in actor.mentions:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            continue
        deps = _STATE_DEPS if actor.kind == "state" else _AGENT_DEPS
        if _argument_dep(span.root, titles) in deps:
            return True
    return False


def prune(article: Article) -> Article:
    """Keep the actors that speak or take part in an event (named as a quote's speaker or an event's
    source or target), and those the parse shows acting (a subject, an object, a possessor...), except:
    news media, usually only cited as sources; organizations of unknown role, often places or products
    the NER took for organizations; and anonymous collectives ("residents", "troops"), which count only
    when a quote or an event names them (armed groups and peoples named by a demonym count when they
    act).  Run after quotes and events on an article :func:`run` analysed; without its parse information
    the list is left alone."""
    agentive = article.cache.get("actors_agentive")
    if agentive is None:
        return article
    peoples = article.cache.get("actors_peoples", set())
    names: set[str] = set()
    for q in article.quotes:
        names.update(x for x in [q.speaker, *q.speakers] if x)
    for e in article.events:
        names.update(x for x in (e.source, e.target) if x)
    article.actors = [a for a in article.actors
                      if a.name in names or (a.name in agentive and _acts_alone(a, peoples))]
    return article


def _acts_alone(actor: Actor, peoples: set[str]) -> bool:
    """Whether acting in the parse is enough for ``actor`` to count (see :func:`prune`)."""
    if actor.role == "MED" or (actor.role is None and actor.kind == "organization"):
        return False
    return actor.kind != "group" or actor.role == "REB" or actor.name in peoples
