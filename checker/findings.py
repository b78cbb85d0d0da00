"""Value types that flow from rules to reporters.

Offsets are 0-based, half-open character offsets into ``Document.text``; only reporters turn them
into lines and columns (STYLE habit 1).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected info, warning or error)"
            ) from None


CATEGORIES = (
    "spam",
    "name",
    "contradiction",
    "number",
    "typography",
    "garble",
    "source",
    "other",
)


class Applicability(enum.Enum):
    """How safe a fix is to apply without a person looking (ruff's Applicability)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE


@dataclass(frozen=True, slots=True)
class Related:
    start: int
    end: int
    message: str
    path: str | None = None  # set when the span is in another file (a source text), not the draft
    code: str | None = None  # set when this is another rule's finding merged into this one


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    rule: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    confidence: float | None = None
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    @property
    def sort_key(self) -> tuple[int, int, str, tuple[tuple[int, int], ...], str]:
        """A total order: two findings of one rule on one span (a sentence that flips two
        earlier ones) are ordered by what they relate to, not by set iteration order, which
        changes with each process's string hashing and made batch tables differ."""
        return (self.start, self.end, self.code,
                tuple((r.start, r.end) for r in self.related), self.message)
