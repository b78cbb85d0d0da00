"""ONNX Runtime backends for the shipped NLI model and the sentence embedder.

Why: a check with the model used to spend ~4 s of a 5.7 s process importing torch and
transformers before any text was read (profile in reports/profile-model.md). The same weights,
exported once to an ONNX graph, run under onnxruntime (0.08 s to import) with the ``tokenizers``
library (no transformers import) and give the same probabilities to within 1e-6: the exact fp32
graph. A dynamically quantised int8 graph is built on request (``nli.quantize = true``); it is
faster but not the default, since its activation scale is shared by a batch (see ``load_nli``).

The graph is derived data, never shipped: it is built from the real checkpoint, loaded with
``from_pretrained`` from the local folder, the first time a process needs it (or by ``python -m
checker.nli.onnx``, which ``make install`` runs), and cached under ``$CHECKER_CACHE_DIR`` (default
``$XDG_CACHE_HOME/checker`` or ``~/.cache/checker``). The cache file's name carries a key of the
source weights, so retraining the model or upgrading the embedder package builds a fresh one; a
sidecar records the graph's sha256 and its size, mtime and inode: a file whose stamp changed is
hashed again, and a damaged cache is rebuilt rather than trusted. Building needs torch, transformers
and onnx (the ``model`` extra); where they or onnxruntime are missing, ``load_*`` say so and the
torch backends are used instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.atomic import _umask, write_text
from checker.modelhub import ModelError
from checker.nli.batching import model_batches, padded_feeds
from checker.resources import user_cache_root

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

log = logging.getLogger(__name__)

EXPORT_FORMAT = 1  # bump when the exported graph's inputs, outputs or wrapper change
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
MAX_LENGTH = 128
_BUILD_LOCK = threading.RLock()  # re-entered: the int8 graph is built from the fp32 one


class CacheUnavailable(ModelError):
    """The ONNX graph cannot be built or used here (a package is missing, the cache folder is not
    writable); callers fall back to the torch backend."""


def cache_dir() -> Path:
    explicit = os.environ.get("CHECKER_CACHE_DIR")
    return Path(explicit) if explicit else user_cache_root()


def source_key(model_dir: Path, kind: str) -> str:
    """A short key of the weights the graph is built from: the checkpoint's SHA256SUMS when it has
    one (the shipped model), else the size and mtime of its files (a package's folder)."""
    digest = hashlib.sha256(f"{kind}:{EXPORT_FORMAT}".encode())
    sums = model_dir / "SHA256SUMS"
    if sums.is_file():  # content-addressed: a copy of the checkpoint shares its graph
        digest.update(sums.read_bytes())
    else:
        for name in ("config.json", "model.safetensors", "pytorch_model.bin", "tokenizer.json"):
            path = model_dir / name
            if path.is_file():
                st = path.stat()
                digest.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
        digest.update(str(model_dir.resolve()).encode())
    return digest.hexdigest()[:20]


def graph_path(model_dir: Path, kind: str) -> Path:
    return cache_dir() / "onnx" / f"{kind}-{source_key(model_dir, kind)}.onnx"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def _stamp(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _valid(path: Path, *, full: bool = False) -> bool:
    """Is the cached graph the one that was built? Its sha256 is compared with the sidecar's
    when the file's size, mtime or inode differ from what the sidecar recorded (or ``full``);
    an untouched file is trusted without re-reading its 90 MB (0.07 s per graph per process)."""
    sidecar = path.with_suffix(".json")
    if not (path.is_file() and sidecar.is_file()):
        return False
    try:
        recorded = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(recorded, dict) or not recorded.get("sha256"):
        return False
    stamp = _stamp(path)
    if not full and recorded.get("stamp") == stamp:
        return True
    if recorded["sha256"] != _sha256(path):
        return False
    if recorded.get("stamp") != stamp:  # same bytes, new stamp (copied, or an older sidecar)
        with contextlib.suppress(OSError):
            write_text(sidecar, json.dumps(recorded | {"stamp": stamp}, indent=1))
    return True


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """One builder at a time across processes (batch workers may all start cold)."""
    with _BUILD_LOCK, open(path, "a+b") as fh:
        try:
            import fcntl

            fcntl.flock(fh, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - not Linux/macOS
            pass
        yield


def quiet_transformers() -> None:
    """No "Loading weights" bars or warnings from transformers on stderr: a check's stderr is for
    its own messages (CI logs, LSP logs). CHECKER_HF_PROGRESS=1 brings the bars back."""
    if os.environ.get("CHECKER_HF_PROGRESS"):
        return
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]


def _export(model_dir: Path, kind: str, out: Path) -> None:
    """Load the checkpoint with ``from_pretrained`` and trace it to ``out`` (fp32, dynamic batch
    and length). The embedder's graph includes mean pooling and L2 normalisation."""
    import warnings

    try:
        import onnx  # noqa: F401  (torch's exporter needs it)
        import torch
        from transformers import AutoModel, AutoModelForSequenceClassification
    except ImportError as exc:
        raise CacheUnavailable(
            f"cannot build the ONNX graph ({exc.name} is not installed)") from None

    quiet_transformers()
    if kind == "garble":  # the package encoder plus the detector's trained layers
        from checker.nli.replaced import build_torch

        model = build_torch(model_dir)
    else:
        cls = AutoModelForSequenceClassification if kind == "nli" else AutoModel
        model = cls.from_pretrained(str(model_dir), dtype=torch.float32,
                                    attn_implementation="eager", local_files_only=True).eval()

    class Wrapped(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            out = self.inner(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids)
            if kind in ("nli", "garble"):
                return out.logits
            hidden = out.last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)

    example = tuple(torch.ones((2, 8), dtype=torch.long) for _ in INPUTS)
    axes = {name: {0: "batch", 1: "length"} for name in INPUTS}
    # the detector scores every token; the others give one row per input
    axes["output"] = {0: "batch", 1: "length"} if kind == "garble" else {0: "batch"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(Wrapped().eval(), example, str(out), input_names=list(INPUTS),
                          output_names=["output"], dynamic_axes=axes,
                          opset_version=17, dynamo=False)


def _quantize(model_dir: Path, kind: str, out: Path) -> None:
    """Dynamic int8 (per-channel weights, VNNI where the CPU has it) from the fp32 graph."""
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise CacheUnavailable(f"cannot quantise the graph ({exc.name} is not installed)") from None
    quantize_dynamic(str(ensure_graph(model_dir, kind)), str(out), weight_type=QuantType.QInt8,
                     per_channel=True)


def ensure_graph(model_dir: Path, kind: str, *, int8: bool = False) -> Path:
    """The cached graph for ``model_dir``, built now if missing or damaged; ``int8`` asks for the
    dynamically quantised one."""
    if int8:
        kind = f"{kind}-int8"
    path = graph_path(model_dir, kind)
    if _valid(path):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _file_lock(path.with_suffix(".lock")):
            if _valid(path):  # another process built it while we waited
                return path
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".onnx.tmp")
            os.close(fd)
            try:
                if int8:
                    _quantize(model_dir, kind.removesuffix("-int8"), Path(tmp))
                else:
                    _export(model_dir, kind, Path(tmp))
                sha = _sha256(Path(tmp))
                os.chmod(tmp, 0o644 & ~_umask())  # mkstemp makes it 0600
                os.replace(tmp, path)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
            sidecar = {"sha256": sha, "stamp": _stamp(path), "kind": kind,
                       "source": str(model_dir), "format": EXPORT_FORMAT}
            write_text(path.with_suffix(".json"), json.dumps(sidecar, indent=1))
    except OSError as exc:
        raise CacheUnavailable(f"cannot write the model cache in {path.parent} ({exc.strerror}); "
                               "set CHECKER_CACHE_DIR to a writable folder") from None
    return path


def _session(path: Path) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    threads = int(os.environ.get("CHECKER_THREADS", "0") or 0)
    if threads:
        options.intra_op_num_threads = threads
    options.log_severity_level = 3
    # worker threads sleep instead of spinning between ops: on a shared or busy machine spinning
    # threads steal the cores the other process (or the other worker) is computing on
    options.add_session_config_entry("session.intra_op.allow_spinning",
                                     os.environ.get("CHECKER_ORT_SPIN", "0"))
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _tokenizer(model_dir: Path, max_length: int) -> tuple[Any, int]:
    """The fast tokenizer (truncating, not padding: ``checker.nli.batching`` pads each batch) and
    its pad id."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.enable_truncation(max_length=max_length, strategy="longest_first")
    tok.no_padding()
    pad = "[PAD]"
    config = model_dir / "tokenizer_config.json"
    if config.is_file():
        with contextlib.suppress(ValueError, OSError):
            pad = str(json.loads(config.read_text(encoding="utf-8")).get("pad_token") or pad)
    pad_id = tok.token_to_id(pad)
    return tok, 0 if pad_id is None else pad_id


def _require_runtime() -> None:
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError as exc:
        raise CacheUnavailable(f"{exc.name} is not installed") from None


class OnnxNLIModel:
    """The shipped (or any local BERT-style) NLI checkpoint, run as its exported ONNX graph."""

    def __init__(self, model_dir: Path, *, batch_size: int = 32,
                 max_length: int = MAX_LENGTH, int8: bool = False) -> None:
        from checker.nli.backend import CONTRADICTION, LABEL_ALIASES

        _require_runtime()
        self.name = str(model_dir)
        self.batch_size = batch_size
        try:
            config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
            id2label = {int(k): str(v) for k, v in config["id2label"].items()}
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"{model_dir}/config.json: no usable id2label ({exc})") from None
        self.labels = [LABEL_ALIASES.get(id2label[i].lower(), id2label[i].lower())
                       for i in sorted(id2label)]
        if CONTRADICTION not in self.labels:
            raise ModelError(f"the model's id2label {id2label} has no 'contradiction' label")
        self.tokenizer, self.pad_id = _tokenizer(model_dir, max_length)
        self.session = _session(ensure_graph(model_dir, "nli", int8=int8))

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        """Probabilities per pair, in batches of near-equal token length (``batching``)."""
        import numpy as np

        from checker.nli.backend import _finite

        results: list[dict[str, float]] = [{} for _ in pairs]
        if not pairs:
            return results
        encoded = self.tokenizer.encode_batch([(p, h) for p, h in pairs])
        for batch in model_batches([len(e.ids) for e in encoded],
                                   [len(p) + len(h) for p, h in pairs], self.batch_size):
            feeds = padded_feeds([encoded[i] for i in batch], self.pad_id)
            logits = self.session.run(None, feeds)[0].astype(np.float64)
            shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
            probs = _finite((shifted / shifted.sum(axis=1, keepdims=True)).tolist(), self.name)
            for i, row in zip(batch, probs, strict=True):
                results[i] = dict(zip(self.labels, row, strict=True))
        return results


class OnnxEmbedder:
    """all-MiniLM-L6-v2 sentence embeddings (mean pooled, L2-normalised inside the graph)."""

    def __init__(self, model_dir: Path, *, batch_size: int = 32, int8: bool = False) -> None:
        _require_runtime()
        self.name = str(model_dir)
        self.batch_size = batch_size
        self.tokenizer, self.pad_id = _tokenizer(model_dir, MAX_LENGTH)
        try:
            config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
            self.dimension = int(config["hidden_size"])
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"{model_dir}/config.json: no usable hidden_size ({exc})") from None
        self.session = _session(ensure_graph(model_dir, "embedder", int8=int8))

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        import numpy as np

        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        encoded = self.tokenizer.encode_batch(list(texts))
        for batch in model_batches([len(e.ids) for e in encoded], [len(t) for t in texts],
                                   self.batch_size):
            out[batch] = self.session.run(
                None, padded_feeds([encoded[i] for i in batch], self.pad_id))[0]
        return out


def prepare() -> list[Path]:
    """Build (or verify) the graphs of the shipped NLI model and the embedder; returns their paths.
    ``make install`` runs this so the first check does not pay for the export."""
    from checker.nli.backend import embedder_dir, shipped_model_dir, verify_checksums
    from checker.nli.replaced import shipped_dir

    verify_checksums(shipped_model_dir())
    built = [ensure_graph(shipped_model_dir(), "nli"), ensure_graph(embedder_dir(), "embedder")]
    if shipped_dir().is_dir():
        verify_checksums(shipped_dir())
        built.append(ensure_graph(shipped_dir(), "garble"))
    return built


if __name__ == "__main__":
    import sys

    try:
        for built in prepare():
            print(built)
    except ModelError as exc:
        print(f"checker: {exc}", file=sys.stderr)
        sys.exit(2)
