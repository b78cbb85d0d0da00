"""Articles per second of ``checker report`` with the model: the model path as it was against what
it is now, in paired runs of one session, and where a worker's time goes.

Each run is the real command line (``checker report ARTICLES --out NEW -j 2``) over the 406 CNN/DM
dev articles, timed from outside, start-up and writing included; the configurations take turns in
each round, so load from elsewhere on the machine hits them alike, and each round's ratio to the
baseline is kept. The configurations:

- ``before``: the old batching (``CHECKER_BATCHING=plain``: each document's pairs and sentences
  cut by characters into batches of 32, so usually one batch padded to its longest) and every pair
  scored both ways round (``both-ways-from = 0``);
- batches by token count (``checker.nli.batching``) and a batch's sentences embedded in one call
  (``checker.batch.pool``), still both ways round: the same findings;
- the default: also ``both-ways-from = 0.01`` (``checker.nli.contradict.score_pairs``).

The findings tables are compared with the baseline's; every difference is listed. Then one
``-j 1`` run over the first ``PROFILED`` articles under cProfile (one model thread, as a ``-j 2``
worker has) per configuration, its heaviest stages written to ``reports/profile-model.md``.
Writes ``reports/bench-model-report.md``; skips with a message when the articles are absent.
"""

from __future__ import annotations

import csv
import io
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.atomic import write_text
from checker.bench.batch import DATA, ROOT, _env, timed_report, write_articles
from checker.bench.sections import write_section

REPORT = ROOT / "reports" / "bench-model-report.md"
PROFILE = ROOT / "reports" / "profile-model.md"
REPEAT = int(os.environ.get("CHECKER_BENCH_REPEAT", "3"))
PROFILED = int(os.environ.get("CHECKER_BENCH_PROFILED", "100"))


@dataclass
class Config:
    name: str
    env: dict[str, str]
    toml: str
    walls: list[float] = field(default_factory=list)
    table: str = ""


def configs() -> list[Config]:
    both = "[nli]\nboth-ways-from = 0.0\n"
    return [
        Config("before: per-document batches cut by characters, both ways round",
               {"CHECKER_BATCHING": "plain"}, both),
        Config("batches by token count, a batch's sentences embedded together, both ways round",
               {}, both),
        Config("as above, one way round below p 0.01 (the default)", {}, ""),
    ]


def rows_of(table: str) -> dict[tuple[str, str, str, str], str]:
    """(path, code, start, end) -> confidence, from a findings.csv."""
    return {(Path(r["path"]).name, r["code"], r["start"], r["end"]): r["confidence"]
            for r in csv.DictReader(io.StringIO(table))}


def differences(base: str, other: str) -> list[str]:
    """One line per finding that one table has and the other has not, or whose confidence
    differs."""
    a, b = rows_of(base), rows_of(other)
    out = []
    for key in sorted(set(a) | set(b)):
        where = f"{key[0]} {key[1]} at {key[2]}-{key[3]}"
        if key not in b:
            out.append(f"only before: {where} (confidence {a[key]})")
        elif key not in a:
            out.append(f"only now: {where} (confidence {b[key]})")
        elif a[key] != b[key]:
            out.append(f"{where}: confidence {a[key]} -> {b[key]}")
    return out


# (label, file suffix, function) of the stages the profile table shows
STAGES = (
    ("checking and rendering the batches (work.process_batch)", "checker/batch/work.py",
     "process_batch"),
    ("of which embedding a batch's sentences together (pool.pooled_hubs)",
     "checker/batch/pool.py", "pooled_hubs"),
    ("loading the models (ModelHub.get)", "checker/modelhub.py", "get"),
    ("sentence embeddings (OnnxEmbedder.encode)", "checker/nli/onnx.py", "encode"),
    ("NLI model (OnnxNLIModel.predict)", "checker/nli/onnx.py", "predict"),
    ("ONNX Runtime, both graphs (InferenceSession.run)", "onnxruntime_inference_collection.py",
     "run"),
    ("tokenising (Tokenizer.encode_batch)", "~", "<method 'encode_batch' of "
     "'tokenizers.Tokenizer' objects>"),
    ("padding batches (batching.padded_feeds)", "checker/nli/batching.py", "padded_feeds"),
    ("pair selection (pairs.select_pairs)", "checker/nli/pairs.py", "select_pairs"),
    ("word flips (contradict.flip_conflicts)", "checker/nli/contradict.py", "flip_conflicts"),
    ("restatement filter (restate.unlikely_pairs)", "checker/nli/restate.py", "unlikely_pairs"),
    ("per-document HTML report (reporters.html.render)", "checker/reporters/html.py", "render"),
)


