"""One-off misspellings of any proper noun: a capitalised word one keystroke away from another
capitalised word of the same document, used less often, and not an English word or a common name.

"Southampton" … "Southamtpon", "the Ministry of Defence" … "Defnce", "Scotland's" … "Scotlnad's".
Distances are rapidfuzz's optimal string alignment (a swap of two letters counts one), computed
for all pairs at once in C. wordfreq tells a slip (Zipf 0) from a second real name ("Mali" /
"Mail", "Aston" / "Austin": both common, both left alone).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import OSA
from rapidfuzz.process import cdist

from checker.document import Document
from checker.rules.wordlist import zipf

# A capitalised word, hyphenated parts included ("Al-Qaeda"), never the tail of "McDonald".
_TOKEN = re.compile(r"(?:(?<![\w'’-])|(?<=[a-z]-))[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?!\w)")
_LOWER = re.compile(r"\b[a-z][a-z'’-]+\b")
MIN_LENGTH = 5
# The misspelling is rare on the web; the right spelling is clearly commoner, or used more often
# in this document.
MAX_VARIANT_ZIPF = 1.5
MIN_ZIPF_GAP = 1.5
MAX_VARIANT_USES = 2
# Or: a truncated or garbled form that is itself a rare word ("Indi" for "India"), when the
# right spelling is far commoner and used more often here.
MAX_RARE_VARIANT_ZIPF = 2.8
MIN_RARE_ZIPF_GAP = 2.5
# A capitalised everyday word ("Life", "Night") is a title or a heading, not a name to respell.
MAX_CANONICAL_ZIPF = 5.5
_PLURAL = ("s", "es")


@dataclass(frozen=True, slots=True)
class OneOff:
    variant: str
    canonical: str
    spans: tuple[tuple[int, int], ...]  # where the variant is written
    anchor: tuple[int, int]  # the first use of the right spelling


def _plural(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return (not short.endswith("s") and long.startswith(short)
            and long[len(short):] in _PLURAL)


def _pick(a: str, b: str, uses: dict[str, list[tuple[int, int]]]) -> tuple[str, str] | None:
    """(variant, canonical), or None when the two look like two real names."""
    za, zb = zipf(a), zipf(b)
    variant, canonical = (a, b) if (za, -len(uses[a])) < (zb, -len(uses[b])) else (b, a)
    zv, zc = min(za, zb), max(za, zb)
    nv, nc = len(uses[variant]), len(uses[canonical])
    if nv > MAX_VARIANT_USES or zc > MAX_CANONICAL_ZIPF:
        return None
    if zv <= MAX_RARE_VARIANT_ZIPF and zc - zv >= MIN_RARE_ZIPF_GAP and nc > nv:
        return variant, canonical
    if zv > MAX_VARIANT_ZIPF:
        return None
    if zc - zv >= MIN_ZIPF_GAP and nc >= nv:
        return variant, canonical
    if nc > nv and zipf(variant) <= zipf(canonical):
        return variant, canonical
    return None


def one_off_variants(doc: Document) -> list[OneOff]:
    text = doc.text
    uses: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in _TOKEN.finditer(text):
        if len(m.group()) >= MIN_LENGTH - 1:
            uses[m.group()].append((m.start(), m.end()))
    lower = set(_LOWER.findall(text))
    tokens = [t for t in uses if t.lower() not in lower]
    if len(tokens) < 2:
        return []
    distances = cdist(tokens, tokens, scorer=OSA.distance, score_cutoff=1, workers=1)
    found: dict[str, OneOff] = {}
    for i, j in zip(*(distances == 1).nonzero(), strict=True):
        if i >= j:
            continue
        a, b = tokens[i], tokens[j]
        if a[0] != b[0] or a.lower() == b.lower() or _plural(a, b):
            continue
        if max(len(a), len(b)) < MIN_LENGTH:
            continue  # "Fay" / "Faye", "Iran" / "Iraq": too short to tell
        picked = _pick(a, b, uses)
        if picked is None:
            continue
        variant, canonical = picked
        if variant in found and len(uses[found[variant].canonical]) >= len(uses[canonical]):
            continue
        found[variant] = OneOff(variant, canonical, tuple(uses[variant]), uses[canonical][0])
    return sorted(found.values(), key=lambda o: o.spans[0])
