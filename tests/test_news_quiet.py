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


def test_news_sentences_and_positions_hold(shared_data: Path) -> None:
    """On real text: sentence boundaries fall on whitespace, inside paragraphs, in order."""
    from checker.inputs import build_document

    for article in _articles(shared_data):
        doc = build_document(article["id"], article["text"], "text")
        text = doc.text
        assert doc.sentences, article["id"]
        previous = 0
        for s in doc.sentences:
            assert previous <= s.start < s.end <= len(text), article["id"]
            assert s.start == 0 or text[s.start - 1].isspace(), (article["id"], s)
            assert s.end == len(text) or text[s.end].isspace(), (article["id"], s)
            assert not text[s.start].isspace() and not text[s.end - 1].isspace()
            previous = s.end
        line, col = doc.line_col(len(text))
        assert line == text.count("\n") + 1 and col == len(text) - text.rfind("\n")
