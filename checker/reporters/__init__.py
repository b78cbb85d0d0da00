"""One renderer interface: ``render(results) -> str`` per output format (STYLE habit 7)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from checker.engine import FileResult

FORMATS = ("text", "json", "sarif", "github", "markdown", "html")


class Renderer(Protocol):
    def __call__(self, results: Sequence[FileResult], *, color: bool = False) -> str: ...


def get_renderer(fmt: str) -> Callable[..., str]:
    if fmt == "json":
        from checker.reporters.jsonfmt import render
    elif fmt == "sarif":
        from checker.reporters.sarif import render
    elif fmt == "github":
        from checker.reporters.github import render
    elif fmt == "markdown":
        from checker.reporters.markdown import render
    elif fmt == "html":
        from checker.reporters.html import render
    else:
        from checker.reporters.text import render
    return render
