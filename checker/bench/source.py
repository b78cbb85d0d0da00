"""`make bench` part for ``--source``: a 1,000-word draft against a 1,000-word source.

Medians of warm runs in one process, beside the same draft checked without its source (the
baseline, so the ratio is what ``--source`` adds), with and without the model; peak memory of the
process. The draft is a rewrite of the source with planted changes (``checker.source.pairgen``)
made from CNN/DM articles when ``../shared/data`` is present, else from the seed source text.

Run ``python -m checker.bench.source``; writes ``reports/bench-source.md``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from checker.atomic import write_text
from checker.config import Settings
from checker.document import Document
from checker.engine import check_text
from checker.inputs import build_document
from checker.modelhub import ModelHub
from checker.resources import shared_data_path

ROOT = Path(__file__).resolve().parents[2]
WORDS = 1000


def source_text(words: int = WORDS) -> str:
    """About ``words`` words of real news: consecutive CNN/DM articles, else the seed source."""
    path = shared_data_path("news", "cnn_dailymail_dev.jsonl")
    parts: list[str] = []
    if path.is_file():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                parts.append(json.loads(line)["text"])
                if sum(len(p.split()) for p in parts) >= words:
                    break
    else:
        seed = (ROOT / "seeds" / "source" / "niger-withdrawal.txt").read_text(encoding="utf-8")
        while sum(len(p.split()) for p in parts) < words:
            parts.append(seed)
    return " ".join(" ".join(parts).split()[:words])


def draft_of(source: str) -> str:
    from checker.source.pairgen import make_pair

    pair = make_pair("bench", source)
    words = pair.corrupted.split()
    extra = source.split()[: max(0, WORDS - len(words))]  # pad back to ~1,000 words
    return pair.corrupted + ("\n\n" + " ".join(extra) if extra else "")


def _median(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(runs: int = 5) -> list[tuple[str, float, float, int]]:
    """(setting, seconds with source, seconds without, SR findings) per setting."""
    source = source_text()
    draft = draft_of(source)
    src: tuple[Document, ...] = (build_document("source.txt", source),)
    rows = []
    for label, use_model in (("rules only", False), ("with the model", True)):
        settings = replace(Settings(), use_model=use_model)
        hub = ModelHub()
        found = check_text(draft, "draft.txt", "text", settings, hub, sources=src)  # warm up
        check_text(draft, "draft.txt", "text", settings, hub)
        with_source = _median(lambda s=settings, h=hub: check_text(
            draft, "draft.txt", "text", s, h, sources=src), runs)
        without = _median(lambda s=settings, h=hub: check_text(
            draft, "draft.txt", "text", s, h), runs)
        sr = sum(1 for f in found.findings if f.code.startswith("SR"))
        rows.append((label, with_source, without, sr))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.bench.source")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=ROOT / "reports" / "bench-source.md")
    args = parser.parse_args(argv)
    rows = measure(args.runs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [f"A {WORDS}-word draft against a {WORDS}-word source, all rules, median of "
             f"{args.runs} warm runs in one process (baseline: the same draft without its "
             "source).", "",
             "| setting | with --source | without (baseline) | ratio | SR findings |",
             "|---|---|---|---|---|"]
    for label, with_source, without, sr in rows:
        lines.append(f"| {label} | {with_source:.3f} s | {without:.3f} s | "
                     f"{with_source / without:.2f}× | {sr} |")
    lines += ["", f"Peak memory of the process: {peak_mb:.0f} MB."]
    table = "\n".join(lines) + "\n"
    print(table, end="")
    write_text(args.output, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
