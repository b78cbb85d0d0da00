"""Headings that open one entry of a list-like page: a live blog's time stamp, a commentary's
minute or lap marker, a timeline's date. Two entries under different headings are two events, so
the rules that compare statements (CT102's number flips, NU101's counts, the pair filter in front
of CT101's model) and the one that judges capitals (GB102) read them here, from one place.

The patterns are matched at a position (``match`` / ``fullmatch`` after
:func:`first_word_char`), never searched from every offset: a leading ``[\\W_]*`` in them would
make a search quadratic on long runs of punctuation or spaces (the regex audit checks this).
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from checker.nli.offtopic import headline_like

# What may stand before a live entry's time: "Posted at", "Updated", "At" ("At 9:05 pm, …").
_POSTED = r"(?:(?:post(?:ed)?|postpublished|published|updated?)(?:\s+|:\s*))?(?:at\s+)?"
# A live blog's entry header: "Posted at 07:32", "Updated 14:05 GMT", "07:32 GMT ...".
_TIMESTAMP = re.compile(rf"^\W*{_POSTED}\d{{1,2}}[:.]\d{{2}}\b", re.IGNORECASE)

# The marker that opens an entry of live commentary, a lap chart or a ball-by-ball page: "87 min",
# "90+2 min", "45'", "On 7th lap", "Lap 12", "Over 14", "14:05 GMT", "9/28/2022 3:43 pm". The
# entry's own sentence starts after it with a capital ("87 min The game is petering out.").
_LIVE_MARKER = re.compile(
    r"(?:"
    r"\d{1,3}(?:\+\d{1,2})?\s*(?:min|mins|minutes?|['’])"
    r"|(?:on\s+)?(?:the\s+)?(?:lap|over|round|hole|set|game|stage|minute)\s+\d{1,3}"
    r"|(?:on\s+)?(?:the\s+)?\d{1,3}(?:st|nd|rd|th)\s+(?:lap|over|round|hole|set|minute|stage)"
    r"|(?:\d{1,2}/\d{1,2}/\d{2,4}\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|gmt|bst|cet|et|pt|utc)?"
    r")[\s:.,–—-]*",
    re.IGNORECASE,
)

# Calendar words, lower-cased, for the rules that tell a date or a day from a name or a word.
MONTHS = frozenset(m.lower() for m in calendar.month_name[1:])
WEEKDAYS = frozenset(d.lower() for d in calendar.day_name)
# A month's name as a text writes it, capitalised: in full, and cut short ("Jan", "Sept").
MONTH_NAMES = tuple(calendar.month_name[1:])
MONTH_SHORT = (*(m[:3] for m in MONTH_NAMES), "Sept")

_MONTH_NAMES = "|".join(m[:3] for m in calendar.month_name[1:])
# A day of a month, with an optional year: "August 29", "3rd March", "March 3, 2004".
_DAY_OF_MONTH = (rf"(?:(?:{_MONTH_NAMES})[a-z]*\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?"
                 rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{_MONTH_NAMES})[a-z]*)(?:,?[ \t]+\d{{4}})?")
# A timeline or diary entry's heading: "August 29: …", "3 March - …", "2004: …", "14:05 - …",
# and a diary's day with its date, in capitals or not: "TUESDAY 16 JULY—Opposition Day …",
# "Monday, March 3: …".
_WEEKDAY_PREFIX = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]++)"
_TIMELINE_HEADING = re.compile(
    rf"((?i:{_WEEKDAY_PREFIX}{_DAY_OF_MONTH})|{_DAY_OF_MONTH}|\d{{4}}|\d{{1,2}}[:.]\d{{2}})"
    r"[ \t]*[:–—-]",
)
HEADING_CHARS = 40  # how far into a sentence a timeline heading may reach
# A month by its name or its abbreviation ("January", "Jan.", "Sept"), not "Mark" or "Junior".
_MONTH = "|".join([*calendar.month_name[1:], "Sept", *calendar.month_abbr[1:]])
_DAY_NAMED = re.compile(
    rf"\b(?:({_MONTH})\.?[ \t]+(\d{{1,2}})(?:st|nd|rd|th)?\b(?![,.]?\d)"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?({_MONTH})\b)")


def first_day_named(sentence: str) -> str | None:
    """The first day of a month a sentence names, as "jan 18" ("from 8pm January 18 to 6am
    January 21", "on the 3rd of March"), or None."""
    m = _DAY_NAMED.search(sentence)
    if m is None:
        return None
    month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    return f"{month[:3].lower()} {int(day)}"


BULLETS = "•*-·–"  # what opens an item of a list
def listing_entry(sentence: str) -> bool:
    """Is the sentence an entry of a list rather than a sentence of prose: a bulleted item ("•
    A580, from 9pm June 12 …") or a line that does not end as a sentence does ("Term Begins
    Monday 4th November", "Uncalled Congressional Races as of November 10")?"""
    text = sentence.strip()
    return bool(text) and (text[0] in BULLETS or headline_like(text))


# A numeric date: "23.01.2018", "30/09/2016", "19/03/18".
_NUMERIC_DATE = r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
# A list entry's day given another way: a numeric date ("(19/03/18)") or the weekday it opens
# with ("Monday (19/03/18) 6.00 p.m. to 8.00 p.m……Holy Cross Chapel").
_ENTRY_NUMERIC_DATE = re.compile(r"(?<![\d/.-])" + _NUMERIC_DATE + r"(?![\d/.-])")
_ENTRY_WEEKDAY = re.compile(r"\W{0,3}([A-Za-z]{6,9})\b")


def entry_day(entry: str) -> str | None:
    """The day a list entry names: a month's day (``first_day_named``), a numeric date, or the
    weekday it opens with."""
    day = first_day_named(entry)
    if day is not None:
        return day
    numeric = _ENTRY_NUMERIC_DATE.search(entry)
    if numeric is not None:
        return numeric.group()
    return opening_weekday(entry)


def opening_weekday(text: str) -> str | None:
    """The weekday a text opens with, lower-cased ("Monday (19/03/18) …", " Thursday hourly"),
    or None."""
    opening = _ENTRY_WEEKDAY.match(text)
    if opening is not None and opening.group(1).lower() in WEEKDAYS:
        return opening.group(1).lower()
    return None


def two_dated_entries(a: str, b: str) -> bool:
    """Two entries of a list (``listing_entry``) that each name a day, and not the same day:
    two entries of a dated list, such as term dates, road works, a parish's week of services
    ("Monday (19/03/18) 6.00 p.m. …" / "Tuesday (20/03/18) 6.00 p.m. …") or a results page's
    days."""
    if not (listing_entry(a) and listing_entry(b)):
        return False
    da, db = entry_day(a), entry_day(b)
    return da is not None and db is not None and da != db


# A line that is only a date, a timeline's heading on a line of its own: "January 2nd",
# "3 March 2004", "Monday 3 May", "1998".
_DATE_LINE = re.compile(
    rf"\W{{0,3}}(?:[A-Z][a-z]{{2,8}},?[ \t]+)?{_DAY_OF_MONTH}\W{{0,3}}|\W{{0,3}}\d{{4}}\W{{0,3}}",
)
TIMELINE_ENTRIES = 3  # dated entries that make a page a timeline
# A ball-by-ball or lap-by-lap page's progress line between entries: "England 182/7 after 84
# overs", "Hamilton leads after 12 laps"; or a lap's, a stage's, a round's or a hole's heading on
# a line of its own: "Lap 58", "LAP 12/50", "Stage 3", "Round 2".
_PROGRESS_LINE = re.compile(
    r"[^\n]{0,30}\bafter[ \t]+\d{1,3}(?:\.\d)?[ \t]+(?:overs|laps|rounds|holes)\W{0,3}"
    r"|\W{0,3}(?:lap|stage|round|hole)[ \t]+\d{1,3}(?:[ \t]*(?:/|of)[ \t]*\d{1,3})?\W{0,3}",
    re.IGNORECASE,
)
# A live page's time: "16:47", "Posted at 07:32", "14:05 GMT", "4.47pm" (with a dot only when
# a clock word follows: "16.70" alone is a price).
_ZONE = r"(?:gmt|bst|cet|cest|[ecmp][sd]?t|utc|ist|aest|aedt)"
_TIME = (r"(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*" + _ZONE + r")?"
         r"|\d{1,2}\.\d{2}\s*(?:[ap]\.?m\.?|" + _ZONE + r")(?:\s*" + _ZONE + r")?"
         r"|(?:[01]?\d|2[0-3])\.[0-5]\d(?=:\s|[-–—][ \t]))")  # "16.45: The FTSE …", "16.45- The
# NZX-50 …": a live entry's label
_CLOCK = r"\W{0,3}" + _POSTED + _TIME
_CLOCK_OPENING = re.compile(_CLOCK + r"\b", re.IGNORECASE)
# A live commentary's minute opening an entry: "23' GOAL! …", "90+2' …", "67 min Havertz is
# booked" ("67 minutes later" is prose).
_MINUTE_OPENING = re.compile(r"\W{0,3}\d{1,3}(?:\+\d{1,2})?(?:['’]|[ \t]*mins?\b)")
# A ball of a cricket commentary opening its entry: "49.3 Marsh to Lindqvist, no run.", "88.1
# Fenwick to Darrow, FOUR!" (the over, the ball, the bowler to the batter), or the over and the
# ball alone: "8.6 overs (1 Run) Full delivery on middle, …", "12.3 ov: …".
_BALL_OPENING = re.compile(r"\W{0,3}\d{1,3}\.[1-9][ \t]+(?:[A-Z][\w'’.-]*+"
                           r"(?:[ \t]+[A-Z][\w'’.-]*+){0,2}[ \t]+to[ \t]+[A-Z]"
                           r"|(?:overs?|ov)\b(?![ \t]+(?:of|to|in|and|left|remaining)\b))")


def ball_opening(sentence: str) -> bool:
    """Does the sentence open a ball of a cricket commentary ("49.3 Marsh to Lindqvist, …",
    "8.6 overs (1 Run) …")?"""
    return _BALL_OPENING.match(sentence) is not None


# A live entry's date and time, with whatever the page runs into them: "- June 16, 2023
# 22:54Aus 13/0 in 3 overs", "3 March 2024 14:05 GMT".
_DATED_CLOCK_OPENING = re.compile(r"\W{0,3}" + _DAY_OF_MONTH + r",?[ \t]+(?:at[ \t]+)?" + _TIME,
                                  re.IGNORECASE)
# A match's unit headings opening an entry, with a colon: "SET NINE - LEG TWO: Rob Cross opens up
# …", "Frame 12: …", "Round three:" ("Round two begins at noon." is prose).
_UNIT_NUMBER = (r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)")
_UNIT_OPENING = re.compile(
    r"\W{0,3}(?:(?:set|leg|frame|round|game|end|over|innings|quarter|period|hole|heat)[ \t]++"
    + _UNIT_NUMBER + r"\b[ \t]*+[-–—,]?[ \t]*+){1,3}:", re.IGNORECASE)
# A numbered place's entry, its details in brackets before a colon: a golf card's hole, "7th
# (par 3, 148 yards): Par. An eight-iron to 20 feet …"
_ORDINAL_OPENING = re.compile(r"\W{0,3}\d{1,2}(?:st|nd|rd|th)[ \t]*+\([^()\n]{1,40}+\)[ \t]*+:")
# A cycling or running race's distance to go opening an entry: "155km to go: The break's gap is
# 2-46.", "10 miles to go -", "3km remaining:".
_DISTANCE_OPENING = re.compile(
    r"\W{0,3}\d{1,3}(?:\.\d)?+[ \t]*+(?:km|kms|kilomet(?:re|er)s?|mi|miles?)[ \t]++"
    r"(?:to[ \t]++go|remaining|left)\b", re.IGNORECASE)
# A line that is only such a time or a numeric date: "16:47", "Today 23.01.2018", "30/09/2016".
_STAMP_LINE = re.compile(
    _CLOCK + r"(?:\s*/\s*" + _TIME + r")?\W{0,3}"  # "UPDATE: 1:24 a.m. EST/10:24 p.m. PST"
    r"|\W{0,3}(?:(?:today|yesterday|[a-z]{3,9}day),?\s+)?" + _NUMERIC_DATE + r"\W{0,3}",
    re.IGNORECASE,
)


def first_word_char(text: str, start: int, end: int) -> int:
    """Past the bullets, quotes and spaces that open a sentence."""
    while start < end and not text[start].isalnum():
        start += 1
    return start


# A live entry's signature line, a name and the time it was posted and nothing else: "• Shara
# Tibken 9/7/2016 4:57:09 PM", "Posted by Jo Hart 14:05".
_SIGNED_STAMP = re.compile(
    r"\W{0,3}(?:(?i:posted|updated|by)[ \t]+)*(?:[A-Z](?<![\w.'’-][A-Z])[\w.'’-]*+[ \t]+){1,4}"
    r"(?:" + _NUMERIC_DATE + r",?[ \t]+)?(?:at[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t]*(?i:[ap]\.?m\.?))?(?:[ \t]+(?i:" + _ZONE + r"))?\W{0,3}")


def signed_stamp(sentence: str) -> bool:
    """Is the sentence only a live entry's signature and time ("• Shara Tibken 9/7/2016
    4:57:09 PM")? Two of them are two entries, posted at two times."""
    return _SIGNED_STAMP.fullmatch(sentence.strip()) is not None


def time_stamped(sentence: str) -> bool:
    """Does the sentence open with a live blog's time stamp ("Posted at 07:32 …")?"""
    return _TIMESTAMP.match(sentence) is not None


def after_live_marker(text: str, start: int, word: int) -> bool:
    """Is everything from the sentence's ``start`` up to ``word`` a live entry's marker
    ("87 min", "On 7th lap")? Then the word at ``word`` opens the entry's own sentence."""
    return _LIVE_MARKER.fullmatch(text, first_word_char(text, start, word), word) is not None


def timeline_heading(text: str, start: int, end: int) -> str | None:
    """The date or time heading a timeline entry that starts at ``start`` ("August 29"), or
    None."""
    end = min(end, start + HEADING_CHARS)
    m = _TIMELINE_HEADING.match(text, first_word_char(text, start, end), end)
    return m.group(1) if m else None


# A schedule's entry: a clock, after a weekday where the listing gives one, then the item's
# title ("SAT 05:45 Bodies (m000rcbz)", "Mon 9.30pm The Late Show", "19:00 Evening News").
# (or a slot of hours: "10pm to 1am: Late Night Brannock with Alice Penrose", "11:00–13:30 |
# Lane swimming", a timetable's row)
_HOUR = r"(?:\d{1,2}(?:[:.]\d{2})?[ \t]?[ap]\.?m\.?|(?:12[ \t]++)?(?:noon|midday|midnight))"
_SCHEDULE_ENTRY = re.compile(
    r"\W{0,3}(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?[ \t]+)?(?:" + _TIME
    + r"(?:[–-]\d{1,2}:\d{2})?|" + _HOUR + r"[ \t]*(?:to|-|–)[ \t]*" + _HOUR
    + r":?)(?:[ \t]*\|)?[ \t]+[A-Z0-9(]", re.IGNORECASE)


SCHEDULE_TITLE_WORDS = 15


def schedule_entries(lines: Sequence[str]) -> int:
    """How many lines open a schedule's entry, a clock and then a title that is no sentence
    ("SAT 05:45 Bodies (m000rcbz)"): a programme listing or a running order has three or
    more, and each entry's lines are about its own item."""
    return sum(1 for line in lines
               if _SCHEDULE_ENTRY.match(line) is not None
               and not line.rstrip().endswith((".", "!", "?", ":"))
               and len(line.split()) <= SCHEDULE_TITLE_WORDS)


def dated_entries(lines: list[str]) -> int:
    """How many of ``lines`` head a timeline entry: a date on a line of its own ("January 2nd")
    or a date heading before the entry's text ("August 29: …")."""
    return sum(1 for line in lines
               if _DATE_LINE.fullmatch(line.strip()) or timeline_heading(line, 0, len(line)))


# A speaker's or source's label opening an entry of a transcript, a Q&A or a list of picks:
# "JOHN SMITH:", "Q:", "- Jamie Graham, Total Film:", or of a listing after a dash ("Franklin
# County Schools – Closed …"), or of a family notice, two surnames joined by a dash
# ("PRESCOTT–HALE – The marriage took place …"). Every word is a capitalised word or a number
# (a few connectors allowed), so "The minister said:" is not one.
_LABEL = re.compile(
    r"(?<![\w.'’&()–-])([A-Z][\w.'’&()–-]{0,40}(?:,?[ \t]+[\w.'’&()-]{1,40}){0,6}?)"
    # "Arsenal 2 – 1 Chelsea" is a score, but "Kids and Legos — 10:15 a.m. every Saturday" an
    # entry's label before its time
    r"(?:[ \t]*:[ \t]|[ \t]+[–—][ \t]+(?!\d(?!\d?+[:.]\d\d)))")
_LABEL_CONNECTORS = frozenset({"of", "the", "and", "&", "de", "del", "van", "von", "der", "al",
                               "for"})
# Headings that open a paragraph without naming who speaks: not a speaker.
_NOT_SPEAKERS = frozenset({
    "update", "updated", "note", "correction", "clarification", "breaking", "watch", "read",
    "listen", "video", "photo", "photos", "more", "related", "see also", "editor's note",
    "warning", "live", "latest", "analysis", "background", "context", "source", "sources",
    "summary", "key points", "what we know", "why it matters", "bottom line", "verdict",
})
LABEL_CHARS = 60
HEADING_WORDS = 6  # a heading over a labelled entry is a few words


# The field labels of a listing's entries: "When: August 19, 11 a.m.-7 p.m.", "Cost: Free".
FIELD_LABELS = frozenset({
    "when", "where", "time", "times", "date", "dates", "cost", "costs", "price", "prices",
    "tickets", "admission", "entry", "venue", "location", "address", "hours", "opening hours",
    "details", "info", "information", "contact", "phone", "website", "age", "ages", "duration",
    # a forecast's, under each place or summit
    "wind", "winds", "cloud", "visibility", "temperature", "temperatures", "weather", "rain",
    "snow", "outlook", "freezing level", "ground conditions", "sea state", "uv", "pollen",
})
FIELD_ENTRIES = 3  # lines opening with one field label that make a page a listing
# A field's label in sentence case, of up to three words, before a colon: "Closing date: …",
# "Decided by: …", "Old system: …" (with ``match``).
SENTENCE_CASE_LABEL = re.compile(r"[A-Z][a-z]++(?:[ \t][a-z]++){0,2}+:[ \t]")


_LEAD_MARKS = re.compile(r"[^\w\n]{0,3}+")


# A field's label in sentence case of two to five words: "Parish council response:", "What it
# means for you:" (one word is a capitalised label, ``written_label``'s).
_CASE_LABEL = re.compile(r"[A-Z][a-z]++(?:[ \t][a-z]++){1,4}+:[ \t]")


def case_label(sentence: str) -> str | None:
    """The sentence-case label of two to five words (``_CASE_LABEL``) that opens the sentence
    after a mark or two ("Parish council response: Objection.", "What it means for you: No
    trains …"), lower-cased, or None."""
    lead = _LEAD_MARKS.match(sentence)
    m = _CASE_LABEL.match(sentence, lead.end() if lead else 0)
    return None if m is None else " ".join(m.group()[:-2].lower().split())


def listing_fields(labels: Sequence[str | None]) -> frozenset[str]:
    """The field labels (``FIELD_LABELS``, or two of them joined: "Tickets & Info") that open
    three lines or more: a listing's, each line in an entry of its own ("When: August 19, 11
    a.m.-7 p.m." … "When: August 19, 10 a.m.-6 p.m.": two events)."""
    counts = Counter(label for label in labels if label is not None and _field_label(label))
    return frozenset(label for label, n in counts.items() if n >= FIELD_ENTRIES)


RECORD_FIELDS = 3  # labels, each opening FIELD_ENTRIES lines or more, that make a list of records


def record_fields(sentences: Sequence[str],
                  written: Sequence[str | None] | None = None) -> frozenset[str]:
    """The labels of a list of records, each record a run of labelled lines ("Location : The M56
    eastbound exit slip …", "Reason : Roadworks are planned.", "Schedule : Expect disruption
    everyday between 21:00 and 05:00 from 29 April 2018 …", then the next record's): three or
    more labels that each open three lines or more. One label's lines are in different records,
    about different things. Labels typed in capitals ("THE REGISTRAR:", "MR SMITH:") are a
    transcript's speakers, not fields, and are left out. Labels in sentence case count too
    ("Proposal: …", "Parish council response: Objection.", "District council decision:
    Refused …" under each application of a planning list; ``case_label``). Returned
    lower-cased, as ``speaker_label`` and ``case_label`` give them. ``written``: each
    sentence's label as written (``written_label``), when already read."""
    if written is None:
        written = [written_label(s) for s in sentences]
    counts = Counter(label for label in _record_labels(sentences, written) if label is not None)
    fields = [label for label, n in counts.items() if n >= FIELD_ENTRIES]
    return frozenset(fields) if len(fields) >= RECORD_FIELDS else frozenset()


def field_lines(sentences: Sequence[str], written: Sequence[str | None] | None = None,
                listings: bool = False) -> list[str | None]:
    """Each sentence's label, lower-cased, when it is a field of a list of records
    (``record_fields``: "Wind:", "Cloud:" under each summit of a mountain forecast; "What it
    means for you:" under each weekend of an engineering works calendar), or with ``listings``
    also of a listing's entries (``listing_fields``: "When:" under each event); else None. The
    label is the one ``written_label`` reads, or else one in sentence case (``case_label``)."""
    if written is None:
        written = [written_label(s) for s in sentences]
    labels = [None if w is None else normal_label(w) for w in written]
    fields = record_fields(sentences, written)
    if listings:
        fields |= listing_fields(labels)
    own = [x if x is not None else case_label(s) for s, x in zip(sentences, labels, strict=True)]
    return [x if x in fields else None for x in own]


def _record_labels(sentences: Sequence[str],
                  written: Sequence[str | None]) -> list[str | None]:
    """Each sentence's field label as ``record_fields`` counts it: the label ``written_label``
    read, unless typed in capitals, or else a label in sentence case (``case_label``)."""
    return [(normal_label(w) if any(c.islower() for c in w) else None) if w is not None
            else case_label(s) for s, w in zip(sentences, written, strict=True)]


def _field_label(label: str) -> bool:
    """A field label, or two joined ("tickets & info", "date and time"), or a day's name: a
    forecast's "Saturday:" under each region, a listing's under each venue."""
    return all(part in FIELD_LABELS or _DAY_LABEL.fullmatch(part) is not None
               for part in re.split(r" (?:&|and) ", label))


def speaker_label(sentence: str) -> str | None:
    """The speaker or source label that opens a transcript line or a list entry, lower-cased
    ("jamie graham total film", commas dropped), or None."""
    written = written_label(sentence)
    return None if written is None else normal_label(written)


def written_label(sentence: str) -> str | None:
    """``speaker_label``'s label as the sentence writes it ("- Jamie Graham, Total Film",
    "THE REGISTRAR", "Location "), or None."""
    m = _label_match(sentence)
    return None if m is None else m.group(1)


def unlabelled(sentence: str) -> str:
    """The sentence without the speaker's or entry's label that opens it ("Update 6: Launch has
    been scrubbed." is "Launch has been scrubbed."), or the sentence itself."""
    m = _label_match(sentence)
    return sentence if m is None else sentence[m.end():]


def _label_match(sentence: str) -> re.Match[str] | None:
    """The match of the label that opens the sentence, with its separator (``written_label``
    reads its words, ``unlabelled`` what follows it), or None."""
    start = first_word_char(sentence, 0, min(len(sentence), LABEL_CHARS))
    m = _LABEL.match(sentence, start, min(len(sentence), start + LABEL_CHARS))
    if m is None:
        # a section's heading on a line of its own, run into the first entry under it when the
        # page breaks lines without blank lines ("Events and classes\nKids and Legos — 10:15
        # a.m. every Saturday …"): the entry's label opens the second line
        end = sentence.find("\n", 0, LABEL_CHARS)
        heading = sentence[:end].strip() if end > 0 else ""
        if not heading or heading[-1] in ".!?:;," or len(heading.split()) > HEADING_WORDS:
            return None
        start = first_word_char(sentence, end + 1, min(len(sentence), end + 1 + LABEL_CHARS))
        m = _LABEL.match(sentence, start, min(len(sentence), start + LABEL_CHARS))
        if m is None:
            return None
    words = m.group(1).replace(",", " ").split()
    if not all(w[0].isupper() or w[0].isdigit() or w in _LABEL_CONNECTORS for w in words):
        return None
    return None if " ".join(words).lower() in _NOT_SPEAKERS else m


def normal_label(written: str) -> str:
    """A label as ``speaker_label`` compares it: lower-cased, commas dropped."""
    return " ".join(written.replace(",", " ").split()).lower()


_DAY_LABEL = re.compile(r"(?:today|tonight|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
                        r"(?: (?:night|morning|afternoon|evening))?")
# A day on a line of its own, a forecast's or a schedule's heading: "Saturday", "Saturday night",
# "TONIGHT", "Tomorrow morning".
# Or two days of a listing: "Friday & Saturday", "Friday to Sunday".
_DAY = r"(?:today|tonight|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
_DAY_LINE = re.compile(
    rf"\W{{0,3}}{_DAY}(?:[ \t]*(?:&|and|to|through|-|–)[ \t]*{_DAY})?"
    r"(?:[ \t]+(?:night|morning|afternoon|evening))?\W{0,3}", re.IGNORECASE)


def entry_heading_line(line: str) -> bool:
    """Is ``line`` only the heading of a list-like page's entry: a time stamp ("16:47",
    "Posted at 07:32"), a numeric date ("Today 23.01.2018"), a date ("January 2nd", "1998"), a
    day ("Saturday night", a forecast's) or a ball-by-ball page's progress line ("England 182/7
    after 84 overs")?"""
    line = line.strip()
    return bool(line) and len(line) <= HEADING_CHARS and (
        _STAMP_LINE.fullmatch(line) is not None or _DATE_LINE.fullmatch(line) is not None
        or _DAY_LINE.fullmatch(line) is not None or _PROGRESS_LINE.fullmatch(line) is not None)


# A figure, and a table's leader ("Total Seats in the Assembly ----- 40"), in a template line.
_FIGURES = re.compile(r"\d++(?:[,.:]\d++)*+")
_LEADER = re.compile(r"(?<![ \t])[ \t]*+(?:-{2,}|\.{3,}|_{3,})[ \t]*+")
TEMPLATE_LINES = 3  # one line with other figures, so many times over: one in each entry


def figure_mould(line: str) -> str:
    """The line lower-cased with each figure put as '#' ("total seats ----- #"): the mould that
    the entries of a list or the rows of a table share."""
    return _FIGURES.sub("#", line).lower()


def template_lines(sentences: Sequence[str]) -> list[str | None]:
    """Each sentence's template, its figures put as "#", when that template gives
    ``TEMPLATE_LINES`` different sentences or more of the document ("The bonus number was
    23." under the Lotto draw, "… 26." under Lotto Plus One, "… 20." under Plus Two; "Total
    Seats in the Assembly ----- 40" in each state's table; "Sydney FC 1-0 Central Coast
    Mariners, 43 minutes" at three times); else None. Such lines are one in each entry of a
    list, and two of them are two entries, not two accounts of one fact. A figure stated twice
    otherwise is still compared."""
    keys: list[str | None] = []
    # told apart by their figures: the same line written again is one entry's, not three
    texts: dict[str, set[str]] = {}
    for sentence in sentences:
        if not any(ch.isdigit() for ch in sentence):
            keys.append(None)
            continue
        written = " ".join(sentence.split())
        line = _LEADER.sub(" — ", written) if "--" in written or "..." in written or (
            "__" in written) else written
        key = figure_mould(line)
        keys.append(key)
        texts.setdefault(key, set()).add(written)
    return [k if k is not None and len(texts[k]) >= TEMPLATE_LINES else None for k in keys]


def _dated_heading(sentence: str) -> bool:
    """Does the sentence open with a timeline's date or year before a colon or a dash ("1992:
    …", "August 29 – …"), not a clock time ("16.45: …")?"""
    heading = timeline_heading(sentence, 0, len(sentence))
    return heading is not None and _CLOCK_HEADING.fullmatch(heading) is None


_CLOCK_HEADING = re.compile(r"\d{1,2}[:.]\d{2}")


def entry_numbers(sentences: Sequence[str]) -> list[int | None]:
    """Which entry of a live page or a timeline each sentence is in, counting the entries that
    time or date headings open (a heading on a line of its own, a live entry's opening clock
    time or date and time, a commentary's minute: "23' GOAL! …", a race's distance to go:
    "155km to go: …", a match's set, leg or frame: "SET NINE - LEG TWO: …", a timeline's
    date or year before a colon: "1992: …", on a page with three or more; a golf card's hole
    with its details in brackets: "7th (par 3, 148 yards): …"), that a ranked
    list's numbers open ("1." "Duke (24-3) beat Syracuse." "Next: at Virginia Tech." "2." …, on
    a page with three or more), or that their writers sign off ("— Todd Haselton", on a page
    with two or more such lines); None before the first heading. Two sentences in different
    entries were written about two different moments."""
    out: list[int | None] = []
    current: int | None = None
    signatures = [_SIGNATURE.fullmatch(s.strip()) is not None for s in sentences]
    signed = sum(signatures) >= SIGNED_ENTRIES
    # a ranked list's numbers, each split off as a sentence of its own ("1." "Duke (24-3) beat
    # Syracuse 75-65." "Next: at Virginia Tech, Tuesday." "2." …), on a page with three or more
    ranks = [_RANK.fullmatch(s.strip()) is not None for s in sentences]
    ranked = sum(ranks) >= RANKED_ENTRIES
    # a timeline's entries, each opening with its date or year before a colon or a dash
    # ("1992: Bosnian Muslims and Croats vote …" "The Serbs besiege Sarajevo." "2001: …"), on a
    # page with three or more
    # (a clock time before a colon is a live entry's, which ``_CLOCK_OPENING`` reads)
    dates = [_dated_heading(s) for s in sentences]
    dated = sum(dates) >= TIMELINE_ENTRIES
    closed = False
    for sentence, signature, rank, date in zip(sentences, signatures, ranks, dates,
                                               strict=True):
        first_line = sentence.lstrip().split("\n", 1)[0]
        # a decimal opening a sentence ("2.75 million jobs …") is not a live entry's time
        if (entry_heading_line(first_line) or _CLOCK_OPENING.match(first_line)
                or _MINUTE_OPENING.match(first_line) or _DISTANCE_OPENING.match(first_line)
                or _BALL_OPENING.match(first_line)
                or _UNIT_OPENING.match(first_line) or _DATED_CLOCK_OPENING.match(first_line)
                or _ORDINAL_OPENING.match(first_line)
                or (ranked and rank) or (dated and date) or closed):
            current = 0 if current is None else current + 1
        elif signed and current is None:
            current = 0  # the first signed entry, which no heading opened
        closed = signed and signature
        out.append(current)
    return out


_RANK = re.compile(r"\d{1,3}\.")
RANKED_ENTRIES = 3


# A live blog's entry signed off by its writer, on a line of its own: "— Todd Haselton". On a page
# with two or more, each signature closes an entry (a single one is an article's byline).
_SIGNATURE = re.compile(r"[—–]{1,2}[ \t]*[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3}")
SIGNED_ENTRIES = 2


# A person introduced with an age at the start of a sentence, as a court list or a police log
# opens each case: "John Simpson, 50, of Ipswich Road, admitted …".
_INTRODUCED = re.compile(r"\W{0,3}([A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,3}),[ \t]+\d{1,3},")
CASE_ENTRIES = 3  # people introduced so that a page is a list of cases


def case_entries(sentences: Sequence[str]) -> list[str | None]:
    """Whose case each sentence is in, on a page that introduces three or more people one after
    another ("John Simpson, 50, of …", then "Nicholas Gedling, 48, of …"): the person last
    introduced, or None before the first (and everywhere on other pages). A news story that
    names two people with their ages is not a list of cases, and is left alone."""
    out: list[str | None] = []
    current: str | None = None
    introduced = 0
    for sentence in sentences:
        m = _INTRODUCED.match(sentence)
        if m:
            current = m.group(1)
            introduced += 1
        out.append(current)
    return out if introduced >= CASE_ENTRIES else [None] * len(sentences)


# A running score, as live commentary gives it at each goal and each break: "Brackwater Rovers 1,
# Kelsall United 0." (after "Goal!"), "First Half ends, Brackwater Rovers 1, Kelsall United 0.",
# "Half time: Arsenal 2, Chelsea 1". Two sides, each a capitalised name and its goals, after a
# lead-in of a few words at most (none, when it can be none: "Brackwater Rovers" is one side, not
# a lead-in and "Rovers"); the score is the rest of the sentence.
_SIDE = r"(?<![\w.'’&-])[A-Z][\w.'’&-]*+(?:[ \t]+(?:[A-Z&][\w.'’&-]*+|de|of|and|the)){0,4}"
# A minute of a match's clock: "43 minutes", "78min", "90+2'" (the minute and the added time).
_MINUTE = r"(\d{1,3})(?:\+(\d{1,2}))?[ \t]*(?:'|’|mins?\b|minutes\b)"
# The match's clock after the score: "…, 43 minutes", "(67')". (Its groups come after the
# score's four.)
_CLOCK_AFTER = rf"(?:,?[ \t]*\(?{_MINUTE}\)?)?"
_RUNNING_SCORE = re.compile(
    rf"(?:[^\n]{{0,30}}?[ \t,:!.–—-])??({_SIDE})[ \t]+(\d{{1,3}}),[ \t]+({_SIDE})[ \t]+(\d{{1,3}})"
    rf"{_CLOCK_AFTER}[ \t]*[.!]?[ \t]*")
# The same, as live blogs write it: "Harbour City 1-1 Dunmere Athletic.", "HT: Arsenal 1–0 Chelsea",
# "Sydney FC 1-0 Central Coast Mariners, 43 minutes".
_DASHED_SCORE = re.compile(
    rf"(?:[^\n]{{0,30}}?[ \t,:!.–—-])??({_SIDE})[ \t]+(\d{{1,3}})[ \t]*[-–][ \t]*(\d{{1,3}})[ \t]+"
    rf"({_SIDE}){_CLOCK_AFTER}[ \t]*[.!]?[ \t]*")
# A match statistic's label: "Shots: Harbour City 15, Millbrook Athletic 8" and "Corners:
# Harbour City 7, Millbrook Athletic 3" are two counts of a statistics table, not two scores.
# (Not "Frames:", "Sets:" or "Runs:": those are a match's score.)
_STAT_LABEL = re.compile(
    r"\W{0,3}+(?i:possession|shots(?:[ \t]+(?:on|off)[ \t]+target)?+|attempts(?:[ \t]+on[ \t]+"
    r"goal)?+|corners?|fouls?(?:[ \t]+conceded)?+|(?:yellow|red)[ \t]+cards?|cards|bookings|"
    r"offsides?|saves|passes|tackles|free[ \t-]kicks|throw[ \t-]ins|goal[ \t-]kicks"
    # other sports' tables: snooker's "Centuries: Solberg 1, Hartigan 1", tennis's aces, a
    # box score's rebounds
    r"|centuries|century[ \t]+breaks|breaks(?:[ \t]+of[ \t]+\d++[ \t]+or[ \t]+more)?+"
    r"|highest[ \t]+breaks?|aces|double[ \t]+faults|rebounds|assists|turnovers|steals|blocks"
    r"|penalty[ \t]+minutes|power[ \t]+plays?|hits|errors)[ \t]*+:")
# A running score's time in the match: "78min: NZL 20-20 AUS", "…, 43 minutes", "FT: …".
_MATCH_MINUTE = re.compile(r"(?<![\w.])" + _MINUTE)
_OVER = r"(?:FT|(?i:full[- ]time)|FINAL)"  # the words that say a match is over ("FULL TIME" too)
_FULL_TIME = re.compile(rf"\W{{0,3}}(?:{_OVER}\b|Final(?:[ \t]+score)?[ \t]*[:.])")
FULL_TIME = 10_000  # after every minute of the match
# a line that only says the match is over ("FINAL.", "FT:"), above the final score
_FINAL_MARK = re.compile(rf"\W{{0,3}}(?:{_OVER}|Final(?:[ \t]+score)?)[ \t]*[:.!]?")
# "HT: Orlando Pirates 0-0 Kaizer Chiefs": the break, after a football match's first half and
# its added time ("45+2'").
_HALF_TIME = re.compile(r"\W{0,3}(?:HT|(?i:half[- ]?time))\b")  # "HALF-TIME" too
HALF_TIME = 45.5


def match_time(sentence: str) -> float | None:
    """When in the match a running score stood, from its clock ("78min:", "43 minutes",
    "90+2'", "FT:"), or None."""
    if _FULL_TIME.match(sentence):
        return FULL_TIME
    if _HALF_TIME.match(sentence):
        return HALF_TIME
    m = _MATCH_MINUTE.search(sentence)
    if m is None:
        return None
    return int(m.group(1)) + int(m.group(2) or 0) / 100
# A tennis match's running score, sets and then the games of the set in play, the server starred:
# "Murray 7-5, 3-6, 7-5 5-1* Baghdatis", "Federer 6-7 (5-7), 6-4 Nadal". Read as games won by each
# side over the match, which rise as goals do.
_SET = r"\d{1,2}[ \t]*[-–][ \t]*\d{1,2}(?:[ \t]*\(\d{1,2}(?:[-–]\d{1,2})?\))?"
_TENNIS_SCORE = re.compile(
    rf"(?:[^\n]{{0,30}}?[ \t,:!.–—-])??({_SIDE})[ \t]+((?:{_SET}[ \t]*,?[ \t]+)+{_SET})[ \t]+"
    rf"({_SIDE})[ \t]*[.!]?[ \t]*")
_GAMES = re.compile(r"(\d{1,2})[ \t]*[-–][ \t]*(\d{1,2})(?![\d)])")
SCORE_CHARS = 120
# A player and the side he plays for, as a commentary feed names each event's actor: "Foul by
# Dan Morris (Brackwater Rovers).", "Luka Novak (Kelsall United) wins a free kick …".
_ACTOR_AND_SIDE = re.compile(
    r"(?<![\w.'’-])[A-Z][\w.'’-]*+(?:[ \t]+[A-Z][\w.'’-]*+){0,3}[ \t]+\([A-Z][^()\n]{0,40}\)")
COMMENTARY_SCORES = 2  # running scores of one match that make a page a live commentary


# A cricket side's score at a moment of a live page, opening the line: "Australia: 8-294 (Carey
# 10*, Cummins 9)", "England 182/7", "Lancashire 245-6 dec"; a batter's "10*" or the word runs,
# overs or wickets must be in the line too.
_INNINGS = re.compile(
    r"\W{0,3}[A-Z](?<![\w.'’-][A-Z])[\w.'’-]*+(?:[ \t]+[A-Z][\w.'’-]*+){0,3}:?[ \t]+"
    r"(?:\d{1,2}[-/]\d{1,3}|\d{1,3}[-/]\d{1,2})(?![-/.]?\d)")
_CRICKET_CUE = re.compile(r"\d\*|\b(?:runs?|overs?|wkts?|wickets?)\b")


def innings_score(sentence: str) -> bool:
    """Does the sentence open with a cricket side's score at some moment of the game? Two such
    lines of a live page are two moments: "Australia: 7-294 …" and, a wicket later,
    "Australia: 8-294 …"."""
    return (_INNINGS.match(sentence) is not None
            and _CRICKET_CUE.search(sentence) is not None)


# A game's state while it is played: a side ahead, behind or level by a margin or at a score,
# in the present tense ("Federer leads 6-4, 6-2.", "Miami goes up by four.", "Kerry trail by
# three points", "still level at 1-1"). The past tense ("won 6-4") is a result, and stays
# comparable.
_NUMBER_WORD = (r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                r"|a[ \t]+(?:point|goal|run|stroke|shot|try|basket|length|game|set|frame))")
_IN_PLAY = re.compile(
    r"(?<![\w'’-])(?:leads?|trails?|leading|trailing|(?:(?:is|are|goes|go|now|still|back)[ \t]+)?"
    r"(?:up|down|ahead|behind|level|tied|all[ \t]+square))(?![\w'’-])[ \t]+"
    r"(?:[^.!?\n]{0,30}?[ \t])??(?:by[ \t]+" + _NUMBER_WORD + r"(?![\w-])"
    r"|(?:at[ \t]+)?\d{1,3}[ \t]*[-–][ \t]*\d{1,3}(?![\d-]))")
# A player's tally while a game is played, in the present tense: "Siakam leads Indiana with 10
# points", "Gilgeous-Alexander leads the Thunder (and all scorers) with 16", "Siakam has eight
# for Indiana". On a page that follows a game, each is a moment, as a score is.
_TALLY = re.compile(
    r"(?<![\w'’-])(?:leads|leading)[ \t]+[^.!?\n]{1,30}?[ \t]with[ \t]+" + _NUMBER_WORD
    + r"(?![\w,.-]\d)(?:[ \t]+points\b|[ \t]*[.!]?$)"
    r"|(?<![\w'’-])has[ \t]+" + _NUMBER_WORD + r"(?:[ \t]+points)?[ \t]+for[ \t]+[A-Z]")
IN_PLAY_STATES = 3  # statements of a game's state that make a page follow a game as it is played


# A score written as two numbers ("9-7", "10 – 7"), which a state of play and a result share
_SCORE = re.compile(r"(?<![\w.,-])\d{1,3}[ \t]*[-–][ \t]*\d{1,3}(?![\w.,-]?\d)")


def score_state(sentence: str) -> bool:
    """Does the sentence give a side's lead or deficit at a score while the game is played
    ("Lisowski leads Saengkham 9-7 at the Crucible")? Not a lead to come ("who may soon lead
    their opponents 5-0")."""
    m = _IN_PLAY.search(sentence)
    return (m is not None and _SCORE.search(sentence, m.start()) is not None
            and _MODAL_BEFORE.search(sentence, max(0, m.start() - 24), m.start()) is None)


_MODAL_BEFORE = re.compile(
    r"\b(?:may|might|could|would|will|shall|should|must|to|can)(?:[ \t]+[a-z]+)?[ \t]+\Z")


def has_score(sentence: str) -> bool:
    return _SCORE.search(sentence) is not None


def in_play(sentences: Sequence[str]) -> list[bool]:
    """Which sentences state a game's score, margin or a player's tally while it is played, on a
    page that does so three times or more: "Federer leads 6-4, 6-2." and, a game earlier,
    "Roger Federer leads 6-4, 5-2." are two moments of one match, as are "Miami up by one." and
    "Miami goes up by four.", and "Siakam leads Indiana with 10 points" and, later, "Siakam has
    eight for Indiana." On other pages, none: an article's two margins are the model's to
    compare."""
    marked = [_IN_PLAY.search(s) is not None or _TALLY.search(s) is not None
              for s in sentences]
    if sum(marked) < IN_PLAY_STATES:
        return [False] * len(sentences)
    return marked


# A play-by-play line: a short sentence that opens on a name and goes on in the simple present,
# as a commentator narrates a fight or a game move by move ("Findley lands a right hand.",
# "Osbourne dives for a leg.", "Dirrell finally lands a left."). Verbs of saying, planning and
# stance ("says", "plans", "denies") are a news story's present, not a move.
_NARRATED = re.compile(
    r"^[\"“'‘]?+[A-Z][\w'’.-]*+(?:[ \t]++(?:[A-Z][\w'’.-]*+|de|van|dos|da))*+[ \t]++"
    r"(?:[a-z]++(?<=ly)[ \t]++)?+([a-z]{2,}+)")
_NOT_MOVES = frozenset((
    "is", "has", "was", "does", "says", "this", "his", "its", "as", "us", "yes", "plus", "thus",
    "always", "sometimes", "perhaps", "across", "whereas", "unless", "less", "versus", "bus",
    "gas", "news", "hopes", "plans", "expects", "wants", "needs", "believes", "thinks",
    "claims", "insists", "argues", "admits", "denies", "warns", "urges", "calls", "faces",
    "remains", "seems", "looks", "appears", "means", "makes", "gets", "goes", "comes", "takes",
    "gives", "keeps", "agrees", "accepts", "rejects", "supports", "opposes", "wins", "loses"))
# A result, not a move: what a bout or a game came to is one fact for the whole page, which
# another line may contradict ("Reyes wins by unanimous decision" / "… a decision for Okafor")
_RESULT = re.compile(
    r"(?<![\w'’-])(?:wins?|won|winner|victory|beats?|beaten|defeats?|defeated|draw|drawn"
    r"|decision|knocks?[ \t]+out|knocked[ \t]+out|knockout|stoppage|champion|title|retires?"
    r"|final[ \t]+score|full[ \t-]time)(?![\w'’-])", re.IGNORECASE)
# A ball of a cricket over told as it is bowled, its length or line first: "Good length ball
# from Mukesh and Markram leaves it.", "Short from Mukesh and Markram latches onto it.", "Full
# and straight now." Each is another ball, and one does not deny the other.
_DELIVERY = re.compile(
    r"[\"“'‘]?+(?i:good[ \t]++length|back[ \t]++of[ \t]++a[ \t]++length|short[ \t]++of[ \t]++a"
    r"[ \t]++length|length[ \t]++ball|full[ \t]++toss|full(?:er)?+|short(?:er)?+|slower[ \t]++"
    r"(?:ball|one)|yorker|bouncer|overpitched|tossed[ \t]++up|flighted|fired[ \t]++in"
    r"|angled[ \t]++in|on[ \t]++the[ \t]++pads|outside[ \t]++off)(?![\w'’-])")
DELIVERIES = 4  # balls told this way that make a page ball-by-ball commentary
NARRATED_WORDS = 14  # a move is told in a short sentence
NARRATED_MOVES = 8  # narrated moves that make a page a play-by-play
NARRATED_SHARE = 0.25  # ... and the share of its sentences they are


def play_by_play(sentences: Sequence[str]) -> list[bool]:
    """On a page told move by move (eight or more sentences that narrate a move, a quarter of
    all or more), its short sentences, each a moment of its own: "Findley lands a right hand."
    and "Findley finally lands a left." are two moments of one bout, and "Osbourne dives for a
    leg." does not deny "Osbourne winds up and just misses with a flying knee." or "One body
    kick lands by Osbourne, then another." A news story's present tense ("Microsoft plans …",
    "the minister denies …") is not counted, and a story of long sentences never makes the
    share. A sentence that states a result ("Reyes wins by unanimous decision") is no moment:
    what a bout came to holds for the whole page. On a page of cricket told ball by ball
    (four sentences or more that open on a ball's length or line: "Good length ball from
    Mukesh and Markram leaves it." / "Short from Mukesh and Markram latches onto it."), those
    sentences, each another ball. On other pages, none."""
    short = [len(sentence.split()) <= NARRATED_WORDS for sentence in sentences]
    balls = [is_short and _DELIVERY.match(sentence.strip()) is not None
             for sentence, is_short in zip(sentences, short, strict=True)]
    if sum(balls) >= DELIVERIES:
        return balls  # ball-by-ball: each ball told is a moment of its own
    count = 0
    for sentence, is_short in zip(sentences, short, strict=True):
        m = _NARRATED.match(sentence.strip()) if is_short else None
        verb = m.group(1) if m is not None else ""
        count += verb.endswith("s") and verb not in _NOT_MOVES
    if count < NARRATED_MOVES or count < NARRATED_SHARE * len(sentences):
        return [False] * len(sentences)
    return [is_short and _RESULT.search(sentence) is None
            for sentence, is_short in zip(sentences, short, strict=True)]


@lru_cache(maxsize=4096)
def running_score(sentence: str) -> tuple[tuple[str, int], tuple[str, int]] | None:
    """Each side and its goals when the sentence is a running score ("Goal! Brackwater Rovers
    1, Kelsall United 0." splits into "Goal!" and a score; "HT: Arsenal 1-0 Chelsea."), or
    None. Cached: CT102, the model's pair selection and its pair filter each ask it of every
    sentence."""
    text = sentence.strip()
    if len(text) > SCORE_CHARS or _STAT_LABEL.match(text) is not None:
        return None
    m = _RUNNING_SCORE.fullmatch(text)
    if m is not None:
        sides = ((m.group(1), m.group(2)), (m.group(3), m.group(4)))
    elif (m := _DASHED_SCORE.fullmatch(text)) is not None:
        sides = ((m.group(1), m.group(2)), (m.group(4), m.group(3)))
    elif (m := _tennis(text)) is not None:
        sets = _GAMES.findall(re.sub(r"\([^()]*\)", "", m.group(2)))
        sides = ((m.group(1), str(sum(int(a) for a, _ in sets))),
                 (m.group(3), str(sum(int(b) for _, b in sets))))
    else:
        return None
    (a, goals_a), (b, goals_b) = sides
    return (a.rstrip("."), int(goals_a)), (b.rstrip("."), int(goals_b))


@lru_cache(maxsize=4096)
def _tennis(sentence: str) -> re.Match[str] | None:
    """A tennis score's match, its server's stars dropped ("Harlow 6-4, 5-1* Okafor")."""
    return _TENNIS_SCORE.fullmatch(sentence.strip().replace("*", ""))


RESULTS_MATCHES = 4  # fixtures on a page that, each given at most ``RESULTS_SCORES`` times,
RESULTS_SCORES = 2  # make it a list of results rather than a running commentary


# The hour and minute of a time stamp line (``_STAMP_LINE``: "20:36", "Posted at 4.47pm").
_HOUR_MINUTE = re.compile(r"(?<![\d./-])(\d{1,2})[:.](\d{2})(?![./-]?\d)[ \t]*(?:([ap])\.?m\b)?",
                          re.IGNORECASE)


def _clock_lines_fall(sentences: Sequence[str]) -> bool:
    """Do a live blog's entry times, each on a line of its own, fall down the page more often
    than they rise ("20:36" above "20:34")? Then it puts its newest entry first."""
    minutes: list[int] = []
    for sentence in sentences:
        line = sentence.strip()
        m = _HOUR_MINUTE.search(line) if _STAMP_LINE.fullmatch(line) else None
        if m is None:
            continue  # not a time stamp line, or a date's ("Today 23.01.2018")
        hour = int(m.group(1))
        if m.group(3):  # "4.47pm"
            hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
        minutes.append(hour * 60 + int(m.group(2)))
    steps = list(pairwise(minutes))
    return sum(b < a for a, b in steps) > sum(b > a for a, b in steps)


def falling_scores(sentences: Sequence[str]) -> list[tuple[int, int, str]]:
    """Running scores of one match that fall, the one way two of them can conflict: (the
    sentence of the goal the lower score leaves out, the sentence of the lower score,
    "1 / 0"). A match's score only ever rises, so "Goal! Brackwater Rovers 1, Kelsall United
    0." and then "Second Half begins Brackwater Rovers 0, Kelsall United 0." cannot both be
    right. The two sides may be named in either order.

    A live blog that puts its newest entry first gives a match's scores falling down the page;
    when a match's scores fall from one to the next more often than they rise (and more than
    once: one fall between two scores is the conflict itself), or when its entries' times, each
    on a line of its own, fall down the page ("20:36" above "20:34"), they are read bottom up. Two
    scores of which one side's goes up and the other's down are two games of the same sides
    (a results page's home and away legs, its boys' and girls' games), never compared; nor are
    the scores of a list of results (``RESULTS_MATCHES`` fixtures or more, none given more than
    ``RESULTS_SCORES`` times), where a pair of sides given twice played twice. When
    every score of a match says when it stood ("78min: NZL 20-20 AUS" below "FT: NZL 23-20
    AUS", "HT: …" below "FT: …"), they are read in the order of the match's clock; when the
    first of them is the final score ("FINAL. Falcons 34-31 Bills." above "… Falcons 31-31
    Bills"), bottom up. The pair is given in the order of the page."""
    matches: dict[frozenset[str], list[tuple[int, dict[str, int]]]] = {}
    for k, sentence in enumerate(sentences):
        score = running_score(sentence)
        if score is None or score[0][0] == score[1][0]:
            continue
        matches.setdefault(frozenset(side for side, _ in score), []).append((k, dict(score)))
    out: list[tuple[int, int, str]] = []
    if len(matches) >= RESULTS_MATCHES and max(map(len, matches.values())) <= RESULTS_SCORES:
        return out  # a results list: many fixtures, each given once or twice (two games)
    newest_first = _clock_lines_fall(sentences) if matches else False
    periods = _by_period(matches, sentences) if matches else {}
    for scores in periods.values():
        steps = list(pairwise(scores))
        if any(any(b[s] > a[s] for s in a) and any(b[s] < a[s] for s in a)
               for (_, a), (_, b) in steps):
            continue  # one side up and the other down: two games ("Madison 60, Belle Fourche
            # 31" … "Belle Fourche 51, Madison 40", a results page's boys' and girls' games)
        rises, falls = _rises_and_falls(scores)
        # a tennis score gives its sets, so one fall between two of them is a page read bottom
        # up ("Kenin 6-4 4-6 6-2 Gauff" above "Gauff 4-6 6-4 2-5 Kenin"), not a conflict
        tennis = all(_tennis(sentences[k]) is not None for k, _ in scores)
        # a score's clock, or full time when the sentence before is only "FINAL." / "FT:"
        clock = [match_time(sentences[k]) or (FULL_TIME if k and _FINAL_MARK.fullmatch(
            sentences[k - 1].strip()) else None) for k, _ in scores]
        if all(t is not None for t in clock):  # each score says when it stood: in that order
            in_order = [x for _, x in sorted(zip(clock, scores, strict=True),
                                             key=lambda pair: pair[0] or 0.0)]
        elif clock[0] == FULL_TIME and FULL_TIME not in clock[1:]:
            # the final score at the top: the page's newest entry first ("FINAL. Falcons 34-31
            # Bills." above "… into Overtime! Falcons 31-31 Bills"), unless the scores under it
            # rise down the page: a summary's line over a page told in order ("FINAL/OT: Lynx 4,
            # Ravens 3" over "Lynx 1, Ravens 0." … "End of regulation: Lynx 3, Ravens 3.")
            up, down = _rises_and_falls(scores[1:])
            in_order = [*scores[1:], scores[0]] if up > down else scores[::-1]
        else:
            in_order = (scores[::-1] if newest_first
                        or falls > (rises if tennis else max(rises, 1)) else scores)
        # per side: the sentence where each of its goal counts first stood
        first: dict[str, dict[int, int]] = {}
        for k, score_of in in_order:
            fell: tuple[int, str] | None = None
            for side, goals in score_of.items():
                counts = first.setdefault(side, {})
                above = [at for count, at in counts.items() if count > goals]
                if above and fell is None:
                    fell = (above[0], f"{max(counts)} / {goals}")
                counts.setdefault(goals, k)
            if fell is not None:
                out.append((min(fell[0], k), max(fell[0], k), fell[1]))
    return sorted(out)


def _rises_and_falls(scores: Sequence[tuple[int, dict[str, int]]]) -> tuple[int, int]:
    """How often a match's score rises from one of ``scores`` to the next, and how often it
    falls (every side the same or higher, or the same or lower)."""
    steps = list(pairwise(score for _, score in scores))
    rises = sum(all(b[s] >= a[s] for s in a) and a != b for a, b in steps)
    falls = sum(all(b[s] <= a[s] for s in a) and a != b for a, b in steps)
    return rises, falls


_Period = tuple[frozenset[str], int]  # a match's sides, and the set or leg its scores are in


# What ends a set or a leg, after which a tennis or darts page's running score of games or legs
# starts again: a heading ("SET 2", "Tie-break") or a line that tells it ("Voskuil wins the first
# set 6-4", "SET VOSKUIL."). Not a snooker frame: a snooker page's running score is of frames.
_PERIOD_HEADING = re.compile(
    r"(?<![ \t])[ \t]*+(?:\d{1,2}[:.]\d\d[ \t]++)?+(?i:set|leg|game|tie-?break|tiebreak)\b"
    r"[^\n]{0,40}+\Z")
_PERIOD_WON = re.compile(
    r"\b(?:wins?|won|takes?|took|claims?|claimed|seals?|sealed)[ \t]++the[ \t]++"
    r"(?:(?:first|second|third|fourth|fifth|opening|\d{1,2}(?:st|nd|rd|th))[ \t]++)?+"
    r"(?:set|leg|tie-?break)\b|\b(?:SET|LEG)[ \t]++[A-Z]{2,}+")


def _by_period(matches: dict[frozenset[str], list[tuple[int, dict[str, int]]]],
               sentences: Sequence[str]) -> dict[_Period, list[tuple[int, dict[str, int]]]]:
    """Each match's scores cut where a set or a leg ends between two of them (a heading
    or a line that says so): a tennis page's "Voskuil 5-4 Lindqvist" in the first set and
    "Voskuil 1-1 Lindqvist" in the second are the games of two sets, not a score that fell."""
    ends = [k for k, s in enumerate(sentences)
            if (len(s.split()) <= 7 and _PERIOD_HEADING.match(s) is not None)
            or _PERIOD_WON.search(s) is not None]
    out: dict[_Period, list[tuple[int, dict[str, int]]]] = {}
    for sides, scores in matches.items():
        period = 0
        for n, (k, score) in enumerate(scores):
            if n and bisect.bisect_left(ends, k) > bisect.bisect_left(ends, scores[n - 1][0]):
                period += 1
            out.setdefault((sides, period), []).append((k, score))
    return out


# A forecast's temperature for one period: "Highs in the upper 50s.", "Overnight lows drop into
# the upper 30s.", "High 67.", "temperatures reaching 26C". (A word for the reading and a figure.)
_TEMPERATURE = re.compile(r"\b(?:[Hh]ighs?|[Ll]ows?|[Tt]emperatures?)\b")
# a figure, or a reading told in words ("Overnight lows drop below freezing.", "lows in the
# teens")
_FIGURE = re.compile(r"\d|\b(?:freezing|zero|teens)\b")
FORECAST_READINGS = 3  # temperature sentences that make a page a forecast
# A reading for the whole span, which each period's reading must agree with: "all week".
_WHOLE_SPAN = re.compile(
    r"\b(?:(?:all|every|each|the[ \t]+whole)[ \t]+(?:week|weekend|day|days|month)|throughout)\b",
    re.IGNORECASE)


# A forecast's wind for one period: "Winds will be in from the west at 10 to 20 mph."
_WIND = re.compile(r"\b(?:[Ww]inds?|[Gg]usts?|[Bb]reezes?)\b")


# A forecast's chance of rain for one period: "Overnight, I have a 20% chance of rain.",
# "the rain chances go up to 80%".
_PRECIPITATION = re.compile(
    r"\b(?:rain|showers?|storms?|thunderstorms?|snow|sleet|precipitation)\b", re.IGNORECASE)
_CHANCE = re.compile(r"\b(?:chances?|probability)\b[^.!?\n]{0,40}?\d{1,3}[ \t]*(?:%|per[ \t]*cent)"
                     r"|\d{1,3}[ \t]*(?:%|per[ \t]*cent)[ \t]+(?:chance|probability)\b",
                     re.IGNORECASE)


def _rain_chance(sentence: str) -> bool:
    return _CHANCE.search(sentence) is not None and _PRECIPITATION.search(sentence) is not None


def forecast_readings(sentences: Sequence[str]) -> list[bool]:
    """Which sentences give a temperature, a chance of rain or a wind, on a page that gives
    three temperatures or chances of rain or more (a forecast): each is about a period of its
    own, which an unlabelled forecast does not name ("Highs reach the mid- to upper 60s." for
    today, "Highs top out in the upper 50s to lower 60s." for tomorrow; "Overnight, I have a
    20% chance of rain." tonight, "Overnight, the rain chances go up to 80%." on Saturday;
    "Winds … at 10 to 20 mph." today, "The wind … at 10 to 15 mph." on Saturday). A reading for
    the whole span ("Highs will stay in the upper 70s all week.") is not one period's, and is
    compared with each. On other pages, none: a storm report's winds are the model's to compare."""
    dated = [_FIGURE.search(s) is not None and _WHOLE_SPAN.search(s) is None for s in sentences]
    heat = [d and (_TEMPERATURE.search(s) is not None or _rain_chance(s))
            for d, s in zip(dated, sentences, strict=True)]
    if sum(heat) < FORECAST_READINGS:
        return [False] * len(sentences)
    return [h or (d and _WIND.search(s) is not None)
            for h, d, s in zip(heat, dated, sentences, strict=True)]


# A placing of a results line: "First, Barbara Crossley", "2nd: A. Wray", "third place, Jo Hay".
_PLACING = re.compile(
    r"(?<![\w-])(?i:first|second|third|fourth|1st|2nd|3rd|4th)(?:[ \t]+(?i:place))?"
    r"[ \t]*[,:;–—-]?[ \t]+[A-Z]")
# A results or awards line that gives a category and then names only: "Grand champion
# Hampshire gilt: Carter Modglin, Chaffee, Missouri", "Best actor: Tom Hale (Dunmore Players)".
_CATEGORY_LINE = re.compile(r"\W{0,3}([A-Za-z][^:\n]{0,60}?):[ \t]+(\S.*)")
_VALUE_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
CATEGORY_WORDS = 8


def placing_category(sentence: str) -> str | None:
    """What a results line gives the placings or the winners of: "One jar marmalade: First,
    Barbara Crossley, second, Christian Wray and third, …" is the marmalade's, and "Grand
    champion Hampshire gilt: Carter Modglin, Chaffee, Missouri" the grand champion gilt's
    (lower-cased, the punctuation around it dropped; "" when the line opens on its first
    placing). None for any other sentence: fewer than two placings, and a label followed by
    anything but names ("The minister said: we will win.")."""
    found = _PLACING.search(sentence)
    if found is not None and _PLACING.search(sentence, found.end()) is not None:
        return sentence[: found.start()].strip(" \t:,;–—-•*").lower()
    line = _CATEGORY_LINE.match(sentence)
    if line is None or len(line.group(1).split()) > CATEGORY_WORDS:
        return None
    words = _VALUE_WORD.findall(line.group(2))
    if not words or any(w[0].islower() and w not in _LABEL_CONNECTORS for w in words):
        return None
    return line.group(1).strip(" \t,;–—-•*").lower()


def commentary_events(sentences: Sequence[str]) -> list[bool]:
    """Which sentences report an event of a live commentary, on a page that gives one match's
    running score at least twice (every match commentary does, at half time and at the end; a
    report's lists of scorers, "Riggott 74, Graham 86.", name other players on each line): a
    score, or a line that names a player and his side ("Foul by Dan Morris (Brackwater
    Rovers)."). Each event happened at a moment of its own: a player fouled and later won a
    free kick, and a 1-0 score later stood at 1-1. On other pages, none."""
    scores = [running_score(s) for s in sentences]
    matches = Counter(frozenset(side for side, _ in score) for score in scores if score)
    if not matches or max(matches.values()) < COMMENTARY_SCORES:
        return [False] * len(sentences)
    return [scores[k] is not None or _ACTOR_AND_SIDE.search(s) is not None
            for k, s in enumerate(sentences)]


# A greeting, a thank-you or a wish that closes or opens a live page, a newsletter or a
# broadcast: "That's all from the live team for this evening, thank you for joining us.", "From
# all of us, have a peaceful evening.", "Good morning and welcome to …". It states no fact.
_COURTESY = re.compile(
    r"[^A-Za-z]{0,3}+(?:from[ \t]++(?:all[ \t]++of[ \t]++us|everyone[ \t]++(?:here|at)\b[^,]{0,40}+"
    r"|the[ \t]++(?:[\w’'-]++[ \t]++){0,3}+team)[ \t]*+,[ \t]*+)?+"
    r"(?:(?:have|enjoy)[ \t]++a[ \t]++(?:[a-z]++[ \t]++)?(?:day|evening|night|morning|afternoon"
    r"|weekend|week|holiday|christmas|summer|break)"
    r"|thanks?(?:[ \t]++you)?(?:[ \t]++(?:all|again|so[ \t]++much))?[ \t]++for[ \t]++"
    r"(?:joining|reading|following|watching|listening|being[ \t]++with)"
    r"|that['’]s[ \t]++(?:all|it)[ \t]++(?:from|for)[ \t]++(?:us|me|the|this|today|tonight)"
    r"|good(?:bye|[ \t]*+night|[ \t]++(?:morning|afternoon|evening)[ \t]++and[ \t]++welcome)"
    r"|see[ \t]++you[ \t]++(?:tomorrow|next|soon|again|then)|take[ \t]++care|stay[ \t]++safe"
    # a call's thanks to whoever spoke before, and its operator's or moderator's turns: "Thank
    # you, Laura, and good morning, everyone.", "Our first question comes from …", "We have a
    # follow-up question from …", "This concludes our question-and-answer session."
    r"|thanks?(?:[ \t]++you)?+(?:[ \t]*+,[ \t]*+(?-i:[A-Z])[\w’'-]*+)?+[ \t]*+,?+[ \t]*+and"
    r"[ \t]++good[ \t]++(?:morning|afternoon|evening)"
    r"|(?:our|the|your)[ \t]++(?:first|next|last|final)[ \t]++question[ \t]++(?:comes|is)[ \t]++"
    r"from|we[ \t]++(?:have|will[ \t]++take|['’]ll[ \t]++take)[ \t]++(?:a|our|the|another)"
    r"[ \t]++(?:(?:follow-up|next|first|last|final)[ \t]++)?+question[ \t]++from"
    r"|(?:this|that)[ \t]++concludes|we[ \t]++will[ \t]++now[ \t]++(?:begin|open|take|turn)"
    r"|please[ \t]++go[ \t]++ahead|i[ \t]++would[ \t]++(?:now[ \t]++)?+like[ \t]++to[ \t]++"
    r"(?:turn|hand)[ \t]++(?:the[ \t]++(?:call|conference|floor)|it)[ \t]++(?:back[ \t]++)?+"
    r"(?:over[ \t]++)?+to"
    # a debate's courtesies to the chair and to who spoke before: "It is a pleasure to serve
    # under your chairmanship, Sir Geoffrey.", "I beg to move that …"
    r"|it(?:[ \t]++is|['’]s)[ \t]++(?:a|an)[ \t]++(?:great[ \t]++)?+(?:pleasure|privilege"
    r"|honour|honor)[ \t]++to[ \t]++(?:serve[ \t]++under|speak[ \t]++(?:in|after)|follow)"
    r"|i[ \t]++beg[ \t]++to[ \t]++move)\b",
    re.IGNORECASE)
COURTESY_WORDS = 16  # a sentence longer than this holds more than a greeting


def courtesy(sentence: str) -> bool:
    """Is the sentence a greeting, a thank-you or a wish ("From all of us, have a peaceful
    evening.", "That's all from the live team for this evening, thank you for joining us."), or
    a call operator's turn ("Our first question comes from …", "This concludes our
    question-and-answer session."), short enough to hold nothing else? Two such sign-offs
    are no statements to contradict (the model read these two at 0.86 on a live page), and one
    said again is no passage repeated (GB103: "It is a pleasure to serve under your
    chairmanship, …" opening two speeches of a debate)."""
    return (_COURTESY.match(sentence) is not None
            and len(sentence.split()) <= COURTESY_WORDS)
