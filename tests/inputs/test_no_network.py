"""A full model check opens no network socket: run inside an empty network namespace
(``unshare -n``, root), with every socket() and connect() traced by strace."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from testkit import cli_env

pytestmark = pytest.mark.model

MUSEUM = ("The council approved the stadium plan on Monday after a long debate.\n\n"
          "The council threw out the stadium plan on Monday.\n")


def _can_unshare() -> bool:
    if shutil.which("unshare") is None or shutil.which("strace") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _can_unshare(), reason="needs unshare -n (root) and strace")
def test_a_model_check_opens_no_network_socket(tmp_path: Path) -> None:
    draft = tmp_path / "museum.txt"
    draft.write_text(MUSEUM)
    trace = tmp_path / "trace.log"
    env = cli_env()
    env.pop("HF_HUB_OFFLINE", None)  # the checker must stay offline without being told
    env.pop("TRANSFORMERS_OFFLINE", None)
    proc = subprocess.run(
        ["unshare", "-n", "strace", "-f", "--seccomp-bpf", "-e", "trace=socket,connect",
         "-o", str(trace), sys.executable, "-m", "checker", "check", "--select", "CT101",
         "--format", "json", str(draft)],
        capture_output=True, env=env, timeout=600, cwd=os.getcwd())
    out = proc.stdout.decode()
    assert proc.returncode == 1, proc.stderr.decode()[-2000:]
    assert '"code": "CT101"' in out  # the model ran and found the contradiction
    calls = [line for line in trace.read_text().splitlines()
             if "socket(" in line or "connect(" in line]
    network = [line for line in calls if "AF_UNIX" not in line]  # libc's nscd lookups only
    assert network == [], network


def _corrupted_copy(tmp_path: Path, keep_sums: bool) -> Path:
    from checker.bench.hostile import corrupt_model

    folder = corrupt_model(tmp_path)
    model = tmp_path / "bad-model"
    if keep_sums:
        from checker.resources import models_path

        shutil.copy(models_path("nli-minilm", "SHA256SUMS"), model / "SHA256SUMS")
    return folder


@pytest.mark.parametrize(("keep_sums", "words"), [
    (False, "NaN or infinite probabilities"), (True, "does not match SHA256SUMS")])
def test_a_corrupted_model_is_an_error_never_an_all_clear(tmp_path: Path, keep_sums: bool,
                                                         words: str) -> None:
    from testkit import run_cli

    folder = _corrupted_copy(tmp_path, keep_sums)
    rc, out, err = run_cli(["check", "--select", "CT101", "a.txt"], cwd=folder, timeout=600)
    assert rc == 2, out + err
    assert words in out and "internal error" not in out and "Traceback" not in out + err
