"""GitHub Actions workflow commands: one ``::warning file=…`` annotation per finding."""

from __future__ import annotations

from collections.abc import Sequence

from checker.engine import FileResult
from checker.findings import Severity

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[FileResult], *, color: bool = False) -> str:
    out = []
    for r in results:
        if r.error:
            out.append(f"::error file={_prop(r.path)},title=checker::{_data(r.error)}")
            continue
        doc = r.document
        for f in r.findings:
            if doc is None:
                continue
            line, col = doc.line_col(f.start)
            end_line, end_col = doc.line_col(f.end)
            loc = f"file={_prop(r.path)},line={line},endLine={end_line}"
            if line == end_line:
                loc += f",col={col},endColumn={end_col}"
            title = _prop(f"{f.code} {f.rule}")
            out.append(f"::{_LEVEL[f.severity]} {loc},title={title}::{_data(f.message)}")
    return "\n".join(out) + ("\n" if out else "")
