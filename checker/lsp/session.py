"""A scripted LSP client session against ``checker lsp`` over stdio.

Used by the test suite and the editor benchmark, so both talk to the server exactly the way an
editor does: a separate process, JSON-RPC over pipes, no shortcuts into the server's objects.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient


class LspSession:
    """Start ``python -m checker lsp``, initialize, and collect published diagnostics."""

    def __init__(self, args: Sequence[str] = (), cwd: str | Path | None = None,
                 command: Sequence[str] | None = None) -> None:
        self.command = list(command) if command else [sys.executable, "-m", "checker", "lsp"]
        self.args = list(args)
        self.cwd = str(cwd) if cwd else None
        self.client = LanguageClient("checker-test-client", "1")
        self.published: dict[str, list[tuple[float, int | None, list[types.Diagnostic]]]] = {}
        self._event = asyncio.Event()
        self.progress: list[tuple[str, str]] = []  # (token, begin|report|end) as they arrive

        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append(
                (time.perf_counter(), params.version, list(params.diagnostics)))
            self._event.set()

        def ignore(params: object) -> None:
            return None

        # pygls's client decorators are untyped; register through Any to keep mypy strict
        untyped: Any = self.client
        untyped.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(on_diagnostics)
        untyped.feature(types.WINDOW_LOG_MESSAGE)(ignore)
        untyped.feature(types.WINDOW_SHOW_MESSAGE)(ignore)

        def on_create(params: types.WorkDoneProgressCreateParams) -> None:
            return None

        def on_progress(params: types.ProgressParams) -> None:
            value: Any = params.value
            kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", "")
            self.progress.append((str(params.token), str(kind)))

        untyped.feature(types.WINDOW_WORK_DONE_PROGRESS_CREATE)(on_create)
        untyped.feature(types.PROGRESS)(on_progress)

    async def start(self) -> types.InitializeResult:
        await self.client.start_io(*self.command, *self.args, cwd=self.cwd)
        result = await self.client.initialize_async(types.InitializeParams(
            process_id=None, root_uri=None, capabilities=types.ClientCapabilities(
                window=types.WindowClientCapabilities(work_done_progress=True),
                text_document=types.TextDocumentClientCapabilities(
                    publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                        related_information=True, version_support=True),
                    code_action=types.CodeActionClientCapabilities(
                        code_action_literal_support=types.ClientCodeActionLiteralOptions(
                            code_action_kind=types.ClientCodeActionKindOptions(
                                value_set=[types.CodeActionKind.QuickFix,
                                           types.CodeActionKind.SourceFixAll])))))))
        self.client.initialized(types.InitializedParams())
        return result

    async def stop(self) -> None:
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), 10)
            self.client.exit(None)
            untyped: Any = self.client
            await asyncio.wait_for(untyped.stop(), 10)
        except (TimeoutError, RuntimeError):
            server = getattr(self.client, "_server", None)
            if server is not None and server.returncode is None:
                server.kill()

    def open(self, uri: str, text: str, language_id: str = "plaintext", version: int = 1) -> None:
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language_id,
                                                 version=version, text=text)))

    def change(self, uri: str, text: str, version: int) -> None:
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    async def diagnostics(self, uri: str, version: int | None = None, count: int = 1,
                          timeout: float = 30.0) -> list[types.Diagnostic]:
        """Wait for the ``count``-th publish for ``version`` and return its diagnostics."""
        deadline = time.monotonic() + timeout
        while True:
            matching = [p for p in self.published.get(uri, []) if version is None
                        or p[1] == version]
            if len(matching) >= count:
                return matching[count - 1][2]
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no diagnostics #{count} for {uri} version {version}")
            self._event.clear()
            try:
                await asyncio.wait_for(self._event.wait(), remaining)
            except TimeoutError:
                continue

    async def code_actions(self, uri: str, rng: types.Range,
                           diagnostics: list[types.Diagnostic]) -> list[Any]:
        result = await self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=rng,
            context=types.CodeActionContext(diagnostics=diagnostics)))
        return list(result or [])


def apply_text_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    """Apply LSP text edits the way an editor would (UTF-16 positions, right to left)."""
    from checker.lsp.convert import Positions

    pos = Positions(text)
    spans = sorted(((pos.offset(e.range.start), pos.offset(e.range.end), e.new_text)
                    for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text
