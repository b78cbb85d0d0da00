"""JSON Lines archives: every line's article is checked as its own document."""

from __future__ import annotations

import json
from pathlib import Path

from checker.config import Settings, with_cli
from checker.engine import check_file
from checker.inputs import iter_files, read_bytes, split_record


def _archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.jsonl"
    rows = [
        json.dumps({"id": "a1", "text": "The the council met on Monday."}),
        json.dumps({"id": "a2", "text": "The council met on Tuesday."}),
        "not json at all",
        json.dumps({"text": "No id here, so the line number names it."}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_archive_expands_into_records_in_file_order(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    records = list(iter_files([str(tmp_path)]))
    keys = [split_record(r)[1] for r in records]  # type: ignore[index]
    assert keys == ["a1", "a2", "line-3", "line-4"]
    assert read_bytes(f"{archive}#a2") == b"The council met on Tuesday."


def test_each_record_is_checked_and_a_bad_line_is_its_own_error(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    settings = with_cli(Settings(), use_model=False)
    first = check_file(f"{archive}#a1", settings)
    assert [f.code for f in first.findings] == ["TY104"]
    assert first.document is not None and not first.document.offsets_are_source
    bad = check_file(f"{archive}#line-3", settings)
    assert bad.error is not None and "line 3" in bad.error and str(archive) in bad.error
    missing = check_file(f"{archive}#zz", settings)
    assert missing.error is not None and "no record 'zz'" in missing.error
