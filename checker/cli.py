"""Command line: ``checker check|rules|explain`` plus the commands other modules provide.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error,
unreadable input or any other error (an internal one too), 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from checker import __version__
from checker.findings import Severity

# Commands that live in their own modules, each exposing ``main(argv) -> int``; imported only
# when used, so ``checker check`` stays fast.
DELEGATED = {
    "report": ("checker.batch.cli", "batch reports over many documents (tables, charts, index)"),
    "serve": ("checker.server.app", "a local web page to paste a draft and see findings"),
    "lsp": ("checker.lsp.server", "a language server over stdio for editors"),
    "eval": ("checker.nli.evaluate", "evaluate the NLI model and the document engine"),
}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="checker", description=(
        "Find contradictions, name misspellings, injected spam and garbled claims in drafts."))
    p.add_argument("--version", action="version", version=f"checker {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    c = sub.add_parser("check", help="check files, directories or - (stdin)",
                       description=CHECK_DESCRIPTION, epilog=CHECK_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_check_arguments(c)
    sub.add_parser("rules", help="list the rules").add_argument(
        "--format", choices=["text", "json", "markdown"], default="text")
    e = sub.add_parser("explain", help="print a rule's documentation")
    e.add_argument("code")
    for name, (_, help_text) in DELEGATED.items():
        sub.add_parser(name, help=help_text, add_help=False)
    return p


CHECK_DESCRIPTION = """\
Check news drafts for contradictions, name misspellings, injected spam and garbled claims.

PATH is a file, a directory or - (standard input); the default is the current directory.
  files        .txt, .md/.markdown, .html/.htm, and .jsonl archives (one {"id", "text"}
               record a line, each checked as its own document, named archive.jsonl#id;
               name one record as archive.jsonl#id)
  directories  walked for those files; hidden names, report outputs and the configuration's
               `exclude` patterns are skipped (files named here are checked even when
               `exclude` matches them, unless --force-exclude)
  -            the text on standard input; --stdin-filename names it (and so its format and
               configuration)"""

CHECK_EPILOG = """\
output formats (--format):
  text      path:line:col: severity: CODE [category] message, the offending text underlined,
            and a closing summary (the default)
  json      the versioned JSON contract (schema_version 1)
  sarif     SARIF 2.1.0, for GitHub code scanning and other SARIF viewers
  github    GitHub Actions workflow annotations (::warning file=...)
  markdown  a summary table for a pull-request comment
  html      a self-contained annotated report (use with -o FILE)
  --min-severity hides findings below it in every format; the summary counts them.

exit codes:
  0    no finding at or above --fail-on (default warning), or --exit-zero
  1    at least one shown finding at or above --fail-on (with --diff: something to fix)
  2    usage or configuration error, a file that cannot be read or checked, a fix that
       cannot be written, a --server that cannot be reached or refuses a check, or an
       internal error (never a traceback, never 1)
  130  interrupted (Ctrl-C)

examples:
  checker check drafts/ --select SP --select NM --min-severity warning
  checker check - --stdin-filename draft.md < draft.md
  checker check draft.md --source wire.txt --format json -o report.json
  checker check draft.md --server http://127.0.0.1:8000   # a running `checker serve` checks"""


def add_check_arguments(c: argparse.ArgumentParser) -> None:
    from checker.reporters import FORMATS

    c.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                   help="files, directories or - for stdin (default: .)")
    c.add_argument("--format", "-f", choices=FORMATS, default="text",
                   help="output format (below; default text)")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report here (atomically)")
    add_selection_arguments(c)
    c.add_argument("--fail-on", type=_severity, default=None, metavar="{info,warning,error}",
                   help="lowest severity that makes the exit code 1 (default warning)")
    c.add_argument("--min-severity", type=_severity, default=None,
                   metavar="{info,warning,error}",
                   help="hide findings below this severity in every format; the summary "
                   "counts them (default info: show all; config: min-severity)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    c.add_argument("--config", type=Path, default=None, help="use this configuration file")
    c.add_argument("--no-model", action="store_true", help="rules only: load no model")
    c.add_argument("--source", action="append", default=[], metavar="FILE",
                   help="check the drafts against this source text (repeatable; SR rules)")
    c.add_argument("--stdin-filename", default=None,
                   help="name (and so format) for text read from -")
    c.add_argument("--force-exclude", action=argparse.BooleanOptionalAction, default=None,
                   help="apply `exclude` to files named on the command line too, as "
                   "pre-commit passes them (config: force-exclude)")
    c.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    c.add_argument("--jobs", "-j", type=int, default=0,
                   help="worker processes for many files (0: automatic)")
    c.add_argument("--server", metavar="URL", default=None,
                   help="have a running `checker serve` at URL (say http://127.0.0.1:8000) "
                   "do the checking with its loaded model; files are still read here and "
                   "only their text and settings are sent. Never used unless named; an "
                   "unreachable server is an error (exit 2), never a local check")
    c.add_argument("--no-cache", action="store_true",
                   help="check every file afresh; by default an unchanged file's findings are "
                   "reused from .checker_cache at the project root (env: CHECKER_NO_CACHE=1)")
    c.add_argument("--cache-dir", metavar="DIR", default=None,
                   help="keep the cache here instead (env: CHECKER_CACHE_DIR)")
    fixing = c.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true",
                        help="apply safe fixes, rewriting files atomically (FILE.orig keeps "
                        "the original); HTML is never fixed")
    fixing.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, apply unsafe fixes too")
    fixing.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff and write nothing")
    fixing.add_argument("--no-backup", action="store_true",
                        help="with --fix, keep no FILE.orig copy")
    narrowing = c.add_argument_group("narrowing")
    narrowing.add_argument("--changed-since", metavar="REV", default=None,
                           help="report only findings on lines changed since this git revision")
    narrowing.add_argument("--write-baseline", nargs="?", metavar="FILE", default=None,
                           const=".checker-baseline.json",
                           help="record today's findings in FILE (a .json name; default "
                           ".checker-baseline.json)")
    narrowing.add_argument("--baseline", metavar="FILE", default=None,
                           help="report only findings not recorded in this baseline")


