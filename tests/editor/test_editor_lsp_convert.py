"""Positions in the client's units: UTF-16 by default, so astral characters count twice."""

from __future__ import annotations

from lsprotocol import types

from checker.lsp.convert import Positions


def test_utf16_positions_round_trip() -> None:
    text = "first line\nan 😀 emoji,, here\r\nlast"
    pos = Positions(text)
    offset = text.index(",,")
    p = pos.position(offset)
    assert (p.line, p.character) == (1, 11)  # 😀 is two UTF-16 units
    assert pos.offset(p) == offset
    assert pos.position(len(text)) == types.Position(line=2, character=4)
    assert pos.offset(types.Position(line=9, character=0)) == len(text)


def test_utf32_positions() -> None:
    text = "😀,,"
    pos = Positions(text, units=len)
    assert pos.position(1).character == 1
