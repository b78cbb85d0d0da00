"""Garbled claims on drafts the checker has never seen: one-off name misspellings (NM101),
swapped entities (GB101), miscased function words (GB102), repeated passages (GB103), leftover CMS
markup (SP105) and reaction widgets (SP102). The drafts are written for these tests."""

from __future__ import annotations

import pytest

from checker.config import Settings
from checker.engine import check_text
from checker.fixes import apply_edits


def _found(text: str, code: str) -> list[str]:
    result = check_text(text, "draft.txt", "text", Settings(use_model=False, select=(code,)))
    assert result.error is None and result.document is not None
    return [result.document.text[f.start : f.end] for f in result.findings if f.code == code]


MISSPELT = [
    ("Sgt Dawson said the patrol had left at dawn. The court heard that Sgt Dawsen told "
     "colleagues he was worried. Dawson denies the charge.", "Dawsen"),
    ("Southampton won 2-0 at home. The Southamtpon manager praised his defence after the game, "
     "and Southampton now sit tenth.", "Southamtpon"),
    ("A spokesman for the Ministry of Defence said troops would stay. The Ministry of Defnce "
     "later confirmed the date.", "Defnce"),
    ("Scotland's first minister spoke on Monday. Critics said Scotlnad's budget was too thin, "
     "and Scotland must now choose.", "Scotlnad"),
    ("The president of Thailand arrived on Friday. Speaking in Thaliand, the minister said the "
     "deal with Thailand was close.", "Thaliand"),
    # a slip beside a qualified place ("South Yorkshire") or in one list is still a slip
    ("The South Yorkshire firm runs mines across Derbyshire, Yorkhire and the West Midlands. "
     "Yorkshire miners met on Monday.", "Yorkhire"),
    # a letter dropped from the end is a slip, even when the longer form could be a demonym
    ("Jennifer Capriati won in three sets. Capriati served well, and Capriat said she was "
     "pleased. Capriati plays again on Friday.", "Capriat"),
    # a "y" put on after a vowel is no nickname shape
    ("Ms Ramos chaired the meeting. Ramosy said the plan was sound, and Ramos agreed to "
     "publish it. Ramos leaves on Friday.", "Ramosy"),
    # a slip in a surname keeps the surname's place, after the given name or a particle
    ("Michael van Gerwen won the final. Van Gerwen hit a nine-darter, and Michael van Gerwne "
     "lifted the trophy. Van Gerwen flies home today.", "Gerwne"),
]

NOT_MISSPELT = [
    # a place as an owner, and the word for its people as an adjective before a noun
    "Irena Kovac has won Orlavia's presidential election. The Orlavian crown rose, Orlavian "
    "bonds rallied and Orlavian voters celebrated.",
    # two fairly common words, each in a name of its own (a quiz's answers)
    "11. Who wrote the novel Pride and Prejudice? The winner gets a voucher for a café on "
    "Quay Parade.",
    "Troops were sent to Mali last year. The Daily Mail reported the decision on Monday.",
    "Aston Villa lost at home. Austin, a striker on loan, scored the only goal for Villa.",
    "Abdullah Abdullah, the former chief executive, met envoys. Abdullah later left Kabul.",
    "Al-Qaeda claimed the attack. Officials said al-Qaeda had planned it for months.",
    "The Ministry of Defence said so. A Ministry of Defense spokesman in Washington agreed.",
    "Scotland's minister spoke. Scotland will vote in May, and Scotland's parties are ready.",
    "J. Peter Baum wrote the report. Baum said the Sahel would suffer.",
    "General Motors builds Opels in Germany. Opel sales rose, and Opels sold well in Spain.",
    "President Muhammadu Buhari spoke in Abuja. Buhari promised reform. Stephanie Busari "
    "reported from Lagos.",
    "Ayatollah Ruhollah Khomenei led the revolution; Ayatollah Ali Khamenei leads today, and "
    "Khamenei has the final say.",
    # a place and the word for its people, a letter longer, even for a place no list knows
    "Vice Minister Pinto spoke for the Kalemnitkan government. Kalemnitka has withdrawn, he "
    "said, and Kalemnitka will help its neighbours.",
    "Dr Osei was born in Zembar. The Zembari clinic he runs employs 40 nurses from Zembar.",
    # a nickname: the surname with a "y" put on
    "Goalkeeper Tom Marsh made six saves. Marsh was booked late on, and the manager said "
    "Marshy had kept them in it. Marsh signed in May.",
    # two items of one list, and a place with a qualifier of its own: two places, not a slip
    # a text cut off in the middle of its last word ("Labou"): not a slip
    "Labour held the ward. The Liberal Democrats gained three seats from Labour, and Labou",
    # (both spellings are names the word list knows; a slip such as "Yorkhire" is not)
    "Residents of Marston, Beech Forest, Forrest and Hollins were told to leave on Sunday.",
    "Harwell 2nds lost by 40 runs at North Kilworth. The 3rds beat Kibworth by six wickets.",
    # a title-case heading's words are no given name and surname ("The Week In Politics")
    "The Nation's Cartoonists On The Week In Politics\n\nPolitico Staff, Edited by Matt Wuerker "
    "| The Week In Editorial Cartoons\n\nDavid S. Glosser, Politico | Immigration Hypocrite",
    # two transliterations of one name, both common: not a slip
    "A statue of Mary holding an infant Ganesh was altered; it now shows Lord Ganesha in her "
    "arms, and Ganesha devotees protested.",
    # one spelling only ever a given name, the other only ever a surname: two players
    "Former champions Gerwyn Price and Michael van Gerwen play tonight. Van Gerwen beat Smith "
    "last week, and Van Gerwen leads the table.",
]


@pytest.mark.parametrize(("text", "variant"), MISSPELT)
def test_a_one_off_misspelling_of_any_proper_noun_is_found(text: str, variant: str) -> None:
    assert _found(text, "NM101") == [variant]


@pytest.mark.parametrize("text", NOT_MISSPELT)
def test_real_names_and_legitimate_variants_stay_quiet(text: str) -> None:
    assert _found(text, "NM101") == []


def test_the_right_spelling_is_the_common_one_even_when_used_once() -> None:
    """"Heathroe" once and "Heathrow" once: the word list says which one is the slip."""
    text = ("Flights from Heathroe were delayed. Passengers at Heathrow waited for hours.")
    assert _found(text, "NM101") == ["Heathroe"]


SWAPPED = [
    ("The flight from Lagos to Lagos was cancelled on Tuesday.", "Lagos to Lagos"),
    ("Arsenal beat Arsenal 2-1 on Saturday to go top of the table.", "Arsenal beat Arsenal"),
    ("Talks between Fatah and Fatah resumed in Cairo on Monday.", "Fatah and Fatah"),
    ("Officials fear trade will suffer if France leaves France in the spring.",
     "France leaves France"),
    ("The rules were set by the Football Association (Association) in 2004.", "(Association)"),
    ("Jane Doe, from Jane Doe, Cornwall, was named the winner.", "Jane Doe, from Jane Doe"),
    ("He met the governor of the Bank of Bank on Friday.", "Bank of Bank"),
    ("Critics in London loved the zombie comedy Shaun of the Shaun.", "Shaun of the Shaun"),
    ("Campbell told the minister that the U.S. does not accept the U.S. turning to Russia.",
     "U.S. does not accept the U.S."),
    # at a sentence's start, its capitalised first word is no part of a longer name
    ("The U.S. does not accept the U.S. turning to Russia, the official said.",
     "U.S. does not accept the U.S."),
    ("The US will not allow the US to be drawn into the conflict, he said.",
     "US will not allow the US"),
    # a verb's past or participle after the name is no modifier ("Iraqi businesses")
    ("CCTV footage showed Rossiter following Rossiter across the car park.",
     "Rossiter following Rossiter"),
    # a transfer's giver and receiver, what is moved between them
    ("Under the deal, Orrin Homes will transfer the Quarry Lane field to Orrin Homes.",
     "Orrin Homes will transfer the Quarry Lane field to Orrin Homes"),
    ("In 2019 Dunmore Council handed the old depot to Dunmore Council for a pound.",
     "Dunmore Council handed the old depot to Dunmore Council"),
    # and the relative clause's subject is the name before it
    ("The site was developed by Wrenfield Homes, which had subcontracted the scaffolding work "
     "to Wrenfield Homes.",
     "Wrenfield Homes, which had subcontracted the scaffolding work to Wrenfield Homes"),
    # each with a role of its own, but no list: one person in two people's places
    ("Guests included former president Bill Hart and singer Bill Hart on Friday.",
     "Bill Hart and singer Bill Hart"),
    # a plural role noun opening the sentence is no part of the names after it
    ("Judges Ann Lee and Ann Lee gave the shield to the Harwick band.", "Ann Lee and Ann Lee"),
    # a side's result against itself
    ("The defender was hurt during Harlow Town's 2-1 win over Harlow Town on Sunday.",
     "Harlow Town's 2-1 win over Harlow Town"),
    ("Marsden Vale's 1-1 draw at home to Marsden Vale stretched the gap to six points.",
     "Marsden Vale's 1-1 draw at home to Marsden Vale"),
    # a place is no language: its name in two slots of a route is still two places
    ("The flight from Milan to Milan airport was cancelled.", "Milan to Milan"),
    # two peoples' adjectives joined, one put in the other's place
    ("The report discussed the Estonian and Estonian visa schemes.", "Estonian and Estonian"),
    # the verb's object after a clause about its subject
    ("Penhale, who joined the crew as a boy in 2004, succeeded Penhale as coxswain in 2021.",
     "Penhale, who joined the crew as a boy in 2004, succeeded Penhale"),
    ("Orlova, who retired in 2023, paid tribute to Orlova on social media.",
     "Orlova, who retired in 2023, paid tribute to Orlova"),
    # a route's two ends, the second described as a place of a kind
    ("Police closed the highway between Kelton and the coastal town of Kelton on Saturday.",
     "Kelton and the coastal town of Kelton"),
    ("Rail services between Dornitz and the Lusanian city of Dornitz were fully booked.",
     "Dornitz and the Lusanian city of Dornitz"),
    # a journey's start in apposition, its end a place in the same town
    ("Evacuees were taken from the worst-affected village, Kampung Batu, to shelters in "
     "Kampung Batu, 20 kilometres away.", "Kampung Batu, to shelters in Kampung Batu"),
    # a name twice in a row in a list
    ("The firm borrowed $640 million from First Meridian Bank, First Meridian Bank and two "
     "smaller lenders.", "First Meridian Bank, First Meridian Bank"),
    # the speaker named again in full, in apposition to another role
    ("Tom Arlow said the otter had been seen by the reserve's warden, Tom Arlow, on Monday.",
     "Tom Arlow said the otter had been seen by the reserve's warden, Tom Arlow"),
]

NOT_SWAPPED = [
    "A new agreement with neighbouring Vestmark allows Vestmark-registered boats to fish.",
    "The site was developed by Wrenfield Homes, which had subcontracted the scaffolding work "
    "to Castlegate Scaffolding.",
    "Harrowby North (Harrowby): Labour hold, majority 312 on a turnout of 24%.",
    "The festival opens with the period epic Man to Man on Thursday.",
    "Kelly has the new number one single with Over and Over this week.",
    "Investment has come at the expense of Iraqi businesses and Iraqi workers, she said.",
    "It is a fight that for Britain and the people of Britain we have to win.",
    "Analysts at the World Bank and Bank of England disagreed on the outlook.",
    "Judges Ann Lee and Tom Royle gave the shield to the Harwick band.",
    "Marsden Vale's 1-1 draw at home to Harlow Town stretched the gap to six points.",
    "Rovers' win over Ashby was their first since Rovers' promotion.",
    "Tom Arlow said the otter had been seen by the reserve's warden, Ann Pike, on Monday.",
    "Tom Arlow said his father, Tom Arlow Sr, had kept the reserve.",
    # a language, then a thing in it
    "All films in languages other than English are shown with English subtitles.",
    "Arlow said the otter had been seen by the warden, Arlow's daughter.",
    "The Independent and the Independent on Sunday are not for sale, the owner said.",
    "Sky first bought the rights from the BBC in 1999, but the BBC won them back.",
    "Russia warned Ukraine, and Russia then withdrew its envoy.",
    "Robocop and Robocop 2 were both filmed in Texas.",
    "Common mistake: failing to address differences between Python 2 and Python 3.",
    "The update runs on Ubuntu 19.04, 18.04 LTS and 16.04 LTS.",
    "The talks have moved from Hollis Building Lecture Theatre 2 to Hollis Building Lecture "
    "Theatre 4, which has more seats.",
    # an institution named for the place it is in; another of the kind, on purpose
    "Good evening from the arena at the University of Harbourton in Harbourton, Kent.",
    "The motion would pass the Bill and enable a further Bill to be brought in next year.",
    # the first names a group (the place's press corps), which the relation takes from the place
    "Is it your intent to remove the White House press corps from the White House?",
    # each mention with an epithet of its own: a list of descriptions, not two slots
    "He has been called a racist President, and incompetent President, and a reckless President.",
    # a copied page's controls
    "Browse latest Browse all 24 articles",
    # a transfer whose giver is someone else, and one that a clause breaks
    "The club sold its stake in Rovers to Rovers Trust members for a pound.",
    "Smith passed the ball to Jones, who passed to Smith.",
    "Leeds handed the title, which Leeds had won twice, to Leeds United.",
    # a clause of its own after "how"; a hashtag and a site's address; the ones there and the
    # ones hoping to be; a part in a title; a paper and its Sunday title (BBC, CNN/DM articles)
    "All the talk in Spain has been about how Spain will cope without him.",
    "Share your photos with #FindYourBeach and at FindYourBeach.com this summer.",
    "The charity will ask MPs and would be MPs to sign its pledge.",
    "The league wants players and would-be players to register by May.",
    "She is to play Alice in Alice and the Looking Glass at the Lyceum.",
    "He denied that the Mail and the Mail on Sunday are for sale.",
    "Penhale, who joined the crew as a boy in 2004, succeeded Tregear as coxswain in 2021.",
    "Penhale, who joined in 2004, said Penhale's lifeboat crew had never been busier.",
    "Orlova, who retired in 2023, paid tribute to Alvarenga on social media.",
    "Evacuees were taken from the worst-affected village, Kampung Batu, to shelters in "
    "Tanjung Mas, 20 kilometres away.",
    "Police closed the highway between Kelton and the coastal town of Brenford on Saturday.",
    "He sang New York, New York at the gala, and then Paris, Lyon and Nice in the encore.",
    'He fired after calling out, "Taser, Taser," as the man ran.',
    # the stop a route goes through, then what is done there (a rail operator's page)
    "Tickets are valid on services via Wendmouth, changing at Wendmouth for the bus.",
]


