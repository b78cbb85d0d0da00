"""Settings from ``[tool.checker]`` in pyproject.toml or from checker.toml, found upward."""

from __future__ import annotations

import fnmatch
import functools
import hashlib
import json
import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checker.findings import Severity


class ConfigError(Exception):
    pass


class UnknownCodeError(ConfigError):
    """Rule codes or prefixes that match no rule: a typo that would silently select nothing."""

    def __init__(self, codes: Iterable[str], hint: str = "`checker rules` lists them") -> None:
        self.codes = tuple(codes)
        super().__init__(f"unknown rule code or prefix: {', '.join(self.codes)} ({hint})")


def unknown_codes(selectors: Iterable[str]) -> list[str]:
    """The selectors that match no rule code ("" selects everything and is always known).

    The one check behind ``checker check``, ``checker report`` and the web API's ``select`` and
    ``ignore``, so each refuses exactly the same codes."""
    from checker.rules import all_rules

    known = [r.code for r in all_rules()]
    return sorted({s for s in selectors if s and not any(c.startswith(s.upper()) for c in known)})


def validate_codes(selectors: Iterable[str], hint: str = "`checker rules` lists them") -> None:
    unknown = unknown_codes(selectors)
    if unknown:
        raise UnknownCodeError(unknown, hint)


