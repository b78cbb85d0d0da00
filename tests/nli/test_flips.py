"""The word-for-word flip detector: finds single flips, ignores everything else."""

from __future__ import annotations

import pytest

from checker.nli.flips import word_flip


@pytest.mark.parametrize(
    ("earlier", "later", "kind"),
    [
        (
            "More than 1,000 U.S. troops will leave Niger in the coming months.",
            "More than 1,000 U.S. troops will stay in Niger in the coming months.",
            "antonym",
        ),
        (
            "The central bank raised interest rates on Wednesday.",
            "The central bank cut interest rates on Wednesday.",
            "antonym",
        ),
        (
            "The talks with the junta will resume next week.",
            "The talks with the junta will not resume next week.",
            "negation",
        ),
        (
            "The senator did not leave the party last year.",
            "The senator left the party last year.",
            "negation",
        ),
        (
            "The company isn't planning any layoffs this year.",
            "The company is planning any layoffs this year.",
            "negation",
        ),
        (
            # a curly apostrophe, as web copy writes it
            "The mayor approved the harbour plan on Monday.",
            "The mayor didn’t approve the harbour plan on Monday.",
            "negation",
        ),
        (
            "The appeal judges quashed the fraud conviction of the former mayor.",
            "The appeal judges upheld the fraud conviction of the former mayor.",
            "antonym",
        ),
        (
            "The fire killed 12 people in the town on Monday.",
            "The fire killed 15 people in the town on Monday.",
            "number",
        ),
    ],
)
def test_flip_found(earlier: str, later: str, kind: str) -> None:
    flip = word_flip(earlier, later)
    assert flip is not None and flip.kind == kind


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        (
            "The fire killed 12 people in the town on Monday.",
            "The fire killed 12 people in the city on Monday.",
        ),  # not an opposite
        (
            "The central bank raised interest rates on Wednesday.",
            "The central bank raised interest rates again on Wednesday, its third rise this year.",
        ),
        ("Rates rose.", "Rates fell."),  # too short to align with confidence
        (
            "The troops will leave Niger and the base will close in May.",
            "The troops will stay in Niger and the base will open in May.",
        ),  # two flips: not a restatement
    ],
)
def test_no_flip(earlier: str, later: str) -> None:
    assert word_flip(earlier, later) is None


def test_time_stamped_entries_of_a_live_page_are_not_number_flips() -> None:
    from checker.nli.contradict import flip_conflicts

    live = [
        "Posted at 07:32 Greenwich Mean Time 23 March",
        "Posted at 07:30 Greenwich Mean Time 23 March",
    ]
    assert flip_conflicts(live) == []
    changed = [
        "The council meeting on the harbour plan starts at 10:30 on Monday.",
        "The council meeting on the harbour plan starts at 11:30 on Monday.",
    ]
    assert [c.kind for c in flip_conflicts(changed)] == ["number"]


def test_dated_entries_of_a_listing_are_not_number_flips() -> None:
    from checker.nli.contradict import flip_conflicts

    # two nights at one venue on a tour's list of dates
    tour = ["May 26 – City Stadium, Dunmore, with two support acts",
            "May 27 – City Stadium, Dunmore, with two support acts"]
    assert flip_conflicts(tour) == []
    # the same date inside a sentence is no entry's heading: still a flip
    said = ["The band plays the City Stadium in Dunmore on May 26 with two support acts.",
            "The band plays the City Stadium in Dunmore on May 27 with two support acts."]
    assert [c.kind for c in flip_conflicts(said)] == ["number"]


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        # a number that labels one of a series
        ("How to grow a fig tree from a cutting: Method 1", "How to grow a fig tree from a "
         "cutting: Method 2"),
        ('File "report.py", line 14, in <module>', 'File "report.py", line 9, in <module>'),
        ("The heats resume at the harbour pool in Round 2 on Sunday.",
         "The heats resume at the harbour pool in Round 3 on Sunday."),
        # a knitting pattern's rows
        ("Row 5 K to end, dropping extra loops.", "Row 10 K to end, dropping extra loops."),
        # "No." answering the question before it, not negating its own sentence
        ("No. Guide dogs are always allowed on board the ferry.",
         "Guide dogs are always allowed on board the ferry."),
    ],
)
def test_labels_and_answers_are_not_flips(earlier: str, later: str) -> None:
    from checker.nli.contradict import flip_conflicts

    assert word_flip(earlier, later) is not None  # the words alone would be a flip
    assert flip_conflicts([earlier, later]) == []


