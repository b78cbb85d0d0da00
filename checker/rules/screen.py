"""A cheap screen in front of a long case-blind alternation of phrases and patterns.

Python's ``re`` tries every branch of an alternation at every character of the text, so a list
of some four hundred furniture phrases costs more than the rest of a rule. Most lines hold none
of them. :func:`required_substrings` reads a pattern's parse tree and gives strings at least one
of which every match must hold (lower-cased: "to your inbox" for ``\\b(?:delivered|sent)
(?:straight |directly )?to your inbox\\b``; "copyright" or "caption" for ``(?:Image|Media)
(?:copyright|caption)``). :class:`Screen` says a text may match only when its lower-cased form
holds one of them, or when a pattern that has no such strings matches; the search itself then
runs as before, so what is found does not change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MIN_LENGTH = 3  # a shorter required string screens out too little to be worth testing
GOOD_LENGTH = 8  # one string this long screens as well as several longer ones, and costs less
MIN_PREFIX = 2  # a text must start with it: a short one still screens out most lines
MAX_ALTERNATIVES = 32  # strings of one required run, at most (a product of alternations)
# The only characters that a case-blind pattern matches to an ASCII letter while their
# ``str.lower()`` holds no such letter (found by trying every code point): with one of them in
# the text the screen cannot tell, and lets it through.
# U+0130 (I with a dot) lower-cases to two characters, an "i" and a combining dot, which
# breaks a string the pattern matches across it.
_UNFOLDED = ("\u0131", "\u017f", "\u0130")  # dotless i, long s, dotted capital I

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LITERAL = sre_parse.LITERAL
_SUBPATTERN = sre_parse.SUBPATTERN
_BRANCH = sre_parse.BRANCH
_IN = sre_parse.IN
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT)
_POSSESSIVE = getattr(sre_parse, "POSSESSIVE_REPEAT", None)
_ATOMIC = getattr(sre_parse, "ATOMIC_GROUP", None)


def _best(candidates: Iterable[frozenset[str]]) -> frozenset[str] | None:
    """The candidate cheapest to test that still screens: a few strings of ``GOOD_LENGTH``
    characters or more (fewest first, then the longest), else the one whose shortest string is
    longest; None if even that is under ``MIN_LENGTH``."""
    usable = [c for c in candidates if c and min(map(len, c)) >= MIN_LENGTH]
    if not usable:
        return None

    def cost(c: frozenset[str]) -> tuple[bool, int, int, list[str]]:
        shortest = min(map(len, c))
        if shortest >= GOOD_LENGTH:
            return False, len(c), -shortest, sorted(c)
        return True, -shortest, len(c), sorted(c)

    return min(usable, key=cost)


def _joined(run: frozenset[str], more: frozenset[str]) -> frozenset[str] | None:
    """Every way through ``run`` followed by every way through ``more``; None where that makes
    more than ``MAX_ALTERNATIVES``."""
    joined = frozenset(a + b for a in run for b in more)
    return joined if len(joined) <= MAX_ALTERNATIVES else None


def _sequence(items: Sequence[tuple[Any, Any]]) -> tuple[frozenset[str] | None,
                                                        frozenset[str] | None]:
    """(the strings the whole sequence matches, if it is literal text and alternations of it;
    the best set of strings one of which any match holds)."""
    run = frozenset({""})  # the strings of the literal run so far, one per way through it
    chunk = ""  # the run's latest stretch of plain text, with one way through
    whole = True
    candidates: list[frozenset[str]] = []
    for op, arg in items:
        exact, required = _element(op, arg)
        if exact is not None and len(exact) == 1:
            chunk += next(iter(exact))
        else:
            candidates.append(frozenset({chunk}))
            chunk = ""
        if exact is not None:
            joined = _joined(run, exact)
            if joined is not None:
                run = joined
                continue
            whole = False  # too many ways through: the run ends, and a new one starts here
            candidates.append(run)
            run = exact
            continue
        whole = False
        candidates.append(run)
        if required is not None:
            candidates.append(required)
        run = frozenset({""})
    candidates += [run, frozenset({chunk})]
    return (run if whole else None), _best(candidates)


def _element(op: Any, arg: Any) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    if op is _LITERAL:
        ch = chr(arg)
        if ch.isascii():
            return frozenset({ch.lower()}), None
        return None, None
    if op is _SUBPATTERN:
        return _sequence(list(arg[3]))
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence(list(arg))
    if op is _BRANCH:
        parts = [_sequence(list(branch)) for branch in arg[1]]
        exact: frozenset[str] | None = None
        if all(e is not None for e, _ in parts):
            joined = frozenset().union(*(e for e, _ in parts if e is not None))
            exact = joined if len(joined) <= MAX_ALTERNATIVES else None
        if exact is not None:
            return exact, _best([exact])
        each = [r for _, r in parts]
        if all(r is not None for r in each):
            return None, frozenset().union(*(r for r in each if r is not None))
        return None, None
    if op is _IN:
        # a class of a few literal characters ("[ \t]"): each of them is a way through
        chars = [chr(v) for kind, v in arg if kind is _LITERAL]
        if len(chars) == len(arg) and all(ch.isascii() for ch in chars):
            return frozenset(ch.lower() for ch in chars), None
        return None, None
    if op in _REPEATS or (_POSSESSIVE is not None and op is _POSSESSIVE):
        low, high, body = arg
        if low == 0 and high == 1:  # optional: nothing, or the body's own ways through
            exact, _ = _sequence(list(body))
            return (exact | {""} if exact is not None else None), None
        if low >= 1:
            exact, required = _sequence(list(body))
            if low == 1 and high == 1:
                return exact, required
            return None, required if required is not None else _best([exact] if exact else [])
        return None, None
    return None, None


def _opening(items: Sequence[tuple[Any, Any]]) -> frozenset[str]:
    """The strings a match of the sequence starts with, one per way through its literal
    opening ({""} where it opens with anything else)."""
    run = frozenset({""})
    for op, arg in items:
        exact, _ = _element(op, arg)
        inner = exact if exact is not None else _inner_opening(op, arg)
        if inner is None:
            return run
        joined = _joined(run, inner)
        if joined is None:
            return run
        run = joined
        if exact is None:  # a group's opening: what follows it is not next to this
            return run
    return run


def _inner_opening(op: Any, arg: Any) -> frozenset[str] | None:
    if op is _SUBPATTERN:
        return _opening(list(arg[3]))
    if op is _BRANCH:
        return frozenset().union(*(_opening(list(branch)) for branch in arg[1]))
    if (op in _REPEATS or (_POSSESSIVE is not None and op is _POSSESSIVE)) and arg[0] >= 1:
        return _opening(list(arg[2]))
    return None


def _parse(pattern: str, flags: int) -> list[tuple[Any, Any]] | None:
    try:
        return list(sre_parse.parse(pattern, flags))
    except (re.error, TypeError, ValueError, AttributeError):
        return None


def required_substrings(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Lower-cased strings, at least one of which every match of ``pattern`` holds; None
    where no such strings of ``MIN_LENGTH`` characters or more can be told from the pattern
    (or it cannot be parsed)."""
    tree = _parse(pattern, flags)
    return None if tree is None else _sequence(tree)[1]


