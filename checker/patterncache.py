"""Compiled regular expressions kept between runs (CPython 3.11).

Importing the rules and checking a first text compiles about 370 regular expressions: 0.09 s of
a 0.3 s rules-only check of one file, paid again by every process, because Python keeps compiled
patterns only in memory (``re``'s own cache, a dict keyed by type, pattern and flags). This
module writes down, once per machine and Python build, what ``re``'s compiler made of them: for
each pattern the opcode list and group tables that ``re._compiler.compile`` hands to
``_sre.compile``. A later process rebuilds the patterns from the file and puts them into ``re``'s
cache before the rules are imported; each ``re.compile`` of the rules then finds its pattern
there. Nothing else changes: a rebuilt pattern is the object ``re.compile`` would have made from
the same opcodes, and ``tests/test_patterncache.py`` checks the opcodes against a fresh compile.

The file is marshal data in ``$XDG_CACHE_HOME/checker`` (``~/.cache/checker``), named after the
Python version, ``_sre``'s magic number and the package's folder; it is written when it is
missing or when importing the rules compiled a pattern it lacks (the code changed), after
checking a fixed warm-up text so that it holds the patterns every check needs, and never the
ones a document's own words made.
Any trouble (another Python, a file that does not load, a cache folder that cannot be written)
means the patterns compile as before: no result ever depends on the file.
``CHECKER_STARTUP_CACHE=0`` turns it off (and the word tables ``checker.tablecache`` keeps);
``CHECKER_STARTUP_CACHE=DIR`` keeps the file in ``DIR``.

Private parts of CPython are used (``_sre.compile``, ``re._compiler``, ``re._parser``,
``re._cache``), so the cache is used on CPython 3.11 only, the Python this project pins; on any
other it is off. Why not a compiled regex library instead: the rules' patterns use ``re``'s own
semantics (possessive quantifiers, look-behinds), which ``re2`` lacks, and ``regex`` matches
differently in places; their results are what the tests and evaluations were measured on.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import marshal
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from checker.tablecache import startup_cache_on, startup_folder, writable, write_marshal

FORMAT = 1
MAX_ENTRIES = 1000  # a warm-up check compiles about 370

try:  # CPython's regular-expression engine and compiler
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python
    _sre = None

_state: dict[str, Any] = {"loaded": None, "keys": frozenset()}


def enabled() -> bool:
    return (_sre is not None and sys.implementation.name == "cpython"
            and sys.version_info[:2] == (3, 11) and getattr(_sre, "CODESIZE", 0) == 4
            and array.array("I").itemsize == 4 and startup_cache_on())


def _header() -> tuple[Any, ...]:
    """What a file must have been written by: this Python build and this installation of the
    package (two checkouts of different code would otherwise rewrite one file turn about)."""
    return (FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS,
            str(Path(__file__).resolve().parent))


def cache_path() -> Path:
    """The file, in ``startup_folder()``, named after ``_header()``."""
    name = hashlib.sha256(repr(_header()).encode()).hexdigest()[:16]
    return startup_folder() / f"patterns-{name}.marshal"


def _entry(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` gives ``_sre.compile`` for ``pattern``."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (pattern, int(flags), int(flags | parsed.state.flags),
            array.array("I", code).tobytes(), parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _rebuild(entry: tuple[Any, ...]) -> re.Pattern[str]:
    pattern, _, final_flags, code, groups, groupindex, indexgroup = entry
    opcodes = array.array("I")
    opcodes.frombytes(code)
    compiled: re.Pattern[str] = _sre.compile(pattern, final_flags, opcodes.tolist(), groups,
                                             groupindex, indexgroup)
    return compiled


def load() -> bool:
    """Put the patterns of an earlier run into ``re``'s cache (once a process). False when
    there is no usable file (it is missing, or from another Python)."""
    if _state["loaded"] is not None:
        return bool(_state["loaded"])
    _state["loaded"] = False
    if not enabled():
        return False
    try:
        header, entries = marshal.loads(cache_path().read_bytes())
        if header != _header():
            return False
        cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
        keys = []
        for entry in entries:
            key = (str, entry[0], entry[1])
            if key not in cache:
                cache[key] = _rebuild(entry)
            keys.append(key)
    except Exception:  # a missing, partial or foreign file: the patterns compile as before
        return False
    _state["loaded"], _state["keys"] = True, frozenset(keys)
    return True


class _Recorder(dict):  # type: ignore[type-arg]
    """``re``'s cache while the rules are imported: every key looked up or stored is noted."""

    def __init__(self, contents: dict[Any, Any]) -> None:
        super().__init__(contents)
        self.seen: set[Any] = set()

    def __getitem__(self, key: Any) -> Any:
        self.seen.add(key)
        return super().__getitem__(key)

    def __setitem__(self, key: Any, value: Any) -> None:
        self.seen.add(key)
        super().__setitem__(key, value)


@contextlib.contextmanager
def recording() -> Iterator[set[Any]]:
    """The keys of the string patterns compiled (or found in the cache) inside the block."""
    seen: set[Any] = set()
    if not enabled():
        yield seen
        return
    recorder = _Recorder(re._cache)  # type: ignore[attr-defined]
    re._cache = recorder  # type: ignore[attr-defined]
    try:
        yield seen
    finally:
        re._cache = dict(recorder)  # type: ignore[attr-defined]
        seen.update(key for key in recorder.seen if key[0] is str and isinstance(key[2], int))


def lacks(keys: set[Any]) -> bool:
    """Is one of these patterns missing from the file (or is there no file)?"""
    return enabled() and not keys <= _state["keys"]


def save(keys: set[Any], warm_up: Callable[[], object]) -> bool:
    """Run ``warm_up`` (a check of a fixed text, which compiles what every check needs), then
    write ``keys`` and the patterns it used to the file. True when written."""
    # a folder that cannot be written: no warm-up and no compiling again, every run
    if not enabled() or not writable():
        return False
    try:
        with recording() as warm:
            warm_up()
        wanted = sorted(keys | warm, key=lambda key: (key[1], key[2]))[:MAX_ENTRIES]
        entries = [_entry(pattern, flags) for _, pattern, flags in wanted]
    except Exception:  # the check itself will say what went wrong; no file is kept
        return False
    if not write_marshal(cache_path(), (_header(), entries)):
        return False
    _state["loaded"], _state["keys"] = True, frozenset(wanted)
    return True
