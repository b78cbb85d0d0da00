"""Finding the article text trafilatura extracted again in the HTML it came from.

trafilatura returns text only, with no positions. The standard library's ``HTMLParser`` does
report where each text node starts, so the page's visible text is collected with the source
offset of every run (entities decoded; ``script``, ``style``, ``title``, ``template`` and
``noscript`` left out), and the extracted text is then matched against it word by word, moving
forward through the page: each extracted line is anchored where its first words occur together
after the previous line, and its words are then taken in order.

This is an approximation, documented as such: a word the extractor changed, or a line it moved
out of page order, is not matched, and an offset there maps just past the nearest matched word
before it. Words are runs of ``\\w`` characters, so punctuation and spacing that the extractor
normalises do not matter.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import defaultdict
from html.parser import HTMLParser

from checker.document import nonblank_line_spans
from checker.places import OffsetMap

_WORD = re.compile(r"\w+")
_HIDDEN = frozenset({"script", "style", "title", "template", "noscript"})
# Tags that do not break a word: "<b>Ba</b>zoum" is one word on the page and in the extract.
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em",
                     "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span",
                     "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr"})
_ANCHOR_WORDS = 4  # words that must follow one another on the page to anchor a line
_ANCHOR_TRIES = 64  # occurrences of a line's first word tried before settling for the first
_WORD_GAP = 40  # page words a line may skip between two of its words (a dropped caption ...)


class _VisibleText(HTMLParser):
    """The page's visible text, with where each run of it starts (and ends) in the source."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.newlines = [0]
        self.newlines.extend(m.end() for m in re.finditer("\n", source))
        self.parts: list[str] = []
        self.part_at: list[int] = []  # offset of each part in the joined text
        self.part_source: list[tuple[int, int]] = []  # (start, end) in the source; -1 for a break
        self.length = 0
        self.hidden = 0

    def _here(self) -> int:
        line, column = self.getpos()
        return self.newlines[line - 1] + column

    def _add(self, text: str, start: int, end: int) -> None:
        self.parts.append(text)
        self.part_at.append(self.length)
        self.part_source.append((start, end))
        self.length += len(text)

    def _break(self, tag: str) -> None:
        if tag not in _INLINE:
            self._add("\n", -1, -1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        self._break(tag)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            start = self._here()
            self._add(data, start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")

    def _reference(self, raw: str) -> None:
        if self.hidden:
            return
        start = self._here()
        end = start + len(raw) + (self.source.startswith(";", start + len(raw)))
        self._add(html.unescape(self.source[start:end]), start, end)

    def joined(self) -> str:
        return "".join(self.parts)

    def source_span(self, a: int, b: int) -> tuple[int, int]:
        """Source offsets of the joined text ``[a, b)`` (a word: never a break inside)."""
        i = bisect.bisect_right(self.part_at, a) - 1
        j = bisect.bisect_right(self.part_at, b - 1) - 1
        return self._source_of(i, a, end=False), self._source_of(j, b - 1, end=True)

    def _source_of(self, part: int, at: int, *, end: bool) -> int:
        start, stop = self.part_source[part]
        if stop - start != len(self.parts[part]):  # an entity: the whole reference
            return stop if end else start
        return start + (at - self.part_at[part]) + (1 if end else 0)


def html_offset_map(source: str, extracted: str) -> OffsetMap:
    """Map offsets in ``extracted`` (trafilatura's text of ``source``) to offsets in ``source``.

    Empty when the page cannot be parsed or no word is found again.
    """
    page = _VisibleText(source)
    try:
        page.feed(source)
        page.close()
    except (AssertionError, ValueError):  # a parser that gives up: no positions, not an error
        return OffsetMap.of([])
    visible = page.joined()
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(visible)]
    where: defaultdict[str, list[int]] = defaultdict(list)
    for k, (w, _, _) in enumerate(words):
        where[w].append(k)
    pieces: list[tuple[int, int, int, int]] = []
    cursor = 0
    for line in nonblank_line_spans(extracted):
        wanted = [(m.group(), m.start()) for m in _WORD.finditer(extracted, line.start, line.end)]
        anchor = _anchor(wanted, words, where, cursor)
        if anchor is None:
            continue
        k = anchor
        for w, at in wanted:
            found = _next(where.get(w, []), k, k + _WORD_GAP)
            if found is None:
                continue
            a, b = page.source_span(words[found][1], words[found][2])
            pieces.append((at, at + len(w), a, b))
            k = found + 1
        cursor = k
    return OffsetMap.of(pieces)


def _anchor(wanted: list[tuple[str, int]], words: list[tuple[str, int, int]],
            where: dict[str, list[int]], cursor: int) -> int | None:
    """Index of the page word where this line starts: its first words in a row after
    ``cursor`` (or, failing that, anywhere on the page), else the next occurrence of one of its
    first words."""
    for first in range(min(3, len(wanted))):
        run = [w for w, _ in wanted[first:first + _ANCHOR_WORDS]]
        hits = where.get(run[0], [])
        for lowest in (cursor, 0):
            i = bisect.bisect_left(hits, lowest)
            for k in hits[i:i + _ANCHOR_TRIES]:
                if [w for w, _, _ in words[k:k + len(run)]] == run:
                    return k
        i = bisect.bisect_left(hits, cursor)
        if i < len(hits):
            return hits[i]
    return None


def _next(hits: list[int], lowest: int, highest: int) -> int | None:
    i = bisect.bisect_left(hits, lowest)
    return hits[i] if i < len(hits) and hits[i] <= highest else None


class _CodeText(HTMLParser):
    """The text of the page's ``pre`` and ``code`` elements, ``<br>`` read as a line break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("pre", "code"):
            self._open.append((tag, []))
        elif tag == "br" and self._open:
            self._open[-1][1].append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self._open:
            self._open[-1][1].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("pre", "code") or not any(t == tag for t, _ in self._open):
            return
        while self._open:
            open_tag, parts = self._open.pop()
            text = "".join(parts)
            if self._open:
                self._open[-1][1].append(text)  # the outer block holds it too
            else:
                self.blocks.append(text)
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1].append(data)


def code_lines(source: str) -> frozenset[str]:
    """The lines of the page's code (``pre`` and ``code`` elements), with runs of spaces made
    one; a lone letter or digit is left out (it says nothing about where it came from), a lone
    brace is not. A ``code`` inside a sentence is listed too, but only a whole extracted line
    equal to it is blanked (``blank_code``), so the sentence is kept."""
    parser = _CodeText()
    try:
        parser.feed(source)
        parser.close()
    except (AssertionError, ValueError):  # markup too broken to read: no code blocks known
        return frozenset()
    lines: set[str] = set()
    for block in parser.blocks:
        # each line, and the whole block on one line (the extractor sometimes joins them)
        for line in (*block.splitlines(), block):
            line = " ".join(line.split())
            if len(line) >= 2 or (line and not line.isalnum()):
                lines.add(line)
    return frozenset(lines)


def blank_code(extracted: str, source: str) -> str:
    """``extracted`` with every line that is a whole line of the page's code blanked to
    spaces (same length, so offsets still map): rules check prose, as they skip code in
    Markdown, and a traceback's "line 3" / "line 1" or a shell's "openssl openssl" are not
    mistakes of the writer's."""
    wanted = code_lines(source)
    if not wanted:
        return extracted
    out = []
    for line in extracted.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip() and " ".join(body.split()) in wanted:
            out.append(" " * len(body) + line[len(body):])
        else:
            out.append(line)
    return "".join(out)
