"""The figures stage: reported numbers of people killed, injured, displaced, arrested, detained or missing.

For every number phrase in a sentence (``_numbers.find_numbers``: digits, words, ranges, vague amounts)
the stage finds, in the dependency parse, what is counted (the head noun: "36 people"; or the number
alone: "over 40 have been killed") and the nearest cue word in the tree ("killed", "dead", "death toll",
"arrests", "fled"...; ``knowledge/figure_cues.tsv``; ``_figure_context``).  Numbers that count no people
(years, ages, money, percentages, weapons, homes), whose nearest cue says something else ("deployed 1,000
troops", "released 200 prisoners"), or whose cue is negated, hypothetical or a plan ("could kill",
"an operation to arrest") are not figures.  "That number" / "the number of displaced people" take the
category from the words they refer to.

A breakdown ("36 people, including 15 children", "two of them") is its own figure with ``part_of``
pointing at its total, so totals are never double counted.  The same count of the same category reported
twice in an article (headline and body) is one figure.  Each figure gets ``victims``, ``location`` (a
place in its sentence, else earlier in the paragraph, else the article's main place), ``attributed_to``
("according to X", "X said") and, when ``article.events`` holds one of a fitting type in the same
sentence (``knowledge/figure_events.tsv``), ``event``.

Vague amounts ("hundreds", "several") and single victims without a number ("killed an insurgent") are only
reported with the ``figures_implicit`` setting: vague ones with ``vague=True`` and ``count=None``, single
ones with count 1.  By default they are left out: the annotation convention records only stated numbers
("vague amounts are not recorded"), and on the dev set keeping them costs precision (figures F1 0.96
without, 0.81 with).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import knowledge
from ..model import Article, Figure
from ..settings import Settings
from . import _figure_context as ctx
from ._figure_tables import column_map
from ._numbers import NumberPhrase, find_numbers, parse_number

NEEDS: set[str] = {"ner", "parser", "lemmatizer"}

_SINGULAR_DETS = {"a", "an", "one", "another"}
_GENERIC = {"people", "person", "individual"}


@knowledge.cached
def _before_number() -> frozenset[str]:
    """Token texts that make the number after them no count (``knowledge/figure_before_number.tsv``)."""
    return frozenset(r["before_number"] for r in knowledge.rows("figure_before_number.tsv") if r["before_number"])


@knowledge.cached
def _event_types() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v.split()) for k, v in column_map("figure_events.tsv", "category", "types").items()}


@dataclass(slots=True)
class _Found:
    """A figure with the parse facts used to relate it to others."""

    figure: Figure
    anchor: Any  # the token standing for what is counted
    implicit: bool = False
    total: int | None = None  # index (in the article's found list) of the total this one breaks down
    who: str | None = None  # lemma of the noun naming the people counted ("soldier"), if any


def run(article: Article, settings: Settings) -> Article:
    """Fill ``article.figures`` from the parsed Doc in ``article.cache["doc"]``."""
    doc = article.cache.get("doc")
    if doc is None or not article.text:
        return article
    implicit = bool(getattr(settings, "figures_implicit", False))
    found: list[_Found] = []
    for sent in doc.sents:
        found.extend(_sentence_figures(sent, found, implicit))
    article.figures = _dedupe(found)
    _link_events(article)
    return article


def _sentence_figures(sent: Any, earlier: list[_Found], implicit: bool) -> list[_Found]:
    tokens = list(sent)
    phrases = find_numbers(tokens)
    out: list[_Found] = []
    claimed: set[int] = set()  # tokens of every number phrase in the sentence
    for ph in phrases:
        claimed.update(tokens[k].i for k in range(ph.first, ph.last + 1))
    for ph in phrases:
        fig = _phrase_figure(sent, tokens, ph, claimed, earlier + out)
        if fig is not None and (not fig.figure.vague or implicit):
            out.append(fig)
    if implicit:
        out.extend(_singular_figures(sent, claimed, out, earlier))
    return out


def _phrase_figure(sent: Any, tokens: list[Any], ph: NumberPhrase, claimed: set[int],
                   earlier: list[_Found]) -> _Found | None:
    """The figure a number phrase states, or None if it counts no people or nothing that happened."""
    num = tokens[ph.head]
    span_ids = {tokens[k].i for k in range(ph.first, ph.last + 1)}
    if _not_a_count(sent, tokens, ph, num):
        return None
    label = _label_of(tokens, ph)
    noun = ctx.counted_noun(num, span_ids) if label is None else None
    anchor = noun if noun is not None else _phrase_root(num, span_ids)
    if not _counts_people(anchor, noun, ph):
        return None
    cue, category = (label, ctx.cue_category(label)) if label is not None else _cue_of(anchor, sent, span_ids)
    total = _breakdown_of(anchor, ph.count, earlier) if label is None else None
    if total is None and noun is None and category not in (None, "none"):
        total = _subset_of(anchor, category, earlier)
    if category is None and total is not None:
        category = total.figure.category
    count_word = ctx.count_noun(anchor, sent) if category is None else None
    if count_word is not None:  # "the number of displaced people", "put that number at 140,000"
        category = ctx.category_within(count_word) or _previous_category(sent)
    if category is None or category == "none" or (cue is not None and ctx.is_irrealis(cue)):
        return None
    victims, who = _victims_of(anchor, noun, claimed)
    if victims is None and noun is None:  # "1,200 people were detained and more than 30 were killed"
        victims = next((f.figure.victims for f in reversed(earlier) if f.who is not None
                        and f.anchor.doc is anchor.doc and f.anchor.sent.start == anchor.sent.start), None)
    last_tok = noun if noun is not None and noun.i > tokens[ph.last].i else tokens[ph.last]
    start, end = tokens[ph.first].idx, last_tok.idx + len(last_tok.text)
    source = _source(anchor, sent, earlier)
    fig = Figure(category=category, count=ph.count, start=start, end=end, evidence=_evidence(sent, start),
                 count_max=ph.count_max, vague=ph.vague, victims=victims,
                 location=ctx.location(anchor, cue, sent, source, (start, end)), attributed_to=source)
    if total is not None and _same_count(total.figure, fig):
        total = None  # "12 of the protesters" after "12 protesters": the same count told again
    if total is not None and (fig.victims or "").lower() in ("them", "those", "these"):
        fig.victims = total.figure.victims  # "two of them"
    return _Found(fig, anchor, total=earlier.index(total) if total is not None else None, who=who)


def _source(anchor: Any, sent: Any, earlier: list[_Found]) -> str | None:
    """The source of a count; in "it said" / "they said", the source named just before (a saying verb's
    subject in the preceding sentences, else the source of the figure before)."""
    source = ctx.attribution(anchor, sent)
    if source == ctx.PRONOUN_SOURCE:
        return ctx.earlier_source(sent) or next(
            (f.figure.attributed_to for f in reversed(earlier) if f.figure.attributed_to), None)
    return source


def _counts_people(anchor: Any, noun: Any, ph: NumberPhrase) -> bool:
    """Does the phrase count people: a people noun ("36 people", "Palestinians", "arrests"), a plural the
    cue acts on ("abducted 30 schoolgirls"), or a bare number not counting things ("one of the bodies")?"""
    if ctx.is_source(anchor):
        return False  # "two officials said ..." counts the sources, not victims
    if noun is not None:
        if ctx.noncount_word(noun.lower_) or ctx.noncount_word(noun.lemma_):
            return False
        return ctx.is_victim_noun(noun) or ctx.cue_category(noun) not in (None, "none") \
            or (noun.tag_ == "NNS" and ctx.core_argument(noun))
    if ph.yearlike:
        return False
    obj = ctx.of_object(anchor)
    return obj is None or obj.pos_ == "PRON" or ctx.is_victim_noun(obj) \
        or ctx.cue_category(obj) not in (None, "none")


def _label_of(tokens: list[Any], ph: NumberPhrase) -> Any:
    """The cue word labelling a number in a list or table ("Deaths: 120 | Injuries: 340"), or None."""
    if ph.first >= 2 and tokens[ph.first - 1].text == ":" \
            and ctx.cue_category(tokens[ph.first - 2]) not in (None, "none"):
        return tokens[ph.first - 2]
    return None


def _cue_of(anchor: Any, sent: Any, span_ids: set[int]) -> tuple[Any, str | None]:
    """The cue word deciding the category, and the category; a noun that is its own cue ("20 hostages")
    gives way to a nearby word that says otherwise ("were released")."""
    cue, category, _ = ctx.nearest_cue(anchor, sent, skip=span_ids - {anchor.i})
    if cue is not None and cue.i == anchor.i:
        other, other_cat, dist = ctx.nearest_cue(anchor, sent, skip=span_ids | {anchor.i})
        if other_cat == "none" and dist <= ctx.MAX_CUE_DISTANCE:
            return other, other_cat
    return cue, category


def _victims_of(anchor: Any, noun: Any, claimed: set[int]) -> tuple[str | None, str | None]:
    """The people counted as written ("Indian soldiers"), and the lemma of their noun."""
    if noun is not None and ctx.cue_category(noun) in (None, "none"):
        return ctx.noun_phrase_text(noun, claimed), noun.lemma_.lower()
    obj = ctx.of_object(anchor)
    if obj is None:
        return None, None
    return ctx.noun_phrase_text(obj, claimed), (obj.lemma_.lower() if obj.pos_ != "PRON" else None)


def _evidence(sent: Any, offset: int) -> str:
    """The sentence holding ``offset``, cut at paragraph breaks the parser did not split at."""
    text = sent.doc.text
    s, e = sent.start_char, sent.end_char
    para_start = text.rfind("\n\n", s, offset)
    para_end = text.find("\n\n", offset, e)
    return text[(para_start + 2 if para_start >= 0 else s):(para_end if para_end >= 0 else e)].strip()


def _previous_category(sent: Any) -> str | None:
    """The category of the last cue word in the sentence before ``sent`` (what "that number" counts)."""
    if sent.start == 0:
        return None
    prev = sent.doc[sent.start - 1].sent
    for tok in reversed(list(prev)):
        cat = ctx.cue_category(tok)
        if cat not in (None, "none"):
            return cat
    return None


def _phrase_root(num: Any, span_ids: set[int]) -> Any:
    tok = num
    while tok.head.i in span_ids and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _not_a_count(sent: Any, tokens: list[Any], ph: NumberPhrase, num: Any) -> bool:
    """Years, ages, money, percentages, times, measures: numbers that count no people."""
    if num.ent_type_ in ctx.NONCOUNT_ENTS and not ph.vague and not (ph.ordinal and num.ent_type_ == "ORDINAL"):
        return True
    after = tokens[ph.last + 1:ph.last + 4]
    if after and (ctx.noncount_word(after[0].text) or after[0].text in ("%", ":")):
        return True
    if len(after) >= 2 and after[0].text in ("-", "–") and after[1].is_alpha and parse_number(after[1].text) is None:
        return True  # a 25-year-old, a 2,000-strong force, a three-day strike
    before = tokens[ph.first - 1] if ph.first > 0 else None
    if before is not None and (before.text in _before_number()
                               or before.is_currency or ctx.noncount_word(before.text)):
        return True  # "$5", "aged 25", "no one", "October 7"
    if num.ent_type_ == "DATE" and ph.yearlike:
        return True
    if ph.first == ph.last and "." in num.text:
        return True  # "3.5": people come in whole numbers ("1.2 million" has a scale word)
    if before is not None and before.text == "," and ph.first >= 2 and tokens[ph.first - 2].ent_type_ == "PERSON" \
            and (not after or after[0].is_punct):
        return True  # an age after a name: "Wa Lone, 32, and ..."
    return False


def _breakdown_of(anchor: Any, count: int | None, earlier: list[_Found]) -> _Found | None:
    """The figure (in this sentence) that ``anchor`` breaks down: "36 people, including 15 children",
    "40 dead, including 18 police", "14 were killed, among them four children", "of the 40 dead, 18 ..."."""
    head = ctx.partitive_head(anchor)
    if head is not None:
        for f in reversed(earlier):
            if f.anchor.doc is anchor.doc and f.anchor.i == head.i:
                return f
    in_sentence = [f for f in earlier if f.anchor.doc is anchor.doc and f.anchor.sent.start == anchor.sent.start
                   and f.anchor.i < anchor.i and f.figure.count is not None and count is not None
                   and f.figure.count > count and f.figure.part_of is None]
    if not in_sentence:
        return None
    if head is not None or ctx.in_breakdown(anchor, {f.anchor.i for f in in_sentence}):
        return in_sentence[-1]
    return None


def _subset_of(anchor: Any, category: str, earlier: list[_Found]) -> _Found | None:
    """For "five of the insurgents (who were killed)", the earlier figure of that group, if any."""
    obj = ctx.of_object(anchor)
    if obj is None:
        return None
    if obj.pos_ == "PRON" and obj.lower_ in ("them", "those", "these"):  # "two of them seriously"
        same_noun = False
    elif any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in obj.children):
        same_noun = True
    else:
        return None
    for f in reversed(earlier):
        if f.figure.category == category and f.figure.part_of is None and not f.implicit \
                and (not same_noun or f.anchor.like_num or f.anchor.lemma_.lower() == obj.lemma_.lower()):
            return f
    return None


def _same_count(a: Figure, b: Figure) -> bool:
    return a.count == b.count and a.count_max == b.count_max


def _singular_figures(sent: Any, claimed: set[int], have: list[_Found], earlier: list[_Found]) -> list[_Found]:
    """Single victims without a number ("killed an insurgent", "killing Fayez Jan"): count 1 each.  An
    unnamed "the insurgent" after an earlier figure of the same category is taken to repeat it."""
    out: list[_Found] = []
    taken = {f.anchor.i for f in have}
    for cue in sent:
        cat = ctx.cue_category(cue)
        if cat in (None, "none") or cue.pos_ not in ("VERB", "NOUN") or ctx.is_irrealis(cue):
            continue
        if cue.pos_ == "NOUN":  # "confirmed the death of Maulawi Tayeb"
            obj = ctx.of_object(cue)
            heads = [obj] if obj is not None else []
        else:
            roles = ("nsubjpass",) if cue.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in cue.children) \
                else ("dobj",)
            heads = [c for c in cue.children if c.dep_ in roles]
        for child in heads:
            for victim in [child, *[c for c in child.conjuncts]]:
                own = _own_tokens(victim)
                if victim.i in taken or any(t.i in claimed for t in own) or not _is_single_victim(victim):
                    continue
                if _anaphoric(victim) and any(f.figure.category == cat for f in earlier + have + out):
                    continue
                fig = Figure(category=cat, count=1, start=own[0].idx, end=own[-1].idx + len(own[-1].text),
                             evidence=_evidence(sent, victim.idx),
                             victims=ctx.noun_phrase_text(victim, claimed),
                             location=ctx.location(victim, cue, sent, None),
                             attributed_to=_source(victim, sent, earlier + have + out))
                out.append(_Found(fig, victim, implicit=True))
                taken.add(victim.i)
    return out


def _own_tokens(tok: Any) -> list[Any]:
    """The tokens of ``tok``'s phrase without its conjuncts and clauses ("Fayez Jan" in "Fayez Jan and
    one additional insurgent")."""
    drop: set[int] = set()
    for child in tok.children:
        if child.dep_ in ("conj", "cc", "relcl", "acl", "prep", "punct", "appos", "amod") and child.i > tok.i:
            drop.update(t.i for t in child.subtree)
    return [t for t in tok.subtree if t.i not in drop] or [tok]


