"""The built wheel works on its own: rule packs inside it, console script, no source tree.

Builds the wheel, installs it into a fresh plain venv (no system site-packages) with only the
dependencies its metadata declares, and runs ``checker`` from a folder outside the checkout.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from testkit import REPO_ROOT, SEED

pytestmark = pytest.mark.slow


def _run(cmd: list[str | Path], cwd: Path,
         timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}}
    env["NO_COLOR"] = "1"
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def _build_wheel(out: Path) -> Path:
    try:
        import build  # noqa: F401

        cmd: list[str | Path] = [sys.executable, "-m", "build", "--wheel", "--no-isolation",
                                 "--outdir", out, REPO_ROOT]
    except ImportError:
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
               "-w", out, REPO_ROOT]
    proc = _run(cmd, cwd=REPO_ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (wheel,) = out.glob("checker-*.whl")
    return wheel


def _requirements(wheel: Path) -> list[str]:
    """Requires-Dist lines without an extra: what a plain ``pip install checker`` pulls in."""
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(zf.read(name).decode("utf-8"))
    return [r for r in meta.get_all("Requires-Dist") or [] if "extra ==" not in r]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    base = tmp_path_factory.mktemp("pkg")
    wheel = _build_wheel(base / "dist")
    venv = base / "venv"
    proc = _run([sys.executable, "-m", "venv", venv], cwd=base)
    assert proc.returncode == 0, proc.stderr
    py = venv / "bin" / "python"
    pip = [py, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    proc = _run([*pip, "--no-deps", wheel], cwd=base)
    assert proc.returncode == 0, proc.stderr
    requirements = _requirements(wheel)
    assert requirements, "the wheel declares no dependencies"
    proc = _run([*pip, *requirements], cwd=base)
    assert proc.returncode == 0, proc.stderr
    work = base / "elsewhere"
    work.mkdir()
    return wheel, venv, work


def test_wheel_contents(installed: tuple[Path, Path, Path]) -> None:
    wheel, _, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    packs = sorted(p.relative_to(REPO_ROOT / "rules").as_posix()
                   for p in (REPO_ROOT / "rules").rglob("*") if p.is_file())
    assert packs
    missing = [p for p in packs if f"checker/_data/rules/{p}" not in names]
    assert not missing, f"rule packs missing from the wheel: {missing}"
    tops = {n.split("/")[0] for n in names}
    assert tops == {"checker", "checker-0.1.0.dist-info"}, tops  # no stray rules/, models/, tests/
    assert "checker/__main__.py" in names
    entry = zipfile.ZipFile(wheel).read("checker-0.1.0.dist-info/entry_points.txt").decode()
    assert re.search(r"^checker = checker\.cli:main$", entry, re.M)


def test_installed_package_is_used_not_the_checkout(installed: tuple[Path, Path, Path]) -> None:
    _, venv, work = installed
    proc = _run([venv / "bin" / "python", "-c",
                 "import sys, checker, checker.resources as r; "
                 "print(checker.__file__); print(r.data_root('rules')); "
                 "print(any(p.startswith('" + str(REPO_ROOT) + "') for p in sys.path))"], cwd=work)
    assert proc.returncode == 0, proc.stderr
    module, rules, on_path = proc.stdout.split("\n")[:3]
    assert module.startswith(str(venv)) and rules.startswith(str(venv))
    assert rules.endswith("checker/_data/rules")
    assert on_path == "False"


def test_installed_rules_and_explain(installed: tuple[Path, Path, Path]) -> None:
    _, venv, work = installed
    proc = _run([venv / "bin" / "checker", "rules", "--format", "json"], cwd=work)
    assert proc.returncode == 0, proc.stderr[-2000:]
    codes = {r["code"] for r in json.loads(proc.stdout)}
    assert {"TY101", "TY104", "CK100"} <= codes
    proc = _run([venv / "bin" / "python", "-m", "checker", "explain", "TY104"], cwd=work)
    assert proc.returncode == 0 and proc.stdout.startswith("# TY104"), proc.stderr


def test_installed_check_of_the_seed(installed: tuple[Path, Path, Path]) -> None:
    _, venv, work = installed
    seed = work / "niger-withdrawal.txt"
    shutil.copy(SEED, seed)
    draft = work / "draft.txt"
    draft.write_text("The the troops left, and and it was over.\n", encoding="utf-8")
    proc = _run([venv / "bin" / "checker", "check", "--no-model", "--format", "json",
                 seed.name, draft.name], cwd=work)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert [f["error"] for f in data["files"]] == [None, None]
    seed_codes = {f["code"] for f in data["files"][0]["findings"]}
    assert "TY101" in seed_codes  # "region. ." on line 15
    # TY104 reads its allow-list from the packaged rules/typography/repeated-words.toml
    assert [f["code"] for f in data["files"][1]["findings"]] == ["TY104", "TY104"]
    assert "torch" not in proc.stderr
