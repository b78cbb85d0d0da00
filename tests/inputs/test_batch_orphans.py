"""``checker report`` killed with SIGKILL leaves no forkserver, resource tracker or worker behind,
and a resumed run finishes the same tables as an uninterrupted one."""

from __future__ import annotations

import os
import signal
import sys
import time
import uuid
from pathlib import Path

import pytest

from checker.bench.killloop import TABLES, main, report, tagged_pids, wait_gone, write_docs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _wait_for_workers(tag: str, count: int, seconds: float = 60) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pids = tagged_pids(tag)
        if len(pids) >= count:
            return pids
        time.sleep(0.05)
    return tagged_pids(tag)


def test_workers_die_with_a_killed_client(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_docs(docs, 400)
    tag = f"checker-test-{uuid.uuid4().hex}"
    proc = report(docs, tmp_path / "out", jobs=2, tag=tag)
    # client + forkserver + resource tracker + 2 workers
    family = _wait_for_workers(tag, 5)
    assert proc.poll() is None, "the report finished before it could be killed"
    assert len(family) >= 4
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert wait_gone(tag) == []


def test_a_short_kill_loop_resumes_to_identical_tables(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--kills", "3", "--docs", "60", "--jobs", "2"]) == 0
    out = capsys.readouterr().out
    assert "orphan processes: 0" in out and "temporary files left: 0" in out
    assert all(f"'{name}': True" in out for name in TABLES)
