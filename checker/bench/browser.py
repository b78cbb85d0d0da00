"""Headless Chromium from the system (Debian ``chromium``) driven by Playwright.

Used by the sample screenshots and the browser tests. Never downloads a browser: CI and
developers install ``chromium`` with the system package manager (``make browser``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync")


def chromium_path() -> str | None:
    """``$CHECKER_CHROMIUM``, else /usr/bin/chromium, else whatever ``chromium`` is on PATH."""
    for candidate in (os.environ.get("CHECKER_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def launch(playwright: Any) -> Any:
    """A Chromium browser from a started ``sync_playwright()``; raises if there is none."""
    path = chromium_path()
    if path is None:
        raise FileNotFoundError("no chromium found (install the Debian package 'chromium')")
    return playwright.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS))
