"""Calibrate and measure the off-topic rule on the 406 real CNN/DM articles.

Quiet: every sentence of every untouched article is treated as its own line (harsher than real
use, where a paragraph is the unit), and we count lines flagged. Caught: a sentence from another,
randomly chosen article is inserted into each article, and we count how often it is flagged.

Usage: python -m checker.nli.offtopic_eval [--limit N]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from typing import Any

from checker.nli.datagen import DATA, load_articles
from checker.nli.offtopic import OffTopicParams, off_topic


def run(limit: int = 0, seed: int = 5, embedder: Any = None) -> dict[str, Any]:
    from checker.nli.backend import MiniLMEmbedder

    embedder = embedder or MiniLMEmbedder()
    rng = random.Random(seed)
    articles = [a for a in load_articles(DATA / "news" / "cnn_dailymail_dev.jsonl") if len(a) >= 4]
    articles = articles[:limit] if limit else articles
    grid = [(s, g) for s in (0.05, 0.08, 0.10, 0.12, 0.15) for g in (0.15, 0.20, 0.25, 0.30)]
    false_lines = dict.fromkeys(grid, 0)
    caught = dict.fromkeys(grid, 0)
    lines = 0
    for k, article in enumerate(articles):
        other = articles[(k + rng.randint(1, len(articles) - 1)) % len(articles)]
        intruder = rng.choice(other)
        position = rng.randint(1, len(article))
        injected = [*article[:position], intruder, *article[position:]]
        clean_vectors = embedder.encode(article)
        injected_vectors = embedder.encode(injected)
        lines += len(article)
        for s, g in grid:
            params = OffTopicParams(max_similarity=s, min_gap=g)
            false_lines[(s, g)] += len(off_topic(article, clean_vectors, params))
            flagged = {i for i, _ in off_topic(injected, injected_vectors, params)}
            caught[(s, g)] += position in flagged
    return {
        "articles": len(articles),
        "lines": lines,
        "grid": [
            {
                "max_similarity": s,
                "min_gap": g,
                "false_lines_per_article": false_lines[(s, g)] / len(articles),
                "injected_caught": caught[(s, g)] / len(articles),
            }
            for s, g in grid
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
