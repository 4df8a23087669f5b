"""Cleaning: from raw text or an HTML page to clean article text and metadata.  Entry point: :func:`run`.

- plain text (``article.raw``): every line is judged as article text or boilerplate (:mod:`.text`); kept
  lines become paragraphs, unchanged but for outer whitespace; dropped lines go to ``article.removed``.
- HTML (``article.html``): the main text and metadata come from the extractor (:mod:`.html`); its blocks
  become paragraphs, less the headline's own line.  The plain-text line filter is not run on them: on the
  extraction set (benchmarks/extraction.py) it lowered token F1 from 0.93 to 0.86, the extractor having
  already dropped the page furniture.

Metadata the input lacks is filled in: title (the headline line, not repeated in the text), outlet,
published (ISO date), byline, language.
"""
from __future__ import annotations

from ..errors import CleanError, make
from ..model import Article
from ..settings import Settings
from . import html as _html
from . import metadata as meta
from .lines import normalise, split
from .text import classify

__all__ = ["run", "clean_text"]


def run(article: Article, settings: Settings) -> Article:
    """Set ``text``, ``removed`` and the missing metadata of ``article``; raise CleanError (E301/E302)
    when no article text is left."""
    url = article.url or None  # settings.url is applied by ingest, to explicit single files only
    if article.raw is None and article.html is not None:
        page = _html.extract(article.html, url, settings)
        if not page.text.strip():
            raise make(CleanError, "E301", why=page.why or "the extractor found no main text")
        article.title = article.title or page.title
        article.byline = article.byline or page.byline
        article.published = article.published or page.published
        article.outlet = article.outlet or page.site_name
        article.language = article.language or page.language
        clean_text(article, page.text, url, remove=False)
    else:
        clean_text(article, article.raw or "", url, remove=settings.clean)
    if not article.published and settings.published:
        article.published = settings.published
    article.outlet = article.outlet or meta.outlet(url)
    if not article.text:
        raise make(CleanError, "E302")
    return article


def _same_headline(key: str, title_key: str, position: int) -> bool:
    """The headline's own line: equal to the title, or near the top and one containing the other with
    little left over (a title tag with the site's name, a headline with a kicker)."""
    if key == title_key:
        return True
    short, long_ = sorted((key, title_key), key=len)
    return position < 3 and bool(short) and short in long_ and len(short) >= 0.8 * len(long_)


def clean_text(article: Article, raw: str, url: str | None, remove: bool = True) -> Article:
    """Judge the lines of ``raw`` and fill the article's text, removed lines and text-derived metadata.
    With ``remove`` false every line is kept but the headline's own line (when the title is known)."""
    if not remove:
        title_key = normalise(article.title) if article.title else ""
        ls = split(raw)
        article.text = "\n\n".join(ln.text for i, ln in enumerate(ls)
                                    if not (title_key and _same_headline(ln.key, title_key, i)))
        article.language = article.language or meta.language(article.text)
        return article
    v = classify(raw, url, article.title)
    if v.title is not None and not article.title:
        article.title = v.title.text
    article.text = "\n\n".join(ln.text for ln in v.kept)
    article.removed = [ln.text for ln in v.removed]
    article.published = article.published or meta.published(v.lines, v.removed, v.kept, url)
    article.byline = article.byline or meta.byline(v.removed, v.title)
    article.language = article.language or meta.language(article.text)
    return article
