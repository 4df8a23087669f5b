"""Naming a speaker from its head token: the actor it mentions, a fuller name from the text, the plain
words of an anonymous source ("Israeli officials", with the country its demonym gives), or for a definite
description ("the senator", "the UN agency") the person or body the text introduced with that role.

Pronouns are resolved in :mod:`._speakers` (:class:`~._speakers.History`), which also gives the speakers
met so far to the descriptions here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .. import knowledge
from ..model import Article
from ._actor_words import actor_words, courtesy_titles, given_names, honorifics
from ._kb import load as load_kb
from .spans import actors_at
from . import _speech_words
from ._speech import DASHES, after_dateline, text_of
from ._speech_words import is_pronoun, source_nouns

if TYPE_CHECKING:
    from ._speakers import History

_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
_LEFT_DEPS = ("compound", "amod", "nmod", "det", "poss", "case", "nummod", "quantmod")
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"}


@dataclass(slots=True)
class Speaker:
    """Who said something: ``names`` (several for a joint statement), the first one's country, and whether
    it is a person (for he/she) or a body (for it/they); ``None`` when unknown."""

    names: list[str]
    country: str | None = None
    person: bool | None = None
    offset: int = 0
    countries: list[str | None] = field(default_factory=list)
    head: str = ""  # the head word the text used for it ("representative"), for "the representative said"
    gender: str | None = None  # "f" / "m" when a given name or title tells


def _kb():
    """The actors stage's knowledge base (countries, demonyms, titles), with the user's files for it."""
    return load_kb()


def org_words() -> dict[str, str | None]:
    """The actors stage's organization-name words ("foundation", "institute"), lower-cased."""
    return _kb().org_words


def country_in(words: str) -> str | None:
    """The country a demonym or country name in ``words`` points to ("Israeli officials" -> ISR)."""
    kb = _kb()
    toks = words.replace("’", "'").replace("'s", "").split()
    for n in (3, 2, 1):
        for i in range(len(toks) - n + 1):
            entry = kb.lookup(" ".join(toks[i:i + n]).strip(",."))
            if entry is not None and entry.type in ("country", "demonym", "people") and entry.country:
                return entry.country
    return None


