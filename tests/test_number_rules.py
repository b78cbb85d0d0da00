"""NU101 on timelines: two dated entries are two events, one entry stated twice is still one."""

from __future__ import annotations

import pytest

from checker.config import Settings
from checker.engine import check_text


def _found(text: str, code: str) -> list[str]:
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=(code,)))
    return [text[f.start:f.end] for f in result.findings]


def _nu101(text: str) -> list[str]:
    return _found(text, "NU101")


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


def test_a_running_count_stamped_with_two_dates_is_two_moments() -> None:
    text = ("So far the county has, as of April 13, recorded 323 cases of the virus.\n\n"
            "As at 9pm on 14th April, the county's figures had reached 362 cases of the virus.\n")
    assert _nu101(text) == []
    # one date given twice is one moment: the change is still found
    same = text.replace("14th April", "13th April")
    assert _nu101(same) == ["362 cases"]


def test_a_live_page_s_summary_above_its_entries_is_a_moment_of_its_own() -> None:
    summary = ("An earthquake has stunned the Dunmore region, killing more than 100 people as "
               "buildings collapsed.")
    entry = "He now says 93 people have died in Dunmore, 69 in the hill villages and four inland."
    live = (f"{summary}\n\n3:20 p.m.\n\n{entry}\n\n2:10 p.m.\n\n"
            "Rescue teams reached the hill villages at noon.\n")
    assert _nu101(live) == []
    # with one entry's time only, the page is no live page: the change is still found
    single = f"{summary}\n\n3:20 p.m.\n\n{entry}\n"
    assert _nu101(single) == ["93 people"]


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


def test_entries_that_open_with_their_label_and_count_are_two_labels_counts() -> None:
    entries = ("HARBOURSHIRE, 20 votes: With 95% of the vote counted, Ferris leads the count.\n\n"
               "DUNMORE, 16 votes: With 99% counted, Ferris leads the count by 1,000.\n")
    assert _nu101(entries) == []
    # one label's count stated twice differently is still found
    same = entries.replace("DUNMORE, 16", "HARBOURSHIRE, 16")
    assert _nu101(same) == ["16 votes"]


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


def _nu104(text: str) -> list[str]:
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("NU104",)))
    return [f.message for f in result.findings]


@pytest.mark.parametrize(("text", "message"), [
    ("Term ends: Monday 17th July 2026.", "17 July 2026 is a Friday, not a Monday"),
    ("Strikes fall on Thursday 8th and Friday 10th April, 2010.",
     "10 April 2010 is a Saturday, not a Friday"),
    ("Posted Sun, Oct. 30, 2017 at noon.", "30 October 2017 is a Monday, not a Sunday"),
    ("Filed on Wednesday, October 31, 2017.", "31 October 2017 is a Tuesday, not a Wednesday"),
    ("The tournament was held on 30th and 31st June.", "June has 30 days, not 31"),
    ("Tickets go on sale February 29, 2023.", "February 2023 has 28 days, not 29"),
    ("They play on Sunday morning at 11.30pm.", "pm is not in the morning"),
    ("The outage began at 7:45 PM this morning.", "pm is not in the morning"),
    ("The vigil starts on Friday evening at 6 a.m. sharp.", "am is not in the evening"),
    # a 24-hour clock's hour with pm (batch M)
    ("The blaze was reported at 21:01 PM on Friday.", "'21:01 PM' gives a 24-hour clock's hour"),
    ("Warnings run until 23.59pm on Saturday.", "'23.59pm' gives a 24-hour clock's hour"),
    # two weekdays of one month, no year: no year gives both
    ("Vandals struck on Sunday May 23. A car meet was held on Sunday May 22.",
     "'Sunday May 22' does not fit 'Sunday May 23' earlier: in any year, if May 23 is a Sunday, "
     "May 22 is a Saturday"),
    ("Heats on Sat 5th of May; the final on Friday 13 May.",
     "'Friday 13 May' does not fit 'Sat 5th of May' earlier"),
    # the wrong one of three, not also the one after it that fits the first (batch Q)
    ("A shop was raided overnight on Wednesday 20 September. A house was entered between "
     "Tuesday 18 September and Thursday 21 September.",
     "'Tuesday 18 September' does not fit 'Wednesday 20 September' earlier"),
])
def test_dates_the_calendar_or_clock_cannot_give(text: str, message: str) -> None:
    found = _nu104(text)
    assert len(found) == 1 and found[0].startswith(message), found


