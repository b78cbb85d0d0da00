"""HTML and JSON Lines input: every format points at the line and column of the file itself.

For HTML the extracted words are found again in the markup (``checker.htmlmap``); for a JSON Lines
record the line is the record's and the column a character of its JSON string.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from testkit import cli, run_json, write

from checker.htmlmap import html_offset_map
from checker.inputs import read_path
from checker.places import OffsetMap, json_text_map
from checker.reporters.github import main as annotations_main

FILLER = ("Officials in the region said on {day} that the talks on water rights for district "
          "{n} would resume after a pause of several weeks, according to the ministry.")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def _page() -> str:
    """A page whose furniture repeats the article's words, with the finding deep in the body."""
    paras = []
    for n in range(1, 31):
        text = FILLER.format(day=DAYS[n % 5], n=n)
        if n % 4 == 0:
            text = text.replace("the ministry", "the <em>ministry</em> &amp; its agencies")
        if n == 27:
            text = text.replace("would resume", "would resume the the hearings")
        paras.append(f"    <p>{text}</p>")
    return "\n".join([
        "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "  <meta charset=\"utf-8\">",
        "  <title>Talks would resume the the hearings</title>",
        "  <script>var s = 'talks would resume the the hearings';</script>", "</head>",
        "<body>",
        "  <nav><a href=\"/\">Home</a> | <a href=\"/w\">World</a> | the the</nav>",
        "  <article>", "    <h1>Water talks to resume</h1>", *paras, "  </article>",
        "  <footer>Copyright 2024 Example News. All rights reserved.</footer>",
        "</body>", "</html>", ""])


