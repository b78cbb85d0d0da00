"""`make bench` part for the NLI model: quality table, document-level numbers, off-topic
calibration and speed, written to reports/bench-nli.md. Skips what needs absent data."""

from __future__ import annotations

import json
from pathlib import Path

from checker.atomic import write_text


def main() -> int:
    from checker.nli import bench, doceval, evaluate, offtopic_eval
    from checker.nli.datagen import DATA

    parts = ["### NLI pairs", ""]
    rows = evaluate.run(["shipped", "shipped-int8", "aegis"])
    parts.append(evaluate.markdown(rows) if rows else "(no evaluation data found)")
    if (DATA / "news" / "cnn_dailymail_dev.jsonl").is_file():
        for title, result in (
            ("Documents (planted contradictions)", doceval.run()),
            ("Off-topic lines", offtopic_eval.run()),
        ):
            parts += ["", f"### {title}", "", "```json", json.dumps(result, indent=2), "```"]
    parts += ["", "### Speed and memory", "", "```json", json.dumps(bench.run(), indent=2), "```"]
    write_text(Path("reports") / "bench-nli.md", "\n".join(parts) + "\n")
    return 0
