"""Turning findings into LSP diagnostics and text edits.

The core counts Unicode code points; LSP clients count in a negotiated unit (UTF-16 unless the
client offers better), so every position goes through ``Positions``. HTML findings point into
extracted article text; their ranges go through the document's position map
(``Document.place``, built by ``checker.htmlmap``), the same one every report format uses, so a
diagnostic lands where the CLI, SARIF and GitHub annotations say (fixes are never offered for
HTML).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Any

from lsprotocol import types

from checker.document import Document
from checker.findings import Applicability, Finding, Severity

_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
             Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}


def utf16_units(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


class Positions:
    """Offsets in a source text to LSP positions, in the client's units."""

    def __init__(self, text: str, units: Callable[[str], int] = utf16_units) -> None:
        self.text = text
        self.units = units
        self.starts = [0]
        self.starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return types.Position(line=line, character=self.units(self.text[start:offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(max(start, end)))

    def offset(self, position: types.Position) -> int:
        """A client position back to an offset (for code-action ranges)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        stop = self.starts[position.line + 1] - 1 if position.line + 1 < len(self.starts) \
            else len(self.text)
        line = self.text[start:stop]
        count = 0
        for i, ch in enumerate(line):
            if count >= position.character:
                return start + i
            count += self.units(ch)
        return stop


def source_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Where a span of ``doc.text`` lies in the text the editor shows: the span itself where
    offsets are the file's, else mapped through ``doc.place`` (the start of the file when the
    page's words could not be found again)."""
    if doc.offsets_are_source or doc.place is None:
        return start, end
    return doc.place.source_span(start, end) or (0, 0)


def diagnostic(f: Finding, uri: str, pos: Positions, doc: Document) -> types.Diagnostic:
    start, end = source_span(doc, f.start, f.end)
    related = []
    for rel in f.related:
        r_start, r_end = source_span(doc, rel.start, rel.end)
        related.append(types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=pos.range(r_start, r_end)),
            message=rel.message))
    data: dict[str, Any] = {"category": f.category, "rule": f.rule}
    if f.confidence is not None:
        data["confidence"] = round(f.confidence, 4)
    if f.fix is not None and doc.offsets_are_source:
        data["fix"] = f.fix.applicability.value
    return types.Diagnostic(
        range=pos.range(start, end),
        message=f.message,
        severity=_SEVERITY[f.severity],
        code=f.code,
        source=f"checker/{f.category}",
        related_information=related or None,
        data=data,
    )


def text_edits(f: Finding, pos: Positions) -> list[types.TextEdit]:
    if f.fix is None:
        return []
    return [types.TextEdit(range=pos.range(e.start, e.end), new_text=e.replacement)
            for e in f.fix.edits]


def fix_title(f: Finding) -> str:
    assert f.fix is not None
    unsafe = " (unsafe: check the result)" if f.fix.applicability is Applicability.UNSAFE else ""
    return f"{f.code}: {f.fix.description}{unsafe}"


def overlapping(findings: Iterable[Finding], start: int, end: int) -> list[Finding]:
    """Findings whose span touches [start, end] (a cursor inside a finding counts)."""
    return [f for f in findings if f.start <= end and start <= max(f.end, f.start + 1)]
