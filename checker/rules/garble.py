"""Garble: statements broken by bad rewriting (the same actor on both sides of a relation)."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator

from checker.document import Document
from checker.findings import Finding, Related
from checker.resources import load_lines
from checker.rules.base import Context, Rule, register

_ACTOR = re.compile(
    r"(?:(?<=\s)|^)(?:[A-Z]\.){2,}(?=[\s,;:]|$)"  # U.S., U.K.
    r"|\b[A-Z]{2,6}\b"  # NATO, EU, US
    r"|\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3}\b"  # Russia, United States, Kurt Campbell
)
_BREAKS = re.compile(r"[,;:()“”\"]|\b(?:and|or|but|than|from|of|with|between|like|as|while|"
                     r"whereas|which|who|that|to)\b", re.IGNORECASE)


_LOWER_WORD = re.compile(r"[a-z]+")


@functools.cache
def _relation_forms() -> frozenset[str]:
    """Every inflection of the relation verbs (a set lookup per word is 4x faster than one
    regular expression with fifty alternatives)."""
    verbs = load_lines("garble", "relation-verbs.txt")
    return frozenset(v + end for v in verbs for end in ("", "s", "es", "ed", "d", "ing"))


def _relation_verbs(text: str, start: int = 0, end: int | None = None) -> list[int]:
    forms = _relation_forms()
    lowered = text.lower()
    stop = len(text) if end is None else end
    return [m.start() for m in _LOWER_WORD.finditer(lowered, start, stop) if m.group() in forms]


def _same_actor_pairs(text: str, start: int, end: int) -> Iterator[tuple[re.Match[str],
                                                                         re.Match[str]]]:
    actors = list(_ACTOR.finditer(text, start, end))
    for i, a in enumerate(actors):
        for b in actors[i + 1 : i + 3]:
            if a.group(0) != b.group(0):
                continue
            between = text[a.end() : b.start()]
            words = between.split()
            if not 1 <= len(words) <= 6 or _BREAKS.search(between):
                continue
            if not _relation_verbs(between):
                continue
            following = text[b.end() : b.end() + 2]
            if following[:1] == "'" or following[:1] == "’":
                continue  # "Russia ... Russia's" — a possessive, another noun
            yield a, b


@register
class SameActorBothSides(Rule):
    code = "GB101"
    name = "same-actor-both-sides"
    category = "garble"
    summary = "The same actor on both sides of a relation (\"the U.S. does not accept the U.S.\")"
    what = """
Finds a sentence where one actor is both the subject and the object of a relation verb a few
words apart: "the U.S. does not accept the U.S. turning to Russia". The verbs are listed in
`rules/garble/relation-verbs.txt`."""
    why = """
Automatic rewriting ("spinning") often replaces one actor's name with another's, leaving a
statement that says nothing or the opposite of the original. The original here was that the U.S.
does not accept *Niger* turning to Russia."""
    bad_examples = ("Campbell told the prime minister that the U.S. does not accept the U.S. "
                    "turning to Russia for protection.",)
    good_examples = ("Campbell said the U.S. does not accept Niger turning to Russia.",
                     "Russia warned Ukraine, and Russia then withdrew.")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        verbs = _relation_verbs(doc.text)
        for s in doc.sentences:
            i = bisect.bisect_left(verbs, s.start)
            if i == len(verbs) or verbs[i] >= s.end:
                continue  # no relation verb in this sentence
            for a, b in _same_actor_pairs(doc.text, s.start, s.end):
                actor = a.group(0)
                yield self.finding(
                    a.start(), b.end(),
                    f"{actor!r} appears on both sides of the relation; one of them is probably "
                    "a different actor",
                    related=(Related(b.start(), b.end(), f"{actor!r} again as the object"),),
                )
