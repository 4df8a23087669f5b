"""HTML main-text extraction benchmark: eventwire's extractor against trafilatura, resiliparse and
readability-lxml on the extraction development set (../shared/data/extraction, see its README).

    .venv/bin/python benchmarks/extraction.py [DATA_DIR] [--limit N] [--only NAME,NAME]

For each extractor: bag-of-words token F1 of the extracted text against the expected ``text`` (averaged over
pages), pages per second, and for eventwire the ratios to trafilatura's defaults (F1 and time per page).
eventwire is scored on its clean ``text`` (the headline is a field of its own) and timed for the whole
clean stage (extraction, metadata, headline removal); extractors run page by page in turn so that load on
the machine falls on all of them alike.
Then metadata accuracy (title, byline, date, site name) of eventwire's extractor against the fixtures.
Run by hand; nothing here is a test.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter:
    return Counter(_TOKEN.findall(unicodedata.normalize("NFKC", text or "").lower()))


def f1(pred: str, gold: str) -> float:
    p, g = tokens(pred), tokens(gold)
    if not p and not g:
        return 1.0
    common = sum((p & g).values())
    if not common:
        return 0.0
    prec, rec = common / sum(p.values()), common / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def load(data: Path, limit: int | None) -> list[dict]:
    rows = [json.loads(x) for x in (data / "expected.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    for r in rows[:limit]:
        r["html"] = gzip.decompress((data / r["html_file"]).read_bytes()).decode("utf-8", errors="replace")
    return rows[:limit]


def _trafilatura(**kw) -> Callable[[str, str | None], str]:
    import trafilatura

    return lambda html, url: trafilatura.extract(html, url=url, **kw) or ""


def _resiliparse(html: str, url: str | None) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(html, main_content=True)


def _readability(html: str, url: str | None) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


def _eventwire(html: str, url: str | None) -> str:
    from eventwire import clean
    from eventwire.model import Article

    art = Article(html=html, url=url)
    try:
        clean.run(art, _eventwire.settings)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - an empty page scores 0, as for the other extractors
        return art.title or ""
    _eventwire.last = art  # type: ignore[attr-defined]
    return art.text  # the contract's text; the headline is its own field, as in trafilatura's output


def extractors() -> dict[str, Callable[[str, str | None], str]]:
    from eventwire.settings import load_settings

    _eventwire.settings = load_settings(env={}).replace(stages=())  # type: ignore[attr-defined]
    return {
        "trafilatura": _trafilatura(),
        "trafilatura-recall": _trafilatura(favor_recall=True),
        "trafilatura-precision": _trafilatura(favor_precision=True),
        "trafilatura-fast": _trafilatura(fast=True),
        "resiliparse": _resiliparse,
        "readability": _readability,
        "eventwire": _eventwire,
    }


def _meta_ok(field: str, got: str | None, want: str | None) -> bool:
    norm = lambda s: " ".join(_TOKEN.findall((s or "").lower()))  # noqa: E731
    if field == "published":
        return (got or "")[:10] == (want or "")[:10]
    g, w = norm(got), norm(want)
    return g == w or (bool(g) and bool(w) and (g in w or w in g))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data" / "extraction"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--only", default="", help="comma-separated extractor names")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "expected.jsonl").is_file():
        print(f"no extraction set at {data}", file=sys.stderr)
        return 2
    rows = load(data, args.limit)
    names = [n for n in extractors() if not args.only or n in args.only.split(",")]
    results: dict[str, tuple[float, float]] = {}
    meta_hits: Counter = Counter()
    meta_n: Counter = Counter()
    fns = extractors()
    print(f"{len(rows)} pages from {data}")
    for name in names:
        fns[name](rows[0]["html"], rows[0]["url"])  # warm-up (imports, caches)
    scores: dict[str, list[float]] = {n: [] for n in names}
    spent: Counter = Counter()
    for r in rows:  # page by page, every extractor in turn: load on the machine hits them alike
        for name in names:
            t0 = time.perf_counter()
            out = fns[name](r["html"], r["url"])
            spent[name] += time.perf_counter() - t0
            scores[name].append(f1(out, r["text"]))
            if name == "eventwire" and getattr(_eventwire, "last", None) is not None:
                art = _eventwire.last  # type: ignore[attr-defined]
                for field, got in (("title", art.title), ("byline", art.byline), ("published", art.published),
                                   ("site_name", art.outlet), ("language", art.language)):
                    if r.get(field):
                        meta_n[field] += 1
                        meta_hits[field] += _meta_ok(field, got, r[field])
                _eventwire.last = None  # type: ignore[attr-defined]
    print(f"{'extractor':24} {'F1':>6} {'pages/s':>8} {'ms/page':>8}")
    for name in names:
        mean = sum(scores[name]) / len(rows)
        results[name] = (mean, spent[name] / len(rows))
        print(f"{name:24} {mean:6.3f} {len(rows) / spent[name]:8.1f} {1000 * spent[name] / len(rows):8.1f}")
    if "eventwire" in results and "trafilatura" in results:
        (ef, et), (tf, tt) = results["eventwire"], results["trafilatura"]
        print(f"eventwire / trafilatura defaults: F1 ratio {ef / tf:.3f}, time-per-page ratio {et / tt:.3f}")
    if meta_n:
        print("eventwire metadata accuracy (pages where the fixture has the field):")
        for field in ("title", "byline", "published", "site_name", "language"):
            if meta_n[field]:
                print(f"  {field:10} {meta_hits[field] / meta_n[field]:.3f}  ({meta_hits[field]}/{meta_n[field]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
