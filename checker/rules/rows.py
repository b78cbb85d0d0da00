"""NU108: a figure that a row of a table or a list gives for one entry, and a sentence of the
same page gives differently ("Idris Kawecki (G) | 37 | 10-21 | … | 30" under "… | PTS", and
below it "Kawecki led all scorers with 36 points").

Results pages, listings, box scores, timelines and donor lists carry each fact twice: once in a
row, once in the sentences written around the rows. The two are typed apart and edited apart, so
they drift, and no sentence-to-sentence comparison sees it (a row is not a sentence). This rule
reads the rows of a page, then the sentences that name one row's entry, and compares five kinds
of figure:

- a count under a column's heading ("PTS", "Credits", "Gold") against a count of the same noun in
  a sentence ("36 points", "worth 60 credits");
- the amounts of money of a row ("Ray and Jen Whitcombe - £250 - 15 May", "14 Fernbank Road,
  Kelton | … | £285,000 | £279,500") against an amount a sentence gives the same entry that is
  none of them ("made a donation of £150", "14 Fernbank Road sold for £291,000");
- a result ("Sophie Wragg 7-5 Dean Marrow") against a sentence that tells the same two sides'
  win ("took the deciding leg to win 7-6");
- a placing ("4th Drumcarrow 3/1 fav") against a sentence that tells where it finished ("ran on
  strongly to finish second");
- a timeline's year ("1972 - Awarded the Corwen Medal …") against a sentence that tells the same
  event in another year ("was awarded the Corwen Medal … in 1979");
- a share, a temperature or a race time one slip away from one of the row's ("2 | Directors'
  remuneration report | … | 28.90% | …" under "No. | Resolution | …", then "although
  resolution 2 was passed, 18.90% of votes cast were against it"), in a sentence that names
  that entry alone.

Only one row may hold the entry (a name in two tables is left alone), the sentence's figure must
follow that entry's name with no other entry's name between them, and a figure of another period
("this season", "in all", "averaging", "last year") is another fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from checker.document import Document
from checker.findings import Finding, Related
from checker.rules.base import Context, Rule, register
from checker.rules.garble import function_words
from checker.rules.wordlist import available, zipf

MAX_CELLS = 16
MAX_ROW_CHARS = 400  # a longer line is a paragraph of prose, not a row
MAX_ROWS = 2000  # a page with more rows than this is a data dump, not a page someone wrote
COUNT_REACH = 40  # characters after a count read for another period ("in the final quarter")
GAP_WORDS = 24  # at most this many words between an entry's name and its figure in a sentence

# A cell that names an entry: capitalised words, with the small words of names and titles
# between them ("Ray and Jen Whitcombe", "Introduction to Marine Systems"), a trailing
# bracket dropped ("Idris Kawecki (G)").
_LINKS = ("and", "&", "of", "the", "to", "in", "for", "on", "at", "de", "da", "van", "von", "le",
          "la", "du", "del", "der", "y")
_NAME_WORD = r"[A-Z][\w'’.-]{0,30}+"
_NAME = re.compile(
    rf"\A{_NAME_WORD}(?:[ \t]++(?:(?:{'|'.join(_LINKS)})[ \t]++){{0,2}}{_NAME_WORD}){{0,5}}\Z")
# "14 Fernbank Road, Kelton": a house number before the street's name, the town after a comma
_HOUSE_NUMBER = re.compile(r"\A\d{1,4}+[A-Za-z]?+[ \t]++(?=[A-Z])")
# a table's row label in sentence case: "Grants from trusts and foundations"
_LABEL = re.compile(r"\A[A-Z][a-z'’-]{2,}+(?:[ \t]++[a-z][a-z'’-]*+){1,6}+\Z")
MAX_AMOUNTS = 4  # a row with more amounts of money than this is a table of sums, not an entry's
_DIGIT = re.compile(r"\d")
# a column's heading: words, or a figure's label that opens on a digit ("3PT", "2B")
_YEAR_CELL = re.compile(r"\A(?:1[89]|20)\d\d(?:[-–/]\d\d)?+\Z")  # "Income | 2024 | 2023"
_HEADING_CELL = re.compile(r"\A(?:[A-Za-z#%(][^\d]{0,40}+|\d[A-Za-z]{1,4}+)\Z")
# "4th Drumcarrow 3/1 fav (Tom Akerman)", "1st: Hungarian Vizsla"
_PLACED = re.compile(rf"\A[ \t]*+(\d{{1,2}}+)(?:st|nd|rd|th)\b[ \t:.)-]*+({_NAME_WORD}"
                     rf"(?:[ \t]++{_NAME_WORD}){{0,4}})")
# "Sophie Wragg 7-5 Dean Marrow (96.31 v 94.88)", "QF4: Sophie Wragg 5-2 Harvey Lott"
_RESULT = re.compile(
    rf"(?:\A|:[ \t]++|\|[ \t]++)({_NAME_WORD}(?:[ \t]++(?:&[ \t]++)?{_NAME_WORD}){{0,4}})[ \t]++"
    rf"(\d{{1,3}}+)[ \t]?+[-–][ \t]?+(\d{{1,3}}+)[ \t]++"
    rf"({_NAME_WORD}(?:[ \t]++(?:&[ \t]++)?{_NAME_WORD}){{0,4}})")
# "1972 - Awarded the Corwen Medal of the Northern Society of Chemists", "1985: Joined Halberd"
_TIMELINE = re.compile(r"\A[ \t]*+((?:1[6-9]|20)\d\d)[ \t]*+[-–—:|][ \t]*+([A-Z][a-z]++)\b")
# a list entry's dash between two fields: "Ray and Jen Whitcombe - £250 - 15 May" (the pattern
# opens on the dash: one with the spaces first would rescan a run of spaces from each of them)
_DASHED = re.compile(r"(?<=[ \t])[-–—](?=[ \t])")
MAX_BRACKET = 30  # "Idris Kawecki (G)": a trailing bracket this short is a note, not the name
_MONEY = re.compile(
    r"([£$€])[ \t]?+(\d(?:\d{0,2}+(?:,\d{3})++|\d*+)(?:\.\d{1,2}+)?+)"
    r"(?:[ \t]?+(m|bn|k|million|billion|thousand)\b)?+(?![\d,.]\d)")
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
# Figures of other units a row and a sentence both give: a share ("28.90%", "12 per cent"), a
# temperature ("1.9C", "-3°C"), a race's time ("1:41:19"). (A clock's "21:35" is no measure.)
_MEASURE = re.compile(
    r"(?<![\w.,:])(?:(-?\d{1,3}+(?:\.\d{1,2}+)?+)[ \t]?+(%|per[ \t]cent\b|percent\b)"
    r"|(-?\d{1,2}+(?:\.\d)?+)(°?[CF])\b"
    r"|(\d{1,2}+):([0-5]\d):([0-5]\d)(?![\d:]))")
MAX_MEASURES = 12  # a row's figures of one unit: a marathon's splits, a table's shares
_NUMBER_WORDS = {w: n for n, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"))}
_COUNT = re.compile(r"\b(\d{1,5}+|" + "|".join(_NUMBER_WORDS) + r")[ \t]++([a-z]{3,20}+)\b",
                    re.IGNORECASE)
# a column's heading, and the noun a sentence counts it in
_HEADING_NOUNS = {
    "pts": "point", "points": "point", "pt": "point", "reb": "rebound", "rebounds": "rebound",
    "ast": "assist", "assists": "assist", "stl": "steal", "blk": "block", "min": "minute",
    "mins": "minute", "minutes": "minute", "gls": "goal", "goals": "goal", "apps": "appearance",
    "credits": "credit", "credit": "credit", "gold": "gold", "silver": "silver",
    "bronze": "bronze", "wins": "win", "tries": "try", "votes": "vote", "seats": "seat",
    "wickets": "wicket", "runs": "run", "laps": "lap", "sets": "set", "legs": "leg",
    "frames": "frame", "medals": "medal", "hours": "hour", "places": "place", "beds": "bed",
    "bedrooms": "bedroom", "pupils": "pupil", "members": "member",
    # a round of golf's scores, named before the figure in a sentence ("a gross 77, nett 71")
    # (not "net": a figure after it is another period's, ``_OTHER_PERIOD``'s "net" change)
    "gross": "gross", "nett": "nett",
}
# a score named before its figure: "won Division 1 with a gross 77, nett 71"
_SCORE_NAMES = frozenset(("gross", "nett"))
_NAMED_SCORE = re.compile(r"\b(gross|nett)[ \t]++(?:score[ \t]++of[ \t]++)?+(\d{2,3}+)\b",
                          re.IGNORECASE)
_COUNTED = frozenset(_HEADING_NOUNS.values())
_PLURAL_NOUNS = {"golds": "gold", "silvers": "silver", "bronzes": "bronze", "tries": "try"}
_ORDINALS = {w: n for n, w in enumerate(("first", "second", "third", "fourth", "fifth", "sixth",
                                         "seventh", "eighth", "ninth", "tenth"), start=1)}
_FINISHED = re.compile(
    r"\b(?:finish(?:ed|es|ing)?+|came|placed|ended[ \t]++up|crossed[ \t]++the[ \t]++line)"
    r"[ \t]++(?:in[ \t]++)?+(?:a[ \t]++)?+(?:close[ \t]++|distant[ \t]++|joint[ \t]++)?+"
    r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(\d{1,2}+)(?:st|nd|rd|th))"
    r"\b", re.IGNORECASE)
_WON = re.compile(
    r"\b(?:win|wins|won|winning|beat|beats|beating|lost|lose|loses|losing|victory|defeat"
    r"|triumph|triumphed|edged|thrashed|clinched)\b[^.;:]{0,40}?\b(\d{1,3}+)[ \t]?+[-–][ \t]?+"
    r"(\d{1,3}+)\b(?![-–]\d)", re.IGNORECASE)
# a score on the way, not the result: "won the bull and held throw to lead 3-2"
_INTERIM = re.compile(r"\b(?:lead|leads|led|leading|trail|trails|trailed|trailing|level|levelled"
                      r"|leveled|up|down|at|from|after|before|when|until)\b", re.IGNORECASE)
# a win told without its score, between two names: "Haldane beat Okonkwo with the white
# pieces" (group 1 the winner); "Okonkwo lost to Haldane" (group 2 the winner)
_BEAT_VERBS = (r"beat|beats|defeated|defeats|overcame|overcomes|outplayed|saw[ \t]++off"
               r"|edged[ \t]++(?:out|past)")
_LOST_VERBS = r"lost[ \t]++to|loses[ \t]++to|was[ \t]++beaten[ \t]++by|fell[ \t]++to"
_BEAT = re.compile(rf"(?<![ \t])[ \t]++(?:({_BEAT_VERBS})|({_LOST_VERBS}))[ \t]++"
                   rf"(?:the[ \t]++)?+(?=[A-Z])")
# a result told as a noun after its score: "a 3-1 win at Lowther Cross"
_SCORED_WIN = re.compile(r"\b(\d{1,3}+)[-–](\d{1,3}+)[ \t]++(?:home[ \t]++|away[ \t]++)?+"
                         r"(?:win|victory|defeat|loss|success|triumph|thrashing)\b",
                         re.IGNORECASE)
# a part of a match, not the match: "won the first set 6-3", "took the deciding leg"
_PART_OF_MATCH = re.compile(
    r"\b(?:set|sets|leg|legs|frame|frames|game|games|half|quarter|period|innings|tie-?break"
    r"|round|heat|rubber|singles|doubles|leg's)\b", re.IGNORECASE)
# another period or another sum than the row's: the sentence's figure is another fact
_OTHER_PERIOD = re.compile(
    r"\b(?:season|seasons|career|average|averages|averaged|averaging|total|totals|in[ \t]all"
    r"|altogether|so[ \t]far|last[ \t]year|previous|previously|record|since|per[ \t]game"
    r"|a[ \t]game|each|every|target|combined|overall|cumulative|up[ \t]from|down[ \t]from"
    r"|from|until|by[ \t]then|before|after|earlier|later|first[ \t]half|second[ \t]half"
    # a day's or a margin's count ("three golds for the day", "two golds clear"), and an amount
    # asked, offered or raised rather than given ("which asked for £4,000")
    r"|day|today|tonight|week|month|apiece|clear|more|fewer|another|extra|ahead|behind|margin"
    r"|lead|gap|deficit|front[ \t]nine|back[ \t]nine|nines?|holes?"
    r"|asked|asking|sought|requested|applied|bid|offered|needed|cost|costs|valued|estimated"
    r"|raised|pledged|promised|over|under|above|below|less|short|at[ \t]least|at[ \t]most|up[ \t]to"
    r"|minimum|maximum"
    # what is left, needed or changed rather than held ("needs 10 of the remaining 14 seats",
    # "has lost five seats")
    r"|remaining|left[ \t]to|needs?|lost|los(?:e|es|ing)|gain(?:s|ed|ing)?|net|swing"
    # a part of the match: "only four points in the final quarter"
    r"|quarter|quarters|period|periods|innings|set|sets|frame|frames|leg|legs|lap|laps|stage"
    r"|stages|round|rounds|heat|heats"
    r"|in[ \t]the[ \t](?:first|second|third|fourth|fifth|final|last|opening|closing))\b",
    re.IGNORECASE)
_ANOTHER_THING = re.compile(r"\b(?:extra|additional|another|average|total|each|every|per)\b",
                            re.IGNORECASE)
YEAR_IN_TEXT = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_CAPITALISED_RUN = re.compile(r"[A-Z][a-z]++(?:[ \t]++(?:of[ \t]++(?:the[ \t]++)?+)?+"
                              r"[A-Z][a-z]++)++")


@dataclass(frozen=True, slots=True)
class Row:
    start: int  # offset of the row's line
    end: int
    cells: tuple[str, ...]
    cell_starts: tuple[int, ...]
    heading: tuple[str, ...] | None  # the cells of the table's heading row, where it has one


@dataclass(frozen=True, slots=True)
class Told:
    """A fact one row states about one entry."""

    kind: str  # count | money | result | placing | year
    key: str  # the entry's name as the row writes it
    value: tuple[float, ...]
    start: int  # where the row states it
    end: int
    detail: str = ""  # the counted noun, the result's other side, the timeline's verb
    as_written: bool = True  # False for a result told from its second side (scores swapped)
    years: frozenset[str] = frozenset()  # the years the row names (a measure's)


def _cells(line: str) -> tuple[list[str], list[int]] | None:
    """A table row's cells and where each starts in the line, or None for a line of prose."""
    if line.count("|") >= 2:
        sep = "|"
    elif line.count("\t") >= 2:
        sep = "\t"
    elif len(_DASHED.findall(line)) >= 2 and not line.rstrip().endswith("."):
        parts, starts, at = [], [], 0
        for m in _DASHED.finditer(line):
            parts.append(line[at : m.start()])
            starts.append(at)
            at = m.end()
        parts.append(line[at:])
        starts.append(at)
        return [p.strip() for p in parts], [s + len(p) - len(p.lstrip())
                                            for p, s in zip(parts, starts, strict=True)]
    else:
        return None
    cells, starts, at = [], [], 0
    for piece in line.split(sep):
        cells.append(piece.strip())
        starts.append(at + len(piece) - len(piece.lstrip()))
        at += len(piece) + 1
    if cells and not cells[0]:
        cells, starts = cells[1:], starts[1:]
    if cells and not cells[-1]:
        cells, starts = cells[:-1], starts[:-1]
    if len(cells) < 2 or len(cells) > MAX_CELLS:
        return None
    return cells, starts


