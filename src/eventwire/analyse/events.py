"""The events stage: PLOVER-coded events from the dependency parse.

For each sentence, triggers (verbs and nominalisations listed in ``knowledge/plover_lexicon.tsv``) are
found and checked for factuality (not negated, modal, conditional, planned or denied: see
``knowledge/event_cues.tsv``).  Each trigger's frame says where its arguments are: subjects, objects,
prepositional and passive agents, coordinated subjects (one event per source), possessives and demonyms
on nominal triggers, "with X" for meetings.  Arguments are mapped to the actors stage's actors through
their mentions (:func:`spans.actors_at`), else to a country named in the phrase.  Dates come from the
clause's date expression (:mod:`.dates`), the location from the sentence's place names.  Mentions of the
same event (type, source, target, date) are merged, keeping every evidence span, and events stated by a
quote are linked to it.
"""
from __future__ import annotations

from ..model import Article, Event
from ..settings import Settings
from . import _event_records as rec
from . import dates
from ._event_args import (SUBJ, Arg, addressee, agent, demonym_modifier, direct_object, main_country,
                          owner, passive_subject, possessor, prep_object, resolve, resolve_all, subject)
from ._event_lexicon import CONFLICT, Entry, agent_nouns, country_in, cues
from ._event_speech import speech_events
from ._event_triggers import _has_neg, factual, governing_trigger, match

NEEDS: set[str] = {"ner", "parser", "lemmatizer"}

#: Types whose embedded clause is the content of the act (a request, a promise, a refusal, a threat):
#: the embedded trigger is not an event of its own.
_CONTENT_TYPES = {"REQUEST", "AGREE", "REJECT", "THREATEN", "CONCEDE"}


def run(article: Article, settings: Settings) -> Article:
    """Fill ``article.events`` from the parsed Doc in ``article.cache["doc"]``."""
    doc = article.cache.get("doc")
    if doc is None or not article.text:
        return article
    hint_year = rec.hint_year(article)
    events, dating = _code_sentences(article, doc, hint_year)
    if article.cache.pop("events_pair_missed", False) and article.cache.get("events_first_pair"):
        # "the two sides" before the article names them (a lead that sums up): code again, reading such
        # references as the first pair of parties found
        article.cache["events_last_pair"] = article.cache["events_first_pair"]
        events, dating = _code_sentences(article, doc, hint_year)
    for kind, source, target, tok, _qi in speech_events(article):
        if target is None and rec.dyadic(kind):
            # a judgement's counterpart: the nearest actor of another country in the sentence or the
            # one before; a judgement of nobody in particular is not coded
            target = _salient_other(article, tok, [source], other_country=True)
            if target is None:
                continue
        entry = Entry(tok.lemma_.lower(), (), "VERB", kind, "criticize" if kind == "ACCUSE" else "praise",
                      rec.type_cameo(kind), "speech")
        ev = rec.to_event(article, rec.Found(entry, kind, tok, source, target), hint_year)
        if ev.date is None and dates.governing_expression(tok) is None:
            ev.date = dating.inherited(tok)
        events.append(ev)
    _requested_aid(events)
    article.events = rec.dedup(events, article.cache.get("events_periods"))
    rec.link_quotes(article)
    return article


def _requested_aid(events: list[Event]) -> None:
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


# --------------------------------------------------------------------------------------------- coding


def _code_sentences(article: Article, doc, hint_year: int | None) -> tuple[list[Event], "rec.Dating"]:
    """Events of every sentence, in text order, and the dating state after reading them all."""
    events: list[Event] = []
    last_source: list[Arg] = []
    dating = rec.Dating(article, hint_year)
    periods: dict[int, str] = {}
    article.cache["events_periods"] = periods
    for sent in doc.sents:
        dating.see(sent)
        for found in _code_sentence(article, sent, last_source):
            ev = rec.to_event(article, found, hint_year)
            expr = dates.governing_expression(found.tok)
            if ev.date is None:
                ev.date = dating.anaphoric(found.tok) if expr is not None else dating.inherited(found.tok)
            if ev.date is None and expr and found.source.actor is not None and not found.source.generic:
                # "last month": a period that tells two occurrences of named parties' acts apart
                periods[id(ev)] = " ".join(expr.lower().split())
            events.append(ev)
    return events, dating