def _entity(tok: Token) -> Span | None:
    """The named entity holding ``tok`` (found from its IOB tags, without scanning ``doc.ents``)."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def phrase_of(tok: Token) -> Span:
    """The noun phrase a speaker head stands for: its entity, or the head with its left modifiers."""
    ent = _entity(tok)
    if ent is not None and ent.label_ in _NAME_LABELS:
        return ent
    left = tok.i
    for c in tok.lefts:
        if c.dep_ in _LEFT_DEPS:
            left = min(left, c.left_edge.i)
    doc = tok.doc
    for k in range(tok.i - 1, left - 1, -1):  # never across a spaced dash ("... problematic - Pew Research")
        if doc[k].text in DASHES and k > 0 and doc[k - 1].whitespace_ and doc[k].whitespace_:
            left = k + 1
            break
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("compound", "flat") and c.i == right + 1:
            right = c.i
    return tok.doc[left:right + 1]


_NO_MARKS = str.maketrans("", "", '"\u201c\u201d')


def clean_words(words: str) -> str:
    """A description as a speaker's name: no leading determiner, trailing possessive or quotation marks
    ('the "Orange Shirts"' -> Orange Shirts)."""
    toks = words.translate(_NO_MARKS).split()
    while toks and toks[0].lower() in _DETERMINERS:
        toks = toks[1:]
    out = " ".join(toks)
    for suffix in ("'s", "’s"):
        if out.endswith(suffix):
            out = out[: -len(suffix)]
    return out.strip(" ,.;:").lstrip("-\u2013\u2014 ")  # "-Ann Lee": a byline's dash glued to the name


def _expansion(doc: Doc, acronym: str) -> str | None:
    """The full name written before "(ACRONYM)" in the text ("Israel Defense Forces (IDF)")."""
    m = re.search(r"((?:[A-Z][\w’'.-]*\s+(?:(?:of|for|and|the|on|in|de)\s+)*){1,%d})\(%s\)"
                  % (len(acronym) + 3, re.escape(acronym)), text_of(doc))
    if not m:
        return None
    words = m.group(1).split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words) or None


def _fullest(doc: Doc, ent: Span) -> str:
    """The fullest form of a name in ``doc``: among same-label entities ending in the same word ("Putin" ->
    "Vladimir Putin"; a name of two words or more only gains middle names, "Ann Lee" -> "Ann B. Lee", never a
    label before it, "Rival Ann Lee"), the most frequent, then the nearest before it; or the spelt-out name of
    an acronym."""
    name = clean_words(ent.text)
    if 2 <= len(name) <= 6 and name.isupper() and name.isalpha():
        full = _expansion(doc, name)
        if full:
            return full
    first = name.split()[0] if len(name.split()) > 1 else None  # "Ann Lee" -> "Ann B. Lee", not "Rival Ann Lee"
    last = name.split()[-1].lower() if name else ""
    counts: dict[str, int] = {}
    nearest: dict[str, int] = {}
    for other in doc.ents:
        if other.label_ != ent.label_:
            continue
        words = clean_words(other.text).split()
        if not words or words[-1].lower() != last or len(words) < len(name.split()):
            continue
        form = " ".join(words)
        counts[form] = counts.get(form, 0) + 1
        dist = ent.start - other.start if other.start <= ent.start else 10_000 + other.start - ent.start
        nearest[form] = min(nearest.get(form, 1 << 30), dist)
    longer = [f for f in counts if len(f.split()) > len(name.split()) and (first is None or f.split()[0] == first)]
    if not longer:
        return name
    return max(longer, key=lambda f: (counts[f], -nearest[f]))


def _name_words(words: str) -> list[str]:
    """The capitalised name words of ``words``, without titles ("Gov. John Kasich" -> John, Kasich)."""
    out = []
    for w in clean_words(words).rstrip("’'").split():
        if w[:1].isupper() and not w.endswith(".") and title_person(w.lower()) is None:
            out.append(w)
    return out


def _person_name(actor_name: str, ent: Span | None) -> str:
    """The name to give a person speaker whose head lies in ``ent``: the actor's name when it agrees with the
    words the text uses there (it ends in the entity's surname, and its given name when the text gives one)
    and is written in the text; else the fullest form of the entity itself.  Guards against actor names that
    took in a headline's verb ("Blackwell Endorses"), merged two people by surname, or were respelt."""
    if ent is None or ent.label_ != "PERSON":
        return actor_name
    words = _name_words(ent.text)
    if not words:
        return actor_name
    tail = words[-2:] if len(words) >= 2 else words[-1:]
    agrees = actor_name.split()[-len(tail):] == tail
    if agrees and actor_name in text_of(ent.doc):
        return actor_name
    return _fullest(ent.doc, ent)


def _headline_name(tok: Token, name: str) -> str:
    """For a head in the first line (a title-cased headline, where names run into verbs: "Ann Lee Slams
    X"): the fullest name in the body that ends in the head's word, else ``name``."""
    text = text_of(tok.doc)
    first = len(text) - len(text.lstrip())
    line_end = text.find("\n", first)
    if line_end < 0 or tok.idx >= line_end or tok.ent_type_ not in ("PERSON", "ORG"):
        return name
    caps = [w for w in text[first:line_end].split() if w[:1].isalpha()]
    if not caps or sum(w[0].isupper() for w in caps) < 0.7 * len(caps):
        return name  # a lead sentence, not a title-cased headline
    forms: dict[str, int] = {}
    for ent in tok.doc.ents:
        words = clean_words(ent.text).split()
        if ent.start_char > line_end and ent.label_ == tok.ent_type_ and words and words[-1] == tok.text:
            form = " ".join(words)
            forms[form] = forms.get(form, 0) + 1
    if not forms:
        return name
    return max(forms, key=lambda f: (len(f.split()), forms[f]))


def animate(tok: Token) -> bool:
    """Whether a speaker head can speak: a pronoun, a name, or a noun for people, bodies or documents
    (not "the title of the law showed", "good information can drive out")."""
    if is_pronoun(tok) or tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if tok.pos_ != "NOUN":
        return False
    if _mistagged_name(tok):
        return True
    word, lemma = tok.lower_, tok.lemma_.lower()
    return (word in source_nouns() or lemma in source_nouns() or title_person(word) is not None
            or title_person(lemma) is not None or lemma in _speech_words.document_nouns()
            or lemma in _speech_words.cue_nouns() or _kb().lookup(word) is not None)


def _mistagged_name(tok: Token) -> bool:
    """A capitalised common noun inside a sentence, after no other capitalised word: a surname the tagger took
    for a noun ('"...?" Hannity pressed.', where the parser also starts a sentence), not a title-cased headline
    word or a sentence's first word."""
    if not tok.text[:1].isupper() or not tok.text[1:].islower() or tok.i < 2 or _kb().lookup(tok.lower_):
        return False
    before, mark = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    if tok.is_sent_start:  # only right after a quotation closed by a comma, "?" or "!"
        return before.is_quote and mark.text in (",", "?", "!")
    return not before.text[:1].isupper() and not before.is_sent_start


def title_person(word: str) -> bool | None:
    """Whether a title or role noun names a person (from the shared ``titles.tsv``); None if unknown."""
    entry = _kb().title(word)
    return None if entry is None else entry.kind == "person"


def noun_kind(tok: Token) -> tuple[bool | None, bool]:
    """(names a person, refers back to an earlier actor) for a common-noun speaker head."""
    word = tok.lower_
    if word == "old" and tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "year":
        word = "year-old"
    known = source_nouns().get(word) or source_nouns().get(tok.lemma_.lower())
    if known is not None:
        return known
    person = title_person(word)
    if person is None:
        person = title_person(tok.lemma_.lower())
    if person is not None:
        return person, True
    return None, False


def _indefinite(tok: Token) -> bool:
    """"a senator", "one pastor", "another official": someone new (``indefinite`` words of actor_words.tsv)."""
    return tok.pos_ == "NOUN" and any(c.dep_ in ("det", "nummod") and c.lower_ in actor_words("indefinite")
                                      for c in tok.lefts)


def _titled(ent: Span) -> bool:
    """A name right after a person noun ("protester Ann Lee", "spokesman Ivo Ras") names a person, whatever
    the NER label says."""
    if ent.start == 0:
        return False
    prev = ent.doc[ent.start - 1]
    word = prev.lower_
    known = source_nouns().get(word)
    return bool(known and known[0]) or title_person(word) is True


def _the_one(tok: Token) -> bool:
    """A singular noun under "the" ("the candidate"; not "his wife", "the officials")."""
    return tok.tag_ != "NNS" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts)


