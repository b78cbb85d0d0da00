"""Clean BBC and CNN articles stay quiet in every section: all rules, no model, at most 0.2
findings at warning or above per article (issue 11). Prints what remains, to be read:
``pytest -m slow -s tests/test_bbc_quiet.py``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from checker.garble_lab.evaluate import clean_counts, load_articles

pytestmark = pytest.mark.slow

BUDGET_PER_ARTICLE = 0.2
SECTIONS = {"business", "entertainment", "politics", "sport", "tech", "cnn"}


def test_every_section_is_quiet(shared_data: Path) -> None:
    articles = load_articles(shared_data / "news")
    if {a.section for a in articles} != SECTIONS:
        pytest.skip("the BBC and CNN archives are not both present")
    per_section, lines = clean_counts(articles)
    print("\nby code:", dict(sorted(Counter(line.split("\t")[0] for line in lines).items())))
    print("\n".join(lines))
    rates = {s: sum(c) / len(c) for s, c in per_section.items()}
    print(rates)
    assert len(per_section["sport"]) == 510 and len(per_section["cnn"]) == 406
    assert all(rate <= BUDGET_PER_ARTICLE for rate in rates.values()), rates
