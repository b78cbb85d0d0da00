"""Quotations: text inside quotation marks must be the source's words.

Words are compared case-blind with straight apostrophes, punctuation ignored; an ellipsis marks a
cut, so the pieces either side must each appear in the source, in order. A quotation that is not
there word for word is matched to the source passage sharing most of its words in order (an LCS
over word windows), and the differing words are reported.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from checker.document import Document
from checker.source.context import SourceView
from checker.source.text import Token, quotations, quote_pieces, quote_tokens

QUOTE_SHARED = 0.6  # share of a quotation's words, in order, that make a source passage its origin
MIN_QUOTE_WORDS = 3
CONTEXT_WORDS = 3  # source words either side of the closest passage, to see a dropped first word


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


def _best_window(mine: list[str], hay: list[str]) -> tuple[int, int, int]:
    """(shared words, start, end) of the source window sharing most words, in order, with the
    quotation; windows start where a quoted word occurs and run a little past its length."""
    words = set(mine)
    width = len(mine) + CONTEXT_WORDS
    best = (0, 0, 0)
    for i, word in enumerate(hay):
        if word not in words:
            continue
        shared = int(LCSseq.similarity(mine, hay[i : i + width]))
        if shared > best[0]:
            best = (shared, i, min(i + width, len(hay)))
    return best


def _closest(start: int, end: int, text: str, pieces: list[list[Token]],
             view: SourceView, hays: list[list[Token]]) -> QuoteCheck:
    """The source passage most like the altered quotation, and the words that differ."""
    mine = [t for p in pieces for t in p]
    said = [t.norm for t in mine]
    scored = [(*_best_window(said, [t.norm for t in hay]), i) for i, hay in enumerate(hays)]
    shared, a, b, i = max(scored, default=(0, 0, 0, 0))
    if shared < max(2, QUOTE_SHARED * len(said)):
        return QuoteCheck(start, end, text, False)
    window = hays[i][max(a - CONTEXT_WORDS, 0) : b]
    sm = difflib.SequenceMatcher(None, said, [t.norm for t in window], autojunk=False)
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