@dataclass(frozen=True)
class Override:
    paths: tuple[str, ...]
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("",)  # "" matches every code
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    min_severity: Severity = Severity.INFO  # findings below it are hidden, in every format
    force_exclude: bool = False  # apply ``exclude`` to files named on the command line too
    exclude: tuple[str, ...] = ()
    max_file_bytes: int = 10 * 1024 * 1024
    severity: dict[str, Severity] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    names: dict[str, Any] = field(default_factory=dict)
    spam: dict[str, Any] = field(default_factory=dict)
    nli: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, Any] = field(default_factory=dict)  # draft pattern -> source path(s)
    use_model: bool = True
    source: str | None = None  # the file these came from
    root: str | None = None  # paths in overrides are relative to this

    def is_selected(self, code: str, path: str | None = None) -> bool:
        return _decide(code, *self.selection(path))

    def selected_codes(self, codes: Iterable[str], path: str | None = None) -> set[str]:
        """Those of ``codes`` selected for ``path``: its overrides looked up once, not once a
        code (the engine asks for every file it checks)."""
        select, ignore = self.selection(path)
        return {code for code in codes if _decide(code, select, ignore)}

    def selection(self, path: str | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The select and ignore lists in force for ``path``, its overrides applied."""
        select, ignore = self.select, self.ignore
        for override in self.overrides_for(path):
            if override.select is not None:
                select = override.select
            ignore = ignore + override.ignore
        return select, ignore

    def severity_for(self, code: str, default: Severity, path: str | None = None) -> Severity:
        table = dict(self.severity)
        for override in self.overrides_for(path):
            table.update(override.severity)
        best = max((p for p in table if code.startswith(p)), key=len, default=None)
        return default if best is None else table[best]

    def overrides_for(self, path: str | None) -> list[Override]:
        if path is None or not self.overrides:
            return []
        rel = _relative(path, self.root)
        return [o for o in self.overrides if any(fnmatch.fnmatch(rel, g) for g in o.paths)]

    def excludes(self, path: str) -> bool:
        """Whether ``exclude`` matches this path, as a directory walk would match it (patterns
        are relative to the configuration file's folder; a path outside it is not matched)."""
        if not self.exclude:
            return False
        import pathspec

        spec = pathspec.GitIgnoreSpec.from_lines(list(self.exclude))
        p = _resolved(Path(path))
        base = _resolved(Path(self.root)) if self.root else _resolved(Path.cwd())
        try:
            rel = p.relative_to(base).as_posix()
        except ValueError:
            return False
        return spec.match_file(rel + "/" if p.is_dir() else rel)

    def selectors(self) -> list[str]:
        """Every code or prefix this configuration names (to check them against the rules)."""
        given = [*self.select, *self.ignore, *self.severity]
        for o in self.overrides:
            given += [*(o.select or ()), *o.ignore, *o.severity]
        return given

    def unknown_selectors(self, codes: Iterable[str] | None = None) -> list[str]:
        """Selectors that match no rule code: a typo that would silently select nothing."""
        if codes is None:
            return unknown_codes(self.selectors())
        known = list(codes)
        return sorted({g for g in self.selectors() if g and not any(c.startswith(g)
                                                                    for c in known)})

    def fingerprint(self) -> str:
        """A stable hash of everything that changes findings (for caches and baselines)."""
        payload = json.dumps(_jsonable(self), sort_keys=True, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _jsonable(settings: Settings) -> dict[str, Any]:
    data = {k: getattr(settings, k) for k in settings.__dataclass_fields__}
    for display_only in ("source", "root", "min_severity", "force_exclude"):
        data.pop(display_only, None)  # where settings came from, and what is shown: not findings
    return data


def _relative(path: str, root: str | None) -> str:
    p = _resolved(Path(path))
    if root:
        try:
            return p.relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return Path(path).as_posix()


def _decide(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Longest matching prefix wins; a tie goes to ignore (flake8's DecisionEngine)."""
    sel = max((len(p) for p in select if code.startswith(p.upper())), default=-1)
    ign = max((len(p) for p in ignore if code.startswith(p.upper())), default=-1)
    return sel >= 0 and sel > ign


def _codes(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of rule codes or prefixes")
    return tuple(v.strip().upper() for v in value)


def _severities(value: Any, key: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key} must be a table of CODE = \"severity\"")
    try:
        return {k.upper(): Severity.parse(str(v)) for k, v in value.items()}
    except ValueError as exc:
        raise ConfigError(f"{key}: {exc}") from None


_KNOWN = {"select", "ignore", "extend-select", "fail-on", "min-severity", "exclude",
          "force-exclude", "max-file-bytes", "severity",
          "overrides", "names", "spam", "nli", "report", "sources"}  # report: read by checker.batch


# The keys each rule-options table accepts: a misspelt option must not silently do nothing.
_TABLE_KEYS = {"names": {"vocabulary"}, "spam": {"allow-domains", "deny-domains"},
               "nli": {"backend", "model", "quantize", "min-similarity", "pairs-per-sentence",
                       "skip-unlikely", "threshold", "both-ways-from", "clauses",
                       "off-topic-similarity", "off-topic-sentence-similarity",
                       "off-topic-gap", "garble-model", "garble-threshold", "garble-words"}}


def _flag(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{key} must be true or false, not {value!r}")
    return value


def _strings(value: Any, key: str) -> tuple[str, ...]:
    """A list of strings; a lone string is one pattern (``exclude = "*.txt"``), not characters."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of strings")
    return tuple(value)


def _nli_table(table: dict[str, Any], root: str | None) -> dict[str, Any]:
    """``[nli]``: a ``model`` that names a folder is resolved from the config file's folder, as
    every other path in it; one written as a path (./, ../, /, ~) must exist, so a typo is
    an error here rather than a download attempt from a model hub."""
    nli = _rule_table(table, "nli")
    model = nli.get("model")
    if model is None or model == "aegis":
        return nli
    if not isinstance(model, str) or not model.strip():
        raise ConfigError("[nli] model must be a folder, a model id or \"aegis\"")
    candidate = Path(model).expanduser()
    if not candidate.is_absolute() and root is not None:
        candidate = Path(root) / candidate
    pathlike = model.startswith((".", "/", "~")) or "\\" in model
    if candidate.is_dir():
        nli["model"] = str(candidate.resolve())
    elif pathlike or candidate.exists():
        raise ConfigError(f"[nli] model: {candidate} is not a folder holding a model")
    return nli


def _rule_table(table: dict[str, Any], name: str) -> dict[str, Any]:
    value = table.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{name}] must be a table")
    unknown = sorted(set(value) - _TABLE_KEYS[name])
    if unknown:
        known = ", ".join(sorted(_TABLE_KEYS[name]))
        raise ConfigError(f"[{name}]: unknown setting(s) {', '.join(unknown)} (known: {known})")
    return dict(value)


def _sources_table(value: Any) -> dict[str, Any]:
    from checker.source.request import SourceMap

    SourceMap.from_table(value, None)  # raises ValueError on a malformed table
    return dict(value)


def settings_from_table(table: dict[str, Any], source: str | None = None,
                        root: str | None = None) -> Settings:
    unknown = sorted(set(table) - _KNOWN)
    where = source or "configuration"
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(unknown)}")
    try:
        select = _codes(table.get("select", [""]), "select") or ("",)
        select = select + _codes(table.get("extend-select", []), "extend-select")
        overrides = []
        for i, raw in enumerate(table.get("overrides", [])):
            key = f"overrides[{i}]"
            if not isinstance(raw, dict) or "paths" not in raw:
                raise ConfigError(f"{key} needs a paths = [...] list")
            overrides.append(Override(
                paths=tuple(str(p) for p in raw["paths"]),
                select=_codes(raw["select"], key + ".select") if "select" in raw else None,
                ignore=_codes(raw.get("ignore", []), key + ".ignore"),
                severity=_severities(raw.get("severity", {}), key + ".severity"),
            ))
        return Settings(
            select=select,
            ignore=_codes(table.get("ignore", []), "ignore"),
            fail_on=Severity.parse(str(table.get("fail-on", "warning"))),
            min_severity=Severity.parse(str(table.get("min-severity", "info"))),
            force_exclude=_flag(table.get("force-exclude", False), "force-exclude"),
            exclude=_strings(table.get("exclude", []), "exclude"),
            max_file_bytes=int(table.get("max-file-bytes", 10 * 1024 * 1024)),
            severity=_severities(table.get("severity", {}), "severity"),
            overrides=tuple(overrides),
            names=_rule_table(table, "names"),
            spam=_rule_table(table, "spam"),
            nli=_nli_table(table, root),
            sources=_sources_table(table.get("sources", {})),
            source=source,
            root=root,
        )
    except ConfigError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's contents; a file that cannot be read or parsed is an error naming the file
    and, for a syntax error, ``FILE:LINE:COLUMN``."""
    try:
        text = path.read_text(encoding="utf-8")
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = _TOML_POSITION.search(message)
        if at is None:
            raise ConfigError(f"{path}: invalid TOML: {message}") from None
        if at["line"]:
            line, column = int(at["line"]), int(at["column"])
        else:  # "at end of document"
            lines = text.split("\n")
            line, column = len(lines), len(lines[-1]) + 1
        raise ConfigError(f"{path}:{line}:{column}: invalid TOML: "
                          f"{message[:at.start()].rstrip()}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration ({exc})") from None


# tomllib puts the place in the message: "Expected '=' ... (at line 3, column 7)", or
# "Unclosed array (at end of document)".
_TOML_POSITION = re.compile(
    r"\((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)$")


def load_config_file(path: Path) -> Settings:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("checker", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.checker] must be a table")
    else:
        table = data
    return settings_from_table(table, str(path), str(path.parent))


@functools.cache
def _config_in(directory: Path) -> Path | None:
    """The configuration file in ``directory``: checker.toml, .checker.toml, or a
    pyproject.toml with a ``[tool.checker]`` table. A pyproject.toml that is not valid TOML is
    an error (as ruff treats it): whether it configures the checker cannot be told, and passing
    over it would check with the defaults without a word."""
    for name in ("checker.toml", ".checker.toml", "pyproject.toml"):
        candidate = directory / name
        if candidate.is_file():
            if name != "pyproject.toml":
                return candidate
            tool = _read_toml(candidate).get("tool")
            if isinstance(tool, dict) and "checker" in tool:
                return candidate
    return None


def _resolved(path: Path) -> Path:
    """``path.resolve()``, or the absolute path where a symlink loop makes that impossible."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return Path(os.path.abspath(path))


def find_config(start: Path) -> Path | None:
    """The configuration that applies to ``start`` (a file or a folder): the nearest one in its
    folder or above, after symlinks are followed."""
    if not os.path.islink(start) and not os.path.isdir(start):
        # a plain file: its folder decides, and many files share one (asked once per folder)
        return _config_above(os.path.dirname(os.path.abspath(start)))
    start = _resolved(start)
    directory = start if start.is_dir() else start.parent
    return _config_above(str(directory))


@functools.lru_cache(maxsize=4096)
def _config_above(directory: str) -> Path | None:
    resolved = _resolved(Path(directory))
    for d in (resolved, *resolved.parents):
        found = _config_in(d)
        if found is not None:
            return found
    return None


@functools.cache
def _load_cached(path: Path) -> Settings:
    return load_config_file(path)


def settings_for(path: str, explicit: Path | None = None) -> Settings:
    """The settings that apply to one file (an explicit --config wins)."""
    if explicit is not None:
        return _load_cached(explicit.resolve())
    found = find_config(Path.cwd() if path == "-" else Path(path))
    return _load_cached(found) if found else Settings()


def with_cli(settings: Settings, *, select: tuple[str, ...] | None = None,
             ignore: tuple[str, ...] = (), extend_select: tuple[str, ...] = (),
             fail_on: Severity | None = None, use_model: bool | None = None,
             min_severity: Severity | None = None,
             force_exclude: bool | None = None) -> Settings:
    changes: dict[str, Any] = {}
    if select:
        changes["select"] = tuple(s.upper() for s in select)
    if extend_select:
        changes["select"] = changes.get("select", settings.select) + extend_select
    if ignore:
        changes["ignore"] = settings.ignore + tuple(i.upper() for i in ignore)
    if fail_on is not None:
        changes["fail_on"] = fail_on
    if use_model is not None:
        changes["use_model"] = use_model
    if min_severity is not None:
        changes["min_severity"] = min_severity
    if force_exclude is not None:
        changes["force_exclude"] = force_exclude
    return replace(settings, **changes)
