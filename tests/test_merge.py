"""One finding per problem: findings on the same text merge into the most specific one."""

from __future__ import annotations

from pathlib import Path

from testkit import SEED, cli, run_json

from checker.findings import Applicability, Edit, Finding, Fix, Related, Severity
from checker.merge import AUTHORITATIVE, CATCH_ALL, merge_findings, tier
from checker.rules import all_rules


def finding(code: str, start: int, end: int, *, category: str = "spam",
            severity: Severity = Severity.WARNING, fix: Fix | None = None,
            related: tuple[Related, ...] = (), confidence: float | None = None) -> Finding:
    return Finding(code, code.lower(), category, severity, f"{code} says so", start, end,
                   confidence=confidence, related=related, fix=fix)


def delete(start: int, end: int) -> Fix:
    return Fix("remove the line", (Edit(start, end, ""),))


def respell(start: int, end: int, to: str) -> Fix:
    return Fix(f"spell it {to}", (Edit(start, end, to),), Applicability.UNSAFE)


def test_a_teaser_line_that_is_also_off_topic_is_one_finding() -> None:
    teaser = finding("SP101", 10, 60, fix=delete(10, 61))
    off_topic = finding("SP110", 10, 60, confidence=0.97)
    (merged,) = merge_findings([off_topic, teaser])
    assert merged.code == "SP101"
    assert merged.fix == teaser.fix
    (also,) = merged.related
    assert (also.code, also.start, also.end) == ("SP110", 10, 60)
    assert also.message == "SP110: SP110 says so"


def test_the_vocabulary_beats_the_majority_spelling_and_only_its_fix_is_offered() -> None:
    anchor = Related(0, 6, "spelled 'Bassum' here")
    majority = finding("NM101", 20, 26, category="name", fix=respell(20, 26, "Bassum"),
                       related=(anchor,))
    vocabulary = finding("NM103", 20, 26, category="name", fix=respell(20, 26, "Bazoum"))
    (merged,) = merge_findings([majority, vocabulary])
    assert merged.code == "NM103"
    assert merged.fix is not None and merged.fix.edits == (Edit(20, 26, "Bazoum"),)
    assert [r.code for r in merged.related] == ["NM101", None]
    assert anchor in merged.related  # the majority rule's evidence is kept


def test_the_source_beats_the_document() -> None:
    in_doc = finding("NM101", 20, 26, category="name", fix=respell(20, 26, "Bassum"))
    source = finding("SR104", 20, 26, category="source", fix=respell(20, 26, "Bazoum"))
    (merged,) = merge_findings([in_doc, source])
    assert merged.code == "SR104"
    assert merged.fix == source.fix


def test_merging_keeps_the_highest_severity() -> None:
    teaser = finding("SP101", 0, 40, fix=delete(0, 41))
    off_topic = finding("SP110", 0, 40, severity=Severity.ERROR)  # configured as error
    (merged,) = merge_findings([teaser, off_topic])
    assert merged.code == "SP101"
    assert merged.severity is Severity.ERROR


def test_a_primary_without_a_fix_takes_the_best_fix_of_its_group() -> None:
    inverted = finding("CT103", 0, 40, category="contradiction")
    unsupported = finding("SR103", 0, 40, category="source", severity=Severity.INFO)
    teaser = finding("SP110", 0, 40, fix=delete(0, 41))
    (merged,) = merge_findings([unsupported, teaser, inverted])
    assert merged.code == "CT103"
    assert merged.fix == teaser.fix
    assert {r.code for r in merged.related} == {"SP110", "SR103"}


def test_a_finding_inside_text_a_fix_deletes_joins_that_finding() -> None:
    teaser = finding("SP101", 100, 180, fix=delete(100, 181))
    figure = finding("SR103", 169, 170, category="source", severity=Severity.INFO)
    (merged,) = merge_findings([teaser, figure])
    assert merged.code == "SP101"
    assert [(r.code, r.start) for r in merged.related] == [("SR103", 169)]


def test_a_finding_inside_a_line_nobody_deletes_stands_alone() -> None:
    """SP110 is a judgement without a fix: a name slip inside its line is its own problem."""
    off_topic = finding("SP110", 100, 180)
    name = finding("NM101", 120, 126, category="name")
    assert merge_findings([off_topic, name]) == [off_topic, name]