#: How many sentences back "the statement" looks for the statement it was introduced as.
_DOCUMENT_SENTENCES = 4


def _author_before(article: Article, tok: Token, history: "History") -> Speaker | None:
    """For a document word ("the statement said"): the author of the same document introduced in the
    sentences before ("Obama released a statement", "Lee said in a statement", "a statement from the
    ministry"), nearest first; None if there is none."""
    if tok.lemma_.lower() not in _speech_words.document_nouns():
        return None
    doc, lemma = tok.doc, tok.lemma_.lower()
    first = tok.sent.start
    for _ in range(_DOCUMENT_SENTENCES):
        first = doc[first - 1].sent.start if first > 0 else 0
    for t in reversed(doc[first:tok.i]):
        if t.lemma_.lower() != lemma or t.pos_ != "NOUN" or any(s <= t.idx < e for s, e in history.quoted):
            continue
        author = _named_instead(t)
        if author.i == t.i:
            verb = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else t.head if t.dep_ == "dobj" else None
            subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
            if not subjects:
                continue
            author = subjects[0]
        sp = history.pronoun(author, article) if is_pronoun(author) else name_of(article, author, history)
        if sp is not None and sp.names and sp.names[0][:1].isupper():
            sp.offset = tok.idx
            return sp
    return None