def _where(source: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the one occurrence of ``needle`` in ``source``."""
    assert source.count(needle) == 1, needle
    at = source.index(needle)
    line = source.count("\n", 0, at) + 1
    return line, at - (source.rfind("\n", 0, at) + 1) + 1


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    return write(tmp_path / "page.html", _page())


def test_html_finding_deep_in_the_body_points_at_its_line_in_every_format(page: Path) -> None:
    source = page.read_text(encoding="utf-8")
    line, col = _where(source, "the the hearings after")
    args = ["--no-model", "--select", "TY104", page]

    rc, data, _ = run_json(args)
    assert rc == 1
    (f,) = data["files"][0]["findings"]
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (line, col, line, col + 7)
    extracted = read_path(str(page)).text  # start/end stay offsets into the extracted text
    assert extracted[f["start"]:f["end"]] == "the the"
    assert "extracted" in data["files"][0]["positions"]

    _, out, _ = cli(["check", "--format", "github", *args])
    assert f"file={page},line={line},endLine={line},col={col},endColumn={col + 7}," in out

    _, out, _ = cli(["check", "--format", "sarif", *args])
    (result,) = json.loads(out)["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (
        line, col, col + 7)
    assert "charOffset" not in region  # an offset into extracted text would contradict the line

    _, out, _ = cli(["check", "--format", "text", *args])
    assert f"{page}:{line}:{col}: warning: TY104" in out

    _, out, _ = cli(["check", "--format", "markdown", *args])
    assert f"{page}:{line}:{col}`" in out

    _, out, _ = cli(["check", "--format", "html", *args])
    embedded = re.search(r'id="checker-data">(.*?)</script>', out, re.S)
    assert embedded is not None
    payload = json.loads(embedded[1])
    (shown,) = payload["documents"][0]["findings"]
    assert (shown["line"], shown["column"]) == (line, col)


def test_every_extracted_word_is_found_at_its_place_in_the_page(page: Path) -> None:
    doc = read_path(str(page))
    source = page.read_text(encoding="utf-8")
    assert doc.place is not None and doc.place.offsets is not None
    words = list(re.finditer(r"\w+", doc.text))
    for m in words:
        at = doc.place.offsets.start(m.start())
        assert source.startswith(m.group(), at), (m.group(), source[at:at + 20])
    assert "ministry & its agencies" in doc.text  # the entity was decoded on the way


def test_html_mapping_skips_furniture_that_repeats_the_article() -> None:
    html = ("<html><head><title>Niger troops leave</title></head><body>"
            "<nav>Niger troops leave | Home</nav>\n<article>\n<p>Niger troops leave today.</p>"
            "</article></body></html>")
    extracted = "Niger troops leave today."
    offsets = html_offset_map(html, extracted)
    assert offsets.start(0) == html.index("Niger troops leave today")


def test_unparseable_or_unmatched_html_maps_to_nothing_rather_than_failing() -> None:
    offsets = html_offset_map("<p>one two</p>", "completely different words")
    assert len(offsets) == 0
    assert offsets.start(5) == 0


def _archive(tmp_path: Path) -> tuple[Path, list[str]]:
    rows = [
        json.dumps({"id": "a1", "text": "The council met on Monday. It was was over."}),
        "",
        json.dumps({"id": "a2", "origin": "x",
                    "text": "Héllo \"quoted\"\nnew line, then the the end. 😀 x"},
                   ensure_ascii=False),
        json.dumps({"text": "Escaped é 😀 line\nand and again.", "id": "a3"}),
        '{"id": "a4", "text": "first", "text": "Repeated key: the the last one counts."}',
    ]
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path, rows


def _flagged(raw_line: str, column: int, end_column: int) -> str:
    """The text a column range of a JSON line stands for, escapes decoded."""
    decoded: str = json.loads('"' + raw_line[column - 1:end_column - 1] + '"')
    return decoded


def test_jsonl_findings_point_at_their_record_line_and_json_string_column(
        tmp_path: Path) -> None:
    archive, rows = _archive(tmp_path)
    rc, data, _ = run_json(["--no-model", "--select", "TY104", archive])
    assert rc == 1
    expected_line = {f"{archive}#a{k}": n for k, n in ((1, 1), (2, 3), (3, 4), (4, 5))}
    seen = 0
    for entry in data["files"]:
        assert "record's line" in entry["positions"]
        for f in entry["findings"]:
            line = expected_line[entry["path"]]
            assert f["line"] == f["end_line"] == line
            assert _flagged(rows[line - 1], f["column"], f["end_column"]) == f["text"]
            seen += 1
    assert seen == 4

    _, out, _ = cli(["check", "--format", "github", "--no-model", "--select", "TY104", archive])
    lines = sorted(int(m[1]) for m in re.finditer(r"file=[^,]*archive\.jsonl,line=(\d+)", out))
    assert lines == [1, 3, 4, 5]
    assert "#" not in out.split("title=")[0]  # the file is the archive; the record is in the title

    _, out, _ = cli(["check", "--format", "sarif", "--no-model", "--select", "TY104", archive])
    results = json.loads(out)["runs"][0]["results"]
    for r in results:
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].endswith("archive.jsonl")
        assert location["region"]["startLine"] == expected_line[r["properties"]["document"]]


def test_text_report_says_once_what_archive_positions_mean(tmp_path: Path) -> None:
    archive, _ = _archive(tmp_path)
    _, out, _ = cli(["check", "--no-model", "--select", "TY104", archive])
    assert f"{archive}#a3:4:" in out
    assert out.count("record's line") == 1
    assert "extracted from the HTML" not in out


def test_json_text_map_is_exact_for_escapes_and_astral_characters() -> None:
    text = 'a"b\\c\n\té😀\u2028 z\x01'
    for ascii_only in (True, False):
        line = json.dumps({"id": 1, "text": text}, ensure_ascii=ascii_only)
        offsets = json_text_map(line, text)
        assert offsets is not None
        for i, ch in enumerate(text):
            a, b = offsets.start(i), offsets.end(i + 1)
            assert json.loads('"' + line[a:b] + '"') == ch, (i, ch, line[a:b])


@pytest.mark.parametrize("line", ['{"text": 5}', '["text"]', '{"id": "x"}', "not json",
                                  '{"text": "other"}'])
def test_json_text_map_gives_none_when_it_cannot_be_exact(line: str) -> None:
    assert json_text_map(line, "text") is None


def test_offset_map_between_and_inside_pieces() -> None:
    offsets = OffsetMap.of([(0, 3, 10, 13), (4, 5, 20, 26), (6, 9, 40, 43)])
    assert [offsets.start(i) for i in range(10)] == [10, 11, 12, 13, 20, 26, 40, 41, 42, 43]
    assert offsets.end(5) == 26 and offsets.end(3) == 13 and offsets.end(8) == 42


def test_sarif_information_uri_comes_from_package_metadata(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from email.message import Message

    from checker.reporters import sarif

    def fake(urls: list[str]) -> Message:
        meta = Message()
        for url in urls:
            meta["Project-URL"] = url
        return meta

    monkeypatch.setattr(sarif.metadata, "metadata", lambda name: fake(
        ["Issues, https://example.org/checker/issues", "Homepage, https://example.org/checker"]))
    sarif.project_url.cache_clear()
    try:
        driver = sarif.as_dict([])["runs"][0]["tool"]["driver"]
        assert driver["informationUri"] == "https://example.org/checker"
        monkeypatch.setattr(sarif.metadata, "metadata", lambda name: fake([]))
        sarif.project_url.cache_clear()
        assert "informationUri" not in sarif.as_dict([])["runs"][0]["tool"]["driver"]
    finally:
        sarif.project_url.cache_clear()


def test_annotations_from_a_sarif_file_match_the_github_format(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = write(tmp_path / "d r,aft.txt", "Officials said the the talks,, resumed.\n")
    broken = write(tmp_path / "broken.txt", b"\x00\x01\x02")
    report = tmp_path / "out.sarif"
    cli(["check", "--no-model", "--format", "sarif", "-o", report, draft, broken])
    _, direct, _ = cli(["check", "--no-model", "--format", "github", draft, broken])
    capsys.readouterr()
    assert annotations_main([str(report)]) == 0
    assert capsys.readouterr().out == direct
    assert "%2C" in direct and "::error file=" in direct  # escaped name; the unreadable file


def test_annotations_from_a_missing_or_broken_sarif_file_name_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert annotations_main([str(tmp_path / "none.sarif")]) == 2
    assert "none.sarif" in capsys.readouterr().err
    bad = write(tmp_path / "bad.sarif", "{not json")
    assert annotations_main([str(bad)]) == 2
    assert "bad.sarif: not a readable SARIF report" in capsys.readouterr().err
