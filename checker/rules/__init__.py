"""The built-in rules. Importing this package registers them all."""

from __future__ import annotations

import importlib

from checker import patterncache
from checker.rules.base import Context, Rule, register, registered

_MODULES = ("spam", "names", "slips", "typography", "garble", "spun", "numbers", "changes", "rows",
            "unused", "contradiction", "offtopic", "source")


_imported = False
WARM_UP_TEXT = "Warm-up text. It says little.\n"


def all_rules() -> list[type[Rule]]:
    global _imported
    if not _imported:  # asked once per file checked: import the modules the first time only
        # their patterns come compiled from an earlier run's file where it has them
        # (checker.patterncache), and the file is written again when it lacks some
        patterncache.load()
        with patterncache.recording() as compiled:
            for module in _MODULES:
                importlib.import_module(f"checker.rules.{module}")
        _imported = True
        if patterncache.lacks(compiled):
            patterncache.save(compiled, warm_up)
    return sorted(registered().values(), key=lambda r: r.code)


def warm_up() -> None:
    """Check a fixed text without the model: what every check compiles, compiled."""
    from checker.config import Settings
    from checker.engine import check_text

    check_text(WARM_UP_TEXT, "warm.txt", "text", Settings(use_model=False))


def rule_by_code(code: str) -> type[Rule] | None:
    for rule in all_rules():
        if rule.code == code.upper():
            return rule
    return None


__all__ = ["Context", "Rule", "all_rules", "register", "rule_by_code", "warm_up"]
