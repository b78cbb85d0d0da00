"""Is a document written in English? The rules read English, and a page in Italian or Spanish
would only draw false alarms from them ("via via" is Italian, not a doubled word).

A document counts as not English when its lower-case words include at least ``MIN_FOREIGN``
different common function words of one other language (``rules/language/function-words.tsv``)
and more than ``FOREIGN_RATIO`` times as many different ones as of English. Words that are also
English are not on the other languages' lists, and capitalised words are not counted ("Le Pen",
"Der Spiegel"), so an English article that quotes a sentence of French, or a results page or a
listing with few function words at all, is never taken for another language. The set of
lower-case words is the one the name rules use, computed once per text.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from checker.resources import load_rows

MIN_FOREIGN = 5  # English news in ../shared/data never has more than 1
FOREIGN_RATIO = 2.0
LANGUAGE_NAMES = {"es": "Spanish", "it": "Italian", "pt": "Portuguese", "fr": "French",
                  "de": "German", "nl": "Dutch"}
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")


@functools.lru_cache(maxsize=4)
def lowercase_words(text: str) -> frozenset[str]:
    """The different lower-case words of ``text`` (of two letters or more, ASCII)."""
    return frozenset(_LOWER_WORD.findall(text))


@functools.cache
def _function_words() -> dict[str, str]:
    return {word.strip(): lang.strip() for lang, word in load_rows("language",
                                                                   "function-words.tsv")}


def function_word_counts(text: str) -> Counter[str]:
    """How many different function words of each language ``text`` uses in lower case."""
    table = _function_words()
    return Counter(table[w] for w in lowercase_words(text) & table.keys())


def other_language(text: str) -> str | None:
    """The language ``text`` is written in when that is plainly not English, else None."""
    counts = function_word_counts(text)
    english = counts.pop("en", 0)
    if not counts:
        return None
    lang, foreign = counts.most_common(1)[0]
    if foreign >= MIN_FOREIGN and foreign > FOREIGN_RATIO * english:
        return lang
    return None
