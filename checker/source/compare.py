"""The deterministic comparisons of a draft with its source: names, numbers, dates, titles,
quotations and one-word inversions. Each returns plain records; the SR rules turn them into
findings. The model-based contradiction check lives in the rule itself.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import jellyfish
from rapidfuzz.distance import Levenshtein

from checker.document import Document
from checker.nli.flips import IGNORABLE, MIN_SHARED, NEGATORS, Flip, tokens, word_flip
from checker.nli.lexicon import Lexicon, load_lexicon
from checker.resources import load_rows
from checker.rules.names import Mention as NameMention
from checker.rules.names import are_variants, name_mentions
from checker.source.align import Alignment, Sentence
from checker.source.context import SourceView
from checker.source.text import (
    CAPITALISED,
    Mention,
    content_words,
    date_words,
    numbers,
    same_title_group,
    title_words,
)

# How well a draft sentence must be aligned before a differing detail counts as a change
# (rather than a sentence the source does not have).
ALIGNED = 0.45
SHARED_FOR_POLARITY = 0.8
CONTEXT_WORDS = 3  # words either side of a figure that say what it counts


@dataclass(frozen=True, slots=True)
class Change:
    """A detail of a draft sentence that its source sentence states differently."""

    kind: str  # name | number | date | title | quote | antonym | negation
    start: int
    end: int
    draft: str
    source: str
    where: Sentence | None  # the source sentence
    source_start: int = -1  # the differing source words, when known
    source_end: int = -1
    source_index: int = 0  # which source document


def _is_year(key: str) -> bool:
    return key.isdigit() and 1800 <= int(key) <= 2100


def _shape(m: Mention) -> str:
    return "year" if _is_year(m.key) and "," not in m.raw else "count"


def source_number_keys(view: SourceView) -> frozenset[str]:
    return frozenset(n.key for src in view.sources for n in numbers(src.text))


def _near(draft: Mention, d: Sentence, cands: list[tuple[Sentence, Mention]]) -> \
        tuple[Sentence, Mention]:
    """The source mention in the most similar place: same next word, else same relative spot."""
    def after(text: str, end: int) -> str:
        rest = text[end:].split()
        return rest[0].lower() if rest else ""

    want = after(d.text, draft.end - d.start)
    rel = (draft.start - d.start) / max(len(d.text), 1)
    return min(cands, key=lambda c: (after(c[0].text, c[1].end - c[0].start) != want,
                                     abs((c[1].start - c[0].start) / max(len(c[0].text), 1)
                                         - rel)))


def changed_details(view: SourceView) -> Iterator[Change]:
    """Numbers, dates and titles of aligned sentences that the source states differently."""
    where: dict[str, list[Sentence]] = {}
    for s in view.source_sentences:
        for n in numbers(s.text):
            where.setdefault(n.key, []).append(s)
    for a in view.alignments:
        if not a.matches or a.coverage < ALIGNED:
            continue
        yield from _changed_numbers(a, where)
        yield from _changed_words(a, "date", date_words, lambda x, y: _same_date_kind(x, y))
        if a.draft.names & frozenset().union(*(m.names for m in a.matches)):
            yield from _changed_words(a, "title", title_words, same_title_group)


def _context(text: str, start: int, end: int) -> frozenset[str]:
    """Content words within a few words either side of a figure."""
    before = " ".join(text[:start].split()[-CONTEXT_WORDS - 1 :])
    after = " ".join(text[end:].split()[: CONTEXT_WORDS + 1])
    return content_words(before + " " + after)


def _said_elsewhere(m: Mention, a: Alignment, where: dict[str, list[Sentence]]) -> bool:
    """The draft's figure is in another source sentence, among the same words (a draft sentence
    that merges in a detail from further down the source)."""
    d = a.draft
    mine = _context(d.text, m.start - d.start, m.end - d.start)
    for s in where.get(m.key, ()):
        if s in a.matches:
            continue
        for n in numbers(s.text):
            if n.key == m.key and len(mine & _context(s.text, n.start, n.end)) >= 2:
                return True
    return False


def _changed_numbers(a: Alignment, where: dict[str, list[Sentence]]) -> Iterator[Change]:
    """Figures the draft sentence has more often than its source sentences, paired with a
    figure of the same kind the source has more often than the draft ("three brothers and three
    half-sisters" / "three brothers and two half-sisters")."""
    d = a.draft
    mine = numbers(d.text, d.start)
    keys = Counter(m.key for m in mine)
    theirs = [(s, m) for s in a.matches for m in numbers(s.text, s.start)]
    their_keys = Counter(m.key for _, m in theirs)
    extra = keys - their_keys
    missing = their_keys - keys
    for m in mine:
        if extra[m.key] <= 0:
            continue
        extra[m.key] -= 1
        if _said_elsewhere(m, a, where):
            continue
        cands = [(s, n) for s, n in theirs if missing[n.key] > 0 and _shape(n) == _shape(m)]
        if cands:
            s, n = _near(m, d, cands)
            missing[n.key] -= 1
            yield Change("number", m.start, m.end, m.raw, n.raw, s, n.start, n.end, s.source)


def _same_date_kind(a: str, b: str) -> bool:
    import calendar

    months = {x.lower() for x in calendar.month_name[1:]}
    return (a in months) == (b in months)


def _changed_words(a: Alignment, kind: str, finder: object, comparable: object) -> \
        Iterator[Change]:
    d = a.draft
    mine = finder(d.text, d.start)  # type: ignore[operator]
    keys = {m.key for m in mine}
    theirs = [(s, m) for s in a.matches for m in finder(s.text, s.start)]  # type: ignore[operator]
    their_keys = {m.key for _, m in theirs}
    for m in mine:
        if m.key in their_keys:
            continue
        cands = [(s, n) for s, n in theirs
                 if n.key not in keys and comparable(m.key, n.key)]  # type: ignore[operator]
        if cands:
            s, n = _near(m, d, cands)
            yield Change(kind, m.start, m.end, m.raw, n.raw, s, n.start, n.end, s.source)


def _inner(ops: Sequence[tuple[str, int, int, int, int]], k: int) -> bool:
    """Is the k-th opcode flanked by matching words on both sides (not a cut at either end)?"""
    return any(o[0] == "equal" for o in ops[:k]) and any(o[0] == "equal" for o in ops[k + 1 :])


@functools.cache
def _base_forms() -> dict[str, str]:
    """Inflected verb form -> base form ("boosting" -> "boost"), from the event-verb list."""
    return {form: base for base, forms in load_lexicon().base_to_forms.items() for form in forms}


@functools.cache
def _more_opposites() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for a, b in load_rows("source", "opposites.tsv"):
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in table.items()}


