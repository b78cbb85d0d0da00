"""Bad-input corpus, reading and decoding: what a careless or hostile user feeds the checker.

Large cases are generated here, at test time. Every case ends in a clear message that names the
input and an exit code that means one thing: 0 clean, 1 findings, 2 usage or input error.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import stat
from pathlib import Path

import pytest
from testkit import cli, run_cli, run_json, write

from checker.inputs import build_document, iter_files, read_bytes, split_record
from checker.reading import ReadError, decode_bytes, read_limited, read_stream

DIRTY = "The the troops will leave.\n"  # one TY104 finding


class Endless(io.RawIOBase):
    """``yes | checker check -``: a stream that never ends."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        buffer[:] = b"y" * len(buffer)
        return len(buffer)


def test_an_endless_stream_stops_one_byte_past_the_limit() -> None:
    stream = Endless()
    with pytest.raises(ReadError, match="too large"):
        read_stream(stream, 100_000)  # type: ignore[arg-type]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_refused_by_type_before_reading() -> None:
    with pytest.raises(ReadError, match="character device"):
        read_limited("/dev/zero", 1000)
    rc, out, _ = run_cli(["check", "--no-model", "/dev/zero"], timeout=30)
    assert rc == 2 and "/dev/zero" in out and "character device" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_and_never_blocks(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    rc, out, _ = cli(["check", "--no-model", fifo])  # would block forever if opened for reading
    assert rc == 2 and "pipe.txt" in out and "FIFO" in out


def test_stdin_over_the_limit_is_an_error_not_a_memory_error(tmp_path: Path) -> None:
    write(tmp_path / "checker.toml", "max-file-bytes = 1000\n")
    rc, data, _ = run_json(["--no-model", "-"], stdin=b"y\n" * 5000, cwd=tmp_path)
    assert rc == 2 and "too large" in data["files"][0]["error"]


def test_a_file_over_the_limit_is_refused_by_size(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", b"word " * 300_000)
    with pytest.raises(ReadError, match="too large"):
        read_limited(str(big), 1_000_000)


def test_a_symlink_loop_is_a_message(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    rc, out, err = cli(["check", "--no-model", loop])
    assert rc == 2 and "symlink loop" in out and "Traceback" not in out + err


def test_an_unreadable_folder_is_reported(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "ok" / "a.txt", DIRTY)
    locked = tmp_path / "locked"
    write(locked / "b.txt", DIRTY)
    real_scandir = os.scandir

    def scandir(path: str) -> object:  # root reads a 0000 folder, so refuse it here instead
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problems: list[str] = []
    files = list(iter_files([str(tmp_path)], problems=problems))
    assert [Path(f).name for f in files] == ["a.txt"]
    assert any("locked" in p and "cannot be read" in p for p in problems)
    monkeypatch.undo()
    rc, out, _ = cli(["check", "--no-model", tmp_path])
    assert rc == 1 and "locked/b.txt" in out  # without the patch both are read


def test_an_empty_folder_is_an_error_alone_and_a_note_among_others(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    rc, out, _ = cli(["check", "--no-model", tmp_path / "empty"])
    assert rc == 2 and "no .txt" in out
    good = write(tmp_path / "good.txt", "Nothing wrong here at all.\n")
    rc, _, err = cli(["check", "--no-model", tmp_path / "empty", good])
    assert rc == 0 and "empty" in err and "no .txt" in err


def test_report_outputs_are_never_walked(tmp_path: Path) -> None:
    write(tmp_path / "drafts" / "a.md", DIRTY)
    write(tmp_path / "drafts" / "report" / ".checker-output", "")
    write(tmp_path / "drafts" / "report" / "docs" / "a.html", "<p>The the</p>")
    files = [Path(f).name for f in iter_files([str(tmp_path / "drafts")])]
    assert files == ["a.md"]


@pytest.mark.parametrize(("codec", "bom"), [
    ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-32-le", codecs.BOM_UTF32_LE),
    ("utf-32-be", codecs.BOM_UTF32_BE)])
def test_byte_order_marks_name_the_encoding(codec: str, bom: bytes, tmp_path: Path) -> None:
    path = write(tmp_path / "marked.txt", bom + DIRTY.encode(codec))
    decoded = decode_bytes(path.read_bytes())
    assert (decoded.text, decoded.encoding) == (DIRTY, codec)
    rc, data, err = run_json(["--no-model", "--select", "TY104", path])
    (finding,) = data["files"][0]["findings"]
    assert (finding["line"], finding["column"], rc) == (1, 1, 1)
    assert ("read as" in err) == (codec != "utf-8")


@pytest.mark.parametrize(("text", "codec"), [
    ("The café’s “owner” said the the troops will leave — today.\n", "cp1252"),
    ("Café au lait, naïve façade: the the end.\n", "latin-1"),
])
def test_legacy_8_bit_text_is_read_and_said(text: str, codec: str, tmp_path: Path) -> None:
    path = write(tmp_path / "old.txt", text.encode(codec))
    decoded = decode_bytes(path.read_bytes())
    assert decoded.text == text and decoded.encoding == "cp1252"
    rc, data, err = run_json(["--no-model", "--select", "TY104", path])
    assert rc == 1 and "old.txt: not UTF-8; read as cp1252" in err
    assert len(data["files"][0]["findings"]) == 1


def test_lone_cr_line_ends_put_findings_on_their_lines() -> None:
    text = "A first line.\rA second line.\rThen the the third.\r"
    doc = build_document("mac.txt", text)
    assert len(doc.text) == len(text)
    assert doc.line_count == 4 and doc.line_col(text.index("the the")) == (3, 6)
    crlf = build_document("win.txt", text.replace("\r", "\r\n"))
    assert crlf.line_col(crlf.text.index("the the")) == (3, 6)


def test_lone_cr_keeps_spam_findings(tmp_path: Path) -> None:
    body = ["The council met on Monday to discuss the budget for next year."] * 3
    body.insert(2, "READ MORE: Ten things you did not know about the budget")
    body.insert(4, "Leave a Reply")
    unix = write(tmp_path / "unix.txt", "\n\n".join(body) + "\n")
    mac = write(tmp_path / "mac.txt", "\r\r".join(body) + "\r")
    _, data, _ = run_json(["--no-model", "--select", "SP", unix, mac])
    unix_codes, mac_codes = ([(f["code"], f["line"]) for f in entry["findings"]]
                             for entry in data["files"])
    assert unix_codes and unix_codes == mac_codes


def test_jsonl_splits_records_only_at_line_feeds(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": "One line\u2028still the same record\u0085and this."},
            {"id": "b#2", "text": "The the id has a hash."},
            {"id": "a", "text": "A repeated id."}]
    archive = write(tmp_path / "feed.jsonl",
                    "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    records = list(iter_files([str(archive)]))
    assert [split_record(r)[1] for r in records] == ["a", "b#2", "line-3"]  # type: ignore[index]
    assert "\u2028" in read_bytes(records[0]).decode()
    assert read_bytes(f"{archive}#b#2") == b"The the id has a hash."
    rc, out, _ = cli(["check", "--no-model", archive])
    assert rc == 2 and "repeats the id 'a' of line 1" in out and "b#2" in out


def test_escape_sequences_in_drafts_and_names_never_reach_the_terminal(tmp_path: Path) -> None:
    path = write(tmp_path / "evil\x1b[2J.txt", "Hidden \x1b]0;owned\x07 the the text.\n")
    rc, out, _ = cli(["check", "--no-model", "--select", "TY104", path])
    assert rc == 1 and "\x1b" not in out and "\x07" not in out
    assert "evil\ufffd[2J.txt" in out


def test_dash_o_onto_a_folder_or_an_input_is_refused(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.txt", DIRTY)
    rc, _, err = cli(["check", "--no-model", draft, "-o", tmp_path])
    assert rc == 2 and "is a directory" in err
    rc, _, err = cli(["check", "--no-model", draft, "-o", draft])
    assert rc == 2 and "refusing to overwrite" in err
    rc, _, err = cli(["check", "--no-model", tmp_path, "-o", draft])
    assert rc == 2 and draft.read_text() == DIRTY


def test_exclude_given_as_a_string_is_one_pattern(tmp_path: Path) -> None:
    write(tmp_path / "checker.toml", 'exclude = "*.txt"\n')
    write(tmp_path / "a.txt", DIRTY)
    write(tmp_path / "b.md", DIRTY)
    rc, data, _ = run_json(["--no-model", "--select", "TY104", "."], cwd=tmp_path)
    assert [Path(f["path"]).name for f in data["files"]] == ["b.md"] and rc == 1


def test_unknown_nli_keys_and_missing_model_folders_are_errors(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", DIRTY)
    write(tmp_path / "checker.toml", "[nli]\nthreshhold = 0.9\n")
    rc, _, err = cli(["check", "--no-model", "a.txt"], cwd=tmp_path)
    assert rc == 2 and "threshhold" in err
    write(tmp_path / "checker.toml", '[nli]\nmodel = "./no-such-model"\n')
    rc, _, err = cli(["check", "a.txt"], cwd=tmp_path)
    assert rc == 2 and "no-such-model" in err and "not a folder" in err


def test_a_relative_model_folder_is_resolved_from_the_config_file(tmp_path: Path) -> None:
    from checker.config import settings_for

    (tmp_path / "models" / "mine").mkdir(parents=True)
    write(tmp_path / "checker.toml", '[nli]\nmodel = "models/mine"\n')
    write(tmp_path / "sub" / "a.txt", DIRTY)
    settings = settings_for(str(tmp_path / "sub" / "a.txt"))
    assert settings.nli["model"] == str((tmp_path / "models" / "mine").resolve())


def test_every_exit_path_keeps_to_its_code(tmp_path: Path) -> None:
    clean = write(tmp_path / "clean.txt", "Nothing to see in this short and tidy line.\n")
    dirty = write(tmp_path / "dirty.txt", DIRTY)
    assert cli(["check", "--no-model", clean])[0] == 0
    assert cli(["check", "--no-model", dirty])[0] == 1
    assert cli(["check", "--no-model", tmp_path / "missing.txt"])[0] == 2
    assert cli(["check", "--no-model", "--select", "ZZ9", clean])[0] == 2
    mode = stat.S_IMODE(clean.stat().st_mode)
    assert mode  # the file itself was left as it was


@pytest.mark.parametrize(("error", "words"), [
    (MemoryError(), "out of memory"), (RecursionError(), "nested too deeply"),
    (PermissionError(13, "Permission denied", "x.txt"), "x.txt: Permission denied"),
    (KeyError("boom"), "internal error (KeyError"),
])
def test_no_error_ends_in_a_traceback_or_exit_1(error: BaseException, words: str,
                                               monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    from checker import commands

    def fail(*args: object) -> object:
        raise error

    monkeypatch.setattr(commands, "collect", fail)
    rc, _, err = cli(["check", "--no-model", write(tmp_path / "a.txt", DIRTY)])
    assert rc == 2 and words in err and "Traceback" not in err
