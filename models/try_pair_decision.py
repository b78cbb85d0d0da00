"""Tried, not shipped: a learned decision over both readings of a pair (2026-12-02).

CT101 calls a pair a contradiction when the larger of its two readings (earlier sentence first,
and later first) reaches the threshold, unless either reading entails. This script asks whether
a small logistic regression over both readings' three probabilities and the embedding cosine
decides better, on the same cases as ``checker eval documents`` (CNN/DM articles with generated
and hand-written contradictions planted, and the untouched articles; evaluation data read from
``../shared/data``, research use). It is fitted on the even-numbered articles (generated and
tuning hand-written pairs as positives, every other candidate pair as negatives) and reported on
the odd ones, with the held-out hand-written pairs never fitted on. The model card
(``models/nli-minilm/README.md``, "A learned decision over both readings") has the table.

Lab code: nothing a check imports reads it. scikit-learn comes into the venv with
sentence-transformers (the project itself does not import it).

Usage: PYTHONPATH=. python models/try_pair_decision.py [--limit N] [--cache FILE]
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from checker.nli.contradict import Params, decide

Row = dict[str, Any]
KINDS = ("generated", "hand", "heldout")


def collect(limit: int) -> list[Row]:
    """Every candidate pair CT101 would send to the model, read both ways round in full."""
    from checker.nli import doceval
    from checker.nli.backend import load_embedder, load_nli
    from checker.nli.contradict import candidate_pairs, flip_conflicts, pattern_pairs, unfinished

    model, embedder = load_nli({}), load_embedder({})
    generated, planted, heldout, clean = doceval.build_cases(limit, 7)
    params, rows = Params(), []
    for kind, cases in (("generated", generated), ("hand", planted), ("heldout", heldout),
                        ("clean", clean)):
        for k, case in enumerate(cases):
            s = case.sentences
            flips = {(c.earlier, c.later) for c in flip_conflicts(s)} | pattern_pairs(s)
            if case.planted is not None and case.planted in flips:
                rows.append({"kind": kind, "k": k, "flip_found": True})
            vectors = embedder.encode(s)
            cut = unfinished(s)
            pairs = [p for p in candidate_pairs(s, vectors, params)
                     if p not in flips and cut not in p]
            if not pairs:
                continue
            ahead = model.predict([(s[i], s[j]) for i, j in pairs])
            back = model.predict([(s[j], s[i]) for i, j in pairs])
            for (i, j), f, b in zip(pairs, ahead, back, strict=True):
                rows.append({"kind": kind, "k": k, "planted": (i, j) == case.planted,
                             "f": f, "b": b, "cos": float(vectors[i] @ vectors[j])})
    return rows


def shipped(row: Row) -> float:
    """CT101's decision as shipped, at its default gate."""
    return decide(row["f"], row["b"], Params().both_ways_from)


def features(row: Row) -> list[float]:
    def logit(p: float) -> float:
        p = min(max(p, 1e-4), 1 - 1e-4)
        return math.log(p / (1 - p))

    f, b = row["f"], row["b"]
    return [logit(max(f["contradiction"], b["contradiction"])),
            logit(min(f["contradiction"], b["contradiction"])),
            logit(max(f["entailment"], b["entailment"])),
            logit(min(f["neutral"], b["neutral"])),
            logit(max(f["neutral"], b["neutral"])),
            row["cos"]]


def table(rows: Sequence[Row], score: Callable[[Row], float], threshold: float,
          half: int = 1) -> dict[str, Any]:
    """Recall / precision of each planted set and clean findings per article on one half, by
    ``checker eval documents``' own measure (``doceval.metrics``) over the collected rows."""
    from checker.nli.doceval import Case, metrics

    def cases(kind: str) -> list[Case]:
        docs: dict[int, Case] = {}
        for n, row in enumerate(rows):
            if row["kind"] != kind or row["k"] % 2 != half:
                continue
            case = docs.setdefault(row["k"], Case([], None if kind == "clean" else (-1, -1)))
            if row.get("flip_found"):
                case.flips.add((-1, -1))  # the planted pair, found by a flip rule
            elif row["planted"]:
                case.planted = (n, n)
                case.scored[(n, n)] = score(row)
            else:
                case.scored[(n, -n - 1)] = score(row)
        return list(docs.values())

    clean = cases("clean")
    out: dict[str, Any] = {"threshold": threshold}
    for kind in KINDS:
        m = metrics(cases(kind), clean, threshold)
        out[kind] = {"recall": round(m["recall"], 3), "precision": round(m["precision"], 3)}
    out["clean_per_article"] = round(metrics([], clean, threshold)["clean_findings_per_article"],
                                     3)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(prog="try_pair_decision")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=None, help="JSONL of collected pairs")
    args = parser.parse_args(argv)
    if args.cache and args.cache.is_file():
        rows = [json.loads(line) for line in args.cache.read_text().splitlines()]
    else:
        rows = collect(args.limit)
        if args.cache:
            args.cache.write_text("".join(json.dumps(r) + "\n" for r in rows))
    fit = [r for r in rows if "f" in r and r["k"] % 2 == 0 and r["kind"] != "heldout"
           and shipped(r) >= 0.1]
    learned = LogisticRegression(C=1.0, max_iter=1000).fit(
        [features(r) for r in fit], [bool(r["planted"]) for r in fit])

    def decided(row: Row) -> float:
        if shipped(row) < 0.1:
            return 0.0
        return float(learned.predict_proba([features(row)])[0, 1])

    result = {
        "fitted_on": {"pairs": len(fit), "planted": sum(1 for r in fit if r["planted"])},
        "coefficients": [round(float(c), 3) for c in learned.coef_[0]],
        "shipped": [table(rows, shipped, t) for t in (0.5, 0.6, 0.7, 0.8, 0.9)],
        "mean_of_both_readings": [table(rows, lambda r: shipped(r) and (
            r["f"]["contradiction"] + r["b"]["contradiction"]) / 2, t) for t in (0.5, 0.7)],
        "smaller_reading": [table(rows, lambda r: shipped(r) and min(
            r["f"]["contradiction"], r["b"]["contradiction"]), t) for t in (0.3, 0.5)],
        "learned": [table(rows, decided, t) for t in (0.2, 0.3, 0.4, 0.5)],
    }
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
