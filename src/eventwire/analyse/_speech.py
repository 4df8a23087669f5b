"""Speech cues and speakers, read off the dependency parse.

* :func:`cue_for` finds the cue that attributes a stretch of text: the speech verb that governs it (walking
  up the head chain from the quoted words: "argued that the war demonstrated the 'failure'"), else a speech
  verb elsewhere in its sentence ('"...," the Kremlin said'), else "according to X".
* :func:`speaker_tokens` finds who speaks for a cue: its subject (inverted or not, "said Putin"), the subject
  it shares as a conjunct or complement ("called ... and argued"), the source of "X was quoted as saying" /
  "Y cited X as saying", or the object of "according to".
* :func:`clauses` yields indirect speech: the that-clause (ccomp) of a speech verb, or the clause that
  "according to X" attaches to.

The words it knows (speech verbs, source and document nouns) come from :mod:`._speech_words`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Doc, Span, Token

from ._speech_words import (after_a_quote, content_nouns, cue_nouns, cue_verbs, denial_verbs, document_nouns,
                            is_pronoun, is_speech_verb, mental_verbs, particle_cue, particle_cues, source_nouns)

_SUBJ = ("nsubj", "nsubjpass", "csubj")
#: Relative pronouns: the subject of a relative clause stands for the noun the clause hangs on.
RELATIVES = frozenset({"who", "whom", "which", "that"})
_INHERIT = ("conj", "xcomp", "advcl", "pcomp", "acl")
_NOT_SPEAKERS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "WORK_OF_ART", "EVENT")
#: Entity types the small model gives to people's names often enough that a speech verb's subject keeps them.
_MISTAKEN_NAMES = ("WORK_OF_ART", "EVENT")


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech verb (or "according") in the parse, with whether it can introduce indirect speech."""

    token: Token
    indirect: bool

    @property
    def verb(self) -> str:
        if self.token.lower_ == "according":
            return "according to"
        prt = [c.text for c in self.token.children if c.dep_ == "prt"]
        return " ".join([self.token.text, *prt])


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token on each access)."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text


def _is_cue(tok: Token) -> bool:
    if tok.dep_ in ("amod", "compound") or tok.tag_ == "JJ":
        return False  # "another alleged plot": an adjective, not speech
    return is_speech_verb(tok) or _according(tok) is not None


def _noun_cue(tok: Token) -> bool:
    """A speech noun with its speaker attached ("Washington's warning", "a statement by the army")."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in cue_nouns():
        return False
    return _noun_speaker(tok) is not None


def _noun_speaker(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return c
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN"):
                    return g
    return None


def _according(tok: Token) -> Token | None:
    """The object of "according to X" when ``tok`` is "according", else None."""
    if tok.lower_ != "according":
        return None
    for c in tok.children:
        if c.lower_ == "to":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        objs = [g for g in nxt.children if g.dep_ == "pobj"]
        if objs:
            return objs[0]
        if nxt.i + 1 < len(tok.doc):
            return nxt.nbor(1)
    return None


def _passive(tok: Token) -> bool:
    """A passive speech verb ("has been asked", "was told") names no speaker as its subject."""
    if tok.lemma_.lower() in ("quote", "cite"):
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def _make(tok: Token) -> Cue:
    if tok.lower_ == "according":
        return Cue(tok, True)
    particle = particle_cue(tok) if tok.lemma_.lower() not in cue_verbs() else None
    if particle is not None:
        return Cue(tok, particle_cues()[particle])
    return Cue(tok, cue_verbs().get(tok.lemma_.lower(), False))


def _inside(tok: Token, spans: list[tuple[int, int]]) -> bool:
    return any(s <= tok.idx < e for s, e in spans)


def region(doc: Doc, start: int, end: int) -> Span | None:
    """The sentences holding ``[start, end)``, plus the previous sentence when it ends in a colon."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    first, last = span[0].sent, span[-1].sent
    s, e = first.start, last.end
    if _trailing_cue(doc, span, e) or ((frame := _quote_frame(doc, span)) is not None and frame.i >= e):
        e = doc[e].sent.end  # '"Why?" | Lee asked.': the parser split the cue off after "?"
    if s > 0:
        prev = doc[s - 1].sent
        tail = [t for t in prev if not (t.is_space or t.is_quote)]
        if tail and tail[-1].text == ":":
            s = prev.start
    text = text_of(doc)
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    if _tail_colon(doc, lo):
        lo = text.rfind("\n", 0, max(0, lo - 1)) + 1
    while s < e and doc[s].idx < lo:
        s += 1
    while e > s and doc[e - 1].idx >= hi:
        e -= 1
    return doc[s:e] if e > s else None


