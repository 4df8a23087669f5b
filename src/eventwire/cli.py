"""The command line: thin commands over the public API."""
from __future__ import annotations

import json
import sys

import click

from . import pipeline
from .errors import EventwireError
from .settings import load_settings


@click.group()
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: raw news in, structured, source-attributed event data out."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-", help="JSONL output (default stdout).")
@click.option("--published", default=None, help="Publication date for single-file input.")
@click.option("--url", default=None, help="Source URL for single-file input.")
@click.option("--config", default=None, help="TOML config file.")
def code(inputs, output, published, url, config):
    """Code INPUT... into contract records (JSON Lines), in input order."""
    try:
        settings = load_settings({"published": published, "url": url}, config=config)
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
        n = failed = 0
        with out:
            for art in pipeline.run(inputs, settings):
                out.write(json.dumps(art.to_record(), ensure_ascii=False) + "\n")
                n += 1
                failed += art.failed
    except EventwireError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"eventwire: {n} articles, {failed} with errors", err=True)
    sys.exit(1 if failed else 0)
