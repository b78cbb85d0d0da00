"""The rules benchmark runs end to end (on a few synthetic articles, one run)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.bench import rules as bench

pytestmark = pytest.mark.slow


def test_bench_rules_writes_its_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if bench.proselint_command() is None:
        pytest.skip("proselint is not installed")
    data = tmp_path / "articles.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": f"Article {i}. The the troops left on Friday."})
             for i in range(6)]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "bench.md"
    assert bench.main(["--runs", "1", "--data", str(data), "--output", str(out)]) == 0
    report = out.read_text(encoding="utf-8")
    assert "| checker 0.1.0 `check --no-model --format json` |" in report
    assert "| proselint " in report and "Speed-up" in report
    assert "tables (`CHECKER_STARTUP_CACHE=0`) |" in report  # the runs that build it all afresh
    assert "6 articles, one file each" in report
    assert "6 articles" in capsys.readouterr().out


def test_bench_rules_skips_without_data(tmp_path: Path) -> None:
    assert bench.main(["--data", str(tmp_path / "absent.jsonl")]) == 0


def test_bench_batch_keeps_tables_and_shows_differences(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from checker.bench.batch import keep_tables

    header = "path,code,confidence\n"
    tables = {"j1-0": header + "a.txt,CT101,0.9123\n", "j2-0": header + "a.txt,CT101,0.9123\n",
              "dask-0": header + "a.txt,CT101,0.9124\n"}
    keep_tables(tables, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "findings-dask-0.csv", "findings-j1-0.csv", "findings-j2-0.csv"]
    assert (tmp_path / "findings-dask-0.csv").read_text() == tables["dask-0"]
    err = capsys.readouterr().err
    assert "-a.txt,CT101,0.9123" in err and "+a.txt,CT101,0.9124" in err
    assert "j2-0" not in err.split("kept in")[0]  # only the table that differs is shown


def test_bench_cli_server_skips_without_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from checker.bench import cli_server

    monkeypatch.setattr(cli_server, "DATA", tmp_path / "absent.jsonl")
    assert cli_server.main() == 0
    assert "skipped" in capsys.readouterr().out


def test_bench_model_report_lists_every_finding_that_differs() -> None:
    from checker.bench.model_report import differences

    header = "path,code,start,end,confidence\n"
    before = header + "d/a.txt,CT101,10,40,0.91\nd/b.txt,CT101,5,9,0.6\nd/c.txt,CT102,1,2,0.95\n"
    now = header + "e/a.txt,CT101,10,40,0.91\nd/b.txt,CT101,5,9,0.7\nd/d.txt,CT101,3,4,0.55\n"
    assert differences(before, before) == []
    assert differences(before, now) == [
        "b.txt CT101 at 5-9: confidence 0.6 -> 0.7",
        "only before: c.txt CT102 at 1-2 (confidence 0.95)",
        "only now: d.txt CT101 at 3-4 (confidence 0.55)",
    ]


def test_a_section_of_a_shared_report_is_replaced_and_the_rest_kept(tmp_path: Path) -> None:
    from checker.bench.sections import write_section

    path = tmp_path / "profile.md"
    write_section(path, "startup", "# start\none")
    write_section(path, "report", "# report\ntwo")
    write_section(path, "startup", "# start\nthree")
    text = path.read_text(encoding="utf-8")
    assert text.count("<!-- begin startup -->") == 1 and "one" not in text
    assert text.index("three") < text.index("# report\ntwo")
