"""The part of a batch run that executes in a worker: check documents, return rows and a report.

It runs in the calling process, in a local process pool or on a Dask worker, so it takes and
returns only plain picklable values. Models come from :class:`checker.modelhub.ModelHub`, whose
cache lives for the life of the process: each worker loads a model once, on its first document
that needs it, and reuses it for every later batch.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from checker.batch.plan import DocumentJob
from checker.document import Document
from checker.engine import FileResult, check_bytes, check_loaded
from checker.findings import Related
from checker.inputs import InputError, load_document
from checker.modelhub import ModelHub
from checker.reporters.common import related_document

FINDING_COLUMNS = ("path", "code", "rule", "category", "severity", "confidence", "line",
                   "column", "end_line", "end_column", "start", "end", "text", "message",
                   "related")


@dataclass(frozen=True, slots=True)
class DocOutcome:
    """What a worker sends back for one document."""

    path: str
    slug: str
    key: str
    html: str
    record: dict[str, Any]  # {"key", "path", "document": {...}, "findings": [{...}, ...]}


def check_job(job: DocumentJob, models: ModelHub | None = None,
              document: Document | None = None) -> FileResult:
    """``engine.check_bytes`` on the bytes the client read (or the ``document`` already read from
    them); models cached per process."""
    if job.error is not None or job.settings is None:
        return FileResult(job.path, error=job.error or f"{job.path}: no configuration")
    try:
        sources = tuple(load_document(p, raw, job.settings.max_file_bytes)
                        for p, raw in job.sources)
    except InputError as exc:
        return FileResult(job.path, error=f"{job.path}: source text {exc}")
    models = models or ModelHub(job.settings.nli)
    if document is not None:
        return check_loaded(job.path, document, job.settings, models, sources)
    return check_bytes(job.path, job.raw, job.settings, models, sources)


def read_job(job: DocumentJob) -> Document | None:
    """The job's document, or None where it cannot be read (its check then says why)."""
    if job.error is not None or job.settings is None:
        return None
    try:
        return load_document(job.path, job.raw, job.settings.max_file_bytes)
    except InputError:
        return None


def finding_rows(result: FileResult) -> list[dict[str, Any]]:
    doc = result.document
    rows = []
    for f in result.findings:
        # the file's own line and column (for HTML and JSONL, not the extracted text's)
        line, col, end_line, end_col = doc.file_span(f.start, f.end) if doc else (0, 0, 0, 0)
        text = doc.snippet(f.start, f.end) if doc else ""
        related = " | ".join(_related_text(r, doc, result.sources)
                             for r in f.related) if doc else ""
        rows.append({"path": result.path, "code": f.code, "rule": f.rule,
                     "category": f.category, "severity": f.severity.label,
                     "confidence": None if f.confidence is None else round(f.confidence, 4),
                     "line": line, "column": col,
                     "end_line": end_line, "end_column": end_col, "start": f.start,
                     "end": f.end, "text": text, "message": f.message, "related": related})
    return rows


def _related_text(rel: Related, doc: Document, sources: Sequence[Document]) -> str:
    where = related_document(rel, doc, sources)
    text = where.snippet(rel.start, rel.end) if where else ""
    return f"{rel.path}: {text}" if rel.path else text


def document_info(result: FileResult) -> dict[str, Any]:
    doc = result.document
    return {"path": result.path, "kind": doc.kind if doc else "",
            "chars": len(doc.text) if doc else 0, "error": result.error or "",
            "sources": "; ".join(s.path for s in result.sources)}


def process_job(job: DocumentJob, models: ModelHub | None = None,
                document: Document | None = None) -> DocOutcome:
    from checker.reporters.html import render

    _test_delay()
    result = check_job(job, models, document)
    record = {"key": job.key, "path": job.path, "document": document_info(result),
              "findings": finding_rows(result)}
    return DocOutcome(job.path, job.slug, job.key, render([result], back="../index.html"),
                      record)


def process_batch(jobs: Sequence[DocumentJob]) -> list[DocOutcome]:
    """The unit of work sent to a worker: its documents are read, their sentences embedded
    together (``checker.batch.pool``), then each is checked and rendered."""
    from checker.batch.pool import pooled_hubs

    documents = [read_job(job) for job in jobs]
    hubs = pooled_hubs(jobs, documents)
    return [process_job(job, hubs.get(k), documents[k]) for k, job in enumerate(jobs)]


def worker_info() -> dict[str, Any]:
    """What the client checks on each Dask worker before sending work (same tool, same rules)."""
    from checker import __version__
    from checker.batch.plan import rules_signature

    return {"version": __version__, "rules": rules_signature(), "pid": os.getpid(),
            "models": ModelHub.loaded()}


def _test_delay() -> None:
    """Slow each document down (tests kill a run half-way and need it to be half-way)."""
    delay = os.environ.get("CHECKER_REPORT_TEST_DELAY")
    if delay:
        time.sleep(float(delay))
