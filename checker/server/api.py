"""The JSON side of ``checker serve``: request parsing with clear 4xx errors, and the check itself.

Kept apart from the HTTP wiring so the rules for what a request may contain can be read (and
tested) in one place. The response body is the JSON contract (``checker.reporters.jsonfmt``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from checker import __version__
from checker.budget import Cancelled
from checker.config import ConfigError, Settings, UnknownCodeError, validate_codes, with_cli
from checker.document import Document
from checker.engine import check_text, selected_rules
from checker.inputs import build_document
from checker.modelhub import ModelHub
from checker.reporters.jsonfmt import as_dict
from checker.wire import finding_to_wire, settings_from_wire

KINDS = {"text": ".txt", "markdown": ".md", "html": ".html"}
MAX_DEPTH = 8  # a request is {"options": {"select": [...]}}: three levels
_SURROGATE = re.compile("[\ud800-\udfff]")
_OPTIONS = {"select", "ignore", "model", "include_text", "in_file", "exact"}
_FIELDS = {"text", "kind", "path", "options", "source", "sources", "config"}
MAX_SOURCES = 20
# [nli] settings that choose the model itself: the server loaded its own once, at start-up
MODEL_KEYS = ("backend", "model", "quantize")


STOPPED = "the check was stopped: it ran past this server's time limit (--timeout)"


class ApiError(Exception):
    """A request the API refuses; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    def body(self) -> dict[str, Any]:
        return {"error": {"status": self.status, "message": self.message}}


@dataclass(frozen=True)
class SourceText:
    """One named source text (``sources``): its path names it in ``related``."""

    path: str
    text: str
    kind: str = "text"


@dataclass(frozen=True)
class CheckRequest:
    text: str
    kind: str
    path: str
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    model: bool
    include_text: bool
    source: str | None = None  # the text the draft was written from (SR rules)
    named_sources: tuple[SourceText, ...] = ()
    config: Settings | None = None  # the client's own settings, in place of the server's
    in_file: bool = True  # False: a record of an archive, whose offsets are no file's
    exact: bool = False  # answer the findings exactly too (``checker check --server``)

    def sources(self) -> tuple[Document, ...]:
        if self.named_sources:
            return tuple(build_document(s.path, s.text, s.kind) for s in self.named_sources)
        if not self.source:
            return ()
        return (build_document("source.txt", self.source, "text"),)


