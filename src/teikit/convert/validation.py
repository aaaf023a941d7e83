"""Validation of converter output, behind one function so the converter never writes
a file the teikit schema rejects.

It checks the bundled RELAX NG (``schema/teikit.rng``) with lxml and the
Schematron rules of ``schema/teikit.sch`` with :mod:`teikit.schematron`; both
are compiled once per process. The serialized bytes are parsed again before
checking so that every problem has the output's line number. When a single
``teikit.validate`` entry point for trees exists, :func:`problems` is the one
place to switch over to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.resources import schema_path
from teikit.xmlio import parse_bytes, parse_file


@dataclass(frozen=True)
class Problem:
    line: int
    severity: str  # "error" | "warning" | "info"
    message: str

    def __str__(self) -> str:
        return f"{self.line}: {self.severity}: {self.message}"


@lru_cache(maxsize=2)
def _relaxng(path: str, mtime: float) -> etree.RelaxNG:
    del mtime
    return etree.RelaxNG(parse_file(path))


@lru_cache(maxsize=2)
def _schematron(path: str, mtime: float) -> Any:
    del mtime
    from teikit.schematron import Schematron

    return Schematron.from_file(path)


def problems(data: bytes, name: str = "<output>") -> list[Problem]:
    """Every schema problem of serialized TEI, errors and warnings."""
    tree = parse_bytes(data, name)
    out: list[Problem] = []
    rng_path = schema_path("teikit.rng")
    if rng_path.is_file():
        rng = _relaxng(str(rng_path), rng_path.stat().st_mtime)
        if not rng.validate(tree):
            out.extend(Problem(e.line, "error", e.message) for e in rng.error_log)
    sch_path = schema_path("teikit.sch")
    if sch_path.is_file():
        sch = _schematron(str(sch_path), sch_path.stat().st_mtime)
        for result in sch.validate(tree):
            out.append(Problem(result.line, result.severity, f"[{result.id}] {result.message}"))
    return out


def check(data: bytes, name: str) -> list[Problem]:
    """Raise :class:`TeikitError` (naming the would-be output) on any error; return warnings."""
    found = problems(data, name)
    errors = [p for p in found if p.severity == "error"]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise TeikitError(
            f"converter output is not valid against the teikit schema: {first.message}{more}",
            SourceLocation(name, first.line),
        )
    return [p for p in found if p.severity != "error"]


def tree_problems(tree: etree._ElementTree) -> list[Problem]:
    """Schema problems of an in-memory tree; ``line`` is the element's ``sourceline``.

    The converter numbers its elements through ``sourceline`` before calling
    this (:func:`teikit.convert.fallback.number_elements`), so each problem
    names the element it is about, not a line of serialized output.
    """
    out: list[Problem] = []
    rng_path = schema_path("teikit.rng")
    if rng_path.is_file():
        rng = _relaxng(str(rng_path), rng_path.stat().st_mtime)
        if not rng.validate(tree):
            out.extend(Problem(e.line, "error", e.message) for e in rng.error_log)
    sch_path = schema_path("teikit.sch")
    if sch_path.is_file():
        sch = _schematron(str(sch_path), sch_path.stat().st_mtime)
        out.extend(Problem(r.line, r.severity, f"[{r.id}] {r.message}") for r in sch.validate(tree))
    return out
