"""A batch's sentences embedded together give the same reports as each document on its own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checker.batch.cli import parser, plan
from checker.batch.plan import DocumentJob
from checker.batch.pool import pooled_hubs
from checker.batch.work import process_batch, process_job, read_job
from checker.rules.contradiction import ModelContradiction
from checker.rules.offtopic import OffTopicLine

from .conftest import DRAFTS, SEED


def _undated(html: str) -> str:
    return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "", html)  # when it was generated


def _jobs(folder: Path, *extra: str) -> list[DocumentJob]:
    args = parser().parse_args([str(folder), "--out", str(folder.parent / "out"), *extra])
    return plan(sorted(str(p) for p in folder.iterdir()), args)


def test_nothing_is_embedded_ahead_for_a_run_without_the_model(drafts: Path) -> None:
    jobs = _jobs(drafts, "--no-model")
    assert pooled_hubs(jobs, [read_job(job) for job in jobs]) == {}


@pytest.mark.model
def test_pooled_embeddings_give_the_same_reports_as_one_document_at_a_time(
        tmp_path: Path, shared_data: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    with (shared_data / "news" / "cnn_dailymail_dev.jsonl").open(encoding="utf-8") as fh:
        for n, line in zip(range(7), fh, strict=False):
            (folder / f"cnn-{n}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "typos.txt").write_text(DRAFTS["typos.txt"], encoding="utf-8")
    (folder / "flip.txt").write_text(ModelContradiction.bad_examples[0], encoding="utf-8")
    (folder / "teaser.txt").write_text(OffTopicLine.bad_examples[0], encoding="utf-8")
    jobs = _jobs(folder)
    hubs = pooled_hubs(jobs, [read_job(job) for job in jobs])
    assert len(hubs) == len(jobs) and len({id(h) for h in hubs.values()}) == 1  # one call
    together = process_batch(jobs)
    alone = [process_job(job) for job in jobs]
    assert [o.record for o in together] == [o.record for o in alone]
    assert [_undated(o.html) for o in together] == [_undated(o.html) for o in alone]
    codes = {f["code"] for o in together for f in o.record["findings"]}
    assert {"CT101", "SP110"} <= codes  # both rules that use the embeddings ran


def test_plain_batching_embeds_each_document_on_its_own(
        drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CHECKER_BATCHING=plain, the benchmarks' baseline, is the old way: nothing pooled."""
    monkeypatch.setenv("CHECKER_BATCHING", "plain")
    jobs = _jobs(drafts)
    assert pooled_hubs(jobs, [read_job(job) for job in jobs]) == {}
