"""Reading the words around a number in the dependency parse: what is counted (the head noun), what
happened to it (the nearest cue word in the tree), who the count comes from and where.

All functions take spaCy tokens / spans of one sentence; the tables are ``knowledge/figure_*.tsv``.
"""
from __future__ import annotations

from typing import Any

from .. import knowledge
from ._figure_tables import column_map, rows, word_set

Token = Any  # spacy.tokens.Token
Span = Any  # spacy.tokens.Span

#: Entity types that make a number something other than a count of people.
NONCOUNT_ENTS = {"MONEY", "PERCENT", "TIME", "QUANTITY", "ORDINAL", "FAC", "LAW", "PRODUCT", "WORK_OF_ART"}
#: How far (edges in the dependency tree) a cue word may be from the counted noun.
MAX_CUE_DISTANCE = 3
_PARTITIVE_HEADS = {"include", "including", "among"}


@knowledge.cached
def _cues() -> dict[str, tuple[str, str, frozenset[str]]]:
    return {r["lemma"].lower(): (r["category"], r["pos"].upper(), frozenset((r.get("heads") or "").split()))
            for r in rows("figure_cues.tsv")}


@knowledge.cached
def _victims() -> frozenset[str]:
    words = set(word_set("figure_victims.tsv", "victim"))
    for r in rows("demonyms.tsv"):
        for key in ("demonym", "plural"):
            if r.get(key):
                words.add(r[key].lower())
    return frozenset(words)


@knowledge.cached
def _attribution() -> dict[str, str]:
    return column_map("figure_attribution.tsv", "word", "kind")


def noncount_word(word: str) -> bool:
    return word.lower() in word_set("figure_noncount.tsv", "noncount")


def cue_category(tok: Token) -> str | None:
    """The figure category ``tok`` signals ("killed", ..., or "none" for release/deploy words), or None."""
    for key in (tok.lemma_.lower(), tok.lower_):
        entry = _cues().get(key)
        if entry is None:
            continue
        cat, pos, heads = entry
        if heads and tok.head.lemma_.lower() not in heads:
            continue
        if pos == "ANY" or tok.pos_ == pos or (pos == "VERB" and tok.tag_ in ("VBN", "VBD", "VBG")) \
                or (pos == "ADJ" and tok.tag_ == "VBN"):
            return cat
    return None


def is_victim_noun(tok: Token) -> bool:
    """Does ``tok`` name people (civilians, soldiers, Palestinians, a person's name)?"""
    if tok.lower_ in _victims() or tok.lemma_.lower() in _victims():
        return True
    if tok.ent_type_ in ("NORP", "PERSON"):
        return True
    return False


def counted_noun(num: Token, phrase_tokens: set[int]) -> Token | None:
    """The noun a number counts ("36 people" -> people), None when the number stands alone."""
    tok = num
    while tok.head.i in phrase_tokens and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "npadvmod") \
            and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i not in phrase_tokens:
        return tok.head
    # "12 of the protesters": the number is the head, the people are its "of" object
    return None


def of_object(anchor: Token) -> Token | None:
    """The pobj of an "of" attached to ``anchor`` ("12 of the protesters" -> protesters)."""
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def tree_distance(a: Token, b: Token) -> int:
    """Edges between ``a`` and ``b`` in the dependency tree (large if they are in different trees)."""
    pa, pb = _ancestors(a), _ancestors(b)
    depth_b = {t.i: d for d, t in enumerate(pb)}
    for d, t in enumerate(pa):
        if t.i in depth_b:
            return d + depth_b[t.i]
    return 99


