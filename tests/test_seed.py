"""The issue's "Must show" on the seed article, rules only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from testkit import SEED, run_json

SPAM_LINES = (17, 31, 45, 47)
NAME_LINES = (25, 37)
NAME_RELATED_LINE = 21
GARBLE_LINES = (5,)
TYPOGRAPHY_LINES = (15, 43)
# the lead says the withdrawal is "boosting" what the envoy's quote on line 43 says it costs
CONSEQUENCE_LINE, CONSEQUENCE_RELATED_LINE = 3, 43
CLEAN_LINES = (1, 9, 19, 23, 29, 33, 35)


@pytest.fixture(scope="module")
def seed_report() -> tuple[int, list[dict[str, Any]]]:
    rc, data, _ = run_json(["--no-model", SEED], in_subprocess=True)
    (entry,) = data["files"]
    assert entry["error"] is None, entry["error"]
    assert entry["path"].endswith("niger-withdrawal.txt")
    return rc, entry["findings"]


def _on(f: dict[str, Any], line: int) -> bool:
    return bool(f["line"] <= line <= f["end_line"])


def _show(findings: list[dict[str, Any]]) -> str:
    return "\n".join(f"{f['line']}:{f['column']} {f['code']} [{f['category']}] {f['message']}"
                     for f in findings)


@pytest.mark.parametrize(("category", "line"), [
    *[("spam", n) for n in SPAM_LINES],
    *[("name", n) for n in NAME_LINES],
    *[("garble", n) for n in GARBLE_LINES],
    *[("typography", n) for n in TYPOGRAPHY_LINES],
    ("contradiction", CONSEQUENCE_LINE),
])
def test_seed_finding_on_line(seed_report: tuple[int, list[dict[str, Any]]], category: str,
                              line: int) -> None:
    _, findings = seed_report
    hits = [f for f in findings if f["category"] == category and _on(f, line)]
    assert hits, f"no {category} finding on line {line}; found:\n{_show(findings)}"


@pytest.mark.parametrize("line", NAME_LINES)
def test_seed_name_findings_point_at_line_21(seed_report: tuple[int, list[dict[str, Any]]],
                                             line: int) -> None:
    _, findings = seed_report
    hits = [f for f in findings if f["category"] == "name" and f["line"] == line]
    assert any(r["line"] == NAME_RELATED_LINE for f in hits for r in f["related"]), (
        f"the name finding on line {line} should relate to line {NAME_RELATED_LINE}:\n"
        f"{_show(hits)}")


def test_seed_boosting_points_at_the_loss(seed_report: tuple[int, list[dict[str, Any]]]) -> None:
    _, findings = seed_report
    [hit] = [f for f in findings if f["code"] == "CT105"]
    assert hit["line"] == CONSEQUENCE_LINE and "boosting" in hit["message"]
    assert [r["line"] for r in hit["related"]] == [CONSEQUENCE_RELATED_LINE]


@pytest.mark.parametrize("line", CLEAN_LINES)
def test_seed_clean_line(seed_report: tuple[int, list[dict[str, Any]]], line: int) -> None:
    _, findings = seed_report
    hits = [f for f in findings if _on(f, line)]
    assert not hits, f"line {line} is clean but got:\n{_show(hits)}"


def test_seed_exit_code(seed_report: tuple[int, list[dict[str, Any]]]) -> None:
    rc, findings = seed_report
    assert rc == 1
    assert any(f["severity"] in ("warning", "error") for f in findings)


def test_the_seeds_folder() -> None:
    """The issue asks for the seed article plus short drafts: clean ones, one Markdown, one HTML."""
    seeds = SEED.parent
    rc, data, _ = run_json(["--no-model", seeds])
    assert rc in (0, 1)
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    assert "niger-withdrawal.txt" in by_name
    assert all(f["error"] is None for f in by_name.values()), by_name
    suffixes = {Path(n).suffix for n in by_name}
    assert {".txt", ".md", ".html"} <= suffixes
    assert any(not f["findings"] for f in by_name.values()), "no clean draft among the seeds"
    assert any(f["findings"] for n, f in by_name.items() if n != "niger-withdrawal.txt")
