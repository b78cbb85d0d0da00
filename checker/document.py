"""The analysed form of one input file.

``Document.text`` is what rules read. For plain text and Markdown it has exactly the length of the
source, with markup and suppression comments blanked to spaces, so every offset is also an offset
into the file the user wrote. For HTML it is the article text that trafilatura extracted, and
for a record of a JSON Lines archive the record's text; their ``place`` maps offsets back to
lines and columns of the file (``checker.places``), and reporters give those.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from checker.places import FilePlace
from checker.sentences import split_sentences

_NEWLINE = re.compile("\n")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __reduce__(self) -> tuple[type[Span], tuple[int, int]]:
        # pickled as its two fields: every checked document's spans come back from the worker
        # processes by pickle, and the generated __getstate__/__setstate__ of a frozen slots
        # class cost twice as much
        return type(self), (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Suppression:
    """An inline ``checker: ignore CODES`` comment and the region it covers."""

    codes: tuple[str, ...]
    start: int  # the comment itself
    end: int
    scope_start: int  # the text it silences
    scope_end: int


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    kind: str = "text"  # text | markdown | html
    source: str | None = None
    suppressions: tuple[Suppression, ...] = ()
    paragraph_spans: tuple[Span, ...] | None = None
    in_file: bool = True  # False for a record of a JSON Lines archive: no file to point into
    markup: tuple[Span, ...] = ()  # blanked markup (Markdown): not prose, and not a word gap
    encoding: str = "utf-8"  # how the file was decoded (a fix writes it back the same way)
    place: FilePlace | None = None  # where the text lies in its file (HTML, JSON Lines record)
    _line_starts: tuple[int, ...] = field(init=False, repr=False)
    paragraphs: tuple[Span, ...] = field(init=False)
    sentences: tuple[Span, ...] = field(init=False)

    def __post_init__(self) -> None:
        starts = [0]
        starts.extend(m.end() for m in _NEWLINE.finditer(self.text))
        object.__setattr__(self, "_line_starts", tuple(starts))
        paragraphs = self.paragraph_spans or tuple(_blank_line_paragraphs(self.text))
        object.__setattr__(self, "paragraphs", paragraphs)
        sentences = [
            Span(a, b) for p in paragraphs for a, b in split_sentences(self.text, p.start, p.end)
        ]
        object.__setattr__(self, "sentences", tuple(sentences))

    @property
    def offsets_are_source(self) -> bool:
        """True when offsets point into the file as written (not into extracted text)."""
        return self.kind != "html" and self.in_file

    def touches_markup(self, start: int, end: int) -> bool:
        """True when blanked markup lies inside ``[start, end)`` (a gap that was not a space)."""
        if not self.markup:
            return False
        i = bisect.bisect_right(self.markup, start, key=lambda s: s.start)
        if i > 0 and self.markup[i - 1].end > start:
            return True
        return i < len(self.markup) and self.markup[i].start < end

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    @property
    def file_path(self) -> str:
        """The file positions point into (the archive, for a JSON Lines record)."""
        return self.place.path if self.place is not None else self.path

    def file_span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Line, column, end line and exclusive end column in the file, 1-based: what reporters
        print. The same as ``line_col`` where offsets are the file's."""
        if self.place is not None:
            return self.place.span(start, end)
        return (*self.line_col(start), *self.line_col(end))

    def line_span(self, line: int) -> Span:
        """Span of a 1-based line, without its newline."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return Span(start, end)

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def lines(self) -> list[Span]:
        return [self.line_span(n) for n in range(1, self.line_count + 1)]

    def sentence_index_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(self.sentences[i].end, offset + 1):
            return i
        return None

    def sentence_paragraphs(self) -> list[int]:
        """The index of the paragraph each sentence is in."""
        starts = [p.start for p in self.paragraphs]
        return [max(0, bisect.bisect_right(starts, s.start) - 1) for s in self.sentences]

    def sentence_blocks(self) -> list[int]:
        """The block each sentence is in: its paragraph, or, in a text whose lines are not
        wrapped (no sentence runs over a line break), its line. A page copied with one line per
        paragraph and no blank lines between them ("Harbury Show: the results" / "One jar
        chutney: First, …" / …) is one paragraph, but each of its lines stands alone."""
        paragraphs = self.sentence_paragraphs()
        text, sentences = self.text, self.sentences
        if any("\n" in text[s.start : s.end].strip() for s in sentences):
            return paragraphs  # wrapped lines: a line break is no boundary
        out: list[int] = []
        block = 0
        for k, s in enumerate(sentences):
            if k and (paragraphs[k] != paragraphs[k - 1]
                      or "\n" in text[sentences[k - 1].end : s.start]):
                block += 1
            out.append(block)
        return out

    def snippet(self, start: int, end: int) -> str:
        """What the user wrote at these offsets (markup included where offsets are the file's)."""
        shown = self.source if self.offsets_are_source and self.source is not None else self.text
        return shown[start:end].replace("\r", "")


def sentence_texts(doc: Document) -> list[str]:
    """The text of each of ``doc.sentences``."""
    return [doc.text[s.start : s.end] for s in doc.sentences]


def nonblank_line_spans(text: str) -> Iterator[Span]:
    """Each line with visible text, trimmed (the paragraphs of extracted HTML text)."""
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            yield Span(pos + lead, pos + lead + len(stripped))
        pos += len(raw) + 1


def _blank_line_paragraphs(text: str) -> list[Span]:
    spans: list[Span] = []
    start: int | None = None
    pos = 0
    for raw in text.split("\n"):
        line_end = pos + len(raw)
        if raw.strip():
            if start is None:
                start = pos
            last_end = line_end
        elif start is not None:
            spans.append(_trim(text, start, last_end))
            start = None
        pos = line_end + 1
    if start is not None:
        spans.append(_trim(text, start, last_end))
    return [s for s in spans if s.end > s.start]


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
