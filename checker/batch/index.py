"""``index.html``: the run at a glance, a table of documents and three inline SVG charts.

The table is written as escaped markup (readable with scripts off) and a small script sorts and
filters it. Charts are SVG built here so the page needs nothing from the network.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from checker import __version__
from checker.reporters.html import COLOURS, page

if TYPE_CHECKING:
    import pandas as pd

_E = html.escape


def bar_chart(title: str, items: Sequence[tuple[str, int, str]], width: int = 470) -> str:
    """Horizontal bars: (label, value, colour) per row."""
    if not items:
        return _empty_chart(title, width)
    row, label_w, top = 22, 200, 28
    height = top + row * len(items) + 8
    peak = max(v for _, v, _ in items) or 1
    span = width - label_w - 50
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" aria-label="{_E(title)}"><title>{_E(title)}</title>',
             f'<text x="0" y="16" class="ct">{_E(title)}</text>']
    for i, (label, value, colour) in enumerate(items):
        y = top + i * row
        w = max(1.0, span * value / peak)
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" class="cl">'
                     f'{_E(_short(label, 30))}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 7}" rx="3" '
                     f'fill="{_E(colour)}"><title>{_E(label)}: {value}</title></rect>'
                     f'<text x="{label_w + w + 5:.1f}" y="{y + 14}" class="cv">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


def histogram(title: str, counts: Sequence[int], width: int = 420, bins: int = 12) -> str:
    """Documents by number of findings; the last bin collects everything above it."""
    if not counts:
        return _empty_chart(title, width)
    top_bin = min(max(counts), bins - 1)
    hist = [0] * (top_bin + 1)
    for c in counts:
        hist[min(c, top_bin)] += 1
    height, top, bottom, left = 200, 40, 34, 34
    plot_h = height - top - bottom
    peak = max(hist) or 1
    bw = (width - left - 10) / len(hist)
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" aria-label="{_E(title)}"><title>{_E(title)}</title>',
             f'<text x="0" y="16" class="ct">{_E(title)}</text>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" '
             'class="axis"/>']
    for i, n in enumerate(hist):
        h = plot_h * n / peak
        x = left + i * bw
        label = f"{i}+" if i == top_bin and max(counts) > top_bin else str(i)
        parts.append(f'<rect x="{x + 2:.1f}" y="{top + plot_h - h:.1f}" width="{bw - 4:.1f}" '
                     f'height="{h:.1f}" rx="2" fill="#1f6feb"><title>{label} finding(s): '
                     f'{n} document(s)</title></rect>'
                     f'<text x="{x + bw / 2:.1f}" y="{top + plot_h + 14}" text-anchor="middle" '
                     f'class="cl">{label}</text>')
        if n:
            parts.append(f'<text x="{x + bw / 2:.1f}" y="{top + plot_h - h - 3:.1f}" '
                         f'text-anchor="middle" class="cv">{n}</text>')
    parts.append(f'<text x="{left + (width - left) / 2:.1f}" y="{height - 4}" '
                 'text-anchor="middle" class="cl">findings per document</text></svg>')
    return "".join(parts)


def _empty_chart(title: str, width: int) -> str:
    return (f'<svg class="chart" viewBox="0 0 {width} 60" width="{width}" height="60">'
            f'<text x="0" y="16" class="ct">{_E(title)}</text>'
            '<text x="0" y="44" class="cl">nothing found</text></svg>')


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def charts(findings: pd.DataFrame, documents: pd.DataFrame) -> list[str]:
    by_cat = findings["category"].value_counts()
    cats = [(str(c), int(n), COLOURS.get(str(c), COLOURS["other"])) for c, n in by_cat.items()]
    rules = (findings.groupby(["code", "rule", "category"], observed=True).size()
             .sort_values(ascending=False).head(10))
    top = [(f"{code} {rule}", int(n), COLOURS.get(str(cat), COLOURS["other"]))
           for (code, rule, cat), n in rules.items()]
    ok = documents[documents["error"] == ""]
    return [bar_chart("Findings by category", cats), bar_chart("Top rules", top),
            histogram("Distribution of findings per document", [int(x) for x in ok["findings"]])]


def _cell(value: Any, numeric: bool) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return '<td class="num" data-v="-1"></td>' if numeric else '<td data-v=""></td>'
    if numeric:
        return f'<td class="num" data-v="{_E(str(value))}">{_E(str(value))}</td>'
    return f'<td data-v="{_E(str(value).lower())}">{_E(str(value))}</td>'


def table(documents: pd.DataFrame, categories: Sequence[str]) -> str:
    sourced = "sources" in documents.columns and bool((documents["sources"] != "").any())
    heads = [("path", "document", False), *([("sources", "source", False)] if sourced else []),
             ("risk", "risk", True), ("findings", "findings", True),
             ("n_error", "errors", True), ("n_warning", "warnings", True),
             ("n_info", "infos", True), *((c, c, True) for c in categories),
             ("top_rule", "top rule", False), ("error", "problem", False)]
    out = ['<table id="docs"><thead><tr>']
    for key, label, numeric in heads:
        dot = (f'<span class="dot" style="--c:{COLOURS.get(key, COLOURS["other"])}"></span>'
               if key in categories else "")
        out.append(f'<th data-key="{_E(key)}" data-type="{"num" if numeric else "text"}" '
                   f'tabindex="0">{dot}{_E(label)}<span class="arrow"></span></th>')
    out.append("</tr></thead><tbody>")
    for row in documents.to_dict("records"):
        cats = " ".join(c for c in categories if row.get(c))
        out.append(f'<tr data-cats="{_E(cats)}" data-failed="{"1" if row["error"] else "0"}">')
        out.append(f'<td data-v="{_E(str(row["path"]).lower())}"><a href="{_E(row["report"])}">'
                   f'{_E(str(row["path"]))}</a></td>')
        for key, _, numeric in heads[1:]:
            out.append(_cell(row.get(key), numeric))
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render_index(findings: pd.DataFrame, documents: pd.DataFrame, *, title: str,
                 stats: dict[str, Any]) -> str:
    categories = [c for c in COLOURS if c in documents.columns and documents[c].sum() > 0]
    categories += [c for c in documents.columns
                   if c not in COLOURS and c not in _FIXED and documents[c].sum() > 0]
    checked = documents[documents["error"] == ""]
    median = f"{checked['risk'].median():.1f}" if len(checked) else "–"
    tiles = [("documents", len(documents)), ("findings", len(findings)),
             ("could not be checked", int((documents["error"] != "").sum())),
             ("median risk", median)]
    tiles += [(k, v) for k, v in stats.items()]
    options = "".join(f'<option value="{_E(c)}">{_E(c)}</option>' for c in categories)
    body = (
        f'<header><div class="brand"><span class="logo">✓</span> checker batch report</div>'
        f'<div class="docname">{_E(title)}</div></header><main>'
        '<section class="tiles">' + "".join(
            f'<div class="tile"><b>{_E(str(v))}</b><span>{_E(k)}</span></div>' for k, v in tiles)
        + '</section><section class="charts">' + "".join(charts(findings, documents))
        + '</section><section class="tablebox"><div class="controls">'
        '<input id="q" type="search" placeholder="filter by path…" aria-label="filter by path">'
        f'<select id="cat" aria-label="category"><option value="">any category</option>{options}'
        '</select><label>risk ≥ <input id="minrisk" type="number" min="0" max="100" value="0" '
        'step="5"></label><label><input id="failed" type="checkbox"> unreadable only</label>'
        '<span id="shown" class="muted"></span></div>'
        + table(documents, categories) + '</section>'
        '<p class="muted">Tables beside this page: <a href="documents.csv">documents.csv</a>, '
        '<a href="findings.csv">findings.csv</a>, <a href="findings.parquet">findings.parquet'
        '</a>. Risk: 100 × (1 − ∏(1 − severity weight × category weight × confidence)) over a '
        f'document\'s findings. Generated by checker {_E(__version__)} on '
        f'{datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}.</p></main>')
    return page(f"checker: {title}", body, {}, ["report.css", "index.css"], ["index.js"])


_FIXED = {"path", "report", "kind", "sources", "chars", "findings", "risk", "n_error", "n_warning",
          "n_info", "top_rule", "error"}
