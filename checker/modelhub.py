"""Lazily loaded models, one copy per process, created only when a selected rule asks.

Nothing here imports torch or transformers at module level: a rules-only run never pays for them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class ModelError(Exception):
    """A model that cannot be used (checksum mismatch, missing files, unusable output); the
    message says which and why, and the file being checked is reported as not checked."""


_LOADERS: dict[str, Callable[[dict[str, Any]], Any]] = {}
_CACHE: dict[tuple[str, str], Any] = {}
_LOCK = threading.Lock()
_LOADING: dict[tuple[str, str], threading.Lock] = {}  # one lock per model while it loads


def register_loader(name: str, loader: Callable[[dict[str, Any]], Any]) -> None:
    """Model modules call this to say how to build the model called ``name``."""
    _LOADERS[name] = loader


def _register_builtin_loaders() -> None:
    """The project's own models (NLI, embedder) register when first asked for, so no caller has
    to import their module for its side effect. Importing it does not import torch."""
    import checker.nli.hub  # noqa: F401


class ModelHub:
    def __init__(self, options: dict[str, Any] | None = None) -> None:
        self.options = dict(options or {})

    def get(self, name: str) -> Any:
        """The model called ``name``, loaded on first use. Two different models load in
        parallel (the engine prefetches them on threads); one model is never loaded twice."""
        key = (name, repr(sorted(self.options.items())))
        with _LOCK:
            if key in _CACHE:
                return _CACHE[key]
            if name not in _LOADERS:
                _register_builtin_loaders()
            if name not in _LOADERS:
                raise KeyError(f"no model called {name!r} is known")
            loading = _LOADING.setdefault(key, threading.Lock())
        with loading:
            with _LOCK:
                if key in _CACHE:
                    return _CACHE[key]
            model = _LOADERS[name](self.options)
            with _LOCK:
                _CACHE[key] = model
            return model

    @staticmethod
    def loaded() -> list[str]:
        return sorted({name for name, _ in _CACHE})
