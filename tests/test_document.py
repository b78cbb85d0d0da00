"""Document: character offsets, 1-based line/column, paragraphs and sentence lookup."""

from __future__ import annotations

import pytest
from testkit import SEED

from checker.document import Document, Span
from checker.inputs import build_document, read_path


def test_line_col_is_one_based_and_counts_characters() -> None:
    doc = Document("x.txt", "ab\ncdé\n\nf")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(1) == (1, 2)
    assert doc.line_col(2) == (1, 3)  # the newline itself ends line 1
    assert doc.line_col(3) == (2, 1)
    assert doc.line_col(5) == (2, 3)  # "é" is one character, not two bytes
    assert doc.line_col(7) == (3, 1)
    assert doc.line_col(8) == (4, 1)
    assert doc.line_col(9) == (4, 2)  # end of text: one past the last column
    assert doc.line_count == 4


def test_line_span_excludes_the_newline() -> None:
    doc = Document("x.txt", "first\nsecond\n\nlast")
    assert [doc.text[s.start : s.end] for s in doc.lines()] == ["first", "second", "", "last"]
    assert doc.line_span(2) == Span(6, 12)


def test_paragraphs_split_on_blank_lines_and_are_trimmed() -> None:
    text = "  One para\ncontinues here.\n\n   \n\tTwo para.  \n\n\nThree."
    doc = Document("x.txt", text)
    assert [text[p.start : p.end] for p in doc.paragraphs] == [
        "One para\ncontinues here.", "Two para.", "Three."]


def test_seed_lines_and_offsets_match_the_file() -> None:
    raw = SEED.read_text(encoding="utf-8")
    doc = read_path(str(SEED))
    assert doc.text == raw  # plain text is analysed as written
    assert doc.offsets_are_source
    file_lines = raw.split("\n")
    for n in (1, 5, 17, 25, 37, 47):
        span = doc.line_span(n)
        assert doc.text[span.start : span.end] == file_lines[n - 1]
        assert doc.line_col(span.start) == (n, 1)
    at = raw.index("Mr. Basoom is still")
    line, col = doc.line_col(at)
    assert line == 25
    assert file_lines[24][col - 1 :].startswith("Mr. Basoom is still")


def test_seed_paragraphs_are_the_non_blank_lines() -> None:
    doc = read_path(str(SEED))
    starts = [doc.line_col(p.start)[0] for p in doc.paragraphs]
    assert starts == list(range(1, 48, 2))


def test_sentence_index_at() -> None:
    doc = build_document("x.txt", "First one. Second one.\n\nThird.")
    first, _, third = doc.sentences
    assert doc.sentence_index_at(first.start) == 0
    assert doc.sentence_index_at(doc.text.index("Second")) == 1
    assert doc.sentence_index_at(doc.text.index("Third")) == 2
    assert doc.sentence_index_at(third.end - 1) == 2


def test_snippet_is_the_text_between_offsets() -> None:
    doc = Document("x.txt", "hello world")
    assert doc.snippet(6, 11) == "world"


@pytest.mark.parametrize("kind", ["text", "markdown"])
def test_analysed_text_has_the_source_length(kind: str) -> None:
    source = "# Title\r\n\r\nSome *text* with a [link](http://x.y).\r\n"
    doc = build_document("x", source, kind)
    assert doc.source == source
    assert len(doc.text) == len(source)
    assert doc.text.count("\n") == source.count("\n")


def test_lines_are_blocks_unless_the_text_is_wrapped() -> None:
    # one line per paragraph, no blank lines: one paragraph, but each line stands alone
    page = build_document("p.txt", "Show results: the list\nJam: First, Ann Holt.\n"
                          "Cake: First, Jo Pike. Second, Ann Holt.\nThe show returns in May.\n",
                          "text")
    assert page.sentence_paragraphs() == [0, 0, 0, 0, 0]
    assert page.sentence_blocks() == [0, 1, 2, 2, 3]
    # a sentence that runs over a line break: the lines are wrapped, the paragraph is the block
    wrapped = build_document("w.txt", "The council met on Monday and agreed\nthe plan. It will "
                             "cost more than\nexpected. Work starts soon.\n\nA new paragraph.\n",
                             "text")
    assert wrapped.sentence_blocks() == wrapped.sentence_paragraphs() == [0, 0, 0, 1]
