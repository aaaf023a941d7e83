"""A one-line progress bar on stderr, only when stderr is a terminal.

No dependency is needed for a counter redrawn in place; logs and CI output
(not a terminal) get nothing but the summary.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """``[#####.....] 120/2855 files, 41/s``, redrawn at most ten times a second."""

    def __init__(self, total: int, stream: TextIO | None = None, unit: str = "files") -> None:
        self.total = max(total, 1)
        self.done = 0
        self.unit = unit
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self._drawn = 0.0

    @staticmethod
    def wanted(quiet: bool = False, stream: TextIO | None = None) -> bool:
        """Whether to draw at all: not when quiet, and only on a terminal."""
        s = stream or sys.stderr
        return not quiet and s.isatty()

    def step(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._drawn < 0.1 and self.done < self.total:
            return
        self._drawn = now
        width = 30
        filled = width * min(self.done, self.total) // self.total
        rate = self.done / max(now - self.started, 1e-9)
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} "
            f"{self.unit}, {rate:.0f}/s"
        )
        self.stream.flush()

    def clear(self) -> None:
        """Wipe the bar, e.g. before a message line is printed."""
        self.stream.write("\r\x1b[2K")
        self.stream.flush()
        self._drawn = 0.0

    def close(self) -> None:
        self.clear()
