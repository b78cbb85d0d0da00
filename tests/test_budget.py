"""The per-rule budget: CPU time for rules without a model, so findings do not depend on load."""

from __future__ import annotations

import time

import pytest

from checker.budget import BudgetExceeded, budget, check


def test_cpu_budget_ignores_time_spent_waiting() -> None:
    with budget(0.05, cpu=True):
        time.sleep(0.2)  # a busy machine: the clock moves, this thread's CPU does not
        check()


def test_cpu_budget_stops_work_that_uses_it_up() -> None:
    started = time.monotonic()
    with pytest.raises(BudgetExceeded), budget(0.05, cpu=True):
        while True:
            sum(range(1000))
            check()
    assert time.monotonic() - started < 5


def test_wall_budget_counts_waiting() -> None:
    with pytest.raises(BudgetExceeded), budget(0.05):
        time.sleep(0.1)
        check()
