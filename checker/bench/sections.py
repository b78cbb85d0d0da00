"""One report file written by several benchmarks, each owning a marked section of it."""

from __future__ import annotations

from pathlib import Path

from checker.atomic import write_text


def write_section(path: Path, name: str, text: str) -> None:
    """Put ``text`` between this section's markers in ``path``, keeping the other sections (a
    section not there yet is added at the end)."""
    begin, end = f"<!-- begin {name} -->", f"<!-- end {name} -->"
    block = f"{begin}\n{text.rstrip()}\n{end}\n"
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    if begin in old and end in old:
        head, rest = old.split(begin, 1)
        new = head + block + rest.split(end, 1)[1].lstrip("\n")
    else:
        new = old + ("\n" if old and not old.endswith("\n\n") else "") + block
    write_text(path, new)
