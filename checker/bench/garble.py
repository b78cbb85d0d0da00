"""`make bench` part for GB104, the replaced-word detector: what it adds to a check.

On the CNN/DM articles of ``../shared/data/news`` (the seeds when that is absent), in one process
with the model loaded: each article checked with every rule but the two model rules (the
baseline), then with GB104 alone, alternating, several rounds; medians per article, the added
time and the ratio, and the process's peak memory. Target (issue 11): GB104 adds at most 0.2 s
to an article.

Run ``python -m checker.bench.garble [--articles N] [--rounds R]``; writes
``reports/bench-garble.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from checker.atomic import write_text
from checker.config import Settings
from checker.engine import check_text
from checker.modelhub import ModelHub
from checker.resources import shared_data_path

ROOT = Path(__file__).resolve().parents[2]


def articles(limit: int) -> tuple[str, list[str]]:
    path = shared_data_path("news", "cnn_dailymail_dev.jsonl")
    if path.is_file():
        with path.open(encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh if line.strip()]
        return "CNN/DM articles", texts[:limit]
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return "the seeds", [p.read_text(encoding="utf-8") for p in seeds][:limit]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.bench.garble")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("reports") / "bench-garble.md")
    args = parser.parse_args(list(argv) if argv is not None else [])
    what, texts = articles(args.articles)
    hub = ModelHub({})
    rules = Settings(use_model=False)
    gb104 = Settings(select=("GB104",))
    started = time.perf_counter()
    check_text(texts[0], "warm.txt", "text", gb104, models=hub)
    load = time.perf_counter() - started
    base_times: list[float] = []
    model_times: list[float] = []
    words = 0
    for _ in range(args.rounds):
        for i, text in enumerate(texts):
            t0 = time.perf_counter()
            check_text(text, f"a{i}.txt", "text", rules, models=hub)
            t1 = time.perf_counter()
            result = check_text(text, f"a{i}.txt", "text", gb104, models=hub)
            t2 = time.perf_counter()
            if result.error is not None:
                print(f"article {i}: {result.error}", file=sys.stderr)
                return 1
            base_times.append(t1 - t0)
            model_times.append(t2 - t1)
            words += len(text.split())
    base, added = statistics.median(base_times), statistics.median(model_times)
    worst = sorted(model_times)[int(0.95 * (len(model_times) - 1))]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    table = "\n".join([
        f"GB104 on {len(texts)} {what} ({words // max(1, args.rounds * len(texts))} words on "
        f"average), {args.rounds} rounds, model warm (loading took {load:.2f} s, once per "
        "process):", "",
        "| | median per article (s) | p95 (s) |", "|---|---:|---:|",
        f"| all rules without a model (baseline) | {base:.4f} | "
        f"{sorted(base_times)[int(0.95 * (len(base_times) - 1))]:.4f} |",
        f"| GB104 alone (what it adds) | {added:.4f} | {worst:.4f} |", "",
        f"GB104 adds {added:.3f} s per article (target at most 0.2 s): "
        f"{added / base if base else 0:.1f}x the model-free rules. Peak RSS {rss:.0f} MB. "
        f"Load average when done: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs.",
    ])
    print(table)
    write_text(args.out, table + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
