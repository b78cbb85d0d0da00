"""Hostile and huge input: every case of the bad-input corpus as a whole process, and scaling.

Each case runs ``python -m checker ...`` under a timeout and records the exit code, the first
line of its message, wall time and peak RSS (from ``wait4``), and whether a traceback appeared.
Scaling: rules only, one plain-text file of 1, 2, 4 and 8 MB cut from the real news articles in
``../shared/data/news`` (repeated once they run out), time and RSS per megabyte.
Writes reports/bench-hostile.md. ``--quick`` skips the model cases and the 8 MB size.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.atomic import write_text
from checker.resources import models_path, shared_data_path

REPORT = Path("reports") / "bench-hostile.md"
TIMEOUT = 120.0
MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    shell: str | None = None  # run through bash instead (pipes)
    model: bool = False


@dataclass(frozen=True)
class Outcome:
    case: str
    code: int | None  # None: timed out
    message: str
    seconds: float
    rss_mb: float
    traceback: bool


def run(args: Sequence[str], cwd: Path, shell: str | None = None,
        timeout: float = TIMEOUT) -> tuple[int | None, str, float, float]:
    """(exit code or None on timeout, stdout+stderr, seconds, peak RSS in MB)."""
    code, text, seconds, rss, _cpu = run_measured(args, cwd, shell, timeout)
    return code, text, seconds, rss


def run_measured(args: Sequence[str], cwd: Path, shell: str | None = None,
                 timeout: float = TIMEOUT) -> tuple[int | None, str, float, float, float]:
    """:func:`run`, and the CPU seconds (user + system) the process used."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]),
               HF_HUB_OFFLINE="1", NO_COLOR="1", CHECKER_NO_CACHE="1")
    command: list[str] = (["bash", "-c", shell] if shell else
                          [sys.executable, "-m", "checker", *args])
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        code: int | None = None
        rss = cpu = 0.0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                rss = usage.ru_maxrss / 1024
                cpu = usage.ru_utime + usage.ru_stime
                break
            if time.perf_counter() - started > timeout:
                os.killpg(proc.pid, 9)
                os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        proc.returncode = code if code is not None else -9
        seconds = time.perf_counter() - started
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return code, text, seconds, rss, cpu


