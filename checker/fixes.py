"""Applying the fixes rules offer: choose, de-overlap, apply right-to-left, write with a backup.

Offsets in a fix are offsets into ``Document.text``, which for text and Markdown has the length of
the file as written, so edits apply to the source. HTML is never fixed: its offsets point into
extracted article text, not into the file.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.atomic import WriteRefused, write_bytes
from checker.document import Document
from checker.findings import Applicability, Edit, Finding

MAX_PASSES = 4  # a fix can expose another (". . ." -> ". ." -> "."); stop well before looping


@dataclass(frozen=True, slots=True)
class FixPlan:
    """The edits chosen for one document and the findings they fix."""

    edits: tuple[Edit, ...]
    fixed: tuple[Finding, ...]
    skipped: tuple[Finding, ...]  # fixable, but overlapping another fix or touching markup


def allowed(finding: Finding, unsafe: bool) -> bool:
    if finding.fix is None:
        return False
    return unsafe or finding.fix.applicability is Applicability.SAFE


def plan(doc: Document, findings: Iterable[Finding], unsafe: bool = False) -> FixPlan:
    """Pick the fixes to apply: first come (by position) wins, overlapping ones wait a pass."""
    if not doc.offsets_are_source:
        return FixPlan((), (), tuple(f for f in findings if allowed(f, unsafe)))
    source = doc.source if doc.source is not None else doc.text
    chosen: list[Edit] = []
    fixed: list[Finding] = []
    skipped: list[Finding] = []
    for f in sorted((f for f in findings if allowed(f, unsafe)), key=lambda f: f.sort_key):
        assert f.fix is not None
        edits = sorted(f.fix.edits, key=lambda e: (e.start, e.end))
        if not all(_edit_is_clean(doc, source, e) for e in edits) or any(
            _overlaps(e, c) for e in edits for c in chosen
        ):
            skipped.append(f)
            continue
        chosen.extend(edits)
        fixed.append(f)
    return FixPlan(tuple(sorted(chosen, key=lambda e: (e.start, e.end))), tuple(fixed),
                   tuple(skipped))


def _overlaps(a: Edit, b: Edit) -> bool:
    """Edits that touch the same characters, or insert at the same point, conflict."""
    if a.start == a.end == b.start == b.end:
        return True
    return a.start < b.end and b.start < a.end


def _edit_is_clean(doc: Document, source: str, edit: Edit) -> bool:
    """An edit may only rewrite text the rule saw, unless it deletes whole lines.

    Markdown markup is blanked in ``Document.text``; an edit over blanked characters would cut
    markup the rule never read (half a link), so such an edit is refused. Deleting complete
    lines (an injected "See also" line with a link in it) is safe either way.
    """
    if not 0 <= edit.start <= edit.end <= len(source) or len(source) != len(doc.text):
        return False
    if source[edit.start : edit.end] == doc.text[edit.start : edit.end]:
        return True
    starts_line = edit.start == 0 or source[edit.start - 1] == "\n"
    ends_line = edit.end == len(source) or source[edit.end - 1] == "\n" or source[edit.end] == "\n"
    return edit.replacement == "" and starts_line and ends_line


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits right to left, so earlier offsets stay valid."""
    out = text
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        out = out[: e.start] + e.replacement + out[e.end :]
    return out


def unified_diff(path: str, before: str, after: str) -> str:
    relative = not Path(path).is_absolute()
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{path}" if relative else path,
                                 tofile=f"b/{path}" if relative else path)
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def backup_path(path: Path) -> Path:
    """``FILE.orig``, or ``FILE.orig.N`` when an older backup holds something else."""
    candidate = path.with_name(path.name + ".orig")
    n = 0
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.orig.{n}")
    return candidate


def write_fixed(path: str, original: bytes, new_text: str, backup: bool = True) -> Path | None:
    """Keep the original bytes next to the file, then replace the file's contents.

    The file is written back in the encoding it was read in (a byte-order mark kept), so it
    differs only where fixed; the backup gets the file's own permissions (a 0600 draft's backup
    is 0600 too). A read-only file raises ``WriteRefused`` before anything is written; text a
    legacy encoding cannot hold raises ``UnicodeEncodeError``, also before any write.
    """
    from checker.reading import decode_bytes

    target = Path(os.path.realpath(path))
    info = os.stat(target)
    if not info.st_mode & 0o222:
        raise WriteRefused(13, "the file is read-only; not rewritten", path)
    data = decode_bytes(original).encode(new_text)
    saved: Path | None = None
    if backup:
        saved = backup_path(Path(path))
        write_bytes(saved, original, mode=stat.S_IMODE(info.st_mode))
    write_bytes(path, data, refuse_read_only=True)
    return saved


def source_text(doc: Document) -> str:
    return doc.source if doc.source is not None else doc.text


@dataclass
class FixOutcome:
    """What fixing one file did: the text before and after, and how many findings it fixed."""

    path: str
    before: str
    after: str
    fixed: int
    passes: int

    @property
    def changed(self) -> bool:
        return self.before != self.after


def fix_loop(path: str, doc: Document, findings: Sequence[Finding], unsafe: bool,
             recheck: Callable[[str], tuple[Document, list[Finding]] | None],
             keep: Callable[[Document, list[Finding]], list[Finding]] | None = None,
             ) -> tuple[FixOutcome, Document, list[Finding]]:
    """Fix, re-check, and fix again while fixes apply (at most ``MAX_PASSES`` times).

    ``recheck`` builds the document and findings for new text; ``keep`` narrows findings to the
    ones the user asked about (changed lines, not in the baseline) so only those get fixed.
    Returns the outcome and the document and findings that remain after the last pass.
    """
    before = source_text(doc)
    text = before
    fixed = 0
    passes = 0
    current = list(findings)
    while passes < MAX_PASSES:
        chosen = plan(doc, keep(doc, current) if keep else current, unsafe)
        if not chosen.edits:
            break
        new_text = apply_edits(text, chosen.edits)
        if new_text == text:
            break
        rebuilt = recheck(new_text)
        if rebuilt is None:  # the fixed text no longer parses: keep what we had
            break
        passes += 1
        fixed += len(chosen.fixed)
        text = new_text
        doc, current = rebuilt
    return FixOutcome(path, before, text, fixed, passes), doc, current
