"""The command line's rough edges: severity words and a closing summary in text output,
--min-severity, appending --select/--ignore, the shared rule-code check, help and exit codes,
configuration errors and --force-exclude."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from testkit import REPO_ROOT, SEED, cli, run_cli, run_json, write

from checker.config import ConfigError, settings_for

# TY104 (warning, safe fix) on line 1, TY101 (warning, safe fix) on line 3, TY103 on line 5
DIRTY = "The the troops left.\n\nIt was over. .\n\nThe agency (founded in 1990 said nothing.\n"


@pytest.fixture()
def dirty(tmp_path: Path) -> Path:
    return write(tmp_path / "dirty.txt", DIRTY)


@pytest.fixture()
def info_config(tmp_path: Path) -> Path:
    """TY103 made info, so the draft has 2 warnings and 1 info."""
    return write(tmp_path / "checker.toml", '[severity]\nTY103 = "info"\n')


def test_text_lines_say_their_severity(dirty: Path, info_config: Path) -> None:
    rc, out, _ = cli(["check", "--no-model", dirty], cwd=dirty.parent)
    assert rc == 1
    assert f"{dirty}:1:1: warning: TY104 [typography]" in out
    assert f"{dirty}:5:12: info: TY103 [typography]" in out


def test_closing_summary_counts_severities_and_fixes(dirty: Path, info_config: Path) -> None:
    rc, out, _ = cli(["check", "--no-model", dirty], cwd=dirty.parent)
    assert rc == 1
    assert out.splitlines()[-1] == ("Found 3 findings in 1 file (2 warnings, 1 info). "
                                    "2 fixable with --fix.")


def test_only_info_findings_exit_0_and_the_summary_says_why(dirty: Path,
                                                            info_config: Path) -> None:
    rc, out, _ = cli(["check", "--no-model", "--select", "TY103", dirty], cwd=dirty.parent)
    assert rc == 0  # below --fail-on (warning): the severity word says why
    assert f"{dirty}:5:12: info: TY103" in out
    assert out.splitlines()[-1] == "Found 1 finding in 1 file (1 info)."


# How each format names a finding's rule (the SARIF and HTML rule tables name every rule).
FINDING_MARK = {"text": ": {} [", "json": '"code": "{}"', "sarif": '"ruleId": "{}"',
                "github": "title={} ", "markdown": "`{}`", "html": '{{"code":"{}"'}


@pytest.mark.parametrize("fmt", sorted(FINDING_MARK))
def test_min_severity_hides_findings_in_every_format(dirty: Path, info_config: Path,
                                                      fmt: str) -> None:
    from checker.reporters import FORMATS

    assert set(FINDING_MARK) == set(FORMATS)
    mark = FINDING_MARK[fmt]
    shown = cli(["check", "--no-model", "--format", fmt, dirty], cwd=dirty.parent)[1]
    rc, hidden, _ = cli(["check", "--no-model", "--format", fmt, "--min-severity", "warning",
                         dirty], cwd=dirty.parent)
    assert rc == 1
    assert mark.format("TY103") in shown and mark.format("TY104") in shown
    assert mark.format("TY103") not in hidden
    assert mark.format("TY104") in hidden


def test_min_severity_is_counted_in_the_summary_and_the_json(dirty: Path,
                                                              info_config: Path) -> None:
    rc, out, _ = cli(["check", "--no-model", "--min-severity", "warning", dirty],
                     cwd=dirty.parent)
    assert out.splitlines()[-1] == ("Found 2 findings in 1 file (2 warnings); 1 info hidden. "
                                    "2 fixable with --fix.")
    rc, data, _ = run_json(["--no-model", "--min-severity", "error", dirty], cwd=dirty.parent)
    assert rc == 0  # nothing shown at or above warning
    assert data["files"][0]["findings"] == []
    assert data["summary"]["hidden"] == {"info": 1, "warning": 2}


def test_min_severity_from_the_configuration(dirty: Path) -> None:
    write(dirty.parent / "checker.toml", 'min-severity = "error"\n')
    rc, out, _ = cli(["check", "--no-model", dirty], cwd=dirty.parent)
    assert rc == 0
    assert "3 warnings hidden" in out
    rc, out, _ = cli(["check", "--no-model", "--min-severity", "info", dirty], cwd=dirty.parent)
    assert rc == 1 and "TY104" in out  # the command line wins


def test_min_severity_also_limits_what_fix_touches(tmp_path: Path) -> None:
    draft = write(tmp_path / "d.txt", DIRTY)
    write(tmp_path / "checker.toml", '[severity]\nTY101 = "info"\n')
    rc, out, _ = cli(["check", "--no-model", "--fix", "--no-backup", "--min-severity",
                      "warning", draft], cwd=tmp_path)
    assert rc == 1 and "TY103" in out  # no fix for it; TY101 hidden, not fixed
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("The troops left.")  # TY104 (warning) fixed
    assert "over. ." in text  # TY101 (info, hidden) left alone
    assert "1 info hidden" in out


def test_select_appends_like_ruff(tmp_path: Path) -> None:
    rc, data, _ = run_json(["--no-model", "--select", "SP", "--select", "NM", SEED])
    codes = {f["code"][:2] for f in data["files"][0]["findings"]}
    assert codes == {"SP", "NM"}
    rc, data, _ = run_json(["--no-model", "--select", "SP,TY", "--ignore", "SP101",
                            "--ignore", "TY102", SEED])
    assert rc == 1
    codes = {f["code"] for f in data["files"][0]["findings"]}
    assert codes == {"SP102", "TY101"}


def test_report_select_appends_too() -> None:
    from checker.batch.cli import parser, resolve

    args = parser().parse_args(["x", "--select", "SP", "--select", "NM", "--ignore", "NM102"])
    settings = resolve(str(SEED), args)
    assert settings.select == ("SP", "NM")
    assert settings.ignore == ("NM102",)


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_unknown_codes_are_refused_by_the_command_line(dirty: Path, option: str) -> None:
    rc, out, err = cli(["check", "--no-model", option, "SP", option, "ZZ9", dirty])
    assert rc == 2 and out == ""
    assert "unknown rule code or prefix: ZZ9" in err


@pytest.mark.parametrize("options", [{"select": ["SP", "ZZ9"]}, {"ignore": "ZZ9"},
                                     {"select": ["sp"], "ignore": ["nm1", "zz"]}])
def test_the_web_api_refuses_the_same_codes_with_a_4xx(options: dict[str, object]) -> None:
    from checker.config import UnknownCodeError, unknown_codes, validate_codes
    from checker.server.api import ApiError, parse_request

    given = [str(c).upper() for v in options.values()
             for c in (v if isinstance(v, list) else [v])]
    with pytest.raises(ApiError) as info:
        parse_request(json.dumps({"text": "A draft.", "options": options}).encode())
    assert 400 <= info.value.status < 500
    with pytest.raises(UnknownCodeError) as cli_error:  # the command line's check
        validate_codes(given)
    assert cli_error.value.codes == tuple(unknown_codes(given))
    assert f"unknown rule code or prefix: {', '.join(cli_error.value.codes)}" in \
        info.value.message


def test_the_web_api_accepts_known_codes_and_prefixes() -> None:
    from checker.server.api import parse_request

    req = parse_request(json.dumps({"text": "A draft.",
                                    "options": {"select": ["sp", "NM101"], "ignore": "SP1"}})
                        .encode())
    assert req.select == ("SP", "NM101") and req.ignore == ("SP1",)


def test_check_help_documents_paths_formats_and_exit_codes() -> None:
    from checker.reporters import FORMATS

    rc, out, _ = cli(["check", "--help"])
    assert rc == 0
    assert "- (standard input)" in out and "directories" in out and ".jsonl" in out
    formats = out[out.index("output formats"):]
    for fmt in FORMATS:
        assert f"\n  {fmt} " in formats
    codes = out[out.index("exit codes:"):]
    for code in ("0", "1", "2", "130"):
        assert f"\n  {code} " in codes
    assert "internal error" in codes


def test_bare_eval_prints_its_help_and_exits_2() -> None:
    rc, out, err = run_cli(["eval"], timeout=60)
    assert rc == 2
    assert "usage: checker eval" in err and "garble" in err
    assert out == ""
    rc, out, _ = cli(["eval", "--help"])
    assert rc == 0 and "usage: checker eval" in out
    rc, _, err = cli(["eval", "no-such-thing"])
    assert rc == 2 and "unknown evaluation" in err


@pytest.mark.parametrize(("content", "place"), [
    ('[tool.checker\nselect = ["TY"]\n', "1:14"),  # the table header itself is broken
    ('[project]\nname = "x"\nversion = \n', "3:11"),  # no [tool.checker] to see: an error
])
def test_a_broken_pyproject_is_an_error_with_file_and_line(tmp_path: Path, content: str,
                                                           place: str) -> None:
    pyproject = write(tmp_path / "pyproject.toml", content)
    draft = write(tmp_path / "d.txt", DIRTY)
    rc, out, err = cli(["check", "--no-model", draft], cwd=tmp_path)
    assert rc == 2
    assert f"{pyproject}:{place}: invalid TOML" in err
    assert "Traceback" not in err and out == ""


def test_a_broken_pyproject_above_a_checker_toml_is_never_read(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.checker\n")
    write(tmp_path / "sub" / "checker.toml", 'ignore = ["TY104"]\n')
    draft = write(tmp_path / "sub" / "d.txt", DIRTY)
    assert settings_for(str(draft)).ignore == ("TY104",)


def test_unknown_keys_in_the_pyproject_table_are_reported(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.checker]\nmin-severty = "warning"\n')
    with pytest.raises(ConfigError, match=r"unknown setting.*min-severty"):
        settings_for(str(write(tmp_path / "d.txt", DIRTY)))
    write(tmp_path / "pyproject.toml", '[tool.checker]\nforce-exclude = "yes"\n')
    from checker import config

    config._config_in.cache_clear()
    config._config_above.cache_clear()
    config._load_cached.cache_clear()
    with pytest.raises(ConfigError, match="force-exclude must be true or false"):
        settings_for(str(tmp_path / "d.txt"))


@pytest.fixture()
def excluding(tmp_path: Path) -> Path:
    write(tmp_path / "pyproject.toml", '[tool.checker]\nexclude = ["archive/", "*.draft.txt"]\n')
    write(tmp_path / "archive" / "old.txt", DIRTY)
    write(tmp_path / "notes.draft.txt", DIRTY)
    write(tmp_path / "live.txt", DIRTY)
    return tmp_path


def _checked(out: str) -> set[str]:
    return {json.loads(out)["files"][i]["path"] for i in range(len(json.loads(out)["files"]))}


def test_named_files_are_checked_even_when_excluded_without_force_exclude(
        excluding: Path) -> None:
    rc, out, _ = cli(["check", "--no-model", "--format", "json", "archive/old.txt",
                      "notes.draft.txt", "live.txt"], cwd=excluding)
    assert rc == 1
    assert _checked(out) == {"archive/old.txt", "notes.draft.txt", "live.txt"}


def test_force_exclude_applies_exclude_to_named_files(excluding: Path) -> None:
    rc, out, _ = cli(["check", "--no-model", "--format", "json", "--force-exclude",
                      "archive/old.txt", "notes.draft.txt", "live.txt"], cwd=excluding)
    assert _checked(out) == {"live.txt"}
    rc, out, _ = cli(["check", "--no-model", "--force-exclude", "archive/old.txt"],
                     cwd=excluding)
    assert rc == 0 and "Found 0 findings in 0 files." in out


def test_force_exclude_from_the_configuration_and_its_override(excluding: Path) -> None:
    pyproject = excluding / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + "force-exclude = true\n", encoding="utf-8")
    rc, out, _ = cli(["check", "--no-model", "--format", "json", "archive/old.txt",
                      "live.txt"], cwd=excluding)
    assert _checked(out) == {"live.txt"}
    rc, out, _ = cli(["check", "--no-model", "--format", "json", "--no-force-exclude",
                      "archive/old.txt", "live.txt"], cwd=excluding)
    assert rc == 1
    assert _checked(out) == {"archive/old.txt", "live.txt"}


def test_pre_commit_hooks_pass_force_exclude() -> None:
    import shlex

    import yaml

    hooks = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:  # in entry, not args: a user's own args replace args
        assert "--force-exclude" in shlex.split(hook["entry"])
