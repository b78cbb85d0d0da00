"""The steps ``checker check`` runs after checking: narrow (changed lines, baseline), then fix.

Narrowing comes first so that ``--fix`` only touches what the run reports: with
``--changed-since`` a fix never rewrites a line nobody changed.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from checker.baseline import Baseline
from checker.changed import ChangedLines, changed_lines
from checker.config import Settings
from checker.document import Document
from checker.engine import FileResult, check_document
from checker.findings import Finding, Severity
from checker.fixes import FixOutcome, fix_loop, unified_diff, write_fixed
from checker.inputs import InputError, build_document, kind_for
from checker.request import CliRequest


@dataclass
class Narrowing:
    """What the user asked to see: lines changed since a revision, findings not in a baseline,
    findings at or above ``--min-severity`` (the ones below are hidden, and counted)."""

    changed: ChangedLines | None = None
    baseline: Baseline | None = None
    min_severity: Severity = Severity.INFO

    @classmethod
    def for_request(cls, req: CliRequest) -> Narrowing:
        changed = None
        if req.changed_since:
            existing = [p for p in req.paths if p != "-" and Path(p).exists()]
            changed = changed_lines(req.changed_since, existing)
        baseline = Baseline.load(req.baseline) if req.baseline else None
        return cls(changed, baseline)

    @property
    def active(self) -> bool:
        return (self.changed is not None or self.baseline is not None
                or self.min_severity > Severity.INFO)

    def _asked_about(self, path: str, doc: Document | None,
                     findings: list[Finding]) -> list[Finding]:
        kept = findings
        if self.changed is not None:
            kept = self.changed.keep(path, doc, kept)
        if self.baseline is not None:
            kept = self.baseline.new_findings(path, doc, kept)
        return kept

    def keep(self, path: str, doc: Document | None, findings: list[Finding]) -> list[Finding]:
        """The findings to show (and to fix): so ``--fix`` never touches a hidden finding."""
        return [f for f in self._asked_about(path, doc, findings)
                if f.severity >= self.min_severity]

    def narrowed(self, result: FileResult) -> FileResult:
        """``result`` with only the findings to show, and the ones below ``min_severity``
        counted in ``hidden`` (findings on unchanged lines or in the baseline are not hidden:
        they were never asked about)."""
        if result.error or not self.active:
            return result
        asked = self._asked_about(result.path, result.document, result.findings)
        hidden = Counter(f.severity.label for f in asked if f.severity < self.min_severity)
        return replace(result, findings=[f for f in asked if f.severity >= self.min_severity],
                       hidden=dict(hidden))

    def apply(self, results: list[FileResult]) -> list[FileResult]:
        return [self.narrowed(r) for r in results]


@dataclass
class FixReport:
    outcomes: list[FixOutcome]
    backups: list[Path]
    not_fixable: list[str]  # HTML files with fixable findings
    raced: list[str]  # files that changed on disk while we checked them: left alone
    failed: list[str] = field(default_factory=list)  # fixes that could not be written, and why

    @property
    def fixed(self) -> int:
        return sum(o.fixed for o in self.outcomes)

    @property
    def changed_files(self) -> list[FixOutcome]:
        return [o for o in self.outcomes if o.changed]


DocumentCheck = Callable[[Document, Settings, Sequence[Document]], list[Finding]]


def _check_here(doc: Document, settings: Settings, sources: Sequence[Document]) -> list[Finding]:
    return check_document(doc, settings, sources=sources)


def run_fixes(results: list[FileResult], req: CliRequest, narrowing: Narrowing,
              settings_for: Callable[[str], Settings],
              check: DocumentCheck | None = None) -> tuple[list[FileResult], FixReport]:
    """Fix each file, re-check it (with ``check``: here, or by the check server), and return
    results for what remains (narrowed again)."""
    check = check or _check_here
    unsafe = req.unsafe_fixes
    write = not req.diff
    report = FixReport([], [], [], [])
    out: list[FileResult] = []
    for r in results:
        doc = r.document
        if r.error or doc is None or r.path == "-":
            out.append(r)
            continue
        if not doc.offsets_are_source:
            if any(f.fix is not None for f in r.findings):
                report.not_fixable.append(r.path)
            out.append(r)
            continue
        settings = settings_for(r.path)

        def recheck(text: str, path: str = r.path, s: Settings = settings,
                    sources: tuple[Document, ...] = r.sources
                    ) -> tuple[Document, list[Finding]] | None:
            try:
                new_doc = build_document(path, text, kind_for(path))
            except InputError:
                return None
            return new_doc, check(new_doc, s, sources)

        def keep(d: Document, fs: list[Finding], path: str = r.path) -> list[Finding]:
            return narrowing.keep(path, d, fs)

        outcome, new_doc, remaining = fix_loop(r.path, doc, r.findings, unsafe, recheck, keep)
        report.outcomes.append(outcome)
        if outcome.changed and write:
            problem, saved = _write_fix(r.path, outcome, not req.no_backup)
            if problem is not None:
                (report.raced if problem == RACED else report.failed).append(
                    r.path if problem == RACED else f"{r.path}: not fixed: {problem}")
                report.outcomes.pop()  # nothing was written: not counted as fixed
                out.append(r)
                continue
            if saved is not None:
                report.backups.append(saved)
        if not write:  # --diff: nothing changed on disk, so report what is there now
            out.append(r)
        else:
            out.append(narrowing.narrowed(FileResult(r.path, remaining, document=new_doc)))
    return out, report


RACED = "changed on disk"


def _write_fix(path: str, outcome: FixOutcome, backup: bool) -> tuple[str | None, Path | None]:
    """(why the fix was not written, or None; the backup written)."""
    from checker.reading import ReadError, decode_bytes

    try:
        raw = Path(path).read_bytes()
        if decode_bytes(raw).text != outcome.before:
            return RACED, None
        return None, write_fixed(path, raw, outcome.after, backup=backup)
    except FileNotFoundError:
        return "the file was deleted while it was checked", None
    except ReadError:
        return RACED, None
    except UnicodeEncodeError as exc:
        return f"the fixed text has characters its encoding ({exc.encoding}) cannot hold", None
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename and exc.filename != path else ""
        return f"cannot write{where}: {exc.strerror or exc}", None


def print_diffs(report: FixReport, stream: TextIO) -> None:
    for o in report.changed_files:
        stream.write(unified_diff(o.path, o.before, o.after))


def summarise(report: FixReport, wrote: bool, stream: TextIO | None = None) -> None:
    stream = stream or sys.stderr
    files = len(report.changed_files)
    verb = "Fixed" if wrote else "Would fix"
    stream.write(f"checker: {verb} {report.fixed} finding(s) in {files} file(s)")
    if report.backups:
        shown = ", ".join(str(b) for b in report.backups[:3])
        more = f" and {len(report.backups) - 3} more" if len(report.backups) > 3 else ""
        stream.write(f"; originals kept as {shown}{more}")
    stream.write(".\n")
    for path in report.not_fixable:
        stream.write(f"checker: {path}: not fixed: HTML positions refer to extracted text, "
                     "so fixes are never written into HTML\n")
    for path in report.raced:
        stream.write(f"checker: {path}: not fixed: the file changed while it was checked\n")
    for problem in report.failed:
        stream.write(f"checker: {problem}\n")
