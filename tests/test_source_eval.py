"""The paired-rewrite generator and ``checker eval source`` (lab side, rules only here)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine import check_text
from checker.inputs import build_document
from checker.source.evaluate import balanced_accuracy, main
from checker.source.pairgen import KINDS, make_pair, split_of

ARTICLE = " ".join([
    "Flood defences along the River Marl were raised on Sunday after 300 homes were evacuated,",
    "county officials said.",
    "Deputy Chief Constable Ruth Okafor said the water had not reached the town centre.",
    "\"We expect the river to peak on Tuesday night, and we are ready for it,\" Okafor said.",
    "Engineers from the Environment Agency added 2,000 sandbags to the barrier at Wexley Bridge.",
    "The council said schools in Wexley would stay closed until Thursday.",
    "Mayor Colin Brandt praised the volunteers, who worked through the night.",
    "Residents in Lower Marl were told they could not return home before the weekend.",
    "The last comparable flood, in 2007, damaged 1,400 properties across the county.",
    "Insurers said claims from this week were likely to be smaller than in 2007.",
    "Forecasters expect the rain to ease on Monday, and river levels to fall by midweek.",
    "Okafor said officers would patrol the evacuated streets to prevent looting.",
])


def test_split_is_fixed_and_about_a_third() -> None:
    ids = [f"article-{i}" for i in range(300)]
    dev = [i for i in ids if split_of(i) == "dev"]
    assert dev == [i for i in ids if split_of(i) == "dev"]  # same answer every time
    assert 70 < len(dev) < 130


def test_make_pair_is_deterministic_and_records_each_change() -> None:
    pair = make_pair("fixture", ARTICLE)
    assert pair == make_pair("fixture", ARTICLE)
    assert pair.faithful != pair.corrupted
    assert {c.kind for c in pair.corruptions} <= set(KINDS)
    assert len(pair.corruptions) >= 4
    for c in pair.corruptions:
        assert pair.corrupted[c.start : c.end] == c.after
        assert c.before != c.after


def _sr(draft: str) -> list[tuple[str, int]]:
    settings = replace(Settings(), select=("SR",), use_model=False)
    result = check_text(draft, "draft.txt", "text", settings,
                        sources=(build_document("source.txt", ARTICLE),))
    return [(f.code, f.start) for f in result.findings]


@pytest.mark.parametrize("seed", range(4))
def test_faithful_rewrites_are_quiet_and_every_planted_change_is_found(seed: int) -> None:
    pair = make_pair(f"fixture-{seed}", ARTICLE)
    assert _sr(pair.faithful) == []
    found = _sr(pair.corrupted)
    for c in pair.corruptions:
        assert any(c.start <= start < c.end for _, start in found), (c, found)


def test_balanced_accuracy() -> None:
    assert balanced_accuracy([True, True, False, False], [True, False, False, False]) == 0.75
    assert balanced_accuracy([True, False], [True, True]) == 0.5


def test_eval_source_runs_on_the_shared_data(shared_data: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "eval.md"
    assert main(["--no-model", "--limit", "4", "--out", str(out)]) == 0
    table = out.read_text(encoding="utf-8")
    assert "| factcc | 4 |" in table and "SummaC-ZS 72.1" in table
    assert "split held-out: 4 articles" in table
    assert "Faithful rewrites:" in capsys.readouterr().out


def test_a_real_article_against_itself_has_no_source_findings(shared_data: Path) -> None:
    import json

    from checker.source.evaluate import _settings

    settings = _settings(use_model=False)
    lines = (shared_data / "news" / "cnn_dailymail_dev.jsonl").read_text("utf-8").splitlines()
    flagged = []
    for line in lines[:150]:
        text = json.loads(line)["text"]
        result = check_text(text, "draft.txt", "text", settings,
                            sources=(build_document("source.txt", text),))
        flagged += [(f.code, text[f.start : f.end]) for f in result.findings]
    assert flagged == []
