"""Names: one person or organisation spelled several ways, truncated names, off-vocabulary names.

Candidate name tokens come from runs of capitalised words (with honorifics such as "Mr." marking
surname-only mentions). Two spellings are variants when they share a first letter and a metaphone
key within a small edit distance, or are near-identical by rapidfuzz's ratio. Places, countries
and other words that differ by design ("Mali" / "Mail") are listed in `rules/names/`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import jellyfish
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from checker.document import Document
from checker.findings import Applicability, Edit, Finding, Fix, Related
from checker.language import lowercase_words
from checker.resources import load_lines
from checker.rules.base import Context, Rule, register
from checker.rules.garble import EVERYDAY_ZIPF, function_words
from checker.rules.oneoff import (
    MIN_ZIPF_GAP,
    SURNAME_PARTICLES,
    honorifics,
    named_apart,
    one_name_around,
    one_off_variants,
    pick_variant,
    token_index,
    whole_word_starts,
)
from checker.rules.wordlist import available, zipf

_CAP = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
# A surname's particle inside a name ("Robin van Persie", "Ursula von der Leyen"): the words
# either side are one name, the first its given name. Not the articles and "son of" of Arabic
# and French names ("Mohammed bin Salman bin Abdulaziz", "Le Pen"), whose words are compared
# one by one.
_RUN_PARTICLES = SURNAME_PARTICLES - {"le", "la", "al", "el", "bin", "ibn", "ben"}
_PARTICLE = rf"(?:{'|'.join(sorted(_RUN_PARTICLES))})[ \t]+"
_RUN = re.compile(rf"{_CAP}(?:[ \t]+(?:[A-Z]\.[ \t]+|(?:{_PARTICLE})+)?{_CAP})*")


# A capitalised word (maybe an honorific such as "Mr.") and the space before the next one.
# (Written capital first, and "not after a word character" for the \b before it: re's search
# then skips from capital to capital, as for _TRUNCATED.)
_BEFORE_CAPITAL = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+)\.?[ \t\u00a0]+(?=[A-Z])")


_CAP_RE = re.compile(_CAP)


@functools.cache
def _not_names() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("names", "not-names.txt"))


@dataclass(frozen=True, slots=True)
class Mention:
    token: str
    start: int
    end: int
    first_name: str | None  # the given name in a full-name mention
    full: bool  # part of a several-word name or introduced by an honorific
    honorific: bool
    group: int  # which run of capitalised words it came from
    surname: bool  # last word of a full name, or introduced by an honorific


def _sentence_starts(doc: Document) -> set[int]:
    return {s.start for s in doc.sentences} | {p.start for p in doc.paragraphs}


def name_mentions(doc: Document) -> list[Mention]:
    """Capitalised tokens that behave like names in this document."""
    text = doc.text
    starts = _sentence_starts(doc)
    lower = lowercase_words(text)
    titles = honorifics()
    after_title = {m.end() for m in _BEFORE_CAPITAL.finditer(text) if m.group(1) in titles}
    mentions: list[Mention] = []
    for run_start, tokens in _runs(text):
        if len(tokens) == 1 and (tokens[0][0] in titles or (
                run_start in starts and run_start not in after_title)):
            continue  # a title alone names nobody; a lone sentence-initial word tells us nothing
        honorific = run_start in after_title
        while tokens and (tokens[0][0] in titles):
            honorific = True
            tokens = tokens[1:]
        if tokens and tokens[0][1] in starts and len(tokens) == 1 and not honorific:
            continue  # a lone sentence-initial word tells us nothing
        if tokens and tokens[0][1] in starts and (
            tokens[0][0].lower() in lower or tokens[0][0].lower() in _not_names()
        ):
            tokens = tokens[1:]  # "Later Merkle", "Then Merkle": an adverb, not a given name
        full = len(tokens) >= 2
        first = tokens[0][0] if full else None
        for i, (raw, pos) in enumerate(tokens):
            tok = _POSSESSIVE.sub("", raw) if raw[-1] in "s'’" else raw
            if tok.lower() in lower or len(tok) < 2:
                continue
            surname = honorific or (full and i == len(tokens) - 1)
            mentions.append(Mention(tok, pos, pos + len(tok), first if i else None,
                                    full or honorific, honorific, run_start, surname))
    return mentions


def _runs(text: str) -> Iterator[tuple[int, list[tuple[str, int]]]]:
    """Runs of capitalised words, each as (start, [(word, offset), …]). A capitalised function
    word ends a run: a title-case heading ("The Week In Politics") or "The Guardian" is no
    given name and surname."""
    function = function_words()
    for m in _RUN.finditer(text):
        run = m.group(0)
        if " " not in run and "\t" not in run:
            yield m.start(), [(run, m.start())]  # most runs are one word
            continue
        part: list[tuple[str, int]] = []
        for t in _CAP_RE.finditer(run):
            word = t.group(0)
            if word.lower() in function:
                if part:
                    yield part[0][1], part
                part = []
            else:
                part.append((word, m.start() + t.start()))
        if part:
            yield part[0][1], part


_POSSESSIVE = re.compile(r"['’]s?$")
# Demonyms, plurals and nickname endings: Japan / Japanese, Smiths, Stokes / Stokesey.
_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "is", "i", "es", "s", "n", "ns", "ey", "ie", "y")


def _stem(token: str) -> str:
    low = token.lower()
    for suffix in _SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            return low[: -len(suffix)]
    return low


def _key(token: str) -> str:
    return jellyfish.metaphone(token)


def are_variants(a: str, b: str) -> bool:
    """Two spellings of one name, not two names that merely look alike."""
    if a.lower() == b.lower() or a[0].lower() != b[0].lower():
        return False
    low_a, low_b = a.lower(), b.lower()
    if min(len(a), len(b)) < 5:
        # Short names: only one letter apart with the same sound ("Fay" / "Faye").
        short, long = sorted((low_a, low_b), key=len)
        silent_letter = long[:-1] == short and long[-1] in "eh"
        return (len(short) >= 3 and Levenshtein.distance(low_a, low_b) == 1
                and (_key(a) == _key(b) or silent_letter)
                and low_a not in _not_names() and low_b not in _not_names())
    stem_a, stem_b = _stem(a), _stem(b)
    if low_a.replace("-", "") == low_b.replace("-", ""):
        return False
    short, long = sorted((low_a, low_b), key=len)
    if stem_a == stem_b or (long.startswith(short) and long[len(short):] in _SUFFIXES):
        return False  # Russia / Russian, Japan / Japanese, Smith / Smiths
    not_names = _not_names()
    if low_a in not_names or low_b in not_names:
        return False
    distance = Levenshtein.distance(low_a, low_b)
    if distance <= 2 and _key(a) == _key(b):
        return True
    return distance <= 1 and fuzz.ratio(low_a, low_b) >= 85 and len(a) >= 7


MAX_LENGTH_GAP = 2  # are_variants needs a Levenshtein distance of two or less
# Up to this many names of one first letter, every pair within the length gap is compared; above
# it (a long text), only the pairs an index of spellings proposes (_indexed_pairs).
PAIRWISE_GROUP = 64


def _clusters(tokens: list[str]) -> list[set[str]]:
    parent = {t: t for t in tokens}

    def find(t: str) -> str:
        while parent[t] != t:
            parent[t] = parent[parent[t]]
            t = parent[t]
        return t

    by_letter: dict[str, list[str]] = defaultdict(list)
    for t in tokens:
        by_letter[t[0].lower()].append(t)
    for group in by_letter.values():
        # in the order of first mention (are_variants is not quite symmetric)
        pairs = _pairwise(group) if len(group) <= PAIRWISE_GROUP else _indexed_pairs(group)
        for a, b in pairs:
            if are_variants(a, b):
                parent[find(a)] = find(b)
    out: dict[str, set[str]] = defaultdict(set)
    for t in tokens:
        out[find(t)].add(t)
    return [c for c in out.values() if len(c) > 1]


def _pairwise(group: list[str]) -> Iterator[tuple[str, str]]:
    """Every pair at most ``MAX_LENGTH_GAP`` apart in length (variants are at most two edits
    apart), earlier-mentioned first."""
    order = {t: n for n, t in enumerate(group)}
    by_length = sorted(group, key=len)
    for i, x in enumerate(by_length):
        for y in by_length[i + 1 :]:
            if len(y) - len(x) > MAX_LENGTH_GAP:
                break
            yield (x, y) if order[x] < order[y] else (y, x)


def _indexed_pairs(group: list[str]) -> Iterator[tuple[str, str]]:
    """The pairs ``are_variants`` can accept, found through two indexes instead of every pair:
    it accepts only spellings one edit apart (which share a spelling with at most one letter
    deleted), or two edits apart with one metaphone key (which share that key). A key shared by
    very many names is searched with two letters deleted. Earlier-mentioned first."""
    order = {t: n for n, t in enumerate(group)}
    seen: set[tuple[str, str]] = set()
    buckets: list[list[str]] = list(_by_deletions(group, 1).values())
    by_sound: dict[str, list[str]] = defaultdict(list)
    for t in group:
        if len(t) >= 5:  # shorter names must be one edit apart: the first index has them
            by_sound[_key(t)].append(t)
    for same in by_sound.values():
        if len(same) <= PAIRWISE_GROUP:
            buckets.append(same)
        else:
            buckets.extend(_by_deletions(same, 2).values())
    for bucket in buckets:
        for i, x in enumerate(bucket):
            for y in bucket[i + 1 :]:
                pair = (x, y) if order[x] < order[y] else (y, x)
                if abs(len(x) - len(y)) <= MAX_LENGTH_GAP and pair not in seen:
                    seen.add(pair)
                    yield pair


def _by_deletions(names: list[str], most: int) -> dict[str, list[str]]:
    """Names by every lower-cased form with at most ``most`` letters deleted: two names within
    ``most`` edits of each other share one."""
    index: dict[str, list[str]] = defaultdict(list)
    for name in names:
        forms = {name.lower()}
        for _ in range(most):
            forms |= {f[:k] + f[k + 1 :] for f in forms for k in range(len(f))}
        for form in forms:
            index[form].append(name)
    return {form: found for form, found in index.items() if len(found) > 1}


# A phrase of another language that inflects a name, quoted as it is said: "Slava Ukraini"
# ("glory to Ukraine"), beside "Ukraine" in the English around it.
_INFLECTING_PHRASE = re.compile(r"(?i:slava)[ \t]+\Z")


def _two_real_words(text: str, a: str, b: str, by_token: dict[str, list[Mention]],
                    where: dict[str, list[int]]) -> bool:
    """Both spellings words the web knows, one of them among the commoner words of English
    ("Crown", "King", "Press", "Wales"), or both fairly common ("Pride" and "Parade", 4.49 and
    4.16), which the one-off judge takes for two names: "Creon", a character, beside "The
    Hollow Crown", a title; "Pride and Prejudice" beside "Quay Parade"; or both plurals of common
    nouns written as often as each other ("Gullhaven Rovers" beside "The Weight of Rivers"; a
    surname written three times is not another noun's plural once: "Phillips" / "Philips").
    Not when both are written beside the same other name ("Sophie Devine" / "Sophia Devine").
    Two rarer names ("Monteith" / "Montieth", "Abbott" / "Abbot", "Thompson" / "Thomson") are
    still compared."""
    # (EVERYDAY_ZIPF: as common as the everyday words GB101 reads as a title's idiom)
    if not available():
        return False
    low, high = sorted((zipf(a), zipf(b)))
    if low == 0 or (high < EVERYDAY_ZIPF and low < BOTH_WORDS_ZIPF
                    and not (_two_plural_nouns(a, b)
                             and len(by_token[a]) == len(by_token[b]))):
        return False
    counts = Counter({a: len(by_token[a]), b: len(by_token[b])})
    return pick_variant(a, b, counts) is None and not one_name_around(text, a, b, where)


BOTH_WORDS_ZIPF = 4.0  # two spellings each this common are two words, not one name's two forms
PLURAL_NOUN_ZIPF = 3.5  # or two plurals of nouns each this common ("Rivers" / "Rovers")


def _two_plural_nouns(a: str, b: str) -> bool:
    """Are both spellings plurals of common nouns ("Gullhaven Rovers" beside "The Weight of
    Rivers": "river", "rover")? A name's slip is seldom another noun's plural."""
    return (a.endswith("s") and b.endswith("s")
            and min(zipf(a[:-1].lower()), zipf(b[:-1].lower())) >= PLURAL_NOUN_ZIPF)


INFLECTED_ZIPF = 3.0  # a word the web writes this often, and its inflected form as well
_INFLECTIONS = ("d", "ed", "s", "es", "ing")


def _inflected_word(a: str, b: str) -> bool:
    """Is one spelling a common English word and the other a common form of it ("Terrace" /
    "Terraced": a street's name beside a lettings page's "Terraced cottage")? A misspelt name
    is seldom a word the web writes this often."""
    short, long = sorted((a, b), key=len)
    return (long.startswith(short) and long[len(short):] in _INFLECTIONS and available()
            and min(zipf(short), zipf(long)) >= INFLECTED_ZIPF)


FOREIGN_FORM_ZIPF = 1.5  # a word the web knows this well, at least, is no slip of the typist


def _foreign_form(a: str, b: str) -> bool:
    """One spelling an everyday English word and the other that word with a vowel after it,
    a word the web also knows: the word in a Romance language, as a foreign club's or a
    place's name writes it ("Clube Atletico" beside "Athletic Club", "Grande", "Porto",
    "Arte"). A misspelling of the English word is not a word ("Clubb", "Clbu")."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1 or not long.startswith(short) or long[-1] not in "aeo":
        return False
    return (available() and zipf(short) >= EVERYDAY_ZIPF
            and zipf(long) >= FOREIGN_FORM_ZIPF)


def _cut_off(text: str, end: int, spelling: str, canonical: str) -> bool:
    """The text stops in the middle of this word ("… with the Liberal Democrats gaining three,
    Labou"): the rest of the word was cut off with the text, not misspelt. Or the word is a
    name inflected in a phrase of another language ("Slava Ukraini")."""
    if _INFLECTING_PHRASE.search(text, max(0, end - len(spelling) - 8), end - len(spelling)):
        return True
    return canonical.startswith(spelling) and not text[end:].strip()


def _different_people(spellings: set[str], by_token: dict[str, list[Mention]],
                      mention_of: dict[int, int]) -> bool:
    """Different given names, or both spellings inside one full name ("Mohamed Mohamud")."""
    firsts = {m.first_name for s in spellings for m in by_token[s] if m.first_name}
    if len(firsts) > 1:
        return True
    groups = [{mention_of[m.start] for m in by_token[s]} for s in spellings]
    return any(groups[i] & groups[j] for i in range(len(groups)) for j in range(i + 1, len(groups)))


# A name written as two words in one place and as one in another ("Tilak Nagar" / "Tilaknagar",
# "Time Warner" / "TimeWarner", "Mc Laughlin" / "McLaughlin"). Not inside a link, a handle or a
# hashtag, not when the one word starts a longer name ("Moorlane House, Moor Lane"), and not
# when it is an everyday word ("Every One" in a title beside "Everyone").
# (Not after a word, a handle's "@", a hashtag's "#" or a link's "/" or "."; not before a word.)
_BEFORE = r"[\w@#/.'’-]"
_NOT_AFTER = r"(?![\w@'’-])"
_SPACED_PAIR = re.compile(rf"([A-Z](?<!{_BEFORE}[A-Z])[a-z]++)[ ]([A-Z][a-z]{{2,}}+)(?![\w'’-])")
_CLOSED_WORD = re.compile(  # (nor a site's address: "Thesun.co.uk" is no spelling of "The Sun")
    rf"[A-Z](?<!{_BEFORE}[A-Z])[a-z]++(?:[A-Z][a-z]++)?+{_NOT_AFTER}(?![ \t]++[A-Z]|\.[a-z]{{2}})")
_CAMEL_WORD = re.compile(rf"[A-Z](?<!{_BEFORE}[A-Z])[a-z]++[A-Z][a-z]++{_NOT_AFTER}")
SPACED_MAX_ZIPF = 4.5  # a closed form commoner than this is an everyday word ("everyone": 5.5)


@dataclass(frozen=True, slots=True)
class SpacedVariant:
    closed: str  # the one-word form, as written
    majority: str  # the form written more often (the first written, on a tie)
    minority: tuple[tuple[int, int], ...]  # where the other form is written
    anchor: tuple[int, int]  # the first place the majority form is written


def _variant(text: str, closed: str, ones: list[tuple[int, int]],
             others: list[tuple[int, int]]) -> SpacedVariant:
    """The two forms' places, ``ones`` those of the form ``closed``: the form written more often
    is the majority (on a tie, the one written first)."""
    if len(ones) > len(others) or (len(ones) == len(others) and ones[0] < others[0]):
        major, minor = ones, others
    else:
        major, minor = others, ones
    a, b = major[0]
    return SpacedVariant(closed, text[a:b], tuple(minor), (a, b))


def _whole_words(text: str, word: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end())
            for m in re.finditer(rf"(?<!{_BEFORE}){word}{_NOT_AFTER}", text)]


def _case_variants(text: str) -> list[SpacedVariant]:
    """Names written with a capital inside in one place and without in another ("LeBron" /
    "Lebron", "McDonald" / "Mcdonald")."""
    out = []
    for camel in set(_CAMEL_WORD.findall(text)):  # letters only: safe inside a pattern
        flat = camel.capitalize()
        if flat not in text:
            continue
        flats, camels = _whole_words(text, flat), _whole_words(text, camel)
        if flats and camels:
            out.append(_variant(text, camel, camels, flats))
    return out


# A capitalised word with a letter of the Latin-1 Supplement or Latin Extended-A and -B blocks
# ("Almodóvar", "Beyoncé", "Gardaí"); words in other scripts, or in mathematical letters that
# fold to plain ones, are not accented spellings of a plain word.
_ACCENTED = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_NEXT_WORD = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]++([^\W\d_]++)")
MIN_ACCENTED_LETTERS = 3


def _folded(word: str) -> str | None:
    """The word without its accents, when it is a capitalised Latin word that has some."""
    if word.isascii() or not word[0].isupper() or len(word) < MIN_ACCENTED_LETTERS \
            or any(ord(c) > 0x24F for c in word):
        return None
    plain = "".join(c for c in unicodedata.normalize("NFKD", word)
                    if not unicodedata.combining(c))
    return plain if plain.isascii() and plain.isalpha() and plain != word else None


def _accent_variants(text: str) -> list[SpacedVariant]:
    """Names written with their accents in one place and without in another ("Almodóvar" /
    "Almodovar", "Agnès" / "Agnes", "Gardaí" / "Gardai"); not two people who share a given name
    but not a surname ("Nicolás Maduro", "Nicolas Sarkozy")."""
    if text.isascii():
        return []
    words = set()
    for m in _ACCENTED.finditer(text):  # few: curly quotes and dashes are not letters
        start, end = m.start(), m.end()
        while start and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        words.add(text[start:end])
    out = []
    for word in words:
        plain = _folded(word)
        if plain is None or plain not in text:
            continue
        accented, plains = _exact_words(text, word), _exact_words(text, plain)
        if not plains:
            continue
        after = {_next_word(text, end) for _, end in accented}
        after_plain = {_next_word(text, end) for _, end in plains}
        if None not in after | after_plain and not after & after_plain:
            continue  # each form always before its own other name: two people
        # the form written more often; on a tie, the accented one
        if len(plains) > len(accented):
            out.append(_variant(text, plain, plains, accented))
        else:
            out.append(SpacedVariant(plain, word, tuple(plains), accented[0]))
    return out


def _exact_words(text: str, word: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(
        rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text)]


def _next_word(text: str, end: int) -> str | None:
    """The capitalised word right after a name ("Maduro" after "Nicolás"), if one follows."""
    m = _NEXT_WORD.match(text, end)
    return m.group(1) if m is not None and m.group(1)[0].isupper() else None


def spacing_variants(text: str) -> list[SpacedVariant]:
    """Names written both as two words and as one, with and without a capital inside, or with
    and without their accents."""
    found = _case_variants(text) + _accent_variants(text)
    return sorted(found + _spaced(text), key=lambda v: v.minority[0])


# A field whose value is written as one word on purpose: "Wi-Fi network: KelbrookCivic", "Username:
# HarbourFerries", "Hashtag: #GreenWeek" (a network's, an account's or a code's name, not the
# place or body it is named after with its space lost).
_IDENTIFIER_FIELD = re.compile(
    r"(?i:wi-?fi(?:[ \t]network)?|network(?:[ \t]name)?|ssid|password|user[ \t]?name|handle"
    r"|hashtag|log[ \t]?in|account|promo(?:tional)?[ \t]code|discount[ \t]code|code)"
    r"[ \t]*+[:=][ \t]*+[#@]?+\Z")


def _identifier_field(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return (":" in text[line_start:start] or "=" in text[line_start:start]) and \
        _IDENTIFIER_FIELD.search(text, line_start, start) is not None


def _spaced(text: str) -> list[SpacedVariant]:
    """Names written both as two words and as one."""
    # a first pass with findall (in C): most texts have no such pair
    lowered = text.lower()
    keys = {key for a, b in _SPACED_PAIR.findall(text) if (key := (a + b).lower()) in lowered}
    if not keys:
        return []
    pairs: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in _SPACED_PAIR.finditer(text):
        if (key := (m.group(1) + m.group(2)).lower()) in keys:
            pairs[key].append((m.start(), m.end()))
    closed: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in _CLOSED_WORD.finditer(text):
        if (key := m.group().lower()) in keys and not _identifier_field(text, m.start()):
            closed[key].append((m.start(), m.end()))
    return [_variant(text, text[ones[0][0]:ones[0][1]], ones, pairs[key])
            for key, ones in closed.items()
            if not (available() and zipf(key) >= SPACED_MAX_ZIPF)]


# A sentence that talks about how a name is spelled: a corrections column ("we misspelled her
# surname several times as Valiano", "is Chris Honer, not Chris Horner as we had it", "It should
# have read John Mellor."), a note on a transliteration ("also spelled Qaddafi"). Both spellings
# stand in it on purpose.
_SPELLING_TALK = re.compile(
    r"(?i:mis-?spel|spelled|spelt|spelling|as[ \t]+we[ \t]+had[ \t]+(?:it|him|her|them)"
    r"|should[ \t]+(?:have[ \t]+)?read[ \t]|(?:wrongly|incorrectly)[ \t]+(?:printed|given"
    r"|named|written|called)|\(sic\))")


_JOINERS = (" and ", " & ", " or ", ", ")


def _spellings_of(text: str, finding: Finding) -> set[str]:
    """The spelling a finding reports and the spellings its related spans point at."""
    return {text[finding.start : finding.end]} | {text[r.start : r.end] for r in finding.related}


def _joined(text: str, finding: Finding) -> bool:
    """Do the two spellings of a finding, each written once, stand side by side, joined by
    "and", "or" or a comma ("grievous bodily harm to Jahmal and Jahmil Cooper")? Then they are
    two names, as twins' or a list's are, not one name spelled two ways, unless the word list
    knows one far better than the other ("Outliok and Outlook Express": a slip)."""
    spelling = text[finding.start : finding.end]
    others = _spellings_of(text, finding) - {spelling}
    return any(f"{a}{joiner}{b}" in text and len(whole_word_starts(text, spelling)) == 1
               and len(whole_word_starts(text, other)) == 1
               and abs(zipf(spelling) - zipf(other)) < MIN_ZIPF_GAP
               for other in others for joiner in _JOINERS
               for a, b in ((spelling, other), (other, spelling)))


_CAPITALISED = re.compile(r"[A-Z][\w'’-]*+")


def _spellings_discussed(doc: Document) -> set[str]:
    """The capitalised words of the sentences that talk about spelling (``_SPELLING_TALK``),
    and the same without a possessive: a finding on either spelling of such a pair is left
    alone, wherever else the two stand."""
    out: set[str] = set()
    for sentence in doc.sentences:
        if _SPELLING_TALK.search(doc.text, sentence.start, sentence.end) is None:
            continue
        for m in _CAPITALISED.finditer(doc.text, sentence.start, sentence.end):
            word = m.group()
            out.add(word)
            out.add(word[:-2] if word.endswith(("'s", "’s")) else word)
    return out


# A spelling the document writes less often, but the web ten times as often as the one it
# writes more, and as often as a well-known name: a famous name of its own, not a slip.
# How much more often the web must write one spelling of a cluster for it to win before the
# document's own evidence (introductions, counts) is weighed
KNOWN_SPELLING_GAP = 2.0
FAMOUS_ZIPF = 3.5
FAMOUS_GAP = 1.0


@register
class NameVariant(Rule):
    code = "NM101"
    name = "name-variant"
    category = "name"
    summary = "One name spelled two or more ways in the same document"
    what = """
Finds a person or organisation whose name is spelled differently in one document ("President
Mohamed Bassum" … "Mr. Basoom"). Surname-only mentions after an honorific are linked to the full
name. The minority spelling is reported, with the established one as related; a full-name
introduction weighs more than a later surname-only mention. Names with different given names
("John Smith", "Jane Smyth") are treated as different people, and a name joined by a surname's
particle ("Robin van Persie") is one name, its first word a given name.

A spelling in a sentence that talks about spelling is meant ("we misspelled her surname as
Valiano", "Chris Honer, not Chris Horner as we had it": a corrections column), and so are two
spellings joined by "and", "or" or a comma, each written once and neither far better known to
the word list ("Jahmal and Jahmil Cooper": two names); both are left alone.

Also finds a one-off slip in any proper noun, place or organisation: a capitalised word one
keystroke from another of the same document, used at most twice, that wordfreq's English list
has never seen or sees far less ("Southampton" … "Southamtpon", "the Ministry of Defnce",
"Scotlnad's"). Two common words ("Mali" / "Mail", "Defence" / "Defense"), plurals and names with
their own given names are left alone; so are two names the word list knows that stand in one
list ("Beech Forest, Forrest") or where one is a place with a qualifier the other never has
("North Kilworth" / "Kibworth"), and the last word of a text cut off in the middle of it. Two
spellings the list has never seen, each written once, are one name spelled two ways: the one
written after a given name is the name as introduced ("Peres Chepchirchir" … "Chepchircher's
winning time"); with nothing to tell them apart, the later is reported as one of the two, with
no fix. Between two spellings the list knows, of one person, the rarer on the web is the slip,
unless the document writes the other three times as often, and three times or more ("Gary
Balance" once beside "Ballance" four times); but a spelling the web writes ten times as often
as the document's own, as often as a well-known name, is a name of its own ("Ronaldo" once
beside "Rinaldi", a club's director, throughout). A name cut at an okina or an apostrophe that the
other spelling leaves out ("Savai‘i" / "Savaii") is one spelling. And a name written as two
words in one place and as one in another ("Time Warner" / "TimeWarner", "Tilak Nagar" /
"Tilaknagar") is one name spelled two ways, and so is one written with a capital inside and
without ("LeBron" / "Lebron"): the rarer form is reported (on a tie, the later), unless the
one-word form is an everyday word ("Every One" in a title, "Everyone"). A name written with its
accents and without ("Almodóvar" / "Almodovar") is one name too: the rarer form is reported (on
a tie, the one without), unless each form always stands before its own other name ("Nicolás
Maduro", "Nicolas Sarkozy")."""
    why = """
A name spelled two ways is the commonest factual slip in copy, and in spun or machine-rewritten
text it is a sign that the names were garbled. Readers cannot tell which spelling is right."""
    bad_examples = ("President Mohamed Bassum was ousted. Mr. Basoom is still under arrest. "
                    "Aides to Mr. Bassum declined to comment.",
                    "Southampton won at home. The Southamtpon manager praised his defence, and "
                    "Southampton now sit tenth.")
    good_examples = ("President Mohamed Bazoum was ousted. Mr. Bazoum is still under arrest.",
                     "Troops were sent to Mali. The Daily Mail reported it.",
                     "John Smith spoke first. Jane Smyth spoke next.")
    fix_applicability = Applicability.UNSAFE

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        found = [f for f in self._found(doc) if not _joined(doc.text, f)]
        if found and _SPELLING_TALK.search(doc.text) is not None:
            talked = _spellings_discussed(doc)
            found = [f for f in found if not _spellings_of(doc.text, f) & talked]
        return found

    def _found(self, doc: Document) -> Iterator[Finding]:
        mentions = name_mentions(doc)
        by_token: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            by_token[m.token].append(m)
        mention_of = {m.start: m.group for m in mentions}
        # Given names (Mario / Maria) differ by design far more often than by mistake, so a
        # word seen only as a given name is not compared; and a cluster must include a spelling
        # used as a surname (after a given name or an honorific) to be about a person at all.
        candidates = [t for t, ms in by_token.items()
                      if any(m.surname or not m.full for m in ms)]
        reported: set[str] = set()
        one_offs = one_off_variants(doc, lowercase_words(doc.text))
        # A pair the word list can judge is left to it: it knows "Heathrow" from "Heathroe".
        judged = {frozenset((o.variant, o.canonical)) for o in one_offs if not o.undecided}
        where: dict[str, list[int]] | None = None  # capitalised tokens' offsets, when needed
        for cluster in _clusters(candidates):
            if not any(m.surname for s in cluster for m in by_token[s]):
                continue
            if min(map(len, cluster)) < 5 and not all(
                any(m.surname for m in by_token[s]) for s in cluster
            ):
                continue  # short names must each be used as a surname ("Mr. Fay", "Mr. Faye")
            if _different_people(cluster, by_token, mention_of) or cluster in judged:
                continue
            if len(cluster) == 2:
                if where is None:
                    where = token_index(doc.text)
                first, second = sorted(cluster)
                if named_apart(doc.text, first, second, where):
                    continue  # "Ayatollah Ruhollah Khomeini", "Ayatollah Ali Khamenei";
                    # "North Kilworth" / "Kibworth"; "Beech Forest, Forrest"
                if _two_real_words(doc.text, first, second, by_token, where):
                    continue  # "Creon, her ex-lover" beside "The Hollow Crown": two words
                if _foreign_form(first, second):
                    continue  # "Clube Atlantico" beside "Ashcombe Athletic Club"
                if _inflected_word(first, second):
                    continue  # "Lanyon Terrace" beside a "Terraced cottage": a word and its form
            reported.update(cluster)
            yield from self._report(doc, cluster, by_token)
        for o in one_offs:
            if o.variant in reported or o.canonical in reported:
                continue
            if _foreign_form(o.variant, o.canonical):
                continue
            for start, end in o.spans:
                if not _cut_off(doc.text, end, o.variant, o.canonical):
                    yield self._variant(doc, start, end, o.variant, o.canonical, o.anchor,
                                        undecided=o.undecided)
        for spaced in spacing_variants(doc.text):
            if spaced.closed in reported:
                continue
            (start, end), rest = spaced.minority[0], spaced.minority[1:]
            fix = None
            if doc.offsets_are_source:
                fix = Fix(f"write {spaced.majority!r}", tuple(
                    Edit(a, b, spaced.majority) for a, b in spaced.minority), Applicability.UNSAFE)
            related = [Related(*spaced.anchor, f"written {spaced.majority!r} here")]
            related += [Related(a, b, "the same again") for a, b in rest]
            yield self.finding(
                start, end, f"{doc.text[start:end]!r} is written {spaced.majority!r} elsewhere "
                "in this document", related=tuple(related), fix=fix)

    def _report(self, doc: Document, cluster: set[str],
                by_token: dict[str, list[Mention]]) -> Iterator[Finding]:
        known = available()
        top = max(zipf(s) for s in cluster) if known else 0.0

        def weight(s: str) -> tuple[bool, int, int, int]:
            ms = by_token[s]
            # A spelling the word list knows far better beats one it knows less or not at all
            # ("Kluft" over "Klfut"); then a full-name introduction, then the commoner spelling
            # in this document ("Bernard Kessell" and "Kessell" over one "Mr Kessel", though
            # the web writes "Kessel" 1.7 more on its scale).
            return (not known or zipf(s) > top - KNOWN_SPELLING_GAP,
                    len(ms) + 2 * sum(1 for m in ms if m.first_name), len(ms), -ms[0].start)

        canonical = max(cluster, key=weight)
        anchor = by_token[canonical][0]
        for spelling in sorted(cluster - {canonical}, key=lambda s: by_token[s][0].start):
            if known and zipf(spelling) >= max(FAMOUS_ZIPF, zipf(canonical) + FAMOUS_GAP):
                continue  # a name the web writes far more often than the document's own:
                # "Ronaldo" once beside "Rinaldi", Inter's director, throughout is two men
            for m in by_token[spelling]:
                if not _cut_off(doc.text, m.end, spelling, canonical):
                    yield self._variant(doc, m.start, m.end, spelling, canonical,
                                        (anchor.start, anchor.end))

    def _variant(self, doc: Document, start: int, end: int, spelling: str, canonical: str,
                 anchor: tuple[int, int], undecided: bool = False) -> Finding:
        if undecided:  # nothing tells which spelling is right: one of the two, and no fix
            return self.finding(
                start, end, f"{spelling!r} and {canonical!r}, each written once, are one name "
                "spelled two ways: one of them is misspelt",
                related=(Related(anchor[0], anchor[1], f"written {canonical!r} here"),))
        fix = None
        if doc.offsets_are_source:
            fix = Fix(f"spell it {canonical!r}", (Edit(start, end, canonical),),
                      Applicability.UNSAFE)
        return self.finding(
            start, end, f"{spelling!r} is spelled {canonical!r} elsewhere in this document",
            related=(Related(anchor[0], anchor[1], f"spelled {canonical!r} here"),), fix=fix)


INITIAL_CONVENTION = 4  # given names written with a lone initial that make a page's convention
# A word and a lone capital: "Yevgeny V", and anywhere "Moto X" … "Moto G", "Veloster N" ….
_WORD_AND_LETTER = r"([A-Z](?<!\w[A-Z])[a-z]{2,})[ \t]+([A-Z])(?![\w.’'&-])"
_WORD_LETTER = re.compile(_WORD_AND_LETTER)
# A second lone letter joined to the first ("for horses in Bands C and D", "Groups A, B or C").
_ANOTHER_LETTER = re.compile(r"(?<![ \t])[ \t]*+(?:,|and\b|or\b|&|to\b)[ \t]*+[A-Z](?![\w.])")
# Where a surname should follow: before a comma, a relative or a verb ("Yevgeny V, whose …").
_TRUNCATED = re.compile(
    _WORD_AND_LETTER
    + r"(?=[ \t]*[,;:)]|[ \t]+(?:whose|who|and|said|was|is|has|had|wrote|told)\b)"
)


def _designations(text: str) -> set[str]:
    """Words written with a lone capital twice or more, or with two different capitals: a
    model, a team or a series ("Moto X" and "Moto G", "Veloster N" twice, "Phoenix A" and
    "Phoenix C"). A name cut off after its initial is a one-off accident."""
    seen: dict[str, list[str]] = {}
    for m in _WORD_LETTER.finditer(text):
        seen.setdefault(m.group(1), []).append(m.group(2))
    return {word for word, letters in seen.items() if len(letters) > 1}


# One author of a reference list in the Vancouver style: "Baumgartner E," "Mangtani PK," …
_CITED_AUTHOR = re.compile(
    r"\b[A-Z][\w’'-]*[a-z](?: [A-Z][\w’'-]*[a-z])? [A-Z]{1,3}(?=[ \t]*[,.]|[ \t]*et al\b)")
CITATION_AUTHORS = 3  # authors in one line that make it a reference list (2 with a year)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_ET_AL = re.compile(r"\bet al\b")


def _reference_lines(text: str) -> list[tuple[int, int]]:
    """Lines that list authors as a reference list does ("Haber M, Loeb M, Moss L, et al.";
    "Dalbeth N, Stamp L. Allopurinol dosing … 2011"): there "Surname Initial" is how a name is
    written, not a name cut off."""
    out = []
    start = 0
    for line in text.splitlines(keepends=True):
        end = start + len(line)
        authors = len(_CITED_AUTHOR.findall(line))
        if authors >= CITATION_AUTHORS or (authors and _ET_AL.search(line)) or (
                authors == CITATION_AUTHORS - 1 and _YEAR.search(line)):
            out.append((start, end))
        start = end
    return out


@register
class TruncatedName(Rule):
    code = "NM102"
    name = "truncated-name"
    category = "name"
    summary = "A name cut off after an initial (\"Yevgeny V,\")"
    what = """
Finds a given name followed by a lone capital letter with no period, where a surname should be
("headed by Yevgeny V, whose mercenaries…"). An X is taken on purpose ("Lil Nas X", "Malcolm
X", "Generation X"). Terms that take another letter by design ("Plan B", "Vitamin D") are
listed in `rules/names/truncation-exceptions.txt`; a word written with a lone capital twice or
more, or with two different ones ("Moto X" and "Moto G", a team's "Phoenix A" and "Phoenix C",
"Bands C and D"), names a model or a series. A line that lists authors as a reference list does
(three or more, two with a year, or any with "et al": "Haber M, Loeb M,
Moss L, et al.") is passed over: there a surname and initials are the whole name. So is a page
that names four people or more by a given name and an initial ("Ruby T", "Kai M", "Grace O",
"Leo P": a school newsletter's, or a forum's, way of naming)."""
    why = """
A truncated name leaves the reader unsure who is meant, and usually marks text that was cut or
machine-rewritten."""
    bad_examples = ("The company was headed by Yevgeny V, whose mercenaries spread across Africa.",)
    good_examples = ("The company was headed by Yevgeny Prigozhin, whose mercenaries spread.",
                     "The government has a Plan B, officials said.",
                     "A stakes race for horses in Bands C and D was run at 2.45pm.")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        exceptions = set(load_lines("names", "truncation-exceptions.txt")) | honorifics()
        references: list[tuple[int, int]] | None = None
        designations: set[str] | None = None
        convention: bool | None = None
        for m in _TRUNCATED.finditer(doc.text):
            word, letter = m.group(1), m.group(2)
            if (word in exceptions or word.lower() in _not_names() or letter in {"I", "A", "X"}
                    or word.lower() in function_words()):  # "The X", "This Q"; "Lil Nas X",
                # "Malcolm X", "Generation X": an X is a name's or a title's on purpose
                continue
            if designations is None:
                designations = _designations(doc.text)
            if word in designations or _ANOTHER_LETTER.match(doc.text, m.end()):
                # "Moto X" and "Moto G", "Veloster N" twice, "Bands C and D": a model or a series
                continue
            if references is None:
                references = _reference_lines(doc.text)
            if any(a <= m.start() < b for a, b in references):
                continue
            if convention is None:  # (a reference list's authors, "Okafor T, Lindqvist M",
                # are surnames with initials, not a page's convention)
                convention = len({
                    w.group(1) for w in _WORD_LETTER.finditer(doc.text)
                    if w.group(1) not in exceptions and w.group(1).lower() not in function_words()
                    and w.group(2) not in {"I", "A", "X"}
                    and not any(a <= w.start() < b for a, b in references)}) >= INITIAL_CONVENTION
            if convention:
                return  # "Ruby T (2), Kai M (2) and Amir S" … "Grace O" … "Leo P": a school's
                # or a forum's way of naming people, each by a given name and an initial
            yield self.finding(m.start(), m.end(),
                               f"{m.group(0)!r} looks like a name cut off after its initial")


@register
class OffVocabularyName(Rule):
    code = "NM103"
    name = "off-vocabulary-name"
    category = "name"
    summary = "A name close to, but not, a spelling in the configured vocabulary"
    what = """
With `[tool.checker.names] vocabulary = ["Mohamed Bazoum", …]`, flags any capitalised word that is
a near miss of a vocabulary spelling ("Bassum" for "Bazoum") and offers the canonical spelling as
an unsafe fix. Does nothing without a vocabulary."""
    why = """
Newsrooms keep style-book spellings for the names they cover often. A near miss is almost always
a misspelling."""
    bad_examples = ("President Mohamed Bassum was ousted in July.",)
    good_examples = ("President Mohamed Bazoum was ousted in July.",)
    fix_applicability = Applicability.UNSAFE
    example_config: ClassVar[dict[str, Any]] = {"names": {"vocabulary": ["Mohamed Bazoum"]}}

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        vocabulary = ctx.settings.names.get("vocabulary")
        canon = {t for entry in vocabulary or [] for t in re.findall(_CAP, str(entry))}
        if not canon:
            return
        for m in re.finditer(_CAP, doc.text):
            token = m.group(0)
            if token in canon:
                continue
            for c in canon:
                if are_variants(token, c) or (
                    Levenshtein.distance(token.lower(), c.lower()) <= 2
                    and _key(token) == _key(c) and len(token) >= 4
                ):
                    fix = Fix(f"spell it {c!r}", (Edit(m.start(), m.end(), c),),
                              Applicability.UNSAFE) if doc.offsets_are_source else None
                    yield self.finding(m.start(), m.end(),
                                       f"{token!r} is not the vocabulary spelling {c!r}", fix=fix)
                    break
