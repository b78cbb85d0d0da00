"""Find pairs of statements in one document that cannot both hold.

Scoring all n^2 sentence pairs with the cross-encoder is too slow and, worse, lets the model
compare sentences about different things (a classic source of false contradictions). So pairs
are chosen first (``pairs.py``): each sentence with its nearest neighbours by embedding
similarity and the nearest sentences sharing one of its names or numbers, a bounded number per
sentence, so the model's work grows linearly with the document. Each chosen pair is scored
earlier-first, and later-first too unless the first direction already reads it as plainly no
contradiction (``both_ways_from``); the larger contradiction probability is kept (contradiction
is symmetric, entailment is not). The word-for-word flips of ``flips.py`` need no model.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from checker.entries import (
    BULLETS,
    ball_opening,
    case_entries,
    entry_numbers,
    falling_scores,
    field_lines,
    forecast_readings,
    innings_score,
    listing_entry,
    running_score,
    score_state,
    signed_stamp,
    template_lines,
    time_stamped,
    timeline_heading,
    two_dated_entries,
)
from checker.nli.flips import (
    Flip,
    flip_pairs,
    tokens,
    word_flip_tokens,
)
from checker.nli.lexicon import load_lexicon
from checker.nli.pairs import Selection, label, model_eligible, select_pairs
from checker.resources import load_lines
from checker.rules.textutil import stops_mid_sentence

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from checker.nli.backend import NLIModel
    from checker.nli.restate import PairFilter

MIN_WORDS = 5
UNFINISHED_WORDS = MIN_WORDS  # words that make a last line with no full stop a cut sentence


ENTAILED = 0.8  # p(entailment) either way round at which a pair is a restatement, not a conflict


@dataclass(frozen=True, slots=True)
class Params:
    """Candidate selection and decision settings (calibrated values: see models/nli-minilm)."""

    min_similarity: float = 0.35  # below this two sentences are about different things
    pairs_per_sentence: float = 0.6  # the model scores at most this many pairs per sentence
    neighbours: int = 4  # each sentence's nearest neighbours by embedding similarity
    min_pairs: int = 3
    threshold: float = 0.5  # contradiction probability needed for a finding (checkpoint 5)
    skip_unlikely: bool = True  # drop restatements, parallel list items, two speakers (restate.py)
    # score a pair later-first too only when earlier-first gives p(contradiction) at least this
    # (0: every pair both ways round). 0.01 spares the second reading of ~94% of pairs and lost no
    # planted contradiction of `checker eval documents` (reports/one-way-round.md)
    both_ways_from: float = 0.01
    # compare the statements made in relative and subordinate clauses too (clauses.py)
    clauses: bool = True

    @property
    def selection(self) -> Selection:
        return Selection(
            neighbours=self.neighbours,
            pairs_per_sentence=self.pairs_per_sentence,
            min_pairs=self.min_pairs,
            min_similarity=self.min_similarity,
        )


@dataclass(frozen=True, slots=True)
class Conflict:
    earlier: int
    later: int
    probability: float
    kind: str  # model | antonym | negation | number
    detail: str = ""


def eligible(sentence: str) -> bool:
    """Long enough for the word-flip rule to align (the model's own floor is in pairs.py)."""
    return model_eligible(sentence, MIN_WORDS)


def unfinished(sentences: Sequence[str]) -> int | None:
    """The index of the document's last sentence when it stops short: a sentence of prose, not
    a label or a list item, that ends on a word, a number or a comma instead of a full stop
    ("The release warned of stern action against people who indulged in any anti-social
    activities and create unres"). A copy of a page cut after so many characters ends so, and
    so does a draft while its last sentence is being typed: what that sentence will say is not
    known yet, so it is not compared with the others."""
    if not sentences:
        return None
    last = sentences[-1].strip()
    if not stops_mid_sentence(last):
        return None
    if last[0] in BULLETS or len(last.split()) < UNFINISHED_WORDS or label(last):
        return None
    return len(sentences) - 1


def candidate_pairs(
    sentences: Sequence[str], embeddings: npt.NDArray[np.float32], params: Params,
    paragraphs: Sequence[int] | None = None, sections: Sequence[int] | None = None,
    pair_filter: PairFilter | None = None,
) -> list[tuple[int, int]]:
    """Same-topic pairs (i < j) most worth scoring, best first, a bounded number per sentence
    (``pairs.py``; ``sections``: the blank-line paragraph of each sentence, where
    ``paragraphs`` splits a page of unwrapped lines at every line).

    Restatements and parallel list items are dropped after the budget is filled, so the filter
    only ever removes pairs from what the model scores, never brings in others."""
    from checker.nli.restate import PairFilter  # the model path only: rules-only runs skip it

    chosen = select_pairs(sentences, embeddings, params.selection)
    if params.skip_unlikely and chosen:
        keep = pair_filter or PairFilter(sentences, paragraphs, sections)
        chosen = [p for p in chosen if keep.skip(*p) is None]
    return chosen


CLAUSE_PARTNERS = 2  # sentences a clause's statement is compared with
CLAUSE_SHARED_WORDS = 2  # content words a partner must share with the statement


def _names(sentence: str, word: str) -> bool:
    """Does ``sentence`` hold ``word`` as a word of its own, a plural's "s" aside (the head of a
    relative clause's antecedent: "the plan", "Brightwater Homes", "Mr Reeve")?"""
    lowered, word = sentence.lower(), word.lower()
    at = lowered.find(word)
    while at >= 0:
        end = at + len(word)
        before, after = sentence[at - 1: at], sentence[end: end + 1]
        if not before.isalnum() and (not after.isalnum() or after == "s"):
            return True
        at = lowered.find(word, at + 1)
    return False


def clause_pairs(sentences: Sequence[str], cut: int | None,
                 partners: int = CLAUSE_PARTNERS) -> list[tuple[int, int, str, str]]:
    """(partner, sentence, statement, the clause's own words): each statement a sentence makes in a
    clause (``clauses.statements``) with the few other sentences that share most of its content
    words, at least ``CLAUSE_SHARED_WORDS`` of them and one of the clause's own, and that names
    the clause's antecedent. A partner that shares only the antecedent's name ("Senator Ruth
    Abernathy, who chairs the environment committee, …" / "Senator Ruth Abernathy opposed the
    water bill") holds another fact about the same actor; one that does not name it ("the
    chartered launch Kittiwake, which takes about 70 minutes for the crossing" / "The crossing
    takes 55 minutes") is about something else. An inverted index of the words keeps the cost
    linear in the document's length."""
    from checker.nli.clauses import statements
    from checker.nli.pairs import content_words

    usable = [k != cut and model_eligible(s) for k, s in enumerate(sentences)]
    words = [content_words(s) if ok else set() for s, ok in zip(sentences, usable, strict=True)]
    index: dict[str, list[int]] = {}
    for k, found in enumerate(words):
        for word in found:
            index.setdefault(word, []).append(k)
    out: list[tuple[int, int, str, str]] = []
    for j, sentence in enumerate(sentences):
        if not usable[j]:
            continue
        for statement, own, about in statements(sentence):
            shared: Counter[int] = Counter()
            for word in content_words(statement):
                postings = index.get(word, ())
                if len(postings) <= 50:  # a word in every other line anchors nothing
                    shared.update(postings)
            shared.pop(j, None)
            own_words = content_words(own)
            best = sorted((k for k, n in shared.items()
                           if n >= CLAUSE_SHARED_WORDS and not own_words.isdisjoint(words[k])
                           and (about is None or _names(sentences[k], about))),
                          key=lambda k: (-shared[k], abs(k - j)))
            out.extend((k, j, statement, own) for k in best[:partners])
    return out


def score_pairs(
    model: NLIModel, sentences: Sequence[str], pairs: Sequence[tuple[int, int]],
    both_ways_from: float = 0.0,
) -> list[float]:
    """max(p(a contradicts b), p(b contradicts a)) for each pair, 0 where either entails the other.

    With ``both_ways_from`` > 0 the pairs are scored earlier-first, and later-first only where that
    left p(contradiction) at ``both_ways_from`` or more (and no entailment): most pairs in an
    article are plainly neutral one way round, and the model's cost is per direction. A pair that
    either direction scores below ``both_ways_from`` gets 0: one reading that plainly finds no
    conflict outweighs the other. Keep ``both_ways_from`` at most the rule's threshold."""
    from checker.nli.backend import CONTRADICTION  # the model path only

    if not pairs:
        return []
    ahead = [(sentences[i], sentences[j]) for i, j in pairs]
    back = [(sentences[j], sentences[i]) for i, j in pairs]
    n = len(pairs)
    if both_ways_from <= 0:
        results = model.predict(ahead + back)
        forward, backward = results[:n], list(results[n:])
    else:
        forward = model.predict(ahead)
        still_open = [k for k in range(n) if forward[k][CONTRADICTION] >= both_ways_from
                      and forward[k].get("entailment", 0.0) < ENTAILED]
        answers = model.predict([back[k] for k in still_open]) if still_open else []
        backward = [{CONTRADICTION: 0.0} for _ in range(n)]  # neither contradicts nor entails
        for k, answer in zip(still_open, answers, strict=True):
            backward[k] = answer
    # if one sentence entails the other they cannot contradict each other: a restatement with a
    # detail dropped ("1,000 troops will leave Niger in the coming months" / "the troops are
    # going to depart from Niger") scores high one way round only because of the dropped detail.
    # And contradiction is symmetric: a pair that one reading calls plainly no contradiction
    # (below ``both_ways_from``, the same bar that spares the second reading) is not one,
    # whatever the other reading says ("Antic played 12 minutes, and Sefolosha played 20." /
    # "Antic and Sefolosha interfered with officers …": 0.95 one way round, 0.004 the other).
    return [decide(f, b, both_ways_from) for f, b in zip(forward, backward, strict=True)]


def decide(forward: dict[str, float], backward: dict[str, float],
           both_ways_from: float = 0.0) -> float:
    """A pair's contradiction score from its two readings (earlier sentence first, later first):
    the larger, or 0 where either reading entails or one is plainly no contradiction (below
    ``both_ways_from``); see ``score_pairs``."""
    from checker.nli.backend import CONTRADICTION  # the model path only

    if max(forward.get("entailment", 0.0), backward.get("entailment", 0.0)) >= ENTAILED:
        return 0.0
    if min(forward[CONTRADICTION], backward[CONTRADICTION]) < both_ways_from:
        return 0.0
    return max(forward[CONTRADICTION], backward[CONTRADICTION])


def _entry_headers(a: str, b: str) -> bool:
    """Two time-stamped or signed and timed entries of a live page ("• Shara Tibken 9/7/2016
    4:57:09 PM" / "… 4:57:48 PM"), two balls of a cricket commentary ("88.1 Fenwick to
    Darrow, no run." / "90.1 Fenwick to Darrow, no run."), or two dated entries of a listing
    or a timeline ("May 26 – Principality Stadium, Cardiff" / "May 27 – Principality Stadium,
    Cardiff", "Term Ends Friday 15th December" / "Term Ends Friday 20th December"): their times
    differ because they are two entries, not two accounts of one event."""
    if ((time_stamped(a) and time_stamped(b)) or (signed_stamp(a) and signed_stamp(b))
            or (ball_opening(a) and ball_opening(b)) or two_dated_entries(a, b)):
        return True
    ha, hb = timeline_heading(a, 0, len(a)), timeline_heading(b, 0, len(b))
    return ha is not None and hb is not None and ha != hb


def _two_scores(earlier: str, later: str) -> bool:
    """Two running scores of a live commentary ("Brackwater Rovers 1, Kelsall United 0." /
    "Brackwater Rovers 1, Kelsall United 1."): a goal may have come between them, and whether
    one falls below the other is ``falling_scores``' to say. Or two lines that open with a
    cricket side's score ("Australia: 7-294 (Carey 10*, …" / "Australia: 8-294 (Carey 10*, …"):
    a wicket fell between them. Or two states of play at a score ("Lisowski leads Saengkham
    9-6" / "Lisowski leads Saengkham 9-7"): a frame was played between them."""
    return ((running_score(earlier) is not None and running_score(later) is not None)
            or (innings_score(earlier) and innings_score(later))
            or (score_state(earlier) and score_state(later)))


@lru_cache(maxsize=1)
def enumerators() -> frozenset[str]:
    """Words after which a number labels one of a series (``rules/nli/enumerators.txt``)."""
    return frozenset(load_lines("nli", "enumerators.txt"))


# A row keyed by a place before its label's colon: "17th prize: Box of chocolates."
_PLACE_ROW = re.compile(r"\A\W{0,3}+\d++(?:st|nd|rd|th)[ \t]++[A-Za-z][^:.!?\n]{0,30}+:")


def _not_a_conflict(flip: Flip, earlier: str, tokens_earlier: list[str], later: str) -> bool:
    """Word-for-word flips that are not two accounts of one thing:

    - two time-stamped entries of a live page, whose times differ ("14:02 …" / "14:09 …");
    - two running scores of a live commentary, which ``falling_scores`` compares instead;
    - a number that labels one of a series ("Method 1" / "Method 2", "line 3" / "line 1" of a
      traceback, "Round 2"), or a row of a list keyed by its place ("17th prize: Box of
      chocolates." / "18th prize: Box of chocolates.");
    - "No." or "No," opening a sentence, which answers the question before it rather than
      negating the sentence ("No. Assistance dogs are always permitted.").

    An opposite in the condition a sentence opens with is still a flip: "If the player is male,
    she responds …" / "If the player is female, …" are two cases on a wiki page, but "If we keep
    our silence, …" / "If we abandon our silence, …" is the garbled copy CT102 exists for, and
    the words cannot tell them apart (two of the generated contradictions of `checker eval
    documents` were lost to such a guard)."""
    if flip.kind == "number" and (_entry_headers(earlier, later)
                                  or _two_scores(earlier, later)):
        return True
    at = flip.at
    if flip.kind == "number" and at > 0 and tokens_earlier[at - 1] in enumerators():
        return True
    if (flip.kind == "number" and at == 0 and _PLACE_ROW.match(earlier) is not None
            and _PLACE_ROW.match(later) is not None):
        return True  # "17th prize: Box of chocolates." / "18th prize: Box of chocolates.": two
        # rows of a list keyed by their places
    if flip.kind == "negation" and at == 0:
        opening = (earlier if tokens_earlier[:1] == ["no"] else later).lstrip()[:3].lower()
        if opening in ("no.", "no,", "no!"):
            return True
    return False


def _list_headings(sentences: Sequence[str], k: int) -> bool:
    """Is sentence ``k`` the heading of a list: a line that does not end as a sentence does,
    not the document's first, over two such lines (an awards page's category over its
    nominees, a menu's section over its dishes)?"""
    return (0 < k < len(sentences) - 2
            and all(listing_entry(sentences[n]) for n in (k, k + 1, k + 2)))


# Where a sentence joins two clauses: a comma and a conjunction, a semicolon or a dash.
_CLAUSE_BREAK = re.compile(r",[ \t]+(?:so|but|although|though|while|whereas|and|yet)\b"
                           r"|;|[ \t][–—][ \t]")
_CLAUSE_MARKS = (",", ";", "–", "—")  # one of them is in every match of _CLAUSE_BREAK
LIST_ROW_TOKENS = 8  # a line no longer than this that does not end as a sentence is a row
MIN_CLAUSE_TOKENS = 6  # a clause compared on its own: "The ferry runs on Sundays in winter"


def _row(text: str) -> bool:
    """A line that does not end as a sentence does, a closing bracket or quote aside ("BF: Voss
    3 run (Mercer kick)")."""
    return not text.rstrip().rstrip(")]\"”’'").endswith((".", "!", "?", "…"))


def _flip_units(sentences: Sequence[str], cut: int | None
                ) -> tuple[list[list[str] | None], list[int], list[str]]:
    """What the word-flip rule aligns: each sentence, and each clause of a sentence that joins
    several ("The ferry does not run on Sundays between November and March, so a winter weekend
    means …" holds "The ferry does not run on Sundays between November and March", which a
    later "The ferry runs on Sundays between November and March." flips). Returns the units'
    tokens (None: not compared), the sentence each is in, and its text."""
    toks: list[list[str] | None] = []
    owner: list[int] = []
    texts: list[str] = []
    for k, sentence in enumerate(sentences):
        usable = k != cut and eligible(sentence)  # a sentence cut short: its missing words
        # may be what would differ
        whole = tokens(sentence) if usable else None
        toks.append(whole)
        owner.append(k)
        texts.append(sentence)
        if whole is None or len(whole) < 2 * MIN_CLAUSE_TOKENS:
            continue  # too short to hold two clauses worth comparing on their own
        if not any(mark in sentence for mark in _CLAUSE_MARKS):
            continue  # (the pattern's scan is the dearer test, and most sentences join none)
        breaks = [m for m in _CLAUSE_BREAK.finditer(sentence)
                  if sentence.count("(", 0, m.start()) <= sentence.count(")", 0, m.start())]
        if not breaks:  # (none outside brackets: "(0 of 142 precincts; early votes only)")
            continue
        start = 0
        for m in [*breaks, None]:
            piece = sentence[start: m.start() if m else len(sentence)]
            start = m.end() if m else len(sentence)
            piece_tokens = tokens(piece)
            # a clause of a sentence already judged eligible is prose; one too short to align
            # is left to the sentence
            if len(piece_tokens) >= MIN_CLAUSE_TOKENS:
                toks.append(piece_tokens)
                owner.append(k)
                texts.append(piece)
    return toks, owner, texts


def flip_conflicts(sentences: Sequence[str]) -> list[Conflict]:
    """Word-for-word flips over all pairs of sentences and of their clauses (cheap: token
    alignment only), and a live commentary's running scores that fall
    (``checker.entries.falling_scores``)."""
    lex = load_lexicon()
    out: list[Conflict] = []
    toks, owner, texts = _flip_units(sentences, unfinished(sentences))
    # how often each line is written, its template, a forecast's readings and whose case of a
    # court list it is in: read once a number flip needs them
    lines: tuple[Counter[str], list[str | None], list[bool], list[str | None],
                 list[int | None]] | None = None
    reported: set[tuple[str, str]] = set()
    fields: list[str | None] | None = None  # each sentence's record field (read when needed)
    for u, v in flip_pairs(toks):  # the pairs could_flip accepts, found through a word index
        i, j = owner[u], owner[v]
        if i == j:
            continue  # two clauses of one sentence: "X will stay open, but Y will not"
        flip = word_flip_tokens(toks[u] or [], toks[v] or [], lex)
        if flip is None or _not_a_conflict(flip, texts[u], toks[u] or [], texts[v]):
            continue
        if _list_headings(sentences, i) and _list_headings(sentences, j):
            continue  # two sections' headings: "Best female actor in a TV comedy series" and
            # "Best male actor …", each over its own list of nominees
        a, b = sentences[i].strip(), sentences[j].strip()
        if a.endswith(":") and b.endswith(":"):
            continue  # two lead-ins, each to what follows it: a poll's options ("The polls are
            # right about both of them:" 37%, "The polls are wrong about both of them:" 24%)
        if flip.kind == "number":
            if lines is None:
                lines = (Counter(s.strip() for s in sentences), template_lines(sentences),
                         forecast_readings(sentences), case_entries(sentences),
                         entry_numbers(sentences))
            written, templates, readings, cases, entries = lines
            if (written[a] > 1 and written[b] > 1) or (
                    templates[i] is not None and templates[i] == templates[j]):
                # one template line in each entry of a list, not two accounts of one fact:
                # each written again and again ("Con hold. Percentage change is since May
                # 2011." under one ward, "… since May 2012." under another), or one line with
                # other figures three times or more ("The bonus number was 23.")
                continue
            if fields is None:
                fields = field_lines(sentences, listings=True)
            if fields[i] is not None and fields[i] == fields[j]:
                continue  # one field of two records: "Cloud: … a 40% chance of the summit
                # being cloud-free …" under one summit, "… a 50% chance …" under another
            if readings[i] and readings[j]:
                continue  # two periods of a forecast: "The low should be around 29." tonight,
                # "… around 26." on Tuesday night
            if cases[i] is not None and cases[j] is not None and cases[i] != cases[j]:
                continue  # two people's cases of a court list: "Banned from driving for 12
                # months." under one defendant, "… for 20 months." under another
            short = (len(toks[u] or ()) <= LIST_ROW_TOKENS
                     and len(toks[v] or ()) <= LIST_ROW_TOKENS)
            if (_row(texts[u]) and _row(texts[v])
                    and (short or (" | " in texts[u] and " | " in texts[v]))):
                continue  # two rows of a table set as lines, no sentence either: a scoring
                # summary's "BF: Voss 3 run (Mercer kick)" and "BF: Voss 45 run (Mercer kick)",
                # two cars' "MOT until August 2026 | Road tax: £20 per year" and "… £190 …"
            if entries[i] is not None and entries[j] is not None and entries[i] != entries[j]:
                continue  # two entries of a live page, each under its own time: "County
                # Executive (118 of 142 precincts)" at 11:05 p.m., "(142 of 142 …)" at 12:50
        if (a, b) in reported:  # the same two statements again: one finding is enough
            continue
        reported.add((a, b))
        confidence = 0.9 if flip.kind == "number" else 0.95
        out.append(Conflict(i, j, confidence, flip.kind,
                            f"{flip.earlier or '(nothing)'} / {flip.later or '(nothing)'}"))
    out.extend(Conflict(i, j, 0.9, "number", detail) for i, j, detail in falling_scores(sentences))
    return out


def pattern_pairs(sentences: Sequence[str]) -> set[tuple[int, int]]:
    """Pairs the settled-condition, reversed-stance and reversed-consequence patterns report
    (rules CT103, CT104, CT105)."""
    from checker.nli.patterns import reversed_consequences, reversed_stances, settled_conditions

    found = settled_conditions(sentences) + reversed_stances(sentences)
    pairs = {(c.earlier, c.later) for c in found}
    for consequence, against in reversed_consequences(sentences):
        k = consequence.sentence
        pairs |= {(min(k, j), max(k, j)) for j in against}
    return pairs


def find_conflicts(
    sentences: Sequence[str],
    model: NLIModel | None,
    embeddings: npt.NDArray[np.float32] | None,
    params: Params = Params(),
    paragraphs: Sequence[int] | None = None,
    sections: Sequence[int] | None = None,
) -> tuple[list[Conflict], int]:
    """All conflicts found (flips first, then model), and how many pairs went to the model
    (``paragraphs``: the paragraph each sentence is in, for the pair filter's entry labels)."""
    conflicts = flip_conflicts(sentences)
    seen = {(c.earlier, c.later) for c in conflicts} | pattern_pairs(sentences)
    scored = 0
    if model is not None and embeddings is not None:
        from checker.nli.restate import PairFilter

        cut = unfinished(sentences)
        # built once for the sentence pairs and the clauses' pairs alike
        pair_filter = (PairFilter(sentences, paragraphs, sections) if params.skip_unlikely
                       else None)
        pairs = [p for p in candidate_pairs(sentences, embeddings, params, paragraphs, sections,
                                            pair_filter)
                 if p not in seen and cut not in p]
        texts = list(sentences)
        owners = list(range(len(sentences)))  # the sentence each text is, or is a clause of
        if params.clauses:
            from checker.nli.clauses import core, signs_of_conflict

            cores: dict[int, list[int]] = {}  # a partner: its texts' indices, whole and core
            for i, j, statement, own in clause_pairs(sentences, cut):
                pair = (min(i, j), max(i, j))
                skipped = pair_filter is not None and pair_filter.skip(*pair) is not None
                if pair in seen or skipped:
                    continue
                if not signs_of_conflict(statement, sentences[i], own):
                    continue
                if i not in cores:
                    # the partner is read whole and as its main statement: an aside can hide
                    # the conflict ("Gareth Lowden, 52, of …, was found guilty …") or be it
                    main = core(sentences[i])
                    cores[i] = [i]
                    if main != sentences[i]:
                        texts.append(main)
                        owners.append(i)
                        cores[i].append(len(texts) - 1)
                texts.append(statement)
                owners.append(j)
                k = len(texts) - 1
                pairs.extend((c, k) if i < j else (k, c) for c in cores[i])  # earlier first
        scored = len(pairs)
        # one way round is enough only below the threshold: above it the other direction decides
        # the entailment guard and the confidence
        gate = min(params.both_ways_from, params.threshold)
        best: dict[tuple[int, int], float] = {}
        for (a, b), p in zip(pairs, score_pairs(model, texts, pairs, gate), strict=True):
            if p >= params.threshold:
                i, j = sorted((owners[a], owners[b]))
                best[i, j] = max(best.get((i, j), 0.0), p)
        conflicts.extend(Conflict(i, j, p, "model") for (i, j), p in best.items())
    return conflicts, scored
