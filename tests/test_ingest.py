"""The readers: every input kind of CONTRACT.md, and bad input that must never stop a batch."""
from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from eventwire.ingest import kind_of, read, sniff

PARA = "The council of Rivertown met on Monday to discuss the new bridge over the river."


def _arts(paths, settings):
    return list(read([str(p) for p in paths], settings))


def _codes(art):
    return [e.code for e in art.errors]


def _warc_bytes(pages: list[tuple[str, bytes, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "test"}))
    for url, body, ctype in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buf.getvalue()


def test_kind_of_and_sniff():
    assert kind_of("a/B.JSONL.GZ") == "jsonl" and kind_of("x.warc.gz") == "warc"
    assert kind_of("p.htm") == "html" and kind_of("t.txt") == "text" and kind_of("x.pdf") is None
    assert sniff(b'  {"text": "x"}\n') == "jsonl"
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(b"WARC/1.0\r\n") == "warc"
    assert sniff(b"\x1f\x8b\x08") == "gzip"
    assert sniff(b"Plain words.") == "text"


def test_text_and_html_files_with_metadata(tmp_path, settings):
    (tmp_path / "a.txt").write_text(PARA, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{PARA}</p></body></html>", encoding="utf-8")
    s = settings.replace(published="2024-01-02", url="https://example.org/a")
    a, b = _arts([tmp_path / "a.txt", tmp_path / "b.html"], s)
    assert a.raw == PARA and a.html is None and a.origin.endswith("a.txt") and not a.errors
    assert a.url == "https://example.org/a" and b.url == "https://example.org/a"
    assert a.published is None  # the published setting is a fallback that clean applies after the page's date
    assert b.html.startswith("<html>") and b.raw is None


def test_jsonl_plain_and_gzip(tmp_path, settings):
    lines = [{"id": "x1", "url": "u", "published": "2023-10-11", "text": PARA},
             {"id": 7, "html": f"<p>{PARA}</p>"}]
    body = "".join(json.dumps(x) + "\n" for x in lines)
    (tmp_path / "in.jsonl").write_text(body, encoding="utf-8")
    (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress(body.encode()))
    for name in ("in.jsonl", "in.jsonl.gz"):
        a, b = _arts([tmp_path / name], settings)
        assert (a.id, a.url, a.published, a.raw) == ("x1", "u", "2023-10-11", PARA)
        assert b.id == "7" and b.html == f"<p>{PARA}</p>" and b.origin.endswith(f"{name}:2")


def test_warc_html_responses_only(tmp_path, settings):
    pages = [("https://ex.org/1", f"<html><p>{PARA}</p></html>".encode(), "text/html; charset=utf-8"),
             ("https://ex.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
             ("https://ex.org/2", f"<html><p>Caf\xe9 {PARA}</p></html>".encode("cp1252"),
              "text/html; charset=windows-1252")]
    for gz in (False, True):
        p = tmp_path / ("a.warc.gz" if gz else "a.warc")
        p.write_bytes(_warc_bytes(pages, gz))
        arts = _arts([p], settings)
        assert [a.url for a in arts] == ["https://ex.org/1", "https://ex.org/2"]
        assert "Caf\xe9" in arts[1].html and not any(a.errors for a in arts)
        assert arts[0].origin.startswith(str(p) + "#")


def test_directory_is_recursive_sorted_and_filtered(tmp_path, settings):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(PARA)
    (tmp_path / "a.txt").write_text(PARA)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(PARA)
    arts = _arts([tmp_path], settings.replace(url="https://example.org/one"))
    assert [Path(a.origin).relative_to(tmp_path).as_posix() for a in arts] == ["a.txt", "b/z.txt"]
    assert [a.url for a in arts] == [None, None]  # --url names one article, not each file of a directory


@pytest.mark.parametrize("payload,kind", [
    (json.dumps({"id": "s1", "text": PARA}) + "\n", "raw"),
    (f"<!doctype html><html><p>{PARA}</p></html>", "html"),
    (PARA, "raw"),
])
def test_stdin_is_sniffed(monkeypatch, settings, payload, kind):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload.encode())))
    (art,) = list(read(["-"], settings))
    assert PARA in getattr(art, kind) and not art.errors


