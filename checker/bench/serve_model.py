"""``checker serve`` with the model under 8 concurrent clients for 60 s on loopback.

Two honest patterns, each against a fresh server (``checker serve``, model rules on, 2 workers):

- **editing**: 8 people editing 8 different real articles in the web page, which re-checks the
  whole draft after each pause in typing: each request is the client's article with one sentence
  edited in a way never sent before, so the server's answer cache helps only as much as it does
  for a real editor (the unchanged sentences and their pairs are known, the edited one is not);
- **cold**: every request is a different real article never sent before (the worst case: no
  answer can be reused).

Latency is measured per request from the client (p50, p95, max), with statuses, and the server's
peak RSS (VmHWM). Reads ``../shared/data/news/cnn_dailymail_dev.jsonl`` (skips when absent);
writes ``reports/bench-serve-model.md``.

    python -m checker.bench.serve_model [--clients 8] [--seconds 60]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from checker.atomic import write_text
from checker.bench.serve_load import _free_port, _peak_rss_mb
from checker.resources import shared_data_path

REPORT = Path("reports") / "bench-serve-model.md"
DATA = shared_data_path("news", "cnn_dailymail_dev.jsonl")


def _articles() -> list[str]:
    with open(DATA, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def _edited(text: str, k: int) -> str:
    """The article with one sentence edited: the word before the k-th sentence's full stop is
    doubled and the edit number added, so every request carries a sentence never seen before."""
    ends = [i for i, c in enumerate(text) if c == "." and i > 0]
    if not ends:
        return text + f" Edit {k}."
    at = ends[k % len(ends)]
    start = text.rfind(" ", 0, at) + 1
    return text[:at] + " " + text[start:at] + f" {k}" + text[at:]


def _run(pattern: str, clients: int, seconds: float) -> dict[str, object]:
    import httpx

    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]),
               HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    server = subprocess.Popen(
        [sys.executable, "-m", "checker", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    articles = _articles()
    latencies: list[float] = []
    statuses: collections.Counter[int] = collections.Counter()
    lock = threading.Lock()
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # up, and the model warmed (serve warms on start)
            try:
                if "nli" in httpx.get(f"{base}/healthz", timeout=2).json()["models_loaded"]:
                    break
            except (httpx.HTTPError, ValueError, KeyError):
                pass
            time.sleep(0.3)
        stop = time.monotonic() + seconds
        counter = iter(range(10**9))

        def body_for(n: int, k: int) -> bytes:
            if pattern == "editing":
                text = _edited(articles[n], k)
            else:
                with lock:
                    text = articles[(clients + next(counter)) % len(articles)]
            return json.dumps({"text": text, "kind": "text"}).encode()

        def client(n: int, make: Callable[[int, int], bytes]) -> None:
            with httpx.Client(base_url=base, timeout=120) as http:
                k = 0
                while time.monotonic() < stop:
                    body = make(n, k)
                    k += 1
                    started = time.perf_counter()
                    try:
                        status = http.post("/api/check", content=body,
                                           headers={"content-type": "application/json"}
                                           ).status_code
                    except httpx.HTTPError:
                        status = 0
                    took = time.perf_counter() - started
                    with lock:
                        statuses[status] += 1
                        if status == 200:
                            latencies.append(took)

        threads = [threading.Thread(target=client, args=(n, body_for)) for n in range(clients)]
        began = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - began
        rss = _peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(10)
    ordered = sorted(latencies)
    return {
        "pattern": pattern, "requests": sum(statuses.values()), "statuses": dict(statuses),
        "p50": statistics.median(ordered) if ordered else float("nan"),
        "p95": ordered[int(0.95 * (len(ordered) - 1))] if ordered else float("nan"),
        "max": ordered[-1] if ordered else float("nan"),
        "throughput": len(ordered) / wall, "rss": rss,
    }


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m checker.bench.serve_model")
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--seconds", type=float, default=60.0)
    args = p.parse_args(list(argv) if argv is not None else [])
    if not DATA.is_file():
        print(f"skipped: {DATA} is absent")
        return 0
    rows = [_run(pattern, args.clients, args.seconds) for pattern in ("editing", "cold")]
    lines = [
        "# checker serve with the model: 8 clients",
        "",
        f"{args.clients} concurrent clients for {args.seconds:.0f} s each pattern on loopback, "
        f"`checker serve` with model rules, 2 workers, {os.cpu_count()} CPUs; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Target: p95 ≤ 3 s, no errors.",
        "",
        "| pattern | requests | statuses | p50 s | p95 s | max s | requests/s | "
        "server peak RSS MB |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        statuses = ", ".join(f"{s}: {c}" for s, c in sorted(r["statuses"].items()))  # type: ignore[attr-defined]
        lines.append(f"| {r['pattern']} | {r['requests']} | {statuses} | {r['p50']:.2f} | "
                     f"{r['p95']:.2f} | {r['max']:.2f} | {r['throughput']:.1f} | "
                     f"{r['rss']:.0f} |")
    lines += ["", "editing: each client re-checks its own real article after an edit to one "
              "sentence, new each time (what the web page sends); cold: every request a "
              "different article, nothing reusable.", "",
              "Reproduce: `python -m checker.bench.serve_model`."]
    write_text(REPORT, "\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
