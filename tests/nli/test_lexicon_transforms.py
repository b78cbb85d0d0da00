"""The word lists load cleanly and each training rewrite does what its label claims."""

from __future__ import annotations

import random

import pytest

from checker.nli import transforms as tf
from checker.nli.lexicon import load_lexicon

LEX = load_lexicon()


def rng() -> random.Random:
    return random.Random(0)


def test_lists_are_large_and_symmetric() -> None:
    assert len(LEX.opposites) >= 400
    assert len(LEX.verb_pairs) >= 80
    for word, opposites in LEX.opposites.items():
        for other in opposites:
            assert word in LEX.opposites[other]
    assert all(len(a) == 5 and len(b) == 5 for a, b in LEX.verb_pairs)


def test_flips_cover_event_verbs() -> None:
    assert "stay" in LEX.flips("leave")
    assert "fell" in LEX.flips("rose")
    assert "weakening" in LEX.flips("boosting")


@pytest.mark.parametrize(
    ("transform", "text", "expected"),
    [
        (
            tf.negate,
            "The troops will leave Niger in May.",
            "The troops will not leave Niger in May.",
        ),
        (tf.remove_negation, "The senator did not leave the party.", "The senator left the party."),
        (tf.swap_roles, "Chelsea beat Arsenal on Sunday.", "Arsenal beat Chelsea on Sunday."),
        (
            tf.drop_attribution,
            "The fire was started deliberately, police said.",
            "The fire was started deliberately.",
        ),
        (
            tf.drop_trailing_clause,
            "The company closed its Ohio plant, which employed 300 people.",
            "The company closed its Ohio plant.",
        ),
        (
            tf.weaken_quantity,
            "More than 1,000 troops will leave.",
            "More than 500 troops will leave.",
        ),
    ],
)
def test_transform(transform: tf.Transform, text: str, expected: str) -> None:
    assert transform(text, LEX, rng()) == expected


def test_number_and_date_change_the_value() -> None:
    changed = tf.change_number("The storm killed 12 people.", LEX, rng())
    assert changed and "12" not in changed
    moved = tf.change_date("The vote was held on Monday.", LEX, rng())
    assert moved and "Monday" not in moved
    assert tf.change_number("He grew up in the 1980s.", LEX, rng()) is None


def test_transforms_skip_when_they_cannot_apply() -> None:
    assert tf.swap_place("Nothing about places here at all.", LEX, rng()) is None
    assert tf.antonym_swap("Xyz qqq.", LEX, rng()) is None
