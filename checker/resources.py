"""Where the data packs live: inside the installed wheel, or at the top of a source checkout."""

from __future__ import annotations

import functools
import os
import tomllib
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


@functools.cache
def data_root(kind: str) -> Path:
    """``kind`` is ``rules`` or ``models``."""
    installed = _PACKAGE / "_data" / kind
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / kind


def shared_data_path(*parts: str) -> Path:
    """``../shared/data`` next to the source checkout (datasets that are read, never copied in);
    callers skip cleanly when it is absent."""
    return _PACKAGE.parent.parent.joinpath("shared", "data", *parts)


def user_cache_root() -> Path:
    """Where data derived on this machine is kept between runs (the ONNX graphs, the compiled
    patterns, the word tables): ``$XDG_CACHE_HOME/checker``, else ``~/.cache/checker``."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "checker"


def rules_path(*parts: str) -> Path:
    return data_root("rules").joinpath(*parts)


def models_path(*parts: str) -> Path:
    return data_root("models").joinpath(*parts)


@functools.cache
def load_toml(*parts: str) -> dict[str, Any]:
    with rules_path(*parts).open("rb") as fh:
        return tomllib.load(fh)


@functools.cache
def load_lines(*parts: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of a list file in ``rules/``."""
    text = rules_path(*parts).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@functools.cache
def load_rows(*parts: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a table file in ``rules/`` (blank and ``#`` lines skipped)."""
    text = rules_path(*parts).read_text(encoding="utf-8")
    return tuple(
        tuple(line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )
