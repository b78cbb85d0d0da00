"""The deterministic complement to the model: two sentences that say the same thing word for word
except for one antonym, one negation or one number.

Spun copy often inverts a claim by changing a single word ("will leave" / "will stay"), and such a
pair is strong evidence on its own: no model is needed, and none can talk itself out of it. The
word lists are the same ones the training data was made from (``rules/nli``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from checker.budget import check as check_budget
from checker.nli.lexicon import Lexicon, load_lexicon

_TOKEN = re.compile(r"[A-Za-z]+(?:n't|'[a-z]+)?|\d(?:[\d,.]*\d)?")  # a number ends in a digit
_CONTRACTIONS = {
    "can't": ("can", "not"),
    "won't": ("will", "not"),
    "cannot": ("can", "not"),
    "shan't": ("shall", "not"),
}
NEGATORS = frozenset({"not", "never", "no"})
# Words whose presence or absence on one side does not change the claim being compared.
IGNORABLE = frozenset({"the", "a", "an", "also", "now", "already", "still", "just", "that", "then",
                       "however"})
MIN_SHARED = 5
MIN_SHARED_OF_SHORTER = 0.8
MIN_SHARED_OF_LONGER = 0.6
# Short function words that may come or go next to a flip ("leave Niger" / "stay in Niger").
LIGHT = frozenset({"in", "at", "on", "to", "from", "of", "for", "with", "by"})
# How far back a sentence looks for the one it flips: ten times the sentences of a long feature.
# Beyond it a "document" is an archive of many articles, and the pair search would otherwise
# grow with the square of its length.
WINDOW = 1000


@dataclass(frozen=True, slots=True)
class Flip:
    """What differs between the two sentences."""

    kind: str  # antonym | negation | number
    earlier: str
    later: str
    at: int = -1  # where the differing words start among the earlier sentence's tokens


def tokens(text: str, keep_case: bool = False) -> list[str]:
    """Words and numbers, negative contractions split ("didn't" -> "did", "not"); lower-cased
    unless ``keep_case`` (the pair filter tells names by their capitals). A curly apostrophe is
    read as a straight one ("didn’t" is "did", "not"; "UK’s" one word), as most web copy and
    word processors write it."""
    if "\u2019" in text:
        text = text.replace("\u2019", "'")
    if not keep_case and "'" not in text and "\u0130" not in text and "\u212a" not in text:
        lowered = text.lower()  # (U+0130 and U+212A are the only letters that lower to ASCII)
        if "cannot" not in lowered:
            # Without an apostrophe the pattern is blind to case and nothing is split: one scan
            # of the lower-cased text gives the same tokens (most sentences take this path).
            return _TOKEN.findall(lowered)
    out: list[str] = []
    for raw in _TOKEN.findall(text):
        word = raw.lower()
        if word in _CONTRACTIONS:
            out.extend(_CONTRACTIONS[word])
        elif word.endswith("n't"):
            stem = (raw if keep_case else word)[:-3]
            # "ca n't", split by a tokeniser: the "n't" alone is just the negation
            out.extend((stem, "not") if stem else ("not",))
        else:
            out.append(raw if keep_case else word)
    return out


def _number(token: str) -> float | None:
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None


def _verb_negation(neg: list[str], plain: list[str], lex: Lexicon) -> bool:
    """'did not leave' against 'left', 'does not leave' against 'leaves'."""
    if len(neg) != 3 or len(plain) != 1 or neg[1] != "not":
        return False
    forms = lex.base_to_forms.get(neg[2])
    if forms is not None:
        return {"did": forms[2], "does": forms[1], "do": forms[0]}.get(neg[0]) == plain[0]
    return plain[0] in _regular_forms(neg[0], neg[2])


_SIBILANT_END = ("s", "x", "z", "ch", "sh", "o")


def _regular_forms(auxiliary: str, base: str) -> tuple[str, ...]:
    """The forms a regular verb takes where ``auxiliary`` + ``base`` stands ("does not run" /
    "runs", "did not open" / "opened", "does not carry" / "carries"), for a verb the lexicon
    does not list. Irregular pasts ("ran") are not guessed."""
    if len(base) < 2 or not base.isalpha():
        return ()
    consonant_y = base.endswith("y") and base[-2] not in "aeiou"
    if auxiliary == "does":
        if consonant_y:
            return (base[:-1] + "ies",)
        return (base + "es",) if base.endswith(_SIBILANT_END) else (base + "s",)
    if auxiliary == "did":
        if base.endswith("e"):
            return (base + "d",)
        if consonant_y:
            return (base[:-1] + "ied",)
        return (base + "ed", base + base[-1] + "ed")  # "opened", "stopped"
    if auxiliary == "do":
        return (base,)
    return ()


def _classify(a: list[str], b: list[str], lex: Lexicon) -> Flip | None:
    """Name the flip between two differing token runs, or None if they are not a flip."""
    if len(a) == 1 and len(b) == 1:
        x, y = a[0], b[0]
        if y in lex.flips(x):
            return Flip("antonym", x, y)
        nx, ny = _number(x), _number(y)
        if nx is not None and ny is not None and nx != ny:
            return Flip("number", x, y)
        return None
    if (not a and b and set(b) <= NEGATORS) or (not b and a and set(a) <= NEGATORS):
        return Flip("negation", " ".join(a), " ".join(b))
    if _verb_negation(a, b, lex) or _verb_negation(b, a, lex):
        return Flip("negation", " ".join(a), " ".join(b))
    return None


def could_flip(ta: list[str], tb: list[str], sa: frozenset[str], sb: frozenset[str]) -> bool:
    """A cheap upper bound: can the two token lists share enough to be one flip apart?

    A token whose word does not occur in the other sentence can never be aligned, so most pairs
    of a document are ruled out with two set differences, without running the alignment."""
    short, long = sorted((len(ta), len(tb)))
    if short < MIN_SHARED or short < MIN_SHARED_OF_LONGER * long:
        return False
    bound = min(len(ta) - len(sa - sb), len(tb) - len(sb - sa))
    return (
        bound >= MIN_SHARED
        and bound >= MIN_SHARED_OF_SHORTER * short
        and bound >= MIN_SHARED_OF_LONGER * long
    )


def flip_pairs(toks: Sequence[list[str] | None],
               window: int = WINDOW) -> Iterator[tuple[int, int]]:
    """The pairs ``(i, j)``, ``j - window <= i < j``, that :func:`could_flip` accepts (less any
    that share no word, which :func:`word_flip_tokens` refuses anyway), in the order of a loop
    over ``j`` and then ``i``, without looking at every pair.

    ``could_flip`` lets at most 20% of the shorter sentence's length be words missing from the
    longer one (``MIN_SHARED_OF_SHORTER``), so the longer one must hold at least one of the
    shorter one's rarest words that make up more than that share: prefix filtering, as in
    set-similarity joins. Two indexes find them: every word -> the sentences holding it, and
    prefix word -> the sentences it starts. Each index list keeps only the sentences of the last
    ``window``, so the work per sentence is bounded however long the document grows (a word
    common in a long text would otherwise bring every earlier sentence back as a candidate).
    Calls ``checker.budget.check``.
    """
    kinds = [frozenset(t) if t is not None else frozenset() for t in toks]
    sizes = [len(t) if t is not None else 0 for t in toks]
    usable = [t is not None and sizes[k] >= MIN_SHARED for k, t in enumerate(toks)]
    frequency = Counter(w for k, kind in enumerate(kinds) if usable[k] for w in kind)
    # rarest first, ties by the word: one sort of the vocabulary (by word, then stably by count,
    # both with C-level keys), then a C-level key per sentence
    vocabulary = sorted(frequency)
    vocabulary.sort(key=frequency.__getitem__)
    rank = {w: n for n, w in enumerate(vocabulary)}.get
    holding: dict[str, list[int]] = defaultdict(list)
    starting: dict[str, list[int]] = {}
    needs: list[int] = [0] * len(toks)
    for j, tb in enumerate(toks):
        if tb is None or not usable[j]:
            continue
        check_budget()
        size = sizes[j]
        oldest = j - window
        kind = kinds[j]
        prefix, needs[j] = _rare_prefix(sorted(kind, key=rank), size)  # type: ignore[arg-type]
        # the last prefix word is the commonest: tested per candidate, its list never walked
        *walked, last = prefix
        # counted first, filtered by length after: the count of a sentence does not depend on
        # its length, and the filter then runs once per candidate instead of once per hit
        hits = _count(holding, walked or prefix, oldest)
        need = needs[j] - (walked != [])
        candidates = {i for i, n in hits.items()
                      if sizes[i] >= size and n + (n >= need and last in kinds[i]) >= needs[j]}
        back = _count(starting, kind, oldest)
        candidates.update(i for i, n in back.items() if n >= needs[i] and sizes[i] <= size)
        low, high = MIN_SHARED_OF_LONGER * size, size / MIN_SHARED_OF_LONGER
        for i in sorted(candidates):
            ta = toks[i]
            if ta is None or not low <= sizes[i] <= high:  # lengths too far apart to align
                continue
            if could_flip(ta, tb, kinds[i], kind):
                yield i, j
        for word in kind:
            holding[word].append(j)
        for word in prefix:
            starting.setdefault(word, []).append(j)


def _count(index: dict[str, list[int]], words: Iterable[str], oldest: int) -> dict[int, int]:
    """How many of ``words`` each sentence from ``oldest`` on is listed under; older entries
    are dropped from the lists for good. (A plain dict: the lists are short, and a Counter's
    set-up cost more than the counting.)"""
    counts: dict[int, int] = {}
    get = counts.get
    for word in words:
        found = index.get(word)
        if not found:
            continue
        if found[0] < oldest:
            del found[: bisect_left(found, oldest)]
        for i in found:
            counts[i] = get(i, 0) + 1
    return counts


def _rare_prefix(ordered: list[str], size: int) -> tuple[list[str], int]:
    """The rarest words of a sentence (``ordered``: its distinct words, rarest first) and how
    many of them a longer sentence it flips against must hold: with ``k`` the fewest rare words
    whose absence alone would break could_flip's share (``MIN_SHARED_OF_SHORTER``), any
    ``k + 1`` of them must be there but ``k - 1`` at most, so two at least (one when the
    sentence has no more than ``k`` distinct words)."""
    k = 1
    while k < len(ordered) and size - k >= MIN_SHARED_OF_SHORTER * size:
        k += 1
    if size - k >= MIN_SHARED_OF_SHORTER * size or k + 1 > len(ordered):
        return ordered[:k], 1
    return ordered[: k + 1], 2


def word_flip(earlier: str, later: str, lex: Lexicon | None = None) -> Flip | None:
    """The single flip that separates two otherwise identical sentences, if there is exactly one."""
    return word_flip_tokens(tokens(earlier), tokens(later), lex or load_lexicon())


def word_flip_tokens(ta: list[str], tb: list[str], lex: Lexicon) -> Flip | None:
    """:func:`word_flip` on sentences already split into tokens."""
    if min(len(ta), len(tb)) < MIN_SHARED or ta == tb:  # the same words: nothing flipped
        return None
    matcher = SequenceMatcher(None, ta, tb, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    if (
        shared < MIN_SHARED
        or shared < MIN_SHARED_OF_SHORTER * min(len(ta), len(tb))
        or shared < MIN_SHARED_OF_LONGER * max(len(ta), len(tb))
    ):
        return None
    found: Flip | None = None
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        left = [t for t in ta[i1:i2] if t not in IGNORABLE]
        right = [t for t in tb[j1:j2] if t not in IGNORABLE]
        bare_left = [t for t in left if t not in LIGHT]
        bare_right = [t for t in right if t not in LIGHT]
        if bare_left and bare_right:
            left, right = bare_left, bare_right
        if not left and not right:
            continue
        if not (left and right) and set(left + right) <= LIGHT:
            continue
        flip = _classify(left, right, lex)
        if flip is None or found is not None:
            return None
        found = replace(flip, at=i1)
    return found
