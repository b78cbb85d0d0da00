"""The per-document work every source rule shares: sentences, alignment, embeddings.

Computed once per draft and context (``ctx.cache``), so six rules cost one alignment. The
embedding model is used only when the run may load models; a rules-only run aligns by words and
names alone and never imports torch.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checker.document import Document
from checker.source.align import Alignment, Sentence, align, sentences_of

if TYPE_CHECKING:
    from checker.rules.base import Context


@dataclass(frozen=True)
class SourceView:
    draft: Document
    sources: tuple[Document, ...]
    draft_sentences: tuple[Sentence, ...]
    source_sentences: tuple[Sentence, ...]
    alignments: tuple[Alignment, ...]

    def source_path(self, sentence: Sentence) -> str:
        return self.sources[sentence.source].path

    def source_text(self) -> str:
        return "\n\n".join(s.text for s in self.sources)


# Source sentence embeddings by (model, text): many drafts are checked against one source (a
# batch, the language server, an evaluation), and the source need not be embedded each time.
_EMBEDDED: OrderedDict[tuple[int, str], Any] = OrderedDict()
_KEEP = 16


def _source_embeddings(source: list[Sentence], ctx: Context) -> Any:
    from checker.nli.hub import embedder

    model = embedder(ctx)
    texts = [s.text for s in source]
    key = (id(model), hashlib.sha256("\x00".join(texts).encode()).hexdigest())
    if key in _EMBEDDED:
        _EMBEDDED.move_to_end(key)
        return _EMBEDDED[key]
    vectors = model.encode(texts)
    _EMBEDDED[key] = vectors
    while len(_EMBEDDED) > _KEEP:
        _EMBEDDED.popitem(last=False)
    return vectors


def _similarity(draft: list[Sentence], source: list[Sentence], ctx: Context) -> object:
    from checker.nli.hub import sentence_embeddings

    if not draft or not source:
        return None
    ours = sentence_embeddings(ctx.cache["source.draft"], ctx)
    return ours @ _source_embeddings(source, ctx).T


def source_view(doc: Document, ctx: Context) -> SourceView | None:
    """The draft aligned with ``ctx.sources``; None when no source was given."""
    if not ctx.sources:
        return None
    key = f"source.view:{id(doc)}"
    cached = ctx.cache.get(key)
    if isinstance(cached, SourceView):
        return cached
    draft = sentences_of(doc, -1)
    source = [s for i, src in enumerate(ctx.sources) for s in sentences_of(src, i)]
    similarity = None
    if ctx.settings.use_model:
        ctx.cache["source.draft"] = doc
        similarity = _similarity(draft, source, ctx)
    view = SourceView(doc, tuple(ctx.sources), tuple(draft), tuple(source),
                      tuple(align(draft, source, similarity)))  # type: ignore[arg-type]
    ctx.cache[key] = view
    return view