def _cell_lines(text: str) -> set[int]:
    """The 1-based numbers of the lines set as cells ("Category | Age | Fee")."""
    if "|" not in text and "\t" not in text and "–" not in text and " - " not in text:
        return set()
    return {n for n, line in enumerate(text.split("\n"), 1)
            if len(line) <= MAX_ROW_CHARS and _cells(line) is not None}


def rows(text: str) -> list[Row]:
    """The table rows and list entries of a page, each with its table's heading row."""
    out: list[Row] = []
    heading: tuple[str, ...] | None = None
    at = 0
    for line in text.split("\n"):
        start, at = at, at + len(line) + 1
        parsed = _cells(line) if len(line) <= MAX_ROW_CHARS else None
        if parsed is None:
            if line.strip():
                heading = None
            continue
        cells, starts = parsed
        if (len(cells) >= 3 and all(_HEADING_CELL.match(c) or _YEAR_CELL.match(c) for c in cells)
                and any(not _YEAR_CELL.match(c) for c in cells)):
            heading = tuple(cells)  # a heading row: words only
            continue
        if set("".join(cells)) <= set("-:= "):
            continue  # a Markdown table's rule
        out.append(Row(start, start + len(line), tuple(cells),
                       tuple(start + s for s in starts),
                       heading if heading is not None and len(heading) == len(cells) else None))
        if len(out) > MAX_ROWS:
            return []
    return out


