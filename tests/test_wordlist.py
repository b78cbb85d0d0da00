"""The rules' reading of wordfreq's English lists gives wordfreq's own figures."""

from __future__ import annotations

import subprocess
import sys

import pytest

from checker.rules.wordlist import zipf

WORDS = ("the", "Dawson", "Dawsen", "Southampton", "Southamtpon", "Mali", "Mail", "Aston",
         "Austin", "Fitzgibbon", "Prigogine", "Defence", "Defnce", "Gómez", "Scotland",
         "Bassum", "Heathrow", "Heathroe", "Stephanie")


@pytest.mark.parametrize("word", WORDS)
def test_same_figure_as_wordfreq(word: str) -> None:
    wordfreq = pytest.importorskip("wordfreq")
    assert zipf(word) == wordfreq.zipf_frequency(word, "en")


def test_a_slip_is_absent_and_a_name_is_not() -> None:
    assert zipf("Dawsen") == 0.0 < 3.0 < zipf("Dawson")
    assert zipf("Mail") > zipf("Mali") > 3.0


def test_checking_does_not_import_wordfreq_itself() -> None:
    code = ("import sys; from checker.engine import check_text; "
            "from checker.config import Settings; "
            "r = check_text('Sgt Dawson spoke. Sgt Dawsen left. Dawson stayed.', "
            "settings=Settings(use_model=False)); assert [f.code for f in r.findings] == "
            "['NM101'], r.findings; "
            "print('wordfreq' in sys.modules, 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]


def test_without_wordfreq_the_one_off_check_stays_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.config import Settings
    from checker.engine import check_text
    from checker.rules import wordlist

    def missing(*_: object) -> None:
        raise wordlist.WordListMissing("the wordfreq package is not installed")

    wordlist.available.cache_clear()
    wordlist.zipf.cache_clear()  # figures an earlier test looked up would hide the missing list
    monkeypatch.setattr(wordlist, "_data_dir", missing)
    monkeypatch.setattr(wordlist, "_packed", missing)
    try:
        text = ("Southampton won at home. The Southamtpon manager praised his defence. "
                "President Mohamed Bassum was ousted. Mr. Basoom is under arrest. Aides to "
                "Mr. Bassum declined to comment.")
        result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("NM101",)))
        assert result.error is None
        assert [text[f.start : f.end] for f in result.findings] == ["Basoom"]
    finally:
        wordlist.available.cache_clear()
        wordlist.zipf.cache_clear()
