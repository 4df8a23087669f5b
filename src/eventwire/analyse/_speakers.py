"""Who said it, for the quotes stage: the speakers met so far in an article (:class:`History`), pronouns
resolved by salience (he/she to the most salient person of a matching gender in the sentences just before,
"it" to the body that is the subject there, then the last speaker of a matching type), and :func:`resolve`,
which turns speaker head tokens into one :class:`Speaker`.  Naming a non-pronoun head is
:mod:`._speaker_names`'s job.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Article
from ._speaker_names import (Speaker, animate, clean_words, definite, gender, name_of, noun_kind, org_words, own_words,
                             phrase_of, title_person)
from ._speech_words import is_indefinite, is_pronoun, source_nouns

__all__ = ["History", "Speaker", "animate", "resolve"]


#: How many sentences (not counting sentences wholly inside quotation marks) a he/she looks back for a
#: person subject; each sentence between whose main subject is the same he/she carries the chain one
#: sentence further ("Lee praised ... He serves as ... 'Words,' he said"), up to ``_CHAIN_SENTENCES``.
_WINDOW_SENTENCES = 2
_CHAIN_SENTENCES = 4

#: How many descriptions in a row a person description follows back to a name ("the candidate" -> "the
#: senator" -> "Sanders"); a text of many descriptions would otherwise recurse without end.
_LOOK_BACK_DEPTH = 3

#: Dependency labels that open a clause below the one they hang from: a subject under one of them is less
#: salient than the main clause's subject ("Pataki says Kasich 'has a record'": Pataki).
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "pcomp", "parataxis"})


def _clause_depth(tok: Token) -> int:
    """How many clauses down from its sentence's main clause ``tok`` stands."""
    depth, node, steps = 0, tok, 0
    while node.head.i != node.i and steps < 40:
        if node.dep_ in _CLAUSE_DEPS:
            depth += 1
        node, steps = node.head, steps + 1
    return depth


def _persons_in(article: Article, span: Span, history: "History") -> list[Span]:
    """The persons named in ``span`` outside quotation marks, in text order: its PERSON entities and the
    mentions of the actors stage's person actors (which find names the tagger missed)."""
    doc = span.doc
    found = {(e.start, e.end): e for e in span.ents if e.label_ == "PERSON"}
    lo, hi = span.start_char, span.end_char
    for actor in article.actors:
        if actor.kind != "person":
            continue
        for s, e in actor.mentions:
            if lo <= s and e <= hi:
                m = doc.char_span(s, e, alignment_mode="expand")
                if m is None or not len(m) or is_pronoun(m[-1]):
                    continue
                if not any(a <= m.start < b or m.start <= a < m.end for a, b in found):
                    found[(m.start, m.end)] = m
    return [found[k] for k in sorted(found) if not _inside(history, found[k][-1])]


def _unknown_description(tok: Token) -> bool:
    """Whether a subject is a definite description the lexicons do not know ("the radio talker"): it may
    be a person, and it is more salient than the persons its sentence names elsewhere."""
    return (tok.pos_ == "NOUN" and _clause_depth(tok) == 0 and noun_kind(tok)[0] is None
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.lefts))


def _plural(tok: Token) -> bool:
    """Whether a common noun names several ("lawmakers"): never the antecedent of he/she.  (Names ending in
    -s are often tagged plural, and "Lee and others said" may still go on about Lee.)"""
    if tok.tag_ != "NNS" or tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    lemma = tok.lemma_.lower()
    return tok.text[:1].islower() or (lemma != tok.lower_ and (
        lemma in source_nouns() or title_person(lemma) is not None))


def _agent(tok: Token) -> bool:
    """Whether ``tok`` is the agent of a passive verb ("was supported by Ann Lee") or the source of
    "according to Ann Lee": a logical subject."""
    return tok.dep_ == "pobj" and (tok.head.dep_ == "agent" or (
        tok.head.lower_ == "to" and tok.head.head.lower_ == "according"))


def _misread_subject(tok: Token) -> bool:
    """A name the parser read as the modifier of a verb it took for a noun ("Trump brags that ...": "brags"
    a plural noun, "Trump" its compound): the subject of the sentence."""
    head = tok.head
    return (tok.dep_ == "compound" and tok.text[:1].isupper() and head.i == tok.i + 1 and head.dep_ == "ROOT"
            and head.pos_ == "NOUN" and head.text.islower() and head.tag_ == "NNS"
            and any(c.dep_ in ("relcl", "ccomp", "advcl") for c in head.children))


def _inside(history: "History", tok: Token) -> bool:
    return any(s <= tok.idx < e for s, e in history.quoted)


def _wholly_quoted(sent: Span, history: "History") -> bool:
    """Whether every word of ``sent`` lies inside quotation marks (a sentence of a quoted passage)."""
    words = [t for t in sent if t.is_alpha]
    return bool(words) and all(_inside(history, t) for t in words)


