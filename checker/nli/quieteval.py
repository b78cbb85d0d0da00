"""Quiet on clean text: contradiction findings per clean real article, by corpus and section.

Runs the contradiction rules (CT1xx) through the real engine path (``build_document`` →
``check_document``) on every article of:

- ``news/bbc_news_2005.jsonl`` (2,223 BBC articles, five sections; each reported by half, since
  the second training stage (``indoc.py``) saw pairs from the even-numbered half),
- ``news/cnn_dailymail_dev.jsonl`` (406 CNN / Daily Mail articles),
- ``web/pages/*.html`` (131 real web pages, extracted the way ``checker check page.html`` does),
- optionally a folder of list-like real pages (``--genres DIR``: one ``.txt`` per page, in a
  subfolder per genre; ``# source:`` header lines are dropped), collected by the team and kept
  outside the repository because the text is not ours.

Every article here is untouched real text, so every finding is taken as a false alarm. Model
scores are cached on disk by sentence pair with ``--cache`` so that changes to pair selection are
measured without re-scoring what was scored before; the file names the model whose scores it
holds, and another model's run keeps only its embeddings.

Usage: python -m checker.nli.quieteval [--limit N] [--cache FILE] [--genres DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from checker.config import Settings
from checker.nli.cache import CachingHub
from checker.resources import shared_data_path


def _jsonl(path: Path, limit: int) -> Iterator[tuple[str, str, str]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit and n >= limit:
                break
            rec = json.loads(line)
            yield rec.get("category", "cnn"), rec["id"], rec["text"]


def _half(index: int) -> str:
    """Which half of a corpus the second training stage (indoc.py) saw."""
    from checker.nli.indoc import held_out

    return " (held out)" if held_out(index) else " (trained on)"


def corpora(limit: int, genres: Path | None) -> Iterator[tuple[str, str, str, str]]:
    """(corpus, name, text, kind) for every clean document available."""
    bbc = shared_data_path("news", "bbc_news_2005.jsonl")
    if bbc.is_file():
        # the BBC file is ordered by section: read it all, then take ``limit`` per section
        per: Counter[str] = Counter()
        for section, ident, text in _jsonl(bbc, 0):
            k = per[section]
            per[section] += 1
            if not limit or k < limit:
                yield f"bbc/{section}{_half(k)}", ident, text, "text"
    cnn = shared_data_path("news", "cnn_dailymail_dev.jsonl")
    if cnn.is_file():
        for _, ident, text in _jsonl(cnn, limit):
            yield "cnn", ident, text, "text"
    pages = shared_data_path("web", "pages")
    if pages.is_dir():
        for n, page in enumerate(sorted(pages.glob("*.html"))):
            if limit and n >= limit:
                break
            text = page.read_text(encoding="utf-8", errors="replace")
            yield f"web{_half(n)}", page.name, text, "html"
    if genres is not None and genres.is_dir():
        for page in sorted(genres.glob("*/*.txt")):
            lines = page.read_text(encoding="utf-8").splitlines()
            body = "\n".join(x for x in lines if not x.startswith("# source:")).strip()
            yield f"genre/{page.parent.name}", page.name, body, "text"


def load_cache(cache_file: Path | None, scorer: str) -> dict[str, Any]:
    """The score and embedding cache of ``cache_file``, for the model named ``scorer``: a file
    made with another model keeps its embeddings (one embedder) and drops its scores."""
    store: dict[str, Any] = {"nli": {}, "emb": {}, "scorer": scorer}
    if cache_file is None or not cache_file.is_file():
        return store
    with cache_file.open("rb") as fh:
        found: dict[str, Any] = pickle.load(fh)
    if found.get("scorer", "shipped") == scorer:
        return found
    print(f"{cache_file}: scores of {found.get('scorer', 'shipped')!r}, not {scorer!r}; "
          "scoring afresh", file=sys.stderr)
    return {**store, "emb": found.get("emb", {})}


def run(limit: int, cache_file: Path | None, genres: Path | None,
        settings: Settings | None = None, model: str | None = None,
        threshold: float | None = None, fp32: bool = False,
        both_ways_from: float | None = None, skip_unlikely: bool = True) -> dict[str, Any]:
    from checker.engine import check_document
    from checker.inputs import InputError, build_document

    store = load_cache(cache_file, f"{model or 'shipped'}{' fp32' if fp32 else ''}")
    options: dict[str, Any] = {"model": model} if model else {}
    if fp32:
        options["quantize"] = False
    if threshold is not None:
        options["threshold"] = threshold
    if both_ways_from is not None:
        options["both-ways-from"] = both_ways_from
    if not skip_unlikely:
        options["skip-unlikely"] = False
    hub = CachingHub(options, store["nli"], store["emb"])
    nli = hub.get("nli")
    settings = settings or Settings(select=("CT1",), nli=options)
    per_doc: dict[str, list[int]] = defaultdict(list)
    scores: dict[str, list[list[float]]] = defaultdict(list)  # CT101 confidences, per document
    codes: dict[str, Counter[str]] = defaultdict(Counter)
    worst: list[tuple[int, str, str]] = []
    samples: list[dict[str, Any]] = []
    started = time.perf_counter()
    for corpus, ident, text, kind in corpora(limit, genres):
        try:
            doc = build_document(ident, text, kind)
        except InputError:
            continue
        findings = check_document(doc, settings, models=hub)
        per_doc[corpus].append(len(findings))
        scores[corpus].append([f.confidence or 0.0 for f in findings if f.code == "CT101"])
        codes[corpus].update(f.code for f in findings)
        worst.append((len(findings), corpus, ident))
        for f in findings[:3]:
            earlier = f.related[0] if f.related else None
            samples.append({
                "corpus": corpus, "doc": ident, "code": f.code, "confidence": f.confidence,
                "later": doc.text[f.start:f.end][:160],
                "earlier": doc.text[earlier.start:earlier.end][:160] if earlier else "",
            })
    elapsed = time.perf_counter() - started
    if cache_file is not None:
        with cache_file.open("wb") as fh:
            pickle.dump(store, fh)
    table = []
    for corpus in sorted(per_doc):
        counts = per_doc[corpus]
        table.append({
            "corpus": corpus,
            "articles": len(counts),
            "findings_per_article": round(sum(counts) / max(1, len(counts)), 3),
            "articles_with_findings": sum(1 for c in counts if c),
            "articles_over_2": sum(1 for c in counts if c > 2),
            "max": max(counts, default=0),
            "median": statistics.median(counts) if counts else 0,
            "codes": dict(codes[corpus]),
        })
    worst.sort(reverse=True)
    return {
        "seconds": round(elapsed, 1),
        "pairs_newly_scored": nli.scored,
        "table": table,
        "worst": [{"findings": n, "corpus": c, "doc": d} for n, c, d in worst[:15] if n],
        "ct101_confidences": dict(scores),
        "samples": samples,
    }


def format_table(result: dict[str, Any]) -> str:
    head = "| corpus | articles | findings/article | with any | over 2 | max |"
    rows = [head, "|---|---|---|---|---|---|"]
    for r in result["table"]:
        rows.append(
            f"| {r['corpus']} | {r['articles']} | {r['findings_per_article']:.3f} | "
            f"{r['articles_with_findings']} | {r['articles_over_2']} | {r['max']} |"
        )
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="checker eval quiet", description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="articles per corpus/section")
    parser.add_argument("--cache", type=Path, default=None, help="model score cache (pickle)")
    parser.add_argument("--genres", type=Path, default=None, help="folder of list-like pages")
    parser.add_argument("--json", type=Path, default=None, help="write the full result here")
    parser.add_argument("--model", default=None, help="an NLI checkpoint folder (default: shipped)")
    parser.add_argument("--threshold", type=float, default=None,
                        help="CT101 threshold (the JSON keeps every CT101 confidence, for sweeps)")
    parser.add_argument("--fp32", action="store_true",
                        help="the exact fp32 graphs instead of the int8 default")
    parser.add_argument("--both-ways-from", type=float, default=None,
                        help="CT101: score a pair later-first only from this earlier-first "
                             "p(contradiction) (0: always both ways)")
    parser.add_argument("--no-filter", action="store_true",
                        help="also send restatements and parallel list items to the model "
                             "(what the filter saves on clean text)")
    args = parser.parse_args(argv)
    if not shared_data_path("news").is_dir():
        print("no news data found (looked in ../shared/data); skipped")
        return 0
    result = run(args.limit, args.cache, args.genres, model=args.model,
                 threshold=args.threshold, fp32=args.fp32, both_ways_from=args.both_ways_from,
                 skip_unlikely=not args.no_filter)
    print(format_table(result))
    print(f"\n{result['seconds']} s, {result['pairs_newly_scored']} pairs newly scored")
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
