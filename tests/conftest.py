"""Shared fixtures.  Tests that score against ../shared read it there at run time and skip without it."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import load_settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def settings():
    return load_settings(env={})


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def analysed(settings):
    """Run actors, quotes and events on a text written for a test; fails the test on any error record."""
    from eventwire import pipeline

    s = settings.replace(stages="actors,quotes,events")

    def run(text: str, published: str | None = "2023-10-11"):
        art = pipeline.process(text, published=published, settings=s)
        assert not art.errors, art.errors
        return art
    return run
