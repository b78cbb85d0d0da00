"""Property-based tests over ingestion, offsets and fixes (hypothesis).

A fast subset runs with the suite (profile "default"); ``make fuzz`` runs the "fuzz" profile,
20,000 examples per property and over 100,000 in all.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from checker.config import Settings, with_cli  # noqa: E402
from checker.engine import check_document  # noqa: E402
from checker.fixes import apply_edits, fix_loop, plan  # noqa: E402
from checker.inputs import InputError, build_document, decode_input  # noqa: E402
from checker.markdown import mask_markdown  # noqa: E402

settings.register_profile("default", max_examples=40, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=20_000, deadline=None, database=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

RULES_ONLY = with_cli(Settings(), use_model=False)
# Pieces of drafts that rules fire on, markup, and hostile characters, joined at random.
FRAGMENTS = [
    "The the troops will leave.", "Mr. Bazoum said", "President Mohamed Bassum", "Mr. Basoom",
    "READ MORE: Ten things about the budget", "Leave a Reply", "2. .", "(along with",
    "\"quoted", "https://bit.ly/3xYz", "Baz\u200boum", "\u202eevil\u202c", "John Smith, 45,",
    "the 47-year-old Smith", "1,000 troops", "1,100 troops", "# Heading", "- item", "> quote",
    "`code`", "[link](http://x.y)", "<!-- checker: ignore TY104 -->", "| a | b |", "|---|---|",
    "***", "\r", "\r\n", "\n", "\n\n", " ", "\t", "…", "“", "”", "é", "\u00a0", "\x1b[2J",
]
drafts = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=40).map(
    " ".join)
kinds = st.sampled_from(["text", "markdown"])


@given(st.binary(max_size=400))
def test_any_bytes_decode_or_give_a_clear_error(raw: bytes) -> None:
    try:
        decoded = decode_input("fuzz.txt", raw)
    except InputError as exc:
        assert str(exc).startswith("fuzz.txt: ")
        return
    assert decoded.text.strip()


@given(drafts, kinds)
def test_offsets_stay_inside_the_text_and_lines_round_trip(text: str, kind: str) -> None:
    if not text.strip():
        return
    doc = build_document(f"fuzz.{'md' if kind == 'markdown' else 'txt'}", text, kind)
    assert len(doc.text) == len(text)
    for span in (*doc.sentences, *doc.paragraphs, *doc.markup):
        assert 0 <= span.start <= span.end <= len(text)
    for offset in range(0, len(text) + 1, max(1, len(text) // 25)):
        line, column = doc.line_col(offset)
        assert doc.line_span(line).start + column - 1 == offset


@given(drafts)
def test_markdown_blanking_never_shifts_offsets(text: str) -> None:
    masked, paragraphs = mask_markdown(text)
    assert len(masked) == len(text)
    for original, shown in zip(text, masked, strict=True):
        assert shown == original or (shown == " " and original != "\n")
    for span in paragraphs:
        assert 0 <= span.start < span.end <= len(text)


@given(drafts, kinds)
def test_findings_point_inside_the_text(text: str, kind: str) -> None:
    if not text.strip():
        return
    doc = build_document("fuzz.md" if kind == "markdown" else "fuzz.txt", text, kind)
    for f in check_document(doc, RULES_ONLY):
        assert 0 <= f.start <= f.end <= len(text), f
        for edit in f.fix.edits if f.fix else ():
            assert 0 <= edit.start <= edit.end <= len(text), f


@given(drafts, kinds)
def test_fixing_is_idempotent(text: str, kind: str) -> None:
    """Fix, re-check: what the fixes leave has nothing left to fix (unless the pass limit was
    reached), and fixing the fixed text again changes nothing."""
    if not text.strip():
        return
    path = "fuzz.md" if kind == "markdown" else "fuzz.txt"
    doc = build_document(path, text, kind)

    def recheck(new_text: str) -> tuple[object, list[object]] | None:
        try:
            new_doc = build_document(path, new_text, kind)
        except InputError:
            return None
        return new_doc, check_document(new_doc, RULES_ONLY)  # type: ignore[return-value]

    outcome, fixed_doc, remaining = fix_loop(path, doc, check_document(doc, RULES_ONLY), False,
                                             recheck)  # type: ignore[arg-type]
    if outcome.passes < 4:
        again = plan(fixed_doc, remaining)
        assert apply_edits(outcome.after, again.edits) == outcome.after


def test_a_carriage_return_in_markdown_keeps_line_numbers() -> None:
    """Found by the blanking property: markdown-it ends a line at a lone CR."""
    masked, paragraphs = mask_markdown("\r The the troops will leave.")
    assert len(masked) == 28 and paragraphs


@given(st.text(max_size=200), st.booleans(), st.sampled_from(["", " ", "\t"]))
def test_jsonl_columns_are_exact_for_any_record_text(text: str, ascii_only: bool,
                                                     gap: str) -> None:
    """Every character of a record's text maps onto the JSON it was written as."""
    import json

    from checker.places import json_text_map

    line = "{" + gap + '"id":' + gap + '"x",' + gap + '"text":' + gap + json.dumps(
        text, ensure_ascii=ascii_only) + gap + "}"
    offsets = json_text_map(line, text)
    assert offsets is not None
    for i, ch in enumerate(text):
        a, b = offsets.start(i), offsets.end(i + 1)
        assert json.loads('"' + line[a:b] + '"') == ch


html_words = st.lists(st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True), min_size=1, max_size=12)


@given(st.lists(st.tuples(html_words, st.sampled_from(["", "b", "em", "span"]),
                          st.sampled_from(["", "&amp;", "&#8217;", "<br>", "\n  "])),
                min_size=1, max_size=12))
def test_html_words_map_onto_themselves_in_the_page(paragraphs: list[Any]) -> None:
    """Each paragraph's words, one of them wrapped in an inline tag, followed by an entity or a
    break: every word of the text as an extractor gives it is found at its place in the page."""
    import html as html_lib
    import re

    from checker.htmlmap import html_offset_map

    page, lines = ["<html><head><title>x</title></head><body>"], []
    for words, tag, tail in paragraphs:
        shown = [f"<{tag}>{w}</{tag}>" if tag and k == len(words) // 2 else w
                 for k, w in enumerate(words)]
        page.append("<p>" + " ".join(shown) + " " + tail + " end</p>\n")
        lines.append(" ".join(words) + " " + html_lib.unescape(tail).replace("<br>", "\n")
                     .strip() + " end")
    source, extracted = "".join(page) + "</body></html>", "\n".join(lines)
    offsets = html_offset_map(source, extracted)
    for m in re.finditer(r"\w+", extracted):
        assert source.startswith(m.group(), offsets.start(m.start())), m.group()