@pytest.mark.parametrize(("text", "flagged"), SWAPPED)
def test_one_entity_in_two_slots_of_a_relation_is_found(text: str, flagged: str) -> None:
    assert _found(text, "GB101") == [flagged]


@pytest.mark.parametrize("text", NOT_SWAPPED)
def test_titles_lists_modifiers_and_clauses_stay_quiet(text: str) -> None:
    assert _found(text, "GB101") == []


def test_miscased_function_words_are_found_and_titles_are_not() -> None:
    spun = ("A US delegation will present THE government of Niger this week with plans For "
            "shuttering two bases And withdraw all troops, civil servants said.")
    assert _found(spun, "GB102") == ["THE government of Niger this week with plans For "
                                     "shuttering two bases And"]
    for clean in ("The award was won by Marlon Brando for On the Waterfront in 1955.",
                  "Chris Weitz, director of About a Boy, said the changes were made.",
                  "Her latest release I Believe in You went in at number two.",
                  "He said: The plans will be ready by May, and the vote follows.",
                  "Ofcom said the WHO report and the IT review were both late.",
                  "Water it twice a week OR whenever the soil is dry to the touch.",
                  "I would be surprised, since he WAS very bitter when she left him.",
                  "Caroline Campbell won the Women 70 and Over category in a time of 2:09:57.",
                  # an acronym after an article; a title in sentence case after its noun
                  "She said the ITS project was approved despite 4,000 objections to it.",
                  "Last week's article The hook of memory was interesting to many readers.",
                  "Her first novel, a book titled The long way round, sold well in the town."):
        assert _found(clean, "GB102") == [], clean
    # after a word, not a number, "And Over" is still a capital out of place
    assert _found("The runners went around the lake and Over the bridge in the rain.",
                  "GB102") == ["Over"]
    # a verb in capitals is stress; "Was" in title case between lower-case words is not
    assert _found("I would be surprised, since he Was very bitter when she left him.",
                  "GB102") == ["Was"]


@pytest.mark.parametrize(("text", "flagged"), [
    # a run of capitalised function words before a lower-case word, or one in capitals
    ("Sales have slid 41% in a year, catalysed By The revelation that faults were hidden.",
     "By The"),
    ("Economists cautioned against reading too much into data FROM THE Federal Reserve on "
     "consumer debt.", "FROM THE"),
    # two capitals a title could each explain, together in one sentence
    ("German business confidence fell In February, knocking hopes of A speedy recovery in "
     "Europe's largest economy.", "In February, knocking hopes of A"),
    ("New loans In December rose To 83,000, slightly higher than in November.",
     "In December rose To"),
])
def test_capitals_a_title_cannot_explain_are_garble(text: str, flagged: str) -> None:
    assert _found(text, "GB102") == [flagged]


@pytest.mark.parametrize("clean", [
    "He has played in The Law with The Small Faces and The Who drummer Kenny Jones.",
    "Ice Cube's road-trip comedy Are We There Yet? slipped to second place.",
    "The story ran in The Times and The Guardian on Monday, the agency said.",
    "She got her A levels at the college in 2001 and then went to work.",
    "The film starred Henry Fonda in On Golden Pond, his last role, in 1981.",
    # one such capital alone is a title's or a name's
    "Prices fell In February, the office said, as the year began badly.",
    # a title that doubles a function word (BBC entertainment)
    "The singer has the new number one with Over and Over, which sees him team up with a band.",
])
def test_capitals_a_title_or_name_explains_are_not_garble(clean: str) -> None:
    assert _found(clean, "GB102") == []


@pytest.mark.parametrize(("marker", "body"), [
    ("87 min", "The hosts are happy to keep the ball and run the clock down."),
    ("90+3 min", "For the first time tonight the away end has gone quiet."),
    ("45'", "The referee blows for half-time with the sides level."),
    ("On 12th lap", "The two leaders were told to hold their positions for now."),
    ("Lap 30", "The safety car comes in and the field bunches up behind it."),
    ("14:05 GMT", "The minister is due to speak in the next few minutes."),
    ("9/28/2022 3:43 pm", "The eye of the storm made landfall a little after 3 pm."),
])
def test_a_live_entry_marker_before_a_capital_is_not_garble(marker: str, body: str) -> None:
    assert _found(f"{marker} {body}", "GB102") == []
    # the same capital after an ordinary lower-case word is still flagged
    assert _found(f"Officials said the plans arrived early and {body}", "GB102") != []


def test_a_transcript_s_speaker_headings_may_repeat() -> None:
    heading = "Tobias Crane - Executive Vice President and Chief Financial Officer\n"
    text = (heading + "Sales rose by 7% in the quarter, helped by our new ranges.\n\n"
            "Priya Venkataraman, Analyst, Halden Securities\n"
            "Can you say more about the margin in the frozen foods unit this year?\n\n"
            + heading + "Yes. The margin held at 12% and we expect it to stay there.\n")
    assert _found(text, "GB103") == []
    # a sentence of the answer pasted twice is still a repeat
    answer = "Sales rose by 7% in the quarter, helped by our new ranges.\n"
    assert _found(text + answer, "GB103") == [answer.strip()]


def test_a_table_s_own_header_or_title_is_no_breadcrumb_or_tab() -> None:
    ratings = ("Care home ratings\n\nHome | Location | Beds | Overall\n"
               "Harbour View | Gullhaven | 40 | Good\nMarsh House | Kelton | 28 | Requires "
               "improvement\n")
    assert _found(ratings, "SP102") == []
    card = "Freya Lindgard's round\n\nScorecard\nHole | Par | Yards | Score\n1 | 4 | 380 | 4\n"
    assert _found(card, "SP102") == []
    # a breadcrumb over the story, and a tab's label over prose, are still furniture
    assert _found("Home | News | Sport\n\nKelton beat Gullhaven 2-1 on Saturday.\n",
                  "SP102") == ["Home | News | Sport"]
    assert _found("Scorecard\n\nKelton beat Gullhaven by 40 runs on Saturday.\n",
                  "SP102") == ["Scorecard"]


def test_a_sentence_case_field_repeats_under_entries_set_line_by_line() -> None:
    """Fields of one entry on consecutive lines (no blank line between them): each line is read
    for its label, not only the text's first."""
    entry = ("Ref: 25/{n}/HOU\nAddress: {n} Mill Lane, Kelton\nProposal: Rear extension of "
             "one storey\nDecided by: Officer under delegated powers\n")
    page = "Weekly planning decisions\n\n" + "\n".join(
        entry.format(n=n) for n in ("0101", "0102", "0103", "0104"))
    assert _found(page, "GB103") == []


def test_a_timetable_s_row_repeats_under_another_day() -> None:
    days = {"Monday": "Aqua fit", "Tuesday": "Over-60s swim", "Wednesday": "Aqua fit"}
    page = "Pool timetable\n\n" + "\n\n".join(
        f"{day}\n06:30–09:00 | Lane swimming\n09:00–11:00 | {session} and lane swimming\n"
        "11:00–13:30 | Lane swimming and general swim\n13:30–15:30 | Schools (closed to the "
        "public)" for day, session in days.items())
    assert _found(page, "GB103") == []


def test_a_field_a_table_header_a_score_line_and_a_question_s_heading_may_repeat() -> None:
    jobs = ("Kelton Jobs Board\n\nCare assistant, Harbour View\nClosing date: Friday 18 "
            "October 2024\n\nHGV driver, Marsh Freight\nClosing date: Monday 14 October 2024"
            "\n\nPart-time cook, Kelton Primary\nClosing date: Friday 18 October 2024\n")
    assert _found(jobs, "GB103") == []
    menu = ("Starters\nDish | Contains | Suitable for\nSoup of the day | Celery | Vegan\n\n"
            "Mains\nDish | Contains | Suitable for\nFish pie | Fish, milk | -\n")
    assert _found(menu, "GB103") == []
    innings = ("Top of the 1st: Rudd flied out to center. 0 runs, 1 hit, 0 errors, 1 left on "
               "base. Foxes 1, Gulls 1.\n\nTop of the 2nd: Vayne struck out swinging. 0 runs, "
               "1 hit, 0 errors, 1 left on base. Foxes 1, Gulls 1.\n")
    assert _found(innings, "GB103") == []
    asked = "Asked by Deputy Tobias Rennick (Inish Corran), tabled Wednesday 26 February 2025"
    answers = (f"{asked}\nTo ask the Minister how many ferry crossings were cancelled in 2024."
               f"\n\n{asked}\nTo ask the Minister what the ferry service cost in 2024.\n")
    assert _found(answers, "GB103") == []
    # a row of a listing's details under two homes; one buyer's byline over two answers
    homes = ("2 bedroom flat to rent\nAdded today by Harbour Lettings\nPets considered | "
             "Minimum tenancy 12 months\n\n3 bedroom house to rent\nAdded yesterday by Coast "
             "Homes\nPets considered | Minimum tenancy 12 months\n")
    assert _found(homes, "GB103") == []
    byline = "By Jordan Bell on March 14, 2024 | Verified purchaser"
    qa = (f"Answer: It picks up dog hair well.\n{byline}\n\nAnswer: The filter washes in cold "
          f"water.\n{byline}\n")
    assert _found(qa, "GB103") == []
    # a paragraph of prose pasted twice is still a repeat
    prose = "The council said the ferry would run all winter, whatever the weather did.\n"
    assert _found(jobs + "\n" + prose + "\n" + prose, "GB103") == [prose.strip()]


def test_a_row_of_marks_between_a_transcript_s_parts_is_no_passage() -> None:
    text = ("Q: Where did you get on the train that night?\n\n"
            "A: I got on between a gondola car and a box car.\n\n"
            "* * * * * * * * * *\n\n"
            "Q: What happened when you got in there, tell the jury what you saw?\n")
    assert _found(text, "GB103") == []
    # a title line written twice on one line is still a repeat
    doubled = "Freight yard fight heard in court Freight yard fight heard in court\n"
    assert _found(doubled + text, "GB103") == ["Freight yard fight heard in court"]


def test_a_table_of_labelled_rows_given_again_in_an_update_is_no_repeat() -> None:
    table = ("Labour: Current seats- 48, Predicted seats- 272\n"
             "Conservative: Current seats- 37, Predicted seats- 287\n"
             "DUP: Current seats- 6, Predicted seats- 8\n")
    text = (f"10.05pm The first exit poll is in.\n\n{table}\n"
            f"11.40pm The exit poll has been updated with the postal votes.\n\n{table}")
    assert _found(text, "GB103") == []
    # a labelled sentence of prose pasted twice is still a repeat
    quote = "Minister: We will build 300,000 homes a year by the end of this parliament.\n"
    assert _found(quote + "The vote was close.\n" + quote, "GB103") == [quote.strip()]


def test_the_rows_of_a_table_written_as_text_may_repeat() -> None:
    table = ("Sports day results for the four houses were announced on Friday afternoon.\n\n"
             "Event | Oak | Ash | Elm | Yew |\n"
             "100 metres, year seven girls |\n"
             "Position | 2nd | 3rd | 4th | 1st | \n"
             "Relay, year seven boys |\n"
             "Position | 2nd | 3rd | 4th | 1st | \n")
    assert _found(table, "GB103") == []
    # a sentence of prose pasted twice beside it is still a repeat
    line = "The relay was run again after a baton was dropped on the final bend.\n"
    assert _found(table + line + "Oak won the day.\n" + line, "GB103") == [line.strip()]


def test_a_paragraph_pasted_twice_is_one_finding_on_the_copy() -> None:
    paragraph = ("Troops will leave Niger within months under the plan agreed in Washington. "
                 "The base north of the capital will close first, officials said.")
    text = f"Plan agreed\n\n{paragraph}\n\nThe talks were tense.\n\n{paragraph}\n"
    found = _found(text, "GB103")
    assert found == [paragraph]
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("GB103",)))
    (finding,) = result.findings
    assert finding.start == text.rindex(paragraph) and finding.related[0].start == text.index(
        paragraph)
    assert _found("The vote was close. The count went on. The vote was close.", "GB103") == []


def test_a_title_line_written_again_is_a_repeat() -> None:
    title = "Council names three new harbour masters"
    story = ("The harbour board has appointed three harbour masters, a notice said on Tuesday. "
             "They start in June.")
    text = f"{title}\n\nHome News\n\n{title}\n\n{story}\n"
    assert _found(text, "GB103") == [title]
    # a short sentence written twice may be two voices (two readers' letters); a menu of names
    # written twice is a label, not a title
    letters = "I agree wholeheartedly with Mr Forsyth.\n\nSo do I.\n\n" * 2
    assert _found(letters, "GB103") == []
    menu = "TV Tickets Fashion Giorgio Piola Jobs"
    assert _found(f"{menu}\n\n{story}\n\n{menu}\n", "GB103") == []


def test_a_listing_that_repeats_many_lines_gets_one_finding() -> None:
    notice = "Trains between Leeds and York may be cancelled or delayed by up to 20 minutes."
    items = [f"Line {n} update\n\n{notice}" for n in range(6)]
    result = check_text("\n\n".join(items), "d.txt", "text",
                        Settings(use_model=False, select=("GB103",)))
    (finding,) = result.findings
    assert "5 repeated passages in all" in finding.message


@pytest.mark.parametrize("markup", ['[mc4wp_form id="206"]', "{{ related_posts }}",
                                    '[caption id="attachment_7" align="alignnone"]',
                                    "[/vc_column]", "{% include 'ad.html' %}", "[td_smart_list]",
                                    "[[title]]"])
def test_leftover_cms_markup_is_found(markup: str) -> None:
    text = f"The minister resigned on Friday.\n\n{markup}\n\nShe had served four years."
    assert _found(text, "SP105") == [markup]