def nearest_cue(anchor: Token, sent: Span, skip: set[int]) -> tuple[Token | None, str | None, int]:
    """The cue word closest to ``anchor`` in the tree (ties: a governing word first, then the nearer
    in the text), its category and distance; (None, None, 99) if none is within MAX_CUE_DISTANCE."""
    best: tuple[int, int, int] | None = None
    hit: tuple[Token, str] | None = None
    ancestors = {t.i for t in _ancestors(anchor)}
    for tok in sent:
        if tok.i in skip:
            continue
        cat = cue_category(tok)
        if cat is None:
            continue
        dist = 0 if tok.i == anchor.i else tree_distance(anchor, tok)
        if dist > MAX_CUE_DISTANCE or (dist and (_own_subject(tok, anchor, ancestors)
                                                 or _argument_of_other_verb(anchor, tok, ancestors))):
            continue
        key = (dist, 0 if tok.i in ancestors else 1, abs(tok.i - anchor.i))
        if best is None or key < best:
            best, hit = key, (tok, cat)
    if hit is None:
        return None, None, 99
    return hit[0], hit[1], best[0]


#: How a cue may not hang from the verb whose argument the counted people are: as a clause of its own
#: ("targeted two leaders, detaining one"), unlike "left 20 soldiers dead" or "forced 2 million to flee".
_OWN_CLAUSE = {"advcl", "ccomp", "parataxis", "relcl", "acl"}


def _argument_of_other_verb(anchor: Token, cue: Token, ancestors: set[int]) -> bool:
    """Are the counted people an argument of another verb that the cue only modifies as a clause?"""
    arg = anchor.head if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep" else anchor  # "fire on 3,000"
    if cue.i in ancestors or arg.dep_ not in ("dobj", "nsubj", "nsubjpass", "prep") or arg.head.pos_ != "VERB":
        return False
    verb = arg.head
    if cue_category(verb) not in (None, "none"):
        return False
    step = cue
    while step.head.i != step.i and step.head.i != verb.i:
        step = step.head
    if step.head.i != verb.i:
        return False
    if step.dep_ == "conj" and any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in step.children):
        return True  # "used tear gas on 500 protesters and detained 45 of them"
    return step.dep_ in _OWN_CLAUSE


@knowledge.cached
def _people_verbs() -> frozenset[str]:
    return frozenset(r["lemma"].lower() for r in rows("figure_cues.tsv") if r.get("people_object") == "yes")


def core_argument(noun: Token) -> bool:
    """Is ``noun`` what a cue verb that only acts on people acts on: the object of "abducted 30
    schoolgirls", the subject of "30 miners were killed" (not "held 3 sessions")?"""
    head = noun.head
    if head.pos_ != "VERB" or noun.dep_ not in ("dobj", "nsubjpass", "nsubj"):
        return False
    if noun.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in head.children):
        return False  # "3 bombs killed 20 people": the subject of a transitive use is no victim
    return head.lemma_.lower() in _people_verbs() or head.lower_ in _people_verbs()


def is_irrealis(cue: Token) -> bool:
    """A negated, hypothetical or planned cue ("no one was killed", "could kill", "looking to arrest",
    "a plot to kidnap and execute")."""
    if cue.dep_ == "conj" and cue.head.i != cue.i and cue.head.pos_ == "VERB" and is_irrealis(cue.head):
        return True
    planning = word_set("figure_irrealis.tsv", "irrealis")
    if cue.dep_ in ("xcomp", "acl", "advcl") and cue.head.lemma_.lower() in planning \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return True
    for child in cue.children:
        if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in word_set("figure_modals.tsv", "modal")):
            return True
        if child.dep_ == "aux" and child.lower_ == "to" and cue.tag_ == "VB" and (
                cue.dep_ == "advcl" or (cue.dep_ in ("acl", "relcl") and not is_victim_noun(cue.head))):
            return True  # a purpose or plan: "raided a house to arrest", "a search to detain", not
            # "forced 2 million people to flee"
    return False


def _own_subject(cue: Token, anchor: Token, ancestors: set[int]) -> bool:
    """Does the cue verb state something of another subject ("..., three died") than the counted one?"""
    if cue.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    inside = {t.i for s in subjects for t in s.subtree}
    if anchor.i in inside:
        return False
    if cue.i in ancestors:  # governing: only through a clause of its own ("left 12 dead, 40 missing")
        step = anchor
        while step.head.i != cue.i:
            step = step.head
        return step.dep_ in ("ccomp", "conj", "advcl", "parataxis")
    return True


