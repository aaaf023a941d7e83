"""The ``dask`` backend: the same tasks on a ``dask.distributed`` cluster.

teikit does not schedule anything itself: tasks are submitted to an existing
Dask scheduler (``--scheduler tcp://host:8786`` or ``TEIKIT_SCHEDULER``), or
to a caller's ``Client`` (a ``LocalCluster`` in tests). Workers run the very
functions the ``local`` backend runs, so the bytes written are the same.

Workers need teikit installed (the same version) and must see the input and
output paths: a shared file system, or object storage mounted at the same
path on every host (see ``docs/scale.rst``). Each worker compiles the schema
once, on its first task, and keeps it for the rest of the run.
"""

from __future__ import annotations

import uuid
from collections import deque
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from teikit.errors import TeikitError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

T = TypeVar("T")
R = TypeVar("R")

#: Chunks in flight per worker thread.
WINDOW_PER_THREAD = 3
#: Documents per Dask task. A document takes a few milliseconds; a Dask task
#: costs about a millisecond of scheduling and a network round trip, so tasks
#: carry a few dozen documents each (Dask's own advice: tasks of 100 ms or more).
CHUNK = 32
#: Seconds to wait for the scheduler (``TEIKIT_SCHEDULER_TIMEOUT`` overrides).
CONNECT_TIMEOUT = 30.0


def _client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise TeikitError(
            "the dask backend needs dask.distributed: pip install 'teikit[dask]'"
        ) from None
    import os

    try:
        timeout = float(os.environ.get("TEIKIT_SCHEDULER_TIMEOUT") or CONNECT_TIMEOUT)
    except ValueError:
        raise TeikitError("TEIKIT_SCHEDULER_TIMEOUT must be a number of seconds") from None
    _check_address(address)
    try:
        make: Any = Client  # typed or not depending on the installed version
        return make(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise TeikitError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def _teikit_version() -> str:
    """Run on every worker: the teikit version it imports (ModuleNotFoundError without one)."""
    from teikit._version import __version__

    return __version__


def _run_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    """Run on a worker: one task, several documents."""
    return [fn(item) for item in chunk]


def _chunked(it: Iterator[T], size: int) -> Iterator[list[T]]:
    while chunk := list(islice(it, size)):
        yield chunk


def _check_address(address: str) -> None:
    """Refuse a malformed address before a Client is half-built from it."""
    from distributed.comm.addressing import get_address_host_port, parse_address

    try:
        scheme, _ = parse_address(address)
        if scheme in ("tcp", "tls", "ws", "wss"):
            get_address_host_port(address)
    except ValueError as exc:
        raise TeikitError(f"not a Dask scheduler address: {address!r} ({exc})") from None


class DaskBackend:
    """Tasks on a Dask cluster, given by scheduler ``address`` or an existing ``client``."""

    def __init__(self, address: str | None = None, client: Any = None, chunk: int = CHUNK) -> None:
        self.chunk = max(1, chunk)
        if client is None and not address:
            raise TeikitError(
                "the dask backend needs a scheduler address (--scheduler or TEIKIT_SCHEDULER)"
            )
        self._own = client is None
        self.client: Any = client if client is not None else _client(str(address))
        threads = self.client.nthreads()
        self.workers = max(1, sum(threads.values()) if threads else 1)
        self._check_versions()

    def _check_versions(self) -> None:
        """Refuse workers running another teikit: their output would differ from a local run."""
        from teikit._version import __version__

        try:
            versions: dict[str, str] = self.client.run(_teikit_version)
        except Exception as exc:  # the worker's own error, whatever it is
            if self._own:
                self.client.close()
            raise TeikitError(
                f"the Dask workers cannot run teikit ({type(exc).__name__}: {exc}); "
                "install teikit on every worker"
            ) from None
        other = sorted({v for v in versions.values() if v != __version__})
        if other:
            if self._own:
                self.client.close()
            raise TeikitError(
                f"the Dask workers run teikit {', '.join(other)}, this is teikit {__version__}: "
                "install the same version everywhere"
            )

    def imap(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        prefix = f"teikit-{getattr(fn, '__name__', 'task')}-{uuid.uuid4().hex[:8]}"
        counter = iter(range(1 << 62))
        chunks = _chunked(iter(items), self.chunk)

        def submit(chunk: list[T]) -> Any:
            key = f"{prefix}-{next(counter)}"
            return self.client.submit(_run_chunk, fn, chunk, key=key, pure=False)

        window: deque[Any] = deque(
            submit(chunk) for chunk in islice(chunks, self.workers * WINDOW_PER_THREAD)
        )
        try:
            while window:
                future = window.popleft()
                try:
                    results: list[R] = future.result()
                except Exception as exc:  # tasks report bad documents; this is the cluster
                    raise TeikitError(
                        f"the Dask cluster failed a task ({type(exc).__name__}: {exc})"
                    ) from None
                future.release()
                for chunk in islice(chunks, 1):
                    window.append(submit(chunk))
                yield from results
        finally:
            for future in window:
                future.cancel()

    def close(self) -> None:
        if self._own:
            self.client.close()
