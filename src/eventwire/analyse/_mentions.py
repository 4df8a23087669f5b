"""Candidate actor mentions in a parsed Doc: named entities, knowledge-base phrases and role noun phrases.

Each :class:`._mention_base.Mention` says what a piece of text is (a named person, an organization, a state, a group, a
title-only description of a person, a pronoun) with the country and role its own words imply.  The person names are
found by :class:`._mention_persons.PersonNames`, which :class:`Extractor` takes in; clustering mentions into
actors is :mod:`._resolve`'s job.
"""
from __future__ import annotations

import re
from typing import Iterable

from ._actor_words import actor_words, honorifics
from ._kb import KB, Entry
from ._mention_base import NO_ENTRY, Mention, head_of, kb_matches, located, strip_span
from ._mention_persons import PersonNames

_NER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
#: Where a capital stands for its state ("Moscow said", "talks with Ankara"), not for a place.
_CAPITAL_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "conj", "pobj"}
_CAPITAL_PREPS = {"with", "by", "from", "between", "against"}
#: What may stand before a dateline on its line ("date 2021-02-11 NEW DELHI -"): digits, dashes, a "date" label.
_DATELINE_BEFORE = re.compile(r"^[\W\d_]*(?:date\b[\W\d_]*)?$", re.IGNORECASE)
#: What follows a dateline's place (after its country in square brackets, if any): a dash, an agency in
#: brackets and a dash, or a comma and a date.
_DATELINE_AFTER = re.compile(r"^(\s*\[[^\]\n]{1,30}\])?\s*(?:[\u2014\u2013]|-{1,2}\s"
                             r"|,?\s*\([A-Z][^)\n]{0,40}?\)?\s*[-\u2014\u2013]"
                             r"|,\s*(?:\d|[A-Z][a-z]{2,8}\.? \d))")
_CHUNK_DEPS = {"compound", "amod", "nmod", "poss", "case", "nummod", "quantmod", "npadvmod", "punct", "det", "advmod"}


