"""Numbers: the same quantity, age or event date stated twice with values that cannot both hold."""

from __future__ import annotations

import bisect
import calendar
import datetime
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from checker.document import Document, Span, sentence_texts
from checker.entries import (
    MONTH_NAMES,
    MONTH_SHORT,
    MONTHS,
    WEEKDAYS,
    entry_numbers,
    first_day_named,
    template_lines,
    timeline_heading,
)
from checker.findings import Applicability, Edit, Finding, Fix, Related
from checker.nli.lexicon import load_lexicon
from checker.resources import load_toml
from checker.rules.base import Context, Rule, register
from checker.rules.garble import function_words
from checker.rules.oneoff import honorifics

# A figure not inside a longer one ("$5", "1.5", "x2"): its first digit is matched before the
# look-behind that checks what precedes it, so that re's search skips from digit to digit.
_NUMBER = (r"(\d(?<![\w$£€.,]\d)(?:\d{0,2}(?:,\d{3})+|\d*(?:\.\d+)?))"
           r"(?:[ \t]+(million|billion|thousand))?")
MAX_RATIO = 1.35  # rewrites nudge a figure; larger gaps are usually two different counts
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_WORD = re.compile(r"[A-Za-z]{2,}")
_ENTITY = re.compile(r"\b[A-Z][a-z]{2,}\b|(?:[A-Z]\.){2,}")


@functools.cache
def _lexicon() -> dict[str, Any]:
    return load_toml("numbers", "units.toml")


@functools.cache
def _count_pattern() -> re.Pattern[str]:
    # longest first, then in order, so that the pattern is the same text in every process
    # (and its compiled form found in checker.patterncache's file)
    nouns = "|".join(sorted({*(n + "s" for n in _lexicon()["counted"]),
                             *_lexicon()["counted"]}, key=lambda noun: (-len(noun), noun)))
    return re.compile(rf"{_NUMBER}[ \t]+((?:[A-Za-z.-]+[ \t]+){{0,2}}?)"
                      rf"({nouns})\b(?!-)")


MAX_SWAP_GROUP = 50  # figures of one unit and one set of digits, beyond which it is a table
# A figure of three digits or more and the words after it: "312 Roman silver coins", "282-vote".
_FIGURE = re.compile(r"(\d(?<![\w.,£$€]\d)(?:\d{0,2}(?:,\d{3})++|\d{2,}+))(?![\d.,]\d)"
                     r"[ \t-]((?:[A-Za-z][\w'’-]*+[ \t]++){0,2}[A-Za-z][\w'’-]*+)")
YEAR = re.compile(r"(?:1[89]|20)\d\d")  # a year as a figure: 1800 to 2099 (NU106 too)
# The words after a figure that make it a clock's time ("0850 GMT", "1430 hrs"): an update
# log's "0850 GMT" and "0805 GMT" are two times, not one count with its digits swapped.
_TIME_ZONES = frozenset(("GMT", "UTC", "BST", "EST", "EDT", "CST", "CDT", "PST", "PDT", "CET",
                         "CEST", "IST", "AEST", "AEDT", "WAT", "EAT", "SAST", "JST", "hrs",
                         "hours", "local", "Zulu"))


def _figure_words(m: re.Match[str]) -> set[str]:
    """The words after a figure, plural or singular alike, function words left out."""
    small = function_words()
    return {_noun_key(w) for w in m.group(2).lower().split() if w not in small}


@functools.cache
def _measure_pattern() -> re.Pattern[str]:
    units = "|".join(re.escape(u).replace(r"\ ", r"[ \t]") for u in
                     sorted(_lexicon()["measures"], key=len, reverse=True))
    return re.compile(rf"(\d(?<![\d.,]\d)[\d,]*(?:\.\d+)?)[ \t-]?({units})(?![\w/])")


# The noun a measure stands before: "line" in "the 12.4km line"
_NEXT_NOUN = re.compile(r"(?<![ \t])[ \t]++([a-z]{3,}+)\b(?![ \t]++(?:of|per|an?|the)\b)")


# One unit written two ways: "14.2-kilometre line" and "12.4km line" are one measure's figures
_UNIT_SPELLINGS = {"kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
                   "metre": "metres", "meter": "metres", "meters": "metres", "mile": "miles",
                   "ft": "feet", "foot": "feet", "per cent": "%", "percent": "%", "kph": "km/h"}


def _unit(written: str) -> str:
    return _UNIT_SPELLINGS.get(" ".join(written.split()), written)


@dataclass(frozen=True, slots=True)
class Quantity:
    noun: str
    value: float
    start: int
    end: int
    sentence: Span
    predicate: str | None  # the first content word after the count: "leave" in "troops will leave"
    heading: str | None  # the sentence's timeline heading ("August 29"), if it opens with one
    bound: str | None = None  # "lower" ("more than 1,000"), "upper" ("nearly 1,000") or None
    owner: str | None = None  # the last name before the count in its sentence ("Roundtree")


@functools.cache
def _bound_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def ending(words: list[str]) -> re.Pattern[str]:
        alternatives = "|".join(r"[ \t]+".join(map(re.escape, w.split()))
                                for w in sorted(words, key=len, reverse=True))
        return re.compile(rf"\b(?:{alternatives})[ \t]*$", re.IGNORECASE)

    return ending(_lexicon()["lower_bounds"]), ending(_lexicon()["upper_bounds"])


def _bound(before: str) -> str | None:
    """Is the count that follows ``before`` a lower bound, an upper bound, or a value?"""
    lower, upper = _bound_patterns()
    if lower.search(before):
        return "lower"
    if upper.search(before):
        return "upper"
    return None


def both_can_hold(a: Quantity, b: Quantity, text: str) -> bool:
    """Two bounds in opposite directions that leave room between them ("nearly 500,000 people"
    and "more than 498,000 people") state no value, and both can be true; and so can a bound
    and an exact count on its side of it, finer than the bound ("More than 200 people have
    reported symptoms" … "214 people had so far contacted it"; not a count given roughly,
    "about 1,100 troops", nor a round one, "500,000 people" … "more than 480,000")."""
    if {a.bound, b.bound} == {"lower", "upper"}:
        low, high = (a, b) if a.bound == "lower" else (b, a)
        return low.value < high.value
    bound, exact = (a, b) if a.bound is not None else (b, a)
    if bound.bound is None or exact.bound is not None or \
            _ROUGHLY.search(text, max(0, exact.start - 16), exact.start):
        return False
    if _significant(exact.value) <= _significant(bound.value):
        return False  # "500,000 people" … "more than 480,000": the count is no finer than the
        # bound, so it is a rounded figure of its own, and the two disagree
    return exact.value > bound.value if bound.bound == "lower" else exact.value < bound.value


def _significant(value: float) -> int:
    """How many significant digits a count has: 214 three, 200 one, 480,000 two."""
    digits = str(int(value)) if value == int(value) else repr(value).replace(".", "")
    return len(digits.strip("0")) or 1


# what says a count is given roughly: "about 1,100", "some 200", "an estimated 3,000"
_ROUGHLY = re.compile(r"(?i:\b(?:about|around|some|roughly|approximately|estimated|almost|nearly"
                      r"|circa|c\.|up[ \t]+to|over|under)[ \t]+\Z)")


def _predicate(doc: Document, end: int, stop: int) -> str | None:
    auxiliaries = set(_lexicon()["auxiliaries"])
    for m in _WORD.finditer(doc.text, end, min(stop, end + 40)):
        word = m.group().lower()
        if word not in auxiliaries:
            return word
    return None


def _value(number: str, scale: str | None) -> float:
    return float(number.replace(",", "")) * _SCALE.get(scale or "", 1.0)


# What a count of people followed by one of these words (or after ``_KILLING``) is a count of
# deaths: "14 people have died", "14 people dead"
_DIED = frozenset(("died", "dead", "killed", "perished", "drowned", "lifeless"))
_AT_LEAST = re.compile(r"\b[Aa]t[ \t]++least[ \t]++\Z")
_KILLING = re.compile(r"\b(?:killing|killed|kills|kill)[ \t]++(?:at[ \t]++least[ \t]++)?+\Z")


def _noun_key(noun: str) -> str:
    noun = noun.lower()
    if noun in ("people", "individual", "individuals"):
        return "person"
    if noun == "children":
        return "child"
    return noun[:-1] if noun.endswith("s") and noun != "personnel" else noun


_NAME_WORD = re.compile(r"\b[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?\b")


# A results list's entry that opens with its candidate, surname first: "Mahmood, Syed –
# Independent – 44 votes (11.8 %)".
_LISTED_NAME = re.compile(
    r"([A-Z](?<![\w'’-][A-Z])[\w'’-]++),[ \t]++[A-Z][\w'’-]*+(?:[ \t]++[A-Z][\w'’.-]*+)*+"
    r"[ \t]++[-–—]")


