"""Blank out Markdown markup so rules read only prose, keeping every offset in place.

markdown-it-py (the CommonMark reference port) finds the block structure: code, HTML blocks and
the paragraph/heading ranges. Inline markup is blanked with patterns over the remaining lines;
every pattern runs in linear time (possessive quantifiers, no run that can be split two ways),
which ``tests/inputs/test_regex_audit.py`` checks against adversarial input.
Every replacement is the same length as what it replaces, so offsets stay valid in the file.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.token import Token

from checker.document import Span

# the module (the package re-exports its function under the same name)
table_rule: Any = importlib.import_module("markdown_it.rules_block.table")


def _table_extent(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's table rule, less the tokens for every row and cell: only where a table
    starts and ends matters here, and a 4 MB table made over a million tokens. The rows are
    ended exactly as the original rule ends them."""
    if not table_rule.table(state, start, end, True):
        return False
    if silent:
        return True
    header = table_rule.escapedSplit(mdTrim(table_rule.getLine(state, start)))
    columns = len(header) - (header[:1] == [""]) - (len(header) > 1 and header[-1] == "")
    old_parent, state.parentType = state.parentType, "table"
    terminators = state.md.block.ruler.getRules("blockquote")
    autocompleted = 0
    line = start + 2
    while line < end:
        if state.sCount[line] < state.blkIndent:
            break
        if any(rule(state, line, end, True) for rule in terminators):
            break
        text = mdTrim(table_rule.getLine(state, line))
        if not text or state.is_code_block(line):
            break
        cells = table_rule.escapedSplit(text)
        autocompleted += columns - (len(cells) - (cells[:1] == [""])
                                    - (len(cells) > 1 and cells[-1] == ""))
        if autocompleted > table_rule.MAX_AUTOCOMPLETED_CELLS:
            break
        line += 1
    state.push("table_open", "table", 1).map = [start, line]
    state.push("table_close", "table", -1)
    state.parentType = old_parent
    state.line = line
    return True


# Only block structure is read (token maps), so inline parsing, slow on "![![![..." lines, is off.
_MD = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])
_MD.block.ruler.at("table", _table_extent, {"alt": ["paragraph", "reference"]})

_INLINE_PATTERNS: tuple[tuple[re.Pattern[str], tuple[int, ...] | None], ...] = (
    # (pattern, groups to KEEP; None = blank the whole match)
    (re.compile(r"(?<!`)`++[^`\n]++`+"), None),
    (re.compile(r"!\[[^\[\]\n]*+\]\([^)\n]*+\)"), None),
    (re.compile(r"\[([^\[\]\n]++)\]\([^)\n]*+\)"), (1,)),
    (re.compile(r"\[([^\[\]\n]++)\]\[[^\[\]\n]*+\]"), (1,)),
    (re.compile(r"<(?:https?://|mailto:)[^>\s]+>"), None),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), None),
    (re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]+\S.*$", re.M), None),
    (re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t]|$)|(?<![ \t])[ \t]++#++[ \t]*+$", re.M), None),
    (re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$", re.M), None),
    (re.compile(r"^[ \t]{0,3}(?:(?:[-*_])[ \t]*){3,}$", re.M), None),
    (re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M), None),
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])", re.M), None),
    (re.compile(r"(?<![\w*_])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*_])"), None),
    (re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|])"), None),
    (re.compile(r"^[ \t]*+\|?(?:[ \t]*+:?-++:?[ \t]*+\|)++[ \t]*+:?-*+:?[ \t]*+$", re.M), None),
    # Table pipes stay: they are not words, and blanking them would join cells into one run.
)
_INLINE_CODE = re.compile(r"(?<!`)(`++)[^`\n]+?\1(?!`)")  # backtick runs are maximal


def block_tokens(text: str) -> list[Token]:
    """Block tokens of ``text``: parse once and hand them to :func:`code_regions` and
    :func:`mask_markdown` (a 4 MB table is over a million tokens). A CR counts as a space, as
    in ``build_document``: markdown-it would end a line there and its line numbers would not
    match ours."""
    return _MD.parse(text.replace("\r", " "))


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _line_offsets(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    starts.append(len(text) + 1)
    return starts


def code_regions(text: str, tokens: list[Token] | None = None) -> list[tuple[int, int]]:
    """Code blocks and code spans: text shown as code, never prose or a directive."""
    starts = _line_offsets(text)
    regions = []
    for token in block_tokens(text) if tokens is None else tokens:
        if token.map is not None and token.type in {"fence", "code_block"}:
            first, last = token.map
            regions.append((starts[first], min(starts[last] - 1, len(text))))
    regions.extend((m.start(), m.end()) for m in _INLINE_CODE.finditer(text))
    return sorted(regions)


def blanked_spans(original: str, masked: str) -> tuple[Span, ...]:
    """Runs of characters that were markup and are now blank."""
    spans: list[Span] = []
    start = -1
    for i, (a, b) in enumerate(zip(original, masked, strict=True)):
        hidden = a != b
        if hidden and start < 0:
            start = i
        elif not hidden and start >= 0:
            spans.append(Span(start, i))
            start = -1
    if start >= 0:
        spans.append(Span(start, len(original)))
    return tuple(spans)


def mask_markdown(text: str, tokens: list[Token] | None = None
                  ) -> tuple[str, tuple[Span, ...]]:
    """Return (prose-only text of equal length, paragraph spans); ``tokens``, if given, are
    ``block_tokens(text)``."""
    chars = list(text)
    front = re.match(r"---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)", text, re.S)
    if front:
        _blank(chars, 0, front.end())
    starts = _line_offsets(text)
    blocks: list[tuple[int, int]] = []
    if front or tokens is None:
        tokens = block_tokens("".join(chars))
    for token in tokens:
        if token.map is None:
            continue
        first, last = token.map
        a, b = starts[first], min(starts[last] - 1, len(text))
        if token.type in {"fence", "code_block", "html_block"}:
            _blank(chars, a, b)
        elif token.type in {"paragraph_open", "heading_open"} and token.level <= 6:
            blocks.append((a, b))
    masked = "".join(chars)
    chars = list(masked)
    _blank_comments(masked, chars)
    masked = "".join(chars)
    for pattern, keep in _INLINE_PATTERNS:
        masked = _apply(masked, pattern, keep)
    paragraphs = tuple(_trimmed(masked, blocks))
    return masked, paragraphs


def _blank_comments(text: str, chars: list[str]) -> None:
    """``<!-- ... -->`` blanked in one left-to-right pass (a lazy ``<!--.*?-->`` pattern rescans
    to the end of the text from every unclosed ``<!--``: quadratic)."""
    at = text.find("<!--")
    while at >= 0:
        end = text.find("-->", at + 4)
        if end < 0:
            return
        _blank(chars, at, end + 3)
        at = text.find("<!--", end + 3)


def _apply(text: str, pattern: re.Pattern[str], keep: tuple[int, ...] | None) -> str:
    chars: list[str] | None = None
    for match in pattern.finditer(text):
        if chars is None:
            chars = list(text)
        if keep is None:
            _blank(chars, match.start(), match.end())
            continue
        cursor = match.start()
        for group in keep:
            _blank(chars, cursor, match.start(group))
            cursor = match.end(group)
        _blank(chars, cursor, match.end())
    return text if chars is None else "".join(chars)


def _trimmed(text: str, blocks: Iterable[tuple[int, int]]) -> Iterable[Span]:
    seen: set[tuple[int, int]] = set()
    for a, b in sorted(blocks):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and (a, b) not in seen:
            seen.add((a, b))
            yield Span(a, b)
