"""``checker check --server URL``: the checks of one run done by a running ``checker serve``,
whose model is already loaded, instead of loading it in this process.

Only the checking moves. Files are read here, as in any run (the same reading, the same errors
for a bad file); each document's text, its source texts and the settings that decide its
findings (``checker.wire``) go to ``POST /api/check``, and the findings come back exactly, to be
narrowed, fixed and reported here as a local run would. A server that cannot be reached, or
that refuses a check, stops the run with one line naming it (exit 2): the command never checks
locally behind the user's back, since the user asked for that server.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from checker import __version__
from checker.config import Settings
from checker.document import Document
from checker.engine import FileResult, read_document, reading_notices
from checker.findings import Finding
from checker.inputs import InputError
from checker.wire import finding_from_wire, settings_to_wire

if TYPE_CHECKING:
    import urllib.request

DEFAULT_TIMEOUT = 300.0  # seconds for one answer: a long draft's model rules on a busy server
_PATH_LIMIT = 300  # the API's limit on a draft's name


class ServerError(Exception):
    """The check server could not be used; the message names it and says why."""


@dataclass(frozen=True, slots=True)
class CheckServer:
    """Where to send checks: the base URL of a ``checker serve`` (as ``--server`` named it)."""

    url: str
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def parse(cls, url: str) -> CheckServer:
        """``ValueError`` with a usage message for anything but an http(s) URL with a host."""
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query \
                or parts.fragment:
            raise ValueError(f"--server {url}: give the URL of a running `checker serve`, "
                             "such as http://127.0.0.1:8000")
        try:
            parts.port  # noqa: B018 (a bad port raises here)
        except ValueError:
            raise ValueError(f"--server {url}: the port is not a number from 0 to 65535"
                             ) from None
        return cls(url.strip().rstrip("/"))

    def check(self, doc: Document, settings: Settings,
              sources: Sequence[Document] = ()) -> tuple[list[Finding], list[str]]:
        """The findings and notices the server's engine gives for ``doc``."""
        body = request_body(doc, settings, sources)
        answer = self._post(json.dumps(body, ensure_ascii=False).encode("utf-8"), doc.path)
        return self._read(answer)

    def findings(self, doc: Document, settings: Settings,
                 sources: Sequence[Document] = ()) -> list[Finding]:
        """The findings alone (``--fix`` re-checks the fixed text with them)."""
        return self.check(doc, settings, sources)[0]

    def check_file(self, path: str, settings: Settings, stdin_bytes: bytes | None = None,
                   stdin_kind: str = "text", stdin_name: str = "-",
                   sources: Sequence[Document] = ()) -> FileResult:
        """``engine.check_file`` with the checking done by the server."""
        try:
            doc = read_document(path, settings.max_file_bytes, stdin_bytes, stdin_kind,
                                stdin_name)
        except InputError as exc:
            return FileResult(path, error=str(exc))
        findings, notices = self.check(doc, settings, sources)
        return FileResult(path, findings, document=doc,
                          notices=reading_notices(path, doc) + notices, sources=tuple(sources))

    def _post(self, data: bytes, what: str) -> bytes:
        import urllib.error
        import urllib.request
        from http.client import HTTPException

        request = urllib.request.Request(
            f"{self.url}/api/check", data=data, method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json",
                     "User-Agent": f"checker/{__version__}"})
        try:
            with _opener().open(request, timeout=self.timeout) as response:
                answer: bytes = response.read()
                return answer
        except urllib.error.HTTPError as exc:
            raise ServerError(f"the check server at {self.url} refused {what}: "
                              f"{exc.code} {_error_message(exc.read()) or exc.reason}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason if isinstance(exc.reason, str) else (
                getattr(exc.reason, "strerror", None) or exc.reason)
            raise ServerError(f"cannot reach the check server at {self.url} ({reason}); "
                              "start `checker serve` there, or check without --server"
                              ) from None
        except TimeoutError:
            raise ServerError(f"the check server at {self.url} did not answer within "
                              f"{self.timeout:g} s ({what})") from None
        except (OSError, HTTPException) as exc:
            raise ServerError(f"the connection to the check server at {self.url} failed "
                              f"({type(exc).__name__}: {exc})") from None

    def _read(self, answer: bytes) -> tuple[list[Finding], list[str]]:
        try:
            exact = json.loads(answer.decode("utf-8"))["exact"]
            version = exact["version"]
            if version != __version__:
                raise ServerError(f"the check server at {self.url} runs checker {version}, "
                                  f"this is checker {__version__}: their findings could "
                                  "differ; use the same version on both sides")
            notices = [str(n) for n in exact["notices"]]
            return [finding_from_wire(f) for f in exact["findings"]], notices
        except ServerError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise ServerError(f"the check server at {self.url} answered something that is not "
                              f"a checker answer ({type(exc).__name__}: {exc}); is it "
                              "`checker serve`?") from None


def request_body(doc: Document, settings: Settings,
                 sources: Sequence[Document] = ()) -> dict[str, Any]:
    """What ``POST /api/check`` is sent for one document: its text as read (the server builds
    the same document from it), the source texts by name, and the settings for its path."""
    return {
        "text": _as_read(doc),
        "kind": doc.kind,
        "path": doc.path if len(doc.path) <= _PATH_LIMIT else doc.path[-_PATH_LIMIT:],
        "sources": [{"path": s.path, "text": _as_read(s), "kind": s.kind} for s in sources],
        "config": settings_to_wire(settings, doc.path),
        "options": {"model": settings.use_model, "in_file": doc.in_file, "exact": True},
    }


def _as_read(doc: Document) -> str:
    return doc.source if doc.source is not None else doc.text


def _error_message(body: bytes) -> str | None:
    """The message of the API's error body (``{"error": {"message": ...}}``), if it is one."""
    try:
        message = json.loads(body.decode("utf-8"))["error"]["message"]
    except (ValueError, TypeError, KeyError):
        return None
    return message if isinstance(message, str) else None


@functools.cache
def _opener() -> urllib.request.OpenerDirector:
    """No proxy: the URL the user named is the server to talk to, whatever http_proxy says."""
    import urllib.request

    return urllib.request.build_opener(urllib.request.ProxyHandler({}))
