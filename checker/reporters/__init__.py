"""One renderer interface: ``render(results) -> str`` per output format (STYLE habit 7)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Protocol

from checker.engine import FileResult

FORMATS = ("text", "json", "sarif", "github", "markdown", "html")


class Renderer(Protocol):
    def __call__(self, results: Sequence[FileResult], *, color: bool = False) -> str: ...


_MODULES = {"text": "text", "json": "jsonfmt", "sarif": "sarif", "github": "github",
            "markdown": "markdown", "html": "html"}


def get_renderer(fmt: str) -> Callable[..., str]:
    """The ``render`` function of one format, imported only when that format is asked for."""
    module = importlib.import_module(f"checker.reporters.{_MODULES.get(fmt, 'text')}")
    render: Callable[..., str] = module.render
    return render
