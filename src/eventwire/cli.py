"""The command line: thin commands over the public API (``pipeline``, ``ingest``, ``store``).

Flags for every declared setting are generated from :data:`eventwire.settings.DECLARED`.  Exit status:
0 when every article was coded without error, 1 when any article has errors, 2 on a usage, settings,
model or store error (the message names the cause and the fix).
"""
from __future__ import annotations

import csv
import functools
import itertools
import json
import sys
import time
from importlib import resources
from typing import Any, Callable, Iterable, Iterator, TextIO

import click

from . import ingest as _ingest
from .errors import EventwireError
from .model import Article
from .settings import DECLARED, Settings, describe, load_settings
from .store import FORMATS, TABLES, Store

_SETTING_NAMES = tuple(s.name for s in DECLARED)


def _pipeline():
    """The pipeline module, imported on first use: it loads spaCy, which commands that only read the store
    or list settings do not need."""
    from . import pipeline

    return pipeline


# -- options generated from the declared settings ----------------------------------------------------------

def _setting_options(fn: Callable) -> Callable:
    """Add ``--<name>`` for every declared setting (``--x/--no-x`` for booleans) and ``--config``."""
    for s in reversed(DECLARED):
        flag = s.name.replace("_", "-")
        extra = f" [default: {s.default!r}; env: EVENTWIRE_{s.name.upper()}]"
        if s.type is bool:
            fn = click.option(f"--{flag}/--no-{flag}", s.name, default=None, help=s.help + extra)(fn)
        else:
            ptype: Any = click.Choice(s.choices) if s.choices else (int if s.type is int else str)
            fn = click.option(f"--{flag}", s.name, type=ptype, default=None, help=s.help + extra)(fn)
    return click.option("--config", type=click.Path(dir_okay=False), default=None,
                        help="TOML config file (default ./eventwire.toml if present; env: EVENTWIRE_CONFIG).")(fn)


def _settings(params: dict[str, Any]) -> Settings:
    flags = {k: params.pop(k) for k in _SETTING_NAMES if k in params}
    return load_settings(flags, config=params.pop("config", None))


def _fail(exc: EventwireError) -> None:
    click.echo(f"eventwire: error: {exc}", err=True)
    sys.exit(2)


