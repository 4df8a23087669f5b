"""eventwire's exceptions and error codes.

Every problem eventwire reports has a code and a message that names the cause and the fix.  Inside a batch
an error never escapes: it becomes an :class:`~eventwire.model.ErrorRecord` on the article (``errors`` in
the output).  Outside a batch (bad settings, a missing model, an unusable database) it is raised::

    EventwireError
     ├── SettingsError      a setting, config file or flag is invalid          (E1xx)
     ├── InputError         an input cannot be read or has no article in it    (E2xx)
     ├── CleanError         no article text could be extracted                 (E3xx)
     ├── ModelError         the NLP model or a knowledge file is missing/bad   (E4xx)
     ├── StageError         an analysis stage failed on an article             (E5xx)
     └── StoreError         the embedded store cannot be used                  (E6xx)

Third-party exceptions are translated at the boundary (``raise InputError(...) from exc``).
"""
from __future__ import annotations


class EventwireError(Exception):
    """Base class.  ``code`` is stable and documented; ``str(err)`` is "[code] message"."""

    code = "E000"
    stage = "pipeline"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class SettingsError(EventwireError):
    code = "E100"
    stage = "settings"


class InputError(EventwireError):
    code = "E200"
    stage = "ingest"


class CleanError(EventwireError):
    code = "E300"
    stage = "clean"


class ModelError(EventwireError):
    code = "E400"
    stage = "analyse"


class StageError(EventwireError):
    code = "E500"
    stage = "analyse"


class StoreError(EventwireError):
    code = "E600"
    stage = "store"


#: Every code with its message template: cause, then fix.  ``errors.md`` in docs is generated from this.
MESSAGES: dict[str, str] = {
    "E101": "Unknown setting '{name}'. Known settings: {known}. Check the spelling in your config file, "
            "environment (EVENTWIRE_*) or flags.",
    "E102": "Setting '{name}' has the invalid value {value!r}: {why}. Use {expected}.",
    "E103": "Config file '{path}' cannot be read: {why}. Fix its TOML syntax or point --config elsewhere.",
    "E201": "Input '{path}' does not exist. Check the path, or pass '-' to read stdin.",
    "E202": "Input '{path}' has an unsupported extension. Use .txt, .html/.htm, .jsonl(.gz), .warc(.gz) "
            "or a directory of those.",
    "E203": "Input '{path}' is empty: there is no article to read. Remove it from the batch.",
    "E204": "Input '{path}' looks like binary data, not text or HTML ({why}). Remove it from the batch or "
            "convert it to text first.",
    "E205": "Line {line} of '{path}' is not valid JSON ({why}). Fix or remove that line; one JSON object per line.",
    "E206": "Line {line} of '{path}' has neither a 'text' nor an 'html' field. Give each line one of them.",
    "E207": "'{path}' is truncated or corrupt ({why}); the articles before the damage were read. "
            "Re-download or re-compress the file to read the rest.",
    "E208": "WARC record {record} of '{path}' cannot be read ({why}). The archive may be damaged.",
    "E209": "Input '{path}' is {size} bytes, over the max_input_bytes limit of {limit}. It was cut to the limit; "
            "raise max_input_bytes to read all of it.",
    "E210": "Input '{path}' cannot be read: {why}. Check its permissions and that it is a regular file.",
    "E301": "No article text could be extracted from the page ({why}). The page may be an index, a login "
            "wall or a script-only app; try another extractor with --extractor.",
    "E302": "The article text is empty after cleaning: every block looked like boilerplate. Inspect 'removed' "
            "and tell us about the page; --no-clean keeps the input text as it is.",
    "E303": "The article text is in '{lang}', not English: eventwire's model and lexicons are English-only, so "
            "the analysis stages were skipped (the clean text is kept). Translate it first or filter inputs "
            "by language.",
    "E401": "The spaCy model '{name}' is not installed. Install it with: "
            "pip install -r requirements/model.txt (or pip install en_core_web_sm), or set model=<name>.",
    "E402": "Knowledge file '{path}' cannot be read: {why}. Fix the file or remove it from the "
            "knowledge setting.",
    "E501": "Stage '{stage}' failed on this article: {why}. This is a bug in eventwire; please report it "
            "with the article id. The other stages' output is kept.",
    "E601": "The store '{path}' cannot be opened: {why}. Check the path and its permissions, or pass --db.",
    "E602": "The store '{path}' was written by a newer eventwire (schema {found} > {known}). Upgrade eventwire.",
    "E603": "Unknown export format '{fmt}'. Use jsonl, csv or parquet.",
    "E604": "The query cannot be run ({why}): {sql}. Check the SQL; the tables are articles, actors, quotes, "
            "events, figures and errors, and the store is opened read-only.",
}


def message(code: str, **kw) -> str:
    """The message for ``code``, filled in with ``kw``."""
    return MESSAGES[code].format(**kw)


def make(cls: type[EventwireError], code: str, **kw) -> EventwireError:
    """Build an exception of class ``cls`` with the coded message."""
    return cls(message(code, **kw), code)
