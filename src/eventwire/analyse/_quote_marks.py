"""Direct-quote scanning: find the stretches of text that stand inside quotation marks.

Works on plain text, one paragraph (line) at a time, without the parse:

* double marks, straight (") or curly (“ ”), low-9 („) and guillemets (« » and the reversed » «) open and
  close by their position (an opening mark follows a space or a bracket, a closing one precedes a space or
  punctuation), so a wrongly curled mark still pairs;
* single marks (' ‘ ’) are used as quotation marks only at a word boundary, never inside a word (don't,
  Israel's), before a decade ('90s) or after a plural possessive followed by a word (the Israelis' homes);
  single marks inside a double-quoted stretch are nested quotes and stay part of its text;
* a mark that opens and never closes runs to the end of its paragraph; when the next paragraph opens with a
  mark again (the multi-paragraph convention) the stretch counts as closed, otherwise ``closed`` is False.

Each stretch becomes one :class:`Mark` per paragraph ("one entry per contiguous quoted span").
:func:`speaker_label` reads the speaker off the text itself where a transcript label ("SMITH: ...") or a
dash byline ("“...” ― Ann Lee") gives it.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

_DOUBLE_OPEN = "\"“„«»”"
_DOUBLE_CLOSE = "\"”“»«"
_SINGLE = "'‘’‚"
_BEFORE_OPEN = set(" \t([{—–-/:;,") | {"\u00a0"}
_AFTER_CLOSE = set(" \t)]}.,;:!?—–-/…") | {"\u00a0"}
#: Punctuation that ends quoted words: a mark right after it, inside an open quote, closes the quote.
_ENDS_WORDS = ",.!?"
_DECADE = re.compile(r"\d0s\b|\d\d\b")


@dataclass(frozen=True, slots=True)
class Mark:
    """One quoted stretch: ``start``/``end`` bound the words inside the marks (marks excluded)."""

    start: int
    end: int
    closed: bool = True
    continued: bool = False  # the stretch goes on in the next paragraph (multi-paragraph quote)
    continues: bool = False  # the stretch continues one from the previous paragraph
    single: bool = False  # delimited by single marks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _opens(text: str, i: int, lo: int) -> bool:
    """Whether the mark at ``i`` stands where an opening mark goes (start of paragraph or after a space)."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _BEFORE_OPEN or prev in _DOUBLE_OPEN or prev in _SINGLE) and not nxt.isspace()


def _closes(text: str, i: int, hi: int) -> bool:
    """Whether the mark at ``i`` stands where a closing mark goes (before a space, punctuation or the end)."""
    nxt = text[i + 1] if i + 1 < hi else " "
    prev = text[i - 1] if i > 0 else " "
    return (nxt in _AFTER_CLOSE or nxt in _DOUBLE_CLOSE or nxt in _SINGLE) and not prev.isspace()


def _closing(text: str, i: int, lo: int, hi: int) -> bool:
    """Whether the double mark at ``i`` closes an open quote: a right-hand mark, a mark before a space or
    punctuation, a mark right after the punctuation that ends quoted words, or one that cannot open."""
    return (text[i] in "”»" or _closes(text, i, hi) or not _opens(text, i, lo)
            or (i > lo and text[i - 1] in _ENDS_WORDS))  # 'audiences,"Katie Lee said': a space was lost


