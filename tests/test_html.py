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


CODE_PAGE = """<!doctype html><html><head><title>Ferry timetable scraper</title></head><body>
<article>
<h1>Scraping the harbour ferry timetable</h1>
<p>The harbour authority publishes its ferry timetable as a web page, and the the script below
reads it every morning so that the newsroom sees cancellations before readers do.</p>
<pre>
$ python scrape.py --port Kelso
Traceback (most recent call last):
  File "scrape.py", line 3, in &lt;module&gt;
  File "scrape.py", line 1, in &lt;module&gt;
which openssl
openssl version
fetch(url, {
</pre>
<p>The error above came from an old certificate store on the newsroom's build server, which
the desk replaced on Tuesday; the scraper has run every morning since then without a fault.</p>
<p>Run it with <code>python scrape.py</code> and it prints each sailing that was cancelled.</p>
<p><code>scrape.py --all --port Kelso --port Kelso</code></p>
</article></body></html>
"""


def test_code_blocks_are_not_checked_as_prose(tmp_path: Path) -> None:
    page = write(tmp_path / "scraper.html", CODE_PAGE)
    doc = read_path(str(page))
    assert "Traceback" not in doc.text and "openssl" not in doc.text  # blanked, same length
    assert "python scrape.py" in doc.text  # code inside a sentence stays part of it
    assert "--port Kelso --port" not in doc.text  # a paragraph that is all code does not
    rc, data, _ = run_json(["--no-model", page])
    assert rc == 1
    (entry,) = data["files"]
    found = [(f["code"], doc.text[f["start"]:f["end"]]) for f in entry["findings"]]
    assert found == [("TY104", "the the")]  # the prose mistake, nothing from the code
    line = CODE_PAGE.split("\n")[entry["findings"][0]["line"] - 1]
    assert "the the" in line


def test_a_page_that_is_all_code_is_a_clear_error(tmp_path: Path) -> None:
    page = write(tmp_path / "snippet.html", "<html><body><article><pre>\nimport os\n"
                 "print(os.getcwd())\nprint('done')\n</pre></article></body></html>\n")
    rc, out, err = cli(["check", "--no-model", page])
    assert rc == 2
    assert "snippet.html: the text extracted from this HTML is all code" in out + err
