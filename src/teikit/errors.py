"""Errors that carry a source location, so every failure reads as ``file:line:col: message``.

Users of a command-line tool act on a location, not on a traceback: every error
teikit raises on bad input is a :class:`TeikitError`, and the CLI prints it as
one line and exits with status 2.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """A place in an input file; line and column are 1-based, 0 meaning unknown."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line and self.column:
            return f"{self.file}:{self.line}:{self.column}"
        if self.line:
            return f"{self.file}:{self.line}"
        return self.file


class TeikitError(Exception):
    """Bad input or a failed operation, with the place it was found.

    ``location`` is ``None`` only when no file is involved (a bad option, say).
    """

    def __init__(self, message: str, location: SourceLocation | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"

    def __reduce__(self) -> tuple[type[TeikitError], tuple[str, SourceLocation | None]]:
        # keep the location when the error crosses a process boundary (--jobs, --timeout)
        return (type(self), (self.message, self.location))
