#!/usr/bin/env python3
"""Quote extraction and attribution on PolNeAR (run by hand; not part of the test suite).

    .venv/bin/python benchmarks/quotes_polnear.py [--split dev|train] [--limit N] [--stride K [--offset I]]
                                                  [--out PRED.jsonl | --pred PRED.jsonl]

Reads ``../shared/data/polnear/<split>/*.gold.json`` at run time (article text is never copied into the
repository), runs the actors and quotes stages on each article's ``raw`` text (cleaning off, so offsets
match), and prints:

* ``quotes``: direct quotes, matched by text with ``shared/eval/score.py``'s ``text_match``;
* ``quotes+speaker``: direct quotes matched by text and speaker (``name_match`` on the prediction's ``speaker``,
  its first name, as ``score.py`` does), leaving out gold quotes
  whose speaker PolNeAR could not resolve (``speaker_resolved`` none/ambiguous) and the predictions that
  match them, as the PolNeAR README prescribes;
* ``speaker_acc``: of the text-matched direct quotes with a resolvable gold speaker, the share whose
  speaker matches (the "speaker accuracy" of the Gender Gap Tracker's evaluation);
* ``indirect+speaker``: reported speech matched by text and speaker (score.py's definition);
* ``speaker span exact`` / ``overlap``: direct quotes matched by text whose ``speaker_span`` equals / touches
  the words PolNeAR annotated as the source, the measure BBC Citron reports for source spans.  Approximate:
  the converted gold gives the source's words without offsets, so they are looked for next to the annotated
  cue nearest the quote.

Anchors from the literature: Gender Gap Tracker quote F1 0.837 / speaker accuracy 0.865; BBC Citron
speaker F1 0.82.
"""
from __future__ import annotations

import argparse
import difflib
import functools
import re
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(SHARED / "eval"))

from score import greedy, name_match, text_match  # noqa: E402  (shared/eval/score.py)

from eventwire import load_settings  # noqa: E402
from eventwire.model import Article  # noqa: E402
from eventwire.pipeline import run_articles  # noqa: E402

UNRESOLVED = ("none", "ambiguous")


class PRF:
    def __init__(self) -> None:
        self.tp = self.n_pred = self.n_gold = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    def line(self, name: str) -> str:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{name:20} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {self.tp}, pred {self.n_pred}, gold {self.n_gold})"


def _tm(g: dict, p: dict) -> bool:
    return text_match(g.get("text"), p.get("text"))


def _sm(g: dict, p: dict) -> bool:
    return _tm(g, p) and name_match(g.get("speaker"), p.get("speaker"))


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two stretches (0 where they touch or overlap)."""
    return max(b[0] - a[1], a[0] - b[1], 0)


@functools.lru_cache(maxsize=4096)  # one article's gold quotes share their sources and cues
def _occurrences(raw: str, words: str, quoted: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Where ``words`` stand in ``raw`` as whole words ("he" not inside "the"), outside quoted text."""
    if not words:
        return []
    pattern = (r"\b" if words[0].isalnum() else "") + re.escape(words) + (r"\b" if words[-1].isalnum() else "")
    return [(m.start(), m.end()) for m in re.finditer(pattern, raw)
            if not any(s <= m.start() and m.end() <= e for s, e in quoted)]


def _located(raw: str, words: str, q: dict, quotes: list[dict]) -> tuple[int, int] | None:
    """Where PolNeAR's source words for gold quote ``q`` stand in ``raw``.  The converted gold gives their text
    only, so this is approximate: of the places where the words stand (as whole words, outside quoted text),
    the one nearest an occurrence of the annotated cue, taking the cue nearest the attribution's content (all
    the entries of ``quotes`` that share ``q``'s attribution id: a source often stands between or after the
    quoted stretches of one attribution)."""
    words = words.strip().rstrip(",")
    if not words:
        return None
    quoted = tuple((x["start"], x["end"]) for x in quotes if x.get("kind") == "direct")
    # whole words outside quotes; failing that (a source annotated as part of a word), anywhere
    sources = _occurrences(raw, words, quoted) or [(m.start(), m.end()) for m in re.finditer(re.escape(words), raw)]
    if not sources:
        return None
    mine = [x for x in quotes if x.get("attribution") and x.get("attribution") == q.get("attribution")] or [q]
    content = (min(x["start"] for x in mine), max(x["end"] for x in mine))
    cues = _occurrences(raw, (q.get("verb") or "").strip().rstrip(":,"), quoted) or [content]
    # a source and its cue never overlap ("said at Trump Tower" does not hold the source "Trump")
    apart = [(_gap(c, content) + _gap(s, c), s) for c in cues for s in sources
             if c == content or not (c[0] < s[1] and s[0] < c[1])]
    return min(apart)[1] if apart else sources[0]


