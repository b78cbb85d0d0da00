"""Editor latency and API throughput, measured the way editors and clients see them.

* Language server: ``checker lsp`` in its own process, a real client over stdio; the time from
  sending ``didChange`` to receiving the diagnostics for that version (rules, then model rules).
* Web API: ``checker serve`` in its own process on loopback; 8 concurrent clients POST the seed
  article to ``/api/check``; per-request latency p50/p95 and requests per second.

Run ``python -m checker.bench.editor``; it prints a Markdown table and writes
``reports/bench-editor.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.atomic import write_text
from checker.rules import all_rules

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "niger-withdrawal.txt"


@dataclass
class Results:
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # measure, value, note
    notes: list[str] = field(default_factory=list)

    def add(self, measure: str, value: str, note: str = "") -> None:
        self.rows.append((measure, value, note))


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def model_rules() -> list[str]:
    return [r.code for r in all_rules() if r.requires]


async def bench_lsp(text: str, iterations: int, use_model: bool, results: Results) -> None:
    from checker.lsp.session import LspSession

    args = [] if use_model else ["--no-model"]
    session = LspSession(args, cwd=ROOT)
    uri = (ROOT / "seeds" / "bench-draft.txt").as_uri()  # never written: lives in the editor
    try:
        await session.start()
        session.open(uri, text)
        await session.diagnostics(uri, version=1, timeout=300)
        if use_model:
            await session.diagnostics(uri, version=1, count=2, timeout=300)
        fast: list[float] = []
        slow: list[float] = []
        for i in range(iterations):
            version = i + 2
            # a new edit each time (a word doubled in the i-th sentence), as a person typing
            # makes: the model has to score the pairs of the edited sentence, not a cached text
            edited = _edited(text, i)
            sent = time.perf_counter()
            session.change(uri, edited, version)
            await session.diagnostics(uri, version=version, timeout=120)
            fast.append(session.published[uri][-1][0] - sent)
            if use_model:
                await session.diagnostics(uri, version=version, count=2, timeout=300)
                slow.append(session.published[uri][-1][0] - sent)
    finally:
        await session.stop()
    results.add("LSP rule diagnostics after didChange (median)", _ms(statistics.median(fast)),
                f"warm, n={len(fast)}, p95 {_ms(_pct(fast, 0.95))}; includes the 25 ms "
                "debounce; target ≤ 100 ms")
    if slow:
        results.add("LSP model diagnostics after didChange (median)",
                    _ms(statistics.median(slow)),
                    f"warm, n={len(slow)}, p95 {_ms(_pct(slow, 0.95))}; a different sentence "
                    "edited each time; target ≤ 1.5 s")
    else:
        results.add("LSP model diagnostics after didChange", "n/a",
                    "no rule that needs a model is registered yet")


def _edited(text: str, k: int) -> str:
    ends = [i for i, c in enumerate(text) if c == "." and i > 0 and text[i - 1].isalpha()]
    at = ends[(k * 7) % len(ends)]
    start = text.rfind(" ", 0, at) + 1
    return text[:at] + " " + text[start:at] + text[at:]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def bench_api(text: str, clients: int, requests: int, use_model: bool,
                    results: Results) -> None:
    import httpx

    port = _free_port()
    cmd = [sys.executable, "-m", "checker", "serve", "--port", str(port)]
    if not use_model:
        cmd.append("--no-model")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    server = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    body = {"text": text, "kind": "text", "options": {"model": use_model}}
    try:
        async with httpx.AsyncClient(timeout=300) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if (await client.get(f"{base}/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("checker serve did not start")
                await asyncio.sleep(0.1)
            for _ in range(3):  # warm: models loaded, code paths hot
                (await client.post(f"{base}/api/check", json=body)).raise_for_status()
            latencies: list[float] = []
            queue = list(range(requests))

            async def worker() -> None:
                while queue:
                    queue.pop()
                    t0 = time.perf_counter()
                    r = await client.post(f"{base}/api/check", json=body)
                    r.raise_for_status()
                    latencies.append(time.perf_counter() - t0)

            started = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(clients)))
            elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=20)
    what = "with model rules" if use_model and model_rules() else "rules only"
    results.add(f"POST /api/check, {clients} clients, p50", _ms(_pct(latencies, 0.5)),
                f"{len(latencies)} requests, {what}")
    results.add(f"POST /api/check, {clients} clients, p95", _ms(_pct(latencies, 0.95)), "")
    results.add("POST /api/check throughput", f"{len(latencies) / elapsed:.1f} req/s",
                f"{elapsed:.2f} s wall for {len(latencies)} requests")


def render(results: Results) -> str:
    lines = ["# Editor benchmark", "",
             f"Seed article: `{SEED.relative_to(ROOT)}` ({len(SEED.read_text('utf-8')):,} "
             f"characters). Machine: {platform.machine()}, {os.cpu_count()} CPU(s), Python "
             f"{platform.python_version()}.", "",
             "| measure | value | note |", "|---|---:|---|"]
    lines += [f"| {m} | {v} | {n} |" for m, v, n in results.rows]
    if results.notes:
        lines += ["", *(f"- {n}" for n in results.notes)]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m checker.bench.editor", description=__doc__)
    p.add_argument("--iterations", type=int, default=21, help="didChange rounds (median)")
    p.add_argument("--clients", type=int, default=8, help="concurrent HTTP clients")
    p.add_argument("--requests", type=int, default=160, help="HTTP requests in all (bounded)")
    p.add_argument("--no-model", action="store_true", help="rules only")
    p.add_argument("--output", type=Path, default=ROOT / "reports" / "bench-editor.md")
    args = p.parse_args(list(argv or []))  # main() alone: defaults (the bench runner calls it)
    text = SEED.read_text(encoding="utf-8")
    use_model = not args.no_model
    results = Results()
    registered = model_rules()
    results.notes.append("model rules registered: " + (", ".join(registered) if registered
                                                        else "none (every check is rules only)"))
    asyncio.run(bench_lsp(text, args.iterations, use_model and bool(registered), results))
    asyncio.run(bench_api(text, args.clients, args.requests, use_model, results))
    report = render(results)
    sys.stdout.write(report)
    write_text(args.output, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
