"""Connects the NLI backends to the engine's lazy ModelHub and shares per-document work.

Rules call these helpers instead of loading anything themselves, so each model is built once per
process and only when a selected rule asks for it; and the sentence embeddings one rule computes
for a document are reused by the next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checker.document import sentence_texts
from checker.modelhub import ModelHub, register_loader
from checker.nli.backend import LOADERS, Embedder, NLIModel
from checker.nli.replaced import ReplacedWordModel, load_replaced

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from checker.document import Document
    from checker.rules.base import Context

__all__ = ["embedder", "nli_model", "replaced_word_model", "sentence_embeddings",
           "sentence_texts"]

for _name, _loader in LOADERS.items():
    register_loader(_name, _loader)
register_loader("garble", load_replaced)


def _hub(ctx: Context) -> ModelHub:
    if ctx.models is None:
        ctx.models = ModelHub(dict(ctx.settings.nli))
    return ctx.models


def nli_model(ctx: Context) -> NLIModel:
    model: NLIModel = _hub(ctx).get("nli")
    return model


def embedder(ctx: Context) -> Embedder:
    model: Embedder = _hub(ctx).get("embedder")
    return model


def replaced_word_model(ctx: Context) -> ReplacedWordModel:
    model: ReplacedWordModel = _hub(ctx).get("garble")
    return model


def sentence_embeddings(doc: Document, ctx: Context) -> npt.NDArray[np.float32]:
    """Embeddings of ``doc.sentences``, computed once per document and context."""
    key = f"nli.sentence-embeddings:{id(doc)}"
    cached: Any = ctx.cache.get(key)
    if cached is None:
        cached = embedder(ctx).encode(sentence_texts(doc))
        ctx.cache[key] = cached
    result: npt.NDArray[np.float32] = cached
    return result
