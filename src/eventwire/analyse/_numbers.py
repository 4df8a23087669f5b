"""Reading numbers as news writes them: digits ("1,400", "1.2 million"), words ("two", "a dozen",
"two hundred and fifty", "twenty-five"), ranges ("between 20 and 30", "20 to 30", "20-30") and vague
amounts ("hundreds", "several", "tens of thousands"), with the qualifier before them ("at least", "more than").

:func:`parse_number` reads a string; :func:`find_numbers` finds the number phrases in a run of tokens (any
objects with ``.text``, ``.i`` and ``.idx``, such as spaCy tokens).  The number words live in
``knowledge/figure_numbers.tsv``, the qualifiers in ``knowledge/figure_modifiers.tsv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from .. import knowledge
from ._figure_tables import column_map, rows

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DASHES = {"-", "–", "—"}


@knowledge.cached
def _words() -> dict[str, tuple[str, int]]:
    return {r["word"].lower(): (r["kind"], int(r["value"])) for r in rows("figure_numbers.tsv")}


@knowledge.cached
def _modifiers() -> tuple[tuple[tuple[str, ...], str], ...]:
    mods = [(tuple(p.split()), kind) for p, kind in column_map("figure_modifiers.tsv", "phrase", "kind").items()]
    return tuple(sorted(mods, key=lambda m: -len(m[0])))  # longest first


def vague_minimum(word: str) -> int | None:
    """The conservative minimum the first vague amount in ``word`` stands for ("several" -> 3,
    "at least several insurgents" -> 3, "tens of thousands" -> 20000), or None if there is none."""
    kinds = [_words().get(p) for p in word.lower().replace("-", " ").split() if p not in ("a", "an", "of")]
    while kinds and (kinds[0] is None or kinds[0][0] != "vague"):
        kinds.pop(0)
    if not kinds:
        return None
    value = kinds[0][1]
    for k in kinds[1:]:  # "tens of thousands": 20 * 1000
        if k is None or k[0] != "vague":
            break
        if k[1] >= 200:
            value *= 10 ** (len(str(k[1])) - 1)
    return value


def is_vague_word(word: str) -> bool:
    entry = _words().get(word.lower())
    return entry is not None and entry[0] == "vague"


def _digit_value(text: str) -> float | None:
    t = text.replace("\u202f", "").replace("\xa0", "")
    if not _DIGITS.match(t):
        return None
    return float(t.replace(",", ""))


def parse_number(text: str) -> int | None:
    """The integer ``text`` spells, or None ("1,400" -> 1400, "1.2 million" -> 1200000, "a dozen" -> 12,
    "two hundred and fifty" -> 250, "twenty-five" -> 25; vague words and non-numbers -> None)."""
    parts = [p for p in re.split(r"[\s\-–]+", text.strip().lower()) if p]
    if parts and parts[0] in ("a", "an") and len(parts) > 1:
        parts[0] = "one"
    total, current, seen = 0.0, 0.0, False
    for p in parts:
        if p == "and" and seen:
            continue
        dv = _digit_value(p)
        entry = _words().get(p)
        if dv is not None:
            current += dv
        elif entry is None or entry[0] in ("vague", "ordinal"):
            return None
        elif entry[0] in ("unit", "ten"):
            current += entry[1]
        elif entry[0] == "dozen":
            current = (current or 1) * entry[1]
        else:  # scale
            current = (current or 1) * entry[1]
            if entry[1] >= 1000:
                total += current
                current = 0.0
        seen = True
    if not seen:
        return None
    value = total + current
    return int(round(value)) if value == value else None


@dataclass(slots=True)
class NumberPhrase:
    """A number phrase found in a token run: tokens ``[first, last]`` (inclusive indices into the run)."""

    first: int
    last: int
    count: int | None
    count_max: int | None = None
    vague: bool = False
    vague_min: int | None = None
    qualifier: str | None = None  # lower | upper | approx
    head: int = 0  # index into the run of the number token the parse attaches the phrase to
    yearlike: bool = False
    ordinal: bool = False  # "a fourth (was arrested)": one more person after a count


def _is_num_token(tokens: Sequence[Any], i: int) -> bool:
    t = tokens[i].text.lower()
    if _digit_value(t) is not None:
        return True
    entry = _words().get(t)
    if entry is None or entry[0] in ("vague", "ordinal"):
        return False
    if t == "couple":
        return i + 1 < len(tokens) and tokens[i + 1].text.lower() == "of"
    if t in ("m", "mn", "k"):  # "1.2m": only right after digits, no space
        return i > 0 and _digit_value(tokens[i - 1].text) is not None and tokens[i - 1].idx + len(tokens[i - 1].text) == tokens[i].idx
    return True


def _run_end(tokens: Sequence[Any], i: int) -> int:
    """Last index of the number run starting at ``i`` ("two hundred and fifty", "twenty - five", "1.2 million")."""
    j = i
    while True:
        nxt = j + 1
        if nxt < len(tokens) and _is_num_token(tokens, nxt) and _digit_value(tokens[nxt].text) is None \
                and _words()[tokens[nxt].text.lower()][0] in ("scale", "dozen", "unit") \
                and not (_words()[tokens[nxt].text.lower()][0] == "unit" and _digit_value(tokens[j].text) is not None):
            j = nxt
            continue
        if nxt + 1 < len(tokens) and tokens[nxt].text in _DASHES and _digit_value(tokens[j].text) is None \
                and _words().get(tokens[j].text.lower(), ("", 0))[0] == "ten" \
                and _words().get(tokens[nxt + 1].text.lower(), ("", 0))[0] == "unit":
            j = nxt + 1  # twenty-five
            continue
        if nxt + 1 < len(tokens) and tokens[nxt].text.lower() == "and" \
                and _words().get(tokens[j].text.lower(), ("", 0))[0] == "scale" \
                and _is_num_token(tokens, nxt + 1) and _digit_value(tokens[nxt + 1].text) is None:
            j = nxt + 1  # hundred and fifty
            continue
        return j


def _vague_here(tokens: Sequence[Any], i: int) -> bool:
    """"few" and "number" are amounts only as "a few" and "a number of"."""
    low = tokens[i].text.lower()
    if low not in ("few", "number"):
        return True
    after_a = i > 0 and tokens[i - 1].text.lower() == "a"
    if low == "few":
        return after_a
    return after_a and i + 1 < len(tokens) and tokens[i + 1].text.lower() == "of"


def _qualifier(tokens: Sequence[Any], first: int) -> tuple[str | None, int]:
    words = [t.text.lower() for t in tokens]
    for phrase, kind in _modifiers():
        n = len(phrase)
        if first - n >= 0 and tuple(words[first - n:first]) == phrase:
            return kind, first - n
    return None, first


def _value(tokens: Sequence[Any], a: int, b: int) -> int | None:
    return parse_number(" ".join(t.text for t in tokens[a:b + 1] if t.text != "of"))


def find_numbers(tokens: Sequence[Any]) -> list[NumberPhrase]:
    """Every number phrase in ``tokens``, left to right, ranges joined into one phrase."""
    out: list[NumberPhrase] = []
    i, n = 0, len(tokens)
    while i < n:
        low = tokens[i].text.lower()
        start = i
        if low in ("a", "an") and i + 1 < n and _words().get(tokens[i + 1].text.lower(), ("", 0))[0] in ("scale", "dozen"):
            i += 1  # "a dozen", "a hundred"
        if low in ("a", "an") and i + 1 < n and _words().get(tokens[i + 1].text.lower(), ("", 0))[0] == "ordinal":
            out.append(NumberPhrase(i, i + 1, 1, head=i + 1, ordinal=True))  # "a fourth"
            i += 2
            continue
        if is_vague_word(tokens[i].text) and _vague_here(tokens, i):
            j = i
            if j + 2 < n and tokens[j + 1].text.lower() == "of" and is_vague_word(tokens[j + 2].text):
                j += 2  # tens of thousands
            vstart = i - 1 if low in ("few", "number") else i
            qual, qstart = _qualifier(tokens, vstart)
            words = " ".join(t.text for t in tokens[i:j + 1])
            out.append(NumberPhrase(qstart, j, None, vague=True, vague_min=vague_minimum(words),
                                    qualifier=qual, head=j))
            i = j + 1
            continue
        if not _is_num_token(tokens, i) or low in ("m", "mn", "k"):
            i = start + 1
            continue
        end = _run_end(tokens, i)
        count = _value(tokens, start, end)
        if count is None:
            i = end + 1
            continue
        qual, qstart = _qualifier(tokens, start)
        phrase = NumberPhrase(qstart, end, count, qualifier=qual, head=end)
        first_word = tokens[start].text
        phrase.yearlike = bool(re.fullmatch(r"(1[89]|20)\d\d", first_word)) and end == start
        # ranges: "between 20 and 30", "20 to 30", "20-30"
        k = end + 1
        if k + 1 < n and (tokens[k].text.lower() in ("to",) or tokens[k].text in _DASHES
                          or (tokens[k].text.lower() == "and" and start > 0 and tokens[start - 1].text.lower() == "between")) \
                and _is_num_token(tokens, k + 1):
            end2 = _run_end(tokens, k + 1)
            hi = _value(tokens, k + 1, end2)
            if hi is not None and hi > count:
                phrase.count_max, phrase.last, phrase.head = hi, end2, end2
                if start > 0 and tokens[start - 1].text.lower() == "between":
                    phrase.first = min(phrase.first, start - 1)
                end = end2
        out.append(phrase)
        i = end + 1
    return out
