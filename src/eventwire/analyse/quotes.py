"""The quotes stage: direct quotations and reported speech, and who said them.

1. :mod:`._quote_marks` finds every quoted stretch (one per paragraph of a multi-paragraph quote).
2. :mod:`._speech` finds each stretch's cue in the parse (the speech verb governing it or standing in its
   sentence, or "according to") and the cue's subject; the that-clauses of speech verbs and the clauses of
   "according to X" become indirect quotes.
3. :mod:`._speakers` names the speaker: an actor of the actors stage (its fullest name and country), a fuller
   name from the text, a pronoun resolved to the last speaker of its type, or the words of an anonymous
   source ("Israeli officials", country ISR).  A quote with no cue continues the previous speaker when it
   follows closely (a run of quote paragraphs); a multi-paragraph quote has one speaker throughout.

Quoted names ("Red Shirts") are not quotes: a short title-cased quoted phrase that no speech verb governs
is skipped; scare quotes inside attributed speech are kept.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import knowledge
from ..model import Article, Quote
from ..settings import Settings
from . import _quote_names, _speech, _speech_words
from ._quote_marks import Mark, name_labels, scan, speaker_label
from ._speakers import History, Speaker, animate, resolve
from ._speaker_names import noun_kind, phrase_of

NEEDS: set[str] = {"ner", "parser", "lemmatizer"}

#: A quote with no cue of its own continues the previous speaker if that speaker's quote ended at most
#: this many characters before it (about two short paragraphs).
_CONTINUE_CHARS = 600
#: Longest title-cased label or headline lead (in words) taken for a name.
_NAME_WORDS = _quote_names.NAME_WORDS


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    kind: str
    mark: Mark | None = None
    cue: _speech.Cue | None = None
    governed: bool = False
    speaker: Speaker | None = None
    inherited: bool = False
    label: str | None = None  # a transcript label ("SMITH: ...") or a dash byline ("...” — Ann Lee")


def run(article: Article, settings: Settings) -> Article:
    """Fill ``article.quotes`` from ``article.text`` and its parse (``article.cache["doc"]``)."""
    doc: Doc | None = article.cache.get("doc")
    text = article.text
    if doc is None or not text:
        return article
    knowledge.use(settings.knowledge)  # a no-op when the pipeline already made them active
    marks = [m for m in scan(text) if m.end <= len(_speech.text_of(doc))]
    quoted = [(m.start - 1, m.end + 1) for m in marks]
    found = [it for it in (_direct(doc, m, quoted) for m in marks) if it is not None]
    items = [it for it in found
             if not _quote_names.is_name(doc, text, it.start, it.end, it.governed and _is_speech(it))]
    kept = {id(it) for it in items}
    names = [(it.start, it.end) for it in found if id(it) not in kept]  # still quoted: never a speaker's words
    items += _indirect(doc, quoted)
    items.sort(key=lambda it: (it.start, it.kind))
    _attribute(article, doc, items, names)
    _share_in_sentence(doc, items)
    _share_across_paragraphs(items)
    _pulled(text, items)
    article.quotes = _to_quotes(doc, text, items)
    return article


def _direct(doc: Doc, m: Mark, quoted: list[tuple[int, int]]) -> _Item | None:
    labelled = speaker_label(_speech.text_of(doc), m)
    label = labelled[0] if labelled else _named_label(doc, m)
    if label is not None:
        m = labelled[1] if labelled else m
        return _Item(m.start, m.end, "direct", m, None, True, label=label)
    others = [q for q in quoted if not (q[0] <= m.start and m.end <= q[1])]
    cue = _speech.cue_for(doc, m.start, m.end, others + [(m.start, m.end)])
    governed = cue is not None and _governs(doc, cue, m)
    item = _Item(m.start, m.end, "direct", m, cue, governed)
    if cue is None and not _stands_alone(doc, item):
        item.cue = _speech.governor(doc, m.start, m.end, others + [(m.start, m.end)])
        item.governed = item.cue is not None
    return item


def _named_label(doc: Doc, m: Mark) -> str | None:
    """'Lee: "words"' inside a paragraph, or 'Former senator Ann Lee (D-Ohio): "words"' opening one: the label,
    when its words end in a person's or a body's name and hold no verb ('Asked about it, Lee said:' is a
    lead-in)."""
    text = _speech.text_of(doc)
    for at, end in name_labels(text, m):
        label = text[at:end]
        span = doc.char_span(at, end, alignment_mode="expand")
        if span is None or not len(span) or any(t.pos_ in ("VERB", "AUX") for t in span):
            continue
        if any(t.lower_ in _speech_words.quote_words("topic_preposition") and t.text[:1].isupper() for t in span[1:]):
            continue  # a headline's lead "CNN Chief On Lee:" names a topic after its speaker
        words = label.split()
        titled = 2 <= len(words) <= _NAME_WORDS and all(w[:1].isupper() for w in words)
        named = len(span) >= 2 and span[-1].pos_ == span[-2].pos_ == "PROPN"  # "... secretary Ann Lee"
        if span[-1].ent_type_ in ("PERSON", "ORG", "NORP") or (span[-1].pos_ == "PROPN" and (titled or named)):
            return label
    return None


def _governs(doc: Doc, cue: _speech.Cue, m: Mark) -> bool:
    """Whether the cue is up the head chain of the quoted words (rather than merely in the sentence)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    return any(cue.token in t.ancestors for t in span)