def _entry_verb(entry: str) -> str:
    """What a timeline's entry says happened: its first word ("Awarded the Corwen Medal"), or
    after a name its first lower-case word ("The Ashdale Building opens …"); "" if neither."""
    words = entry.split()
    first = words[0].lower() if words else ""
    if first and first not in function_words():
        return first
    return next((w for w in words[1:] if w.isalpha() and w.islower()
                 and w not in function_words()), "")


def _entry_name(cell: str, labelled: bool = False) -> str | None:
    """The entry a cell names, or None: capitalised words (a trailing bracket dropped), a house
    number and street before a comma, or in a table with a heading row a label in sentence
    case."""
    name = cell.strip()
    number = _HOUSE_NUMBER.match(name)
    if number is not None:
        street = _entry_name(name[number.end() :].split(",")[0])
        if street is None or " " not in street:  # "17 May" is a date, not a house
            return None
        return name.split(",")[0].strip()
    if labelled and _LABEL.match(name) is not None:
        return name
    if name.endswith(")"):
        opening = name.rfind("(")
        if opening > 0 and len(name) - opening <= MAX_BRACKET + 2 \
                and ")" not in name[opening:-1]:
            name = name[:opening].rstrip()
    if not name or _NAME.match(name) is None:
        return None
    words = name.split()
    if not any(len(w) >= 3 and not w.isupper() for w in words):
        return None  # "JPN", "GB": a code, not a name
    if len(words) == 1 and _common(name):
        return None  # "None", "Good", "Closed": a table's word, not an entry's name
    return name


