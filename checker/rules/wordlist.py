"""How common a word is in English, from wordfreq's word list (Zipf scale: 0 absent, 3 about one
in a million words, 7 "the").

wordfreq is imported on first use only, so a document that never asks pays nothing; its large
English list also holds the place and family names common on the web, which is what tells a real
name ("Dawson", 3.8) from a slip ("Dawsen", 0).
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), "en"))
