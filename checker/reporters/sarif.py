"""SARIF 2.1.0 for code-scanning dashboards (validated in tests against the OASIS schema).

Locations are lines and columns of the file: for HTML and JSON Lines records they come from the
document's ``place`` (``checker.places``), and the character offsets and snippet, which would be
offsets into the extracted text, are left out there. A record's results point at the archive
file and name the record in ``properties.document``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.document import Document
from checker.engine import FileResult
from checker.findings import Related, Severity
from checker.reporters.common import related_document
from checker.rules import all_rules

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


_URL_LABELS = ("homepage", "documentation", "repository", "source")


@functools.cache
def project_url() -> str | None:
    """The project's URL from its package metadata (``[project.urls]``), None if it has none."""
    try:
        entries = metadata.metadata("checker").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    urls = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        if url.strip():
            urls[label.strip().lower()] = url.strip()
    return next((urls[k] for k in _URL_LABELS if k in urls), next(iter(urls.values()), None))


def _region(doc: Document, start: int, end: int) -> dict[str, Any]:
    line, col, end_line, end_col = doc.file_span(start, end)
    region: dict[str, Any] = {"startLine": line, "startColumn": col, "endLine": end_line,
                              "endColumn": end_col}
    if doc.offsets_are_source:
        region.update(charOffset=start, charLength=max(0, end - start),
                      snippet={"text": doc.snippet(start, end)})
    return region


def _uri(path: str) -> str:
    """A relative URI reference: ``%``, ``#``, ``:`` and spaces in a file name are escaped."""
    return "stdin" if path == "-" else quote(Path(path).as_posix(), safe="/")


def _location(doc: Document | None, path: str) -> str:
    """The file to point at: the archive for a JSON Lines record, else the path checked."""
    if doc is not None and not doc.in_file and doc.place is not None:
        return _uri(doc.place.path)
    return _uri(path)


def as_dict(results: Sequence[FileResult]) -> dict[str, Any]:
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": "checker",
        "version": __version__,
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
    url = project_url()
    if url:
        driver["informationUri"] = url
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for fr in results:
        doc = fr.document
        if fr.error:
            notifications.append({"level": "error", "message": {"text": fr.error},
                                  "locations": [{"physicalLocation": {
                                      "artifactLocation": {"uri": _location(doc, fr.path)}}}]})
            continue
        for f in fr.findings:
            if doc is None:
                continue
            result: dict[str, Any] = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _location(doc, fr.path)},
                    "region": _region(doc, f.start, f.end)}}],
                "properties": {"category": f.category, "rule": f.rule},
            }
            if _location(doc, fr.path) != _uri(fr.path):
                result["properties"]["document"] = fr.path
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            if f.confidence is not None:
                result["properties"]["confidence"] = round(f.confidence, 4)
            if f.related:
                result["relatedLocations"] = [
                    _related(i, rel, related_document(rel, doc, fr.sources),
                             _location(doc, fr.path), doc)
                    for i, rel in enumerate(f.related, 1)
                ]
            if f.fix is not None and doc.offsets_are_source:
                result["fixes"] = [{"description": {"text": f.fix.description},
                                    "artifactChanges": [{
                                        "artifactLocation": {"uri": _location(doc, fr.path)},
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


def _related(i: int, rel: Related, where: Document | None, draft_uri: str,
             doc: Document) -> dict[str, Any]:
    """A related span, in the source text it names or in the draft."""
    shown = where or doc
    uri = _location(where, rel.path) if rel.path else draft_uri
    return {"id": i, "message": {"text": rel.message}, "physicalLocation": {
        "artifactLocation": {"uri": uri}, "region": _region(shown, rel.start, rel.end)}}


def render(results: Sequence[FileResult], *, color: bool = False) -> str:
    return json.dumps(as_dict(results), indent=2, ensure_ascii=False) + "\n"
