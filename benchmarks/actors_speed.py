"""Throughput of the actors stage, by hand (not a test: timings depend on the machine).

    .venv/bin/python benchmarks/actors_speed.py [GOLD_DIR] [--repeat N]

Cleans the raw text of every gold article in GOLD_DIR (default ../shared/dev; falls back to the shipped
example article) once, then times, in articles per second:

- ``ner-only``: spaCy with only the NER component (what plain NER costs, the floor of any actor finder);
- ``actors``: the actors stage as the pipeline runs it (parse with the components it NEEDS + run());
- ``run-only``: actors.run() alone on already parsed articles (the stage's own cost);
- ``pipeline``: clean + parse + actors, quotes, events, figures and prune, end to end.

Each figure is the best of ``--repeat`` runs (default 3) after one warm-up.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventwire import clean, pipeline
from eventwire.analyse import actors, nlp
from eventwire.model import Article
from eventwire.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def _raw_texts(gold_dir: Path) -> list[str]:
    files = sorted(gold_dir.glob("*.gold.json"))
    if files:
        return [json.loads(f.read_text(encoding="utf-8"))["raw"] for f in files]
    return [(ROOT / "src" / "eventwire" / "examples" / "sample.txt").read_text(encoding="utf-8")]


def _best(fn, repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", nargs="?", default=str(ROOT.parent / "shared" / "dev"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    settings = load_settings(env={})
    raws = _raw_texts(Path(args.gold_dir))
    texts = []
    for raw in raws:
        art = Article(raw=raw)
        clean.run(art, settings)
        texts.append(art.text)
    model = nlp.load(settings.model)
    n = len(texts)
    chars = sum(map(len, texts))

    def ner_only() -> None:
        with model.select_pipes(enable=["ner"]):
            for _ in model.pipe(texts, batch_size=settings.batch_size):
                pass

    def actor_stage() -> None:
        arts = [Article(text=t) for t in texts]
        nlp.parse(arts, settings, actors.NEEDS)
        for a in arts:
            actors.run(a, settings)

    parsed = [Article(text=t) for t in texts]
    nlp.parse(parsed, settings, actors.NEEDS)

    def run_only() -> None:
        for a in parsed:
            actors.run(a, settings)

    def full() -> None:
        list(pipeline.run_articles([Article(raw=r) for r in raws], settings))

    print(f"{n} articles, {chars / n:.0f} characters each on average, model {nlp.resolve_model_name(settings.model)}")
    for name, fn in (("ner-only", ner_only), ("actors", actor_stage), ("run-only", run_only), ("pipeline", full)):
        secs = _best(fn, args.repeat)
        print(f"{name:10} {n / secs:8.1f} articles/s  ({secs:.2f} s)")


if __name__ == "__main__":
    main()
