"""``checker lsp``: diagnostics and quick fixes for .md, .txt and .html files, over stdio.

Each change schedules a check after a short pause (typing should not queue one check per key).
Rules that need no model run first and are published at once; when model rules are selected, a
second pass runs on its own worker thread and republishes, so a slow model never holds back the
fast diagnostics. Results are only published for the document version they were computed from.

No flicker: between an edit and the model pass that follows it, the fast publish carries the last
model diagnostics over (shifted past the edit; those whose text the edit touched are dropped), so
the model's findings never vanish and come back. While the model loads the first time, the client
sees a work-done progress ("checker: loading the model") if it supports one.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from checker import __version__
from checker.config import ConfigError, Settings, settings_for, with_cli
from checker.document import Document
from checker.engine import check_document, selected_rules
from checker.findings import Finding
from checker.fixes import allowed, plan
from checker.inputs import InputError, build_document
from checker.lsp.convert import (
    Positions,
    diagnostic,
    fix_title,
    overlapping,
    text_edits,
)
from checker.merge import merge_findings
from checker.modelhub import ModelHub
from checker.nli.cache import CachingHub
from checker.rules import Rule

LANGUAGES = {"markdown": "markdown", "plaintext": "text", "text": "text", "html": "html"}
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
            ".html": "html", ".htm": "html"}
FIX_ALL = "source.fixAll.checker"


@dataclass(frozen=True)
class Checked:
    """The findings published for one version of a document (code actions read these)."""

    version: int | None
    doc: Document
    source: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class ModelResult:
    """The model rules' findings from the last model pass, and the text they were computed on."""

    text: str
    findings: tuple[Finding, ...]


