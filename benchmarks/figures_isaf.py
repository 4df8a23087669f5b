"""Figures on ISAF press releases: killed-count exact match and F1 on (category, count).

Runs eventwire (clean + figures, ``figures_implicit`` on) on each release of the ISAF data set
(``../shared/data/isaf/isaf.jsonl``, raw text and published date) and compares per-release totals with
the annotation, which gives one minimum total per category for the whole release (README there):

- total killed = the sum of the killed figures eventwire reports for distinct victims (see ``totals``):
  breakdowns (``part_of`` set) are not added, a figure repeated in one release is reported once by the
  stage, a lead total is not added to its details, and a vague amount counts as its conservative minimum
  (``_numbers.vague_minimum``: "several"/"multiple" = 3, "numerous" = 4, the annotators' convention);
- the annotation writes captured as ``detained``; arrests are captures, so detained = arrested + detained.

Usage: .venv/bin/python benchmarks/figures_isaf.py [DATA.jsonl] [--stated-only] [--stages figures] [--show N]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eventwire import load_settings
from eventwire.analyse._numbers import vague_minimum
from eventwire.model import Article
from eventwire.pipeline import run_articles

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "isaf" / "isaf.jsonl"
#: The annotation's categories from eventwire's.
CATEGORY = {"killed": "killed", "arrested": "detained", "detained": "detained"}
#: Qualifiers that make N a strict lower bound.
_OVER = ("more than ", "over ", "in excess of ", "upwards of ")


def totals(art: Article) -> dict[str, int]:
    """Per-category totals of one release, as the annotation counts them ("min_killed"/"min_captured"):

    - "more than N" / "over N" is a minimum of N + 1 ("more than 30" = 31);
    - a lead count that is at least the sum of the later ones is the release's total and the later ones
      are its details (an "operational update" summarises, then tells each operation);
    - vague amounts count when listed with a number in one sentence ("a leader and several associates"
      = 1 + 3), else only when no number is given, as the largest of their minimums (a release repeats
      "several insurgents" in its lead and its body, and a vague lead summarises the counted details);
    - breakdowns (``part_of``) are never added.
    """
    out: dict[str, int] = {}
    for cat in ("killed", "detained"):
        counts: list[int] = []
        vague: list[tuple[int, str]] = []
        counted_in: set[str] = set()  # evidence sentences holding a number of this category
        for fig in sorted(art.figures, key=lambda f: f.start):
            if CATEGORY.get(fig.category) != cat or fig.part_of is not None:
                continue
            span = art.text[fig.start:fig.end].lower()
            if fig.count is not None:
                counts.append(fig.count + (1 if span.startswith(_OVER) else 0))
                counted_in.add(fig.evidence)
            elif fig.vague:
                vague.append((vague_minimum(span) or 0, fig.evidence))
        if len(counts) > 1 and counts[0] > 1 and counts[0] >= sum(counts[1:]):
            counts = counts[:1]
        listed = [v for v, ev in vague if ev in counted_in]  # "a leader and several associates"
        out[cat] = sum(counts) + sum(listed) if counts else max((v for v, _ in vague), default=0)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT))
    ap.add_argument("--stated-only", action="store_true", help="figures_implicit off (stated numbers only)")
    ap.add_argument("--stages", default="figures", help="analysis stages to run (default: figures)")
    ap.add_argument("--show", type=int, default=0, help="print the first N releases whose killed total differs")
    args = ap.parse_args(argv)
    path = Path(args.data)
    if not path.is_file():
        print(f"no data at {path}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    settings = load_settings(env={}).replace(stages=args.stages, figures_implicit=not args.stated_only,
                                             progress="never")
    arts = [Article(id=r["id"], raw=r["raw"], published=r.get("published")) for r in rows]
    t0 = time.perf_counter()
    done = list(run_articles(arts, settings))
    secs = time.perf_counter() - t0
    tp = n_pred = n_gold = 0
    exact = exact_pos = n_pos = exact_stated = n_stated = errors = 0
    shown = 0
    for row, art in zip(rows, done):
        errors += bool(art.errors)
        gold = {f["category"]: f["count"] for f in row["figures"]}
        stated = {f["category"] for f in row["figures"] if f.get("stated")}
        pred = {k: v for k, v in totals(art).items() if v > 0}
        tp += sum(1 for k, v in pred.items() if gold.get(k) == v)
        n_pred += len(pred)
        n_gold += len(gold)
        ok = pred.get("killed", 0) == gold.get("killed", 0)
        exact += ok
        if gold.get("killed", 0) > 0:
            n_pos += 1
            exact_pos += ok
        if "killed" in stated:
            n_stated += 1
            exact_stated += ok
        if not ok and shown < args.show:
            shown += 1
            print(f"--- {row['id']} gold {gold} pred {pred}")
            for f in art.figures:
                print(f"    {f.category} {f.count} vague={f.vague} part_of={f.part_of} | "
                      f"{art.text[f.start:f.end]!r} | {f.evidence[:160]!r}")
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    mode = "stated numbers only" if args.stated_only else "figures_implicit"
    print(f"ISAF {path.name}: {len(rows)} releases, {errors} with errors, {secs:.1f}s ({mode}, stages={args.stages})")
    print(f"killed-count exact match: {exact / len(rows):.3f} ({exact}/{len(rows)}); "
          f"releases with killed > 0: {exact_pos / max(n_pos, 1):.3f} ({exact_pos}/{n_pos}); "
          f"killed stated as a number: {exact_stated / max(n_stated, 1):.3f} ({exact_stated}/{n_stated})")
    print(f"figures (category, total) P {p:.3f} R {r:.3f} F1 {f1:.3f} (tp {tp}, pred {n_pred}, gold {n_gold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
