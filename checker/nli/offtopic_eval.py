"""Calibrate and measure the off-topic rule on the 406 real CNN/DM articles.

Quiet: every sentence of every untouched article is treated as its own line (harsher than real
use: the articles have no line breaks, so the rule itself sees nothing to compare), and we count
lines flagged. Caught: a sentence from another, randomly chosen article is inserted into each
article, once as a sentence and once with its closing punctuation removed (as a headline would
be), and we count how often it is flagged.

Usage: python -m checker.nli.offtopic_eval [--limit N]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from typing import Any

import numpy as np

from checker.nli.datagen import DATA, load_articles
from checker.nli.offtopic import OffTopicParams, off_topic


def run(limit: int = 0, seed: int = 5, embedder: Any = None) -> dict[str, Any]:
    from checker.nli.backend import MiniLMEmbedder

    embedder = embedder or MiniLMEmbedder()
    rng = random.Random(seed)
    articles = [a for a in load_articles(DATA / "news" / "cnn_dailymail_dev.jsonl") if len(a) >= 4]
    articles = articles[:limit] if limit else articles
    grid = [(h, s) for h in (0.08, 0.10, 0.12, 0.15) for s in (0.02, 0.03, 0.05)]
    false_lines = dict.fromkeys(grid, 0)
    caught_sentence = dict.fromkeys(grid, 0)
    caught_headline = dict.fromkeys(grid, 0)
    lines = 0
    for k, article in enumerate(articles):
        other = articles[(k + rng.randint(1, len(articles) - 1)) % len(articles)]
        intruder = rng.choice(other)
        headline = intruder.rstrip(" .!?\"'\u201d")
        position = rng.randint(1, len(article))
        with_sentence = [*article[:position], intruder, *article[position:]]
        with_headline = [*article[:position], headline, *article[position:]]
        vectors = embedder.encode([*article, intruder, headline])
        clean_vectors = vectors[: len(article)]
        sentence_vectors = np.insert(clean_vectors, position, vectors[len(article)], axis=0)
        headline_vectors = np.insert(clean_vectors, position, vectors[len(article) + 1], axis=0)
        lines += len(article)
        for h, s in grid:
            params = OffTopicParams(max_similarity=h, max_similarity_sentence=s)
            false_lines[(h, s)] += len(off_topic(article, clean_vectors, params))
            found = {i for i, _ in off_topic(with_sentence, sentence_vectors, params)}
            caught_sentence[(h, s)] += position in found
            found = {i for i, _ in off_topic(with_headline, headline_vectors, params)}
            caught_headline[(h, s)] += position in found
    n = len(articles)
    return {
        "articles": n,
        "lines": lines,
        "grid": [
            {
                "headline_max_similarity": h,
                "sentence_max_similarity": s,
                "false_lines_per_article": round(false_lines[(h, s)] / n, 4),
                "injected_sentence_caught": round(caught_sentence[(h, s)] / n, 3),
                "injected_headline_caught": round(caught_headline[(h, s)] / n, 3),
            }
            for h, s in grid
        ],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="checker eval off-topic")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    if not (DATA / "news" / "cnn_dailymail_dev.jsonl").is_file():
        print("no news data found (looked in ../shared/data); skipped")
        return 0
    print(json.dumps(run(args.limit), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