def _indirect(doc: Doc, quoted: list[tuple[int, int]]) -> list[_Item]:
    out: list[_Item] = []
    for cue, s, e in _speech.clauses(doc, quoted):
        inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in quoted)
        if inside > 0.6 * (e - s):
            continue  # the clause is a direct quote
        if any(o.start <= cue.token.idx < o.end for o in out):
            continue  # speech reported inside reported speech
        out = [o for o in out if not (s <= o.cue.token.idx < e)]
        out.append(_Item(s, e, "indirect", None, cue, True))
    return out


def _attribute(article: Article, doc: Doc, items: list[_Item], names: list[tuple[int, int]]) -> None:
    direct = sorted((i.start, i.end) for i in items if i.kind == "direct")
    quoted = sorted(direct + names)
    history = History(quoted)
    prev: _Item | None = None
    for it in items:
        if it.label is not None:
            it.speaker = _label_speaker(article, doc, it.label, history)
        if it.speaker is None and it.kind == "direct":
            lead = _headline_lead(doc, it)
            if lead is not None:
                it.speaker = resolve(article, [lead], history)
        if (it.speaker is None and it.kind == "direct" and not it.governed
                and _after_colon(_speech.text_of(doc), it.start) and not _speech_before_colon(doc, it)):
            it.speaker = _implied(article, doc, it, history)  # "Lee fired back:" outranks a cue nearby
        # a quoted name before the cue may speak ('the "Red Shirts" said'; not 'said on "Fox and Friends"')
        heads = _heads(doc, it, direct) if it.speaker is None else []
        if any((h.dep_ == "pobj" or h.i > it.cue.token.i) and _overlaps(h, names) for h in heads):
            heads = _heads(doc, it, quoted)
        if heads:
            it.speaker = resolve(article, heads, history)
            if it.speaker is not None and it.kind == "direct" and all(_speech_words.is_pronoun(h) for h in heads):
                _take_outer_source(article, it, heads, direct, history)
        if it.speaker is None and it.kind == "direct" and it.label is None:
            who = _name_before_colon(doc, it)  # 'The surge does not surprise pollster Dan Shore: "..."'
            it.speaker = resolve(article, [who], history) if who is not None else None
            it.cue = None if it.speaker is not None else it.cue  # no verb says it
        if it.speaker is None and it.kind == "direct" and not it.governed and _stands_alone(doc, it):
            it.speaker = _lead_in(article, doc, it, history, prev)  # 'Lee tweeted a warning. "..."'
        if it.speaker is None and it.kind == "direct" and prev is not None and prev.speaker is not None:
            if (it.start - prev.end <= _CONTINUE_CHARS and (it.cue is None or not it.governed)
                    and _stands_alone(doc, it)):
                it.speaker, it.inherited = prev.speaker, True
        if it.speaker is None and it.kind == "direct" and _stands_alone(doc, it):
            it.speaker = _implied(article, doc, it, history)
            it.inherited = it.speaker is not None
        if it.speaker is not None:
            if not it.inherited:
                history.add(it.speaker)
            if it.kind == "indirect" or _is_speech(it) or _stands_alone(doc, it):
                prev = it


