"""Lab side (never imported by a check): draft/source pairs made from real news articles.

For each article (the source) a *faithful* rewrite cuts about a quarter of the sentences, moves
one, and rewords some (synonyms, a dropped trailing clause or attribution; never inside
quotation marks); it must give no findings. A *corrupted* copy of that rewrite then changes one
sentence for each kind an editor must catch: an inverted claim (antonym), a dropped negation, a
changed number, a respelled name, an altered quotation and a changed title. Each change is
recorded with its span in the corrupted text, so recall and precision can be counted per kind.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from checker.inputs import build_document
from checker.nli import transforms
from checker.nli.lexicon import Lexicon, load_lexicon
from checker.rules.names import name_mentions
from checker.source.text import QUOTATION, title_groups

KINDS = ("inverted", "negation", "number", "name", "quote", "title")
DROP_SHARE = 0.25
REWORD_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class Corruption:
    kind: str
    start: int  # the changed sentence in the corrupted text
    end: int
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class PairSet:
    id: str
    source: str
    faithful: str
    corrupted: str
    corruptions: tuple[Corruption, ...]


def split_of(article_id: str) -> str:
    """A fixed third of the articles is for tuning ("dev"); the rest is held out."""
    digest = int(hashlib.sha1(article_id.encode()).hexdigest(), 16)
    return "dev" if digest % 3 == 0 else "held-out"


def _sentences(text: str) -> list[str]:
    """Sentences, a quotation that runs over several kept together (a rewrite keeps it whole)."""
    doc = build_document("<source>", text)
    units: list[str] = []
    open_quote = False
    for span in doc.sentences:
        s = doc.text[span.start : span.end]
        if open_quote and units:
            units[-1] += " " + s
        else:
            units.append(s)
        if len(re.findall("[\"“”]", s)) % 2:
            open_quote = not open_quote
    return units


def _has_quote(s: str) -> bool:
    return bool(re.search("[\"“”]", s))


def _reword(s: str, lex: Lexicon, rng: random.Random) -> str:
    if _has_quote(s):
        return s
    for fn in rng.sample([transforms.paraphrase, transforms.drop_trailing_clause,
                          transforms.drop_attribution], 3):
        out = fn(s, lex, rng)
        if out and out != s and len(out.split()) >= 4:
            return out
    return s


def faithful(sentences: list[str], rng: random.Random, lex: Lexicon) -> list[str]:
    keep = [s for i, s in enumerate(sentences) if i == 0 or rng.random() >= DROP_SHARE]
    if len(keep) > 4:  # move one sentence a little
        i = rng.randrange(1, len(keep) - 1)
        keep.insert(i + 1, keep.pop(i))
    return [_reword(s, lex, rng) if rng.random() < REWORD_SHARE else s for s in keep]


def _respell(s: str, rng: random.Random) -> str | None:
    doc = build_document("<sentence>", s)
    skip = {w.lower() for w in (*calendar.month_name, *calendar.day_name) if w}
    skip |= frozenset().union(*title_groups().values())
    names = [m for m in name_mentions(doc) if len(m.token) >= 5 and m.token.lower() not in skip
             and m.start > 0]
    rng.shuffle(names)
    swaps = [("s", "z"), ("z", "s"), ("c", "k"), ("k", "c"), ("ph", "f"), ("f", "ph"),
             ("o", "ou"), ("ou", "o"), ("ee", "i"), ("i", "y"), ("y", "i"), ("ll", "l"),
             ("l", "ll"), ("tt", "t"), ("t", "tt"), ("n", "nn"), ("e", "a"), ("a", "e")]
    for m in names:
        word = m.token
        options = [(a, b) for a, b in swaps if a in word[1:]]
        if options:
            a, b = rng.choice(options)
            i = word.index(a, 1)
            new = word[:i] + b + word[i + len(a):]
            return s[: m.start] + new + s[m.end:]
    return None


def _alter_quote(s: str, lex: Lexicon, rng: random.Random) -> str | None:
    m = QUOTATION.search(s)
    if not m or len(m.group(1).split()) < 4:
        return None
    inner = m.group(1)
    synonyms = [(old, new) for old, new in lex.synonyms if re.search(rf"\b{re.escape(old)}\b",
                                                                     inner)]
    if synonyms and rng.random() < 0.5:
        old, new = rng.choice(synonyms)
        changed = re.sub(rf"\b{re.escape(old)}\b", new, inner, count=1)
    else:
        words = inner.split(" ")
        i = rng.randrange(1, len(words) - 1)
        changed = " ".join(words[:i] + words[i + 1:])
    return s[: m.start(1)] + changed + s[m.end(1):] if changed != inner else None


def _retitle(s: str, rng: random.Random) -> str | None:
    groups = title_groups()
    hits = [(m, g) for m in re.finditer(r"\b[A-Z][a-z]+\b", s) for g in groups.values()
            if m.group(0).lower() in g]
    if not hits:
        return None
    m, group = rng.choice(hits)
    new = rng.choice(sorted(group - {m.group(0).lower()}))
    return s[: m.start()] + new.capitalize() + s[m.end():]


def _corrupters(lex: Lexicon, rng: random.Random) -> dict[str, Callable[[str], str | None]]:
    def plain(fn: transforms.Transform) -> Callable[[str], str | None]:
        return lambda s: None if _has_quote(s) else fn(s, lex, rng)

    return {
        "inverted": plain(transforms.antonym_swap),
        "negation": plain(transforms.remove_negation),
        "number": plain(transforms.change_number),
        "name": lambda s: _respell(s, rng),
        "quote": lambda s: _alter_quote(s, lex, rng),
        "title": lambda s: _retitle(s, rng),
    }


def corrupt(sentences: list[str], rng: random.Random, lex: Lexicon) -> \
        tuple[list[str], list[tuple[int, str, str, str]]]:
    out = list(sentences)
    used: set[int] = set()
    changes = []
    for kind, fn in _corrupters(lex, rng).items():
        order = list(range(1, len(out)))
        rng.shuffle(order)
        for i in order:
            if i in used or len(out[i].split()) < 6:
                continue
            new = fn(out[i])
            if new and new != out[i]:
                changes.append((i, kind, out[i], new))
                out[i] = new
                used.add(i)
                break
    return out, changes


def _join(sentences: list[str]) -> tuple[str, list[tuple[int, int]]]:
    spans, pos, parts = [], 0, []
    for i, s in enumerate(sentences):
        sep = "\n\n" if i and i % 3 == 0 else (" " if i else "")
        pos += len(sep)
        spans.append((pos, pos + len(s)))
        parts.append(sep + s)
        pos += len(s)
    return "".join(parts), spans


def make_pair(article_id: str, text: str, seed: int = 0) -> PairSet:
    rng = random.Random(f"{seed}:{article_id}")
    lex = load_lexicon()
    sents = _sentences(text)
    kept = faithful(sents, rng, lex)
    bad, changes = corrupt(kept, rng, lex)
    faithful_text, _ = _join(kept)
    corrupted_text, spans = _join(bad)
    found = tuple(Corruption(kind, *spans[i], before, after) for i, kind, before, after in changes)
    return PairSet(article_id, text, faithful_text, corrupted_text, found)


def read_articles(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                item = json.loads(line)
                yield str(item["id"]), str(item["text"])
