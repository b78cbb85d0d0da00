"""Garble left by machine rewriting: capitalised function words mid-sentence, passages repeated."""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from checker.document import Document, Span
from checker.entries import (
    FIELD_ENTRIES,
    SENTENCE_CASE_LABEL,
    TIMELINE_ENTRIES,
    after_live_marker,
    courtesy,
    field_lines,
    figure_mould,
    schedule_entries,
    speaker_label,
    unlabelled,
)
from checker.findings import Applicability, Edit, Finding, Fix, Related
from checker.language import lowercase_words
from checker.nli.lexicon import load_lexicon
from checker.nli.offtopic import headline_like
from checker.resources import load_lines, load_rows
from checker.rules.base import Context, Rule, register
from checker.rules.garble import function_words
from checker.rules.offtopic import heads_paragraph, page_furniture
from checker.rules.textutil import PhraseList, cased_like, lower_text_words, nonblank_lines

if TYPE_CHECKING:  # (the model's module is imported only where GB104 runs)
    from checker.nli.replaced import WordScore

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


@functools.cache
def _miscased_words() -> frozenset[str]:
    return frozenset(load_lines("garble", "miscased-words.txt"))


@functools.cache
def _candidate_pattern() -> re.Pattern[str]:
    """A capitalised function word before a space: a cheap first pass over the whole text. (The
    space before it is checked by _candidates: a pattern that opened with it would be tried at
    every space of the text, where this one skips to the capitals the words open with.)"""
    forms = sorted({f for w in _miscased_words() for f in (w.capitalize(), w.upper())})
    return re.compile(rf"(?:{'|'.join(forms)})(?= )")


def _candidates(text: str) -> Iterator[int]:
    """Where a candidate follows a lower-case word or a comma ("plans For"), or any word when
    it is in capitals ("Niger THE"): never after the full stop that ends a sentence.

    A candidate is a word between two spaces, " For ", and two never share a space ("a For The
    b": " For " only), as the words were once found together with their spaces."""
    taken = 0  # where the last candidate's trailing space ends
    for m in _candidate_pattern().finditer(text):
        space, end = m.start() - 1, m.end()
        if space < taken or text[space] != " ":
            continue
        taken = end + 1
        before = text[space - 1] if space else "."
        if before.islower() or before == "," or (before.isalnum() and text[end - 1].isupper()
                                                  and text[end - 2].isupper()):
            yield space + 1


# The bound of an age group's name: "Women 70 and Over", "12 and Under".
_AGE_BOUNDS = frozenset(("over", "under", "up", "older", "younger"))
# Written in capitals for emphasis in instructions and notices ("OR", "BUT", "NOT"), and a verb
# stressed in a comment or a quote ("he WAS very bitter", "they HAVE been warned").
_EMPHASIS = frozenset(("and", "or", "but", "not", "nor", "was", "were", "are", "been", "has",
                       "have", "had"))


def _shouting(words: list[re.Match[str]]) -> bool:
    upper = sum(1 for w in words if len(w.group()) > 1 and w.group().isupper())
    return upper * 3 >= len(words)


def _title_follows(text: str, words: list[re.Match[str]], i: int) -> bool:
    """Words after the capitalised one read like the rest of a title: "the Wire", "10th"."""
    if text[words[i - 1].end() : words[i - 1].end() + 2].strip()[:1].isdigit():
        return True
    if words[i].group().lower() in function_words() and i + 1 < len(words):
        return words[i + 1].group()[0].isupper()
    return any(w.group() == words[i - 1].group() for w in words[i : i + 3])


def _miscased(text: str, sentence: Span) -> list[re.Match[str]]:
    """Function words written "For" or "THE" between two lower-case words."""
    words = list(_WORD.finditer(text, sentence.start, sentence.end))
    if len(words) < 6 or _shouting(words):
        return []
    small, flagged = function_words(), _miscased_words()
    hits: list[re.Match[str]] = []
    soft: list[re.Match[str]] = []
    for i, (prev, word, nxt) in enumerate(zip(words, words[1:], words[2:], strict=False)):
        w = word.group()
        if w == w.lower() or (w.lower() not in flagged and w not in _ARTICLES):
            continue  # neither a word GB102 reads nor "A" / "An"
        if not _plainly_after(text, sentence, prev, word):
            continue
        if _soft_miscased(prev, word, nxt, text):
            soft.append(word)
        if w.lower() not in flagged:
            continue
        if (w.lower() in _AGE_BOUNDS and prev.group() == "and"
                and text[max(sentence.start, prev.start() - 4) : prev.start()].rstrip()[-1:]
                .isdigit()):
            continue  # "the Women 70 and Over category", "18 and Under": an age group's name
        if all(x.group().isupper() for x in words[: i + 2]):
            continue  # a lead-in set in capitals, as papers open a letter: "I WAS disappointed"
        n, p = nxt.group(), prev.group()
        if p[0].islower() and n != n.lower() and n.lower() in small:
            run = _capital_run(words, i + 1)
            if run:  # "catalysed By The revelation", "data FROM THE Federal Reserve"
                hits.extend(x for x in run if x.group().lower() in flagged)
                continue
        if not n[0].islower() or (n.lower() in small and not p[0].islower()):
            continue  # "Gone With the Wind", "in The Times": a title in title case
        if not w.isupper() and _title_follows(text, words, i + 2):
            continue  # "director of About a Boy", "Through the Wire": a title
        if w.istitle() and ((n in ("and", "or") and i + 3 < len(words)
                             and words[i + 3].group() == w)
                            or (p in ("and", "or") and i >= 1 and words[i - 1].group() == w)):
            continue  # "the single Over and Over", "On and On": a title that doubles a word
        if w.isupper() and p.lower() in _DETERMINERS:
            continue  # "the ITS project", "an OR nurse": after an article, an acronym
        if w in _TITLE_OPENERS and p.lower() in _names_a_work():
            continue  # "the article The hook of memory", "a film titled The long wait": a
            # title in sentence case after the word that introduces it
        if (w.isupper() and w.lower() not in _EMPHASIS) or (w.istitle() and p[0].islower()):
            hits.append(word)
    if len(hits) == 1 and not soft and _heading_before(text, words, hits[0]):
        return []  # "Caretaker message Before an election, …": a heading run into its text
    if hits or len(soft) >= SOFT_HITS:
        seen = {h.start() for h in hits}
        hits.extend(x for x in soft if x.start() not in seen)
        hits.sort(key=lambda x: x.start())
    return hits


