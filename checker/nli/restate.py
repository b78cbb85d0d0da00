"""Pairs of sentences that are not worth asking the NLI model about.

The model's false contradictions on real articles (all 65 CT101 findings on the 406 untouched
CNN/DM articles were read by hand) fall mostly into two shapes:

- **Restatements.** A summary bullet and the body sentence it was cut from: the same words, with a
  detail added or dropped ("Van Ryn (left) sat calmly …"). The small model was taught that aligned
  sentences with a small change are usually flips, and calls these contradictions with p > 0.95.
- **Parallel items.** A list of prices, fixtures or scores ("• Grapes by 64 cents a pound to
  $3.06." / "• Melons by 24 cents a pound to $1.23."): same template, different subject, different
  numbers. Different subjects cannot contradict each other.

A third shape is rarer but floods the page where it occurs: **two speakers' lines**. A transcript
or a list of picks opens each line with who speaks ("- Jamie Graham, Total Film: Film - The
Aviator; …" / "- Tim Dams, Screen International: Film - Million Dollar Baby; …"). Two people's
statements do not contradict each other, so lines under two different labels are not compared
(``checker.entries.speaker_label``); one speaker's lines still are, except across two rounds of
a roll call (the same panel of four or more, twice: "who will win", then "who should win"). A
label holds for every sentence of its paragraph, not only the one it opens (``entry_labels``):
"Saturday: Rain showers … Highs will reach the low and mid 70s." and "Sunday: … Highs will peak
in the upper 70s" are two days' forecasts, and a region's or a day's entry in a weather round-up
is the same shape as a speaker's. Likewise two sentences under two different time or date
headings of a live page or a timeline ("16:47", "Yesterday 22.01.2018") are two moments
(``checker.entries.entry_numbers``): "FTSE 100 closes higher" and, the day before, "FTSE 100
closes lower" are both true. So are two sentences dated to different years ("The mill shut in
1998." / "The mill reopened as a museum in 2011."; ``years_named``). A claim the article reports
as a claim ("A meme falsely claims …", "denied claims that …") is not the article speaking, so a
sentence that says otherwise (a fact-check's verdict, a denial) is not compared with it; two
reported claims still are. Nor is the prosecution's account compared with the accused's own ("The
prosecution says he started the fire …" / "…," he told the jury.): a court report gives both
sides. And what was found on checking a report explains the report ("A caller heard someone
shouting for help …" / "Officers found the resident calling a cat named Help."), as a police
log tells it. On a page of questions and answers (three question headings or more, each opening
its paragraph), the answers to two questions are not compared ("Yes, if your street is in a
controlled zone." / "No. Visitors can park for up to two hours …").

A pair is a restatement when the two sentences align word for word except for insertions and
deletions (or, for near-identical sentences, short replacements) and no differing part carries a
sign of conflict: a negation or refusal word, numbers on both sides, names on both sides (a place
or date swap), an auxiliary or time word (a tense change), or an antonym of a word on the other
side. Those are exactly the changes the flip rule (``flips.py``) and the model exist for, so they
are left to them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from checker.entries import (
    BULLETS,
    FIELD_ENTRIES,
    MONTHS,
    WEEKDAYS,
    case_entries,
    case_label,
    commentary_events,
    courtesy,
    entry_day,
    entry_numbers,
    figure_mould,
    first_day_named,
    forecast_readings,
    has_score,
    in_play,
    innings_score,
    listing_entry,
    listing_fields,
    normal_label,
    placing_category,
    play_by_play,
    record_fields,
    score_state,
    template_lines,
    unlabelled,
    written_label,
)
from checker.nli.contradict import enumerators
from checker.nli.flips import IGNORABLE, LIGHT, NEGATORS, tokens
from checker.nli.lexicon import Lexicon, load_lexicon, stopwords
from checker.nli.offtopic import headline_like
from checker.nli.pairs import keys, quoted_question
from checker.nli.patterns import aliases
from checker.resources import load_lines, load_rows
from checker.rules.garble import function_words
from checker.rules.oneoff import honorifics

_POSSESSIVE = frozenset(("'s", "’s"))
MIN_SHARED = 5
SHARED_OF_SHORTER = 0.6  # insertions and deletions only
SHARED_OF_LONGER = 0.8  # with replacements
LIST_ITEM_TOKENS = 12
LIST_RUN = 3
FRAGMENT_TOKENS = 10
ROLL_CALL = 4  # voices in a round of a repeated roll call (restate.roll_call_rounds)
MIN_SHARED_INSERTED = 4  # the shorter sentence whole in the longer: the model's own floor
SHARED_CONTENT = 0.7  # reworded restatements: content words of the shorter found in the longer


_WORDS = re.compile(r"[A-Za-z]+")
# a year as a date: not an amount ("£2000", "2,019"), a share ("2010%") or part of a longer number
_YEAR = re.compile(r"(?<![£$€¥\d.,])\b(?:1[89]|20)\d\d\b(?![.,]?\d|%)")


_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})


def _pronoun_gender(sentence: str) -> str | None:
    """"he" when a sentence's personal pronouns are all masculine, "she" when all feminine,
    else None (none, or both: "He said she had left")."""
    words = {w.lower() for w in _WORDS.findall(sentence)}
    he, she = bool(words & _HE), bool(words & _SHE)
    return ("he" if he else "she") if he != she else None


# A sentence that opens on something new, introduced by "a" or "another": "A white SUV also was
# damaged." The first words after the article stand for its noun phrase.
_INDEFINITE = re.compile(r"\W{0,3}(?:A|An|Another)[ \t]+([\w'’-]+)(?:[ \t]+([\w'’-]+))?"
                         r"(?:[ \t]+([\w'’-]+))?")


# A sentence that opens on one of several things counted ("One man was airlifted …", "The
# second male was taken …", "The other driver …"): the count it gives.
_COUNTED = re.compile(r"\W{0,3}(?:[Tt]he[ \t]+)?(One|First|Second|Third|Fourth|Fifth|Other|"
                      r"Another|one|first|second|third|fourth|fifth|other|another)[ \t]+[a-z]")
_COUNT_OF = {"one": "first", "another": "other"}


def _counted(sentence: str) -> str | None:
    m = _COUNTED.match(sentence)
    if m is None:
        return None
    word = m.group(1).lower()
    return _COUNT_OF.get(word, word)


# Some of a group counted: "two of the victims", "Three victims", "17 victims in total". Two
# sentences that each count some of one group ("… where two of the victims were killed" /
# "Two of the victims died at the hospital") are about two parts of it. The same count with
# other words is a flip, CT102's.
_GROUP = r"[a-z]{3,}s|people|children|men|women|crew|staff|police"
_COUNT = r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,4})"
_PARTITIVE = re.compile(
    rf"(?<![\w'’-]){_COUNT}[ \t]+of[ \t]+(?:the|those|them)[ \t]+({_GROUP})\b"
    rf"|\A\W{{0,3}}{_COUNT}[ \t]+({_GROUP})\b")
# Units counted, not a group's members: "over the past five years" twice is one stretch of time
_UNITS = frozenset(("years", "months", "weeks", "days", "hours", "minutes", "seconds", "points",
                    "goals", "runs", "wickets", "miles", "metres", "meters", "kilometres",
                    "percent", "dollars", "pounds", "euros", "times", "games", "matches",
                    "seasons", "rounds", "laps", "sets", "votes", "seats"))


# A subject that names people in a role and the verb that agrees with it ("The driver of the
# SUV was …", "The four passengers were …"): one person, or several. Two sentences of one mould
# whose subjects differ in number and share no word are about two parties: "The driver of the SUV
# was taken to hospital with injuries described as non-life threatening." / "The four
# passengers were taken to hospital with injuries described as serious in nature."
_AGREEING_VERBS = frozenset(("is", "are", "was", "were", "has", "have"))
_SINGULAR = frozenset(("is", "was", "has"))
SUBJECT_WORDS = 6  # the longest subject read
_SUBJECT_LIGHT = frozenset(("the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "its",
                            "their", "his", "her"))
_PRONOUNS = frozenset(("he", "she", "it", "they", "we", "you", "i", "there", "who", "which",
                       "what", "this", "that", "these", "those"))
MOULD = 0.6  # share of the words after the verb in common that makes two sentences one mould


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    return frozenset(load_lines("nli", "people_nouns.txt"))


def _agreeing_subject(sentence: str) -> tuple[bool, frozenset[str], tuple[str, ...]] | None:
    """(is the subject singular, its words, the words after its verb), where a sentence opens
    on a subject naming people in a role ("The driver of the SUV", "The four passengers"), and
    a form of "be" or "have"."""
    tokens = sentence.lower().split()
    verb = next((k for k, t in enumerate(tokens[: SUBJECT_WORDS + 1]) if t in _AGREEING_VERBS),
                None)
    if not verb:
        return None
    words = [t.strip("\"'“”‘’(") for t in tokens[:verb]]
    if words[0] in _PRONOUNS or _people_nouns().isdisjoint(words):
        return None  # "They were …", "The council has …": no party to count
    return (tokens[verb] in _SINGULAR, frozenset(w for w in words if w not in _SUBJECT_LIGHT),
            tuple(tokens[verb + 1 :]))


def _two_parties(a: tuple[bool, frozenset[str], tuple[str, ...]] | None,
                 b: tuple[bool, frozenset[str], tuple[str, ...]] | None) -> bool:
    return (a is not None and b is not None and a[0] != b[0] and a[1].isdisjoint(b[1])
            and SequenceMatcher(None, a[2], b[2], autojunk=False).ratio() >= MOULD)


NEAR_COPY = 0.8  # share of words in common that makes two sentences one statement, edited


def _near_copies(a: str, b: str) -> bool:
    """The same sentence with a word or two changed ("… was still at large" / "… was not still
    at large"): a flip for the model to read, not two statements about two parts of a group."""
    return SequenceMatcher(None, a.lower().split(), b.lower().split()).ratio() >= NEAR_COPY


def _counted_groups(sentence: str) -> frozenset[str]:
    return frozenset(noun for m in _PARTITIVE.finditer(sentence)
                     for noun in m.groups() if noun and noun not in _UNITS)


def _introduced(sentence: str) -> frozenset[str] | None:
    """The first words after "a", "an" or "another" opening the sentence, lower-cased; None when
    it does not open so."""
    m = _INDEFINITE.match(sentence)
    if m is None:
        return None
    return frozenset(w.lower() for w in m.groups() if w)


def _template(sentence: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The sentence with each run of capitalised words put as one slot, and the names in the
    slots: "ABC News projects that Republican John Thune will win the South Dakota race" is
    (<N> projects that <N> will win the <N> race) with ("ABC News", "Republican John Thune",
    "South Dakota")."""
    skeleton: list[str] = []
    names: list[str] = []
    run: list[str] = []
    for token in _tokens(sentence):
        if token[:1].isupper():
            run.append(token)
            continue
        if run:
            skeleton.append("<N>")
            names.append(" ".join(run))
            run = []
        skeleton.append(token.lower())
    if run:
        skeleton.append("<N>")
        names.append(" ".join(run))
    return tuple(skeleton), tuple(names)


TEMPLATE_SLOTS = 2  # slots that name someone or somewhere else: two entries of one template
OBJECT_WORDS = 3  # plain words that may tell the object of a template otherwise, at one place


# A sentence that says it adds to what was said ("Results for the rabbit show have also been
# announced.", "The Wyoming department also reported hazards", "… the standings as well", "…,
# too."; not "as well as", which joins two things in one sentence): a second item beside the
# first, not a denial of it. None of the 1,446 contradictions the team wrote for training and
# evaluation has one.
_ADDITION = re.compile(r"(?i:\b(?:also|as[ \t]+well(?![ \t]+as\b))\b|,[ \t]*too\b)")
# A sentence that tells what happened next ("Ong then took out his identity card …", "The
# male later left the hospital.", "He was subsequently released"): a later development of what
# an earlier sentence reported, not a second account of the same moment. The word must stand
# among the sentence's first words, by its subject and verb: "Three women and a girl were killed
# inside Macy's while a man later died in hospital" still tells how many were killed inside.
# ("then-president" is a title, "back then" and "since then" look back.)
_SUCCESSION = re.compile(r"(?i:\b(?:later|subsequently|afterwards?|eventually)\b"
                         r"|(?<!\bback[ \t])(?<!\bsince[ \t])(?<!\bjust[ \t])\bthen\b(?!-))")
SUCCESSION_WORDS = 6  # the words of a sentence's opening that may say what happened next


# A sentence that tells what was found on checking a report ("Officers found the resident
# calling a cat named Help.", "It turned out to be a bag of laundry."), after one that tells the
# report ("A caller heard someone shouting "help" from a porch."): what was found explains what
# was reported, as a police log, a fact-check or a correction does, and does not deny that it
# was reported.
_DISCOVERY = re.compile(r"(?i:\b(?:found|discovered|learn(?:ed|t)|turned[ \t]+out|proved"
                        r"|realised|realized)\b)")
_REPORTED = re.compile(r"(?i:\b(?:report(?:s|ed)?|heard|saw|spotted|call(?:s|ed)|complained"
                       r"|thought|believed|feared|suspected)\b)")
DISCOVERY_WORDS = 5  # the words of a sentence's opening that may tell what was found


# Who a sentence says said it, when it is a body or a person told apart from it: the word just
# before a verb of saying ("The prosecution says …", "…," he told the jury.).
_SAYING = (r"says|said|told|tells|claims|claimed|alleges|alleged|denies|denied|insists|insisted"
           r"|argues|argued|maintains|maintained|testified|admits|admitted")
_SOURCE_BEFORE = re.compile(rf"(?<![\w'’-])([A-Za-z][a-z]++)[ \t]++(?:{_SAYING})(?![\w'’-])")
# The sides of a trial or a dispute, each giving its own account (not the bodies that report
# one account, "police", "the ministry": their spokesman's "he said" may be theirs).
_SIDES = frozenset(("prosecution", "prosecutors", "defence", "defense"))
_PERSONS = frozenset(("he", "she"))


def _source(sentence: str) -> str | None:
    """Who the sentence says said it, when that is a side of a trial ("prosecution",
    "defence") or a person named by a pronoun ("he", "she"); None otherwise."""
    for m in _SOURCE_BEFORE.finditer(sentence):
        low = m.group(1).lower()
        if low in _SIDES or low in _PERSONS:
            return low
    return None


def _two_sources(a: str | None, b: str | None) -> bool:
    """Two parties, each giving its own account: a side of a trial and a person ("The
    prosecution says he started the fire …" / "…," he told the jury.), or the two sides. Two
    pronouns may be one person: those are compared."""
    if a is None or b is None or a == b:
        return False
    return a in _SIDES or b in _SIDES


# A charge and the accused's denial of it: "Declan Farrow, 47, denies murdering his business
# partner …" / "Mr Farrow, 47, is accused of murdering Simon Achterberg …". A court report tells
# both, and denying a charge does not deny that it was made. An admission, a plea of guilty or a
# verdict on either side is left to the model ("denies the charge" / "admitted the charge").
_CHARGED = re.compile(r"(?i:\b(?:accused|charged|suspected)[ \t]++(?:of|with)\b"
                      r"|\b(?:on|stands?|standing|faces?|facing)[ \t]++trial\b"
                      r"|\bfac(?:es|ed|ing)[ \t]++(?:a[ \t]++|two[ \t]++|several[ \t]++)?+"
                      r"charges?\b|\balleged(?:ly)?+\b)")
_DENIED = re.compile(r"(?i:\bden(?:y|ies|ied|ying)\b|\bplead(?:ed|s)?+[ \t]++not[ \t]++guilty\b"
                     r"|\bpled[ \t]++not[ \t]++guilty\b"
                     r"|\bmaintains?[ \t]++(?:his|her|their)[ \t]++innocence\b)")
_SETTLED = re.compile(r"(?i:\badmit(?:s|ted|ting)?+\b|\bconfess(?:es|ed)?+\b"
                      r"|\bpleaded[ \t]++guilty\b|\bpled[ \t]++guilty\b|\bconvict(?:ed|ion)\b"
                      r"|\bfound[ \t]++(?:not[ \t]++)?+guilty\b|\bacquit(?:ted|tal)\b"
                      r"|\bcleared\b|\bguilty[ \t]++of\b|\bsentenced\b)")


# a denial denied: "did not deny", "has never denied", "refused to deny"
_DENIAL_DENIED = re.compile(r"(?i:\b(?:not|never|n['’]t|refused[ \t]++to|declined[ \t]++to)"
                            r"[ \t]++(?:(?!den)\w++[ \t]++)?+den(?:y|ies|ied)\b)")


def charge_stance(sentence: str) -> str | None:
    """What the sentence says of a charge: "settled" (an admission, a plea of guilty, a verdict,
    or a denial denied), "denial", "charge", or None (``_SETTLED``, ``_DENIAL_DENIED``,
    ``_DENIED``, ``_CHARGED``). Read once a sentence by the pair filter."""
    if _SETTLED.search(sentence) is not None or _DENIAL_DENIED.search(sentence) is not None:
        return "settled"
    if _DENIED.search(sentence) is not None:
        return "denial"
    return "charge" if _CHARGED.search(sentence) is not None else None


def _charge_and_denial(a: str | None, b: str | None) -> bool:
    """Two sentences' ``charge_stance``: a charge and a denial, or two denials."""
    return "denial" in (a, b) and {a, b} <= {"denial", "charge"}


def charge_and_denial(a: str, b: str) -> bool:
    """Is one sentence the charge and the other the accused's denial of it, or are both
    denials ("Mr Farrow denies murder." / "Mr Farrow denies the charge."), with no admission
    or verdict in either and no denial denied?"""
    return _charge_and_denial(charge_stance(a), charge_stance(b))


# A quotation's speaker named with the verb that attributes it: '"They know," Edith replies.',
# '"…," said Duncan Reid.', 'Edith Marsh said: "…"'. A pronoun ("she said") names nobody.
_QUOTE_VERBS = (r"said|says|replied|replies|told|tells|added|adds|asked|asks|explained|explains"
                r"|insisted|insists|argued|argues|warned|warns|continued|continues|answered"
                r"|answers|recalled|recalls|shouted|shouts|snapped|snaps")
_SPEAKER_NAME = r"(?P<name>(?<![\w'’-])(?:[A-Z][\w'’-]*+[ \t]++){0,3}[A-Z][\w'’-]*+)"
_ATTRIBUTION = re.compile(
    rf"[,.!?…—-][\"”’'][ \t]++(?:{_SPEAKER_NAME}[ \t]++(?:{_QUOTE_VERBS})|(?:{_QUOTE_VERBS})"
    rf"[ \t]++{_SPEAKER_NAME.replace('name', 'after')}(?=[ \t]*+[,.;]))(?![\w'’-])"
    rf"|{_SPEAKER_NAME.replace('name', 'before')}[ \t]++(?:{_QUOTE_VERBS})[ \t]*+:[ \t]*+[\"“]")
_NOT_SPEAKERS = frozenset(("He", "She", "They", "It", "We", "I", "You", "The", "This", "That",
                           "Mum", "Dad"))


def _attributed(sentence: str) -> str | None:
    """The name of the speaker a sentence attributes a quotation to, or None."""
    for m in _ATTRIBUTION.finditer(sentence):
        name = m.group("name") or m.group("after") or m.group("before")
        words = [w for w in name.split() if w not in _NOT_SPEAKERS]
        if words:
            return words[-1]  # the surname: "Edith Marsh" … "Marsh"
    return None


def _open_after(text: str, inside: bool) -> bool:
    """Is a quotation still open after this sentence (``inside``: open before it)? A straight
    mark opens or closes; the last curly mark says which it was."""
    if '"' in text:
        return (inside + text.count('"')) % 2 == 1
    last_open, last_close = text.rfind("“"), text.rfind("”")
    if last_open == last_close:  # (both -1: no curly mark)
        return inside
    return last_open > last_close


def quoted_speakers(sentences: Sequence[str],
                    paragraphs: Sequence[int] | None) -> list[str | None]:
    """For each sentence of a quotation, its speaker: its own attribution, or the one named
    speaker of its paragraph (a speaker's further sentences go on in the same paragraph:
    '"They know," Edith replies. "They know exactly whose they are."'); None for a sentence
    outside quotation marks, or whose paragraph names no speaker or several."""
    out: list[str | None] = [None] * len(sentences)
    if paragraphs is None or not any('"' in s or "“" in s for s in sentences):
        return out
    by_paragraph: dict[int, list[int]] = defaultdict(list)
    for k, p in enumerate(paragraphs):
        by_paragraph[p].append(k)
    for members in by_paragraph.values():
        named = [_attributed(sentences[k]) for k in members]
        speakers = {n for n in named if n is not None}
        inside = False  # within a quotation left open by the sentence before
        for k, own in zip(members, named, strict=True):
            text = sentences[k]
            quoted = inside or text.lstrip()[:1] in ('"', "“")
            inside = _open_after(text, inside)
            if own is not None:
                out[k] = own
            elif quoted and len(speakers) == 1:
                out[k] = next(iter(speakers))
    return out


# A sentence that tells what was planned or held before a change ("It had been due to start at
# 3pm on Saturday.", "The bridge was originally meant to cost £10m."): the plan a later
# statement replaces, not a second account of the present one.
_FORMER = re.compile(r"(?i:\b(?:had[ \t]+been[ \t]+(?:due|scheduled|planned|expected|set|meant)"
                     r"|originally|initially|previously|formerly)\b)")


# A sentence that says what its subject is: "Tarrowby is a market town …", "Timothy Bouldry is a
# photographer based in New Hampshire." Its subject is a few words with no clause of its own.
_CLASSIFYING = re.compile(r"[ \t](?:is|was|are|were)[ \t]+(?:a|an)[ \t]")
_COPULA = re.compile(r"(?i:\b(?:is|was|are|were|be|been|being|am|isn't|wasn't|aren't|weren't)\b)")
_NEGATED = re.compile(r"(?i:\b(?:not|no|never|nor|none|nobody|nothing|neither)\b|n[’']t\b)")
_CLAUSE_OPENERS = frozenset(("that", "who", "which", "when", "where", "if", "because", "as",
                             "while", "after", "before", "since", "although", "though"))
CLASSIFYING_SUBJECT_WORDS = 6


def _classifying(sentence: str) -> str | None:
    """"classifies" for a sentence that says what its subject is ("Tarrowby is a market town
    …"); "plain" for one with no copula and no negation ("Tarrowby stands on a low gravel
    terrace …", "Bouldry went to art school in Boston."); else None. A plain sentence tells
    what its subject does or where it is, which cannot deny what the subject is: only another
    account of what it is, or a denial, can (the model reads "is a market town" against "stands
    on a terrace" as two accounts of one thing: 0.78)."""
    if _NEGATED.search(sentence):
        return None
    m = _CLASSIFYING.search(sentence)
    if m is not None:
        subject = sentence[: m.start()].split()
        if (0 < len(subject) <= CLASSIFYING_SUBJECT_WORDS and "," not in sentence[: m.start()]
                and not any(w.lower() in _CLAUSE_OPENERS for w in subject)):
            return "classifies"
        return None
    return None if _COPULA.search(sentence) else "plain"


def _in_opening(pattern: re.Pattern[str], sentence: str, words: int) -> bool:
    """Does ``pattern`` match among the sentence's first ``words`` words?"""
    return pattern.search(" ".join(sentence.split()[:words])) is not None


def _discovery(sentence: str) -> bool:
    return _in_opening(_DISCOVERY, sentence, DISCOVERY_WORDS)


def _succession(sentence: str) -> bool:
    return _in_opening(_SUCCESSION, sentence, SUCCESSION_WORDS)
# A claim reported as a claim ("A meme falsely claims …", "denied claims that …", "rumours that
# …"): the article does not assert it, so a sentence that says otherwise (a fact-check's verdict,
# the subject's denial) does not contradict the article.
_CLAIM = re.compile(r"\b(?:claims?|claimed|claiming|falsely|erroneously|rumou?rs?|rumou?red"
                    r"|purported(?:ly)?|hoax(?:es)?|baseless|unfounded|debunk(?:s|ed|ing)?)\b",
                    re.IGNORECASE)
# A sentence that opens on a condition: "If a penalty notice is not paid, the council may
# prosecute.", "Unless the strike is called off, …" (after a speaker's label or a quotation
# mark).
_CONDITION = re.compile(r"[\W_]{0,3}+(?:If|Unless)[ \t]")


def years_named(sentence: str) -> frozenset[str]:
    """The years a sentence names ("in 2019", "the 1998 final")."""
    return frozenset(_YEAR.findall(sentence))


# Two words run together where a page's furniture meets the text: "Camera IconPioneering",
# "BreakingFTSE 100 starts higher" (a live entry's label glued to a name in capitals).
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])|(?<=[a-z]{3})(?=[A-Z]{2,}+\b)")


def _tokens(text: str) -> list[str]:
    return tokens(_GLUED.sub(" ", text), keep_case=True)


# An impersonal frame that reports a statement without changing it: "It was reported that a man
# riding a bicycle had approached the vehicle …" tells what "A man riding a bicycle approached a
# taxi …" tells, as a police appeal retells its own first paragraph.
_FRAME_VERBS = frozenset(("reported", "understood", "alleged", "said", "claimed", "believed",
                          "thought", "known", "confirmed"))
_FRAME_BE = frozenset(("was", "is", "has", "had", "been"))


def _as_told(toks: list[str]) -> list[str]:
    """``toks`` without an opening impersonal frame ("It was reported that", "It is understood
    that") and with a pluperfect told as the simple past ("had approached" as "approached"), the
    shift of tense that reported speech makes."""
    k = 0
    if len(toks) > 3 and toks[0].lower() == "it":
        j = 1
        while j < len(toks) and toks[j].lower() in _FRAME_BE:
            j += 1
        if j > 1 and j < len(toks) and toks[j].lower() in _FRAME_VERBS:
            k = j + 1 + (j + 1 < len(toks) and toks[j + 1].lower() == "that")
    out = toks[k:]
    return [t for n, t in enumerate(out)
            if not (t.lower() == "had" and n + 1 < len(out) and out[n + 1].lower().endswith("ed")
                    and n > 0 and out[n - 1].lower() not in NEGATORS)]


_COORDINATORS = frozenset(("and", "or", "nor", ",", ";"))


def _echo(side: list[str], other: list[str], before: list[str]) -> bool:
    """Is ``side`` a coordinator and a repeat of words just told before it (", and will never
    accept", where "will never accept" stands earlier in the sentence), where ``other`` is only
    a coordinator ("or")? Then one verb is told twice in one sentence and once in the other:
    "We will never accept a photo …, and will never accept a third-party pickup" says what "We
    will never accept a photo … or a third-party pickup" says."""
    if not other or any(t not in _COORDINATORS for t in other):
        return False
    rest = [t for t in side if t not in _COORDINATORS]
    if not rest or len(rest) == len(side):
        return False
    n = len(rest)
    return any(before[k:k + n] == rest for k in range(len(before) - n + 1))


@lru_cache(maxsize=1)
def _signs() -> dict[str, frozenset[str]]:
    """``rules/nli/conflict_signs.tsv`` by kind; negators from the flip rule are always in."""
    table: dict[str, set[str]] = {"negative": set(NEGATORS), "auxiliary": set(), "time": set(),
                                  "phrase": set()}
    for kind, word in load_rows("nli", "conflict_signs.tsv"):
        word = " ".join(word.lower().split())
        # a phrase of several words ("ruled out") is looked for in the differing part as a whole
        table["phrase" if " " in word else kind].add(word)
    return {kind: frozenset(words) for kind, words in table.items()}


def negative_signs() -> tuple[frozenset[str], frozenset[str]]:
    """The words and the phrases of several words that, on one side of a pair only, may turn
    its claim around ("not", "refused", "turned down")."""
    signs = _signs()
    return signs["negative"], signs["phrase"]


def _is_number(token: str, lex: Lexicon) -> bool:
    return token[0].isdigit() or token.lower() in lex.number_words


def _conflict_sign(left: list[str], right: list[str], lex: Lexicon) -> bool:
    """Does this differing part (``left`` in one sentence, ``right`` in the other) look like a
    flip rather than a detail?"""
    signs = _signs()
    lower = {t.lower() for t in left} | {t.lower() for t in right}
    if lower & signs["negative"]:
        return True
    if signs["phrase"] and any(
        f" {phrase} " in f" {' '.join(side).lower()} " for side in (left, right) if len(side) > 1
        for phrase in signs["phrase"]
    ):
        return True
    if any(_is_number(t, lex) for t in left) and any(_is_number(t, lex) for t in right):
        return True
    if left and right:
        function = function_words()
        if (any(t[0].isupper() and t.lower() not in function for t in left)
                and any(t[0].isupper() and t.lower() not in function for t in right)):
            return True  # a name on each side ("in Paris" / "in London"); not a title's "The"
        if _existential(left, right) or _existential(right, left):
            return False  # "concerned of an influx" / "concerned there will be an influx"
        if lower & signs["time"]:
            return True
        auxiliaries = lower & signs["auxiliary"]
        if auxiliaries and not (auxiliaries <= _PASSIVE and _one_verb(left, right)):
            return True  # a tense changed; but "are being added" / "we are adding" is one act
    return False


_PASSIVE = frozenset(("being", "been", "be"))  # the auxiliaries of a passive, which tell no tense
_VERB_ENDINGS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""),
                 ("d", ""))