#: How far into the next sentence the cue of a quote that ends its own sentence may stand ('"Why?" Lee asked'),
#: and how far when that sentence opens in lower case ('"Why?" a voice at the back asked').
_TRAILING_CUE_TOKENS = 4
_LOWER_CUE_TOKENS = 9


def _trailing_cue(doc: Doc, span: Span, e: int) -> bool:
    """Whether the quote ``span`` closes its sentence (ending at token ``e``) and the next sentence, right
    after it, opens with its cue ('"Why?" | Lee asked.' split after the question mark)."""
    if e >= len(doc) or any(not (t.is_punct or t.is_quote) for t in doc[span.end:e]):
        return False
    nxt = doc[e].sent
    first = nxt.start
    while first < nxt.end and first < span.end + 3 and (doc[first].is_quote or doc[first].text in ",?!") \
            and not doc[first].is_space:
        first += 1  # the quote's own closing comma and mark, which the parser may give to the next sentence
    # a sentence that opens in lower case goes on the quote's ('"...!" a message on the site reads.')
    reach = _LOWER_CUE_TOKENS if first < nxt.end and doc[first].text[:1].islower() else _TRAILING_CUE_TOKENS
    lead = doc[first: min(nxt.end, first + reach)]
    if not len(lead) or lead[0].is_space or lead[0].is_quote or "\n" in doc[e - 1].whitespace_:
        return False
    for t in lead:
        if t.is_quote or t.is_space:
            return False
        if _is_cue(t) and t.i > first:
            return any(c.dep_ in _SUBJ and c.i < t.i for c in t.children) or _inverted(t) is not None
    return False


def _tail_colon(doc: Doc, lo: int) -> bool:
    """Whether the paragraph before offset ``lo`` ends in a colon (a lead-in to a quote)."""
    before = text_of(doc)[:lo].rstrip()
    return before.endswith(":") or before.endswith(': "') or before.endswith(":“")