def _double_marks(text: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """(open, close, closed) index pairs of double-mark stretches in ``text[lo:hi]``; ``close`` is the mark's
    index (or ``hi`` when unclosed)."""
    out: list[tuple[int, int, bool]] = []
    start: int | None = None
    nested = 0  # quotes opened inside the open one with the same marks, not yet closed
    for i in range(lo, hi):
        ch = text[i]
        if start is None:
            if ch in _DOUBLE_OPEN and (ch in "“„«" or _opens(text, i, lo)):
                if ch in "”»" and not _opens(text, i, lo):
                    continue
                start = i
        elif ch in _DOUBLE_CLOSE:
            if _closing(text, i, lo, hi):
                if nested:
                    nested -= 1  # the inner quote closes; the outer one goes on
                    continue
                out.append((start, i, True))
                start = None
            elif ch == '"' or ch == "“":
                # an opening mark while open: a quote inside the quote when it is the same mark and
                # enough marks close after it ('"I believe ... says, "I'd like ammunition," you know."');
                # else the first one never closed (or wraps a pasted quotation): keep the later one
                later = sum(1 for j in range(i + 1, hi) if text[j] in _DOUBLE_CLOSE and _closing(text, j, lo, hi))
                if ch == text[start] and later >= nested + 2:
                    nested += 1
                else:
                    start, nested = i, 0
    if start is not None:
        out.append((start, hi, False))
    return out


def _single_open(text: str, i: int, lo: int, hi: int) -> bool:
    if text[i] == "’" and i > lo and not text[i - 1].isspace():
        return False
    if not _opens(text, i, lo):
        return False
    if _DECADE.match(text, i + 1):  # '90s, '04
        return False
    return True


def _single_close(text: str, i: int, lo: int, hi: int) -> bool:
    if text[i] == "‘":
        return False
    if not _closes(text, i, hi):
        return False
    nxt = text[i + 1] if i + 1 < hi else " "
    # "the Israelis' homes": a plural possessive before a lower-case word is an apostrophe
    if text[i - 1] in "sS" and nxt == " " and i + 2 < hi and text[i + 2].islower():
        return False
    return True


def _single_marks(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Single-mark stretches outside the double-mark ones; an unmatched single mark is an apostrophe."""
    out: list[tuple[int, int, bool]] = []
    start: int | None = None
    for i in range(lo, hi):
        if text[i] not in _SINGLE or any(a <= i <= b for a, b in taken):
            if start is not None and any(a <= i <= b for a, b in taken):
                start = None  # a single mark does not straddle a double-quoted stretch
            continue
        if start is None:
            if _single_open(text, i, lo, hi):
                start = i
        elif _single_close(text, i, lo, hi):
            out.append((start, i, True))
            start = None
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip spaces and a trailing comma from ``text[s:e]``."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def _starts_with_mark(text: str, lo: int, hi: int) -> bool:
    j = lo
    while j < hi and text[j].isspace():
        j += 1
    return j < hi and text[j] in _DOUBLE_OPEN


def _pair_marks(text: str) -> str:
    """``text`` with each doubled single mark ('' or ’’, an old typewriter convention for a double mark)
    turned into one double mark and a space, at the same offsets: ``''Yes,''`` -> ``" Yes," ``."""
    if "''" not in text and "’’" not in text and "‘‘" not in text:
        return text
    out = list(text)
    i = 0
    while i < len(text) - 1:
        if text[i] in "'‘’" and text[i + 1] in "'‘’":
            after = text[i + 2] if i + 2 < len(text) else " "
            if after.isspace() or after in _AFTER_CLOSE:
                out[i], out[i + 1] = '"', " "  # closing: the mark stays next to the words
            else:
                out[i], out[i + 1] = " ", '"'
            i += 2
            continue
        i += 1
    return "".join(out)


def scan(text: str) -> tuple[Mark, ...]:
    """Every quoted stretch in ``text``, in order.  The actors and quotes stages both ask for the same
    article's marks, so the last few texts' answers are kept (the marks are frozen)."""
    return _scan(text)


@functools.lru_cache(maxsize=8)
def _scan(text: str) -> tuple[Mark, ...]:
    text = _pair_marks(text)
    paras = _paragraphs(text)
    marks: list[Mark] = []
    carried = False  # the previous paragraph's quote was left open
    for n, (lo, hi) in enumerate(paras):
        doubles = _double_marks(text, lo, hi)
        spans = [(a, b) for a, b, _ in doubles]
        found = [(a, b, c, False) for a, b, c in doubles]
        found += [(a, b, c, True) for a, b, c in _single_marks(text, lo, hi, spans)]
        found.sort()
        next_opens = n + 1 < len(paras) and _starts_with_mark(text, *paras[n + 1])
        para_opens = _starts_with_mark(text, lo, hi)
        for a, b, closed, single in found:
            s, e = _trim(text, a + 1, b)
            if e <= s or not any(ch.isalnum() for ch in text[s:e]):
                continue
            continued = not closed and next_opens
            if not (closed or continued) and e >= len(text.rstrip()) and len(text[s:e].split()) < 3:
                continue  # a text cut off right after an opening mark ('... and said that "it'): nothing quoted
            continues = carried and para_opens and a == min(x[0] for x in found)
            marks.append(Mark(s, e, closed or continued, continued, continues, single))
        carried = bool(found) and not found[-1][2] and next_opens
    return tuple(marks)


#: "SMITH: words" in a transcript, at the start of a quote or just before its opening mark.
_LABEL = re.compile(r"([A-Z][A-Z.'’ -]{1,30}[A-Z.]):\s+")
#: "“words.” ― Ann Lee" at the end of a paragraph: the quote's author.
_BYLINE = re.compile(r"\s*[―—–-]{1,2}\s*([^\n]{2,80})$")


#: "... destroy it. Lee: “words”": a name (and a party tag: "Rep. Ann Lee (D-Ohio)") and a colon right before
#: the quote, opening its sentence or after a dash (a digest's "summary - Ann Lee: “words”").
_NAME_LABEL = re.compile(
    r"(?:^|(?<=[.!?\"”]\s)|(?<=\s[-–—]\s)|(?<=\n))((?:[A-Z][\w'’.-]+ ){0,3}[A-Z][\w'’-]+)(?: \([A-Z][\w.-]{0,12}\))?:\s*$")


#: A paragraph that opens with a described name and a colon: "Former senator Ann Lee (D-Ohio): “...”".
_LINE_LABEL = re.compile(r"([A-Z][^\n:\"“”]{2,80}?)(?: \([A-Z][\w.-]{0,12}\))?:\s*$")


def name_labels(text: str, m: Mark) -> list[tuple[int, int]]:
    """Offsets of the candidate labels of a quote: any words and a colon opening its paragraph, and title-case
    words and a colon opening its sentence ("Lee: “...”"); the caller checks that the words end in a name and
    hold no verb."""
    line_start = text.rfind("\n", 0, m.start) + 1
    end = max(line_start, m.start - 1)
    found = [_LINE_LABEL.fullmatch(text, line_start, end), _NAME_LABEL.search(text, max(line_start, m.start - 60), end)]
    return [f.span(1) for f in found if f]


def speaker_label(text: str, m: Mark) -> tuple[str, Mark] | None:
    """The transcript label or dash byline naming a quote's speaker, if any, with the quote's mark (one that
    starts past the label when the label stands inside the marks: '"LEE: words"')."""
    inner = _LABEL.match(text, m.start)
    if inner and inner.end() < m.end:
        return inner.group(1).strip(), dataclasses.replace(m, start=inner.end())
    label = _label_outside(text, m)
    return (label, m) if label is not None else None


def _label_outside(text: str, m: Mark) -> str | None:
    line_start = text.rfind("\n", 0, m.start) + 1
    outer = _LABEL.fullmatch(text[line_start:max(line_start, m.start - 1)] + " ")
    if outer:
        return outer.group(1).strip()
    line_end = text.find("\n", m.end)
    tail = text[m.end + 1: len(text) if line_end < 0 else line_end]
    byline = _BYLINE.match(tail)
    if byline is None and not tail.strip(" \"”’'.,") and line_end >= 0:
        # the quote closes its paragraph and the next one is only "- Ann Lee." (a pull quote's attribution)
        nxt = text[line_end:].lstrip("\n")
        nxt_end = nxt.find("\n")
        byline = _BYLINE.fullmatch(nxt[: len(nxt) if nxt_end < 0 else nxt_end].rstrip())
        # the name before a comma that says how it was said: "- Ann Lee, tweeting after the vote."
        name = byline.group(1).split(",")[0] if byline else ""
        words = name.strip(" .,").split()
        if not words or not all(w[:1].isupper() for w in words if w[:1].isalpha()) or words[-1][-1] in "-–—":
            return None  # "– An immigrant himself –" is a crosshead, not a name
        return name.strip(" .,") if len(words) <= _BYLINE_WORDS else None
    if byline and len(byline.group(1).split()) <= _BYLINE_WORDS and byline.group(1)[:1].isupper():
        return byline.group(1).strip(" .,")
    return None


#: The most words of a name in a dash byline.
_BYLINE_WORDS = 8
