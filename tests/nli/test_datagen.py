"""The news-pair generator on sentences written for this test."""

from __future__ import annotations

from checker.nli import datagen

ARTICLES = [
    [
        "The central bank raised interest rates by a quarter point on Wednesday.",
        "Officials in London said the decision was taken unanimously.",
        "Prices rose sharply in March after the storm closed the port.",
        "The government will not accept the proposal from the union.",
    ],
    [
        "More than 1,000 soldiers will leave the country by September.",
        "The talks in Geneva broke down last week after two days.",
        "The company reported a loss of 40 million dollars in London.",
        "Police arrested a 34-year-old man in Leeds on Friday.",
    ],
]


def test_reverse_contradictions_only_when_asked() -> None:
    plain = datagen.news_pairs(ARTICLES, 60, seed=3)
    assert not any(p.source.endswith("-reverse") and p.label == "contradiction" for p in plain)
    doubled = datagen.news_pairs(ARTICLES, 60, seed=3, both=1.0)
    contradictions = [p for p in doubled if p.label == "contradiction"]
    assert contradictions
    forward = {
        (p.premise, p.hypothesis) for p in contradictions if not p.source.endswith("-reverse")
    }
    backward = {(p.hypothesis, p.premise) for p in contradictions if p.source.endswith("-reverse")}
    # Every reversed pair is a forward pair turned round (the last forward one may lose its twin to
    # the count cut-off).
    assert backward and backward <= forward
    assert len(forward) - len(backward) <= 1
    # More contradictions than the plain mix of the same size.
    assert len(contradictions) > sum(p.label == "contradiction" for p in plain)
