"""The events stage: PLOVER-coded events from the dependency parse.

For each sentence, triggers (verbs and nominalisations listed in ``knowledge/plover_lexicon.tsv``) are
found and checked for factuality (not negated, modal, conditional, planned or denied: see
``knowledge/event_cues.tsv``).  Each trigger's frame says where its arguments are: subjects, objects,
prepositional and passive agents, coordinated subjects (one event per source), possessives and demonyms
on nominal triggers, "with X" for meetings.  Arguments are mapped to the actors stage's actors through
their mentions (:func:`spans.actors_at`), else to a country named in the phrase.  Dates come from the
clause's date expression (:mod:`.dates`), the location from the sentence's place names.  Mentions of the
same event (type, source, target, date) are merged, keeping every evidence span, and events stated by a
quote are linked to it.

This module holds the top-level flow; the work is done by private modules, by job:

- :mod:`._event_triggers`: finding triggers and checking that they are factual;
- :mod:`._event_syntax`: subjects, objects and agents in the parse; :mod:`._event_args`: the actor (or
  country) a token names; :mod:`._event_frames`: where a trigger's sources and targets stand;
- :mod:`._event_coding`: the type and (source, target) pairs of one factual trigger, helped by
  :mod:`._event_parties` (generic arguments grounded, implied authorities, the salient other actor);
- :mod:`._event_commitments`: pledges, threats and refusals announced, demands reported, aid requested;
- :mod:`._event_speech`: judgements stated by quotes; :mod:`._event_records`: events, dates and merging.
"""
from __future__ import annotations

from ..model import Article, Event
from ..settings import Settings
from . import _event_records as rec
from . import dates
from ._event_args import Arg
from ._event_coding import code_trigger
from ._event_commitments import COOPERATIVE, announced_force, demands, offer_events, requested_aid
from ._event_lexicon import Entry, cues
from ._event_parties import salient_other
from ._event_speech import speech_events
from ._event_triggers import factual, governing_trigger, match

NEEDS: set[str] = {"ner", "parser", "lemmatizer"}


#: Types whose embedded clause is the content of the act (a request, a promise, a refusal, a threat):
#: the embedded trigger is not an event of its own.
_CONTENT_TYPES = {"REQUEST", "AGREE", "REJECT", "THREATEN", "CONCEDE"}


def run(article: Article, settings: Settings) -> Article:
    """Fill ``article.events`` from the parsed Doc in ``article.cache["doc"]``."""
    doc = article.cache.get("doc")
    if doc is None or not article.text:
        return article
    hint_year = rec.hint_year(article)
    events, dating = _code_sentences(article, doc, hint_year)
    if article.cache.pop("events_pair_missed", False) and article.cache.get("events_first_pair"):
        # "the two sides" before the article names them (a lead that sums up): code again, reading such
        # references as the first pair of parties found
        article.cache["events_last_pair"] = article.cache["events_first_pair"]
        events, dating = _code_sentences(article, doc, hint_year)
    events.extend(_judgements(article, dating, hint_year))
    requested_aid(events)
    article.events = rec.dedup(events, article.cache.get("events_periods"))
    rec.link_quotes(article)
    return article


def _judgements(article: Article, dating: "rec.Dating", hint_year: int | None) -> list[Event]:
    """Events of the judgements quotes state (:func:`speech_events`), dated like the clause they are in."""
    events: list[Event] = []
    for kind, source, target, tok, _qi in speech_events(article):
        if target is None and rec.dyadic(kind):
            # a judgement's counterpart: the nearest actor of another country in the sentence or the
            # one before; a judgement of nobody in particular is not coded
            target = salient_other(article, tok, [source], other_country=True)
            if target is None:
                continue
        entry = Entry(tok.lemma_.lower(), (), "VERB", kind, "criticize" if kind == "ACCUSE" else "praise",
                      rec.type_cameo(kind), "speech")
        ev = rec.to_event(article, rec.Found(entry, kind, tok, source, target), hint_year)
        if ev.date is None and dates.governing_expression(tok) is None:
            ev.date = dating.inherited(tok)
        events.append(ev)
    return events


