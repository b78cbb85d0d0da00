"""A draft against its source (SR rules): alignment, the comparisons, and what stays quiet."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checker.config import Settings
from checker.engine import check_text
from checker.findings import Finding
from checker.inputs import build_document
from checker.rules.base import Context
from checker.source.compare import polarity_flip, respelling
from checker.source.context import source_view
from checker.source.quotes import check_quotations
from checker.source.sidebyside import word_diff

WIRE = (
    "Port officials said on Monday that 1,200 containers were stranded at the Harwell terminal "
    "after a crane collapsed. Harbour master Ines Lindqvist said the crane would not be repaired "
    "before March. The terminal handles about 40 percent of the region's freight.\n\n"
    "\"We are doing everything we can to clear the backlog within two weeks,\" Lindqvist said. "
    "Senior Inspector Tomas Berg of the safety board said the cause was not yet known."
)


def _sr(draft: str, source: str = WIRE, model: bool = False) -> list[Finding]:
    settings = replace(Settings(), select=("SR",), use_model=model)
    src = build_document("wire.txt", source)
    result = check_text(draft, "draft.txt", "text", settings, sources=(src,))
    assert result.error is None
    return result.findings


def _codes(draft: str) -> list[str]:
    return [f.code for f in _sr(draft)]


FAITHFUL = [
    # paraphrase, reordering and cutting: none of it changes a claim
    "A crane collapse left 1,200 containers stranded at the Harwell terminal, port officials "
    "said on Monday.",
    "Harbour master Ines Lindqvist said the crane would not be repaired before March. Port "
    "officials said on Monday that 1,200 containers were stranded at the Harwell terminal.",
    "\"We are doing everything we can ...\" Lindqvist said.",
    "\"we are doing everything we can to clear the backlog within two weeks,\" she said.",
    "The cause was not yet known, said Senior Inspector Tomas Berg of the safety board.",
    "The terminal handles about 40 percent of the region's freight, and Russian ships use it.",
]


@pytest.mark.parametrize("draft", FAITHFUL)
def test_a_faithful_rewrite_is_not_a_finding(draft: str) -> None:
    assert _sr(draft) == []


@pytest.mark.parametrize(("draft", "code", "flagged"), [
    ("Port officials said on Monday that 1,200 containers were stranded at the Harwell terminal "
     "after a crane collapsed. Harbour master Ines Lindqvist said the crane would be repaired "
     "before March.", "SR101", "Harbour master"),
    ("Harbour master Ines Lindqvest said the crane would not be repaired before March.",
     "SR104", "Lindqvest"),
    ("Port officials said on Monday that 12,000 containers were stranded at the Harwell "
     "terminal.", "SR105", "12,000"),
    ("Port officials said on Tuesday that 1,200 containers were stranded at the Harwell "
     "terminal.", "SR105", "Tuesday"),
    ("Chief Inspector Tomas Berg of the safety board said the cause was not yet known.",
     "SR106", "Chief"),
    ("\"We are doing everything we can to clear the backlog within three weeks,\" Lindqvist said.",
     "SR107", "We are doing"),
    ("Officials said 300 workers had been sent home.", "SR103", "300"),
])
def test_a_changed_claim_is_found(draft: str, code: str, flagged: str) -> None:
    found = [f for f in _sr(draft) if f.code == code]
    assert found, f"{code} missing: {[(f.code, f.message) for f in _sr(draft)]}"
    assert draft[found[0].start : found[0].end].startswith(flagged)


def test_a_finding_relates_to_the_source_span_and_names_the_source() -> None:
    (f,) = [f for f in _sr("Harbour master Ines Lindqvest said the crane would not be repaired "
                           "before March.") if f.code == "SR104"]
    (rel,) = f.related
    assert rel.path == "wire.txt"
    assert WIRE[rel.start : rel.end] == "Lindqvist"
    assert f.fix is not None and f.fix.edits[0].replacement == "Lindqvist"


def test_no_source_means_no_source_findings() -> None:
    settings = replace(Settings(), select=("SR",), use_model=False)
    assert check_text("Harbour master Ines Lindqvest said so.", settings=settings).findings == []


def test_alignment_merges_two_source_sentences_and_splits_one() -> None:
    draft = ("Harbour master Ines Lindqvist said the crane, which collapsed and stranded 1,200 "
             "containers at the Harwell terminal, would not be repaired before March. "
             "The cause was not yet known. Senior Inspector Tomas Berg of the safety board "
             "said so.")
    doc = build_document("draft.txt", draft)
    ctx = Context(replace(Settings(), use_model=False), sources=(build_document("w", WIRE),))
    view = source_view(doc, ctx)
    assert view is not None
    merged = view.alignments[0]
    assert len(merged.matches) == 2  # the crane sentence takes in the containers sentence
    assert {m.index for m in merged.matches} == {0, 1}
    split = [a.matches[0].index for a in view.alignments[1:]]
    assert split == [4, 4]  # one source sentence, two draft sentences


@pytest.mark.parametrize(("draft", "source", "expected"), [
    ("Bassum", "Bazoum", True), ("Basoom", "Bazoum", True), ("Fitzgerold", "Fitzgerald", True),
    ("Prigogine", "Prigozhin", True), ("Egyptt", "Egypt", True),
    ("Russian", "Russia", False), ("Smiths", "Smith", False), ("Iran", "Iraq", False),
    ("Austria", "Australia", False), ("Fed", "Food", False),
])
def test_respelling(draft: str, source: str, expected: bool) -> None:
    assert respelling(draft, source) is expected


def test_a_short_name_respelled_after_the_same_given_name() -> None:
    assert not respelling("Fee", "Phee")
    assert respelling("Fee", "Phee", same_first_name=True)


@pytest.mark.parametrize(("source", "draft", "kind"), [
    ("Officials said the bridge was not damaged in the storm on Sunday.",
     "Officials said the bridge was damaged in the big storm on Sunday.", "negation"),
    ("Supporters of the plan described it as a bold step, while others were unsure.",
     "Opponents of the plan described it as a bold step.", "antonym"),
])
def test_polarity_flip_beside_other_edits(source: str, draft: str, kind: str) -> None:
    flip = polarity_flip(source, draft)
    assert flip is not None and flip.kind == kind


def test_cutting_the_negative_half_of_a_sentence_is_not_a_flip() -> None:
    assert polarity_flip("The council approved the budget on Monday, but it did not approve "
                         "the new tax.", "The council approved the budget on Monday.") is None


def test_quotations_allow_ellipses_and_case_and_show_the_difference() -> None:
    draft = ("\"WE ARE DOING everything … within two weeks,\" she said. \"We are doing nothing "
             "we can to clear the backlog,\" Lindqvist said.")
    doc = build_document("d.txt", draft)
    ctx = Context(replace(Settings(), use_model=False), sources=(build_document("w", WIRE),))
    view = source_view(doc, ctx)
    assert view is not None
    checks = list(check_quotations(view))
    assert [c.found for c in checks] == [True, False]
    assert ("nothing", "everything") in checks[1].changes
    assert WIRE[checks[1].source_start : checks[1].source_end].startswith("We are doing")


def test_word_diff_marks_only_the_changed_words() -> None:
    draft, source = word_diff("Under Secretary Kurt Campbell said", "Deputy Secretary Kurt "
                              "Campbell said")
    assert [t for t, changed in draft if changed] == ["Under"]
    assert [t for t, changed in source if changed] == ["Deputy"]