# An entry that opens with its label and then its count: "PENNSYLVANIA, 20 votes: With 95% of the
# vote counted, …", "Georgia: 16 votes".
_LABELLED_COUNT = re.compile(
    r"([A-Z](?<![\w'’-][A-Z])[\w'’.-]*+(?:[ \t]++[A-Z][\w'’.-]*+){0,3}+)[,:][ \t]++")


def _owner(doc: Document, sentence: Span, start: int) -> str | None:
    """The name a count belongs to: the last capitalised word before it in its sentence, not the
    sentence's first word (any sentence opens with a capital) and not a month or a day ("Ritchie
    receiving 196 votes and Roundtree receiving 125 votes": Roundtree's), with the capitalised
    words just before it that make one name with it ("Labour Party – 63 votes" and "UK
    Independence Party – 112 votes" are two parties' votes). An entry of a results list that
    opens with its candidate, surname first, is that candidate's ("Mahmood, Syed – Independent –
    44 votes"), and an entry that opens with its label and then the count is the label's
    ("GEORGIA, 16 votes: …")."""
    before = doc.text[sentence.start : start]
    first = sentence.start + len(before) - len(before.lstrip(" \t\n\"'“‘("))
    listed = _LISTED_NAME.match(doc.text, first, start)
    if listed is not None:
        return listed.group(1)  # "Mahmood, Syed – Independent – 44 votes": Mahmood's
    labelled = _LABELLED_COUNT.match(doc.text, first, start)
    if labelled is not None and labelled.end() == start:
        return labelled.group(1)  # "GEORGIA, 16 votes: …": Georgia's
    owner = None
    end = -1
    for m in _NAME_WORD.finditer(doc.text, first + 1, start):  # past the sentence's first word
        word = m.group()
        if word.lower() in MONTHS or word.lower() in WEEKDAYS:
            continue
        joined = owner is not None and doc.text[end : m.start()] == " "
        owner = f"{owner} {word}" if joined else word
        end = m.end()
    return owner


def _two_owners(a: str | None, b: str | None) -> bool:
    """Do two counts belong to two names? "Obama" and "President Obama" are one name, "Labour
    Party" and "Independence Party" two."""
    if not a or not b or a == b:
        return False
    return not (a.endswith(" " + b) or b.endswith(" " + a))


# A sentence that opens on the whole of a count: "Of the 1,420 patients who took part, …".
_OPENING_OF_THE = re.compile(r"\A[\s\"'“‘(]*+Of[ \t]++the[ \t]++")


def quantities(doc: Document) -> Iterator[Quantity]:
    change = set(_lexicon()["change_words"])
    tolls = "toll" in doc.text or "kill" in doc.text or "Kill" in doc.text
    for s in doc.sentences:
        heading: str | None = None
        for k, m in enumerate(_count_pattern().finditer(doc.text, s.start, s.end)):
            if k == 0:  # once per sentence that holds a count
                heading = timeline_heading(doc.text, s.start, s.end)
            number, scale, mods, noun = m.group(1), m.group(2), m.group(3), m.group(4)
            preceding = doc.text[max(s.start, m.start() - 25) : m.start()]
            before = re.sub(r"\b(?:more|less|fewer)\s+than\b", " ", preceding.lower()).split()
            words = set(before[-3:]) | set(mods.lower().split())
            if ("of" not in before[-2:] and "of" not in mods.lower().split()) or (
                    _OPENING_OF_THE.fullmatch(preceding)
                    and m.start() - len(preceding) <= s.start):
                words.discard("of")  # "of" governs a count just after it ("12 of the 20
                # people"), not one further on ("the University of Calderbrook followed 1,240
                # patients"); and "Of the 1,420 patients who took part, …" is the whole
            changed = words & change
            if changed and changed != {"least"}:
                continue
            if YEAR.fullmatch(number):
                continue  # a year, not a count
            q = Quantity(_noun_key(noun), _value(number, scale), m.start(), m.end(), s,
                         _predicate(doc, m.end(), s.end), heading, _bound(preceding),
                         _owner(doc, s, m.start()))
            toll = q.noun == "person" and (q.predicate in _DIED or _KILLING.search(preceding))
            if not changed:
                yield q
            if toll and (not changed or _AT_LEAST.search(preceding)):
                # "At least 14 people have died" / "killing 14 people" … "With 11 confirmed
                # deaths": one toll, counted in people and in deaths ("at least": its lower
                # bound)
                yield replace(q, noun="death", bound="lower" if changed else q.bound)
        if tolls:
            yield from _tolls(doc, s)


# A toll told without a counted noun: "the death toll of 37", "the death toll stands at 40",
# "Storms kill 27 in Khyber Pakhtunkhwa" (a headline's count of the dead); not a toll that
# rose or reached a figure, which is one moment of a count
_TOLL = re.compile(
    r"[Dd]eath[ \t]++toll[ \t]++(?:(?:of|at|stood[ \t]++at|stands[ \t]++at|is|was)[ \t]++)?+"
    r"((?:at[ \t]++least|more[ \t]++than|nearly|almost|about)[ \t]++)?+" + _NUMBER
    + r"(?![\w,.-]?\d)(?![ \t]++(?:percent|per[ \t]++cent|%))"
    r"|[Kk]ill(?:s|ed)?+[ \t]++((?:at[ \t]++least|more[ \t]++than|nearly|almost|about)[ \t]++)?+"
    + _NUMBER
    + r"(?=[ \t]++(?:in|on|at|as|after|during|across|near)\b|[,.;:]|[ \t]*+$)")


def _tolls(doc: Document, s: Span) -> Iterator[Quantity]:
    """The deaths counted in ``_TOLL``'s shapes within the sentence ``s``."""
    text = doc.text
    if (text.find("toll", s.start, s.end) < 0 and text.find("kill", s.start, s.end) < 0
            and text.find("Kill", s.start, s.end) < 0):
        return
    for m in _TOLL.finditer(text, s.start, s.end):
        hedge, number, scale = ((m.group(1), m.group(2), m.group(3)) if m.group(2)
                                else (m.group(4), m.group(5), m.group(6)))
        if YEAR.fullmatch(number):
            continue
        start = m.start(2) if m.group(2) else m.start(5)
        bound = _bound(text[max(s.start, start - 25): start])
        if hedge and hedge.lower().startswith("at"):
            bound = "lower"
        yield Quantity("death", _value(number, scale), start, m.end(), s, None,
                       timeline_heading(text, s.start, s.end), bound, _owner(doc, s, start))


def _content(doc: Document, span: Span) -> set[str]:
    stop = set(_lexicon()["stopwords"])
    words = (m.group().lower() for m in _WORD.finditer(doc.text, span.start, span.end))
    return {w for w in words if len(w) >= 4 and w not in stop}


def _entities(doc: Document, span: Span) -> set[str]:
    return {e for e in _ENTITY.findall(doc.text, span.start, span.end)}


# A sentence that quotes what an earlier version got wrong: a correction ("an earlier version of
# this page listed the Bristol show as Friday 15 October", "was wrongly given as", "It should
# have read …"). What it quotes is wrong on purpose.
_RETRACTION = re.compile(
    r"(?i:\b(?:an?|the)[ \t]++(?:earlier|previous|original)[ \t]++version[ \t]++of\b"
    r"|\b(?:wrongly|incorrectly|mistakenly|erroneously)[ \t]++(?:listed|given|stated|said"
    r"|reported|described|dated|printed|shown|showed|named|gave|put)\b"
    r"|\bshould[ \t]++have[ \t]++(?:read|said)\b)")


def retractions(doc: Document) -> list[tuple[int, int]]:
    """The sentences of ``doc`` that quote what an earlier version got wrong."""
    text = doc.text
    if not any(w in text for w in ("version", "wrongly", "incorrectly", "mistakenly",
                                    "erroneously", "should have")):
        return []
    if _RETRACTION.search(text) is None:
        return []  # one pass over the text before one a sentence
    return [(s.start, s.end) for s in doc.sentences
            if _RETRACTION.search(text, s.start, s.end) is not None]


