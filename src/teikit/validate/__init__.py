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
from collections.abc import Iterable
from typing import cast

from teikit._lazy import make_callable
from teikit.errors import TeikitError
from teikit.inputs import (
    XmlInput,
    is_path,
    is_stream,
    is_tree,
    read_stream,
    refuse_markup_path,
    stream_name,
    tree_bytes,
    tree_name,
)
from teikit.validate import discover as _discover
from teikit.validate.check import Options, check_file
from teikit.validate.loader import DEFAULT_MAX_BYTES
from teikit.validate.report import Engine, FileResult, Problem, Report, Severity
from teikit.validate.schemas import SchemaSpec, default_schemas, schema_paths

__all__ = [
    "Engine",
    "FileResult",
    "Problem",
    "Report",
    "Severity",
    "validate",
]

#: What :func:`validate` checks: one document (see :data:`teikit.inputs.XmlInput`)
#: or several paths, directories and globs.
ValidateInput = XmlInput | Iterable[str | os.PathLike[str]]


def validate(
    source: ValidateInput,
    schema: SchemaSpec = None,
    *,
    xml_model: bool = False,
    phase: str | None = None,
    warn_only: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    client: object = None,
    cache: bool | str | os.PathLike[str] = False,
) -> Report:
    """Validate files, directories (recursively), globs, XML bytes or parsed trees.

    As in lxml and xmlschema, a ``str`` or ``os.PathLike`` is a path (a file, a
    directory or a glob); XML content comes as ``bytes``, a binary file object
    or an lxml tree/element; an iterable holds several paths. Naming nothing
    that exists (a glob that matches nothing, an empty directory, a string of
    XML) raises :class:`~teikit.errors.TeikitError`: a report of zero files is
    never "valid".

    ``schema`` is a bundled schema's name (``"teikit"``, ``"tei_all"``,
    ``"tei_lite"``), one path or several (RELAX NG, Schematron, XSD, ODD); by
    default the bundled teikit schema. With ``xml_model``, ``<?xml-model?>``
    instructions in a document choose its schemas. Compiled schemas are reused
    by later calls. ``timeout`` (seconds) stops and reports a document whose
    check runs longer.

    Many files can be checked by ``jobs`` local processes or on a Dask cluster
    (``scheduler`` address or ``client``; see :doc:`/scale`), and ``cache``
    (``True`` or a directory) keeps verdicts by content and schema hash.
    """
    explicit = tuple(schema_paths(schema)) if schema is not None else None
    options = Options(explicit, phase, xml_model, max_bytes, timeout=timeout)
    if isinstance(source, bytes):
        results = [check_file("<bytes>", options, data=source)]
    elif is_tree(source):
        name = tree_name(source, "<tree>")
        results = [check_file(name, options, data=tree_bytes(source))]
    elif is_stream(source):
        name = stream_name(source, "<stream>")
        results = [check_file(name, options, data=read_stream(source, name, max_bytes))]
    else:
        items: list[object] = (
            [source] if is_path(source) else list(cast("Iterable[object]", source))
        )
        paths: list[str] = []
        for item in items:
            if not is_path(item):
                raise TypeError(f"validate() takes paths in an iterable, not {type(item).__name__}")
            refuse_markup_path(item, "validate")
            paths.append(os.fspath(item))
        files = _discover.discover(paths)
        if not files:
            named = ", ".join(repr(p) for p in paths) or "an empty list"
            raise TeikitError(
                f"nothing to validate: no XML file found in {named} "
                "(a glob that matches nothing, or an empty directory?)"
            )
        from teikit.validate.runner import run_files

        verdicts = None
        if cache:
            from teikit.validate.cache import VerdictCache

            verdicts = VerdictCache.for_options(options, None if cache is True else cache)
        results = run_files(
            files, options, jobs=jobs, scheduler=scheduler, client=client, cache=verdicts
        )
    report = Report(tuple(results), explicit or tuple(_default_names()))
    return report.as_warnings() if warn_only else report


def _default_names() -> list[str]:
    try:
        return default_schemas()
    except TeikitError:
        return []


make_callable(__name__, "validate")
