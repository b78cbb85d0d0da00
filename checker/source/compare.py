"""The deterministic comparisons of a draft with its source: names, numbers, dates, titles,
quotations and one-word inversions. Each returns plain records; the SR rules turn them into
findings. The model-based contradiction check lives in the rule itself.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from checker.document import Document
from checker.nli.flips import word_flip
from checker.rules.names import are_variants, name_mentions
from checker.source.align import Alignment, Sentence
from checker.source.context import SourceView
from checker.source.text import (
    CAPITALISED,
    Mention,
    Token,
    date_words,
    numbers,
    quotations,
    quote_pieces,
    quote_tokens,
    same_title_group,
    title_words,
)

# How well a draft sentence must be aligned before a differing detail counts as a change
# (rather than a sentence the source does not have).
ALIGNED = 0.45
ALIGNED_ELSEWHERE = 0.6  # the draft's figure occurs in another source sentence
QUOTE_SIMILAR = 70.0  # rapidfuzz partial ratio for "this is that quotation, altered"
MIN_QUOTE_WORDS = 3
CONTEXT_WORDS = 3  # source words either side of the closest passage, to see a dropped first word


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
    all_keys = source_number_keys(view)
    for a in view.alignments:
        if not a.matches or a.coverage < ALIGNED:
            continue
        yield from _changed_numbers(a, all_keys)
        yield from _changed_words(a, "date", date_words, lambda x, y: _same_date_kind(x, y))
        if a.draft.names & frozenset().union(*(m.names for m in a.matches)):
            yield from _changed_words(a, "title", title_words, same_title_group)


def _changed_numbers(a: Alignment, all_keys: frozenset[str]) -> Iterator[Change]:
    d = a.draft
    mine = numbers(d.text, d.start)
    keys = {m.key for m in mine}
    theirs = [(s, m) for s in a.matches for m in numbers(s.text, s.start)]
    their_keys = {m.key for _, m in theirs}
    for m in mine:
        if m.key in their_keys:
            continue
        if m.key in all_keys and a.coverage < ALIGNED_ELSEWHERE:
            continue
        cands = [(s, n) for s, n in theirs if n.key not in keys and _shape(n) == _shape(m)]
        if cands:
            s, n = _near(m, d, cands)
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


def inversions(view: SourceView) -> Iterator[Change]:
    """A draft sentence one antonym or one negation away from its source sentence."""
    for a in view.alignments:
        for s in a.matches:
            flip = word_flip(s.text, a.draft.text)
            if flip is not None and flip.kind in ("antonym", "negation"):
                yield Change(flip.kind, a.draft.start, a.draft.end, flip.later or "(nothing)",
                             flip.earlier or "(nothing)", s, s.start, s.end, s.source)
                break


def _source_names(sources: tuple[Document, ...]) -> dict[str, tuple[int, int, int]]:
    """Capitalised spellings in the sources: spelling -> (source index, start, end) of the first."""
    found: dict[str, tuple[int, int, int]] = {}
    for i, src in enumerate(sources):
        for m in CAPITALISED.finditer(src.text):
            token = m.group(0).removesuffix("'s").removesuffix("’s")
            found.setdefault(token, (i, m.start(), m.start() + len(token)))
    return found


def respelled_names(view: SourceView) -> Iterator[Change]:
    """Names of the draft that the source spells differently ("Bassum" for "Bazoum")."""
    spellings = _source_names(view.sources)
    by_lower = {t.lower(): t for t in spellings}
    lower_words = {w.lower() for src in view.sources for w in src.text.split() if w.islower()}
    for m in name_mentions(view.draft):
        token = m.token
        if token in spellings or token.lower() in lower_words or token.isupper():
            continue
        match = by_lower.get(token.lower())
        if match is None or match.isupper():
            close = [s for s in spellings if s[:1] == token[:1] and not s.isupper()
                     and are_variants(token, s)]
            if not close:
                continue
            match = min(close, key=lambda s: (Levenshtein.distance(s, token), s))
        src, start, end = spellings[match]
        yield Change("name", m.start, m.end, token, match, None, start, end, src)


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    start: int
    end: int
    text: str
    found: bool  # every piece is in the source, in order
    source_index: int = -1
    source_start: int = -1  # the most similar source passage, when one is close
    source_end: int = -1
    changes: tuple[tuple[str, str], ...] = ()  # (draft words, source words) that differ


def _contains(hay: list[Token], needle: list[Token], start: int) -> int:
    """Index in ``hay`` (from ``start``) where ``needle`` occurs word for word, or -1."""
    words = [t.norm for t in needle]
    n = len(words)
    for i in range(start, len(hay) - n + 1):
        if hay[i].norm == words[0] and [t.norm for t in hay[i : i + n]] == words:
            return i
    return -1


def _verbatim(pieces: list[list[Token]], hay: list[Token]) -> bool:
    pos = 0
    for piece in pieces:
        at = _contains(hay, piece, pos)
        if at < 0:
            return False
        pos = at + len(piece)
    return True


def check_quotations(view: SourceView) -> Iterator[QuoteCheck]:
    """Each quotation of the draft, and whether the source has it word for word."""
    hays = [quote_tokens(src.text) for src in view.sources]
    for q in quotations(view.draft.text):
        pieces = quote_pieces(q.text, q.start)
        if sum(len(p) for p in pieces) < MIN_QUOTE_WORDS:
            continue
        if any(_verbatim(pieces, hay) for hay in hays):
            yield QuoteCheck(q.start, q.end, q.text, True)
            continue
        yield _closest(q.start, q.end, q.text, pieces, view, hays)


def _closest(start: int, end: int, text: str, pieces: list[list[Token]],
             view: SourceView, hays: list[list[Token]]) -> QuoteCheck:
    """The source passage most like the altered quotation, and the words that differ."""
    mine = [t for p in pieces for t in p]
    said = " ".join(t.norm for t in mine)
    best: tuple[float, int, int, int] | None = None
    for i, hay in enumerate(hays):
        if not hay:
            continue
        joined = " ".join(t.norm for t in hay)
        al = fuzz.partial_ratio_alignment(said, joined)
        if al is not None and (best is None or al.score > best[0]):
            best = (al.score, i, al.dest_start, al.dest_end)
    if best is None or best[0] < QUOTE_SIMILAR:
        return QuoteCheck(start, end, text, False)
    _, i, a, b = best
    hay = hays[i]
    # character positions in the joined string -> token indexes
    pos, first, last = 0, 0, len(hay)
    for k, t in enumerate(hay):
        if pos <= a:
            first = k
        if pos < b:
            last = k + 1
        pos += len(t.norm) + 1
    window = hay[max(first - CONTEXT_WORDS, 0) : last + CONTEXT_WORDS]
    sm = difflib.SequenceMatcher(None, [t.norm for t in mine], [t.norm for t in window],
                                 autojunk=False)
    ops = sm.get_opcodes()
    # source words before the quotation's first word and after its last are context, not cuts
    while ops and ops[0][0] == "insert":
        ops = ops[1:]
    while ops and ops[-1][0] == "insert":
        ops = ops[:-1]
    if not ops:
        return QuoteCheck(start, end, text, False)
    changes = []
    for op, i1, i2, j1, j2 in ops:
        if op != "equal":
            changes.append((text_of(mine[i1:i2], view.draft),
                            text_of(window[j1:j2], view.sources[i])))
    window = window[ops[0][3] : ops[-1][4]]
    if not changes:  # the same words, but not in one run (an ellipsis hides a reordering)
        changes.append((text, "the words in another order"))
    return QuoteCheck(start, end, text, False, i, window[0].start, window[-1].end,
                      tuple(changes))


def text_of(tokens: list[Token], doc: Document) -> str:
    return doc.text[tokens[0].start : tokens[-1].end] if tokens else ""
