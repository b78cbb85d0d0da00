"""Bad-input corpus, fixing and writing: ``--fix`` keeps what the user had or refuses cleanly."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from testkit import cli, write

from checker.atomic import write_bytes

DIRTY = "The the troops will leave.\n"
FIXED = "The troops will leave.\n"


def _fix(*paths: Path) -> tuple[int, str, str]:
    return cli(["check", "--no-model", "--select", "TY104", "--fix", *paths])


def test_fix_writes_through_a_symlink(tmp_path: Path) -> None:
    real = write(tmp_path / "real.txt", DIRTY)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    rc, _, _ = _fix(link)
    assert rc == 0 and link.is_symlink()
    assert real.read_text() == FIXED and link.read_text() == FIXED


def test_fix_keeps_a_hard_link(tmp_path: Path) -> None:
    first = write(tmp_path / "first.txt", DIRTY)
    second = tmp_path / "second.txt"
    os.link(first, second)
    _fix(first)
    assert os.path.samefile(first, second) and second.read_text() == FIXED
    assert (tmp_path / "first.txt.orig").read_text() == DIRTY


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_fix_keeps_the_mode_on_the_file_and_its_backup(tmp_path: Path, mode: int) -> None:
    draft = write(tmp_path / "draft.txt", DIRTY)
    draft.chmod(mode)
    _fix(draft)
    backup = tmp_path / "draft.txt.orig"
    assert draft.read_text() == FIXED and backup.read_text() == DIRTY
    assert stat.S_IMODE(draft.stat().st_mode) == mode
    assert stat.S_IMODE(backup.stat().st_mode) == mode


def test_a_read_only_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.txt", DIRTY)
    draft.chmod(0o444)
    rc, out, err = _fix(draft)
    assert rc == 2 and "read-only" in err and "Traceback" not in err
    assert "Fixed 0 finding(s) in 0 file(s)" in err
    assert draft.read_text() == DIRTY and not (tmp_path / "draft.txt.orig").exists()
    assert "TY104" in out  # the finding is still reported


def test_a_read_only_folder_is_a_message(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    draft = write(tmp_path / "draft.txt", DIRTY)

    def refuse(*args: object, **kwargs: object) -> object:  # as a 0555 folder does (not to root)
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    rc, _, err = _fix(draft)
    assert rc == 2 and "cannot write" in err and "Permission denied" in err
    assert draft.read_text() == DIRTY


def test_a_file_deleted_while_checked_is_a_message(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import checkflow

    draft = write(tmp_path / "draft.txt", DIRTY)
    original = checkflow.fix_loop

    def vanish(*args: object, **kwargs: object) -> object:
        draft.unlink()
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checkflow, "fix_loop", vanish)
    rc, _, err = _fix(draft)
    assert rc == 2 and "deleted while it was checked" in err and not draft.exists()


def test_a_legacy_encoded_file_is_fixed_in_its_own_encoding(tmp_path: Path) -> None:
    text = "The café’s owner said the the troops will leave.\n"
    draft = write(tmp_path / "old.txt", text.encode("cp1252"))
    rc, _, _ = _fix(draft)
    assert rc == 0
    assert draft.read_bytes() == text.replace("the the", "the").encode("cp1252")


def test_a_utf16_file_keeps_its_byte_order_mark(tmp_path: Path) -> None:
    draft = write(tmp_path / "wide.txt", b"\xff\xfe" + DIRTY.encode("utf-16-le"))
    _fix(draft)
    assert draft.read_bytes() == b"\xff\xfe" + FIXED.encode("utf-16-le")


def test_atomic_writes_refuse_a_folder_and_leave_no_temporary_file(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_bytes(tmp_path, b"x")
    assert list(tmp_path.iterdir()) == []


def test_report_out_naming_a_file_is_a_message(tmp_path: Path) -> None:
    draft = write(tmp_path / "a.txt", DIRTY)
    rc, _, err = cli(["report", "--no-model", "--no-progress", draft, "--out", draft])
    assert rc == 2 and "not a folder" in err and draft.read_text() == DIRTY


def test_a_report_inside_its_input_tree_never_checks_itself(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    write(drafts / "a.txt", DIRTY)
    for _ in range(2):
        rc, _, err = cli(["report", "--no-model", "--no-progress", "--jobs", "1", drafts,
                          "--out", drafts / "report"])
        assert rc == 0, err
        assert "1 document(s)" in err
