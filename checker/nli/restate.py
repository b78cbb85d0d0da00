"""Pairs of sentences that are not worth asking the NLI model about.

The model's false contradictions on real articles (all 65 CT101 findings on the 406 untouched
CNN/DM articles were read by hand) fall mostly into two shapes:

- **Restatements.** A summary bullet and the body sentence it was cut from: the same words, with a
  detail added or dropped ("Van Ryn (left) sat calmly …"). The small model was taught that aligned
  sentences with a small change are usually flips, and calls these contradictions with p > 0.95.
- **Parallel items.** A list of prices, fixtures or scores ("• Grapes by 64 cents a pound to
  $3.06." / "• Melons by 24 cents a pound to $1.23."): same template, different subject, different
  numbers. Different subjects cannot contradict each other.

A third shape is rarer but floods the page where it occurs: **two speakers' lines**. A transcript
or a list of picks opens each line with who speaks ("- Jamie Graham, Total Film: Film - The
Aviator; …" / "- Tim Dams, Screen International: Film - Million Dollar Baby; …"). Two people's
statements do not contradict each other, so lines under two different labels are not compared
(``checker.entries.speaker_label``); one speaker's lines still are.

A pair is a restatement when the two sentences align word for word except for insertions and
deletions (or, for near-identical sentences, short replacements) and no differing part carries a
sign of conflict: a negation or refusal word, numbers on both sides, names on both sides (a place
or date swap), an auxiliary or time word (a tense change), or an antonym of a word on the other
side. Those are exactly the changes the flip rule (``flips.py``) and the model exist for, so they
are left to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from checker.entries import speaker_label
from checker.nli.flips import IGNORABLE, LIGHT, NEGATORS, tokens
from checker.nli.lexicon import Lexicon, load_lexicon, stopwords
from checker.resources import load_rows

_BULLETS = "•*-·–"
MIN_SHARED = 5
SHARED_OF_SHORTER = 0.6  # insertions and deletions only
SHARED_OF_LONGER = 0.8  # with replacements
LIST_ITEM_TOKENS = 12
LIST_RUN = 3
FRAGMENT_TOKENS = 10


def _tokens(text: str) -> list[str]:
    return tokens(text, keep_case=True)


@lru_cache(maxsize=1)
def _signs() -> dict[str, frozenset[str]]:
    """``rules/nli/conflict_signs.tsv`` by kind; negators from the flip rule are always in."""
    table: dict[str, set[str]] = {"negative": set(NEGATORS), "auxiliary": set(), "time": set()}
    for kind, word in load_rows("nli", "conflict_signs.tsv"):
        table[kind].add(word.strip().lower())
    return {kind: frozenset(words) for kind, words in table.items()}


def _is_number(token: str, lex: Lexicon) -> bool:
    return token[0].isdigit() or token.lower() in lex.number_words


def _conflict_sign(left: list[str], right: list[str], lex: Lexicon) -> bool:
    """Does this differing part (``left`` in one sentence, ``right`` in the other) look like a
    flip rather than a detail?"""
    signs = _signs()
    lower = {t.lower() for t in left} | {t.lower() for t in right}
    if lower & signs["negative"]:
        return True
    if any(_is_number(t, lex) for t in left) and any(_is_number(t, lex) for t in right):
        return True
    if left and right:
        if any(t[0].isupper() for t in left) and any(t[0].isupper() for t in right):
            return True
        if lower & (signs["auxiliary"] | signs["time"]):
            return True
    return False


def restatement(a: str, b: str, lex: Lexicon | None = None) -> bool:
    """True when ``b`` says what ``a`` says with details added, dropped or lightly reworded."""
    lex = lex or load_lexicon()
    ta, tb = _tokens(a), _tokens(b)
    la, lb = [t.lower() for t in ta], [t.lower() for t in tb]
    if min(len(la), len(lb)) < MIN_SHARED:
        return False
    matcher = SequenceMatcher(None, la, lb, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if shared < MIN_SHARED:
        return False
    if any(op[0] == "replace" for op in ops):
        if shared < SHARED_OF_LONGER * max(len(la), len(lb)):
            return False
    elif shared < SHARED_OF_SHORTER * min(len(la), len(lb)):
        return False
    words_a, words_b = set(la), set(lb)
    for _, i1, i2, j1, j2 in ops:
        if _conflict_sign(ta[i1:i2], tb[j1:j2], lex):
            return False
        if any(lex.flips(x) & words_b for x in la[i1:i2]):
            return False
        if any(lex.flips(y) & words_a for y in lb[j1:j2]):
            return False
    return True


def _fragment(text: str) -> bool:
    """A short, verbless listing line: 'Chelsea 1-1 Manchester City.', '"Veep," 10:30 ET, HBO.'"""
    toks = _tokens(text)
    return (
        0 < len(toks) <= FRAGMENT_TOKENS
        and any(t[0].isdigit() for t in toks)
        and all(t[0].isdigit() or t[0].isupper() or len(t) <= 4 for t in toks)
    )


def _starts_with_bullet(text: str) -> bool:
    first = text.lstrip()[:1]
    return bool(first) and first in _BULLETS


def list_items(sentences: Sequence[str]) -> set[int]:
    """Indices of sentences in a run of at least three short items with a number or a bullet."""
    item = [
        len(_tokens(s)) <= LIST_ITEM_TOKENS
        and (any(c.isdigit() for c in s) or _starts_with_bullet(s))
        for s in sentences
    ]
    out: set[int] = set()
    start = 0
    while start < len(sentences):
        end = start
        while end < len(sentences) and item[end]:
            end += 1
        if end - start >= LIST_RUN:
            out.update(range(start, end))
        start = max(end, start + 1)
    return out


def _subject(text: str, stop: frozenset[str]) -> str | None:
    """The first word that is not a number, a bullet or a function word."""
    for token in _tokens(text):
        low = token.lower()
        if token[0].isdigit() or low in stop or low in IGNORABLE or low in LIGHT:
            continue
        return low
    return None


class PairFilter:
    """Decides, for one document, which candidate pairs the model need not score."""

    def __init__(self, sentences: Sequence[str]) -> None:
        self._sentences = sentences
        self._items = list_items(sentences)
        self._labels = [speaker_label(s) for s in sentences]
        self._stop = stopwords()
        self._lex = load_lexicon()

    def parallel(self, i: int, j: int) -> bool:
        a, b = self._sentences[i], self._sentences[j]
        both_items = i in self._items and j in self._items
        if not (both_items or (_fragment(a) and _fragment(b))):
            return False
        sa, sb = _subject(a, self._stop), _subject(b, self._stop)
        return sa is not None and sb is not None and sa != sb

    def speakers(self, i: int, j: int) -> bool:
        """Two lines of a transcript or a list of picks, each opening with its own speaker's or
        source's label ("- Jamie Graham, Total Film: …" / "- Tim Dams, Screen International:
        …"): two people's statements, which do not contradict each other."""
        a, b = self._labels[i], self._labels[j]
        return a is not None and b is not None and a != b

    def skip(self, i: int, j: int) -> str | None:
        """Why the pair (i, j) is not worth scoring, or None."""
        if self.parallel(i, j):
            return "parallel"
        if self.speakers(i, j):
            return "speakers"
        if restatement(self._sentences[i], self._sentences[j], self._lex):
            return "restatement"
        return None


def unlikely_pairs(
    sentences: Sequence[str], pairs: Sequence[tuple[int, int]]
) -> set[tuple[int, int]]:
    """The pairs among ``pairs`` that the model need not score."""
    pair_filter = PairFilter(sentences)
    return {(i, j) for i, j in pairs if pair_filter.skip(i, j) is not None}