def cue_for(doc: Doc, start: int, end: int, quoted: list[tuple[int, int]]) -> Cue | None:
    """The cue attributing the text at ``[start, end)``; ``quoted`` are all quoted stretches (a cue is never
    inside one)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    reg = region(doc, start, end)
    if span is None or reg is None:
        return None
    inside = {t.i for t in span}
    # 0. an inverted speech verb right after the closing mark ('"...?" asked Lee'), whatever the parse
    after = _inverted_after(doc, span)
    if after is not None and not _inside(after, quoted):
        return _make(after)
    # 1. a speech verb (or "according") up the head chain of the quoted words
    for tok in span:
        if tok.head.i in inside and tok.head.i != tok.i:
            continue
        node, via = tok.head, tok
        # a quoted adjective describes its noun in someone else's words ('Lee's "reckless" remarks' are not
        # Lee's word, nor is '"troubling"' in 'called Lee's claim of ... "troubling"', parsed as an adjective)
        describes = tok.dep_ == "amod"
        seen = 0
        mental: Token | None = None
        chain: set[int] = set()
        while node.i not in inside and seen < 12:
            chain.add(node.i)
            # the quoted words as the verb's subject ('the "kind of problems" Lee had answering', parsed with
            # "kind" as the subject of "answering") are not what its subject says
            if (_is_cue(node) and not _inside(node, quoted) and not _passive(node)
                    and via.dep_ not in ("nsubj", "csubj")):
                if node.lemma_.lower() not in mental_verbs():
                    after = _quote_frame(doc, span, speech=True) if node.i > span.end else None
                    # '"...," Trump said, after Quick said ...', parsed with the quote under Quick's verb
                    return _make(after if after is not None and after.i < node.i else node)
                # "X said a majority have come to believe 'that ...'": believing utters no words; a speech
                # verb above it speaks them
                mental = mental or node
            elif _noun_cue(node) and not _inside(node, quoted) and not describes:
                return Cue(node, False) if mental is None else _make(mental)
            if node.head.i == node.i:
                break
            node, via, seen = node.head, node, seen + 1
        if mental is not None:
            aside = [t for t in reg if t.head.i in chain and t.dep_ in ("parataxis", "ccomp", "advcl")
                     and _is_cue(t) and t.lemma_.lower() not in mental_verbs() and not _inside(t, quoted)]
            # 'voters, Lee said, have come to believe "..."'; 'according to Lee, the tests show "..."'
            aside += [t for t in span.sent if t.lower_ == "according" and not _inside(t, quoted)]
            return _make(aside[0] if aside else mental)
    # 2. "according to X" or a speech verb elsewhere in the sentence, nearest first
    outside = [t for t in reg if t.i not in inside and not _inside(t, quoted) and _is_cue(t)]
    if not outside:
        frame = _quote_frame(doc, span)
        return Cue(frame, False) if frame is not None else None
    acc = [t for t in outside if t.lower_ == "according"]
    if acc:
        return _make(acc[0])
    with_subject = [t for t in outside if speaker_tokens(t)]
    pool = with_subject or outside
    best = min(pool, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)))
    return _make(best)


def _in_marks(tok: Token) -> bool:
    """Whether a word and its modifiers stand alone between quotation marks ('TV's "Scandal,"', 'on "Morning
    Joe,"'), not merely after one."""
    words = [tok.i] + [t.i for t in tok.children if t.dep_ in ("compound", "flat")]  # the title's own words
    doc, first, last = tok.doc, min(words), max(words)
    return first > 0 and doc[first - 1].is_quote and any(t.is_quote for t in doc[last + 1:last + 3])


def _past_closing_mark(doc: Doc, span: Span) -> int | None:
    """The index of the first word after the quote's closing mark and its comma or "?" ('..."?" asked Lee'),
    or None when no closing mark follows the quoted words."""
    j = span.end
    while j < len(doc) and j < span.end + 3 and (doc[j].is_quote or doc[j].text in ",?!"):
        j += 1
    if j >= len(doc) or not any(t.is_quote for t in doc[span.end:j]):
        return None
    return j


def _inverted_after(doc: Doc, span: Span) -> Token | None:
    """The speech verb of an inverted attribution right after the quote ('"...," asked Lee'), if any."""
    j = _past_closing_mark(doc, span)
    if j is None:
        return None
    verb = doc[j]
    return verb if _is_cue(verb) and _inverted(verb) is not None else None


def _quote_frame(doc: Doc, span: Span, speech: bool = False) -> Token | None:
    """The verb of a bare attribution right after a quote that ends in a comma or a question mark
    ('"Would it be negotiable?" Lee pressed.', '"...," he interjected'): a subject and its verb that close
    the sentence, whatever the verb; no speech lexicon is needed in that frame.  With ``speech``, a speech
    verb there however the sentence goes on ('"...," Lee said, after Kim said ...')."""
    j = _past_closing_mark(doc, span)
    if j is None:
        return None  # no closing mark right after the quote
    words = text_of(doc)[span.start_char:doc[j].idx].rstrip(" \n\"”’'")
    if not words or words[-1] not in ",?!":
        return None
    verb = next((t for t in doc[j: min(len(doc), j + 6)] if t.pos_ == "VERB"), None)
    if verb is None or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    phrase = doc[j:verb.i]
    if not len(phrase) or any(t.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PRON", "PUNCT") for t in phrase):
        return None  # the words between the quote and the verb are its subject, nothing else
    if not any(t.dep_ in _SUBJ and t.head.i == verb.i for t in phrase):
        return None
    if speech and not _is_cue(verb):
        return None
    rest = [] if speech else [t for t in doc[verb.i + 1: verb.sent.end] if not (t.is_punct or t.is_space or t.is_quote)]
    if len(rest) > 4 or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None  # '"...," Lee said he would go' is a cue of its own; '"Fire!" Lee ran to the door' is none
    return verb


def outer_cue(tok: Token, quoted: list[tuple[int, int]]) -> tuple[Cue, list[Token]] | None:
    """For a cue whose subject is a pronoun: the speech verb above it in its sentence whose subject is not one,
    with that subject ("Lee said he would advise them on the 'threats'": *said*, *Lee*), passing verbs whose
    subject is again a pronoun ("Lee said he welcomed it and added, '...'"), else the outermost such verb
    ("She said she asked it 'to ...'": the first *She*); never from a conjunct with a
    subject of its own ("Lee said that ..., but he noted '...'") nor from a speech verb in a clause of its own
    ("groups whom he described as 'peaceful'").  Attribution corpora take the outer source for such nested
    clauses; the caller checks that the two subjects are one speaker."""
    node, steps = tok, 0
    outer: tuple[Cue, list[Token]] | None = None
    while node.head.i != node.i and steps < 6 and node.dep_ in ("ccomp", "xcomp", "conj", "advcl", "relcl",
                                                                 "pcomp", "pobj", "prep", "dobj", "acl"):
        own = any(c.dep_ in _SUBJ and c.lower_ not in RELATIVES for c in node.children)
        if own and (node.dep_ == "conj" or node.dep_ in ("advcl", "relcl") and is_speech_verb(node)):
            break  # "Lee said that ..., but he said ...", "..., which he added ...": a statement of its own
        node, steps = node.head, steps + 1
        if _inside(node, quoted) or not (is_speech_verb(node) or node.lemma_.lower() in mental_verbs()):
            continue
        heads = [h for h in speaker_tokens(node) if not _inside(h, quoted)]
        if not heads:
            continue
        pronoun = any(is_pronoun(h) for h in heads)
        if node.lemma_.lower() in mental_verbs() or _passive(node):
            if pronoun:
                continue  # "Lee told them that she believes ...": on to the verb that speaks
            break
        outer = (_make(node), heads)
        if not pronoun:
            break
    return outer


def speaker_tokens(cue_tok: Token, depth: int = 0) -> list[Token]:
    """Head tokens of whoever speaks for the cue at ``cue_tok`` (several for a joint statement)."""
    head = _speaker_head(cue_tok, depth)
    if head is None and depth == 0 and cue_tok.pos_ in ("VERB", "AUX") and cue_tok.tag_ != "VBG":
        head = adjacent_name(cue_tok)  # not for a participle ("at one point calling it") or a noun ("radio ad")
    if head is None:
        return []
    if head.pos_ == "NOUN" and head.dep_ == "attr" and head.head.lemma_ == "be":
        # "Lee is the only candidate to have pledged ...": the description is Lee
        named = [c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        head = named[0] if named else head
    out = [head]
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in head.children):
        return out
    named = [t for t in head.conjuncts if t.i > head.i and t.ent_type_ == "PERSON"]
    if head.pos_ == "PROPN" and not head.ent_type_ and named and named[0].i - head.i <= _TITLES_AND:
        return named[:1]  # "former Gov. and party Chairman Ed Rendell": two titles of one person
    for t in head.conjuncts:
        if t.i > head.i and t.pos_ in ("PROPN", "NOUN", "PRON") and (t.pos_ != "NOUN" or head.pos_ == "NOUN"):
            out.append(t)
    return out


#: The most tokens from a first title to the name after "and" in "former Gov. and party Chairman Ed Rendell".
_TITLES_AND = 6


def _inverted(tok: Token) -> Token | None:
    """The speaker of an inverted attribution ('"...," warned Obasanjo'), whatever the parser labelled it."""
    if tok.tag_ in ("VBG", "VBN") or tok.i < 1:
        return None
    if not after_a_quote(tok):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.lefts):
        return None
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in tok.rights):
        return None  # 'called it "terrible," denounced her record and said ...': a run of verbs, not an inversion
    for c in tok.rights:
        if (c.dep_ in ("nsubj", "attr", "dobj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN")
                and c.ent_type_ not in _NOT_SPEAKERS):
            return c
    # the parser lost the inverted subject ("said engineer Tomas Brandt"): the first name after the verb
    last = None
    for t in tok.doc[tok.i + 1: tok.i + 8]:
        if t.is_punct and t.text not in "-–" or t.pos_ in ("ADP", "SCONJ", "CCONJ"):
            break
        if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.pos_ in ("PROPN", "NOUN"):
            last = t
            if t.dep_ == "compound" and t.head.i > t.i and t.head.pos_ == "PROPN":
                continue  # "said ranking Democrat Ann Lee": the name goes on
            if t.ent_iob_ in ("B", "I") and (t.i + 1 >= len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I"):
                return t
    return last


def participle_owner(tok: Token, quoted: list[tuple[int, int]]) -> Token | None:
    """For a participle cue ("..., adding", "..., going on to say"): the nearest finite verb before it in its
    sentence (not an auxiliary or a reported clause's verb), outside quotes, when that verb reports speech,
    or an earlier speech participle it is paired with (it shares their subject)."""
    verb = tok.head if tok.dep_ == "xcomp" and tok.head.tag_ == "VBG" else tok
    if verb.tag_ != "VBG":
        return None
    for t in reversed(tok.doc[verb.sent.start:verb.i]):
        if _inside(t, quoted):
            continue
        if t.tag_ == "VBG" and t.dep_ == "advcl" and is_speech_verb(t):
            return t  # "saying that ... and arguing ...": the participle before it, whose owner it shares
        if t.tag_ in ("VBD", "VBZ", "VBP") and t.dep_ not in ("aux", "auxpass", "ccomp"):
            return t if is_speech_verb(t) else None  # the nearest finite verb, when it reports speech
    return None


#: The longest apposition (in tokens) between a name and its speech verb that :func:`adjacent_name` skips.
_APPOSITION_TOKENS = 12


def adjacent_name(tok: Token) -> Token | None:
    """When the parse gives a speech verb no subject: the name right before it ("... Chamal Polwattage
    said"), skipping adverbs and auxiliaries, or the name before an apposition ("Gene Sperling, a top
    adviser, said"; "her adviser, Jake Sullivan, said")."""
    if tok.lower_ == "according":
        return None
    j = tok.i - 1
    while j >= 0 and tok.doc[j].pos_ in ("ADV", "AUX", "PART"):
        j -= 1
    doc = tok.doc
    if j >= 1 and doc[j].text == "," and not (doc[j - 1].pos_ == "PROPN" and doc[j - 1].ent_type_ == "PERSON"):
        # "Gene Sperling, a top adviser, said": the name before the apposition the parse left unattached
        k = j - 1
        while k > max(0, j - _APPOSITION_TOKENS) and doc[k].text != "," and doc[k].pos_ not in ("VERB", "AUX"):
            k -= 1
        if (doc[k].text == "," and k >= 1 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].ent_type_ in ("PERSON", "ORG")
                and any(t.pos_ == "NOUN" for t in doc[k + 1:j])):  # a role, not "Washington, D.C.,"
            j = k - 1
    elif j >= 1 and doc[j].text == ",":
        j -= 1  # "her adviser, Jake Sullivan, said"
    if j >= 0 and doc[j].pos_ in ("PROPN", "NOUN") and doc[j].ent_type_ not in _NOT_SPEAKERS:
        return doc[j]
    return None