def verb_stem(word: str) -> str:
    """A verb's forms to one stem: "close", "closed", "closes" and "closing" are "clos";
    "carried" and "carry" are "carry"."""
    for ending, put in _VERB_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)] + put
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _one_verb(left: list[str], right: list[str]) -> bool:
    """Is one verb on both sides in two forms ("added" / "adding"): one act told in the passive
    and in the active?"""
    stems = {verb_stem(t.lower()) for t in left if t.isalpha() and t.lower() not in _PASSIVE}
    return any(verb_stem(t.lower()) in stems and t.lower() not in {x.lower() for x in left}
               for t in right if t.isalpha())


_THERE_BE = frozenset(("there", "will", "would", "could", "may", "might", "be", "is", "are",
                       "was", "were"))
_PREPOSITIONS = frozenset(("of", "about", "over", "at", "for", "that"))


def _existential(side: list[str], other: list[str]) -> bool:
    """Is ``side`` an existential "there will be" ("there is", "there may be") where ``other``
    has only a preposition ("Police are concerned of an influx …" / "Police are concerned
    there will be an influx …")? The same worry told two ways: no tense changed."""
    words = [t.lower() for t in side]
    return (bool(words) and words[0] == "there" and set(words) <= _THERE_BE
            and bool(other) and all(t.lower() in _PREPOSITIONS for t in other))


# One statement told in the past and in the present, as a live page's log retells its story:
# "The fire service said at 16:00 that the fire was under control." / "16:10 - The fire service
# says the fire is under control."
_TENSE = {"said": "says", "say": "says", "was": "is", "were": "are", "had": "has",
          "have": "has"}


