"""NU106: a percentage change that the two figures beside it do not give ("fell by 19 per cent
to £618.5 million, from £805m": that is a fall of 23 per cent); NU107: one change told as a
rise in one sentence and as a fall in another."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from checker.document import Document
from checker.entries import MONTH_SHORT, MONTHS, WEEKDAYS
from checker.findings import Finding, Related
from checker.rules.base import Context, Rule, register
from checker.rules.garble import function_words
from checker.rules.numbers import YEAR
from checker.rules.wordlist import available, zipf

# A percentage: "19 per cent", "4.7%", "12 percent", "8pc", with a hedge before it ("about").
_PCT = (r"(?:(?P<hedge>almost|nearly|about|around|roughly|some|approximately|more[ \t]++than"
        r"|over|just[ \t]++(?:over|under)|less[ \t]++than|under)[ \t]++)?+"
        r"(?P<pct>\d{1,3}+(?:\.\d{1,2}+)?+)[ \t]*+(?:%|per[ \t]?cent\b|percent\b|pc\b)")


def _fig(name: str) -> str:
    """A figure with its currency and scale ("£618.5 million", "$10.9bn", "805m", "2,800") as
    the groups ``name``, ``name_cur``, ``name_num`` and ``name_scale``: not part of a longer
    figure, not a percentage."""
    return (rf"(?P<{name}>(?P<{name}_cur>[£$€¥]?+)[ \t]?+"
            rf"(?P<{name}_num>\d(?<![\w.,]\d)(?<!\d[-–/]\d)(?:\d{{0,2}}+(?:,\d{{3}})++|\d*+)"
            rf"(?:\.\d++)?+)"
            rf"(?:[ \t]*+(?P<{name}_scale>m|mn|bn|million|billion|trillion|tn|k|thousand)\b)?+)"
            r"(?![\d.,]\d|[ \t]*+(?:%|per[ \t]?cent|percent))")


_CHANGE_NOUN = r"(?:rise|fall|drop|increase|decrease|decline|jump|gain|cut|reduction|slump)"
# The shapes a change is stated in, each with the old figure and the new one:
#   "fell by 19 per cent to £618.5 million, from £805m"
#   "was up 67.4 per cent from £515m to £885m"
#   "from £805m to £618.5m, a fall of 19 per cent"
#   "£618.5m, down 19% from £805m"
_SHAPES = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"{_PCT}[ \t]++(?:to|at)[ \t]++{_fig('new')},?+[ \t]++(?:(?:up|down)[ \t]++)?+from"
    rf"[ \t]++{_fig('old')}",
    rf"{_PCT},?+[ \t]++from[ \t]++{_fig('old')}[ \t]++to[ \t]++{_fig('new')}",
    rf"from[ \t]++{_fig('old')}[ \t]++to[ \t]++{_fig('new')},?+[ \t]++an?+[ \t]++"
    rf"{_CHANGE_NOUN}[ \t]++of[ \t]++{_PCT}",
    rf"{_fig('new')},?+[ \t]++(?:up|down)[ \t]++{_PCT}[ \t]++from[ \t]++{_fig('old')}",
))
# A change stated as a percentage and as an amount, with the figure it ends at: "going up 0.09
# per cent or $56 to $2255", "rose 4.7%, or $2.3bn, to $51.2bn". The figure before is worked
# out from the two, in the direction the words give.
_WITH_AMOUNT = re.compile(
    rf"{_PCT},?+[ \t]++or[ \t]++{_fig('delta')},?+[ \t]++(?:to|at)[ \t]++{_fig('new')}",
    re.IGNORECASE)
_SCALES = {"": 1.0, "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6,
           "bn": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12}
# How far apart the stated and the computed change may be, beyond what rounding allows: a point,
# or a twentieth of the change stated, whichever is more.
MIN_GAP_POINTS = 1.0
MIN_GAP_SHARE = 0.05


@dataclass(frozen=True)
class _Figure:
    """A figure as the range of values its rounding allows, with its scale applied."""
    low: float
    high: float


def _rounding(digits: str) -> tuple[float, float]:
    """The range of values a figure as written allows ("805": 804.5 to 805.5; "2,000": 1,500 to
    2,500, since its zeros may be rounding)."""
    plain = digits.replace(",", "")
    if "." in plain:
        half = 0.5 * 10 ** -len(plain.split(".")[1])
    else:
        zeros = len(plain) - len(plain.rstrip("0")) if plain.strip("0") else 0
        half = 0.5 * 10 ** zeros
    value = float(plain)
    return value - half, value + half


def _figures(m: re.Match[str], first: str = "old") -> tuple[_Figure, _Figure] | None:
    """The old and the new figure of a stated change (or, with ``first`` "delta", the amount
    it changed by and the new figure), in one scale; None when the two are not amounts of one
    thing: years ("rose 5% from 2019 to 2020"), two currencies, a zero."""
    (cur_old, num_old, scale_old), (cur_new, num_new, scale_new) = (_groups(m, first),
                                                                    _groups(m, "new"))
    if cur_old and cur_new and cur_old != cur_new:
        return None
    if any(not cur and not scale and YEAR.fullmatch(num.replace(",", ""))
           for cur, num, scale in ((cur_old, num_old, scale_old), (cur_new, num_new, scale_new))):
        return None
    # a scale written on one figure only is the other's too ("from $2.8 to $3.1bn"), but not a
    # figure written out in full ("from £1.9m to £640,000")
    def shared(num: str, own: str, other: str) -> str:
        return own or ("" if "," in num or float(num) >= 1000 else other)

    out = []
    for num, scale in ((num_old, shared(num_old, scale_old, scale_new)),
                       (num_new, shared(num_new, scale_new, scale_old))):
        low, high = _rounding(num)
        out.append(_Figure(low * _SCALES[scale.lower()], high * _SCALES[scale.lower()]))
    old, new = out
    return None if old.low <= 0 and first == "old" else (old, new)


def _before_amount(m: re.Match[str], said: str | None) -> tuple[_Figure, _Figure] | None:
    """The figure before and the figure after of a change stated with its amount ("up 0.09
    per cent or $56 to $2255": $2,199 before), when the words say which way it went."""
    figures = _figures(m, "delta")
    if figures is None or said is None:
        return None
    delta, new = figures
    old = (_Figure(new.low - delta.high, new.high - delta.low) if said == "rise"
           else _Figure(new.low + delta.low, new.high + delta.high))
    return None if old.low <= 0 else (old, new)


def _groups(m: re.Match[str], name: str) -> tuple[str, str, str]:
    """The currency, digits and scale of the figure in group ``name``."""
    return (m.group(f"{name}_cur") or "", m.group(f"{name}_num"),
            m.group(f"{name}_scale") or "")


def _stated(m: re.Match[str]) -> tuple[float, float, float]:
    """The percentage stated, as the range its rounding and its hedge allow, and as written."""
    pct = m.group("pct")
    hedge = " ".join((m.group("hedge") or "").lower().split())
    value = float(pct)
    half = 0.5 * 10 ** -len(pct.split(".")[1]) if "." in pct else 0.5
    low, high = value - half, value + half
    loose = max(1.0, 0.1 * value)
    if hedge in ("more than", "over", "just over"):
        high = float("inf")
    elif hedge in ("almost", "nearly", "just under", "less than", "under"):
        low = value - 2 * loose
    elif hedge:
        low, high = value - loose, value + loose
    return low, high, value


# The cheap first pass: a percentage, with "from" near it (every shape has one); the shapes are
# searched only around it.
_PCT_HINT = re.compile(r"\d[ \t]*+(?:%|per[ \t]?cent|percent|pc\b)", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\b", re.IGNORECASE)
_OR_NEXT = re.compile(r",?+(?<![ \t])[ \t]++or[ \t]")  # "0.09 per cent or $56 …": an amount follows
WINDOW = 120  # characters either side of a percentage that a shape may reach

# A change told in words only, with the figures it runs between and no percentage: "rising to
# $78 million from $87 million", "fell from 4,200 to 5,100", "$78 million in 2006, rising from
# $87 million". The words say which way it went; the figures may say the other.
_MOVES = (r"rose|rises|rising|risen|increased|increasing|grew|growing|grown|climbed|climbing"
          r"|jumped|jumping|surged|soared|fell|falling|fallen|dropped|dropping|declined"
          r"|declining|decreased|slumped|plunged|slid|shrank")
_VERB = rf"(?P<dir>{_MOVES})"
# "up" and "down" only before "from": "cut by up to 500 from 4,000" is "as many as", no rise
_VERB_OR_UP = rf"(?P<dir>{_MOVES}|up|down)"
_DIRECTED = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"\b{_VERB}[ \t]++(?:by[ \t]++{_fig('delta')}[ \t]++)?+to[ \t]++{_fig('new')},?+[ \t]++"
    rf"from[ \t]++{_fig('old')}",
    rf"\b{_VERB}[ \t]++from[ \t]++{_fig('old')}[ \t]++to[ \t]++{_fig('new')}",
    rf"{_fig('new')}(?:[ \t]++in[ \t]++(?:19|20)\d\d(?:[-–/]\d\d)?+)?+,[ \t]++{_VERB_OR_UP}"
    rf"[ \t]++from"
    rf"[ \t]++{_fig('old')}",
))
# their cheap first pass, opening on a literal so that a search skips to it (ten times faster
# than "\bfrom")
_FROM_FIGURE = re.compile(r"rom(?<=\b[fF]rom)[ \t]++[£$€¥]?+\d")
_VERB_WORD = re.compile(rf"\b{_VERB_OR_UP}\b", re.IGNORECASE)
# A figure that is a day of a month ("as at March 31, up from 132.4 cents"): no amount
_MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTH_SHORT)})[a-z]*+\.?+[ \t]++$")


