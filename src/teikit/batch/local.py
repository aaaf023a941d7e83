"""The ``local`` backend: worker processes on this machine.

Workers are forked where the platform allows it, after the caller has warmed
its caches (compiled schemas, the converter's regular expressions), so each
worker inherits them instead of building its own. At most a few tasks per
worker are in flight; results come back in input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from teikit.errors import TeikitError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

T = TypeVar("T")
R = TypeVar("R")

#: Tasks queued per worker: enough to keep every worker busy while the
#: result at the head of the window is awaited, few enough to bound memory.
WINDOW_PER_WORKER = 4


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops handing out work.

    Without this every worker would print its own ``KeyboardInterrupt``
    traceback; the parent instead cancels what is queued, lets each worker
    finish (and atomically write) the document it holds, and exits with 130.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


class LocalBackend:
    """``jobs`` worker processes (1: run in the calling process)."""

    def __init__(self, jobs: int | None = None) -> None:
        from teikit.batch import default_jobs

        self.workers = max(1, jobs if jobs else default_jobs())

    def imap(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        if self.workers <= 1:
            for item in items:
                yield fn(item)
            return
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=ctx, initializer=_ignore_interrupts
        )
        try:
            it = iter(items)
            window: deque[Future[R]] = deque(
                pool.submit(fn, item) for item in islice(it, self.workers * WINDOW_PER_WORKER)
            )
            while window:
                try:
                    result = window.popleft().result()
                except BrokenProcessPool:
                    raise TeikitError(
                        "a worker process died (killed, or out of memory?); the documents "
                        "written so far are complete: run again to convert the rest"
                    ) from None
                for item in islice(it, 1):
                    window.append(pool.submit(fn, item))
                yield result
        finally:
            # on an interrupt or an early stop, do not wait for queued work
            pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        """Nothing to release: a pool lives only as long as one :meth:`imap`."""
