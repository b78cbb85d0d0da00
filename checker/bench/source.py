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
import os
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
    """About ``words`` words of real news: the first CNN/DM article that long, else the seed
    source repeated."""
    path = shared_data_path("news", "cnn_dailymail_dev.jsonl")
    parts: list[str] = []
    if path.is_file():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"]
                if len(text.split()) >= words:
                    parts = [text]
                    break
    if not parts:
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


CPU_TIMES: list[float] = []  # process CPU seconds of the last _median call's runs


def _median(fn: object, runs: int) -> float:
    """Median wall seconds; the median CPU seconds go to CPU_TIMES (on a shared machine the
    CPU time of a one-thread run is what the wall time would be with a core to itself)."""
    times, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    CPU_TIMES.append(statistics.median(cpu))
    return statistics.median(times)


def _seed() -> tuple[str, str]:
    seeds = ROOT / "seeds"
    return ((seeds / "niger-withdrawal.txt").read_text(encoding="utf-8"),
            (seeds / "source" / "niger-withdrawal.txt").read_text(encoding="utf-8"))


def measure(runs: int = 5) -> list[tuple[str, float, float, int]]:
    CPU_TIMES.clear()
    """(setting, seconds with source, seconds without, SR findings) per setting."""
    source = source_text()
    rows = _rows(draft_of(source), source, runs, f"{WORDS}-word draft and source")
    seed, seed_source = _seed()
    rows += _rows(seed, seed_source, runs, "the seed article and its source")
    return rows


def _rows(draft: str, source: str, runs: int, what: str) -> list[tuple[str, float, float, int]]:
    src: tuple[Document, ...] = (build_document("source.txt", source),)
    rows = []
    for label, use_model in ((f"{what}, rules only", False), (f"{what}, with the model", True)):
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
    # the source comparison alone, embeddings included (a fresh source text each run, so the
    # source is embedded every time, as for a new pair)
    settings = replace(Settings(), select=("SR",), use_model=True)
    hub = ModelHub()
    check_text(draft, "draft.txt", "text", settings, hub, sources=src)
    alone = _median(lambda: check_text(draft, "draft.txt", "text", settings, hub, sources=(
        build_document("source.txt", source + f" {time.perf_counter()}"),)), runs)
    rows.append((f"{what}, SR rules alone, with the model", alone, float("nan"), sr))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.bench.source")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=ROOT / "reports" / "bench-source.md")
    args = parser.parse_args(argv)
    rows = measure(args.runs)
    # CPU seconds: two per row (with source, without), one for the SR-alone rows
    cpu = list(CPU_TIMES)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [f"A {WORDS}-word draft against a {WORDS}-word source (a CNN/DM article and its "
             "rewrite with planted changes), and the seed article against its source: all "
             f"rules, median of {args.runs} warm runs in one process (baseline: the same draft "
             "without its source).", "",
             "| setting | with --source | without (baseline) | ratio | CPU s with / without "
             "| SR findings |",
             "|---|---|---|---|---|---|"]
    for label, with_source, without, sr in rows:
        if without != without:  # no baseline for the SR rules alone
            lines.append(f"| {label} | {with_source:.3f} s | — | — | {cpu.pop(0):.3f} / — "
                         f"| {sr} |")
            continue
        c_with, c_without = cpu.pop(0), cpu.pop(0)
        lines.append(f"| {label} | {with_source:.3f} s | {without:.3f} s | "
                     f"{with_source / without:.2f}× | {c_with:.3f} / {c_without:.3f} | {sr} |")
    threads = os.environ.get("CHECKER_THREADS") or "torch's default"
    lines += ["", f"Peak memory of the process: {peak_mb:.0f} MB. Model threads: {threads}; "
              f"load average when done: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs."]
    table = "\n".join(lines) + "\n"
    print(table, end="")
    write_text(args.output, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
