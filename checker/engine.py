"""Runs the selected rules over a Document and applies severities and suppressions.

The engine never prints: it returns results, and the CLI turns them into output and an exit code.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from checker.budget import (
    MODEL_RULE_SECONDS,
    RULE_SECONDS,
    BudgetExceeded,
    Cancelled,
    budget,
)
from checker.budget import check as check_budget
from checker.config import Settings
from checker.document import Document
from checker.findings import Finding, Severity
from checker.inputs import (
    InputError,
    build_document,
    decode_input,
    iter_files,
    kind_for,
    load_document,
    read_path,
)
from checker.language import LANGUAGE_NAMES, other_language
from checker.merge import merge_findings
from checker.modelhub import ModelError, ModelHub
from checker.rules import Context, Rule, all_rules

if TYPE_CHECKING:
    from checker.resultcache import ResultCache

UNUSED_SUPPRESSION = "CK100"


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    document: Document | None = None
    notices: list[str] = field(default_factory=list)  # said on stderr; not findings, not errors
    sources: tuple[Document, ...] = ()  # the source texts it was checked against (--source)
    hidden: dict[str, int] = field(default_factory=dict)  # below --min-severity, by severity

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


def selected_rules(settings: Settings, path: str | None = None) -> list[Rule]:
    rules = []
    classes = all_rules()
    selected = settings.selected_codes([cls.code for cls in classes], path)
    for cls in classes:
        if cls.code not in selected:
            continue
        if not cls.enabled_by_default and not _explicitly_selected(cls.code, settings):
            continue
        if cls.requires and not settings.use_model:
            continue
        rules.append(cls())
    return rules


def _explicitly_selected(code: str, settings: Settings) -> bool:
    """An opt-in rule runs only when its own code is selected: a prefix ("GB", "SR") keeps the
    default set of its family, as ruff's explicit preview rules need their full code."""
    return code in settings.select


RAN_OUT = "skipped: it ran out of its"  # a rule cut short: its findings are missing


def check_document(doc: Document, settings: Settings, rules: Sequence[Rule] | None = None,
                   models: ModelHub | None = None,
                   notices: list[str] | None = None,
                   sources: Sequence[Document] = ()) -> list[Finding]:
    """Findings of the selected rules. A rule that runs out of its time budget on this document
    (``checker.budget``) is skipped, and said so in ``notices``; the others still run."""
    active = list(rules) if rules is not None else selected_rules(settings, doc.path)
    active = _for_language(doc, active, notices)
    ctx = Context(settings=settings, models=models or ModelHub(settings.nli),
                  sources=tuple(sources))
    raw: list[Finding] = []
    skipped: set[str] = set()
    # rules without a model run first, while the models they do not need load on threads
    _prefetch(active, ctx)
    active.sort(key=lambda r: bool(getattr(r, "requires", frozenset())))
    for rule in active:
        if rule.code == UNUSED_SUPPRESSION:
            continue
        check_budget()  # stops here when the caller called the check off (checker serve)
        seconds = RULE_SECONDS
        needs: frozenset[str] = getattr(rule, "requires", frozenset())
        if needs:
            _load_models(needs, ctx)
            seconds = MODEL_RULE_SECONDS
        try:
            with budget(seconds, cpu=not needs):
                raw.extend(list(rule.check(doc, ctx)))
        except BudgetExceeded:
            skipped.add(rule.code)
            if notices is not None:
                clock = "s of model time" if needs else "s of CPU time"
                notices.append(f"{doc.path}: {rule.code} {RAN_OUT} "
                               f"{seconds:g} {clock} on this document")
    findings = [
        f.with_severity(settings.severity_for(f.code, f.severity, doc.path)) for f in raw
    ]
    kept, used = _apply_suppressions(doc, findings)
    if any(r.code == UNUSED_SUPPRESSION for r in active):
        ran = {r.code for r in active} - skipped
        kept.extend(_unused_suppressions(doc, used, ran, settings))
    return merge_findings(kept)  # one finding per problem; sorted by position