def _changes(text: str) -> Iterator[tuple[re.Match[str], _Figure, _Figure]]:
    """Every stated change with its two figures, the old and the new, once each."""
    seen: set[int] = set()
    for hint in _PCT_HINT.finditer(text):
        lo, hi = max(0, hint.start() - WINDOW), min(len(text), hint.end() + WINDOW)
        if _OR_NEXT.match(text, hint.end()):
            for m in _WITH_AMOUNT.finditer(text, lo, hi):
                if m.start() not in seen:
                    seen.add(m.start())
                    figures = _before_amount(m, _said(text, m))
                    if figures is not None:
                        yield m, *figures
        if _FROM.search(text, lo, hi) is None:
            continue
        for shape in _SHAPES:
            for m in shape.finditer(text, lo, hi):
                if m.start() in seen:
                    continue
                seen.add(m.start())
                figures = _figures(m)
                if figures is not None:
                    yield m, *figures


def _directed(text: str) -> Iterator[tuple[re.Match[str], _Figure, _Figure]]:
    """Every change told in words with its two figures and no percentage, the old and the new,
    once each; not one whose figure after is a day of a month."""
    seen: set[int] = set()
    for hint in _FROM_FIGURE.finditer(text):
        lo, hi = max(0, hint.start() - WINDOW), min(len(text), hint.end() + WINDOW)
        if _VERB_WORD.search(text, lo, hint.start()) is None:
            continue  # most figures after "from" are years and times, with no verb of change
        for shape in _DIRECTED:
            for m in shape.finditer(text, lo, hi):
                if m.start() in seen or _MONTH_BEFORE.search(
                        text, max(0, m.start("new_num") - 12), m.start("new_num")):
                    continue
                seen.add(m.start())
                figures = _figures(m)
                if figures is not None:
                    yield m, *figures