@register
class ConflictingQuantity(Rule):
    code = "NU101"
    name = "conflicting-quantity"
    category = "number"
    summary = "The same count stated twice with different values"
    what = """
Finds a count of the same thing ("troops", "people", "protesters" … listed in
`rules/numbers/units.toml`) stated in two sentences that share a name or a content word, with values
that differ by at most about a third: "more than 1,000 troops will leave Niger" … "about 1,100
troops will leave Niger". Counts introduced as changes ("another 200 troops", "up from") are
left alone, and so are counts in two entries of a timeline under different headings ("August
29: a car bomb kills 125 people" … "March 2: bombers kill 140 people"), and so are two bounds in
opposite directions with room between them ("nearly 500,000 people" … "more than 498,000
people"; the bound words are in `rules/numbers/units.toml`), and so are counts that belong to two
different names ("Ritchie receiving 196 votes" … "Howell (108 votes)": the last capitalised word
before each count, other than a sentence's first word, a month or a day), and counts still
being made ("leading in 20 seats" … "leading in 27 seats", as election results come in), and
counts in one line of each entry of a list ("22 people found this helpful" under one answer,
"29 people found this helpful" under another), and
a count in a sentence that gives it twice, as a change ("climbed to 1,832 people … compared to
1,249 people this evening"): a count at two moments, of which another figure may be a third.
A count typed with two neighbouring digits swapped ("1,240 patients" … "the 1,420 patients") is
found whatever words surround it, and so is a measure ("78mph" … "87mph", units in
`units.toml`) when its two sentences share a name and a topic word. A toll is one count in
people and in deaths ("at least 14 people have died" … "with 11 confirmed deaths", "Storms kill
27 in Khyber" … "the death toll of 35"; not a toll that "rose to" a figure). And a set or a
price that the text points back at is one thing whatever the noun: "reefs at 28 sites" …
"across the 35 sites", "21 rural schools" … "their 14 schools", "built at a cost of 38
million euros" … "the 52-million-euro terminal", where the noun's figures take just those two
values, each once, three or more, within a factor of two, the first not itself definite, and the
definite one not narrowed by what follows it ("the 30 schools in Leeds", "the 16 films
competing in …"); and so is a prison term or a match's result told back with another figure
("jailed for six years" … "the eight-year term", "a 27-24 victory" … "The 27-21 result") where
the text gives one of each, and a change between two shares told twice with one end moved
("from 41% to 88%" … "the jump from 44% to 88%") (`checker/rules/recounts.py`)."""
    why = """
A story that gives two values for one quantity is wrong at least once; rewriting tools and hasty
edits often change one mention and not the other."""
    bad_examples = ("More than 1,000 troops will leave Niger in the coming months. "
                    "Officials said about 1,100 troops will leave Niger by September.",)
    good_examples = ("More than 1,000 troops will leave Niger. The 1,000 troops will leave Niger "
                     "by September.",
                     "Five people died in Paris. Twelve people were hurt in Lyon.",
                     "August 29: A car bomb at a Shia shrine in Najaf kills 125 people.\n\n"
                     "March 2: Bombers attack Shia pilgrims in Najaf, killing 140 people.")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        seen: dict[str, list[Quantity]] = {}
        counted: set[int] = set()  # where each count read above starts
        entries: dict[int, int | None] | None = None  # read once a finding is near
        templates: dict[int, str | None] | None = None  # likewise
        found = list(quantities(doc))
        # the values each sentence gives one noun: a sentence that gives two tells a change
        values: dict[tuple[int, str], set[float]] = {}
        for q in found:
            values.setdefault((q.sentence.start, q.noun), set()).add(q.value)
        listed: set[int] | None = None  # counts in a listing's title lines (when asked)
        reported: set[int] = set()  # a toll is read as people and as deaths: reported once
        for q in found:
            counted.add(q.start)
            for earlier in seen.get(q.noun, []):
                if q.start in reported:
                    break
                if earlier.sentence == q.sentence or earlier.value == q.value:
                    continue
                if len(values[q.sentence.start, q.noun]) > 1 or len(
                        values[earlier.sentence.start, q.noun]) > 1:
                    continue  # "… climbed to 1,832 people … compared to 1,249 people this
                    # evening": a count at two moments, of which another figure may be a third
                if both_can_hold(earlier, q, doc.text):
                    continue
                if _two_owners(earlier.owner, q.owner):
                    continue  # two names' counts: two candidates' votes, two towns' dead
                if _two_tallies(doc.text, earlier, q):
                    continue  # "passed by 31 votes to 24" … "defeated by 30 votes to 25": two
                    # votes, each with its own count on both sides
                if _in_progress(doc.text, earlier.start) or _in_progress(doc.text, q.start):
                    continue  # "leading in 20 seats" … "leading in 27 seats": a count going on
                low, high = sorted((earlier.value, q.value))
                if low <= 0 or high / low > MAX_RATIO:
                    continue
                if not (self._same_statement(doc, earlier, q)
                        or (transposed(earlier.value, q.value)
                            and not (earlier.heading and q.heading)
                            and not _two_openers(doc, earlier.sentence, q.sentence))):
                    continue  # two figures whose digits are swapped ("1,240 patients" …
                    # "the 1,420 patients") are one figure mistyped, said in any words
                if listed is None:
                    listed = _listed_counts(doc.text, found)
                if q.start in listed and earlier.start in listed:
                    continue  # "3 bedroom semi-detached house to rent" / "4 bedroom detached
                    # house to rent": the titles of two entries of a listing
                if templates is None:
                    templates = _templates_by_start(doc)
                mould = templates.get(q.sentence.start)
                if mould is not None and mould == templates.get(earlier.sentence.start):
                    continue  # "22 people found this helpful" under one answer, "29 people
                    # found this helpful" under another: one line of each entry of a list
                if entries is None:
                    entries = _entries_by_start(doc)
                if _two_moments(entries, earlier.sentence.start, q.sentence.start):
                    continue  # two entries of a live page, each under its own time ("15:20" …
                    # "41,000 homes", "11:05" … "48,000 homes"): a count at two moments
                da = first_day_named(doc.text[earlier.sentence.start:earlier.sentence.end])
                db = first_day_named(doc.text[q.sentence.start:q.sentence.end])
                if da is not None and db is not None and da != db:
                    continue  # "as of April 13 … 323 cases" / "As at 14th April … 362 confirmed
                    # cases": a running count stamped with two dates
                yield self.finding(
                    q.start, q.end,
                    f"{doc.text[q.start:q.end]!r} disagrees with "
                    f"{doc.text[earlier.start:earlier.end]!r} stated earlier",
                    related=(Related(earlier.start, earlier.end, "the earlier figure"),),
                )
                reported.add(q.start)
                break
            seen.setdefault(q.noun, []).append(q)
        yield from self._swapped_measures(doc)
        yield from self._swapped_figures(doc, counted)
        yield from self._referred_back(doc)

    def _referred_back(self, doc: Document) -> Iterator[Finding]:
        """A set or a price the text points back at with another figure ("28 sites" … "Across
        the 35 sites", "a cost of 38 million euros" … "the 52-million-euro terminal"):
        ``checker.rules.recounts``."""
        from checker.rules.recounts import (
            definite_recounts,
            definite_reprices,
            restated_changes,
            restated_scores,
            restated_terms,
        )

        for r in (*definite_recounts(doc), *definite_reprices(doc), *restated_terms(doc),
                  *restated_scores(doc), *restated_changes(doc)):
            (a, b), (c, d) = r.earlier, r.later
            yield self.finding(c, d, f"{doc.text[c:d]!r} disagrees with {doc.text[a:b]!r} "
                               f"stated earlier of the same {r.thing}",
                               related=(Related(a, b, "the earlier figure"),))

    def _swapped_figures(self, doc: Document, counted: set[int]) -> Iterator[Finding]:
        """A figure of three digits or more given again with two neighbouring digits swapped,
        before the same word ("312 Roman silver coins" … "all 321 coins", "by 228 votes" …
        "Ms Lambert's 282-vote majority"), in another sentence: one figure mistyped, whatever
        it counts. (No two figures of the 2,629 BBC and CNN/DM articles are so.)"""
        entries: dict[int, int | None] | None = None  # read once a pair is near

        def same_thing(a: re.Match[str], sa: int, b: re.Match[str], sb: int) -> bool:
            nonlocal entries
            if a.start(1) in counted and b.start(1) in counted:
                return False  # two counts, judged above with their owners and entries
            if not _figure_words(a) & _figure_words(b):
                return False
            if _two_openers(doc, doc.sentences[sa], doc.sentences[sb]):
                return False
            if entries is None:
                entries = _entries_by_start(doc)
            # else two moments of a live page
            return not _two_moments(entries, doc.sentences[sa].start, doc.sentences[sb].start)

        figures = [m for m in _FIGURE.finditer(doc.text) if not YEAR.fullmatch(_digits(m))
                   and m.group(2).split()[0] not in _TIME_ZONES]  # "0850 GMT" is a time
        for a, b in _digit_swaps(doc, figures, _digits, 3, same_thing):
            yield self.finding(b.start(1), b.end(1),
                               f"{b.group(1)!r} disagrees with {a.group(1)!r} stated earlier of "
                               "the same thing (two digits swapped?)",
                               related=(Related(a.start(1), a.end(1), "the earlier figure"),))

    def _swapped_measures(self, doc: Document) -> Iterator[Finding]:
        """A measure given twice with two neighbouring digits swapped ("the wind reached 78mph"
        … "the 87mph gust at Caddon Point"), in two sentences that share a name and a topic
        word: one figure mistyped. (On 2,629 BBC and CNN/DM articles, the three such pairs of
        figures with one unit were all in one sentence or about two different things.)"""
        measures = list(_measure_pattern().finditer(doc.text))
        written = Counter((m.group(1), _unit(m.group(2))) for m in measures)
        templates: list[str | None] | None = None  # read once a pair is near

        def same_thing(a: re.Match[str], sa: int, b: re.Match[str], sb: int) -> bool:
            nonlocal templates
            if _unit(a.group(2)) != _unit(b.group(2)) or written[b.group(1),
                                                                  _unit(b.group(2))] > 1:
                return False  # another unit; the mistyped figure is the one written once
            if a.group(1).count(".") != b.group(1).count("."):
                return False  # "7.8" and "78" are no swap
            span_a, span_b = doc.sentences[sa], doc.sentences[sb]
            if a.group(0) in doc.text[span_b.start:span_b.end]:
                return False  # the line gives both: a table's row of two years ("Operating
                # margin | 7.6% | 6.7% | +0.9 pts"), not one figure mistyped
            if any(_COMPARED.search(doc.text, max(0, m.start() - 20), m.start())
                   for m in (a, b)):
                return False  # "Turnout 61.4%, up from 58.9% in 2020" / "Turnout in the seat
                # was 59.8%": a figure given as another time's, to compare with
            if templates is None:
                templates = template_lines([doc.text[x.start : x.end] for x in doc.sentences])
            if templates[sa] is not None and templates[sa] == templates[sb]:
                return False  # one line of each entry of a list: "Turnout: 43.4%" under one
                # ward's result, "Turnout: 34.4%" under another's
            if _two_openers(doc, span_a, span_b):
                return False  # "Tencent … an 18.4 percent rise in profit" / "* China's biggest
                # hypermarket chain … a 14.8 percent increase in profit": two firms' figures
            noun_a, noun_b = (_NEXT_NOUN.match(doc.text, m.end()) for m in (a, b))
            if (noun_a is not None and noun_b is not None and noun_a.group(1) == noun_b.group(1)
                    and noun_a.group(1) not in function_words()):
                return True  # "The 14.2-kilometre line runs …" / "the 12.4km line has been
                # designed …": the same thing measured twice
            if len(_measured(doc.text, a.start()) & _measured(doc.text, b.start())) >= 2:
                return True  # "Gross margin was 38.6%" … "On gross margin, the 36.8% we
                # delivered": the same measure named right before each figure
            return bool(_entities(doc, span_a) & _entities(doc, span_b)
                        and _content(doc, span_a) & _content(doc, span_b))

        for a, b in _digit_swaps(doc, measures, _measure_digits, 2, same_thing):
            yield self.finding(b.start(), b.end(),
                               f"{b.group(0)!r} disagrees with {a.group(0)!r} stated earlier "
                               "(two digits swapped?)",
                               related=(Related(a.start(), a.end(), "the earlier figure"),))

    @staticmethod
    def _same_statement(doc: Document, a: Quantity, b: Quantity) -> bool:
        """The same verb follows both counts, or the sentences share a name and a topic word;
        never two entries of a timeline under different headings."""
        if a.heading and b.heading and a.heading != b.heading:
            return False
        if a.predicate and a.predicate == b.predicate:
            return True
        names = _entities(doc, a.sentence) & _entities(doc, b.sentence)
        words = (_content(doc, a.sentence) & _content(doc, b.sentence)) - {a.noun, a.noun + "s"}
        return bool(names and words)


