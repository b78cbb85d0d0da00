"""Bad-input corpus, ``checker serve``: every malformed request gets a 4xx, never a 500, and a
check that runs too long is called off."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from checker.budget import check as check_budget
from checker.config import Settings
from checker.server import app as server
from checker.server.api import MAX_DEPTH, ApiError, parse_request


@pytest.fixture
def client() -> TestClient:
    config = server.ServerConfig(settings=Settings(use_model=False), warm=False, timeout=2.0)
    return TestClient(server.create_app(config), base_url="http://127.0.0.1")


def _post(client: TestClient, body: bytes) -> Any:
    return client.post("/api/check", content=body,
                       headers={"content-type": "application/json"})


@pytest.mark.parametrize(("body", "status", "words"), [
    (b"[" * 100_000, 400, "nests deeper"),
    (b'{"text": ' + b"[" * 50 + b"]" * 50 + b"}", 400, "nests deeper"),
    (b'{"text": "a", "options": {"select": ' + b"1" * 5000 + b"}}", 400, "cannot be read"),
    (b'{"text": "The \\ud800 troops."}', 422, "lone surrogate"),
    (b'{"text": "The troops.", "path": "\\udc00"}', 422, "path"),
    (b'{"text": "The troops.", "options": {"select": ["ZZ9"]}}', 422, "unknown rule code"),
    (b'{"text": "The troops.", "options": {"ignore": ["TY1", "QQ"]}}', 422, "QQ"),
    (b'{"text": "The troops.", "options": {"select": ["' + b"A" * 100 + b'"]}}', 422, "select"),
    (b'\xff\xfe{"text"}', 400, "UTF-8"),
    (b'{"text": 12}', 422, "text"),
])
def test_malformed_requests_get_a_clear_4xx(client: TestClient, body: bytes, status: int,
                                            words: str) -> None:
    response = _post(client, body)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]


def test_a_valid_request_still_works(client: TestClient) -> None:
    response = _post(client, json.dumps({"text": "The the troops will leave.",
                                         "options": {"select": ["TY104"]}}).encode())
    assert response.status_code == 200
    assert [f["code"] for f in response.json()["files"][0]["findings"]] == ["TY104"]


def test_strings_that_look_like_brackets_do_not_count_as_depth() -> None:
    req = parse_request(json.dumps({"text": "[" * (MAX_DEPTH * 10) + " words"}).encode())
    assert req.text.startswith("[[[")
    with pytest.raises(ApiError):
        parse_request(b'{"text": "a", "options": ' + b'{"x": ' * 20 + b"1" + b"}" * 21)


def test_a_check_that_runs_past_the_timeout_is_called_off(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    stopped = threading.Event()

    def endless(*args: object) -> dict[str, Any]:
        try:
            while True:
                check_budget()
                time.sleep(0.01)
        finally:
            stopped.set()

    monkeypatch.setattr(server, "run_check", endless)
    started = time.monotonic()
    response = _post(client, b'{"text": "The troops will leave."}')
    assert response.status_code == 503 and "time limit" in response.json()["error"]["message"]
    assert time.monotonic() - started < 10
    assert stopped.wait(5), "the worker thread kept running after the request was answered"
    assert client.get("/healthz").status_code == 200


def test_too_many_waiting_requests_are_turned_away(monkeypatch: pytest.MonkeyPatch) -> None:
    config = server.ServerConfig(settings=Settings(use_model=False), warm=False, workers=1,
                                 max_waiting=0, timeout=5.0)
    release = threading.Event()

    def slow(*args: object) -> dict[str, Any]:
        release.wait(5)
        return {"files": []}

    monkeypatch.setattr(server, "run_check", slow)
    client = TestClient(server.create_app(config), base_url="http://127.0.0.1")
    results: list[int] = []
    first = threading.Thread(target=lambda: results.append(
        _post(client, b'{"text": "One."}').status_code))
    first.start()
    time.sleep(0.5)
    busy = _post(client, b'{"text": "Two."}')
    release.set()
    first.join(10)
    assert busy.status_code == 429 and "busy" in busy.json()["error"]["message"]
    assert results == [200]
