"""Remember model answers by sentence, so that re-checking an edited document costs only what
changed.

The language server re-checks the whole document after every edit; with these wrappers a pass
after typing in one paragraph scores only the pairs that involve a changed sentence and embeds
only the changed sentences, so the model pass on a long document stays short after the first.
The caches are bounded (least recently used entries go first). Evaluations use the same wrappers
with an unbounded store that they save to disk between runs.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

from checker.modelhub import ModelHub

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

Pair = tuple[str, str]


class _Store(OrderedDict[Any, Any]):
    """An LRU mapping when ``limit`` > 0, a plain one otherwise."""

    def __init__(self, limit: int = 0) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, key: Any, value: Any) -> None:
        self[key] = value
        if self.limit:
            self.move_to_end(key)
            while len(self) > self.limit:
                self.popitem(last=False)


class CachedNLI:
    """An NLI model whose answers are kept by (premise, hypothesis)."""

    def __init__(self, model: Any, store: MutableMapping[Pair, dict[str, float]] | None = None,
                 limit: int = 50_000) -> None:
        self.model = model
        self.store: MutableMapping[Pair, dict[str, float]] = (
            store if store is not None else _Store(limit)
        )
        self.scored = 0  # pairs actually sent to the model

        self._lock = threading.Lock()

    def predict(self, pairs: Sequence[Pair]) -> list[dict[str, float]]:
        # the store is shared by serve's worker threads: read and write it under the lock, but
        # never hold the lock while the model runs
        with self._lock:
            known = {p: self.store[p] for p in dict.fromkeys(pairs) if p in self.store}
        todo = [p for p in dict.fromkeys(pairs) if p not in known]
        answers = dict(zip(todo, self.model.predict(todo), strict=True)) if todo else {}
        known.update(answers)
        out = [known[p] for p in pairs]
        with self._lock:
            self.scored += len(todo)
            for pair, result in known.items():
                _remember(self.store, pair, result)
        return out


class CachedEmbedder:
    """A sentence embedder whose vectors are kept by sentence text."""

    def __init__(self, model: Any, store: MutableMapping[str, Any] | None = None,
                 limit: int = 20_000) -> None:
        self.model = model
        self.store: MutableMapping[str, Any] = store if store is not None else _Store(limit)
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        import numpy as np

        with self._lock:
            known = {t: self.store[t] for t in dict.fromkeys(texts) if t in self.store}
        todo = [t for t in dict.fromkeys(texts) if t not in known]
        known.update(zip(todo, self.model.encode(todo), strict=True) if todo else {})
        rows = [known[t] for t in texts]
        with self._lock:
            for text, row in known.items():
                _remember(self.store, text, row)
        if not rows:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack(rows).astype(np.float32, copy=False)


def _remember(store: MutableMapping[Any, Any], key: Any, value: Any) -> None:
    if isinstance(store, _Store):
        store.remember(key, value)
    else:
        store[key] = value


class CachingHub(ModelHub):
    """A ModelHub whose NLI model and embedder remember their answers (one cache per hub)."""

    def __init__(self, options: dict[str, Any] | None = None,
                 nli_store: MutableMapping[Pair, dict[str, float]] | None = None,
                 embedding_store: MutableMapping[str, Any] | None = None) -> None:
        super().__init__(options)
        self._stores: dict[str, Any] = {"nli": nli_store, "embedder": embedding_store}
        self._wrapped: dict[str, Any] = {}
        self._wrap_lock = threading.Lock()

    def get(self, name: str) -> Any:
        with self._wrap_lock:
            if name in self._wrapped:
                return self._wrapped[name]
        model = super().get(name)  # outside the lock: two models may load in parallel
        with self._wrap_lock:
            if name not in self._wrapped:
                if name == "nli":
                    self._wrapped[name] = CachedNLI(model, self._stores["nli"])
                elif name == "embedder":
                    self._wrapped[name] = CachedEmbedder(model, self._stores["embedder"])
                else:
                    return model
            return self._wrapped[name]
