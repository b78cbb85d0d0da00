"""Fixture drafts per rule family, with reviewed expectations in tests/fixtures/rules/expected.toml.

Each draft must produce exactly the listed findings (code or family prefix, and line), rules only.
When a rule changes on purpose, update expected.toml in the same commit and say why.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from testkit import FIXTURES

from checker.config import Settings
from checker.engine import check_file
from checker.reporters import get_renderer

RULE_FIXTURES = FIXTURES / "rules"
EXPECTED: dict[str, list[str]] = tomllib.loads(
    (RULE_FIXTURES / "expected.toml").read_text(encoding="utf-8"))["files"]


def test_every_draft_has_expectations() -> None:
    drafts = {p.name for p in RULE_FIXTURES.glob("*.txt")}
    assert drafts == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture(name: str) -> None:
    path = RULE_FIXTURES / name
    result = check_file(str(path), Settings(use_model=False))
    assert result.error is None and result.document is not None
    doc = result.document
    found = [(f.code, doc.line_col(f.start)[0], doc.text[f.start : f.end][:60])
             for f in result.findings]
    expected = [(e.split(":")[0], int(e.split(":")[1])) for e in EXPECTED[name]]
    missing = [e for e in expected
               if not any(c.startswith(e[0]) and line == e[1] for c, line, _ in found)]
    unexpected = [f for f in found
                  if not any(f[0].startswith(code) and f[1] == line for code, line in expected)]
    report = get_renderer("text")([result])
    assert not missing and not unexpected, (
        f"missing {missing}; unexpected {unexpected}\n{report}")


def test_fixture_findings_render_in_every_format() -> None:
    results = [check_file(str(p), Settings(use_model=False))
               for p in sorted(RULE_FIXTURES.glob("*.txt"))]
    for fmt in ("text", "json", "sarif", "github", "markdown"):
        out = get_renderer(fmt)(results)
        assert isinstance(out, str) and out
        if fmt != "markdown":
            for r in results:
                if r.findings:
                    assert Path(r.path).name in out