def _for_language(doc: Document, active: list[Rule], notices: list[str] | None) -> list[Rule]:
    """The rules to run on ``doc``: on a document plainly written in another language
    (``checker.language``), only those that do not read English, and a notice says so."""
    reads = [getattr(r, "reads_english", True) for r in active]
    if not any(reads):
        return active
    lang = other_language(doc.text)
    if lang is None:
        return active
    if notices is not None:
        notices.append(f"{doc.path}: written in {LANGUAGE_NAMES.get(lang, lang)}, not English; "
                       "only the checks that do not read English ran (punctuation, brackets, "
                       "quotation marks, markup, hidden characters, repeated passages)")
    return [r for r, english in zip(active, reads, strict=True) if not english]


# What a rule's ``requires`` names -> the ModelHub model that provides it.
_MODEL_FOR = {"nli": "nli", "embeddings": "embedder", "garble": "garble"}


def _prefetch(active: Sequence[Rule], ctx: Context) -> None:
    """Start loading every model the selected rules need, one thread per model: loading (about
    0.1 s per ONNX session, plus the tokenizer and a checksum) overlaps the rules that need no
    model and the other model's loading. ``_load_models`` then waits for them; a loader that
    fails here fails again there, with its message, where the error is reported."""
    if ctx.models is None:
        return
    hub = ctx.models
    names = sorted({_MODEL_FOR[need] for rule in active
                    for need in getattr(rule, "requires", frozenset()) if need in _MODEL_FOR})
    missing = [n for n in names if n not in ModelHub.loaded()]

    def load(name: str) -> None:
        with contextlib.suppress(Exception):
            hub.get(name)

    for name in missing:
        threading.Thread(target=load, args=(name,), name=f"checker-load-{name}",
                         daemon=True).start()


def _load_models(requires: Iterable[str], ctx: Context) -> None:
    """Load what a rule needs before its time budget starts: loading is not checking."""
    if ctx.models is None:
        return
    for need in sorted(requires):
        if need in _MODEL_FOR:
            ctx.models.get(_MODEL_FOR[need])


def _apply_suppressions(doc: Document, findings: list[Finding]) -> tuple[list[Finding], set[int]]:
    used: set[int] = set()
    kept = []
    for f in findings:
        hit = None
        for i, s in enumerate(doc.suppressions):
            if s.scope_start <= f.start < max(s.scope_end, s.scope_start + 1) and any(
                f.code.startswith(c) for c in s.codes
            ):
                hit = i
                break
        if hit is None:
            kept.append(f)
        else:
            used.add(hit)
    return kept, used


def _unused_suppressions(doc: Document, used: set[int], ran: set[str],
                         settings: Settings) -> Iterator[Finding]:
    from checker.rules.unused import UnusedSuppression

    rule = UnusedSuppression()
    for i, s in enumerate(doc.suppressions):
        if i in used:
            continue
        relevant = [c for c in s.codes if any(code.startswith(c) for code in ran)]
        if not relevant:
            continue  # the named rules did not run, so we cannot tell
        start, end = (s.start, s.end) if doc.offsets_are_source else (0, 0)
        f = rule.finding(start, end, f"unused suppression for {', '.join(s.codes)}: "
                         "nothing it names was found here")
        yield f.with_severity(settings.severity_for(f.code, f.severity, doc.path))


def check_text(text: str, path: str = "<text>", kind: str = "text",
               settings: Settings | None = None, models: ModelHub | None = None,
               sources: Sequence[Document] = (), notices: list[str] | None = None,
               in_file: bool = True) -> FileResult:
    """Check a string (used by the web server, the language server and tests). ``in_file``
    False: the text is a record of an archive, not a file (no fixes, as for a record read here)."""
    settings = settings or Settings()
    try:
        doc = build_document(path, text, kind)
    except InputError as exc:
        return FileResult(path, error=str(exc))
    if not in_file:
        doc = replace(doc, in_file=False)
    return FileResult(path, check_document(doc, settings, models=models, sources=sources,
                                           notices=notices),
                      document=doc, sources=tuple(sources))


