"""Running teikit on hostile input with a bound on time, and checking how it failed.

Every reproducer must end in a clear one-line error or a correct result, with
no traceback and no hang. Hangs are caught with an interval timer (an
exception raised in the test, not a wall-clock assertion of speed: the bound
is generous, the machine may be busy).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from typing import TYPE_CHECKING

from teikit.cli import main

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    import pytest

#: Generous bound for one reproducer: the issue asks for under 2 s on a quiet machine.
BOUND = 60.0
TEI_NS = "http://www.tei-c.org/ns/1.0"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
MINIMAL_TEI = f'<TEI xmlns="{TEI_NS}"><teiHeader/></TEI>'


class HangError(AssertionError):
    """The code under test did not return within the bound (it would hang)."""


@contextlib.contextmanager
def bounded(seconds: float = BOUND) -> Iterator[None]:
    """Fail the test, instead of hanging it, if the block runs longer than ``seconds``."""

    def expire(signum: int, frame: object) -> None:
        raise HangError(f"still running after {seconds:g} s: unbounded time")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run ``teikit ARGV`` in-process, bounded; returns (status, stdout, stderr)."""
    with bounded():
        status = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return status, out, err


def one_line_error(err: str) -> str:
    """The single ``teikit: file:line:col: message`` line an error must be.

    ``teikit convert`` may add its one summary line (``teikit convert: N
    documents: …``); that is not part of the error.
    """
    lines = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith("teikit convert:")]
    assert len(lines) == 1, err
    assert lines[0].startswith("teikit: "), err
    return lines[0]


def subprocess_teikit(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m teikit ARGS`` in a child (for what must not run in the test process)."""
    proc = subprocess.run(
        [sys.executable, "-m", "teikit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=BOUND,
        check=False,
        env={**os.environ, "PYTHONUTF8": "1"},
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def make_fifo(path: Path) -> Path:
    """A named pipe nobody writes to: reading it would block forever."""
    os.mkfifo(path)
    return path


def doctype_after_comment(dtd: Path, comment_bytes: int = 70_000) -> bytes:
    """A TEI document whose DOCTYPE names ``dtd`` after a long comment (beyond 64 KiB)."""
    return (
        b'<?xml version="1.0"?>\n<!--'
        + b"c" * comment_bytes
        + b"-->\n"
        + f'<!DOCTYPE TEI SYSTEM "{dtd.as_uri()}">\n{MINIMAL_TEI}\n'.encode()
    )
