"""Coding one factual trigger: its type (joint acts, promises, protests by states, violent crowds, troops
sent on request) and its (source, target) pairs, both ways for reciprocal acts."""
from __future__ import annotations

from ..model import Article
from . import _event_records as rec
from ._event_args import Arg, resolve
from ._event_frames import complement, complement_targets, nominal_args, verbal_args
from ._event_lexicon import CONFLICT, Entry, agent_nouns, cues
from ._event_parties import (authority, each_other, ground, is_country, is_crowd, is_state, meeting_place,
                             requester, salient_other, thing_object)
from ._event_syntax import agent, direct_object, passive_subject, possessor, prep_object, subject
from ._event_triggers import match


#: Types whose agentless passives ("were arrested", "the curfew was lifted", "were released") are acts of
#: the authorities the article makes clear (dev conventions).
_AUTHORITY_ACTS = {"COERCE", "CONCEDE", "RETREAT"}

#: Types that two coordinated subjects do to each other ("India and China pulled back their troops").
_MUTUAL = {"AGREE", "RETREAT", "COOPERATE", "ASSAULT"}


def code_trigger(article: Article, tok, entry: Entry, last_source: list[Arg]) -> list[rec.Found]:
    """Events for one factual trigger, by its frame."""
    etype = entry.type
    if entry.pos == "NOUN" and any(c.dep_ == "amod" and c.lower_ in ("joint", "combined") for c in tok.children):
        # "joint drills", "joint investigations": material cooperation between the parties
        entry = Entry(entry.lemma, entry.needs, entry.pos, "COOPERATE", entry.mode, "060", "recip")
        etype = "COOPERATE"
    if entry.pos == "NOUN":
        sources, targets = nominal_args(article, tok, entry, last_source)
    else:
        sources, targets = verbal_args(article, tok, entry)
    one_way = False
    if entry.frame == "commit":
        etype, extra_target = _commit_type(article, tok, entry)
        if not targets and extra_target is not None:
            targets, one_way = [extra_target], True  # "agreed to free X": X is not a party
    if not _plausible_object(tok, entry):
        return []
    if entry.type == "THREATEN" and tok.lemma_.lower() in ("warn", "warning"):
        if not _mentions_force(tok):
            return []
    if entry.frame == "speech" and entry.type in ("THREATEN", "REJECT") and not targets:
        comp = complement(tok)
        if comp is not None:
            targets = complement_targets(article, comp)
    if each_other(tok) and len(sources) == 2:  # "both sides accused each other"
        return [rec.Found(entry, etype, tok, sources[0], sources[1]),
                rec.Found(entry, etype, tok, sources[1], sources[0])]
    sides = targets if entry.frame in ("recip", "consult") else []  # two sides: not one place
    sources = [s for s in (ground(article, s, tok, avoid=sides) for s in sources) if s is not None]
    if not sources and entry.type in _AUTHORITY_ACTS and passive_subject(tok) is not None and agent(tok) is None \
            and (targets or entry.needs):
        auth = authority(article, tok)
        sources = [auth] if auth else []
    if not sources and etype == "PROTEST" and entry.pos == "NOUN" and possessor(tok) is None \
            and tok.dep_ not in ("dobj", "attr"):
        crowd = ground(article, Arg("protesters", None, "CVL", tok.idx, tok.idx, generic=True), tok)
        sources = [crowd] if crowd else []
    if not sources:
        return []
    targets = [t for t in (ground(article, t, tok, as_target=True) for t in targets) if t is not None]
    if etype == "AID" and targets and all(_own_forces(sources[0], t) for t in targets):
        return []  # "the boats delivered food to the country's troops": resupply, not aid
    if entry.lemma == "protest" and entry.pos == "VERB" and is_state(article, sources[0]):
        etype = "ACCUSE"
    if etype in ("ASSAULT", "COERCE") and entry.lemma in cues().get("crowd", ()) and (
            is_crowd(article, sources[0]) or _protest_purpose(article, tok, sources[0])):
        etype = "PROTEST"  # "protesters stormed the parliament": a violent protest, aimed at its owner
    if etype == "MOBILIZE":
        helped = requester(article, tok)
        if helped is not None:
            etype, targets = "AID", [helped]
    if entry.frame == "consult" and len(sources) >= 3 and not targets:
        place = meeting_place(article, tok)  # a multilateral meeting: the host is the target
        host = [x for x in sources if place and x.country == place]
        if host:
            targets = host[:1]
            sources = [x for x in sources if x.country != place]
    if etype == "PROTEST":  # "the Hong Kong protests", "Iraq's protests": the country's protesters
        sources = [Arg("protesters", x.country, "CVL", x.start, x.end, None, True)
                   if is_country(article, x) else x for x in sources]
    if etype == "PROTEST" and not targets:
        s = sources[0]
        if s.country:
            targets = [Arg("government", s.country, "GOV", s.start, s.start, generic=True)]
    pledge_alone = False
    if entry.frame == "commit" and etype == "AGREE" and not targets and len(sources) == 1 \
            and complement(tok) is not None:
        # "agreed to postpone the rally": the party nearby if any, else a pledge to no one in particular
        other = salient_other(article, tok, sources)
        targets, pledge_alone = ([other], False) if other is not None else ([], True)
    return _pairs(article, entry, etype, tok, sources, targets, one_way,
                  undirected=entry.mode == "praise" and thing_object(article, tok) or pledge_alone
                  or _threatened_act(tok, etype))


