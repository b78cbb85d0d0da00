"""Tried, not shipped: score each sentence's main clause too (2026-12-03, twenty-fourth stop).

The shipped model misses a plain contradiction when the later sentence carries a clause of its
own ("Renn has still not conceded, claiming there were irregularities …" against "Renn conceded
defeat …": 0.02). This script scores every hand-written pair of ``models/eval`` as the model
alone does in ``checker eval drafts`` (the larger contradiction probability of both readings)
and again with each sentence's trailing clause after a comma cut off ("…, claiming …", "…,
saying …", "…, with …"), keeping the larger score, and prints precision and recall at the
threshold for both. The model card (``models/nli-minilm/README.md``, "A ball of an over, a spell
of a week") has the table.

Lab code: nothing a check imports reads it.

Usage: PYTHONPATH=. HF_HUB_OFFLINE=1 python models/try_main_clause.py models/eval/*.tsv
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

THRESHOLD = 0.5
MIN_WORDS = 4  # a main clause shorter than this is left whole
_TRAILING = re.compile(
    r",\s+(?:claiming|saying|adding|citing|with|though|although|while|as|after|before|which|"
    r"who|where|when|leaving|pulling|forcing|sealed|up from|down from|according|the \w+ said|"
    r"but)\b.*$", re.IGNORECASE)


def main_clause(sentence: str) -> str | None:
    """The sentence with its trailing clause cut off, or None when it has none."""
    cut = _TRAILING.sub(".", sentence)
    return cut if cut != sentence and len(cut.split()) >= MIN_WORDS else None


def main(paths: Sequence[str]) -> int:
    from checker.modelhub import ModelHub
    from checker.nli.backend import CONTRADICTION
    from checker.nli.drafteval import _prf
    from checker.nli.evaluate import read_tsv

    def prf(scores: Sequence[float], gold: Sequence[bool]) -> tuple[float, float]:
        found = _prf([s >= THRESHOLD for s in scores], gold)
        return found["precision"], found["recall"]

    model = ModelHub({}).get("nli")
    for path in paths:
        rows = read_tsv(Path(path))
        gold = [label == "contradiction" for label, _, _ in rows]
        batch = [x for _, p, h in rows for x in ((p, h), (h, p))]
        extra: list[tuple[int, tuple[str, str]]] = []
        for k, (_, p, h) in enumerate(rows):
            cp, ch = main_clause(p) or p, main_clause(h) or h
            if (cp, ch) != (p, h):
                extra += [(k, (cp, ch)), (k, (ch, cp))]
        probs = [r[CONTRADICTION] for r in model.predict(batch + [x for _, x in extra])]
        shipped = [max(probs[2 * k], probs[2 * k + 1]) for k in range(len(rows))]
        both = list(shipped)
        for (k, _), p in zip(extra, probs[2 * len(rows):], strict=True):
            both[k] = max(both[k], p)
        print(f"{path}: {len(extra) // 2} pairs with a clause cut; as shipped P/R "
              f"{prf(shipped, gold)}, main clauses scored too {prf(both, gold)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