def _codes(value: Any, name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or \
            len(value) > 200 or any(len(v) > 20 or _SURROGATE.search(v) for v in value):
        raise ApiError(422, f"options.{name} must be a list of rule codes or prefixes")
    return tuple(v.strip().upper() for v in value if v.strip())


def _nesting(raw: bytes) -> int:
    """How deep brackets nest, outside strings (checked before parsing, so a body of 100,000
    ``[`` costs one linear scan and never the parser's recursion)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    return deepest
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def parse_request(raw: bytes) -> CheckRequest:
    if _nesting(raw) > MAX_DEPTH:
        raise ApiError(400, f"the request body nests deeper than {MAX_DEPTH} levels; a request "
                       "is an object with a text string and a few options")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ApiError(400, "the request body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"the request body is not valid JSON ({exc.msg} at line "
                       f"{exc.lineno}, column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit integer, say
        raise ApiError(400, f"the request body cannot be read as JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ApiError(422, "the request body must be a JSON object with a \"text\" field")
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise ApiError(422, f"unknown field(s) {', '.join(unknown)}; expected text, kind, "
                       "path, options, source")
    text = data.get("text")
    if not isinstance(text, str):
        raise ApiError(422, "\"text\" is required and must be a string")
    if not text.strip():
        raise ApiError(422, "\"text\" is empty; there is nothing to check")
    if "\x00" in text:
        raise ApiError(422, "\"text\" contains NUL characters; send the draft as text")
    if _SURROGATE.search(text):
        raise ApiError(422, "\"text\" contains a lone surrogate (an escape such as \\ud800 "
                       "that is half of a character); send valid Unicode")
    kind = data.get("kind", "text")
    if kind not in KINDS:
        raise ApiError(422, f"\"kind\" must be one of {', '.join(KINDS)}, not {kind!r}")
    path = data.get("path") or f"draft{KINDS[kind]}"
    if not isinstance(path, str) or len(path) > 300 or _SURROGATE.search(path):
        raise ApiError(422, "\"path\" must be a short string (a name for the draft)")
    options = data.get("options") or {}
    if not isinstance(options, dict):
        raise ApiError(422, "\"options\" must be an object")
    unknown = sorted(set(options) - _OPTIONS)
    if unknown:
        raise ApiError(422, f"unknown option(s) {', '.join(unknown)}; expected "
                       f"{', '.join(sorted(_OPTIONS))}")
    for flag in ("model", "include_text", "in_file", "exact"):
        if flag in options and not isinstance(options[flag], bool):
            raise ApiError(422, f"options.{flag} must be true or false")
    source = data.get("source")
    if source is not None and (not isinstance(source, str) or "\x00" in source):
        raise ApiError(422, "\"source\" must be the source text as a string")
    named = _named_sources(data.get("sources"))
    if named and source:
        raise ApiError(422, "give either \"source\" or \"sources\", not both")
    select = _codes(options["select"], "select") if "select" in options else None
    ignore = _codes(options.get("ignore", []), "ignore")
    config = _config(data["config"]) if "config" in data else None
    try:  # the command line's own check: a typo must not select nothing
        validate_codes((*(select or ()), *ignore, *(config.selectors() if config else ())),
                       hint="GET /api/rules lists them")
    except UnknownCodeError as exc:
        raise ApiError(422, str(exc)) from None
    return CheckRequest(source=source or None, named_sources=named, config=config,
                        text=text, kind=kind, path=path, select=select or None,
                        ignore=ignore,
                        model=bool(options.get("model", True)),
                        include_text=bool(options.get("include_text", False)),
                        in_file=bool(options.get("in_file", True)),
                        exact=bool(options.get("exact", False)))


def _named_sources(value: Any) -> tuple[SourceText, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_SOURCES:
        raise ApiError(422, f"\"sources\" must be a list of at most {MAX_SOURCES} objects "
                       "with path, text and kind")
    out = []
    for i, item in enumerate(value):
        where = f"sources[{i}]"
        if not isinstance(item, dict) or set(item) - {"path", "text", "kind"}:
            raise ApiError(422, f"{where} must be an object with path, text and kind")
        path, text, kind = item.get("path"), item.get("text"), item.get("kind", "text")
        if not isinstance(text, str) or not text.strip() or "\x00" in text \
                or _SURROGATE.search(text):
            raise ApiError(422, f"{where}.text must be the source text as a string")
        if not isinstance(path, str) or not path or len(path) > 300 or _SURROGATE.search(path):
            raise ApiError(422, f"{where}.path must be a short string naming the source")
        if kind not in KINDS:
            raise ApiError(422, f"{where}.kind must be one of {', '.join(KINDS)}")
        out.append(SourceText(path, text, kind))
    return tuple(out)


def _config(value: Any) -> Settings:
    """The client's settings (``checker check --server``): a [tool.checker] table, read by the
    configuration file's own rules."""
    if not isinstance(value, dict):
        raise ApiError(422, "\"config\" must be an object of [tool.checker] settings")
    if _SURROGATE.search(json.dumps(value, ensure_ascii=False)):
        raise ApiError(422, "\"config\" contains a lone surrogate; send valid Unicode")
    try:
        return settings_from_wire(value)
    except ConfigError as exc:
        raise ApiError(422, str(exc)) from None


def request_settings(req: CheckRequest, base: Settings) -> Settings:
    """The settings one check runs with. The server's own configuration, narrowed by the
    request's options; or the request's ``config`` in its place, which must then ask for the
    model this server loaded, and for none when it runs without one (the answer would
    otherwise differ from a local check without saying so)."""
    if req.config is None:
        return with_cli(base, select=req.select, ignore=req.ignore,
                        use_model=base.use_model and req.model)
    settings = with_cli(replace(req.config, use_model=req.model), select=req.select,
                        ignore=req.ignore)
    if not any(rule.requires for rule in selected_rules(settings, req.path)):
        return settings
    if not base.use_model:
        raise ApiError(422, "this server runs without the model (checker serve --no-model), "
                       "so it cannot run the model rules this check selects; check with "
                       "--no-model, or start the server with the model")
    wanted, loaded = _model_choice(settings), _model_choice(base)
    if wanted != loaded:
        raise ApiError(422, f"this server loaded the model with [nli] {loaded or 'defaults'}, "
                       f"but this check asks for {wanted or 'the defaults'}; start checker "
                       "serve with the same configuration, or check without the server")
    return settings


def _model_choice(settings: Settings) -> str:
    return ", ".join(f"{k} = {settings.nli[k]!r}" for k in MODEL_KEYS if k in settings.nli)


def run_check(req: CheckRequest, base: Settings, models: ModelHub) -> dict[str, Any]:
    """Check one draft; the server's own settings decide whether a model may be used at all."""
    settings = request_settings(req, base)
    notices: list[str] = []
    try:
        result = check_text(req.text, req.path, req.kind, settings, models,
                            sources=req.sources(), notices=notices, in_file=req.in_file)
    except Cancelled:
        raise ApiError(503, STOPPED) from None
    except Exception as exc:  # a rule bug: say so instead of dropping the connection
        raise ApiError(500, f"internal error while checking ({type(exc).__name__}: {exc}); "
                       "please report it") from None
    if result.error:
        raise ApiError(422, result.error)
    body = as_dict([result])
    if req.exact:
        body["exact"] = {"version": __version__, "notices": notices,
                         "findings": [finding_to_wire(f) for f in result.findings]}
    if req.include_text and result.document is not None:
        doc = result.document
        body["document"] = {"kind": doc.kind, "text": doc.text,
                            "offsets_are_source": doc.offsets_are_source}
    return body


REPORT_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                 "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def parse_form(raw: bytes) -> CheckRequest:
    """The page's "Open report" form: text, kind and model as form fields."""
    from urllib.parse import parse_qs

    try:
        fields = parse_qs(raw.decode("utf-8"), keep_blank_values=True, max_num_fields=10)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, f"the form could not be read ({exc})") from None
    data: dict[str, Any] = {"text": fields.get("text", [None])[0],
                            "kind": fields.get("kind", ["text"])[0],
                            "options": {"model": fields.get("model", ["true"])[0] == "true"}}
    if fields.get("source", [""])[0].strip():
        data["source"] = fields["source"][0]
    return parse_request(json.dumps(data).encode("utf-8"))


