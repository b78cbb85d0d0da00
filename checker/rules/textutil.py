"""Small text helpers shared by rules."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence

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


_LETTER_RUN = re.compile(r"[a-z]++")


@functools.lru_cache(maxsize=4)
def lower_text_words(text: str) -> tuple[str, frozenset[str]]:
    """``text`` in lower case with each run of white space made one space, and the set of its
    runs of letters: the first passes of listed phrases (GB108's and TY112's), made once a
    text."""
    lower = " ".join(text.lower().split())
    return lower, frozenset(_LETTER_RUN.findall(lower))


@functools.cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


class PhraseList:
    """Set phrases listed in a table of ``rules/``, each with the phrase that belongs: a
    spinner's renderings (GB108, "local weather change") and words swapped for others of like
    sound (TY112, "free reign"). A phrase matches as a whole, with any run of white space
    between its words, with its capitals where the list gives any and in any case where it is
    written in lower case. It is looked for only in a text that holds each of its words and,
    in lower case, the phrase itself; its pattern is compiled when a text first needs it
    (compiling 180 takes 45 ms, more than a whole article's check)."""

    def __init__(self, rows: Iterable[Sequence[str]]) -> None:
        entries = []
        for phrase, usual in rows:
            body = r"[ \t\n]++".join(re.escape(w) for w in phrase.split())
            if phrase == phrase.lower():
                body = f"(?i:{body})"
            entries.append((phrase.lower(), usual, rf"(?<![\w'’-]){body}(?![\w'’-])",
                            frozenset(_LETTER_RUN.findall(phrase.lower()))))
        self._entries = tuple(entries)

    def find(self, text: str) -> Iterator[tuple[list[re.Match[str]], str]]:
        """Each listed phrase ``text`` holds: its places, and the phrase that belongs."""
        lower, words = lower_text_words(text)
        for key, usual, source, needed in self._entries:
            if not needed <= words or key not in lower:
                continue  # the cheap first passes: most texts hold none of the phrases
            found = list(_compiled(source).finditer(text))
            if found:
                yield found, usual

    def patterns(self) -> tuple[re.Pattern[str], ...]:
        """Every phrase's pattern, compiled (for the regex audit)."""
        return tuple(_compiled(source) for _, _, source, _ in self._entries)


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