def add_selection_arguments(p: argparse.ArgumentParser) -> None:
    """--select, --extend-select and --ignore; each may be repeated and appends (ruff), so
    ``--select SP --select NM`` runs both. ``request.joined`` flattens what they collect."""
    p.add_argument("--select", type=_codes, action="append", default=None, metavar="CODES",
                   help="codes or prefixes to run, comma-separated; repeat to add more")
    p.add_argument("--extend-select", type=_codes, action="append", default=None,
                   metavar="CODES", help="add to the configured selection")
    p.add_argument("--ignore", type=_codes, action="append", default=None, metavar="CODES",
                   help="codes or prefixes to skip; repeat to add more")


def _codes(value: str) -> tuple[str, ...]:
    return tuple(v.strip().upper() for v in value.split(",") if v.strip())


def _severity(value: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command. Whatever goes wrong ends in one line on stderr and exit code 2 (130 when
    interrupted), never a traceback and never 1, which means findings."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("checker: interrupted", file=sys.stderr)
        return 130
    except MemoryError:
        print("checker: out of memory; check fewer or smaller files (max-file-bytes)",
              file=sys.stderr)
        return 2
    except RecursionError:
        print("checker: input nested too deeply to process", file=sys.stderr)
        return 2
    except (OSError, RuntimeError, ValueError) as exc:
        from checker.terminal import terminal_safe

        print(f"checker: {terminal_safe(_describe(exc))}", file=sys.stderr)
        return 2
    except Exception as exc:
        print(f"checker: internal error ({type(exc).__name__}: {exc}); please report it",
              file=sys.stderr)
        return 2


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename is not None:
        target = f" -> {exc.filename2}" if exc.filename2 else ""
        return f"{exc.filename}{target}: {exc.strerror or exc}"
    return str(exc)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in DELEGATED:
        module = importlib.import_module(DELEGATED[args_list[0]][0])
        return int(module.main(args_list[1:]))
    parser = _parser()
    args = parser.parse_args(args_list)
    if args.command == "check":
        from checker.commands import run_check
        from checker.request import CliRequest

        return run_check(CliRequest.from_args(args))
    if args.command == "rules":
        from checker.commands import run_rules

        return run_rules(args.format)
    if args.command == "explain":
        from checker.commands import run_explain

        return run_explain(args.code)
    parser.print_help()
    return 2


def use_color(choice: str, stream: object) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())
