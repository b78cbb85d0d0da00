"""The command line: exit codes, selection, stdin, rules/explain, formats, -o."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from testkit import REPO_ROOT, SEED, cli, cli_env, run_cli, run_json, write

from checker.rules import all_rules

CLEAN = "The troops will leave Niger in the coming months.\n"
DIRTY = "The the troops left.\n\nIt was over. .\n"  # TY104 on line 1, TY101 on line 3


@pytest.fixture()
def clean(tmp_path: Path) -> Path:
    return write(tmp_path / "clean.txt", CLEAN)


@pytest.fixture()
def dirty(tmp_path: Path) -> Path:
    return write(tmp_path / "dirty.txt", DIRTY)


def test_exit_0_when_clean(clean: Path) -> None:
    rc, out, err = cli(["check", "--no-model", clean])
    assert rc == 0, out + err
    assert "Found 0 findings in 1 file." in out


def test_exit_1_with_findings(dirty: Path) -> None:
    rc, out, _ = run_cli(["check", "--no-model", dirty])  # a real process, once
    assert rc == 1
    assert f"{dirty}:1:1: warning: TY104" in out
    assert f"{dirty}:3:12: warning: TY101" in out
    assert "Found 2 findings in 1 file (2 warnings). 2 fixable with --fix." in out


@pytest.mark.parametrize(
    "args",
    [["check", "--bogus-flag"], ["check", "--fail-on", "fatal", "x.txt"],
     ["check", "--format", "yaml", "x.txt"], ["no-such-command"], ["explain"], []],
)
def test_exit_2_for_usage_errors(args: list[str]) -> None:
    rc, out, err = cli(args)
    assert rc == 2, (out, err)
    assert "Traceback" not in err


def test_exit_2_for_a_usage_error_in_a_real_process() -> None:
    rc, out, err = run_cli(["check", "--fail-on", "fatal", "x.txt"])
    assert rc == 2 and out == ""
    assert "fatal" in err and "Traceback" not in err


def test_exit_2_for_a_missing_file(clean: Path) -> None:
    rc, out, _ = cli(["check", "--no-model", clean, clean.parent / "nope.txt"])
    assert rc == 2
    assert "nope.txt" in out and "no such file" in out


@pytest.mark.parametrize(
    ("fail_on", "severity", "expected"),
    [("warning", "warning", 1), ("error", "warning", 0), ("info", "warning", 1),
     ("info", "info", 1), ("warning", "info", 0), ("error", "error", 1)],
)
def test_fail_on(tmp_path: Path, fail_on: str, severity: str, expected: int) -> None:
    write(tmp_path / "checker.toml", f'[severity]\nTY = "{severity}"\n')
    draft = write(tmp_path / "d.txt", DIRTY)
    rc, _, _ = cli(["check", "--no-model", "--fail-on", fail_on, draft], cwd=tmp_path)
    assert rc == expected


def test_exit_zero(dirty: Path) -> None:
    rc, out, _ = cli(["check", "--no-model", "--exit-zero", dirty])
    assert rc == 0 and "TY104" in out


def test_select_and_ignore_by_prefix(dirty: Path) -> None:
    def codes(*args: str) -> list[str]:
        _, data, _ = run_json(["--no-model", *args, dirty])
        return sorted(f["code"] for f in data["files"][0]["findings"])

    assert codes() == ["TY101", "TY104"]
    assert codes("--select", "TY101") == ["TY101"]
    assert codes("--select", "ty10") == ["TY101", "TY104"]
    assert codes("--select", "SP,TY104") == ["TY104"]
    assert codes("--ignore", "TY1") == []
    assert codes("--select", "TY104", "--ignore", "TY") == ["TY104"]
    assert codes("--select", "TY", "--ignore", "TY104") == ["TY101"]


def test_stdin_with_a_filename() -> None:
    draft = "# Title\n\n```\nthe the\n```\n\nProse with the the slip.\n"
    rc, data, _ = run_json(["--no-model", "--select", "TY104", "--stdin-filename",
                            "notes/draft.md", "-"], stdin=draft, in_subprocess=True)
    assert rc == 1
    (entry,) = data["files"]
    assert entry["path"] == "notes/draft.md"
    assert [(f["line"], f["column"]) for f in entry["findings"]] == [(7, 12)]


def test_stdin_without_a_filename_is_plain_text() -> None:
    rc, data, _ = run_json(["--no-model", "--select", "TY104", "-"],
                           stdin="```\nthe the\n```\n")
    assert rc == 1
    assert [f["line"] for f in data["files"][0]["findings"]] == [2]


def test_stdin_errors_are_per_input(clean: Path) -> None:
    rc, data, _ = run_json(["--no-model", "-", clean], stdin=b"GIF89a\x00\x01bin")
    assert rc == 2
    errors = [f["error"] for f in data["files"]]
    assert errors[1] is None
    assert errors[0] and "binary" in errors[0]


def test_stdin_filename_finds_config_and_overrides(tmp_path: Path) -> None:
    """Editors pipe a buffer with its real name: that name's config and overrides apply."""
    write(tmp_path / "checker.toml", '[[overrides]]\npaths = ["archive/*"]\nignore = ["TY104"]\n')
    _, data, _ = run_json(["--no-model", "--stdin-filename", "archive/old.txt", "-"],
                           stdin=DIRTY, cwd=tmp_path)
    assert sorted(f["code"] for f in data["files"][0]["findings"]) == ["TY101"]


