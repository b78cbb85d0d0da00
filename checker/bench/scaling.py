"""Contradiction check with the model on long documents: pairs scored and wall time by length.

Long documents are made of real BBC articles (``../shared/data/news/bbc_news_2005.jsonl``) put one
after another until the target word count is reached (500, 2,000, 8,000 and 20,000 words, plus
10,000 for the target). Each is checked in this process with the contradiction rules (CT1xx) and
the shipped model, warm (models loaded before timing), best of ``--repeat`` runs. The figure to
beat is flat milliseconds per sentence: the previous pair budget (5% of all pairs) grew with the
square of the length (a 10,000-word page took 5 min 35 s). Skips without the data.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker.atomic import write_text
from checker.resources import shared_data_path

REPORT = Path("reports") / "bench-scaling.md"
SIZES = (500, 2000, 8000, 10000, 20000)


def long_document(words: int) -> str:
    """Whole BBC articles in file order until ``words`` words (the last cut at a paragraph)."""
    path = shared_data_path("news", "bbc_news_2005.jsonl")
    paragraphs: list[str] = []
    count = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for para in json.loads(line)["text"].split("\n\n"):
                n = len(para.split())
                if count + n > words and count:
                    return "\n\n".join(paragraphs) + "\n"
                paragraphs.append(para.strip())
                count += n
    return "\n\n".join(paragraphs) + "\n"


def check_once(text: str, hub: Any, nli: dict[str, Any] | None = None) -> tuple[float, int, int]:
    """(seconds, sentences, pairs scored) for one contradiction check."""
    from checker.config import Settings
    from checker.inputs import build_document
    from checker.rules.base import Context
    from checker.rules.contradiction import ModelContradiction

    settings = Settings(select=("CT101",), nli=nli or {})
    doc = build_document("long.txt", text, "text")
    ctx = Context(settings=settings, models=hub)
    started = time.perf_counter()
    list(ModelContradiction().check(doc, ctx))
    return time.perf_counter() - started, len(doc.sentences), int(ctx.cache["nli.pairs-scored"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.bench.scaling")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    args = parser.parse_args(argv)
    if not shared_data_path("news", "bbc_news_2005.jsonl").is_file():
        print("no BBC data (../shared/data/news); skipped")
        return 0
    from checker.modelhub import ModelHub

    hub = ModelHub({})
    check_once("The model is loaded once. It is loaded before timing.\n", hub)
    rows = []
    for words in (int(x) for x in args.sizes.split(",")):
        text = long_document(words)
        runs = [check_once(text, hub) for _ in range(args.repeat)]
        seconds = min(r[0] for r in runs)
        _, sentences, pairs = runs[0]
        rows.append({
            "words": len(text.split()), "sentences": sentences, "pairs": pairs,
            "seconds": seconds, "ms_per_sentence": 1000 * seconds / max(1, sentences),
            "median": statistics.median(r[0] for r in runs),
        })
        print(json.dumps(rows[-1]), flush=True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        "Contradiction rules with the model, warm, one process (best of "
        f"{args.repeat}; median beside it). Peak RSS of the process: {rss:.0f} MB.",
        "",
        "| words | sentences | pairs scored | pairs per sentence | seconds (best) | median | "
        "ms per sentence |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['words']:,} | {r['sentences']} | {r['pairs']} | "
            f"{r['pairs'] / max(1, r['sentences']):.2f} | {r['seconds']:.2f} | "
            f"{r['median']:.2f} | {r['ms_per_sentence']:.1f} |"
        )
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    write_text(REPORT, "\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
