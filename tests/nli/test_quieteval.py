"""checker eval quiet's score cache holds one model's scores."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from checker.nli.quieteval import load_cache


def test_a_cache_keeps_its_scores_for_its_own_model_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "quiet.cache"
    pair = ("The council approved the plan.", "The council rejected the plan.")
    pickle.dump({"nli": {pair: {"contradiction": 0.9}}, "emb": {"x": [1.0]}}, path.open("wb"))
    # a file from before the cache named its model holds the shipped model's scores
    assert load_cache(path, "shipped")["nli"] == {pair: {"contradiction": 0.9}}
    other = load_cache(path, "models/_cand")
    assert other["nli"] == {} and other["emb"] == {"x": [1.0]}
    assert "scoring afresh" in capsys.readouterr().err
    assert load_cache(None, "shipped") == {"nli": {}, "emb": {}, "scorer": "shipped"}
    assert load_cache(tmp_path / "missing", "shipped")["nli"] == {}