# The articles: before a function word in capitals they make it a name ("the ITS project"),
# and a title in sentence case opens on one ("the article The hook of memory").
_TITLE_OPENERS = frozenset(("The", "A", "An"))
_DETERMINERS = frozenset(w.lower() for w in _TITLE_OPENERS)


@functools.cache
def _names_a_work() -> frozenset[str]:
    """Words after which a capital opens a title: "his column The week in review"."""
    return frozenset(load_lines("garble", "names-a-work.txt"))


SOFT_HITS = 2  # capitals each of which a title could explain, that together make a garble
_ARTICLES = _TITLE_OPENERS - {"The"}  # read by the soft reading only
_LEVELS = frozenset(("level", "levels"))  # "my A levels"


def _plainly_after(text: str, sentence: Span, prev: re.Match[str], word: re.Match[str]) -> bool:
    """Does ``word`` follow ``prev`` mid-sentence, one space between them? Not after a colon, a
    quotation mark, a bracket or a wide gap (where a capital is fine), not after a sentence
    break the splitter missed, not as a live entry's first word ("87 min The game is …")."""
    return (text[prev.end() : word.start()] == " " and text[prev.end() - 1] not in ".!?…"
            and not after_live_marker(text, sentence.start, word.start()))


def _soft_miscased(prev: re.Match[str], word: re.Match[str], nxt: re.Match[str],
                   text: str) -> bool:
    """A capital after a lower-case word that a title or a name could explain, alone: "A" or
    "An" before a lower-case word ("hopes of A speedy recovery"; "my A levels" aside), or a
    preposition or conjunction GB102 reads before a capital or a number ("fell In February",
    "back In England", "rose To 83,000"; not "The", as in "in The Times"). One such word is
    left alone; two in a sentence, or one beside a plain miscased word, are a garble. (The
    word is a capital one that follows ``prev`` plainly: ``_plainly_after``.)"""
    w, p, n = word.group(), prev.group(), nxt.group()
    if not p[0].islower():
        return False
    if w in _ARTICLES:
        return n[0].islower() and n.lower() not in function_words() and n.lower() not in _LEVELS
    if w.lower() == "the" or w.lower() not in _miscased_words() or len(w) < 2:
        return False
    following = text[word.end() : word.end() + 2]  # the next word, or a number ("To 83,000")
    return following[:1] == " " and (following[1:].isupper() or following[1:].isdigit())


def _capital_run(words: list[re.Match[str]], i: int) -> list[re.Match[str]]:
    """The run of capitalised function words from ``words[i]`` on, when it cannot be a title's:
    the word after it is in lower case ("catalysed By The revelation"), or the run has a word in
    capitals and the word after it has not ("data FROM THE Federal Reserve"); only the words
    GB102 reads, so a title of function words stays one ("The Who drummer"). A run before a
    capitalised word is a title's or a name's ("starred in On The Waterfront", "IN The US" is
    left alone: "in The Times" has the same shape). Empty when the run is no garble."""
    flagged = _miscased_words()  # not "Who" or "We": "The Who", "Are We There Yet?"
    k = i
    while k < len(words) and words[k].group() != words[k].group().lower() and (
            words[k].group().lower() in flagged):
        k += 1
    if k >= len(words) or k - i < 2:
        return []
    run, after = words[i:k], words[k].group()
    shouted = any(len(x.group()) > 1 and x.group().isupper() for x in run)
    if after[0].islower() or (shouted and not after.isupper()):
        return run
    return []


def _heading_before(text: str, words: list[re.Match[str]], hit: re.Match[str]) -> bool:
    """Is a lone capitalised word (title case) preceded only by a few words that open a line,
    none of them a function word, as a heading run into the text that follows it prints
    ("Caretaker message Before an election, …", "micropolitics — noun The use of …")?"""
    before = [w for w in words if w.start() < hit.start()]
    if not hit.group().istitle() or not 1 <= len(before) <= HEADING_WORDS:
        return False
    line_start = text.rfind("\n", 0, hit.start()) + 1
    if text[line_start:before[0].start()].strip(" \t-–—•*#>"):
        return False  # the words before do not open the line
    small = function_words()
    return not any(w.group().lower() in small for w in before)


HEADING_WORDS = 3  # words before a lone capitalised one that may be a heading run into the text


@register
class MiscasedFunctionWords(Rule):
    code = "GB102"
    name = "miscased-function-words"
    category = "garble"
    summary = "Function words capitalised mid-sentence (\"present THE government ... For\")"
    what = """
Finds a sentence in which a function word (an article, preposition, conjunction or pronoun,
listed in `rules/garble/function-words.txt`) is written with a capital between two lower-case
words: "will present THE government of Niger with plans For shuttering two bases". Capitals after
a colon, a quotation mark or a bracket, titles in title case ("Gone With the Wind"), shouted
headlines and the first word after a live entry's marker ("87 min The game is petering out",
"On 7th lap The two cars …") are left alone."""
    why = """
Machine-translated and spun copies often keep the capitals of the words they replaced, or
capitalise at random. A reader sees careless copy; an editor sees text that was rewritten by a
machine and needs checking line by line."""
    bad_examples = ("A US delegation will present THE government of Niger with plans For "
                    "shuttering two bases, officials said.",)
    good_examples = ("He said: The talks will go on until the end of the week.",
                     "She starred in Gone With the Wind and later moved to London.",
                     "87 min The game is petering out and the visitors look content.",
                     "The delegation will present the government with plans this week.",
                     "I WAS disappointed to read that the councillors are upsetting traders.")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        candidates = {doc.sentence_index_at(pos) for pos in _candidates(doc.text)}
        for i in sorted(c for c in candidates if c is not None):
            sentence = doc.sentences[i]
            hits = _miscased(doc.text, sentence)
            if not hits:
                continue
            shown = ", ".join(repr(h.group()) for h in hits[:4])
            yield self.finding(hits[0].start(), hits[-1].end(),
                               f"function word(s) capitalised mid-sentence: {shown}")


MIN_REPEATED_WORDS = 10
# A title line (no full stop, some plain words) written again: "Putin appoints new acting
# governors in five regions" over the story and again after the menu. A short sentence written
# twice ("I agree wholeheartedly with Mr Forsyth." in two readers' letters) may be two voices.
MIN_REPEATED_TITLE_WORDS = 6
_PLAIN_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}+")
# A row of a table written as text ("Position | 2nd | 3rd | 4th | 1st |", "Dish | Contains |
# Suitable for"): a results table or a menu repeats its header and its rows by design.
TABLE_CELLS = 2
# A line of figures ("0 runs, 1 hit, 0 errors, 1 left on base. Foxes 1, Gulls 1." under each
# half-inning of a box score): a score's template repeats by design.
FIGURE_SHARE = 0.3
_FIGURE_TOKEN = re.compile(r"\A[£$€]?+\d")


