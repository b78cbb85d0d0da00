"""Offset-to-position conversion shared by every reporter."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from checker import __version__
from checker.document import Document
from checker.engine import FileResult
from checker.findings import Finding, Related

SCHEMA_VERSION = 1
TOOL = {"name": "checker", "version": __version__}


def position(doc: Document | None, start: int, end: int) -> dict[str, int]:
    """Line and column in the file (for HTML and JSON Lines records too: ``Document.place``)."""
    if doc is None:
        return {"line": 0, "column": 0, "end_line": 0, "end_column": 0}
    line, col, end_line, end_col = doc.file_span(start, end)
    return {"line": line, "column": col, "end_line": end_line, "end_column": end_col}


def related_document(rel: Related, doc: Document | None,
                     sources: Sequence[Document] = ()) -> Document | None:
    """The document a related span points into: the draft, or the source text it names."""
    if rel.path is None:
        return doc
    return next((s for s in sources if s.path == rel.path), None)


def related_dict(rel: Related, doc: Document | None,
                 sources: Sequence[Document] = ()) -> dict[str, Any]:
    where = related_document(rel, doc, sources)
    data: dict[str, Any] = {"start": rel.start, "end": rel.end,
                            **position(where, rel.start, rel.end), "message": rel.message,
                            "text": where.snippet(rel.start, rel.end) if where else ""}
    if rel.path is not None:
        data["path"] = rel.path
    if rel.code is not None:  # another rule's finding on this problem, merged into this one
        data["code"] = rel.code
    return data


def finding_dict(f: Finding, doc: Document | None,
                 sources: Sequence[Document] = ()) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": f.code,
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity.label,
        "message": f.message,
        "start": f.start,
        "end": f.end,
        **position(doc, f.start, f.end),
        "confidence": None if f.confidence is None else round(f.confidence, 4),
        "text": doc.snippet(f.start, f.end) if doc else "",
        "related": [related_dict(r, doc, sources) for r in f.related],
        "fix": None,
    }
    if f.fix is not None and doc is not None and doc.offsets_are_source:
        data["fix"] = {
            "description": f.fix.description,
            "applicability": f.fix.applicability.value,
            "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement}
                      for e in f.fix.edits],
        }
    return data


def summary(results: Sequence[FileResult]) -> dict[str, Any]:
    cats: Counter[str] = Counter()
    sevs: Counter[str] = Counter()
    hidden: Counter[str] = Counter()
    for r in results:
        cats.update(f.category for f in r.findings)
        sevs.update(f.severity.label for f in r.findings)
        hidden.update(r.hidden)
    return {
        "files": len(results),
        "findings": sum(len(r.findings) for r in results),
        "errors": sum(1 for r in results if r.error),
        "by_category": dict(sorted(cats.items())),
        "by_severity": dict(sorted(sevs.items())),
        "hidden": dict(sorted(hidden.items())),  # below --min-severity, by severity
    }


def positions_note(doc: Document | None) -> str | None:
    """What line/column and start/end mean where the text checked is not the file as written."""
    if doc is None or doc.offsets_are_source:
        return None
    if doc.kind == "html":
        return ("line and column point into the HTML file, where each extracted word was found "
                "again; start/end and the text shown are the article text extracted from it")
    if doc.place is not None:
        return (f"line is the record's line in {doc.place.path} and column a character of its "
                "JSON string (1 if unknown); start/end and the text shown are the record's text")
    return "start/end, line and column refer to the document's text, not to a file"
