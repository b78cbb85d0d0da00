"""The contradiction and off-topic rules, run the way the CLI runs them (engine.check_text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine import check_text
from checker.rules.contradiction import ModelContradiction, WordFlipContradiction
from checker.rules.offtopic import OffTopicLine

SEED = Path(__file__).resolve().parents[2] / "seeds" / "niger-withdrawal.txt"


def codes(text: str, select: tuple[str, ...], use_model: bool = True) -> list[str]:
    result = check_text(text, "draft.txt", settings=Settings(select=select, use_model=use_model))
    assert result.error is None
    return [f.code for f in result.findings]


def test_word_flip_examples_without_model() -> None:
    for bad in WordFlipContradiction.bad_examples:
        assert codes(bad, ("CT102",), use_model=False) == ["CT102"]
    for good in WordFlipContradiction.good_examples:
        assert codes(good, ("CT102",), use_model=False) == []


def test_word_flip_finding_points_at_later_sentence() -> None:
    text = (
        "The central bank raised interest rates on Wednesday.\n\n"
        "Analysts had expected the move.\n\n"
        "The central bank cut interest rates on Wednesday."
    )
    result = check_text(text, "d.txt", settings=Settings(select=("CT102",), use_model=False))
    (finding,) = result.findings
    assert text[finding.start : finding.end].startswith("The central bank cut")
    assert finding.related and finding.related[0].start == 0
    assert finding.category == "contradiction" and finding.confidence


def test_number_flip_is_in_number_category() -> None:
    text = (
        "The fire killed 12 people in the town on Monday.\n\n"
        "The fire killed 15 people in the town on Monday."
    )
    result = check_text(text, "d.txt", settings=Settings(select=("CT102",), use_model=False))
    assert [f.category for f in result.findings] == ["number"]


def test_model_rules_skipped_without_model() -> None:
    assert codes(ModelContradiction.bad_examples[0], ("CT101", "SP110"), use_model=False) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("premise", "hypothesis", "flagged"),
    [
        (
            "More than 1,000 U.S. troops will leave Niger in the coming months.",
            "The U.S. troops are staying in Niger for the foreseeable future.",
            True,
        ),
        (
            "The central bank raised interest rates on Wednesday.",
            "Policymakers lowered borrowing costs at Wednesday's meeting.",
            True,
        ),
        (
            "More than 1,000 U.S. troops will leave Niger in the coming months.",
            "American soldiers are going to depart from Niger.",
            False,
        ),
        (
            "More than 1,000 U.S. troops will leave Niger in the coming months.",
            "Niger is a landlocked country in West Africa.",
            False,
        ),
    ],
)
def test_two_paragraph_draft(premise: str, hypothesis: str, flagged: bool) -> None:
    found = codes(f"{premise}\n\n{hypothesis}\n", ("CT",))
    assert bool(found) is flagged, found


@pytest.mark.model
def test_off_topic_examples() -> None:
    assert codes(OffTopicLine.bad_examples[0], ("SP110",)) == ["SP110"]
    assert codes(OffTopicLine.good_examples[0], ("SP110",)) == []


@pytest.mark.model
def test_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8").replace("See also  ", "")
    result = check_text(text, "seed.txt", settings=Settings(select=("CT", "SP110")))
    doc = result.document
    assert doc is not None
    lines = {(f.code, doc.line_col(f.start)[0]) for f in result.findings}
    assert ("SP110", 17) in lines and ("SP110", 31) in lines
    quiet = {1, 9, 19, 23, 29, 33, 35}
    assert not {line for code, line in lines if code.startswith("CT")} & quiet