def test_rules_lists_every_rule() -> None:
    rc, out, _ = cli(["rules"])
    assert rc == 0
    lines = out.strip().splitlines()
    codes = [line.split()[0] for line in lines]
    assert codes == [r.code for r in all_rules()]
    for rule in all_rules():
        line = lines[codes.index(rule.code)]
        assert rule.name in line and rule.category in line and rule.severity.label in line


def test_rules_json_and_markdown() -> None:
    rc, out, _ = cli(["rules", "--format", "json"])
    assert rc == 0
    data = json.loads(out)
    assert [r["code"] for r in data] == [r.code for r in all_rules()]
    assert {"code", "name", "category", "severity", "summary"} <= set(data[0])
    rc, out, _ = cli(["rules", "--format", "markdown"])
    assert rc == 0
    assert out.startswith("| code | name |")
    assert all(f"| {r.code} | {r.name} |" in out for r in all_rules())


def test_explain() -> None:
    rc, out, _ = cli(["explain", "ty104"])
    assert rc == 0
    assert out.startswith("# TY104 repeated-word")
    assert "## What it does" in out and "## Why is this bad?" in out


def test_explain_unknown_code() -> None:
    rc, out, err = run_cli(["explain", "ZZ999"])
    assert rc == 2
    assert out == ""
    assert "ZZ999" in err


def test_version() -> None:
    rc, out, _ = cli(["--version"])
    assert rc == 0 and out.strip() == "checker 0.1.0"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "markdown"])
def test_each_format_runs_and_keeps_exit_codes(dirty: Path, fmt: str) -> None:
    rc, out, err = cli(["check", "--no-model", "--format", fmt, dirty])
    assert rc == 1, err
    assert "TY104" in out
    if fmt in ("json", "sarif"):
        json.loads(out)
    if fmt == "github":
        assert out.startswith("::warning file=")
    if fmt == "markdown":
        assert "| category | findings |" in out and "| typography | 2 |" in out
    if fmt == "text":
        assert "\x1b[" not in out  # not a terminal: no colour


def test_color_always(dirty: Path) -> None:
    _, out, _ = cli(["check", "--no-model", "--color", "always", dirty])
    assert "\x1b[" in out