def _code_sentence(article: Article, sent, last_source: list[Arg]) -> list[rec.Found]:
    triggers: dict[int, Entry] = {}
    for tok in sent:
        entry = match(tok)
        if entry is not None:
            triggers[tok.i] = entry
    _prefer_nouns(sent, triggers)
    out: list[rec.Found] = []
    for i, entry in triggers.items():
        tok = sent.doc[i]
        gov = governing_trigger(tok, triggers)
        if gov is not None:
            g = triggers[gov.i]
            if entry.pos == "NOUN" or g.type in _CONTENT_TYPES or g.frame == "commit":
                continue
        offer = _offer(article, tok, entry)
        if offer is not None:
            out.extend(offer)
            continue
        if not factual(tok, entry.frame):
            out.extend(_announced_force(article, tok, entry))
            continue
        found = _frame(article, tok, entry, last_source)  # a failure here is the pipeline's coded E501
        out.extend(found)
        if found:
            last_source[:] = [found[-1].source]
            f = found[0]
            if f.target is not None and (entry.frame in ("consult", "recip") or f.type == "AGREE"):
                article.cache["events_last_pair"] = [f.source, f.target]
                article.cache.setdefault("events_first_pair", [f.source, f.target])
                if f.type == "CONSULT":
                    article.cache["events_consult_pair"] = [f.source, f.target]
            parties = {x.country: x for f in found for x in (f.source, f.target) if x is not None and x.country}
            if entry.frame == "consult" and len(parties) >= 3:
                article.cache["events_last_group"] = list(parties.values())
    out.extend(_demands(article, sent, triggers))
    return out


#: Types whose announcement by their doer ("said they would boycott", "is prepared to impose") is a threat.
_FORCEFUL = CONFLICT | {"PROTEST"}


def _offer(article: Article, tok, entry: Entry) -> list[rec.Found] | None:
    """A cooperative act its doer announces ("Iraq said it would allow ...", "the UN will send ...")
    or offers ("Syria is willing to withdraw ..."): a pledge, AGREE of the doer (CONCEDE for a release
    or pullback, after the dev conventions), aimed at the named party of the act if there is one; an
    announced or offered act of force or protest is a THREATEN of its doer; an announced refusal is
    a refusal (REJECT).  None when ``tok`` is no such act (the caller goes on with the trigger)."""
    if entry.type not in _COOPERATIVE and entry.type not in _FORCEFUL and entry.type not in ("REJECT", "SUPPORT"):
        return None
    act = tok  # the verb of the announced act ("would impose sanctions": impose)
    if entry.pos == "NOUN":
        if tok.dep_ != "dobj" or tok.head.pos_ != "VERB" or entry.type in _COOPERATIVE or entry.type == "SUPPORT":
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
    targets = _nominal_args(article, tok, entry, [])[1] if act is not tok else []
    if not targets:
        targets = _verbal_args(article, act, entry)[1]
    # the party the act is aimed at; the doer's own forces ("withdraw its troops") are not one
    targets = [t for t in targets if t.country and (t.actor is not None or not t.generic) and t.role != "MIL"
               and all(t.country != s.country or t.actor != s.actor and t.actor is not None for s in sources)]
    kind = "THREATEN" if entry.type in _FORCEFUL else "CONCEDE" if entry.type in ("RETREAT", "CONCEDE") \
        else "REJECT" if entry.type == "REJECT" else "AGREE"  # "will ignore the offer" rejects it now
    pledge = Entry(entry.lemma, entry.needs, "VERB", kind, "pledge", rec.type_cameo(kind), "commit")
    return [rec.Found(pledge, kind, tok, s, t) for s in sources for t in (targets or [None])]


def _demands(article: Article, sent, triggers: dict[int, Entry]) -> list[rec.Found]:
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


def _announced_force(article: Article, tok, entry: Entry) -> list[rec.Found]:
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
    targets = [a for a in _verbal_args(article, tok, entry)[1] if a.country]
    if not speakers or not targets or any(t.country == speakers[0].country for t in targets):
        return []
    threat = Entry(entry.lemma, entry.needs, "VERB", "THREATEN", None, rec.type_cameo("THREATEN"), "speech")
    return [rec.Found(threat, "THREATEN", tok, speakers[0], t) for t in targets]


