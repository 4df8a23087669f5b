#!/usr/bin/env bash
# Run eventwire on ../shared/dev (or the gold dir given) and print score.py's table.
set -euo pipefail
cd "$(dirname "$0")/.."
gold=${1:-../shared/dev}
d=$(mktemp -d)
python3 ../shared/eval/score.py "$gold" --make-input "$d/in.jsonl"
.venv/bin/eventwire code "$d/in.jsonl" -o "$d/out.jsonl" || true
python3 ../shared/eval/score.py "$gold" "$d/out.jsonl"
echo "output: $d/out.jsonl"
