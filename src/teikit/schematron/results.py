"""What a Schematron run reports: typed, immutable results a caller can sort and compare."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
Kind = Literal["assert", "report"]

_SEVERITY_OF_ROLE: dict[str, Severity] = {
    "error": "error",
    "fatal": "error",
    "warning": "warning",
    "warn": "warning",
    "nonfatal": "warning",
    "info": "info",
    "information": "info",
    "informational": "info",
}


def severity_of(role: str | None) -> Severity:
    """Map a free ``@role`` to a severity; no role, or one unknown, counts as an error.

    ISO Schematron leaves ``@role`` free text; these are the spellings schemas in
    the wild use (the TEI's own rules say ``nonfatal`` and ``warn``).
    """
    if role is None:
        return "error"
    return _SEVERITY_OF_ROLE.get(role.strip().lower(), "error")


@dataclass(frozen=True, slots=True)
class SchematronResult:
    """One failed ``assert`` or one successful ``report`` on one node.

    ``id`` is the assert/report ``@id``, else its rule's, else its pattern's
    (``None`` when none has one). ``location`` is an XPath to the rule's context
    node in the notation of the ISO skeleton (``/*:TEI[namespace-uri()='…'][1]/…``),
    so results compare directly with SVRL written by other implementations;
    ``line`` is that node's source line (0 if unknown). ``pattern_position`` is
    the pattern's 1-based position among the schema's concrete patterns, which
    names patterns that have no ``@id``.
    """

    kind: Kind
    id: str | None
    role: str | None
    severity: Severity
    message: str
    location: str
    line: int
    test: str
    pattern: str | None
    pattern_position: int
    rule_context: str
    flag: str | None = None
    document: str | None = None
    diagnostics: tuple[str, ...] = ()
    properties: tuple[str, ...] = ()
    #: The element the result is about (an attribute's owner; None for the document):
    #: a caller that wants the element need not resolve ``location`` back to it.
    #: Not compared: results of two runs are equal when they say the same.
    element: Any = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        where = f"{self.document or '<document>'}:{self.line}" if self.line else self.location
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True, slots=True)
class FiredRule:
    """A rule that fired on one context node (kept only when asked, for SVRL)."""

    pattern_position: int
    context: str
    id: str | None
    role: str | None
    location: str


@dataclass(frozen=True, slots=True)
class ActivePattern:
    """A pattern the run evaluated."""

    position: int
    id: str | None
    name: str | None


@dataclass(frozen=True, slots=True)
class SchematronReport:
    """A whole run: results, and the patterns and rule firings that SVRL also lists.

    ``events`` is the run in SVRL order: each :class:`ActivePattern`, then each
    :class:`FiredRule` of it followed by its results. It is empty unless the run
    was asked to keep firings.
    """

    document: str | None
    results: tuple[SchematronResult, ...]
    active_patterns: tuple[ActivePattern, ...]
    fired_rule_count: int
    events: tuple[ActivePattern | FiredRule | SchematronResult, ...] = field(default=())
    phase: str = "#ALL"
    title: str | None = None
    namespaces: tuple[tuple[str, str], ...] = ()
