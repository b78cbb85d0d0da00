"""``--source`` at the command line, in the configuration, and in every report format."""

from __future__ import annotations

import json
from pathlib import Path

from testkit import REPO_ROOT, cli, run_json, write

WIRE = ("Harbour master Ines Lindqvist said on Monday that 1,200 containers were stranded at the "
        "Harwell terminal.\n\n\"We will clear the backlog within two weeks,\" Lindqvist said.\n")
DRAFT = ("Harbour master Ines Lindqvest said on Monday that 1,200 containers were stranded at the "
         "Harwell terminal.\n\n\"We will clear the backlog within three weeks,\" Lindqvest said.\n")


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path / "draft.txt", DRAFT), write(tmp_path / "wire.txt", WIRE)


def test_source_findings_carry_the_source_span_and_path(tmp_path: Path) -> None:
    draft, wire = _pair(tmp_path)
    rc, data, _ = run_json(["--no-model", "--select", "SR", draft, "--source", wire])
    assert rc == 1
    (entry,) = data["files"]
    assert entry["sources"] == [str(wire)]
    codes = sorted(f["code"] for f in entry["findings"])
    assert codes == ["SR104", "SR104", "SR107"]
    name = entry["findings"][0]
    (rel,) = name["related"]
    assert rel["path"] == str(wire)
    assert rel["text"] == "Lindqvist"
    assert (rel["line"], rel["column"]) == (1, 21)
    quote = next(f for f in entry["findings"] if f["code"] == "SR107")
    assert "'three' where the source has 'two'" in quote["message"]


def test_without_source_the_same_draft_has_no_source_findings(tmp_path: Path) -> None:
    draft, _ = _pair(tmp_path)
    rc, data, _ = run_json(["--no-model", "--select", "SR", draft])
    assert rc == 0 and data["files"][0]["findings"] == []


def test_a_missing_source_is_a_clear_error(tmp_path: Path) -> None:
    draft, _ = _pair(tmp_path)
    rc, out, _ = cli(["check", "--no-model", draft, "--source", tmp_path / "nope.txt"])
    assert rc == 2
    assert "nope.txt: source text not found" in out
    assert "Traceback" not in out


def test_an_unreadable_source_names_the_file(tmp_path: Path) -> None:
    draft, _ = _pair(tmp_path)
    bad = write(tmp_path / "bad.txt", b"\xff\xfe\x00\x00binary\x00")
    rc, out, _ = cli(["check", "--no-model", draft, "--source", bad])
    assert rc == 2 and "source text" in out and "bad.txt" in out


def test_config_maps_drafts_to_sources_and_the_walk_skips_sources(tmp_path: Path) -> None:
    write(tmp_path / "checker.toml", '[sources]\n"drafts/*.txt" = "sources/{stem}.txt"\n')
    write(tmp_path / "drafts" / "harbour.txt", DRAFT)
    write(tmp_path / "drafts" / "other.txt", "A short note with nothing to compare.\n")
    write(tmp_path / "sources" / "harbour.txt", WIRE)
    rc, data, _ = run_json(["--no-model", "--select", "SR", "."], cwd=tmp_path)
    paths = sorted(f["path"] for f in data["files"])
    assert paths == ["drafts/harbour.txt", "drafts/other.txt"]  # sources/ is not a draft
    by_path = {f["path"]: f for f in data["files"]}
    assert by_path["drafts/harbour.txt"]["sources"] == ["sources/harbour.txt"]
    assert {f["code"] for f in by_path["drafts/harbour.txt"]["findings"]} == {"SR104", "SR107"}
    assert by_path["drafts/other.txt"]["findings"] == [] and rc == 1


def test_a_bad_sources_table_is_a_config_error(tmp_path: Path) -> None:
    write(tmp_path / "checker.toml", '[sources]\n"*.txt" = 3\n')
    write(tmp_path / "a.txt", "Text.\n")
    rc, _, err = cli(["check", "--no-model", "a.txt"], cwd=tmp_path)
    assert rc == 2 and "sources" in err