def restatement(a: str, b: str, lex: Lexicon | None = None) -> bool:
    """True when ``b`` says what ``a`` says with details added, dropped or lightly reworded (the
    tense of "say" and "be" aside, and the label of an entry or a speaker that opens either:
    "Update 6: Launch has been scrubbed because of the bad weather." restates "After all, launch
    has been scrubbed because of the weather.")."""
    lex = lex or load_lexicon()
    ta, tb = _as_told(_tokens(unlabelled(a))), _as_told(_tokens(unlabelled(b)))
    la = [_TENSE.get(t.lower(), t.lower()) for t in ta]
    lb = [_TENSE.get(t.lower(), t.lower()) for t in tb]
    if min(len(la), len(lb)) < MIN_SHARED_INSERTED:
        return False
    matcher = SequenceMatcher(None, la, lb, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    replaced = any(op[0] == "replace" for op in ops)
    # a short sentence found whole in the other, words only added ("I would go mad." / "I would
    # probably go mad."), is a restatement from the model's four-word floor up
    whole = not replaced and shared == min(len(la), len(lb))
    if shared < (MIN_SHARED_INSERTED if whole else MIN_SHARED):
        return False
    if replaced:
        if shared < SHARED_OF_LONGER * max(len(la), len(lb)):
            return False
    elif shared < SHARED_OF_SHORTER * min(len(la), len(lb)):
        return False
    words_a, words_b = set(la), set(lb)
    stop = stopwords()
    if _swapped_names(_content(a, stop), _content(b, stop)):
        return False
    for _, i1, i2, j1, j2 in ops:
        if _same_day(la[i1:i2], lb[j1:j2]):
            continue
        if _echo(la[i1:i2], lb[j1:j2], la[:i1]) or _echo(lb[j1:j2], la[i1:i2], lb[:j1]):
            continue
        if _conflict_sign(ta[i1:i2], tb[j1:j2], lex):
            return False
        if any(lex.flips(x) & words_b for x in la[i1:i2]):
            return False
        if any(lex.flips(y) & words_a for y in lb[j1:j2]):
            return False
    return True


_RELATIVE_DAYS = frozenset({"today", "tonight", "yesterday", "tomorrow"})
_DAY_WORDS = frozenset({"on", "this", "last", "morning", "afternoon", "evening", "night"})


def _same_day(a: list[str], b: list[str]) -> bool:
    """One side names the day relative to the story ("today", "yesterday") and the other by its
    name or date ("on Wednesday", "on August 25"): the same day told two ways, which only the
    date line could tell apart ("fronted court today" / "fronted court on Wednesday")."""
    def relative(words: list[str]) -> bool:
        return bool(words) and any(w in _RELATIVE_DAYS for w in words) and all(
            w in _RELATIVE_DAYS or w in _DAY_WORDS for w in words)

    def named(words: list[str]) -> bool:
        return bool(words) and any(w in WEEKDAYS or w in MONTHS for w in words) and all(
            w in WEEKDAYS or w in MONTHS or w in _DAY_WORDS or w.isdigit() for w in words)

    return (relative(a) and named(b)) or (named(a) and relative(b))


def _words(text: str, stop: frozenset[str]) -> list[str]:
    """The words of ``text`` in their case, but a sentence-opening function word lower-cased, so
    "A" or "The" never counts as a name, and a possessive's "'s" dropped ("Aoyama's" is the
    same name as "Aoyama")."""
    toks = [t[:-2] if len(t) > 2 and t[-2:] in _POSSESSIVE else t
            for t in _as_told(_tokens(text))]
    if toks and (toks[0].lower() in stop or toks[0].lower() in function_words()):
        toks[0] = toks[0].lower()
    return toks


def _content(text: str, stop: frozenset[str]) -> list[str]:
    """The words of ``text`` that carry its content."""
    return [t for t in _words(text, stop) if t.lower() not in stop
            and t.lower() not in IGNORABLE and t.lower() not in LIGHT]


def _names(words: list[str]) -> set[str]:
    """Words written as names: capitalised past the first word (which any sentence capitalises),
    and an opening acronym ("LED", "BBC")."""
    names = {t.lower() for t in words[1:] if t[0].isupper()}
    if words and len(words[0]) > 1 and words[0].isupper():
        names.add(words[0].lower())
    return names


def _swapped_names(a: list[str], b: list[str]) -> bool:
    """Do the names written as names in both (capitalised, not just opening the sentence) come
    in another order? Then roles may be swapped ("Fatah accused Hamas" / "Hamas accused
    Fatah"), which cannot be told from a reordering by the words alone."""
    both = _names(a) & _names(b)
    order_a = list(dict.fromkeys(t.lower() for t in a if t.lower() in both))
    order_b = list(dict.fromkeys(t.lower() for t in b if t.lower() in both))
    return order_a != order_b


# A forecast told as expected rather than as certain: "Storm Brenna is expected to bring …"
_EXPECTED_TO = re.compile(r"(?<![\w'’-])(?:is|are)[ \t]++(?:expected|likely|set|due|forecast)"
                          r"[ \t]++to(?![\w'’-])", re.IGNORECASE)
_WILL = re.compile(r"(?<![\w'’-])will(?![\w'’-])", re.IGNORECASE)
_WILL_VERB = re.compile(r"(?<![\w'’-])will[ \t]++([a-z]++)(?![\w'’-])", re.IGNORECASE)
_AUXILIARY = re.compile(r"(?i:\b(?:will|would|shall|should|can|could|may|might|must|has|have|had"
                        r"|is|are|was|were|did|does|won't|didn't)\b)")
_TOKEN_WORD = re.compile(r"[A-Za-z]++")


def _one_future(a: str, b: str) -> tuple[str, str]:
    """``a`` and ``b``, with "is expected to" (or likely, set, due) told as "will" where the
    other sentence says "will" ("Storm Brenna will bring very strong winds …" / "Storm Brenna is
    expected to bring very strong south-westerly winds …"): one forecast, no tense changed. And
    "will" dropped before a verb the other sentence gives bare, as a forecast's headline does
    ("Clouds will increase tonight …" / "Tonight: Clouds increase."), when the other sentence
    has no auxiliary of its own."""
    wa, wb = _WILL_VERB.search(a), _WILL_VERB.search(b)
    if (wa is None) != (wb is None):
        with_will, bare = (a, b) if wa is not None else (b, a)
        m = wa or wb
        assert m is not None
        verb = m.group(1).lower()
        present = {verb, verb + "s", verb + "es"}  # "increase", "increases"; not "increased"
        if not _AUXILIARY.search(bare) and any(
                t.lower() in present for t in _TOKEN_WORD.findall(bare)):
            changed = with_will[: m.start()] + with_will[m.start(1):]
            return (changed, bare) if wa is not None else (bare, changed)
    if " to " not in a and " to " not in b:
        return a, b
    if _WILL.search(a) and _EXPECTED_TO.search(b):
        return a, _EXPECTED_TO.sub("will", b)
    if _WILL.search(b) and _EXPECTED_TO.search(a):
        return _EXPECTED_TO.sub("will", a), b
    return a, b


def reworded_restatement(a: str, b: str, lex: Lexicon | None = None,
                         stop: frozenset[str] | None = None) -> bool:
    """True when ``b`` restates ``a`` in another order: most content words of the shorter are in
    the longer (``SHARED_CONTENT``) and the words that differ carry no sign of conflict.

    A summary line and the body sentence it was cut from are often reworded as well as cut
    ("A high shelf in the hallway holds original tins of produce from yesteryear, …" / "A hallway
    shelf holds original tins of produce from the past …"), which the word-for-word alignment of
    ``restatement`` cannot follow. The differing words are counted over every word, function
    words included, so that "first"/"last", "before"/"after" or a second "not" still count."""
    lex = lex or load_lexicon()
    stop = stop if stop is not None else stopwords()
    a, b = _one_future(a, b)
    ca, cb = _content(a, stop), _content(b, stop)
    words_a, words_b = {t.lower() for t in ca}, {t.lower() for t in cb}
    shared = len(words_a & words_b)
    if shared < MIN_SHARED or shared < SHARED_CONTENT * min(len(words_a), len(words_b)):
        return False
    ta, tb = _words(a, stop), _words(b, stop)
    count_a, count_b = Counter(t.lower() for t in ta), Counter(t.lower() for t in tb)
    only_a, only_b = count_a - count_b, count_b - count_a
    left = [t for t in ta if only_a.get(t.lower())]
    right = [t for t in tb if only_b.get(t.lower())]
    if _conflict_sign(left, right, lex):
        return False
    if any(lex.flips(x.lower()) & count_b.keys() for x in left):
        return False
    if any(lex.flips(y.lower()) & count_a.keys() for y in right):
        return False
    return not _swapped_names(ca, cb)


# An instruction opens on its verb, then a function word or a particle ("Hike to Lummi Peak.",
# "Pick up heirloom tomatoes …", "Bake for 20 minutes."); a sentence that opens on a noun goes on
# with a noun or tells its verb before the first comma ("Search teams found …", "Work on the
# bridge was halted").
_OPENING = re.compile(r"[^A-Za-z]{0,3}+([A-Z][a-z]++)[ \t]++([a-z]++)")
_PARTICLES = frozenset(("up", "down", "around", "out", "off", "over", "back", "through",
                        "along", "across", "into", "onto", "away", "past"))
_FINITE = frozenset(("is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
                     "could", "may", "might", "must", "should", "did", "does", "said", "says"))
_SUBORDINATORS = frozenset(("if", "when", "as", "because", "while", "unless", "until", "so",
                            "who", "which", "that", "before", "after", "where", "once"))


@lru_cache(maxsize=1)
def _instruction_verbs() -> frozenset[str]:
    return frozenset(load_lines("nli", "instruction_verbs.txt"))


def instruction(sentence: str) -> bool:
    """Does the sentence tell the reader what to do, as a travel guide, a recipe or a how-to
    does ("Hike to Lummi Peak, the highest point on the island.", "Drive to the Willows Inn.")?
    It opens on a verb of ``rules/nli/instruction_verbs.txt`` followed by a function word or a
    particle, with no finite verb and no negation in its main clause (up to the first comma or
    subordinating word). A polite "Please" before the verb is no other word ("Please speak to
    the nurse in charge before visiting.")."""
    if sentence[:7].lower() == "please " and sentence[7:8].isalpha():
        sentence = sentence[7].upper() + sentence[8:]
    m = _OPENING.match(sentence)
    if m is None or m.group(1).lower() not in _instruction_verbs():
        return False
    after = m.group(2)
    if after not in function_words() and after not in _PARTICLES:
        return False
    words = [w.lower() for w in _tokens(sentence.split(",", 1)[0])]
    # the main clause: up to the first comma or subordinating word ("Wear a mask only if you
    # are ill …" tells what to do; "Work on the bridge was halted" does not)
    clause = set(words[: next((k for k, w in enumerate(words) if w in _SUBORDINATORS),
                              len(words))])
    return clause.isdisjoint(_FINITE) and clause.isdisjoint(NEGATORS)


# The outcome of a vote on "the motion" as minutes record it after each motion is made: "A vote
# was taken and the motion passed 7-0." / "… the motion passed 6-1, Foley opposed." "The motion"
# is the one just made, so two such sentences are about two motions.
_MOTION_VOTE = re.compile(
    r"\bthe[ \t]++motion[ \t]++(?:was[ \t]++)?+(?:passed|carried|failed|approved|defeated"
    r"|adopted|rejected|lost)\b", re.IGNORECASE)


# Minutes' record of a vote that opens on its outcome: "Carried by 8 votes to 0, with 1
# abstention.", "CARRIED unanimously."
_OUTCOME_OPENING = re.compile(
    r"\W{0,3}+(?i:carried|passed|lost|defeated|approved|rejected)[ \t]++(?i:unanimously|by\b)")


def motion_vote(sentence: str) -> bool:
    """Does the sentence record the vote on "the motion" of a meeting's minutes ("… the motion
    was CARRIED by 6 votes to 2", "Carried by 8 votes to 0.")?"""
    return (_MOTION_VOTE.search(sentence) is not None
            or _OUTCOME_OPENING.match(sentence) is not None)


_PRONOUNS = frozenset(("i", "you", "he", "she", "it", "we", "they", "him", "her", "them", "us",
                       "me", "his", "its", "their", "our", "my", "your"))


def other_pronoun(a: str, b: str) -> bool:
    """The same words about another person or thing, one pronoun put for another ("Like it
    didn't count." / "Like he didn't count."): a parallel, two subjects, not two accounts."""
    ta, tb = tokens(a), tokens(b)
    if len(ta) != len(tb):
        return False
    differ = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
    return len(differ) == 1 and differ[0][0] in _PRONOUNS and differ[0][1] in _PRONOUNS


def series_items(a: str, b: str, lex: Lexicon) -> bool:
    """Two sentences in the same words but their figures, one of them the number of an item of
    a series ("… will be removed from route 105 with the service returning to run every 12
    minutes …" / "… from route 395 … every 20 minutes …"): two routes, each with its own
    timetable, not two accounts of one. (CT102 reads a single differing figure after such a
    word the same way.)"""
    ta, tb = tokens(a), tokens(b)
    if len(ta) != len(tb):
        return False
    differ = [k for k, (x, y) in enumerate(zip(ta, tb, strict=True)) if x != y]
    if not differ or not all(_is_number(ta[k], lex) and _is_number(tb[k], lex) for k in differ):
        return False
    return any(k > 0 and ta[k - 1] in enumerators() for k in differ)


# A list item keyed by the number it opens with, a label's colon after a few words ("- 2 Main
# Numbers + Thunderball: [Prize Amount] (odds … 1 in 148)", "3 bedrooms: £1,450 a month")
_KEYED_ROW = re.compile(r"(\d(?<![\d,.]\d)[\d,.]*+)[ \t]++[^:.!?\n]{1,40}+:[ \t]")


def _keyed_rows(a: str, b: str) -> bool:
    """Two rows of a table set out as a list, each keyed by its own number ("- 2 Main Numbers +
    Thunderball: …" / "- 1 Main Number + Thunderball: …"): two prizes, not two accounts of one.
    A list of key facts ("- 5 people died" / "- 7 people died") has no label and is still read."""
    ka = _KEYED_ROW.match(a.lstrip(BULLETS + " \t"))
    kb = _KEYED_ROW.match(b.lstrip(BULLETS + " \t"))
    return ka is not None and kb is not None and ka.group(1) != kb.group(1)


ROW_CELLS = 3  # cells set off by " | " that make a line a table's row
ROW_CELLS_DIFFERENT = 2  # cells two rows of one table differ in that make them two things
LISTING_FIELD_LINES = 3  # unpunctuated lines opening on one word that make it a listing's field


def table_cells(sentence: str) -> tuple[str, ...] | None:
    """The cells of a one-line table row ("Blazer | Black, … sizes 28" to 36" chest | Harrow &
    Finch | £32.50"), or None."""
    if "\n" in sentence.strip() or sentence.count(" | ") < ROW_CELLS - 1:
        return None
    return tuple(" ".join(cell.split()) for cell in sentence.split(" | "))


CASE_LABEL_LINES = 2  # lines a sentence-case label opens that make it a series' label


def sentence_case_labels(sentences: Sequence[str]) -> list[str | None]:
    """For each sentence that opens on a label of two to five words in sentence case ("Old
    system:", "New system:"; ``checker.entries.case_label``) which opens ``CASE_LABEL_LINES``
    sentences or more, that label, lower-cased; else None. Two such labels are two series of
    one example, each with its own figures (a one-off "Our view:" is no series)."""
    found = [case_label(s) for s in sentences]
    counts = Counter(x for x in found if x is not None)
    return [x if x is not None and counts[x] >= CASE_LABEL_LINES else None for x in found]


def _two_rows(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> bool:
    """Two rows of one table that differ in two cells or more ("Blazer | … sizes 28" to 36"
    chest | … | £32.50" / "Blazer | … sizes 38" to 44" chest | … | £36.50"): two things, each
    with its own figures. A row given again with one cell changed is still compared."""
    return (a is not None and b is not None and len(a) == len(b)
            and sum(x != y for x, y in zip(a, b, strict=True)) >= ROW_CELLS_DIFFERENT)


def listing_openers(sentences: Sequence[str]) -> list[str | None]:
    """For each unpunctuated line that opens on a word that ``LISTING_FIELD_LINES`` or more such
    lines open on, that word, lower-cased; else None. "Added today by Harbourside Lettings" /
    "Added 3 days ago by Coastline Homes" / "Added yesterday by …": one field of each entry of
    a listing, each about its own entry. (A table's rows are judged by their cells.)"""
    openers: list[str | None] = []
    for sentence in sentences:
        line = sentence.strip()
        words = line.split(maxsplit=1)
        fragment = (bool(words) and "\n" not in line and line[-1:] not in ".!?:\"”’"
                    and len(line.split()) <= LIST_ITEM_TOKENS and table_cells(line) is None)
        openers.append(words[0].lower() if fragment else None)
    counts = Counter(w for w in openers if w is not None)
    return [w if w is not None and counts[w] >= LISTING_FIELD_LINES else None for w in openers]


def _fragment(text: str) -> bool:
    """A short, verbless listing line: 'Chelsea 1-1 Manchester City.', '"Veep," 10:30 ET, HBO.'"""
    toks = _tokens(text)
    return (
        0 < len(toks) <= FRAGMENT_TOKENS
        and any(t[0].isdigit() for t in toks)
        and all(t[0].isdigit() or t[0].isupper() or len(t) <= 4 for t in toks)
    )


def _starts_with_bullet(text: str) -> bool:
    first = text.lstrip()[:1]
    return bool(first) and first in BULLETS


def list_items(sentences: Sequence[str]) -> set[int]:
    """Indices of sentences in a run of at least three short items with a number or a bullet.
    A bulleted item's second sentence ("- Guyana, due to violent crime. The notice states …" /
    "- Bangladesh, …" / "- Pakistan, …") does not end the run, and is no item itself."""
    item = [
        len(_tokens(s)) <= LIST_ITEM_TOKENS
        and (any(c.isdigit() for c in s) or _starts_with_bullet(s))
        for s in sentences
    ]
    bulleted = [_starts_with_bullet(s) for s in sentences]
    n = len(sentences)
    out: set[int] = set()
    start = 0
    while start < n:
        end, run = start, []
        while end < n:
            if item[end]:
                run.append(end)
            elif not (run and bulleted[run[-1]] and run[-1] == end - 1
                      and end + 1 < n and item[end + 1] and bulleted[end + 1]):
                break
            end += 1
        if len(run) >= LIST_RUN:
            out.update(run)
        start = max(end, start + 1)
    return out


def roll_call_rounds(labels: Sequence[str | None]) -> dict[int, int]:
    """Round numbers of the labelled lines that form a repeated roll call.

    A list of picks or votes can give the same panel twice under two headings ("who will win",
    "who should win"), and the headings are often lost when the page is extracted: each voice
    then seems to say two different things. The labelled lines are cut into rounds, a new round
    starting where a voice comes back; two consecutive rounds of the same ``ROLL_CALL`` or more
    voices are a roll call, and its lines are numbered by round. A two-way exchange (questions
    and answers) or a panel of three in turn is not one, so a witness's two answers are still
    compared."""
    rounds: list[list[int]] = [[]]
    for index, label in enumerate(labels):
        if label is None:
            continue
        if any(labels[k] == label for k in rounds[-1]):
            rounds.append([])
        rounds[-1].append(index)
    out: dict[int, int] = {}
    voices = [frozenset(labels[k] for k in r) for r in rounds]
    for n in range(len(rounds) - 1):
        if len(voices[n]) >= ROLL_CALL and voices[n] == voices[n + 1]:
            for k in rounds[n]:
                out.setdefault(k, n)
            for k in rounds[n + 1]:
                out[k] = n + 1
    return out


def _subject(text: str, stop: frozenset[str]) -> str | None:
    """The first word that is not a number, a bullet or a function word."""
    for token in _tokens(text):
        low = token.lower()
        if token[0].isdigit() or low in stop or low in IGNORABLE or low in LIGHT:
            continue
        return low
    return None


def entry_labels(sentences: Sequence[str], paragraphs: Sequence[int] | None = None,
                 written: Sequence[str | None] | None = None) -> list[str | None]:
    """The label each sentence is under: its own opening label ("GRAHAM COWLEY:", "Saturday:",
    "Northern Ireland:"), or else, with ``paragraphs`` given, the label of the nearest sentence
    before it in the same paragraph. A label opens an entry, and every sentence of the entry is
    said under it: "Saturday: Rain showers … . Highs will reach the low and mid 70s." is about
    Saturday in both sentences, and a speaker's second sentence is still that speaker's.
    ``written``: each sentence's label as written (``written_label``), when already read."""
    if written is None:
        written = [written_label(s) for s in sentences]
    labels = [None if w is None else normal_label(w) for w in written]
    if paragraphs is None:
        return labels
    carried: list[str | None] = []
    for k, label in enumerate(labels):
        if label is None and k and paragraphs[k] == paragraphs[k - 1]:
            label = carried[-1]
        carried.append(label)
    return carried


# A label that counts its entry, then a colon: "End of over 17:", "Round 3:", "After lap 12:".
# Each entry of a series under such labels is a moment of its own.
_NUMBERED_LABEL = re.compile(r"(?<![ \t])[ \t]*+([A-Z][a-z]++(?:[ \t]++[a-z]++){0,3}+)[ \t]++"
                             r"(\d{1,3}+)[ \t]*+:")


def numbered_labels(sentences: Sequence[str],
                    paragraphs: Sequence[int] | None = None) -> list[tuple[str, int] | None]:
    """The numbered label each sentence is under (its own, or with ``paragraphs`` the nearest
    before it in its paragraph), as (its words lower-cased, its number): "End of over 17:
    Falcons 121-4. … The Falcons need 28 from the last 18 balls." is ("end of over", 17) in
    both sentences. None where there is none."""
    out: list[tuple[str, int] | None] = []
    for k, sentence in enumerate(sentences):
        m = _NUMBERED_LABEL.match(sentence)
        if m is not None:
            out.append((" ".join(m.group(1).lower().split()), int(m.group(2))))
        elif paragraphs is not None and k and paragraphs[k] == paragraphs[k - 1]:
            out.append(out[-1])
        else:
            out.append(None)
    return out


# The enumerator an item of a list opens with: "i) …", "(b) …", "2. …", "3) …", at a sentence's
# start or after a line break inside one (a heading without a full stop runs into the sentence
# after it: "Various schemes …:\ni) Nai Manzil scheme started in 2015 …").
_ENUMERATOR = re.compile(r"(?:\A|\n)[ \t]*+\(?+(?:(?:[ivx]{1,5}+|[a-h])\)|\d{1,2}+[.)])[ \t]")


def enumerated_items(sentences: Sequence[str],
                     paragraphs: Sequence[int] | None = None) -> list[int | None]:
    """For each sentence in an item of an enumerated list, the index of the sentence that opens
    the item, else None: "i) Nai Manzil scheme started in 2015 … Since inception, 98,712
    beneficiaries have been trained under the scheme." / "ii) USTTAD scheme … Since inception,
    about 21,611 beneficiaries …" are two items, each about its own scheme. An item runs to the
    next item or the end of its block (``paragraphs``)."""
    out: list[int | None] = []
    item: int | None = None
    for k, sentence in enumerate(sentences):
        if k and paragraphs is not None and paragraphs[k - 1] != paragraphs[k]:
            item = None
        if _ENUMERATOR.search(sentence) is not None:
            item = k
        out.append(item)
    return out


class PairFilter:
    """Decides, for one document, which candidate pairs the model need not score."""

    def __init__(self, sentences: Sequence[str],
                 paragraphs: Sequence[int] | None = None,
                 sections: Sequence[int] | None = None) -> None:
        self._sentences = sentences
        self._items = list_items(sentences)
        self._cells = [table_cells(s) for s in sentences]
        self._case_labels = sentence_case_labels(sentences)
        self._openers = listing_openers(sentences)
        self._enumerated = enumerated_items(sentences, paragraphs)
        self._instructions = [instruction(s) for s in sentences]
        self._courtesies = [courtesy(s) for s in sentences]
        self._votes = [motion_vote(s) for s in sentences]
        written = [written_label(s) for s in sentences]
        self._labels = entry_labels(sentences, paragraphs, written)
        self._quoted = quoted_speakers(sentences, paragraphs)
        self._fields = listing_fields(self._labels) | record_fields(sentences, written)
        self._parents = _parent_entries(self._labels, written, paragraphs)
        self._subfields = _entry_fields(self._labels, self._parents)
        self._entries = entry_numbers(sentences)
        self._numbered = numbered_labels(sentences, paragraphs)
        self._events = commentary_events(sentences)
        self._readings = forecast_readings(sentences)
        self._template_lines = template_lines(sentences)
        self._placings = [placing_category(s) for s in sentences]
        self._innings = [innings_score(s) for s in sentences]
        self._in_play = in_play(sentences)
        self._states = [score_state(s) for s in sentences]
        self._scores = [has_score(s) for s in sentences]
        self._ordinals = [_ordinal_things(s) for s in sentences]
        self._moves = play_by_play(sentences)
        # on a forecast's page, the part of a period each sentence is about ("a cooler start
        # to next week" / "a chilly end to next week": two spells of weather)
        self._parts = ([_period_part(s) for s in sentences] if any(self._readings)
                       else [None] * len(sentences))
        headings = _heading_lines(sentences)
        self._voices = _named_voices(sentences, headings)
        self._years = _under_year_headings(headings, [years_named(s) for s in sentences])
        self._days = [first_day_named(s) for s in sentences]
        self._clocks = [clock_times(s) for s in sentences]
        self._sequence = [sequence_events(s) for s in sentences]
        self._block_labels = block_labels(sentences, paragraphs, sections)
        self._heading_parts = _under_part_headings(headings, sentences)
        # the day each entry of a dated list names (two entries of a list, two days)
        self._list_days = [entry_day(s) if listing_entry(s) else None for s in sentences]
        self._genders = [_pronoun_gender(s) for s in sentences]
        self._introduced = [_introduced(s) for s in sentences]
        self._counted = [_counted(s) for s in sentences]
        self._subjects = [_agreeing_subject(s) for s in sentences]
        self._groups = [_counted_groups(s) for s in sentences]
        self._templates = [_template(s) for s in sentences]
        self._cases = case_entries(sentences)
        # the headline, and a title printed more than once wherever it stands
        headline = _headline(sentences, paragraphs)
        self._titles = _repeated_titles(sentences) | headline
        self._subheads = _subheadings(
            headings, [h and _list_line(x) for h, x in zip(headings, sentences, strict=True)])
        self._headed = (_headed_items(headings, sentences) if any(headings)
                        else [None] * len(sentences))
        self._name_runs = ([_name_runs(s) for s in sentences] if any(
            h is not None for h in self._headed) else [frozenset()] * len(sentences))
        self._captions = captions(sentences)
        self._claims = [_CLAIM.search(s) is not None for s in sentences]
        self._conditions = [_CONDITION.match(unlabelled(s)) is not None for s in sentences]
        self._asking = _asking(sentences, paragraphs)
        self._quoted_questions = [quoted_question(s) for s in sentences]
        self._charges: dict[int, str | None] = {}  # each sentence's charge_stance, when asked
        self._additions = [_ADDITION.search(s) is not None for s in sentences]
        self._successions = [_succession(s) for s in sentences]
        self._discoveries = [_discovery(s) for s in sentences]
        self._reports = [_REPORTED.search(s) is not None for s in sentences]
        self._sources = [_source(s) for s in sentences]
        self._answers = question_sections(sentences, paragraphs)
        self._formers = [_FORMER.search(s) is not None for s in sentences]
        self._classifying = [_classifying(s) for s in sentences]
        self._rounds = roll_call_rounds(self._labels)
        self._stop = stopwords()
        self._lex = load_lexicon()

    def parallel(self, i: int, j: int) -> bool:
        """Two items of a list, each about its own subject ("Chelsea 1-1 Manchester City." /
        "Arsenal 2-0 Everton."), or two items of a numbered series told in the same words
        (``series_items``), or two rows of a table that differ in two cells or more, or one
        field of two entries of a listing (``listing_openers``), or two sentences of two items
        of an enumerated list, each item about its own subject ("i) Nai Manzil scheme … Since
        inception, 98,712 beneficiaries have been trained under the scheme." / "ii) USTTAD
        scheme … Since inception, about 21,611 beneficiaries have been trained under the
        scheme.": ``enumerated_items``)."""
        a, b = self._sentences[i], self._sentences[j]
        if series_items(a, b, self._lex) or other_pronoun(a, b):
            return True
        if _two_rows(self._cells[i], self._cells[j]):
            return True  # two rows of a table: two things
        oa, ob = self._openers[i], self._openers[j]
        if oa is not None and oa == ob:
            return True  # one field of two entries of a listing ("Added today by …" / "Added
            # yesterday by …")
        ei, ej = self._enumerated[i], self._enumerated[j]
        if ei is not None and ej is not None and ei != ej:
            return True
        both_items = i in self._items and j in self._items
        if both_items and _keyed_rows(a, b):
            return True
        if not (both_items or (_fragment(a) and _fragment(b))):
            return False
        sa, sb = _subject(a, self._stop), _subject(b, self._stop)
        return sa is not None and sb is not None and sa != sb

    def speakers(self, i: int, j: int) -> bool:
        """Two lines of a transcript or a list of picks, each opening with its own speaker's or
        source's label ("- Jamie Graham, Total Film: …" / "- Tim Dams, Screen International:
        …"): two people's statements, which do not contradict each other. So are the lines of a
        listing that open with one field label three times or more ("When: August 19, 11
        a.m.-7 p.m." / "When: August 19, 10 a.m.-6 p.m."): two events' times."""
        va, vb = self._voices[i], self._voices[j]
        if va is not None and vb is not None and va != vb:
            return True  # two candidates' statements, each under its writer's name
        qa, qb = self._quoted[i], self._quoted[j]
        if qa is not None and qb is not None and qa != qb:
            return True  # two people's quoted words: '"They don't know whose they are."' in
            # Duncan's, '"They know exactly whose they are."' in Edith's
        ca, cb = self._case_labels[i], self._case_labels[j]
        if ca is not None and cb is not None and (ca != cb or ca in self._fields):
            return True  # two series of a worked example ("Old system: … Total: £3,000." /
            # "New system: … Total: £2,450."), each label opening lines of its own; or one
            # field of two records ("Parish council response: Objection." / "Parish council
            # response: No objection.", under two applications of a planning list)
        a, b = self._labels[i], self._labels[j]
        if a is None or b is None:
            return False
        if a != b or a in self._fields:
            return True  # two speakers; or one field of two entries of a listing ("When: …")
        pa, pb = self._parents[i], self._parents[j]
        if a in self._subfields and pa is not None and pb is not None and pa != pb:
            return True  # one field of two entries ("Lot 18: … Hammer: £540, below low
            # estimate." / "Lot 25: … Hammer: £380, below low estimate.")
        # one voice in two rounds of a roll call ("who will win" / "who should win")
        ra, rb = self._rounds.get(i), self._rounds.get(j)
        return ra is not None and rb is not None and ra != rb

    def moments(self, i: int, j: int) -> bool:
        """Two sentences in two entries of a live page or a timeline, each under its own time
        or date heading ("16:47 … FTSE 100 closes higher" / "Yesterday 22.01.2018 … 16:52 …
        FTSE 100 closes lower"): two moments, and what held at one need not hold at the other.
        So are two sentences each dated to years of its own, none in common ("The mill shut in
        1998." / "The mill reopened as a museum in 2011."), an event and the one that follows it
        ("Cllr Hale left the room." / "Cllr Hale returned to the meeting."; "The library opened
        at 9am." / "The library closed at 5pm.", at two clock times: ``in_sequence``), two that
        follow two labels opening their blocks ("Men's 100m, heat 1 (wind +1.2). First three in
        each heat … qualify" / "Women's 200m, heat 1 (wind +0.6). First two in each heat …
        qualify": ``block_labels``), and two that each open on a day of their own ("M18, from
        8pm January 18 to 6am January 21, …" / "M18, from 8pm January 13 to 6am January 18, …":
        two closures of a list of road works), unless the dates are all that differs in two
        sentences of prose: the same statement with another year or day is a flip, left to CT102
        and the model. Two entries of a list (bulleted, or lines that do not end as sentences do:
        "Term Begins Monday 4th September" / "Term Begins Monday 4th November") are two moments
        even then.
        And so are two events of a live commentary (``checker.entries.commentary_events``):
        "Foul by Kyle Dawes (Brackwater Rovers)." and, later, "Kyle Dawes (Brackwater Rovers)
        wins a free kick"; a running score that falls, the one way two scores of a match
        conflict, is CT102's. So are two temperatures of a forecast
        (``checker.entries.forecast_readings``): "Lows range in the 20s." and "Lows drop to the
        low to mid-30s." are two nights. And so are two results lines that place the entrants
        of two categories (``checker.entries.placing_category``): "One jar marmalade: First, …"
        and "One jar chutney: First, …" are two competitions. So are two lines that open with
        a cricket side's score (``checker.entries.innings_score``), and two that state a game's
        score or margin while it is played, on a page that follows one (``checker.entries.
        in_play``: "Miami up by one." / "Miami goes up by four."), and two moves narrated on a
        page told move by move (``checker.entries.play_by_play``: "Findley lands a right hand."
        / "Findley finally lands a left."). And two votes on "the motion" in a meeting's
        minutes (``motion_vote``) are votes on two motions, and two entries under labels
        that count them ("End of over 17:" / "End of over 19:", ``numbered_labels``) are two
        moments of the series. On a forecast's page
        (``checker.entries.forecast_readings``), two sentences about two parts of one period
        ("a cooler start to next week" / "a chilly end to next week") are two spells."""
        a, b = self._entries[i], self._entries[j]
        if a is not None and b is not None and a != b:
            return True
        na, nb = self._numbered[i], self._numbered[j]
        if na is not None and nb is not None and na[0] == nb[0] and na[1] != nb[1]:
            return True  # "End of over 17: … The Falcons need 28 from the last 18 balls." /
            # "End of over 19: … The Falcons need 9 from the final six balls.": two moments
        if self._votes[i] and self._votes[j]:
            return True  # "… the motion passed 7-0." / "… the motion passed 6-1": two motions
        pa, pb = self._placings[i], self._placings[j]
        if pa is not None and pb is not None and pa != pb:
            return True
        if self._innings[i] and self._innings[j]:
            return True  # "Australia: 7-294 (…" / "Australia: 8-294 (…": a wicket later
        if self._in_play[i] and self._in_play[j]:
            return True  # "Federer leads 6-4, 5-2." / "Federer leads 6-4, 6-2.": a game later
        if ((self._states[i] or self._states[j]) and self._scores[i] and self._scores[j]
                and _named(self._sentences[i]) & _named(self._sentences[j])):
            return True  # "Lisowski leads Saengkham 9-7" / "Lisowski defeats Saengkham 10-7":
            # the state of a game at one moment, and its score at another or its result
        oa, ob = self._ordinals[i], self._ordinals[j]
        if any(oa[noun].isdisjoint(ob[noun]) for noun in oa.keys() & ob.keys()) and not (
                _same_but_ordinals(self._sentences[i], self._sentences[j])):
            return True  # "fuel is completely loaded into the second stage" / "They are
            # continuing to load fuel into the first stage": two stages, two halves, two rounds
        if self._moves[i] and self._moves[j]:
            return True  # "Findley lands a right hand." / "Findley finally lands a left."
        qa, qb = self._parts[i], self._parts[j]
        if qa is not None and qb is not None and qa[0] == qb[0] and qa[1] != qb[1]:
            return True  # a forecast's "cooler start to next week" / "chilly end to next week"
        ta, tb = self._template_lines[i], self._template_lines[j]
        if ta is not None and ta == tb:
            return True  # "The bonus number was 23." … "… 26." … "… 20.": three draws
        if (self._events[i] and self._events[j]) or (self._readings[i] and self._readings[j]):
            return True
        ha, hb = self._heading_parts[i], self._heading_parts[j]
        if ha is not None and hb is not None and ha != hb:
            return True  # under two days' or two parts' headings ("Tuesday 4 March (strike
            # day)" / "Cathedral line: one train an hour between 8am and 6pm." … "Saturday 8
            # March (strike day)" / "… between 9am and 5pm."; "First set" / "Dufresne 1-1
            # Kessler: Kessler holds to love." … "Second set" / "… holds to fifteen.")
        la, lb = self._list_days[i], self._list_days[j]
        if la is not None and lb is not None and la != lb:
            return True  # two entries of a dated list ("Monday (19/03/18) …" / "Tuesday …")
        da, db = self._days[i], self._days[j]
        if (da is not None and db is not None and da != db
                and not _same_but_dates(self._sentences[i], self._sentences[j])):
            return True
        ba, bb = self._block_labels[i], self._block_labels[j]
        if ba is not None and bb is not None and ba != bb:
            return True  # "Men's 100m, heat 1 (wind +1.2). First three in each heat …" /
            # "Women's 200m, heat 1 (wind +0.6). First two in each heat …": two events' rules
        ka, kb = self._clocks[i], self._clocks[j]
        if in_sequence(self._sequence[i], self._sequence[j],
                       bool(ka and kb and ka.isdisjoint(kb))):
            return True  # "Cllr Hale left the room." / "Cllr Hale returned to the meeting.": an
            # event and the one after it; "The library opened at 9am." / "… closed at 5pm."
            # too, at two times of their own. One event told at two times is a flip ("… will
            # now kick off at 1pm on Sunday." / "Sunday's match will kick off at 4pm …")
        ya, yb = self._years[i], self._years[j]
        return bool(ya) and bool(yb) and ya.isdisjoint(yb)

    def two_people(self, i: int, j: int) -> bool:
        """One sentence speaks of a man only and the other of a woman only ("He was banned
        for two years." / "She was banned for 11 months."), each opens on a thing of its own
        introduced with "a" ("A black car suffered heavy damage." / "A white SUV also was
        damaged.": no word in common among the three after the article) or on another of
        several things counted ("One man was airlifted …" / "The second male was taken …"), or one
        mould with a subject of one thing and a subject of several ("The driver … was taken to
        hospital …" / "The four passengers were taken to hospital …"), the
        two are one template with other names in two slots or more ("… Republican John Thune
        will win the South Dakota race" / "… Jerry Moran will win the Kansas race"), the two are
        in two people's cases of a court list (``checker.entries.case_entries``), or under two
        headings of a page of short headed items (``_headed_items``): two people or two
        events, and what one did the other need not have done."""
        a, b = self._genders[i], self._genders[j]
        if a is not None and b is not None and a != b:
            return True
        # two things each introduced with "a", with no word in common ("A black car suffered
        # heavy damage …" / "A white SUV also was damaged."): two vehicles, two people
        na, nb = self._introduced[i], self._introduced[j]
        if na is not None and nb is not None and na.isdisjoint(nb):
            return True
        # two of several things counted ("One man was airlifted … with serious injuries" / "The
        # second male was taken … with non-serious injuries"): two people
        ca, cb = self._counted[i], self._counted[j]
        if ca is not None and cb is not None and ca != cb:
            return True
        # one mould, a subject of one thing and a subject of several, no word in common ("The
        # driver of the SUV was taken to hospital …" / "The four passengers were taken to
        # hospital …"): two parties
        if _two_parties(self._subjects[i], self._subjects[j]):
            return True
        # each counts some of one group ("… where two of the victims were killed" / "Two of
        # the victims died at the hospital" / "Three victims remain in critical condition")
        if self._groups[i] & self._groups[j] and not _near_copies(self._sentences[i],
                                                                  self._sentences[j]):
            return True
        # one template, other names in two slots or more, and not the same names swapped: "…
        # projects that Republican John Thune will win the South Dakota race" / "… Jerry Moran
        # will win the Kansas race" are two races ("Smith beat Jones" / "Jones beat Smith" is
        # still compared, and so is one name put for another in one slot)
        (ska, names_a), (skb, names_b) = self._templates[i], self._templates[j]
        if len(names_a) == len(names_b):
            slots = sum(x != y for x, y in zip(names_a, names_b, strict=True))
            # the object told in other plain words beside another name ("… will win the North
            # Dakota governor's race" / "… the North Dakota Senate race") counts as one slot more
            if slots and ska != skb and self._other_object(ska, skb, names_a, names_b):
                slots += 1
            elif ska != skb:
                slots = 0
            words_a = sorted(w for name in names_a for w in name.split())
            words_b = sorted(w for name in names_b for w in name.split())
            if slots >= TEMPLATE_SLOTS and words_a != words_b:
                return True
        # two cases of a court list or a police log ("John Simpson, 50, of …" … "Nicholas
        # Gedling, 48, of …"): each sentence is about the person whose case it is in
        ca, cb = self._cases[i], self._cases[j]
        if ca is not None and cb is not None and ca != cb:
            return True
        # two items of a page of short headed items ("Lost laundry" / "Police received a call
        # about a basket of laundry …" … "Not a bank robber" / "Police responded to a call …"),
        # unless the two name the same places or people twice over: sections of one story
        # ("Roads" / "The A59 is closed … between Skipton and Gargrave …" … "The A59 is open
        # … between Skipton and Gargrave.")
        ha, hb = self._headed[i], self._headed[j]
        return (ha is not None and hb is not None and ha != hb
                and len(self._name_runs[i] & self._name_runs[j]) < SHARED_NAMES)

    def _other_object(self, ska: tuple[str, ...], skb: tuple[str, ...],
                      names_a: tuple[str, ...], names_b: tuple[str, ...]) -> bool:
        """Two skeletons of one template that differ in a few plain words at one place beside a
        name, none of them a sign of conflict (a negation, a number, an antonym, a time word),
        and whose other names are no negation or number either ("Four people were killed" /
        "Nobody was killed" is a flip)."""
        other = [w.lower() for x, y in zip(names_a, names_b, strict=True) if x != y
                 for w in (*x.split(), *y.split())]
        if set(other) & NEGATORS or any(_is_number(w, self._lex) for w in other):
            return False
        ops = [op for op in SequenceMatcher(None, ska, skb, autojunk=False).get_opcodes()
               if op[0] != "equal"]
        if len(ops) != 1:
            return False
        _, i1, i2, j1, j2 = ops[0]
        left, right = list(ska[i1:i2]), list(skb[j1:j2])
        if max(len(left), len(right)) > OBJECT_WORDS:
            return False
        # the words must stand beside a name, as a name's own words do ("the North Dakota
        # governor's race"); a verb put in elsewhere ("is located in") tells no other object
        beside = {ska[k] for k in (i1 - 1, i2) if 0 <= k < len(ska)} | {
            skb[k] for k in (j1 - 1, j2) if 0 <= k < len(skb)}
        if "<N>" not in beside:
            return False
        left = [w for w in left if w != "<N>"]
        right = [w for w in right if w != "<N>"]
        words = left + right
        if not words or _conflict_sign(left, right, self._lex) or any(
                _is_number(w, self._lex) for w in words):
            return False
        return not any(self._lex.flips(w) & (set(ska) | set(skb)) for w in words)

    def addition(self, i: int, j: int) -> bool:
        """The later sentence says it adds to what was said ("The results of the dairy show
        have been announced." / "Results for the rabbit show have also been announced."), the
        earlier does not ("The firm also raised prices." / "The firm also cut prices." is one
        statement flipped), and a negation does not stand in one of the two only ("The club did
        not sign a striker." / "The club also signed a striker." is still compared)."""
        earlier, later = min(i, j), max(i, j)
        if not self._additions[later] or self._additions[earlier]:
            return False  # "also" on both sides: one statement flipped, not one added
        negated = [bool(NEGATORS.intersection(tokens(self._sentences[k]))) for k in (i, j)]
        return negated[0] == negated[1]

    def succession(self, i: int, j: int) -> bool:
        """The later sentence tells what happened next and the earlier does not ("When the
        officers came back, Ong refused to leave." / "Ong then took out his identity card and
        challenged the officers to fine him."): a later development, not a second account of
        one moment. Two sentences that both say so are still compared ("The plan was later
        approved." / "The plan was later rejected.")."""
        earlier, later = min(i, j), max(i, j)
        return self._successions[later] and not self._successions[earlier]

    def discovery(self, i: int, j: int) -> bool:
        """The later sentence tells what was found on checking what the earlier one reports
        ("A caller heard someone shouting "help" from a porch." / "Officers found the resident
        calling a cat named Help."): the finding explains the report, and does not say that no
        one reported it. Two sentences that both tell a finding are still compared ("The inquiry
        found the council at fault." / "The review found the council was not at fault.")."""
        earlier, later = min(i, j), max(i, j)
        return (self._discoveries[later] and not self._discoveries[earlier]
                and self._reports[earlier])

    def _charge(self, k: int) -> str | None:
        if k not in self._charges:
            self._charges[k] = charge_stance(self._sentences[k])
        return self._charges[k]

    def skip(self, i: int, j: int) -> str | None:
        """Why the pair (i, j) is not worth scoring, or None."""
        if i in self._titles or j in self._titles or i < j < self._subheads.get(i, 0):
            return "headline"
        if self._instructions[i] or self._instructions[j]:
            # "Hike to Lummi Peak, the highest point on the island." / "Drive to the Willows
            # Inn, on the west side of the island.": what to do states no fact for another
            # sentence to contradict, and the model, trained on statements, reads two things to
            # do as two accounts of one (0.94 on a travel guide) and advice against a statement
            # as a denial of it ("Wear a mask …" / "You are …": 0.995 on a myth-buster)
            return "instruction"
        if (self._asking[i] or self._asking[j] or self._quoted_questions[i]
                or self._quoted_questions[j]):
            return "question"  # a question set out, or one quoted ('"Did he ever strike you
            # as a violent man?" Mr Mallon asked.'): it asks, and claims nothing
        if self._courtesies[i] or self._courtesies[j]:
            return "courtesy"
        if self.parallel(i, j):
            return "parallel"
        if self.speakers(i, j) or self.two_people(i, j):
            return "speakers"
        if self.moments(i, j):
            return "moments"
        if other_anchor(self._sentences[i], self._sentences[j], self._lex, self._stop):
            return "other anchor"
        if two_measures(self._sentences[i], self._sentences[j], self._lex, self._stop):
            return "two measures"
        if outside_range(self._sentences[i], self._sentences[j]):
            return "outside the range"
        if i in self._captions and j in self._captions:
            # two pictures' captions ("Pacheco votes during a session …" / "Pacheco is greeted
            # after being re-elected …", each over "REUTERS/Ton Molina"): two moments of a day
            return "captions"
        if self._conditions[i] and self._conditions[j]:
            return "conditions"  # "If the player is male, she responds …" / "If the player is
            # female, she responds …": two cases, each with its own outcome
        if self._claims[i] != self._claims[j]:
            return "claim"  # two reported claims can still contradict each other
        if self.addition(i, j):
            return "addition"
        if self.succession(i, j):
            return "succession"
        if self.discovery(i, j):
            return "discovery"
        if _two_sources(self._sources[i], self._sources[j]):
            return "two accounts"
        if _charge_and_denial(self._charge(i), self._charge(j)):
            return "charge and denial"
        if self._formers[i] != self._formers[j]:
            return "former plan"  # "The match will now kick off at 1pm on Sunday." / "It had
            # been due to start at 3pm on Saturday.": the plan the other replaces
        if {self._classifying[i], self._classifying[j]} == {"classifies", "plain"}:
            return "classification"  # "Tarrowby is a market town …" / "Tarrowby stands on a
            # low gravel terrace …": what the subject does cannot deny what it is
        qa, qb = self._answers[i], self._answers[j]
        if qa is not None and qb is not None and qa != qb:
            return "two questions"  # a FAQ's answers to two questions: "Yes, if your street is
            # in a controlled zone." / "No. Visitors can park for up to two hours …"
        a, b = self._sentences[i], self._sentences[j]
        if (restatement(a, b, self._lex) or reworded_restatement(a, b, self._lex, self._stop)
                or cut_teaser(a, b) or cut_teaser(b, a)):
            return "restatement"
        if scoped(a, b) or scoped(b, a):
            return "part and whole"  # "Its opening hours will rise from 38 to 41 a week." /
            # "Weekday opening hours are unchanged.": the whole week's hours and the weekdays'
        return None


# Words that name a part of a thing by when or where it is ("Weekday opening hours", "peak
# fares", "domestic flights"), before the words that name the thing
_SCOPES = frozenset(("weekday", "weekend", "weeknight", "morning",
                     "afternoon", "evening", "overnight", "daytime", "peak", "off-peak",
                     "domestic", "international", "overseas", "rural", "urban", "junior",
                     "senior", "adult", "online", "in-store", "full-time", "part-time", "summer",
                     "winter"))
_EDGE = ".,;:!?\"'“”‘’()"


def scoped(part: str, whole: str) -> bool:
    """Does ``part`` speak of a part of a thing ("Weekday opening hours are unchanged.") that
    ``whole`` speaks of whole, its scope word nowhere in it ("Its opening hours will rise from
    38 to 41 a week.")? The two may both be true."""
    words = part.lower().split()
    found = [k for k, w in enumerate(words[:-1]) if w in _SCOPES]
    if not found:
        return False
    other = " " + " ".join(w.strip(_EDGE) for w in whole.lower().split()) + " "
    for k in found:
        if f" {words[k]} " in other or f" {words[k]}s " in other:
            continue  # the other names the same part
        first = words[k + 1]
        thing = first.strip(_EDGE)
        if thing in function_words():
            continue  # "a Saturday morning news conference" / "… Friday morning …": a time
        if first == thing and k + 2 < len(words):  # no mark after it: the thing's next word
            pair = f"{thing} {words[k + 2].strip(_EDGE)}"
            if f" {pair} " in other:
                return True
        if len(thing) >= 6 and f" {thing} " in other:
            return True
    return False


CUT_TEASER_WORDS = 6


def cut_teaser(cut: str, whole: str) -> bool:
    """Is ``cut`` the start of ``whole``, stopped mid-sentence: a teaser cut at its length above
    the story it opens ("Sixteen of the 57 trains that call at Harpenden … during the peak
    morning" / "Sixteen of the 57 trains … during the peak morning rush hour were cancelled …")?"""
    head = " ".join(cut.split())
    if not head or head[-1] in ".!?\"”’)" or len(head.split()) < CUT_TEASER_WORDS:
        return False
    rest = " ".join(whole.split())
    return len(rest) > len(head) and rest.startswith(head) and not rest[len(head)].isalnum()


_DATE_WORDS = MONTHS | {m[:3] for m in MONTHS} | {"sept"}


# A thing named by its place in a series: "the first stage", "the second half", "the final round"
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "final", "last",
                  "opening", "1st", "2nd", "3rd", "4th", "5th")
_ORDINAL_THING = re.compile(
    rf"(?<![\w'’-])({'|'.join(_ORDINAL_WORDS)})[ \t]++([a-z]{{3,}}+)(?![\w'’-])", re.IGNORECASE)


def _named(sentence: str) -> set[str]:
    """The capitalised names of a sentence (``pairs.keys`` without its numbers)."""
    return {k for k in keys(sentence) if not k[:1].isdigit()}


# Things a place, a building or a timetable numbers: "Berths 4 to 6", "Platform 2", "Gate 14B",
# "Court 3" (singular, lower-case)
_NUMBERED_NOUNS = frozenset((
    "berth", "platform", "gate", "lane", "pier", "terminal", "route", "bay", "stand", "court",
    "pitch", "room", "floor", "level", "ward", "block", "unit", "zone", "junction", "exit",
    "stage", "pump", "heat", "group", "pool", "table", "hole", "track", "carriage", "coach",
    "runway", "hall", "screen", "section", "row", "phase", "lot", "plot", "field", "chapter",
    "clause", "paragraph", "question", "flight", "bus", "reactor", "tower", "wing", "door",
    "lock", "dock", "quay", "shed", "pen", "ring", "arena", "studio", "theatre", "line"))
_NUMBERED_THING = re.compile(
    r"(?<![\w'’-])([A-Za-z]{2,}+)[ \t]++(\d{1,3}+[A-Za-z]?+)(?:[ \t]*+(?:to|-|–|and|&)[ \t]*+"
    r"(\d{1,3}+))?+(?![\w'’.,:-]?\d)")
NUMBERED_RANGE = 50  # the longest range read out number by number ("Berths 4 to 6")


def _ordinal_things(sentence: str) -> dict[str, set[str]]:
    """Each noun named by its place in a series, with the places: "the first stage" ->
    {"stage": {"first"}}, "Berths 4 to 6" -> {"berth": {"4", "5", "6"}}. "the first time",
    "last year" and "last week" name no thing of a series and are left out."""
    out: dict[str, set[str]] = {}
    for m in _ORDINAL_THING.finditer(sentence):
        noun = m.group(2).lower()
        if noun in _NOT_SERIES:
            continue
        out.setdefault(noun, set()).add(m.group(1).lower())
    if any(c.isdigit() for c in sentence):
        for m in _NUMBERED_THING.finditer(sentence):
            noun = m.group(1).lower()
            noun = noun[:-1] if noun.endswith("s") and noun[:-1] in _NUMBERED_NOUNS else noun
            if noun not in _NUMBERED_NOUNS:
                continue
            first = m.group(2).lower()
            places = {first}
            last = int(m.group(3)) if m.group(3) else 0
            if first.isdigit() and 0 < last - int(first) <= NUMBERED_RANGE:
                places = {str(n) for n in range(int(first), last + 1)}
            out.setdefault(noun, set()).update(places)
    return out


# A part of a period, as a forecast names one: "a cooler start to next week", "by the end of
# the weekend", "early next week" (the start), "late this week" (the end).
_PERIOD_PART = re.compile(
    r"(?<![\w'’-])(?i:(start|beginning|middle|end|close)[ \t]++(?:to|of)[ \t]++"
    r"((?:the|next|this|last)[ \t]++(?:week|weekend|month))"
    r"|(early|mid|late)[ \t-]++((?:next|this|last)[ \t]++(?:week|weekend|month)))(?![\w'’-])")
_PART = {"beginning": "start", "early": "start", "close": "end", "late": "end", "mid": "middle"}


def _period_part(sentence: str) -> tuple[str, str] | None:
    """The period a sentence names a part of, and the part: "a chilly end to next week" ->
    ("next week", "end"); "early next week" -> ("next week", "start"). None when it names
    none, or two."""
    found = {(" ".join((m.group(2) or m.group(4)).lower().split()),
              _PART.get(part.lower(), part.lower()))
             for m in _PERIOD_PART.finditer(sentence)
             if (part := m.group(1) or m.group(3))}
    return found.pop() if len(found) == 1 else None


_NOT_SERIES = frozenset(("time", "times", "year", "years", "week", "weeks", "month", "months",
                         "night", "day", "days", "minute", "minutes", "season", "the", "and",
                         "of", "in", "to", "for", "one", "two", "thing", "person", "people"))


# Words that place a statement in time, for ``other_anchor``: "on Monday", "last year", "in the
# 54th minute", "in 2019".
_PERIODS = frozenset({"year", "week", "month", "season", "weekend", "term", "quarter"})
_RELATIVE_PERIOD = frozenset({"last", "this", "next", "previous"})
_MINUTE = re.compile(r"\A(\d{1,3})(?:st|nd|rd|th)\Z")
ANCHOR_SHARED = 0.5  # words in common, of the shorter sentence, for two sentences of one mould


def _time_marks(words: Sequence[str]) -> set[str]:
    """The times ``words`` name: weekdays, months, years, "last year" / "this week", "the 54th
    minute"."""
    marks: set[str] = set()
    for k, word in enumerate(words):
        if word in WEEKDAYS or word in MONTHS or word in _RELATIVE_DAYS or _YEAR.fullmatch(word):
            marks.add(word)
        elif word in _PERIODS and k and words[k - 1] in _RELATIVE_PERIOD:
            marks.add(f"{words[k - 1]} {word}")
        elif word == "minute" and k and _MINUTE.match(words[k - 1]):
            marks.add(f"minute {_MINUTE.match(words[k - 1]).group(1)}")  # type: ignore[union-attr]
    return marks


@lru_cache(maxsize=1)
def _name_words() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """(titles that introduce a name: "Mr", "President", "Minister"; a one-word alias -> the
    words of the name it stands for: "us" -> ("united", "states"), "kremlin" -> ("russia",))."""
    titles = frozenset(w.lower().rstrip(".") for title in honorifics() for w in title.split())
    one_word = {alias.lower().rstrip("."): tuple(canonical.lower().split())
                for alias, canonical in aliases().items() if " " not in alias}
    return titles, one_word


def _proper(words: Iterable[str]) -> set[str]:
    """The capitalised words among ``words`` that name someone or somewhere, lower-cased: titles
    left out ("Mr Blair" and "Prime Minister Tony Blair" name one man), one-word aliases put as
    the name they stand for ("Washington" and "the United States")."""
    titles, aliases = _name_words()
    out: set[str] = set()
    for word in words:
        if not word[:1].isupper():
            continue
        lower = word.lower().rstrip(".")
        if lower in titles:
            continue
        out.update(aliases.get(lower, (lower,)))
    return out


Opcode = tuple[str, int, int, int, int]


Words = tuple[str, ...]


@lru_cache(maxsize=64)
def _alignment(a: str, b: str, stop: frozenset[str]
               ) -> tuple[Words, Words, Words, Words, tuple[Opcode, ...], int]:
    """Two sentences' words (as written, and lower-cased), how one turns into the other, and how
    many words they share in order. Cached: the pair filter asks it twice of one pair
    (``other_anchor``, then ``two_measures``)."""
    wa, wb = tuple(_words(a, stop)), tuple(_words(b, stop))
    la, lb = tuple(w.lower() for w in wa), tuple(w.lower() for w in wb)
    ops = tuple(SequenceMatcher(None, la, lb, autojunk=False).get_opcodes())
    shared = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    return wa, wb, la, lb, ops, shared


def _mould(a: str, b: str, stop: frozenset[str], share: float,
           of: Callable[[int, int], int],
           ) -> tuple[Words, Words, Words, Words, tuple[Opcode, ...]] | None:
    """Two sentences' words (as written, and lower-cased) and how one turns into the other,
    when they share in order at least ``share`` of the words of the shorter (``of=min``) or
    the longer (``of=max``): one mould. None otherwise, or when either has no words."""
    wa, wb, la, lb, ops, shared = _alignment(a, b, stop)
    if not la or not lb or shared < share * of(len(la), len(lb)):
        return None
    return wa, wb, la, lb, ops


def other_anchor(a: str, b: str, lex: Lexicon, stop: frozenset[str]) -> bool:
    """Two sentences of one mould that differ in what they are about (another name in a slot,
    another day or year) and also in what they say of it (a flip, a negation): two facts about
    two things or two moments, not one fact told two ways. "Unemployment in the Lassen region
    rose in March" / "Unemployment in the neighbouring Ardmore region fell in March" are two
    regions; "Ferry services … were suspended on Monday" / "… resumed on Tuesday morning" are a
    service stopped and started again. One difference alone is still compared: "approved the
    plan on Monday" / "threw out the plan on Monday" is a flip, "held in Kessington" / "held in
    Dorrowby" a clash of places, and names that trade places ("Smith beat Jones" / "Jones beat
    Smith") are no other name."""
    mould = _mould(a, b, stop, ANCHOR_SHARED, min)
    if mould is None:
        return False
    wa, wb, la, lb, ops = mould
    proper_a, proper_b = _proper(wa[1:]), _proper(wb[1:])
    times_a, times_b = _time_marks(la), _time_marks(lb)
    anchored = flipped = False
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        left, right = set(la[i1:i2]), set(lb[j1:j2])
        # another name in this slot (a name of the other sentence only), or another time
        name_l = _proper(w for k, w in enumerate(wa[i1:i2], i1) if k)
        name_r = _proper(w for k, w in enumerate(wb[j1:j2], j1) if k)
        if (name_l - proper_b) and (name_r - proper_a):
            anchored = True
        tl, tr = _time_marks(la[i1:i2]), _time_marks(lb[j1:j2])
        if tl and tr and tl.isdisjoint(tr) and times_a != times_b and not _same_day(
                sorted(tl), sorted(tr)):
            anchored = True
        if (left & NEGATORS) != (right & NEGATORS) or any(lex.flips(w) & right for w in left):
            flipped = True
    return anchored and flipped


_FIGURE_WORD = re.compile(r"\d[\d,.]*+")


# A range of figures ("from 2301 through 2326", "between 18 and 25", "2301-2326") and a figure
# with the side of a bound it lies on ("2327 or later", "under 18", "over 65")
_RANGE = re.compile(r"(?:from|between)[ \t]++(\d[\d,]*+)[ \t]++(?:through|to|until|and|up[ \t]++to)"
                    r"[ \t]++(\d[\d,]*+)|(?<![\w.,-])(\d[\d,]*+)[-–](\d[\d,]*+)(?![\w.,-])")
_ABOVE = re.compile(
    r"(?<![\d,])(\d[\d,]*+)[ \t]++(?:or|and)[ \t]++(?:later|after|above|more|over|higher|newer)"
    r"\b|\b(?:after|above|over)[ \t]++(\d[\d,]*+)\b|\bfrom[ \t]++(\d[\d,]*+)[ \t]++onwards?\b")
_BELOW = re.compile(
    r"(?<![\d,])(\d[\d,]*+)[ \t]++(?:or|and)[ \t]++(?:earlier|before|below|less|under|lower"
    r"|older)\b|\b(?:before|below|under)[ \t]++(\d[\d,]*+)\b")
RANGE_SHARED = 0.5  # of the words of the shorter sentence, less figures and range words


def _figure(text: str) -> int:
    return int(text.replace(",", ""))


def outside_range(a: str, b: str) -> bool:
    """Is one sentence a range's statement and the other, denied, about figures outside it
    ("Only kettles with date codes from 2301 through 2326 are included in this recall." /
    "Kettles with date codes of 2327 or later are not included in this recall."): one rule told
    from both sides, not a conflict? A denied figure inside the range ("… code 2310 is not
    included") is still compared."""
    if not any(ch.isdigit() for ch in a) or not any(ch.isdigit() for ch in b):
        return False
    ta, tb = tokens(a), tokens(b)
    if bool(NEGATORS.intersection(ta)) == bool(NEGATORS.intersection(tb)):
        return False
    plain, denied = (a, b) if NEGATORS.isdisjoint(ta) else (b, a)
    span = _RANGE.search(plain)
    if span is None:
        return False
    low, high = sorted(_figure(g) for g in span.groups() if g is not None)
    # "2327 or later" holds 2327 itself; "after 2326", "under 18" do not hold theirs
    above, below = _ABOVE.search(denied), _BELOW.search(denied)
    if above is not None:
        bound = _figure(next(g for g in above.groups() if g is not None))
        outside = bound > high or (above.group(1) is None and bound == high)
    elif below is not None:
        bound = _figure(next(g for g in below.groups() if g is not None))
        outside = bound < low or (below.group(1) is None and bound == low)
    else:
        return False
    if not outside:
        return False
    words_a = {t for t in ta if t.isalpha() and t not in NEGATORS}
    words_b = {t for t in tb if t.isalpha() and t not in NEGATORS}
    shorter = min(len(words_a), len(words_b))
    return shorter > 0 and len(words_a & words_b) >= RANGE_SHARED * shorter


# Words that make another measure of one quantity: "non-GAAP", "adjusted", "underlying".
_MEASURE_QUALIFIERS = frozenset(("non", "adjusted", "underlying", "core", "basic", "diluted",
                                 "organic", "comparable", "reported", "pretax", "headline"))


def two_measures(a: str, b: str, lex: Lexicon, stop: frozenset[str]) -> bool:
    """Two sentences of one mould whose figures differ and whose only other differences are
    single words put for single words (a detail added or dropped aside), one of them at least a
    lower-case word that is no flip of the other: two figures of two things, as a results table
    or a pay scale gives them ("Operating profit in the half rose to EUR8.1 million from EUR7.6
    million, with adjusted operating profit - which excludes one-off items - rising …" /
    "Pretax profit for the half increased to EUR8.1 million from EUR7.8 million, with adjusted
    pretax profit rising …"; "For a teacher with a diploma, the starting salary is 1,171 birr a
    month." / "For a teacher with a degree the starting salary is 1,571 birr a month."). A
    figure changed with nothing else is still compared ("Unemployment fell to 4.1%" /
    "Unemployment fell to 4.5%"), and so is a flip beside it ("rose to 4.1%" / "fell to
    4.5%"). A figure that numbers a category ("grade 4" / "grade 5", "route 14" / "route 15")
    is such a slot too: the other figure is the category's; and so is a qualifier that makes
    another measure ("GAAP EPS of $0.48" / "non-GAAP EPS of $0.53", "adjusted profit")."""
    mould = _mould(a, b, stop, TWO_MEASURES_SHARED, max)
    if mould is None:
        return False
    wa, wb, la, lb, ops = mould
    figures = slot = False
    for tag, i1, i2, j1, j2 in ops:
        if tag in ("insert", "delete") and set(la[i1:i2] + lb[j1:j2]) & _MEASURE_QUALIFIERS:
            slot = True  # "Fully diluted GAAP EPS of $0.48" / "Fully diluted non-GAAP EPS of
            # $0.53": a qualifier that makes another measure of the same thing
            continue
        if tag != "replace":
            continue  # the same words, or a detail added or dropped ("- which excludes …")
        if i2 - i1 != j2 - j1:
            return False  # a phrase put for one of another length: not one mould's slots
        for k, (x, y) in enumerate(zip(la[i1:i2], lb[j1:j2], strict=True)):
            if _FIGURE_WORD.fullmatch(x) and _FIGURE_WORD.fullmatch(y):
                if i1 + k > 0 and la[i1 + k - 1] in _CATEGORY_NOUNS:
                    slot = True  # "grade 4" / "grade 5": two categories, each with its figure
                else:
                    figures = True
            elif _FIGURE_WORD.match(x) or _FIGURE_WORD.match(y):
                return False
            elif x in NEGATORS or y in NEGATORS or lex.flips(x) & {y} or lex.flips(y) & {x}:
                return False  # a flip beside the figures: one statement turned round
            elif (x.isalpha() and y.isalpha() and x not in stop and y not in stop
                  and (wa[i1 + k].islower() or i1 + k == 0)
                  and (wb[j1 + k].islower() or j1 + k == 0)):
                slot = True  # a common word, not a name ("Republican Ann Holt will win 2 seats"
                # / "Democrat Sam Pike will win 3 seats" is still compared)
    return figures and slot


TWO_MEASURES_SHARED = 0.6  # words in common, of the longer sentence
# Nouns whose number names one of several categories ("71% achieved grade 4 or above" / "49%
# achieved grade 5 or above"; "route 14", "year 11", "band d" is a letter, not read here)
_CATEGORY_NOUNS = frozenset(("grade", "grades", "band", "level", "year", "class", "group",
                             "division", "tier", "stage", "route", "platform", "zone", "ward",
                             "key", "table", "category", "section", "court", "gate", "terminal",
                             "lot", "question", "resolution", "item", "chapter", "series"))


def _same_but(a: str, b: str, put_for: Callable[[str], bool]) -> bool:
    """The same statement but for the tokens ``put_for`` picks: one put for another, a flip for
    the model to read, not two entries."""
    def rest(text: str) -> list[str]:
        return [t for t in tokens(text) if not put_for(t)]
    return rest(a) == rest(b)


def _same_but_ordinals(a: str, b: str) -> bool:
    """The same statement but for its ordinal ("knocked out in the first round" / "… in the
    second round")."""
    return _same_but(a, b, lambda t: t in _ORDINAL_WORDS)


# A clock time: "7.52pm", "8 a.m.", "19:52" (a digit before it makes it a figure, not a time)
_CLOCK_TIME = re.compile(r"(\d{1,2}+)(?:[.:]([0-5]\d))?+[ \t]?+([ap])\.?m\b|(\d{1,2}+):([0-5]\d)\b")


def clock_times(sentence: str) -> frozenset[int]:
    """The clock times a sentence names, as minutes after midnight ("at 7.52pm": 1192)."""
    if ":" not in sentence and "m" not in sentence:
        return frozenset()
    out = set()
    for match in _CLOCK_TIME.finditer(sentence):
        start = match.start()
        if start and (sentence[start - 1].isdigit() or sentence[start - 1] in ".:,£$€"):
            continue
        hour_text, minute, half, hour24, minute24 = match.groups()
        if hour24 is not None:
            hour, mins = int(hour24), int(minute24)
            if hour > 23:
                continue
        else:
            hour, mins = int(hour_text), int(minute or 0)
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if half.lower() == "p" else 0)
        out.add(hour * 60 + mins)
    return frozenset(out)


