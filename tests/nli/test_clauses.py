"""Statements read out of clauses (checker/nli/clauses.py) and compared by CT101."""

from __future__ import annotations

import pytest

from checker.config import Settings
from checker.engine import check_text
from checker.nli.clauses import core, propositions, signs_of_conflict
from checker.nli.contradict import Params, clause_pairs, find_conflicts


@pytest.mark.parametrize(("sentence", "expected"), [
    # a subject relative after the sentence's subject
    ("Season ticket holders, who will not get a refund for the lost matches, were told by email.",
     ["Season ticket holders will not get a refund for the lost matches."]),
    # an object relative: the antecedent goes after the verb and its particle
    ("The bypass scheme, which the cabinet turned down on Tuesday, would have cost £40m.",
     ["The cabinet turned down the bypass scheme on Tuesday."]),
    # an object relative with an adverb in its verb group
    ("The otter, which a ranger had first spotted in May, has not been seen since.",
     ["A ranger had first spotted the otter in May."]),
    # whose
    ("The bakery, whose sales doubled last year, is hiring.",
     ["The bakery's sales doubled last year."]),
    # a name before the comma, not the sentence's opening; an age is no part of it
    ("The magistrate told Hollis, 41, who had admitted the theft, that he would be fined.",
     ["Hollis had admitted the theft."]),
    # a sentence that opens on a clause of concession: both halves
    ("Although the pier reopened in March, the café on it is still shut.",
     ["The pier reopened in March.", "The café on it is still shut."]),
])
def test_statements_read_out_of_clauses(sentence: str, expected: list[str]) -> None:
    assert propositions(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The ferry leaves at nine and returns at six.",  # no clause
    "Because of the storm, the ferry stayed in port.",  # a phrase, not a clause
    "While still in the harbour, the crew raised the alarm.",  # a phrase of time
    # the opening is a clause of its own, not the relative's antecedent
    "The footage shows the driver leaving the cab, who then runs off.",
    # an object relative whose verb takes a clause: nothing to put the antecedent after
    "The mast, which engineers had said should be removed, is still up.",
])
def test_no_statement_where_the_clause_cannot_be_read_out(sentence: str) -> None:
    assert propositions(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Dana Pryce, 52, of Mill Lane, Harwick, was found guilty of theft following a trial.",
     "Dana Pryce was found guilty of theft."),
    ("The trust said all patients would be moved to the new wing, equivalent to 40 beds.",
     "All patients would be moved to the new wing."),
    ("Owen Hale, who farms near Tarn End, said he had sold half of his flock.",
     "Owen Hale had sold half of his flock."),
    ("Pupil Amy Dace, 10, said the new hall was her favourite part.",
     "The new hall was her favourite part."),
    ("Ms Reyes told Radio Coastal she had resigned from the board.",
     "Ms Reyes had resigned from the board."),
    ("The lifeboat was launched at 6am.", "The lifeboat was launched at 6am."),  # nothing to cut
])
def test_core_keeps_the_main_statement(sentence: str, expected: str) -> None:
    assert core(sentence) == expected


@pytest.mark.parametrize(("a", "b", "opposed"), [
    ("Fans will not get a refund.", "Fans will be refunded in full.", True),  # a denial
    ("The cabinet voted down the scheme.", "The cabinet backed the scheme.", True),  # a phrase
    ("The board blocked the sale.", "The board approved the sale.", True),  # opposites
    ("The club sold 4,000 tickets.", "The club sold 6,500 tickets.", True),  # figures
    # one denial on each side, in different words: they agree
    ("She denied taking the money.", "She said she never took the money, and never would.",
     False),
    ("The otter was seen in May.", "The otter has a den by the weir.", False),  # detail
    ("The club sold 4,000 tickets.", "The club sold 4,000 tickets in a day.", False),
    # figures of two things: a count of churches, an age, a year
    ("The food bank runs centres at four churches.", "Ann Lee, 71, has helped since 2016.",
     False),
    ("The ferry takes 55 minutes.", "The launch takes 70 minutes.", True),
    # an opposite the statement holds itself ("new" / "old") is no sign
    ("The new hall seats fewer people than the old one did.",
     "Her favourite part of the new hall is the stage.", False),
])
def test_signs_of_conflict(a: str, b: str, opposed: bool) -> None:
    assert signs_of_conflict(a, b) is opposed


def test_a_clause_s_sign_of_conflict_must_be_in_its_own_words() -> None:
    other = "This weekend's Harwick Show has been cancelled because of flooding."
    # the denial is in the other sentence only: the clause says nothing it denies
    assert not signs_of_conflict("Harwick Events runs the show.", other, "runs the show")
    assert signs_of_conflict("Harwick Events runs the show.", other)
    # the clause's own denial
    assert signs_of_conflict("The show was not held.", other.replace("cancelled", "held"),
                             "was not held")


def test_a_statement_is_paired_with_the_sentences_that_share_its_words() -> None:
    sentences = [
        "The cabinet approved the bypass scheme at its meeting on Tuesday.",
        "Work on the new library in Harwick starts in June.",
        "The bypass scheme, which the cabinet turned down on Tuesday, would have cost £40m.",
    ]
    pairs = clause_pairs(sentences, None)
    assert pairs == [(0, 2, "The cabinet turned down the bypass scheme on Tuesday.",
                      "the cabinet turned down on Tuesday")]


DRAFT = (
    "The town council approved the harbour wall repairs at a meeting on Monday evening.\n\n"
    "Engineers will begin work in the spring, the council said.\n\n"
    "The harbour wall repairs, which the town council voted down on Monday, were to be paid "
    "for from reserves.\n"
)


@pytest.mark.model
def test_a_contradiction_told_in_a_clause_is_found() -> None:
    result = check_text(DRAFT, "draft.txt", settings=Settings(select=("CT101",)))
    assert result.error is None
    clause_at = DRAFT.index("The harbour wall repairs, which")
    assert any(f.code == "CT101" and clause_at in (f.start, *(r.start for r in f.related))
               for f in result.findings), result.findings


@pytest.mark.model
def test_without_clauses_the_whole_sentence_hides_it() -> None:
    from checker.document import Document, sentence_texts
    from checker.nli.backend import load_embedder, load_nli

    doc = Document(path="draft.txt", text=DRAFT)
    texts = sentence_texts(doc)
    model, embeddings = load_nli({}), load_embedder({}).encode(texts)

    def model_conflicts(params: Params) -> set[tuple[int, int]]:
        conflicts, _ = find_conflicts(texts, model, embeddings, params,
                                      doc.sentence_blocks(), doc.sentence_paragraphs())
        return {(c.earlier, c.later) for c in conflicts if c.kind == "model"}

    assert model_conflicts(Params(clauses=False)) == set()
    assert (0, 2) in model_conflicts(Params())


@pytest.mark.model
def test_clauses_that_agree_with_the_rest_are_not_flagged() -> None:
    text = (
        "The town council approved the harbour wall repairs at a meeting on Monday evening.\n\n"
        "The repairs, which the council approved after a two-hour debate, will be paid for "
        "from reserves.\n\n"
        "Mayor Ruth Ashby, who chaired the meeting, said the wall had not been repaired since "
        "1987.\n\n"
        "Although the work will close the slipway for a month, fishing boats can still use the "
        "north quay.\n"
    )
    result = check_text(text, "draft.txt", settings=Settings(select=("CT",)))
    assert result.error is None
    assert result.findings == []
