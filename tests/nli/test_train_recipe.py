"""The training script's batch order: every pair once per epoch, epochs in different orders, and
the same order again on a re-run (so --resume continues where it stopped)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "models" / "train_nli.py"


@pytest.fixture(scope="module")
def train_nli() -> ModuleType:
    pytest.importorskip("torch")
    spec = importlib.util.spec_from_file_location("train_nli", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_epoch_covers_every_pair_once_in_its_own_order(train_nli: ModuleType) -> None:
    lengths = [(k * 7) % 23 + 3 for k in range(1000)]
    batches = train_nli.make_epochs(lengths, 32, 13, 2)
    per_epoch = len(train_nli.make_batches(lengths, 32, 13))
    first, second = batches[:per_epoch], batches[per_epoch:]
    for epoch in (first, second):
        assert sorted(i for b in epoch for i in b) == list(range(1000))
    assert first != second
    assert train_nli.make_epochs(lengths, 32, 13, 2) == batches
