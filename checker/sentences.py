"""Sentence splitting: blingfire's finite-state splitter plus an abbreviation repair pass.

blingfire (Microsoft, maintained, C++ core) splits a 5 kB article in well under a millisecond, which
the rules-only throughput target needs; pysbd gets "Mr." right but costs ~20 ms per article.
blingfire breaks after honorifics and single initials ("Mr. | Basoom", "J. | Peter Baum"), so
pieces that end in one of those are joined back to the sentence that follows.
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import importlib.util
import re
from collections.abc import Callable
from pathlib import Path

from checker.resources import load_lines


@functools.cache
def abbreviations() -> frozenset[str]:
    """Abbreviations after which a sentence does not end ("Mr.", "Gen.", "vs."), lower case:
    the splitter's, and TY113's (a stop after one is no stray full stop)."""
    return frozenset(load_lines("sentences", "abbreviations.txt"))


def _ends_with_abbreviation(piece: str) -> bool:
    """The last word of ``piece`` (trailing space aside) ends in a full stop after at least one
    other character, and is an initial or a listed abbreviation once the stop is taken off."""
    tail = piece.rstrip()
    if not tail.endswith("."):
        return False
    last = tail.rsplit(None, 1)[-1]  # str methods and re's \s agree on what is a space
    if len(last) < 2:
        return False
    token = last[:-1].lstrip("(“\"'‘")
    if len(token) == 1 and token.isupper():  # an initial: "J." or "M."
        return True
    return token.lower() in abbreviations()


_NONSPACE = re.compile(r"\S+")


@functools.cache
def _splitter() -> Callable[[str], str]:
    """blingfire's ``TextToSentences`` called through ctypes.

    Importing the ``blingfire`` package also imports numpy (about 0.15 s of start-up, a tenth of
    a rules-only run over 400 articles) for functions we never use, so the shared library that
    ships in the package is loaded directly; the package import is the fallback.
    """
    try:
        spec = importlib.util.find_spec("blingfire")
        folder = Path(next(iter(spec.submodule_search_locations or ())))  # type: ignore[union-attr]
        lib = ctypes.CDLL(str(folder / "libblingfiretokdll.so"))
        native = lib.TextToSentences
    except (OSError, StopIteration, AttributeError, ImportError):
        import blingfire

        return blingfire.text_to_sentences  # type: ignore[no-any-return]

    def text_to_sentences(text: str) -> str:
        data = text.encode("utf-8")
        out = ctypes.create_string_buffer(len(data) * 2 + 16)
        size = native(ctypes.c_char_p(data), ctypes.c_int(len(data)), ctypes.byref(out),
                      ctypes.c_int(len(out)))
        if size < 0 or size > len(out):
            return text
        return out.value.decode("utf-8")

    return text_to_sentences


_SPACE = re.compile(r"\s*")


def _aligned(chunk: str, sentences: list[str]) -> list[tuple[int, int]] | None:
    """Offsets when the splitter changed only the whitespace between sentences (the usual case);
    None when it also touched whitespace inside one, and the slower alignment is needed."""
    spans = []
    cursor = 0
    for sentence in sentences:
        piece = sentence.strip()
        if not piece:
            continue
        match = _SPACE.match(chunk, cursor)
        start = match.end() if match else cursor
        if not chunk.startswith(piece, start):
            return None
        cursor = start + len(piece)
        spans.append((start, cursor))
    return spans


def _offsets(chunk: str) -> list[tuple[int, int]]:
    """Sentence offsets from blingfire's fast splitter, aligned on non-space characters.

    ``text_to_sentences`` keeps every non-space character and only changes whitespace, so the
    n-th non-space character of its output is the n-th of the input. (The library's own
    ``text_to_sentences_and_offsets`` computes offsets in a Python loop, ten times slower.)
    """
    sentences = _splitter()(chunk).split("\n")
    fast = _aligned(chunk, sentences)
    if fast is not None:
        return fast
    tokens = [(m.start(), m.end()) for m in _NONSPACE.finditer(chunk)]
    cumulative = [0]
    for a, b in tokens:
        cumulative.append(cumulative[-1] + b - a)

    def position(k: int) -> int:
        i = bisect.bisect_right(cumulative, k) - 1
        return tokens[i][0] + (k - cumulative[i])

    spans = []
    consumed = 0
    for sentence in sentences:
        length = len("".join(sentence.split()))
        if length == 0:
            continue
        spans.append((position(consumed), position(consumed + length - 1) + 1))
        consumed += length
    return spans


_LINE = re.compile(r"[^\n]*(?:\n|$)")
_CONTINUATION = re.compile(r"[a-z]")


def line_items(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The paragraph ``text[start:stop]`` cut at its line ends when its lines are items (a
    results table, a programme listing, live commentary, a timeline: one entry a line, often
    without a full stop), or whole when it is prose wrapped at a fixed width. A paragraph counts
    as wrapped prose when some line after the first begins with a lower-case letter, the mark of
    a sentence carried over a line end."""
    lines = [
        (start + m.start(), start + m.end()) for m in _LINE.finditer(text[start:stop]) if m.group()
    ]
    if len(lines) < 2:
        return [(start, stop)]
    for a, b in lines[1:]:
        first = text[a:b].lstrip()[:1]
        if first and _CONTINUATION.match(first):
            return [(start, stop)]
    return lines


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (absolute, half-open, whitespace-trimmed) inside ``text[start:end]``: a
    paragraph whose lines are items is split at its line ends first (``line_items``)."""
    stop = len(text) if end is None else end
    if "\n" in text[start:stop].strip():
        items = line_items(text, start, stop)
        if len(items) > 1:
            return [span for a, b in items for span in _split(text, a, b)]
    return _split(text, start, stop)


def _split(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    chunk = text[start:stop].replace("\n", " ").replace("\r", " ")
    if not chunk.strip():
        return []
    offsets = _offsets(chunk)
    spans: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    for a, b in offsets:
        if pending is not None:
            a = pending[0]
            pending = None
        if _ends_with_abbreviation(chunk[a:b]) and b < len(chunk.rstrip()):
            pending = (a, b)
            continue
        spans.append((a, b))
    if pending is not None:
        spans.append(pending)
    result = []
    for a, b in spans:
        piece = chunk[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if b - trail > a + lead:
            result.append((start + a + lead, start + b - trail))
    return result
