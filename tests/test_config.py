"""Configuration: files found upward, prefix selection, per-path overrides, severities, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from testkit import cli, run_json, write

from checker.config import (
    ConfigError,
    Settings,
    find_config,
    load_config_file,
    settings_for,
    settings_from_table,
    with_cli,
)
from checker.findings import Severity

# One finding of each of three typography rules, on lines 1, 3 and 5.
DIRTY = "The the troops left.\n\nIt was over. .\n\nThe agency (founded in 1990 said nothing.\n"


def _codes(data: dict[str, object], name: str | None = None) -> list[str]:
    files = data["files"]  # type: ignore[index]
    return sorted(f["code"] for entry in files if name is None or Path(entry["path"]).name == name
                  for f in entry["findings"])


@pytest.mark.parametrize(
    ("select", "ignore", "code", "expected"),
    [
        (("",), (), "TY104", True),
        (("TY",), (), "TY104", True),
        (("TY",), (), "SP101", False),
        (("TY",), ("TY104",), "TY104", False),
        (("TY",), ("TY104",), "TY101", True),
        (("TY104",), ("TY",), "TY104", True),  # the longer prefix wins
        (("TY104",), ("TY",), "TY101", False),
        (("TY1",), ("TY",), "TY101", True),
        (("TY",), ("TY",), "TY101", False),  # a tie goes to ignore
        (("ty",), (), "TY101", True),
        ((), (), "TY101", False),
    ],
)
def test_longest_prefix_wins(select: tuple[str, ...], ignore: tuple[str, ...], code: str,
                             expected: bool) -> None:
    assert Settings(select=select, ignore=ignore).is_selected(code) is expected


def test_pyproject_table_is_found_upward(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.checker]\n'
          'ignore = ["TY104"]\n')
    draft = write(tmp_path / "a" / "b" / "draft.txt", DIRTY)
    assert find_config(draft) == tmp_path / "pyproject.toml"
    rc, data, _ = run_json(["--no-model", draft], cwd=tmp_path)
    assert _codes(data) == ["TY101", "TY103"]
    assert rc == 1


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "checker.toml", 'ignore = ["TY101"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    draft = write(tmp_path / "sub" / "draft.txt", DIRTY)
    assert find_config(draft) == tmp_path / "checker.toml"


def test_nearest_configuration_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.checker]\nignore = ["TY104"]\n')
    write(tmp_path / "sub" / "checker.toml", 'ignore = ["TY101"]\n')
    top = write(tmp_path / "top.txt", DIRTY)
    nested = write(tmp_path / "sub" / "nested.txt", DIRTY)
    _, data, _ = run_json(["--no-model", top, nested], cwd=tmp_path)
    assert _codes(data, "top.txt") == ["TY101", "TY103"]
    assert _codes(data, "nested.txt") == ["TY103", "TY104"]


def test_a_symlinked_draft_takes_the_configuration_of_the_folder_it_points_into(
        tmp_path: Path) -> None:
    write(tmp_path / "desk" / "checker.toml", 'ignore = ["TY101"]\n')
    real = write(tmp_path / "desk" / "draft.txt", DIRTY)
    write(tmp_path / "out" / "checker.toml", 'ignore = ["TY104"]\n')
    plain = write(tmp_path / "out" / "other.txt", DIRTY)
    link = tmp_path / "out" / "draft.txt"
    link.symlink_to(real)
    # the plain file asks first, so the folder's answer is cached before the link is asked about
    assert find_config(plain) == tmp_path / "out" / "checker.toml"
    assert find_config(link) == tmp_path / "desk" / "checker.toml"
    assert find_config(tmp_path / "out") == tmp_path / "out" / "checker.toml"


def test_checker_toml_beats_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.checker]\nignore = ["TY104"]\n')
    write(tmp_path / "checker.toml", 'ignore = ["TY101"]\n')
    assert find_config(tmp_path / "x.txt") == tmp_path / "checker.toml"


def test_explicit_config_file_wins(tmp_path: Path) -> None:
    write(tmp_path / "checker.toml", 'ignore = ["TY101"]\n')
    other = write(tmp_path / "elsewhere" / "strict.toml", 'select = ["TY104"]\n')
    draft = write(tmp_path / "draft.txt", DIRTY)
    _, data, _ = run_json(["--no-model", "--config", other, draft], cwd=tmp_path)
    assert _codes(data) == ["TY104"]


def test_select_and_ignore_in_config(tmp_path: Path) -> None:
    write(tmp_path / "checker.toml", 'select = ["TY10"]\nignore = ["TY1"]\n')
    draft = write(tmp_path / "draft.txt", DIRTY)
    _, data, _ = run_json(["--no-model", draft], cwd=tmp_path)
    assert _codes(data) == ["TY101", "TY103", "TY104"]  # TY10 is longer than TY1


def test_cli_select_replaces_and_ignore_adds(tmp_path: Path) -> None:
    write(tmp_path / "checker.toml", 'select = ["TY101"]\nignore = ["TY103"]\n')
    draft = write(tmp_path / "draft.txt", DIRTY)
    _, data, _ = run_json(["--no-model", "--select", "TY", draft], cwd=tmp_path)
    assert _codes(data) == ["TY101", "TY104"]  # config ignore still applies
    _, data, _ = run_json(["--no-model", "--ignore", "TY101", draft], cwd=tmp_path)
    assert _codes(data) == []
    _, data, _ = run_json(["--no-model", "--extend-select", "TY104", draft], cwd=tmp_path)
    assert _codes(data) == ["TY101", "TY104"]


def test_per_path_overrides(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", """
[tool.checker]
ignore = ["TY103"]

