"""The pre-commit hooks and the GitHub Action only use flags ``checker check`` accepts."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from checker.cli import _parser

ROOT = Path(__file__).resolve().parents[2]
yaml = pytest.importorskip("yaml")


def _check_flags() -> set[str]:
    sub = next(a for a in _parser()._actions if a.dest == "command")
    check = sub.choices["check"]  # type: ignore[index]
    return {s for a in check._actions for s in a.option_strings}


def test_pre_commit_hooks_use_real_flags() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    flags = _check_flags()
    assert {h["id"] for h in hooks} == {"checker", "checker-fix"}
    for hook in hooks:
        words = shlex.split(hook["entry"]) + hook.get("args", [])
        assert words[:2] == ["checker", "check"]
        assert {w for w in words if w.startswith("--")} <= flags


def test_action_is_composite_and_uses_real_flags() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert any(str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif")
               for s in steps)
    scripts = "\n".join(s.get("run", "") for s in steps)
    # one check, to SARIF; the annotations are printed from that file (test_editor_action.py)
    assert scripts.count("checker check") == 1 and "--format sarif" in scripts
    assert "checker.reporters.github" in scripts
    used = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", scripts))
    used -= {"--quiet", "--upgrade", "--index-url"}  # pip's
    assert used <= _check_flags()
    # inputs reach scripts through env, never pasted into the script text
    assert "${{ inputs." not in scripts
