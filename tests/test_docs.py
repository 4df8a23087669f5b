"""The documentation covers every error code and every declared setting (datasette-style)."""
from __future__ import annotations

from pathlib import Path

from eventwire.errors import MESSAGES
from eventwire.settings import DECLARED

ROOT = Path(__file__).resolve().parents[1]


def test_every_error_code_is_documented():
    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    missing = [code for code in MESSAGES if f"`{code}`" not in doc]
    assert not missing, f"undocumented codes {missing}: run scripts/gen_docs.py"


def test_every_setting_is_documented():
    docs = (ROOT / "README.md").read_text(encoding="utf-8") + (ROOT / "docs" / "settings.md").read_text("utf-8")
    missing = [s.name for s in DECLARED if f"`{s.name}`" not in docs]
    assert not missing, f"undocumented settings {missing}: run scripts/gen_docs.py"


def test_readme_starts_with_the_two_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8")[:600]
    assert "bash scripts/setup.sh && .venv/bin/eventwire example" in head and "bash scripts/test.sh" in head
    assert (ROOT / "docs" / "model.md").read_text("utf-8").count("e94cbf6c242453a89af524aaea8e0891") == 1
