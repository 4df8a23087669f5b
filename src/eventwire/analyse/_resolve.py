"""Cluster mentions into actors within one article.

Named persons are grouped by their name words ("Putin" joins "Vladimir Putin"); organizations by their
knowledge-base key or name; states by ISO code; role groups by (country, role noun).  Then title-only
descriptions ("the Russian leader"), "the two leaders" and subject pronouns are attached to the actor
they refer to, when that can be told reliably.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Actor
from ._actor_words import actor_words, given_names, nicknames
from ._mention_base import Mention


@dataclass
class _Cluster:
    key: tuple
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    extra: list[tuple[int, int]] = field(default_factory=list)  # descriptor spans, pair mentions
    country: str | None = None
    role: str | None = None
    terms: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)  # person: lower-cased name words
    name: str = ""
    fallback: bool = False  # country is the article's main country, not read from the text
    past: set[str] = field(default_factory=set)  # person: countries of former offices
    about: set[str] = field(default_factory=set)  # person: lower-cased words of its names and descriptions


    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        if self.country is None and m.country:
            self.country = m.country
        if self.role is None and m.role:
            self.role = m.role
        if m.term:
            self.terms.add(m.term)
        if m.past_country:
            self.past.add(m.past_country)
        if m.type == "person":
            self.about.update(m.about)

    def spans(self) -> list[tuple[int, int]]:
        return sorted(set([(m.start, m.end) for m in self.mentions] + self.extra))


def _words(text: str) -> list[str]:
    """The lower-cased name words of a person mention, without titles; a given name's short form is
    written out ("Chuck Grassley" -> charles, grassley), the last word (the surname, or a lone first
    name) never."""
    titles, short = actor_words("title"), nicknames()
    words = [w for w in text.lower().replace("\u2019", "'").split() if w not in titles]
    return [short.get(w, w) if k < len(words) - 1 else w for k, w in enumerate(words)]


def _all_words(text: str) -> set[str]:
    """:func:`_words` with the short forms kept too, so that a lone "Bernie" finds "Bernie Sanders"."""
    titles = actor_words("title")
    return set(_words(text)) | {w for w in text.lower().replace("\u2019", "'").split() if w not in titles}


def main_country(mentions: list[Mention], kb_countries: list[str]) -> str | None:
    """The country the article is mostly about: the most frequent code among its country words."""
    counts = Counter(c for c in kb_countries if c and c != "IGO")
    if not counts:
        counts = Counter(m.country for m in mentions if m.country and m.country != "IGO")
    if not counts:
        return None
    best = max(counts.values())
    for c in kb_countries:
        if counts.get(c) == best:
            return c
    return counts.most_common(1)[0][0]


def resolve(mentions: list[Mention], main: str | None, sent_of, canonical: dict[str, str],
            fullnames: dict[str, str] | None = None, acronyms: dict[str, str] | None = None) -> list[Actor]:
    """Actors from ``mentions`` (sorted by position), ordered by first mention.  ``sent_of(char)`` gives a
    sentence index; ``main`` is the article's main country, given to role groups and organizations with
    no country of their own; ``canonical``, ``fullnames`` and ``acronyms`` name states and known
    organizations."""
    r = _Resolver(mentions, main, sent_of)
    r.persons()
    r.named()
    _merge_forces(r.clusters, r.order, main)
    r.descriptions()
    _pronouns(mentions, r.clusters, r.order, sent_of)
    actors = []
    for c in r.order:
        if not c.mentions:
            continue
        country = c.country
        if country is None and c.key[0] == "org" and c.role not in ("IGO", "NGO", "MED"):
            country = main
        actors.append(Actor(_name(c, canonical, fullnames or {}, acronyms or {}), c.kind, country, c.role,
                            c.spans()))
    actors.sort(key=lambda a: a.mentions[0][0])
    return actors


def _referent(clusters: list[_Cluster], m: Mention, sent_of) -> _Cluster:
    """Of people sharing a name word (none its honorific rules out, see :func:`_may_be`), the one a short form
    ``m`` ("Clinton") refers to, never one its sentence names in full after it ("Clinton declared of Hillary
    Clinton"): one whose fuller name was the
    subject of this or the previous sentence ("Bill Clinton said ... Clinton added"; not "whose husband
    Peter Holt"), else the one mentioned most often before it by this name (the story's main
    person: "Mr. Trump" is Donald J. Trump, whose brother the story calls "Freddy"; ties to the last
    mentioned), else the first one named so after it."""
    pos, here = m.start, sent_of(m.start)
    # "Clinton declared of Hillary Clinton": whoever the sentence names in full after the short form is not it
    named_after = [c for c in clusters if any(x.start > pos and sent_of(x.start) == here
                                              and len(_words(x.text)) > len(_words(m.text)) for x in c.mentions)]
    if named_after and len(named_after) < len(clusters):
        clusters = [c for c in clusters if c not in named_after]
    near = [(x.start, c) for c in clusters for x in c.mentions
            if x.start < pos and x.type == "person" and x.subject and len(_words(x.text)) > len(_words(m.text))
            and sent_of(x.start) >= here - 1]
    if near:
        return max(near, key=lambda x: x[0])[1]
    ws = set(_words(m.text))
    before = [(sum(1 for x in c.mentions if x.start < pos and ws <= set(_words(x.text))),
               max(s for s, _ in c.spans() if s < pos), c)
              for c in clusters if any(s < pos for s, _ in c.spans())]
    if before:
        return max(before, key=lambda x: x[:2])[2]
    return min(clusters, key=lambda c: min((x.start for x in c.mentions if ws <= set(_words(x.text))),
                                           default=1 << 30))


class _Resolver:
    """The clusters of one article, built pass by pass."""

    def __init__(self, mentions: list[Mention], main: str | None, sent_of):
        self.mentions = mentions
        self.main = main
        self.sent_of = sent_of
        self.clusters: dict[tuple, _Cluster] = {}
        self.order: list[_Cluster] = []
        self.people: list[_Cluster] = []

    def get(self, key: tuple, kind: str) -> _Cluster:
        if key not in self.clusters:
            self.clusters[key] = _Cluster(key, kind)
            self.order.append(self.clusters[key])
        return self.clusters[key]

    def persons(self) -> None:
        """Named persons, longest names first so that "Putin" finds "Vladimir Putin"; country and role
        from the first mention that has them, else the article's main country."""
        persons = [m for m in self.mentions if m.type == "person"]
        shared: list[tuple[Mention, list[_Cluster]]] = []
        # names outside quotation marks first: a quoted nickname ("Crooked Hillary Clinton") joins the person
        # its last words name rather than naming a new one
        # a gendered honorific goes first among names of one length: "Mr. Obama" starts a man of his own
        # before "President Obama" looks for a fuller name, when the only one is "Michelle Obama"
        for m in sorted(persons, key=lambda m: (m.quoted, -len(_words(m.text)), m.honorific is None)):
            ws = set(_words(m.text))
            if not ws:
                continue
            fits = [c for c in self.people if ws <= c.words and _may_be(c, m)]
            if not fits and m.quoted:
                fits = self._nickname_of(_words(m.text))
            if len(fits) > 1:
                shared.append((m, fits))  # "Clinton" after "Bill Clinton" and "Hillary Clinton": below
                continue
            target = fits[0] if fits else None
            if target is None:
                target = self.get(("person", m.text.lower()), "person")
                target.words = _all_words(m.text)
                target.name = m.text
                self.people.append(target)
            target.add(m)
            target.extra.extend(m.desc)
        for m, fits in sorted(shared, key=lambda x: x[0].start):
            target = _referent(fits, m, self.sent_of)
            target.add(m)
            target.extra.extend(m.desc)
        for c in self.people:
            c.country = c.role = None
            for m in sorted(c.mentions, key=lambda m: m.start):
                c.country = c.country or m.country
                c.role = c.role or m.role
            if c.country is None:
                c.country, c.fallback = self.main, True

    def _nickname_of(self, words: list[str]) -> list[_Cluster]:
        """The persons a quoted name fits once its leading epithet words go ("Crooked Hillary" -> Hillary
        Clinton, "Lyin' Ted" -> Ted Cruz)."""
        for k in range(1, len(words)):
            fits = [c for c in self.people if set(words[k:]) <= c.words]
            if fits:
                return fits[:1] if len(fits) == 1 else []
        return []

    def person_named(self, text: str) -> _Cluster | None:
        ws = set(_words(text))
        return next((c for c in self.people if ws <= c.words), None) if ws else None

    def named(self) -> None:
        """Organizations, states, peoples and role groups; a role noun without a country ("the navy")
        joins the nearest group of it named with one ("the Russian navy"), before it or else after."""
        named_groups: dict[str, list[tuple[int, _Cluster]]] = {}
        for m in self.mentions:
            if m.type == "org" and m.role is None and m.country is None and (p := self.person_named(m.text)):
                p.add(m)  # a surname the NER took for an organization
            elif m.type in ("org", "seat"):
                c = self.get(("org", m.key), m.kind or "organization")
                c.add(m)
                # "the ministry" near "the Russian Foreign Ministry", "federal police" near "Australian Federal Police"
                for k in {m.term, m.text.split()[-1].lower()} - {None}:
                    named_groups.setdefault(k, []).append((m.start, c))
            elif m.type == "state":
                self.get(("state", m.key), "state").add(m)
            elif m.type == "people":
                self.get(("people", m.key), "group").add(m)
            elif m.type == "group" and m.country:
                # "the Russian ministry" after "the Russian defence ministry": the one named in full before
                fuller = [c for pos, c in named_groups.get(m.key, []) if pos < m.start and c.country == m.country
                          and c.key != ("group", m.country, m.key)]
                c = fuller[-1] if ("group", m.country, m.key) not in self.clusters and fuller else \
                    self.get(("group", m.country, m.key), m.kind or "group")
                c.add(m)
                for k in {m.key, m.key.split()[-1]}:  # "the ministry" near "the Russian foreign ministry"
                    named_groups.setdefault(k, []).append((m.start, c))
        for m in self.mentions:
            if m.type == "group" and not m.country:
                near = named_groups.get(m.key, [])
                before = [c for pos, c in near if pos < m.start]
                c = before[-1] if before else near[0][1] if near else \
                    self.get(("group", self.main, m.key), m.kind or "group")
                c.country = c.country or self.main
                c.add(m)

    def recent_persons(self, before: int) -> list[_Cluster]:
        """Persons mentioned before ``before``, the most recent first."""
        seen = [(max((s for s, _ in c.spans() if s < before), default=-1), c) for c in self.people]
        return [c for pos, c in sorted(seen, key=lambda x: -x[0]) if pos >= 0]

    def later_persons(self, after: int) -> list[_Cluster]:
        """Persons first named after ``after``, the nearest last."""
        firsts = [(min(s for s, _ in c.spans()), c) for c in self.people if c.spans()]
        return [c for pos, c in sorted(firsts, key=lambda x: -x[0]) if pos >= after]

    def descriptions(self) -> None:
        """Title-only descriptions ("the Russian leader") and pairs ("the two leaders"), in text order."""
        for m in self.mentions:
            if m.type == "title":
                self._title(m)
            elif m.type == "pair":
                recent = self.recent_persons(m.start)
                cands = [c for c in recent if m.term in c.terms or (m.role and c.role == m.role)]
                cands = cands if len(cands) >= 2 else recent  # "the two ministers": the last two people named
                if len(cands) >= 2:
                    for c in cands[:2]:
                        c.extra.append((m.start, m.end))

    def _title(self, m: Mention) -> None:
        """The person a title-only description refers to: the last one of that country (or with that
        title) named before; "the monarch" after "King Gyanendra" (same role, a few sentences back); a
        person named later with that country and title; else an actor of its own when the description
        says the country ("a Chinese diplomat")."""
        pick = None
        # "a senator", "one pastor" introduce someone new: never a person named before
        for c in [] if m.indefinite else self.recent_persons(m.start) or self.people:
            if m.places and not m.places <= c.about:
                continue  # "the Florida senator" is not the one from Vermont
            if m.country and (c.country == m.country or m.country in c.past) and not c.fallback \
                    and (m.role is None or c.role in (None, m.role) or m.country in c.past):
                pick = c
                break
            if not m.country and m.term and m.term in c.terms:
                pick = c
                break
        if pick is None and not m.country and not m.places and m.role is not None and not m.indefinite:
            # (a title of no role - "director", "chairman" - says nothing of whom it means)
            s0 = self.sent_of(m.start)
            pick = next((c for c in self.recent_persons(m.start) if c.role == m.role
                         and self.sent_of(max(x for x, _ in c.spans() if x < m.start)) >= s0 - 3), None)
        if pick is None and (m.country or m.places):
            pick = next((c for c in reversed(self.later_persons(m.end))
                         if (c.country == m.country and not c.fallback or not m.country)
                         and m.places <= c.about and (m.term in c.terms or c.role == m.role)), None)
        if pick is None:
            if m.term is None or not m.country:
                return  # a bare title nobody in the article fits: not an actor of its own
            pick = self.get(("title", m.country, m.term), "person")
            pick.country = m.country
        pick.add(m)
        if pick.country is None:
            pick.country = m.country


#: Roles whose anonymous role-noun groups ("the rebels", "the opposition") are the one organization of that
#: role and country the article names; armed forces only by a military noun ("police" stay apart).
_MERGED_ROLES = {"MIL", "REB", "OPP"}


def _merge_forces(clusters: dict, order: list[_Cluster], main: str | None = None) -> None:
    """"Israeli forces" and "the Israeli military" are the one armed force the article names ("Israel
    Defense Forces"), "the rebels" the one rebel group ("TPLF") and "the opposition" the one opposition
    coalition ("Civic Alliance"), when it names exactly one of that role and country (an organization of
    no country of its own is of the article's ``main`` country, as it will be named)."""
    for c in order:
        if c.key[0] != "group" or c.role not in _MERGED_ROLES or c.kind == "person" or not c.mentions:
            continue
        if c.role == "MIL" and c.key[-1] != "military":
            continue
        named = [o for o in order if o.key[0] == "org" and o.role == c.role and (o.country or main) == c.country
                 and o.mentions and o.kind in ("organization", "group")]
        if c.role == "MIL":
            named = [o for o in named if o.kind == "organization"]
        if len(named) == 1:
            for m in c.mentions:
                m.word = "described"  # the organization's own name names it
                named[0].add(m)
            c.mentions = []


def _may_be(c: _Cluster, m: Mention) -> bool:
    """Whether person ``m`` may be the person of cluster ``c``: no honorific of ``m`` ("Mr. Obama") goes
    against the gender of the given name ``c`` was named with ("Michelle Obama")."""
    return m.honorific is None or given_names().get(c.name.split()[0].lower()) in (None, m.honorific)


def _name(c: _Cluster, canonical: dict[str, str], fullnames: dict[str, str], acronyms_kb: dict[str, str]) -> str:
    named = [m for m in c.mentions if m.type != "pronoun" and m.type != "title"] or \
        [m for m in c.mentions if m.type != "pronoun"]
    named = _unlabelled(named)
    if c.key[0] == "state":
        # prefer a country name over a capital used for the state, then the longest
        names = [m.text for m in named if not _acronym(m.text) and m.term != "capital"]
        return max(names, key=len) if names else canonical.get(c.key[1], named[0].text if named else c.key[1])
    if not named:
        return c.name or c.key[-1]
    if c.key[0] == "org":  # the organization's own name, not "fighters from the Hamas militant group"
        named = [m for m in named if m.word != "described"] or named
    if c.key[0] == "org" and c.key[1] in fullnames:
        # "World Food Programme (WFP)": the spelled-out name the article uses, else the knowledge base's,
        # with the acronym the article uses, else the knowledge base's
        spelled = [m.text for m in named if not _acronym(m.text)]
        full = max(spelled, key=len) if spelled else fullnames[c.key[1]]
        acronyms = [m.text for m in named if _acronym(m.text)] or \
            ([acronyms_kb[c.key[1]]] if c.key[1] in acronyms_kb else [])
        acr = max(acronyms, key=len) if acronyms else None
        return f"{full} ({acr})" if acr and acr not in full else full
    if c.key[0] == "group":  # prefer names that say the country ("Pakistani army")
        named = [m for m in named if m.country] or named
    words = Counter(m.word for m in named if m.word)
    if words and c.key[0] == "group":  # role groups: the role noun written most often, fullest modifiers
        top = max(words.values())
        word = c.key[-1] if words.get(c.key[-1]) == top else next(w for w, n in words.items() if n == top)
        # "Ethiopian government" rather than "government of Ethiopia", then the fullest
        return max((_unnumbered(m.text) for m in named if m.word == word),
                   key=lambda t: (t.lower().endswith(word), len(t)))
    return max((m.text for m in named), key=lambda t: (len(t.split()) if c.kind == "person" else len(t), len(t)))


def _unlabelled(named: list[Mention]) -> list[Mention]:
    """The writer's names, not a speaker's nicknames: mentions outside quotation marks, and quoted ones that
    only add middle names to them ("Donald J. Trump" in a statement, not "Crooked Hillary Clinton")."""
    outside = [m for m in named if not m.quoted]
    if not outside:
        return named
    ends = {(w[0], w[-1]) for w in (_words(m.text) for m in outside) if w}
    return outside + [m for m in named if m.quoted and (w := _words(m.text)) and (w[0], w[-1]) in ends]


def _unnumbered(text: str) -> str:
    """A group's name without a leading count ("12 demonstrators" -> "demonstrators")."""
    words = text.split()
    while len(words) > 1 and (any(ch.isdigit() for ch in words[0]) or words[0].lower() in actor_words("number")):
        words = words[1:]
    return " ".join(words)


def _acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and " " not in text


def _pronouns(mentions: list[Mention], clusters: dict, order: list[_Cluster], sent_of) -> None:
    """Attach a subject "he"/"she" to a person and "it" to an organization or state: the subject of the
    verb that governs the pronoun's clause ("the Kremlin said it ..."), else the only candidate mentioned
    in this or the previous sentence."""
    owner: dict[int, _Cluster] = {}
    by_head: dict[int, _Cluster] = {}
    for c in order:
        for m in c.mentions:
            owner[id(m)] = c
            by_head[m.head] = c
    for k, m in enumerate(mentions):
        if m.type != "pronoun":
            continue
        s = sent_of(m.start)
        want = ("person",) if m.key in ("he", "she") else ("organization", "state")
        governor = by_head.get(m.antecedent) if m.antecedent is not None else None
        if governor is not None and governor.kind in want:
            governor.add(m)
            continue
        cands: list[_Cluster] = []
        for prev in reversed(mentions[:k]):
            if sent_of(prev.start) < s - 1:
                break
            c = owner.get(id(prev))
            if c is None or c.kind not in want or prev.type == "pronoun":
                continue
            if c not in cands:
                cands.append(c)
        if len(cands) == 1:
            cands[0].add(m)