def test_wordpress_s_placeholder_for_a_percent_sign_is_leftover_markup() -> None:
    placeholder = "{" + "3a9f" * 16 + "}"
    text = f"The harbour trust bought a 35{placeholder} stake in the ferry firm in 2018."
    (finding,) = check_text(text, "d.txt", "text",
                            Settings(use_model=False, select=("SP105",))).findings
    assert text[finding.start:finding.end] == placeholder and "percent" in finding.message
    # a hash in braces of another length is no such placeholder
    assert _found("Its id is {3a9f3a9f} in the log.", "SP105") == []


def test_a_joomla_plugin_tag_is_leftover_markup() -> None:
    # a styled first letter, written with its closing tag, and a core plugin's module tag
    text = ("{xtypo_dropcap}T{/xtypo_dropcap}he ferry board met on Monday.\n\n"
            "{loadposition user9}\n\nFares will rise in May.")
    assert _found(text, "SP105") == ["{xtypo_dropcap}T{/xtypo_dropcap}", "{loadposition user9}"]
    # braces around words in prose or a formula, or two different names, are no plugin's tags
    assert _found("Set {x} to {y}, then {a}b{/c} the rest of {loadposition}.", "SP105") == []


def test_a_closing_tag_with_a_space_inside_is_leftover_html() -> None:
    # machine translation breaks a tag apart: "rose.< /p>"; "3 < 5" stays prose
    assert _found("Ferry fares rose.< /p> Crews were glad.", "SP105") == ["< /p>"]
    assert _found("Turnout was 3 < 5 per cent. The pier < /harbour wall.", "SP105") == []


def test_the_markup_of_one_line_is_one_finding() -> None:
    text = ("Police log for the week.\n\nTheft on Mill Lane.[/li] Car broken into on Quay"
            " Street.[/li][/ul] Bike stolen.[/quote]\n\nThe station is open daily.\n\n"
            "[/vc_column]")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("SP105",)))
    first, second = result.findings
    assert text[first.start:first.end] == "[/li]" and "(and 3 more on this line)" in first.message
    assert [text[r.start:r.end] for r in first.related] == ["[/li]", "[/ul]", "[/quote]"]
    assert text[second.start:second.end] == "[/vc_column]" and not second.related


def test_markdown_bold_markers_in_plain_text_are_one_finding() -> None:
    text = ("Harbour awards live.\n**15.52 **\nThe first prize goes to the ferry crew.\n"
            "**16.08 **\nThe mayor arrives.\n\n*****\n\nThe blog has now closed.\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("SP105",)))
    [found] = result.findings
    assert text[found.start:found.end] == "**15.52 **" and "(2 places)" in found.message
    assert [text[r.start:r.end] for r in found.related] == ["**16.08 **"]
    # a row of stars is a section break; in a Markdown draft, bold is meant
    assert _found("The ferry ran.\n\n*****\n\nThe strike ended.\n", "SP105") == []
    markdown = check_text("The ferry **ran** late.\n", "d.md", "markdown",
                          Settings(use_model=False, select=("SP105",)))
    assert markdown.findings == []


@pytest.mark.parametrize(("text", "placeholder"), [
    ("Currently, the storm is [insert current location], moving west.",
     "[insert current location]"),
    ("Winds reached [insert wind speed] overnight.", "[insert wind speed]"),
    ("Star player [Player Name] faces a setback before the game.", "[Player Name]"),
    ("The beloved couple [Couple’s Names] have split.", "[Couple’s Names]"),
    ("They face the Harbour City side on [date] at home.", "[date]"),
    ("They split after [number of years] years together.", "[number of years]"),
    ("They shared many milestones [mention children, if applicable] over the years.",
     "[mention children, if applicable]"),
    ("Rumours had circulated for months. [Mention any tabloid rumours or posts",
     "[Mention any tabloid rumours or posts"),
    ("The harbour master died aged [Age] at home.", "[Age]"),
    ("[He/She] will be remembered by the whole crew.", "[He/She]"),
])
def test_an_unfilled_template_placeholder_is_found(text: str, placeholder: str) -> None:
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("SP105",)))
    assert [text[f.start:f.end] for f in result.findings] == [placeholder]
    assert "unfilled template placeholder" in result.findings[0].message


def test_editorial_brackets_are_not_markup() -> None:
    for clean in ('He called the plan "unworkable [sic]" and left.',
                  "She said [the minister] had known for weeks.",
                  "Scores were level [2-2] at half time.", "See note [1] below.",
                  # a writer's joke and a wiki's link are not a template's placeholders
                  "The chancellor's slogan: [insert your own election-winning slogan here].",
                  "The spell was first used in 1992. [Source]",
                  "Fans were told to [insert joke about the weather] by the compere.",
                  "The queue's push (for places) grew, and [GPT] was named."):
        assert _found(clean, "SP105") == [], clean


@pytest.mark.parametrize("widget", ["What's Your Reaction?", "Like Love Haha Wow Sad Angry",
                                    "Was this article helpful?", "Rate this article:"])
def test_reaction_widgets_are_boilerplate(widget: str) -> None:
    text = f"The minister resigned on Friday.\n\n{widget}\n\nShe had served four years."
    assert _found(text, "SP102") == [widget]


def test_prose_about_reactions_is_not_a_widget() -> None:
    text = "Her reaction to the verdict was calm. Fans said they love the show and laugh a lot."
    assert _found(text, "SP102") == []


def test_a_name_written_once_each_way_is_a_slip_when_the_web_never_saw_one() -> None:
    text = ("The peloton is back together. Now Alaphilippe goes!\n\n"
            "Later the French rider attacks on the climb. Now Alpahilippe goes again!")
    assert _found(text, "NM101") == ["Alpahilippe"]
    # two real names once each are left alone ("Mali" / "Mail"), and so are two rare given
    # names, once each, each with a surname of its own: two people
    assert _found("Troops left Mali on Friday. The Mail said so on Saturday.", "NM101") == []
    runners = ("Faster this year were Birhane Dibaba of Ethiopia and Brigid Kosgei.\n\n"
               "Birhanu Legese of Ethiopia came third in 2:03:16.")
    assert _found(runners, "NM101") == []


def test_two_unknown_spellings_once_each_the_name_as_introduced_stands() -> None:
    # neither spelling is known to the web and each is written once: the story introduces the
    # name first, so the later spelling is the one to question
    text = ("Peres Jepkirwok of Kenya won the race in 2:17:16, a minute clear.\n\n"
            "Jepkirwak's winning time was the fastest in the world this year.")
    assert _found(text, "NM101") == ["Jepkirwak"]
    # still two people when each has a given name of its own
    two = ("Peres Jepkirwok of Kenya won the race.\n\nAgnes Jepkirwak of Uganda was fifth.")
    assert _found(two, "NM101") == []
    # with no introduction to go by, the later spelling is reported as one of two, unfixed
    bare = ("The Jepkirwok stable won the race.\n\nThe Jepkirwak trainer was pleased.")
    result = check_text(bare, "draft.txt", "text", Settings(use_model=False, select=("NM101",)))
    (finding,) = result.findings
    assert bare[finding.start:finding.end] == "Jepkirwak" and finding.fix is None
    assert "one of them is misspelt" in finding.message


@pytest.mark.parametrize("furniture", ["Continue reading…", "Share This", "Source link",
                                       "Tag Archives: Harbour", "Photo credit",
                                       "Showing posts with label ferries. Show all posts",
                                       "Return to Transcripts main page", "Adjust font size:",
                                       "Sign up for the Harbour Gazette's free daily newsletter",
                                       "Hide Ad", "Tag Archive for: Harbour", "Text Size:",
                                       "top of page", "Add comment", "Security code",
                                       "Get Involved - #harbourlive, via WhatsApp",
                                       "Ferry fares rise again Read More »",
                                       "Our website is temporarily unavailable in your location.",
                                       "You are here", "Next Previous", "Posted Updated",
                                       "Page generated in 0.4959 seconds.",
                                       "(More harbour news stories.)",
                                       "The ferry board lost its High Court case (Picture: PA)",
                                       "Photo: AFP", "The quay at dawn.Credit: Glen Hunt",
                                       "Smoke over the harbour. Jo Roe/Social Media/via REUTERS",
                                       "Traders at the dock. (AP Photo/Richard Drew, File)",
                                       "Follow Dunmore news on BBC Sounds, Facebook and X.",
                                       "Stay up to date with the latest sports news",
                                       "Page last updated: 15/08/2016", "Find out more...",
                                       "Source: The Star October 09, 2020 14:03 UTC",
                                       "READ MOREFerry fares to rise in May",
                                       "Categories: Finance", "1 month 3 weeks ago",
                                       "Link to the full article to read more"])
def test_a_scraped_page_s_links_and_labels_are_boilerplate(furniture: str) -> None:
    text = (f"The ferry sailed at noon on Friday, the operator said.\n\n{furniture}\n\n"
            "Passengers were told to expect delays on Saturday.")
    assert _found(text, "SP102") == [furniture]
    # the same words inside a sentence of the story are not furniture
    prose = ("He said he would continue reading the report and share this with the board, "
             "and return to the main page of the plan later. A Reuters/Ipsos poll agreed.")
    assert _found(prose, "SP102") == []


