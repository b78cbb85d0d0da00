"""Evaluation helpers: metrics are right, data sets are found or skipped cleanly."""

from __future__ import annotations

import math
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
    assert set(found) <= {
        "news pairs (both directions)", "held-out news pairs (both directions)"
    }


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


def test_candidate_budget_grows_linearly_with_the_document() -> None:
    import numpy as np

    rng = np.random.default_rng(3)
    counts = []
    for n in (30, 120, 480):
        sentences = [f"Sentence number {k} talks about the same subject here." for k in range(n)]
        vectors = rng.normal(size=(n, 8)).astype(np.float32) + 3.0
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        pairs = candidate_pairs(sentences, vectors, Params(skip_unlikely=False))
        assert all(i < j for i, j in pairs) and len(set(pairs)) == len(pairs)
        counts.append(len(pairs))
    # at most pairs_per_sentence per sentence, and the same share at every length
    assert counts == [math.ceil(Params().pairs_per_sentence * n) for n in (30, 120, 480)]


def test_document_metrics_count_filtered_pairs_separately() -> None:
    from checker.nli.doceval import Case, metrics, sweep

    hit = Case(["a", "b", "c"], (0, 2), scored={(0, 2): 0.99, (0, 1): 0.97})
    missed = Case(["a", "b", "c"], (0, 1), scored={(0, 1): 0.99}, skipped={(0, 1)})
    clean = Case(["a", "b", "c"], None, scored={(1, 2): 0.98}, skipped={(1, 2)}, all_pairs=3)
    m = metrics([hit, missed], [clean], 0.95)
    assert m["recall"] == 0.5 and m["recall_without_filter"] == 1.0
    assert m["precision"] == 0.5  # (0, 2) right, (0, 1) of the first document wrong
    # as CT101 reports them, the two pairs that share sentence 0 are one finding, and it holds
    # the planted pair
    assert m["precision_per_finding"] == 1.0
    apart = Case(["a", "b", "c", "d"], (0, 2), scored={(0, 2): 0.99, (1, 3): 0.97})
    assert metrics([apart], [clean], 0.95)["precision_per_finding"] == 0.5
    assert m["clean_findings_per_article"] == 0.0
    assert m["clean_findings_per_article_without_filter"] == 1.0
    assert m["pairs_scored_per_article"] == 0.0
    rows = sweep([hit, missed], [hit], [clean])
    assert [r["threshold"] for r in rows] == sorted(r["threshold"] for r in rows)
    assert rows[-1]["generated_recall"] == 0.5  # 0.99 still passes the highest cut-off


def test_reliability_bands_and_calibration_error() -> None:
    from checker.nli.doceval import Case, reliability

    right = Case(["a", "b", "c"], (0, 2), scored={(0, 2): 0.98, (0, 1): 0.6})
    wrong = Case(["a", "b", "c"], (0, 1), scored={(1, 2): 0.98}, skipped=set())
    clean = Case(["a", "b"], None, scored={(0, 1): 0.4})
    result = reliability([right, wrong], [clean])
    bands = {b["band"]: b for b in result["bands"]}
    assert bands["0.97-0.99"]["findings"] == 2 and bands["0.97-0.99"]["precision"] == 0.5
    assert bands["0.50-0.70"]["precision"] == 0.0
    # |0.98 - 0.5| * 2/3 + |0.6 - 0| * 1/3
    assert abs(result["ece"] - (0.48 * 2 / 3 + 0.6 / 3)) < 1e-3


def test_the_hand_written_pair_sets_are_well_formed_and_disjoint() -> None:
    """Each set of hand-written news pairs: three labels, no pair twice, and no pair shared with
    another set (a pair in two sets would let a tuning set leak into a held-out one)."""
    from checker.nli.evaluate import news_pairs_path, read_tsv

    seen: dict[tuple[str, str], str] = {}
    for name, total in (("news_pairs.tsv", 90), ("news_pairs_heldout.tsv", 150),
                        ("news_pairs_heldout2.tsv", 150), ("news_pairs_heldout3.tsv", 150),
                        ("news_pairs_heldout4.tsv", 150), ("news_pairs_heldout5.tsv", 150)):
        rows = read_tsv(news_pairs_path(name))
        assert len(rows) == total, name
        assert {label for label, _, _ in rows} == {"contradiction", "entailment", "neutral"}
        for _, premise, hypothesis in rows:
            assert premise.strip() and hypothesis.strip() and premise != hypothesis
            assert (premise, hypothesis) not in seen, (name, seen.get((premise, hypothesis)))
            seen[(premise, hypothesis)] = name
