"""Inline suppressions name codes; ``ignore-file`` covers the document; unused ones are CK100."""

from __future__ import annotations

from pathlib import Path

import pytest
from testkit import run_json, write

from checker.config import Settings
from checker.engine import check_text
from checker.findings import Finding

RULES_ONLY = Settings(select=("TY", "CK"), use_model=False)


def _check(text: str, kind: str = "text", settings: Settings = RULES_ONLY) -> list[Finding]:
    result = check_text(text, "draft", kind, settings)
    assert result.error is None, result.error
    return result.findings


def _codes_and_lines(text: str, kind: str = "text",
                     settings: Settings = RULES_ONLY) -> list[tuple[str, int]]:
    result = check_text(text, "draft", kind, settings)
    doc = result.document
    assert doc is not None
    return sorted((f.code, doc.line_col(f.start)[0]) for f in result.findings)


def test_plain_text_suppression_on_the_same_line() -> None:
    text = "The the river rose. [checker: ignore TY104]\n\nThe the rain fell.\n"
    assert _codes_and_lines(text) == [("TY104", 3)]


def test_plain_text_suppression_alone_covers_the_next_paragraph() -> None:
    text = "[checker: ignore TY104]\nThe the river rose.\n\nThe the rain fell.\n"
    assert _codes_and_lines(text) == [("TY104", 4)]


def test_markdown_comment_alone_covers_the_next_paragraph_only() -> None:
    text = ("# Title\n\n<!-- checker: ignore TY104 -->\nThe the river rose.\n\n"
            "The the rain fell.\n")
    assert _codes_and_lines(text, "markdown") == [("TY104", 6)]


def test_markdown_comment_in_the_line() -> None:
    text = "The the river rose. <!-- checker: ignore TY104 -->\n\nThe the rain.\n"
    assert _codes_and_lines(text, "markdown") == [("TY104", 3)]


def test_a_prefix_and_a_list_of_codes() -> None:
    text = "It was over. . The the end. [checker: ignore TY]\n"
    assert _codes_and_lines(text) == []
    text = "It was over. . The the end. [checker: ignore TY101, TY104]\n"
    assert _codes_and_lines(text) == []
    text = "It was over. . The the end. [checker: ignore ty104]\n"
    assert _codes_and_lines(text) == [("TY101", 1)]


def test_a_suppression_for_another_code_silences_nothing() -> None:
    text = "The the river rose. [checker: ignore TY101]\n"
    assert _codes_and_lines(text) == [("CK100", 1), ("TY104", 1)]


def test_ignore_file() -> None:
    text = "<!-- checker: ignore-file TY104 -->\n\nThe the river.\n\nThe the rain. .\n"
    assert _codes_and_lines(text, "markdown") == [("TY101", 5)]
    text = "The the river.\n\nThe the rain.\n\n[checker: ignore-file TY104]\n"
    assert _codes_and_lines(text) == []


def test_unused_suppression_is_reported_at_the_comment() -> None:
    text = "A clean line.\n\nStill clean. <!-- checker: ignore TY104 -->\n"
    findings = _check(text, "markdown")
    assert [f.code for f in findings] == ["CK100"]
    (f,) = findings
    assert text[f.start : f.end] == "<!-- checker: ignore TY104 -->"
    assert "TY104" in f.message
    assert f.category == "other"


def test_unused_suppression_not_reported_when_its_rule_did_not_run() -> None:
    text = "A clean line. [checker: ignore TY104]\n"
    assert _codes_and_lines(text, settings=Settings(select=("TY101", "CK"),
                                                    use_model=False)) == []
    assert _codes_and_lines(text, settings=Settings(select=("TY",), use_model=False)) == []


def test_unused_suppression_is_itself_selectable() -> None:
    text = "A clean line. [checker: ignore TY104]\n"
    settings = Settings(select=("TY",), ignore=("CK100",), use_model=False)
    assert _codes_and_lines(text, settings=settings) == []


def test_the_comment_is_not_prose() -> None:
    """Codes and words inside the comment never reach the rules, and offsets do not move."""
    text = "Clean text here. [checker: ignore TY104]\n"
    result = check_text(text, "d", "text", RULES_ONLY)
    doc = result.document
    assert doc is not None
    assert "checker" not in doc.text and len(doc.text) == len(text)
    assert "[checker: ignore TY104 TY104]" not in doc.text


@pytest.mark.parametrize("form", ["[checker: ignore TY104]", "<!-- checker: ignore TY104 -->"])
def test_cli_suppression_and_ck100(tmp_path: Path, form: str) -> None:
    suffix = ".md" if form.startswith("<!--") else ".txt"
    draft = write(tmp_path / f"d{suffix}",
                  f"The the river rose. {form}\n\nClean paragraph. {form}\n")
    rc, data, _ = run_json(["--no-model", "--select", "TY,CK", draft])
    findings = data["files"][0]["findings"]
    assert [(f["code"], f["line"]) for f in findings] == [("CK100", 3)]
    (f,) = findings
    source_line = draft.read_text().split("\n")[2]
    assert source_line[f["column"] - 1 : f["end_column"] - 1] == form
    assert rc == 1


@pytest.mark.parametrize("text", [
    "# Docs\n\nTo silence a rule, write:\n\n```\n<!-- checker: ignore TY104 -->\n```\n\n"
    "The the end.\n",
    "Intro.\n\n`<!-- checker: ignore TY104 -->` is the syntax. The the end.\n",
    "Intro.\n\n    [checker: ignore TY104]\n\nThe the end.\n",
])
def test_a_suppression_shown_as_code_is_not_a_suppression(text: str) -> None:
    """Documentation that quotes the syntax in code neither silences nor counts as unused."""
    assert [c for c, _ in _codes_and_lines(text, "markdown")] == ["TY104"]
