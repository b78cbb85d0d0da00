"""Every regular expression in the code base, fed adversarial input: no catastrophic backtracking.

Patterns are collected three ways: compiled objects held by a module (directly or in a tuple,
list or dict), patterns that zero-argument builder functions return (the cached word-list
patterns), and string literals passed to ``re.compile``/``re.search``/... anywhere in the
source. Each runs over long runs of spaces, of one letter, of each punctuation mark, and of
pairs. A pattern that is fast on the long input passes; a slow one must grow linearly: time on
16,000 characters against 2,000 below 24x (linear is 8x, quadratic 64x).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import checker

LONG, SHORT = 16_000, 2_000
FAST_ENOUGH = 0.1  # CPU seconds on the long input: a quadratic pattern takes well over 1 s
# The training and evaluation lab (data generators, transforms, evaluations) reads the team's
# own data sets, never a user's draft; the server, editor and batch front ends only route text.
LAB = ("checker.nli.transforms", "checker.nli.datagen", "checker.nli.evaluate",
       "checker.nli.doceval", "checker.nli.offtopic_eval", "checker.nli.bench", "checker.bench")
SKIP_MODULES = (*LAB, "checker.server", "checker.lsp", "checker.batch")
FUNCS = {"compile", "search", "match", "fullmatch", "sub", "subn", "findall", "finditer",
         "split"}


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        if info.name.startswith(SKIP_MODULES) or info.name.endswith("__main__"):
            continue
        try:
            yield importlib.import_module(info.name)
        except ImportError:
            continue


def _held(value: object, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        yield value
    elif depth < 2 and isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from _held(item, depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for item in value.values():
            yield from _held(item, depth + 1)


def _literal_patterns(path: Path) -> Iterator[re.Pattern[str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in FUNCS and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            continue
        flags = 0
        for arg in [*node.args[1:], *(k.value for k in node.keywords if k.arg == "flags")]:
            for name in ast.walk(arg):
                if isinstance(name, ast.Attribute) and isinstance(getattr(re, name.attr, None),
                                                                  re.RegexFlag):
                    flags |= getattr(re, name.attr)
        yield re.compile(node.args[0].value, flags)


def all_patterns() -> list[re.Pattern[str]]:
    found: dict[tuple[str, int], re.Pattern[str]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            for pattern in _held(value):
                found[(pattern.pattern, pattern.flags)] = pattern
            returns = str(getattr(value, "__annotations__", {}).get("return", ""))
            if callable(value) and "re.Pattern" in returns and getattr(
                    value, "__module__", "") == module.__name__:
                try:
                    built = value()
                except TypeError:
                    continue  # needs arguments
                for pattern in _held(built):
                    found[(pattern.pattern, pattern.flags)] = pattern
            del name
    root = Path(checker.__file__).parent
    for path in root.rglob("*.py"):
        module = ".".join(("checker", *path.relative_to(root).with_suffix("").parts))
        if module.startswith(LAB):
            continue
        for pattern in _literal_patterns(path):
            found[(pattern.pattern, pattern.flags)] = pattern
    return list(found.values())


def adversarial(n: int) -> list[str]:
    units = [" ", "\t", "a", "A", "1", " a", "a ", "A ", "1,", "\n "]
    for mark in string.punctuation:
        units += [mark, mark + " ", mark + "a", "a" + mark]
    return [(unit * (n // len(unit) + 1))[:n] for unit in units]


def _time(pattern: re.Pattern[str], text: str) -> float:
    """CPU time (a busy machine stretches wall time, not this)."""
    start = time.process_time()
    for _ in pattern.finditer(text):
        pass
    return time.process_time() - start


PATTERNS = all_patterns()


def test_the_audit_sees_the_patterns_that_matter() -> None:
    sources = {p.pattern for p in PATTERNS}
    assert len(PATTERNS) > 60
    from checker.markdown import _INLINE_PATTERNS
    from checker.nli.patterns import _stance_pattern

    assert {p.pattern for p, _ in _INLINE_PATTERNS} <= sources
    assert _stance_pattern().pattern in sources


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:40])
def test_pattern_is_linear_on_adversarial_input(pattern: re.Pattern[str]) -> None:
    for long_text, short_text in zip(adversarial(LONG), adversarial(SHORT), strict=True):
        slow = _time(pattern, long_text)
        if slow < FAST_ENOUGH:
            continue
        slow = min(slow, _time(pattern, long_text), _time(pattern, long_text))
        fast = max(min(_time(pattern, short_text) for _ in range(3)), 1e-4)
        assert slow / fast < 24, (
            f"{pattern.pattern!r} takes {slow:.3f}s on {long_text[:6]!r}... ({LONG:,} chars), "
            f"{slow / fast:.0f}x the time on {SHORT:,} chars: catastrophic backtracking")
