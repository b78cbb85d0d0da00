"""NU108: a figure a row of a table or a list gives one way and a sentence of the page another.

Every page here is written for these tests (the invented results, donor list and timeline of a
club's pages)."""

from __future__ import annotations

import pytest

from checker.config import Settings
from checker.engine import check_text
from checker.rules.rows import row_facts, rows


def _nu108(text: str) -> list[str]:
    result = check_text(text, "page.txt", "text", Settings(use_model=False, select=("NU108",)))
    return [text[f.start:f.end] for f in result.findings]


BOX = """Harbour Hawks 88 Millgate Owls 81

Tomas Rudd scored 24 points for the Hawks and Ellis Vayne added {vayne} points.

Harbour Hawks
Player | MIN | FG | 3PT | PTS
Tomas Rudd (G) | 36 | 9-18 | 2-6 | 24
Ellis Vayne (F) | 31 | 7-12 | 0-1 | 17
Bo Carrick (C) | 28 | 4-9 | 0-0 | 11
"""


def test_a_count_under_a_column_heading_is_read_against_the_sentence() -> None:
    assert _nu108(BOX.format(vayne="19")) == ["19 points"]
    assert _nu108(BOX.format(vayne="17")) == []
    # a heading cell that opens on a digit ("3PT") still makes the row a heading
    assert rows(BOX.format(vayne="17"))[0].heading == ("Player", "MIN", "FG", "3PT", "PTS")


@pytest.mark.parametrize("sentence", [
    "Ellis Vayne, who averaged 12 points a game last season, was the Hawks' best defender.",
    "Ellis Vayne scored only four points in the final quarter.",
    "Ellis Vayne, quiet in the third, scored 11 points in the fourth.",
])
def test_a_count_of_another_period_is_another_fact(sentence: str) -> None:
    page = BOX.format(vayne="17").replace("Tomas Rudd scored", sentence + "\n\nTomas Rudd scored")
    assert _nu108(page) == []


def test_an_entry_in_two_rows_is_left_alone() -> None:
    page = BOX.format(vayne="19") + "\nSeason\nPlayer | GP | PTS\nEllis Vayne (F) | 20 | 301\n"
    assert _nu108(page) == []


DONORS = """Walk for Marram House

Day 6 done. A huge thank you to Ray and Jen Whitcombe, who met me at Kelton Sands with a picnic
and then went home and made a donation of £{amount}. Thanks too to everyone at Kelton Bowls Club,
who raised £340 at their spring open day.

RECENT SUPPORTERS

Kelton Running Club - £75 - 17 May
Ray and Jen Whitcombe - £250 - 15 May
The Hollis Family - £40 - 14 May
"""


def test_a_rows_one_amount_is_read_against_the_sentence_that_names_the_entry() -> None:
    assert _nu108(DONORS.format(amount="150")) == ["£150"]
    assert _nu108(DONORS.format(amount="250")) == []


def test_a_common_last_word_is_no_surname() -> None:
    # "Club" ends "Kelton Running Club" and "Kelton Bowls Club": the £340 is the bowls club's
    assert _nu108(DONORS.format(amount="250")) == []
    facts = {f.key for f in row_facts(DONORS.format(amount="250"))}
    assert "Kelton Running Club" in facts


def test_an_amount_asked_for_is_not_the_amount_given() -> None:
    page = ("Grants awarded\n\nKelton Rovers Junior Football Club | Floodlights | £2,750\n"
            "Ashby Vale Hall Trust | New boiler | £4,500\n\n"
            "The committee part-funded the Kelton Rovers Junior Football Club application, which "
            "asked for £4,000.\n")
    assert _nu108(page) == []


SOLD = """Recently sold

Address | Type | Beds | Asking price | Sold price
14 Fernbank Road, Kelton | Semi-detached house | 3 | £285,000 | £279,500
27 Mill Lane, Kelton | Terraced house | 2 | £195,000 | £199,250

14 Fernbank Road sold for £{sold} against an asking price of £285,000. 27 Mill Lane went to best
and final offers, selling for £4,250 over the asking price.
"""