def _may_refer(sp: Speaker, tok: Token, article: Article) -> bool:
    """Whether the body word ``tok`` ("the company", "the statement") can refer back to the earlier speaker
    ``sp``: a body the text named (an actor, or an organization or place the tagger found); a place only
    for a government's word or a document ("the rights group" is not Sweden); a body whose role the text
    knows only for a word of no other role ("the newspaper" is not a ministry)."""
    name = sp.names[0] if sp.names else ""
    actor = next((a for a in article.actors if a.name == name), None)
    labels = {e.label_ for e in tok.doc.ents if e.text == name}
    if sp.person or actor is None and not labels & {"ORG", "GPE"} or name.lower() in source_nouns():
        return False  # "Witnesses", "Democrat": no body the text named
    lemma = tok.lemma_.lower()
    document = lemma in _speech_words.document_nouns()
    role = org_words().get(lemma) or org_words().get(tok.lower_)
    place = (actor is not None and actor.kind == "state") or bool(labels & {"GPE", "LOC"})
    if place:
        return document or role == "GOV"
    return document or not (role and actor is not None and actor.role and actor.role != role)


def definite(tok: Token) -> bool:
    if _indefinite(tok):
        return False
    for c in tok.lefts:
        if c.dep_ == "det":
            return c.lower_ in ("the", "this", "that")
        if c.dep_ == "poss":
            return True
    return tok.tag_ != "NNS"


def _bracketed_owner(tok: Token) -> Token | None:
    """For a head inside a bracket right after a person's name ("Gov. Ann Lee (R-OH) said"): the name."""
    doc = tok.doc
    for j in range(tok.i - 1, max(-1, tok.i - 5), -1):
        if doc[j].text == ")":
            return None
        if doc[j].text == "(":
            prev = doc[j - 1] if j > 0 else None
            if prev is not None and prev.ent_type_ == "PERSON":
                return prev
            return None
    return None


def _document_author(tok: Token) -> Token | None:
    """The author a document noun names: "a statement from X", "an email sent out by X", "X's letter", "a
    coalition statement" (an explicit source first, then a possessor, then a modifier)."""
    def by(node: Token) -> list[Token]:
        return [g for c in node.rights if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by", "of")
                for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")]
    explicit = by(tok) + [g for c in tok.rights if c.dep_ == "acl" and c.tag_ == "VBN"
                          and c.lemma_.lower() in _speech_words.author_verbs() for g in by(c)]
    if explicit:
        return explicit[0]  # "a fundraising email sent out by Sanders": Sanders, not "fundraising"
    lefts = [c for c in tok.lefts if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "NOUN")]
    return lefts[-1] if lefts else None


