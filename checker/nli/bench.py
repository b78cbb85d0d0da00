"""Speed and memory of the model rules, the way a user meets them: the seed article through the
engine (cold, then warm), the 406 CNN/DM articles' throughput, pairs scored against all pairs,
and peak resident memory.

Usage: python -m checker.nli.bench [--articles N]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker.config import Settings
from checker.engine import check_text
from checker.modelhub import ModelHub
from checker.nli.datagen import DATA

SELECT = ("CT", "SP110")


def seed_path() -> Path:
    return Path(__file__).resolve().parents[2] / "seeds" / "niger-withdrawal.txt"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(articles: int = 406) -> dict[str, Any]:
    settings = Settings(select=SELECT)
    hub = ModelHub(settings.nli)
    text = seed_path().read_text(encoding="utf-8")
    started = time.perf_counter()
    first = check_text(text, "seed.txt", settings=settings, models=hub)
    cold = time.perf_counter() - started
    warm_times = []
    for _ in range(3):
        started = time.perf_counter()
        check_text(text, "seed.txt", settings=settings, models=hub)
        warm_times.append(time.perf_counter() - started)
    doc = first.document
    seed_findings = [
        {
            "code": f.code,
            "line": doc.line_col(f.start)[0] if doc else None,
            "related_line": doc.line_col(f.related[0].start)[0] if doc and f.related else None,
            "confidence": f.confidence,
        }
        for f in first.findings
    ]
    result: dict[str, Any] = {
        "seed_cold_s": round(cold, 2),
        "seed_warm_s": round(min(warm_times), 3),
        "seed_findings": seed_findings,
    }
    news = DATA / "news" / "cnn_dailymail_dev.jsonl"
    if articles and news.is_file():
        rows = [json.loads(line) for line in news.read_text(encoding="utf-8").splitlines()]
        rows = rows[:articles]
        started = time.perf_counter()
        contradictions = 0
        offtopic = 0
        for row in rows:
            found = check_text(str(row["text"]), "a.txt", settings=settings, models=hub).findings
            contradictions += sum(f.code.startswith("CT") for f in found)
            offtopic += sum(f.code == "SP110" for f in found)
        elapsed = time.perf_counter() - started
        result.update(
            {
                "articles": len(rows),
                "articles_per_s": round(len(rows) / elapsed, 2),
                "contradiction_findings_per_article": round(contradictions / len(rows), 3),
                "offtopic_findings_per_article": round(offtopic / len(rows), 3),
            }
        )
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="checker bench nli")
    parser.add_argument("--articles", type=int, default=406)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.articles), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
