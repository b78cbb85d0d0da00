"""Tables derived from installed word lists, kept between runs.

Some rules build a table from a data file of an installed package the first time a document
needs it: TY109 the set of codespell's one-fix misspellings (58,000 keys read with a pattern
from its 0.6 MB dictionary, about 30 ms), the rules that ask how common a word is wordfreq's
lists unpacked from gzip (the large one 25 ms) and the small list's words as a set. A
rules-only check of one article paid up to 80 ms of its 0.2 s for them. ``table`` keeps each
such table as marshal data in ``startup_folder()`` (``~/.cache/checker``, shared with the
compiled patterns of ``checker.patterncache``), under a key made of the Python version, the
table's name and version, and the path, size and modification time of every file it is built
from: a reinstalled or upgraded package is a new key, so a table is never read for data it was
not built from. A file that is missing, damaged or cannot be written means the table is built
as before. ``CHECKER_STARTUP_CACHE=0`` turns both off.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from checker.resources import user_cache_root

T = TypeVar("T")
FORMAT = 1
_OFF = ("0", "false", "off", "no")


def startup_cache_on() -> bool:
    """False when ``CHECKER_STARTUP_CACHE`` turns off what is kept between runs (the word
    tables here, the compiled patterns in ``checker.patterncache``)."""
    return os.environ.get("CHECKER_STARTUP_CACHE", "").lower() not in _OFF


def startup_folder() -> Path:
    """Where they are kept: ``$CHECKER_STARTUP_CACHE`` when that names a folder, else
    ``resources.user_cache_root()`` (``~/.cache/checker``, where the ONNX exports are too)."""
    folder = os.environ.get("CHECKER_STARTUP_CACHE", "")
    return Path(folder) if folder else user_cache_root()


def writable() -> bool:
    """Can files be kept in ``startup_folder()`` (made if it is missing)?"""
    try:
        folder = startup_folder()
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home folder to put it in
        return False
    return os.access(folder, os.W_OK)


def write_marshal(path: Path, value: Any) -> bool:
    """Replace ``path`` with ``value`` as marshal data (atomically; not flushed to disk, since
    it can be made again). False where it cannot be written: then nothing is kept."""
    from checker.atomic import write_bytes

    try:
        write_bytes(path, marshal.dumps(value), durable=False)
    except Exception:  # a folder that cannot be written, a value marshal cannot write
        return False
    return True


def _key(name: str, version: int, sources: Sequence[Path]) -> tuple[Any, ...]:
    files = []
    for source in sources:
        info = os.stat(source)
        files.append((str(Path(source).resolve()), info.st_size, info.st_mtime_ns))
    return (FORMAT, sys.version, name, version, tuple(files))


def table_path(name: str, key: tuple[Any, ...]) -> Path:
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:16]
    return startup_folder() / f"table-{name}-{digest}.marshal"


def table(name: str, version: int, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """``build()``, or what it returned in an earlier run for the same ``sources`` (their
    path, size and modification time), ``name`` and ``version`` (raise it when ``build``
    changes). The value must be marshal data: str, bytes, numbers, and lists, tuples, sets and
    dicts of them."""
    if not startup_cache_on():
        return build()
    try:
        key = _key(name, version, sources)
        path = table_path(name, key)
    except (OSError, RuntimeError):  # a source gone, no home folder: build it, keep nothing
        return build()
    try:
        stored_key, value = marshal.loads(path.read_bytes())
        if stored_key == key:
            return value  # type: ignore[no-any-return]
    except Exception:  # missing, partial or another format: built again below
        pass
    value = build()
    if write_marshal(path, (key, value)):
        prefix = f"table-{name}-"
        with contextlib.suppress(OSError):
            for other in os.listdir(path.parent):  # (not glob: its pattern would be compiled)
                if (other.startswith(prefix) and len(other) == len(path.name)
                        and other.endswith(".marshal") and other != path.name):
                    (path.parent / other).unlink(missing_ok=True)  # built from files since
                    # replaced (a package upgraded)
    return value
