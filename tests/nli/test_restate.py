"""The pair filter: restatements and parallel list items are not sent to the model, while every
kind of change that can make a contradiction still is."""

from __future__ import annotations

import numpy as np
import pytest

from checker.entries import speaker_label
from checker.nli.contradict import Params, candidate_pairs
from checker.nli.lexicon import load_lexicon, stopwords
from checker.nli.restate import (
    PairFilter,
    list_items,
    other_anchor,
    restatement,
    reworded_restatement,
    roll_call_rounds,
)

BODY = "The mayor sat quietly in the council chamber and did not answer questions from reporters."


@pytest.mark.parametrize(
    "later",
    [
        # a detail added
        "The mayor (pictured) sat quietly in the council chamber and did not answer questions "
        "from reporters.",
        # a detail dropped
        "The mayor sat in the council chamber and did not answer questions from reporters.",
        # a light rewording of a near-identical sentence
        "The mayor sat quietly in the council chamber and did not answer questions "
        "from journalists.",
    ],
)
def test_restatements_are_recognised(later: str) -> None:
    assert restatement(BODY, later)


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        # negation removed
        (
            BODY,
            "The mayor sat quietly in the council chamber and did answer questions from reporters.",
        ),
        # a refusal word added
        (
            "The minister answered questions about the budget in parliament on Tuesday.",
            "The minister refused questions about the budget in parliament on Tuesday.",
        ),
        # a number changed, also as a number word
        (
            "Three people were taken to hospital after the fire at the warehouse.",
            "Seven people were taken to hospital after the fire at the warehouse.",
        ),
        # a place swapped
        (
            "The summit will be held in Geneva at the end of the month.",
            "The summit will be held in Vienna at the end of the month.",
        ),
        # a tense changed
        (
            "The company will close the factory in the north of the country.",
            "The company closed the factory in the north of the country.",
        ),
        # a date word changed
        (
            "The report was published last week by the national audit office.",
            "The report will be published next week by the national audit office.",
        ),
        # an antonym in a longer rewrite
        (
            "Exports of steel rose sharply in the first quarter of the year.",
            "Exports of steel fell sharply and unexpectedly in the first quarter of the year.",
        ),
        # a refusal of several words dropped, the claim it refused stated
        (
            "The treasurer ruled out raising the water rate in the autumn statement.",
            "The water rate will rise in the autumn statement.",
        ),
        # a cancellation of several words put where the plan stood
        (
            "The county approved the ring road scheme on Thursday after a long meeting.",
            "The county threw out the ring road scheme on Thursday after a long meeting.",
        ),
        # a word that says it did not quite happen
        (
            "The striker scored in the final minute of the cup tie at Hampden.",
            "The striker nearly scored in the final minute of the cup tie at Hampden.",
        ),
        ("He won the race.", "He almost won the race."),
        # a court's decision the other way round
        (
            "The high court upheld the ban on night flights at Corvey airport.",
            "The high court overturned the ban on night flights at Corvey airport.",
        ),
    ],
)
def test_changes_that_can_contradict_are_kept(earlier: str, later: str) -> None:
    assert not restatement(earlier, later)


def test_unrelated_and_short_sentences_are_not_restatements() -> None:
    assert not restatement(BODY, "Rain is expected across the region for most of the weekend.")
    assert not restatement("He left early.", "He left very early.")


def test_a_short_sentence_found_whole_in_another_is_a_restatement() -> None:
    """From the model's four-word floor: words only added, none of them a sign of conflict."""
    assert restatement("I would probably go mad.", "I would go mad.")
    assert restatement("The bank raised rates.", "The bank raised rates again.")
    assert not restatement("The plant will close.", "The plant will not close.")
    # a word replaced in a short sentence is still the model's to judge
    assert not restatement("More explosions go off nearby.", "More explosions follow nearby.")


def test_an_update_told_again_under_its_entry_label_is_a_restatement() -> None:
    """A live page's "Update 6:" opens an entry, it is not part of what the entry says."""
    assert restatement("After all, the launch has been scrubbed because of the weather.",
                       "Update 6: The launch has been scrubbed because of the bad weather.")
    assert not restatement("Update 1: The launch is on schedule for this afternoon.",
                           "Update 6: The launch has been scrubbed for this afternoon.")


def test_a_caption_glued_to_a_restated_sentence_is_a_restatement() -> None:
    """A photo's furniture run into the text ("Camera IconPioneering …") adds words only."""
    lede = "Pioneering scientist Ruth Okafor, Lady Okafor of Leeds, has died in Canada aged 84."
    assert restatement(lede, "Camera IconPioneering scientist Ruth Okafor, Lady Okafor of Leeds, "
                             "has died in Canada aged 84.")
    # a different name run into the same sentence is still a change
    assert not restatement(lede, "Camera IconPioneering scientist Ruth Okafor, Lady Okafor of "
                                 "Hull, has died in Canada aged 84.")


PRICES = [
    "Food prices went up again last month, the survey found.",
    "• Apples by 12 cents a pound to $1.49.",
    "• Carrots by 5 cents a pound to $0.89.",
    "• Cheese by 40 cents a pound to $5.10.",
    "Shoppers said they were buying less as a result of the increases.",
]


def test_list_items_need_a_run_of_three() -> None:
    assert list_items(PRICES) == {1, 2, 3}
    assert list_items(PRICES[:3] + PRICES[4:]) == set()


def test_parallel_items_and_score_lines_are_skipped() -> None:
    prices = PairFilter(PRICES)
    assert prices.skip(1, 2) == "parallel"
    assert prices.skip(0, 4) is None
    scores = [
        "Leeds 2-1 Hull City.",
        "Arsenal and Leeds meet again in May.",
        "Hull City 0-0 Stoke.",
    ]
    assert PairFilter(scores).skip(0, 2) == "parallel"
    # the same subject with two different figures is a real conflict, not a parallel item
    same = [
        "• Apples by 12 cents a pound to $1.49.",
        "• Apples by 30 cents a pound to $1.67.",
        "x 1",
    ]
    assert PairFilter(same).skip(0, 1) is None


def test_candidate_pairs_drop_restatements_only_when_asked() -> None:
    sentences = [
        BODY,
        "The mayor (pictured) sat quietly in the council chamber and did not answer questions "
        "from reporters.",
        "The mayor sat quietly in the council chamber and answered every question from reporters.",
    ]
    vectors = np.ones((3, 4), dtype=np.float32) / 2.0
    with_filter = candidate_pairs(sentences, vectors, Params(min_pairs=10))
    without = candidate_pairs(sentences, vectors, Params(min_pairs=10, skip_unlikely=False))
    assert (0, 1) in without and (0, 1) not in with_filter
    assert (0, 2) in with_filter and (1, 2) in with_filter


def test_bullets_make_list_items_and_blank_lines_do_not() -> None:
    bullets = ["• First point here.", "• Second point here.", "• Third point here."]
    assert list_items(bullets) == {0, 1, 2}
    assert list_items(["", " ", ""]) == set()


def test_lines_of_two_speakers_are_not_compared() -> None:
    sentences = [
        "- Dana Pike, Film Weekly: Film - Harbour Lights; director - Ama Osei; actor - Tom "
        "Reyes; actress - Lina Moss.",
        "- Rob Lund, The Courier: Film - Night Ferry; director - Ama Osei; actor - Tom Reyes; "
        "actress - Lina Moss.",
        "- Dana Pike, Film Weekly: Film - Night Ferry; director - Ama Osei; actor - Tom Reyes; "
        "actress - Lina Moss.",
        "MAYOR HALE: We will open the bridge in May.",
        "COUNCILLOR RUIZ: We will not open the bridge in May.",
        "The minister said: we will open the bridge in May.",
        "The minister said: we will not open the bridge in May.",
        "Update: the bridge opens in May.",
        "Correction: the bridge does not open in May.",
    ]
    f = PairFilter(sentences)
    assert f.skip(0, 1) == "speakers"  # two critics' picks
    assert f.skip(3, 4) == "speakers"  # two people in a transcript disagree
    assert not f.speakers(0, 2)  # one critic's two lines are compared
    assert not f.speakers(5, 6)  # "The minister said:" is a sentence, not a speaker's label
    assert not f.speakers(7, 8)  # a correction heading is not a speaker
    assert not f.speakers(0, 5)  # only one of the two has a label


def test_statements_under_two_candidates_names_are_two_voices() -> None:
    sentences = [
        "Statements of the candidates",
        "Ruth Calder (Harbour First)",
        "I am a nurse at the district hospital and have lived in Eastwick all my life.",
        "I will fight to keep the library open.",
        "Cllr Tom Abara",
        "I am a retired engineer and I chair the allotment society.",
        "I will not spend the reserves on the library.",
        "Nadia Holt (Green)",
        "The library should stay open.",
    ]
    f = PairFilter(sentences)
    assert f.speakers(2, 5)  # two candidates describe themselves
    assert f.speakers(3, 6)  # and disagree: two people's statements
    assert not f.speakers(2, 3)  # one candidate's two sentences are compared
    assert not f.speakers(3, 8)  # not in the first person: a claim, compared
    # one name heading alone makes no page of statements
    assert not PairFilter([*sentences[:4], "Later", *sentences[5:7]]).speakers(2, 5)


def test_what_a_subject_does_cannot_deny_what_it_is() -> None:
    sentences = [
        "Ormsby Cross is a market town in the district of South Fenmoor.",
        "Ormsby Cross stands on a low gravel terrace above the floodplain of the River Orme.",
        "Ormsby Cross is not a market town but a village.",  # a denial: compared
        "Ormsby Cross was a village until 1251.",  # another account of what it is: compared
        "Timothy Bouldry is a photographer based in Kelton.",
        "Bouldry went to art school in Harbourside.",
        "The man who ran the mill for forty years is a Kelton councillor.",  # a clause's subject
    ]
    f = PairFilter(sentences)
    assert f.skip(0, 1) == "classification"
    assert f.skip(4, 5) == "classification"
    assert f.skip(0, 2) != "classification"
    assert f.skip(1, 2) != "classification"
    assert f.skip(0, 3) != "classification"
    assert f.skip(5, 6) != "classification"


def test_two_conditions_are_two_cases() -> None:
    sentences = ["If the caller is a member, the club pays the fee.",
                 "If the caller is not a member, the club does not pay the fee.",
                 "The club pays the fee for every caller.",
                 "Unless the strike is called off, no trains will run on Monday."]
    f = PairFilter(sentences)
    assert f.skip(0, 1) == "conditions"
    assert f.skip(0, 2) != "conditions"  # a condition against a statement: still compared
    assert f.skip(2, 3) != "conditions"


def test_an_event_s_label_before_its_time_and_under_a_heading_opens_its_entry() -> None:
    from checker.entries import written_label

    assert written_label("Kids and Legos — 10:15 a.m. every Saturday.") == "Kids and Legos"
    assert written_label("Arsenal 2 – 1 Chelsea") is None  # a score, not a label
    assert written_label("Events and classes\nKids and Legos — 10:15 a.m. every Saturday.") == (
        "Kids and Legos")
    assert written_label("The library said.\nKids and Legos — 10:15 a.m.") is None  # no heading
    sentences = ["Events and classes\nKids and Legos — 10:15 a.m. every Saturday, Bethel branch.",
                 "Bring the kids to build and play.", "For ages 5-12 years.",
                 "Minecrafters — 4:00 p.m. on Mondays, downtown library.",
                 "Kids play together and share tips.", "For ages 6-12 years."]
    assert PairFilter(sentences, [0] * 6).skip(2, 5) == "speakers"  # two events' ages


def test_joined_surnames_open_a_family_notice() -> None:
    sentences = [
        "CALDER–IMRIE – The engagement is announced between Fiona and Peter.",
        "The couple met at Kelton University and plan to marry next summer.",
        "DOYLE–MARSH – The marriage took place on Saturday 7 June at St Anne's Church.",
        "The couple will honeymoon in Portugal and will live in Kelton.",
    ]
    f = PairFilter(sentences, [0, 0, 1, 1])
    assert f.skip(1, 3) == "speakers"  # two notices, two couples
    assert PairFilter(sentences, [0, 0, 0, 0]).skip(2, 3) != "speakers"  # one notice


def test_a_range_and_a_denial_outside_it_are_one_rule() -> None:
    included = "Only heaters with serial numbers from 4100 through 4250 are part of the recall."
    sentences = [
        included,
        "Heaters with serial numbers of 4251 or higher are not part of the recall.",
        "Heaters with serial number 4200 are not part of the recall.",  # inside: a conflict
        "Members aged between 18 and 25 can vote in the youth poll.",
        "Members under 18 cannot vote in the youth poll.",
        "Members aged 20 or over cannot vote in the youth poll.",  # inside: a conflict
    ]
    f = PairFilter(sentences)
    assert f.skip(0, 1) == "outside the range"
    assert f.skip(3, 4) == "outside the range"
    assert f.skip(0, 2) != "outside the range"
    assert f.skip(3, 5) != "outside the range"


def test_one_voice_in_two_rounds_of_a_roll_call_is_not_compared() -> None:
    panel = ["Ana Bell, Radio Tay", "Joe Kerr, The Herald", "Mo Said, Fife Today",
             "Liz Orr, Tay FM"]
    picks = [f"- {who}: Player - {name}; manager - Gary Lindsay." for who, name in
             zip(panel, ["Owen Marsh", "Owen Marsh", "Sam Ure", "Owen Marsh"], strict=True)]
    again = [f"- {who}: Player - {name}; manager - Jill Ness." for who, name in
             zip(panel, ["Sam Ure", "Iona Blair", "Sam Ure", "Owen Marsh"], strict=True)]
    f = PairFilter(["Most of the panel tipped Marsh.", *picks, *again])
    assert f.skip(1, 5) == "speakers"  # Ana Bell's "will win", then her "should win"
    assert f.speakers(1, 2)  # two voices, as before
    # a two-way exchange is not a roll call: one witness's two answers are still compared
    qa = ["CHAIR: Did you sign the contract?", "ANA REYES: Yes, I signed it in May.",
          "CHAIR: Who signed the variation?", "ANA REYES: My successor signed it, not me."]
    assert roll_call_rounds([speaker_label(s) for s in qa]) == {}
    assert not PairFilter(qa).speakers(1, 3)
    # a panel of three in turn is not one either
    three = [f"{who.upper()}: Line {k}." for k in range(2) for who in ("Hale", "Ruiz", "Okoro")]
    assert roll_call_rounds([speaker_label(s) for s in three]) == {}


def test_a_reworded_restatement_in_another_order_is_recognised() -> None:
    body = ("Very little else is known about the murals or why anyone painted them, but they are "
            "already drawing plenty of visitors to the harbour wall.")
    summary = ("The harbour wall murals are already drawing plenty of visitors, though very little "
               "is known about them .")
    assert not restatement(body, summary)  # too much reworded for the word-for-word alignment
    assert reworded_restatement(body, summary)
    assert PairFilter([body, summary]).skip(0, 1) == "restatement"


