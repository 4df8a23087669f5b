"""The command line: commands, generated flags, exit status, summary line, store round trip."""
from __future__ import annotations

import json
import re

import click
import pytest
from click.testing import CliRunner

from eventwire.cli import main, settings_table
from eventwire.settings import DECLARED

TEXT = "Headline of the day\n\nThe mayor of Springfield met farmers in Shelbyville on Monday to discuss water."
SUMMARY = re.compile(r"eventwire: (\d+) articles, (\d+) failed, [\d.]+ articles/s")


@pytest.fixture()
def runner():
    return CliRunner()


def _records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_every_declared_setting_has_a_flag():
    for name in ("code", "ingest", "example"):
        cmd = main.commands[name]
        params = {p.name: p for p in cmd.params if isinstance(p, click.Option)}
        for s in DECLARED:
            assert s.name in params, f"{name} lacks --{s.name}"
            assert s.help.split(".")[0] in params[s.name].help
        assert "config" in params


def test_code_writes_records_in_input_order(tmp_path, runner):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(TEXT.replace("Monday", f"Monday {i}"))
    res = runner.invoke(main, ["code", str(tmp_path / "2.txt"), str(tmp_path / "0.txt"), "--stages", "",
                               "--published", "2024-05-13", "--url", "https://example.org/x",
                               "-o", str(tmp_path / "out.jsonl")])
    assert res.exit_code == 0, res.output
    recs = _records((tmp_path / "out.jsonl").read_text())
    assert [r["origin"].rsplit("/", 1)[1] for r in recs] == ["2.txt", "0.txt"]
    assert recs[0]["published"] == "2024-05-13" and recs[0]["url"] == "https://example.org/x"
    assert recs[0]["schema"] == 1 and "Springfield" in recs[0]["text"]
    m = SUMMARY.search(res.stderr)
    assert m and m.groups() == ("2", "0")


def test_code_exit_1_when_an_article_fails_and_batch_goes_on(tmp_path, runner):
    (tmp_path / "ok.txt").write_text(TEXT)
    (tmp_path / "empty.txt").write_text("")
    res = runner.invoke(main, ["code", str(tmp_path / "empty.txt"), str(tmp_path / "missing.html"),
                               str(tmp_path / "ok.txt"), "--stages", ""])
    assert res.exit_code == 1
    recs = _records(res.stdout)
    assert [r["errors"][0]["code"] if r["errors"] else None for r in recs] == ["E203", "E201", None]
    assert all(r["origin"] and r["id"] for r in recs)
    assert SUMMARY.search(res.stderr).groups() == ("3", "2")


def test_code_reads_stdin(runner):
    res = runner.invoke(main, ["code", "-", "--stages", ""], input=json.dumps({"id": "s1", "text": TEXT}) + "\n")
    assert res.exit_code == 0 and _records(res.stdout)[0]["id"] == "s1"


@pytest.mark.parametrize("args", [["--batch-size", "many"], ["--stages", "actors,telepathy"],
                                  ["--config", "/nonexistent/eventwire.toml"]])
def test_usage_and_settings_errors_exit_2(tmp_path, runner, args):
    (tmp_path / "a.txt").write_text(TEXT)
    res = runner.invoke(main, ["code", str(tmp_path / "a.txt"), *args])
    assert res.exit_code == 2


def test_settings_error_names_code_and_fix(tmp_path, runner):
    (tmp_path / "a.txt").write_text(TEXT)
    res = runner.invoke(main, ["code", str(tmp_path / "a.txt"), "--stages", "nope"])
    assert res.exit_code == 2 and "[E102]" in res.stderr and "Use a comma-separated subset" in res.stderr


def test_code_requires_input(runner):
    assert runner.invoke(main, ["code"]).exit_code == 2


def test_unwritable_output_exits_2(tmp_path, runner):
    (tmp_path / "a.txt").write_text(TEXT)
    res = runner.invoke(main, ["code", str(tmp_path / "a.txt"), "-o", str(tmp_path / "no" / "dir" / "o.jsonl")])
    assert res.exit_code == 2 and "cannot write the output" in res.stderr


