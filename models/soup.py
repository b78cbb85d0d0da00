"""Average two checkpoints of the same architecture, weight by weight (a "model soup").

Checkpoint 5 is the average (alpha 0.5) of checkpoint 4 and the stage-3 model trained from it
(``checker.nli.indoc stage3`` then ``models/train_nli.py``): stage 3 alone found twice the
held-out contradictions but called more paraphrases contradictions; the average keeps most of
the recall and most of checkpoint 4's quiet (figures in ``models/nli-minilm/README.md``).

Usage: python models/soup.py A B ALPHA OUT   (OUT = (1 - ALPHA) * A + ALPHA * B; tokenizer and
config are copied from B; SHA256SUMS is written over every file)
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def soup(a: Path, b: Path, alpha: float, out: Path) -> None:
    from safetensors.torch import load_file, save_file

    from checker.nli.backend import write_checksums

    out.mkdir(parents=True, exist_ok=True)
    ta, tb = load_file(a / "model.safetensors"), load_file(b / "model.safetensors")
    if ta.keys() != tb.keys():
        raise SystemExit("the two checkpoints do not have the same weights")
    mixed = {
        k: ((1 - alpha) * ta[k].float() + alpha * tb[k].float()).to(ta[k].dtype)
        if ta[k].is_floating_point() else ta[k]
        for k in ta
    }
    save_file(mixed, out / "model.safetensors", metadata={"format": "pt"})
    for name in ("config.json", "tokenizer.json", "tokenizer_config.json"):
        shutil.copy(b / name, out / name)
    write_checksums(out)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    soup(Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3]), Path(sys.argv[4]))
