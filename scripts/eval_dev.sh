#!/usr/bin/env bash
# Run eventwire on ../shared/dev (or the gold dir given) and print score.py's table.
set -euo pipefail
cd "$(dirname "$0")/.."
gold=${1:-../shared/dev}
d=$(mktemp -d)
python3 ../shared/eval/score.py "$gold" --make-input "$d/in.jsonl"
.venv/bin/eventwire code "$d/in.jsonl" -o "$d/out.jsonl" || true
python3 ../shared/eval/score.py "$gold" "$d/out.jsonl"
# errors hide in scores: count them (E303 non-English is not a failure of ours)
python3 - "$d/out.jsonl" <<'PY'
import collections, json, sys
codes = collections.Counter(e["code"] for line in open(sys.argv[1]) for e in json.loads(line)["errors"])
print("errors:", dict(codes) if codes else "none")
PY
echo "output: $d/out.jsonl"
