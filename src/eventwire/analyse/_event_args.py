"""Arguments of event triggers: which actor (or at least which country) a token of the parse names,
through the actors stage's mentions, pronouns, "the two sides", definite descriptions and owners.  Where
the arguments stand in the parse is read by :mod:`._event_syntax` and :mod:`._event_frames`."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable

from ..model import Actor, Article
from ._event_lexicon import agent_nouns, country_in, cues, number_words
from ._event_syntax import SUBJ, agent, direct_object, possessor, subject, with_conjuncts
from ._kb import load as load_kb
from .spans import actors_at

PRONOUN_PERSON = {"he", "she", "him", "her", "his"}
PRONOUN_GROUP = {"its", "their"}
PRONOUN_FIRST = {"we", "i", "us", "our", "my"}
PRONOUN_SUBJECT = {"it", "they", "he", "she"}


@dataclass(slots=True)
class Arg:
    """A resolved argument: an actor's name, country and role, and where the text names it."""

    name: str
    country: str | None
    role: str | None
    start: int
    end: int
    actor: int | None = None  # index into article.actors
    generic: bool = False  # a common noun with no country of its own ("police", "protesters")


def _np_bounds(tok) -> tuple[int, int]:
    """Characters of the noun phrase headed by ``tok`` up to the head (left modifiers only)."""
    left = tok.left_edge
    return left.idx, tok.idx + len(tok.text)


def _from_actor(article: Article, idx: int, start: int, end: int) -> Arg:
    a = article.actors[idx]
    return Arg(a.name, a.country, a.role, start, end, idx)


def _pronoun(article: Article, tok) -> Arg | None:
    """He/she: the nearest person actor mentioned before the pronoun; its/their: the subject of the
    sentence when it is an actor, else the nearest state or organization mentioned before."""
    low = tok.lower_
    if low in PRONOUN_FIRST:  # "we urge all sides ...", inside a quote: its speaker
        for q in article.quotes:
            if q.start <= tok.idx < q.end and q.speaker:
                for i, a in enumerate(article.actors):
                    if a.name == q.speaker:
                        return _from_actor(article, i, tok.idx, tok.idx + len(tok.text))
        return None
    if low in PRONOUN_PERSON and low not in PRONOUN_SUBJECT:
        kinds = {"person"}
    elif low in PRONOUN_SUBJECT and tok.dep_ in SUBJ:
        ante = antecedent(tok)
        if ante is not None:
            return resolve(article, ante)
        if low not in PRONOUN_PERSON:
            return None
        kinds = {"person"}
    elif low in PRONOUN_GROUP:
        root = tok.sent.root
        subj = next((c for c in root.children if c.dep_ in SUBJ), None)
        if subj is not None and subj is not tok and not (subj.idx <= tok.idx < subj.idx + len(subj.text)):
            hits = actors_at(article, subj.idx, subj.idx + len(subj.text))
            if hits and not any(s <= tok.idx < e for s, e in article.actors[hits[0]].mentions):
                return _from_actor(article, hits[0], tok.idx, tok.idx + len(tok.text))
        kinds = {"state", "organization", "group"}
    else:
        return None
    return _last_before(article, tok, lambda a: a.kind in kinds)


def antecedent(tok):
    """The subject of the clause above a subject pronoun ("the coalition said it freed ...", "Britain and
    the US accused Moscow ... and they expelled ..."), or None."""
    if tok.pos_ != "PRON":
        return None
    if tok.lower_ in PRONOUN_GROUP and tok.dep_ == "poss":  # "ended their meeting": the clause subject
        h = tok.head
        for _ in range(4):
            if h.pos_ in ("VERB", "AUX"):
                subj = next((c for c in h.children if c.dep_ in SUBJ and c.pos_ != "PRON"), None)
                return subj
            if h.head is h:
                return None
            h = h.head
        return None
    if tok.lower_ not in PRONOUN_SUBJECT or tok.dep_ not in SUBJ:
        return None
    h = tok.head
    for _ in range(3):
        if h.head is h:
            break
        if h.dep_ in ("ccomp", "conj", "advcl") and h.head.pos_ in ("VERB", "AUX"):
            subj = next((c for c in h.head.children if c.dep_ in SUBJ and c.pos_ != "PRON"), None)
            if subj is not None:
                return subj
        h = h.head
    return None


def _previous_state(article: Article, tok) -> Arg | None:
    return _last_before(article, tok, lambda a: a.kind == "state")


def _last_before(article: Article, tok, keep: Callable[[Actor], bool]) -> Arg | None:
    """The actor satisfying ``keep`` whose latest mention ending before ``tok`` starts last, as an
    argument at ``tok``; None when there is none."""
    best: tuple[int, int] | None = None
    for i, a in enumerate(article.actors):
        if not keep(a):
            continue
        for s, e in a.mentions:
            if e <= tok.idx and (best is None or s > best[0]):
                best = (s, i)
    return _from_actor(article, best[1], tok.idx, tok.idx + len(tok.text)) if best else None