_NUMBER_HEADINGS = frozenset(("no", "no.", "#", "number", "num"))


def _numbered_entry(row: Row) -> str | None:
    """The entry a numbered row is, named by its table's heading: "2" under "No." beside
    "Resolution" is "Resolution 2"; a row's number alone names nothing."""
    heading, cells = row.heading, row.cells
    if heading is None or len(heading) < 2 or not cells[0].isdigit() or len(cells[0]) > 3:
        return None
    if heading[0].lower() not in _NUMBER_HEADINGS or not heading[1].isalpha():
        return None
    return f"{heading[1].capitalize()} {cells[0]}"


def _money(text: str) -> list[tuple[str, float]]:
    out = []
    for m in _MONEY.finditer(text):
        value = float(m.group(2).replace(",", ""))
        out.append((m.group(1), value * _SCALES.get((m.group(3) or "").lower(), 1.0)))
    return out


def _measures(text: str) -> list[tuple[str, float, int, int]]:
    """Each share, temperature and race time in ``text``: (unit, value, start, end)."""
    out = []
    for m in _MEASURE.finditer(text):
        if m.group(1) is not None:
            out.append(("%", float(m.group(1)), m.start(), m.end()))
        elif m.group(3) is not None:
            out.append((m.group(4).lstrip("°"), float(m.group(3)), m.start(), m.end()))
        else:
            seconds = int(m.group(5)) * 3600 + int(m.group(6)) * 60 + int(m.group(7))
            out.append(("h:m:s", float(seconds), m.start(), m.end()))
    return out


def _integer(cell: str) -> int | None:
    cell = cell.strip()
    return int(cell) if cell.isdigit() and len(cell) <= 5 else None


