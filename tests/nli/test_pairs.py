"""Pair selection for the model: a bounded number of neighbours per sentence."""

from __future__ import annotations

import numpy as np

from checker.nli.pairs import Selection, keys, model_eligible, quoted_question, select_pairs
from checker.nli.restate import PairFilter


def _unit(rows: list[list[float]]) -> np.ndarray:
    m = np.asarray(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_each_sentence_is_paired_with_its_nearest_neighbour() -> None:
    sentences = [f"Statement {k} about the harbour ferry timetable today." for k in range(6)]
    # two tight topics: 0,2,4 point one way, 1,3,5 the other
    vectors = _unit([[1, 0.05 * k, 0] if k % 2 == 0 else [0, 0.05 * k, 1] for k in range(6)])
    pairs = select_pairs(sentences, vectors, Selection(neighbours=1, key_neighbours=0,
                                                        pairs_per_sentence=1.0))
    assert pairs and all((i - j) % 2 == 0 for i, j in pairs)  # never across topics


def test_sentences_sharing_a_name_are_compared_even_when_far_in_embedding_space() -> None:
    sentences = [
        "Councillor Okafor voted for the new bridge on Monday evening.",
        "Rain is expected across the region for most of the week ahead.",
        "Traffic on the ring road was heavy during the morning rush hour.",
        "Okafor later said the bridge vote had been a difficult decision.",
    ]
    vectors = _unit([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0.5, 0, 0, 0.87]])
    sel = Selection(neighbours=1, key_neighbours=1, pairs_per_sentence=2.0, min_similarity=0.3)
    assert (0, 3) in select_pairs(sentences, vectors, sel)
    assert "Okafor" in keys(sentences[3])


def test_the_window_bounds_how_far_apart_two_sentences_may_be() -> None:
    n = 40
    sentences = [f"The same claim number {k} is repeated here again." for k in range(n)]
    vectors = _unit([[1.0, 0.001 * k] for k in range(n)])
    pairs = select_pairs(sentences, vectors, Selection(window=5, pairs_per_sentence=5.0))
    assert pairs and max(j - i for i, j in pairs) <= 5


def test_short_fragments_and_questions_are_not_sent_to_the_model() -> None:
    assert model_eligible("Unemployment climbed in June.")
    assert not model_eligible("Corner, Rovers.")
    assert not model_eligible("Did unemployment climb in June?")
    # a question reported, not asked: it claims only that someone asked
    for asked in ("She asks Finn whether he has been in the office.",
                  "The minister asked reporters if they had read the report.",
                  "Police want to know whether anyone saw the car."):
        assert not model_eligible(asked), asked
    # a question quoted, with or without who asked it (eligible, so that the pairs chosen
    # around it stay the same, but the pair filter does not send it)
    for asked in ('"Did Mr Farrow ever strike you as a violent man?"',
                  '"Did Mr Farrow ever strike you as a violent man?" Mr Mallon asked.',
                  '"Why now?" asked one councillor.'):
        assert quoted_question(asked), asked
        page = [asked, "Mr Farrow denies murdering his partner at the boatyard."]
        assert PairFilter(page).skip(0, 1) == "question"
    assert not quoted_question('"Is it safe?" she asked the minister, who said it was not.')
    # a claim after the question, or "if" as a condition, is still a claim
    for claim in ("He was asked whether he would resign, and said he would not.",
                  "He was asked to leave if the protest continued.",
                  "They asked for help if the water rose."):
        assert model_eligible(claim), claim


def test_a_label_line_is_not_sent_to_the_model_but_a_short_claim_is() -> None:
    # names, numbers and function words only: a constituency, a heading, a score, a table row
    for label in ("Newcastle upon Tyne East", "Men's 100m Semifinal 2", "FT: NZL 23-20 AUS",
                  "Total Seats in the Assembly -----60", "YOUTH (24 and under)",
                  "JUNIOR (15 and under)"):
        assert not model_eligible(label), label
    # a claim in function words, or a name with a plain word, is still one
    for claim in ("He is not in there.", "The bonus number was 23.",
                  "Sea Park Elementary to remain open", "NASA said it was not in there."):
        assert model_eligible(claim), claim


def test_the_tail_of_a_sentence_broken_over_lines_is_not_sent_to_the_model() -> None:
    # a transcript typed as subtitles: each fragment is a paragraph of its own
    assert not model_eligible("contracting the virus remains low for the people of this state.")
    assert not model_eligible('"we will stay until the work is done," the minister said.')
    # a word with a capital in it still opens a sentence
    assert model_eligible("iPhone sales rose sharply in the last three months of the year.")
    assert model_eligible("The risk of contracting the virus remains low, officials said.")


