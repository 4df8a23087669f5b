"""Argument frames of event triggers: where a verbal or nominal trigger's sources and targets stand in the
parse (subjects, objects, agents, prepositions, possessors, light verbs, a reporting verb's subject), and
the targets of the clause a threat or refusal states."""
from __future__ import annotations

from ..model import Article
from ._event_args import Arg, addressee, demonym_modifier, owner, resolve_all
from ._event_lexicon import Entry, cues
from ._event_syntax import SUBJ, agent, direct_object, passive_subject, possessor, prep_object, subject
from ._event_triggers import match


def verbal_args(article: Article, tok, entry: Entry) -> tuple[list[Arg], list[Arg]]:
    """The sources and targets of verb ``tok``: the agent and subject of a passive, the agent of a
    participle ("troops sent by X"), else the subject (or the reporter of a coordinated speech act) and
    the first target candidate that names an actor."""
    passive = passive_subject(tok)
    if passive is None and any(c.dep_ == "auxpass" for c in tok.children):
        passive = subject(tok)  # "had to be rescued": the subject it shares is the one acted on
    if passive is not None:
        src_tok = agent(tok)
        if src_tok is None and tok.lemma_.lower() in cues().get("summon", ()):
            src_tok = prep_object(tok, {"to"})  # "was summoned to the Foreign Ministry"
        # "the curfew was lifted": the thing the trigger needs is no party
        needed = any(c.dep_ == "nsubjpass" and c.lemma_.lower() in entry.needs for c in tok.children)
        targets = [] if needed else resolve_all(article, passive)
    elif tok.dep_ == "acl" and agent(tok) is not None:  # "a swap agreed by A and B", "troops sent by X"
        src_tok = agent(tok)
        targets = [a for a in resolve_all(article, tok.head) if a.country]
    else:
        src_tok = _reporter(tok, entry)
        if src_tok is None:
            src_tok = subject(tok)
        if src_tok is None and tok.dep_ == "pcomp":  # "accused Moscow of launching": Moscow launched
            src_tok = _object_of_governing(tok)
        targets = []
        for cand in _target_candidates(tok, entry):
            targets = resolve_all(article, cand)
            if not targets and entry.frame not in ("consult", "commit"):
                own = owner(article, cand)  # "stormed the minister's residence"
                targets = [own] if own is not None else []
            if targets:
                break
    sources = resolve_all(article, src_tok)
    if src_tok is not None and not sources:
        sub = match(src_tok)
        if sub is not None and sub.pos == "NOUN":  # "air strikes by government forces killed ..."
            sources = nominal_args(article, src_tok, sub, [])[0]
    if not sources and entry.type in ("AGREE", "CONSULT"):
        between = prep_object(tok, {"between"})  # "an agreement was signed between A and B"
        parties = resolve_all(article, between) if between is not None else []
        if len(parties) >= 2:
            return parties[:1], parties[1:2]
    if entry.frame == "speech" and entry.type in ("REQUEST", "SUPPORT", "ACCUSE", "REJECT"):
        targets = [t for t in targets if t.country and not t.generic or t.actor is not None]
        if not targets and entry.type != "REQUEST" and passive is None:
            own = owner(article, direct_object(tok))  # "criticised US activities"
            targets = [own] if own is not None else []
        if not targets and entry.type == "REQUEST" and passive is None:
            targets = addressee(article, tok)  # "demanded that the US cancel ..."
    return sources, targets


def _reporter(tok, entry: Entry):
    """The subject of the reporting verb when a speech act is coordinated with the clause it reports
    ("Abiy said Ethiopia was ready to help and urged both communities ..." : Abiy urged), else None.

    The parser hangs such a speech act on the reported clause's verb; a speech act has no place inside
    a stative or factual report, so it is the reporter's own second act."""
    if entry.frame != "speech" or tok.dep_ != "conj" or any(c.dep_ in SUBJ for c in tok.children):
        return None
    clause = tok.head
    if clause.dep_ != "ccomp" or match(clause) is not None:
        return None
    report = clause.head
    if report.lemma_.lower() not in cues().get("report", ()):
        return None
    return subject(report)


def _target_candidates(tok, entry: Entry) -> list:
    """Tokens that may be the target of verb ``tok``, in order of preference."""
    obj = direct_object(tok)
    if entry.frame == "consult":
        if tok.lemma_.lower() in cues().get("topic", ()) or \
                (obj is not None and obj.lemma_.lower() in entry.needs):
            obj_with = prep_object(obj, {"with"}) if obj is not None else None  # "held talks with X"
            obj = obj_with
        order = [prep_object(tok, {"with", "to"}), obj]
    elif entry.frame == "commit":
        order = [prep_object(tok, {"with"}), obj]
    elif entry.type == "REQUEST":
        order = [prep_object(tok, {"on", "upon"}), obj]
    elif entry.type == "MOBILIZE":
        order = [prep_object(tok, {"against", "toward", "towards"})]
    else:
        order = [obj, prep_object(tok)]
    return [t for t in order if t is not None]