def _computed(old: _Figure, new: _Figure) -> tuple[float, float]:
    """The change from ``old`` to ``new`` in per cent, as the range their rounding allows."""
    corners = [abs(n - o) / o * 100 for o in (old.low, old.high) for n in (new.low, new.high)]
    low, high = min(corners), max(corners)
    if (old.low - new.high) * (old.high - new.low) <= 0:
        low = 0.0  # the rounding allows no change at all
    return low, high


def _as_written(old: _Figure, new: _Figure) -> float:
    """The change in per cent between the two figures as written."""
    before, after = (old.low + old.high) / 2, (new.low + new.high) / 2
    return abs(after - before) / before * 100


@register
class PercentChangeMismatch(Rule):
    code = "NU106"
    name = "change-does-not-fit-figures"
    category = "number"
    summary = ("A percentage change that the two figures given with it do not give, or a rise "
               "between figures that fall")
    what = """
Finds a change stated in per cent together with the figures it runs between ("fell by 19 per cent
to £618.5 million, from £805m"; "was up 67.4 per cent from £515m to £885m"; "from £805m to £618.5m,
a fall of 19 per cent"; "£618.5m, down 19% from £805m"), or with the amount it changed by ("going
up 0.09 per cent or $56 to $2255": up $56 to $2,255 is 2.5 per cent), when the figures give another
change (from £805m to £618.5m is a fall of 23.2 per cent). Each figure is read as the range its
rounding allows ("805m" is 804.5m to 805.5m, "2,000" anything from 1,500 to 2,500), and so is the
percentage ("19" is 18.5 to 19.5; "about 19" 17 to 21; "more than 19" anything above); the rule
speaks when the two ranges are more than a point apart, or a twentieth of the stated change. Years
("from 2019 to 2020"), rates in per cent (percentage points) and two currencies are left
alone. A change told in words only, with its two figures, is read for its direction:
"totalled $78 million in 2006, rising from $87 million" says a rise where the figures fall
("as at March 31, up from 132.4 cents" is a date, not a figure)."""
    why = """
A percentage and the figures it was worked out from often come from two versions of a story or
two lines of a results statement; when they disagree, one of them is wrong, and readers who
check the sum stop trusting the rest."""
    bad_examples = (
        "Pre-tax profit fell by 19 per cent to £618.5 million, from £805m a year earlier.",
        "Operating profit was up 67.4 per cent from £515m to £885m.",
        "Red Hill's rates would also barely move, going up 0.09 per cent or $56 to $2255.",
        "Research awards totalled $78 million in 2006, rising from $87 million in 2005.",
    )
    good_examples = (
        "Pre-tax profit fell by 23 per cent to £618.5 million, from £805m a year earlier.",
        "Revenue rose 4.7% to $51.2bn from $48.8bn.",
        "Sales grew about 10% from 2019 to 2020.",
        "Unemployment fell 0.3% from 4.4% to 4.1%.",
        "Revenue rose 4.7%, or $2.3bn, to $51.2bn.",
        "Net asset value was 138.8 cents as at March 31, up from 132.4 cents.",
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        for m, old, new in _changes(text):
            computed = _computed(old, new)
            low, high, value = _stated(m)
            gap = max(computed[0] - high, low - computed[1], 0.0)
            moved = _moved(old, new)
            said = _said(text, m)
            wrong_way = moved is not None and said is not None and said != moved
            if gap <= max(MIN_GAP_POINTS, MIN_GAP_SHARE * value) and not wrong_way:
                continue
            worked = _as_written(old, new)
            new_text = text[m.start("new"):m.end("new")]
            change = f"a {moved} of {worked:.1f}%" if moved else f"a change of {worked:.1f}%"
            stated = f"a {said} of {value:g}%" if said else f"a change of {value:g}%"
            first = "delta" if m.re is _WITH_AMOUNT else "old"
            first_text = text[m.start(first):m.end(first)]
            figures = (f"{'up' if said == 'rise' else 'down'} {first_text} to {new_text}"
                       if first == "delta" else f"from {first_text} to {new_text}")
            yield self.finding(
                m.start(), m.end(), f"{stated} does not fit its figures: {figures} is {change}",
                related=(Related(m.start(first), m.end(first),
                                 "the amount of the change" if first == "delta"
                                 else "the figure before"),
                         Related(m.start("new"), m.end("new"), "the figure after")))
        for m, old, new in _directed(text):
            moved = _moved(old, new)
            said = "rise" if m.group("dir").lower() in _RISING else "fall"
            if moved is None or moved == said:
                continue
            old_text = text[m.start("old"):m.end("old")].strip()
            new_text = text[m.start("new"):m.end("new")].strip()
            yield self.finding(
                m.start(), m.end(),
                f"{m.group('dir')!r} tells a {said}, but from {old_text} to {new_text} is a "
                f"{moved}",
                related=(Related(m.start("old"), m.end("old"), "the figure before"),
                         Related(m.start("new"), m.end("new"), "the figure after")))


_RISE = frozenset({"up", "rose", "rise", "rises", "rising", "risen", "increase", "increased",
                   "increases", "grew", "grow", "grown", "growth", "gain", "gained", "jump",
                   "jumped", "climb", "climbed", "higher", "surged", "soared"})
_FALL = frozenset({"down", "fell", "fall", "falls", "falling", "fallen", "drop", "dropped",
                   "decline", "declined", "decrease", "decreased", "cut", "slump", "slumped",
                   "lower", "shrank", "plunged", "slid", "reduction"})
# The words of _VERB_OR_UP that tell a rise (the rest tell a fall): _RISE's, and the forms in
# "-ing" that a change told in words uses ("rising from $87 million")
_RISING = _RISE | {"increasing", "growing", "climbing", "jumping"}
_DIRECTION_WORD = re.compile(r"[a-z]++")
DIRECTION_BEFORE = 30  # how far before the percentage a verb of change may stand


def _moved(old: _Figure, new: _Figure) -> str | None:
    """"rise" or "fall" when the figures' rounding leaves no doubt which, else None."""
    if new.low > old.high:
        return "rise"
    if new.high < old.low:
        return "fall"
    return None


def _said(text: str, m: re.Match[str]) -> str | None:
    """"rise" or "fall", as the words of the change say (the verb before the percentage, "up"
    or "down", "a fall of"), when they say only one of the two."""
    before = text[max(0, m.start() - DIRECTION_BEFORE):m.start("pct")].lower()
    words = set(_DIRECTION_WORD.findall(before)) | set(
        _DIRECTION_WORD.findall(text[m.start():m.end()].lower()))
    rise, fall = bool(words & _RISE), bool(words & _FALL)
    if rise == fall:
        return None
    return "rise" if rise else "fall"


# One change told as a rise in one sentence and as a fall in another ("Carrow Bay recorded the
# strongest monthly growth, with the average price rising by 1.4 per cent" … "Carrow Bay, where
# prices fell 1.4 per cent this month, …"): the direction word before the percentage, or the
# change's noun after it ("a 1.4% rise").
_TOLD_PCT = (r"(?:(?:almost|nearly|about|around|roughly|some|approximately)[ \t]++)?+"
             r"(?P<{}>\d{{1,3}}+(?:\.\d{{1,2}}+)?+)[ \t]*+(?:%|per[ \t]?cent\b|percent\b|pc\b)")
_TOLD = re.compile(
    r"(?<![\w'’-])(?P<dir>" + "|".join(sorted(_RISE | _RISING | _FALL | {"falls"},
                                                key=lambda w: (-len(w), w)))
    + r")(?:[ \t]++by)?+[ \t]++(?:an?[ \t]++)?+"
    + _TOLD_PCT.format("pct") + "|(?:an?[ \t]++)?+" + _TOLD_PCT.format("pct2")
    + rf"[ \t]++(?P<noun>{_CHANGE_NOUN})\b", re.IGNORECASE)
_NAME_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*+(?:[ \t]++[A-Z][\w'’-]*+)*+")
# what says a change is only expected, hoped for or supposed ("Analysts had expected sales to
# rise 2%", "if prices fall 5%"): it may well turn out the other way
_NOT_TOLD = frozenset({"would", "could", "might", "may", "should", "expect", "expected",
                       "expects", "expecting", "forecast", "forecasts", "forecasting",
                       "predicted", "predicts", "predict", "target", "targets", "hoped", "hopes",
                       "if", "unless", "plans", "planned", "aims", "likely", "projected",
                       "projects", "estimate", "estimated", "estimates", "will", "whether"})
# the periods a change is told over: two changes over different periods are two changes
_PERIODS = {"day": "day", "daily": "day", "week": "week", "weekly": "week", "month": "month",
            "monthly": "month", "quarter": "quarter", "quarterly": "quarter", "year": "year",
            "yearly": "year", "annual": "year", "annually": "year", "annualised": "year"}
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*+")


@dataclass(frozen=True)
class _Told:
    """A change in per cent told in one sentence: its figure, its direction, the name it is
    told of and the words between that name and the change."""
    sentence: int
    start: int
    end: int
    pct: str
    direction: str
    subject: str
    between: frozenset[str]
    periods: frozenset[str]


def _fold(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _subject(sentence: str, upto: int) -> tuple[str, int] | None:
    """The last name before ``upto`` in the sentence, and where it ends: a run of capitalised
    words that is not a capitalised function word, month or day, nor one common word opening
    the sentence ("Prices rose 2%")."""
    found = None
    for m in _NAME_RUN.finditer(sentence, 0, upto):
        words = [w for w in m.group().split()
                 if w.lower() not in function_words() and w.lower() not in MONTHS
                 and w.lower() not in WEEKDAYS]
        if not words:
            continue
        if (not sentence[:m.start()].strip() and len(words) == 1 and available()
                and zipf(words[0].lower()) >= COMMON_ZIPF):
            continue  # "Prices rose 2%": the sentence's first word, a common one
        found = (" ".join(words), m.end())
    return found


COMMON_ZIPF = 4.0  # a sentence's first word this common is a word, not a name


def _told_changes(doc: Document) -> list[_Told]:
    out: list[_Told] = []
    for k, span in enumerate(doc.sentences):
        sentence = doc.text[span.start : span.end]
        if "%" not in sentence and "cent" not in sentence and "pc" not in sentence:
            continue
        lowered = set(_LOWER_WORD.findall(sentence.lower()))
        if lowered & _NOT_TOLD or sentence.rstrip().endswith("?"):
            continue
        for m in _TOLD.finditer(sentence):
            word = (m.group("dir") or m.group("noun") or "").lower()
            if word in _RISE or word in _RISING:
                direction = "rise"
            elif word in _FALL or word == "falls":
                direction = "fall"
            else:
                continue
            subject = _subject(sentence, m.start())
            if subject is None:
                continue
            name, name_end = subject
            between = frozenset(_fold(w) for w in _LOWER_WORD.findall(sentence, name_end,
                                                                    m.start())
                                if len(w) > 3)
            pct = m.group("pct") or m.group("pct2") or ""
            out.append(_Told(k, span.start + m.start(), span.start + m.end(),
                             pct.rstrip("0").rstrip(".") if "." in pct else pct, direction,
                             name, between,
                             frozenset(_PERIODS[w] for w in lowered if w in _PERIODS)
                             | frozenset(YEAR.findall(sentence))))
    return out


@register
class OppositeChange(Rule):
    code = "NU107"
    name = "change-told-both-ways"
    category = "number"
    summary = "One change told as a rise in one sentence and as a fall in another"
    what = """
Finds the same percentage change of the same thing told as a rise in one sentence and as a fall
in another: "Carrow Bay recorded the strongest monthly growth, with the average price rising by
1.4 per cent" and, further down, "Carrow Bay, where prices fell 1.4 per cent this month". Both
sentences give the same percentage, told of the same name (the last one before the change), and
opposite directions ("rose", "up", "a 1.4% rise" against "fell", "down", "a fall of"). Left
alone: two measures of one name ("Harbourline's profits rose 3%" / "Harbourline's sales fell
3%": other words between the name and the change, none shared), two periods ("on the month" /
"on the year", two years), a change only expected, forecast or supposed ("Analysts expected
sales to rise 2%", "if prices fall 2%"), a question, and two changes in one sentence."""
    why = """
A draft that tells one change both ways has one of them wrong, and often the headline figure;
a spun or carelessly edited copy turns a fall into a rise in one paragraph and not the others."""
    bad_examples = (
        "Carrow Bay recorded the strongest monthly growth, with the average price rising by 1.4 "
        "per cent to £312,400.\n\nCarrow Bay, where prices fell 1.4 per cent this month, has seen "
        "a steady flow of buyers.",
    )
    good_examples = (
        "Harbourline's profits rose 3% in the first half.\n\nHarbourline's sales fell 3% over the "
        "same months.",
        "Carrow Bay prices rose 1.4 per cent on the month.\n\nCarrow Bay prices fell 1.4 per cent "
        "on the year.",
        "Analysts had expected Harbourline's sales to rise 2%.\n\nHarbourline's sales fell 2%.",
        "Prices in Carrow Bay rose 1.4 per cent, while in Fenley they fell 1.4 per cent.",
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        told = _told_changes(doc)
        if len(told) < 2:
            return
        reported: set[int] = set()
        for b, later in enumerate(told):
            earlier = [a for a in told[:b] if _opposite(a, later)]
            if not earlier or later.sentence in reported:
                continue
            reported.add(later.sentence)
            first = earlier[0]
            yield self.finding(
                later.start, later.end,
                f"{doc.text[later.start:later.end]!r} tells as a {later.direction} the "
                f"{later.pct}% change of {later.subject} that an earlier sentence tells as a "
                f"{first.direction}",
                related=tuple(Related(a.start, a.end, f"told as a {a.direction} here")
                              for a in earlier))


def _opposite(a: _Told, b: _Told) -> bool:
    """Are two told changes one change told both ways?"""
    if a.sentence == b.sentence or a.direction == b.direction or a.pct != b.pct:
        return False
    if a.subject != b.subject:
        return False
    if a.between and b.between and a.between.isdisjoint(b.between):
        return False  # two measures of one name: "profits rose 3%" / "sales fell 3%"
    return not (a.periods and b.periods and a.periods.isdisjoint(b.periods))
