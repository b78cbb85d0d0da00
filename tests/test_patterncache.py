"""The compiled-pattern cache (checker.patterncache): written once, read by later processes, the
same findings with or without it, and never in the way when its file is damaged or cannot be
written. Each check runs in a process of its own, since the cache fills ``re``'s, which is
global to a process."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest
from testkit import REPO_ROOT, cli_env

from checker import patterncache

pytestmark = pytest.mark.skipif(not patterncache.enabled(), reason="CPython 3.11 only")


def _check(cache: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--no-model", "--no-cache", "--format",
         "json", "seeds/"],
        capture_output=True, cwd=REPO_ROOT, env=cli_env(CHECKER_STARTUP_CACHE=cache),
        timeout=120)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    assert proc.stderr == b""
    return proc.stdout.decode()


def _file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CHECKER_STARTUP_CACHE", str(folder))
    return patterncache.cache_path()


def test_written_once_then_read_with_the_same_findings(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = _file(tmp_path, monkeypatch)
    first = _check(str(tmp_path))
    assert path.is_file()
    written, stamp = path.read_bytes(), path.stat().st_mtime_ns
    header, entries = marshal.loads(written)
    assert len(entries) > 300  # the rules' patterns and the warm-up check's
    assert header == patterncache._header()
    assert _check(str(tmp_path)) == first  # read, not written again
    assert path.read_bytes() == written and path.stat().st_mtime_ns == stamp
    assert _check("0") == first  # and without the cache at all
    assert not any(Path(tmp_path).glob("*.tmp"))


def test_each_entry_is_what_re_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stored opcodes are a fresh compile's, and a pattern rebuilt from them matches as
    ``re``'s own does."""
    path = _file(tmp_path, monkeypatch)
    _check(str(tmp_path))
    _, entries = marshal.loads(path.read_bytes())
    text = (REPO_ROOT / "seeds" / "niger-withdrawal.txt").read_text(encoding="utf-8")
    for entry in entries:
        pattern, flags = entry[0], entry[1]
        assert patterncache._entry(pattern, flags) == entry
        fresh = re._compiler.compile(pattern, flags)  # type: ignore[attr-defined]
        rebuilt = patterncache._rebuild(entry)
        assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (
            fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
        assert [m.span() for m in rebuilt.finditer(text)] == [
            m.span() for m in fresh.finditer(text)]


def test_a_damaged_or_stale_file_is_written_again(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = _file(tmp_path, monkeypatch)
    good = _check("0")
    path.write_bytes(b"\x00 not marshal data")
    assert _check(str(tmp_path)) == good
    header, entries = marshal.loads(path.read_bytes())
    assert header == patterncache._header() and len(entries) > 300
    # a pattern the file lacks (the code changed since it was written): written again, whole
    path.write_bytes(marshal.dumps((header, entries[1:])))
    assert _check(str(tmp_path)) == good
    assert len(marshal.loads(path.read_bytes())[1]) == len(entries)
    # another Python's file under this name is not read
    path.write_bytes(marshal.dumps((("another", "python"), entries)))
    assert _check(str(tmp_path)) == good
    assert marshal.loads(path.read_bytes())[0] == header


def test_a_folder_that_cannot_be_written_changes_nothing(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert _check(str(blocker / "cache")) == _check("0")
    # and costs nothing: no warm-up is run for a file that could not be written
    monkeypatch.setenv("CHECKER_STARTUP_CACHE", str(blocker / "cache"))
    warmed: list[int] = []
    assert patterncache.save(set(), lambda: warmed.append(1)) is False
    assert warmed == []


def test_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_STARTUP_CACHE", "0")
    assert not patterncache.enabled()
    env_home = tmp_path / "home"
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--no-model", "--no-cache", "seeds/"],
        capture_output=True, cwd=REPO_ROOT, timeout=120,
        env=cli_env(CHECKER_STARTUP_CACHE="0", XDG_CACHE_HOME=str(env_home)))
    assert proc.returncode in (0, 1)
    assert not env_home.exists() or not any(env_home.rglob("patterns-*"))
