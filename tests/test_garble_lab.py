"""The garble lab: the defect generator and ``checker eval garble``, on articles written here."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest

from checker.garble_lab import corrupt
from checker.garble_lab.evaluate import KIND_CODES, Article, main, score_planted, split_of

ARTICLE = (
    "Harbour deal signed\n\n"
    "The port authority in Southampton signed a new lease with Carnival on Tuesday, ending "
    "months of talks between the two companies over berth fees and cruise timetables.\n\n"
    "Carnival said the agreement would keep its ships in Southampton until 2030, and the "
    "authority said the fees would rise by four percent a year from the spring.\n\n"
    "Union leaders at the port welcomed the deal but warned that the new timetable would mean "
    "longer shifts for the crews who load the ships at night.\n\n"
    "The council in Southampton will vote on the plans for a new terminal in the summer, "
    "officials said after the meeting on Tuesday evening.\n"
)


def test_every_kind_has_codes_and_a_generator() -> None:
    assert set(KIND_CODES) == set(corrupt.GENERATORS)


@pytest.mark.parametrize("kind", sorted(corrupt.GENERATORS))
def test_each_generator_plants_one_defect_where_it_says(kind: str) -> None:
    planted = corrupt.GENERATORS[kind](ARTICLE, random.Random(f"0:test:{kind}"))
    assert planted is not None, kind
    assert planted.kind == kind and planted.text != ARTICLE
    assert 0 <= planted.start < planted.end <= len(planted.text)
    again = corrupt.GENERATORS[kind](ARTICLE, random.Random(f"0:test:{kind}"))
    assert again == planted, "the same seed must plant the same defect"


def test_a_misspelling_keeps_the_first_letter_and_is_one_slip_away() -> None:
    from rapidfuzz.distance import OSA

    rng = random.Random(3)
    for word in ("Southampton", "Carnival", "Dawson", "Scotland"):
        slip = corrupt.typo(word, rng)
        assert slip != word and slip[0] == word[0]
        assert OSA.distance(word, slip) == 1


def test_a_swap_names_one_entity_twice() -> None:
    planted = corrupt.swap_entity(ARTICLE, random.Random(1))
    assert planted is not None
    _, new = planted.detail.split("->")
    assert planted.text[planted.start : planted.end].count(new) == 2


def test_scoring_counts_found_and_missed_defects() -> None:
    articles = [Article(f"a{i}", "test", ARTICLE) for i in range(3)]
    scores = score_planted(articles, ["cms-markup", "duplicated-passage"])
    for kind in ("cms-markup", "duplicated-passage"):
        assert scores[kind].planted == 3
        assert scores[kind].found == 3 and scores[kind].false_alarms == 0
        assert scores[kind].recall == 1.0 and scores[kind].precision == 1.0


def test_the_split_is_fixed_by_the_article_id() -> None:
    ids = [f"bbc-tech-{i:03d}" for i in range(200)]
    splits = [split_of(i) for i in ids]
    assert splits == [split_of(i) for i in ids]
    assert 30 <= splits.count("dev") <= 70  # about a quarter


def test_eval_garble_runs_on_a_small_archive(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"id": f"bbc-test-{i}", "category": "tech", "text": ARTICLE} for i in range(4)]
    (tmp_path / "bbc_news_2005.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "garble.md"
    assert main(["--data", str(tmp_path), "--split", "all", "--output", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "| cms-markup | SP105 | 4 | 4 | 1.000 |" in printed
    assert "| tech | 4 | 0 | 0.000 |" in printed
    assert out.read_text(encoding="utf-8").startswith("# Garbled claims on real articles")


def test_eval_garble_without_data_skips_and_rejects_unknown_kinds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(tmp_path)]) == 0
    assert "no evaluation data" in capsys.readouterr().out
    assert main(["--data", str(tmp_path), "--kinds", "nonsense"]) == 2
    assert "unknown defect kind" in capsys.readouterr().err


# The training and evaluation lab: data generators, transforms, evaluations and benchmarks.
# A check (command line, language server, web page) must import none of it.
LAB = ("checker.garble_lab", "checker.bench", "checker.nli.datagen", "checker.nli.transforms",
       "checker.nli.indoc", "checker.nli.evaluate", "checker.nli.doceval",
       "checker.nli.drafteval", "checker.nli.quieteval", "checker.nli.offtopic_eval",
       "checker.nli.bench", "checker.source.evaluate")


def _lab_modules_after(code: str) -> list[str]:
    import json
    import subprocess
    import sys

    from testkit import cli_env

    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, env=cli_env(), timeout=300).stdout.strip().splitlines()[-1]
    return [m for m in json.loads(out) if m.startswith(LAB)]


def test_the_lab_modules_exist() -> None:
    import importlib.util

    for name in LAB:
        assert importlib.util.find_spec(name) is not None, name


def test_checks_never_import_the_lab() -> None:
    assert _lab_modules_after(
        "import checker.engine, checker.rules; checker.rules.all_rules()") == []


@pytest.mark.model
def test_a_check_with_the_model_never_imports_the_lab() -> None:
    from testkit import REPO_ROOT

    seeds = REPO_ROOT / "seeds"
    code = ("import contextlib, io\nfrom checker.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert main(['check', '--format', 'json', {str(seeds)!r}]) == 1\n"
            "import checker.lsp.server, checker.server.app")
    assert _lab_modules_after(code) == []


def test_eval_garble_names_a_broken_archive(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "cnn_dailymail_dev.jsonl").write_text('{"id": "a", "text": "ok"}\n{not json\n',
                                                       encoding="utf-8")
    assert main(["--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "cnn_dailymail_dev.jsonl:2: not an article record" in err


def test_a_spun_sentence_swaps_thesaurus_entries_inside_one_sentence() -> None:
    planted = corrupt.spin_sentence(ARTICLE, random.Random(5))
    assert planted is not None
    swaps = [pair.split("->") for pair in planted.detail.split(", ")]
    assert 2 <= len(swaps) <= 4
    table = dict(corrupt.thesaurus())
    spun = planted.text[planted.start : planted.end]
    for old, new in swaps:
        assert new in table[old] and new in spun
    # everything outside the planted sentence is untouched
    assert planted.text[: planted.start] == ARTICLE[: planted.start]
    tail = len(planted.text) - planted.end
    assert planted.text[planted.end :] == ARTICLE[len(ARTICLE) - tail :]


def test_the_training_spinner_marks_exactly_the_words_it_replaced() -> None:
    from checker.garble_lab.spin import spin

    table = {"officials": ("authorities",), "council": ("assembly",), "plans": ("schemes",),
             "summer": ("autumn",), "meeting": ("session",)}
    sentence = ("The council will vote on the plans in the summer, officials said after the "
                "meeting.")
    for seed in range(30):
        made = spin(sentence, random.Random(seed), table)
        assert made is not None
        text, spans = made
        assert text != sentence
        words = [text[a:b] for a, b in spans]
        assert all(w in {"authorities", "assembly", "schemes", "autumn", "session"}
                   or " " not in w for w in words)
        # outside the marked spans the spun copy reads as the original
        rest = "".join(text[b:a] for (_, b), (a, _) in zip([(0, 0), *spans], [*spans,
                       (len(text), len(text))], strict=True))
        assert all(piece in sentence for piece in rest.split() if piece.isalpha())


def test_the_eval_leaves_model_kinds_out_without_the_model(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"id": f"bbc-test-{i}", "category": "tech", "text": ARTICLE} for i in range(2)]
    (tmp_path / "bbc_news_2005.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert main(["--data", str(tmp_path), "--split", "all", "--no-clean"]) == 0
    out = capsys.readouterr().out
    assert "| cms-markup |" in out and "spun-sentence" not in out


def test_an_opt_in_model_rule_needs_its_own_code() -> None:
    from checker.config import Settings
    from checker.engine import selected_rules

    def codes(*select: str) -> set[str]:
        return {r.code for r in selected_rules(Settings(select=select))}

    assert "GB104" not in codes("GB") and "GB101" in codes("GB")
    assert "GB104" in codes("GB104") and "SR102" in codes("SR102")
    assert "SR102" not in codes("SR") and "GB104" not in codes("")


def test_the_second_recipe_marks_thesaurus_phrases_and_keeps_the_rest() -> None:
    from checker.garble_lab.corrupt import thesaurus
    from checker.garble_lab.spin import spin2, train_thesaurus

    training = train_thesaurus()
    assert len(training) >= 300
    # the training thesaurus never spins what the evaluation's spins: different word lists
    assert not set(training) & {key for key, _ in thesaurus()}
    assert all(choices and all(c.strip() == c and c for c in choices)
               for choices in training.values())

    table = {"council": ("assembly",), "summer": ("autumn",), "meeting": ("session",)}
    sentence = "The council met residents because of the flooding after the meeting."
    seen_phrase = False
    for seed in range(40):
        made = spin2(sentence, random.Random(seed), table)
        if made is None:
            continue
        text, spans = made
        assert spans and text != sentence
        assert all(b <= a2 for (_, b), (a2, _) in itertools.pairwise(spans))  # in order, apart
        replaced = [text[a:b] for a, b in spans]
        seen_phrase |= any(" " in w and "because of" not in w for w in replaced)
        # outside the marked spans the spun copy reads exactly as the original
        ends = [(0, 0), *spans]
        starts = [*spans, (len(text), len(text))]
        pieces = [text[b:a] for (_, b), (a, _) in zip(ends, starts, strict=True)]
        position = 0
        for piece in pieces:
            found = sentence.find(piece, position)
            assert found >= 0, (seed, piece)
            position = found + len(piece)
    assert seen_phrase  # "because of" -> a multi-word spinner phrase, at least once


def test_the_frequency_matched_neighbour_is_about_as_common_as_the_word() -> None:
    from checker.garble_lab import spin

    table = {"said": ("stated", "averred")}
    picks = {spin._matched("said", random.Random(seed), table) for seed in range(60)}
    assert "stated" in picks
    # "averred" is far rarer than "said"; it is only picked when any neighbour is allowed
    assert sum(spin._matched("said", random.Random(s), table) == "averred"
               for s in range(200)) < 200 * (spin.ANY_NEIGHBOUR + 0.1)
