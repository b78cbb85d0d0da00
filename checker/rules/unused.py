"""CK100: a suppression comment that silenced nothing (ruff's RUF100)."""

from __future__ import annotations

from collections.abc import Iterable

from checker.document import Document
from checker.findings import Finding
from checker.rules.base import Context, Rule, register


@register
class UnusedSuppression(Rule):
    code = "CK100"
    name = "unused-suppression"
    category = "other"
    reads_english = False
    summary = "A `checker: ignore` comment that no longer silences anything"
    what = """
Reports an inline suppression (`<!-- checker: ignore CODE -->` or `[checker: ignore CODE]`)
whose codes were checked but produced nothing in the text it covers."""
    why = """
Stale suppressions hide the next real problem in that paragraph. Remove them once the text
that needed them is gone."""
    bad_examples = ("[checker: ignore TY104] A clean sentence with nothing to silence.",)
    good_examples = ("[checker: ignore TY104] The the river rose.",)

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        return ()  # the engine reports these after suppressions are applied