def _noun(word: str) -> str:
    word = word.lower()
    if word in _PLURAL_NOUNS:
        return _PLURAL_NOUNS[word]
    if word in _HEADING_NOUNS:
        return _HEADING_NOUNS[word]
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def row_facts(text: str) -> list[Told]:
    """Every fact the rows of a page state about a named entry."""
    told: list[Told] = []
    at = 0
    for line in text.split("\n"):
        start, at = at, at + len(line) + 1
        if len(line) > MAX_ROW_CHARS or not _DIGIT.search(line):
            continue
        m = _RESULT.search(line) if ("-" in line or "–" in line) else None
        if m is not None:
            a, b = m.group(1), m.group(4)
            told.append(Told("result", a, (float(m.group(2)), float(m.group(3))),
                             start + m.start(2), start + m.end(3), b))
            told.append(Told("result", b, (float(m.group(3)), float(m.group(2))),
                             start + m.start(2), start + m.end(3), a, as_written=False))
            continue
        m = _PLACED.match(line)
        if m is not None:
            name = _entry_name(m.group(2))
            if name is not None:
                told.append(Told("placing", name, (float(m.group(1)),), start + m.start(1),
                                 start + m.end(1)))
            continue
        m = _TIMELINE.match(line)
        if m is not None and line.count("|") < 2:
            verb = _entry_verb(line[m.start(2):])
            if verb:
                told.append(Told("year", line[m.start(2):].strip(), (float(m.group(1)),),
                                 start + m.start(1), start + m.end(1), verb))
    for row in rows(text):
        names = [(k, n) for k, c in enumerate(row.cells)
                 if (n := _entry_name(c, row.heading is not None and k == 0)) is not None]
        numbered = _numbered_entry(row)
        if numbered is not None:
            names = [(0, numbered)]  # "2 | Directors' remuneration report | …" under "No. |
            # Resolution | …" is resolution 2
        if len(names) != 1:
            continue  # no entry, or two: which one a figure belongs to is not known
        k, name = names[0]
        if row.heading is not None:
            for j, cell in enumerate(row.cells):
                value = _integer(cell)
                noun = _noun(row.heading[j].split()[-1]) if row.heading[j].split() else ""
                if value is not None and j != k and noun in _COUNTED:
                    told.append(Told("count", name, (float(value),), row.cell_starts[j],
                                     row.cell_starts[j] + len(cell), noun))
        amounts = _money(" ".join(row.cells))
        if 1 <= len(amounts) <= MAX_AMOUNTS and len({c for c, _ in amounts}) == 1:
            held = [j for j, c in enumerate(row.cells) if _MONEY.search(c)]
            told.append(Told("money", name, tuple(v for _, v in amounts),
                             row.cell_starts[held[0]],
                             row.cell_starts[held[-1]] + len(row.cells[held[-1]]),
                             amounts[0][0]))
        line = text[row.start : row.end]
        by_unit: dict[str, list[tuple[float, int, int]]] = {}
        for unit, figure, a, b in _measures(line):
            by_unit.setdefault(unit, []).append((figure, a, b))
        for unit, found in by_unit.items():
            if len(found) <= MAX_MEASURES:
                told.append(Told("measure", name, tuple(v for v, _, _ in found),
                                 row.start + found[0][1], row.start + found[-1][2], unit,
                                 years=frozenset(YEAR_IN_TEXT.findall(line))))
    return told


_NUMBERED_KEY = re.compile(r"\A[A-Z][a-z]++ \d{1,3}+\Z")
COMMON_ZIPF = 4.0  # a last word this common is a thing's ("Club", "Hall"), not a surname


def _common(word: str) -> bool:
    return available() and zipf(word.lower()) >= COMMON_ZIPF


class _Mentions:
    """Where a sentence names each entry: in full, or a person by the last word of the name
    where no other entry's name ends with it. One pattern for the page's entries, longest
    first."""

    def __init__(self, keys: Sequence[str]) -> None:
        last_words: dict[str, list[str]] = {}
        for key in keys:
            words = key.split()
            if (len(words) >= 2 and len(words[-1]) >= 3 and words[-1][0].isupper()
                    and not _common(words[-1])):
                last_words.setdefault(words[-1], []).append(key)
        self.owner = {key: key for key in keys}
        for key in keys:
            # "… from grants from trusts and foundations", "although resolution 2 was passed"
            if _LABEL.match(key) is not None or _NUMBERED_KEY.match(key) is not None:
                self.owner.setdefault(key[0].lower() + key[1:], key)
        for word, owners in last_words.items():
            if len(owners) == 1 and word not in self.owner:
                self.owner[word] = owners[0]
        names = sorted(self.owner, key=lambda n: (-len(n), n))
        self.pattern = (re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, names))
                                   + r")(?![\w'’-])") if names else None)

    def find(self, sentence: str) -> list[tuple[int, int, str]]:
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self.owner[m.group()])
                for m in self.pattern.finditer(sentence)]


def _owner(mentions: Sequence[tuple[int, int, str]], sentence: str, at: int) -> str | None:
    """The entry a figure at ``at`` is told of: the last one named before it, close enough."""
    before = [m for m in mentions if m[1] <= at]
    if not before:
        return None
    start, end, key = before[-1]
    if len(sentence[end:at].split()) > GAP_WORDS:
        return None
    if sentence.count("(", 0, start) > sentence.count(")", 0, start):
        return None  # "Callum Reid (Year 6, Badger) … finishing second": the entry in brackets
        # is whose the person is, and the figure is the person's
    if _NEW_CLAUSE.search(sentence, end, at) is not None:
        return None  # "… beating Railway Tavern 6-3, so the top two remain level on 16 points":
        # the figure is told of the new clause's own subject
    return key


# A person's name: two capitalised words ("Ingrid Solheim")
_PERSON = re.compile(r"[A-Z](?<![\w'’-][A-Z])[a-z]++[ \t]++[A-Z][a-z]++(?:-[A-Z][a-z]++)?+\b")


def _person_between(mentions: Sequence[tuple[int, int, str]], sentence: str, at: int) -> bool:
    """Does a person's name that is no entry stand between the last entry named before ``at``
    and the figure there? Then the figure is the person's."""
    before = [m for m in mentions if m[1] <= at]
    if not before:
        return False
    end = before[-1][1]
    return _PERSON.search(sentence, end, at) is not None


# A clause with a subject of its own between an entry's name and a figure: ", so the top two",
# "; the others", ", while the Rovers" (not a pronoun: ", and he added 8 rebounds" is still his).
_NEW_CLAUSE = re.compile(r"(?:,[ \t]++(?:so|while|whereas|but|and)|;)[ \t]++"
                         r"(?:the|both|all|each)\b", re.IGNORECASE)


def _value(word: str) -> float:
    return float(_NUMBER_WORDS[word.lower()]) if word.lower() in _NUMBER_WORDS else float(word)


