"""Helpers shared by the readers: building articles, error-only articles, stable ids."""
from __future__ import annotations

import hashlib

from ..errors import InputError, message
from ..model import Article

STAGE = InputError.stage


def origin_id(origin: str) -> str:
    """A stable id for an article that has no content (it failed to read): a hash of where it was."""
    return "origin:" + hashlib.sha256(origin.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def failed(origin: str, errors: list[tuple[str, str]], **meta) -> Article:
    """An article that could not be read: no content, its errors, and an id from its origin."""
    art = Article(origin=origin, **{k: v for k, v in meta.items() if v})
    for code, msg in errors:
        art.add_error(code, STAGE, msg)
    if art.id is None:
        art.id = origin_id(origin)
    return art


def article(origin: str, *, text: str | None = None, html: str | None = None,
            errors: list[tuple[str, str]] = (), **meta) -> Article:
    """An article with content (``text`` or ``html``) and any errors met while reading it (e.g. E209)."""
    if text is None and html is None:
        return failed(origin, list(errors), **meta)
    art = Article(origin=origin, raw=text, html=html, **{k: v for k, v in meta.items() if v})
    for code, msg in errors:
        art.add_error(code, STAGE, msg)
    return art


def coded(code: str, **kw) -> tuple[str, str]:
    """An error as (code, filled-in message) for :func:`failed` and :func:`article`."""
    return code, message(code, **kw)


def fail(origin: str, code: str, **kw) -> Article:
    """An article that could not be read, with one coded error."""
    return failed(origin, [coded(code, **kw)])


def reason(exc: BaseException) -> str:
    """An exception as the ``why`` of a message."""
    return f"{type(exc).__name__}: {exc}"
