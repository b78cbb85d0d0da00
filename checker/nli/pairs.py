"""Which sentence pairs of one document go to the NLI model: a bounded number per sentence.

Each sentence is compared with its few nearest neighbours (sentence-embedding similarity, plus
the nearest sentences that share one of its names or numbers), never with every other sentence,
and only within a window of ``window`` sentences on either side. The pairs are ranked by
similarity (with a small bonus for shared names, numbers and content words) and at most
``pairs_per_sentence`` × the number of sentences are kept. So the model's work per sentence is
flat from a 500-word story to a 20,000-word transcript, where scoring a fixed fraction of all
pairs grew with the square of the length.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.entries import opening_weekday, running_score, speaker_label, unlabelled
from checker.nli.lexicon import stopwords
from checker.rules.garble import function_words
from checker.rules.textutil import count_words

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

_NAME = re.compile(r"\b[A-Z][a-zA-Z]{2,}\b")
_NUM = re.compile(r"\d[\d,.]*")
_WORD = re.compile(r"[A-Za-z]+")
_SKIP_NAMES = frozenset(
    [
        "The", "This", "That", "These", "Those", "There", "Then", "When", "What", "Who", "But",
        "And", "However", "He", "She", "They", "It", "We", "In", "On", "At", "For", "After",
        "Before", "If", "As", "A", "An", "Its", "His", "Her", "Their", "Mr", "Mrs", "Ms", "Dr",
    ]
)
MIN_WORDS = 4
_BLOCK = 256  # rows of the similarity matrix computed at a time


@dataclass(frozen=True, slots=True)
class Selection:
    """How many neighbours each sentence is compared with, and the overall cap."""

    neighbours: int = 4  # nearest by embedding similarity
    key_neighbours: int = 2  # nearest by position among sentences sharing a name or number
    pairs_per_sentence: float = 0.6  # the model scores at most this many pairs per sentence
    min_pairs: int = 3
    min_similarity: float = 0.35
    window: int = 400  # sentences either side that a sentence is compared with


def keys(sentence: str) -> set[str]:
    """Names and numbers in a sentence (the cheap 'same actor, same figure' signal)."""
    names = {m.group() for m in _NAME.finditer(sentence) if m.group() not in _SKIP_NAMES}
    return names | {m.group().rstrip(".,") for m in _NUM.finditer(sentence)}


def content_words(sentence: str) -> set[str]:
    """Lower-case words of four letters or more, less function words, with a crude plural fold."""
    stop = stopwords()
    words = {w.lower() for w in _WORD.findall(sentence) if len(w) >= 4}
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words - stop}


# A piece of a sentence broken over lines or paragraphs (a subtitle track, a transcript wrapped
# with blank lines): it opens on a lower-case word ("contracting the coronavirus remains low.").
# A word with a capital in it ("iPhone", "eBay") still opens a sentence.
_FRAGMENT = re.compile(r"[^\w]{0,3}[a-z][a-z'’-]*(?![\w'’-])")


# A word in lower case: a line with none but function words ("Newcastle upon Tyne East",
# "Men's 100m Semifinal 2", "Total Seats in the Assembly ----- 40") is a label, which claims
# nothing for another line to contradict.
_LOWER_WORD = re.compile(r"[a-z](?<![\w'’-][a-z])[a-z'’-]*+")  # opens on its letter: faster
_CAPITAL_WORD = re.compile(r"(?<![\w'’-])[A-Z]")
LABEL_CAPITALS = 2  # capitalised words that make a line of names and function words a label
# A line that opens on a word in capitals, as a category's heading does: "JUNIOR (15 and
# under)", "YOUTH (24 and under)" over a shortlist of names.
_SHOUTED_OPENING = re.compile(r"\A[^\w\n]{0,3}+[A-Z]{3,}+(?![\w'’-])")


_DOTS = ".…·•|–—-"  # the marks a row of leader dots or dashes is made of


def model_eligible(sentence: str, min_words: int = MIN_WORDS) -> bool:
    """Long enough to make a claim, not a question, not the tail of a sentence broken over
    lines (it opens on a lower-case word), and not a label (``label``)."""
    return _sentence_like(sentence, min_words) and not label(sentence)


# A wh-clause standing alone, as a heading or a list of open questions writes it: "What changed
# and what did not in Congress after the election" (no full stop), "- Where the suspect
# attended school after being expelled." (a list's item). It asks; it claims nothing. With a
# comma it is usually the opening of a claim ("When police arrived, the man fled."), and a
# sentence of prose that ends with a full stop may be one without a comma ("When I realized how
# this could be perceived I immediately called him.").
_WH_FRAGMENT = re.compile(
    r"\A(?:[ \t]*+[-–—•*][ \t]++|[^\w]{0,3})(?:What|Where|When|Why|How|Whether|Which)[ \t]"
    r"[^,;:\n]*+\Z")
_LIST_ITEM = re.compile(r"\A[ \t]*+[-–—•*][ \t]")


def _wh_fragment(sentence: str) -> bool:
    text = sentence.rstrip()
    if _WH_FRAGMENT.match(text) is None:
        return False
    return _LIST_ITEM.match(text) is not None or text[-1:] not in ".!\"”’'"


# A reply that opens on an answer's word: "No I didn't, Suzie.", "Oh, goodness me no." With
# fewer than two lower-case words of its own beyond function words and the answer's words
# (``_ANSWER_WORDS``), it says yes or no to a question the pair does not hold, and claims
# nothing by itself.
_ANSWER_OPENERS = ("no", "yes", "yeah", "yep", "yup", "nope", "nah", "oh", "ah", "well", "sure",
                   "okay", "ok", "right", "absolutely", "exactly", "indeed", "correct",
                   "of course")
_ANSWER = re.compile(
    r"[^\w]{0,3}+(?:" + "|".join(w.replace(" ", r"[ \t]") for w in _ANSWER_OPENERS)
    + r")(?![\w'’-])", re.IGNORECASE)
_ANSWER_WORDS = frozenset(w.split()[-1] for w in _ANSWER_OPENERS) | frozenset((
    "goodness", "gosh", "god", "dear", "me", "my", "mean", "think", "know", "guess", "just",
    "really", "actually"))
# an auxiliary's negative ("didn't", "wasn’t") or a pronoun's contraction ("I'm", "it's")
_CONTRACTION = re.compile(r"(?<![a-z])[a-z]++(?:(?<=n)['’]t|['’](?:m|s|re|ve|ll|d))")
ANSWER_OWN_WORDS = 2


@functools.cache
def _not_own_words() -> frozenset[str]:
    """The words a reply's own words are counted without (``_elliptical_answer``)."""
    return function_words() | stopwords() | _ANSWER_WORDS


