"""``checker report PATHS... --out DIR``: check many documents and write a browsable report.

Exit codes: 0 the report was written (findings are not failures here: the report is the
product), 2 usage or configuration error, 130 interrupted (what was finished is kept; run the
same command again to finish).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from checker import __version__
from checker.atomic import write_text
from checker.batch.plan import DocumentJob, Manifest, cache_key, load_record, slug_for
from checker.batch.runner import (
    BackendError,
    Writer,
    batches_of,
    default_jobs,
    run_dask,
    run_inline,
    run_local,
)
from checker.batch.work import DocOutcome
from checker.cli import add_selection_arguments
from checker.config import (
    ConfigError,
    Settings,
    find_config,
    settings_for,
    validate_codes,
    with_cli,
)
from checker.inputs import (
    DEFAULT_MAX_BYTES,
    OUTPUT_MARKER,
    InputError,
    iter_files,
    read_bytes,
)
from checker.request import joined
from checker.source.request import SourceRequest


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="checker report", description=(
        "Check many documents and write per-document HTML reports, findings.parquet/.csv, "
        "documents.csv and index.html into DIR. A re-run skips documents whose content, "
        "configuration and checker version are unchanged."))
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    p.add_argument("--out", "-o", type=Path, default=Path("reports/run"), metavar="DIR",
                   help="output directory (default reports/run)")
    p.add_argument("--jobs", "-j", type=int, default=None,
                   help="local worker processes (default: one per CPU; 1 runs in-process)")
    p.add_argument("--batch-size", type=int, default=None,
                   help="documents per unit of work sent to a worker (default 8)")
    p.add_argument("--dask", default=None, metavar="ADDRESS",
                   help="run on an existing Dask cluster, e.g. tcp://scheduler:8786 "
                        "('local' overrides a configured cluster)")
    p.add_argument("--dask-timeout", type=float, default=None, metavar="SECONDS",
                   help="how long to wait for the Dask scheduler (default 20)")
    add_selection_arguments(p)  # repeatable, appending: as ``checker check``
    p.add_argument("--config", type=Path, default=None, help="use this configuration file")
    p.add_argument("--no-model", action="store_true", help="rules only: load no model")
    p.add_argument("--source", action="append", default=[], metavar="FILE",
                   help="check every document against this source text (repeatable); "
                        "per-document sources come from [tool.checker.sources]")
    p.add_argument("--force", action="store_true", help="re-check everything (ignore the manifest)")
    p.add_argument("--title", default=None, help="title of index.html (default: DIR's name)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    return p


REPORT_OPTIONS = {"dask", "dask-timeout", "jobs", "batch-size"}


def report_options(first_path: str, explicit: Path | None) -> dict[str, Any]:
    """``[tool.checker.report]`` (or ``[report]`` in checker.toml): dask, jobs, batch-size."""
    found = explicit or find_config(Path(first_path))
    if found is None:
        return {}
    try:
        data = tomllib.loads(found.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    table = data.get("tool", {}).get("checker", {}) if found.name == "pyproject.toml" else data
    options = table.get("report", {})
    if not isinstance(options, dict):
        raise ConfigError(f"{found}: report must be a table")
    unknown = sorted(set(options) - REPORT_OPTIONS)
    if unknown:
        raise ConfigError(f"{found}: unknown report setting(s) {', '.join(unknown)}")
    return dict(options)


def plan(files: Sequence[str], args: argparse.Namespace) -> list[DocumentJob]:
    jobs = []
    error: str | None
    for path in dict.fromkeys(files):
        slug = slug_for(path)
        sources: tuple[tuple[str, bytes], ...] = ()
        try:
            settings: Settings | None = resolve(path, args)
            error = None
            sources = _sources(path, settings, args)
        except ConfigError as exc:
            settings, error = None, str(exc)
        except InputError as exc:
            error = f"{path}: source text {exc}"
        try:  # read no further than this file's own limit
            raw = read_bytes(path, settings.max_file_bytes if settings else DEFAULT_MAX_BYTES)
        except InputError as exc:
            error = str(exc)
            jobs.append(DocumentJob(path, slug, f"unreadable-{time.time()}", b"", None, error))
            continue
        jobs.append(DocumentJob(path, slug, cache_key(raw, settings, sources), raw, settings,
                                error, sources))
    return jobs


def _sources(path: str, settings: Settings | None,
             args: argparse.Namespace) -> tuple[tuple[str, bytes], ...]:
    """The source texts of one document, read here so that workers need no shared disk."""
    if settings is None:
        return ()
    wanted = SourceRequest(tuple(args.source)).for_draft(path, settings.sources, settings.root)
    return tuple((p, read_bytes(p)) for p in wanted)


def _not_a_source(path: str, args: argparse.Namespace) -> bool:
    try:
        settings = resolve(path, args)
    except ConfigError:
        return True
    return not SourceRequest(tuple(args.source)).is_source(path, settings.sources, settings.root)


def resolve(path: str, args: argparse.Namespace) -> Settings:
    return with_cli(settings_for(path, args.config), select=joined(args.select) or None,
                    ignore=joined(args.ignore), extend_select=joined(args.extend_select),
                    use_model=False if args.no_model else None)


@contextmanager
def progress_bar(total: int, skipped: int, enabled: bool) -> Iterator[Any]:
    """A rich progress bar on stderr; yields a callback for each finished document."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    label = "checking" + (f" ({skipped} unchanged, skipped)" if skipped else "")
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[last]}", style="dim"), TimeElapsedColumn(),
                  TimeRemainingColumn(), console=console, transient=False,
                  disable=not (enabled and console.is_terminal)) as bar:
        task = bar.add_task(label, total=total, last="")

        def advance(o: DocOutcome) -> None:
            bar.update(task, advance=1, last=Path(o.path).name[:40])

        yield advance


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(list(argv) if argv is not None else None)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"checker report: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        base = resolve(args.paths[0], args)
        validate_codes(base.selectors())  # a typo must not select nothing (as checker check)
        options = report_options(args.paths[0], args.config)
        size = max(1, args.batch_size or int(options.get("batch-size", 8)))
    except (ConfigError, ValueError, TypeError) as exc:
        print(f"checker report: {exc}", file=sys.stderr)
        return 2
    named = {p for p in args.paths if Path(p).is_file()}
    files = [f for f in iter_files(args.paths, base.exclude)
             if f in named or _not_a_source(f, args)]
    if not files:
        print("checker report: no .txt, .md or .html files found", file=sys.stderr)
        return 2
    out: Path = args.out
    if out.exists() and not out.is_dir():
        print(f"checker report: --out {out}: not a folder; name the folder to write the report "
              "into", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    (out / OUTPUT_MARKER).touch()  # a later walk over the inputs never checks this report
    for stale in out.rglob(".*.tmp"):  # left by a run killed in the middle of a write
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    jobs = plan(files, args)
    manifest = Manifest(out)
    done = {j.path for j in jobs if not args.force and manifest.is_done(j)}
    todo = [j for j in jobs if j.path not in done]
    skipped = [j.path for j in jobs if j.path in done]
    backend, stream = choose_backend(args, options, batches_of(todo, size), len(todo) > size)
    interrupted = False
    with progress_bar(len(todo), len(skipped), not args.no_progress) as advance:
        writer = Writer(out, manifest, advance)
        try:
            for outcomes in stream:
                writer.add_batch(outcomes)
        except BackendError as exc:
            print(f"checker report: {exc}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            interrupted = True
        finally:
            writer.close()
    seconds = time.perf_counter() - started
    summary = write_outputs(out, jobs, args.title or out.resolve().name, {
        "checked now": len(writer.written), "skipped (unchanged)": len(skipped),
        "seconds": f"{seconds:.1f}"}, partial=interrupted)
    run = {"tool": __version__, "finished": datetime.now(UTC).isoformat(timespec="seconds"),
           "backend": backend, "seconds": round(seconds, 3), "interrupted": interrupted,
           "checked": writer.written, "skipped": skipped, **summary}
    write_text(out / "run.json", json.dumps(run, indent=1))
    state = "interrupted; run the same command again to finish" if interrupted else "done"
    print(f"checker report: {state}: {len(writer.written)} checked, {len(skipped)} unchanged "
          f"(skipped), {summary['findings']} finding(s) in {summary['documents']} document(s), "
          f"{summary['failed']} could not be checked, {seconds:.1f}s on {backend}; "
          f"open {out / 'index.html'}", file=sys.stderr)
    return 130 if interrupted else 0


def choose_backend(args: argparse.Namespace, options: dict[str, Any],
                   batches: Iterator[list[DocumentJob]],
                   several: bool) -> tuple[str, Iterator[list[DocOutcome]]]:
    """Dask when asked (flag or configuration), a process pool when there is more than one
    batch and more than one job, else this process. Returns a label and the result stream."""
    configured = args.dask or options.get("dask")
    if configured not in (None, "", "local"):
        timeout = args.dask_timeout or float(options.get("dask-timeout", 20))
        return f"dask {configured}", run_dask(batches, str(configured), timeout=timeout)
    workers = args.jobs if args.jobs is not None else int(options.get("jobs", 0)) or default_jobs()
    if workers > 1 and several:
        return f"{workers} processes", run_local(batches, workers)
    return "in-process", run_inline(batches)


def write_outputs(out: Path, jobs: Sequence[DocumentJob], title: str, stats: dict[str, Any],
                  partial: bool = False) -> dict[str, int]:
    """Rebuild the tables and the index from every finished record, in input order."""
    from checker.batch.index import render_index
    from checker.batch.tables import documents_frame, findings_frame, write_tables

    records, reports = [], []
    for job in jobs:
        record = load_record(out, job.slug)
        if record is not None and record.get("key") == job.key:
            records.append(record)
            reports.append(f"docs/{job.slug}.html")
    findings = findings_frame(records)
    documents = documents_frame(records, reports)
    write_tables(out, findings, documents)
    if partial:
        title += f" (partial: {len(records)} of {len(jobs)})"
    write_text(out / "index.html", render_index(findings, documents, title=title, stats=stats))
    return {"documents": len(records), "findings": len(findings),
            "failed": int((documents["error"] != "").sum())}