def governor(doc: Doc, start: int, end: int, quoted: list[tuple[int, int]]) -> Cue | None:
    """For a quoted phrase with no speech cue: the nearest verb up its head chain that has a named subject
    ('Turkey has branded the shooting an "act of aggression"')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    inside = {t.i for t in span}
    root = min((t for t in span if t.head.i not in inside), key=lambda t: t.i, default=None)
    node, steps = (root.head if root is not None else None), 0
    found: Cue | None = None
    while node is not None and node.i not in inside and steps < 8:
        if node.pos_ in ("VERB", "AUX") and not _inside(node, quoted):
            subj = [c for c in node.children if c.dep_ == "nsubj" and c.ent_type_ not in _NOT_SPEAKERS
                    and (c.pos_ in ("PROPN", "NOUN") or (found is not None and c.lower_ in ("he", "she")))]
            if subj:
                found = Cue(node, False)  # the highest such verb: the main clause's subject uses the words
        if node.head.i == node.i:
            break
        node, steps = node.head, steps + 1
    return found


def _speaker_head(tok: Token, depth: int) -> Token | None:
    if depth > 4:
        return None
    if tok.pos_ == "NOUN":
        if depth > 0 and tok.lemma_.lower() in document_nouns() and _noun_speaker(tok) is None:
            return _document_sender(tok)  # "Lee posted a message reading '...'": Lee; "a sign reading": the sign
        return _noun_speaker(tok)
    acc = _according(tok)
    if acc is not None:
        return acc
    inv = _inverted(tok)
    if inv is not None:
        return inv
    kids = list(tok.children)
    lemma = tok.lemma_.lower()
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if (tok.tag_ == "VBG" and before is not None and before.dep_ == "pobj" and before.head.lower_ == "of"
            and before.ent_type_ == "PERSON" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)):
        return before  # "footage of Ann Lee saying", "a video of Lee asking"
    if lemma in ("quote", "cite"):  # "the paper quoted / cited officials": whom it quotes, not a thing it cites
        for c in kids:
            if c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and _source_like(c)):
                return c
    # several subjects ("Washington (AFP) - Ann Lee has said"): the one nearest the verb that is not a quoted
    # title ('Lee, star of TV's "Scandal," thanked ...')
    subjects = sorted((c for c in kids if c.dep_ in ("nsubj", "csubj") and _can_speak(c, tok)
                       and not (tok.tag_ == "VBG" and _in_marks(c))),  # '... on "Morning Joe," calling it'
                      key=lambda c: (_in_marks(c), abs(tok.i - c.i)))
    for c in subjects[:1]:
        clause = tok
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # "Lee, who is running and who worked the crowd, praising ...": still Lee
        if c.lower_ in RELATIVES and clause.dep_ == "relcl":
            return clause.head
        # "BANGKOK - Thailand's Red Shirts refused ...": the words after a dateline's dash
        return next((a for a in c.children if after_dateline(a)), c)
    if depth > 0:  # a clause inheriting its subject takes the surface one ("Lee was booed by fans after telling")
        shared = kids + (list(tok.head.children) if tok.dep_ == "conj" else [])  # "was booed and shouted down"
        for c in shared:
            if c.dep_ == "nsubjpass" and _can_speak(c, tok) and (
                    (c.pos_ == "PROPN" and not c.is_sent_start) or c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                    or c.lemma_.lower() in source_nouns()):  # not "the biases should not be read as saying"
                return c
    for c in kids:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    controller = _object_controller(tok)
    if controller is not None:
        return controller
    if tok.dep_ in _INHERIT or (tok.dep_ == "prep" and tok.head.i != tok.i):
        head = tok.head
        if head.lemma_.lower() in ("quote", "cite"):
            for c in head.children:
                if c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and _source_like(c)):
                    return c
        if head.i != tok.i:
            if (tok.dep_ == "conj" and tok.tag_ == "VBG" and any(c.dep_ == "auxpass" for c in head.children)
                    and not _is_cue(head)):
                return None  # "saying the bill was waylaid by mistrust and arguing ...": not the mistrust's
            if not _is_cue(head) and head.dep_ == "ccomp" and _is_cue(head.head):
                head = head.head  # "X said that Y arrived, adding ...": adding is X's
            return _speaker_head(head, depth + 1)
    if tok.dep_ == "pobj" and tok.head.head.i != tok.head.i:  # "as saying"
        return _speaker_head(tok.head.head, depth + 1)
    for c in kids:
        if c.dep_ == "nsubjpass" and lemma in cue_verbs():
            return None  # "it was announced that": no speaker
    return None


def _document_sender(doc_noun: Token) -> Token:
    """Who sends a document the words are read from: the subject of the verb that has it as its object
    ("Lee posted a message ..."), else the document itself."""
    verb = doc_noun.head
    if doc_noun.dep_ == "dobj":
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and _can_speak(c, verb)]
        if subjects:
            return subjects[0]
    return doc_noun


#: Dashes as tokens (a hyphen counts only where spaces set it off).
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def after_dateline(tok: Token) -> bool:
    """``tok`` heads the words the parser set beside a dateline ("BANGKOK - Thailand's Red Shirts")."""
    head = tok.head
    return (tok.dep_ == "appos" and head.i < tok.i and head.is_upper and len(head) > 2
            and any(t.text in DASHES for t in tok.doc[head.i + 1:tok.left_edge.i + 1]))


def _object_controller(tok: Token) -> Token | None:
    """'That prompted Lee to call it "absurd"': the object of the verb above an infinitive speaks (object
    control), not that verb's subject."""
    x = tok if tok.dep_ == "xcomp" else tok.head if tok.dep_ == "conj" and tok.head.dep_ == "xcomp" else None
    if x is None or x.head.i == x.i:
        return None
    for c in x.head.children:
        if c.dep_ == "dobj" and c.i < x.i and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON"
                                                or c.lower_ in ("him", "her", "them")):
            return c
    return None


