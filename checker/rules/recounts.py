"""A figure the story points back at with another value than the one it first gave.

NU101 compares counts of the nouns it lists ("troops", "people", "deaths"). These shapes tell
that two figures are one thing whatever the noun, because the later one points back at the
earlier:

- a definite count, "the 35 sites", "all 6,000 postponed appointments", after the only other count
  of the same noun in the text, "corals surveyed at 28 sites" (``definite_recounts``);
- a definite price, "the 52-million-euro terminal", "the €74m loss", after the only earlier
  sentence that ties a price of that currency to the thing, "the terminal was built at a cost of
  38 million euros", "a net loss of €47m" (``definite_reprices``);
- a prison term, "jailed for six years" … "the eight-year term" (``restated_terms``), a match's
  result, "a 27-24 victory" … "The 27-21 result" (``restated_scores``), and a change between two
  shares, "from 41% to 88%" … "the jump from 44% to 88%" (``restated_changes``).

Each is read only where the text gives the thing's figures two values, one of them once, in two
sentences: a third value, or the later value given elsewhere too, means two sets ("the 12
runners" of one race and "the 9 runners" of the next), two defendants or two matches, and that
is left alone.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from checker.document import Document, Span
from checker.nli.lexicon import load_lexicon
from checker.resources import load_toml
from checker.rules.garble import function_words

_YEAR = re.compile(r"(?:1[89]|20)\d\d")
MAX_RATIO = 2.0  # a definite reference names its set: a wider gap is a subset or another set
MIN_COUNT = 3  # the smallest figure of the two: "the two" of "three" is as often a part
_DETERMINERS = frozenset(("the", "all", "those", "these", "his", "her", "its", "their", "our"))


@functools.cache
def _lexicon() -> dict[str, list[str]]:
    return load_toml("numbers", "units.toml")


@functools.cache
def _listed() -> frozenset[str]:
    """Nouns NU101's own reading covers, and words a definite count of is no set ("the 90
    minutes", "the 12 points"), singular and plural."""
    counted = _lexicon()["counted"]
    return frozenset({*counted, *(w + "s" for w in counted), *_lexicon()["recount_skip"]})


@functools.cache
def _change_words() -> frozenset[str]:
    return frozenset(_lexicon()["change_words"])


@functools.cache
def _restrictors() -> frozenset[str]:
    """Words after a definite count that narrow it to a part ("the 12 candidates who passed",
    "the 30 schools in Leeds"): another set than the one counted before."""
    return frozenset(_lexicon()["recount_restrictors"])


_DIGITS = r"(\d(?<![\w$£€.,-]\d)(?:\d{0,2}(?:,\d{3})++|\d*+))(?![\d.,]\d)"
# A count and its noun, up to one modifier between: "35 sites", "6,000 postponed appointments"
# (opened on its digit, so that re's search skips from digit to digit; whether a determiner
# stands before it, which makes it definite, is read where it matches)
_COUNTED = re.compile(_DIGITS + r"[ \t]++((?:[a-z][a-z-]*+[ \t]++)??)([a-z]{2,}s|injured"
                      r"|wounded|dead|missing|displaced)\b(?!-)")
# "the", "all", "their" … just before a count: "the 35 sites", "their 14 schools"
_DEFINITE_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:the|all|those|these|his|her|its|their|our)[ \t]++\Z")


@functools.cache
def _counts_of(noun: str) -> re.Pattern[str]:
    """Any count of ``noun``, with up to four words between ("4,000 planned operations and
    outpatient appointments")."""
    return re.compile(_DIGITS + r"[ \t]++((?:[A-Za-z-]++[ \t]++){0,4}?)" + re.escape(noun)
                      + r"\b(?!-)")


def _value(figure: str) -> int:
    return int(figure.replace(",", ""))


@dataclass(frozen=True, slots=True)
class Recount:
    earlier: tuple[int, int]  # the first figure, as a span of the text
    later: tuple[int, int]  # the figure that points back at it
    thing: str  # what both count or price ("sites", "terminal")


def _sentence(doc: Document, offset: int) -> Span | None:
    k = doc.sentence_index_at(offset)
    return None if k is None else doc.sentences[k]