@register
class RowAgainstText(Rule):
    code = "NU108"
    name = "row-disagrees-with-text"
    category = "number"
    summary = "A figure a table row or list entry gives one way and a sentence of the page another"
    what = """
Finds a fact a page states twice, once in a row of a table or a list and once in a sentence,
with two different figures: a count under a column's heading ("Idris Kawecki (G) | … | 30" under
"… | PTS", then "Kawecki led all scorers with 36 points"), an amount of money that is none of
the row's ("Ray and Jen Whitcombe - £250 - 15 May", then "Ray and Jen Whitcombe … made a
donation of £150"; "14 Fernbank Road, Kelton | … | £285,000 | £279,500", then "14 Fernbank Road
sold for £291,000"; a table's row label in sentence case, "Grants from trusts and foundations |
£356,750 | £301,200", then "grants from trusts and foundations, which rose to £386,750"), a
result ("Sophie Wragg 7-5 Dean Marrow", then "Wragg … took the deciding leg to win 7-6" in a
paragraph that names both), a placing ("4th Drumcarrow", then "Drumcarrow ran on strongly to
finish second"), a timeline's year ("1972 - Awarded the Corwen Medal …", then "she was awarded
the Corwen Medal … in 1979"), and a share, a temperature or a race time one digit away from one
of the row's, in a sentence that names that entry alone (a numbered row under "No. | Resolution
| …" is "resolution 2": "28.90%" in its row, then "18.90% of votes cast were against it"). The
row must be the only one that names the entry, the figure must follow the entry's name in the
sentence with no other entry named between them, and a figure of another period or sum is
another fact ("his 22 points a game this season", "£1,200 in all", "£4,250 over the asking
price", "an extra bed … for £25 a night"); a part of a match is not the match ("won the first
set 6-3"), and a win over someone else is another match."""
    why = """
Results pages, box scores, listings, donor lists and timelines carry each fact twice, in the
rows and in the sentences written around them, and the two are typed and corrected apart. When
they disagree one is wrong, and readers of a results page check the row against the report."""
    bad_examples = (
        "Player | MIN | PTS\nMarcus Odell | 34 | 25\nIdris Kawecki | 37 | 30\n\n"
        "Marcus Odell led the home side with 25 points, while Idris Kawecki led all scorers "
        "with 36 points.",
        "Donations so far:\nRay and Jen Whitcombe - £250 - 15 May\nKelton Rotary Club - £500 - "
        "18 May\n\nA huge thank you to Ray and Jen Whitcombe, who made a donation of £150.",
        "Final\nSophie Wragg 7-5 Dean Marrow\n\nIn the final Marrow led 3-2 after five legs. "
        "Wragg broke back and took the deciding leg to win 7-6.",
        "Result\n1st Harbour Lad 5/2\n4th Drumcarrow 3/1 fav\n\nThe favourite Drumcarrow ran on "
        "strongly to finish second.",
        "Timeline\n1972 - Awarded the Corwen Medal of the Northern Society of Chemists\n\n"
        "For this work she was awarded the Corwen Medal of the Northern Society of Chemists in "
        "1979.",
    )
    good_examples = (
        "Player | MIN | PTS\nMarcus Odell | 34 | 25\nIdris Kawecki | 37 | 30\n\n"
        "Idris Kawecki led all scorers with 30 points and has averaged 22 points a game this "
        "season.",
        "Ray and Jen Whitcombe - £250 - 15 May\nKelton Rotary Club - £500 - 18 May\n\n"
        "Ray and Jen Whitcombe have now given £400 in all.",
        "Sophie Wragg 7-5 Dean Marrow\n\nWragg won the first set 3-1 and went on to win 7-5.",
        "4th Drumcarrow 3/1 fav\n\nDrumcarrow, second last year, could only finish fourth.",
        "1972 - Awarded the Corwen Medal of the Northern Society of Chemists\n\n"
        "She was nominated for the Corwen Medal in 1969 and awarded it in 1972.",
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        if not _DIGIT.search(text):
            return
        facts = row_facts(text)
        if not facts:
            return
        by_key: dict[str, list[Told]] = {}
        for fact in facts:
            by_key.setdefault(fact.key, []).append(fact)
        # every line set as cells (a heading row and the rows of a table whose figures tell no
        # fact too): a sentence that holds one is part of a table, not about it
        row_lines = {doc.line_col(f.start)[0] for f in facts} | _cell_lines(text)
        finder = _Mentions([key for key, told in by_key.items()
                            if any(f.kind != "year" for f in told)])
        events = [f for f in facts if f.kind == "year"]
        paragraphs = doc.sentence_paragraphs()
        seen_in_paragraph: dict[int, set[str]] = {}
        for k, span in enumerate(doc.sentences):
            first = doc.line_col(span.start)[0]
            last = doc.line_col(max(span.start, span.end - 1))[0]
            if any(n in row_lines for n in range(first, last + 1)):
                continue  # a row, not a sentence about one
            sentence = text[span.start : span.end]
            mentions = finder.find(sentence)
            named = seen_in_paragraph.setdefault(paragraphs[k], set())
            named.update(key for _, _, key in mentions)
            found = list(_stated(sentence, mentions, by_key, named)) if mentions else []
            if events:
                found += _retold(sentence, events)
            for told, at, end, said in found:
                yield self._report(span.start, told, at, end, said)

    def _report(self, base: int, told: Told, at: int, end: int, said: str) -> Finding:
        return self.finding(
            base + at, base + end, message(told, said),
            related=(Related(told.start, told.end, f"the row for {told.key}"),))


def message(told: Told, said: str) -> str:
    """What the finding says: the sentence's figure, then the row's."""
    v = told.value
    if told.kind == "count":
        unit = told.detail if told.detail in _SCORE_NAMES else told.detail + "s"
        row = f"the row for {told.key} gives {v[0]:g} ({unit})"
    elif told.kind == "money":
        sums = [f"{told.detail}{x:,.2f}".removesuffix(".00") for x in v]
        row = f"the row for {told.key} gives " + (sums[0] if len(sums) == 1
                                            else ", ".join(sums[:-1]) + " and " + sums[-1])
    elif told.kind == "measure":
        shown = [_shown(x, told.detail) for x in v]
        row = f"the row for {told.key} gives " + (shown[0] if len(shown) == 1
                                             else ", ".join(shown[:-1]) + " and " + shown[-1])
    elif told.kind == "result":
        row = f"the row gives {told.key} {v[0]:g}-{v[1]:g} {told.detail}"
    elif told.kind == "placing":
        row = f"the row places {told.key} {_ordinal(int(v[0]))}"
    else:
        entry = told.key if len(told.key) <= 60 else told.key[:57].rstrip() + "..."
        row = f"the timeline gives {v[0]:g} for '{entry}'"
    return f"{said} here, but {row}"


def _one_slip(a: float, b: float, unit: str) -> bool:
    """Are two figures written with one digit changed ("18.90" / "28.90")?"""
    x, y = _shown(a, unit), _shown(b, unit)
    return len(x) == len(y) and sum(p != q for p, q in zip(x, y, strict=True)) == 1


def _shown(value: float, unit: str) -> str:
    if unit == "h:m:s":
        whole = int(value)
        return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
    return f"{value:g}{unit}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _one(facts: Sequence[Told], kind: str, detail: str | None = None) -> Told | None:
    chosen = [f for f in facts if f.kind == kind and (detail is None or f.detail == detail)]
    return chosen[0] if len(chosen) == 1 else None


def _stated(sentence: str, mentions: list[tuple[int, int, str]],
            by_key: dict[str, list[Told]], named: set[str]
            ) -> Iterator[tuple[Told, int, int, str]]:
    """Each figure of the sentence that disagrees with what its entry's row says: the row's
    fact, where the figure is in the sentence, and how the sentence gives it."""
    for m in _COUNT.finditer(sentence):
        key = _owner(mentions, sentence, m.start())
        if key is None or _other_fact(sentence, m.start(), m.end(), mentions, COUNT_REACH):
            continue
        if _person_between(mentions, sentence, m.start()):
            continue  # "Harbourside Falcons: Ingrid Solheim 24 (19 attack, 3 block, 2 ace)": the
            # player's blocks, not the team's row
        told = _one(by_key[key], "count", _noun(m.group(2)))
        if told is not None and _value(m.group(1)) != told.value[0]:
            yield told, m.start(), m.end(), m.group(0)
    for m in _NAMED_SCORE.finditer(sentence):
        key = _owner(mentions, sentence, m.start())
        if key is None or _other_fact(sentence, m.start(), m.end(), mentions, COUNT_REACH):
            continue
        told = _one(by_key[key], "count", _HEADING_NOUNS[m.group(1).lower()])
        if told is not None and float(m.group(2)) != told.value[0]:
            yield told, m.start(), m.end(), m.group(0)
    for m in _MONEY.finditer(sentence):
        key = _owner(mentions, sentence, m.start())
        told = _one(by_key[key], "money") if key is not None else None
        if (told is not None and told.detail == m.group(1)
                and not _other_fact(sentence, m.start(), m.end(), mentions)
                and _money(m.group(0))[0][1] not in told.value):
            yield told, m.start(), m.end(), m.group(0)
    # a share, a temperature or a race time: only in a sentence that names one entry, and only
    # one slip away from a figure of its row ("18.90%" for "28.90%", "1:43:19" for "1:41:19"):
    # a figure further off is another measure ("leads at 3.98%" beside a two-year rate)
    one_entry = len({key for _, _, key in mentions}) == 1
    sentence_years = frozenset(YEAR_IN_TEXT.findall(sentence))
    for unit, value, start, end in _measures(sentence) if one_entry else ():
        key = _owner(mentions, sentence, start)
        told = _one(by_key[key], "measure", unit) if key is not None else None
        if (told is not None and value not in told.value and sentence_years <= told.years
                and any(_one_slip(value, x, unit) for x in told.value)
                and not _other_fact(sentence, start, end, mentions)):
            yield told, start, end, sentence[start:end]
    in_sentence = {key for _, _, key in mentions}
    won = [(m, m.start(), m.start(1)) for m in _WON.finditer(sentence)] + [
        (m, m.start(), m.start()) for m in _SCORED_WIN.finditer(sentence)]
    for m, verb, score in won:
        if (_PART_OF_MATCH.search(sentence, verb, score) is not None
                or _INTERIM.search(sentence, verb, score) is not None):
            continue
        told = _result(by_key, named, (float(m.group(1)), float(m.group(2))))
        if told is None or not in_sentence & {told.key, told.detail}:
            continue  # the sentence must name a side: "At Harnley, Amberley Town came from
            # behind to win 2-1" tells another match of the paragraph's round-up
        others = {key for key in in_sentence - {told.key, told.detail}
                  if any(f.kind == "result" for f in by_key.get(key, ()))}
        sides = set(told.key.split()) | set(told.detail.split())
        if not others and not _names_another_side(sentence[verb:score], sides):
            yield told, m.start(1), m.end(2), f"{m.group(1)}-{m.group(2)}"
    if mentions and not _DIGIT.search(sentence):
        yield from _unscored_wins(sentence, mentions, by_key)
    for m in _FINISHED.finditer(sentence):
        key = _owner(mentions, sentence, m.start())
        told = _one(by_key[key], "placing") if key is not None else None
        word = m.group(1).lower()
        place = _ORDINALS.get(word) or (int(m.group(2)) if m.group(2) else 0)
        if told is not None and place and place != told.value[0]:
            yield told, m.start(1), m.end(1), m.group(1)


def _unscored_wins(sentence: str, mentions: Sequence[tuple[int, int, str]],
                   by_key: dict[str, list[Told]]) -> Iterator[tuple[Told, int, int, str]]:
    """A win told without a score ("Haldane beat Okonkwo with the white pieces", "Okonkwo lost
    to Haldane") between the two sides of one result row that the other side won or drew
    ("Board 1 | Haldane 0-1 Okonkwo"). The name must stand right before the verb and right
    after it."""
    for m in _BEAT.finditer(sentence):
        before = next((x for x in mentions if x[1] == m.start()), None)
        after = next((x for x in mentions if x[0] == m.end()), None)
        if before is None or after is None or before[2] == after[2]:
            continue
        winner, loser = (before, after) if m.group(1) else (after, before)
        rows = [f for f in by_key.get(winner[2], ()) if f.kind == "result"
                and f.detail == loser[2]]
        if len({f.start for f in rows}) != 1:
            continue
        told = rows[0]
        if told.value[0] <= told.value[1]:
            shown = told if told.as_written else next(
                (f for f in by_key.get(loser[2], ()) if f.kind == "result"
                 and f.start == told.start), told)
            yield shown, before[0], after[1], sentence[before[0]:after[1]]


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]++")