def _guarded(fn: Callable) -> Callable:
    """Turn an EventwireError escaping a command (settings, model, store) into exit status 2."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except EventwireError as exc:
            _fail(exc)
        except BrokenPipeError:  # e.g. `eventwire code ... | head`
            sys.stderr.close()
            sys.exit(0)
    return wrapper


def _db_options(fn: Callable) -> Callable:
    """``--db`` and ``--config`` for the commands that read the store."""
    fn = click.option("--config", type=click.Path(dir_okay=False), default=None, help="TOML config file.")(fn)
    return click.option("--db", default=None, help="Store path (default: the db setting, ./eventwire.db).")(fn)


def _db_path(db: str | None, config: str | None) -> str:
    return db or load_settings({}, config=config).db


# -- progress and summary ----------------------------------------------------------------------------------

class _Tally:
    """Counts articles and failures as they stream past, with an optional tqdm bar on stderr."""

    def __init__(self, settings: Settings):
        self.n = self.failed = 0
        self.t0 = time.perf_counter()
        show = settings.progress == "always" or (settings.progress == "auto" and sys.stderr.isatty())
        self.bar = None
        if show:
            from tqdm import tqdm

            self.bar = tqdm(unit="article", file=sys.stderr, dynamic_ncols=True, desc="eventwire",
                            mininterval=0.5)

    def count(self, articles: Iterable[Article]) -> Iterator[Article]:
        for art in articles:
            self.n += 1
            self.failed += art.failed
            if self.bar is not None:
                self.bar.update(1)
                if art.failed:
                    self.bar.set_postfix(failed=self.failed, refresh=False)
            yield art

    def summary(self, extra: str = "") -> None:
        if self.bar is not None:
            self.bar.close()
        secs = max(time.perf_counter() - self.t0, 1e-9)
        click.echo(f"eventwire: {self.n} articles, {self.failed} failed, {self.n / secs:.1f} articles/s{extra}",
                   err=True)

    @property
    def status(self) -> int:
        return 1 if self.failed else 0


def _write_jsonl(articles: Iterable[Article], out: TextIO, indent: int | None = None) -> None:
    for art in articles:
        out.write(json.dumps(art.to_record(), ensure_ascii=False, indent=indent) + "\n")


def _open_out(output: str) -> TextIO:
    if output == "-":
        return sys.stdout
    try:
        return open(output, "w", encoding="utf-8")
    except OSError as exc:
        raise click.UsageError(f"cannot write the output '{output}': {exc.strerror or exc}") from exc


# -- commands ----------------------------------------------------------------------------------------------

@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: raw news in, structured, source-attributed PLOVER event data out.

    Start with `eventwire example`; see `eventwire COMMAND --help` and `eventwire settings`."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="JSONL output file (default: stdout).")
@_setting_options
@_guarded
def code(inputs: tuple[str, ...], output: str, **params: Any) -> None:
    """Code INPUT... (files, directories, or - for stdin) into contract records, as JSON Lines in input order."""
    settings = _settings(params)
    tally = _Tally(settings)
    out = _open_out(output)
    try:
        _write_jsonl(tally.count(_pipeline().run(inputs, settings)), out)
    finally:
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    tally.summary()
    sys.exit(tally.status)


@main.command()
@click.option("--pretty", is_flag=True, help="Indent the JSON for reading.")
@_setting_options
@_guarded
def example(pretty: bool, **params: Any) -> None:
    """Code the bundled example article (examples/sample.txt) and print its record."""
    settings = _settings(params)
    ref = resources.files("eventwire").joinpath("examples", "sample.txt")
    with resources.as_file(ref) as path:
        tally = _Tally(settings)
        _write_jsonl(tally.count(_pipeline().run([str(path)], settings)), sys.stdout, indent=2 if pretty else None)
    sys.stdout.flush()
    tally.summary()
    sys.exit(tally.status)


def _unstored(articles: Iterable[Article], store, skipped: list[int]) -> Iterator[Article]:
    """Articles whose id is not in ``store`` yet (ids are set here as the pipeline would set them)."""
    for art in articles:
        if art.id is None and (art.raw is not None or art.html is not None):
            art.id = art.content_hash()
        if art.id is not None and store.has(art.id):
            skipped[0] += 1
            continue
        yield art


@main.command(name="ingest")
@click.argument("inputs", nargs=-1, required=True)
@_setting_options
@_guarded
def ingest_cmd(inputs: tuple[str, ...], **params: Any) -> None:
    """Code INPUT... and store the records in the embedded store (--db, default ./eventwire.db).

    Idempotent and crash-safe: each batch is one transaction; rerun after a crash and what is stored
    already is skipped, so nothing is lost or stored twice."""
    settings = _settings(params)
    with Store(settings.db) as store:
        tally = _Tally(settings)
        skipped = [0]
        added = dup = 0
        fresh = _unstored(_ingest.read(inputs, settings), store, skipped)
        coded = tally.count(_pipeline().run_articles(fresh, settings))
        while batch := list(itertools.islice(coded, max(1, settings.batch_size))):
            a, d = store.add(batch)
            added, dup = added + a, dup + d
    tally.summary(f"; {added} stored, {skipped[0] + dup} already in {settings.db}")
    sys.exit(tally.status)


@main.command()
@_db_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl",
              show_default=True, help="jsonl: contract records; csv/parquet: one table (see --table).")
@click.option("--table", default="events", show_default=True,
              type=click.Choice([*TABLES, "all"]),
              help="Table for csv/parquet; 'all' writes <table>.<format> for each into the directory -o.")
@click.option("-o", "--output", default="-", help="Output file (or directory for --table all); - is stdout.")
@_guarded
def export(db: str | None, fmt: str, table: str, output: str, config: str | None) -> None:
    """Export the store as JSONL (contract records, ingest order), CSV or Parquet."""
    path = _db_path(db, config)
    with Store(path, readonly=True) as store:
        try:
            n = store.export(fmt, None if output == "-" else output, table)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
    click.echo(f"eventwire: exported {n} rows ({fmt}{'' if fmt == 'jsonl' else ', ' + table})", err=True)


@main.command()
@click.argument("sql")
@_db_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@_guarded
def query(sql: str, db: str | None, fmt: str, config: str | None) -> None:
    """Run a read-only SQL query on the store (safe while an ingest runs), e.g.

        eventwire query "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC"
    """
    path = _db_path(db, config)
    with Store(path, readonly=True) as store:
        cols, rows = store.query(sql)
        if fmt == "csv":
            w = csv.writer(sys.stdout)
            w.writerow(cols)
            w.writerows(rows)
        else:
            for row in rows:
                sys.stdout.write(json.dumps(dict(zip(cols, row)), ensure_ascii=False) + "\n")
    sys.stdout.flush()


@main.command(name="settings")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True)
def settings_cmd(fmt: str) -> None:
    """List every declared setting: name, default, environment variable and help."""
    click.echo(settings_table(fmt))


def settings_table(fmt: str = "text") -> str:
    """The declared settings as a text table, a Markdown table or JSON (generated from settings.describe())."""
    rows = describe()
    if fmt == "json":
        return json.dumps(rows, indent=2, default=str)
    if fmt == "markdown":
        lines = ["| setting | flag | default | environment | help |", "|---|---|---|---|---|"]
        for r in rows:
            flag = "--" + r["name"].replace("_", "-")
            if r["type"] == "bool":
                flag = f"{flag} / --no-{flag[2:]}"
            helptext = r["help"] + (f" Choices: {', '.join(r['choices'])}." if r["choices"] else "")
            lines.append(f"| `{r['name']}` | `{flag}` | `{r['default']!r}` | `{r['env']}` | {helptext} |")
        return "\n".join(lines)
    out = []
    for r in rows:
        out.append(f"{r['name']}  (default {r['default']!r}, env {r['env']}, flag --{r['name'].replace('_', '-')})")
        out.append(f"    {r['help']}" + (f" Choices: {', '.join(r['choices'])}." if r["choices"] else ""))
    return "\n".join(out)


if __name__ == "__main__":
    main()
