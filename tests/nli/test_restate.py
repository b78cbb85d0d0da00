"""The pair filter: restatements and parallel list items are not sent to the model, while every
kind of change that can make a contradiction still is."""

from __future__ import annotations

import numpy as np
import pytest

from checker.nli.contradict import Params, candidate_pairs
from checker.nli.restate import PairFilter, list_items, restatement

BODY = "The mayor sat quietly in the council chamber and did not answer questions from reporters."


@pytest.mark.parametrize(
    "later",
    [
        # a detail added
        "The mayor (pictured) sat quietly in the council chamber and did not answer questions "
        "from reporters.",
        # a detail dropped
        "The mayor sat in the council chamber and did not answer questions from reporters.",
        # a light rewording of a near-identical sentence
        "The mayor sat quietly in the council chamber and did not answer questions "
        "from journalists.",
    ],
)
def test_restatements_are_recognised(later: str) -> None:
    assert restatement(BODY, later)


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        # negation removed
        (
            BODY,
            "The mayor sat quietly in the council chamber and did answer questions from reporters.",
        ),
        # a refusal word added
        (
            "The minister answered questions about the budget in parliament on Tuesday.",
            "The minister refused questions about the budget in parliament on Tuesday.",
        ),
        # a number changed, also as a number word
        (
            "Three people were taken to hospital after the fire at the warehouse.",
            "Seven people were taken to hospital after the fire at the warehouse.",
        ),
        # a place swapped
        (
            "The summit will be held in Geneva at the end of the month.",
            "The summit will be held in Vienna at the end of the month.",
        ),
        # a tense changed
        (
            "The company will close the factory in the north of the country.",
            "The company closed the factory in the north of the country.",
        ),
        # a date word changed
        (
            "The report was published last week by the national audit office.",
            "The report will be published next week by the national audit office.",
        ),
        # an antonym in a longer rewrite
        (
            "Exports of steel rose sharply in the first quarter of the year.",
            "Exports of steel fell sharply and unexpectedly in the first quarter of the year.",
        ),
    ],
)
def test_changes_that_can_contradict_are_kept(earlier: str, later: str) -> None:
    assert not restatement(earlier, later)


def test_unrelated_and_short_sentences_are_not_restatements() -> None:
    assert not restatement(BODY, "Rain is expected across the region for most of the weekend.")
    assert not restatement("He left early.", "He left very early.")


PRICES = [
    "Food prices went up again last month, the survey found.",
    "• Apples by 12 cents a pound to $1.49.",
    "• Carrots by 5 cents a pound to $0.89.",
    "• Cheese by 40 cents a pound to $5.10.",
    "Shoppers said they were buying less as a result of the increases.",
]


def test_list_items_need_a_run_of_three() -> None:
    assert list_items(PRICES) == {1, 2, 3}
    assert list_items(PRICES[:3] + PRICES[4:]) == set()


def test_parallel_items_and_score_lines_are_skipped() -> None:
    prices = PairFilter(PRICES)
    assert prices.skip(1, 2) == "parallel"
    assert prices.skip(0, 4) is None
    scores = [
        "Leeds 2-1 Hull City.",
        "Arsenal and Leeds meet again in May.",
        "Hull City 0-0 Stoke.",
    ]
    assert PairFilter(scores).skip(0, 2) == "parallel"
    # the same subject with two different figures is a real conflict, not a parallel item
    same = [
        "• Apples by 12 cents a pound to $1.49.",
        "• Apples by 30 cents a pound to $1.67.",
        "x 1",
    ]
    assert PairFilter(same).skip(0, 1) is None


def test_candidate_pairs_drop_restatements_only_when_asked() -> None:
    sentences = [
        BODY,
        "The mayor (pictured) sat quietly in the council chamber and did not answer questions "
        "from reporters.",
        "The mayor sat quietly in the council chamber and answered every question from reporters.",
    ]
    vectors = np.ones((3, 4), dtype=np.float32) / 2.0
    with_filter = candidate_pairs(sentences, vectors, Params(min_pairs=10))
    without = candidate_pairs(sentences, vectors, Params(min_pairs=10, skip_unlikely=False))
    assert (0, 1) in without and (0, 1) not in with_filter
    assert (0, 2) in with_filter and (1, 2) in with_filter


def test_bullets_make_list_items_and_blank_lines_do_not() -> None:
    bullets = ["• First point here.", "• Second point here.", "• Third point here."]
    assert list_items(bullets) == {0, 1, 2}
    assert list_items(["", " ", ""]) == set()


def test_lines_of_two_speakers_are_not_compared() -> None:
    sentences = [
        "- Dana Pike, Film Weekly: Film - Harbour Lights; director - Ama Osei; actor - Tom "
        "Reyes; actress - Lina Moss.",
        "- Rob Lund, The Courier: Film - Night Ferry; director - Ama Osei; actor - Tom Reyes; "
        "actress - Lina Moss.",
        "- Dana Pike, Film Weekly: Film - Night Ferry; director - Ama Osei; actor - Tom Reyes; "
        "actress - Lina Moss.",
        "MAYOR HALE: We will open the bridge in May.",
        "COUNCILLOR RUIZ: We will not open the bridge in May.",
        "The minister said: we will open the bridge in May.",
        "The minister said: we will not open the bridge in May.",
        "Update: the bridge opens in May.",
        "Correction: the bridge does not open in May.",
    ]
    f = PairFilter(sentences)
    assert f.skip(0, 1) == "speakers"  # two critics' picks
    assert f.skip(3, 4) == "speakers"  # two people in a transcript disagree
    assert not f.speakers(0, 2)  # one critic's two lines are compared
    assert not f.speakers(5, 6)  # "The minister said:" is a sentence, not a speaker's label
    assert not f.speakers(7, 8)  # a correction heading is not a speaker
    assert not f.speakers(0, 5)  # only one of the two has a label