def test_a_pair_where_one_side_entails_the_other_is_no_contradiction() -> None:
    """The entailment guard: if either sentence entails the other they cannot conflict, so a
    high contradiction score the other way round (from details one side adds) is dropped."""
    from checker.nli.contradict import ENTAILED, score_pairs

    class Scripted:
        def __init__(self, answers: dict[tuple[str, str], dict[str, float]]) -> None:
            self.answers = answers

        def predict(self, pairs: list[tuple[str, str]]) -> list[dict[str, float]]:
            return [self.answers[p] for p in pairs]

    a, b, c = "Troops will leave in May.", "Troops are going.", "Troops will stay."
    model = Scripted({
        (a, b): {"entailment": ENTAILED + 0.05, "neutral": 0.0, "contradiction": 0.0},
        (b, a): {"entailment": 0.05, "neutral": 0.0, "contradiction": 0.9},
        (a, c): {"entailment": 0.01, "neutral": 0.04, "contradiction": 0.95},
        (c, a): {"entailment": ENTAILED - 0.05, "neutral": 0.0, "contradiction": 0.2},
    })
    assert score_pairs(model, [a, b, c], [(0, 1), (0, 2)]) == [0.0, 0.95]


class _Recording:
    """A scripted model that records which pairs it was asked for."""

    def __init__(self, answers: dict[tuple[str, str], dict[str, float]]) -> None:
        self.answers = answers
        self.asked: list[list[tuple[str, str]]] = []

    def predict(self, pairs: list[tuple[str, str]]) -> list[dict[str, float]]:
        self.asked.append(list(pairs))
        return [self.answers[p] for p in pairs]


def _answer(entailment: float, contradiction: float) -> dict[str, float]:
    return {"entailment": entailment, "neutral": 1 - entailment - contradiction,
            "contradiction": contradiction}


def test_one_way_round_is_enough_only_for_a_plainly_neutral_or_entailed_pair() -> None:
    """``both_ways_from``: the later-first direction is asked only where the earlier-first one
    leaves the pair open; where it is asked, the score is the two-way score."""
    from checker.nli.contradict import ENTAILED, score_pairs

    a, b, c, d = "A first claim.", "A second claim.", "A third claim.", "A fourth claim."
    model = _Recording({
        (a, b): _answer(0.1, 0.002), (b, a): _answer(0.0, 0.97),  # only later-first contradicts
        (a, c): _answer(0.0, 0.3), (c, a): _answer(0.0, 0.6),
        (a, d): _answer(ENTAILED, 0.05), (d, a): _answer(0.0, 0.9),
    })
    pairs = [(0, 1), (0, 2), (0, 3)]
    both = score_pairs(model, [a, b, c, d], pairs, both_ways_from=0.0)
    assert both == [0.97, 0.6, 0.0]
    assert len(model.asked) == 1 and len(model.asked[0]) == 6  # one call, both ways round
    model.asked.clear()
    one = score_pairs(model, [a, b, c, d], pairs, both_ways_from=0.01)
    assert one == [0.0, 0.6, 0.0]  # the first pair: one reading plainly finds no conflict
    assert model.asked == [[(a, b), (a, c), (a, d)], [(c, a)]]


def test_a_pair_that_one_reading_plainly_clears_is_no_contradiction() -> None:
    """Contradiction is symmetric: 0.95 one way round and under ``both_ways_from`` the other is
    the model misreading one sentence against the other, not a conflict."""
    from checker.nli.contradict import score_pairs

    a = "Dell played 12 minutes, and Moreno played 20."
    b = "Dell and Moreno argued with officers outside the arena, police said."
    c = "Dell did not play at all."
    model = _Recording({(a, b): _answer(0.0, 0.95), (b, a): _answer(0.0, 0.004),
                        (a, c): _answer(0.0, 0.97), (c, a): _answer(0.0, 0.4)})
    assert score_pairs(model, [a, b, c], [(0, 1), (0, 2)], both_ways_from=0.01) == [0.0, 0.97]
    # without the gate every pair is read both ways and the larger reading stands
    assert score_pairs(model, [a, b, c], [(0, 1), (0, 2)], both_ways_from=0.0) == [0.95, 0.97]