@pytest.mark.parametrize("text", [
    "Term ends: Friday 17th July 2026.",
    "Posted Tuesday, Oct. 31, 2017 at noon.",
    "Term ends on Monday 17th July.",  # no year: the calendar cannot say
    "Tuesday, 1 March\n\n2000 was a good year for the firm.",  # the year is on another line
    "Tickets go on sale February 29, 2024, and on 29 February.",
    "He has 40 May loyalists behind him and 35 March dates booked.",
    "They meet on Sunday morning at 11.30am and Sunday evening at 7pm.",
    "The power is off on Monday morning but back at 9pm until 5am.",
    "The count goes on from Saturday evening at 12.30am.",
    "The clocks aligned at 4:23.42 p.m. on that date.",  # minutes and seconds, not an hour
    # weekdays of one month that one year can give; of two months, which the year may part
    "Heats on Sat 5 May, the parade on Sun 13 May and the final on Monday, May 14th.",
    "The sale runs from Friday 30 December to Monday 2 January.",
    "Hearings on Sunday May 23, 2021 and on Sunday May 22, 2022.",
    # two days given together: the weekday before the date is the second day's (batch P)
    "The meeting is on Wednesday, July 26. The sale runs on Friday and Saturday July 28 and 29, "
    "and the fair is on Saturday, July 29.",
])
def test_dates_that_can_hold_are_left_alone(text: str) -> None:
    assert _nu104(text) == []


def test_a_month_written_twice_around_its_day_is_found_and_fixed() -> None:
    from checker.fixes import apply_edits

    text = "The fete is on Saturday July 21st July at the hall, and on July 21 July 22 too."
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("NU104",)))
    (finding,) = result.findings
    assert text[finding.start:finding.end] == "July 21st July"
    assert finding.fix is not None
    assert apply_edits(text, finding.fix.edits) == text.replace("21st July", "21st", 1)


def test_counts_still_being_made_are_moments_of_the_count() -> None:
    text = ("Harbour party leading in 20 seats as counting goes on in Dunmore. Later, the Harbour "
            "party was leading in 27 seats in Dunmore, officials said.")
    assert _nu101(text) == []
    settled = ("The Harbour party won 20 seats in Dunmore. Officials said the Harbour party won "
               "23 seats in Dunmore.")
    assert _nu101(settled) == ["23 seats"]


def test_counts_in_two_entries_of_a_live_page_are_two_moments() -> None:
    # a live page newest first, each entry under a clock time on a line of its own, a headline
    # under it: the count at 15:20 and the count at 11:05 are two moments of one storm
    live = ("Storm Tarn live: thousands without power\n\n"
            "15:20\nPower being restored\n\n"
            "Norwell Power says 41,000 homes are still without electricity, down from the "
            "peak.\n\n"
            "11:05\nPower cuts climb\n\n"
            "Norwell Power now says 48,000 homes are without electricity.\n")
    assert _nu101(live) == []
    # the two counts in one entry still disagree
    one_entry = live.replace("11:05\nPower cuts climb\n\n", "")
    assert _nu101(one_entry) == ["48,000 homes"]


def test_one_line_of_each_entry_of_a_list_counts_that_entry() -> None:
    # a shop's questions and answers, each answer with its count of helpful votes
    answers = "\n\n".join(
        f"Answer: {text}\nBy {who} on March {day}, 2024 | Verified purchaser\n"
        f"{votes} people found this helpful"
        for text, who, day, votes in [
            ("It works well on our stairs and rugs.", "Kevin O.", 3, 22),
            ("The battery lasts about forty minutes on the low setting.", "Marcus T.", 9, 29),
            ("Hair wraps round the brush roll, but it cuts off easily.", "Jordan B.", 14, 18)])
    assert _nu101(answers) == []
    # the same count stated twice in prose is still compared
    prose = ("Some 22 people found the answer helpful, the shop said. The shop said 29 people "
             "found the answer helpful.")
    assert _nu101(prose) == ["29 people"]


def test_the_title_lines_of_a_listing_count_each_entry() -> None:
    homes = ("Homes to rent in Gullhaven\n\n2 bedroom terraced house to rent\n£1,150 pcm\n"
             "A bright house by the harbour.\n\n3 bedroom semi-detached house to rent\n"
             "£1,450 pcm\nA family home with a garden.\n\n4 bedroom detached house to rent\n"
             "£1,950 pcm\nA large house near the school.\n")
    assert _nu101(homes) == []
    # two such lines make no listing: one house's title given twice
    twice = ("Homes\n\n3 bedroom semi-detached house to rent\n\n"
             "4 bedroom semi-detached house to rent\n")
    assert _nu101(twice) == ["4 bedroom semi-detached house"]


