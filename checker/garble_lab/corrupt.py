"""Plant one defect in a real article, the way spun and scraped copies are damaged.

Each generator takes the clean text and a seeded ``random.Random`` and returns the corrupted text
with the span of the planted defect, or ``None`` when the article offers no place for it. The
generators decide what is a name or an entity with their own simple patterns, not with the rules'
code, and the widget and markup strings below are not the rules' lists, so the evaluation is not
the rules grading their own homework.
"""

from __future__ import annotations

import functools
import itertools
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from checker.sentences import split_sentences


@dataclass(frozen=True, slots=True)
class Planted:
    kind: str
    text: str
    start: int  # the planted defect, 0-based half-open offsets into ``text``
    end: int
    detail: str


_PROPER = re.compile(r"\b[A-Z][a-z]{4,}\b")
_LOWER = re.compile(r"\b[a-z][a-z]+\b")
# QWERTY neighbours, for substitution typos.
_KEYS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours(ch: str) -> str:
    for row in _KEYS:
        i = row.find(ch)
        if i >= 0:
            return row[max(0, i - 1) : i] + row[i + 1 : i + 2]
    return ""


def typo(word: str, rng: random.Random) -> str:
    """One keyboard slip that keeps the first letter: swap, drop, double or hit a neighbour."""
    for _ in range(20):
        i = rng.randrange(1, len(word))
        op = rng.choice(("swap", "drop", "double", "near"))
        if op == "swap" and i < len(word) - 1 and word[i] != word[i + 1]:
            out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif op == "drop":
            out = word[:i] + word[i + 1 :]
        elif op == "double":
            out = word[: i + 1] + word[i:]
        elif op == "near" and _neighbours(word[i]):
            out = word[:i] + rng.choice(_neighbours(word[i])) + word[i + 1 :]
        else:
            continue
        if out != word:
            return out
    return word


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"“'‘:"


def misspell_name(text: str, rng: random.Random) -> Planted | None:
    """A proper noun (capitalised, never lower case here, 5+ letters, used at least twice, at
    least once mid-sentence) misspelled at one of its occurrences."""
    lower = set(_LOWER.findall(text))
    hits: dict[str, list[re.Match[str]]] = {}
    for m in _PROPER.finditer(text):
        hits.setdefault(m.group(), []).append(m)
    names = [w for w, ms in hits.items() if len(ms) >= 2 and w.lower() not in lower
             and any(not _sentence_start(text, m.start()) for m in ms)]
    if not names:
        return None
    word = rng.choice(sorted(names))
    m = rng.choice(hits[word])
    wrong = typo(word, rng)
    if wrong == word or re.search(rf"\b{re.escape(wrong)}\b", text, re.IGNORECASE):
        return None
    out = text[: m.start()] + wrong + text[m.end() :]
    return Planted("name-misspelling", out, m.start(), m.start() + len(wrong), f"{word}->{wrong}")


_ENTITY = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}\b")
_GAP = re.compile(r"^(?:[ \t]+|[ \t]*,[ \t]*)(?:(?:[a-z][a-z'-]*|\d[\d.,-]*)[ \t]+){1,5}$")
_NOT_ENTITY = frozenset((
    "The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I",
    "But", "And", "Or", "If", "When", "While", "As", "In", "On", "At", "For", "From", "To", "Of",
    "By", "With", "After", "Before", "Mr", "Mrs", "Ms", "Dr", "Sir", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
))


def swap_entity(text: str, rng: random.Random) -> Planted | None:
    """Within one sentence, a later entity replaced by an earlier one a few plain words before it,
    so that one entity fills both slots ("Arsenal beat Chelsea" -> "Arsenal beat Arsenal")."""
    pairs: list[tuple[re.Match[str], re.Match[str]]] = []
    for a, b in split_sentences(text, 0, len(text)):
        ents = [m for m in _ENTITY.finditer(text, a, b)
                if m.group() not in _NOT_ENTITY and not _sentence_start(text, m.start())]
        for x, y in itertools.pairwise(ents):
            if x.group() != y.group() and _GAP.match(text[x.end() : y.start()] + " "):
                pairs.append((x, y))
    if not pairs:
        return None
    x, y = rng.choice(pairs)
    out = text[: y.start()] + x.group() + text[y.end() :]
    return Planted("entity-swap", out, x.start(), y.start() + len(x.group()),
                   f"{y.group()}->{x.group()}")


_FUNCTION = ("the", "for", "and", "with", "this", "to", "in", "a", "on", "by", "from", "at",
             "that", "its", "their")


def capitalise_function_words(text: str, rng: random.Random) -> Planted | None:
    """Two or three function words mid-sentence given capitals ("present THE government")."""
    sentences = [(a, b) for a, b in split_sentences(text, 0, len(text))
                 if len(text[a:b].split()) >= 12]
    rng.shuffle(sentences)
    for a, b in sentences:
        words = [m for m in re.finditer(r"\b[a-z]+\b", text[a:b])
                 if m.group() in _FUNCTION and m.start() > 0]
        if len(words) < 2:
            continue
        chosen = sorted(rng.sample(words, min(len(words), rng.choice((2, 3)))),
                        key=lambda m: m.start())
        sentence = text[a:b]
        for m in reversed(chosen):
            word = m.group()
            new = word.upper() if rng.random() < 0.3 else word.capitalize()
            sentence = sentence[: m.start()] + new + sentence[m.end() :]
        return Planted("capitalised-function-words", text[:a] + sentence + text[b:], a, b,
                       " ".join(m.group() for m in chosen))
    return None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for part in text.split("\n\n"):
        if part.strip():
            spans.append((pos, pos + len(part)))
        pos += len(part) + 2
    return spans


