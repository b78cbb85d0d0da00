"""SARIF 2.1.0 for code-scanning dashboards (validated in tests against the OASIS schema)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker import __version__
from checker.engine import FileResult
from checker.findings import Severity
from checker.reporters.common import related_document
from checker.rules import all_rules

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def _region(doc: Any, start: int, end: int) -> dict[str, Any]:
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
            "charOffset": start, "charLength": max(0, end - start),
            "snippet": {"text": doc.snippet(start, end)}}


def _uri(path: str) -> str:
    return "stdin" if path == "-" else Path(path).as_posix()


def as_dict(results: Sequence[FileResult]) -> dict[str, Any]:
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    driver = {
        "name": "checker",
        "version": __version__,
        "informationUri": "https://example.invalid/checker",
        "rules": [
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.what.strip()},
                "help": {"text": r.docs(), "markdown": r.docs()},
                "defaultConfiguration": {"level": _LEVEL[r.severity]},
                "properties": {"category": r.category, "tags": [r.category]},
            }
            for r in rules
        ],
    }
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for fr in results:
        doc = fr.document
        if fr.error:
            notifications.append({"level": "error", "message": {"text": fr.error},
                                  "locations": [{"physicalLocation": {
                                      "artifactLocation": {"uri": _uri(fr.path)}}}]})
            continue
        for f in fr.findings:
            if doc is None:
                continue
            result: dict[str, Any] = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(fr.path)},
                    "region": _region(doc, f.start, f.end)}}],
                "properties": {"category": f.category, "rule": f.rule},
            }
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            if f.confidence is not None:
                result["properties"]["confidence"] = round(f.confidence, 4)
            if f.related:
                result["relatedLocations"] = [
                    {"id": i, "message": {"text": rel.message}, "physicalLocation": {
                        "artifactLocation": {"uri": _uri(rel.path or fr.path)},
                        "region": _region(related_document(rel, doc, fr.sources) or doc,
                                          rel.start, rel.end)}}
                    for i, rel in enumerate(f.related, 1)
                ]
            if f.fix is not None and doc.offsets_are_source:
                result["fixes"] = [{"description": {"text": f.fix.description},
                                    "artifactChanges": [{
                                        "artifactLocation": {"uri": _uri(fr.path)},
                                        "replacements": [{
                                            "deletedRegion": {"charOffset": e.start,
                                                              "charLength": e.end - e.start},
                                            "insertedContent": {"text": e.replacement}}
                                            for e in f.fix.edits]}]}]
            sarif_results.append(result)
    run: dict[str, Any] = {"tool": {"driver": driver}, "results": sarif_results,
                           "columnKind": "unicodeCodePoints"}
    run["invocations"] = [{"executionSuccessful": not notifications,
                           "toolExecutionNotifications": notifications}]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(results: Sequence[FileResult], *, color: bool = False) -> str:
    return json.dumps(as_dict(results), indent=2, ensure_ascii=False) + "\n"
