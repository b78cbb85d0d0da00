"""Meta-tests over the rule registry: codes, names, docs, and examples that run as tests."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace

import pytest

from checker.config import Settings, settings_from_table
from checker.engine import check_text
from checker.findings import CATEGORIES, Applicability, Finding, Severity
from checker.inputs import (
    _SUPPRESSION,  # the suppression syntax, to see which codes CK100 needs
    build_document,
)
from checker.rules import Rule, all_rules, rule_by_code

RULES = all_rules()
CODE = re.compile(r"^[A-Z]{2}\d{3}$")
KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def _param(rule: type[Rule]) -> object:
    marks = [pytest.mark.model] if rule.requires else []
    return pytest.param(rule, id=rule.code, marks=marks)


ALL = [_param(r) for r in RULES]


def test_there_are_rules_in_every_deterministic_family() -> None:
    prefixes = {r.code[:2] for r in RULES}
    assert {"TY", "CK"} <= prefixes
    assert len(RULES) >= 5


def test_codes_and_names_are_unique() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert codes == sorted(codes)


@pytest.mark.parametrize("rule", ALL)
def test_identity_and_docs(rule: type[Rule]) -> None:
    assert CODE.match(rule.code), rule.code
    assert KEBAB.match(rule.name), rule.name
    assert rule.category in CATEGORIES
    assert isinstance(rule.severity, Severity)
    assert rule.summary.strip() and "\n" not in rule.summary.strip()
    assert len(rule.what.strip()) >= 20, "what: say what the rule finds"
    assert len(rule.why.strip()) >= 20, "why: say why it matters"
    assert rule.bad_examples, "at least one bad example"
    assert rule.good_examples, "at least one good example"
    assert rule.fix_applicability is None or isinstance(rule.fix_applicability, Applicability)
    assert rule_by_code(rule.code) is rule
    assert rule_by_code(rule.code.lower()) is rule


def test_family_prefix_matches_the_category() -> None:
    """One family prefix, one category: select/ignore by prefix must mean something."""
    by_prefix: dict[str, set[str]] = {}
    for r in RULES:
        by_prefix.setdefault(r.code[:2], set()).add(r.category)
    assert all(len(cats) == 1 for cats in by_prefix.values()), by_prefix


def _settings(rule: type[Rule], example: str) -> Settings:
    base = settings_from_table(dict(rule.example_config)) if rule.example_config else Settings()
    select = [rule.code]
    if rule.code == "CK100":  # reports suppressions only for rules that ran
        for m in _SUPPRESSION.finditer(example):
            select += [c.strip().upper() for c in (m.group(2) or m.group(4)).split(",")]
    return replace(base, select=tuple(select), ignore=(), use_model=bool(rule.requires))


def _run(rule: type[Rule], example: str) -> tuple[list[Finding], str]:
    sources = ()
    if rule.example_source:  # rules that compare the draft with the text it came from
        sources = (build_document(f"source-{rule.code}.txt", rule.example_source),)
    result = check_text(example, f"example-{rule.code}.txt", "text", _settings(rule, example),
                        sources=sources)
    assert result.error is None, result.error
    assert result.document is not None
    return result.findings, result.document.text


def _span_text(rule: type[Rule], text: str, path: str | None) -> str:
    """The text a related span points into: the draft, or the source it names."""
    return text if path is None else rule.example_source


def _examples(kind: str) -> Iterator[object]:
    for rule in RULES:
        for i, example in enumerate(getattr(rule, kind)):
            marks = [pytest.mark.model] if rule.requires else []
            yield pytest.param(rule, example, id=f"{rule.code}-{i}", marks=marks)


@pytest.mark.parametrize(("rule", "example"), list(_examples("bad_examples")))
def test_bad_example_is_found(rule: type[Rule], example: str) -> None:
    findings, text = _run(rule, example)
    mine = [f for f in findings if f.code == rule.code]
    assert mine, f"{rule.code} found nothing in its bad example {example!r}"
    for f in mine:
        assert f.rule == rule.name and f.category == rule.category
        assert 0 <= f.start <= f.end <= len(text)
        assert f.message.strip()
        assert f.confidence is None or 0.0 <= f.confidence <= 1.0
        for rel in f.related:
            within = _span_text(rule, text, rel.path)
            assert 0 <= rel.start <= rel.end <= len(within) and rel.message.strip()
        if f.fix is not None:
            assert rule.fix_applicability is not None, "a fix needs a declared applicability"
            assert f.fix.applicability == rule.fix_applicability


@pytest.mark.parametrize(("rule", "example"), list(_examples("good_examples")))
def test_good_example_is_not_found(rule: type[Rule], example: str) -> None:
    findings, text = _run(rule, example)
    mine = [(f.message, text[f.start : f.end]) for f in findings if f.code == rule.code]
    assert not mine, f"{rule.code} misfires on its good example {example!r}: {mine}"


def _apply(text: str, finding: Finding) -> str:
    assert finding.fix is not None
    edits = sorted(finding.fix.edits, key=lambda e: e.start)
    for a, b in itertools.pairwise(edits):
        assert a.end <= b.start, "edits of one fix must not overlap"
    for e in reversed(edits):
        assert 0 <= e.start <= e.end <= len(text)
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


FIXABLE = [_param(r) for r in RULES if r.fix_applicability is not None]


@pytest.mark.parametrize("rule", FIXABLE)
def test_a_declared_fix_is_produced_and_works(rule: type[Rule]) -> None:
    fixed_any = False
    for example in rule.bad_examples:
        findings, text = _run(rule, example)
        with_fix = [f for f in findings if f.code == rule.code and f.fix is not None]
        for f in with_fix:
            assert f.fix is not None and f.fix.edits and f.fix.description.strip()
            after = _apply(text, f)
            assert after != text, f"{rule.code}: the fix changes nothing"
            fixed_any = True
            if rule.fix_applicability is Applicability.SAFE:
                again, _ = _run(rule, after)
                still = [g for g in again if g.code == rule.code]
                assert len(still) < len([g for g in findings if g.code == rule.code]), (
                    f"{rule.code}: applying the safe fix leaves the problem in {after!r}")
    assert fixed_any, f"{rule.code} declares a fix but offers none on its bad examples"


@pytest.mark.parametrize("rule", ALL)
def test_explain_in_process(rule: type[Rule], capsys: pytest.CaptureFixture[str]) -> None:
    from checker.cli import main

    assert main(["explain", rule.code]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# {rule.code} {rule.name}\n")
    assert "## What it does" in out and "## Why is this bad?" in out
    assert rule.what.strip() in out and rule.why.strip() in out
    for example in rule.bad_examples:
        assert example.split("\n")[0] in out

