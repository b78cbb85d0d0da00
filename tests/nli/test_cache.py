"""Model answers remembered by sentence: only what changed is sent to the model again."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from checker.nli.cache import CachedEmbedder, CachedNLI


class CountingNLI:
    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        self.seen.extend(pairs)
        return [{"contradiction": len(a) / (len(a) + len(b))} for a, b in pairs]


class CountingEmbedder:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_only_new_pairs_reach_the_model_and_answers_keep_their_order() -> None:
    inner = CountingNLI()
    cached = CachedNLI(inner, limit=10)
    first = cached.predict([("a", "bb"), ("ccc", "d")])
    again = cached.predict([("ccc", "d"), ("a", "bb"), ("e", "f"), ("e", "f")])
    assert inner.seen == [("a", "bb"), ("ccc", "d"), ("e", "f")]
    assert again[0] == first[1] and again[1] == first[0] and again[2] == again[3]
    assert cached.scored == 3


def test_the_store_is_bounded_and_forgets_the_least_recently_used() -> None:
    inner = CountingNLI()
    cached = CachedNLI(inner, limit=2)
    cached.predict([("a", "b")])
    cached.predict([("c", "d")])
    cached.predict([("a", "b")])  # used again: now the most recent
    cached.predict([("e", "f")])  # evicts ("c", "d")
    assert len(cached.store) == 2
    cached.predict([("a", "b"), ("c", "d")])
    assert inner.seen.count(("a", "b")) == 1 and inner.seen.count(("c", "d")) == 2


def test_embeddings_are_computed_once_per_sentence() -> None:
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner)
    one = cached.encode(["alpha", "be"])
    two = cached.encode(["be", "gamma", "alpha"])
    assert inner.seen == ["alpha", "be", "gamma"]
    assert np.array_equal(two[2], one[0]) and two.shape == (3, 2)