def test_a_name_written_as_two_words_and_as_one_is_one_name_spelled_two_ways() -> None:
    text = ("Profits at the media group HarbourLink rose 7%. Harbour Link said on Friday it "
            "owns 8% of the ferry firm.\n\nHarbourLink also has to restate its accounts.\n\n"
            "Residents of Tilak Nagar complained. The Tilaknagar park was cleaned.\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("NM101",)))
    found = [(text[f.start:f.end], f.message) for f in result.findings]
    assert found == [("Harbour Link", "'Harbour Link' is written 'HarbourLink' elsewhere in this "
                      "document"),
                     ("Tilaknagar", "'Tilaknagar' is written 'Tilak Nagar' elsewhere in this "
                      "document")]
    assert result.findings[0].fix is not None
    # an everyday word in a title, a link or a handle, and a longer name are left alone
    quiet = ("Every One Of Us is a film everyone saw. See www.HarbourLink.com or @HarbourLink "
             "for Harbour Link fares.\n\nA pool at Moorlane House, Moor Lane, was approved.\n\n"
             "Harbourgazette.co.uk is the home of The Harbour Gazette and Harbour Gazette news.\n")
    assert _found(quiet, "NM101") == []
    # and a name written with a capital inside and without
    case = "LeBron James scored 30. Then Lebron James made a jumper. LeBron was tired."
    assert _found(case, "NM101") == ["Lebron"]
    assert _found("See @Lebron or www.Lebron.com for LeBron James.", "NM101") == []
    # a made-up country written less often than its people's word, and written as a place
    country = ("Varga-Morin wins Estavian presidency. She was elected president of Estavia on "
               "Sunday. It is a victory for every Estavian voter, she said.")
    assert _found(country, "NM101") == []
    assert _found("Christian Holt scored twice. Later Christia Holt said it was his best game. "
                  "Christian Holt left.", "NM101") == ["Christia"]
    # an everyday word's form in a Romance language, a word the web knows, in a foreign club's
    # name; a slip of the English word is still found
    clubs = ("Ines Carvalho of Clube Atlantico won. Rosa Alban of Club Ruedas del Sur was "
             "second. Ashcombe Athletic Club had three runners.")
    assert _found(clubs, "NM101") == []
    assert _found(clubs.replace("Clube", "Clubb"), "NM101") == ["Clubb"]
    # a network's, an account's or a code's name given as a field's value is written as one word
    # on purpose; the same word in the running text is still the name with its space lost
    fields = ("Venue: Harbour Link Centre, Wharf Street.\n\nWi-Fi network: HarbourLink. The "
              "password is on your badge.\n\nUsername: HarbourLink\n")
    assert _found(fields, "NM101") == []
    assert _found(fields + "\nThe talks are run by HarbourLink.\n", "NM101") == [
        "HarbourLink"]


def test_a_name_written_with_its_accents_and_without_is_one_name_two_ways() -> None:
    text = ("Director Inés Almodóvar opened the festival. Almodóvar's film won.\n\n"
            "Later Inés Almodovar said she was moved.\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("NM101",)))
    assert [(text[f.start:f.end], f.message) for f in result.findings] == [
        ("Almodovar", "'Almodovar' is written 'Almodóvar' elsewhere in this document")]
    fix = result.findings[0].fix
    assert fix is not None and apply_edits(text, fix.edits).count("Almodóvar") == 3
    # two people who share a given name, and words in another script or in styled letters
    quiet = ("Nicolás Maduro met Nicolas Sarkozy in Paris.\n\n𝙂𝙖𝙡𝙤𝙥𝙞𝙣 won. Galopin was second.\n"
             "\nΑθήνα and Athina are one city's name in two scripts.\n")
    assert _found(quiet, "NM101") == []


def test_one_person_s_name_spelled_two_real_ways_is_a_slip() -> None:
    text = ("Sophie Devine won the toss and chose to bat first.\n\n"
            "New Zealand captain Sophia Devine said the pitch looked dry.")
    assert _found(text, "NM101") == ["Sophia"]
    text = ("Debbie Wasserman Schultz joined us from Florida.\n\n"
            "Debbie Wasserman Shultz and the governor both spoke.")
    assert _found(text, "NM101") == ["Shultz"]
    # the spelling written less often is the slip, even when it is the word the web knows
    text = ("Gary Ballance made a hundred. Ballance then made fifty, and Ballance is in form.\n\n"
            "Add the centuries scored by Gary Balance and you get thirteen.")
    assert _found(text, "NM101") == ["Balance"]
    # a name written with and without its okina or apostrophe is one spelling
    text = ("Police were sent to Savai‘i on Monday after the brawl.\n\n"
            "Tourism on Savaii had been hurt, the minister said.")
    assert _found(text, "NM101") == []
    # a short form, a place's people, a title or a common word beside them is no such slip
    for clean in ("Steve Gerrard scored. Later Steven Gerrard said he was tired.",
                  "Latin America grew by 5%. Latin American exports rose.",
                  "The shop on Wells Road closed. A second shop on Wills Road opened."):
        assert _found(clean, "NM101") == [], clean


@pytest.mark.parametrize(("leftover", "found"), [
    ("<p>Villagers wade through flood water in Assam.</p>", "<p>"),
    ('a source told <a title="The Gazette" href="https://example.org/x">The Gazette</a> so',
     '<a title="The Gazette" href="https://example.org/x">'),
    ('P { margin-bottom: 0.21cm; direction: ltr; }', "P { margin-bottom: 0.21cm;"),
    ("— Ana Ruiz (@anaruiz) March 9 https://platform.example.com/widgets.js",
     "https://platform.example.com/widgets.js"),
    ("jul011968C5A.jpgFrom the July 1 edition of the Courier.", "jul011968C5A.jpg"),
    ("Sign up. Get the latest ipsum dolor sit amet, consectetur.", "ipsum dolor sit amet"),
    ("[an error occurred while processing this directive]",
     "[an error occurred while processing this directive]"),
    ('It set aside $4,000 for the \\"Saturday Soundtracks\\" program.', '\\"'),
    ("<v Speaker 1>Welcome to the harbour show, where we", "<v Speaker 1>"),
    ("For details write to [email protected] before Friday.", "[email protected]"),
])
def test_code_a_scraper_copied_is_leftover_markup(leftover: str, found: str) -> None:
    text = f"The river rose overnight, the agency said.\n\n{leftover}\n\nRoads were closed."
    assert _found(text, "SP105") == [found]


def test_a_script_s_code_is_one_finding_whose_fix_removes_its_line() -> None:
    code = ('function getCookie(e){var U=document.cookie.match(new RegExp("(?:^|; )"+e.replace('
            '/([.$?*|{}()])/g,"\\\\$1")+"=([^;]*)"));return U?decodeURIComponent(U[1]):void 0}')
    text = f"The river rose overnight, the agency said.\n\n{code}\n\nRoads were closed.\n"
    result = check_text(text, "d.txt", "text", Settings(use_model=False))
    (finding,) = result.findings  # its brackets and its glued names are the same problem
    assert finding.code == "SP105" and finding.fix is not None
    assert {r.code for r in finding.related} >= {"TY107"}
    assert apply_edits(text, finding.fix.edits) == (
        "The river rose overnight, the agency said.\n\nRoads were closed.\n")
    ad = "(adsbygoogle = window.adsbygoogle || []).push({});"
    assert _found(f"Roads were closed.\n{ad}\n", "SP105") == ["window.adsbygoogle"]
    # an ad library's queue (batch M), and an AI writing plug-in's tag
    queue = "Roads were closed.\n\nadUnits.push({\ncode: 'div-1',\n"
    assert _found(queue, "SP105") == ["adUnits.push({"]
    assert _found("[gpt3]\nRoads were closed after the storm.\n", "SP105") == ["[gpt3]"]
    # prose that names the objects, or a function in words, is not code
    for clean in ("Open the window. The document was signed, and the function (a gala) ran.",
                  "The vote went to the window.Then the count began.",
                  "She said the function {of the board} was to advise."):
        assert _found(clean, "SP105") == [], clean


def test_markup_words_in_prose_and_html_in_markdown_are_left_alone() -> None:
    for clean in ("Turnout rose from 3 < 5 per cent, and JPEG files were banned from the site.",
                  "Save the photo as a .png file, the court was told.",
                  "The app, written in Node.js, crashed twice.",
                  "The council's style guide {see page 4} was ignored.",
                  "Files were saved in C:\\Reports\\ and D:\\Archive."):
        assert _found(clean, "SP105") == [], clean
    markdown = 'The river rose.\n\nLine one<br>line two, \\"quoted\\".\n'
    result = check_text(markdown, "draft.md", "markdown", Settings(use_model=False,
                                                                  select=("SP105",)))
    assert result.error is None and [f for f in result.findings if f.code == "SP105"] == []


@pytest.mark.parametrize("control", ["Menu Close", "Sort by:", "Show comments", "View new posts",
                                     "2 COMMENTS", "Loading...", "Download your apps", "Share",
                                     "Trending Topics", "This was published 8 years ago",
                                     "6 min read", "Getting your Trinity Audio player ready...",
                                     "Home | Politics | Brexit", "HomeWorldBelgian Grand Prix",
                                     "Published: | Updated:", "Author: admin",
                                     "Printer Friendly", "No comments:", "Add new comment",
                                     "Read the original AP story", "You are on page 1of 60",
                                     "Subscribe for 17¢ / day", "Sort:", "One comment",
                                     "< 1 minute read", "SIGN UP FOR THE KING CRICKET EMAIL!",
                                     "Newsletter sign-up", "Subscribe to Updates",
                                     "Facebook X (Twitter) Instagram YouTube",
                                     "Jump to a category:", "admin", "Please log in to continue",
                                     "Try Rev for free and save time transcribing.",
                                     "Follow live here", "Got a TV Licence?", "Article image",
                                     "215 views", "Discussion (0)", "Login Required",
                                     "1 comment:", "Anonymous said...", "Aucun commentaire:",
                                     "Tampilkan postingan dengan label Big Government",
                                     "Archive for May, 2013", "« Back", "Choose your language:",
                                     "Refresh for live updates or watch the live stream above",
                                     "Joined Jan 2, 2018 Messages 5,001 Reaction score 1,220",
                                     "Try Rev and save time transcribing, captioning.",
                                     "View the full news release", "amazon promo code india",
                                     "hostgator india coupon", "Clock Icon7 minutes ago",
                                     "This entry was posted in The Blockade?. Bookmark the "
                                     "permalink.", "Share Pin Reddit Share Share WhatsApp 0 Shares",
                                     "0 SHARES Share Tweet", "Get '5 Things' in your inbox",
                                     "Sign up for the Daily Briefing", "Category: NRL Rugby",
                                     "Copyright 2015 NPR. To see more, visit the site.",
                                     "Arsenal FC via Getty Images",
                                     # batch M: a menu bar, a widget's error, a debate record's
                                     # and a document site's links, a lone CMS class name
                                     "Harbour Home | Databases | Archive | Search | Feedback",
                                     "Oops!", "Something went wrong.", "Read Full debate",
                                     "Total Page:16", "Page Top", "body-container-line-1",
                                     "No comments have so far been submitted.", "Your task:",
                                     "January February March April May June July",
                                     "(8 years, 5 months ago)",
                                     # batch O: a blog post's footer
                                     "Posted by: Ann AT 02:08 pm  |  Permalink  |  Email",
                                     "The harbour in 2005. Photograph: Ann Lee/Rex Features",
                                     "Harbour Council, Aug 12 (image credit - Harbour Today)",
                                     "Share news tips with us here at Harbour News",
                                     "Join our Channel...", "<< Home",
                                     "To learn more about this story please visit the site.",
                                     # batch P
                                     "Back to news", "Photo by Ann Lee on Unsplash",
                                     "( Ann Lee / AP Photo )", "My blog has moved!",
                                     "Advanced search", "Ann Lee's picture",
                                     "Weather where you are",
                                     # batch Q
                                     "||||||||||||||||||||", "Uncategorized", "Scorecard",
                                     "Search", "Home News World",
                                     "Photo by Ann Lee/UPI | License Photo"])
def test_a_page_s_controls_copied_as_lines_are_boilerplate(control: str) -> None:
    text = f"The ferry sailed at noon on Friday.\n\n{control}\n\nPassengers expect delays."
    assert _found(text, "SP102") == [control]


def test_lines_that_only_use_a_control_s_words_are_not_controls() -> None:
    for clean in ("Lunch Menu", "Menu", "Share prices fell sharply.", "Print run doubled",
                  "Entry sheets will be posted in the locker rooms.", "Coupons",
                  "The council said residents could use coupons for the bus, it added.",
                  "Refresh your browser to play.", "See [[Paris]] for more.",
                  "Scam emails are landing in your inbox, police warned on Monday.",
                  "Share prices fell in early trade, then rallied.",
                  "Download speeds rose by half, the regulator said.", "Latest Results",
                  "Have your say on the bypass plan by writing to the council by May 1.",
                  "Home Secretary Priti Patel said the ferry would sail.",
                  "Homeland security officials agreed", "Home and away",
                  "Facebook and Twitter", "One comment stood out, the mayor said.",
                  # pipes between labels that are not a page's controls: a table's header
                  "Name | Age | Club | Position", "Oops! I did it again, she sang.",
                  "A | B | Search and rescue teams were sent | Feedback",
                  "up-to-the-minute", "May June and July were wet months.",
                  "Jump to a category of your choice, the guide says, and start there.",
                  "Read the minutes and you will see why we are here, the mayor said.",
                  # an advice column's heading over its answer
                  "THE REPLY",
                  # a corrections column tells readers how to report an error
                  "To report an error, email the standards desk or call 555-0177."):
        text = f"The ferry sailed at noon on Friday.\n\n{clean}\n\nPassengers expect delays."
        assert _found(text, "SP102") == [], clean


def test_a_caption_printed_again_under_its_list_item_is_a_repeat() -> None:
    text = ("Photos from the opening of the new control room on Monday.\n\n"
            "• The centre watches traffic on sixty per cent of the road network in the city.\n"
            "    The centre watches traffic on sixty per cent of the road network in the city.\n")
    assert _found(text, "GB103") == [
        "The centre watches traffic on sixty per cent of the road network in the city."]
    # two items that only share their marker are not a repeat
    items = "• Ferries run on Monday.\n• Ferries run on Tuesday.\n"
    assert _found(items, "GB103") == []


def test_a_caption_printed_again_with_its_credit_run_in_is_a_repeat() -> None:
    for credit in ("PDC", "Credit: Getty", "Photo: Harbour Gazette"):
        text = ("The final went to a deciding leg at the Harbour Hall.\n\n"
                "Tom Reyes lifts the harbour league trophy at last\n"
                f"Tom Reyes lifts the harbour league trophy at last{credit}\n\n"
                "He beat Sam Ode by two legs.\n")
        assert _found(text, "GB103") == [f"Tom Reyes lifts the harbour league trophy at "
                                         f"last{credit}"], credit
    # a line that ends on an acronym of its own after a space is another line
    other = ("Tom Reyes lifts the harbour league trophy at last\n\n"
             "Tom Reyes lifts the harbour league trophy at last PDC\n")
    assert _found(other, "GB103") == []


def test_a_links_block_heading_takes_the_teasers_under_it() -> None:
    text = ("The ferry sailed at noon on Friday, the operator said, and will sail again today.\n\n"
            "Related posts\n\n"
            "Harbour board to meet over fares after heated debate\n\nHarbour Gazette\n\n"
            "Council approves new slipway for lifeboat station\n\n"
            "Passengers were told on Saturday to expect more delays through the week.\n")
    result = check_text(text, "draft.txt", "text", Settings(use_model=False, select=("SP101",)))
    assert result.document is not None
    (finding,) = [f for f in result.findings if f.code == "SP101"]
    shown = result.document.text[finding.start : finding.end]
    assert shown.startswith("Related posts") and shown.endswith("lifeboat station")
    assert "the 3 lines under it" in finding.message
    # a teaser line that opens with its own words is one line, and prose after it is kept
    one = "The ferry sailed.\n\nRead more: Harbour board to meet over fares\n\nIt sailed again."
    assert _found(one, "SP101") == ["Read more: Harbour board to meet over fares"]
    # the opener alone, as a link's label, with a scraper's ellipsis
    alone = ("The ferry sailed.\n\nRead more…\n\n"
             "Passengers were told on Saturday to expect more delays through the week.")
    assert _found(alone, "SP101") == ["Read more…"]
    # the heading may open with the site's address
    site = text.replace("Related posts", "HarbourGazette.co.uk Top Stories")
    shown = [f for f in check_text(site, "draft.txt", "text", Settings(
        use_model=False, select=("SP101",))).findings]
    assert len(shown) == 1 and site[shown[0].start:].startswith("HarbourGazette.co.uk Top")


def test_a_reaction_widget_s_buttons_are_part_of_it() -> None:
    widget = "What's Your Reaction?\nLike\nLove\nHaha\nWow\nSad\nAngry"
    text = f"The fleet lands crab.\n\nSource link\n\n{widget}\n"
    assert _found(text, "SP102") == [f"Source link\n\n{widget}"]
    assert _found("The fleet lands crab.\n\nLike Dislike Love Funny Angry Sad Wow\n\nThe plant "
                  "employs 150.\n", "SP102") == ["Like Dislike Love Funny Angry Sad Wow"]
    # one such word alone is a heading or a line of a poem, not a button
    assert _found("Your stars this week.\n\nLove\n\nA quiet week for Leos.\n", "SP102") == []


def test_a_newsletter_prompt_that_runs_on_after_its_newsletter_is_furniture() -> None:
    prompt = ("Sign up to our free daily newsletter for the latest health news straight to "
              "your inbox")
    assert _found(f"The clinic opened.\n\n{prompt}\n\nIt treats 300 patients.\n",
                  "SP102") == [prompt]
    assert _found("The clinic opened.\n\nShe said the newsletter went straight to your inbox "
                  "every day, which patients liked.\n", "SP102") == []


def test_a_report_s_headlines_heading_over_its_prose_is_no_menu_item() -> None:
    own = ("Market report: September\n\nHeadlines\n\nFour of the seven districts saw average "
           "prices rise in September, while three recorded falls.\n")
    assert _found(own, "SP102") == []
    # a site's menu item: among other menu lines, over a link's headline, or at the page's end
    assert _found(own.replace("Headlines", "Headlines\n\nHome | News | Sport"), "SP102") == [
        "Headlines\n\nHome | News | Sport"]
    assert _found(own.replace("Headlines", "Headlines\n\nPrices rise again"), "SP102") == [
        "Headlines"]
    assert _found(own + "\nHeadlines\n", "SP102") == ["Headlines"]


def test_a_recommendation_heading_over_the_page_s_own_prose_is_its_section() -> None:
    # a listings page's "EDITOR'S PICK" over a paragraph recommending one of its own entries
    own = ("The Gull and Anchor, Quayside: pub venue, capacity 120.\n\nEDITOR'S PICK\n\n"
           "If you only go to one gig this week, make it Marisol Vega at the Foundry on "
           "Wednesday, if you can find a returned ticket.\n")
    assert _found(own, "SP101") == []
    assert _found(own.replace("EDITOR'S PICK", "Don’t miss:"), "SP101") == []
    # with teasers under it, it heads a links block; and "Read more" over prose is a link's
    # leftover label, as before
    links = own.replace("If you only", "Ten beaches you must visit this summer\n\nIf you only")
    assert _found(links, "SP101") == ["EDITOR'S PICK\n\nTen beaches you must visit this summer"]
    assert _found(own.replace("EDITOR'S PICK", "Read more"), "SP101") == ["Read more"]


def test_a_one_word_opener_before_one_or_two_words_is_a_table_s_field() -> None:
    table = "Division Two:\nChampions: Harbourshire\nPromoted: Dunmore\nVideo: Color\n"
    assert _found(table, "SP101") == []
    assert _found("The table.\n\nWatch: Cars pile up on harbour streets\n", "SP101") == [
        "Watch: Cars pile up on harbour streets"]
    assert _found("The ferry sailed.\n\nTrending-News\n\nThe ferry sailed again.", "SP101") == [
        "Trending-News"]
    assert _found("The table.\n\nALSO WATCH: Why harbour fares rose in September\n",
                  "SP101") == ["ALSO WATCH: Why harbour fares rose in September"]


def test_a_links_block_takes_teaser_cards_with_their_standfirsts() -> None:
    card = ("LETTER | Where will the harbour board be in ten years?\n\n"
            "Depending on where you stand, the board is loved and loathed across the town.\n"
            "Ideas\n2 weeks ago\n\n")
    text = ("We need another ferry operator. The delays have gone on for months.\n\n"
            f"READ MORE:\n\n{card}{card.replace('2 weeks', '1 month')}"
            "Passengers were told on Saturday to expect more delays through the week.\n")
    result = check_text(text, "draft.txt", "text", Settings(use_model=False, select=("SP101",)))
    assert result.document is not None
    (finding,) = result.findings
    assert result.document.text[finding.start:finding.end].endswith("1 month ago")
    # a sentence with no card's age under it is prose of the story, and ends the block
    prose = text.replace("2 weeks ago", "The board meets on Monday.")
    (finding,) = check_text(prose, "draft.txt", "text",
                            Settings(use_model=False, select=("SP101",))).findings
    assert "under it" not in finding.message


def test_a_sentence_printed_twice_in_a_row_is_a_repeat_from_six_words() -> None:
    text = ("Crowds gathered at the harbour on Friday.\n"
            "Crowds gathered at the harbour on Friday.\n\nThe ferry sailed at noon.\n")
    assert _found(text, "GB103") == ["Crowds gathered at the harbour on Friday."]
    # apart, a short sentence may be said twice by two voices
    apart = ("Crowds gathered at the harbour on Friday.\n\nThe ferry sailed at noon.\n\n"
             "Crowds gathered at the harbour on Friday.\n")
    assert _found(apart, "GB103") == []


def test_a_line_of_two_sentences_printed_twice_is_a_repeat() -> None:
    # sentence by sentence the copies are not in a row ("File photo." lies between)
    line = "Anger is growing over the ferry cuts. File photo."
    text = f"Harbour letters\n\n{line}\n{line}\nImage: Harbour Gazette\n\nI read your piece.\n"
    assert _found(text, "GB103") == ["Anger is growing over the ferry cuts."]
    assert _found(text.replace(f"{line}\n{line}", f"{line}\n\n{line}"), "GB103") == [
        "Anger is growing over the ferry cuts."]
    # two lines apart, a short sentence may be said twice
    apart = f"{line}\n\nThe ferry sailed at noon.\n\n{line}\n"
    assert _found(apart, "GB103") == []


def test_a_long_repeat_is_reported_before_a_doubled_short_label() -> None:
    label = "Showing posts with the label Harbour. Show all posts"
    title = "Is the harbour board finally getting serious about the ferry timetable?"
    text = f"{label}\n{label}\n\n{title}\n\n{title}\n\nThe board meets on Monday.\n"
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("GB103",)))
    (finding,) = result.findings
    assert text[finding.start:finding.end] == title and "2 repeated passages" in finding.message


