"""Evaluation helpers: metrics are right, data sets are found or skipped cleanly."""

from __future__ import annotations

import random
from pathlib import Path

from checker.nli.contradict import Params, candidate_pairs
from checker.nli.doceval import corrupt, plant_pair
from checker.nli.evaluate import contradiction_prf, datasets, two_way_accuracy


def test_contradiction_prf() -> None:
    gold = ["contradiction", "contradiction", "neutral", "entailment"]
    precision, recall, f1 = contradiction_prf(gold, [0.9, 0.2, 0.7, 0.1])
    assert (precision, recall, f1) == (0.5, 0.5, 0.5)


def test_two_way_accuracy_learns_cutoffs() -> None:
    gold = ["entailment", "neutral", "contradiction"] * 20
    probs = [0.05, 0.4, 0.95] * 20
    assert two_way_accuracy(gold, probs) == 1.0


def test_missing_data_is_skipped(tmp_path: Path) -> None:
    found = datasets(tmp_path)
    assert set(found) <= {"news pairs (both directions)"}


def test_corruption_plants_a_later_rewrite() -> None:
    article = [
        "The bank raised interest rates on Wednesday.",
        "Analysts had expected the move.",
        "Markets were calm after the decision.",
        "The governor spoke to reporters.",
    ]
    made = corrupt(article, random.Random(1))
    assert made is not None
    doc, (i, j) = made
    assert i < j and len(doc) == len(article) + 1 and doc[j] != article[i]
    doc2, (a, b) = plant_pair(article, "P.", "H.", random.Random(2))
    assert doc2[a] == "P." and doc2[b] == "H." and a < b


def test_candidate_budget_is_a_fraction_of_all_pairs() -> None:
    import numpy as np

    sentences = [f"Sentence number {k} talks about the same subject here." for k in range(30)]
    vectors = np.ones((30, 4), dtype=np.float32) / 2.0
    pairs = candidate_pairs(sentences, vectors, Params())
    assert 0 < len(pairs) <= 0.1 * (30 * 29 / 2)
