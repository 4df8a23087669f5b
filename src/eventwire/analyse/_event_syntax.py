"""Reading event arguments off the dependency parse: a clause's subject, passive subject, "by" agent,
direct object, prepositional object and possessor, and a token's conjuncts.  Parse only: which actor a
token names is :mod:`._event_args`' job."""
from __future__ import annotations

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
#: Prepositions whose object is the target of an action ("fired on crowds", "talks with Iran").
TARGET_PREPS = {"on", "against", "with", "at", "to", "into", "toward", "towards", "upon", "over"}
#: Clause relations through which a trigger inherits the subject of the verb that governs it.
INHERIT = {"xcomp", "conj", "advcl", "pcomp"}


def subject(tok):
    """The subject of the clause of verb ``tok`` (climbing through xcomp/conj/advcl when it has none)."""
    t = tok
    for _ in range(4):
        for c in t.children:
            if c.dep_ in SUBJ:
                if c.tag_ in ("WP", "WDT") and t.dep_ == "relcl":  # "supporters, who clashed with ..."
                    return t.head
                return c
        if t.dep_ in INHERIT and t.head is not t:
            t = t.head
            continue
        if t.dep_ == "relcl":  # "the police, who arrested ..."
            return t.head
        break
    return None


def passive_subject(tok):
    """The passive subject of verb ``tok`` ("the protesters were arrested"), or None."""
    return next((c for c in tok.children if c.dep_ in PASS_SUBJ), None)


def agent(tok):
    """The object of a "by" agent phrase of a passive verb or a nominal ("attacks by militants")."""
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def direct_object(tok):
    """The first nominal direct object, dative or attribute of ``tok``, or None."""
    for dep in ("dobj", "dative", "attr"):
        for c in tok.children:
            if c.dep_ == dep and c.pos_ in ("NOUN", "PROPN", "PRON"):
                return c
    return None


def prep_object(tok, preps: set[str] = TARGET_PREPS):
    """The object of the first target preposition attached to ``tok`` (or to its particle)."""
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def possessor(tok):
    """The possessor of noun ``tok`` ("Russia's strikes"), or None."""
    return next((c for c in tok.children if c.dep_ == "poss"), None)


def with_conjuncts(tok) -> list:
    """``tok`` and the tokens coordinated with it ("Putin and Erdogan")."""
    if tok is None:
        return []
    out = [tok] + [c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON")]
    for c in tok.children:  # "Britain, the United States and ...": a list parsed as an apposition
        if c.dep_ == "appos" and c.pos_ == "PROPN" and tok.pos_ == "PROPN" and c.conjuncts:
            out.append(c)
    return out
