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
from .pipeline import process, run as code
from .settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = ["process", "code", "Article", "Actor", "Quote", "Event", "Figure", "Settings", "load_settings",
           "EventwireError", "__version__"]