def _names_another_side(window: str, sides: set[str]) -> bool:
    """A name between a win's verb and its score that is neither side of the row's result:
    "Moray, who beat Petra Lindqvist 6-2 in the last 16" tells another match."""
    return any(w not in sides for w in _CAPITALISED.findall(window))


AFTER_WORDS = 2  # an amount's own words after it: "£1,200 in all", "£25 a night"


def _after_figure(sentence: str, end: int) -> int:
    """Where an amount's own words end: up to ``AFTER_WORDS`` words after it in its clause."""
    tail = sentence[end : end + 40]
    cut = min((i for i in (tail.find(c) for c in ",;:.!?()") if i >= 0), default=len(tail))
    words = tail[:cut].split()[:AFTER_WORDS]
    if not words:
        return end
    return end + tail.find(words[-1], tail.find(words[0])) + len(words[-1])


def _other_fact(sentence: str, start: int, end: int,
                mentions: Sequence[tuple[int, int, str]], reach: int = 0) -> bool:
    """A figure of another period or sum: words that say so from the entry's name to a few
    words after the figure."""
    before = [(a, b) for a, b, _ in mentions if b <= start]
    # the clause after the figure: a count's few words ("in the final quarter"), or an
    # amount's next two words ("£1,200 in all", "£4,250 over the asking price")
    stop = min(len(sentence), end + reach) if reach else _after_figure(sentence, end)
    if not before:
        return _OTHER_PERIOD.search(sentence, 0, stop) is not None
    # the words before the name, from the start of its clause: "An extra bed … can be added to a
    # Harbour Double for £25 a night" prices an extra, not the room
    opening = max(sentence.rfind(mark, 0, before[-1][0]) for mark in ",;:")
    return (_ANOTHER_THING.search(sentence, opening + 1, before[-1][0]) is not None
            or _OTHER_PERIOD.search(sentence, before[-1][1], stop) is not None)


