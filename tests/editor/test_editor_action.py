"""The GitHub Action, run step by step as a runner would (no network, no GitHub).

``action.yml`` is parsed; each ``run:`` step is run with ``bash -eo pipefail`` (the runner's
``shell: bash``) in a temporary workspace, with ``GITHUB_WORKSPACE``, ``RUNNER_TEMP`` and
``GITHUB_OUTPUT`` set and its ``${{ }}`` expressions evaluated; ``uses:`` steps are recorded, not
run. ``checker`` and ``python`` on the PATH are shims to this checkout that log each call, so the
tests can count checks. The upload step's inputs are compared with the contract of
``github/codeql-action/upload-sarif`` (its ``action.yml``: the same inputs in v3 and v4).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from testkit import REPO_ROOT, SHARED_DATA

yaml = pytest.importorskip("yaml")
pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")

# github/codeql-action upload-sarif/action.yml: every input it declares, and the kind of value
UPLOAD_SARIF_INPUTS = {"sarif_file": "path", "checkout_path": "path", "ref": "text",
                       "sha": "text", "token": "text", "matrix": "text", "category": "text",
                       "wait-for-processing": "boolean"}
SKIPPED_RUN_STEPS = {"Install checker"}  # pip install from the network: the shims stand in
DRAFT = "Officials said the the talks would resume.\n\nNothing else happened.\n"


@dataclass
class Job:
    workspace: Path
    temp: Path
    log: Path
    steps: list[dict[str, Any]] = field(default_factory=list)  # what ran, in order
    uploads: list[dict[str, str]] = field(default_factory=list)
    failed_at: str | None = None
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def checks(self) -> list[str]:
        return [line for line in self.log.read_text().splitlines() if line.startswith("checker ")]


def _shims(folder: Path, log: Path) -> Path:
    """``checker`` and ``python`` that run this checkout's interpreter and log the call."""
    folder.mkdir()
    for name, prefix in (("checker", "-m checker"), ("python", "")):
        shim = folder / name
        shim.write_text(
            "#!/bin/sh\n"
            f'echo "{name} $*" >> "{log}"\n'
            f'PYTHONPATH="{REPO_ROOT}" exec "{sys.executable}" {prefix} "$@"\n')
        shim.chmod(0o755)
    return folder


_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_TOKEN = re.compile(r"\s*(?:(?P<str>'[^']*')|(?P<op>==|!=|&&|\|\||!|\(|\))"
                    r"|(?P<call>cancelled\(\)|success\(\)|always\(\))"
                    r"|(?P<ref>[A-Za-z_][\w.-]*))")


def _evaluate(expr: str, context: dict[str, Any], job: Job) -> Any:
    """The few expression forms action.yml uses, as Python; anything else fails the test."""
    python: list[str] = []
    values: dict[str, Any] = {}
    pos = 0
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        assert m and m.end() > pos, f"expression not understood: {expr!r}"
        pos = m.end()
        if m["str"]:
            python.append(repr(m["str"][1:-1]))
        elif m["op"]:
            python.append({"&&": " and ", "||": " or ", "!": " not "}.get(m["op"], m["op"]))
        elif m["call"]:
            python.append({"cancelled()": "False", "always()": "True",
                           "success()": str(job.failed_at is None)}[m["call"]])
        else:
            name = f"v{len(values)}"
            values[name] = _lookup(m["ref"], context)
            python.append(name)
    return eval("".join(python), {"__builtins__": {}}, values)  # only the tokens above


def _lookup(ref: str, context: dict[str, Any]) -> Any:
    """A context value; a step that did not run (or set no such output) reads as ''."""
    head, *rest = ref.split(".")
    assert head in context, f"unknown context: {ref}"
    value: Any = context[head]
    for part in rest:
        if head == "steps":
            value = value.get(part, {}) if isinstance(value, dict) else {}
        else:
            assert part in value, f"unknown: {ref}"
            value = value[part]
    return "" if value == {} else value


