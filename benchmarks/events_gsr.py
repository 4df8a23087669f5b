"""Benchmark the events stage on public coded sentences and its speed on the dev articles, by hand.

    .venv/bin/python benchmarks/events_gsr.py [--shared ../shared] [--limit N]

- PLOVER gold standard records (``data/plover-gsr/plover_gsr.jsonl``): each sentence is coded alone;
  type accuracy of the most confident event (no event counts as wrong), and, where the type is right and
  the gold names one, source and target country accuracy; also type precision (right types among
  sentences where the coder emitted an event) and the share of sentences with an event.
- CAMEO quad classes (``data/cameo/train.jsonl``): the most confident event's CAMEO root mapped to the
  data set's classes (01-02 -> 0, 03-05 -> 1, 06-08 -> 2, 09-13 and 16 -> 3, 14-15 and 17-20 -> 4);
  no event = 0.
- Events-stage throughput on the dev articles (parsing excluded): articles per second.

Reads the data at run time; writes nothing.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from eventwire import clean, pipeline
from eventwire.analyse import actors, events, nlp, quotes
from eventwire.model import Article
from eventwire.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def quad_of_cameo(code: str | None) -> int:
    """The CAMEO data set's quad class of a CAMEO code (by its two-digit root)."""
    if not code:
        return 0
    root = int(code[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


def _best(art: Article):
    return max(art.events, key=lambda e: e.confidence) if art.events else None


def _code_sentences(sentences: list[str], settings) -> list[Article]:
    s = settings.replace(stages="actors,quotes,events")
    arts = [Article(id=str(i), raw=t) for i, t in enumerate(sentences)]
    return list(pipeline.run_articles(arts, s))


def gsr(path: Path, settings, limit: int | None) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][:limit]
    arts = _code_sentences([r["sentence"] for r in rows], settings)
    right = emitted = right_emitted = 0
    src_ok = src_n = tgt_ok = tgt_n = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for r, art in zip(rows, arts):
        best = _best(art)
        if best is None:
            confusion[(r["type"], "-")] += 1
            continue
        emitted += 1
        # the type is right if any event of the sentence has it (the sentence may hold several)
        hit = next((e for e in art.events if e.type == r["type"]), None)
        if best.type == r["type"] or hit is not None:
            right += best.type == r["type"]
            right_emitted += 1
            ev = hit or best
            if r.get("source_country"):
                src_n += 1
                src_ok += ev.source_country == r["source_country"]
            if r.get("target_country"):
                tgt_n += 1
                tgt_ok += ev.target_country == r["target_country"]
        else:
            confusion[(r["type"], best.type)] += 1
    n = len(rows)
    print(f"PLOVER GSR: {n} sentences")
    print(f"  type accuracy (most confident event)   {right / n:.3f}")
    print(f"  type found among the sentence's events  {right_emitted / n:.3f}")
    print(f"  sentences with an event                 {emitted / n:.3f}")
    print(f"  type precision where an event is coded  {right_emitted / emitted if emitted else 0:.3f}")
    print(f"  source country accuracy (type right)    {src_ok / src_n if src_n else 0:.3f} ({src_n})")
    print(f"  target country accuracy (type right)    {tgt_ok / tgt_n if tgt_n else 0:.3f} ({tgt_n})")
    print("  most frequent errors (gold -> coded):", ", ".join(f"{g}->{p} {c}" for (g, p), c in
                                                             confusion.most_common(8)))


def cameo(path: Path, settings, limit: int | None) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][:limit]
    arts = _code_sentences([r["sentence"] for r in rows], settings)
    ok = 0
    by_class: Counter[int] = Counter()
    ok_class: Counter[int] = Counter()
    for r, art in zip(rows, arts):
        best = _best(art)
        q = quad_of_cameo(best.cameo) if best else 0
        by_class[r["quad_class"]] += 1
        if q == r["quad_class"]:
            ok += 1
            ok_class[q] += 1
    print(f"CAMEO quad classes: {len(rows)} sentences")
    print(f"  quad-class accuracy                     {ok / len(rows):.3f}")
    print("  per class (right/all):", ", ".join(f"{c}: {ok_class[c]}/{by_class[c]}" for c in sorted(by_class)))


def throughput(dev: Path, settings) -> None:
    files = sorted(dev.glob("*.gold.json"))
    arts = []
    for f in files:
        g = json.loads(f.read_text())
        art = Article(id=g["id"], raw=g["raw"], published=g.get("published"))
        clean.run(art, settings)
        arts.append(art)
    nlp.parse(arts, settings, actors.NEEDS | quotes.NEEDS | events.NEEDS)
    for art in arts:
        actors.run(art, settings)
        quotes.run(art, settings)
    t0 = time.perf_counter()
    for art in arts:
        events.run(art, settings)
    dt = time.perf_counter() - t0
    print(f"events stage throughput on dev: {len(arts) / dt:.1f} articles/s ({len(arts)} articles, "
          f"{sum(len(a.events) for a in arts)} events, parsing excluded)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--limit", type=int, default=None, help="only the first N sentences of each set")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not shared.exists():
        print(f"no shared directory {shared}", file=sys.stderr)
        return 1
    settings = load_settings()
    gsr(shared / "data" / "plover-gsr" / "plover_gsr.jsonl", settings, args.limit)
    cameo(shared / "data" / "cameo" / "train.jsonl", settings, args.limit)
    throughput(shared / "dev", settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