def _code_sentences(article: Article, doc, hint_year: int | None) -> tuple[list[Event], "rec.Dating"]:
    """Events of every sentence, in text order, and the dating state after reading them all."""
    events: list[Event] = []
    last_source: list[Arg] = []
    dating = rec.Dating(article, hint_year)
    periods: dict[int, str] = {}
    article.cache["events_periods"] = periods
    for sent in doc.sents:
        dating.see(sent)
        for found in _code_sentence(article, sent, last_source):
            ev = rec.to_event(article, found, hint_year)
            expr = dates.governing_expression(found.tok)
            if ev.date is None:
                ev.date = dating.anaphoric(found.tok) if expr is not None else dating.inherited(found.tok)
            if ev.date is None and expr and found.source.actor is not None and not found.source.generic:
                # "last month": a period that tells two occurrences of named parties' acts apart
                periods[id(ev)] = " ".join(expr.lower().split())
            events.append(ev)
    return events, dating


def _code_sentence(article: Article, sent, last_source: list[Arg]) -> list[rec.Found]:
    """The event mentions of one sentence: each trigger not governed by another one is coded as an
    announced act, a non-factual threat or a factual event; reported demands come last.  Records the
    parties of meetings and agreements in ``article.cache`` for "the two sides" later on."""
    triggers: dict[int, Entry] = {}
    for tok in sent:
        entry = match(tok)
        if entry is not None:
            triggers[tok.i] = entry
    _prefer_nouns(sent, triggers)
    out: list[rec.Found] = []
    for i, entry in triggers.items():
        tok = sent.doc[i]
        gov = governing_trigger(tok, triggers)
        if gov is not None:
            g = triggers[gov.i]
            if entry.pos == "NOUN" or g.type in _CONTENT_TYPES or g.frame == "commit":
                continue
        if entry.type == "SUPPORT" and entry.pos == "VERB" and tok.dep_ in ("acl", "amod"):
            continue  # "warplanes backed by Russia", "Iran-backed militias": a standing tie, not an act
        offer = offer_events(article, tok, entry)
        if offer is not None:
            out.extend(offer)
            continue
        if not factual(tok, entry.frame) and not _attempted_force(tok, entry):
            refusal = _refused(tok, entry, triggers)
            if refusal is not None:
                out.extend(code_trigger(article, tok.head, refusal, last_source))
                continue
            out.extend(announced_force(article, tok, entry))
            continue
        found = code_trigger(article, tok, entry, last_source)  # a failure here is the pipeline's coded E501
        out.extend(found)
        if found:
            last_source[:] = [found[-1].source]
            f = found[0]
            if f.target is not None and (entry.frame in ("consult", "recip") or f.type == "AGREE"):
                article.cache["events_last_pair"] = [f.source, f.target]
                article.cache.setdefault("events_first_pair", [f.source, f.target])
                if f.type == "CONSULT":
                    article.cache["events_consult_pair"] = [f.source, f.target]
            parties = {x.country: x for f in found for x in (f.source, f.target) if x is not None and x.country}
            if entry.frame == "consult" and len(parties) >= 3:
                article.cache["events_last_group"] = list(parties.values())
    out.extend(demands(article, sent, triggers))
    return out


def _attempted_force(tok, entry: Entry) -> bool:
    """"tried to assassinate the minister", "attempted to storm the base": an attempted act of force is
    an event (PLOVER and CAMEO code attempts), when the attempt itself happened (an ``attempt`` cue
    governing the act's clause, itself factual)."""
    head = tok.head
    return tok.dep_ == "xcomp" and entry.type in ("ASSAULT", "COERCE") \
        and head.lemma_.lower() in cues().get("attempt", ()) and factual(head, "act")


def _refused(tok, entry: Entry, triggers: dict[int, Entry]) -> Entry | None:
    """"failed to reach a deal", "declined to withdraw": a cooperative act that its doer failed or
    declined to do is a rejection by that doer (a ``refusal`` cue governing the act's clause); the
    REJECT entry to code on the governing verb, or None."""
    head = tok.head
    if tok.dep_ != "xcomp" or head.i in triggers or entry.type not in COOPERATIVE \
            or head.lemma_.lower() not in cues().get("refusal", ()):
        return None
    return Entry(head.lemma_.lower(), (), "VERB", "REJECT", None, rec.type_cameo("REJECT"), "speech")


def _prefer_nouns(sent, triggers: dict[int, Entry]) -> None:
    """"offered criticism", "voiced support": a speech-act noun that is the object of a light verb
    trigger codes the event; the verb's own entry is dropped."""
    light = cues().get("light", frozenset())
    for i, entry in list(triggers.items()):
        tok = sent.doc[i]
        if entry.pos != "NOUN" or tok.dep_ != "dobj" or entry.type in COOPERATIVE:
            continue
        head = tok.head
        if head.i in triggers and head.lemma_.lower() in light:
            del triggers[head.i]
            triggers[i] = Entry(entry.lemma, entry.needs, entry.pos, entry.type, entry.mode, entry.cameo, "light")
