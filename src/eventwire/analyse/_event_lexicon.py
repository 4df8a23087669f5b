"""The events stage's knowledge: the PLOVER trigger lexicon, the cue words and a country-name lookup, each
read once from ``knowledge/`` through the shared reader (:mod:`eventwire.knowledge`), so that the user's
knowledge files (the ``knowledge`` setting) extend them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge import cached, rows

#: PLOVER types whose events are material or verbal conflict (used to read vows and warnings).
CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: the trigger lemma, the dependents it needs, and what it codes."""

    lemma: str
    needs: tuple[str, ...]
    pos: str
    type: str
    mode: str | None
    cameo: str | None
    frame: str


@cached
def lexicon() -> dict[tuple[str, str], list[Entry]]:
    """(lemma, pos) -> entries, the most specific (most required dependents) first."""
    out: dict[tuple[str, str], list[Entry]] = {}
    for row in rows("plover_lexicon.tsv"):
        words = row["trigger"].lower().split()
        e = Entry(words[0], tuple(words[1:]), row["pos"].strip().upper(), row["type"].strip(),
                  (row.get("mode") or "").strip() or None, (row.get("cameo") or "").strip() or None,
                  (row.get("frame") or "act").strip())
        out.setdefault((e.lemma, e.pos), []).append(e)
    for entries in out.values():
        entries.sort(key=lambda e: -len(e.needs))
    return out


@cached
def cues() -> dict[str, frozenset[str]]:
    """kind -> cue lemmas (negation, modal, plan, denial, condition, report, generic, force, release)."""
    out: dict[str, set[str]] = {}
    for row in rows("event_cues.tsv"):
        out.setdefault(row["kind"].strip(), set()).add(row["cue"].strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


@cached
def number_words() -> dict[str, int]:
    """Cardinal number words and their values ("two" -> 2): the ``unit`` rows of the figures stage's
    ``knowledge/figure_numbers.tsv``."""
    return {r["word"].lower(): int(r["value"]) for r in rows("figure_numbers.tsv")
            if r["kind"] == "unit" and r["value"].isdigit()}


@cached
def agent_nouns() -> dict[str, str | None]:
    """Head nouns of people and institutions that can act ("police", "protesters") -> usual role."""
    return {r["lemma"].strip().lower(): (r.get("role") or "").strip() or None for r in rows("event_agents.tsv")}


@cached
def plover_types() -> dict[str, dict[str, str]]:
    """type -> {quad, cameo, description}."""
    return {r["type"]: r for r in rows("plover_types.tsv")}


@cached
def _country_names() -> dict[str, str]:
    """Lower-cased country name, alias, demonym or capital -> ISO alpha-3 (from the shared knowledge
    tables the actors stage uses too)."""
    out: dict[str, str] = {}
    for row in rows("countries.tsv") + rows("country_aliases.tsv"):
        out[row["alias"].strip().lower()] = row["code"].strip()
    for row in rows("demonyms.tsv"):
        out[row["demonym"].strip().lower()] = row["code"].strip()
        if (row.get("plural") or "").strip():
            out[row["plural"].strip().lower()] = row["code"].strip()
    for row in rows("metonyms.tsv"):
        out[row["alias"].strip().lower()] = row["code"].strip()
    return out


@cached
def _country_re() -> re.Pattern[str]:
    names = sorted(_country_names(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.I)


def country_in(text: str) -> tuple[str, str] | None:
    """(matched words, ISO alpha-3) of the first country name, demonym or capital in ``text``."""
    m = _country_re().search(text)
    if not m:
        return None
    return m.group(0), _country_names()[m.group(0).lower()]
