"""``checker serve``: a Starlette app behind uvicorn, bound to loopback unless told otherwise.

The page is static (HTML, CSS, two scripts; ``/report.css`` is the HTML report's stylesheet plus
the category colours, so the page's finding cards look like the report's) and renders findings with
``textContent`` only, under a Content-Security-Policy that forbids inline script, so a draft can
never inject markup. Checking is
CPU work, so it runs in worker threads behind a small limiter; models load once per process
(``ModelHub`` caches them) and are warmed in the background at start-up.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import ipaddress
import sys
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from checker.budget import cancel_on
from checker.config import ConfigError, Settings, settings_for, with_cli
from checker.modelhub import ModelHub
from checker.nli.cache import CachingHub
from checker.server.api import (
    OPENAPI,
    REPORT_POLICY,
    STOPPED,
    ApiError,
    parse_form,
    parse_request,
    render_report,
    run_check,
)

T = TypeVar("T")
STATIC = Path(__file__).with_name("static")
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_TIMEOUT = 60.0
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",  # "no-referrer" would make the form's Origin "null"
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}


@dataclass
class ServerConfig:
    settings: Settings = field(default_factory=Settings)
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 2
    timeout: float = DEFAULT_TIMEOUT  # seconds one check may take before it is called off
    max_waiting: int = 16  # requests queued for a worker beyond this get 503 at once
    warm: bool = True
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1", "[::1]")


class _SecurityHeaders:
    """Adds the headers above to every response (pure ASGI, so streaming stays untouched)."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                            if k.encode() not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _read_limited(request: Request, limit: int) -> bytes:
    """Refuse a body over ``limit`` bytes, by Content-Length or while it streams in."""
    declared = request.headers.get("content-length")
    too_big = ApiError(413, f"the request body is larger than this server's limit of "
                       f"{limit:,} bytes (start the server with --max-bytes to raise it)")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_big
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_big
    return bytes(body)


def _same_origin(request: Request) -> None:
    """Refuse posts a page on another site makes on the user's behalf (a browser sends Origin)."""
    site = request.headers.get("sec-fetch-site")
    if site in ("same-origin", "none"):  # the browser vouches for it ("none": typed by the user)
        return
    origin = request.headers.get("origin")
    if origin is None and site is None:  # not a browser (curl, scripts, editors)
        return
    if origin is None or urlsplit(origin).netloc != request.headers.get("host", ""):
        raise ApiError(403, "cross-origin requests are refused; use the page this server serves")


