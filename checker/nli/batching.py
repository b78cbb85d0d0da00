"""How texts are cut into model batches: by token count, so that batches carry almost no padding.

A batch is padded to its longest member and a padded position costs the encoder as much as a real
token (its work is rows x length). Sorting one document's pairs by characters and cutting batches
of 32 made a CNN/DM article's ~30 pairs or ~26 sentences one batch, padded to the longest: over the
406 dev articles 33% of the NLI model's positions and 82% of the embedder's were padding
(reports/profile-model.md). Here the texts are tokenised first, sorted by token count, and a batch
is closed when the next text would add more than ``SLACK`` padded positions, would take the batch
past ``MAX_TOKENS`` positions (one core runs ~4,700 tokens/s at 16 x 30 and ~4,000 at 64 x 60), or
past ``max_rows`` rows. Padding falls to ~1% (NLI) and ~5% (embedder); each extra run of the graph
costs about as much as 8 tokens.

A pair's score does not depend on its batch: padded positions are masked out, and fp32 results
differ between batchings by float rounding only (below 1e-6 in probability; tests/nli).
``CHECKER_BATCHING=plain`` brings back the old way (by characters, ``max_rows`` a batch, each
padded to its longest, and ``checker report`` embedding each document on its own), so that a
benchmark can time both in one session.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

SLACK = 8  # padded positions a batch may gather before it is closed
MAX_TOKENS = 1024  # rows x length of one batch


def length_batches(lengths: Sequence[int], max_rows: int, *, slack: int = SLACK,
                   max_tokens: int = MAX_TOKENS) -> list[list[int]]:
    """Indices into ``lengths`` (token counts), grouped into batches of near-equal length."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    padding = 0
    for i in order:
        if current:
            grow = (lengths[i] - lengths[current[-1]]) * len(current)
            full = len(current) >= max_rows or (len(current) + 1) * lengths[i] > max_tokens
            if full or padding + grow > slack:
                batches.append(current)
                current, padding = [], 0
            else:
                padding += grow
        current.append(i)
    if current:
        batches.append(current)
    return batches


def plain() -> bool:
    """Batches as before this module (CHECKER_BATCHING=plain): for benchmarks."""
    return os.environ.get("CHECKER_BATCHING") == "plain"


def model_batches(token_counts: Sequence[int], char_counts: Sequence[int],
                  max_rows: int) -> list[list[int]]:
    """The batches a backend runs: by token count, or the old cut under CHECKER_BATCHING=plain."""
    if plain():
        return length_batches(char_counts, max_rows, slack=sys.maxsize, max_tokens=sys.maxsize)
    return length_batches(token_counts, max_rows)


def padded_feeds(encodings: Sequence[Any], pad_id: int) -> dict[str, npt.NDArray[np.int64]]:
    """The graph's inputs for one batch of ``tokenizers`` encodings, padded on the right to the
    longest (as ``Tokenizer.enable_padding`` does: pad id, mask 0, type id 0)."""
    import numpy as np

    width = max((len(e.ids) for e in encodings), default=0)
    ids = np.full((len(encodings), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(encodings), width), dtype=np.int64)
    types = np.zeros((len(encodings), width), dtype=np.int64)
    for row, enc in enumerate(encodings):
        n = len(enc.ids)
        ids[row, :n] = enc.ids
        mask[row, :n] = enc.attention_mask
        types[row, :n] = enc.type_ids
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
