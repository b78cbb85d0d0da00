"""The draft sentence and its source sentence side by side, the words that differ marked.

Reporters call this for a finding whose ``related`` span lies in a source text; it returns plain
text pieces (never markup), so the HTML page can build them with ``textContent``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

from checker.document import Document
from checker.findings import Finding

_PIECE = re.compile(r"\s+|[\w'’-]+|[^\w\s]")


def _sentence(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) around a span (the span itself when it lies outside any sentence)."""
    first = doc.sentence_index_at(start)
    last = doc.sentence_index_at(max(start, end - 1))
    a = doc.sentences[first].start if first is not None else start
    b = doc.sentences[last].end if last is not None else end
    return min(a, start), max(b, end)


def _marked(pieces: list[str], changed: set[int]) -> list[list[Any]]:
    return [[p, i in changed] for i, p in enumerate(pieces)]


def word_diff(draft: str, source: str) -> tuple[list[list[Any]], list[list[Any]]]:
    """Both texts cut into pieces, each with a flag: does it differ from the other text?"""
    a, b = _PIECE.findall(draft), _PIECE.findall(source)
    key_a = [p.lower() for p in a]
    key_b = [p.lower() for p in b]
    sm = difflib.SequenceMatcher(None, key_a, key_b, autojunk=False)
    changed_a: set[int] = set()
    changed_b: set[int] = set()
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            changed_a.update(i for i in range(i1, i2) if a[i].strip())
            changed_b.update(j for j in range(j1, j2) if b[j].strip())
    return _marked(a, changed_a), _marked(b, changed_b)


def comparison(f: Finding, doc: Document, sources: Sequence[Document]) -> dict[str, Any] | None:
    """Side-by-side data for a finding that points into a source text, else None."""
    rel = next((r for r in f.related if r.path is not None), None)
    if rel is None:
        return None
    source = next((s for s in sources if s.path == rel.path), None)
    if source is None:
        return None
    da, db = _sentence(doc, f.start, f.end)
    sa, sb = _sentence(source, rel.start, rel.end)
    draft_pieces, source_pieces = word_diff(doc.text[da:db], source.text[sa:sb])
    line, _ = source.line_col(sa)
    return {"path": source.path, "line": line, "draft": draft_pieces, "source": source_pieces}
