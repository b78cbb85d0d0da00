"""File positions for HTML and JSON Lines input: what finding them costs, and how often they hit.

Reads ``../shared/data/web/pages`` (131 real pages) and ``../shared/data/news`` (the 406
CNN/DM articles as one archive); skips what is absent. In one process, paired per input:
- HTML: ``build_document`` as ``checker check page.html`` runs it (extraction; the offset map is
  built lazily, so a page with no finding pays nothing), then the same plus the map (what a page
  with a finding pays). Hits: the share of extracted words, and of extracted lines' first words,
  whose mapped file offset holds that word.
- JSON Lines: reading the archive's records with and without each record's column map.

    python -m checker.bench.positions [--repeats N]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from checker.atomic import write_text
from checker.document import nonblank_line_spans
from checker.inputs import InputError, build_document
from checker.places import json_text_map
from checker.resources import shared_data_path

_WORD = re.compile(r"\w+")


def _best(fn: Callable[[], object], repeats: int) -> float:
    """Median of ``repeats`` timings of ``fn`` in seconds."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def html_figures(pages: list[Path], repeats: int) -> dict[str, float]:
    base: list[float] = []
    mapped: list[float] = []
    words = words_hit = lines = lines_hit = 0
    for page in pages:
        html = page.read_text(encoding="utf-8", errors="replace")
        try:
            doc = build_document(str(page), html, "html")
        except InputError:
            continue

        def extract_only(html: str = html, page: Path = page) -> object:
            return build_document(str(page), html, "html")

        def extract_and_map(html: str = html, page: Path = page) -> object:
            return build_document(str(page), html, "html").file_span(0, 1)

        base.append(_best(extract_only, repeats))
        mapped.append(_best(extract_and_map, repeats))
        assert doc.place is not None
        offsets = doc.place.offsets
        assert offsets is not None
        for m in _WORD.finditer(doc.text):
            words += 1
            words_hit += html.startswith(m.group(), offsets.start(m.start()))
        for span in nonblank_line_spans(doc.text):
            first = _WORD.search(doc.text, span.start, span.end)
            if first:
                lines += 1
                lines_hit += html.startswith(first.group(), offsets.start(first.start()))
    ratios = [m / b for b, m in zip(base, mapped, strict=True)]
    return {"pages": len(base), "extract_median_ms": 1000 * statistics.median(base),
            "mapped_median_ms": 1000 * statistics.median(mapped),
            "ratio_median": statistics.median(ratios), "extract_total_s": sum(base),
            "mapped_total_s": sum(mapped), "words": words, "word_hits": words_hit / words,
            "lines": lines, "line_hits": lines_hit / lines}


def jsonl_figures(archive: Path, repeats: int) -> dict[str, float]:
    rows = [line for line in archive.read_text(encoding="utf-8").split("\n") if line.strip()]

    def records_only() -> object:
        return [json.loads(line)["text"] for line in rows]

    def with_columns() -> object:
        out = []
        for line in rows:
            text = json.loads(line)["text"]
            out.append((text, json_text_map(line, text)))
        return out

    exact = sum(json_text_map(line, json.loads(line)["text"]) is not None for line in rows)
    base = _best(records_only, repeats)
    mapped = _best(with_columns, repeats)
    return {"records": len(rows), "exact": exact, "base_ms": 1000 * base,
            "mapped_ms": 1000 * mapped, "ratio": mapped / base}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.bench.positions")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv if argv is not None else [])
    out = ["# File positions for HTML and JSON Lines input", ""]
    pages = sorted(shared_data_path("web").glob("pages/*.html"))
    if pages:
        h = html_figures(pages, args.repeats)
        out += [
            f"HTML, {h['pages']:.0f} real pages, median of {args.repeats} runs per page, "
            "paired in one process:", "",
            "| | extraction only (no finding) | extraction + offset map (a finding) |",
            "|---|---:|---:|",
            f"| median per page | {h['extract_median_ms']:.1f} ms | "
            f"{h['mapped_median_ms']:.1f} ms |",
            f"| all pages | {h['extract_total_s']:.2f} s | {h['mapped_total_s']:.2f} s |", "",
            f"Median per-page ratio (with map / without): {h['ratio_median']:.2f}.", "",
            f"Extracted words found at their place in the file: {h['word_hits']:.1%} of "
            f"{h['words']:.0f}; extracted lines whose first word is: {h['line_hits']:.1%} of "
            f"{h['lines']:.0f}.", ""]
    else:
        out += ["HTML: skipped (no web pages in the shared data).", ""]
    archive = shared_data_path("news") / "cnn_dailymail_dev.jsonl"
    if archive.is_file():
        j = jsonl_figures(archive, max(args.repeats, 5))
        out += [
            f"JSON Lines, {j['records']:.0f} records ({archive.name}), median of "
            f"{max(args.repeats, 5)} runs: decoding the records {j['base_ms']:.1f} ms, with "
            f"each record's column map {j['mapped_ms']:.1f} ms (ratio {j['ratio']:.2f}); "
            f"exact column maps for {j['exact']:.0f} of {j['records']:.0f} records.", ""]
    text = "\n".join(out)
    print(text)
    write_text(Path("reports") / "bench-positions.md", text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