def test_a_caption_printed_again_with_a_bbc_image_source_run_in_is_a_repeat() -> None:
    caption = "People watch waves crashing on the harbour wall ahead of the storm in Dunmere"
    text = (f"The storm reached the coast on Friday.\n\n    {caption}Image source, "
            f"Harbour Gazette/Shutterstock\n\n    Image caption,\n\n    {caption}\n\n"
            "Ferries were cancelled.\n")
    assert _found(text, "GB103") == [caption]


def test_a_byline_of_several_writers_and_a_bare_name_under_the_headline_are_furniture() -> None:
    from checker.rules.offtopic import _author_line, page_furniture

    assert page_furniture("By Zachary B. Wolf and Ethan Cohen")
    assert page_furniture("By Anna Harbour, Tom Dunmore and Li Wei")
    assert not page_furniture("By the end of the night the harbour was full")
    assert not page_furniture("See also Harbour Receives Clearance To Launch New Ferry")
    # a byline and its time on one line, and each part of such a line must be furniture
    assert page_furniture("By Eleanor Grice | Published 22:41 GMT")
    assert page_furniture("Updated 14 March 2025 · By Tom Dunmore")
    assert not page_furniture("By Eleanor Grice | Harbour ferry fares rise again")
    assert _author_line("Melissa Vergel De Dios") and _author_line("Anna van der Berg")
    assert _author_line("David J. Harbour")
    assert not _author_line("Harbour ferry fares rise") and not _author_line("Updated")
    # a share bar or a heading in title case is no name
    assert not _author_line("Print Email Read Later") and not _author_line("State Relay Wrap Up")


def test_a_title_s_idiom_is_not_one_actor_on_both_sides() -> None:
    for idiom in ("Round by Round", "Year after Year", "Wave upon Wave"):
        assert _found(f"Harbour v Dunmore: {idiom}\n\nThe bout went ten rounds.", "GB101") == []
    assert _found("The flight from Lagos to Lagos was late.", "GB101") == ["Lagos to Lagos"]
    # a name that starts another ("ESPN+", "China-Africa", "Port-of-Spain")
    for clean in ("The bout airs on ESPN following early prelims on ESPN+.",
                  "How does China consider current China-Africa relations?",
                  "The destroyer is coming to the Port of Port-of-Spain on Sunday."):
        assert _found(clean, "GB101") == [], clean
    # what one of two named actors is doing ("with Serena serving") is no second slot
    assert _found("Venus and Serena are up 4-3 with Serena serving.", "GB101") == []
    # nor is a thing of a place said to be in it
    assert _found("I own JAG in Detroit podcasts here in Detroit, where I produce shows.",
                  "GB101") == []
    # one actor in two guises, each described, is no swap
    for clean in ("She was wonderful as both the sweet, innocent Sandy and the sexy Sandy.",
                  "Talks between the old Germany and the new Germany went well."):
        assert _found(clean, "GB101") == [], clean
    # but a name in an idiom's slot, and a name before "-based", are still one actor twice
    assert _found("The deal was signed by Sony by Sony executives.", "GB101") != []
    assert _found("Arsenal beat the young Arsenal 2-1 on Saturday.", "GB101") != []
    assert _found("The flight from Lagos to Lagos-based crews was late.", "GB101") != []


def test_a_label_repeated_down_a_page_is_one_boilerplate_finding() -> None:
    text = ("Updated\n\nThe red carpet filled early on Sunday.\n\nUpdated\n\n"
            "The first award went to the harbour film.\n\nUpdated\n\nThe night ended at ten.\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("SP102",)))
    (finding,) = result.findings
    assert "(3 times in all)" in finding.message and len(finding.related) == 2
    assert finding.fix is not None and len(finding.fix.edits) == 3
    fixed = text
    for edit in sorted(finding.fix.edits, key=lambda e: e.start, reverse=True):
        fixed = fixed[:edit.start] + edit.replacement + fixed[edit.end:]
    assert "Updated" not in fixed and fixed.count("\n\n") == 2 and "ended at ten" in fixed
    # the same label with another count ("120 views", "45 views") is the same too
    ages = ("The game went on.\n\n120 views\n\nA run scored.\n\n45 views\n\nIt ended.\n")
    (finding,) = check_text(ages, "d.txt", "text",
                            Settings(use_model=False, select=("SP102",))).findings
    assert "(2 times in all)" in finding.message


def test_a_bracketed_note_over_several_paragraphs_is_balanced() -> None:
    note = ("The ferry sailed at noon.\n\n(Note: This is an auto-generated story from a "
            "feed.\n\nPlease visit the source website for the full report.)\n\nMore later.")
    result = check_text(note, "d.txt", "text", Settings(use_model=False, select=("TY103",)))
    assert result.findings == []
    # a bracket closed far later, or by another kind, is still two slips
    far = note.replace("\n\nPlease", "\n\nOne.\n\nTwo.\n\nThree.\n\nPlease")
    assert len(check_text(far, "d.txt", "text", Settings(
        use_model=False, select=("TY103",))).findings) == 2
    other = note.replace("report.)", "report.]")
    assert len(check_text(other, "d.txt", "text", Settings(
        use_model=False, select=("TY103",))).findings) == 2


def test_a_comment_form_with_avatar_labels_between_its_lines_is_one_finding() -> None:
    text = ("The ferry resumed on Monday.\n\nLeave a Reply\n\n"
            "Fill in your details below or click an icon to log in:\n\nTwitter picture\n\n"
            "You are commenting using your Twitter account. Log Out /  Change )\n\n"
            "Facebook photo\n\n"
            "You are commenting using your Facebook account. Log Out /  Change )\n\n"
            "Connecting to %s\n\nA short closing line\n\nThe harbour reopens in May.\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False))
    spam = [f for f in result.findings if f.code == "SP102"]
    (finding,) = spam
    assert text[finding.start:finding.end].startswith("Leave a Reply")
    assert text[finding.start:finding.end].endswith("Connecting to %s")
    # the form's lost brackets are the form's, not brackets of the text
    assert not [f for f in result.findings if f.code == "TY103"]
    # its fix takes out the form's lines and leaves the labels between them, which it cannot
    # tell from a heading
    assert finding.fix is not None
    fixed = text
    for edit in sorted(finding.fix.edits, key=lambda e: e.start, reverse=True):
        fixed = fixed[:edit.start] + edit.replacement + fixed[edit.end:]
    assert "commenting" not in fixed and "Twitter picture" in fixed
    assert "A short closing line" in fixed and "harbour reopens" in fixed
    # two labels in a row end the form: a heading and its first line are not taken into it
    two = "Leave a Reply\n\nOur view\n\nThe editor\n\nLeave a comment\n"
    assert len([f for f in check_text(two, "d.txt", "text", Settings(
        use_model=False, select=("SP102",))).findings]) == 2


def test_a_modifier_moved_behind_its_noun_is_a_spinner_s_turn() -> None:
    text = ("Shares rose 30%, the greatest percentage that is one-day since the listing. "
            "Volume was well above the average that is full-day of 47.3 million shares. "
            "The records that are previous were set in 2013.")
    assert _found(text, "GB107") == ["percentage that is one-day", "average that is full-day",
                                     "records that are previous"]
    for clean in ("The decision that is final rests with the board.",
                  "A visit that was brief ended at noon.",
                  "The role that is chief among them is the treasurer's.",
                  "He is a former minister, and the plan is a potential risk."):
        assert _found(clean, "GB107") == [], clean


def test_a_title_printed_twice_in_a_row_is_a_repeat_even_when_it_is_all_names() -> None:
    text = ("Live: Harbour FC v Dunmere Victory\n\nLive: Harbour FC v Dunmere Victory\n\n"
            "Kick-off is at 7.35pm and the teams are out.\n")
    assert _found(text, "GB103") == ["Live: Harbour FC v Dunmere Victory"]
    # apart, a short title of names is a listing's line, written again by design
    apart = ("Harbour FC v Dunmere Victory\n\nKick-off is at 7.35pm.\n\n"
             "Harbour FC v Dunmere Victory\n\nThe return leg is in May.\n")
    assert _found(apart, "GB103") == []
    assert _found("BBC One News\n\nBBC One\n\nBBC One\n\nThe news at six.\n", "GB103") == []


def test_a_capitalised_word_one_slip_from_a_common_one_is_misspelt() -> None:
    text = ("Cheslea salvaged a win against a battling side on Saturday.\n\n"
            "Germany beat Gerogia 2-0 in the qualifier, and the coach said he was pleased.")
    assert _found(text, "NM104") == ["Cheslea", "Gerogia"]
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("NM104",)))
    first = result.findings[0]
    assert first.fix is not None and first.fix.edits[0].replacement == "Chelsea"
    # a word beside another capitalised word, in a list of names, written twice, or with its
    # right spelling in the text (NM101's) is left alone, and so is a text cut off mid-word
    for clean in ("Breah Stewart contributed 11 points.",
                  "The line-up was Ingham, Morley; Priet and McIndoe.",
                  "Joint 3rd: Olifia and Elain, both of Hope.",
                  "Cheslea won. Cheslea fans sang.",
                  "Chelsea won. Cheslea fans sang.",
                  "The shop stays open on Wednesda",
                  "Rescuers dug all night in Pescara del Tronto after the quake.",
                  # a name with its other name in brackets: a storm's local and world names
                  "Deaths from the monsoon and cyclones Crising (Wipha) and Dante (Francisco) "
                  "climbed to 12."):
        assert _found(clean, "NM104") == [], clean
    # a letter written three times is a slip wherever it stands, beside a name too
    assert _found("The development of the former Mistra Villlage site has continued apace.",
                  "NM104") == ["Villlage"]
    assert _found("Fans of Speakerboxxx cheered.", "NM104") == []
    # and in a name the web writes, with the letter once less, in a list of names
    assert _found("She leaves her parents Lilllian and Rueben Ballard and a sister.",
                  "NM104") == ["Lilllian"]
    # a drawn-out word the web writes as it is ("Hmmm", "Shhh") is no slip
    assert _found("Hmmm, said the man. Shhh, she said, and Brrr, it was cold.", "NM104") == []


def test_a_second_capital_held_too_long_is_a_slip_but_a_brand_s_is_not() -> None:
    text = "The bill has Rose MAttafeo, and Harbour lost at GIllingham again on Saturday.\n"
    assert _found(text, "NM104") == ["MAttafeo", "GIllingham"]
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("NM104",)))
    assert [f.fix.edits[0].replacement for f in result.findings if f.fix] == [
        "Mattafeo", "Gillingham"]
    for clean in ("UChicago and XDance signed a deal; IPods sold well on VKontakte.",
                  "PRNewswire said JPMorgan and the BBC had agreed."):
        assert _found(clean, "NM104") == [], clean


