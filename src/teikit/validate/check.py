"""Checking one file: read, parse safely, run every engine, time it.

Kept free of any output concern so the API, the CLI and the worker
processes of ``--jobs`` all share it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from teikit.errors import TeikitError
from teikit.validate import schemas
from teikit.validate.loader import DEFAULT_MAX_BYTES, Document, parse, read_bytes
from teikit.validate.report import Engine, FileResult, Problem, Severity


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a worker needs to check files the same way as the parent."""

    schema: tuple[str, ...] | None = None
    phase: str | None = None
    xml_model: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


def _error(name: str, exc: TeikitError, rule: str) -> Problem:
    loc = exc.location
    return Problem(
        Severity.ERROR,
        name,
        loc.line if loc else 0,
        loc.column if loc else 0,
        "",
        exc.message,
        rule,
        Engine.XML,
    )


def check_file(name: str, options: Options, data: bytes | None = None) -> FileResult:
    """Check one file (or the given bytes under that name)."""
    started = time.perf_counter()
    if data is None:
        try:
            data = read_bytes(name, options.max_bytes)
        except TeikitError as exc:
            return FileResult(name, (_error(name, exc, "io:unreadable"),), readable=False)
    try:
        doc = parse(data, name)
    except TeikitError as exc:
        return FileResult(
            name,
            (_error(name, exc, "xml:not-well-formed"),),
            seconds=time.perf_counter() - started,
        )
    problems = check_document(doc, options)
    return FileResult(name, tuple(problems), seconds=time.perf_counter() - started)


def check_document(doc: Document, options: Options) -> list[Problem]:
    spec: schemas.SchemaSpec = options.schema
    problems: list[Problem] = []
    if options.xml_model:
        named, warnings = schemas.xml_model_schemas(doc.tree, doc.name)
        problems.extend(
            Problem(Severity.WARNING, doc.name, 1, 1, "", w, "xml-model", Engine.XML)
            for w in warnings
        )
        if named:
            spec = tuple(named) + (options.schema or ())
    for engine in schemas.engines(spec, options.phase):
        label = schemas.schema_label(engine.path)
        problems.extend(replace(p, schema=label) for p in engine.check(doc))
    # read top to bottom, whichever engine found it (unknown positions last)
    return sorted(problems, key=lambda p: (p.line or 1 << 30, p.column))