def test_an_opening_article_and_a_possessive_are_not_names() -> None:
    body = ("Welsh painter Ana Price's latest series of murals shows stern harbour pilots next to "
            "their boats leaping out of the water.")
    caption = ("A series of murals by painter Ana Price shows boats leaping out of the water next "
               "to their pilots .")
    # "Price's" is the name "Price"; "A" opening the caption is an article, not a second name
    assert reworded_restatement(body, caption)
    # a name in the caption that the body does not have still keeps the pair for the model
    assert not reworded_restatement(body, caption.replace("Ana Price", "Ana Price and Tom Hale"))


MURALS = ("Very little is known about the murals on the harbour wall, but they are already "
          "drawing plenty of visitors from nearby towns.")


@pytest.mark.parametrize(
    "later",
    [
        # a negation
        "Very little is known about the harbour wall murals, and they are not drawing plenty of "
        "visitors from nearby towns.",
        # an antonym from the flip lists, reworded around it
        "The harbour wall murals, of which very little is known, are already drawing falling "
        "numbers of visitors from nearby towns.",
        # a place swapped for another
        "Very little is known about the murals on the harbour wall at Dunmere, but they are "
        "already drawing plenty of visitors from Kelso.",
    ],
)
def test_a_reworded_change_that_can_contradict_is_kept(later: str) -> None:
    from checker.nli.lexicon import stopwords
    from checker.nli.restate import SHARED_CONTENT, _content

    earlier = MURALS if "Dunmere" not in later else MURALS.replace("nearby towns", "Portree")
    if "falling" in later:
        earlier = MURALS.replace("plenty of", "rising numbers of")
    wa = {t.lower() for t in _content(earlier, stopwords())}
    wb = {t.lower() for t in _content(later, stopwords())}
    assert len(wa & wb) >= SHARED_CONTENT * min(len(wa), len(wb))  # the overlap alone would pass
    assert not reworded_restatement(earlier, later)


def test_names_in_another_order_are_left_to_the_model() -> None:
    earlier = ("Dunmere Athletic beat Kelso Rovers in the county cup final at the harbour ground "
               "on Saturday afternoon.")
    later = ("Kelso Rovers beat Dunmere Athletic in the county cup final at the harbour ground "
             "on Saturday afternoon.")
    assert not restatement(earlier, later) and not reworded_restatement(earlier, later)
    assert PairFilter([earlier, later]).skip(0, 1) is None


def test_a_label_holds_for_every_sentence_of_its_entry() -> None:
    from checker.nli.restate import entry_labels, unlikely_pairs

    sentences = [
        "Saturday: Rain showers and thunderstorms will be possible throughout the day.",
        "Highs will reach the low and mid 70s.",
        "Sunday: It is looking to be a great day as the skies will be sunny.",
        "Highs will peak in the upper 70s with some breezy winds.",
        "Highs will stay in the upper 70s all week, forecasters said.",
    ]
    paragraphs = [0, 0, 1, 1, 2]
    assert entry_labels(sentences) == ["saturday", None, "sunday", None, None]
    assert entry_labels(sentences, paragraphs) == ["saturday", "saturday", "sunday", "sunday",
                                                   None]
    # two days' highs are two entries' statements; a line outside any entry is still compared
    assert unlikely_pairs(sentences, [(1, 3), (1, 4)], paragraphs) == {(1, 3)}
    assert unlikely_pairs(sentences, [(1, 3), (1, 4)]) == set()


def test_two_entries_of_a_live_page_are_two_moments() -> None:
    from checker.entries import entry_heading_line, entry_numbers
    from checker.nli.restate import unlikely_pairs

    sentences = [
        "London markets closed higher on a busy Tuesday for traders.",
        "Today 23.01.2018",
        "16:47",
        "FTSE 100 closes higher on rising oil prices and Easyjet.",
        "08:59",
        "The FTSE 100 is ahead 12.55 points in early trading.",
        "Yesterday 22.01.2018",
        "16:52",
        "FTSE 100 closes lower on rising oil prices and Easyjet.",
    ]
    assert [entry_heading_line(s) for s in ("16:47", "Posted at 07:32", "Today 23.01.2018",
                                            "January 2nd", "1998")] == [True] * 5
    assert not entry_heading_line("FTSE 100 closes higher")
    assert not entry_heading_line("At 16:47 the index closed higher.")
    assert not entry_heading_line("16.70")  # a price on a line of its own
    assert entry_heading_line("4.47pm")
    # a ball-by-ball page's progress line between entries
    assert entry_heading_line("Ashford 182/7 after 84 overs")
    assert not entry_heading_line("The rain came after 12 overs had been bowled")
    # a decimal opening a sentence is not a live entry's time
    assert entry_numbers(["2.75 million jobs were lost in the year to March.",
                          "12.50 percent of staff left."]) == [None, None]
    assert entry_numbers(["07:32 The minister arrived.", "08:10 She left."]) == [0, 1]
    # a dotted time is a live entry's label when a colon follows it
    assert entry_numbers(["16.45: The index closed up 3 per cent.", "Oil rose.",
                          "14.49: The index is up 2 per cent.", "Oil fell.",
                          "2.75 million jobs went.", "27.30: no such time."]) == [0, 0, 1, 1, 1, 1]
    # a forecast's day on a line of its own heads an entry; a sentence naming a day does not
    assert entry_heading_line("Saturday night") and entry_heading_line("TONIGHT")
    assert not entry_heading_line("Saturday will be dry.")
    assert entry_numbers(["Saturday", "Highs will be in the lower 50s.", "Sunday",
                          "Highs will be in the middle 50s."]) == [0, 0, 1, 1]
    # a commentary's minute opens an entry; "67 minutes later" is prose
    assert entry_numbers(["12' Saka shoots straight at the goalkeeper.",
                          "23' GOAL! Saka curls it into the far corner.", "The crowd roars.",
                          "90+2 min Havertz is booked.",
                          "67 minutes later the match was over."]) == [0, 1, 1, 2, 2]
    # a local live page's "At 8:55, …" opens an entry as "Posted at 08:55" does
    assert entry_numbers(["At 8:55, it looks like Ms Hale has conceded.", "At 9:05 pm.",
                          "It does not look like Ms Hale has conceded.",
                          "Voters at 12 polling stations waited."]) == [0, 1, 1, 1]
    assert entry_numbers(sentences) == [None, 0, 1, 1, 2, 2, 3, 4, 4]
    # the two closes are under two headings; the summary above every heading is still compared
    assert unlikely_pairs(sentences, [(3, 8), (0, 8)]) == {(3, 8)}


def test_sentences_dated_to_different_years_are_two_moments() -> None:
    from checker.nli.contradict import flip_conflicts
    from checker.nli.restate import unlikely_pairs, years_named

    assert years_named("The mill shut in 1998 and reopened in 2011.") == {"1998", "2011"}
    # amounts, shares and longer numbers are not years
    assert years_named("It cost £2000, or 2,019 euros, up 2010% on 19985 units.") == set()
    sentences = [
        "The mill shut in 1998 after the orders dried up.",
        "The mill reopened as a museum in 2011.",
        "The mill shut in 2011 after the orders dried up.",
        "The mill never reopened.",
        "In 1998 and 2011 the mill was in the news.",
    ]
    # two years of their own: two moments. No year on one side, or a year in common: compared.
    assert unlikely_pairs(sentences, [(0, 1), (0, 3), (1, 4)]) == {(0, 1)}
    # the same statement with another year is still a flip (CT102), which no filter holds back
    assert [(c.earlier, c.later) for c in flip_conflicts(sentences)] == [(0, 2)]


def test_a_man_and_a_woman_are_two_people() -> None:
    from checker.nli.restate import unlikely_pairs

    sentences = [
        "At the hearing on May 3 he was fined £200 and banned for a year.",
        "At the hearing on May 3 she was fined £150 and banned for six months.",
        "He told the court she had been driving.",
        "The magistrates fined the driver £300.",
    ]
    # a man only against a woman only; both, or neither, is still compared
    assert unlikely_pairs(sentences, [(0, 1), (0, 2), (1, 2), (0, 3)]) == {(0, 1)}


def test_two_of_several_counted_are_two_people() -> None:
    from checker.nli.restate import unlikely_pairs

    sentences = [
        "Two men were hurt when a tractor hit their car near Dunmore on Friday.",
        "One man was airlifted to Harbour General with serious injuries.",
        "The second male was taken to Dunmore Hospital with non-serious injuries.",
        "The man was taken to Harbour General with minor injuries.",
        "The other driver was not hurt.",
    ]
    # one of them against the second, or against the other; not one against "the man"
    assert unlikely_pairs(sentences, [(1, 2), (1, 4)]) == {(1, 2), (1, 4)}
    pairs = PairFilter(sentences)
    assert pairs.two_people(1, 2) and pairs.two_people(1, 4) and not pairs.two_people(1, 3)


def test_one_mould_with_a_subject_of_one_and_a_subject_of_several_is_two_parties() -> None:
    sentences = [
        "The driver of the van was taken to hospital with injuries described as minor.",
        "The three passengers were taken to hospital with injuries described as serious.",
        "The driver of the van was taken to hospital with injuries described as serious.",
        "The passengers were released without charge after questioning by police.",
        "They were taken to hospital with injuries described as serious.",
        "The council has approved the harbour plan after a long debate.",
        "Councillors have rejected the harbour plan after a long debate.",
    ]
    pairs = PairFilter(sentences)
    assert pairs.two_people(0, 1)  # the driver and the passengers: two parties
    assert not pairs.two_people(0, 2)  # one driver, told two ways: still compared
    assert not pairs.two_people(0, 3)  # not one mould
    assert not pairs.two_people(0, 4)  # a pronoun may stand for anyone
    assert not pairs.two_people(5, 6)  # a body and its members: one decision told two ways


def test_a_listing_label_before_a_dash_opens_an_entry() -> None:
    from checker.entries import speaker_label
    from checker.nli.restate import unlikely_pairs

    assert speaker_label("Dunmore County Schools – Closed because of icy roads.") == (
        "dunmore county schools")
    assert speaker_label("Ward 2, Seat 1 – Ann Pike ....... 140") == "ward 2 seat 1"
    assert speaker_label("Ashford 2 – 1 Brenton") is None  # a score, not a label
    assert speaker_label("The council said – again – no.") is None
    sentences = [
        "Dunmore County Schools – Closed because of icy roads on the hills.",
        "Ashby City Schools – Open two hours late because of icy roads.",
        "Dunmore County Schools will be open as normal because the roads are clear.",
    ]
    # two schools' entries are not compared; one school's entry and a plain sentence still are
    assert unlikely_pairs(sentences, [(0, 1), (0, 2)]) == {(0, 1)}


def test_two_cases_of_a_court_list_are_about_two_people() -> None:
    from checker.entries import case_entries
    from checker.nli.restate import unlikely_pairs

    cases = [
        "Cases dealt with by magistrates this month.",
        "Dan Hale, 41, of Mill Lane, admitted careless driving on the bypass in March.",
        "Magistrates ordered him to pay £85 in prosecution costs and a £40 surcharge on top.",
        "Tom Reid, 37, of Quay Street, admitted speeding on the coast road by the harbour.",
        "Magistrates ordered him to pay £120 in prosecution costs and a £34 surcharge on top.",
        "Sam Tully, 22, of Hill Road, admitted driving without insurance near the station in May.",
        "Magistrates ordered him to pay £85 in prosecution costs and a £40 surcharge on top.",
    ]
    assert case_entries(cases) == [None, "Dan Hale", "Dan Hale", "Tom Reid", "Tom Reid",
                                   "Sam Tully", "Sam Tully"]
    assert unlikely_pairs(cases, [(2, 4), (1, 2)]) == {(2, 4)}
    # a story that gives two people's ages is not a list of cases
    story = cases[:5]
    assert case_entries(story) == [None] * 5
    assert unlikely_pairs(story, [(2, 4)]) == set()


def test_running_scores_and_the_events_of_a_live_commentary() -> None:
    from checker.entries import commentary_events, falling_scores, running_score
    from checker.nli.restate import unlikely_pairs

    assert running_score("Brackwater Rovers 1, Kelsall United 0.") == (
        ("Brackwater Rovers", 1), ("Kelsall United", 0))
    assert running_score("Second Half begins Brackwater Rovers 1, Kelsall United 0.") == (
        ("Brackwater Rovers", 1), ("Kelsall United", 0))
    assert running_score("Half time: Arsenal 2, Chelsea 1") == (("Arsenal", 2), ("Chelsea", 1))
    assert running_score("HT: Harbour City 0-1 Dunmere Athletic.") == (
        ("Harbour City", 0), ("Dunmere Athletic", 1))
    assert running_score("Rovers won 1-0 at Kelsall on Saturday.") is None
    assert running_score("The 2-1 win was deserved.") is None
    assert running_score("Prices rose 3, the report said 4 times.") is None
    live = [
        "Foul by Dan Morris (Brackwater Rovers).",
        "Brackwater Rovers 1, Kelsall United 0.",
        "Dan Morris (Brackwater Rovers) wins a free kick in the attacking half.",
        "The crowd is quiet after the goal.",
        "First Half ends, Kelsall United 0, Brackwater Rovers 1.",
        "Second Half begins Brackwater Rovers 0, Kelsall United 0.",
    ]
    assert commentary_events(live) == [True, True, True, False, True, True]
    # sides named in either order; the 0-0 leaves out the goal of the second sentence
    assert falling_scores(live) == [(1, 5, "1 / 0")]
    # two events are two moments; a plain sentence is still compared with them
    assert unlikely_pairs(live, [(0, 2), (2, 3)]) == {(0, 2)}
    # a report's lists of scorers name other players on each line: not a commentary
    scorers = ["Riggott 74, Graham 86.", "Holland 14, Bartlett 80.",
               "Foul by Dan Morris (Brackwater Rovers)."]
    assert commentary_events(scorers) == [False] * 3 and falling_scores(scorers) == []
    # the final score at the top of a live blog: its newest entry first, read bottom up
    newest = ["FINAL.", "Falcons 34-31 Harbour.", "The kick is good.", "Into overtime!",
              "Falcons 31-31 Harbour", "Falcons 24-31 Harbour"]
    assert falling_scores(newest) == []
    # a summary's final score over a page told in order: the scores under it rise, and are
    # read as the page has them, with the final score last
    summary = ["FINAL/OT: Lynx 4, Ravens 3", "Lynx 1, Ravens 0.", "Lynx 1, Ravens 1.",
               "Ravens 3, Lynx 2.", "End of regulation: Lynx 3, Ravens 3.", "Lynx 4, Ravens 3."]
    assert falling_scores(summary) == []
    assert falling_scores([*summary[:4], "End of regulation: Lynx 2, Ravens 1."]) == [
        (3, 4, "3 / 1")]
    # a final score below the others is read as the page has it
    assert falling_scores(["Harbour 2-1 Dunmore", "Final score: Harbour 1-1 Dunmore."]) == [
        (0, 1, "2 / 1")]


