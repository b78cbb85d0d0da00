"""Align each draft sentence with the source sentences it came from.

A rewrite keeps most of a sentence's content words and names, so the lexical score is the share of
the draft sentence's weighted words (rarer words and names weigh more) that a source sentence holds.
With the model on, the cosine of the two sentence embeddings is averaged in, which carries
paraphrases that share few words. A draft sentence that merges two source sentences gets a second
match when that one covers words the first does not; a source sentence split in two simply
matches both halves.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.document import Document
from checker.source.text import content_words, name_tokens

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

NAME_WEIGHT = 2.0
MERGE_GAIN = 0.2  # a second source sentence must add this much coverage to be merged in
MERGE_WORDS = 2  # ... and at least this many of the draft sentence's words
TIGHTNESS = 0.05
SIMILARITY_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the draft (source == -1) or of one source document."""

    source: int
    index: int  # within its document
    start: int
    end: int
    text: str
    words: frozenset[str]
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class Alignment:
    draft: Sentence
    matches: tuple[Sentence, ...]  # best first: none, one, or two merged
    coverage: float  # share of the draft sentence's weighted words the matches hold
    similarity: float  # embedding cosine with the best match (0.0 without the model)

    @property
    def score(self) -> float:
        if self.similarity:
            return (1 - SIMILARITY_WEIGHT) * self.coverage + SIMILARITY_WEIGHT * self.similarity
        return self.coverage

    @property
    def premise(self) -> str:
        return " ".join(m.text for m in sorted(self.matches, key=lambda m: (m.source, m.start)))


def sentences_of(doc: Document, source: int) -> list[Sentence]:
    out = []
    for i, span in enumerate(doc.sentences):
        text = doc.text[span.start : span.end]
        out.append(Sentence(source, i, span.start, span.end, text, content_words(text),
                            name_tokens(text)))
    return out


def _weights(units: Sequence[Sentence]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for u in units:
        df.update(u.words | u.names)
    n = max(len(units), 1)
    return {w: math.log(1 + n / c) for w, c in df.items()}


def _coverage(draft: Sentence, have: frozenset[str], weights: dict[str, float]) -> float:
    keys = draft.words | draft.names
    total = sum(weights.get(w, 1.0) * (NAME_WEIGHT if w in draft.names else 1.0) for w in keys)
    if not total:
        return 0.0
    got = sum(weights.get(w, 1.0) * (NAME_WEIGHT if w in draft.names else 1.0)
              for w in keys & have)
    return got / total


def align(draft: Sequence[Sentence], sources: Sequence[Sentence],
          similarity: npt.NDArray[np.float32] | None = None) -> list[Alignment]:
    """One alignment per draft sentence; ``similarity[i, j]`` is the cosine of draft sentence i
    and source sentence j when the embedding model is on."""
    weights = _weights([*draft, *sources])
    bags = [s.words | s.names for s in sources]
    result = []
    for i, d in enumerate(draft):
        if not sources:
            result.append(Alignment(d, (), 0.0, 0.0))
            continue
        cover = [_coverage(d, bag, weights) for bag in bags]
        sims = [float(similarity[i, j]) for j in range(len(sources))] if similarity is not None \
            else [0.0] * len(sources)
        scores = [(1 - SIMILARITY_WEIGHT) * c + SIMILARITY_WEIGHT * s if similarity is not None
                  else c for c, s in zip(cover, sims, strict=True)]
        keys = d.words | d.names
        # ties (a short draft sentence) go to the source sentence with least left over
        tight = [len(keys & bag) / max(len(bag), 1) for bag in bags]
        best = max(range(len(sources)), key=lambda j: (scores[j] + TIGHTNESS * tight[j], -j))
        matches = [sources[best]]
        coverage = cover[best]
        second, gain = None, 0.0
        for j, bag in enumerate(bags):
            if j == best or len((keys & bag) - bags[best]) < MERGE_WORDS:
                continue  # one new word (a changed figure) does not make a merged sentence
            merged = _coverage(d, bags[best] | bag, weights) - coverage
            if merged > gain:
                second, gain = j, merged
        if second is not None and gain >= MERGE_GAIN and cover[second] >= MERGE_GAIN:
            matches.append(sources[second])
            coverage += gain
        result.append(Alignment(d, tuple(matches), coverage, sims[best]))
    return result