@pytest.mark.parametrize(
    ("earlier", "later", "kind"),
    [
        # a count after an enumerator-like word that is not one
        ("The council approved 40 new homes on the harbour site.",
         "The council approved 60 new homes on the harbour site.", "number"),
        # "no" inside the sentence still negates it
        ("There were delays on the harbour line on Monday morning.",
         "There were no delays on the harbour line on Monday morning.", "negation"),
        # an opposite in an opening condition is still a flip (a garbled copy does exactly this)
        ("If we keep our silence, more families will lose their homes this winter.",
         "If we abandon our silence, more families will lose their homes this winter.", "antonym"),
    ],
)
def test_real_flips_next_to_those_shapes_are_kept(earlier: str, later: str, kind: str) -> None:
    from checker.nli.contradict import flip_conflicts

    assert [c.kind for c in flip_conflicts([earlier, later])] == [kind]


def test_a_contraction_split_by_a_tokeniser_is_one_negation() -> None:
    from checker.nli.flips import tokens

    assert tokens("We ca n't go .") == ["we", "ca", "not", "go"]
    assert tokens("They did n't", keep_case=True) == ["They", "did", "not"]


def test_text_with_split_contractions_is_checked_with_the_model_filter() -> None:
    from checker.nli.restate import PairFilter

    sentences = ["The council ca n't open the bridge in May , officials said on Monday .",
                 "The council can open the bridge in May , officials said on Monday ."]
    assert PairFilter(sentences).skip(0, 1) is None  # once an IndexError on the empty token


def test_a_list_s_template_lines_are_not_number_flips_and_a_pair_is_said_once() -> None:
    from checker.nli.contradict import flip_conflicts

    wards = ["Harbour ward", "Con hold.", "Percentage change is since May 2011.",
             "Mill ward", "Lab hold.", "Percentage change is since May 2012.",
             "Quay ward", "Con hold.", "Percentage change is since May 2011.",
             "Dock ward", "Lab hold.", "Percentage change is since May 2012."]
    assert flip_conflicts(wards) == []
    # written once each, the two figures are still a flip, and a repeat adds no finding
    story = ["The harbour ward was last contested in May 2011, the council said.",
             "The harbour ward was last contested in May 2012, the council said.",
             "The harbour ward was last contested in May 2012, the council said."]
    assert [(c.earlier, c.later, c.kind) for c in flip_conflicts(story)] == [(0, 1, "number")]


def test_a_last_sentence_cut_short_is_not_compared() -> None:
    from checker.nli.contradict import flip_conflicts, unfinished

    results = ["The Congress won 99 seats in the state assembly election this year.",
               "The BJP won 74 seats, official results showed on Sunday.",
               "The Congress won 9"]
    # a copy cut after so many characters: the missing digit is no number flip
    assert unfinished(results) is None  # four words: too short to tell from a label
    cut = [*results[:2], "Officials said the Congress won 9"]
    assert unfinished(cut) == 2
    cut = [*results[:2], "In the final count the Congress won 99 seats in the state assembly e"]
    assert unfinished(cut) == 2
    longer = [*results[:2], "The Congress won 9 seats in the state assembly election this year,"]
    assert unfinished(longer) == 2 and flip_conflicts(longer) == []
    # the same sentence finished is a flip, and a finished last sentence is compared
    done = [*results[:2], "The Congress won 9 seats in the state assembly election this year."]
    assert unfinished(done) is None
    assert [c.kind for c in flip_conflicts(done)] == ["number"]
    # a heading or a list item without a full stop is not a sentence cut short
    assert unfinished([*results[:2], "Results of the State Assembly Election in Full Here"]) is None
    assert unfinished([*results[:2], "- the Congress won 99 seats in the state assembly"]) is None