def definite_recounts(doc: Document) -> Iterator[Recount]:
    """A definite count ("the 35 sites", "their 14 schools") of a noun NU101 does not list,
    after the one other count of that noun in the text ("28 sites"), not itself definite, in
    another sentence, within a factor of two, both three or more. Counts narrowed by what follows
    ("the 12 of them", "the 30 schools in Leeds", "the 16 films competing in …") or by a change
    word ("the 12 remaining sites"), and earlier counts of a part ("10 of the former
    directors"), are left alone. (On the 2,629 BBC and CNN/DM articles it finds nothing; a first
    version that also read counts in words and took "two" for a set found three parts and two
    sets there.)"""
    text = doc.text
    listed, change, narrow, small = _listed(), _change_words(), _restrictors(), function_words()
    for m in _COUNTED.finditer(text):
        if _DEFINITE_BEFORE.search(text, max(0, m.start() - 7), m.start()) is None:
            continue  # not pointed back at: "28 sites"
        later, mods, noun = _value(m.group(1)), m.group(2).split(), m.group(3)
        if (noun in listed or later < 2 or change.intersection(mods) - {"new"} or len(noun) < 4
                or _YEAR.fullmatch(m.group(1)) or noun in small):
            continue  # "after Labour's heavy defeat in the 1983 he was elected": no count
        after = text[m.end(): m.end() + 24].split(maxsplit=1)
        if after and (after[0].strip(",.;:)").lower() in narrow or after[0].endswith("ing")):
            continue  # "the 16 films competing in the drama section": a part
        counts = [c for c in _counts_of(noun).finditer(text)
                  if "of" not in c.group(2).lower().split()]
        values = Counter(_value(c.group(1)) for c in counts)
        if len(values) != 2 or values[later] != 1:
            continue
        first = next(c for c in counts if _value(c.group(1)) != later)
        if first.start() > m.start() or values[_value(first.group(1))] != 1:
            continue
        low, high = sorted((_value(first.group(1)), later))
        if high > MAX_RATIO * low or low < MIN_COUNT:
            continue  # "three projects" … "these two projects": a part, as two often is
        before = text[max(0, first.start() - 24): first.start()].lower().split()
        if change.intersection(before[-2:]):
            continue  # "another 28 sites": a change, not the set
        if before and before[-1] in _DETERMINERS:
            continue  # "The two winners" … "the three group winners": two sets, each definite
        span_a, span_b = _sentence(doc, first.start()), _sentence(doc, m.start())
        if span_a is None or span_b is None or span_a == span_b:
            continue
        yield Recount((first.start(1), first.end(1)), (m.start(1), m.end(1)), noun)


_CURRENCY = {"€": "euro", "$": "dollar", "£": "pound", "euro": "euro", "euros": "euro",
             "dollar": "dollar", "dollars": "dollar", "pound": "pound", "pounds": "pound"}
_SCALE = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "": 1.0}
# An amount's figure: "52", "1.5", "186,400"
_AMOUNT = r"(\d++(?:,\d{3})*+(?:\.\d++)?+)"
# A currency's mark, with a country's letters before a dollar sign ("C$", "NZ$", "US$")
_MARK = r"((?:[A-Z]{1,2}(?=\$))?+[$€£])"
# "the 52-million-euro terminal", "the $52m terminal", "the €52 million terminal", "the C$196,400
# award", "the €74m loss"
_DEFINITE_PRICE = re.compile(
    r"([Tt]he)(?<![\w'’-][Tt]he)[ \t]++" + _MARK + r"?+[ \t]?+" + _AMOUNT
    + r"(?:[ \t-]?+(million|billion|m|bn)\b)?+(?:[ \t-](euro|dollar|pound)\b)?+[ \t]++"
    r"((?:[a-z][a-z-]*+[ \t]++)??)([a-z]{3,}+)\b")
# "38 million euros", "€38 million", "$38m", "C$186,400"
# (opened on the mark or a digit, not a look-behind, so that re's search skips to them; a
# country's letters before a dollar sign are read where it matches)
_PRICE = re.compile(r"([$€£])[ \t]?+" + _AMOUNT + r"(?:[ \t]?+(million|billion|m|bn)\b)?+"
                    r"|(\d(?<![\w.,]\d)\d*+(?:\.\d++)?+)[ \t]++(million|billion)[ \t]++"
                    r"(euros|dollars|pounds)\b")
_DOLLAR_COUNTRY = re.compile(r"(?<![\w.,])[A-Z]{1,2}\Z")
_COSTED = re.compile(r"\b(?:cost|costs|costing|price|priced|worth|valued|value|budget|spent"
                     r"|investment|invested|funded|financed)\b", re.IGNORECASE)


def _currency(mark: str) -> str | None:
    """The currency a mark or a word names: "C$" a dollar of its own, "$" the plain dollar."""
    if len(mark) > 1 and mark.endswith("$"):
        return mark
    return _CURRENCY.get(mark)


