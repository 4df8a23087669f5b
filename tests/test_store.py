"""The embedded store: migrations, idempotent batches, read-while-write, export, and kill -9 safety."""
from __future__ import annotations

import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.errors import StoreError
from eventwire.model import Actor, Article, Event, Figure, Quote
from eventwire.store import Store, _schema


def _article(i: int, failed: bool = False) -> Article:
    text = f"Officials in Town{i} met delegates from Village{i} on Monday."
    art = Article(id=f"a{i}", url=f"https://example.org/{i}", title=f"Meeting {i}", published="2024-05-13",
                  language="en", origin=f"gen.jsonl:{i + 1}", raw=text, text=text)
    art.actors = [Actor(f"Town{i} council", "organization", "USA", "GOV", [(13, 18)])]
    art.quotes = [Quote("we agree", 0, 8, speaker=f"Town{i} council", speakers=[f"Town{i} council"], verb="said")]
    art.events = [Event("CONSULT", 0, len(text), text, source=f"Town{i} council", target=f"Village{i}",
                        confidence=0.8, spans=[(0, len(text))])]
    art.figures = [Figure("arrested", i, 0, len(text), text)]
    if failed:
        art.add_error("E501", "events", "boom")
    return art


def test_migrations_set_user_version(tmp_path):
    with Store(tmp_path / "s.db") as st:
        assert st.version == _schema.latest() >= 1
        mode = st.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
    with Store(tmp_path / "s.db") as st:  # reopening applies nothing twice
        assert st.version == _schema.latest()


def test_old_store_is_migrated_keeping_its_data(tmp_path):
    p = tmp_path / "old.db"
    conn = sqlite3.connect(p)
    number, _name, sql = _schema.migrations()[0]
    conn.executescript(f"{sql}\nPRAGMA user_version = {number};")
    conn.execute("INSERT INTO articles (id, record) VALUES ('old', '{\"id\": \"old\"}')")
    conn.commit()
    conn.close()
    with Store(p) as st:
        assert st.version == _schema.latest() and st.has("old")
        st.add([_article(1)])
        assert st.count("figures") == 1


def test_tables_have_a_column_for_every_record_field(tmp_path):
    """A new field on a record type needs a numbered migration adding its column (the record JSON in
    articles.record keeps it meanwhile)."""
    art = _article(0, failed=True)
    rec = art.to_record()
    with Store(tmp_path / "s.db") as st:
        for table in ("actors", "quotes", "events", "figures", "errors"):
            cols, _ = st.query(f"SELECT * FROM {table} LIMIT 0")
            missing = set(rec[table][0]) - set(cols)
            assert not missing, f"{table} lacks columns {missing}: add store/migrations/NNNN_*.sql"
        cols, _ = st.query("SELECT * FROM articles LIMIT 0")
        scalars = {k for k, v in rec.items() if not isinstance(v, list)} - {"schema"}
        assert scalars <= set(cols)


def test_newer_schema_is_refused(tmp_path):
    p = tmp_path / "new.db"
    conn = sqlite3.connect(p)
    conn.execute(f"PRAGMA user_version = {_schema.latest() + 1}")
    conn.close()
    with pytest.raises(StoreError) as err:
        Store(p)
    assert err.value.code == "E602"


def test_unopenable_store(tmp_path):
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "dir.db")
    assert err.value.code == "E601"
    with pytest.raises(StoreError):
        Store(tmp_path / "missing.db", readonly=True)


def test_add_is_idempotent_and_fills_tables(tmp_path):
    with Store(tmp_path / "s.db") as st:
        assert st.add([_article(0), _article(1, failed=True), _article(0)]) == (2, 1)
        assert st.add([_article(1), _article(2)]) == (1, 1)
        assert {t: st.count(t) for t in ("articles", "actors", "quotes", "events", "figures", "errors")} == \
            {"articles": 3, "actors": 3, "quotes": 3, "events": 3, "figures": 3, "errors": 1}
        recs = list(st.records())
        assert [r["id"] for r in recs] == ["a0", "a1", "a2"]
        assert recs[1]["errors"][0]["code"] == "E501"
        assert Article.from_record(recs[0]).to_record() == recs[0] == _article(0).to_record()
        cols, rows = st.query('SELECT type, source, "start", "end" FROM events ORDER BY article_id')
        assert cols == ["type", "source", "start", "end"] and list(rows)[0][:2] == ("CONSULT", "Town0 council")


