"""Batches of near-equal token length: every text scored once, little padding, and the same scores
as any other batching (a score must not depend on the batch a text lands in)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from checker.nli.batching import length_batches, padded_feeds


def _padding(lengths: list[int], batch: list[int]) -> int:
    return sum(max(lengths[i] for i in batch) - lengths[i] for i in batch)


def test_every_index_lands_in_exactly_one_batch_within_the_limits() -> None:
    rng = random.Random(3)
    lengths = [rng.randint(5, 128) for _ in range(500)]
    batches = length_batches(lengths, max_rows=16, slack=8, max_tokens=1024)
    assert sorted(i for b in batches for i in b) == list(range(500))
    for batch in batches:
        assert len(batch) <= 16
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= 1024
        assert _padding(lengths, batch) <= 8


def test_equal_lengths_share_a_batch_and_unequal_ones_pay_little_padding() -> None:
    lengths = [30, 12, 30, 12, 31, 30, 12, 90]
    batches = length_batches(lengths, max_rows=32, slack=8)
    assert [sorted(lengths[i] for i in b) for b in batches] == [[12, 12, 12], [30, 30, 30, 31],
                                                                [90]]
    # the old cut (one document's texts in one batch) padded all of them to 90
    assert sum(_padding(lengths, b) for b in batches) == 3
    assert length_batches([], max_rows=4) == []


def test_padded_feeds_pad_on_the_right_with_a_zero_mask() -> None:
    class Enc:
        def __init__(self, n: int) -> None:
            self.ids = list(range(1, n + 1))
            self.attention_mask = [1] * n
            self.type_ids = [0] * (n - 1) + [1]

    feeds = padded_feeds([Enc(2), Enc(4)], pad_id=7)
    assert feeds["input_ids"].tolist() == [[1, 2, 7, 7], [1, 2, 3, 4]]
    assert feeds["attention_mask"].tolist() == [[1, 1, 0, 0], [1, 1, 1, 1]]
    assert feeds["token_type_ids"].tolist() == [[0, 1, 0, 0], [0, 0, 0, 1]]
    assert feeds["input_ids"].dtype == np.int64


SENTENCES = [
    "The council approved the stadium plan on Monday.",
    "The council threw out the stadium plan on Monday after a long and bitter debate.",
    "Unemployment dropped to 4.1% in June.",
    "Unemployment climbed in June, the statistics office said on Tuesday morning.",
    "The ferry runs every hour.",
    "More than 1,000 U.S. troops will leave Niger in the coming months, officials said.",
    "The U.S. troops will stay in Niger.",
    " ".join(["The minister said the budget would be balanced by the end of the decade."] * 12),
]


@pytest.mark.model
def test_length_bucketed_scores_equal_one_by_one_and_one_padded_batch() -> None:
    """The same probabilities (within 1e-6) whether a pair is scored alone, in length buckets, or
    (as before) in one batch padded to its longest pair."""
    from checker.nli.backend import load_nli
    from checker.nli.onnx import OnnxNLIModel

    model = load_nli({})
    assert isinstance(model, OnnxNLIModel)
    pairs = [(a, b) for a in SENTENCES for b in SENTENCES if a != b]
    bucketed = model.predict(pairs)
    alone = [model.predict([p])[0] for p in pairs]
    encoded = model.tokenizer.encode_batch(pairs)
    logits = model.session.run(None, padded_feeds(encoded, model.pad_id))[0].astype(np.float64)
    one_batch = np.exp(logits - logits.max(axis=1, keepdims=True))
    one_batch /= one_batch.sum(axis=1, keepdims=True)
    for k, (got, single) in enumerate(zip(bucketed, alone, strict=True)):
        for n, label in enumerate(model.labels):
            assert abs(got[label] - single[label]) < 1e-6
            assert abs(got[label] - one_batch[k, n]) < 1e-6
    assert len(length_batches([len(e.ids) for e in encoded], model.batch_size)) > 1


@pytest.mark.model
def test_length_bucketed_embeddings_equal_one_by_one() -> None:
    from checker.nli.backend import load_embedder

    embedder = load_embedder({})
    together = embedder.encode(SENTENCES)
    alone = np.stack([embedder.encode([s])[0] for s in SENTENCES])
    assert np.abs(together - alone).max() < 1e-6


def test_plain_batching_is_the_old_cut_by_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    """CHECKER_BATCHING=plain (the benchmarks' baseline): sorted by characters, max_rows a batch."""
    from checker.nli.batching import model_batches

    tokens, chars = [90, 30, 70, 30, 50], [40, 10, 30, 11, 20]
    assert model_batches(tokens, chars, 2) == [[1, 3], [4], [2], [0]]
    monkeypatch.setenv("CHECKER_BATCHING", "plain")
    assert model_batches(tokens, chars, 2) == [[1, 3], [4, 2], [0]]
