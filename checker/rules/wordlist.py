"""How common a word is in English, from wordfreq's English word list (Zipf scale: 0 absent, 3
about once per million words, 7 "the").

The rules read wordfreq's shipped lists directly, in their documented cBpack format (a header,
then one list of words per centibel of frequency), instead of importing wordfreq: the import
brings in its tokenizers (langcodes, ftfy) and costs 0.3 s in every worker process, more than
checking a hundred articles. The 29,000-word ``small`` list (15 ms) answers for common words;
the 321,000-word ``large`` list, which also holds the place and family names common on the web
("Dawson" 3.76, "Fitzgibbon" 2.38, "Dawsen" absent), is read only when a rarer word is asked
about, and searched in its packed form (40 ms to open, 1.5 ms a word). ``tests/test_wordlist.py``
checks the figures against ``wordfreq.zipf_frequency``.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import importlib.util
import itertools
from pathlib import Path

import msgpack


class WordListMissing(RuntimeError):
    pass


def _data_dir() -> Path:
    spec = importlib.util.find_spec("wordfreq")  # finds the package without importing it
    if spec is None or spec.origin is None:
        raise WordListMissing("the wordfreq package is not installed (pip install wordfreq)")
    return Path(spec.origin).parent / "data"


def _read(size: str) -> tuple[bytes, list[int]]:
    """The unpacked list and where each centibel's words start in it (skipped, not decoded)."""
    raw = gzip.decompress((_data_dir() / f"{size}_en.msgpack.gz").read_bytes())
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
def _small() -> dict[str, int]:
    """word -> centibels below 1, for the 29,000 commonest words (decoded whole: 15 ms)."""
    raw, starts = _read("small")
    index: dict[str, int] = {}
    for centibel, (a, b) in enumerate(itertools.pairwise(starts)):
        index.update(dict.fromkeys(msgpack.unpackb(raw[a:b], raw=False), centibel))
    return index


@functools.cache
def _large() -> tuple[bytes, list[int]]:
    return _read("large")


def _large_centibels(word: str) -> int | None:
    """Searched in the packed bytes: decoding all 321,000 words would cost 0.15 s a process."""
    raw, starts = _large()
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
        return bool(_small())
    except (WordListMissing, OSError):
        return False


@functools.lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    key = word.casefold()
    centibel = _small().get(key)
    if centibel is None:
        centibel = _large_centibels(key)
    return 0.0 if centibel is None else round(9.0 - centibel / 100.0, 2)
