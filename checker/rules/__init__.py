"""The built-in rules. Importing this package registers them all."""

from __future__ import annotations

import importlib

from checker.rules.base import Context, Rule, register, registered

_MODULES = ("spam", "names", "slips", "typography", "garble", "spun", "numbers", "changes",
            "unused", "contradiction", "offtopic", "source")


_imported = False


def all_rules() -> list[type[Rule]]:
    global _imported
    if not _imported:  # asked once per file checked: import the modules the first time only
        for module in _MODULES:
            importlib.import_module(f"checker.rules.{module}")
        _imported = True
    return sorted(registered().values(), key=lambda r: r.code)


def rule_by_code(code: str) -> type[Rule] | None:
    for rule in all_rules():
        if rule.code == code.upper():
            return rule
    return None


__all__ = ["Context", "Rule", "all_rules", "register", "rule_by_code"]