def _sentences_before(tok: Token, history: "History"):
    """The stretch of ``tok``'s sentence before it, then the sentences before it, nearest first, without
    the sentences wholly inside quotation marks (a quote of several sentences is not the context)."""
    doc = tok.doc
    sent = tok.sent
    yield doc[sent.start:tok.i]
    while sent.start > 0:
        sent = doc[sent.start - 1].sent
        if not _wholly_quoted(sent, history):
            yield sent


#: The pronouns of each gender, in any case: a sentence that has one and no person subject goes on about
#: the same he/she ("Lee: What are her plans? ... She said").
_SEX_PRONOUNS = {"m": frozenset({"he", "him", "his", "himself"}), "f": frozenset({"she", "her", "hers", "herself"})}


def _body_name(sp: Speaker) -> bool:
    """Whether a speaker's name ends in an organization's word ("Eric Trump Foundation"): never he/she."""
    last = sp.names[0].split()[-1].lower() if sp.names and sp.names[0] else ""
    return last in org_words()


def _fits(sp: Speaker, subject: bool, sex: str | None) -> bool:
    """Whether a candidate of :func:`_subject_person` can be the he/she of gender ``sex``: its gender is
    known to match, or it is a subject whose gender nothing tells."""
    return sp.gender == sex or (subject and sp.gender is None)