def test_two_entries_that_open_on_days_of_their_own_are_two_moments() -> None:
    from checker.entries import first_day_named
    from checker.nli.restate import unlikely_pairs

    assert first_day_named("• A64, from 8pm January 18 to 6am January 21, delays") == "jan 18"
    assert first_day_named("It reopens on the 3rd of March.") == "mar 3"
    assert first_day_named("Sept. 4 was wet.") == "sep 4"
    assert first_day_named("Mark 5 and Junior 2 were in May 2005.") is None
    works = [
        "• A64, from 8pm January 13 to 6am January 18, slight delays: A64 eastbound closed.",
        "• A64, from 8pm January 18 to 6am January 21, slight delays: A64 westbound closed.",
        "• A64, from 8pm January 13, the eastbound carriageway will stay open.",
    ]
    # two closures of a list of road works are two moments; one day's two accounts are compared
    assert unlikely_pairs(works, [(0, 1), (0, 2)]) == {(0, 1)}
    # the same statement with another day is a flip, not two entries
    day = ["Free Slurpee Day is celebrated each July 11 in the shops.",
           "Free Slurpee Day is celebrated each July 3 in the shops."]
    assert unlikely_pairs(day, [(0, 1)]) == set()
    # ... but two entries of a dated list may differ by their dates alone
    terms = ["Term Begins Monday 4th September", "Term Begins Monday 4th November",
             "• A580, from 9pm June 5 to 6am June 12, moderate delays: M6 northbound.",
             "• A580, from 9pm June 12 to 6am June 19, moderate delays: M6 northbound."]
    assert unlikely_pairs(terms, [(0, 1), (2, 3)]) == {(0, 1), (2, 3)}


def test_the_headline_is_not_compared_with_the_story() -> None:
    from checker.nli.restate import unlikely_pairs

    story = [
        "Harbour town narrowly escapes flooding",
        "Water came within inches of the sea wall at Porthbay on Sunday night.",
        "The sea wall was breached in two places, the council said.",
    ]
    assert unlikely_pairs(story, [(0, 1), (1, 2)], [0, 1, 2]) == {(0, 1)}
    # a first line that ends as a sentence does: compared
    assert unlikely_pairs(["Harbour town narrowly escapes flooding.", *story[1:]],
                          [(0, 1)], [0, 1, 2]) == set()
    # a headline in the same paragraph as the story, or no paragraphs known: not compared with
    # the six sentences under it, as any subheading, but with the story after them
    longer = [*story, *[f"Pump {n} at the harbour ran all night on Sunday." for n in range(6)]]
    assert unlikely_pairs(longer, [(0, 1), (0, 8)], [0, 0, *range(1, 8)]) == {(0, 1)}
    assert unlikely_pairs(longer, [(0, 1), (0, 8)]) == {(0, 1)}


def test_a_claim_reported_as_a_claim_is_not_the_article_speaking() -> None:
    from checker.nli.restate import unlikely_pairs

    sentences = [
        "A post shared on social media falsely claims the mayor of Dunmore was arrested.",
        "The mayor of Dunmore has not been arrested, police said.",
        "The mayor of Dunmore was arrested on Monday, police said.",
        "Another post claims the mayor of Dunmore has never been arrested.",
    ]
    # a fact-check's verdict against the claim it checks: not compared; the article's own two
    # statements still are, and so are two claims
    assert unlikely_pairs(sentences, [(0, 1), (1, 2), (0, 3)]) == {(0, 1)}


def test_today_and_the_day_by_name_are_one_day() -> None:
    from checker.nli.restate import restatement

    lead = "Tom Reid, 37, appeared at Dunmore Magistrates' Court today charged with arson."
    assert restatement(lead, lead.replace("today", "on Wednesday"))
    assert restatement(lead.replace("today", "yesterday"), lead.replace("today", "on Monday"))
    # two days by name are two days
    assert not restatement(lead.replace("today", "on Tuesday"), lead.replace("today", "on Friday"))


def test_tennis_scores_and_live_pages_that_put_the_newest_entry_first() -> None:
    from checker.entries import falling_scores, running_score

    # a tennis match's score is the games each side has won over the match
    assert running_score("Harlow 7-5, 3-6, 7-5 5-1* Okafor") == (("Harlow", 22), ("Okafor", 17))
    assert running_score("Harlow *6-7 (5-7), 6-4 Okafor.") == (("Harlow", 12), ("Okafor", 11))
    assert running_score("She won 6-4, 6-3 on the clay court.") is None
    newest_first = ["Harlow 7-5, 3-6, 7-5 6-1 Okafor", "Three match points for Harlow.",
                    "Harlow *7-5, 3-6, 7-5 5-1 Okafor", "Harlow 7-5, 3-6, 7-5 4-1* Okafor"]
    assert falling_scores(newest_first) == []
    football = ["Goal! Kelsall United 2, Brackwater Rovers 1.",
                "Goal! Kelsall United 1, Brackwater Rovers 1.",
                "Goal! Kelsall United 1, Brackwater Rovers 0."]
    assert falling_scores(football) == []  # a blog written newest first
    # one fall among rises is still the conflict, in either direction of the page
    oldest_first = [f"Brackwater Rovers {n}, Kelsall United 0." for n in (1, 2, 3, 2)]
    assert falling_scores(oldest_first) == [(2, 3, "3 / 2")]
    reversed_page = oldest_first[::-1]
    assert [(i, j) for i, j, _ in falling_scores(reversed_page)] == [(0, 1)]
    # two scores only: the fall is the conflict, whatever order the page keeps ...
    assert falling_scores(["Goal! A 1, B 0.", "Second Half begins A 0, B 0."]) == [(0, 1, "1 / 0")]
    # ... but two tennis scores, whose sets say which came first, are a page read bottom up
    assert falling_scores(["Game, set and match! Harlow 6-4 4-6 6-2 Okafor",
                           "Okafor 4-6 6-4 2-5 Harlow*"]) == []


def test_a_live_blog_s_entry_times_and_half_time_put_its_scores_in_order() -> None:
    from checker.entries import falling_scores

    # each entry headed by its time, newest first: two scores that fall down the page rise
    darts = ["20:36", "Harbour Cross 2-2 Dunmere Vale", "Dunmere Vale levels it.",
             "20:34", "Harbour Cross 1-2 Dunmere Vale", "Harbour Cross wins the third leg."]
    assert falling_scores(darts) == []
    # the same entries oldest first: the fall is the conflict
    oldest = ["20:34", "Harbour Cross 1-2 Dunmere Vale", "20:36", "Harbour Cross 0-2 Dunmere Vale"]
    assert falling_scores(oldest) == [(1, 3, "1 / 0")]
    # the break's score comes before full time, wherever the page puts it
    match = ["FT: Harbour City 0-1 Dunmere Athletic", "Welcome to our live updates.",
             "HT: Harbour City 0-0 Dunmere Athletic"]
    assert falling_scores(match) == []
    assert falling_scores(["HT: Harbour City 1-1 Dunmere Athletic",
                           "FT: Harbour City 0-1 Dunmere Athletic"]) == [(0, 1, "1 / 0")]


def test_two_games_of_the_same_sides_on_a_results_page_are_not_a_fall() -> None:
    from checker.entries import falling_scores
    from checker.nli.contradict import flip_conflicts

    results = ["Boys basketball", "Madison 60, Belle Fourche 31", "Parker 46, Beresford 34",
               "Girls basketball", "Belle Fourche 51, Madison 40", "Beresford 53, Parker 28"]
    assert falling_scores(results) == []
    assert flip_conflicts(results) == []
    # a list of many fixtures, each given once or twice: two games even when both fall
    fixtures = ["Boys", "Red Cloud 72, Spearfish 45", "Highmore 77, Stanley County 70",
                "Lyman 50, Kadoka 41", "Wall 66, Philip 60",
                "Girls", "Red Cloud 54, Spearfish 38", "Highmore 65, Stanley County 42"]
    assert falling_scores(fixtures) == []
    assert falling_scores(fixtures[:3] + fixtures[6:]) != []  # two fixtures: still compared
    # one side's score falling while the other's holds is still the conflict
    assert [(i, j) for i, j, _ in falling_scores(
        ["Goal! Madison 2, Belle Fourche 1.", "Half time: Madison 1, Belle Fourche 1."])] == [
        (0, 1)]


def test_scores_that_give_the_match_clock_are_read_in_its_order() -> None:
    from checker.entries import falling_scores, match_time, running_score
    from checker.nli.contradict import flip_conflicts

    assert running_score("Harbour City 1-0 Dunmere Athletic, 43 minutes") == (
        ("Harbour City", 1), ("Dunmere Athletic", 0))
    assert [match_time(s) for s in ("FT: A 1-0 B", "78min: A 1-0 B", "A 1-0 B (90+2')",
                                    "A 1-0 B")] == [10_000, 78, 90.02, None]
    # a newest-first page with one change of score: the clock says which came first
    rugby = ["FT: HAR 23-20 DUN", "79min: HAR 23-20 DUN", "Harbour kick the winner!",
             "78min: HAR 20-20 DUN", "77min: HAR 20-20 DUN"]
    assert falling_scores(rugby) == []
    assert flip_conflicts(rugby) == []
    # and by the clock, a score that falls is still the conflict
    wrong = ["FT: HAR 20-20 DUN", "79min: HAR 23-20 DUN", "78min: HAR 20-20 DUN"]
    assert [(i, j) for i, j, _ in falling_scores(wrong)] == [(0, 1)]
    # one score given at three minutes is three moments, not three flips of a number
    football = [f"Harbour City 1-0 Dunmere Athletic, {m} minutes" for m in (43, 37, 26)]
    assert flip_conflicts(football) == []


def test_entries_signed_off_by_their_writers_are_entries() -> None:
    from checker.entries import entry_numbers
    from checker.nli.restate import unlikely_pairs

    live = ["Polls closed at seven in most of the state.",
            "Garner projected to win Calder County",
            "Mayor Ruth Garner is projected to win Calder County, according to the count.",
            "— Tom Reyes",
            "Garner projected to win Eastfield",
            "Mayor Ruth Garner is projected to win the race in Eastfield, the count shows.",
            "— Ana Lind"]
    assert entry_numbers(live) == [0, 0, 0, 0, 1, 1, 1]
    assert unlikely_pairs(live, [(2, 5)]) == {(2, 5)}
    # one signature is an article's byline, not a list of entries
    story = ["Mayor Ruth Garner is projected to win Calder County, according to the count.",
             "Mayor Ruth Garner is projected to lose Calder County, the count shows.",
             "— Tom Reyes"]
    assert entry_numbers(story) == [None, None, None]
    assert unlikely_pairs(story, [(0, 1)]) == set()


def test_a_subheading_is_not_compared_with_the_sentence_it_heads() -> None:
    from checker.nli.restate import unlikely_pairs

    guide = ["7:30 AM", "Harbour Lane",
             "Nell's bid to win back Owen spirals out of control",
             "All eyes are on Nell as her desperate bid to win back Owen begins to spiral.",
             "8:00 AM", "Harbour Lane",
             "Nell's plan works and Owen comes home at last."]
    # the heading against the sentence it heads: skipped (and against the next entry, as two
    # entries under their own times)
    assert unlikely_pairs(guide, [(2, 3)]) == {(2, 3)}
    assert PairFilter(guide).skip(2, 3) == "headline"
    assert PairFilter(guide).skip(2, 6) == "moments"
    section = ["Fewer children vaccinated",
               "Measles is an immense concern, doctors said on Monday.",
               "Cases have risen in four counties this year.",
               "The pandemic led to long delays in measles vaccinations.",
               "Clinics reopen", "Most clinics reopened in the spring.",
               *[f"Clinic {n} now opens on Saturdays as well as weekdays." for n in range(7)]]
    # not with the sentences under it, up to the next subheading or six sentences on
    assert unlikely_pairs(section, [(0, 3), (0, 5), (4, 5), (4, 10), (4, 11)]) == {
        (0, 3), (4, 5), (4, 10)}
    # heading lines in a row (a title twice, a dateline, a byline) head one section together
    page = ["Brawl in Runcorn lands three in hospital", "Brawl in Runcorn lands three in hospital",
            "By Jo Garcia", "Three men were taken to hospital after a brawl on Monday night.",
            "A fight broke out in Runcorn, in Brisbane's south.", "Police are appealing for help."]
    assert unlikely_pairs(page, [(0, 1), (0, 4), (1, 4), (2, 4)]) == {(0, 1), (0, 4), (1, 4),
                                                                         (2, 4)}
    # but more than four short lines in a row are a list, each line its own
    lines = ["Harbour Lane", "Quay Street", "Dock Road", "Mill Lane", "Bridge Street",
             "All five roads reopen on Monday after the resurfacing work.",
             "Mill Lane stays closed until the end of the month."]
    assert unlikely_pairs(lines, [(3, 6), (4, 5)]) == {(4, 5)}
    # a sentence that ends as sentences do is no subheading
    prose = ["Nell's bid to win back Owen spirals out of control.",
             "Nell's bid to win back Owen has worked, and he is home."]
    assert unlikely_pairs(prose, [(0, 1)]) == set()


def test_the_temperatures_of_a_forecast_are_periods_of_their_own() -> None:
    from checker.entries import forecast_readings
    from checker.nli.restate import unlikely_pairs

    forecast = ["Today: gusty south winds push temperatures up nicely.",
                "Highs reach the mid- to upper 60s.",
                "Tomorrow: winds ease and skies clear.",
                "Lows range in the 20s.",
                "Highs top out in the upper 50s to lower 60s.",
                "Rain stays away all weekend."]
    assert forecast_readings(forecast) == [False, True, False, True, True, False]
    assert unlikely_pairs(forecast, [(1, 4), (2, 5)]) == {(1, 4)}
    # two temperatures in a story are not a forecast: still compared
    story = ["Temperatures hit 40C in the city on Tuesday, the highest ever recorded there.",
             "Temperatures stayed below 35C in the city on Tuesday.",
             "The heat closed schools across the region."]
    assert forecast_readings(story) == [False] * 3
    assert unlikely_pairs(story, [(0, 1)]) == set()


