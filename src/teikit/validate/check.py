"""Checking one file: read, parse safely, run every engine, time it.

Kept free of any output concern so the API, the CLI and the worker
processes of ``--jobs`` all share it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from lxml import etree

from teikit.errors import TeikitError
from teikit.validate import schemas
from teikit.validate.budget import BudgetExceededError, run_within
from teikit.validate.loader import DEFAULT_MAX_BYTES, Document, parse, read_bytes
from teikit.validate.report import Engine, FileResult, Problem, Severity
from teikit.xmlio import TEI_NS, allow_paths, display_name

#: The rule of the note that says a file was skipped because it is not TEI.
SKIPPED_RULE = "skip:not-tei"


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
    #: note and skip documents whose root element is not TEI (the pre-commit hook's mode)
    only_tei: bool = False
    #: the batch these files belong to: schemas are looked up once per batch
    #: (see :func:`teikit.validate.schemas.engines`); empty: on every document
    batch: str = ""


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
    if options.only_tei:
        skipped = _not_tei(doc)
        if skipped is not None:
            return [skipped]
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
                schemas.engines(tuple(named), options.phase, batch=options.batch)
            except TeikitError as exc:
                problems.append(
                    Problem(Severity.ERROR, doc.name, 1, 1, "", str(exc), "xml-model", Engine.XML)
                )
                return problems
            spec = tuple(named) + (options.schema or ())
    passed: set[str] = set()
    for engine in schemas.engines(spec, options.phase, batch=options.batch):
        label = schemas.schema_label(engine.path)
        given_by = getattr(engine, "given_by", None)
        if given_by is not None:
            # what a grammar this document passed guarantees need not be screened again
            found = engine.check(doc, given=given_by in passed)  # type: ignore[call-arg]
        else:
            found = engine.check(doc)
            if not found and getattr(engine, "is_grammar", False):
                passed.add(engine.path)
        problems.extend(replace(p, schema=label) for p in found)
    # read top to bottom, whichever engine found it (unknown positions last)
    return sorted(problems, key=lambda p: (p.line or 1 << 30, p.column))


def _not_tei(doc: Document) -> Problem | None:
    """A note that ``doc`` is skipped because its root is not TEI, or ``None`` if it is TEI.

    pre-commit's ``types: [xml]`` sends every XML file (``pom.xml``, schemas,
    build files) through the hook; failing them would make the hook unusable
    without careful ``exclude:`` patterns, and passing them silently would hide
    that they were not checked.
    """
    root = doc.tree.getroot()
    qname = etree.QName(root)
    if qname.namespace == TEI_NS:
        return None
    where = f"in the namespace {qname.namespace}" if qname.namespace else "in no namespace"
    return Problem(
        Severity.INFO,
        doc.name,
        root.sourceline or 1,
        1,
        f"/{qname.localname}",
        f"skipped, not TEI: the root element <{qname.localname}> is {where} "
        f"(only TEI documents are checked with --only-tei)",
        SKIPPED_RULE,
        Engine.XML,
    )
