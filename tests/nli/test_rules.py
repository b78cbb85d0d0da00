"""The contradiction and off-topic rules, run the way the CLI runs them (engine.check_text)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine import check_text
from checker.rules.base import Rule
from checker.rules.contradiction import (
    ModelContradiction,
    ReversedConsequence,
    ReversedStance,
    SettledCondition,
    WordFlipContradiction,
)
from checker.rules.offtopic import OffTopicLine

SEED = Path(__file__).resolve().parents[2] / "seeds" / "niger-withdrawal.txt"


def codes(text: str, select: tuple[str, ...], use_model: bool = True) -> list[str]:
    result = check_text(text, "draft.txt", settings=Settings(select=select, use_model=use_model))
    assert result.error is None
    return [f.code for f in result.findings]


def test_word_flip_examples_without_model() -> None:
    for bad in WordFlipContradiction.bad_examples:
        assert codes(bad, ("CT102",), use_model=False) == ["CT102"]
    for good in WordFlipContradiction.good_examples:
        assert codes(good, ("CT102",), use_model=False) == []


def test_word_flip_finding_points_at_later_sentence() -> None:
    text = (
        "The central bank raised interest rates on Wednesday.\n\n"
        "Analysts had expected the move.\n\n"
        "The central bank cut interest rates on Wednesday."
    )
    result = check_text(text, "d.txt", settings=Settings(select=("CT102",), use_model=False))
    (finding,) = result.findings
    assert text[finding.start : finding.end].startswith("The central bank cut")
    assert finding.related and finding.related[0].start == 0
    assert finding.category == "contradiction" and finding.confidence


def test_number_flip_is_in_number_category() -> None:
    text = (
        "The fire killed 12 people in the town on Monday.\n\n"
        "The fire killed 15 people in the town on Monday."
    )
    result = check_text(text, "d.txt", settings=Settings(select=("CT102",), use_model=False))
    assert [f.category for f in result.findings] == ["number"]


COMMENTARY = (
    "Kick-off at Ferris Park.\n"
    "Foul by Ivan Petrov (Fenwick Albion).\n"
    "Goal! Corran Athletic 1, Fenwick Albion 0. Kieran Walsh (Corran Athletic) header from very "
    "close range.\n"
    "Ivan Petrov (Fenwick Albion) wins a free kick in the attacking half.\n"
    "Goal! Corran Athletic 1, Fenwick Albion 1. Joel Ames (Fenwick Albion) right footed shot "
    "from outside the box.\n"
    "First Half ends, Corran Athletic 1, Fenwick Albion 1.\n"
    "Goal! Corran Athletic 2, Fenwick Albion 1. Danny Fox (Corran Athletic) left footed shot.\n"
)


def test_two_entries_of_a_dated_list_are_not_a_number_flip() -> None:
    listing = ("Autumn term dates\n\nTerm Begins Monday 4th September\n\n"
               "Term Ends Friday 15th December\n\nSpring term dates\n\n"
               "Term Begins Monday 8th January\n\nTerm Ends Friday 20th December\n")
    result = check_text(listing, "terms.txt", settings=Settings(select=("CT102",), use_model=False))
    assert result.findings == []
    # the same day changed in two sentences of prose is still a flip
    prose = ("The autumn term ends on Friday 15th December, the school said.\n\n"
             "The autumn term ends on Friday 20th December, the school said.\n")
    result = check_text(prose, "d.txt", settings=Settings(select=("CT102",), use_model=False))
    assert [f.category for f in result.findings] == ["number"]


def test_a_running_score_that_rises_is_not_a_flip() -> None:
    result = check_text(COMMENTARY, "live.txt",
                        settings=Settings(select=("CT102",), use_model=False))
    assert result.findings == []


def test_signed_and_timed_entries_of_a_live_blog_are_not_flips() -> None:
    live = ("The phone maker's autumn launch, as it happened.\n\n"
            "• Dana Holt 9/7/2016 4:57:09 PM\n\n"
            "The new model drops the headphone socket, the company confirms on stage.\n\n"
            "• Dana Holt 9/7/2016 4:57:48 PM\n\n"
            "Prices start at the same level as last year's model in every market.\n")
    settings = Settings(select=("CT102",), use_model=False)
    assert check_text(live, "live.txt", settings=settings).findings == []
    from checker.entries import signed_stamp

    assert signed_stamp("• Dana Holt 9/7/2016 4:57:09 PM")
    assert not signed_stamp("The attack began at 4:57 pm")


def test_a_cricket_score_a_wicket_later_is_not_a_flip() -> None:
    live = ("Day five at Harbourside: the hosts chase 384 to win the third Test.\n\n"
            "Kestrels: 8-294 (Carr 10*, Collins 9), Kestrels need 90 runs to win.\n\n"
            "Collins is caught at slip off a short ball and walks off slowly.\n\n"
            "Kestrels: 7-294 (Carr 10*, Collins 9*), Kestrels need 90 runs to win.\n")
    settings = Settings(select=("CT102",), use_model=False)
    assert check_text(live, "live.txt", settings=settings).findings == []
    # the same numbers flipped in two sentences of prose are still a flip
    prose = ("The hosts were bowled out for 294 after losing 8 wickets before lunch.\n\n"
             "The hosts were bowled out for 294 after losing 7 wickets before lunch.\n")
    result = check_text(prose, "d.txt", settings=settings)
    assert [f.category for f in result.findings] == ["number"]


def test_a_running_score_that_falls_is_a_conflict_with_the_goal_it_leaves_out() -> None:
    planted = COMMENTARY.replace("First Half ends, Corran Athletic 1,",
                                 "First Half ends, Corran Athletic 0,")
    result = check_text(planted, "live.txt",
                        settings=Settings(select=("CT102",), use_model=False))
    (finding,) = result.findings
    assert planted[finding.start:finding.end].startswith("First Half ends, Corran Athletic 0")
    (related,) = finding.related
    # the goal that made it 1-0 is the statement the lower score leaves out
    assert planted[related.start:related.end] == "Corran Athletic 1, Fenwick Albion 0."
    assert finding.category == "number" and "1 / 0" in finding.message


def test_a_tennis_page_s_games_start_again_in_each_set() -> None:
    # the games of the first set, a set's end, then the games of the second set
    page = ("SET 1\n\n14:40 Okoro holds to level the set. Brandt 4-4 Okoro\n\n"
            "14:44 Brandt holds to 30. Brandt 5-4 Okoro\n\n"
            "14:48 SET BRANDT. Brandt takes the first set 6-4 with a forehand winner.\n\n"
            "SET 2\n\n14:52 Brandt holds to 15. Brandt 1-0 Okoro\n\n"
            "14:56 Okoro holds. Brandt 1-1 Okoro\n\n15:01 Brandt holds. Brandt 2-1 Okoro\n")
    settings = Settings(select=("CT102",), use_model=False)
    assert check_text(page, "live.txt", settings=settings).findings == []
    # within a set the games still only rise
    fell = page.replace("Brandt holds. Brandt 2-1 Okoro", "Brandt holds. Brandt 0-1 Okoro")
    (finding,) = check_text(fell, "live.txt", settings=settings).findings
    assert fell[finding.start:finding.end].endswith("Brandt 0-1 Okoro")


def test_a_match_s_statistics_table_is_no_running_score() -> None:
    # "Shots: … 15, … 8" then "Shots on target: … 6, … 3": two statistics, not a score falling
    stats = ("Match statistics\nPossession: Harbour City 56%, Millbrook Athletic 44%\n"
             "Shots: Harbour City 15, Millbrook Athletic 8\n"
             "Shots on target: Harbour City 6, Millbrook Athletic 3\n"
             "Corners: Harbour City 7, Millbrook Athletic 3\n"
             "Yellow cards: Harbour City 1, Millbrook Athletic 3\n"
             "Red cards: Harbour City 0, Millbrook Athletic 1\n")
    result = check_text(COMMENTARY + "\n" + stats, "live.txt",
                        settings=Settings(select=("CT102",), use_model=False))
    assert result.findings == []


def test_other_sports_statistics_are_no_running_score() -> None:
    # a snooker match's frame score at the interval, then its statistics table
    page = ("Mid-session interval: Solberg 2-2 Hartigan\n\n"
            "Solberg takes the fifth frame with a break of 71.\n\n"
            "Frames: Solberg 6, Hartigan 4\n"
            "Centuries: Solberg 1, Hartigan 1\n"
            "Aces: Solberg 3, Hartigan 5\n")
    result = check_text(page, "live.txt", settings=Settings(select=("CT102",), use_model=False))
    assert result.findings == []
    # the frame score itself is still read as a score
    fell = page.replace("Frames: Solberg 6, Hartigan 4", "Frames: Solberg 1, Hartigan 2")
    result = check_text(fell, "live.txt", settings=Settings(select=("CT102",), use_model=False))
    assert len(result.findings) == 1


def test_scores_labelled_in_capitals_are_read_in_the_match_s_order() -> None:
    # the final score above the commentary, the half-time score in it, the final score again
    page = ("FULL TIME: PELLIN TOWN 3-2 ASHVALE ROVERS\n\n"
            "Goals: Reid 12', Moss 50', Reid 77'; Ives 30', Kerr 88'\n\n"
            "30' GOAL - Ives heads in from a corner.\n\n"
            "HALF-TIME: PELLIN TOWN 1-1 ASHVALE ROVERS\n\n"
            "50' GOAL - Moss scores from the edge of the box.\n\n"
            "FULL TIME: PELLIN TOWN 3-2 ASHVALE ROVERS\n")
    assert codes(page, ("CT102",), use_model=False) == []
    # a half-time score above the final score is still a score that falls
    fell = page.replace("HALF-TIME: PELLIN TOWN 1-1", "HALF-TIME: PELLIN TOWN 3-3")
    assert set(codes(fell, ("CT102",), use_model=False)) == {"CT102"}


def test_two_defendants_sentences_in_a_court_list_are_no_flip() -> None:
    cases = [("Ian Marle, 34, of Elm Grove, Kelby", "Drink-driving on Marsh Lane.",
              "Pleaded guilty. Fined £480. Banned from driving for 16 months."),
             ("Ruth Ames, 27, of Castle View, Audley", "Theft from a pharmacy.",
              "Pleaded guilty. Community order for 12 months."),
             ("Karl Dunn, 48, of Harbour Row, Saltcote", "Failing to provide a specimen.",
              "Pleaded guilty. Fined £700. Banned from driving for 20 months.")]
    page = "\n\n".join("\n".join(case) for case in cases)
    assert codes(page, ("CT102",), use_model=False) == []
    # one defendant's ban told twice with two lengths is still a flip
    twice = page.replace("Banned from driving for 20 months.",
                         "Banned from driving for 20 months. Banned from driving for 16 months.")
    assert codes(twice, ("CT102",), use_model=False) == ["CT102"]


def test_model_rules_skipped_without_model() -> None:
    assert codes(ModelContradiction.bad_examples[0], ("CT101", "SP110"), use_model=False) == []


TWO_PARAGRAPH_DRAFTS = [
    # premise + contradicting hypothesis: flagged (by the model, CT101)
    (
        "The council approved the stadium plan on Monday after a long debate.",
        "The council threw out the stadium plan on Monday.",
        True,
    ),
    (
        "Four people were killed in the crash on the motorway on Friday.",
        "Nobody was killed in the crash on the motorway on Friday.",
        True,
    ),
    (
        "The court acquitted the former minister of all charges on Monday.",
        "The former minister was convicted on all charges on Monday.",
        True,
    ),
    # premise + contradicting hypothesis: flagged without a model (CT102, CT104)
    (
        "The central bank raised interest rates on Wednesday.",
        "The central bank cut interest rates on Wednesday.",
        True,
    ),
    (
        "Niger said last month it was scrapping a military agreement with the United States.",
        "Officials said Niger's willingness to partner with Washington would be hard to change.",
        True,
    ),
    # premise + paraphrase, or + an unrelated true fact: not flagged
    (
        "More than 1,000 U.S. troops will leave Niger in the coming months.",
        "American soldiers are going to depart from Niger.",
        False,
    ),
    (
        "More than 1,000 U.S. troops will leave Niger in the coming months.",
        "Niger is a landlocked country in West Africa.",
        False,
    ),
    (
        "The central bank raised interest rates on Wednesday.",
        "Inflation has been above target for two years.",
        False,
    ),
    (
        "The museum reopened to visitors on Saturday after a two-year renovation.",
        "The museum is open to visitors again.",
        False,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("premise", "hypothesis", "flagged"), TWO_PARAGRAPH_DRAFTS)
def test_two_paragraph_draft(premise: str, hypothesis: str, flagged: bool) -> None:
    found = codes(f"{premise}\n\n{hypothesis}\n", ("CT",))
    assert bool(found) is flagged, found


@pytest.mark.model
def test_off_topic_examples() -> None:
    assert codes(OffTopicLine.bad_examples[0], ("SP110",)) == ["SP110"]
    assert codes(OffTopicLine.good_examples[0], ("SP110",)) == []


@pytest.mark.model
def test_a_last_line_cut_off_is_not_judged_off_topic() -> None:
    story = OffTopicLine.good_examples[0]
    # a page copied up to so many characters, or a draft still being typed, stops mid-sentence
    cut = ("Robyn Hitchcock is an English singer-songwriter well known across the pond, but "
           "some of the")
    assert codes(f"{story}\n\n{cut}", ("SP110",)) == []
    # an injected headline at the end, with no full stop, is still judged
    headline = "Kendall Jenner and Bad Bunny reportedly broke up less than 1 year ago"
    assert codes(f"{story}\n\n{headline}", ("SP110",)) == ["SP110"]


def test_a_hard_wrapped_line_of_a_blurb_goes_on_from_the_line_before() -> None:
    from checker.rules.offtopic import _broken_sentence

    blurb = ["1979. A debut novel of a young woman and her nomadic mother, perfect for fans of",
             "Ask Again, Yes and",
             "What the Fireflies Knew.",
             "Fifteen-year-old Aurora Taylor's single mother prefers to leave when things get "
             "hard."]
    assert _broken_sentence(blurb, 1) and _broken_sentence(blurb, 2)  # ends on "and"; after it
    # a headline between two finished sentences is still a line of its own
    story = ["The ferry resumed its crossings on Monday after the strike ended.",
             "Kendall Jenner and Bad Bunny reportedly broke up less than 1 year ago",
             "Passengers were told to expect delays until Wednesday."]
    assert not _broken_sentence(story, 1)


def test_what_makes_a_last_line_cut_short() -> None:
    from checker.rules.offtopic import _cut_short

    lines = ["The ferry sailed.", "A headline of a few words with no stop"]
    assert not _cut_short(lines, 1) and not _cut_short(lines, 0)
    assert _cut_short(["The ferry sailed.", "This file photo taken on May 18 shows m"], 1)
    assert _cut_short(["The ferry sailed.", "Crews said the timetable would stay as it was and"], 1)
    assert not _cut_short(["The ferry sailed.", "It sailed late."], 1)
    # a quotation opened and cut off (batch P), not a quoted headline closed on its line
    assert _cut_short(["The ferry sailed.", '"At least for no'], 1)
    assert not _cut_short(["The ferry sailed.", '"Ferry sails late" as strike ends'], 1)


@pytest.mark.model
def test_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8").replace("See also  ", "")
    result = check_text(text, "seed.txt", settings=Settings(select=("CT", "SP110")))
    doc = result.document
    assert doc is not None
    lines = {(f.code, doc.line_col(f.start)[0]) for f in result.findings}
    assert ("SP110", 17) in lines and ("SP110", 31) in lines
    quiet = {1, 9, 19, 23, 29, 33, 35}
    assert not {line for code, line in lines if code.startswith("CT")} & quiet


@pytest.mark.parametrize(
    "rule", [WordFlipContradiction, SettledCondition, ReversedStance, ReversedConsequence])
def test_model_free_rule_examples(rule: type[Rule]) -> None:
    for bad in rule.bad_examples:
        assert codes(bad, (rule.code,), use_model=False) == [rule.code], bad
    for good in rule.good_examples:
        assert codes(good, (rule.code,), use_model=False) == [], good


@pytest.mark.parametrize(
    "rule",
    [ModelContradiction, WordFlipContradiction, SettledCondition, ReversedStance,
     ReversedConsequence, OffTopicLine],
)
def test_rules_are_documented(rule: type[Rule]) -> None:
    assert rule.what.strip() and rule.why.strip() and rule.summary
    assert rule.bad_examples and rule.good_examples
    assert rule.category in {"contradiction", "number", "spam"}


def test_model_findings_take_their_severity_from_the_confidence_band() -> None:
    from checker.findings import Severity
    from checker.rules.contradiction import model_severity

    assert model_severity(0.99) is Severity.ERROR
    assert model_severity(0.9) is Severity.ERROR
    assert model_severity(0.86) is Severity.WARNING
    assert model_severity(0.72) is Severity.WARNING
    assert model_severity(0.6) is Severity.INFO


TIMELINE = """The harbour ferry: a year in review

