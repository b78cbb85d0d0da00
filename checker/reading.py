"""Bytes in, text out: bounded reads of regular files and stdin, and decoding as people save.

Only regular files and stdin are read. A device (``/dev/zero``), a FIFO or a socket is refused by
its type before a byte is read, since reading one may never end; every read stops one byte past
the size limit, so an endless stream costs at most that much memory.

Text is decoded as UTF-8 (with or without a byte-order mark), as UTF-16 or UTF-32 when a
byte-order mark says so, and otherwise through charset-normalizer's detector for legacy 8-bit
files (Windows-1252, Latin-1 and the like). The encoding used is returned so that the caller can
say so and a fix can write the file back the way it was.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from typing import BinaryIO

CHUNK = 1 << 16

# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# What the detector may answer for a file it was not told about: single-byte Western and
# Central European code pages. Anything else it guesses from a short English-looking file is
# more often wrong than right (it reads plain ASCII-with-one-byte as Cyrillic or Greek).
_LEGACY = ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman", "cp850")

_PREFERRED = "cp1252"
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


class ReadError(Exception):
    """Bytes that cannot be read or decoded; the message says why (the caller names the file)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name: utf-8, utf-16-le, cp1252, ...
    bom: bytes = b""

    @property
    def is_utf8(self) -> bool:
        return self.encoding == "utf-8"

    def encode(self, text: str) -> bytes:
        """``text`` in this file's encoding, with its byte-order mark (for writing fixes)."""
        return self.bom + text.encode(self.encoding)


def too_large(size: int, limit: int) -> str:
    return (f"file is too large ({size:,} bytes or more; the limit is {limit:,}, "
            "set max-file-bytes to raise it)")


def read_limited(path: str, limit: int) -> bytes:
    """The bytes of a regular file, refusing devices, FIFOs and anything over ``limit``."""
    try:
        before = os.stat(path)
    except OSError as exc:
        raise ReadError(_os_reason(exc)) from None
    _require_regular(before.st_mode)
    if before.st_size > limit:
        raise ReadError(too_large(before.st_size, limit))
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO after the stat, open does not wait
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise ReadError(_os_reason(exc)) from None
    with os.fdopen(fd, "rb") as fh:
        _require_regular(os.fstat(fd).st_mode)
        return read_stream(fh, limit)


def read_stream(stream: BinaryIO, limit: int) -> bytes:
    """Read at most ``limit`` bytes; one more means the input is too large."""
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        try:
            chunk = stream.read(min(CHUNK, limit + 1 - size))
        except BlockingIOError:
            chunk = None
        except OSError as exc:
            raise ReadError(_os_reason(exc)) from None
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    if size > limit:
        raise ReadError(too_large(size, limit))
    return b"".join(parts)


def _require_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise ReadError("is a directory")
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else
            "a character device" if stat.S_ISCHR(mode) else
            "a block device" if stat.S_ISBLK(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    raise ReadError(f"is {kind}; only regular files and - (stdin) are read")


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links (a symlink loop)"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    return f"cannot be read ({exc.strerror or exc})"


def decode_bytes(raw: bytes) -> Decoded:
    """Decode as described in the module docstring; ``ReadError`` when no encoding fits."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[len(bom) :].decode(encoding), encoding, bom)
            except UnicodeDecodeError as exc:
                raise ReadError(f"not valid {encoding.upper()} after its byte-order mark "
                                f"(byte offset {exc.start + len(bom)})") from None
    if b"\x00" in raw[:8192]:
        raise ReadError("looks like a binary file (it contains NUL bytes); not checked")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    legacy = _detect_legacy(raw)
    if legacy is not None:
        return legacy
    bad = raw[utf8_error.start : utf8_error.start + 1].hex()
    raise ReadError(f"not valid UTF-8 (byte 0x{bad} at offset {utf8_error.start}) and not "
                    "recognisably a legacy 8-bit encoding; convert the file to UTF-8 and check "
                    "it again")


def _detect_legacy(raw: bytes) -> Decoded | None:
    """The detector's pick among legacy code pages; where Windows-1252 reads the bytes as well
    as its first choice (ties are common on short English text), Windows-1252 wins: it is what
    English-language newsrooms' old files are in."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw, cp_isolation=list(_LEGACY)))
    if not matches:
        return None
    best = min(m.chaos for m in matches)
    close = [m for m in matches if m.chaos <= best + 0.01]
    preferred = next((m for m in close if _PREFERRED in m.could_be_from_charset), None)
    encoding = _PREFERRED if preferred is not None else close[0].encoding
    if encoding not in _LEGACY:
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(text):
        return None  # control characters: binary, not text in an old code page
    return Decoded(text, encoding)
