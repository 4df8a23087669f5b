"""Lines of scraped text and their features: length, punctuation, case, cue words, patterns, appeal density.

A :class:`Line` is one non-blank line of the input with the evidence that it is boilerplate (``score``,
positive = boilerplate) computed from the line alone; :mod:`.text` then weighs it with its neighbours.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import _knowledge as kb

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TOKEN = re.compile(r"[\w.:/'’-]+")
_SENT_END = re.compile(r"[.!?…。]['\"”’)\]»]*(?:\s*[\[(][^\[\]()]{1,40}[\])])?\s*$")
_ISO_PREFIX = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})\b\s*")
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|«[^»]*(?:»|$)")
_NUMERIC = re.compile(r"^[\d][\d:.,/-]*(?:am|pm|st|nd|rd|th|h)?$")
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff]")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\bago\b", re.I)


@dataclass
class Line:
    """One non-blank input line with its own features."""

    index: int  # position among the input's lines (blank ones included)
    text: str  # the line, outer whitespace trimmed
    body: str  # the text that is judged: ``text`` without a leading "date YYYY-MM-DD" marker
    iso_date: str | None = None  # that marker's date
    words: list[str] = field(default_factory=list)
    score: float = 0.0  # evidence for boilerplate from the line alone
    strong: bool = False  # some evidence is a strong, length-independent signal (credit, byline, date line)
    kinds: set[str] = field(default_factory=set)
    patterns: set[str] = field(default_factory=set)  # names of the structural patterns that matched
    key: str = ""  # a normalised form for comparing lines (case, punctuation and spacing ignored)
    ends_sentence: bool = False  # ends with sentence punctuation (a closing quote or a "[credit]" may follow)

    n_words: int = 0  # words; in scripts written without spaces (Chinese, Japanese, Thai) 2 characters = 1

    @property
    def starts_lower(self) -> bool:
        return bool(self.words) and self.body[:1].islower()

    @property
    def prose(self) -> bool:
        """Sentence-like: ends with sentence punctuation and is long enough to be a paragraph."""
        return self.ends_sentence and self.n_words >= 10

    @property
    def name_like(self) -> bool:
        """Two to four capitalised words and nothing else, as in a byline name or a section label."""
        return (2 <= self.n_words <= 4 and len(self.body.split()) == self.n_words
                and all(w[:1].isupper() for w in self.words))

    @property
    def titlecase(self) -> bool:
        """Title Case, as in a headline or a label: most longer words capitalised, or a capitalised
        preposition or article after the first word ("The Storm In Numbers")."""
        long_words = [w for w in self.words if len(w) >= 4]
        caps = sum(w[:1].isupper() for w in long_words)
        if len(long_words) >= 3 and caps / len(long_words) >= 0.85:
            return True
        return len(self.words) >= 3 and caps == len(long_words) and any(
            w[:1].isupper() and w.lower() in kb.word_set("small_words") for w in self.words[1:])


def _count_words(words: list[str]) -> int:
    """Words, counting two characters as one in scripts written without spaces."""
    return sum(max(1, len(_UNSPACED.findall(w)) // 2) if _UNSPACED.search(w) else 1 for w in words)


def normalise(s: str) -> str:
    return " ".join(w.lower() for w in re.findall(r"\w+", s))


def split(raw: str) -> list[Line]:
    """The non-blank lines of ``raw`` (a zero-width or non-breaking space alone is blank)."""
    out = []
    for i, ln in enumerate(raw.splitlines()):
        if not ln.replace("\u200b", "").replace("\ufeff", "").strip():
            continue
        text = ln.strip()
        m = _ISO_PREFIX.match(text)
        body = text[m.end():] if m else text
        words = _WORD.findall(body)
        out.append(Line(i, text, body, m.group(1) if m else None, words, key=normalise(text),
                        ends_sentence=bool(_SENT_END.search(body)), n_words=_count_words(words)))
    return out


def _person_and_appeal(body: str) -> tuple[int, int, bool]:
    """First/second-person words and appeal words (support, journalism, donate...) outside quotations,
    and whether the line attributes speech ("said", "told"): a publisher's appeal never does."""
    outside = _QUOTED.sub(" ", body)
    toks = [w.lower().replace("’", "'").split("'")[0] for w in _WORD.findall(outside)]
    person = sum(t in kb.word_set("first_second_person") for t in toks)
    appeal = sum(t in kb.word_set("appeal_words") for t in toks)
    speech = any(t in kb.word_set("speech_words") for t in toks)
    return person, appeal, speech