# The other side of a vote's tally after its first count: "31 votes" then " to 24", or minutes'
# "4 votes" then " in favour, 8 against"
_TALLY_REST = re.compile(r"[ \t]{1,3}+(?:in[ \t]++favou?+r[ \t]*+(?:,|and|with)?+[ \t]*+(?=\d)"
                         r"|(?:to|against)[ \t]{1,3}+)(\d{1,3}+(?:,\d{3})*+)(?!\d|,\d)")


MEASURED_CHARS = 30  # how far before a figure the name of what it measures is read
_PLAIN = re.compile(r"[A-Za-z]{3,}+")


def _measured(text: str, start: int) -> set[str]:
    """The plain words (lower-cased, no function words) in the few characters before a figure,
    back to the start of its line: what the figure measures ("gross margin was")."""
    line = text.rfind("\n", 0, start) + 1
    words = _PLAIN.findall(text, max(line, start - MEASURED_CHARS), start)
    return {w.lower() for w in words} - function_words()


# A heading over dates: "Autumn term 2025", "Academic year 2026–27 (provisional)", "Fixtures
# 2024/25", and one that names no year ("Year 11 and Year 13 examination leave"), which ends
# the last one's. A line of its own, a few words, no full stop, and no date of its own.
_HEADING_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d(?:[–/-]\d\d(?:\d\d)?+)?+)(?!\d)")
_HEADING_DIGIT = re.compile(r"\d")
YEAR_HEADING_WORDS = 8


def _year_headings(text: str) -> list[tuple[int, str | None]]:
    """Where each heading starts, and the year it names (None for none): the weekday dates under
    "Autumn term 2025" and those under "Autumn term 2026" are in two years, and those under a
    heading that names none are in no year known."""
    out: list[tuple[int, str | None]] = []
    at = 0
    for line in text.split("\n"):
        start, at = at, at + len(line) + 1
        words = line.split()
        if not words or len(words) > YEAR_HEADING_WORDS or line.rstrip()[-1] in ".!?:;,":
            continue
        if not words[0][:1].isupper():
            continue
        years = _HEADING_YEAR.findall(line)
        if len(years) > 1 or (_HEADING_DIGIT.search(_HEADING_YEAR.sub("", line)) is not None
                              and _MONTH_NAME.search(line) is not None):
            continue  # a date's line ("Monday 1 June – staff training day"), not a heading
        out.append((start, years[0].replace("/", "–").replace("-", "–") if years else None))
    return out


def _two_tallies(text: str, a: Quantity, b: Quantity) -> bool:
    """Are the two counts the first sides of two votes' tallies that differ on both sides ("by
    31 votes to 24" / "by 30 votes to 25"; "with 4 votes in favour, 8 against" / "with 5 votes
    in favour, 7 against")? One tally mistyped or misquoted changes one side."""
    ra, rb = _TALLY_REST.match(text, a.end), _TALLY_REST.match(text, b.end)
    return ra is not None and rb is not None and ra.group(1) != rb.group(1)


# What puts a figure as the one another is compared with: "up from 58.9%", "compared with
# 58.9% four years ago", "than 58.9%" (searched in the few characters before the figure).
_COMPARED = re.compile(r"\b(?:from|compared[ \t]+(?:with|to)|than|against|versus|vs\.?)[ \t]+$")


LISTED_COUNT_LINES = 3  # title lines counting one noun that make a listing of entries
LISTED_LINE_WORDS = 12


def _listed_counts(text: str, found: Sequence[Quantity]) -> set[int]:
    """Where the counts start that stand in title lines of a listing: lines of their own of a
    few words, not ending as a sentence does, ``LISTED_COUNT_LINES`` or more of them counting one
    noun ("2 bedroom flat to rent", "3 bedroom semi-detached house to rent", "4 bedroom
    detached house to rent"). Each titles an entry of its own."""
    by_noun: dict[str, list[int]] = {}
    for q in found:
        start = text.rfind("\n", 0, q.start) + 1
        end = text.find("\n", q.end)
        line = text[start : len(text) if end < 0 else end].strip()
        if line[-1:] not in ".!?:" and len(line.split()) <= LISTED_LINE_WORDS:
            by_noun.setdefault(q.noun, []).append(q.start)
    return {at for starts in by_noun.values() if len(starts) >= LISTED_COUNT_LINES
            for at in starts}


def _templates_by_start(doc: Document) -> dict[int, str | None]:
    """Each sentence's template (``checker.entries.template_lines``), by where it starts."""
    moulds = template_lines([doc.text[s.start : s.end] for s in doc.sentences])
    return {s.start: m for s, m in zip(doc.sentences, moulds, strict=True)}


def _two_openers(doc: Document, a: Span, b: Span) -> bool:
    """Do the two sentences open on two different capitalised words that are not function
    words ("Smith won with 1,240 votes" / "Jones came second with 1,420 votes")? Then the two
    figures may be two people's, which an owner read past the first word cannot tell."""
    x, y = (_opening_word(doc.text[s.start : s.end]) for s in (a, b))
    small = function_words()
    return bool(x and y) and x != y and x.lower() not in small and y.lower() not in small


def _opening_word(sentence: str) -> str:
    """The sentence's first word when it opens with a capital, after any marks or digits."""
    words = sentence.lstrip(" \t\n\"'“‘(•*–-0123456789.:").split(maxsplit=1)
    word = words[0].rstrip(",.;:!?\"'”’)") if words else ""
    return word if word[:1].isupper() else ""


def transposed(a: float, b: float, digits: int = 3) -> bool:
    """Are two whole numbers of ``digits`` or more digits the same but for two neighbouring
    digits swapped ("1,240" / "1,420"), the commonest slip in typing a figure? (Two-digit counts
    are left out by default: "12" / "21" are as often two counts as one mistyped.)"""
    if a != int(a) or b != int(b):
        return False
    return _swapped(str(int(a)), str(int(b)), digits)


