"""The pipeline: ingest -> clean -> analyse (actors, quotes, events, figures), one article at a time.

Articles stream through in batches of ``settings.batch_size`` (spaCy parses a batch at once); memory does
not grow with the number of articles.  A stage that fails on one article leaves an error record on that
article and the batch goes on.
"""
from __future__ import annotations

import itertools
from typing import Callable, Iterable, Iterator

from . import clean, ingest, knowledge
from .analyse import actors, events, figures, nlp, quotes
from .errors import EventwireError, ModelError, SettingsError, make, message
from .model import Article
from .settings import Settings, load_settings

#: Analysis stages in the order they run: later stages read what earlier ones found.
STAGES = {"actors": actors, "quotes": quotes, "events": events, "figures": figures}


def _check_stages(settings: Settings) -> None:
    for name in settings.stages:
        if name not in STAGES:
            raise make(SettingsError, "E102", name="stages", value=name, why="unknown stage",
                       expected="a comma-separated subset of " + ",".join(STAGES))


def _guard(stage: str, fn: Callable[[Article, Settings], Article], art: Article, settings: Settings) -> None:
    try:
        fn(art, settings)
    except ModelError:
        raise  # a missing model is the user's set-up, not this article: stop with the fix
    except EventwireError as exc:
        art.add_error(exc.code, stage, exc.message)
    except Exception as exc:  # noqa: BLE001 - one article must never stop the batch
        art.add_error("E501", stage, message("E501", stage=stage, why=f"{type(exc).__name__}: {exc}"))


def _readable(art: Article) -> bool:
    return art.raw is not None or art.html is not None


def _english(art: Article) -> bool:
    """False for text that clean found to be in another language (E303): the analysis is English-only."""
    return not art.language or art.language.lower().replace("_", "-").split("-")[0] == "en"


def analyse(batch: list[Article], settings: Settings) -> list[Article]:
    """Clean and analyse a batch of raw articles in place; returns the batch."""
    wanted = [n for n in STAGES if n in settings.stages]
    for art in batch:
        if _readable(art):
            _guard("clean", clean.run, art, settings)
        if art.text and not _english(art):
            art.add_error("E303", "clean", message("E303", lang=art.language))
        if art.id is None:
            art.id = art.content_hash()
    needs: set[str] = set().union(*(STAGES[n].NEEDS for n in wanted)) if wanted else set()
    ready = [a for a in batch if a.text and _english(a)]
    try:
        nlp.parse(ready, settings, needs)
    except ModelError:
        raise
    except Exception:  # noqa: BLE001 - fall back to one article at a time to find the culprit
        for art in ready:
            try:
                nlp.parse([art], settings, needs)
            except ModelError:
                raise
            except Exception as exc:  # noqa: BLE001
                art.add_error("E501", "nlp", message("E501", stage="nlp", why=f"{type(exc).__name__}: {exc}"))
    for art in batch:
        if _english(art) and (art.text and "doc" in art.cache or (art.text and not needs)):
            for name in wanted:
                _guard(name, STAGES[name].run, art, settings)
            if "actors" in wanted and len(wanted) > 1:
                # keep the actors that speak, act or are acted on (GUIDE.md), once the others have run
                _guard("actors", lambda a, _s: actors.prune(a), art, settings)
        art.cache.clear()
    return batch


def run(inputs: Iterable[str], settings: Settings | None = None) -> Iterator[Article]:
    """Read ``inputs`` (paths, directories or "-" for stdin) and yield one analysed Article per article,
    in input order."""
    settings = settings or load_settings()
    _check_stages(settings)
    return run_articles(ingest.read(inputs, settings), settings)


def run_articles(articles: Iterable[Article], settings: Settings | None = None) -> Iterator[Article]:
    """Clean and analyse already-read articles (``raw`` or ``html`` set), yielding them in order."""
    settings = settings or load_settings()
    _check_stages(settings)
    knowledge.use(settings.knowledge)  # E402 for a bad user file: the user's set-up, before any article
    it = iter(articles)
    while batch := list(itertools.islice(it, max(1, settings.batch_size))):
        yield from analyse(batch, settings)


def process(text: str | None = None, *, html: str | None = None, settings: Settings | None = None,
            **meta) -> Article:
    """Analyse one article given as a string (plain text or ``html=``); metadata as keywords
    (``published="2023-10-11"``, ``url=...``, ``id=...``)."""
    art = Article(raw=text, html=html, **meta)
    return next(run_articles([art], settings))

