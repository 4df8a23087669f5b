"""The typed records that flow through the pipeline.

One :class:`Article` is created by a reader (``ingest``), filled in by ``clean`` (clean text, metadata,
what was removed) and by the analysis stages (actors, quotes, events, figures), then stored or written out.
Every annotation carries ``start``/``end`` character offsets into ``Article.text``.

``Article.to_record()`` gives the JSON object of ``CONTRACT.md`` (schema 1).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

SCHEMA = 1

#: The 16 PLOVER event types.
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
#: Actor roles (PLOVER sectors as eventwire writes them).
ROLES = ("GOV", "MIL", "REB", "OPP", "LEG", "JUD", "CVL", "MED", "BUS", "NGO", "IGO")
ACTOR_KINDS = ("person", "organization", "state", "group")
FIGURE_CATEGORIES = ("killed", "injured", "displaced", "arrested", "detained", "missing")


@dataclass(slots=True)
class Actor:
    """A person, organization, state or armed group, with every mention in the clean text."""

    name: str
    kind: str = "organization"
    country: str | None = None
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "country": self.country, "role": self.role,
                "mentions": [list(m) for m in self.mentions]}


@dataclass(slots=True)
class Quote:
    """A direct quotation or a piece of reported speech and who said it.

    ``speaker`` is the first (or only) speaker's actor name; ``speakers`` lists all of them for a joint
    statement ("Putin and Erdogan reiterated ...").  ``start``/``end`` bound ``text`` in the clean text.
    """

    text: str
    start: int
    end: int
    kind: str = "direct"  # direct | indirect
    speaker: str | None = None
    speaker_country: str | None = None
    speakers: list[str] = field(default_factory=list)
    verb: str | None = None
    closed: bool = True  # False: an opening mark that never closed (text runs to the paragraph end)
    event: int | None = None  # index into Article.events of the event this quote states
    #: (start, end) of the words that name the speaker for this quote ("Lee", "she", "the ministry", a
    #: transcript label); for a quote continuing a run, the words that named the speaker before it.
    speaker_span: tuple[int, int] | None = None

    def to_record(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "speaker_country": self.speaker_country,
                "speakers": list(self.speakers), "text": self.text, "kind": self.kind, "verb": self.verb,
                "start": self.start, "end": self.end, "closed": self.closed, "event": self.event,
                "speaker_span": list(self.speaker_span) if self.speaker_span is not None else None}


@dataclass(slots=True)
class Event:
    """A PLOVER-coded event with its evidence sentence."""

    type: str
    start: int
    end: int
    evidence: str
    mode: str | None = None
    cameo: str | None = None
    source: str | None = None
    source_country: str | None = None
    source_role: str | None = None
    target: str | None = None
    target_country: str | None = None
    target_role: str | None = None
    date: str | None = None
    location: str | None = None
    location_country: str | None = None
    confidence: float = 0.0
    trigger: str | None = None
    quote: int | None = None  # index into Article.quotes of the quote that states it
    spans: list[tuple[int, int]] = field(default_factory=list)  # every evidence span after dedup

    def to_record(self) -> dict[str, Any]:
        return {"type": self.type, "mode": self.mode, "cameo": self.cameo,
                "source": self.source, "source_country": self.source_country, "source_role": self.source_role,
                "target": self.target, "target_country": self.target_country, "target_role": self.target_role,
                "date": self.date, "location": self.location, "location_country": self.location_country,
                "evidence": self.evidence, "start": self.start, "end": self.end,
                "confidence": round(float(self.confidence), 3), "trigger": self.trigger, "quote": self.quote,
                "spans": [list(s) for s in (self.spans or [(self.start, self.end)])]}


@dataclass(slots=True)
class Figure:
    """A reported count of people killed, injured, displaced, arrested, detained or missing."""

    category: str
    count: int | None
    start: int
    end: int
    evidence: str
    count_max: int | None = None
    vague: bool = False  # "hundreds", "scores": no count is invented
    victims: str | None = None
    location: str | None = None
    attributed_to: str | None = None
    event: int | None = None  # index into Article.events
    part_of: int | None = None  # index into Article.figures of the total this one breaks down

    def to_record(self) -> dict[str, Any]:
        return {"category": self.category, "count": self.count, "count_max": self.count_max,
                "vague": self.vague, "victims": self.victims, "location": self.location,
                "attributed_to": self.attributed_to, "evidence": self.evidence,
                "start": self.start, "end": self.end, "event": self.event, "part_of": self.part_of}


@dataclass(slots=True)
class ErrorRecord:
    """Why an article (or one stage of it) failed: a code from :mod:`eventwire.errors`, the stage, a message."""

    code: str
    stage: str
    message: str

    def to_record(self) -> dict[str, Any]:
        return {"code": self.code, "stage": self.stage, "message": self.message}


@dataclass(slots=True)
class Article:
    """One news article on its way through the pipeline.

    Readers fill ``raw`` (plain text) or ``html`` and whatever metadata the input carries; ``clean`` sets
    ``text``, ``title``, ``outlet``, ``published``, ``byline``, ``language`` and ``removed``.
    """

    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    language: str | None = None
    byline: str | None = None
    raw: str | None = None
    html: str | None = None
    origin: str | None = None  # where the reader found it: "file.jsonl:12", "archive.warc.gz#3"
    text: str = ""
    removed: list[str] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    #: Per-article working data shared by the analysis stages (the parsed spaCy Doc, coreference
    #: tables...).  Never serialised.
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def content_hash(self) -> str:
        """A stable id from the input content, used when the input gives none."""
        body = self.raw if self.raw is not None else (self.html or "")
        h = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
        return "sha256:" + h[:32]

    def add_error(self, code: str, stage: str, message: str) -> None:
        self.errors.append(ErrorRecord(code, stage, message))

    def to_record(self) -> dict[str, Any]:
        """The contract's JSON object (schema 1)."""
        return {
            "schema": SCHEMA,
            "id": self.id,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "byline": self.byline,
            "origin": self.origin,
            "text": self.text,
            "removed": list(self.removed),
            "actors": [a.to_record() for a in self.actors],
            "quotes": [q.to_record() for q in self.quotes],
            "events": [e.to_record() for e in self.events],
            "figures": [f.to_record() for f in self.figures],
            "errors": [e.to_record() for e in self.errors],
        }

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> "Article":
        """Rebuild an article from its contract record (as stored or exported)."""
        art = cls(id=rec.get("id"), url=rec.get("url"), outlet=rec.get("outlet"), title=rec.get("title"),
                  published=rec.get("published"), language=rec.get("language"), byline=rec.get("byline"),
                  origin=rec.get("origin"), text=rec.get("text") or "", removed=list(rec.get("removed") or []))
        art.actors = [Actor(a["name"], a.get("kind", "organization"), a.get("country"), a.get("role"),
                            [tuple(m) for m in a.get("mentions", [])]) for a in rec.get("actors") or []]
        art.quotes = [Quote(q["text"], q.get("start", 0), q.get("end", 0), q.get("kind", "direct"),
                            q.get("speaker"), q.get("speaker_country"), list(q.get("speakers") or []),
                            q.get("verb"), q.get("closed", True), q.get("event"),
                            tuple(q["speaker_span"]) if q.get("speaker_span") else None)
                       for q in rec.get("quotes") or []]
        art.events = [Event(**{k: (list(map(tuple, v)) if k == "spans" else v) for k, v in e.items()
                               if k in Event.__dataclass_fields__}) for e in rec.get("events") or []]
        art.figures = [Figure(**{k: v for k, v in f.items() if k in Figure.__dataclass_fields__})
                       for f in rec.get("figures") or []]
        art.errors = [ErrorRecord(e["code"], e["stage"], e["message"]) for e in rec.get("errors") or []]
        return art
