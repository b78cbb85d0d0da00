"""Second-stage training data: the held-out split and the replay trim."""

from __future__ import annotations

from pathlib import Path

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
