"""A self-contained, annotated HTML report: the text with every finding highlighted.

Why it is built this way:

* The page must work from ``file://`` with no network, so the CSS and JavaScript in
  ``checker/reporters/assets/`` are inlined at render time.
* A draft is untrusted input (it may carry ``<script>`` or ``onerror=`` payloads). Nothing from
  the document is ever written into markup: the data travels as JSON inside
  ``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped, and the page builds
  its DOM with ``textContent``.
* Overlapping findings are cut into non-overlapping segments here, in Python, and the segments
  travel as text pieces rather than offsets: JavaScript indexes strings in UTF-16 code units,
  Python in code points, and passing pieces keeps emoji and other astral characters aligned.
"""

from __future__ import annotations

import functools
import html
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from checker import __version__
from checker.document import Document
from checker.engine import FileResult
from checker.findings import CATEGORIES, Finding
from checker.reporters.common import finding_dict, positions_note, summary
from checker.source.sidebyside import comparison

COLOURS = {
    "contradiction": "#e03131",
    "spam": "#e8590c",
    "name": "#7048e8",
    "number": "#1c7ed6",
    "garble": "#c2255c",
    "typography": "#0ca678",
    "source": "#9c6644",
    "other": "#868e96",
}


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same findings and related spans.

    ``hits`` are finding indexes whose span contains the run; ``links`` are ``(finding, related)``
    index pairs whose related span contains it.
    """

    start: int
    end: int
    hits: tuple[int, ...]
    links: tuple[tuple[int, int], ...]


def segments(length: int, findings: Sequence[Finding]) -> list[Segment]:
    """Cut ``[0, length)`` at every span boundary so overlapping spans can each be drawn.

    A sweep over the boundaries keeps the set of open spans, so a long document with many
    findings stays linear-ish. Empty spans (a finding at a point) become zero-width segments so
    they stay clickable.
    """
    opens: dict[int, list[tuple[int, int]]] = {}
    closes: dict[int, list[tuple[int, int]]] = {}
    points: dict[int, list[tuple[int, int]]] = {}
    for i, f in enumerate(findings):
        spans = [(f.start, f.end, True), *((r.start, r.end, r.path is None) for r in f.related)]
        for j, (start, end, here) in enumerate(spans):
            if not here:
                continue  # a span in a source text: shown beside the finding, not in the draft
            a, b = _clamp(start, end, length)
            key = (i, j - 1)  # related index -1: the finding's own span
            if a == b:
                points.setdefault(a, []).append(key)
            else:
                opens.setdefault(a, []).append(key)
                closes.setdefault(b, []).append(key)
    cuts = sorted({0, length, *opens, *closes, *points})
    active: set[tuple[int, int]] = set()
    out: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        active.difference_update(closes.get(a, ()))
        active.update(opens.get(a, ()))
        if a in points:
            out.append(_segment(a, a, points[a]))
        out.append(_segment(a, b, active))
    if length in points:
        out.append(_segment(length, length, points[length]))
    return _merge(out)


def _clamp(start: int, end: int, length: int) -> tuple[int, int]:
    start = min(max(start, 0), length)
    return start, min(max(end, start), length)


def _segment(a: int, b: int, covering: Iterable[tuple[int, int]]) -> Segment:
    keys = list(covering)
    hits = tuple(sorted({i for i, j in keys if j < 0}))
    links = tuple(sorted({(i, j) for i, j in keys if j >= 0}))
    return Segment(a, b, hits, links)


def _merge(segs: list[Segment]) -> list[Segment]:
    """Join neighbours with identical coverage (keeps the DOM small for long plain stretches)."""
    merged: list[Segment] = []
    for s in segs:
        prev = merged[-1] if merged else None
        if (prev is not None and s.start < s.end and prev.start < prev.end
                and (prev.hits, prev.links) == (s.hits, s.links)):
            merged[-1] = Segment(prev.start, s.end, s.hits, s.links)
        else:
            merged.append(s)
    return merged


def display_text(doc: Document) -> str:
    """The text to show: the file as written when offsets point into it, else the analysed text.

    Markdown is shown with its markup (the analysed text blanks it to spaces, same length), so
    the editor sees what they wrote; carriage returns become spaces to keep offsets aligned.
    """
    if doc.offsets_are_source and doc.source is not None and len(doc.source) == len(doc.text):
        return doc.source.replace("\r", " ")
    return doc.text


@functools.cache
def _rule_docs() -> dict[str, dict[str, Any]]:
    from checker.rules import all_rules

    return {r.code: {"name": r.name, "category": r.category, "severity": r.severity.label,
                     "summary": r.summary, "docs": r.docs()} for r in all_rules()}


def document_payload(result: FileResult, index: int = 0) -> dict[str, Any]:
    """Everything the page needs about one file, as plain JSON-able data."""
    doc = result.document
    entry: dict[str, Any] = {"path": result.path, "error": result.error, "kind": None,
                             "note": positions_note(doc), "findings": [], "pieces": []}
    if doc is None:
        return entry
    text = display_text(doc)
    findings = list(result.findings)
    entry["kind"] = doc.kind
    for i, f in enumerate(findings):
        data = finding_dict(f, doc, result.sources)
        data["id"] = f"d{index}f{i}"
        compare = comparison(f, doc, result.sources) if result.sources else None
        if compare is not None:
            data["compare"] = compare
        data.pop("fix", None)
        if f.fix is not None:
            data["fix"] = f.fix.description
        entry["findings"].append(data)
    ids = [f"d{index}f{i}" for i in range(len(findings))]
    entry["pieces"] = [
        [text[s.start:s.end], [ids[i] for i in s.hits], [f"{ids[i]}/{j}" for i, j in s.links]]
        if s.hits or s.links else text[s.start:s.end]
        for s in segments(len(text), findings)
    ]
    return entry


def payload(results: Sequence[FileResult], back: str | None = None) -> dict[str, Any]:
    docs = [document_payload(r, i) for i, r in enumerate(results)]
    used = {f["code"] for d in docs for f in d["findings"]}
    rules = {code: info for code, info in _rule_docs().items() if code in used}
    cats = list(CATEGORIES)
    cats += sorted({f["category"] for d in docs for f in d["findings"]} - set(cats))
    return {
        "tool": {"name": "checker", "version": __version__},
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "summary": summary(results),
        "documents": docs,
        "rules": rules,
        "categories": cats,
        "colours": {c: COLOURS.get(c, COLOURS["other"]) for c in cats},
        "back": back,
    }


def json_for_script(data: Any) -> str:
    """JSON that cannot close its ``<script>`` element or open a comment or CDATA section."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@functools.cache