def _take_outer_source(article: Article, it: _Item, heads: list, quoted: list[tuple[int, int]],
                       history: History) -> None:
    """A quote in a clause under a pronoun ("Lee said he would advise them on the 'threats'") is the outer
    speaker's when the pronoun is that speaker: the outer verb is the cue and the name the source's words."""
    assert it.cue is not None and it.speaker is not None
    outer = _speech.outer_cue(it.cue.token, quoted)
    if outer is None:
        return
    cue, names = outer
    found = resolve(article, names, history)
    if found is not None and found.names == it.speaker.names:
        it.cue, it.speaker = cue, found


def _name_before_colon(doc: Doc, it: _Item) -> Token | None:
    """A person's name that ends right before the colon opening a quote, when no speech verb takes it as its
    object ("... does not surprise pollster Dan Shore: '...'"; not the listener of "Lee told Dan Shore:"), or a
    source credited after a dash ("... - Pew Research: '...'")."""
    name = _before_colon(doc, it)
    if name is None or _speech_words.is_speech_verb(name.head):
        return None
    return name if name.ent_type_ == "PERSON" or _source_after_dash(name) else None


def _source_after_dash(name: Token) -> bool:
    """Whether ``name`` ends a short capitalised source set after a spaced dash, the way digests credit the
    quote that follows ("Polls missed the swing - Pew Research: '...'")."""
    doc, k = name.doc, name.i
    while k > name.i - _SOURCE_WORDS and k >= 1 and doc[k].text[:1].isupper() and not doc[k].is_punct:
        k -= 1
    dash = doc[k]
    return (k < name.i and dash.text in _speech.DASHES and k >= 1 and bool(doc[k - 1].whitespace_)
            and bool(dash.whitespace_))


#: The most words of a source credited after a dash ("- Pew Research Center:").
_SOURCE_WORDS = 4


def _overlaps(tok, quoted: list[tuple[int, int]]) -> bool:
    """Whether the phrase headed by ``tok`` touches a quoted stretch."""
    a = tok.left_edge.idx
    b = tok.right_edge.idx + len(tok.right_edge)
    if tok.dep_ in ("nsubj", "nsubjpass", "attr", "appos", "pobj"):
        a, b = tok.idx, tok.idx + len(tok)  # a subject's own clause may hold the quote
    return any(s < b and a < e for s, e in quoted)


def _heads(doc: Doc, it: _Item, quoted: list[tuple[int, int]]) -> list:
    """Speaker head tokens for an item: "citing X" first, else the cue's subject; never a token inside a
    quote or outside the quote's paragraph (its lead-in paragraph included)."""
    if it.cue is None:
        return []
    reg = _speech.region(doc, it.start, it.end)
    lo = reg.start_char if reg is not None else it.start
    hi = reg.end_char if reg is not None else it.end
    if it.cue.token.lower_ != "according":
        src = _speech.cited(doc, it.start, it.end, quoted)
        if src is not None:
            return [src]
    tok = it.cue.token
    for step in range(3):
        heads = [h for h in _speech.speaker_tokens(tok)
                 if not _overlaps(h, quoted) and (it.kind == "indirect" or lo <= h.idx < hi)]
        if not heads and step == 0:
            # the parse put the subject inside the quote: the name right before the verb ('," Lee said')
            near = _speech.adjacent_name(tok)
            if (near is not None and near.pos_ == "PROPN" and not _overlaps(near, quoted)
                    and lo <= near.idx < hi):
                heads = [near]
        if not heads and step == 0:
            # '"...," Lee said, going on to say that ...': a participle clause whose parse hangs inside the
            # quote speaks for the speech verb before it
            verb = _speech.participle_owner(tok, quoted)
            heads = [h for h in (_speech.speaker_tokens(verb) if verb is not None else [])
                     if not _overlaps(h, quoted) and (it.kind == "indirect" or lo <= h.idx < hi)]
        if heads and it.kind == "direct" and not any(animate(h) for h in heads):
            reporter = _reporter(tok, quoted, lo, hi, it.kind)
            if reporter or _speech_words.is_speech_verb(tok) or tok.lower_ == "according" or any(
                    h.pos_ != "NOUN" or h.ent_type_ for h in heads):
                return reporter or heads
            return []  # a thing that says nothing ('Frustrations stem from its "hemorrhaging cash"'): no speaker

        if heads and it.kind == "direct" and all(h.lower_ in ("it", "this") for h in heads):
            # "She says it underscores that Lee is '...'": the speaker of the speech verb above, when there is one
            return _reporter(tok, quoted, lo, hi, it.kind) or heads
        if heads:
            return heads
        if tok.head.i == tok.i:
            break
        tok = tok.head  # the subject is inside the quote ("citing 'hostile' remarks"): the governing verb's
    # a cue the parse left without a subject: the verb whose clause holds the quoted words, when it has one
    # ('Hale summed it up as "reckless," denounced ...', parsed with "denounced" as the main verb)
    gov = _speech.governor(doc, it.start, it.end, quoted) if it.kind == "direct" else None
    if gov is None or gov.token.i == it.cue.token.i:
        return []
    return [h for h in _speech.speaker_tokens(gov.token) if not _overlaps(h, quoted) and lo <= h.idx < hi
            and animate(h) and (h.pos_ != "NOUN" or noun_kind(h)[0] is not None)]  # not "the message was"