def _prices(text: str) -> Iterator[tuple[re.Match[str], str, float]]:
    for m in _PRICE.finditer(text):
        if m.group(1):
            mark = m.group(1)
            if mark == "$":
                country = _DOLLAR_COUNTRY.search(text, max(0, m.start() - 3), m.start())
                mark = (country.group() if country else "") + mark
            elif m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in ".,"):
                continue
            currency = _currency(mark)
            if currency is not None:
                yield m, currency, float(m.group(2).replace(",", "")) * _SCALE[m.group(3) or ""]
        else:
            yield m, _CURRENCY[m.group(6)], float(m.group(4)) * _SCALE[m.group(5)]


def _tied(words: str, price: re.Match[str], start: int, heads: Sequence[str]) -> bool:
    """Does the sentence ``words`` (starting at ``start`` in the text) tie ``price`` to one of
    ``heads``: a word of cost anywhere in it and the noun too ("The terminal was built at a cost
    of 38 million euros"), or the noun just before the price with "of" ("a net loss of €47m")
    or just after it ("a €47m loss")?"""
    named = [h for h in heads
             if re.search(rf"\b{re.escape(h)}s?\b", words, re.IGNORECASE) is not None]
    if not named:
        return False
    if _COSTED.search(words):
        return True
    before = _DOLLAR_COUNTRY.sub("", words[max(0, price.start() - start - 24):
                                           price.start() - start]).lower()  # "of C" for "C$"
    after = words[price.end() - start: price.end() - start + 24].lower().split()
    return any(before.rstrip().endswith(f"{h} of") or (after and after[0].startswith(h))
               for h in named)


def definite_reprices(doc: Document) -> Iterator[Recount]:
    """A definite price before a noun ("the 52-million-euro terminal", "the €74m loss") after
    the one earlier sentence that ties a price of that currency to the noun, with a word of cost
    ("The terminal was built at a cost of about 38 million euros") or beside it ("a net loss of
    €47m"), within a factor of two, when the later price is given nowhere else."""
    text = doc.text
    if not any(mark in text for mark in ("$", "€", "£", "illion")):
        return
    found: list[tuple[re.Match[str], str, float]] | None = None
    for m in _DEFINITE_PRICE.finditer(text):
        currency = _currency(m.group(2) or "") or _CURRENCY.get(m.group(5) or "")
        if currency is None:
            continue
        later = float(m.group(3).replace(",", "")) * _SCALE[m.group(4) or ""]
        heads = [w for w in (*m.group(6).split(), m.group(7)) if len(w) > 3]
        if found is None:
            found = list(_prices(text))
        same = [(p, v) for p, c, v in found
                if c == currency and not m.start() <= p.start() < m.end()]  # not itself
        if any(abs(v - later) < 0.5 for _, v in same):
            continue
        here = _sentence(doc, m.start())
        candidates: list[tuple[re.Match[str], float]] = []
        for p, value in same:
            if p.start() > m.start():
                break
            span = _sentence(doc, p.start())
            if span is None or span == here:
                continue
            if _tied(text[span.start: span.end], p, span.start, heads):
                candidates.append((p, value))
        if len({v for _, v in candidates}) != 1:
            continue
        first, earlier = candidates[0]
        low, high = sorted((earlier, later))
        if high <= MAX_RATIO * low:
            end = m.end(5) if m.group(5) else m.end(4) if m.group(4) else m.end(3)
            yield Recount((first.start(), first.end()),
                          (m.start(2) if m.group(2) else m.start(3), end), m.group(7))


# A prison term handed down: "jailed for six years", "was sentenced to 18 months"
_JAILED = re.compile(
    r"\b(?:jailed|sentenced|imprisoned|locked[ \t]++up)\b[^.;!?\n]{0,40}?[ \t](?:for|to)[ \t]++"
    r"(\d{1,2}+|[a-z]++)[ \t-]++(year|month)s?+\b", re.IGNORECASE)
# The term referred back to: "the eight-year term", "his 18-month sentence"
_TERM = re.compile(
    r"\b(?:the|his|her|their|this)[ \t]++(\d{1,2}+|[a-z]++)-(year|month)[ \t]++"
    r"(?:(?:jail|prison|custodial)[ \t]++)?+(?:term|sentence)\b", re.IGNORECASE)


def _term(word: str) -> int | None:
    return int(word) if word.isdigit() else load_lexicon().number_words.get(word.lower())