def test_stdin_gzipped_jsonl(monkeypatch, settings):
    data = gzip.compress(b"".join(json.dumps({"text": PARA}).encode() + b"\n" for _ in range(3)))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    arts = list(read(["-"], settings))
    assert len(arts) == 3 and [a.origin for a in arts] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]


# --- encodings -------------------------------------------------------------------------------------------

def test_encodings_bom_meta_and_detection(tmp_path, settings):
    text = "Der B\xfcrgermeister sagte, die Stra\xdfe bleibe gesperrt. " * 20
    (tmp_path / "bom16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "bom8.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (tmp_path / "meta.html").write_bytes(
        b'<html><head><meta charset="iso-8859-1"></head><body><p>' + text.encode("latin-1") + b"</p></body></html>")
    (tmp_path / "cp1252.txt").write_bytes(("\u201cQuoted\u201d \u2013 " + text).encode("cp1252"))
    a, b, c, d = _arts([tmp_path / n for n in ("bom16.txt", "bom8.txt", "meta.html", "cp1252.txt")], settings)
    assert a.raw == text and b.raw == text and text in c.html
    assert d.raw.startswith("\u201cQuoted\u201d \u2013") and not d.errors


# --- bad input: each case yields an article with a coded error and an origin; the batch goes on -----------

def test_missing_and_unsupported(tmp_path, settings):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "ok.txt").write_text(PARA)
    arts = _arts([tmp_path / "nope.txt", tmp_path / "x.pdf", tmp_path / "ok.txt"], settings)
    assert [_codes(a) for a in arts] == [["E201"], ["E202"], []]
    assert arts[0].id and arts[0].id != arts[1].id  # error articles still get distinct, stable ids


def test_empty_file(tmp_path, settings):
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "w.html").write_bytes(b"  \n\n ")
    arts = _arts([tmp_path / "e.txt", tmp_path / "w.html"], settings)
    assert [_codes(a) for a in arts] == [["E203"], ["E203"]]
    assert arts[0].raw is None and arts[0].origin.endswith("e.txt")


def test_binary_data(tmp_path, settings):
    import random

    rnd = random.Random(1)
    (tmp_path / "bin.txt").write_bytes(bytes(rnd.randrange(256) for _ in range(4000)))
    (tmp_path / "ok.txt").write_text(PARA)
    arts = _arts([tmp_path / "bin.txt", tmp_path / "ok.txt"], settings)
    assert _codes(arts[0]) == ["E204"] and arts[1].raw == PARA


def test_invalid_json_lines(tmp_path, settings):
    p = tmp_path / "bad.jsonl"
    p.write_bytes(b'{"text": "fine one"}\n{"text": broken\n[1, 2]\n\n{"url": "no text"}\n'
                  + json.dumps({"text": "Gr\xfc\xdfe"}).encode().replace(b"\\u00fc", b"\xfc") + b"\n")
    arts = _arts([p], settings)
    assert [_codes(a) for a in arts] == [[], ["E205"], ["E205"], ["E206"], []]
    assert [a.origin.rsplit(":", 1)[1] for a in arts] == ["1", "2", "3", "5", "6"]
    assert arts[4].raw.startswith("Gr\xfc")  # a non-UTF-8 line is decoded, not dropped


def test_non_utf8_bytes_never_crash(tmp_path, settings):
    (tmp_path / "mixed.txt").write_bytes(PARA.encode() + b" \xff\xfe\xc3 caf\xe9 \x80\x81 end.")
    (art,) = _arts([tmp_path / "mixed.txt"], settings)
    assert art.raw.startswith("The council") and "end." in art.raw


