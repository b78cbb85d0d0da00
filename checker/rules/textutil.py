"""Small text helpers shared by rules."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from checker.document import Document, Span, nonblank_line_spans

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
# What separates the items of one line of page furniture: "By Eleanor Grice | Published 22:41
# GMT", "Related: Full leaderboard · Round one report" (read by SP101 and SP110).
ITEM_SEPARATOR = re.compile(r"(?<![ \t])[ \t]++[|·•][ \t]++")
_LOWER_RUN = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=4)
def lower_letter_runs(text: str) -> tuple[str, ...]:
    """The maximal runs of a-z in ``text.lower()``, in order: read by GB101 (relation verbs) and
    TY104 (adjacent twins), so listed once per document."""
    return tuple(_LOWER_RUN.findall(text.lower()))


# The pairs of consonants an English word may open on ("br", "st", "th"): a lower-case word
# that opens on two consonants not among them is read letter by letter ("fbi", "ntl", "mri") or
# is not English ("vkontakte").
ONSETS = frozenset(("bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gn", "gr",
                    "kn", "ph", "pl", "pr", "qu", "sc", "sh", "sk", "sl", "sm", "sn", "sp",
                    "st", "sw", "th", "tr", "tw", "wh", "wr"))
VOWELS = frozenset("aeiouy")


def opens_like_a_word(word: str) -> bool:
    """Do the first two letters of ``word`` (lower case) open English words: a vowel among
    them, or a pair of ``ONSETS``?"""
    head = word[:2]
    return head[:1] in VOWELS or head[1:2] in VOWELS or head in ONSETS


def cased_like(found: str, usual: str) -> str:
    """``usual`` with the first letter's case of ``found`` ("Local weather change" ->
    "Climate change", "Alot" -> "A lot"): read by GB108's phrases and TY111's and TY112's fixes."""
    if found[:1].isupper() and usual[:1].islower():
        return usual[0].upper() + usual[1:]
    return usual


def count_words(text: str, marks: str) -> int:
    """The words of ``text``, not counting tokens made only of ``marks``: the dots of a leader
    ("Next page . . . . Contents . . . .") are no words, though ``split`` makes them tokens."""
    words = text.split()
    return len(words) - sum(1 for w in words if w[0] in marks and not w.strip(marks))


def stops_mid_sentence(text: str) -> bool:
    """Does ``text`` (a page's or a draft's last line or sentence) end on a word, a number or a
    comma instead of a sentence's end: cut off after so many characters, or still being typed?"""
    last = text.rstrip()
    return bool(last) and (last[-1].isalnum() or last[-1] in ",-–")


def nonblank_lines(doc: Document) -> Iterator[Span]:
    """Each line with visible text, trimmed."""
    return nonblank_line_spans(doc.text)


def line_removal(doc: Document, span: Span) -> tuple[int, int]:
    """The range that deletes a whole line plus one following blank line, if any (only the
    line's text after an archive's date stamp, which is kept)."""
    text = doc.text
    start = text.rfind("\n", 0, span.start) + 1
    if start == 0 and doc.kind == "text" and doc.markup and doc.touches_markup(0, span.start):
        # the first line opens with an archive's date stamp (blanked metadata): that stays,
        # the line's text goes
        end = text.find("\n", span.end)
        return span.start, len(text) if end < 0 else end
    end = text.find("\n", span.end)
    if end < 0:
        # last line: take the newline before it instead
        return (max(0, start - 1) if start > 0 else 0), len(text)
    end += 1
    blank = end
    while blank < len(text) and text[blank] in " \t":
        blank += 1
    if blank < len(text) and text[blank] == "\n":
        end = blank + 1
    return start, end
