"""``--changed-since``: findings on changed lines only, whole-document rules, clear errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from checker.changed import parse_diff
from checker.cli import main

SEED = Path(__file__).resolve().parents[2] / "seeds" / "niger-withdrawal.txt"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, check=True,
                   capture_output=True)


def _codes(capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int]]:
    data = json.loads(capsys.readouterr().out)
    return [(f["code"], f["line"]) for f in data["files"][0]["findings"]]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q")
    (tmp_path / "story.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "old story")
    return tmp_path


def test_only_changed_lines_are_reported(repo: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    story = repo / "story.txt"
    lines = story.read_text(encoding="utf-8").split("\n")
    lines.insert(2, "The the minister spoke,, briefly.")
    story.write_text("\n".join(lines), encoding="utf-8")
    main(["check", "--no-model", "--format", "json", "story.txt"])
    everything = _codes(capsys)
    assert len(everything) > 2
    main(["check", "--no-model", "--format", "json", "--changed-since", "HEAD", "story.txt"])
    assert sorted(_codes(capsys)) == [("TY101", 3), ("TY104", 3)]


def test_cross_sentence_rules_see_the_whole_document(repo: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A new sentence spelling a name differently is reported though the other is old."""
    monkeypatch.chdir(repo)
    story = repo / "story.txt"
    lines = story.read_text(encoding="utf-8").split("\n")
    lines.insert(2, "Mr. Basoom was not seen.")
    story.write_text("\n".join(lines), encoding="utf-8")
    main(["check", "--no-model", "--format", "json", "--changed-since", "HEAD", "story.txt"])
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert findings
    for f in findings:  # each touches line 3, itself or through the span it relates to
        assert 3 in {f["line"], *(r["line"] for r in f["related"])}, f
    from checker.rules import all_rules

    if any(r.code == "NM101" for r in all_rules()):
        assert "NM101" in {f["code"] for f in findings}


def test_untracked_files_count_as_changed(repo: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    (repo / "new.txt").write_text("Fresh,, text.\n", encoding="utf-8")
    main(["check", "--no-model", "--format", "json", "--changed-since", "HEAD", "new.txt"])
    assert _codes(capsys) == [("TY101", 1)]


def test_clear_errors(tmp_path_factory: pytest.TempPathFactory, repo: Path,
                      capsys: pytest.CaptureFixture[str]) -> None:
    lonely = tmp_path_factory.mktemp("no-git")  # beside the repository, not inside it
    (lonely / "a.txt").write_text("Text,, here.\n", encoding="utf-8")
    assert main(["check", "--changed-since", "HEAD", str(lonely / "a.txt")]) == 2
    assert "needs a git repository" in capsys.readouterr().err
    assert main(["check", "--changed-since", "no-such-rev", str(repo / "story.txt")]) == 2
    assert "not a known revision" in capsys.readouterr().err


def test_parse_diff_hunks() -> None:
    diff = ("diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -1,0 +2,3 @@\n+a\n+b\n+c\n"
            "@@ -9 +12 @@\n-x\n+y\n@@ -20,2 +22,0 @@\n-p\n-q\n"
            "diff --git a/gone.txt b/gone.txt\n--- a/gone.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n")
    assert parse_diff(diff) == {"x.md": {2, 3, 4, 12}}


def test_fix_with_changed_since_touches_changed_lines_only(repo: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    monkeypatch.chdir(repo)
    story = repo / "story.txt"
    lines = story.read_text(encoding="utf-8").split("\n")
    lines.insert(2, "The minister spoke,, briefly.")
    story.write_text("\n".join(lines), encoding="utf-8")
    main(["check", "--no-model", "--fix", "--no-backup", "--changed-since", "HEAD", "story.txt"])
    after = story.read_text(encoding="utf-8").split("\n")
    assert after[2] == "The minister spoke, briefly."
    assert after[:2] + after[3:] == lines[:2] + lines[3:]  # the old doubled period stays
    assert not list(repo.glob("*.orig"))


def test_archive_records_and_html_pages_keep_findings_on_their_changed_file_lines(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines are the file's: a record's line in the archive, a finding's line in the markup."""
    _git(tmp_path, "init", "-q")
    rows = [json.dumps({"id": f"r{n}", "text": f"Story {n}: the the council met."})
            for n in range(1, 4)]
    (tmp_path / "news.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    paras = [f"<p>Paragraph {n} says the the council met on day {n}.</p>" for n in range(1, 9)]
    page = "<html><body><article>\n" + "\n".join(paras) + "\n</article></body></html>\n"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "old")
    rows[1] = rows[1].replace("council met", "council met, and and left")
    (tmp_path / "news.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(page.replace("day 6.", "day six."), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--no-model", "--select", "TY104", "--format", "json",
          "--changed-since", "HEAD", "news.jsonl", "page.html"])
    data = json.loads(capsys.readouterr().out)
    found = {(entry["path"], f["line"]) for entry in data["files"] for f in entry["findings"]}
    assert found == {("news.jsonl#r2", 2), ("page.html", 7)}
