"""Two inconsistencies that a small NLI model misses but a pattern over two sentences sees:

- a condition on something already settled: "The talks broke down." ... "If the talks fail, ..."
- a reversed stance between the same two actors: "Niger scrapped its agreement with the United
  States." ... "Niger's willingness to partner with Washington ..."

Both need the same subject (or the same actor and counterpart, through ``aliases.tsv``) in the two
sentences, which keeps them quiet on ordinary copy. Word lists: ``rules/nli/outcomes.tsv``,
``stance.tsv`` and ``aliases.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

from checker.budget import check as check_budget
from checker.resources import load_rows

_DETERMINER = r"(?:the|a|an|its|their|his|her|these|those)"
# ("n't" is glued to its verb, so no word boundary comes before it: "doesn't", "won’t")
_NEGATION = re.compile(r"\b(?:not|no|never|unwilling)\b|n['’]t\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"[A-Z][a-zA-Z]+(?:\s+[A-Z][a-zA-Z]+)*")


@dataclass(frozen=True, slots=True)
class PatternConflict:
    earlier: int
    later: int
    kind: str  # settled-condition | reversed-stance
    detail: str


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return load_rows("nli", name)


TERMINAL = frozenset({"failure", "success", "end"})


@lru_cache(maxsize=1)
def _outcomes() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """(settled: 'the talks broke down', conditional: 'if the talks fail', verb form -> group)."""
    settled: list[str] = []
    open_forms: list[str] = []
    group_of: dict[str, str] = {}
    for group, forms in _rows("outcomes.tsv"):
        base, third, past, participle = forms.split("|")
        settled += [past, f"(?:has|have|had) {participle}"]
        open_forms += [base, third]
        for form in (base, third, past, participle):
            group_of[form] = group
    settled_re = re.compile(
        rf"\b{_DETERMINER}\s+(?:[a-z-]+\s+)?(?!(?:has|have|had)\b)([a-z]+)\s+"
        rf"({'|'.join(settled)})\b",
        re.IGNORECASE,
    )
    conditional_re = re.compile(
        rf"\b(?:if|unless|should)\s+{_DETERMINER}\s+(?:[a-z-]+\s+)?([a-z]+)\s+"
        rf"({'|'.join(open_forms)})\b",
        re.IGNORECASE,
    )
    return settled_re, conditional_re, group_of


@lru_cache(maxsize=1)
def _outcome_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(every settled form, every open form): a sentence holding none of one cannot match the
    settled or the conditional pattern."""
    settled: set[str] = set()
    open_forms: set[str] = set()
    for _group_name, forms in _rows("outcomes.tsv"):
        base, third, past, participle = forms.split("|")
        settled |= {past.lower(), participle.lower()}
        open_forms |= {base.lower(), third.lower()}
    return tuple(sorted(settled)), tuple(sorted(open_forms))


_CONDITION_WORDS = ("if", "unless", "should")
# The only characters that a case-blind pattern takes for an ASCII letter but str.lower() does
# not turn into one (İ, ı, ſ, the Kelvin sign).
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")  # (str.find: at once in ASCII text)


def sentences_holding(words: Sequence[str], sentences: Sequence[str],
                      ignore_case: bool = True) -> set[int]:
    """Indices of the sentences that hold one of the lower-case ``words`` anywhere (case-blind as
    ``re.IGNORECASE`` is, unless ``ignore_case`` is False): a superset of those a pattern that
    needs one of them can match, found with ``str.find`` over all the sentences at once. Most
    documents hold none of the words, and then no sentence is searched with the pattern."""
    joined = "\n".join(sentences)
    if ignore_case:
        if any(fold in joined for fold in _FOLDS_TO_ASCII):
            pattern = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)
            return {k for k, s in enumerate(sentences) if pattern.search(s)}
        joined = joined.lower()  # no İ: the same length, so the same offsets
    ends: list[int] | None = None
    found: set[int] = set()
    for word in words:
        at = joined.find(word)
        if at >= 0 and ends is None:
            ends = list(accumulate(len(s) + 1 for s in sentences))
        while at >= 0:
            found.add(bisect_right(ends, at))  # type: ignore[arg-type]
            at = joined.find(word, at + 1)
    return found


def _fold(noun: str) -> str:
    noun = noun.lower()
    return noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun


def _group(verb: str, group_of: dict[str, str]) -> str:
    verb = re.sub(r"^(?:has|have|had) ", "", verb.lower())
    return group_of.get(verb, "")


