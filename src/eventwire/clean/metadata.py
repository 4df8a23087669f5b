"""Article metadata from the text itself and its address: headline, publication date, byline, outlet,
language."""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import unquote, urlparse

from . import _knowledge as kb
from .lines import Line, normalise

_MON = r"(?P<mon>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_FULL_DATES = [re.compile(p) for p in (
    rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b",           # June 17, 2016
    rf"\b{_DAY}\s+{_MON},?\s+{_YEAR}\b",           # 22 January 2015, 10th May, 2022
    r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b",  # 2016-06-17
)]
_URL_DATES = [re.compile(p) for p in (
    r"(?<!\d)(?P<year>(?:19|20)\d{2})[/-](?P<mnum>\d{1,2})[/-](?P<day>\d{1,2})(?!\d)",  # /2019/11/02/, /2018/03-30/
    r"(?<![\d])(?P<year>(?:19|20)\d{2})(?P<mnum>[01]\d)(?P<day>[0-3]\d)(?:\d{2,})?(?![\d])",  # 20221102180359..., -20060420-
)]
_LEAD_DATELINE = re.compile(r"^.{0,80}?(?P<date>(?:[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+(?:19|20)\d{2})|"
                            r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9},?\s+(?:19|20)\d{2}))\s*[)\]]?\s*[—–:-]")
_BYLINE = re.compile(r"^(?:[Bb]y|BY|[Ww]ritten by|[Rr]eported by)\s*[:|-]?\s*(?P<name>[^|,–—]+?)"
                     r"(?:\s+[-|,–—]\s*.*|\s*,.*)?$")
_SCRIPTS = (("ru", "\u0400", "\u04ff"), ("ar", "\u0600", "\u06ff"), ("he", "\u0590", "\u05ff"),
            ("el", "\u0370", "\u03ff"), ("hi", "\u0900", "\u097f"), ("th", "\u0e00", "\u0e7f"),
            ("ko", "\uac00", "\ud7af"), ("ja", "\u3040", "\u30ff"), ("zh", "\u4e00", "\u9fff"))


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        dt = date(y, m, d)
    except ValueError:
        return None
    return dt.isoformat() if 1990 <= y <= date.today().year + 1 else None


