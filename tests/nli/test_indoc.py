"""Second-stage training data: the held-out split and the replay trim."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.nli.datagen import Pair
from checker.nli.indoc import held_out, trim_replay, written_pairs


def test_odd_numbered_articles_are_held_out() -> None:
    assert [held_out(k) for k in range(4)] == [False, True, False, True]


def test_the_replay_is_trimmed_per_kind_and_second_stage_pairs_all_kept() -> None:
    pairs = [Pair("neutral", f"p{k}", f"h{k}", src) for k, src in enumerate(
        ["snli", "indoc-bbc", "snli", "news-antonym", "snli", "written", "news-negate", "sick"])]
    kept = trim_replay(pairs, {"snli": 2, "news": 1, "sick": 0})
    assert [p.source for p in kept] == [
        "snli", "indoc-bbc", "snli", "news-antonym", "written"
    ]


def test_written_pairs_are_read_and_repeated(tmp_path: Path) -> None:
    path = tmp_path / "w.tsv"
    path.write_text("label\tpremise\thypothesis\n"
                    "contradiction\tThe plan was approved.\tThe plan was thrown out.\n"
                    "bogus\tx\ty\n", encoding="utf-8")
    rows = written_pairs(path)
    assert {(p.label, p.source) for p in rows} == {("contradiction", "written")}
    assert len(rows) == 3


def test_stage4_reverses_each_written_pair_by_its_kind(tmp_path: Path) -> None:
    from checker.nli.indoc import build_stage4, is_dev, reverse, stage4_dev

    assert reverse(Pair("entailment", "A long one.", "Short.", "detail")) == Pair(
        "neutral", "Short.", "A long one.", "detail")  # the short one does not entail the long
    assert reverse(Pair("entailment", "Prices rose.", "Prices went up.", "synonym")).label == (
        "entailment")
    assert reverse(Pair("contradiction", "a", "b", "reworded-flip")).label == "contradiction"
    assert reverse(Pair("neutral", "a", "b", "list")).label == "neutral"

    replay = tmp_path / "stage3.tsv"
    replay.write_text("label\tpremise\thypothesis\tsource\n" + "".join(
        f"neutral\tp{k}\th{k}\tsnli\n" for k in range(10)), encoding="utf-8")
    written = tmp_path / "w.tsv"
    rows = [("entailment", f"The mayor quit on day {k}.", f"The mayor resigned on day {k}.",
             "synonym") for k in range(40)]
    written.write_text("label\tpremise\thypothesis\tcategory\n" + "".join(
        "\t".join(r) + "\n" for r in rows), encoding="utf-8")
    pairs = build_stage4(replay, [written], replay=4)
    dev = stage4_dev([written])
    kept = [r for r in rows if not is_dev(Pair(*r))]
    assert 0 < len(kept) < len(rows)  # some pairs are held back, by hash
    assert sum(p.source == "snli" for p in pairs) == 4
    assert sum(p.source == "synonym" for p in pairs) == 4 * len(kept)  # both ways, twice
    assert len(dev) == 2 * (len(rows) - len(kept))
    assert not {(p.premise, p.hypothesis) for p in dev} & {(p.premise, p.hypothesis)
                                                           for p in pairs}


def test_stage5_hard_negatives_are_kept_both_ways_and_easy_ones_once() -> None:
    from checker.nli.indoc import label_mined

    def probs(contra: float, ent: float) -> dict[str, float]:
        return {"contradiction": contra, "entailment": ent, "neutral": 1 - contra - ent}

    raw = [("cnn", "One inmate was airlifted.", "That inmate was in surgery."),
           ("bbc", "Shares rose.", "Shares went up on Monday."),
           ("web", "The shop opens at nine.", "Parking is free.")]
    there = [probs(0.96, 0.0), probs(0.0, 0.9), probs(0.1, 0.0)]
    back = [probs(0.1, 0.0), probs(0.31, 0.2), probs(0.0, 0.0)]
    hard, easy = label_mined(raw, there, back, seed=41)
    assert [(p.label, p.premise) for p in hard] == [
        ("neutral", "One inmate was airlifted."), ("neutral", "That inmate was in surgery."),
        ("entailment", "Shares rose."), ("neutral", "Shares went up on Monday.")]
    assert {p.source for p in hard} == {"indoc5-cnn", "indoc5-bbc"}
    assert len(easy) == 1 and easy[0].label == "neutral"
    assert {easy[0].premise, easy[0].hypothesis} == {"The shop opens at nine.", "Parking is free."}
    assert label_mined(raw, there, back, seed=41)[1] == easy  # the order is a stable choice


def test_polytope_articles_are_detokenised_and_half_held_out() -> None:
    from checker.nli.indoc import polytope_documents
    from checker.resources import shared_data_path

    if not shared_data_path("summac", "polytope.json").is_file():
        pytest.skip("../shared/data/summac/polytope.json is absent")
    docs = list(polytope_documents())
    assert 80 <= len(docs) <= 100  # the even half of 178 distinct articles
    assert all(source == "cnn" and kind == "text" for source, _, kind in docs)
    assert not any(" 's " in text or " ." in text for _, text, _ in docs)


def test_no_evaluation_sentence_is_in_the_written_training_sets() -> None:
    """The team's written training pairs (models/train) and the hand-written evaluation sets
    (models/eval) were written apart: no sentence of an evaluation set is trained on."""
    from checker.nli.evaluate import read_tsv

    root = Path(__file__).resolve().parents[2] / "models"
    evaluated = {" ".join(s.split()).lower() for path in sorted((root / "eval").glob("*.tsv"))
                 for _, premise, hypothesis in read_tsv(path) for s in (premise, hypothesis)}
    trained = {" ".join(s.split()).lower() for path in sorted((root / "train").glob("*.tsv"))
               for row in path.read_text(encoding="utf-8").splitlines()[1:]
               for s in row.split("\t")[1:3]}
    assert len(evaluated) > 1000 and len(trained) > 3000
    assert sorted(evaluated & trained) == []
