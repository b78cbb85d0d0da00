"""Screenshots of the ``checker serve`` editor: ``reports/serve-editor.png`` (the seed article
loaded, checked, a name finding selected) and ``reports/serve-editor-unsafe-fix.png`` (the
confirmation an unsafe fix asks for). Run after the page changes
(``python -m checker.bench.serve_page [--no-model]``) and look at the pictures.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from checker.config import settings_for, with_cli

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "niger-withdrawal.txt"


@contextmanager
def serving(use_model: bool) -> Iterator[str]:
    """The serve app on a free loopback port in this process, with the seed's settings."""
    from checker.server.app import ServerConfig, running

    settings = with_cli(settings_for(str(SEED)), use_model=None if use_model else False)
    with running(ServerConfig(settings=settings, warm=False)) as url:
        yield url


def screenshots(out: Path, use_model: bool = True) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from checker.bench.browser import launch

    editor, confirm = out / "serve-editor.png", out / "serve-editor-unsafe-fix.png"
    out.mkdir(parents=True, exist_ok=True)
    with serving(use_model) as url, sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url + "/")
            page.set_checked("#model", use_model)
            page.fill("#draft", SEED.read_text(encoding="utf-8"))
            deadline = time.monotonic() + 180  # a cold model load on a busy machine
            while True:
                status = page.inner_text("#status")
                if "checked in" in status and "running" not in status:
                    break
                if "Not checked" in status or time.monotonic() > deadline:
                    raise RuntimeError(f"the seed was not checked: {status}")
                page.wait_for_timeout(100)
            page.locator(".card[data-category=name] .card-select").first.click()
            page.wait_for_timeout(300)
            page.screenshot(path=str(editor))
            page.locator(".card button.fix-review").first.click()
            page.wait_for_timeout(300)
            page.screenshot(path=str(confirm))
        finally:
            browser.close()
    return [editor, confirm]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.bench.serve_page",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--no-model", action="store_true", help="rules only")
    parser.add_argument("--out", type=Path, default=ROOT / "reports")
    args = parser.parse_args(argv)
    try:
        written = screenshots(args.out, use_model=not args.no_model)
    except (ImportError, FileNotFoundError) as exc:
        print(f"no screenshots: {exc}", file=sys.stderr)
        return 0
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
