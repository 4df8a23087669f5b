"""Event records for the events stage: a coded mention (:class:`Found`) becomes an :class:`Event` with its
date (the clause's, else inherited from the paragraph or the lead: :class:`Dating`), location and
confidence; mentions of the same event are merged (:func:`dedup`) and linked to the quotes that state
them (:func:`link_quotes`)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Article, Event
from . import dates
from ._event_args import Arg
from ._event_lexicon import Entry, country_in, plover_types
from ._event_triggers import match
from .spans import actors_at


#: Prepositions that time a clause by another event ("after the handover").
_TIMING = {"after", "following", "during", "at"}


def _deadline(ent) -> bool:
    """Whether a date entity is a deadline ("leave by March 31"), a day that is not the story's."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in _DEADLINE


#: Prepositions of a deadline.
_DEADLINE = {"by", "until", "till", "before"}


@dataclass(slots=True)
class Found:
    """One event mention before dedup."""

    entry: Entry
    type: str
    tok: object
    source: Arg
    target: Arg | None



class Dating:
    """Dates for clauses that state none: the last date stated earlier in the same paragraph, else the
    day of the article's lead (the first day it states), for events told in the simple past or present
    perfect.  Pluperfect and background clauses stay undated."""

    def __init__(self, article: Article, hint_year: int | None) -> None:
        self.article = article
        self.hint_year = hint_year
        self.breaks = [m.start() for m in re.finditer(r"\n\s*\n", article.text)]
        self.lead: str | None = None
        self.by_para: dict[int, str | None] = {}
        self.by_noun: dict[str, str] = {}  # event noun ("handover", "talks") -> the day last stated for it
        self.last: str | None = None  # the day the story stated last
        doc = article.cache.get("doc")
        for i, sent in enumerate(doc.sents if doc is not None else ()):
            if i >= 5 or self.lead is not None:
                break
            for ent in sent.ents:  # the lead's day: the first day stated in the first sentences
                if ent.label_ in ("DATE", "TIME") and dates.is_date_expression(ent.text):
                    self.lead = self.lead or dates.resolve(ent.text, article.published, hint_year)
        if self.lead is None and not article.published:
            # no page date and no day in the lead: the full date of a removed photo caption or dateline
            # ("In this picture ..., Sunday, April 9, 2006") is the day the story tells
            self.lead = next((d for d in map(dates.full_date, article.removed[:8]) if d), None)

    def _para(self, offset: int) -> int:
        return bisect.bisect_left(self.breaks, offset)

    def see(self, sent) -> None:
        para = self._para(sent.start_char)
        day = None
        for ent in sent.ents:
            if ent.label_ in ("DATE", "TIME") and dates.is_date_expression(ent.text):
                d = dates.resolve(ent.text, self.article.published, self.hint_year)
                shift = dates.anaphoric(ent.text)
                if shift is not None and self.last is not None:  # "earlier in the day": the story's day
                    d = (date.fromisoformat(self.last) + timedelta(days=shift)).isoformat()
                self.by_para[para] = d
                if not _deadline(ent):
                    day = day or d
        if day is not None:
            self.last = day
        if day is not None:  # the event nouns of a dated sentence happened that day
            for tok in sent:
                if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                    entry = match(tok)
                    if entry is not None and entry.pos == "NOUN":
                        self.by_noun[tok.lemma_.lower()] = day

    def anaphoric(self, tok) -> str | None:
        """The day of the trigger's own expression when it counts from the story's day ("earlier in the
        day"), else None."""
        shift = dates.anaphoric(dates.governing_expression(tok))
        if shift is None or self.last is None:
            return None
        return (date.fromisoformat(self.last) + timedelta(days=shift)).isoformat()

    def _referred(self, tok) -> str | None:
        """The day of an event noun named before that the trigger's clause is timed by ("speaking after
        the handover", "following the talks")."""
        for prep in tok.sent:
            if prep.dep_ != "prep" or prep.lower_ not in _TIMING or prep.head not in (tok, *tok.children):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in self.by_noun:
                    return self.by_noun[obj.lemma_.lower()]
        return None

    def inherited(self, tok) -> str | None:
        if any(c.lower_ == "had" and c.dep_ == "aux" for c in tok.children):
            return None
        referred = self._referred(tok)
        if referred is not None:
            return referred
        para = self._para(tok.sent.start_char)
        if para in self.by_para:
            return self.by_para[para]
        return self.lead


def hint_year(article: Article) -> int | None:
    if article.published:
        return None
    m = re.search(r"\b(19[5-9]\d|20[0-4]\d)\b", article.text[:3000])
    return int(m.group(1)) if m else None