def _elliptical_answer(said: str) -> bool:
    """Does the sentence (its speaker's label gone) answer an unseen question with little more
    than "no" or "yes" (``_ANSWER``)?"""
    m = _ANSWER.match(said)
    if m is None:
        return False
    skip = _not_own_words()
    own = [w for w in _LOWER_WORD.findall(said, m.end())
           if w not in skip and _CONTRACTION.fullmatch(w) is None]
    return len(own) < ANSWER_OWN_WORDS


# A question reported, not asked: "She asks Finn whether he has been in the office." claims only
# that she asked; what follows "whether" is the question, which a later answer ("Finn tells her
# he spent the whole night on his boat") does not contradict. Only a sentence that ends with the
# question: with a comma, semicolon or dash after it, a claim may follow ("He was asked whether
# he would resign, and said no").
_REPORTED_QUESTION = re.compile(
    r"(?i:\b(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering|inquires?|inquired"
    r"|enquires?|enquired|(?:want|wants|wanted)[ \t]to[ \t]know))"
    r"(?:[ \t]++(?!(?i:to|that|for)\b)[\w'’.-]++){0,3}?[ \t]++(?i:whether|if)\b[^,;:–—\n]*+\Z")


def _reported_question(sentence: str) -> bool:
    if "whether" not in sentence and " if " not in sentence:
        return False  # (found without the pattern's scan: most sentences hold neither)
    return _REPORTED_QUESTION.search(sentence.rstrip()) is not None


