"""The HTML reporter without a browser: segments, escaping, self-containment."""

from __future__ import annotations

import json
import re

from checker.config import Settings, with_cli
from checker.engine import FileResult, check_file, check_text
from checker.findings import Finding, Related, Severity
from checker.reporters import get_renderer
from checker.reporters.html import Segment, json_for_script, payload, render, segments

from .conftest import SEED


def _f(start: int, end: int, related: tuple[Related, ...] = (), code: str = "TY101") -> Finding:
    return Finding(code, "rule", "typography", Severity.WARNING, "m", start, end, None, related)


def _data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="checker-data">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


def test_segments_split_overlapping_spans() -> None:
    segs = segments(10, [_f(2, 6), _f(4, 8)])
    assert segs == [Segment(0, 2, (), ()), Segment(2, 4, (0,), ()), Segment(4, 6, (0, 1), ()),
                    Segment(6, 8, (1,), ()), Segment(8, 10, (), ())]


def test_segments_nested_related_points_and_out_of_range() -> None:
    segs = segments(10, [_f(1, 9, (Related(3, 4, "r"),)), _f(5, 5), _f(8, 30)])
    assert Segment(3, 4, (0,), ((0, 0),)) in segs
    assert Segment(5, 5, (1,), ()) in segs  # a point stays, as an empty segment
    assert segs[-1] == Segment(9, 10, (2,), ())  # clamped to the text
    covered = "".join("x" * (s.end - s.start) for s in segs)
    assert len(covered) == 10


def test_pieces_rebuild_the_text_exactly_even_with_astral_characters() -> None:
    text = "Emoji 😀 then Bassum and Basoom.\n"
    a, b = text.index("Bassum"), text.index("Basoom")
    f = Finding("NM101", "name-variant", "name", Severity.WARNING, "spelled", b, b + 6, 0.9,
                (Related(a, a + 6, "here"),))
    result = check_text(text, "x.txt", settings=with_cli(Settings(), use_model=False))
    result.findings[:] = [f]
    doc = payload([result])["documents"][0]
    rebuilt = "".join(p if isinstance(p, str) else p[0] for p in doc["pieces"])
    assert rebuilt == text
    marked = [p for p in doc["pieces"] if not isinstance(p, str)]
    assert ["Bassum", [], ["d0f0/0"]] in marked and ["Basoom", ["d0f0"], []] in marked


def test_json_in_script_cannot_break_out() -> None:
    nasty = {"t": "</script><script>alert(1)</script><!-- & \u2028"}
    out = json_for_script(nasty)
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out) == nasty


def test_report_is_self_contained_and_escapes_the_draft() -> None:
    text = 'Hi <img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script>. .\n'
    result = check_text(text, "<b>evil</b>.txt", settings=with_cli(Settings(), use_model=False))
    html = render([result])
    assert "<img src=x" not in html and "<script>window" not in html and "<b>evil" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # no CDN, no network
    assert "<style>" in html and "checker annotated report" in html
    data = _data(html)
    assert data["documents"][0]["path"] == "<b>evil</b>.txt"


def test_seed_report_has_every_finding_and_rule_docs() -> None:
    result = check_file(str(SEED), with_cli(Settings(), use_model=False))
    data = _data(get_renderer("html")([result]))
    doc = data["documents"][0]
    assert len(doc["findings"]) == len(result.findings) > 0
    ids = {i for p in doc["pieces"] if not isinstance(p, str) for i in p[1]}
    assert ids == {f["id"] for f in doc["findings"]}
    assert set(data["rules"]) == {f.code for f in result.findings}
    assert all("## What it does" in r["docs"] for r in data["rules"].values())


def test_html_input_says_positions_are_in_extracted_text(drafts) -> None:
    result = check_file(str(drafts / "page.html"), with_cli(Settings(), use_model=False))
    doc = _data(render([result]))["documents"][0]
    assert doc["kind"] == "html" and "extracted" in doc["note"]
    assert "<p>" not in "".join(p if isinstance(p, str) else p[0] for p in doc["pieces"])


def test_markdown_is_shown_as_written(drafts) -> None:
    result = check_file(str(drafts / "notes.md"), with_cli(Settings(), use_model=False))
    doc = _data(render([result]))["documents"][0]
    shown = "".join(p if isinstance(p, str) else p[0] for p in doc["pieces"])
    assert shown == (drafts / "notes.md").read_text()


def test_unreadable_file_renders_its_error(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   ")
    doc = _data(render([check_file(str(empty), Settings())]))["documents"][0]
    assert "empty" in doc["error"] and doc["pieces"] == []


def test_several_files_share_one_page(drafts) -> None:
    results = [check_file(str(p), with_cli(Settings(), use_model=False))
               for p in sorted(drafts.iterdir())]
    data = _data(render(results))
    assert [d["path"] for d in data["documents"]] == [r.path for r in results]
    ids = [f["id"] for d in data["documents"] for f in d["findings"]]
    assert len(ids) == len(set(ids))


def test_error_without_document() -> None:
    doc = _data(render([FileResult("gone.txt", error="gone.txt: no such file")]))["documents"][0]
    assert doc["error"] == "gone.txt: no such file"


def test_an_empty_run_still_renders() -> None:
    data = _data(render([]))
    assert data["documents"] == [] and data["summary"]["files"] == 0