def _can_speak(subj: Token, verb: Token) -> bool:
    """Whether a subject can be a speaker: no number or date; a proper name the small model took for a work or
    an event ("Sanders responded" tagged WORK_OF_ART) still speaks as the subject of a speech verb."""
    if subj.ent_type_ not in _NOT_SPEAKERS:
        return True
    named = subj.pos_ == "PROPN" or (subj.text[:1].isupper() and subj.text[1:].islower())  # or tagged a noun
    return subj.ent_type_ in _MISTAKEN_NAMES and named and is_speech_verb(verb)


def cited(doc: Doc, start: int, end: int, quoted: list[tuple[int, int]]) -> Token | None:
    """The source of "citing X" / "cited X" in the sentence of ``[start, end)`` (outside any quote)."""
    reg = region(doc, start, end)
    if reg is None:
        return None
    for t in reg:
        if t.lemma_.lower() == "cite" and t.pos_ == "VERB" and not _inside(t, quoted) and not _person_cites(t):
            for c in t.children:
                if c.dep_ == "dobj" and _source_like(c) and not any(
                        qs < c.right_edge.idx + len(c.right_edge) and c.left_edge.idx < qe for qs, qe in quoted):
                    return c
    return None


def _source_like(tok: Token) -> bool:
    """Whether a cited object can be a source (a name or a source noun), not a reason ("citing low growth")."""
    return (tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.pos_ == "PROPN"
            or tok.lower_ in source_nouns() or tok.lemma_.lower() in source_nouns()
            or tok.lemma_.lower() in document_nouns())


