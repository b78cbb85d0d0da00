"""``--changed-since REV``: keep only findings on lines changed since a git revision.

Rules still read whole documents (a contradiction needs both sentences); only the reporting is
narrowed, so a large repository can adopt the checker without fixing its history first.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from checker.document import Document
from checker.findings import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ALL = -1  # marks a file whose every line counts as changed (untracked, or new since REV)


class ChangedError(Exception):
    """Not a git repository, an unknown revision, or git missing: the message says which."""


@dataclass
class ChangedLines:
    """Changed line numbers (1-based, in the working-tree file) per resolved path."""

    rev: str
    files: dict[Path, set[int]] = field(default_factory=dict)

    def lines_for(self, path: str) -> set[int] | None:
        """None when the file did not change at all since ``rev``."""
        return self.files.get(Path(path).resolve())

    def keep(self, path: str, doc: Document | None, findings: list[Finding]) -> list[Finding]:
        """Findings whose span, or a related span, touches a changed line.

        A related span counts too: a sentence added today that contradicts one written last
        year is new, whichever of the two the rule reports first. Lines are the file's
        (``Document.file_span``): an HTML finding's line in the markup, a JSON Lines record's
        line in its archive. An HTML page none of whose words could be found again in the
        markup keeps all its findings.
        """
        if doc is None:
            return []
        lines = self.lines_for(doc.place.path if doc.place is not None else path)
        if lines is None:
            return []
        if _ALL in lines or (doc.place is not None and not doc.place.knows_lines):
            return list(findings)

        def touches(start: int, end: int) -> bool:
            first, _, last, _ = doc.file_span(start, max(start, end - 1))
            return any(n in lines for n in range(first, last + 1))

        return [f for f in findings if touches(f.start, f.end)
                or any(touches(r.start, r.end) for r in f.related)]


def _git(cwd: Path, *args: str) -> str:
    try:
        proc = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd,
                              capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise ChangedError("--changed-since needs git, and git is not installed") from None
    if proc.returncode != 0:
        raise ChangedError(proc.stderr.strip() or f"git {' '.join(args)} failed")
    return proc.stdout


def repo_root(start: Path) -> Path:
    directory = start if start.is_dir() else start.parent
    try:
        return Path(_git(directory, "rev-parse", "--show-toplevel").strip()).resolve()
    except ChangedError as exc:
        raise ChangedError(f"--changed-since needs a git repository, and {start} is not in one "
                           f"({exc})") from None


def changed_lines(rev: str, paths: list[str]) -> ChangedLines:
    """Ask git which lines of the working tree differ from ``rev`` (staged or not)."""
    result = ChangedLines(rev)
    roots = {repo_root(Path(p).resolve() if p != "-" else Path.cwd()) for p in paths or ["."]}
    for root in sorted(roots):
        try:
            _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
        except ChangedError:
            raise ChangedError(f"--changed-since: {rev!r} is not a known revision in {root}"
                               ) from None
        diff = _git(root, "diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", rev, "--")
        for path, lines in parse_diff(diff).items():
            result.files[(root / path).resolve()] = lines
        untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
        for name in filter(None, untracked.split("\0")):
            result.files[(root / name).resolve()] = {_ALL}
    return result


def parse_diff(diff: str) -> dict[str, set[int]]:
    """Map each file in a ``git diff -U0`` to the new-side lines its hunks add or change."""
    files: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = _unquote(line[4:])
            if name == "/dev/null":
                current = None
                continue
            current = files.setdefault(name[2:] if name.startswith("b/") else name, set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or "1")
                current.update(range(start, start + count))
    return files


def _unquote(name: str) -> str:
    """git quotes names with special characters in C style; undo the common escapes."""
    name = name.rstrip("\t")
    if len(name) >= 2 and name[0] == name[-1] == '"':
        body = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
        return body.encode("latin-1").decode("utf-8", "replace")
    return name