def _is_single_victim(tok: Any) -> bool:
    """One person: a name, or a singular people noun with "a"/"one"/"the"/a possessive ("the Taliban
    leader, Alaudin", "an insurgent", "his associate")."""
    if tok.tag_ == "NNP" and tok.ent_type_ not in ("ORG", "GPE", "NORP", "LOC", "FAC", "DATE", "TIME"):
        return not ctx.is_victim_noun(tok) or tok.ent_type_ == "PERSON"
    if tok.tag_ != "NN" or not ctx.is_victim_noun(tok):
        return False
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod")}
    return bool(dets & _SINGULAR_DETS) or ctx.definite(tok)


def _anaphoric(tok: Any) -> bool:
    """An unnamed definite single person ("the suspected insurgent", "the targeted individual")."""
    return tok.tag_ == "NN" and ctx.definite(tok) and not any(
        t.tag_ == "NNP" and t.ent_type_ not in ("ORG", "GPE", "NORP") for t in tok.subtree)


def _victim_key(tok: Any) -> str:
    """What makes two single victims the same person: the name in the phrase, else the noun."""
    names = [t.text for t in tok.subtree if t.tag_ == "NNP" and t.ent_type_ not in ("ORG", "GPE", "NORP")]
    return " ".join(names).lower() if names else tok.lemma_.lower()


