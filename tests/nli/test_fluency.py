"""GB104's second opinion: a trigram language model says whether a word fits the words around it
and whether a near synonym would fit them better; a logistic combiner joins that with the
replaced-word detector's probability."""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.modelhub import ModelError
from checker.nli import fluency, replaced
from checker.rules.spun import _SCORED_WORD, REPLACED_THRESHOLD, function_words

WRITTEN = ("The Islamic State group claimed responsibility for the attack, officials said on "
           "Tuesday.")
SPUN = ("The Islamic State team claimed responsibility for the assault, civil servants "
        "mentioned on Tuesday.")


def _candidate(word: str) -> bool:
    return _SCORED_WORD.fullmatch(word) is not None and word not in function_words()


def _by_word(text: str, words: list[replaced.WordScore]) -> dict[str, float]:
    return {text[w.start : w.end]: w.probability for w in words}


def test_an_inflection_is_not_a_near_synonym() -> None:
    assert fluency._same_word("levels", "level")
    assert fluency._same_word("said", "says")
    assert not fluency._same_word("said", "stated")
    assert not fluency._same_word("group", "band")


def test_the_shipped_combiner_reads_the_features_in_order(tmp_path: Path) -> None:
    shipped = replaced.shipped_dir() / fluency.COMBINER_FILE
    combiner = fluency.Combiner.load(shipped)
    assert len(combiner.weights) == len(fluency.FEATURES)
    assert 0 < combiner.gate < 0.5
    lift = fluency.FEATURES.index("lift")
    row = [0.0] * len(fluency.FEATURES)
    better = list(row)
    better[lift] = 5.0  # a near synonym fits the words around far better
    assert combiner.probability(better) > combiner.probability(row)
    data = json.loads(shipped.read_text(encoding="utf-8"))
    data["features"] = list(reversed(data["features"]))
    (tmp_path / "combiner.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="features"):
        fluency.Combiner.load(tmp_path / "combiner.json")


def test_the_synonym_table_holds_words_that_have_a_word_among_their_nearest() -> None:
    with gzip.open(replaced.shipped_dir() / fluency.NEIGHBOURS_FILE, "rt",
                   encoding="utf-8") as fh:
        table = dict(line.rstrip("\n").split("\t") for line in fh)
    assert len(table) > 15_000
    # "said" has "acknowledged" among its ten nearest; "acknowledged" gets "said" back
    assert "acknowledged" in table["said"].split()
    assert "said" in table["acknowledged"].split()


@pytest.mark.model
def test_a_spun_word_fits_its_neighbours_worse_than_the_word_it_replaced() -> None:
    lm = fluency.Fluency(replaced.shipped_dir())
    lift, fit = fluency.FEATURES.index("lift"), fluency.FEATURES.index("fit")
    group = lm.features(WRITTEN, WRITTEN.index("group"), 0.5)
    team = lm.features(SPUN, SPUN.index("team"), 0.5)
    assert team[fit] < group[fit]
    said = lm.features(WRITTEN, WRITTEN.index("said"), 0.5)
    mentioned = lm.features(SPUN, SPUN.index("mentioned"), 0.5)
    assert mentioned[lift] > 0 > said[lift]  # "said" fits there better than any near synonym
    unknown = lm.features("The zqxv plan was approved on Monday by the board.", 4, 0.5)
    assert unknown[fluency.FEATURES.index("unknown")] == 1.0


@pytest.mark.model
def test_the_near_synonym_that_fits_best_is_offered_only_when_it_fits_far_better() -> None:
    lm = fluency.Fluency(replaced.shipped_dir())
    assert lm.judge(SPUN, SPUN.index("mentioned"), 0.5)[1] == "said"
    crash = "Police are attractive for witnesses after a crash on the bypass on Sunday night."
    assert lm.judge(crash, crash.index("attractive"), 0.5)[1] == "appealing"
    # the written word: nothing fits its place better
    assert lm.judge(WRITTEN, WRITTEN.index("said"), 0.5)[1] == ""


@pytest.mark.model
def test_the_second_opinion_quiets_rare_right_words_and_raises_spun_ones() -> None:
    model = replaced.ReplacedWordModel(replaced.shipped_dir())
    clean = ("The economy shrank in the third quarter, the first contraction since 2009, and "
             "economists were hesitant to predict a quick rebound.")
    spun = ("The mayor acknowledged on Monday that the council would spend more on roads "
            "subsequent year.")
    raw = [_by_word(t, w) for t, w in zip((clean, spun), model.score([clean, spun]),
                                          strict=True)]
    both = [_by_word(t, w) for t, w in zip((clean, spun), model.combined([clean, spun],
                                                                         _candidate),
                                           strict=True)]
    for word in ("contraction", "hesitant"):
        assert both[0][word] < raw[0][word]
    assert both[1]["acknowledged"] > raw[1]["acknowledged"]
    # the detector alone would report the clean sentence's word and miss the spun one
    assert raw[0]["contraction"] > raw[1]["acknowledged"]
    assert both[1]["acknowledged"] >= REPLACED_THRESHOLD > max(both[0].values())
    # names, function words and words under the gate are not scored again
    assert "The" not in both[1] and "the" not in both[1]


@pytest.mark.model
def test_without_pocketsphinx_the_combined_score_is_a_model_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    model = replaced.ReplacedWordModel(replaced.shipped_dir())
    monkeypatch.setitem(sys.modules, "pocketsphinx", None)
    with pytest.raises(ModelError, match="pocketsphinx"):
        model.combined([SPUN], _candidate)


class _Fixed:
    """A stand-in detector: each sentence's words get the scores given, in order."""

    def __init__(self, scores: dict[str, list[float]]) -> None:
        self.scores = scores

    def combined(self, sentences: list[str],
                 candidate: Callable[[str], bool]) -> list[list[replaced.WordScore]]:
        out = []
        for text in sentences:
            words = list(re.finditer(r"\b[a-z]+\b", text))
            given = self.scores.get(text.split()[0], [])
            out.append([replaced.WordScore(m.start(), m.end(), p)
                        for m, p in zip(words, given, strict=False) if candidate(m.group())])
        return out


def test_a_sentence_is_reported_when_its_words_together_make_a_replacement_likely(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.config import Settings
    from checker.engine import check_text
    from checker.nli import hub

    text = ("Alpha reporters wrote that the harbour would open again soon.\n\n"
            "Bravo reporters wrote that the harbour would open again soon.\n\n"
            "Charlie reporters wrote that the harbour would open again soon.\n")
    scores = {"Alpha": [0.8],  # one word alone, 0.8: under the pooled 0.85
              "Bravo": [0.6, 0.7],  # together 1 - 0.4 * 0.3 = 0.88, one of them 0.5 or more
              "Charlie": [0.45, 0.45, 0.45, 0.45]}  # together 0.91, none of them 0.5
    monkeypatch.setattr(hub, "replaced_word_model", lambda ctx: _Fixed(scores))
    result = check_text(text, "draft.txt", "text", Settings(select=("GB104",)))
    assert result.error is None
    [finding] = result.findings
    assert text[finding.start : finding.end] == "wrote"  # Bravo's 0.7, the stronger
    assert [text[r.start : r.end] for r in finding.related] == ["reporters"]
    assert text.rindex("Bravo") < finding.start < text.index("Charlie")


class _ByWord(_Fixed):
    """A stand-in detector that scores each word by what it is."""

    def __init__(self, scores: dict[str, float]) -> None:
        self.by_word = scores

    def combined(self, sentences: list[str],
                 candidate: Callable[[str], bool]) -> list[list[replaced.WordScore]]:
        return [[replaced.WordScore(m.start(), m.end(), self.by_word.get(m.group(), 0.0))
                 for m in re.finditer(r"\b[a-z]+\b", text) if candidate(m.group())]
                for text in sentences]


def test_numbers_spelled_out_are_not_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.config import Settings
    from checker.engine import check_text
    from checker.nli import hub

    text = ("Echo scored four goals in his third match of the season.\n\n"
            "Foxtrot scored plenty goals in his opening match of the season.\n")
    # "four" and "third" as suspicious as "plenty" and "opening": only the words are judged
    scores = {"four": 0.9, "third": 0.9, "plenty": 0.9, "opening": 0.9}
    monkeypatch.setattr(hub, "replaced_word_model", lambda ctx: _ByWord(scores))
    result = check_text(text, "draft.txt", "text", Settings(select=("GB104",)))
    assert result.error is None
    [finding] = result.findings
    assert text[finding.start : finding.end] in {"plenty", "opening"}
    assert finding.start > text.index("Foxtrot")