def test_a_house_and_its_street_name_an_entry_whose_amounts_a_sentence_must_match() -> None:
    assert _nu108(SOLD.format(sold="291,000")) == ["£291,000"]
    # "£4,250 over the asking price" is a difference, not a price
    assert _nu108(SOLD.format(sold="279,500")) == []
    assert {f.key for f in row_facts(SOLD.format(sold="279,500"))} == {
        "14 Fernbank Road", "27 Mill Lane"}


def test_a_tables_row_label_in_sentence_case_names_an_entry() -> None:
    page = ("Income | 2024 | 2023\nDonations and legacies | £412,300 | £388,900\n"
            "Grants from trusts and foundations | £356,750 | £301,200\n\n"
            "The biggest increase came from grants from trusts and foundations, which rose to "
            "£{grants}.\n")
    assert _nu108(page.format(grants="386,750")) == ["£386,750"]
    assert _nu108(page.format(grants="356,750")) == []


def test_an_extra_priced_with_an_entry_is_not_the_entrys_price() -> None:
    page = ("Room | Low | Mid | High\nHarbour Double | £145 | £170 | £205\n\n"
            "An extra bed for a child can be added to a Harbour Double for £25 a night.\n")
    assert _nu108(page) == []


RESULT = """Kelton Open darts: the results

Final
Sophie Wragg 7-5 Dean Marrow (96.31 v 94.88)

Semi-final
Sophie Wragg 6-5 Jack Tulley

In the final Marrow won the bull and held throw to lead 3-2 after five legs. Wragg broke back
and took the deciding leg to win {score}.
"""


def test_a_result_is_read_against_the_win_a_paragraph_tells_of_both_sides() -> None:
    assert _nu108(RESULT.format(score="7-6")) == ["7-6"]
    assert _nu108(RESULT.format(score="7-5")) == []


def test_a_score_on_the_way_or_of_a_part_of_the_match_is_not_the_result() -> None:
    # "lead 3-2" is on the way; "won the first set" is a part
    assert _nu108(RESULT.format(score="7-5").replace(
        "Wragg broke back", "Wragg won the first set 3-1, broke back")) == []


def test_a_win_over_someone_else_is_another_match() -> None:
    page = RESULT.format(score="7-5").replace(
        "In the final Marrow", "Wragg, who beat Neil Carrow 4-3 in the first round, met Marrow in "
        "the final.\n\nIn the final Marrow")
    assert _nu108(page) == []


def test_a_placing_is_read_against_where_the_sentence_says_it_finished() -> None:
    page = ("Race 3 result\n1st Harbour Lad 5/2\n2nd Kelton Gold 4/1\n4th Drumcarrow 3/1 fav\n\n"
            "The favourite Drumcarrow ran on strongly to finish {place}.\n")
    assert _nu108(page.format(place="second")) == ["second"]
    assert _nu108(page.format(place="fourth")) == []


TIMELINE = """Winifred Ashdale: a life

She was appointed director of the Skerrow Marine Laboratory in {year}.

Timeline
1957 - Joined the Skerrow Marine Laboratory as a research chemist
1975 - Appointed director of the Skerrow Marine Laboratory
1991 - Appointed chair of the Skerrow Marine Laboratory trustees
2013 - The Ashdale Building opens at the Skerrow Marine Laboratory
"""


def test_a_timeline_entry_told_in_another_year_is_found() -> None:
    assert _nu108(TIMELINE.format(year="1979")) == ["1979"]


def test_a_sentence_that_tells_an_entry_of_its_own_year_is_about_that_entry() -> None:
    # "Appointed" opens two entries; 1991's is told here, not a second date for 1975's
    assert _nu108(TIMELINE.format(year="1975")) == []
    assert _nu108(TIMELINE.format(year="1991")) == []


def test_a_timeline_entry_that_opens_on_a_name_is_read_by_its_verb() -> None:
    # "The Ashdale Building opens …": its verb is "opens", not "the"
    facts = [f for f in row_facts(TIMELINE.format(year="1975")) if f.kind == "year"]
    assert [f.detail for f in facts] == ["joined", "appointed", "appointed", "opens"]
    page = TIMELINE.format(year="1975") + "\nThe laboratory's new building, opened in 2013.\n"
    assert _nu108(page) == []


