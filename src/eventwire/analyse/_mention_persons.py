"""The person-name finders of the actors stage's :class:`._mentions.Extractor`: PERSON entities and the
names the NER missed or cut short (after a title, in an apposition, before a known surname), headline
names trimmed to the name the body uses, surnames standing alone, and each name's descriptors (titles,
appositions, "of Florida") that give its country and role.
"""
from __future__ import annotations

from ._actor_words import actor_words, given_names
from ._mention_base import NO_ENTRY, head_of, located, strip_span


class PersonNames:
    """Mixed into :class:`._mentions.Extractor`, whose state (``doc``, ``kb``, ``entry_at``, ``ent_at``,
    ``used``, ``mentions``) and helpers (``_mention``, ``_clues``, ``_dateline_at``) it uses."""

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
            root = doc[head_of(doc, i, j)]
            if doc[i:j].text in places or (located(root) and not self._title_object(root)
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
        # an organization or person name is a place where it stands as one more often than not ("to Mr. Obama"
        # once among twenty "Obama"s is a person)
        votes: dict[str, int] = {}
        for e in doc.ents:
            if e.label_ in ("ORG", "PERSON"):
                place = located(e.root) and not self._title_object(e.root) and not self._title_apposition(e.root)
                votes[e.text] = votes.get(e.text, 0) + (1 if place else -1)
        return places | {text for text, n in votes.items() if n >= 0}

    def _persons(self) -> None:
        doc = self.doc
        for ent_start, i, j in self._person_spans():
            i, j = strip_span(doc, i, j)
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
                country = self._leader_of(doc[head_of(doc, i, j)])
            m = self._mention(i, j, "person", None, country=country, role=role, kind="person",
                              term=title.key if title else None)
            m.desc = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in desc if b > a]
            m.about = frozenset(doc[k].lower_ for a, b in [(i, j), *desc, self._home(i, j)] for k in range(a, b))
            m.past_country = f_country
            for a, b in desc:  # an organization in the description is an actor too ("OCHA spokesman")
                self.used.update(k for k in range(a, b)
                                 if self.entry_at.get(k, (0, 0, NO_ENTRY))[2].type not in ("org", "seat"))

    def _surnames(self) -> None:
        """Single capitalised words that repeat a word of a person's full name ("Corlat" after "Ana
        Corlat") are mentions of that person, whatever the NER made of them; after a given name the text
        never gave that person ("Ivanka Trump" beside "Donald Trump") they end another person's name."""
        doc = self.doc
        words = {doc[k].text for m in self.mentions if m.type == "person" and m.j - m.i >= 2
                 for k in range(m.i, m.j) if len(doc[k]) >= 3 and doc[k].is_title and k not in self.entry_at}
        # a capital that is a person's surname here ("Jeremy Paris ... said Paris"): the person, not the state,
        # unless the text also has it as a place ("in Paris")
        capitals = {doc[m.j - 1].text for m in self.mentions if m.type == "person" and m.j - m.i >= 2
                    and self.entry_at.get(m.j - 1, (0, 0, NO_ENTRY))[2].type == "capital"}
        capitals -= {t.text for t in doc if t.text in capitals and located(t)}
        words |= capitals
        full = {doc[m.i:m.j].text for m in self.mentions if m.type == "person" and m.j - m.i == 2}
        for t in doc:
            if t.text in words and t.i not in self.used and t.pos_ == "PROPN" and (
                    t.i not in self.entry_at or t.text in capitals):
                ent = self.ent_at.get(t.i) if t.ent_type_ else None
                if t.i + 1 < len(doc) and t.i + 1 not in self.used and doc[t.i:t.i + 2].text in full:
                    self._mention(t.i, t.i + 2, "person", None, kind="person")  # the full name again
                    continue
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
                    and self.entry_at.get(k - 2, (0, 0, NO_ENTRY))[2].type == "title" \
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
        head = doc[head_of(doc, i, j)]
        appos = []
        if head.dep_ == "appos" and head.head.i < i:
            h = head.head
            if h.ent_type_ != "PERSON" and h.pos_ in ("NOUN", "PROPN"):
                appos.append(self._np_with_pp(h, h.left_edge.i, h.i + 1))
        for c in head.children:
            if c.dep_ == "appos" and c.i > head.i and c.ent_type_ != "PERSON":
                appos.append(self._np_with_pp(c, c.left_edge.i, c.i + 1))
            elif c.dep_ in ("nmod", "appos") and c.right_edge.i < k and c.ent_type_ != "PERSON":
                # "the EU envoy for the Sahel, former President X" parsed as a modifier
                appos.append((c.left_edge.i, c.right_edge.i + 1))
        # an apposition describes the person only when it holds a title ("72 hours" does not); it stops
        # before another person's name ("adviser to Prime Minister Abiy Ahmed")
        for a, b in appos:
            other = next((k for k in range(a, b) if doc[k].ent_type_ == "PERSON" and not i <= k < j
                          and k not in self.entry_at), None)
            if other is not None:  # cut at the preposition that leads to the other person, or at the name
                b = next((t for t in range(a, other) if doc[t].dep_ == "prep"
                          and doc[t].left_edge.i <= other <= doc[t].right_edge.i), other)
            if any(self.entry_at.get(k, (0, 0, NO_ENTRY))[2].type == "title" for k in range(a, b)):
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
