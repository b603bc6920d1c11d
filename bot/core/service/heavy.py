"""CPU-heavy jobs in a small pool of worker processes, so they never hold this process's GIL.

Why processes and not the bot's worker threads: a thread running Python or C code that holds the
GIL (libyaml composing a 0.5 MB upload, validating 2,000 questions, writing a million-row CSV,
matplotlib drawing a chart) keeps the event loop from running whenever the OS lets that thread
hold the GIL through its time slice; on a loaded 2-core machine that was 0.1-0.4 s at a time.
A worker process has its own GIL: the bot's loop only waits for the answer.

The pool is off (jobs run inline, in the caller's thread) until `use_processes` turns it on: the
Discord bot does (bot.app.build_service with on_event_loop), a one-shot CLI command does not,
since starting a worker costs more than most of its jobs. The pool is created on the first job
(spawn: a clean interpreter, safe with threads and open SQLite connections), holds at most
`workers` processes and is shut down by `close` (QuizService.close). Jobs are module-level
functions taking and returning plain, picklable data.

Workers run at a lower CPU priority (nice +WORKER_NICENESS): on a 2-core machine two busy
workers (an export, an upload) otherwise take both cores at the same priority as the bot's own
process, whose event loop and answers then wait for the OS to give them a core back. A job is
something an instructor waits seconds for anyway; a heartbeat or an answer is not.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

if TYPE_CHECKING:  # imported on the first job: a CLI command that runs none never pays it
    from concurrent.futures import ProcessPoolExecutor

log = logging.getLogger(__name__)
WORKER_NICENESS = 10
P = ParamSpec("P")
T = TypeVar("T")


class HeavyJobs:
    """Runs `fn(*args, **kwargs)` in a worker process when the pool is on, else inline."""

    def __init__(self) -> None:
        self._workers = 0
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    @property
    def in_processes(self) -> bool:
        return self._workers > 0

    def use_processes(self, workers: int) -> None:
        """Run later jobs in up to `workers` processes (0: inline again, closing the pool)."""
        with self._lock:
            self._workers = max(int(workers), 0)
        if self._workers == 0:
            self.close()

    def run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """The job's result (or its exception, raised here). Blocks the calling thread, so call
        it from a worker thread (off_loop), never on the event loop itself."""
        pool = self._ensure_pool()
        if pool is None:
            return fn(*args, **kwargs)
        from concurrent.futures.process import BrokenProcessPool

        try:
            return pool.submit(fn, *args, **kwargs).result()
        except BrokenProcessPool:
            # A worker died (killed, out of memory): start a fresh pool for the next job and
            # do this one here, so the caller still gets its answer.
            log.warning("a heavy-job worker process died; running %s inline",
                        getattr(fn, "__name__", fn))
            self._discard(pool)
            return fn(*args, **kwargs)

    def close(self) -> None:
        """Stop the worker processes (waiting for running jobs); later jobs start a new pool."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def _ensure_pool(self) -> ProcessPoolExecutor | None:
        with self._lock:
            if self._workers == 0:
                return None
            if self._pool is None:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                self._pool = ProcessPoolExecutor(
                    max_workers=self._workers, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_yield_to_the_bot)
            return self._pool

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)


def _yield_to_the_bot() -> None:
    """A worker's first step: lower its own priority (module doc). Where the OS refuses, the
    worker runs as before."""
    with contextlib.suppress(AttributeError, OSError):  # no os.nice (Windows), or refused
        os.nice(WORKER_NICENESS)


def priority() -> int:
    """This process's nice value (a job for the tests: the workers' is WORKER_NICENESS more)."""
    return os.nice(0) if hasattr(os, "nice") else 0
