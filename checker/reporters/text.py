"""Human output: ``path:line:col: severity: CODE [category] message``, the offending text, and a
closing summary ("Found 16 findings in 1 file (1 error, 15 warnings); 7 info hidden. ...")."""

from __future__ import annotations

from collections.abc import Sequence

from checker.engine import FileResult
from checker.findings import Applicability, Finding, Related, Severity
from checker.reporters.common import positions_note, related_document, summary
from checker.terminal import terminal_safe

_COLOURS = {Severity.ERROR: "\x1b[31;1m", Severity.WARNING: "\x1b[33;1m",
            Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET, _UNDER = "\x1b[1m", "\x1b[2m", "\x1b[0m", "\x1b[4m"


def render(results: Sequence[FileResult], *, color: bool = False) -> str:
    def c(code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if color else s

    out: list[str] = []
    noted: set[str] = set()
    for r in results:
        if r.error:
            out.append(c(_COLOURS[Severity.ERROR], f"error: {terminal_safe(r.error)}"))
            continue
        doc = r.document
        path = terminal_safe(r.path)
        for f in r.findings:
            if doc is None:
                continue
            line = doc.line_col(f.start)[0]  # the analysed text's line, for the excerpt
            file_line, col = doc.file_span(f.start, f.end)[:2]
            conf = f" (confidence {f.confidence:.2f})" if f.confidence is not None else ""
            out.append(
                f"{c(_BOLD, f'{path}:{file_line}:{col}:')} "
                f"{c(_COLOURS[f.severity], f.severity.label + ':')} "
                f"{c(_COLOURS[f.severity], f.code)} [{f.category}] {terminal_safe(f.message)}{conf}"
            )
            span = doc.line_span(line)
            text = doc.snippet(span.start, span.end)
            a = f.start - span.start
            b = min(f.end, span.end) - span.start
            shown, a, b = _window(text, a, max(b, a + 1))
            shown = terminal_safe(shown)  # after the cut: one pass over 100 characters, not a line
            out.append("    " + shown[:a] + c(_UNDER + _COLOURS[f.severity], shown[a:b])
                       + shown[b:])
            if not color:
                out.append("    " + " " * a + "^" * max(1, b - a))
            for rel in f.related:
                where = related_document(rel, doc, r.sources)
                rl, rc = where.file_span(rel.start, rel.end)[:2] if where else (0, 0)
                if rel.code is not None:
                    out.append(c(_DIM, "    " + _also(f, rel, rl, rc)))
                    continue
                out.append(c(_DIM, f"    related {terminal_safe(rel.path or path)}:{rl}:{rc}: "
                                   f"{terminal_safe(rel.message)}"))
        note = positions_note(doc)
        if note and r.findings and note not in noted:  # once, not once per archive record
            noted.add(note)
            out.append(c(_DIM, f"{path}: {note}"))
    out.append(closing_summary(results))
    return "\n".join(out) + "\n"


def _also(f: Finding, rel: Related, line: int, col: int) -> str:
    """Another rule's finding merged into this one: ``also: SP110 message``, with its place
    when it is not the same span."""
    message = rel.message.removeprefix(f"{rel.code}: ")
    where = "" if (rel.start, rel.end) == (f.start, f.end) else f" at {line}:{col}"
    return f"also: {rel.code}{where}: {terminal_safe(message)}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def _by_severity(counts: dict[str, int]) -> str:
    return ", ".join(_plural(counts[s.label], s.label)
                     for s in sorted(Severity, reverse=True) if counts.get(s.label))


def closing_summary(results: Sequence[FileResult]) -> str:
    """ruff's closing line: ``Found 16 findings in 1 file (1 error, 15 warnings); 7 info
    hidden; 1 file could not be checked. 7 fixable with --fix (2 more with --unsafe-fixes).``"""
    s = summary(results)
    line = f"Found {_plural(s['findings'], 'finding')} in {_plural(s['files'], 'file')}"
    if s["findings"]:
        line += f" ({_by_severity(s['by_severity'])})"
    if s["hidden"]:
        line += f"; {_by_severity(s['hidden'])} hidden"
    if s["errors"]:
        line += f"; {_plural(s['errors'], 'file')} could not be checked"
    line += "."
    safe = unsafe = 0
    for r in results:
        if r.document is None or not r.document.offsets_are_source:
            continue  # HTML is never fixed
        for f in r.findings:
            if f.fix is not None:
                if f.fix.applicability is Applicability.SAFE:
                    safe += 1
                else:
                    unsafe += 1
    if safe:
        line += f" {safe} fixable with --fix"
        line += f" ({unsafe} more with --unsafe-fixes)." if unsafe else "."
    elif unsafe:
        line += f" {unsafe} fixable with --fix --unsafe-fixes."
    return line


def _window(text: str, a: int, b: int, width: int = 100) -> tuple[str, int, int]:
    """Cut a long line around the span so the terminal shows what matters."""
    if len(text) <= width:
        return text, a, min(b, len(text))
    left = max(0, a - 30)
    right = min(len(text), max(b, left + width))
    prefix = "…" if left else ""
    suffix = "…" if right < len(text) else ""
    shift = left - len(prefix)
    return prefix + text[left:right] + suffix, a - shift, min(b, right) - shift
