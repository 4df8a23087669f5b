"""The actors stage's knowledge base: countries, demonyms, metonyms, titles and organizations.

Everything lives in TSV files under ``eventwire/knowledge``, read through :mod:`eventwire.knowledge`: user
files named in the ``knowledge`` setting that repeat a table's header extend it, after the shipped rows (so
they override).  The knowledge base is built once per set of user files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .. import knowledge

#: Shipped files in load order (later rows override earlier ones), by table.
_FILES: dict[str, tuple[str, ...]] = {
    "countries": ("countries.tsv", "country_aliases.tsv"),
    "demonyms": ("demonyms.tsv",),
    "metonyms": ("metonyms.tsv",),
    "titles": ("titles.tsv",),
    "organizations": ("organizations.tsv",),
    "org_words": ("org_words.tsv",),
    "title_countries": ("title_countries.tsv",),
}


@dataclass(frozen=True, slots=True)
class Entry:
    """What a knowledge-base phrase means.

    ``type`` is one of: country (a state's name), demonym (adjective), people (plural demonym noun),
    capital, seat (seat of power), title (role noun or title), org (known organization or group)."""

    type: str
    key: str  # actor key: ISO code for countries/demonyms/capitals, org key, or the title term
    country: str | None = None
    role: str | None = None
    kind: str | None = None


@dataclass
class KB:
    """Lookup tables keyed by lower-cased phrase; ``exact`` holds phrases matched case-sensitively
    (acronyms such as "US", "AU", "WHO")."""

    phrases: dict[str, Entry] = field(default_factory=dict)
    exact: dict[str, Entry] = field(default_factory=dict)
    canonical: dict[str, str] = field(default_factory=dict)  # ISO code -> default state name
    titles: dict[str, Entry] = field(default_factory=dict)  # lower-cased term -> entry
    title_countries: dict[str, str] = field(default_factory=dict)  # title key -> the country it implies
    lowercase: set[str] = field(default_factory=set)  # names written without a capital ("al-Shabab")
    org_words: dict[str, str | None] = field(default_factory=dict)  # organization-name word -> role
    fullname: dict[str, str] = field(default_factory=dict)  # organization key -> its longest spelled-out alias
    acronym: dict[str, str] = field(default_factory=dict)  # organization key -> its first acronym

    def add(self, phrase: str, entry: Entry) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        if not phrase[:1].isupper():
            self.lowercase.add(phrase.lower())
        if _is_acronym(phrase):
            self.exact[phrase] = entry
        else:
            self.phrases[phrase.lower()] = entry

    def lookup(self, text: str) -> Entry | None:
        """The entry for ``text`` (acronyms case-sensitively, other phrases case-insensitively)."""
        entry = self.exact.get(text) or (None if _is_acronym(text) else self.phrases.get(text.lower()))
        if entry is not None and entry.type != "title" and not text[:1].isupper() \
                and text.lower() not in self.lowercase:
            return None  # names are written with a capital: "a presidential amnesty" is not Amnesty International
        return entry

    def title(self, term: str) -> Entry | None:
        return self.titles.get(term.lower())


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in phrase


def _none(value: str | None) -> str | None:
    value = (value or "").strip()
    return None if value in ("", "-") else value


def _apply(kb: KB, table: str, rows: Iterable[dict[str, str]]) -> None:
    for r in rows:
        if table == "countries":
            code = r["code"]
            kb.add(r["alias"], Entry("country", code, code, "GOV", "state"))
            if _none(r.get("canonical")):
                kb.canonical[code] = r["canonical"]
        elif table == "demonyms":
            code = r["code"]
            known = kb.lookup(r["demonym"])
            if known is None or known.type != "country":  # "Solomon Islands" stays the state's name
                kb.add(r["demonym"], Entry("demonym", code, code))
            if _none(r.get("plural")):
                kb.add(r["plural"], Entry("people", code, code, "CVL", "group"))
        elif table == "metonyms":
            kb.add(r["alias"], Entry(r["type"], r["code"] if r["type"] == "capital" else r["alias"],
                                     r["code"], _none(r["role"]), r["kind"]))
        elif table == "titles":
            term = r["term"].lower()
            kb.titles[term] = Entry("title", (_none(r.get("key")) or term).lower(), None, _none(r["role"]), r["kind"])
        elif table == "title_countries":
            kb.title_countries[r["title_key"].lower()] = r["country"]
        elif table == "org_words":
            kb.org_words[r["word"].lower()] = _none(r["role"])
        elif table == "organizations":
            kb.add(r["alias"], Entry("org", r["key"], _none(r["country"]), _none(r["role"]), r["kind"]))
            if " " in r["alias"] and len(r["alias"]) > len(kb.fullname.get(r["key"], "")):
                kb.fullname[r["key"]] = r["alias"]
            elif _is_acronym(r["alias"]) and r["key"] not in kb.acronym:
                kb.acronym[r["key"]] = r["alias"]


@knowledge.cached
def load() -> KB:
    """The knowledge base from the shipped files plus the active user files (:func:`knowledge.use`)."""
    kb = KB()
    for table, names in _FILES.items():
        for name in names[:-1]:
            _apply(kb, table, knowledge.read_table(knowledge.path(name)).rows)
        _apply(kb, table, knowledge.rows(names[-1]))  # user rows once, after all the shipped ones
    return kb