# Headings that open a live entry, each a shape read on a real page: a race's distance to go, a
# match's set, leg or frame, a live entry's date and time (with what the page runs into them). The
# last line of each is prose that names a distance, a round or a date and time: it opens nothing.
ENTRY_HEADINGS = [
    (["The stage starts in Saint-Leonard-de-Noblat.",
      "166km to go: The peloton is back together again.",
      "155km to go: The situation seems to have settled down. The break's gap is 2-46.",
      "40km to go - The break has 43 seconds.",
      "Riders with 12 km to go were still together."], [None, 0, 1, 2, 2]),
    (["The final is under way at the Palace.",
      "SET NINE - LEG TWO: Cross opens up with 140. He is now one leg away.",
      "SET NINE - LEG ONE: Cross converts 40. He is now two legs away.",
      "Round two begins at noon, the organisers said.",
      "Frame 12: Wilson pots the black."], [None, 0, 1, 1, 2]),
    (["Stumps on day one.",
      "- June 16, 2023 22:54Aus 13/0 in 3 overs",
      "Four!! Another drive through the covers for Warner.",
      "- June 16, 2023 22:42Aus 5/0 in 1 over",
      "Four!! Warner drives the last ball of the over through the covers for four.",
      "On June 16, 2023 at 22:54 the rain came."], [None, 0, 0, 1, 1, 1]),
]


@pytest.mark.parametrize(("sentences", "entries"), ENTRY_HEADINGS)
def test_a_live_entry_s_heading_opens_it(sentences: list[str], entries: list[int | None]) -> None:
    from checker.entries import entry_numbers

    assert entry_numbers(sentences) == entries


def test_two_states_of_play_at_a_score_are_two_moments_not_a_flip() -> None:
    from checker.nli.contradict import flip_conflicts

    sentences = ["Lisowski leads Okafor 9-6 at the Crucible.",
                 "Lisowski leads Okafor 9-7 at the Crucible.",
                 "Lisowski beat Okafor 10-6 at the Crucible.",
                 "Lisowski beat Okafor 10-7 at the Crucible."]
    found = {(c.earlier, c.later) for c in flip_conflicts(sentences)}
    assert (0, 1) not in found
    assert (2, 3) in found  # two results of one match still conflict


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("The ferry does not run on Sundays between November and March.",
         "The ferry runs on Sundays between November and March."),
        ("The depot does not carry spare parts for the older trams.",
         "The depot carries spare parts for the older trams."),
        ("The committee did not open the inquiry into the harbour contract.",
         "The committee opened the inquiry into the harbour contract."),
        ("The club does not stop fans bringing flags into the ground.",
         "The club stops fans bringing flags into the ground."),
    ],
)
def test_a_negated_regular_verb_the_lexicon_does_not_list_is_a_flip(earlier: str,
                                                                    later: str) -> None:
    flip = word_flip(earlier, later)
    assert flip is not None and flip.kind == "negation"


def test_a_clause_of_a_longer_sentence_is_compared_on_its_own() -> None:
    from checker.nli.contradict import flip_conflicts

    sentences = [
        "A word of warning before you book.",
        "The ferry does not run on Sundays between November and March, so a winter weekend "
        "means arriving on Friday and leaving on Monday.",
        "Sailings are also cancelled in strong winds.",
        "The ferry runs on Sundays between November and March.",
        "The centre will stay open while the work is carried out, although some paths will "
        "be shut for six weeks.",
        "The centre will stay closed while the work is carried out.",
    ]
    found = sorted((c.earlier, c.later, c.kind) for c in flip_conflicts(sentences))
    assert found == [(1, 3, "negation"), (4, 5, "antonym")]


def test_two_clauses_of_one_sentence_are_not_a_flip() -> None:
    from checker.nli.contradict import flip_conflicts

    one = ["The east gate will stay open on match days this season, but the east gate will "
           "stay closed on match days next season."]
    assert flip_conflicts(one) == []
    # and a short clause ("the council said") is not compared on its own
    short = ["Rents rose, the council said.", "Rents fell, the council said."]
    assert flip_conflicts(short) == []


def test_a_live_page_s_running_counts_in_two_entries_are_not_a_flip() -> None:
    from checker.nli.contradict import flip_conflicts

    page = ["8:15 p.m. | First numbers",
            "County Executive (0 of 142 precincts; early and mail votes only)",
            "Lund leads by 2,425 votes, but the count has just begun.",
            "9:40 p.m. | The race tightens",
            "County Executive (61 of 142 precincts)",
            "Lund's lead is down to 1,248.",
            "11:05 p.m. | Still too close to call",
            "Proposition A (118 of 142 precincts)",
            "12:50 a.m. | Lund wins",
            "Proposition A (142 of 142 precincts)"]
    assert flip_conflicts(page) == []
    # the same two lines in one entry are one count said two ways
    one = [page[6], "Proposition A was ahead in 118 of 142 precincts at that point.",
           "Proposition A was ahead in 124 of 142 precincts at that point."]
    assert [c.kind for c in flip_conflicts(one)] == ["number"]


