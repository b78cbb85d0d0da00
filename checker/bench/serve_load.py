"""``checker serve`` under load: concurrent clients on loopback, hostile bodies mixed in.

Starts ``checker serve --no-model`` on a free loopback port, then runs ``--clients`` threads for
``--seconds``, each posting, in turn, a real article (from ``../shared/data/news`` when present)
and hostile bodies (deep JSON, a 5,000-digit integer, a lone surrogate, an unknown code, a body
over the size limit, not JSON, 40,000 spaces of Markdown). A separate thread asks ``/healthz``
every 0.2 s. Reports responses by status, 5xx count, /healthz failures and worst latency, and
the server's peak RSS (VmHWM). Writes reports/bench-serve-load.md.

    python -m checker.bench.serve_load [--clients 32] [--seconds 60]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from checker.atomic import write_text
from checker.resources import shared_data_path

REPORT = Path("reports") / "bench-serve-load.md"
MAX_BYTES = 256 * 1024


def _articles() -> list[str]:
    path = shared_data_path("news", "cnn_dailymail_dev.jsonl")
    if not path.is_file():
        return ["The the council met on Monday. More than 1,000 troops will leave Niger."] * 4
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()][:100]


def bodies() -> list[tuple[str, bytes, str]]:
    """(label, body, content type)."""
    hostile = [
        ("deep JSON", b"[" * 200_000, "application/json"),
        ("huge integer", b'{"text": "a", "options": {"select": ' + b"9" * 5000 + b"}}",
         "application/json"),
        ("lone surrogate", b'{"text": "Baz\\ud800oum left."}', "application/json"),
        ("unknown code", b'{"text": "Fine.", "options": {"select": ["ZZ9"]}}',
         "application/json"),
        ("over the limit", json.dumps({"text": "word " * (MAX_BYTES // 4)}).encode(),
         "application/json"),
        ("not JSON", b"text=hello", "application/x-www-form-urlencoded"),
        ("40,000 spaces", json.dumps({"text": " " * 40_000 + "x", "kind": "markdown"}).encode(),
         "application/json"),
    ]
    valid = [("article", json.dumps({"text": t, "kind": "text"}).encode(), "application/json")
             for t in _articles()]
    mixed: list[tuple[str, bytes, str]] = []
    for n, item in enumerate(valid):
        mixed.append(item)
        mixed.append(hostile[n % len(hostile)])
    return mixed


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main(argv: Sequence[str] | None = None) -> int:
    import httpx

    p = argparse.ArgumentParser(prog="python -m checker.bench.serve_load")
    p.add_argument("--clients", type=int, default=32)
    p.add_argument("--seconds", type=float, default=60.0)
    args = p.parse_args(list(argv) if argv is not None else None)
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]),
               HF_HUB_OFFLINE="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "checker", "serve", "--no-model", "--host", "127.0.0.1",
         "--port", str(port), "--max-bytes", str(MAX_BYTES), "--workers", "2",
         "--timeout", "30"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        work = bodies()
        statuses: collections.Counter[str] = collections.Counter()
        by_label: dict[str, collections.Counter[int]] = collections.defaultdict(
            collections.Counter)
        health = {"ok": 0, "failed": 0, "worst": 0.0}
        lock = threading.Lock()
        stop = time.monotonic() + args.seconds

        def client(n: int) -> None:
            with httpx.Client(base_url=base, timeout=60) as http:
                k = n
                while time.monotonic() < stop:
                    label, body, ctype = work[k % len(work)]
                    k += args.clients
                    try:
                        status = http.post("/api/check", content=body,
                                           headers={"content-type": ctype}).status_code
                    except httpx.HTTPError as exc:
                        status = 0
                        label = f"{label} ({type(exc).__name__})"
                    with lock:
                        statuses[str(status)] += 1
                        by_label[label][status] += 1

        def healthz() -> None:
            with httpx.Client(base_url=base, timeout=10) as http:
                while time.monotonic() < stop:
                    started = time.monotonic()
                    try:
                        ok = http.get("/healthz").status_code == 200
                    except httpx.HTTPError:
                        ok = False
                    took = time.monotonic() - started
                    health["ok" if ok else "failed"] += 1
                    health["worst"] = max(health["worst"], took)
                    time.sleep(0.2)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        threads.append(threading.Thread(target=healthz))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        rss = _peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(10)
    five = sum(c for s, c in statuses.items() if s.startswith("5") or s == "0")
    lines = ["# checker serve under load", "",
             f"{args.clients} clients for {args.seconds:.0f} s on loopback (`--no-model`, "
             f"2 workers, --max-bytes {MAX_BYTES:,}), articles and hostible bodies alternating.",
             "", f"- responses: {sum(statuses.values())} "
             f"({', '.join(f'{s}: {c}' for s, c in sorted(statuses.items()))})",
             f"- 5xx or dropped: {five}",
             f"- /healthz: {health['ok']} answered, {health['failed']} failed, worst "
             f"{health['worst'] * 1000:.0f} ms",
             f"- server peak RSS: {rss:.0f} MB", "", "| body | statuses |", "|---|---|"]
    for label, counts in sorted(by_label.items()):
        lines.append(f"| {label} | {', '.join(f'{s}: {c}' for s, c in sorted(counts.items()))} |")
    table = "\n".join(lines).replace("hostible", "hostile") + "\n"
    write_text(REPORT, table)
    print(table)
    return 0 if five == 0 and health["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
