"""Write files atomically: a temporary file in the same directory, then ``os.replace``.

What the user had is kept: a symlink is written through (the file it points to changes, the link
stays a link), the mode and owner of the file being replaced carry over, and a file with more
than one hard link is rewritten in place (after its backup is safe), since replacing the
directory entry would split it from its other names.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class WriteRefused(OSError):
    """The target must not be written (read-only); the message says why."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: str | Path, text: str, encoding: str = "utf-8", *,
               durable: bool = True) -> None:
    write_bytes(path, text.encode(encoding), durable=durable)


def write_bytes(path: str | Path, data: bytes, *, mode: int | None = None,
                refuse_read_only: bool = False, durable: bool = True) -> None:
    """Replace ``path`` with ``data``. ``mode`` sets the permissions of a new file (default:
    what ``open()`` would give it); ``refuse_read_only`` raises ``WriteRefused`` for a file
    nobody may write (mode 0444), which a fix must not overwrite even as root. ``durable``
    False skips the flush to disk, for files that can be made again (a cache's entries): the
    replace is still atomic, so a reader sees the old file or the whole new one."""
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None:
        if stat.S_ISDIR(existing.st_mode):
            raise IsADirectoryError(21, "is a directory", str(path))
        if refuse_read_only and not existing.st_mode & 0o222:
            raise WriteRefused(13, "the file is read-only; not rewritten", str(path))
        if existing.st_nlink > 1 and stat.S_ISREG(existing.st_mode):
            _write_in_place(target, data, durable)
            return
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if existing is not None:
            os.chmod(tmp, stat.S_IMODE(existing.st_mode))
            _keep_owner(tmp, existing)
        else:  # mkstemp makes 0600 files; a new file gets what open() would have given it
            os.chmod(tmp, (0o666 & ~_umask()) if mode is None else mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _keep_owner(tmp: str, existing: os.stat_result) -> None:
    info = os.stat(tmp)
    if (info.st_uid, info.st_gid) == (existing.st_uid, existing.st_gid):
        return
    try:
        os.chown(tmp, existing.st_uid, existing.st_gid)
    except PermissionError:  # not ours to give away: the group at least, where allowed
        with contextlib.suppress(PermissionError):
            os.chown(tmp, -1, existing.st_gid)


def _write_in_place(target: Path, data: bytes, durable: bool = True) -> None:
    with open(target, "r+b") as fh:
        fh.write(data)
        fh.truncate()
        if durable:
            fh.flush()
            os.fsync(fh.fileno())
