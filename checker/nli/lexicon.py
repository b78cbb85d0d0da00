"""Loaders for the NLI word lists in ``rules/nli/``.

The lists are data, not code, so that editors can extend them without touching Python; both the
training-pair generator and the deterministic flip rule read them from here, which keeps what the
model was taught and what the rule looks for the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from checker.resources import load_lines, load_rows

VERB_FORM_NAMES = ("base", "3sg", "past", "pastpart", "ing")


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return load_rows("nli", name)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list the NLI components need, loaded once."""

    opposites: dict[str, frozenset[str]]
    verb_pairs: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    verb_opposites: dict[str, frozenset[str]]
    negations: tuple[tuple[str, str], ...]
    places: dict[str, tuple[str, ...]]
    number_words: dict[str, int]
    synonyms: tuple[tuple[str, str], ...]
    neutral_details: tuple[str, ...]
    asymmetric_verbs: frozenset[str]
    base_to_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def counting_words(self, most: int) -> dict[str, int]:
        """The number words that count from one to ``most`` ("four": 4), without the round
        figures ("a dozen" is about twelve, not a count)."""
        return {w: v for w, v in self.number_words.items()
                if 1 <= v <= most and w not in _ROUND_FIGURES}

    def flips(self, word: str) -> frozenset[str]:
        """Words that, put in place of ``word``, turn a claim into its opposite."""
        lower = word.lower()
        return self.opposites.get(lower, frozenset()) | self.verb_opposites.get(lower, frozenset())


_ROUND_FIGURES = frozenset({"dozen", "dozens"})


def _add(table: dict[str, set[str]], a: str, b: str) -> None:
    table.setdefault(a, set()).add(b)
    table.setdefault(b, set()).add(a)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words that say nothing about a sentence's topic (``stopwords.txt``)."""
    return frozenset(load_lines("nli", "stopwords.txt"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read all lists from ``rules/nli``; cached so every caller shares one copy."""
    opposites: dict[str, set[str]] = {}
    for row in _rows("antonyms.tsv"):
        _add(opposites, row[0].strip().lower(), row[1].strip().lower())
    verb_pairs: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    verb_opposites: dict[str, set[str]] = {}
    base_to_forms: dict[str, tuple[str, ...]] = {}
    for row in _rows("event_verbs.tsv"):
        left = tuple(row[0].split("|"))
        right = tuple(row[1].split("|"))
        verb_pairs.append((left, right))
        base_to_forms[left[0]] = left
        base_to_forms[right[0]] = right
        for form_a, form_b in zip(left, right, strict=True):
            if form_a != form_b:
                _add(verb_opposites, form_a, form_b)
    places: dict[str, list[str]] = {}
    for row in _rows("places.txt"):
        places.setdefault(row[0], []).append(row[1])
    return Lexicon(
        opposites={k: frozenset(v) for k, v in opposites.items()},
        verb_pairs=tuple(verb_pairs),
        verb_opposites={k: frozenset(v) for k, v in verb_opposites.items()},
        negations=tuple((r[0], r[1]) for r in _rows("negations.tsv")),
        places={k: tuple(v) for k, v in places.items()},
        number_words={r[0]: int(r[1]) for r in _rows("number_words.tsv")},
        synonyms=tuple((r[0], r[1]) for r in _rows("synonyms.tsv")),
        neutral_details=tuple(r[0] for r in _rows("neutral_details.txt")),
        asymmetric_verbs=frozenset(r[0] for r in _rows("asymmetric_verbs.txt")),
        base_to_forms=base_to_forms,
    )