January 4th
The harbour board approved a new ferry terminal for the island crossing after a long inquiry.
March 12th
The ferry company ordered two new vessels for the island crossing from a Clyde shipyard.
May 2nd
Ferry fares to the island rose by 6 percent, the company said, blaming fuel costs.
June 20th
A strike by ferry crews halted the island crossing for three days.
August 8th
The first of the new ferries entered service on the island crossing.
September 19th
An earthquake killed more than 5,000 people in the mountains far to the east.
November 30th
The ferry company said passenger numbers on the island crossing had reached a record.
"""


@pytest.mark.model
def test_a_timeline_entry_is_not_off_topic() -> None:
    # each dated entry is about something else by design; the same lines without their dates
    # are a page whose lines share no topic, and the off-topic rule judges them
    assert codes(TIMELINE, ("SP110",)) == []
    from checker.entries import dated_entries

    undated = "\n".join(line for line in TIMELINE.splitlines()
                        if line[-2:] not in ("th", "nd"))
    assert dated_entries(TIMELINE.splitlines()) == 7 and dated_entries(undated.splitlines()) == 0
    assert codes(undated, ("SP110",)) == ["SP110"]  # the earthquake, once the dates are gone


LISTING = """Radio 4 on Saturday

SAT 00:00 Midnight News (m000vjpq)
The latest news and weather forecast from BBC Radio 4.
SAT 05:45 Bodies (m000rcbz)
When we think and talk about the body, we are suddenly very aware of the body as a battleground.
SAT 06:00 News and Papers (m000vjpx)
The latest news headlines, including the weather and a look at the papers.
SAT 06:07 Open Country (m000vhqm)
A walk along the harbour wall where fishing boats unload their catch at dawn.
"""


@pytest.mark.model
def test_a_programme_listing_s_entries_are_not_off_topic() -> None:
    from checker.entries import schedule_entries

    assert schedule_entries(LISTING.splitlines()) == 4
    assert codes(LISTING, ("SP110",)) == []
    # a line of prose that opens on a clock is no entry of a listing
    assert schedule_entries(["06:00 The minister said the talks would resume on Monday."]) == 0


JOBS = """Jobs in Kestlebridge this week

