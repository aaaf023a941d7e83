"""Checking one file: read, parse safely, run every engine, time it.

Kept free of any output concern so the API, the CLI and the worker
processes of ``--jobs`` all share it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from teikit.errors import TeikitError
from teikit.validate import schemas
from teikit.validate.budget import BudgetExceededError, run_within
from teikit.validate.loader import DEFAULT_MAX_BYTES, Document, parse, read_bytes
from teikit.validate.report import Engine, FileResult, Problem, Severity
from teikit.xmlio import allow_paths, display_name


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a worker needs to check files the same way as the parent."""

    schema: tuple[str, ...] | None = None
    phase: str | None = None
    xml_model: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    #: seconds one document may take (``None``: no budget); see :mod:`.budget`
    timeout: float | None = None
    #: folders schemas and ``xml-model`` may read besides their own (``--allow-path``)
    allow_paths: tuple[str, ...] = ()


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
    """Check one file (or the given bytes under that name), within ``options.timeout``."""
    if options.allow_paths:
        allow_paths(list(options.allow_paths))
    if not options.timeout:
        return _check_file(name, options, data)
    started = time.perf_counter()
    try:
        return run_within(options.timeout, lambda: _check_file(name, options, data))
    except BudgetExceededError as exc:
        shown = display_name(name)
        problem = Problem(
            Severity.ERROR,
            shown,
            0,
            0,
            "",
            f"not checked: the check took longer than the time budget of {exc.seconds:g} s "
            "and was stopped (raise it with --timeout, or look for a costly schema rule)",
            "timeout",
            Engine.XML,
        )
        return FileResult(shown, (problem,), readable=False, seconds=time.perf_counter() - started)


def _check_file(name: str, options: Options, data: bytes | None) -> FileResult:
    started = time.perf_counter()
    path, name = name, display_name(name)  # reports name a file whatever bytes its name holds
    if data is None:
        try:
            data = read_bytes(path, options.max_bytes)
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
            try:
                # a schema the document names is the document's problem, not the run's
                schemas.engines(tuple(named), options.phase)
            except TeikitError as exc:
                problems.append(
                    Problem(Severity.ERROR, doc.name, 1, 1, "", str(exc), "xml-model", Engine.XML)
                )
                return problems
            spec = tuple(named) + (options.schema or ())
    for engine in schemas.engines(spec, options.phase):
        problems.extend(engine.check(doc))
    # read top to bottom, whichever engine found it (unknown positions last)
    return sorted(problems, key=lambda p: (p.line or 1 << 30, p.column))
