"""Embed the sentences of a whole batch of documents in one call, then check them one by one.

Checked one at a time, a CNN/DM article's ~26 sentences reach the embedder alone and, cut into
batches by token count (``checker.nli.batching``), run as many small batches: each run of the
graph has a fixed cost (about 1.7 ms, as much as 8 tokens) and short rows use the cores less
well. Embedding the sentences of a batch's documents (8 by default) together fills the length
buckets; the documents are then checked as before, their rules finding the embeddings ready. An
embedding does not depend on the batch it was computed in (checker.nli.batching), so the
findings are the same (tests/report/test_pool.py).

The NLI pairs are not pooled: which pairs a document sends is decided inside CT101, after its
embeddings, and with batches cut by token count pooling them saved nothing measurable (the
model's own time 1.45x faster than the old cut either way; reports/profile-model.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.batch.plan import DocumentJob
from checker.document import Document
from checker.modelhub import ModelHub

MAX_SENTENCES = 1000  # a longer document fills its own batches: it is embedded in its own check


def needs_embeddings(job: DocumentJob, doc: Document) -> bool:
    from checker.engine import selected_rules

    if job.settings is None:
        return False
    return any("embeddings" in rule.requires for rule in selected_rules(job.settings, doc.path))


def pooled_hubs(jobs: Sequence[DocumentJob],
                documents: Sequence[Document | None]) -> dict[int, ModelHub]:
    """For each job (by index) whose rules use sentence embeddings, a model hub whose embedder
    already holds the embeddings of its document's sentences, computed in one call with those
    of the batch's other documents that share its model settings."""
    from checker.nli.batching import plain
    from checker.nli.cache import CachingHub
    from checker.nli.hub import sentence_texts

    if plain():  # the old way, for benchmarks: each document embedded in its own check
        return {}
    groups: dict[str, list[tuple[int, Document]]] = {}
    options: dict[str, dict[str, Any]] = {}
    for k, (job, doc) in enumerate(zip(jobs, documents, strict=True)):
        if job.settings is None or doc is None or len(doc.sentences) > MAX_SENTENCES:
            continue
        if needs_embeddings(job, doc):
            key = repr(sorted(job.settings.nli.items()))
            groups.setdefault(key, []).append((k, doc))
            options[key] = dict(job.settings.nli)
    hubs: dict[int, ModelHub] = {}
    for key, members in groups.items():
        texts = list(dict.fromkeys(t for _, doc in members for t in sentence_texts(doc)))
        try:
            vectors = ModelHub(options[key]).get("embedder").encode(texts)
        except Exception:  # each document meets the problem again in its own check, where it
            continue  # is reported for that document
        hub = CachingHub(options[key], embedding_store=dict(zip(texts, vectors, strict=True)))
        hubs.update(dict.fromkeys((k for k, _ in members), hub))
    return hubs
