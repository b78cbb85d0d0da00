"""Shared fixtures for the suite; the helpers themselves live in testkit.py."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from testkit import FIXTURES, REPO_ROOT, SEED, SHARED_DATA, CliResult, run_cli, run_json

# Checks in the suite start afresh: a test that changes a rule's behaviour (monkeypatch) must not
# be answered from an entry an earlier test left; tests/test_resultcache.py turns the cache on.
os.environ["CHECKER_NO_CACHE"] = "1"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` next to the checkout; tests that need it skip cleanly without it."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(name="run_cli")
def run_cli_fixture() -> Callable[..., CliResult]:
    return run_cli


@pytest.fixture(name="run_json")
def run_json_fixture() -> Callable[..., tuple[int, dict[str, Any], str]]:
    return run_json