def location(article: Article, sent) -> tuple[str, str | None] | None:
    """The first place (GPE/LOC) named in the sentence, with its country."""
    key = ("events_loc", sent.start)
    if key in article.cache:
        return article.cache[key]
    out = None
    for ent in sent.ents:
        if ent.label_ in ("GPE", "LOC"):
            hits = actors_at(article, ent.start_char, ent.end_char)
            country = article.actors[hits[0]].country if hits else None
            if not country:
                found = country_in(ent.text)
                country = found[1] if found else None
            if country and country != "IGO":
                out = (ent.text, country)
                break
    article.cache[key] = out
    return out


def _confidence(found: Found) -> float:
    c = 0.5
    if found.source.actor is not None:
        c += 0.2
    if found.target is not None and found.target.country:
        c += 0.1
    if found.entry.pos == "VERB":
        c += 0.1
    if found.source.generic:
        c -= 0.1
    return round(min(c, 0.95), 3)


def to_event(article: Article, found: Found, hint_year: int | None) -> Event:
    tok = found.tok
    sent = tok.sent
    expr = dates.governing_expression(tok)
    date = dates.resolve(expr, article.published, hint_year) if expr else None
    loc = location(article, sent)
    s, t, e = found.source, found.target, found.entry
    return Event(type=found.type, start=sent.start_char, end=sent.end_char, evidence=sent.text,
                 mode=e.mode, cameo=e.cameo if found.type == e.type else type_cameo(found.type),
                 source=s.name, source_country=s.country, source_role=s.role,
                 target=t.name if t else None, target_country=t.country if t else None,
                 target_role=t.role if t else None, date=date,
                 location=loc[0] if loc else None, location_country=loc[1] if loc else None,
                 confidence=_confidence(found), trigger=tok.text,
                 spans=[(sent.start_char, sent.end_char)])


def dyadic(etype: str) -> bool:
    row = plover_types().get(etype)
    return bool(row) and (row.get("dyadic") or "").strip() == "yes"


def type_cameo(etype: str) -> str | None:
    row = plover_types().get(etype)
    return row["cameo"] if row else None


def _who(name: str | None, country: str | None) -> str:
    return f"{(name or '').lower()}|{country or ''}"


def _key(ev: Event) -> tuple:
    return (ev.type, _who(ev.source, ev.source_country), _who(ev.target, ev.target_country))


def dedup(events: list[Event], periods: dict[int, str] | None = None) -> list[Event]:
    """One event per (type, source, target, date); an undated mention joins a dated one of the same
    type, source and target; a target-less mention joins one of the same type and source in the same
    sentence that has a target ("fired tear gas to disperse the crowd").  Evidence spans are kept.

    ``periods`` maps ``id(event)`` to the undated period its clause names ("last month", "this week"):
    two undated mentions of different periods are distinct occurrences and stay apart."""
    periods = dict(periods or {})
    with_target = {(e.type, _who(e.source, e.source_country), e.start) for e in events if e.target_country}
    events = [e for e in events if e.target_country or (e.type, _who(e.source, e.source_country), e.start)
              not in with_target]

    def apart(a: Event, b: Event) -> bool:
        pa, pb = periods.get(id(a)), periods.get(id(b))
        return bool(pa and pb and pa != pb)

    out: list[Event] = []
    by_key: dict[tuple, Event] = {}
    for ev in events:
        key = _key(ev)
        same = by_key.get(key + (ev.date,))
        if same is not None and ev.date is None and apart(same, ev):
            same = None
        if same is None and ev.date is None:
            same = next((o for o in out if _key(o) == key and not apart(o, ev)), None)
        if same is None and ev.date is not None:
            same = by_key.get(key + (None,))
            if same is not None:
                same.date = ev.date
                by_key[key + (ev.date,)] = same
        if same is not None:
            for span in ev.spans:
                if span not in same.spans:
                    same.spans.append(span)
            same.confidence = max(same.confidence, ev.confidence)
            if id(ev) in periods and id(same) not in periods:
                periods[id(same)] = periods[id(ev)]
            continue
        by_key.setdefault(key + (ev.date,), ev)
        out.append(ev)
    return out


def link_quotes(article: Article) -> None:
    """Link each event to the quote that states it (the quote inside its sentence by the same source)."""
    for ei, ev in enumerate(article.events):
        for qi, q in enumerate(article.quotes):
            if q.event is not None:
                continue
            inside = any(s <= q.start < e for s, e in ev.spans)
            speakers = [q.speaker] + list(q.speakers or [])
            if inside and ev.source and any(sp and (sp == ev.source or sp in ev.source or ev.source in sp)
                                            for sp in speakers):
                ev.quote, q.event = qi, ei
                break
