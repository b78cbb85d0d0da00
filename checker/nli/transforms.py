"""Sentence rewrites that turn one real news sentence into an NLI hypothesis of known label.

Each function returns the rewritten sentence, or ``None`` when the rewrite does not apply; callers
try several and keep what applies. They work on plain strings with regular expressions (no parser)
because they only need to be right often enough to teach the model, and a rewrite that cannot be
done cleanly is skipped rather than guessed.
"""

from __future__ import annotations

import calendar
import random
import re
from collections.abc import Callable

from checker.nli.lexicon import Lexicon

Transform = Callable[[str, Lexicon, random.Random], "str | None"]

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
NUMBER = re.compile(r"(?<![\w.,$])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\w|[.,]\d)")
MONTHS = tuple(calendar.month_name[1:])
WEEKDAYS = tuple(calendar.day_name)
TRAILING_STARTERS = frozenset(
    [
        "who",
        "which",
        "where",
        "while",
        "after",
        "before",
        "as",
        "when",
        "according",
        "saying",
        "including",
        "despite",
        "following",
        "amid",
        "but",
        "although",
        "though",
        "because",
        "with",
        "leaving",
        "prompting",
        "making",
        "adding",
    ]
)
RELATIVE_TIME = (
    ("yesterday", "tomorrow"),
    ("last week", "next week"),
    ("last year", "next year"),
    ("last month", "next month"),
    ("earlier this", "later this"),
)


AUX_BEFORE_PARTICIPLE = frozenset(
    [
        "has",
        "have",
        "had",
        "was",
        "were",
        "been",
        "be",
        "being",
        "is",
        "are",
        "get",
        "got",
        "gets",
        "to",
        "not",
    ]
)
_PAST_CACHE: dict[int, tuple[re.Pattern[str], dict[str, tuple[str, ...]]]] = {}