def _pair(article: Article, tok) -> list[Arg]:
    """"The two sides", "both leaders": the two parties of the last meeting or agreement coded."""
    nums = [c for c in tok.children if c.dep_ == "nummod" and c.like_num]
    group = article.cache.get("events_last_group")
    if group and nums and (tok.lemma_.lower() in agent_nouns() or tok.lemma_.lower() in cues().get("pair", ())):
        try:  # "the four top diplomats": the parties of the last multilateral meeting
            n = int(nums[0].text) if nums[0].text.isdigit() else number_words().get(nums[0].lower_, 0)
        except ValueError:
            n = 0
        if n == len(group):
            return list(group)
    if (tok.lemma_.lower() not in cues().get("pair", ()) and not _collective(tok)) or _of_object(tok) is not None:
        return []  # "the ministers of A and B" name their parties
    if not any(c.lower_ in ("two", "both") or (c.dep_ == "det" and c.lower_ == "the") for c in tok.children):
        return []
    if tok.tag_ not in ("NNS", "NNPS") and not any(c.lower_ in ("two", "both") for c in tok.children):
        return []
    # the parties of the last meeting, else of the last agreement or clash
    pair = list(article.cache.get("events_consult_pair") or article.cache.get("events_last_pair", []))
    if not pair:
        pair = _named_between(article, tok)  # "an agreement reached between A and B", not coded itself
    if not pair:
        article.cache["events_pair_missed"] = True
    return pair


def _named_between(article: Article, tok) -> list[Arg]:
    """The two parties of the last "between A and B" before ``tok`` in the article, when both are
    actors or countries; else []."""
    doc = tok.doc
    for k in range(tok.i - 1, -1, -1):
        prep = doc[k]
        if prep.lower_ != "between" or prep.dep_ != "prep":
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or not pobj.conjuncts:
            continue
        parties = [a for a in resolve_all(article, pobj) if a.country or a.actor is not None]
        if len(parties) == 2:
            return parties
    return []


def _collective(tok) -> bool:
    """"the two governments", "both armies": a plural role noun of the actors' knowledge counted as two."""
    if tok.tag_ not in ("NNS", "NNPS") or not any(c.lower_ in ("two", "both") for c in tok.children):
        return False
    return load_kb().title(tok.lemma_) is not None


def resolve(article: Article, tok) -> Arg | None:
    """The actor (or country) that the noun phrase headed by ``tok`` names; None when it names none.

    An actor of the actors stage wins; else a proper noun or an agent noun ("police", "protesters",
    ``knowledge/event_agents.tsv``) with the country its phrase names ("Turkish troops", "police in
    Comoros"); an agent noun with no country is returned ``generic`` for the caller to ground."""
    if tok is None:
        return None
    if _in_dateline(article, tok):  # "NAIROBI -- Kenyan President William Ruto ...": the apposition acts
        app = next((c for c in tok.children if c.dep_ == "appos"), None)
        return resolve(article, app) if app is not None else None
    if tok.pos_ == "PRON":
        return _pronoun(article, tok)
    if _own_possession(article, tok):
        return None  # "India and China pulled their troops back": their own forces are no other party
    if tok.lemma_.lower() in ("country", "nation") and tok.tag_ == "NN" \
            and any(c.lower_ in ("that", "this", "the") for c in tok.children):
        return _previous_state(article, tok)  # "that country": the state named last
    s, e = _np_bounds(tok)
    hits = actors_at(article, tok.idx, tok.idx + len(tok.text)) or \
        _specific_first(article, actors_at(article, s, e), tok)
    if hits and not _common_noun_actor(article, hits[0]):
        return _from_actor(article, hits[0], s, e)
    place = _place_phrase(article, tok, s, e)
    if place is not None:
        return place
    # "fighters from the Hamas group", "the leader of X": follow of/from.
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    inner = resolve(article, pobj)
                    if inner is not None and inner.country:
                        return Arg(inner.name, inner.country, inner.role, s, e, inner.actor)
    if hits:  # "fighters from the Hamas group": the named group, else the bare noun's actor
        return _from_actor(article, hits[0], s, e)
    agents = agent_nouns()
    lemma = tok.lemma_.lower()
    is_agent = lemma in agents or tok.lower_ in agents
    if not is_agent and tok.pos_ != "PROPN":
        return None
    role = agents.get(lemma, agents.get(tok.lower_))
    text = article.text[s:e]
    app = next((c for c in tok.children if c.dep_ == "appos"), None)
    if is_agent and app is not None:  # "his Turkish counterpart Recep Tayyip Erdogan"
        named = actors_at(article, app.idx, app.idx + len(app.text))
        if named:
            return _from_actor(article, named[0], s, e)
    found = country_in(text)
    if found:  # "Turkish troops", "his Turkish counterpart"
        return Arg(text, found[1], role, s, e)
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if is_agent and poss is not None:  # "Iran's forces", "its diplomats"
        owner = resolve(article, poss)
        if owner is not None and owner.country:
            return Arg(text, owner.country, role or owner.role, s, e)
    if is_agent:
        for prep in tok.children:  # "police in Comoros", "fighters from Syria"
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of"):
                for pobj in prep.children:
                    found = country_in(pobj.text) if pobj.dep_ == "pobj" else None
                    if found:
                        return Arg(text, found[1], role, s, e)
        named = _definite(article, tok)
        if named is not None:
            return named
        return Arg(text, None, role, s, e, generic=True)
    return Arg(text, None, None, s, e)


