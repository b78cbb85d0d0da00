"""The rules' faster paths against the plain code they replace (kept here as the reference):
same tokens, same name clusters, same word offsets, same pattern conflicts; and the flip rule's
window, which bounds its work on a text of many articles."""

from __future__ import annotations

import random
import re

import pytest
from test_pair_index import POOL, reference_settled, reference_stances

from checker.nli import flips
from checker.nli.contradict import eligible
from checker.nli.flips import could_flip, flip_pairs, tokens
from checker.nli.patterns import reversed_stances, sentences_holding, settled_conditions
from checker.rules import garble, names
from checker.rules.oneoff import whole_word_starts


def reference_tokens(text: str) -> list[str]:
    text = text.replace("\u2019", "'")  # a curly apostrophe reads as a straight one
    out: list[str] = []
    for raw in flips._TOKEN.findall(text):
        word = raw.lower()
        if word in flips._CONTRACTIONS:
            out.extend(flips._CONTRACTIONS[word])
        elif word.endswith("n't"):
            out.extend((word[:-3], "not"))
        else:
            out.append(word)
    return out


PIECES = ["The", "bank", "DON'T", "didn't", "Cannot", "CANNOT", "won't", "İstanbul", "\u212aelvin",
          "1,000", "3.5", "it's", "O'Neill", "rose", "fell", " ", " ", ", ", ". ", "’s", "ſ"]


@pytest.mark.parametrize("seed", range(5))
def test_tokens_match_the_token_by_token_reference(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))
        assert tokens(text) == reference_tokens(text), text


def test_a_sentence_further_back_than_the_window_is_not_compared() -> None:
    sentences = [POOL[0], *(f"Filler sentence number {n} says nothing at all." for n in range(30)),
                 POOL[1]]
    toks = [tokens(s) if eligible(s) else None for s in sentences]
    assert (0, 31) in list(flip_pairs(toks))
    assert (0, 31) not in list(flip_pairs(toks, window=10))
    assert could_flip(toks[0] or [], toks[31] or [], frozenset(toks[0] or []),
                      frozenset(toks[31] or []))


def test_the_index_lists_stay_within_the_window() -> None:
    """However long the text, a common word lists at most ``window`` sentences."""
    sentences = [f"The report on item {n} was published by the office on Monday."
                 for n in range(500)]
    toks = [tokens(s) for s in sentences]
    walked: list[int] = []
    real_count = flips._count

    def counting(index: dict[str, list[int]], words: object, oldest: int) -> dict[int, int]:
        counts = real_count(index, words, oldest)  # type: ignore[arg-type]
        walked.append(len(counts))
        return counts

    flips._count = counting  # type: ignore[assignment]
    try:
        list(flip_pairs(toks, window=50))
        assert max(walked) <= 50
        walked.clear()
        list(flip_pairs(toks, window=len(toks)))  # without it: every earlier sentence
        assert max(walked) > 400
    finally:
        flips._count = real_count


def _names(rng: random.Random, count: int) -> list[str]:
    stems = ["Bazoum", "Basoom", "Bassum", "Southampton", "Southamtpon", "Smith", "Smyth",
             "Mohamed", "Mohammed", "Khamenei", "Khomeini", "Fay", "Faye", "Stokes", "Stokesey"]
    out = list(stems)
    while len(out) < count:
        word = list(rng.choice(stems))
        k = rng.randrange(1, len(word))
        op = rng.randrange(3)
        if op == 0:
            word[k] = rng.choice("aeioustnrlmh")
        elif op == 1:
            word.insert(k, rng.choice("aeioustnrlmh"))
        elif len(word) > 3:
            del word[k]
        out.append("".join(word))
    return list(dict.fromkeys(out))


@pytest.mark.parametrize("seed", range(4))
def test_name_clusters_through_the_index_match_every_pair(seed: int,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    tokens_ = _names(random.Random(seed), 300)
    monkeypatch.setattr(names, "PAIRWISE_GROUP", 10**9)
    pairwise = names._clusters(tokens_)
    monkeypatch.setattr(names, "PAIRWISE_GROUP", 0)  # and sound groups searched by deletions
    indexed = names._clusters(tokens_)
    assert indexed == pairwise
    assert len(pairwise) > 3


@pytest.mark.parametrize("seed", range(3))
def test_whole_word_starts_match_the_pattern(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        token = rng.choice(["Ab", "AbA", "Abb"])
        text = "".join(rng.choice("Ab'’ é-_1") for _ in range(rng.randint(0, 30)))
        expected = [m.start() for m in re.finditer(rf"(?<![\w'’]){re.escape(token)}(?!\w)", text)]
        assert whole_word_starts(text, token) == expected


def test_relation_verbs_match_the_word_by_word_reference() -> None:
    forms = garble._relation_forms()
    rng = random.Random(0)
    words = [*sorted(forms)[:30], "Accepts", "xaccept", "acceptx", "the", "İ", "ſ", "\u212a"]
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice([" ", "", ",", "-", "\n"])
                       for _ in range(rng.randint(0, 8)))
        expected = [m.start() for m in re.finditer(r"[a-z]+", text.lower()) if m.group() in forms]
        assert garble._relation_verbs(text) == expected


def test_sentences_holding_is_case_blind_as_the_patterns_are() -> None:
    sentences = ["The talks FAILED.", "Nothing here.", "the deal faİled", "The \u212aiosk closed."]
    assert sentences_holding(("failed",), sentences) == {0, 2}  # İ folds to i in a pattern
    assert sentences_holding(("kiosk",), sentences) == {3}
    assert sentences_holding(("failed",), sentences, ignore_case=False) == set()


@pytest.mark.parametrize("seed", range(10))
def test_pattern_rules_match_the_all_sentence_reference(seed: int) -> None:
    rng = random.Random(seed)
    odd = ["IF THE TALKS FAIL, the Pentagon will plan.", "The TALKS Broke Down on Monday.",
           "İf the talks fail, nobody knows.", "Niger's WILLINGNESS to partner with Washington."]
    sentences = [rng.choice(POOL + odd) for _ in range(40)]
    assert settled_conditions(sentences) == reference_settled(sentences)
    assert reversed_stances(sentences) == reference_stances(sentences)