def _swapped(x: str, y: str, digits: int) -> bool:
    """Are two figures as written ("1240", "7.8") one figure with two neighbouring digits
    swapped, of ``digits`` digits or more?"""
    if len(x) != len(y) or sum(c.isdigit() for c in x) < digits:
        return False
    diff = [k for k in range(len(x)) if x[k] != y[k]]
    return (len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]].isdigit()
            and x[diff[1]].isdigit() and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]])


def _digits(m: re.Match[str]) -> str:
    """A figure as written, its thousands' commas left out: "1,240" → "1240"."""
    return m.group(1).replace(",", "")


def _measure_digits(m: re.Match[str]) -> str:
    """A measure's digits, its decimal point left out too: "7.8" and "8.7" are a swap."""
    return _digits(m).replace(".", "")


def _digit_swaps(doc: Document, found: Sequence[re.Match[str]],
                 figure: Callable[[re.Match[str]], str], digits: int,
                 same_thing: Callable[[re.Match[str], int, re.Match[str], int], bool],
                 ) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """(earlier, later) for each figure in ``found`` that an earlier one, in another sentence,
    gives with two neighbouring digits swapped, and that ``same_thing`` (the two matches and
    their sentences) takes for one thing: the earliest such figure. A swap keeps the digits, so
    only figures of the same digits in any order are compared, and a group of more than
    ``MAX_SWAP_GROUP`` (a table of readings) is left alone: the work stays linear."""
    groups: dict[str, list[re.Match[str]]] = {}
    for m in found:
        groups.setdefault("".join(sorted(figure(m))), []).append(m)
    for group in groups.values():
        if not 2 <= len(group) <= MAX_SWAP_GROUP:
            continue
        sentences = [doc.sentence_index_at(m.start()) for m in group]
        for k, (b, sb) in enumerate(zip(group, sentences, strict=True)):
            if sb is None:
                continue
            for a, sa in zip(group[:k], sentences[:k], strict=True):
                if (sa is not None and sa != sb and _swapped(figure(a), figure(b), digits)
                        and same_thing(a, sa, b, sb)):
                    yield a, b
                    break


def _entries_by_start(doc: Document) -> dict[int, int | None]:
    """Each sentence's start -> the entry of a live page or a timeline it is in
    (``checker.entries.entry_numbers``)."""
    numbers = entry_numbers(sentence_texts(doc))
    return {span.start: n for span, n in zip(doc.sentences, numbers, strict=True)}


def _two_moments(entries: dict[int, int | None], a: int, b: int) -> bool:
    """Are the sentences that start at ``a`` and ``b`` in two entries of a live page? On a page
    of two entries or more, what stands above the first entry's time is a moment of its own
    too: the summary at the top, rewritten as the story moves ("… the number of confirmed dead
    in Mexico City rose to 100." over "3:20 p.m. … He now says 93 people have died in Mexico
    City")."""
    ea, eb = entries.get(a), entries.get(b)
    if ea == eb:
        return False
    if ea is not None and eb is not None:
        return True
    return max((n for n in entries.values() if n is not None), default=0) >= 1


# A count still being made, as results come in: "leading in 20 seats", "ahead on 139 seats",
# "trailing in 33": each such count is a moment of the count, not its result.
_IN_PROGRESS = re.compile(r"\b(?:leading|leads|lead|ahead|trailing|trails|behind)[ \t]+"
                          r"(?:in|on|at|with)[ \t]+(?:about[ \t]+|some[ \t]+|over[ \t]+)?\Z")


def _in_progress(text: str, start: int) -> bool:
    return _IN_PROGRESS.search(text, max(0, start - 30), start) is not None


_AGE_HINT = re.compile(r",[ \t]+\d{1,3},")
# (Each opens with its first character class and checks for the \b before it after it: re's
# search then skips to the next capital or digit instead of trying every position.)
_AGE = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+(?:[ \t]+[A-Z][a-z]+)*),[ \t]+(\d{1,3}),")
_AGED = re.compile(
    r"(\d(?<!\w\d)\d{0,2})-year-old[ \t]+(?:[a-z]+[ \t]+){0,2}([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*)"
)

_WORD_AFTER = re.compile(r"(?<![ \t])[ \t]++([a-z]++)")


@functools.cache
def _person_nouns() -> frozenset[str]:
    """Nouns for a person that a place or an affiliation describes ("a 57-year-old Muskegon
    man", "the 30-year-old Labour councillor"; ``units.toml``): the capitals before them are no
    name of the person."""
    return frozenset(_lexicon()["person_nouns"])

_CAP_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+(?:[ \t]+[A-Z][a-z]+)*")
_CAP_WORD = re.compile(r"[A-Z][a-z]+")


def _full_names(text: str, surnames: set[str]) -> dict[str, set[str]]:
    """Surname -> the full names ending in it (capitalised words before it, no honorific), in
    one pass over the runs of capitalised words: what searching the text once per surname for
    ``Word ... Surname`` finds, without a scan of the whole text for each surname."""
    found: dict[str, set[str]] = {s: set() for s in surnames}
    for run in _CAP_RUN.finditer(text):
        words = list(_CAP_WORD.finditer(run.group()))
        last: dict[str, int] = {}
        for k in range(1, len(words)):
            word, end = words[k].group(), run.start() + words[k].end()
            if word in found and not (end < len(text) and _WORD_CHAR.match(text, end)):
                last[word] = k  # the longest name ending in it, as a greedy match would take
        for word, k in last.items():
            name = run.group()[: words[k].end()]
            if name.split()[0] not in honorifics():
                found[word].add(name)
    return found


_WORD_CHAR = re.compile(r"\w")


@register
class ConflictingAge(Rule):
    code = "NU102"
    name = "conflicting-age"
    category = "number"
    summary = "One person given two different ages"
    what = """
Finds a person whose age is given twice with different values, in either of the usual forms
("Smith, 45," and "the 47-year-old Smith"). People are matched by their surname; capitals
before a noun for a person ("a 57-year-old Muskegon man") say where the person is from, not who
they are. A person referred back to by an age alone that no sentence gave, its digits a stated
age's swapped ("a 67-year-old woman" … "the family of the 76-year-old"), is found too."""
    why = """
An age that changes within a story is a factual error a reader can see at once."""
    bad_examples = ("John Smith, 45, was arrested on Monday. Police said the 47-year-old Smith "
                    "had no record.",)
    good_examples = ("John Smith, 45, was arrested on Monday. Police said the 45-year-old Smith "
                     "had no record.",
                     "A 57-year-old Muskegon man is in custody. Officers found a 54-year-old "
                     "Muskegon man with a stab wound and took him to Mercy Health Muskegon.")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        if not _AGE_HINT.search(doc.text) and "-year-old" not in doc.text:
            return
        found: list[tuple[str, int, int, int]] = []
        for m in _AGE.finditer(doc.text):
            found.append((m.group(1), int(m.group(2)), m.start(2), m.end(2)))
        for m in _AGED.finditer(doc.text):
            after = _WORD_AFTER.match(doc.text, m.end())
            if after is not None and after.group(1) in _person_nouns():
                continue  # "a 57-year-old Muskegon man": where the person is from, not a name
            found.append((m.group(2), int(m.group(1)), m.start(1), m.end(1)))
        # A surname alone stands for a person only when one full name in the story has it:
        # brothers share a surname and not an age.
        full_by_surname = _full_names(doc.text, {name.split()[-1] for name, *_ in found})
        ages: dict[str, tuple[int, int, int]] = {}
        for name, age, start, end in sorted(found, key=lambda f: f[2]):
            if " " not in name:
                fulls = full_by_surname.get(name, set())
                if len(fulls) != 1:
                    continue
                name = next(iter(fulls))
            if name in ages and ages[name][0] != age:
                first_age, a, b = ages[name]
                yield self.finding(start, end, f"{name} is {age} here but {first_age} earlier",
                                   related=(Related(a, b, f"{name}'s age given first"),))
            ages.setdefault(name, (age, start, end))
        yield from self._swapped_back_reference(doc)

    def _swapped_back_reference(self, doc: Document) -> Iterator[Finding]:
        """"a 67-year-old woman was injured" … "the family of the 76-year-old": a person
        referred back to by an age that no sentence gave, whose digits are a stated age's
        swapped. (A back reference whose age is stated nowhere else is common and right:
        sport pages introduce players so, "The 26-year-old will race …".)"""
        if "-year-old" not in doc.text:
            return
        references = list(_BACK_REFERENCE.finditer(doc.text))
        if not references:
            return
        stated: dict[int, tuple[int, int]] = {}
        counts: Counter[int] = Counter()
        for m in _ANY_AGE.finditer(doc.text):
            digits = next(g for g in m.groups() if g)
            at = m.start(m.lastindex or 0)
            stated.setdefault(int(digits), (at, at + len(digits)))
            counts[int(digits)] += 1
        for m in references:
            age = int(m.group(1))
            if counts[age] != 1:
                continue  # stated elsewhere too: the back reference has its antecedent
            for other, (a, b) in stated.items():
                if other != age and a < m.start() and transposed(other, age, digits=2):
                    yield self.finding(
                        m.start(1), m.end(1),
                        f"the {age}-year-old is {other} where first described",
                        related=(Related(a, b, "the age given first"),))
                    break


