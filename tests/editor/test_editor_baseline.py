"""Baselines: write today's findings, then see only new ones, even after text moves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main

TEXT = "The vote was close,, and the count went on.\n\nThe the minister spoke.\n"


def _codes(capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int]]:
    data = json.loads(capsys.readouterr().out)
    return [(f["code"], f["line"]) for f in data["files"][0]["findings"]]


def test_baseline_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "a.txt"
    baseline = tmp_path / "base.json"
    draft.write_text(TEXT, encoding="utf-8")
    assert main(["check", "--no-model", "--write-baseline", str(baseline), str(draft)]) == 0
    assert "wrote 2 finding(s)" in capsys.readouterr().err
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert {f["code"] for f in recorded["findings"]} == {"TY101", "TY104"}
    assert all(f["path"] == "a.txt" for f in recorded["findings"])

    # nothing new: exit 0 and no findings
    assert main(["check", "--no-model", "--format", "json", "--baseline", str(baseline),
                 str(draft)]) == 0
    assert _codes(capsys) == []

    # move the old text down and add a new slip: only the new one is reported
    draft.write_text("A new opening paragraph.\n\nIt said so,, twice.\n\n" + TEXT,
                     encoding="utf-8")
    assert main(["check", "--no-model", "--format", "json", "--baseline", str(baseline),
                 str(draft)]) == 1
    assert _codes(capsys) == [("TY101", 3)]

    # a second copy of a baselined finding is new too
    draft.write_text(TEXT + "\nThe vote was close,, and the count went on.\n", encoding="utf-8")
    main(["check", "--no-model", "--format", "json", "--baseline", str(baseline), str(draft)])
    assert [c for c, _ in _codes(capsys)] == ["TY101"]


def test_baseline_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text(TEXT, encoding="utf-8")
    assert main(["check", "--baseline", str(tmp_path / "missing.json"), str(draft)]) == 2
    assert "--write-baseline" in capsys.readouterr().err
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    assert main(["check", "--baseline", str(tmp_path / "bad.json"), str(draft)]) == 2
    assert "not a checker baseline" in capsys.readouterr().err
    assert main(["check", "--baseline", "x", "--write-baseline", "y", str(draft)]) == 2


def test_write_baseline_does_not_swallow_the_path(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["check", "--no-model", "--write-baseline", "articles"]) == 0
    data = json.loads((tmp_path / ".checker-baseline.json").read_text(encoding="utf-8"))
    assert {f["path"] for f in data["findings"]} == {"articles/a.txt"}
