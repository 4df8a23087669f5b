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