def _place_phrase(article: Article, tok, s: int, e: int) -> Arg | None:
    """"the Ukrainian city of Mariupol", "the Syrian town": a place noun (``place`` rows of
    ``knowledge/event_cues.tsv``) whose own modifiers name a country is a place of that country, whatever
    country the actors stage gave the place named after "of"."""
    if tok.lemma_.lower() not in cues().get("place", ()) or tok.pos_ != "NOUN":
        return None
    found = country_in(article.text[s:e])
    if not found:
        return None
    name = article.text[s:e]
    of = _of_object(tok)
    if of is not None and of.pos_ == "PROPN":
        name = article.text[of.left_edge.idx:of.right_edge.idx + len(of.right_edge.text)]
    return Arg(name, found[1], None, s, e)


#: Of several actors named inside one noun phrase, the most specific acts ("Kenyan President William Ruto").
_KIND_RANK = {"person": 0, "organization": 1, "group": 2, "state": 3}


def _specific_first(article: Article, hits: list[int], tok) -> list[int]:
    """``hits`` (actors named in the phrase of ``tok``) with those whose mention covers the head token
    first, then persons before organizations and groups, and those before states (stable otherwise)."""
    def rank(i: int) -> tuple[int, int]:
        a = article.actors[i]
        covers = any(ms <= tok.idx < me for ms, me in a.mentions)
        return (0 if covers else 1, _KIND_RANK.get(a.kind, 2))
    return sorted(hits, key=rank)


def _own_possession(article: Article, tok) -> bool:
    """The object of a verb is owned by that verb's own subject ("India and China pulled their troops
    back", "the army moved its tanks"): "their" after a plural or coordinated subject, "its" after a
    singular one that is no person ("his" and "her" are too often someone else's)."""
    if tok.dep_ != "dobj":
        return False
    poss = possessor(tok)
    if poss is None or poss.lower_ not in PRONOUN_GROUP:
        return False
    subj = subject(tok.head)
    if subj is None or subj.pos_ == "PRON":
        return False
    if poss.lower_ == "their":
        return bool(subj.conjuncts) or subj.tag_ in ("NNS", "NNPS") or len(resolve_all(article, subj)) > 1
    return not subj.conjuncts and subj.tag_ in ("NN", "NNP") and subj.ent_type_ != "PERSON"


def _in_dateline(article: Article, tok) -> bool:
    """``tok`` is the place of a dateline ("MOSCOW (Sputnik) -"), where the story was filed."""
    return any(s <= tok.idx < e for s, e in article.cache.get("actors_datelines", ()))


def _common_noun_actor(article: Article, idx: int) -> bool:
    """An actor named only by a lower-case common noun ("fighters", "protesters")."""
    name = article.actors[idx].name or ""
    return bool(name) and name == name.lower() and len(name.split()) <= 2


def _definite(article: Article, tok) -> Arg | None:
    """"the coalition", "the ministry": the actor named before whose name ends with this noun."""
    lemma = tok.lemma_.lower().rstrip("s")

    def ends_with_noun(a: Actor) -> bool:
        last = a.name.lower().split()[-1] if a.name else ""
        return bool(a.country) and last.rstrip("s") == lemma

    return _last_before(article, tok, ends_with_noun)


