"""Validation of converter output, behind one function so the converter never writes
a file the teikit schema rejects.

It checks the bundled RELAX NG (``schema/teikit.rng``) with lxml and the
Schematron rules of ``schema/teikit.sch`` with :mod:`teikit.schematron`; both
are compiled once per process. The serialized bytes are parsed again before
checking so that every problem has the output's line number. When a single
``teikit.validate`` entry point for trees exists, :func:`problems` is the one
place to switch over to it. Problems are :class:`teikit.validate.report.Problem`,
the one type for a schema problem wherever it is found.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.resources import schema_path
from teikit.validate.report import Engine, Problem, Severity
from teikit.validate.schemas import DEFAULT_SCHEMA
from teikit.xmlio import parse_bytes, parse_file


def _problem(
    name: str, line: int, severity: str, message: str, rule: str, engine: Engine
) -> Problem:
    """A problem of the converter's output, the same type ``teikit validate`` reports."""
    return Problem(
        Severity(severity), name, line, 0, "", message, rule, engine, schema=DEFAULT_SCHEMA
    )


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
            out.extend(
                _problem(name, e.line, "error", e.message, "rng:invalid", Engine.RELAXNG)
                for e in rng.error_log
            )
    sch_path = schema_path("teikit.sch")
    if sch_path.is_file():
        sch = _schematron(str(sch_path), sch_path.stat().st_mtime)
        for result in sch.validate(tree):
            message = f"[{result.id}] {result.message}"
            out.append(
                _problem(name, result.line, result.severity, message, result.id, Engine.SCHEMATRON)
            )
    return out


def check(data: bytes, name: str) -> list[Problem]:
    """Raise :class:`TeikitError` (naming the would-be output) on any error; return warnings."""
    found = problems(data, name)
    errors = [p for p in found if p.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise TeikitError(
            f"converter output is not valid against the teikit schema: {first.message}{more}",
            SourceLocation(name, first.line),
        )
    return [p for p in found if p.severity is not Severity.ERROR]
