"""Plain-text boilerplate removal: weigh each line's own evidence (:mod:`.lines`) with its place in the
document and its neighbours.

The page is read as head (before the first sentence-like paragraph), body and tail (after the last one).
Head and tail lines must look like article text to stay (short labels, bylines and captions go); body lines
stay unless the evidence against them is clear (so crossheads and short quotes survive).  A run of
boilerplate after the body (related stories, footers) ends the article: what follows it goes too, except a
last line cut off mid-sentence right after the body, which is the article's truncated end.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

from . import _knowledge as kb
from . import lines as L
from .lines import Line
from .metadata import pick_title

#: A body line goes when its evidence reaches this; head and tail lines at the lower bar.
BODY_BAR = 1.0
EDGE_BAR = 0.3


@dataclass
class Verdict:
    """The lines kept as article text, the lines removed (in input order), and the headline line if found."""

    kept: list[Line] = field(default_factory=list)
    removed: list[Line] = field(default_factory=list)
    title: Line | None = None
    lines: list[Line] = field(default_factory=list)


def outlet_tokens(url: str | None) -> frozenset[str]:
    """Distinctive pieces of the site's domain ("sputniknews" for sputniknews.com), to spot its own name."""
    if not url:
        return frozenset()
    host = (urlparse(url).hostname or "").lower()
    parts = [p for p in host.split(".") if p not in kb.word_set("host_prefixes")]
    return frozenset(p for p in parts[:-1] if len(p) >= 4) if len(parts) > 1 else frozenset()


def _anchor(line: Line) -> bool:
    return line.prose and line.score < 0.5


def _caption_before_credit(ls: list[Line], i: int) -> bool:
    """A short non-sentence line right before a credit line is the photo's caption; not when the credit
    is a bare one that introduces the caption below it ("Image source, X" then "Image caption, Y")."""
    if i + 1 >= len(ls) or ls[i].ends_sentence or ls[i].n_words > 25:
        return False
    nxt = ls[i + 1]
    if "credit" not in nxt.kinds or nxt.score < BODY_BAR or nxt.n_words > 40:
        return False
    return not (nxt.n_words <= 6 and i + 2 < len(ls) and "caption" in ls[i + 2].kinds)


def _contained(small: Line, big: Line) -> bool:
    a, b = small.key, big.key
    return len(a) >= 12 and a != b and a in b


def classify(raw: str, url: str | None = None, title_hint: str | None = None) -> Verdict:
    """Split ``raw`` into lines and decide which are article text and which is the headline."""
    ls = L.split(raw)
    toks = outlet_tokens(url)
    latin_doc = _latin_share(raw) >= 0.5
    for ln in ls:
        L.score(ln, latin_doc, toks)
    n = len(ls)
    anchors = {i for i, ln in enumerate(ls) if _anchor(ln)}
    first, last = (min(anchors), max(anchors)) if anchors else (0, n - 1)  # no paragraph: all is body
    bad, captions = _clear_cases(ls, anchors, first)
    title_i = pick_title(ls, bad, first, url, title_hint, captions)
    if title_i is not None and (n > 1 or title_hint):
        bad[title_i] = False
    else:
        title_i = None
    _by_place(ls, bad, first, last, title_i)
    _by_neighbours(ls, bad, first, last, title_i)
    _related_runs(ls, bad, anchors)
    _close_tail(ls, bad, last)
    return _verdict(ls, bad, title_i)


def _clear_cases(ls: list[Line], anchors: set[int], first: int) -> tuple[list[bool], set[int]]:
    """Lines with strong evidence of their own, and the captions their credit lines announce."""
    n = len(ls)
    bad = [ln.score >= BODY_BAR and ln.strong for ln in ls]
    captions = set()
    for i in range(n - 1, -1, -1):
        if not bad[i] and i not in anchors and _caption_before_credit(ls, i) and (bad[i + 1] or i < first):
            captions.add(i)
            bad[i] = True
    return bad, captions


def _by_place(ls: list[Line], bad: list[bool], first: int, last: int, title_i: int | None) -> None:
    """Head and tail lines must look like text (the lower bar, no bare labels); body lines the higher bar."""
    for i, ln in enumerate(ls):
        if bad[i] or i == title_i:
            continue
        short = ln.n_words <= 6 and not (ln.ends_sentence and ln.n_words >= 3)  # a label, not a sentence
        if i < first:  # head: only what looks like a standfirst or a short lead sentence stays
            bad[i] = ln.score >= EDGE_BAR or short or ln.starts_lower
        elif i > last:  # tail
            bad[i] = ln.score >= EDGE_BAR or short
        else:
            bad[i] = ln.score >= BODY_BAR


def _by_neighbours(ls: list[Line], bad: list[bool], first: int, last: int, title_i: int | None) -> None:
    """A copy of a nearby boilerplate line is boilerplate; a short body line between boilerplate lines
    needs less evidence of its own."""
    n = len(ls)
    for i, ln in enumerate(ls):
        if bad[i] or i == title_i or ln.prose:
            continue
        near = [j for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < n and bad[j]]
        if any(_contained(ln, ls[j]) for j in near):
            bad[i] = True
        elif first <= i <= last and not ln.ends_sentence and ln.score + 0.5 * sum(
                1 for j in (i - 1, i + 1) if 0 <= j < n and bad[j]) >= BODY_BAR:
            bad[i] = True


def _related_runs(ls: list[Line], bad: list[bool], anchors: set[int]) -> None:
    """A "Related" / "Recommended" / "Read more:" label introduces a run of headlines: the lines after it
    that are not sentences go too, up to the next paragraph."""
    for i, ln in enumerate(ls):
        if not (bad[i] and "related" in ln.kinds and ln.n_words <= 6):
            continue
        j = i + 1
        while j < len(ls) and j not in anchors and not ls[j].ends_sentence and ls[j].n_words <= 25:
            bad[j] = True
            j += 1


def _verdict(ls: list[Line], bad: list[bool], title_i: int | None) -> Verdict:
    """Kept and removed lines in order; copies of the headline (pages often repeat it) are removed."""
    v = Verdict(lines=ls, title=ls[title_i] if title_i is not None else None)
    title_key = v.title.key if v.title else None
    for i, ln in enumerate(ls):
        if i == title_i:
            continue
        if bad[i] or (title_key and ln.key == title_key and not ln.prose):
            v.removed.append(ln)
        else:
            v.kept.append(ln)
    return v


def _close_tail(ls: list[Line], bad: list[bool], last: int) -> None:
    """After the body, the first boilerplate line starts the page footer: the rest goes too.  A last line
    right after the body that is not clearly boilerplate is the article's cut-off end and stays."""
    n = len(ls)
    if last < 0:
        return
    tail = list(range(last + 1, n))
    if tail == [n - 1] and not ls[n - 1].ends_sentence and ls[n - 1].score < BODY_BAR:
        bad[n - 1] = False
        return
    footer = False
    for i in tail:
        footer = footer or bad[i]
        long_text = ls[i].n_words >= 20 and ls[i].score < EDGE_BAR
        bad[i] = bad[i] or (footer and not long_text)


def _latin_share(raw: str) -> float:
    letters = [c for c in raw[:5000] if c.isalpha()]
    return sum(c < "\u0250" for c in letters) / len(letters) if letters else 1.0