def nominal_args(article: Article, tok, entry: Entry, last_source: list[Arg]) -> tuple[list[Arg], list[Arg]]:
    """The sources and targets of nominal trigger ``tok``: a possessor, agent, "between" phrase, demonym or
    light verb's subject as source, a target preposition's object as target; a meeting with no source
    of its own takes ``last_source`` (the previous event's source)."""
    sources: list[Arg] = []
    targets: list[Arg] = []
    pos = possessor(tok)
    if pos is not None:
        sources = resolve_all(article, pos)
    if not sources:
        ag = agent(tok)
        if ag is not None:
            sources = resolve_all(article, ag)
    if not sources and entry.type == "REQUEST" and tok.head.dep_ == "prep" \
            and tok.head.lower_ in ("at", "on", "upon"):
        asker = prep_object(tok, {"of"})  # "X, at the request of Y, will ...": Y asked X
        verb = tok.head.head
        doer = subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if asker is not None and doer is not None:
            return resolve_all(article, asker), resolve_all(article, doer)
    between = prep_object(tok, {"between"})
    if not sources and between is not None:
        parties = resolve_all(article, between)
        if len(parties) >= 2:
            return parties[:1], parties[1:]
    if not sources and entry.type != "CONSULT":  # "Syrian talks" are about Syria, not by it
        dem = demonym_modifier(article, tok)
        if dem is not None:
            sources = [dem]
    if not sources:
        verb = _light_verb(tok)
        s = subject(verb) if verb is not None else None
        if s is not None:
            sources = resolve_all(article, s)
    if entry.type != "REQUEST":
        preps = {"with", "to"} if entry.frame == "consult" else {"on", "against", "at", "into", "with", "to"}
        if entry.type not in ("CONSULT", "AGREE", "AID", "MOBILIZE"):
            preps = preps | {"of"}
        t = prep_object(tok, preps)
        if t is not None:
            targets = resolve_all(article, t)
            if not targets:
                own = owner(article, t)  # "protests against the king's rule"
                targets = [own] if own is not None else []
    if not sources and entry.frame == "consult" and tok.dep_ == "pobj" \
            and tok.head.lower_ in ("in", "during", "at"):
        verb = tok.head.head  # "Putin, in a video call with Tokayev, supported ..."
        s = subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if s is None and verb.dep_ == "ccomp":  # "During a call with X, '...', the Kremlin said"
            s = subject(verb.head)
        if s is not None:
            sources = resolve_all(article, s)
    if not sources and entry.frame == "consult" and targets and last_source:
        prev = last_source[0]
        if prev.country and all(prev.country != t.country for t in targets):
            sources = [prev]
    return sources, targets


#: Prepositions through which a nominal trigger is still the light verb's object ("a round of talks",
#: "took part in talks"); others ("after a clash", "despite the strikes") give circumstances, whose
#: parties the light verb's subject is not.
_LIGHT_PREPS = {"of", "in"}


def _light_verb(tok):
    """The light verb a nominal trigger is the object of, directly or through "of" ("held talks",
    "wrapped up 11 days of drills"), or None."""
    light = cues().get("light", frozenset()) | {"reach", "sign", "agree"}
    t = tok
    for _ in range(4):
        if t.dep_ not in ("dobj", "attr", "pobj", "prep", "compound") or t.head is t:
            return None
        if t.dep_ == "prep" and t.lower_ not in _LIGHT_PREPS:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t if t.lemma_.lower() in light else None
    return None


def _object_of_governing(tok):
    prep = tok.head
    if prep.dep_ == "prep" and prep.head.pos_ == "VERB":
        return direct_object(prep.head)
    return None


def complement_targets(article: Article, comp) -> list[Arg]:
    """Who a threatened or refused act is aimed at: its object, a target preposition, or the party of
    its object ("threatened to abandon rapprochement with Seoul")."""
    obj = direct_object(comp)
    obj_prep = prep_object(obj, {"with", "against", "on", "to"}) if obj is not None else None
    for cand in (obj, prep_object(comp), obj_prep):
        if cand is None:
            continue
        found = [a for a in resolve_all(article, cand) if a.country and not a.generic]
        if found:
            return found
    own = owner(article, obj) if obj is not None else None
    return [own] if own is not None else []


def complement(tok):
    return next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
                 and c.i > tok.i), None)  # a clause before the verb is not what it says or agrees to