def _same_people(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or a in _GENERIC or b in _GENERIC


def _dedupe(found: list[_Found]) -> list[Figure]:
    """One figure per (category, count, count_max) in the article ("9 killed" in the headline, "nine
    people were killed" in the body: the first, completed from the later ones), except for different
    people named in one sentence ("two soldiers ... and two civilians"); single implicit victims are
    kept apart unless they name the same person."""
    out: list[Figure] = []
    index: dict[tuple, int] = {}
    where: list[int] = []  # position in ``found`` -> position in ``out``
    for f in found:
        fig = f.figure
        if f.total is not None:
            fig.part_of = where[f.total]
        if f.implicit:
            key: tuple = ("1", fig.category, _victim_key(f.anchor))
        elif fig.vague:
            key = ("v", fig.category, f.anchor.lower_ if f.anchor.like_num else f.anchor.lemma_.lower())
        else:
            key = ("n", fig.category, fig.count, fig.count_max, fig.part_of is not None)
            sent = f.anchor.sent.start
            same = [k for k in index if k[:5] == key and (k[6] != sent or _same_people(k[5], f.who))]
            key = same[0] if same else key + (f.who, sent)
        if key in index:
            kept = out[index[key]]
            kept.victims = kept.victims or fig.victims
            kept.location = kept.location or fig.location
            kept.attributed_to = kept.attributed_to or fig.attributed_to
            where.append(index[key])
            continue
        index[key] = len(out)
        where.append(len(out))
        out.append(fig)
    return out


def _link_events(article: Article) -> None:
    """Point each figure at an event of a fitting type in the same sentence: the one whose target names
    the figure's victims if there is one ("troops killed three protesters" -> target "protesters",
    not the protesters' own clash with police), else the most fitting type, then the nearest."""
    if not article.events:
        return
    for fig in article.figures:
        types = _event_types().get(fig.category, ())
        victims = set((fig.victims or "").lower().split())
        best: tuple[int, int, int, int] | None = None
        for i, ev in enumerate(article.events):
            if ev.type not in types:
                continue
            on_victims = 0 if victims & set((ev.target or "").lower().split()) else 1
            for s, e in ev.spans or [(ev.start, ev.end)]:
                if s <= fig.start < e or s < fig.end <= e or (fig.start <= s and e <= fig.end):
                    key = (on_victims, types.index(ev.type), abs(s - fig.start), i)
                    if best is None or key < best:
                        best = key
        fig.event = best[3] if best is not None else None