def test_a_figure_with_two_neighbouring_digits_swapped_is_found_in_any_words() -> None:
    text = ("Researchers at the University of Calderbrook followed 1,240 patients at 18 "
            "hospitals for a year.\n\nHalf were given a walking plan.\n\n"
            "Of the 1,420 patients who took part, around two-thirds were men.")
    assert _nu101(text) == ["1,420 patients"]
    # other figures said in other words are two counts, not one mistyped
    other = text.replace("1,420", "1,180")
    assert _nu101(other) == []
    # two digits apart ("1,240" / "1,402") is no neighbouring swap
    assert _nu101(text.replace("1,420", "1,402")) == []
    # and an update log's times are two times, not one count
    log = ("0850 GMT (3:50 a.m. EST)\n\nThe rover's signal was received at mission control.\n\n"
           "0805 GMT (3:05 a.m. EST)\n\nThe team is waiting for the rover's signal.\n")
    assert _nu101(log) == []


def test_of_governs_only_the_count_just_after_it() -> None:
    # "12 of the 20 people" is part of a count; a name with "of" three words back is not
    part = ("The fire killed 20 people in the town on Monday, police said.\n\n"
            "Police said 12 of the 25 people killed in the town on Monday were children.")
    assert _nu101(part) == []
    from checker.rules.numbers import transposed
    assert transposed(1240, 1420) and transposed(87, 78) is False and not transposed(1240, 1240)


def _nu102(text: str) -> list[str]:
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("NU102",)))
    return [result.findings[0].message] if result.findings else []


def test_a_person_referred_back_to_by_an_age_with_its_digits_swapped_is_found() -> None:
    text = ("Police are appealing for witnesses after a 67-year-old woman was injured in "
            "Tannerby on Friday.\n\nThe woman was taken to hospital.\n\n"
            "Officers have spoken to the family of the 76-year-old, who have asked for privacy.")
    assert _nu102(text) == ["the 76-year-old is 67 where first described"]
    # an age no sentence gave is how sport pages introduce a player: no finding
    assert _nu102(text.replace("76-year-old", "58-year-old")) == []
    # nor when the swapped age is stated for someone too ("Jo Marsh, 76, …")
    assert _nu102(text + "\n\nHer neighbour, Jo Marsh, 76, saw the car.") == []
    # nor a described person ("the 76-year-old driver"): another person may be meant
    assert _nu102(text.replace("the 76-year-old, who", "the 76-year-old driver, who")) == []


def test_a_measure_with_two_digits_swapped_is_found_when_the_sentences_share_a_topic() -> None:
    text = ("The strongest gust was recorded at Caddon Point, where the wind reached 78mph "
            "shortly before 3am.\n\nForecaster Dana Obi said the 87mph gust at Caddon Point "
            "was among the strongest recorded there in the past decade.")
    assert _nu101(text) == ["87mph"]
    # two places, or two units, or one sentence: no finding
    assert _nu101(text.replace("87mph gust at Caddon Point", "87mph gust at Orrin Head")) == []
    assert _nu101(text.replace("87mph", "87km/h")) == []
    assert _nu101("Gusts of 78mph at Caddon Point and 87mph at Caddon Point were strongest.") == []
    # a round-up's two firms, each sentence opening on its own name: two firms' figures
    roundup = ("Harbourline, China's largest ferry firm by revenue, reported an 18.4 percent "
               "rise in profit as fuel costs fell.\n\n* China's biggest port operator Keelmark "
               "posted a 14.8 percent increase in profit as volumes grew.")
    assert _nu101(roundup) == []
    # one line of each entry of a results list: each ward's turnout
    wards = "".join(f"{ward}\n\nElectorate: {n:,} | Turnout: {t}%\n\n" for ward, n, t in (
        ("Northgate ward", 5987, "43.4"), ("Eastgate ward", 6304, "34.4"),
        ("Southgate ward", 5120, "39.1")))
    assert _nu101(wards) == []
    # a figure given as another time's, to compare with: not the same figure mistyped
    turnout = ("Across the Kelton region turnout was 61.4%, up from 58.9% in 2020.\n\n"
               "In Kelton North, the first seat to declare, turnout in the region's first "
               "count was 59.8%.")
    assert _nu101(turnout) == []
    assert _nu101(turnout.replace("up from 58.9% in 2020", "with 58.9% in Kelton")) == ["59.8%"]