# A question quoted, then who asked it: '"Did Mr Farrow ever strike you as a violent man?" Mr
# Mallon asked.', '"Why now?" asked one councillor.' It claims nothing; what follows the
# question mark is its attribution alone (``quoted_question``).
_QUOTED_QUESTION = re.compile(
    r"\?[\"”’'][ \t]++(?:[A-Za-z][\w’'-]*+[ \t]++){0,4}?"
    r"(?i:asked|asks|wondered|wonders|queried|queries|demanded|demands|inquired|enquired)\b"
    r"[^.!?,;:\n]{0,60}+[.!]?+[\"”’']?+[ \t]*+\Z")


def quoted_question(sentence: str) -> bool:
    """A question in quotation marks, alone ('"Did Mr Farrow ever strike you as a violent
    man?"') or with who asked it. The pair filter does not send it to the model (it stays
    eligible, so that the pairs chosen around it do not change)."""
    if "?" not in sentence:
        return False
    return (sentence.rstrip().rstrip("\"”’'").endswith("?")
            or _QUOTED_QUESTION.search(sentence.rstrip()) is not None)


# A row of a table by day: "Valley line: Tuesday no service; Thursday hourly; Saturday no
# service.", "Opening hours: Monday 9am-5pm; Saturday 10am-4pm; Sunday closed." Each part is a
# day's entry; read whole, against one day's statement ("Valley line: no service."), the model
# finds conflicts among parts that are about other days (0.97 on a strike guide's summary).
DAY_ROW_PARTS = 2
# a row's entries are terse; a sentence with a verb of its own is prose ("Monday was wet;
# Tuesday was worse.")
_ROW_VERBS = frozenset(("is", "are", "was", "were", "will", "has", "have", "had", "would",
                        "said", "says", "did", "does", "be", "been"))


def _day_row(sentence: str) -> bool:
    if sentence.count(";") < DAY_ROW_PARTS - 1:
        return False
    parts = sentence.split(";")
    if opening_weekday(parts[0]) is None:  # the row's label first: "Valley line: Tuesday …"
        colon = parts[0].find(":")
        if colon < 0:
            return False
        parts[0] = parts[0][colon + 1 :]
    return all(opening_weekday(part) is not None for part in parts) and not any(
        w in _ROW_VERBS for w in _WORD.findall(sentence.lower()))


def _sentence_like(sentence: str, min_words: int = MIN_WORDS) -> bool:
    # words, not dots: "Previous page . . . ." is a link's label of two words; and the words
    # said, not the speaker's label: "INES CALDWELL: All the time." answers a question in
    # three words, which claim nothing without it
    said = count_words(sentence, _DOTS)
    text = sentence
    if said >= min_words and ":" in sentence[:60]:
        speaker = speaker_label(sentence)
        if speaker is not None:
            said -= len(speaker.split())
            text = unlabelled(sentence)
    if said < min_words or _elliptical_answer(text):
        return False
    return (not sentence.rstrip().endswith("?")
            and _FRAGMENT.match(sentence) is None and not _wh_fragment(sentence)
            and not _reported_question(sentence) and not _day_row(sentence))


_CLOCK_SUFFIX = re.compile(r"(?<=\d)[ \t]?+[ap]\.m\.?+|(?<=\d)[ \t]?+[ap]m\b")
# Where _CLOCK_SUFFIX can match at all, found five times faster: its look-behinds are tried at
# every character, this opens on a digit (the same strings match: checked on 2,700 real texts
# and 200,000 random ones).
_CLOCK_HINT = re.compile(r"\d[ \t]?+[ap](?:\.m|m\b)")


def label(sentence: str) -> bool:
    """A line with no lower-case word but function words, and two capitalised words or more:
    a heading, a table row, a name on a line of its own ("Newcastle upon Tyne East"), which
    claims nothing for another line to contradict. "He is not in." is a claim. A clock's "a.m."
    is no word: "Friday, Nov. 8, 10:15 a.m." over an entry of an update log is a label. So is a
    line of function words that opens on a word in capitals ("YOUTH (24 and under)"), a
    category's heading."""
    function = function_words()
    if "m" in sentence and _CLOCK_HINT.search(sentence) is not None:
        sentence = _CLOCK_SUFFIX.sub(" ", sentence)
    for word in _LOWER_WORD.finditer(sentence):  # most sentences: their first lower-case word
        if word.group() not in function:
            return False
    return (len(_CAPITAL_WORD.findall(sentence)) >= LABEL_CAPITALS
            or _SHOUTED_OPENING.match(sentence) is not None)