@lru_cache(maxsize=1)
def _sequence_verbs() -> tuple[tuple[re.Pattern[str], re.Pattern[str], bool], ...]:
    """(earlier event, later event, a sequence only at two times) of
    ``rules/nli/sequence_verbs.tsv``."""
    def pattern(forms: str) -> re.Pattern[str]:
        words = sorted(forms.split("|"), key=lambda w: (-len(w), w))
        return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\b", re.IGNORECASE)
    return tuple((pattern(row[0]), pattern(row[1]), row[2] == "timed")
                 for row in load_rows("nli", "sequence_verbs.tsv"))


def sequence_events(sentence: str) -> frozenset[tuple[int, int]]:
    """The events of ``rules/nli/sequence_verbs.tsv`` a sentence tells: (row, 0 for the earlier
    event or 1 for the later)."""
    return frozenset((row, side) for row, (first, then, _) in enumerate(_sequence_verbs())
                     for side, pattern in ((0, first), (1, then))
                     if pattern.search(sentence) is not None)


def in_sequence(a: frozenset[tuple[int, int]], b: frozenset[tuple[int, int]],
                timed: bool) -> bool:
    """Does one sentence tell an event and the other the event that follows it (``a`` and ``b``
    their ``sequence_events``: "left the room" / "returned to the meeting"; with ``timed``, as
    two clock times of their own allow, "opened at 9am" / "closed at 5pm" too)?"""
    rows = _sequence_verbs()
    return any((row, 1 - side) in b and (timed or not rows[row][2]) for row, side in a)


