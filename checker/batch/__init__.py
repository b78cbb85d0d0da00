"""``checker report``: annotated reports, tables and an index over many documents.

The pieces, in the order data flows through them:

* :mod:`checker.batch.plan` reads each input once, hashes it with the configuration and decides
  what a re-run may skip (the manifest);
* :mod:`checker.batch.work` is what runs in a worker (a local process or a Dask worker): it checks
  a batch of documents and returns rows and a rendered report for each;
* :mod:`checker.batch.runner` schedules batches in-process, on a local process pool or on a Dask
  cluster, and writes every result atomically as it arrives;
* :mod:`checker.batch.tables` and :mod:`checker.batch.index` turn the results into
  ``findings.parquet``/``.csv``, ``documents.csv`` and ``index.html``.
"""