# Every way an age is stated: "Smith, 45,", "aged 45", "a 45-year-old", "(45)".
_ANY_AGE = re.compile(r",[ \t]+(\d{1,3}),|\baged[ \t]+(\d{1,3})\b"
                      r"|(\d(?<!\w\d)\d{0,2})-year-old\b|\((\d{1,3})\)")
# A person referred back to by their age alone: "the 76-year-old, who …", "the 76-year-old said".
_BACK_REFERENCE = re.compile(
    r"\b[Tt]he[ \t]+(\d{1,3})-year-old(?=[ \t]*[,.;:)]|[ \t]+(?:who|was|is|has|had|said|says"
    r"|told|will|would|remains|died|suffered|needed|did|does|and)\b)")


_MONTHS = [m.lower() for m in MONTH_NAMES]
_DATE = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")[ \t]+(\d{1,2})"
                   r"(?:st|nd|rd|th)?\b(?:,?[ \t]+(\d{4}))?")


@functools.cache
def _event_pattern() -> re.Pattern[str]:
    nouns = "|".join(_lexicon()["event_nouns"])
    # "the", in any case, after no word character; its first letter is matched case by case so
    # that re's search can skip to each t or T (a case-blind pattern is tried at every position)
    return re.compile(rf"(?-i:[Tt])(?<!\w[Tt])he[ \t]+(?:[a-z-]+[ \t]+)?({nouns})\b",
                      re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EventDate:
    event: str
    month: int
    day: int
    year: int | None
    start: int
    end: int


def event_dates(doc: Document) -> Iterator[EventDate]:
    """A definite event ("the coup") and the date given for it in the same sentence."""
    if not any(month in doc.text for month in MONTH_NAMES):
        return  # no date without a month's name (_DATE is case-sensitive)
    for s in doc.sentences:
        for e in _event_pattern().finditer(doc.text, s.start, s.end):
            d = _DATE.search(doc.text, e.end(), min(s.end, e.end() + 60))
            if d is None:
                continue
            year = int(d.group(3)) if d.group(3) else None
            yield EventDate(e.group(1).lower(), _MONTHS.index(d.group(1).lower()) + 1,
                            int(d.group(2)), year, d.start(), d.end())


@register
class ConflictingDate(Rule):
    code = "NU103"
    name = "conflicting-date"
    category = "number"
    summary = "One event given two different dates"
    what = """
Finds a definite event ("the coup", "the vote", "the summit"; listed in
`rules/numbers/units.toml`) dated twice in one story with dates that cannot both hold: "the coup
took place on July 26, 2023" … "since the coup on July 28, 2023"."""
    why = """
A date that moves within a story is wrong at least once, and readers quote dates."""
    bad_examples = ("The coup took place on July 26, 2023. Since the coup on July 28, 2023, "
                    "troops have been inactive.",)
    good_examples = ("The coup took place on July 26, 2023. Since the coup on July 26, troops "
                     "have been inactive.",)

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        first: dict[str, EventDate] = {}
        for ed in event_dates(doc):
            earlier = first.setdefault(ed.event, ed)
            if earlier is ed or (earlier.month, earlier.day) == (ed.month, ed.day):
                continue
            if earlier.year and ed.year and earlier.year != ed.year:
                continue  # another year: plausibly another event of the same kind
            yield self.finding(
                ed.start, ed.end,
                f"the {ed.event} is dated {doc.text[ed.start:ed.end]!r} here but "
                f"{doc.text[earlier.start:earlier.end]!r} earlier",
                related=(Related(earlier.start, earlier.end, f"the {ed.event} dated first"),))


# A weekday with a full date ("Monday 17th July 2026", "Fri, 10 April, 2010", "Tuesday, Oct. 30,
# 2017"): spaces and commas only between the parts, so that a heading's weekday is never read
# with a year from the next line.
_WEEKDAY = r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday|s|r|rs)?\.?"
_MONTH_WORDS = sorted({*MONTH_NAMES, *MONTH_SHORT}, key=lambda w: (-len(w), w))  # longest first
_MONTH = rf"({'|'.join(_MONTH_WORDS)})\b\.?"
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"  # "40 May loyalists" is no date: days over 31 pass
_GAP = r",?[ \t]+"
_WEEKDAY_DATES = (
    re.compile(rf"{_WEEKDAY}{_GAP}{_ORDINAL}(?:[ \t]+of)?[ \t]+{_MONTH}{_GAP}((?:1[89]|20)\d\d)\b"),
    re.compile(rf"{_WEEKDAY}{_GAP}{_MONTH}[ \t]+{_ORDINAL}{_GAP}((?:1[89]|20)\d\d)\b"),
)
# A weekday with a day and month and no year ("Sunday May 23", "Sat 5th of May"): two of the
# same month must lie as many weekdays apart as days, whatever the year.
_YEARLESS_DATES = (
    re.compile(rf"{_WEEKDAY}{_GAP}{_ORDINAL}(?:[ \t]+of)?[ \t]+{_MONTH}(?!{_GAP}\d)"),
    re.compile(rf"{_WEEKDAY}{_GAP}{_MONTH}[ \t]+{_ORDINAL}\b(?![.,:]?\d)(?!{_GAP}\d)"),
)
# A day the month never has ("31 June", "February 30"), with or without a year.
_DAY_MONTH = re.compile(rf"\b{_ORDINAL}(?:[ \t]+of)?[ \t]+{_MONTH}(?:{_GAP}((?:1[89]|20)\d\d))?")
_MONTH_DAY = re.compile(rf"\b{_MONTH}[ \t]+{_ORDINAL}\b(?![.,:]?\d)(?:{_GAP}((?:1[89]|20)\d\d))?")
# A month written on both sides of its day ("Saturday July 21st July"): one is left from an edit.
_MONTH_TWICE = re.compile(rf"\b{_MONTH}[ \t]+{_ORDINAL}[ \t]+(\1)\b(?![ \t]*\d)")
# A part of the day and a clock time tied to it that cannot share it: "Sunday morning at
# 11.30pm", "7:45 PM this morning". Twelve o'clock is left alone ("12pm" is read both ways).
# Each clock time is found first (most texts have none), then the words before and after it.
_CLOCK_HINT = re.compile(r"\d[ \t]?[AaPp]\.?[Mm]\b")  # a cheap first pass: a figure, then am or pm
# (not the minutes and seconds of a longer time: "4:23.42 p.m.")
_CLOCK = re.compile(r"(?<![\d:.])(\d{1,2})(?:[.:]\d\d)?[ \t]?([AaPp])\.?[Mm]\b")
_PART = r"(morning|afternoon|evening)"
_PART_BEFORE = re.compile(rf"\b{_PART},?[ \t]+(?:at|from)?[ \t]*$", re.IGNORECASE)
_PART_AFTER = re.compile(rf"(?<![ \t])\.?[ \t]++(?:(?:this|on|yesterday|tomorrow)[ \t]+)?"
                         rf"(?:[A-Z][a-z]+day[ \t]+)?{_PART}\b", re.IGNORECASE)
PART_BEFORE_CHARS = 24  # "afternoon, from " and a little more
# Each month's name is found first, and the dates are read around it. (Its capital is matched
# before the look-behind that checks the letter before it, so that re's search skips from capital
# to capital.)
_INITIALS = "".join(sorted({w[0] for w in _MONTH_WORDS}))
_MONTH_NAME = re.compile(rf"[{_INITIALS}](?<![A-Za-z][{_INITIALS}])"
                         rf"(?:{'|'.join(dict.fromkeys(w[1:] for w in _MONTH_WORDS))})(?![a-z])")
_DIGIT = re.compile(r"\d")
DIGIT_BEFORE, DIGIT_AFTER = 12, 16  # a month's name with no figure this near is no date
BEFORE_MONTH, AFTER_MONTH = 28, 24  # a weekday and its day before the name; the year after it
_MONTH_NUMBER = {m[:3].lower(): n for n, m in enumerate(MONTH_NAMES, 1)}  # "sep" (Sept): 9
_WEEKDAY_KEYS = tuple(d[:3].lower() for d in calendar.day_name)  # "mon", … "sun"


def _weekday_dates(text: str, at: int, patterns: tuple[re.Pattern[str], re.Pattern[str]]
                   ) -> Iterator[tuple[re.Match[str], int, int, int]]:
    """The weekdays with a date read around the month's name at ``at`` by ``patterns`` (day
    first, then month first): each match with its weekday (0 for Monday), month and day."""
    window = (max(0, at - BEFORE_MONTH), min(len(text), at + AFTER_MONTH))
    for day_first, pattern in zip((True, False), patterns, strict=True):
        for m in pattern.finditer(text, *window):
            if m.start(3 if day_first else 2) != at:
                continue
            day, month = (m.group(2), m.group(3)) if day_first else (m.group(3), m.group(2))
            yield (m, _WEEKDAY_KEYS.index(m.group(1).lower()), _MONTH_NUMBER[month[:3].lower()],
                   int(day))


