"""Whole-process ``checker check --server URL`` against a warm ``checker serve``, beside a local
check with the model: what a repeated command-line check costs when a server holds the model.

Each run is the real command line in a fresh process, timed from outside (start-up, imports,
reading, the request, rendering); the configurations take turns, so machine load hits all of
them alike. The server is one ``checker serve`` (model rules on, 2 workers) started before the
runs and waited for until both models are loaded:

- ``local, model``: ``checker check ARTICLE``, loading the models in the process (the default
  ONNX path; what ``checker.bench.startup`` measures);
- ``--server, same article``: ``checker check ARTICLE --server URL`` after one earlier check of
  that article, so the server knows its sentence pairs (a draft checked again while it is
  written);
- ``--server, new article``: a different article each run, never sent before (nothing to reuse:
  every pair goes to the model);
- ``local, rules only`` (``--no-model``): the floor of a process that reads and reports.

The findings through the server are compared with the local ones (JSON, byte for byte) once.
Reads the CNN/DM dev articles nearest the median length (``../shared/data/news``; skips with a
message when absent). Writes ``reports/bench-cli-server.md``.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from checker.atomic import write_text
from checker.bench.serve_load import _free_port, _peak_rss_mb
from checker.bench.startup import DATA, ROOT, _env, _run

REPORT = ROOT / "reports" / "bench-cli-server.md"
RUNS = int(os.environ.get("CHECKER_BENCH_REPEAT", "7"))


def _articles(folder: Path, count: int) -> list[Path]:
    """The ``count`` articles nearest the median length, the median one first."""
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    lengths = sorted(len(r["text"].split()) for r in rows)
    middle = lengths[len(lengths) // 2]
    nearest = sorted(rows, key=lambda r: abs(len(r["text"].split()) - middle))[:count]
    paths = []
    for n, row in enumerate(nearest):
        path = folder / f"cnn-{n}.txt"
        path.write_text(row["text"], encoding="utf-8")
        paths.append(path)
    return paths


def _wait_for_models(url: str, seconds: float = 180) -> None:
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with direct.open(f"{url}/healthz", timeout=2) as answer:
                if {"nli", "embedder"} <= set(json.load(answer)["models_loaded"]):
                    return
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"checker serve at {url} did not load its models in {seconds:g} s")


def _check(article: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "checker", "check", str(article), "--exit-zero", "--no-cache",
            *extra]


def _same_findings(article: Path, url: str) -> bool:
    def findings(*extra: str) -> bytes:
        return subprocess.run(_check(article, "--format", "json", *extra), env=_env(), cwd=ROOT,
                              capture_output=True, check=True).stdout

    return findings() == findings("--server", url)


def main() -> int:
    if not DATA.is_file():
        print(f"skipped: {DATA} is absent")
        return 0
    # build the cached graphs first: the export is a one-time cost, not a check's
    subprocess.run([sys.executable, "-m", "checker.nli.onnx"], env=_env(), cwd=ROOT, check=True,
                   capture_output=True)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", str(port),
                               "--workers", "2"], env=_env(), cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            median, *others = _articles(Path(tmp), RUNS + 1)
            _wait_for_models(url)
            same = _same_findings(median, url)  # also the one earlier check of the article
            load = os.getloadavg()
            rows: dict[str, list[tuple[float, float, str]]] = {}
            for n in range(RUNS):
                for label, cmd in (
                        ("local, model", _check(median)),
                        ("--server, same article", _check(median, "--server", url)),
                        ("--server, new article", _check(others[n], "--server", url)),
                        ("local, rules only", _check(median, "--no-model"))):
                    rows.setdefault(label, []).append(_run(cmd))
            words = len(median.read_text(encoding="utf-8").split())
            server_rss = _peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(10)
    local = statistics.median(r[0] for r in rows["local, model"])
    lines = [
        "# `checker check --server` against a warm `checker serve`",
        "",
        f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average at the start "
        f"{load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}. {RUNS} runs of each, whole process, "
        f"configurations taking turns; CNN median article: {words} words (new article: the "
        f"{RUNS} next nearest the median length, one per run). Server: `checker serve`, model "
        f"rules, 2 workers, peak RSS {server_rss:.0f} MB.",
        "",
        "| configuration | median s | min s | max s | vs local model | client peak RSS MB | "
        "stderr empty |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for label, runs in rows.items():
        walls = [r[0] for r in runs]
        med = statistics.median(walls)
        lines.append(f"| {label} | {med:.2f} | {min(walls):.2f} | {max(walls):.2f} | "
                     f"{local / med:.1f}× | {max(r[1] for r in runs):.0f} | "
                     f"{'yes' if all(not r[2] for r in runs) else 'no'} |")
    lines += ["", f"Findings through the server identical to the local check (JSON, the median "
              f"article): {'yes' if same else 'NO'}.", "",
              "Reproduce: `python -m checker.bench.cli_server` (`make bench`)."]
    write_text(REPORT, "\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
