"""``checker check --server URL``: a running ``checker serve`` does the checking, and what the
command line prints, fixes and exits with is what a local check gives."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from testkit import FIXTURES, REPO_ROOT, SEED, cli, write

from checker.config import Settings, settings_for, with_cli
from checker.engine import check_document
from checker.inputs import read_path
from checker.remote import CheckServer
from checker.source.request import SourceRequest, load_sources

pytest.importorskip("starlette")

# Team-written drafts: every rule family, Markdown, HTML, and a draft with a mapped source text.
FILES = [FIXTURES / "rules", FIXTURES / "draft.md", FIXTURES / "article.html",
         REPO_ROOT / "seeds" / "ferry-strike.txt", REPO_ROOT / "seeds" / "harbour-ferry.md",
         REPO_ROOT / "seeds" / "storm-report.html", SEED]
CONFIG = """\
ignore = ["TY103"]
[severity]
SP = "error"
NU102 = "info"
[names]
vocabulary = ["Mohamed Bazoum", "Kathleen FitzGibbon"]
[spam]
deny-domains = ["aemet.es"]
[[overrides]]
paths = ["typography.txt"]
ignore = ["TY102"]
severity = {TY101 = "error"}
"""


def _archive(folder: Path) -> Path:
    """The rule fixtures as a JSON Lines archive: records, whose offsets are no file's."""
    lines = [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")})
             for p in sorted((FIXTURES / "rules").glob("*.txt"))]
    return write(folder / "archive.jsonl", "\n".join(lines) + "\n")


@pytest.fixture
def configured(tmp_path: Path) -> Path:
    """The rule fixtures in a folder with a configuration that sets every kind of setting
    that changes findings (ignore, severities, a vocabulary, spam domains, a path override)."""
    folder = tmp_path / "drafts"
    shutil.copytree(FIXTURES / "rules", folder)
    write(folder / "checker.toml", CONFIG)
    return folder


@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_findings_through_the_server_are_a_local_checks(live_server: str, fmt: str,
                                                        tmp_path: Path, configured: Path
                                                        ) -> None:
    paths = [*FILES, _archive(tmp_path), configured]
    args = ["check", "--no-model", "--format", fmt, *paths]
    local = cli(args)
    remote = cli([*args, "--server", live_server])
    assert remote == local
    assert local[0] == 1 and local[1].count("SP10") > 3  # there was something to compare


def test_each_finding_comes_back_exactly(live_server: str, configured: Path,
                                         tmp_path: Path) -> None:
    """Finding for finding, field for field (confidence unrounded, fixes included), for every
    draft, each record of an archive (no fixes there), and under a configuration with
    severities and a path override."""
    server = CheckServer.parse(live_server)
    drafts: list[Path | str] = [p for p in [*FILES, *configured.glob("*.txt")] if p.is_file()]
    drafts += list((FIXTURES / "rules").glob("*.txt"))
    archive = _archive(tmp_path)
    drafts += [f"{archive}#{p.stem}" for p in (FIXTURES / "rules").glob("*.txt")]
    compared = 0
    for path in drafts:
        settings = with_cli(settings_for(str(path)), use_model=False)
        doc = read_path(str(path))
        wanted = SourceRequest().for_draft(str(path), settings.sources, settings.root)
        sources = load_sources(wanted, settings.max_file_bytes)
        remote, notices = server.check(doc, settings, sources)
        assert remote == check_document(doc, settings, sources=sources), path
        assert notices == []
        compared += len(remote)
    assert compared > 30


def test_fix_through_the_server_writes_what_a_local_fix_writes(live_server: str,
                                                               tmp_path: Path) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    for folder in (here, there):
        shutil.copytree(FIXTURES / "rules", folder)
        shutil.copy(SEED, folder / SEED.name)
    fix = ["check", "--no-model", "--fix", "--unsafe-fixes", "--no-backup"]
    local = cli([*fix, here])
    remote = cli([*fix, there, "--server", live_server])
    assert remote[0] == local[0] and remote[2] == local[2]
    assert "Fixed" in local[2]
    for path in here.iterdir():
        assert (there / path.name).read_bytes() == path.read_bytes(), path.name
    diff = ["check", "--no-model", "--diff", "--unsafe-fixes", FIXTURES / "rules"]
    assert cli([*diff, "--server", live_server]) == cli(diff)


def test_stdin_through_the_server(live_server: str) -> None:
    text = (FIXTURES / "draft.md").read_text(encoding="utf-8")
    args = ["check", "--no-model", "--format", "json", "-", "--stdin-filename", "d.md"]
    assert cli([*args, "--server", live_server], stdin=text) == cli(args, stdin=text)


