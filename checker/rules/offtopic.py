"""SP110: a line whose topic is far from the rest of the article (an injected headline)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from checker.document import Document, Span
from checker.entries import (
    BULLETS,
    MONTHS,
    TIMELINE_ENTRIES,
    WEEKDAYS,
    dated_entries,
    entry_heading_line,
    record_fields,
    schedule_entries,
    speaker_label,
)
from checker.findings import Finding, Severity
from checker.nli.offtopic import MIN_UNITS, OffTopicParams, headline_like, off_topic
from checker.rules.base import Context, Rule, register
from checker.rules.textutil import ITEM_SEPARATOR, stops_mid_sentence
from checker.rules.wordlist import available, zipf

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


# "By Jo Marsh", "Written by …": the name after "by" keeps its capital ("By then …" is no byline)
_BYLINE = re.compile(
    r"(?i:(?:written|words|reporting|story|text|photos?|published|posted|compiled|edited"
    r"|prepared|produced)[ \t]+)?(?i:by)[ \t]+"
    r"(?:[A-Z]|(?i:admin|editor|staff)\b)")
# A byline of two or three writers, longer than ``BYLINE_WORDS``: names, initials and "and" only
# after "By" ("By Zachary B. Wolf and Ethan Cohen")
_BYLINE_NAMES = re.compile(
    r"(?i:by)[ \t]+[A-Z][\w.'’-]*+(?:,?[ \t]+(?:[A-Z][\w.'’-]*+|and|&))*+")
BYLINE_NAMES_WORDS = 12
# A live page's presenters: "Business live with Tessa Quaid and Jonathan Mbeki", "Presented by
# …" (names, initials and "and" only after "with")
_PRESENTED = re.compile(
    r"\A(?:[A-Z][\w'’-]*+[ \t]++){0,3}?(?i:live|presented|hosted)[ \t]++(?i:with|by)[ \t]++"
    r"[A-Z][\w.'’-]*+(?:,?[ \t]+(?:[A-Z][\w.'’-]*+|and|&))*+")
# A credit for the page's makers: a role, a colon and a name ("Web Producer: Stephani Ruiz",
# "Reporting: Jo Marsh and Sam Lee", "Editor: Dana Holt")
_ROLE_CREDIT = re.compile(
    r"(?i:(?:web[ \t]+|digital[ \t]+|senior[ \t]+)?(?:producer|editor|reporter|reporting"
    r"|writer|photographer|photos?|video|graphics|additional[ \t]+reporting))[ \t]*:[ \t]*"
    r"[A-Z][\w.'’-]*+(?:,?[ \t]+(?:[A-Z][\w.'’-]*+|and|&))*+")
# A writer's name on a line of its own near the top, without "By": two to four capitalised words,
# a name's particles allowed ("Melissa Vergel De Dios", "Anna van der Berg")
_AUTHOR = re.compile(
    r"[A-Z][a-z'’-]++(?:[ \t]++(?:[A-Z][a-z'’-]++|[A-Z]\.|del|der|de|da|van|von|bin|al)){1,3}+")
AUTHOR_LINES = 4  # the lines of a page's top (headline, standfirst, byline) where it stands
AUTHOR_MAX_ZIPF = 5.3  # a word commoner than this is no name's ("State Relay Wrap Up")


def _author_line(line: str) -> bool:
    """A writer's name on a line of its own: ``_AUTHOR``'s shape, and no word among the
    commonest of English ("Print Email Read Later", "State Relay Wrap Up" are a share bar and a
    heading; "David", "Melissa" and "Vergel" are names)."""
    if not _AUTHOR.fullmatch(line):
        return False
    return not available() or all(zipf(word) < AUTHOR_MAX_ZIPF for word in line.split()
                                  if word[0].isupper() and not word.endswith("."))
_TIME_WORDS = MONTHS | WEEKDAYS | frozenset(
    [m.lower() for m in calendar.month_abbr[1:]] + [d.lower() for d in calendar.day_abbr]
    + ["am", "pm", "a", "m", "p", "hrs", "hr", "gmt", "bst", "utc", "est", "edt", "cst", "cdt",
       "pst", "pdt", "ist", "cet", "bdst", "aest", "aedt", "sept", "updated", "published",
       "posted", "last", "on", "at", "released", "release", "issued", "date", "dated",
       # "CREATED Aug 12, 2012 - UPDATED: Aug 13, 2012"
       "created", "modified", "edited",
       # "This was published 6 years ago", "Updated 3 hours ago"
       "this", "was", "ago", "year", "years", "month", "months", "week", "weeks", "day", "days",
       "hour", "hours", "minute", "minutes",
       # a recording's length after its date: "March 04, 2025 1h 41m"
       "h", "min", "mins",
       # a warning's period: "Valid: Saturday 24th 15:00 – Sunday 25th 05:00", "from … until …"
       "valid", "from", "until", "till", "to", "st", "nd", "rd", "th"]
)
# A wire dateline on a line of its own ("EL PASO, Texas -", "LONDON (Reuters) —") and a picture
# credit ("SAUL LOEB/AFP via Getty Images", "Image credit: Imperial College London").
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,30}(?:,[ \t]+[A-Z][A-Za-z. ]{1,20})?"
                       r"(?:[ \t]+\([A-Za-z ]{2,20}\))?[ \t]*[-–—:]")
_CREDIT = re.compile(r"(?:image|photo|picture)[ \t]+credit\b|(?:photo|picture):"
                     r"|\bvia[ \t]+getty[ \t]+images$|/(?:afp|ap|reuters|pa|getty)\b",
                     re.IGNORECASE)
# A release's header: "**** HRP Media Release", "PRESS RELEASE", "News release 14/2018".
# A listing's count and controls: "23 results", "Showing 1-8 of 23", "Sort by: Newest listed",
# "Page 2 of 5".
_LISTING_CONTROL = re.compile(
    r"(?i:(?<![\d,])\d[\d,]*+[ \t]+"
    r"(?:results?|matches|properties|homes|listings|items|jobs|vacancies)"
    r"(?:[ \t]+found)?+|showing[ \t]+\d++(?:[ \t]*[-–][ \t]*\d++)?+"
    r"(?:[ \t]+of[ \t]+\d[\d,]*+(?:[ \t]+[a-z]++)?+)?+"
    r"|sort(?:ed)?[ \t]+by\b[^|\n]{0,40}+|page[ \t]+\d++[ \t]+of[ \t]+\d++)")
_RELEASE = re.compile(r"\b(?i:media|press|news)[ \t]+(?i:release|statement)\b")
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
# A place's name: capitalised words, a comma before its town ("Brackwater Arena, Kelton")
_VENUE = re.compile(r"[A-Z][\w'’.&-]*+(?:,?[ \t]++(?:[A-Z][\w'’.&-]*+|of|the|and|on|upon)){0,5}+")
BYLINE_WORDS = 6
_BULLETS = frozenset(BULLETS) | {"—"}  # a digest's items may open with an em dash too
DIGEST_ITEMS = 4  # bulleted lines, at least half of all, that make a page a news digest
# A short label and its colon: a capitalised word and up to three more ("Unresolved:", "Earth,
# Wind & Fire:", "Country of Origin:").
_SHORT_LABEL = r"[A-Z](?<![\w'’&,.-][A-Z])[\w'’&,.-]*+(?:[ \t]+[\w'’&,.-]++){0,3}:"
# Or a briefing's item opened by a short label instead of a bullet: "Unresolved: The court
# agreed …", "Earth, Wind & Fire: Some 80 million people …".
_ITEM_LABEL = re.compile(_SHORT_LABEL + r"[ \t]+[A-Z0-9“\"]")


# A line of a fact box: a short label, then the value or nothing ("Country of Origin: USA",
# "Year of Release: 2016", "Track List:").
_FACT = re.compile(_SHORT_LABEL + r"(?:[ \t]|$)")
FACT_BOX = 3  # lines of that shape in a row that make a fact box


def fact_box(texts: Sequence[str]) -> set[int]:
    """The lines of a fact box: three or more label lines in a row ("Country of Origin: USA" /
    "Year of Release: 2016" / "Time: 41:21"), or details set with separators among them ("Main
    House | 14 February - 8 March" / "Evenings 7.30pm | Matinees 2.30pm" / "Running time: 2
    hours 20 minutes"), a review's, a profile's or a programme's details. Each names its own
    field, so one that shares no topic with the article is still part of it."""
    out: set[int] = set()
    run: list[int] = []
    labelled = False
    for k, text in enumerate([*texts, ""]):
        fact = _FACT.match(text.strip()) is not None
        if fact or " | " in text:
            run.append(k)
            labelled = labelled or fact
            continue
        if len(run) >= FACT_BOX and labelled:
            out.update(run)
        run, labelled = [], False
    return out


# A signature over a reader's review or comment: a name of up to three words (a username, an
# initial) and, after a dash, what should be a date
_SIGNED = re.compile(r"\A[A-Z][\w'’.-]*+(?:[ \t]++[A-Z][\w'’.-]*+){0,2}+[ \t]++[–—-][ \t]++(.+)")


def page_furniture(line: str) -> bool:
    """A byline ("Written by Wil Harris"), a date and time line ("Sunday, January 29, 2006",
    "March 24, 2006 // 11:17 a.m.", "BDST: 1355 HRS, JUL 24, 2018", "- released: Tuesday 7 May,
    2013"; a list-like page's entry heading is one too), a wire dateline ("EL PASO, Texas -"), a
    picture credit, a release's header ("HRP Media Release") or a listing's count and controls
    ("23 results | Showing 1-8 | Sort by: Newest listed"): part of every article page, about no
    topic."""
    line = line.strip()
    if entry_heading_line(line):
        return True
    parts = ITEM_SEPARATOR.split(line)
    if len(parts) > 1 and all(page_furniture(part) for part in parts if part.strip()):
        return True  # a byline and a time on one line: "By Eleanor Grice | Published 22:41 GMT"
    if len(parts) == 2:
        for place, when in (parts, parts[::-1]):
            if (_VENUE.fullmatch(place.strip()) is not None and _date_line(when)
                    and not page_furniture(place)):
                return True  # an event's place and dates: "Kelton Corn Exchange | Friday 18 –
                # Sunday 20 October 2024"
    if _LISTING_CONTROL.fullmatch(line):
        return True  # "23 results | Showing 1-8 | Sort by: Newest listed", part by part
    signed = _SIGNED.fullmatch(line)
    if signed is not None and _date_line(signed.group(1)):
        return True  # a reader's review signed and dated: "Marcus O. – 11 April 2026"
    if len(line.split()) <= BYLINE_WORDS and (
            _BYLINE.match(line) or _DATELINE.fullmatch(line) or _CREDIT.search(line)
            or _RELEASE.search(line)):
        return True
    if len(line.split()) <= BYLINE_NAMES_WORDS and (
            _BYLINE_NAMES.fullmatch(line) or _ROLE_CREDIT.fullmatch(line)
            or _PRESENTED.fullmatch(line)):
        return True
    return _date_line(line)


def _date_line(line: str) -> bool:
    """A line of a date and time only: "Sunday, January 29, 2006", "Friday 18 – Sunday 20
    October 2024"."""
    tokens = _TOKEN.findall(line)
    return (any(t.isdigit() for t in tokens)
            and all(t.isdigit() or t.lower() in _TIME_WORDS for t in tokens))


_WORD = re.compile(r"[A-Za-z]+")
# Words this common name no topic: "Here's what to know", "What we know so far".
TOPIC_FREE_ZIPF = 5.5


# A short heading over a paragraph of its own names no topic with words this common: "What to
# watch tomorrow" (5.02 is "tomorrow") over the day's coming results.
HEADING_TOPIC_FREE_ZIPF = 5.0


def topic_free(line: str, least: float = TOPIC_FREE_ZIPF) -> bool:
    """Is every word of the line one of the commonest of English (wordfreq Zipf 5.5 or more; an
    apostrophe's "s" aside)? Such a line ("Here's what to know") is about nothing, so it cannot
    be about something else: a subheading, not an injected headline."""
    words = [w for w in _WORD.findall(line) if len(w) > 1]
    return bool(words) and available() and all(zipf(w) >= least for w in words)


def _heading_over_paragraph(texts: Sequence[str], index: int) -> bool:
    """Is line ``index`` a short heading ("What to watch tomorrow") over a paragraph of its own,
    in the commonest words of English? It heads what follows and names nothing else."""
    return heads_paragraph(texts, index) and topic_free(texts[index], HEADING_TOPIC_FREE_ZIPF)


def units(doc: Document) -> list[Span]:
    """Non-blank lines: an injected teaser is a line of its own, and a one-line article (no line
    breaks) has nothing to compare, so it is left alone."""
    out = []
    for span in doc.lines():
        text = doc.text[span.start : span.end]
        if text.strip():
            start = span.start + len(text) - len(text.lstrip())
            out.append(Span(start, span.start + len(text.rstrip())))
    return out


def line_embeddings(doc: Document, ctx: Context, spans: list[Span]) -> npt.NDArray[np.float32]:
    """Each line as the normalised mean of its sentences' embeddings: the sentence embeddings are
    shared with the contradiction rule (computed once per document), which halves the cost."""
    import numpy as np

    from checker.nli.hub import embedder, sentence_embeddings

    sentences = sentence_embeddings(doc, ctx)
    out = np.zeros((len(spans), sentences.shape[1] if len(sentences) else 384), dtype=np.float32)
    missing: list[int] = []
    for row, span in enumerate(spans):
        inside = [k for k, s in enumerate(doc.sentences) if span.start <= s.start < span.end]
        if not inside:
            missing.append(row)
            continue
        mean = sentences[inside].mean(axis=0)
        out[row] = mean / max(float(np.linalg.norm(mean)), 1e-9)
    if missing:
        out[missing] = embedder(ctx).encode(
            [doc.text[spans[r].start : spans[r].end] for r in missing]
        )
    return out


_GOES_ON = frozenset(",;:–—-")
_OPENS_LOWER = re.compile(r"[a-z]{2}")


def _broken_sentence(texts: Sequence[str], index: int) -> bool:
    """Is line ``index`` part of a sentence broken over lines, as subtitles and some transcripts
    are typed ("This time last year, one of these men was the all-powerful Chancellor," /
    ":00:16.:00:38." / "the other just a former Cabinet minister …")? It opens on a lower-case
    letter, or it ends on a comma or a dash, or without a full stop before a line that opens on
    a lower-case letter (lines without letters, such as time codes, passed over), or it or the
    line before it ends on a word no sentence ends on ("perfect for fans of" / "Ask Again, Yes
    and" / "What the Fireflies Knew."). A bulleted
    item that opens on a lower-case letter goes on from the line that leads into the list ("In
    other business, council:" / "• learned that the s…")."""
    text = texts[index].strip()
    if _OPENS_LOWER.match(text.lstrip(BULLETS + " \t")):  # (not "iPhone deals you can't miss")
        return True
    if _ends_open(text) or (index > 0 and _ends_open(texts[index - 1])):
        return True  # hard-wrapped: a blurb's "perfect for fans of" / "Ask Again, Yes and"
    after = next((t.strip() for t in texts[index + 1 :] if any(c.isalpha() for c in t)), "")
    return text[-1:] in _GOES_ON or (text[-1:] not in ".!?…\"”’"
                                     and _OPENS_LOWER.match(after) is not None)


LIST_ITEM_WORDS = 8  # the longest line read as an item of a list introduced with a colon


def _list_item(line: str) -> bool:
    line = line.strip()
    return 0 < len(line.split()) <= LIST_ITEM_WORDS and line[-1:] not in ".!?"


def _introduced_item(texts: Sequence[str], index: int) -> bool:
    """Is line ``index`` an item of a list that a line ending with a colon introduces ("…
    faces the following charges:" / "Operation while Impaired" / "Operation Over 80
    Milligrams")? The items are read with the line that introduces them, not alone."""
    if not _list_item(texts[index]):
        return False
    k = index
    while k > 0 and _list_item(texts[k - 1]):
        k -= 1
    return k > 0 and texts[k - 1].rstrip().endswith(":")


def _answer(texts: Sequence[str], index: int) -> bool:
    """Does line ``index`` answer a question asked on the line before it ("Can you leave your
    house … to work in New Jersey?" / "There are no travel restrictions between …")? A Q&A page
    answers each reader's question on its own topic, in sentences: a headline-like line after a
    question ("6 comments… add one") is still judged."""
    return (index > 0 and texts[index - 1].rstrip().endswith("?")
            and not headline_like(texts[index]))


_QUESTION_LABELS = frozenset(("question", "q"))
_ANSWER_LABELS = frozenset(("answer", "a"))


def _asked(texts: Sequence[str], index: int) -> bool:
    """Is line ``index`` a Q&A page's question ("Question: Can the filters be washed?" over
    "Answer: …")? Each question is about its own thing, however far from the page's topic."""
    line = texts[index].rstrip()
    if not line.endswith("?"):
        return False
    return speaker_label(line) in _QUESTION_LABELS or (
        index + 1 < len(texts) and speaker_label(texts[index + 1]) in _ANSWER_LABELS)


CUT_LINE_WORDS = 25  # a last line this long that stops mid-sentence is a paragraph cut short
_CUT_WORD = re.compile(r"(?<![\w'’-])[B-HJ-Zb-z][ \t]*\Z")  # "… shows m", "… says H"


def _cut_short(texts: Sequence[str], index: int) -> bool:
    """Is line ``index`` the page's last, stopping in the middle of a sentence: a paragraph of
    prose cut off ("… without being charged or losing his s"), as a copy of a page cut after
    so many characters ends, or a draft whose last sentence is still being typed? What it will
    say is not known yet. A short line with no full stop is a headline, and is still judged,
    unless it stops in the middle of a word ("This file photo taken … shows m") or inside a
    quotation it opens ('"At least for no')."""
    if index != len(texts) - 1 or not stops_mid_sentence(texts[index]):
        return False
    line = texts[index].rstrip()
    words = line.split()
    return (len(words) >= CUT_LINE_WORDS or _CUT_WORD.search(line) is not None
            or words[-1] in _CUT_AFTER or _open_quotation(line))


def _open_quotation(line: str) -> bool:
    """Does ``line`` open a quotation that it does not close?"""
    stripped = line.lstrip()
    return stripped[:1] in ('"', "“") and sum(stripped.count(mark) for mark in '"“”') == 1


def _ends_open(line: str) -> bool:
    """Does ``line`` stop on a conjunction, an article or a preposition that only a sentence
    going on below ends on ("… perfect for fans of" / "Ask Again, Yes and")?"""
    words = line.split()
    return bool(words) and words[-1].lower() in _GOES_ON_AFTER


# The words of ``_CUT_AFTER`` that not even a page's furniture ends on: "Make your own free
# website on" is a banner, not a sentence going on
_GOES_ON_AFTER = frozenset(("and", "or", "nor", "but", "of", "the", "a", "an", "to", "for", "with",
                            "by", "from", "at", "than"))


# Words no headline ends on, a sentence cut off does ("… but frankly, some of the")
_CUT_AFTER = frozenset(("the", "a", "an", "of", "to", "and", "or", "but", "with", "for", "in",
                        "on", "at", "by", "from", "that", "which", "who", "his", "her", "their",
                        "its", "our", "your", "my", "is", "are", "was", "were", "be", "has",
                        "have", "had", "as", "than"))


SECTION_HEADING_WORDS = 5  # a section's heading is short: "Foreign Identification"
SECTION_HEADINGS = 3  # short heading lines, each over a paragraph, that make a page of sections


def _section_headings(texts: Sequence[str]) -> set[int]:
    """The short headings of a page set out in sections: lines of up to
    ``SECTION_HEADING_WORDS`` words that do not end as a sentence does, each followed by a
    paragraph (more than twice as many words), three or more on the page ("U.S. Federal
    Identification" / "Foreign Identification" / "Ages 15 to 17", each over what it heads). A
    heading that short names its section in a word or two, which the embedding cannot place
    ("Ages 15 to 17" scores 0.09 against the rest of a page about identity documents); an
    injected teaser is a headline of a sentence's length ("Kendall Jenner and Bad Bunny
    reportedly broke up less than 1 year ago"), which these do not silence."""
    out = {k for k in range(len(texts) - 1) if heads_paragraph(texts, k)}
    return out if len(out) >= SECTION_HEADINGS else set()


def heads_paragraph(texts: Sequence[str], index: int, words: int = SECTION_HEADING_WORDS) -> bool:
    """Is line ``index`` a short heading over a paragraph of its own: up to ``words`` words
    (``SECTION_HEADING_WORDS`` unless given) that do not end as a sentence does, and a next line
    of more than twice as many words?"""
    line = texts[index]
    return (index + 1 < len(texts) and len(line.split()) <= words
            and headline_like(line) and len(texts[index + 1].split()) > 2 * words)


def _bulk(texts: Sequence[str], index: int) -> bool:
    """Does line ``index`` hold half the page's words or more (an archive's one long report
    under a few lines of captions and headings)? It is the article, not something put into it."""
    words = [len(t.split()) for t in texts]
    return 2 * words[index] >= sum(words)


@register
class OffTopicLine(Rule):
    code = "SP110"
    name = "off-topic-line"
    category = "spam"
    severity = Severity.WARNING
    summary = "A line about something else entirely (injected headline or teaser)"
    what = """
Embeds every non-blank line with all-MiniLM-L6-v2 and reports one that is far from the rest of
the article: below an absolute similarity (stricter for a line that ends like a sentence than for
a headline-like line) and well below the article's own typical similarity. Catches injected
headlines with no "See also" prefix. A timeline or a diary (three or more entries headed by a
date: "January 2nd" on a line of its own, "August 29: …") is left alone: each of its entries is
about something else by design. So is a programme listing (three or more entries opening on a
clock and a title: "SAT 05:45 Bodies (m000rcbz)"), and the title over a record of a listing
whose records share three or more field labels ("HGV Class 1 Driver" over "Employer: …",
"Location: …", "Salary: …"). So is the line under an entry's heading on
a live page or a listing with three or more of them ("Lap 58" / "Zhou not happy with
Tsunoda", "16:47" / …, "Saturday" / "We Came As Romans @ Fillmore"): that entry's own title.
And so is a line made only of the commonest words of English ("Here's what to know"), which
names no topic at all, an event's place and dates ("Kelton Corn Exchange | Friday 18 – Sunday 20
October 2024"), a byline such as "Compiled by …", a listing's title over a line of its details
set with separators ("HGV Class 1 Driver" over "Coastline Freight Ltd | Based at Kelton depot",
three or more on the page) and a fact box's short heading ("Summary for the period").
Nor is the answer on the line after a question (a Q&A page answers each question on its own
topic), a line that holds half the page's words or more (the article itself), a short heading
(five words or fewer) over its paragraph on a page with three or more of them, or the
document's first line when it reads as a headline: its own title, however it puns ("Obits with
ah bits")."""
    why = """
Scraped and spun pages splice in unrelated headlines to harvest clicks ("Kendall Jenner and Bad
Bunny reportedly broke up") in the middle of a news story; readers and editors should not have
to spot them by eye."""
    bad_examples = (
        "More than 1,000 U.S. military personnel will leave Niger in the coming months.\n\n"
        "Niger said last month it was scrapping a military agreement with the United States.\n\n"
        "Kendall Jenner and Bad Bunny reportedly broke up less than 1 year ago\n\n"
        "US officials said discussions with Niger on the withdrawal of forces would begin soon.\n\n"
        "Many of the Americans sent to Niger are stationed at a drone base in the desert.",
    )
    good_examples = (
        "More than 1,000 U.S. military personnel will leave Niger in the coming months.\n\n"
        "Niger said last month it was scrapping a military agreement with the United States.\n\n"
        "Thousands of protesters in Niamey called for the withdrawal of US troops.\n\n"
        "US officials said discussions with Niger on the withdrawal of forces would begin soon.\n\n"
        "Many of the Americans sent to Niger are stationed at a drone base in the desert.",
    )
    requires = frozenset({"embeddings"})

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        spans = units(doc)
        if len(spans) < MIN_UNITS:
            return
        texts = [doc.text[s.start : s.end] for s in spans]
        if dated_entries(texts) >= TIMELINE_ENTRIES or schedule_entries(texts) >= TIMELINE_ENTRIES:
            return  # a timeline, a diary or a programme listing: each dated entry is about
            # something else by design
        headings = [k for k, t in enumerate(texts) if entry_heading_line(t)]
        # on a live page or a listing (three or more entry headings: "Lap 58", "16:47",
        # "Saturday"), the line under a heading is that entry's own title or item
        titles = {k + 1 for k in headings} if len(headings) >= TIMELINE_ENTRIES else set()
        bullets = {k for k, t in enumerate(texts)
                   if t[:1] in _BULLETS or _ITEM_LABEL.match(t) is not None}
        digest = len(bullets) >= DIGEST_ITEMS and 2 * len(bullets) >= len(texts)
        facts = fact_box(texts)
        sections = _section_headings(texts)
        # a listing of records ("Employer: …", "Location: …", "Salary: …" under each job): the
        # line over a record's fields is its title
        fields = record_fields(texts)
        records = {k for k in range(len(texts) - 1)
                   if fields and speaker_label(texts[k + 1]) in fields}
        # or over a line of its details set with separators ("HGV Class 1 Driver" over
        # "Coastline Freight Ltd | Based at Kelton depot"), or over a short line (the employer's
        # name and address) over them, three or more on the page
        def titled(k: int) -> bool:
            return (" | " not in texts[k] and 0 < len(texts[k].split()) <= LIST_ITEM_WORDS
                    and texts[k].rstrip()[-1:] not in ".!?:")

        detailed = {k for k in range(len(texts) - 1)
                    if titled(k) and (" | " in texts[k + 1] or (
                        k + 2 < len(texts) and " | " in texts[k + 2] and titled(k + 1)))}
        if len(detailed) >= TIMELINE_ENTRIES:
            records |= detailed
        table = ctx.settings.nli
        defaults = OffTopicParams()
        params = OffTopicParams(
            max_similarity=float(table.get("off-topic-similarity", defaults.max_similarity)),
            max_similarity_sentence=float(
                table.get("off-topic-sentence-similarity", defaults.max_similarity_sentence)
            ),
            min_gap=float(table.get("off-topic-gap", defaults.min_gap)),
        )
        for index, similarity in off_topic(texts, line_embeddings(doc, ctx, spans), params):
            if page_furniture(texts[index]):
                continue  # a dateline ("Sunday, January 29, 2006") or a byline: about no topic
            if index == 0 and headline_like(texts[0]):
                continue  # the document's own title, however it puns ("Obits with ah bits")
            if index < AUTHOR_LINES and _author_line(texts[index].strip()):
                continue  # "Melissa Vergel De Dios" under the headline: the writer's name
            if digest and index in bullets:
                continue  # one item of a news digest: each item is another story by design
            if index in facts:
                continue  # "Country of Origin: USA" among a review's details: a fact box
            if index + 1 in facts and len(texts[index].split()) <= SECTION_HEADING_WORDS:
                continue  # "Summary for the period" over "Homes sold and completed: 12", …:
                # the fact box's heading
            if index in sections:
                continue  # "Ages 15 to 17" over its paragraph, on a page of headed sections
            if index in titles:
                continue  # "Lap 58" / "Zhou not happy with Tsunoda": a live entry's title
            if index in records:
                continue  # "HGV Class 1 Driver" over "Employer: …", "Salary: …": a listing's
                # entry, each about something else by design
            if topic_free(texts[index]) or _heading_over_paragraph(texts, index):
                continue  # "Here's what to know", "What to watch tomorrow": a subheading about
                # nothing in particular
            if _broken_sentence(texts, index):
                continue  # a transcript typed as subtitles: "… was the all-powerful Chancellor,"
            if _cut_short(texts, index):
                continue  # a paragraph cut off, or still being typed: not yet about anything
            if _introduced_item(texts, index):
                continue  # "Operation Over 80 Milligrams" under "… the following charges:"
            if _answer(texts, index) or _asked(texts, index) or _bulk(texts, index):
                continue  # a Q&A page's answer or question; the one long report of an archive's
                # page
            span = spans[index]
            yield self.finding(
                span.start,
                span.end,
                f"this line is unrelated to the rest of the article (similarity {similarity:.2f})",
                confidence=round(min(1.0, max(0.0, 1.0 - similarity)), 3),
            )