def required_prefixes(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    r"""For a pattern anchored at the start of the text (``^`` without MULTILINE): lower-cased
    strings, one of which the text starts with wherever the pattern matches ("edit" for
    ``^edit\W*$``); None for any other pattern, or one whose opening is not literal text."""
    tree = _parse(pattern, flags)
    return None if tree is None else _prefixes(tree, flags)


def _prefixes(tree: list[tuple[Any, Any]], flags: int) -> frozenset[str] | None:
    if flags & re.MULTILINE or not tree or tree[0] != (sre_parse.AT, sre_parse.AT_BEGINNING):
        return None
    run = _opening(tree[1:])
    return run if min(map(len, run)) >= MIN_PREFIX else None


class Screen:
    """Says whether a text may hold a match of any of ``patterns``: never no where one of them
    would match (the search after it finds what it found without the screen)."""

    def __init__(self, patterns: Sequence[str], flags: int = re.IGNORECASE,
                 phrases: Sequence[str] = ()) -> None:
        """``phrases``: plain text, matched as written (blind to case), which need no parse."""
        strings: set[str] = set()
        prefixes: set[str] = set()
        unscreened: list[str] = []
        for phrase in phrases:  # its longest stretch of ASCII (other letters may fold oddly)
            best = max(_NON_ASCII.split(phrase.lower()), key=len)
            if len(best) >= MIN_LENGTH:
                strings.add(best)
            else:
                unscreened.append(re.escape(phrase))
        for pattern in patterns:
            tree = _parse(pattern, flags)
            opening = None if tree is None else _prefixes(tree, flags)
            if opening is not None:
                prefixes |= opening
                continue
            found = None if tree is None else _sequence(tree)[1]
            if found is None:
                unscreened.append(pattern)
            else:
                strings |= found
        # a string that holds a shorter one is screened by the shorter one
        kept = sorted(strings, key=len)
        minimal: list[str] = []
        for s in kept:
            if not any(m in s for m in minimal):
                minimal.append(s)
        self.strings: tuple[str, ...] = tuple(minimal)
        self.prefixes: tuple[str, ...] = tuple(sorted(prefixes))
        self.unscreened: re.Pattern[str] | None = (
            re.compile("|".join(f"(?:{p})" for p in unscreened), flags) if unscreened else None)

    def may_match(self, text: str) -> bool:
        lower = text.lower()
        if lower.startswith(self.prefixes) or any(s in lower for s in self.strings):
            return True
        if any(ch in text for ch in _UNFOLDED):
            return True
        return self.unscreened is not None and self.unscreened.search(text) is not None
