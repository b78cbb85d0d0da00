"""Spam: injected related-link lines, page boilerplate and promotional or tracking links.

The phrase lists live in ``rules/spam/`` as data; this module holds only the matching logic.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from checker.document import Document, Span, nonblank_line_spans
from checker.findings import Applicability, Edit, Finding, Fix, Related, Severity
from checker.resources import load_lines, load_toml
from checker.rules.base import Context, Rule, register
from checker.rules.screen import Screen, required_substrings
from checker.rules.textutil import ITEM_SEPARATOR, count_words, line_removal, nonblank_lines

MAX_TEASER_WORDS = 25
MIN_TEASER_WORDS = 3  # after a one-word opener ("Watch: Cars pile up …")
# but a links block's heading may be the opener and one such word ("Trending-News")
_HEADING_NOUNS = frozenset(("news", "stories", "now", "posts", "articles", "videos", "reads"))
MAX_BOILERPLATE_WORDS = 22
LONG_BOILERPLATE_WORDS = 40  # a line of two boilerplate phrases may run so long
MAX_BETWEEN_WORDS = 3  # a label between two lines of one form, which does not end the form
_LIST_MARKS = " \t\u00a0•·▪◦‣*>"  # what may stand before a line's first word in a list
_SEPARATOR = r"(?:[ \t\u00a0]*[:|»>–—-]+|[ \t\u00a0]{2,}|\u00a0)"


@functools.cache
def _prefix_pattern() -> re.Pattern[str]:
    prefixes = sorted(load_lines("spam", "related-prefixes.txt"), key=len, reverse=True)
    multi = [re.escape(p.rstrip(":")) for p in prefixes if " " in p.strip()]
    single = [re.escape(p.rstrip(":")) for p in prefixes if " " not in p.strip()]
    # Several-word openers ("see also", "you may also like") need only a space after them;
    # one-word openers ("read", "watch") need a separator so that prose is not mistaken.
    # a several-word opener may follow the site's address ("CTVNews.ca Top Stories")
    site = r"(?:[\w-]++\.(?:com|ca|co\.uk|org|net|au|in|ng|ie|co|nz|za)[ \t]++)?+"
    return re.compile(
        rf"^[\W_]{{0,3}}(?:{site}(?:{'|'.join(multi)})(?:{_SEPARATOR}|[ \t\u00a0]+(?=[\"“‘'A-Z0-9])"
        rf"|[\s:.!…»›]*$)"  # or the opener alone on its line: the heading of a links block
        rf"|(?:{'|'.join(single)}){_SEPARATOR}"
        # or a one-word opener in capitals, its capitals the separator ("RELATED Experts urge …")
        rf"|(?-i:(?:{'|'.join(w.upper() for w in single)})[ \t\u00a0]+(?=[\"“‘'A-Z0-9])))",
        re.IGNORECASE,
    )


# A writer's note under an article: "Chris is a staff writer for Murdok.", "Lucas Nolan is a
# reporter for Breitbart News covering …" (read by SP102 on a page's last line only).
_AUTHOR_BIO = re.compile(
    r"(?<![\w.'’-])(?-i:[A-Z])[\w.'’-]++(?:[ \t]++(?-i:[A-Z])[\w.'’-]++){0,3}+ is an? "
    r"(?:staff |senior |freelance |contributing |political |business |health |tech |"
    r"technology |sports? |general |news |investigative |award-winning )?+(?:reporter|writer|"
    r"correspondent|"
    r"journalist|editor|contributor|columnist|producer|blogger)(?: (?:for|at|with|on) |\.?$)",
    re.IGNORECASE)
# ... but a writer the story is about: "who was detained", "was arrested".
_BIO_STORY = re.compile(r"\b(?:who|was|were|has been|had been|died|detained|arrested|killed)\b")
MAX_BIO_WORDS = 40


def _after_a_sentence(line: str, m: re.Match[str]) -> bool:
    """Does the furniture ``m`` end ``line`` and stand after a sentence's end (a caption's
    credit: "… in the federal election. Photograph: Peter Parks/AFP/Getty Images")?"""
    return (not line[m.end() :].strip() and m.start() >= 2
            and line[m.start() - 2 : m.start()] in (". ", "! ", "? ", '" ', "” "))


@functools.cache
def _boilerplate_entries() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """``rules/spam/boilerplate.txt`` by kind: the plain phrases, the line patterns (``re:``, a
    few need anchors or classes) and the markers run into a paragraph (``inline:``)."""
    lines = load_lines("spam", "boilerplate.txt")
    return (tuple(p for p in lines if not p.startswith(("re:", "inline:"))),
            tuple(p[len("re:"):] for p in lines if p.startswith("re:")),
            tuple(p[len("inline:"):] for p in lines if p.startswith("inline:")))


@functools.cache
def _boilerplate_pattern() -> re.Pattern[str]:
    phrases, patterns, _ = _boilerplate_entries()
    longest_first = sorted(phrases, key=len, reverse=True)
    literal = r"(?<!\w)(?:" + "|".join(re.escape(p) for p in longest_first) + r")(?![\w])"
    return re.compile("|".join([literal, *patterns]), re.IGNORECASE)


@functools.cache
def _interface_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(every word of a page's controls, the words that make a line of several such words a
    control's label, the words that do so alone)."""
    lines = load_lines("spam", "interface-words.txt")
    alone = frozenset(w[1:] for w in lines if w.startswith("!"))
    marked = alone | {w[1:] for w in lines if w.startswith("+")}
    return frozenset(w.lstrip("!+") for w in lines), marked, alone


MAX_INTERFACE_WORDS = 7
_LETTER_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _interface_line(text: str) -> bool:
    """A control's label copied into the body: a short line of only the words of a page's
    controls, one of them a word only controls use ("Menu Close", "Sort by:", "2 COMMENTS",
    "View new posts"); not a sentence (no full stop, question or exclamation mark at its end)."""
    stripped = text.strip()
    if stripped[-1:] in ".!?" and not stripped.endswith("..."):
        return False
    if any(ch in stripped for ch in "_{}[]<>"):
        return False  # "{{ related_posts }}": a template's tag, SP105's
    words = [w.lower().rstrip("'’") for w in _LETTER_WORD.findall(stripped)]
    if not words or len(words) > MAX_INTERFACE_WORDS:
        return False
    every, marked, alone = _interface_words()
    if any(w not in every for w in words):
        return False
    if len(words) == 2 and words[0] == "the":
        return False  # a column's heading naming its part: "THE REPLY", "The Comment"
    return words[0] in alone if len(words) == 1 else any(w in marked for w in words)


# A site's menu bar copied as one line: "AustLII Home | Databases | WorldLII | Search |
# Feedback". Four items or more between pipes, each a short label (no sentence's end), two of
# them made only of the words of a page's controls ("Search", "Feedback").
MIN_MENU_ITEMS = 4
MAX_MENU_ITEM_WORDS = 3
MIN_MENU_CONTROLS = 2
MAX_MENU_WORDS = 30


def _menu_bar(text: str) -> bool:
    """Is the line a menu bar of labels between pipes (``MIN_MENU_ITEMS`` or more)?"""
    if text.count("|") < MIN_MENU_ITEMS - 1:
        return False
    items = [item.strip() for item in text.split("|")]
    items = [item for item in items if item]
    if len(items) < MIN_MENU_ITEMS:
        return False
    every = _interface_words()[0]
    controls = 0
    for item in items:
        words = [w.lower() for w in _LETTER_WORD.findall(item)]
        if len(item.split()) > MAX_MENU_ITEM_WORDS or item[-1] in ".!?,;":
            return False
        controls += bool(words) and all(w in every for w in words)
    return controls >= MIN_MENU_CONTROLS


