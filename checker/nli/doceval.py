"""Document-level evaluation: do the contradiction rules find a contradiction planted in a real
article, and stay quiet on the untouched article?

Corruption (seeded): for each CNN/DM article, pick an eligible sentence, rewrite it with one of
the contradiction transforms (antonym, negation, number, date, tense, place; the same families the
training pairs used, so this is optimistic for those families) and insert the rewrite at a random
later position. A second, harder set plants the premise and the contradicting hypothesis of a
hand-written held-out pair (models/eval/news_pairs.tsv) at random positions. Thresholds are chosen
on the even-numbered articles and reported on the odd ones.

Usage: python -m checker.nli.doceval [--limit N] [--json out.json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from checker.nli import transforms as tf
from checker.nli.contradict import (
    Conflict,
    Params,
    candidate_pairs,
    eligible,
    flip_conflicts,
    pattern_pairs,
    score_pairs,
)
from checker.nli.datagen import DATA, load_articles
from checker.nli.evaluate import news_pairs_path, read_tsv
from checker.nli.lexicon import load_lexicon
from checker.nli.restate import unlikely_pairs

KINDS = (
    tf.antonym_swap,
    tf.negate,
    tf.change_number,
    tf.change_date,
    tf.change_tense,
    tf.swap_place,
)


@dataclass
class Case:
    """One document and what the rules produced on it, before any threshold is applied."""

    sentences: list[str]
    planted: tuple[int, int] | None  # (earlier, later) indices of the planted pair
    flips: set[tuple[int, int]] = field(default_factory=set)
    scored: dict[tuple[int, int], float] = field(default_factory=dict)
    # scored pairs that the restatement / parallel-item filter drops (restate.py); they are scored
    # anyway so one run reports the figures both with and without the filter
    skipped: set[tuple[int, int]] = field(default_factory=set)
    planted_probability: float = 0.0
    all_pairs: int = 0


def corrupt(article: Sequence[str], rng: random.Random) -> tuple[list[str], tuple[int, int]] | None:
    lex = load_lexicon()
    order = [i for i, s in enumerate(article) if eligible(s)]
    rng.shuffle(order)
    for i in order[:10]:
        for transform in rng.sample(KINDS, len(KINDS)):
            new = transform(article[i], lex, rng)
            if new and new != article[i]:
                j = rng.randint(i + 1, len(article))
                return [*article[:j], new, *article[j:]], (i, j)
    return None


def plant_pair(
    article: Sequence[str], premise: str, hypothesis: str, rng: random.Random
) -> tuple[list[str], tuple[int, int]]:
    i = rng.randint(0, len(article))
    doc = [*article[:i], premise, *article[i:]]
    j = rng.randint(i + 1, len(doc))
    return [*doc[:j], hypothesis, *doc[j:]], (i, j)


def analyse(case: Case, model: Any, embedder: Any, params: Params) -> None:
    s = case.sentences
    usable = sum(1 for x in s if eligible(x))
    case.all_pairs = usable * (usable - 1) // 2
    case.flips = {(c.earlier, c.later) for c in flip_conflicts(s)} | pattern_pairs(s)
    unfiltered = replace(params, skip_unlikely=False)
    pairs = [p for p in candidate_pairs(s, embedder.encode(s), unfiltered) if p not in case.flips]
    scores = score_pairs(model, s, pairs, params.both_ways_from)
    case.scored = dict(zip(pairs, scores, strict=True))
    if params.skip_unlikely:
        case.skipped = unlikely_pairs(s, pairs)
    if case.planted is not None:
        case.planted_probability = score_pairs(model, s, [case.planted],
                                               params.both_ways_from)[0]


def found(case: Case, threshold: float, filtered: bool = True) -> set[tuple[int, int]]:
    return case.flips | {
        p
        for p, prob in case.scored.items()
        if prob >= threshold and not (filtered and p in case.skipped)
    }


def clusters(pairs: set[tuple[int, int]]) -> list[set[tuple[int, int]]]:
    """The pairs grouped as CT101 reports them: pairs that share a sentence, directly or
    through others, are one finding (``checker.rules.contradiction.conflict_clusters``)."""
    from checker.rules.contradiction import conflict_clusters

    groups = conflict_clusters([Conflict(a, b, 1.0, "model") for a, b in sorted(pairs)])
    return [{(c.earlier, c.later) for c in group} for group in groups]


def metrics(corrupted: Sequence[Case], clean: Sequence[Case], threshold: float) -> dict[str, float]:
    flagged = [found(c, threshold) for c in corrupted]
    hits = sum(1 for c, f in zip(corrupted, flagged, strict=True) if c.planted in f)
    # as the rule reports them: one finding per cluster, right when it holds the planted pair
    findings = sum(len(clusters(f)) for f in flagged)
    unpruned = sum(
        1 for c in corrupted if c.planted in c.flips or c.planted_probability >= threshold
    )
    n, n_clean = max(1, len(corrupted)), max(1, len(clean))
    return {
        "threshold": threshold,
        "recall": hits / n,
        "precision": hits / max(1, sum(len(f) for f in flagged)),
        "precision_per_finding": hits / max(1, findings),
        "recall_if_planted_pair_scored": unpruned / n,
        "clean_findings_per_article": sum(len(found(c, threshold)) for c in clean) / n_clean,
        "pairs_scored_per_article": sum(len(c.scored) - len(c.skipped) for c in clean) / n_clean,
        "all_pairs_per_article": sum(c.all_pairs for c in clean) / n_clean,
        # the same figures without the restatement / parallel-item filter
        "recall_without_filter": sum(
            1 for c in corrupted if c.planted in found(c, threshold, False)
        )
        / n,
        "clean_findings_per_article_without_filter": sum(
            len(found(c, threshold, False)) for c in clean
        )
        / n_clean,
    }


# The targets are precision >= 0.7 and <= 0.2 clean findings per article. The lowest threshold
# that only just meets them on the even half overfit twice (the odd half then missed both), so the
# threshold is chosen with a margin: precision >= 0.8 and <= 0.1 clean findings per article.
MIN_PRECISION = 0.8
MAX_CLEAN = 0.1


def choose_threshold(corrupted: Sequence[Case], clean: Sequence[Case]) -> float:
    """Lowest threshold meeting the targets with a margin (MIN_PRECISION, MAX_CLEAN)."""
    for t in [x / 100 for x in range(50, 100)] + [0.995, 0.999]:
        m = metrics(corrupted, clean, t)
        if m["precision"] >= MIN_PRECISION and m["clean_findings_per_article"] <= MAX_CLEAN:
            return t
    return 0.999


def _contradictions(name: str) -> list[tuple[str, str]]:
    path = news_pairs_path(name)
    if not path.is_file():
        return []
    return [(p, h) for label, p, h in read_tsv(path) if label == "contradiction"]


def build_cases(
    limit: int, seed: int
) -> tuple[list[Case], list[Case], list[Case], list[Case]]:
    """Generated, hand-written, held-out hand-written (never tuned on) and clean cases."""
    rng = random.Random(seed)
    articles = [a for a in load_articles(DATA / "news" / "cnn_dailymail_dev.jsonl") if len(a) >= 4]
    articles = articles[:limit] if limit else articles
    pairs = _contradictions("news_pairs.tsv")
    heldout_pairs = _contradictions("news_pairs_heldout.tsv")
    generated, planted, heldout, clean = [], [], [], []
    for n, article in enumerate(articles):
        clean.append(Case(list(article), None))
        made = corrupt(article, rng)
        if made:
            generated.append(Case(made[0], made[1]))
        premise, hypothesis = pairs[n % len(pairs)]
        doc, where = plant_pair(article, premise, hypothesis, rng)
        planted.append(Case(doc, where))
        if heldout_pairs:
            premise, hypothesis = heldout_pairs[n % len(heldout_pairs)]
            doc, where = plant_pair(article, premise, hypothesis, random.Random(seed * 1000 + n))
            heldout.append(Case(doc, where))
    return generated, planted, heldout, clean


BINS = (0.5, 0.7, 0.85, 0.9, 0.95, 0.97, 0.99, 1.0)


def reliability(
    corrupted: Sequence[Case], clean: Sequence[Case], threshold: float = 0.5
) -> dict[str, Any]:
    """Reliability of the model's findings: per confidence band, how many findings and what
    share of them is the planted contradiction; and the expected calibration error (ECE, the
    count-weighted gap between mean confidence and that share)."""
    found: list[tuple[float, bool]] = []
    for case in [*corrupted, *clean]:
        for pair, prob in case.scored.items():
            if prob >= threshold and pair not in case.skipped:
                found.append((prob, pair == case.planted))
    rows = []
    ece = 0.0
    for low, high in itertools.pairwise(BINS):
        band = [(p, ok) for p, ok in found if low <= p < high or (high == 1.0 and p == 1.0)]
        if not band:
            continue
        confidence = sum(p for p, _ in band) / len(band)
        precision = sum(1 for _, ok in band if ok) / len(band)
        ece += len(band) / len(found) * abs(confidence - precision)
        rows.append({"band": f"{low:.2f}-{high:.2f}", "findings": len(band),
                     "mean_confidence": round(confidence, 3), "precision": round(precision, 3)})
    return {"findings": len(found), "ece": round(ece, 3), "bands": rows}


def run(
    limit: int = 0,
    seed: int = 7,
    model: Any = None,
    embedder: Any = None,
    params: Params | None = None,
) -> dict[str, Any]:
    from checker.nli.backend import load_embedder, load_nli

    params = params or Params()

    model = model or load_nli({})  # what a check runs (the int8 graph by default)
    embedder = embedder or load_embedder({})
    generated, planted, heldout, clean = build_cases(limit, seed)
    started = time.perf_counter()
    for case in [*generated, *planted, *heldout, *clean]:
        analyse(case, model, embedder, params)
    elapsed = time.perf_counter() - started
    halves: dict[str, Any] = {}
    odd = [c for k, c in enumerate(clean) if k % 2 == 1]
    for name, cases in (
        ("generated", generated),
        ("hand-written pairs", planted),
        ("held-out hand-written pairs", heldout),
    ):
        if not cases:
            continue
        fit = [c for k, c in enumerate(cases) if k % 2 == 0]
        test = [c for k, c in enumerate(cases) if k % 2 == 1]
        fit_clean = [c for k, c in enumerate(clean) if k % 2 == 0]
        test_clean = [c for k, c in enumerate(clean) if k % 2 == 1]
        t = choose_threshold(fit, fit_clean)
        halves[name] = {
            "chosen_on_even": metrics(fit, fit_clean, t),
            "reported_on_odd": metrics(test, test_clean, t),
            "at_default_threshold": metrics(test, test_clean, params.threshold),
        }
    odd_corrupted = [c for cases in (generated, planted, heldout)
                     for k, c in enumerate(cases) if k % 2 == 1]
    return {
        "articles": len(clean),
        "documents_analysed": len(generated) + len(planted) + len(heldout) + len(clean),
        "seconds": round(elapsed, 1),
        "results": halves,
        "reliability_odd_half": reliability(odd_corrupted, odd),
        "reliability_odd_half_held_out_pairs": reliability(
            [c for k, c in enumerate(heldout) if k % 2 == 1], odd
        ),
        "sweep_all_articles": sweep(generated, planted, clean, heldout),
    }


SWEEP = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99)


def sweep(
    generated: Sequence[Case], planted: Sequence[Case], clean: Sequence[Case],
    heldout: Sequence[Case] = (),
) -> list[dict[str, float]]:
    """Recall / precision of both planted sets and clean findings per article, all articles, at
    each of a few thresholds (for choosing the default; the halves above are the honest split)."""
    rows = []
    for t in SWEEP:
        gen, hand = metrics(generated, clean, t), metrics(planted, clean, t)
        rows.append(
            {
                "threshold": t,
                "generated_recall": round(gen["recall"], 3),
                "generated_precision": round(gen["precision"], 3),
                "hand_written_recall": round(hand["recall"], 3),
                "hand_written_precision": round(hand["precision"], 3),
                **({"held_out_recall": round(held["recall"], 3),
                    "held_out_precision": round(held["precision"], 3)}
                   if (held := metrics(heldout, clean, t)) and heldout else {}),
                "clean_findings_per_article": round(gen["clean_findings_per_article"], 3),
                "clean_findings_per_article_without_filter": round(
                    gen["clean_findings_per_article_without_filter"], 3
                ),
            }
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="checker eval documents")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--model", default=None)
    parser.add_argument("--fp32", action="store_true", help="the exact fp32 graphs, not int8")
    parser.add_argument("--both-ways-from", type=float, default=Params().both_ways_from,
                        help="score a pair later-first only from this earlier-first "
                             "p(contradiction) (0: always both ways)")
    args = parser.parse_args(argv)
    if not (DATA / "news" / "cnn_dailymail_dev.jsonl").is_file():
        print("no news data found (looked in ../shared/data); skipped")
        return 0
    from checker.nli.backend import load_embedder, load_nli

    options: dict[str, Any] = {"quantize": False} if args.fp32 else {}
    if args.model:
        options["model"] = args.model
    result = run(args.limit, args.seed, load_nli(options), load_embedder(options),
                 Params(both_ways_from=args.both_ways_from))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