def _from_match(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    mon = int(g["mnum"]) if g.get("mnum") else kb.month_numbers().get((g.get("mon") or "").lower())
    return _valid(int(g["year"]), mon, int(g["day"])) if mon else None


def full_date(text: str) -> str | None:
    """The first date with day, month and year in ``text`` as YYYY-MM-DD (no year: None)."""
    for rx in _FULL_DATES:
        for m in rx.finditer(text):
            if iso := _from_match(m):
                return iso
    return None


def url_date(url: str | None) -> str | None:
    """A full date in the address path (/2019/11/02/, /2020-11-11/, -20060420-, /20221102180359...)."""
    if not url:
        return None
    path = unquote(urlparse(url).path)
    for rx in _URL_DATES:
        for m in rx.finditer(path):
            if iso := _from_match(m):
                return iso
    return None


def published(lines: list[Line], removed: list[Line], kept: list[Line], url: str | None) -> str | None:
    """Publication date: a leading "date YYYY-MM-DD" marker, the address, a date line that was removed
    (dateline, byline with date), else a dateline at the start of the first paragraph."""
    for ln in lines[:5]:
        if ln.iso_date and (iso := _valid(*map(int, ln.iso_date.split("-")))):
            return iso
    if iso := url_date(url):
        return iso
    for ln in removed:
        if ln.kinds & {"time", "byline"} and (iso := full_date(ln.body)):
            return iso
    for ln in kept[:2]:
        m = _LEAD_DATELINE.match(ln.body)
        if m and (iso := full_date(m.group("date"))):
            return iso
    return None


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = unquote(urlparse(url).path).lower()
    return {w for w in re.split(r"[^a-z0-9]+", path) if len(w) >= 3 and not w.isdigit()}


def _title_words(line: Line) -> set[str]:
    return {w.lower().replace("’", "'").split("'")[0] for w in line.words if len(w) >= 3}


def pick_title(ls: list[Line], bad: list[bool], first: int, url: str | None,
               hint: str | None = None, captions: frozenset[int] | set[int] = frozenset()) -> int | None:
    """Index of the headline line: the given title's line, else the head line that best matches the
    address slug, else the first title-like head line (no cue, not a sentence).  A line that looks like a
    photo caption (``captions``) is the headline only if it matches the slug."""
    if hint:
        key = normalise(hint)
        for i, ln in enumerate(ls[:30]):
            if ln.key == key:
                return i
        return None
    slug = _slug_words(url)
    best, best_overlap, first_cand = None, 0.0, None
    for i in range(min(first, len(ls), 15)):
        ln = ls[i]
        body = ln.body.rstrip()
        if not 3 <= ln.n_words <= 25 or ln.starts_lower or (body[-1:] in ".,;:" and not body.endswith("...")):
            continue
        words = _title_words(ln)
        common = len(words & slug)
        overlap = max(common / len(words), common / len(slug) if len(slug) >= 3 else 0.0) if words else 0.0
        plain = not (ln.kinds - {"titlecase", "outlet"}) and (not bad[i] or i in captions)
        if not plain and not (overlap >= 0.5 and not ln.strong and not ln.patterns):
            continue  # a line with cue words ("Facebook", "video") is the headline only if the slug says so
        if plain and first_cand is None and (i not in captions or (i + 1 < len(ls) and ls[i + 1].n_words > 6)):
            first_cand = i  # a caption-like line whose "credit" line carries its own caption is a headline
        if i in captions and overlap < 0.5:
            continue
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best if best_overlap >= 0.4 else first_cand


def byline(removed: list[Line], title: Line | None) -> str | None:
    """Author or agency from a "By ..." line, else a bare name line right after the headline."""
    for ln in removed:
        m = _BYLINE.match(ln.body)
        if m and "byline" in ln.kinds:
            name = m.group("name").strip(" .:-|")
            if name:
                return name
    if title is not None:
        for ln in removed:
            if (ln.index > title.index and 2 <= ln.n_words <= 4 and ln.n_words == len(ln.body.split())
                    and all(w[:1].isupper() and not w.isupper() for w in ln.words) and ln.kinds <= {"titlecase"}):
                return ln.body
            if ln.index > title.index + 3:
                break
    return None


def outlet(url: str | None) -> str | None:
    """A readable domain ("themoscowtimes.com") when the page names no site."""
    if not url:
        return None
    host = (urlparse(url if "//" in url else "//" + url).hostname or "").lower()
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
    return host or None


def language(text: str) -> str | None:
    """A cheap guess: the dominant non-Latin script, else the language whose function words cover most
    of the text."""
    sample = text[:5000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return None
    counts = {lang: sum(lo <= c <= hi for c in letters) for lang, lo, hi in _SCRIPTS}
    if counts["ja"] and counts["ja"] + counts["zh"] > 0.3 * len(letters):
        return "ja"
    top = max(counts, key=counts.get)
    if counts[top] > 0.3 * len(letters):
        return top
    words = re.findall(r"[^\W\d_]+", sample.lower())
    if len(words) < 3:
        return None
    hits = {lang: sum(w in sw for w in words) for lang, sw in kb.stopwords().items()}
    lang = max(hits, key=hits.get)
    if hits[lang] < 0.08 * len(words):
        return None
    if lang != "en" and (hits[lang] < 5 or hits[lang] < 2 * hits.get("en", 0)):
        # a short text or a close call: a few function words shared with English ("met", "die", "an") must
        # not turn an English sentence into another language and switch its analysis off
        return "en" if hits.get("en", 0) else None
    return lang
