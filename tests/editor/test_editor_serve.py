"""``checker serve``: the JSON API over real HTTP, and the report form in headless Chromium.

The page itself (the editor) is tested in ``test_serve_page.py``.
"""

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