def test_any_figure_given_again_with_two_digits_swapped_before_the_same_word() -> None:
    text = ("A hoard of 312 Roman silver coins has been found near Ludsworth.\n\n"
            "Conservators have now cleaned all 321 coins, and several will go on display.\n\n"
            "The Liberal Democrats won the ward by 228 votes.\n\n"
            "Fiona Catterall said Ms Lambert's 282-vote majority showed the party was on course.")
    assert _nu101(text) == ["321", "282"]
    # two candidates' votes are two counts; other words after the figure, another thing
    results = ("Smith won with 1,240 votes, the returning officer said.\n\n"
               "Jones came second with 1,420 votes after a recount.")
    assert _nu101(results) == []
    assert _nu101("The museum holds 312 coins.\n\nIt was visited by 321 schools last year.") == []


def _nu105(text: str) -> list[str]:
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("NU105",)))
    return [f.message for f in result.findings]


@pytest.mark.parametrize(("text", "message"), [
    ("Of the crew, the 21 hospital employees include four physicians, 14 nurses, one "
     "pharmacist, one caregiver and two students.", "the parts add up to 22, more than the 21"),
    ("The 25 medals: 10 gold, 8 silver and 9 bronze.", "the parts add up to 27, more than the 25"),
    ("The new board of nine members comprises four women and three men.",
     "the parts add up to 7, not the 9"),
])
def test_a_breakdown_that_does_not_add_up(text: str, message: str) -> None:
    [found] = _nu105(text)
    assert found.startswith(message)


@pytest.mark.parametrize("text", [
    # fewer parts after "include" may leave some out
    "The 21 hospital employees include four physicians and 14 nurses.",
    # each part larger than the total: the parts count something else
    "The two schools include 400 pupils and 30 teachers.",
    # a list of times, not of members
    "The 3 sessions include 2 hours of talks and 4 hours of workshops.",
    # a breakdown that adds up
    "The new board of nine members comprises four women and five men.",
    # a sentence ended before the verb: no total
    "Police arrested 12 men. Those charged include four teenagers and ten adults.",
])
def test_a_breakdown_that_adds_up_or_counts_something_else(text: str) -> None:
    assert _nu105(text) == []


def test_a_percentage_change_that_its_figures_do_not_give() -> None:
    settings = Settings(use_model=False, select=("NU106",))
    slips = ["Pre-tax profit at the ferry firm fell by 19 per cent to £618.5 million, from "
             "£805m a year earlier.",
             "Operating profit was up 67.4 per cent from £515m to £885m.",
             "Fares went from £8.00 to £9.60, a rise of 12 per cent.",
             "Sales reached $3.1bn, down 11% from $2.8bn."]
    for text in slips:
        (finding,) = check_text(text, "d.txt", "text", settings).findings
        assert "does not fit its figures" in finding.message, text
        assert len(finding.related) == 2
    result = check_text(slips[0], "d.txt", "text", settings)
    assert "is a fall of 23.2%" in result.findings[0].message
    # rounding, a hedge, years, rates in per cent, two currencies and a figure with no change
    # stated are left alone
    fits = ["Revenue rose 4.7% to $51.2bn from $48.8bn.",
            "Pre-tax profit fell by 23 per cent to £618.5 million, from £805m.",
            "Output rose nearly 30% from 100 to 129 tonnes.",
            "Output rose more than 10% from 100 to 130 tonnes.",
            "Sales grew about 10% from 2019 to 2020.",
            "Unemployment fell 0.3% from 4.4% to 4.1%.",
            "The fund grew 5% from €100m to $130m.",
            "Profit before tax rose to £562m from £71m."]
    for text in fits:
        assert check_text(text, "d.txt", "text", settings).findings == [], text


def test_a_percentage_change_stated_with_its_amount() -> None:
    settings = Settings(use_model=False, select=("NU106",))
    text = "Rates on the island would barely move, going up 0.09 per cent or $56 to $2255."
    (finding,) = check_text(text, "d.txt", "text", settings).findings
    assert finding.message == ("a rise of 0.09% does not fit its figures: up $56 to $2255 is "
                               "a rise of 2.5%")
    assert [text[r.start:r.end] for r in finding.related] == ["$56", "$2255"]
    (fall,) = check_text("Costs fell 20 per cent or £5m to £45m.", "d.txt", "text",
                         settings).findings
    assert "down £5m to £45m is a fall of 10.0%" in fall.message
    # figures that fit, no way stated, or no amount, are left alone
    for quiet in ("Revenue rose 4.7%, or $2.3bn, to $51.2bn.",
                  "Costs fell 10 per cent or £5m to £45m.",
                  "The index moved 2 per cent or 80 points to 4,000.",
                  "Sales rose 5% or more to £3m."):
        assert check_text(quiet, "d.txt", "text", settings).findings == [], quiet


