"""Date resolution for events: turn a date expression ("on Tuesday", "yesterday", "March 24, 2021",
"Friday, December 23") into an ISO date, resolved against the article's publication date.

Public within the package:

- :func:`resolve` ``(expression, published) -> "YYYY-MM-DD" | None``;
- :func:`governing_expression` ``(token) -> str | None``: the DATE expression that governs the clause of a
  trigger token in a parsed spaCy sentence.

Relative expressions ("yesterday", "last week") live in ``knowledge/event_dates.tsv``, weekday and month
names in ``knowledge/date_names.tsv``.  A weekday is the most recent such day on or before ``published``;
a period with no stated day ("last week", "earlier this month") resolves to None, as the annotation guide
asks.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..knowledge import cached, rows

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@cached
def _weekdays() -> tuple[tuple[str, int], ...]:
    """(name, weekday number, 0 = Monday) of ``knowledge/date_names.tsv``, in the table's order."""
    return tuple((r["date_name"].lower(), int(r["number"])) for r in rows("date_names.tsv") if r["kind"] == "weekday")


@cached
def _months() -> dict[str, int]:
    """Month name or abbreviation -> month number, from ``knowledge/date_names.tsv``."""
    return {r["date_name"].lower(): int(r["number"]) for r in rows("date_names.tsv") if r["kind"] == "month"}