# A short line in another script in a text in Latin letters: a share bar's or a site menu's
# label left in by a scraper ("Мой мир", "完整原文").
MAX_FOREIGN_WORDS = 6
MAX_FOREIGN_LATIN = 0.2
MIN_LATIN_TEXT = 0.9


def _latin_share(text: str) -> float:
    """The share of the letters of ``text`` that are Latin (1.0 when it has none)."""
    letters = latin = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            latin += ch < "\u0250"  # Basic Latin to Latin Extended-B, IPA excluded
    return latin / letters if letters else 1.0


def _words(text: str) -> int:
    """Words, not the dots of a leader ("Next page . . . . Contents . . . ."), which would make
    a short line of links look long."""
    return count_words(text, _LEADER_DOTS)


_LEADER_DOTS = ".…·•|"


def _removal_edit(doc: Document, lines: list[Span]) -> Edit:
    """One edit that removes a run of lines (with only blank lines between them)."""
    ranges = [line_removal(doc, line) for line in lines]
    return Edit(min(a for a, _ in ranges), max(b for _, b in ranges), "")


def _runs(doc: Document, lines: list[Span]) -> list[list[Span]]:
    """``lines`` cut into runs with only blank lines between them."""
    runs: list[list[Span]] = []
    for line in lines:
        if runs and not doc.text[runs[-1][-1].end : line.start].strip():
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _removal_edits(doc: Document, lines: list[Span]) -> list[Edit]:
    """Edits that remove ``lines``: one for each run of them, so that a line between two of
    them that is not among them stays."""
    return [_removal_edit(doc, run) for run in _runs(doc, lines)]


def _removal_fix(doc: Document, lines: list[Span], what: str) -> Fix | None:
    """A fix that removes lines, where offsets point into the file."""
    if not doc.offsets_are_source:
        return None
    noun = "line" if len(lines) == 1 else "lines"
    return Fix(f"remove the {what} {noun}", tuple(_removal_edits(doc, lines)),
               Applicability.SAFE)


# Under a links block's heading ("Related posts", "Most Read", "You May Like"), the teasers it
# lists: short lines, headlines and the site's name or a date between them ("Germany on track to
# partly legalise cannabis …", "TheWorldsNews"), up to the first sentence of prose.
MAX_BLOCK_LINES = 12
MAX_LINK_WORDS = 20
MAX_SENTENCE_LINK_WORDS = 6


# A teaser card's age ("2 weeks ago"): the sentence above it is the card's standfirst, not prose
# of the story ("LETTER | Where will the British monarchy be …" / "Depending on one's vantage
# point, …" / "Ideas" / "2 weeks ago").
_CARD_AGE = re.compile(
    r"(?<!\d)\d++[ \t]++(?:second|minute|min|hour|hr|day|week|month|year)s?[ \t]++ago\W*$",
    re.IGNORECASE)
CARD_AGE_WITHIN = 3  # lines after a card's title or standfirst down to its age


def _links_under(doc: Document, following: list[Span],
                 pattern: re.Pattern[str]) -> list[Span]:
    out: list[Span] = []
    texts = [doc.text[line.start : line.end].strip() for line in following]
    for k, (line, text) in enumerate(zip(following, texts, strict=True)):
        words = _words(text)
        opener = pattern.match(text)
        if opener is not None:
            if not out and not text[opener.end():].strip(" \t:.!»>"):
                out.append(line)  # a second heading right under the first ("Keep Reading" /
                continue  # "Most Popular"): one block of links, one finding
            break
        # (a sentence's end inside a closing quotation mark too: "“It worked and we went on to
        # win the game.”" under a "READ MORE" dropped into a quotation is the story's)
        prose = words > MAX_LINK_WORDS or (text.rstrip("”\"’'")[-1:] in (".", "!", "?")
                                           and words > MAX_SENTENCE_LINK_WORDS)
        if prose and not any(_CARD_AGE.match(t) for t in texts[k + 1 : k + 1 + CARD_AGE_WITHIN]):
            break  # prose of the story, not a card's standfirst
        out.append(line)
    return out


# A bullet line alone among paragraphs: "  • EU agrees first law on violence against women"
_BULLET_LINE = re.compile(r"\A[ \t\u00a0]*+[•▪◦‣*-][ \t\u00a0]++(\S.*)")
_ANY_DIGIT = re.compile(r"\d")
_ANY_LOWER = re.compile(r"[a-z]")
MAX_LONE_BULLETS = 2  # bullet lines in a text of prose; more make a list
MIN_LONE_BULLET_WORDS, MAX_LONE_BULLET_WORDS = 4, 20
PROSE_LINE_WORDS = 12  # a paragraph of prose: this many words at least, and a sentence's end


MAX_TEASER_LIST_WORDS = 80  # a line of several teasers, each no longer than one


def _teaser_list(text: str) -> bool:
    """A line of several teasers set with separators, each of a teaser's length, longer than
    one teaser may be ("You may also like: Soap star unrecognisable after shock makeover | 12
    celebrity couples who secretly split this year | Why doctors are begging …")."""
    if "|" not in text and "·" not in text and "•" not in text:
        return False  # no separator, one item (found without the pattern's scan of the line)
    items = ITEM_SEPARATOR.split(text)
    return (len(items) >= 2 and _words(text) <= MAX_TEASER_LIST_WORDS
            and all(_words(item) <= MAX_TEASER_WORDS for item in items))


def _prose_line(text: str) -> bool:
    stripped = text.strip()
    return (_words(stripped) >= PROSE_LINE_WORDS and stripped[-1:] in ".!?\"”’'"
            and not _BULLET_LINE.match(text))


# Openers that also head a page's own section: a listings page's "EDITOR'S PICK" or "DON'T
# MISS" over a paragraph recommending one of its own entries.
_SECTION_OPENERS = frozenset(("editor's pick", "editors' picks", "editors pick", "don't miss",
                              "do not miss", "must read", "must-read", "recommended"))


def _own_section(heading: str, following: list[Span], doc: Document) -> bool:
    """Is a recommendation's heading alone on its line (``_SECTION_OPENERS``), with no link
    under it but a paragraph of prose, the heading of the page's own section?"""
    opener = " ".join(heading.strip(" \t\u00a0:.!»>•*-").replace("’", "'").lower().split())
    return (opener in _SECTION_OPENERS and bool(following)
            and _prose_line(doc.text[following[0].start : following[0].end]))


# A page's own look ahead: "Up next: The Mariners visit Lakeport on Friday." under a game's
# report tells the teams' next games in sentences that name the page's own teams.
_PREVIEW_OPENERS = frozenset(("up next", "next up", "coming up", "next"))
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]{2,}+")


