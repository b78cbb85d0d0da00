"""The bodies of ``checker check``, ``checker rules`` and ``checker explain``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from checker.config import ConfigError, Settings, settings_for, validate_codes, with_cli
from checker.engine import FileResult, check_file, expand
from checker.inputs import kind_for, split_record
from checker.reading import ReadError, read_stream
from checker.rules import all_rules, rule_by_code
from checker.source.request import SourceError, SourceRequest, load_sources
from checker.terminal import terminal_safe

if TYPE_CHECKING:
    from checker.remote import CheckServer

PARALLEL_THRESHOLD = 40


def _cli_overrides(args: argparse.Namespace) -> dict[str, object]:
    return {
        "select": joined(args.select) or None,
        "ignore": joined(args.ignore),
        "extend_select": joined(args.extend_select),
        "fail_on": args.fail_on,
        "use_model": False if args.no_model else None,
        "min_severity": getattr(args, "min_severity", None),
        "force_exclude": getattr(args, "force_exclude", None),
    }


def joined(values: Iterable[tuple[str, ...]] | None) -> tuple[str, ...]:
    """``--select SP --select NM,TY`` -> ("SP", "NM", "TY"): repeated options append (ruff)."""
    return tuple(code for value in values or () for code in value)


def resolve_settings(path: str, args: argparse.Namespace) -> Settings:
    return with_cli(settings_for(path, args.config), **_cli_overrides(args))  # type: ignore[arg-type]


def collect(args: argparse.Namespace,
            server: CheckServer | None = None) -> tuple[list[FileResult], Settings]:
    """Check every path the user named; errors are per file and never stop the others (a
    check ``server`` that cannot be used stops them all: ``remote.ServerError``)."""
    base = resolve_settings(args.paths[0] if args.paths else ".", args)
    validate_codes(base.selectors())
    results: list[FileResult] = []
    stdin_bytes: bytes | None = None
    if "-" in args.paths:
        try:
            stdin_bytes = read_stream(sys.stdin.buffer, base.max_file_bytes)
        except ReadError as exc:
            results.append(FileResult("-", error=f"<stdin>: {exc}"))
            args.paths = [p for p in args.paths if p != "-"]
    args.paths = [p for p in args.paths if not _force_excluded(p, args)]
    missing = [p for p in args.paths
               if p != "-" and not os.path.lexists(p) and split_record(p) is None]
    problems: list[str] = []
    named = {p for p in args.paths if Path(p).is_file()}
    files = [p for p in expand([p for p in args.paths if p not in missing], base, problems)
             if p in named or not _is_source(p, args)]
    results.extend(FileResult(p, error=f"{p}: no such file or directory") for p in missing)
    for problem in problems:  # an empty folder among others is said; alone it is an error
        if files and "no .txt" in problem:
            print(f"checker: {problem}", file=sys.stderr)
        else:
            results.append(FileResult(problem.split(": ", 1)[0], error=problem))
    jobs = args.jobs or (min(2, os.cpu_count() or 1) if not base.use_model else 1)
    if server is None and len(files) >= PARALLEL_THRESHOLD and jobs > 1 and "-" not in files:
        results.extend(_parallel(files, args, jobs))
    else:
        for path in files:
            results.append(_check_one(path, args, stdin_bytes, server))
    return results, base


def _force_excluded(path: str, args: argparse.Namespace) -> bool:
    """With ``--force-exclude`` (or ``force-exclude = true``), a path named on the command line
    that ``exclude`` matches is skipped, as a walk would skip it: pre-commit and editors pass
    file names, and the excludes must hold for them too (ruff's ``--force-exclude``)."""
    if path == "-":
        return False
    record = split_record(path)
    target = record[0] if record is not None else path
    try:
        settings = resolve_settings(target, args)
    except (ConfigError, OSError, RuntimeError):
        return False  # said when the file is checked
    return settings.force_exclude and settings.excludes(target)


def _source_request(args: argparse.Namespace) -> SourceRequest:
    return SourceRequest(tuple(getattr(args, "source", None) or ()))


def _is_source(path: str, args: argparse.Namespace) -> bool:
    try:
        settings = resolve_settings(path, args)
        return _source_request(args).is_source(path, settings.sources, settings.root)
    except (ConfigError, OSError, RuntimeError):  # RuntimeError: a symlink loop; said later
        return False


def _check_one(path: str, args: argparse.Namespace, stdin_bytes: bytes | None,
               server: CheckServer | None = None) -> FileResult:
    # stdin takes its configuration and per-path overrides from --stdin-filename, as in ruff
    name = args.stdin_filename if path == "-" and args.stdin_filename else path
    try:
        settings = resolve_settings(name, args)
        wanted = _source_request(args).for_draft(name, settings.sources, settings.root)
        sources = load_sources(wanted, settings.max_file_bytes)
    except (ConfigError, SourceError) as exc:
        return FileResult(path, error=f"{path}: {exc}" if isinstance(exc, SourceError)
                          else str(exc))
    kind = kind_for(args.stdin_filename) if args.stdin_filename else "text"
    check = check_file if server is None else server.check_file
    result = check(path, settings, stdin_bytes=stdin_bytes, stdin_kind=kind, stdin_name=name,
                   sources=sources)
    if path == "-" and args.stdin_filename:
        result.path = args.stdin_filename
    return result


def _worker(batch: tuple[list[str], argparse.Namespace]) -> list[FileResult]:
    paths, args = batch
    return [_check_one(p, args, None) for p in paths]


def _parallel(files: list[str], args: argparse.Namespace, jobs: int) -> Iterable[FileResult]:
    import multiprocessing

    size = max(8, len(files) // (jobs * 4))
    batches = [(files[i : i + size], args) for i in range(0, len(files), size)]
    from checker.lifeline import die_with

    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs, initializer=die_with, initargs=(os.getpid(),)) as pool:
        for chunk in pool.imap(_worker, batches):
            yield from chunk


def exit_code(results: list[FileResult], exit_zero: bool, settings: Settings) -> int:
    """2 if a file could not be checked, 1 if a finding reaches ``fail-on``, else 0."""
    if any(r.error for r in results):
        return 2
    if exit_zero:
        return 0
    threshold = settings.fail_on
    return 1 if any(f.severity >= threshold for r in results for f in r.findings) else 0


def _baseline_target(args: argparse.Namespace) -> None:
    """``--write-baseline`` takes an optional FILE, so ``--write-baseline articles/`` would
    swallow the path to check; a value not ending in .json is taken as a path instead."""
    from checker.baseline import DEFAULT_BASELINE

    value = getattr(args, "write_baseline", None)
    if value and not value.lower().endswith(".json"):
        args.paths = [value] if args.paths == ["."] else [value, *args.paths]
        args.write_baseline = DEFAULT_BASELINE


def _flag_conflict(args: argparse.Namespace) -> str | None:
    if getattr(args, "write_baseline", None) and getattr(args, "baseline", None):
        return "--write-baseline and --baseline cannot be used together"
    editing = getattr(args, "fix", False) or getattr(args, "diff", False)
    if editing and "-" in args.paths:
        return "--fix and --diff rewrite files; they cannot be used with - (stdin)"
    if getattr(args, "changed_since", None) and "-" in args.paths:
        return "--changed-since compares files with git; it cannot be used with - (stdin)"
    if editing and getattr(args, "write_baseline", None):
        return "fix first, then write the baseline: --fix/--diff and --write-baseline conflict"
    return None


def run_check(args: argparse.Namespace) -> int:
    from checker.atomic import write_text
    from checker.baseline import BaselineError, write_baseline
    from checker.changed import ChangedError
    from checker.checkflow import Narrowing, print_diffs, run_fixes, summarise
    from checker.cli import use_color
    from checker.remote import CheckServer, ServerError
    from checker.reporters import get_renderer

    _baseline_target(args)
    conflict = _flag_conflict(args) or output_problem(args.output, args.paths)
    try:
        url = getattr(args, "server", None)
        server = CheckServer.parse(url) if url else None
    except ValueError as exc:
        conflict = conflict or str(exc)
    if conflict:
        print(f"checker: {conflict}", file=sys.stderr)
        return 2
    try:
        narrowing = Narrowing.from_args(args)
        results, base = collect(args, server)
    except (ConfigError, ChangedError, BaselineError, ServerError) as exc:
        print(f"checker: {terminal_safe(str(exc))}", file=sys.stderr)
        return 2
    narrowing.min_severity = base.min_severity
    results = narrowing.apply(results)
    fix_failed = False
    if getattr(args, "write_baseline", None):
        count = write_baseline([r for r in results if not r.error], args.write_baseline)
        print(f"checker: wrote {count} finding(s) to {args.write_baseline}", file=sys.stderr)
        for r in results:
            if r.error:
                print(f"checker: {r.error}", file=sys.stderr)
        return 2 if any(r.error for r in results) else 0
    if getattr(args, "fix", False) or getattr(args, "diff", False):
        try:
            results, report = run_fixes(results, args, narrowing,
                                        lambda path: resolve_settings(path, args),
                                        None if server is None else server.findings)
        except ServerError as exc:
            print(f"checker: {terminal_safe(str(exc))}", file=sys.stderr)
            return 2
        if args.diff:
            print_diffs(report, sys.stdout)
            summarise(report, wrote=False)
            if any(r.error for r in results):
                return 2
            return 1 if report.changed_files and not args.exit_zero else 0
        summarise(report, wrote=True)
        if report.failed:
            fix_failed = True
    render = get_renderer(args.format)
    stream = sys.stdout
    output = render(results, color=args.output is None and use_color(args.color, stream))
    if args.output:
        try:
            write_text(args.output, output)
        except OSError as exc:
            print(f"checker: cannot write the report to {args.output} "
                  f"({exc.strerror or exc})", file=sys.stderr)
            return 2
    else:
        stream.write(output)
    for r in results:
        for notice in r.notices:
            print(f"checker: {terminal_safe(notice)}", file=sys.stderr)
        if r.error and args.format not in ("text",):
            print(f"checker: {terminal_safe(r.error)}", file=sys.stderr)
    return 2 if fix_failed else exit_code(results, args.exit_zero, base)


def output_problem(output: str | None, paths: Iterable[str]) -> str | None:
    """Why ``-o`` cannot be written, checked before anything runs: a folder, or an input."""
    if not output:
        return None
    if os.path.isdir(output):
        return f"-o {output}: is a directory; name the report file to write"
    if not os.path.exists(output):
        return None
    checkable = output.lower().endswith((".txt", ".text", ".md", ".markdown", ".html", ".htm"))
    for given in paths:
        if given == "-" or not os.path.exists(given):
            continue
        same = os.path.isfile(given) and os.path.samefile(given, output)
        if same or (checkable and os.path.isdir(given) and _under(output, given)):
            return f"-o {output}: is one of the files being checked; refusing to overwrite it"
    return None


def _under(path: str, folder: str) -> bool:
    return os.path.realpath(path).startswith(os.path.realpath(folder) + os.sep)


def run_rules(fmt: str) -> int:
    rules = all_rules()
    if fmt == "json":
        print(json.dumps([{"code": r.code, "name": r.name, "category": r.category,
                           "severity": r.severity.label, "summary": r.summary,
                           "requires": sorted(r.requires), "fix": r.fix_applicability.value
                           if r.fix_applicability else None} for r in rules], indent=2))
    elif fmt == "markdown":
        print("| code | name | category | severity | fix | what it finds |")
        print("|---|---|---|---|---|---|")
        for r in rules:
            fix = r.fix_applicability.value if r.fix_applicability else ""
            model = " (model)" if r.requires else ""
            print(f"| {r.code} | {r.name} | {r.category} | {r.severity.label} | {fix} | "
                  f"{r.summary}{model} |")
    else:
        for r in rules:
            print(f"{r.code:7} {r.name:32} {r.category:13} {r.severity.label:8} {r.summary}")
    return 0


def run_explain(code: str) -> int:
    rule = rule_by_code(code)
    if rule is None:
        print(f"checker: unknown rule code {code!r}; `checker rules` lists them", file=sys.stderr)
        return 2
    sys.stdout.write(rule.docs())
    return 0