def _moot(settled_group: str, conditional_group: str) -> bool:
    """Once an outcome is terminal (failed, succeeded, ended), any terminal condition is moot."""
    if settled_group in TERMINAL and conditional_group in TERMINAL:
        return True
    return settled_group == conditional_group != ""


def settled_conditions(sentences: Sequence[str]) -> list[PatternConflict]:
    settled_re, conditional_re, group_of = _outcomes()
    settled_words, open_words = _outcome_words()
    # the two patterns run only on the sentences that hold their verbs (a few in a hundred)
    with_settled = sentences_holding(settled_words, sentences)
    with_open = sentences_holding(open_words, sentences)
    if with_open:
        with_open &= sentences_holding(_CONDITION_WORDS, sentences)
    settled = [
        {(_fold(m.group(1)), _group(m.group(2), group_of)) for m in settled_re.finditer(s)}
        if k in with_settled else set()
        for k, s in enumerate(sentences)
    ]
    conditional = [
        {(_fold(m.group(1)), _group(m.group(2), group_of)) for m in conditional_re.finditer(s)}
        if k in with_open else set()
        for k, s in enumerate(sentences)
    ]
    out: list[PatternConflict] = []
    # Only pairs where one sentence settles a noun the other puts under a condition can hit:
    # found through an index by noun instead of a loop over every pair.
    settled_by = _by_key([{noun for noun, _ in facts} for facts in settled])
    conditional_by = _by_key([{noun for noun, _ in conds} for conds in conditional])
    for j in range(len(sentences)):
        check_budget()
        candidates = {i for noun, _ in conditional[j] for i in settled_by.get(noun, ())}
        candidates |= {i for noun, _ in settled[j] for i in conditional_by.get(noun, ())}
        for i in sorted(c for c in candidates if c < j):
            for facts, conditions in ((settled[i], conditional[j]), (conditional[i], settled[j])):
                if not facts or not conditions:
                    continue
                nouns = sorted(
                    noun
                    for noun, group in facts
                    for other, cond_group in conditions
                    if noun == other and _moot(group, cond_group)
                )
                if nouns:
                    out.append(PatternConflict(i, j, "settled-condition", nouns[0]))
                    break
    return out


def _by_key(sets: Sequence[set[Any]]) -> dict[Any, list[int]]:
    """Each key -> the indices of the sets that hold it, in order."""
    index: dict[Any, list[int]] = {}
    for n, keys in enumerate(sets):
        for key in keys:
            index.setdefault(key, []).append(n)
    return index


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """An actor's other name -> the name ``aliases.tsv`` gives it ("Washington" -> "United
    States")."""
    return {alias: canonical for canonical, alias in _rows("aliases.tsv")}


@lru_cache(maxsize=1)
def _stance_words() -> tuple[tuple[str, int], ...]:
    rows = _rows("stance.tsv")
    return tuple((stem, 1 if pol == "positive" else -1) for pol, stem in rows if pol != "ignore")


@lru_cache(maxsize=1)
def _stance_pattern() -> re.Pattern[str]:
    """All stance stems in one scan; group 1 is the stem (longest first)."""
    stems = sorted({stem for stem, _ in _stance_words()}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, stems)) + r")[a-z]*")


@lru_cache(maxsize=1)
def _stance_stems() -> tuple[str, ...]:
    return tuple(sorted({stem for stem, _ in _stance_words()}))


@lru_cache(maxsize=1)
def _stance_polarity() -> dict[str, int]:
    return dict(_stance_words())


@lru_cache(maxsize=1)
def _stance_exceptions() -> frozenset[str]:
    return frozenset(word for pol, word in _rows("stance.tsv") if pol == "ignore")


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    names = sorted(aliases(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, names)) + r")(?![\w])")


def _mentions(sentence: str) -> list[tuple[int, str]]:
    """(offset, canonical name) of every actor mentioned, aliases resolved."""
    canonical_of = aliases()
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _alias_pattern().finditer(sentence):  # longest alias first, no overlaps
        found.append((m.start(), canonical_of[m.group()]))
        taken.append((m.start(), m.end()))
    for m in _CAPITALISED.finditer(sentence):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            found.append((m.start(), m.group()))
    return sorted(found)