def test_different_problems_in_one_sentence_stay_apart() -> None:
    stance = finding("CT104", 0, 150, category="contradiction")
    name = finding("NM101", 30, 36, category="name", fix=respell(30, 36, "Bassum"))
    doubled = finding("TY101", 148, 151, category="typography", fix=delete(148, 150))
    assert merge_findings([doubled, name, stance]) == [stance, name, doubled]


def test_nearly_the_same_span_is_the_same_problem_but_a_neighbour_is_not() -> None:
    line = finding("SP101", 0, 100, fix=delete(0, 101))
    trimmed = finding("SP110", 0, 97)  # the same line without its trailing punctuation
    neighbour = finding("SP110", 101, 200)
    merged = merge_findings([line, trimmed, neighbour])
    assert [f.code for f in merged] == ["SP101", "SP110"]
    assert merged[0].related[0].code == "SP110"
    assert merged[1] == neighbour


def test_findings_without_a_span_are_never_merged() -> None:
    """Unused suppressions in HTML have no position (0, 0); each is its own finding."""
    a = Finding("CK100", "unused-suppression", "other", Severity.WARNING, "for SP101", 0, 0)
    b = Finding("CK100", "unused-suppression", "other", Severity.WARNING, "for NM101", 0, 0)
    assert len(merge_findings([a, b])) == 2


def test_nested_deletions_go_to_the_outermost_best_ranked_holder() -> None:
    footer = finding("SP102", 0, 200, fix=delete(0, 201))
    inner_line = finding("SP101", 50, 120, fix=delete(50, 121))
    word = finding("TY104", 60, 68, category="typography", fix=delete(60, 64))
    (merged,) = merge_findings([word, inner_line, footer])
    assert merged.code == "SP102"
    assert {r.code for r in merged.related} == {"SP101", "TY104"}


def test_merging_is_independent_of_input_order() -> None:
    items = [finding("SP101", 0, 50, fix=delete(0, 51)), finding("SP110", 0, 50),
             finding("SR103", 10, 12, category="source", severity=Severity.INFO),
             finding("NM101", 60, 66, category="name"), finding("NM103", 60, 66, category="name")]
    assert merge_findings(items) == merge_findings(list(reversed(items)))


def test_the_precedence_table_names_real_rules() -> None:
    codes = {r.code for r in all_rules()}
    assert AUTHORITATIVE.issubset(codes) and CATCH_ALL.issubset(codes)
    assert tier("SP110") == 2 and tier("CT101") == 2  # model judgements
    assert tier("SP101") == 1 and tier("NM101") == 1
    assert tier("NM103") == 0 and tier("SR103") == 3


def test_seed_with_a_vocabulary_gives_one_name_finding_with_one_fix(tmp_path: Path) -> None:
    config = tmp_path / "checker.toml"
    config.write_text('[names]\nvocabulary = ["Mohamed Bazoum"]\n', encoding="utf-8")
    rc, data, _ = run_json(["--no-model", "--config", config, SEED])
    assert rc == 1
    findings = data["files"][0]["findings"]
    for line in (25, 37):  # "Mr. Basoom": NM101 (-> Bassum) and NM103 (-> Bazoum) before
        (hit,) = [f for f in findings if f["line"] == line and f["category"] == "name"]
        assert hit["code"] == "NM103"
        assert [e["replacement"] for e in hit["fix"]["edits"]] == ["Bazoum"]
        assert any(r.get("code") == "NM101" for r in hit["related"])
        assert any(r["line"] == 21 for r in hit["related"])  # the other spelling, as before
    rc, out, _ = cli(["check", "--no-model", "--config", config, SEED])
    assert "    also: NM101: 'Basoom' is spelled 'Bassum' elsewhere in this document" in out


def test_one_rule_twice_on_one_span_is_left_as_the_rule_said() -> None:
    first = finding("CT101", 20, 40, category="contradiction",
                    related=(Related(0, 8, "the earlier statement"),))
    second = finding("CT101", 20, 40, category="contradiction",
                     related=(Related(9, 15, "the earlier statement"),))
    unsupported = finding("SR103", 20, 40, category="source", severity=Severity.INFO)
    merged = merge_findings([unsupported, second, first])
    assert [f.code for f in merged] == ["CT101", "CT101"]
    assert [r.code for r in merged[0].related] == [None, "SR103"]
    assert merged[1] == second