def profile(folder: Path, work: Path, config: Config, cfg: Path) -> tuple[float, dict[str, float]]:
    """Seconds of one whole ``-j 1`` run under cProfile, and each stage's cumulative seconds."""
    out = work / f"profile-{abs(hash(config.name))}.out"
    env = _env() | config.env | {"CHECKER_THREADS": "1"}
    cmd = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "checker", "report",
           str(folder), "--out", str(work / f"p-{abs(hash(config.name))}"), "-j", "1",
           "--no-progress", "--config", str(cfg)]
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True)
    stats = pstats.Stats(str(out), stream=io.StringIO())
    raw = stats.stats  # type: ignore[attr-defined]
    total = max(cum for (_, _, _, cum, _) in raw.values())
    found: dict[str, float] = {}
    for label, suffix, func in STAGES:
        found[label] = sum(cum for (name, _, fn), (_, _, _, cum, _) in raw.items()
                           if fn == func and name.endswith(suffix))
    return total, found


def main() -> int:
    if not DATA.is_file():
        print(f"bench model_report: {DATA} not found; skipped")
        return 0
    runs = configs()
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        work = Path(tmp)
        articles = work / "articles"
        articles.mkdir()
        n = write_articles(articles)
        subprocess.run([sys.executable, "-m", "checker.nli.onnx"], cwd=ROOT, check=True,
                       capture_output=True)  # the graphs are built once, not in a timed run
        tomls = []
        for k, config in enumerate(runs):
            tomls.append(work / f"config-{k}.toml")
            tomls[-1].write_text(config.toml, encoding="utf-8")
        for r in range(REPEAT):
            for k, config in enumerate(runs):
                out = work / f"run-{k}-{r}"
                seconds, _ = timed_report(articles, out, ["-j", "2", "--config", str(tomls[k])],
                                          env=config.env)
                config.walls.append(seconds)
                table = (out / "findings.csv").read_text(encoding="utf-8")
                if r == 0:
                    config.table = table
                elif table != config.table:
                    print(f"bench model_report: {config.name}: findings differ between runs",
                          file=sys.stderr)
                    return 1
        load_end = os.getloadavg()
        subset = work / "subset"
        subset.mkdir()
        for path in sorted(articles.iterdir())[:PROFILED]:
            (subset / path.name).write_bytes(path.read_bytes())
        profiles = [profile(subset, work, config, tomls[k]) for k, config in enumerate(runs)]
    base = runs[0]
    lines = [
        "# `checker report` with the model: before and now",
        "",
        f"{n} articles (CNN/DM dev), `checker report -j 2`, whole command timed from outside; "
        f"{os.cpu_count()} CPU cores ({platform.machine()}), Python {platform.python_version()}; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. {REPEAT} rounds, the "
        "configurations in turn within each round; ratio = the baseline's wall time over the "
        "configuration's in the same round. Load average (1, 5, 15 min) at the start "
        f"{', '.join(f'{x:.1f}' for x in load_start)}, at the end "
        f"{', '.join(f'{x:.1f}' for x in load_end)}.",
        "",
        "| configuration | median wall (s) | articles/s (median) | ratio to before (median "
        "of rounds) | all runs (s) | findings | same findings as before |",
        "|---|---:|---:|---:|---|---:|---|",
    ]
    diffs: dict[str, list[str]] = {}
    for config in runs:
        wall = statistics.median(config.walls)
        ratios = [b / c for b, c in zip(base.walls, config.walls, strict=True)]
        diffs[config.name] = differences(base.table, config.table)
        same = "yes" if not diffs[config.name] else f"no: {len(diffs[config.name])} differ"
        lines.append(
            f"| {config.name} | {wall:.1f} | {n / wall:.2f} | {statistics.median(ratios):.2f}× | "
            f"{', '.join(f'{x:.1f}' for x in config.walls)} | "
            f"{len(config.table.splitlines()) - 1} | {same} |")
    for name, found in diffs.items():
        if found:
            lines += ["", f"Findings that differ from the baseline, {name}:", ""]
            lines += [f"- {d}" for d in found]
    lines += ["", "Reproduce: `python -m checker.bench.model_report` (`make bench`); "
              "`CHECKER_BENCH_REPEAT` sets the rounds.", ""]
    write_text(REPORT, "\n".join(lines))
    write_section(PROFILE, "report", profile_text(runs, profiles))
    print(REPORT.read_text(encoding="utf-8"))
    return 0


def profile_text(runs: Sequence[Config], profiles: Sequence[tuple[float, dict[str, float]]]) -> str:
    head = "| stage | " + " | ".join(c.name for c in runs) + " |"
    lines = [
        f"# Profile of `checker report` over {PROFILED} CNN/DM articles",
        "",
        f"The first {PROFILED} of the 406 articles, `checker report -j 1` in one process with one "
        "model thread (as each `-j 2` worker runs), under cProfile (which slows the Python parts, "
        "not the model); cumulative seconds, and the share of the whole run. Written by "
        "`python -m checker.bench.model_report`.",
        "",
        head,
        "|---|" + "---:|" * len(runs),
        "| whole run | " + " | ".join(f"{total:.1f} s" for total, _ in profiles) + " |",
    ]
    for label, _, _ in STAGES:
        cells = [f"{found[label]:.1f} s ({100 * found[label] / total:.0f}%)"
                 for total, found in profiles]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
