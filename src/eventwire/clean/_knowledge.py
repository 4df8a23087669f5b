"""The clean stage's data files, each loaded once (TSV tables through :mod:`eventwire.knowledge`, so user
files with the same header extend them): boilerplate cues and patterns, language stopwords."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import knowledge


@dataclass(frozen=True)
class Pattern:
    """One boilerplate regex from ``boilerplate_patterns.json``."""

    name: str
    kind: str
    weight: float
    max_words: int
    strong: bool
    regex: re.Pattern[str]


@knowledge.cached
def cues() -> tuple[re.Pattern[str], dict[str, tuple[str, float, bool]]]:
    """A regex finding any cue phrase (longest first, on word boundaries) and each cue's
    (kind, weight, strong)."""
    table = {r["cue"].lower(): (r["kind"], float(r["weight"]), r.get("strong") == "yes")
             for r in knowledge.rows("boilerplate_cues.tsv")}
    alts = "|".join(re.escape(c) for c in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE), table


def _patterns_file() -> dict:
    return knowledge.read_json("boilerplate_patterns.json")


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    """The structural boilerplate patterns (credits, bylines, labels, links...)."""
    return tuple(Pattern(p["name"], p["kind"], float(p["weight"]), int(p["max_words"]), bool(p["strong"]),
                         re.compile(p["regex"])) for p in _patterns_file()["patterns"])


@lru_cache(maxsize=None)
def word_set(key: str) -> frozenset[str]:
    """A space-separated word list from ``boilerplate_patterns.json`` (date_words, appeal_words...)."""
    return frozenset(_patterns_file()[key].split())


@knowledge.cached
def stopwords() -> dict[str, frozenset[str]]:
    """Function words per language code, for the language guess."""
    return {r["lang"]: frozenset(r["words"].split()) for r in knowledge.rows("clean_stopwords.tsv")}


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations (lower case) to 1..12."""
    return {name: i for i, names in enumerate(_patterns_file()["months"], start=1) for name in names.split()}


@lru_cache(maxsize=1)
def html_meta() -> dict[str, Any]:
    """Where to read a page's metadata: ordered field lists (``clean_html_meta.json``)."""
    return knowledge.read_json("clean_html_meta.json")
