"""The rule interface and the registry every rule joins by subclassing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from checker.document import Document
from checker.findings import Applicability, Finding, Fix, Related, Severity

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.modelhub import ModelHub


@dataclass
class Context:
    """What a rule may consult besides the document: settings and lazily loaded models."""

    settings: Settings
    models: ModelHub | None = None
    cache: dict[str, Any] = field(default_factory=dict)
    sources: tuple[Document, ...] = ()  # the texts the draft was written from (--source)


class Rule:
    """A rule: one stable code, one readable name, docs and examples that run as tests."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str]
    what: ClassVar[str]
    why: ClassVar[str]
    bad_examples: ClassVar[tuple[str, ...]] = ()
    good_examples: ClassVar[tuple[str, ...]] = ()
    requires: ClassVar[frozenset[str]] = frozenset()  # e.g. {"nli", "embeddings"}
    fix_applicability: ClassVar[Applicability | None] = None
    enabled_by_default: ClassVar[bool] = True
    # False for rules that do not read English (punctuation, markup, repeated passages): they
    # still run on a document written in another language (checker.language)
    reads_english: ClassVar[bool] = True
    # A [tool.checker] table under which the examples run (for rules that need configuration).
    example_config: ClassVar[dict[str, Any]] = {}
    # The source text the examples are checked against (rules that compare a draft with it).
    example_source: ClassVar[str] = ""

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        *,
        confidence: float | None = None,
        related: Iterable[Related] = (),
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            code=self.code,
            rule=self.name,
            category=self.category,
            severity=severity or self.severity,
            message=message,
            start=start,
            end=end,
            confidence=confidence,
            related=tuple(related),
            fix=fix,
        )

    def finding_at_first(self, places: Sequence[tuple[int, int]], message: str, again: str, *,
                         fix: Fix | None = None) -> Finding:
        """One finding for a problem a document has in several places: at the first, with
        " (and N more)" after ``message`` and the others related (``again``)."""
        (start, end), rest = places[0], places[1:]
        more = f" (and {len(rest)} more)" if rest else ""
        return self.finding(start, end, message + more, fix=fix,
                            related=tuple(Related(s, e, again) for s, e in rest))

    @classmethod
    def docs(cls) -> str:
        lines = [f"# {cls.code} {cls.name}", "", f"Category: {cls.category}. "
                 f"Default severity: {cls.severity.label}.", ""]
        if cls.requires:
            lines += [f"Needs: {', '.join(sorted(cls.requires))} (loaded on first use).", ""]
        lines += ["## What it does", cls.what.strip(), "", "## Why is this bad?", cls.why.strip()]
        if cls.fix_applicability is not None:
            kind = cls.fix_applicability.value
            article = "an" if kind[:1] in "aeiou" else "a"
            lines += ["", "## Fix", f"Offers {article} {kind} fix."]
        if cls.example_source:
            lines += ["", "## Source the examples are checked against",
                      *(f"    {line}" for line in cls.example_source.splitlines())]
        if cls.bad_examples:
            lines += ["", "## Example", *(f"    {e}" for e in cls.bad_examples)]
        if cls.good_examples:
            lines += ["", "## Use instead / not flagged", *(f"    {e}" for e in cls.good_examples)]
        return "\n".join(lines) + "\n"


_REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    if cls.code in _REGISTRY and _REGISTRY[cls.code] is not cls:
        raise ValueError(f"rule code {cls.code} registered twice")
    _REGISTRY[cls.code] = cls
    return cls


def registered() -> dict[str, type[Rule]]:
    return dict(_REGISTRY)