def test_the_winds_of_a_forecast_are_periods_of_their_own() -> None:
    from checker.entries import forecast_readings
    from checker.nli.restate import unlikely_pairs

    forecast = ["Showers clear by noon. Winds will be from the west at 10 to 20 mph.",
                "Temperatures warm to the mid 50s.",
                "Saturday will be sunny. Highs around 67 degrees.",
                "The wind will be from the west at 10 to 15 mph.",
                "Sunday is warmer, with highs in the mid 70s."]
    assert forecast_readings(forecast) == [True, True, True, True, True]
    assert unlikely_pairs(forecast, [(0, 3)]) == {(0, 3)}
    # a storm report's winds, with no forecast's temperatures, are still compared
    storm = ["Winds reached 90 mph on the coast overnight.",
             "Winds stayed below 60 mph on the coast all night.",
             "Temperatures stayed near 20C."]
    assert forecast_readings(storm) == [False] * 3
    assert unlikely_pairs(storm, [(0, 1)]) == set()


def test_two_categories_of_a_results_page_are_two_competitions() -> None:
    from checker.entries import placing_category
    from checker.nli.restate import unlikely_pairs

    show = ["Results of the village show were announced on Saturday.",
            "Victoria sponge: First, Ann Holt, second, Jo Pike and third, Ann Holt.",
            "Lemon curd: First, Jo Pike, second, Ann Holt and third, Kay Marr.",
            "Lemon curd: First, Kay Marr, second, Jo Pike and third, Ann Holt."]
    assert placing_category(show[1]) == "victoria sponge"
    assert placing_category(show[0]) is None
    # two categories are two competitions; one category placed twice is still compared
    assert unlikely_pairs(show, [(1, 2), (2, 3)]) == {(1, 2)}
    # one placing is no results line
    assert placing_category("She came first, ahead of Jones, who was second.") is None
    # a category and its winners' names only: the show's champions, one line each
    fair = ["The swine show closed the fair on Friday with a record entry of young farmers.",
            "Junior champion Hampshire gilt: Cara Modlin, Chaffee, Missouri.",
            "Grand champion Hampshire gilt: Cara Modlin, Chaffee, Missouri.",
            "Grand champion Hampshire gilt: Ben Ott, Jackson."]
    assert placing_category(fair[2]) == "grand champion hampshire gilt"
    assert unlikely_pairs(fair, [(1, 2), (2, 3)]) == {(1, 2)}
    # a label before words that are not names is no category
    assert placing_category("The minister said: we will not raise taxes.") is None
    assert placing_category("Turnout: 38%") is None


def test_two_things_each_introduced_with_a_are_two_things() -> None:
    from checker.nli.restate import unlikely_pairs

    crash = ["Two people were hurt in a crash on the ring road on Sunday night.",
             "A grey van was badly damaged when it left the road near the junction.",
             "A silver hatchback also was damaged.",
             "A man was arrested at the scene.",
             "A man was released without charge at the scene."]
    # the van and the hatchback share no word: two vehicles; "a man" and "a man" are compared
    assert unlikely_pairs(crash, [(1, 2), (3, 4)]) == {(1, 2)}


def test_two_cricket_scores_of_a_live_page_are_two_moments() -> None:
    from checker.nli.restate import unlikely_pairs

    live = ["Day five at Harbourside: the hosts chase 384 to win the third Test.",
            "Kestrels: 8-294 (Carr 10*, Collins 9), Kestrels need 90 runs to win.",
            "Kestrels: 7-294 (Carr 10*, Collins 9*), Kestrels need 90 runs to win."]
    assert unlikely_pairs(live, [(1, 2)]) == {(1, 2)}


def test_a_page_divided_by_year_headings_dates_its_lines() -> None:
    from checker.nli.restate import unlikely_pairs

    terms = ["Term dates for Hill Lane Primary are set by the county council.",
             "SUMMER TERM 2024", "Term Begins Monday 15th April", "Term Ends Thursday 23rd May",
             "SUMMER TERM 2025", "Term Begins Tuesday 22nd April", "Term Ends Friday 23rd May"]
    # two years' dates, each under its own heading
    assert (3, 6) in unlikely_pairs(terms, [(3, 6)])
    # one dated line (a dateline) dates nothing: the two sentences are still compared
    story = ["Published 12 March 2019", "The mill shut in 1998 after a fire.",
             "The mill is still running today."]
    assert unlikely_pairs(story, [(1, 2)]) == set()


def test_one_template_with_other_names_in_two_slots_is_two_entries() -> None:
    from checker.nli.restate import unlikely_pairs

    night = ["Polls have closed in the first states, and the count has begun.",
             "The network projects that Republican Ann Holt will win the Dunmore race.",
             "The network projects that Democrat Sam Pike will win the Kelsall race.",
             "The network projects that Democrat Sam Pike will win the Dunmore race.",
             "The network projects that Republican Sam Pike will win the Dunmore race."]
    # two races; but one name put for another in one slot is the same race, and a swap of the
    # same names is compared too
    assert unlikely_pairs(night, [(1, 2), (1, 3), (3, 4)]) == {(1, 2)}
    swap = ["Harbour City beat Dunmore Athletic in the final on Saturday.",
            "Dunmore Athletic beat Harbour City in the final on Saturday."]
    assert unlikely_pairs(swap, [(0, 1)]) == set()
    # another name and the race told in other plain words: two races; with a negation or a
    # flipped verb in that place, or the same race, still compared
    races = ["The network projects that Republican Ann Holt will win the Dunmore governor's race.",
             "The network projects that Democrat Sam Pike will win the Dunmore Senate race.",
             "The network projects that Republican Ann Holt will not win the Dunmore race.",
             "The network projects that Republican Ann Holt will lose the Dunmore governor's race.",
             "The network projects that Democrat Sam Pike will win the Dunmore governor's race."]
    assert unlikely_pairs(races, [(0, 1), (0, 2), (0, 3), (0, 4)]) == {(0, 1)}
    # another candidate who will not win, or will lose, the same race: two candidates' fates,
    # which agree ("other_anchor")
    other = ["The network projects that Democrat Sam Pike will not win the Dunmore race.",
             "The network projects that Democrat Sam Pike will lose the Dunmore governor's race."]
    assert unlikely_pairs([races[0], *other], [(0, 1), (0, 2)]) == {(0, 1), (0, 2)}
    seats = ["The network projects that Republican Ann Holt will win 2 seats in Dunmore.",
             "The network projects that Democrat Sam Pike will win 3 seats in Dunmore."]
    assert unlikely_pairs(seats, [(0, 1)]) == set()  # a number in that place: still compared
    # a word put in away from the names tells no other object: one hospital, two places
    hospital = ["The hospital is in Manchester.", "The hospital is located in Glasgow."]
    assert unlikely_pairs(hospital, [(0, 1)]) == set()


def test_one_field_of_a_listing_s_entries_is_two_events() -> None:
    from checker.nli.restate import unlikely_pairs

    listing = ["Things to do this weekend.",
               "Harbour Fair", "When: August 19, 11 a.m.-7 p.m.", "Where: The Quay",
               "Kite Day", "When: August 19, 10 a.m.-6 p.m.", "Where: Dunmore Park",
               "Night Market", "When: August 18, 5-10 p.m.", "Where: Mill Lane"]
    # three "When:" and three "Where:" lines: each is one entry's
    assert unlikely_pairs(listing, [(2, 5), (3, 6), (1, 4)]) == {(2, 5), (3, 6)}
    # two field labels joined ("Tickets & Info") are one entry's field too
    gigs = ["Gigs this week.", "The Lanterns", "Tickets & Info: $12 + bf, more info here.",
            "Marlow Quartet", "Tickets & Info: Free, more info here.",
            "Dune Cats", "Tickets & Info: $15, more info here."]
    assert unlikely_pairs(gigs, [(2, 4), (4, 6)]) == {(2, 4), (4, 6)}
    # one event's page that gives its time twice is still compared
    event = ["Harbour Fair returns this summer.", "When: August 19, 11 a.m.-7 p.m.",
             "Where: The Quay", "When: August 20, 11 a.m.-7 p.m."]
    assert unlikely_pairs(event, [(1, 3)]) == set()


def test_two_items_of_a_page_of_short_headed_items_are_two_events() -> None:
    from checker.nli.restate import unlikely_pairs

    blotter = ["Police log",
               "A week of calls to the station, told by the duty sergeant.",
               "Lost bicycle",
               "Officers received a call about a bicycle left in the road.",
               "The caller said he moved it to the station car park.",
               "Wrong house",
               "Officers responded to a call about a man at a back door.",
               "He had simply come to the wrong house.",
               "Noisy geese",
               "A woman called officers about geese on Mill Lane.",
               "The geese had gone when officers arrived."]
    assert unlikely_pairs(blotter, [(4, 7), (3, 6), (6, 7), (1, 3)]) == {(4, 7), (3, 6)}
    # an article whose subheadings head long sections of one story is still compared
    story = ["Council approves harbour plan",
             "The background",
             *[f"The council met {n} times about the harbour plan this year." for n in range(2, 8)],
             "What happens next",
             *[f"Work on the harbour plan starts in week {n}, it said." for n in range(2, 8)],
             "Reaction",
             "Residents welcomed the harbour plan at a meeting on Monday.",
             "The council rejected the harbour plan on Monday."]
    assert unlikely_pairs(story, [(2, 17)]) == set()


def test_two_sections_of_a_short_headed_page_that_name_the_same_places_are_one_story() -> None:
    from checker.nli.restate import unlikely_pairs

    advisory = ["Travel advice: flooding in the north",
                "Several roads are closed and trains are delayed.",
                "Roads",
                "The A59 is closed in both directions between Skipton and Gargrave.",
                "The B6265 is passable with care.",
                "Rail",
                "Trains between Leeds and Skipton are running late.",
                "Schools",
                "Three primary schools are closed today.",
                "The A59 is open in both directions between Skipton and Gargrave."]
    # the road's closure and its opening name the road and both towns: one story, compared
    assert unlikely_pairs(advisory, [(3, 9)]) == set()
    # one town in common is not enough: two items, as on a digest
    assert unlikely_pairs(advisory, [(6, 8), (6, 9)]) == {(6, 8), (6, 9)}


def test_one_template_line_in_each_entry_of_a_list_is_many_entries() -> None:
    from checker.entries import template_lines
    from checker.nli.contradict import flip_conflicts
    from checker.nli.restate import unlikely_pairs

    draws = ["The winning numbers were 8, 12, 16, 20, 26 and 35.", "The bonus number was 23.",
             "In the Plus One draw the winning numbers were 6, 7, 8, 16, 30 and 41.",
             "The bonus number was 26.",
             "In the Plus Two draw the winning numbers were 1, 5, 9, 11, 19 and 44.",
             "The bonus number was 20."]
    assert template_lines(draws)[1] == template_lines(draws)[3] == "the bonus number was #."
    assert unlikely_pairs(draws, [(1, 3), (1, 5)]) == {(1, 3), (1, 5)}
    assert flip_conflicts(draws) == []
    table = ["Goa", "Total Seats in the Assembly -----  40", "Harbour Party ----- 21",
             "Manipur", "Total Seats in the Assembly -----60", "Harbour Party ------42",
             "Punjab", "Total Seats in the Assembly ------------ 117", "Harbour Party -- 12"]
    assert flip_conflicts(table) == []
    # a figure stated twice, not three times, is still compared
    twice = ["The death toll rose to 20 on Monday.", "Rescuers searched the hills.",
             "The death toll rose to 25 on Monday."]
    assert template_lines(twice) == [None, None, None]
    assert len(flip_conflicts(twice)) == 1


def test_an_instruction_is_not_compared_with_the_model() -> None:
    from checker.nli.restate import instruction, unlikely_pairs

    told = ["Hike to Beacon Hill, the highest point on the island.",
            "Drive to the Old Mill Inn, on the east side of the island.",
            "Pick up smoked fish at the market, if it's Saturday.",
            "Wear a mask only if you are ill or looking after someone who is."]
    assert [instruction(s) for s in told] == [True, True, True, True]
    # a sentence that opens on a noun, tells its verb in the main clause, is negated, or opens
    # on a participle is a statement
    stated = ["Search teams found the boy on Monday.",
              "Work on the bridge was halted in May.",
              "Do not take the ferry.",
              "Set in the future, the film follows a girl.",
              "Run by volunteers, the shop opens on Fridays.",
              "The island has one shop, which closes on Sundays."]
    assert [instruction(s) for s in stated] == [False] * 6
    guide = ["The island has one shop, which closes on Sundays.", *told[:2],
             "The island's only shop is open every day of the week."]
    # pairs with an instruction on either side are dropped; two statements are still compared
    assert unlikely_pairs(guide, [(1, 2), (0, 2), (0, 3)]) == {(1, 2), (0, 2)}


def test_one_field_of_a_list_of_records_is_in_different_records() -> None:
    from checker.entries import record_fields
    from checker.nli.restate import PairFilter

    records = []
    for junction, days in (("J3", "from 2 May to 9 May"), ("J4", "from 20 May to 1 June"),
                           ("J7", "on 3 June only")):
        records += [f"A99 {junction} northbound | Road Works",
                    f"Location : The A99 northbound exit slip at junction {junction}.",
                    "Reason : Resurfacing is planned.", "Status : Pending.",
                    f"Schedule : Expect the exit slip to be closed overnight {days}."]
    assert record_fields(records) == {"location", "reason", "status", "schedule"}
    assert PairFilter(records).skip(4, 9) == "speakers"
    # a transcript's speakers in capitals are no fields, and two labels are no records
    transcript = [line for n in range(3) for line in (
        f"THE REGISTRAR: Exhibit {n} is admitted.", f"MR HALE: I object to exhibit {n}.",
        f"THE JUDGE: Noted for exhibit {n}.")]
    assert record_fields(transcript) == frozenset()
    assert record_fields([r for r in records if not r.startswith(("Reason", "Status"))]) == (
        frozenset())


def test_two_votes_on_the_motion_in_minutes_are_two_motions() -> None:
    from checker.nli.restate import PairFilter

    minutes = ["Hale made a motion to approve the minutes of May 6.",
               "A vote was taken and the motion passed 7-0.",
               "Pike made a motion to approve the harbour budget.",
               "A vote was taken and the motion passed 6-1, Hale opposed.",
               "The harbour budget passed 7-0."]
    assert PairFilter(minutes).skip(1, 3) == "moments"
    # a vote told without "the motion" is still compared
    assert PairFilter(minutes).skip(3, 4) is None