def test_a_percentage_change_told_the_wrong_way() -> None:
    settings = Settings(use_model=False, select=("NU106",))
    (finding,) = check_text("Sales fell 10% to $3.3bn from $3.0bn.", "d.txt", "text",
                            settings).findings
    assert finding.message.startswith("a fall of 10% does not fit") and "a rise of 10.0%" in (
        finding.message)
    # a sentence that names both ways, or figures whose rounding leaves the way open, is quiet
    for text in ("Sales rose, then fell 10% to $3.3bn from $3.0bn.",
                 "Costs fell 2% to $3bn from $3bn."):
        assert check_text(text, "d.txt", "text", settings).findings == [], text


def test_a_change_told_in_words_the_wrong_way_for_its_figures() -> None:
    settings = Settings(use_model=False, select=("NU106",))
    text = "Research awards totalled $78 million in 2006, rising from $87 million in 2005."
    (finding,) = check_text(text, "d.txt", "text", settings).findings
    assert finding.message == ("'rising' tells a rise, but from $87 million to $78 million is "
                               "a fall")
    for wrong in ("Attendance fell from 4,200 to 5,100 last season.",
                  "Exports climbed to £2.1bn from £2.4bn."):
        assert len(check_text(wrong, "d.txt", "text", settings).findings) == 1, wrong
    for right in ("Attendance fell from 5,100 to 4,200 last season.",
                  "Exports climbed to £2.4bn from £2.1bn.",
                  "Net asset value was 138.8 cents as at March 31, up from 132.4 cents.",
                  "Sales rose from 2019 to 2020.",
                  "The firm will cut staff by up to 500 from 4,000 next year."):
        assert check_text(right, "d.txt", "text", settings).findings == [], right


def test_a_count_told_as_a_change_is_two_moments_another_figure_may_be_a_third() -> None:
    text = ("Kelsall is the district of Dunmore with the most flood evacuees, with 1,474 people "
            "housed in 11 relief centres.\n\nThe number of flood evacuees in Dunmore climbed to "
            "1,832 people as of 8 pm, compared to 1,249 people this evening.")
    assert _nu101(text) == []
    # one figure against another, with no change told, is still compared
    assert _nu101("About 1,474 people were evacuated from Kelsall on Monday.\n\n"
                  "Officials said 1,832 people were evacuated from Kelsall on Monday.") == [
        "1,832 people"]


def _nu107(text: str) -> list[str]:
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("NU107",)))
    return [text[f.start:f.end] for f in result.findings]


def test_one_change_told_as_a_rise_and_as_a_fall_is_found() -> None:
    row = "Carrow Bay: £312,400, up 1.4 per cent on the month, up 3.6 per cent on the year\n\n"
    later = ("Carrow Bay, where prices fell 1.4 per cent this month, has seen a steady flow of "
             "buyers.\n")
    assert _nu107(row + later) == ["fell 1.4 per cent"]
    # the change's noun after the percentage tells its direction too
    assert _nu107("Harbourline's sales rose 4% in March.\n\nThe 4% fall in Harbourline's "
                  "sales worried investors.\n") == []  # (the name comes after the change)
    assert _nu107("Harbourline reported a 4% rise in sales.\n\nHarbourline reported a 4% "
                  "fall in sales.\n") == ["a 4% fall"]
    # another name, another figure, a forecast or a question: no finding
    assert _nu107(row + later.replace("Carrow Bay", "Fenley")) == []
    assert _nu107(row + later.replace("1.4", "1.6")) == []
    assert _nu107(row + "Economists expect Carrow Bay prices to fall 1.4 per cent next month.") \
        == []
    assert _nu107(row + "Did Carrow Bay prices fall 1.4 per cent this month?") == []


def test_a_bound_and_an_exact_count_on_its_side_of_it_can_both_hold() -> None:
    text = ("More than 200 people have reported symptoms after the Tallowmere festival, "
            "officials said.\n\nThe health unit said 214 people have reported symptoms after "
            "the Tallowmere festival.")
    assert _nu101(text) == []
    # an exact count below the bound, or a count given roughly, is still compared
    assert _nu101(text.replace("214", "184")) == ["184 people"]
    assert _nu101(text.replace("said 214", "said about 240")) == ["240 people"]