LABEL_WORDS = 8  # the longest label that opens a block: "Men's 100m, heat 1 (wind +1.2)."
_LABEL_VERB_END = ("ed", "ing")
_LABEL_JOINS = frozenset(("of", "and"))  # the function words a label may hold


def _label(sentence: str) -> bool:
    """A label written as a sentence: a few words, a figure among them, and neither a verb nor
    a function word but "of" and "and" ("Men's 100m, heat 1 (wind +1.2).", "Lot 18.", "Race 3,
    2.10pm."); not "Adeyemi won in 10.48." or "Kilby scored 12." """
    words = sentence.split()
    if not 1 <= len(words) <= LABEL_WORDS or not any(ch.isdigit() for ch in sentence):
        return False
    function = function_words()
    for word in words:
        bare = word.strip(",.;:()'’\"“”").lower()
        if ((bare in function and bare not in _LABEL_JOINS) or bare in _FINITE
                or bare.endswith(_LABEL_VERB_END)
                or (bare.endswith("s") and word[:1].islower() and not bare[:1].isdigit()
                    and not bare.endswith(("'s", "’s", "ss")))):
            return False
    return True


def block_labels(sentences: Sequence[str], paragraphs: Sequence[int] | None,
                 sections: Sequence[int] | None = None) -> list[str | None]:
    """For each sentence of a block that opens on a label written as a sentence of its own
    (``_label``: "Women's 200m, heat 1 (wind +0.6). First two in each heat (Q) … qualify for
    the final."), or on a list's heading on a page of three or more headed lists ("Open Coxed
    Fours" over its final and semi-finals), that label, lower-cased; else None. Two sentences
    under two labels are about two events."""
    out: list[str | None] = [None] * len(sentences)
    if paragraphs is None:
        return out
    current: str | None = None
    for k, sentence in enumerate(sentences):
        if k == 0 or paragraphs[k] != paragraphs[k - 1]:
            current = (" ".join(sentence.split()).lower()
                       if k + 1 < len(sentences) and paragraphs[k + 1] == paragraphs[k]
                       and _label(sentence) else None)
        elif current is not None:
            out[k] = current
    # a list's heading, on a page of three or more blank-line blocks each headed so ("Open
    # Coxed Fours" / "Final: Wessmoor University BC beat …" / "Semi-final: …"): a few words, no
    # stop, over two lines or more of its block
    blocks = sections if sections is not None else paragraphs
    headed = [k for k, sentence in enumerate(sentences)
              if (k == 0 or blocks[k] != blocks[k - 1])
              and k + 2 < len(sentences) and blocks[k + 2] == blocks[k]
              and _list_heading(sentence)]
    if len(headed) >= HEADED_LISTS:
        for k in headed:
            heading = " ".join(sentences[k].split()).lower()
            j = k + 1
            while j < len(sentences) and blocks[j] == blocks[k]:
                if out[j] is None:
                    out[j] = heading
                j += 1
    return out