Bookkeeper
Employer: Marlow and Finch Accountants
Location: Kestlebridge town centre
Salary: £26,000 a year
Supporting our bookkeeping team with payroll, VAT returns and client queries.

HGV Class 1 Driver
Employer: Redfern Haulage
Location: Kestlebridge depot
Salary: £38,000 a year, plus overtime
Night trunking between our depot and the port, four nights a week.

Care Assistant
Employer: Orchard House Care Home
Location: Wickham Road, Kestlebridge
Salary: £11.90 an hour
Helping our residents with daily living, meals and activities.

Primary Teacher
Employer: St Aidan's Primary School
Location: Kestlebridge
Salary: on the main pay scale
A Year 4 class teacher from September, to join a friendly team.

Junior Web Developer
Employer: Brightline Digital
Location: Harbour Studios, Kestlebridge
Salary: £28,000 a year
Building websites for local businesses in a small, supportive team.
"""


@pytest.mark.model
def test_the_title_over_a_record_of_a_listing_is_not_off_topic() -> None:
    # five job adverts, each a title over the same field labels: each about another job
    assert codes(JOBS, ("SP110",)) == []
    # a headline injected between two records is still found
    injected = JOBS.replace("Care Assistant\n", "Kendall Jenner and Bad Bunny reportedly broke "
                            "up less than 1 year ago\n\nCare Assistant\n")
    assert codes(injected, ("SP110",)) == ["SP110"]


HENMAN = ("Henman decides to quit Davis Cup duty after ten years.\n\n"
          "Tim Henman has retired from the Davis Cup team after ten years.\n\n"
          "Henman leaves Davis Cup tennis with a fine record after ten years.\n\n"
          "The ferry timetable changes on Monday for the winter season.\n\n"
          "The ferry timetable stays the same on Monday for the winter season.\n")


def test_conflicting_pairs_that_share_a_statement_are_one_cluster() -> None:
    from checker.nli.contradict import Conflict
    from checker.rules.contradiction import conflict_clusters

    pairs = [Conflict(0, 1, 0.6, "model"), Conflict(3, 4, 0.9, "model"),
             Conflict(0, 2, 0.7, "model"), Conflict(1, 2, 0.55, "model")]
    clusters = conflict_clusters(pairs)
    assert [[(c.earlier, c.later) for c in cl] for cl in clusters] == [
        [(0, 2), (0, 1), (1, 2)],  # by falling probability
        [(3, 4)],
    ]
    # a chain is one cluster too: 0-1 and 1-5 share statement 1
    chain = conflict_clusters([Conflict(0, 1, 0.6, "model"), Conflict(1, 5, 0.8, "model")])
    assert len(chain) == 1 and len(chain[0]) == 2


def test_one_finding_per_cluster_at_the_statement_in_most_pairs() -> None:
    from checker.inputs import build_document
    from checker.nli.contradict import Conflict
    from checker.rules.contradiction import cluster_finding, conflict_clusters

    doc = build_document("henman.txt", HENMAN, "text")
    assert len(doc.sentences) == 5
    rule = ModelContradiction()
    # the headline conflicts with both later statements; those two also conflict, less surely
    pairs = [Conflict(0, 1, 0.62, "model"), Conflict(0, 2, 0.9, "model"),
             Conflict(1, 2, 0.57, "model"), Conflict(3, 4, 0.7, "model")]
    findings = [cluster_finding(rule, doc, cl) for cl in conflict_clusters(pairs)]
    assert len(findings) == 2
    cluster, single = findings
    headline = doc.sentences[0]
    assert (cluster.start, cluster.end) == (headline.start, headline.end)
    assert cluster.message.startswith("contradicts 2 other statements in this document")
    assert cluster.confidence == 0.9 and cluster.severity.name == "ERROR"  # the highest pair
    assert [(r.start, r.message) for r in cluster.related] == [
        (doc.sentences[1].start, "conflicts with the flagged statement (0.62)"),
        (doc.sentences[2].start, "conflicts with the flagged statement (0.90)"),
    ]
    # a lone pair is reported as before: at the later sentence, the earlier one related
    assert (single.start, single.end) == (doc.sentences[4].start, doc.sentences[4].end)
    assert single.message.startswith("contradicts an earlier statement")
    assert single.severity.name == "WARNING"
    assert [r.start for r in single.related] == [doc.sentences[3].start]


def test_a_statement_off_the_flagged_one_names_its_own_partner() -> None:
    from checker.inputs import build_document
    from checker.nli.contradict import Conflict
    from checker.rules.contradiction import cluster_finding

    doc = build_document("henman.txt", HENMAN, "text")
    # a chain 4-3-0-1: statements 3 and 0 are in two pairs each; 0's pairs weigh more
    chain = [Conflict(0, 1, 0.8, "model"), Conflict(0, 3, 0.7, "model"),
             Conflict(3, 4, 0.6, "model")]
    finding = cluster_finding(ModelContradiction(), doc, sorted(
        chain, key=lambda c: -c.probability))
    assert finding.start == doc.sentences[0].start
    notes = {r.start: r.message for r in finding.related}
    assert notes[doc.sentences[1].start] == "conflicts with the flagged statement (0.80)"
    assert notes[doc.sentences[4].start].startswith("conflicts with \u201cThe ferry timetable "
                                                    "changes")
    assert notes[doc.sentences[4].start].endswith("(0.60)")


@pytest.mark.model
def test_a_dateline_is_not_off_topic() -> None:
    body = OffTopicLine.bad_examples[0].replace(
        "Kendall Jenner and Bad Bunny reportedly broke up less than 1 year ago\n\n", "")
    title = "US troops to leave Niger\n\n"
    dated = title + "Sunday, January 29, 2006\n\n" + body
    assert codes(dated, ("SP110",)) == []
    signed = title + "Written by Dana Holt\n\nMarch 24, 2006 // 11:17 a.m.\n\n" + body
    assert codes(signed, ("SP110",)) == []
    # the date line is as far from the story as an injected teaser is: only the dateline
    # exception keeps it quiet
    teaser = title + "Sunday brunch spots in January 2006\n\n" + body
    assert codes(teaser, ("SP110",)) == ["SP110"]
    # the document's own first line is its title, however far its words are from the story's
    assert codes("Sunday brunch spots in January 2006\n\n" + body, ("SP110",)) == []


SECTIONS = """Accepted forms of identification

