"""CT105: a clause of consequence that another sentence turns round (model-free)."""

from __future__ import annotations

from pathlib import Path

from checker.config import Settings
from checker.engine import check_text
from checker.nli.patterns import consequences, reversed_consequences

SEED = Path(__file__).resolve().parents[2] / "seeds" / "niger-withdrawal.txt"


def _found(sentences: list[str]) -> list[tuple[int, list[int]]]:
    return [(c.sentence, against) for c, against in reversed_consequences(sentences)]


def test_the_seed_s_boosting_is_found_against_the_envoy_s_loss() -> None:
    text = SEED.read_text(encoding="utf-8")
    result = check_text(text, "seed.txt",
                        settings=Settings(select=("CT105",), use_model=False))
    doc = result.document
    assert doc is not None
    [finding] = result.findings
    assert doc.line_col(finding.start)[0] == 3
    assert text[finding.start:finding.end] == "boosting"
    assert [doc.line_col(r.start)[0] for r in finding.related] == [43]


def test_a_closure_said_to_boost_what_it_is_a_blow_to() -> None:
    sentences = [
        "The Brackton steelworks will close next spring, the owners said, boosting the "
        "Brackton economy.",
        "About 900 people work at the plant.",
        "The closure is a heavy blow to Brackton, the council leader said.",
    ]
    assert _found(sentences) == [(0, [2])]


def test_a_sale_said_to_weaken_what_it_strengthens() -> None:
    sentences = [
        "Carvell Bank will sell its insurance arm this year, weakening Carvell's balance sheet.",
        "Analysts said the sale would strengthen Carvell's finances.",
    ]
    [(consequence, against)] = reversed_consequences(sentences)
    assert consequence.sign == -1 and consequence.participle == "weakening"
    assert against == [1]


def test_consequences_that_agree_or_concern_another_side_are_quiet() -> None:
    blow = "The closure is a heavy blow to Brackton, the council leader said."
    quiet = [
        # the same outcome both times
        ["The Brackton steelworks will close next spring, the owners said, hurting the "
         "Brackton economy.", blow],
        # what is helped is named nowhere else: good for the firm, bad for the town
        ["Dallow Steel will close its Brackton works next spring, boosting profits.", blow],
        # the loss is denied
        ["The Brackton steelworks will close next spring, boosting the Brackton economy.",
         "Brackton will not lose out from the closure, the council leader said."],
        # another event: a sale is not the closure
        ["The Brackton steelworks will be sold next spring, boosting the Brackton economy.",
         "Storm damage to the Brackton road bridge is a blow to the town."],
        # a list of measures, not a consequence of one event
        ["The plan includes cost reductions, improving stores and customer service.",
         "Shoppers at Brackton said the cuts were a loss to the town."],
    ]
    for sentences in quiet:
        assert _found(sentences) == [], sentences


def test_a_consequence_needs_an_event_and_a_named_side() -> None:
    assert consequences(["Prices rose in June, boosting the Brackton economy."]) == []
    [one] = consequences(["Troops will leave Corrow, boosting the Estmere government."])
    assert one.families == frozenset({"withdrawal"}) and one.sign == 1
    assert "Estmere" in one.beneficiaries


def test_a_measure_said_to_move_the_wrong_way_for_what_helped_it() -> None:
    def ct105(text: str) -> list[str]:
        result = check_text(text, "d.txt", settings=Settings(select=("CT105",), use_model=False))
        return [text[f.start:f.end] for f in result.findings]

    fell = ("Organisers said ticket sales had fallen by 40 percent on last year, helped by the "
            "success of the home rinks.")
    assert ct105(fell) == ["sales had fallen by 40 percent on last year, helped by"]
    assert ct105(fell.replace("fallen", "risen")) == []
    assert ct105(fell.replace("had fallen", "had not fallen")) == []
    # a fall of what should fall, and a rise of what should fall that something caused
    assert ct105("Road deaths fell by a third, helped by the new speed cameras.") == []
    assert ct105("Road deaths rose by a third, helped by the new speed cameras.") == [
        "deaths rose by a third, helped by"]
    assert ct105("Road deaths rose by a third, driven by faster traffic.") == []