def test_the_rule_never_reports_a_pair_scored_one_way_round_only() -> None:
    """The gate is capped at the threshold: a pair at or above it is always read both ways, so
    the entailment guard still applies to every finding."""
    from checker.nli.contradict import ENTAILED, Params, find_conflicts

    a = "The harbour ferry will run every hour from Monday, the operator said."
    b = "The harbour ferry will stop running from Monday, the operator said today."
    model = _Recording({(a, b): _answer(0.0, 0.7), (b, a): _answer(ENTAILED, 0.1)})
    vectors = _unit([[1, 0], [1, 0.1]])
    conflicts, scored = find_conflicts([a, b], model, vectors, Params(both_ways_from=0.9))
    assert scored == 1 and not [c for c in conflicts if c.kind == "model"]
    assert model.asked == [[(a, b)], [(b, a)]]


def test_a_last_sentence_cut_short_goes_to_no_model() -> None:
    """A copy cut after so many characters, or a draft whose last sentence is being typed: what
    that sentence will say is not known, so the model does not read it."""
    from checker.nli.contradict import Params, find_conflicts

    a = "The release warns of stern action against people who create unrest among the public."
    b = "The release warned of stern action against people who indulged in any anti-social ac"
    model = _Recording({(a, b): _answer(0.0, 0.93), (b, a): _answer(0.0, 0.9)})
    vectors = _unit([[1, 0], [1, 0.1]])
    conflicts, scored = find_conflicts([a, b], model, vectors, Params())
    assert (conflicts, scored) == ([], 0) and model.asked == []
    # once it ends as a sentence does, the pair is read
    done = b[: b.rindex(" ")] + " activities."
    model = _Recording({(a, done): _answer(0.0, 0.93), (done, a): _answer(0.0, 0.9)})
    conflicts, scored = find_conflicts([a, done], model, vectors, Params())
    assert scored == 1 and [c.kind for c in conflicts] == ["model"]


def test_a_wh_clause_standing_alone_claims_nothing() -> None:
    # a heading or an open question of a "what we don't know" list
    for question in ("What changed and what did not in the harbour board after the vote",
                     "- Where the suspect lived after leaving the ferry crew.",
                     "How the suspect boarded the ferry"):
        assert not model_eligible(question), question
    # with a comma it opens a claim, and so may a sentence of prose with its full stop
    assert model_eligible("When police arrived, the man fled across the harbour.")
    assert model_eligible("When I saw how it looked I called the harbour master at once.")


def test_a_row_of_links_with_leader_dots_is_no_claim() -> None:
    assert not model_eligible("Previous page . . . .")
    assert not model_eligible("Next page . . . . Contents . . . .")


def test_a_speaker_s_label_is_no_part_of_the_words_said() -> None:
    # three words said under a two-word label answer a question; they claim nothing alone
    assert not model_eligible("INES CALDWELL: All the time.")
    assert model_eligible("INES CALDWELL: We closed the shop in 2019.")
    # a sentence that opens with a colon but no speaker is counted whole
    assert model_eligible("Saturday: Heavy rain and gales.")


def test_a_reply_of_little_more_than_no_or_yes_is_no_claim() -> None:
    # it answers a question the pair does not hold (a satirical interview of batch M)
    for reply in ("Judith: No I didn't, Suzie.", "Judith: Oh, goodness me no Suzie.",
                  "Yes, it is, I'm sure of that.", "PRESENTER: Well, no, not really."):
        assert not model_eligible(reply), reply
    # a reply that says what it answers is a claim, with its speaker or without
    for claim in ("Judith: No, I never went to the hospital that night.",
                  "No, the minister did not resign last week.",
                  "Well, we lost the match and the league."):
        assert model_eligible(claim), claim
    # a sentence opening on a word that merely starts like an answer is prose
    assert model_eligible("Nobody was injured in the crash.")
    assert model_eligible("Okayama police said the fire was put out by noon.")


def test_an_update_log_s_date_and_time_line_is_no_statement() -> None:
    for stamp in ("Friday, Nov. 8, 10:15 a.m.", "Friday, Nov. 8, 9:20 a.m.",
                  "Updated: Friday, Nov. 8, 11 am"):
        assert not model_eligible(stamp), stamp
    # a sentence with a clock time in it still claims something
    assert model_eligible("The train left the yard at 9 a.m. on Friday, the railroad said.")


def test_a_row_of_a_table_by_day_is_not_sent_to_the_model() -> None:
    # each part is a day's entry: read whole against one day's line, the model finds conflicts
    for row in ("Kingsmere branch: Tuesday no service; Thursday no service; Saturday no service.",
                "Opening hours: Monday 9am-5pm; Saturday 10am-4pm; Sunday closed."):
        assert not model_eligible(row), row
    # prose that joins two days' statements is still a claim
    for claim in ("Monday was wet; Tuesday was worse, the forecaster said.",
                  "The shop opens on Monday; it closes on Friday."):
        assert model_eligible(claim), claim