HEADED_LISTS = 3  # blocks under headings of their own that make a page of lists
LIST_HEADING_WORDS = 8


def _list_heading(sentence: str) -> bool:
    """A heading over a list: up to ``LIST_HEADING_WORDS`` words, a capital first, no stop at
    its end and no finite verb ("Open Coxed Fours", "Masters Mixed Coxed Fours (age-adjusted,
    handicap start)")."""
    words = sentence.split()
    if not 1 <= len(words) <= LIST_HEADING_WORDS or not sentence[:1].isupper():
        return False
    if sentence.rstrip()[-1:] in ".!?:;,":
        return False
    return not any(w.strip(",.;:()").lower() in _FINITE for w in words)


def _same_but_dates(a: str, b: str) -> bool:
    """The same statement but for its dates ("… celebrated each July 11." / "… celebrated each
    July 3.")."""
    return _same_but(a, b, lambda t: t in _DATE_WORDS or t[:1].isdigit())


# A picture's credit, the line a caption ends on: "REUTERS/Ton Molina", "(AP Photo/Evan
# Vucci)", "Photo: Getty Images", "AFP via Getty Images", "Picture: PA Wire".
_CREDIT = re.compile(
    r"\A[ \t]*+\(?(?:REUTERS|Reuters|AFP|AP[ \t]+Photo|EPA(?:-EFE)?|Getty[ \t]+Images|PA[ \t]+"
    r"(?:Wire|Media)|(?:Photo|Picture|Image)[ \t]*(?:credit)?:)[^.!?\n]{0,60}+\)?\.?[ \t]*\Z")


