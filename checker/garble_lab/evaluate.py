"""``checker eval garble``: plant one defect per article copy and see what the rules find.

Data: the BBC News 2005 articles (five sections) and the CNN/Daily Mail articles in
``../shared/data/news``. Each article falls in a fixed split by a hash of its id: ``dev`` (a
quarter, the articles the rules were tuned on) or ``test`` (the rest, held out). For every article
of the chosen split and every defect kind the generator (``checker.garble_lab.corrupt``) makes one
corrupted copy; the rules run on it with no model. A planted defect is found when a finding of
that kind's codes overlaps it; a finding of those codes that overlaps nothing planted is a false
alarm. Clean articles (all of them, both splits) give findings per article per section.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from checker.atomic import write_text
from checker.config import Settings
from checker.engine import check_text
from checker.findings import Finding, Severity
from checker.garble_lab.corrupt import GENERATORS, Planted
from checker.resources import shared_data_path

# The codes that answer each planted kind.
KIND_CODES: dict[str, tuple[str, ...]] = {
    "name-misspelling": ("NM101",),
    "entity-swap": ("GB101",),
    "capitalised-function-words": ("GB102",),
    "duplicated-passage": ("GB103",),
    "cms-markup": ("SP105",),
    "reaction-widget": ("SP102",),
    "spun-sentence": ("GB104",),
}
# Kinds only a model finds: planted and scored when ``--model`` is given.
MODEL_KINDS = frozenset({"spun-sentence"})
SOURCES = {"bbc": "bbc_news_2005.jsonl", "cnn": "cnn_dailymail_dev.jsonl"}


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    section: str  # a BBC section, or "cnn"
    text: str


@dataclass
class KindScore:
    kind: str
    planted: int = 0
    found: int = 0
    false_alarms: int = 0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 0.0

    @property
    def precision(self) -> float:
        flagged = self.found + self.false_alarms
        return self.found / flagged if flagged else 1.0


def split_of(article_id: str) -> str:
    return "dev" if zlib.crc32(article_id.encode()) % 4 == 0 else "test"


class DataError(ValueError):
    pass


def load_articles(data: Path) -> list[Article]:
    articles: list[Article] = []
    for source, name in SOURCES.items():
        path = data / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    section = row.get("category", source) if source == "bbc" else "cnn"
                    articles.append(Article(str(row["id"]), str(section), str(row["text"])))
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    raise DataError(f"{path}:{number}: not an article record "
                                    f"({type(exc).__name__}: {exc})") from None
    return articles


def _findings(text: str, name: str, settings: Settings) -> list[Finding]:
    result = check_text(text, f"{name}.txt", "text", settings)
    if result.error is not None:
        raise RuntimeError(result.error)
    return [f for f in result.findings if f.severity >= Severity.WARNING]


def planted_copies(articles: Sequence[Article], kinds: Sequence[str],
                   seed: int = 0) -> Iterator[tuple[Article, Planted]]:
    for article in articles:
        for kind in kinds:
            rng = random.Random(f"{seed}:{article.id}:{kind}")
            planted = GENERATORS[kind](article.text, rng)
            if planted is not None:
                yield article, planted


def score_planted(articles: Sequence[Article], kinds: Sequence[str], seed: int = 0,
                  use_model: bool = False) -> dict[str, KindScore]:
    """All rules run on each copy (one finding per problem: a merge may show another code), with
    no model for the kinds the rules answer; a model kind's copies run the models but not the
    contradiction model, whose own evaluation is ``checker eval documents``."""
    scores = {k: KindScore(k) for k in kinds}
    for article, p in planted_copies(articles, kinds, seed):
        score = scores[p.kind]
        codes = KIND_CODES[p.kind]
        model = use_model and p.kind in MODEL_KINDS
        settings = Settings(use_model=model, ignore=("CT101",) if model else (),
                            select=("", *codes) if model else ("",))  # GB104 is opt-in
        mine = [f for f in _findings(p.text, article.id, settings) if f.code in codes]
        hit = [f for f in mine if f.start < p.end and p.start < f.end]
        score.planted += 1
        if hit:
            score.found += 1
        else:
            score.misses.append(f"{article.id}: {p.detail}")
        for f in mine:
            if f not in hit:
                score.false_alarms += 1
                score.alarms.append(f"{article.id}: {f.code} {p.text[f.start:f.end][:60]!r}")
    return scores


def clean_counts(articles: Sequence[Article], use_model: bool = False,
                 ignore: Sequence[str] = ()) -> tuple[dict[str, list[int]], list[str]]:
    """Findings per clean article by section, and one line per finding for reading."""
    per_section: dict[str, list[int]] = defaultdict(list)
    lines: list[str] = []
    opt_in = tuple(c for k in MODEL_KINDS for c in KIND_CODES[k]) if use_model else ()
    settings = Settings(use_model=use_model, ignore=tuple(ignore), select=("", *opt_in))
    for article in articles:
        found = _findings(article.text, article.id, settings)
        per_section[article.section].append(len(found))
        for f in found:
            context = article.text[max(0, f.start - 40) : f.end + 40].replace("\n", " ")
            lines.append(f"{f.code}\t{article.id}\t{article.text[f.start:f.end][:60]!r}\t"
                         f"…{context}…")
    return per_section, lines


def report(scores: dict[str, KindScore], per_section: dict[str, list[int]], split: str,
           clean_codes: Counter[str], use_model: bool = False, ignore: Sequence[str] = ()) -> str:
    how = "with the models" if use_model else "rules only"
    out = [f"Planted defects, split `{split}` (one defect per corrupted copy, {how}):", "",
           "| defect | codes | planted | found | recall | false alarms | precision |",
           "|---|---|---:|---:|---:|---:|---:|"]
    for s in scores.values():
        out.append(f"| {s.kind} | {', '.join(KIND_CODES[s.kind])} | {s.planted} | {s.found} | "
                   f"{s.recall:.3f} | {s.false_alarms} | {s.precision:.3f} |")
    rules = "all rules" + (f" but {', '.join(ignore)}" if ignore else "")
    out += ["", f"Clean articles, {rules}, {how}, findings at warning or above:", "",
            "| section | articles | findings | per article |", "|---|---:|---:|---:|"]
    for section, counts in sorted(per_section.items()):
        out.append(f"| {section} | {len(counts)} | {sum(counts)} | "
                   f"{sum(counts) / max(1, len(counts)):.3f} |")
    if clean_codes:
        out += ["", "Clean findings by code: " + ", ".join(
            f"{c} {n}" for c, n in sorted(clean_codes.items()))]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="checker eval garble", description=__doc__)
    parser.add_argument("--split", choices=["dev", "test", "all"], default="test")
    parser.add_argument("--kinds", default=None,
                        help="defect kinds, comma separated (default: every kind the run can "
                        "find: without --model, those the rules find)")
    parser.add_argument("--model", action="store_true",
                        help="run the model rules too (GB104's replaced-word detector)")
    parser.add_argument("--ignore", default="",
                        help="codes left out of the clean articles' run, comma separated (the "
                        "contradiction model's clean figures come from `checker eval quiet`)")
    parser.add_argument("--limit", type=int, default=0, help="first N articles of the split")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-clean", action="store_true", help="skip the clean articles")
    parser.add_argument("--show", type=int, default=0,
                        help="print up to N misses, false alarms and clean findings per kind")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--output", type=Path, default=None, help="also write the table here")
    parser.add_argument("--data", type=Path, default=shared_data_path("news"))
    args = parser.parse_args(list(argv) if argv is not None else [])
    kinds = ([k for k in args.kinds.split(",") if k] if args.kinds is not None else
             [k for k in GENERATORS if args.model or k not in MODEL_KINDS])
    ignore = [c for c in args.ignore.split(",") if c]
    unknown = [k for k in kinds if k not in GENERATORS]
    if unknown:
        print(f"unknown defect kind(s) {', '.join(unknown)}; choose from {', '.join(GENERATORS)}",
              file=sys.stderr)
        return 2
    try:
        articles = load_articles(args.data)
    except (DataError, UnicodeDecodeError, OSError) as exc:
        print(f"checker eval garble: {exc}", file=sys.stderr)
        return 2
    if not articles:
        print(f"no evaluation data found in {args.data}; skipped")
        return 0
    chosen = [a for a in articles if args.split == "all" or split_of(a.id) == args.split]
    if args.limit:
        chosen = chosen[: args.limit]
    scores = score_planted(chosen, kinds, args.seed, args.model)
    per_section: dict[str, list[int]] = {}
    clean_lines: list[str] = []
    if not args.no_clean:
        per_section, clean_lines = clean_counts(articles[: args.limit] if args.limit
                                                else articles, args.model, ignore)
    codes = Counter(line.split("\t", 1)[0] for line in clean_lines)
    if args.json:
        print(json.dumps({"split": args.split, "kinds": [
            {**asdict(s), "recall": s.recall, "precision": s.precision,
             "misses": s.misses[: args.show], "alarms": s.alarms[: args.show]}
            for s in scores.values()],
            "clean": {k: {"articles": len(v), "findings": sum(v)}
                      for k, v in per_section.items()}}, indent=2))
        return 0
    table = report(scores, per_section, args.split, codes, args.model, ignore)
    print(table)
    if args.show:
        for s in scores.values():
            for line in s.misses[: args.show]:
                print(f"miss\t{s.kind}\t{line}")
            for line in s.alarms[: args.show]:
                print(f"alarm\t{s.kind}\t{line}")
        for line in clean_lines[: args.show * 4]:
            print(f"clean\t{line}")
    if args.output is not None:
        write_text(args.output, "# Garbled claims on real articles\n\n" + table + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