def test_one_piece_of_markup_opening_line_after_line_is_one_finding() -> None:
    lines = "".join(f"Play {n} opens at the Harbour Theatre on Friday.<br />\n" for n in range(5))
    text = "What is on this week.\n\n" + lines
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("SP105",)))
    (finding,) = result.findings
    assert text[finding.start:finding.end] == "<br />" and "(on 5 lines)" in finding.message
    assert len(finding.related) == 4
    # two lines with it are two findings, as before
    two = "What is on.\n\nPlay one.<br />\nPlay two.<br />\n"
    assert _found(two, "SP105") == ["<br />", "<br />"]


def test_a_sum_in_a_currency_on_both_sides_is_no_swap() -> None:
    text = "Net sales went up 23% to Rs 1,114.7 crore from Rs 908 crore on Friday."
    assert _found(text, "GB101") == []
    assert _found("The ferry ran from Lagos to Lagos on Friday.", "GB101") != []


@pytest.mark.parametrize("furniture", [
    "Log in", "Forgot password ?", "Become a member for free", "share with twitter",
    "Show more sharing options", "Video Player is loading.", "This is a modal window.",
    "Spread the love", "This post was originally published on this site", "Article content",
    "Advertisement 1", "By posting your comment you agree to our house rules.",
    "You have successfully created your alert.", "Coming up next", "Tidak ada komentar:",
    "Đăng nhận xét", "Edit", "Key events", "Click for big version", "View 34 pics | Back to story",
    "an image, when javascript is unavailable", "Getty Images", "NPR logo", "Transcript",
    "Act now to keep your subscription", "Available transcripts are automatically generated.",
    "Kobe Bryant Photo by Kevork Djansezian/AP", "Download as docx, pdf, or txt",
    "Next page . . . . Previous page", "Listen to this article:",
    "Original Source: www.example247.com", "This content first appear on the guardian",
    "via IFTTT", "More Articles ...", "- Advertisement -", "Advert",
    "Read the original article on Harbour Times.",
    "Your web browser is no longer supported. To improve your experience update it here",
    "Similar Content", "Author's Avatar", "Filtered By: Topstories",
    "Harbour News Network Print This", "Watch CBS News", "All times stated are UK",
    "For the latest harbour news stories and videos, visit harbour.tv"])
def test_account_player_and_blog_furniture_is_boilerplate(furniture: str) -> None:
    text = f"The ferry sailed at noon on Friday.\n\n{furniture}\n\nPassengers expect delays."
    assert _found(text, "SP102") == [furniture]


def test_prose_with_furniture_words_is_not_furniture() -> None:
    for clean in ("Log in details were stolen, police said.", "Edit the draft before noon.",
                  "Key events of the week included the ferry strike.",
                  "Refresh rates matter less than battery life.",
                  "Listen to this article's critics and you would think it was a scandal.",
                  "Advert revenue fell by a third in the year to March.",
                  "Watch the harbour news live from noon."):
        assert _found(f"The ferry sailed at noon.\n\n{clean}\n\nPassengers waited.",
                      "SP102") == [], clean


def test_a_line_written_twice_back_to_back_is_a_repeated_passage() -> None:
    line = "The ferry fare rose after a narrower than expected vote in Dunmore."
    text = f"Ferry news\n\nFares are under review.\n\n{line}{line}\n\nCrews were told on Friday.\n"
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("GB103",)))
    [found] = result.findings
    assert text[found.start:found.end] == line
    assert found.start == text.index(line) + len(line)
    heading = "Fare rise after narrow vote in Dunmore"
    assert _found(f"{heading} {heading}\n\nCrews were told.\n", "GB103") == [heading]
    # a short line said twice ("Go go go go") or two different halves stay quiet
    assert _found("Ferry ferry ferry ferry\n\nIt sailed.\n", "GB103") == []


def test_a_heading_run_into_its_text_is_no_miscased_word() -> None:
    text = ("Caretaker message Before an election, the harbour board limits what it publishes "
            "on this site.")
    assert _found(text, "GB102") == []
    spun = "A delegation will present the harbour board For shuttering two piers this week."
    assert _found(spun, "GB102") == ["For"]
    # inside a line, after a function word, it is still a slip
    assert _found("Ferry news: the officials said For the second time the pier was shut "
                  "to the crews.", "GB102") == ["For"]


def test_a_row_of_marks_is_no_repeated_passage() -> None:
    text = "Ferry results\n\n+ + + + + +\n\nThe crew won.\n\n+ + + + + +\n\nThe crew lost.\n"
    assert _found(text, "GB103") == []


def test_two_headings_of_links_in_a_row_are_one_block() -> None:
    text = ("The ferry sailed at noon on Friday, and the crew said the crossing was calm.\n"
            "Keep Reading\nMost Popular\nHarbour fares to rise in spring\n"
            "The council has agreed a new timetable for the winter months, officials said on "
            "Friday after a long meeting.\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("SP101",)))
    [found] = result.findings
    assert text[found.start:found.end].startswith("Keep Reading\nMost Popular")


def test_a_field_s_value_repeated_down_a_listing_is_no_repeated_passage() -> None:
    entry = ("Location : The A1 northbound exit at junction {n} .\nReason : Congestion.\n"
             "Status : Currently Active.\nReturn To Normal : Normal traffic conditions are "
             "expected between 05:00 and 05:15 on 24 June.\n")
    text = "Road works\n" + "".join(entry.format(n=n) for n in (3, 4, 5))
    assert _found(text, "GB103") == []
    pasted = ("The ferry crew said the crossing would be delayed by at least an hour on Friday "
              "morning.\n\nFares rose.\n\nThe ferry crew said the crossing would be delayed by at "
              "least an hour on Friday morning.\n")
    assert _found(pasted, "GB103") != []


def test_a_long_sign_up_box_with_two_phrases_of_furniture_is_boilerplate() -> None:
    box = ("Sign up for our free Harbour Business newsletter - enter your email address below "
           "to get the day's biggest stories in your inbox every single morning!")
    body = "Shares in Pellmore Foods rose 3% on Tuesday after the firm raised its forecast."
    assert _found(f"{body}\n\n{box}\n\n{body}", "SP102") == [box]
    # a sentence of the story that mentions a newsletter once is no box
    story = ("The council said residents who want updates on the bridge works can sign up for "
             "our newsletter at the town hall, where staff will take names and addresses this "
             "week and next.")
    assert _found(f"{body}\n\n{story}", "SP102") == []
    # a box of three sentences: its delivery to the inbox and its way out are phrases too
    briefing = ("Sign up to our free morning briefing: get the day's top stories delivered "
                "straight to your inbox. Enter your email address and tap Subscribe. You can "
                "unsubscribe at any time.")
    assert _found(f"{body}\n\n{briefing}\n\n{body}", "SP102") == [briefing]


def test_a_block_of_the_site_s_links_after_the_story_is_information() -> None:
    from checker.findings import Severity

    story = ("The harbour board met on Tuesday to discuss the new ferry timetable for the "
             "summer season.\n\nFares will rise by five per cent from June, the board said.\n\n")
    def severities(text: str) -> list[Severity]:
        result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("SP101",)))
        return [f.severity for f in result.findings]

    links = "Related: Ferry timetable in full | Harbour board minutes | Fares explained\n"
    assert severities(story + links) == [Severity.INFO]
    # one teaser at the end, or links in the body, stay warnings
    assert severities(story + "Read more: Ten celebrity homes you will not believe\n") == [
        Severity.WARNING]
    body = story + links + "\nThe board will meet again in July to agree the winter fares.\n"
    assert severities(body) == [Severity.WARNING]


def test_a_line_of_several_teasers_may_be_longer_than_one() -> None:
    story = ("The album was released on Friday to strong reviews from critics across the "
             "country and abroad.\n\n")
    teasers = ("You may also like: Soap star unrecognisable after shock makeover | 12 celebrity "
               "couples who secretly split this year | Why doctors are begging people to stop "
               "eating this breakfast food")
    after = ("\n\nThe band will tour in the spring, starting in Leeds and ending in Glasgow "
             "in May.\n")
    assert _found(story + teasers + after, "SP101") == [teasers]
    # one long sentence that opens like a teaser is still prose
    prose = ("You may also like the second half of the record, where the band slows down and "
             "the songs about home and family and the long drive north finally come into focus "
             "for the first time.")
    assert _found(story + prose + after, "SP101") == []


def test_stock_phrases_as_a_spinning_tool_renders_them() -> None:
    spun = ("Severe storms are causing a whole lot of prepare cancellations on the first day "
            "of the yr. The chief government officer of the operator blamed local weather "
            "change, and the Home of Representatives will hear from him.")
    assert _found(spun, "GB108") == ["prepare cancellations", "of the yr",
                                     "chief government officer", "local weather change",
                                     "Home of Representatives"]
    for clean in ("The local weather changed quickly, and the home of representatives of the "
                  "old guilds was sold.",  # an entry with capitals needs its capitals
                  "The chief executive officer blamed climate change for the delays.",
                  "Staff prepare cancellation notices when a storm is forecast."):
        assert _found(clean, "GB108") == [], clean
    # a spinner's renderings of a chemist's obituary (batch O)
    spun = ("His family would lay him to relaxation in Japan. Chemists mixed them in their "
            "check tubes, and the method was dazzling-tuned like Lego constructing blocks.")
    assert _found(spun, "GB108") == ["lay him to relaxation", "check tubes", "dazzling-tuned",
                                     "constructing blocks"]


def test_a_figure_with_its_first_digit_spelled_out_is_spun() -> None:
    from checker.fixes import apply_edits

    text = ("The firm employs about two,200 men and women and plans to cut two.5 per cent of "
            "them. Two, 200 of them work in Leeds, and one of the two sites closes.")
    result = check_text(text, "draft.txt", "text", Settings(use_model=False, select=("GB108",)))
    (finding,) = result.findings
    assert text[finding.start:finding.end] == "two,200"
    assert [text[r.start:r.end] for r in finding.related] == ["two.5"]
    assert finding.fix is not None
    assert apply_edits(text, finding.fix.edits).startswith(
        "The firm employs about 2,200 men and women and plans to cut 2.5 per cent")


def test_a_test_match_as_a_spinning_tool_renders_it() -> None:
    spun = ("Pakistan won the second Take a look at in Multan to level the Take a look at "
            "collection. Take a look at match reports from the ground below.")
    assert _found(spun, "GB108") == ["second Take a look at", "Take a look at collection"]


def test_a_spun_phrase_s_fix_puts_the_usual_phrase_back_in_its_case() -> None:
    from checker.fixes import apply_edits

    text = "Local weather change was the theme. Leaders met at the Overseas Workplace."
    result = check_text(text, "draft.txt", "text", Settings(use_model=False, select=("GB108",)))
    findings = [f for f in result.findings if f.code == "GB108"]
    assert [f.fix.description for f in findings if f.fix] == [
        "write 'climate change'", "write 'Foreign Office'"]
    edits = tuple(e for f in findings if f.fix for e in f.fix.edits)
    assert apply_edits(text, edits) == ("Climate change was the theme. Leaders met at the "
                                        "Foreign Office.")


def test_one_spun_phrase_written_again_is_one_finding_with_one_fix() -> None:
    from checker.fixes import apply_edits

    text = ("The New York Occasions said the man was held, a legislation enforcement official "
            "informed The Related Press. The New York Occasions and CNN reported it first.")
    result = check_text(text, "draft.txt", "text", Settings(use_model=False, select=("GB108",)))
    assert result.document is not None
    found = [(text[f.start : f.end], len(f.related)) for f in result.findings]
    assert found == [("New York Occasions", 1), ("legislation enforcement", 0),
                     ("Related Press", 0)]
    assert "(2 times)" in result.findings[0].message
    edits = tuple(e for f in result.findings if f.fix for e in f.fix.edits)
    assert apply_edits(text, edits) == (
        "The New York Times said the man was held, a law enforcement official informed The "
        "Associated Press. The New York Times and CNN reported it first.")


def test_a_name_in_a_sentence_about_its_spelling_is_meant() -> None:
    """A corrections column writes the wrong spelling beside the right one on purpose."""
    column = ("In a feature about video makers, we misspelled Marisa Delgano's surname "
              "several times as Delgado. The director of the Harbour Players' Seagull is "
              "Peter Waddell, not Peter Waddel as we had it. Marisa Delgano also says the "
              "festival is for teenagers. Peter Waddell's next play opens in May.")
    assert _found(column, "NM101") == []
    # the same slip outside such a sentence is still one
    slip = ("The director of the Harbour Players' Seagull is Peter Waddell. Peter Waddel's "
            "next play opens in May, and Peter Waddell will direct it.")
    assert _found(slip, "NM101") == ["Waddel"]


def test_a_correction_that_says_what_a_name_should_have_read_is_meant() -> None:
    column = ("Letters to the editor. The bus station should stay where it is, writes Anne "
              "Corbel of Mill Road. Corrections: last week we printed the name of the writer of "
              "a letter about bin collections as Karl Brenner. It should have read Karl "
              "Bremner. Karl Bremner writes again this week about the bins.")
    assert _found(column, "NM101") == []
    wrongly = ("The writer of last week's letter on parking was wrongly printed as Karl Brenner. "
               "Karl Bremner lives in Mill Road, and Karl Bremner writes again this week.")
    assert _found(wrongly, "NM101") == []
    slip = ("Last week Karl Bremner wrote about the bins. Karl Bremner writes again this week, "
            "and Karl Brenner says the council has not replied.")
    assert _found(slip, "NM101") != []  # outside such a sentence, still one name two ways


def test_two_spellings_joined_by_and_are_two_names() -> None:
    twins = ("Burgess was charged with causing grievous bodily harm to Jahmal and Jahmil "
             "Cooper at a house in Devonshire. He will appear again in May.")
    assert _found(twins, "NM101") == []
    apart = ("Burgess was charged with causing grievous bodily harm to Jahmal Cooper at a "
             "house in Devonshire. Jahmil Cooper's family were in court.")
    assert _found(apart, "NM101") != []
    # a slip beside the name it slips from, which the word list knows far better, is a slip
    slip = ("The add-on is designed to work alongside Outliok and Outlook Express, the firm "
            "said. Searching mail is now as quick as searching the web.")
    assert _found(slip, "NM101") == ["Outliok"]