def _to_clean(raw: str, text: str):
    """Offset in PolNeAR's ``raw`` -> offset in our clean ``text`` (ingest normalises paragraph breaks and
    spaces, so the two differ by a few characters)."""
    if raw == text:
        return lambda i: i
    ours = [k for k, ch in enumerate(text) if not ch.isspace()]
    theirs = [k for k, ch in enumerate(raw) if not ch.isspace()]
    if len(ours) == len(theirs) and all(raw[a] == text[b] for a, b in zip(theirs, ours)):
        # only spaces and line breaks differ: the n-th visible character is the same on both sides
        rank = [0] * (len(raw) + 1)
        n = 0
        for k in range(len(raw) + 1):
            rank[k] = n
            if k < len(raw) and not raw[k].isspace():
                n += 1
        return lambda i: ours[rank[i]] if rank[i] < len(ours) else len(text)
    blocks = difflib.SequenceMatcher(None, raw, text, autojunk=False).get_matching_blocks()

    def at(i: int) -> int:
        for a, c, n in blocks:
            if a <= i < a + n or (n == 0 and a <= i):
                return c + (i - a) if n else c
            if i < a:
                return c
        return len(text)
    return at


def _span_scores(g: dict, p: dict, gq: list[dict], pq: list[dict], exact: PRF, overlap: PRF) -> None:
    """Citron-style source-span scores: a predicted quote counts when it matches a gold quote by text and its
    ``speaker_span`` equals (``exact``) or touches (``overlap``) the gold source words."""
    to_clean = _to_clean(g["raw"], p.get("text") or g["raw"])
    golden = [(q, _located(g["raw"], q.get("speaker_span") or "", q, g["quotes"])) for q in gq]
    golden = [(q, (to_clean(s[0]), to_clean(s[1] - 1) + 1)) for q, s in golden if s is not None]
    spanned = [q for q in pq if q.get("speaker_span")]
    hits = {"exact": 0, "overlap": 0}
    for (a, where), b in greedy(golden, spanned, lambda x, y: _tm(x[0], y)):
        s, e = b["speaker_span"]
        hits["exact"] += (s, e) == where
        hits["overlap"] += s < where[1] and where[0] < e
    exact.add(hits["exact"], len(spanned), len(golden))
    overlap.add(hits["overlap"], len(spanned), len(golden))


