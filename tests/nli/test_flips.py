"""The word-for-word flip detector: finds single flips, ignores everything else."""

from __future__ import annotations

import pytest

from checker.nli.flips import word_flip


@pytest.mark.parametrize(
    ("earlier", "later", "kind"),
    [
        (
            "More than 1,000 U.S. troops will leave Niger in the coming months.",
            "More than 1,000 U.S. troops will stay in Niger in the coming months.",
            "antonym",
        ),
        (
            "The central bank raised interest rates on Wednesday.",
            "The central bank cut interest rates on Wednesday.",
            "antonym",
        ),
        (
            "The talks with the junta will resume next week.",
            "The talks with the junta will not resume next week.",
            "negation",
        ),
        (
            "The senator did not leave the party last year.",
            "The senator left the party last year.",
            "negation",
        ),
        (
            "The company isn't planning any layoffs this year.",
            "The company is planning any layoffs this year.",
            "negation",
        ),
        (
            "The fire killed 12 people in the town on Monday.",
            "The fire killed 15 people in the town on Monday.",
            "number",
        ),
    ],
)
def test_flip_found(earlier: str, later: str, kind: str) -> None:
    flip = word_flip(earlier, later)
    assert flip is not None and flip.kind == kind


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        (
            "The fire killed 12 people in the town on Monday.",
            "The fire killed 12 people in the city on Monday.",
        ),  # not an opposite
        (
            "The central bank raised interest rates on Wednesday.",
            "The central bank raised interest rates again on Wednesday, its third rise this year.",
        ),
        ("Rates rose.", "Rates fell."),  # too short to align with confidence
        (
            "The troops will leave Niger and the base will close in May.",
            "The troops will stay in Niger and the base will open in May.",
        ),  # two flips: not a restatement
    ],
)
def test_no_flip(earlier: str, later: str) -> None:
    assert word_flip(earlier, later) is None


def test_time_stamped_entries_of_a_live_page_are_not_number_flips() -> None:
    from checker.nli.contradict import flip_conflicts

    live = [
        "Posted at 07:32 Greenwich Mean Time 23 March",
        "Posted at 07:30 Greenwich Mean Time 23 March",
    ]
    assert flip_conflicts(live) == []
    changed = [
        "The council meeting on the harbour plan starts at 10:30 on Monday.",
        "The council meeting on the harbour plan starts at 11:30 on Monday.",
    ]
    assert [c.kind for c in flip_conflicts(changed)] == ["number"]
