"""Word tables kept between runs (checker.tablecache): built once, read back equal, built again
when a file they come from changes, and never in the way when the cache cannot be used."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import tablecache
from checker.rules import wordlist


@pytest.fixture(name="folder")
def folder_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CHECKER_STARTUP_CACHE", str(folder))
    return folder


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_built_once_then_read(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("alpha\nbeta\n", encoding="utf-8")
    value = {"words": frozenset({"alpha", "beta"}), "raw": b"\x00\x01", "starts": [0, 3]}
    calls, build = _counting(value)
    assert tablecache.table("demo", 1, [source], build) == value
    assert tablecache.table("demo", 1, [source], build) == value
    assert len(calls) == 1
    assert len(list(folder.glob("table-demo-*.marshal"))) == 1
    # a new version of the builder is a new table
    assert tablecache.table("demo", 2, [source], build) == value
    assert len(calls) == 2


def test_a_changed_source_builds_again_and_drops_the_old_table(folder: Path,
                                                               tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("alpha\n", encoding="utf-8")
    calls, build = _counting(["alpha"])
    tablecache.table("demo", 1, [source], build)
    source.write_text("alpha\ngamma\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))  # another size and time, as an upgraded package's file has
    tablecache.table("demo", 1, [source], build)
    assert len(calls) == 2
    assert len(list(folder.glob("table-demo-*.marshal"))) == 1
    # a table whose name the other's extends is another table, not an old one
    tablecache.table("demo-words", 1, [source], build)
    tablecache.table("demo", 3, [source], lambda: ["other"])  # rewritten: the old one goes
    assert len(list(folder.glob("table-demo-*.marshal"))) == 2


def test_a_damaged_table_is_built_again(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("alpha\n", encoding="utf-8")
    calls, build = _counting(("alpha", 1))
    tablecache.table("demo", 1, [source], build)
    (path,) = folder.glob("table-demo-*.marshal")
    path.write_bytes(b"\x00 not marshal data")
    assert tablecache.table("demo", 1, [source], build) == ("alpha", 1)
    assert len(calls) == 2
    assert tablecache.table("demo", 1, [source], build) == ("alpha", 1)
    assert len(calls) == 2  # rewritten whole


def test_off_or_unwritable_builds_every_time(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "words.txt"
    source.write_text("alpha\n", encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    for setting in ("0", str(blocker / "cache")):
        monkeypatch.setenv("CHECKER_STARTUP_CACHE", setting)
        calls, build = _counting([1, 2])
        assert tablecache.table("demo", 1, [source], build) == [1, 2]
        assert tablecache.table("demo", 1, [source], build) == [1, 2]
        assert len(calls) == 2
    assert not any(tmp_path.rglob("table-*"))


@pytest.fixture(name="fresh_tables")
def fresh_tables_fixture(folder: Path) -> Iterator[Path]:
    def clear() -> None:
        for cached in (wordlist._packed, wordlist._misspellings, wordlist.available,
                       wordlist.zipf, wordlist.known_words):
            cached.cache_clear()

    clear()
    yield folder
    clear()


def test_the_word_tables_read_back_are_the_ones_built(fresh_tables: Path) -> None:
    """wordfreq's unpacked lists, the small list's words and codespell's one-fix misspellings,
    from the file, equal what reading the packages' own files gives."""
    if not wordlist.available():
        pytest.skip("wordfreq is not installed")
    built = (wordlist._packed("small"), wordlist._packed("large"), wordlist.known_words(),
             wordlist._misspellings())
    assert len(list(fresh_tables.glob("table-*.marshal"))) == 3 + bool(built[3])
    for cached in (wordlist._packed, wordlist._misspellings, wordlist.known_words):
        cached.cache_clear()
    read = (wordlist._packed("small"), wordlist._packed("large"), wordlist.known_words(),
            wordlist._misspellings())
    assert read == built
    assert built[0] == wordlist._read("small") and built[1] == wordlist._read("large")
    assert "dawson" in built[2] or "the" in built[2]
    if built[3]:
        assert "seperate" in built[3]
        assert wordlist.common_misspelling("seperate") == "separate"
