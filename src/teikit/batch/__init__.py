"""Running one function over many documents: in local processes or on a Dask cluster.

``teikit convert`` and ``teikit validate`` (and their Python APIs) hand their
per-document work to a :class:`Backend`, chosen by name from a registry, so
the same command runs on a laptop's cores or on a cluster without any other
change. A backend yields results **in input order** while keeping only a
bounded window of documents in flight, so a batch of 300,000 files needs no
more memory than one of 30, and its output is reproducible.

Backends:

``local``
    A pool of worker processes on this machine (:mod:`teikit.batch.local`);
    one job runs in the calling process.
``dask``
    A ``dask.distributed`` cluster (:mod:`teikit.batch.dask_backend`), chosen
    by ``--scheduler ADDRESS`` or ``TEIKIT_SCHEDULER``; needs
    ``pip install teikit[dask]`` and teikit installed on every worker.

Task functions must be importable module-level functions taking and
returning picklable values, and must not raise for a bad document: they
return an outcome that says what went wrong.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

from teikit.errors import TeikitError

T = TypeVar("T")
R = TypeVar("R")

#: Environment variable naming a Dask scheduler, as ``--scheduler`` does.
SCHEDULER_ENV = "TEIKIT_SCHEDULER"


class Backend(Protocol):
    """Where per-document tasks run."""

    #: how many tasks can run at once (for progress and window sizes)
    workers: int

    def imap(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``fn`` over ``items``, results in input order, a bounded number in flight."""
        ...

    def close(self) -> None:
        """Release workers and connections."""
        ...


BackendFactory = Callable[..., Backend]


def _local(**options: Any) -> Backend:
    from teikit.batch.local import LocalBackend

    return LocalBackend(jobs=options.get("jobs"))


def _dask(**options: Any) -> Backend:
    from teikit.batch.dask_backend import DaskBackend

    return DaskBackend(address=options.get("scheduler"), client=options.get("client"))


#: Backends by name; a new engine registers a factory here.
BACKENDS: dict[str, BackendFactory] = {"local": _local, "dask": _dask}


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def printable_name(name: str) -> str:
    """``name`` with bytes that are not UTF-8 (kept by the OS as surrogates) shown as ``\\xNN``.

    Such a name cannot go into XML or a UTF-8 report; the document is refused
    under this printable form.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def backend(
    name: str | None = None,
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
) -> Backend:
    """The backend to run a batch on.

    Without a ``name``, a scheduler address (argument or ``TEIKIT_SCHEDULER``)
    or a Dask ``client`` selects ``dask``; otherwise ``local`` with ``jobs``
    processes (default: all cores).
    """
    scheduler = scheduler or os.environ.get(SCHEDULER_ENV) or None
    if name is None:
        name = "dask" if scheduler or client is not None else "local"
    try:
        factory = BACKENDS[name]
    except KeyError:
        known = ", ".join(sorted(BACKENDS))
        raise TeikitError(f"unknown backend {name!r} (known: {known})") from None
    return factory(jobs=jobs, scheduler=scheduler, client=client)


__all__ = ["BACKENDS", "SCHEDULER_ENV", "Backend", "backend", "default_jobs", "printable_name"]
