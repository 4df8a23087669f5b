"""The quality gate: the whole pipeline (clean and every analysis stage) on ../shared/examples and
../shared/dev, scored with ../shared/eval/score.py; no metric may fall below its floor in
quality_floors.json (keys are score.py --json metric names, "content_lines.f1", "boilerplate_removed"...).

Raise a floor when a change lifts a metric for good; never lower one to let a change through.
Skipped when ../shared is absent."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from eventwire import pipeline
from eventwire.model import Article

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "quality_floors.json"


def _score_module(shared: Path):
    spec = importlib.util.spec_from_file_location("eventwire_gate_score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _flat(m: dict, extra: dict) -> dict[str, float]:
    out = {f"{k}.{part}": getattr(v, part)() for k, v in m.items() for part in ("p", "r", "f")}
    out = {k[:-2] + ".f1" if k.endswith(".f") else k: v for k, v in out.items()}
    out.update({k: v for k, v in extra.items() if isinstance(v, float)})
    return out


@pytest.fixture(scope="module")
def metrics(shared, settings) -> dict[str, float]:
    score = _score_module(shared)
    golds = score.load_gold(shared / "examples") + score.load_gold(shared / "dev")
    arts = [Article(id=g["id"], url=g.get("url"), published=g.get("published"), raw=g["raw"]) for g in golds]
    preds = {a.id: a.to_record() for a in pipeline.run_articles(arts, settings)}
    m, extra = score.score(golds, preds)
    assert extra["missing_docs"] == 0
    return _flat(m, extra)


def test_floors_file_names_real_metrics(metrics):
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    unknown = sorted(k for k in floors if not k.startswith("_") and k not in metrics)
    assert not unknown, f"quality_floors.json names metrics score.py does not produce: {unknown}"


def test_no_metric_below_its_floor(metrics):
    floors = {k: v for k, v in json.loads(FLOORS.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    report = "\n".join(f"  {k:22} {metrics[k]:.3f} (floor {v:.3f})" for k, v in sorted(floors.items()))
    low = {k: (round(metrics[k], 3), v) for k, v in floors.items() if metrics[k] < v}
    assert not low, f"metrics below their floors (got, floor): {low}\n{report}"