def test_model_error_exits_2(tmp_path, runner):
    (tmp_path / "a.txt").write_text(TEXT)
    res = runner.invoke(main, ["code", str(tmp_path / "a.txt"), "--model", "no_such_model_xyz"])
    assert res.exit_code == 2 and "[E401]" in res.stderr


def test_progress_bar_when_asked(tmp_path, runner):
    (tmp_path / "a.txt").write_text(TEXT)
    res = runner.invoke(main, ["code", str(tmp_path / "a.txt"), "--stages", "", "--progress", "always"])
    assert res.exit_code == 0 and "articles" in res.stderr and "eventwire" in res.stderr


def test_ingest_export_query_round_trip(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"x{i}", "text": TEXT}) + "\n" for i in range(5)) + "{bad\n")
    res = runner.invoke(main, ["ingest", str(src), "--stages", ""])
    assert res.exit_code == 1 and "5 stored" not in res.stderr and "6 stored" in res.stderr
    assert (tmp_path / "eventwire.db").is_file()  # default path from the db setting, in the working dir
    again = runner.invoke(main, ["ingest", str(src), "--stages", ""])
    assert "0 stored, 6 already in" in again.stderr
    out = runner.invoke(main, ["export", "--format", "jsonl"])
    assert [r["id"] for r in _records(out.stdout)][:5] == [f"x{i}" for i in range(5)]
    csv_out = runner.invoke(main, ["export", "--format", "csv", "--table", "errors"])
    assert csv_out.exit_code == 0 and "E205" in csv_out.stdout
    q = runner.invoke(main, ["query", "SELECT count(*) AS n FROM articles WHERE failed = 0"])
    assert q.exit_code == 0 and _records(q.stdout) == [{"n": 5}]
    bad = runner.invoke(main, ["query", "DROP TABLE articles"])
    assert bad.exit_code == 2 and "E604" in bad.stderr
    pq = runner.invoke(main, ["export", "--format", "parquet"])
    assert pq.exit_code == 2  # parquet needs -o
    missing = runner.invoke(main, ["export", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "E601" in missing.stderr


def test_settings_command_lists_every_setting(runner):
    res = runner.invoke(main, ["settings"])
    assert res.exit_code == 0
    for s in DECLARED:
        assert s.name in res.stdout and f"EVENTWIRE_{s.name.upper()}" in res.stdout
    md = settings_table("markdown")
    assert md.count("\n") == len(DECLARED) + 1


def test_example_runs_whole_pipeline(runner):
    res = runner.invoke(main, ["example"])
    assert res.exit_code == 0, res.stderr
    (rec,) = _records(res.stdout)
    assert rec["text"] and rec["errors"] == [] and SUMMARY.search(res.stderr).groups() == ("1", "0")


def test_non_english_article_is_flagged_and_not_analysed(tmp_path, runner):
    words = ("Die Regierung hat am Montag in der Hauptstadt mit den Vertretern der Opposition \u00fcber "
             "die Lage im Land gesprochen, und die Polizei war auf den Stra\u00dfen.")
    (tmp_path / "de.txt").write_text(f"{words}\n\n{words}", encoding="utf-8")
    en_text = "Talks\n\nKenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday."
    (tmp_path / "en.jsonl").write_text(json.dumps({"id": "gb", "language": "en-GB", "text": en_text}) + "\n")
    res = runner.invoke(main, ["code", str(tmp_path / "de.txt"), str(tmp_path / "en.jsonl")])
    de, en = _records(res.stdout)
    assert res.exit_code == 1 and de["language"] != "en" and de["text"]
    assert [e["code"] for e in de["errors"]] == ["E303"] and de["events"] == [] and de["actors"] == []
    assert en["errors"] == [] and en["actors"]  # a regional English tag is English
