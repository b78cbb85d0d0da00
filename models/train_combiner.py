"""Train GB104's combiner: the replaced-word detector's probability and a language model's view
of each word (``checker.nli.fluency``) turned into one score.

Data: the CNN/DM articles behind SummaC's Polytope set (``../shared/data``; real news that no
evaluation reads and that the shipped detector was not trained on, so its probabilities there are
what it gives unseen text). A quarter of their sentences (6 to 60 words) are spun with the second
recipe of ``checker.garble_lab.spin`` (the team's *training* thesaurus, whose keys are disjoint
from the evaluation's, and frequency-matched embedding neighbours). Words the spinner put in are
positives; every lower-case content word of the unspun sentences is a negative (the unreplaced
words of a spun sentence are left out: their context was damaged; the Polytope text comes
lower-cased, so names are among the negatives, as they are not at run time). Only words the detector
scores at ``--gate`` or more are kept, as at run time.

The fit is an L2-regularised logistic regression (Newton's method in numpy, no extra package).
It writes ``combiner.json`` and the near-synonym table ``neighbours.tsv.gz`` into ``--out`` and
refreshes that folder's SHA256SUMS. The threshold GB104 uses is chosen elsewhere, on the dev
quarter's validation articles (see models/garble-minilm/README.md).

Usage: PYTHONPATH=. python models/train_combiner.py [--out models/garble-minilm] [--gate 0.02]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

import numpy as np

from checker.garble_lab.spin import extra_articles, neighbour_table, sentences_of, spin2
from checker.nli.backend import write_checksums
from checker.nli.fluency import COMBINER_FILE, FEATURES, NEIGHBOURS_FILE, Fluency
from checker.nli.replaced import ReplacedWordModel, shipped_dir
from checker.rules.spun import function_words

ROOT = Path(__file__).resolve().parent
_SCORED = re.compile(r"[a-z][a-z'’-]*")


def write_neighbours(out: Path) -> None:
    """Each word's ten nearest neighbours, then the words that have it among theirs: "said"
    is not among "acknowledged"'s ten nearest, but "acknowledged" may be among "said"'s."""
    table = neighbour_table()
    back: dict[str, list[str]] = {}
    for word in sorted(table):
        for other in table[word]:
            back.setdefault(other, []).append(word)
    rows = []
    for word in sorted(table):
        near = list(table[word])
        near += [w for w in back.get(word, ()) if w not in near]
        rows.append(f"{word}\t{' '.join(near)}\n")
    text = "".join(rows)
    # mtime 0: the same table gives the same bytes, and so the same checksum
    with gzip.GzipFile(out / NEIGHBOURS_FILE, "wb", mtime=0) as fh:
        fh.write(text.encode("utf-8"))


def build(detector: ReplacedWordModel, fluency: Fluency, gate: float, seed: int,
          spun_share: float) -> tuple[np.ndarray, np.ndarray]:
    table = neighbour_table()
    small = function_words()
    texts: list[str] = []
    spans: list[list[tuple[int, int]] | None] = []
    for article_id, sentence in sentences_of(extra_articles()):
        rng = random.Random(f"{seed}:{article_id}:{sentence[:40]}")
        made = spin2(sentence, rng, table) if rng.random() < spun_share else None
        texts.append(made[0] if made else sentence)
        spans.append(made[1] if made else None)
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    for text, spun, words in zip(texts, spans, detector.score(texts), strict=True):
        for w in words:
            word = text[w.start : w.end]
            if w.probability < gate or not _SCORED.fullmatch(word) or word in small:
                continue
            inside = spun is not None and any(a <= w.start and w.end <= b for a, b in spun)
            if spun is not None and not inside:
                continue
            rows.append(fluency.features(text, w.start, w.probability))
            labels.append(int(inside))
    return np.array(rows, dtype=np.float64), np.array(labels, dtype=np.float64)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0,
                 steps: int = 50) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-regularised logistic regression on standardised features,
    mapped back to the raw features."""
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = w[:-1] / std
    bias = float(w[-1] - (w[:-1] * mean / std).sum())
    return weights, bias


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "garble-minilm")
    parser.add_argument("--gate", type=float, default=0.02)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--spun-share", type=float, default=0.25)
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args()
    write_neighbours(args.out)
    detector = ReplacedWordModel(shipped_dir())
    fluency = Fluency(args.out)
    x, y = build(detector, fluency, args.gate, args.seed, args.spun_share)
    weights, bias = fit_logistic(x, y, args.l2)
    p = 1 / (1 + np.exp(-(x @ weights + bias)))
    order = np.argsort(-p)
    top = y[order][: max(1, int(y.sum()))].mean()
    summary = {"features": list(FEATURES), "weights": [round(float(v), 6) for v in weights],
               "bias": round(bias, 6), "gate": args.gate,
               "trained_on": {"words": len(y), "replaced": int(y.sum()),
                              "precision_at_recall_of_base_rate": round(float(top), 4),
                              "seed": args.seed, "spun_share": args.spun_share, "l2": args.l2}}
    (args.out / COMBINER_FILE).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    write_checksums(args.out)
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
