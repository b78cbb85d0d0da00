"""Spam rules against real web pages with boilerplate gold (trafilatura's evaluation set).

Reads ``../shared/data/web/`` (Apache-2.0, see its LICENSE.trafilatura); skips when absent.
For each page the article text is extracted the way ``checker check page.html`` does, then:
- of the ``without`` strings (boilerplate) that survive extraction, how many a spam finding covers;
- of the ``with`` strings (article text), how many a spam finding wrongly covers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from checker.atomic import write_text
from checker.config import Settings, with_cli
from checker.engine import check_document
from checker.inputs import InputError, load_document
from checker.resources import shared_data_path

DATA = shared_data_path("web")


def _covered(text: str, needle: str, spans: list[tuple[int, int]]) -> bool | None:
    at = text.find(needle)
    if at < 0:
        return None
    return any(a <= at < b or a < at + len(needle) <= b for a, b in spans)


def evaluate(data: Path = DATA) -> dict[str, float]:
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    settings = with_cli(Settings(select=("SP",)), use_model=False)
    survived = flagged = with_total = with_flagged = pages = errors = 0
    for entry in gold.values():
        page = data / "pages" / entry["file"]
        if not page.is_file():
            continue
        try:
            doc = load_document(str(page), page.read_bytes(), 50_000_000, kind="html")
        except InputError:
            errors += 1
            continue
        pages += 1
        spans = [(f.start, f.end) for f in check_document(doc, settings)]
        for needle in entry.get("without", []):
            hit = _covered(doc.text, needle, spans)
            if hit is not None:
                survived += 1
                flagged += int(hit)
        for needle in entry.get("with", []):
            hit = _covered(doc.text, needle, spans)
            if hit is not None:
                with_total += 1
                with_flagged += int(hit)
    return {"pages": pages, "unreadable": errors, "without_surviving": survived,
            "without_flagged": flagged, "with_found": with_total, "with_flagged": with_flagged}


def main() -> int:
    if not (DATA / "gold.json").is_file():
        print(f"skipped: {DATA} is not present")
        return 0
    r = evaluate()
    table = "\n".join([
        "| pages | boilerplate strings surviving extraction | of those flagged | "
        "article strings found | of those wrongly flagged |",
        "|---:|---:|---:|---:|---:|",
        f"| {r['pages']} | {r['without_surviving']} | {r['without_flagged']} | "
        f"{r['with_found']} | {r['with_flagged']} |",
    ])
    print(table)
    write_text(Path("reports") / "bench-spam-web.md", "# Spam rules on real web pages\n\n"
               + table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
