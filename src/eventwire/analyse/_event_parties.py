"""The parties of an event beyond its clause's own arguments: a country for generic arguments, the
authorities an agentless passive implies, the salient other actor of a dyadic act, the requester of aid,
the host of a meeting, and tests of what kind of party an argument is."""
from __future__ import annotations

from ..model import Article
from . import _event_records as rec
from ._event_args import Arg, main_country, owner, resolve
from ._event_lexicon import agent_nouns, country_in
from ._event_syntax import direct_object, possessor, prep_object, subject


def thing_object(article: Article, tok) -> bool:
    """Whether verb ``tok`` praises a thing that belongs to no actor ("welcomed the agreement",
    "commended the deal"): such an endorsement is coded with no target, not with a bystander."""
    obj = direct_object(tok)
    return obj is not None and obj.pos_ == "NOUN" and resolve(article, obj) is None \
        and owner(article, obj) is None


def each_other(tok) -> bool:
    """Whether the trigger's object is "each other" or "one another"."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj") and c.lower_ in ("other", "another")), None)
    if obj is None:
        return False
    return (obj.lower_ == "other" and any(c.lower_ == "each" for c in obj.children)) or \
        (obj.lower_ == "another" and any(c.lower_ == "one" for c in obj.children))


def salient_other(article: Article, tok, sources: list[Arg], same_sentence: bool = False,
                   other_country: bool = False) -> Arg | None:
    """For a dyadic event whose target the clause does not name ("condemned the coup attempt"): the
    actor other than the source mentioned nearest to the trigger in its sentence, else in the sentence
    before."""
    names = {x.name for x in sources}
    sent = tok.sent
    spans = [(sent.start_char, sent.end_char)]
    prev = sent.doc[sent.start - 1].sent if sent.start > 0 else None
    if prev is not None and not same_sentence:
        spans.append((prev.start_char, prev.end_char))
    countries = {x.country for x in sources}
    own = _subject_phrase(tok)
    for lo, hi in spans:
        best: tuple[int, int, int] | None = None
        for i, a in enumerate(article.actors):
            if a.name in names or not a.country or any(x.actor == i for x in sources) or \
                    (other_country and a.country in countries):
                continue
            for s, e in a.mentions:
                if lo <= s < hi and not any(x.start <= s < x.end for x in sources) and \
                        not own[0] <= s < own[1]:
                    d = abs(s - tok.idx)
                    if best is None or d < best[0]:
                        best = (d, i, s)
        if best is not None:
            a = article.actors[best[1]]
            return Arg(a.name, a.country, a.role, best[2], best[2], best[1])
    return None


def _subject_phrase(tok) -> tuple[int, int]:
    """Characters of the whole subject phrase of trigger ``tok``, modifiers included ("warplanes
    supported by Russia", "troops loyal to X", "forces that X backs"): an actor named there belongs to
    the doer's side and is never the salient other party.  Empty when the trigger lies inside it."""
    subj = subject(tok)
    if subj is None:
        return (0, 0)
    left, right = subj.left_edge, subj.right_edge
    if left.i <= tok.i <= right.i:
        return (0, 0)
    return left.idx, right.idx + len(right.text)


def ground(article: Article, arg: Arg, tok, as_target: bool = False, avoid: list[Arg] = ()) -> Arg | None:
    """Give a country to a generic argument ("police", "protesters") from the sentence's place or the
    article's main country; drop arguments with no country at all.  A place named inside one of the
    ``avoid`` arguments (the event's targets: "drills with warplanes from South Korea") is the other
    party's, not the generic source's: such a source stays unknown and is dropped."""
    if arg.country:
        return arg
    if not arg.generic:
        # a named organization or person of no known country ("Amnesty International") acts as itself
        named = arg.actor is not None and article.actors[arg.actor].kind in ("organization", "person")
        return arg if named and not as_target else None
    loc = rec.location(article, tok.sent)
    if loc and avoid and _names_party(article, article.text.find(loc[0], tok.sent.start_char), avoid):
        return None
    country = loc[1] if loc else main_country(article)
    if not country:
        return None
    return Arg(arg.name, country, arg.role, arg.start, arg.end, arg.actor, True)


def _names_party(article: Article, offset: int, args: list[Arg]) -> bool:
    """Whether the text at ``offset`` is a mention of one of ``args``."""
    for a in args:
        spans = article.actors[a.actor].mentions if a.actor is not None else [(a.start, a.end)]
        if any(s <= offset < e for s, e in spans):
            return True
    return False


def authority(article: Article, tok) -> Arg | None:
    """The agent an agentless coercive passive implies ("were arrested"): the police or troops the
    sentence names as acting ("police dispersed them, and 12 were arrested"), else the authorities of
    the place."""
    agents = agent_nouns()
    for t in tok.sent:
        if t.dep_ in ("nsubj",) and agents.get(t.lemma_.lower()) == "MIL":
            named = resolve(article, t)
            if named is not None and named.country:
                return named
    loc = rec.location(article, tok.sent)
    country = loc[1] if loc else main_country(article)
    if not country:
        return None
    return Arg("authorities", country, "GOV", tok.idx, tok.idx, generic=True)


def is_crowd(article: Article, arg: Arg) -> bool:
    """Whether an argument is a civilian crowd: its head noun is a civilian agent noun ("angry
    protesters", "rioters")."""
    words = arg.name.lower().split()
    if not words:
        return False
    head = words[-1]
    roles = agent_nouns()
    return any(roles.get(w) == "CVL" for w in (head, head.rstrip("s"), head[:-2] if head.endswith("es") else head))


def is_state(article: Article, arg: Arg) -> bool:
    """Whether an argument is a state or its government (whose protest is diplomatic: ACCUSE)."""
    if arg.actor is not None:
        a = article.actors[arg.actor]
        return a.kind == "state" or a.role == "GOV"
    found = country_in(arg.name)
    return not arg.generic and found is not None and found[0].lower() == arg.name.lower().strip()


def meeting_place(article: Article, tok) -> str | None:
    """The country of the place a meeting is held in: a place named after "in" or "at" in its sentence
    ("met in Lima", "their Berlin meeting")."""
    for ent in tok.sent.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        head = ent.root
        if (head.dep_ == "pobj" and head.head.lower_ in ("in", "at")) or \
                (head.dep_ in ("compound", "nmod") and head.head.i == tok.i):
            found = country_in(ent.text)
            if found:
                return found[1]
    return None


def is_country(article: Article, arg: Arg) -> bool:
    """A state itself, or a named party with no actor of its own (not a person or group)."""
    if arg.actor is not None:
        return article.actors[arg.actor].kind == "state"
    return not arg.generic


def requester(article: Article, tok) -> Arg | None:
    """"at the request of X" / "at X's request" in the trigger's sentence: X."""
    for t in tok.sent:
        if t.lemma_.lower() == "request" and t.pos_ == "NOUN":
            p = possessor(t) or prep_object(t, {"of"})
            if p is not None:
                a = resolve(article, p)
                if a is not None and a.country:
                    return a
    return None