def count_noun(anchor: Token, sent: Span) -> Token | None:
    """A word near ``anchor`` that stands for a count ("put that number at 140,000", "the number of
    displaced people has reached 200,000"), or None."""
    for t in sent:
        if t.lemma_.lower() in word_set("figure_count_nouns.tsv", "count_noun") and t.dep_ != "compound" \
                and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in t.children) \
                and tree_distance(anchor, t) <= MAX_CUE_DISTANCE + 2:
            return t
    return None


def category_within(tok: Token) -> str | None:
    """The category of the first cue inside ``tok``'s "of" object ("the number of displaced people")."""
    obj = of_object(tok)
    if obj is None:
        return None
    for t in obj.subtree:
        cat = cue_category(t)
        if cat not in (None, "none"):
            return cat
    return None


def definite(tok: Token) -> bool:
    """Does ``tok`` carry a definite determiner or a possessive ("the insurgents", "their men")?"""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "these", "those"))
               for c in tok.children)


def partitive_head(anchor: Token) -> Token | None:
    """For a breakdown ("36 people, including 15 children"), the noun or number it breaks down."""
    if anchor.dep_ == "pobj" and (anchor.head.lemma_.lower() in _PARTITIVE_HEADS
                                  or anchor.head.lower_ in _PARTITIVE_HEADS):
        prep = anchor.head
        if prep.head.i != prep.i:
            return prep.head
    return None


def in_breakdown(anchor: Token, totals: set[int]) -> bool:
    """Is ``anchor`` placed as a part of a total counted earlier in its sentence (tokens ``totals``):
    in an "including"/"among" phrase, in apposition, or the subject of "of the 40 dead, 18 were ..."?"""
    for tok in _ancestors(anchor)[:4]:
        if tok.dep_ == "appos" and tok.head.i in totals:
            return True
        if tok.dep_ == "prep" and tok.lower_ in _PARTITIVE_HEADS:
            return True
    head = anchor.head
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i < anchor.i \
                and any(t.i in totals for t in child.subtree):
            return True
    return False


def noun_phrase_text(noun: Token, exclude: set[int]) -> str:
    """The counted noun with its left modifiers ("Indian soldiers", "PIJ members"), numbers left out."""
    keep = {noun.i}
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i not in exclude \
                and child.pos_ not in ("NUM", "DET") and not child.like_num:
            keep.update(t.i for t in child.subtree if t.i not in exclude and t.pos_ not in ("VERB", "AUX"))
    first = noun.i
    while first - 1 in keep:  # the contiguous modifiers right before the noun
        first -= 1
    return noun.doc[first:noun.i + 1].text


def _says(verb: Token) -> bool:
    """Is ``verb`` a source speaking: a saying verb governing a clause ("police said ..."), or a verb
    whose object is the count ("the ministry put the toll at 34"); not "the clashes claimed 17 lives"."""
    kind = _attribution().get(verb.lemma_.lower())
    if kind == "count":
        return True
    return kind == "verb" and any(c.dep_ in ("ccomp", "parataxis", "advcl", "xcomp") or
                                  (c.dep_ == "dobj" and verb.lemma_.lower() in ("cite", "quote"))
                                  for c in verb.children)


def is_source(anchor: Token) -> bool:
    """Is ``anchor`` the subject of a saying verb ("several officials reported ...")?"""
    return anchor.dep_ == "nsubj" and _says(anchor.head)


#: Marks a count attributed to a pronoun ("it also said"): the caller resolves it to an earlier source.
PRONOUN_SOURCE = "<pronoun>"


