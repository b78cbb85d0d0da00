"""Wall time of ``checker report`` over the 406 CNN/DailyMail dev articles, three ways.

Local with 1 process (in-process), local with 2 processes, and through a Dask cluster on
loopback (1 scheduler + 2 single-threaded workers started here). Each run is the real command
line in a fresh output directory, timed from outside, so start-up and writing the outputs count.
The findings tables of the three runs must be identical. Writes ``reports/bench-batch.md``.
Reads ``../shared/data/news/cnn_dailymail_dev.jsonl``; skips with a message when it is absent.
"""

from __future__ import annotations

import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from checker.atomic import write_text
from checker.resources import shared_data_path

ROOT = Path(__file__).resolve().parents[2]
DATA = shared_data_path("news", "cnn_dailymail_dev.jsonl")
REPORT = ROOT / "reports" / "bench-batch.md"
KEEP = ROOT / "reports" / "_tmp" / "bench-batch"  # every run's findings table, for diffing
REPEAT = int(os.environ.get("CHECKER_BENCH_REPEAT", "3"))  # runs per configuration


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env["DASK_DISTRIBUTED__WORKER__DAEMON"] = "False"
    return env


@contextmanager
def loopback_cluster(workers: int = 2, threads: int = 1,
                     directory: Path | None = None) -> Iterator[str]:
    """Start ``dask scheduler`` and ``workers`` x ``dask worker`` on 127.0.0.1; yield the address.

    The scheduler picks a free port and publishes it in a scheduler file, so nothing races for a
    port. Every process is stopped on the way out, killed if it does not stop in 3 s.
    """
    from distributed import Client

    dask = str(Path(sys.executable).with_name("dask"))
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        sched_file = Path(tmp) / "scheduler.json"
        common = {"env": _env(), "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL,
                  "start_new_session": True}
        procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0",
                                   "--no-dashboard", "--scheduler-file", str(sched_file)],
                                  **common)]  # type: ignore[call-overload]
        try:
            deadline = time.monotonic() + 60
            while not sched_file.exists():
                if time.monotonic() > deadline or procs[0].poll() is not None:
                    raise RuntimeError("the Dask scheduler did not start")
                time.sleep(0.05)
            address = str(json.loads(sched_file.read_text())["address"])
            for i in range(workers):
                procs.append(subprocess.Popen(
                    [dask, "worker", "--scheduler-file", str(sched_file), "--host", "127.0.0.1",
                     "--nthreads", str(threads), "--no-dashboard", "--no-nanny",
                     "--name", f"bench-{i}"], **common))  # type: ignore[call-overload]
            with Client(address, timeout=30) as client:  # type: ignore[no-untyped-call]
                client.wait_for_workers(workers, timeout=120)
            yield address
        finally:
            _stop(procs[1:])  # workers first, while the scheduler still answers
            _stop(procs[:1])


def _stop(procs: Sequence[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def write_articles(folder: Path, data: Path = DATA) -> int:
    n = 0
    for line in data.read_text(encoding="utf-8").splitlines():
        if line.strip():
            article = json.loads(line)
            (folder / f"{article['id']}.txt").write_text(article["text"], encoding="utf-8")
            n += 1
    return n


def timed_report(folder: Path, out: Path, extra: Sequence[str],
                 env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds of one ``checker report`` and the peak RSS (MB) of the command's process.

    ``os.wait4`` gives this child's own resource use (and that of any children it reaped). Pool
    workers come from a fork server and Dask workers run on their own, so for ``-j 2`` and
    ``--dask`` this is the client's memory only; for ``-j 1`` it is the whole run.
    """
    cmd = [sys.executable, "-m", "checker", "report", str(folder), "--out", str(out),
           "--no-progress", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=_env() | (env or {}), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return seconds, usage.ru_maxrss / 1024


def keep_tables(tables: dict[str, str], folder: Path = KEEP) -> None:
    """Keep every run's findings table and print how each differs from the first one."""
    import difflib

    folder.mkdir(parents=True, exist_ok=True)
    first_name, first = next(iter(tables.items()))
    for name, text in tables.items():
        write_text(folder / f"findings-{name}.csv", text)
        if text != first:
            diff = list(difflib.unified_diff(first.splitlines(), text.splitlines(), first_name,
                                             name, lineterm="", n=0))
            print("\n".join(diff[:40]), file=sys.stderr)
    print(f"bench batch: the findings tables are kept in {folder}", file=sys.stderr)


def uses_model() -> bool:
    from checker.rules import all_rules

    return any(r.requires for r in all_rules()) and "--no-model" not in sys.argv


def main() -> int:
    if not DATA.is_file():
        print(f"bench batch: {DATA} not found; skipped")
        return 0
    model = uses_model()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    mode = [] if model else ["--no-model"]
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        work = Path(tmp)
        articles = work / "articles"
        articles.mkdir()
        n = write_articles(articles)
        # (run, wall times, peak RSS, whether that RSS covers the whole run)
        rows: list[tuple[str, list[float], float, bool]] = []

        def best_of(name: str, out: str, extra: Sequence[str], fresh: bool = True,
                    whole: bool = False) -> None:
            times, peak = [], 0.0
            for i in range(REPEAT):
                target = work / (f"{out}-{i}" if fresh else out)
                seconds, rss = timed_report(articles, target, [*mode, *extra])
                times.append(seconds)
                peak = max(peak, rss)
            rows.append((name, times, peak, whole))

        best_of("local, 1 process", "j1", ["-j", "1"], whole=True)
        best_of("local, 2 processes", "j2", ["-j", "2"])
        with loopback_cluster(2, 1, work) as address:
            best_of("Dask, 1 scheduler + 2 workers (loopback)", "dask", ["--dask", address])
        best_of("re-run, nothing changed (2 processes)", "j2-0", ["-j", "2"], fresh=False)
        names = [f"{d}-{i}" for d in ("j1", "j2", "dask") for i in range(REPEAT)]
        tables = [(work / name / "findings.csv").read_text() for name in names]
        identical = all(t == tables[0] for t in tables)
        keep_tables(dict(zip(names, tables, strict=True)))
        findings = len(tables[0].splitlines()) - 1
    lines = [
        "# `checker report` over the CNN/DailyMail dev articles", "",
        f"{n} articles, {findings} findings, {'with the model' if model else 'rules only'}; "
        f"{os.cpu_count()} CPU cores ({platform.machine()}), Python "
        f"{platform.python_version()}; {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}. "
        "Wall time of the whole command (start-up, checking, per-document reports, tables, "
        f"index), best of {REPEAT} runs, each fresh run in a new output directory; the machine "
        f"is shared, so the other runs are listed too (load average at the start: {load}).", "",
        "| run | best wall time (s) | documents / s | all runs (s) | peak RSS, largest process "
        "(MB) |", "|---|---:|---:|---|---:|",
        *(f"| {name} | {min(t):.2f} | {n / min(t):.1f} | {', '.join(f'{x:.2f}' for x in t)} "
          f"| {peak:.0f}{'' if whole else '†'} |" for name, t, peak, whole in rows), "",
        "† the client only: pool workers are started by a fork server and Dask workers on their "
        "own, so neither is the client's child; see `checker eval speed` for one model process.",
        "",
        f"Findings identical in all fresh runs of the three backends: "
        f"**{'yes' if identical else 'NO'}**.", "",
        "Reproduce: `python -m checker.bench.batch` (`make bench`).", ""]
    text = "\n".join(lines)
    write_text(REPORT, text)
    print(text)
    if not identical:
        print("bench batch: findings differ between backends", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