def captions(sentences: Sequence[str]) -> set[int]:
    """The sentences that caption a picture: each followed by its picture's credit as a
    sentence of its own ("REUTERS/Ton Molina", "(AP Photo/Evan Vucci)")."""
    out = set()
    for k, sentence in enumerate(sentences):
        if k and _CREDIT.match(sentence) is not None and len(sentence.split()) <= 8:
            out.add(k - 1)  # the credit on its own: the sentence before is the caption
    return out


def _headline(sentences: Sequence[str], paragraphs: Sequence[int] | None) -> set[int]:
    """{0} when the document opens with a headline: a first line of its own that does not end as
    a sentence does ("Japan narrowly escapes recession"); {1} when a section's kicker of a few
    words stands above it ("Obituaries"); {0, 1} when a page's own title stands above it
    ("Gullhaven Marathon 2024: live", then "Marangu breaks course record as Haregot wins
    women's race"). A headline says in a few words what the story then tells, and the model
    reads that compression ("escapes recession" / "teetered on the brink of recession"; "breaks
    course record" / "took 41 seconds off the course record": 0.99) as a conflict."""
    if paragraphs is None or len(sentences) < 2 or paragraphs[0] == paragraphs[1]:
        return set()
    first = sentences[0].strip()
    if "\n" in first or not headline_like(first):
        return set()
    second = sentences[1].strip()
    if (len(sentences) > 2 and paragraphs[1] != paragraphs[2] and "\n" not in second
            and len(second.split()) > KICKER_WORDS and headline_like(second)):
        if len(first.split()) <= KICKER_WORDS:
            return {1}  # a section's kicker over the headline ("Obituaries", then "Professor
            # Margaret Ellerby, glaciologist who charted the retreat of northern ice, dies …")
        return {0, 1}  # the page's title over the story's headline
    return {0}


KICKER_WORDS = 3


def _repeated_titles(sentences: Sequence[str]) -> set[int]:
    """The lines of a page's title printed more than once, as a copied page prints it in its
    breadcrumb, its heading and again above the story ("Putin appoints new acting governors in
    five regions", three times after the menu and the date): a headline wherever it stands,
    which says in a few words what the story tells at length."""
    counts = Counter(s.strip() for s in sentences)
    return {k for k, s in enumerate(sentences)
            if counts[s.strip()] > 1 and "\n" not in s.strip() and headline_like(s.strip())}


_QUOTED_WORDS_END = re.compile(r"[\w%][’'”\"]+$")


def _title_like(line: str) -> bool:
    """A line that does not end as a sentence does, or that ends on quoted words with no stop
    inside the marks, as a tabloid's headline does ("Simon Cowell's son 'transformed his
    life'", "Liam Payne ‘mad about US party girl’"; a sentence ends "… his life.'")."""
    line = line.rstrip()
    return headline_like(line) or _QUOTED_WORDS_END.search(line) is not None


# A heading that is a person's name, with a party or a role in brackets or a title before it:
# "Fatima Begum (Harrowfield Forward)", "Derek Hollingworth (Independent)", "Cllr Ann Pike"
_PERSON_HEADING = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame)\.?[ \t])?+"
    r"[A-Z][\w'’-]*+(?:[ \t][A-Z][\w'’.-]*+){0,3}(?:[ \t]\([^()\n]{1,60}\))?")
_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Cllr", "Councillor", "Professor", "Prof", "Sir",
           "Dame")
_FIRST_PERSON = frozenset(("i", "me", "my", "we", "us", "our"))
NAMED_VOICES = 2  # name headings on a page of statements