def _named_instead(tok: Token) -> Token:
    """A name standing for a role-noun head: its apposition ("OCHA spokesman, Jens Laerke"), a name the
    parser left after it ("Red Shirts leader Jatuporn Prompan"), or the body it speaks for ("a representative
    for the Association")."""
    owner = _bracketed_owner(tok)
    if owner is not None:
        return owner
    if tok.pos_ != "NOUN" or tok.ent_type_ in ("PERSON", "ORG"):
        return tok
    if (tok.dep_ == "appos" and tok.head.pos_ == "PROPN" and tok.head.ent_type_ in ("PERSON", "ORG", "")
            and not after_dateline(tok) and not _subject_misread_as_apposition(tok)):
        return tok.head  # "Braynard, a native of Ohio who writes ...": the name the description is set beside
    lemma = tok.lemma_.lower()
    if lemma in _speech_words.document_nouns():
        author = _document_author(tok)
        if author is not None:
            return author
    elif lemma in _speech_words.cue_nouns() or lemma in _speech_words.lead_nouns():
        owner = [c for c in tok.lefts if c.dep_ == "poss" and c.pos_ == "PROPN"]
        if owner:
            return owner[-1]  # "Lee's most explosive claim is that ...": Lee
    for c in tok.rights:
        if c.dep_ == "appos" and (c.ent_type_ in ("PERSON", "ORG") or c.pos_ == "PROPN"):
            return c
        if c.dep_ == "relcl":
            name = _name_closing(c)
            if name is not None:
                return name
        if c.dep_ == "acl" and c.lemma_.lower() in _speech_words.quote_words("naming_verb"):
            # "a teacher named Ann Kemp": Ann Kemp
            named = [g for g in c.children if g.dep_ in ("oprd", "attr", "dobj") and g.ent_type_ == "PERSON"]
            if named:
                return named[0]
    nxt = tok.i + 1
    while nxt < len(tok.doc) and tok.doc[nxt].text == ",":
        nxt += 1
    if nxt < len(tok.doc) and tok.doc[nxt].ent_type_ == "PERSON" and tok.doc[nxt].ent_iob_ == "B":
        ent = _entity(tok.doc[nxt])
        return ent[-1] if ent is not None else tok
    person, refers = noun_kind(tok)
    if person is None and not refers:
        return tok
    for c in tok.lefts:  # "the ministry's spokesman"
        if c.dep_ == "poss" and c.ent_type_ in ("ORG", "GPE", "NORP") and refers:
            ent = _entity(c)
            return ent[-1] if ent is not None else c
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "at"):
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ in ("ORG", "PERSON"):
                    ent = _entity(g)
                    return ent[-1] if ent is not None else g
    return tok


def name_of(article: Article, tok: Token, history: "History | None" = None) -> Speaker | None:
    """The speaker a (non-pronoun) head token names."""
    sp = _name_of(article, tok, history)
    if sp is not None and not sp.head:
        sp.head = tok.lower_
    if sp is not None and sp.person and sp.gender is None:
        sp.gender = gender(sp.names, own_words(tok))
    return sp


#: The most words an indefinite speaker keeps with what follows it ("some in the party"), else it alone.
_INDEFINITE_WORDS = 6


def _name_of(article: Article, tok: Token, history: "History | None") -> Speaker | None:
    if _speech_words.is_indefinite(tok):  # "some on Twitter", "someone in the crowd": nobody named before
        short = tok.right_edge.i - tok.i < _INDEFINITE_WORDS
        words = clean_words(tok.doc[tok.i:tok.right_edge.i + 1].text if short else tok.text)
        return Speaker([words], country_in(words), True, tok.idx)
    orig = tok
    tok = _named_instead(tok)
    phrase = phrase_of(tok)
    hs, he = tok.idx, tok.idx + len(tok)
    idx = actors_at(article, hs, he) or [
        i for i in actors_at(article, phrase.start_char, phrase.end_char)
        if tok.lower_ in article.actors[i].name.lower()]  # a modifier's actor is not the speaker's
    if _indefinite(tok) or tok.dep_ == "appos" and _subject_misread_as_apposition(tok):
        idx = []  # "a top security official" introduces someone new: never an earlier actor
    if (idx and history is not None and article.actors[idx[0]].name.split()[-1] == tok.text and tok.pos_ == "NOUN"
            and tok.text.islower() and tok.tag_ != "NNS" and definite(tok) and noun_kind(tok)[1]):
        back = _described(article, tok, phrase, noun_kind(tok)[0], history.quoted)
        if back is not None:  # "the news agency" is the agency the text named, not an actor of its own
            back.head = orig.lower_
            return back
    if idx:
        actor = article.actors[idx[0]]
        person = actor.kind == "person" if actor.kind else None
        ent = _entity(tok)
        if not person and ent is not None and _titled(ent):
            person = True  # "protester Ann Lee" though tagged an organization
        name = _person_name(actor.name, _entity(tok)) if person else actor.name
        return Speaker([_headline_name(tok, name)], actor.country, person, tok.idx)
    text = clean_words(phrase.text)
    if not text:
        return None
    ent = _entity(tok)
    if ent is not None and ent.label_ in _NAME_LABELS and (ent.start, ent.end) == (phrase.start, phrase.end):
        name = _headline_name(tok, _fullest(tok.doc, ent))
        person = True if ent.label_ == "PERSON" or _titled(ent) else False
        country = None if ent.label_ == "PERSON" else country_in(text)
        return Speaker([name], country, person, tok.idx)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if history is not None and tok.pos_ == "NOUN" and _mistagged_name(tok):
        known = history.known_person(tok, article)  # '"...," Sanders continued' with Sanders tagged a noun
        if known is not None:
            return known
    person, refers = noun_kind(tok)
    specific = bool(_restricting(phrase, tok))
    if refers and history is not None and definite(tok):
        back = _described(article, tok, phrase, person, history.quoted) if tok.tag_ != "NNS" else None
        if back is None and not specific:
            back = history.same_head(tok)
            if back is None and person and _the_one(tok):  # "Tom Hale says ... the candidate said": Hale
                back = history.salient_person(tok, article)
            elif back is None and person is False:  # "Kigali said ... the statement said": Rwanda
                back = _author_before(article, tok, history)
                if back is None:
                    back = history.antecedent(tok, article, False)
                    back = back if back is not None and _may_refer(back, tok, article) else None
            # anything else ("his wife", "the judge" nobody was called so) stays as written
        elif back is None:
            back = _agreeing(history.same_head(tok), phrase, tok)  # "the Russian defence ministry" ... "the Russian ministry"
        if back is not None:
            back.head = orig.lower_
            return back
    for i in _body_named_before(article, tok):  # "the CSTO alliance": the alliance is CSTO
        actor = article.actors[i]
        return Speaker([actor.name], actor.country, False, tok.idx)
    return Speaker([text], country_in(text), person, tok.idx)