def _reporter(tok, quoted: list[tuple[int, int]], lo: int, hi: int, kind: str) -> list:
    """For a cue whose subject cannot speak ("Lee wrote that the law's title showed it to be '...'"): the
    speaker of the nearest speech verb up the head chain, when it can; not for a cue in a relative clause
    with a subject of its own ("Lee criticized the plan, which an inquiry said was '...'": the inquiry speaks;
    but "Lee pointed to a case to say that ..." is Lee's)."""
    if tok.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ not in _speech.RELATIVES
                                   for c in tok.children):
        return []
    node, steps = tok.head, 0
    while node.i != node.head.i and steps < 6 and not _is_cue_verb(node):
        node, steps = node.head, steps + 1
    if not _is_cue_verb(node) or node.i == tok.i:
        return []
    heads = [h for h in _speech.speaker_tokens(node)
             if not _overlaps(h, quoted) and (kind == "indirect" or lo <= h.idx < hi)]
    return heads if heads and all(animate(h) for h in heads) else []


def _is_cue_verb(tok) -> bool:
    return _speech_words.is_speech_verb(tok)


def _after_colon(text: str, start: int) -> bool:
    """Whether a quote opens right after a colon (in its sentence or ending the paragraph before)."""
    before = text[max(0, start - 40):start].rstrip("\"“”‘'« \n\t\u00a0")
    return before.endswith(":")


def _speech_before_colon(doc: Doc, it: _Item) -> bool:
    """'with Lee yelling: "..."': the colon closes a speech verb's own clause, so that verb's subject speaks
    (the lead-in rule is for 'Lee fired back:' and 'Her answer was blunt:')."""
    verb = _before_colon(doc, it)
    return verb is not None and _speech_words.is_speech_verb(verb) and bool(_speech.speaker_tokens(verb))


def _before_colon(doc: Doc, it: _Item) -> Token | None:
    """The word right before the colon that opens the quote ``it`` ('Lee yelled: "..."'), if a colon does."""
    span = doc.char_span(it.start, it.end, alignment_mode="expand")
    if span is None:
        return None
    k = span.start - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    return doc[k - 1] if k >= 1 and doc[k].text == ":" else None


def _headline_lead(doc: Doc, it: _Item) -> Token | None:
    """The speaker of a quote in a headline written "Name: ... 'words'" (the first line of the text): the
    last token of the one to four capitalised words before the colon, when they hold a name."""
    text = _speech.text_of(doc)
    first = len(text) - len(text.lstrip())
    line_end = text.find("\n", first)
    if it.start >= (len(text) if line_end < 0 else line_end):
        return None
    colon = text.find(":", first, it.start)
    words = text[first:colon].split() if colon > first else []
    if not 1 <= len(words) <= _NAME_WORDS or not all(w[:1].isupper() for w in words):
        return _headline_says(doc, first, it.start if it.start > first else it.end)
    span = doc.char_span(first, colon, alignment_mode="contract")
    if span is None or not len(span):
        return None
    topic = _speech_words.quote_words("topic_preposition")
    about = next((t.i for t in span[1:] if t.lower_ in topic), span.end)  # "CNN Chief On Lee:": not Lee
    names = [t for t in doc[span.start:about] if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.pos_ == "PROPN"]
    return names[-1] if names else None