def _date_line(line: Line) -> bool:
    """A line made (almost) only of a date, a time, "updated"/"published" and the like."""
    toks = [t.strip(".,:|-–—()") for t in _TOKEN.findall(line.body.lower())]
    toks = [t for t in toks if t]
    if not toks or line.n_words > 14:
        return False
    datey = [t for t in toks if t in kb.word_set("date_words") or _NUMERIC.match(t)]
    has_anchor = any(t in kb.month_numbers() or t in kb.word_set("weekdays") for t in toks) or bool(_TIME.search(line.body)) or "published" in toks
    return has_anchor and len(datey) / len(toks) >= 0.6 and len(toks) - len(datey) <= 3


def _foreign_script(body: str) -> bool:
    if body.isascii():
        return False
    letters = [c for c in body if c.isalpha()]
    if len(letters) < 4:
        return False
    latin = sum(c < "\u0250" for c in letters)
    return latin / len(letters) < 0.5


def _cue_evidence(body: str, kinds: set[str]) -> tuple[float, float]:
    """(strong, weak) evidence from cue phrases: the strongest clear cue, and the other cues summed."""
    cue_re, cue_table = kb.cues()
    total = strongest = 0.0
    for m in cue_re.finditer(body):
        kind, w, is_strong = cue_table[m.group(0).lower()]
        if is_strong:
            strongest = max(strongest, w)
        else:
            total += w
        kinds.add(kind)
    return strongest, min(total, 4.0)


def _pattern_evidence(line: Line, kinds: set[str]) -> tuple[float, float]:
    """(strong, weak) evidence from the structural patterns (credits, bylines, links...)."""
    strong = weak = 0.0
    for p in kb.patterns():
        if (p.max_words == 0 or line.n_words <= p.max_words) and p.regex.search(line.body):
            kinds.add(p.kind)
            line.patterns.add(p.name)
            if p.strong:
                strong += p.weight
            else:
                weak += p.weight
    return strong, weak


def _shape_evidence(line: Line, outlet_tokens: frozenset[str], kinds: set[str]) -> float:
    """Weak evidence from the line's shape: the site's own name, Title Case, very short, a data row."""
    weak = 0.0
    if line.ends_sentence:
        return weak
    if outlet_tokens and any(len(w) >= 5 and any(t.startswith(w.lower()) and len(w) >= 0.6 * len(t)
                                                 for t in outlet_tokens) for w in line.words):
        weak += 1.5
        kinds.add("outlet")
    if line.titlecase or line.name_like:
        weak += 0.7
        kinds.add("titlecase")
    if line.n_words <= 3:
        weak += 0.5
    if line.n_words <= 6 and re.search(r"\d", line.body):
        weak += 1.0  # a data row ("Kenya: 12,400"), a rating, a counter
        kinds.add("data")
    return weak


def score(line: Line, latin_doc: bool = True, outlet_tokens: frozenset[str] = frozenset()) -> Line:
    """Fill ``line.score``/``strong``/``kinds`` from the line's own features.

    Strong evidence (a credit, a byline, a date line, an appeal, a clear cue) counts at any length; weak
    evidence (other cues, shape) counts less on long lines; a sentence earns a bonus that grows with length.
    """
    body, n = line.body, line.n_words
    kinds: set[str] = set()
    strong, weak = _cue_evidence(body, kinds)
    line.patterns = set()
    p_strong, p_weak = _pattern_evidence(line, kinds)
    strong, weak = strong + p_strong, weak + p_weak + _shape_evidence(line, outlet_tokens, kinds)
    if not line.words:
        strong += 3.0
        kinds.add("symbols")
    if latin_doc and _foreign_script(body):
        strong += 3.0
        kinds.add("script")
    person, appeal, speech = _person_and_appeal(body)
    if n >= 5 and person >= 2 and appeal >= 1 and (person + appeal) / n >= 0.12 and not speech:
        strong += 3.0
        kinds.add("appeal")
    if line.words and line.words[0].lower() in kb.word_set("imperative_verbs") and person >= 1:
        strong += 2.5
        kinds.add("promo")
    if _date_line(line):
        strong += 3.0
        kinds.add("time")
    if line.ends_sentence and n >= 12:
        weak *= 0.3  # a cue word inside a long sentence is weak evidence
    elif n > 8 and not line.ends_sentence:
        weak *= max(0.5, 8 / n)
    prose_bonus = (0.5 + min(n, 30) / 20) if line.ends_sentence else 0.0
    line.score = strong + weak - prose_bonus
    line.strong = strong > 0
    line.kinds = kinds
    return line