@knowledge.cached
def _title_means() -> dict[str, frozenset[str]]:
    """Title word written before a name (lower case, no dot) -> the role nouns it also answers to, from
    ``knowledge/quote_speaker_titles.tsv`` ("sen" -> senator, lawmaker)."""
    out: dict[str, set[str]] = {}
    for r in knowledge.rows("quote_speaker_titles.tsv"):
        if r.get("written") and r.get("means"):
            out.setdefault(r["written"].lower(), set()).add(r["means"].lower())
    return {k: frozenset(v) for k, v in out.items()}


def _roles_of(ent: Span) -> set[str]:
    """The role nouns the text gives the named entity ``ent`` where it names it: the title words right
    before it ("Sen.", "Ohio Gov.", "Mayor"), the nouns right after it ("the UAW union"), the head of its
    apposition ("Ann Lee, the city's mayor,"), and for a body the words of its own name ("... Agency")."""
    doc = ent.doc
    words: set[str] = set()
    j = ent.start - 1
    while j >= max(0, ent.start - 3) and doc[j].text.rstrip(".").isalpha() and doc[j].pos_ in ("PROPN", "NOUN"):
        words.add(doc[j].lower_)
        j -= 1
    if ent.end < len(doc) and doc[ent.end].pos_ == "NOUN" and ent.label_ == "ORG":  # not "the Ohio newspaper"
        words.add(doc[ent.end].lower_)
    for t in ent:
        for c in t.children:
            if c.dep_ == "appos" and c.pos_ == "NOUN" and not (ent.start <= c.i < ent.end):
                words.add(c.lower_)
    if ent.label_ != "PERSON":
        words |= {t.lower_ for t in ent}
    means = _title_means()
    roles = set(words)
    for w in words:
        roles |= means.get(w.rstrip("."), frozenset())
    return roles