def prepare(root: Path) -> None:
    """The corpus: small files written here, large ones generated."""
    (root / "empty").mkdir()
    (root / "out-dir").mkdir()
    files: dict[str, bytes] = {
        "draft.txt": b"The the troops will leave.\n",
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "nul.txt": b"Text with a NUL\x00 byte.\n",
        "gbk.txt": "中文新闻报道内容。".encode("gbk"),
        "utf16.txt": b"\xff\xfe" + "The the troops will leave.\n".encode("utf-16-le"),
        "cp1252.txt": "The café’s “owner” said the the troops will leave.\n".encode("cp1252"),
        "lone-cr.txt": b"A first line.\rThen the the second.\r",
        "escape.txt": b"Hidden \x1b]0;owned\x07 the the text \x1b[2J here.\n",
        "feed.jsonl": "\n".join(json.dumps(r, ensure_ascii=False) for r in [
            {"id": "a", "text": "One\u2028record\u0085only."}, {"id": "b#2", "text": "Hash id."},
            {"id": "a", "text": "A repeated id."}]).encode() + b"\n",
        "spaces.md": b" " * 40_000 + b"\n",
        "brackets.md": b"![" * 20_000 + b"\n",
        "table.md": ("| Name | Team | Points |\n|---|---|---|\n" + "".join(
            f"| Player {i} | Team {i % 30} | {i % 97} goals |\n" for i in range(90_000))).encode(),
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    with open(root / "huge.txt", "wb") as fh:  # over the 10 MB default limit
        fh.truncate(50 * MB)
    (root / "loop.txt").symlink_to(root / "loop.txt")
    os.mkfifo(root / "fifo.txt")
    (root / "readonly.txt").write_bytes(b"The the troops.\n")
    (root / "readonly.txt").chmod(0o444)
    exclude = root / "exclude"
    exclude.mkdir()
    (exclude / "checker.toml").write_text('exclude = "*.txt"\n')
    (exclude / "a.txt").write_text("The the end.\n")
    (exclude / "b.md").write_text("The the end.\n")
    typo = root / "typo"
    typo.mkdir()
    (typo / "checker.toml").write_text("[nli]\nthreshhold = 0.9\n")
    (typo / "a.txt").write_text("Fine.\n")
    relative = root / "relative"
    relative.mkdir()
    (relative / "checker.toml").write_text('[nli]\nmodel = "./no-such-model"\n')
    (relative / "a.txt").write_text("Fine.\n")


def corrupt_model(root: Path) -> Path:
    """A copy of the shipped model with its weights overwritten by NaN bytes and no SHA256SUMS."""
    target = root / "bad-model"
    shutil.copytree(models_path("nli-minilm"), target)
    (target / "SHA256SUMS").unlink(missing_ok=True)
    weights = next(target.glob("*.safetensors"))
    data = bytearray(weights.read_bytes())
    header = int.from_bytes(data[:8], "little") + 8
    data[header:] = b"\xff" * (len(data) - header)
    weights.write_bytes(bytes(data))
    folder = root / "nan"
    folder.mkdir()
    (folder / "checker.toml").write_text(f'[nli]\nmodel = "{target}"\n')
    (folder / "a.txt").write_text("The troops will leave Niger. The troops will stay in Niger.\n")
    return folder


CASES = (
    Case("/dev/zero", ("check", "--no-model", "/dev/zero")),
    Case("named FIFO", ("check", "--no-model", "fifo.txt")),
    Case("yes | check -", (), shell=f"yes | {sys.executable} -m checker check --no-model -"),
    Case("50 MB file", ("check", "--no-model", "huge.txt")),
    Case("symlink loop", ("check", "--no-model", "loop.txt")),
    Case("empty file", ("check", "--no-model", "empty.txt")),
    Case("whitespace only", ("check", "--no-model", "blank.txt")),
    Case("binary (PNG)", ("check", "--no-model", "binary.txt")),
    Case("NUL byte", ("check", "--no-model", "nul.txt")),
    Case("GBK (undecodable)", ("check", "--no-model", "gbk.txt")),
    Case("UTF-16 with BOM", ("check", "--no-model", "utf16.txt")),
    Case("Windows-1252", ("check", "--no-model", "cp1252.txt")),
    Case("lone CR line ends", ("check", "--no-model", "lone-cr.txt")),
    Case("escape sequences", ("check", "--no-model", "escape.txt")),
    Case("JSONL U+2028, dup id, # id", ("check", "--no-model", "feed.jsonl")),
    Case("empty directory", ("check", "--no-model", "empty")),
    Case("-o names a directory", ("check", "--no-model", "draft.txt", "-o", "out-dir")),
    Case("-o names an input", ("check", "--no-model", "draft.txt", "-o", "draft.txt")),
    Case("report --out names a file",
         ("report", "--no-model", "--no-progress", "draft.txt", "--out", "draft.txt")),
    Case("--fix on a 0444 file", ("check", "--no-model", "--fix", "readonly.txt")),
    Case('exclude = "*.txt"', ("check", "--no-model", "exclude")),
    Case("[nli] key typo", ("check", "--no-model", "typo/a.txt")),
    Case("[nli] model ./missing", ("check", "relative/a.txt")),
    Case("unknown --select code", ("check", "--no-model", "--select", "ZZ9", "draft.txt")),
    Case("40,000 spaces (md)", ("check", "--no-model", "spaces.md")),
    Case("![ x 20,000 (md)", ("check", "--no-model", "brackets.md")),
    Case("4 MB Markdown table", ("check", "--no-model", "table.md")),
    Case("NaN model, no SHA256SUMS", ("check", "nan/a.txt"), model=True),
)


def run_cases(root: Path, with_model: bool) -> list[Outcome]:
    outcomes = []
    for case in CASES:
        if case.model and not with_model:
            continue
        if case.model:
            corrupt_model(root)
        code, text, seconds, rss = run(case.args, root, case.shell)
        lines = [ln for ln in text.splitlines() if ln.strip()]
        message = next((ln for ln in lines if "error" in ln.lower() or ln.startswith("checker")),
                       lines[0] if lines else "")
        outcomes.append(Outcome(case.name, code, message[:110], seconds, rss,
                                "Traceback" in text))
    return outcomes


def news_text(size: int) -> str:
    source = shared_data_path("news")
    texts: list[str] = []
    for name in ("bbc_news_2005.jsonl", "cnn_dailymail_dev.jsonl"):
        with open(source / name, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    out: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            out.append(text)
            total += len(text.encode()) + 2
            if total >= size:
                break
    return "\n\n".join(out)[:size]


@dataclass(frozen=True)
class ScaleRow:
    size: int  # MB
    seconds: float  # median wall time
    cpu: float  # median CPU time (user + system)
    rss_mb: float  # the largest peak RSS of the runs
    skipped: str  # rules that ran out of their budget, or "none"


def scaling(root: Path, sizes: Sequence[int], repeats: int = 3) -> list[ScaleRow]:
    """Each size checked ``repeats`` times, sizes interleaved so that all see the same load."""
    folder = root / "scaling"
    folder.mkdir()
    (folder / "checker.toml").write_text(f"max-file-bytes = {max(sizes) * MB + MB}\n")
    for size in sizes:
        (folder / f"news-{size}mb.txt").write_text(news_text(size * MB), encoding="utf-8")
    runs: dict[int, list[tuple[float, float, float, set[str]]]] = {size: [] for size in sizes}
    for _ in range(repeats):
        for size in sizes:
            code, text, seconds, rss, cpu = run_measured(
                ("check", "--no-model", "--format", "json", "--exit-zero", f"news-{size}mb.txt"),
                folder, timeout=900)
            if code != 0:
                raise RuntimeError(f"scaling run failed ({code}): {text[-500:]}")
            runs[size].append((seconds, cpu, rss,
                               set(re.findall(r"(\w+) skipped: it ran out", text))))
    return [ScaleRow(size, statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs),
                     max(r[2] for r in rs), ", ".join(sorted(set().union(*(r[3] for r in rs))))
                     or "none")
            for size, rs in runs.items()]


def render(outcomes: list[Outcome], rows: list[ScaleRow]) -> str:
    lines = ["# Hostile and huge input", "",
             f"{len(outcomes)} cases, each `python -m checker ...` as a whole process (start-up "
             f"included) under a {TIMEOUT:.0f} s timeout; peak RSS from wait4.", "",
             "| case | exit | time (s) | peak RSS (MB) | traceback | message |",
             "|---|---|---|---|---|---|"]
    for o in outcomes:
        code = "TIMEOUT" if o.code is None else str(o.code)
        shown = o.message.replace("|", "\\|").encode("ascii", "backslashreplace").decode()
        lines.append(f"| {o.case} | {code} | {o.seconds:.2f} | {o.rss_mb:.0f} | "
                     f"{'yes' if o.traceback else 'no'} | {shown} |")
    hangs = sum(o.code is None for o in outcomes)
    tracebacks = sum(o.traceback for o in outcomes)
    lines += ["", f"Tracebacks: {tracebacks}. Hangs (timeouts): {hangs}. Over 10 s: "
              f"{sum(o.seconds > 10 for o in outcomes)}.", ""]
    if rows:
        wall, cpu = rows[0].seconds / rows[0].size, rows[0].cpu / rows[0].size
        lines += ["## Scaling, rules only (`check --no-model`, plain text of real news)", "",
                  "Whole process, start-up included; median of the runs, sizes interleaved.", "",
                  "| size (MB) | time (s) | s per MB | vs 1 MB per MB | CPU (s) | CPU s per MB | "
                  "CPU vs 1 MB per MB | peak RSS (MB) | rules over budget |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for r in rows:
            lines.append(f"| {r.size} | {r.seconds:.1f} | {r.seconds / r.size:.2f} | "
                         f"{r.seconds / r.size / wall:.2f} | {r.cpu:.1f} | {r.cpu / r.size:.2f} | "
                         f"{r.cpu / r.size / cpu:.2f} | {r.rss_mb:.0f} | {r.skipped} |")
        worst = max(max(r.seconds / r.size / wall, r.cpu / r.size / cpu) for r in rows)
        lines += ["", f"Growth: the worst per-MB figure is {worst:.2f}× the 1 MB one "
                  f"(target: within 1.20×; {'met' if worst <= 1.2 else 'missed'})."]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m checker.bench.hostile")
    p.add_argument("--quick", action="store_true", help="no model cases, sizes up to 4 MB")
    p.add_argument("--no-scaling", action="store_true")
    p.add_argument("--no-cases", action="store_true", help="the scaling table only")
    p.add_argument("--repeats", type=int, default=3, help="runs per size (median)")
    args = p.parse_args(list(argv) if argv is not None else [])
    with tempfile.TemporaryDirectory(prefix="checker-hostile-") as tmp:
        root = Path(tmp)
        prepare(root)
        outcomes = [] if args.no_cases else run_cases(root, with_model=not args.quick)
        sizes = (1, 2, 4) if args.quick else (1, 2, 4, 8)
        have_data = shared_data_path("news", "bbc_news_2005.jsonl").is_file()
        rows = (scaling(root, sizes, max(1, args.repeats))
                if have_data and not args.no_scaling else [])
    table = render(outcomes, rows)
    write_text(REPORT, table)
    print(table)
    return 1 if any(o.traceback or o.code is None for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
