"""What the user asked ``checker check`` to do, as one typed value (the web API has its own,
``checker.server.api.CheckRequest``).

The command line is parsed once, at the boundary (``checker.cli``), into a :class:`CliRequest`;
everything after that (``checker.commands``, ``checker.checkflow``) reads these fields, never
``argparse``'s namespace, so a typo in an option name is a type error rather than a silent
``getattr`` default, and the check can be driven without a command line (tests, other tools).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from checker.baseline import DEFAULT_BASELINE
from checker.findings import Severity


def joined(values: Iterable[tuple[str, ...]] | None) -> tuple[str, ...]:
    """``--select SP --select NM,TY`` -> ("SP", "NM", "TY"): repeated options append (ruff)."""
    return tuple(code for value in values or () for code in value)


@dataclass(frozen=True)
class CliRequest:
    paths: tuple[str, ...] = (".",)
    format: str = "text"
    output: str | None = None
    # selection, as given on the command line (None: the configuration's)
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    min_severity: Severity | None = None
    exit_zero: bool = False
    config: Path | None = None
    no_model: bool = False
    sources: tuple[str, ...] = ()  # --source FILE, repeated
    stdin_filename: str | None = None
    force_exclude: bool | None = None
    color: str = "auto"
    jobs: int = 0  # worker processes for many files (0: automatic)
    server: str | None = None  # a running `checker serve` that does the checking
    no_cache: bool = False
    cache_dir: str | None = None  # None: .checker_cache at the project root
    # fixing
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    no_backup: bool = False
    # narrowing
    changed_since: str | None = None
    write_baseline: str | None = None
    baseline: str | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliRequest:
        """The parsed ``checker check`` options. ``--write-baseline`` takes an optional FILE, so
        ``--write-baseline articles/`` would swallow the path to check: a value not ending in
        .json is taken as a path, and the baseline goes to the default file."""
        paths = tuple(args.paths)
        write_baseline = args.write_baseline
        if write_baseline and not write_baseline.lower().endswith(".json"):
            paths = (write_baseline,) if paths == (".",) else (write_baseline, *paths)
            write_baseline = DEFAULT_BASELINE
        return cls(
            paths=paths,
            format=args.format,
            output=args.output,
            select=joined(args.select),
            extend_select=joined(args.extend_select),
            ignore=joined(args.ignore),
            fail_on=args.fail_on,
            min_severity=args.min_severity,
            exit_zero=args.exit_zero,
            config=args.config,
            no_model=args.no_model,
            sources=tuple(args.source or ()),
            stdin_filename=args.stdin_filename,
            force_exclude=args.force_exclude,
            color=args.color,
            jobs=args.jobs,
            server=args.server,
            no_cache=args.no_cache or os.environ.get("CHECKER_NO_CACHE", "") not in ("", "0"),
            cache_dir=args.cache_dir or os.environ.get("CHECKER_CACHE_DIR") or None,
            fix=args.fix,
            unsafe_fixes=args.unsafe_fixes,
            diff=args.diff,
            no_backup=args.no_backup,
            changed_since=args.changed_since,
            write_baseline=write_baseline,
            baseline=args.baseline,
        )

    @property
    def edits(self) -> bool:
        """--fix or --diff: the run rewrites (or shows rewriting) files."""
        return self.fix or self.diff

    def conflict(self) -> str | None:
        """Options that cannot be used together, said before anything runs."""
        if self.write_baseline and self.baseline:
            return "--write-baseline and --baseline cannot be used together"
        if self.edits and "-" in self.paths:
            return "--fix and --diff rewrite files; they cannot be used with - (stdin)"
        if self.changed_since and "-" in self.paths:
            return "--changed-since compares files with git; it cannot be used with - (stdin)"
        if self.edits and self.write_baseline:
            return "fix first, then write the baseline: --fix/--diff and --write-baseline conflict"
        return None
