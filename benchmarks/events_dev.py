"""Score the events stage alone on a gold directory (default ../shared/dev), by hand.

    .venv/bin/python benchmarks/events_dev.py [GOLD_DIR] [--gold-actors] [--show]

Runs clean -> actors -> quotes -> events on each gold article's raw text with its gold ``published`` and
prints score.py's event figures.  ``--gold-actors`` adds the gold actor list (mentions found by name in
the text) to what the actors stage found: a way to measure the coder apart from actor recognition.
``--show`` prints missed and spurious events per article.  Reads the gold at run time; writes nothing.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
from pathlib import Path

from eventwire import clean
from eventwire.analyse import actors, events, nlp, quotes
from eventwire.model import Actor, Article
from eventwire.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def _score_module(gold_dir: Path):
    path = gold_dir.parent / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _gold_actors(art: Article, gold: dict) -> None:
    have = {a.name.lower() for a in art.actors}
    for ga in gold.get("actors", []):
        if ga["name"].lower() in have:
            continue
        names = [ga["name"]]
        if ga.get("kind") == "person" and " " in ga["name"]:
            names.append(ga["name"].split()[-1])
        mentions = []
        for n in names:
            for m in re.finditer(r"\b" + re.escape(n) + r"\b", art.text):
                mentions.append((m.start(), m.end()))
        if mentions:
            art.actors.append(Actor(ga["name"], ga.get("kind", "organization"), ga.get("country"),
                                    ga.get("role"), sorted(set(mentions))))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(ROOT.parent / "shared" / "dev"))
    ap.add_argument("--gold-actors", action="store_true")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    gold_dir = Path(args.gold)
    if not gold_dir.exists():
        print(f"no gold directory {gold_dir}", file=sys.stderr)
        return 1
    score = _score_module(gold_dir)
    settings = load_settings()
    golds = score.load_gold(gold_dir)
    preds = []
    t_events = 0.0
    for g in golds:
        art = Article(id=g["id"], raw=g["raw"], published=g.get("published"))
        clean.run(art, settings)
        nlp.parse([art], settings, actors.NEEDS | quotes.NEEDS | events.NEEDS)
        actors.run(art, settings)
        if args.gold_actors:
            _gold_actors(art, g)
        quotes.run(art, settings)
        t0 = time.perf_counter()
        events.run(art, settings)
        t_events += time.perf_counter() - t0
        rec = art.to_record()
        preds.append(rec)
        if args.show:
            _show(score, g, rec)
    m, extra = score.score(golds, {p["id"]: p for p in preds})
    for k in ("events", "events_type", "events+names"):
        print(f"{k:14s} P {m[k].p():.3f} R {m[k].r():.3f} F1 {m[k].f():.3f}")
    print(f"event_date_acc {extra['event_date_acc']:.3f}")
    print(f"events stage: {len(golds) / t_events:.1f} articles/s ({len(golds)} articles)")
    return 0


def _show(score, g: dict, p: dict) -> None:
    ge, pe = g.get("events", []), p.get("events", [])
    pairs = score.greedy(ge, pe, lambda x, y: score.event_key(x) == score.event_key(y))
    gm = {id(x) for x, _ in pairs}
    pm = {id(y) for _, y in pairs}
    print(f"== {g['id']} published={g.get('published')} gold={len(ge)} pred={len(pe)} tp={len(pairs)}")
    for x, y in pairs:
        if x.get("date") and x["date"] != (y.get("date") or ""):
            print(f"  DATE {x['type']} {x.get('source_country')}->{x.get('target_country')} gold={x['date']} "
                  f"pred={y.get('date')} | {y['trigger']}")
    for x in ge:
        if id(x) not in gm:
            print(f"  MISS {x['type']} {x.get('source')}/{x.get('source_country')} -> "
                  f"{x.get('target')}/{x.get('target_country')} | {x['evidence'][:100]}")
    for y in pe:
        if id(y) not in pm:
            print(f"  FP   {y['type']} {y.get('source')}/{y.get('source_country')} -> "
                  f"{y.get('target')}/{y.get('target_country')} [{y['trigger']}] | {y['evidence'][:100]}")


if __name__ == "__main__":
    raise SystemExit(main())