def test_rows_of_prose_and_markdown_tables() -> None:
    assert rows("He left - and came back - as manager.") == []
    table = "| Player | PTS | REB |\n|---|---|---|\n| Tomas Rudd | 24 | 5 |\n"
    parsed = rows(table)
    assert [r.cells for r in parsed] == [("Tomas Rudd", "24", "5")]
    assert parsed[0].heading == ("Player", "PTS", "REB")


POLL = """Poll results
No. | Resolution | Votes for | % | Votes against | % | Result
1 | Annual report and accounts | 301,422,118 | 99.86% | 412,506 | 0.14% | Passed
2 | Directors' remuneration report | 214,836,902 | 71.10% | 87,311,457 | 28.90% | Passed

Although resolution 2 was passed, {share} of votes cast were against it.
"""


def test_a_numbered_row_is_the_entry_its_heading_names_and_a_share_one_slip_off_is_found(
        ) -> None:
    assert _nu108(POLL.format(share="18.90%")) == ["18.90%"]
    assert _nu108(POLL.format(share="28.90%")) == []
    # a share further off than one slip is another measure ("a quarter of the register")
    assert _nu108(POLL.format(share="25%")) == []


RATES = """Five-year fixed rates
Lender | Max LTV | Initial rate | Product fee
Northgate Bank | 60% | 3.98% | £999
Harbourside Building Society | 60% | 4.04% | None

Northgate Bank leads at {rate}. Harbourside Building Society needs a deposit of at least 40%.
"""


def test_a_rate_in_a_sentence_that_names_two_entries_or_a_threshold_is_left_alone() -> None:
    # "None" is a table's word, not a second name in Harbourside's row; "at least 40%" is a
    # threshold, not its loan-to-value
    assert _nu108(RATES.format(rate="3.96%")) == ["3.96%"]
    assert _nu108(RATES.format(rate="3.98%")) == []
    # which of two entries a figure belongs to is not read: a sentence that names both is left
    both = RATES.format(rate="3.98%").replace(
        "Northgate Bank leads at 3.98%.", "Northgate Bank leads at 3.96%, ahead of Harbourside "
        "Building Society.")
    assert _nu108(both) == []


ROUND = """Round 4 results
Lowther Cross 0-2 Saltmarsh United
Harnley Colts 1-2 Amberley Town

Saltmarsh United picked up their first points of the season with a {score} win at Lowther Cross.
At Harnley, Amberley Town came from behind to win 2-1.
"""


def test_a_result_told_as_a_scored_win_and_another_match_of_the_round_up() -> None:
    assert _nu108(ROUND.format(score="3-1")) == ["3-1"]
    # "2-0 win" is the row's 0-2 told from the winner's side; Amberley's win is another match
    assert _nu108(ROUND.format(score="2-0")) == []


def test_an_entry_in_brackets_a_lead_and_a_nine_holes_count_are_other_facts() -> None:
    houses = ("House points\n1st Otter 212\n2nd Heron 198\n4th Badger 171\n\n"
              "Callum Reid (Year 6, Badger) had a memorable morning, finishing second in the "
              "100m.\n")
    assert _nu108(houses) == []
    table = ("Team | P | W | Pts\nHarrowgate Hawks | 12 | 11 | 24\nSaltmarsh Sharks | 12 | 9 | 19"
             "\n\nHarrowgate Hawks stretched their lead at the top to three points.\n")
    assert _nu108(table) == []
    card = ("Player | Out | In | Points\nJanet Osei | 16 | 20 | 36\nRuth Ambler | 18 | 21 | 39\n\n"
            "Janet Osei took third place on countback with 20 points on the back nine.\n")
    assert _nu108(card) == []
    # the same player's total told wrong is still found
    assert _nu108(card.replace("with 20 points on the back nine", "with 38 points")) == [
        "38 points"]


FEES = """Club fees

Category | Age on 1 May | Yearly fee | Joining fee
Full | 26 and over | £210 | £30
Young player | 18–25 | £130 | £15
Student (with a valid card) | 18 and over | £95 | None
Veteran | 70 and over | £160 | £30
Junior | 11–17 | £60 | None

Category | 2024–25 | 2025–26
Full | £200 | £210
Young player | £124 | £130
Student | £90 | £95
Veteran | £152 | £160
Junior | £60 | £60
{sentence}
"""


