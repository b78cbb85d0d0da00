"""The command line becomes one typed request at the boundary: every option of ``checker check``
lands in a field of ``CliRequest``, and nothing after the parser reads argparse's namespace."""

from __future__ import annotations

import argparse
import ast
from dataclasses import fields
from pathlib import Path

from checker.cli import _parser, add_check_arguments
from checker.findings import Severity
from checker.request import CliRequest

ROOT = Path(__file__).resolve().parents[1]
# option dest -> the request field that carries it, where the names differ
RENAMED = {"source": "sources"}


def _parse(*argv: str) -> CliRequest:
    return CliRequest.from_args(_parser().parse_args(["check", *argv]))


def test_every_check_option_has_a_field() -> None:
    check = argparse.ArgumentParser()
    add_check_arguments(check)
    dests = {a.dest for a in check._actions if a.dest != "help"}
    names = {f.name for f in fields(CliRequest)}
    assert {RENAMED.get(d, d) for d in dests} <= names


def test_repeated_selections_append_and_severities_are_typed() -> None:
    req = _parse("--select", "SP", "--select", "NM,ty", "--ignore", "SP104", "--fail-on", "error",
                 "--min-severity", "warning", "--source", "a.txt", "--source", "b.txt", "d.md")
    assert req.select == ("SP", "NM", "TY") and req.ignore == ("SP104",)
    assert req.fail_on is Severity.ERROR and req.min_severity is Severity.WARNING
    assert req.sources == ("a.txt", "b.txt") and req.paths == ("d.md",)


def test_a_baseline_value_that_is_not_json_is_a_path() -> None:
    req = _parse("--write-baseline", "articles/")
    assert req.paths == ("articles/",) and req.write_baseline == ".checker-baseline.json"
    req = _parse("--write-baseline", "known.json", "articles/")
    assert req.paths == ("articles/",) and req.write_baseline == "known.json"


def test_conflicting_options_are_named() -> None:
    assert _parse("--fix", "-").conflict() == (
        "--fix and --diff rewrite files; they cannot be used with - (stdin)")
    assert "cannot be used together" in (_parse("--write-baseline", "b.json", "--baseline",
                                                "b.json", "x.txt").conflict() or "")
    assert _parse("--fix", "x.txt").conflict() is None


def test_the_check_path_reads_no_argparse_namespace() -> None:
    for name in ("commands.py", "checkflow.py"):
        tree = ast.parse((ROOT / "checker" / name).read_text(encoding="utf-8"))
        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        attrs = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        assert "args" not in used and "Namespace" not in attrs, name