def _embedding_neighbours(
    usable: Sequence[int], vectors: npt.NDArray[np.float32], sel: Selection
) -> dict[tuple[int, int], float]:
    """(a, b) → similarity for each usable sentence's nearest neighbours (positions in usable)."""
    import numpy as np

    n = len(usable)
    k = min(sel.neighbours, n - 1)
    out: dict[tuple[int, int], float] = {}
    if k <= 0:
        return out
    for r0 in range(0, n, _BLOCK):
        r1 = min(n, r0 + _BLOCK)
        c0, c1 = max(0, r0 - sel.window), min(n, r1 + sel.window)
        sims = vectors[r0:r1] @ vectors[c0:c1].T
        rows = np.arange(r0, r1)[:, None]
        cols = np.arange(c0, c1)[None, :]
        sims = np.where((rows == cols) | (np.abs(rows - cols) > sel.window), -np.inf, sims)
        kk = min(k, c1 - c0 - 1)
        if kk <= 0:
            continue
        top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
        for row_offset, row in enumerate(top):
            a = r0 + row_offset
            for col in row:
                sim = float(sims[row_offset, col])
                if sim == -np.inf:
                    continue
                b = c0 + int(col)
                out[(min(a, b), max(a, b))] = sim
    return out


def _key_neighbours(usable: Sequence[int], key_sets: Sequence[set[str]],
                    sel: Selection) -> set[tuple[int, int]]:
    """For each sentence, the nearest earlier sentences that share one of its names or numbers."""
    last_seen: dict[str, list[int]] = defaultdict(list)
    out: set[tuple[int, int]] = set()
    for pos in range(len(usable)):
        partners: set[int] = set()
        for key in key_sets[pos]:
            for earlier in reversed(last_seen[key][-sel.key_neighbours:]):
                if pos - earlier <= sel.window:
                    partners.add(earlier)
        for earlier in sorted(partners, reverse=True)[: sel.key_neighbours]:
            out.add((earlier, pos))
        for key in key_sets[pos]:
            last_seen[key].append(pos)
    return out


def select_pairs(
    sentences: Sequence[str], embeddings: npt.NDArray[np.float32], sel: Selection = Selection()
) -> list[tuple[int, int]]:
    """Pairs (i < j, indices into ``sentences``) worth scoring, best first, within the budget.
    A live commentary's running score ("HT: Harbour City 0-1 Dunmere Athletic.") is not one:
    scores are alike enough to fill the budget, and whether one conflicts with another is
    arithmetic, ``checker.entries.falling_scores``' business."""
    # a label still takes its place among the sentences' neighbours, as it did before labels
    # were left out, and pairs with it are dropped at the end: leaving labels out removes
    # pairs and adds none
    usable = [i for i, s in enumerate(sentences)
              if _sentence_like(s) and running_score(s) is None]
    if len(usable) < 2:
        return []
    vectors = embeddings[usable]
    key_sets = [keys(sentences[i]) for i in usable]
    candidates = _embedding_neighbours(usable, vectors, sel)
    for a, b in _key_neighbours(usable, key_sets, sel):
        if (a, b) not in candidates:
            candidates[(a, b)] = float(vectors[a] @ vectors[b])
    words: dict[int, set[str]] = {}
    scored: list[tuple[float, int, int]] = []
    for (a, b), sim in candidates.items():
        if sim < sel.min_similarity:
            continue
        wa = words.setdefault(a, content_words(sentences[usable[a]]))
        wb = words.setdefault(b, content_words(sentences[usable[b]]))
        shared = len(key_sets[a] & key_sets[b])
        bonus = 0.05 * min(shared, 3) + 0.04 * min(len(wa & wb), 3)
        scored.append((sim + bonus, usable[a], usable[b]))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    budget = max(sel.min_pairs, math.ceil(sel.pairs_per_sentence * len(usable)))
    labels = {i for i in usable if label(sentences[i])}
    return [(i, j) for _, i, j in scored[:budget] if i not in labels and j not in labels]
