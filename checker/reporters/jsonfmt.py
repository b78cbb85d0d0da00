"""The versioned JSON contract (schema_version 1)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from checker.engine import FileResult
from checker.reporters.common import SCHEMA_VERSION, TOOL, finding_dict, positions_note, summary


def as_dict(results: Sequence[FileResult]) -> dict[str, Any]:
    files = []
    for r in results:
        entry: dict[str, Any] = {
            "path": r.path,
            "error": r.error,
            "findings": [finding_dict(f, r.document, r.sources) for f in r.findings],
        }
        note = positions_note(r.document)
        if note:
            entry["positions"] = note
        if r.sources:
            entry["sources"] = [s.path for s in r.sources]
        files.append(entry)
    return {"schema_version": SCHEMA_VERSION, "tool": dict(TOOL), "files": files,
            "summary": summary(results)}


def render(results: Sequence[FileResult], *, color: bool = False) -> str:
    return json.dumps(as_dict(results), indent=2, ensure_ascii=False) + "\n"