def _named_voices(sentences: Sequence[str], headings: Sequence[bool]) -> list[int | None]:
    """On a page of statements each under its writer's name (candidates' statements, a panel's
    answers: "Fatima Begum (Harrowfield Forward)" / "I am a practice manager at a GP surgery …"
    and "Olivia Marchetti (Green Alliance)" / "I am 27, a primary school teacher …"), the name
    heading a sentence in the first person is under; None elsewhere, and on a page with fewer
    than ``NAMED_VOICES`` such headings. Two people's accounts of themselves do not contradict
    each other."""
    named = [_person_heading(s) for s in sentences]
    if sum(named) < NAMED_VOICES:
        return [None] * len(sentences)
    out: list[int | None] = []
    current: int | None = None
    for k, sentence in enumerate(sentences):
        if headings[k] or named[k]:
            current = k if named[k] else None
            out.append(None)
            continue
        first_person = current is not None and not _FIRST_PERSON.isdisjoint(tokens(sentence))
        out.append(current if first_person else None)
    return out


def _person_heading(line: str) -> bool:
    """A line of its own that is a person's name with a title before it or a party or role in
    brackets after it (``_PERSON_HEADING``)."""
    line = line.strip()
    if "\n" in line or _PERSON_HEADING.fullmatch(line) is None:
        return False
    return line.endswith(")") or line.split(" ", 1)[0].rstrip(".") in _TITLES


def _heading_lines(sentences: Sequence[str]) -> list[bool]:
    """Which sentences are heading lines: a line of its own, no longer than a headline, that
    does not end as a sentence does (``_title_like``)."""
    return [("\n" not in s.strip() and len(s.split()) <= SUBHEAD_WORDS and _title_like(s))
            for s in sentences]


_PICTURE_WORDS = frozenset(("photo", "photograph", "picture", "image", "credit", "photos"))


def _list_line(line: str) -> bool:
    """Does a heading line count towards a list of short lines: ``LIST_LINE_WORDS`` words or
    more, and not a byline ("By Digital Desk staff"), a dateline ("Sunday, June 16, 2019 -
    07:13 PM") or a picture's credit ("File photo"), which stand under any headline?"""
    words = [w.strip(",.:;|()-–—").lower() for w in line.split()]
    words = [w for w in words if w]
    if len(words) < LIST_LINE_WORDS:
        return False
    if words[0] == "by" or words[-1] in _PICTURE_WORDS or words[0] in _PICTURE_WORDS:
        return False
    dated = any(w in WEEKDAYS or w in MONTHS for w in words)
    return not (dated and any(w[:1].isdigit() for w in words))


def _subheadings(headings: Sequence[bool], listed: Sequence[bool]) -> dict[int, int]:
    """Lines that head what follows them, each with the end of what it heads: a line of its
    own, no longer than a headline, that does not end as a sentence does ("Lucas's bid to win
    back Dillon spirals out of control", over a listing's "All eyes are on Lucas as his
    desperate bid … begins to spiral out of control."; "COVID Lowered Measles Vaccinations",
    over a section that says "the pandemic led to considerable delays in measles
    vaccinations"). Like the document's headline, a subheading compresses the sentences under
    it, which the model reads as a conflict (0.99 in a TV guide); it is not compared with the
    next ``SECTION`` sentences up to the next subheading, and is compared with the rest. Heading
    lines in a row ("Harrogate Leon developer puts up another sign …" twice, "This was published
    2 years ago", "By Jocelyn Garcia") head the section after the last of them together; a run
    of more than ``HEADING_RUN`` lines of ``LIST_LINE_WORDS`` words or more is a list, whose
    lines head nothing, but a byline, a dateline or a picture's credit under a headline
    (``_list_line``) and a menu's one-word lines above it ("PRIVACY",
    "News", then "Young man killed in tragic N84 crash as Galway gardai urge witnesses to come
    forward", its standfirst and its picture's caption) do not make one."""
    count = len(headings)
    heads = [k for k, heading in enumerate(headings[:-1]) if heading]
    out: dict[int, int] = {}
    run: list[int] = []  # heading lines one after another (a title, its kicker, a byline) head
    for k in [*heads, count + 1]:  # one section together
        if run and k != run[-1] + 1:
            end = min(k, run[-1] + 1 + SECTION, count)
            if sum(listed[h] for h in run) > HEADING_RUN:
                # a list of short lines, not one heading: each heads
                out.update({h: h + 1 for h in run[:-1]})  # no line of it
                run = run[-1:]
            out.update(dict.fromkeys(run, end))
            run = []
        run.append(k)
    return out


def _under_year_headings(headings: Sequence[bool],
                         years: list[frozenset[str]]) -> list[frozenset[str]]:
    """Each sentence's years, or, on a page divided by headings of different years ("SUMMER
    TERM 2024" … "SUMMER TERM 2025", "2018 season" … "2019 season"), for a sentence that names
    none, the years of the heading it is under: "Term Ends Thursday 23rd May" under the first and
    "Term Ends Friday 23rd May" under the second are two years' dates. A page with one dated
    heading (a dateline) dates nothing by it."""
    heads = [k for k, heading in enumerate(headings) if heading and years[k]]
    if len({years[k] for k in heads}) < 2:
        return years
    out: list[frozenset[str]] = []
    current: frozenset[str] = frozenset()
    marks = set(heads)
    for k, own in enumerate(years):
        if k in marks:
            current = own
        out.append(own or current)
    return out


# A heading that names one part of a series: "First set", "Second half", "Round 3", "Day 2",
# "Final leg" (a live page's, a results page's or a programme's sections).
_PART_HEADING = re.compile(
    r"[^\w\n]{0,3}+(?i:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final"
    r"|opening|deciding)[ \t]++(set|half|quarter|round|day|leg|innings|period|stage|game|match|race"
    r"|heat|session|week|act|part|lap)s?+|(set|half|quarter|round|day|leg|innings|period|stage|game"
    r"|match|race|heat|session|week|act|part|lap)[ \t]++(\d{1,3}+|one|two|three|four|five|six"
    r"|seven|eight|nine|ten))(?![\w'’-])")


def _part_named(heading: str) -> str | None:
    """The day (``entry_day``) or the part of a series (``_PART_HEADING``) a heading names."""
    day = entry_day(heading)
    if day is not None:
        return day
    m = _PART_HEADING.match(heading)
    if m is None:
        return None
    noun, which = (m.group(2), m.group(1)) if m.group(1) else (m.group(3), m.group(4))
    return f"{noun.lower()} {which.lower()}"


def _under_part_headings(headings: Sequence[bool], sentences: Sequence[str]) -> list[str | None]:
    """On a page divided by headings of two days or parts of a series or more (a day-by-day
    guide's "Tuesday 4 March (strike day)" … "Saturday 8 March (strike day)", a live page's
    "First set" … "Second set", a programme's "Day 1" … "Day 2", a guide's "A home costing
    £250,000" … "A home costing £400,000"), the day or part of the heading each sentence is
    under, where the sentence names no day of its own; else None. A heading that names neither
    ("At a glance", "Tickets and refunds") ends the section."""
    # a heading may end on a note in brackets ("(strike day)"), which no heading line ends on
    heads = [heading or (s.rstrip().endswith(")") and "\n" not in s.strip()
                         and len(s.split()) <= SUBHEAD_WORDS)
             for s, heading in zip(sentences, headings, strict=True)]
    parts = [_part_named(s) if head else None for s, head in zip(sentences, heads, strict=True)]
    # headings of one mould with other figures ("A home costing £250,000" … "A home costing
    # £400,000": a guide's worked examples) name two parts of one series too
    # (each over a section of two sentences or more: a table's rows are no headings)
    heading_moulds = {k: figure_mould(" ".join(sentences[k].split()))
                      for k, head in enumerate(heads)
                      if head and parts[k] is None and any(ch.isdigit() for ch in sentences[k])
                      and k + 2 < len(sentences) and not heads[k + 1] and not heads[k + 2]}
    moulds = Counter(heading_moulds.values())
    for k, mould in heading_moulds.items():
        if moulds[mould] >= 2:
            parts[k] = " ".join(sentences[k].split()).lower()
    out: list[str | None] = [None] * len(sentences)
    if len({p for p in parts if p is not None}) < 2:
        return out
    current: str | None = None
    for k, sentence in enumerate(sentences):
        if heads[k]:
            current = parts[k]
        elif current is not None and entry_day(sentence) is None:
            out[k] = current
    return out


def _parent_entries(labels: Sequence[str | None], written: Sequence[str | None],
                    paragraphs: Sequence[int] | None) -> list[str | None]:
    """For a sentence that opens with a label of its own inside an entry of a list (the block
    before it opened with another label: "Lot 18: A carved oak blanket chest, 17th century.
    Estimate £600-£900. Hammer: £540, below low estimate."), the entry's label ("lot 18");
    else None."""
    out: list[str | None] = [None] * len(labels)
    if paragraphs is None:
        return out
    for k in range(1, len(labels)):
        if written[k] is not None and paragraphs[k] == paragraphs[k - 1] and \
                labels[k - 1] is not None and labels[k - 1] != labels[k]:
            out[k] = labels[k - 1]
    return out


def _entry_fields(labels: Sequence[str | None], parents: Sequence[str | None]) -> frozenset[str]:
    """The labels of fields inside a list's entries: a label that opens ``FIELD_ENTRIES``
    sentences or more, each inside an entry (``_parent_entries``) and no two inside the same
    one ("Hammer:" in every lot of a sale's results). A speaker's label in a transcript whose
    turns share lines comes after the same few other speakers again and again, and is no
    field."""
    under: dict[str, list[str]] = defaultdict(list)
    for label, parent in zip(labels, parents, strict=True):
        if label is not None and parent is not None:
            under[label].append(parent)
    return frozenset(label for label, entries in under.items()
                     if len(entries) >= FIELD_ENTRIES and len(set(entries)) == len(entries))


def _under_headings(heads: Iterable[int], count: int, start: int = 0) -> list[int | None]:
    """For each of ``count`` sentences from ``start`` on, the last of the heading sentences
    ``heads`` before it; None for a heading itself, before the first, and before ``start``."""
    out: list[int | None] = [None] * count
    marks = set(heads)
    current: int | None = None
    for k in range(start, count):
        if k in marks:
            current = k
        else:
            out[k] = current
    return out


def _headed_items(headings: Sequence[bool],
                  sentences: Sequence[str] | None = None) -> list[int | None]:
    """On a page of short headed items (a police blotter's "Lost laundry" / "Police received a
    call about a basket of laundry …", a digest, a guide: ``HEADED_ITEMS`` headings or more,
    and half of what they head or more no longer than ``ITEM_SENTENCES`` sentences), the
    heading each sentence is under; elsewhere, None, and so under the first heading (the
    page's title, over an introduction to all its items) and before it. An article with
    subheadings over sections of its one story is no such page: its sections are longer.
    A title and its kicker or byline head the introduction together; but when the last line of
    the run under the title is an item's heading (``sentences`` given: a line of a list, no
    byline, dateline or credit, over a section no longer than an item), it heads the first item:
    a digest's "News in brief" / "Library hours cut" / "Millbrook library will close …"."""
    count = len(headings)
    heads = [k for k, heading in enumerate(headings) if heading]
    sizes = [b - a - 1 for a, b in zip(heads, [*heads[1:], count], strict=True)]
    sections = [n for n in sizes if n > 0]  # a run of headings heads the section after it
    if len(sections) < HEADED_ITEMS or 2 * sum(n <= ITEM_SENTENCES for n in sections) < len(
            sections) or max(sections) > ITEM_MAX_SENTENCES:
        return [None] * count
    first = heads[0]
    while first + 1 < count and headings[first + 1]:
        first += 1  # a title and its kicker or byline head the introduction together
    if first > heads[0] and sentences is not None and _list_line(sentences[first]):
        end = next((k for k in range(first + 1, count) if headings[k]), count)
        if end - first - 1 <= ITEM_SENTENCES:
            first -= 1  # the run's last line heads the first item
    return _under_headings(heads, count, first + 1)


_NAME_RUN = re.compile(r"(?<=[\w,;:)'’”] )[A-Z][\w'’-]*+(?:[ \t]++[A-Z][\w'’-]*+)*+")


def _name_runs(sentence: str) -> frozenset[str]:
    """The names a sentence gives after its first word, each run of capitalised words taken as
    one ("High Street", "A59", "Skipton"): what two sections of one story share and two items of
    a digest seldom do."""
    return frozenset(m.group() for m in _NAME_RUN.finditer(sentence))


SHARED_NAMES = 2  # names two sentences share that make two headed items one story
HEADED_ITEMS = 3  # headed sections that make a page of items
ITEM_SENTENCES = 3  # the length of most of them
ITEM_MAX_SENTENCES = 6  # and of the longest
SUBHEAD_WORDS = 16
SECTION = 6  # sentences under a subheading that it is not compared with
HEADING_RUN = 4  # heading lines in a row that head one section; more are a list
LIST_LINE_WORDS = 2  # the lines counted for that (a menu's "News", "PRIVACY" are not)


ASKING_WORDS = 12  # the longest statement that sets out a question's case


def _asking(sentences: Sequence[str], paragraphs: Sequence[int] | None) -> list[bool]:
    """Which sentences set out the case of the question that ends their paragraph: a FAQ's "My
    bin is damaged. Will you replace it?", an interviewer's "You closed the shop in 2019. Why?".
    They tell what the one who asks supposes, not what the page states, and an answer that
    says otherwise does not contradict them. Only in paragraphs of the two sentences alone, so
    none without paragraphs."""
    out = [False] * len(sentences)
    if paragraphs is None:
        return out
    for k in range(len(sentences) - 1):
        if not sentences[k + 1].rstrip().endswith("?") or sentences[k].rstrip().endswith("?"):
            continue
        # the paragraph is the statement and the question, nothing more
        out[k] = (len(sentences[k].split()) <= ASKING_WORDS
                  and paragraphs[k] == paragraphs[k + 1]
                  and (k == 0 or paragraphs[k - 1] != paragraphs[k])
                  and (k + 2 >= len(sentences) or paragraphs[k + 2] != paragraphs[k]))
    return out


FAQ_QUESTIONS = 3  # question headings that make a page of questions and answers
QUESTION_WORDS = 25  # words a question heading has at most


def question_sections(sentences: Sequence[str],
                      paragraphs: Sequence[int] | None) -> list[int | None]:
    """For each sentence, the question heading it answers on a page of questions and answers
    (a FAQ: "Do visitors need a permit?" / "No. Visitors can park for up to two hours …"), or
    None. A question heading opens its paragraph and ends with "?"; a page needs
    ``FAQ_QUESTIONS`` of them, so that a rhetorical question opening one paragraph of an article
    does not cut it in two. None without paragraphs."""
    out: list[int | None] = [None] * len(sentences)
    if paragraphs is None:
        return out
    headings = [k for k, sentence in enumerate(sentences)
                if sentence.rstrip().endswith("?") and len(sentence.split()) <= QUESTION_WORDS
                and (k == 0 or paragraphs[k - 1] != paragraphs[k])]
    if len(headings) < FAQ_QUESTIONS:
        return out
    return _under_headings(headings, len(sentences))


def unlikely_pairs(
    sentences: Sequence[str], pairs: Sequence[tuple[int, int]],
    paragraphs: Sequence[int] | None = None, sections: Sequence[int] | None = None,
) -> set[tuple[int, int]]:
    """The pairs among ``pairs`` that the model need not score (``paragraphs``: the paragraph
    each sentence is in, when known, see ``entry_labels``; ``sections``: its blank-line
    paragraph, see ``block_labels``)."""
    pair_filter = PairFilter(sentences, paragraphs, sections)
    return {(i, j) for i, j in pairs if pair_filter.skip(i, j) is not None}
