"""What a validation run found: problems with a place, a rule and the engine that said so.

One :class:`Problem` is one root cause a person can act on; the formats in
:mod:`teikit.validate.formats` only lay these out, so every output (terminal,
JSON, JUnit, GitHub annotations, SARIF) says the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from teikit.errors import SourceLocation

if TYPE_CHECKING:
    from collections.abc import Iterable


class Severity(StrEnum):
    """How bad a problem is; only errors make a document invalid."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Engine(StrEnum):
    """Which check found a problem."""

    XML = "XML"
    RELAXNG = "RELAX NG"
    SCHEMATRON = "Schematron"
    XSD = "XSD"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in one file; ``line``/``column`` are 1-based, 0 when unknown.

    ``message`` is the sentence for people; what it suggests is also data, so
    that an editor plug-in or a script need not parse prose: ``expected`` lists
    what the schema allows at that place (element names, attribute names or
    values, in the schema's order), ``hint`` is the single nearest correction
    ("did you mean"), and ``schema`` names the schema that found the problem
    (a bundled name such as ``tei_all``, else the schema's file name).
    """

    severity: Severity
    file: str
    line: int
    column: int
    xpath: str
    message: str
    rule: str
    engine: Engine
    expected: tuple[str, ...] = ()
    hint: str = ""
    schema: str = ""

    @property
    def location(self) -> str:
        return str(SourceLocation(self.file, self.line, self.column))

    def as_dict(self) -> dict[str, object]:
        return {
            "severity": str(self.severity),
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "xpath": self.xpath,
            "message": self.message,
            "rule": self.rule,
            "engine": str(self.engine),
            "schema": self.schema,
            "expected": list(self.expected),
            "hint": self.hint,
        }


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one file: its problems, and whether it could be read at all."""

    file: str
    problems: tuple[Problem, ...] = ()
    readable: bool = True
    seconds: float = 0.0

    @property
    def valid(self) -> bool:
        return self.readable and not any(p.severity is Severity.ERROR for p in self.problems)

    @property
    def skipped(self) -> bool:
        """Not checked on purpose (``--only-tei`` and the root is not TEI)."""
        return any(p.rule == "skip:not-tei" for p in self.problems)


@dataclass(frozen=True, slots=True)
class Report:
    """Every file checked, in the order given, with its problems."""

    files: tuple[FileResult, ...] = ()
    schemas: tuple[str, ...] = field(default=())

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    @property
    def valid(self) -> bool:
        """Every file checked is valid, and at least one was: nothing checked is not "valid"."""
        return bool(self.files) and all(f.valid for f in self.files)

    @property
    def unreadable(self) -> list[FileResult]:
        return [f for f in self.files if not f.readable]

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    def exit_code(self) -> int:
        """0 valid, 1 invalid, 2 a file could not be read or parsed as XML at all."""
        if self.unreadable:
            return 2
        return 0 if self.valid else 1

    @property
    def schema_names(self) -> list[str]:
        """The schemas of the run by name (``teikit``, ``tei_all``, a file name), in order."""
        from teikit.validate.schemas import schemas_used

        return schemas_used(self.schemas)

    def summary(self) -> str:
        n = len(self.files)
        if not n:
            return "no files checked: nothing to validate"
        bad = sum(1 for f in self.files if not f.valid)
        errors, warnings = self.count(Severity.ERROR), self.count(Severity.WARNING)
        against = " + ".join(self.schema_names) or "no schema"
        skipped = sum(1 for f in self.files if f.skipped)
        also = f", {skipped} skipped (not TEI)" if skipped else ""
        n -= skipped
        return (
            f"{n} file{'s' if n != 1 else ''} checked against {against}: "
            f"{n - bad} valid, {bad} invalid{also}; "
            f"{errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}"
        )

    def as_warnings(self) -> Report:
        """The same report with every error downgraded, for ``--warn-only``."""
        return Report(
            tuple(
                replace(
                    f,
                    problems=tuple(_downgrade(p) for p in f.problems),
                    readable=True,
                )
                for f in self.files
            ),
            self.schemas,
        )


def _downgrade(p: Problem) -> Problem:
    return replace(p, severity=Severity.WARNING) if p.severity is Severity.ERROR else p


def merge(reports: Iterable[Report]) -> Report:
    files: list[FileResult] = []
    schemas: tuple[str, ...] = ()
    for r in reports:
        files.extend(r.files)
        schemas = schemas or r.schemas
    return Report(tuple(files), schemas)