def _person_cites(tok: Token) -> bool:
    """'X said, citing Y': a person who speaks and cites something keeps the words; only a reporting body
    ("the newspaper said, citing officials") passes them on to the cited source."""
    if tok.tag_ != "VBG" or tok.head.i == tok.i:
        return False
    subj = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        inv = _inverted(tok.head)
        subj = [inv] if inv is not None else []
    return any(s.ent_type_ == "PERSON" or s.lower_ in ("he", "she", "i", "we") for s in subj)


def clauses(doc: Doc, quoted: list[tuple[int, int]]) -> Iterator[tuple[Cue, int, int]]:
    """Indirect speech: (cue, start, end) character bounds of each reported clause."""
    verbs = cue_verbs()
    for tok in doc:
        if tok.lower_ == "according":
            obj = _according(tok)
            if obj is None:
                continue
            clause = _according_clause(tok)
            if clause is not None:
                yield Cue(tok, True), clause[0], clause[1]
            continue
        if _inside(tok, quoted):
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and (lemma in cue_nouns() or lemma in content_nouns()):
            # "Washington's warning that ...", "Washington renewed a warning that ...", "he reiterated the
            # position that ...": the noun's content clause, stated by its speaker or the verb's subject
            verb = tok.head
            by_verb = (tok.dep_ == "dobj" and any(c.dep_ == "nsubj" for c in verb.children)
                       and verb.lemma_.lower() not in denial_verbs()
                       and (lemma in cue_nouns() or is_speech_verb(verb)))
            owner = tok if lemma in cue_nouns() and _noun_speaker(tok) is not None else verb if by_verb else None
            for c in _content_clauses(tok) if owner is not None else ():
                yield Cue(owner, True), c[0], c[1]
            continue
        if tok.pos_ not in ("VERB", "AUX") or not verbs.get(tok.lemma_.lower()):
            continue
        # '"...," said ranking Democrat Ann Lee', parsed with "ranking" a clause (not '"...," adding that ...')
        inverted = after_a_quote(tok) and tok.tag_ not in ("VBG", "VBN")
        for c in tok.children:
            if c.dep_ != "ccomp" or c.i == tok.i or inverted and c.i > tok.i:
                continue  # (a clause whose verb is quoted, 'said trucks had "arrived safely" in ...', still counts)
            bounds = _clause_bounds(c)
            if bounds is not None:
                yield Cue(tok, True), bounds[0], bounds[1]
        # "X said in a statement that ...", parsed with the clause on "statement"
        for p in tok.children:
            if p.dep_ == "prep" and p.i > tok.i:
                for g in p.children:
                    if g.dep_ == "pobj":
                        for c in _content_clauses(g):
                            yield Cue(tok, True), c[0], c[1]