def _threatened_act(tok, etype: str) -> bool:
    """"threatened to impose a curfew": a threat whose content is an act of the lexicon stands with no
    party named, like the act itself would ("announced it will extend the curfew")."""
    if etype != "THREATEN" or tok.pos_ != "VERB":
        return False
    comp = complement(tok)
    return comp is not None and match(comp) is not None


def _own_forces(source: Arg, target: Arg) -> bool:
    """The target is the armed forces of the source's own country."""
    return target.role == "MIL" and bool(source.country) and target.country == source.country


def _protest_purpose(article: Article, tok, source: Arg) -> bool:
    """"Farmers blocked roads demanding lower fuel prices": a non-state, non-military doer whose act of
    force is done to demand or protest something (a ``purpose`` cue heads a clause under the trigger)."""
    if source.role in ("GOV", "MIL") or is_state(article, source):
        return False
    purpose = cues().get("purpose", frozenset())
    return any(c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in purpose for c in tok.children)


def _plausible_object(tok, entry: Entry) -> bool:
    """Objects that make a trigger something else: rejecting an assertion is a denial; deploying a
    "countermeasure" is no troop movement."""
    obj = direct_object(tok) if entry.pos == "VERB" else None
    if obj is None:
        return True
    lemma = obj.lemma_.lower()
    c = cues()
    if entry.type == "REJECT" and lemma in c.get("claim", ()):
        return False
    if entry.type == "MOBILIZE" and not entry.needs:
        subj = subject(tok)
        if subj is not None and agent_nouns().get(subj.lemma_.lower()) == "MIL":
            return True  # "the army deployed ...": the forces move themselves
        return lemma in c.get("materiel", ()) or agent_nouns().get(lemma) == "MIL"
    return True


def _commit_type(article: Article, tok, entry: Entry) -> tuple[str, Arg | None]:
    """A promise's type from what is promised: force -> THREATEN, a release or easing -> CONCEDE."""
    comp = complement(tok)
    if comp is None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "on"):
                comp = next((p for p in c.children if p.dep_ == "pobj"), None)
    if comp is None:
        return entry.type, None
    centry = match(comp)
    ctype = centry.type if centry else None
    c = cues()
    lemma = comp.lemma_.lower()
    target_tok = direct_object(comp) or prep_object(comp)
    target = resolve(article, target_tok) if target_tok is not None else None
    if target is not None and (not target.country or target.generic or target.role == "MIL"):
        target = None  # "pledged to send troops": the troops are not a party
    if ctype == "MOBILIZE" and tok.lemma_.lower() in c.get("decide", ()):
        return "MOBILIZE", None  # "the government agreed to deploy the army": the decision is the move
    if ctype in CONFLICT or lemma in c.get("force", ()):
        return "THREATEN", target
    if ctype in ("RETREAT", "CONCEDE") or lemma in c.get("release", ()):
        return "CONCEDE", target
    return entry.type, target


def _mentions_force(tok) -> bool:
    force = cues().get("force", frozenset())
    return any(t.lemma_.lower() in force for t in tok.subtree if t is not tok)


def _pairs(article: Article, entry: Entry, etype: str, tok, sources: list[Arg], targets: list[Arg],
           one_way: bool = False, undirected: bool = False) -> list[rec.Found]:
    """One mention per (source, target) pair: both ways for reciprocal acts; a dyadic type with no
    target takes the salient other actor, or is dropped, unless it is ``undirected``."""
    mutual_agree = etype == "AGREE" and entry.frame in ("act", "light") or (
        entry.frame == "commit" and etype == "AGREE"
        and (len(sources) == 2 or prep_object(tok, {"with"}) is not None))
    recip = not one_way and (entry.frame == "recip" or mutual_agree
                             or (etype in _MUTUAL and len(sources) == 2 and not targets))
    out: list[rec.Found] = []
    if not targets and len(sources) < 3 and rec.dyadic(etype) and not undirected \
            and not (recip and len(sources) == 2) \
            and not (entry.frame == "consult" and len(sources) == 2):
        other = salient_other(article, tok, sources)
        if other is None:
            return []  # a dyadic type with no identified target: not coded
        targets, recip = [other], False
    if not targets:
        if recip and len(sources) == 2:
            for s in sources:
                for t in sources:
                    if s is not t:
                        out.append(rec.Found(entry, etype, tok, s, t))
            return out
        if entry.frame == "consult" and len(sources) == 2:
            return [rec.Found(entry, etype, tok, sources[0], sources[1])]
        return [rec.Found(entry, etype, tok, s, None) for s in sources]
    for s in sources:
        for t in targets:
            if s.name == t.name and s.country == t.country:
                continue
            out.append(rec.Found(entry, etype, tok, s, t))
            if recip:
                out.append(rec.Found(entry, etype, tok, t, s))
    return out
