"""ODD-level warnings: what the compiler tolerated, as data, and ``--strict`` to refuse it.

The official chain (the TEI Stylesheets) silently drops a reference that
resolves to nothing and ignores a change that has nothing to apply to; a
project's ODD then compiles, but not to what its author meant. teikit does
what the official chain does, so that every ODD it compiles still compiles,
and says so: each such place becomes an :class:`OddWarning` with the file,
line and column of the ODD construct and the rule it falls under. With
``strict=True`` (``teikit schema build --strict``) the first one is an error
instead, which is what a project's CI wants.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from teikit.errors import SourceLocation
from teikit.odd.locate import locate, odd_error

if TYPE_CHECKING:
    from lxml import etree


@dataclass(frozen=True, slots=True)
class OddWarning:
    """One tolerated ODD construct; ``line``/``column`` are 1-based, 0 when unknown.

    ``rule`` is a stable name for the kind (``unknown-module``, ``attdef-missing`` …),
    so a project can filter on it; ``message`` says what was done.
    """

    file: str
    line: int
    column: int
    message: str
    rule: str

    @property
    def location(self) -> str:
        return str(SourceLocation(self.file, self.line, self.column))

    def __str__(self) -> str:
        return f"{self.location}: warning: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "severity": "warning",
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "rule": self.rule,
        }


@dataclass
class Reporter:
    """Collects warnings for one compilation (chained ODDs share it); strict raises instead."""

    strict: bool = False
    warnings: list[OddWarning] = field(default_factory=list)

    def warn(self, node: etree._Element | None, rule: str, message: str) -> None:
        if self.strict:
            raise odd_error(node, f"{message} [strict: {rule}]")
        where = locate(node) or SourceLocation("<odd>")
        self.warnings.append(OddWarning(where.file, where.line, where.column, message, rule))