def restated_terms(doc: Document) -> Iterator[Recount]:
    """A prison term handed down once ("jailed for six years") and referred back to with another
    length ("the eight-year term"), when the text gives one such term each way: a story of two
    defendants gives two."""
    text = doc.text
    if ("-year" not in text and "-month" not in text) or not any(
            word in text for word in ("jailed", "sentenced", "imprisoned", "locked up")):
        return
    handed = [(m, _term(m.group(1)), m.group(2).lower()) for m in _JAILED.finditer(text)]
    told = [(m, _term(m.group(1)), m.group(2).lower()) for m in _TERM.finditer(text)]
    if len({(v, u) for _, v, u in handed}) != 1 or len({(v, u) for _, v, u in told}) != 1:
        return
    (first, value, unit), (later, again, unit_again) = handed[0], told[0]
    if value is None or again is None or unit != unit_again or value == again:
        return
    if later.start() < first.start() or len(handed) != 1:
        return
    yield Recount((first.start(1), first.end()), (later.start(1), later.end(2)), "sentence")


_RESULT_NOUNS = (r"(?:home[ \t]++|away[ \t]++)?+(?:victory|win|defeat|loss|draw|triumph|result"
                 r"|scoreline)")
# A match's score before a word for its result: "27-24 victory", "2-1 win" (opened on its digit;
# what stands before it, "a 27-24 victory" or "The 27-21 result", is read where it matches)
_SCORED_RESULT = re.compile(r"(\d(?<![\w.,:-]\d)\d{0,2}+)[-–](\d{1,3}+)[ \t]++" + _RESULT_NOUNS
                            + r"\b")
_GIVEN_BEFORE = re.compile(r"(?<![\w'’-])(?i:an?|their|his|her|its)[ \t]++\Z")
_TOLD_BEFORE = re.compile(r"(?<![\w'’-])(?i:the|this|that)[ \t]++\Z")


def restated_scores(doc: Document) -> Iterator[Recount]:
    """A match's result given once with its score ("a 27-24 victory") and referred back to with
    another ("The 27-21 result"), when the text gives one such score each way (a round-up of
    several matches gives several). The score read either way round is the same ("the 24-27
    defeat")."""
    text = doc.text
    given: list[re.Match[str]] = []
    told: list[re.Match[str]] = []
    for m in _SCORED_RESULT.finditer(text):
        at = max(0, m.start() - 7)
        if _GIVEN_BEFORE.search(text, at, m.start()) is not None:
            given.append(m)
        elif _TOLD_BEFORE.search(text, at, m.start()) is not None:
            told.append(m)
    if len(given) != 1 or not told:
        return
    scores = {tuple(sorted((int(m.group(1)), int(m.group(2))))) for m in given}
    again = {tuple(sorted((int(m.group(1)), int(m.group(2))))) for m in told}
    if len(again) != 1 or scores == again:
        return
    first, later = given[0], told[0]
    if later.start() > first.start():
        yield Recount((first.start(1), first.end(2)), (later.start(1), later.end(2)), "result")


# A share told as a change between two figures: "from 41% to 88%", "from 41 per cent to 88 per
# cent"
_SHARE = r"(\d{1,3}+(?:\.\d++)?+)[ \t]?+(?:%|per[ \t]?cent\b|percent\b)"
_SHARE_CHANGE = re.compile(r"\bfrom[ \t]++" + _SHARE + r"[ \t]++to[ \t]++" + _SHARE)


def restated_changes(doc: Document) -> Iterator[Recount]:
    """A change between two shares told twice with one end the same and the other not ("raised
    its pass rate from 41% to 88%" … "the jump from 44% to 88%"), when the text tells just those
    two: the same change, one of its figures mistyped."""
    text = doc.text
    if "from " not in text or text.count("%") + text.count("cent") < 4:
        return
    changes = list(_SHARE_CHANGE.finditer(text))
    if len(changes) != 2:
        return
    a, b = changes
    (a1, a2), (b1, b2) = ((float(m.group(1)), float(m.group(2))) for m in (a, b))
    span_a, span_b = _sentence(doc, a.start()), _sentence(doc, b.start())
    if span_a is None or span_a == span_b:
        return
    if a2 == b2 and a1 != b1:
        yield Recount((a.start(1), a.end(1)), (b.start(1), b.end(1)), "change")
    elif a1 == b1 and a2 != b2:
        yield Recount((a.start(2), a.end(2)), (b.start(2), b.end(2)), "change")
