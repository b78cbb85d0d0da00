"""A Markdown summary for a pull-request comment."""

from __future__ import annotations

from collections.abc import Sequence

from checker.engine import FileResult
from checker.reporters.common import summary


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def render(results: Sequence[FileResult], *, color: bool = False) -> str:
    s = summary(results)
    lines = ["## checker report", "",
             f"**{s['findings']}** finding(s) in **{s['files']}** file(s)"
             + (f", **{s['errors']}** file(s) could not be checked" if s["errors"] else "") + ".",
             ""]
    if s["by_category"]:
        lines += ["| category | findings |", "|---|---:|"]
        lines += [f"| {k} | {v} |" for k, v in s["by_category"].items()]
        lines.append("")
    rows = []
    for r in results:
        if r.error:
            rows.append(f"| `{_cell(r.path)}` | | | error | {_cell(r.error)} |")
        doc = r.document
        for f in r.findings:
            if doc is None:
                continue
            line, col = doc.file_span(f.start, f.end)[:2]
            rows.append(f"| `{_cell(r.path)}:{line}:{col}` | `{f.code}` | {f.category} | "
                        f"{f.severity.label} | {_cell(f.message)} |")
    if rows:
        lines += ["| location | code | category | severity | message |", "|---|---|---|---|---|"]
        lines += rows
    return "\n".join(lines) + "\n"
