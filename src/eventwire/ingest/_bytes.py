"""Bytes to text: size limit, empty and binary checks, encoding detection.

Order of trust for the encoding: a byte-order mark, then an HTML/XML charset declaration (for HTML or
when the transport names one), then strict UTF-8, then charset-normalizer's best guess, and finally UTF-8
with replacement characters.  Decoding never raises.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import BinaryIO

from ._common import coded

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.I)
#: Browsers read these labels as windows-1252 (WHATWG Encoding Standard); so do we.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "iso_8859-1"}
#: Control bytes that never appear in text (everything below 0x20 but tab, LF, VT, FF, CR and ESC).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_SNIFF = 8192


@dataclass
class Decoded:
    """The text read from one input, with the coded errors found on the way (code, message)."""

    text: str = ""
    encoding: str | None = None
    errors: list[tuple[str, str]] = field(default_factory=list)


def read_limited(stream: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """Read at most ``limit`` bytes from ``stream``; the flag says whether there was more."""
    data = stream.read(limit + 1) if limit > 0 else stream.read()
    if limit > 0 and len(data) > limit:
        return data[:limit], True
    return data, False


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks like binary rather than text, or None.  UTF-16/32 with a BOM counts as text."""
    head = data[:_SNIFF]
    if any(head.startswith(bom) for bom, enc in _BOMS if enc != "utf-8-sig"):
        return None
    if b"\x00" in head:
        return "it contains NUL bytes"
    if head:
        ctrl = sum(head.count(bytes([c])) for c in _CONTROL)
        if ctrl / len(head) > 0.05:
            return f"{100 * ctrl // len(head)}% of its first bytes are control characters"
    return None


def _codec(label: bytes | str | None) -> str | None:
    if not label:
        return None
    name = (label.decode("ascii", "ignore") if isinstance(label, bytes) else label).strip().lower()
    if name in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page or XML document declares in its first bytes, if it is a known codec."""
    head = data[:4096]
    m = _XML.search(head) or _META.search(head)
    return _codec(m.group(1)) if m else None


def decode(data: bytes, *, html: bool = False, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``: returns (text, encoding used).  ``declared`` is a charset named by the transport
    (an HTTP Content-Type header); for ``html`` the page's own declaration is read too."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    for enc in (_codec(declared), declared_charset(data) if html else None):
        if enc:
            try:
                return data.decode(enc), enc
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[:exc.start].decode("utf-8"), "utf-8"  # a multi-byte character cut by the limit
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace"), best.encoding
    except Exception:  # noqa: BLE001 - detection is best effort; the fallback below always works
        pass
    return data.decode("utf-8", errors="replace"), "utf-8"


def decode_input(data: bytes, cut: bool, *, origin: str, size: int | str | None, limit: int,
                 html: bool = False, declared: str | None = None) -> Decoded:
    """Check and decode the bytes of one input (already cut to ``limit`` when ``cut``)."""
    out = Decoded()
    if cut:
        out.errors.append(coded("E209", path=origin, size=size if size is not None else f"over {limit}",
                                limit=limit))
    if not data.strip():
        out.errors.append(coded("E203", path=origin))
        return out
    why = binary_reason(data)
    if why:
        out.errors.append(coded("E204", path=origin, why=why))
        return out
    out.text, out.encoding = decode(data, html=html, declared=declared)
    if not out.text.strip():
        out.errors.append(coded("E203", path=origin))
    return out
