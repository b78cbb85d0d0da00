"""Edited journalism is quiet: the 406 CNN/Daily Mail articles, rules only.

Budget: at most 0.2 findings per article at warning or above. Every finding is printed (code,
article id, text) so misfires can be inspected: ``pytest -m slow -s tests/test_news_quiet.py``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine import check_text
from checker.findings import Severity

pytestmark = pytest.mark.slow

EXPECTED_ARTICLES = 406
BUDGET_PER_ARTICLE = 0.2


def _articles(shared_data: Path) -> list[dict[str, str]]:
    path = shared_data / "news" / "cnn_dailymail_dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_news_articles_are_quiet(shared_data: Path) -> None:
    articles = _articles(shared_data)
    assert len(articles) == EXPECTED_ARTICLES
    settings = Settings(use_model=False)
    loud: list[tuple[str, str, str, str]] = []
    quiet_count = 0
    for article in articles:
        result = check_text(article["text"], f"{article['id']}.txt", "text", settings)
        assert result.error is None, f"{article['id']}: {result.error}"
        doc = result.document
        assert doc is not None
        for f in result.findings:
            snippet = doc.text[max(0, f.start - 30) : f.end + 30].replace("\n", " ")
            row = (f.code, article["id"], doc.text[f.start : f.end][:80], snippet)
            if f.severity >= Severity.WARNING:
                loud.append(row)
            else:
                quiet_count += 1
    per_article = len(loud) / len(articles)
    print(f"\n{len(loud)} finding(s) at warning or above in {len(articles)} articles "
          f"({per_article:.3f} per article; budget {BUDGET_PER_ARTICLE}); "
          f"{quiet_count} below warning")
    print("by code:", dict(sorted(Counter(r[0] for r in loud).items())))
    for code, article_id, text, context in sorted(loud):
        print(f"{code}\t{article_id}\t{text!r}\t…{context}…")
    assert per_article <= BUDGET_PER_ARTICLE, (
        f"{len(loud)} findings in {len(articles)} articles: "
        + "; ".join(f"{c} {a} {t!r}" for c, a, t, _ in sorted(loud)[:40]))
