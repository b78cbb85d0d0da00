"""Run batches in-process, on a local process pool or on a Dask cluster, and write as they land.

Every backend yields finished batches to one writer in the client, so the outputs, their order
and their atomicity do not depend on where the work ran. Each result is written (report, then
record) the moment its batch arrives and the manifest is saved after every batch, so a run killed
at any point loses at most the batches still in flight.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from checker.atomic import write_text
from checker.batch.plan import DocumentJob, Manifest, record_path, report_path
from checker.batch.work import DocOutcome, process_batch, worker_info
from checker.lifeline import die_with

Batches = Iterable[list[DocumentJob]]


class BackendError(Exception):
    """The chosen backend cannot run this job (no scheduler, mismatched workers)."""


def run_inline(batches: Batches) -> Iterator[list[DocOutcome]]:
    for batch in batches:
        yield process_batch(batch)


def run_local(batches: Batches, jobs: int) -> Iterator[list[DocOutcome]]:
    """A process pool that keeps ``2 x jobs`` batches in flight (bounded memory for big runs).

    ``forkserver`` gives each worker a clean interpreter that imported checker once, without
    inheriting the client's threads (the progress bar) the way ``fork`` would.
    """
    import multiprocessing

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["checker.batch.work", "checker.rules"])
    pending = iter(batches)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_setup,
                             initargs=(jobs, os.getpid())) as pool:
        running: set[Future[list[DocOutcome]]] = set()
        try:
            while True:
                while len(running) < 2 * jobs:
                    batch = next(pending, None)
                    if batch is None:
                        break
                    running.add(pool.submit(process_batch, batch))
                if not running:
                    return
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    yield fut.result()
        except BaseException:
            for fut in running:
                fut.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _worker_setup(jobs: int, client: int) -> None:
    """Share the cores between workers (each torch would otherwise take them all, and two
    workers on two cores ran slower than one), leave Ctrl-C to the client, and die with it."""
    _set_threads(jobs)
    _ignore_sigint()
    die_with(client)


def _ignore_sigint() -> None:
    """Ctrl-C is the client's to handle: it stops submitting and keeps what was written."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_dask(batches: Batches, address: str, *,
             timeout: float = 20.0) -> Iterator[list[DocOutcome]]:
    """Submit batches to an existing Dask cluster, ``2 x threads`` in flight, gather as they end.

    Each Dask worker is a long-lived process, so its ModelHub cache makes it load a model once.
    Workers must run the same checker version and rules as the client (checked first).
    """
    import importlib

    try:  # typed as Any: distributed ships no type hints
        dist: Any = importlib.import_module("distributed")
    except ImportError:  # pragma: no cover - optional dependency
        raise BackendError(
            "--dask needs the 'report' extra: pip install 'checker[report]'") from None
    try:
        client = dist.Client(address, timeout=timeout, set_as_default=False)
    except OSError as exc:
        raise BackendError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        _check_workers(client.run(worker_info), address)
        _share_cores(client)
        threads = sum(client.nthreads().values()) or 1
        pending = iter(batches)
        first = [client.submit(process_batch, b, pure=False) for b in _take(pending, 2 * threads)]
        if not first:
            return
        queue = dist.as_completed(first, loop=client.loop)
        for fut in queue:
            result: list[DocOutcome] = fut.result()
            fut.release()
            for batch in _take(pending, 1):
                queue.add(client.submit(process_batch, batch, pure=False))
            yield result
    finally:
        client.close()


def _take(it: Iterator[list[DocumentJob]], n: int) -> list[list[DocumentJob]]:
    out = []
    for _ in range(n):
        batch = next(it, None)
        if batch is None:
            break
        out.append(batch)
    return out


def _share_cores(client: Any) -> None:
    """Give each Dask worker's torch its share of its host's cores (``CHECKER_THREADS``).

    A worker thread running the model would otherwise use every core of the host, so two workers
    on one host fought over the cores and ran slower than one (measured on the 406 articles: 638 s
    through Dask against 327 s for one local process). A share set on the workers by their admin
    (``CHECKER_THREADS`` in their environment) wins.
    """
    hosts: dict[str, list[tuple[str, int]]] = {}
    for address, info in client.scheduler_info()["workers"].items():
        hosts.setdefault(str(info.get("host")), []).append((address, int(info.get("nthreads", 1))))
    for members in hosts.values():
        busy = sum(n for _, n in members) or 1
        client.run(_set_threads, busy, workers=[a for a, _ in members])


def _set_threads(busy: int) -> int:
    """This process's torch share of the host's cores when ``busy`` workers share them (the local
    pool and Dask both use it); a ``CHECKER_THREADS`` already in the environment wins."""
    threads = max(1, (os.cpu_count() or 1) // busy)
    os.environ.setdefault("CHECKER_THREADS", str(threads))
    return int(os.environ["CHECKER_THREADS"])


def _check_workers(infos: dict[str, Any], address: str) -> None:
    if not infos:
        raise BackendError(f"the Dask cluster at {address} has no workers")
    mine = worker_info()
    for worker, info in infos.items():
        if (info["version"], info["rules"]) != (mine["version"], mine["rules"]):
            raise BackendError(
                f"Dask worker {worker} runs checker {info['version']} (rules {info['rules']}), "
                f"the client {mine['version']} (rules {mine['rules']}); install the same "
                "checker on every worker")


def batches_of(jobs: Sequence[DocumentJob], size: int) -> Iterator[list[DocumentJob]]:
    for i in range(0, len(jobs), size):
        yield list(jobs[i : i + size])


class Writer:
    """Writes each finished document and keeps the manifest in step.

    Every file is written atomically and fsynced (checker.atomic). fsync dominates the cost of
    writing and releases the GIL, so a few threads write while the next batch is being checked.
    A document enters the manifest only once its files are on disk; the manifest is saved
    after each batch whose writes are complete.
    """

    def __init__(self, out: Path, manifest: Manifest,
                 on_document: Callable[[DocOutcome], None] | None = None,
                 threads: int = 8, max_pending: int = 4) -> None:
        from collections import deque
        from concurrent.futures import ThreadPoolExecutor

        self.out = out
        self.manifest = manifest
        self.on_document = on_document
        self.written: list[str] = []
        self.max_pending = max_pending
        self.pending: deque[list[tuple[DocOutcome, Future[None]]]] = deque()
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="checker-write")

    def _write(self, o: DocOutcome) -> None:
        import json

        write_text(report_path(self.out, o.slug), o.html)
        # the record carries the key and is written last: it is what marks a document done
        write_text(record_path(self.out, o.slug), json.dumps(o.record, ensure_ascii=False))

    def add_batch(self, outcomes: Sequence[DocOutcome]) -> None:
        self.pending.append([(o, self.pool.submit(self._write, o)) for o in outcomes])
        self._settle(block=len(self.pending) > self.max_pending)

    def _settle(self, block: bool) -> None:
        """Record the oldest batches whose files are written (all of them when ``block``)."""
        settled = False
        while self.pending and (block or all(f.done() for _, f in self.pending[0])):
            for o, fut in self.pending.popleft():
                fut.result()
                self.manifest.record(o.path, o.slug, o.key, len(o.record["findings"]))
                self.written.append(o.path)
                if self.on_document is not None:
                    self.on_document(o)
            settled = True
            block = block and len(self.pending) > self.max_pending
        if settled:
            self.manifest.save()

    def close(self) -> None:
        """Wait for every write, then save the manifest one last time."""
        try:
            while self.pending:
                self._settle(block=True)
        finally:
            self.pool.shutdown(wait=True)


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)