def test_a_quoted_sentence_under_a_read_more_line_is_the_story_s() -> None:
    """A "READ MORE" dropped into a quotation that runs over two paragraphs: the line under it
    is the speaker's next sentence, not a teaser, and the safe fix must not remove it."""
    text = ("Swansea beaten\n\n“We raised the tempo in the second half,” he told reporters. "
            "“There was a slight tactical change too.\n\nREAD MORE\n\n“It worked and we went on "
            "to win the game.”\n\nThe win lifts them to fifth in the table.\n")
    assert _found(text, "SP101") == ["READ MORE"]
    # a teaser headline under it is still part of the block
    teaser = text.replace("“It worked and we went on to win the game.”",
                          "Swansea boss hails tactical change in win over rivals")
    assert _found(teaser, "SP101") == ["READ MORE\n\nSwansea boss hails tactical change in win "
                                       "over rivals"]


def test_one_name_twice_in_a_list_of_names_is_a_swapped_entity() -> None:
    text = ("Several buildings collapsed in the neighbouring provinces of Malatya, Diyarbakir "
            "and Malatya, television reported.")
    assert _found(text, "GB101") == ["Malatya, Diyarbakir and Malatya"]
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("GB101",)))
    assert "twice in one list" in result.findings[0].message
    assert _found("Flights to New York, Boston or New York were cancelled.",
                  "GB101") == ["New York, Boston or New York"]
    for clean in ("Suitors include Kimberly-Clark, Johnson & Johnson, and private equity firms.",
                  "Rain fell in Leeds, York and Hull, and York flooded again.",
                  "Rain fell in Leeds, York and Hull.\n\nIn York the river rose."):
        assert _found(clean, "GB101") == [], clean