def stances(sentence: str) -> dict[tuple[str, str], int]:
    """(actor, counterpart) -> +1 or -1; a negative word wins over a positive one it governs."""
    lower = sentence.lower()
    hits = list(_stance_pattern().finditer(lower))
    if not hits:
        return {}
    mentions = _mentions(sentence)
    polarity_of = _stance_polarity()
    result: dict[tuple[str, str], int] = {}
    for m in hits:
        if m.group() in _stance_exceptions():
            continue
        polarity = polarity_of[m.group(1)]
        before = [name for pos, name in mentions if pos < m.start()]
        after = [name for pos, name in mentions if pos > m.end()]
        if not before or not after or before[-1] == after[0]:
            continue
        window = lower[max(0, m.start() - 25) : m.start()]
        sign = -polarity if _NEGATION.search(window) else polarity
        key = (before[-1], after[0])
        result[key] = min(result.get(key, sign), sign)
    return result


def reversed_stances(sentences: Sequence[str]) -> list[PatternConflict]:
    lowered = [s.lower() for s in sentences]
    # stances() finds nothing in a sentence without a stance word: one scan finds those that have
    with_stance = sentences_holding(_stance_stems(), lowered, ignore_case=False)
    found = [stances(s) if k in with_stance else {} for k, s in enumerate(sentences)]
    out: list[PatternConflict] = []
    holding = _by_key([set(f.items()) for f in found])  # (actors, sign) -> sentences
    for j in range(len(sentences)):
        check_budget()
        candidates = {i for key, sign in found[j].items() for i in holding.get((key, -sign), ())}
        for i in sorted(c for c in candidates if c < j):
            for key, sign in found[j].items():
                if found[i].get(key) == -sign:
                    out.append(PatternConflict(i, j, "reversed-stance", f"{key[0]} / {key[1]}"))
                    break
    return out


@dataclass(frozen=True, slots=True)
class Consequence:
    """A clause of consequence: the event of the main clause helps (+1) or harms (-1) what
    follows the participle ("…, boosting U.S. counterterrorism")."""

    sentence: int
    sign: int
    participle: str
    families: frozenset[str]
    beneficiaries: frozenset[str]  # the names of what is helped or harmed
    start: int  # offset of the participle in the sentence
    end: int


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@lru_cache(maxsize=1)
def _consequence_words() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for kind, words in _rows("consequences.tsv"):
        table.setdefault(kind, []).append(_norm(words))
    return {kind: tuple(words) for kind, words in table.items()}


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    """Form of an event ("leave", "withdrawal") -> its family ("withdrawal")."""
    return {_norm(form): family for family, form in _rows("event_families.tsv")}


def _alternatives(phrases: Sequence[str]) -> str:
    """The phrases as one alternation, longest first, any run of blanks between their words."""
    longest = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in longest)


def _words_pattern(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alternatives(words)})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _consequence_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str],
                                     re.Pattern[str], tuple[str, ...]]:
    """(clause of consequence after a comma, an event's forms, gain words, loss words, the
    longest word of each clause's opening: a sentence without one of them holds no clause)."""
    words = _consequence_words()
    participles = (*words["helps"], *words["harms"])
    clause = re.compile(rf",[ \t]+({_alternatives(participles)})(?![\w-])", re.IGNORECASE)
    keys = tuple(sorted({max(p.split(), key=len) for p in participles}))
    return (clause, _words_pattern(tuple(_families())), _words_pattern(words["gain"]),
            _words_pattern(words["loss"]), keys)


# what is helped or harmed runs to the next clause's comma or the end ("U.S." is no end)
_TARGET_END = re.compile(r"[,;:]|[.!?]+[\"'”’)]*[ \t]*\Z")


def _events(text: str) -> frozenset[str]:
    """The event families whose forms ``text`` holds."""
    families = _families()
    return frozenset(families[_norm(e.group())] for e in _consequence_patterns()[1].finditer(text))


def consequences(sentences: Sequence[str]) -> list[Consequence]:
    """Every clause of consequence whose main clause names an event of ``event_families.tsv``
    and whose helped or harmed side is named."""
    clause, _events_re, _gain, _loss, keys = _consequence_patterns()
    helps = frozenset(_consequence_words()["helps"])
    out: list[Consequence] = []
    for k in sorted(sentences_holding(keys, sentences)):
        sentence = sentences[k]
        for m in clause.finditer(sentence):
            found = _events(sentence[: m.start()])
            if not found:
                continue
            stop = _TARGET_END.search(sentence, m.end())
            target = sentence[m.end(): stop.start() if stop else len(sentence)]
            named = frozenset(name for _, name in _mentions(target))
            if not named:
                continue
            out.append(Consequence(k, 1 if _norm(m.group(1)) in helps else -1, m.group(1), found,
                                   named, m.start(1), m.end(1)))
    return out


