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

WINDOW_PER_THREAD = 4
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

    def __init__(self, address: str | None = None, client: Any = None) -> None:
        if client is None and not address:
            raise TeikitError(
                "the dask backend needs a scheduler address (--scheduler or TEIKIT_SCHEDULER)"
            )
        self._own = client is None
        self.client: Any = client if client is not None else _client(str(address))
        threads = self.client.nthreads()
        self.workers = max(1, sum(threads.values()) if threads else 1)

    def imap(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        prefix = f"teikit-{getattr(fn, '__name__', 'task')}-{uuid.uuid4().hex[:8]}"
        counter = iter(range(1 << 62))

        def submit(item: T) -> Any:
            return self.client.submit(fn, item, key=f"{prefix}-{next(counter)}", pure=False)

        it = iter(items)
        window: deque[Any] = deque(
            submit(item) for item in islice(it, self.workers * WINDOW_PER_THREAD)
        )
        try:
            while window:
                future = window.popleft()
                result: R = future.result()
                future.release()
                for item in islice(it, 1):
                    window.append(submit(item))
                yield result
        finally:
            for future in window:
                future.cancel()

    def close(self) -> None:
        if self._own:
            self.client.close()