def test_a_weekday_takes_the_year_of_the_date_after_it_on_its_line() -> None:
    def nu104(text: str) -> list[str]:
        result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("NU104",)))
        return [text[f.start:f.end] for f in result.findings]

    # two school years' term dates: the same day of the month on two weekdays, in two years
    terms = ("Staff training days: Monday 1 September and Tuesday 2 September 2025\n"
             "Half term: Monday 27 October to Friday 31 October 2025\n\n"
             "Staff training days: Tuesday 1 September and Wednesday 2 September 2026\n"
             "Half term: Monday 26 October to Friday 30 October 2026\n")
    assert nu104(terms) == []
    # read in its year, a wrong weekday is found; a clock's "from 1930" is no year
    assert nu104("Training days: Tuesday 1 September and Wednesday 2 September 2025\n") == [
        "Tuesday 1 September", "Wednesday 2 September 2025"]
    assert nu104("The replay is live on Wednesday 19 January, from 1930 on BBC One.\n\n"
                 "The draw was made on Sunday 16 January.") == []
    # a range over the new year: the December date is in the year before
    assert nu104("The office closes on Wednesday 24 December and reopens on Monday 5 January "
                 "2026.\n") == []
    assert nu104("The office closes on Thursday 24 December and reopens on Monday 5 January "
                 "2026.\n") == ["Thursday 24 December"]


def test_two_votes_tallies_that_differ_on_both_sides_are_two_votes() -> None:
    text = ("The Harrowby budget was passed by 31 votes to 24, with two abstentions.\n\n"
            "An amendment to the Harrowby budget to protect library hours was defeated by 30 "
            "votes to 25.\n")
    assert _nu101(text) == []
    # one side changed is one tally misquoted
    misquoted = text.replace("defeated by 30 votes to 25", "passed by 30 votes to 24")
    assert _nu101(misquoted) == ["30 votes"]


def test_a_row_that_gives_both_figures_is_no_digit_swap() -> None:
    text = ("Highlights\n\nOperating profit rose to £14.2m, with the Kelton Foods operating "
            "margin improving to 7.6%.\n\n"
            "Kelton Foods | 2024 | 2023 | Change\n"
            "Operating margin | 7.6% | 6.7% | +0.9 pts\n")
    assert _nu101(text) == []
    # the figure alone, two digits swapped, is still a slip
    alone = text.replace("| 7.6% | 6.7% |", "| 6.7% |")
    assert _nu101(alone) == ["6.7%"]


def test_a_golf_card_s_holes_are_entries_of_their_own() -> None:
    card = ("Freya Lindgard's card, hole by hole\n\n"
            "5th (par 4, 401 yards): Par. Her approach drifted into the rough, but she saved par."
            "\n\n7th (par 3, 148 yards): Par. An eight-iron to 20 feet and two putts.\n\n"
            "18th (par 4, 410 yards): Par. A nervy second putt dropped for a 68.\n")
    assert _nu101(card) == []
    # without the holes' labels the two lengths are one thing told twice
    plain = card.replace("5th (par 4, 401 yards): ", "The par-4 18th is 401 yards. ")
    assert _nu101(plain.replace("18th (par 4, 410 yards): ", "The par-4 18th is 410 yards. "))


def _nu106(text: str) -> list[str]:
    return _found(text, "NU106")


def test_a_figure_written_out_in_full_takes_no_scale_from_the_other() -> None:
    assert _nu106("Its pre-tax profit fell from £1.9m to £640,000 over the same period.") == []
    assert _nu106("Its pre-tax profit fell from £1.9m to £2,640,000 over the year.") != []
    # a short figure still takes the scale written on the other ("from $2.8 to $3.1bn")
    assert _nu106("Profit fell from $2.8 to $3.1bn.") != []


def test_a_financial_year_is_no_figure_of_a_change() -> None:
    text = "Research income rose to £48 million in 2022-23, up from £39 million the year before."
    assert _nu106(text) == []
    assert _nu106(text.replace("£39 million", "£59 million")) == [
        "£48 million in 2022-23, up from £59 million"]


def test_minutes_tallies_in_favour_and_against_are_two_votes() -> None:
    text = ("On being put to the vote, the amendment was LOST, with 4 votes in favour, 8 against "
            "and 1 abstention.\n\n"
            "On being put to the vote, the motion was LOST, with 5 votes in favour, 7 against and "
            "1 abstention.\n")
    assert _nu101(text) == []
    # the same tally with one side changed is one vote misquoted
    misquoted = text.replace("5 votes in favour, 7 against", "5 votes in favour, 8 against")
    assert _nu101(misquoted) == ["5 votes"]


def test_a_measure_with_two_digits_swapped_is_found_when_named_alike_before_each() -> None:
    call = ("Gross margin was 38.6%, up 110 basis points from a year ago, driven by mix.\n\n"
            "Good morning, Priya. On gross margin, the 36.8% we delivered this quarter did "
            "benefit modestly from mix.")
    assert _nu101(call) == ["36.8%"]
    # two measures named before them are two figures
    assert _nu101(call.replace("On gross margin, the 36.8%", "On operating margin, the 36.8%")
                  ) == []


