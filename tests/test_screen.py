"""The screen in front of SP102's phrase list: it may let a line through that holds no phrase,
but must never stop one that does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.rules.screen import Screen, required_prefixes, required_substrings
from checker.rules.spam import _boilerplate_pattern, _boilerplate_screen

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(("pattern", "needs"), [
    (r"\b(?:delivered|sent) (?:straight |directly )?to your inbox\b", {"to your inbox"}),
    (r"(?-i:(?:Image|Media) (?:copyright|caption))(?= )",
     {"image copyright", "image caption", "media copyright", "media caption"}),
    (r"^categor(?:y|ies)\W*$", {"category", "categories"}),
    (r"sign up for [\w’' ]{0,40}newsletter", {"sign up for "}),
    (r"(?:ab)+cd", None),  # nothing of three letters or more that every match holds
    (r"x|yz", None),
    (r"[", None),  # not a pattern at all: no screen, the search decides
])
def test_required_substrings_are_held_by_every_match(pattern: str,
                                                     needs: set[str] | None) -> None:
    assert required_substrings(pattern) == needs


def test_a_pattern_at_the_start_of_the_line_screens_by_its_opening() -> None:
    assert required_prefixes(r"^(?:log|sign)[ \t]?in\W*$") == {
        "login", "log in", "log\tin", "signin", "sign in", "sign\tin"}
    assert required_prefixes(r"^(?:(?:like|love|wow)\b[\s\d]*){4,}$") == {"like", "love", "wow"}
    assert required_prefixes(r"^\d+ views$") is None  # opens with a digit class
    assert required_prefixes(r"views$") is None  # not anchored at the start
    assert required_prefixes(r"^edit$", re.IGNORECASE | re.MULTILINE) is None  # any line's start


def test_letters_that_fold_to_ascii_only_in_a_pattern_are_let_through() -> None:
    screen = Screen(["subscribe", "^login$"])
    for text in ("\u017fubscribe", "LOG\u0130N", "log\u0131n"):
        assert screen.may_match(text), text
    assert not screen.may_match("The minister did not take questions.")


def _lines() -> list[str]:
    """Every line of the team's fixtures and of the rules' own examples, and each boilerplate
    phrase in capitals inside a longer line."""
    from checker.engine import selected_rules  # noqa: F401  (imports every rule module)
    from checker.resources import load_lines
    from checker.rules.base import registered

    lines = [line for path in sorted(FIXTURES.rglob("*")) if path.is_file()
             and path.suffix in {".txt", ".md", ".html"}
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    lines += [ex for rule in registered().values()
              for ex in (*rule.bad_examples, *rule.good_examples)]
    lines += [f"Before it: {p.upper()} (after)" for p in load_lines("spam", "boilerplate.txt")
              if not p.startswith(("re:", "inline:"))]
    return lines


def test_the_screen_never_stops_a_line_the_phrase_list_matches() -> None:
    pattern, screen = _boilerplate_pattern(), _boilerplate_screen()
    lines = _lines()
    matched = [line for line in lines if pattern.search(line)]
    assert len(matched) > 150  # the capitalised phrases at least
    assert [line for line in matched if not screen.may_match(line)] == []
    # and it does screen: most lines of prose hold none of the strings
    prose = [line for line in lines if len(line.split()) > 12 and not pattern.search(line)]
    assert sum(map(screen.may_match, prose)) < 0.5 * len(prose)
