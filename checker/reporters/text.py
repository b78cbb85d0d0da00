"""Human output: ``path:line:col: CODE [category] message`` and the offending text."""

from __future__ import annotations

from collections.abc import Sequence

from checker.engine import FileResult
from checker.findings import Severity
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
                out.append(c(_DIM, f"    related {terminal_safe(rel.path or path)}:{rl}:{rc}: "
                                   f"{terminal_safe(rel.message)}"))
        note = positions_note(doc)
        if note and r.findings and note not in noted:  # once, not once per archive record
            noted.add(note)
            out.append(c(_DIM, f"{path}: {note}"))
    s = summary(results)
    tail = f"Found {s['findings']} finding(s) in {s['files']} file(s)"
    if s["errors"]:
        tail += f"; {s['errors']} file(s) could not be checked"
    out.append(tail + ".")
    return "\n".join(out) + "\n"


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