This page explains which documents let a visitor collect a badge at the Harbour Convention, \
and what to bring if you have none of them.

State ID or driving licence

We accept every valid, unexpired state ID, driving licence or learner's permit, shown in person \
at the registration desk by the visitor whose name is on the badge.

Federal identification

An unexpired passport, military ID or other federal identity card is valid as long as it is \
not marked as invalid for identification and has not been punched or cut.

Ages 15 to 17

In place of an ID, a visitor under 18 may come with a parent or guardian who shows their own \
identification, which we match against the address given at registration.
"""


@pytest.mark.model
def test_a_short_heading_over_its_section_is_not_off_topic() -> None:
    from checker.rules.offtopic import _section_headings

    texts = [t for t in SECTIONS.splitlines() if t.strip()]
    assert _section_headings(texts) == {0, 2, 4, 6}
    assert codes(SECTIONS, ("SP110",)) == []
    # with fewer than three such headings, a short line is judged as before
    assert _section_headings(texts[:4]) == set()


MARKET_CLOSE = """Harbour index ends higher as lenders rally

The Harbour 100 closed up 0.8% at 7,412 points on Tuesday, led by the banks after Kelton Bank \
reported a smaller fall in profits than analysts had expected.

Kelton Bank rose 4.1% to 212p, and Orme Building Society's listed arm gained 2.6%. Miners were \
weaker as copper prices slipped, with Fenmoor Metals down 1.9%.