@register
class ImpossibleDate(Rule):
    code = "NU104"
    name = "impossible-date"
    category = "number"
    summary = ("A weekday, day of the month or time of day the calendar or clock cannot give, "
               "or a month written twice")
    what = """
Finds a weekday written with a full date it does not fall on ("Monday 17th July 2026": that day
is a Friday), a day the month does not have ("31 June", "February 29, 2023", "May 32, 2021": a
day over 31 counts only with its year, since "40 May loyalists" is no date), and a part of the
day tied to a clock time it cannot share ("Sunday morning at 11.30pm", "7:45 PM this morning"),
an hour of the 24-hour clock with am or pm ("21:01 PM"), and a month written on both sides of
its day ("Saturday July 21st July"; the fix removes the second). A weekday with a date but no
year of its own takes the year of the date after it on its line ("Monday 1 September and Tuesday
2 September 2025"), and is otherwise read against the others of its month: "Sunday May 23" and
"Sunday May 22" cannot both be right in any year. Twelve o'clock is left alone, as it is read
both ways."""
    why = """
A date that cannot exist is wrong at least once, and readers act on dates: a school term that
"ends Monday 17th July" sends parents to the gate on the wrong day. The calendar settles it; no
judgement is needed."""
    bad_examples = ("Term ends on Monday 17th July 2026.",
                    "The tournament was held on 31 June.",
                    "They play at the Ragg on Sunday morning at 11.30pm.",
                    "The fete is on Saturday July 21st July at the hall.",
                    "On May 32, 2021 at about 1000hrs, a man reported at the station.",
                    "The fair opens on Sunday May 23. The car meet was on Sunday May 22.")
    good_examples = ("Term ends on Friday 17th July 2026.", "Tuesday, 1 March\n\n2000 figures",
                     "About 40 May loyalists voted against the deal.",
                     "The count starts on Sunday morning at 11.30am.",
                     "Monday morning but resume at 9pm until 5am.",
                     "The fair opens on Sunday May 23. The car meet was on Sunday May 30.")
    fix_applicability = Applicability.SAFE  # the month written twice: the second goes

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        seen: set[tuple[int, int]] = set()  # the spans reported: a date read from two names
        yearless: dict[tuple[int, int], tuple[int, int, int]] = {}  # span: weekday, month, day
        retracted: list[tuple[int, int]] | None = None  # read once a date is near
        for name in _MONTH_NAME.finditer(text):
            at = name.start()
            if not _DIGIT.search(text, max(0, at - DIGIT_BEFORE), at + DIGIT_AFTER):
                continue
            if retracted is None:
                retracted = retractions(doc)
            if retracted and any(a <= at < b for a, b in retracted):
                continue  # "an earlier version of this page listed the show as Friday 15
                # October": the wrong date, quoted as wrong
            for finding in self._dates_around(text, at):
                if (finding.start, finding.end) not in seen:
                    seen.add((finding.start, finding.end))
                    yield finding
            yearless.update(_yearless_dates(text, at))
        for span, (weekday, month, day) in list(yearless.items()):
            year = _year_after(text, span[1], month)
            if year is None:
                continue
            # a pair or a range that shares its year ("Monday 1 September and Tuesday 2
            # September 2025", "Monday 27 October to Friday 31 October 2025"): read in it
            del yearless[span]
            try:
                date = datetime.date(year, month, day)
            except ValueError:
                continue
            if date.weekday() != weekday and span not in seen:
                seen.add(span)
                yield self._wrong_weekday(span[0], span[1], date, weekday)
        yield from self._weekdays_apart(text, yearless)
        for hint in _CLOCK_HINT.finditer(text):
            clock = _CLOCK.search(text, max(0, hint.start() - 4), hint.end())
            if clock is None:
                continue  # "123pm": no clock time
            hour, half = int(clock.group(1)), clock.group(2).lower()
            if 12 < hour < 24:  # "21:01 PM": a 24-hour clock's hour with a 12-hour clock's half
                yield self.finding(
                    clock.start(), clock.end(),
                    f"{clock.group(0)!r} gives a 24-hour clock's hour with {half.upper()}M: "
                    f"{hour - 12}{clock.group(0)[len(clock.group(1)):]} or drop the "
                    f"{half.upper()}M")
                continue
            if hour in (0, 12) or hour > 12:
                continue
            before = _PART_BEFORE.search(text, max(0, clock.start() - PART_BEFORE_CHARS),
                                         clock.start())
            if before is not None and _at_odds(before.group(1), half):
                yield self._day_part_finding(before.start(1), clock.end(), half, before.group(1))
            after = _PART_AFTER.match(text, clock.end())
            if after is not None and _at_odds(after.group(1), half):
                yield self._day_part_finding(clock.start(), after.end(), half, after.group(1))

    def _weekdays_apart(self, text: str,
                        dates: dict[tuple[int, int], tuple[int, int, int]]) -> Iterator[Finding]:
        """Two weekdays with days of one month that the same month of no year can give both:
        "Sunday May 23" and, later, "Sunday May 22". Reported at the later, once, and only
        where it fits none of the earlier dates not reported: in "Wednesday 20 September … Tuesday
        18 September … Thursday 21 September" the Tuesday is wrong, and the Thursday, which
        fits the Wednesday, is not."""
        ordered = sorted(dates.items())
        reported: set[int] = set()
        sections = _year_headings(text) if ordered else []
        starts = [at for at, _ in sections]

        def year_of(at: int) -> str | None:  # the year of the heading the date is under
            k = bisect.bisect_right(starts, at) - 1
            return sections[k][1] if k >= 0 else None

        years = [year_of(start) for (start, _), _ in ordered]
        for k, ((start, end), (weekday, month, day)) in enumerate(ordered):
            earlier = [item for i, item in enumerate(ordered[:k])
                       if i not in reported and item[1][1] == month and years[i] == years[k]]
            if not earlier or any((weekday - w0) % 7 == (day - d0) % 7
                                  for _, (w0, _, d0) in earlier):
                continue  # the first date of its month, or one that fits an earlier date
            reported.add(k)
            (s0, e0), (w0, _, d0) = earlier[0]
            name = calendar.month_name[month]
            yield self.finding(
                start, end,
                f"{text[start:end]!r} does not fit {text[s0:e0]!r} earlier: in any "
                f"year, if {name} {d0} is a {calendar.day_name[w0]}, {name} {day} is a "
                f"{calendar.day_name[(w0 + day - d0) % 7]}",
                related=(Related(s0, e0, "the earlier date"),))

    def _wrong_weekday(self, start: int, end: int, date: datetime.date,
                       weekday: int) -> Finding:
        return self.finding(
            start, end, f"{date.day} {calendar.month_name[date.month]} {date.year} is a "
            f"{calendar.day_name[date.weekday()]}, not a {calendar.day_name[weekday]}")

    def _day_part_finding(self, start: int, end: int, half: str, part: str) -> Finding:
        return self.finding(start, end,
                            f"{half}m is not in the {part.lower()}: one of the two is wrong")

    def _dates_around(self, text: str, at: int) -> Iterator[Finding]:
        """The dates read around the month's name at ``at``."""
        window = (max(0, at - BEFORE_MONTH), min(len(text), at + AFTER_MONTH))
        for m, weekday, month_no, day_no in _weekday_dates(text, at, _WEEKDAY_DATES):
            try:
                date = datetime.date(int(m.group(4)), month_no, day_no)
            except ValueError:
                continue  # a day the month lacks: the impossible-day reading reports it
            if date.weekday() == weekday:
                continue
            yield self._wrong_weekday(m.start(), m.end(), date, weekday)
        readings = [(True, m) for m in _DAY_MONTH.finditer(text, *window) if m.start(2) == at]
        following = _MONTH_DAY.match(text, at)
        if following is not None:
            readings.append((False, following))
        for day_first, m in readings:
            day, month = (m.group(1), m.group(2)) if day_first else (m.group(2), m.group(1))
            number = _MONTH_NUMBER[month[:3].lower()]
            year = int(m.group(3)) if m.group(3) else 2000  # a leap year: 29 February holds
            most = calendar.monthrange(year, number)[1]
            if 1 <= int(day) <= most or int(day) > (39 if m.group(3) else 31):
                continue  # "40 May loyalists" is no date; "May 32, 2021", with its year, is one
            yield self.finding(
                m.start(), m.end(),
                f"{calendar.month_name[number]}"
                f"{' ' + m.group(3) if m.group(3) else ''} has {most} days, not {int(day)}")
        twice = _MONTH_TWICE.match(text, at)
        if twice is not None:
            cut = twice.start(3)  # the second month and the spaces before it
            while text[cut - 1] in " \t":
                cut -= 1
            yield self.finding(twice.start(), twice.end(),
                               f"the month {twice.group(1)!r} is written twice around its day",
                               fix=Fix(f"remove the second {twice.group(1)!r}",
                                       (Edit(cut, twice.end(), ""),)))