class Extractor(PersonNames):
    """Builds the mentions of one Doc."""

    def __init__(self, doc, kb: KB):
        self.doc = doc
        self.kb = kb
        self.matches = kb_matches(doc, kb)
        self.entry_at: dict[int, tuple[int, int, Entry]] = {}
        for m in self.matches:
            for k in range(m[0], m[1]):
                self.entry_at[k] = m
        self.ent_at: dict[int, object] = {}
        for ent in doc.ents:
            if ent.label_ in _NER_LABELS:
                for k in range(ent.start, ent.end):
                    self.ent_at[k] = ent
        self.used: set[int] = set()
        self.mentions: list[Mention] = []
        self.org_at: dict[int, Mention] = {}  # token -> the organization mention covering it
        self.acronyms: dict[str, str] = {}  # "(HUBAZiK)" after an organization's name -> its key
        self.datelines: list[tuple[int, int]] = []  # character spans of dateline tokens
        self._dateline: set[int] = set()  # their token indices
        self._headlines: list[tuple[int, int]] | None = None  # character spans of headline-like lines
        self._known: set[tuple[str, ...]] | None = None  # person-name word runs of the body

    # -- helpers ---------------------------------------------------------------------------------------
    def _mention(self, i: int, j: int, type_: str, key: str | None, **kw) -> Mention:
        doc = self.doc
        for k in range(j - 1, i - 1, -1):  # never across a line break: keep the part nearest the head
            if "\n" in doc[k].text_with_ws and k < j - 1:
                i = k + 1
                break
        i, j = strip_span(doc, i, j)
        if doc[i:j].text.count("(") > doc[i:j].text.count(")") and j < len(doc) and doc[j].text == ")":
            j += 1  # "Belarusian Telegraph Agency (BelTA" + ")"
        span = doc[i:j]
        m = Mention(span.start_char, span.end_char, i, j, type_, key, span.text, head=head_of(doc, i, j), **kw)
        m.subject = doc[m.head].dep_ in ("nsubj", "nsubjpass")
        m.indefinite = any(0 <= k < j and doc[k].lower_ in actor_words("indefinite") for k in (i - 1, i))
        if kw.get("kind") == "person":
            m.honorific = next((honorifics()[doc[k].lower_] for k in (i - 1, i)
                                if 0 <= k < j and doc[k].lower_ in honorifics()), None)
        self.mentions.append(m)
        if type_ in ("org", "seat"):
            self.org_at.update((k, m) for k in range(i, j))
        self.used.update(range(i, j))
        return m

    def _clues(self, tokens: Iterable[int]) -> tuple[str | None, Entry | None, Entry | None]:
        """Country, longest title entry and organization entry found among ``tokens``."""
        country = None
        title: Entry | None = None
        title_len = 0
        org = None
        seen: set[tuple[int, int]] = set()
        for k in tokens:
            m = self.entry_at.get(k)
            if not m or (m[0], m[1]) in seen:
                continue
            seen.add((m[0], m[1]))
            e = m[2]
            if e.type in ("country", "demonym", "capital", "people") and country is None:
                country = e.country
            elif e.type == "title" and m[1] - m[0] >= title_len:
                title, title_len = e, m[1] - m[0]
            elif e.type in ("org", "seat") and org is None:
                org = e
        return country, title, org

    # -- passes ----------------------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        dateline = self._dateline_tokens()
        self._dateline = dateline
        self.datelines = [(self.doc[k].idx, self.doc[k].idx + len(self.doc[k])) for k in sorted(dateline)]
        self.used.update(dateline)
        self._persons()
        self._surnames()
        self._named()
        self._roles()
        self._pronouns()
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        return self.mentions

    def _dateline_tokens(self) -> set[int]:
        """Tokens of datelines ("NAIROBI \u2014", "MOSCOW (Sputnik) -", "Colombo, (APP -"): the place at the
        start of a line where a story was filed is no actor."""
        doc, text = self.doc, self.doc.text
        out: set[int] = set()
        for tok in doc:
            if not tok.is_alpha or not _DATELINE_BEFORE.match(text[text.rfind("\n", 0, tok.idx) + 1:tok.idx]):
                continue
            if tok.lower_ == "date":
                continue
            for end in self._dateline_ends(tok.i):
                span = doc[tok.i:end]
                m = _DATELINE_AFTER.match(text[span.end_char:span.end_char + 48])
                if m:  # the place and its country in brackets ("Addis Ababa [Ethiopia], May 2 (Agency):")
                    stop = span.end_char + (m.end(1) if m.group(1) else 0)
                    out.update(k for k in range(tok.i, len(doc)) if doc[k].idx < stop)
                    break
        return out

    def _dateline_at(self, k: int) -> bool:
        """Token ``k`` belongs to a dateline."""
        return k in self._dateline

    def _dateline_ends(self, i: int) -> list[int]:
        """Where a dateline's place starting at token ``i`` may end: the named entity starting there, the
        knowledge base's country or capital, the run of upper-case words.  The entity may run past the
        dash into the first name of the story ("CLEVELAND - Donald Trump" tagged one PERSON), so the
        shorter readings are tried too."""
        doc = self.doc
        ends: list[int] = []
        ent, kb = self.ent_at.get(i), self.entry_at.get(i)
        if ent is not None and ent.start == i:
            ends.append(ent.end)
        if kb is not None and kb[0] == i and kb[2].type in ("country", "capital"):
            ends.append(kb[1])
        end = i
        while end < len(doc) and doc[end].is_alpha and doc[end].is_upper and len(doc[end]) > 1:
            end += 1
        ends.append(end)
        return [e for k, e in enumerate(ends) if e > i and e not in ends[:k]]

    def _inside_name(self, i: int, j: int) -> bool:
        """The place word ``doc[i:j]`` is part of an organization's name the NER found ("South China
        Morning Post", "Kenya Airways"): capitalised words the knowledge base does not know follow it."""
        ent = self.ent_at.get(i)
        if ent is None or ent.label_ not in ("ORG", "LOC", "FAC") or ent.end <= j:
            return False
        rest = self.doc[j:ent.end]
        return all(t.is_title and t.i not in self.entry_at for t in rest if t.is_alpha) and \
            any(t.is_alpha for t in rest)

    def _org_named_with_country(self, i: int, j: int) -> int | None:
        """Where an organization's name starts when it ends in a country written in capitals ("Priorities
        USA", "Rise USA"): capitalised words the knowledge base and the NER do not know, bound to it as
        modifiers; None when there are none."""
        doc = self.doc
        if not doc[i:j].text.replace(".", "").isupper() or len(doc[i:j].text) < 2:
            return None
        k = i
        while (k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].dep_ == "compound" and i <= doc[k - 1].head.i < j
               and doc[k - 1].is_title and k - 1 not in self.entry_at and k - 1 not in self.used
               and doc[k - 1].ent_type_ not in ("PERSON", "GPE", "LOC", "NORP")):
            k -= 1
        return k if k < i else None

    def _named(self) -> None:
        """Organizations, seats of power, states and demonym plurals from the knowledge base and NER."""
        doc = self.doc
        for i, j, e in self.matches:
            if i in self.used or e.type in ("title", "demonym"):
                continue
            head = doc[head_of(doc, i, j)]
            if e.type in ("country", "capital"):
                if self._modifier(head) or self._inside_name(i, j):
                    continue
                k = self._org_named_with_country(i, j)
                if k is not None:  # "Priorities USA": an organization the NER missed, not the state
                    key = doc[k:j].text
                    self._mention(k, j, "org", key.lower(), country=e.country, role=None, kind="organization")
                    continue
                loc = located(head)
                if e.type == "capital" and (loc or head.dep_ not in _CAPITAL_DEPS):
                    continue  # a capital stands for its state only as an argument (not a dateline)
                if e.type == "capital" and head.dep_ == "pobj" and head.head.lower_ not in _CAPITAL_PREPS:
                    continue
                m = self._mention(i, j, "state", e.country, country=e.country, role="GOV", kind="state",
                                  term=e.type)
                m.located = loc
            elif e.type == "people":
                if self._modifier(head):
                    continue
                home = self._minority_home(i, head) or e.country
                self._mention(i, j, "people", home, country=home, role="CVL", kind="group", term="people")
            elif e.type in ("org", "seat"):
                self._mention(i, j, "seat" if e.type == "seat" else "org", e.key, country=e.country, role=e.role,
                              kind=e.kind or "organization")
        # a name the NER also calls a place, or that is a place somewhere in the article ("in Al Waer")
        places = self._places()
        for ent in doc.ents:
            named_place = ent.label_ in ("LOC", "FAC") and self.doc[ent.end - 1].lower_ in self.kb.org_words \
                and any(k in self.entry_at for k in range(ent.start, ent.end))  # "South China Morning Post"
            if (ent.label_ not in ("ORG", "NORP") and not named_place) \
                    or any(k in self.used for k in range(ent.start, ent.end)):
                continue
            if ent.text in places and not named_place:
                continue
            i, j = strip_span(doc, ent.start, ent.end)
            if i >= j:
                continue
            if ent.label_ == "NORP":
                continue
            # an organization the knowledge base does not know: its own words give country and role
            country, title, org = self._clues(range(i, j))
            head = doc[head_of(doc, i, j)]
            if located(head) and title is None:
                continue  # a place the NER took for an organization ("police in Niamey")
            if self._modifier(head) and title is None:
                continue
            role = title.role if title else None
            if role is None:
                last = [t for t in doc[i:j] if t.is_alpha]
                role = self.kb.org_words.get(last[-1].lower_) if last else None
            if title is not None and (country or not any(t.is_title for t in doc[i:j])) and \
                    self.entry_at.get(j - 1, (0, 0, NO_ENTRY))[2].type == "title":
                # "the Rwandan Government", "Palestinian Ministry of Health": a role noun phrase
                m = self._mention(i, j, "title" if title.kind == "person" else "group", title.key, country=country,
                                  role=title.role, kind=title.kind, term=title.key)
                m.word = doc[self.entry_at[j - 1][0]:j].text.lower()
                continue
            key = self.acronyms.get(doc[i:j].text, doc[i:j].text.lower())
            if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" and doc[j + 1].text[:1].isupper():
                self.acronyms[doc[j + 1].text] = key  # "Main Department ... (HUBAZiK)", then "HUBAZiK"
                self.used.update(range(j, j + 3))
                j += 3
            self._mention(i, j, "org", key, country=country, role=role, kind="organization",
                          term=title.key if title else None)

    def _minority_home(self, i: int, head) -> str | None:
        """The country an ethnic minority lives in ("ethnic Albanians in southern Serbia" -> SRB): the
        country of a place after "in/of", when the people noun is marked "ethnic"."""
        if i == 0 or self.doc[i - 1].lower_ != "ethnic":
            return None
        np = head
        if np.dep_ == "pobj" and np.head.lower_ == "of":  # "hundreds of ethnic Turks"
            np = np.head.head
        # "ethnic Turks rioted in Sweden", "killed three ethnic Albanians in southern Serbia"
        verb = np.head if np.dep_ in ("nsubj", "nsubjpass", "dobj") else None
        preps = [*head.children, *(verb.children if verb is not None else ())]
        for prep in preps:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from", "across", "throughout", "at", "near"):
                for t in prep.subtree:
                    m = self.entry_at.get(t.i)
                    if m is not None and m[2].type in ("country", "capital", "demonym") and m[2].country:
                        return m[2].country
        return None

    def _modifier(self, head) -> bool:
        """``head`` only modifies a role noun phrase ("Russia's foreign ministry", "Israeli forces"), which
        is the actor."""
        if head.dep_ not in ("compound", "amod", "poss", "nmod") or head.head.i == head.i:
            return False
        h = head.head
        while h.dep_ == "compound" and h.head.i != h.i and h.head.i > h.i:
            h = h.head
        m = self.entry_at.get(h.i)
        return bool(m and m[2].type in ("title", "org", "seat")) or h.ent_type_ in ("ORG", "PERSON")

    def _roles(self) -> None:
        """Role noun phrases: "the Russian leader", "Israeli forces", "Canada's spy agency", "police"."""
        doc = self.doc
        for i, j, e in self.matches:
            if e.type != "title" or any(k in self.used for k in range(i, j)):
                continue
            hk = j - 1
            head = doc[hk]
            if head.pos_ not in ("NOUN", "PROPN"):
                continue
            if head.head.i > hk and head.dep_ in ("compound", "nmod", "amod") and head.head.pos_ == "NOUN":
                continue  # the role noun modifies a later noun ("police station", "navy aircraft")
            a = head.left_edge.i
            while a < i and (doc[a].dep_ not in _CHUNK_DEPS
                             or (doc[a].ent_type_ == "PERSON" and a not in self.entry_at)):
                a += 1
            a = min(a, i)
            for k in range(a, i):  # "West and opposition politicians": the phrase starts after the list
                if doc[k].dep_ in ("cc", "conj", "prep") or (doc[k].is_punct and doc[k].text not in "-'’"):
                    a = k + 1
            b = j
            # "government of Mozambique", "Ministry of Foreign Affairs", "authorities in Nagorno-Karabakh"
            pp_country = None
            for c in head.children:
                if c.dep_ == "prep" and c.i == b and c.lower_ in ("of", "in", "for"):
                    pobj = [g for g in c.children if g.dep_ == "pobj"]
                    if pobj:
                        pm = self.entry_at.get(pobj[0].i)
                        if pm and pm[2].type in ("country", "capital", "title"):
                            if pm[2].type != "title":
                                pp_country = pm[2].country
                            if pm[2].type == "title" or any(g.dep_ == "conj" for g in pobj[0].children):
                                b = max(b, pm[1])  # not over a list: "ministers of Russia, Ukraine and France"
                            else:
                                b = max(b, pobj[0].right_edge.i + 1)
            if any(doc[k].ent_type_ == "PERSON" and k not in self.entry_at for k in range(a, b)):
                continue  # a named person's title: the person pass took it
            country, title, org = self._clues(range(a, b))
            country = country or pp_country
            if title is None:
                title = e
            role = title.role
            if org is not None and org.type == "org":
                country = country or org.country
            kind = title.kind or "group"
            if head.tag_ == "NNS" and any(doc[k].lower_ in ("two", "both") for k in range(a, i)):
                self._mention(a, b, "pair", None, term=title.key, kind="person", role=role, country=country)
                continue
            owner = next((self.org_at[k] for k in range(a, i) if k in self.org_at), None)
            if owner is None:  # "fighters from the Hamas militant group", "members of M23"
                for c in head.children:
                    if c.dep_ == "prep" and c.lower_ in ("of", "from") and c.i == j:
                        owner = next((self.org_at[t.i] for g in c.children if g.dep_ == "pobj"
                                      for t in g.subtree if t.i in self.org_at), None)
                        if owner is not None:
                            b = max(b, owner.j)
            if owner is not None and kind != "person" and role != "CVL":
                # "the Civic Alliance coalition", "TPLF rebels": the role noun describes that organization
                # (its "supporters" are people of their own)
                m = self._mention(a, b, owner.type, owner.key, country=owner.country, role=owner.role,
                                  kind=owner.kind)
                m.word = "described"
                continue
            type_ = "title" if kind == "person" else "group"
            m = self._mention(a, b, type_, title.key, country=country, role=role, kind=kind, term=title.key)
            m.word = doc[i:j].text.lower()
            if type_ == "title":
                m.places = self._subnational(a, b)

    def _subnational(self, a: int, b: int) -> frozenset[str]:
        """Lower-cased words of the places in ``doc[a:b]`` that are no country of the knowledge base
        ("Vermont" in "the Vermont senator")."""
        doc = self.doc
        return frozenset(doc[k].lower_ for k in range(a, b) if doc[k].ent_type_ in ("GPE", "LOC")
                         and doc[k].is_alpha and k not in self.entry_at)

    def _pronouns(self) -> None:
        doc = self.doc
        for t in doc:
            if t.lower_ in ("he", "she", "it") and t.dep_ in ("nsubj", "nsubjpass") and t.i not in self.used:
                m = self._mention(t.i, t.i + 1, "pronoun", t.lower_, kind=t.lower_)
                clause = t.head
                if clause.dep_ in ("ccomp", "xcomp") and clause.head.i != clause.i:
                    # "the Kremlin said it ...": the subject of the governing verb
                    subj = [c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i]
                    if subj:
                        m.antecedent = subj[0].i