def create_app(config: ServerConfig | None = None) -> Starlette:
    config = config or ServerConfig()
    # answers kept by sentence and shared by the workers: the editor page re-checks the whole
    # text after each pause in typing, and only changed sentences should reach the model
    models = CachingHub(config.settings.nli)
    limiter = anyio.CapacityLimiter(max(1, config.workers))
    queued = [0]  # requests holding or waiting for a worker

    async def guarded(request: Request, work: Callable[..., T], *args: Any) -> T:
        """Run ``work`` in a worker thread under the server's limits: at most ``max_waiting``
        requests queued, ``timeout`` seconds, and called off when the client goes away (the
        thread stops at its next budget check: between rules and in the pair loops)."""
        if queued[0] >= config.workers + config.max_waiting:
            raise ApiError(429, "the server is busy; try again in a moment")
        stop = threading.Event()

        def run() -> T:
            with cancel_on(stop):
                return work(*args)

        queued[0] += 1
        try:
            async with anyio.create_task_group() as group:
                group.start_soon(_watch_disconnect, request, stop, group.cancel_scope)
                try:
                    with anyio.fail_after(config.timeout):
                        result = await anyio.to_thread.run_sync(run, limiter=limiter,
                                                                abandon_on_cancel=True)
                except TimeoutError:
                    raise ApiError(503, STOPPED) from None
                finally:
                    stop.set()
                    group.cancel_scope.cancel()
        except BaseExceptionGroup as group_error:  # anyio wraps what the task group raised
            first = group_error.exceptions[0]
            raise first from None
        finally:
            queued[0] -= 1
        return result

    async def check(request: Request) -> Response:
        try:
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype != "application/json":
                raise ApiError(415, "send the draft as JSON (Content-Type: application/json), "
                               "for example {\"text\": \"...\", \"kind\": \"markdown\"}")
            _same_origin(request)
            req = parse_request(await _read_limited(request, config.max_bytes))
            body = await guarded(request, run_check, req, config.settings, models)
        except ApiError as exc:
            return JSONResponse(exc.body(), status_code=exc.status)
        return JSONResponse(body)

    async def report(request: Request) -> Response:
        """The annotated HTML report (the same renderer as ``--format html``) for a form post.

        A plain form post opens it in a new tab; the report inlines its script and style, so it
        gets its own policy: inline code allowed, every network source refused.
        """
        try:
            _same_origin(request)
            req = parse_form(await _read_limited(request, config.max_bytes))
            page = await guarded(request, render_report, req, config.settings, models)
        except ApiError as exc:
            return JSONResponse(exc.body(), status_code=exc.status)
        return HTMLResponse(page, headers={"content-security-policy": REPORT_POLICY})

    async def rules(request: Request) -> Response:
        from checker.engine import selected_rules
        from checker.rules import all_rules

        running = {r.code for r in selected_rules(config.settings)}
        return JSONResponse([{"code": r.code, "name": r.name, "category": r.category,
                              "summary": r.summary, "needs_model": bool(r.requires),
                              "enabled": r.code in running} for r in all_rules()])

    async def index(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def report_css(request: Request) -> Response:
        return Response(page_css(), media_type="text/css; charset=utf-8")

    async def openapi(request: Request) -> Response:
        return JSONResponse(OPENAPI)

    async def health(request: Request) -> Response:
        return JSONResponse({"ok": True, "models_loaded": ModelHub.loaded()})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if config.warm and config.settings.use_model:
            threading.Thread(target=_warm, args=(config.settings, models), daemon=True).start()
        yield

    routes = [
        Route("/", index),
        Route("/report.css", report_css),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/rules", rules),
        Route("/report", report, methods=["POST"]),
        Route("/openapi.json", openapi),
        Route("/healthz", health),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(_SecurityHeaders)]
    if config.allowed_hosts:  # a page on another site must not reach us by DNS rebinding
        middleware.append(Middleware(TrustedHostMiddleware,
                                     allowed_hosts=list(config.allowed_hosts)))
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


@functools.cache
def page_css() -> str:
    """The report's stylesheet, then one ``.cat-<category>`` class per category setting ``--c``
    (the colours of ``checker.reporters.html``) and the categories' order for the colour key."""
    from checker.findings import CATEGORIES
    from checker.reporters.html import COLOURS, asset

    names = list(CATEGORIES) + sorted(set(COLOURS) - set(CATEGORIES))
    rules = "".join(f".cat-{name} {{ --c: {COLOURS.get(name, COLOURS['other'])}; }}\n"
                    for name in names)
    order = " ".join(names)
    return f"{asset('report.css')}\n{rules}:root {{ --checker-categories: \"{order}\"; }}\n"


@contextlib.contextmanager
def running(config: ServerConfig, timeout: float = 30.0) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, on a thread of this process, for as
    long as the context lasts (tests and the page screenshots); yields its base URL."""
    import socket

    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the serve app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


async def _watch_disconnect(request: Request, stop: threading.Event, scope: Any) -> None:
    """Set ``stop`` and cancel the request's wait once the client has gone."""
    while not stop.is_set():
        if await request.is_disconnected():
            stop.set()
            scope.cancel()
            return
        await anyio.sleep(0.25)


def _warm(settings: Settings, models: ModelHub) -> None:
    """Load the models before the first request needs them (errors surface on that request)."""
    from checker.engine import check_text

    with contextlib.suppress(Exception):
        check_text("The minister resigned on Monday. The minister did not resign.",
                   "warm-up.txt", "text", settings, models)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="checker serve", description=(
        "A local web page to paste or upload a draft and see its findings, plus a JSON API "
        "(POST /api/check; OpenAPI at /openapi.json)."))
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1: this computer only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--config", type=Path, default=None, help="use this configuration file")
    p.add_argument("--no-model", action="store_true", help="rules only: load no model")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help=f"largest request body accepted (default {DEFAULT_MAX_BYTES:,})")
    p.add_argument("--workers", type=int, default=2, help="checks run at the same time")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                   help=f"seconds one check may take (default {DEFAULT_TIMEOUT:g})")
    return p


def build_config(args: argparse.Namespace) -> ServerConfig:
    settings = with_cli(settings_for(".", args.config), use_model=False if args.no_model else None)
    hosts: tuple[str, ...] = ServerConfig().allowed_hosts
    if not _is_loopback(args.host):
        hosts = ()  # reachable by name from elsewhere: the operator chose that
    return ServerConfig(settings=settings, max_bytes=args.max_bytes, workers=args.workers,
                        timeout=args.timeout, allowed_hosts=hosts)


def main(argv: Sequence[str] | None = None) -> int:
    import uvicorn

    args = _parser().parse_args(list(argv or []))
    try:
        config = build_config(args)
    except ConfigError as exc:
        print(f"checker: {exc}", file=sys.stderr)
        return 2
    if not _is_loopback(args.host):
        print(f"checker serve: warning: binding {args.host} makes the page reachable from "
              "other machines; there is no authentication", file=sys.stderr)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"checker serve: open http://{shown}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(create_app(config), host=args.host, port=args.port, log_level="warning",
                access_log=False)
    return 0