def _has_negation(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


#: Nominal types that an offer or pledge does not turn into their own event ("offered talks" = AGREE).
_COOPERATIVE = {"CONSULT", "AID", "COOPERATE", "AGREE", "RETREAT", "CONCEDE"}


def _prefer_nouns(sent, triggers: dict[int, Entry]) -> None:
    """"offered criticism", "voiced support": a speech-act noun that is the object of a light verb
    trigger codes the event; the verb's own entry is dropped."""
    light = cues().get("light", frozenset())
    for i, entry in list(triggers.items()):
        tok = sent.doc[i]
        if entry.pos != "NOUN" or tok.dep_ != "dobj" or entry.type in _COOPERATIVE:
            continue
        head = tok.head
        if head.i in triggers and head.lemma_.lower() in light:
            del triggers[head.i]
            triggers[i] = Entry(entry.lemma, entry.needs, entry.pos, entry.type, entry.mode, entry.cameo, "light")


def _frame(article: Article, tok, entry: Entry, last_source: list[Arg]) -> list[rec.Found]:
    """Events for one factual trigger, by its frame."""
    etype = entry.type
    if entry.pos == "NOUN" and any(c.dep_ == "amod" and c.lower_ in ("joint", "combined") for c in tok.children):
        # "joint drills", "joint investigations": material cooperation between the parties
        entry = Entry(entry.lemma, entry.needs, entry.pos, "COOPERATE", entry.mode, "060", "recip")
        etype = "COOPERATE"
    if entry.pos == "NOUN":
        sources, targets = _nominal_args(article, tok, entry, last_source)
    else:
        sources, targets = _verbal_args(article, tok, entry)
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
        comp = _complement(tok)
        if comp is not None:
            targets = _complement_targets(article, comp)
    if _each_other(tok) and len(sources) == 2:  # "both sides accused each other"
        return [rec.Found(entry, etype, tok, sources[0], sources[1]),
                rec.Found(entry, etype, tok, sources[1], sources[0])]
    sides = targets if entry.frame in ("recip", "consult") else []  # two sides: not one place
    sources = [s for s in (_ground(article, s, tok, avoid=sides) for s in sources) if s is not None]
    if not sources and entry.type in _AUTHORITY_ACTS and passive_subject(tok) is not None and agent(tok) is None \
            and (targets or entry.needs):
        auth = _authority(article, tok)
        sources = [auth] if auth else []
    if not sources and etype == "PROTEST" and entry.pos == "NOUN" and possessor(tok) is None \
            and tok.dep_ not in ("dobj", "attr"):
        crowd = _ground(article, Arg("protesters", None, "CVL", tok.idx, tok.idx, generic=True), tok)
        sources = [crowd] if crowd else []
    if not sources:
        return []
    targets = [t for t in (_ground(article, t, tok, as_target=True) for t in targets) if t is not None]
    if entry.lemma == "protest" and entry.pos == "VERB" and _is_state(article, sources[0]):
        etype = "ACCUSE"
    if etype in ("ASSAULT", "COERCE") and entry.lemma in cues().get("crowd", ()) and _crowd(article, sources[0]):
        etype = "PROTEST"  # "protesters stormed the parliament": a violent protest, aimed at its owner
    if etype == "MOBILIZE":
        helped = _requester(article, tok)
        if helped is not None:
            etype, targets = "AID", [helped]
    if entry.frame == "consult" and len(sources) >= 3 and not targets:
        place = _meeting_place(article, tok)  # a multilateral meeting: the host is the target
        host = [x for x in sources if place and x.country == place]
        if host:
            targets = host[:1]
            sources = [x for x in sources if x.country != place]
    if etype == "PROTEST":  # "the Hong Kong protests", "Iraq's protests": the country's protesters
        sources = [Arg("protesters", x.country, "CVL", x.start, x.end, None, True)
                   if _is_country(article, x) else x for x in sources]
    if etype == "PROTEST" and not targets:
        s = sources[0]
        if s.country:
            targets = [Arg("government", s.country, "GOV", s.start, s.start, generic=True)]
    pledge_alone = False
    if entry.frame == "commit" and etype == "AGREE" and not targets and len(sources) == 1 \
            and _complement(tok) is not None:
        # "agreed to postpone the rally": the party nearby if any, else a pledge to no one in particular
        other = _salient_other(article, tok, sources)
        targets, pledge_alone = ([other], False) if other is not None else ([], True)
    return _pairs(article, entry, etype, tok, sources, targets, one_way,
                  undirected=entry.mode == "praise" and _thing_object(article, tok) or pledge_alone)


def _thing_object(article: Article, tok) -> bool:
    """Whether verb ``tok`` praises a thing that belongs to no actor ("welcomed the agreement",
    "commended the deal"): such an endorsement is coded with no target, not with a bystander."""
    obj = direct_object(tok)
    return obj is not None and obj.pos_ == "NOUN" and resolve(article, obj) is None \
        and owner(article, obj) is None


#: Types whose agentless passives ("were arrested", "the curfew was lifted", "were released") are acts of
#: the authorities the article makes clear (dev conventions).
_AUTHORITY_ACTS = {"COERCE", "CONCEDE", "RETREAT"}


#: Types that two coordinated subjects do to each other ("India and China pulled back their troops").
_MUTUAL = {"AGREE", "RETREAT", "COOPERATE", "ASSAULT"}


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
        other = _salient_other(article, tok, sources)
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


def _verbal_args(article: Article, tok, entry: Entry) -> tuple[list[Arg], list[Arg]]:
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
            sources = _nominal_args(article, src_tok, sub, [])[0]
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


def _nominal_args(article: Article, tok, entry: Entry, last_source: list[Arg]) -> tuple[list[Arg], list[Arg]]:
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


def _each_other(tok) -> bool:
    """Whether the trigger's object is "each other" or "one another"."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj") and c.lower_ in ("other", "another")), None)
    if obj is None:
        return False
    return (obj.lower_ == "other" and any(c.lower_ == "each" for c in obj.children)) or \
        (obj.lower_ == "another" and any(c.lower_ == "one" for c in obj.children))


def _salient_other(article: Article, tok, sources: list[Arg], same_sentence: bool = False,
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
    for lo, hi in spans:
        best: tuple[int, int, int] | None = None
        for i, a in enumerate(article.actors):
            if a.name in names or not a.country or any(x.actor == i for x in sources) or \
                    (other_country and a.country in countries):
                continue
            for s, e in a.mentions:
                if lo <= s < hi and not any(x.start <= s < x.end for x in sources):
                    d = abs(s - tok.idx)
                    if best is None or d < best[0]:
                        best = (d, i, s)
        if best is not None:
            a = article.actors[best[1]]
            return Arg(a.name, a.country, a.role, best[2], best[2], best[1])
    return None


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


def _complement_targets(article: Article, comp) -> list[Arg]:
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


def _complement(tok):
    return next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
                 and c.i > tok.i), None)  # a clause before the verb is not what it says or agrees to


def _commit_type(article: Article, tok, entry: Entry) -> tuple[str, Arg | None]:
    """A promise's type from what is promised: force -> THREATEN, a release or easing -> CONCEDE."""
    comp = _complement(tok)
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


def _ground(article: Article, arg: Arg, tok, as_target: bool = False, avoid: list[Arg] = ()) -> Arg | None:
    """Give a country to a generic argument ("police", "protesters") from the sentence's place or the
    article's main country; drop arguments with no country at all.  A place named inside one of the
    ``avoid`` arguments (the event's targets: "drills with warplanes from South Korea") is the other
    party's, not the generic source's: such a source stays unknown and is dropped."""
    if arg.country:
        return arg
    if not arg.generic:
        # a named organization of no country ("Amnesty International") acts as itself
        named = arg.actor is not None and article.actors[arg.actor].kind == "organization"
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


def _authority(article: Article, tok) -> Arg | None:
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


def _crowd(article: Article, arg: Arg) -> bool:
    """Whether an argument is a civilian crowd: its head noun is a civilian agent noun ("angry
    protesters", "rioters")."""
    words = arg.name.lower().split()
    if not words:
        return False
    head = words[-1]
    roles = agent_nouns()
    return any(roles.get(w) == "CVL" for w in (head, head.rstrip("s"), head[:-2] if head.endswith("es") else head))


def _is_state(article: Article, arg: Arg) -> bool:
    """Whether an argument is a state or its government (whose protest is diplomatic: ACCUSE)."""
    if arg.actor is not None:
        a = article.actors[arg.actor]
        return a.kind == "state" or a.role == "GOV"
    found = country_in(arg.name)
    return not arg.generic and found is not None and found[0].lower() == arg.name.lower().strip()


def _meeting_place(article: Article, tok) -> str | None:
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


def _is_country(article: Article, arg: Arg) -> bool:
    """A state itself, or a named party with no actor of its own (not a person or group)."""
    if arg.actor is not None:
        return article.actors[arg.actor].kind == "state"
    return not arg.generic


def _requester(article: Article, tok) -> Arg | None:
    """"at the request of X" / "at X's request" in the trigger's sentence: X."""
    for t in tok.sent:
        if t.lemma_.lower() == "request" and t.pos_ == "NOUN":
            p = possessor(t) or prep_object(t, {"of"})
            if p is not None:
                a = resolve(article, p)
                if a is not None and a.country:
                    return a
    return None
