"""``teikit validate``: RELAX NG, Schematron and XSD with messages people can act on.

Usage::

    from teikit import validate

    report = validate("letters/", schema="tei_all.rng")
    for p in report.problems:
        print(p.location, p.message)

See ``docs/validate.rst`` for the CLI, the output formats and CI recipes.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from teikit.validate.check import Options, check_file
from teikit.validate.discover import discover
from teikit.validate.loader import DEFAULT_MAX_BYTES
from teikit.validate.report import Engine, FileResult, Problem, Report, Severity
from teikit.validate.schemas import SchemaSpec, schema_paths

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "Engine",
    "FileResult",
    "Problem",
    "Report",
    "Severity",
    "validate",
]

Source = str | os.PathLike[str] | bytes


def validate(
    source: Source | Iterable[str | os.PathLike[str]],
    schema: SchemaSpec = None,
    *,
    xml_model: bool = False,
    phase: str | None = None,
    warn_only: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float | None = None,
) -> Report:
    """Validate files, directories (recursively), globs or XML bytes against a schema.

    ``schema`` is one path or several (RELAX NG, Schematron, XSD, ODD); by default
    the bundled teikit schema. With ``xml_model``, ``<?xml-model?>`` instructions
    in a document choose its schemas. Compiled schemas are reused by later calls.
    ``timeout`` (seconds) stops and reports a document whose check runs longer.
    """
    explicit = tuple(schema_paths(schema)) if schema is not None else None
    options = Options(explicit, phase, xml_model, max_bytes, timeout=timeout)
    if isinstance(source, bytes):
        results = [check_file("<bytes>", options, data=source)]
    else:
        items = [source] if isinstance(source, (str, os.PathLike)) else list(source)
        results = [check_file(p, options) for p in discover([os.fspath(i) for i in items])]
    report = Report(tuple(results), explicit or ())
    return report.as_warnings() if warn_only else report
