"""Where a document's text lies in the file it came from.

Rules and findings work in offsets into ``Document.text``. For plain text and Markdown that text
has the file's length, so an offset is also a file offset. For HTML the text is what the
extractor kept, and for a JSON Lines record it is the decoded ``"text"`` string of one line; a
``FilePlace`` maps offsets in that text back to a line and column of the file, so every report
points where an editor or GitHub can find the words.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

_LINE_END = re.compile(r"\r\n|\r|\n")  # as the reader counts them: CRLF and a lone CR end lines


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Pieces of the text and where each came from: ``text[t0:t1]`` came from ``source[s0:s1]``.

    A piece as long in both is mapped character by character; any other piece (an escape, an
    entity, a word split by a tag) maps every character inside it to the piece's start. Text
    between pieces maps just past the piece before, never beyond the next piece.
    """

    text_starts: tuple[int, ...]
    text_ends: tuple[int, ...]
    source_starts: tuple[int, ...]
    source_ends: tuple[int, ...]

    @classmethod
    def of(cls, pieces: list[tuple[int, int, int, int]]) -> OffsetMap:
        pieces.sort()
        t0, t1, s0, s1 = zip(*pieces, strict=True) if pieces else ((), (), (), ())
        return cls(tuple(t0), tuple(t1), tuple(s0), tuple(s1))

    def __len__(self) -> int:
        return len(self.text_starts)

    def start(self, offset: int) -> int:
        """The source offset of the text character at ``offset``."""
        if not self.text_starts:
            return 0
        i = bisect.bisect_right(self.text_starts, offset) - 1
        if i < 0:
            return self.source_starts[0]
        t0, t1, s0, s1 = (self.text_starts[i], self.text_ends[i], self.source_starts[i],
                          self.source_ends[i])
        if offset < t1:
            return s0 + (offset - t0) if t1 - t0 == s1 - s0 else s0
        limit = self.source_starts[i + 1] if i + 1 < len(self.text_starts) else None
        after = s1 + (offset - t1)
        return after if limit is None else max(s1, min(after, limit))

    def end(self, offset: int) -> int:
        """The source offset just past the text character before ``offset`` (an exclusive end)."""
        if offset <= 0 or not self.text_starts:
            return self.start(offset)
        last = offset - 1
        i = bisect.bisect_right(self.text_starts, last) - 1
        if i >= 0 and last < self.text_ends[i]:
            t0, t1, s0, s1 = (self.text_starts[i], self.text_ends[i], self.source_starts[i],
                              self.source_ends[i])
            return s0 + (offset - t0) if t1 - t0 == s1 - s0 else s1
        return self.start(last) + 1


class FilePlace:
    """The file a document's positions point into, and how its text offsets get there.

    ``offsets`` maps text offsets to offsets in the part of the file that begins at
    ``first_line`` (the whole ``source`` when one is given); ``None`` when nothing finer than
    that line is known (column 1). It may be given as a function, run the first time a
    position is asked for: a page with nothing to report never pays for finding its words.
    """

    __slots__ = ("_build", "_offsets", "_source", "_starts", "first_line", "path")

    def __init__(self, path: str, offsets: OffsetMap | Callable[[], OffsetMap] | None,
                 source: str | None = None, first_line: int = 1) -> None:
        self.path = path
        self.first_line = first_line
        self._source = source
        self._offsets = offsets if not callable(offsets) else None
        self._build = offsets if callable(offsets) else None
        self._starts: tuple[int, ...] | None = None

    @property
    def offsets(self) -> OffsetMap | None:
        build = self._build
        if build is not None:  # set before clearing: a thread that sees no build sees the map
            self._offsets = build()
            self._build = None
        return self._offsets

    @property
    def knows_lines(self) -> bool:
        """False for a page none of whose text was found again (every span says line 1)."""
        return self._source is None or bool(self.offsets)

    def line_col(self, source_offset: int) -> tuple[int, int]:
        if self._starts is None:
            starts = [0]
            if self._source is not None:
                starts.extend(m.end() for m in _LINE_END.finditer(self._source))
            self._starts = tuple(starts)
        line = bisect.bisect_right(self._starts, source_offset) - 1
        return self.first_line + line, source_offset - self._starts[line] + 1

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Where a text span lies in the file part (``source``): start and exclusive end
        offsets, or None when nothing finer than ``first_line`` is known."""
        offsets = self.offsets
        if offsets is None:
            return None
        a = offsets.start(start)
        return a, max(a, offsets.end(end)) if end > start else a

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """1-based line, column, end line and exclusive end column of a text span."""
        where = self.source_span(start, end)
        if where is None:
            return self.first_line, 1, self.first_line, 1
        return (*self.line_col(where[0]), *self.line_col(where[1]))


# One JSON escape: a surrogate pair (one character), \uXXXX, or a one-letter escape.
_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"
                     r"|\\u[0-9a-fA-F]{4}|\\.")
_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def json_text_map(line: str, text: str, key: str = "text") -> OffsetMap | None:
    """Columns (0-based) in one JSON Lines ``line`` of each character of its ``key`` string.

    Exact: the string's own characters map one to one and each escape maps to where it starts.
    ``None`` if the line is not an object whose last ``key`` is a string decoding to ``text``.
    """
    at = _string_value_at(line, key)
    if at is None:
        return None
    pieces: list[tuple[int, int, int, int]] = []
    t, s = 0, at + 1
    decoder = json.JSONDecoder()
    try:
        value, close = decoder.raw_decode(line, at)
    except ValueError:
        return None
    for m in _ESCAPE.finditer(line, s, close - 1):
        if m.start() > s:
            pieces.append((t, t + m.start() - s, s, m.start()))
            t += m.start() - s
        pieces.append((t, t + 1, m.start(), m.end()))
        t, s = t + 1, m.end()
    if close - 1 > s:
        pieces.append((t, t + close - 1 - s, s, close - 1))
        t += close - 1 - s
    if value != text or t != len(text):
        return None
    return OffsetMap.of(pieces)


def _string_value_at(line: str, key: str) -> int | None:
    """Index of the opening quote of the top-level ``key``'s string value (the last one, as
    ``json.loads`` keeps the last of repeated keys)."""
    decoder = json.JSONDecoder()
    i = _skip(line, 0)
    if not line.startswith("{", i):
        return None
    i, found = _skip(line, i + 1), None
    try:
        while i < len(line) and line[i] != "}":
            name, i = decoder.raw_decode(line, i)
            i = _skip(line, i)
            if not line.startswith(":", i):
                return None
            i = _skip(line, i + 1)
            if name == key and line.startswith('"', i):
                found = i
            _, i = decoder.raw_decode(line, i)
            i = _skip(line, i)
            if line.startswith(",", i):
                i = _skip(line, i + 1)
    except (ValueError, RecursionError):
        return None
    return found


def _skip(line: str, i: int) -> int:
    m = _JSON_SPACE.match(line, i)
    return m.end() if m else i
