#!/usr/bin/env python3
"""Regenerate docs/errors.md (from errors.MESSAGES) and docs/settings.md (from settings.describe()).

    .venv/bin/python scripts/gen_docs.py          # write both
    .venv/bin/python scripts/gen_docs.py --check  # exit 1 if either is out of date
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire import errors  # noqa: E402
from eventwire.cli import settings_table  # noqa: E402

_GROUPS = {"1": errors.SettingsError, "2": errors.InputError, "3": errors.CleanError, "4": errors.ModelError,
           "5": errors.StageError, "6": errors.StoreError}
_WHERE = {"1": "raised: the command stops with exit status 2",
          "2": "recorded on the article (`errors`, stage `ingest`); the batch goes on",
          "3": "recorded on the article (stage `clean`); the batch goes on",
          "4": "raised: the command stops with exit status 2",
          "5": "recorded on the article (stage named in the record); the batch goes on",
          "6": "raised: the command stops with exit status 2"}


def errors_md() -> str:
    out = ["# Error codes", "",
           "Generated from `eventwire.errors.MESSAGES` by `scripts/gen_docs.py`; do not edit by hand.",
           "", "Every problem eventwire reports has a stable code and a message naming the cause and the fix.",
           "Inside a batch an error becomes an entry of the article's `errors` list "
           "(`{\"code\", \"stage\", \"message\"}`) and the article is still written; outside a batch "
           "(settings, model, store) it stops the command with exit status 2. `eventwire code` and "
           "`eventwire ingest` exit with 1 when any article has errors.", ""]
    for digit, cls in _GROUPS.items():
        codes = [c for c in errors.MESSAGES if c[1] == digit]
        if not codes:
            continue
        out += [f"## E{digit}xx: {cls.__name__} ({(cls.__doc__ or '').strip() or cls.stage})", "",
                f"Stage `{cls.stage}`; {_WHERE[digit]}.", "", "| code | message (cause, then fix) |", "|---|---|"]
        for code in codes:
            out.append(f"| `{code}` | {errors.MESSAGES[code].replace('|', '/')} |")
        out.append("")
    return "\n".join(out)


def settings_md() -> str:
    return "\n".join([
        "# Settings", "",
        "Generated from `eventwire.settings.DECLARED` by `scripts/gen_docs.py` (the same list as "
        "`eventwire settings`); do not edit by hand.", "",
        "Each setting can be given, from lowest to highest precedence, as its default, a key in the TOML "
        "config file (`./eventwire.toml`, `--config PATH` or `EVENTWIRE_CONFIG`; keys at top level or under "
        "`[eventwire]`), an environment variable, or a command-line flag of `code`, `ingest` and `example`.",
        "", settings_table("markdown"), ""])


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = []
    for name, text in (("errors.md", errors_md()), ("settings.md", settings_md())):
        path = ROOT / "docs" / name
        if check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date (run scripts/gen_docs.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
