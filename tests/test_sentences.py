"""Sentence splitting: abbreviations, initials, quotes and ellipses, on the seed article first."""

from __future__ import annotations

import pytest
from testkit import SEED

from checker.document import Document
from checker.inputs import read_path
from checker.sentences import split_sentences


@pytest.fixture(scope="module")
def seed_doc() -> Document:
    return read_path(str(SEED))


def _sentences(doc: Document) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.sentences]


def _sentence_containing(doc: Document, needle: str) -> str:
    hits = [s for s in _sentences(doc) if needle in s]
    assert len(hits) == 1, f"{needle!r} should sit in exactly one sentence, got {hits}"
    return hits[0]


def test_seed_us_abbreviation_does_not_end_a_sentence(seed_doc: Document) -> None:
    s = _sentence_containing(seed_doc, "1,000 U.S. military personnel")
    assert s.startswith("More than 1,000 U.S. military")
    assert s.endswith("volatile Sahel region.")
    s = _sentence_containing(seed_doc, "the U.S. will have to the base")
    assert s.startswith("It's unclear") and s.endswith("the Kremlin deepen.")


def test_seed_middle_initial_kept_inside_the_sentence(seed_doc: Document) -> None:
    s = _sentence_containing(seed_doc, "Kurt M. Campbell")
    assert s.startswith("In the second of two meetings")
    assert s.endswith("its potential uranium deal.")
    assert "the U.S. does not accept the U.S. turning" in s


def test_seed_honorific_starts_its_sentence(seed_doc: Document) -> None:
    s = _sentence_containing(seed_doc, "Mr. Basoom is still under arrest")
    assert s == "Mr. Basoom is still under arrest eight months after his removal."
    s = _sentence_containing(seed_doc, "rapid transition to civilian rule and Mr. Basoom")
    assert s.startswith("On a trip to Niger in December") and s.endswith("and Mr. Basoom.")


def test_seed_leading_initial_is_not_a_sentence(seed_doc: Document) -> None:
    s = _sentence_containing(seed_doc, "J. Peter Baum")
    assert s.startswith("Former US special envoy for the Sahel, J. Peter Baum wrote")
    assert "“The ordinary people of Niger" in s
    assert not any(x.strip() in {"J.", "M.", "Mr.", "U.S."} for x in _sentences(seed_doc))


def test_seed_paragraph_sentence_counts(seed_doc: Document) -> None:
    by_line: dict[int, int] = {}
    for s in seed_doc.sentences:
        line = seed_doc.line_col(s.start)[0]
        by_line[line] = by_line.get(line, 0) + 1
    assert by_line[1] == 1  # the headline
    assert by_line[5] == 2
    assert by_line[25] == 3
    assert by_line[27] == 3
    assert by_line[47] >= 1
    assert sum(by_line.values()) == len(seed_doc.sentences)


def test_seed_sentences_are_trimmed_ordered_and_inside_paragraphs(seed_doc: Document) -> None:
    text = seed_doc.text
    previous_end = 0
    for s in seed_doc.sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= previous_end
        piece = text[s.start : s.end]
        assert piece == piece.strip()
        assert any(p.start <= s.start and s.end <= p.end for p in seed_doc.paragraphs)
        previous_end = s.end


def test_no_sentence_spans_a_blank_line(seed_doc: Document) -> None:
    for s in _sentences(seed_doc):
        assert "\n\n" not in s, s
    assert "Leave a Reply" not in _sentence_containing(seed_doc, "difficult to replace.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "We will go." Then he left.', ['He said "We will go."', "Then he left."]),
        ("“We leave now,” he said. “Good.”", ["“We leave now,” he said.", "“Good.”"]),
        ("She met Dr. Smith and Mrs. Jones. They talked.",
         ["She met Dr. Smith and Mrs. Jones.", "They talked."]),
        ("The U.S. Army left. The U.K. stayed.", ["The U.S. Army left.", "The U.K. stayed."]),
        ("Gen. Mark A. Milley spoke. He left.", ["Gen. Mark A. Milley spoke.", "He left."]),
        ("He paused... Then he went on.", ["He paused...", "Then he went on."]),
        ("It was, well … fine. Next.", ["It was, well … fine.", "Next."]),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
    ],
)
def test_split_examples(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_split_offsets_are_absolute_and_bounded() -> None:
    text = "Preamble here.\n\nFirst one. Second one.\n\nTail."
    start = text.index("First")
    end = text.index("\n\nTail")
    spans = split_sentences(text, start, end)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one."]
    assert all(start <= a < b <= end for a, b in spans)


def test_split_keeps_offsets_across_line_breaks() -> None:
    text = "One sentence runs\nover two lines. Another\nfollows."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "One sentence runs\nover two lines.", "Another\nfollows."]


def test_split_blank_input() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n  ") == []


def test_a_paragraph_of_items_is_split_at_its_line_ends() -> None:
    from checker.sentences import split_sentences

    text = (
        "Saturday's results\n"
        "Alderbrook Town 2-1 Penbury Athletic\n"
        "Hartley 0-0 Mersey Vale. Both sides had a man sent off\n"
        "9.00pm The Long Shore. New series\n"
    )
    pieces = [text[a:b] for a, b in split_sentences(text)]
    assert pieces == [
        "Saturday's results",
        "Alderbrook Town 2-1 Penbury Athletic",
        "Hartley 0-0 Mersey Vale.",
        "Both sides had a man sent off",
        "9.00pm The Long Shore.",
        "New series",
    ]


def test_prose_wrapped_at_a_fixed_width_is_not_split_at_line_ends() -> None:
    from checker.sentences import split_sentences

    text = (
        "The minister said on Monday that the\n"
        "plan would go ahead, despite protests from\n"
        "Residents' groups. It was approved.\n"
    )
    pieces = [text[a:b] for a, b in split_sentences(text)]
    assert pieces == [
        "The minister said on Monday that the\nplan would go ahead, despite protests from\n"
        "Residents' groups.",
        "It was approved.",
    ]