def _result(by_key: dict[str, list[Told]], named: set[str],
            score: tuple[float, float]) -> Told | None:
    """The one result row between two sides the paragraph names, when the score the sentence
    gives is not it (either way round)."""
    rows = [f for key in named for f in by_key.get(key, ()) if f.kind == "result"
            and f.detail in named]
    starts = {f.start for f in rows}
    if len(starts) != 1:
        return None
    told = next(f for f in rows if f.as_written) if any(f.as_written for f in rows) else rows[0]
    if sorted(score) == sorted(told.value):
        return None
    return told


def _retold(sentence: str, events: Sequence[Told]) -> list[tuple[Told, int, int, str]]:
    """A timeline's entry told again in a sentence with one year, another: the entry's verb
    and a name of two capitalised words or more from it are both in the sentence."""
    years = list(YEAR_IN_TEXT.finditer(sentence))
    if len(years) != 1:
        return []
    year = years[0]
    words = set(sentence.lower().split())
    told_again = [told for told in events if told.detail in words
                  and any(n in sentence for n in _CAPITALISED_RUN.findall(told.key))]
    if not told_again or any(float(year.group()) == told.value[0] for told in told_again):
        return []  # the entry of that year: "appointed director … in 1975" beside "appointed chair"
    # the entry the sentence tells: the one most of whose words it holds, if one does
    shared = [len(words & _entry_words(told.key)) for told in told_again]
    best = max(shared)
    if shared.count(best) != 1:
        return []
    told = told_again[shared.index(best)]
    return [(told, year.start(), year.end(), year.group())]


def _entry_words(entry: str) -> set[str]:
    return {w for w in entry.lower().split() if len(w) >= 3 and w not in function_words()}
