"""The ``checker serve`` page as an editor, in headless Chromium against a real ``checker serve``.

The server is the command itself (``python -m checker serve --no-model``) on a free port; the
browser is Debian's chromium driven by Playwright. Offsets from the API count code points, the
textarea counts UTF-16 units: the tests compare the two on a draft with an emoji in it.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from testkit import chromium_browser

from checker.reporters.html import COLOURS

ROOT = Path(__file__).resolve().parents[2]

# Two categories and a fix of each kind in a few lines: TY104 (typography, safe fix), SP101
# (spam, safe fix), NM101 (name, unsafe fix); an emoji first, so code points != UTF-16 units.
DRAFT = ("🙂 Officials said the the vote was close.\n\n"
         "See also  Kendall Jenner and Bad Bunny reportedly broke up\n\n"
         "Mohamed Bazoum was ousted. Mr. Bazuom is still held.\n")
ERROR_DRAFT = ("The central bank raised interest rates on Wednesday.\n\n"
               "The central bank cut interest rates on Wednesday.\n\nIt was a close,, vote.\n")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    """``checker serve --no-model`` as a user starts it, stopped afterwards."""
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--no-model",
                             "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"checker serve did not start: {proc.stderr.read()!r}"
                                   if proc.stderr and proc.poll() is not None
                                   else "checker serve did not start in 60 s")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from chromium_browser()


@pytest.fixture
def page(browser: Any, served: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1300, "height": 800})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(served + "/")
    pg.uncheck("#model")  # a rules-only server: one request per check
    yield pg
    context.close()
    assert not errors, errors


def api_findings(url: str, text: str) -> list[dict[str, Any]]:
    r = httpx.post(f"{url}/api/check", json={"text": text, "options": {"model": False}})
    r.raise_for_status()
    return list(r.json()["files"][0]["findings"])


def units(text: str, code_points: int) -> int:
    """A code-point offset as the browser counts it (UTF-16 code units)."""
    return len(text[:code_points].encode("utf-16-le")) // 2


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def wait_until(page: Any, condition: Any, what: str, timeout: float = 15.0) -> None:
    """Poll from Python (the page's CSP rightly refuses the eval that wait_for_function uses)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}; status: "
                                 f"{page.inner_text('#status')!r}")
        page.wait_for_timeout(50)


def card_codes(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("#cards .card .code").all_inner_texts()]


def type_draft(page: Any, text: str) -> None:
    """Put text in the draft as a paste would; the page checks it after the pause."""
    page.fill("#draft", text)
    wait_until(page, lambda: "checked in" in page.inner_text("#status")
               and page.input_value("#draft") == text, "the check after typing")


def style(page: Any, selector: str, prop: str) -> str:
    return str(page.locator(selector).first.evaluate(
        f"(n) => getComputedStyle(n).getPropertyValue({json.dumps(prop)})"))


@pytest.mark.browser
def test_highlights_are_in_the_draft_coloured_by_category_and_severity(page: Any) -> None:
    hostile = "\n\n<img src=x onerror=\"window.pwned=1\"> <script>window.pwned=2</script>,,"
    type_draft(page, DRAFT + hostile)
    assert {"TY104", "SP101", "NM101"} <= set(card_codes(page))
    # the highlight layer holds exactly the draft, lies in the same box and scrolls with it
    assert page.locator("#highlights").text_content() == page.input_value("#draft")
    boxes = page.evaluate("""() => ['draft', 'backdrop'].map((id) => {
        const n = document.getElementById(id);
        return [n.clientWidth, n.scrollHeight, n.getBoundingClientRect().top]; })""")
    assert boxes[0] == boxes[1]
    # distinct colours per category, from the report's palette
    spam = "#highlights .hl.cat-spam"
    name = "#highlights .hl.cat-name"
    assert page.locator(spam).first.text_content().startswith("See also")
    assert page.locator(name).first.text_content() == "Bazuom"
    assert style(page, spam, "border-bottom-color") == rgb(COLOURS["spam"])
    assert style(page, name, "border-bottom-color") == rgb(COLOURS["name"])
    assert style(page, spam, "background-color") != style(page, name, "background-color")
    assert style(page, name, "color") == "rgba(0, 0, 0, 0)"  # the glyphs are the textarea's
    # the colour key names the categories found
    legend = page.inner_text("#legend")
    # (spam 2: the "See also" line, and the hostile tags, which SP105 reads as leftover HTML)
    assert "spam 2" in legend.replace("\n", " ") and "name" in legend
    assert "SP105" in card_codes(page)
    # the draft's markup is text, never run
    assert page.evaluate("window.pwned === undefined")
    # severity: an error is a wavy underline, a warning a solid one
    type_draft(page, ERROR_DRAFT)
    assert style(page, "#highlights .hl.sev-error", "text-decoration-style") == "wavy"
    assert style(page, "#highlights .hl.sev-warning", "border-bottom-style") == "solid"
    assert style(page, "#highlights .hl.sev-error", "text-decoration-color") == \
        rgb(COLOURS["contradiction"])
    assert "1 error, 1 warning" in page.inner_text("#status")