def test_a_greeting_or_sign_off_is_not_compared_with_the_model() -> None:
    from checker.nli.restate import courtesy, unlikely_pairs

    said = ["That's all from the live team for this evening, thank you for joining us.",
            "From all of us, have a peaceful evening.",
            "Good morning and welcome to our coverage of the harbour vote.",
            "Thanks again for reading.", "See you tomorrow.",
            "From the live team, have a good night."]
    assert [courtesy(s) for s in said] == [True] * 6
    # thanks for something done, a wish reported, a long sentence that opens with a wish, and
    # "thanks to" are statements
    stated = ["Thank you for your patience.",
              "The minister said goodbye to staff on Friday.",
              "Thanks to the rain, the match was abandoned.",
              "Stay safe, police said, as the storm hit the coast on Monday and closed three "
              "roads in the county overnight."]
    assert [courtesy(s) for s in stated] == [False] * 4
    page = ["The ferry resumed its Sunday crossings this week.", *said[:2],
            "The ferry has not run on Sundays since March."]
    assert unlikely_pairs(page, [(1, 2), (0, 3)]) == {(1, 2)}
    # a call's thanks to the last speaker, and its operator's turns
    turns = ["Thank you, Laura, and good morning, everyone.", "Thanks, and good evening.",
             "Our first question comes from Daniel Whitmore with Halstead Securities.",
             "We have a follow-up question from Daniel Whitmore with Halstead Securities.",
             "We will now begin the question-and-answer session.",
             "This concludes our question-and-answer session.",
             "I would like to turn the call back over to Margaret Ellison for closing remarks."]
    assert [courtesy(s) for s in turns] == [True] * 7
    assert not courtesy("Thank you, Laura, and good morning: revenue rose 7% to $1.28 billion in "
                        "the quarter, with orders up 4% and margins higher than a year ago.")


def test_a_menu_s_short_lines_above_a_headline_do_not_make_it_a_list() -> None:
    from checker.nli.restate import unlikely_pairs

    page = ["Oops.", "Our page is unavailable in your area.", "PRIVACY", "News",
            "Young man killed in harbour road crash as police urge witnesses to come forward",
            "The road remains closed as investigations go on",
            "Police car parked on the road",
            "A young man has died in a crash on the harbour road as police urge witnesses to "
            "come forward."]
    paragraphs = list(range(len(page)))
    assert (4, 7) in unlikely_pairs(page, [(4, 7)], paragraphs)
    # five lines of a headline's length in a row are a list: none of them heads the story
    listing = [*page[:2], "Harbour ferry fares to rise in May", "Lifeboat crew called out twice",
               *page[4:]]
    assert unlikely_pairs(listing, [(4, 7)], paragraphs) == set()
    # nor do a byline, a dateline and a picture's credit under the headline
    page = ["News Sport Business Views Life Property Motors Tech Farming", "Home»ireland",
            "Two men seriously injured after 'violent' incident in Harbourtown",
            "File photo", "By Digital Desk staff", "Sunday, June 16, 2019 - 07:13 PM",
            "Two men have been seriously injured in what police are calling a public order "
            "incident in Harbourtown."]
    assert (2, 6) in unlikely_pairs(page, [(2, 6)], list(range(len(page))))


def test_a_page_told_move_by_move_makes_its_short_sentences_moments() -> None:
    from checker.entries import play_by_play
    from checker.nli.restate import unlikely_pairs

    moves = ["Reyes lands a stiff jab.", "Okafor answers with a right that misses.",
             "Reyes doubles the jab.", "Okafor slips a hook and lands one of his own.",
             "Reyes lands a left hook upstairs.", "Okafor walks through it.",
             "Reyes moves away from the right hand.", "Okafor finally lands a clean left.",
             "The crowd is on its feet.", "Reyes wins by unanimous decision, 116-112.",
             "Reyes loses by unanimous decision, 112-116."]
    marked = play_by_play(moves)
    assert marked[:9] == [True] * 9 and marked[9:] == [False, False]  # results are no moves
    assert unlikely_pairs(moves, [(0, 7), (1, 4), (9, 10)]) == {(0, 7), (1, 4)}
    # a news story's present tense, and a page of long sentences, are no play-by-play
    news = ["Harbour Ferries plans to cut fares.", "The minister denies the report.",
            "Harbour Ferries expects a loss.", "The union warns of a strike.",
            "Harbour Ferries hopes to reopen.", "The council says it will pay.",
            "Harbour Ferries wants a new pier.", "The mayor insists on a vote."]
    assert not any(play_by_play(news))
    long = [m.replace(".", ", as the crowd in the hall rises to its feet and roars him on.")
            for m in moves[:9]]
    assert not any(play_by_play(long))


def test_a_title_printed_more_than_once_is_a_headline() -> None:
    from checker.nli.restate import unlikely_pairs

    page = ["Thursday, May 26, 2022",
            "Council names three new harbour masters",
            "Council names three new harbour masters",
            "The harbour board has appointed three harbour masters for the ports of Tenby, "
            "Saundersfoot and Fishguard, according to a notice published on Tuesday.",
            "The board said the three would start in June."]
    paragraphs = [0, 1, 2, 3, 4]
    # the title, wherever it stands, says in a few words what the story tells
    assert unlikely_pairs(page, [(2, 3), (1, 3), (3, 4)], paragraphs) == {(2, 3), (1, 3)}
    # a sentence written twice is no title
    from checker.nli.restate import _repeated_titles

    assert _repeated_titles([*page, page[4]]) == {1, 2}


def test_two_items_of_a_numbered_series_in_the_same_words_are_two_items() -> None:
    from checker.nli.lexicon import load_lexicon
    from checker.nli.restate import series_items, unlikely_pairs

    routes = ["The temporary timetable will be removed from route 105, with buses every 12 "
              "minutes during the day.",
              "The temporary timetable will be removed from route 395, with buses every 20 "
              "minutes during the day.",
              "The temporary timetable will be removed from route 105, with buses every 20 "
              "minutes during the day."]
    lex = load_lexicon()
    assert series_items(routes[0], routes[1], lex)
    # one route's timetable given twice, with other figures, is still compared
    assert not series_items(routes[0], routes[2], lex)
    assert unlikely_pairs(routes[:2], [(0, 1)]) == {(0, 1)}
    assert unlikely_pairs(routes[::2], [(0, 1)]) == set()


def test_a_tabloid_headline_that_ends_on_quoted_words_heads_its_story() -> None:
    from checker.nli.restate import _heading_lines

    lines = ["Harbour singer's son 'transformed his life'",
             "The singer thinks his son saved him from working too hard.",
             "He said: 'My son transformed my life.'",
             "Ferry captain ‘mad about sailing’"]
    assert _heading_lines(lines) == [True, False, False, True]


def test_a_week_of_services_is_a_list_of_days_not_two_accounts() -> None:
    from checker.entries import two_dated_entries
    from checker.nli.contradict import flip_conflicts

    week = ["Monday (19/03/18) 6.00 p.m. to 8.00 p.m……Holy Cross Chapel",
            "Tuesday (20/03/18) 6.00 p.m. to 8.00 p.m……Holy Cross Chapel"]
    assert two_dated_entries(*week)
    assert flip_conflicts(week) == []
    assert two_dated_entries("• 12/05/2024 Harbour Road closed", "• 13/05/2024 Harbour Road open")
    # prose that names two weekdays is not a list, and one line's day against none is no pair
    assert not two_dated_entries("Monday's vote approved the plan.",
                                 "Tuesday's vote rejected the plan.")
    assert not two_dated_entries("Monday (19/03/18) Holy Cross Chapel", "Holy Cross Chapel")


def test_a_game_s_state_stated_as_it_is_played_is_a_moment_of_its_own() -> None:
    from checker.entries import in_play
    from checker.nli.restate import unlikely_pairs

    # a live page written newest first, with no clock: each "leads" is another moment
    live = ["It is all over on Court One: Harlow wins 6-4, 6-2, 6-2.",
            "Harlow breaks again and leads 6-4, 6-2, 4-1.",
            "Harlow leads 6-4, 6-2.",
            "Okafor holds serve. Unfortunately for him Harlow leads 6-4, 5-2.",
            "Dunmore go up by four after a late basket."]
    assert in_play(live) == [False, True, True, True, True]
    assert unlikely_pairs(live, [(2, 3)]) == {(2, 3)}
    # the past tense is a result, and not in play; but a lead at a score and the result of
    # the same match are two moments of it (fifteenth stop: "Lisowski leads Saengkham 9-7" /
    # "Lisowski defeats Saengkham 10-7" on a snooker live page); two margins in a story with
    # no score are the model's to compare
    assert unlikely_pairs(live, [(0, 1)]) == {(0, 1)}
    story = ["Labour leads by five points in the poll.", "Labour leads by eight points.",
             "The poll was taken on Monday."]
    assert in_play(story) == [False] * 3
    assert unlikely_pairs(story, [(0, 1)]) == set()
    # a player's tally as the game goes on: "leads Team with N points", "has N for Team"
    game = ["Game 7 live updates.",
            "Kellan Price leads Dunmore with 10 points while Ade Rowe has added nine.",
            "Tobi Marsh leads the Harriers (and all scorers) with 16.",
            "Dunmore go into halftime leading 48-47.",
            "Tobi Marsh leads the Harriers with 12 points.",
            "Kellan Price has eight for Dunmore."]
    assert in_play(game) == [False, True, True, True, True, True]
    assert unlikely_pairs(game, [(2, 4), (1, 5)]) == {(2, 4), (1, 5)}
    # a season's leaders in a story, under three tallies, are not a game followed live
    season = ["Marsh leads the league with 30 points per game.",
              "The Harriers lost again on Friday.", "Their coach was sacked."]
    assert in_play(season) == [False] * 3


def test_a_later_sentence_that_says_it_adds_is_a_second_item() -> None:
    fair = ["The results have been announced of the Northfield Fair Dairy Show.",
            "Results for the rabbit show at the Northfield Fair have also been announced.",
            "The Eastvale roads department reported hazards across the county as well.",
            "The club did not sign a striker in January.",
            "The club also signed a striker in January.",
            "The council approved the stadium plan on Monday.",
            "The council threw out the stadium plan on Monday.",
            "The firm also raised prices in May.",
            "The firm also cut prices in May."]
    pairs = PairFilter(fair)
    # "also" on both sides is one statement flipped
    assert pairs.skip(7, 8) is None
    assert pairs.skip(0, 1) == "addition"
    assert pairs.skip(0, 2) == "addition"
    # a negation in one of the two only is still compared, and so is a pair with no "also"
    assert pairs.skip(3, 4) is None
    assert pairs.skip(5, 6) is None