def test_article_without_id_gets_content_hash(tmp_path):
    with Store(tmp_path / "s.db") as st:
        a, b = Article(raw="Same text."), Article(raw="Same text.")
        assert st.add([a]) == (1, 0) and st.add([b]) == (0, 1)
        assert a.id.startswith("sha256:")


def test_failed_batch_rolls_back(tmp_path):
    class Boom(Article):
        def to_record(self):
            raise RuntimeError("boom")

    with Store(tmp_path / "s.db") as st:
        with pytest.raises(RuntimeError):
            st.add([_article(0), Boom(id="x")])
        assert st.count() == 0  # all or nothing


def test_readonly_reader_sees_commits_while_writer_holds_a_transaction(tmp_path):
    p = tmp_path / "s.db"
    with Store(p) as st:
        st.add([_article(0)])
        st.conn.execute("BEGIN IMMEDIATE")
        st._insert(_article(1))  # uncommitted
        code = ("import sys; from eventwire.store import Store; "
                "s = Store(sys.argv[1], readonly=True); print(s.count()); "
                "s.query('DELETE FROM articles')")
        out = subprocess.run([sys.executable, "-c", code, str(p)], capture_output=True, text=True, timeout=60)
        assert out.stdout.strip() == "1"  # another process reads the last commit while the write is open
        assert "E604" in out.stderr  # and cannot write
        st.conn.execute("COMMIT")
        assert st.count() == 2


def test_export_jsonl_csv_parquet(tmp_path):
    import pyarrow.parquet as pq

    with Store(tmp_path / "s.db") as st:
        st.add([_article(i) for i in range(3)])
        assert st.export("jsonl", tmp_path / "o.jsonl") == 3
        recs = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text().splitlines()]
        assert [r["id"] for r in recs] == ["a0", "a1", "a2"] and recs[0]["events"][0]["type"] == "CONSULT"
        assert st.export("csv", tmp_path / "ev.csv") == 3
        rows = list(csv.DictReader(open(tmp_path / "ev.csv")))
        assert rows[0]["type"] == "CONSULT" and rows[2]["article_id"] == "a2" and "spans" in rows[0]
        assert st.export("parquet", tmp_path / "all", table="all") == 3 + 3 * 4
        t = pq.read_table(tmp_path / "all" / "figures.parquet")
        assert t.column("count").to_pylist() == [0, 1, 2]
        assert "record" not in pq.read_table(tmp_path / "all" / "articles.parquet").column_names
        with pytest.raises(StoreError) as err:
            st.export("xml", None)
        assert err.value.code == "E603"


def _gen_jsonl(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            para = " ".join(f"Officials in district {i} reported that the market reopened after repairs, "
                            f"part {j}." for j in range(8))
            f.write(json.dumps({"id": f"k{i}", "published": "2024-05-13", "text": f"Headline {i}\n\n{para}"}) + "\n")


def test_kill_9_mid_ingest_then_rerun_loses_and_duplicates_nothing(tmp_path):
    """Ingest a few hundred articles in a subprocess, SIGKILL it at a random point, rerun: exact count."""
    n = 400
    src, db = tmp_path / "gen.jsonl", tmp_path / "k.db"
    _gen_jsonl(src, n)
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", str(src), "--db", str(db), "--stages", "",
           "--batch-size", "4", "--progress", "never"]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    threshold = random.Random().randint(1, n // 3)
    seen, deadline = 0, time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with Store(db, readonly=True, timeout=1) as st:
                    seen = st.count()
            except StoreError:
                seen = 0
            if seen >= threshold:
                proc.send_signal(signal.SIGKILL)
                break
        time.sleep(0.005)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, f"ingest finished before the kill ({seen} stored)"
    with Store(db, readonly=True) as st:
        partial = st.count()
    assert 0 < partial < n
    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with Store(db, readonly=True) as st:
        assert st.count() == n
        _, rows = st.query("SELECT count(DISTINCT id), count(*), min(seq) FROM articles")
        assert next(rows)[:2] == (n, n)
        assert [r["id"] for r in st.records()][:partial] == [f"k{i}" for i in range(partial)]
    assert f"{n - partial} stored, {partial} already in" in rerun.stderr
