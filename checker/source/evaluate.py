"""``checker eval source``: how well the SR rules tell a changed claim from a faithful one.

(a) SummaC (FactCC, Polytope, SummEval in ``../shared/data/summac``): the document is the source,
each claim a one-sentence draft; a claim is called inconsistent when an SR finding at warning or
above is reported. Balanced accuracy per set, and the same claims checked on their own (today's
internal-only checker) to show what ``--source`` adds. The published SummaC-ZS 72.1 and
SummaC-Conv 74.0 are on the benchmark's test cut; the copies here are partly its validation cut,
so the comparison is indicative only.

(b) Pairs made from the 406 CNN/Daily Mail articles (``checker.source.pairgen``): findings per
faithful rewrite, and per kind of corruption the recall (an SR finding on the changed sentence)
and the precision of each SR rule on the corrupted copies. A third of the articles ("dev") was
used for tuning; the figures to quote are the held-out ones.

Usage: checker eval source [--part summac|pairs|all] [--split held-out|dev|all] [--limit N]
                           [--no-model] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from checker.config import Settings
from checker.engine import check_text
from checker.findings import Finding, Severity
from checker.inputs import build_document
from checker.modelhub import ModelHub
from checker.resources import shared_data_path
from checker.source.pairgen import KINDS, make_pair, read_articles, split_of

SUMMAC_SETS = ("factcc", "polytope", "summeval")
PUBLISHED = "SummaC-ZS 72.1, SummaC-Conv 74.0 (test cut)"
INTENDED = {"inverted": ("SR101", "SR102"), "negation": ("SR101", "SR102"),
            "number": ("SR105",), "name": ("SR104",), "quote": ("SR107",), "title": ("SR106",)}


def _settings(use_model: bool, opt_in: bool = False) -> Settings:
    """The SR rules as shipped; ``opt_in`` adds those off by default (SR102)."""
    from checker.rules import all_rules

    codes = tuple(r.code for r in all_rules()
                  if r.code.startswith("SR") and (opt_in or r.enabled_by_default))
    return replace(Settings(), select=codes, use_model=use_model)


def _source_findings(draft: str, source: str, settings: Settings, hub: ModelHub) -> list[Finding]:
    src = build_document("source.txt", source)
    result = check_text(draft, "draft.txt", "text", settings, hub, sources=(src,))
    return [f for f in result.findings if f.code.startswith("SR")]


def balanced_accuracy(gold_bad: Sequence[bool], said_bad: Sequence[bool]) -> float:
    pos = [s for g, s in zip(gold_bad, said_bad, strict=True) if g]
    neg = [not s for g, s in zip(gold_bad, said_bad, strict=True) if not g]
    tpr = sum(pos) / len(pos) if pos else 0.0
    tnr = sum(neg) / len(neg) if neg else 0.0
    return (tpr + tnr) / 2


def _flagged(gold_bad: Sequence[bool], said_bad: Sequence[bool]) -> str:
    bad = sum(1 for g in gold_bad if g)
    good = len(gold_bad) - bad
    hits = sum(1 for g, s in zip(gold_bad, said_bad, strict=True) if g and s)
    false = sum(1 for g, s in zip(gold_bad, said_bad, strict=True) if s and not g)
    return f"{hits}/{bad} · {false}/{good}"


@dataclass
class SummacRow:
    name: str
    claims: int
    with_source: float
    with_source_info: float
    internal_only: float
    seconds: float
    with_opt_in: float | None = None
    flagged: str = ""  # inconsistent and consistent claims flagged (warning or above)


def summac(use_model: bool, limit: int, opt_in: bool = False) -> list[SummacRow]:
    rows = []
    hub = ModelHub()
    sr = _settings(use_model)
    extra = _settings(use_model, opt_in=True) if opt_in and use_model else None
    internal = replace(Settings(), use_model=use_model)
    for name in SUMMAC_SETS:
        path = shared_data_path("summac", f"{name}.json")
        if not path.is_file():
            continue
        items = list(json.loads(path.read_text(encoding="utf-8")).values())
        items = items[:limit] if limit else items
        gold, warn, info, alone, more = [], [], [], [], []
        started = time.perf_counter()
        for item in items:
            found = _source_findings(item["claim"], item["document"], sr, hub)
            gold.append(int(item["label"]) == 0)
            warn.append(any(f.severity >= Severity.WARNING for f in found))
            info.append(bool(found))
            if extra is not None:
                also = _source_findings(item["claim"], item["document"], extra, hub)
                more.append(any(f.severity >= Severity.WARNING for f in also))
            own = check_text(item["claim"], "claim.txt", "text", internal, hub).findings
            alone.append(any(f.severity >= Severity.WARNING for f in own))
        rows.append(SummacRow(name, len(items), balanced_accuracy(gold, warn),
                              balanced_accuracy(gold, info), balanced_accuracy(gold, alone),
                              time.perf_counter() - started,
                              balanced_accuracy(gold, more) if more else None,
                              _flagged(gold, warn)))
    return rows


@dataclass
class PairScores:
    articles: int = 0
    faithful_findings: int = 0  # at warning or above
    faithful_info: int = 0
    faithful_flagged: int = 0  # faithful rewrites with any finding at warning or above
    planted: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    caught_by_rule: Counter[str] = field(default_factory=Counter)
    rule_hits: Counter[str] = field(default_factory=Counter)  # findings on a changed sentence
    rule_all: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    misses: list[dict[str, str]] = field(default_factory=list)


def pairs(use_model: bool, split: str, limit: int, opt_in: bool = False) -> PairScores:
    path = shared_data_path("news", "cnn_dailymail_dev.jsonl")
    scores = PairScores()
    if not path.is_file():
        return scores
    hub = ModelHub()
    settings = _settings(use_model, opt_in)
    started = time.perf_counter()
    for article_id, text in read_articles(path):
        if split != "all" and split_of(article_id) != split:
            continue
        if limit and scores.articles >= limit:
            break
        pair = make_pair(article_id, text)
        scores.articles += 1
        clean = _source_findings(pair.faithful, pair.source, settings, hub)
        warn = [f for f in clean if f.severity >= Severity.WARNING]
        scores.faithful_findings += len(warn)
        scores.faithful_info += len(clean) - len(warn)
        scores.faithful_flagged += bool(warn)
        found = [f for f in _source_findings(pair.corrupted, pair.source, settings, hub)
                 if f.severity >= Severity.WARNING]
        for f in found:
            scores.rule_all[f.code] += 1
            if any(c.start <= f.start < c.end or f.start <= c.start < f.end
                   for c in pair.corruptions):
                scores.rule_hits[f.code] += 1
        for c in pair.corruptions:
            scores.planted[c.kind] += 1
            on = [f for f in found if f.start < c.end and c.start < f.end]
            if on:
                scores.caught[c.kind] += 1
            if any(f.code in INTENDED[c.kind] for f in on):
                scores.caught_by_rule[c.kind] += 1
            elif len(scores.misses) < 400:
                scores.misses.append({"id": article_id, "kind": c.kind, "before": c.before,
                                      "after": c.after})
    scores.seconds = time.perf_counter() - started
    return scores


def markdown(rows: list[SummacRow], scores: PairScores, split: str, use_model: bool,
             opt_in: bool = False) -> str:
    out = [f"# checker eval source ({'with' if use_model else 'without'} the model)", ""]
    if opt_in:
        out += ["SR rules off by default (SR102) included.", ""]
    if rows:
        out += ["## SummaC: document = source, claim = draft (balanced accuracy)", "",
                "| set | claims | --source (warning+) | flagged: inconsistent · consistent "
                "| --source (any SR) | + SR102 (opt-in) | internal only | s |",
                "|---|---|---|---|---|---|---|---|"]
        out += [f"| {r.name} | {r.claims} | {r.with_source:.3f} | {r.flagged} | "
                f"{r.with_source_info:.3f} | "
                f"{'—' if r.with_opt_in is None else f'{r.with_opt_in:.3f}'} | "
                f"{r.internal_only:.3f} | {r.seconds:.0f} |" for r in rows]
        out += ["", f"Published: {PUBLISHED}; the copies here are partly the validation cut, "
                "so the comparison is indicative.", ""]
    if scores.articles:
        n = scores.articles
        out += [f"## CNN/DM pairs, split {split}: {n} articles ({scores.seconds:.0f} s)", "",
                f"Faithful rewrites: {scores.faithful_findings / n:.3f} findings at warning or "
                f"above per article ({scores.faithful_flagged} of {n} flagged); "
                f"{scores.faithful_info / n:.3f} info findings per article.", "",
                "| kind | planted | recall (any SR finding) | recall (intended rule) |",
                "|---|---|---|---|"]
        for kind in KINDS:
            p = scores.planted[kind]
            if p:
                out.append(f"| {kind} | {p} | {scores.caught[kind] / p:.3f} | "
                           f"{scores.caught_by_rule[kind] / p:.3f} |")
        out += ["", "| rule | findings on corrupted copies | on a changed sentence | precision |",
                "|---|---|---|---|"]
        for code in sorted(scores.rule_all):
            a, h = scores.rule_all[code], scores.rule_hits[code]
            out.append(f"| {code} | {a} | {h} | {h / a:.3f} |")
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="checker eval source")
    parser.add_argument("--part", choices=["summac", "pairs", "all"], default="all")
    parser.add_argument("--split", choices=["held-out", "dev", "all"], default="held-out")
    parser.add_argument("--limit", type=int, default=0, help="first N items of each set")
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument("--opt-in", action="store_true",
                        help="also run the SR rules that are off by default (SR102)")
    parser.add_argument("--out", type=Path, default=None, help="also write the table here")
    parser.add_argument("--misses", type=Path, default=None, help="write missed changes (JSON)")
    args = parser.parse_args(argv)
    use_model = not args.no_model
    rows = summac(use_model, args.limit, args.opt_in) if args.part in ("summac", "all") else []
    scores = pairs(use_model, args.split, args.limit, args.opt_in) \
        if args.part in ("pairs", "all") else PairScores()
    if not rows and not scores.articles:
        print("no evaluation data found (looked in ../shared/data); skipped")
        return 0
    table = markdown(rows, scores, args.split, use_model, args.opt_in and args.part == "pairs")
    print(table, end="")
    if args.out:
        from checker.atomic import write_text

        write_text(str(args.out), table)
    if args.misses:
        args.misses.write_text(json.dumps(scores.misses, indent=1), encoding="utf-8")
    return 0