def score(golds: list[dict], preds: dict[str, dict]) -> dict[str, PRF | tuple[int, int]]:
    quotes, with_speaker, indirect = PRF(), PRF(), PRF()
    span_exact, span_overlap = PRF(), PRF()
    acc_ok = acc_n = 0
    by_kind: dict[str, list[int]] = {}  # gold speaker_resolved -> [right, all]
    for g in golds:
        p = preds.get(g["id"], {})
        gq = [q for q in g["quotes"] if q.get("kind") == "direct"]
        pq = [q for q in p.get("quotes", []) if q.get("kind") == "direct"]
        quotes.add(len(greedy(gq, pq, _tm)), len(pq), len(gq))
        _span_scores(g, p, gq, pq, span_exact, span_overlap)
        # speaker score without the gold quotes PolNeAR could not attribute (and predictions matching them)
        unresolved = [q for q in gq if q.get("speaker_resolved") in UNRESOLVED or not q.get("speaker")]
        taken = {id(x) for _, x in greedy(unresolved, pq, _tm)}
        gs = [q for q in gq if q not in unresolved]
        ps = [q for q in pq if id(q) not in taken]
        with_speaker.add(len(greedy(gs, ps, _sm)), len(ps), len(gs))
        for a, b in greedy(gs, ps, _tm):
            acc_n += 1
            ok = name_match(a.get("speaker"), b.get("speaker"))
            acc_ok += ok
            tally = by_kind.setdefault(a.get("speaker_resolved") or "?", [0, 0])
            tally[0] += ok
            tally[1] += 1
        gi = [q for q in g["quotes"] if q.get("kind") == "indirect"]
        pi = [q for q in p.get("quotes", []) if q.get("kind") == "indirect"]
        indirect.add(len(greedy(gi, pi, _sm)), len(pi), len(gi))
    return {"quotes": quotes, "quotes+speaker": with_speaker, "indirect+speaker": indirect,
            "speaker_acc": (acc_ok, acc_n), "by_kind": by_kind,
            "speaker span exact": span_exact, "speaker span overlap": span_overlap}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    ap.add_argument("--stride", type=int, default=1, help="score every Nth article (a sample across outlets)")
    ap.add_argument("--offset", type=int, default=0, help="with --stride: start at this article")
    ap.add_argument("--out", default="", help="also write the predictions here (JSONL)")
    ap.add_argument("--pred", default="", help="score these predictions (JSONL from --out) instead of running "
                    "the pipeline")
    args = ap.parse_args(argv)
    gold_dir = SHARED / "data" / "polnear" / args.split
    if not gold_dir.is_dir():
        print(f"{gold_dir} is not there: PolNeAR is read from ../shared at run time", file=sys.stderr)
        return 2
    files = sorted(gold_dir.glob("*.gold.json"))[args.offset::args.stride]
    if args.limit:
        files = files[: args.limit]
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    t0 = time.perf_counter()
    if args.pred:
        with open(args.pred, encoding="utf-8") as f:
            saved = {rec["id"]: rec for rec in map(json.loads, f)}
        preds = {g["id"]: saved[g["id"]] for g in golds if g["id"] in saved}
    else:
        settings = load_settings(env={}).replace(stages="actors,quotes", clean=False, progress="never")
        arts = [Article(id=g["id"], raw=g["raw"], published=g.get("published")) for g in golds]
        preds = {a.id: a.to_record() for a in run_articles(arts, settings)}
    took = time.perf_counter() - t0
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            for rec in preds.values():
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    res = score(golds, preds)
    failed = sum(1 for rec in preds.values() if rec["errors"])
    print(f"PolNeAR {args.split}: {len(golds)} articles, {took:.1f} s, {failed} with errors")
    for name in ("quotes", "quotes+speaker", "indirect+speaker"):
        print(res[name].line(name))  # type: ignore[union-attr]
    # the words naming the speaker against PolNeAR's source span (BBC Citron's "source span" measure, on
    # direct quotes): exact, and touching
    for name in ("speaker span exact", "speaker span overlap"):
        print(res[name].line(name))  # type: ignore[union-attr]
    ok, n = res["speaker_acc"]  # type: ignore[misc]
    print(f"{'speaker_acc':18} {ok / n if n else 0.0:.3f}  ({ok}/{n} text-matched direct quotes)")
    # by how PolNeAR resolved the gold speaker: "name" (a proper name in the text), "coref" (a pronoun or
    # description resolved to a name), "span" (a description kept as written: "a campaign aide", "the mayor",
    # which a resolved name never matches)
    kinds: dict[str, list[int]] = res["by_kind"]  # type: ignore[assignment]
    named = [sum(kinds.get(k, [0, 0])[i] for k in ("name", "coref")) for i in (0, 1)]
    parts = "  ".join(f"{k} {r / t:.3f} ({r}/{t})" for k, (r, t) in sorted(kinds.items()) if t)
    print(f"{'  by gold speaker':18} {parts}")
    if named[1]:
        print(f"{'  named speakers':18} {named[0] / named[1]:.3f}  ({named[0]}/{named[1]}: the gold speaker is a name "
              "in the text or one resolved through coreference)")
    # PolNeAR's converter takes only double quotation marks for direct quotes: articles that quote with two
    # apostrophes ('' ... '') have their quotes as indirect entries. The same scores without those articles:
    plain = [g for g in golds if g["raw"].count("''") < 2]
    if len(plain) < len(golds):
        for title, subset in ((f"without the {len(golds) - len(plain)} articles quoting with '':", plain),
                              ("all articles, with '' read as quotation marks (PolNeAR's rule for \"):",
                               [_doubled_apostrophes(g) for g in golds])):
            res = score(subset, preds)
            print(title)
            for name in ("quotes", "quotes+speaker", "speaker span exact", "speaker span overlap"):
                print("  " + res[name].line(name))  # type: ignore[union-attr]
            ok, n = res["speaker_acc"]  # type: ignore[misc]
            print(f"  {'speaker_acc':18} {ok / n if n else 0.0:.3f}  ({ok}/{n} text-matched direct quotes)")
    return 0


_DOUBLED = re.compile(r"''(.+?)''", re.S)


def _doubled_apostrophes(g: dict) -> dict:
    """``g`` with the quotes PolNeAR's converter would have made direct had it taken '' for a quotation mark:
    each ''-quoted stretch of an indirect entry's content becomes a direct quote (text without the marks and a
    trailing comma, the entry's speaker)."""
    if g["raw"].count("''") < 2:
        return g
    extra = []
    for q in g["quotes"]:
        if q.get("kind") != "indirect" or "''" not in (q.get("text") or ""):
            continue
        for m in _DOUBLED.finditer(q["text"]):
            words = m.group(1).strip().rstrip(",").strip()
            at = g["raw"].find(words, q["start"])
            if words and at >= 0:
                extra.append(dict(q, kind="direct", text=words, start=at, end=at + len(words)))
    return dict(g, quotes=g["quotes"] + extra)


if __name__ == "__main__":
    sys.exit(main())