def test_weekday_dates_under_two_years_headings_are_read_apart() -> None:
    terms = ("Academic year 2025–26\n\nAutumn term 2025\n\n"
             "Tuesday 2 September – staff training day\nFriday 19 December – term ends\n\n"
             "Academic year 2026–27 (provisional)\n\nAutumn term 2026\n\n"
             "Tuesday 1 September – staff training day\nFriday 18 December – term ends\n\n"
             "Year 11 and Year 13 examination leave\n\n"
             "Study leave starts on Friday 22 May 2026 and runs to Thursday 25 June.\n")
    assert _nu104(terms) == []
    # under one heading, two dates of one month that no year gives both are still found
    one_year = terms.replace("Autumn term 2026", "Autumn term 2025 (continued)")
    found = _nu104(one_year)
    assert len(found) == 2
    assert found[0].startswith("'Tuesday 1 September' does not fit 'Tuesday 2 September'")


# A set or a price pointed back at with another figure (checker/rules/recounts.py), and a toll
# counted in people and in deaths.

def test_a_definite_count_that_points_back_at_another_count_of_the_same_noun_is_found() -> None:
    text = ("Divers from the marine institute surveyed reefs at 28 sites around the Kelmar "
            "islands and found bleached corals at most of them.\n\n"
            "Across the 35 sites, the worst damage to the corals was in shallow water.\n")
    assert _nu101(text) == ["35"]
    # the same figure, or a third value, or a part of the set: nothing to report
    assert _nu101(text.replace("the 35 sites", "the 28 sites")) == []
    assert _nu101(text + "\nA further survey covered 40 sites in the south.\n") == []
    assert _nu101(text.replace("Across the 35 sites,", "Across the 35 sites in the south,")) == []
    assert _nu101(text.replace("at 28 sites", "at 12 of the 28 sites")) == []


def test_definite_counts_of_units_years_and_a_far_larger_set_are_left_alone() -> None:
    assert _nu101("The match lasted 80 minutes in all.\n\nIn the 90 minutes that followed, "
                  "nobody scored a single goal.\n") == []
    assert _nu101("Labour held 12 wards across the county before the vote.\n\nAfter the defeat "
                  "in the 1983 wards were lost.\n") == []
    # "the 30 wards" after "12 wards": more than twice as many, another set
    assert _nu101("Labour won 12 wards across the county.\n\nCounting in the 30 wards "
                  "across the county ended at midnight.\n") == []


def test_a_definite_price_that_points_back_at_the_cost_given_before_is_found() -> None:
    text = ("The terminal was built by Zarek Logistics at a cost of about 38 million euros, "
            "part of it lent by the regional bank.\n\n"
            "He said cargo at the 52-million-euro terminal would be sealed before shipping.\n")
    assert _nu101(text) == ["52-million-euro"]
    assert _nu101(text.replace("52-million-euro", "38-million-euro")) == []
    dollars = text.replace("38 million euros", "$38m").replace("52-million-euro", "$52m")
    assert _nu101(dollars) == ["$52m"]
    # no word of cost with the earlier figure: a price of something else
    assert _nu101(text.replace("at a cost of about", "after a loan of")) == []


def test_a_toll_counted_in_people_and_in_deaths_is_one_toll() -> None:
    text = ("At least 14 people have died after the storm struck the coast of Binh Lao.\n\n"
            "With 11 confirmed deaths, the storm is the deadliest to strike Binh Lao this "
            "year.\n")
    assert _nu101(text) == ["11 confirmed deaths"]
    assert _nu101(text.replace("11 confirmed", "14 confirmed")) == []
    # a count of the missing is not the toll
    missing = text.replace("With 11 confirmed deaths,", "With 11 people missing,")
    assert _nu101(missing) == []


def test_a_date_a_correction_quotes_as_wrong_is_not_checked_against_the_others() -> None:
    page = ("Bristol: Friday 9 October, Harbour Hall.\n\n"
            "Correction: an earlier version of this page listed the Bristol show as Friday 15 "
            "October. The correct date is Friday 9 October.\n")
    assert _found(page, "NU104") == []
    # the same date outside a correction still does not fit
    plain = page.replace("Correction: an earlier version of this page listed the Bristol show "
                         "as", "Doors open at 7pm on")
    assert _found(plain, "NU104") == ["Friday 15 October"]