Commodities: Brent crude rose 1.1% to $71.20 a barrel. Gold fell 0.3% to $2,388 an ounce.

Bonds: The yield on ten-year government bonds fell 3 basis points to 4.21%.

What to watch tomorrow

Quarterly results are due from Ashdown Insurance and Calder Homes, and the latest inflation \
figures are published at 7am; economists expect annual inflation to ease slightly to 2.4%.
"""


@pytest.mark.model
def test_a_q_and_a_page_s_questions_are_not_off_topic() -> None:
    from checker.rules.offtopic import _asked

    texts = ["Question: Can the filters be washed?", "Answer: The foam filter can be rinsed.",
             "Is the battery removable?", "Answer: Yes, it slides out of the handle.",
             "Is this the best phone of the year?", "Kendall Jenner and Bad Bunny broke up"]
    assert _asked(texts, 0) and _asked(texts, 2)
    assert not _asked(texts, 1) and not _asked(texts, 4)  # no answer under it: still judged


def test_a_short_heading_in_common_words_over_its_paragraph_is_not_off_topic() -> None:
    from checker.rules.offtopic import _heading_over_paragraph

    texts = [t for t in MARKET_CLOSE.splitlines() if t.strip()]
    assert _heading_over_paragraph(texts, texts.index("What to watch tomorrow"))
    assert codes(MARKET_CLOSE, ("SP110",)) == []
    # a teaser's length and names are not a heading's
    teaser = "Kendall Jenner and Bad Bunny reportedly broke up less than a year ago"
    assert not _heading_over_paragraph([teaser, texts[-1]], 0)


def test_bylines_and_date_lines_are_page_furniture() -> None:
    from checker.rules.offtopic import page_furniture

    # a reader's review signed and dated
    assert page_furniture("Marcus O. – 11 April 2026") and page_furniture("JennyB – 10 April 2026")
    assert not page_furniture("Marcus O. – the battery dropped to 30 minutes after a year")
    # a live page's presenters
    assert page_furniture("Business live with Tessa Quaid and Jonathan Mbeki")
    assert not page_furniture("Fans live with the pain of relegation for another year")
    assert all(map(page_furniture, ["Written by Dana Holt", "By Jo Marsh and Sam Lee",
                                    "March 24, 2006 // 11:17 a.m.", "BST: 1355 HRS, JUL 24, 2018",
                                    "Updated: 3 May 2018 at 12:45", "DUNMORE, Kent -",
                                    "HARBOUR CITY (Reuters) —", "JO MARSH/AFP via Getty Images",
                                    "Image credit: Dunmore University",
                                    "- released: Tuesday 7 May, 2013",
                                    "This was published 6 years ago", "Updated 3 hours ago",
                                    "Release Date: 07 September 2018",
                                    "**** Harbour Police Media Release", "PRESS RELEASE",
                                    "March 04, 2025 1h 41m",
                                    "23 results | Showing 1-8 | Sort by: Newest listed",
                                    "Showing 1-20 of 113 jobs", "Page 2 of 5",
                                    "Valid: Saturday 24th 15:00 – Sunday 25th 05:00",
                                    "Published by admin on", "Posted by Dana Holt",
                                    "CREATED Aug 12, 2012 - UPDATED: Aug 13, 2012",
                                    "Web Producer: Dana Holt", "Reporting: Jo Marsh and Sam Lee",
                                    "Compiled by Rosalind Ashbury, society secretary",
                                    "Kelton Corn Exchange | Friday 18 – Sunday 20 October 2024",
                                    "Brackwater Arena, Kelton | Saturday 8 March"]))
    assert not any(map(page_furniture, [
        "By the river the troops waited for the order to cross",  # a sentence, not a byline
        "Kendall Jenner and Bad Bunny reportedly broke up less than 1 year ago",
        "Sunday brunch spots in January 2006",  # a teaser that names a date
        "Valid until 5 May: half-price tickets to the Harbour Gala",  # an advert's date
        "January sales",  # no number
        "Kendall Jenner and Bad Bunny reportedly broke up",  # a teaser, no dateline
        "Ministers to release the report on the harbour collapse next week",  # no header
        "Editor: The harbour board will vote on the plan",  # a label before a sentence
        # a teaser beside a time is no place and date: it says something
        "Kendall Jenner and Bad Bunny reportedly broke up | 3 hours ago",
        # a count or a sort told in a sentence
        "23 results were found in the survey of homes.",
        "Sort by the colour of the label before you wash.",
    ]))


DETAILED_JOBS = """Kelton Jobs Board