def _described(article: Article, tok: Token, phrase: Span, person: bool | None,
               quoted: list[tuple[int, int]]) -> Speaker | None:
    """For a definite description ("the senator", "the union", "the Russian ministry"): the nearest named
    entity before it that the text gave that role noun (by a title, an apposition, a noun after it or its
    own name) and, for a description with a proper-name modifier, whose words or country agree with it;
    or a body the text introduced under the modifier ("the UN's World Food Programme" ... "the UN agency")."""
    doc = tok.doc
    head = {tok.lower_, tok.lemma_.lower()}
    mods = _restricting(phrase, tok)
    mod_words = {t.lower_ for t in mods}
    mod_country = country_in(" ".join(t.text for t in mods)) if mods else None
    labels = ("PERSON",) if person else ("ORG", "PERSON", "NORP", "FAC") if person is False else ("PERSON", "ORG")
    # "In an interview with Ann Lee, the candidate said": not Lee, whom the parse gave the description
    aside = {t.i for t in tok.head.subtree} if tok.dep_ == "appos" and _subject_misread_as_apposition(tok) else set()
    for ent in reversed([e for e in doc.ents if e.end <= phrase.start and e.label_ in labels]):
        if any(s <= ent.start_char < e for s, e in quoted) or ent.start in aside:
            continue
        if mods:
            before = {doc[ent.start - k].lower_ for k in (1, 2) if ent.start - k >= 0}
            owners = {t.lower_ for t in ent if t.i + 1 < ent.end and doc[t.i + 1].lower_ in ("'s", "’s")}
            introduced = bool(mod_words & owners) or (
                bool(mod_words & before) and not (mod_words & {t.lower_ for t in ent})) or _named_with(ent, phrase, tok)
            agrees = mod_words <= {t.lower_ for t in ent} or (
                mod_country is not None and country_in(ent.text) == mod_country)
            roles = _roles_of(ent)
            if ent.label_ == "PERSON" and person:  # "Florida Sen. Ann Lee" ... "the Florida senator"
                if not (head & roles and (agrees or mod_words & roles)):
                    continue
            elif not (introduced or (agrees and head & roles)):
                continue
        elif not (head & _roles_of(ent) or _named_with(ent, phrase, tok)):
            continue
        if not _same_side(phrase, tok, ent):
            continue
        sp = name_of(article, ent[-1])
        titled = ent.start > 0 and doc[ent.start - 1].lower_ in head  # "news agency Dogan": the agency
        if sp is not None and (person is None or sp.person is person or sp.person is None or titled):
            sp.offset = tok.idx
            sp.person = person if titled and person is not None else sp.person
            return sp
    return None


def _named_with(ent: Span, phrase: Span, tok: Token) -> bool:
    """Whether the text wrote the description's words right after the name ("the Wall Street Journal editorial
    board" ... "the editorial board"): the description is that name's."""
    words = [t.lower_ for t in phrase if t.i <= tok.i and t.dep_ != "det" and t.is_alpha]
    doc = ent.doc
    after = [doc[k].lower_ for k in range(ent.end, min(len(doc), ent.end + len(words)))]
    return bool(words) and after == words


def _same_side(phrase: Span, tok: Token, ent: Span) -> bool:
    """False when a description names a party or creed ("the Republican nominee") and the text gave the
    entity another one just before its name ("Democratic nominee Tim Kaine")."""
    mine = {t.lower_[:4] for t in phrase if t.i != tok.i and t.ent_type_ == "NORP"}
    doc = ent.doc
    theirs = {doc[j].lower_[:4] for j in range(max(0, ent.start - 4), ent.start) if doc[j].ent_type_ == "NORP"}
    return not (mine and theirs) or bool(mine & theirs)


def _body_named_before(article: Article, tok: Token) -> list[int]:
    """For an organization noun ("alliance", "bloc"): the body whose name stands right before it as its only
    proper-name modifier ("the CSTO alliance", "the OPEC cartel"), when that body is an actor and not a
    person or a state."""
    if tok.pos_ != "NOUN" or tok.lower_ not in org_words():
        return []
    names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if len(names) != 1 or names[0].i != tok.i - 1:
        return []
    idx = actors_at(article, names[0].idx, names[0].idx + len(names[0]))
    return [i for i in idx[:1] if article.actors[i].kind not in ("person", "state")]