@pytest.mark.browser
def test_a_card_selects_its_span_in_the_draft_and_a_highlight_its_card(page: Any,
                                                                      served: str) -> None:
    type_draft(page, DRAFT)
    findings = {f["code"]: f for f in api_findings(served, DRAFT)}
    for code in ("TY104", "NM101"):
        f = findings[code]
        page.locator(f".card:has(.code:text-is('{code}')) .card-select").click()
        sel = page.evaluate("() => { const d = document.getElementById('draft'); return "
                            "[d.selectionStart, d.selectionEnd, document.activeElement.id]; }")
        assert sel == [units(DRAFT, f["start"]), units(DRAFT, f["end"]), "draft"]
        assert DRAFT[f["start"]:f["end"]] == f["text"]
        assert page.locator(".card.selected .code").inner_text() == code
    # pointing at a highlight lights up its card; clicking into it selects the card
    spam = page.locator("#highlights .hl.cat-spam").first.bounding_box()
    assert spam is not None
    page.mouse.move(spam["x"] + 20, spam["y"] + spam["height"] / 2)
    wait_until(page, lambda: page.locator(".card.hover .code").count() == 1, "a hovered card")
    assert page.locator(".card.hover .code").inner_text() == "SP101"
    page.mouse.click(spam["x"] + 20, spam["y"] + spam["height"] / 2)
    wait_until(page, lambda: page.locator(".card.selected .code").all_inner_texts() == ["SP101"],
               "the clicked highlight's card to be selected")
    assert "SP101" in page.inner_text("#caret-note")
    # cards are buttons with a label a screen reader can read
    label = page.locator(".card:has(.code:text-is('NM101')) .card-select") \
        .get_attribute("aria-label")
    assert label and "NM101" in label and "warning" in label


@pytest.mark.browser
def test_a_card_scrolls_the_draft_itself(page: Any, seed_text: str) -> None:
    type_draft(page, seed_text.rstrip("\n") + "\n")
    page.locator(".card:has(.code:text-is('SP102')) .card-select").last.click()
    top = page.evaluate("document.getElementById('draft').scrollTop")
    assert top > 0
    assert page.evaluate("document.getElementById('backdrop').scrollTop") == top
    hl = page.locator("#highlights .hl.active").first.bounding_box()
    pane = page.locator("#draft").bounding_box()
    assert hl is not None and pane is not None
    assert pane["y"] <= hl["y"] <= pane["y"] + pane["height"] - hl["height"]
    # at the very bottom (the draft ends with a newline: one more, empty line) both still agree
    page.evaluate("() => { const d = document.getElementById('draft');"
                  " d.scrollTop = d.scrollHeight; }")
    page.wait_for_timeout(100)
    tops = page.evaluate("['draft', 'backdrop'].map((id) => document.getElementById(id).scrollTop)")
    assert tops[0] >= top and tops[0] == tops[1]


@pytest.mark.browser
def test_typing_keeps_the_caret_and_moves_the_highlights_with_the_text(page: Any) -> None:
    type_draft(page, DRAFT)
    at = units(DRAFT, DRAFT.index("vote was"))
    page.focus("#draft")
    page.evaluate(f"document.getElementById('draft').setSelectionRange({at}, {at})")
    typed = DRAFT.replace("vote was", "close vote was")
    with page.expect_response("**/api/check"):
        page.keyboard.type("close ")
        # before the pause is over: the marks after the edit moved with their text
        assert page.locator("#highlights").text_content() == typed
        assert page.locator("#highlights .hl.cat-spam").first.text_content() == \
            "See also  Kendall Jenner and Bad Bunny reportedly broke up"
        assert page.locator("#highlights .hl.cat-name").first.text_content() == "Bazuom"
    wait_until(page, lambda: "checked in" in page.inner_text("#status"), "the re-check")
    caret = page.evaluate("() => { const d = document.getElementById('draft'); return "
                          "[d.selectionStart, d.selectionEnd, document.activeElement.id]; }")
    assert caret == [at + len("close "), at + len("close "), "draft"]
    assert page.input_value("#draft") == typed


@pytest.mark.browser
def test_an_unsafe_fix_asks_first(page: Any) -> None:
    type_draft(page, DRAFT)
    review = page.locator(".card:has(.code:text-is('NM101')) button.fix-review")
    assert page.locator(".card:has(.code:text-is('NM101')) button.fix-apply").count() == 0
    review.click()
    dialog = page.locator("#fix-dialog")
    assert dialog.is_visible()
    assert page.locator("#fix-before mark").inner_text() == "Bazuom"
    assert page.locator("#fix-after mark").inner_text() == "Bazoum"
    assert "unsafe" in page.inner_text("#fix-why")
    page.click("#fix-cancel")
    assert not dialog.is_visible()
    assert page.input_value("#draft") == DRAFT  # cancelled: nothing changed
    review.click()
    page.keyboard.press("Escape")  # Escape cancels too
    assert not dialog.is_visible() and page.input_value("#draft") == DRAFT
    review.click()
    page.click("#fix-confirm")
    fixed = DRAFT.replace("Mr. Bazuom", "Mr. Bazoum")
    wait_until(page, lambda: page.input_value("#draft") == fixed
               and "checked in" in page.inner_text("#status")
               and "NM101" not in card_codes(page), "the confirmed fix and the re-check")


