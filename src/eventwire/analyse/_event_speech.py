"""Speech acts stated through quotes: a quote (direct or reported) whose words judge someone is an
ACCUSE (criticism) or SUPPORT (praise) event of its speaker (``knowledge/event_evaluations.tsv``).

The speaker comes from the quotes stage; the target is what the judgement is about: the noun phrase a
short quoted word qualifies ("called the creation of a Palestinian state 'necessary'", "the 'failure' of
US policy"), else the first actor of another country named in the quote.
"""
from __future__ import annotations

from ..knowledge import cached, rows
from ..model import Article, Quote
from ._event_args import Arg, owner, resolve
from ._event_triggers import _has_neg


@cached
def evaluations() -> dict[str, str]:
    """lemma -> ACCUSE | SUPPORT."""
    return {r["lemma"].strip().lower(): r["type"].strip() for r in rows("event_evaluations.tsv")}


def _speaker(article: Article, quote: Quote) -> Arg | None:
    name = quote.speaker
    if not name:
        return None
    for i, a in enumerate(article.actors):
        if a.name == name and a.country:
            return Arg(a.name, a.country, a.role, quote.start, quote.end, i)
    return None


def _judgement(span) -> tuple[str, object] | None:
    """The first evaluative word of the span that is not negated: (type, token)."""
    table = evaluations()
    for tok in span:
        kind = table.get(tok.lemma_.lower()) or table.get(tok.lower_)
        if kind is None or tok.pos_ not in ("ADJ", "NOUN", "VERB"):
            continue
        if _has_neg(tok) or _has_neg(tok.head) or any(c.lower_ in ("not", "no", "n't") for c in tok.head.children):
            continue
        return kind, tok
    return None


def _qualified(article: Article, tok) -> Arg | None:
    """The actor a short quoted judgement is about: the object of "called X 'necessary'", the noun an
    adjective modifies, or the owner of a quoted noun ("the 'failure' of US policy")."""
    if tok.pos_ == "NOUN":
        return owner(article, tok)
    if tok.dep_ == "amod":
        return resolve(article, tok.head) or owner(article, tok.head)
    head = tok.head
    obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubj") and c is not tok), None)
    if obj is not None:
        return resolve(article, obj) or owner(article, obj)
    return None


def _named_other(article: Article, quote: Quote, source: Arg, start: int, end: int) -> Arg | None:
    """The first actor of another country mentioned in ``[start, end)`` (the quote or its sentence)."""
    best: tuple[int, int] | None = None
    for i, a in enumerate(article.actors):
        if not a.country or a.country == source.country or a.name == source.name:
            continue
        first = min((s for s, e in a.mentions if start <= s < end), default=None)
        if first is not None and (best is None or first < best[0]):
            best = (first, i)
    if best is None:
        return None
    a = article.actors[best[1]]
    return Arg(a.name, a.country, a.role, best[0], best[0], best[1])


def speech_events(article: Article) -> list[tuple[str, Arg, Arg | None, object, int]]:
    """(type, source, target, anchor token, quote index) for each judging quote."""
    doc = article.cache.get("doc")
    out = []
    if doc is None:
        return out
    for qi, q in enumerate(article.quotes):
        source = _speaker(article, q)
        if source is None:
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        found = _judgement(span)
        if found is None:
            continue
        kind, tok = found
        target = _qualified(article, tok) if len(span) <= 4 else None
        if target is None:
            target = _named_other(article, q, source, q.start, q.end)
        if target is None:
            sent = span[0].sent  # the sentence that reports the quote
            target = _named_other(article, q, source, sent.start_char, sent.end_char)
        if target is not None and not target.country and target.generic:
            target = Arg(target.name, source.country, target.role, target.start, target.end, None, True)
        if target is not None and not target.country:
            target = None
        out.append((kind, source, target, tok, qi))
    return out