def _headline_says(doc: Doc, first: int, limit: int) -> Token | None:
    """In a title-cased headline "Ann Lee Says 'words'" / "'Words,' Ann Lee Tells X": the last of the
    capitalised words right before a speech verb (the parse of a title-cased line is unreliable)."""
    line_end = _speech.text_of(doc).find("\n", first)
    span = doc.char_span(first, len(_speech.text_of(doc)) if line_end < 0 else line_end,
                         alignment_mode="contract")
    if span is None:
        return None
    verbs = _speech_words.cue_verbs()
    for tok in span:
        word = tok.lower_
        if not tok.text[:1].isupper() or not any(w in verbs for w in (word, word[:-1], word[:-2])):
            continue
        prev = doc[tok.i - 1] if tok.i > span.start else None
        if prev is not None and prev.text[:1].isupper() and prev.is_alpha and not _speech_words.is_pronoun(prev) \
                and (prev.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or prev.pos_ == "PROPN"):
            return prev
    return None


def _label_speaker(article: Article, doc: Doc, label: str, history: History) -> Speaker | None:
    """A speaker from a label's words: the person they name, else the last actor or name they hold, else the
    words themselves."""
    at = _speech.text_of(doc).find(label)
    span = doc.char_span(at, at + len(label), alignment_mode="expand") if at >= 0 else None
    if span is not None:
        names = [t for t in span if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.pos_ == "PROPN"]
        person = next((e for e in span.ents if e.label_ == "PERSON"), None)
        if person is not None:  # "— Ann Lee, Philadelphia", "— Ann Lee, a delegate from Ohio": the person
            names = [person[-1]]
        if names:
            sp = resolve(article, [names[-1]], history)
            if sp is not None and label.isupper() is False:
                return sp
    return Speaker([label.title() if label.isupper() else label], None, True, max(at, 0))


def _is_speech(it: _Item) -> bool:
    """Whether a speech verb (not a speech noun or a mere governing verb) attributes the item."""
    return it.cue is not None and (it.cue.token.lower_ == "according" or _speech_words.is_speech_verb(it.cue.token))