def _opposed(x: str, y: str, lex: Lexicon) -> bool:
    """Opposites across word forms: "blow" / "boosting" ("a blow to" became "boosting")."""
    bases = _base_forms()
    more = _more_opposites()
    bx, by = bases.get(x, x), bases.get(y, y)
    flips = lex.flips(x) | lex.flips(bx) | more.get(x, frozenset())
    return bool({y, by} & flips)


_POLARITY_HELPERS = frozenset({"do", "does", "did", "longer", "still", "any"})


def _rest(words: list[str]) -> list[str]:
    """What a differing run says besides its negation: "did not leave" and "left" -> "leave";
    "no longer" and "still" -> nothing."""
    bases = _base_forms()
    return [bases.get(w, w) for w in words
            if w not in NEGATORS and w not in IGNORABLE and w not in _POLARITY_HELPERS]


def _negators(words: list[str], start: int, end: int) -> list[str]:
    """Negating words in ``words[start:end]`` ("no" before a figure is "number": "No 8")."""
    return [w for i, w in enumerate(words[start:end], start) if w in NEGATORS
            and not (w == "no" and i + 1 < len(words) and words[i + 1][:1].isdigit())]


def polarity_flip(source: str, draft: str) -> Flip | None:
    """A negation added or dropped, or a word turned into its antonym, inside a sentence that
    otherwise keeps at least 80% of its words; unlike :func:`word_flip`, other small edits
    (a synonym, a cut clause) may come with it. Cuts at either end never count."""
    ta, tb = tokens(source), tokens(draft)
    if min(len(ta), len(tb)) < MIN_SHARED:
        return None
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    shared = sum(block.size for block in sm.get_matching_blocks())
    if shared < MIN_SHARED or shared < SHARED_FOR_POLARITY * min(len(ta), len(tb)):
        return None
    ops = sm.get_opcodes()
    lex = load_lexicon()
    flips: list[Flip] = []
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            continue
        left, right = ta[i1:i2], tb[j1:j2]
        flips += [Flip("antonym", x, y) for x in left for y in right if _opposed(x, y, lex)]
        if not _inner(ops, k):
            continue
        lost = _negators(ta, i1, i2)
        added = _negators(tb, j1, j2)
        rest_left = _rest(left)
        rest_right = _rest(right)
        # only the negation itself changed: "was not stopped" / "was stopped"; a negation
        # reworded away ("will not play" / "will miss") is left to the other checks
        if len(lost) != len(added) and rest_left == rest_right:
            flips.append(Flip("negation", " ".join(lost), " ".join(added)))
    # two flips cancel out: "less likely" / "more unlikely", "not lost" / "won"
    return flips[0] if len(flips) % 2 else None


