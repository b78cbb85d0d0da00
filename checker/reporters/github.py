"""GitHub Actions workflow commands: one ``::warning file=…`` annotation per finding.

The annotations are read off the SARIF report (``from_sarif``), so the two formats can never
disagree, and the Action prints them from the SARIF file it uploads instead of checking twice:
``python -m checker.reporters.github checker.sarif``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote

from checker.engine import FileResult

_LEVEL = {"error": "error", "warning": "warning", "note": "notice", "none": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[FileResult], *, color: bool = False) -> str:
    from checker.reporters.sarif import as_dict

    return from_sarif(as_dict(results))


def from_sarif(sarif: dict[str, Any]) -> str:
    """Annotations for every result and every file that could not be checked in a SARIF log."""
    out: list[str] = []
    for run in sarif.get("runs", []):
        out.extend(_annotation(result) for result in run.get("results", []))
        for invocation in run.get("invocations", []):
            for note in invocation.get("toolExecutionNotifications", []):
                uri = _uri(note)
                where = f"file={_prop(uri)}," if uri else ""
                out.append(f"::error {where}title=checker::{_data(note['message']['text'])}")
    return "\n".join(out) + ("\n" if out else "")


def _annotation(result: dict[str, Any]) -> str:
    region = result["locations"][0]["physicalLocation"].get("region", {})
    line, end_line = region.get("startLine", 1), region.get("endLine", region.get("startLine", 1))
    loc = f"file={_prop(_uri(result))},line={line},endLine={end_line}"
    if line == end_line and "startColumn" in region:
        loc += f",col={region['startColumn']},endColumn={region.get('endColumn', '')}"
    props = result.get("properties", {})
    title = f"{result['ruleId']} {props.get('rule', '')}".strip()
    if "document" in props:  # a record of a JSON Lines archive
        title += f" in {props['document']}"
    level = _LEVEL.get(result.get("level", "warning"), "warning")
    return f"::{level} {loc},title={_prop(title)}::{_data(result['message']['text'])}"


def _uri(item: dict[str, Any]) -> str:
    locations = item.get("locations") or [{}]
    artifact = locations[0].get("physicalLocation", {}).get("artifactLocation", {})
    return unquote(str(artifact.get("uri", "")))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the annotations of a SARIF file; exit 2 with a message if it cannot be read."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m checker.reporters.github FILE.sarif", file=sys.stderr)
        return 2
    try:
        with open(args[0], encoding="utf-8") as fh:
            sarif = json.load(fh)
        text = from_sarif(sarif)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        print(f"checker: {args[0]}: not a readable SARIF report ({exc})", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