def asset(name: str) -> str:
    return resources.files("checker.reporters").joinpath("assets", name).read_text("utf-8")


def page(title: str, body: str, data: Any, css: Sequence[str], js: Sequence[str],
         body_class: str = "") -> str:
    """Assemble a self-contained page; ``body`` must already be trusted markup."""
    styles = "\n".join(asset(n) for n in css)
    scripts = "\n".join(asset(n) for n in js)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{html.escape(title)}</title>\n<style>\n{styles}\n</style>\n</head>\n"
        f"<body class=\"{html.escape(body_class)}\">\n{body}\n"
        f"<script type=\"application/json\" id=\"checker-data\">{json_for_script(data)}</script>\n"
        f"<script>\n{scripts}\n</script>\n</body>\n</html>\n"
    )


_BODY = """<header id="top">
  <div class="brand"><span class="logo">✓</span> checker report</div>
  <div id="doc-picker"></div>
  <div id="counts" class="counts"></div>
</header>
<div id="note" class="note" hidden></div>
<div id="filters" class="filters"></div>
<main>
  <article id="text" class="text" aria-label="document text"></article>
  <aside id="panel" class="panel" aria-label="findings"></aside>
</main>
<footer id="foot"></footer>"""


def render(results: Sequence[FileResult], *, color: bool = False,
           back: str | None = None) -> str:
    """One HTML page for a run; several files get a picker at the top.

    ``back`` is a link to put in the header (the batch index, for per-document reports).
    """
    data = payload(results, back)
    title = "checker: " + (results[0].path if len(results) == 1 else f"{len(results)} files")
    return page(title, _BODY, data, ["report.css"], ["report.js"], body_class="report")