def test_cities_turned_into_metropolis_are_one_spun_finding() -> None:
    text = ("Coventry Metropolis host Birmingham Metropolis at lunchtime, while Actual Madrid "
            "face Atletico.\n\nSwansea Metropolis play Millwall and Coventry Metropolis lead "
            "the table.\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("GB108",)))
    found = {text[f.start:f.end]: f for f in result.findings}
    assert set(found) == {"Coventry Metropolis", "Actual Madrid"}
    city = found["Coventry Metropolis"]
    assert len(city.related) == 3 and city.fix is not None
    assert [e.replacement for e in city.fix.edits] == ["Coventry City", "Birmingham City",
                                                       "Swansea City", "Coventry City"]
    # a film, a cinema, and a name the list holds (found once, by the list)
    assert _found("Fritz Lang's Metropolis was shown at The Metropolis cinema.", "GB108") == []
    assert _found("The mayor of New York Metropolis spoke.", "GB108") == ["New York Metropolis"]


def test_a_people_s_word_or_a_longer_name_in_its_own_place_is_still_a_swap() -> None:
    assert _found("It is the second Turkish investment in Turkish to run into trouble.",
                  "GB101") == ["Turkish investment in Turkish"]
    assert _found("The firm owns the Olympic Dam mine in Olympic Dam, which holds uranium.",
                  "GB101") == ["Olympic Dam mine in Olympic Dam"]
    assert _found("The Onagawa nuclear power plant in Onagawa was shut.", "GB101") == []


def test_a_teaser_opened_by_a_word_in_capitals_or_go_deeper_is_injected() -> None:
    story = "The ferry sailed at noon on Friday, the harbour master said.\n\n"
    for teaser in ("RELATED Experts urge Congress to switch the country to daylight saving time",
                   "Go deeper: Watch NASA's video detailing the discovery"):
        assert _found(story + teaser + "\n", "SP101") == [teaser], teaser
    # a sentence that opens on the word in capitals, or in lower case after it, is prose
    for prose in ("WATCH out for the ferry on Friday, the harbour master said.",
                  "Related Experts Group members met the harbour board on Friday."):
        assert _found(story + prose + "\n", "SP101") == [], prose


def test_a_long_caption_ending_on_its_picture_s_credit_is_boilerplate() -> None:
    caption = ("The prime minister speaks at the government offices in Harbour City on Sunday, "
               "after declaring victory in the federal election. Photograph: Ann Lee/AFP/Getty "
               "Images")
    text = f"The vote was close.\n\n{caption}\n\nCounting went on.\n"
    assert _found(text, "SP102") == [caption]
    # a long sentence that only mentions a photograph is prose
    prose = ("The minister said the photograph was taken in Harbour City on Sunday, after "
             "declaring victory in the federal election, at the end of a long night of counting.")
    assert _found(f"The vote was close.\n\n{prose}\n", "SP102") == []


def test_a_writer_s_note_on_a_page_s_last_line_is_boilerplate() -> None:
    story = "The firm posted a loss on Monday, its chief executive said.\n\n"
    note = "Ann Lee is a staff writer for Harbour News. Visit the site for the latest news."
    assert _found(story + note + "\n", "SP102") == [note]
    # the same sentence opening the story, or telling of the writer, is the story
    assert _found(note + "\n\n" + story, "SP102") == []
    told = "Ann Lee is a reporter for Harbour News who was detained in May."
    assert _found(story + told + "\n", "SP102") == []


def test_a_schedule_s_programmes_and_a_written_answer_s_minister_repeat_by_design() -> None:
    day = ("06:00 Westmoor Breakfast with Dan Fuller and Kerry Adjei\n10:00 Mid-Mornings with "
           "Sally Brennan\n19:00 The Evening Show with Jamie Cross\n")
    assert _found(f"Radio schedule\n\nMonday\n{day}\nTuesday\n{day}", "GB103") == []
    answer = "Answered by Richard Oyelowo, Minister for Local Transport"
    items = "".join(f"Asked by {mp}\nTo ask the Secretary of State for Transport about {what}.\n\n"
                    f"{answer}\nThe department has no figures on {what}.\n\n"
                    for mp, what in (("Helen Marchbank (Eastwold)", "rural buses"),
                                     ("Gareth Lowe (Harrowmouth)", "road repairs")))
    assert _found(items, "GB103") == []
    # a story's sentence pasted twice is still found
    story = ("The mayor said the new bridge would open in the spring of next year after delays."
             "\n\nIt was late.\n\nThe mayor said the new bridge would open in the spring of next "
             "year after delays.\n")
    assert len(_found(story, "GB103")) == 1


def test_contact_us_over_the_ways_to_reach_the_service_is_the_page_s_own_heading() -> None:
    page = ("Can I get a refund?\nOnly within 14 days of signing up.\n\nContact us\n\n"
            "Online: use the garden waste form in your account\nPhone: 01632 960 418\n")
    assert _found(page, "SP102") == []
    # a footer's "Contact us" among the site's links is still furniture
    footer = ("The council approved the plan on Monday.\n\nContact us\n\nPrivacy policy\n\n"
              "Cookies\n")
    assert _found(footer, "SP102") == ["Contact us"]


def test_a_reaction_widget_that_asks_how_the_story_made_you_feel_is_boilerplate() -> None:
    widget = "How does this story make you feel?  Happy 18 | Surprised 6 | Sad 1 | Angry 0"
    text = f"The festival sold out in a day.\n\n{widget}\n\nTickets go on resale in May."
    assert _found(text, "SP102") == [widget]
    assert _found("How does this story make you feel, she asked the jury, and why?",
                  "SP102") == []
    asked = "What do you think of this story? Like 214 | Love 12 | Wow 37 | Sad 512 | Angry 19"
    assert _found(f"The festival sold out in a day.\n\n{asked}\n", "SP102") == [asked]
    # the question with a prompt of the paper's own is a request for letters, not a widget
    assert _found("The festival sold out.\n\nWhat do you think of this story? Write to "
                  "letters@kelton.example.\n", "SP102") == []


def test_one_name_on_both_sides_of_a_dispute_or_a_comparison_is_a_swap() -> None:
    dispute = ("Oltmark says the trawler was fishing illegally inside its zone; Oltmark says it "
               "was in international waters.")
    assert _found(dispute, "GB101") == [dispute[:dispute.rindex("Oltmark") + 7]]
    compared = ("The list fell nationally. However, in Northmoor it rose from 30,150 to 31,640, "
                "and in Northmoor from 26,990 to 27,480.")
    assert len(_found(compared, "GB101")) == 1
    # two sides, two names; one speaker's two claims in two sentences
    assert _found(dispute.replace("; Oltmark says", "; Sarvania says"), "GB101") == []
    assert _found(compared.replace("and in Northmoor", "and in Westmarch"), "GB101") == []
    assert _found("Oltmark says the trawler was fishing illegally. Oltmark says it will appeal.",
                  "GB101") == []


@pytest.mark.parametrize(("swapped", "right"), [
    ("Marcus Vail won best actor for The Long Quiet, beating Marcus Vail and Walter Brisco.",
     "Marcus Vail won best actor for The Long Quiet, beating Idris Malone and Walter Brisco."),
    ("The University of Dunmere received £31 million for hydrogen storage, and the University "
     "of Dunmere £26 million for grid software.",
     "The University of Dunmere received £31 million for hydrogen storage, and the Castlebridge "
     "Institute £26 million for grid software."),
    ("Colley won the ball and fed Wrobel, whose cross from the left was met by Wrobel with a "
     "header.",
     "Colley won the ball and fed Wrobel, whose cross from the left was met by Dunmore with a "
     "header."),
    ("The ferry struck rocks on its crossing from Portmorran to the island of Portmorran.",
     "The ferry struck rocks on its crossing from Portmorran to the island of Inchmurran."),
    ("The trust paid £1.1m to Pellis Events, which ran its gala, and £700,000 to Pellis Events, "
     "which ran its campaigns.",
     "The trust paid £1.1m to Pellis Events, which ran its gala, and £700,000 to Stourbridge "
     "Marketing, which ran its campaigns."),
    ("The two firms overlapped heavily on the Gullhaven-to-Gullhaven route.",
     "The two firms overlapped heavily on the Gullhaven-to-Kelton route."),
    ("The lifeboat towed the trawler from Gullhaven harbour to Gullhaven harbour overnight.",
     "The lifeboat towed the trawler from Skerry Point to Gullhaven harbour overnight."),
    ("Northgate bought the Courier from Northgate, who had owned it for four generations.",
     "Northgate bought the Courier from the Tasker family, who had owned it for generations."),
    ("The court heard evidence from Helen Marsh, his GP, and from Helen Marsh, the solicitor.",
     "The court heard evidence from Farid Haddad, his GP, and from Helen Marsh, the solicitor."),
    ("Flight SK412 had left Gullhaven at 13:05 bound for Gullhaven when the warning came.",
     "Flight SK412 had left Gullhaven at 13:05 bound for Kelton when the warning came."),
    ("After the recount, Hallowell gained two votes to finish with 9,619, while Hallowell gained "
     "11 to finish with 9,605.",
     "After the recount, Hallowell gained two votes to finish with 9,619, while Pryce gained 11 "
     "to finish with 9,605."),
    ("Results showed Delgado with 17,842 votes, or 54.2%, to Delgado's 14,689, or 44.6%.",
     "Results showed Delgado with 17,842 votes, or 54.2%, to Halvorsen's 14,689, or 44.6%."),
    ("The award was welcomed by both the National Union of Classroom Teachers and the National "
     "Union of Classroom Teachers.",
     "The award was welcomed by both the National Union of Classroom Teachers and the Schools "
     "Leaders' Union."),
    ("Its artistic director, Naomi Brandt, and executive director, Naomi Brandt, said so.",
     "Its artistic director, Naomi Brandt, and executive director, Colin Ashworth, said so."),
    ("The parade set off from St Aldhelm's Church at 4.30pm and made its way along Bridge Street "
     "to St Aldhelm's Church.",
     "The parade set off from St Aldhelm's Church at 4.30pm and made its way along Bridge Street "
     "to the Market Square."),
])
def test_a_name_in_the_slot_of_a_rival_a_second_subject_an_agent_or_a_route_s_end(
        swapped: str, right: str) -> None:
    assert len(_found(swapped, "GB101")) == 1
    assert _found(right, "GB101") == []


def test_one_side_doing_two_different_things_in_a_contrast_stays_quiet() -> None:
    # a contrast of one actor's two acts is no swap: only the same act set against itself is
    assert _found("Hallowell gained two votes in the north, while Hallowell lost 11 in the "
                  "south.", "GB101") == []
    assert _found("The ferry left Gullhaven at noon, bound for the islands.", "GB101") == []
    # a procession that goes back to where it set off is a loop, not a swap
    assert _found("The parade set off from St Aldhelm's Church at 4.30pm and made its way back to "
                  "St Aldhelm's Church.", "GB101") == []


def test_a_people_of_a_place_and_a_winner_beating_a_record_stay_quiet() -> None:
    assert _found("Britain and the people of Britain deserve better.", "GB101") == []
    assert _found("Kenya won the relay, beating Ethiopia by a second.", "GB101") == []
    assert _found("Smith, whose novel was praised by critics, won.", "GB101") == []


def test_days_of_the_week_in_two_slots_are_no_actors() -> None:
    text = "Monday: closed, except bank holiday Mondays and Mondays during school holidays."
    assert _found(text, "GB101") == []


def test_a_results_page_s_own_note_on_its_times_is_not_furniture() -> None:
    note = "All times are local. Full results are available on the Games website."
    assert _found(f"The relay final starts at 7pm.\n\n{note}\n", "SP102") == []
    # alone on its line, a live page's note is still furniture
    assert _found("The relay final starts at 7pm.\n\nAll times are UK\n", "SP102") == [
        "All times are UK"]


def test_two_names_of_one_coast_that_share_no_other_word_are_two_places() -> None:
    text = ("The charity will watch the kittiwakes at nearby Scarn Head.\n\nThe other two wind "
            "farms, Redcliff Deep and Long Scar, are already generating power.\n")
    assert _found(text, "NM101") == []
    # a slip keeps the rest of its name
    slip = ("The maternity unit at Gulhaven Royal Infirmary delivered 2,140 babies.\n\nThe "
            "Gullhaven Royal Infirmary will keep its unit, the board said. Mothers in "
            "Gullhaven Royal Infirmary's wards were relieved.\n")
    assert _found(slip, "NM101") == ["Gulhaven"]


def test_a_house_s_name_and_a_person_s_surname_one_letter_apart_are_two_names() -> None:
    text = ("A reception was held at Tollard Manor. The couple will live in Bergen.\n\n"
            'Congratulations to Mrs Winifred "Win" Tolland, who is 100 today.')
    assert _found(text, "NM101") == []
    # the house named twice, once misspelt, is still a slip
    slip = text.replace('Mrs Winifred "Win" Tolland', "the staff of Tolland Manor")
    assert _found(slip, "NM101") != []


def test_a_name_introduced_in_full_and_written_twice_beats_a_spelling_the_web_knows_better(
        ) -> None:
    text = ("The Home Affairs Minister, Bernard Kessell, said the figures were working. "
            "Kessell added that more staff had been hired.\n\n"
            "Mr Kessel said the backlog had fallen.")
    assert _found(text, "NM101") == ["Kessel"]


def test_a_page_that_names_people_by_a_given_name_and_an_initial_is_following_a_convention(
        ) -> None:
    page = ("Goals came from Ruby T (2), Kai M (2) and Amir S.\n\n"
            "Player of the tournament was Grace O, who was outstanding in defence.\n\n"
            "Special congratulations to Leo P, who finished third.")
    assert _found(page, "NM102") == []
    # one name cut off is still a slip
    assert _found("Player of the tournament was Grace O, who was outstanding in defence.",
                  "NM102") == ["Grace O"]


def test_a_programme_in_a_slot_of_hours_on_two_days_is_no_pasted_passage() -> None:
    page = ("Brannock Sound presenter schedule\n\nMONDAY TO FRIDAY\n\n"
            "6am to 9am: The Breakfast Show with Ray Penberthy\n"
            "News, travel and the papers.\n\n"
            "9am to 1pm: Mornings with Jo Tregear\n"
            "Phone-ins and the lunchtime quiz.\n\n"
            "10pm to 1am: Late Night Brannock with Alice Penrose\n"
            "Quieter music, listeners' messages and, on Thursdays, the book club.\n\n"
            "SUNDAY\n\n"
            "4pm to 7pm: The Chart Rewind with Sunita Rao\n"
            "7pm to 10pm: Sunday Night Sessions with Marcus Oyelaran\n"
            "10pm to 1am: Late Night Brannock with Alice Penrose\n\n"
            "WHAT'S CHANGED THIS SEASON\n\nThe Chart Rewind moves to Sunday afternoons.\n")
    assert _found(page, "GB103") == []


def test_a_street_s_name_and_an_inflected_form_of_its_word_are_two_words() -> None:
    page = ("6. 4 Lanyon Terrace, Penmorva\n"
            "£1,100 pcm | 2 bedrooms | 1 bathroom | Terraced cottage | Available now\n")
    assert _found(page, "NM101") == []
    # a misspelt street's name is still a slip
    slip = ("Flats on Lanyon Terrace sold quickly.\n\nThe Lanyon Terrace flats were built in "
            "1890.\n\nA resident of Lanyon Terrase said prices had doubled.\n")
    assert _found(slip, "NM101") == ["Terrase"]


def test_a_timetable_s_slots_from_noon_repeat_by_design() -> None:
    text = ("Pool timetable\n\nMonday\n12 noon to 1.30pm: Lane swimming (4 lanes) and public swim"
            "\n6pm to 8pm: Public swim\n\nTuesday\n12 noon to 1.30pm: Lane swimming (4 lanes) and "
            "public swim\n6pm to 8pm: Aqua fit\n\nWednesday\n12 noon to 1.30pm: Lane swimming "
            "(4 lanes) and public swim\n")
    assert _found(text, "GB103") == []


def test_a_reaction_widget_with_emoji_and_a_newsletter_box_are_boilerplate() -> None:
    widget = "What did you think of this story? 👍 Like (214) | 😮 Wow (37) | 😢 Sad (5)"
    assert _found(f"The race ended in the rain.\n\n{widget}\n\nOrganisers thanked the crews.\n",
                  "SP102") == [widget]
    box = ("Get the Dunmore Daily newsletter – the biggest local stories in your inbox every "
           "morning. Enter your email address [Sign up] We will never share your details.")
    assert _found(f"The shop opened on Monday.\n\n{box}\n\nStaff said demand was high.\n",
                  "SP102") == [box]


def test_a_notice_s_have_your_say_heading_over_its_prose_is_its_section() -> None:
    own = ("Route 12 will run every 20 minutes from Monday.\n\nHave your say\n\nIf you have "
           "comments on these changes, please call our customer services team on weekdays "
           "or write to us.\n")
    assert _found(own, "SP102") == []
    # a comment form's heading stands over its fields
    assert _found(own.replace("Have your say\n\n", "Have your say\n\nLeave a Reply\n\n"),
                  "SP102") != []


def test_goods_made_where_they_are_sold_name_one_place_twice() -> None:
    assert _found("About 80% of what we sell in North America is made in North America, "
                  "the chief executive said.", "GB101") == []
    assert _found("The flight from Lagos to Lagos was late.", "GB101") == ["Lagos to Lagos"]


def test_a_case_on_a_court_list_may_be_named_for_one_surname() -> None:
    listing = "10:10am | K4KT0230 | Ridley v Ridley and Okafor | Possession\n"
    assert _found(listing, "GB101") == []
    assert _found("Fans watched Harbour Town v Harbour Town on Sunday.", "GB101") == [
        "Harbour Town v Harbour Town"]


def test_a_section_heading_over_each_witness_s_evidence_may_repeat() -> None:
    heading = "Questions from counsel for the bereaved families"
    part = ("{name} told the inquiry that the inspection reports had been passed to the "
            "engineering team within a week of their completion.")
    text = (f"Inquiry day 23: the footbridge collapse\n\n{part.format(name='Mr Aspinall')}\n\n"
            f"{heading}\n\nMr Aspinall accepted that the capital bid had been rejected twice "
            f"before the collapse and that nobody had chased it.\n\n"
            f"{part.format(name='Mr Pemberton')}\n\n{heading}\n\nMr Pemberton said he had "
            f"marked the report urgent and had no reply from the finance office.\n")
    assert _found(text, "GB103") == []
    # the same line over no paragraph of prose is a line pasted twice
    assert _found(text + f"\n{heading}\n", "GB103") == [heading]
    # a sentence of news that lost its full stop is no heading, over prose or not
    lost = ("The trade deficit widened by more than expected in October, hitting record levels "
            "as oil prices rose, figures have shown")
    story = "Imports rose by 4% in the month while exports fell, the commerce department said."
    later = "Exports of aircraft and machinery fell for a second month, the department added."
    assert _found(f"Trade figures\n\n{lost}\n\n{story}\n\nAnalysts had expected less.\n\n"
                  f"{lost}\n\n{later}\n", "GB103") == [lost]


def test_a_surname_introduced_then_written_bare_another_way_is_a_slip() -> None:
    text = ("Warden Lorraine Whitcomb said the prison would stay on lockdown.\n\n"
            "Whitcombe stated that staff on duty would be offered counselling.")
    assert _found(text, "NM101") == ["Whitcombe"]
    text = ("Council leader James Thornton said the plan would go ahead.\n\n"
            "Mr Thornton told a meeting that 400 homes would be built.\n\n"
            "Thorton said the council had commissioned a survey.")
    assert _found(text, "NM101") == ["Thorton"]
    text = ("Silverline chief executive Darnell Whitcombe praised the tour.\n\n"
            "Whitcomb stated that demand for the presale had been unprecedented.")
    assert _found(text, "NM101") == ["Whitcomb"]
    # a bare name as common on the web as a firm's, known only by the verb after it, is left
    # alone ("Philips said" beside "Sarah Phillips"); so are two people each with a given name
    for clean in ("Sarah Phillips chairs the board.\n\nPhilips said it would cut 400 jobs.",
                  "Lorraine Whitcomb spoke first.\n\nDavid Whitcombe spoke second."):
        assert _found(clean, "NM101") == [], clean


def test_one_name_set_against_itself_or_asked_to_act_against_itself_is_a_swap() -> None:
    assert _found("Ms Lenz said it was Kaldoria, not Kaldoria, that had broken the accord.",
                  "GB101") == ["Kaldoria, not Kaldoria"]
    assert _found("The vote went to Delmont instead of Delmont.", "GB101") == [
        "Delmont instead of Delmont"]
    assert _found("Ms Pryce called on the prime minister to dismiss Ms Pryce before Friday.",
                  "GB101") == ["Ms Pryce called on the prime minister to dismiss Ms Pryce"]
    for clean in ("The match is on Saturday, not Sunday.", "He meant Paris, not Paris, Texas.",
                  "Ms Pryce called on the prime minister to dismiss Mr Haddon.",
                  "The Kelton side rather than Kelton fans will pay for the repairs."):
        assert _found(clean, "GB101") == [], clean


def test_a_cry_repeated_is_no_list_of_names() -> None:
    assert _found("HOLD, HOLD, HOLD. The countdown has stopped at T-minus 4 minutes.",
                  "GB101") == []
    assert _found("The crowd chanted Yes, Yes, Yes as the result came in.", "GB101") == []
    assert _found("Loans came from First Meridian Bank, First Meridian Bank and two smaller "
                  "lenders.", "GB101") == ["First Meridian Bank, First Meridian Bank"]


def test_two_plurals_of_common_nouns_are_two_names() -> None:
    listing = ("10.20pm Match Report: Kelton Harriers v Gullhaven Rovers.\n\n"
               "7.00pm The Book Club: Sinead Carver discusses The Weight of Rivers.\n")
    assert _found(listing, "NM101") == []
    # a surname written three times is no other noun's plural written once
    text = ("Sarah Phillips chairs the board. Phillips said the vote was close, and Phillips "
            "will stand again.\n\nMs Philips said she would publish the figures.")
    assert _found(text, "NM101") == ["Philips"]


def test_a_look_ahead_that_names_the_page_s_teams_is_its_own() -> None:
    page = ("The Mariners beat the Comets 102-99 at the Harbour Arena.\n\n"
            "Up next: The Mariners visit Lakeport on Friday.\n")
    assert _found(page, "SP101") == []
    teaser = page.replace("The Mariners visit Lakeport on Friday.",
                          "Ten celebrity homes you have to see.")
    assert _found(teaser, "SP101") == ["Up next: Ten celebrity homes you have to see."]


def test_one_field_s_words_under_two_records_are_no_repeat() -> None:
    weekend = ("{day}\nLine: Kelton to Hollinbeck\nWork: {work}\nWhat it means for you: No trains "
               "between Kelton and Hollinbeck on {when}. Rail replacement buses will run between "
               "Kelton and Hollinbeck, calling at Fellgate.\n\n")
    calendar = "Engineering works\n\n" + "".join(
        weekend.format(day=day, work=work, when=when) for day, work, when in (
            ("Saturday 8 November", "Track renewal at Fellgate", "Saturday"),
            ("Sunday 16 November", "Signalling upgrade", "Sunday morning"),
            ("Saturday 22 November", "Bridge strengthening at Fellgate", "both days")))
    assert _found(calendar, "GB103") == []
    # the same words in prose, twice, are a repeat
    prose = calendar.replace("What it means for you: ", "")
    assert _found(prose, "GB103") != []


def test_a_route_from_a_place_of_a_kind_to_itself_is_a_swap() -> None:
    assert _found("The ferry was crossing from the port of Bayan Lor to the island town of Bayan "
                  "Lor when it sank.", "GB101") == [
        "Bayan Lor to the island town of Bayan Lor"]
    assert _found("The ferry runs from the port of Bayan Lor to the island town of Sarap.",
                  "GB101") == []


def test_a_side_against_itself_in_a_fixture_or_a_ranking_clause_is_a_swap() -> None:
    assert _found("The trust will march before Rovers' opening home fixture of the season, "
                  "against Rovers on 10 August.", "GB101") == [
        "Rovers' opening home fixture of the season, against Rovers"]
    assert _found("Leon Castellano of Brazil, who finished second behind Castellano in the "
                  "final, called it a sad day.", "GB101") == [
        "Castellano of Brazil, who finished second behind Castellano"]
    for clean in ("Fans gathered before Rovers' opening home fixture, against Harbour Town.",
                  "Leon Castellano of Brazil, who finished second behind Bellamy in the final, "
                  "called it a sad day."):
        assert _found(clean, "GB101") == [], clean


def test_a_debate_s_courtesy_to_the_chair_may_open_two_speeches() -> None:
    opening = "It is a pleasure to serve under your chairmanship, Dame Philippa."
    page = (f"Ruth Okafor (Brantwell East) (Lab)\n\n{opening} I am grateful to the committee "
            "for granting this debate on rural bus services.\n\n"
            "Tom Hesketh (Minister for Local Transport)\n\n"
            f"{opening} I congratulate the hon. Member on securing the debate.\n")
    assert _found(page, "GB103") == []
    # a sentence of the speech itself said twice is still a repeat
    said = "Three villages in my constituency lost their only bus service in the spring."
    twice = page.replace("I am grateful", said + " I am grateful").replace(
        "I congratulate", said + " I congratulate")
    assert _found(twice, "GB103") == [said]


def test_a_name_ranked_after_itself_is_a_swap() -> None:
    swapped = "Chile is the world's second largest producer of lithium after Chile."
    assert _found(swapped, "GB101") == [swapped[:-1]]
    assert _found("Chile is the world's second largest producer of lithium after Australia, "
                  "and Chile wants to double it.", "GB101") == []
    assert _found("Kenya became the third country to sign the accord, after Ghana and Togo.",
                  "GB101") == []


def test_where_someone_is_from_then_an_institution_of_that_place_is_no_swap() -> None:
    assert _found("Update, 13:15: A 29-year-old man from Dunholme attended Dunholme police "
                  "station by appointment this morning.", "GB101") == []
    assert _found("A man of Halifax is to appear in Halifax provincial court.", "GB101") == []
    # the place on both ends of a route is still a swap
    assert _found("The flight from Lagos to Lagos was cancelled.", "GB101") == [
        "Lagos to Lagos"]


def test_a_listing_s_title_line_inside_two_entries_is_no_repeat() -> None:
    page = ("Homes for sale in Ashwell Green\n\n"
            "£650,000\n4 bedroom detached house for sale\nMeadow View, Lower Tenby Road\n"
            "4 bed | 2 bath | 2 reception\n\n"
            "£595,000\n4 bedroom detached house for sale\n14 Kingfisher Way\n"
            "4 bed | 2 bath | 2 reception\n")
    assert _found(page, "GB103") == []
    # a title pasted twice as a paragraph of its own is still a repeat
    pasted = "Harbour wall repairs to start in May\n\n" + page + (
        "\nHarbour wall repairs to start in May\n")
    assert _found(pasted, "GB103") == ["Harbour wall repairs to start in May"]
