"""`checker eval drafts` through the real model: the tallies and the listed pairs agree."""

from __future__ import annotations

import pytest

from checker.nli import drafteval

PAIRS = [
    ("contradiction", "The council approved the stadium plan on Monday.",
     "The council threw out the stadium plan on Monday."),
    ("neutral", "The bakery opened a second shop in Hexley in March.",
     "The bakery's owner grew up on a farm near Tarrow."),
    ("entailment", "Police arrested a 31-year-old man in Corbridge on Friday night.",
     "A man was arrested in Corbridge."),
]


@pytest.mark.model
def test_drafts_lists_each_false_alarm_and_miss_it_counts() -> None:
    result = drafteval.run(PAIRS)
    cli = result["through_cli"]
    assert result["pairs"] == 3
    # every pair the command line got wrong is listed once, under the right heading
    assert len(result["false_alarms_through_cli"]) == cli["fp"]
    assert sum(result["false_alarms_by_label"].values()) == cli["fp"]
    assert len(result["contradictions_missed_through_cli"]) == 1 - cli["tp"]
    for alarm in result["false_alarms_through_cli"]:
        assert alarm["label"] != "contradiction" and alarm["codes"]
    # the plain inversion on the same frame is one the checker must find
    assert cli["tp"] == 1 and cli["recall"] == 1.0
    assert 0.0 <= result["model_alone"]["precision"] <= 1.0
