"""Plain-text cleaning, measured two ways (run by hand; nothing here is a test):

1. the dev gold set (../shared/dev + ../shared/examples) scored with ../shared/eval/score.py's cleaning
   metrics (content-line P/R/F1, boilerplate removed), running the clean stage alone (no NLP);
2. a check on sites the rules were never tuned on: the whole-page text of the English newspaper4k pages of
   ../shared/data/extraction (resiliparse, main_content=False: menus, share buttons, footers and all) as
   "scraped text"; lines found in the fixture's expected text count as content, the rest as boilerplate.
   The fixtures are tool-shaped (some keep share buttons or "Related:" lines), so read it as a trend.

    .venv/bin/python benchmarks/clean_text.py [SHARED_DIR]
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire import clean  # noqa: E402
from eventwire.clean.text import classify  # noqa: E402
from eventwire.model import Article  # noqa: E402
from eventwire.settings import load_settings  # noqa: E402


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def dev(shared: Path) -> None:
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    golds = score.load_gold(shared / "dev") + score.load_gold(shared / "examples")
    settings = load_settings(env={})
    preds, titles = {}, 0
    for g in golds:
        art = Article(id=g["id"], url=g.get("url"), published=g.get("published"), raw=g["raw"])
        try:
            clean.run(art, settings)
        except Exception as exc:  # noqa: BLE001 - report and go on
            print(f"{g['id']}: {exc}")
        preds[g["id"]] = art.to_record()
        titles += (g.get("title") or None) == (art.title or None)
    m, extra = score.score(golds, preds)
    c = m["content_lines"]
    print(f"dev+examples ({len(golds)} articles): content lines P {c.p():.3f} R {c.r():.3f} F1 {c.f():.3f}, "
          f"boilerplate removed {extra['boilerplate_removed']:.3f}, title as gold {titles}/{len(golds)}")


def full_pages(data: Path) -> None:
    try:
        from resiliparse.extract.html2text import extract_plain_text
    except ImportError:
        print("resiliparse not installed: full-page check skipped")
        return
    content = kept = boiler = dropped = 0
    for row in (json.loads(x) for x in (data / "expected.jsonl").read_text(encoding="utf-8").splitlines()):
        if not row["id"].startswith("newspaper4k/") or row.get("language") not in ("en", None) or not row["url"]:
            continue
        html = gzip.decompress((data / row["html_file"]).read_bytes()).decode("utf-8", errors="replace")
        page = extract_plain_text(html, main_content=False, list_bullets=False, links=False, alt_texts=False)
        expected = {_norm(p) for p in row["text"].split("\n") if _norm(p)}
        whole = _norm(row["text"])
        v = classify(page, row["url"])
        out = {id(ln) for ln in v.kept} | ({id(v.title)} if v.title else set())
        for ln in v.lines:
            key = _norm(ln.text)
            if not key:
                continue
            if key in expected or (len(key.split()) >= 8 and key in whole):
                content += 1
                kept += id(ln) in out
            else:
                boiler += 1
                dropped += id(ln) not in out
    print(f"whole-page text of newspaper4k pages: content lines kept {kept / content:.3f} ({kept}/{content}), "
          f"boilerplate lines removed {dropped / boiler:.3f} ({dropped}/{boiler})")


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    if not (shared / "eval" / "score.py").is_file():
        print(f"no shared data at {shared}", file=sys.stderr)
        return 2
    dev(shared)
    full_pages(shared / "data" / "extraction")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