def _content_clauses(noun: Token) -> list[tuple[int, int]]:
    """Bounds of the that-clauses that give a noun's content ("a statement that the talks failed"; not a
    relative clause, "the statement that he issued")."""
    out = []
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and c.i > noun.i and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            bounds = _clause_bounds(c)
            if bounds is not None:
                out.append(bounds)
    return out


def _clause_bounds(c: Token) -> tuple[int, int] | None:
    """Character bounds of the clause headed by ``c`` without its complementizer and outer punctuation;
    None for a clause of fewer than three words."""
    # not a speech of its own that follows ("... had arrived safely, adding: '...'")
    own = {d.i for k in c.children if k.i > c.i and k.dep_ in ("advcl", "conj", "parataxis") and is_speech_verb(k)
           for d in k.subtree}
    toks = [t for t in c.subtree if not (t.dep_ == "mark" and t.head.i == c.i and t.i < c.i) and t.i not in own]
    toks = [t for t in toks if not t.is_punct or (toks[0].i < t.i < toks[-1].i)]
    if len(toks) < 3:
        return None
    return _with_marks(toks[0], toks[-1])


#: Quotation marks a reported clause keeps when it holds the other mark of the pair.
_QUOTE_MARKS = frozenset('"\u201c\u201d\u2018\u2019\'\u00ab\u00bb')


