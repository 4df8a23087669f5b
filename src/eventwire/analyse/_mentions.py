"""Candidate actor mentions in a parsed Doc: named entities, knowledge-base phrases and role noun phrases.

Each :class:`Mention` says what a piece of text is (a named person, an organization, a state, a group, a
title-only description of a person, a pronoun) with the country and role its own words imply.  Clustering
mentions into actors is :mod:`._resolve`'s job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from ._actor_words import actor_words, given_names, honorifics
from ._kb import KB, Entry

#: Longest knowledge-base phrase, in tokens.
_MAX_PHRASE = 7
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


@dataclass
class Mention:
    """A stretch of text that may refer to an actor."""

    start: int  # character offsets into the text
    end: int
    i: int  # token offsets
    j: int
    type: str  # person | org | state | seat | group | people | title | pronoun | pair
    key: str | None
    text: str
    country: str | None = None
    role: str | None = None
    kind: str | None = None
    term: str | None = None  # the title or role noun ("president", "police")
    head: int = 0  # token index of the syntactic head
    desc: list[tuple[int, int]] = field(default_factory=list)  # descriptor spans (titles, appositions)
    located: bool = False  # only a place here ("in Moscow")
    word: str | None = None  # the role noun as written ("demonstrators" for the key "protesters")
    antecedent: int | None = None  # pronouns: head token of the governing clause's subject
    past_country: str | None = None  # persons: the country of a former office ("former Nigerian President")
    subject: bool = False  # the subject of its clause
    about: frozenset[str] = frozenset()  # persons: lower-cased words of the name and its descriptions
    places: frozenset[str] = frozenset()  # titles: places below the country level ("the Vermont senator")
    quoted: bool = False  # inside quotation marks: a quoted nickname ("Crooked Hillary") never names the actor
    honorific: str | None = None  # persons: "m" / "f" from a gendered title before the name ("Mr. Trump")


_NO = Entry("none", "")


def kb_matches(doc, kb: KB) -> list[tuple[int, int, Entry]]:
    """Longest-first, left-to-right knowledge-base phrases (token start, end, entry), not overlapping."""
    out: list[tuple[int, int, Entry]] = []
    n = len(doc)
    i = 0
    while i < n:
        if doc[i].is_space or doc[i].is_punct:
            i += 1
            continue
        found = None
        for j in range(min(n, i + _MAX_PHRASE), i, -1):
            if doc[j - 1].is_space:
                continue
            span = doc[i:j]
            text = span.text
            entry = kb.lookup(text)
            if entry is None and j - i <= 4:
                entry = kb.title(text)
            if entry is not None:
                found = (i, j, entry)
                break
        if found:
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


def _strip(doc, i: int, j: int) -> tuple[int, int]:
    """Drop leading determiners, honorifics and punctuation and trailing possessives/punctuation."""
    while i < j and (doc[i].lower_ in actor_words("determiner") or doc[i].is_punct or doc[i].is_space
                     or doc[i].lower_ in actor_words("honorific")):
        i += 1
    while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space or doc[j - 1].tag_ == "POS"):
        j -= 1
    return i, j


def _head(doc, i: int, j: int) -> int:
    """The token of ``doc[i:j]`` whose head lies outside it (the last one if several)."""
    best = j - 1
    for k in range(i, j):
        h = doc[k].head.i
        if not (i <= h < j) or h == k:
            best = k
    return best


def _located(tok) -> bool:
    """The phrase headed by ``tok`` names a place here ("in Moscow", "flew to Kabul")."""
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in actor_words("place_preposition")


class Extractor:
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
        i, j = _strip(doc, i, j)
        if doc[i:j].text.count("(") > doc[i:j].text.count(")") and j < len(doc) and doc[j].text == ")":
            j += 1  # "Belarusian Telegraph Agency (BelTA" + ")"
        span = doc[i:j]
        m = Mention(span.start_char, span.end_char, i, j, type_, key, span.text, head=_head(doc, i, j), **kw)
        m.subject = doc[m.head].dep_ in ("nsubj", "nsubjpass")
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

    def _person_spans(self) -> list[tuple[int, int, int]]:
        """(ent start, name start, name end) of every person name: PERSON entities, and capitalised proper
        nouns right after a person title ("President Ana Corlat") that the NER missed or took for an
        organization."""
        doc = self.doc
        spans: dict[int, tuple[int, int, int]] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                end = ent.end  # "Jean-Yves Le" + "Drian": a name the NER cut short
                while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and not doc[end].ent_type_ \
                        and end not in self.entry_at and doc[end].sent == ent.sent:
                    end += 1
                for n, (a, b) in enumerate(self._name_parts(ent.start, end)):
                    spans[a] = (ent.start if n == 0 else a, a, b)
        # "Kassym-Jomart Tokayev" tagged ORG once and "Tokayev" PERSON elsewhere, or an ORG that reads like a
        # personal name ("Moussa Faki Mahamat": capitalised words, none an organization word): a person
        last = {doc[ent.end - 1].text for ent in doc.ents if ent.label_ == "PERSON"}
        for ent in doc.ents:
            if ent.label_ != "ORG" or len(ent) < 2:
                continue
            a, b = self._headline_trim(ent.start, ent.end)
            if a == ent.start and b < ent.end and (doc[b].pos_ in ("VERB", "AUX") or doc[b].tag_.startswith("VB")):
                # "Ann Lee Would Veto Bill": a headline ran a name into its verb
                spans[a] = (a, a, b)
                continue
            if any(k in self.entry_at for k in range(ent.start, ent.end)):
                continue
            words = [t for t in ent if not t.is_punct]
            namelike = 2 <= len(words) <= 4 and all(t.pos_ == "PROPN" and t.is_title for t in words) \
                and not any(t.lower_ in self.kb.org_words for t in words)
            if doc[ent.end - 1].text in last or namelike:
                for n, (a, b) in enumerate(self._name_parts(ent.start, ent.end)):
                    spans[a] = (ent.start if n == 0 else a, a, b)
        for i, j, e in self.matches:
            if e.type != "title" or e.kind != "person" or j >= len(doc) or doc[j - 1].pos_ not in ("NOUN", "PROPN"):
                continue
            k = j
            while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title \
                    and (k not in self.entry_at or self._place_as_name(k)) \
                    and (doc[k].ent_type_ in ("", "PERSON", "ORG", "NORP") or self._place_as_name(j)) \
                    and doc[k].sent == doc[j].sent:
                k += 1
            if k > j and not any(a <= j < b for _, a, b in spans.values()):
                ent = self.ent_at.get(j)
                end = ent.end if ent is not None and ent.label_ == "PERSON" else k
                spans[j] = (j, j, max(k, end))
        for i, j in self._titled_by_apposition():
            if not any(a <= i < b or i <= a < j for _, a, b in spans.values()):
                spans[i] = (i, i, j)
        out = []
        places = self._places()
        for start, i, j in sorted(spans.values()):
            while i < j and (i in self.used or doc[i].is_punct or doc[i].is_space):
                i += 1  # "CLEVELAND - Donald Trump" tagged one name: the dateline is not part of it
            i, j = self._headline_trim(i, j)
            start = max(start, i)
            if i >= j or (out and i < out[-1][2]) or any(k in self.used for k in range(i, j)):
                continue
            root = doc[_head(doc, i, j)]
            if doc[i:j].text in places or (_located(root) and not self._title_object(root)
                                                  and not self._title_apposition(root)) or \
                    (root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i == j):
                continue  # "Al Hassakeh" tagged PERSON but a place in this article ("Al Hassakeh province")
            out.append((start, i, j))
        return out

    def _headline_trim(self, i: int, j: int) -> tuple[int, int]:
        """In a headline-like line (most words capitalised: "Ann Lee Slams Critics", "BO PARK WINS"), where
        the NER runs names into the verbs after them, a name is cut to its longest stretch of words that
        the body names a person with ("Ann Lee"); left as it is when the body does not name it."""
        if not self._in_headline(i) or j - i < 2:
            return i, j
        words = [t.lower_ for t in self.doc[i:j]]
        known = self._body_names()
        for n in range(j - i, 0, -1):
            for a in range(0, j - i - n + 1):
                if tuple(words[a:a + n]) in known:
                    return i + a, i + a + n
        return i, j

    def _in_headline(self, k: int) -> bool:
        """Token ``k`` lies on a headline-like line: three or more words, at least 70% of them capitalised."""
        if self._headlines is None:
            text, self._headlines = self.doc.text, []
            pos = 0
            for line in text.split("\n"):
                words = [w for w in line.split() if w[:1].isalpha()]
                if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
                    self._headlines.append((pos, pos + len(line)))
                pos += len(line) + 1
        idx = self.doc[k].idx
        return any(a <= idx < b for a, b in self._headlines)

    def _body_names(self) -> set[tuple[str, ...]]:
        """Every stretch of words of the PERSON entities outside headline-like lines, lower-cased."""
        if self._known is None:
            self._known = set()
            for ent in self.doc.ents:
                if ent.label_ != "PERSON" or self._in_headline(ent.start):
                    continue
                ws = [t.lower_ for t in ent if not t.is_punct or t.text == "."]
                self._known.update(tuple(ws[a:b]) for a in range(len(ws)) for b in range(a + 1, len(ws) + 1))
        return self._known

    def _name_parts(self, i: int, j: int) -> list[tuple[int, int]]:
        """``doc[i:j]`` cut where one name ends and another begins: at a conjunction, a comma or a dash set
        off by spaces ("Christie and Jindal", "Ann Lee - Bo Park"); it ends at a lower-case preposition or
        verb ("Carly Fiorina to Rubio"), but never at a name particle ("Charles de Gaulle")."""
        doc = self.doc
        parts, a = [], i
        for k in range(i, j):
            t = doc[k]
            spaced = (k == 0 or bool(doc[k - 1].whitespace_)) and bool(t.whitespace_)
            dash = t.text in ("\u2013", "\u2014") or t.text in ("-", "--") and spaced
            stop = t.is_lower and t.lower_ not in actor_words("particle") and t.tag_ != "POS" \
                and t.pos_ in ("ADP", "PART", "SCONJ", "VERB", "AUX")
            if dash or stop or t.text in (",", ";", ":", "/", "&") or (t.pos_ == "CCONJ" and t.is_lower):
                if k > a:
                    parts.append((a, k))
                a = k + 1
                if stop:
                    break
        else:
            if j > a:
                parts.append((a, j))
        return parts or [(i, j)]

    def _titled_by_apposition(self) -> list[tuple[int, int]]:
        """Names the NER missed that an apposition calls a person ("X Y Z, the foreign minister"): a run
        of 2-4 capitalised proper nouns with no entity label and no knowledge-base entry, whose head has
        an appositive person title."""
        doc, out = self.doc, []
        for tok in doc:
            if tok.pos_ != "PROPN" or not tok.is_title or tok.dep_ == "compound" or tok.ent_type_:
                continue
            app = next((c for c in tok.children if c.dep_ == "appos"), None)
            title = self.kb.title(app.lemma_) if app is not None and app.pos_ == "NOUN" else None
            if title is None or title.kind != "person":
                continue
            i = tok.i
            while i > 0 and doc[i - 1].dep_ == "compound" and doc[i - 1].head.i == tok.i \
                    and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title and not doc[i - 1].ent_type_:
                i -= 1
            if 2 <= tok.i + 1 - i <= 4 and not any(k in self.entry_at for k in range(i, tok.i + 1)):
                out.append((i, tok.i + 1))
        return out

    def _leader_of(self, head) -> str | None:
        """The country of the group a person leads: "a British delegation led by X", "the Thai team headed
        by X" (the demonym or country word inside the group's noun phrase)."""
        if head.dep_ != "pobj" or head.head.lower_ != "by" or head.head.head.lemma_ not in ("lead", "head"):
            return None
        verb = head.head.head
        if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN"):
            return None
        group = verb.head
        country, _, org = self._clues(range(group.left_edge.i, group.i + 1))
        return country or (org.country if org is not None else None)

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

    def _title_object(self, tok) -> bool:
        """``tok`` is the object of a preposition after a title ("adviser to President X", "envoy to
        the UN"), not a place."""
        prep = tok.head
        m = self.entry_at.get(prep.head.i) if tok.dep_ == "pobj" else None
        return m is not None and m[2].type == "title"

    def _title_apposition(self, tok) -> bool:
        """``tok`` stands in apposition to a person title ("to the Governor-General, Sir X"): a person
        named after the title, not a place."""
        if tok.dep_ != "appos":
            return False
        m = self.entry_at.get(tok.head.i)
        entry = m[2] if m is not None else self.kb.title(tok.head.lemma_)
        return entry is not None and entry.type == "title" and entry.kind == "person"

    def _place_as_name(self, k: int) -> bool:
        """A one-word country name that is a given name here: one entity with the capitalised unknown word
        after it ("organiser Samoa Abdoulmadjid")."""
        doc, m = self.doc, self.entry_at.get(k)
        if m is None or m[1] != k + 1 or m[2].type not in ("country", "demonym") or k + 1 >= len(doc):
            return False
        ent = self.ent_at.get(k)
        nxt = doc[k + 1]
        return ent is not None and self.ent_at.get(k + 1) is ent \
            and nxt.pos_ == "PROPN" and nxt.is_title and k + 1 not in self.entry_at

    def _places(self) -> set[str]:
        """Names the NER calls a place somewhere in the article, or that stand where a place does
        ("in Al Waer")."""
        doc = self.doc
        places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")}
        places |= {e.text for e in doc.ents if e.label_ in ("ORG", "PERSON") and _located(e.root)
                   and not self._title_object(e.root) and not self._title_apposition(e.root)}
        return places

    def _persons(self) -> None:
        doc = self.doc
        for ent_start, i, j in self._person_spans():
            i, j = _strip(doc, i, j)
            while i < j and not (doc[i].is_title or doc[i].is_upper) \
                    or i < j - 1 and doc[i].lower_ in actor_words("verb"):
                i += 1  # "pro-Chavez": a name starts with a capital; "Said Comey:" without its verb
            # a title the NER took into the name ("President Putin")
            while i < j - 1 and (self.entry_at.get(i) and self.entry_at[i][2].type in ("title", "demonym")):
                i = self.entry_at[i][1]
            if i >= j:
                continue
            whole = self.kb.lookup(doc[i:j].text)
            if whole is not None and whole.type != "title":
                continue  # "Hamas" tagged PERSON: the named pass takes it
            if not any(t.is_title or t.is_upper for t in doc[i:j]):
                continue
            desc = self._descriptor(ent_start, i, j)
            # a past office ("former Nigerian President") tells less than a present one ("AU envoy")
            former = [(a, b) for a, b in desc if any(doc[k].lower_ in ("former", "ex") for k in range(a, b))]
            current = [(a, b) for a, b in desc if (a, b) not in former]
            country, title, org = self._clues([k for a, b in current for k in range(a, b)])
            f_country = None
            if former:
                f_country, f_title, f_org = self._clues([k for a, b in former for k in range(a, b)])
                country = country or (org.country if org is not None else None) or f_country
                title, org = title or f_title, org or f_org
            role = title.role if title else None
            if org is not None:
                country = country or org.country
                role = role or org.role
            if country is None and title is not None:  # "Pope Benedict": the title names the country
                country = self.kb.title_countries.get(title.key)
            if country is None:  # "a British delegation led by William Nye"
                country = self._leader_of(doc[_head(doc, i, j)])
            m = self._mention(i, j, "person", None, country=country, role=role, kind="person",
                              term=title.key if title else None)
            m.desc = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in desc if b > a]
            m.about = frozenset(doc[k].lower_ for a, b in [(i, j), *desc, self._home(i, j)] for k in range(a, b))
            m.past_country = f_country
            for a, b in desc:  # an organization in the description is an actor too ("OCHA spokesman")
                self.used.update(k for k in range(a, b)
                                 if self.entry_at.get(k, (0, 0, _NO))[2].type not in ("org", "seat"))

    def _surnames(self) -> None:
        """Single capitalised words that repeat a word of a person's full name ("Corlat" after "Ana
        Corlat") are mentions of that person, whatever the NER made of them; after a given name the text
        never gave that person ("Ivanka Trump" beside "Donald Trump") they end another person's name."""
        doc = self.doc
        words = {doc[k].text for m in self.mentions if m.type == "person" and m.j - m.i >= 2
                 for k in range(m.i, m.j) if len(doc[k]) >= 3 and doc[k].is_title and k not in self.entry_at}
        for t in doc:
            if t.text in words and t.i not in self.used and t.pos_ == "PROPN" and t.i not in self.entry_at:
                ent = self.ent_at.get(t.i) if t.ent_type_ else None
                first = doc[t.i - 1] if t.i > 0 else None
                if (first is not None and first.is_title and first.pos_ == "PROPN" and first.i not in self.used
                        and first.i not in self.entry_at and first.lower_ in given_names()
                        and first.text not in words  # "Ivanka Trump" beside "Donald Trump": another person
                        and (ent is None or len(ent) == 1 or (ent.start, ent.end) == (first.i, t.i + 1))):
                    self._mention(first.i, t.i + 1, "person", None, kind="person")
                    continue
                if ent is not None and len(ent) > 1:
                    continue
                self._mention(t.i, t.i + 1, "person", None, kind="person")

    def _descriptor(self, ent_start: int, i: int, j: int) -> list[tuple[int, int]]:
        """Token ranges describing the person at ``doc[i:j]``: the title before the name ("Russian
        President", "his Turkish counterpart") and an apposition ("Sergei Lavrov, Russia's foreign
        minister")."""
        doc = self.doc
        out: list[tuple[int, int]] = []
        sent_start = doc[i].sent.start
        while sent_start >= 2 and self._false_break(sent_start):
            sent_start = doc[sent_start - 1].sent.start  # "Navy Capt. Jeff Davis" split after "Capt."
        k = i
        while k > sent_start:
            t = doc[k - 1]
            if t.lower_ in ("to", "of", "for", "at") and k < i and k - 2 >= sent_start \
                    and self.entry_at.get(k - 2, (0, 0, _NO))[2].type == "title" \
                    and self.entry_at[k - 2][2].kind == "person":
                k -= 1  # "U.S. Ambassador to Russia Jon Huntsman": the title is before the preposition
                continue
            if t.is_space or t.lower_ in {"and", "or", "with", "by", "of", "to", "for", ","} and k - 1 < ent_start \
                    or self._dateline_at(k - 1):
                break
            abbrev = t.text == "." and k - 2 >= sent_start and not doc[k - 2].whitespace_ \
                and doc[k - 2].is_title and len(doc[k - 2]) <= 4  # "Navy Capt. Jeff Davis", "Lt. Gov."
            abbrev = abbrev or t.like_num and t.text[:1].isdigit() and not t.is_digit  # "Air Force 1st Lt. X"
            if t.pos_ in ("PROPN", "NOUN", "ADJ", "PART") or t.tag_ == "POS" or t.lower_ == "-" or abbrev \
                    or k - 1 in self.entry_at or (t.tag_ in ("VBG", "VBN") and t.dep_ == "amod"):
                # "Jordan's visiting King", "the newly elected president"
                if t.ent_type_ == "PERSON" and k - 1 < ent_start and k - 1 not in self.entry_at:
                    break
                k -= 1
                continue
            break
        while k < i and doc[k].is_punct:
            k += 1  # "CLEVELAND - Donald Trump": the dash after a dateline
        if k < i:
            out.append((k, i))
        head = doc[_head(doc, i, j)]
        appos = []
        if head.dep_ == "appos" and head.head.i < i:
            h = head.head
            if h.ent_type_ != "PERSON" and h.pos_ in ("NOUN", "PROPN"):
                appos.append(self._np_with_pp(h, h.left_edge.i, h.i + 1))
        for c in head.children:
            if c.dep_ == "appos" and c.i > head.i and c.ent_type_ != "PERSON":
                appos.append(self._np_with_pp(c, c.left_edge.i, c.i + 1))
            elif c.dep_ in ("nmod", "appos") and c.right_edge.i < k and c.ent_type_ != "PERSON":
                # "the AU High Representative for the Horn of Africa, former President X" parsed as a modifier
                appos.append((c.left_edge.i, c.right_edge.i + 1))
        # an apposition describes the person only when it holds a title ("72 hours" does not); it stops
        # before another person's name ("adviser to Prime Minister Abiy Ahmed")
        for a, b in appos:
            other = next((k for k in range(a, b) if doc[k].ent_type_ == "PERSON" and not i <= k < j
                          and k not in self.entry_at), None)
            if other is not None:  # cut at the preposition that leads to the other person, or at the name
                b = next((t for t in range(a, other) if doc[t].dep_ == "prep"
                          and doc[t].left_edge.i <= other <= doc[t].right_edge.i), other)
            if any(self.entry_at.get(k, (0, 0, _NO))[2].type == "title" for k in range(a, b)):
                out.append((a, b))
        return out

    def _false_break(self, k: int) -> bool:
        """The parser's sentence break before token ``k`` falls inside a title ("Navy Capt. | Jeff Davis",
        "Air Force 1st | Lt. Tyler Livingston"): the token before it is an abbreviated title's period, or
        no sentence-final punctuation ends the text before it on the same line."""
        doc = self.doc
        prev = doc[k - 1]
        if "\n" in prev.text_with_ws or prev.is_space:
            return False
        if prev.text == "." and not doc[k - 2].whitespace_:
            word = doc[k - 2]
            return word.lower_ in actor_words("honorific") or self.kb.title(word.text) is not None
        return not prev.is_punct and doc[k].is_title

    def _np_with_pp(self, h, a: int, b: int) -> tuple[int, int]:
        """Extend ``[a, b)`` over "for/of/at X" attached to ``h`` ("spokesman for the UN")."""
        for c in h.children:
            if c.dep_ == "prep" and c.i >= b and c.lower_ in ("for", "of", "at", "to"):
                b = max(b, c.right_edge.i + 1)
        return a, b

    def _named(self) -> None:
        """Organizations, seats of power, states and demonym plurals from the knowledge base and NER."""
        doc = self.doc
        for i, j, e in self.matches:
            if i in self.used or e.type in ("title", "demonym"):
                continue
            head = doc[_head(doc, i, j)]
            if e.type in ("country", "capital"):
                if self._modifier(head) or self._inside_name(i, j):
                    continue
                k = self._org_named_with_country(i, j)
                if k is not None:  # "Priorities USA": an organization the NER missed, not the state
                    key = doc[k:j].text
                    self._mention(k, j, "org", key.lower(), country=e.country, role=None, kind="organization")
                    continue
                loc = _located(head)
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
            i, j = _strip(doc, ent.start, ent.end)
            if i >= j:
                continue
            if ent.label_ == "NORP":
                continue
            # an organization the knowledge base does not know: its own words give country and role
            country, title, org = self._clues(range(i, j))
            head = doc[_head(doc, i, j)]
            if _located(head) and title is None:
                continue  # a place the NER took for an organization ("police in Niamey")
            if self._modifier(head) and title is None:
                continue
            role = title.role if title else None
            if role is None:
                last = [t for t in doc[i:j] if t.is_alpha]
                role = self.kb.org_words.get(last[-1].lower_) if last else None
            if title is not None and (country or not any(t.is_title for t in doc[i:j])) and \
                    self.entry_at.get(j - 1, (0, 0, _NO))[2].type == "title":
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

    def _home(self, i: int, j: int) -> tuple[int, int]:
        """The place after a name that says where the person is from or represents ("Sen. Carla Ruiz of
        Florida", "Ann Lee (D-Vermont)"): its token range, empty when there is none."""
        doc = self.doc
        if j + 1 < len(doc) and doc[j].text == "(":  # "(D-Vermont)", "(R-Tex.)": party and state
            end = doc[j].i + 1
            while end < len(doc) and end - j <= 6 and doc[end].text != ")" and not doc[end].is_space:
                end += 1
            if end < len(doc) and doc[end].text == ")" and any(t.is_title and len(t) > 1 for t in doc[j + 1:end]):
                return j + 1, end
        elif j < len(doc) and doc[j].lower_ in ("of", "from") and i <= doc[j].head.i < j:
            end = j + 1
            while end < len(doc) and end - j <= 4 and doc[end].ent_type_ in ("GPE", "LOC"):
                end += 1
            if end > j + 1:
                return j + 1, end
        return j, j

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
