"""Whole-process ``checker check`` of one article, with the model: where the time goes, and how long
a user waits.

Each configuration is the real command line in a fresh process, timed from outside (start-up,
imports, model loading, checking, output), several paired runs in turn so that machine load hits
all of them alike; medians and peak RSS (``wait4``) are reported. The configurations:

- ``torch``: the checkpoint run by torch (``[nli] backend = "torch"``), what every check did
  before the ONNX path: the baseline;
- ``onnx fp32`` (the default): the exported exact graphs;
- ``onnx int8``: dynamically quantised graphs (``quantize = true``);
- ``rules only`` (``--no-model``).

It also writes its section of ``reports/profile-model.md``: the heaviest imports (``-X
importtime``) and the heaviest functions (cProfile) of one check under the torch and the default
path.

Reads the median-length article of ``../shared/data/news/cnn_dailymail_dev.jsonl`` (skips with a
message when absent) and ``seeds/niger-withdrawal.txt``. Writes ``reports/bench-startup.md``.
"""

from __future__ import annotations

import io
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from checker.atomic import write_text
from checker.bench.sections import write_section
from checker.resources import shared_data_path

ROOT = Path(__file__).resolve().parents[2]
DATA = shared_data_path("news", "cnn_dailymail_dev.jsonl")
REPORT = ROOT / "reports" / "bench-startup.md"
PROFILE = ROOT / "reports" / "profile-model.md"
RUNS = int(os.environ.get("CHECKER_BENCH_REPEAT", "7"))
CONFIGS = {
    "torch": '[nli]\nbackend = "torch"\n',
    "onnx fp32 (default)": "",
    "onnx int8": "[nli]\nquantize = true\n",
    "rules only": None,
}


def _median_article(folder: Path) -> Path | None:
    if not DATA.is_file():
        return None
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    lengths = sorted(len(r["text"].split()) for r in rows)
    middle = lengths[len(lengths) // 2]
    row = min(rows, key=lambda r: abs(len(r["text"].split()) - middle))
    path = folder / "cnn-median.txt"
    path.write_text(row["text"], encoding="utf-8")
    return path


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    return env


def _command(article: Path, config: str | None, folder: Path) -> list[str]:
    cmd = [sys.executable, "-m", "checker", "check", str(article), "--exit-zero",
           "--no-cache"]
    if config is None:
        return [*cmd, "--no-model"]
    if config:
        path = folder / f"{abs(hash(config))}.toml"
        path.write_text(config, encoding="utf-8")
        cmd += ["--config", str(path)]
    return cmd


def _run(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and stderr of one whole process."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env(),
                            cwd=ROOT)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {err[-400:]}")
    return wall, usage.ru_maxrss / 1024, err


def _imports(cmd: list[str]) -> list[tuple[float, str]]:
    """Top-level packages by cumulative import time (``-X importtime``)."""
    done = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], capture_output=True,
                          text=True, env=_env(), cwd=ROOT)
    top: dict[str, float] = {}
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].rstrip()
        if name.startswith("  ") or not name.strip():
            continue  # only modules imported at the top level of the tree
        package = name.strip().split(".")[0]
        top[package] = top.get(package, 0.0) + int(parts[1]) / 1e6
    return sorted(((s, p) for p, s in top.items()), reverse=True)[:8]


def _functions(cmd: list[str], folder: Path) -> list[tuple[float, str]]:
    out = folder / "profile.out"
    subprocess.run([cmd[0], "-m", "cProfile", "-o", str(out), *cmd[1:]], capture_output=True,
                   env=_env(), cwd=ROOT, check=False)
    stats = pstats.Stats(str(out), stream=io.StringIO())
    rows: list[tuple[float, str]] = []
    for (filename, line, func), (_, _, _, cum, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
        if func in {"<module>", "<built-in method builtins.exec>", "_run_code", "run_module"}:
            continue
        rows.append((cum, f"{where}:{line}({func})"))
    return sorted(rows, reverse=True)[:14]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        article = _median_article(folder)
        if article is None:
            print(f"skipped: {DATA} is absent")
            return 0
        seed = ROOT / "seeds" / "niger-withdrawal.txt"
        # build the cached graphs first: the export is a one-time cost, not a check's
        subprocess.run([sys.executable, "-m", "checker.nli.onnx"], env=_env(), cwd=ROOT,
                       check=True, capture_output=True)
        load = os.getloadavg()
        results: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
        for _ in range(RUNS):
            for label, config in CONFIGS.items():
                for name, path in (("CNN median article", article), ("seed", seed)):
                    results.setdefault((name, label), []).append(
                        _run(_command(path, config, folder)))
        words = len(article.read_text(encoding="utf-8").split())
        base = {name: statistics.median(r[0] for r in results[(name, "torch")])
                for name in ("CNN median article", "seed")}
        lines = [
            "# Whole-process `checker check` with the model",
            "",
            f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average at the start "
            f"{load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}. {RUNS} paired runs of each "
            f"(configurations interleaved); CNN median article: {words} words. Target: median "
            "≤ 1.5 s with the model on an idle machine.",
            "",
            "| document | configuration | median s | min s | max s | vs torch | peak RSS MB | "
            "stderr empty |",
            "|---|---|---:|---:|---:|---:|---:|---|",
        ]
        for (name, label), runs in results.items():
            walls = [r[0] for r in runs]
            med = statistics.median(walls)
            lines.append(
                f"| {name} | {label} | {med:.2f} | {min(walls):.2f} | {max(walls):.2f} | "
                f"{base[name] / med:.1f}× | {max(r[1] for r in runs):.0f} | "
                f"{'yes' if all(not r[2] for r in runs) else 'no'} |")
        lines += ["", "Reproduce: `python -m checker.bench.startup` (`make bench`)."]
        write_text(REPORT, "\n".join(lines) + "\n")

        profile = ["# Profile of one `checker check` with the model", "",
                   f"The CNN median article ({words} words), one process each; written by "
                   "`python -m checker.bench.startup`. Times include profiler overhead.", ""]
        for label in ("torch", "onnx fp32 (default)"):
            cmd = _command(article, CONFIGS[label], folder)
            profile += [f"## {label}", "", "| imports (cumulative s) | package |", "|---:|---|"]
            profile += [f"| {s:.2f} | {p} |" for s, p in _imports(cmd)]
            profile += ["", "| cumulative s | function |", "|---:|---|"]
            profile += [f"| {s:.2f} | `{f}` |" for s, f in _functions(cmd, folder)]
            profile.append("")
        write_section(PROFILE, "startup", "\n".join(profile))
    print(REPORT.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
