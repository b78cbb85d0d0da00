"""A per-document time budget for each rule.

The engine opens a budget around every rule it runs on a document; loops whose cost grows with
the document (sentence pairs) call :func:`check` as they go. A rule that runs out raises
:class:`BudgetExceeded`, the engine drops that rule's findings for that document and reports it
as skipped, and every other rule and file still runs. Nothing is interrupted from outside: a
rule with no check in its loop is never cut short, which is why every rule must also be linear
or n log n in the length of the document.

A rule without a model is timed in the CPU time of the thread running it, not wall time: what a
draft gets must not depend on how busy the machine is (under load, wall time stretched two to
three times and CT102 was skipped on a 4 MB file it finishes in 1.6 s of CPU). A model rule is
timed on the wall clock, since its work runs in the inference library's own threads; either way
the wall-clock limits of ``checker serve`` still bound a request.
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

RULE_SECONDS = 5.0  # per rule and document; far above what any real article takes (< 0.1 s)
# Rules that run a model get longer (scoring a long article on a CPU takes tens of seconds),
# and the engine loads their models before the clock starts.
MODEL_RULE_SECONDS = 120.0

_deadline: contextvars.ContextVar[tuple[float, bool] | None] = contextvars.ContextVar(
    "checker_rule_deadline", default=None)  # (deadline, on the thread's CPU clock)
_cancel: contextvars.ContextVar[threading.Event | None] = contextvars.ContextVar(
    "checker_cancel", default=None)


class BudgetExceeded(Exception):
    """A rule ran out of its time on one document."""


class Cancelled(Exception):
    """The whole check was called off (the client went away, or its request ran out of time)."""


@contextmanager
def cancel_on(event: threading.Event) -> Iterator[None]:
    """Work in this context stops at its next :func:`check` once ``event`` is set."""
    token = _cancel.set(event)
    try:
        yield
    finally:
        _cancel.reset(token)


def _now(cpu: bool) -> float:
    return time.thread_time() if cpu else time.monotonic()


class budget:  # lower case: used as ``with budget(...)``, as when it was a generator
    """``seconds`` for the work inside; ``cpu`` counts the current thread's CPU time.

    A class rather than a ``contextlib.contextmanager`` generator: the engine opens one per rule
    and document, some 12,000 for 400 articles, and the generator's machinery cost more than
    the budget itself."""

    __slots__ = ("_cpu", "_seconds", "_token")

    def __init__(self, seconds: float = RULE_SECONDS, *, cpu: bool = False) -> None:
        self._seconds = seconds
        self._cpu = cpu

    def __enter__(self) -> None:
        self._token = _deadline.set((_now(self._cpu) + self._seconds, self._cpu))

    def __exit__(self, *exc: object) -> None:
        _deadline.reset(self._token)


def check() -> None:
    """Raise ``Cancelled`` once the work is called off, ``BudgetExceeded`` once the current
    rule's budget is spent; a no-op otherwise."""
    event = _cancel.get()
    if event is not None and event.is_set():
        raise Cancelled
    deadline = _deadline.get()
    if deadline is not None and _now(deadline[1]) > deadline[0]:
        raise BudgetExceeded