def _substitute(text: str, context: dict[str, Any], job: Job) -> str:
    return _EXPR.sub(lambda m: str(_evaluate(m[1], context, job)), text)


def run_action(workspace: Path, tmp_path: Path, **given: str) -> Job:
    action = yaml.safe_load((REPO_ROOT / "action.yml").read_text(encoding="utf-8"))
    declared = action["inputs"]
    assert set(given) <= set(declared), set(given) - set(declared)
    inputs = {name: given.get(name, str(spec.get("default", "")))
              for name, spec in declared.items()}
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    log = tmp_path / "calls.log"
    log.touch()
    job = Job(workspace, temp, log)
    shims = _shims(tmp_path / "shims", log)
    context: dict[str, Any] = {"inputs": inputs, "steps": job.outputs,
                               "github": {"action_path": str(REPO_ROOT),
                                          "workspace": str(workspace)}}
    for n, step in enumerate(action["runs"]["steps"]):
        name = step.get("name") or step.get("uses") or f"step {n}"
        condition = step.get("if", "success()")
        condition = _EXPR.sub(lambda m: m[1], str(condition))
        if not _evaluate(condition, context, job):
            continue
        if "uses" in step:
            with_ = {k: _substitute(str(v), context, job) for k, v in step.get("with", {}).items()}
            job.steps.append({"name": name, "uses": step["uses"], "with": with_})
            if step["uses"].startswith("github/codeql-action/upload-sarif"):
                job.uploads.append(with_)
            continue
        assert step.get("shell") == "bash", f"{name}: a run step names its shell"
        if name in SKIPPED_RUN_STEPS:
            continue
        assert "${{" not in step["run"], f"{name}: expressions belong in env, not the script"
        output = temp / f"output-{n}"
        output.touch()
        env = {**os.environ, "PATH": f"{shims}{os.pathsep}{os.environ['PATH']}",
               "GITHUB_WORKSPACE": str(workspace), "RUNNER_TEMP": str(temp),
               "GITHUB_OUTPUT": str(output), "NO_COLOR": "1", "PYTHONPATH": str(REPO_ROOT)}
        env.update({k: _substitute(str(v), context, job) for k, v in step.get("env", {}).items()})
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                               step["run"]], cwd=workspace, env=env, capture_output=True,
                              text=True, timeout=300)
        job.steps.append({"name": name, "rc": proc.returncode, "stdout": proc.stdout,
                          "stderr": proc.stderr})
        if "id" in step:
            job.outputs[step["id"]] = {"outputs": dict(
                line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)}
        if proc.returncode != 0 and job.failed_at is None:
            job.failed_at = name
    return job


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "workspace"
    (ws / "drafts").mkdir(parents=True)
    (ws / "drafts" / "story.txt").write_text(DRAFT, encoding="utf-8")
    (ws / "drafts" / "clean.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    return ws


def _meets_upload_contract(upload: dict[str, str]) -> None:
    """Only inputs upload-sarif declares, each with a value of its kind."""
    assert set(upload) <= set(UPLOAD_SARIF_INPUTS), set(upload) - set(UPLOAD_SARIF_INPUTS)
    for name, value in upload.items():
        kind = UPLOAD_SARIF_INPUTS[name]
        if kind == "path":
            assert Path(value).exists(), f"{name}: {value} does not exist"
        elif kind == "boolean":
            assert value in ("true", "false"), f"{name}: {value!r}"
        else:
            assert value.strip(), f"{name} is empty"


def _sarif_valid(path: Path) -> dict[str, Any]:
    sarif: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    schema_path = SHARED_DATA / "sarif" / "sarif-schema-2.1.0.json"
    if schema_path.is_file():
        import jsonschema

        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        errors = [e.message for e in cls(schema).iter_errors(sarif)]
        assert not errors, errors[:5]
    return sarif


def test_findings_are_checked_once_uploaded_then_fail_the_job(workspace: Path,
                                                              tmp_path: Path) -> None:
    job = run_action(workspace, tmp_path, paths="drafts")
    assert len(job.checks) == 1, job.checks
    assert "--format sarif" in job.checks[0]

    (upload,) = job.uploads
    _meets_upload_contract(upload)
    sarif_path = Path(upload["sarif_file"])
    assert sarif_path.is_absolute() and sarif_path.is_relative_to(workspace)
    assert not sarif_path.is_relative_to(job.temp)
    assert sarif_path.is_file()
    assert upload["category"] == "checker"
    sarif = _sarif_valid(sarif_path)
    (result,) = sarif["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "drafts/story.txt"  # relative to the checkout
    assert location["region"]["startLine"] == 1

    names = [s.get("uses", s["name"]) for s in job.steps]
    check = next(s for s in job.steps if s["name"] == "Check")
    assert check["rc"] == 0  # the check step lets the upload run ...
    col = DRAFT.index("the the") + 1
    assert (f"::warning file=drafts/story.txt,line=1,endLine=1,col={col},endColumn={col + 7},"
            "title=TY104 repeated-word::") in check["stdout"]
    assert names.index("Check") < names.index("github/codeql-action/upload-sarif@v4")
    assert job.failed_at == "Result"  # ... and the job fails after it, with the checker's code
    assert job.steps[-1]["rc"] == 1
    assert job.outputs["check"]["outputs"]["exit-code"] == "1"


def test_a_clean_tree_passes_and_still_uploads(workspace: Path, tmp_path: Path) -> None:
    job = run_action(workspace, tmp_path, paths="drafts/clean.txt")
    assert len(job.checks) == 1
    assert job.failed_at is None
    (upload,) = job.uploads
    assert _sarif_valid(Path(upload["sarif_file"]))["runs"][0]["results"] == []


def test_fail_on_error_lets_warnings_pass(workspace: Path, tmp_path: Path) -> None:
    job = run_action(workspace, tmp_path, paths="drafts", **{"fail-on": "error"})
    assert job.failed_at is None
    assert len(job.uploads) == 1 and len(job.checks) == 1


def test_no_upload_when_turned_off_and_the_job_still_fails(workspace: Path,
                                                            tmp_path: Path) -> None:
    job = run_action(workspace, tmp_path, paths="drafts", **{"upload-sarif": "false"})
    assert job.uploads == []
    assert len(job.checks) == 1
    assert job.failed_at == "Result"


def test_an_unreadable_input_fails_with_exit_2_after_uploading_what_was_found(
        workspace: Path, tmp_path: Path) -> None:
    (workspace / "drafts" / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    job = run_action(workspace, tmp_path, paths="drafts")
    (upload,) = job.uploads
    sarif = _sarif_valid(Path(upload["sarif_file"]))
    (notice,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert "binary.txt" in notice["message"]["text"]
    assert job.failed_at == "Result" and job.steps[-1]["rc"] == 2


def test_a_sarif_path_outside_the_workspace_is_refused(workspace: Path, tmp_path: Path) -> None:
    job = run_action(workspace, tmp_path, paths="drafts", **{"sarif-file": "../out.sarif"})
    assert job.checks == []
    assert job.uploads == []
    assert job.failed_at == "Result" and job.steps[-1]["rc"] == 2
    assert not (tmp_path / "out.sarif").exists()


def test_a_custom_sarif_path_and_category_reach_the_upload(workspace: Path,
                                                           tmp_path: Path) -> None:
    job = run_action(workspace, tmp_path, paths="drafts",
                     **{"sarif-file": "reports/checker/out.sarif", "category": "drafts"})
    (upload,) = job.uploads
    _meets_upload_contract(upload)
    assert upload["sarif_file"] == str(workspace / "reports" / "checker" / "out.sarif")
    assert upload["category"] == "drafts"
    assert Path(upload["sarif_file"]).is_file()