def _with_marks(first: Token, last: Token) -> tuple[int, int]:
    """Character bounds from ``first`` to ``last``, taking in the quotation mark just outside either end
    when the words hold an odd number of marks (the clause ends in a partial quote: 'it was "a mess."')."""
    doc = first.doc
    words = doc[first.i:last.i + 1]
    if sum(t.text in _QUOTE_MARKS for t in words) % 2:
        after = doc[last.i + 1:last.i + 3]  # the mark may follow the sentence's comma or stop: '"a mess,"'
        close = next((t for t in after if t.text in _QUOTE_MARKS), None)
        if close is not None and all(t.is_punct for t in doc[last.i + 1:close.i]):
            last = close
        elif first.i > 0 and doc[first.i - 1].text in _QUOTE_MARKS:
            first = doc[first.i - 1]
    return first.idx, last.idx + len(last)


def _according_clause(acc: Token) -> tuple[int, int] | None:
    """The clause an "according to X" phrase belongs to, without the phrase."""
    sent = acc.sent
    phrase = list(acc.subtree)
    if len(phrase) < 2:
        return None
    ps, pe = phrase[0].i, phrase[-1].i
    before = [t for t in sent if t.i < ps and not t.is_space]
    after = [t for t in sent if t.i > pe and not t.is_space]
    part = after if len(after) >= len(before) else before
    while part and part[0].is_punct:
        part = part[1:]
    while part and (part[-1].is_punct and part[-1].text not in ")"):
        part = part[:-1]
    if len(part) < 3:
        return None
    return _with_marks(part[0], part[-1])