def _stands_alone(doc: Doc, it: _Item) -> bool:
    """Whether a quote is (most of) its own sentence, as in a run of quote paragraphs, rather than a phrase
    quoted inside someone else's sentence."""
    span = doc.char_span(it.start, it.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    sent = span[0].sent
    return (it.end - it.start) >= 0.5 * (sent.end_char - sent.start_char)


def _implied(article: Article, doc: Doc, it: _Item, history: History) -> Speaker | None:
    """The subject of the sentence before a cue-less quote, when it names someone."""
    span = doc.char_span(it.start, it.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    sent = span[0].sent
    lead = doc[sent.start:span.start]
    if len(lead) > 2 and any(t.text == ":" for t in lead[-3:]):
        before = lead  # "Chavez's response was defiant: ..."
    elif sent.start == 0:
        return None
    else:
        before = doc[sent.start - 1].sent
    for tok in before:
        if tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and tok.lemma_.lower() in _speech_words.lead_nouns():
            owner = [c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
            if owner:
                return resolve(article, owner, history)
        # the lead-in's verb, or the parser hung it under the quote's root ('Lee fired back: "..."')
        main = tok.head.dep_ == "ROOT" or (tok.head.dep_ in ("ccomp", "parataxis")
                                          and tok.head.head.i >= span.start)
        if tok.dep_ == "nsubj" and main and (tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                                                                or _speech_words.is_pronoun(tok)):
            # of two subjects the parse gave one verb, the one nearest it ("Or maybe Lee, Tim Ross says.")
            rival = [c for c in tok.head.children if c.dep_ == "nsubj" and tok.i < c.i < tok.head.i
                     and c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")]
            return resolve(article, rival[-1:] or [tok], history)
    tail = [t for t in before if not (t.is_space or t.is_quote)]
    if tail and tail[-1].text == ":":  # 'From Lee's Facebook post: "..."': the document's owner
        nouns = _speech_words.document_nouns() | _speech_words.cue_nouns()
        for tok in reversed(tail):
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns:
                owner = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
                if owner:
                    return resolve(article, owner, history)
    return None


def _lead_in(article: Article, doc: Doc, it: _Item, history: History, prev: _Item | None) -> Speaker | None:
    """The subject of the sentence right before a cue-less quote, when it comes after the previous quote and
    either reports speech itself ('Lee tweeted a warning.', 'The group issued a statement:') or, in the quote's
    own paragraph, introduces a person ('Tim Reyes spoke next.'): it outranks the previous quote's speaker."""
    span = doc.char_span(it.start, it.end, alignment_mode="expand")
    if span is None or span.start == 0 or span[0].sent.start == 0:
        return None
    before = doc[span[0].sent.start - 1].sent
    if prev is not None and before.start_char < prev.end:
        return None
    if _speech.text_of(doc).count("\n", before.end_char, it.start) > 2:
        return None  # another paragraph between
    root = before.root
    speech = _speech_words.is_speech_verb(root) or any(
        c.dep_ == "dobj" and c.lemma_.lower() in (_speech_words.cue_nouns() | _speech_words.document_nouns())
        for c in root.children)
    if not speech:
        # 'Tim Reyes spoke next. "..."': a person introduced just before the quote, in its own paragraph
        if "\n" in _speech.text_of(doc)[before.start_char:it.start]:
            return None
        subj = [c for c in root.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"]
        return resolve(article, subj[:1], history) if subj else None
    subj = [c for c in root.children if c.dep_ == "nsubj" and (c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                                                                or _speech_words.is_pronoun(c))]
    subj.sort(key=lambda c: abs(root.i - c.i))  # "Or maybe Lee, consultant Tim Ross says.": Ross
    return resolve(article, subj[:1], history) if subj else None


def _share_in_sentence(doc: Doc, items: list[_Item]) -> None:
    """A quote with no speaker takes the speaker of another quote in its sentence ('chanted "a!" or "b!"')."""
    by_sent: dict[int, Speaker] = {}
    for it in items:
        span = doc.char_span(it.start, it.end, alignment_mode="expand")
        if span is not None and len(span) and it.speaker is not None and it.kind == "direct":
            by_sent.setdefault(span[0].sent.start, it.speaker)
    last: _Item | None = None
    for it in items:
        if it.kind != "direct":
            continue
        if it.speaker is None:
            span = doc.char_span(it.start, it.end, alignment_mode="expand")
            if span is not None and len(span) and span[0].sent.start in by_sent:
                it.speaker, it.inherited = by_sent[span[0].sent.start], True
            elif last is not None and last.speaker is not None and _adjacent(_speech.text_of(doc), last, it):
                it.speaker, it.inherited = last.speaker, True
        last = it


def _adjacent(text: str, a: _Item, b: _Item) -> bool:
    """Two quotes a few characters apart in one paragraph ('"resign!" or "out!"')."""
    gap = text[a.end:b.start]
    return len(gap) <= 12 and "\n" not in gap


def _share_across_paragraphs(items: list[_Item]) -> None:
    """One speaker for all paragraphs of a multi-paragraph quote (the one its own cue gives)."""
    chain: list[_Item] = []
    for it in [i for i in items if i.kind == "direct"] + [None]:  # type: ignore[list-item]
        if it is not None and chain and it.mark is not None and it.mark.continues:
            chain.append(it)
            continue
        if len(chain) > 1:
            own = [c for c in chain if c.speaker is not None and not c.inherited]
            if own:
                for c in chain:
                    if c.inherited or c.speaker is None:
                        c.speaker, c.inherited = own[-1].speaker, True
        chain = [it] if it is not None else []


def _pulled(text: str, items: list[_Item]) -> None:
    """A quotation nobody is said to speak that repeats words of an attributed one (a subheading or pull
    quote: "- 'We have had enough' -" above '"We have had enough of this," said Lee') is that speaker's."""
    said = [(" ".join(text[it.start:it.end].lower().split()), it) for it in items
            if it.kind == "direct" and it.speaker is not None]
    for it in items:
        if it.kind != "direct" or it.speaker is not None:
            continue
        words = " ".join(text[it.start:it.end].lower().split())
        if len(words.split()) < _PULLED_MIN_WORDS:
            continue
        source = next((other for body, other in said if words in body and other is not it), None)
        if source is not None:
            it.speaker, it.inherited = source.speaker, True


#: Words a speakerless quotation must have to take the speaker of an attributed one that repeats it.
_PULLED_MIN_WORDS = 3


def _to_quotes(doc: Doc, text: str, items: list[_Item]) -> list[Quote]:
    out: list[Quote] = []
    seen: set[tuple[str, str]] = set()
    for it in items:
        if it.speaker is None:
            continue
        body = text[it.start:it.end]
        key = (it.kind, " ".join(body.lower().split()))
        if key in seen:
            continue
        seen.add(key)
        names = it.speaker.names
        out.append(Quote(body, it.start, it.end, it.kind, speaker=names[0], speaker_country=it.speaker.country,
                         speakers=list(names), verb=it.cue.verb if it.cue is not None else None,
                         closed=it.mark.closed if it.mark is not None else True,
                         speaker_span=_speaker_span(doc, text, it)))
    return out


def _speaker_span(doc: Doc, text: str, it: _Item) -> tuple[int, int] | None:
    """The words that name the speaker of ``it``: its transcript label or dash byline, else the pronoun or
    the source's whole phrase at the speaker's offset (:func:`_source_phrase`; the name alone in a title-cased
    headline); None when those words would lie inside the quote itself."""
    assert it.speaker is not None
    if it.label is not None:
        before = text.rfind(it.label, 0, it.start)
        after = text.find(it.label, it.end)
        at = before if before >= 0 and (after < 0 or it.start - before <= after - it.end) else after
        span = (at, at + len(it.label)) if at >= 0 else None
    else:
        found = doc.char_span(it.speaker.offset, it.speaker.offset + 1, alignment_mode="expand")
        if found is None or not len(found):
            return None
        if it.inherited:  # a quote with no cue of its own: the speaker's mention nearest before it
            found = _nearer_mention(doc, it, found[0]) or found
        words = found[:1] if _speech_words.is_pronoun(found[0]) else phrase_of(found[0])
        span = (words.start_char, words.end_char)
        name = it.speaker.names[0]
        if len(words.text) > len(name) and words.text.startswith(name):  # a headline: "Ann Lee Hits Back"
            span = (span[0], span[0] + len(name))
        elif not _speech_words.is_pronoun(found[0]):
            whole = _source_phrase(found[0], it)
            span = whole if whole is not None else span
    if span is not None and it.cue is not None and span[0] <= it.cue.token.idx < span[1]:
        span = _before_the_cue(it.cue.token, span)
    if span is None or (span[0] < it.end and it.start < span[1]):
        return None
    if text[span[0]] in _speech.DASHES and span[1] - span[0] > 1:
        span = (span[0] + 1, span[1])  # "-Ann Lee": a byline's dash glued to the name
    return span


def _nearer_mention(doc: Doc, it: _Item, named: Token) -> Span | None:
    """For a quote that goes on in the words of a speaker named earlier: the subject of the sentence right
    before it when that subject names the same speaker by the same word or by a he/she that fits ('Lee said
    ... Lee supports X. "..."', '... He spoke at noon. "..."')."""
    assert it.speaker is not None
    at = doc.char_span(it.start, it.end, alignment_mode="expand")
    if at is None or at.start < 1:
        return None
    k = at.start - 1
    while k > 0 and (doc[k].is_quote or doc[k].is_space or doc[k].is_punct):
        k -= 1
    before = doc[k].sent
    if before.start <= named.i < before.end or doc[k].i >= at.start:
        return None
    last = it.speaker.names[0].split()[-1]
    same = {"he", "she"} if it.speaker.gender is None else {"she" if it.speaker.gender == "f" else "he"}
    same = same if it.speaker.person else set()
    for t in before:
        if (t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.i > named.i
                and (t.text == last or t.lower_ in same)):
            return doc[t.i:t.i + 1]
    return None


def _before_the_cue(cue: Token, span: tuple[int, int]) -> tuple[int, int] | None:
    """A source phrase never holds its own cue: for "Lee, who said ..." the relative pronoun is the source's
    word (as attribution corpora mark it), else the phrase up to the clause the cue stands in."""
    rel = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _speech.RELATIVES]
    if rel:
        return rel[0].idx, rel[0].idx + len(rel[0])
    doc = cue.doc
    j = cue.left_edge.i
    while j > 0 and doc[j - 1].idx >= span[0] and (doc[j - 1].is_punct or doc[j - 1].is_space):
        j -= 1
    end = doc[j - 1].idx + len(doc[j - 1]) if j > 0 else span[0]
    return (span[0], end) if end > span[0] else None


def _source_phrase(tok: Token, it: _Item) -> tuple[int, int] | None:
    """The whole noun phrase the speaker's word heads, with its titles, appositions and relative clauses
    ("Retired Lt. Gen. Michael Flynn", "Flynn, a top Trump surrogate", as attribution corpora mark a
    source), when it stays within its sentence and off the quote."""
    doc = tok.doc
    words = doc[tok.left_edge.i:tok.right_edge.i + 1]
    cut = _beside_the_source(tok)
    a = b = tok.i
    while a > words.start and a - 1 not in cut:
        a -= 1
    while b + 1 < words.end and b + 1 not in cut:
        b += 1
    words = doc[a:b + 1]
    while len(words) > 1 and (words[-1].is_punct or words[-1].is_space) and not (
            words[-1].text in ")]" and any(t.text in "([" for t in words)):  # keep "Ann Lee (D-Ohio)" whole
        words = words[:-1]
    while len(words) > 1 and (words[0].is_punct or words[0].is_space):
        words = words[1:]
    end = words.end
    if (end + 1 < len(doc) and words[-1].ent_type_ == "GPE" and doc[end].text == ","
            and doc[end + 1].ent_type_ == "GPE" and end + 2 <= tok.sent.end):
        words = doc[a:end + 2]  # "a student from Fresno, Calif.": the state the parse hung elsewhere
    s, e = words.start_char, words.end_char
    if s < it.end and it.start < e or words.start < tok.sent.start or words.end > tok.sent.end:
        return None
    return s, e


_MARKS = {'"', "\u201c", "\u201d"}
_BREAKS = _speech.DASHES | _MARKS | {":"}  # not "\u2019" nor "'": "Clinton's", "Obama’s"
_OCCASION_PREPS = {"in", "during", "at", "on"}
_WHEN = {"DATE", "TIME"}


def _beside_the_source(tok: Token) -> set[int]:
    """Token indices inside the subtree of the speaker's word ``tok`` that are not part of the source's words
    as attribution corpora mark them: a word before the name that is not part of it ("Even China"), the
    occasion or time after a name ("Lee, in Ohio,", "Lee in an interview", "Lee last week"), a "whose"
    clause ("Lee, whose book is out,"), a participle set off by a comma or naming
    who did something to the source ("Lee, eyeing the polls,", "a letter obtained by the paper"), and what
    stands before a spaced dash, a quotation mark or a colon ("WASHINGTON - Lee") or after one."""
    doc = tok.doc
    cut: set[int] = set()
    for c in tok.subtree:
        if c.head.i != tok.i or c.i == tok.i:
            continue
        comma = c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","
        if (c.i < tok.i and c.dep_ in ("advmod", "cc", "preconj")
                or c.i > tok.i and c.dep_ == "prep" and _occasion_after(tok, c, comma)
                or c.i > tok.i and c.dep_ == "npadvmod" and c.ent_type_ in _WHEN
                or c.i > tok.i and c.dep_ == "relcl" and doc[c.left_edge.i].lower_ == "whose"
                or c.i > tok.i and c.dep_ == "acl" and (comma or any(g.dep_ == "agent" for g in c.children)
                                                         and c.lemma_.lower() not in _speech_words.author_verbs())):
            cut.update(d.i for d in c.subtree)
    marks = [t for t in tok.subtree if t.text in _MARKS]
    for t in tok.subtree:
        spaced = t.i > 0 and bool(doc[t.i - 1].whitespace_) and bool(t.whitespace_)
        if t.text in _speech.DASHES and not spaced or t.text not in _BREAKS or t.text in _MARKS and len(marks) % 2 == 0:
            continue  # "Jean-Marc", "vice-presidential", 'Marcia "Cia" Price'
        cut.update(range(tok.left_edge.i, t.i + 1) if t.i < tok.i else range(t.i, tok.right_edge.i + 1))
    return cut


def _occasion_after(tok: Token, prep: Token, comma: bool) -> bool:
    """Whether the preposition ``prep`` after the source word ``tok`` names when or where the words were
    said rather than who said them: "Lee, in Ohio,", "Lee in an interview", "her lawyers in a court
    filing", "the mayor on Tuesday"; not "officials in Ohio" nor "a notice on the city's website"."""
    if prep.lower_ not in _OCCASION_PREPS:
        return False
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if any(g.ent_type_ in _WHEN for g in objects):
        return True
    if tok.pos_ == "PROPN":
        return comma or any(_occasion(g) for g in objects)
    return prep.lower_ != "on" and not _occasion(tok) and any(_occasion(g) for g in objects)


def _occasion(tok: Token) -> bool:
    """A noun naming the occasion or the time of speaking ("in an interview", "in a statement", "on Tuesday")."""
    low = tok.lemma_.lower()
    return (tok.ent_type_ in _WHEN or low in _speech_words.document_nouns() or low in _speech_words.cue_nouns()
            or low in _speech_words.occasion_nouns())
