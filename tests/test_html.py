"""HTML input: the article text is extracted; reports point into the HTML file and say so."""

from __future__ import annotations

from pathlib import Path

from testkit import FIXTURES, cli, run_json, write

from checker.inputs import InputError, build_document, read_path

ARTICLE = FIXTURES / "article.html"


def test_extracts_the_article_not_the_page_furniture() -> None:
    doc = read_path(str(ARTICLE))
    assert doc.kind == "html"
    assert not doc.offsets_are_source
    assert "More than 1,000 U.S. military personnel" in doc.text
    assert "Thousands of protesters" in doc.text
    for furniture in ("Copyright 2024", "All rights reserved", "<p>", "charset"):
        assert furniture not in doc.text
    assert doc.source is not None and "<article>" in doc.source
    paragraphs = [doc.text[p.start : p.end] for p in doc.paragraphs]
    assert any(p.startswith("The talks broke down") for p in paragraphs)


def test_json_offsets_are_the_extracted_texts_and_lines_the_files_and_it_says_so() -> None:
    rc, data, _ = run_json(["--no-model", "--select", "TY104", ARTICLE])
    assert rc == 1
    (entry,) = data["files"]
    assert "extracted" in entry.get("positions", "")
    (f,) = entry["findings"]
    extracted = read_path(str(ARTICLE)).text
    assert extracted[f["start"] : f["end"]] == "the the"
    line = ARTICLE.read_text(encoding="utf-8").split("\n")[f["line"] - 1]
    assert line[f["column"] - 1 : f["end_column"] - 1] == "the the"


def test_text_report_says_positions_are_in_extracted_text() -> None:
    rc, out, _ = cli(["check", "--no-model", "--select", "TY104", ARTICLE])
    assert rc == 1
    assert "TY104" in out
    assert "extracted" in out.lower(), out


def test_json_fix_edits_never_point_into_the_wrong_text() -> None:
    """Edits are offsets into the extracted text, not the HTML file: do not offer them as a fix
    for the file (the SARIF reporter already leaves them out)."""
    _, data, _ = run_json(["--no-model", "--select", "TY104", ARTICLE])
    (f,) = data["files"][0]["findings"]
    assert f["fix"] is None


def test_html_suppression_comment_applies_to_the_article(tmp_path: Path) -> None:
    page = ARTICLE.read_text(encoding="utf-8").replace(
        "<article>", "<article><!-- checker: ignore TY104 -->")
    path = write(tmp_path / "page.html", page)
    rc, data, _ = run_json(["--no-model", "--select", "TY104", path])
    assert data["files"][0]["error"] is None
    assert data["files"][0]["findings"] == []
    assert rc == 0


def test_html_without_article_text_is_a_clear_error() -> None:
    try:
        build_document("empty.html", "<html><body><script>x()</script></body></html>", "html")
    except InputError as exc:
        assert "empty.html" in str(exc)
    else:
        raise AssertionError("an HTML page with no text must be an input error")