def inversions(view: SourceView) -> Iterator[Change]:
    """A draft sentence that says the opposite of its source sentence: an antonym or a negation
    added or dropped."""
    for a in view.alignments:
        for s in a.matches:
            flip = word_flip(s.text, a.draft.text) or polarity_flip(s.text, a.draft.text)
            if flip is not None and flip.kind in ("antonym", "negation"):
                yield Change(flip.kind, a.draft.start, a.draft.end, flip.later or "(nothing)",
                             flip.earlier or "(nothing)", s, s.start, s.end, s.source)
                break


# Endings that make another word from a name (Russia / Russian, Smith / Smiths): not a respelling.
_AFTER_VOWEL = ("n", "ns")
_DERIVED = ("ian", "ians", "an", "ans", "ese", "ish", "'s", "es", "s")


def _derived(short: str, long: str) -> bool:
    if not long.startswith(short):
        return False
    rest = long[len(short):]
    return rest in _DERIVED or (rest in _AFTER_VOWEL and short[-1] in "aeiouy")


def respelling(draft: str, source: str, same_first_name: bool = False) -> bool:
    """``draft`` is ``source`` misspelt: a letter or two changed, or the same sound.

    Looser than NM101's test (which has no reference to trust): here the source spelling is
    known to be right, so a close spelling the source never uses is a respelling."""
    a, b = draft.lower(), source.lower()
    if a == b or min(len(a), len(b)) < 3:
        return False
    short, long = sorted((a, b), key=len)
    if _derived(short, long):
        return False
    distance = Levenshtein.distance(a, b)
    if are_variants(draft, source):
        return True
    if distance <= 2 and (len(short) >= 4 or same_first_name) and \
            jellyfish.metaphone(draft) == jellyfish.metaphone(source):
        return True  # "Phee" / "Fee" after the same "Molly"
    if a[0] != b[0]:
        return False
    if len(short) < 5 or len(long) - len(short) > 1:
        return False  # "Iran" / "Iraq", "Austria" / "Australia": other names, not misspellings
    allowed = 1 if len(short) <= 5 else (2 if len(short) <= 8 else 3)
    return distance <= allowed and (distance < 3 or a[:3] == b[:3])


def _source_names(sources: tuple[Document, ...]) -> dict[str, tuple[int, int, int]]:
    """Capitalised spellings in the sources: spelling -> (source index, start, end) of the first."""
    found: dict[str, tuple[int, int, int]] = {}
    for i, src in enumerate(sources):
        for m in CAPITALISED.finditer(src.text):
            token = m.group(0).removesuffix("'s").removesuffix("’s")
            found.setdefault(token, (i, m.start(), m.start() + len(token)))
    return found


def _draft_names(doc: Document) -> list[NameMention]:
    """Name mentions, plus capitalised words that open a sentence ("Prigogine was killed"):
    with the source to compare against, a lone first word can be judged too."""
    mentions = name_mentions(doc)
    seen = {m.start for m in mentions}
    lower = {w.lower() for w in re.findall(r"\b[a-z][a-z'’-]+\b", doc.text)}
    for span in doc.sentences:
        m = re.match(r"[A-Z][a-z]{4,}\b", doc.text[span.start : span.end])
        if m and span.start not in seen and m.group(0).lower() not in lower:
            mentions.append(NameMention(m.group(0), span.start, span.start + m.end(), None,
                                        False, False, -1, False))
    return mentions


def respelled_names(view: SourceView) -> Iterator[Change]:
    """Names of the draft that the source spells differently ("Bassum" for "Bazoum")."""
    spellings = _source_names(view.sources)
    by_lower = {t.lower(): t for t in spellings}
    given: dict[str, set[str]] = {}
    for src in view.sources:
        for mention in name_mentions(src):
            if mention.first_name:
                given.setdefault(mention.token, set()).add(mention.first_name)
    lower_words = {w.lower() for src in view.sources for w in src.text.split() if w.islower()}
    everything = "\n".join(src.text for src in view.sources)
    for m in _draft_names(view.draft):
        token = m.token
        if token in spellings or token.lower() in lower_words or token.isupper() \
                or re.search(r"['’][a-z]", token) \
                or re.search(rf"(?<![\w-]){re.escape(token)}(?![\w-])", everything):
            continue  # the source has it as written, or it is a contraction ("They're")
        match = by_lower.get(token.lower())
        if match is None or match.isupper():
            close = [s for s in spellings if not s.isupper() and respelling(
                token, s, m.first_name is not None and m.first_name in given.get(s, ()))]
            if not close:
                continue
            match = min(close, key=lambda s: (Levenshtein.distance(s, token), s))
        index, start, end = spellings[match]
        yield Change("name", m.start, m.end, token, match, None, start, end, index)
