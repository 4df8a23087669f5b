"""HTML main-text extraction: trafilatura (favour recall, no comments), with a fallback extractor when it
finds almost nothing, and the page's metadata read cheaply from its meta tags and JSON-LD.

Measured on the extraction development set by ``benchmarks/extraction.py``: trafilatura with
``favor_recall`` beats its defaults in F1 and in time; when it returns under ``_MIN_CHARS`` characters,
resiliparse (else readability-lxml), when installed, usually finds the article it missed.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..settings import Settings
from . import _knowledge as kb
from . import lines as L
from . import metadata as meta

#: Below this many characters trafilatura's text is treated as a miss and the fallback is tried.
_MIN_CHARS = 500
_TITLE_SEP = re.compile(r"\s+[|–—»·-]\s+")


@dataclass
class Page:
    """What the extractor found: main text (one block per line) and metadata."""

    text: str = ""
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    site_name: str | None = None
    language: str | None = None
    extractor: str | None = None
    why: str | None = None


def extract(html: str, url: str | None, settings: Settings) -> Page:
    """Main text and metadata of one page, with the extractor named by ``settings.extractor``.  An
    extractor's own failure is recorded in ``why`` (and the next one tried), never raised."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return Page(why="the page could not be parsed as HTML")
    page = _metadata(tree, url)
    choice = settings.extractor
    order = ["trafilatura", "resiliparse", "readability"] if choice == "auto" else [choice]
    failures = []
    for name in order:
        try:
            text = _trafilatura(tree, url) if name == "trafilatura" else _OTHERS[name](html)
        except Exception as exc:  # noqa: BLE001 - a third-party failure on one page: try the next
            failures.append(f"{name} failed: {type(exc).__name__}: {exc}")
            continue
        if text is None:  # not installed
            failures.append(f"{name} is not installed (pip install it, or use extractor=auto)")
            continue
        if len(text) > len(page.text):
            page.text, page.extractor = text, name
        if len(page.text) >= _MIN_CHARS or name != "trafilatura":
            break  # the fallback is tried once, when trafilatura found (almost) nothing
    page.text = "\n".join(b.strip() for b in page.text.splitlines() if b.strip())
    if not page.text:
        page.why = "; ".join(failures) or f"{page.extractor or order[0]} found no main text"
    elif not _has_article_text(page.text):
        page.why = f"{page.extractor} found only a few words and no sentence ({page.text[:60]!r})"
        page.text = ""
    return page


def _has_article_text(text: str) -> bool:
    """At least one sentence, or enough words to be more than a menu."""
    ls = L.split(text)
    return any(ln.ends_sentence and ln.n_words >= 4 for ln in ls) or sum(ln.n_words for ln in ls) >= 12


def _trafilatura(tree: Any, url: str | None) -> str:
    import trafilatura

    doc = trafilatura.bare_extraction(tree, url=url, favor_recall=True, include_comments=False,
                                      with_metadata=False)
    return (doc.text or "") if doc is not None else ""


def _resiliparse(html: str) -> str | None:
    try:
        from resiliparse.extract.html2text import extract_plain_text
    except ImportError:
        return None
    return extract_plain_text(html, main_content=True, list_bullets=False)


def _readability(html: str) -> str | None:
    try:
        import lxml.html
        from readability import Document
    except ImportError:
        return None
    summary = Document(html).summary(html_partial=True)
    if not summary.strip():
        return ""
    root = lxml.html.fromstring(summary)
    blocks = root.xpath("//p|//h1|//h2|//h3|//h4|//li|//blockquote|//pre")
    return "\n".join(b.text_content().strip() for b in blocks) if blocks else root.text_content()


_OTHERS = {"resiliparse": _resiliparse, "readability": _readability}


def _meta_tags(tree: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        val = (el.get("content") or "").strip()
        if key and val and key not in out:
            out[key] = val
    return out


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for el in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(el.text_content() or "")
        except ValueError:
            continue  # broken JSON-LD is common and harmless: the meta tags still count
        stack = data if isinstance(data, list) else [data]
        while stack:
            x = stack.pop(0)
            if isinstance(x, dict):
                items.append(x)
                stack.extend(v for v in x.get("@graph", []) if isinstance(v, dict))
    return items


def _name(x: Any) -> str | None:
    if isinstance(x, list):
        names = [n for n in (_name(v) for v in x) if n]
        return ", ".join(names) or None
    if isinstance(x, dict):
        return _name(x.get("name"))
    return x.strip() if isinstance(x, str) and x.strip() and "://" not in x else None


def _date(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"\s*((?:19|20)\d{2})-?(\d{2})-?(\d{2})", value)
    if m:
        return meta._valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return meta.full_date(value)


def _first(fields: list[str], tags: dict[str, str], ld: dict[str, Any], tree: Any) -> str | None:
    """The first value found among ``fields`` (meta tag names, "ld:<field>", "<title>", "h1")."""
    for f in fields:
        if f.startswith("ld:"):
            value = _name(ld.get(f[3:]))
        elif f == "<title>":
            value = _page_title((tree.findtext(".//title") or "").strip())
        elif f == "h1":
            h1 = [h.text_content().strip() for h in tree.iterfind(".//h1")]
            value = h1[0] if len(h1) == 1 else None
        else:
            value = _name(tags.get(f))
        if value:
            return value
    return None


def _metadata(tree: Any, url: str | None) -> Page:
    where = kb.html_meta()
    tags = _meta_tags(tree)
    ld = next((x for x in _json_ld(tree) if isinstance(x.get("@type"), str)
               and re.search(where["ld_types"], x["@type"])), {})
    page = Page()
    title = _first(where["title"], tags, ld, tree)
    page.title = " ".join(title.split()) if title else None
    page.site_name = _first(where["site_name"], tags, ld, tree)
    page.byline = _first(where["byline"], tags, ld, tree) or _byline_node(tree, where["byline_xpath"])
    page.published = next((iso for f in where["published"]
                           if (iso := _date(_first([f], tags, ld, tree)))), None)
    page.published = page.published or meta.url_date(url) or _time_element(tree)
    lang = (tree.get("lang") or _first(where["language"], tags, ld, tree) or "").strip().lower()
    page.language = re.split(r"[-_]", lang)[0] or None if lang else None
    return page


def _page_title(title: str) -> str | None:
    """The <title> without the site name: the part before the last separator when that leaves a few
    words ("Headline | Site"), else the part after the first one ("Site | Headline")."""
    parts = _TITLE_SEP.split(title)
    if len(parts) < 2:
        return title or None
    head = " ".join(title[:[m.start() for m in _TITLE_SEP.finditer(title)][-1]].split())
    if len(head.split()) >= 3:
        return head
    return " ".join(title[_TITLE_SEP.search(title).end():].split()) or None


def _byline_node(tree: Any, xpath: str) -> str | None:
    for el in tree.xpath(xpath)[:3]:
        text = " ".join(el.text_content().split())
        text = re.sub(r"^(?:by|from)\s+", "", text, flags=re.I)
        if text and len(text.split()) <= 8:
            return text
    return None


def _time_element(tree: Any) -> str | None:
    for el in list(tree.iterfind(".//time"))[:3]:
        if iso := _date(el.get("datetime")):
            return iso
    return None
