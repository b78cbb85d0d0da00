"""Garble: statements broken by bad rewriting (the same actor on both sides of a relation)."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from checker.document import Document
from checker.findings import Finding, Related
from checker.resources import load_lines
from checker.rules.base import Context, Rule, register
from checker.rules.textutil import lower_letter_runs
from checker.rules.wordlist import available, zipf

# Every actor opens with a capital, matched first and what precedes it checked after (a space
# or the start; no word character for the \b): re's search then skips from capital to capital
# instead of trying every position.
_ACTOR = re.compile(
    r"[A-Z](?:(?:(?<=\s[A-Z])|(?<=^[A-Z]))\.(?:[A-Z]\.)+(?=[\s,;:]|$)"  # U.S., U.K.
    r"|(?<!\w[A-Z])[A-Z]{1,5}\b"  # NATO, EU, US
    r"|(?<!\w[A-Z])[a-z]+(?:[ \t]+[A-Z][a-z]+){0,3}\b)"  # Russia, United States, Kurt Campbell
    r"(?!-[A-Za-z])"  # not the first part of a compound: "Vestmark-registered boats"
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


def _relation_verbs(text: str, words: Iterable[str] | None = None,
                    forms: frozenset[str] | None = None) -> list[int]:
    """Where a lower-case word (a maximal run of a-z in the lower-cased text) is a relation verb.

    The words are listed once, in C; only the few relation verbs among them are then looked up
    with ``str.find`` (a match object per word cost more than the rest of the rule). ``words``:
    those runs, when the caller has them already."""
    lowered = text.lower()
    present = (forms if forms is not None else _relation_forms()).intersection(
        _LOWER_WORD.findall(lowered) if words is None else words)
    starts: list[int] = []
    for form in present:
        at = lowered.find(form)
        while at >= 0:
            end = at + len(form)
            if (at == 0 or not _LETTER.match(lowered, at - 1)) and not _LETTER.match(lowered, end):
                starts.append(at)
            at = lowered.find(form, at + 1)
    return sorted(starts)


_LETTER = re.compile(r"[a-z]")


def _same_actor_pairs(text: str, start: int, end: int) -> Iterator[tuple[re.Match[str],
                                                                         re.Match[str]]]:
    actors = list(_ACTOR.finditer(text, start, end))
    for i, a in enumerate(actors):
        for b in actors[i + 1 : i + 3]:
            if a.group(0) != b.group(0):
                continue
            between = text[a.end() : b.start()]
            words = between.split()
            # a relation verb a few plain words apart, or a transfer to the second ("Orrin
            # Homes will transfer the Quarry Lane field to Orrin Homes")
            verb_between = (1 <= len(words) <= 6 and not _BREAKS.search(between)
                            and _relation_verbs(between))
            if not verb_between and not _transfer_to(words):
                continue
            following = text[b.end() : b.end() + 2]
            if following[:1] == "'" or following[:1] == "’":
                continue  # "Russia ... Russia's" — a possessive, another noun
            if _in_longer_names(text, a.start(), b.end(), related=True):
                continue  # two longer names: "St Johns FC beat FC Twente" (a relation verb or a
                # transfer is between the two, so an opening "The" is no name's)
            if _modifier(text, a.end()) and _modifier(text, b.end()):
                continue  # "The U.S. government strongly warns private U.S. citizens": two
                # things of one place, each named by the word after it
            yield a, b


@functools.cache
def _transfer_forms() -> frozenset[str]:
    """Verbs that move something from one actor to another ("hand the site to", "sold its
    stake to"; ``transfer-verbs.txt``): the giver and the receiver are two actors, whatever
    lies between the verb and "to"."""
    return frozenset(load_lines("garble", "transfer-verbs.txt"))


@functools.cache
def _acquisition_forms() -> frozenset[str]:
    """Verbs that take something from another actor ("bought the Courier from",
    ``acquisition-verbs.txt``): the buyer and the seller are two actors."""
    return frozenset(load_lines("garble", "acquisition-verbs.txt"))


@functools.cache
def _verbs_of_two_actors() -> frozenset[str]:
    """The relation verbs, the transfer verbs and the acquisition verbs: a sentence holding one
    is read for one actor on both sides."""
    return _relation_forms() | _transfer_forms() | _acquisition_forms()


TRANSFER_GAP = 8  # words from the first mention to the second
_RELATIVES = frozenset(("which", "who", "that"))


def _transfer_to(words: list[str]) -> bool:
    """Are the words between two mentions of one actor a transfer to the second (a transfer
    verb, up to a few words of what is moved, no clause break among them, and "to" last) or an
    acquisition from it ("Northgate bought the Courier from Northgate")?"""
    if words[:1] == [","] and words[1:2] and words[1] in _RELATIVES:
        words = words[2:]  # "Wrenfield Homes, which had subcontracted the work to Wrenfield
        # Homes": the relative clause's subject is the name before it
    if not 3 <= len(words) <= TRANSFER_GAP or words[-1] not in ("to", "from"):
        return False
    forms = _transfer_forms() if words[-1] == "to" else _acquisition_forms()
    verbs = [k for k, w in enumerate(words[:-1]) if w in forms]
    if not verbs:
        return False
    rest = words[:verbs[0]] + words[verbs[0] + 1 : -1]
    return not any(_BREAKS.fullmatch(w) or not w[:1].isalnum() for w in rest) and not any(
        w[-1:] in ",;:" for w in words)


# A few plain words between two mentions of one actor: "from Lagos to Lagos", "Arsenal beat
# Arsenal 2-1", "talks between Fatah and Fatah", "Jane Doe, from Jane Doe".
_PLAIN_GAP = re.compile(r"^[ \t]*(?:,[ \t]*)?(?:[a-z][a-z'’-]*|\d[\d.,:-]*)"
                        r"(?:[ \t]+(?:[a-z][a-z'’-]*|\d[\d.,:-]*)){0,4}[ \t]*$")
# The parenthesis right after a name repeats part of it: "the Football Association (Association)".
_ECHO_BRACKET = re.compile(r"\b([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)+)[ \t]+\(([A-Z][a-z]+)\)")


@functools.cache
def _not_actors() -> frozenset[str]:
    return frozenset(load_lines("garble", "not-actors.txt"))


# One name, a few plain words, the same name again (found by a back-reference, in C), not the
# first part of another name ("ESPN" / "ESPN+", "China" / "China-Africa", "Port" /
# "Port-of-Spain", but "Lagos" / "Lagos-based" is the name). The name's capital is matched
# before the look-behind, so that re's search skips to capitals.
_ECHO = re.compile(
    r"([A-Z](?<![\w.’'#@][A-Z])(?>[A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+){0,3}+|[A-Z]{1,5}))"
    r"([ \t]*+,?[ \t]*+(?:[a-z][a-z'’-]*+|\d[\d.,-]*+)(?:[ \t]++(?:[a-z][a-z'’-]*+|\d[\d.,-]*+))"
    r"{0,4}+[ \t]++)\1(?![\w+]|-[A-Z]|-[a-z]++-[A-Z]|\.(?:com|org|net|gov|edu|co|io)\b)")

# A list of three names or more, the last after "and" or "or": "the provinces of Malatya,
# Diyarbakir and Malatya". (Not after "&", which joins a firm's names: "Johnson & Johnson".)
_LIST_NAME = r"[A-Z](?<![\w.’'-][A-Z])[A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+){0,3}+"
_NAME_LIST = re.compile(
    rf"{_LIST_NAME}(?:,[ \t]++{_LIST_NAME}){{1,8}}+,?[ \t]++(?:and|or)[ \t]++{_LIST_NAME}"
    r"(?![\w’'-])")
_LIST_ITEM = re.compile(_LIST_NAME)


EVERYDAY_ZIPF = 4.5  # a title-case word this common is an idiom's word ("round", "year")
ROLE_ZIPF = 2.0  # a plural opening a sentence this common in English is a role ("Judges")


def _everyday(name: str) -> bool:
    """A single title-case word among the commoner words of English, as the idioms of titles
    use ("Round by Round", "Step by Step"); a name in such a slot ("Sony by Sony") is not."""
    return " " not in name and name.istitle() and available() and zipf(name) >= EVERYDAY_ZIPF


def _echo_pairs(text: str) -> Iterator[tuple[int, int, str]]:
    """(start of the first mention, start of the second, the name) for each echo."""
    skip = _not_actors()
    for m in _ECHO.finditer(text):
        name, second = m.group(1), m.end(2)
        if name in skip or not _slots(text, m.start(), m.end(1), second, m.end(), m.group(2)):
            continue
        if m.group(2).split() in (["by"], ["after"], ["upon"]) and _everyday(name):
            continue  # a title's idiom: "Round by Round", "Year after Year", "Wave upon Wave"
        if text[m.end() : m.end() + 1] in {"'", "’"} and m.group(2).split() != ["and"]:
            continue  # "Russia ... Russia's": a possessive, another noun; but "Fitch and Fitch's"
        if (text[m.end() : m.end() + 1] == "-" and text[m.end() + 1 : m.end() + 2].isalpha()
                and m.group(2).split()[-1:] not in (["to"], ["and"])):
            continue  # "Vestmark allows Vestmark-registered boats": a compound's first part (but
            # "from Lagos to Lagos-based crews" still has Lagos in two slots of one route)
        yield m.start(), second, name


def _list_echoes(text: str) -> Iterator[tuple[int, int, str]]:
    """(start of the first mention, start of the second, the name) for a name written twice in
    one list of names ("Malatya, Diyarbakir and Malatya"), or twice in a row in any list
    ("from First Meridian Bank, First Meridian Bank and two smaller lenders"): the list names
    different things,
    and a rewriting tool or a hurried update put one of them in another's place."""
    skip = _not_actors()
    for m in _NAME_LIST.finditer(text):
        seen: dict[str, int] = {}
        for item in _LIST_ITEM.finditer(text, m.start(), m.end()):
            name = item.group()
            if name in ("And", "Or") or name in skip:
                continue
            if name in seen:
                yield seen[name], item.start(), name
                break
            seen[name] = item.start()
    for m in _doubled_in_list(text):  # "First Meridian Bank, First Meridian Bank and two
        # smaller lenders": the list's names need not all be names
        name = m.group(1)
        if m.start() and text[m.start() - 1] in "\"“‘'":
            continue  # a cry or a song's words: "Taser, Taser," he shouted; "Bye, Bye, Miss …"
        if name not in skip and not _everyday(name):
            yield m.start(1), m.start(2), name


def _doubled_in_list(text: str) -> Iterator[re.Match[str]]:
    """``_DOUBLED_IN_LIST``'s matches, tried only where a capitalised word after a comma is
    written in the few words before the comma (a first pass in C finds the commas)."""
    for c in _COMMA_CAPITAL.finditer(text):
        word = c.group(1)
        at = text.rfind(word, max(0, c.start() - DOUBLED_NAME_CHARS), c.start())
        if at < 0:
            continue
        m = _DOUBLED_IN_LIST.match(text, at)
        if m is not None and m.end(1) == c.start() and not _shouted(text, m):
            yield m


def _shouted(text: str, m: re.Match[str]) -> bool:
    """A word in capitals, or one said three times over: "HOLD, HOLD, HOLD." at a launch's
    countdown, "Yes, Yes, Yes" — a cry repeated, not a list."""
    name = m.group(1)
    after = text[m.end(2):m.end(2) + 2] == ", " and text.startswith(name, m.end(2) + 2)
    before = text[m.start(1) - 2:m.start(1)] == ", " and text.endswith(name, 0, m.start(1) - 2)
    return name.isupper() or after or before


# The second side of a dispute or a comparison, after a semicolon or a contrasting conjunction:
# "…; Sarvania says it was in international waters", ", and in Westmarch from 26,990 to 27,480"
_SIDE_NAME = r"([A-Z][\w'’.-]*+(?:[ \t]++[A-Z][\w'’.-]*+){0,3}+)"
_SAYING_VERBS = ("says", "said", "insists", "insisted", "claims", "claimed", "argues", "argued",
                 "maintains", "maintained")
_SECOND_SPEAKER = re.compile(r"(?:;|,[ \t]++(?:while|but|whereas))[ \t]++(?:the[ \t]++)?+"
                             + _SIDE_NAME + r"[ \t]++(?:" + "|".join(_SAYING_VERBS) + r")\b")
_SECOND_PLACE = re.compile(r",[ \t]++(?:and|but|while|whereas)[ \t]++(in|at|for)[ \t]++"
                           + _SIDE_NAME + r"(?=[ \t]++(?:from|to|it|they|the|there|[\d£$€]))")
# The one the sentence's subject beat or the share of a second subject with its verb left out:
# "Marcus Vail won best actor …, beating Idris Malone"; "The University of Dunmere received £31
# million …, and the Castlebridge Institute £26 million"
_SECOND_RIVAL = re.compile(r",[ \t]++(?:beating|defeating|overtaking|edging|pipping|ousting"
                           r"|replacing|succeeding)[ \t]++(?:out[ \t]++)?+" + _SIDE_NAME)
_SECOND_SUBJECT = re.compile(r",[ \t]++and[ \t]++(?:the[ \t]++)?+([A-Z][\w'’.-]*+(?:[ \t]++"
                             r"(?:of[ \t]++)?+[A-Z][\w'’.-]*+){0,4}+)(?=[ \t]++[£$€\d])")
# A second sum paid to, from or for someone: "paid £1.1m to Pellis Events, …, and £700,000 to
# Stourbridge Marketing"
_SECOND_SUM = re.compile(r",[ \t]++and[ \t]++[£$€]\d[\d,.]*+(?:m|bn)?+"
                         r"(?:[ \t]++(?:million|billion))?+[ \t]++(to|from|for)[ \t]++"
                         r"(?:the[ \t]++)?+" + _SIDE_NAME)
# A second source named in a pair: "evidence from Dr Farid Haddad, Mr Ambler's GP, and from Helen
# Marsh, the solicitor …"
_SECOND_SOURCE = re.compile(r",[ \t]++and[ \t]++(from|with|by)[ \t]++(?:the[ \t]++)?+" + _SIDE_NAME
                            + r"(?=[ \t]*+[,.;])")
# A route written as one word: "the Gullhaven-to-Kelton route"
_HYPHEN_ROUTE = re.compile(r"([A-Z][a-z]++)-to-([A-Z][a-z]++)")
# One side doing the same as itself, set against itself: "Hallowell gained two votes …, while
# Hallowell gained 11" (the saying verbs are _SECOND_SPEAKER's)
_SECOND_DOER = re.compile(r",[ \t]++(?:while|whereas)[ \t]++(?:the[ \t]++)?+" + _SIDE_NAME
                          + r"[ \t]++([a-z]{3,}+)\b")
# A journey's start and its end: "had left Gullhaven at 13:05 bound for Gullhaven"
_DEPARTED_FOR = re.compile(
    r"\b(?:left|leaving|departed|departing|flew[ \t]++out[ \t]++of|sailed[ \t]++from"
    r"|set[ \t]++off[ \t]++from)[ \t]++(?:the[ \t]++)?+" + _SIDE_NAME
    + r"[^.;!?\n]{0,40}?[ \t](?:bound|heading|headed|destined)[ \t]++for[ \t]++(?:the[ \t]++)?+"
    + _SIDE_NAME)
# A long name with "of" in it, on both sides of "both … and" or "between … and": "welcomed by
# both the National Union of Classroom Teachers and the National Union of Classroom Teachers"
_LONG_NAME = r"([A-Z][\w'’-]*+(?:[ \t]++(?:of[ \t]++(?:the[ \t]++)?+)?+[A-Z][\w'’-]*+){1,5}+)"
# a name that may end a sentence: its words without a full stop
_LAST_NAME = r"([A-Z][\w'’-]*+(?:[ \t]++[A-Z][\w'’-]*+){0,3}+)"
_BOTH_AND = re.compile(r"\b(?:both|between)[ \t]++(?:the[ \t]++)?+" + _LONG_NAME
                       + r"[ \t]++and[ \t]++(?:the[ \t]++)?+" + _LONG_NAME + r"(?![\w'’-])")
# One person named for two roles in a pair of appositions: "Its artistic director, Naomi Brandt,
# and executive director, Naomi Brandt, said …"
_TWO_ROLES = re.compile(r",[ \t]++" + _SIDE_NAME + r",[ \t]++and[ \t]++"
                        r"(?:[a-z][a-z-]*+[ \t]++){0,3}+[a-z][a-z-]*+,[ \t]++" + _SIDE_NAME
                        + r"(?=[ \t]*+[,.;])")
# A procession's start and its end: "set off from St Aldhelm's Church at 4.30pm and made its
# way along Bridge Street to St Aldhelm's Church" (not one that goes back or returns)
_SET_OFF_TO = re.compile(
    r"\b(?:set[ \t]++off|started|departed|moved[ \t]++off)[ \t]++from[ \t]++(?:the[ \t]++)?+"
    + _SIDE_NAME + r"((?:[^.;!?\n]|\.(?=\d)){0,80}?)[ \t]to[ \t]++(?:the[ \t]++)?+"
    + _LAST_NAME + r"(?![\w'’-])")
# A journey's start named in apposition, and its end as a place in a town: "from the
# worst-affected village, Kampung Batuan, to shelters in Kampung Batuan"
_FROM_NAMED_TO = re.compile(
    r"\bfrom[ \t]++the[ \t]++[a-z][a-z -]{0,40}+,[ \t]++" + _SIDE_NAME
    + r",[ \t]++to[ \t]++(?:the[ \t]++|a[ \t]++)?+(?:[a-z-]++[ \t]++){1,3}?(?:in|at)[ \t]++"
    + _LAST_NAME + r"(?![\w'’-])")
# A tally against a rival's: "showed Delgado with 17,842 votes, or 54.2%, to Delgado's 14,689"
# (the pattern opens on "with"; the name before it is read by _name_before)
_TALLY_AGAINST = re.compile(r"(?<=[ \t])with[ \t]++\d[\d,.]*+(?:[^.;!?\n]|\.(?=\d)){0,40}?"
                            r"[ \t]to[ \t]++([A-Z][\w.-]*+(?:[ \t]++[A-Z][\w.-]*+){0,3}+)"
                            r"['’]s[ \t]++\d")
# A side's result against its opponent: "Marsden Vale's 1-1 draw at home to Harlow Town",
# "Rovers' 3-0 win over Ashby" (the pattern opens on the possessive; the name before it is read
# by _owner_before)
_RESULT_AGAINST = re.compile(
    r"['’](?<=[\w.]['’])s?+[ \t]++(?:\d{1,3}[-–]\d{1,3}[ \t]++)?+(?:home[ \t]++|away[ \t]++)?+"
    r"(?:win|draw|defeat|victory|loss|triumph|thrashing|success|comeback)[ \t]++"
    r"(?:at[ \t]++home[ \t]++to|away[ \t]++to|against|over|with|by|to|at)[ \t]++(?:the[ \t]++)?+"
    + _LAST_NAME + r"(?![\w'’-])")
# A side's fixture against itself: "before Rovers' opening home fixture of the season, against
# Rovers on 10 August"
_FIXTURE_AGAINST = re.compile(
    r"['’](?<=[\w.]['’])s?+[ \t]++(?:[a-z]++[ \t]++){0,3}?(?:fixture|match|game|tie|clash|derby)"
    r"(?:[ \t]++of[ \t]++the[ \t]++season)?+,?+[ \t]++(?:against|versus|v)[ \t]++(?:the[ \t]++)?+"
    + _LAST_NAME + r"(?![\w'’-])")
# The speaker named again, in full, in apposition to another role later in the sentence:
# "Luke Varga said Tashi had been checked by the park's vet, Luke Varga, and …"
_SPEAKER_VERB = re.compile(r"[ \t](?<=[a-z][ \t])(?:said|says|told)(?![\w'’-])")
_SENTENCE_END = re.compile(r"[.!?](?=[ \t\n\"”’]|$)")
NAME_WORDS_BEFORE = 4
_BACK = re.compile(r"\b(?:back|return|returned|returning|again|round|circuit|loop)\b")


def _trailing_name(words: list[str]) -> str | None:
    """The capitalised words that end ``words`` (at most ``NAME_WORDS_BEFORE``), as one name."""
    taken: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or len(taken) == NAME_WORDS_BEFORE or not word.isalnum():
            break
        taken.append(word)
    return " ".join(reversed(taken)) if taken else None


def _owner_before(text: str, at: int) -> tuple[int, str] | None:
    """The capitalised words that end at ``at`` (a possessive's owner: "Marsden Vale" of
    "Marsden Vale's"), and where they start."""
    name = _trailing_name(text[max(0, at - 80) : at].split(" "))
    return None if name is None else (at - len(name), name)


def _name_before(text: str, at: int) -> tuple[int, str] | None:
    """The capitalised words that end just before ``at`` (a space between), and where they
    start: "Delgado" before " with 17,842 votes"."""
    head = text[max(0, at - 80) : at]
    if not head.endswith((" ", "\t")):
        return None
    name = _trailing_name(head.split())
    if name is None:
        return None
    start = text.rfind(name, 0, at)
    return (start, name) if start >= 0 else None


# Whose act was met, made or done by another: "fed Wrobel, whose cross … was met by Dunmore"
_WHOSE_BY = re.compile(r",[ \t]++whose[ \t][^.;!?\n]{3,80}?[ \t]by[ \t]++(?:the[ \t]++)?+"
                       + _SIDE_NAME)
SIDE_REACH = 200  # how far back in its sentence the first side is looked for


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts, looked for no further back than SIDE_REACH."""
    reach = max(0, at - SIDE_REACH)
    return max(text.rfind(". ", reach, at), text.rfind("\n", reach, at), reach - 1) + 1


def _first_side(before: str, first: str) -> int:
    """Where ``first`` stands in ``before`` as whole words, or -1."""
    at = before.find(first)
    while at > 0 and (before[at - 1].isalnum() or before[at - 1] in "'’-"):
        at = before.find(first, at + 1)
    end = at + len(first)
    return at if at >= 0 and (end == len(before) or not before[end].isalnum()) else -1


def _contrast_echoes(text: str) -> Iterator[tuple[int, int, str]]:
    """(start of the first mention, start of the second, the name) for one name on both sides of a
    dispute ("Oltmark says the trawler was fishing illegally …; Oltmark says it was in
    international waters") or of a comparison ("in Northmoor it rose from 30,150 to 31,640,
    and in Northmoor from 26,990 to 27,480"), as the one the sentence's subject beat
    ("Marcus Vail won best actor …, beating Marcus Vail"), as a second subject with its verb
    left out ("The University of Dunmere received £31 million …, and the University of
    Dunmere £26 million"), as the one who met the act of the one just named ("fed Wrobel,
    whose cross … was met by Wrobel"), as a second sum's payee ("paid £1.1m to Pellis
    Events, …, and £700,000 to Pellis Events"), as a second source ("evidence from Helen
    Marsh, Mr Ambler's GP, and from Helen Marsh, the solicitor"), at both ends of a route
    written as one word ("the Gullhaven-to-Gullhaven route") or told as a departure and its
    destination ("had left Gullhaven at 13:05 bound for Gullhaven"; "from the worst-affected
    village, Kampung Batuan, to shelters in Kampung Batuan"), as a tally's rival
    ("Delgado with 17,842 votes … to Delgado's 14,689"), as the opponent of a side's result
    ("Marsden Vale's 1-1 draw at home to Marsden Vale"; "Rovers' opening home fixture of the
    season, against Rovers"), as another role in apposition to
    the speaker named in full ("Luke Varga said … by the park's vet, Luke Varga, …") and as
    one actor doing the same thing set against itself ("Hallowell gained two votes …, while
    Hallowell gained 11"), as the object of the verb after a clause about the name
    ("Trelawney, who joined the crew in 2004, succeeded Trelawney"), as the one it is ranked
    against in a clause about it ("Leon Castellano of Brazil, who finished second behind
    Castellano"), as the alternative it is
    set against ("it was Kaldoria, not Kaldoria, that had broken the accord") and as the one
    its subject asks another to act against ("Ms Pryce called on the prime minister to dismiss
    Ms Pryce"): the second side belongs to someone or somewhere else."""
    skip = _not_actors()
    if "-to-" in text:
        for m in _HYPHEN_ROUTE.finditer(text):
            if m.group(1) == m.group(2) and m.group(1) not in skip:
                yield m.start(1), m.start(2), m.group(1)
    if " for " in text:
        for m in _DEPARTED_FOR.finditer(text):
            if m.group(1) == m.group(2) and m.group(1) not in skip:
                yield m.start(1), m.start(2), m.group(1)
    if "between " in text and " and the " in text and " of " in text:
        for m in _BETWEEN_PLACE.finditer(text):
            if m.group(1) == m.group(2) and m.group(1) not in skip:
                yield m.start(1), m.start(2), m.group(1)
    if "both " in text or "between " in text:
        for m in _BOTH_AND.finditer(text):
            if m.group(1) == m.group(2) and m.group(1) not in skip:
                yield m.start(1), m.start(2), m.group(1)
    if " from " in text:
        for m in _SET_OFF_TO.finditer(text):
            if (m.group(1) == m.group(3) and m.group(1) not in skip
                    and not _BACK.search(m.group(2))):
                yield m.start(1), m.start(3), m.group(1)
    if " said " in text or " says " in text or " told " in text:
        for m in _SPEAKER_VERB.finditer(text):
            first = _owner_before(text, m.start())
            if first is None or " " not in first[1] or first[1] in skip:
                continue  # a full name, first name and surname: a surname alone recurs
            end = _SENTENCE_END.search(text, m.end())
            stop = end.start() if end is not None else len(text)
            at = text.find(f", {first[1]}", m.end(), stop)
            if at >= 0 and text[at + len(first[1]) + 2: at + len(first[1]) + 3] in (",", "."):
                yield first[0], at + 2, first[1]
    if "from the " in text and ", to " in text:
        for m in _FROM_NAMED_TO.finditer(text):
            if m.group(1) == m.group(2) and m.group(1) not in skip:
                yield m.start(1), m.start(2), m.group(1)
    if "'" in text or "’" in text:
        for m in itertools.chain(_RESULT_AGAINST.finditer(text), _FIXTURE_AGAINST.finditer(text)):
            first = _owner_before(text, m.start())
            if first is not None and first[1] == m.group(1) and m.group(1) not in skip:
                yield first[0], m.start(1), m.group(1)
    if " with " in text and "s " in text:
        for m in _TALLY_AGAINST.finditer(text):
            first = _name_before(text, m.start())
            if first is not None and first[1] == m.group(1) and m.group(1) not in skip:
                yield first[0], m.start(1), m.group(1)
    if " not " in text or " rather than " in text or " instead of " in text:
        for m in _NOT_ITSELF.finditer(text):
            name = m.group(1) + m.group(2)
            if (name == m.group(3) and name not in skip and not _modifier(text, m.end(3))
                    and _COMMA_CAPITAL.match(text, m.end(3)) is None):
                yield m.start(1), m.start(3), name  # ("Paris, not Paris, Texas" is two)
    for needs, pattern in ((_ASKED_NEEDS, _ASKED_AGAINST_ITSELF),
                           (_RANKED_NEEDS, _RANKED_AFTER_ITSELF)):
        if any(word in text for word in needs):  # (a first pass in C)
            for m in pattern.finditer(text):
                name = m.group(1) + m.group(2)
                if name == m.group(3) and name not in skip:
                    yield m.start(1), m.start(3), name
    if "," not in text and ";" not in text:
        return
    if "while " in text or "whereas " in text:
        for m in _SECOND_DOER.finditer(text):
            name, verb = m.group(1), m.group(2)
            if verb in _SAYING_VERBS or verb in function_words() or name in skip:
                continue
            start = _sentence_start(text, m.start())
            at = _first_side(text[start : m.start()], f"{name} {verb}")
            if at >= 0:
                yield start + at, m.start(1), name
    if ", who " in text:
        for m in _WHO_AGAINST_ITSELF.finditer(text):
            name, other = m.group(1) + m.group(2), m.group(3)
            if (other == name or name.endswith(" " + other)) and other not in skip:
                # the surname in the first, as the second writes it
                yield m.start(1) + len(name) - len(other), m.start(3), other
    if ", who " in text or ", which " in text:
        for m in _over_clause(text):
            verb = m.group(3).split()
            if m.group(1) != m.group(4) or m.group(1) in skip:
                continue
            if (verb[-1] in _relation_forms() and len(verb) <= 2) or (
                    m.group(2) == "who" and verb[-1] == "to" and len(verb) > 1):
                # "…, (later) succeeded Trelawney"; a person's act "to" the person ("Orlova, who
                # retired in 2023, paid tribute to Orlova")
                yield m.start(1), m.start(4), m.group(1)
    for m in _TWO_ROLES.finditer(text):
        if m.group(1) == m.group(2) and m.group(1) not in skip:
            yield m.start(1), m.start(2), m.group(1)
    for m in _SECOND_SPEAKER.finditer(text):
        name = m.group(1)
        start = _sentence_start(text, m.start())
        before = text[start : m.start()]
        for verb in _SAYING_VERBS:
            at = _first_side(before, f"{name} {verb}")
            if at >= 0 and name not in skip:
                yield start + at, m.start(1), name
                break
    for m in itertools.chain(_SECOND_PLACE.finditer(text), _SECOND_SUM.finditer(text),
                             _SECOND_SOURCE.finditer(text)):
        name = m.group(2)
        start = _sentence_start(text, m.start())
        at = _first_side(text[start : m.start()], f"{m.group(1)} {name}")
        if at >= 0 and name not in skip:
            yield start + at + len(m.group(1)) + 1, m.start(2), name
    for pattern in (_SECOND_RIVAL, _SECOND_SUBJECT):
        for m in pattern.finditer(text):
            name = m.group(1)
            start = _sentence_start(text, m.start())
            opening = text[start : m.start()].lstrip()
            lead = start + len(text[start : m.start()]) - len(opening)
            if opening.startswith("The ") and not name.startswith("The "):
                opening, lead = opening[4:], lead + 4
            if (opening.startswith(name) and opening[len(name) : len(name) + 1] in (" ", ",")
                    and name not in skip):
                yield lead, m.start(1), name
    for m in _WHOSE_BY.finditer(text):
        name = m.group(1)
        if text.endswith(name, 0, m.start()) and name not in skip and (
                m.start() == len(name) or not text[m.start() - len(name) - 1].isalnum()):
            yield m.start() - len(name), m.start(1), name


# One name set against itself: "it was Kaldoria, not Kaldoria, that had broken the accord",
# "Harbour Town rather than Harbour Town", "Delmont instead of Delmont". A choice between two
# needs two. (The name's capital first, its look-behind after, as elsewhere here.)
_NOT_ITSELF = re.compile(
    r"([A-Z])(?<![\w.’'#@][A-Z])([A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+){0,3}+)"
    r"(?:,[ \t]++not|[ \t]++rather[ \t]++than|[ \t]++instead[ \t]++of|,?+[ \t]++(?:and|but)"
    r"[ \t]++not)[ \t]++(?:the[ \t]++)?+([A-Z][A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+){0,3}+)"
    r"(?![\w’'-])")


# One who asks another to act against them, named as the one to act against: "Ms Pryce called
# on the prime minister to dismiss Ms Pryce" (the minister she wants dismissed is someone
# else). Only acts against someone: "urged voters to back Smith" may be Smith's own appeal.
_ASKED_AGAINST_ITSELF = re.compile(
    r"([A-Z])(?<![\w.’'#@][A-Z])([A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+){0,3}+)[ \t]++"
    r"(?:has[ \t]++|have[ \t]++|had[ \t]++)?+(?:called[ \t]++on|calls[ \t]++on|urged|urges"
    r"|asked|asks|pressed|presses|told|tells|demanded|challenged)[ \t]++[^.;:!?\n]{1,60}?"
    r"[ \t]to[ \t]++(?:[a-z]++[ \t]++)?(?:dismiss|sack|fire|remove|suspend|investigate|arrest"
    r"|prosecute|charge|impeach|expel|discipline|punish|censure|oust|replace|resign[ \t]++over)"
    r"[ \t]++(?:the[ \t]++)?+([A-Z][A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+){0,3}+)(?![\w’'-])")


_ASKED_NEEDS = (" to ",)  # what a text must hold for ``_ASKED_AGAINST_ITSELF`` to match


# A name ranked second (or third …) after itself: "Chile is the world's second largest producer
# of lithium after Chile" (the first is another country).
_RANKED_AFTER_ITSELF = re.compile(
    r"([A-Z])(?<![\w.’'#@][A-Z])([A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+){0,3}+)[ \t]++"
    r"(?:is|was|are|were|became|remains|remained|ranks|ranked|has[ \t]++become)[ \t]++"
    r"(?:now[ \t]++|still[ \t]++)?+(?:the[ \t]++|its[ \t]++)?+(?:[\w’'-]++[ \t]++){0,3}?"
    r"(?:second|third|fourth|fifth|2nd|3rd|4th|5th|number[ \t]++two)[ \t-]++"
    r"[^.;:!?\n]{0,80}?[ \t](?:after|behind)[ \t]++(?:the[ \t]++)?+"
    r"([A-Z][A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+){0,3}+)(?![\w’'-])")
_RANKED_NEEDS = (" after ", " behind ")


# A name, then a relative clause about it that ranks it against itself: "Leon Castellano of
# Brazil, who finished second behind Castellano in the final" (the winner is someone else).
_WHO_AGAINST_ITSELF = re.compile(
    r"([A-Z])(?<![\w.’'#@][A-Z])([A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+){0,3}+)"
    r"(?:[ \t]++of[ \t]++[A-Z][A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+)?+)?+,[ \t]++who[ \t]"
    r"[^,;:.!?\n]{1,80}?[ \t](?:behind|ahead[ \t]++of|beating|succeeding|replacing)[ \t]++"
    r"([A-Z][A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+){0,3}+)(?![\w’'-])")


# A name, a relative clause about it, then a relation verb and the same name as its object:
# "Trelawney, who joined the crew in 2004, succeeded Trelawney as coxswain". The clause is
# set off by commas, so the verb is the name's own.
_OVER_CLAUSE = re.compile(
    r"(?<![\w.’'#@])([A-Z][A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+){0,3}+),[ \t]++(who|which)"
    r"[ \t][^,;:.!?“”\"\n]{1,120}+,[ \t]++([a-z]++(?:[ \t]++[a-z]++){0,2}?)[ \t]++(?:the[ \t]++)?+"
    r"([A-Z][A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+){0,3}+)(?![\w’'-])")


def _over_clause(text: str) -> Iterator[re.Match[str]]:
    """``_OVER_CLAUSE``'s matches, tried only at the name that ends just before each ", who" or
    ", which" (a first pass in C finds them)."""
    for c in _RELATIVE.finditer(text):
        name = _NAME_ENDING.search(text, max(0, c.start() - DOUBLED_NAME_CHARS), c.start())
        if name is not None:
            m = _OVER_CLAUSE.match(text, name.start())
            if m is not None:
                yield m


_RELATIVE = re.compile(r",[ \t]++(?:who|which)[ \t]")
# a name that ends where the search ends
_NAME_ENDING = re.compile(r"(?<![\w.’'#@])[A-Z][A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+){0,3}+\Z")


_CLAUSE_BREAKS = frozenset(("but", "that", "which", "who", "while", "as", "because", "if",
                            "when", "or", "nor", "than", "where", "although", "how", "why",
                            "whether"))
# Matched at the end of a name (never after a space): the lookbehinds keep a scan linear.
_NEXT_WORD = re.compile(r"(?<![ \t])[ \t]+([a-z]+)")
_RUN_BEFORE = re.compile(r"(?<![\w’'.-])[A-Z][\w’'.-]*[ \t]+$")
_RUN_AFTER = re.compile(r"(?<![ \t])[ \t]+[A-Z]")
_NUMBERED_AFTER = re.compile(r"(?<![ \t])[ \t]+\d++(?:,\d{3})*+(?:\.\d++)*+(?![\d:–-]|[.,]\d)")
_NUMBERED_BEFORE = re.compile(r"\d[ \t]+$")
_ORIGIN = frozenset(("from", "of", "in", "at", "near", "and"))
_ROLE_OF = frozenset(("of", "at", "from"))
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "its", "their", "his", "her", "our",
                          "s"))
_DOING_AFTER = re.compile(r"(?<![ \t])[ \t]++[a-z]++(?<=ing)\b")
_FROM = re.compile(r"\b(?:from|between)[ \t]+(?:the[ \t]+)?$")
# Where someone lives or comes from, the first slot of "of Halifax … in Halifax provincial court":
# the second mention then names where an institution of that place is, not a second actor.
_RESIDENT = re.compile(r"\b(?:of|from)[ \t]+$")
_THE_BEFORE = re.compile(r"\bthe[ \t]+$")
_AT_PLACE = frozenset(("in", "at"))
# An institution named for a place, just before the first mention: "the University of Denver in
# Denver", "the Bank of Ghana in Ghana".
_NAMED_FOR = re.compile(
    r"(?<![\w’'.-])(?:University|College|School|Bank|Museum|Hospital|Cathedral|Church|Council"
    r"|Diocese|Port|Zoo|Library|Institute|Academy)[ \t]+of[ \t]+(?:the[ \t]+)?$")
# The endings of a people's word ("Turkish", "Welsh", "Indonesian", "Japanese"), which names
# no place a thing could be in.
_PEOPLE_WORD_ENDINGS = ("sh", "ian", "ese", "an", "i")
# A determiner a few words before a described mention: "the sweet, innocent Sandy".
_GUISE_BEFORE = re.compile(r"\b(?:the|a|an|both)[ \t]+(?:[a-z][a-z'’-]*+,?[ \t]++){1,3}+$")


# What follows the first words of a longer title: "Jack and the Beanstalk", "the Independent
# on Sunday".
_TITLE_AND = re.compile(r"(?<![ \t])[ \t]++and[ \t]++the[ \t]++[A-Z]")
_SUNDAY = re.compile(r"(?<![ \t])[ \t]++on[ \t]++Sunday\b")

# A word that asks for another of the same kind: "a further Bill", "another Smith".
_ANOTHER = frozenset(("further", "another"))
# "what we sell in North America is made in North America": goods made where they are sold
_MADE = frozenset(("made", "produced", "built", "manufactured", "assembled", "grown", "sourced"))
_SOLD_IN = re.compile(r"\b(?:sell|sells|sold|selling|buy|buys|bought|use|uses|used)[ \t]+in"
                      r"[ \t]+$")
# a court's list, where a case is named for its parties and a couple's case for one surname
# ("Ridley v Ridley and Okafor | Possession"): words of the court in the line
_COURT_LINE = re.compile(r"(?i:\b(?:court|hearing|claimant|defendant|respondent|applicant"
                         r"|possession|divorce|probate|tribunal|judge|injunction|case[ \t]no"
                         r"|claim[ \t]no|chambers|directions|adjourned|listed))\b")


def _in_longer_names(text: str, a_start: int, b_end: int, related: bool = False) -> bool:
    """Is the first mention the end of a longer name, or the second the start of one ("World
    Bank and Bank of England", "St Johns FC beat FC Twente")? With ``related`` (a relation verb
    between them), a capitalised function word before the first is the sentence's opening, not
    a name's: "The U.S. does not accept the U.S." (but "The Independent and the Independent on
    Sunday" are two titles)."""
    before = _RUN_BEFORE.search(text, max(0, a_start - 30), a_start)
    if related and before is not None and before.group(0).rstrip().lower() in function_words():
        before = None
    if before is not None and _role_opening(text, before.start(), before.group(0).rstrip()):
        before = None  # "Adjudicators Paul Whitacre and Paul Whitacre awarded …"
    return bool(before or _RUN_AFTER.match(text, b_end))


def _role_opening(text: str, at: int, word: str) -> bool:
    """Is ``word``, at ``at``, a plural noun of English that opens its sentence ("Judges",
    "Adjudicators", "Stewards"): the role of the people named after it, not a name's first
    word ("World Bank", "St Johns")?"""
    opening = at == 0 or text[max(0, at - 2): at] in (". ", "\n\n") or text[at - 1: at] == "\n"
    return (opening and word.endswith("s") and not word.endswith("ss") and word[1:].islower()
            and available() and zipf(word) >= ROLE_ZIPF)


_PEOPLE_ENDINGS = ("ish", "ese", "ian", "ican", "man", "ic", "i")  # not "Milan", "Iran"


def _people_word(name: str) -> bool:
    """A single word of a people or a language ("English", "Japanese", "Italian", "Iraqi"): a
    noun in one slot and an adjective in the next is one word in two uses, not two actors."""
    return (" " not in name and name.istitle() and name.endswith(_PEOPLE_ENDINGS)
            and available() and zipf(name) >= EVERYDAY_ZIPF - 1)


def _modifier(text: str, end: int) -> bool:
    """A name followed by a plain lower-case word is a modifier ("Iraqi businesses")."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    if word.endswith(("ed", "ing")) and len(word) > 4:
        return False  # a verb's past or participle: "Rossiter followed Rossiter", a subject
    return word not in function_words() and word not in _relation_forms() and word not in {
        "said", "says"}  # "Federal Reserve warned": a subject, not a modifier


# A plain lower-case word just before a name ("a racist President").
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([a-z][a-z'’-]*+)[ \t]+$")


def _described(text: str, start: int) -> bool:
    """Is the mention at ``start`` described by a plain word of its own ("racist President"),
    not a function word or a verb of the relation ("beat Arsenal", "the U.S.")?"""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group(1) not in function_words() and (
        m.group(1) not in _relation_forms())


_PLACE_KINDS = frozenset(("island", "isle", "town", "city", "village", "port", "county", "state",
                          "province", "region", "republic", "kingdom"))
# A name written twice in a row in a list, a comma between: "from First Meridian Bank, First
# Meridian Bank and two smaller lenders".
_COMMA_CAPITAL = re.compile(r",[ \t]++([A-Z][A-Za-z’'-]*+)")
DOUBLED_NAME_CHARS = 60  # a name of four words or fewer ends this close before the comma
_DOUBLED_IN_LIST = re.compile(
    r"(?<![\w.’'-])([A-Z][A-Za-z’'-]*+(?:[ \t]++[A-Z][A-Za-z’'-]*+){0,3}+),[ \t]++(\1)"
    r"(?:,|[ \t]++(?:and|or)[ \t])")
# A route's two ends, the second described as a place of a kind: "between Dornitz and the
# Lusanian city of Dornitz", "between Kelton and the coastal town of Kelton".
_BETWEEN_PLACE = re.compile(
    r"\bbetween[ \t]++" + _LAST_NAME + r"[ \t]++and[ \t]++the[ \t]++(?:[A-Za-z’'-]++[ \t]++){0,2}?"
    r"(?:" + "|".join(sorted(_PLACE_KINDS)) + r")[ \t]++of[ \t]++" + _LAST_NAME
    + r"(?![\w'’-])")


# A route's start written as a place of a kind: "from the port of ", "from the village of "
_FROM_PLACE_OF = re.compile(r"\bfrom[ \t]++the[ \t]++(?:[a-z-]++[ \t]++)?([a-z]++)[ \t]++of"
                            r"[ \t]++\Z")


def _route_to_itself(text: str, a_start: int, b_end: int, words: list[str]) -> bool:
    """Are the two mentions a route's two ends, "from" one "to" the other, written as a place of
    a kind ("from Portmorran to the island of Portmorran", "… to the coastal town of …", "from
    the port of Bayan Lor to the island town of Bayan Lor") or
    each with the same noun after it ("from Gullhaven harbour to Gullhaven harbour")? Then
    neither the "of" nor the nouns after the names make them two things. ("between" one "and"
    the other as a place of a kind is ``_BETWEEN_PLACE``'s, whatever words describe it.)"""
    if text[max(0, a_start - 5) : a_start] != "from ":
        place = _FROM_PLACE_OF.search(text, max(0, a_start - 40), a_start)
        if place is None or place.group(1) not in _PLACE_KINDS:
            return False  # (or "from the port of Bayan Lor to the island town of Bayan Lor")
    if len(words) in (4, 5):
        return (words[:2] == ["to", "the"] and words[-2] in _PLACE_KINDS and words[-1] == "of")
    if len(words) != 2 or words[1] != "to":
        return False
    after = _NEXT_WORD.match(text, b_end)
    return after is not None and after.group(1) == words[0]


def _slots(text: str, a_start: int, a_end: int, b_start: int, b_end: int, gap: str) -> bool:
    """Could the two mentions fill two slots of one relation (not a title, list or clause)?"""
    words = re.findall(r"[a-z]+", gap)
    if "," in gap:  # "Jane Doe, from Jane Doe", "Riyadh, the capital of Riyadh"
        origin = (1 <= len(words) <= 2 and words[0] in _ORIGIN) or (
            1 <= len(words) <= 4 and words[-1] in _ROLE_OF) or words == ["the"]
        if not origin and not any(w in _relation_forms() for w in words):
            return False  # "India, volunteer in India"
    elif set(words) & _CLAUSE_BREAKS or ("of" in words and words not in (["of"], ["of", "the"])
                                         and not _route_to_itself(text, a_start, b_end, words)):
        return False  # "Britain and the people of Britain", "the BBC while the BBC"
    if (_NUMBERED_AFTER.match(text, a_end) and _NUMBERED_AFTER.match(text, b_end)) or (
            _NUMBERED_BEFORE.search(text, max(0, a_start - 12), a_start)
            and _NUMBERED_BEFORE.search(text, max(0, b_start - 12), b_start)):
        return False  # "Python 2 and Python 3", "18.04 LTS and 16.04 LTS": numbered things,
        # and sums ("to Rs 1,114.7 crore from Rs 908 crore")
    if _in_longer_names(text, a_start, b_end, any(w in _relation_forms() for w in words)):
        return False  # part of a longer name: "World Bank and Bank", "Outlook and Outlook Express"
    last = words[-1] if words else ""
    if ("," in gap and len(words) == 2 and words[0] in ("and", "or")
            and last not in function_words() and last not in _relation_forms()
            and _described(text, a_start)):
        return False  # "a racist President, and incompetent President, …": a list of epithets
        # ("former US president Bill Clinton and singer Bill Clinton" is still a swap)
    if (_modifier(text, b_end) and (_modifier(text, a_end) or last in _DETERMINERS)
            and not _route_to_itself(text, a_start, b_end, words)):
        return False  # "Iraqi businesses and Iraqi workers", "Fiat is to close the Fiat plant"
    if (_modifier(text, b_end) and _people_word(text[a_start:a_end])
            and words[:1] not in (["and"], ["or"], ["nor"])):
        return False  # "films in languages other than English are shown with English
        # subtitles": a language, then a thing in it (but "the Romanian and Romanian visas
        # scandal" is one adjective put in another's place)
    before = text[max(0, a_start - 20) : a_start]
    plain = [w for w in words if w != "the"]
    if (len(words) == 3 and words[0] == "and" and words[1] in _DETERMINERS
            and last not in function_words() and last not in _relation_forms()
            and _described(text, a_start)
            and _GUISE_BEFORE.search(text, max(0, a_start - 40), a_start)):
        return False  # "both the sweet, innocent Sandy and the sexy Sandy": one actor in two
        # guises, each described ("the old Germany and the new Germany")
    if ("," not in gap and 2 <= len(plain) <= 3 and plain[-1] == "from"
            and words[0] == plain[0] and plain[0] not in function_words()
            and plain[-2] not in _relation_forms() and _THE_BEFORE.search(before)):
        return False  # "remove the White House press corps from the White House": the first
        # names a group of the place, which the relation takes from it
    if ((last in _AT_PLACE or last not in function_words()) and _modifier(text, b_end)
            and _RESIDENT.search(before)):
        return False  # "Brian Knowles, 43, of Halifax is to appear in Halifax provincial court",
        # "A man from Dunholme attended Dunholme police station": where someone is from, then
        # an institution of that place (not a route's two ends: "from Milan to Milan airport")
    if (last in _AT_PLACE and _modifier(text, a_end) and " " not in text[a_start:a_end]
            and not text[a_start:a_end].endswith(_PEOPLE_WORD_ENDINGS)):
        return False  # "I own JAG in Detroit podcasts here in Detroit", "the Onagawa nuclear
        # plant in Onagawa": a thing of the place, in it (but "the Turkish investment in
        # Turkish" and "the Olympic Dam mine in Olympic Dam" are a word put in another's slot)
    if "," in gap and last in _AT_PLACE and before.endswith("via "):
        return False  # "services via Wendmouth, changing at Wendmouth": the stop a route goes
        # through, then what is done there
    if last in _AT_PLACE and _NAMED_FOR.search(before):
        return False  # "the University of Denver in Denver": a place's institution, in it
    if last in _ANOTHER:
        return False  # "the Bill and enable a further Bill": another of its kind, on purpose
    if last in _AT_PLACE and len(words) >= 2 and words[-2] in _MADE and _SOLD_IN.search(before):
        return False  # "what we sell in North America is made in North America"
    if words in (["v"], ["vs"], ["versus"]):
        line_start = text.rfind("\n", 0, a_start) + 1
        line_end = text.find("\n", b_end)
        if _COURT_LINE.search(text, line_start, line_end if line_end >= 0 else len(text)):
            return False  # "Ridley v Ridley and Okafor | Possession": a case named for its
            # parties on a court's list
    if last == "with" and _DOING_AFTER.match(text, b_end):
        return False  # "Venus and Serena up 4-3 with Serena serving": what one of them is doing
    if words[-2:] == ["would", "be"] or gap.rstrip().endswith("would-be"):
        return False  # "MPs and would-be MPs": the ones there and the ones hoping to be
    if (words == ["in"] and _TITLE_AND.match(text, b_end)) or (
            _SUNDAY.match(text, b_end) and _THE_BEFORE.search(text, b_start - 4, b_start)):
        return False  # "to play Jack in Jack and the Beanstalk", "the Independent and the
        # Independent on Sunday": a part in a title, a paper and its Sunday title
    if words == ["to"]:  # "Man to Man" is a title; "from Lagos to Lagos" is not
        return bool(_FROM.search(before))
    if words == ["for"]:  # "the Office for Office", "Mathieu Amalric for Mathieu Amalric";
        # not "Measure for Measure"
        return before.endswith("the ") or " " in text[a_start:a_end]
    if words == ["and"]:  # "Egypt and Egypt", not "Over and Over" or "Robocop and Robocop 2"
        title = text[a_start:a_end].lower() in function_words()
        sequel = re.match(r"(?<![ \t])[ \t]+\d", text[b_end : b_end + 3]) is not None
        return not (title or sequel or "," in gap) or bool(_FROM.search(before))
    return words != ["or"]


@functools.cache
def function_words() -> frozenset[str]:
    return frozenset(load_lines("garble", "function-words.txt"))


_ONE_WORD_BRACKET = re.compile(r"\([A-Z][a-z]+\)")


def _bracket_echoes(text: str) -> Iterator[re.Match[str]]:
    if not _ONE_WORD_BRACKET.search(text):
        return  # a cheap first pass: "(CNN)" and "(FA)" are not one capitalised word
    for m in _ECHO_BRACKET.finditer(text):
        # the name's first word in brackets names where it is: "Wakefield West (Wakefield)", a
        # ward and its council in election results; any later word is an echo
        if m.group(2) in m.group(1).split()[1:]:
            yield m


@register
class SameActorBothSides(Rule):
    code = "GB101"
    name = "same-actor-both-sides"
    category = "garble"
    summary = "The same actor on both sides of a relation (\"the U.S. does not accept the U.S.\")"
    what = """
Finds one actor named in two slots of a relation that should hold two different ones: around a
relation verb ("the U.S. does not accept the U.S. turning to Russia"; the verbs are listed in
`rules/garble/relation-verbs.txt`), a transfer to the second ("Orrin Homes will transfer the
field to Orrin Homes"; `rules/garble/transfer-verbs.txt`), or a few plain words apart ("the
flight from Lagos to Lagos", "Arsenal beat Arsenal 2-1", "talks between Fatah and Fatah", "the
Bank of Bank", "Jane Doe, from Jane Doe, Cornwall"), a bracket that repeats part of the name
before it ("the Football Association (Association)"), one name on both sides of a dispute or a
comparison ("Oltmark says the trawler was fishing illegally; Oltmark says it was in
international waters", "in Northmoor it rose from 30,150 to 31,640, and in Northmoor from 26,990
to 27,480"), in the slot of the one its sentence's subject beat ("Marcus Vail won best actor,
beating Marcus Vail") or a side's result was against ("Oldham's 1-0 win against Oldham"), of a
role in apposition to the sentence's speaker ("Luke Varga said Tashi had been checked by the
park's vet, Luke Varga"), of a second subject with its verb left out ("The University of Dunmere
received £31 million, and the University of Dunmere £26 million"), of the agent after "whose …
by" ("fed Wrobel, whose cross was met by Wrobel") and at both ends of a route ("from Portmorran
to the island of Portmorran"), and one name twice in a list of names ("the provinces of Malatya,
Diyarbakir and Malatya"; a firm's names joined by "&" are one name: "Johnson & Johnson"). Titles
("Man to Man"), modifiers ("Iraqi businesses and Iraqi workers"), clauses ("the BBC, but the
BBC"), numbered things ("Python 2 and Python 3"), longer names ("World Bank and Bank of
England", "St Johns FC beat FC Twente") and a place someone is from that then names an
institution ("of Halifax, … to appear in Halifax provincial court"), an institution named for
the place it is in ("the University of Denver in Denver"), a thing of a place said to be in it
("Detroit podcasts here in Detroit") and another of a kind on purpose ("the Bill and … a further
Bill"), a clause of its own after "how", "why" or "whether", a hashtag beside a site's address,
"MPs and would-be MPs", a part in a title ("to play Alice in Alice and the …") and a paper's
Sunday title are left alone."""
    why = """
Automatic rewriting ("spinning") often replaces one actor's name with another's, leaving a
statement that says nothing or the opposite of the original. The original here was that the U.S.
does not accept *Niger* turning to Russia."""
    bad_examples = ("Campbell told the prime minister that the U.S. does not accept the U.S. "
                    "turning to Russia for protection.",
                    "The flight from Lagos to Lagos was cancelled on Tuesday.",
                    "Buildings collapsed in the provinces of Malatya, Diyarbakir and Malatya.",
                    "The rules were set by the Football Association (Association) in 2004.")
    good_examples = ("Campbell said the U.S. does not accept Niger turning to Russia.",
                     "Russia warned Ukraine, and Russia then withdrew.",
                     "The festival opens with the period epic Man to Man on Thursday.",
                     "Brian Knowles, 43, of Halifax is to appear in Halifax provincial court.",
                     "St Johns FC convincingly beat FC Twente Somethings 8-1.",
                     "The U.S. government strongly warns private U.S. citizens not to go.")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        text = doc.text
        verbs = _relation_verbs(text, lower_letter_runs(text), _verbs_of_two_actors())
        echoes: dict[int, list[tuple[int, int, int, int]]] = defaultdict(list)
        in_lists = list(_list_echoes(text))
        listed = {(a, b) for a, b, _ in in_lists}  # the pairs that are one name twice in a list
        for a, b, name in itertools.chain(_echo_pairs(text), in_lists, _contrast_echoes(text)):
            i = doc.sentence_index_at(a)
            if i is not None and i == doc.sentence_index_at(b):
                echoes[i].append((a, a + len(name), b, b + len(name)))
        for i, s in enumerate(doc.sentences):
            pairs = {(a, b): (a, a_end, b, b_end) for a, a_end, b, b_end in echoes.get(i, ())}
            v = bisect.bisect_left(verbs, s.start)
            if v < len(verbs) and verbs[v] < s.end:  # a relation verb in this sentence
                pairs.update({(a.start(), b.start()): (a.start(), a.end(), b.start(), b.end())
                              for a, b in _same_actor_pairs(text, s.start, s.end)})
            for _, (a, a_end, b, b_end) in sorted(pairs.items()):
                actor = text[a:a_end]
                if (a, b) in listed:
                    yield self.finding(
                        a, b_end,
                        f"{actor!r} is named twice in one list; one of them is probably a "
                        "different name",
                        related=(Related(b, b_end, f"{actor!r} again in the list"),))
                    continue
                yield self.finding(
                    a, b_end,
                    f"{actor!r} appears on both sides of the relation; one of them is probably "
                    "a different actor",
                    related=(Related(b, b_end, f"{actor!r} again as the object"),),
                )
        for m in _bracket_echoes(text):
            yield self.finding(
                m.start(2) - 1, m.end(2) + 1,
                f"{m.group(2)!r} in brackets repeats part of {m.group(1)!r}; it probably "
                "replaced an abbreviation or another name")