def _figures_line(key: str) -> bool:
    tokens = key.split()
    return bool(tokens) and sum(1 for t in tokens if _FIGURE_TOKEN.match(t)) >= FIGURE_SHARE * len(
        tokens)


def _field_labels(doc: Document) -> Counter[str]:
    """How many lines each sentence-case field label opens ("Closing date: …" under each job)."""
    text = doc.text
    return Counter(m.group() for line in doc.lines()
                   if (m := SENTENCE_CASE_LABEL.match(text, line.start, line.end)) is not None)


# A list item's marker: "• The traffic centre is one of the biggest …" under a photo is the
# caption printed again below it.
_ITEM_MARK = re.compile(r"[•·▪►‣◦*–—-][ \t]+")


# A picture's credit run into its caption when the caption is printed again under the picture
# ("Luke Littler lifts the Premier League trophyPDC", "… under Ten Hag's tutelageCredit: Getty").
_GLUED_CREDIT = re.compile(
    r"(?<=[a-z.])(?:(?:Credit|Photo|Photograph|Picture|Image)s?:[^\n:]{0,40}+"
    r"|Image source, [^\n:,]{1,45}+|[A-Z]{2,6}+)$")


def _normal(text: str) -> str:
    words = " ".join(text.split())
    mark = _ITEM_MARK.match(words)
    words = words[mark.end():] if mark else words
    if words[-1:].isalpha():
        credit = _GLUED_CREDIT.search(words, max(0, len(words) - 60))
        if credit:
            return words[:credit.start()]
    return words


# A title line printed twice in a row, with nothing but a line break between the copies ("Live:
# Sydney FC v Melbourne Victory" over "Live: Sydney FC v Melbourne Victory"): a scraper's
# doubled heading, even when it is all names.
MIN_DOUBLED_TITLE_WORDS = 4


