"""The reports in a real browser (headless Chromium through Playwright)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checker.batch.cli import main as report_main
from checker.config import Settings, with_cli
from checker.engine import check_file
from checker.findings import Finding, Related, Severity
from checker.reporters.html import render

from .conftest import SEED

pytestmark = pytest.mark.browser

IN_VIEW = """el => { const r = el.getBoundingClientRect();
  const box = el.closest('.text').getBoundingClientRect();
  return r.top >= box.top && r.bottom <= box.bottom && r.top >= 0 && r.bottom <= innerHeight; }"""


def _seed_report(tmp_path: Path) -> Path:
    result = check_file(str(SEED), with_cli(Settings(), use_model=False))
    if not any(f.related for f in result.findings):  # the name rules are not in this build
        text = result.document.text  # type: ignore[union-attr]
        a, b = text.index("Bassum"), text.index("Basoom")
        result.findings.append(Finding("NM101", "name-variant", "name", Severity.WARNING,
                                       "'Basoom' is spelled 'Bassum' elsewhere", b, b + 6, None,
                                       (Related(a, a + 6, "spelled 'Bassum' here"),)))
    out = tmp_path / "seed.html"
    out.write_text(render([result]), encoding="utf-8")
    return out


def test_clicking_a_finding_highlights_scrolls_and_lights_related(page: Any, tmp_path) -> None:
    page.goto(_seed_report(tmp_path).as_uri())
    card = page.locator(".card", has=page.locator(".related")).filter(has_text="Basoom").first
    fid = card.get_attribute("data-id")
    target = page.locator(f'.hl[data-hits~="{fid}"]').first
    assert target.inner_text() == "Basoom"
    assert not target.evaluate(IN_VIEW)  # far down the article at first
    card.click()
    assert "active" in target.get_attribute("class")
    assert target.evaluate(IN_VIEW)
    linked = page.locator(".linked")
    assert linked.count() >= 1 and linked.first.inner_text() == "Bassum"
    assert "selected" in card.get_attribute("class")
    # clicking the related button jumps to the other spelling
    card.locator(".related button").first.click()
    assert linked.first.evaluate(IN_VIEW)
    assert not page.errors


def test_clicking_a_highlight_selects_its_card_and_filters_hide(page: Any, tmp_path) -> None:
    page.goto(_seed_report(tmp_path).as_uri())
    first = page.locator(".hl").first
    first.click()
    selected = page.locator(".card.selected")
    assert selected.count() == 1
    category = selected.get_attribute("data-category")
    page.locator(f'.toggle[data-filter="{category}"]').click()
    assert page.locator(f'.card[data-category="{category}"]:not([hidden])').count() == 0
    assert "off" in first.get_attribute("class")
    page.locator(f'.toggle[data-filter="{category}"]').click()
    assert "off" not in first.get_attribute("class")
    total = page.locator(".card").count()
    assert page.locator("#counts .chip b").first.inner_text() == str(total)
    assert not page.errors


PAYLOAD = ('Breaking <img src=x onerror="window.__xss=1"> news. '
           '<script>window.__xss=2</script> The the end.\n\n'
           '<svg onload="window.__xss=3"></svg> <a href="javascript:window.__xss=4">x</a>\n')


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_payloads_in_a_draft_never_run(page: Any, tmp_path, suffix: str) -> None:
    name = 'x"><img src=y onerror=window.__xss=5>' + suffix
    draft = tmp_path / name
    body = PAYLOAD if suffix != ".html" else (
        "<html><body><article><p>" + PAYLOAD.replace("<", "&lt;") + " A long enough paragraph "
        "of article text for the extractor to keep it as the body of the page.</p>"
        "<img src=x onerror=\"window.__xss=6\"></article></body></html>")
    draft.write_text(body, encoding="utf-8")
    result = check_file(str(draft), with_cli(Settings(), use_model=False))
    assert result.document is not None
    text = result.document.text
    result.findings.append(Finding("TY999", "</script><script>window.__xss=7</script>", "spam",
                                   Severity.ERROR, '<img src=z onerror="window.__xss=8">',
                                   0, min(len(text), 40), 0.5,
                                   (Related(0, 5, "<b onmouseover=window.__xss=9>"),)))
    out = tmp_path / "report.html"
    out.write_text(render([result]), encoding="utf-8")
    page.on("dialog", lambda d: pytest.fail(f"a dialog opened: {d.message}"))
    page.goto(out.as_uri())
    for card in page.locator(".card").all():
        card.click()
        card.hover()
    page.locator(".hl").first.hover()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert "onerror" in page.locator("#text").inner_text() or suffix == ".html"
    assert page.locator("#text img, #text script, #text svg, .panel img").count() == 0
    assert not page.errors


def test_batch_index_sorts_filters_and_links(page: Any, drafts: Path, tmp_path: Path) -> None:
    (drafts / 'q"><img src=x onerror=window.__xss=1>.txt').write_text("It was late. .\n")
    out = tmp_path / "run"
    assert report_main([str(drafts), "--out", str(out), "--no-model", "-j", "1",
                        "--no-progress"]) == 0
    page.goto((out / "index.html").as_uri())
    rows = page.locator("#docs tbody tr")
    assert rows.count() == len(list(drafts.iterdir()))
    assert page.locator("svg.chart").count() == 3

    def column(key: str) -> list[str]:
        heads = page.locator("#docs thead th")
        idx = [heads.nth(i).get_attribute("data-key") for i in range(heads.count())].index(key)
        return [r.locator("td").nth(idx).get_attribute("data-v")
                for r in rows.all() if r.is_visible()]

    page.locator('th[data-key="findings"]').click()
    counts = [int(v) for v in column("findings")]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    page.locator('th[data-key="findings"]').click()
    assert [int(v) for v in column("findings")] == sorted(counts)
    page.locator('th[data-key="path"]').click()
    paths = column("path")
    assert paths == sorted(paths)

    page.fill("#q", "notes")
    assert column("path") == [p for p in paths if "notes" in p]
    assert "showing 1 of" in page.inner_text("#shown")
    page.fill("#q", "")
    page.select_option("#cat", "spam") if page.locator('#cat option[value="spam"]').count() \
        else page.select_option("#cat", "typography")
    assert 0 < len(column("path")) < len(paths) + 1
    page.select_option("#cat", "")
    page.fill("#minrisk", "101")
    assert column("path") == []
    page.fill("#minrisk", "0")
    assert page.evaluate("typeof window.__xss") == "undefined"

    page.locator("#docs a", has_text="niger-withdrawal").click()
    page.wait_for_selector(".card")
    assert "niger-withdrawal" in page.inner_text("header")
    assert not page.errors


def test_several_files_get_a_picker_and_keys_step(page: Any, drafts: Path, tmp_path) -> None:
    paths = sorted(p for p in drafts.iterdir())
    results = [check_file(str(p), with_cli(Settings(), use_model=False)) for p in paths]
    out = tmp_path / "many.html"
    out.write_text(render(results), encoding="utf-8")
    page.goto(out.as_uri())
    picker = page.locator("#doc-picker select")
    assert picker.locator("option").count() == len(paths)
    target = next(i for i, r in enumerate(results) if r.path.endswith("page.html"))
    picker.select_option(str(target))
    assert "HTML input" in page.inner_text("#note")
    assert "Storm" in page.inner_text("#text")
    page.keyboard.press("n")
    assert page.locator(".card.selected").count() == 1
    assert page.locator(".hl.active").count() >= 1
    assert not page.errors
