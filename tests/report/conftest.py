"""Fixtures for the report tests: small drafts, a headless Chromium, and a CLI runner."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from testkit import chromium_browser

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "niger-withdrawal.txt"

DRAFTS = {
    "clean.txt": "The council met on Tuesday.\n\nIt approved the budget without changes.\n",
    "typos.txt": "The the vote was close,, and the count went on.\n\nIt was late. .\n",
    "notes.md": "# Harbour ferry\n\nThe ferry **runs** daily. .\n\nThe the crew agreed.\n",
    "page.html": ("<html><head><title>x</title></head><body><article><h1>Storm</h1>"
                  "<p>The storm hit the coast on Monday and the the roads flooded.</p>"
                  "<p>Officials said the damage was severe,, and repairs would take weeks of "
                  "work across the whole region.</p></article></body></html>"),
}


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])])
    env["NO_COLOR"] = "1"
    env.update(extra)
    return env


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    """A folder with a few small drafts of every kind, including the seed article."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    for name, text in DRAFTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    shutil.copy(SEED, folder / SEED.name)
    return folder


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    yield from chromium_browser()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 700})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors
    try:
        yield pg
    finally:
        context.close()


def python() -> str:
    return sys.executable