def render_report(req: CheckRequest, base: Settings, models: ModelHub) -> str:
    """Check, then render with the HTML report renderer (when this build has it)."""
    try:
        from checker.reporters import get_renderer

        render = get_renderer("html")
    except ImportError:
        raise ApiError(501, "this build has no HTML report renderer; use the findings on "
                       "the page or --format html once it is installed") from None
    settings = request_settings(req, base)
    try:
        result = check_text(req.text, req.path, req.kind, settings, models,
                            sources=req.sources())
    except Cancelled:
        raise ApiError(503, STOPPED) from None
    except Exception as exc:
        raise ApiError(500, f"internal error while checking ({type(exc).__name__}: {exc}); "
                       "please report it") from None
    if result.error:
        raise ApiError(422, result.error)
    return str(render([result]))


OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "checker", "version": "1",
             "description": "Check a news draft for contradictions, misspelt names, injected "
                            "spam and garbled claims."},
    "paths": {
        "/api/check": {"post": {
            "summary": "Check one draft",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["text"], "additionalProperties": False,
                "properties": {
                    "text": {"type": "string", "description": "the draft, as written"},
                    "kind": {"enum": list(KINDS), "default": "text"},
                    "path": {"type": "string", "description": "a name shown in the report"},
                    "source": {"type": "string", "description": "the text the draft was "
                               "written from: SR findings compare the draft with it"},
                    "sources": {"type": "array", "maxItems": MAX_SOURCES,
                                "description": "named source texts (instead of source); "
                                "related spans name their path",
                                "items": {"type": "object", "required": ["path", "text"],
                                          "additionalProperties": False, "properties": {
                                              "path": {"type": "string"},
                                              "text": {"type": "string"},
                                              "kind": {"enum": list(KINDS)}}}},
                    "config": {"type": "object", "description": "[tool.checker] settings "
                               "that replace the server's own for this check (keys: "
                               "select, ignore, severity, overrides, names, spam, nli; "
                               "validated as a configuration file is); the [nli] model "
                               "must be the one the server loaded"},
                    "options": {"type": "object", "additionalProperties": False, "properties": {
                        "select": {"type": "array", "items": {"type": "string"}},
                        "ignore": {"type": "array", "items": {"type": "string"}},
                        "model": {"type": "boolean", "default": True,
                                  "description": "run rules that need a model"},
                        "include_text": {"type": "boolean", "default": False,
                                         "description": "add document.text (what offsets "
                                                        "point into)"},
                        "in_file": {"type": "boolean", "default": True,
                                    "description": "false: the text is a record of an "
                                                   "archive, not a file (no fixes)"},
                        "exact": {"type": "boolean", "default": False,
                                  "description": "add exact: the findings as the engine "
                                  "returned them (full confidence, every fix) and its "
                                  "notices, for checker check --server"}}}}}}}},
            "responses": {
                "200": {"description": "the JSON contract (schema_version 1), one file"},
                "400": {"description": "body is not JSON"},
                "413": {"description": "body larger than the server's limit"},
                "415": {"description": "Content-Type is not application/json"},
                "422": {"description": "JSON that is not a valid request, or unreadable input"},
                "429": {"description": "every worker busy and the queue full: try again"},
                "503": {"description": "the check ran past the server's time limit"},
            }}},
        "/report": {"post": {
            "summary": "The annotated HTML report for a form post (fields: text, kind, model)",
            "requestBody": {"required": True, "content": {
                "application/x-www-form-urlencoded": {"schema": {"type": "object"}}}},
            "responses": {"200": {"description": "a self-contained HTML page"},
                          "501": {"description": "no HTML report renderer in this build"}}}},
        "/api/rules": {"get": {"summary": "The rules this server runs",
                               "responses": {"200": {"description": "a list of rules"}}}},
    },
}