def test_a_row_of_another_table_is_no_sentence_about_a_row() -> None:
    """Two tables with the same row labels and other columns: each row is a row, whichever
    table it is in, though the first table is one paragraph with its heading row."""
    assert _nu108(FEES.format(sentence="")) == []


SEATS = """Harbour Council election: latest seats

Party | Seats | Change
Unity Party | 27 | -7
Liberal Reform | 19 | +4
Green Coalition | 7 | +3

{sentence}
"""


@pytest.mark.parametrize("sentence", [
    "The Unity Party needs 10 of the remaining 14 seats to keep its majority.",
    "Halfway through the count, the Unity Party has lost five seats and gained none.",
    "Liberal Reform win a majority as the Unity Party lose seven seats",
])
def test_a_count_left_needed_or_changed_is_not_the_rows_count(sentence: str) -> None:
    assert _nu108(SEATS.format(sentence=sentence)) == []


def test_a_count_the_row_gives_otherwise_is_still_found() -> None:
    page = SEATS.format(sentence="The Unity Party finished with 24 seats.")
    assert _nu108(page) == ["24 seats"]


CHESS = """Round 3

Board 1 | Haldane 0-1 Okonkwo
Board 2 | Marsh 1-0 Lis

{sentence}
"""


@pytest.mark.parametrize(("sentence", "found"), [
    ("The game of the round came on top board, where Haldane beat Okonkwo with white.",
     ["Haldane beat Okonkwo"]),
    ("On top board Okonkwo lost to Haldane after a long defence.", ["Okonkwo lost to Haldane"]),
    # as the row has it
    ("The game of the round came on top board, where Okonkwo beat Haldane with black.", []),
    ("Marsh beat Lis in the shortest game of the day.", []),
    # a score in the sentence is the scored rule's business; two names of no one row are not
    ("Haldane beat Okonkwo 1-0 in the blitz play-off.", []),
    ("Haldane beat Marsh in the first round.", []),
])
def test_a_win_told_without_a_score_is_read_against_the_result_row(
        sentence: str, found: list[str]) -> None:
    assert _nu108(CHESS.format(sentence=sentence)) == found


GOLF = """October Medal: Division 1

Pos | Name | Gross | Hcp | Nett
1 | Harriet Quayle | 74 | 6 | 68
2 | Graham Tolley | 77 | 8 | 69

{sentence}
"""


@pytest.mark.parametrize(("sentence", "found"), [
    ("Harriet Quayle won Division 1 with a gross 77, nett 71, playing off 6.",
     ["gross 77", "nett 71"]),
    ("Harriet Quayle won Division 1 with a gross 74, nett 68, playing off 6.", []),
    # another round's score is another fact
    ("Harriet Quayle, who shot a gross 81 in last month's medal, won by a shot.", []),
])
def test_a_golf_score_named_before_its_figure_is_read_against_the_row(
        sentence: str, found: list[str]) -> None:
    assert _nu108(GOLF.format(sentence=sentence)) == found


def test_a_figure_of_a_new_clause_s_own_subject_is_not_the_entry_s() -> None:
    league = """Pos | Team | P | W | L | Pts
1 | Red Lion A | 9 | 8 | 1 | 16
2 | Kelton Social | 9 | 8 | 1 | 16
6 | Railway Tavern | 9 | 2 | 7 | 4

{sentence}
"""
    assert _nu108(league.format(sentence=(
        "Kelton Social kept pace by beating Railway Tavern 6-3, so the top two remain level "
        "on 16 points."))) == []
    assert _nu108(league.format(sentence="Railway Tavern are sixth with 6 points.")) == [
        "6 points"]


def test_a_player_s_figure_in_the_team_s_line_is_not_the_team_s_row() -> None:
    page = ("Team | Attack | Block | Ace | Total points\n"
            "Harbourside Falcons | 61 | 11 | 6 | 112\nRedmere Volley | 58 | 8 | 5 | 104\n\n"
            "Harbourside Falcons: Ingrid Solheim 24 (19 attack, 3 block, 2 ace), Maya Okafor 16.\n")
    assert _nu108(page) == []
    # a team's own figure told another way is still found
    told = page.replace("Maya Okafor 16.", "Maya Okafor 16.\n\nRedmere Volley made 9 blocks.")
    assert _nu108(told) == ["9 blocks"]
