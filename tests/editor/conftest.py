"""Shared fixtures for the editor and CI integrations: the seed article and a live server."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "niger-withdrawal.txt"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def live_server() -> Iterator[str]:
    """A real uvicorn server on a free loopback port, rules only (fast), stopped afterwards."""
    from checker.config import Settings
    from checker.server.app import ServerConfig, running

    with running(ServerConfig(settings=Settings(use_model=False), warm=False), 15) as url:
        yield url