@pytest.mark.browser
def test_a_safe_fix_applies_at_once_and_undoes(page: Any) -> None:
    type_draft(page, DRAFT)
    page.locator(".card:has(.code:text-is('TY104')) button.fix-apply").click()
    fixed = DRAFT.replace("said the the vote", "said the vote")
    wait_until(page, lambda: page.input_value("#draft") == fixed
               and "checked in" in page.inner_text("#status")
               and "TY104" not in card_codes(page), "the fix and the re-check")
    assert {"SP101", "NM101"} <= set(card_codes(page))
    # the explicit undo button puts the text back and checks again
    page.click("#undo-fix")
    wait_until(page, lambda: page.input_value("#draft") == DRAFT
               and "TY104" in card_codes(page), "the undo and the re-check")
    assert page.locator("#undo-fix").is_hidden()
    # a fix goes through the browser's editing, so Ctrl+Z undoes it too
    page.locator(".card:has(.code:text-is('SP101')) button.fix-apply").click()
    wait_until(page, lambda: "See also" not in page.input_value("#draft"), "the SP101 fix")
    page.focus("#draft")
    page.keyboard.press("Control+z")
    wait_until(page, lambda: page.input_value("#draft") == DRAFT
               and "SP101" in card_codes(page), "Ctrl+Z and the re-check")


@pytest.mark.browser
def test_an_answer_for_an_older_text_never_replaces_a_newer_one(page: Any, served: str) -> None:
    first, second = "FIRST draft: the the vote.", "SECOND draft, with a doubled comma,, here."
    stale_answer = httpx.post(f"{served}/api/check", json={
        "text": first, "options": {"model": False, "include_text": True}}).text
    held: list[Any] = []

    def hold_first(route: Any) -> None:
        if "FIRST" in (route.request.post_data or ""):
            held.append(route)
        else:
            route.continue_()

    page.clock.install()  # the page's debounce waits for the test's clock
    page.route("**/api/check", hold_first)
    page.fill("#draft", first)
    page.clock.run_for(2000)
    wait_until(page, lambda: len(held) == 1, "the first check to be sent")
    page.fill("#draft", second)  # typed while the first check is out; its timer not yet run
    delivered: list[str] = []
    page.on("requestfinished", lambda req: delivered.append(req.post_data or ""))
    held[0].fulfill(status=200, content_type="application/json", body=stale_answer)
    wait_until(page, lambda: any("FIRST" in d for d in delivered), "the stale answer")
    page.wait_for_timeout(300)
    assert "TY104" not in card_codes(page)
    assert page.locator("#highlights .hl").count() == 0
    assert "checked in" not in page.inner_text("#status")
    page.clock.run_for(2000)  # the pause is over: the second text is checked
    seen: list[list[str]] = []

    def second_shown() -> bool:
        seen.append(card_codes(page))
        return seen[-1] == ["TY101"]
    wait_until(page, second_shown, "the second text's findings")
    assert all("TY104" not in codes for codes in seen)
    assert page.locator("#highlights .hl").text_content() == ",,"


@pytest.mark.browser
def test_an_error_is_said_in_the_status_line(page: Any) -> None:
    page.route("**/api/check", lambda route: route.fulfill(
        status=503, content_type="application/json",
        body=json.dumps({"error": {"status": 503, "message": "the server is busy"}})))
    page.fill("#draft", DRAFT)
    wait_until(page, lambda: "Not checked" in page.inner_text("#status"), "the error")
    assert "the server is busy" in page.inner_text("#status")
    assert page.get_attribute("#status", "role") == "status"
    assert page.input_value("#draft") == DRAFT


@pytest.mark.browser
def test_narrow_screens_put_the_cards_below_the_draft(browser: Any, served: str) -> None:
    context = browser.new_context(viewport={"width": 600, "height": 900})
    try:
        pg = context.new_page()
        pg.goto(served + "/")
        editor = pg.locator("#editor").bounding_box()
        panel = pg.locator("#panel").bounding_box()
        assert editor is not None and panel is not None
        assert panel["y"] >= editor["y"] + editor["height"]
    finally:
        context.close()


def test_the_page_stylesheet_is_the_report_stylesheet_with_category_colours(served: str) -> None:
    css = httpx.get(f"{served}/report.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    report_css = (ROOT / "checker" / "reporters" / "assets" / "report.css").read_text("utf-8")
    assert css.text.startswith(report_css)
    for category, colour in COLOURS.items():
        assert f".cat-{category} {{ --c: {colour}; }}" in css.text