def attribution(anchor: Token, sent: Span) -> str | None:
    """Who the count comes from: "according to X", "cited X as saying", or the subject of a saying verb
    governing it; :data:`PRONOUN_SOURCE` when that subject is a pronoun."""
    for tok in sent:
        if tok.lower_ == "according":
            for prep in tok.children:
                if prep.lower_ == "to":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return _subtree_text(obj)
    verbs = [t for t in _ancestors(anchor)[1:] if _says(t)]
    if sent.root not in verbs and _says(sent.root):
        verbs.append(sent.root)  # "..., police said." with the count in a clause
    pronoun = False
    for verb in verbs:
        if verb.lemma_.lower() in ("cite", "quote"):  # "the paper cited the army as saying"
            for child in verb.children:
                if child.dep_ == "dobj" and child.pos_ != "PRON":
                    return _subtree_text(child)
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.pos_ != "PRON":
                    return _subtree_text(child)
                pronoun = True
    return PRONOUN_SOURCE if pronoun else None


def earlier_source(sent: Span, back: int = 3) -> str | None:
    """The last named subject of a saying verb in the ``back`` sentences before ``sent`` (what "it" in
    "it also said" stands for)."""
    doc = sent.doc
    start = sent.start
    for _ in range(back):
        if start == 0:
            return None
        prev = doc[start - 1].sent
        start = prev.start
        for tok in reversed(list(prev)):
            if _says(tok):
                for child in tok.children:
                    if child.dep_ == "nsubj" and child.pos_ != "PRON":
                        return _subtree_text(child)
        for tok in prev:
            if tok.lower_ == "according":
                for prep in tok.children:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return _subtree_text(obj)
    return None


def _subtree_text(tok: Token) -> str:
    """A source's name: its phrase without a trailing date ("state media on Saturday"), a relative
    clause or an apposition; a named apposition replaces a common noun ("an activist group, the
    Syrian Observatory" -> "Syrian Observatory")."""
    drop: set[int] = set()
    for child in tok.children:
        if child.i < tok.i:
            continue
        if child.dep_ == "appos":
            if tok.pos_ != "PROPN" and any(t.pos_ == "PROPN" for t in child.subtree):
                return _subtree_text(child)
            drop.update(t.i for t in child.subtree)
        elif child.dep_ in ("relcl", "npadvmod") or (child.dep_ == "acl" and child.tag_ == "VBG") or (
                child.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)):
            drop.update(t.i for t in child.subtree)
    toks = [t for t in tok.subtree if t.i not in drop and t.dep_ != "punct"]
    while toks and toks[0].dep_ == "det":
        toks = toks[1:]
    if not toks:
        return tok.text
    end = toks[0].i
    while end + 1 <= toks[-1].i and end + 1 not in drop:  # contiguous from the start
        end += 1
    return tok.doc[toks[0].i:end + 1].text.strip(" ,")


_PLACES = ("GPE", "LOC", "FAC")


def _place_text(ent: Span) -> str:
    text = ent.text
    text = text[:-2] if text.endswith(("'s", "’s")) else text
    return text[4:] if text.startswith("the ") else text


def location(anchor: Token, cue: Token | None, sent: Span, skip_text: str | None,
             skip: tuple[int, int] | None = None) -> str | None:
    """The place the count refers to: a place entity attached to the cue or the counted noun, else the
    first place named in the sentence (outside the attribution and the victims, ``skip`` being the
    figure's character span), else the last place named earlier in the paragraph, else the place the
    article names most."""
    places = [e for e in sent.ents if e.label_ in _PLACES
              and not (skip and skip[0] <= e.start_char < skip[1])]
    if skip_text:
        places = [e for e in places if e.text not in skip_text]
    near = {anchor.i} | ({cue.i} if cue is not None else set())
    for ent in places:
        for tok in _ancestors(ent.root)[1:4]:
            if tok.i in near:
                return _place_text(ent)
    if places:
        return _place_text(places[0])
    return _place_before(sent) or _main_place(sent.doc)


def _place_before(sent: Span) -> str | None:
    """The last place named before ``sent`` in its paragraph."""
    doc = sent.doc
    para = doc.text.rfind("\n\n", 0, sent.start_char)
    before = [e for e in doc.ents if e.label_ in _PLACES and para < e.start_char < sent.start_char]
    return _place_text(before[-1]) if before else None


def _main_place(doc: Any) -> str | None:
    """The place the article names most often (first named on a tie)."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC"):
            name = _place_text(ent)
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None
