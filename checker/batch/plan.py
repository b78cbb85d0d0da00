"""What a batch run has to do: inputs, their cache keys, and the manifest of finished work.

A document may be skipped on a re-run only when nothing that changes its findings has changed:
its bytes, the configuration fingerprint, the tool version and the set of registered rules (a
merged rule changes findings without changing the version). The manifest records the key of each
finished document; each document's own record file also carries its key, so work written just
before a run was killed is trusted even if the manifest update after its batch never happened.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from checker import __version__
from checker.atomic import write_text
from checker.config import Settings

MANIFEST = "manifest.json"
STATE_DIR = ".checker-report"
DOCS_DIR = "docs"
MANIFEST_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class DocumentJob:
    """One document to check, carrying its bytes so a remote worker needs no shared disk."""

    path: str
    slug: str
    key: str
    raw: bytes
    settings: Settings | None
    error: str | None = None  # set when the configuration could not be loaded
    sources: tuple[tuple[str, bytes], ...] = ()  # (path, bytes) of the texts it is checked against


@cache
def rules_signature() -> str:
    from checker.rules import all_rules

    codes = ",".join(f"{r.code}:{r.name}" for r in all_rules())
    return hashlib.sha256(codes.encode()).hexdigest()[:12]


def cache_key(raw: bytes, settings: Settings | None,
              sources: tuple[tuple[str, bytes], ...] = ()) -> str:
    digest = hashlib.sha256(raw)
    for path, data in sources:  # a changed source text changes the findings
        digest.update(b"\0" + path.encode() + b"\0" + data)
    content = digest.hexdigest()[:24]
    config = settings.fingerprint() if settings is not None else "no-config"
    return f"{content}-{config}-{__version__}-{rules_signature()}"


def slug_for(path: str) -> str:
    """A file name that is readable, unique per path and safe on every filesystem."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(path).stem).strip("-.")[:60] or "document"
    digest = hashlib.sha1(Path(path).as_posix().encode()).hexdigest()[:8]
    return f"{stem}-{digest}"


def report_path(out: Path, slug: str) -> Path:
    return out / DOCS_DIR / f"{slug}.html"


def record_path(out: Path, slug: str) -> Path:
    return out / STATE_DIR / "records" / f"{slug}.json"


def load_record(out: Path, slug: str) -> dict[str, Any] | None:
    try:
        data = json.loads(record_path(out, slug).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


class Manifest:
    """``DIR/manifest.json``: path -> key and slug of every finished document."""

    def __init__(self, out: Path) -> None:
        self.path = out / MANIFEST
        self.out = out
        self.entries: dict[str, dict[str, Any]] = {}
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if data.get("schema") == MANIFEST_SCHEMA:
                self.entries = dict(data.get("documents", {}))
        except (OSError, ValueError, AttributeError):
            self.entries = {}

    def is_done(self, job: DocumentJob) -> bool:
        """True when this exact document was finished and its outputs are still on disk.

        The record is read even when the manifest agrees: it is what the tables are rebuilt
        from, so a missing or damaged one means the document is checked again. A record whose
        key matches but that the manifest lacks was written just before a run was killed.
        """
        if not report_path(self.out, job.slug).is_file():
            return False
        record = load_record(self.out, job.slug)
        if record is None or record.get("key") != job.key:
            return False
        entry = self.entries.get(job.path)
        if entry is None or entry.get("key") != job.key:
            self.record(job.path, job.slug, job.key, len(record.get("findings", [])))
        return True

    def record(self, path: str, slug: str, key: str, findings: int) -> None:
        self.entries[path] = {"key": key, "slug": slug, "findings": findings,
                              "finished": datetime.now(UTC).isoformat(timespec="seconds")}

    def save(self) -> None:
        # compact on purpose: json's C encoder only runs without indent, and this is saved
        # after every batch
        data = {"schema": MANIFEST_SCHEMA, "tool": __version__, "documents": self.entries}
        write_text(self.path, json.dumps(data, separators=(",", ":"), sort_keys=True))
