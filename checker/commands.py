"""The bodies of ``checker check``, ``checker rules`` and ``checker explain``."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from checker.config import ConfigError, Settings, settings_for, validate_codes, with_cli
from checker.engine import FileResult, check_file, expand
from checker.inputs import kind_for, split_record
from checker.reading import ReadError, read_stream
from checker.request import CliRequest
from checker.resultcache import cache_folder, open_cache
from checker.rules import all_rules, rule_by_code
from checker.source.request import SourceError, SourceRequest, load_sources
from checker.terminal import terminal_safe

if TYPE_CHECKING:
    from checker.remote import CheckServer

PARALLEL_THRESHOLD = 40


def resolve_settings(path: str, req: CliRequest) -> Settings:
    """The configuration for ``path`` with the command line's overrides on top."""
    return with_cli(settings_for(path, req.config), select=req.select or None,
                    ignore=req.ignore, extend_select=req.extend_select, fail_on=req.fail_on,
                    use_model=False if req.no_model else None,
                    min_severity=req.min_severity, force_exclude=req.force_exclude)


def collect(req: CliRequest,
            server: CheckServer | None = None) -> tuple[list[FileResult], Settings]:
    """Check every path the user named; errors are per file and never stop the others (a
    check ``server`` that cannot be used stops them all: ``remote.ServerError``)."""
    base = resolve_settings(req.paths[0] if req.paths else ".", req)
    validate_codes(base.selectors())
    results: list[FileResult] = []
    stdin_bytes: bytes | None = None
    paths = list(req.paths)
    if "-" in paths:
        try:
            stdin_bytes = read_stream(sys.stdin.buffer, base.max_file_bytes)
        except ReadError as exc:
            results.append(FileResult("-", error=f"<stdin>: {exc}"))
            paths = [p for p in paths if p != "-"]
    paths = [p for p in paths if not _force_excluded(p, req)]
    missing = [p for p in paths
               if p != "-" and not os.path.lexists(p) and split_record(p) is None]
    problems: list[str] = []
    named = {p for p in paths if Path(p).is_file()}
    files = [p for p in expand([p for p in paths if p not in missing], base, problems)
             if p in named or not _is_source(p, req)]
    results.extend(FileResult(p, error=f"{p}: no such file or directory") for p in missing)
    for problem in problems:  # an empty folder among others is said; alone it is an error
        if files and "no .txt" in problem:
            print(f"checker: {problem}", file=sys.stderr)
        else:
            results.append(FileResult(problem.split(": ", 1)[0], error=problem))
    if server is None and not req.no_cache:  # the workers open the same folder
        req = replace(req, cache_dir=str(cache_folder(req.cache_dir, base.root)))
    jobs = req.jobs or (min(2, os.cpu_count() or 1) if not base.use_model else 1)
    if server is None and len(files) >= PARALLEL_THRESHOLD and jobs > 1 and "-" not in files:
        results.extend(_parallel(files, req, jobs))
    else:
        for path in files:
            results.append(_check_one(path, req, stdin_bytes, server))
    return results, base


def _force_excluded(path: str, req: CliRequest) -> bool:
    """With ``--force-exclude`` (or ``force-exclude = true``), a path named on the command line
    that ``exclude`` matches is skipped, as a walk would skip it: pre-commit and editors pass
    file names, and the excludes must hold for them too (ruff's ``--force-exclude``)."""
    if path == "-":
        return False
    record = split_record(path)
    target = record[0] if record is not None else path
    try:
        settings = resolve_settings(target, req)
    except (ConfigError, OSError, RuntimeError):
        return False  # said when the file is checked
    return settings.force_exclude and settings.excludes(target)


def _is_source(path: str, req: CliRequest) -> bool:
    try:
        settings = resolve_settings(path, req)
        return SourceRequest(req.sources).is_source(path, settings.sources, settings.root)
    except (ConfigError, OSError, RuntimeError):  # RuntimeError: a symlink loop; said later
        return False


