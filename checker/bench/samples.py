"""Sample reports of the seed article: ``reports/niger-withdrawal.html`` and a screenshot.

The screenshot shows the report as a reader first meets it after clicking the first name
finding: the span and its related spelling lit up, the panel card selected. Run it after rules
change (``python -m checker.bench.samples``) and look at the picture.
"""

from __future__ import annotations

import sys
from pathlib import Path

from checker.atomic import write_text
from checker.config import settings_for
from checker.engine import check_file
from checker.reporters.html import render

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "niger-withdrawal.txt"


def write_report(out: Path) -> Path:
    result = check_file(str(SEED.relative_to(ROOT)), settings_for(str(SEED)))
    target = out / "niger-withdrawal.html"
    write_text(target, render([result]))
    return target


def screenshot(report: Path, png: Path, width: int = 1400, height: int = 1000) -> None:
    from playwright.sync_api import sync_playwright

    from checker.bench.browser import launch

    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(report.resolve().as_uri())
            card = page.locator(".card[data-category=name]").first
            if card.count():
                card.click()
            page.wait_for_timeout(300)
            png.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png))
        finally:
            browser.close()


def main() -> int:
    out = ROOT / "reports"
    report = write_report(out)
    print(f"wrote {report}")
    try:
        screenshot(report, out / "seed-report.png")
    except (ImportError, FileNotFoundError) as exc:
        print(f"no screenshot: {exc}", file=sys.stderr)
        return 0
    print(f"wrote {out / 'seed-report.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