def carry_over(previous: ModelResult, text: str) -> list[Finding]:
    """``previous.findings`` moved onto ``text``: a finding (and every span it relates to) that
    lies wholly before or after the edited region keeps its place (shifted by the length change);
    one that touches the edited region is dropped, since its sentence is no longer what the model
    judged. The edited region is what lies between the common prefix and suffix of both texts."""
    old = previous.text
    if old == text:
        return list(previous.findings)
    limit = min(len(old), len(text))
    prefix = 0
    while prefix < limit and old[prefix] == text[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == text[-1 - suffix]:
        suffix += 1
    changed_end, delta = len(old) - suffix, len(text) - len(old)

    def moved(start: int, end: int) -> tuple[int, int] | None:
        if end <= prefix:
            return start, end
        if start >= changed_end:
            return start + delta, end + delta
        return None

    out: list[Finding] = []
    for finding in previous.findings:
        span = moved(finding.start, finding.end)
        related = [(r, None if r.path else moved(r.start, r.end)) for r in finding.related]
        if span is None or any(r.path is None and m is None for r, m in related):
            continue
        out.append(replace(finding, start=span[0], end=span[1], related=tuple(
            r if m is None else replace(r, start=m[0], end=m[1]) for r, m in related)))
    return out


class CheckerServer(LanguageServer):
    def __init__(self, use_model: bool = True, debounce: float = 0.025) -> None:
        super().__init__("checker", __version__)
        self.use_model = use_model
        self.debounce = debounce
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.fast_pool = ThreadPoolExecutor(1, thread_name_prefix="checker-rules")
        self.model_pool = ThreadPoolExecutor(1, thread_name_prefix="checker-model")
        self.models: ModelHub | None = None
        self.model_results: dict[str, ModelResult] = {}
        self.model_loaded = False

    # -- what to check ---------------------------------------------------------------------
    def kind_of(self, uri: str, language_id: str | None) -> str | None:
        path = to_fs_path(uri) or uri
        by_suffix = SUFFIXES.get(Path(path).suffix.lower())
        if by_suffix:
            return by_suffix
        return LANGUAGES.get(language_id or "")

    def settings_for_uri(self, uri: str) -> Settings:
        path = to_fs_path(uri)
        try:
            base = settings_for(path if path else ".", None)
        except ConfigError as exc:
            self.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Error, message=f"checker: {exc}"))
            base = Settings()
        return with_cli(base, use_model=False if not self.use_model else None)

    # -- scheduling --------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._run(uri, delay))

    async def _run(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        text_doc = self.workspace.get_text_document(uri)
        kind = self.kind_of(uri, text_doc.language_id)
        if kind is None:
            return
        version, source = text_doc.version, text_doc.source
        settings = self.settings_for_uri(uri)
        path = to_fs_path(uri) or uri
        try:
            doc = build_document(path, source, kind)
        except InputError as exc:
            self.publish(uri, version, [], source, None, note=str(exc))
            return
        rules = selected_rules(settings, path)
        fast = [r for r in rules if not r.requires]
        loop = asyncio.get_running_loop()
        findings = await loop.run_in_executor(self.fast_pool, self._check, uri, version, doc,
                                              settings, fast)
        if findings is None or not self.is_current(uri, version):
            return
        model_codes = {r.code for r in rules if r.requires}
        previous = self.model_results.get(uri)
        if previous is not None and model_codes:
            # merged again with the fresh rule findings: one finding per problem, as the model
            # pass will publish it
            findings = merge_findings(findings + [f for f in carry_over(previous, doc.text)
                                                  if f.code in model_codes])
        self.publish(uri, version, findings, source, doc)
        if len(fast) == len(rules):
            return
        if self.models is None:
            # answers are kept by sentence: after an edit only changed sentences cost model time
            self.models = CachingHub(settings.nli)
        token = self._progress_begin() if not self.model_loaded else None
        try:
            findings = await loop.run_in_executor(self.model_pool, self._check, uri, version,
                                                  doc, settings, rules)
        finally:
            if token is not None:
                self._progress_end(token)
        if findings is not None:
            self.model_loaded = True
        if findings is not None and self.is_current(uri, version):
            self.model_results[uri] = ModelResult(
                doc.text, tuple(f for f in findings if f.code in model_codes))
            self.publish(uri, version, findings, source, doc)

    def _progress_begin(self) -> str | None:
        """Work-done progress while the model loads, for clients that declared support."""
        window = self.client_capabilities.window if self.client_capabilities else None
        if not (window and window.work_done_progress):
            return None
        token = f"checker-model-{uuid.uuid4().hex[:8]}"
        try:
            self.work_done_progress.create(token)
            self.work_done_progress.begin(token, types.WorkDoneProgressBegin(
                title="checker: loading the model", cancellable=False))
        except Exception:  # progress is a courtesy; never let it stop a check
            logging.getLogger(__name__).debug("work-done progress refused", exc_info=True)
            return None
        return token

    def _progress_end(self, token: str) -> None:
        try:
            self.work_done_progress.end(token, types.WorkDoneProgressEnd(message="model ready"))
        except Exception:
            logging.getLogger(__name__).debug("work-done progress end refused", exc_info=True)

    def _check(self, uri: str, version: int | None, doc: Document, settings: Settings,
               rules: list[Rule]) -> list[Finding] | None:
        """Runs on a worker thread; work queued behind a slow model check may be stale by the
        time it starts, and is then skipped (None) rather than computed and thrown away."""
        if not self.is_current(uri, version):
            return None
        try:
            return check_document(doc, settings, rules=rules, models=self.models)
        except Exception as exc:  # a rule bug must not take the editor's diagnostics down
            logging.getLogger(__name__).exception("checking %s failed", doc.path)
            self.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error,
                message=f"checker: internal error ({type(exc).__name__}: {exc})"))
            return []

    def is_current(self, uri: str, version: int | None) -> bool:
        open_doc = self.workspace.text_documents.get(unquote(uri))  # a read: safe from workers
        return open_doc is not None and open_doc.version == version

    def publish(self, uri: str, version: int | None, findings: list[Finding], source: str,
                doc: Document | None, note: str | None = None) -> None:
        pos = Positions(source, self.workspace.position_codec.client_num_units)
        diagnostics = []
        if doc is not None:
            diagnostics = [diagnostic(f, uri, pos, doc) for f in findings]
            self.checked[uri] = Checked(version, doc, source, tuple(findings))
        if note:
            diagnostics.append(types.Diagnostic(range=pos.range(0, 0), message=note,
                                                severity=types.DiagnosticSeverity.Information,
                                                source="checker"))
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=diagnostics, version=version))

    def forget(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.checked.pop(uri, None)
        self.model_results.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri,
                                                                              diagnostics=[]))

    # -- code actions --------------------------------------------------------------------------
    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        checked = self.checked.get(uri)
        if checked is None or not checked.doc.offsets_are_source:
            return []
        if not self.is_current(uri, checked.version):
            return []  # offsets are stale; new diagnostics (and actions) are on their way
        pos = Positions(checked.source, self.workspace.position_codec.client_num_units)
        start, end = pos.offset(params.range.start), pos.offset(params.range.end)
        only = params.context.only
        actions: list[types.CodeAction] = []
        if not only or types.CodeActionKind.QuickFix in only:
            for f in overlapping(checked.findings, start, end):
                if f.fix is None or not allowed(f, unsafe=True):
                    continue
                actions.append(types.CodeAction(
                    title=fix_title(f), kind=types.CodeActionKind.QuickFix,
                    diagnostics=[d for d in params.context.diagnostics if d.code == f.code],
                    is_preferred=allowed(f, unsafe=False),
                    edit=types.WorkspaceEdit(changes={uri: text_edits(f, pos)})))
        wants_fix_all = not only or any(k in (types.CodeActionKind.Source, FIX_ALL,
                                              types.CodeActionKind.SourceFixAll) for k in only)
        chosen = plan(checked.doc, checked.findings, unsafe=False)
        if wants_fix_all and chosen.edits:
            edits = [types.TextEdit(range=pos.range(e.start, e.end), new_text=e.replacement)
                     for e in chosen.edits]
            actions.append(types.CodeAction(
                title=f"checker: apply {len(chosen.fixed)} safe fix(es)", kind=FIX_ALL,
                edit=types.WorkspaceEdit(changes={uri: edits})))
        return actions


def build_server(use_model: bool = True, debounce: float = 0.025) -> CheckerServer:
    server = CheckerServer(use_model=use_model, debounce=debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: CheckerServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: CheckerServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: CheckerServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: CheckerServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: CheckerServer, params: types.CodeActionParams
                    ) -> list[types.CodeAction]:
        return ls.code_actions(params)

    return server


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="checker lsp", description=(
        "A language server over stdio: diagnostics for .md, .txt and .html, quick fixes."))
    p.add_argument("--no-model", action="store_true", help="rules only: load no model")
    p.add_argument("--debounce-ms", type=int, default=25,
                   help="wait this long after a change before checking (default 25)")
    p.add_argument("--stdio", action="store_true", help="accepted for editors that pass it")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(list(argv or []))
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    server = build_server(use_model=not args.no_model, debounce=max(0, args.debounce_ms) / 1000)
    server.start_io()
    return 0


__all__ = ["CheckerServer", "build_server", "main"]