def _subject_person(article: Article, tok: Token, history: "History",
                    sex: str | None = None) -> list[tuple[Speaker, bool]]:
    """The persons named before ``tok``, most salient first, each with whether it is a subject.

    They come by sentence, nearest first, within the window of :data:`_WINDOW_SENTENCES` (longer while
    the sentences between go on about the same he/she); within a sentence the subjects come first (the main
    clause's before embedded ones, then the nearest), then the other persons named there (objects,
    possessors, a name standing before a colon), nearest first.  A sentence whose main subject is the same
    he/she passes the chain on and gives no candidates of its own."""
    out: list[tuple[Speaker, bool]] = []
    window = _WINDOW_SENTENCES
    same = None if sex is None else ("she" if sex == "f" else "he")
    for k, span in enumerate(_sentences_before(tok, history)):
        if k > window:
            break
        subjects = [t for t in span if (t.dep_ in ("nsubj", "nsubjpass") or _agent(t) or _misread_subject(t))
                    and not _inside(history, t)]
        subjects.sort(key=lambda t: (_clause_depth(t), t.dep_ == "nsubjpass", t.i))
        if (subjects and same is not None and subjects[0].lower_ == same
                and _clause_depth(subjects[0]) == 0):
            window = min(_CHAIN_SENTENCES, window + 1)
            continue
        before = len(out)
        # the person whose thing the main clause is about comes next ("Bill Clinton's hair was whiter than when
        # he ...": Clinton)
        owners = [c for t in subjects if _clause_depth(t) == 0 and not is_pronoun(t)
                  for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        for t in subjects + owners:
            if t.lower_ in ("who", "that") and t.head.dep_ == "relcl":
                t = t.head.head  # "Marsh, who had flown in": Marsh
            if is_pronoun(t) or is_indefinite(t) or t.pos_ not in ("PROPN", "NOUN") or (sex is not None and _plural(t)):
                continue
            sp = name_of(article, t, history)
            if sp is not None and sp.person is False and t.pos_ == "PROPN" and _described_as_person(t):
                sp.person = True  # "Lee, the longtime owner of ...", though tagged an organization
            if sp is not None and not sp.person and t.pos_ == "PROPN" and any(c.lower_ == "the" for c in t.lefts):
                sp = None  # "the Common Core": a person's name takes no article
            if sp is None or not (sp.person or (sp.person is None and t.pos_ == "PROPN")):
                sp = history.known_person(t, article)  # "D'Souza went on": mis-tagged, but named before
            elif sp.person is None and t.ent_type_ != "PERSON" and gender(sp.names) is None:
                sp = history.known_person(t, article)  # an untagged capitalised word ("the 13th Amendment")
            if sp is not None and (sp.person or (sp.person is None and t.pos_ == "PROPN")) and not _body_name(sp):
                sp.head = t.lower_
                sp.gender = gender(sp.names, phrase_of(t).text + " " + own_words(t))
                out.append((sp, True))
        taken = {t.i for t in subjects}
        says_sex = sex is not None and any(t.lower_ in _SEX_PRONOUNS[sex] and not _inside(history, t) for t in span)
        if subjects and says_sex and _unknown_description(subjects[0]):
            continue  # "The radio host filled his speeches with praise for Lee": the host, not Lee
        persons = _persons_in(article, span, history)
        if sex is not None:  # a person named after the sentence's own he ("..., he said, ... Lee") is not its he
            first = next((t.i for t in subjects if t.lower_ == same), None)
            persons = [e for e in persons if first is None or e.start < first]
        for ent in reversed(persons):
            if ent[-1].i not in taken and ent[-1].dep_ != "compound":  # not "the Clinton campaign"
                sp = name_of(article, ent[-1])
                if sp is not None and sp.person and not _body_name(sp):
                    sp.gender = gender(sp.names, ent.text)
                    if sp.gender is None and says_sex and len(persons) == 1:
                        sp.gender = sex  # the only person of a sentence that says "her" is a woman
                    out.append((sp, False))
        if says_sex and not any(_fits(sp, subject, sex) for sp, subject in out[before:]):
            window = min(_CHAIN_SENTENCES, window + 1)  # "What are her plans?" goes on about her
    return out


def _described_as_person(tok: Token) -> bool:
    """Whether a name has an apposition that names a person's role ("Lee, the longtime owner of ...")."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and noun_kind(c)[0] is True for c in tok.children)


def _named_beside(tok: Token, sp: Speaker, rest: list[tuple[Speaker, bool]], sex: str) -> Speaker | None:
    """When the he/she's antecedent ``sp`` is a description nothing tied to a name ("the candidate") and its
    sentence also names a person known to be of that gender ("The candidate herself ..., in which Clinton
    said"), that person: the description is most likely the same one."""
    if not sp.names or sp.names[0][:1].isupper() or sp.gender is not None:
        return None
    doc = tok.doc
    here = doc.char_span(sp.offset, sp.offset + 1, alignment_mode="expand")
    if here is None:
        return None
    sent = here[0].sent
    for other, _ in rest:
        if (other.gender == sex and other.names and other.names[0][:1].isupper()
                and sent.start_char <= other.offset < sent.end_char):
            return other
    return None


def _subject_body(article: Article, tok: Token, history: "History") -> Speaker | None:
    """For "it": the main-clause subject of the pronoun's sentence (before it) or of the sentence before,
    when it is a single body the text names ("Turkey rejected the claim. It says ..."); sentences wholly
    inside quotation marks do not count."""
    for k, span in enumerate(_sentences_before(tok, history)):
        if k > 1:
            break
        subjects = [t for t in span if t.dep_ in ("nsubj", "nsubjpass") and not _inside(history, t)]
        subjects.sort(key=lambda t: (_clause_depth(t), t.i))
        for t in subjects[:1]:
            if t.pos_ not in ("PROPN", "NOUN") or t.tag_ == "NNS" or (t.pos_ == "NOUN" and not definite(t)):
                continue
            sp = name_of(article, t, history)
            if sp is not None and sp.person is False:
                sp.offset = tok.idx
                return sp
    return None


class History:
    """Speakers met so far in the article, for pronouns and for quotes with no cue of their own."""

    def __init__(self, quoted: list[tuple[int, int]] | None = None) -> None:
        self.items: list[Speaker] = []
        self.quoted = quoted or []  # quoted stretches: words inside them never name a speaker
        self._looking_back = 0  # how many salient_person look-backs are open (a description finding another)

    def add(self, sp: Speaker) -> None:
        self.items.append(sp)

    def known_person(self, tok: Token, article: Article | None = None) -> Speaker | None:
        """The person whose name ends in ``tok``'s word (a surname the tagger missed): the last person speaker
        so named, else the one person actor of ``article`` so named."""
        word = clean_words(tok.text)
        if not word[:1].isupper() or tok.is_sent_start and tok.lower_ in source_nouns():
            return None
        for sp in reversed([s for s in self.items if s.offset < tok.idx]):
            if sp.person is not False and sp.names and sp.names[0].split()[-1] == word:
                return Speaker(list(sp.names), sp.country, True, tok.idx, list(sp.countries), sp.head, sp.gender)
        actors = [a for a in (article.actors if article is not None else [])
                  if a.kind == "person" and a.name.split()[-1] == word]
        if len(actors) == 1:
            return Speaker([actors[0].name], actors[0].country, True, tok.idx, [actors[0].country],
                           gender=gender([actors[0].name]))
        return None

    def salient_person(self, tok: Token, article: Article) -> Speaker | None:
        """For a person description no title ties to a name ("the candidate said"): the most salient person
        before it (see :func:`_subject_person`) when that person is a subject, else nobody."""
        if self._looking_back >= _LOOK_BACK_DEPTH:
            return None  # a chain of descriptions ("the candidate ... the senator ...") ends here
        self._looking_back += 1
        sex = gender([tok.text])  # "the actress" is a woman, and one: never "Fans" nor a man before her
        try:
            found = _subject_person(article, tok, self, sex)
            if sex is not None:
                found = [(sp, subject) for sp, subject in found if _fits(sp, subject, sex)]
            for sp, subject in found[:1]:
                if subject:
                    sp.offset = tok.idx
                    return sp
            return None
        finally:
            self._looking_back -= 1

    def same_head(self, tok: Token) -> Speaker | None:
        """The last speaker the text called by the same head word ("a representative ... the representative")."""
        for sp in reversed([s for s in self.items if s.offset < tok.idx]):
            if sp.head == tok.lower_:
                return Speaker(list(sp.names), sp.country, sp.person, tok.idx, list(sp.countries), sp.head)
        return None

    def plural(self, tok: Token, article: Article) -> Speaker | None:
        """For "they": the most salient plural subject in this or the two sentences before (sentences wholly
        inside quotation marks not counted): the main clause's first, then the nearest.  A plural is a
        plural common noun ("officials"), a plural body ("the Democrats") or a pair ("Lee and Kim", who then
        speak together)."""
        for k, span in enumerate(_sentences_before(tok, self)):
            if k > 2:
                break
            subjects = [t for t in span if t.dep_ in ("nsubj", "nsubjpass") and not _inside(self, t)]
            subjects.sort(key=lambda t: (_clause_depth(t), -t.i))
            for t in subjects:
                pair = [t] + [c for c in t.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
                if len(pair) > 1 and t.pos_ == "PROPN":
                    return resolve(article, pair, self)
                counted = any(c.dep_ == "nummod" for c in t.children)  # "two past elections": things
                if (t.tag_ == "NNS" and t.pos_ == "NOUN" and (animate(t) or not counted)) or (
                        t.tag_ == "NNPS" and t.ent_type_ in ("ORG", "NORP", "GPE")):
                    return name_of(article, t, self)
        return None

    def pronoun(self, tok: Token, article: Article) -> Speaker | None:
        """The last speaker (or named entity) before ``tok`` that the pronoun can refer to."""
        low = tok.lower_
        if low in ("he", "she", "him", "her"):
            sex = "f" if low in ("she", "her") else "m"
            found = _subject_person(article, tok, self, sex)
            for k, (sp, subject) in enumerate(found):
                if _fits(sp, subject, sex):
                    sp = _named_beside(tok, sp, found[k + 1:], sex) or sp
                    sp.offset = tok.idx
                    return sp
            for sp in reversed([s for s in self.items if s.offset < tok.idx]):
                named = sp.person is None and sp.names[0][:1].isupper()  # an unknown proper name
                if (sp.person is True or named) and sp.gender in (None, sex) and not _body_name(sp):
                    return Speaker(list(sp.names), sp.country, sp.person, tok.idx, list(sp.countries), sp.head,
                                   sp.gender)
            return self.antecedent(tok, article, True, sex)
        if low == "i":
            want: bool | None = True
        elif low in ("it", "its"):
            want = False
            found = _subject_body(article, tok, self)
            if found is not None:
                return found
        else:
            want = None
            found = self.plural(tok, article)
            if found is not None:
                found.offset = tok.idx
                return found
        return self.antecedent(tok, article, want)

    def antecedent(self, tok: Token, article: Article, want: bool | None, sex: str | None = None) -> Speaker | None:
        """The last speaker, else the last named entity, before ``tok`` of the wanted type (person or not)
        and, for a person, of a compatible gender."""
        for sp in reversed([s for s in self.items if s.offset < tok.idx]):
            if sex is not None and sp.gender not in (None, sex):
                continue
            if want is None or sp.person is want or (want is False and sp.person is None):
                return Speaker(list(sp.names), sp.country, sp.person, tok.idx, list(sp.countries), sp.head,
                               sp.gender)
        labels = {True: ("PERSON",), False: ("ORG", "GPE", "NORP"), None: ("PERSON", "ORG", "GPE", "NORP")}[want]
        for ent in reversed([e for e in tok.doc.ents if e.end <= tok.i and e.label_ in labels]):
            sp = name_of(article, ent[-1])
            if sp is not None and (sex is None or sp.gender in (None, sex)):
                sp.offset = tok.idx
                return sp
        return None


def resolve(article: Article, heads: list[Token], history: History) -> Speaker | None:
    """Resolve speaker head tokens (several for a joint statement) to one :class:`Speaker`."""
    found: list[Speaker] = []
    for tok in heads:
        sp = history.pronoun(tok, article) if is_pronoun(tok) else name_of(article, tok, history)
        if sp is not None and not any(n in f.names for f in found for n in sp.names):
            found.append(sp)
    if not found:
        return None
    first = found[0]
    if len(found) == 1:
        first.offset = heads[0].idx
        first.countries = [first.country]
        return first
    names = [n for sp in found for n in sp.names]
    return Speaker(names, first.country, False, heads[0].idx, [sp.country for sp in found])
