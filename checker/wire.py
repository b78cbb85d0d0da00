"""Findings and settings as JSON values, for ``checker check --server``.

The command line sends a running ``checker serve`` the settings that decide a draft's findings
and reads the findings back. The JSON report is a display format (confidence rounded, fixes
shown only where offsets are the file's), so the trip uses its own exact form here: a finding
read back equals the one the server's engine returned, and the settings the server rebuilds go
through the configuration file's own validation (``settings_from_table``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from checker.config import ConfigError, Settings, settings_from_table
from checker.findings import Applicability, Edit, Finding, Fix, Related, Severity

# The [tool.checker] keys that change findings. The others (exclude, fail-on, min-severity,
# sources, ...) decide what is read and shown, which stays with the command line.
CONFIG_KEYS = ("select", "ignore", "severity", "overrides", "names", "spam", "nli")


def settings_to_wire(settings: Settings, path: str) -> dict[str, Any]:
    """The settings for the draft at ``path`` as a [tool.checker] table. The overrides that
    apply to ``path`` are sent to apply to any path: the server does not see this folder."""
    return {
        "select": list(settings.select),
        "ignore": list(settings.ignore),
        "severity": {code: sev.label for code, sev in settings.severity.items()},
        "overrides": [{"paths": ["*"], "ignore": list(o.ignore),
                       "severity": {code: sev.label for code, sev in o.severity.items()},
                       **({"select": list(o.select)} if o.select is not None else {})}
                      for o in settings.overrides_for(path)],
        "names": dict(settings.names),
        "spam": dict(settings.spam),
        "nli": dict(settings.nli),
    }


def settings_from_wire(table: dict[str, Any]) -> Settings:
    """The settings a request's ``config`` names; ``ConfigError`` for what a configuration
    file could not say either, or for a key that does not change findings. The ``[nli]``
    model is taken as written, never looked up here: it only has to name the model the server
    loaded (``checker.server.api``), and a request must not probe the server's folders."""
    unknown = sorted(set(table) - set(CONFIG_KEYS))
    if unknown:
        raise ConfigError(f"unknown or non-finding setting(s) {', '.join(unknown)}; a check "
                          f"takes {', '.join(CONFIG_KEYS)}")
    nli = table.get("nli", {})
    model = nli.get("model") if isinstance(nli, dict) else None
    if model is None:
        return settings_from_table(table, "config")
    if not isinstance(model, str):
        raise ConfigError("config: [nli] model must be a folder, a model id or \"aegis\"")
    settings = settings_from_table({**table, "nli": {k: v for k, v in nli.items()
                                                     if k != "model"}}, "config")
    return replace(settings, nli={**settings.nli, "model": model})


def finding_to_wire(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code, "rule": f.rule, "category": f.category, "severity": f.severity.label,
        "message": f.message, "start": f.start, "end": f.end, "confidence": f.confidence,
        "related": [{"start": r.start, "end": r.end, "message": r.message, "path": r.path,
                     "code": r.code} for r in f.related],
        "fix": None if f.fix is None else {
            "description": f.fix.description, "applicability": f.fix.applicability.value,
            "edits": [[e.start, e.end, e.replacement] for e in f.fix.edits]},
    }


def finding_from_wire(data: Any) -> Finding:
    """A finding read back; ``ValueError`` (or ``TypeError``/``KeyError``) when ``data`` is not
    one."""
    if not isinstance(data, dict):
        raise ValueError("a finding is not an object")
    fix = data["fix"]
    confidence = data["confidence"]
    return Finding(
        code=_text(data["code"]), rule=_text(data["rule"]), category=_text(data["category"]),
        severity=Severity.parse(_text(data["severity"])), message=_text(data["message"]),
        start=_offset(data["start"]), end=_offset(data["end"]),
        confidence=None if confidence is None else float(confidence),
        related=tuple(Related(_offset(r["start"]), _offset(r["end"]), _text(r["message"]),
                              _optional(r["path"]), _optional(r["code"]))
                      for r in data["related"]),
        fix=None if fix is None else Fix(
            _text(fix["description"]),
            tuple(Edit(_offset(a), _offset(b), _text(text)) for a, b, text in fix["edits"]),
            Applicability(fix["applicability"])),
    )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, not {type(value).__name__}")
    return value


def _optional(value: Any) -> str | None:
    return None if value is None else _text(value)


def _offset(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"expected an offset, not {value!r}")
    return value
