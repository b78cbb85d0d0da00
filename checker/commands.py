"""The bodies of ``checker check``, ``checker rules`` and ``checker explain``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from checker.config import ConfigError, Settings, settings_for, with_cli
from checker.engine import FileResult, check_file, expand
from checker.inputs import kind_for
from checker.rules import all_rules, rule_by_code

PARALLEL_THRESHOLD = 40


def _cli_overrides(args: argparse.Namespace) -> dict[str, object]:
    return {
        "select": args.select,
        "ignore": tuple(args.ignore),
        "extend_select": tuple(args.extend_select),
        "fail_on": args.fail_on,
        "use_model": False if args.no_model else None,
    }


def resolve_settings(path: str, args: argparse.Namespace) -> Settings:
    return with_cli(settings_for(path, args.config), **_cli_overrides(args))  # type: ignore[arg-type]


def collect(args: argparse.Namespace) -> tuple[list[FileResult], Settings]:
    """Check every path the user named; errors are per file and never stop the others."""
    base = resolve_settings(args.paths[0] if args.paths else ".", args)
    results: list[FileResult] = []
    stdin_bytes = sys.stdin.buffer.read() if "-" in args.paths else None
    missing = [p for p in args.paths if p != "-" and not Path(p).exists()]
    files = [p for p in expand([p for p in args.paths if p not in missing], base)]
    results.extend(FileResult(p, error=f"{p}: no such file or directory") for p in missing)
    jobs = args.jobs or (min(2, os.cpu_count() or 1) if not base.use_model else 1)
    if len(files) >= PARALLEL_THRESHOLD and jobs > 1 and "-" not in files:
        results.extend(_parallel(files, args, jobs))
    else:
        for path in files:
            results.append(_check_one(path, args, stdin_bytes))
    return results, base


def _check_one(path: str, args: argparse.Namespace, stdin_bytes: bytes | None) -> FileResult:
    # stdin takes its configuration and per-path overrides from --stdin-filename, as in ruff
    name = args.stdin_filename if path == "-" and args.stdin_filename else path
    try:
        settings = resolve_settings(name, args)
    except ConfigError as exc:
        return FileResult(path, error=str(exc))
    kind = kind_for(args.stdin_filename) if args.stdin_filename else "text"
    result = check_file(path, settings, stdin_bytes=stdin_bytes, stdin_kind=kind,
                        stdin_name=name)
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
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs) as pool:
        for chunk in pool.imap(_worker, batches):
            yield from chunk


def exit_code(results: list[FileResult], fail_on_of: dict[str, object], args_exit_zero: bool,
              default: Settings) -> int:
    if any(r.error for r in results):
        return 2
    if args_exit_zero:
        return 0
    threshold = default.fail_on
    return 1 if any(f.severity >= threshold for r in results for f in r.findings) else 0


def run_check(args: argparse.Namespace) -> int:
    from checker.atomic import write_text
    from checker.cli import use_color
    from checker.reporters import get_renderer

    try:
        results, base = collect(args)
    except ConfigError as exc:
        print(f"checker: {exc}", file=sys.stderr)
        return 2
    render = get_renderer(args.format)
    stream = sys.stdout
    output = render(results, color=args.output is None and use_color(args.color, stream))
    if args.output:
        write_text(args.output, output)
    else:
        stream.write(output)
    for r in results:
        if r.error and args.format not in ("text",):
            print(f"checker: {r.error}", file=sys.stderr)
    return exit_code(results, {}, args.exit_zero, base)


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