def test_truncated_gzip(tmp_path, settings):
    body = "".join(json.dumps({"id": f"a{i}", "text": PARA + " " + "x" * i}) + "\n" for i in range(200))
    data = gzip.compress(body.encode())
    (tmp_path / "t.jsonl.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "after.txt").write_text(PARA)
    arts = _arts([tmp_path / "t.jsonl.gz", tmp_path / "after.txt"], settings)
    good = [a for a in arts if not a.errors]
    assert _codes(arts[-2]) == ["E207"] and arts[-1].raw == PARA
    assert len(good) >= 2 and [a.id for a in good[:-1]] == [f"a{i}" for i in range(len(good) - 1)]


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc(tmp_path, settings, gz):
    pages = [(f"https://ex.org/{i}", f"<html><p>{PARA} {i}</p></html>".encode() * 30, "text/html")
             for i in range(6)]
    data = _warc_bytes(pages, gz)
    p = tmp_path / ("t.warc.gz" if gz else "t.warc")
    p.write_bytes(data[: int(len(data) * 0.6)])
    arts = _arts([p, p.with_name("missing.txt")], settings)
    ok = [a for a in arts if not a.errors]
    bad = [a for a in arts[:-1] if a.errors]
    assert 1 <= len(ok) < 6 and bad and set(_codes(bad[-1])) <= {"E207", "E208"}
    assert _codes(arts[-1]) == ["E201"]


def test_huge_page_is_cut_with_e209(tmp_path, settings):
    p = tmp_path / "big.html"
    chunk = (f"<p>{PARA}</p>\n" * 100).encode()
    with open(p, "wb") as f:  # 50 MB, written in chunks
        for _ in range(50_000_000 // len(chunk) + 1):
            f.write(chunk)
    s = settings.replace(max_input_bytes=1_000_000)
    (art,) = _arts([p], s)
    assert _codes(art) == ["E209"] and len(art.html.encode()) <= 1_000_000
    assert str(p.stat().st_size) in art.errors[0].message


def test_jsonl_text_over_limit_is_cut(tmp_path, settings):
    p = tmp_path / "big.jsonl"
    lines = [{"id": "big", "text": PARA * 150}, {"id": "huge", "text": PARA * 5000}, {"text": PARA}]
    p.write_text("".join(json.dumps(x) + "\n" for x in lines))
    big, huge, ok = _arts([p], settings.replace(max_input_bytes=10_000))
    assert _codes(big) == ["E209"] and 9_000 < len(big.raw) <= 10_000
    assert _codes(huge) == ["E209"] and huge.raw is None  # a line far over the limit is skipped unparsed
    assert ok.raw == PARA and ok.origin.endswith(":3")


def test_non_english_text_is_read(tmp_path, settings):
    text = "\u0412\u043b\u0430\u0441\u0442\u0438 \u0433\u043e\u0440\u043e\u0434\u0430 " * 30  # Cyrillic
    (tmp_path / "ru.txt").write_text(text, encoding="utf-8")
    (art,) = _arts([tmp_path / "ru.txt"], settings)
    assert art.raw == text and art.origin.endswith("ru.txt")


def test_reading_streams_jsonl(tmp_path, settings):
    """Reading is lazy: the first article comes before the rest of a large file is read."""
    p = tmp_path / "many.jsonl"
    with open(p, "w") as f:
        for i in range(20000):
            f.write(json.dumps({"id": str(i), "text": PARA}) + "\n")
    it = read([str(p)], settings)
    first = next(it)
    assert first.id == "0"
    assert sum(1 for _ in it) == 19999


def test_file_without_extension_is_sniffed(tmp_path, settings):
    (tmp_path / "page").write_text(f"<!DOCTYPE html><html><p>{PARA}</p></html>")
    (tmp_path / "dump").write_text(json.dumps({"id": "n1", "text": PARA}) + "\n")
    page, dump = _arts([tmp_path / "page", tmp_path / "dump"], settings)
    assert page.html and dump.id == "n1" and dump.raw == PARA


def test_empty_stdin(monkeypatch, settings):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    (art,) = list(read(["-"], settings))
    assert _codes(art) == ["E203"] and art.origin == "<stdin>"


def test_unreadable_file(tmp_path, settings):
    import os

    p = tmp_path / "locked.txt"
    p.write_text(PARA)
    p.chmod(0)
    try:
        if os.access(p, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        (art,) = _arts([p], settings)
        assert _codes(art) == ["E210"]
    finally:
        p.chmod(0o644)


def test_fifo_is_not_a_regular_file(tmp_path, settings):
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    (art,) = _arts([tmp_path / "pipe.txt"], settings)
    assert _codes(art) == ["E210"]
