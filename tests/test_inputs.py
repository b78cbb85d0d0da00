"""Inputs: encodings, line endings, unreadable files and directory walks.

Every unreadable file gets one clear error that names it; the other files are still checked and
the exit code is 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from testkit import FIXTURES, cli, run_json, write

from checker.inputs import (
    DEFAULT_MAX_BYTES,
    InputError,
    build_document,
    decode,
    iter_files,
    kind_for,
    read_path,
)

DIRTY = "The the troops will leave.\n"  # one TY104 finding on line 1


def _by_path(data: dict[str, object]) -> dict[str, dict[str, object]]:
    return {Path(f["path"]).name: f for f in data["files"]}  # type: ignore[index, attr-defined]


def test_utf8_bom_is_dropped_and_columns_start_at_one(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + DIRTY.encode())
    doc = read_path(str(path))
    assert doc.text == DIRTY
    rc, data, _ = run_json(["--no-model", "--select", "TY104", path])
    (f,) = data["files"][0]["findings"]
    assert (f["line"], f["column"], f["end_column"]) == (1, 1, 8)
    assert rc == 1


def test_crlf_line_and_column(tmp_path: Path) -> None:
    content = "First line is fine.\r\n\r\nSecond paragraph: the the end.\r\n"
    path = write(tmp_path / "crlf.txt", content.encode())
    rc, data, _ = run_json(["--no-model", "--select", "TY104", path])
    (f,) = data["files"][0]["findings"]
    assert (f["line"], f["column"]) == (3, 19)
    assert f["end_column"] - f["column"] == len("the the")
    assert content[f["start"] : f["end"]] == "the the"
    assert rc == 1


def test_crlf_paragraphs_and_sentences(tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.txt", b"One. Two.\r\n\r\nThree.\r\n")
    doc = read_path(str(path))
    assert len(doc.text) == len(doc.source or "")
    assert [doc.text[s.start : s.end] for s in doc.sentences] == ["One.", "Two.", "Three."]
    assert len(doc.paragraphs) == 2


def test_undecodable_bytes_name_the_file_and_the_offset() -> None:
    with pytest.raises(InputError) as info:  # GBK: neither UTF-8 nor a Western code page
        decode("gbk.txt", b"Le " + "中文新闻报道内容。".encode("gbk"))
    message = str(info.value)
    assert "gbk.txt" in message and "UTF-8" in message and "offset 3" in message


def test_binary_input_is_refused() -> None:
    with pytest.raises(InputError, match=r"blob\.txt.*binary"):
        decode("blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@pytest.mark.parametrize("raw", [b"", b"   \n\n\t\n", b"\xef\xbb\xbf"])
def test_empty_input_is_refused(raw: bytes) -> None:
    with pytest.raises(InputError, match=r"empty\.txt.*empty"):
        decode("empty.txt", raw)


def test_size_limit() -> None:
    decode("ok.txt", b"a" * 100, max_bytes=100)
    with pytest.raises(InputError, match=r"big\.txt.*too large.*max-file-bytes"):
        decode("big.txt", b"a" * 101, max_bytes=100)
    assert DEFAULT_MAX_BYTES >= 1024 * 1024


def test_kind_for() -> None:
    assert kind_for("a.md") == "markdown"
    assert kind_for("a.MARKDOWN") == "markdown"
    assert kind_for("a.htm") == "html"
    assert kind_for("a.txt") == "text"
    assert kind_for("noext") == "text"


def test_every_bad_file_gets_its_own_error_and_the_rest_are_checked(tmp_path: Path) -> None:
    write(tmp_path / "checker.toml", "max-file-bytes = 2000\n")
    files = {
        "good.txt": DIRTY,
        "gbk.txt": "中文新闻报道内容。".encode("gbk"),
        "blob.txt": b"GIF89a\x00\x01\x00\x00",
        "empty.txt": b"",
        "huge.txt": "A sentence that repeats. " * 200,
        "zz-last.md": "# Title\n\nThe the end.\n",
    }
    paths = [write(tmp_path / name, content) for name, content in files.items()]
    paths.insert(3, tmp_path / "missing.txt")
    rc, data, err = run_json(["--no-model", "--select", "TY104", *paths], cwd=tmp_path)
    assert rc == 2
    by_name = _by_path(data)
    assert set(by_name) == {*files, "missing.txt"}
    assert by_name["good.txt"]["error"] is None
    assert len(by_name["good.txt"]["findings"]) == 1  # type: ignore[arg-type]
    assert by_name["zz-last.md"]["error"] is None
    assert len(by_name["zz-last.md"]["findings"]) == 1  # type: ignore[arg-type]
    expect = {"gbk.txt": "UTF-8", "blob.txt": "binary", "empty.txt": "empty",
              "huge.txt": "too large", "missing.txt": "no such file"}
    for name, why in expect.items():
        error = by_name[name]["error"]
        assert isinstance(error, str), name
        assert name in error and why in error, error
        assert by_name[name]["findings"] == []
    assert data["summary"]["files"] == len(files) + 1
    for name in expect:  # the errors also reach stderr for machine formats
        assert name in err


def test_text_format_reports_errors_and_still_lists_findings(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", DIRTY)
    bad = write(tmp_path / "bad.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    rc, out, _ = cli(["check", "--no-model", "--select", "TY104", bad, good])
    assert rc == 2
    assert "bad.txt" in out and "binary" in out
    assert "good.txt:1:1: warning: TY104" in out


def test_a_directory_walk_honours_excludes(tmp_path: Path) -> None:
    root = tmp_path / "drafts"
    write(tmp_path / "checker.toml", 'exclude = ["archive/", "*.draft.md", "/top-only.txt"]\n')
    for name in ("a.txt", "b.md", "c.html", "sub/d.txt", "sub/top-only.txt", "top-only.txt",
                 "archive/old.txt", "sub/archive/older.txt", "x.draft.md", ".hidden/e.txt",
                 "notes.py", "image.png"):
        write(root / name, DIRTY)
    write(root / "c.html", (FIXTURES / "article.html").read_bytes())
    walked = sorted(Path(p).relative_to(root).as_posix()
                    for p in iter_files([str(root)], ["archive/", "*.draft.md", "/top-only.txt"]))
    assert walked == ["a.txt", "b.md", "c.html", "sub/d.txt", "sub/top-only.txt"]
    rc, data, _ = run_json(["--no-model", "--select", "TY104", "drafts"], cwd=tmp_path)
    checked = sorted(Path(f["path"]).relative_to("drafts").as_posix() for f in data["files"])
    assert checked == walked
    assert rc == 1


def test_named_files_are_checked_whatever_their_suffix(tmp_path: Path) -> None:
    path = write(tmp_path / "NOTES", DIRTY)
    rc, data, _ = run_json(["--no-model", "--select", "TY104", path])
    assert rc == 1 and len(data["files"][0]["findings"]) == 1


def test_a_directory_is_not_an_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_path(str(tmp_path))


@pytest.mark.parametrize(("cwd", "target"), [
    ("project", "drafts"), ("project/drafts", "."), ("elsewhere", "../project/drafts"),
    ("elsewhere", "../project"),
])
def test_excludes_are_relative_to_the_config_file(tmp_path: Path, cwd: str, target: str) -> None:
    """Like .gitignore: a pattern means the same files wherever checker is run from."""
    project = tmp_path / "project"
    write(project / "checker.toml", 'exclude = ["drafts/old/"]\n')
    write(project / "drafts" / "old" / "x.txt", DIRTY)
    write(project / "drafts" / "new.txt", "Fine text.\n")
    (tmp_path / "elsewhere").mkdir()
    rc, data, _ = run_json(["--no-model", target], cwd=tmp_path / cwd)
    assert [Path(f["path"]).name for f in data["files"]] == ["new.txt"]
    assert rc == 0


def test_an_archive_s_date_stamp_before_a_page_is_metadata_not_prose() -> None:
    from checker.config import Settings
    from checker.engine import check_text

    text = " date 2023-10-01 Advertisement\nFollow the harbour live blog for all the updates.\n"
    doc = build_document("page.txt", text)
    assert doc.text.startswith(" " * 17 + "Advertisement") and len(doc.text) == len(text)
    result = check_text(text, "page.txt", "text", Settings(use_model=False, select=("SP102",)))
    (finding,) = result.findings
    assert text[finding.start:finding.end] == "Advertisement"
    # the fix removes the label and keeps the stamp
    assert finding.fix is not None
    (edit,) = finding.fix.edits
    assert text[:edit.start] + edit.replacement + text[edit.end:] == (
        " date 2023-10-01 \nFollow the harbour live blog for all the updates.\n")
    # a date in the text itself, or a stamp not at the start, is prose
    for prose in ("The date 2023-10-01 was set for the vote.\n", "Notes\ndate 2023-10-01 set\n"):
        assert build_document("page.txt", prose).text == prose
