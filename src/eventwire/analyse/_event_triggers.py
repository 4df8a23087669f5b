"""Trigger finding and fact filtering for the events stage: which tokens of a parsed sentence are PLOVER
event triggers (from ``knowledge/plover_lexicon.tsv``), and whether what they report happened (not
negated, not hypothetical, not a plan, not a denial)."""
from __future__ import annotations

from ._event_lexicon import Entry, cues, lexicon

#: Relations that make a clause the content of the verb above it.
CONTENT = {"xcomp", "ccomp", "advcl", "pcomp", "acl", "relcl", "pobj", "dobj", "nsubj", "conj", "prep"}


def _pos(tok) -> str | None:
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def _time_phrase(tok) -> bool:
    """A preposition whose object is a date or time ("on Tuesday", "for two weeks"): it completes no
    multiword trigger ("called X ... on Tuesday" is no "call on")."""
    return tok.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in tok.children)


def _near_lemmas(tok) -> set[str]:
    """Lemmas of the dependents of ``tok`` and of their dependents (the words a multiword trigger needs)."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB":
            out.add(c.lemma_.lower())  # "gave the envoy 48 hours to leave": the clause's verb only
            continue
        if c.dep_ in ("relcl", "ccomp", "advcl", "conj", "acl", "xcomp") or _time_phrase(c):
            continue
        out.add(c.lemma_.lower())
        out.add(c.lower_)
        for g in c.children:
            if g.dep_ in ("relcl", "ccomp", "advcl", "conj", "acl"):
                continue
            out.add(g.lemma_.lower())
            out.add(g.lower_)
            if c.dep_ in ("dobj", "nsubjpass", "prt", "prep") and g.dep_ in ("prep", "pobj"):
                # "declared a state of emergency", "pulled out of talks"
                out.update(x.lemma_.lower() for x in g.children if x.dep_ in ("pobj", "prep"))
                out.update(x.lemma_.lower() for p in g.children if p.dep_ == "prep" for x in p.children
                           if x.dep_ == "pobj")
    return out


def _base_forms(word: str) -> list[str]:
    """The word itself and the base forms its regular inflection allows ("staged" -> "stage", "stag";
    "easing" -> "ease", "eas"; "stabbed" -> "stab"), to look up when the lemmatizer got a verb wrong."""
    out = [word]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
                         ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: len(word) - len(suffix)] + repl)
    stem = word[:-2] if word.endswith("ed") else word[:-3] if word.endswith("ing") else ""
    if len(stem) >= 4 and stem[-1] == stem[-2]:
        out.append(stem[:-1])  # a doubled final consonant: "stabbed" -> "stab"
    return out


def match(tok) -> Entry | None:
    """The lexicon entry that ``tok`` triggers, the most specific one whose dependents are all there."""
    pos = _pos(tok)
    if pos is None:
        return None
    lemma = tok.lemma_.lower()
    entries = lexicon().get((lemma, pos))
    if not entries and pos == "VERB":
        for form in _base_forms(tok.lower_):  # the small model's lemmatizer slips ("staged" -> "stag")
            entries = lexicon().get((form, pos))
            if entries:
                lemma = form
                break
    if not entries:
        return None
    near = None
    for e in entries:
        if not e.needs:
            if lemma == "hold" and not any(c.dep_ == "nsubjpass" for c in tok.children):
                continue  # "hold" codes detention only in the passive ("was held")
            return e
        if near is None:
            near = _near_lemmas(tok)
        if all(w in near for w in e.needs):
            return e
    return None


def _has_neg(tok) -> bool:
    neg = cues().get("negation", frozenset())
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in neg and (c.dep_ == "advmod" or
                                                     (c.dep_ in ("det", "preconj", "cc") and c.i < tok.i))):
            return True
    return False


def _aux_kind(tok) -> str | None:
    c = cues()
    for ch in tok.children:
        if ch.dep_ in ("aux", "auxpass", "advmod", "mark", "acomp") or ch.tag_ == "MD":
            w = ch.lower_
            if w in c.get("modal", ()) or (ch.tag_ == "MD" and w in c.get("plan", ())):
                return "modal"
            if ch.dep_ == "mark" and w in c.get("condition", ()):
                return "condition"
            if w in c.get("generic", ()):
                return "generic"
    return None


def _ongoing(tok) -> bool:
    """Whether nominal trigger ``tok`` is what a verb of ending or continuing acts on ("prepare to wrap up
    11 days of drills", "continued their talks"): such an event has taken place."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    t = tok
    for _ in range(3):
        if t.dep_ not in ("dobj", "pobj", "prep") or t.head is t:
            return False
        if t.dep_ == "prep" and t.lower_ != "of":
            return False
        t = t.head
        if t.pos_ == "VERB":
            return t.lemma_.lower() in cues().get("ongoing", ()) and not _has_neg(t)
    return False


def factual(tok, frame: str) -> bool:
    """Whether the trigger ``tok`` reports something that happened or is happening.

    Negated, modal ("could impose"), conditional ("if ... attacked"), planned ("plans to deploy"), denied
    ("denied attacking") and generic statements are not events.  Threats and promises are events even
    though what they announce is in the future.
    """
    c = cues()
    if _has_neg(tok):
        return False
    if _ongoing(tok):
        return True
    kind = _aux_kind(tok)
    if kind in ("condition", "generic"):
        return False
    if tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.lemma_.lower() in c.get("plan", ())
                                               or _aux_kind(tok.head) == "modal" or _has_neg(tok.head)):
        return False  # "further demonstrations were expected", "talks could resume"
    if kind == "modal":
        return False
    t = tok
    for _ in range(4):
        if t.dep_ not in CONTENT or t.head is t:
            break
        head = t.head
        lemma = head.lemma_.lower()
        if t.dep_ in ("xcomp", "ccomp", "pcomp", "advcl", "dobj", "pobj", "prep", "acl", "conj"):
            if lemma in c.get("plan", ()) or lemma in c.get("denial", ()) \
                    or (t.dep_ == "xcomp" and lemma in c.get("negation", ())):  # "failed to reach a deal"
                if t.dep_ == "conj":
                    pass  # coordinated verbs do not inherit each other's plans
                else:
                    return False
            if t.dep_ in ("xcomp", "ccomp", "advcl", "dobj", "attr", "nsubjpass") \
                    and (_has_neg(head) or _aux_kind(head) in ("modal", "condition")):
                return False
        if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in c.get("condition", ()) for m in t.children):
            return False
        t = head
    return True


#: Prepositions that introduce what an act is about ("called for a ceasefire", "accused X of attacking");
#: others ("after an agreement", "despite the talks") introduce circumstances, not content.
CONTENT_PREPS = {"for", "of", "to", "on", "about", "against", "over", "with", "into", "at"}


def governing_trigger(tok, triggers: dict[int, Entry]):
    """The nearest trigger above ``tok`` whose content ``tok`` is (``urged X to release`` -> urge), or None."""
    t = tok
    for _ in range(4):
        if t.head is t or t.dep_ not in CONTENT or t.dep_ in ("conj", "nsubj"):
            return None
        if t.dep_ == "prep" and t.lower_ not in CONTENT_PREPS:
            return None
        t = t.head
        if t.i in triggers:
            return t
    return None
