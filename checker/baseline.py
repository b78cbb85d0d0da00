"""Baselines: record today's findings once, then report only findings that are new.

A finding is identified by its code, the text it points at and a hash of the sentence around it,
never by line numbers, so adding a paragraph above an old finding does not make it new again.
Identical findings are counted, so a second copy of a baselined slip is still reported.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker import __version__
from checker.atomic import write_text
from checker.document import Document
from checker.engine import FileResult
from checker.findings import Finding

BASELINE_VERSION = 1
DEFAULT_BASELINE = ".checker-baseline.json"
_SPACE = re.compile(r"\s+")


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names it and says why."""


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def _context(doc: Document, f: Finding) -> str:
    """The sentence(s) the finding sits in, or its line when no sentence covers it."""
    first = doc.sentence_index_at(f.start)
    last = doc.sentence_index_at(max(f.start, f.end - 1))
    if first is not None:
        stop = last if last is not None and last >= first else first
        return doc.text[doc.sentences[first].start : doc.sentences[stop].end]
    line = doc.line_col(f.start)[0]
    span = doc.line_span(line)
    return doc.text[span.start : span.end]


def fingerprint(doc: Document, f: Finding) -> str:
    parts = (f.code, _norm(doc.text[f.start : f.end]), _norm(_context(doc, f)))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _key_path(path: str, base: Path) -> str:
    """Paths are stored relative to the baseline file, so the repository can move."""
    if path == "-":
        return path
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(base.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


@dataclass(frozen=True)
class Baseline:
    counts: Counter[tuple[str, str]]
    base: Path

    @classmethod
    def load(cls, file: str | Path) -> Baseline:
        path = Path(file)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"{path}: baseline file not found (create it with "
                                "--write-baseline)") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"{path}: cannot read baseline ({exc})") from None
        if not isinstance(data, dict) or data.get("baseline_version") != BASELINE_VERSION:
            raise BaselineError(f"{path}: not a checker baseline (version "
                                f"{BASELINE_VERSION} expected)")
        counts: Counter[tuple[str, str]] = Counter()
        for entry in data.get("findings", []):
            counts[(str(entry["path"]), str(entry["fingerprint"]))] += 1
        return cls(counts, path.parent)

    def new_findings(self, path: str, doc: Document | None,
                     findings: Sequence[Finding]) -> list[Finding]:
        """Findings beyond those the baseline holds for this file."""
        if doc is None:
            return list(findings)
        budget = Counter(self.counts)
        key = _key_path(path, self.base)
        kept = []
        for f in findings:
            k = (key, fingerprint(doc, f))
            if budget[k] > 0:
                budget[k] -= 1
            else:
                kept.append(f)
        return kept


def baseline_dict(results: Sequence[FileResult], file: str | Path) -> dict[str, Any]:
    base = Path(file).parent
    entries = []
    for r in results:
        if r.document is None:
            continue
        for f in r.findings:
            entries.append({"path": _key_path(r.path, base), "code": f.code,
                            "fingerprint": fingerprint(r.document, f),
                            "text": r.document.text[f.start : f.end][:80],
                            "line": r.document.line_col(f.start)[0]})
    entries.sort(key=lambda e: (e["path"], e["line"], e["code"], e["fingerprint"]))
    return {"baseline_version": BASELINE_VERSION, "tool": {"name": "checker",
                                                           "version": __version__},
            "note": "line is for people; matching uses code, text and sentence only",
            "findings": entries}


def write_baseline(results: Sequence[FileResult], file: str | Path) -> int:
    data = baseline_dict(results, file)
    write_text(file, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return len(data["findings"])
