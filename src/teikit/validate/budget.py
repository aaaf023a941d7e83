"""A time budget per document: a check that runs too long is stopped and reported.

Linear algorithms and cycle checks bound what teikit itself does, but a schema
can still ask for unbounded work (a cubic Schematron test, a pathological
regular expression in an XSD pattern). In the main thread the budget is an
interval timer whose signal raises :class:`BudgetExceededError` at the next
bytecode (the ``re`` engine checks for signals too, so a runaway pattern is
stopped); it costs two system calls per document. Elsewhere (a thread of a
larger program) the check runs in a forked child that the parent kills when
the budget is spent. Without either, the check runs without a budget.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import threading
import time
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")

#: Default budget of ``teikit validate --timeout`` (seconds per document).
DEFAULT_TIMEOUT = 600.0


class BudgetExceededError(BaseException):
    """The work did not finish within its budget (it was stopped).

    A ``BaseException``, like ``KeyboardInterrupt``: an ``except Exception``
    inside the interrupted code must not swallow it.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds

    def __reduce__(self) -> tuple[type[BudgetExceededError], tuple[float]]:
        return (type(self), (self.seconds,))


def run_within(seconds: float | None, work: Callable[[], T]) -> T:
    """``work()``, or :class:`BudgetExceededError` once ``seconds`` have passed.

    ``None`` or ``0`` means no budget. The result travels back pickled, so it
    must be picklable; an exception raised by ``work`` is re-raised here.
    """
    if not seconds:
        return work()
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        return _with_timer(seconds, work)
    if hasattr(os, "fork"):
        return _in_child(seconds, work)
    return work()


def _with_timer(seconds: float, work: Callable[[], T]) -> T:
    def expire(signum: int, frame: Any) -> None:
        raise BudgetExceededError(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return work()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _in_child(seconds: float, work: Callable[[], T]) -> T:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(read_fd)
        code = 0
        try:
            try:
                payload = pickle.dumps((True, work()))
            except BaseException as exc:
                payload = pickle.dumps((False, exc))
            with os.fdopen(write_fd, "wb") as out:
                out.write(payload)
        except BaseException:
            code = 1
        os._exit(code)
    os.close(write_fd)
    chunks: list[bytes] = []
    deadline = time.monotonic() + seconds
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BudgetExceededError(seconds)
            ready, _, _ = select.select([read_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(read_fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(read_fd)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    if not chunks:
        raise RuntimeError("the checking process ended without a result")
    ok, value = pickle.loads(b"".join(chunks))
    if ok:
        return value  # type: ignore[no-any-return]
    raise value