[[tool.checker.overrides]]
paths = ["archive/*"]
ignore = ["TY104"]

[[tool.checker.overrides]]
paths = ["wires/*.txt"]
select = ["TY101"]
severity = { TY101 = "error" }
""")
    plain = write(tmp_path / "plain.txt", DIRTY)
    archived = write(tmp_path / "archive" / "old.txt", DIRTY)
    wire = write(tmp_path / "wires" / "ap.txt", DIRTY)
    _, data, _ = run_json(["--no-model", plain, archived, wire], cwd=tmp_path)
    assert _codes(data, "plain.txt") == ["TY101", "TY104"]
    assert _codes(data, "old.txt") == ["TY101"]
    assert _codes(data, "ap.txt") == ["TY101"]
    severities = {Path(e["path"]).name: [f["severity"] for f in e["findings"]]
                  for e in data["files"]}
    assert severities["ap.txt"] == ["error"]
    assert severities["plain.txt"] == ["warning", "warning"]


def test_overrides_apply_when_run_from_another_folder(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write(project / "checker.toml", '[[overrides]]\npaths = ["archive/*"]\nignore = ["TY"]\n')
    write(project / "archive" / "old.txt", DIRTY)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _, data, _ = run_json(["--no-model", "../project/archive/old.txt"], cwd=elsewhere)
    assert _codes(data) == []


def test_severity_overrides_change_level_and_exit_code(tmp_path: Path) -> None:
    write(tmp_path / "checker.toml", 'select = ["TY104"]\n[severity]\nTY = "info"\n'
          'TY104 = "error"\n')
    draft = write(tmp_path / "draft.txt", DIRTY)
    rc, data, _ = run_json(["--no-model", draft], cwd=tmp_path)
    (f,) = data["files"][0]["findings"]
    assert f["severity"] == "error"  # the longer prefix wins here too
    assert rc == 1
    write(tmp_path / "checker.toml", 'select = ["TY104"]\n[severity]\nTY = "info"\n')
    rc, data, _ = run_json(["--no-model", draft], cwd=tmp_path)
    assert [f["severity"] for f in data["files"][0]["findings"]] == ["info"]
    assert rc == 0  # info is below the default --fail-on warning


def test_fail_on_in_config(tmp_path: Path) -> None:
    write(tmp_path / "checker.toml", 'fail-on = "error"\n')
    draft = write(tmp_path / "draft.txt", DIRTY)
    rc, _, _ = cli(["check", "--no-model", draft], cwd=tmp_path)
    assert rc == 0
    rc, _, _ = cli(["check", "--no-model", "--fail-on", "warning", draft], cwd=tmp_path)
    assert rc == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('selekt = ["TY"]\n', "selekt"),
        ('select = ["TY"]\nbogus = 1\nalso-bogus = 2\n', "also-bogus, bogus"),
        ('fail-on = "fatal"\n', "fatal"),
        ('[severity]\nTY101 = "loud"\n', "loud"),
        ('select = 3\n', "select"),
        ('[[overrides]]\nignore = ["TY"]\n', "paths"),
        ('select = ["TY"\n', "checker.toml:2:1: invalid TOML: Unclosed array"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    config = write(tmp_path / "checker.toml", content)
    with pytest.raises(ConfigError) as info:
        load_config_file(config)
    assert message in str(info.value)
    assert str(config) in str(info.value)
    draft = write(tmp_path / "draft.txt", DIRTY)
    rc, out, err = cli(["check", "--no-model", draft], cwd=tmp_path)
    assert rc == 2
    assert message in out + err
    assert "Traceback" not in err


def test_unknown_key_in_pyproject_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.checker]\nignores = ["TY"]\n')
    with pytest.raises(ConfigError, match=r"unknown setting.*ignores"):
        settings_for(str(write(tmp_path / "d.txt", DIRTY)))


def test_settings_from_table_values() -> None:
    s = settings_from_table({"select": ["ty"], "extend-select": ["sp"], "fail-on": "info",
                             "exclude": ["drafts/"], "max-file-bytes": 123,
                             "severity": {"ty104": "error"}})
    assert s.select == ("TY", "SP")
    assert s.fail_on is Severity.INFO
    assert s.exclude == ("drafts/",)
    assert s.max_file_bytes == 123
    assert s.severity_for("TY104", Severity.WARNING) is Severity.ERROR
    assert s.severity_for("TY101", Severity.WARNING) is Severity.WARNING


def test_with_cli() -> None:
    base = Settings(select=("TY",), ignore=("TY103",))
    s = with_cli(base, select=("ty101",), ignore=("ty104",), fail_on=Severity.ERROR,
                 use_model=False)
    assert s.select == ("TY101",)
    assert s.ignore == ("TY103", "TY104")
    assert s.fail_on is Severity.ERROR and s.use_model is False
    assert with_cli(base) == base


def test_fingerprint_tracks_what_changes_findings() -> None:
    assert Settings().fingerprint() == Settings().fingerprint()
    assert Settings().fingerprint() != Settings(ignore=("TY",)).fingerprint()
    assert Settings(source="a").fingerprint() == Settings(source="b").fingerprint()


@pytest.mark.parametrize(("table", "key"), [
    ({"spam": {"allow_domains": ["example.com"]}}, "allow_domains"),
    ({"names": {"vocabulary": ["Mohamed Bazoum"], "vocab": ["x"]}}, "vocab"),
])
def test_unknown_keys_in_rule_tables_are_errors(table: dict[str, object], key: str) -> None:
    """A misspelt option in [tool.checker.spam] / [tool.checker.names] must not be ignored."""
    with pytest.raises(ConfigError, match=key):
        settings_from_table(table)
