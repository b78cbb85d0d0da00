"""Reporters: the JSON contract, SARIF against the official schema, GitHub annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from testkit import FIXTURES, SEED, cli, run_cli, run_json, write

from checker.config import Settings
from checker.document import Document
from checker.engine import FileResult, check_text
from checker.findings import Applicability, Edit, Finding, Fix, Related, Severity
from checker.reporters import FORMATS, get_renderer
from checker.reporters.github import render as render_github

DIRTY = "Intro line.\n\nShe said the the troops\nleft. It was over. .\n"

FINDING_TYPES: dict[str, Any] = {
    "code": str, "rule": str, "category": str, "severity": str, "message": str,
    "start": int, "end": int, "line": int, "column": int, "end_line": int, "end_column": int,
    "confidence": (float, type(None)), "related": list, "fix": (dict, type(None)),
}
RELATED_TYPES: dict[str, Any] = {"start": int, "end": int, "line": int, "end_line": int,
                                 "message": str}
CATEGORIES = {"spam", "name", "contradiction", "number", "typography", "garble", "source",
              "other"}


@pytest.fixture()
def report(tmp_path: Path) -> tuple[dict[str, Any], dict[str, str]]:
    sources = {
        "dirty.txt": DIRTY,
        "seed.txt": SEED.read_text(encoding="utf-8"),
        "draft.md": (FIXTURES / "draft.md").read_text(encoding="utf-8"),
    }
    paths = [write(tmp_path / name, text) for name, text in sources.items()]
    write(tmp_path / "broken.txt", b"\x00\x01\x02")
    _, data, _ = run_json(["--no-model", *[p.name for p in paths], "broken.txt"], cwd=tmp_path)
    return data, sources


def test_json_top_level_contract(report: tuple[dict[str, Any], dict[str, str]]) -> None:
    data, _ = report
    assert data["schema_version"] == 1
    assert data["tool"] == {"name": "checker", "version": "0.1.0"}
    assert [f["path"] for f in data["files"]] == ["dirty.txt", "seed.txt", "draft.md",
                                                   "broken.txt"]
    for entry in data["files"]:
        assert {"path", "error", "findings"} <= set(entry)
        assert isinstance(entry["findings"], list)
    assert data["files"][0]["error"] is None
    assert "broken.txt" in data["files"][3]["error"]
    summary = data["summary"]
    assert summary["files"] == 4
    assert summary["findings"] == sum(len(f["findings"]) for f in data["files"])
    by_category: dict[str, int] = {}
    for entry in data["files"]:
        for f in entry["findings"]:
            by_category[f["category"]] = by_category.get(f["category"], 0) + 1
    assert summary["by_category"] == by_category


def test_json_finding_contract(report: tuple[dict[str, Any], dict[str, str]]) -> None:
    data, sources = report
    seen = 0
    for entry in data["files"]:
        if entry["error"]:
            continue
        source = sources[entry["path"]]
        lines = source.split("\n")
        for f in entry["findings"]:
            seen += 1
            for key, kind in FINDING_TYPES.items():
                assert key in f, key
                assert isinstance(f[key], kind), (key, f[key])
            assert f["category"] in CATEGORIES
            assert f["severity"] in {"info", "warning", "error"}
            assert 0 <= f["start"] <= f["end"] <= len(source)
            assert f["line"] >= 1 and f["column"] >= 1
            assert (f["end_line"], f["end_column"]) >= (f["line"], f["column"])
            # 1-based line/column in the original file, end_column exclusive
            start_at = sum(len(x) + 1 for x in lines[: f["line"] - 1]) + f["column"] - 1
            end_at = sum(len(x) + 1 for x in lines[: f["end_line"] - 1]) + f["end_column"] - 1
            assert (start_at, end_at) == (f["start"], f["end"])
            if f["line"] == f["end_line"]:
                assert f["end_column"] - f["column"] == f["end"] - f["start"]
            for rel in f["related"]:
                for key, kind in RELATED_TYPES.items():
                    assert isinstance(rel[key], kind), (key, rel)
                assert 0 <= rel["start"] <= rel["end"] <= len(source)
                assert rel["line"] >= 1
    assert seen >= 3


def test_json_exact_positions_for_a_known_finding() -> None:
    result = check_text(DIRTY, "d.txt", "text", Settings(select=("TY104",), use_model=False))
    text = get_renderer("json")([result])
    (f,) = json.loads(text)["files"][0]["findings"]
    assert (f["code"], f["rule"], f["category"], f["severity"]) == (
        "TY104", "repeated-word", "typography", "warning")
    assert (f["start"], f["end"]) == (22, 29)
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (3, 10, 3, 17)
    assert f["confidence"] is None and f["related"] == []
    assert f["fix"]["applicability"] == "safe"
    (edit,) = f["fix"]["edits"]
    fixed = DIRTY[: edit["start"]] + edit["replacement"] + DIRTY[edit["end"] :]
    assert "She said the troops" in fixed


def test_json_related_and_confidence_render() -> None:
    doc = Document("d.txt", "Bassum spoke.\n\nBasoom left.\n")
    finding = Finding("NM101", "name-variant", "name", Severity.WARNING, "spelt two ways", 15, 21,
                      confidence=0.87654, related=(Related(0, 6, "first spelling"),))
    data = json.loads(get_renderer("json")([FileResult("d.txt", [finding], document=doc)]))
    f = data["files"][0]["findings"][0]
    assert f["confidence"] == pytest.approx(0.8765)
    (rel,) = f["related"]
    assert (rel["start"], rel["end"], rel["line"], rel["end_line"]) == (0, 6, 1, 1)
    assert rel["message"] == "first spelling"
    assert (f["line"], f["column"], f["end_column"]) == (3, 1, 7)


def test_json_is_utf8_not_escaped(tmp_path: Path) -> None:
    draft = write(tmp_path / "é.txt", "Café café the the end.\n")
    _, out, _ = run_cli(["check", "--no-model", "--format", "json", draft])
    assert "é.txt" in out


@pytest.fixture(scope="module")
def sarif_schema() -> dict[str, Any]:
    from testkit import SHARED_DATA

    path = SHARED_DATA / "sarif" / "sarif-schema-2.1.0.json"
    if not path.is_file():
        pytest.skip(f"SARIF schema not found at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def _validate(schema: dict[str, Any], document: dict[str, Any]) -> None:
    import jsonschema

    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_sarif_validates(tmp_path: Path, sarif_schema: dict[str, Any]) -> None:
    paths = [write(tmp_path / "dirty.txt", DIRTY), write(tmp_path / "seed.txt", SEED.read_text()),
             write(tmp_path / "page.html", (FIXTURES / "article.html").read_text()),
             write(tmp_path / "broken.txt", b"\x00bin")]
    rc, out, _ = cli(["check", "--no-model", "--format", "sarif",
                          *[p.name for p in paths]], cwd=tmp_path)
    assert rc == 2
    sarif = json.loads(out)
    _validate(sarif_schema, sarif)
    (run,) = sarif["runs"]
    assert run["tool"]["driver"]["name"] == "checker"
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert {r["ruleId"] for r in results} >= {"TY101", "TY104"}
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any("broken.txt" in n["message"]["text"] for n in notes)
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_validates_with_related_and_fixes(sarif_schema: dict[str, Any]) -> None:
    from checker.reporters.sarif import as_dict

    doc = Document("d.txt", "Bassum spoke.\n\nBasoom left. .\n")
    findings = [
        Finding("NM101", "name-variant", "name", Severity.INFO, "two ways", 15, 21,
                confidence=0.5, related=(Related(0, 6, "first"),)),
        Finding("TY101", "doubled-punctuation", "typography", Severity.ERROR, "doubled", 26, 29,
                fix=Fix("collapse", (Edit(27, 29, ""),), Applicability.UNSAFE)),
    ]
    sarif = as_dict([FileResult("d.txt", findings, document=doc)])
    _validate(sarif_schema, sarif)
    results = sarif["runs"][0]["results"]
    assert [r["level"] for r in results] == ["note", "error"]
    assert results[0]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"] == {
        "charOffset": 27, "charLength": 2}


def test_sarif_with_no_results_validates(tmp_path: Path, sarif_schema: dict[str, Any]) -> None:
    clean = write(tmp_path / "clean.txt", "Nothing wrong here.\n")
    rc, out, _ = cli(["check", "--no-model", "--format", "sarif", clean])
    assert rc == 0
    sarif = json.loads(out)
    _validate(sarif_schema, sarif)
    assert sarif["runs"][0]["results"] == []


def test_github_annotation_escaping() -> None:
    doc = Document("x", "100% sure, he said: the the end.\nmore\n")
    finding = Finding("TY104", "repeated-word", "typography", Severity.WARNING,
                      "50% done,\nnext: a,b\r", 20, 27)
    info = Finding("TY101", "doubled-punctuation", "typography", Severity.INFO, "m", 0, 36)
    out = render_github([
        FileResult("dir:a,b/draft 100%.txt", [finding, info], document=doc),
        FileResult("bad,1.txt", error="bad,1.txt: not valid UTF-8\nsecond line"),
    ])
    lines = out.splitlines()
    assert lines[0] == ("::warning file=dir%3Aa%2Cb/draft 100%25.txt,line=1,endLine=1,col=21,"
                        "endColumn=28,title=TY104 repeated-word::50%25 done,%0Anext: a,b%0D")
    assert lines[1] == ("::notice file=dir%3Aa%2Cb/draft 100%25.txt,line=1,endLine=2,"
                        "title=TY101 doubled-punctuation::m")
    assert lines[2] == ("::error file=bad%2C1.txt,title=checker::"
                        "bad,1.txt: not valid UTF-8%0Asecond line")
    assert len(lines) == 3


def test_github_output_from_the_cli(tmp_path: Path) -> None:
    draft = write(tmp_path / "d.txt", DIRTY)
    rc, out, _ = cli(["check", "--no-model", "--format", "github", "d.txt"], cwd=tmp_path)
    assert rc == 1
    assert out.splitlines() == [
        "::warning file=d.txt,line=3,endLine=3,col=10,endColumn=17,"
        "title=TY104 repeated-word::repeated word 'the'",
        "::warning file=d.txt,line=4,endLine=4,col=18,endColumn=21,"
        "title=TY101 doubled-punctuation::doubled punctuation '. .'",
    ]
    assert draft.exists()


def test_markdown_report_escapes_cells() -> None:
    doc = Document("x", "a the the b\n")
    f = Finding("TY104", "repeated-word", "typography", Severity.WARNING, "a | b", 2, 9)
    out = get_renderer("markdown")([FileResult("dir|x.md", [f], document=doc),
                                     FileResult("bad.md", error="bad.md: empty")])
    assert "**1** finding(s) in **2** file(s), **1** file(s) could not be checked." in out
    assert "| `dir\\|x.md:1:3` | `TY104` | typography | warning | a \\| b |" in out
    assert "bad.md: empty" in out


def test_text_report_shows_the_offending_text_and_related() -> None:
    doc = Document("x", "Bassum spoke.\n\nBasoom left.\n")
    f = Finding("NM101", "name-variant", "name", Severity.WARNING, "two ways", 15, 21,
                confidence=0.9, related=(Related(0, 6, "first spelling here"),))
    out = get_renderer("text")([FileResult("x.txt", [f], document=doc)])
    lines = out.splitlines()
    assert lines[0] == "x.txt:3:1: warning: NM101 [name] two ways (confidence 0.90)"
    assert lines[1] == "    Basoom left."
    assert lines[2] == "    ^^^^^^"
    assert lines[3].strip() == "related x.txt:1:1: first spelling here"
    assert lines[-1] == "Found 1 finding in 1 file (1 warning)."


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_advertised_format_renders(fmt: str, tmp_path: Path) -> None:
    draft = write(tmp_path / "d.txt", DIRTY)
    rc, out, err = cli(["check", "--no-model", "--format", fmt, draft])
    assert "Traceback" not in err, err
    assert rc == 1
    assert out.strip()
    empty = get_renderer(fmt)([])
    assert isinstance(empty, str)


def test_findings_on_one_span_come_out_in_one_order() -> None:
    """A sentence that contradicts two earlier ones gives two findings on one span; their order
    must not depend on set iteration (string hashing differs per process, and batch tables from
    different worker processes then differed)."""
    from checker.engine import check_document
    from checker.inputs import build_document

    doc = build_document("d.txt", "A rose. B fell. A fell.\n")
    made = [Finding(code="XX999", rule="both", category="contradiction",
                    severity=Severity.WARNING, message="contradicts an earlier statement",
                    start=16, end=23, confidence=0.9,
                    related=(Related(start, start + 7, "the earlier statement"),))
            for start in (8, 0)]

    class TwoFindings:
        code = "XX999"

        def __init__(self, order: list[Finding]) -> None:
            self.order = order

        def check(self, doc: Document, ctx: object) -> list[Finding]:
            return self.order

    settings = Settings(use_model=False)
    forward = check_document(doc, settings, rules=[TwoFindings(made)])  # type: ignore[list-item]
    backward = check_document(doc, settings, rules=[TwoFindings(made[::-1])])  # type: ignore[list-item]
    assert forward == backward
    assert [f.related[0].start for f in forward] == [0, 8]
