"""What the draft-against-source rules compare: words, names, numbers, dates, titles, quotations.

Everything here works on plain strings and character offsets, so the same functions read the
draft and its sources; nothing imports a model.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.nli.lexicon import load_lexicon, stopwords
from checker.resources import load_lines, load_toml

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:['’]s)?\b|\b[A-Z]{2,}\b")
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w]|[.,]\d)"
    r"(?:[ \t\u00a0-]*(million|billion|trillion|thousand|m\b|bn\b|k\b))?",
    re.IGNORECASE,
)
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
          "trillion": 1e12}
_MONTHS = tuple(m.lower() for m in calendar.month_name[1:])
_WEEKDAYS = tuple(d.lower() for d in calendar.day_name)
_DATE_WORD = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS + _WEEKDAYS) + r")\b")
# Straight or curly double quotation marks around words: the opening mark is followed, and the
# closing mark preceded, by a non-space (a gap between two quotations is not one).
QUOTATION = re.compile(r"(?<![\w])[\"“]([^\s\"“”][^\"“”\n]*?[^\s\"“”]|[^\s\"“”])[\"”](?!\w)")
ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…|\[\s*\.\.\.\s*\]")
_QUOTE_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


@dataclass(frozen=True, slots=True)
class Mention:
    """A number, date word or title word found in a sentence, with its offsets."""

    start: int
    end: int
    raw: str
    key: str  # what two mentions are compared by: a value, a lower-cased word


@functools.cache
def _function_words() -> frozenset[str]:
    return stopwords() | frozenset(load_lines("source", "function-words.txt"))


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words that carry the topic, cut to six letters (a cheap stemmer that makes
    'withdrawal' / 'withdrawing' and 'troops' / 'troop' meet)."""
    stop = _function_words()
    out = set()
    for m in WORD.finditer(text):
        w = m.group(0).lower().replace("’", "'")
        if len(w) > 2 and w not in stop:
            out.add(w.removesuffix("'s")[:6])
    out.update(n.key for n in numbers(text))
    return frozenset(out)


def name_tokens(text: str) -> frozenset[str]:
    """Capitalised tokens (possessive removed): weighted higher when aligning sentences."""
    stop = _function_words()
    names = (re.sub(r"['’]s$", "", m.group(0)).lower() for m in CAPITALISED.finditer(text))
    return frozenset(n[:6] for n in names if n not in stop)


def _value(number: str, scale: str | None) -> float:
    value = float(number.replace(",", ""))
    return value * _SCALE.get((scale or "").lower(), 1.0)


def numbers(text: str, offset: int = 0) -> list[Mention]:
    """Figures in digits (with a scale word) and spelled-out numbers, keyed by their value."""
    found = []
    for m in _NUMBER.finditer(text):
        value = _value(m.group(1), m.group(2))
        key = f"{value:g}" if value < 1e15 else str(value)
        found.append(Mention(offset + m.start(), offset + m.end(), m.group(0), key))
    words = load_lexicon().number_words
    for m in WORD.finditer(text):
        low = m.group(0).lower()
        if low in words and low not in ("a", "an", "dozen"):
            found.append(Mention(offset + m.start(), offset + m.end(), m.group(0),
                                 f"{float(words[low]):g}"))
    return sorted(found, key=lambda n: n.start)


def date_words(text: str, offset: int = 0) -> list[Mention]:
    """Month and weekday names (their day numbers are compared as numbers)."""
    return [Mention(offset + m.start(), offset + m.end(), m.group(0), m.group(0).lower())
            for m in _DATE_WORD.finditer(text)]


@functools.cache
def title_groups() -> dict[str, frozenset[str]]:
    table = load_toml("source", "titles.toml")["groups"]
    return {name: frozenset(words) for name, words in table.items()}


def title_words(text: str, offset: int = 0) -> list[Mention]:
    """Capitalised title and role words ("Deputy", "Secretary", "Foreign")."""
    every = frozenset().union(*title_groups().values())
    return [Mention(offset + m.start(), offset + m.end(), m.group(0), m.group(0).lower())
            for m in re.finditer(r"\b[A-Z][a-z]+\b|\bCEO\b|\bCFO\b", text)
            if m.group(0).lower() in every]


def same_title_group(a: str, b: str) -> bool:
    return any(a in words and b in words for words in title_groups().values())


@dataclass(frozen=True, slots=True)
class Quotation:
    start: int  # of the quoted words, inside the marks
    end: int
    text: str


def quotations(text: str, min_words: int = 1) -> Iterator[Quotation]:
    for m in QUOTATION.finditer(text):
        inner = m.group(1)
        if len(_QUOTE_TOKEN.findall(inner)) >= min_words:
            yield Quotation(m.start(1), m.end(1), inner)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    norm: str


def quote_tokens(text: str, offset: int = 0) -> list[Token]:
    """Words of a quotation or a source, compared case-blind with straight apostrophes."""
    return [Token(offset + m.start(), offset + m.end(), m.group(0).lower().replace("’", "'"))
            for m in _QUOTE_TOKEN.finditer(text)]


def quote_pieces(text: str, offset: int = 0) -> list[list[Token]]:
    """A quotation cut at its ellipses: each piece must appear in the source, in order."""
    pieces = []
    pos = 0
    for m in [*ELLIPSIS.finditer(text), None]:
        end = m.start() if m else len(text)
        tokens = quote_tokens(text[pos:end], offset + pos)
        if tokens:
            pieces.append(tokens)
        pos = m.end() if m else len(text)
    return pieces