def test_a_definite_count_after_a_possessive_and_one_that_shares_no_word() -> None:
    text = ("Turnout in Sunday's repeat council elections in 23 districts reached 9.6 percent.\n\n"
            "Preliminary results for the 17 districts will be announced on Wednesday.\n")
    assert _nu101(text) == ["17"]
    assert _nu101("The minister wants to merge 21 rural schools into nine.\n\nShe said "
                  "their 14 schools would share one head teacher.\n") == ["14"]
    # a part of a set named before it ("the 16 films competing in …"), a small set's part,
    # and two sets each named with "the"
    assert _nu101("Twelve films will compete for the documentary prize.\n\nThe 16 films "
                  "competing in the drama section were chosen in May.\n") == []
    assert _nu101("Iraq is seeking bids for three projects.\n\nThese two projects aim to "
                  "develop the Khurmala field.\n") == []
    assert _nu101("The three winners return in August.\n\nThe four group winners then join "
                  "the holders.\n") == []


def test_a_death_toll_told_without_a_counted_noun() -> None:
    text = ("Storms kill 27 in Khyber Pakhtunkhwa, officials say\n\n"
            "The Khyber minister said the death toll of 35 could still rise.\n")
    assert _nu101(text) == ["35"]
    assert _nu101(text.replace("35", "27")) == []
    # a toll that rose is a later moment of the count
    assert _nu101("Storms kill 27 in Khyber.\n\nThe death toll in Khyber rose to 31 on "
                  "Monday, the ministry said.\n") == []


def test_a_definite_count_of_the_injured_and_a_loss_told_beside_its_figure() -> None:
    assert _nu101("At least 14 people were killed and 23 others injured in the landslide.\n\n"
                  "Doctors said 17 of the 27 injured were taken to hospital.\n") == ["27"]
    loss = ("The company posted a net loss of €47m for 2023, against a profit the year before.\n\n"
            "Analysts said the €74m loss was larger than they had expected.\n")
    assert _nu101(loss) == ["€74m"]
    assert _nu101(loss.replace("€74m", "€47m")) == []
    # a plain amount with a country's dollar
    fine = ("The firm was ordered to pay a fine of C$186,400 by the tribunal.\n\n"
            "Its lawyer said the C$196,400 fine was among the largest of its kind.\n")
    assert _nu101(fine) == ["C$196,400"]
    assert _nu101(fine.replace("C$196,400", "$196,400")) == []  # another currency


def test_a_measure_with_its_digits_swapped_before_the_same_noun_in_two_spellings() -> None:
    text = ("The 14.2-kilometre line runs from the station to the hospital, with 22 stops.\n\n"
            "Engineers say the 12.4km line has been designed so that it can be extended.\n")
    assert _nu101(text) == ["12.4km"]
    assert _nu101(text.replace("12.4km", "14.2km")) == []


def test_a_prison_term_referred_back_to_with_another_length() -> None:
    text = ("A former treasurer of a children's charity has been jailed for six years after "
            "stealing £1.2m from its accounts.\n\n"
            "The judge said the eight-year term reflected the length of the deception.\n")
    assert _nu101(text) == ["eight-year"]
    assert _nu101(text.replace("eight-year", "six-year")) == []
    # two defendants, two terms: each told back is one of them
    two = text.replace("jailed for six years", "jailed for six years and his wife for eight "
                       "years").replace("has been", "and her husband have been")
    assert _nu101(two.replace("and his wife for eight years", "and his wife was jailed for "
                              "eight years")) == []


def test_a_result_referred_back_to_with_another_score() -> None:
    text = ("A late try gave the Kowhai Falcons a 27-24 victory over the Rangiora Rams on "
            "Saturday.\n\nThe 27-21 result leaves the Falcons second in the table.\n")
    assert _nu101(text) == ["27-21"]
    assert _nu101(text.replace("27-21 result", "27-24 result")) == []
    assert _nu101(text.replace("The 27-21 result", "The 24-27 defeat")) == []  # the loser's way
    # a round-up of two matches gives two results
    two = text.replace("on Saturday.", "on Saturday, and the Rams' reserves a 21-27 loss.")
    assert _nu101(two.replace("27-21 result", "21-20 result")) == []


def test_a_change_between_two_shares_told_twice_with_one_end_moved() -> None:
    text = ("A rural school has raised its pass rate from 41% to 88% in three years.\n\n"
            "Officials said the jump from 44% to 88% was among the largest in the province.\n")
    assert _nu101(text) == ["44"]
    assert _nu101(text.replace("from 44%", "from 41%")) == []
    # two changes of two measures: both ends differ
    assert _nu101(text.replace("from 44% to 88%", "from 52% to 71%")) == []
