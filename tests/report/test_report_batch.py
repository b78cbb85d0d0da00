"""``checker report``: outputs, resume, a run killed half-way, and the risk score."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pandas as pd
import pytest

from checker.batch.cli import main
from checker.batch.plan import STATE_DIR
from checker.batch.tables import risk_score

from .conftest import DRAFTS, cli_env, python


def run(paths: list[Path], out: Path, *extra: str) -> dict:
    code = main([*map(str, paths), "--out", str(out), "--no-model", "--no-progress", *extra])
    assert code == 0
    return json.loads((out / "run.json").read_text())


def test_outputs_have_one_row_per_finding_and_document(drafts: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    info = run([drafts], out, "-j", "1")
    assert len(info["checked"]) == len(DRAFTS) + 1 and info["skipped"] == []
    findings = pd.read_parquet(out / "findings.parquet")
    assert list(findings.columns[:10]) == ["path", "code", "rule", "category", "severity",
                                            "confidence", "line", "column", "end_line",
                                            "end_column"]
    assert {"text", "message"} <= set(findings.columns)
    assert len(findings) == info["findings"] > 0
    csv = pd.read_csv(out / "findings.csv")
    assert list(csv.columns) == list(findings.columns)
    assert csv["code"].tolist() == findings["code"].tolist()
    assert csv["line"].tolist() == findings["line"].tolist()
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False)
    assert len(docs) == len(DRAFTS) + 1
    assert (docs["findings"].sum()) == len(findings)
    for _, row in docs.iterrows():
        assert (out / row["report"]).is_file()
        assert row["risk"] == "" or 0 <= float(row["risk"]) <= 100
    assert docs.loc[docs["path"].str.endswith("clean.txt"), "risk"].item() == 0
    assert (out / "index.html").read_text().count("<tr") == len(docs) + 1
    first = findings.iloc[0]
    assert first["line"] >= 1 and first["column"] >= 1


def test_rerun_skips_unchanged_and_rechecks_changed(drafts: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    run([drafts], out, "-j", "1")
    before = (out / "findings.csv").read_text()
    again = run([drafts], out, "-j", "1")
    assert again["checked"] == [] and len(again["skipped"]) == len(DRAFTS) + 1
    assert (out / "findings.csv").read_text() == before
    (drafts / "clean.txt").write_text("Now it is wrong wrong. .\n")
    third = run([drafts], out, "-j", "1")
    assert third["checked"] == [str(drafts / "clean.txt")]
    # a different configuration changes every key
    fourth = run([drafts], out, "-j", "1", "--ignore", "TY104")
    assert len(fourth["checked"]) == len(DRAFTS) + 1
    assert "TY104" not in pd.read_csv(out / "findings.csv")["code"].tolist()
    assert run([drafts], out, "--force", "-j", "1", "--ignore", "TY104")["skipped"] == []


def test_process_pool_matches_in_process(drafts: Path, tmp_path: Path) -> None:
    for i in range(12):
        (drafts / f"extra{i:02}.txt").write_text(f"Item {i} was was late. .\n")
    run([drafts], tmp_path / "one", "-j", "1")
    info = run([drafts], tmp_path / "two", "-j", "2", "--batch-size", "3")
    assert info["backend"] == "2 processes"
    for name in ("findings.csv", "documents.csv"):
        assert (tmp_path / "one" / name).read_text() == (tmp_path / "two" / name).read_text()


def test_killed_run_loses_nothing_and_resumes(drafts: Path, tmp_path: Path) -> None:
    for i in range(10):
        (drafts / f"story{i:02}.txt").write_text(f"Story {i}: the the vote was close,, late.\n")
    total = len(list(drafts.iterdir()))
    out = tmp_path / "run"
    cmd = [python(), "-m", "checker", "report", str(drafts), "--out", str(out), "--no-model",
           "-j", "1", "--batch-size", "1", "--no-progress"]
    proc = subprocess.Popen(cmd, env=cli_env(CHECKER_REPORT_TEST_DELAY="0.25"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    records = out / STATE_DIR / "records"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if records.is_dir() and len(list(records.glob("*.json"))) >= 4:
            break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(list(records.glob("*.json")))
    assert 4 <= done_before < total
    assert not (out / "index.html").exists()  # the run never got to the end
    json.loads((out / "manifest.json").read_text())  # the manifest is whole, never half-written

    info = run([drafts], out, "-j", "1")
    assert len(info["skipped"]) == done_before
    assert len(info["checked"]) == total - done_before
    assert set(info["checked"]).isdisjoint(info["skipped"])
    docs = pd.read_csv(out / "documents.csv")
    assert len(docs) == total
    assert len(pd.read_parquet(out / "findings.parquet")) == info["findings"]
    assert not list(out.rglob(".*.tmp"))
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["documents"]) == total


def test_unreadable_documents_are_listed_not_fatal(drafts: Path, tmp_path: Path) -> None:
    (drafts / "empty.txt").write_text("  \n")
    (drafts / "binary.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "run"
    info = run([drafts], out, "-j", "1")
    assert info["failed"] == 2
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False)
    failed = docs[docs["error"] != ""]
    assert sorted(Path(p).name for p in failed["path"]) == ["binary.txt", "empty.txt"]
    assert (failed["risk"] == "").all()


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    assert "no such file" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main([str(tmp_path / "empty"), "--out", str(tmp_path / "o")]) == 2


def test_risk_score_saturates_and_weighs_categories() -> None:
    assert risk_score([]) == 0
    one_typo = risk_score([{"severity": "warning", "category": "typography", "confidence": None}])
    contradiction = risk_score([{"severity": "warning", "category": "contradiction",
                                 "confidence": 0.9}])
    assert 0 < one_typo < contradiction < 100
    many = risk_score([{"severity": "error", "category": "spam", "confidence": None}] * 50)
    assert many == 100.0


def _default_sigint() -> None:
    """A job started in the background by a non-interactive shell (a CI runner, ``cmd &``)
    inherits SIGINT as ignored, and Python then never raises KeyboardInterrupt; give the child
    the terminal's default, as a user pressing Ctrl-C has."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_keeps_what_was_finished(drafts: Path, tmp_path: Path) -> None:
    for i in range(8):
        (drafts / f"brief{i}.txt").write_text(f"Brief {i} was was short.\n")
    out = tmp_path / "run"
    proc = subprocess.Popen(
        [python(), "-m", "checker", "report", str(drafts), "--out", str(out), "--no-model",
         "-j", "1", "--batch-size", "1", "--no-progress"],
        env=cli_env(CHECKER_REPORT_TEST_DELAY="0.25"), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, preexec_fn=_default_sigint)
    records = out / STATE_DIR / "records"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (records.is_dir()
                                                and len(list(records.glob("*.json"))) >= 2):
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=30) == 130
    info = json.loads((out / "run.json").read_text())
    assert info["interrupted"] and 2 <= info["documents"] < len(list(drafts.iterdir()))
    assert "partial" in (out / "index.html").read_text()
    assert len(pd.read_csv(out / "documents.csv")) == info["documents"]


def test_report_options_come_from_the_configuration(drafts: Path, tmp_path: Path) -> None:
    (drafts / "checker.toml").write_text(
        'ignore = ["TY104"]\n\n[report]\ndask = "local"\njobs = 1\nbatch-size = 2\n')
    out = tmp_path / "run"
    info = run([drafts], out)
    assert info["backend"] == "in-process"
    assert "TY104" not in pd.read_csv(out / "findings.csv")["code"].tolist()


def test_unknown_report_setting_is_a_usage_error(drafts: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (drafts / "checker.toml").write_text("[report]\nworkers = 3\n")
    assert main([str(drafts), "--out", str(tmp_path / "o"), "--no-progress"]) == 2
    assert "unknown report setting(s) workers" in capsys.readouterr().err
