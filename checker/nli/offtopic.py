"""Lines that do not belong to the article: injected headlines, teasers, link bait.

A "See also" prefix is easy to match (rule SP101), but injected lines often come without one.
What gives them away is topic: their embedding is far from everything else in the article. A line
is flagged only when it is both far in absolute terms and an outlier against the article's own
spread, so a long feature that wanders between themes stays quiet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

MIN_UNITS = 4
MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class OffTopicParams:
    """Calibrated on the 406 CNN/DM articles (models/nli-minilm/README.md)."""

    max_similarity: float = 0.12  # a headline-like line (no closing punctuation)
    max_similarity_sentence: float = 0.03  # a line that ends like a sentence: needs more evidence
    min_gap: float = 0.20  # how far below the article's median similarity


def headline_like(text: str) -> bool:
    """Injected teasers are headlines: they do not end the way a sentence does."""
    return not text.rstrip().endswith(
        (".", "!", "?", "\u2026", '"', "\u201d", "'", "\u2019", ":", ";", ")"))


def similarity_to_rest(embeddings: npt.NDArray[np.float32]) -> list[float]:
    """Cosine of each unit to the normalised mean of all the other units."""
    import numpy as np

    total = embeddings.sum(axis=0)
    out: list[float] = []
    for row in embeddings:
        rest = total - row
        norm = float(np.linalg.norm(rest))
        out.append(float(row @ rest) / norm if norm > 0 else 1.0)
    return out


def off_topic(
    units: Sequence[str],
    embeddings: npt.NDArray[np.float32],
    params: OffTopicParams | None = None,
) -> list[tuple[int, float]]:
    """Indices of units far from the rest, with their similarity."""
    import statistics

    params = params or OffTopicParams()
    if len(units) < MIN_UNITS:
        return []
    sims = similarity_to_rest(embeddings)
    typical = statistics.median(sims)
    out = []
    for i, s in enumerate(sims):
        limit = params.max_similarity if headline_like(units[i]) else params.max_similarity_sentence
        if len(units[i].split()) >= MIN_WORDS and s < limit and typical - s >= params.min_gap:
            out.append((i, s))
    return out