def _own_preview(doc: Document, line: Span, m: re.Match[str]) -> bool:
    """Is the line a look ahead in sentences of prose (``_PREVIEW_OPENERS``) that names a
    team, a person or a place the rest of the page names too?"""
    text = doc.text[line.start : line.end]
    opener = " ".join(m.group().strip(" \t\u00a0:|»>–—-").lower().split())
    rest = text[m.end():].strip()
    if opener not in _PREVIEW_OPENERS or not rest.endswith((".", "!")):
        return False
    names = {w for w in _CAPITALISED_WORD.findall(rest) if w not in _OPENING_WORDS}
    if not names:
        return False
    elsewhere = set(_CAPITALISED_WORD.findall(doc.text, 0, line.start))
    elsewhere.update(_CAPITALISED_WORD.findall(doc.text, line.end))
    return not names.isdisjoint(elsewhere)


_OPENING_WORDS = frozenset(("The", "This", "That", "These", "Those", "Our", "Their", "His",
                            "Her", "Its", "Next", "Today", "Tomorrow", "Tonight"))


# A reaction widget's buttons, one a line under its question ("What's Your Reaction?" / "Like"
# / "Love" / "Haha" …): part of the widget. (All on one line, the list's own pattern finds them.)
_REACTIONS = frozenset(("like", "dislike", "love", "haha", "wow", "sad", "angry", "funny",
                        "happy", "cry", "confused", "wink", "excited", "sleepy", "upvote",
                        "downvote", "omg", "lol", "wtf", "win", "fail", "cute", "scary", "geeky"))
MAX_BUTTONS = 12


def _lines_after(doc: Document, end: int) -> Iterator[Span]:
    """The non-blank lines after the line that ``end`` is on, trimmed."""
    cut = doc.text.find("\n", end)
    if cut < 0:
        return
    for line in nonblank_line_spans(doc.text[cut + 1 :]):
        yield Span(cut + 1 + line.start, cut + 1 + line.end)


