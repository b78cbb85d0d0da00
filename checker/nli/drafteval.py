"""Does the command line keep what the model finds? Hand-written pairs as two-paragraph drafts.

Each pair of a hand-written set (``models/eval/news_pairs.tsv`` by default) becomes a draft of
two paragraphs, premise then hypothesis, checked through the engine with the contradiction rules
(CT1xx) exactly as ``checker check`` would. The same pairs are scored by the model alone (the
larger contradiction probability of both directions, at the rule's threshold). Recall and
precision of both are reported side by side: the gap is what pair selection and the filters in
front of the model cost. The pairs behind the command line's false alarms and misses are listed,
for reading.

Usage: python -m checker.nli.drafteval [--pairs FILE] [--threshold T]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker.config import Settings


def _prf(flags: Sequence[bool], gold: Sequence[bool]) -> dict[str, float]:
    tp = sum(1 for f, g in zip(flags, gold, strict=True) if f and g)
    fp = sum(1 for f, g in zip(flags, gold, strict=True) if f and not g)
    positives = sum(gold)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / positives if positives else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "tp": tp, "fp": fp}


def run(pairs: Sequence[tuple[str, str, str]], threshold: float | None = None,
        hub: Any = None, skip_unlikely: bool = True) -> dict[str, Any]:
    from checker.engine import check_document
    from checker.inputs import build_document
    from checker.modelhub import ModelHub
    from checker.nli.backend import CONTRADICTION
    from checker.nli.contradict import Params

    t = Params().threshold if threshold is None else threshold
    hub = hub or ModelHub({})
    settings = Settings(
        select=("CT1",), nli={**hub.options, "threshold": t, "skip-unlikely": skip_unlikely}
    )
    model = hub.get("nli")
    gold = [label == "contradiction" for label, _, _ in pairs]
    batch = [(p, h) for _, p, h in pairs] + [(h, p) for _, p, h in pairs]
    probs = [r[CONTRADICTION] for r in model.predict(batch)]
    n = len(pairs)
    alone = [max(probs[k], probs[n + k]) >= t for k in range(n)]
    through: list[bool] = []
    lost: list[dict[str, Any]] = []
    alarms: list[dict[str, Any]] = []
    missed: list[dict[str, Any]] = []
    for k, (label, premise, hypothesis) in enumerate(pairs):
        doc = build_document(f"pair-{k}.txt", f"{premise}\n\n{hypothesis}\n", "text")
        found = [f for f in check_document(doc, settings, models=hub) if f.category in
                 {"contradiction", "number"}]
        through.append(bool(found))
        model_p = round(max(probs[k], probs[n + k]), 3)
        if found and not gold[k]:
            alarms.append({"label": label, "premise": premise, "hypothesis": hypothesis,
                           "codes": sorted({f.code for f in found}), "model": model_p})
        if gold[k] and not found:
            missed.append({"premise": premise, "hypothesis": hypothesis, "model": model_p})
        if alone[k] and not found:
            lost.append({"label": label, "premise": premise, "hypothesis": hypothesis,
                         "model": model_p})
    return {
        "pairs": n,
        "threshold": t,
        "model_alone": _prf(alone, gold),
        "through_cli": _prf(through, gold),
        "false_alarms_by_label": {
            name: sum(1 for a in alarms if a["label"] == name) for name in ("entailment", "neutral")
        },
        "false_alarms_through_cli": alarms,
        "contradictions_missed_through_cli": missed,
        "found_by_model_lost_by_cli": lost,
        "found_by_cli_not_model": [
            {"label": pairs[k][0], "premise": pairs[k][1], "hypothesis": pairs[k][2]}
            for k in range(n) if through[k] and not alone[k]
        ],
    }


def main(argv: Sequence[str] | None = None) -> int:
    from checker.nli.evaluate import news_pairs_path, read_tsv

    parser = argparse.ArgumentParser(prog="checker eval drafts", description=__doc__)
    parser.add_argument("--pairs", type=Path, default=None, help="label/premise/hypothesis TSV")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--model", default=None, help="an NLI checkpoint folder (default: shipped)")
    parser.add_argument("--no-filter", action="store_true",
                        help="also send restatements and parallel list items to the model")
    args = parser.parse_args(argv)
    pairs = read_tsv(args.pairs or news_pairs_path())
    from checker.modelhub import ModelHub

    hub = ModelHub({"model": args.model} if args.model else {})
    result = run(pairs, args.threshold, hub=hub, skip_unlikely=not args.no_filter)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
