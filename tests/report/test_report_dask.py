"""A real Dask cluster on loopback: one scheduler and two workers, started and torn down here."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.batch.cli import main

from .conftest import DRAFTS, python

pytest.importorskip("distributed")


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[str]:
    """``dask scheduler`` on a random free port and two ``dask worker`` processes, torn down."""
    if not Path(python()).with_name("dask").exists():
        pytest.skip("the dask command is not installed beside this python")
    from checker.bench.batch import loopback_cluster

    with loopback_cluster(workers=2, threads=1, directory=tmp_path) as address:
        yield address


def test_dask_cluster_gives_the_local_result(cluster: str, drafts: Path, tmp_path: Path) -> None:
    for i in range(8):
        (drafts / f"wire{i}.txt").write_text(f"Wire {i}: the the count went on,, late. .\n")
    local, remote = tmp_path / "local", tmp_path / "dask"
    args = [str(drafts), "--no-model", "--no-progress", "--batch-size", "2"]
    assert main([*args, "--out", str(local), "-j", "1"]) == 0
    assert main([*args, "--out", str(remote), "--dask", cluster]) == 0
    info = json.loads((remote / "run.json").read_text())
    assert info["backend"] == f"dask {cluster}"
    assert len(info["checked"]) == len(DRAFTS) + 1 + 8
    # each worker's torch got its share of the cores: two one-thread workers on this host
    from distributed import Client

    from checker.batch.runner import _set_threads

    with Client(cluster, timeout=30) as client:  # type: ignore[no-untyped-call]
        shares = client.run(_set_threads, 10_000)  # answers the share already set
    expected = int(os.environ.get("CHECKER_THREADS") or max(1, (os.cpu_count() or 1) // 2))
    assert set(shares.values()) == {expected}
    for name in ("findings.csv", "documents.csv"):
        assert (local / name).read_text() == (remote / name).read_text()
    assert sorted(p.name for p in (local / "docs").iterdir()) == \
        sorted(p.name for p in (remote / "docs").iterdir())
    # the manifest written through Dask lets a local re-run skip everything
    again = tmp_path / "again.json"
    assert main([*args, "--out", str(remote), "-j", "1"]) == 0
    again.write_text((remote / "run.json").read_text())
    assert json.loads(again.read_text())["checked"] == []


def test_unreachable_scheduler_is_a_usage_error(drafts: Path, tmp_path: Path) -> None:
    code = main([str(drafts), "--no-model", "--no-progress", "--out", str(tmp_path / "o"),
                 "--dask", "tcp://127.0.0.1:9", "--dask-timeout", "1"])
    assert code == 2