def test_a_break_inside_brackets_does_not_split_clauses() -> None:
    from checker.nli.contradict import _flip_units

    line = "County Executive results so far (0 of 142 precincts; early and mail votes only)"
    assert _flip_units([line], None)[2] == [line]
    joined = ("The ferry does not run on Sundays between November and March; "
              "winter visitors should plan their stay around it.")
    assert _flip_units([joined], None)[2][1] == (
        "The ferry does not run on Sundays between November and March")


def test_a_sentence_opening_on_however_is_the_same_statement() -> None:
    flip = word_flip("However, the northern crossing at Tavny is closed to foot passengers "
                     "after the floods.",
                     "- The northern crossing at Tavny is open to foot passengers after the "
                     "floods.")
    assert flip is not None and flip.kind == "antonym"


def test_two_rows_of_a_scoring_summary_are_not_a_number_flip() -> None:
    from checker.nli.contradict import flip_conflicts

    rows = ["Scoring summary", "BF: Voss 3 run (Mercer kick)",
            "DS: Kell 22 pass from Ames (Lutz kick)", "BF: Voss 45 run (Mercer kick)"]
    assert flip_conflicts(rows) == []
    # the same figures told in sentences are still a flip
    told = ["Voss scored on a 3-yard run in the second quarter, Mercer adding the kick.",
            "Voss scored on a 45-yard run in the second quarter, Mercer adding the kick."]
    assert [c.kind for c in flip_conflicts(told)] == ["number"]


def test_a_poll_s_options_are_lead_ins_not_flips() -> None:
    from checker.nli.contradict import flip_conflicts

    poll = ["The polls are right about both of them:", "37%",
            "The polls are wrong about both of them:", "24%"]
    assert flip_conflicts(poll) == []
    # the same two statements made, not introduced, are still a flip
    said = ["The polls are right about both of them.", "The polls are wrong about both of them."]
    assert [c.kind for c in flip_conflicts(said)] == ["antonym"]


def test_rows_keyed_by_their_places_are_two_rows() -> None:
    from checker.nli.contradict import flip_conflicts

    rows = ["17th prize: Box of chocolates.", "18th prize: Box of chocolates."]
    assert flip_conflicts(rows) == []
    # a place in prose is still a number that flips
    prose = ["The 17th century church was restored last year.",
             "The 18th century church was restored last year."]
    assert [c.kind for c in flip_conflicts(prose)] == ["number"]


def test_two_rows_set_with_separators_are_two_rows() -> None:
    from checker.nli.contradict import flip_conflicts

    rows = ["MOT until August 2026 | Road tax: £20 per year | One previous owner",
            "MOT until August 2026 | Road tax: £190 per year | One previous owner"]
    assert flip_conflicts(rows) == []
    # the same in prose is still a flip
    prose = ["The car has an MOT until August 2026 and road tax of £20 per year.",
             "The car has an MOT until August 2026 and road tax of £190 per year."]
    assert [c.kind for c in flip_conflicts(prose)] == ["number"]


def test_a_negation_glued_to_its_verb_is_read_before_a_stance_word() -> None:
    from checker.nli.patterns import _NEGATION

    for window in ("Washington doesn't ", "Washington won’t ", "it does not ", "never "):
        assert _NEGATION.search(window), window
    assert not _NEGATION.search("a note accepting ")
    assert not _NEGATION.search("the nation ")  # "n" then "t" is no "n't"


def test_one_field_under_two_summits_of_a_forecast_is_no_number_flip() -> None:
    from checker.nli.contradict import flip_conflicts

    summits = []
    for name, chance in (("Ben Dorran", 40), ("Scarth Pike", 50)):
        summits += [f"{name} (978 m)", f"Wind: westerly {chance - 10} mph, easing later.",
                    f"Cloud: summit in cloud through the morning, with a {chance}% chance of "
                    "the summit being cloud-free in the afternoon."]
    summits += ["Blea Crag (842 m)", "Wind: light and variable.",
                "Cloud: cloud base around 800 metres, lifting by noon."]
    assert flip_conflicts(summits) == []
    # the same two lines with no field of a listing still disagree
    told = [summits[2].removeprefix("Cloud: ").capitalize(), "Walkers should take care.",
            summits[5].removeprefix("Cloud: ").capitalize()]
    assert [c.kind for c in flip_conflicts(told)] == ["number"]
