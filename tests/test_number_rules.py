"""NU101 on timelines: two dated entries are two events, one entry stated twice is still one."""

from __future__ import annotations

import pytest

from checker.config import Settings
from checker.engine import check_text


def _nu101(text: str) -> list[str]:
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("NU101",)))
    return [text[f.start:f.end] for f in result.findings]


@pytest.mark.parametrize(("first", "second"), [
    ("August 29:", "March 2:"),
    ("3 March -", "17 June -"),
    ("2003:", "2004:"),
    ("14:05 -", "15:40 -"),
])
def test_counts_under_two_timeline_headings_are_two_events(first: str, second: str) -> None:
    text = (f"Year in review\n\n{first} Flooding in Dunmore forces 300 people from their homes.\n\n"
            f"{second} Fresh flooding in Dunmore forces 350 people from their homes.\n")
    assert _nu101(text) == []


def test_the_same_count_changed_within_an_entry_or_without_headings_is_still_found() -> None:
    body = ("Flooding in Dunmore forces 300 people from their homes.\n\n"
            "The Dunmore flooding forces 350 people from their homes, the council said.\n")
    assert _nu101(body) == ["350 people"]
    headed = "\n\n".join(f"August 29: {line}" for line in body.strip().split("\n\n"))
    assert _nu101(headed) == ["350 people"]
    # a date inside the sentence is not an entry's heading
    dated = body.replace("Flooding in Dunmore", "On August 29 flooding in Dunmore")
    assert _nu101(dated) == ["350 people"]


def test_counts_that_belong_to_two_names_are_two_counts() -> None:
    # results: each candidate's votes, each town's dead
    votes = ("Ferris and Oduya topped the poll, with Ferris receiving 210 votes and Oduya "
             "receiving 164 votes.\n\n"
             "Incumbent councillor Pell finished third in the crowded field (150 votes).\n")
    assert _nu101(votes) == []
    towns = ("Storms killed 40 people in Tarvin on Monday.\n\n"
             "The storms killed 35 people in Tarvin and nearby Ashby, officials said.\n")
    assert _nu101(towns) == ["35 people"]  # one name's count, and a count with no name before it
    owned = ("In Tarvin, the storms killed 40 people on Monday.\n\n"
             "In Ashby, the storms killed 35 people on Monday.\n")
    assert _nu101(owned) == []
    # one name's count stated twice differently is still found
    same = ("Ferris received 210 votes in the ward.\n\n"
            "The count showed Ferris with 190 votes in the ward.\n")
    assert _nu101(same) == ["190 votes"]


def test_two_parties_votes_in_a_results_list_are_two_counts() -> None:
    results = ("Harbour Council – Quayside ward by-election:\n\n"
               "Holt, Ann – Harbour Independence Party – 112 votes (11.2%)\n"
               "Pike, Jo – Labour Party – 137 votes (13.7%)\n"
               "Marr, Sam Lee – Labour Party – 141 votes (14.1%)\n")
    assert _nu101(results) == []
    # one name with and without its title is still one owner
    story = ("President Holt said 1,000 troops would leave the port.\n\n"
             "Officials confirmed Holt said 1,100 troops would leave the port.\n")
    assert len(_nu101(story)) == 1