Library assistant
Kelton Libraries | Kelton Central Library
£21,400 a year | Part time, 22 hours | Permanent

Work across two libraries, helping customers to find books and information and to use the \
public computers. Good IT skills and a friendly, patient manner are essential.

HGV Class 1 Driver
Coastline Freight Ltd | Based at Kelton depot
£36,000 to £39,500 a year | Full time | Permanent

Regional deliveries, mostly within 80 miles of the depot, with drivers home every night. You \
must hold a Class 1 licence with no more than 3 penalty points.

Care assistant
Harbour View Care Home | Gullhaven
£11.90 an hour | Nights | Permanent

Help the residents of a 40-bed home with washing, dressing and meals through the night. No \
experience is needed: full training is given.

Summary for the period

Vacancies listed: 3
Average pay: £26,000
Closing this week: 1
"""


@pytest.mark.model
def test_a_listings_titles_over_their_details_and_a_fact_box_heading_are_not_off_topic() -> None:
    assert codes(DETAILED_JOBS, ("SP110",)) == []
    # a headline injected between two records is still found
    injected = DETAILED_JOBS.replace("Care assistant\n", "Kendall Jenner and Bad Bunny reportedly "
                                     "broke up less than 1 year ago\n\nCare assistant\n")
    assert codes(injected, ("SP110",)) == ["SP110"]
    # the employer on a line of its own between the title and the details
    employers = re.sub(r"\n([^\n|]+) \| ([^\n|]+)\n(£)", r"\n\1, \2\n\3", DETAILED_JOBS)
    assert "Coastline Freight Ltd, Based at Kelton depot\n£36,000" in employers
    assert codes(employers, ("SP110",)) == []


DIGEST = """Morning briefing

- The Senate will vote again on rival plans to end the government shutdown, now in its third day.
- Democrats in Congress blamed Republicans for the shutdown as federal workers went unpaid.
- Republican leaders said the shutdown would end only when Democrats accepted their budget.
- Federal agencies began sending staff home as the shutdown reached its third day.
- A new archbishop was appointed, the first woman to lead the church in its long history.
- The White House said the president would not sign a budget bill that added to the deficit.
"""


@pytest.mark.model
def test_the_items_of_a_news_digest_are_not_off_topic() -> None:
    # each bulleted item is another story by design; the same lines without bullets are a page
    # whose lines share no topic, and the off-topic rule judges them
    assert codes(DIGEST, ("SP110",)) == []
    assert "SP110" in codes(DIGEST.replace("- ", ""), ("SP110",))
    # a briefing whose items open with a short label instead of a bullet
    labels = iter(["Stalemate", "Blame game", "The other side", "Unpaid", "Church news",
                   "Veto threat"])
    labelled = re.sub(r"^- ", lambda _: f"{next(labels)}: ", DIGEST, flags=re.MULTILINE)
    assert labelled.count(": ") == 6 and codes(labelled, ("SP110",)) == []


LAPS = """Race day at the Harbour Grand Prix: the leaders pit as the rain arrives.

