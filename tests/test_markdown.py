"""Markdown: markup is blanked (never read as prose) and every offset stays a source offset."""

from __future__ import annotations

import re

import pytest
from testkit import FIXTURES, run_json

from checker.config import Settings
from checker.engine import check_text
from checker.inputs import build_document
from checker.markdown import mask_markdown


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


@pytest.mark.parametrize(
    ("source", "kept", "dropped"),
    [
        ("# Troops leave Niger\n", ["Troops leave Niger"], ["#"]),
        ("Troops leave\n============\n\nBody.\n", ["Troops leave", "Body."], ["="]),
        ("Some **bold** and *em* and _under_ text.\n", ["bold", "em", "under"], ["*", "_"]),
        ("See [the report](https://example.com/path) now.\n", ["the report"],
         ["https", "example.com", "[", "]("]),
        ("See [the report][ref] now.\n\n[ref]: https://example.com/x\n", ["the report"],
         ["example.com", "[ref]"]),
        ("Visit <https://example.com/a> today.\n", ["Visit", "today."], ["example.com"]),
        ("Run `rm -rf` first.\n", ["Run", "first."], ["rm", "-rf", "`"]),
        ("Text.\n\n```\nthe the code\n```\n", ["Text."], ["the the", "code", "```"]),
        ("Text.\n\n    indented code here\n", ["Text."], ["indented", "code"]),
        ("---\ntitle: Front matter\n---\n\nBody text.\n", ["Body text."], ["title", "Front"]),
        ("Body <!-- a hidden note --> text.\n", ["Body", "text."], ["hidden", "<!--"]),
        ("<div class=\"x\">\nblock html\n</div>\n\nProse.\n", ["Prose."], ["div", "block"]),
        ("An <em>inline</em> tag.\n", ["An", "inline", "tag."], ["<em>", "</em>"]),
        ("![alt text](pic.png) Caption.\n", ["Caption."], ["pic.png", "alt"]),
        ("> Quoted words.\n", ["Quoted words."], [">"]),
        ("- one item\n- two item\n\n1. first\n", ["one item", "two item", "first"], ["-", "1."]),
        ("Before.\n\n***\n\nAfter.\n", ["Before.", "After."], ["***"]),
    ],
)
def test_markup_is_blanked_prose_is_kept(source: str, kept: list[str], dropped: list[str]) -> None:
    masked, _ = mask_markdown(source)
    assert len(masked) == len(source)
    assert [i for i, ch in enumerate(masked) if ch == "\n"] == [
        i for i, ch in enumerate(source) if ch == "\n"]
    for piece in kept:
        at = masked.find(piece)
        assert at >= 0, f"{piece!r} lost from {masked!r}"
        assert source[at : at + len(piece)] == piece, "kept prose must stay at its offset"
    words = _words(masked)
    for piece in dropped:
        assert not any(piece in w for w in words), f"{piece!r} left in {masked!r}"


def test_every_kept_character_is_the_source_character() -> None:
    source = (FIXTURES / "draft.md").read_text(encoding="utf-8")
    doc = build_document("draft.md", source, "markdown")
    assert len(doc.text) == len(source)
    for i, ch in enumerate(doc.text):
        assert ch in (" ", source[i]), f"offset {i}: {ch!r} is not {source[i]!r}"


def test_paragraph_spans_cover_prose_only() -> None:
    source = "# Head line\n\nFirst para\ngoes on.\n\n```\ncode\n```\n\nLast para.\n"
    doc = build_document("x.md", source, "markdown")
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == [
        "Head line", "First para\ngoes on.", "Last para."]
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "Head line", "First para\ngoes on.", "Last para."]


def test_rules_read_prose_not_markup() -> None:
    """The fixture hides "the the" in every kind of markup and leaves two real ones in prose."""
    result = check_text((FIXTURES / "draft.md").read_text(encoding="utf-8"), "draft.md",
                        "markdown", Settings(select=("TY",), use_model=False))
    assert result.error is None
    doc = result.document
    assert doc is not None
    lines = sorted(doc.line_col(f.start)[0] for f in result.findings if f.code == "TY104")
    assert lines == [18, 29]


def test_table_cells_are_not_one_run_of_words() -> None:
    """Equal neighbouring cells ("| Yes | Yes |") are not a repeated word."""
    source = "| Vote | Vote |\n|------|------|\n| Yes  | Yes  |\n\nDone.\n"
    result = check_text(source, "t.md", "markdown", Settings(select=("TY104",), use_model=False))
    assert result.findings == [], [result.document.text[f.start : f.end]  # type: ignore[union-attr]
                                   for f in result.findings]


def test_cli_positions_point_into_the_markdown_file() -> None:
    path = FIXTURES / "draft.md"
    source_lines = path.read_text(encoding="utf-8").split("\n")
    rc, data, _ = run_json(["--no-model", "--select", "TY104", path])
    assert rc == 1
    (entry,) = data["files"]
    hits = [f for f in entry["findings"] if f["line"] == 29]
    assert hits, entry["findings"]
    f = hits[0]
    line = source_lines[f["line"] - 1]
    assert line[f["column"] - 1 : f["end_column"] - 1] == "the the"
    raw = path.read_text(encoding="utf-8")
    assert raw[f["start"] : f["end"]] == "the the"
    assert "positions" not in entry  # only HTML positions refer to extracted text


@pytest.mark.parametrize("source", [
    "Formats: `json`, `sarif`, `github` and `markdown`.\n",
    "Use [one](https://a.example), [two](https://b.example), or neither.\n",
    "It prints `x`; `y`; and `z`.\n",
])
def test_blanked_inline_markup_does_not_double_punctuation(source: str) -> None:
    """Commas between code spans or links are not a doubled comma once the markup is blanked."""
    result = check_text(source, "t.md", "markdown", Settings(select=("TY",), use_model=False))
    doc = result.document
    assert doc is not None
    assert [(f.code, doc.text[f.start : f.end]) for f in result.findings] == []