def _with_buttons(doc: Document, block: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """The block, with the buttons under it when it ends on a reaction widget's question."""
    last, phrase = block[-1]
    if "reaction" not in phrase.lower():
        return block
    out = list(block)
    for line in itertools.islice(_lines_after(doc, last.end), MAX_BUTTONS):
        word = doc.text[line.start : line.end]
        if word.lower() not in _REACTIONS:
            break
        out.append((line, word))
    return out


# Furniture's labels that also head a section of a page's own: a report's "Headlines" over
# the paragraph that gives them (a news site's menu item "Headlines" stands among other menu
# lines or over a link's headline), a notice's "Have your say" over how to comment on it (a
# comment form's stands over the form's fields).
_SECTION_LABELS = frozenset(("headlines", "have your say"))


# A page's own "Contact us" heads the ways to reach it: "Phone: 01632 960 418", "Email: …",
# "Online: use the form …" (a site's footer link stands among other links).
_CONTACT_LABELS = frozenset(("contact us",))
_CONTACT_DETAIL = re.compile(
    r"[ \t•*-]{0,4}+(?i:phone|telephone|tel|textphone|email|e-mail|online|post|by post|write to"
    r"|address|call|in person|opening hours)[ \t]*+[:\-–]")


def _own_heading(doc: Document, block: list[tuple[Span, str]]) -> bool:
    """Is a block of boilerplate one section label (``_SECTION_LABELS``) alone on its line,
    right over a paragraph of prose, or "Contact us" right over a way to reach the page's
    own service ("Online: use the garden waste form …", "Phone: 01632 960 418")?"""
    if len(block) != 1:
        return False
    label = block[0][1].strip(" \t:.!").lower()
    if label not in _SECTION_LABELS and label not in _CONTACT_LABELS:
        return False
    following = next(_lines_after(doc, block[0][0].end), None)
    if following is None:
        return False
    line = doc.text[following.start : following.end]
    if label in _CONTACT_LABELS:
        return _CONTACT_DETAIL.match(line) is not None
    return _prose_line(line)


TABLE_HEADING_WORDS = 3  # "Scorecard", "Full results": a table's title is this short


def _table_heading(doc: Document, block: list[tuple[Span, str]]) -> bool:
    """Is a block of boilerplate one line right over a row of a table (two separators or more),
    and either the table's own header, with as many cells as the row ("Home | Location | Beds |
    … | Overall" over a care home's row), or a title of up to ``TABLE_HEADING_WORDS`` words
    ("Scorecard" over "Hole | Par | Yards | Score")? A breadcrumb or a site's tab stands over
    the page's headline, not over its table."""
    if len(block) != 1:
        return False
    following = next(_lines_after(doc, block[0][0].end), None)
    if following is None:
        return False
    row = doc.text[following.start : following.end]
    if row.count("|") < 2:
        return False
    line = doc.text[block[0][0].start : block[0][0].end]
    if "|" in line:
        return line.strip().strip("|").count("|") == row.strip().strip("|").count("|")
    return len(line.split()) <= TABLE_HEADING_WORDS


@register
class InjectedRelatedLink(Rule):
    code = "SP101"
    name = "injected-related-link"
    category = "spam"
    summary = "A \"See also\" / \"Read more\" teaser line injected into the body"
    what = """
Flags a short line that opens like a related-article teaser: "See also", "Read more:",
"READ MORE:", "Related:", "You may also like", "Don't miss" and the other openers listed in
`rules/spam/related-prefixes.txt`. One-word openers ("Read", "Watch") count only when a colon,
dash, pipe or arrow follows, so prose that starts with those words is left alone. An opener on
a line of its own is the heading of a links block ("Related posts", "Most Read"): the short
lines under it, up to the first sentence of prose, are its teasers and part of the finding, and
of the fix that removes it; a recommendation's heading ("EDITOR'S PICK", "Don't miss") with no
link under it but a paragraph of prose heads the page's own section, and is left alone. A line
of several teasers set with separators ("|", "·") may run
longer than one teaser, each of its items a teaser's length. A block of several links with no
paragraph of prose after it
("Related: Full leaderboard | Round one report | Photo gallery" under the story) is the site's
own links, reported at information level; a single teaser, or one in the body, is a warning."""
    why = """
Scraped and spun copies carry the host site's teaser links into the text. They are not part of
the story, mislead readers about what the article says, and often advertise something unrelated."""
    bad_examples = ("See also  Kendall Jenner and Bad Bunny reportedly broke up",
                    "READ MORE: Ten things you did not know about the budget")
    good_examples = ("Read the statement in full on the ministry's website, officials said.",
                     "See you in court, the lawyer told reporters after the hearing.")
    fix_applicability = Applicability.SAFE

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        pattern = _prefix_pattern()
        lines = list(nonblank_lines(doc))
        skip_to = 0  # the lines of a links block already reported
        reported: set[int] = set()
        for n, line in enumerate(lines):
            text = doc.text[line.start : line.end]
            if n < skip_to or (_words(text) > MAX_TEASER_WORDS and not _teaser_list(text)):
                continue
            m = pattern.match(text)
            if m is None:
                continue
            rest = text[m.end():].split()
            if rest and len(rest) < MIN_TEASER_WORDS and " " not in m.group().strip(
                    " \t\u00a0:|»>–—-") and rest[-1].lower().strip(":.") not in _HEADING_NOUNS:
                continue  # "Promoted: Worcestershire" in a table: a one-word opener's teaser is
                # a headline, of a few words at least
            if _own_preview(doc, line, m):
                continue  # "Up next: The Mariners visit Lakeport on Friday." under the game
            block = [line]
            if not text[m.end():].strip(" \t:.!»>"):  # a heading: the links listed under it
                block += _links_under(doc, lines[n + 1 : n + 1 + MAX_BLOCK_LINES], pattern)
                if len(block) == 1 and _own_section(text, lines[n + 1 : n + 2], doc):
                    continue
            skip_to = n + len(block)
            reported.update(range(n, skip_to))
            more = ("" if len(block) == 1 else " (and the line under it)" if len(block) == 2
                    else f" (and the {len(block) - 1} lines under it)")
            footer = self._site_links_footer(doc, lines, block, skip_to)
            yield self.finding(line.start, block[-1].end,
                               f"injected related-link line: {' '.join(text.split())[:48]!r}…"
                               f"{more}" + ("; a block of links after the last paragraph, "
                                            "likely the site's own" if footer else ""),
                               severity=Severity.INFO if footer else None,
                               related=tuple(Related(b.start, b.end, "a teaser under it")
                                             for b in block[1:]),
                               fix=_removal_fix(doc, block, "injected related-link"))
        yield from self._lone_bullets(doc, lines, reported)

    @staticmethod
    def _site_links_footer(doc: Document, lines: list[Span], block: list[Span],
                           after: int) -> bool:
        """A block of several links ("Related: Full leaderboard | Round one report | …", or a
        heading with links under it) with no paragraph of prose after it: the site's own
        links under the story, which a copied page carries along. Reported at information
        level; a single teaser, or one in the body ("See also  Kendall Jenner …" between two
        paragraphs), stays a warning."""
        several = len(block) > 1 or ITEM_SEPARATOR.search(
            doc.text, block[0].start, block[0].end) is not None
        return several and not any(_prose_line(doc.text[x.start : x.end])
                                   for x in lines[after:])

    def _lone_bullets(self, doc: Document, lines: list[Span],
                      reported: set[int]) -> Iterator[Finding]:
        """A headline set as a bullet of its own between two paragraphs of prose (an agency
        copy's "  • EU agrees first law on violence against women, …"): a link to another story
        that the copy carried along. A page with more bullets than that is a list's, and is left
        alone (a review index's headlines, a live page's entries)."""
        texts = [doc.text[line.start : line.end] for line in lines]
        bullets = [n for n, text in enumerate(texts) if _BULLET_LINE.match(text)]
        if not bullets or len(bullets) > MAX_LONE_BULLETS:
            return
        for n in bullets:
            if n == 0 or n + 1 >= len(lines) or n in reported:
                continue
            if n - 1 in bullets or n + 1 in bullets:
                continue  # two items in a row ("• The blue one is for glass …" / "• The brown
                # one is for paper …"): a list of two under its paragraph, not a headline alone
            head = _BULLET_LINE.match(texts[n]).group(1).strip()  # type: ignore[union-attr]
            words = _words(head)
            if not MIN_LONE_BULLET_WORDS <= words <= MAX_LONE_BULLET_WORDS \
                    or head[-1] in ".!?:;,…" or _ANY_DIGIT.search(head) \
                    or not _ANY_LOWER.search(head):
                continue
            after = texts[n + 1]
            if not _prose_line(texts[n - 1]) or not (
                    _prose_line(after) or (_words(after) <= 8 and after.strip()[-1] not in ".!?:;,"
                                           and n + 2 < len(lines) and _prose_line(texts[n + 2]))):
                continue
            yield self.finding(lines[n].start, lines[n].end,
                               f"injected related-link line: a headline set alone as a bullet "
                               f"in the prose: {head[:48]!r}…",
                               fix=_removal_fix(doc, [lines[n]], "injected related-link"))


@functools.cache
def _inline_markers() -> tuple[tuple[frozenset[str] | None, re.Pattern[str]], ...]:
    """An advert's marker that a scraper ran into the paragraph it interrupted, with no line
    break, found inside a line of any length ("Article continues after this
    advertisementMDRRMO head …"): the `inline:` lines of `rules/spam/boilerplate.txt`, each with
    the lower-cased strings one of which every match holds (``required_substrings``), which a
    text must hold before the pattern is tried: a case-blind alternation is tried at every
    character of every text."""
    return tuple((required_substrings(p), re.compile(p, re.IGNORECASE))
                 for p in _boilerplate_entries()[2])


@functools.cache
def _boilerplate_screen() -> Screen:
    """The line pattern's screen: most lines hold none of the strings its phrases and patterns
    need, and skip the search."""
    phrases, patterns, _ = _boilerplate_entries()
    return Screen(patterns, phrases=phrases)


def _whole_line(text: str, start: int, end: int) -> bool:
    """Is the span all of its line but blanks (a line SP102's line pass reports)?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return line.strip() == text[start:end].strip()


def _between_words(text: str, m: re.Match[str]) -> bool:
    """Would taking the marker out glue the words on either side of it?"""
    return (m.start() > 0 and not text[m.start() - 1].isspace()
            and m.end() < len(text) and not text[m.end()].isspace())


@register
class Boilerplate(Rule):
    code = "SP102"
    name = "page-boilerplate"
    category = "spam"
    summary = "Comment-form, cookie, share-bar, newsletter or advertising text in the body"
    what = """
Flags a short line containing page furniture: a comment form ("Leave a Reply", "Your email
address will not be published"), a cookie notice, a share bar, a newsletter box or an
"Advertisement" label, an image's caption or credit line ("… (Picture: PA)", "Photo: AFP", and a
longer caption that ends on "Photograph: …"), and a page's last line when it is its writer's
note ("Chris is a staff writer for Murdok."; not such a sentence elsewhere, nor one that tells
of the writer, "… who was detained"). The phrases are listed in `rules/spam/boilerplate.txt`
(lines starting `re:` are regular expressions). In a text written in Latin letters, a short line
in another script ("Мой мир", "完整原文") is a share bar's or a menu's label left in by a scraper,
and a line of four labels or more between pipes, two of them a page's controls ("AustLII Home |
Databases | WorldLII | Search | Feedback"), a site's menu bar. Boilerplate lines with nothing
but blank lines between them are one block, and one finding: "Leave a Reply" and "Your email
address will not be published" are one comment form, removed by one fix; a short label between
two of its lines (an avatar's "Twitter picture") does not end the block, and the fix leaves it.
The same label or block again further down (a live page's "Updated" over each entry) is the same
finding, with the other places related. A menu's label that also heads a section of a page's
own ("Headlines"), alone on its line right over a paragraph of prose, is that section's
heading and is left alone; so is a table's own header or short title right over one of its rows
("Home | Location | Beds | … | Overall" over a care home's row, "Scorecard" over "Hole | Par |
…")."""
    why = """
Boilerplate copied along with an article is not part of the story. In a draft it shows the text
was lifted from a web page, and readers take it as a sign of a content farm."""
    bad_examples = ("Leave a Reply",
                    "Your email address will not be published. Required fields are marked *")
    good_examples = ("The company said it would reply to the letter within a week.",)
    fix_applicability = Applicability.SAFE

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        pattern = _boilerplate_pattern()
        screen = _boilerplate_screen()
        block: list[tuple[Span, str]] = []  # boilerplate lines with nothing but blanks between
        blocks: list[list[tuple[Span, str]]] = []
        latin_text: bool | None = None  # is the text as a whole in Latin letters? (when asked)
        # a short label between two lines of one form ("Twitter picture" between "You are
        # commenting using your …" lines: an avatar's alt text) does not end the form, if the
        # next line goes on with it; the label is not the form's, so its fix leaves it
        bridged = held = False
        line = None  # (the last line, after the loop)
        for line in nonblank_lines(doc):
            text = doc.text[line.start : line.end]
            words = _words(text)
            held, bridged = bridged, False
            body = text.lstrip(_LIST_MARKS)  # "  • Get involved …": the phrase starts the line
            screened = words <= LONG_BOILERPLATE_WORDS and screen.may_match(body)
            match = pattern.search(body) if screened and words <= MAX_BOILERPLATE_WORDS else None
            if screened and match is None and words > MAX_BOILERPLATE_WORDS:
                # a longer sign-up box is furniture when it holds two phrases of it: "Sign up
                # for our free Market Movers newsletter - enter your email address below …"
                found = list(pattern.finditer(body))
                if len({m.group(0).lower() for m in found}) >= 2:
                    match = found[0]
                elif found and _after_a_sentence(body, found[-1]):
                    # and a long caption whose credit ends it, as the list's credits end a line
                    # ("… in the federal election. Photograph: Peter Parks/AFP/Getty Images")
                    match = found[-1]
            if match is not None:
                # the phrase, or the line when the match stops inside a word ("HomeW…")
                ends_inside = body[match.end() : match.end() + 1].isalnum()
                block.append((line, " ".join(text.split())[:48] if ends_inside
                              else match.group(0)))
                continue
            if (words <= MAX_INTERFACE_WORDS and _interface_line(text)) or (
                    words <= MAX_MENU_WORDS and "|" in text and _menu_bar(text)):
                block.append((line, " ".join(text.split())))
                continue
            if words <= MAX_FOREIGN_WORDS and _latin_share(text) <= MAX_FOREIGN_LATIN:
                if latin_text is None:
                    latin_text = _latin_share(doc.text) >= MIN_LATIN_TEXT
                if latin_text:  # "Мой мир", "完整原文": a share bar's or a menu's label
                    block.append((line, " ".join(text.split())))
                    continue
            if (block and not held and words <= MAX_BETWEEN_WORDS
                    and text.strip()[-1:] not in ".!?:"):
                bridged = True
                continue
            if block:
                blocks.append(block)
                block = []
        if block:
            blocks.append(block)
        blocks = [_with_buttons(doc, b) for b in blocks
                  if not _own_heading(doc, b) and not _table_heading(doc, b)]
        bio = None if line is None else self._author_bio(doc, line, blocks)
        if bio is not None:
            blocks.append([bio])
        # the same label (or block of labels) again further down (a live page's "Updated" over
        # each entry, a digest's "Read the fact-check here." under each item, a paper's "Hide
        # Ad" twice between paragraphs): one finding, at the first, with the others related
        repeats: dict[tuple[str, ...], list[list[tuple[Span, str]]]] = {}
        for block in blocks:
            # the same labels whatever their counts ("Clock Icon11 minutes ago", "… 16 …")
            key = tuple(sorted({_DIGITS.sub("#", phrase.lower()) for _, phrase in block}))
            if key in repeats:
                repeats[key].append(block)
            else:
                repeats[key] = [block]
        for first, *again in repeats.values():
            yield self._block_finding(doc, first, [[line for line, _ in b] for b in again])
        yield from self._inline_markers(doc)

    @staticmethod
    def _author_bio(doc: Document, last: Span,
                    blocks: list[list[tuple[Span, str]]]) -> tuple[Span, str] | None:
        """The page's last line (``last``) when it is its writer's note ("Chris is a staff
        writer for Murdok.", "Lucas Nolan is a reporter for Breitbart News covering …"), as a
        page prints it under an article; not a line already read, nor such a sentence anywhere
        else, where it may be the story ("Evan Gershkovich is a reporter for The Wall Street
        Journal who …" opening a paragraph)."""
        if any(line == last for block in blocks for line, _ in block):
            return None
        text = doc.text[last.start : last.end]
        m = _AUTHOR_BIO.match(text)
        if m is None or len(text.split()) > MAX_BIO_WORDS or _BIO_STORY.search(text, m.end()):
            return None
        return last, m.group(0)

    def _inline_markers(self, doc: Document) -> Iterator[Finding]:
        """An advert's marker run into a paragraph ("Article continues after this
        advertisementMDRRMO head Joey Herredero said …"): one finding for the document, the
        other places related, and a fix that takes out the marker and leaves the paragraph."""
        lower = doc.text.lower()
        found = sorted((m for needs, pattern in _inline_markers()
                        if needs is None or any(s in lower for s in needs)
                        for m in pattern.finditer(doc.text)
                        if not _whole_line(doc.text, m.start(), m.end())),
                       key=lambda m: m.start())
        if not found:
            return
        first, rest = found[0], found[1:]
        more = f" ({len(found)} times)" if rest else ""
        fix = None
        if doc.offsets_are_source:
            fix = Fix("remove the page's furniture", tuple(
                Edit(m.start(), m.end(), " " if _between_words(doc.text, m) else "")
                for m in found), Applicability.SAFE)
        yield self.finding(first.start(), first.end(),
                           f"page furniture run into the text (an advert's marker, a "
                           f"disclaimer or a notice): {first.group()!r}{more}",
                           related=tuple(Related(m.start(), m.end(), "the marker again")
                                         for m in rest), fix=fix)

    def _block_finding(self, doc: Document, block: list[tuple[Span, str]],
                       again: list[list[Span]]) -> Finding:
        """One finding for a block of boilerplate lines (a comment form's "Leave a Reply" and
        "Your email address will not be published" are one form): at its first line, the others
        related, and one fix that removes them all; ``again``, the same line further down."""
        (first, phrase), rest = block[0], block[1:]
        more = f" (and {len(rest)} more line{'s' if len(rest) > 1 else ''})" if rest else ""
        if again:
            more += f" ({len(again) + 1} times in all)"
        fix = _removal_fix(doc, [line for line, _ in block], "boilerplate")
        if fix is not None and again:
            edits = [*fix.edits]
            for lines in again:
                edits += [e for e in _removal_edits(doc, lines) if e.start >= edits[-1].end]
            fix = Fix(f"remove the boilerplate lines ({len(edits)} places)", tuple(edits),
                      Applicability.SAFE)
        return self.finding(
            first.start, block[-1][0].end, f"page boilerplate in the body: {phrase!r}{more}",
            related=tuple(Related(line.start, line.end, f"boilerplate too: {p!r}")
                          for line, p in rest)
            + tuple(Related(lines[0].start, lines[-1].end, f"the same again: {phrase!r}")
                    for lines in again),
            fix=fix)


_DIGITS = re.compile(r"\d+")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"'”]+", re.IGNORECASE)


def _spam_options(ctx: Context) -> dict[str, Any]:
    data = dict(load_toml("spam", "links.toml"))
    user = ctx.settings.spam
    data["allow"] = [d.lower() for d in user.get("allow-domains", [])]
    data["deny"] = [d.lower() for d in (*data["deny_domains"], *user.get("deny-domains", []))]
    return data


def _domain_matches(host: str, patterns: Iterable[str]) -> str | None:
    for p in patterns:
        if host == p or host.endswith("." + p) or ("." not in p and p in host):
            return p
    return None


def _link_problem(url: str, options: dict[str, Any]) -> str | None:
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if _domain_matches(host, options["allow"]):
        return None
    if (hit := _domain_matches(host, options["deny"])) is not None:
        return f"links to a denied domain ({hit})"
    if host in options["shorteners"]:
        return f"hides its target behind a link shortener ({host})"
    params = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    tracking = sorted(params & set(options["tracking_params"]))
    if tracking:
        return f"carries tracking or affiliate parameters ({', '.join(tracking)})"
    return None


@register
class PromotionalLink(Rule):
    code = "SP103"
    name = "promotional-link"
    category = "spam"
    reads_english = False
    summary = "A promotional, shortened or tracking link in the body"
    what = """
Flags links in the text that point to a denied domain, hide behind a link shortener, or carry
tracking and affiliate parameters (`utm_*`, `fbclid`, `tag=` …). Extend or relax the lists with
`[tool.checker.spam] allow-domains / deny-domains`."""
    why = """
Injected links are how spam rides on copied articles; tracking parameters leak where a draft
came from. Neither belongs in a published story."""
    bad_examples = ("Get the deal at https://bit.ly/3xYz today.",
                    "Details at https://example.com/offer?utm_source=spam&utm_medium=body")
    good_examples = ("The full report is at https://www.gao.gov/products/gao-24-106.",)

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        options = _spam_options(ctx)
        text = doc.source if doc.offsets_are_source and doc.source is not None else doc.text
        for m in self._urls(text):
            url = m.group(0).rstrip(".,;:!?")
            problem = _link_problem(url, options)
            if problem:
                yield self.finding(m.start(), m.start() + len(url), f"link {problem}")

    @staticmethod
    def _urls(text: str) -> Iterator[re.Match[str]]:
        if "://" not in text and "www." not in text.lower():
            return iter(())  # what _URL finds in a text with neither (no letter folds to w)
        return _URL.finditer(text)


_LATIN = re.compile(r"[A-Za-z]")
_LOOKALIKE = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")  # Greek and Cyrillic letters
_MIXED_WORD = re.compile(r"\w+")  # each word; the two searches below find the mixed ones


MAX_RELATED = 20  # related words given with one SP104 finding


@register
class MixedScriptWord(Rule):
    code = "SP104"
    name = "mixed-script-word"
    category = "spam"
    reads_english = False
    summary = "A word that mixes Latin with look-alike Cyrillic or Greek letters"
    what = """
Flags words that mix Latin letters with Cyrillic or Greek ones ("Аdvеrtіѕе" written with a
Cyrillic А, е, і and ѕ). Words wholly in one script are left alone. One finding per paragraph,
at its first such word, with the others as related: an obfuscated advert disguises every
word."""
    why = """
Spammers swap in look-alike letters so that filters looking for "Advertise" or a brand name miss
the text. In a news draft such a word is pasted spam, or a search for the name will fail."""
    bad_examples = ("\u0410dv\u0435rt\u0456\u0455\u0435 with the most visited news site.",)
    good_examples = ("The Москва river froze early this year.", "Advertise with us, he joked.")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        if not _LOOKALIKE.search(doc.text):
            return
        words = [m for m in _MIXED_WORD.finditer(doc.text)
                 if _LATIN.search(m.group()) and _LOOKALIKE.search(m.group())]
        # one finding per paragraph: an obfuscated advert disguises every word, and fifty
        # findings would say what one says (the other words are given as related)
        for paragraph in doc.paragraphs:
            inside = [m for m in words if paragraph.start <= m.start() < paragraph.end]
            if not inside:
                continue
            first, rest = inside[0], inside[1:]
            if not rest:
                message = f"{first.group()!r} mixes Latin and look-alike letters"
            else:
                shown = ", ".join(repr(m.group()) for m in inside[:4])
                more = f" and {len(inside) - 4} more" if len(inside) > 4 else ""
                message = (f"{len(inside)} words in this paragraph mix Latin and look-alike "
                           f"letters: {shown}{more}")
            yield self.finding(first.start(), first.end(), message, related=tuple(
                Related(m.start(), m.end(), "also mixes scripts") for m in rest[:MAX_RELATED]))


# Leftover CMS markup: WordPress-style shortcodes with a hyphenated or underscored name, with
# attributes, or closing; and template tags ({{ x }}, {% x %}, [[x]]). "[sic]" and "[the
# minister]" are editorial brackets and do not match.
_SHORTCODE = re.compile(
    r"\[/?[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+(?:[ \t]+[a-z_-]+=(?:\"[^\"\]\n]*\"|'[^'\]\n]*'|"
    r"[^\s\]]+))*[ \t]*/?\]"
    r"|\[/?[a-z][a-z0-9_-]*(?:[ \t]+[a-z_-]+=(?:\"[^\"\]\n]*\"|'[^'\]\n]*'|[^\s\]]+))+[ \t]*/?\]"
    r"|\[/[a-z][a-z0-9_-]*\]"
    r"|\{\{[^{}\n]{1,80}\}\}|\{%[^{}\n]{1,80}%\}"
    r"|\[\[[a-z][a-z0-9_]{0,30}\]\]"  # a form template's field: "[[title]] [[text]]"
    r"|\[/?(?:gpt3?|chatgpt|openai)\]")  # an AI writing plug-in's tag: "[gpt3]"
_PLACEHOLDER = re.compile(
    # A writing template's unfilled placeholder, as AI-written and template copy leaves it: a
    # title-case field ("[Player Name]", "[Couple’s Names]", "[Opponent Team]"), a bare field
    # ("[date]", "[number of years]"), or an instruction to the writer ("[mention children, if
    # applicable]", up to the end of its line when it is never closed). "[insert your own
    # slogan here]" is a writer's joke, and "[Source]" a wiki's link: neither matches.
    r"\[(?:[A-Z][\w'’]*+[ \t]++){0,3}+(?:Name|Names|Team|Date|City|Country|Company|Location"
    r"|Number|Amount|Title|Quote|Link|Here|Age|Year|Occupation|Organization|Organisation)\]"
    r"|\[(?:date|name|location|age|number[ \t]+of[ \t]+[a-z]++)\]"
    r"|\[(?:He|She|His|Her|Him)/(?:He|She|His|Her|Him|They|Their|Them)\]"
    r"|\[(?i:mention|describe|specify|specific|include)[ \t][^\]\n]{1,120}+(?:\]|$)"
    # a field to insert, named by a plain noun phrase ("[insert current location]", "[insert
    # wind speed]", an AI-written weather story's); "[insert your own slogan here]" is a joke
    r"|\[insert[ \t]++(?![^\]\n]*?\b(?:your|here|own|joke)\b)[a-z]++(?:[ \t][a-z]++){0,3}+\]",
    re.MULTILINE)


# Code a scraper copied as text, found on real scraped pages: HTML tags ("<p>Villagers …</p>",
# "<a title=… href=…>"), a style sheet's rules ("P { margin-bottom: 0.21cm; }"), an embed's
# script ("https://platform.twitter.com/widgets.js"), an image's file name run into the text
# ("jul011968C5A.jpgFrom the July 1 edition", "Poppy Garden Picnic (1).JPG") and a template's
# dummy text ("Get the latest ipsum dolor sit amet"). None occurs in the 2,629 BBC and CNN/DM
# articles. Each pattern is searched only in a text that holds its cheap marker.
_HTML_TAG = re.compile(
    r"(?:<|< (?=/))/?(?i:p|a|div|span|br|strong|em|b|i|u|img|iframe|script|style|h[1-6]|ul|ol"
    r"|li|table|tr|td|th|figure|figcaption|blockquote|section|article|noscript|hr|v)"
    r"(?:[ \t][^<>\n]{0,300})?/?>")
_CSS_RULE = re.compile(
    r"(?<![\w.#:-])[A-Za-z.#][\w.#:-]*+[ \t]*\{[ \t]*[a-z-]++[ \t]*:[ \t]*[^;{}\n]{1,60};")
_SCRIPT_URL = re.compile(r"(?<![\w/:])(?:https?:)?//[^\s\"'<>]{1,200}?\.js(?![\w.])")
_IMAGE_FILE = re.compile(
    r"(?<![\w/.%()-])[\w()%-]*+(?<=[\w)])\.(?i:jpe?g|png|gif|webp)(?![A-Za-z0-9]*[/=?])(?![a-z])")
_DUMMY_TEXT = re.compile(r"(?i)\blorem ipsum\b|\bipsum dolor sit amet\b")
# (A WebVTT caption's voice tag, "<v Speaker 1>", is one too: a podcast transcript scraped with
# its captions' markup.)
# WordPress's placeholder for a percent sign (since 4.8.3 it escapes "%" in a query as a hash in
# braces), saved into a post by a plugin that never turned it back: "a 35{312eb768…} stake".
_PERCENT_PLACEHOLDER = re.compile(r"\{[0-9a-f]{64}\}")
# A Joomla plugin's tag, which the site replaces with a module or a styled letter: a tag with its
# closing tag ("{xtypo_dropcap}T{/xtypo_dropcap}he council met", "{youtube}abc{/youtube}"), or
# one of the core plugins' own ("{loadposition user9}", "{loadmodule mod_login}"). A pair of
# braces around a word is too common in prose and code to count on its own.
_JOOMLA_TAG = re.compile(
    r"\{([a-z][a-z0-9_]{1,30})\}[^{}\n]{0,200}+\{/\1\}"
    r"|\{(?:loadposition|loadmodule|loadmoduleid)[ \t][^{}\n]{1,40}\}")
# A web server's error printed where an include should have been (Apache's server-side includes).
_SERVER_ERROR = re.compile(r"\[an error occurred while processing this directive\]")
# Cloudflare's stand-in for an e-mail address it hides from scrapers, copied by one: "contact
# [email protected]" where the page showed the address.
_HIDDEN_EMAIL = re.compile(r"\[email[ \u00a0]protected\]")
_IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp")
SAME_MARKUP_LINES = 3  # lines opening on one piece of markup that make it one finding
# A quotation mark still escaped with a backslash, as a database or a JSON feed stores it
# (the \"Saturday Soundtracks\" program, don\'t): found on a scraped local-news page, never
# in the 2,629 BBC and CNN/DM articles. A Markdown draft may escape a mark on purpose.
_ESCAPED_QUOTE = re.compile(r"(?<!\\)\\[\"'“”‘’]")


# A script's code that a scraper copied as text, found on scraped local-news pages ("function
# getCookie(e){var U=document.cookie.match(…", "(adsbygoogle = window.adsbygoogle ||
# []).push({});"): a function's head, a use of the page's document or window object, or an
# object or a function pushed onto an ad library's queue ("adUnits.push({", batch M). Never
# in the 2,629 BBC and CNN/DM articles. A line of nothing else is removed by the fix.
_SCRIPT_CODE = re.compile(
    r"\bfunction[ \t]*+[\w$]*+[ \t]*+\([\w$, \t]*+\)[ \t]*+\{"
    r"|\b(?:document|window)\.[a-z][\w$]*+(?=[.(\[]|[ \t]*+(?:\|\||=))"
    r"|(?<![\w$.])[a-z][\w$]*+(?:\.(?!push\()[\w$]++)*+\.push\([ \t]*+(?:\{|function\b)")
SCRIPT = "a script's code"
PROSE_RUN = 6  # plain words in a row, as a sentence has and a line of code has not


def _code_line(text: str) -> bool:
    """Is the line code and nothing else (no ``PROSE_RUN`` plain words in a row)?"""
    run = 0
    for token in text.split():
        run = run + 1 if token.rstrip(",;:").isalpha() else 0
        if run >= PROSE_RUN:
            return False
    return True


# Markdown's bold markers copied into plain text ("**This live blog has now concluded**",
# "**15.52 **", "**1. ** A New Power Couple"); a row of stars is a section break, not markup.
_MARKDOWN_BOLD = re.compile(r"(?<![*\w])\*\*[^*\n]{1,80}+\*\*(?![*\w])")


def _leftovers(doc: Document) -> Iterator[tuple[re.Match[str], str]]:
    """Every piece of leftover markup or code in the text, with what it is."""
    text = doc.text
    if "[" in text or "{" in text:
        yield from ((m, "leftover CMS markup") for m in _SHORTCODE.finditer(text))
        yield from ((m, "an unfilled template placeholder") for m in _PLACEHOLDER.finditer(text))
    if "<" in text and doc.kind != "markdown":  # a Markdown draft may hold HTML on purpose
        yield from ((m, "leftover HTML markup") for m in _HTML_TAG.finditer(text))
    if "{" in text:
        yield from ((m, "leftover CSS") for m in _CSS_RULE.finditer(text))
        yield from ((m, "WordPress's placeholder for a percent sign (write '%')")
                    for m in _PERCENT_PLACEHOLDER.finditer(text))
        yield from ((m, "a leftover Joomla plugin tag") for m in _JOOMLA_TAG.finditer(text))
    if ".js" in text:
        yield from ((m, "a leftover embed script") for m in _SCRIPT_URL.finditer(text))
    low = text.lower()
    if any(ext in low for ext in _IMAGE_EXTENSIONS):
        yield from ((m, "a leftover image file name") for m in _IMAGE_FILE.finditer(text))
    if "ipsum" in low:
        yield from ((m, "a template's dummy text") for m in _DUMMY_TEXT.finditer(text))
    if "\\" in text and doc.kind != "markdown":
        yield from ((m, "a quotation mark escaped with a backslash")
                    for m in _ESCAPED_QUOTE.finditer(text))
    if "[an error" in text:
        yield from ((m, "a web server's error message") for m in _SERVER_ERROR.finditer(text))
    if "[email" in text:
        yield from ((m, "a scraped page's stand-in for a hidden e-mail address")
                    for m in _HIDDEN_EMAIL.finditer(text))
    if "function" in text or "document." in text or "window." in text or ".push(" in text:
        yield from ((m, SCRIPT) for m in _SCRIPT_CODE.finditer(text))


@register
class LeftoverMarkup(Rule):
    code = "SP105"
    name = "leftover-cms-markup"
    category = "spam"
    reads_english = False
    summary = ("A CMS shortcode, template tag, unfilled placeholder or scraped code left in the "
               "text (\"[mc4wp_form id=...]\", \"[Player Name]\", \"<p>\")")
    what = """
Finds content-management markup that was copied as text: shortcodes such as `[mc4wp_form
id="206"]`, `[caption id="attachment_7"]` or `[/vc_column]`, template tags such as `{{
related_posts }}` or `{% include ad.html %}`, and a writing template's unfilled placeholders, as
AI-written copy leaves them (`[Player Name]`, `[date]`, `[mention children, if applicable]`).
Editorial brackets ("[sic]", "[the minister]") are not shortcodes. Also what a scraper copies
with the text: HTML tags (`<p>`, `<a href=...>`; not in Markdown, where HTML may be meant), a
style sheet's rules (`P { margin-bottom: 0.21cm; }`), an embed's script address
(`.../widgets.js`), an image's file name run into the text (`jul011968C5A.jpgFrom the July 1
edition`), dummy text (`lorem ipsum`), a web server's include error and quotation marks still
escaped with a backslash (`the \\"Saturday Soundtracks\\" program`; not in Markdown),
WordPress's placeholder for a percent sign (`a 35{312eb768…} stake`, the hash 64 characters), a
Joomla plugin's tags (`{xtypo_dropcap}T{/xtypo_dropcap}he council`, `{loadposition user9}`),
Cloudflare's stand-in for a hidden e-mail address (`[email protected]`), Markdown's bold
markers in plain text (`**This live blog has now concluded**`) and a script's code (`function
getCookie(e){…`, `(adsbygoogle = window.adsbygoogle || []).push({});`, `adUnits.push({`; a
line of nothing but code is removed by the fix, and its brackets and names are that one
problem). Also an AI writing plug-in's tag (`[gpt3]`) and a field left to insert (`[insert
wind speed]`). The markup of one line is one finding, at its first piece, the rest given as
related: a list scraped with its closing tags ("…[/li] …[/li][/ul]") is one problem."""
    why = """
Shortcodes and template tags only mean something inside the site that rendered them. Left in a
draft they show the text was scraped from a page, and they print as junk for readers."""
    bad_examples = ('Subscribe below.\n\n[mc4wp_form id="206"]',
                    "Theft reported.[/li] Car broken into.[/li][/ul]",
                    "The minister resigned.\n\n{{ related_posts }}",
                    "Star player [Player Name] will miss the game against [Opponent Team].",
                    "<p>Villagers wade through flood waters in Assam.</p>",
                    'It set aside $4,000 for the \\"Saturday Soundtracks\\" program.')
    good_examples = ("He said the plan was \"unworkable [sic]\" and left.",
                     "She said [the minister] had known for weeks.",
                     "Turnout was 3 < 5 per cent, and JPEG files were banned.")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        lines: list[list[tuple[re.Match[str], str]]] = []  # the markup of each line
        line: list[tuple[re.Match[str], str]] = []
        for m, what in sorted(_leftovers(doc), key=lambda found: found[0].start()):
            if doc.touches_markup(m.start(), m.end()):
                continue
            if line and m.start() < line[-1][0].end():
                continue  # inside a piece already found (a file name in a shortcode)
            if line and "\n" in text[line[-1][0].end():m.start()]:
                lines.append(line)
                line = []
            line.append((m, what))
        if line:
            lines.append(line)
        # the same piece opening line after line ("<br />" at the end of each of 45 lines of a
        # scraped page) is one problem: reported once, at its first line, with the count
        first_piece = Counter(found[0][0].group() for found in lines)
        reported: set[str] = set()
        yield from self._markdown_emphasis(doc)
        for found in lines:
            piece = found[0][0].group()
            if first_piece[piece] < SAME_MARKUP_LINES:
                yield self._line_finding(doc, found)
            elif piece not in reported:
                reported.add(piece)
                yield self._repeated_finding([f for f in lines if f[0][0].group() == piece])

    def _markdown_emphasis(self, doc: Document) -> Iterator[Finding]:
        """Markdown's bold markers in a plain text: one finding for the document (a page
        converted to Markdown marks every heading and label so), the other places related. In a
        Markdown draft they are bold, as meant."""
        if "**" not in doc.text or doc.kind == "markdown":
            return
        found = [m for m in _MARKDOWN_BOLD.finditer(doc.text)
                 if not doc.touches_markup(m.start(), m.end())]
        if found:
            more = f" ({len(found)} places)" if len(found) > 1 else ""
            yield self._piece_finding(found[0], "leftover Markdown emphasis", more, found[1:],
                                      "Markdown emphasis again")

    def _repeated_finding(self, lines: list[list[tuple[re.Match[str], str]]]) -> Finding:
        """One finding for one piece of markup that opens the markup of many lines."""
        (first, what) = lines[0][0]
        return self._piece_finding(first, what, f" (on {len(lines)} lines)",
                                   [found[0][0] for found in lines[1:]], "the same markup")

    def _line_finding(self, doc: Document,
                      line: list[tuple[re.Match[str], str]]) -> Finding:
        """One finding for the markup of one line ("[/li] … [/li] … [/ul]"): the first piece,
        the others related. A line of a script's code and nothing else is removed by its fix
        (so a bracket or a glued name in it is that one problem, not one of its own)."""
        (first, what), rest = line[0], line[1:]
        more = f" (and {len(rest)} more on this line)" if rest else ""
        fix = None
        if any(kind == SCRIPT for _, kind in line):
            span = doc.line_span(doc.line_col(first.start())[0])
            if _code_line(doc.text[span.start:span.end]):
                fix = _removal_fix(doc, [span], "script's code")
        return self._piece_finding(first, what, more, [m for m, _ in rest],
                                   "more markup on this line", fix)

    def _piece_finding(self, first: re.Match[str], what: str, more: str,
                       others: list[re.Match[str]], why: str,
                       fix: Fix | None = None) -> Finding:
        """The finding at the first piece of markup, the others related."""
        return self.finding(first.start(), first.end(),
                            f"{what} in the text: {first.group()[:48]!r}{more}",
                            related=tuple(Related(m.start(), m.end(), why) for m in others),
                            fix=fix)


# Zero-width space, non-joiner, joiner, word joiner and a byte-order mark inside text; and the
# bidi embedding, override and isolate controls, which reorder what a reader sees.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_HIDDEN = re.compile(f"(?<=[A-Za-z])[{_INVISIBLE}{_BIDI}]+(?=[A-Za-z])|[{_BIDI}]+")
_NAMES = {"\u200b": "zero-width space", "\u200c": "zero-width non-joiner",
          "\u200d": "zero-width joiner", "\u2060": "word joiner", "\ufeff": "byte-order mark"}


@register
class HiddenCharacter(Rule):
    code = "SP106"
    name = "hidden-character"
    category = "spam"
    reads_english = False
    summary = "An invisible character inside a word, or a bidi control that reorders text"
    what = """
Flags zero-width characters (zero-width space, joiners, word joiner, a stray byte-order mark)
between two Latin letters ("Baz\u200boum"), and bidirectional embedding, override and isolate
controls (U+202A-U+202E, U+2066-U+2069) anywhere. Invisible joiners between letters of other
scripts, where they are part of the spelling, are left alone. The fix deletes them."""
    why = """
An invisible character splits a name for every search, spell-check and rule while it looks
right on screen: it is how spam slips past filters and how a misspelt name hides. A bidi
override makes a line read differently from what it is."""
    bad_examples = ("President Mohamed Baz\u200boum was ousted in July.",
                    "The vote was \u202elanigiro\u202c reported as close.")
    good_examples = ("President Mohamed Bazoum was ousted in July.",
                     "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 is Persian for 'I want'.")
    fix_applicability = Applicability.SAFE

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        if not any(ch in doc.text for ch in _INVISIBLE + _BIDI):
            return
        for m in _HIDDEN.finditer(doc.text):
            kinds = sorted({_NAMES.get(ch, f"bidi control U+{ord(ch):04X}") for ch in m.group()})
            fix = Fix("delete it", (Edit(m.start(), m.end(), ""),), Applicability.SAFE)
            yield self.finding(m.start(), m.end(), f"hidden {', '.join(kinds)} in the text",
                               fix=fix if doc.offsets_are_source else None)
