"""``checker serve``: the JSON API over real HTTP, and the page in headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def test_api_returns_the_json_contract(live_server: str, seed_text: str) -> None:
    r = httpx.post(f"{live_server}/api/check", json={"text": seed_text, "kind": "text"})
    assert r.status_code == 200
    body = r.json()
    assert body["schema_version"] == 1
    codes = {f["code"] for f in body["files"][0]["findings"]}
    assert "TY101" in codes
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in r.headers["content-security-policy"]


@pytest.mark.parametrize(("body", "ctype", "status", "words"), [
    (b"not json", "application/json", 400, "not valid JSON"),
    (json.dumps({"text": ""}).encode(), "application/json", 422, "empty"),
    (json.dumps({"text": "x", "kind": "pdf"}).encode(), "application/json", 422, "kind"),
    (json.dumps({"text": "x", "colour": 1}).encode(), "application/json", 422, "unknown"),
    (json.dumps({"text": "x"}).encode(), "text/plain", 415, "JSON"),
])
def test_api_bad_input_gets_a_clear_4xx(live_server: str, body: bytes, ctype: str, status: int,
                                        words: str) -> None:
    r = httpx.post(f"{live_server}/api/check", content=body, headers={"content-type": ctype})
    assert r.status_code == status
    assert words in r.json()["error"]["message"]


def test_api_refuses_large_bodies_with_413(live_server: str) -> None:
    big = json.dumps({"text": "word " * 600_000})
    r = httpx.post(f"{live_server}/api/check", content=big,
                   headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert "limit" in r.json()["error"]["message"]


def test_foreign_host_header_is_refused(live_server: str) -> None:
    r = httpx.get(f"{live_server}/", headers={"host": "attacker.example"})
    assert r.status_code == 400


def test_openapi_document(live_server: str) -> None:
    spec = httpx.get(f"{live_server}/openapi.json").json()
    assert "/api/check" in spec["paths"]


@pytest.mark.browser
def test_page_shows_findings_and_scrolls_to_one(live_server: str, seed_text: str) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    hostile = "\n\n<img src=x onerror=\"window.pwned=1\"> <script>window.pwned=2</script>.."
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 700})
            page.goto(live_server + "/")
            page.fill("#draft", seed_text + hostile)
            page.click("#check")
            page.wait_for_selector("#findings li")
            items = page.locator("#findings li")
            texts = items.all_inner_texts()
            assert any("TY101" in t for t in texts)
            assert page.locator("#annotated mark").count() >= 2
            # the markup in the draft is shown as text, never run
            assert page.evaluate("window.pwned === undefined")
            assert "<script>" in page.inner_text("#annotated")
            # click the doubled period: its mark becomes active and is scrolled into view
            index = next(i for i, t in enumerate(texts) if "TY101" in t)
            items.nth(index).click()
            mark = page.locator(f"#finding-{index}")
            assert "active" in (mark.get_attribute("class") or "")
            assert mark.inner_text().startswith(".")
            box = mark.bounding_box()
            pane = page.locator("#annotated").bounding_box()
            assert box is not None and pane is not None
            assert pane["y"] <= box["y"] <= pane["y"] + pane["height"]
            # a name finding lights up the other spelling it relates to
            names = [i for i, t in enumerate(texts) if "NM101" in t]
            if names:
                items.nth(names[0]).click()
                assert page.locator("#annotated .related").all_inner_texts() == ["Bassum"]
                items.nth(index).click()
            # apply its fix: the draft loses the stray period and the check runs again
            items.nth(index).locator("button.fix").click()
            # (polled from Python: the page's CSP rightly refuses eval-based waits)
            for _ in range(100):
                listed = " ".join(page.locator("#findings li").all_inner_texts())
                if "region. ." not in page.input_value("#draft") and "'. .'" not in listed \
                        and "finding" in page.inner_text("#status"):
                    break
                page.wait_for_timeout(100)
            else:
                raise AssertionError("the fix was not applied and re-checked")
        finally:
            browser.close()


def test_cross_origin_posts_are_refused(live_server: str) -> None:
    r = httpx.post(f"{live_server}/api/check", json={"text": "Hello,, world."},
                   headers={"origin": "https://attacker.example"})
    assert r.status_code == 403
    same = httpx.post(f"{live_server}/api/check", json={"text": "Hello,, world."},
                      headers={"origin": live_server})
    assert same.status_code == 200


def test_report_form_renders_the_html_report(live_server: str, seed_text: str) -> None:
    r = httpx.post(f"{live_server}/report", data={"text": seed_text, "kind": "text",
                                                  "model": "false"})
    try:
        import checker.reporters.html  # noqa: F401
    except ImportError:
        assert r.status_code == 501
        return
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "script-src 'unsafe-inline'" in r.headers["content-security-policy"]
    assert "connect-src" not in r.headers["content-security-policy"]  # default-src 'none'
    assert "TY101" in r.text


@pytest.mark.browser
def test_page_opens_the_html_report(live_server: str, seed_text: str) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    try:
        import checker.reporters.html  # noqa: F401
    except ImportError:
        pytest.skip("this build has no HTML report renderer")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(live_server + "/")
            page.fill("#draft", seed_text)
            with page.context.expect_page() as opened:
                page.click("#open-report")
            report = opened.value
            report.wait_for_load_state()
            assert report.url.endswith("/report")
            body = report.inner_text("body")
            assert "403" not in body and "TY101" in body
        finally:
            browser.close()


def test_api_options_select_ignore_and_document_text(live_server: str, seed_text: str) -> None:
    r = httpx.post(f"{live_server}/api/check", json={
        "text": seed_text, "kind": "text",
        "options": {"select": ["TY"], "ignore": ["TY102"], "include_text": True}})
    body = r.json()
    assert {f["code"] for f in body["files"][0]["findings"]} == {"TY101"}
    assert body["document"]["text"] == seed_text.replace("\r", " ")
    html = "<html><body><article><p>" + "The troops left,, officials said. " * 5 + \
        "</p></article></body></html>"
    r = httpx.post(f"{live_server}/api/check", json={"text": html, "kind": "html",
                                                     "options": {"include_text": True}})
    body = r.json()
    assert body["document"]["offsets_are_source"] is False
    assert "positions" in body["files"][0]
