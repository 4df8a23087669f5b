"""Commitments and demands: acts a party announces or offers (a pledge, a threat, a refusal), obligations
a reporter lays on another party (a demand), coercive acts a speaker says will happen (a threat), and
troops sent where a government asked for them (aid)."""
from __future__ import annotations

from ..model import Article, Event
from . import _event_records as rec
from ._event_args import resolve, resolve_all
from ._event_frames import nominal_args, verbal_args
from ._event_lexicon import CONFLICT, Entry, cues
from ._event_syntax import SUBJ, subject
from ._event_triggers import _has_neg


#: Nominal types that an offer or pledge does not turn into their own event ("offered talks" = AGREE).
COOPERATIVE = {"CONSULT", "AID", "COOPERATE", "AGREE", "RETREAT", "CONCEDE"}

#: Types whose announcement by their doer ("said they would boycott", "is prepared to impose") is a threat.
_FORCEFUL = CONFLICT | {"PROTEST"}


def offer_events(article: Article, tok, entry: Entry) -> list[rec.Found] | None:
    """A cooperative act its doer announces ("Iraq said it would allow ...", "the UN will send ...")
    or offers ("Syria is willing to withdraw ..."): a pledge, AGREE of the doer (CONCEDE for a release
    or pullback, after the dev conventions), aimed at the named party of the act if there is one; an
    announced or offered act of force or protest is a THREATEN of its doer; an announced refusal is
    a refusal (REJECT).  None when ``tok`` is no such act (the caller goes on with the trigger)."""
    if entry.type not in COOPERATIVE and entry.type not in _FORCEFUL and entry.type not in ("REJECT", "SUPPORT"):
        return None
    act = tok  # the verb of the announced act ("would impose sanctions": impose)
    if entry.pos == "NOUN":
        if tok.dep_ != "dobj" or tok.head.pos_ != "VERB" or entry.type in COOPERATIVE or entry.type == "SUPPORT":
            return None
        act = tok.head
    if _has_neg(act):
        return None
    c = cues()
    subj = None
    if act.dep_ == "xcomp" and act.head.pos_ == "ADJ" and act.head.lemma_.lower() in c.get("willing", ()):
        cop = act.head.head
        if _has_neg(cop) or _has_neg(act.head):
            return []
        subj = next((x for x in cop.children if x.dep_ in SUBJ), None)
    elif any(x.dep_ == "aux" and x.lower_ in c.get("future", ()) for x in act.children):
        if any(x.dep_ == "mark" and x.lower_ in c.get("condition", ()) for x in act.children):
            return []  # "if it will ...": a condition, not a pledge
        if act.dep_ == "ccomp" and (act.head.lemma_.lower() not in c.get("report", ()) or _has_neg(act.head)):
            return None
        if act.dep_ not in ("ROOT", "ccomp"):
            return None
        subj = subject(act)
    else:
        return None
    sources = [a for a in resolve_all(article, subj) if a.country and not a.generic]  # a named doer
    if not sources:
        return []
    targets = nominal_args(article, tok, entry, [])[1] if act is not tok else []
    if not targets:
        targets = verbal_args(article, act, entry)[1]
    # the party the act is aimed at; the doer's own forces ("withdraw its troops") are not one
    targets = [t for t in targets if t.country and (t.actor is not None or not t.generic) and t.role != "MIL"
               and all(t.country != s.country or t.actor != s.actor and t.actor is not None for s in sources)]
    kind = "THREATEN" if entry.type in _FORCEFUL else "CONCEDE" if entry.type in ("RETREAT", "CONCEDE") \
        else "REJECT" if entry.type == "REJECT" else "AGREE"  # "will ignore the offer" rejects it now
    pledge = Entry(entry.lemma, entry.needs, "VERB", kind, "pledge", rec.type_cameo(kind), "commit")
    return [rec.Found(pledge, kind, tok, s, t) for s in sources for t in (targets or [None])]


def announced_force(article: Article, tok, entry: Entry) -> list[rec.Found]:
    """A coercive act a speaker says will happen ("X said its forces will strike Y") is a THREATEN event
    of the speaker against the act's target; other non-factual triggers give nothing."""
    if entry.type not in CONFLICT or entry.pos != "VERB" or tok.dep_ != "ccomp":
        return []
    if not any(c.lower_ in ("will", "'ll") and c.dep_ == "aux" for c in tok.children):
        return []
    head = tok.head
    if head.lemma_.lower() not in cues().get("report", ()) or _has_negation(head):
        return []
    speakers = [a for a in resolve_all(article, subject(head)) if a.country]
    targets = [a for a in verbal_args(article, tok, entry)[1] if a.country]
    if not speakers or not targets or any(t.country == speakers[0].country for t in targets):
        return []
    threat = Entry(entry.lemma, entry.needs, "VERB", "THREATEN", None, rec.type_cameo("THREATEN"), "speech")
    return [rec.Found(threat, "THREATEN", tok, speakers[0], t) for t in targets]


def _has_negation(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def demands(article: Article, sent, triggers: dict[int, Entry]) -> list[rec.Found]:
    """"Russia said Sudan must return the helicopter": a reported obligation laid on another party is a
    demand (REQUEST) of the reporter on that party."""
    c = cues()
    out: list[rec.Found] = []
    for tok in sent:
        if tok.dep_ != "ccomp" or tok.pos_ not in ("VERB", "AUX") or tok.head.i in triggers:
            continue
        head = tok.head
        if head.lemma_.lower() not in c.get("report", ()) or _has_neg(head) or _has_neg(tok):
            continue
        if not any(x.dep_ == "aux" and x.lower_ in c.get("obligation", ()) for x in tok.children):
            continue
        speakers = [a for a in resolve_all(article, subject(head)) if a.country and not a.generic]
        obliged = subject(tok)
        party = resolve(article, obliged) if obliged is not None and obliged.pos_ != "PRON" else None
        if not speakers or party is None or not party.country or party.generic \
                or any(party.country == s.country and party.actor == s.actor for s in speakers):
            continue
        entry = Entry(tok.lemma_.lower(), (), "VERB", "REQUEST", "demand", rec.type_cameo("REQUEST"), "speech")
        out.extend(rec.Found(entry, "REQUEST", tok, s, party) for s in speakers)
    return out


def requested_aid(events: list[Event]) -> None:
    """Troops a party sends where a government asked it to (a REQUEST of that government to the sender
    elsewhere in the article) are AID to that government, not a show of force (dev conventions)."""
    for ev in events:
        if ev.type != "MOBILIZE" or not ev.source_country:
            continue
        asker = next((r for r in events if r.type == "REQUEST" and r.target_country == ev.source_country
                      and r.source_country and r.source_country != ev.source_country
                      and ev.target_country in (None, r.source_country)), None)
        if asker is not None:
            ev.type, ev.cameo = "AID", rec.type_cameo("AID")
            ev.target, ev.target_country, ev.target_role = asker.source, asker.source_country, asker.source_role
