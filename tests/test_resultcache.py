"""The result cache of ``checker check``: an unchanged file's findings are reused, anything that
decides findings changes the key, and a broken or unwritable cache never costs a result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from testkit import cli, write

from checker import engine, resultcache
from checker.config import Settings
from checker.engine import RAN_OUT, check_file
from checker.inputs import build_document
from checker.resultcache import ResultCache, cache_folder

DIRTY = "The the troops left.\n\nIt was over. .\n"  # TY104 on line 1, TY101 on line 3
RULES_ONLY = Settings(use_model=False)


@pytest.fixture(autouse=True)
def cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    monkeypatch.delenv("CHECKER_CACHE_DIR", raising=False)
    resultcache.open_cache.cache_clear()


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


def _no_rules(*args: object, **kwargs: object) -> list[object]:
    raise AssertionError("the rules ran although the cache held this document")


def test_second_run_reads_the_cache_and_reports_the_same(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    draft = write(tmp_path / "draft.txt", DIRTY)
    rc1, out1, _ = cli(["check", "--no-model", "--format", "json", draft], cwd=tmp_path)
    assert rc1 == 1
    assert len(_entries(tmp_path / ".checker_cache")) == 1
    monkeypatch.setattr(engine, "check_document", _no_rules)
    rc2, out2, err2 = cli(["check", "--no-model", "--format", "json", draft], cwd=tmp_path)
    assert (rc2, out2) == (rc1, out1), err2
    codes = [f["code"] for f in json.loads(out2)["files"][0]["findings"]]
    assert codes == ["TY104", "TY101"]


def test_an_edited_file_is_checked_again(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.txt", DIRTY)
    cli(["check", "--no-model", draft], cwd=tmp_path)
    draft.write_text("The troops left.\n", encoding="utf-8")
    rc, out, _ = cli(["check", "--no-model", draft], cwd=tmp_path)
    assert rc == 0, out
    assert len(_entries(tmp_path / ".checker_cache")) == 2


def test_no_cache_and_the_environment_turn_it_off(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    draft = write(tmp_path / "draft.txt", DIRTY)
    cli(["check", "--no-model", "--no-cache", draft], cwd=tmp_path)
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    cli(["check", "--no-model", draft], cwd=tmp_path)
    assert not (tmp_path / ".checker_cache").exists()


def test_cache_dir_moves_it_and_the_folder_is_marked(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.txt", DIRTY)
    elsewhere = tmp_path / "elsewhere"
    cli(["check", "--no-model", "--cache-dir", elsewhere, draft], cwd=tmp_path)
    assert not (tmp_path / ".checker_cache").exists()
    assert len(_entries(elsewhere)) == 1
    assert (elsewhere / ".gitignore").read_text("utf-8").splitlines()[-1] == "*"
    assert (elsewhere / "CACHEDIR.TAG").read_text("utf-8").startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")


def test_the_cache_sits_at_the_configuration_root(tmp_path: Path) -> None:
    write(tmp_path / "checker.toml", "")
    draft = write(tmp_path / "drafts" / "a.txt", DIRTY)
    cli(["check", "--no-model", draft], cwd=tmp_path / "drafts")
    assert cache_folder(None, str(tmp_path)) == tmp_path / ".checker_cache"
    assert len(_entries(tmp_path / ".checker_cache")) == 1


def test_stdin_is_never_cached(tmp_path: Path) -> None:
    cli(["check", "--no-model", "-"], stdin=DIRTY, cwd=tmp_path)
    assert not (tmp_path / ".checker_cache").exists()


def _key(cache: ResultCache, text: str = DIRTY, settings: Settings = RULES_ONLY,
         path: str = "a.txt", sources: tuple[str, ...] = ()) -> str:
    doc = build_document(path, text, "text")
    return cache.key(doc, settings, [build_document(f"s{i}.txt", s, "text")
                                     for i, s in enumerate(sources)])


def test_the_key_covers_what_decides_findings(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    base = _key(cache)
    assert _key(cache) == base
    different = {
        "text": _key(cache, text=DIRTY + "More.\n"),
        "name": _key(cache, path="b.txt"),
        "selection": _key(cache, settings=Settings(use_model=False, select=("TY",))),
        "model on": _key(cache, settings=Settings()),
        "source": _key(cache, sources=("The troops stayed.\n",)),
        "another source": _key(cache, sources=("The troops left.\n",)),
    }
    assert base not in different.values()
    assert len(set(different.values())) == len(different)
    # what is shown, not what is found, leaves the key alone
    from checker.findings import Severity
    assert _key(cache, settings=Settings(use_model=False, min_severity=Severity.ERROR)) == base


def test_a_new_tool_signature_starts_a_new_folder_and_drops_the_old(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = write(tmp_path / "draft.txt", DIRTY)
    check_file(str(draft), RULES_ONLY, cache=ResultCache(tmp_path / "c"))
    old = [p for p in (tmp_path / "c").iterdir() if p.is_dir()]
    assert len(old) == 1
    monkeypatch.setattr(resultcache, "tool_signature", lambda: "0123456789abcdef")
    check_file(str(draft), RULES_ONLY, cache=ResultCache(tmp_path / "c"))
    now = [p.name for p in (tmp_path / "c").iterdir() if p.is_dir()]
    assert now == ["0123456789abcdef"]


def test_an_edited_rule_module_changes_the_signature(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "pkg"
    write(package / "rule.py", "X = 1\n")
    monkeypatch.setattr(resultcache, "_PACKAGE", package)
    resultcache.tool_signature.cache_clear()
    try:
        before = resultcache.tool_signature()
        write(package / "rule.py", "X = 22\n")
        resultcache.tool_signature.cache_clear()
        assert resultcache.tool_signature() != before
    finally:
        resultcache.tool_signature.cache_clear()


def test_a_broken_entry_is_a_miss(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.txt", DIRTY)
    cache = ResultCache(tmp_path / "c")
    first = check_file(str(draft), RULES_ONLY, cache=cache)
    (entry,) = _entries(tmp_path / "c")
    entry.write_text('{"findings": [{"code": 3}]', encoding="utf-8")
    again = check_file(str(draft), RULES_ONLY, cache=cache)
    assert [f.code for f in again.findings] == [f.code for f in first.findings]
    assert json.loads(entry.read_text("utf-8"))["findings"][0]["code"] == "TY104"  # rewritten


def test_a_cache_that_cannot_be_written_costs_nothing(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.txt", DIRTY)
    blocker = write(tmp_path / "not-a-folder", "")
    result = check_file(str(draft), RULES_ONLY, cache=ResultCache(blocker / "cache"))
    assert result.error is None
    assert [f.code for f in result.findings] == ["TY104", "TY101"]
    rc, out, err = cli(["check", "--no-model", "--cache-dir", blocker / "cache", draft],
                       cwd=tmp_path)
    assert rc == 1 and "TY104" in out and "Traceback" not in err


def test_a_result_cut_short_by_the_clock_is_not_kept(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    draft = write(tmp_path / "draft.txt", DIRTY)

    def cut_short(doc: object, settings: object, notices: list[str] | None = None,
                  **kwargs: object) -> list[object]:
        assert notices is not None
        notices.append(f"draft.txt: CT101 {RAN_OUT} 120 s of model time on this document")
        return []

    monkeypatch.setattr(engine, "check_document", cut_short)
    cache = ResultCache(tmp_path / "c")
    result = check_file(str(draft), RULES_ONLY, cache=cache)
    assert any(RAN_OUT in n for n in result.notices)
    assert not _entries(tmp_path / "c")