# Two days given together ("on Friday and Saturday July 28 and 29", "Sat-Sun, July 28-29"):
# the weekday before the date may be the second day's, not the first's.
_SECOND_DAY = re.compile(r"(?<![ \t])[ \t]*+(?:and|&|-|–|to|through)[ \t]*+\d")
_DAY_BEFORE = re.compile(r"(?:day|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun))\.?[ \t]*+(?:and|&|-|–|to|,)"
                         r"[ \t]*+$")


def _yearless_dates(text: str, at: int) -> Iterator[tuple[tuple[int, int], tuple[int, int, int]]]:
    """The weekdays with a day and month and no year read around the month's name at ``at``:
    their spans, with (weekday, month, day); not two days given together (``_SECOND_DAY``)."""
    for m, weekday, month, day in _weekday_dates(text, at, _YEARLESS_DATES):
        if (_SECOND_DAY.match(text, m.end())
                and _DAY_BEFORE.search(text, max(0, m.start() - 16), m.start())):
            continue
        # a sentence's full stop after the month's whole name is not the date's
        month_name = m.group(3) if m.start(3) == at else m.group(2)
        end = m.end() - (text[m.end() - 1] == "." and month_name in MONTH_NAMES)
        if 1 <= day <= calendar.monthrange(2000, month)[1]:
            yield (m.start(), end), (weekday, month, day)


# The year a yearless date shares with the date after it on its line: "Monday 1 September and
# Tuesday 2 September 2025" (no stop between them).
_YEAR_AFTER = re.compile(r"[^\n.!?;]{0,60}?(?<!\d)((?:19|20)\d\d)(?!\d)")


def _year_after(text: str, end: int, month: int) -> int | None:
    """The year of the next date on the line, when one follows with no stop between (its
    month named before the year: "… and Tuesday 2 September 2025"; not a clock's "from 1930"),
    for a yearless date in ``month``: the year before when the next date's month comes
    earlier in the year ("closed from Wednesday 24 December and will reopen on Monday 5
    January 2026": the new year falls between them)."""
    m = _YEAR_AFTER.match(text, end)
    if m is None:
        return None
    between = text[end : m.start(1)]
    named = [(between.rfind(name), k) for k, name in enumerate(MONTH_NAMES, 1) if name in between]
    if not named:
        return None
    later_month = max(named)[1]  # the month named last before the year
    return int(m.group(1)) - (1 if later_month < month else 0)


def _at_odds(part: str, half: str) -> bool:
    """A part of the day ("morning") and the half of the clock ("a", "p") that cannot meet."""
    return (part.lower() == "morning") != (half == "a")


# A total and its breakdown in one sentence: "The 21 hospital employees include four physicians,
# 14 nurses, …". The verb (or a colon) is found first, then the total before it and the counted
# parts after it, in the verb's sentence.
_BREAKDOWN_VERB = re.compile(r"[ \t](includ(?:e[sd]?|ing)|compris(?:e[sd]?|ing)"
                             r"|consist(?:s|ed|ing)?[ \t]+of|made[ \t]+up[ \t]+of)[ \t]"
                             r"|(?<=[A-Za-z]):[ \t]")
_BREAKDOWN_SEPARATOR = re.compile(r",[ \t]*+(?:and[ \t]++)?|(?<![ \t])[ \t]++and[ \t]++")
_CLAUSE_END = re.compile(r";|\n")  # a breakdown stays in its clause
BREAKDOWN_BEFORE, BREAKDOWN_AFTER = 90, 240
SMALL_COUNT = 20  # counts spelled out up to "twenty"
_BREAKDOWN_STEMS = ("includ", "compris", "consist", "made up of", ":")


@functools.cache
def _small_counts() -> dict[str, int]:
    """Counts spelled out ("four physicians"), one to twenty, from the lexicon's number words
    ("a dozen" is a round figure, not a count)."""
    return load_lexicon().counting_words(SMALL_COUNT)


@functools.cache
def _breakdown_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The total at the end of the text before the verb (a count, then up to five words), and
    one counted part ("14 nurses", "one pharmacist")."""
    count = (r"(?:\d(?<![\w$£€.,]\d)\d{0,2}(?:,\d{3})++(?![.,]?\d)"
             r"|\d(?<![\w$£€.,]\d)\d*+(?![.,]?\d)"
             rf"|(?i:{'|'.join(sorted(_small_counts(), key=len, reverse=True))})\b)")
    return (re.compile(rf"(?<![\w'’-])({count})[ \t]+((?:[A-Za-z][\w'’-]*+,?[ \t]+){{0,5}})\Z"),
            re.compile(rf"({count})[ \t]++([a-z][\w'’-]*+)"))


def _breakdown_verbs(text: str) -> Iterator[re.Match[str]]:
    """``_BREAKDOWN_VERB`` at each place one of its words (or a colon) is written, in order:
    found with ``str.find``, which is far cheaper than a pattern that opens on a space."""
    starts = []
    for stem in _BREAKDOWN_STEMS:
        at = text.find(stem)
        while at >= 0:
            starts.append(at if stem == ":" else at - 1)
            at = text.find(stem, at + 1)
    for at in sorted(starts):
        m = _BREAKDOWN_VERB.match(text, at) if at >= 0 else None
        if m is not None:
            yield m


def _count_value(token: str) -> int:
    return _small_counts().get(token.lower()) or int(token.replace(",", ""))


@register
class PartsExceedTotal(Rule):
    code = "NU105"
    name = "parts-exceed-total"
    category = "number"
    summary = "A breakdown whose parts add up to more than the total it breaks down"
    what = """
Finds a total broken down in the same sentence ("The 21 hospital employees include four
physicians, 14 nurses, one pharmacist, …") whose parts add up to more than the total (here 23),
or, after "comprise", "consist of" or "made up of", to anything but the total. The parts must be
a list of counts and nothing else (two or more, joined by commas and "and"), each no larger than
the total: "The two schools include 400 pupils and 30 teachers" counts something else, and so
does a list of times, years or percentages. "Including" may leave parts out, so fewer is fine
there; more never is."""
    why = """
A breakdown that does not add up is wrong somewhere, and a reader with a pencil will find it:
the total, a part, or a part left in from an earlier version of the story."""
    bad_examples = (
        "The 21 hospital employees include four physicians, 14 nurses, one pharmacist, one "
        "technician, one caregiver and one medical student.",
        "The squad of 23 players is made up of 12 forwards and 10 backs.",
    )
    good_examples = (
        "The 21 hospital employees include four physicians, 14 nurses, one pharmacist and one "
        "caregiver.",
        "The two schools include 400 pupils and 30 teachers.",
        "The 25 patients include 14 who stayed at home and one in hospital.",
        "Her 3 albums include 12 songs each: 4 ballads and 8 dance tracks.",
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        total_before, _ = _breakdown_patterns()
        for verb in _breakdown_verbs(text):
            k = doc.sentence_index_at(verb.start())
            if k is None:
                continue
            sentence = doc.sentences[k]
            # the text before the verb, from the start of its sentence and clause, ending on a
            # space
            end = verb.start() + 1 if verb.group(1) else verb.start()
            begin = max(sentence.start, end - BREAKDOWN_BEFORE)
            head = text[begin:end] + ("" if verb.group(1) else " ")
            clause = [m.end() for m in _CLAUSE_END.finditer(head)]
            total = total_before.search(head, clause[-1] if clause else 0)
            if total is None:
                continue
            tail = text[verb.end() : min(sentence.end, verb.end() + BREAKDOWN_AFTER)]
            stop = _CLAUSE_END.search(tail)
            listed = tail[: stop.start()] if stop else tail
            parts = self._parts(listed.rstrip().rstrip(".!?"))
            if parts is None:
                continue
            whole = _count_value(total.group(1))
            values = [_count_value(p) for p in parts]
            if any(v > whole for v in values):
                continue  # "two schools include 400 pupils": parts of something else
            exhaustive = verb.group(1) is not None and not verb.group(1).startswith("includ")
            added = sum(values)
            if added > whole or (exhaustive and added != whole):
                at = begin + total.start(1)
                yield self.finding(
                    verb.end(), verb.end() + len(listed.rstrip().rstrip(".!?").rstrip()),
                    f"the parts add up to {added}, {'more than' if added > whole else 'not'} "
                    f"the {whole} they break down",
                    related=(Related(at, at + len(total.group(1)), "the total"),))

    @staticmethod
    def _parts(text: str) -> list[str] | None:
        """The counts of a list made only of counted parts ("four physicians, 14 nurses and
        one student"), or None."""
        pieces = _BREAKDOWN_SEPARATOR.split(text.strip())
        if len(pieces) < 2:
            return None
        part = _breakdown_patterns()[1]
        not_counted = frozenset(_lexicon()["not_counted_parts"])
        counts = []
        for piece in pieces:
            m = part.match(piece)
            if m is None or m.group(2).lower() in not_counted:
                return None
            counts.append(m.group(1))
        return counts
