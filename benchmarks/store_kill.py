#!/usr/bin/env python3
"""Crash-safety benchmark of the store: ingest N articles, SIGKILL the ingest at a random point, rerun,
and check that the store holds exactly N articles with no duplicates.

The articles are generated at run time from the development gold set (../shared/dev, never copied into
the repository): article k is dev article k mod 40 with its id suffixed by k and a sentence that varies
with k appended, so every article is distinct.

    .venv/bin/python benchmarks/store_kill.py [--n 10000] [--stages ""] [--seed S] [--dev ../shared/dev]
"""
from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.errors import StoreError  # noqa: E402
from eventwire.store import Store  # noqa: E402


def generate(dev: Path, out: Path, n: int) -> int:
    golds = sorted(dev.glob("*.gold.json"))
    if not golds:
        sys.exit(f"no *.gold.json under {dev}")
    base = [json.loads(p.read_text(encoding="utf-8")) for p in golds]
    with open(out, "w", encoding="utf-8") as f:
        for k in range(n):
            g = base[k % len(base)]
            extra = f"Bulletin {k} was filed from desk {k % 97} at {k % 24:02d}:{k % 60:02d}."
            f.write(json.dumps({"id": f"{g['id']}-{k:05d}", "url": g.get("url"), "published": g.get("published"),
                                "text": g["raw"].rstrip() + "\n\n" + extra}, ensure_ascii=False) + "\n")
    return len(base)


def count(db: Path) -> int:
    try:
        with Store(db, readonly=True, timeout=5) as st:
            return st.count()
    except StoreError:
        return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--stages", default="", help='analysis stages ("" = clean only, the default)')
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        src, db = Path(tmp) / "gen.jsonl", Path(tmp) / "kill.db"
        t = time.perf_counter()
        nbase = generate(args.dev, src, args.n)
        print(f"generated {args.n} articles from {nbase} dev articles in {time.perf_counter() - t:.1f}s "
              f"({src.stat().st_size / 1e6:.1f} MB JSONL); seed {seed}")
        print(f"pipeline: stages={args.stages!r} ({'clean only' if not args.stages else 'full analysis'})")
        cmd = [sys.executable, "-m", "eventwire.cli", "ingest", str(src), "--db", str(db), "--stages", args.stages,
               "--progress", "never"]
        target = rnd.randint(args.n // 10, args.n * 9 // 10)
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp)
        reads = seen = 0
        while proc.poll() is None:
            if db.exists():
                seen = count(db)  # a reader in this process while the ingest process writes
                reads += 1
                if seen >= target:
                    proc.send_signal(signal.SIGKILL)
                    break
            time.sleep(0.01)
        proc.wait()
        t_kill = time.perf_counter() - t0
        at_kill = count(db)
        killed = proc.returncode == -signal.SIGKILL
        print(f"run 1: {'SIGKILL' if killed else 'finished (exit %s) before' % proc.returncode} at "
              f"{t_kill:.1f}s (target {target} stored); {at_kill} articles stored; {reads} concurrent reads ok")
        t1 = time.perf_counter()
        rerun = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp)
        t_rerun = time.perf_counter() - t1
        summary = rerun.stderr.strip().splitlines()[-1] if rerun.stderr.strip() else ""
        print(f"run 2: exit {rerun.returncode} in {t_rerun:.1f}s: {summary}")
        with Store(db, readonly=True) as st:
            _, rows = st.query("SELECT count(*), count(DISTINCT id) FROM articles")
            total, distinct = next(rows)
            _, rows = st.query("SELECT count(*) FROM (SELECT article_id, idx FROM errors GROUP BY 1, 2 "
                               "HAVING count(*) > 1)")
            dup_children = next(rows)[0]
            ids = [r["id"] for r in st.records()]
        expected = [json.loads(line)["id"] for line in open(src, encoding="utf-8")]
        ok = total == args.n and distinct == args.n and sorted(ids) == sorted(expected) and dup_children == 0
        print(f"store: {total} articles, {distinct} distinct ids, {total - distinct} duplicates, "
              f"missing {len(set(expected) - set(ids))}; db {db.stat().st_size / 1e6:.1f} MB")
        print(f"throughput: {args.n / (t_kill + t_rerun):.1f} articles/s over both runs "
              f"({t_kill + t_rerun:.1f}s wall, 2 runs)")
        print("RESULT:", "PASS" if ok and killed else ("PASS (no kill: run 1 finished)" if ok else "FAIL"))
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