def test_a_bad_file_is_the_same_error_and_the_others_are_checked(live_server: str,
                                                                 tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", "")
    args = ["check", "--no-model", empty, tmp_path / "missing.txt", FIXTURES / "draft.md"]
    local = cli(args)
    assert cli([*args, "--server", live_server]) == local
    assert local[0] == 2 and "empty.txt" in local[1] and "missing.txt" in local[1]


def _one_line_error(result: tuple[int, str, str]) -> str:
    rc, out, err = result
    assert rc == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    return err


def test_an_unreachable_server_is_one_line_and_exit_2() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
    err = _one_line_error(cli(["check", "--no-model", SEED, "--server", url]))
    assert url in err and "cannot reach" in err and "--server" in err


def test_a_server_that_refuses_is_one_line_and_exit_2(live_server: str) -> None:
    # this server runs rules only: a check that wants the model rules is refused, not thinned
    err = _one_line_error(cli(["check", SEED, "--server", live_server]))
    assert live_server in err and "422" in err and "--no-model" in err
    err = _one_line_error(cli(["check", "--no-model", SEED, "--server", live_server + "/x"]))
    assert "404" in err


def test_not_a_checker_server_is_one_line_and_exit_2() -> None:
    import http.server
    import threading

    class Teapot(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<html>hello</html>")

        def log_message(self, *args: Any) -> None:
            return None

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Teapot)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        err = _one_line_error(cli(["check", "--no-model", SEED, "--server", url]))
        assert "not a checker answer" in err and url in err
    finally:
        httpd.shutdown()


@pytest.mark.parametrize("url", ["127.0.0.1:8000", "ftp://host", "http://", "http://h:99999"])
def test_a_bad_server_url_is_a_usage_error(url: str) -> None:
    err = _one_line_error(cli(["check", "--no-model", SEED, "--server", url]))
    assert "--server" in err


def _api(settings: Settings, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    from starlette.testclient import TestClient

    from checker.server.app import ServerConfig, create_app

    client = TestClient(create_app(ServerConfig(settings=settings, warm=False)),
                        base_url="http://127.0.0.1")
    response = client.post("/api/check", json=body)
    return response.status_code, response.json()


@pytest.mark.parametrize(("body", "words"), [
    ({"config": {"select": ["ZZ9"]}}, "unknown rule code"),
    ({"config": {"overrides": [{"paths": ["*"], "ignore": ["QQ"]}]}}, "QQ"),
    ({"config": {"exclude": ["*.md"]}}, "exclude"),
    ({"config": {"severity": {"TY": "loud"}}}, "severity"),
    ({"config": {"names": {"vocab": []}}}, "vocab"),
    ({"config": ["select"]}, "config"),
    ({"sources": [{"path": "s.txt"}]}, "sources[0].text"),
    ({"sources": "wire"}, "sources"),
    ({"source": "Wire.", "sources": [{"path": "s.txt", "text": "Wire."}]}, "not both"),
    ({"options": {"exact": 1}}, "exact"),
    ({"options": {"in_file": "no"}}, "in_file"),
])
def test_the_api_refuses_a_bad_config_or_sources_with_422(body: dict[str, Any],
                                                          words: str) -> None:
    status, answer = _api(Settings(use_model=False), {"text": "The the troops.", **body})
    assert status == 422 and words in answer["error"]["message"], answer


def test_a_config_replaces_the_servers_own_settings() -> None:
    server = with_cli(Settings(use_model=False), ignore=("TY",))
    text = {"text": "The the troops left the region,, officials said."}
    _, plain = _api(server, text)
    assert plain["files"][0]["findings"] == []
    _, configured = _api(server, {**text, "config": {"severity": {"TY104": "error"}},
                                  "options": {"model": False, "exact": True}})
    codes = [(f["code"], f["severity"]) for f in configured["exact"]["findings"]]
    assert codes == [("TY104", "error"), ("TY101", "warning")]


@pytest.mark.parametrize("model", ["folder", "/no/such/folder", "someone/nli-model"])
def test_a_config_asking_for_another_model_is_refused(tmp_path: Path, model: str) -> None:
    """The server loaded its model at start: a check that names another is refused (before
    any model loads), not answered by the wrong one; the name is never looked up on the
    server's disk."""
    name = str(tmp_path) if model == "folder" else model
    status, answer = _api(Settings(), {"text": "The troops left.",
                                       "config": {"nli": {"model": name, "threshold": 0.6}}})
    assert status == 422, answer
    assert "loaded the model" in answer["error"]["message"] and name in answer["error"]["message"]


@pytest.fixture(scope="module")
def model_server() -> Iterator[str]:
    from checker.server.app import ServerConfig, running

    with running(ServerConfig(settings=Settings(), warm=False), 30) as url:
        yield url


@pytest.mark.model
def test_a_model_check_through_the_server_is_a_local_one(model_server: str) -> None:
    """The seed with the NLI and embedding models: local and through a serve that holds them."""
    args = ["check", "--format", "json", SEED]
    local = cli(args)
    remote = cli([*args, "--server", model_server])
    assert remote == local
    findings = json.loads(local[1])["files"][0]["findings"]
    merged = {r.get("code") for f in findings for r in f["related"]}
    assert {"CT101", "SP110"} & ({f["code"] for f in findings} | merged)  # the model spoke
    doc = read_path(str(SEED))
    settings = settings_for(str(SEED))
    assert CheckServer.parse(model_server).findings(doc, settings) == \
        check_document(doc, settings)
