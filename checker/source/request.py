"""Which source texts a draft is checked against: ``--source`` files, or the configuration's
``[tool.checker.sources]`` map of draft patterns to source paths.

```toml
[tool.checker.sources]
"drafts/*.md" = "sources/{stem}.txt"          # {stem}, {name}: the draft's file name
"seeds/niger-withdrawal.txt" = ["seeds/source/niger-withdrawal.txt"]
```

Paths are relative to the configuration file's folder. A source named for one draft must exist;
a pattern's source that does not exist leaves that draft checked on its own. Files a pattern names
as sources are not checked as drafts when a folder is walked.
"""

from __future__ import annotations

import fnmatch
import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.document import Document
from checker.inputs import InputError, read_path

_PLACEHOLDERS = ("{stem}", "{name}")


class SourceError(Exception):
    """A source text that cannot be read; the message names it."""


@dataclass(frozen=True, slots=True)
class SourceMap:
    """``[tool.checker.sources]``: draft glob -> source path templates, relative to ``root``."""

    entries: tuple[tuple[str, tuple[str, ...]], ...] = ()
    root: str | None = None

    @classmethod
    def from_table(cls, table: Any, root: str | None) -> SourceMap:
        if not isinstance(table, dict):
            raise ValueError("[sources] must be a table of \"draft pattern\" = \"source path\"")
        entries = []
        for pattern, value in table.items():
            targets = [value] if isinstance(value, str) else value
            if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
                raise ValueError(f"[sources] {pattern!r} must name a source path or a list")
            entries.append((str(pattern), tuple(targets)))
        return cls(tuple(entries), root)

    def _rel(self, path: str) -> str:
        p = Path(path).resolve()
        if self.root:
            try:
                return p.relative_to(Path(self.root).resolve()).as_posix()
            except ValueError:
                pass
        return Path(path).as_posix()

    def sources_for(self, draft: str) -> tuple[str, ...]:
        rel = self._rel(draft)
        name = Path(rel).name
        stem = Path(rel).stem
        for pattern, targets in self.entries:
            if not fnmatch.fnmatch(rel, pattern):
                continue
            found = []
            for target in targets:
                path = os.path.join(self.root or ".", target.format(stem=stem, name=name))
                templated = any(p in target for p in _PLACEHOLDERS) or _is_glob(pattern)
                if Path(path).is_file() or not templated:
                    found.append(_shown(path))
            return tuple(found)
        return ()

    def is_source(self, path: str) -> bool:
        """True for a file some entry names as a source (not to be checked as a draft)."""
        rel = self._rel(path)
        for _, targets in self.entries:
            for target in targets:
                glob = target.replace("{stem}", "*").replace("{name}", "*")
                if fnmatch.fnmatch(rel, glob):
                    return True
        return False


def _shown(path: str) -> str:
    """The path as reports show it: relative to the working directory when inside it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path


def _is_glob(pattern: str) -> bool:
    return any(c in pattern for c in "*?[")


@functools.lru_cache(maxsize=64)
def _load(path: str, mtime_ns: int, max_bytes: int) -> Document:
    del mtime_ns  # part of the cache key only
    return read_path(path, max_bytes)


def load_sources(paths: tuple[str, ...], max_bytes: int) -> tuple[Document, ...]:
    """Read each source once per process (re-read when it changes)."""
    docs = []
    for path in paths:
        try:
            mtime = Path(path).stat().st_mtime_ns
        except OSError:
            raise SourceError(f"{path}: source text not found") from None
        try:
            docs.append(_load(path, mtime, max_bytes))
        except InputError as exc:
            raise SourceError(f"source text {exc}") from None
    return tuple(docs)


@dataclass(frozen=True, slots=True)
class SourceRequest:
    """What the command line asked for: ``--source`` files (they win over the configuration)."""

    paths: tuple[str, ...] = ()

    def for_draft(self, draft: str, table: dict[str, Any], root: str | None) -> tuple[str, ...]:
        if self.paths:
            return self.paths
        if not table or draft == "-":
            return ()
        return SourceMap.from_table(table, root).sources_for(draft)

    def is_source(self, path: str, table: dict[str, Any], root: str | None) -> bool:
        """A file met while walking a folder that is a source text, not a draft."""
        if not self.paths and not table:
            return False  # asked of every file a walk meets: no path resolved for nothing
        resolved = Path(path).resolve()
        if any(Path(p).resolve() == resolved for p in self.paths):
            return True
        return bool(table) and SourceMap.from_table(table, root).is_source(path)
