"""Text from a draft or a file name, made safe to print on a terminal.

A draft can hold escape sequences (clear the screen, rewrite the title, hide text) and bidi
controls that make a line read differently from what it is. Each such character becomes one
U+FFFD, so a caret line under a snippet still points at the right column.
"""

from __future__ import annotations

import re

# C0 controls but tab, DEL and C1 controls, and the bidi embedding/override/isolate controls.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str, keep_newlines: bool = False) -> str:
    if keep_newlines:
        return "\n".join(_UNSAFE.sub("\ufffd", line) for line in text.split("\n"))
    return _UNSAFE.sub("\ufffd", text)
