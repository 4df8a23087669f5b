"""eventwire: raw news in, structured, source-attributed PLOVER event data out.

    >>> import eventwire
    >>> art = eventwire.process("Police arrested 12 protesters in Lagos on Monday.", published="2024-05-08")
    >>> [e.type for e in art.events]                                          # doctest: +SKIP
    ['COERCE']

Public API: :func:`process` (one article), :func:`code` (a stream of inputs), :class:`Article` and its
annotation types, :func:`load_settings`, and the exception tree in :mod:`eventwire.errors`.
"""
from .errors import EventwireError
from .model import Actor, Article, Event, Figure, Quote
from .settings import Settings, load_settings

__version__ = "0.1.0"


def __getattr__(name: str):
    # The pipeline (and with it spaCy) is imported on first use, so that commands which only read the
    # store or list settings start fast.
    if name in ("process", "code"):
        from . import pipeline

        return pipeline.process if name == "process" else pipeline.run
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")

__all__ = ["process", "code", "Article", "Actor", "Quote", "Event", "Figure", "Settings", "load_settings",
           "EventwireError", "__version__"]
