"""How common a word is in English, from wordfreq's English word list (Zipf scale: 0 absent, 3
about once per million words, 7 "the").

The rules read wordfreq's shipped lists directly, in their documented cBpack format (a header,
then one list of words per centibel of frequency), instead of importing wordfreq: the import
brings in its tokenizers (langcodes, ftfy) and costs 0.3 s in every worker process, more than
checking a hundred articles. The 29,000-word ``small`` list answers for common words; the
321,000-word ``large`` list, which also holds the place and family names common on the web
("Dawson" 3.76, "Fitzgibbon" 2.38, "Dawsen" absent), is opened only when a rarer word is asked
about. Both are searched in their packed form rather than decoded (the large one: 40 ms to
open, 1.5 ms a word; decoding it would cost 0.15 s). ``tests/test_wordlist.py``
checks the figures against ``wordfreq.zipf_frequency``.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import importlib.util
import re
from pathlib import Path

import msgpack

from checker.tablecache import table


class WordListMissing(RuntimeError):
    pass


def _data_dir() -> Path:
    spec = importlib.util.find_spec("wordfreq")  # finds the package without importing it
    if spec is None or spec.origin is None:
        raise WordListMissing("the wordfreq package is not installed (pip install wordfreq)")
    return Path(spec.origin).parent / "data"


def wordlist_file(size: str) -> Path:
    """wordfreq's English list of this size ("small", "large"), packed as wordfreq ships it."""
    return _data_dir() / f"{size}_en.msgpack.gz"


def _read(size: str) -> tuple[bytes, list[int]]:
    """The unpacked list and where each centibel's words start in it (skipped, not decoded)."""
    raw = gzip.decompress(wordlist_file(size).read_bytes())
    unpacker = msgpack.Unpacker(raw=False)
    unpacker.feed(raw)
    count = unpacker.read_array_header()
    if unpacker.unpack() != {"format": "cB", "version": 1}:
        raise WordListMissing(f"unexpected format in wordfreq's {size}_en list")
    starts = []
    for _ in range(count - 1):
        starts.append(unpacker.tell())
        unpacker.skip()
    return raw, [*starts, len(raw)]


@functools.cache
def _packed(size: str) -> tuple[bytes, list[int]]:
    """``_read``, kept between runs (``checker.tablecache``): unpacking the large list's gzip
    costs 25 ms a process."""
    return table(f"wordfreq-{size}", 1, [wordlist_file(size)], lambda: _read(size))


def _centibels(size: str, word: str) -> int | None:
    """Searched in the packed bytes: decoding all 321,000 words would cost 0.15 s a process."""
    raw, starts = _packed(size)
    packed = msgpack.packb(word)
    pos = raw.find(packed)
    while pos >= 0:
        centibel = bisect.bisect_right(starts, pos) - 1
        if 0 <= centibel < len(starts) - 1 and word in msgpack.unpackb(
                raw[starts[centibel] : starts[centibel + 1]], raw=False):
            return centibel
        pos = raw.find(packed, pos + 1)
    return None


@functools.cache
def available() -> bool:
    """False when wordfreq is not installed: the rules that need it then stay silent rather than
    guess (every unknown word would look like a slip)."""
    try:
        return bool(_packed("small")[1])
    except (WordListMissing, OSError):
        return False


@functools.lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    key = word.casefold()
    centibel = _centibels("small", key)
    if centibel is None:
        centibel = _centibels("large", key)
    return 0.0 if centibel is None else round(9.0 - centibel / 100.0, 2)


@functools.cache
def known_words() -> frozenset[str]:
    """wordfreq's small list: every word of Zipf 3 or more (29,000), none of them a slip
    (decoded once a machine: ``checker.tablecache``)."""
    return table("wordfreq-small-words", 1, [wordlist_file("small")],
                 lambda: frozenset(common_words(0.0)))


@functools.cache
def common_words(min_zipf: float) -> tuple[str, ...]:
    """The words of the small list at ``min_zipf`` or more (Zipf 4: ten a million words or
    more; about 7,200 words), commonest first: the centibels they are filed under are decoded,
    the rest of the list is not. Decoded once a process: NM104 and TY107 ask for the same."""
    raw, starts = _packed("small")
    last = round((9.0 - min_zipf) * 100)
    words: list[str] = []
    for centibel in range(min(last + 1, len(starts) - 1)):
        words.extend(msgpack.unpackb(raw[starts[centibel] : starts[centibel + 1]], raw=False))
    return tuple(words)


# A line of codespell's list with one fix: "seperate->separate" (several fixes, or a fix with a
# reason to check it, are written with commas).
_ONE_FIX = re.compile(r"(?m)^(.+?)->[^,\n]*$")


@functools.cache
def _codespell_dictionary() -> Path | None:
    """codespell's list of common misspellings (``codespell_lib/data/dictionary.txt``, CC BY-SA
    3.0, derived from English Wikipedia's list: "seperate->separate", one entry a line), or None
    when codespell is absent. The package is found without being imported and the file read as
    data: codespell's code (GPL-2.0) is never run."""
    spec = importlib.util.find_spec("codespell_lib")  # found, not imported
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / "dictionary.txt"
    return path if path.is_file() else None


@functools.cache
def _misspelling_text() -> str:
    """The list's text with a newline put before its first line: a found word's fix is read
    from it (few are found), so a process holds the text and one set, 9 MB, not a table of
    58,000 pairs (18 MB)."""
    path = _codespell_dictionary()
    return "" if path is None else "\n" + path.read_text(encoding="utf-8")


@functools.cache
def _misspellings() -> frozenset[str]:
    """The misspellings the list gives one fix for: 30 ms to read out of its text, kept between
    runs (``checker.tablecache``). Empty when codespell is absent."""
    path = _codespell_dictionary()
    if path is None:
        return frozenset()
    return table("codespell-one-fix", 1, [path],
                 lambda: frozenset(_ONE_FIX.findall(_misspelling_text())))


@functools.cache
def allowed_spellings() -> frozenset[str]:
    """``rules/typography/misspellings-allowed.txt``: words that look like a slip or a listed
    misspelling but are right ("despatch", British; "flamme", as in cycling's "flamme rouge")."""
    from checker.resources import load_lines

    return frozenset(load_lines("typography", "misspellings-allowed.txt"))


def common_misspelling(word: str) -> str | None:
    """The right spelling of ``word`` (lower case) if codespell lists it as a common
    misspelling with one fix ("consistancy" -> "consistency"), and
    ``rules/typography/misspellings-allowed.txt`` does not accept it ("despatch", British);
    else None. An entry with several fixes, or one with a reason to check it, has no single
    right word."""
    if word not in _misspellings() or word in allowed_spellings():
        return None
    text = _misspelling_text()
    at = text.index(f"\n{word}->") + len(word) + 3
    end = text.find("\n", at)
    fix = text[at : len(text) if end < 0 else end].strip()
    return fix or None