def test_sarif_points_the_related_location_at_the_source(tmp_path: Path) -> None:
    draft, wire = _pair(tmp_path)
    rc, out, _ = cli(["check", "--no-model", "--select", "SR104", "--format", "sarif", draft,
                      "--source", wire])
    results = json.loads(out)["runs"][0]["results"]
    loc = results[0]["relatedLocations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("wire.txt")
    assert loc["region"]["startLine"] == 1 and rc == 1


def test_text_report_names_the_source_line(tmp_path: Path) -> None:
    draft, wire = _pair(tmp_path)
    _, out, _ = cli(["check", "--no-model", "--select", "SR104", draft, "--source", wire])
    assert f"related {wire}:1:21: spelled 'Lindqvist'" in out


def test_html_report_shows_the_source_sentence_beside_the_draft(tmp_path: Path) -> None:
    from checker.cli import _parser
    from checker.commands import collect
    from checker.reporters.html import payload
    from checker.request import CliRequest

    draft, wire = _pair(tmp_path)
    args = _parser().parse_args(["check", "--no-model", "--select", "SR", str(draft),
                                 "--source", str(wire)])
    results, _ = collect(CliRequest.from_args(args))
    doc = payload(results)["documents"][0]
    quote = next(f for f in doc["findings"] if f["code"] == "SR107")
    cmp = quote["compare"]
    assert cmp["path"] == str(wire) and cmp["line"] == 3
    assert [t for t, changed in cmp["draft"] if changed] == ["three", "Lindqvest"]
    assert [t for t, changed in cmp["source"] if changed] == ["two", "Lindqvist"]
    # the source span is not painted into the draft text
    painted = [p for p in doc["pieces"] if isinstance(p, list) and p[2]]
    assert painted == []


def test_the_seed_demo_pair() -> None:
    rc, data, _ = run_json(["--no-model", "--select", "SR", REPO_ROOT / "seeds"])
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    assert "source" not in {Path(f["path"]).parent.name for f in data["files"]}
    ferry = by_name["ferry-strike.txt"]
    assert {f["code"] for f in ferry["findings"]} >= {"SR104", "SR105", "SR106", "SR107"}
    assert by_name["niger-withdrawal.txt"]["findings"] == []  # no source mapped: unchanged
    assert rc == 1


def test_the_web_api_takes_a_source_text() -> None:
    from checker.config import Settings
    from checker.modelhub import ModelHub
    from checker.server.api import parse_form, parse_request, run_check

    body = json.dumps({"text": DRAFT, "source": WIRE, "options": {"model": False}}).encode()
    result = run_check(parse_request(body), Settings(), ModelHub())
    findings = result["files"][0]["findings"]
    assert {f["code"] for f in findings if f["category"] == "source"} == {"SR104", "SR107"}
    assert all(r["path"] == "source.txt" for f in findings if f["category"] == "source"
               for r in f["related"])
    alone = run_check(parse_request(json.dumps({"text": DRAFT}).encode()), Settings(),
                      ModelHub())
    assert not [f for f in alone["files"][0]["findings"] if f["category"] == "source"]
    from urllib.parse import urlencode

    form = parse_form(urlencode({"text": DRAFT, "source": WIRE, "model": "false"}).encode())
    assert form.source == WIRE and form.sources()[0].text.startswith("Harbour")


def test_the_web_api_refuses_a_source_that_is_not_text() -> None:
    import pytest

    from checker.server.api import ApiError, parse_request

    with pytest.raises(ApiError, match="source"):
        parse_request(json.dumps({"text": DRAFT, "source": 5}).encode())


def test_a_rules_only_run_with_a_source_never_imports_torch(tmp_path: Path) -> None:
    import subprocess
    import sys

    from testkit import cli_env

    draft, wire = _pair(tmp_path)
    code = ("import sys; from checker.cli import main; "
            f"rc = main(['check', '--no-model', {str(draft)!r}, '--source', {str(wire)!r}]); "
            "assert rc == 1, rc; "
            "assert 'torch' not in sys.modules and 'transformers' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, env=cli_env(),
                   capture_output=True, cwd=REPO_ROOT)