def reversed_consequences(sentences: Sequence[str]) -> list[tuple[Consequence, list[int]]]:
    """Clauses of consequence that another sentence turns round: the same event (a form of one
    family), a name of the side it helps or harms, and a word of the opposite outcome that no
    negation governs ("…, boosting U.S. counterterrorism" / "… will bear the brunt of the US
    military withdrawal and subsequent loss …"). Each with the sentences that turn it."""
    found = consequences(sentences)
    if not found:
        return []
    _clause, _events_re, gain, loss, _keys = _consequence_patterns()
    # each sentence's events and names, read once for all the clauses
    events = [_events(s) for s in sentences]
    names: dict[int, set[str]] = {}
    out: list[tuple[Consequence, list[int]]] = []
    for c in found:
        opposite = loss if c.sign > 0 else gain
        against: list[int] = []
        for j, other in enumerate(sentences):
            check_budget()
            if j == c.sentence or not events[j] & c.families:
                continue
            if j not in names:
                names[j] = {name for _, name in _mentions(other)}
            if not c.beneficiaries & names[j]:
                continue
            if any(not _NEGATION.search(other[max(0, w.start() - 25): w.start()])
                   for w in opposite.finditer(other)):
                against.append(j)
        if against:
            out.append((c, against))
    return out


@lru_cache(maxsize=1)
def _cause_patterns() -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The two shapes of a reversed cause, each with whether its move is a fall."""
    words = _cause_words()

    def alt(key: str) -> str:
        return "|".join(r"[ \t]+".join(map(re.escape, w.split()))
                        for w in sorted(words[key], key=len, reverse=True))

    hedge = r"(?:(?:partly|largely|mainly|in[ \t]++part)[ \t]++)?+"

    def shape(measure: str, move: str, helps: str) -> re.Pattern[str]:
        return re.compile(
            rf"\b({alt(measure)})\b[^,.;:!?\n]{{0,40}}?\b({alt(move)})\b[^.;!?\n]{{0,80}}?,"
            rf"[ \t]++{hedge}({alt(helps)})[ \t]++{hedge}by\b", re.IGNORECASE)

    return ((shape("good_when_up", "falls", "helps_up"), True),
            (shape("good_when_down", "rises", "helps_down"), False))


@lru_cache(maxsize=1)
def _cause_words() -> dict[str, list[str]]:
    from checker.resources import load_toml

    return load_toml("nli", "reversed_causes.toml")


@lru_cache(maxsize=1)
def _help_words() -> frozenset[str]:
    """Every word of help a reversed cause may hold ("helped", "boosted" …): a text without
    one holds none."""
    words = _cause_words()
    return frozenset((*words["helps_up"], *words["helps_down"]))


@dataclass(frozen=True, slots=True)
class ReversedCause:
    """A measure told as moving the wrong way for what helped it ("ticket sales had fallen by
    40 percent …, helped by the success of the teams")."""

    sentence: int
    start: int  # the measure's word, in the sentence
    end: int  # the end of "helped by"
    measure: str
    move: str
    helped: str
    fell: bool  # the move is a fall (of what should rise), not a rise (of what should fall)


def reversed_causes(sentences: Sequence[str]) -> list[ReversedCause]:
    """Sentences that say a measure a business or an event wants to rise fell, "helped" or
    "boosted" by something, or that one a government wants to fall rose, "helped by"
    something (rules/nli/reversed_causes.toml). A negation before the move ("sales have not
    fallen, helped by …") leaves the sentence alone."""
    out: list[ReversedCause] = []
    low = "\n".join(sentences).lower()
    helps = _help_words()
    if not any(word in low for word in helps):
        return out  # no word of help in the text, no reversed cause
    for k, sentence in enumerate(sentences):
        if " by" not in sentence or "," not in sentence or not any(
                word in sentence.lower() for word in helps):
            continue
        for pattern, fell in _cause_patterns():
            for m in pattern.finditer(sentence):
                if _NEGATION.search(sentence, m.start(), m.start(2)):
                    continue
                out.append(ReversedCause(k, m.start(), m.end(), m.group(1), m.group(2),
                                         m.group(3), fell))
    return out
