"""The model-free contradiction rules (CT102-CT104) find their sentence pairs through word and
noun indexes instead of comparing every pair: same findings as the all-pairs loops they replace
(kept here as the reference), and a large document within its time budget."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence

import pytest

from checker.budget import BudgetExceeded, budget
from checker.nli.contradict import eligible, flip_conflicts
from checker.nli.flips import MIN_SHARED, MIN_SHARED_OF_LONGER, could_flip, flip_pairs, tokens
from checker.nli.patterns import (
    PatternConflict,
    _fold,
    _group,
    _moot,
    _outcomes,
    reversed_stances,
    settled_conditions,
    stances,
)

POOL = [
    "The central bank raised interest rates on Wednesday.",
    "The central bank cut interest rates on Wednesday.",
    "The central bank did not raise interest rates on Wednesday.",
    "More than 1,000 U.S. troops will leave Niger in the coming months.",
    "More than 1,200 U.S. troops will leave Niger in the coming months.",
    "More than 1,000 U.S. troops will stay in Niger in the coming months.",
    "The talks broke down amid a wave of bad feelings.",
    "But if the talks fail, the Pentagon is planning for the worst-case scenario.",
    "The talks resumed on Monday after a long pause.",
    "Niger said last month it was scrapping a military agreement with the United States.",
    "Officials said Niger's willingness to partner with Washington would be hard to change.",
    "The United States wanted to resume cooperation with Niger.",
    "The museum reopened to visitors on Saturday after a two-year renovation.",
    "The museum remained closed to visitors on Saturday.",
    "Shares in the company rose sharply in early trading on Monday.",
    "Shares in the company fell sharply in early trading on Monday.",
    "The council met on Tuesday to discuss the budget for next year.",
    "Police said the man was arrested at his home in the city.",
]


def reference_flip_pairs(toks: Sequence[list[str] | None]) -> list[tuple[int, int]]:
    kinds = [frozenset(t) if t is not None else frozenset() for t in toks]
    sizes = [len(t) if t is not None else 0 for t in toks]
    out = []
    for j, tb in enumerate(toks):
        if tb is None or sizes[j] < MIN_SHARED:
            continue
        low, high = MIN_SHARED_OF_LONGER * sizes[j], sizes[j] / MIN_SHARED_OF_LONGER
        for i in range(j):
            ta = toks[i]
            if ta is not None and low <= sizes[i] <= high and could_flip(
                    ta, tb, kinds[i], kinds[j]):
                out.append((i, j))
    return out


def reference_settled(sentences: Sequence[str]) -> list[PatternConflict]:
    settled_re, conditional_re, group_of = _outcomes()
    settled = [{(_fold(m.group(1)), _group(m.group(2), group_of))
                for m in settled_re.finditer(s)} for s in sentences]
    conditional = [{(_fold(m.group(1)), _group(m.group(2), group_of))
                    for m in conditional_re.finditer(s)} for s in sentences]
    out = []
    for j in range(len(sentences)):
        for i in range(j):
            for facts, conditions in ((settled[i], conditional[j]), (conditional[i], settled[j])):
                nouns = sorted(n for n, g in facts for o, c in conditions
                               if n == o and _moot(g, c))
                if nouns:
                    out.append(PatternConflict(i, j, "settled-condition", nouns[0]))
                    break
    return out


def reference_stances(sentences: Sequence[str]) -> list[PatternConflict]:
    found = [stances(s) for s in sentences]
    out = []
    for j in range(len(sentences)):
        for i in range(j):
            for key, sign in found[j].items():
                if found[i].get(key) == -sign:
                    out.append(PatternConflict(i, j, "reversed-stance", f"{key[0]} / {key[1]}"))
                    break
    return out


def _document(seed: int, size: int) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(POOL) for _ in range(size)]


@pytest.mark.parametrize("seed", range(20))
def test_the_indexes_find_what_all_pairs_find(seed: int) -> None:
    sentences = _document(seed, 12 + seed * 3)
    toks = [tokens(s) if eligible(s) else None for s in sentences]
    assert list(flip_pairs(toks)) == reference_flip_pairs(toks)
    assert settled_conditions(sentences) == reference_settled(sentences)
    assert reversed_stances(sentences) == reference_stances(sentences)


def test_the_pool_gives_findings_of_every_kind_to_compare() -> None:
    assert len(flip_conflicts(POOL)) == 5
    assert [(c.earlier, c.later) for c in settled_conditions(POOL)] == [(6, 7)]
    assert [(c.earlier, c.later) for c in reversed_stances(POOL)] == [(9, 10)]
    doubled = POOL + POOL  # and each again against its copy
    assert settled_conditions(doubled) == reference_settled(doubled)
    assert reversed_stances(doubled) == reference_stances(doubled)


def test_a_long_document_of_distinct_sentences_is_compared_through_the_index() -> None:
    words = [f"w{n}" for n in range(4000)]
    rng = random.Random(0)
    sentences = [" ".join(rng.sample(words, 12)) + "." for _ in range(4000)]
    toks = [tokens(s) if eligible(s) else None for s in sentences]
    assert list(flip_pairs(toks)) == []  # and it took index lookups, not 8 million pairs


def test_a_pathological_document_runs_out_of_budget_instead_of_hanging() -> None:
    sentences = [POOL[0]] * 3000  # every pair passes the filter: quadratic by nature
    started = time.monotonic()
    with pytest.raises(BudgetExceeded), budget(0.2):
        flip_conflicts(sentences)
    assert time.monotonic() - started < 5