def _subject_misread_as_apposition(tok: Token) -> bool:
    """Whether the apposition ``tok`` is the subject of the verb right after it that the parse left without
    one, set after an opening prepositional phrase ("In an interview with Ann Lee, the candidate stated")."""
    name = tok.head
    while name.dep_ in ("conj", "appos") and name.head.i != name.i:
        name = name.head
    nxt = tok.right_edge.i + 1
    if name.dep_ != "pobj" or nxt >= len(tok.doc):
        return False
    verb = tok.doc[nxt]
    return verb.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _name_closing(clause: Token) -> Token | None:
    """The last word of a person's name set off by a comma at the end of a relative clause: an apposition
    the parser hung inside it ("The editor I was talking to, Tom Reyes, said")."""
    doc, end = clause.doc, clause.right_edge
    while end.is_punct and end.i > clause.i:
        end = doc[end.i - 1]
    ent = _entity(end)
    if ent is None or ent.label_ != "PERSON" or ent.end - 1 != end.i or ent.start < 1:
        return None
    return end if doc[ent.start - 1].text == "," else None


def _restricting(phrase: Span, tok: Token) -> list[Token]:
    """The modifiers of a description that say which one it is: names, places, bodies and demonyms ("the
    Russian ministry", "the UN agency"); a party or creed ("the Republican candidate") does not."""
    out = []
    for t in phrase:
        if t.i == tok.i:
            continue
        if t.ent_type_ == "NORP":
            if country_in(t.text) is not None:
                out.append(t)
        elif t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG"):
            out.append(t)
    return out


def _agreeing(sp: Speaker | None, phrase: Span, tok: Token) -> Speaker | None:
    """``sp`` when the proper-name modifiers of ``phrase`` agree with it: all their words are in its name, or
    they name its country."""
    if sp is None:
        return None
    mods = _restricting(phrase, tok)
    words = {w.lower() for w in " ".join(sp.names).split()}
    country = country_in(" ".join(t.text for t in mods))
    if {t.lower_ for t in mods} <= words or (country is not None and country == sp.country):
        return sp
    return None


_POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "our", "your"})


def _says_gender(words: list[str], k: int) -> bool:
    """Whether the gendered word ``words[k]`` is said of the person described: not a kin word of someone else
    ("at her father's company", "his wife"), and a courtesy title only before a name ("Miss Lee", not the
    state in "of Baldwin, Miss. dismisses")."""
    word = words[k]
    if k and words[k - 1].lower() in _POSSESSIVES or word.lower().endswith(("'s", "\u2019s")):
        return False
    after = words[k + 1] if k + 1 < len(words) else ""
    if after in ("'s", "\u2019s"):
        return False
    return word.strip(",.").lower() not in courtesy_titles() or (not word.endswith(",") and after[:1].isupper())


def own_words(tok: Token) -> str:
    """The words of the phrase ``tok`` heads that describe it, for :func:`gender`: its titles and appositions,
    not what hangs on them ("Lee, owner of the Miss Universe pageant": no "Miss" for Lee)."""
    def described(t: Token) -> bool:
        while t.i != tok.i:
            if t.dep_ in ("prep", "relcl", "acl", "poss"):
                return False
            t = t.head
        return True
    return " ".join(t.text for t in tok.subtree if t.i <= tok.i + _OWN_WORDS and described(t))


#: How far past a speaker's word :func:`own_words` looks for a gendered title or noun.
_OWN_WORDS = 12


def gender(names: list[str], context: str = "") -> str | None:
    """'f', 'm' or None for a speaker, from the gendered noun that names it, a gendered title in ``context``
    or its given name."""
    titles = honorifics()
    head = names[0].split()[-1].strip(",.").lower() if names and names[0].split() else ""
    if head in titles and head not in courtesy_titles():
        return titles[head]  # a speaker named by a gendered noun ("her husband" is a man)
    words = context.split()
    found = {titles[w] for k, w in enumerate(x.strip(",.").lower() for x in words)
             if w in titles and _says_gender(words, k)}
    if len(found) == 1:
        return found.pop()
    given = given_names()
    for name in names[:1]:
        words = name.split()
        for w in words[:-1]:  # the first given name, past a nickname or epithet ("Crooked Hillary Clinton")
            if given.get(w.lower()):
                return given[w.lower()]
    return None
