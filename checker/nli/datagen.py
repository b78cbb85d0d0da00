"""Training pairs for the news NLI model.

A model trained on SNLI and SICK alone calls "troops will leave" / "troops will stay" an entailment
(see shared/notes/nli-baseline.md): it never saw news prose. This module rewrites real CNN/DM
sentences into contradictions, entailments and hard neutrals with the transforms in
``transforms.py`` and mixes them with an SNLI subset and SICK TRAIN. SICK TEST, SNLI test and the
hand-written pairs in ``models/eval/`` are never read here. Output is deterministic for a seed.

Usage: python -m checker.nli.datagen --out models/_work/train.tsv [--news 30000 --snli 35000]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.nli import transforms as tf
from checker.nli.lexicon import Lexicon, load_lexicon
from checker.nli.transforms import Transform
from checker.resources import shared_data_path

DATA = shared_data_path()
LABELS = ("entailment", "neutral", "contradiction")

CONTRADICTIONS: dict[str, Transform] = {
    "antonym": tf.antonym_swap,
    "negate": tf.negate,
    "unnegate": tf.remove_negation,
    "number": tf.change_number,
    "date": tf.change_date,
    "tense": tf.change_tense,
    "place": tf.swap_place,
    "roles": tf.swap_roles,
}
ENTAILMENTS: dict[str, Transform] = {
    "clause": tf.drop_trailing_clause,
    "attribution": tf.drop_attribution,
    "paraphrase": tf.paraphrase,
    "bound": tf.weaken_quantity,
}
# How often each kind is drawn, relative to the others of its label.
CONTRADICTION_WEIGHTS = {
    "antonym": 4,
    "negate": 3,
    "unnegate": 1,
    "number": 2,
    "date": 1,
    "tense": 2,
    "place": 1,
    "roles": 1,
}


MAX_TRAIN_WORDS = 35


@dataclass(frozen=True, slots=True)
class Pair:
    label: str
    premise: str
    hypothesis: str
    source: str


_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|No|vs|Jan|Feb|"
    r"Aug|Sept|Oct|Nov|Dec|U\.S|U\.K|a\.m|p\.m)\.$"
)


def split_sentences(text: str) -> list[str]:
    """Split news text into sentences (blingfire when installed, else a careful regex)."""
    try:
        import blingfire  # type: ignore[import-untyped, unused-ignore]

        return [s.strip() for s in blingfire.text_to_sentences(text).split("\n") if s.strip()]
    except ImportError:
        pass
    out: list[str] = []
    start = 0
    for m in re.finditer(r'[.!?]["\u201d\']?\s+(?=["\u201c\']?[A-Z0-9])', text):
        candidate = text[start : m.end()].strip()
        if _ABBREV.search(text[start : m.start() + 1]) or len(candidate) < 3:
            continue
        out.append(candidate)
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def usable(sentence: str) -> bool:
    words = sentence.split()
    return 6 <= len(words) <= 50 and sentence[-1:] in '."\u201d' and "(CNN)" not in sentence


def load_articles(path: Path) -> list[list[str]]:
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return [[s for s in split_sentences(str(r["text"])) if usable(s)] for r in rows]


def _capitalised(sentence: str) -> set[str]:
    return {m.group() for m in re.finditer(r"(?<=\w )[A-Z][a-z]{2,}", sentence)}


def _contradictions(
    sentence: str, lex: Lexicon, rng: random.Random, both: float = 0.0
) -> Iterable[Pair]:
    kinds = list(CONTRADICTION_WEIGHTS)
    weights = [CONTRADICTION_WEIGHTS[k] for k in kinds]
    for kind in dict.fromkeys(rng.choices(kinds, weights=weights, k=4)):
        hypothesis = CONTRADICTIONS[kind](sentence, lex, rng)
        if hypothesis is None or hypothesis == sentence:
            continue
        premise = sentence
        shorter = tf.drop_trailing_clause(hypothesis, lex, rng)
        if shorter and rng.random() < 0.3 and shorter != hypothesis:
            hypothesis = shorter
        if rng.random() < 0.4:
            # Reworded as well as flipped, so that word overlap alone is no cue (entailments are
            # reworded at the same rate).
            hypothesis = tf.paraphrase(hypothesis, lex, rng) or hypothesis
        if rng.random() < 0.35:
            premise, hypothesis = hypothesis, premise
        yield Pair("contradiction", premise, hypothesis, f"news-{kind}")
        # A contradiction holds either way round; the model should say so whichever sentence comes
        # first. (No random draw at all when ``both`` is 0, so older recipes reproduce exactly.)
        if both and rng.random() < both:
            yield Pair("contradiction", hypothesis, premise, f"news-{kind}-reverse")
        return


def _entailments(sentence: str, lex: Lexicon, rng: random.Random) -> Iterable[Pair]:
    kinds = rng.sample(sorted(ENTAILMENTS), len(ENTAILMENTS))
    for kind in kinds:
        hypothesis = ENTAILMENTS[kind](sentence, lex, rng)
        if hypothesis is None or hypothesis == sentence:
            continue
        if rng.random() < 0.4:
            again = tf.paraphrase(hypothesis, lex, rng)
            hypothesis = again or hypothesis
        yield Pair("entailment", sentence, hypothesis, f"news-{kind}")
        if kind in {"clause", "attribution"} and rng.random() < 0.35:
            # The reverse adds information the short sentence does not carry: neutral.
            yield Pair("neutral", hypothesis, sentence, f"news-{kind}-reverse")
        return


def _neutrals(
    article: Sequence[str],
    index: int,
    lex: Lexicon,
    rng: random.Random,
    by_entity: dict[str, list[str]],
) -> Iterable[Pair]:
    sentence = article[index]
    names = _capitalised(sentence)
    same_article = [s for j, s in enumerate(article) if j != index and names & _capitalised(s)]
    roll = rng.random()
    if same_article and roll < 0.45:
        yield Pair("neutral", sentence, rng.choice(same_article), "news-same-article")
    elif roll < 0.75:
        detail = tf.add_detail(sentence, lex, rng)
        if detail:
            yield Pair("neutral", sentence, detail, "news-detail")
    elif names:
        name = rng.choice(sorted(names))
        others = [s for s in by_entity.get(name, []) if s not in article]
        if others:
            yield Pair("neutral", sentence, rng.choice(others), "news-cross-article")


def news_pairs(
    articles: Sequence[Sequence[str]], count: int, seed: int, both: float = 0.0
) -> list[Pair]:
    """About 45% contradiction, 30% entailment, 25% neutral, drawn from every article. With
    ``both`` > 0 that share of the contradictions comes a second time in reverse order."""
    lex = load_lexicon()
    rng = random.Random(seed)
    by_entity: dict[str, list[str]] = {}
    for article in articles:
        for s in article:
            for name in _capitalised(s):
                by_entity.setdefault(name, []).append(s)
    pairs: list[Pair] = []
    slots = [(a, i) for a, art in enumerate(articles) for i in range(len(art))]
    while len(pairs) < count:
        rng.shuffle(slots)
        for a, i in slots:
            sentence = articles[a][i]
            roll = rng.random()
            if roll < 0.45:
                pairs.extend(_contradictions(sentence, lex, rng, both))
            elif roll < 0.80:
                pairs.extend(_entailments(sentence, lex, rng))
            else:
                pairs.extend(_neutrals(articles[a], i, lex, rng, by_entity))
            if len(pairs) >= count:
                break
    return pairs[:count]


def read_snli(path: Path, count: int, seed: int) -> list[Pair]:
    with path.open(encoding="utf-8") as handle:
        rows = [
            r
            for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if r["label"] in LABELS
        ]
    random.Random(seed).shuffle(rows)
    return [Pair(r["label"], r["premise"], r["hypothesis"], "snli") for r in rows[:count]]


def read_sick(path: Path, split: str) -> list[Pair]:
    """SICK pairs of one split (TRAIN, TRIAL or TEST) with lower-case labels."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        Pair(r["entailment_label"].strip().lower(), r["sentence_A"], r["sentence_B"], "sick")
        for r in rows
        if r["SemEval_set"].strip() == split
    ]