def _check_one(path: str, req: CliRequest, stdin_bytes: bytes | None,
               server: CheckServer | None = None) -> FileResult:
    # stdin takes its configuration and per-path overrides from --stdin-filename, as in ruff
    name = req.stdin_filename if path == "-" and req.stdin_filename else path
    try:
        settings = resolve_settings(name, req)
        wanted = SourceRequest(req.sources).for_draft(name, settings.sources, settings.root)
        sources = load_sources(wanted, settings.max_file_bytes)
    except (ConfigError, SourceError) as exc:
        return FileResult(path, error=f"{path}: {exc}" if isinstance(exc, SourceError)
                          else str(exc))
    kind = kind_for(req.stdin_filename) if req.stdin_filename else "text"
    if server is not None:
        result = server.check_file(path, settings, stdin_bytes=stdin_bytes, stdin_kind=kind,
                                   stdin_name=name, sources=sources)
    else:
        cache = open_cache(req.cache_dir) if req.cache_dir and not req.no_cache \
            and path != "-" else None
        result = check_file(path, settings, stdin_bytes=stdin_bytes, stdin_kind=kind,
                            stdin_name=name, sources=sources, cache=cache)
    if path == "-" and req.stdin_filename:
        result.path = req.stdin_filename
    return result


def _worker(batch: tuple[list[str], CliRequest]) -> list[FileResult]:
    paths, req = batch
    return [_check_one(p, req, None) for p in paths]


def _warm() -> None:
    """Import the rules, compile their patterns and read the word list once, in the process
    about to fork: each worker then starts with them instead of paying for them again."""
    from checker.rules import warm_up
    from checker.rules.wordlist import WordListMissing, zipf

    warm_up()
    with contextlib.suppress(WordListMissing):  # said by the rules that need it, file by file
        zipf("warm")


def _parallel(files: list[str], req: CliRequest, jobs: int) -> Iterable[FileResult]:
    import multiprocessing

    size = max(8, len(files) // (jobs * 4))
    batches = [(files[i : i + size], req) for i in range(0, len(files), size)]
    from checker.lifeline import die_with

    _warm()  # the workers are forked: what the parent has loaded, each of them has for free
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


def run_check(req: CliRequest) -> int:
    from checker.atomic import write_text
    from checker.baseline import BaselineError, write_baseline
    from checker.changed import ChangedError
    from checker.checkflow import Narrowing, print_diffs, run_fixes, summarise
    from checker.cli import use_color
    from checker.remote import CheckServer, ServerError
    from checker.reporters import get_renderer

    conflict = req.conflict() or output_problem(req.output, req.paths)
    try:
        server = CheckServer.parse(req.server) if req.server else None
    except ValueError as exc:
        conflict = conflict or str(exc)
    if conflict:
        print(f"checker: {conflict}", file=sys.stderr)
        return 2
    try:
        narrowing = Narrowing.for_request(req)
        results, base = collect(req, server)
    except (ConfigError, ChangedError, BaselineError, ServerError) as exc:
        print(f"checker: {terminal_safe(str(exc))}", file=sys.stderr)
        return 2
    narrowing.min_severity = base.min_severity
    results = narrowing.apply(results)
    fix_failed = False
    if req.write_baseline:
        count = write_baseline([r for r in results if not r.error], req.write_baseline)
        print(f"checker: wrote {count} finding(s) to {req.write_baseline}", file=sys.stderr)
        for r in results:
            if r.error:
                print(f"checker: {r.error}", file=sys.stderr)
        return 2 if any(r.error for r in results) else 0
    if req.edits:
        try:
            results, report = run_fixes(results, req, narrowing,
                                        lambda path: resolve_settings(path, req),
                                        None if server is None else server.findings)
        except ServerError as exc:
            print(f"checker: {terminal_safe(str(exc))}", file=sys.stderr)
            return 2
        if req.diff:
            print_diffs(report, sys.stdout)
            summarise(report, wrote=False)
            if any(r.error for r in results):
                return 2
            return 1 if report.changed_files and not req.exit_zero else 0
        summarise(report, wrote=True)
        if report.failed:
            fix_failed = True
    render = get_renderer(req.format)
    stream = sys.stdout
    output = render(results, color=req.output is None and use_color(req.color, stream))
    if req.output:
        try:
            write_text(req.output, output)
        except OSError as exc:
            print(f"checker: cannot write the report to {req.output} "
                  f"({exc.strerror or exc})", file=sys.stderr)
            return 2
    else:
        stream.write(output)
    for r in results:
        for notice in r.notices:
            print(f"checker: {terminal_safe(notice)}", file=sys.stderr)
        if r.error and req.format not in ("text",):
            print(f"checker: {terminal_safe(r.error)}", file=sys.stderr)
    return 2 if fix_failed else exit_code(results, req.exit_zero, base)


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
