"""Kill loop: SIGKILL ``checker report`` at random points, resume, and compare with a clean run.

One clean run writes the reference tables. Then the same report is started again and again in
a second folder and killed with SIGKILL after a random delay, at least ``--kills`` times, and a
last run finishes it. Checks: findings.csv, documents.csv and findings.parquet byte-identical to
the reference, no ``.tmp`` file left, and no process left behind (every process carries a tag in
its environment, found through /proc). Linux only (it reads /proc).

    python -m checker.bench.killloop [--kills 20] [--docs 120] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

from checker.resources import shared_data_path

TABLES = ("findings.csv", "documents.csv", "findings.parquet")
SAMPLE = ("The the council met on Monday. Officials said 1,200 troops would leave.\n\n"
          "More than 1,000 troops will leave the country in the coming months.\n\n"
          "See also: Ten things you did not know about the budget\n")


def write_docs(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    source = shared_data_path("news", "cnn_dailymail_dev.jsonl")
    texts: list[str] = []
    if source.is_file():
        with open(source, encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh if line.strip()]
    for n in range(count):
        text = texts[n % len(texts)] if texts else SAMPLE.replace("1,200", f"{n:,}")
        (folder / f"doc-{n:04d}.txt").write_text(text, encoding="utf-8")


def tagged_pids(tag: str) -> list[int]:
    """Processes whose environment carries ``tag`` (all of a run's processes inherit it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if tag.encode() in (entry / "environ").read_bytes():
                status = (entry / "status").read_text()
                if "\nState:\tZ" not in status:  # a zombie holds no memory; its parent reaps it
                    found.append(int(entry.name))
        except OSError:
            continue
    return found


def report(docs: Path, out: Path, jobs: int, tag: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, CHECKER_KILL_TAG=tag, HF_HUB_OFFLINE="1",
               PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    return subprocess.Popen(
        [sys.executable, "-m", "checker", "report", "--no-model", "--no-progress",
         "--jobs", str(jobs), "--batch-size", "4", str(docs), "--out", str(out)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_gone(tag: str, seconds: float = 10.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = tagged_pids(tag)
        if not left:
            return []
        time.sleep(0.1)
    return tagged_pids(tag)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m checker.bench.killloop")
    p.add_argument("--kills", type=int, default=20)
    p.add_argument("--docs", type=int, default=120)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(list(argv) if argv is not None else None)
    rng = random.Random(args.seed)
    tag = f"checker-kill-{uuid.uuid4().hex}"
    with tempfile.TemporaryDirectory(prefix="checker-kill-") as tmp:
        root = Path(tmp)
        docs = root / "docs"
        write_docs(docs, args.docs)
        started = time.monotonic()
        clean = report(docs, root / "clean", args.jobs, tag)
        if clean.wait() != 0:
            print("the clean run failed", file=sys.stderr)
            return 2
        full = time.monotonic() - started
        orphans: list[int] = []
        kills = 0
        out = root / "killed"
        while kills < args.kills:
            proc = report(docs, out, args.jobs, tag)
            time.sleep(rng.uniform(0.05, max(0.2, full * 0.9)))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.wait()
            orphans += wait_gone(tag)
            if proc.returncode == 0:  # finished before the kill: start that folder afresh
                shutil.rmtree(out)
        last = report(docs, out, args.jobs, tag)
        code = last.wait()
        orphans += wait_gone(tag)
        same = {name: (root / "clean" / name).read_bytes() == (out / name).read_bytes()
                for name in TABLES}
        temporary = [str(t.relative_to(out)) for t in out.rglob("*.tmp")]
    print(f"kills: {kills}; final run exit {code}; tables identical: {same}; "
          f"temporary files left: {len(temporary)}; orphan processes: {len(set(orphans))}; "
          f"clean run {full:.1f} s over {args.docs} documents")
    return 0 if code == 0 and all(same.values()) and not temporary and not orphans else 1


if __name__ == "__main__":
    sys.exit(main())