def build(
    news: int, snli: int, sick_copies: int, seed: int, data: Path = DATA, both: float = 0.0
) -> list[Pair]:
    articles = load_articles(data / "news" / "cnn_dailymail_dev.jsonl")
    # Long sentences cost the most training time and teach little more than short ones.
    short = [[s for s in article if len(s.split()) <= MAX_TRAIN_WORDS] for article in articles]
    pairs = news_pairs(short, news, seed, both)
    pairs += read_snli(data / "nli" / "snli_train_100k.tsv", snli, seed)
    pairs += read_sick(data / "nli" / "SICK.txt", "TRAIN") * sick_copies
    random.Random(seed + 1).shuffle(pairs)
    return pairs


def write(pairs: Iterable[Pair], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)

    def clean(text: str) -> str:
        return re.sub(r"[\t\r\n]+", " ", text)

    with out.open("w", encoding="utf-8") as handle:
        handle.write("label\tpremise\thypothesis\tsource\n")
        for p in pairs:
            handle.write(f"{p.label}\t{clean(p.premise)}\t{clean(p.hypothesis)}\t{p.source}\n")


def add_mix_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that choose the training mix, with the shipped recipe's values as defaults
    (shared by this generator and models/train_nli.py)."""
    parser.add_argument("--news", type=int, default=30000, help="generated news pairs")
    parser.add_argument("--snli", type=int, default=95000, help="SNLI training pairs")
    parser.add_argument("--sick-copies", type=int, default=2, help="copies of SICK TRAIN")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--both",
        type=float,
        default=0.0,
        help="share of generated news contradictions also trained in reverse order",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, required=True)
    add_mix_arguments(parser)
    args = parser.parse_args(argv)
    pairs = build(args.news, args.snli, args.sick_copies, args.seed, both=args.both)
    write(pairs, args.out)
    counts: dict[str, int] = {}
    for p in pairs:
        counts[p.source.split("-")[0] + ":" + p.label] = (
            counts.get(p.source.split("-")[0] + ":" + p.label, 0) + 1
        )
    print(json.dumps({"pairs": len(pairs), "by_source_label": counts}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