def read_document(path: str, max_bytes: int, stdin_bytes: bytes | None = None,
                  stdin_kind: str = "text", stdin_name: str = "-") -> Document:
    """The document behind a path (``-``: the bytes read from stdin), as every check reads it;
    ``InputError`` naming the file when it cannot be read."""
    if path == "-":
        decoded = decode_input("<stdin>", stdin_bytes or b"", max_bytes)
        doc = build_document(stdin_name, decoded.text, stdin_kind)
        return replace(doc, encoding=decoded.encoding)
    return read_path(path, max_bytes)


def reading_notices(path: str, doc: Document) -> list[str]:
    """What is said on stderr about how a file was read (a legacy encoding)."""
    return [f"{path}: not UTF-8; read as {doc.encoding}"] if doc.encoding != "utf-8" else []


def check_file(path: str, settings: Settings, models: ModelHub | None = None,
               stdin_bytes: bytes | None = None, stdin_kind: str = "text",
               stdin_name: str = "-", sources: Sequence[Document] = (),
               cache: ResultCache | None = None) -> FileResult:
    try:
        doc = read_document(path, settings.max_file_bytes, stdin_bytes, stdin_kind, stdin_name)
    except InputError as exc:
        return FileResult(path, error=str(exc))
    return check_loaded(path, doc, settings, models, sources, cache)


def check_bytes(path: str, raw: bytes, settings: Settings,
                models: ModelHub | None = None, sources: Sequence[Document] = ()) -> FileResult:
    """Check bytes already read (a batch worker gets them from the client, not the disk)."""
    try:
        doc = load_document(path, raw, settings.max_file_bytes)
    except InputError as exc:
        return FileResult(path, error=str(exc))
    return check_loaded(path, doc, settings, models, sources)


def check_loaded(path: str, doc: Document, settings: Settings,
                  models: ModelHub | None, sources: Sequence[Document] = (),
                  cache: ResultCache | None = None) -> FileResult:
    """Check a document read from ``path``; with a ``cache``, an unchanged document's findings
    are taken from it, and fresh ones are stored (``checker.resultcache``)."""
    notices = reading_notices(path, doc)
    key = cache.key(doc, settings, sources) if cache is not None else ""
    if cache is not None:
        hit = cache.get(key)
        if hit is not None:
            return FileResult(path, hit.findings, document=doc, notices=notices + hit.notices,
                              sources=tuple(sources))
    said = len(notices)
    try:
        findings = check_document(doc, settings, models=models, notices=notices, sources=sources)
    except Cancelled:
        raise
    except (InputError, ModelError) as exc:  # a model that cannot be used: not a rule bug
        return FileResult(path, error=f"{path}: {exc}", document=doc)
    except MemoryError:
        return FileResult(path, error=f"{path}: out of memory while checking; not checked",
                          document=doc)
    except Exception as exc:  # a rule bug must not stop the other files
        return FileResult(path, error=f"{path}: internal error while checking "
                          f"({type(exc).__name__}: {exc}); please report it", document=doc)
    if cache is not None and not any(RAN_OUT in n for n in notices):
        cache.put(key, findings, notices[said:])  # not a result cut short by the clock
    return FileResult(path, findings, document=doc, notices=notices, sources=tuple(sources))


def expand(paths: Iterable[str], settings: Settings,
           problems: list[str] | None = None) -> list[str]:
    return list(iter_files(paths, settings.exclude, settings.root, problems))


__all__ = ["FileResult", "check_bytes", "check_document", "check_file", "check_loaded",
           "check_text", "expand", "kind_for", "read_document", "reading_notices", "replace",
           "selected_rules"]