Lap 12

Verstel pits from the lead and rejoins in third after a slow stop for intermediate tyres.

Lap 13

Wet weather tyres for half the field as the rain gets heavier over the circuit.

Lap 14

Wu not happy with Sato

Kessler goes off at turn four while defending from Marlow and loses two places on the lap.

Lap 15

Verstel retakes the lead from Marlow into the first corner as the track dries.
"""


@pytest.mark.model
def test_the_title_under_a_live_entry_heading_is_not_off_topic() -> None:
    # "Lap 14" / "Wu not happy with Sato": the entry's own title; the same page
    # without its lap headings has a headline-like line far from the rest
    assert codes(LAPS, ("SP110",)) == []
    from checker.entries import entry_heading_line

    assert entry_heading_line("Lap 14") and not entry_heading_line("Lap of honour")
    bare = LAPS.replace("Lap 12\n\n", "").replace("Lap 13\n\n", "").replace("Lap 14\n\n", "")
    assert codes(bare.replace("Lap 15\n\n", ""), ("SP110",)) == ["SP110"]


def test_a_line_of_the_commonest_words_names_no_topic() -> None:
    from checker.rules.offtopic import topic_free

    assert topic_free("Here’s what to know") and topic_free("What we know so far")
    assert not topic_free("Kendall Jenner and Bad Bunny reportedly broke up")
    assert not topic_free("What happens next for the ferry strike")


@pytest.mark.model
def test_a_subheading_about_nothing_is_not_off_topic() -> None:
    text = ("More than 1,000 U.S. military personnel will leave Niger in the coming months.\n\n"
            "Niger said last month it was scrapping a military agreement with the United "
            "States.\n\nHere’s what to know\n\n"
            "Thousands of protesters in Niamey called for the withdrawal of US troops.\n\n"
            "US officials said discussions with Niger on the withdrawal of forces would begin "
            "soon.\n\nMany of the Americans sent to Niger are stationed at a drone base in the "
            "desert.")
    assert codes(text, ("SP110",)) == []
    # an injected headline in the same place is still off topic
    spam = text.replace("Here’s what to know", "Kendall Jenner and Bad Bunny reportedly broke up")
    assert codes(spam, ("SP110",)) == ["SP110"]


def test_a_line_of_a_sentence_broken_over_lines_is_not_an_off_topic_line() -> None:
    from checker.rules.offtopic import _broken_sentence

    subtitles = ["This time last year, one of these men was the all-powerful Chancellor,",
                 ":00:16.:00:38.",
                 "the other just a former Cabinet minister exiled to the back benches.",
                 "Liam Fox joins us in his first TV interview since becoming Secretary",
                 "of State for International Trade."]
    assert [_broken_sentence(subtitles, k) for k in range(5)] == [True, False, True, True, True]
    # a whole injected line, or one that ends as a sentence does, is judged as before
    page = ["Troops will leave the base in the coming months.",
            "iPhone deals you can't miss this weekend",
            "Kendall Jenner and Bad Bunny reportedly broke up",
            "Officials said the talks would begin soon."]
    assert [_broken_sentence(page, k) for k in range(4)] == [False, False, False, False]
    # a bulleted item that opens in lower case goes on from the line that leads into the list
    minutes = ["In other business, council:", "• passed an ordinance on long grass.",
               "• learned that the s", "• Kendall Jenner and Bad Bunny reportedly broke up"]
    assert [_broken_sentence(minutes, k) for k in range(4)] == [True, True, True, False]


@pytest.mark.model
def test_the_lines_of_a_fact_box_are_not_off_topic() -> None:
    from checker.rules.offtopic import fact_box

    review = ("Album Reviews\n\nHarbour Lights - The Long Tide\n"
              "Country of Origin: USA\nYear of Release: 2016\nTime: 41:21\nTrack List:\n"
              "Harbour Lights has based the album on one of its own short stories, set on a "
              "flooded coast where the last fishing boats still put out to sea.\n\n"
              "The songs follow a crew through one winter, from the first storm to the spring "
              "thaw, with keyboards and strings carrying most of the melodies.\n\n"
              "The band's drummer adds a cracking solo to the title track, the record's best "
              "moment, and the closing ballad is the quietest song they have made.\n\n"
              "Fans of the band's first album will find the same warm, layered sound here.")
    lines = [t for t in review.split("\n") if t.strip()]
    assert sorted(lines[k] for k in fact_box(lines)) == sorted(
        ["Country of Origin: USA", "Year of Release: 2016", "Time: 41:21", "Track List:"])
    assert codes(review, ("SP110",)) == []
    # one label line on its own is no fact box: the line is judged as any other
    single = review.replace("Year of Release: 2016\nTime: 41:21\nTrack List:\n", "")
    assert fact_box([t for t in single.split("\n") if t.strip()]) == set()
    assert codes(single, ("SP110",)) == ["SP110"]


def test_a_programme_s_details_set_with_separators_and_a_label_are_a_fact_box() -> None:
    from checker.rules.offtopic import fact_box

    lines = ["Gullhaven Playhouse presents", "THE LANTERN KEEPER'S DAUGHTER",
             "Main House | 14 February - 8 March",
             "Evenings 7.30pm (Tuesday to Saturday) | Matinees 2.30pm (Thursdays)",
             "Running time: approximately 2 hours 20 minutes, including one interval",
             "The play follows a lighthouse keeper's daughter through one storm-bound winter."]
    assert fact_box(lines) == {2, 3, 4}
    # rows set with separators and no label among them are a table's, judged line by line
    assert fact_box([line for line in lines if not line.startswith("Running")]) == set()


def test_an_answer_under_its_question_and_the_page_s_one_report_are_not_off_topic() -> None:
    from checker.rules.offtopic import _answer, _bulk

    qa = ["Here are the questions we have answered so far.",
          "Can the virus be spread by insects?",
          "There is no sign that this virus can be spread by insects or other pests.",
          "Can you leave your house to work in the next county?",
          "There are no travel restrictions between the two counties, though some buses stopped.",
          "6 comments… add one"]
    assert _answer(qa, 2) and _answer(qa, 4)
    assert not _answer(qa, 1)  # a question is no answer
    qa[4] = "Can I still buy stamps?"
    assert not _answer(qa, 5)  # a headline-like line under a question is still judged
    archive = ["Article image", "Article image", "TAIHAPE",
               "MAGISTRATE'S COURT The monthly sitting of the court opened before Mr Watson on "
               "Thursday afternoon and concluded the following morning with three cases heard."]
    assert _bulk(archive, 3) and not _bulk(archive, 2)


def test_the_items_of_a_list_a_colon_introduces_are_read_with_it() -> None:
    from checker.rules.offtopic import _introduced_item

    charges = ["The driver, 59, of Dunmore, faces the following charges:",
               "Operation while Impaired", "Operation Over 80 Milligrams", "Careless Driving",
               "He will appear in court in May.", "Weather: sunny spells"]
    assert [_introduced_item(charges, k) for k in range(6)] == [False, True, True, True, False,
                                                                False]
    # a short line after a sentence that ends with a full stop is judged as any other
    assert not _introduced_item(["He was charged.", "Operation Over 80 Milligrams"], 1)


def test_two_nights_of_a_forecast_are_no_flip() -> None:
    forecast = ("Today the weather service calls for snow. The high should be near 39. "
                "The low should be around 29.\n\n"
                "On Monday snow is likely, with a high near 39.\n\n"
                "There is a chance of snow showers Tuesday night. The low should be around 26.\n")
    settings = Settings(select=("CT102",), use_model=False)
    assert check_text(forecast, "forecast.txt", settings=settings).findings == []
    # the same sentences in a story that gives fewer temperatures are still a flip
    story = ("The low should be around 29 tonight, the weather service said.\n\n"
             "Roads will be gritted.\n\n"
             "The low should be around 26 tonight, the weather service said.\n")
    result = check_text(story, "story.txt", settings=settings)
    assert [f.category for f in result.findings] == ["number"]


def test_two_categories_heading_their_nominees_are_no_flip() -> None:
    awards = ("Here is the full list of winners from the Harbour Drama Awards.\n\n"
              "Best female actor in a comedy series\n\nAnn Holt, Quay Street\n\n"
              "Jo Pike, The Mill\n\n"
              "Best male actor in a comedy series\n\nSam Marr, Quay Street\n\n"
              "Tom Hale, Dock Road\n")
    assert codes(awards, ("CT102",), use_model=False) == []
    # two sentences of prose that say so are still a flip
    prose = ("The award for best female actor went to Ann Holt.\n\n"
             "The award for best male actor went to Ann Holt.\n")
    assert codes(prose, ("CT102",), use_model=False) == ["CT102"]


def test_two_balls_of_a_cricket_commentary_are_two_entries() -> None:
    from checker.entries import entry_numbers
    from checker.nli.restate import PairFilter

    overs = ["Over 88 - Fenwick",
             "88.1 Fenwick to Darrow, no run.", "Full, outside off, left alone.",
             "88.2 Fenwick to Darrow, 2 runs.", "Darrow 96.",
             "90.1 Fenwick to Darrow, no run.", "Darrow 102."]
    assert entry_numbers(overs)[1:] == [0, 0, 1, 1, 2, 2]
    assert PairFilter(overs).skip(2, 6) == "moments"
    page = "\n".join(overs)
    assert codes(page, ("CT102",), use_model=False) == []
    # a sentence of prose that opens with a decimal is no ball
    assert entry_numbers(["2.5 million people voted to leave.", "The count went on."]) == [
        None, None]


def test_a_timelines_year_headings_open_its_entries() -> None:
    from checker.entries import entry_numbers
    from checker.nli.restate import PairFilter

    years = ["1998: The harbour board votes to build a second quay.",
             "Fishermen protest outside the town hall.",
             "2003: The second quay opens.",
             "2011: A storm closes both quays for a month.",
             "Fishermen work from the beach."]
    assert entry_numbers(years) == [0, 0, 1, 2, 2]
    assert PairFilter(years).skip(1, 4) == "moments"
    # two year headings are not yet a timeline, and prose that opens with a year is none
    assert entry_numbers(years[:3]) == [None, None, None]
    # a diary's days with their dates, in capitals or not, head its entries too
    diary = ["MONDAY 15 JULY—Remaining stages of the Harbour Bill.",
             "TUESDAY 16 JULY—Opposition Day.", "Remaining stages of the Ferries Bill.",
             "Wednesday, 17 July: Debate on the economy.", "Remaining stages of the Quay Bill."]
    assert entry_numbers(diary) == [0, 1, 1, 2, 2]


def test_balls_stamped_with_the_over_alone_are_two_entries() -> None:
    # a commentary that opens each ball with its over and ball, and words some balls alike
    balls = ("Harbour Hawks v Quay Rovers, ball by ball\n\n"
             "4.2 overs (1 Run) Full on middle, Pike flicks it through mid-wicket for a single.\n\n"
             "4.1 overs (0 Run) Short and wide, Pike leaves it alone.\n\n"
             "3.6 overs (1 Run) Full on middle, Pike flicks it through mid-wicket for a single.\n")
    assert codes(balls, ("CT102",), use_model=False) == []
    # the same sentences in prose, one statement told with two numbers, are still a flip
    prose = ("Pike faced 42 balls before he was out, the scorers said.\n\n"
             "The rain held off.\n\n"
             "Pike faced 24 balls before he was out, the scorers said.\n")
    assert codes(prose, ("CT102",), use_model=False) == ["CT102"]