def test_output_file(dirty: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    rc, out, _ = cli(["check", "--no-model", "--format", "json", "-o", target, dirty])
    assert rc == 1
    assert out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["summary"]["findings"] == 2
    assert not [p for p in target.parent.iterdir() if p.name != "report.json"]


def test_default_path_is_the_current_folder(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", DIRTY)
    write(tmp_path / "b" / "c.md", CLEAN)
    rc, data, _ = run_json(["--no-model"], cwd=tmp_path)
    assert sorted(f["path"] for f in data["files"]) == ["a.txt", "b/c.md"]
    assert rc == 1


def test_many_files_in_parallel_keep_order_and_results(tmp_path: Path) -> None:
    names = [f"f{i:03d}.txt" for i in range(60)]
    for i, name in enumerate(names):
        write(tmp_path / name, DIRTY if i % 3 == 0 else CLEAN)
    rc, data, _ = run_json(["--no-model", "--jobs", "2", "."], cwd=tmp_path)
    assert rc == 1
    assert [Path(f["path"]).name for f in data["files"]] == names
    assert data["summary"]["findings"] == 2 * 20


def test_the_parent_loads_rules_and_word_list_before_forking_workers() -> None:
    code = textwrap.dedent("""
        import json
        from checker import rules
        from checker.commands import _warm
        from checker.rules import wordlist
        before = (rules._imported, wordlist._packed.cache_info().currsize)
        _warm()
        print(json.dumps([before, (rules._imported, wordlist._packed.cache_info().currsize)]))
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO_ROOT, env=cli_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [[False, 0], [True, 1]]


def _imported_modules(args: list[str]) -> set[str]:
    code = textwrap.dedent(f"""
        import contextlib, io, json, sys
        from checker.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            rc = main({args!r})
        print(json.dumps({{"rc": rc, "modules": sorted(sys.modules)}}))
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO_ROOT, env=cli_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    assert data["rc"] in (0, 1)
    return set(data["modules"])


HEAVY = ("torch", "transformers", "onnxruntime", "safetensors", "tokenizers")


@pytest.mark.parametrize("args", [
    ["check", "--no-model", "--format", "json", str(SEED)],
    ["check", "--select", "TY,SP,NM,GB,NU", "--ignore", "SP110", str(SEED)],  # SP110 embeds
    ["rules"],
    ["explain", "TY101"],
])
def test_a_rules_only_run_never_imports_torch(args: list[str]) -> None:
    modules = _imported_modules(args)
    assert "checker.engine" in modules or args[0] != "check"
    loaded = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert loaded == []


def test_a_rule_that_crashes_stops_only_its_file(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.rules.typography import RepeatedWord

    original = RepeatedWord.check

    def check(self: RepeatedWord, doc: object, ctx: object) -> object:
        if "boom" in doc.text:  # type: ignore[attr-defined]
            raise RuntimeError("rule bug")
        return original(self, doc, ctx)  # type: ignore[arg-type]

    monkeypatch.setattr(RepeatedWord, "check", check)
    write(tmp_path / "a.txt", "boom boom, the the end.\n")
    write(tmp_path / "b.txt", DIRTY)
    rc, data, _ = run_json(["--no-model", "--jobs", "1", "a.txt", "b.txt"], cwd=tmp_path)
    assert rc == 2
    a, b = data["files"]
    assert "a.txt" in a["error"] and "RuntimeError" in a["error"] and "rule bug" in a["error"]
    assert sorted(f["code"] for f in b["findings"]) == ["TY101", "TY104"]


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
def test_an_unknown_selector_is_a_usage_error(dirty: Path, flag: str) -> None:
    rc, out, err = cli(["check", "--no-model", flag, "XX999", dirty])
    assert rc == 2, (out, err)
    assert "XX999" in err and "checker rules" in err


def test_an_unknown_selector_in_configuration_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "checker.toml", 'ignore = ["TY9"]\n')
    draft = write(tmp_path / "d.txt", DIRTY)
    rc, _, err = cli(["check", "--no-model", draft])
    assert rc == 2 and "TY9" in err
