"""Does a word fit the words around it? A trigram language model's second opinion for GB104.

The replaced-word detector (``checker.nli.replaced``) reads one sentence and says which words
look put in by a rewriting tool. Alone it cannot tell a spun word from a rare but right one
("contraction"). A spinner picks a synonym without reading the sentence, so the words around a
spun word were written for another word: "the Islamic State *team*" (the text was written for
"group"), "civil servants *mentioned*" ("officials said"). This module measures that with an
n-gram language model of English: how well the word fits its two neighbours on each side, and
how much better one of its near synonyms would fit there. A small logistic combiner, trained by
``models/train_combiner.py`` on spun copies made with the team's *training* thesaurus
(never the evaluation's), turns the detector's probability and these figures into one score.

The language model is the generic US English trigram model that ships in the ``pocketsphinx``
package (PyPI, BSD licence, Carnegie Mellon University; ``en-us.lm.bin``, 27 MB, memory-mapped,
read in 0.03 s). The near synonyms are each word's ten nearest whole-word neighbours in the
packaged MiniLM encoder's input embeddings and the words that have it among their ten
(``models/garble-minilm/neighbours.tsv.gz``, written by ``models/train_combiner.py``), not the
evaluation's thesaurus.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d[\d,.]*")
_UNKNOWN = -(2**28)  # pocketsphinx's log(0)
_NATURAL = math.log(1.0001)  # its log base (logmath's default)
NEIGHBOURS_FILE = "neighbours.tsv.gz"
COMBINER_FILE = "combiner.json"

# How much better (in nats over the three trigrams) a near synonym must fit a word's place to be
# offered in its stead: "said" for "mentioned" fits 8.8 better, "improve" for "enhance" 2.2.
SUGGEST_LIFT = 2.0

# The features the combiner reads, in order (``features``).
FEATURES = ("logit", "fit", "unigram", "lift", "no_synonym", "unknown")


def _same_word(a: str, b: str) -> bool:
    """``b`` is an inflection of ``a`` ("levels"/"level", "said"/"says"): not another word."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    shorter = min(len(a), len(b))
    return n >= (2 if shorter <= 4 else 3) and n >= shorter - 2


# A sentence's lower-cased tokens, and the index of the token that starts at each offset.
Tokens = tuple[list[str], dict[int, int]]


def tokenize(sentence: str) -> Tokens:
    words: list[str] = []
    at: dict[int, int] = {}
    for m in _TOKEN.finditer(sentence):
        at[m.start()] = len(words)
        words.append(m.group().lower())
    return words, at


@dataclass(frozen=True, slots=True)
class Combiner:
    """A logistic combination of ``FEATURES``, trained by ``models/train_combiner.py``."""

    weights: tuple[float, ...]
    bias: float
    gate: float  # the detector's probability below which a word is not looked at again

    @classmethod
    def load(cls, path: Path) -> Combiner:
        data = json.loads(path.read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{path}: features {data['features']} are not {FEATURES}")
        return cls(tuple(float(w) for w in data["weights"]), float(data["bias"]),
                   float(data["gate"]))

    def probability(self, row: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, row, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class Fluency:
    """The language model and the near-synonym table; ``features`` for words of a sentence."""

    def __init__(self, model_dir: Path) -> None:
        import pocketsphinx

        self._lm: Any = pocketsphinx.NGramModel.readfile(
            pocketsphinx.get_model_path("en-us/en-us.lm.bin"))
        with gzip.open(model_dir / NEIGHBOURS_FILE, "rt", encoding="utf-8") as fh:
            # word -> its neighbours as written; split and sifted when the word is first asked
            self._table = dict(line.rstrip("\n").split("\t", 1) for line in fh)
        self._synonyms: dict[str, tuple[str, ...]] = {}
        self._unigram: dict[str, float | None] = {}

    def synonyms(self, word: str) -> tuple[str, ...]:
        """``word``'s near synonyms: its embedding neighbours, inflections of it left out."""
        found = self._synonyms.get(word)
        if found is None:
            found = tuple(w for w in self._table.get(word, "").split(" ")
                          if w and not _same_word(word, w))
            self._synonyms[word] = found
        return found

    def _log(self, word: str, *history: str) -> float | None:
        value = self._lm.prob([word, *history])
        return None if value <= _UNKNOWN else value * _NATURAL

    def _fit(self, tokens: Sequence[str], k: int, word: str) -> float | None:
        """log P(word | two before) + log P(next | word) + log P(one after next | word, next)."""
        before = tokens[max(0, k - 2) : k][::-1] or ["<s>"]
        here = self._log(word, *before)
        if here is None:
            return None
        total = here
        if k + 1 < len(tokens):
            after = self._log(tokens[k + 1], word, *before[:1])
            total += after if after is not None else 0.0
            if k + 2 < len(tokens):
                later = self._log(tokens[k + 2], tokens[k + 1], word)
                total += later if later is not None else 0.0
        return total

    def unigram(self, word: str) -> float | None:
        if word not in self._unigram:
            self._unigram[word] = self._log(word)
        return self._unigram[word]

    def features(self, sentence: str, start: int, probability: float) -> tuple[float, ...]:
        """``FEATURES`` for the word that starts at ``start`` in ``sentence``."""
        return self.judge(sentence, start, probability)[0]

    def judge(self, sentence: str, start: int, probability: float,
              tokens: Tokens | None = None) -> tuple[tuple[float, ...], str]:
        """``FEATURES`` for the word that starts at ``start`` in ``sentence``, and the near
        synonym that fits its place best when it fits ``SUGGEST_LIFT`` better than the word
        ("mentioned" -> "said"; "" otherwise): the word a spinner most likely replaced.
        ``tokens``: the sentence's ``tokenize``, when several of its words are judged."""
        p = min(max(probability, 1e-4), 1 - 1e-4)
        logit = math.log(p / (1 - p))
        words, at = tokens if tokens is not None else tokenize(sentence)
        k = at.get(start, -1)
        if k < 0:
            return (logit, 0.0, 0.0, 0.0, 1.0, 1.0), ""
        word = words[k]
        fit = self._fit(words, k, word)
        unigram = self.unigram(word)
        if fit is None or unigram is None:
            return (logit, 0.0, 0.0, 0.0, 1.0, 1.0), ""
        best, chosen = None, ""
        for other in self.synonyms(word):
            score = self._fit(words, k, other)
            if score is not None and (best is None or score > best):
                best, chosen = score, other
        if best is None:
            return (logit, fit, unigram, 0.0, 1.0, 0.0), ""
        lift = best - fit
        return (logit, fit, unigram, lift, 0.0, 0.0), chosen if lift >= SUGGEST_LIFT else ""
