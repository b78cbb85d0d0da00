"""Test helpers shared by the suite: where things are, and ways to run the command line.

A plain module (not conftest) so that ``from testkit import ...`` is unambiguous when other
folders under tests/ bring their own conftest.py.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

from checker.resources import shared_data_path

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED = REPO_ROOT / "seeds" / "niger-withdrawal.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_DATA = shared_data_path()

CliResult = tuple[int, str, str]


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for a subprocess: this checkout first on the path, no colour."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO_ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env["NO_COLOR"] = "1"
    env.pop("FORCE_COLOR", None)
    env.update(extra)
    return env


def run_cli(args: Sequence[str | os.PathLike[str]], stdin: str | bytes | None = None,
            cwd: str | os.PathLike[str] | None = None, timeout: float = 120) -> CliResult:
    """Run ``python -m checker ARGS`` in a subprocess; return (exit code, stdout, stderr)."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [sys.executable, "-m", "checker", *map(str, args)],
        input=data if data is not None else b"",
        capture_output=True, cwd=cwd or REPO_ROOT, env=cli_env(), timeout=timeout,
    )
    return (proc.returncode, proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"))


def cli(args: Sequence[str | os.PathLike[str]], stdin: str | bytes | None = None,
        cwd: str | os.PathLike[str] | None = None) -> CliResult:
    """``checker ARGS`` in this process (fast): same result triple as :func:`run_cli`.

    Configuration caches are cleared first, since tests rewrite config files in place.
    """
    from checker import config
    from checker.cli import main

    config._config_in.cache_clear()
    config._config_above.cache_clear()
    config._load_cached.cache_clear()
    data = stdin.encode("utf-8") if isinstance(stdin, str) else (stdin or b"")
    out, err = io.StringIO(), io.StringIO()
    old_cwd, old_stdin = os.getcwd(), sys.stdin
    try:
        os.chdir(cwd or REPO_ROOT)
        sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        with redirect_stdout(out), redirect_stderr(err):
            try:
                rc = main([str(a) for a in args])
            except SystemExit as exc:  # argparse: --help, --version, usage errors
                rc = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        os.chdir(old_cwd)
        sys.stdin = old_stdin
    return rc, out.getvalue(), err.getvalue()


def run_json(args: Sequence[str | os.PathLike[str]], stdin: str | bytes | None = None,
             cwd: str | os.PathLike[str] | None = None,
             in_subprocess: bool = False) -> tuple[int, dict[str, Any], str]:
    """``checker check --format json ARGS``, parsed (in this process unless ``in_subprocess``)."""
    runner = run_cli if in_subprocess else cli
    rc, out, err = runner(["check", "--format", "json", *args], stdin=stdin, cwd=cwd)
    assert out.strip(), f"no JSON on stdout (rc={rc}); stderr:\n{err}"
    return rc, json.loads(out), err


def write(path: Path, content: str | bytes) -> Path:
    """Write a file (creating folders); bytes are written as they are."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def chromium_browser() -> Iterator[Any]:
    """Headless Chromium (Debian's package) driven by Playwright, for a browser fixture to
    ``yield from``; the test is skipped where either is missing."""
    import pytest

    from checker.bench.browser import chromium_path, launch

    if chromium_path() is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = launch(p)
        try:
            yield b
        finally:
            b.close()