def test_the_entries_of_a_ranked_list_are_entries_of_their_own() -> None:
    from checker.entries import entry_numbers

    ranked = ["How the top 25 fared", "1.", "Harlow (24-3) beat Dunmore 75-65.",
              "Next: vs. Kirkby, Tuesday.", "2.", "Eastvale (26-2) beat Upton.",
              "Next: vs. Arden, Tuesday.",
              "3.", "Kirkby (22-5) did not play.", "Next: vs. Harlow, Tuesday."]
    assert entry_numbers(ranked) == [None, 0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert PairFilter(ranked).skip(3, 6) == "moments"
    # two numbers split off are no ranked list
    assert entry_numbers(ranked[:7]) == [None] * 7


def test_two_pictures_captions_are_two_moments() -> None:
    from checker.nli.restate import captions, unlikely_pairs

    sentences = [
        "Harbour board chair Ana Reyes votes during a session to elect the new chair in Dunmore.",
        "HARBOUR NEWS/Tom Gale",
        "The board on Wednesday re-elected Reyes with 14 of 20 votes.",
        "Harbour board chair Ana Reyes is greeted after being re-elected as chair in Dunmore.",
        "(AP Photo/Lena Moss)",
        "Reyes said the ferry timetable would not change.",
    ]
    # the credits here: one agency's and one the pattern knows
    assert captions(sentences) == {3}
    sentences[1] = "REUTERS/Tom Gale"
    assert captions(sentences) == {0, 3}
    assert unlikely_pairs(sentences, [(0, 3)]) == {(0, 3)}
    assert PairFilter(sentences).skip(0, 3) == "captions"
    # a caption against the story is still compared
    assert PairFilter(sentences).skip(0, 2) != "captions"


def test_two_counts_of_one_group_are_two_parts_of_it() -> None:
    sentences = [
        "- The fire started in the engine room, where two of the crew were hurt.",
        "- Two of the crew were treated at Dunmore Hospital.",
        "- Three crew members remain in hospital.",
        "Exports of fish doubled over the past five years.",
        "Sales of fish have shrunk steadily over the last five years.",
    ]
    pairs = PairFilter(sentences)
    assert pairs.two_people(0, 1)
    # units counted are not a group's members: one stretch of time, still compared
    assert not pairs.two_people(3, 4)
    # one sentence edited ("still" / "not still") is one statement, not two parts of a group
    edited = PairFilter(["Four crew members were questioned, but the skipper was still at sea.",
                         "Four crew members were questioned, but the skipper was not still at "
                         "sea."])
    assert not edited.two_people(0, 1)


def test_a_state_of_play_and_a_later_score_are_two_moments() -> None:
    sentences = [
        "Harbour Rovers lead Dunmore Town 2-1 at the break.",
        "Harbour Rovers beat Dunmore Town 3-1 on Saturday.",
        "Harbour Rovers beat Dunmore Town 3-1 in the final.",
        "Dunmore Town beat Harbour Rovers 3-1 on Saturday.",
    ]
    pairs = PairFilter(sentences)
    assert pairs.skip(0, 1) == "moments"
    # two results are not two moments
    assert pairs.skip(1, 3) != "moments"
    # a lead to come is no state of play: "led … 5-0" / "may soon lead … 5-0" is a flip
    flip = ["Harbour Rovers, who led Dunmore Town 5-0 at half-time, won easily.",
            "Harbour Rovers, who may soon lead Dunmore Town 5-0 at half-time, won easily."]
    assert PairFilter(flip).skip(0, 1) != "moments"


def test_two_things_of_a_series_are_two_things() -> None:
    sentences = [
        "Officials said fuel is completely loaded into the second stage.",
        "They are continuing to load fuel into the first stage.",
        "The ferry crew was knocked out in the first round.",
        "The ferry crew was knocked out in the second round.",
        "It was the first time the crew had lost.",
        "It was the last time the crew would race.",
    ]
    pairs = PairFilter(sentences)
    assert pairs.skip(0, 1) == "moments"
    # the same statement with another place in the series is a flip, still compared
    assert pairs.skip(2, 3) != "moments"
    # "the first time" names no thing of a series
    assert pairs.skip(4, 5) != "moments"


def test_things_a_place_numbers_are_two_things_when_their_numbers_differ() -> None:
    sentences = [
        "Berths 4 to 6 are closed for the duration of the dredging.",
        "Berths 1 to 3 remain open to all vessels.",
        "Berths 5 and 6 remain open to all vessels.",
        "Trains to Kelton leave from Platform 2 this week.",
        "Trains to Kelton leave from Platform 7 this week.",
    ]
    pairs = PairFilter(sentences)
    assert pairs.skip(0, 1) == "moments"
    # the same berths told both ways are still compared
    assert pairs.skip(0, 2) != "moments"
    # one number for another in the same statement is a flip, still compared
    assert pairs.skip(3, 4) != "moments"


def test_a_part_of_a_thing_and_the_whole_thing_are_two_things() -> None:
    sentences = [
        "Its opening hours will rise from 38 to 41 a week.",
        "Weekday opening hours are unchanged.",
        "Weekday opening hours will be cut.",
        "Domestic flights were cancelled on Monday.",
        "All flights left on time on Monday.",
    ]
    pairs = PairFilter(sentences)
    assert pairs.skip(0, 1) == "part and whole"
    # the same part told two ways is still compared
    assert pairs.skip(1, 2) != "part and whole"
    assert pairs.skip(3, 4) == "part and whole"
    # a day or a time changed in one statement is a flip, still compared
    flip = ["Lynch announced Sunday that he was leaving the revival over a salary dispute.",
            "Lynch announced Monday that he was leaving the revival over a salary dispute.",
            "Walker said it during a Saturday morning news conference.",
            "Walker said it during a Friday morning news conference."]
    assert PairFilter(flip).skip(0, 1) != "part and whole"
    assert PairFilter(flip).skip(2, 3) != "part and whole"


def test_a_clock_time_with_a_dash_opens_a_live_entry() -> None:
    from checker.entries import entry_numbers

    sentences = ["KEY POINTS:", "16.45- The index has clawed back some ground.",
                 "Harbour Telecom has fallen 10 cents to $2.68.",
                 "15.30- $1.5 billion has been wiped off the exchange.",
                 "Harbour Telecom has fallen 11 cents to $2.67.",
                 "2.75 - million shares changed hands."]
    assert entry_numbers(sentences) == [None, 0, 0, 1, 1, 1]
    assert PairFilter(sentences).skip(2, 4) == "moments"


def test_two_chances_of_rain_of_a_forecast_are_two_periods() -> None:
    from checker.entries import forecast_readings

    sentences = ["Overnight, I have a 20% chance of rain over the harbour.",
                 "Saturday will be cloudy, so I have the rain chance at only 10%.",
                 "Overnight, the rain chances go up to 80%.",
                 "I have a 20% chance of rain for Monday and Tuesday.",
                 "The ferry will sail on Monday."]
    assert forecast_readings(sentences) == [True, True, True, True, False]
    assert PairFilter(sentences).skip(0, 2) == "moments"
    # a storm report's two chances are the model's to compare
    assert forecast_readings([*sentences[:2], "The ferry will sail on Monday."]) == [False] * 3


def test_a_vote_cast_the_other_way_in_other_words_goes_to_the_model() -> None:
    # "against" where the other sentence voted "in favour": reordered and reworded, but the
    # words that differ turn the vote round, so the pair is no restatement
    earlier = "Councillor Maeve Rusk voted in favour of the harbour levy on Thursday."
    later = "On Thursday, Councillor Maeve Rusk cast her ballot against the harbour levy."
    assert PairFilter([earlier, later]).skip(0, 1) is None
    # the same vote told again in other words stays a restatement
    again = "On Thursday, Councillor Maeve Rusk cast her ballot in favour of the harbour levy."
    assert PairFilter([earlier, again]).skip(0, 1) == "restatement"


def test_another_place_or_day_and_a_flip_are_two_facts() -> None:
    # a slot named otherwise and the claim turned round: two regions, two days, not one fact
    lex, stop = load_lexicon(), stopwords()
    two_regions = ("Jobless claims in the Corrow valley rose in May, the statistics office said.",
                   "Jobless claims in the nearby Estmere valley fell in May, the statistics "
                   "office said.")
    stopped_and_started = ("Trams on the Pellin line were suspended on Thursday.",
                           "Trams on the Pellin line resumed on Friday afternoon.")
    for earlier, later in (two_regions, stopped_and_started):
        assert other_anchor(earlier, later, lex, stop)
        assert PairFilter([earlier, later]).skip(0, 1) == "other anchor"
    # one difference alone is still compared: a flip on one day, a clash of places, or the same
    # names trading places
    kept = [
        ("The council approved the tram plan on Thursday.",
         "The council rejected the tram plan on Thursday."),
        ("The regional trade fair will be held in Corrow this autumn, organisers said.",
         "The regional trade fair will be held in Estmere this autumn, organisers said."),
        ("Halden beat Moreby in the final of the county cup on Sunday.",
         "Moreby beat Halden in the final of the county cup on Sunday."),
        # another day with the same claim is a clash of dates, not two facts
        ("The Pellin line reopened on Thursday after repairs.",
         "The Pellin line reopened on Friday after repairs."),
    ]
    for earlier, later in kept:
        assert not other_anchor(earlier, later, lex, stop), (earlier, later)
    # "today" and a weekday may be one day told two ways
    assert not other_anchor("Trams on the Pellin line were suspended today.",
                            "Trams on the Pellin line resumed on Friday.", lex, stop)


def test_one_person_or_country_named_two_ways_is_no_other_anchor() -> None:
    lex, stop = load_lexicon(), stopwords()
    # a title and a first name more or fewer, or a capital for its country, name the same side
    assert not other_anchor("On Monday, Prime Minister Tara Quill supported the harbour plan.",
                            "On Monday, Ms Quill opposed the harbour plan.", lex, stop)
    assert not other_anchor("At the summit, the US supported the ceasefire plan.",
                            "At the summit, Washington opposed the ceasefire plan.", lex, stop)
    # another country is another side (past the opening word, which any sentence capitalises)
    assert other_anchor("At the summit, Denmark supported the ceasefire plan.",
                        "At the summit, Norway opposed the ceasefire plan.", lex, stop)


def test_a_day_s_line_under_each_region_of_a_forecast_is_a_field() -> None:
    regions = ("NORTH COAST", "CARR VALLEY", "HIGH FELLS")
    weather = ("Heavy rain and gales. High 12C.", "Heavy rain, windy. High 11C.",
               "Heavy rain, gales on the tops. High 8C.")
    lines: list[str] = []
    for region, saturday in zip(regions, weather, strict=True):
        lines += [region, "Friday: Grey and damp. High 8C.", f"Saturday: {saturday}"]
    saturdays = [k for k, line in enumerate(lines) if line.startswith("Saturday")]
    assert PairFilter(lines).skip(saturdays[0], saturdays[2]) == "speakers"
    # one region's forecast with Saturday told twice is compared
    twice = ["Saturday: Heavy rain and gales. High 12C.", "Sunday: Bright. High 9C.",
             "Saturday: Dry and sunny all day. High 12C."]
    assert PairFilter(twice).skip(0, 2) != "speakers"


def test_the_case_a_question_sets_out_is_not_the_page_s_statement() -> None:
    sentences = ["My recycling box wasn't collected.", "What should I do?",
                 "Report it online and we will collect it within two days.",
                 "My recycling box was collected but not returned.", "Can you bring it back?",
                 "Our crews return every box to the kerb."]
    paragraphs = [0, 0, 1, 2, 2, 3]
    assert PairFilter(sentences, paragraphs).skip(0, 3) == "question"
    # in a paragraph of prose that ends on a question, the statements are the page's own
    prose = ["The depot opened in May.", "It has already closed.", "Why did the council act?"]
    assert PairFilter(prose, [0, 0, 0]).skip(0, 1) != "question"
    # nor without paragraphs
    assert PairFilter(sentences).skip(0, 3) != "question"


def test_a_log_line_retelling_a_statement_in_the_present_is_a_restatement() -> None:
    said = "The fire service said at 16:00 that the fire was under control."
    assert restatement(said, "16:10 - The fire service says the fire is under control.")
    # the tense aside, a change of fact is still sent to the model
    assert not restatement(said, "The fire service says the fire is not under control.")
    assert not restatement(said, "The fire service says the fire is out of control.")


def test_a_statement_retold_in_reported_speech_is_a_restatement() -> None:
    """A police appeal tells its first paragraph again in reported speech: an impersonal frame
    ("It was reported that") and the pluperfect ("had approached") change nothing it says."""
    first = ("A man riding a bicycle approached a taxi and used an unknown object to smash the "
             "rear window before riding off.")
    retold = ("It was reported that a man riding a bicycle had approached the vehicle and used "
              "an unknown object to smash the rear window, before cycling off towards Mill Road.")
    assert reworded_restatement(first, retold)
    # the frame does not hide a flip: a negation or a verb turned round is still compared
    assert not restatement("It was reported that the council had approved the plan on Monday.",
                           "The council did not approve the plan on Monday.")
    assert not reworded_restatement(
        "It was reported that the council had approved the plan on Monday.",
        "The council rejected the plan on Monday.")
    assert not restatement("The man had not approached the taxi before the window broke.",
                           "The man approached the taxi before the window broke.")


def test_a_verb_told_twice_in_one_sentence_and_once_in_the_other_is_a_restatement() -> None:
    once = "We will never accept a photo of your pass or a third party pickup of your badge."
    twice = ("We will never accept a photo of your pass, and will never accept a third party "
             "pickup of your badge.")
    assert restatement(twice, once) and restatement(once, twice)
    # a second negation that is no repeat is still a flip
    assert not restatement(
        "The mayor did not attend the meeting and the council did not vote on the plan.",
        "The mayor did not attend the meeting and the council voted on the plan.")


def test_a_forecast_s_reading_in_words_is_a_period_of_its_own() -> None:
    from checker.entries import forecast_readings
    from checker.nli.restate import unlikely_pairs

    forecast = ["Tonight, overnight lows drop into the upper 40s.",
                "Friday brings rain and highs in the lower 60s.",
                "Saturday turns colder. Overnight lows drop below freezing with a cloudy sky.",
                "Sunday stays blustery. Overnight lows fall into the upper 20s."]
    assert forecast_readings(forecast) == [True, True, True, True]
    assert unlikely_pairs(forecast, [(2, 3), (0, 2)]) == {(2, 3), (0, 2)}
    # "freezing" in a story that gives no forecast's readings is still compared
    story = ["The lake froze as temperatures stayed below freezing all week.",
             "Skaters were warned to keep off the ice.",
             "Temperatures never fell below freezing all week, the council said."]
    assert forecast_readings(story) == [False] * 3


def test_one_worry_told_with_a_preposition_and_with_there_will_be_is_a_restatement() -> None:
    short = "Police are concerned of an influx of travellers at the border."
    long = "Police are concerned there will be an influx of travellers at the border."
    assert reworded_restatement(short, long) and reworded_restatement(long, short)
    # a negation, or a tense turned round, is still compared
    assert not reworded_restatement(
        short, "Police are not concerned there will be an influx of travellers at the border.")
    assert not reworded_restatement("Officials said the plant closed in May after the fire.",
                                    "Officials said the plant will close in May after the fire.")


def test_rows_of_a_table_keyed_by_their_own_numbers_are_parallel_items() -> None:
    from checker.nli.restate import unlikely_pairs

    prizes = ["- 3 Main Numbers: [Prize Amount] (odds are approximately 1 in 122)",
              "- 2 Main Numbers + Thunderball: [Prize Amount] (odds are approximately 1 in 148)",
              "- 1 Main Number + Thunderball: [Prize Amount] (odds are approximately 1 in 78)"]
    assert unlikely_pairs(prizes, [(1, 2), (0, 1)]) == {(1, 2), (0, 1)}
    # a list of key facts with no label is still compared
    facts = ["- 5 people died in the fire at the depot.",
             "- 7 people died in the fire at the depot.",
             "- The fire began shortly after 3am."]
    assert unlikely_pairs(facts, [(0, 1)]) == set()


def test_a_bulleted_item_s_second_sentence_does_not_end_its_list() -> None:
    from checker.nli.restate import list_items, unlikely_pairs

    advisories = ["More serious advisories ask Americans to reconsider travel for:",
                  "- Guyana, due to violent crime, including murder and armed robbery.",
                  "The notice states local police often lack the resources to respond.",
                  "- Bangladesh, due to civil unrest, crime, and terrorism.",
                  "- Pakistan, due to the threat of terrorism."]
    assert list_items(advisories) == {1, 3, 4}
    assert unlikely_pairs(advisories, [(3, 4)]) == {(3, 4)}
    # two bullets with a sentence between them are no list of three
    assert list_items(["- 5 people died in the blaze.", "Police said more were hurt.",
                       "- 7 people died in the blaze."]) == set()


def test_a_teaser_cut_at_its_length_restates_the_sentence_it_opens() -> None:
    from checker.nli.restate import cut_teaser, unlikely_pairs

    teaser = ("Sixteen of the 57 trains that call at Harpenden, St Albans and Radlett during the "
              "peak morning")
    whole = ("Sixteen of the 57 trains that call at Harpenden, St Albans and Radlett during the "
             "peak morning rush hour were cancelled, causing delays of more than half an hour.")
    assert cut_teaser(teaser, whole) and not cut_teaser(whole, teaser)
    assert unlikely_pairs([teaser, "Commuters faced long delays.", whole], [(0, 2)]) == {(0, 2)}
    # a finished sentence, or a cut that stops inside a word, is no teaser of the other
    assert not cut_teaser("The council approved the stadium plan.",
                          "The council approved the stadium plan. It did not approve the road.")
    assert not cut_teaser("The council approved the stadium plan on Mon",
                          "The council approved the stadium plan on Monday.")


def test_a_later_development_is_not_a_second_account_of_one_moment() -> None:
    sentences = [
        "When the officers came back, the man refused to leave the harbour wall.",
        "The man then took out his identity card and challenged the officers to fine him.",
        "The plan was later approved by the harbour board.",
        "The plan was later rejected by the harbour board.",
        "The man left the harbour wall, the officers said.",
        "Back then the man lived near the harbour wall.",
        "Five people were killed inside the harbour station.",
        "Three women and a girl were killed inside the harbour station while a man later died.",
    ]
    pairs = PairFilter(sentences)
    assert pairs.skip(0, 1) == "succession"  # what he did next
    assert pairs.skip(2, 3) != "succession"  # both later: still two accounts to compare
    assert pairs.skip(0, 4) != "succession"  # no word of what came next
    assert pairs.skip(0, 5) != "succession"  # "back then" looks back
    assert pairs.skip(6, 7) != "succession"  # "later" in a clause far into the sentence


def test_what_was_found_on_checking_a_report_explains_it() -> None:
    sentences = [
        "A caller on Bank Street heard someone shouting for help from a porch.",
        "Officers found the resident calling a cat named Help.",
        "The inquiry found the council at fault over the flooding.",
        "The review found the council was not at fault over the flooding.",
        "Residents said the council was at fault over the flooding.",
        "A man was sitting in the library car park for three hours.",
        "Police found the man was waiting for his wife.",
        "Neighbours reported a fire at the mill on Tuesday night.",
        "The fire was put out within an hour, and the mill was found to be empty.",
    ]
    pairs = PairFilter(sentences)
    assert pairs.skip(0, 1) == "discovery"  # what officers found explains what was heard
    assert pairs.skip(2, 3) != "discovery"  # two findings: still two accounts to compare
    assert pairs.skip(1, 3) != "discovery"  # the earlier tells a finding, not a report
    assert pairs.skip(5, 6) != "discovery"  # the earlier tells no report
    assert pairs.skip(7, 8) != "discovery"  # "found" far into the later sentence
    # what someone said is a statement to compare, not a report to check
    said = PairFilter([sentences[4], sentences[3]])
    assert said.skip(0, 1) != "discovery"


def test_a_side_of_a_trial_and_the_accused_give_two_accounts() -> None:
    sentences = [
        "The prosecution says he started the fire with petrol after an argument over a fence.",
        "\"I was not in that garden. I never had a can of petrol,\" he told the jury.",
        "The defence says he was at home watching football when the fire started.",
        "Police said the man was arrested at his home on Monday morning.",
        "The man remains at large, he said on Monday morning.",
        "He said the fire had been started deliberately with petrol.",
        "She said the fire had started by accident in the garden.",
    ]
    pairs = PairFilter(sentences)
    assert pairs.skip(0, 1) == "two accounts"  # the prosecution's, and the accused's own
    assert pairs.skip(0, 2) == "two accounts"  # the two sides
    assert pairs.skip(3, 4) != "two accounts"  # police report one account: their spokesman's
    assert pairs.skip(5, 6) != "two accounts"  # two pronouns may be one person


def test_a_faq_s_answers_to_two_questions_are_not_compared() -> None:
    from checker.nli.restate import question_sections

    sentences = [
        "Do I need a permit to park in my street?",
        "Yes, if your street is in a controlled zone.",
        "Do visitors need a permit?",
        "No.",
        "Visitors can park for up to two hours without one.",
        "Is the permit free?",
        "No.",
        "The first permit for each household costs £45 a year.",
        "A permit costs nothing for a household's first car.",
    ]
    paragraphs = [0, 0, 1, 1, 1, 2, 2, 2, 2]
    assert question_sections(sentences, paragraphs) == [None, 0, None, 2, 2, None, 5, 5, 5]
    pairs = PairFilter(sentences, paragraphs)
    assert pairs.skip(1, 4) == "two questions"  # two questions' answers
    assert pairs.skip(7, 8) != "two questions"  # one question's answer: still compared
    # one rhetorical question opening a paragraph of an article cuts nothing
    article = ["The council approved the plan on Monday.", "Why does it matter?",
               "The plan will close the road.", "The council rejected the plan on Monday."]
    assert question_sections(article, [0, 1, 1, 2]) == [None] * 4


def test_the_plan_a_change_replaced_is_not_a_second_account() -> None:
    sentences = [
        "The match will now kick off at 1pm on Sunday.",
        "It had been due to start at 3pm on Saturday.",
        "The hospital, originally due to open in 2024, will not open before 2026.",
        "The hospital will open in 2024, the authority said.",
        "The settlement was first inhabited in the Iron Age.",
        "The settlement was already inhabited in the Bronze Age.",
    ]
    pairs = PairFilter(sentences)
    assert pairs.skip(0, 1) == "former plan"  # the plan the move replaced
    assert pairs.skip(2, 3) == "former plan"
    assert pairs.skip(4, 5) != "former plan"  # "first inhabited" tells no former plan


def test_a_digest_s_first_item_under_the_page_s_title_is_an_item() -> None:
    sentences = [
        "News in brief",
        "Library hours cut",
        "Millbrook library will close at 5pm instead of 7pm from next month, the council said.",
        "It will stay open on Saturdays.",
        "Pool reopens",
        "The Harbour pool reopened on Monday after a six-week refit.",
        "Plan for flats rejected",
        "Councillors rejected plans for 40 flats on the old bus depot site on Tuesday.",
        "Road to close",
        "Church Lane will close for three days from Monday while a water main is replaced.",
    ]
    pairs = PairFilter(sentences)
    # the library's item and the road's are two items, the first under its own heading
    assert pairs.skip(3, 9) is not None
    # a title and its byline over an introduction: the introduction is compared with the items
    bylined = ["Police log", "By Anna Reed", "Officers were called to four incidents.",
               "Lost laundry", "A bag of laundry was found on a step.", "Noisy party",
               "A party on Pine Drive was asked to turn the music down.", "Loose goose",
               "A goose chased a boy into a garage."]
    assert PairFilter(bylined).skip(2, 4) is None


def test_two_parts_of_one_week_on_a_forecast_s_page_are_two_spells() -> None:
    from checker.nli.restate import unlikely_pairs

    forecast = ["Saturday will be bright, with highs in the middle to upper 60s.",
                "Behind that front we are going to have a cooler start to next week.",
                "Monday's highs will be in the lower 50s.",
                "Tuesday stays cool, with highs in the 50s to near 60.",
                "Behind that system it will be a chilly end to next week.",
                "It will turn milder early next week, before the cold returns late next week."]
    assert unlikely_pairs(forecast, [(1, 4)]) == {(1, 4)}
    # the same part of the week is still compared, and a sentence naming two parts is not
    # one spell
    assert unlikely_pairs(forecast, [(1, 5), (4, 5)]) == set()
    # off a forecast's page, two parts of a period are left to the model: "the strike ends at
    # the start of next month" against "at the end of next month" is one event's date
    story = ["The strike will end at the start of next month, the union said.",
             "Managers said the strike would run on to the end of next month.",
             "Talks resume on Friday."]
    assert unlikely_pairs(story, [(0, 1)]) == set()


def test_two_things_measured_in_one_mould_are_two_figures() -> None:
    from checker.nli.restate import unlikely_pairs

    results = ["Operating profit in the half rose to EUR8.1 million from EUR7.6 million, with "
               "adjusted operating profit - which excludes one-off items - rising to EUR9 "
               "million.",
               "Pretax profit for the half increased to EUR8.1 million from EUR7.8 million, with "
               "adjusted pretax profit rising to EUR9 million.",
               "For a teacher with a diploma, the starting salary is 1,171 birr a month.",
               "For a teacher with a degree the starting salary is 1,571 birr a month.",
               "Operating profit in the half fell to EUR7.1 million from EUR7.6 million, with "
               "adjusted operating profit rising to EUR9 million.",
               "For a teacher with a diploma, the starting salary is 1,271 birr a month."]
    assert unlikely_pairs(results, [(0, 1), (2, 3)]) == {(0, 1), (2, 3)}
    # one figure changed, or a flip beside it, is still compared
    assert unlikely_pairs(results, [(0, 4), (2, 5)]) == set()


def test_a_headline_with_a_label_glued_to_it_restates_the_headline() -> None:
    from checker.nli.restate import restatement

    assert restatement("FTSE 100 starts higher", "BreakingFTSE 100 starts higher")
    assert not restatement("FTSE 100 starts higher", "BreakingFTSE 100 starts lower")


def test_two_items_of_an_enumerated_list_are_each_about_their_own_subject() -> None:
    from checker.nli.restate import unlikely_pairs

    sentences = [
        "The following schemes were launched for minority communities:",
        "i) The Harbour Skills scheme started in 2015 for young people without a certificate.",
        "Since inception, 98,712 beneficiaries have been trained under the scheme.",
        "ii) The Crafts scheme started in 2015 and built up the skills of master artisans.",
        "Since inception, about 21,611 beneficiaries have been trained under the scheme.",
        "Since inception, about 40,000 beneficiaries have been trained under the scheme.",
    ]
    blocks = [0, 1, 1, 2, 2, 3]
    # two items' counts are two schemes' counts; a count given after the list is still
    # compared with each, and so are two counts of one item
    assert unlikely_pairs(sentences, [(2, 4), (2, 5), (4, 5)], blocks) == {(2, 4)}
    assert unlikely_pairs(sentences, [(2, 4)], [0, 0, 0, 0, 0, 0]) == {(2, 4)}
    one_item = [sentences[0], sentences[1], sentences[2], sentences[4]]
    assert unlikely_pairs(one_item, [(2, 3)], [0, 1, 1, 1]) == set()
    # an item opened after a line break inside a sentence (a heading without a full stop)
    merged = ["Schemes\ni) The Harbour Skills scheme started in 2015.", sentences[2],
              sentences[3], sentences[4]]
    assert unlikely_pairs(merged, [(1, 3)], [0, 0, 0, 0]) == {(1, 3)}


def test_one_field_of_two_entries_of_a_list_is_two_entries_statements() -> None:
    from checker.nli.restate import unlikely_pairs

    # a sale's results: each lot a line, its hammer price a field inside it
    lots = [("Lot 18: A carved oak blanket chest.", "Estimate £600-£900.",
             "Hammer: £540, below low estimate."),
            ("Lot 22: A seascape in oils.", "Estimate £6,000-£9,000.",
             "Hammer: £14,500, well above top estimate."),
            ("Lot 25: A Japanese Satsuma vase.", "Estimate £400-£600.",
             "Hammer: £380, below low estimate.")]
    sentences = [s for lot in lots for s in lot]
    paragraphs = [k for k, lot in enumerate(lots) for _ in lot]
    assert unlikely_pairs(sentences, [(2, 8), (5, 8)], paragraphs) == {(2, 8), (5, 8)}
    # a speaker who talks again after the same other speaker, in lines of one paragraph, is
    # one voice in two turns, which may contradict itself
    turns = ["Q: Where were you on Friday?", "Tilsley: I was at home all evening.",
             "Q: And on Saturday?", "Tilsley: I was at home then too.",
             "Q: Did you go out at all?", "Tilsley: I was never at home that weekend."]
    assert unlikely_pairs(turns, [(1, 5)], [0] * len(turns)) == set()


def test_lines_under_two_days_headings_are_two_days_statements() -> None:
    from checker.nli.restate import unlikely_pairs

    sentences = ["Rail strike: your day-by-day guide",
                 "Tuesday 4 March (strike day)",
                 "Cathedral line: one train an hour between 8am and 6pm.",
                 "Northern Loop: no service.",
                 "Saturday 8 March (strike day)",
                 "Cathedral line: one train an hour between 9am and 5pm.",
                 "At a glance",
                 "Cathedral line: trains run between 9am and 5pm on strike days."]
    assert unlikely_pairs(sentences, [(2, 5), (2, 7)]) == {(2, 5)}
    # one day's heading dates nothing by itself (a page's dateline)
    one_day = [s for k, s in enumerate(sentences) if k not in (4, 6, 7)]
    assert unlikely_pairs(one_day, [(2, 4)]) == set()


def test_lines_under_two_parts_headings_of_a_series_are_two_parts_statements() -> None:
    from checker.nli.restate import unlikely_pairs

    sentences = ["Dufresne beats Kessler in three sets", "First set",
                 "Dufresne 1-1 Kessler: Kessler holds to love.",
                 "Dufresne 2-1 Kessler: Dufresne breaks.", "Second set",
                 "Dufresne 1-1 Kessler: Kessler holds to fifteen."]
    assert unlikely_pairs(sentences, [(2, 5)]) == {(2, 5)}
    # without the sets' headings the two lines are compared
    assert unlikely_pairs([s for s in sentences if not s.endswith(" set")], [(1, 3)]) == set()


def test_two_people_s_quoted_words_are_two_people_s_statements() -> None:
    from checker.nli.restate import quoted_speakers, unlikely_pairs

    sentences = ['"You talk about the trees as if they were children," Duncan tells her.',
                 '"They are trees, Mum.', "They don't know whose they are.\"",
                 '"They know," Edith replies.', '"They know exactly whose they are."',
                 "Edith's orchard is sold in the second act."]
    paragraphs = [0, 0, 0, 1, 1, 2]
    assert quoted_speakers(sentences, paragraphs) == [
        "Duncan", "Duncan", "Duncan", "Edith", "Edith", None]
    assert unlikely_pairs(sentences, [(2, 4)], paragraphs) == {(2, 4)}
    # one speaker's two quotations, or a quotation against the narration, are still compared
    same = [s.replace("Edith replies", "Duncan adds") for s in sentences]
    assert unlikely_pairs(same, [(2, 4)], paragraphs) == set()
    assert unlikely_pairs(sentences, [(2, 5)], paragraphs) == set()


def test_lines_under_two_headings_of_one_mould_with_other_figures_are_two_parts() -> None:
    from checker.nli.restate import unlikely_pairs

    sentences = ["Worked examples",
                 "A home costing £400,000",
                 "Old system: 3% on £150,000 (£4,500) plus 6% on £100,000 (£6,000).",
                 "Total: £10,500.",
                 "A home costing £650,000",
                 "Old system: £4,500 plus 6% on £200,000 (£12,000) plus 9% on £150,000.",
                 "Total: £30,000."]
    assert unlikely_pairs(sentences, [(2, 5)]) == {(2, 5)}
    # a table's rows look like headings too, but head no section
    rows = ["Rates", "Up to £150,000: 0%", "£150,001 to £300,000: 3%", "Above £500,000: 9%",
            "The old rates applied until March.", "Above £500,000: 10%",
            "The new top rate applies to every home above that price."]
    assert unlikely_pairs(rows, [(4, 6)]) == set()


def test_two_sentences_at_two_clock_times_are_two_moments() -> None:
    from checker.nli.restate import clock_times, unlikely_pairs

    assert clock_times("He left at 7.52pm, and came back by 8 a.m. or 19:05.") == {
        1192, 480, 1145}
    assert clock_times("It rose 2.5pm and fell 3:1, costing £5.30pm.") == frozenset()
    minutes = ["Councillor Kilby left the chamber at 7.52pm.",
               "The application was approved, eight votes to none.",
               "Councillor Kilby returned to the chamber at 8.09pm."]
    assert unlikely_pairs(minutes, [(0, 2)]) == {(0, 2)}
    # one event told at another time is a flip, and is still compared
    flip = ["The last ferry will now leave Gullhaven at 7.15pm.", "It will be full.",
            "Tonight's last ferry will leave Gullhaven at 9.40pm, the operator said."]
    assert unlikely_pairs(flip, [(0, 2)]) == set()


def test_sentences_after_two_labels_opening_their_blocks_are_about_two_events() -> None:
    from checker.nli.restate import block_labels, unlikely_pairs

    sentences = ["Men's 100m, heat 1 (wind +1.2).",
                 "First three in each heat (Q) and the next two fastest (q) qualify.",
                 "1 Marcus Adeyemi (Westfield Harriers) 10.48 Q",
                 "Women's 200m, heat 1 (wind +0.6).",
                 "First two in each heat (Q) and the next two fastest (q) qualify.",
                 "1 Grace Ellingham (Calloway City AC) 24.62 Q"]
    paragraphs = [0, 0, 0, 1, 1, 1]
    assert block_labels(sentences, paragraphs)[4] == "women's 200m, heat 1 (wind +0.6)."
    assert unlikely_pairs(sentences, [(1, 4)], paragraphs) == {(1, 4)}
    # a short sentence with a verb labels nothing ("Adeyemi won in 10.48."), and two blocks
    # that open on no label are compared
    told = [s.replace("Men's 100m, heat 1 (wind +1.2).", "Adeyemi won in 10.48.")
            .replace("Women's 200m, heat 1 (wind +0.6).", "Ellingham won in 24.62.")
            for s in sentences]
    assert block_labels(told, paragraphs) == [None] * 6
    assert unlikely_pairs(told, [(1, 4)], paragraphs) == set()


def test_an_event_and_the_one_after_it_are_a_sequence_not_a_conflict() -> None:
    from checker.nli.restate import motion_vote, unlikely_pairs

    minutes = ["Cllr Hale declared an interest.", "Cllr Hale left the room.",
               "The grant was approved.", "Cllr Hale returned to the meeting."]
    assert unlikely_pairs(minutes, [(1, 3)]) == {(1, 3)}
    # opening and closing make a sequence only at two times of their own
    assert unlikely_pairs(["The library opened at 9am.", "It was busy.",
                           "The library closed at 5pm."], [(0, 2)]) == {(0, 2)}
    assert unlikely_pairs(["The border crossing was opened on Monday.", "Lorries queued.",
                           "The border crossing was closed on Monday."], [(0, 2)]) == set()
    # a meeting adjourned, then reconvened, at two times of its own
    assert unlikely_pairs(["The meeting was adjourned for public questions at 7.04pm.",
                           "A resident asked about the bus shelter.",
                           "The meeting was reconvened at 7.21pm."], [(0, 2)]) == {(0, 2)}
    # minutes' votes that open on their outcome are votes on two motions
    assert motion_vote("Carried by 8 votes to 0, with 1 abstention.")
    assert motion_vote("On being put to the vote, the motion was CARRIED by 6 votes to 2.")
    assert not motion_vote("Carried away by the crowd, he ran on to the pitch.")


def test_a_section_s_kicker_over_the_headline_leaves_the_headline_uncompared() -> None:
    from checker.nli.restate import unlikely_pairs

    sentences = ["Obituaries",
                 "Professor Margaret Ellerby, glaciologist who charted the retreat of northern "
                 "ice, dies aged 84",
                 "Her fieldwork on the Skarvik ice cap gave scientists one of the longest "
                 "records of glacier change",
                 "By Daniel Orrin",
                 "Professor Margaret Ellerby, the glaciologist whose measurements formed one of "
                 "the longest records of glacier change, has died at her home, aged 84."]
    assert unlikely_pairs(sentences, [(1, 4)], [0, 1, 2, 3, 4]) == {(1, 4)}


def test_two_rows_of_a_table_and_one_field_of_two_listings_are_two_things() -> None:
    from checker.nli.restate import PairFilter

    rows = ["Item | Details | Price",
            "Blazer | Black, sizes 28 to 36 chest | £32.50",
            "Blazer | Black, sizes 38 to 44 chest | £36.50",
            "Blazer | Black, sizes 28 to 36 chest | £34.50"]  # one cell changed: compared
    f = PairFilter(rows)
    assert f.parallel(1, 2)
    assert not f.parallel(1, 3)
    listing = ["2 bedroom flat to rent", "Added today by Harbour Lettings",
               "1 bedroom flat to rent", "Added yesterday by Harbour Lettings",
               "3 bedroom house to rent", "Added 3 days ago by Coast Homes"]
    assert PairFilter(listing).parallel(1, 3)
    # twice is no listing's field
    assert not PairFilter(listing[:4]).parallel(1, 3)


def test_a_page_s_title_over_the_headline_leaves_both_uncompared() -> None:
    from checker.nli.restate import PairFilter

    sentences = ["Kelton Half Marathon 2025: live",
                 "Osei breaks course record as Brand wins women's race",
                 "Live coverage by Tess Ahern | Sunday 6 April 2025",
                 "Key moments",
                 "- Kofi Osei (Ghana) wins the men's race in 1:01:12",
                 "- Nia Brand (Wales) wins the women's race in 1:09:40",
                 "- 6,210 runners start in the town centre",
                 "That's all from us on a memorable morning.",
                 "Kofi Osei took 41 seconds off the course record, and Nia Brand won the "
                 "women's race by a minute."]
    f = PairFilter(sentences, list(range(9)))
    assert f.skip(1, 8) == "headline"
    # a story's own first line under its headline is not a title
    story = ["Osei breaks course record", "Kofi Osei broke the course record on Sunday.",
             "Osei said later he had never run the course before."]
    assert PairFilter(story, [0, 1, 2]).skip(1, 2) != "headline"


def test_a_title_s_capitalised_the_is_no_name_against_another() -> None:
    from checker.nli.restate import PairFilter

    prose = ("The screenplay prize went to Tom Ashgrove and Lena Bright for The Long Quiet, "
             "which finished the night with two awards.")
    listed = "Best screenplay: Tom Ashgrove and Lena Bright, The Long Quiet"
    assert PairFilter([prose, listed]).skip(0, 1) == "restatement"
    # another winner's name on the list is still compared
    other = "Best screenplay: Tom Ashgrove and Lena Bright, Northern Lights Motel"
    assert PairFilter([prose, other]).skip(0, 1) is None


def test_will_and_is_expected_to_tell_one_forecast() -> None:
    from checker.nli.restate import PairFilter

    warning = ("Storm Brenna will bring very strong winds and heavy rain to western and northern "
               "regions on Tuesday, followed by snow over high ground on Tuesday night.")
    region = "Storm Brenna is expected to bring very strong south-westerly winds on Tuesday."
    assert PairFilter([warning, region]).skip(0, 1) == "restatement"
    # a forecast denied is still compared
    denied = "Storm Brenna is not expected to bring strong winds on Tuesday."
    assert PairFilter([warning, denied]).skip(0, 1) is None


def test_a_polite_please_opens_an_instruction_too() -> None:
    from checker.nli.restate import instruction

    assert instruction("Please speak to the nurse in charge before visiting.")
    assert not instruction("Please note the ward is closed on Sundays.")


def test_a_figure_that_numbers_a_category_makes_two_measures() -> None:
    from checker.nli.restate import two_measures

    lex, stop = load_lexicon(), stopwords()
    grade4 = "71% of students achieved grade 4 or above in both English and mathematics."
    grade5 = "49% of students achieved grade 5 or above in both English and mathematics."
    assert two_measures(grade4, grade5, lex, stop)
    # the same grade with two shares is one figure told two ways: still compared
    assert not two_measures(grade4, grade4.replace("71%", "49%"), lex, stop)
    assert not two_measures("Unemployment fell to 4.1% in June.",
                            "Unemployment fell to 4.5% in June.", lex, stop)


def test_two_series_of_a_worked_example_are_two_voices() -> None:
    sentences = ["Old system: nothing on the first £150,000, then 3% on the rest.",
                 "New system: nothing on the first £180,000, then 3.5% on the rest.",
                 "Old system: 3% on £150,000 plus 6% on £100,000.",
                 "New system: 3.5% on £140,000 plus 6% on £80,000.",
                 "Our view: the new system is fairer.", "Their view: the new system is not fairer."]
    f = PairFilter(sentences)
    assert f.speakers(0, 1) and f.speakers(2, 3)
    assert not f.speakers(0, 2)  # one series' two lines
    assert not f.speakers(4, 5)  # one-off labels make no series: still compared


def test_a_forecast_s_headline_in_the_present_restates_its_will() -> None:
    lex, stop = load_lexicon(), stopwords()
    headline = "Tonight: Clouds increase. 30% chance of showers toward morning."
    told = "Clouds will increase tonight with a chance of showers toward morning."
    assert reworded_restatement(headline, told, lex, stop)
    # a past act against a future one is still two tenses
    assert not reworded_restatement("The council approved the plan on Monday.",
                                    "The council will approve the plan on Monday.", lex, stop)


def test_a_qualifier_that_makes_another_measure_makes_two_measures() -> None:
    from checker.nli.restate import two_measures

    lex, stop = load_lexicon(), stopwords()
    assert two_measures("Fully diluted GAAP EPS of $0.48", "Fully diluted non-GAAP EPS of $0.53",
                        lex, stop)
    assert two_measures("Operating profit rose to £5.1m in the year.",
                        "Adjusted operating profit rose to £6.2m in the year.", lex, stop)
    # a detail of another kind added is no other measure
    assert not two_measures("Operating profit rose to £5.1m in the year.",
                            "Operating profit rose sharply to £6.2m in the year.", lex, stop)


def test_one_act_told_in_the_passive_and_the_active_is_a_restatement() -> None:
    lex, stop = load_lexicon(), stopwords()
    passive = "Evening journeys are also being added on Mondays to Saturdays."
    active = "On Mondays to Saturdays, we are adding hourly evening journeys."
    assert reworded_restatement(passive, active, lex, stop)
    # a tense changed beside the passive is still a sign of conflict
    assert not reworded_restatement("Evening journeys are being added on Mondays.",
                                    "Evening journeys have been added on Mondays.", lex, stop)
    assert not reworded_restatement("Evening journeys are being added on Mondays.",
                                    "Evening journeys will not be added on Mondays.", lex, stop)


def test_lines_under_two_headed_lists_are_two_events() -> None:
    from checker.nli.restate import block_labels

    blocks = [["Open Coxed Fours", "Final: Wessmoor beat Amberley, 3 L",
               "Semi-final: Gullhaven RC beat Kelton ARC, 2 L"],
              ["Women's Coxed Fours", "Final: Gullhaven RC beat Kelton ARC, 1/2 L",
               "Semi-final: Kelton ARC beat Saltmarsh, 1 L"],
              ["Masters Mixed Coxed Fours (age-adjusted, handicap start)",
               "Final: Amberley beat Kelton ARC, 1/2 L",
               "Semi-final: Kelton ARC beat Gullhaven RC, 1/2 L"]]
    sentences = [s for block in blocks for s in block]
    paragraphs = [k for k, block in enumerate(blocks) for _ in block]
    labels = block_labels(sentences, paragraphs)
    assert labels[2] == "open coxed fours" and labels[8].startswith("masters mixed")
    # two such blocks make no page of lists: a heading over two lines may be prose's
    assert block_labels(sentences[:6], paragraphs[:6]) == [None] * 6
    # a page of unwrapped lines splits its paragraphs at every line: the blank-line sections
    # still tell the lists apart
    lines = list(range(len(sentences)))
    assert block_labels(sentences, lines) == [None] * len(sentences)
    assert block_labels(sentences, lines, paragraphs) == labels


def test_sentence_case_fields_of_a_list_of_records_are_in_different_records() -> None:
    from checker.entries import record_fields
    from checker.nli.contradict import flip_conflicts

    applications = []
    for ref, place, response, decision in (
            ("25/01148/FUL", "The Old Forge, Church Lane", "Objection.",
             "Granted with conditions, 24 October 2025."),
            ("25/01152/HOU", "14 Mill Rise", "No objection.", "Refused, 29 October 2025."),
            ("25/01160/TCA", "Rose Cottage, The Green", "No objection.",
             "Granted, 20 October 2025.")):
        applications += [ref, place, "Proposal: Two-storey side extension and new porch.",
                         f"Parish council response: {response}",
                         f"District council decision: {decision}"]
    assert {"parish council response", "district council decision"} <= record_fields(
        applications)
    assert PairFilter(applications).skip(3, 8) == "speakers"
    # a record's date under another record is no number flipped
    assert flip_conflicts(applications) == []
    # a label of up to five words ("What it means for you:") is a field too
    from checker.entries import case_label
    assert case_label("What it means for you: No trains on Sunday.") == "what it means for you"
    assert case_label("The plan was simple, and it worked.") is None
    # one such line alone is no list of records: it is compared
    alone = ["Parish council response: Objection.", "The parish council raised no objection.",
             "District council decision: Refused, 29 October 2025."]
    assert PairFilter(alone).skip(0, 1) is None


def test_a_charge_and_its_denial_are_not_compared() -> None:
    from checker.nli.restate import charge_and_denial

    charge = "Mr Farrow, 47, is accused of murdering Simon Achterberg at the boatyard."
    for denial in ("Declan Farrow denies murdering his business partner Simon Achterberg.",
                   "He pleaded not guilty to murder at an earlier hearing.",
                   "Mr Farrow denies the charge."):
        assert charge_and_denial(charge, denial) and charge_and_denial(denial, charge)
    assert charge_and_denial("Mr Farrow denies murder.", "Mr Farrow denies the charge.")
    # an admission, a plea of guilty, a verdict or a denial denied is left to the model
    for settled in ("Mr Farrow admitted murdering Simon Achterberg.",
                    "Mr Farrow pleaded guilty to murder.",
                    "Mr Farrow was convicted of murder on Friday.",
                    "Mr Farrow did not deny the charge."):
        assert not charge_and_denial(charge, settled), settled
        assert not charge_and_denial("Mr Farrow denies murder.", settled), settled
    assert not charge_and_denial(charge, "Mr Farrow was at the boatyard that night.")
    page = [charge, "The trial continues.", "Mr Farrow denies murder."]
    assert PairFilter(page).skip(0, 2) == "charge and denial"


def test_one_pronoun_put_for_another_is_another_subject() -> None:
    from checker.nli.restate import other_pronoun

    assert other_pronoun("Like it didn't count.", "Like he didn't count.")
    assert PairFilter(["Like it didn't count.", "Like he didn't count."]).skip(0, 1) == (
        "parallel")
    assert not other_pronoun("He didn't count.", "He did count.")
    assert not other_pronoun("He won the vote.", "Harris won the vote.")


def test_entries_under_labels_that_count_them_are_two_moments() -> None:
    from checker.nli.restate import numbered_labels

    overs = ["End of over 17: Falcons 121-4.", "The Falcons need 28 from the last 18 balls.",
             "End of over 19: Falcons 140-6.", "The Falcons need 9 from the final six balls."]
    paragraphs = [0, 0, 1, 1]
    assert numbered_labels(overs, paragraphs) == [("end of over", 17)] * 2 + [
        ("end of over", 19)] * 2
    assert PairFilter(overs, paragraphs).skip(1, 3) == "moments"
    # a sentence under no label is still compared
    assert PairFilter(overs, [0, 0, 1, 2]).skip(1, 3) is None
    assert numbered_labels(["Round 3: Haldane won.", "Board 2: Lis drew."]) == [
        ("round", 3), ("board", 2)]