def _past_cache(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One compiled pattern over every past-tense event verb (built once per lexicon)."""
    cached = _PAST_CACHE.get(id(lex))
    if cached is None:
        index = {f[2]: f for f in lex.base_to_forms.values() if " " not in f[2]}
        words = "|".join(sorted(index, key=len, reverse=True))
        cached = (re.compile(rf"(?<=[A-Za-z,] )(?:{words})\b"), index)
        _PAST_CACHE[id(lex)] = cached
    return cached


def _past_pattern(lex: Lexicon) -> re.Pattern[str]:
    return _past_cache(lex)[0]


def _past_index(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    return _past_cache(lex)[1]


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _replace_span(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def antonym_swap(text: str, lex: Lexicon, rng: random.Random) -> str | None:
    """Replace one word by its opposite (adjectives, nouns, adverbs, event verbs)."""
    hits = [m for m in WORD.finditer(text) if lex.flips(m.group())]
    if not hits:
        return None
    m = rng.choice(hits)
    new = rng.choice(sorted(lex.flips(m.group())))
    return _replace_span(text, m.start(), m.end(), _match_case(m.group(), new))


def negate(text: str, lex: Lexicon, rng: random.Random) -> str | None:
    """Insert a negation after an auxiliary, or turn a past-tense event verb into 'did not V'."""
    options: list[tuple[int, int, str]] = []
    positives = {p for p, n in lex.negations if " " in n}
    for m in re.finditer(r"\b(" + "|".join(sorted(positives)) + r") (?!not\b|n't)([a-z]+)", text):
        aux, following = m.group(1), m.group(2)
        if aux in {"has", "have", "had"} and not re.search(r"(ed|en|wn|ne|been|t)$", following):
            continue
        if aux in {"do", "does", "did"} and following not in lex.base_to_forms:
            continue
        options.append((m.start(1), m.end(1), aux + " not"))
    past_forms = _past_index(lex)
    for m in _past_pattern(lex).finditer(text):
        prev = text[: m.start()].split()[-1].lower()
        if prev in AUX_BEFORE_PARTICIPLE or prev.endswith("ly"):
            continue
        options.append((m.start(), m.end(), "did not " + past_forms[m.group()][0]))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _replace_span(text, start, end, new)


def remove_negation(text: str, lex: Lexicon, rng: random.Random) -> str | None:
    """Drop a negation ('is not' -> 'is', 'did not leave' -> 'left', 'never' -> deleted)."""
    options: list[tuple[int, int, str]] = []
    for positive, negative in lex.negations:
        for m in re.finditer(rf"\b{re.escape(negative)}\b", text, flags=re.IGNORECASE):
            tail = text[m.end() :]
            if positive in {"did", "does", "do"}:
                verb = re.match(r" ([a-z]+)", tail)
                forms = lex.base_to_forms.get(verb.group(1)) if verb else None
                if verb is None or forms is None:
                    continue
                form = (
                    forms[2]
                    if positive == "did"
                    else (forms[1] if positive == "does" else forms[0])
                )
                options.append((m.start(), m.end() + len(verb.group(0)), form))
            else:
                options.append((m.start(), m.end(), _match_case(m.group(), positive)))
    for m in re.finditer(r"\bnever ", text):
        options.append((m.start(), m.end(), ""))
    for m in re.finditer(r"\bno longer\b", text):
        options.append((m.start(), m.end(), "still"))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _replace_span(text, start, end, new)


def _format_like(original: str, value: float) -> str:
    if "." in original:
        return f"{value:.{len(original.split('.')[1])}f}"
    if "," in original:
        return f"{int(value):,}"
    return str(int(value))


def change_number(text: str, lex: Lexicon, rng: random.Random) -> str | None:
    """Change a quantity, a year or a spelled-out number to a clearly different value."""
    hits = list(NUMBER.finditer(text))
    words = [
        m
        for m in WORD.finditer(text)
        if lex.number_words.get(m.group().lower(), 100) < 100 and not m.group().endswith("s")
    ]
    if not hits and not words:
        return None
    if words and (not hits or rng.random() < 0.3):
        m = rng.choice(words)
        spelled = lex.number_words[m.group().lower()]
        others = [
            w for w, v in lex.number_words.items() if v != spelled and v < 100 and w != "dozen"
        ]
        return _replace_span(text, m.start(), m.end(), _match_case(m.group(), rng.choice(others)))
    m = rng.choice(hits)
    raw = m.group()
    value = float(raw.replace(",", ""))
    new_value: float
    if 1900 <= value <= 2035 and "," not in raw and "." not in raw:
        new_value = value + rng.choice([-3, -2, -1, 1, 2, 4])
    elif value == 0:
        new_value = rng.choice([3, 5, 10])
    else:
        factor = rng.choice([0.25, 0.5, 2.0, 3.0, 10.0])
        new_value = value * factor
        if "." not in raw:
            new_value = max(1, round(new_value))
        if abs(new_value - value) < 1e-9:
            new_value = value + rng.choice([2, 5])
    return _replace_span(text, m.start(), m.end(), _format_like(raw, new_value))


def change_date(text: str, lex: Lexicon, rng: random.Random) -> str | None:
    """Move the claim to another weekday, month or relative time."""
    del lex
    for names in (WEEKDAYS, MONTHS):
        hits = [m for m in re.finditer(r"\b(" + "|".join(names) + r")\b", text)]
        hits = [m for m in hits if not (m.group() == "May" and names is MONTHS)]
        if hits:
            m = rng.choice(hits)
            other = rng.choice([n for n in names if n != m.group()])
            return _replace_span(text, m.start(), m.end(), other)
    for a, b in RELATIVE_TIME:
        for x, y in ((a, b), (b, a)):
            rel = re.search(rf"\b{x}\b", text, flags=re.IGNORECASE)
            if rel:
                return _replace_span(text, rel.start(), rel.end(), _match_case(rel.group(), y))
    return None


def change_tense(text: str, lex: Lexicon, rng: random.Random) -> str | None:
    """Make a settled event open or future ('X scrapped Y' -> 'X has not yet scrapped Y', 'will
    leave' -> 'has already left'), the conditional-on-settled inversion of spun copy."""
    options: list[tuple[int, int, str]] = []
    past_forms = _past_index(lex)
    for m in _past_pattern(lex).finditer(text):
        prev = text[: m.start()].split()[-1].lower()
        if prev in AUX_BEFORE_PARTICIPLE or prev.endswith("ly"):
            continue
        base, _, _, part, _ = past_forms[m.group()]
        options.append(
            (
                m.start(),
                m.end(),
                rng.choice([f"has not yet {part}", f"may soon {base}", f"is expected to {base}"]),
            )
        )
    for m in re.finditer(r"\bwill ([a-z]+)\b", text):
        forms = lex.base_to_forms.get(m.group(1))
        if forms:
            options.append((m.start(), m.end(), rng.choice([f"has already {forms[3]}", forms[2]])))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _replace_span(text, start, end, new)


def swap_place(text: str, lex: Lexicon, rng: random.Random) -> str | None:
    """Move the claim to another place of the same kind (country for country, city for city)."""
    for kind in rng.sample(sorted(lex.places), len(lex.places)):
        names = lex.places[kind]
        hits = [m for name in names for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
        if hits:
            m = rng.choice(hits)
            other = rng.choice([n for n in names if n != m.group() and n not in text])
            return _replace_span(text, m.start(), m.end(), other)
    return None


NAME = r"((?:[A-Z][a-z]+|[A-Z]\.)(?: [A-Z][a-z]+)*)"


def swap_roles(text: str, lex: Lexicon, rng: random.Random) -> str | None:
    """Swap subject and object around an asymmetric verb ('A beat B' -> 'B beat A')."""
    verbs = "|".join(sorted(lex.asymmetric_verbs, key=len, reverse=True))
    hits = list(re.finditer(rf"\b{NAME} ({verbs}) {NAME}\b", text))
    hits = [m for m in hits if m.group(1) != m.group(3)]
    if not hits:
        return None
    m = rng.choice(hits)
    swapped = f"{m.group(3)} {m.group(2)} {m.group(1)}"
    return _replace_span(text, m.start(), m.end(), swapped)


def drop_trailing_clause(text: str, lex: Lexicon, rng: random.Random) -> str | None:
    """Keep the main clause: 'A did B, which C.' entails 'A did B.'"""
    del lex, rng
    for m in re.finditer(r", (\w+)", text):
        if m.group(1).lower() in TRAILING_STARTERS or m.group(1).endswith("ing"):
            head = text[: m.start()].strip()
            if (
                len(head.split()) >= 5
                and head.count('"') % 2 == 0
                and head.count("(") == head.count(")")
            ):
                return head + "."
    lead = re.match(
        r"^(?:On|In|After|Before|Last|Earlier|Later|During|Since)\b[^,]{2,40}, (.+)$", text
    )
    if lead and len(lead.group(1).split()) >= 5:
        return lead.group(1)[:1].upper() + lead.group(1)[1:]
    return None


def drop_attribution(text: str, lex: Lexicon, rng: random.Random) -> str | None:
    """Remove who said it: 'X happened, police said.' -> 'X happened.'"""
    del lex, rng
    m = re.match(
        r'^"?(.+?)[,.]?"?,? (?:he|she|they|police|officials|authorities|the \w+|[A-Z][\w.]*'
        r"(?: [A-Z][\w.]*)*) (?:said|says|told [\w ]+|added|reported)\.$",
        text,
    )
    if m and len(m.group(1).split()) >= 5 and '"' not in m.group(1):
        return m.group(1).rstrip(",") + "."
    m = re.match(r"^According to [^,]{3,60}, (.+)$", text)
    if m:
        return m.group(1)[:1].upper() + m.group(1)[1:]
    m = re.match(r"^(?:[A-Z][\w.]*\s){1,4}(?:said|says|told \w+) (?:that )?(.+)$", text)
    if m and len(m.group(1).split()) >= 5:
        return m.group(1)[:1].upper() + m.group(1)[1:]
    return None


def paraphrase(text: str, lex: Lexicon, rng: random.Random) -> str | None:
    """Apply one or two meaning-preserving substitutions from synonyms.tsv."""
    hits = [
        (m, new) for old, new in lex.synonyms for m in re.finditer(rf"\b{re.escape(old)}\b", text)
    ]
    if not hits:
        return None
    m, new = rng.choice(hits)
    out = _replace_span(text, m.start(), m.end(), new)
    return out if out != text else None


def add_detail(text: str, lex: Lexicon, rng: random.Random) -> str | None:
    """Append an unverifiable detail: the premise neither supports nor refutes the result."""
    if not text.endswith(".") or text.endswith('."'):
        return None
    return text[:-1] + rng.choice(lex.neutral_details) + "."


def weaken_quantity(text: str, lex: Lexicon, rng: random.Random) -> str | None:
    """'more than 1,000' -> 'more than 500' is entailed; returned only for such bounds."""
    del lex, rng
    m = re.search(r"\b(more than|at least|over) (\d{1,3}(?:,\d{3})+|\d+)\b", text, re.IGNORECASE)
    if not m:
        return None
    value = int(m.group(2).replace(",", ""))
    if value < 4:
        return None
    smaller = _format_like(m.group(2), value // 2)
    return _replace_span(text, m.start(2), m.end(2), smaller)
