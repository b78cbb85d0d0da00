"""The ONNX Runtime backends: same numbers as the torch ones, a cache that is rebuilt when damaged,
no torch in a checking process, and a quiet stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.nli import onnx
from checker.nli.backend import embedder_dir, load_embedder, load_nli, shipped_model_dir
from checker.nli.batching import padded_feeds

PAIRS = [
    ("More than 1,000 U.S. troops will leave Niger in the coming months.",
     "The U.S. troops will stay in Niger."),
    ("The council approved the stadium plan on Monday.",
     "The council threw out the stadium plan on Monday."),
    ("Unemployment dropped to 4.1% in June.", "Unemployment climbed in June."),
    ("The ferry runs every hour.", "Passengers can board the ferry hourly from the harbour."),
    # longer than the 128-token limit on both sides: truncation must match transformers'
    (" ".join(["The minister said the budget would be balanced by the end of the decade."] * 12),
     " ".join(["Opposition leaders said the figures did not add up at all."] * 12)),
]


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "c"))
    assert onnx.cache_dir() == tmp_path / "c"
    monkeypatch.delenv("CHECKER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert onnx.cache_dir() == tmp_path / "x" / "checker"


def test_source_key_changes_with_the_weights(tmp_path: Path) -> None:
    (tmp_path / "SHA256SUMS").write_text("aaaa  model.safetensors\n")
    before = onnx.source_key(tmp_path, "nli")
    assert onnx.source_key(tmp_path, "embedder") != before
    (tmp_path / "SHA256SUMS").write_text("bbbb  model.safetensors\n")
    assert onnx.source_key(tmp_path, "nli") != before


def test_bad_backend_name_is_a_model_error() -> None:
    from checker.modelhub import ModelError

    with pytest.raises(ModelError, match="auto, onnx or torch"):
        load_nli({"backend": "tensorflow"})


@pytest.mark.model
def test_tokenizers_match_transformers() -> None:
    from transformers import AutoTokenizer

    reference = AutoTokenizer.from_pretrained(str(shipped_model_dir()))
    ours, pad_id = onnx._tokenizer(shipped_model_dir(), onnx.MAX_LENGTH)
    want = reference([p for p, _ in PAIRS], [h for _, h in PAIRS], padding=True, truncation=True,
                     max_length=onnx.MAX_LENGTH)
    got = padded_feeds(ours.encode_batch(PAIRS), pad_id)  # padded as transformers pads
    for name in onnx.INPUTS:
        assert got[name].tolist() == want[name], name


@pytest.mark.model
def test_onnx_scores_equal_torch_scores() -> None:
    from checker.nli.backend import HFNLIModel, MiniLMEmbedder

    fast, slow = load_nli({}), HFNLIModel()  # the default is the exact fp32 graph
    assert isinstance(fast, onnx.OnnxNLIModel)
    for a, b in zip(fast.predict(PAIRS), slow.predict(PAIRS), strict=True):
        assert a.keys() == b.keys()
        assert max(abs(a[k] - b[k]) for k in a) < 1e-4
    # an inversion is still read as a contradiction through the new path
    assert fast.predict(PAIRS[1:2])[0]["contradiction"] > 0.7
    texts = [p for p, _ in PAIRS] + [h for _, h in PAIRS]
    e_fast = load_embedder({}).encode(texts)
    e_slow = MiniLMEmbedder().encode(texts)
    assert abs(e_fast - e_slow).max() < 1e-4
    # int8 (opt-in) stays close on ordinary sentences, with similar vectors
    int8 = load_nli({"quantize": True})
    for a, b in zip(int8.predict(PAIRS[:4]), slow.predict(PAIRS[:4]), strict=True):
        assert abs(a["contradiction"] - b["contradiction"]) < 0.15
    assert (load_embedder({"quantize": True}).encode(texts) * e_slow).sum(axis=1).min() > 0.97


@pytest.mark.model
def test_fp32_scores_do_not_depend_on_the_batch() -> None:
    """Why fp32 is the default: a pair's score must not change with the other pairs scored
    alongside it (int8's activation scale is per batch, fp32 differs only by rounding)."""
    model = load_nli({})
    alone = model.predict(PAIRS[1:2])[0]["contradiction"]
    crowded = model.predict(PAIRS)[1]["contradiction"]
    assert abs(alone - crowded) < 1e-4


@pytest.mark.model
def test_damaged_cache_is_rebuilt(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    # asking for the int8 graph in an empty cache builds the fp32 one inside the same lock
    int8 = onnx.ensure_graph(embedder_dir(), "embedder", int8=True)
    path = onnx.graph_path(embedder_dir(), "embedder")
    assert int8 != path and onnx._valid(int8) and onnx._valid(path)
    assert int8.stat().st_size < path.stat().st_size / 3
    assert path.is_relative_to(tmp_path)
    recorded = json.loads(path.with_suffix(".json").read_text())["sha256"]
    with path.open("r+b") as fh:  # flip bytes in the middle of the weights
        fh.seek(path.stat().st_size // 2)
        fh.write(b"\xff" * 64)
    assert not onnx._valid(path)  # the write moved its mtime: hashed again, and it differs
    assert not onnx._valid(path, full=True)
    again = onnx.ensure_graph(embedder_dir(), "embedder")
    assert again == path and onnx._valid(path)
    assert onnx._sha256(path) == recorded  # the export is deterministic
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.model
def test_unwritable_cache_falls_back_to_torch(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    from checker.nli.backend import MiniLMEmbedder

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(blocker / "cache"))
    assert isinstance(load_embedder({}), MiniLMEmbedder)
    from checker.modelhub import ModelError

    with pytest.raises(ModelError, match="cannot write the model cache"):
        load_embedder({"backend": "onnx"})


@pytest.mark.model
def test_model_check_imports_no_torch_and_keeps_stderr_empty(tmp_path: Path) -> None:
    """A whole check with the model: findings on stdout, nothing on stderr (no "Loading weights"
    bars), and neither torch nor transformers imported once the graphs are cached."""
    onnx.prepare()
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Unemployment dropped to 4.1% in June, the statistics office said on Tuesday.\n\n"
        "Economists had expected a smaller change.\n\n"
        "Unemployment climbed in June, the statistics office said on Tuesday.\n\n"
        "See also Ten celebrity couples who broke up this summer\n")
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['checker', 'check', sys.argv[1]]\n"
        "try:\n"
        "    runpy.run_module('checker', run_name='__main__')\n"
        "finally:\n"
        "    heavy = 'torch' in sys.modules or 'transformers' in sys.modules\n"
        "    print('TORCH' if heavy else 'NO-TORCH')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "CHECKER_HF_PROGRESS"}
    done = subprocess.run([sys.executable, "-c", probe, str(draft)], capture_output=True,
                          text=True, env=env, timeout=300)
    assert done.returncode == 1, done.stderr
    assert "CT101" in done.stdout and "SP110" in done.stdout  # both models ran
    assert done.stdout.rstrip().endswith("NO-TORCH")
    assert done.stderr == ""