def _line_doubled(text: str, start: int) -> bool:
    """True when the sentence at ``start`` opens a line that repeats the line above it (a blank
    line between allowed): a caption of two sentences printed twice ("… over power cuts. File
    photo." on two lines), which sentence by sentence is not in a row."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[line_start:start].strip():
        return False
    line_end = text.find("\n", start)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    above = ""
    end = line_start - 1  # the newline that closes the line above
    for _ in range(2):  # the line above, or the one above a blank line
        begin = text.rfind("\n", 0, end) + 1
        above = text[begin:end].strip()
        if above or begin == 0:
            break
        end = begin - 1
    return bool(line) and line == above


_HAS_LETTER = re.compile(r"[^\W\d_]")  # a row of marks ("+ + + + + +") is no passage


def _self_doubled_lines(doc: Document) -> list[list[tuple[Span, Span]]]:
    """Lines that are one passage written twice, back to back ("The pound fell after a narrower
    than expected Remain vote in Newcastle.The pound fell after …", "Pound hit after narrow
    Remain win Pound hit after narrow Remain win"), as a page that compares two versions of a
    story, or a scraper that read a block twice, prints them: (the second copy, the first)."""
    found = []
    text = doc.text
    for line in doc.lines():
        raw = text[line.start:line.end]
        body = raw.strip()
        if len(body.split()) < 2 * MIN_DOUBLED_TITLE_WORDS or not _HAS_LETTER.search(body):
            continue  # (a row of marks, "* * * * * * * * * *" between a transcript's parts,
            # is no passage written twice)
        lead = line.start + raw.index(body[0])
        for sep in ("", " "):
            half, odd = divmod(len(body) - len(sep), 2)
            if not odd and body[half:half + len(sep)] == sep and (
                    body[:half] == body[half + len(sep):]):
                found.append([(Span(lead + half + len(sep), lead + len(body)),
                               Span(lead, lead + half))])
                break
    return found


# A transcript's speaker heading: a name, a dash or a comma, and the speaker's role, every word
# capitalised but a few small ones ("Tobias Crane - Executive Vice President and Chief Financial
# Officer", "Priya Venkataraman, Analyst, Halden Securities"), on a line of its own; and so a
# written answer's ("Answered by Richard Oyelowo, Minister for Local Transport").
_SPEAKER_HEADING = re.compile(
    r"\A(?:(?:Answered|Asked|Replied|Written|Reported)[ \t]+by[ \t]+)?+"
    r"(?:[A-Z][\w.'’-]*+[ \t]+){1,3}[A-Z][\w.'’-]*+[ \t]*(?:[-–—,])[ \t]*"
    r"[A-Z][\w.'’&-]*+(?:,?[ \t]+(?:[A-Z&][\w.'’&-]*+|and|of|the|for|at))*+"
    # a written question's: "Asked by Deputy Tobias Rennick (Inish Corran), tabled Wednesday 26
    # February 2025"
    r"|\A(?:Answered|Asked)[ \t]+by[ \t]+(?:[A-Z][\w.'’-]*+[ \t]+){1,3}[A-Z][\w.'’-]*+"
    r"(?:[ \t]*+\([^()\n]{1,40}+\))?+,[ \t]*+(?:tabled|answered|asked)[ \t][^.!?\n]{1,60}+")


# A row of a table written as a label and its figures: "DUP: Current seats- 6, Predicted seats-
# 8" among "Labour: Current seats- 48, Predicted seats- 272", … A table gives its rows again
# when a live page updates it.
TABLE_ROWS = 3


def _row_mould(line: str) -> str | None:
    """A labelled line with figures, its label dropped and its figures put as '#'; else None."""
    if speaker_label(line) is None or not any(ch.isdigit() for ch in line):
        return None
    return figure_mould(unlabelled(line))


def _table_moulds(doc: Document) -> Counter[str]:
    """How many different sentences of the document each labelled row's mould has."""
    rows = {" ".join(doc.text[s.start:s.end].split()) for s in doc.sentences}
    return Counter(m for row in rows if (m := _row_mould(row)) is not None)


SECTION_HEADING_WORDS = 8  # a section's heading over each part of a page ("Questions from
# counsel for the bereaved families"; a sentence of news that lost its full stop is longer)


class _PageLines:
    """A document's non-blank lines, their starts and their texts, each read once when first
    asked (GB103 asks only of a page where a line repeats)."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._spans: list[Span] | None = None
        self._starts: list[int] | None = None
        self._texts: list[str] | None = None

    def spans(self) -> list[Span]:
        if self._spans is None:
            self._spans = list(nonblank_lines(self._doc))
        return self._spans

    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [line.start for line in self.spans()]
        return self._starts

    def texts(self) -> list[str]:
        if self._texts is None:
            self._texts = [self._doc.text[x.start:x.end] for x in self.spans()]
        return self._texts


def _section_heading(doc: Document, page: _PageLines, sentence: Span) -> bool:
    """Is the sentence a line of its own, not the page's first, and a short heading over a
    paragraph of its own (``checker.rules.offtopic.heads_paragraph``)? Then it heads a section,
    and the same heading over another section is the page's design."""
    k = bisect.bisect_right(page.starts(), sentence.start) - 1
    if k <= 0:
        return False
    texts = page.texts()
    if texts[k].strip() != doc.text[sentence.start:sentence.end].strip():
        return False
    return heads_paragraph(texts[k:k + 2], 0, SECTION_HEADING_WORDS)


def _speaker_heading(key: str) -> bool:
    return "\n" not in key and _SPEAKER_HEADING.fullmatch(key.strip()) is not None


def _long_enough(key: str, raw: str, in_a_row: bool) -> bool:
    """Ten words or more; six or more when the copy follows the first right away; or a title
    line of its own (no full stop) of six words or more with a plain word, or of four or more
    when the copy follows the first right away."""
    words = len(key.split())
    if words >= MIN_REPEATED_WORDS:
        return True
    if "\n" in raw.strip():
        return False
    if in_a_row and words >= MIN_REPEATED_TITLE_WORDS:
        return True  # a caption pasted twice in a row ("… power cuts. File photo.")
    if not headline_like(key):
        return False
    if in_a_row and words >= MIN_DOUBLED_TITLE_WORDS:
        return True
    return words >= MIN_REPEATED_TITLE_WORDS and _PLAIN_WORD.search(key) is not None


@register
class RepeatedPassage(Rule):
    code = "GB103"
    name = "repeated-passage"
    category = "garble"
    reads_english = False
    summary = "A sentence or paragraph repeated verbatim further down"
    what = f"""
Finds a sentence of {MIN_REPEATED_WORDS} words or more, or a title line of
{MIN_REPEATED_TITLE_WORDS} or more (no full stop, some plain words), or of
{MIN_DOUBLED_TITLE_WORDS} or more printed twice in a row, that appears word for word
earlier in the same document, and reports the later copy (consecutive repeated sentences as one
finding, such as a whole paragraph pasted twice), with the first copy as related. A document
gets one finding, for the first repeat, saying how many there are. A row of a table written as
text ("Position | 2nd | 3rd | 1st |", "Dish | Contains | Suitable for") is left alone: a
results table repeats its rows by design; so is a field repeated under a listing's entries
("Closing date: Friday 18 October 2024", "Pets considered | Minimum tenancy 12 months"), a
byline or a date line over two entries ("By Jordan B. on March 14, 2024 | Verified
purchaser"), a line mostly of figures (a box score's "0 runs, 1 hit, 0 errors, 1 left on
base.") and a written question's heading ("Asked by Deputy Tobias Rennick
(Inish Corran), tabled …"). A line that is one passage written twice back to back (of
{2 * MIN_DOUBLED_TITLE_WORDS} words or more: "… vote in Newcastle.The pound fell after … vote in
Newcastle.") is a repeat too, as a page comparing two versions of a story or a scraper that read
a block twice prints it."""
    why = """
A paragraph repeated verbatim is the mark of a botched paste or of a scraper that stitched a page
together twice. Readers notice at once, and it hides whether anything was lost in between."""
    bad_examples = ("Troops will leave Niger within months under the plan agreed on Friday in "
                    "Washington.\n\nThe talks were tense.\n\nTroops will leave Niger within "
                    "months under the plan agreed on Friday in Washington.",)
    good_examples = ("Troops will leave Niger within months under the plan agreed on Friday. "
                     "The talks were tense. Troops will leave soon.",)

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        seen: dict[str, tuple[Span, int]] = {}
        runs: list[list[tuple[Span, Span]]] = [[]]  # runs of (repeat, first copy)
        listing: bool | None = None  # do three lines or more open with one label (when asked)
        moulds: Counter[str] | None = None  # the labelled rows' moulds (when asked)
        schedule: bool | None = None  # is the page a schedule (when asked)
        fields: Counter[str] | None = None  # sentence-case field labels' lines (when asked)
        page = _PageLines(doc)  # the non-blank lines, read when asked
        record: list[str | None] | None = None  # each line's record field (when asked)
        for k, sentence in enumerate(doc.sentences):
            raw = doc.text[sentence.start : sentence.end]
            key = _normal(raw)
            first, at = seen.get(key, (None, -1))
            if (first is not None and key.count("|") < TABLE_CELLS and _HAS_LETTER.search(key)
                    and _long_enough(key, raw, in_a_row=at == k - 1
                                     or _line_doubled(doc.text, sentence.start))):
                if listing is None:
                    labels = Counter(speaker_label(doc.text[s.start:s.end])
                                     for s in doc.sentences)
                    labels.pop(None, None)
                    listing = max(labels.values(), default=0) >= FIELD_ENTRIES
                if listing and speaker_label(raw) is not None:
                    continue  # "Return To Normal : Normal traffic conditions are expected
                    # between 05:00 and 05:15 …" under each road of a listing: a field's value
                field = SENTENCE_CASE_LABEL.match(raw.strip())
                if field is not None:
                    fields = _field_labels(doc) if fields is None else fields
                    if fields[field.group()] >= FIELD_ENTRIES:
                        continue  # "Closing date: Friday 18 October 2024" under two of ten jobs
                if record is None:
                    record = field_lines(page.texts())
                at_line = bisect.bisect_right(page.starts(), sentence.start) - 1
                if at_line >= 0 and record[at_line] is not None:
                    continue  # "What it means for you: … Rail replacement buses will run
                    # between Kelton and Hollinbeck, calling at Fellgate." under two weekends of
                    # an engineering works calendar: one field's words in two records
                if _figures_line(key):
                    continue  # a box score's "0 runs, 1 hit, 0 errors, 1 left on base."
                if key[-1:] not in ".!?" and _entry_line(doc.text, sentence, first):
                    continue  # "4 bedroom detached house for sale" inside two listings' blocks,
                    # each between other lines: one line of two entries, not a pasted passage
                if courtesy(raw.strip()):
                    continue  # "It is a pleasure to serve under your chairmanship, Sir
                    # Geoffrey." opening two speeches of a debate: a courtesy, no passage
                if " | " in key and key[-1:] not in ".!?":
                    continue  # "Pets considered | Minimum tenancy 12 months" under two homes
                    # of a listing, "By Jordan B. on March 14, 2024 | Verified purchaser" over
                    # two of one buyer's answers: a row of an entry's details
                if page_furniture(key):
                    continue  # a byline or a date line over two entries ("By Jo Marsh")
                mould = _row_mould(key)
                if mould is not None:
                    moulds = _table_moulds(doc) if moulds is None else moulds
                    if moulds[mould] >= TABLE_ROWS:
                        continue  # "DUP: Current seats- 6, Predicted seats- 8" in a table of
                        # parties given again in a later update: a row, not a pasted passage
                if _speaker_heading(key):
                    continue  # "Tobias Crane - Executive Vice President and Chief Financial
                    # Officer" over each of his answers in a transcript
                if (headline_like(key) and _section_heading(doc, page, sentence)
                        and _section_heading(doc, page, first)):
                    continue  # "Questions from counsel for the bereaved families" over each
                    # witness's part of an inquiry's day: one section's heading
                if schedule is None:
                    schedule = schedule_entries(page.texts()) >= TIMELINE_ENTRIES
                lines = raw.strip().splitlines()
                if schedule and schedule_entries(lines) == len(lines):
                    continue  # "19:00 The Evening Show with Jamie Cross" under each day of a
                    # programme schedule: the same programme on another day
                runs[-1].append((sentence, first))
                continue
            seen.setdefault(key, (sentence, k))
            if runs[-1]:
                runs.append([])
        runs = sorted([r for r in runs if r] + _self_doubled_lines(doc),
                      key=lambda r: r[0][0].start)
        if not runs:
            return
        # One finding per document: a listing or a template page repeats many lines, and one
        # finding says so as well as fifty. It is the first passage of ten words or more where
        # there is one: a scraped label doubled above the story ("Tampilkan postingan …") is
        # page furniture as well (SP102, which takes the finding), and should not hide the
        # story's own headline pasted twice.
        def words(r: list[tuple[Span, Span]]) -> int:
            return sum(len(doc.text[s.start:s.end].split()) for s, _ in r)

        run = next((r for r in runs if words(r) >= MIN_REPEATED_WORDS), runs[0])
        more = f" ({len(runs)} repeated passages in all)" if len(runs) > 1 else ""
        first = run[0][1]
        yield self.finding(run[0][0].start, run[-1][0].end,
                           f"this passage repeats, word for word, an earlier one{more}",
                           related=(Related(first.start, first.end, "first written here"),))


def _neighbours(text: str, span: Span) -> tuple[str, str] | None:
    """The lines just before and after the line of ``span``, when the line stands inside a
    block (neither of them blank), or None."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    if start == 0 or end < 0 or text[start:end].strip() != text[span.start:span.end].strip():
        return None  # the document's first or last line, or a sentence inside a line
    before = text[text.rfind("\n", 0, start - 1) + 1 : start - 1]
    after_end = text.find("\n", end + 1)
    after = text[end + 1 : after_end if after_end >= 0 else len(text)]
    if not before.strip() or not after.strip():
        return None
    return before.strip(), after.strip()


def _entry_line(text: str, span: Span, first: Span) -> bool:
    """Are two copies of a line each inside a block of lines, between other lines each time
    (a listing's "4 bedroom detached house for sale" between one home's price and its address,
    and another's)?"""
    here, there = _neighbours(text, span), _neighbours(text, first)
    return (here is not None and there is not None
            and here[0] != there[0] and here[1] != there[1])


_HAVE = ("have", "has", "had", "having", "'ve", "’ve")
_BE = ("be", "been", "being", "is", "are", "was", "were")


@functools.cache
def _participles() -> tuple[dict[str, str], frozenset[str], re.Pattern[str]]:
    """(simple past -> participle, the forms flagged only after "have", the pattern)."""
    rows = load_rows("garble", "participles.tsv")
    participle = {row[0]: row[1] for row in rows}
    have_only = frozenset(row[0] for row in rows if len(row) > 2 and row[2] == "have")
    words = "|".join(f"[{a[0]}{a[0].upper()}]{a[1:]}" for a in (*_HAVE, *_BE) if a[0].isalpha())
    pattern = re.compile(
        rf"((?<![\w'’])(?:{words})|['’]ve)[ \t]+(?:(?:not|never|already|just|also|since|recently|"
        rf"now|all|both)[ \t]+)?({'|'.join(sorted(participle, key=len, reverse=True))})"
        r"(?![\w'’-])")
    return participle, have_only, pattern


@register
class PastForParticiple(Rule):
    code = "GB106"
    name = "past-for-participle"
    category = "garble"
    summary = "A simple past where the participle belongs (\"have been took\")"
    what = """
Finds an irregular verb's simple past after "have", "has", "had" or a form of "be", where its
participle belongs: "six patients have been took to hospital", "the minister has went", "the
report was wrote". The verbs are listed in `rules/garble/participles.tsv`; a form that is also a
noun or a colloquial use after "be" ("saw mill", "rose", "fell", "bit", "drew", "shook", "the
government was broke") is flagged after "have" only."""
    why = """
A native writer's copy almost never has it: none of the 2,629 BBC and CNN/DM articles does. It is
the mark of a spun or machine-translated copy (a synonym-spun Ebola story had "have been took to
the hospital" three times), or of a draft that needs a careful edit."""
    bad_examples = ("Six more patients have been took to the hospital, officials said.",
                    "The minister has went to Brussels for the talks.")
    good_examples = ("Six more patients have been taken to the hospital, officials said.",
                     "He was saw mill owner Andrew Packard in the series.",
                     "The treasury said the government was broke.",
                     "The minister went to Brussels and took questions.")
    fix_applicability = Applicability.UNSAFE

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        participle, have_only, pattern = _participles()
        if participle.keys().isdisjoint(lowercase_words(doc.text)):
            return  # none of the listed pasts (each a lower-case word the pattern needs) is in
            # the text: most articles' case, told from the word set other rules use too
        for m in pattern.finditer(doc.text):
            aux, past = m.group(1).lower(), m.group(2)
            if past in have_only and aux not in _HAVE:
                continue
            right = participle[past]
            fix = Fix(f"write {right!r}", (Edit(m.start(2), m.end(2), right),),
                      Applicability.UNSAFE) if doc.offsets_are_source else None
            yield self.finding(m.start(2), m.end(2),
                               f"{past!r} after {m.group(1)!r}: the participle is {right!r}",
                               fix=fix)


# A modifier a rewriting tool moved behind its noun into a "that is" clause: "the average that
# is full-day" for "the full-day average", "The records that are previous" for "The previous
# records". Only modifiers that English puts before a noun and (almost) never after "is" count:
# an adjective of that kind (rules/garble/attributive-adjectives.txt) or a number's compound
# ("one-day", "second-most"). Found five times in one spun copy of a news story among the pages
# read in the tenth stop; never in the 2,629 BBC and CNN/DM articles or 1,300 other real pages.
_COMPOUND_HEADS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                   "full", "half", "all", "multi", "single", "second", "third", "record")
_COMPOUND_TAILS = ("day", "week", "month", "year", "hour", "minute", "time", "term", "most",
                   "point", "session", "game", "match", "season", "round", "night")
# After an adjective, a word that makes it predicative after all ("a visit that was chief among
# them", "the risk that is potential to ...").
_PREDICATIVE_NEXT = ("to", "by", "in", "of", "for", "with", "on", "at", "from", "than", "and",
                     "or", "as", "that", "about", "among", "enough")


_THAT_IS = re.compile(r"that[ \t]++(?:is|are|was|were)[ \t]")  # in every match of the pattern


@functools.cache
def _inverted_pattern() -> re.Pattern[str]:
    adjectives = "|".join(sorted(load_lines("garble", "attributive-adjectives.txt"),
                                 key=len, reverse=True))
    return re.compile(
        r"(?<![\w'’-])([a-z][a-z-]*+)[ \t]++that[ \t]++(?:is|are|was|were)[ \t]++"
        rf"((?:{adjectives})(?![\w-])(?![ \t]++(?:{'|'.join(_PREDICATIVE_NEXT)})\b)"
        rf"|(?:{'|'.join(_COMPOUND_HEADS)}|\d+)-(?:{'|'.join(_COMPOUND_TAILS)})s?(?![\w-]))")


@register
class InvertedModifier(Rule):
    code = "GB107"
    name = "inverted-modifier"
    category = "garble"
    summary = ("A modifier moved behind its noun by a rewriting tool "
               "(\"the average that is full-day\")")
    what = """
Finds a noun followed by "that is" (are, was, were) and a modifier that English only puts
before a noun: "the greatest percentage that is one-day", "The records that are previous",
"investors flocked to short-squeeze that is potential". The modifiers are a number's compound
("one-day", "five-year", "second-most") and the adjectives listed in
`rules/garble/attributive-adjectives.txt` ("previous", "former", "potential", "annual"); an
adjective followed by "to", "of", "than" and the like is left alone ("a role that is chief among
them")."""
    why = """
Article spinners turn "the full-day average" into "the average that is full-day" to make a copied
story look new to search engines. No writer does, so the phrase marks a machine-rewritten copy,
whose facts need checking against the original."""
    bad_examples = ("Volume was well above the average that is full-day of 47.3 million shares.",
                    "The records that are previous were a gain of 4% in 2013.")
    good_examples = ("Volume was well above the full-day average of 47.3 million shares.",
                     "The risk that is potential to investors was set out in the report.")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        if "that " not in doc.text or _THAT_IS.search(doc.text) is None:
            return  # (its literal "that" found fast: the full pattern opens on every word)
        for m in _inverted_pattern().finditer(doc.text):
            noun, modifier = m.group(1), m.group(2)
            yield self.finding(m.start(), m.end(),
                               f"{m.group()!r} reads like a rewriting tool's turn of "
                               f"'{modifier} {noun}'")


@functools.cache
def _spun_phrases() -> PhraseList:
    """``rules/garble/spun-phrases.tsv``: each spun phrase with the usual phrase."""
    return PhraseList(load_rows("garble", "spun-phrases.tsv"))


def spun_phrase_patterns() -> tuple[re.Pattern[str], ...]:
    """Every listed phrase's pattern, compiled: for the regex audit, which reads every pattern
    of the code base (a check compiles only the few its text needs)."""
    return _spun_phrases().patterns()


def _cased_match(m: re.Match[str], usual: str) -> str:
    """The usual phrase, cased as the match is (``cased_like``)."""
    return cased_like(m.group(), usual)


# A city's name with "City" put through the synonym table: "Leicester Metropolis", "Swansea
# Metropolis", "Kansas Metropolis" (every club and city the tool meets; the list's own entries,
# such as "New York Metropolis", are found there first).
_CITY_SPUN = re.compile(r"(?<![\w'’.-])([A-Z][a-z]++)[ \t]++Metropolis(?![\w'’-])")


@register
class SpunStockPhrase(Rule):
    code = "GB108"
    name = "spun-stock-phrase"
    category = "garble"
    summary = ("A stock phrase of the news as a rewriting tool renders it "
               "(\"local weather change\" for \"climate change\")")
    what = """
Finds a stock phrase of news writing turned word by word through a synonym table, the way
article-spinning tools turn it: "local weather change" (climate change), "chief government
officer" (chief executive officer), "the Democratic Celebration" (Party), "the Overseas
Workplace" (Foreign Office), "synthetic intelligence", "curiosity charges" (interest rates),
"of the yr", "Leicester Metropolis" (any city's "City"). The phrases are listed in
`rules/garble/spun-phrases.tsv`, each with the phrase it
stands for; only phrases that no writer uses for anything else are listed, and an entry written
with capitals matches only with them ("Home of Representatives", not "a home of
representatives"). A phrase written again is one finding, the other places related. Also a
figure whose first digit the tool wrote as a word ("about two,200 men and women", "two.5
million"). The fix puts the usual phrase or figure back everywhere; it is unsafe, since the copy
around it needs reading too."""
    why = """
Content farms copy a news story through a spinning tool so that search engines take it for a new
one. The tool's synonyms turn the story's fixed names and phrases into nonsense that no writer
would produce and that a spell-checker cannot see, since every word is a word. One such phrase
marks the whole copy as machine-rewritten, and its facts as needing a check against the
original."""
    bad_examples = (
        "The summit will focus on local weather change and the cost of energy.",
        "The bill passed the Home of Representatives on Thursday by 220 votes to 207.",
        "The company employs about two,200 men and women.",
        "Coventry Metropolis host Birmingham Metropolis in the lunchtime kick-off.",
    )
    good_examples = (
        "The summit will focus on climate change and the cost of energy.",
        "The local weather changed quickly on Thursday afternoon, forecasters said.",
        "The company employs about 2,200 people, two, 200 of them in Leeds.",
        "Fritz Lang's Metropolis was shown at The Metropolis cinema.",
    )
    fix_applicability = Applicability.UNSAFE

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        words = lower_text_words(doc.text)[1]
        taken: list[tuple[int, int]] = []  # the listed phrases' places
        for found, usual in _spun_phrases().find(doc.text):
            taken.extend(m.span() for m in found)
            # one phrase written again is one problem: one finding, the others related, one
            # fix for all ("New York Occasions" five times in one copy)
            times = f" ({len(found)} times)" if len(found) > 1 else ""
            yield self._one_for_all(
                doc, found, f"{found[0].group()!r} reads like a rewriting tool's version of "
                f"{usual!r}{times}", usual, functools.partial(_cased_match, usual=usual),
                "the same phrase again")
        yield from self._spelled_digits(doc)
        if "metropolis" in words:
            yield from self._cities(doc, taken)

    def _cities(self, doc: Document, taken: list[tuple[int, int]]) -> Iterator[Finding]:
        """Cities' names with "City" turned into "Metropolis" ("Leicester Metropolis"): one
        finding, the others related, one fix for all (one tool's habit, not one slip each);
        not a place a listed phrase holds."""
        function = function_words()
        found = [m for m in _CITY_SPUN.finditer(doc.text)
                 if m.group(1).lower() not in function  # "The Metropolis"
                 and not any(a < m.end() and m.start() < b for a, b in taken)]
        if not found:
            return
        first, *again = found
        usual = f"{first.group(1)} City"
        others = list(dict.fromkeys(" ".join(m.group().split()) for m in again
                                    if m.group(1) != first.group(1)))
        more = ""
        if again:
            more = f" ({len(found)} times)" if not others else (
                f" (and {len(again)} more: " + ", ".join(repr(o) for o in others[:3])
                + (", …" if len(others) > 3 else "") + ")")
        yield self._one_for_all(
            doc, found, f"{' '.join(first.group().split())!r} reads like a rewriting tool's "
            f"version of {usual!r}{more}", usual, lambda m: f"{m.group(1)} City",
            "a city's name turned the same way")

    def _spelled_digits(self, doc: Document) -> Iterator[Finding]:
        """A figure whose first digit the tool took for a word and wrote out ("about two,200
        men and women" for "about 2,200 people", "two.5 million"): one finding, the others
        related, one fix for all."""
        text = doc.text
        if _DIGIT_HINT.search(text) is None:
            return  # the cheap first pass: a letter, then a comma or a point, then a digit
        digits = _digit_words()
        found = [m for m in _spelled_digit().finditer(text)
                 if not doc.touches_markup(m.start(), m.end())]
        if not found:
            return
        first = found[0]

        def usual(m: re.Match[str]) -> str:
            return f"{digits[m.group(1).lower()]}{m.group(2)}"

        times = f" ({len(found)} figures)" if len(found) > 1 else ""
        yield self._one_for_all(
            doc, found, f"{first.group()!r} reads like a rewriting tool's version of "
            f"{usual(first)!r}, a figure with its first digit written as a word{times}",
            usual(first), usual, "another figure written so")

    def _one_for_all(self, doc: Document, found: list[re.Match[str]], message: str,
                     usual: str, replacement: Callable[[re.Match[str]], str],
                     again: str) -> Finding:
        """One finding for a rendering the tool wrote again and again (a phrase, a figure, a
        city's name), at its first place, the others related (``again``), and one unsafe fix
        for all, "write ``usual``", that puts each place's ``replacement`` in."""
        first, *rest = found
        fix = Fix(f"write {usual!r}", tuple(Edit(m.start(), m.end(), replacement(m))
                                            for m in found),
                  Applicability.UNSAFE) if doc.offsets_are_source else None
        return self.finding(first.start(), first.end(), message,
                            related=tuple(Related(m.start(), m.end(), again) for m in rest),
                            fix=fix)


# A figure's first digit written out as a word by a spinning tool that took "2" in "2,200" for a
# word of its own: "two,200", "two.5 million". No writer puts a comma or a point straight after
# a number word and before digits.
_DIGIT_HINT = re.compile(r"[,.](?<=[A-Za-z][,.])\d")


@functools.cache
def _digit_words() -> dict[str, int]:
    """The number words of one digit ("two": 2), from the lexicon's number words."""
    return load_lexicon().counting_words(9)


@functools.cache
def _spelled_digit() -> re.Pattern[str]:
    words = "|".join(sorted(_digit_words(), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?i:({words}))([,.]\d++)(?![\w'’])")


# Defaults of GB104, chosen on the validation articles of the detector (dev quarter, never
# trained on) with the spun sentences of `checker eval garble`; see models/garble-minilm/README.md.
# A spinner swaps several words of a sentence, so the evidence of all its words is pooled: a
# sentence is reported when the chance that at least one of them was replaced, 1 - prod(1 - p)
# over its scored words, reaches REPLACED_THRESHOLD, and REPLACED_WORDS of them reach WORD_SHOWN.
REPLACED_THRESHOLD = 0.85
REPLACED_WORDS = 1
WORD_SHOWN = 0.5  # a word named in the finding as looking replaced
_SCORED_WORD = re.compile(r"[a-z][a-z'’-]*")
_ORDINALS = frozenset((
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
    "seventieth", "eightieth", "ninetieth", "hundredth", "thousandth", "millionth"))


@functools.cache
def _unjudged() -> frozenset[str]:
    """Words GB104 never judges besides names: function words, and numbers spelled out
    ("four good chances", "his third cap"), which a spinner leaves as they are."""
    return function_words() | frozenset(load_lexicon().number_words) | _ORDINALS


def _replaced_params(ctx: Context) -> tuple[float, int]:
    table = ctx.settings.nli
    return (float(table.get("garble-threshold", REPLACED_THRESHOLD)),
            int(table.get("garble-words", REPLACED_WORDS)))


@register
class ReplacedWords(Rule):
    code = "GB104"
    name = "replaced-words"
    category = "garble"
    summary = "Words that look put in by a rewriting tool (\"the Islamic State team\")"
    what = """
Scores every word of each sentence (6 to 80 words) with the project's replaced-word detector
(models/garble-minilm: the MiniLM encoder with a token-classification head, trained on real news
sentences spun with near-synonyms), then asks a trigram language model for a second opinion on
each suspect word: does it fit the words around it, and would a near synonym fit them better?
A combiner joins both into one probability per word. A spinner swaps several words of a
sentence, so the sentence is reported when its words together make a replacement likely (the
chance that at least one was replaced is 0.85 or more; `[nli] garble-threshold`) and at least
one lower-case content word looks replaced on its own (0.5 or more; `garble-words` for how many
such words a sentence needs). The finding points at the most suspicious word, with the others
as related and each word's probability in the message. Where a near synonym fits a word's place
far better, the message names it ("perhaps 'said'"), and for the top word it is offered as an
unsafe fix: most often the word the spinner replaced (three offers in four on the evaluation's
held-out spins), but a guess. Names, numbers and function words
are not judged. Opt-in (`--select GB104` or `extend-select`): on held-out articles it finds only a
minority of spun sentences, at a precision too low to be on by default (figures in the model
card)."""
    why = """
Content farms run copied news through "spinning" tools that swap words for thesaurus entries
without reading the sentence: "officials" becomes "civil servants", "last year" "final calendar
year", "the Islamic State group" "the Islamic State team". The result reads almost right, and
hides that the copy was machine-rewritten: its facts need checking against the original."""
    bad_examples = (
        "The Islamic State team claimed obligation for the assault, civil servants "
        "mentioned on Tuesday.",
    )
    good_examples = (
        "The Islamic State group claimed responsibility for the attack, officials said on "
        "Tuesday.",
    )
    requires = frozenset({"garble"})
    enabled_by_default = False
    fix_applicability = Applicability.UNSAFE

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        for span, text, hits in replaced_words(doc, ctx):
            top = hits[0]
            shown = ", ".join(f"{text[w.start:w.end]!r} ({_score(w)})" for w in hits[:5])
            fix = None
            if top.instead and doc.offsets_are_source:
                # the near synonym that fits the place best: most often the word the spinner
                # replaced, but a guess ("previous" for "subsequent" where "next" was written)
                fix = Fix(f"write {top.instead!r}", (Edit(span.start + top.start,
                                                         span.start + top.end, top.instead),),
                          Applicability.UNSAFE)
            yield self.finding(
                span.start + top.start, span.start + top.end,
                f"word(s) that look put in by a rewriting tool: {shown}",
                confidence=round(top.probability, 3), fix=fix,
                related=tuple(Related(span.start + w.start, span.start + w.end,
                                      f"also looks replaced ({_score(w)})")
                              for w in hits[1:5]))


def _score(word: WordScore) -> str:
    """A word's probability, and the near synonym that fits its place, if one does."""
    if word.instead:
        return f"{word.probability:.2f}, perhaps {word.instead!r}"
    return f"{word.probability:.2f}"


def _pooled(words: Sequence[WordScore]) -> float:
    """The chance that at least one of the words was replaced, each judged on its own."""
    return 1.0 - math.prod(1.0 - w.probability for w in words)


def scored_sentences(doc: Document) -> list[Span]:
    """The sentences the replaced-word detector reads: 6 to 80 words."""
    return [s for s in doc.sentences if 6 <= len(doc.text[s.start : s.end].split()) <= 80]


def replaced_words(doc: Document, ctx: Context) -> list[tuple[Span, str, list[Any]]]:
    """The sentences with enough words that look replaced (``[nli] garble-threshold`` and
    ``garble-words``), each with its text and those words, most suspicious first. Scored once
    per document and context, for GB104 and GB105 both."""
    key = f"garble.replaced:{id(doc)}"
    cached: list[tuple[Span, str, list[Any]]] | None = ctx.cache.get(key)
    if cached is not None:
        return cached
    from checker.nli.hub import replaced_word_model

    spans = scored_sentences(doc)
    out: list[tuple[Span, str, list[Any]]] = []
    if spans:
        threshold, needed = _replaced_params(ctx)
        small = _unjudged()

        def candidate(word: str) -> bool:
            return _SCORED_WORD.fullmatch(word) is not None and word not in small

        texts = [doc.text[s.start : s.end] for s in spans]
        for span, text, words in zip(spans, texts,
                                     replaced_word_model(ctx).combined(texts, candidate),
                                     strict=True):
            hits = sorted((w for w in words if w.probability >= WORD_SHOWN),
                          key=lambda w: -w.probability)
            if len(hits) >= max(1, needed) and _pooled(words) >= threshold:
                out.append((span, text, hits))
    ctx.cache[key] = out
    return out


# A copy is taken for machine-rewritten when at least this many of its scored sentences, and
# this share of them, have a word that looks replaced (GB105). Chosen on the 406 CNN/DM
# articles (1 flagged) and 13 real spun pages (5 flagged); checked on the 2,223 BBC articles.
SPUN_SENTENCES = 2
SPUN_SHARE = 0.15


@register
class SpunCopy(Rule):
    code = "GB105"
    name = "spun-copy"
    category = "garble"
    summary = "A copy in which many sentences have words put in by a rewriting tool"
    what = """
One finding for the whole document when at least 2 of its sentences, and at least 15% of them,
are ones GB104 reports as having words put in by a rewriting tool (the same detector, language
model and thresholds). It points at the first such sentence, with the most suspicious
word of each of the others as related. A single odd word is GB104's to report; a copy rewritten
throughout is this rule's. Opt-in (`--select GB105` or `extend-select`), since it runs the
detector on every sentence (figures in models/garble-minilm/README.md, "GB105")."""
    why = """
Content farms publish news run through a synonym spinner: most sentences get one or two words
swapped ("a caller inaugural", "the Islamic State team", "civil servants mentioned"). Each word
alone could be a writer's choice; many sentences of one copy with such words mean the copy was
machine-rewritten, and its facts need checking against the original."""
    bad_examples = (
        "The harbour authority mentioned on Tuesday that the ferry assistance would resume "
        "subsequent week.\n\n"
        "The rebel team claimed obligation for the assault on the harbour, civil servants "
        "mentioned.\n\n"
        "The mayor mentioned the metropolis would invest two million kilos in the new bridge "
        "subsequent calendar year.\n\n"
        "Tickets go on sale on Friday.",
    )
    good_examples = (
        "The harbour authority said on Tuesday that the ferry service would resume next "
        "week.\n\n"
        "The rebel group claimed responsibility for the attack on the harbour, officials "
        "said.\n\n"
        "The mayor said the city would invest two million pounds in the new bridge next "
        "year.\n\n"
        "Tickets go on sale on Friday.",
    )
    requires = frozenset({"garble"})
    enabled_by_default = False

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        flagged = replaced_words(doc, ctx)
        scored = len(scored_sentences(doc))
        if len(flagged) < SPUN_SENTENCES or len(flagged) < SPUN_SHARE * scored:
            return
        span = flagged[0][0]
        words = ", ".join(repr(t[h[0].start:h[0].end]) for _, t, h in flagged[:5])
        # the whole first such sentence: the document's verdict, not GB104's word again
        yield self.finding(
            span.start, span.end,
            f"{len(flagged)} of {scored} sentences have words that look put in by a rewriting "
            f"tool ({words}): this copy looks machine-rewritten",
            confidence=round(len(flagged) / scored, 3),
            related=tuple(Related(sp.start + h[0].start, sp.start + h[0].end,
                                  f"also looks replaced ({h[0].probability:.2f})")
                          for sp, _, h in flagged[1:20]))
