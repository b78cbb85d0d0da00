"""NM104: a capitalised word one slip of the keys from a far commoner word that the text never
writes ("Cheslea", "Narobi", "Gerogia", "Haimlton", "Nonethless"): the common word it becomes
with a letter put back or two neighbours swapped back."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable

from checker.document import Document
from checker.findings import Applicability, Edit, Finding, Fix, Related
from checker.language import lowercase_words
from checker.rules.base import Context, Rule, register
from checker.rules.textutil import opens_like_a_word
from checker.rules.wordlist import (
    allowed_spellings,
    available,
    common_misspelling,
    common_words,
    known_words,
    zipf,
)

# The right spelling is a common word (Zipf 3.5: three a million words or more) and the slip one
# the web has hardly seen (Zipf 1.5: three in a hundred million), far apart.
MIN_COMMON_ZIPF = 3.5
MAX_SLIP_ZIPF = 1.5
MIN_SINGULAR_ZIPF = 2.5  # a word in -s whose singular the list knows this well is its plural
MIN_LENGTH = 5
# A capitalised word of five letters or more, not the tail of "McDonald" or of a hyphened name
# (or with a second capital, below).
_WORD = re.compile(r"[A-Z](?<![\w'’-][A-Z])[A-Z]?+[a-z]{4,}+(?![\w'’-])")
# A word whose second letter was capitalised too, the shift key held a moment long: "Rose
# MAttafeo", "GIllingham", "REmenham". Not a brand that puts a letter before a word ("UChicago",
# "XDance", "IPods" at a sentence's start) nor one whose first two letters open no English
# word ("VKontakte").
MAX_SHIFT_SLIP_TIMES = 2  # written more often than this, a spelling chosen on purpose


def _shift_slip(word: str) -> str | None:
    """The word with its second capital lowered, when that capital is a slip (above)."""
    if not opens_like_a_word(word[:2].lower()):
        return None
    if zipf(word[1:]) > 0:  # a word after a letter: a brand's
        return None
    return word[0] + word[1:].lower()


# Another capitalised word beside it, with only a space between: one name of several words
# ("Breah Stewart", "Finings Road", "Markos Geneti"), whose parts may be any spelling at all.
# Or in a list of names ("Morley, Priet", "Brown, Powell; Windo", "Olifia and Elain", "Cadle,
# Graham – UK Independence Party"), or a name with its other name in brackets ("tropical
# cyclones Crising (Wipha), Dante (Francisco)").
# (Each opens where a run of its characters starts, as the look-behinds check, so that a search
# never starts again in the middle of a run.)
_NAME_AFTER = re.compile(
    r"(?<![ \t])[ \t]++(?:(?:and|&)[ \t]++)?[A-Z]|[,;][ \t]*+[A-Z]|[ \t]?+\([A-Z]")
_NAME_BEFORE = re.compile(
    r"[A-Z](?<![\w'’.-][A-Z])[\w'’.-]*+(?:[ \t]++(?:and|&|del|de|di|da|du|van|von|la|le))?"
    r"[ \t]++$|[A-Z](?<![\w'’-][A-Z])[\w'’-]*+[,;][ \t]++$")


@functools.cache
def _common() -> dict[str, int]:
    """The common words of five letters or more, each with its rank (0 the commonest)."""
    words = (w for w in common_words(MIN_COMMON_ZIPF) if len(w) >= MIN_LENGTH and w.isalpha())
    return {word: rank for rank, word in enumerate(words)}


@functools.cache
def _dropped_from(letter: str) -> dict[str, str]:
    """Every common word starting with ``letter`` with one letter after the first dropped, to
    the commonest word it comes from ("spokeman" -> "spokesman"). Built a first letter at a
    time, when a word of that letter is asked about: all 26 take 50 ms, one article needs a
    few."""
    common = _common()
    out: dict[str, str] = {}
    for word in common:  # commonest first: the first word to give a form keeps it
        if word[0] == letter:
            for i in range(1, len(word)):
                out.setdefault(word[:i] + word[i + 1 :], word)
    return out


def slip_of(key: str, common: dict[str, int]) -> str | None:
    """The common word that ``key`` (lower case) is one slip from: two neighbouring letters
    swapped or a letter after the first dropped (the commonest such word), or None. A few set
    lookups and one in the index of dropped letters; asked only of the few words that survive
    the cheaper tests. (``_is_slip`` tests the same slips of one pair of words, for the text's
    own few words.)"""
    known = [swapped for i in range(1, len(key) - 1)
             if (swapped := key[:i] + key[i + 1] + key[i] + key[i + 2 :]) in common]
    dropped = _dropped_from(key[0]).get(key)
    if dropped is not None:
        known.append(dropped)
    return min(known, key=common.__getitem__) if known else None


def _by_opening(words: Iterable[str]) -> dict[tuple[str, int], list[str]]:
    """``words`` (a text's own lower-case words, or some of them) by first letter and length."""
    out: dict[tuple[str, int], list[str]] = {}
    for word in words:
        out.setdefault((word[0], len(word)), []).append(word)
    return out


def _own_words(lower: frozenset[str] | set[str],
               common: dict[str, int]) -> dict[tuple[str, int], list[str]]:
    """The common words a text writes in lower case, by first letter and length."""
    return _by_opening(word for word in lower if word in common)


def _is_slip(key: str, word: str) -> bool:
    """Is ``key`` ``word`` with two neighbouring letters swapped or a letter after the first
    dropped (``slip_of``'s slips)?"""
    i = next((k for k, (a, b) in enumerate(zip(key, word, strict=False))
              if a != b), len(key))
    if i == 0:
        return False
    if len(word) == len(key) + 1:
        return key[i:] == word[i + 1 :]
    return (len(word) == len(key) and i + 1 < len(key) and key[i] == word[i + 1]
            and key[i + 1] == word[i] and key[i + 2 :] == word[i + 2 :])


def _own_slip(key: str, own: dict[tuple[str, int], list[str]],
              rank: Callable[[str], float]) -> str | None:
    """The first by ``rank`` (the commonest) of the text's own lower-case words (``own``) that
    ``key`` is one slip from."""
    found = [word for length in (len(key), len(key) + 1)
             for word in own.get((key[0], length), ()) if _is_slip(key, word)]
    return min(found, key=rank) if found else None


# A letter written three times after the first ("villlage"): no English word, and no name,
# writes one so.
_TRIPLED = re.compile(r"([a-z])\1\1")


# A name the web writes (Zipf 2: a few a hundred million words), which a tripled letter was
# written for ("Lilllian" for "Lillian"); the tripled form itself is then unknown.
MIN_TRIPLED_NAME_ZIPF = 2.0


def _tripled_slip(key: str, common: dict[str, int]) -> str | None:
    """For a word with a letter written three times ("villlage", "lilllian"), the common word
    it is with one of them taken out, else the name the web writes so; None for any other."""
    m = _TRIPLED.search(key, 1)
    if m is None:
        return None
    right = doubled_slip(key, common)
    if right is not None:
        return right
    once_less = key[: m.start()] + key[m.start() + 1 :]
    return once_less if zipf(once_less) >= MIN_TRIPLED_NAME_ZIPF else None


def _slip_finding(rule: Rule, places: list[re.Match[str]], written: str, right: str) -> Finding:
    """NM104's and TY109's finding: at the first place the slip is written, the others related,
    with one unsafe fix that spells it right everywhere."""
    first, *again = places
    times = f" ({len(places)} times)" if again else ""
    return rule.finding(
        first.start(), first.end(), f"{written!r} looks like a slip for {right!r}{times}",
        fix=Fix(f"spell it {right!r}", tuple(Edit(m.start(), m.end(), right) for m in places),
                Applicability.UNSAFE),
        related=[Related(m.start(), m.end(), f"{written!r} again") for m in again])


@register
class MisspeltCommonName(Rule):
    code = "NM104"
    name = "misspelt-common-word"
    category = "name"
    summary = ("A capitalised word one slip from a far commoner one (\"Cheslea\", \"Narobi\"), "
               "written once")
    what = f"""
Finds a capitalised word written once that wordfreq's English list has hardly seen (Zipf
{MAX_SLIP_ZIPF} or less) and that is one of the commonest words ({MIN_COMMON_ZIPF} or more) with
a letter dropped or two neighbouring letters swapped: "Cheslea salvaged a win", "slums in
Narobi", "Germany beat Gerogia 2-0", "8. Haimlton", "Nonethless, the figures …", or with a
letter written three times ("the former Mistra Villlage site", wherever it stands). The first
letter is never the slip. NM101 finds a name spelled two ways when the right spelling is in the
text too; this rule finds the slip when it is not. A word beside another capitalised word
("Breah Stewart", "Finings Road", "Markos Geneti") or in a list of names ("Morley, Priet") is
part of a name that may be spelled any way at all, and is left alone, unless the text itself
writes the right word in lower case ("Punjab Chief Minsiter Bhagwant Mann" in a story about "the
state chief minister": a title's word, not a name's); so is a word the text also writes in lower
case, and the last word of a text cut off in the middle of it. A word whose second letter is a
capital too, the shift key held a moment long ("Rose MAttafeo", "lost at GIllingham"), is a
slip when what follows its first letter is no word: "UChicago" and "XDance" are brands, and so
is a word whose first two letters open no English word ("VKontakte")."""
    why = """
A slip in a well-known name ("Cheslea", "Narobi") is the kind of error a reader spots at once
and a spell checker set to skip capitalised words never sees."""
    bad_examples = ("Cheslea salvaged a win against a battling side on Saturday.",
                    "Germany beat Gerogia 2-0 in the qualifier.",
                    "Punjab Chief Minsiter Bhagwant Mann spoke. The state chief minister denied "
                    "it.")
    good_examples = ("Breah Stewart contributed 11 points.",
                     "Chelsea salvaged a win against a battling side on Saturday.",
                     "The line-up was Ingham, Mulligan, Fenton, Morley, Priet and McIndoe.")
    fix_applicability = Applicability.UNSAFE

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        if not available():
            return
        text = doc.text
        common = _common()
        found = list(_WORD.finditer(text))  # the text is searched once
        counts = Counter(m.group() for m in found)
        if not any((n == 1 and w.lower() not in common) or w[1].isupper()
                   for w, n in counts.items()):
            return
        lower = lowercase_words(text)
        written = {w.lower() for w in counts}
        own: dict[tuple[str, int], list[str]] | None = None
        end = len(text.rstrip())
        shifted: dict[str, list[re.Match[str]]] = {}
        for m in found:
            word = m.group()
            if word[1].isupper():
                shifted.setdefault(word, []).append(m)
                continue
            key = word.lower()
            if counts[word] > 1 or key in common or key in lower or m.end() >= end:
                continue
            tripled = _tripled_slip(key, common)
            if tripled is not None:
                right: str | None = tripled  # "Mistra Villlage": no name's spelling
            elif _NAME_AFTER.match(text, m.end()) or _NAME_BEFORE.search(
                    text, max(0, m.start() - 40), m.start()):
                # one name of several words, or a list of names: only a slip of a word the
                # text itself writes in lower case ("Chief Minsiter" by "the state chief
                # minister") is a slip here, a title's word and not a name's
                if own is None:
                    own = _own_words(lower, common)
                right = _own_slip(key, own, common.__getitem__)
            else:
                right = slip_of(key, common)
                if right in written and right not in lower:
                    continue  # the right spelling is there, capitalised: NM101's to report
            if right is None or doc.touches_markup(m.start(), m.end()):
                continue
            if zipf(word) > MAX_SLIP_ZIPF:
                continue
            yield _slip_finding(self, [m], word, right.capitalize())
        for word, places in shifted.items():
            right = _shift_slip(word) if len(places) <= MAX_SHIFT_SLIP_TIMES else None
            places = [m for m in places if not doc.touches_markup(m.start(), m.end())]
            if right is not None and places:
                yield _slip_finding(self, places, word, right)


# TY109's words: a lower-case word of five letters or more, not part of a hyphened or
# apostrophed word, a handle, a tag, an address or a path ("blinkx.tv", "@bbcnews", "/static").
_LOWER_SLIP = r"(?<![\w'’@#/.-]){}(?![\w'’@/-]|\.[A-Za-z])"
# A word written more often than this is a spelling the writer chose ("sentencers", a trade's
# word), not a slip.
MAX_SLIP_TIMES = 2
# A listed common misspelling may be common on the web itself; below Zipf 3 it is in no
# dictionary of English words (wordfreq's small list starts at 3).
MAX_LISTED_ZIPF = 3.0


def doubled_slip(key: str, common: dict[str, int]) -> str | None:
    """The common word that ``key`` is with one letter of a doubled pair written once more
    ("folllowing", "whichh", "emmissions", "rresearchers"), or None. A letter added anywhere
    else is as often a word the list does not know ("decliners", "hopers", "sentencers")."""
    known = [key[:i] + key[i + 1 :] for i in range(len(key) - 1)
             if key[i] == key[i + 1] and key[:i] + key[i + 1 :] in common]
    return min(known, key=common.__getitem__) if known else None


# A word the text writes elsewhere that a slip may be made of: one the web writes (Zipf 2, a few
# uses a hundred million words), however rare ("spectometry" beside "spectrometry", 2.96).
MIN_OWN_ZIPF = 2.0
OWN_SLIP_LENGTH = 7  # letters: a shorter word one slip from another is as often a name or a code


def own_word_slip(key: str, own: dict[tuple[str, int], list[str]]) -> str | None:
    """A word of ``own`` (the text's own lower-case words of ``OWN_SLIP_LENGTH`` letters or
    more, ``_by_opening``) that ``key`` is one slip from and the web writes: "mass spectometry"
    where the text also writes "mass spectrometry", a word less common than the rule's common
    words."""
    if len(key) < OWN_SLIP_LENGTH:
        return None
    right = _own_slip(key, own, lambda word: -zipf(word))
    return right if right is not None and zipf(right) >= MIN_OWN_ZIPF else None


# The first letter dropped is looked for only where what is left opens no English word ("an
# mmediate end"), and put back only to give one of the commonest words (Zipf 4.5).
MIN_FIRST_DROPPED_ZIPF = 4.5


def first_letter_slip(key: str, common: dict[str, int]) -> str | None:
    """The commonest word that ``key`` is with its first letter put back, when ``key`` opens
    as no English word does ("mmediate" -> "immediate")."""
    if opens_like_a_word(key[:2]):
        return None
    found = [word for letter in "abcdefghijklmnopqrstuvwxyz"
             if (word := letter + key) in common and zipf(word) >= MIN_FIRST_DROPPED_ZIPF]
    return min(found, key=common.__getitem__) if found else None


@register
class MisspeltWord(Rule):
    code = "TY109"
    name = "misspelt-word"
    category = "typography"
    summary = ("A lower-case word one slip from a common one (\"politcians\", \"anaylsis\", "
               "\"folllowing\"), or a common misspelling (\"seperate\")")
    what = f"""
Finds a lower-case word that wordfreq's English list has hardly seen (Zipf {MAX_SLIP_ZIPF} or
less) and that is one of the commonest words ({MIN_COMMON_ZIPF} or more) with a letter dropped,
two neighbouring letters swapped, or one letter of a doubled pair written once more: "US
politcians", "shut the scene for anaylsis", "the movie, whichh is set", "folllowing a row",
"reducing emmissions". So is a word of {OWN_SLIP_LENGTH} letters or more one such slip from a
rarer word the text itself writes elsewhere ("mass spectometry" beside "mass spectrometry"),
and a word that opens as no English word does and is one of the commonest words
({MIN_FIRST_DROPPED_ZIPF} or more) with its first letter dropped ("an mmediate end"); elsewhere
the first letter is never the slip. A letter added anywhere but beside its double is not looked
for: the words the list does not know are as often a trade's
own ("sentencers", "decliners") as a slip, and a past in "-ed" of a verb the list knows is a
word ("hared away", to hare, is no "hatred"). A word written {MAX_SLIP_TIMES + 1} times or more is a
spelling the writer chose; a word that is part of a hyphened word, an address, a handle or a
path, and the last word of a text cut off in the middle of it, are left alone. NM104 finds the
same slips in capitalised words. So is a word on codespell's list of common misspellings that
gives it one fix ("seperate", "consistancy", "useage", "intersting"; the list, CC BY-SA 3.0 and
derived from Wikipedia's, is read as data from the installed codespell package), unless
`rules/typography/misspellings-allowed.txt` accepts it ("despatch", British)."""
    why = """
A slip in a common word is what a reader notices first, and it tells them no one read the copy
before it was published; on a page that is otherwise clean it is the one thing a proof-reader
is paid to catch."""
    bad_examples = ("The proposed legisation was criticised by US politcians.",
                    "Gardai shut the scene for anaylsis and appealed for witnesses.",
                    "The movie, whichh is set to be released in cinemas, stars her.",
                    "The two firms will remain seperate companies, the regulator said.")
    good_examples = ("The proposed legislation was criticised by US politicians.",
                     "Gainers outnumbered decliners by about two to one.",
                     "The ex-minister's well-known blinkx.tv site went live.")
    fix_applicability = Applicability.UNSAFE

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        if not available():
            return
        text = doc.text
        common = _common()
        known = known_words()
        end = len(text.rstrip())
        # the text's different words that the small list does not know: a few an article
        lower = lowercase_words(text)
        by_opening: dict[tuple[str, int], list[str]] | None = None  # built when first asked
        for key in sorted(lower - known):
            if len(key) < MIN_LENGTH or not key.isalpha():
                continue
            right = slip_of(key, common) or doubled_slip(key, common)
            if right is None and len(key) >= OWN_SLIP_LENGTH:
                by_opening = by_opening or _by_opening(
                    word for word in lower if len(word) >= OWN_SLIP_LENGTH)
                right = own_word_slip(key, by_opening)
            right = right or first_letter_slip(key, common)
            if right is not None and (zipf(key) > MAX_SLIP_ZIPF or key in allowed_spellings()):
                right = None  # a word the web writes often: a coinage or a listed misspelling;
                # or one the project's list accepts ("flamme", cycling's "flamme rouge")
            if right is not None and key.endswith("ed") and key[:-1] in known:
                right = None  # the past of a verb the list knows, a rarer sense of a common
                # word: "hared away from halfway" (to hare), not "hatred" with a letter dropped
            if (right is not None and key.endswith("s") and not key.endswith("ss")
                    and zipf(key[:-1]) >= MIN_SINGULAR_ZIPF):
                right = None  # the plural of a word the list knows: "the first of the acers
                # turning" (Japanese maples), not "acres" with two letters swapped
            if right is None:
                # a misspelling common enough to be listed, which the web writes so often that
                # wordfreq has seen it ("seperate" 2.82, "intersting" 1.89); the word list is
                # asked only about listed words (a search of its large list costs a millisecond)
                listed = common_misspelling(key)
                right = listed if listed is not None and zipf(key) <= MAX_LISTED_ZIPF else None
            if right is None:
                continue
            places = [m for m in re.finditer(_LOWER_SLIP.format(key), text)
                      if not doc.touches_markup(m.start(), m.end())]
            if not places or len(places) > MAX_SLIP_TIMES or places[-1].end() >= end:
                continue
            yield _slip_finding(self, places, key, right)