def resolve_all(article: Article, tok) -> list[Arg]:
    """Every actor that ``tok`` and its conjuncts name ("Putin and Erdogan"; "the two sides")."""
    out: list[Arg] = []
    ante = antecedent(tok) if tok is not None else None
    for t in with_conjuncts(ante if ante is not None else tok):
        pair = _pair(article, t)
        if pair:
            out.extend(pair)
            continue
        a = resolve(article, t)
        if t.pos_ == "NOUN" and (a is None or a.actor is None or not _names_itself(article, a, t)):
            # "British and Pakistani officials", "the Turkish and Greek sides of the island of Cyprus"
            many = _coordinated_demonyms(article, t, a or Arg(t.text, None, None, t.idx, t.idx + len(t.text)))
            if many:  # "British and Pakistani officials": one party per country
                out.extend(many)
                continue
        if a is None or not a.country:  # "date ... NEW DELHI -- India and China": try the apposition
            app = next((c for c in t.children if c.dep_ == "appos" and not _in_dateline(article, c)), None)
            if app is not None:
                many = [x for x in (resolve(article, c) for c in with_conjuncts(app)) if x and x.country]
                if many:
                    out.extend(many)
                    continue
        if a is not None and t.pos_ == "NOUN":
            of = _of_object(t)
            if of is not None and of.conjuncts:  # "the foreign ministers of Russia, Ukraine and France"
                many = [x for x in (resolve(article, c) for c in with_conjuncts(of)) if x and x.country]
                if len({x.country for x in many}) > 1:
                    out.extend(many)
                    continue
        if a is not None:
            out.append(a)
    return out


def _names_itself(article: Article, arg: Arg, tok) -> bool:
    """``arg`` is an actor with a mention covering ``tok`` itself (not one reached through "of")."""
    return any(s <= tok.idx < e for s, e in article.actors[arg.actor].mentions)


def _coordinated_demonyms(article: Article, tok, arg: Arg) -> list[Arg]:
    """The parties of a noun modified by coordinated demonyms ("British and Pakistani chiefs")."""
    for c in tok.children:
        if c.dep_ == "amod" and c.conjuncts:
            out = []
            for adj in (c, *c.conjuncts):
                found = country_in(adj.text)
                if not found:
                    return []
                out.append(Arg(f"{adj.text} {tok.text}", found[1], arg.role, adj.idx, tok.idx + len(tok.text)))
            return out if len({x.country for x in out}) > 1 else []
    return []


def _of_object(tok):
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def owner(article: Article, tok) -> Arg | None:
    """The actor a non-actor noun phrase belongs to: "the coalition move", "US activities", "the
    Chinese coast guard ship's use of water cannon", "calls by Belarus's rulers" -> the coalition, the US,
    the Chinese coast guard, Belarus's rulers."""
    if tok is None or _own_possession(article, tok):
        return None
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i:
            a = resolve(article, c)
            if a is not None and a.country:
                return a
            if c.pos_ == "ADJ" and c.dep_ == "amod":
                found = country_in(c.text)  # "Chinese coast guard ship"
                if found:
                    return Arg(c.text, found[1], None, c.idx, c.idx + len(c.text))
            inner = owner(article, c)
            if inner is not None:
                return inner
    for inner in (_of_object(tok), agent(tok)):  # "the residence of X", "calls by X"
        a = resolve(article, inner) if inner is not None else None
        if a is not None and a.country:
            return a
    return None


def addressee(article: Article, tok) -> list[Arg]:
    """Who a demand is made of when no object names them: the subject of the demanded clause ("demanded
    that the US cancel ...", "insisted that Burundi's government grant ...") or the agent of the demanded
    act ("demanded an admission by Moscow").  Named actors and countries only."""
    for c in tok.children:
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and any(m.dep_ == "mark" or m.tag_ == "VB"
                                                                   for m in [*c.children, c]):
            subj = next((x for x in c.children if x.dep_ in SUBJ), None)
            found = [a for a in resolve_all(article, subj) if a.country and not a.generic] if subj is not None else []
            if found:
                return found
    obj = direct_object(tok)
    by = agent(obj) if obj is not None and obj.pos_ == "NOUN" else None
    return [a for a in resolve_all(article, by) if a.country and not a.generic] if by is not None else []


def demonym_modifier(article: Article, tok) -> Arg | None:
    """An adjective or compound naming a country on a nominal trigger ("Israeli strikes")."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
            entry = load_kb().lookup(c.text)
            if entry is not None and entry.type == "capital":
                continue  # "the Khartoum agreements", "Minsk talks": where, not who
            hits = actors_at(article, c.idx, c.idx + len(c.text))
            if hits:
                return _from_actor(article, hits[0], c.idx, c.idx + len(c.text))
            found = country_in(c.text)
            if found:
                return Arg(c.text, found[1], None, c.idx, c.idx + len(c.text))
    return None


def main_country(article: Article) -> str | None:
    """The country the article is mostly about: the most mentioned actor country, else the most
    frequent country name in the text (cached on the article)."""
    if "events_main_country" in article.cache:
        return article.cache["events_main_country"]
    counts: Counter[str] = Counter()
    for a in article.actors:
        if a.country and a.country != "IGO":
            counts[a.country] += max(1, len(a.mentions))
    if not counts:
        text = article.text[:4000]
        for sent in text.split("."):
            found = country_in(sent)
            if found:
                counts[found[1]] += 1
    best = counts.most_common(1)[0][0] if counts else None
    article.cache["events_main_country"] = best
    return best