@cached
def _month_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Month-then-day ("March 24, 2021") and day-then-month ("24th of March") patterns, each capturing
    the day, the month name and the year if any."""
    names = "|".join(re.escape(m) for m in sorted(_months(), key=len, reverse=True))
    return (re.compile(rf"\b({names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"),
            re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({names})\.?\b(?:,?\s+(\d{{4}}))?"))


@cached
def _table() -> dict[str, tuple[str, int | None]]:
    """The relative expressions of ``knowledge/event_dates.tsv`` (and the user's files with its header):
    expression -> (kind, value)."""
    out: dict[str, tuple[str, int | None]] = {}
    for row in rows("event_dates.tsv"):
        value = row.get("value") or ""
        # keyed as expressions are normalised ("the next day" -> "next day") so that every row can match
        out[_norm(row["expression"])] = (row["kind"].strip(), int(value) if value.strip() else None)
    return out


def _norm(expression: str) -> str:
    s = expression.lower().replace("\u2019", "'")
    s = re.sub(r"[^\w\s,'-]", " ", s)
    s = re.sub(r"^\s*(on|since|from|by|until|at|in|the)\s+", " ", s)
    return re.sub(r"\s+", " ", s).strip(" ,")


def _parse_iso(published: str | None) -> date | None:
    if not published:
        return None
    m = _ISO.search(published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _weekday_before(weekday: int, pub: date, direction: str = "") -> date:
    if direction == "next":
        delta = (weekday - pub.weekday()) % 7 or 7
        return pub + timedelta(days=delta)
    delta = (pub.weekday() - weekday) % 7
    if direction == "last" and delta == 0:
        delta = 7
    if delta == 6 and not direction:
        # the day after the page's date: a statement in a later time zone ("Thursday" on a US page
        # dated Wednesday), not six days earlier, which news writes as "last Thursday"
        return pub + timedelta(days=1)
    return pub - timedelta(days=delta)


def _explicit(s: str, pub: date | None, hint_year: int | None) -> date | None | bool:
    """An explicit day and month (with or without year).  False when there is none in ``s``."""
    month_day, day_month = _month_patterns()
    m = month_day.search(s)
    if m:
        month, day, year = _months()[m.group(1)], int(m.group(2)), m.group(3)
    else:
        m = day_month.search(s)
        if not m:
            return False
        day, month, year = int(m.group(1)), _months()[m.group(2)], m.group(3)
    weekday = next((i for w, i in _weekdays() if w in s), None)
    try:
        if year:
            return date(int(year), month, day)
        if pub is not None:
            d = date(pub.year, month, day)
            if d - pub > timedelta(days=31):  # "December 29" in a January article: last year
                d = date(pub.year - 1, month, day)
            return d
        if weekday is not None:  # "Friday, December 23" with no page date: the year whose weekday fits
            base = hint_year or 2020
            for off in sorted(range(-8, 9), key=lambda k: (abs(k), k)):
                try:
                    d = date(base + off, month, day)
                except ValueError:
                    continue
                if d.weekday() == weekday:
                    return d
        if hint_year:
            return date(hint_year, month, day)
    except ValueError:
        return None
    return None


def resolve(expression: str | None, published: str | None, hint_year: int | None = None) -> str | None:
    """The ISO date ``expression`` names, resolved against ``published`` (ISO date or None).

    Returns None when the expression names no single day ("last week") or needs a publication date that
    is missing.  ``hint_year`` (a year the article mentions) helps explicit dates without a year when
    ``published`` is None.
    """
    if not expression:
        return None
    s = _norm(expression)
    if not s:
        return None
    pub = _parse_iso(published)
    iso = _ISO.search(s)
    if iso:
        return _parse_iso(iso.group(0)).isoformat() if _parse_iso(iso.group(0)) else None
    got = _explicit(s, pub, hint_year)
    if got is not False:
        return got.isoformat() if got else None
    found = _table_entry(s)
    if found is not None:
        kind, value = found
        if kind in ("vague", "anaphoric") or pub is None or value is None:
            return None  # an anaphoric day is the story's, not the page's: see anaphoric()
        return (pub + timedelta(days=value)).isoformat()
    for w, i in _weekdays():
        if re.search(rf"\b{re.escape(w)}\b", s):
            if pub is None:
                return None
            if re.search(r"\b(a|one)\s+week\s+(ago|earlier)\b", s) or re.search(r"\bweek\b", s):
                return None
            direction = ("next" if re.search(rf"\bnext\s+{re.escape(w)}\b", s)
                         else "last" if re.search(rf"\blast\s+{re.escape(w)}\b", s) else "")
            return _weekday_before(i, pub, direction).isoformat()
    return None


def full_date(text: str) -> str | None:
    """The first date with day, month and year written in ``text`` ("Sunday, April 9, 2006"), as ISO."""
    for rx, order in zip(_month_patterns(), ("md", "dm")):
        for m in rx.finditer(text.lower()):
            if not m.group(3):
                continue
            month, day = (_months()[m.group(1)], int(m.group(2))) if order == "md" else \
                (_months()[m.group(2)], int(m.group(1)))
            try:
                return date(int(m.group(3)), month, day).isoformat()
            except ValueError:
                continue
    return None


def anaphoric(expression: str | None) -> int | None:
    """For an expression that counts from the day the story last stated ("earlier in the day", "the
    next day"), the days to add to it; None for any other expression."""
    if not expression:
        return None
    found = _table_entry(_norm(expression))
    if found is None:
        return None
    kind, value = found
    return value if kind == "anaphoric" and value is not None else None


def _table_entry(s: str) -> tuple[str, int | None] | None:
    """The (kind, value) of the longest relative expression of ``knowledge/event_dates.tsv`` that the
    normalised expression ``s`` contains as whole words, or None."""
    table = _table()
    for key in sorted(table, key=len, reverse=True):
        if re.search(rf"(^|\b){re.escape(key)}(\b|$)", s):
            return table[key]
    return None


def is_date_expression(expression: str) -> bool:
    """Whether ``expression`` is one the resolver knows (even if it resolves to None, like "last week")."""
    s = _norm(expression)
    if not s:
        return False
    if _ISO.search(s) or any(rx.search(s) for rx in _month_patterns()):
        return True
    if any(re.search(rf"\b{re.escape(w)}\b", s) for w, _ in _weekdays()):
        return True
    return _table_entry(s) is not None


def _date_ents(sent) -> list:
    """The sentence's date expressions: NER dates the resolver knows, and one-word relative expressions
    of the table that the NER left untagged ("overnight")."""
    ents = [e for e in sent.ents if e.label_ in ("DATE", "TIME") and is_date_expression(e.text)]
    covered = {t.i for e in ents for t in e}
    table = _table()
    for tok in sent:
        if tok.i not in covered and tok.lower_ in table:
            ents.append(sent.doc[tok.i: tok.i + 1])
    return ents


def _untagged_expression(text: str) -> str | None:
    """A relative expression of the table that the NER did not tag ("overnight", "last night")."""
    low = text.lower()
    for key in sorted(_table(), key=len, reverse=True):
        if len(key) > 4 and re.search(rf"\b{re.escape(key)}\b", low):
            return key
    return None


def governing_expression(token) -> str | None:
    """The date expression of the clause that ``token`` (a trigger in a parsed sentence) belongs to.

    Prefers a DATE entity attached (through the parse) to the trigger or to the verb that governs it;
    otherwise the only date expression of the sentence; None when the sentence has none or several
    unattached ones.
    """
    sent = token.sent
    ents = _date_ents(sent)
    if not ents:
        return _untagged_expression(sent.text)
    # Heads chain of the trigger (the trigger itself, then the verbs above it).
    chain = [token]
    t = token
    while t.head is not t and len(chain) < 6:
        t = t.head
        chain.append(t)
    best: tuple[int, str] | None = None
    for ent in ents:
        for tok in ent:
            h = tok
            for _ in range(4):  # climb from the date to the verb it modifies
                if h in chain:
                    rank = chain.index(h)
                    if best is None or rank < best[0]:
                        best = (rank, ent.text)
                    break
                if h.head is h:
                    break
                h = h.head
    if best is not None:
        return best[1]
    return ents[0].text if len(ents) == 1 else min(ents, key=lambda e: abs(e.start - token.i)).text