def duplicate_passage(text: str, rng: random.Random) -> Planted | None:
    """A paragraph (or, in a one-paragraph text, a long sentence) repeated verbatim further down."""
    paragraphs = _paragraphs(text)
    units = [(a, b) for a, b in paragraphs[1:] if len(text[a:b].split()) >= 12]
    if len(paragraphs) < 3:
        units = [(a, b) for a, b in split_sentences(text, 0, len(text))
                 if len(text[a:b].split()) >= 12]
    if len(units) < 2:
        return None
    i = rng.randrange(len(units) - 1)
    a, b = units[i]
    after = rng.choice(units[i + 1 :])[1]
    copy = text[a:b].strip()
    out = text[:after] + "\n\n" + copy + "\n\n" + text[after:].lstrip()
    start = after + 2
    return Planted("duplicated-passage", out, start, start + len(copy), copy[:40])


# Leftover CMS markup as scraped pages carry it (not the strings of the rules' examples).
_MARKUP = ('[contact-form-7 id="4512" title="Contact form 1"]', '[gallery ids="311,312,318"]',
           '{{ author_box }}', '{% include "partials/newsletter.html" %}',
           '[caption id="attachment_2207" align="aligncenter" width="640"]',
           '[ad_unit slot="incontent-2"]', '{{> share_buttons }}', '[td_block_social_counter]',
           '[yuzo_related]', '{{ post.related_articles }}', '[/vc_column_text]',
           '[jetpack_subscription_form]')
# Reaction and rating widgets.
_WIDGETS = ("What's Your Reaction?", "What is your reaction?", "Your reaction?",
            "How do you feel about this story?", "Like Love Haha Wow Sad Angry",
            "Happy Sad Excited Angry Surprised", "Rate this article:",
            "Did you find this article useful?", "Was this story helpful? Yes No")


def _insert_line(text: str, line: str, rng: random.Random, kind: str) -> Planted | None:
    paragraphs = _paragraphs(text)
    if len(paragraphs) >= 3:
        cut = paragraphs[rng.randrange(1, len(paragraphs) - 1)][1]
    else:
        sentences = split_sentences(text, 0, len(text))
        if len(sentences) < 3:
            return None
        cut = sentences[rng.randrange(1, len(sentences) - 1)][1]
    out = text[:cut] + "\n\n" + line + "\n\n" + text[cut:].lstrip()
    return Planted(kind, out, cut + 2, cut + 2 + len(line), line)


def insert_markup(text: str, rng: random.Random) -> Planted | None:
    return _insert_line(text, rng.choice(_MARKUP), rng, "cms-markup")


def insert_widget(text: str, rng: random.Random) -> Planted | None:
    return _insert_line(text, rng.choice(_WIDGETS), rng, "reaction-widget")


def read_thesaurus(name: str) -> dict[str, tuple[str, ...]]:
    """A spinner thesaurus of this folder: a word or phrase, a tab, then what a spinning tool
    puts in its place ("|" between choices); "#" lines are comments. The evaluation reads
    ``thesaurus.tsv``, the detector's training data ``train_thesaurus.tsv``."""
    rows: dict[str, tuple[str, ...]] = {}
    for line in (Path(__file__).parent / name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, choices = line.split("\t")
            rows[word.strip()] = tuple(c.strip() for c in choices.split("|") if c.strip())
    return rows


def phrase_pattern(words: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """Any of ``words`` as a whole word or phrase, the longest first."""
    ordered = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in ordered)
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])", flags)


@functools.cache
def thesaurus() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The team's spinner thesaurus (``thesaurus.tsv``), longest entries first."""
    return tuple(sorted(read_thesaurus("thesaurus.tsv").items(), key=lambda kv: -len(kv[0])))


@functools.cache
def _thesaurus_pattern() -> re.Pattern[str]:
    return phrase_pattern(w for w, _ in thesaurus())


def spin_sentence(text: str, rng: random.Random) -> Planted | None:
    """One sentence (10+ words) run through a thesaurus spinner: two to four of its words or
    phrases replaced with the team's thesaurus entries ("officials" -> "civil servants", "last
    year" -> "final calendar year"), without regard to context, as spinning tools do."""
    table = dict(thesaurus())
    sentences = [(a, b) for a, b in split_sentences(text, 0, len(text))
                 if len(text[a:b].split()) >= 10 and "\n" not in text[a:b]]
    rng.shuffle(sentences)
    for a, b in sentences:
        found = list(_thesaurus_pattern().finditer(text, a, b))
        if len(found) < 2:
            continue
        chosen = sorted(rng.sample(found, min(len(found), rng.choice((2, 3, 4)))),
                        key=lambda m: m.start())
        sentence, shift, detail = text[a:b], -a, []
        for m in chosen:
            new = rng.choice(table[m.group()])
            sentence = sentence[: m.start() + shift] + new + sentence[m.end() + shift :]
            shift += len(new) - len(m.group())
            detail.append(f"{m.group()}->{new}")
        return Planted("spun-sentence", text[:a] + sentence + text[b:], a, a + len(sentence),
                       ", ".join(detail))
    return None


GENERATORS: dict[str, Callable[[str, random.Random], Planted | None]] = {
    "name-misspelling": misspell_name,
    "entity-swap": swap_entity,
    "capitalised-function-words": capitalise_function_words,
    "duplicated-passage": duplicate_passage,
    "cms-markup": insert_markup,
    "reaction-widget": insert_widget,
    "spun-sentence": spin_sentence,
}

